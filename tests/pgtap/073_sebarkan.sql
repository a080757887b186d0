-- The distributed mode on a single node (issue 18): kkb.sebarkan refuses without Citus, with a hint;
-- every table of schema kkb has its place on a cluster (kkb._sebaran), every village table is keyed by
-- the village; the trigger helpers name a table on its shards; the trigger functions that run on the
-- shards of a cluster hold here (audit, versions, warnings).  The cluster itself: make test-citus.
BEGIN;
SELECT plan(16);
SET client_min_messages = warning;

SELECT throws_ok($$SELECT * FROM kkb.sebarkan()$$, '55000',
	'kkb.sebarkan needs Citus: the extension citus is not installed in this database',
	'without Citus, kkb.sebarkan refuses (55000) and says what is missing');
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc WHERE proname = 'sebarkan' AND NOT has_function_privilege('kkb_admin', oid, 'EXECUTE')), 1,
	'kkb.sebarkan is not for the working roles (superuser only)');

-- every table of schema kkb (not partitions) is placed, once
SELECT is((SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_class c
            WHERE c.relnamespace = 'kkb'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND c.relname NOT IN (SELECT tabel FROM kkb._sebaran())), NULL,
	'every table of schema kkb has a place on a cluster (kkb._sebaran)');
SELECT is((SELECT count(*)::int FROM (SELECT tabel FROM kkb._sebaran() GROUP BY tabel HAVING count(*) > 1) x), 0,
	'no table is placed twice');
SELECT is((SELECT string_agg(s.tabel, ',') FROM kkb._sebaran() s
            WHERE s.jenis = 'desa' AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = ('kkb.' || s.tabel)::regclass AND a.attname = 'kode_desa')), NULL,
	'every distributed table has the distribution column kode_desa');
SELECT is((SELECT string_agg(s.tabel, ',') FROM kkb._sebaran() s
            WHERE s.jenis <> 'desa' AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = ('kkb.' || s.tabel)::regclass AND a.attname = 'kode_desa' AND NOT a.attisdropped)), NULL,
	'every table with a kode_desa column is distributed by it');
-- unique keys of the distributed tables hold kode_desa (audit and warnings: kkb.sebarkan makes theirs)
SELECT is((SELECT string_agg(i.indexrelid::regclass::text, ',' ORDER BY 1) FROM pg_index i
            JOIN kkb._sebaran() s ON i.indrelid = ('kkb.' || s.tabel)::regclass AND s.jenis = 'desa'
           WHERE i.indisunique AND s.tabel NOT IN ('audit', 'peringatan')
             AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = 'kode_desa' AND a.attnum = ANY (i.indkey))), NULL,
	'every unique key of a distributed table holds kode_desa');
SELECT is((SELECT indexdef FROM pg_indexes WHERE schemaname = 'kkb' AND indexname = 'peringatan_satu'),
	'CREATE UNIQUE INDEX peringatan_satu ON kkb.peringatan USING btree (kode_desa, tabel, kunci, kode)',
	'one warning per village, row and kind (the village first)');

-- a shard's name gives its table's; no table with a trigger could be mistaken for a shard
SELECT is(kkb._tabel('anggota_102300'), 'anggota', 'kkb._tabel: a shard of kkb.anggota');
SELECT is(kkb._tabel('anggota'), 'anggota', 'kkb._tabel: the table itself');
SELECT is((SELECT string_agg(DISTINCT c.relname, ',') FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = 'kkb'::regnamespace AND NOT t.tgisinternal AND c.relname ~ '_[0-9]+$'), NULL,
	'no table with a trigger has a name ending in _<digits>');

-- the trigger functions' single-node paths: audit names the table, versions grow, once per village
\ir fixture_desa.inc
SELECT is((SELECT tabel || ':' || operasi FROM kkb.audit WHERE tabel = 'kampung' AND kode_desa = '13.77.01.1001' ORDER BY id DESC LIMIT 1),
	'kampung:INSERT', 'the audit names the table of an insert');
CREATE TEMP TABLE v0 AS SELECT kode_desa::text AS d, versi FROM kkb.versi_desa;
UPDATE kkb.kampung SET nama = nama || ' (ubah)' WHERE kode_desa = '13.77.01.1001';
SELECT ok((SELECT v.versi > v0.versi FROM kkb.versi_desa v JOIN v0 ON v0.d = v.kode_desa::text WHERE v.kode_desa = '13.77.01.1001'),
	'an update gives the village a larger version');
SELECT is((SELECT count(*)::int FROM kkb.versi_desa v JOIN v0 ON v0.d = v.kode_desa::text WHERE v.versi <> v0.versi), 1,
	'and no other village a new one');
SELECT is((SELECT baru ->> 'nama' FROM kkb.audit WHERE tabel = 'kampung' AND operasi = 'UPDATE' ORDER BY id DESC LIMIT 1),
	(SELECT nama FROM kkb.kampung WHERE kode_desa = '13.77.01.1001'), 'the audit of the update holds the new row');
CREATE TEMP TABLE a0 AS SELECT versi FROM kkb.versi_acuan;
UPDATE kkb.opd SET nama = nama WHERE kode = (SELECT min(kode) FROM kkb.opd);
SELECT ok((SELECT v.versi > a0.versi FROM kkb.versi_acuan v, a0), 'a change of the reference data gives it a larger version');

SELECT * FROM finish();
ROLLBACK;

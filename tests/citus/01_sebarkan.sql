-- The distributed mode on a real Citus cluster (issue 18), after kkb.sebarkan(): where every table
-- went, and the write path's guards on the shards - the audit names the logical table and is read
-- on the coordinator, versions grow per village, a second kkb.sebarkan refuses.  The parts that do not
-- hold yet on the cluster are TODO tests (docs/SCALE.md, "What does not work yet").
BEGIN;
SELECT plan(17);
SET client_min_messages = warning;

SELECT is((SELECT count(*)::int FROM pg_dist_node WHERE isactive AND noderole = 'primary' AND groupid > 0), 2,
	'two workers are active');
SELECT is((SELECT string_agg(s.tabel, ',') FROM kkb._sebaran() s
            WHERE s.jenis = 'desa' AND NOT EXISTS (
                SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = ('kkb.' || s.tabel)::regclass AND p.partmethod = 'h'
                   AND column_to_column_name(p.logicalrelid, p.partkey) = 'kode_desa')), NULL,
	'every village table is distributed by kode_desa');
SELECT is((SELECT count(DISTINCT p.colocationid)::int FROM pg_dist_partition p JOIN kkb._sebaran() s
            ON p.logicalrelid = ('kkb.' || s.tabel)::regclass WHERE s.jenis = 'desa'), 1,
	'and all are co-located with kkb.kampung');
SELECT is((SELECT string_agg(s.tabel, ',') FROM kkb._sebaran() s
            WHERE s.jenis = 'acuan' AND NOT EXISTS (
                SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = ('kkb.' || s.tabel)::regclass AND p.partmethod = 'n' AND p.repmodel = 't')), NULL,
	'every reference table is a Citus reference table');
SELECT is((SELECT string_agg(s.tabel, ',') FROM kkb._sebaran() s JOIN pg_dist_partition p ON p.logicalrelid = ('kkb.' || s.tabel)::regclass
            WHERE s.jenis = 'lokal'), NULL, 'the coordinator-only tables stay local');
SELECT is((SELECT count(DISTINCT p.groupid)::int FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)
            WHERE s.logicalrelid = 'kkb.anggota'::regclass AND p.groupid > 0), 2,
	'the shards of kkb.anggota lie on both workers');
SELECT throws_ok($$SELECT * FROM kkb.sebarkan()$$, '55000', 'this database is distributed already (kkb.kampung is a distributed table)',
	'a second kkb.sebarkan refuses');
SELECT is(current_setting('citus.enable_fast_path_router_planner'), 'off',
	'the database runs with the fast-path router off (its crash on the domain kkb.kode_desa: docs/SCALE.md)');

-- writes through the shards' triggers
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('13.77.01.1001', 'Kampung KB Karan Aur'), ('13.77.01.1002', 'Kampung KB Kampung Perak');
SELECT is((SELECT string_agg(tabel || ':' || operasi || ':' || kode_desa::text, ',' ORDER BY kode_desa) FROM kkb.audit),
	'kampung:INSERT:13.77.01.1001,kampung:INSERT:13.77.01.1002',
	'the audit rows written on the workers name the table (not its shard) and are read on the coordinator');
SELECT is((SELECT count(*)::int FROM kkb.versi_desa WHERE kode_desa <@ '13.77.01'::kkb.kode_wilayah), 2, 'each village has a version');
CREATE TEMP TABLE v0 AS SELECT kode_desa::text AS d, versi FROM kkb.versi_desa;
UPDATE kkb.kampung SET nama = 'Kampung KB Karan Aur Baru' WHERE kode_desa = '13.77.01.1001';
SELECT is((SELECT nama FROM kkb.kampung WHERE kode_desa = '13.77.01.1001'), 'Kampung KB Karan Aur Baru', 'a single-village update changes its row');
SELECT ok((SELECT v.versi > v0.versi FROM kkb.versi_desa v JOIN v0 ON v0.d = v.kode_desa::text WHERE v.kode_desa = '13.77.01.1001'),
	'and gives the village a larger version (the gateway''s ETag changes)');
SELECT is((SELECT count(*)::int FROM kkb.versi_desa v JOIN v0 ON v0.d = v.kode_desa::text WHERE v.versi <> v0.versi), 1,
	'and no other village a new one');
SELECT is((SELECT baru ->> 'nama' FROM kkb.audit WHERE operasi = 'UPDATE' AND tabel = 'kampung'), 'Kampung KB Karan Aur Baru',
	'the audit of the update holds the new row');
INSERT INTO kkb.profil (kode_desa, periode, pokja_ada) VALUES ('13.77.01.1001', date_trunc('month', now())::date, true);
SELECT is((SELECT count(*)::int FROM kkb.audit WHERE tabel = 'profil'), 1, 'a month''s profile is written (period lock and expiry checked on the shard)');

-- not yet on the cluster (docs/SCALE.md): SQL functions on distributed tables, the approval's freeze
SELECT todo('the approval freezes by-name figures through SQL functions Citus cannot plan on a shard', 2);
SELECT lives_ok($$INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES ('13.77.01.1001', date_trunc('month', now())::date, 'dikunci')$$,
	'a village-month can be locked');
SELECT throws_ok($$UPDATE kkb.profil SET pokja_ada = false WHERE kode_desa = '13.77.01.1001'$$, '55000', NULL,
	'a locked month cannot be changed on the cluster');

SELECT * FROM finish();
ROLLBACK;

-- kkb.kode_wilayah: shapes, hierarchy, containment and its index support.
BEGIN;
SELECT plan(69);

SELECT is(v.input::kkb.kode_wilayah::text, v.canon, 'valid region code: ' || v.why)
  FROM (VALUES
	('13', '13', 'province'),
	('13.77', '13.77', 'city'),
	('13.77.01', '13.77.01', 'district'),
	('13.77.01.1001', '13.77.01.1001', 'village'),
	('1377', '13.77', 'city, undotted'),
	('137701', '13.77.01', 'district, undotted'),
	('1377011001', '13.77.01.1001', 'village, undotted'),
	(' 13.77.02.2013 ', '13.77.02.2013', 'surrounding blanks'),
	('99.99.99.9999', '99.99.99.9999', 'shape only: existence is a separate question')
  ) AS v(input, canon, why);

SELECT throws_ok(format('SELECT %L::kkb.kode_wilayah', v.input), '22P02', NULL, 'invalid region code: ' || v.why)
  FROM (VALUES
	('1', 'one digit'),
	('137', 'three digits'),
	('13770', 'five digits'),
	('13770110011', 'eleven digits'),
	('13.7', 'a one-digit part'),
	('13.77.1', 'a one-digit district'),
	('13.77.01.101', 'a three-digit village part'),
	('00', 'province 00'),
	('01.77', 'province starting with 0'),
	('13.00', 'regency 00'),
	('13.77.00', 'district 00'),
	('13.77.01.0000', 'village 0000'),
	('13.77.01.1001.1', 'five parts'),
	('13..77', 'an empty part'),
	('13.77.', 'a trailing dot'),
	('1a', 'a letter'),
	('', 'empty')
  ) AS v(input, why);

SELECT matches(kkb.kode_wilayah_periksa('13.77.00'), '00', 'kode_wilayah_periksa names the zero part');
SELECT is(kkb.kode_wilayah_periksa('13.77.01'), NULL, 'kode_wilayah_periksa: NULL when valid');

-- hierarchy functions
SELECT is(kkb.tingkat('13'), 1, 'tingkat of a province');
SELECT is(kkb.tingkat('13.77.01.1001'), 4, 'tingkat of a village');
SELECT is(kkb.induk('13.77.01.1001')::text, '13.77.01', 'induk of a village is its district');
SELECT is(kkb.induk(kkb.induk('13.77.01.1001'))::text, '13.77', '... whose induk is the city');
SELECT is(kkb.induk(kkb.induk(kkb.induk('13.77.01.1001')))::text, '13', '... whose induk is the province');
SELECT is(kkb.induk('13'), NULL, 'a province has no induk');
SELECT is(kkb.provinsi('13.77.01.1001')::text, '13', 'provinsi');
SELECT is(kkb.kabkota('13.77.01.1001')::text, '13.77', 'kabkota');
SELECT is(kkb.kecamatan('13.77.01.1001')::text, '13.77.01', 'kecamatan');
SELECT is(kkb.kecamatan('13.77'), NULL, 'kecamatan of a city is NULL');
SELECT ok(kkb.adalah_kelurahan('13.77.01.1001'), '13.77.01.1001 (Karan Aur) is a kelurahan');
SELECT ok(NOT kkb.adalah_kelurahan('13.77.02.2013'), '13.77.02.2013 is a desa');
SELECT ok(NOT kkb.adalah_kelurahan('13.77.01'), 'a district is not a kelurahan');
SELECT is(kkb.wilayah_nama('13.77'), 'Kota Pariaman', 'wilayah_nama');
SELECT ok(kkb.wilayah_ada('13.77.01.1001'), 'wilayah_ada: Karan Aur exists');
SELECT ok(NOT kkb.wilayah_ada('13.77.09'), 'wilayah_ada: 13.77.09 does not');

-- containment
SELECT ok('13.77.01.1001'::kkb.kode_wilayah <@ '13.77', '13.77.01.1001 <@ 13.77');
SELECT ok(NOT ('13.77.01.1001'::kkb.kode_wilayah <@ '13.71'), 'not <@ 13.71');
SELECT ok('13.77'::kkb.kode_wilayah <@ '13.77', '<@ includes equality');
SELECT ok('13'::kkb.kode_wilayah @> '13.77.04.2001', '13 @> 13.77.04.2001');
SELECT ok(NOT ('13.77'::kkb.kode_wilayah @> '13'), 'a city does not contain its province');
SELECT ok(NOT ('13.77.01.1001'::kkb.kode_wilayah <@ '13.78'), 'not <@ the next city');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE kode <@ '13.77' AND tingkat = 4), 71,
          'the villages <@ 13.77 are Pariaman''s 71');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE kode <@ '13.77' AND tingkat = 3), 4, 'in 4 kecamatan');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE '13.77' @> kode), 76,
          '13.77 @> kode: the city, 4 districts, 71 villages');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE kode <@ '13'),
          (SELECT count(*)::int FROM kkb.wilayah WHERE kode::text LIKE '13%'),
          'kode <@ 13 agrees with the text prefix over the whole of West Sumatra');
SELECT is((SELECT count(*)::int FROM kkb.wilayah a JOIN kkb.wilayah b ON b.kode <@ a.kode
            WHERE a.kode <@ '13.77'), (SELECT sum(1 + (SELECT count(*) FROM kkb.wilayah d
                                                      WHERE d.kode::text LIKE w.kode::text || '.%'))::int
                                        FROM kkb.wilayah w WHERE w.kode::text LIKE '13.77%'),
          'containment matches the dotted-prefix relation for every pair under 13.77');

-- the index is used for <@ (a btree range), with constants and with parameters
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE r text; acc text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP acc := acc || r || E'\n'; END LOOP;
	RETURN acc;
END $f$;
SET LOCAL enable_seqscan = off;
SELECT matches(pg_temp.plan_of($$SELECT * FROM kkb.wilayah WHERE kode <@ '13.77'$$),
               'Index Cond: \(\(kode >= ''13.77''::kode_wilayah\) AND \(kode < ',
               'kode <@ constant becomes a btree range on the primary key');
SELECT matches(pg_temp.plan_of($$SELECT * FROM kkb.wilayah WHERE '13.77' @> kode$$),
               'Index Cond: \(\(kode >= ', 'constant @> kode too');
PREPARE q_wil(kkb.kode_wilayah) AS SELECT count(*) FROM kkb.wilayah WHERE kode <@ $1;
SET LOCAL plan_cache_mode = force_generic_plan;
SELECT matches(pg_temp.plan_of('EXECUTE q_wil(''13.77'')'), 'Index Cond: \(\(kode >= \$1\) AND \(kode < (kkb\.)?_kode_wilayah_atas\(\$1\)\)\)',
               'a parameter gets the same range (generic plan)');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE kode <@ '13.77'), 76, 'and the range scan finds all 76');
RESET enable_seqscan;

-- casts
SELECT is('13.77.01.1001'::kkb.kode_wilayah::bigint, 1377011001::bigint, 'kode_wilayah -> bigint is the undotted code');
SELECT is(1377011001::bigint::kkb.kode_wilayah::text, '13.77.01.1001', 'bigint -> kode_wilayah');
SELECT is(13::bigint::kkb.kode_wilayah::text, '13', 'bigint 13 -> province 13');
SELECT throws_ok('SELECT (-5)::bigint::kkb.kode_wilayah', '22003', NULL, 'a negative bigint is out of range');
SELECT throws_ok('SELECT 13770::bigint::kkb.kode_wilayah', '22P02', NULL, 'five digits is not a region code');
SELECT ok('13'::kkb.kode_wilayah < '13.01' AND '13.01'::kkb.kode_wilayah < '13.01.01'
          AND '13.99.99.9999'::kkb.kode_wilayah < '14', 'order is hierarchical: a parent sorts before its children');
CREATE TEMP TABLE t_bin (k kkb.kode_wilayah);
COPY (SELECT '13.77.01.1001'::kkb.kode_wilayah) TO '/tmp/kampungkb_test_kode.bin' (FORMAT binary);
COPY t_bin FROM '/tmp/kampungkb_test_kode.bin' (FORMAT binary);
SELECT is((SELECT k::text FROM t_bin), '13.77.01.1001', 'binary send -> recv is the identity');
COPY (SELECT 1377011001::bigint) TO '/tmp/kampungkb_test_kode_bad.bin' (FORMAT binary);
SELECT throws_ok($$COPY t_bin FROM '/tmp/kampungkb_test_kode_bad.bin' (FORMAT binary)$$, '22P03', NULL,
                 'binary recv re-validates the encoding');
SELECT is((SELECT count(*)::int FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
            WHERE c.opcintype = 'kkb.kode_wilayah'::regtype AND c.opcdefault AND a.amname IN ('btree', 'hash')), 2,
          'default btree and hash operator classes exist');
SELECT is(pg_typeof(kode)::text, 'kode_wilayah', 'kkb.wilayah.kode is a kkb.kode_wilayah') FROM kkb.wilayah LIMIT 1;

SELECT * FROM finish();
ROLLBACK;

-- The refresher's sweep (kkb._indikator_basi): the villages whose stored monthly indicators are
-- older than their rows - what kkb-gateway's refresher recomputes where no announcement reaches
-- it (a Citus cluster's workers, a lost connection).  A generated kecamatan of Bukittinggi
-- (13.75.01, 2% scale, this month), its indicators stored, then two villages' rows changed.
BEGIN;
SELECT plan(8);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.02, 5, 1);
CREATE TEMP TABLE simpan AS SELECT * FROM kkb.ringkasan_desa('13.75.01', date_trunc('month', current_date)::date);
SELECT min(kode_desa::text) AS a, max(kode_desa::text) AS b FROM kkb.kampung WHERE kode_desa <@ '13.75.01' \gset
CREATE FUNCTION pg_temp.basi() RETURNS text LANGUAGE sql AS
	$$ SELECT coalesce(string_agg(k, ',' ORDER BY k), '-') FROM kkb._indikator_basi(3) k WHERE k LIKE '13.75.01.%' $$;

SELECT cmp_ok((SELECT count(*) FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01'), '>', 1::bigint,
              'fixture: the kecamatan''s indicators of this month are stored');
SELECT is(pg_temp.basi(), '-', 'none of them is stale');
UPDATE kkb.keluarga SET rt = coalesce(rt, 0) % 9 + 1 WHERE kode_desa = :'b';
UPDATE kkb.keluarga SET rt = coalesce(rt, 0) % 9 + 1 WHERE kode_desa = :'a';
SELECT is(pg_temp.basi(), :'a' || ',' || :'b', 'after a write to two villages: those two, in code order');
SELECT is((SELECT array_agg(k) FROM kkb._indikator_basi(3, 1) k WHERE k LIKE '13.75.01.%'), ARRAY[:'a'],
          'at most batas villages, the first in code order');
SELECT is(kkb.indikator_segarkan(:'a', 0), 1::bigint, 'the refresher recomputes one village''s month');
SELECT is(pg_temp.basi(), :'b', '... and it is no longer stale, the other still is');
SELECT throws_ok($$SELECT kkb._indikator_basi(0)$$, '22023', NULL, '0 months: 22023');
SELECT is(ARRAY[has_function_privilege('kkb_admin', 'kkb._indikator_basi(integer, integer)', 'EXECUTE'),
                has_function_privilege('kkb_pokja', 'kkb._indikator_basi(integer, integer)', 'EXECUTE'),
                has_function_privilege('kkb_analis', 'kkb._indikator_basi(integer, integer)', 'EXECUTE')],
          ARRAY[true, false, false], 'only kkb_admin (the refresher''s role) may run it');
SELECT * FROM finish();
ROLLBACK;

-- Saving a monthly report with the version read (kkb._api_simpan_bulan through
-- api_kkbpk_simpan, api_profil_kampung_simpan, api_penduduk_simpan):
-- If-Match names the versi read, If-None-Match: * says the month was read
-- empty; a month changed since is 412 with both versions and the stored report
-- and nothing is written; without either header the body replaces the month
-- (a portal pushing its own figures).  One transaction: every change here has
-- the same time stamp, so a stale version is made by hand (versi - 1).
BEGIN;
SELECT plan(23);

\ir fixture_desa.inc

SET client_min_messages = warning;

-- api_kkbpk_simpan as the pokja of village A: {status, dokumen} as text, or 'ERR <SQLSTATE>'
CREATE FUNCTION pg_temp.simpan(fn text, isi text, jika text, jika_tidak text, kode text DEFAULT '13.77.01.1001') RETURNS text
LANGUAGE plpgsql AS $$
DECLARE hasil text;
BEGIN
	BEGIN
		PERFORM set_config('kkb.wilayah', '13.77.01.1001', true);
		PERFORM set_config('role', 'kkb_pokja', true);
		EXECUTE format('SELECT row_to_json(x)::text FROM kkb.%I(%L, ''2026-10-01'', %L, %L, %L) x', fn, kode, isi, jika, jika_tidak) INTO hasil;
	EXCEPTION WHEN OTHERS THEN
		hasil := 'ERR ' || SQLSTATE;
	END;
	PERFORM set_config('role', 'none', true);
	PERFORM set_config('kkb.wilayah', '', true);
	RETURN hasil;
END $$;
CREATE FUNCTION pg_temp.pil() RETURNS integer LANGUAGE sql AS $$
	SELECT kb_pil FROM kkb.kkbpk WHERE kode_desa = '13.77.01.1001' AND periode = '2026-10-01'
$$;
CREATE FUNCTION pg_temp.versi() RETURNS text LANGUAGE sql AS $$
	SELECT kkb._versi_baris(diubah_pada) FROM kkb.kkbpk WHERE kode_desa = '13.77.01.1001' AND periode = '2026-10-01'
$$;

DELETE FROM kkb.kkbpk WHERE kode_desa = '13.77.01.1001' AND periode = '2026-10-01';
DELETE FROM kkb.profil WHERE kode_desa = '13.77.01.1001' AND periode = '2026-10-01';

-- ---------------------------------------------------------------- read empty: If-None-Match: *
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 4}', NULL, '*')::json ->> 'status', '201',
          'If-None-Match: * on an empty month: 201, stored');
SELECT is(pg_temp.pil(), 4, '... the report holds the body');
SELECT is((SELECT kkb.api_kkbpk('13.77.01.1001', '2026-10-01') ->> 'versi'), pg_temp.versi(),
          'the report read back carries its versi (diubah_pada in microseconds)');
SELECT ok(pg_temp.versi() ~ '^[0-9]{16}$', '... a whole number of microseconds since 1970');

SELECT pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 9}', NULL, '*') AS ada \gset
SELECT is(:'ada'::json ->> 'status', '412', 'If-None-Match: * when the month was saved meanwhile: 412');
SELECT is((:'ada'::json -> 'dokumen') ->> 'code', 'KKB-LAPORAN-SUDAH-ADA', '... KKB-LAPORAN-SUDAH-ADA');
SELECT is((:'ada'::json -> 'dokumen') ->> 'message',
          'laporan kkbpk desa 13.77.01.1001 bulan 2026-10 sudah disimpan orang lain sejak Anda membuka formulirnya yang masih kosong',
          '... its message names the report, village and month');
SELECT is(((:'ada'::json -> 'dokumen') -> 'sekarang') ->> 'kb_pil', '4', '... with the stored report (sekarang)');
SELECT is((:'ada'::json -> 'dokumen') ->> 'versi_sekarang', pg_temp.versi(), '... and its version');
SELECT is(pg_temp.pil(), 4, '... and nothing written');

-- ---------------------------------------------------------------- If-Match: the version read
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 5}', '"' || pg_temp.versi() || '"', NULL)::json ->> 'status', '200',
          'If-Match naming the stored version: 200');
SELECT is(pg_temp.pil(), 5, '... replaced');
SELECT pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 6}', '"' || (pg_temp.versi()::bigint - 1)::text || '"', NULL) AS basi \gset
SELECT is(:'basi'::json ->> 'status', '412', 'If-Match naming an older version: 412');
SELECT is(ARRAY[(:'basi'::json -> 'dokumen') ->> 'code', (:'basi'::json -> 'dokumen') ->> 'versi_dikirim',
                (:'basi'::json -> 'dokumen') ->> 'versi_sekarang', ((:'basi'::json -> 'dokumen') -> 'sekarang') ->> 'kb_pil'],
          ARRAY['KKB-LAPORAN-BERUBAH', (pg_temp.versi()::bigint - 1)::text, pg_temp.versi(), '5'],
          '... KKB-LAPORAN-BERUBAH with both versions and the stored report');
SELECT is(pg_temp.pil(), 5, '... nothing written');
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 6, "kb_emas": 1}', '"1"', NULL)::json #>> '{dokumen,kolom}', 'kb_emas',
          'an unknown field is named (422) before the version is judged');
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 6}', 'W/"' || pg_temp.versi() || '"', NULL)::json ->> 'status', '412',
          'a weak entity tag never matches');
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 7}', '*', NULL)::json ->> 'status', '200',
          'If-Match: * replaces a stored month');
SELECT is(pg_temp.simpan('api_profil_kampung_simpan', '{}', '"1"', NULL)::json #>> '{dokumen,code}', 'KKB-LAPORAN-BERUBAH',
          'If-Match on a month with no report: 412 (the report it was read at is gone)');
SELECT is(pg_temp.simpan('api_profil_kampung_simpan', '{}', '*', NULL)::json #>> '{dokumen,sekarang}', NULL,
          '... If-Match: * too, with sekarang null');

-- ---------------------------------------------------------------- without headers; out of scope; bad bodies first
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 8}', NULL, NULL)::json ->> 'status', '200',
          'without If-Match or If-None-Match the body replaces the month, as before');
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": 1}', '*', NULL, '13.77.01.1002'), '{"dokumen":null,"status":null}',
          'a village outside the caller''s scope: no document (404), whatever the headers say');
SELECT is(pg_temp.simpan('api_kkbpk_simpan', '{"kb_pil": -1}', '"' || pg_temp.versi() || '"', NULL), 'ERR 23514',
          'with the right version, a body breaking a rule is still refused for the rule');

SELECT * FROM finish();
ROLLBACK;

-- Changing an intervention (kkb.api_intervensi_ubah, 39_pemilik_intervensi.sql):
-- the recording agency (pemilik_opd) is set by the database from the caller,
-- never from a body or a working role's INSERT; who may change which (the
-- recording agency, the village's pokja for the village's own, an
-- administrator), in the function and in row-level security for direct SQL;
-- If-Match (428 without, 412 with both versions when stale); the body's field
-- rules as for recording one; nothing half-written.
BEGIN;
SELECT plan(51);

\ir fixture_desa.inc

SET client_min_messages = warning;

-- the answer of api_intervensi_ubah as {status, dokumen} text
CREATE FUNCTION pg_temp.ubah(peran text, lingkup text, opd text, id bigint, isi text, jika text) RETURNS text LANGUAGE sql AS $$
	SELECT pg_temp.als(peran, lingkup, opd,
	         format('SELECT row_to_json(x)::text FROM kkb.api_intervensi_ubah(%L, %s, %L, %L) x', '13.77.01.1001', id, isi, jika))
$$;
CREATE FUNCTION pg_temp.versi(id bigint) RETURNS text LANGUAGE sql AS $$
	SELECT kkb._versi_baris(diubah_pada) FROM kkb.intervensi WHERE kode_desa = '13.77.01.1001' AND intervensi.id = versi.id
$$;
CREATE FUNCTION pg_temp.baris(id bigint) RETURNS text LANGUAGE sql AS $$
	SELECT format('%s|%s|%s|%s', judul, fungsi_keluarga, sasaran, pemilik_opd) FROM kkb.intervensi WHERE kode_desa = '13.77.01.1001' AND intervensi.id = baris.id
$$;

\set A '''13.77.01.1001'''
\set B '''13.77.01.1002'''
DELETE FROM kkb.intervensi WHERE kode_desa IN ('13.77.01.1001', '13.77.01.1002');

-- ---------------------------------------------------------------- the recording agency, set by the database
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', $$SELECT (dokumen ->> 'pemilik_opd') || ' ' || status FROM kkb.api_intervensi_tambah('13.77.01.1001',
            '{"tanggal": "2026-09-03", "judul": "Posyandu dinkes", "fungsi_keluarga": "perlindungan"}')$$),
          'dinkes 201', 'an agency token''s intervention belongs to its agency');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinsos', $$SELECT (dokumen ->> 'pemilik_opd') FROM kkb.api_intervensi_tambah('13.77.01.1001',
            '{"tanggal": "2026-09-04", "judul": "Bantuan dinsos", "fungsi_keluarga": "ekonomi"}')$$),
          'dinsos', '... another agency''s to that one');
SELECT is(pg_temp.als('kkb_pokja', :A, NULL, $$SELECT coalesce(dokumen ->> 'pemilik_opd', 'NULL') FROM kkb.api_intervensi_tambah('13.77.01.1001',
            '{"tanggal": "2026-09-05", "judul": "Kelas BKB", "fungsi_keluarga": "sosial_budaya"}')$$),
          'NULL', 'a pokja''s intervention has no agency (the village''s)');
SELECT is(pg_temp.als('kkb_admin', '13.77', NULL, $$SELECT coalesce(dokumen ->> 'pemilik_opd', 'NULL') FROM kkb.api_intervensi_tambah('13.77.01.1001',
            '{"tanggal": "2026-09-06", "judul": "Rembuk stunting", "fungsi_keluarga": "cinta_kasih"}')$$),
          'NULL', 'nor an administrator''s');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', $$SELECT dokumen ->> 'kolom' FROM kkb.api_intervensi_tambah('13.77.01.1001',
            '{"tanggal": "2026-09-03", "judul": "X", "fungsi_keluarga": "ekonomi", "pemilik_opd": "dinsos"}')$$),
          'pemilik_opd', 'a body naming pemilik_opd: 422 naming it (not a field a client sets)');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', $$WITH t AS (INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, pemilik_opd)
            VALUES ('13.77.01.1001', '2026-09-07', 'Langsung', 'ekonomi', 'dinsos') RETURNING pemilik_opd) SELECT pemilik_opd FROM t$$),
          'dinkes', 'a direct INSERT naming another agency is recorded as the caller''s');
SELECT is(pg_temp.als('kkb_pokja', :A, NULL, $$WITH t AS (INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, pemilik_opd)
            VALUES ('13.77.01.1001', '2026-09-07', 'Langsung pokja', 'ekonomi', 'dinkes') RETURNING pemilik_opd) SELECT coalesce(pemilik_opd, 'NULL') FROM t$$),
          'NULL', '... and a pokja''s as the village''s');
SELECT is(ARRAY(SELECT nama FROM kkb._api_kolom('kkb.intervensi')), '{tanggal,judul,fungsi_keluarga,sasaran,opd,kegiatan_inpres,uraian}',
          'pemilik_opd is not a field of the body');

SELECT id AS dinkes FROM kkb.intervensi WHERE judul = 'Posyandu dinkes' \gset
SELECT id AS dinsos FROM kkb.intervensi WHERE judul = 'Bantuan dinsos' \gset
SELECT id AS desa FROM kkb.intervensi WHERE judul = 'Kelas BKB' \gset
SELECT id AS admin FROM kkb.intervensi WHERE judul = 'Rembuk stunting' \gset
INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('13.77.01.1002', '2026-09-03', 'Di desa B', 'ekonomi');
SELECT id AS desa_b FROM kkb.intervensi WHERE judul = 'Di desa B' \gset

-- ---------------------------------------------------------------- the list: version and who may change
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', $$SELECT string_agg((r ->> 'judul') || '=' || (r ->> 'boleh_ubah'), ',' ORDER BY r ->> 'judul')
            FROM json_array_elements(kkb.api_intervensi_daftar('13.77.01.1001') -> 'data') r WHERE r ->> 'judul' NOT LIKE 'Langsung%'$$),
          'Bantuan dinsos=false,Kelas BKB=false,Posyandu dinkes=true,Rembuk stunting=false', 'the list says which the agency may change (its own)');
SELECT is(pg_temp.als('kkb_pokja', :A, NULL, $$SELECT string_agg((r ->> 'judul') || '=' || (r ->> 'boleh_ubah'), ',' ORDER BY r ->> 'judul')
            FROM json_array_elements(kkb.api_intervensi_daftar('13.77.01.1001') -> 'data') r WHERE r ->> 'judul' NOT LIKE 'Langsung%'$$),
          'Bantuan dinsos=false,Kelas BKB=true,Posyandu dinkes=false,Rembuk stunting=true', '... the pokja (the village''s)');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$SELECT (r ->> 'versi') = %L FROM json_array_elements(kkb.api_intervensi_daftar('13.77.01.1001') -> 'data') r
            WHERE (r ->> 'id')::bigint = %s$$, pg_temp.versi(:dinkes), :dinkes)),
          'true', 'each row''s versi is its last change in microseconds');

-- ---------------------------------------------------------------- the owner changes it
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes,
            '{"tanggal": "2026-09-10", "judul": "Posyandu dinkes (diubah)", "fungsi_keluarga": "reproduksi", "sasaran": ["balita"]}',
            '"' || pg_temp.versi(:dinkes) || '"')::json ->> 'status', '200', 'the recording agency changes its intervention with If-Match: 200');
SELECT is(pg_temp.baris(:dinkes), 'Posyandu dinkes (diubah)|reproduksi|{balita}|dinkes', '... stored, still its agency''s');
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "Lagi", "fungsi_keluarga": "reproduksi"}', '*')::json
            -> 'dokumen' ->> 'sasaran', '[]', 'If-Match: * changes it whatever is stored; a field left out takes its default');
SELECT is((pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "Lagi", "fungsi_keluarga": "reproduksi"}',
            'W/"x", "' || pg_temp.versi(:dinkes) || '"')::json -> 'dokumen' ->> 'versi'), pg_temp.versi(:dinkes),
          'an If-Match list naming the version matches; the answer carries the new versi');

-- ---------------------------------------------------------------- who may not
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinsos', :dinkes, '{"tanggal": "2026-09-10", "judul": "Dibajak", "fungsi_keluarga": "ekonomi"}', '*'),
          'ERR 42501 intervention ' || :dinkes || ' of village 13.77.01.1001 was recorded by agency dinkes: only that agency or an administrator may change it',
          'another agency: 42501 naming the recording agency');
SELECT is(pg_temp.ubah('kkb_pokja', :A, NULL, :dinkes, '{"tanggal": "2026-09-10", "judul": "Dibajak", "fungsi_keluarga": "ekonomi"}', '*'),
          'ERR 42501 intervention ' || :dinkes || ' of village 13.77.01.1001 was recorded by agency dinkes: only that agency or an administrator may change it',
          'the village''s pokja may not change an agency''s: 42501');
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :desa, '{"tanggal": "2026-09-10", "judul": "Dibajak", "fungsi_keluarga": "ekonomi"}', '*'),
          'ERR 42501 intervention ' || :desa || ' of village 13.77.01.1001 was recorded by the village or an administrator: only its pokja or an administrator may change it',
          'an agency may not change the village''s: 42501');
SELECT is(pg_temp.ubah('kkb_analis', '13.77', NULL, :desa, '{"tanggal": "2026-09-10", "judul": "Dibajak", "fungsi_keluarga": "ekonomi"}', '*'),
          'ERR 42501 permission denied for function api_intervensi_ubah', 'an analyst may not call it');
SELECT is(pg_temp.baris(:dinkes) || ' / ' || pg_temp.baris(:desa), 'Lagi|reproduksi|{}|dinkes / Kelas BKB|sosial_budaya|{}|', '... none of them changed anything');
SELECT is((SELECT kode || ' ' || status FROM kkb.galat WHERE kode = (kkb.galat_jawab('42501', NULL, NULL, NULL,
             'intervention 5 of village 13.77.01.1001 was recorded by agency dinkes: only that agency or an administrator may change it', NULL, NULL) ->> 'code')),
          'KKB-INTERVENSI-MILIK-OPD 403', 'the refusal is KKB-INTERVENSI-MILIK-OPD, 403');
SELECT is(kkb.galat_jawab('42501', NULL, NULL, NULL,
             'intervention 5 of village 13.77.01.1001 was recorded by agency dinkes: only that agency or an administrator may change it', NULL, NULL) ->> 'message',
          'intervensi 5 desa 13.77.01.1001 dicatat oleh OPD dinkes: hanya OPD itu atau administrator yang dapat mengubahnya', '... saying so in Indonesian');

-- ---------------------------------------------------------------- the pokja and the administrator
SELECT is(pg_temp.ubah('kkb_pokja', :A, NULL, :desa, '{"tanggal": "2026-09-11", "judul": "Kelas BKB balita", "fungsi_keluarga": "sosial_budaya"}',
            pg_temp.versi(:desa))::json ->> 'status', '200', 'the pokja changes the village''s own (If-Match without quotes too)');
SELECT is(pg_temp.ubah('kkb_pokja', :A, NULL, :admin, '{"tanggal": "2026-09-11", "judul": "Rembuk stunting desa", "fungsi_keluarga": "cinta_kasih"}', '*')::json ->> 'status',
          '200', '... and one an administrator recorded');
SELECT is(pg_temp.ubah('kkb_admin', '13.77', NULL, :dinsos, '{"tanggal": "2026-09-12", "judul": "Bantuan dinsos (admin)", "fungsi_keluarga": "ekonomi"}', '*')::json ->> 'status',
          '200', 'an administrator changes an agency''s');
SELECT is(pg_temp.baris(:dinsos), 'Bantuan dinsos (admin)|ekonomi|{}|dinsos', '... which stays that agency''s');
SELECT is(pg_temp.ubah('kkb_admin', '13.77.02', NULL, :dinsos, '{"tanggal": "2026-09-12", "judul": "X", "fungsi_keluarga": "ekonomi"}', '*'),
          '{"dokumen":null,"status":null}', 'an administrator of another kecamatan does not see it: no document (404)');

-- ---------------------------------------------------------------- not there for the caller
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', 999999999, '{"tanggal": "2026-09-10", "judul": "X", "fungsi_keluarga": "ekonomi"}', '*'),
          '{"dokumen":null,"status":null}', 'an unknown id: no document (404)');
SELECT is(pg_temp.als('kkb_pokja', :A, NULL, format($$SELECT row_to_json(x)::text FROM kkb.api_intervensi_ubah('13.77.01.1002', %s, '{"tanggal": "2026-09-10", "judul": "X", "fungsi_keluarga": "ekonomi"}', '*') x$$, :desa_b)),
          '{"dokumen":null,"status":null}', 'another village''s intervention for a pokja: no document (404)');
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :desa_b, '{"tanggal": "2026-09-10", "judul": "X", "fungsi_keluarga": "ekonomi"}', '*'),
          '{"dokumen":null,"status":null}', 'an id of another village under this village''s code: no document');

-- ---------------------------------------------------------------- If-Match
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "Tanpa versi", "fungsi_keluarga": "ekonomi"}', NULL),
          'ERR KK428 intervention ' || :dinkes || ' of village 13.77.01.1001 is changed only with If-Match: the version it was read at',
          'without If-Match: KK428');
SELECT is((SELECT (d ->> 'status') || ' ' || (d ->> 'code') FROM kkb.galat_jawab('KK428', NULL, NULL, NULL,
             'intervention 5 of village 13.77.01.1001 is changed only with If-Match: the version it was read at', NULL, NULL) d),
          '428 KKB-VERSI-DIPERLUKAN', '... answered 428 KKB-VERSI-DIPERLUKAN');
SELECT pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "Basi", "fungsi_keluarga": "ekonomi"}', '"1764000000000000"') AS basi \gset
SELECT is(:'basi'::json ->> 'status', '412', 'a version that is not the stored one: 412');
SELECT is(ARRAY[:'basi'::json -> 'dokumen' ->> 'code', :'basi'::json -> 'dokumen' ->> 'versi_dikirim', :'basi'::json -> 'dokumen' ->> 'versi_sekarang',
                :'basi'::json -> 'dokumen' -> 'sekarang' ->> 'judul'],
          ARRAY['KKB-VERSI-BERUBAH', '1764000000000000', pg_temp.versi(:dinkes), 'Lagi'],
          '... with both versions and the stored row, so that a client can show the conflict');
SELECT is(:'basi'::json -> 'dokumen' ->> 'message', 'intervensi ' || :dinkes || ' desa 13.77.01.1001 sudah diubah orang lain sejak Anda membacanya',
          '... in Indonesian');
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "Lemah", "fungsi_keluarga": "ekonomi"}',
            'W/"' || pg_temp.versi(:dinkes) || '"')::json ->> 'status', '412', 'a weak entity tag never matches (strong comparison)');
SELECT is(pg_temp.baris(:dinkes), 'Lagi|reproduksi|{}|dinkes', 'none of the refused changes was stored');
SELECT ok(kkb._versi_cocok(' * ', '1') AND kkb._versi_cocok('"2", "1"', '1') AND NOT kkb._versi_cocok('"12"', '1') AND NOT kkb._versi_cocok('', '1'),
          'If-Match: *, lists, quotes');

-- ---------------------------------------------------------------- the body
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "X", "fungsi_keluarga": "ekonomi", "id": 3}', '*')::json -> 'dokumen' ->> 'kolom',
          'id', 'an unknown field: 422 naming it');
SELECT is(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "X", "fungsi_keluarga": "ekonomi", "pemilik_opd": "dinsos"}', '*')::json -> 'dokumen' ->> 'kolom',
          'pemilik_opd', '... pemilik_opd too');
SELECT is(left(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "fungsi_keluarga": "ekonomi", "uraian": "tanpa judul"}', '*'), 38),
          'ERR 23502 null value in column "judul"', 'a required field left out: 23502 naming it');
SELECT is(left(pg_temp.ubah('kkb_opd', '13.77', 'dinkes', :dinkes, '{"tanggal": "2026-09-10", "judul": "X", "fungsi_keluarga": "ekonomi", "opd": ["dinas_bulan"]}', '*'), 13),
          'ERR 23503 opd', 'an unknown agency: 23503');
SELECT is(pg_temp.baris(:dinkes), 'Lagi|reproduksi|{}|dinkes', 'nothing of a refused body is stored (no half-written row)');

-- ---------------------------------------------------------------- direct SQL: row-level security
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinsos', format($$WITH t AS (UPDATE kkb.intervensi SET judul = 'SQL' WHERE id = %s RETURNING 1) SELECT count(*) FROM t$$, :dinkes)),
          '0', 'a direct UPDATE by another agency reaches no row');
SELECT is(pg_temp.als('kkb_pokja', :A, NULL, format($$WITH t AS (UPDATE kkb.intervensi SET judul = 'SQL' WHERE id = %s RETURNING 1) SELECT count(*) FROM t$$, :dinkes)),
          '0', '... nor one by the village''s pokja');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$WITH t AS (UPDATE kkb.intervensi SET judul = 'SQL', pemilik_opd = NULL WHERE id = %s RETURNING pemilik_opd) SELECT pemilik_opd FROM t$$, :dinkes)),
          'dinkes', 'the recording agency''s own UPDATE cannot give the row away (pemilik_opd kept)');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$WITH t AS (UPDATE kkb.intervensi SET judul = 'SQL' WHERE id = %s RETURNING 1) SELECT count(*) FROM t$$, :desa)),
          '0', 'an agency''s direct UPDATE of the village''s reaches no row');
SELECT is(pg_temp.als('kkb_pokja', :A, NULL, format($$WITH t AS (DELETE FROM kkb.intervensi WHERE id = %s RETURNING 1) SELECT count(*) FROM t$$, :dinkes)),
          '0', 'the pokja''s direct DELETE of an agency''s intervention reaches no row (restrictive policy pemilik_hapus)');
SELECT is((SELECT count(*)::int FROM kkb.intervensi WHERE id = :dinkes), 1, '... it is still there');
SELECT is(pg_temp.als('kkb_pokja', :A, NULL, format($$WITH t AS (DELETE FROM kkb.intervensi WHERE id = %s RETURNING 1) SELECT count(*) FROM t$$, :desa)),
          '1', 'the pokja deletes the village''s own');
SELECT is((SELECT pemilik_opd FROM kkb_bi.intervensi WHERE kode_desa = '13.77.01.1001' AND id = :dinkes), 'dinkes',
          'kkb_bi.intervensi shows the recording agency (pemilik_opd) to BI tools');

SELECT * FROM finish();
ROLLBACK;

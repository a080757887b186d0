-- Photos of an intervention (50_foto_intervensi.sql, kkb.api_intervensi_foto*): the media type,
-- width and height read from the image (JPEG, PNG, WebP by their first bytes), at most 300 KB,
-- 1280 px and 5 a intervention; seen by whoever sees the intervention, added and removed by
-- whoever may change it (the API and row-level security alike); removed with it.
BEGIN;
SELECT plan(31);

\ir fixture_desa.inc

SET client_min_messages = warning;

-- POST .../foto as a role: {status, dokumen} as text
CREATE FUNCTION pg_temp.tambah(peran text, lingkup text, opd text, id bigint, gambar bytea) RETURNS text LANGUAGE sql AS $$
	SELECT pg_temp.als(peran, lingkup, opd, format('SELECT row_to_json(x)::text FROM kkb.api_intervensi_foto_tambah(%L, %s, %L) x',
	         '13.77.01.1001', id, jsonb_build_object('isi', encode(gambar, 'base64'))))
$$;

-- images: a PNG of 2x3, a JPEG of 4x5 (APP0, then SOF0), a WebP of 10x20 (VP8X), a GIF
\set png '''\\x89504e470d0a1a0a0000000d4948445200000002000000030806000000'''
\set jpg '''\\xffd8ffe000104a46494600010100000100010000ffc0001108000500040301220002110103110100ffd9'''
\set webp '''\\x524946461a00000057454250565038580a00000000000000090000130000'''

SELECT is(ARRAY[kkb._foto_jenis(:png::bytea), kkb._foto_jenis(:jpg::bytea), kkb._foto_jenis(:webp::bytea),
                coalesce(kkb._foto_jenis('GIF89a'::bytea), '-')], '{image/png,image/jpeg,image/webp,-}',
          'the media type by the first bytes: PNG, JPEG, WebP; a GIF is none of them');
SELECT is(ARRAY[kkb._foto_dimensi(:png::bytea)::text, kkb._foto_dimensi(:jpg::bytea)::text, kkb._foto_dimensi(:webp::bytea)::text],
          '{"(2,3)","(4,5)","(10,20)"}', 'width and height from the header: PNG IHDR, JPEG SOF0, WebP VP8X');

DELETE FROM kkb.intervensi WHERE kode_desa IN ('13.77.01.1001', '13.77.01.1002');
SELECT pg_temp.als('kkb_opd', '13.77', 'dinkes', $$SELECT dokumen ->> 'id' FROM kkb.api_intervensi_tambah('13.77.01.1001',
         '{"tanggal": "2026-09-03", "judul": "Posyandu dinkes", "fungsi_keluarga": "perlindungan"}')$$) AS kes \gset
INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('13.77.01.1001', '2026-09-04', 'Milik desa', 'ekonomi');
SELECT id AS desa FROM kkb.intervensi WHERE judul = 'Milik desa' \gset

-- ---------------------------------------------------------------- adding
SELECT pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes, :png::bytea) AS satu \gset
SELECT is(ARRAY[:'satu'::json ->> 'status', :'satu'::json -> 'dokumen' ->> 'jenis', :'satu'::json -> 'dokumen' ->> 'lebar',
                :'satu'::json -> 'dokumen' ->> 'tinggi', :'satu'::json -> 'dokumen' ->> 'ukuran'],
          ARRAY['201', 'image/png', '2', '3', octet_length(:png::bytea)::text],
          'the recording agency adds a photo: 201 with what the database read from it');
SELECT is((SELECT isi FROM kkb.intervensi_foto WHERE intervensi_id = :kes), :png::bytea, '... stored as sent');
SELECT ok(strpos(pg_temp.tambah('kkb_opd', '13.77', 'dinsos', :kes, :png::bytea),
          'ERR 42501 intervention ' || :kes || ' of village 13.77.01.1001 was recorded by agency dinkes:') = 1,
          'another agency may not add one: 42501 naming the recording agency');
SELECT is(left(pg_temp.tambah('kkb_pokja', '13.77.01.1001', NULL, :kes, :png::bytea), 9), 'ERR 42501', '... nor the village''s pokja');
SELECT is(pg_temp.tambah('kkb_pokja', '13.77.01.1001', NULL, :desa, :jpg::bytea)::json -> 'dokumen' ->> 'jenis', 'image/jpeg',
          'the pokja adds one to the village''s own (a JPEG)');
SELECT is(pg_temp.tambah('kkb_opd', '13.77', 'dinkes', 999999, :png::bytea)::json ->> 'dokumen', NULL, 'an unknown intervention: no document (404)');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$SELECT row_to_json(x)::text FROM kkb.api_intervensi_foto_tambah('13.77.01.1001', %s,
            '{"isi": "", "jenis": "image/png"}') x$$, :kes))::json -> 'dokumen' ->> 'kolom', 'jenis', 'a field besides isi: 422 naming it');

-- ---------------------------------------------------------------- what the database refuses
SELECT ok(strpos(pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes, 'GIF89a\001\000\001\000'::bytea),
          'ERR 23514 new row for relation "intervensi_foto" violates check constraint "intervensi_foto_jenis"') = 1,
          'a GIF: 23514 intervensi_foto_jenis');
SELECT is(kkb.galat_jawab('23514', 'intervensi_foto_jenis', 'intervensi_foto', NULL, NULL, NULL, NULL) ->> 'code', 'KKB-FOTO-JENIS', '... KKB-FOTO-JENIS');
SELECT ok(strpos(pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes,
            '\x89504e470d0a1a0a0000000d494844520000050100000001'::bytea),
          'ERR 23514 new row for relation "intervensi_foto" violates check constraint "intervensi_foto_piksel"') = 1,
          'a PNG 1281 px wide: 23514 intervensi_foto_piksel');
SELECT ok(strpos(pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes, :png::bytea || decode(repeat('00', 307200), 'hex')),
          'ERR 23514 new row for relation "intervensi_foto" violates check constraint "intervensi_foto_ukuran"') = 1,
          'over 300 KB: 23514 intervensi_foto_ukuran');
SELECT is(kkb.galat_jawab('23514', 'intervensi_foto_ukuran', 'intervensi_foto', NULL, NULL, NULL, NULL) ->> 'status', '422', '... 422');
SELECT is(left(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$SELECT row_to_json(x)::text FROM kkb.api_intervensi_foto_tambah('13.77.01.1001', %s,
            '{"isi": "bukan base64!"}') x$$, :kes)), 9), 'ERR 22023', 'an isi that is no base64: 22023 (400)');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$WITH t AS (INSERT INTO kkb.intervensi_foto (kode_desa, intervensi_id, jenis, lebar, tinggi, ukuran, isi)
            VALUES ('13.77.01.1001', %s, 'image/png', 1, 1, 1, %L) RETURNING jenis || ' ' || lebar || 'x' || tinggi || ' ' || ukuran) SELECT * FROM t$$, :kes, :webp)),
          'image/webp 10x20 ' || octet_length(:webp::bytea), 'a direct INSERT naming another type and size: the database''s reading is stored');
SELECT is((SELECT count(*)::int FROM kkb.intervensi_foto WHERE intervensi_id = :kes), 2, 'nothing of the refused ones was stored');

-- ---------------------------------------------------------------- at most 5
SELECT pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes, :png::bytea), pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes, :jpg::bytea),
       pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes, :webp::bytea) \gset
SELECT is(pg_temp.tambah('kkb_opd', '13.77', 'dinkes', :kes, :png::bytea),
          'ERR 23514 intervention ' || :kes || ' of village 13.77.01.1001 has 5 photos already', 'a 6th photo: 23514');
SELECT is(kkb.galat_jawab('23514', NULL, 'intervensi_foto', NULL, 'intervention 5 of village 13.77.01.1001 has 5 photos already', NULL, NULL) ->> 'code',
          'KKB-FOTO-LIMA', '... KKB-FOTO-LIMA');

-- ---------------------------------------------------------------- reading: whoever sees the intervention
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinsos', format($$SELECT (d ->> 'total') || ' ' || (d ->> 'boleh_ubah') FROM kkb.api_intervensi_foto_daftar('13.77.01.1001', %s) d$$, :kes)),
          '5 false', 'another agency lists the 5 photos, and may not change them');
SELECT is(pg_temp.als('kkb_pokja', '13.77.01.1001', NULL, format($$SELECT (d ->> 'total') || ' ' || (d ->> 'boleh_ubah') FROM kkb.api_intervensi_foto_daftar('13.77.01.1001', %s) d$$, :desa)),
          '1 true', 'the pokja lists the village''s own');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinsos', format($$SELECT (x.gambar = %L::bytea) || ' ' || x.jenis
            FROM kkb.api_intervensi_foto('13.77.01.1001', %s, (SELECT min(id) FROM kkb.intervensi_foto WHERE intervensi_id = %s)) x$$, :png, :kes, :kes)),
          'true image/png', 'another agency reads the image and its media type');
SELECT is(pg_temp.als('kkb_pokja', '13.77.01.1002', NULL, format($$SELECT coalesce(kkb.api_intervensi_foto_daftar('13.77.01.1001', %s)::text, 'NULL')$$, :kes)),
          'NULL', 'another village''s pokja: no document (404)');
SELECT is(pg_temp.als('kkb_pokja', '13.77.01.1002', NULL, format($$SELECT coalesce(x.jenis, 'NULL') FROM kkb.api_intervensi_foto('13.77.01.1001', %s, 1) x$$, :kes))
          || ' ' || pg_temp.als('kkb_pokja', '13.77.01.1002', NULL, 'SELECT count(*) FROM kkb.intervensi_foto'), 'NULL 0',
          '... no image, and no row of another village');
SELECT is(pg_temp.als('kkb_analis', '13.77', NULL, format($$SELECT kkb.api_intervensi_foto_daftar('13.77.01.1001', %s)::text$$, :kes)),
          'ERR 42501 permission denied for function api_intervensi_foto_daftar', 'an analyst may not');

-- ---------------------------------------------------------------- removing
SELECT min(id) AS f1 FROM kkb.intervensi_foto WHERE intervensi_id = :kes \gset
SELECT is(left(pg_temp.als('kkb_opd', '13.77', 'dinsos', format($$SELECT row_to_json(x)::text FROM kkb.api_intervensi_foto_hapus('13.77.01.1001', %s, %s) x$$, :kes, :f1)), 9),
          'ERR 42501', 'another agency may not remove one');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinsos', format($$WITH t AS (DELETE FROM kkb.intervensi_foto WHERE id = %s RETURNING 1) SELECT count(*) FROM t$$, :f1)),
          'ERR 42501 intervention ' || :kes || ' of village 13.77.01.1001 was recorded by agency dinkes: only that agency or an administrator may change it',
          '... nor with a direct DELETE (the trigger kkb._intervensi_foto_pemilik, naming the recording agency)');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$SELECT (d.dokumen ->> 'dihapus') || ' ' || d.status FROM kkb.api_intervensi_foto_hapus('13.77.01.1001', %s, %s) d$$, :kes, :f1)),
          'true 200', 'the recording agency removes one: 200');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinkes', format($$SELECT row_to_json(d)::text FROM kkb.api_intervensi_foto_hapus('13.77.01.1001', %s, %s) d$$, :kes, :f1)),
          '{"dokumen":null,"status":null}', 'again: no document (404)');
SELECT is(pg_temp.als('kkb_opd', '13.77', 'dinsos', format($$WITH t AS (INSERT INTO kkb.intervensi_foto (kode_desa, intervensi_id, isi)
            VALUES ('13.77.01.1001', %s, %L) RETURNING 1) SELECT count(*) FROM t$$, :kes, :png)),
          'ERR 42501 intervention ' || :kes || ' of village 13.77.01.1001 was recorded by agency dinkes: only that agency or an administrator may change it',
          'a direct INSERT by another agency: refused');
DELETE FROM kkb.intervensi WHERE kode_desa = '13.77.01.1001' AND id = :kes;
SELECT is((SELECT count(*)::int FROM kkb.intervensi_foto WHERE intervensi_id = :kes), 0, 'removing the intervention removes its photos');

SELECT * FROM finish();
ROLLBACK;

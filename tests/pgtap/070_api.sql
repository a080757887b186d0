-- The REST API's functions (kkb.api_*, sql/install/70_api.sql), called directly
-- as the roles the gateway switches to: the documents (keys, values, the paging
-- envelope), NULL for what is not there for the caller, the statuses of writes,
-- the SQLSTATEs of bad input, and who may call what.
BEGIN;
SELECT plan(69);

\ir fixture_desa.inc

SET client_min_messages = warning;

-- The document q returns when run as role `peran` with scope `lingkup` (holder `label`).
CREATE FUNCTION pg_temp.dok(peran text, lingkup text, q text, label text DEFAULT 'penguji') RETURNS json LANGUAGE plpgsql AS $$
DECLARE d json;
BEGIN
	PERFORM set_config('kkb.wilayah', coalesce(lingkup, ''), true);
	PERFORM set_config('kkb.pengguna', label, true);
	PERFORM set_config('role', peran, true);
	EXECUTE q INTO d;
	PERFORM set_config('role', 'none', true);
	PERFORM set_config('kkb.wilayah', '', true);
	PERFORM set_config('kkb.pengguna', '', true);
	RETURN d;
END $$;
-- The keys of a document, in order.
CREATE FUNCTION pg_temp.kunci(d json) RETURNS text[] LANGUAGE sql AS $$ SELECT array_agg(k) FROM json_object_keys(d) k $$;

\set A '''13.77.01.1001'''
\set B '''13.77.01.1002'''

-- ---------------------------------------------------------------- the functions and the shared helpers
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p WHERE p.pronamespace = 'kkb'::regnamespace AND p.proname LIKE 'api\_%' ORDER BY 1),
          '{api_anggota_daftar,api_anggota_ganti_nik,api_desa,api_desa_daftar,api_desa_klasifikasi,api_desa_pertumbuhan_goyah,api_desa_profil,api_desa_risiko_stunting,api_desa_saran,api_desa_validasi,api_intervensi_daftar,api_intervensi_foto,api_intervensi_foto_daftar,api_intervensi_foto_hapus,api_intervensi_foto_tambah,api_intervensi_tambah,api_intervensi_ubah,api_keluarga_ganti_no_kk,api_ketepatan,api_kkbpk,api_kkbpk_simpan,api_klasifikasi_daftar,api_kode,api_masuk,api_nilai,api_nilai_simpan,api_pencilan,api_penduduk,api_penduduk_simpan,api_perangkat_cabut,api_perangkat_daftar,api_periode,api_periode_ajukan,api_periode_buka,api_periode_kunci,api_periode_setujui,api_prioritas,api_profil_kampung,api_profil_kampung_simpan,api_ringkasan,api_saya,api_sinkron,api_tautan_buat,api_tren_stunting,api_wilayah,api_wilayah_daftar}'::text[],
          'one API function per route (api_sinkron: the four bulk-sync routes)');
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p WHERE p.pronamespace = 'kkb'::regnamespace AND p.proname LIKE 'api\_%' AND p.prosecdef),
          '{}'::text[], 'every API function runs with the caller''s rights (no SECURITY DEFINER)');
SELECT is(kkb._api_halaman('{"a": 1, "b": "x"}', 7, 2, 4, NULL)::text, '{ "a" : 1, "b" : "x", "total" : 7, "limit" : 2, "offset" : 4, "data" : [] }',
          'the envelope: the head''s keys in order, then total, limit, offset, and data ([] for none)');
SELECT is(pg_temp.kunci(kkb._api_halaman('{"total": {}}', 3, 1, 0, '[1]', 'jumlah')), '{total,jumlah,limit,offset,data}',
          'the count under another key when the head has its own total');
SELECT is(ARRAY(SELECT nama FROM kkb._api_kolom('kkb.intervensi')), '{tanggal,judul,fungsi_keluarga,sasaran,opd,kegiatan_inpres,uraian}',
          'a body''s fields come from the catalogue: not the key, the identity or the time stamp');
SELECT is(ARRAY(SELECT nama || '=' || coalesce(bawaan, '') FROM kkb._api_kolom('kkb.profil') WHERE nama IN ('pokja_ada', 'pokja_anggota', 'sumber_dana')),
          ARRAY['pokja_ada=false', 'pokja_anggota=', 'sumber_dana=''{}''::kkb.sumber_dana[]'], 'with their defaults');

-- ---------------------------------------------------------------- the region reference, anonymous callers
SELECT is(pg_temp.dok('kkb_anon', NULL, $$SELECT kkb.api_wilayah_daftar('13.77', 2, 1)$$)::jsonb,
          '{"induk": "13.77", "total": 4, "limit": 2, "offset": 1, "data": [{"kode": "13.77.02", "nama": "Pariaman Utara", "tingkat": 3, "induk": "13.77"}, {"kode": "13.77.03", "nama": "Pariaman Selatan", "tingkat": 3, "induk": "13.77"}]}',
          'kkb_anon: the regions under 13.77, second page of two');
SELECT is(pg_temp.kunci(kkb.api_wilayah_daftar('13.77')), '{induk,total,limit,offset,data}', 'its keys in order');
SELECT is((SELECT ARRAY[d ->> 'total', (json_typeof(d -> 'induk') = 'null')::text, d -> 'data' -> 0 ->> 'kode'] FROM kkb.api_wilayah_daftar(NULL, 1, 0) d),
          '{38,true,11}', 'without induk: the 38 provinces, Aceh first');
SELECT ok(kkb.api_wilayah_daftar('99') IS NULL, 'an unknown induk: no document (404)');
SELECT is((SELECT ARRAY[d ->> 'nama', d ->> 'nama_induk', d ->> 'jumlah_anak', d ->> 'tingkat'] FROM kkb.api_wilayah('1377') d),
          '{"Kota Pariaman","Sumatera Barat",4,2}', 'one region with its parent''s name and number of children (a code without dots too)');
SELECT ok(kkb.api_wilayah('13.77.99') IS NULL, 'an unknown region: no document');
SELECT throws_ok($$SELECT kkb.api_wilayah('abc')$$, '22P02', NULL, 'a malformed region code: 22P02');
SELECT is(pg_temp.sebagai('kkb_anon', NULL, $$SELECT kkb.api_desa('13.77.01.1001')$$), '42501', 'kkb_anon may not call a village route');
SELECT is(pg_temp.sebagai('kkb_anon', NULL, $$SELECT count(*) FROM kkb.kampung$$), '42501', 'nor read the villages');
SELECT ok(pg_has_role('kkb_gateway', 'kkb_anon', 'MEMBER'), 'the gateway''s login may switch to kkb_anon');

-- ---------------------------------------------------------------- who is calling
SELECT is(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_saya('dinkes')$$, 'Dinkes Pariaman')::jsonb,
          '{"peran": "kkb_opd", "label": "Dinkes Pariaman", "wilayah": "13.77", "opd": "dinkes", "kesehatan": false}',
          'api_saya: role, label, scope, agency (kesehatan: the agency in the setting kkb.opd, unset here)');
SELECT is(pg_temp.dok('kkb_admin', NULL, $$SELECT kkb.api_saya('')$$, 'Admin')::jsonb,
          '{"peran": "kkb_admin", "label": "Admin", "wilayah": null, "opd": null, "kesehatan": false}', 'no scope and no agency: null');

-- ---------------------------------------------------------------- villages
SELECT is(pg_temp.kunci(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_desa_daftar('13.77', '2026-09-01')$$)),
          '{wilayah,periode,total,limit,offset,data}', 'api_desa_daftar: its keys in order');
SELECT is((SELECT ARRAY[d ->> 'total', d ->> 'periode', d -> 'data' -> 0 ->> 'kode_desa', d -> 'data' -> 0 ->> 'status', d -> 'data' -> 0 ->> 'nama_desa']
             FROM pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_desa_daftar('13.77', '2026-09-01', 1, 1)$$) d),
          '{2,2026-09,13.77.01.1002,draf,"Kampung Perak"}', 'an agency sees both villages of Pariaman; page 2 of 1 is B');
SELECT is(pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_desa_daftar('13.77', '2026-09-01')$$) ->> 'total', '1', 'pokja A sees only its own village');
SELECT is(pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_desa_daftar(NULL, '2026-09-01')$$) ->> 'wilayah', NULL, 'no region: all in scope, wilayah null');
SELECT is((SELECT ARRAY[d ->> 'kode_desa', d ->> 'nama_desa', d ->> 'kecamatan', d ->> 'kode_kecamatan', d ->> 'tanggal_pencanangan']
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_desa('13.77.01.1001')$$) d),
          '{13.77.01.1001,"Karan Aur","Pariaman Tengah",13.77.01,2022-03-01}', 'api_desa: the village with its names');
SELECT ok(pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_desa('13.77.01.1002')$$) IS NULL, 'pokja A asking for B: no document (404)');
SELECT ok(pg_temp.dok('kkb_admin', NULL, $$SELECT kkb.api_desa('13.77.01.1003')$$) IS NULL, 'a village that is not a Kampung KB: no document');
SELECT is(pg_temp.sebagai('kkb_analis', '13.77', $$SELECT kkb.api_desa('13.77.01.1001')$$), '42501', 'an analyst may not read a village (403)');
SELECT is(pg_temp.sebagai('kkb_provinsi', '13', $$SELECT kkb.api_desa_daftar('13.77', '2026-09-01')$$), '42501', 'nor a province token');
SELECT is((SELECT ARRAY[d ->> 'kode_desa', d ->> 'periode', json_array_length(d -> 'data')::text, d -> 'data' -> 0 ->> 'urutan']
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_desa_profil('13.77.01.1001', '2026-09-01')$$) d),
          ARRAY['13.77.01.1001', '2026-09', (SELECT count(*)::text FROM kkb.profil_desa('13.77.01.1001', '2026-09-01')), '1'],
          'api_desa_profil: every item of the profile, in order');
SELECT is((SELECT d ->> 'klasifikasi' FROM pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_desa_klasifikasi('13.77.01.1001', '2026-09-01')$$) d),
          kkb.klasifikasi('13.77.01.1001', '2026-09-01') ->> 'klasifikasi', 'api_desa_klasifikasi: kkb.klasifikasi''s class');
SELECT is((SELECT (d ->> 'total')::int = json_array_length(d -> 'data') FROM pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_desa_validasi('13.77.01.1001', '2026-09-01')$$) d),
          true, 'api_desa_validasi: total counts the violations listed');
SELECT is((SELECT ARRAY[d ->> 'acuan', d ->> 'jumlah_keluarga', d ->> 'total', d -> 'data' -> 0 ->> 'no_kk']
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_desa_risiko_stunting('13.77.01.1001', NULL)$$) d),
          ARRAY[current_date::text, '1', '1', '1377011505200001'], 'api_desa_risiko_stunting: today by default, the village''s one family');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$SELECT kkb.api_desa_risiko_stunting('13.77.01.1001', NULL)$$), '42501',
          'families at risk are by-name data: not for an agency');
SELECT throws_ok($$SELECT kkb.api_desa_risiko_stunting('13.77.01.1001', '2026-02-30')$$, '22008', NULL, 'an impossible date: 22008');

-- ---------------------------------------------------------------- monthly records
SELECT is(pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_profil_kampung_simpan('13.77.01.1001', '2026-09-01',
                        '{"pokja_ada": true, "pokja_anggota": 9, "sumber_dana": ["apbd", "dana_desa"]}') x$$) ->> 'status', '201',
          'PUT profil-kampung of a new month: 201');
SELECT is((SELECT ARRAY[d ->> 'status', d -> 'dokumen' ->> 'pokja_anggota', d -> 'dokumen' ->> 'sumber_dana', d -> 'dokumen' ->> 'regulasi', d -> 'dokumen' ->> 'periode']
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_profil_kampung_simpan('13.77.01.1001', '2026-09-01',
                        '{"pokja_ada": true, "pokja_anggota": 10}') x$$) d),
          '{200,10,[],false,2026-09}', 'again: 200, replaced, fields left out take their defaults');
SELECT is((SELECT ARRAY[d ->> 'status', d -> 'dokumen' ->> 'code', d -> 'dokumen' ->> 'kolom', d -> 'dokumen' ->> 'message']
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_profil_kampung_simpan('13.77.01.1001', '2026-09-01',
                        '{"pokja_ada": true, "kode_desa": "13.77.01.1002"}') x$$) d),
          '{422,KKB-KOLOM-TIDAK-DIKENAL,kode_desa,"kolom \"kode_desa\" tidak dikenal"}', 'a field that is not a column of the profile: 422 naming it');
SELECT is((SELECT pokja_anggota FROM kkb.profil WHERE kode_desa = '13.77.01.1001' AND periode = '2026-09-01'), 10, 'and nothing was written');
SELECT is(pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_profil_kampung_simpan('13.77.01.1002', '2026-09-01', '{}') x$$) ->> 'dokumen',
          NULL, 'pokja A writing B''s month: no document (404)');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$SELECT kkb.api_profil_kampung_simpan('13.77.01.1001', '2026-09-01', '{}')$$), '42501',
          'an agency may not write a village''s report (403)');
SELECT is(pg_temp.sebagai('kkb_pokja', :A, $$SELECT kkb.api_profil_kampung_simpan('13.77.01.1001', '2026-09-01', '{"pokja_ada": false, "pokja_anggota": 9}')$$),
          '23514', 'members without a pokja: the table''s check (23514)');
SELECT is(pg_temp.sebagai('kkb_pokja', :A, $$SELECT kkb.api_profil_kampung_simpan('13.77.01.1001', '2026-09-01', '{"sumber_dana": ["emas"]}')$$),
          '22P02', 'an unknown funding source: 22P02');
SELECT is((SELECT ARRAY[d ->> 'pokja_anggota', d ->> 'kode_desa', d ->> 'periode']
             FROM pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_profil_kampung('13.77.01.1001', '2026-09-01')$$) d),
          '{10,13.77.01.1001,2026-09}', 'api_profil_kampung reads it back (an agency too)');
SELECT ok(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_profil_kampung('13.77.01.1001', '2026-08-01')$$) IS NULL, 'a month without a profile: no document');
SELECT is((SELECT ARRAY[d ->> 'status', (SELECT count(*) FROM json_object_keys(d -> 'dokumen'))::text, d -> 'dokumen' ->> 'kb_pil', d -> 'dokumen' ->> 'bpjs']
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_kkbpk_simpan('13.77.01.1001', '2026-09-01', '{"kb_pil": 5}') x$$) d),
          '{201,23,5,NULL}', 'api_kkbpk_simpan: 201 with the 18 counts, village, month, time of change, versi and the month''s warnings');
SELECT is(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_kkbpk('13.77.01.1001', '2026-09-01')$$) ->> 'kb_pil', '5', 'api_kkbpk reads it back');
SELECT is(pg_temp.sebagai('kkb_pokja', :A, $$SELECT kkb.api_kkbpk_simpan('13.77.01.1001', '2026-09-01', '{"kb_pil": -1}')$$), '23514', 'a negative count: 23514');
SELECT is((SELECT ARRAY[d ->> 'status', d -> 'dokumen' ->> 'pus', json_array_length(d -> 'dokumen' -> 'laki_laki')::text]
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_penduduk_simpan('13.77.01.1001', '2026-09-01',
                        '{"pus": 4, "laki_laki": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}') x$$) d),
          '{201,4,16}', 'api_penduduk_simpan: 201');
SELECT ok(pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_penduduk('13.77.01.1001', '2026-10-01')$$) IS NULL, 'api_penduduk of a month without a report: no document');

SELECT is(pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_nilai_simpan('13.77.01.1001', '2026-09-01', '{"ibu_hamil": 4, "ibu_hamil_kek": 1}') x$$)::jsonb
            #- '{dokumen,peringatan}',
          '{"dokumen": {"kode_desa": "13.77.01.1001", "periode": "2026-09", "data": {"ibu_hamil": 4, "ibu_hamil_kek": 1}, "ditulis": 2, "dihapus": 0}, "status": 200}',
          'api_nilai_simpan: the month''s values and what changed');
CREATE TEMP TABLE lagi AS
SELECT (pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_nilai_simpan('13.77.01.1001', '2026-09-01', '{"ibu_hamil": 4}') x$$) -> 'dokumen')::jsonb AS d;
SELECT is((SELECT d - 'kode_desa' - 'periode' - 'peringatan' FROM lagi),
          '{"data": {"ibu_hamil": 4}, "ditulis": 0, "dihapus": 1}', 'again: the unchanged value is not rewritten, the left-out one deleted');
SELECT is((SELECT jsonb_path_query_array(d, '$.peringatan[*].kode') FROM lagi), '["aturan:kb_le_pus", "aturan:kb_tidak_kb_le_pus"]',
          '... and the answer lists the month''s warnings: the report above has 5 users of contraception for 4 PUS');
SELECT is((SELECT ARRAY[d ->> 'status', d -> 'dokumen' ->> 'kolom']
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_nilai_simpan('13.77.01.1001', '2026-09-01', '{"ibu_hamil": "4"}') x$$) d),
          '{422,ibu_hamil}', 'a value that is not a number: 422 naming the item');
SELECT is(pg_temp.sebagai('kkb_pokja', :A, $$SELECT kkb.api_nilai_simpan('13.77.01.1001', '2026-09-01', '{"emas": 1}')$$), '23503',
          'an item code that is not in the catalogue: 23503');
SELECT is(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_nilai('13.77.01.1001', '2026-09-01')$$) ->> 'data', '{ "ibu_hamil" : 4 }', 'api_nilai reads the month''s values');

-- ---------------------------------------------------------------- interventions
SELECT is((SELECT ARRAY[d ->> 'status', json_typeof(d -> 'dokumen' -> 'id'), d -> 'dokumen' ->> 'kode_desa', d -> 'dokumen' ->> 'sasaran', d -> 'dokumen' ->> 'opd']
             FROM pg_temp.dok('kkb_opd', '13.77', $$SELECT row_to_json(x) FROM kkb.api_intervensi_tambah('13.77.01.1001',
                        '{"tanggal": "2026-09-03", "judul": "Penyuluhan gizi", "fungsi_keluarga": "perlindungan", "sasaran": ["balita"]}') x$$) d),
          '{201,number,13.77.01.1001,"[\"balita\"]",[]}', 'api_intervensi_tambah: 201 with the new id (an agency records one too)');
SELECT is(pg_temp.sebagai('kkb_pokja', :A, $$SELECT kkb.api_intervensi_tambah('13.77.01.1001', '{"judul": "X", "fungsi_keluarga": "ekonomi"}')$$),
          '23502', 'without a date: 23502');
SELECT is(pg_temp.dok('kkb_pokja', :A, $$SELECT row_to_json(x) FROM kkb.api_intervensi_tambah('13.77.01.1001', '{"id": 7}') x$$) -> 'dokumen' ->> 'kolom',
          'id', 'an id chosen by the client: 422 naming it');
SELECT is((SELECT ARRAY[d ->> 'total', d -> 'data' -> 0 ->> 'judul', (d -> 'data' -> 0 -> 'kode_desa') IS NULL::text]
             FROM pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_intervensi_daftar('13.77.01.1001')$$) d),
          '{1,"Penyuluhan gizi",true}', 'api_intervensi_daftar: the village''s interventions, without the village in each row');

-- ---------------------------------------------------------------- the month's workflow
SELECT is(pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_periode('13.77.01.1001', '2026-09-01')$$)::jsonb,
          '{"kode_desa": "13.77.01.1001", "periode": "2026-09", "status": "draf", "diubah_oleh": null, "diubah_pada": null}', 'a month without a state is draf');
SELECT is((SELECT ARRAY[d ->> 'status', d ->> 'diubah_oleh'] FROM pg_temp.dok('kkb_pokja', :A, $$SELECT kkb.api_periode_ajukan('13.77.01.1001', '2026-09-01')$$, 'Pokja Karan Aur') d),
          '{diajukan,"Pokja Karan Aur"}', 'ajukan: the new state, by the caller');
SELECT is(pg_temp.sebagai('kkb_pokja', :A, $$SELECT kkb.api_periode_setujui('13.77.01.1001', '2026-09-01')$$), '42501', 'a pokja approving its own month: 42501');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$SELECT kkb.api_periode_kunci('13.77.01.1001', '2026-09-01')$$), '42501', 'an agency locking it: 42501');
SELECT is(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_periode_setujui('13.77.01.1001', '2026-09-01')$$) ->> 'status', 'disetujui', 'the agency approves it');
SELECT ok(pg_temp.dok('kkb_admin', NULL, $$SELECT kkb.api_periode_ajukan('13.77.01', '2026-09-01')$$) IS NULL, 'a region that is not a village: no document (404)');

-- ---------------------------------------------------------------- agencies and the province
SELECT ok(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_prioritas('13.77', '2026-09-01', 'dinas_bulan')$$) IS NULL, 'an unknown agency: no document (400)');
SELECT is(pg_temp.kunci(pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_prioritas('13.77', '2026-09-01', 'dinkes')$$)),
          '{wilayah,periode,opd,total,limit,offset,data}', 'api_prioritas: its keys in order');
SELECT is((SELECT ARRAY[d ->> 'total', d -> 'data' -> 1 ->> 'kode_desa', d -> 'data' -> 1 ->> 'nama']
             FROM pg_temp.dok('kkb_opd', '13.77', $$SELECT kkb.api_klasifikasi_daftar('13.77', '2026-09-01')$$) d),
          '{2,13.77.01.1002,"Kampung Perak"}', 'api_klasifikasi_daftar: every village''s class');
SELECT is((SELECT ARRAY[d ->> 'tingkat', d ->> 'total', d -> 'keseluruhan' ->> 'kode', d -> 'keseluruhan' ->> 'kampung_kb', d -> 'data' -> 0 ->> 'kode']
             FROM pg_temp.dok('kkb_provinsi', '13', $$SELECT kkb.api_ringkasan('13.77', '2026-09-01')$$) d),
          '{3,4,13.77,2,13.77.01}', 'api_ringkasan: the level kkb.ringkasan chose (one below the city), the city''s own figures in keseluruhan, the count of rows in total');
SELECT is(pg_temp.sebagai('kkb_pokja', :A, $$SELECT kkb.api_ringkasan('13.77', '2026-09-01')$$), '42501', 'aggregates are not for a pokja');

SELECT * FROM finish();
ROLLBACK;

-- Classification read from the village tables: masukan, klasifikasi, klasifikasi_wilayah.
BEGIN;
SELECT plan(12);
\ir fixture_desa.inc

-- A: strong inputs only (expected Dasar); B: everything strong (expected Berkelanjutan)
INSERT INTO kkb.profil VALUES
	('13.77.01.1001', '2026-10-01', true, 10, true, true, true, '{apbn,apbd,dana_desa}', '{bkb,bkr,bkl,uppka,pikr}',
	 '{sekretariat,rumah_dataku}', '{pk,rutin_bkkbn}', '{rapat_perencanaan,koordinasi,sosialisasi}'),
	('13.77.01.1002', '2026-10-01', true, 12, true, true, true, '{apbn,apbd,dana_desa,hibah,swadaya}',
	 '{bkb,bkr,bkl,uppka,pikr,pelayanan_kb,kependudukan,sektor_lain}', '{sekretariat,rumah_dataku}',
	 '{pk,rutin_bkkbn,potensi_desa,sektoral}', '{rapat_perencanaan,koordinasi,sosialisasi,monev,pelaporan}');
INSERT INTO kkb.penduduk (kode_desa, periode, pus, keluarga, remaja, keluarga_balita, keluarga_remaja, keluarga_lansia) VALUES
	('13.77.01.1001', '2026-10-01', 100, 200, 80, 50, 60, 40),
	('13.77.01.1002', '2026-10-01', 100, 100, 100, 100, 100, 100);
INSERT INTO kkb.kkbpk (kode_desa, periode, peserta_bkb, kb_iud, kb_suntik, kb_pil, tidak_kb_iat) VALUES
	('13.77.01.1001', '2026-10-01', 20, 10, 30, 5, 4);
INSERT INTO kkb.kkbpk (kode_desa, periode, peserta_bkb, peserta_bkr, peserta_bkl, peserta_uppka, peserta_pikr,
                       kb_iud, kb_implan, kb_suntik, tidak_kb_iat, tidak_kb_tial) VALUES
	('13.77.01.1002', '2026-10-01', 40, 40, 40, 40, 40, 30, 10, 20, 2, 3);
INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, opd) VALUES
	('13.77.01.1001', '2026-10-03', 'Posyandu', 'perlindungan', '{dinkes,dp3akb}'),
	('13.77.01.1001', '2026-09-03', 'Kelas ibu', 'reproduksi', '{dinkes}'),
	('13.77.01.1001', '2026-11-03', 'Bantuan pangan', 'ekonomi', '{dinsos}'),
	('13.77.01.1002', '2026-05-01', 'Rembuk stunting', 'perlindungan', '{dinkes,dp3akb,dinsos,disdik,pupr,perkim,disdukcapil}');

SELECT is(kkb.klasifikasi_masukan('13.77.01.1001', '2026-10-01'),
          '{"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 3, "poktan": 5, "sarana": 2,
            "pkb_pendamping": true, "regulasi": true, "penggunaan_data": 2, "mekanisme_operasional": 3, "instansi_intervensi": 2,
            "penduduk": {"pus": 100, "keluarga": 200, "remaja": 80, "keluarga_balita": 50, "keluarga_remaja": 60, "keluarga_lansia": 40},
            "kkbpk": {"peserta_bkb": 20, "kb_iud": 10, "kb_suntik": 30, "kb_pil": 5, "tidak_kb_iat": 4}}'::jsonb,
          'the input document of A: counts of ticked items, agencies up to the month''s end (not November''s), records of the month');
SELECT is(kkb.klasifikasi_masukan('13.77.01.1001', '2026-08-01'), '{"instansi_intervensi": 0}'::jsonb,
          'a month with no records: only the agency count');
SELECT is(kkb.klasifikasi('13.77.01.1001', '2026-10-01'), kkb.klasifikasi_hitung(kkb.klasifikasi_masukan('13.77.01.1001', '2026-10-01')),
          'klasifikasi = klasifikasi_hitung(klasifikasi_masukan) for A');
SELECT is(kkb.klasifikasi('13.77.01.1002', '2026-10-01'), kkb.klasifikasi_hitung(kkb.klasifikasi_masukan('13.77.01.1002', '2026-10-01')),
          '... and for B');
-- A by hand: input 4+3+4+3+3 = 17/5 = 3.40; process 3+3+2 = 8/3 = 2.67; output poktan p = round(40/5) = 8 -> 1,
-- cpr 45% -> 3, mkjp 10/45 = 22% -> 2, unmet 4% -> 4: 10/4 = 2.50.  One index met: Dasar.
SELECT is(kkb.klasifikasi('13.77.01.1001', '2026-10-01') -> 'skor',
          '{"input_pokja": 4, "input_sumber_dana": 3, "input_poktan": 4, "input_sarana": 3, "input_pkb": 3,
            "proses_penggunaan_data": 3, "proses_operasional": 3, "proses_lintas_sektor": 2,
            "output_poktan": 1, "output_cpr": 3, "output_mkjp": 2, "output_unmet": 4}'::jsonb, 'A''s 12 scores, by hand');
SELECT is(kkb.klasifikasi('13.77.01.1001', '2026-10-01') -> 'persentase',
          '{"poktan": 8, "cpr": 45, "mkjp": 22, "unmet": 4}'::jsonb, 'A''s percentages');
SELECT is((SELECT ARRAY[j ->> 'indeks_input', j ->> 'indeks_proses', j ->> 'indeks_output', j ->> 'klasifikasi']
             FROM kkb.klasifikasi('13.77.01.1001', '2026-10-01') j), '{3.40,2.67,2.50,Dasar}', 'A: 3.40, 2.67, 2.50: Dasar');
-- B by hand: input 4+4+4+3+3 = 3.60; process 4+4+4 = 4.00; output 4+4+4+4 = 4.00: Berkelanjutan
SELECT is((SELECT ARRAY[j ->> 'indeks_input', j ->> 'indeks_proses', j ->> 'indeks_output', j ->> 'klasifikasi']
             FROM kkb.klasifikasi('13.77.01.1002', '2026-10-01') j), '{3.60,4.00,4.00,Berkelanjutan}', 'B: 3.60, 4.00, 4.00: Berkelanjutan');

SELECT results_eq($$SELECT kode_desa::text, nama, klasifikasi, indeks_input, proses_lintas_sektor FROM kkb.klasifikasi_wilayah('13.77', '2026-10-01')$$,
                  $$VALUES ('13.77.01.1001', 'Karan Aur', 'Dasar', 3.40, 2), ('13.77.01.1002', 'Kampung Perak', 'Berkelanjutan', 3.60, 4)$$,
                  'klasifikasi_wilayah lists every village under 13.77 with its scores and class');
SELECT is((SELECT count(*)::int FROM kkb.klasifikasi_wilayah('13.71', '2026-10-01')), 0, 'no village under another city');
SELECT is((SELECT count(*)::int FROM kkb.klasifikasi_wilayah('13.77.01.1002', '2026-10-01')), 1, 'a village code selects itself');
SELECT is((SELECT klasifikasi FROM kkb.klasifikasi_wilayah('13.77', '2026-09-01') WHERE kode_desa = '13.77.01.1002'), 'Dasar',
          'a month without records is Dasar');

SELECT * FROM finish();
ROLLBACK;

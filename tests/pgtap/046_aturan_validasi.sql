-- Validation rules: every shipped rule fires on a violating village and stays
-- silent on a clean one; a malformed rule is refused when written.
BEGIN;
SELECT plan(10);

INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('13.77.02.2005', 'Kampung KB Ampalu');
-- a clean, consistent month: every item entered
INSERT INTO kkb.nilai (kode_desa, periode, kode_elemen, nilai)
SELECT '13.77.02.2005', '2026-10-01', v.k, v.n FROM (VALUES
	('penduduk', 1000), ('keluarga', 250), ('pus', 150), ('remaja', 200), ('keluarga_balita', 60), ('keluarga_remaja', 80),
	('keluarga_lansia', 40), ('kb_iud', 10), ('kb_mow', 5), ('kb_mop', 1), ('kb_kondom', 5), ('kb_implan', 10), ('kb_suntik', 40),
	('kb_pil', 20), ('tidak_kb_hamil', 5), ('tidak_kb_ingin_segera', 5), ('tidak_kb_iat', 5), ('tidak_kb_tial', 5),
	('peserta_baru', 5), ('bpjs', 800), ('peserta_bkb', 30), ('peserta_bkr', 20), ('peserta_bkl', 20), ('peserta_uppka', 10),
	('peserta_pikr', 15), ('lahir_hidup', 10), ('kematian_bayi', 1), ('kematian_balita', 1), ('kematian_ibu', 0),
	('balita_diukur', 50), ('balita_stunting', 8), ('balita_gizi_kurang', 5), ('ibu_hamil', 12), ('ibu_hamil_kek', 2),
	('keluarga_krs', 30), ('keluarga_tanpa_air_layak', 10), ('keluarga_tanpa_jamban_layak', 12), ('pus_4_terlalu', 20),
	('keluarga_miskin', 25), ('anak_tidak_sekolah', 3)) v(k, n);

SELECT ok((SELECT count(*) FROM kkb.aturan_validasi) >= 15, 'at least 15 rules are shipped');
SELECT is((SELECT count(*)::int FROM kkb.periksa('13.77.02.2005', '2026-10-01')), 0, 'a clean month breaks no rule');

-- for each rule: raise every item of its left side to a million, check that the rule fires, undo
CREATE TEMP TABLE hasil (kode text, terpicu boolean, kiri float8, kanan float8);
DO $$
DECLARE
	r record;
	v record;
BEGIN
	FOR r IN SELECT * FROM kkb.aturan_validasi ORDER BY kode LOOP
		v := NULL;
		BEGIN
			UPDATE kkb.nilai SET nilai = 1000000 WHERE kode_desa = '13.77.02.2005' AND kode_elemen = ANY (kkb.aturan_kode(r.kiri));
			SELECT * INTO v FROM kkb.periksa('13.77.02.2005', '2026-10-01') p WHERE p.kode = r.kode;
			RAISE EXCEPTION USING ERRCODE = 'P0004';   -- undo the update, keep v
		EXCEPTION WHEN assert_failure THEN NULL;
		END;
		INSERT INTO hasil VALUES (r.kode, v.kode IS NOT NULL, v.nilai_kiri, v.nilai_kanan);
	END LOOP;
END $$;
SELECT is((SELECT array_agg(kode ORDER BY kode) FROM hasil WHERE NOT terpicu), NULL::text[],
          'every shipped rule fires when its left side is raised above its right side');
SELECT is((SELECT count(*)::int FROM hasil), (SELECT count(*)::int FROM kkb.aturan_validasi), 'all rules were tried');
SELECT is((SELECT count(*)::int FROM kkb.periksa('13.77.02.2005', '2026-10-01')), 0, 'and the clean month is clean again');
SELECT is((SELECT ROW(kiri, kanan)::text FROM hasil WHERE kode = 'stunting_le_diukur'), '(1000000,50)',
          'the violation reports both sides'' values');

-- a single realistic violation, through the data
UPDATE kkb.nilai SET nilai = 60 WHERE kode_desa = '13.77.02.2005' AND kode_elemen = 'balita_stunting';
SELECT results_eq($$SELECT kode, nilai_kiri, operator, nilai_kanan, kepentingan FROM kkb.periksa('13.77.02.2005', '2026-10-01')$$,
                  $$VALUES ('stunting_le_diukur', 60::float8, '<=', 50::float8, 'tinggi')$$,
                  '60 stunted of 50 measured breaks exactly one rule');

-- a missing value skips the rules that use it (lewati_jika_ada_kosong)
DELETE FROM kkb.nilai WHERE kode_desa = '13.77.02.2005' AND kode_elemen = 'balita_diukur';
SELECT is((SELECT count(*)::int FROM kkb.periksa('13.77.02.2005', '2026-10-01')), 0, 'with balita_diukur missing the rule is skipped');

-- malformed rules are refused when written, with the position
SELECT throws_ok($$INSERT INTO kkb.aturan_validasi (kode, uraian, kiri, operator, kanan) VALUES ('x', 'x', 'pus + )', '<=', 'penduduk')$$,
                 '22023', NULL, 'a rule whose expression does not parse is refused (22023)');
SELECT throws_ok($$INSERT INTO kkb.aturan_validasi (kode, uraian, kiri, operator, kanan) VALUES ('y', 'y', 'pus', '<=', 'penduduk_dunia')$$,
                 '22023', 'unknown item code "penduduk_dunia" in the kanan expression of rule y', 'a rule with an unknown item code is refused');

SELECT * FROM finish();
ROLLBACK;

-- OPD priorities on a fixture city of two villages with entered values.
BEGIN;
SELECT plan(7);

INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('13.77.02.2005', 'Ampalu'), ('13.77.02.2006', 'Apar');
INSERT INTO kkb.nilai (kode_desa, periode, kode_elemen, nilai)
SELECT d, '2026-10-01', k, n FROM (VALUES
	-- Ampalu: stunting 10/50 = 20%, 10 families without water, 12 without latrine, unmet 8/100 = 8%
	('13.77.02.2005', 'balita_diukur', 50), ('13.77.02.2005', 'balita_stunting', 10),
	('13.77.02.2005', 'keluarga_tanpa_air_layak', 10), ('13.77.02.2005', 'keluarga_tanpa_jamban_layak', 12),
	('13.77.02.2005', 'pus', 100), ('13.77.02.2005', 'tidak_kb_iat', 5), ('13.77.02.2005', 'tidak_kb_tial', 3),
	-- Apar: stunting 5/40 = 12.5% (below 14%), 30 families without water, 5 without latrine, unmet 20/200 = 10%
	('13.77.02.2006', 'balita_diukur', 40), ('13.77.02.2006', 'balita_stunting', 5),
	('13.77.02.2006', 'keluarga_tanpa_air_layak', 30), ('13.77.02.2006', 'keluarga_tanpa_jamban_layak', 5),
	('13.77.02.2006', 'pus', 200), ('13.77.02.2006', 'tidak_kb_iat', 12), ('13.77.02.2006', 'tidak_kb_tial', 8)) v(d, k, n);

SELECT results_eq($$SELECT peringkat, nama_desa, masalah, nilai, selisih, terdampak FROM kkb.prioritas_intervensi('13.77', '2026-10-01', 'pupr')$$,
                  $$VALUES (1, 'Apar', 'air_minum', 30.00, 30.00, 30::numeric), (2, 'Ampalu', 'jamban', 12.00, 12.00, 12),
                           (3, 'Ampalu', 'air_minum', 10.00, 10.00, 10), (4, 'Apar', 'jamban', 5.00, 5.00, 5)$$,
                  'public works: ranked by families affected');
SELECT results_eq($$SELECT peringkat, nama_desa, masalah, nilai, target, terdampak FROM kkb.prioritas_intervensi('13.77', '2026-10-01', 'dinkes')$$,
                  $$VALUES (1, 'Ampalu', 'stunting', 20.00, 14::numeric, 10::numeric)$$,
                  'health: only Ampalu''s stunting (20% > 14%); Apar''s 12.5% is within target');
SELECT results_eq($$SELECT peringkat, nama_desa, masalah, nilai, selisih, terdampak FROM kkb.prioritas_intervensi('13.77', '2026-10-01', 'dp3akb')$$,
                  $$VALUES (1, 'Apar', 'unmet_need', 10.00, 2.60, 20::numeric), (2, 'Ampalu', 'unmet_need', 8.00, 0.60, 8)$$,
                  'family planning: unmet need above 7.4% in both, Apar first (20 couples)');
SELECT is((SELECT count(*)::int FROM kkb.prioritas_intervensi('13.77', '2026-10-01', 'disdik')), 0, 'no school data, no item for education');
SELECT is((SELECT count(DISTINCT opd)::int FROM kkb.prioritas_intervensi('13.77', '2026-10-01')), 3, 'without an agency: every agency''s list');
SELECT is((SELECT count(*)::int FROM kkb.prioritas_intervensi('13.77.02.2006', '2026-10-01', 'pupr')), 2, 'a village''s own list');

SELECT throws_ok($$INSERT INTO kkb.masalah_opd VALUES ('x', 'x', 'tidak_ada * 2', 'orang', 0, 'maks', 'tidak_ada', 'dinkes')$$,
                 '22023', NULL, 'a problem with an unknown item code is refused');

SELECT * FROM finish();
ROLLBACK;

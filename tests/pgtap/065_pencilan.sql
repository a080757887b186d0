-- Outliers in the monthly reports (kkb.pencilan) and the logical bound kb <= PUS:
-- a generated kecamatan of Bukittinggi (13.75.01) with 13 months of reports, one
-- village's October 2026 pill users planted at 5000 (its PUS are a few hundred):
-- each method finds the planted value first, against the village's history and
-- against its peers; kkb.periksa reports kb_le_pus although only kb_pil is recorded.
BEGIN;
SELECT plan(24);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.05, 5, 13, '2026-10-01');
SELECT min(kode_desa::text) AS desa FROM kkb.kkbpk WHERE kode_desa <@ '13.75.01' AND periode = '2026-10-01' \gset
UPDATE kkb.kkbpk SET kb_pil = 5000 WHERE kode_desa = :'desa' AND periode = '2026-10-01';

SELECT ok((SELECT count(DISTINCT periode) FROM kkb.kkbpk WHERE kode_desa = :'desa') >= 13, 'the village has 13 months of reports');
CREATE TEMP TABLE mz AS SELECT * FROM kkb.pencilan('13.75.01', '2026-10-15');
SELECT is((SELECT row(p.kode_desa::text, p.kode, p.nilai)::text FROM mz p LIMIT 1), row(:'desa', 'kb_pil', 5000::numeric)::text,
          'modified z-score: the planted value has the highest score');
SELECT is((SELECT array_agg(p.acuan ORDER BY p.acuan) FROM mz p WHERE p.kode_desa = :'desa' AND p.kode = 'kb_pil'), ARRAY['riwayat', 'sebaya'],
          '... against its own history and against the kecamatan''s villages');
SELECT ok((SELECT bool_and(p.skor > 3.5 AND p.nilai > p.batas_atas AND p.n >= 3) FROM mz p WHERE p.kode_desa = :'desa' AND p.kode = 'kb_pil'),
          '... with a score above 3.5 and the value above the upper bound');
SELECT is((SELECT p.n FROM mz p WHERE p.kode_desa = :'desa' AND p.kode = 'kb_pil' AND p.acuan = 'riwayat'), 12,
          '... the history is the 12 months before');
-- the modified z-score by hand for the history
SELECT is((SELECT p.skor FROM mz p WHERE p.kode_desa = :'desa' AND p.kode = 'kb_pil' AND p.acuan = 'riwayat'),
          (SELECT round(0.6745 * (5000 - m.med) / greatest((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(k.kb_pil - m.med))
                                                    FROM kkb.kkbpk k WHERE k.kode_desa = :'desa' AND k.periode BETWEEN '2025-10-01' AND '2026-09-01')::numeric, 1, sqrt(m.med)), 4)
             FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY k.kb_pil)::numeric AS med
                     FROM kkb.kkbpk k WHERE k.kode_desa = :'desa' AND k.periode BETWEEN '2025-10-01' AND '2026-09-01') m),
          '... its score is 0.6745 (x - median) / MAD of the 12 months (MAD at least 1 and sqrt(median))');
SELECT is((SELECT row(p.kode_desa::text, p.kode, p.nilai)::text FROM kkb.pencilan('13.75.01', '2026-10-01', 'z') p LIMIT 1),
          row(:'desa', 'kb_pil', 5000::numeric)::text, 'z-score: the planted value first');
SELECT is((SELECT row(p.kode_desa::text, p.kode, p.nilai, p.acuan)::text FROM kkb.pencilan('13.75.01', '2026-10-01', 'minmaks') p LIMIT 1),
          row(:'desa', 'kb_pil', 5000::numeric, 'riwayat')::text, 'min-max range of the history: the planted value first');
SELECT is((SELECT count(*) FROM kkb.pencilan('13.75.01', '2026-10-01', 'minmaks') p WHERE p.acuan = 'sebaya'), 0::bigint,
          'min-max ranges judge against the history only');
SELECT is((SELECT count(*) FROM kkb.pencilan('13.75.01', '2026-10-01', 'mz', 1000000)), 0::bigint, 'a huge threshold finds nothing');
SELECT ok((SELECT count(*) FROM kkb.pencilan('13.75.01', '2026-09-01')) < (SELECT count(*) FROM mz),
          'September (nothing planted) has fewer outliers');

-- the planting above was a save: the warning is in kkb.peringatan, against the village's history
SELECT ok((SELECT pesan LIKE 'Nilai kb_pil = 5000 jauh dari riwayat desa ini (median %' FROM kkb.peringatan
            WHERE tabel = 'laporan_bulanan' AND kode = 'pencilan:kb_pil' AND kunci = jsonb_build_object('kode_desa', :'desa', 'periode', '2026-10-01'::date)),
          'saving kb_pil 5000 raised the warning pencilan:kb_pil, naming the value and the history');

-- thresholds per region and item (kkb.pencilan_ambang): the most specific row wins
INSERT INTO kkb.pencilan_ambang (lingkup, kode, metode, ambang) VALUES ('13.75', '*', 'mz', 1000000);
SELECT is((SELECT count(*) FROM kkb.pencilan('13.75.01', '2026-10-01')), 0::bigint, 'a city-wide threshold of 1,000,000: nothing is an outlier');
INSERT INTO kkb.pencilan_ambang (lingkup, kode, metode, ambang) VALUES (:'desa', 'kb_pil', 'mz', 3.5);
SELECT is((SELECT array_agg(DISTINCT kode_desa::text || ' ' || kode) FROM kkb.pencilan('13.75.01', '2026-10-01')), ARRAY[:'desa' || ' kb_pil'],
          '... but the village''s own threshold for kb_pil wins there');
SELECT is((SELECT count(*) FROM kkb.pencilan('13.75.01', '2026-10-01', 'mz', 3.5)) > 1, true, 'a threshold given in the call wins over both');
UPDATE kkb.pencilan_ambang SET ambang = 1000000 WHERE lingkup = :'desa';
UPDATE kkb.kkbpk SET kb_pil = 5000 WHERE kode_desa = :'desa' AND periode = '2026-10-01';
SELECT is((SELECT count(*) FROM kkb.peringatan WHERE tabel = 'laporan_bulanan' AND kode = 'pencilan:kb_pil'
            AND kunci = jsonb_build_object('kode_desa', :'desa', 'periode', '2026-10-01'::date)), 0::bigint,
          'saved again under the raised threshold: the warning is gone');
DELETE FROM kkb.pencilan_ambang;
SELECT set_config('kkb.wilayah', '13.71', true);
SET LOCAL ROLE kkb_admin;
SELECT throws_ok($$INSERT INTO kkb.pencilan_ambang VALUES ('13.75', '*', 'mz', 9)$$, '42501', NULL,
                 'an administrator of another city cannot set this city''s thresholds');
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);
SELECT throws_ok($$INSERT INTO kkb.pencilan_ambang VALUES ('13.75', '*', 'mz', 0)$$, '23514', NULL, 'a threshold of 0: 23514');

-- bad arguments, scope
SELECT throws_ok($$SELECT * FROM kkb.pencilan('13.75.01', '2026-10-01', 'iqr')$$, '22023', 'invalid value for "metode": ''iqr''', 'an unknown method');
SELECT throws_ok($$SELECT * FROM kkb.pencilan('13.75.01', '2026-10-01', 'z', -1)$$, '22023', 'invalid value for "ambang": -1', 'a negative threshold');
SELECT set_config('kkb.wilayah', :'desa', true);
SET LOCAL ROLE kkb_pokja;
SELECT throws_ok($$SELECT * FROM kkb.pencilan('13.75.01', '2026-10-01')$$, '42501', NULL, 'a Pokja asking about its kecamatan: 42501');
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);

-- the logical bound, checked as the report is saved: users of contraception <= PUS, though only
-- kb_pil is recorded (the month's by-name data would hide it from kkb.periksa, which reads them first)
SELECT min(kode_desa::text) AS desa2 FROM kkb.kampung WHERE kode_desa <@ '13.75.01' AND kode_desa::text <> :'desa' \gset
SELECT set_config('kkb.wilayah', :'desa2', true);
SET LOCAL ROLE kkb_pokja;
INSERT INTO kkb.penduduk (kode_desa, periode, pus) VALUES (:'desa2', '2026-11-01', 123);
INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil) VALUES (:'desa2', '2026-11-01', 5000);
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);
SELECT is((SELECT pesan FROM kkb.peringatan WHERE tabel = 'laporan_bulanan' AND kode = 'aturan:kb_le_pus'
             AND kunci = jsonb_build_object('kode_desa', :'desa2', 'periode', '2026-11-01'::date)),
          'Peserta KB aktif tidak mungkin lebih banyak daripada pasangan usia subur (PUS): kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil = 5000, seharusnya <= pus = 123',
          'a Pokja saving kb_pil 5000 with 123 PUS (no other method recorded): warning kb_le_pus, naming both sides');
SELECT is((SELECT strategi FROM kkb.aturan_validasi WHERE kode = 'kb_le_pus'), 'lewati_jika_semua_kosong',
          '... because a missing method counts 0 in the sum');
UPDATE kkb.kkbpk SET kb_pil = 50 WHERE kode_desa = :'desa2' AND periode = '2026-11-01';
SELECT is((SELECT count(*) FROM kkb.peringatan WHERE tabel = 'laporan_bulanan' AND kode_desa = :'desa2' AND kode LIKE 'aturan:%'), 0::bigint,
          'corrected to 50: the rule''s warning is gone (50 and 123 are still far from this village''s history: pencilan warnings stay)');
SELECT * FROM finish();
ROLLBACK;

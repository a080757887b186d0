-- Early warning per village (kkb.tren_stunting): a generated kecamatan of Bukittinggi
-- (13.75.01) with 12 months of measurements; one village's October children are all
-- measured 15% shorter (stunted): its rise is flagged beyond chance, with the month's
-- interval and the pooled earlier months checked against kkb.ringkasan_desa and
-- kkb.prevalensi_selang; before the planting it was not flagged.
BEGIN;
SELECT plan(7);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.05, 4, 12, '2026-10-01');
SELECT p.kode_desa::text AS desa FROM kkb.pengukuran p
 WHERE p.kode_desa <@ '13.75.01' AND p.tanggal_ukur >= '2026-10-01' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset

CREATE TEMP TABLE sebelum AS SELECT * FROM kkb.tren_stunting('13.75.01', '2026-10-01');
SELECT is((SELECT naik_nyata FROM sebelum WHERE kode_desa = :'desa'), false, 'before: the village''s October is not flagged');
SELECT is((SELECT count(*) FROM sebelum), (SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.75.01'), 'one row per Kampung KB');

UPDATE kkb.pengukuran SET tinggi_cm = round((tinggi_cm * 0.85)::numeric, 1)::float8
 WHERE kode_desa = :'desa' AND tanggal_ukur >= '2026-10-01' AND tanggal_ukur < '2026-11-01';
CREATE TEMP TABLE sesudah AS SELECT * FROM kkb.tren_stunting('13.75.01', '2026-10-01');
SELECT is((SELECT naik_nyata FROM sesudah WHERE kode_desa = :'desa'), true, 'after every October child is measured 15% shorter: flagged');
SELECT ok((SELECT z > 1.645 AND persen > persen_sebelumnya FROM sesudah WHERE kode_desa = :'desa'), '... with z above 1.645');
SELECT is((SELECT row(balita_diukur, balita_stunting)::text FROM sesudah WHERE kode_desa = :'desa'),
          (SELECT row(balita_diukur, balita_stunting)::text FROM kkb.ringkasan_desa('13.75.01', '2026-10-01') WHERE kode_desa = :'desa'),
          'the month''s counts are the monthly indicators''');
SELECT is((SELECT row(s.persen, s.ci_bawah, s.ci_atas)::text FROM sesudah s WHERE s.kode_desa = :'desa'),
          (SELECT row(x.persen, x.ci_bawah, x.ci_atas)::text FROM sesudah s, kkb.prevalensi_selang(s.balita_stunting::bigint, s.balita_diukur::bigint) x
            WHERE s.kode_desa = :'desa'), '... and its interval kkb.prevalensi_selang''s');
SELECT is((SELECT row(diukur_sebelumnya, stunting_sebelumnya)::text FROM sesudah WHERE kode_desa = :'desa'),
          (SELECT row(sum(r.balita_diukur), sum(r.balita_stunting))::text FROM generate_series(1, 11) m,
                  kkb.ringkasan_desa('13.75.01', ('2026-10-01'::date - m * interval '1 month')::date) r WHERE r.kode_desa = :'desa'),
          'the earlier months pooled: the 11 months before');
SELECT * FROM finish();
ROLLBACK;

-- WHO growth z-scores and Permenkes 2/2020 categories through SQL.
BEGIN;
SELECT plan(60);

-- WHO's published expanded tables (a sample through SQL; the C unit test checks every row)
CREATE TEMP TABLE expanded (indicator text, sex int, x numeric, sd4neg float8, sd3neg float8, sd2neg float8,
	sd1neg float8, sd0 float8, sd1 float8, sd2 float8, sd3 float8, sd4 float8);
\copy expanded FROM 'tests/fixtures/who_expanded_zscore_tables.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE sample AS
SELECT e.*, k.k, k.v FROM (SELECT *, row_number() OVER (PARTITION BY indicator ORDER BY sex, x) AS rn FROM expanded) e,
	LATERAL (VALUES (-4, sd4neg), (-3, sd3neg), (-2, sd2neg), (-1, sd1neg), (0, sd0), (1, sd1), (2, sd2), (3, sd3), (4, sd4)) k(k, v)
 WHERE e.rn % 37 = 1 AND (e.indicator IN ('wfl', 'wfh') OR e.x <= 1826)
   AND (e.indicator <> 'lhfa' OR abs(k.k) <= 3);
SELECT is((SELECT count(*)::int FROM sample WHERE indicator = 'lhfa'
             AND abs(kkb.zscore_tbu(sex::text, x::int, v, CASE WHEN x < 731 THEN 'telentang' ELSE 'berdiri' END) - k) > 0.005),
          0, 'length/height-for-age at the published -3..+3 SD points: within 0.005');
SELECT is((SELECT count(*)::int FROM sample WHERE indicator = 'wfa' AND abs(kkb.zscore_bbu(sex::text, x::int, v) - k) > 0.005),
          0, 'weight-for-age at -4..+4 SD (restricted beyond 3): within 0.005');
SELECT is((SELECT count(*)::int FROM sample WHERE indicator = 'bfa'
             AND abs(kkb.zscore_imtu(sex::text, x::int, v, 100, CASE WHEN x < 731 THEN 'telentang' ELSE 'berdiri' END) - k) > 0.005),
          0, 'BMI-for-age at -4..+4 SD (BMI = weight at 100 cm): within 0.005');
SELECT is((SELECT count(*)::int FROM sample WHERE indicator = 'wfl'
             AND abs(kkb.zscore_bbtb(sex::text, 100, v, x::float8, 'telentang') - k) > 0.005),
          0, 'weight-for-length at -4..+4 SD (age 100 days, lying): within 0.005');
SELECT is((SELECT count(*)::int FROM sample WHERE indicator = 'wfh'
             AND abs(kkb.zscore_bbtb(sex::text, 1000, v, x::float8, 'berdiri') - k) > 0.005),
          0, 'weight-for-height at -4..+4 SD (age 1000 days, standing): within 0.005');
SELECT ok((SELECT count(*) FROM sample) > 2000, 'the sample has over 2,000 published points');

-- worked cases
SELECT is(round(kkb.zscore_tbu('L', 44, 50, 'telentang')::numeric, 9), round((50 / 56.4833 - 1) / 0.03492, 9),
          'boy, 44 days, 50 cm lying: (50/56.4833 - 1)/0.03492');
SELECT is(kkb.zscore_tbu('L', 400, 75, 'berdiri'), kkb.zscore_tbu('L', 400, 75.7, 'telentang'),
          'standing at 400 days is scored as lying + 0.7 cm');
SELECT is(kkb.zscore_tbu('L', 800, 85, 'telentang'), kkb.zscore_tbu('L', 800, 84.3, 'berdiri'),
          'lying at 800 days is scored as standing - 0.7 cm');
SELECT is((kkb.antropometri('L', '2025-01-01', '2025-01-01'::date + 400, 10, 75, 'berdiri')).tinggi_koreksi_cm, 75.7::float8,
          'antropometri reports the adjusted height 75.7');
SELECT is((kkb.antropometri('L', '2025-01-01', '2025-01-01'::date + 200, 7, 65, 'berdiri')).flags,
          '{posisi_ukur_tidak_wajar}'::text[], 'standing under 9 months is flagged');
SELECT is(kkb.zscore_tbu('L', 200, 65, 'berdiri'), kkb.zscore_tbu('L', 200, 65, 'telentang'),
          '... and not adjusted');
SELECT is(kkb.zscore_tbu('L', 273, 70, 'berdiri'), kkb.zscore_tbu('L', 273, 70, 'telentang'),
          '273 days (8.97 months) standing: no adjustment');
SELECT is(kkb.zscore_tbu('L', 274, 70, 'berdiri'), kkb.zscore_tbu('L', 274, 70.7, 'telentang'),
          '274 days (9.00 months) standing: + 0.7 cm');
-- weight-for-length between grid points: 67.33 cm, boy, from the 67.3 and 67.4 rows
SELECT is(round(kkb.zscore_bbtb('L', 300, 8, 67.33, 'telentang')::numeric, 9),
          round((((8 / (7.8065 + 0.3 * (7.8296 - 7.8065))) ^ (-0.3521) - 1) / (-0.3521 * 0.08212))::numeric, 9),
          'weight-for-length at 67.33 cm interpolates L, M, S between 67.3 and 67.4');
-- restricted beyond +3 and -3 (boy, 365 days: L 0.0645, M 9.646, S 0.10925)
CREATE FUNCTION pg_temp.sd(l float8, m float8, s float8, k float8) RETURNS float8 LANGUAGE sql
	RETURN m * (1 + l * s * k) ^ (1 / l);
SELECT is(round(kkb.zscore_bbu('L', 365, 15)::numeric, 9),
          round((3 + (15 - pg_temp.sd(0.0645, 9.646, 0.10925, 3))
                 / (pg_temp.sd(0.0645, 9.646, 0.10925, 3) - pg_temp.sd(0.0645, 9.646, 0.10925, 2)))::numeric, 9),
          'weight-for-age beyond +3 is restricted: 3 + (x - SD3)/(SD3 - SD2)');
SELECT is(round(kkb.zscore_bbu('L', 365, 6)::numeric, 9),
          round((-3 + (6 - pg_temp.sd(0.0645, 9.646, 0.10925, -3))
                 / (pg_temp.sd(0.0645, 9.646, 0.10925, -2) - pg_temp.sd(0.0645, 9.646, 0.10925, -3)))::numeric, 9),
          'weight-for-age beyond -3 is restricted: -3 + (x - SD-3)/(SD-2 - SD-3)');
SELECT isnt(round(kkb.zscore_bbu('L', 365, 6)::numeric, 9),
            round((((6 / 9.646) ^ 0.0645 - 1) / (0.0645 * 0.10925))::numeric, 9),
            '... which differs from the plain LMS value');
SELECT is(round(kkb.zscore_tbu('L', 365, 60, 'telentang')::numeric, 9), round((60 / 75.7391 - 1) / 0.03137, 9),
          'height-for-age beyond -3 is not restricted (boy, 365 days, 60 cm)');
SELECT ok(kkb.zscore_tbu('L', 365, 60, 'telentang') < -6, '... z < -6');
SELECT is((kkb.antropometri('L', '2025-01-01', '2026-01-01', 9, 60, 'telentang')).flags, '{tbu_tidak_wajar}'::text[],
          '... and flagged implausible');
-- oedema
SELECT is((SELECT ROW(z_tbu IS NOT NULL, z_bbu, z_bbtb, z_imtu, status_bbu)::text
             FROM kkb.antropometri('P', '2025-01-01', '2026-01-01', 7.5, 72, 'telentang', true)),
          '(t,,,,)', 'oedema: weight-based scores NULL, length-for-age kept');
-- age limits
SELECT isnt(kkb.zscore_bbu('L', 1826, 18), NULL, 'day 1826 is scored');
SELECT is(kkb.zscore_bbu('L', 1827, 18), NULL, 'day 1827 (60 months) is not');
SELECT is(kkb.zscore_tbu('L', -1, 50, 'telentang'), NULL, 'a negative age is not scored');
SELECT is((kkb.antropometri('L', '2020-01-01', '2025-01-02', 18, 108, 'berdiri')).z_tbu, NULL,
          'antropometri over 60 months: no scores');
SELECT is((kkb.antropometri('L', '2020-01-01', '2025-01-02', 18, 108, 'berdiri')).umur_hari, 1828, '... but the age in days');
SELECT is(kkb.zscore_bbtb('L', 100, 3, 44.9, 'telentang'), NULL, 'weight-for-length below 45 cm: NULL');
SELECT is(kkb.zscore_bbtb('L', 1000, 9, 64.9, 'berdiri'), NULL, 'weight-for-height below 65 cm: NULL');
SELECT isnt(kkb.zscore_bbtb('L', 1000, 9, 65.0, 'berdiri'), NULL, 'weight-for-height at 65.0 cm: scored');

-- Permenkes categories at their boundaries: measurements exactly at -3, -2, +1, +2, +3 SD
CREATE TEMP TABLE lms (tbl text, sex int, day int, l float8, m float8, s float8);
INSERT INTO lms VALUES ('lhfa', 1, 1000, 1, 93.9706, 0.03783), ('wfa', 1, 1000, -0.0558, 13.8057, 0.11945);
SELECT is((kkb.antropometri('L', '2024-01-01', '2024-01-01'::date + 1000, NULL, pg_temp.sd(l, m, s, k), 'berdiri')).status_tbu, want,
          format('TB/U at %s SD: %s', k, want))
  FROM lms, (VALUES (-3.0, 'pendek'), (-2.0, 'normal'), (3.0, 'normal'), (-3.02, 'sangat pendek'), (-2.02, 'pendek'), (3.02, 'tinggi')) v(k, want)
 WHERE tbl = 'lhfa';
SELECT is((kkb.antropometri('L', '2024-01-01', '2024-01-01'::date + 1000, NULL, pg_temp.sd(l, m, s, k), 'berdiri')).stunting, want,
          format('stunting at %s SD: %s', k, want))
  FROM lms, (VALUES (-2.0, false), (-2.02, true)) v(k, want) WHERE tbl = 'lhfa';
SELECT is((kkb.antropometri('L', '2024-01-01', '2024-01-01'::date + 1000, pg_temp.sd(l, m, s, k), NULL, NULL)).status_bbu, want,
          format('BB/U at %s SD: %s', k, want))
  FROM lms, (VALUES (-3.0, 'berat badan kurang'), (-2.0, 'berat badan normal'), (1.0, 'berat badan normal'),
                    (-3.02, 'berat badan sangat kurang'), (1.02, 'risiko berat badan lebih')) v(k, want)
 WHERE tbl = 'wfa';
-- weight-for-height, boy, at exactly 90.0 cm (a grid row, no interpolation), age 1000 days standing
CREATE TEMP TABLE wfh (l float8, m float8, s float8);
\copy wfh FROM PROGRAM 'grep "^1,90.0," extension/data/who/who_wfh_lms.csv | cut -d, -f3-5' WITH (FORMAT csv)
SELECT is((kkb.antropometri('L', '2024-01-01', '2024-01-01'::date + 1000, pg_temp.sd(l, m, s, k), 90.0, 'berdiri')).status_bbtb, want,
          format('BB/TB at %s SD: %s', k, want))
  FROM wfh, (VALUES (-3.0, 'gizi kurang'), (-2.0, 'gizi baik'), (1.0, 'gizi baik'), (2.0, 'berisiko gizi lebih'),
                    (3.0, 'gizi lebih'), (3.02, 'obesitas'), (-3.02, 'gizi buruk')) v(k, want);

-- argument words and errors
SELECT is(kkb.zscore_bbu('m', 365, 9.646), kkb.zscore_bbu('L', 365, 9.646), 'M (any case) means male');
SELECT is(kkb.zscore_bbu('2', 365, 9), kkb.zscore_bbu('p', 365, 9), '2 means female, like P');
SELECT throws_ok($$SELECT kkb.zscore_bbu('X', 365, 9)$$, '22023', 'invalid jenis_kelamin: "X"', 'an unknown sex is 22023 naming it');
SELECT throws_ok($$SELECT kkb.zscore_tbu('L', 365, 70, 'duduk')$$, '22023', 'invalid cara_ukur: "duduk"', 'an unknown position is 22023 naming it');
SELECT is(kkb.zscore_tbu('L', 365, 70, 'h'), kkb.zscore_tbu('L', 365, 70, 'berdiri'), 'H means standing');
SELECT throws_ok($$SELECT kkb.zscore_bbu('L', 365, 0)$$, '22023', NULL, 'weight 0 is 22023');
SELECT throws_ok($$SELECT kkb.zscore_tbu('L', 365, -70, 'telentang')$$, '22023', NULL, 'a negative height is 22023');
SELECT throws_ok($$SELECT kkb.zscore_bbu('L', 365, 'NaN')$$, '22023', NULL, 'NaN weight is 22023');
SELECT is(kkb.zscore_bbu(NULL, 365, 9), NULL, 'NULL in, NULL out');

SELECT is(array_agg(p.provolatile::text || p.proparallel::text ORDER BY p.proname)::text, '{is,is,is,is,is}',
          'the z-score functions are IMMUTABLE and PARALLEL SAFE')
  FROM pg_proc p WHERE p.pronamespace = 'kkb'::regnamespace AND (p.proname LIKE 'zscore\_%' OR p.proname = 'antropometri');

SELECT * FROM finish();
ROLLBACK;

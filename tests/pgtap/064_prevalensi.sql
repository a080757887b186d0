-- Prevalence and mean z-score with 95% confidence intervals (kkb.prevalensi,
-- kkb.rerata_z), against values computed by hand from WHO anthro's closed formulas
-- for unweighted data (docs/DOMAIN.md "Prevalence with confidence intervals"):
--   p = k/n, se = 100 sqrt(N/(N-1)) sqrt(p(1-p)/n), CI = 100 expit(logit p -+ t h),
--   h = sqrt((N/(N-1)) / (n p (1-p))), t = qt(0.975, N-1); mean +- t sqrt(N/(N-1)) sqrt(SS)/m.
-- Expected numbers were worked out with these formulas in double precision and R's
-- qt values (qt(0.975, 9) = 2.2621571627982049, ...); the anthro worked example of the
-- shared docs (N = 2996, n = 2, k = 1) is checked to its published digits.
BEGIN;
SELECT plan(46);
SET client_min_messages = warning;

-- one child's result, as kkb.antropometri would give it
CREATE FUNCTION pg_temp.h(umur integer, tbu numeric, bbu numeric, flags text[] DEFAULT '{}', oedema boolean DEFAULT false)
	RETURNS kkb.hasil_antropometri LANGUAGE sql AS
	$$SELECT ROW(umur, umur / 30, NULL, tbu, bbu, NULL, NULL, NULL, NULL, NULL, NULL, NULL, flags, oedema)::kkb.hasil_antropometri$$;
CREATE FUNCTION pg_temp.dekat(a float8, b float8) RETURNS boolean LANGUAGE sql AS
	$$SELECT a IS NOT NULL AND abs(a - b) <= 1e-9 * greatest(1, abs(b))$$;

-- A: N = 10 (t with 9 df), TB/U z -3.5 -2.5 -2.01 -2.00 -1.5 0 1.2 2.5 3.1 and one not measured: n = 9
CREATE TEMP TABLE a AS SELECT pg_temp.h(400, z, NULL) AS h
  FROM unnest(ARRAY[-3.5, -2.5, -2.01, -2.00, -1.5, 0, 1.2, 2.5, 3.1, NULL]::numeric[]) z;
CREATE TEMP TABLE a_hasil AS SELECT b, (kkb.prevalensi(h, 'tbu', b)).* FROM a, unnest(ARRAY[-3, -2, -1, 1, 2, 3]) b GROUP BY b;
CREATE TEMP TABLE a_harap (b integer, persen float8, se float8, lo float8, hi float8);
INSERT INTO a_harap VALUES
	(-3, 11.11111111111111, 11.042310999998962, 0.9867325178884713, 61.05743366856742),
	(-2, 33.33333333333333, 16.563466499998444, 8.476799178645786, 72.9673210157304),
	(-1, 55.55555555555556, 17.459426695964137, 20.158085804157462, 86.08934095424725),
	(1, 33.33333333333333, 16.563466499998444, 8.476799178645786, 72.9673210157304),
	(2, 22.22222222222222, 14.6076044027151, 4.051848658551919, 65.90601603979624),
	(3, 11.11111111111111, 11.042310999998962, 0.9867325178884713, 61.05743366856742);
SELECT is((SELECT array_agg(n ORDER BY b) FROM a_hasil), ARRAY[9, 9, 9, 9, 9, 9], 'A: n = 9 at every cut-off (one child not measured)');
SELECT ok((SELECT bool_and(pg_temp.dekat(r.persen, e.persen)) FROM a_hasil r JOIN a_harap e USING (b)),
          'A: prevalence at -3, -2, -1, +1, +2, +3 (strict: -2.00 is not below -2)');
SELECT ok((SELECT bool_and(pg_temp.dekat(r.se, e.se)) FROM a_hasil r JOIN a_harap e USING (b)), 'A: standard errors');
SELECT ok((SELECT bool_and(pg_temp.dekat(r.ci_bawah, e.lo)) FROM a_hasil r JOIN a_harap e USING (b)), 'A: lower bounds (logit interval, t with 9 df)');
SELECT ok((SELECT bool_and(pg_temp.dekat(r.ci_atas, e.hi)) FROM a_hasil r JOIN a_harap e USING (b)), 'A: upper bounds');
SELECT is((SELECT (kkb.rerata_z(h, 'tbu')).n FROM a), 9, 'A: mean over 9 z-scores');
SELECT ok((SELECT pg_temp.dekat((kkb.rerata_z(h, 'tbu')).rerata, -0.5233333333333334) FROM a), 'A: mean -0.5233...');
SELECT ok((SELECT pg_temp.dekat(r.ci_bawah, -2.273291736208825) AND pg_temp.dekat(r.ci_atas, 1.2266250695421579)
             FROM (SELECT (kkb.rerata_z(h, 'tbu')).* FROM a) r), 'A: the mean''s interval (sd divisor m, t with N - 1 df)');
SELECT ok((SELECT pg_temp.dekat((kkb.rerata_z(h, 'tbu')).sd, 2.335198064404816) FROM a), 'A: standard deviation (m - 1)');

-- the worked example of anthro: N = 2996, n = 2, k = 1
CREATE TEMP TABLE w AS SELECT pg_temp.h(400, CASE i WHEN 1 THEN -2.5 WHEN 2 THEN -1.0 END, NULL) AS h FROM generate_series(1, 2996) i;
SELECT is((SELECT (kkb.prevalensi(h, 'tbu', -2)).n FROM w), 2, 'worked example: n = 2 of N = 2996');
SELECT ok((SELECT abs((kkb.prevalensi(h, 'tbu', -2)).se - 35.36124096) < 1e-8 FROM w), 'worked example: se 35.36124096');
SELECT ok((SELECT abs(r.ci_bawah - 5.877912) < 1e-6 AND abs(r.ci_atas - 94.122088) < 1e-6
             FROM (SELECT (kkb.prevalensi(h, 'tbu', -2)).* FROM w) r), 'worked example: CI [5.877912, 94.122088]');

-- from counts (the monthly indicators keep counts): the same numbers
SELECT ok((SELECT abs(r.se - 35.36124096) < 1e-8 AND abs(r.ci_bawah - 5.877912) < 1e-6 AND abs(r.ci_atas - 94.122088) < 1e-6
             FROM kkb.prevalensi_selang(1, 2, 2996) r), 'kkb.prevalensi_selang(1, 2, 2996): the worked example');
SELECT is((SELECT row(r.*)::text FROM kkb.prevalensi_selang(3, 9, 10) r),
          (SELECT row(r.n, r.persen, r.se, r.ci_bawah, r.ci_atas)::text FROM a_hasil r WHERE r.b = -2),
          'kkb.prevalensi_selang(3, 9, 10) equals the aggregate over group A at -2, to the last bit');
SELECT is((SELECT row(r.*)::text FROM kkb.prevalensi_selang(NULL, 4) r), '(,,,,)', 'a NULL count: NULL, never a read of garbage');
SELECT throws_ok($$SELECT kkb.prevalensi_selang(5, 4)$$, '22023', 'invalid counts: k = 5, n = 4, jumlah = 4', 'more beyond the cut-off than counted: 22023');

-- edge cases
SELECT is((SELECT row(r.persen, r.se, r.ci_bawah, r.ci_atas)::text FROM (SELECT (kkb.prevalensi(pg_temp.h(400, z, NULL), 'tbu', -2)).*
             FROM unnest(ARRAY[0, 1, -1]::numeric[]) z) r), '(0,0,0,0)', '0%: se 0, CI [0, 0]');
SELECT is((SELECT row(r.persen, r.se, r.ci_bawah, r.ci_atas)::text FROM (SELECT (kkb.prevalensi(pg_temp.h(400, z, NULL), 'tbu', -2)).*
             FROM unnest(ARRAY[-3, -2.5, -4]::numeric[]) z) r), '(100,0,100,100)', '100%: se 0, CI [100, 100]');
SELECT is((SELECT row(r.n, r.persen, r.se, r.ci_bawah, r.ci_atas)::text FROM (SELECT (kkb.prevalensi(pg_temp.h(400, -2.5, NULL), 'tbu', -2)).*) r),
          '(1,100,NaN,100,100)', 'one child (N = 1): 100%, se NaN (as anthro), CI [100, 100]');
SELECT is((SELECT row(r.n, r.rerata, r.ci_bawah, r.ci_atas, r.sd)::text FROM (SELECT (kkb.rerata_z(pg_temp.h(400, -2.5, NULL), 'tbu')).*) r),
          '(1,-2.5,NaN,NaN,)', 'one child (N = 1): mean -2.5, its CI NaN, no sd');
SELECT is((SELECT row(r.n, r.rerata, r.ci_bawah, r.ci_atas, r.sd)::text FROM (SELECT (kkb.rerata_z(pg_temp.h(400, z, NULL), 'tbu')).*
             FROM unnest(ARRAY[-2.5, NULL]::numeric[]) z) r),
          '(1,-2.5,-2.5,-2.5,)', 'n = 1 of N = 2: se 0, CI [mean, mean], no sd');
SELECT is((SELECT row(r.n, r.persen, r.se, r.ci_bawah, r.ci_atas)::text FROM (SELECT (kkb.prevalensi(pg_temp.h(400, z, NULL, '{tbu_tidak_wajar}'), 'tbu', -2)).*
             FROM unnest(ARRAY[-6.5, 6.2]::numeric[]) z) r), '(0,,,,)', 'all flagged: n = 0, no estimates');
SELECT is((SELECT row(r.n, r.persen)::text FROM (SELECT (kkb.prevalensi(h, 'tbu', -2)).* FROM a WHERE false) r), '(0,)',
          'no rows: n = 0, no estimates');
SELECT is((SELECT row(r.n, r.rerata, r.sd)::text FROM (SELECT (kkb.rerata_z(h, 'tbu')).* FROM a WHERE false) r), '(0,,)',
          'no rows: no mean');

-- a flagged value is missing for its indicator only, but still counts in N
SELECT is((SELECT (kkb.prevalensi(h, 'bbu', -2)).n FROM (VALUES (pg_temp.h(400, -7.0, -2.5, '{tbu_tidak_wajar}')), (pg_temp.h(400, -1, -1))) v(h)), 2,
          'a TB/U flag leaves BB/U alone');
SELECT is((SELECT (kkb.prevalensi(h, 'tbu', -2)).n FROM (VALUES (pg_temp.h(400, -7.0, -2.5, '{tbu_tidak_wajar}')), (pg_temp.h(400, -1, -1))) v(h)), 1,
          '... and takes that child out of TB/U');
-- N = 2 (t with 1 df): -2.5, -1.0 and a flagged one: the flagged one is in N = 3 (t with 2 df)
SELECT ok((SELECT pg_temp.dekat((kkb.prevalensi(h, 'tbu', -2)).se, 50.00000000000001)
             FROM (VALUES (pg_temp.h(400, -2.5, NULL)), (pg_temp.h(400, -1.0, NULL))) v(h)), 'N = 2: se 50');
SELECT ok((SELECT pg_temp.dekat(r.ci_bawah, 9.194556678485642e-10) AND pg_temp.dekat(r.ci_atas, 99.99999999908053)
             FROM (SELECT (kkb.prevalensi(h, 'tbu', -2)).* FROM (VALUES (pg_temp.h(400, -2.5, NULL)), (pg_temp.h(400, -1.0, NULL))) v(h)) r),
          'N = 2: CI with t(1) = 12.706...');
SELECT isnt((SELECT (kkb.prevalensi(h, 'tbu', -2)).se FROM (VALUES (pg_temp.h(400, -2.5, NULL)), (pg_temp.h(400, -1.0, NULL)),
                                                                   (pg_temp.h(400, -2.9, NULL, '{tbu_tidak_wajar}'))) v(h)),
            50.00000000000001::float8, 'a flagged child changes N (and so se), not n');
-- age over 1826 days: out of everything, N included; 1826 kept
SELECT ok((SELECT pg_temp.dekat((kkb.prevalensi(h, 'tbu', -2)).se, 50.00000000000001)
             FROM (VALUES (pg_temp.h(400, -2.5, NULL)), (pg_temp.h(400, -1.0, NULL)), (pg_temp.h(1827, -3.0, NULL))) v(h)),
          'a child aged 1827 days is not in N');
SELECT is((SELECT (kkb.prevalensi(h, 'tbu', -2)).n FROM (VALUES (pg_temp.h(1826, -3.0, NULL)), (pg_temp.h(1827, -3.0, NULL))) v(h)), 1,
          'a child aged 1826 days is counted');
-- a NULL result (no sex or dates) counts in N only
SELECT ok((SELECT pg_temp.dekat((kkb.prevalensi(h, 'tbu', -2)).se, 50.00000000000001)
             FROM (VALUES (pg_temp.h(400, -2.5, NULL)), (pg_temp.h(400, -1.0, NULL)), (NULL::kkb.hasil_antropometri)) v(h)) IS FALSE,
          'a NULL row counts in N');

-- oedema: -3.10 in the weight-based prevalences (below -3, -2, -1, never above +1), not in their mean; TB/U ignores it
CREATE TEMP TABLE o AS SELECT * FROM (VALUES (pg_temp.h(400, -1.0, NULL, '{}', true)), (pg_temp.h(400, 0, -2.5)), (pg_temp.h(400, 0, 1.5))) v(h);
SELECT is((SELECT array_agg(k ORDER BY b) FROM (SELECT b, round((kkb.prevalensi(h, 'bbu', b)).persen * 3 / 100) AS k FROM o, unnest(ARRAY[-3, -2, -1, 1]) b GROUP BY b) x),
          ARRAY[1, 2, 2, 1]::float8[], 'oedema: counted below -3, -2, -1 (as -3.10), not above +1');
SELECT ok((SELECT pg_temp.dekat(r.se, 33.33333333333333) AND pg_temp.dekat(r.ci_bawah, 0.07865037335966231) AND pg_temp.dekat(r.ci_atas, 99.68613906495308)
             FROM (SELECT (kkb.prevalensi(h, 'bbu', -3)).* FROM o) r), 'oedema: 1 of 3 below -3 with se and CI (t with 2 df)');
SELECT is((SELECT (kkb.rerata_z(h, 'bbu')).n FROM o), 2, 'oedema: not in the mean (m = 2 of n = 3)');
SELECT ok((SELECT pg_temp.dekat(r.rerata, -0.5) AND pg_temp.dekat(r.ci_bawah, -7.952413135250989) AND pg_temp.dekat(r.ci_atas, 6.952413135250989)
                  AND pg_temp.dekat(r.sd, 2.8284271247461903)
             FROM (SELECT (kkb.rerata_z(h, 'bbu')).* FROM o) r), 'oedema: mean, CI (N = 3) and sd over the other two');
SELECT is((SELECT (kkb.prevalensi(h, 'tbu', -1)).persen FROM o), 0::float8, 'oedema: TB/U uses the child''s own z (-1.0 is not below -1)');
SELECT is((SELECT (kkb.antropometri('P', '2025-01-01', '2026-01-01', 8, 70, 'telentang', true)).oedema), true,
          'kkb.antropometri carries oedema in its result');

-- bad arguments: 22023 naming the value
SELECT throws_ok($$SELECT kkb.prevalensi(h, 'tb', -2) FROM a$$, '22023', 'invalid value for "indikator": "tb"', 'an unknown indicator');
SELECT throws_ok($$SELECT kkb.prevalensi(h, 'tbu', 0) FROM a$$, '22023', 'invalid value for "batas": 0', 'cut-off 0');
SELECT throws_ok($$SELECT kkb.prevalensi(h, 'tbu', NULL) FROM a$$, '22023', 'invalid value for "batas": null', 'cut-off NULL');
SELECT throws_ok($$SELECT kkb.prevalensi(h, 'tbu', CASE WHEN (h).z_tbu > 0 THEN 2 ELSE -2 END) FROM a$$, '22023', NULL,
                 'a cut-off that changes within a group');
SELECT throws_ok($$SELECT kkb.rerata_z(h, NULL) FROM a$$, '22023', 'invalid value for "indikator": null', 'indicator NULL');

-- the stored measurements: stunting prevalence = the share of stunted among the usable TB/U values
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.05, 11, 1, '2026-10-01');
SELECT ok((SELECT count(*) FROM kkb.pengukuran WHERE kode_desa <@ '13.75.01') > 50, 'the generated kecamatan has measurements');
SELECT ok((SELECT bool_and(pg_temp.dekat(p.persen, s.persen))
             FROM (SELECT p.kode_desa, (kkb.prevalensi(kkb.antropometri(p.jenis_kelamin, p.tanggal_lahir, p.tanggal_ukur, p.berat_kg,
                                                                       p.tinggi_cm, p.cara_ukur, p.oedema), 'tbu', -2)).*
                     FROM kkb.pengukuran p WHERE p.kode_desa <@ '13.75.01' GROUP BY p.kode_desa) p
             JOIN (SELECT kode_desa, 100.0::float8 * count(*) FILTER (WHERE stunting) / count(*) AS persen
                     FROM kkb.pengukuran WHERE kode_desa <@ '13.75.01' AND z_tbu IS NOT NULL AND NOT 'tbu_tidak_wajar' = ANY (flags)
                    GROUP BY kode_desa) s USING (kode_desa)),
          'per village: the aggregate''s stunting prevalence equals the stored stunting share');

-- a parallel plan (partial states combined) gives the same answer as a serial one
CREATE TABLE pg_temp_paralel AS SELECT pg_temp.h(400 + i % 1000, round(((i * 7919) % 1000 - 600) / 150.0, 2), NULL) AS h, i % 3 AS g
  FROM generate_series(1, 60000) i;
CREATE TEMP TABLE serial AS SELECT g, (kkb.prevalensi(h, 'tbu', -2)).* FROM pg_temp_paralel GROUP BY g;
SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok((SELECT bool_and(pg_temp.dekat(p.se, s.se) AND pg_temp.dekat(p.ci_atas, s.ci_atas) AND p.n = s.n)
             FROM (SELECT g, (kkb.prevalensi(h, 'tbu', -2)).* FROM pg_temp_paralel GROUP BY g) p JOIN serial s USING (g)),
          'parallel aggregation gives the serial answer');
SELECT * FROM finish();
ROLLBACK;

-- Aggregates (kkb.ringkasan), the province role, and the change counters
-- behind the gateway's ETags, on a generated city: Kota Bukittinggi (13.75),
-- 24 villages at 5% scale, months 2026-08..2026-10.
BEGIN;
SELECT plan(44);

SET client_min_messages = warning;
SELECT is((SELECT sum(baris) FILTER (WHERE tabel = 'kampung')::int FROM kkb.hasilkan('13.75', 0.05, 7, 3, '2026-10-01')), 24, 'the generated city has 24 villages');

-- ---------------------------------------------------------------- village rows agree with the village functions
SELECT is((SELECT count(*)::int FROM kkb.ringkasan('13.75', '2026-10-01', 4)), 24, 'tingkat 4: one row per village of the city');
SELECT is((SELECT count(*)::int FROM kkb.ringkasan('13.75', '2026-10-01', 4) r
            WHERE r.kelengkapan IS DISTINCT FROM kkb.kelengkapan(r.kode, '2026-10-01')), 0,
          'each village''s completeness equals kkb.kelengkapan');
SELECT is((SELECT count(*)::int FROM kkb.ringkasan('13.75', '2026-10-01', 4) r
            WHERE r.kelas IS DISTINCT FROM kkb.klasifikasi(r.kode, '2026-10-01') ->> 'klasifikasi'), 0,
          'each village''s class equals kkb.klasifikasi');
SELECT is((SELECT count(*)::int FROM kkb.ringkasan('13.75', '2026-10-01', 4) r
            WHERE r.balita_stunting IS DISTINCT FROM (SELECT p.nilai::bigint FROM kkb.profil_desa(r.kode, '2026-10-01') p WHERE p.kode = 'balita_stunting')
               OR r.balita_diukur IS DISTINCT FROM (SELECT p.nilai::bigint FROM kkb.profil_desa(r.kode, '2026-10-01') p WHERE p.kode = 'balita_diukur')
               OR r.keluarga_berisiko IS DISTINCT FROM (SELECT p.nilai::bigint FROM kkb.profil_desa(r.kode, '2026-10-01') p WHERE p.kode = 'keluarga_krs')
               OR r.pus IS DISTINCT FROM (SELECT p.nilai::bigint FROM kkb.profil_desa(r.kode, '2026-10-01') p WHERE p.kode = 'pus')
               OR r.unmet_need IS DISTINCT FROM (SELECT sum(p.nilai)::bigint FROM kkb.profil_desa(r.kode, '2026-10-01') p
                                                  WHERE p.kode IN ('tidak_kb_iat', 'tidak_kb_tial'))), 0,
          'each village''s stunting, measured children, families at risk, PUS and unmet need equal its profile');
SELECT ok((SELECT bool_and(r.prevalensi_stunting = round(100.0 * r.balita_stunting / r.balita_diukur, 2))
             FROM kkb.ringkasan('13.75', '2026-10-01', 4) r WHERE r.balita_diukur > 0)
          AND (SELECT count(*) FROM kkb.ringkasan('13.75', '2026-10-01', 4) r WHERE r.balita_diukur > 0) > 0,
          'prevalence = 100 x stunted / measured, 2 decimals');

-- ---------------------------------------------------------------- rolled up: kecamatan, city, province
SELECT results_eq(
	$$SELECT kode::text, kampung_kb, balita_diukur, balita_stunting, pus, unmet_need, keluarga_berisiko
	    FROM kkb.ringkasan('13.75', '2026-10-01') ORDER BY kode$$,
	$$SELECT kkb.kecamatan(kode)::text, count(*), sum(balita_diukur)::bigint, sum(balita_stunting)::bigint, sum(pus)::bigint,
	         sum(unmet_need)::bigint, sum(keluarga_berisiko)::bigint
	    FROM kkb.ringkasan('13.75', '2026-10-01', 4) GROUP BY 1 ORDER BY 1$$,
	'default level under a city: kecamatan rows are the sums of their villages');
SELECT is((SELECT array_agg(desa ORDER BY kode) FROM kkb.ringkasan('13.75', '2026-10-01')),
          (SELECT array_agg(n ORDER BY k) FROM (SELECT w.induk AS k, count(*) AS n FROM kkb.wilayah w
                                                 WHERE w.tingkat = 4 AND w.kode <@ '13.75' GROUP BY 1) x),
          'villages per kecamatan counted from the region reference');
SELECT results_eq(
	$$SELECT kampung_kb, dasar + berkembang + mandiri + berkelanjutan, kelengkapan FROM kkb.ringkasan('13', '2026-10-01') WHERE kode = '13.75'$$,
	$$SELECT 24::bigint, 24::bigint, round(avg(kkb.kelengkapan(kode_desa, '2026-10-01')), 4) FROM kkb.kampung WHERE kode_desa <@ '13.75'$$,
	'the province''s row of the city: 24 Kampung KB, each in one class, mean completeness');
SELECT is((SELECT ARRAY[dasar, berkembang, mandiri, berkelanjutan] FROM kkb.ringkasan('13', '2026-10-01') WHERE kode = '13.75'),
          (SELECT ARRAY[count(*) FILTER (WHERE klasifikasi = 'Dasar'), count(*) FILTER (WHERE klasifikasi = 'Berkembang'),
                        count(*) FILTER (WHERE klasifikasi = 'Mandiri'), count(*) FILTER (WHERE klasifikasi = 'Berkelanjutan')]
             FROM kkb.klasifikasi_wilayah('13.75', '2026-10-01')),
          'classes per city equal kkb.klasifikasi_wilayah''s');
SELECT results_eq(
	$$SELECT balita_stunting, prevalensi_stunting FROM kkb.ringkasan('13', '2026-10-01') WHERE kode = '13.75'$$,
	$$SELECT sum(balita_stunting)::bigint, round(100.0 * sum(balita_stunting) / sum(balita_diukur), 2) FROM kkb.ringkasan('13.75', '2026-10-01', 4)$$,
	'a city''s prevalence is computed from its sums, not averaged');
SELECT is((SELECT count(*)::int FROM kkb.ringkasan('13', '2026-10-01')), (SELECT count(*)::int FROM kkb.wilayah WHERE induk = '13'),
          'every regency and city of the province has a row');
SELECT results_eq($$SELECT kampung_kb, balita_diukur, prevalensi_stunting, kelengkapan FROM kkb.ringkasan('13', '2026-10-01') WHERE kode = '13.72'$$,
                  $$VALUES (0::bigint, NULL::bigint, NULL::numeric, NULL::numeric)$$,
                  'a city without Kampung KB: zero, and no figures rather than zeros');
SELECT results_eq($$SELECT kode::text, desa, kampung_kb FROM kkb.ringkasan('13.75.01', '2026-10-01', 3)$$,
                  $$SELECT '13.75.01', (SELECT count(*) FROM kkb.wilayah WHERE induk = '13.75.01'), (SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.75.01')$$,
                  'tingkat equal to the region''s own level: the region itself');

SELECT results_eq(
	$$SELECT kode::text, desa, kampung_kb, dasar, balita_diukur, balita_stunting, prevalensi_stunting, pus, unmet_need, keluarga_berisiko
	    FROM kkb.ringkasan('13.75', '2026-10-01', 3, true) LIMIT 1$$,
	$$SELECT '13.75', sum(desa)::bigint, sum(kampung_kb)::bigint, sum(dasar)::bigint, sum(balita_diukur)::bigint, sum(balita_stunting)::bigint,
	         round(100.0 * sum(balita_stunting) / sum(balita_diukur), 2), sum(pus)::bigint, sum(unmet_need)::bigint, sum(keluarga_berisiko)::bigint
	    FROM kkb.ringkasan('13.75', '2026-10-01', 3)$$,
	'with total: the city''s own row first, the sums of its kecamatan');
SELECT results_eq($$SELECT kode::text, kelengkapan FROM kkb.ringkasan('13.75', '2026-10-01', 3, true) OFFSET 1$$,
                  $$SELECT kode::text, kelengkapan FROM kkb.ringkasan('13.75', '2026-10-01', 3)$$,
                  '... followed by the same rows as without it');

-- ---------------------------------------------------------------- errors
SELECT throws_ok($$SELECT * FROM kkb.ringkasan('13.75', '2026-10-01', 1)$$, '22023', NULL, 'a level above the region: 22023');
SELECT throws_ok($$SELECT * FROM kkb.ringkasan('13.75', '2026-10-01', 5)$$, '22023', NULL, 'level 5: 22023');
SELECT throws_ok($$SELECT * FROM kkb.ringkasan('13.99', '2026-10-01')$$, 'P0002', NULL, 'an unknown region: P0002');
SELECT throws_ok($$SELECT * FROM kkb.ringkasan('13.75', NULL)$$, '22004', NULL, 'no month: 22004');
SELECT throws_ok($$SELECT * FROM kkb.ringkasan(NULL, '2026-10-01', 0)$$, '22023', NULL, 'the country at level 0: 22023');

-- ---------------------------------------------------------------- the whole country (NULL region)
SELECT is((SELECT count(*)::int FROM kkb.ringkasan(NULL, '2026-10-01')), 38, 'NULL: the whole country, one row per province');
SELECT results_eq($$SELECT kampung_kb, balita_diukur, balita_stunting, prevalensi_stunting, stunting_ci_bawah, pus, unmet_need, peserta_kb, persen_cpr
                      FROM kkb.ringkasan(NULL, '2026-10-01') WHERE kode = '13'$$,
                  $$SELECT kampung_kb, balita_diukur, balita_stunting, prevalensi_stunting, stunting_ci_bawah, pus, unmet_need, peserta_kb, persen_cpr
                      FROM kkb.ringkasan('13', '2026-10-01', 2, true) LIMIT 1$$,
                  'the country''s row of West Sumatra = the province''s own total');
SELECT results_eq($$SELECT kode IS NULL, nama, kampung_kb, balita_stunting FROM kkb.ringkasan(NULL, '2026-10-01', 1, true) LIMIT 1$$,
                  $$SELECT true, 'Indonesia'::text, 24::bigint, (SELECT sum(balita_stunting)::bigint FROM kkb.ringkasan('13.75', '2026-10-01', 4))$$,
                  'with total, the country''s own row first: no code, Indonesia');

-- ---------------------------------------------------------------- the figures added with the monthly indicators
SELECT results_eq($$SELECT stunting_ci_bawah, stunting_ci_atas FROM kkb.ringkasan('13.75', '2026-10-01', 2, true) LIMIT 1$$,
                  $$SELECT round(ci_bawah::numeric, 2), round(ci_atas::numeric, 2) FROM kkb.prevalensi_selang(
                      (SELECT sum(balita_stunting)::bigint FROM kkb.ringkasan('13.75', '2026-10-01', 4)),
                      (SELECT sum(balita_diukur)::bigint FROM kkb.ringkasan('13.75', '2026-10-01', 4)))$$,
                  'the city''s stunting interval is anthro''s interval of its summed counts');
SELECT ok((SELECT bool_and(stunting_ci_bawah <= prevalensi_stunting AND prevalensi_stunting <= stunting_ci_atas)
             FROM kkb.ringkasan('13.75', '2026-10-01', 4) WHERE balita_diukur > 0)
          AND (SELECT coalesce(bool_and(stunting_ci_bawah IS NULL), true) FROM kkb.ringkasan('13.75', '2026-10-01', 4) WHERE coalesce(balita_diukur, 0) = 0),
          'each village''s prevalence lies in its interval; no interval without children measured');
SELECT results_eq($$SELECT r.balita_wasting, r.balita_underweight FROM kkb.ringkasan('13.75.01', '2026-10-01', 4) r WHERE r.kode = '13.75.01.1001'$$,
                  $$SELECT count(*) FILTER (WHERE u.oedema OR (u.z_bbtb < -2 AND NOT 'bbtb_tidak_wajar' = ANY (u.flags))),
                           count(*) FILTER (WHERE u.oedema OR (u.z_bbu < -2 AND NOT 'bbu_tidak_wajar' = ANY (u.flags)))
                      FROM (SELECT DISTINCT ON (nik) * FROM kkb.pengukuran
                             WHERE kode_desa = '13.75.01.1001' AND tanggal_ukur >= '2026-10-01' AND tanggal_ukur < '2026-11-01'
                             ORDER BY nik, tanggal_ukur DESC) u$$,
                  'wasting and underweight of a village: its children''s latest measurement of the month, flagged values left out');
SELECT results_eq($$SELECT r.peserta_kb, r.persen_cpr, r.peserta_mkjp FROM kkb.ringkasan('13.75.01', '2026-10-01', 4) r WHERE r.kode = '13.75.01.1001'$$,
                  $$SELECT (sum(p.nilai) FILTER (WHERE p.kode LIKE 'kb\_%'))::bigint,
                           round(100.0 * sum(p.nilai) FILTER (WHERE p.kode LIKE 'kb\_%') / max(p.nilai) FILTER (WHERE p.kode = 'pus'), 2),
                           (sum(p.nilai) FILTER (WHERE p.kode IN ('kb_iud', 'kb_mow', 'kb_mop', 'kb_implan')))::bigint
                      FROM kkb.profil_desa('13.75.01.1001', '2026-10-01') p$$,
                  'contraceptive users, CPR and MKJP users of a village = its profile''s items');

-- ---------------------------------------------------------------- the province role
SELECT throws_ok($$SELECT kkb.token_buat('kkb_provinsi', NULL, 'Portal Sumbar')$$, '22023', NULL, 'a province token needs a scope');
SELECT throws_ok($$SELECT kkb.token_buat('kkb_provinsi', '13.75.01', 'Portal Sumbar')$$, '22023', NULL, 'a province token is for a province or a regency');
SELECT throws_ok($$SELECT kkb.token_buat('kkb_pokja', '13.75', 'Pokja?')$$, '22023', NULL, 'a pokja token is for one village');
SELECT is(left(kkb.token_buat('kkb_provinsi', '13', 'Portal Sumbar (uji 048)'), 4), 'kkb_', 'a province token for 13 is made');

SET LOCAL ROLE kkb_provinsi;
SELECT is(set_config('kkb.wilayah', '13', true), '13', 'scope: West Sumatra');
SELECT is((SELECT kampung_kb FROM kkb.ringkasan('13', '2026-10-01') WHERE kode = '13.75'), 24::bigint, 'the province reads its cities'' aggregates');
SELECT is((SELECT count(*)::int FROM kkb.ringkasan('13.75', '2026-10-01', 4)), 24, 'and down to its villages');
SELECT throws_ok($$SELECT * FROM kkb.ringkasan('14', '2026-10-01')$$, '42501', NULL, 'another province: 42501');
SELECT throws_ok($$SELECT * FROM kkb.ringkasan(NULL, '2026-10-01')$$, '42501', NULL, 'the whole country: 42501');
SELECT throws_ok($$SELECT count(*) FROM kkb.anggota$$, '42501', NULL, 'no by-name data: members 42501');
SELECT throws_ok($$SELECT count(*) FROM kkb.kampung$$, '42501', NULL, 'no village tables: 42501');
SELECT throws_ok($$SELECT count(*) FROM kkb._nilai_individu('13.75.01.1001', '2026-10-01')$$, '42501', NULL, 'no by-name counts function: 42501');
RESET ROLE;

-- ---------------------------------------------------------------- change counters
CREATE TEMP TABLE v AS SELECT kkb.versi_data('13.75.01.1001') AS a, kkb.versi_data('13.75.01.1002') AS b, kkb.versi_data('13.75') AS kota;
UPDATE kkb.anggota SET nama = nama || ' X' WHERE nik = (SELECT nik FROM kkb.anggota WHERE kode_desa = '13.75.01.1001' ORDER BY nik LIMIT 1);
SELECT ok(kkb.versi_data('13.75.01.1001') <> (SELECT a FROM v) AND kkb.versi_data('13.75') <> (SELECT kota FROM v),
          'a member''s change gives its village and city a new version');
SELECT is(kkb.versi_data('13.75.01.1002'), (SELECT b FROM v), 'another village''s version is unchanged');
UPDATE v SET a = kkb.versi_data('13.75.01.1001');
UPDATE kkb.anggota SET nama = nama WHERE false;
SELECT is(kkb.versi_data('13.75.01.1001'), (SELECT a FROM v), 'a statement that changes no row changes no version');
UPDATE kkb.opd SET nama = nama WHERE kode = (SELECT min(kode) FROM kkb.opd);
SELECT ok(kkb.versi_data('13.75.01.1002') <> (SELECT b FROM v), 'a change of the reference data changes every version');

SELECT * FROM finish();
ROLLBACK;

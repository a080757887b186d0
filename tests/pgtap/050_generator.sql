-- The synthetic data generator kkb.hasilkan: every row passes the tables' validation, the same seed gives the
-- same data, and the data is plausible (household sizes, stunting, the four classes, contraceptive mix).
-- Kota Pariaman (71 villages) at 5% of its population, seed 42, the twelve months up to October 2026.
BEGIN;
SELECT plan(38);
SET LOCAL client_min_messages = warning;   -- the generator's progress notices

-- ---------------------------------------------------------------- a load
SELECT lives_ok($$CREATE TEMP TABLE hasil AS SELECT * FROM kkb.hasilkan('13.77', 0.05, 42, 12, '2026-10-01')$$,
                'kkb.hasilkan loads Kota Pariaman at skala 0.05: every row passes the validation triggers');
SELECT is((SELECT baris FROM hasil WHERE tabel = 'kampung'), 71::bigint, 'a Kampung KB for each of the 71 villages');
SELECT is(ARRAY(SELECT tabel FROM hasil WHERE baris = 0), '{}'::text[], 'every table gets rows');
SELECT is((SELECT baris FROM hasil WHERE tabel = 'anggota'), (SELECT count(*) FROM kkb.anggota WHERE kode_desa <@ '13.77'),
          'the returned counts are the rows written');
SELECT ok((SELECT baris FROM hasil WHERE tabel = 'anggota') BETWEEN 4500 AND 6000,
          'about 5% of Pariaman''s 103,835 people');
SELECT is((SELECT count(*)::int FROM kkb.profil WHERE kode_desa <@ '13.77'), 71 * 12, 'twelve monthly profiles per village');
SELECT is((SELECT min(periode) || ' ' || max(periode) FROM kkb.penduduk WHERE kode_desa <@ '13.77'), '2025-11-01 2026-10-01',
          'reports for the twelve months ending with akhir');

-- ---------------------------------------------------------------- valid and consistent
-- (values far from a village's own history - pencilan:<item> - are expected: a generated programme starts from 0)
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode_desa <@ '13.77' AND kode <> 'z_tidak_wajar' AND kode NOT LIKE 'pencilan:%'), 0,
          'no warning about NIK regions, families without a head, mothers'' ages or broken rules in the reports');
SELECT ok((SELECT count(*) FROM kkb.peringatan WHERE kode_desa <@ '13.77' AND kode = 'z_tidak_wajar')
          <= (SELECT count(*) / 100 FROM kkb.pengukuran WHERE kode_desa <@ '13.77'),
          'at most 1% of the measurements are flagged by WHO''s plausibility rules');
SELECT is((SELECT count(*)::int FROM kkb.keluarga k
            WHERE k.kode_desa <@ '13.77'
              AND (SELECT count(*) FROM kkb.anggota a WHERE a.kode_desa = k.kode_desa AND a.no_kk = k.no_kk AND a.hubungan = 'kepala') <> 1),
          0, 'every family has exactly one head');
SELECT is((SELECT count(*)::int FROM kkb.anggota a
            WHERE a.kode_desa <@ '13.77'
              AND (kkb.nik_jenis_kelamin(a.nik) <> a.jenis_kelamin OR kkb.nik_tanggal_lahir(a.nik, '2026-10-01') <> a.tanggal_lahir
                   OR kkb.nik_kecamatan(a.nik) <> kkb.kecamatan(a.kode_desa))),
          0, 'every NIK holds the member''s sex, birth date and the village''s district');
SELECT is((SELECT count(*)::int FROM kkb.keluarga k
            WHERE k.kode_desa <@ '13.77'
              AND (kkb.no_kk_wilayah(k.no_kk) <> kkb.kecamatan(k.kode_desa) OR kkb.no_kk_tanggal_terbit(k.no_kk, '2026-10-01') > '2026-10-01'
                   OR kkb.no_kk_tanggal_terbit(k.no_kk, '2026-10-01')
                      < (SELECT max(a.tanggal_lahir) FROM kkb.anggota a WHERE a.kode_desa = k.kode_desa AND a.no_kk = k.no_kk))),
          0, 'every family card was issued in the village''s district, after its youngest member''s birth and by akhir');
SELECT is((SELECT count(*)::int FROM kkb.anggota a WHERE a.kode_desa <@ '13.77'
              AND ((a.hubungan = 'istri' AND (a.jenis_kelamin <> 'P' OR a.status_kawin <> 'kawin'))
                   OR (a.hamil AND (a.jenis_kelamin <> 'P' OR age('2026-10-01', a.tanggal_lahir) NOT BETWEEN '15 years' AND '50 years'))
                   OR (a.kontrasepsi IS NOT NULL AND age('2026-10-01', a.tanggal_lahir) NOT BETWEEN '10 years' AND '55 years')
                   OR a.tanggal_lahir > '2026-10-01')),
          0, 'wives are married women; pregnancy only at 15-49, contraception only at 10-54; nobody born after akhir');
SELECT is((SELECT count(*)::int FROM kkb.pengukuran m WHERE m.kode_desa <@ '13.77'
              AND (m.umur_hari NOT BETWEEN 0 AND 1826 OR m.tanggal_ukur > '2026-10-01' OR m.z_tbu IS NULL)),
          0, 'children are measured from birth to 1826 days, never after akhir, always with a length/height-for-age z-score');
SELECT is((SELECT count(*)::int FROM kkb.kampung k CROSS JOIN LATERAL kkb.periksa(k.kode_desa, '2026-10-01') p
            WHERE k.kode_desa <@ '13.77' AND p.kepentingan = 'tinggi'), 0,
          'no village breaks a high-importance validation rule in the last month');
SELECT is((SELECT count(*)::int FROM kkb.kampung k
             JOIN kkb.penduduk p ON p.kode_desa = k.kode_desa AND p.periode = '2026-10-01'
             CROSS JOIN LATERAL (SELECT n.kode, n.nilai FROM kkb._nilai_individu(k.kode_desa, '2026-10-01') n) n
            WHERE k.kode_desa <@ '13.77'
              AND n.nilai IS DISTINCT FROM CASE n.kode WHEN 'keluarga' THEN p.keluarga WHEN 'pus' THEN p.pus WHEN 'remaja' THEN p.remaja
                                                       WHEN 'keluarga_balita' THEN p.keluarga_balita ELSE n.nilai END),
          0, 'the last month''s population report agrees with the by-name records');

-- ---------------------------------------------------------------- plausible
SELECT ok((SELECT avg(n) BETWEEN 3.4 AND 4.2 FROM (SELECT count(*) AS n FROM kkb.anggota WHERE kode_desa <@ '13.77' GROUP BY kode_desa, no_kk) s),
          'households average 3.4 to 4.2 members');
SELECT ok((SELECT count(DISTINCT (kode_desa, no_kk)) FILTER (WHERE '2026-10-31'::date - tanggal_lahir <= 1826)::numeric
                  / count(DISTINCT (kode_desa, no_kk)) BETWEEN 0.18 AND 0.32 FROM kkb.anggota WHERE kode_desa <@ '13.77'),
          'about a quarter of the families have a child under five');
SELECT ok((SELECT avg((stunting)::int) BETWEEN 0.12 AND 0.20
             FROM (SELECT DISTINCT ON (kode_desa, nik) stunting, flags FROM kkb.pengukuran WHERE kode_desa <@ '13.77'
                    ORDER BY kode_desa, nik, tanggal_ukur DESC) u
            WHERE NOT 'tbu_tidak_wajar' = ANY (flags)),
          'stunting among measured children (latest measurement, unflagged) is 12-20% (Pariaman 2024: 15.7%)');
SELECT ok((SELECT max(s) - min(s) > 0.15 FROM (
             SELECT avg(stunting::int) AS s FROM (SELECT DISTINCT ON (kode_desa, nik) kode_desa, stunting FROM kkb.pengukuran
                                                   WHERE kode_desa <@ '13.77' ORDER BY kode_desa, nik, tanggal_ukur DESC) u
              GROUP BY kode_desa HAVING count(*) >= 5) v),
          'stunting differs between villages');
SELECT is((SELECT array_agg(DISTINCT klasifikasi ORDER BY klasifikasi) FROM kkb.klasifikasi_wilayah('13.77', '2026-10-01')),
          '{Berkelanjutan,Berkembang,Dasar,Mandiri}'::text[], 'the 71 villages spread over all four classes in the last month');
SELECT is((SELECT array_agg(kontrasepsi ORDER BY n DESC) FILTER (WHERE r <= 2) FROM (
             SELECT kontrasepsi, count(*) AS n, rank() OVER (ORDER BY count(*) DESC) AS r FROM kkb.anggota
              WHERE kode_desa <@ '13.77' AND kontrasepsi IS NOT NULL GROUP BY 1) m),
          '{suntik,pil}'::kkb.kontrasepsi[], 'injectables are the most common method, then the pill');
SELECT ok((SELECT count(DISTINCT o) >= 8 FROM kkb.intervensi i CROSS JOIN LATERAL unnest(i.opd) o WHERE i.kode_desa <@ '13.77'),
          'interventions involve many different agencies');

-- ---------------------------------------------------------------- the analysts' views
-- (at 5% scale a village measures too few children of one sex and age band in a month for a row of at
-- least 5, so kkb_bi.pengukuran may be empty here: 061_k_anonim.sql reads it over the full city)
SELECT ok((SELECT count(*) FROM kkb_bi.anggota WHERE kode_desa LIKE '13.77.%') > 0
          AND (SELECT count(*) FROM kkb_bi.desa WHERE kode_kabkota = '13.77') = 71,
          'kkb_bi.anggota and kkb_bi.desa are populated');
-- de-identification over all generated rows: no value of the by-name views looks like a NIK or card number,
-- and no member's name appears
SELECT is((SELECT count(*)::int FROM (SELECT to_jsonb(a)::text AS t FROM kkb_bi.anggota a
                                      UNION ALL SELECT to_jsonb(k)::text FROM kkb_bi.keluarga k
                                      UNION ALL SELECT to_jsonb(m)::text FROM kkb_bi.pengukuran m) x
            WHERE EXISTS (SELECT 1 FROM regexp_matches(x.t, '\d{16}', 'g') m
                           WHERE m[1] IN (SELECT nik::text FROM kkb.anggota UNION ALL SELECT no_kk::text FROM kkb.keluarga))
               OR x.t LIKE ANY (SELECT '%"' || nama || '"%' FROM kkb.anggota LIMIT 200)), 0,
          'no row of kkb_bi.anggota, kkb_bi.keluarga or kkb_bi.pengukuran holds a NIK, a card number or a name');

-- ---------------------------------------------------------------- refusals
SELECT throws_ok($$SELECT * FROM kkb.hasilkan('13.77.01', 0.05, 42)$$, '23505', NULL,
                 'a region that already has Kampung KB data is refused');
SELECT throws_ok($$SELECT * FROM kkb.hasilkan('13.77', 0.05, 42, 12, current_date + 1)$$, '22023', NULL,
                 'akhir in the future is refused (nothing may be dated after today)');

-- ---------------------------------------------------------------- deterministic
CREATE TEMP TABLE sidik AS
SELECT (SELECT md5(string_agg(a::text, '|' ORDER BY a.kode_desa, a.nik))
          FROM (SELECT kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin, pendidikan, sekolah, pekerjaan,
                       jaminan_kesehatan, akta_lahir, hamil, kontrasepsi, alasan_tidak_kb FROM kkb.anggota WHERE kode_desa <@ '13.77') a) AS anggota,
       (SELECT md5(string_agg(m::text, '|' ORDER BY m.kode_desa, m.nik, m.tanggal_ukur))
          FROM (SELECT kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur, lila_cm, z_tbu FROM kkb.pengukuran WHERE kode_desa <@ '13.77') m) AS pengukuran,
       (SELECT md5(string_agg(r::text, '|' ORDER BY r.kode_desa, r.periode))
          FROM (SELECT p.kode_desa, p.periode, p.laki_laki, p.perempuan, p.pus, k.kb_suntik, k.peserta_bkb, f.poktan, f.sumber_dana
                  FROM kkb.penduduk p JOIN kkb.kkbpk k USING (kode_desa, periode) JOIN kkb.profil f USING (kode_desa, periode)
                 WHERE p.kode_desa <@ '13.77') r) AS laporan,
       (SELECT md5(string_agg(e::text, '|' ORDER BY e::text))
          FROM (SELECT kode_desa, jenis, tanggal, nik, nik_ibu, jenis_kelamin, umur_hari, kematian_ibu FROM kkb.peristiwa WHERE kode_desa <@ '13.77') e) AS peristiwa,
       (SELECT md5(string_agg(a::text, '|' ORDER BY a.nik)) FROM (SELECT nik, nama, tanggal_lahir FROM kkb.anggota WHERE kode_desa <@ '13.77.01') a) AS kecamatan;

SELECT is((SELECT sum(baris)::bigint FROM kkb.hasilkan_hapus('13.77') WHERE tabel = 'kampung'), 71::bigint,
          'kkb.hasilkan_hapus removes the region''s Kampung KB');
SELECT is((SELECT count(*)::int FROM kkb.anggota WHERE kode_desa <@ '13.77') + (SELECT count(*)::int FROM kkb.profil WHERE kode_desa <@ '13.77'), 0,
          '... and their village data');
SELECT lives_ok($$SELECT * FROM kkb.hasilkan('13.77', 0.05, 42, 12, '2026-10-01')$$, 'the same load again');
SELECT is((SELECT ROW(s.anggota, s.pengukuran, s.laporan, s.peristiwa)::text FROM sidik s),
          (SELECT ROW((SELECT md5(string_agg(a::text, '|' ORDER BY a.kode_desa, a.nik))
                         FROM (SELECT kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin, pendidikan, sekolah, pekerjaan,
                                      jaminan_kesehatan, akta_lahir, hamil, kontrasepsi, alasan_tidak_kb FROM kkb.anggota WHERE kode_desa <@ '13.77') a),
                      (SELECT md5(string_agg(m::text, '|' ORDER BY m.kode_desa, m.nik, m.tanggal_ukur))
                         FROM (SELECT kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur, lila_cm, z_tbu FROM kkb.pengukuran WHERE kode_desa <@ '13.77') m),
                      (SELECT md5(string_agg(r::text, '|' ORDER BY r.kode_desa, r.periode))
                         FROM (SELECT p.kode_desa, p.periode, p.laki_laki, p.perempuan, p.pus, k.kb_suntik, k.peserta_bkb, f.poktan, f.sumber_dana
                                 FROM kkb.penduduk p JOIN kkb.kkbpk k USING (kode_desa, periode) JOIN kkb.profil f USING (kode_desa, periode)
                                WHERE p.kode_desa <@ '13.77') r),
                      (SELECT md5(string_agg(e::text, '|' ORDER BY e::text))
                         FROM (SELECT kode_desa, jenis, tanggal, nik, nik_ibu, jenis_kelamin, umur_hari, kematian_ibu FROM kkb.peristiwa WHERE kode_desa <@ '13.77') e)
                     )::text),
          'the same seed gives the same members, measurements, reports and events');

-- another seed, another district, the default akhir (the current month)
SELECT ok((SELECT count(*) FROM kkb.hasilkan_hapus('13.77.01')) >= 12, 'a district''s data is removed table by table');
SELECT lives_ok($$SELECT * FROM kkb.hasilkan('13.77.01', 0.05, 7)$$, 'a district with another seed and the default months');
SELECT isnt((SELECT md5(string_agg(a::text, '|' ORDER BY a.nik)) FROM (SELECT nik, nama, tanggal_lahir FROM kkb.anggota WHERE kode_desa <@ '13.77.01') a),
            (SELECT kecamatan FROM sidik), 'another seed gives other people');
SELECT is((SELECT max(periode) FROM kkb.profil WHERE kode_desa <@ '13.77.01'), date_trunc('month', current_date)::date,
          'by default the months end with the current one');

-- ---------------------------------------------------------------- who may
CREATE FUNCTION pg_temp.sebagai(peran text, q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE hasil text := 'ok';
BEGIN
	BEGIN
		PERFORM set_config('role', peran, true);
		EXECUTE q;
		PERFORM set_config('role', 'none', true);
	EXCEPTION WHEN OTHERS THEN
		hasil := SQLSTATE;
	END;
	PERFORM set_config('role', 'none', true);
	RETURN hasil;
END $$;
SELECT is(pg_temp.sebagai('kkb_admin', $$SELECT count(*) FROM kkb.hasilkan_hapus('13.77.04')$$), 'ok',
          'an administrator may remove generated data');
SELECT is(pg_temp.sebagai('kkb_admin', $$SELECT count(*) FROM kkb.hasilkan('13.77.04', 0.05, 42, 12, '2026-10-01')$$), 'ok',
          '... and generate it');
SELECT is(pg_temp.sebagai('kkb_pokja', $$SELECT count(*) FROM kkb.hasilkan_hapus('13.77.04')$$), '42501',
          'a village pokja may do neither');

SELECT * FROM finish();
ROLLBACK;

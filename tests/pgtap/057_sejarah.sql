-- History as of the month: the by-name figures of month M come from the
-- records valid at M's end (members born by then and not moved in later),
-- never from today's register for a month before the village's records start
-- or in the future.  A generated district (Pariaman Tengah, 13.77.01, 20%
-- scale, May to October 2026); the village and month with the most arrivals
-- (pindah_masuk) of members, M, and the month before it, L.
BEGIN;
SELECT plan(10);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.77.01', 0.2, 5, 6, '2026-10-01');
CREATE TEMP TABLE d AS
SELECT x.kode_desa, x.m, (x.m - interval '1 month')::date AS l, (x.m + interval '1 month - 1 day')::date AS m_akhir,
       (x.m - interval '1 day')::date AS l_akhir
  FROM (SELECT v.kode_desa, date_trunc('month', v.tanggal)::date AS m, count(*) AS n
          FROM kkb.peristiwa v JOIN kkb.anggota a ON a.kode_desa = v.kode_desa AND a.nik = v.nik
         WHERE v.jenis = 'pindah_masuk' AND v.tanggal >= '2026-06-01'
         GROUP BY 1, 2) x
 ORDER BY x.n DESC, 1, 2 LIMIT 1;
SELECT ok((SELECT count(*) FROM d) = 1, 'a village and month with members who moved in');

CREATE FUNCTION pg_temp.item(kode text, bulan date) RETURNS numeric LANGUAGE sql AS
	$$SELECT p.nilai FROM kkb.profil_desa((SELECT kode_desa FROM d), bulan) p WHERE p.kode = item.kode AND p.sumber = 'data_individu'$$;

-- before the records start, and after the current month: no by-name figures
SELECT is((SELECT count(*)::int FROM kkb.profil_desa((SELECT kode_desa FROM d), '2025-06-01') WHERE nilai IS NOT NULL), 0,
          'June 2025, before any record of the village: no figure at all');
SELECT is(kkb.kelengkapan((SELECT kode_desa FROM d), '2025-06-01'), 0.0000, '... and completeness 0');
SELECT is((SELECT count(*)::int FROM kkb.profil_desa((SELECT kode_desa FROM d), (date_trunc('month', current_date) + interval '2 months')::date)
            WHERE sumber = 'data_individu'), 0,
          'a month in the future: no figure from the by-name records');
SELECT ok(pg_temp.item('penduduk', date_trunc('month', current_date)::date) IS NOT NULL, 'the current month has its figures');

-- month L: the members of L's end, built by hand
SELECT is(pg_temp.item('penduduk', (SELECT l FROM d)),
          (SELECT count(*)::numeric FROM kkb.anggota a
            WHERE a.kode_desa = (SELECT kode_desa FROM d) AND a.tanggal_lahir <= (SELECT l_akhir FROM d)
              AND NOT EXISTS (SELECT 1 FROM kkb.peristiwa v WHERE v.kode_desa = a.kode_desa AND v.jenis = 'pindah_masuk'
                                AND v.nik = a.nik AND v.tanggal > (SELECT l_akhir FROM d))),
          'L: the population is the members born by L''s end and not moved in after it');
SELECT is(pg_temp.item('keluarga', (SELECT l FROM d)),
          (SELECT count(DISTINCT a.no_kk)::numeric FROM kkb.anggota a
            WHERE a.kode_desa = (SELECT kode_desa FROM d) AND a.tanggal_lahir <= (SELECT l_akhir FROM d)
              AND NOT EXISTS (SELECT 1 FROM kkb.peristiwa v WHERE v.kode_desa = a.kode_desa AND v.jenis = 'pindah_masuk'
                                AND v.nik = a.nik AND v.tanggal > (SELECT l_akhir FROM d)))
          + (SELECT count(*) FROM kkb.keluarga k WHERE k.kode_desa = (SELECT kode_desa FROM d)
              AND NOT EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa = k.kode_desa AND a.no_kk = k.no_kk)),
          'L: the families are those with a member then (or none recorded at all)');
SELECT is(pg_temp.item('penduduk', (SELECT m FROM d)) - pg_temp.item('penduduk', (SELECT l FROM d)),
          (SELECT count(*)::numeric FROM kkb.anggota a WHERE a.kode_desa = (SELECT kode_desa FROM d)
            AND (a.tanggal_lahir BETWEEN (SELECT m FROM d) AND (SELECT m_akhir FROM d)
                 OR EXISTS (SELECT 1 FROM kkb.peristiwa v WHERE v.kode_desa = a.kode_desa AND v.jenis = 'pindah_masuk' AND v.nik = a.nik
                              AND v.tanggal BETWEEN (SELECT m FROM d) AND (SELECT m_akhir FROM d)))
            AND NOT EXISTS (SELECT 1 FROM kkb.peristiwa v WHERE v.kode_desa = a.kode_desa AND v.jenis = 'pindah_masuk' AND v.nik = a.nik
                              AND v.tanggal > (SELECT m_akhir FROM d))),
          'from L to M the population grows by exactly M''s births and arrivals (those not moved in again later)');

-- one definition of families at risk of stunting: item 35 = the family list at the month's end
SELECT is(pg_temp.item('keluarga_krs', (SELECT m FROM d)),
          (SELECT count(*)::numeric FROM kkb.risiko_stunting_desa((SELECT kode_desa FROM d), (SELECT m_akhir FROM d)) WHERE berisiko),
          'M: item 35 equals the families at risk listed for M''s last day');
SELECT is(pg_temp.item('keluarga_krs', (SELECT l FROM d)),
          (SELECT count(*)::numeric FROM kkb.risiko_stunting_desa((SELECT kode_desa FROM d), (SELECT l_akhir FROM d)) WHERE berisiko),
          'L: the same, with L''s members');

SELECT * FROM finish();
ROLLBACK;

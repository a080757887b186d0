-- 42_pertumbuhan.sql - early warning per child: growth faltering between consecutive weighings.
-- A child whose weight-for-age z-score fell by more than `ambang` (default 0.67) between its last
-- two measurements, taken at most `jarak_hari` days apart (default 92), the last within those days
-- before `acuan`: a fall of 0.67 z is the width of one centile band of the growth chart (crossing a
-- major centile line - Cole TJ, "Conditional reference charts to assess weight gain in British
-- infants", Arch Dis Child 1995;73:8-16; the rule WHO's growth-monitoring training uses for a
-- child whose growth line crosses a line downward).  Flagged weight-for-age z-scores are not used.
-- By-name data: read with the caller's rights (row-level security: a Pokja sees its village's
-- children, an agency none), like kkb.risiko_stunting_desa.  docs/DOMAIN.md 5b.

CREATE FUNCTION kkb.pertumbuhan_goyah(kode_desa kkb.kode_wilayah, acuan date DEFAULT CURRENT_DATE,
                                      ambang numeric DEFAULT 0.67, jarak_hari integer DEFAULT 92)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, nik kkb.nik, no_kk kkb.no_kk, nama text, tanggal_lahir date,
	               tanggal_lalu date, z_bbu_lalu numeric, tanggal_kini date, z_bbu_kini numeric, turun numeric,
	               stunting boolean, tindakan text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH u AS (
		SELECT p.kode_desa, p.nik, p.tanggal_ukur, p.z_bbu, p.stunting,
		       pg_catalog.row_number() OVER (PARTITION BY p.nik ORDER BY p.tanggal_ukur DESC) AS r
		  FROM kkb.pengukuran p
		 WHERE p.kode_desa OPERATOR(kkb.=) pertumbuhan_goyah.kode_desa AND p.tanggal_ukur <= pertumbuhan_goyah.acuan
		   AND p.z_bbu IS NOT NULL AND NOT 'bbu_tidak_wajar' = ANY (coalesce(p.flags, '{}'))
	)
	SELECT k.kode_desa, k.nik, a.no_kk, a.nama, a.tanggal_lahir, l.tanggal_ukur, l.z_bbu, k.tanggal_ukur, k.z_bbu,
	       l.z_bbu - k.z_bbu, k.stunting,
	       CASE WHEN k.stunting THEN 'Kunjungi keluarga minggu ini dan rujuk ke puskesmas: berat badan turun dan anak stunting; konseling gizi dan pemantauan bulanan'
	            ELSE 'Kunjungi keluarga minggu ini: berat badan turun melewati satu garis pertumbuhan; konseling makan anak, periksa sakit (diare, infeksi), timbang ulang bulan depan' END
	  FROM u k
	  JOIN u l ON l.nik OPERATOR(kkb.=) k.nik AND l.r = 2
	  JOIN kkb.anggota a ON a.kode_desa OPERATOR(kkb.=) k.kode_desa AND a.nik OPERATOR(kkb.=) k.nik
	 WHERE k.r = 1
	   AND k.tanggal_ukur > pertumbuhan_goyah.acuan - pertumbuhan_goyah.jarak_hari
	   AND k.tanggal_ukur - l.tanggal_ukur <= pertumbuhan_goyah.jarak_hari
	   AND l.z_bbu - k.z_bbu > pertumbuhan_goyah.ambang
	 ORDER BY l.z_bbu - k.z_bbu DESC, k.nik;
END;
COMMENT ON FUNCTION kkb.pertumbuhan_goyah(kkb.kode_wilayah, date, numeric, integer) IS
	'Growth faltering (early warning): the village''s children whose weight-for-age z fell by more than ambang (default 0.67, one centile band) between their last two measurements at most jarak_hari days apart (default 92), the last within those days before acuan; with the family and the next action. By-name: read with the caller''s rights';

CREATE FUNCTION kkb.api_desa_pertumbuhan_goyah(kode kkb.kode_wilayah, acuan date) RETURNS json
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
	SELECT json_build_object('kode_desa', k.kode_desa::text, 'acuan', coalesce(api_desa_pertumbuhan_goyah.acuan, CURRENT_DATE),
	         'jumlah', (SELECT count(*) FROM kkb.pertumbuhan_goyah(k.kode_desa, coalesce(api_desa_pertumbuhan_goyah.acuan, CURRENT_DATE))),
	         'data', coalesce((SELECT json_agg(json_build_object('nik', g.nik::text, 'no_kk', g.no_kk::text, 'nama', g.nama,
	                   'tanggal_lahir', g.tanggal_lahir, 'tanggal_lalu', g.tanggal_lalu, 'z_bbu_lalu', g.z_bbu_lalu,
	                   'tanggal_kini', g.tanggal_kini, 'z_bbu_kini', g.z_bbu_kini, 'turun', g.turun, 'stunting', g.stunting,
	                   'tindakan', g.tindakan))
	            FROM kkb.pertumbuhan_goyah(k.kode_desa, coalesce(api_desa_pertumbuhan_goyah.acuan, CURRENT_DATE)) g), '[]'::json))
	  FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_desa_pertumbuhan_goyah.kode
$f$;
COMMENT ON FUNCTION kkb.api_desa_pertumbuhan_goyah(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/pertumbuhan-goyah: children whose weight-for-age fell by more than 0.67 z between their last two weighings (kkb.pertumbuhan_goyah), on a date (default today); NULL when not a Kampung KB in scope';

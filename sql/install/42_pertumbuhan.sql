-- 42_pertumbuhan.sql - early warning per child: growth faltering between consecutive weighings.
-- A child whose weight-for-age z-score fell by more than `ambang` (default 0.67) between its last
-- two measurements, taken at most `jarak_hari` days apart (default 92), the last within those days
-- before `acuan`: a fall of 0.67 z is the width of one centile band of the growth chart (crossing a
-- major centile line - Cole TJ, "Conditional reference charts to assess weight gain in British
-- infants", Arch Dis Child 1995;73:8-16; the rule WHO's growth-monitoring training uses for a
-- child whose growth line crosses a line downward).  Flagged weight-for-age z-scores are not used.
-- By-name data: read with the caller's rights (row-level security: a Pokja sees its village's
-- children, an administrator those of its scope), like kkb.risiko_stunting_desa - and, because the
-- list is for "the Pokja and the health agency", by the health agency too: an agency token whose
-- agency owns the stunting problem in kkb.masalah_opd (dinkes), within its scope, through a
-- narrow SECURITY DEFINER path that checks exactly that.  Every other agency, analysts and
-- provinces get 42501.  docs/DOMAIN.md 5b.

-- kkb._opd() and kkb._opd_kesehatan(), the caller's agency and whether it is the health agency: 39_lingkup_cek.sql.

-- kkb._pertumbuhan_goyah is an SQL wrapper over this PL/pgSQL body (below).  (The wrapper's SET clause
-- keeps it from being inlined into kkb.pertumbuhan_goyah's query, where an agency's role would be
-- checked against the by-name tables of the branch it does not take.)
CREATE FUNCTION kkb._pertumbuhan_goyah_isi(kkb.kode_wilayah, acuan date, ambang numeric, jarak_hari integer)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, nik kkb.nik, no_kk kkb.no_kk, nama text, tanggal_lahir date,
	               tanggal_lalu date, z_bbu_lalu numeric, tanggal_kini date, z_bbu_kini numeric, turun numeric,
	               stunting boolean, tindakan text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR kode_desa, nik, no_kk, nama, tanggal_lahir, tanggal_lalu, z_bbu_lalu, tanggal_kini, z_bbu_kini, turun, stunting, tindakan IN
	WITH u AS (
		SELECT p.kode_desa, p.nik, p.tanggal_ukur, p.z_bbu, p.stunting,
		       pg_catalog.row_number() OVER (PARTITION BY p.nik ORDER BY p.tanggal_ukur DESC) AS r
		  FROM kkb.pengukuran p
		 WHERE p.kode_desa OPERATOR(kkb.=) $1 AND p.tanggal_ukur <= $2
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
	   AND k.tanggal_ukur > $2 - $4
	   AND k.tanggal_ukur - l.tanggal_ukur <= $4
	   AND l.z_bbu - k.z_bbu > $3
	 ORDER BY l.z_bbu - k.z_bbu DESC, k.nik
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._pertumbuhan_goyah_isi(kkb.kode_wilayah, date, numeric, integer) IS 'Internal: the body of kkb._pertumbuhan_goyah in PL/pgSQL (its parameters by position: the result''s columns have their names, which PL/pgSQL does not allow twice)';

CREATE FUNCTION kkb._pertumbuhan_goyah(kode_desa kkb.kode_wilayah, acuan date DEFAULT CURRENT_DATE,
                                      ambang numeric DEFAULT 0.67, jarak_hari integer DEFAULT 92)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, nik kkb.nik, no_kk kkb.no_kk, nama text, tanggal_lahir date,
	               tanggal_lalu date, z_bbu_lalu numeric, tanggal_kini date, z_bbu_kini numeric, turun numeric,
	               stunting boolean, tindakan text)
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, kkb, pg_temp AS $f$
	SELECT * FROM kkb._pertumbuhan_goyah_isi($1, $2, $3, $4)
$f$;
COMMENT ON FUNCTION kkb._pertumbuhan_goyah(kkb.kode_wilayah, date, numeric, integer) IS
	'Internal: the rows of kkb.pertumbuhan_goyah, read with the rights of whoever runs it';

-- The health agency's path: the same rows with the owner's rights, for that agency within its scope only.
CREATE FUNCTION kkb._pertumbuhan_goyah_kesehatan(kode_desa kkb.kode_wilayah, acuan date, ambang numeric, jarak_hari integer)
	RETURNS SETOF record
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF NOT kkb._opd_kesehatan() THEN
		RAISE EXCEPTION 'growth faltering is by-name data: for the village''s Pokja, administrators and the health agency only'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	PERFORM kkb._lingkup_cek(_pertumbuhan_goyah_kesehatan.kode_desa);
	RETURN QUERY SELECT * FROM kkb._pertumbuhan_goyah(_pertumbuhan_goyah_kesehatan.kode_desa, _pertumbuhan_goyah_kesehatan.acuan,
	                                                  _pertumbuhan_goyah_kesehatan.ambang, _pertumbuhan_goyah_kesehatan.jarak_hari);
END $f$;
COMMENT ON FUNCTION kkb._pertumbuhan_goyah_kesehatan(kkb.kode_wilayah, date, numeric, integer) IS
	'Internal: kkb.pertumbuhan_goyah for the health agency (kkb._opd_kesehatan) within its scope, with the owner''s rights; 42501 for anyone else';
-- executable by every role: kkb.pertumbuhan_goyah names it in a branch every caller's plan holds, and it refuses all
-- but the health agency itself

CREATE FUNCTION kkb.pertumbuhan_goyah(kode_desa kkb.kode_wilayah, acuan date DEFAULT CURRENT_DATE,
                                      ambang numeric DEFAULT 0.67, jarak_hari integer DEFAULT 92)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, nik kkb.nik, no_kk kkb.no_kk, nama text, tanggal_lahir date,
	               tanggal_lalu date, z_bbu_lalu numeric, tanggal_kini date, z_bbu_kini numeric, turun numeric,
	               stunting boolean, tindakan text)
	LANGUAGE sql STABLE
BEGIN ATOMIC
	-- one branch runs: who may read the measurements (Pokja, administrators) reads them with its own rights;
	-- anyone else (an agency, an analyst, a province) takes the health agency's path, which refuses all but it
	SELECT x.* FROM (
		SELECT * FROM kkb._pertumbuhan_goyah(pertumbuhan_goyah.kode_desa, pertumbuhan_goyah.acuan,
		                                     pertumbuhan_goyah.ambang, pertumbuhan_goyah.jarak_hari)
		 WHERE pg_catalog.has_table_privilege('kkb.pengukuran', 'SELECT')
		UNION ALL
		SELECT * FROM kkb._pertumbuhan_goyah_kesehatan(pertumbuhan_goyah.kode_desa, pertumbuhan_goyah.acuan,
		                                               pertumbuhan_goyah.ambang, pertumbuhan_goyah.jarak_hari)
		    AS g(kode_desa kkb.kode_wilayah, nik kkb.nik, no_kk kkb.no_kk, nama text, tanggal_lahir date, tanggal_lalu date,
		         z_bbu_lalu numeric, tanggal_kini date, z_bbu_kini numeric, turun numeric, stunting boolean, tindakan text)
		 WHERE NOT pg_catalog.has_table_privilege('kkb.pengukuran', 'SELECT')
	) x ORDER BY x.turun DESC, x.nik;
END;
COMMENT ON FUNCTION kkb.pertumbuhan_goyah(kkb.kode_wilayah, date, numeric, integer) IS
	'Growth faltering (early warning): the village''s children whose weight-for-age z fell by more than ambang (default 0.67, one centile band) between their last two measurements at most jarak_hari days apart (default 92), the last within those days before acuan; with the family and the next action. By-name: read with the caller''s rights (Pokja, administrators), and by the health agency (the agency owning the stunting problem) within its scope; 42501 for other agencies, analysts and provinces';

CREATE FUNCTION kkb.api_desa_pertumbuhan_goyah(kode kkb.kode_wilayah, acuan date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	-- the village first, alone: no function reading its tables inside a query on them (Citus, docs/SCALE.md)
	IF NOT EXISTS (SELECT FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_desa_pertumbuhan_goyah.kode) THEN
		RETURN NULL;
	END IF;
	SELECT json_build_object('kode_desa', api_desa_pertumbuhan_goyah.kode::text, 'acuan', coalesce(api_desa_pertumbuhan_goyah.acuan, CURRENT_DATE),
	         'total', (SELECT count(*) FROM kkb.pertumbuhan_goyah(api_desa_pertumbuhan_goyah.kode, coalesce(api_desa_pertumbuhan_goyah.acuan, CURRENT_DATE))),
	         'data', coalesce((SELECT json_agg(json_build_object('nik', g.nik::text, 'no_kk', g.no_kk::text, 'nama', g.nama,
	                   'tanggal_lahir', g.tanggal_lahir, 'tanggal_lalu', g.tanggal_lalu, 'z_bbu_lalu', g.z_bbu_lalu,
	                   'tanggal_kini', g.tanggal_kini, 'z_bbu_kini', g.z_bbu_kini, 'turun', g.turun, 'stunting', g.stunting,
	                   'tindakan', g.tindakan))
	            FROM kkb.pertumbuhan_goyah(api_desa_pertumbuhan_goyah.kode, coalesce(api_desa_pertumbuhan_goyah.acuan, CURRENT_DATE)) g), '[]'::json))
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_desa_pertumbuhan_goyah(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/pertumbuhan-goyah: children whose weight-for-age fell by more than 0.67 z between their last two weighings (kkb.pertumbuhan_goyah), on a date (default today); NULL when not a Kampung KB in scope';

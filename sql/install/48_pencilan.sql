-- 48_pencilan.sql - outliers (pencilan) in the monthly reports, DHIS2's methods adapted to
-- small counts: each value of a village's monthly records (kkb.kkbpk, kkb.penduduk and the
-- entered data items kkb.nilai) for a month, against
--   riwayat  the same village's values of that item in the 12 months before, and
--   sebaya   the other villages of the same kecamatan in that month;
-- by one method:
--   mz       modified z-score 0.6745 (x - median) / MAD (median absolute deviation), default
--            threshold 3.5 (Iglewicz and Hoaglin; DHIS2's "modified z-score");
--   z        z-score (x - mean) / sd, default threshold 3 (DHIS2's "z-score");
--   minmaks  outside mean +- k sd of the village's own history (DHIS2's min-max ranges
--            learned from history), default k 2; history only.
-- Thresholds: the call's ambang, else the most specific row of kkb.pencilan_ambang (47_pencilan_ambang.sql),
-- else the method's default.  A reference of fewer than 3 values judges nothing.  Counts often do not
-- move for months (MAD and sd 0), and a count's own noise grows with it: the spread is taken as at
-- least 1 and at least the square root of the centre (a count's Poisson noise), so that a history
-- that never moved judges a change of a few units as ordinary, 78 after months of 71 too, and 5000
-- instead of 1 as an outlier.

-- The values of the monthly records of the villages under a region, one row per item.
CREATE FUNCTION kkb._nilai_bulanan(wilayah kkb.kode_wilayah, dari date, sampai date)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, periode date, kode text, nilai numeric)
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
#variable_conflict use_column
DECLARE
	-- one village: equality, so that on Citus the query reads that village's shard only (as a
	-- report's own outlier check does, on that shard); a larger region: its prefix
	v_sama text := CASE WHEN kkb.tingkat(_nilai_bulanan.wilayah) = 4 THEN 'OPERATOR(kkb.=)' ELSE 'OPERATOR(kkb.<@)' END;
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR kode_desa, periode, kode, nilai IN EXECUTE pg_catalog.format($q$
	SELECT r.kode_desa, r.periode, e.key, e.value::numeric
	  FROM kkb.kkbpk r CROSS JOIN LATERAL pg_catalog.jsonb_each_text(pg_catalog.to_jsonb(r)
	       OPERATOR(pg_catalog.-) ARRAY['kode_desa', 'periode', 'diubah_pada']) e
	 WHERE r.kode_desa %1$s $1 AND r.periode BETWEEN $2 AND $3
	   AND e.value IS NOT NULL
	UNION ALL
	SELECT d.kode_desa, d.periode, e.key, e.value::numeric
	  FROM kkb.penduduk d CROSS JOIN LATERAL pg_catalog.jsonb_each_text(pg_catalog.to_jsonb(d)
	       OPERATOR(pg_catalog.-) ARRAY['kode_desa', 'periode', 'diubah_pada', 'laki_laki', 'perempuan']) e
	 WHERE d.kode_desa %1$s $1 AND d.periode BETWEEN $2 AND $3
	   AND e.value IS NOT NULL
	UNION ALL
	SELECT n.kode_desa, n.periode, n.kode_elemen, n.nilai
	  FROM kkb.nilai n
	 WHERE n.kode_desa %1$s $1 AND n.periode BETWEEN $2 AND $3
	   AND n.nilai IS NOT NULL$q$, v_sama)
	USING _nilai_bulanan.wilayah, _nilai_bulanan.dari, _nilai_bulanan.sampai
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._nilai_bulanan(kkb.kode_wilayah, date, date) IS
	'Internal: the values of the monthly records (kkbpk, penduduk counts, entered data items) of the villages under a region between two months, one row per item';

CREATE FUNCTION kkb.pencilan(wilayah kkb.kode_wilayah, periode date, metode text DEFAULT 'mz', ambang numeric DEFAULT NULL)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, kode text, nilai numeric, acuan text, n integer,
	               pusat numeric, sebaran numeric, skor numeric, batas_bawah numeric, batas_atas numeric)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	bulan date := pg_catalog.date_trunc('month', pencilan.periode)::date;
	a numeric;
BEGIN
	IF pencilan.metode IS NULL OR pencilan.metode NOT IN ('mz', 'z', 'minmaks') THEN
		RAISE EXCEPTION 'invalid value for "metode": %', coalesce(pg_catalog.quote_literal(pencilan.metode), 'null')
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = 'Use mz (modified z-score, median and MAD), z (z-score) or minmaks (mean +- k sd of the village''s history).';
	END IF;
	a := coalesce(pencilan.ambang, CASE pencilan.metode WHEN 'mz' THEN 3.5 WHEN 'z' THEN 3 ELSE 2 END);
	IF a <= 0 THEN
		RAISE EXCEPTION 'invalid value for "ambang": %', a USING ERRCODE = 'invalid_parameter_value',
			HINT = 'The threshold is a positive number of (modified) standard deviations.';
	END IF;
	PERFORM kkb._lingkup_cek(pencilan.wilayah);
	RETURN QUERY
	WITH v AS (
		SELECT * FROM kkb._nilai_bulanan(pencilan.wilayah, (bulan - interval '12 months')::date, bulan)
	), kini AS (
		SELECT v.kode_desa, v.kode, v.nilai, kkb.induk(v.kode_desa) AS kecamatan FROM v WHERE v.periode = bulan
	), acuan AS (
		-- the village's own 12 months before
		SELECT k.kode_desa, k.kode, 'riwayat'::text AS acuan, r.nilai AS x
		  FROM kini k JOIN v r ON r.kode_desa OPERATOR(kkb.=) k.kode_desa AND r.kode = k.kode AND r.periode < bulan
		UNION ALL
		-- the other villages of the kecamatan that month (not for minmaks)
		SELECT k.kode_desa, k.kode, 'sebaya', o.nilai
		  FROM kini k JOIN kini o ON o.kecamatan OPERATOR(kkb.=) k.kecamatan AND o.kode = k.kode
		                         AND NOT o.kode_desa OPERATOR(kkb.=) k.kode_desa
		 WHERE pencilan.metode <> 'minmaks'
	), pusat AS (
		SELECT c.kode_desa, c.kode, c.acuan, pg_catalog.count(*)::integer AS n,
		       pg_catalog.percentile_cont(0.5) WITHIN GROUP (ORDER BY c.x) AS median,
		       pg_catalog.avg(c.x) AS rerata, pg_catalog.stddev_samp(c.x) AS sd
		  FROM acuan c GROUP BY c.kode_desa, c.kode, c.acuan
	), mad AS (
		SELECT p.kode_desa, p.kode, p.acuan,
		       pg_catalog.percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(c.x - p.median::numeric)) AS mad
		  FROM pusat p JOIN acuan c ON c.kode_desa OPERATOR(kkb.=) p.kode_desa AND c.kode = p.kode AND c.acuan = p.acuan
		 WHERE pencilan.metode = 'mz'
		 GROUP BY p.kode_desa, p.kode, p.acuan
	), nilai AS (
		SELECT k.kode_desa, k.kode, k.nilai, p.acuan, p.n,
		       CASE WHEN pencilan.metode = 'mz' THEN p.median::numeric ELSE p.rerata END AS c,
		       greatest(CASE WHEN pencilan.metode = 'mz' THEN m.mad::numeric ELSE p.sd END, 1,
		                pg_catalog.sqrt(abs(CASE WHEN pencilan.metode = 'mz' THEN p.median::numeric ELSE p.rerata END))) AS s,
		       -- the threshold: the call's, else the most specific setting (village before kecamatan before
		       -- city, an item before '*'), else the method's default
		       coalesce(pencilan.ambang,
		                (SELECT t.ambang FROM kkb.pencilan_ambang t
		                  WHERE k.kode_desa OPERATOR(kkb.<@) t.lingkup AND t.kode IN (k.kode, '*') AND t.metode = pencilan.metode
		                  ORDER BY kkb.tingkat(t.lingkup) DESC, t.kode = '*' LIMIT 1), a) AS a
		  FROM kini k JOIN pusat p ON p.kode_desa OPERATOR(kkb.=) k.kode_desa AND p.kode = k.kode
		  LEFT JOIN mad m ON m.kode_desa OPERATOR(kkb.=) p.kode_desa AND m.kode = p.kode AND m.acuan = p.acuan
		 WHERE p.n >= 3
	), skor AS (
		SELECT x.*, CASE WHEN pencilan.metode = 'mz' THEN 0.6745 * (x.nilai - x.c) / x.s ELSE (x.nilai - x.c) / x.s END AS z,
		       CASE WHEN pencilan.metode = 'mz' THEN x.c - x.a * x.s / 0.6745 ELSE x.c - x.a * x.s END AS lo,
		       CASE WHEN pencilan.metode = 'mz' THEN x.c + x.a * x.s / 0.6745 ELSE x.c + x.a * x.s END AS hi
		  FROM nilai x
	)
	SELECT s.kode_desa, s.kode, s.nilai, s.acuan, s.n, round(s.c, 4), round(s.s, 4), round(s.z, 4), round(s.lo, 4), round(s.hi, 4)
	  FROM skor s
	 WHERE s.z IS NOT NULL AND abs(s.z) > s.a
	 ORDER BY abs(s.z) DESC, s.kode_desa, s.kode, s.acuan;
END $f$;
COMMENT ON FUNCTION kkb.pencilan(kkb.kode_wilayah, date, text, numeric) IS
	'Outliers (pencilan) in the monthly records of the villages under a region for a month: each value against the village''s own 12 months before (acuan riwayat) and the other villages of its kecamatan that month (acuan sebaya); metode mz (modified z-score, median and MAD, default threshold 3.5), z (z-score, 3) or minmaks (mean +- k sd of the history, k 2); thresholds from the call, else kkb.pencilan_ambang (per village, kecamatan or city and item), else the defaults; returns the value, the reference''s size, centre and spread (at least 1 and the square root of the centre), the score and the bounds; the same for every role that may see the region, 42501 otherwise';

CREATE FUNCTION kkb.api_pencilan(wilayah kkb.kode_wilayah, periode date, metode text DEFAULT 'mz') RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object('wilayah', api_pencilan.wilayah::text, 'periode', to_char(api_pencilan.periode, 'YYYY-MM'),
	         'metode', coalesce(api_pencilan.metode, 'mz'), 'total', count(p.*),
	         'data', coalesce(json_agg(json_build_object('kode_desa', p.kode_desa::text, 'nama', w.nama, 'kode', p.kode, 'nilai', p.nilai,
	                   'acuan', p.acuan, 'n', p.n, 'pusat', p.pusat, 'sebaran', p.sebaran, 'skor', p.skor,
	                   'batas_bawah', p.batas_bawah, 'batas_atas', p.batas_atas)) FILTER (WHERE p.kode_desa IS NOT NULL), '[]'::json))
	  FROM kkb.pencilan(api_pencilan.wilayah, api_pencilan.periode, coalesce(api_pencilan.metode, 'mz')) p
	  LEFT JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) p.kode_desa
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_pencilan(kkb.kode_wilayah, date, text) IS
	'API GET /v1/pencilan: outliers in the monthly reports of the villages under a region for a month (kkb.pencilan), most extreme first';

-- 48_tren.sql - early warning per village: is stunting rising beyond what chance explains?
-- The month's stunting prevalence (stunted / measured children, kkb.ringkasan_desa's stored
-- monthly indicators) with its 95% interval (kkb.prevalensi_selang), against the 11 months
-- before pooled, by a one-sided two-proportion z-test: naik_nyata when z > 1.645 (5%).
-- Approximate: a child measured every month counts in several months, so the months are not
-- independent samples; the test errs towards flagging, which is the right side for a warning.
-- Counts only: the same for every role that may see the region (kkb.ringkasan_desa checks it).
CREATE FUNCTION kkb.tren_stunting(wilayah kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, balita_diukur numeric, balita_stunting numeric, persen float8,
	               ci_bawah float8, ci_atas float8, diukur_sebelumnya numeric, stunting_sebelumnya numeric,
	               persen_sebelumnya float8, z float8, naik_nyata boolean)
	LANGUAGE sql VOLATILE
BEGIN ATOMIC
	WITH b AS (
		SELECT m, (pg_catalog.date_trunc('month', tren_stunting.periode) - m * interval '1 month')::date AS bulan
		  FROM pg_catalog.generate_series(0, 11) m
	), r AS (
		SELECT b.m, x.kode_desa, x.balita_diukur, x.balita_stunting
		  FROM b CROSS JOIN LATERAL kkb.ringkasan_desa(tren_stunting.wilayah, b.bulan) x
	), a AS (
		SELECT r.kode_desa,
		       coalesce(pg_catalog.sum(r.balita_diukur) FILTER (WHERE r.m = 0), 0) AS n1,
		       coalesce(pg_catalog.sum(r.balita_stunting) FILTER (WHERE r.m = 0), 0) AS k1,
		       coalesce(pg_catalog.sum(r.balita_diukur) FILTER (WHERE r.m > 0), 0) AS n0,
		       coalesce(pg_catalog.sum(r.balita_stunting) FILTER (WHERE r.m > 0), 0) AS k0
		  FROM r GROUP BY r.kode_desa
	), u AS (
		SELECT a.*, CASE WHEN a.n1 > 0 AND a.n0 > 0 THEN (a.k0 + a.k1)::float8 / (a.n0 + a.n1) END AS p
		  FROM a
	)
	SELECT u.kode_desa, u.n1, u.k1, s.persen, s.ci_bawah, s.ci_atas, u.n0, u.k0,
	       CASE WHEN u.n0 > 0 THEN 100.0::float8 * u.k0 / u.n0 END,
	       CASE WHEN u.p > 0 AND u.p < 1
	            THEN (u.k1::float8 / u.n1 - u.k0::float8 / u.n0) / pg_catalog.sqrt(u.p * (1 - u.p) * (1.0 / u.n1 + 1.0 / u.n0)) END,
	       coalesce(CASE WHEN u.p > 0 AND u.p < 1
	            THEN (u.k1::float8 / u.n1 - u.k0::float8 / u.n0) / pg_catalog.sqrt(u.p * (1 - u.p) * (1.0 / u.n1 + 1.0 / u.n0)) > 1.645 END, false)
	  FROM u
	  LEFT JOIN LATERAL (SELECT * FROM kkb.prevalensi_selang(u.k1::bigint, u.n1::bigint) x WHERE u.n1 > 0 AND u.k1 <= u.n1) s ON true
	 ORDER BY u.kode_desa;
END;
COMMENT ON FUNCTION kkb.tren_stunting(kkb.kode_wilayah, date) IS
	'Early warning per Kampung KB under a region: the month''s stunting prevalence with its 95% interval against the 11 months before pooled, and naik_nyata when a one-sided two-proportion z-test says it rose beyond chance (z > 1.645); counts from the monthly indicators; approximate, since months share children';

CREATE FUNCTION kkb.api_tren_stunting(wilayah kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object('wilayah', api_tren_stunting.wilayah::text, 'periode', to_char(api_tren_stunting.periode, 'YYYY-MM'),
	         'total', count(*), 'naik_nyata', count(*) FILTER (WHERE t.naik_nyata),
	         'data', coalesce(json_agg(json_build_object('kode_desa', t.kode_desa::text, 'nama', w.nama,
	                   'balita_diukur', t.balita_diukur, 'balita_stunting', t.balita_stunting, 'persen', round(t.persen::numeric, 2),
	                   'ci_bawah', round(t.ci_bawah::numeric, 2), 'ci_atas', round(t.ci_atas::numeric, 2),
	                   'persen_sebelumnya', round(t.persen_sebelumnya::numeric, 2), 'z', round(t.z::numeric, 3), 'naik_nyata', t.naik_nyata)
	                   ORDER BY t.naik_nyata DESC, t.z DESC NULLS LAST, t.kode_desa), '[]'::json))
	  FROM kkb.tren_stunting(api_tren_stunting.wilayah, api_tren_stunting.periode) t
	  LEFT JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) t.kode_desa
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_tren_stunting(kkb.kode_wilayah, date) IS
	'API GET /v1/tren-stunting: per Kampung KB under a region, the month''s stunting prevalence with its interval against the 11 months before, flagged villages first (kkb.tren_stunting)';

-- Compute and store the monthly indicators of a region for the last `bulan` months, one month
-- per transaction (so a long run keeps what it has done, and a read of a stored month is a
-- lookup): what a city runs nightly (cron: psql -c "CALL kkb.indikator_siapkan('13.77')"), and
-- make run for the demo city.  Reports progress as NOTICEs.
-- (No SET search_path clause: a procedure with one cannot COMMIT; every name is qualified.)
CREATE PROCEDURE kkb.indikator_siapkan(wilayah kkb.kode_wilayah, bulan integer DEFAULT 12)
	LANGUAGE plpgsql AS $f$
DECLARE
	m integer;
	p date;
	n bigint;
	t0 timestamptz;
BEGIN
	IF bulan IS NULL OR bulan OPERATOR(pg_catalog.<) 1 OR bulan OPERATOR(pg_catalog.>) 120 THEN
		RAISE EXCEPTION 'invalid value for "bulan": %', coalesce(bulan::text, 'null')
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Give the number of months back from this one, 1 to 120.';
	END IF;
	FOR m IN 0 .. bulan - 1 LOOP
		p := (pg_catalog.date_trunc('month', CURRENT_DATE) - m * interval '1 month')::date;
		t0 := pg_catalog.clock_timestamp();
		SELECT pg_catalog.count(*) INTO n FROM kkb.ringkasan_desa(indikator_siapkan.wilayah, p);
		COMMIT;
		RAISE NOTICE 'kkb.indikator_siapkan: % - % villages, % s', pg_catalog.to_char(p, 'YYYY-MM'), n,
			pg_catalog.round(extract(epoch FROM pg_catalog.clock_timestamp() - t0)::numeric, 1);
	END LOOP;
END $f$;
COMMENT ON PROCEDURE kkb.indikator_siapkan(kkb.kode_wilayah, integer) IS
	'Computes and stores the monthly indicators (kkb.indikator_bulanan) of the Kampung KB under a region for the last `bulan` months (default 12), one month per transaction, with progress notices; the nightly job that keeps roll-ups and trends (kkb.tren_stunting, /v1/tren-stunting) fast';

-- One village's stored monthly indicators for the month `bulan_lalu` months before the current
-- one, recomputed if stale (kkb.ringkasan_desa): what kkb-gateway's refresher calls, one month
-- per transaction, for each village the change counters announced on channel kkb_indikator
-- (gateway/src/penyegar.c).  Returns the village's rows for that month (0 or 1).
CREATE FUNCTION kkb.indikator_segarkan(kode_desa kkb.kode_wilayah, bulan_lalu integer DEFAULT 0) RETURNS bigint
	LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF kkb.tingkat(indikator_segarkan.kode_desa) IS DISTINCT FROM 4 OR indikator_segarkan.bulan_lalu IS NULL
	   OR indikator_segarkan.bulan_lalu < 0 OR indikator_segarkan.bulan_lalu > 120 THEN
		RAISE EXCEPTION 'kkb.indikator_segarkan needs a village code and 0 to 120 months back, not % and %',
			coalesce(indikator_segarkan.kode_desa::text, 'null'), coalesce(indikator_segarkan.bulan_lalu::text, 'null')
			USING ERRCODE = 'invalid_parameter_value', HINT = 'E.g. kkb.indikator_segarkan(''13.77.01.1001'', 0) for this month.';
	END IF;
	RETURN (SELECT pg_catalog.count(*) FROM kkb.ringkasan_desa(indikator_segarkan.kode_desa,
	          (pg_catalog.date_trunc('month', CURRENT_DATE) - indikator_segarkan.bulan_lalu * interval '1 month')::date));
END $f$;
COMMENT ON FUNCTION kkb.indikator_segarkan(kkb.kode_wilayah, integer) IS
	'Recomputes one village''s stored monthly indicators (kkb.indikator_bulanan) for the month bulan_lalu months before the current one, if stale; what the gateway''s refresher calls after writes (LISTEN kkb_indikator); returns the rows of that village-month (0 or 1)';
REVOKE EXECUTE ON FUNCTION kkb.indikator_segarkan(kkb.kode_wilayah, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.indikator_segarkan(kkb.kode_wilayah, integer) TO kkb_admin;

-- The villages whose stored monthly indicators of the last `bulan` months are stale because the
-- village's rows changed since (its change counter moved on) - villages that are Kampung KB (a
-- removed one's rows cannot be recomputed) - : what the refresher sweeps for where
-- it hears no announcement - on a Citus cluster the change counters' trigger runs on the workers,
-- whose NOTIFY reaches no listener of the coordinator - and after its connection was lost.
-- (A change of the reference data makes every row stale: that is the nightly job's.)  With its
-- owner's rights (the stored rows are not the working roles' to read); only kkb_admin may run it.
CREATE FUNCTION kkb._indikator_basi(bulan integer, batas integer DEFAULT 4096) RETURNS SETOF text
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF bulan IS NULL OR bulan NOT BETWEEN 1 AND 120 OR batas IS NULL OR batas < 1 THEN
		RAISE EXCEPTION 'kkb._indikator_basi needs 1 to 120 months and a positive limit, not % and %',
			coalesce(bulan::text, 'null'), coalesce(batas::text, 'null') USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	SELECT x.kode FROM (SELECT DISTINCT i.kode_desa::text AS kode
	                      FROM kkb.indikator_bulanan i JOIN kkb.versi_desa v ON v.kode_desa = i.kode_desa
	                      JOIN kkb.kampung k ON k.kode_desa = i.kode_desa
	                     WHERE i.periode >= (pg_catalog.date_trunc('month', CURRENT_DATE) - (bulan - 1) * interval '1 month')::date
	                       AND i.versi_desa < v.versi) x
	 ORDER BY x.kode LIMIT batas;
END $f$;
COMMENT ON FUNCTION kkb._indikator_basi(integer, integer) IS
	'Internal (the gateway''s refresher): villages whose stored monthly indicators of the last bulan months are older than their rows (change counter), at most batas, in code order';
REVOKE EXECUTE ON FUNCTION kkb._indikator_basi(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb._indikator_basi(integer, integer) TO kkb_admin;

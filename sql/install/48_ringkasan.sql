-- 48_ringkasan.sql - aggregates (ringkasan = summary) of the Kampung KB of a
-- region, per region of a chosen level: what a provincial portal shows for
-- every city and regency side by side, and a city for each kecamatan.
--
-- Only counts leave these functions, never people, so kkb.ringkasan_desa runs
-- with its owner's rights (the by-name records it counts are not readable by
-- a province or an agency); it answers only within the caller's scope.

-- The figures of every Kampung KB under a region for a month, each from the
-- village profile (kkb.profil_desa's sources: by-name records, else the
-- monthly report, else the entered value) and the village class
-- (kkb.klasifikasi_wilayah), so they agree with the village routes.
-- Stored rows of kkb.indikator_bulanan (48_indikator.sql) are used while the
-- versions they were computed at hold; the missing and stale ones are computed
-- here and stored (unless the transaction is read-only or the server a
-- standby), so a month is computed once per change of a village.  Months
-- after the current one have no figures (kkb._nilai_individu) and are never
-- stored.
CREATE FUNCTION kkb.ringkasan_desa(wilayah kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, kelas text, kelengkapan numeric, pus numeric, unmet_need numeric,
	               balita_diukur numeric, balita_stunting numeric, keluarga_berisiko numeric)
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_bulan date;
	v_kini date := pg_catalog.date_trunc('month', CURRENT_DATE)::date;
	v_acuan bigint;
	v_basi kkb.kode_wilayah[];		-- villages without a stored row that still holds
	v_versi bigint[];				-- their data versions
	v_baru kkb.indikator_bulanan[] := '{}';	-- their rows, computed now
BEGIN
	IF ringkasan_desa.wilayah IS NULL OR ringkasan_desa.periode IS NULL THEN
		RAISE EXCEPTION 'kkb.ringkasan_desa needs a region and a month'
			USING ERRCODE = 'null_value_not_allowed', HINT = 'E.g. kkb.ringkasan_desa(''13.77'', ''2026-10-01'').';
	END IF;
	PERFORM kkb._lingkup_cek(ringkasan_desa.wilayah);
	v_bulan := pg_catalog.date_trunc('month', ringkasan_desa.periode)::date;
	SELECT v.versi INTO v_acuan FROM kkb.versi_acuan v;

	SELECT pg_catalog.array_agg(k.kode_desa ORDER BY k.kode_desa), pg_catalog.array_agg(coalesce(vd.versi, 0) ORDER BY k.kode_desa)
	  INTO v_basi, v_versi
	  FROM kkb.kampung k LEFT JOIN kkb.versi_desa vd ON vd.kode_desa OPERATOR(kkb.=) k.kode_desa
	 WHERE k.kode_desa OPERATOR(kkb.<@) ringkasan_desa.wilayah
	   AND NOT EXISTS (SELECT FROM kkb.indikator_bulanan i
	                    WHERE i.kode_desa OPERATOR(kkb.=) k.kode_desa AND i.periode = v_bulan
	                      AND i.versi_desa = coalesce(vd.versi, 0) AND i.versi_acuan = v_acuan
	                      AND (v_bulan < v_kini OR i.dihitung_pada = CURRENT_DATE));

	IF v_basi IS NOT NULL THEN
		-- the class of each stale village alone: one changed village of a province must not reclassify the province
		WITH elemen AS (
			SELECT e.kode FROM kkb.elemen_data e
		)
		SELECT pg_catalog.array_agg(ROW(s.kode_desa, v_bulan, kl.klasifikasi, v.kelengkapan, v.pus,
		                                CASE WHEN v.iat IS NOT NULL OR v.tial IS NOT NULL THEN coalesce(v.iat, 0) + coalesce(v.tial, 0) END,
		                                v.diukur, v.stunting, v.krs, s.versi, v_acuan, CURRENT_DATE)::kkb.indikator_bulanan
		                            ORDER BY s.kode_desa)
		  INTO v_baru
		  FROM ROWS FROM (pg_catalog.unnest(v_basi), pg_catalog.unnest(v_versi)) s(kode_desa, versi)
		  LEFT JOIN LATERAL kkb.klasifikasi_wilayah(s.kode_desa, v_bulan) kl ON true
		 CROSS JOIN LATERAL (
			SELECT pg_catalog.round(pg_catalog.count(*) FILTER (WHERE n.kode IN (SELECT kode FROM elemen))::numeric
			                        / (SELECT pg_catalog.count(*) FROM elemen), 4) AS kelengkapan,
			       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'pus') AS pus,
			       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'tidak_kb_iat') AS iat,
			       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'tidak_kb_tial') AS tial,
			       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'balita_diukur') AS diukur,
			       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'balita_stunting') AS stunting,
			       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'keluarga_krs') AS krs
			  FROM kkb._nilai_semua(s.kode_desa, v_bulan) n) v;
		-- stored for the next reader where this transaction may write; a month after the current one never
		IF v_bulan <= v_kini AND NOT pg_catalog.pg_is_in_recovery()
		   AND pg_catalog.current_setting('transaction_read_only') = 'off' THEN
			INSERT INTO kkb.indikator_bulanan AS i
			SELECT b.* FROM pg_catalog.unnest(v_baru) b
			ON CONFLICT ON CONSTRAINT indikator_bulanan_pkey DO UPDATE
			   SET kelas = EXCLUDED.kelas, kelengkapan = EXCLUDED.kelengkapan, pus = EXCLUDED.pus, unmet_need = EXCLUDED.unmet_need,
			       balita_diukur = EXCLUDED.balita_diukur, balita_stunting = EXCLUDED.balita_stunting,
			       keluarga_berisiko = EXCLUDED.keluarga_berisiko, versi_desa = EXCLUDED.versi_desa,
			       versi_acuan = EXCLUDED.versi_acuan, dihitung_pada = EXCLUDED.dihitung_pada;
		END IF;
	END IF;

	-- the stored rows of the other villages, and the rows computed now
	RETURN QUERY
	SELECT i.kode_desa::kkb.kode_wilayah, i.kelas, i.kelengkapan, i.pus, i.unmet_need, i.balita_diukur, i.balita_stunting, i.keluarga_berisiko
	  FROM kkb.kampung k JOIN kkb.indikator_bulanan i ON i.kode_desa OPERATOR(kkb.=) k.kode_desa AND i.periode = v_bulan
	 WHERE k.kode_desa OPERATOR(kkb.<@) ringkasan_desa.wilayah
	   AND NOT (k.kode_desa::kkb.kode_wilayah = ANY (coalesce(v_basi, '{}')))
	UNION ALL
	SELECT b.kode_desa::kkb.kode_wilayah, b.kelas, b.kelengkapan, b.pus, b.unmet_need, b.balita_diukur, b.balita_stunting, b.keluarga_berisiko
	  FROM pg_catalog.unnest(v_baru) b
	 ORDER BY 1;
END $f$;
COMMENT ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date) IS
	'Figures of every Kampung KB under a region for a month: class, completeness (as kkb.kelengkapan), PUS, unmet need (IAT + TIAL), children measured, stunted children, families at risk of stunting - each from the village profile. Counts only; within the caller''s scope.';

-- The region that contains `kode` at level `tingkat` (1 province .. 4 village).
CREATE FUNCTION kkb._wilayah_pada(kode kkb.kode_wilayah, tingkat integer) RETURNS kkb.kode_wilayah
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE tingkat WHEN 1 THEN kkb.provinsi(kode) WHEN 2 THEN kkb.kabkota(kode) WHEN 3 THEN kkb.kecamatan(kode) ELSE kode END;
COMMENT ON FUNCTION kkb._wilayah_pada(kkb.kode_wilayah, integer) IS 'Internal: the region containing a code at a level (1..4)';

-- One row per region of level `tingkat` under `wilayah` (every region of that
-- level, also those without a Kampung KB); tingkat defaults to the level below
-- the region (a village: itself).  With `total`, the region's own row comes
-- too (first), computed in the same pass with the same formulas.
CREATE FUNCTION kkb.ringkasan(wilayah kkb.kode_wilayah, periode date, tingkat integer DEFAULT NULL, total boolean DEFAULT false)
	RETURNS TABLE (kode kkb.kode_wilayah, nama text, induk kkb.kode_wilayah, desa bigint, kampung_kb bigint,
	               kelas text, dasar bigint, berkembang bigint, mandiri bigint, berkelanjutan bigint, kelengkapan numeric,
	               balita_diukur bigint, balita_stunting bigint, prevalensi_stunting numeric,
	               pus bigint, unmet_need bigint, persen_unmet_need numeric, keluarga_berisiko bigint)
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	sendiri integer := kkb.tingkat(ringkasan.wilayah);
	t integer := coalesce(ringkasan.tingkat, LEAST(sendiri + 1, 4));
BEGIN
	IF ringkasan.wilayah IS NULL OR ringkasan.periode IS NULL THEN
		RAISE EXCEPTION 'kkb.ringkasan needs a region and a month'
			USING ERRCODE = 'null_value_not_allowed', HINT = 'E.g. kkb.ringkasan(''13'', ''2026-10-01'', 2) for every regency and city of a province.';
	END IF;
	IF NOT kkb.wilayah_ada(ringkasan.wilayah) THEN
		RAISE EXCEPTION 'region % is not in the national region list', ringkasan.wilayah
			USING ERRCODE = 'no_data_found';
	END IF;
	IF t < sendiri OR t > 4 THEN
		RAISE EXCEPTION 'level (tingkat) % is not between % (the region itself) and 4 (villages)', t, sendiri
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = '1 province, 2 regency/city, 3 district (kecamatan), 4 village; e.g. tingkat=2 within a province.';
	END IF;
	RETURN QUERY
	WITH d AS (
		SELECT kkb._wilayah_pada(r.kode_desa, t) AS kode, r.* FROM kkb.ringkasan_desa(ringkasan.wilayah, ringkasan.periode) r
	), jumlah_desa AS (
		SELECT CASE WHEN GROUPING(kkb._wilayah_pada(w.kode, t)) = 0 THEN kkb._wilayah_pada(w.kode, t) ELSE ringkasan.wilayah END AS kode,
		       GROUPING(kkb._wilayah_pada(w.kode, t)) = 1 AS adalah_total, pg_catalog.count(*) AS n
		  FROM kkb.wilayah w WHERE w.tingkat = 4 AND w.kode OPERATOR(kkb.<@) ringkasan.wilayah
		 GROUP BY GROUPING SETS ((kkb._wilayah_pada(w.kode, t)), ())
	), g AS (
		-- per region of level t, and () for the region itself
		SELECT CASE WHEN GROUPING(d.kode) = 0 THEN d.kode ELSE ringkasan.wilayah END AS kode,
		       GROUPING(d.kode) = 1 AS adalah_total,
		       pg_catalog.count(*) AS kampung_kb,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Dasar') AS dasar,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Berkembang') AS berkembang,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Mandiri') AS mandiri,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Berkelanjutan') AS berkelanjutan,
		       CASE WHEN pg_catalog.count(*) = 1 AND t = 4 THEN pg_catalog.min(d.kelas) END AS kelas,
		       pg_catalog.round(pg_catalog.avg(d.kelengkapan), 4) AS kelengkapan,
		       pg_catalog.sum(d.balita_diukur)::bigint AS diukur, pg_catalog.sum(d.balita_stunting)::bigint AS stunting,
		       pg_catalog.sum(d.pus)::bigint AS pus, pg_catalog.sum(d.unmet_need)::bigint AS unmet,
		       pg_catalog.sum(d.pus) FILTER (WHERE d.unmet_need IS NOT NULL) AS pus_unmet,
		       pg_catalog.sum(d.unmet_need) FILTER (WHERE d.pus IS NOT NULL) AS unmet_pus,
		       pg_catalog.sum(d.keluarga_berisiko)::bigint AS krs
		  FROM d GROUP BY GROUPING SETS ((d.kode), ())
	), baris AS (
		SELECT w.kode, w.nama, w.induk, w.tingkat, false AS adalah_total FROM kkb.wilayah w
		 WHERE w.tingkat = t AND w.kode OPERATOR(kkb.<@) ringkasan.wilayah
		UNION ALL
		SELECT w.kode, w.nama, w.induk, w.tingkat, true FROM kkb.wilayah w
		 WHERE ringkasan.total AND t > sendiri AND w.kode OPERATOR(kkb.=) ringkasan.wilayah
	)
	SELECT b.kode, b.nama, b.induk,
	       coalesce(j.n, CASE WHEN b.tingkat = 4 THEN 1 ELSE 0 END), coalesce(g.kampung_kb, 0), g.kelas,
	       coalesce(g.dasar, 0), coalesce(g.berkembang, 0), coalesce(g.mandiri, 0), coalesce(g.berkelanjutan, 0), g.kelengkapan,
	       g.diukur, g.stunting,
	       CASE WHEN g.diukur > 0 THEN pg_catalog.round(100.0 * g.stunting / g.diukur, 2) END,
	       g.pus, g.unmet,
	       CASE WHEN g.pus_unmet > 0 THEN pg_catalog.round(100.0 * g.unmet_pus / g.pus_unmet, 2) END,
	       g.krs
	  FROM baris b
	  LEFT JOIN g ON g.kode OPERATOR(kkb.=) b.kode AND g.adalah_total = (b.adalah_total OR t = sendiri)
	  LEFT JOIN jumlah_desa j ON j.kode OPERATOR(kkb.=) b.kode AND j.adalah_total = (b.adalah_total OR t = sendiri)
	 ORDER BY b.adalah_total DESC, b.kode;
END $f$;
COMMENT ON FUNCTION kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean) IS
	'Summary (ringkasan) of the Kampung KB under a region for a month, one row per region of level tingkat (2 regency/city, 3 kecamatan, 4 village; default: one level below), and with total the region''s own row first: villages, Kampung KB, Kampung KB per class, mean completeness, children measured and stunted with the prevalence in percent, PUS and unmet need with its percentage, families at risk of stunting. Sums of kkb.ringkasan_desa.';

REVOKE EXECUTE ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date), kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date), kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean)
	TO kkb_admin, kkb_opd, kkb_analis, kkb_provinsi;

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
	               balita_diukur numeric, balita_stunting numeric, keluarga_berisiko numeric,
	               balita_wasting numeric, balita_underweight numeric, peserta_kb numeric, peserta_mkjp numeric,
	               input_pokja integer, input_sumber_dana integer, input_poktan integer, input_sarana integer, input_pkb integer,
	               proses_penggunaan_data integer, proses_operasional integer, proses_lintas_sektor integer,
	               output_poktan integer, output_cpr integer, output_mkjp integer, output_unmet integer,
	               indeks_input numeric, indeks_proses numeric, indeks_output numeric, nilai jsonb, sumber jsonb)
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_bulan date;
	v_kini date := pg_catalog.date_trunc('month', CURRENT_DATE)::date;
	v_acuan bigint;
	v_basi kkb.kode_wilayah[];		-- villages without a stored row that still holds
	v_versi bigint[];				-- their data versions
	v_baru kkb.indikator_bulanan[] := '{}';	-- their rows, computed now
BEGIN
	IF ringkasan_desa.periode IS NULL THEN
		RAISE EXCEPTION 'kkb.ringkasan_desa needs a month'
			USING ERRCODE = 'null_value_not_allowed', HINT = 'E.g. kkb.ringkasan_desa(''13.77'', ''2026-10-01''); a NULL region is the whole country.';
	END IF;
	PERFORM kkb._lingkup_cek(ringkasan_desa.wilayah);
	v_bulan := pg_catalog.date_trunc('month', ringkasan_desa.periode)::date;
	SELECT v.versi INTO v_acuan FROM kkb.versi_acuan v;

	SELECT pg_catalog.array_agg(k.kode_desa ORDER BY k.kode_desa), pg_catalog.array_agg(coalesce(vd.versi, 0) ORDER BY k.kode_desa)
	  INTO v_basi, v_versi
	  FROM kkb.kampung k LEFT JOIN kkb.versi_desa vd ON vd.kode_desa OPERATOR(kkb.=) k.kode_desa
	 WHERE (ringkasan_desa.wilayah IS NULL OR k.kode_desa OPERATOR(kkb.<@) ringkasan_desa.wilayah)
	   AND NOT EXISTS (SELECT FROM kkb.indikator_bulanan i
	                    WHERE i.kode_desa OPERATOR(kkb.=) k.kode_desa AND i.periode = v_bulan
	                      AND i.versi_desa = coalesce(vd.versi, 0) AND i.versi_acuan = v_acuan
	                      AND (v_bulan < v_kini OR i.dihitung_pada = CURRENT_DATE));

	IF v_basi IS NOT NULL THEN
		-- the class of each stale village alone: one changed village of a province must not reclassify the province
		SELECT pg_catalog.array_agg(ROW(s.kode_desa, v_bulan, kl.klasifikasi, v.kelengkapan, (v.n ->> 'pus')::numeric,
		                                CASE WHEN v.n ? 'tidak_kb_iat' OR v.n ? 'tidak_kb_tial'
		                                     THEN coalesce((v.n ->> 'tidak_kb_iat')::numeric, 0) + coalesce((v.n ->> 'tidak_kb_tial')::numeric, 0) END,
		                                (v.n ->> 'balita_diukur')::numeric, (v.n ->> 'balita_stunting')::numeric, (v.n ->> 'keluarga_krs')::numeric,
		                                s.versi, v_acuan, CURRENT_DATE, v.n, v.sumber,
		                                (v.n ->> 'balita_wasting')::numeric, (v.n ->> 'balita_underweight')::numeric,
		                                (SELECT pg_catalog.sum((v.n ->> x)::numeric) FROM pg_catalog.unnest(ARRAY['kb_iud', 'kb_mow', 'kb_mop', 'kb_implan', 'kb_kondom', 'kb_suntik', 'kb_pil']) x),
		                                (SELECT pg_catalog.sum((v.n ->> x)::numeric) FROM pg_catalog.unnest(ARRAY['kb_iud', 'kb_mow', 'kb_mop', 'kb_implan']) x),
		                                kl.input_pokja, kl.input_sumber_dana, kl.input_poktan, kl.input_sarana, kl.input_pkb,
		                                kl.proses_penggunaan_data, kl.proses_operasional, kl.proses_lintas_sektor,
		                                kl.output_poktan, kl.output_cpr, kl.output_mkjp, kl.output_unmet,
		                                kl.indeks_input, kl.indeks_proses, kl.indeks_output)::kkb.indikator_bulanan
		                            ORDER BY s.kode_desa)
		  INTO v_baru
		  FROM ROWS FROM (pg_catalog.unnest(v_basi), pg_catalog.unnest(v_versi)) s(kode_desa, versi)
		  LEFT JOIN LATERAL kkb.klasifikasi_wilayah(s.kode_desa, v_bulan) kl ON true
		 CROSS JOIN LATERAL (
			SELECT pg_catalog.round(pg_catalog.count(*) FILTER (WHERE e.kode IS NOT NULL)::numeric
			                        / (SELECT pg_catalog.count(*) FROM kkb.elemen_data), 4) AS kelengkapan,
			       coalesce(pg_catalog.jsonb_object_agg(n.kode, n.nilai), '{}') AS n,
			       coalesce(pg_catalog.jsonb_object_agg(n.kode, n.sumber), '{}') AS sumber
			  FROM kkb._nilai_semua(s.kode_desa, v_bulan) n LEFT JOIN kkb.elemen_data e ON e.kode = n.kode) v;
		-- stored for the next reader where this transaction may write; a month after the current one never
		IF v_bulan <= v_kini AND NOT pg_catalog.pg_is_in_recovery()
		   AND pg_catalog.current_setting('transaction_read_only') = 'off' THEN
			INSERT INTO kkb.indikator_bulanan AS i
			SELECT b.* FROM pg_catalog.unnest(v_baru) b
			ON CONFLICT ON CONSTRAINT indikator_bulanan_pkey DO UPDATE
			   SET (kelas, kelengkapan, pus, unmet_need, balita_diukur, balita_stunting, keluarga_berisiko,
			        versi_desa, versi_acuan, dihitung_pada, nilai, sumber, balita_wasting, balita_underweight, peserta_kb, peserta_mkjp,
			        input_pokja, input_sumber_dana, input_poktan, input_sarana, input_pkb,
			        proses_penggunaan_data, proses_operasional, proses_lintas_sektor,
			        output_poktan, output_cpr, output_mkjp, output_unmet, indeks_input, indeks_proses, indeks_output)
			     = (EXCLUDED.kelas, EXCLUDED.kelengkapan, EXCLUDED.pus, EXCLUDED.unmet_need, EXCLUDED.balita_diukur,
			        EXCLUDED.balita_stunting, EXCLUDED.keluarga_berisiko, EXCLUDED.versi_desa, EXCLUDED.versi_acuan,
			        EXCLUDED.dihitung_pada, EXCLUDED.nilai, EXCLUDED.sumber, EXCLUDED.balita_wasting, EXCLUDED.balita_underweight,
			        EXCLUDED.peserta_kb, EXCLUDED.peserta_mkjp, EXCLUDED.input_pokja, EXCLUDED.input_sumber_dana,
			        EXCLUDED.input_poktan, EXCLUDED.input_sarana, EXCLUDED.input_pkb, EXCLUDED.proses_penggunaan_data,
			        EXCLUDED.proses_operasional, EXCLUDED.proses_lintas_sektor, EXCLUDED.output_poktan, EXCLUDED.output_cpr,
			        EXCLUDED.output_mkjp, EXCLUDED.output_unmet, EXCLUDED.indeks_input, EXCLUDED.indeks_proses, EXCLUDED.indeks_output)
			 -- never over a row computed from newer data (a long read that began before a write the refresher has stored)
			 WHERE i.versi_desa <= EXCLUDED.versi_desa AND i.versi_acuan <= EXCLUDED.versi_acuan;
		END IF;
	END IF;

	-- the stored rows of the other villages, and the rows computed now
	RETURN QUERY
	SELECT i.kode_desa::kkb.kode_wilayah, i.kelas, i.kelengkapan, i.pus, i.unmet_need, i.balita_diukur, i.balita_stunting, i.keluarga_berisiko,
	       i.balita_wasting, i.balita_underweight, i.peserta_kb, i.peserta_mkjp,
	       i.input_pokja, i.input_sumber_dana, i.input_poktan, i.input_sarana, i.input_pkb,
	       i.proses_penggunaan_data, i.proses_operasional, i.proses_lintas_sektor,
	       i.output_poktan, i.output_cpr, i.output_mkjp, i.output_unmet, i.indeks_input, i.indeks_proses, i.indeks_output, i.nilai, i.sumber
	  FROM kkb.kampung k JOIN kkb.indikator_bulanan i ON i.kode_desa OPERATOR(kkb.=) k.kode_desa AND i.periode = v_bulan
	 WHERE (ringkasan_desa.wilayah IS NULL OR k.kode_desa OPERATOR(kkb.<@) ringkasan_desa.wilayah)
	   AND NOT (k.kode_desa::kkb.kode_wilayah = ANY (coalesce(v_basi, '{}')))
	UNION ALL
	SELECT b.kode_desa::kkb.kode_wilayah, b.kelas, b.kelengkapan, b.pus, b.unmet_need, b.balita_diukur, b.balita_stunting, b.keluarga_berisiko,
	       b.balita_wasting, b.balita_underweight, b.peserta_kb, b.peserta_mkjp,
	       b.input_pokja, b.input_sumber_dana, b.input_poktan, b.input_sarana, b.input_pkb,
	       b.proses_penggunaan_data, b.proses_operasional, b.proses_lintas_sektor,
	       b.output_poktan, b.output_cpr, b.output_mkjp, b.output_unmet, b.indeks_input, b.indeks_proses, b.indeks_output, b.nilai, b.sumber
	  FROM pg_catalog.unnest(v_baru) b
	 ORDER BY 1;
END $f$;
COMMENT ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date) IS
	'Monthly indicators of every Kampung KB under a region (NULL: the whole country) for a month: class with its 12 scores and 3 indices, completeness (as kkb.kelengkapan), PUS, unmet need (IAT + TIAL), children measured, stunted, wasted and underweight, contraceptive users and of them MKJP, families at risk of stunting, and every item with its source (nilai, sumber jsonb) - each from the village profile. Counts only; within the caller''s scope.';

-- The region that contains `kode` at level `tingkat` (1 province .. 4 village).
CREATE FUNCTION kkb._wilayah_pada(kode kkb.kode_wilayah, tingkat integer) RETURNS kkb.kode_wilayah
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE tingkat WHEN 1 THEN kkb.provinsi(kode) WHEN 2 THEN kkb.kabkota(kode) WHEN 3 THEN kkb.kecamatan(kode) ELSE kode END;
COMMENT ON FUNCTION kkb._wilayah_pada(kkb.kode_wilayah, integer) IS 'Internal: the region containing a code at a level (1..4)';

-- One row per region of level `tingkat` under `wilayah` (every region of that
-- level, also those without a Kampung KB); tingkat defaults to the level below
-- the region (a village: itself).  A NULL region is the whole country (its
-- default level: the provinces).  With `total`, the region's own row comes
-- too (first), computed in the same pass with the same formulas; the
-- country's own row has no code and the name Indonesia.
-- Prevalences are percentages of the children measured, with the stunting
-- prevalence's 95% interval as WHO's anthro computes it for unweighted data
-- (kkb.prevalensi_selang over the summed counts); wasting and underweight
-- count by-name measurements only, so their denominators are the children
-- measured in villages with by-name measurements.
CREATE FUNCTION kkb.ringkasan(wilayah kkb.kode_wilayah, periode date, tingkat integer DEFAULT NULL, total boolean DEFAULT false)
	RETURNS TABLE (kode kkb.kode_wilayah, nama text, induk kkb.kode_wilayah, desa bigint, kampung_kb bigint,
	               kelas text, dasar bigint, berkembang bigint, mandiri bigint, berkelanjutan bigint, kelengkapan numeric,
	               balita_diukur bigint, balita_stunting bigint, prevalensi_stunting numeric,
	               pus bigint, unmet_need bigint, persen_unmet_need numeric, keluarga_berisiko bigint,
	               stunting_ci_bawah numeric, stunting_ci_atas numeric,
	               balita_wasting bigint, prevalensi_wasting numeric, balita_underweight bigint, prevalensi_underweight numeric,
	               peserta_kb bigint, persen_cpr numeric, peserta_mkjp bigint, persen_mkjp numeric)
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	sendiri integer := coalesce(kkb.tingkat(ringkasan.wilayah), 0);
	t integer := coalesce(ringkasan.tingkat, LEAST(sendiri + 1, 4));
BEGIN
	IF ringkasan.periode IS NULL THEN
		RAISE EXCEPTION 'kkb.ringkasan needs a month'
			USING ERRCODE = 'null_value_not_allowed', HINT = 'E.g. kkb.ringkasan(''13'', ''2026-10-01'', 2) for every regency and city of a province; kkb.ringkasan(NULL, ''2026-10-01'') for every province.';
	END IF;
	IF ringkasan.wilayah IS NOT NULL AND NOT kkb.wilayah_ada(ringkasan.wilayah) THEN
		RAISE EXCEPTION 'region % is not in the national region list', ringkasan.wilayah
			USING ERRCODE = 'no_data_found';
	END IF;
	IF t < GREATEST(sendiri, 1) OR t > 4 THEN
		RAISE EXCEPTION 'level (tingkat) % is not between % (the region itself) and 4 (villages)', t, GREATEST(sendiri, 1)
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = '1 province, 2 regency/city, 3 district (kecamatan), 4 village; e.g. tingkat=2 within a province.';
	END IF;
	RETURN QUERY
	WITH d AS (
		SELECT kkb._wilayah_pada(r.kode_desa, t) AS kode, r.* FROM kkb.ringkasan_desa(ringkasan.wilayah, ringkasan.periode) r
	), jumlah_desa AS (
		SELECT CASE WHEN GROUPING(kkb._wilayah_pada(w.kode, t)) = 0 THEN kkb._wilayah_pada(w.kode, t) ELSE ringkasan.wilayah END AS kode,
		       GROUPING(kkb._wilayah_pada(w.kode, t)) = 1 AS adalah_total, pg_catalog.count(*) AS n
		  FROM kkb.wilayah w WHERE w.tingkat = 4 AND (ringkasan.wilayah IS NULL OR w.kode OPERATOR(kkb.<@) ringkasan.wilayah)
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
		       pg_catalog.sum(d.keluarga_berisiko)::bigint AS krs,
		       pg_catalog.sum(d.balita_wasting)::bigint AS wasting,
		       pg_catalog.sum(d.balita_diukur) FILTER (WHERE d.balita_wasting IS NOT NULL) AS diukur_wasting,
		       pg_catalog.sum(d.balita_underweight)::bigint AS underweight,
		       pg_catalog.sum(d.balita_diukur) FILTER (WHERE d.balita_underweight IS NOT NULL) AS diukur_underweight,
		       pg_catalog.sum(d.peserta_kb)::bigint AS kb,
		       pg_catalog.sum(d.peserta_kb) FILTER (WHERE d.pus IS NOT NULL) AS kb_pus,
		       pg_catalog.sum(d.pus) FILTER (WHERE d.peserta_kb IS NOT NULL) AS pus_kb,
		       pg_catalog.sum(d.peserta_mkjp)::bigint AS mkjp,
		       pg_catalog.sum(d.peserta_kb) FILTER (WHERE d.peserta_mkjp IS NOT NULL) AS kb_mkjp
		  FROM d GROUP BY GROUPING SETS ((d.kode), ())
	), baris AS (
		SELECT w.kode, w.nama, w.induk, w.tingkat, false AS adalah_total FROM kkb.wilayah w
		 WHERE w.tingkat = t AND (ringkasan.wilayah IS NULL OR w.kode OPERATOR(kkb.<@) ringkasan.wilayah)
		UNION ALL
		SELECT w.kode, w.nama, w.induk, w.tingkat, true FROM kkb.wilayah w
		 WHERE ringkasan.total AND t > sendiri AND w.kode OPERATOR(kkb.=) ringkasan.wilayah
		UNION ALL
		SELECT NULL, 'Indonesia', NULL, 0, true WHERE ringkasan.total AND ringkasan.wilayah IS NULL
	)
	SELECT b.kode, b.nama, b.induk,
	       coalesce(j.n, CASE WHEN b.tingkat = 4 THEN 1 ELSE 0 END), coalesce(g.kampung_kb, 0), g.kelas,
	       coalesce(g.dasar, 0), coalesce(g.berkembang, 0), coalesce(g.mandiri, 0), coalesce(g.berkelanjutan, 0), g.kelengkapan,
	       g.diukur, g.stunting,
	       CASE WHEN g.diukur > 0 THEN pg_catalog.round(100.0 * g.stunting / g.diukur, 2) END,
	       g.pus, g.unmet,
	       CASE WHEN g.pus_unmet > 0 THEN pg_catalog.round(100.0 * g.unmet_pus / g.pus_unmet, 2) END,
	       g.krs,
	       pg_catalog.round(s.ci_bawah::numeric, 2), pg_catalog.round(s.ci_atas::numeric, 2),
	       g.wasting, CASE WHEN g.diukur_wasting > 0 THEN pg_catalog.round(100.0 * g.wasting / g.diukur_wasting, 2) END,
	       g.underweight, CASE WHEN g.diukur_underweight > 0 THEN pg_catalog.round(100.0 * g.underweight / g.diukur_underweight, 2) END,
	       g.kb, CASE WHEN g.pus_kb > 0 THEN pg_catalog.round(100.0 * g.kb_pus / g.pus_kb, 2) END,
	       g.mkjp, CASE WHEN g.kb_mkjp > 0 THEN pg_catalog.round(100.0 * g.mkjp / g.kb_mkjp, 2) END
	  FROM baris b
	  LEFT JOIN g ON (g.kode OPERATOR(kkb.=) b.kode OR (g.kode IS NULL AND b.kode IS NULL))
	             AND g.adalah_total = (b.adalah_total OR t = sendiri)
	  LEFT JOIN jumlah_desa j ON (j.kode OPERATOR(kkb.=) b.kode OR (j.kode IS NULL AND b.kode IS NULL))
	             AND j.adalah_total = (b.adalah_total OR t = sendiri)
	  -- no interval where nobody was measured or the report counts more stunted than measured (NULL k: NULL)
	  LEFT JOIN LATERAL kkb.prevalensi_selang(CASE WHEN g.diukur > 0 AND g.stunting <= g.diukur THEN g.stunting END, g.diukur) s ON true
	 ORDER BY b.adalah_total DESC, b.kode;
END $f$;
COMMENT ON FUNCTION kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean) IS
	'Summary (ringkasan) of the Kampung KB under a region (NULL: the whole country) for a month, one row per region of level tingkat (1 province, 2 regency/city, 3 kecamatan, 4 village; default: one level below), and with total the region''s own row first: villages, Kampung KB, Kampung KB per class, mean completeness, children measured and stunted with the prevalence in percent and its 95% interval, wasted and underweight children with their prevalences, PUS and unmet need with its percentage, contraceptive users (CPR) and of them MKJP, families at risk of stunting. Sums of kkb.ringkasan_desa.';

REVOKE EXECUTE ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date), kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date), kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean)
	TO kkb_admin, kkb_opd, kkb_analis, kkb_provinsi;

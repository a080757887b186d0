-- 44_nilai.sql - the values of a village's data items for a month: computed
-- from by-name records (frozen at approval), read from the monthly report or
-- entered; the profile and its completeness.  Functions only, so that an
-- upgrade replays this part whole (sql/upgrade/README.md).

-- The first day a village's records speak of: its earliest measurement, vital
-- event, monthly report or entered value, or the day its oldest unchanged
-- family or member row was written (interventions are the agencies' work, not
-- the village's register, and may be older).  By-name figures start with
-- that month: the register of today says nothing about the months before it.
CREATE FUNCTION kkb._data_mulai(kode_desa kkb.kode_wilayah) RETURNS date
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	RETURN LEAST((SELECT pg_catalog.min(m.tanggal_ukur) FROM kkb.pengukuran m WHERE m.kode_desa OPERATOR(kkb.=) _data_mulai.kode_desa),
	             (SELECT pg_catalog.min(v.tanggal) FROM kkb.peristiwa v WHERE v.kode_desa OPERATOR(kkb.=) _data_mulai.kode_desa),
	             (SELECT pg_catalog.min(d.periode) FROM kkb.penduduk d WHERE d.kode_desa OPERATOR(kkb.=) _data_mulai.kode_desa),
	             (SELECT pg_catalog.min(r.periode) FROM kkb.kkbpk r WHERE r.kode_desa OPERATOR(kkb.=) _data_mulai.kode_desa),
	             (SELECT pg_catalog.min(n.periode) FROM kkb.nilai n WHERE n.kode_desa OPERATOR(kkb.=) _data_mulai.kode_desa),
	             (SELECT pg_catalog.min(k.diubah_pada)::date FROM kkb.keluarga k WHERE k.kode_desa OPERATOR(kkb.=) _data_mulai.kode_desa),
	             (SELECT pg_catalog.min(a.diubah_pada)::date FROM kkb.anggota a WHERE a.kode_desa OPERATOR(kkb.=) _data_mulai.kode_desa));
END $f$;
COMMENT ON FUNCTION kkb._data_mulai(kkb.kode_wilayah) IS
	'Internal: the first day a village''s records speak of (earliest measurement, event, report, entered value, or oldest unchanged family or member row); NULL without records';
REVOKE EXECUTE ON FUNCTION kkb._data_mulai(kkb.kode_wilayah) FROM PUBLIC;

-- Values of the computable items from the by-name records of a village for a
-- month (state at the month's last day - the members then, kkb._anggota_pada_sql;
-- events and measurements within it).  None for a month before the village's
-- records start (kkb._data_mulai) or after the current one.
-- Stunting, wasting and underweight use each child's latest measurement in the
-- month and leave out WHO-flagged values.  No rows when the village has no members.
-- Indicators beyond the catalogue: tanpa_akta_lahir (members without a birth
-- certificate) and nik_bermasalah (members whose NIK region is unknown) feed
-- the agencies' priorities; balita_wasting and balita_underweight the monthly
-- indicators (kkb.indikator_bulanan).  Only counts leave this function, so
-- it runs with its owner's rights; it checks no scope and only kkb._nilai_individu
-- (which does) and the freezing trigger call it.
CREATE FUNCTION kkb._nilai_individu_hitung(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	-- inside a trigger on a Citus shard (freezing a month, kkb._bekukan): nested execution
	v_bersarang boolean := coalesce(pg_catalog.current_setting('citus.allow_nested_distributed_execution', true), '') = 'on';
	-- the first day of the village's records, read before the query (on a Citus cluster the members'
	-- subquery is sent to the village's shard, where a function reading tables could not run)
	v_mulai date := kkb._data_mulai(kode_desa);
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date).
	-- On a Citus cluster (docs/SCALE.md) the query takes two shapes.  Inside a trigger on a
	-- shard it names the village as a value everywhere: Citus routes it whole to the village's
	-- shards, on this node, and nothing is read from another node (a nested query that was
	-- sent to every shard made the worker crash at COMMIT PREPARED).  Anywhere else the
	-- families' subquery correlates on f.kode_desa: the query is then not routed whole, and the
	-- functions it calls run here (on a shard they could not start their own queries).
	FOR kode, nilai IN EXECUTE pg_catalog.format($q$
	WITH p AS (
		SELECT pg_catalog.date_trunc('month', %2$s)::date AS awal,
		       (pg_catalog.date_trunc('month', %2$s) + interval '1 month - 1 day')::date AS akhir
	), a AS (
		SELECT m.*, pg_catalog.date_part('year', pg_catalog.age(p.akhir, m.tanggal_lahir))::integer AS umur, p.akhir - m.tanggal_lahir AS hari
		  FROM p CROSS JOIN LATERAL %4$s m
		 WHERE p.awal <= CURRENT_DATE AND p.akhir >= $3
	), k AS (
		-- the families then: with a member then, or with no member recorded at all
		SELECT f.* FROM kkb.keluarga f
		 WHERE f.kode_desa OPERATOR(kkb.=) %1$s
		   AND (EXISTS (SELECT 1 FROM a WHERE a.no_kk OPERATOR(kkb.=) f.no_kk)
		        OR NOT EXISTS (SELECT 1 FROM kkb.anggota x WHERE x.kode_desa OPERATOR(kkb.=) %3$s AND x.no_kk OPERATOR(kkb.=) f.no_kk))
	), e AS (
		SELECT v.* FROM kkb.peristiwa v CROSS JOIN p
		 WHERE v.kode_desa OPERATOR(kkb.=) %1$s AND v.tanggal BETWEEN p.awal AND p.akhir
	), u AS (
		SELECT DISTINCT ON (m.nik) m.* FROM kkb.pengukuran m CROSS JOIN p
		 WHERE m.kode_desa OPERATOR(kkb.=) %1$s AND m.tanggal_ukur BETWEEN p.awal AND p.akhir
		 ORDER BY m.nik, m.tanggal_ukur DESC
	), krs AS (
		SELECT r.* FROM kkb.risiko_stunting_desa(%1$s, (SELECT akhir FROM p)) r
	), tak_dikenal AS (
		-- the few distinct districts of the members' NIKs that the reference does not know
		SELECT x.kec FROM (SELECT DISTINCT kkb.nik_kecamatan(a.nik) AS kec FROM a) x
		 WHERE NOT EXISTS (SELECT 1 FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) x.kec)
	), ja AS (
		-- one pass over each source, every count a FILTER
		SELECT pg_catalog.count(*) AS penduduk,
		       pg_catalog.count(*) FILTER (WHERE a.jenis_kelamin = 'P' AND a.status_kawin = 'kawin' AND a.umur BETWEEN 15 AND 49) AS pus,
		       pg_catalog.count(*) FILTER (WHERE a.umur BETWEEN 10 AND 24) AS remaja,
		       pg_catalog.count(DISTINCT a.no_kk::bigint) FILTER (WHERE a.hari <= 1826) AS keluarga_balita,
		       pg_catalog.count(DISTINCT a.no_kk::bigint) FILTER (WHERE a.umur BETWEEN 10 AND 24) AS keluarga_remaja,
		       pg_catalog.count(DISTINCT a.no_kk::bigint) FILTER (WHERE a.umur >= 60) AS keluarga_lansia,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'iud') AS kb_iud,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'mow') AS kb_mow,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'mop') AS kb_mop,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'kondom') AS kb_kondom,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'implan') AS kb_implan,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'suntik') AS kb_suntik,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'pil') AS kb_pil,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'hamil') AS tidak_kb_hamil,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'ingin_anak_segera') AS tidak_kb_ingin_segera,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'iat') AS tidak_kb_iat,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'tial') AS tidak_kb_tial,
		       pg_catalog.count(*) FILTER (WHERE a.jaminan_kesehatan) AS bpjs,
		       pg_catalog.count(*) FILTER (WHERE a.hamil) AS ibu_hamil,
		       pg_catalog.count(*) FILTER (WHERE a.umur BETWEEN 7 AND 18 AND a.sekolah IS FALSE) AS anak_tidak_sekolah,
		       pg_catalog.count(*) FILTER (WHERE a.akta_lahir IS FALSE) AS tanpa_akta_lahir,
		       pg_catalog.count(*) FILTER (WHERE kkb.nik_kecamatan(a.nik) OPERATOR(kkb.=) ANY (SELECT t.kec FROM tak_dikenal t)) AS nik_bermasalah
		  FROM a
	), jk AS (
		SELECT pg_catalog.count(*) AS keluarga,
		       pg_catalog.count(*) FILTER (WHERE k.air_minum IS NOT NULL AND k.air_minum NOT IN (SELECT l.kode FROM kkb.air_minum_layak l)) AS tanpa_air,
		       pg_catalog.count(*) FILTER (WHERE k.jamban = 'tidak_ada' OR k.tangki_septik IS FALSE) AS tanpa_jamban,
		       pg_catalog.count(*) FILTER (WHERE k.miskin) AS miskin
		  FROM k
	), je AS (
		SELECT pg_catalog.count(*) FILTER (WHERE e.jenis = 'lahir') AS lahir_hidup,
		       pg_catalog.count(*) FILTER (WHERE e.jenis = 'mati' AND e.umur_hari < 365) AS kematian_bayi,
		       pg_catalog.count(*) FILTER (WHERE e.jenis = 'mati' AND e.umur_hari < 1826) AS kematian_balita,
		       pg_catalog.count(*) FILTER (WHERE e.jenis = 'mati' AND e.kematian_ibu) AS kematian_ibu
		  FROM e
	), ju AS (
		SELECT pg_catalog.count(*) AS balita_diukur,
		       pg_catalog.count(*) FILTER (WHERE u.stunting AND NOT 'tbu_tidak_wajar' = ANY (u.flags)) AS balita_stunting,
		       pg_catalog.count(*) FILTER (WHERE (u.z_bbtb < -2 AND NOT 'bbtb_tidak_wajar' = ANY (u.flags))
		                                     OR (u.z_bbu < -2 AND NOT 'bbu_tidak_wajar' = ANY (u.flags))) AS balita_gizi_kurang,
		       -- as WHO's anthro: oedema counts as below -3 for the weight-based indicators
		       pg_catalog.count(*) FILTER (WHERE u.oedema OR (u.z_bbtb < -2 AND NOT 'bbtb_tidak_wajar' = ANY (u.flags))) AS balita_wasting,
		       pg_catalog.count(*) FILTER (WHERE u.oedema OR (u.z_bbu < -2 AND NOT 'bbu_tidak_wajar' = ANY (u.flags))) AS balita_underweight
		  FROM u
	), jr AS (
		SELECT pg_catalog.count(*) FILTER (WHERE krs.berisiko) AS keluarga_krs,
		       pg_catalog.count(*) FILTER (WHERE krs.faktor && '{terlalu_muda,terlalu_tua,terlalu_dekat,terlalu_banyak}') AS pus_4_terlalu
		  FROM krs
	), nilai AS (
		SELECT v.kode, v.nilai FROM ja, jk, je, ju, jr
		 CROSS JOIN LATERAL (VALUES
			('penduduk', ja.penduduk), ('keluarga', jk.keluarga), ('pus', ja.pus), ('remaja', ja.remaja),
			('keluarga_balita', ja.keluarga_balita), ('keluarga_remaja', ja.keluarga_remaja), ('keluarga_lansia', ja.keluarga_lansia),
			('kb_iud', ja.kb_iud), ('kb_mow', ja.kb_mow), ('kb_mop', ja.kb_mop), ('kb_kondom', ja.kb_kondom),
			('kb_implan', ja.kb_implan), ('kb_suntik', ja.kb_suntik), ('kb_pil', ja.kb_pil),
			('tidak_kb_hamil', ja.tidak_kb_hamil), ('tidak_kb_ingin_segera', ja.tidak_kb_ingin_segera),
			('tidak_kb_iat', ja.tidak_kb_iat), ('tidak_kb_tial', ja.tidak_kb_tial), ('bpjs', ja.bpjs),
			('lahir_hidup', je.lahir_hidup), ('kematian_bayi', je.kematian_bayi), ('kematian_balita', je.kematian_balita),
			('kematian_ibu', je.kematian_ibu), ('balita_diukur', ju.balita_diukur), ('balita_stunting', ju.balita_stunting),
			('balita_gizi_kurang', ju.balita_gizi_kurang), ('ibu_hamil', ja.ibu_hamil), ('keluarga_krs', jr.keluarga_krs),
			('keluarga_tanpa_air_layak', jk.tanpa_air), ('keluarga_tanpa_jamban_layak', jk.tanpa_jamban),
			('pus_4_terlalu', jr.pus_4_terlalu), ('keluarga_miskin', jk.miskin), ('anak_tidak_sekolah', ja.anak_tidak_sekolah),
			('tanpa_akta_lahir', ja.tanpa_akta_lahir), ('nik_bermasalah', ja.nik_bermasalah),
			('balita_wasting', ju.balita_wasting), ('balita_underweight', ju.balita_underweight)) v(kode, nilai)
	)
	SELECT nilai.kode, nilai.nilai::numeric FROM nilai
	 WHERE (SELECT penduduk FROM ja) > 0$q$,
		CASE WHEN v_bersarang THEN pg_catalog.quote_literal(_nilai_individu_hitung.kode_desa) || '::kkb.kode_wilayah' ELSE '$1' END,
		CASE WHEN v_bersarang THEN pg_catalog.quote_literal(_nilai_individu_hitung.periode) || '::date' ELSE '$2' END,
		CASE WHEN v_bersarang THEN pg_catalog.quote_literal(_nilai_individu_hitung.kode_desa) || '::kkb.kode_wilayah' ELSE 'f.kode_desa' END,
		-- the members at the month's end, inline (39_anggota_pada.sql)
		kkb._anggota_pada_sql(CASE WHEN v_bersarang THEN pg_catalog.quote_literal(_nilai_individu_hitung.kode_desa) || '::kkb.kode_wilayah'
		                           ELSE '$1' END, 'p.akhir'))
		USING _nilai_individu_hitung.kode_desa, _nilai_individu_hitung.periode, v_mulai
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._nilai_individu_hitung(kkb.kode_wilayah, date) IS 'Internal: computes the items of a village''s by-name records for a month from today''s records (no scope check: called by kkb._nilai_individu and when a month is approved)';
REVOKE EXECUTE ON FUNCTION kkb._nilai_individu_hitung(kkb.kode_wilayah, date) FROM PUBLIC;

CREATE FUNCTION kkb._nilai_individu(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	v_bulan date := pg_catalog.date_trunc('month', _nilai_individu.periode)::date;
	v_beku boolean;
BEGIN
	IF NOT kkb._lingkup_cek(_nilai_individu.kode_desa) THEN
		RETURN;
	END IF;
	-- frozen or computed: decided first, each then a query of its own (on a Citus cluster a
	-- query that also called the computation would be sent whole to the village's shard, where
	-- the computation's own queries cannot run: docs/SCALE.md)
	SELECT EXISTS (SELECT 1 FROM kkb.periode_status s
	                WHERE s.kode_desa OPERATOR(kkb.=) _nilai_individu.kode_desa AND s.periode = v_bulan
	                  AND s.status IN ('disetujui', 'dikunci')) INTO v_beku;
	IF v_beku THEN
		FOR kode, nilai IN
			SELECT b.kode, b.nilai FROM kkb.nilai_beku b
			 WHERE b.kode_desa OPERATOR(kkb.=) _nilai_individu.kode_desa AND b.periode = v_bulan
		LOOP
			RETURN NEXT;
		END LOOP;
	ELSE
		FOR kode, nilai IN
			SELECT h.kode, h.nilai FROM kkb._nilai_individu_hitung(_nilai_individu.kode_desa, _nilai_individu.periode) h
		LOOP
			RETURN NEXT;
		END LOOP;
	END IF;
END $f$;
COMMENT ON FUNCTION kkb._nilai_individu(kkb.kode_wilayah, date) IS 'Internal: the items computed from a village''s by-name records for a month: frozen at approval for an approved or locked month (kkb.nilai_beku), else computed; 42501 outside the caller''s scope (kkb._lingkup_cek)';

-- Freezing and thawing with the month's state (a trigger on kkb.periode_status).
CREATE FUNCTION kkb._bekukan() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_h record;
	v_bersarang text;
	v_rencana text;
BEGIN
	IF NEW.status IN ('disetujui', 'dikunci') THEN
		IF TG_OP = 'INSERT' OR OLD.status NOT IN ('disetujui', 'dikunci') THEN
			DELETE FROM kkb.nilai_beku b WHERE b.kode_desa OPERATOR(kkb.=) NEW.kode_desa AND b.periode = NEW.periode;
			IF kkb._tabel(TG_TABLE_NAME) = TG_TABLE_NAME THEN
				INSERT INTO kkb.nilai_beku (kode_desa, periode, kode, nilai)
				SELECT NEW.kode_desa, NEW.periode, h.kode, h.nilai
				  FROM kkb._nilai_individu_hitung(NEW.kode_desa, NEW.periode) h WHERE h.nilai IS NOT NULL;
			ELSE
				-- on a shard of a Citus cluster (docs/SCALE.md): Citus runs the figures' query over
				-- every shard, which inside a trigger on a shard it allows only as nested execution.
				-- Only this village's rows count, and they lie on this node and are read in this
				-- transaction; the other shards answer with nothing.  Written row by row to the
				-- co-located shard of kkb.nilai_beku.
				-- Planned with the values (custom plans), so that Citus prunes every query to this
				-- village's shards on this node: no nested query then opens a connection to another
				-- node (a worker whose nested execution did crashed at COMMIT PREPARED).
				v_bersarang := pg_catalog.current_setting('citus.allow_nested_distributed_execution');
				v_rencana := pg_catalog.current_setting('plan_cache_mode');
				PERFORM pg_catalog.set_config('citus.allow_nested_distributed_execution', 'on', true);
				PERFORM pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', true);
				FOR v_h IN SELECT x.kode, x.nilai FROM kkb._nilai_individu_hitung(NEW.kode_desa, NEW.periode) x WHERE x.nilai IS NOT NULL LOOP
					INSERT INTO kkb.nilai_beku (kode_desa, periode, kode, nilai) VALUES (NEW.kode_desa, NEW.periode, v_h.kode, v_h.nilai);
				END LOOP;
				PERFORM pg_catalog.set_config('citus.allow_nested_distributed_execution', v_bersarang, true);
				PERFORM pg_catalog.set_config('plan_cache_mode', v_rencana, true);
			END IF;
		END IF;
	ELSIF TG_OP = 'UPDATE' AND OLD.status IN ('disetujui', 'dikunci') THEN
		DELETE FROM kkb.nilai_beku b WHERE b.kode_desa OPERATOR(kkb.=) NEW.kode_desa AND b.periode = NEW.periode;
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._bekukan() IS 'Internal trigger: freezes the by-name figures of a village-month when it is approved or locked, drops them when it is reopened';

-- Values from the monthly report (kkb.penduduk, kkb.kkbpk) of the month.
CREATE FUNCTION kkb._nilai_laporan(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric)
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
#variable_conflict use_column
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR kode, nilai IN
	SELECT e.key, e.value::text::numeric
	  FROM kkb.penduduk d CROSS JOIN LATERAL pg_catalog.jsonb_each(pg_catalog.to_jsonb(d)) e
	 WHERE d.kode_desa OPERATOR(kkb.=) _nilai_laporan.kode_desa AND d.periode = pg_catalog.date_trunc('month', _nilai_laporan.periode)::date
	   AND e.key IN ('keluarga', 'pus', 'remaja', 'keluarga_balita', 'keluarga_remaja', 'keluarga_lansia')
	   AND pg_catalog.jsonb_typeof(e.value) = 'number'
	UNION ALL
	SELECT 'penduduk', (SELECT pg_catalog.sum(x) FROM pg_catalog.unnest(d.laki_laki || d.perempuan) x)
	  FROM kkb.penduduk d
	 WHERE d.kode_desa OPERATOR(kkb.=) _nilai_laporan.kode_desa AND d.periode = pg_catalog.date_trunc('month', _nilai_laporan.periode)::date
	   AND d.laki_laki IS NOT NULL AND d.perempuan IS NOT NULL
	UNION ALL
	SELECT e.key, e.value::text::numeric
	  FROM kkb.kkbpk r CROSS JOIN LATERAL pg_catalog.jsonb_each(pg_catalog.to_jsonb(r)) e
	 WHERE r.kode_desa OPERATOR(kkb.=) _nilai_laporan.kode_desa AND r.periode = pg_catalog.date_trunc('month', _nilai_laporan.periode)::date
	   AND e.key IN (SELECT pg_catalog.split_part(x.kolom_laporan, '.', 2) FROM kkb.elemen_data x WHERE x.kolom_laporan LIKE 'kkbpk.%')
	   AND pg_catalog.jsonb_typeof(e.value) = 'number'
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._nilai_laporan(kkb.kode_wilayah, date) IS 'Internal: the items found in a village''s monthly report for a month';

-- Every known value of a village and month, each from its best source:
-- by-name records, else the monthly report, else the entered value.
CREATE FUNCTION kkb._nilai_semua(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric, sumber text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
#variable_conflict use_column
DECLARE
	v_isian jsonb;
BEGIN
	-- the entered values first, by a query of their own: on a Citus cluster a query that read
	-- kkb.nilai and called the other sources' functions would be sent whole to the village's
	-- shard, where those functions' queries cannot run (docs/SCALE.md)
	SELECT pg_catalog.jsonb_object_agg(n.kode_elemen, n.nilai) INTO v_isian
	  FROM kkb.nilai n
	 WHERE n.kode_desa OPERATOR(kkb.=) _nilai_semua.kode_desa AND n.periode = pg_catalog.date_trunc('month', _nilai_semua.periode)::date;
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR kode, nilai, sumber IN
	SELECT DISTINCT ON (x.kode) x.kode, x.nilai, x.sumber FROM (
		SELECT i.kode, i.nilai, 'data_individu' AS sumber, 1 AS urut FROM kkb._nilai_individu(_nilai_semua.kode_desa, _nilai_semua.periode) i
		UNION ALL
		SELECT l.kode, l.nilai, 'laporan_bulanan', 2 FROM kkb._nilai_laporan(_nilai_semua.kode_desa, _nilai_semua.periode) l
		UNION ALL
		SELECT e.key, e.value::numeric, 'isian', 3 FROM pg_catalog.jsonb_each_text(coalesce(v_isian, '{}')) e
	) x WHERE x.nilai IS NOT NULL ORDER BY x.kode, x.urut
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._nilai_semua(kkb.kode_wilayah, date) IS 'Internal: every value of a village and month from its best source';

-- The same values, read from the village-month's stored monthly indicators
-- (kkb.indikator_bulanan, 48_indikator.sql) while the data they were computed
-- from is unchanged (the village's and the reference data's change counters,
-- and for the current month the day), else computed (kkb._nilai_semua).  One
-- definition either way; the stored row only saves the work.  No scope check:
-- its callers ask kkb._lingkup_cek.  PL/pgSQL so that it may name the tables
-- made after this part.
CREATE FUNCTION kkb._nilai_desa(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric, sumber text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_bulan date := pg_catalog.date_trunc('month', _nilai_desa.periode)::date;
	v_nilai jsonb;
	v_sumber jsonb;
	v_versi_desa bigint;
	v_versi_acuan bigint;
BEGIN
	-- the versions first, then the stored row: one table a statement (on a Citus cluster the
	-- village's row is on its shard, the reference version on the coordinator)
	SELECT vd.versi INTO v_versi_desa FROM kkb.versi_desa vd WHERE vd.kode_desa OPERATOR(kkb.=) _nilai_desa.kode_desa;
	SELECT va.versi INTO v_versi_acuan FROM kkb.versi_acuan va;
	SELECT i.nilai, i.sumber INTO v_nilai, v_sumber
	  FROM kkb.indikator_bulanan i
	 WHERE i.kode_desa OPERATOR(kkb.=) _nilai_desa.kode_desa AND i.periode = v_bulan
	   AND i.versi_desa = coalesce(v_versi_desa, 0)
	   AND i.versi_acuan = v_versi_acuan
	   AND (v_bulan < pg_catalog.date_trunc('month', CURRENT_DATE)::date OR i.dihitung_pada = CURRENT_DATE);
	IF FOUND THEN
		RETURN QUERY SELECT e.key, e.value::numeric, v_sumber ->> e.key FROM pg_catalog.jsonb_each(v_nilai) e;
	ELSE
		RETURN QUERY SELECT s.kode, s.nilai, s.sumber FROM kkb._nilai_semua(_nilai_desa.kode_desa, _nilai_desa.periode) s;
	END IF;
END $f$;
COMMENT ON FUNCTION kkb._nilai_desa(kkb.kode_wilayah, date) IS 'Internal: every value of a village and month from its best source (kkb._nilai_semua), read from the stored monthly indicators while they hold; no scope check';
REVOKE EXECUTE ON FUNCTION kkb._nilai_desa(kkb.kode_wilayah, date) FROM PUBLIC;

CREATE FUNCTION kkb.profil_desa(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (urutan integer, kode text, nama text, nilai numeric, sumber text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR urutan, kode, nama, nilai, sumber IN
	SELECT e.urutan::integer, e.kode, e.nama, v.nilai, v.sumber
	  FROM kkb.elemen_data e
	  LEFT JOIN kkb._nilai_desa(profil_desa.kode_desa, profil_desa.periode) v ON v.kode = e.kode
	 WHERE kkb._lingkup_cek(profil_desa.kode_desa)
	 ORDER BY e.urutan
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.profil_desa(kkb.kode_wilayah, date) IS
	'The village''s data items for a month: value and its source (data_individu = by-name records, laporan_bulanan = the monthly report, isian = entered value), NULL where none exists. Figures only, so it runs with its owner''s rights: the same for every role that may see the village (kkb._lingkup_cek), 42501 for any other';

CREATE FUNCTION kkb.kelengkapan(kode_desa kkb.kode_wilayah, periode date) RETURNS numeric
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN (SELECT pg_catalog.round(pg_catalog.count(p.nilai)::numeric / pg_catalog.count(*), 4)
	          FROM kkb.profil_desa(kode_desa, periode) p);
COMMENT ON FUNCTION kkb.kelengkapan(kkb.kode_wilayah, date) IS 'Completeness (kelengkapan) of a village''s data for a month: items with a value / items in the catalogue (0..1)';

-- 47_peringatan_laporan.sql - a monthly report checked as it is saved: after every statement that
-- writes a village's monthly records (kkb.kkbpk, kkb.penduduk, the entered items of kkb.nilai), the
-- validation rules (kkb.aturan_validasi) whose items all belong to those records are evaluated on the
-- records' own values, and each rule the month breaks is a warning in kkb.peringatan (tabel
-- 'laporan_bulanan', kunci {kode_desa, periode}, kode 'aturan:<rule>'), and so is each value far from
-- the village's own 12 months before (kkb.pencilan, modified z-score: kode 'pencilan:<item>'); a
-- warning the month no longer earns is removed.  So kb_pil = 5000 with 123 PUS is flagged for every writer - the gateway, a direct
-- SQL login, a bulk load - and the gateway's answer to the save lists it.
--
-- kkb.periksa checks the figures the reports use (by-name data first, then the records); this checks
-- what the Pokja entered, which by-name data may hide there.

-- The rules a village-month's records break, on the records' own values: the monthly report's items
-- (kkb._nilai_laporan, as the profile reads them) first, then the entered items; a rule is evaluated
-- only when every item it names is one the records hold (a report column - recorded or not - or an
-- entered item of the month), so a rule over by-name figures is never judged on a missing 0.
CREATE FUNCTION kkb._aturan_laporan_isi(kkb.kode_wilayah[], date[])
	RETURNS TABLE (kode_desa kkb.kode_wilayah, periode date, aturan text, pesan text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	v_kolom text[];
	v_bulan record;
	v_dipegang text[];
	v_kode text[];
	v_nilai float8[];
BEGIN
	-- the items a monthly report holds, and the population total it gives
	SELECT pg_catalog.array_agg(e.kode) OPERATOR(pg_catalog.||) ARRAY['penduduk'] INTO v_kolom
	  FROM kkb.elemen_data e WHERE e.kolom_laporan IS NOT NULL;
	-- one village-month at a time: every statement reads one village's rows (on a Citus
	-- cluster one shard, also from a trigger on that shard: docs/SCALE.md)
	FOR v_bulan IN SELECT DISTINCT u.d, pg_catalog.date_trunc('month', u.b)::date AS b
	                 FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2)) AS u(d, b) LOOP
		-- the items the records hold: the report's, and those entered
		SELECT v_kolom OPERATOR(pg_catalog.||) coalesce(pg_catalog.array_agg(n.kode_elemen), '{}') INTO v_dipegang
		  FROM kkb.nilai n WHERE n.kode_desa OPERATOR(kkb.=) v_bulan.d AND n.periode = v_bulan.b;
		-- their values, the report's first
		SELECT coalesce(pg_catalog.array_agg(y.kode), '{}'), coalesce(pg_catalog.array_agg(y.nilai::float8), '{}') INTO v_kode, v_nilai
		  FROM (SELECT DISTINCT ON (z.kode) z.kode, z.nilai
		          FROM (SELECT l.kode, l.nilai, 1 AS urut FROM kkb._nilai_laporan(v_bulan.d, v_bulan.b) l
		                UNION ALL
		                SELECT n.kode_elemen, n.nilai, 2 FROM kkb.nilai n
		                 WHERE n.kode_desa OPERATOR(kkb.=) v_bulan.d AND n.periode = v_bulan.b) z
		         WHERE z.nilai IS NOT NULL ORDER BY z.kode, z.urut) y;
		-- the rules whose items the records all hold, broken
		FOR aturan, pesan IN
			SELECT r.kode, pg_catalog.format('%s: %s = %s, seharusnya %s %s = %s', r.uraian, r.kiri, h.kiri, r.operator, r.kanan, h.kanan)
			  FROM kkb.aturan_validasi r
			 CROSS JOIN LATERAL (SELECT kkb.aturan_nilai(r.kiri, v_kode, v_nilai, r.strategi) AS kiri,
			                            kkb.aturan_nilai(r.kanan, v_kode, v_nilai, r.strategi) AS kanan) h
			 WHERE (kkb.aturan_kode(r.kiri) OPERATOR(pg_catalog.||) kkb.aturan_kode(r.kanan)) OPERATOR(pg_catalog.<@) v_dipegang
			   AND kkb.aturan_banding(h.kiri, r.operator, h.kanan) IS FALSE
		LOOP
			kode_desa := v_bulan.d;
			periode := v_bulan.b;
			RETURN NEXT;
		END LOOP;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._aturan_laporan_isi(kkb.kode_wilayah[], date[]) IS 'Internal: the body of kkb._aturan_laporan in PL/pgSQL (its parameters by position: the result''s columns have their names, which PL/pgSQL does not allow twice)';

CREATE FUNCTION kkb._aturan_laporan(kode_desa kkb.kode_wilayah[], periode date[])
	RETURNS TABLE (kode_desa kkb.kode_wilayah, periode date, aturan text, pesan text)
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, kkb, pg_temp AS $f$
	SELECT * FROM kkb._aturan_laporan_isi($1, $2)
$f$;
COMMENT ON FUNCTION kkb._aturan_laporan(kkb.kode_wilayah[], date[]) IS
	'Internal: the validation rules the monthly records (kkbpk, penduduk, entered items) of these village-months break on their own values, with a message; only rules whose items all belong to the records';

CREATE FUNCTION kkb._peringatan_laporan() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	desa kkb.kode_wilayah[];
	bulan date[];
	v_m record;
	v_l record;
	v_langgar jsonb;
	v_bersarang text;
	v_rencana text;
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' OR kkb._tabel(TG_TABLE_NAME) NOT IN ('kkbpk', 'penduduk', 'nilai') THEN
		RAISE EXCEPTION 'kkb._peringatan_laporan only watches kkb.kkbpk, kkb.penduduk and kkb.nilai' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_OP = 'DELETE' THEN
		SELECT pg_catalog.array_agg(o.kode_desa), pg_catalog.array_agg(o.periode) INTO desa, bulan FROM kkb_lama o;
	ELSE
		SELECT pg_catalog.array_agg(n.kode_desa), pg_catalog.array_agg(n.periode) INTO desa, bulan FROM kkb_baru n;
	END IF;
	IF desa IS NULL THEN
		RETURN NULL;
	END IF;
	IF kkb._tabel(TG_TABLE_NAME) <> TG_TABLE_NAME THEN
		-- on a shard of a Citus cluster (docs/SCALE.md): the same, one village-month at a time, so
		-- that every statement reads and writes the co-located shards of that village.  The
		-- village's history (kkb.pencilan) and by-name figures are queries Citus runs over every
		-- shard, inside a trigger on a shard only as nested execution: allowed here, since only
		-- this village's rows count, which lie on this node and are read in this transaction
		-- Planned with the values (custom plans), so that Citus prunes every query to this
		-- village's shards on this node: no nested query then opens a connection to another
		-- node (a worker whose nested execution did crashed at COMMIT PREPARED).
		v_bersarang := pg_catalog.current_setting('citus.allow_nested_distributed_execution');
		v_rencana := pg_catalog.current_setting('plan_cache_mode');
		PERFORM pg_catalog.set_config('citus.allow_nested_distributed_execution', 'on', true);
		PERFORM pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', true);
		FOR v_m IN SELECT DISTINCT u.d, pg_catalog.date_trunc('month', u.b)::date AS b
		             FROM ROWS FROM (pg_catalog.unnest(desa), pg_catalog.unnest(bulan)) AS u(d, b) LOOP
			SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('kode', x.kode, 'pesan', x.pesan)), '[]') INTO v_langgar
			  FROM (SELECT 'aturan:' || a.aturan AS kode, a.pesan FROM kkb._aturan_laporan(ARRAY[v_m.d], ARRAY[v_m.b]) a
			        UNION ALL
			        SELECT 'pencilan:' || pc.kode,
			               pg_catalog.format('Nilai %s = %s jauh dari riwayat desa ini (median %s dalam %s bulan sebelumnya, skor %s; wajar %s sampai %s)',
			                                 pc.kode, pc.nilai, pc.pusat, pc.n, pc.skor, greatest(pc.batas_bawah, 0), pc.batas_atas)
			          FROM kkb.pencilan(v_m.d, v_m.b, 'mz') pc WHERE pc.acuan = 'riwayat') x;
			DELETE FROM kkb.peringatan p
			 WHERE p.kode_desa OPERATOR(kkb.=) v_m.d AND p.tabel = 'laporan_bulanan' AND (p.kode LIKE 'aturan:%' OR p.kode LIKE 'pencilan:%')
			   AND p.kunci = pg_catalog.jsonb_build_object('kode_desa', v_m.d::text, 'periode', v_m.b)
			   AND NOT p.kode = ANY (ARRAY(SELECT e ->> 'kode' FROM pg_catalog.jsonb_array_elements(v_langgar) e));
			FOR v_l IN SELECT e ->> 'kode' AS kode, e ->> 'pesan' AS pesan FROM pg_catalog.jsonb_array_elements(v_langgar) e LOOP
				INSERT INTO kkb.peringatan AS p (kode_desa, tabel, kunci, kode, pesan)
				VALUES (v_m.d, 'laporan_bulanan', pg_catalog.jsonb_build_object('kode_desa', v_m.d::text, 'periode', v_m.b), v_l.kode, v_l.pesan)
				ON CONFLICT (kode_desa, tabel, kunci, kode) DO UPDATE SET pesan = EXCLUDED.pesan, waktu = EXCLUDED.waktu
				   WHERE p.pesan IS DISTINCT FROM EXCLUDED.pesan;
			END LOOP;
		END LOOP;
		PERFORM pg_catalog.set_config('citus.allow_nested_distributed_execution', v_bersarang, true);
		PERFORM pg_catalog.set_config('plan_cache_mode', v_rencana, true);
		RETURN NULL;
	END IF;
	WITH bulan AS (
		SELECT DISTINCT u.d, pg_catalog.date_trunc('month', u.b)::date AS b
		  FROM ROWS FROM (pg_catalog.unnest(desa), pg_catalog.unnest(bulan)) AS u(d, b)
	), langgar AS (
		SELECT l.kode_desa, l.periode, 'aturan:' || l.aturan AS kode, l.pesan FROM kkb._aturan_laporan(desa, bulan) l
		UNION ALL
		-- a value far from the village's own 12 months before (kkb.pencilan, modified z-score)
		SELECT m.d, m.b, 'pencilan:' || x.kode,
		       pg_catalog.format('Nilai %s = %s jauh dari riwayat desa ini (median %s dalam %s bulan sebelumnya, skor %s; wajar %s sampai %s)',
		                         x.kode, x.nilai, x.pusat, x.n, x.skor, greatest(x.batas_bawah, 0), x.batas_atas)
		  FROM bulan m CROSS JOIN LATERAL kkb.pencilan(m.d, m.b, 'mz') x
		 WHERE x.acuan = 'riwayat'
	), hapus AS (
		DELETE FROM kkb.peringatan p
		 USING bulan m
		 WHERE p.tabel = 'laporan_bulanan' AND (p.kode LIKE 'aturan:%' OR p.kode LIKE 'pencilan:%')
		   AND p.kunci = pg_catalog.jsonb_build_object('kode_desa', m.d::text, 'periode', m.b)
		   AND NOT EXISTS (SELECT 1 FROM langgar l WHERE l.kode_desa OPERATOR(kkb.=) m.d AND l.periode = m.b AND l.kode = p.kode)
	)
	INSERT INTO kkb.peringatan AS p (kode_desa, tabel, kunci, kode, pesan)
	SELECT l.kode_desa, 'laporan_bulanan', pg_catalog.jsonb_build_object('kode_desa', l.kode_desa::text, 'periode', l.periode),
	       l.kode, l.pesan
	  FROM langgar l
	ON CONFLICT (kode_desa, tabel, kunci, kode) DO UPDATE SET pesan = EXCLUDED.pesan, waktu = EXCLUDED.waktu
	   WHERE p.pesan IS DISTINCT FROM EXCLUDED.pesan;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._peringatan_laporan() IS
	'Internal trigger: after a statement writes monthly records, records in kkb.peringatan the validation rules their village-months break on the records'' own values (kode aturan:<rule>) and the values far from the village''s own history (kode pencilan:<item>, kkb.pencilan mz), and removes those no longer earned';
REVOKE EXECUTE ON FUNCTION kkb._peringatan_laporan() FROM PUBLIC;

CREATE TRIGGER t60_peringatan_laporan_i AFTER INSERT ON kkb.kkbpk REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_u AFTER UPDATE ON kkb.kkbpk REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_d AFTER DELETE ON kkb.kkbpk REFERENCING OLD TABLE AS kkb_lama
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_i AFTER INSERT ON kkb.penduduk REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_u AFTER UPDATE ON kkb.penduduk REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_d AFTER DELETE ON kkb.penduduk REFERENCING OLD TABLE AS kkb_lama
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_i AFTER INSERT ON kkb.nilai REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_u AFTER UPDATE ON kkb.nilai REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();
CREATE TRIGGER t60_peringatan_laporan_d AFTER DELETE ON kkb.nilai REFERENCING OLD TABLE AS kkb_lama
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan_laporan();

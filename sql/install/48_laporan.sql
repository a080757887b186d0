-- 48_laporan.sql - the validation findings and the agencies' work list of
-- villages (reports over the rules of 46_aturan_validasi.sql and the problems
-- of 47_prioritas.sql).  Figures only: both run with their owner's rights and
-- ask kkb._lingkup_cek first, so every role that may see the village or region
-- gets the same answer, and any other gets 42501.  Functions only: replayed by
-- the upgrade (sql/upgrade/0.1.0--0.2.0/50_fungsi.replay).

-- The rules a village breaks in a month, with both sides' values.
CREATE FUNCTION kkb.periksa(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, uraian text, kiri text, nilai_kiri float8, operator text, kanan text, nilai_kanan float8, kepentingan text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR kode, uraian, kiri, nilai_kiri, operator, kanan, nilai_kanan, kepentingan IN
	WITH v AS (
		SELECT pg_catalog.array_agg(p.kode) AS kode, pg_catalog.array_agg(p.nilai::float8) AS nilai
		  FROM kkb._nilai_desa(periksa.kode_desa, periksa.periode) p
	)
	SELECT r.kode, r.uraian, r.kiri, x.kiri, r.operator, r.kanan, x.kanan, r.kepentingan
	  FROM kkb.aturan_validasi r CROSS JOIN v
	 CROSS JOIN LATERAL (SELECT kkb.aturan_nilai(r.kiri, v.kode, v.nilai, r.strategi) AS kiri,
	                            kkb.aturan_nilai(r.kanan, v.kode, v.nilai, r.strategi) AS kanan) x
	 WHERE kkb.aturan_banding(x.kiri, r.operator, x.kanan) IS FALSE AND kkb._lingkup_cek(periksa.kode_desa)
	 ORDER BY CASE r.kepentingan WHEN 'tinggi' THEN 1 WHEN 'sedang' THEN 2 ELSE 3 END, r.kode
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.periksa(kkb.kode_wilayah, date) IS
	'Validation-rule violations of a village''s data for a month (periksa = check), with the values of both sides; the same for every role that may see the village (kkb._lingkup_cek), 42501 for any other';

-- The work list: per village under `wilayah` and problem of the agency (or of
-- every agency), the value, the target, the gap and the number affected,
-- ranked within each agency: most people or families affected first (a count
-- compares across problems, where percentages and counts would not), then the
-- largest gap.
CREATE FUNCTION kkb._prioritas_intervensi_isi(wilayah kkb.kode_wilayah, periode date, text)
	RETURNS TABLE (opd text, peringkat integer, kode_desa kkb.kode_wilayah, nama_desa text, masalah text, uraian text,
	               nilai numeric, target numeric, selisih numeric, terdampak numeric)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR opd, peringkat, kode_desa, nama_desa, masalah, uraian, nilai, target, selisih, terdampak IN
	WITH d AS MATERIALIZED (
		-- the villages first, then each one's items: on a Citus cluster the list is one query
		-- over the shards and every village's items a query of its own shard (docs/SCALE.md)
		SELECT k.kode_desa, w.nama
		  FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
		 WHERE k.kode_desa OPERATOR(kkb.<@) $1
	), v AS (
		SELECT d.kode_desa, d.nama, x.kode, x.nilai
		  FROM d CROSS JOIN LATERAL (SELECT pg_catalog.array_agg(s.kode) AS kode, pg_catalog.array_agg(s.nilai::float8) AS nilai
		                               FROM kkb._nilai_desa(d.kode_desa, $2) s) x
	), h AS MATERIALIZED (
		-- materialised: nilai and terdampak are read several times below, each an evaluation of the rule if inlined
		SELECT m.opd, v.kode_desa, v.nama, m.kode AS masalah, m.uraian, m.target, m.arah,
		       pg_catalog.round(kkb.aturan_nilai(m.indikator, v.kode, v.nilai, 'lewati_jika_ada_kosong')::numeric, 2) AS nilai,
		       pg_catalog.round(kkb.aturan_nilai(m.terdampak, v.kode, v.nilai, 'lewati_jika_ada_kosong')::numeric, 0) AS terdampak
		  FROM v CROSS JOIN kkb.masalah_opd m
		 WHERE $3 IS NULL OR m.opd = $3
	)
	SELECT h.opd, (pg_catalog.rank() OVER (PARTITION BY h.opd ORDER BY h.terdampak DESC NULLS LAST,
	                                       pg_catalog.abs(h.nilai - h.target) DESC, h.kode_desa, h.masalah))::integer,
	       h.kode_desa, h.nama, h.masalah, h.uraian, h.nilai, h.target, pg_catalog.abs(h.nilai - h.target), h.terdampak
	  FROM h
	 WHERE ((h.arah = 'maks' AND h.nilai > h.target) OR (h.arah = 'min' AND h.nilai < h.target))
	   AND kkb._lingkup_cek($1)
	 ORDER BY h.opd, 2
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._prioritas_intervensi_isi(kkb.kode_wilayah, date, text) IS 'Internal: the body of kkb.prioritas_intervensi in PL/pgSQL (its parameters by position: the result''s columns have their names, which PL/pgSQL does not allow twice)';
REVOKE EXECUTE ON FUNCTION kkb._prioritas_intervensi_isi(kkb.kode_wilayah, date, text) FROM PUBLIC;

CREATE FUNCTION kkb.prioritas_intervensi(wilayah kkb.kode_wilayah, periode date, opd text DEFAULT NULL)
	RETURNS TABLE (opd text, peringkat integer, kode_desa kkb.kode_wilayah, nama_desa text, masalah text, uraian text,
	               nilai numeric, target numeric, selisih numeric, terdampak numeric)
	LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
	SELECT * FROM kkb._prioritas_intervensi_isi($1, $2, $3)
$f$;
COMMENT ON FUNCTION kkb.prioritas_intervensi(kkb.kode_wilayah, date, text) IS
	'The agencies'' work list (prioritas intervensi): problems per village above (or below) target, with gap and people affected, ranked within each agency by people affected; the same for every role that may see the whole region (kkb._lingkup_cek), 42501 for any other';

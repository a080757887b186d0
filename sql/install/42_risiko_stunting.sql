-- 42_risiko_stunting.sql - families at risk of stunting (keluarga berisiko
-- stunting, KRS), BKKBN's definition (DOMAIN.md 4).  The bounds are settings
-- with DOMAIN.md's defaults: kkb.krs_umur_muda (20), kkb.krs_umur_tua (35),
-- kkb.krs_jarak_bulan (24), kkb.krs_anak_maks (3), e.g.
--   SET kkb.krs_umur_tua = 40;   -- regions that use 35-40

CREATE FUNCTION kkb._pengaturan(nama text, bawaan integer) RETURNS integer
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN coalesce(NULLIF(pg_catalog.current_setting('kkb.' || nama, true), '')::integer, bawaan);
COMMENT ON FUNCTION kkb._pengaturan(text, integer) IS 'Internal: integer setting kkb.<nama>, or the default when unset';

-- One row per family of the village (or just `no_kk` when given), at date acuan:
-- the families with a member then (kkb._anggota_pada), or with none recorded at all.
CREATE FUNCTION kkb._risiko_stunting_desa_isi(kkb.kode_wilayah, acuan date, kkb.no_kk)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, no_kk kkb.no_kk, sasaran boolean, alasan_sasaran text[], berisiko boolean, faktor text[])
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
#variable_conflict use_column
DECLARE
	-- inside a trigger on a Citus shard (freezing a month, kkb._bekukan): nested execution
	v_bersarang boolean := coalesce(pg_catalog.current_setting('citus.allow_nested_distributed_execution', true), '') = 'on';
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date).  On a Citus
	-- cluster the families' subquery names the village as a value inside a trigger on a shard
	-- (the query then reads this node's shards only) and correlates on k.kode_desa anywhere
	-- else (the query is then not routed whole to a shard, where a function it calls could not
	-- run): as kkb._nilai_individu_hitung, docs/SCALE.md.
	FOR kode_desa, no_kk, sasaran, alasan_sasaran, berisiko, faktor IN
EXECUTE pg_catalog.format($q$
	WITH b AS (
		SELECT kkb._pengaturan('krs_umur_muda', 20) AS muda, kkb._pengaturan('krs_umur_tua', 35) AS tua,
		       kkb._pengaturan('krs_jarak_bulan', 24) AS jarak, kkb._pengaturan('krs_anak_maks', 3) AS anak_maks
	), m AS (
		-- one pass over the members: what each family's risk depends on
		SELECT a.no_kk,
		       pg_catalog.min(pg_catalog.date_part('year', pg_catalog.age($2, a.tanggal_lahir))::integer)
		           FILTER (WHERE a.jenis_kelamin = 'P' AND a.hubungan IN ('istri', 'kepala')
		                     AND a.status_kawin IS DISTINCT FROM 'belum_kawin') AS umur_istri,
		       pg_catalog.bool_or(a.hamil) AS ada_hamil,
		       pg_catalog.count(*) FILTER (WHERE a.tanggal_lahir <= $2 AND $2 - a.tanggal_lahir < 731) AS baduta,
		       pg_catalog.count(*) FILTER (WHERE $2 - a.tanggal_lahir >= 731 AND $2 - a.tanggal_lahir <= 1826) AS balita,
		       pg_catalog.count(*) FILTER (WHERE a.hubungan = 'anak') AS anak,
		       (pg_catalog.array_agg(a.tanggal_lahir ORDER BY a.tanggal_lahir DESC) FILTER (WHERE a.hubungan = 'anak'))[1:2] AS termuda
		  FROM %2$s a
		 WHERE $3 IS NULL OR a.no_kk OPERATOR(kkb.=) $3
		 GROUP BY a.no_kk
	), kel AS (
		SELECT k.* FROM kkb.keluarga k
		 WHERE k.kode_desa OPERATOR(kkb.=) $1
		   AND ($3 IS NULL OR k.no_kk OPERATOR(kkb.=) $3)
		   AND (EXISTS (SELECT 1 FROM m WHERE m.no_kk OPERATOR(kkb.=) k.no_kk)
		        OR NOT EXISTS (SELECT 1 FROM kkb.anggota x WHERE x.kode_desa OPERATOR(kkb.=) %1$s AND x.no_kk OPERATOR(kkb.=) k.no_kk))
	), f AS (
		SELECT k.kode_desa, k.no_kk, k.air_minum, k.jamban, k.tangki_septik, m.umur_istri, m.ada_hamil,
		       coalesce(m.baduta, 0) AS baduta, coalesce(m.balita, 0) AS balita, coalesce(m.anak, 0) AS anak,
		       -- months between the two youngest children
		       CASE WHEN pg_catalog.cardinality(m.termuda) = 2 THEN
		           (pg_catalog.date_part('year', pg_catalog.age(m.termuda[1], m.termuda[2])) * 12
		            + pg_catalog.date_part('month', pg_catalog.age(m.termuda[1], m.termuda[2])))::integer END AS jarak_bulan
		  FROM kel k LEFT JOIN m ON m.no_kk OPERATOR(kkb.=) k.no_kk
	), r AS (
		SELECT f.*,
		       pg_catalog.array_remove(ARRAY[
		           CASE WHEN f.umur_istri BETWEEN 15 AND 49 THEN 'pus' END,
		           CASE WHEN f.ada_hamil THEN 'ibu_hamil' END,
		           CASE WHEN f.baduta > 0 THEN 'baduta' END,
		           CASE WHEN f.balita > 0 THEN 'balita' END], NULL) AS alasan,
		       pg_catalog.array_remove(ARRAY[
		           CASE WHEN f.air_minum IS NOT NULL AND f.air_minum NOT IN (SELECT l.kode FROM kkb.air_minum_layak l) THEN 'air_minum' END,
		           CASE WHEN f.jamban = 'tidak_ada' OR f.tangki_septik IS FALSE THEN 'jamban' END,
		           CASE WHEN f.umur_istri < b.muda THEN 'terlalu_muda' END,
		           CASE WHEN f.umur_istri > b.tua THEN 'terlalu_tua' END,
		           CASE WHEN f.umur_istri IS NOT NULL AND f.jarak_bulan < b.jarak THEN 'terlalu_dekat' END,
		           CASE WHEN f.umur_istri IS NOT NULL AND f.anak > b.anak_maks THEN 'terlalu_banyak' END], NULL) AS faktor
		  FROM f CROSS JOIN b
	)
	SELECT r.kode_desa, r.no_kk, pg_catalog.cardinality(r.alasan) > 0, r.alasan,
	       pg_catalog.cardinality(r.alasan) > 0 AND pg_catalog.cardinality(r.faktor) > 0,
	       CASE WHEN pg_catalog.cardinality(r.alasan) > 0 THEN r.faktor ELSE '{}'::text[] END
	  FROM r WHERE kkb._lingkup_cek($1) ORDER BY r.no_kk$q$,
		CASE WHEN v_bersarang THEN '$1' ELSE 'k.kode_desa' END,
		kkb._anggota_pada_sql('$1', '$2'))		-- the members then, inline (39_anggota_pada.sql)
		USING $1, $2, $3
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._risiko_stunting_desa_isi(kkb.kode_wilayah, date, kkb.no_kk) IS 'Internal: the body of kkb.risiko_stunting_desa in PL/pgSQL (its parameters by position: the result''s columns have their names, which PL/pgSQL does not allow twice)';

CREATE FUNCTION kkb.risiko_stunting_desa(kode_desa kkb.kode_wilayah, acuan date DEFAULT current_date, no_kk kkb.no_kk DEFAULT NULL)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, no_kk kkb.no_kk, sasaran boolean, alasan_sasaran text[], berisiko boolean, faktor text[])
	LANGUAGE sql STABLE PARALLEL SAFE AS $f$
	SELECT * FROM kkb._risiko_stunting_desa_isi($1, $2, $3)
$f$;
COMMENT ON FUNCTION kkb.risiko_stunting_desa(kkb.kode_wilayah, date, kkb.no_kk) IS
	'Families at risk of stunting (KRS) of a village at date acuan: target family (sasaran) and why (pus, ibu_hamil, baduta, balita), at risk (berisiko) and its factors (air_minum, jamban, terlalu_muda, terlalu_tua, terlalu_dekat, terlalu_banyak)';

CREATE FUNCTION kkb.risiko_stunting(kode_desa kkb.kode_wilayah, no_kk kkb.no_kk, acuan date DEFAULT current_date)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, no_kk kkb.no_kk, sasaran boolean, alasan_sasaran text[], berisiko boolean, faktor text[])
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT * FROM kkb.risiko_stunting_desa(risiko_stunting.kode_desa, risiko_stunting.acuan, risiko_stunting.no_kk);
END;
COMMENT ON FUNCTION kkb.risiko_stunting(kkb.kode_wilayah, kkb.no_kk, date) IS
	'Risk of stunting of one family (see kkb.risiko_stunting_desa)';

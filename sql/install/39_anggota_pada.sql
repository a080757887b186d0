-- 39_anggota_pada.sql - who the members of a village were on a past date.
-- Used by the data items of a month (44_nilai.sql) and families at risk of
-- stunting (42_risiko_stunting.sql).  Functions only.

-- The members of a village on a date, as the records tell it: born by then
-- and not moved in later (a pindah_masuk event of the member dated after it).
-- One definition for every by-name figure of a past date (the data items of a
-- month, families at risk of stunting), kept as the text of a subquery that
-- their statements (built with format, 42_risiko_stunting.sql and 44_nilai.sql)
-- hold inline: the planner then joins it with the rest of the statement, which
-- it cannot do through a PL/pgSQL function, and a Citus cluster refuses a
-- parameterized SQL function that reads distributed tables.  Members who left
-- or died are no longer in kkb.anggota, so a past date misses them.
-- desa and tanggal are SQL expressions (a parameter, a column, a quoted value).
CREATE FUNCTION kkb._anggota_pada_sql(desa text, tanggal text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
	SELECT pg_catalog.format(
		'(SELECT ap_a.* FROM kkb.anggota ap_a'
		' WHERE ap_a.kode_desa OPERATOR(kkb.=) %1$s AND ap_a.tanggal_lahir <= %2$s'
		' AND NOT EXISTS (SELECT 1 FROM kkb.peristiwa ap_v'
		' WHERE ap_v.kode_desa OPERATOR(kkb.=) %1$s AND ap_v.jenis = ''pindah_masuk'''
		' AND ap_v.nik OPERATOR(kkb.=) ap_a.nik AND ap_v.tanggal > %2$s))', desa, tanggal)
$f$;
COMMENT ON FUNCTION kkb._anggota_pada_sql(text, text) IS
	'Internal: the subquery (SQL text) of the members of a village on a date - born by then and not moved in (pindah_masuk) after it - for expressions desa and tanggal';

-- The same as a set of rows (for a query of one's own).
CREATE FUNCTION kkb._anggota_pada(kode_desa kkb.kode_wilayah, tanggal date) RETURNS SETOF kkb.anggota
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
BEGIN
	RETURN QUERY EXECUTE 'SELECT * FROM ' || kkb._anggota_pada_sql('$1', '$2') || ' m' USING kode_desa, tanggal;
END $f$;
COMMENT ON FUNCTION kkb._anggota_pada(kkb.kode_wilayah, date) IS
	'Internal: the members of a village on a date - born by then and not moved in (pindah_masuk) after it (kkb._anggota_pada_sql)';

-- 39_anggota_pada.sql - who the members of a village were on a past date.
-- Used by the data items of a month (44_nilai.sql) and families at risk of
-- stunting (42_risiko_stunting.sql).  Functions only.

-- The members of a village on a date, as the records tell it: born by then
-- and not moved in later (a pindah_masuk event of the member dated after it).
-- One definition for every by-name figure of a past date (the data items of a
-- month, families at risk of stunting).  Members who left or died are no
-- longer in kkb.anggota, so a past date misses them.
CREATE FUNCTION kkb._anggota_pada(kode_desa kkb.kode_wilayah, tanggal date) RETURNS SETOF kkb.anggota
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT a.* FROM kkb.anggota a
	 WHERE a.kode_desa OPERATOR(kkb.=) _anggota_pada.kode_desa AND a.tanggal_lahir <= _anggota_pada.tanggal
	   AND NOT EXISTS (SELECT 1 FROM kkb.peristiwa v
	                    WHERE v.kode_desa OPERATOR(kkb.=) _anggota_pada.kode_desa AND v.jenis = 'pindah_masuk'
	                      AND v.nik OPERATOR(kkb.=) a.nik AND v.tanggal > _anggota_pada.tanggal);
END $f$;
COMMENT ON FUNCTION kkb._anggota_pada(kkb.kode_wilayah, date) IS
	'Internal: the members of a village on a date - born by then and not moved in (pindah_masuk) after it';

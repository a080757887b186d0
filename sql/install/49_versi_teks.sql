-- 49_versi_teks.sql - the version text behind the gateway's ETags, read from
-- the change counters of 49_versi.sql.  Functions only: replayed by the upgrade.


-- The text an entity tag is made of: the reference version, then - unless
-- only the reference counts (acuan) - the sum and number of the versions of
-- the villages under `wilayah` (NULL: the whole country) that the caller may
-- see, and today's date (answers default to the current month).  Only the
-- caller's villages count: within its scope (kkb.lingkup()), or every village
-- for an administrator or analyst without one, none for any other caller - so
-- a tag never changes with, nor tells of, a village the caller cannot see.
-- The region comes as text, from the gateway's request: NULL when it is no
-- region code (the request's own statement reports that).  The gateway reads
-- it in each request's own transaction, so it is kept cheap: no exception
-- block, one primary-key lookup for a village, one btree range for a region.
-- It runs with its owner's rights: the version tables are read through it only.
CREATE FUNCTION kkb._versi_teks(wilayah text, acuan boolean) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	a bigint;
	jumlah numeric;
	n bigint;
	l kkb.kode_wilayah;
	semua boolean;
BEGIN
	SELECT v.versi INTO a FROM kkb.versi_acuan v;
	IF acuan THEN
		RETURN a::text;
	END IF;
	l := kkb.lingkup();
	semua := l IS NULL AND (pg_catalog.pg_has_role(kkb._peran(), 'kkb_admin', 'USAGE')
	                        OR pg_catalog.pg_has_role(kkb._peran(), 'kkb_analis', 'USAGE'));
	IF wilayah IS NULL THEN
		SELECT coalesce(pg_catalog.sum(v.versi), 0), pg_catalog.count(*) INTO jumlah, n FROM kkb.versi_desa v
		 WHERE semua OR v.kode_desa OPERATOR(kkb.<@) l;
	ELSIF kkb.kode_wilayah_periksa(wilayah) IS NOT NULL THEN
		RETURN NULL;
	ELSIF kkb.tingkat(wilayah::kkb.kode_wilayah) = 4 THEN
		SELECT coalesce(pg_catalog.max(v.versi), 0), pg_catalog.count(*) INTO jumlah, n
		  FROM kkb.versi_desa v WHERE v.kode_desa OPERATOR(kkb.=) wilayah::kkb.kode_wilayah
		   AND (semua OR v.kode_desa OPERATOR(kkb.<@) l);
	ELSE
		SELECT coalesce(pg_catalog.sum(v.versi), 0), pg_catalog.count(*) INTO jumlah, n
		  FROM kkb.versi_desa v WHERE v.kode_desa OPERATOR(kkb.<@) wilayah::kkb.kode_wilayah
		   AND (semua OR v.kode_desa OPERATOR(kkb.<@) l);
	END IF;
	RETURN a::text OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||) jumlah::text OPERATOR(pg_catalog.||) '-'
	       OPERATOR(pg_catalog.||) n::text OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||) pg_catalog.to_char(CURRENT_DATE, 'YYYYMMDD');
END $f$;
COMMENT ON FUNCTION kkb._versi_teks(text, boolean) IS 'Internal: the version text of kkb.versi_data for a region code given as text (NULL when malformed), over the villages the caller may see, or of the reference data alone (acuan); read by the gateway for its ETags';

-- The same for SQL users: the version text of the data under a region (NULL:
-- everywhere), which changes whenever a village under it or the reference
-- data changes, and daily.
CREATE FUNCTION kkb.versi_data(wilayah kkb.kode_wilayah) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN kkb._versi_teks(wilayah::text, false);
COMMENT ON FUNCTION kkb.versi_data(kkb.kode_wilayah) IS
	'Version text of the data under a region (NULL: everywhere) that the caller may see: changes whenever such a village under it or the reference data changes, and daily. The gateway builds its ETags from it.';

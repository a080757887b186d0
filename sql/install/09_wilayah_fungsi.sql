-- 09_wilayah_fungsi.sql - the region reference's two lookups (its table is in 10_wilayah.sql).
-- Functions only, replayed by the upgrade (99_wilayah_fungsi.replay).  PL/pgSQL, not SQL: Citus
-- runs no SQL-language body that reads its tables (docs/SCALE.md).

CREATE FUNCTION kkb.wilayah_ada(kkb.kode_wilayah) RETURNS boolean
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $f$
BEGIN
	RETURN EXISTS (SELECT 1 FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) $1);
END $f$;
COMMENT ON FUNCTION kkb.wilayah_ada(kkb.kode_wilayah) IS 'True when the region is in the reference kkb.wilayah (ada = exists)';

CREATE FUNCTION kkb.wilayah_nama(kkb.kode_wilayah) RETURNS text
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $f$
BEGIN
	RETURN (SELECT w.nama FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) $1);
END $f$;
COMMENT ON FUNCTION kkb.wilayah_nama(kkb.kode_wilayah) IS 'Official name of the region (nama); NULL when it is not in the reference';

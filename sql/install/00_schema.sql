-- 00_schema.sql - the extension's schema and version function.
-- Everything lives in schema kkb, created here so that it belongs to the
-- extension and DROP EXTENSION removes it; every object below is
-- schema-qualified so that a hostile search_path cannot capture a reference.

CREATE SCHEMA kkb;
COMMENT ON SCHEMA kkb IS 'Kampung Keluarga Berkualitas (Kampung KB): village data, validation and scoring';

CREATE FUNCTION kkb.versi() RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_versi'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.versi() IS 'Version of the kampungkb library (versi = version)';

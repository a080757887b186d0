-- 10_wilayah.sql - the national region reference (Kemendagri codes).
-- Loaded at CREATE EXTENSION from data compiled into the library
-- (extension/data/wilayah/wilayah_all.csv, see its SOURCE.md).

CREATE FUNCTION kkb._wilayah_data(OUT kode text, OUT nama text) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'kkb_wilayah_data'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 91599;
COMMENT ON FUNCTION kkb._wilayah_data() IS 'Internal: the compiled-in national region reference, used to fill kkb.wilayah';

CREATE TABLE kkb.wilayah (
	kode    text PRIMARY KEY,
	nama    text NOT NULL,
	tingkat smallint NOT NULL CHECK (tingkat BETWEEN 1 AND 4),
	induk   text REFERENCES kkb.wilayah (kode),
	CHECK ((tingkat = 1) = (induk IS NULL))
);
COMMENT ON TABLE kkb.wilayah IS 'Indonesian administrative regions (Kemendagri codes): provinces, regencies/cities, districts, villages';
COMMENT ON COLUMN kkb.wilayah.kode IS 'Region code (kode wilayah), dotted form PP.KK.CC.DDDD';
COMMENT ON COLUMN kkb.wilayah.nama IS 'Official name (nama)';
COMMENT ON COLUMN kkb.wilayah.tingkat IS 'Level (tingkat): 1 province, 2 regency/city, 3 district (kecamatan), 4 village (desa/kelurahan)';
COMMENT ON COLUMN kkb.wilayah.induk IS 'Parent region (induk); NULL for a province';

INSERT INTO kkb.wilayah (kode, nama, tingkat, induk)
SELECT d.kode, d.nama,
       array_length(string_to_array(d.kode, '.'), 1),
       CASE WHEN strpos(d.kode, '.') > 0 THEN regexp_replace(d.kode, '\.[0-9]+$', '') END
  FROM kkb._wilayah_data() AS d
 ORDER BY d.kode;

CREATE INDEX wilayah_induk_idx ON kkb.wilayah (induk);

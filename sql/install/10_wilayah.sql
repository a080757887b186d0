-- 10_wilayah.sql - the national region reference (Kemendagri codes).
-- Loaded at CREATE EXTENSION from data compiled into the library
-- (extension/data/wilayah/wilayah_all.csv, see its SOURCE.md).

CREATE FUNCTION kkb._wilayah_data(OUT kode kkb.kode_wilayah, OUT nama text) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'kkb_wilayah_data'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 91599;
COMMENT ON FUNCTION kkb._wilayah_data() IS 'Internal: the compiled-in national region reference, used to fill kkb.wilayah';

CREATE TABLE kkb.wilayah (
	kode    kkb.kode_wilayah PRIMARY KEY,
	nama    text NOT NULL,
	tingkat smallint NOT NULL CHECK (tingkat = kkb.tingkat(kode)),
	induk   kkb.kode_wilayah REFERENCES kkb.wilayah (kode),
	CHECK (CASE WHEN induk IS NULL THEN kkb.induk(kode) IS NULL ELSE induk OPERATOR(kkb.=) kkb.induk(kode) END)
);
COMMENT ON TABLE kkb.wilayah IS 'Indonesian administrative regions (Kemendagri codes): provinces, regencies/cities, districts, villages';
COMMENT ON COLUMN kkb.wilayah.kode IS 'Region code (kode wilayah), e.g. 13.77.01.1001';
COMMENT ON COLUMN kkb.wilayah.nama IS 'Official name (nama)';
COMMENT ON COLUMN kkb.wilayah.tingkat IS 'Level (tingkat): 1 province, 2 regency/city, 3 district (kecamatan), 4 village (desa/kelurahan)';
COMMENT ON COLUMN kkb.wilayah.induk IS 'Parent region (induk); NULL for a province';

INSERT INTO kkb.wilayah (kode, nama, tingkat, induk)
SELECT d.kode, d.nama, kkb.tingkat(d.kode), kkb.induk(d.kode)
  FROM kkb._wilayah_data() AS d;

CREATE INDEX wilayah_induk_idx ON kkb.wilayah (induk);

-- Existence and names: answered from the table, so a region added later counts.
-- (kkb.wilayah_ada and kkb.wilayah_nama: 09_wilayah_fungsi.sql)

CREATE FUNCTION kkb.nik_wilayah_dikenal(kkb.nik) RETURNS boolean
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN kkb.wilayah_ada(kkb.nik_kecamatan($1)) IS TRUE;
COMMENT ON FUNCTION kkb.nik_wilayah_dikenal(kkb.nik) IS
	'True when the district in the NIK is in the national reference (dikenal = known); an unknown one is a warning, not an error, as codes go stale when regions split';

-- 06_identitas_fungsi.sql - what is particular to each identifier type:
-- descriptions, bigint casts, domain functions, region-code containment.

COMMENT ON TYPE kkb.nik IS
	'NIK (nomor induk kependudukan), the 16-digit national identity number PP KK CC DDMMYY SSSS: province, regency/city, district, birth date (day + 40 for women), serial. Input also accepts groups separated by spaces, dots or dashes; output is 16 digits.';
COMMENT ON TYPE kkb.no_kk IS
	'No. KK, the 16-digit family card number: region of issue PPKKCC, issue date DDMMYY, serial. Input also accepts groups separated by spaces, dots or dashes; output is 16 digits.';
COMMENT ON TYPE kkb.kode_wilayah IS
	'Kemendagri region code: PP (province), PP.KK (regency/city), PP.KK.CC (district), PP.KK.CC.DDDD (village; a leading 1 in the village part is a kelurahan, 2 a desa). Accepts dotted or undotted input, prints dotted. Sorts hierarchically; a <@ b means a is b or lies within b.';

-- bigint casts: nik and no_kk are stored as the number itself
CREATE FUNCTION kkb.nik(bigint) RETURNS kkb.nik
	AS 'MODULE_PATHNAME', 'kkb_nik_from_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.nik(bigint) IS 'Cast bigint to kkb.nik, validating it (22003 unless it has 16 digits)';
CREATE CAST (bigint AS kkb.nik) WITH FUNCTION kkb.nik(bigint);
CREATE CAST (kkb.nik AS bigint) WITHOUT FUNCTION;

CREATE FUNCTION kkb.no_kk(bigint) RETURNS kkb.no_kk
	AS 'MODULE_PATHNAME', 'kkb_no_kk_from_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.no_kk(bigint) IS 'Cast bigint to kkb.no_kk, validating it (22003 unless it has 16 digits)';
CREATE CAST (bigint AS kkb.no_kk) WITH FUNCTION kkb.no_kk(bigint);
CREATE CAST (kkb.no_kk AS bigint) WITHOUT FUNCTION;

-- kode_wilayah <-> bigint goes through the undotted code (13.77.01.1001 <-> 1377011001)
CREATE FUNCTION kkb.kode_wilayah(bigint) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_from_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.kode_wilayah(bigint) IS 'Cast the undotted code as bigint (1377011001) to kkb.kode_wilayah, validating its shape';
CREATE CAST (bigint AS kkb.kode_wilayah) WITH FUNCTION kkb.kode_wilayah(bigint);
CREATE FUNCTION kkb.kode_wilayah_bigint(kkb.kode_wilayah) RETURNS bigint
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_to_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.kode_wilayah_bigint(kkb.kode_wilayah) IS 'The undotted code as bigint (13.77.01.1001 -> 1377011001)';
CREATE CAST (kkb.kode_wilayah AS bigint) WITH FUNCTION kkb.kode_wilayah_bigint(kkb.kode_wilayah);

-- NIK
CREATE FUNCTION kkb.nik_tanggal_lahir(kkb.nik, acuan date DEFAULT current_date) RETURNS date
	AS 'MODULE_PATHNAME', 'kkb_nik_tanggal_lahir' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.nik_tanggal_lahir(kkb.nik, date) IS
	'Birth date in the NIK (tanggal lahir), in the latest century that does not put it after acuan (the reference date, default today)';
CREATE FUNCTION kkb.nik_jenis_kelamin(kkb.nik) RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_nik_jenis_kelamin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.nik_jenis_kelamin(kkb.nik) IS 'Sex in the NIK (jenis kelamin): L (laki-laki, male) or P (perempuan, female: day + 40)';
CREATE FUNCTION kkb.nik_kecamatan(kkb.nik) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_nik_kecamatan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.nik_kecamatan(kkb.nik) IS 'District where the NIK was first registered (PP.KK.CC); NULL when its regency or district part is 00';

-- No. KK
CREATE FUNCTION kkb.no_kk_tanggal_terbit(kkb.no_kk, acuan date DEFAULT current_date) RETURNS date
	AS 'MODULE_PATHNAME', 'kkb_no_kk_tanggal_terbit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.no_kk_tanggal_terbit(kkb.no_kk, date) IS
	'Issue date of the family card (tanggal terbit), in the latest century that does not put it after acuan (default today)';
CREATE FUNCTION kkb.no_kk_wilayah(kkb.no_kk) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_no_kk_wilayah' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.no_kk_wilayah(kkb.no_kk) IS 'District where the family card was issued (PP.KK.CC); NULL when its regency or district part is 00';

-- Region codes: hierarchy
CREATE FUNCTION kkb.tingkat(kkb.kode_wilayah) RETURNS integer
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_tingkat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.tingkat(kkb.kode_wilayah) IS 'Level (tingkat): 1 province, 2 regency/city, 3 district, 4 village';
CREATE FUNCTION kkb.induk(kkb.kode_wilayah) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_induk' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.induk(kkb.kode_wilayah) IS 'Parent region (induk); NULL for a province';
CREATE FUNCTION kkb.provinsi(kkb.kode_wilayah) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_provinsi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.provinsi(kkb.kode_wilayah) IS 'The province (provinsi) the region lies in';
CREATE FUNCTION kkb.kabkota(kkb.kode_wilayah) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_kabkota' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.kabkota(kkb.kode_wilayah) IS 'The regency/city (kabupaten/kota) the region lies in; NULL for a province';
CREATE FUNCTION kkb.kecamatan(kkb.kode_wilayah) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_kecamatan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.kecamatan(kkb.kode_wilayah) IS 'The district (kecamatan) the region lies in; NULL above district level';
CREATE FUNCTION kkb.adalah_kelurahan(kkb.kode_wilayah) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_adalah_kelurahan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.adalah_kelurahan(kkb.kode_wilayah) IS 'True for a kelurahan (urban village: village part starts with 1); false for a desa or a higher level';

-- Region codes: containment, with planner support so that `kode <@ x` is a btree range scan
CREATE FUNCTION kkb._kode_wilayah_atas(kkb.kode_wilayah) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_atas' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb._kode_wilayah_atas(kkb.kode_wilayah) IS
	'Internal: exclusive upper end of the btree range holding a region and everything in it';
CREATE FUNCTION kkb._kode_wilayah_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb._kode_wilayah_support(internal) IS
	'Internal: planner support turning kode <@ x into a btree range condition';
CREATE FUNCTION kkb.kode_wilayah_contains(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
	SUPPORT kkb._kode_wilayah_support;
COMMENT ON FUNCTION kkb.kode_wilayah_contains(kkb.kode_wilayah, kkb.kode_wilayah) IS
	'a @> b: region a is b or contains b';
CREATE FUNCTION kkb.kode_wilayah_contained(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
	SUPPORT kkb._kode_wilayah_support;
COMMENT ON FUNCTION kkb.kode_wilayah_contained(kkb.kode_wilayah, kkb.kode_wilayah) IS
	'a <@ b: region a is b or lies within b';
CREATE OPERATOR kkb.@> (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_contains,
	COMMUTATOR = OPERATOR(kkb.<@), RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR kkb.<@ (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_contained,
	COMMUTATOR = OPERATOR(kkb.@>), RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR kkb.@> (kkb.kode_wilayah, kkb.kode_wilayah) IS 'region contains or equals';
COMMENT ON OPERATOR kkb.<@ (kkb.kode_wilayah, kkb.kode_wilayah) IS 'region lies within or equals';

-- kampungkb 0.1.0 install script: sql/install/ of release 0.1.0 (commit b1fc0f9), assembled as that release's extension/Makefile did. Kept verbatim (do not edit): CREATE EXTENSION kampungkb VERSION '0.1.0' and the upgrade test install it.
\echo Use "CREATE EXTENSION kampungkb" to load this file. \quit

-- ---- 00_schema.sql ----
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

-- ---- 05_identitas.sql.tmpl for nik ----
-- 05_identitas.sql.tmpl - one int8-based identifier type, written out by the
-- build once for each of kkb.nik, kkb.no_kk and kkb.kode_wilayah (nik).
-- Storage is int8 passed by value, so comparison, sorting, btree and hash
-- support reuse the backend's int8 functions (LANGUAGE internal): no new C on
-- the hot path, and hash joins / hash aggregates work.

CREATE TYPE kkb.nik;

CREATE FUNCTION kkb.nik_in(cstring) RETURNS kkb.nik
	AS 'MODULE_PATHNAME', 'kkb_nik_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.nik_out(kkb.nik) RETURNS cstring
	AS 'MODULE_PATHNAME', 'kkb_nik_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.nik_recv(internal) RETURNS kkb.nik
	AS 'MODULE_PATHNAME', 'kkb_nik_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.nik_send(kkb.nik) RETURNS bytea
	AS 'MODULE_PATHNAME', 'kkb_nik_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE kkb.nik (
	INPUT = kkb.nik_in, OUTPUT = kkb.nik_out,
	RECEIVE = kkb.nik_recv, SEND = kkb.nik_send,
	INTERNALLENGTH = 8, PASSEDBYVALUE, ALIGNMENT = double, STORAGE = plain
);

COMMENT ON FUNCTION kkb.nik_in(cstring) IS 'Text input of kkb.nik: parses and validates';
COMMENT ON FUNCTION kkb.nik_out(kkb.nik) IS 'Text output of kkb.nik: the canonical form';
COMMENT ON FUNCTION kkb.nik_recv(internal) IS 'Binary input of kkb.nik (an int8): re-validates';
COMMENT ON FUNCTION kkb.nik_send(kkb.nik) IS 'Binary output of kkb.nik (an int8)';

CREATE FUNCTION kkb.nik_eq(kkb.nik, kkb.nik) RETURNS boolean
	AS 'int8eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_ne(kkb.nik, kkb.nik) RETURNS boolean
	AS 'int8ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_lt(kkb.nik, kkb.nik) RETURNS boolean
	AS 'int8lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_le(kkb.nik, kkb.nik) RETURNS boolean
	AS 'int8le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_gt(kkb.nik, kkb.nik) RETURNS boolean
	AS 'int8gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_ge(kkb.nik, kkb.nik) RETURNS boolean
	AS 'int8ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_cmp(kkb.nik, kkb.nik) RETURNS integer
	AS 'btint8cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_hash(kkb.nik) RETURNS integer
	AS 'hashint8' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.nik_hash_extended(kkb.nik, bigint) RETURNS bigint
	AS 'hashint8extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION kkb.nik_eq(kkb.nik, kkb.nik) IS 'kkb.nik equality (operator =)';
COMMENT ON FUNCTION kkb.nik_ne(kkb.nik, kkb.nik) IS 'kkb.nik inequality (operator <>)';
COMMENT ON FUNCTION kkb.nik_lt(kkb.nik, kkb.nik) IS 'kkb.nik less than (operator <)';
COMMENT ON FUNCTION kkb.nik_le(kkb.nik, kkb.nik) IS 'kkb.nik less than or equal (operator <=)';
COMMENT ON FUNCTION kkb.nik_gt(kkb.nik, kkb.nik) IS 'kkb.nik greater than (operator >)';
COMMENT ON FUNCTION kkb.nik_ge(kkb.nik, kkb.nik) IS 'kkb.nik greater than or equal (operator >=)';
COMMENT ON FUNCTION kkb.nik_cmp(kkb.nik, kkb.nik) IS 'kkb.nik btree comparison';
COMMENT ON FUNCTION kkb.nik_hash(kkb.nik) IS 'kkb.nik hash';
COMMENT ON FUNCTION kkb.nik_hash_extended(kkb.nik, bigint) IS 'kkb.nik 64-bit seeded hash';

CREATE OPERATOR kkb.= (
	LEFTARG = kkb.nik, RIGHTARG = kkb.nik, FUNCTION = kkb.nik_eq,
	COMMUTATOR = OPERATOR(kkb.=), NEGATOR = OPERATOR(kkb.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR kkb.<> (
	LEFTARG = kkb.nik, RIGHTARG = kkb.nik, FUNCTION = kkb.nik_ne,
	COMMUTATOR = OPERATOR(kkb.<>), NEGATOR = OPERATOR(kkb.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR kkb.< (
	LEFTARG = kkb.nik, RIGHTARG = kkb.nik, FUNCTION = kkb.nik_lt,
	COMMUTATOR = OPERATOR(kkb.>), NEGATOR = OPERATOR(kkb.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR kkb.<= (
	LEFTARG = kkb.nik, RIGHTARG = kkb.nik, FUNCTION = kkb.nik_le,
	COMMUTATOR = OPERATOR(kkb.>=), NEGATOR = OPERATOR(kkb.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR kkb.> (
	LEFTARG = kkb.nik, RIGHTARG = kkb.nik, FUNCTION = kkb.nik_gt,
	COMMUTATOR = OPERATOR(kkb.<), NEGATOR = OPERATOR(kkb.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR kkb.>= (
	LEFTARG = kkb.nik, RIGHTARG = kkb.nik, FUNCTION = kkb.nik_ge,
	COMMUTATOR = OPERATOR(kkb.<=), NEGATOR = OPERATOR(kkb.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

COMMENT ON OPERATOR kkb.= (kkb.nik, kkb.nik) IS 'equal';
COMMENT ON OPERATOR kkb.<> (kkb.nik, kkb.nik) IS 'not equal';
COMMENT ON OPERATOR kkb.< (kkb.nik, kkb.nik) IS 'less than';
COMMENT ON OPERATOR kkb.<= (kkb.nik, kkb.nik) IS 'less than or equal';
COMMENT ON OPERATOR kkb.> (kkb.nik, kkb.nik) IS 'greater than';
COMMENT ON OPERATOR kkb.>= (kkb.nik, kkb.nik) IS 'greater than or equal';

CREATE OPERATOR CLASS kkb.nik_ops DEFAULT FOR TYPE kkb.nik USING btree AS
	OPERATOR 1 kkb.< , OPERATOR 2 kkb.<= , OPERATOR 3 kkb.= , OPERATOR 4 kkb.>= , OPERATOR 5 kkb.> ,
	FUNCTION 1 kkb.nik_cmp(kkb.nik, kkb.nik),
	FUNCTION 2 (kkb.nik, kkb.nik) pg_catalog.btint8sortsupport(internal),
	FUNCTION 4 (kkb.nik, kkb.nik) pg_catalog.btequalimage(oid);
CREATE OPERATOR CLASS kkb.nik_hash_ops DEFAULT FOR TYPE kkb.nik USING hash AS
	OPERATOR 1 kkb.= ,
	FUNCTION 1 kkb.nik_hash(kkb.nik),
	FUNCTION 2 kkb.nik_hash_extended(kkb.nik, bigint);

CREATE CAST (kkb.nik AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS kkb.nik) WITH INOUT AS ASSIGNMENT;
CREATE CAST (kkb.nik AS varchar) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS kkb.nik) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION kkb.nik_periksa(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_nik_periksa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.nik_periksa(text) IS
	'Check text as a kkb.nik without raising: NULL when valid, otherwise the reason (periksa = check)';

-- ---- 05_identitas.sql.tmpl for no_kk ----
-- 05_identitas.sql.tmpl - one int8-based identifier type, written out by the
-- build once for each of kkb.nik, kkb.no_kk and kkb.kode_wilayah (no_kk).
-- Storage is int8 passed by value, so comparison, sorting, btree and hash
-- support reuse the backend's int8 functions (LANGUAGE internal): no new C on
-- the hot path, and hash joins / hash aggregates work.

CREATE TYPE kkb.no_kk;

CREATE FUNCTION kkb.no_kk_in(cstring) RETURNS kkb.no_kk
	AS 'MODULE_PATHNAME', 'kkb_no_kk_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.no_kk_out(kkb.no_kk) RETURNS cstring
	AS 'MODULE_PATHNAME', 'kkb_no_kk_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.no_kk_recv(internal) RETURNS kkb.no_kk
	AS 'MODULE_PATHNAME', 'kkb_no_kk_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.no_kk_send(kkb.no_kk) RETURNS bytea
	AS 'MODULE_PATHNAME', 'kkb_no_kk_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE kkb.no_kk (
	INPUT = kkb.no_kk_in, OUTPUT = kkb.no_kk_out,
	RECEIVE = kkb.no_kk_recv, SEND = kkb.no_kk_send,
	INTERNALLENGTH = 8, PASSEDBYVALUE, ALIGNMENT = double, STORAGE = plain
);

COMMENT ON FUNCTION kkb.no_kk_in(cstring) IS 'Text input of kkb.no_kk: parses and validates';
COMMENT ON FUNCTION kkb.no_kk_out(kkb.no_kk) IS 'Text output of kkb.no_kk: the canonical form';
COMMENT ON FUNCTION kkb.no_kk_recv(internal) IS 'Binary input of kkb.no_kk (an int8): re-validates';
COMMENT ON FUNCTION kkb.no_kk_send(kkb.no_kk) IS 'Binary output of kkb.no_kk (an int8)';

CREATE FUNCTION kkb.no_kk_eq(kkb.no_kk, kkb.no_kk) RETURNS boolean
	AS 'int8eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_ne(kkb.no_kk, kkb.no_kk) RETURNS boolean
	AS 'int8ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_lt(kkb.no_kk, kkb.no_kk) RETURNS boolean
	AS 'int8lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_le(kkb.no_kk, kkb.no_kk) RETURNS boolean
	AS 'int8le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_gt(kkb.no_kk, kkb.no_kk) RETURNS boolean
	AS 'int8gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_ge(kkb.no_kk, kkb.no_kk) RETURNS boolean
	AS 'int8ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_cmp(kkb.no_kk, kkb.no_kk) RETURNS integer
	AS 'btint8cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_hash(kkb.no_kk) RETURNS integer
	AS 'hashint8' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.no_kk_hash_extended(kkb.no_kk, bigint) RETURNS bigint
	AS 'hashint8extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION kkb.no_kk_eq(kkb.no_kk, kkb.no_kk) IS 'kkb.no_kk equality (operator =)';
COMMENT ON FUNCTION kkb.no_kk_ne(kkb.no_kk, kkb.no_kk) IS 'kkb.no_kk inequality (operator <>)';
COMMENT ON FUNCTION kkb.no_kk_lt(kkb.no_kk, kkb.no_kk) IS 'kkb.no_kk less than (operator <)';
COMMENT ON FUNCTION kkb.no_kk_le(kkb.no_kk, kkb.no_kk) IS 'kkb.no_kk less than or equal (operator <=)';
COMMENT ON FUNCTION kkb.no_kk_gt(kkb.no_kk, kkb.no_kk) IS 'kkb.no_kk greater than (operator >)';
COMMENT ON FUNCTION kkb.no_kk_ge(kkb.no_kk, kkb.no_kk) IS 'kkb.no_kk greater than or equal (operator >=)';
COMMENT ON FUNCTION kkb.no_kk_cmp(kkb.no_kk, kkb.no_kk) IS 'kkb.no_kk btree comparison';
COMMENT ON FUNCTION kkb.no_kk_hash(kkb.no_kk) IS 'kkb.no_kk hash';
COMMENT ON FUNCTION kkb.no_kk_hash_extended(kkb.no_kk, bigint) IS 'kkb.no_kk 64-bit seeded hash';

CREATE OPERATOR kkb.= (
	LEFTARG = kkb.no_kk, RIGHTARG = kkb.no_kk, FUNCTION = kkb.no_kk_eq,
	COMMUTATOR = OPERATOR(kkb.=), NEGATOR = OPERATOR(kkb.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR kkb.<> (
	LEFTARG = kkb.no_kk, RIGHTARG = kkb.no_kk, FUNCTION = kkb.no_kk_ne,
	COMMUTATOR = OPERATOR(kkb.<>), NEGATOR = OPERATOR(kkb.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR kkb.< (
	LEFTARG = kkb.no_kk, RIGHTARG = kkb.no_kk, FUNCTION = kkb.no_kk_lt,
	COMMUTATOR = OPERATOR(kkb.>), NEGATOR = OPERATOR(kkb.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR kkb.<= (
	LEFTARG = kkb.no_kk, RIGHTARG = kkb.no_kk, FUNCTION = kkb.no_kk_le,
	COMMUTATOR = OPERATOR(kkb.>=), NEGATOR = OPERATOR(kkb.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR kkb.> (
	LEFTARG = kkb.no_kk, RIGHTARG = kkb.no_kk, FUNCTION = kkb.no_kk_gt,
	COMMUTATOR = OPERATOR(kkb.<), NEGATOR = OPERATOR(kkb.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR kkb.>= (
	LEFTARG = kkb.no_kk, RIGHTARG = kkb.no_kk, FUNCTION = kkb.no_kk_ge,
	COMMUTATOR = OPERATOR(kkb.<=), NEGATOR = OPERATOR(kkb.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

COMMENT ON OPERATOR kkb.= (kkb.no_kk, kkb.no_kk) IS 'equal';
COMMENT ON OPERATOR kkb.<> (kkb.no_kk, kkb.no_kk) IS 'not equal';
COMMENT ON OPERATOR kkb.< (kkb.no_kk, kkb.no_kk) IS 'less than';
COMMENT ON OPERATOR kkb.<= (kkb.no_kk, kkb.no_kk) IS 'less than or equal';
COMMENT ON OPERATOR kkb.> (kkb.no_kk, kkb.no_kk) IS 'greater than';
COMMENT ON OPERATOR kkb.>= (kkb.no_kk, kkb.no_kk) IS 'greater than or equal';

CREATE OPERATOR CLASS kkb.no_kk_ops DEFAULT FOR TYPE kkb.no_kk USING btree AS
	OPERATOR 1 kkb.< , OPERATOR 2 kkb.<= , OPERATOR 3 kkb.= , OPERATOR 4 kkb.>= , OPERATOR 5 kkb.> ,
	FUNCTION 1 kkb.no_kk_cmp(kkb.no_kk, kkb.no_kk),
	FUNCTION 2 (kkb.no_kk, kkb.no_kk) pg_catalog.btint8sortsupport(internal),
	FUNCTION 4 (kkb.no_kk, kkb.no_kk) pg_catalog.btequalimage(oid);
CREATE OPERATOR CLASS kkb.no_kk_hash_ops DEFAULT FOR TYPE kkb.no_kk USING hash AS
	OPERATOR 1 kkb.= ,
	FUNCTION 1 kkb.no_kk_hash(kkb.no_kk),
	FUNCTION 2 kkb.no_kk_hash_extended(kkb.no_kk, bigint);

CREATE CAST (kkb.no_kk AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS kkb.no_kk) WITH INOUT AS ASSIGNMENT;
CREATE CAST (kkb.no_kk AS varchar) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS kkb.no_kk) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION kkb.no_kk_periksa(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_no_kk_periksa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.no_kk_periksa(text) IS
	'Check text as a kkb.no_kk without raising: NULL when valid, otherwise the reason (periksa = check)';

-- ---- 05_identitas.sql.tmpl for kode_wilayah ----
-- 05_identitas.sql.tmpl - one int8-based identifier type, written out by the
-- build once for each of kkb.nik, kkb.no_kk and kkb.kode_wilayah (kode_wilayah).
-- Storage is int8 passed by value, so comparison, sorting, btree and hash
-- support reuse the backend's int8 functions (LANGUAGE internal): no new C on
-- the hot path, and hash joins / hash aggregates work.

CREATE TYPE kkb.kode_wilayah;

CREATE FUNCTION kkb.kode_wilayah_in(cstring) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.kode_wilayah_out(kkb.kode_wilayah) RETURNS cstring
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.kode_wilayah_recv(internal) RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kkb.kode_wilayah_send(kkb.kode_wilayah) RETURNS bytea
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE kkb.kode_wilayah (
	INPUT = kkb.kode_wilayah_in, OUTPUT = kkb.kode_wilayah_out,
	RECEIVE = kkb.kode_wilayah_recv, SEND = kkb.kode_wilayah_send,
	INTERNALLENGTH = 8, PASSEDBYVALUE, ALIGNMENT = double, STORAGE = plain
);

COMMENT ON FUNCTION kkb.kode_wilayah_in(cstring) IS 'Text input of kkb.kode_wilayah: parses and validates';
COMMENT ON FUNCTION kkb.kode_wilayah_out(kkb.kode_wilayah) IS 'Text output of kkb.kode_wilayah: the canonical form';
COMMENT ON FUNCTION kkb.kode_wilayah_recv(internal) IS 'Binary input of kkb.kode_wilayah (an int8): re-validates';
COMMENT ON FUNCTION kkb.kode_wilayah_send(kkb.kode_wilayah) IS 'Binary output of kkb.kode_wilayah (an int8)';

CREATE FUNCTION kkb.kode_wilayah_eq(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'int8eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_ne(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'int8ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_lt(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'int8lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_le(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'int8le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_gt(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'int8gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_ge(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS boolean
	AS 'int8ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_cmp(kkb.kode_wilayah, kkb.kode_wilayah) RETURNS integer
	AS 'btint8cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_hash(kkb.kode_wilayah) RETURNS integer
	AS 'hashint8' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kkb.kode_wilayah_hash_extended(kkb.kode_wilayah, bigint) RETURNS bigint
	AS 'hashint8extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION kkb.kode_wilayah_eq(kkb.kode_wilayah, kkb.kode_wilayah) IS 'kkb.kode_wilayah equality (operator =)';
COMMENT ON FUNCTION kkb.kode_wilayah_ne(kkb.kode_wilayah, kkb.kode_wilayah) IS 'kkb.kode_wilayah inequality (operator <>)';
COMMENT ON FUNCTION kkb.kode_wilayah_lt(kkb.kode_wilayah, kkb.kode_wilayah) IS 'kkb.kode_wilayah less than (operator <)';
COMMENT ON FUNCTION kkb.kode_wilayah_le(kkb.kode_wilayah, kkb.kode_wilayah) IS 'kkb.kode_wilayah less than or equal (operator <=)';
COMMENT ON FUNCTION kkb.kode_wilayah_gt(kkb.kode_wilayah, kkb.kode_wilayah) IS 'kkb.kode_wilayah greater than (operator >)';
COMMENT ON FUNCTION kkb.kode_wilayah_ge(kkb.kode_wilayah, kkb.kode_wilayah) IS 'kkb.kode_wilayah greater than or equal (operator >=)';
COMMENT ON FUNCTION kkb.kode_wilayah_cmp(kkb.kode_wilayah, kkb.kode_wilayah) IS 'kkb.kode_wilayah btree comparison';
COMMENT ON FUNCTION kkb.kode_wilayah_hash(kkb.kode_wilayah) IS 'kkb.kode_wilayah hash';
COMMENT ON FUNCTION kkb.kode_wilayah_hash_extended(kkb.kode_wilayah, bigint) IS 'kkb.kode_wilayah 64-bit seeded hash';

CREATE OPERATOR kkb.= (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_eq,
	COMMUTATOR = OPERATOR(kkb.=), NEGATOR = OPERATOR(kkb.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR kkb.<> (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_ne,
	COMMUTATOR = OPERATOR(kkb.<>), NEGATOR = OPERATOR(kkb.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR kkb.< (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_lt,
	COMMUTATOR = OPERATOR(kkb.>), NEGATOR = OPERATOR(kkb.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR kkb.<= (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_le,
	COMMUTATOR = OPERATOR(kkb.>=), NEGATOR = OPERATOR(kkb.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR kkb.> (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_gt,
	COMMUTATOR = OPERATOR(kkb.<), NEGATOR = OPERATOR(kkb.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR kkb.>= (
	LEFTARG = kkb.kode_wilayah, RIGHTARG = kkb.kode_wilayah, FUNCTION = kkb.kode_wilayah_ge,
	COMMUTATOR = OPERATOR(kkb.<=), NEGATOR = OPERATOR(kkb.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

COMMENT ON OPERATOR kkb.= (kkb.kode_wilayah, kkb.kode_wilayah) IS 'equal';
COMMENT ON OPERATOR kkb.<> (kkb.kode_wilayah, kkb.kode_wilayah) IS 'not equal';
COMMENT ON OPERATOR kkb.< (kkb.kode_wilayah, kkb.kode_wilayah) IS 'less than';
COMMENT ON OPERATOR kkb.<= (kkb.kode_wilayah, kkb.kode_wilayah) IS 'less than or equal';
COMMENT ON OPERATOR kkb.> (kkb.kode_wilayah, kkb.kode_wilayah) IS 'greater than';
COMMENT ON OPERATOR kkb.>= (kkb.kode_wilayah, kkb.kode_wilayah) IS 'greater than or equal';

CREATE OPERATOR CLASS kkb.kode_wilayah_ops DEFAULT FOR TYPE kkb.kode_wilayah USING btree AS
	OPERATOR 1 kkb.< , OPERATOR 2 kkb.<= , OPERATOR 3 kkb.= , OPERATOR 4 kkb.>= , OPERATOR 5 kkb.> ,
	FUNCTION 1 kkb.kode_wilayah_cmp(kkb.kode_wilayah, kkb.kode_wilayah),
	FUNCTION 2 (kkb.kode_wilayah, kkb.kode_wilayah) pg_catalog.btint8sortsupport(internal),
	FUNCTION 4 (kkb.kode_wilayah, kkb.kode_wilayah) pg_catalog.btequalimage(oid);
CREATE OPERATOR CLASS kkb.kode_wilayah_hash_ops DEFAULT FOR TYPE kkb.kode_wilayah USING hash AS
	OPERATOR 1 kkb.= ,
	FUNCTION 1 kkb.kode_wilayah_hash(kkb.kode_wilayah),
	FUNCTION 2 kkb.kode_wilayah_hash_extended(kkb.kode_wilayah, bigint);

CREATE CAST (kkb.kode_wilayah AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS kkb.kode_wilayah) WITH INOUT AS ASSIGNMENT;
CREATE CAST (kkb.kode_wilayah AS varchar) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS kkb.kode_wilayah) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION kkb.kode_wilayah_periksa(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_kode_wilayah_periksa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.kode_wilayah_periksa(text) IS
	'Check text as a kkb.kode_wilayah without raising: NULL when valid, otherwise the reason (periksa = check)';

-- ---- 06_identitas_fungsi.sql ----
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

-- ---- 10_wilayah.sql ----
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
CREATE FUNCTION kkb.wilayah_ada(kkb.kode_wilayah) RETURNS boolean
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN EXISTS (SELECT 1 FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) $1);
COMMENT ON FUNCTION kkb.wilayah_ada(kkb.kode_wilayah) IS 'True when the region is in the reference kkb.wilayah (ada = exists)';

CREATE FUNCTION kkb.wilayah_nama(kkb.kode_wilayah) RETURNS text
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN (SELECT w.nama FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) $1);
COMMENT ON FUNCTION kkb.wilayah_nama(kkb.kode_wilayah) IS 'Official name of the region (nama); NULL when it is not in the reference';

CREATE FUNCTION kkb.nik_wilayah_dikenal(kkb.nik) RETURNS boolean
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN kkb.wilayah_ada(kkb.nik_kecamatan($1)) IS TRUE;
COMMENT ON FUNCTION kkb.nik_wilayah_dikenal(kkb.nik) IS
	'True when the district in the NIK is in the national reference (dikenal = known); an unknown one is a warning, not an error, as codes go stale when regions split';

-- ---- 20_antropometri.sql ----
-- 20_antropometri.sql - WHO Child Growth Standards (2006) z-scores and the
-- Permenkes 2/2020 nutrition categories.  The LMS tables are compiled into the
-- library (extension/data/who, see its SOURCE.md), so these are IMMUTABLE.

CREATE FUNCTION kkb.zscore_tbu(jenis_kelamin text, umur_hari integer, tinggi_cm float8, cara_ukur text)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_tbu' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_tbu(text, integer, float8, text) IS
	'Length/height-for-age z-score (TB/U, PB/U), unrounded. jenis_kelamin L/P, cara_ukur telentang/berdiri (+-0.7 cm adjustment at 731 days). NULL outside 0..1826 days.';

CREATE FUNCTION kkb.zscore_bbu(jenis_kelamin text, umur_hari integer, berat_kg float8)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_bbu' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_bbu(text, integer, float8) IS
	'Weight-for-age z-score (BB/U), unrounded, WHO-restricted beyond +-3 SD. NULL outside 0..1826 days.';

CREATE FUNCTION kkb.zscore_bbtb(jenis_kelamin text, umur_hari integer, berat_kg float8, tinggi_cm float8, cara_ukur text)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_bbtb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_bbtb(text, integer, float8, float8, text) IS
	'Weight-for-length (under 731 days, 45-110 cm) or weight-for-height (65-120 cm) z-score (BB/PB, BB/TB), unrounded, restricted; L, M, S interpolated between 0.1 cm rows. NULL outside the table.';

CREATE FUNCTION kkb.zscore_imtu(jenis_kelamin text, umur_hari integer, berat_kg float8, tinggi_cm float8, cara_ukur text)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_imtu' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_imtu(text, integer, float8, float8, text) IS
	'BMI-for-age z-score (IMT/U), unrounded, restricted; BMI from the position-adjusted length/height. NULL outside 0..1826 days.';

CREATE TYPE kkb.hasil_antropometri AS (
	umur_hari         integer,
	umur_bulan        integer,
	tinggi_koreksi_cm float8,
	z_tbu             numeric,
	z_bbu             numeric,
	z_bbtb            numeric,
	z_imtu            numeric,
	status_tbu        text,
	status_bbu        text,
	status_bbtb       text,
	status_imtu       text,
	stunting          boolean,
	flags             text[]
);
COMMENT ON TYPE kkb.hasil_antropometri IS 'Result of kkb.antropometri: age, adjusted length/height, the four z-scores (2 decimals), Permenkes 2/2020 categories, stunting and WHO flags';
COMMENT ON COLUMN kkb.hasil_antropometri.umur_hari IS 'Age in days at measurement (umur)';
COMMENT ON COLUMN kkb.hasil_antropometri.umur_bulan IS 'Age in completed months (days / 30.4375, rounded down)';
COMMENT ON COLUMN kkb.hasil_antropometri.tinggi_koreksi_cm IS 'Length/height after the +-0.7 cm lying/standing adjustment';
COMMENT ON COLUMN kkb.hasil_antropometri.z_tbu IS 'Length/height-for-age z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.z_bbu IS 'Weight-for-age z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.z_bbtb IS 'Weight-for-length/height z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.z_imtu IS 'BMI-for-age z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.status_tbu IS 'TB/U category: sangat pendek, pendek, normal, tinggi';
COMMENT ON COLUMN kkb.hasil_antropometri.status_bbu IS 'BB/U category: berat badan sangat kurang, berat badan kurang, berat badan normal, risiko berat badan lebih';
COMMENT ON COLUMN kkb.hasil_antropometri.status_bbtb IS 'BB/TB category: gizi buruk, gizi kurang, gizi baik, berisiko gizi lebih, gizi lebih, obesitas';
COMMENT ON COLUMN kkb.hasil_antropometri.status_imtu IS 'IMT/U category, same names as BB/TB';
COMMENT ON COLUMN kkb.hasil_antropometri.stunting IS 'Stunted: length/height-for-age z < -2';
COMMENT ON COLUMN kkb.hasil_antropometri.flags IS 'WHO implausibility flags (tbu/bbu/bbtb/imtu_tidak_wajar) and posisi_ukur_tidak_wajar (standing under 9 months)';

CREATE FUNCTION kkb.antropometri(jenis_kelamin text, tanggal_lahir date, tanggal_ukur date,
                                 berat_kg float8, tinggi_cm float8, cara_ukur text, oedema boolean DEFAULT false)
	RETURNS kkb.hasil_antropometri AS 'MODULE_PATHNAME', 'kkb_antropometri' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.antropometri(text, date, date, float8, float8, text, boolean) IS
	'Every WHO growth indicator of one child measurement with Permenkes 2/2020 categories (z rounded to 2 decimals, as WHO anthro does before categorising). NULL weight or length: not measured; oedema suppresses the weight-based scores.';

-- ---- 30_kode.sql ----
-- 30_kode.sql - code lists of the national Kampung KB portal and of the Rumah
-- DataKu (DOMAIN.md 2).  Fixed national lists are enum types: a wrong code is
-- refused on input (22P02, naming the value) with no trigger and no lookup,
-- arrays of them hold multi-choice answers, and ALTER TYPE ... ADD VALUE extends
-- them.  kkb.kode gives each code its Indonesian name for screens and reports.

CREATE TYPE kkb.sumber_dana AS ENUM ('apbn', 'apbd', 'dana_desa', 'hibah', 'csr', 'swadaya');
CREATE TYPE kkb.poktan AS ENUM ('bkb', 'bkr', 'bkl', 'uppka', 'pikr', 'pelayanan_kb', 'kependudukan', 'sektor_lain');
CREATE TYPE kkb.sarana AS ENUM ('sekretariat', 'rumah_dataku');
CREATE TYPE kkb.kontrasepsi AS ENUM ('iud', 'mow', 'mop', 'kondom', 'implan', 'suntik', 'pil');
CREATE TYPE kkb.alasan_tidak_kb AS ENUM ('hamil', 'ingin_anak_segera', 'iat', 'tial');
CREATE TYPE kkb.mekanisme_operasional AS ENUM ('rapat_perencanaan', 'koordinasi', 'sosialisasi', 'monev', 'pelaporan');
CREATE TYPE kkb.sumber_data AS ENUM ('pk', 'rutin_bkkbn', 'potensi_desa', 'sektoral', 'lainnya');
CREATE TYPE kkb.fungsi_keluarga AS ENUM ('agama', 'sosial_budaya', 'cinta_kasih', 'perlindungan', 'reproduksi',
	'pendidikan', 'ekonomi', 'lingkungan');
CREATE TYPE kkb.sasaran AS ENUM ('balita', 'remaja', 'lansia', 'pus', 'ibu_hamil', 'keluarga_miskin', 'krs', 'umum');
CREATE TYPE kkb.air_minum AS ENUM ('kemasan', 'ledeng', 'sumur_bor', 'sumur_terlindung', 'mata_air_terlindung',
	'air_hujan', 'sumur_tak_terlindung', 'mata_air_tak_terlindung', 'air_permukaan', 'lainnya');
CREATE TYPE kkb.jamban AS ENUM ('sendiri', 'bersama', 'umum', 'tidak_ada');
CREATE TYPE kkb.hubungan AS ENUM ('kepala', 'istri', 'anak', 'menantu', 'cucu', 'orang_tua', 'famili_lain', 'lainnya');
CREATE TYPE kkb.status_kawin AS ENUM ('belum_kawin', 'kawin', 'cerai_hidup', 'cerai_mati');
CREATE TYPE kkb.jenis_peristiwa AS ENUM ('lahir', 'mati', 'pindah_masuk', 'pindah_keluar');
CREATE TYPE kkb.status_periode AS ENUM ('draf', 'diajukan', 'disetujui', 'dikunci');

COMMENT ON TYPE kkb.sumber_dana IS 'Funding source of a Kampung KB (sumber dana)';
COMMENT ON TYPE kkb.poktan IS 'Programme or activity group present in a Kampung KB (poktan)';
COMMENT ON TYPE kkb.sarana IS 'Facility of a Kampung KB (sarana)';
COMMENT ON TYPE kkb.kontrasepsi IS 'Contraceptive method (metode kontrasepsi); MKJP = iud, mow, mop, implan';
COMMENT ON TYPE kkb.alasan_tidak_kb IS 'Reason a couple of reproductive age uses no contraception; unmet need = iat + tial';
COMMENT ON TYPE kkb.mekanisme_operasional IS 'Operational mechanism carried out (mekanisme operasional)';
COMMENT ON TYPE kkb.sumber_data IS 'Data source used in planning (penggunaan data)';
COMMENT ON TYPE kkb.fungsi_keluarga IS 'One of the 8 family functions an intervention serves (fungsi keluarga)';
COMMENT ON TYPE kkb.sasaran IS 'Target group of an intervention (sasaran)';
COMMENT ON TYPE kkb.air_minum IS 'Main drinking-water source of a family (sumber air minum)';
COMMENT ON TYPE kkb.jamban IS 'Latrine a family uses (jamban)';
COMMENT ON TYPE kkb.hubungan IS 'Relation to the head of the family (hubungan dengan kepala keluarga)';
COMMENT ON TYPE kkb.status_kawin IS 'Marital status (status perkawinan)';
COMMENT ON TYPE kkb.jenis_peristiwa IS 'Vital event (peristiwa): birth, death, move in, move out';
COMMENT ON TYPE kkb.status_periode IS 'State of a village-month of data: draf, diajukan (submitted), disetujui (approved), dikunci (locked)';

CREATE TABLE kkb.kode (
	kelompok text NOT NULL,
	kode     text NOT NULL CHECK (kode ~ '^[a-z0-9_]+$'),
	nama     text NOT NULL,
	urutan   smallint NOT NULL DEFAULT 0,
	PRIMARY KEY (kelompok, kode)
);
COMMENT ON TABLE kkb.kode IS 'Indonesian names of the codes of every code list (kelompok = the enum type kkb.<kelompok>)';
COMMENT ON COLUMN kkb.kode.kelompok IS 'List name (kelompok), e.g. sumber_dana';
COMMENT ON COLUMN kkb.kode.kode IS 'Stable code used in the data (lower case)';
COMMENT ON COLUMN kkb.kode.nama IS 'Name shown to users (nama)';
COMMENT ON COLUMN kkb.kode.urutan IS 'Display order (urutan)';

INSERT INTO kkb.kode (kelompok, kode, nama, urutan) VALUES
	('sumber_dana', 'apbn', 'APBN', 1), ('sumber_dana', 'apbd', 'APBD', 2), ('sumber_dana', 'dana_desa', 'Dana Desa', 3),
	('sumber_dana', 'hibah', 'Donasi/hibah', 4), ('sumber_dana', 'csr', 'CSR', 5), ('sumber_dana', 'swadaya', 'Swadaya masyarakat', 6),
	('poktan', 'bkb', 'Bina Keluarga Balita (BKB)', 1), ('poktan', 'bkr', 'Bina Keluarga Remaja (BKR)', 2),
	('poktan', 'bkl', 'Bina Keluarga Lansia (BKL)', 3), ('poktan', 'uppka', 'UPPKA', 4), ('poktan', 'pikr', 'PIK-R', 5),
	('poktan', 'pelayanan_kb', 'Pelayanan KB-KR', 6), ('poktan', 'kependudukan', 'Kependudukan', 7), ('poktan', 'sektor_lain', 'Sektor Lain', 8),
	('sarana', 'sekretariat', 'Sekretariat Kampung KB', 1), ('sarana', 'rumah_dataku', 'Rumah DataKu', 2),
	('kontrasepsi', 'iud', 'IUD', 1), ('kontrasepsi', 'mow', 'MOW (tubektomi)', 2), ('kontrasepsi', 'mop', 'MOP (vasektomi)', 3),
	('kontrasepsi', 'kondom', 'Kondom', 4), ('kontrasepsi', 'implan', 'Implan', 5), ('kontrasepsi', 'suntik', 'Suntik', 6), ('kontrasepsi', 'pil', 'Pil', 7),
	('alasan_tidak_kb', 'hamil', 'Hamil', 1), ('alasan_tidak_kb', 'ingin_anak_segera', 'Ingin anak segera', 2),
	('alasan_tidak_kb', 'iat', 'Ingin anak ditunda (IAT)', 3), ('alasan_tidak_kb', 'tial', 'Tidak ingin anak lagi (TIAL)', 4),
	('mekanisme_operasional', 'rapat_perencanaan', 'Rapat perencanaan kegiatan', 1), ('mekanisme_operasional', 'koordinasi', 'Koordinasi dengan instansi', 2),
	('mekanisme_operasional', 'sosialisasi', 'Sosialisasi', 3), ('mekanisme_operasional', 'monev', 'Monitoring dan evaluasi', 4),
	('mekanisme_operasional', 'pelaporan', 'Pelaporan', 5),
	('sumber_data', 'pk', 'Pendataan Keluarga (PK) dan pemutakhiran', 1), ('sumber_data', 'rutin_bkkbn', 'Data rutin BKKBN', 2),
	('sumber_data', 'potensi_desa', 'Potensi Desa', 3), ('sumber_data', 'sektoral', 'Data sektoral', 4), ('sumber_data', 'lainnya', 'Lainnya', 5),
	('fungsi_keluarga', 'agama', 'Agama', 1), ('fungsi_keluarga', 'sosial_budaya', 'Sosial budaya', 2), ('fungsi_keluarga', 'cinta_kasih', 'Cinta kasih', 3),
	('fungsi_keluarga', 'perlindungan', 'Perlindungan', 4), ('fungsi_keluarga', 'reproduksi', 'Reproduksi', 5), ('fungsi_keluarga', 'pendidikan', 'Pendidikan', 6),
	('fungsi_keluarga', 'ekonomi', 'Ekonomi', 7), ('fungsi_keluarga', 'lingkungan', 'Lingkungan', 8),
	('sasaran', 'balita', 'Keluarga dengan balita', 1), ('sasaran', 'remaja', 'Remaja', 2), ('sasaran', 'lansia', 'Lansia', 3),
	('sasaran', 'pus', 'Pasangan usia subur', 4), ('sasaran', 'ibu_hamil', 'Ibu hamil', 5), ('sasaran', 'keluarga_miskin', 'Keluarga miskin', 6),
	('sasaran', 'krs', 'Keluarga berisiko stunting', 7), ('sasaran', 'umum', 'Masyarakat umum', 8),
	('air_minum', 'kemasan', 'Air kemasan/isi ulang', 1), ('air_minum', 'ledeng', 'Ledeng/perpipaan', 2), ('air_minum', 'sumur_bor', 'Sumur bor/pompa', 3),
	('air_minum', 'sumur_terlindung', 'Sumur terlindung', 4), ('air_minum', 'mata_air_terlindung', 'Mata air terlindung', 5),
	('air_minum', 'air_hujan', 'Air hujan', 6), ('air_minum', 'sumur_tak_terlindung', 'Sumur tak terlindung', 7),
	('air_minum', 'mata_air_tak_terlindung', 'Mata air tak terlindung', 8), ('air_minum', 'air_permukaan', 'Sungai/danau/air permukaan', 9),
	('air_minum', 'lainnya', 'Lainnya', 10),
	('jamban', 'sendiri', 'Jamban sendiri', 1), ('jamban', 'bersama', 'Jamban bersama', 2), ('jamban', 'umum', 'Jamban umum', 3),
	('jamban', 'tidak_ada', 'Tidak ada', 4),
	('hubungan', 'kepala', 'Kepala keluarga', 1), ('hubungan', 'istri', 'Istri/suami', 2), ('hubungan', 'anak', 'Anak', 3),
	('hubungan', 'menantu', 'Menantu', 4), ('hubungan', 'cucu', 'Cucu', 5), ('hubungan', 'orang_tua', 'Orang tua/mertua', 6),
	('hubungan', 'famili_lain', 'Famili lain', 7), ('hubungan', 'lainnya', 'Lainnya', 8),
	('status_kawin', 'belum_kawin', 'Belum kawin', 1), ('status_kawin', 'kawin', 'Kawin', 2), ('status_kawin', 'cerai_hidup', 'Cerai hidup', 3),
	('status_kawin', 'cerai_mati', 'Cerai mati', 4),
	('jenis_peristiwa', 'lahir', 'Kelahiran', 1), ('jenis_peristiwa', 'mati', 'Kematian', 2),
	('jenis_peristiwa', 'pindah_masuk', 'Pindah masuk', 3), ('jenis_peristiwa', 'pindah_keluar', 'Pindah keluar', 4),
	('status_periode', 'draf', 'Draf', 1), ('status_periode', 'diajukan', 'Diajukan', 2),
	('status_periode', 'disetujui', 'Disetujui', 3), ('status_periode', 'dikunci', 'Dikunci', 4);

-- Proper drinking water (BKKBN's definition of families at risk of stunting)
CREATE TABLE kkb.air_minum_layak (kode kkb.air_minum PRIMARY KEY);
COMMENT ON TABLE kkb.air_minum_layak IS 'Drinking-water sources counted as proper (layak) for the stunting-risk definition';
COMMENT ON COLUMN kkb.air_minum_layak.kode IS 'Drinking-water source';
INSERT INTO kkb.air_minum_layak VALUES ('kemasan'), ('ledeng'), ('sumur_bor'), ('sumur_terlindung'), ('mata_air_terlindung'), ('air_hujan');

-- City agencies (organisasi perangkat daerah)
CREATE TABLE kkb.opd (
	kode text PRIMARY KEY CHECK (kode ~ '^[a-z0-9_]+$'),
	nama text NOT NULL
);
COMMENT ON TABLE kkb.opd IS 'City agencies (OPD, organisasi perangkat daerah) that intervene in villages';
COMMENT ON COLUMN kkb.opd.kode IS 'Agency code';
COMMENT ON COLUMN kkb.opd.nama IS 'Agency name';
INSERT INTO kkb.opd VALUES
	('dp3akb', 'Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB'), ('dinkes', 'Dinas Kesehatan'),
	('dinsos', 'Dinas Sosial'), ('disdik', 'Dinas Pendidikan'), ('pupr', 'Dinas Pekerjaan Umum dan Penataan Ruang'),
	('perkim', 'Dinas Perumahan dan Kawasan Permukiman'), ('disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil'),
	('dpmd', 'Dinas Pemberdayaan Masyarakat dan Desa'), ('bappeda', 'Badan Perencanaan Pembangunan Daerah'),
	('kemenag', 'Kantor Kementerian Agama'), ('dkp', 'Dinas Ketahanan Pangan'), ('disnaker', 'Dinas Tenaga Kerja');

-- Does an array hold each element at most once?  (multi-choice answers)
CREATE FUNCTION kkb._tanpa_duplikat(anyarray) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$SELECT pg_catalog.count(*) = pg_catalog.count(DISTINCT e) FROM pg_catalog.unnest($1) AS u(e)$$;
COMMENT ON FUNCTION kkb._tanpa_duplikat(anyarray) IS 'Internal: true when no element of the array repeats';

-- ---- 31_desa.sql ----
-- 31_desa.sql - village tables: the Kampung KB itself, its monthly profile
-- (what the national portal's classification reads), population and family-
-- planning reports, interventions, and the month's approval state.
-- Every village-owned table has kode_desa first in its primary key (the
-- distribution column of a Citus deployment; see DESIGN.md "Scale-out").

CREATE DOMAIN kkb.bulan AS date
	CONSTRAINT bulan_hari_pertama CHECK (VALUE = pg_catalog.date_trunc('month', VALUE)::date);
COMMENT ON DOMAIN kkb.bulan IS 'A month (periode), stored as its first day, e.g. 2026-11-01';

-- A village code: level 4 of the region hierarchy
CREATE DOMAIN kkb.kode_desa AS kkb.kode_wilayah
	CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(VALUE) = 4);
COMMENT ON DOMAIN kkb.kode_desa IS 'Village code (desa/kelurahan, PP.KK.CC.DDDD)';

CREATE TABLE kkb.kampung (
	kode_desa           kkb.kode_desa PRIMARY KEY REFERENCES kkb.wilayah (kode),
	nama                text NOT NULL CHECK (nama ~ '\S'),
	tanggal_pencanangan date,
	nomor_sk            text,
	lintang             numeric(9, 6) CHECK (lintang BETWEEN -11 AND 6),
	bujur               numeric(9, 6) CHECK (bujur BETWEEN 94 AND 142),
	alamat_sekretariat  text,
	dibuat_pada         timestamptz NOT NULL DEFAULT pg_catalog.now(),
	diubah_pada         timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kkb.kampung IS 'One row per Kampung KB (a whole desa or kelurahan)';
COMMENT ON COLUMN kkb.kampung.kode_desa IS 'Village code (must be a village of kkb.wilayah)';
COMMENT ON COLUMN kkb.kampung.nama IS 'Name of the Kampung KB';
COMMENT ON COLUMN kkb.kampung.tanggal_pencanangan IS 'Date the Kampung KB was declared (pencanangan)';
COMMENT ON COLUMN kkb.kampung.nomor_sk IS 'Number of the founding decree (SK)';
COMMENT ON COLUMN kkb.kampung.lintang IS 'Latitude of the secretariat, degrees (Indonesia: -11..6)';
COMMENT ON COLUMN kkb.kampung.bujur IS 'Longitude of the secretariat, degrees (Indonesia: 94..142)';
COMMENT ON COLUMN kkb.kampung.alamat_sekretariat IS 'Address of the secretariat';
COMMENT ON COLUMN kkb.kampung.dibuat_pada IS 'Created at';
COMMENT ON COLUMN kkb.kampung.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.profil (
	kode_desa             kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	periode               kkb.bulan NOT NULL,
	pokja_ada             boolean NOT NULL DEFAULT false,
	pokja_anggota         integer CHECK (pokja_anggota >= 0),
	pokja_terlatih        boolean NOT NULL DEFAULT false,
	pkb_pendamping        boolean NOT NULL DEFAULT false,
	regulasi              boolean NOT NULL DEFAULT false,
	sumber_dana           kkb.sumber_dana[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(sumber_dana)),
	poktan                kkb.poktan[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(poktan)),
	sarana                kkb.sarana[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(sarana)),
	penggunaan_data       kkb.sumber_data[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(penggunaan_data)),
	mekanisme_operasional kkb.mekanisme_operasional[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(mekanisme_operasional)),
	diubah_pada           timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode),
	CHECK (pokja_ada OR (coalesce(pokja_anggota, 0) = 0 AND NOT pokja_terlatih))
);
COMMENT ON TABLE kkb.profil IS 'Monthly input and process profile of a Kampung KB: everything the national classification reads';
COMMENT ON COLUMN kkb.profil.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.profil.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.profil.pokja_ada IS 'A working group (pokja) exists';
COMMENT ON COLUMN kkb.profil.pokja_anggota IS 'Number of pokja members';
COMMENT ON COLUMN kkb.profil.pokja_terlatih IS 'The pokja has been trained';
COMMENT ON COLUMN kkb.profil.pkb_pendamping IS 'A family-planning field officer (PKB/PLKB) is assigned as mentor';
COMMENT ON COLUMN kkb.profil.regulasi IS 'A decree or regulation on the Kampung KB exists';
COMMENT ON COLUMN kkb.profil.sumber_dana IS 'Funding sources ticked';
COMMENT ON COLUMN kkb.profil.poktan IS 'Programmes present';
COMMENT ON COLUMN kkb.profil.sarana IS 'Facilities present';
COMMENT ON COLUMN kkb.profil.penggunaan_data IS 'Data sources used in planning';
COMMENT ON COLUMN kkb.profil.mekanisme_operasional IS 'Operational mechanisms carried out';
COMMENT ON COLUMN kkb.profil.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.penduduk (
	kode_desa       kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	periode         kkb.bulan NOT NULL,
	laki_laki       integer[] CHECK (pg_catalog.cardinality(laki_laki) = 16 AND 0 <= ALL (laki_laki)),
	perempuan       integer[] CHECK (pg_catalog.cardinality(perempuan) = 16 AND 0 <= ALL (perempuan)),
	keluarga        integer CHECK (keluarga >= 0),
	pus             integer CHECK (pus >= 0),
	remaja          integer CHECK (remaja >= 0),
	keluarga_balita integer CHECK (keluarga_balita >= 0),
	keluarga_remaja integer CHECK (keluarga_remaja >= 0),
	keluarga_lansia integer CHECK (keluarga_lansia >= 0),
	diubah_pada     timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode),
	CHECK (keluarga_balita <= keluarga AND keluarga_remaja <= keluarga AND keluarga_lansia <= keluarga)
);
COMMENT ON TABLE kkb.penduduk IS 'Monthly aggregate population of a village (what villages without by-name data report)';
COMMENT ON COLUMN kkb.penduduk.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.penduduk.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.penduduk.laki_laki IS 'Men by 5-year age group: 16 counts for 0-4, 5-9, ..., 70-74, 75+';
COMMENT ON COLUMN kkb.penduduk.perempuan IS 'Women by 5-year age group: 16 counts for 0-4, 5-9, ..., 70-74, 75+';
COMMENT ON COLUMN kkb.penduduk.keluarga IS 'Families (KK)';
COMMENT ON COLUMN kkb.penduduk.pus IS 'Couples of reproductive age (PUS)';
COMMENT ON COLUMN kkb.penduduk.remaja IS 'Teenagers aged 10-24 (remaja)';
COMMENT ON COLUMN kkb.penduduk.keluarga_balita IS 'Families with a child under five';
COMMENT ON COLUMN kkb.penduduk.keluarga_remaja IS 'Families with a teenager';
COMMENT ON COLUMN kkb.penduduk.keluarga_lansia IS 'Families with an elderly member (60+)';
COMMENT ON COLUMN kkb.penduduk.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.kkbpk (
	kode_desa             kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	periode               kkb.bulan NOT NULL,
	peserta_bkb           integer CHECK (peserta_bkb >= 0),
	peserta_bkr           integer CHECK (peserta_bkr >= 0),
	peserta_bkl           integer CHECK (peserta_bkl >= 0),
	peserta_uppka         integer CHECK (peserta_uppka >= 0),
	peserta_pikr          integer CHECK (peserta_pikr >= 0),
	kb_iud                integer CHECK (kb_iud >= 0),
	kb_mow                integer CHECK (kb_mow >= 0),
	kb_mop                integer CHECK (kb_mop >= 0),
	kb_kondom             integer CHECK (kb_kondom >= 0),
	kb_implan             integer CHECK (kb_implan >= 0),
	kb_suntik             integer CHECK (kb_suntik >= 0),
	kb_pil                integer CHECK (kb_pil >= 0),
	tidak_kb_hamil        integer CHECK (tidak_kb_hamil >= 0),
	tidak_kb_ingin_segera integer CHECK (tidak_kb_ingin_segera >= 0),
	tidak_kb_iat          integer CHECK (tidak_kb_iat >= 0),
	tidak_kb_tial         integer CHECK (tidak_kb_tial >= 0),
	peserta_baru          integer CHECK (peserta_baru >= 0),
	bpjs                  integer CHECK (bpjs >= 0),
	diubah_pada           timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode)
);
COMMENT ON TABLE kkb.kkbpk IS 'Monthly family-planning report of a village (KKBPK): programme participants, contraceptive users by method, couples not using contraception by reason';
COMMENT ON COLUMN kkb.kkbpk.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.kkbpk.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.kkbpk.peserta_bkb IS 'BKB participants (families with toddlers)';
COMMENT ON COLUMN kkb.kkbpk.peserta_bkr IS 'BKR participants (families with teenagers)';
COMMENT ON COLUMN kkb.kkbpk.peserta_bkl IS 'BKL participants (families with elderly)';
COMMENT ON COLUMN kkb.kkbpk.peserta_uppka IS 'UPPKA participants (family income groups)';
COMMENT ON COLUMN kkb.kkbpk.peserta_pikr IS 'PIK-R participants (youth counselling)';
COMMENT ON COLUMN kkb.kkbpk.kb_iud IS 'Active users: IUD';
COMMENT ON COLUMN kkb.kkbpk.kb_mow IS 'Active users: female sterilisation (MOW)';
COMMENT ON COLUMN kkb.kkbpk.kb_mop IS 'Active users: male sterilisation (MOP)';
COMMENT ON COLUMN kkb.kkbpk.kb_kondom IS 'Active users: condom';
COMMENT ON COLUMN kkb.kkbpk.kb_implan IS 'Active users: implant';
COMMENT ON COLUMN kkb.kkbpk.kb_suntik IS 'Active users: injectable';
COMMENT ON COLUMN kkb.kkbpk.kb_pil IS 'Active users: pill';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_hamil IS 'Couples not using contraception: pregnant';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_ingin_segera IS 'Couples not using contraception: want a child soon';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_iat IS 'Couples not using contraception: want a child later (IAT, unmet need)';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_tial IS 'Couples not using contraception: want no more children (TIAL, unmet need)';
COMMENT ON COLUMN kkb.kkbpk.peserta_baru IS 'New acceptors this month';
COMMENT ON COLUMN kkb.kkbpk.bpjs IS 'Members covered by health insurance (BPJS)';
COMMENT ON COLUMN kkb.kkbpk.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.intervensi (
	kode_desa       kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	id              bigint GENERATED ALWAYS AS IDENTITY,
	tanggal         date NOT NULL CONSTRAINT intervensi_tanggal_wajar CHECK (tanggal BETWEEN '2000-01-01' AND '2099-12-31'),
	judul           text NOT NULL CHECK (judul ~ '\S'),
	fungsi_keluarga kkb.fungsi_keluarga NOT NULL,
	sasaran         kkb.sasaran[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(sasaran)),
	opd             text[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(opd)),
	kegiatan_inpres text,
	uraian          text,
	diubah_pada     timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, id)
);
COMMENT ON TABLE kkb.intervensi IS 'Interventions carried out in a village (intervensi), by family function, target groups and agencies';
COMMENT ON COLUMN kkb.intervensi.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.intervensi.id IS 'Intervention number';
COMMENT ON COLUMN kkb.intervensi.tanggal IS 'Date (2000-01-01 to 2099-12-31: a date outside is a typing error)';
COMMENT ON COLUMN kkb.intervensi.judul IS 'Title';
COMMENT ON COLUMN kkb.intervensi.fungsi_keluarga IS 'Family function served (one of the 8)';
COMMENT ON COLUMN kkb.intervensi.sasaran IS 'Target groups';
COMMENT ON COLUMN kkb.intervensi.opd IS 'Agencies involved (codes of kkb.opd)';
COMMENT ON COLUMN kkb.intervensi.kegiatan_inpres IS 'Activity of Inpres 3/2022 it belongs to, if any';
COMMENT ON COLUMN kkb.intervensi.uraian IS 'Description';
COMMENT ON COLUMN kkb.intervensi.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.periode_status (
	kode_desa   kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	periode     kkb.bulan NOT NULL,
	status      kkb.status_periode NOT NULL DEFAULT 'draf',
	diubah_oleh text NOT NULL DEFAULT CURRENT_USER,
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode)
);
COMMENT ON TABLE kkb.periode_status IS 'Approval state of a village-month of data (draf -> diajukan -> disetujui -> dikunci); no row means draf';
COMMENT ON COLUMN kkb.periode_status.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.periode_status.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.periode_status.status IS 'State';
COMMENT ON COLUMN kkb.periode_status.diubah_oleh IS 'Who changed the state last (role or application user)';
COMMENT ON COLUMN kkb.periode_status.diubah_pada IS 'When the state changed last';

-- ---- 32_rumah_dataku.sql ----
-- 32_rumah_dataku.sql - by-name data of the village's Rumah DataKu: families,
-- members, child measurements (with their WHO z-scores, derived on write) and
-- vital events.  Personal data (UU 27/2022): visible only to the owning village
-- and administrators (see 34_akses.sql); analysts get kkb_bi's de-identified views.

CREATE TABLE kkb.keluarga (
	kode_desa      kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	no_kk          kkb.no_kk NOT NULL,
	rt             smallint CHECK (rt BETWEEN 1 AND 999),
	rw             smallint CHECK (rw BETWEEN 1 AND 999),
	alamat         text,
	air_minum      kkb.air_minum,
	jamban         kkb.jamban,
	tangki_septik  boolean,
	lantai_tanah   boolean,
	dinding_layak  boolean,
	atap_layak     boolean,
	miskin         boolean NOT NULL DEFAULT false,
	diubah_pada    timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, no_kk)
);
COMMENT ON TABLE kkb.keluarga IS 'Families of the village by family card (keluarga), with housing, water and sanitation';
COMMENT ON COLUMN kkb.keluarga.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.keluarga.no_kk IS 'Family card number (No. KK)';
COMMENT ON COLUMN kkb.keluarga.rt IS 'Neighbourhood unit (RT)';
COMMENT ON COLUMN kkb.keluarga.rw IS 'Community unit (RW)';
COMMENT ON COLUMN kkb.keluarga.alamat IS 'Address';
COMMENT ON COLUMN kkb.keluarga.air_minum IS 'Main drinking-water source';
COMMENT ON COLUMN kkb.keluarga.jamban IS 'Latrine used';
COMMENT ON COLUMN kkb.keluarga.tangki_septik IS 'The latrine drains into a septic tank or wastewater plant';
COMMENT ON COLUMN kkb.keluarga.lantai_tanah IS 'The house has an earth floor';
COMMENT ON COLUMN kkb.keluarga.dinding_layak IS 'The walls are proper';
COMMENT ON COLUMN kkb.keluarga.atap_layak IS 'The roof is proper';
COMMENT ON COLUMN kkb.keluarga.miskin IS 'Poor family (registered in DTKS, the social welfare register)';
COMMENT ON COLUMN kkb.keluarga.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.anggota (
	kode_desa       kkb.kode_desa NOT NULL,
	nik             kkb.nik NOT NULL,
	no_kk           kkb.no_kk NOT NULL,
	nama            text NOT NULL CHECK (nama ~ '\S'),
	jenis_kelamin   char(1) NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
	tanggal_lahir   date NOT NULL,
	hubungan        kkb.hubungan NOT NULL,
	status_kawin    kkb.status_kawin,
	pendidikan      text,
	sekolah         boolean,
	pekerjaan       text,
	jaminan_kesehatan boolean,
	akta_lahir      boolean,
	hamil           boolean,
	kontrasepsi     kkb.kontrasepsi,
	alasan_tidak_kb kkb.alasan_tidak_kb,
	diubah_pada     timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, nik),
	FOREIGN KEY (kode_desa, no_kk) REFERENCES kkb.keluarga (kode_desa, no_kk) ON UPDATE CASCADE,
	CHECK (kontrasepsi IS NULL OR alasan_tidak_kb IS NULL)
);
-- one head per family card
CREATE UNIQUE INDEX anggota_satu_kepala ON kkb.anggota (kode_desa, no_kk) WHERE hubungan = 'kepala';
CREATE INDEX anggota_no_kk ON kkb.anggota (kode_desa, no_kk);
COMMENT ON TABLE kkb.anggota IS 'Members of the village''s families (anggota keluarga), by NIK';
COMMENT ON COLUMN kkb.anggota.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.anggota.nik IS 'National identity number (NIK)';
COMMENT ON COLUMN kkb.anggota.no_kk IS 'Family card number: the family in this village';
COMMENT ON COLUMN kkb.anggota.nama IS 'Name';
COMMENT ON COLUMN kkb.anggota.jenis_kelamin IS 'Sex: L (laki-laki) or P (perempuan); must agree with the NIK';
COMMENT ON COLUMN kkb.anggota.tanggal_lahir IS 'Birth date; must agree with the NIK';
COMMENT ON COLUMN kkb.anggota.hubungan IS 'Relation to the head of the family';
COMMENT ON COLUMN kkb.anggota.status_kawin IS 'Marital status';
COMMENT ON COLUMN kkb.anggota.pendidikan IS 'Highest education completed';
COMMENT ON COLUMN kkb.anggota.sekolah IS 'Currently in school';
COMMENT ON COLUMN kkb.anggota.pekerjaan IS 'Occupation';
COMMENT ON COLUMN kkb.anggota.jaminan_kesehatan IS 'Covered by health insurance (BPJS/JKN)';
COMMENT ON COLUMN kkb.anggota.akta_lahir IS 'Has a birth certificate';
COMMENT ON COLUMN kkb.anggota.hamil IS 'Currently pregnant';
COMMENT ON COLUMN kkb.anggota.kontrasepsi IS 'Contraceptive method in use';
COMMENT ON COLUMN kkb.anggota.alasan_tidak_kb IS 'For a couple of reproductive age not using contraception: the reason';
COMMENT ON COLUMN kkb.anggota.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.pengukuran (
	kode_desa         kkb.kode_desa NOT NULL,
	nik               kkb.nik NOT NULL,
	tanggal_ukur      date NOT NULL,
	berat_kg          float8,
	tinggi_cm         float8,
	cara_ukur         text CHECK (cara_ukur IN ('telentang', 'berdiri')),
	oedema            boolean NOT NULL DEFAULT false,
	lila_cm           float8,
	-- copied from the member, so that the z-scores are computed from the row alone
	jenis_kelamin     char(1) CHECK (jenis_kelamin IN ('L', 'P')),
	tanggal_lahir     date,
	-- derived on write, under kkb.antropometri's names
	umur_hari         integer,
	umur_bulan        integer,
	tinggi_koreksi_cm float8,
	z_tbu             numeric,
	z_bbu             numeric,
	z_bbtb            numeric,
	z_imtu            numeric,
	status_tbu        text,
	status_bbu        text,
	status_bbtb       text,
	status_imtu       text,
	stunting          boolean,
	flags             text[],
	diubah_pada       timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, nik, tanggal_ukur),
	FOREIGN KEY (kode_desa, nik) REFERENCES kkb.anggota (kode_desa, nik) ON UPDATE CASCADE
);
COMMENT ON TABLE kkb.pengukuran IS 'Child measurements (pengukuran) with WHO z-scores and Permenkes 2/2020 categories derived on write';
COMMENT ON COLUMN kkb.pengukuran.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.pengukuran.nik IS 'NIK of the child (a member of the village)';
COMMENT ON COLUMN kkb.pengukuran.tanggal_ukur IS 'Date of measurement';
COMMENT ON COLUMN kkb.pengukuran.berat_kg IS 'Weight, kg';
COMMENT ON COLUMN kkb.pengukuran.tinggi_cm IS 'Length or height as measured, cm';
COMMENT ON COLUMN kkb.pengukuran.cara_ukur IS 'Position: telentang (lying) or berdiri (standing)';
COMMENT ON COLUMN kkb.pengukuran.oedema IS 'Bilateral pitting oedema';
COMMENT ON COLUMN kkb.pengukuran.lila_cm IS 'Mid-upper arm circumference (LiLA), cm';
COMMENT ON COLUMN kkb.pengukuran.jenis_kelamin IS 'Sex of the child (from the member record)';
COMMENT ON COLUMN kkb.pengukuran.tanggal_lahir IS 'Birth date of the child (from the member record)';
COMMENT ON COLUMN kkb.pengukuran.umur_hari IS 'Age in days at measurement';
COMMENT ON COLUMN kkb.pengukuran.umur_bulan IS 'Age in completed months';
COMMENT ON COLUMN kkb.pengukuran.tinggi_koreksi_cm IS 'Length/height after the lying/standing adjustment';
COMMENT ON COLUMN kkb.pengukuran.z_tbu IS 'Length/height-for-age z-score';
COMMENT ON COLUMN kkb.pengukuran.z_bbu IS 'Weight-for-age z-score';
COMMENT ON COLUMN kkb.pengukuran.z_bbtb IS 'Weight-for-length/height z-score';
COMMENT ON COLUMN kkb.pengukuran.z_imtu IS 'BMI-for-age z-score';
COMMENT ON COLUMN kkb.pengukuran.status_tbu IS 'Length/height-for-age category';
COMMENT ON COLUMN kkb.pengukuran.status_bbu IS 'Weight-for-age category';
COMMENT ON COLUMN kkb.pengukuran.status_bbtb IS 'Weight-for-length/height category';
COMMENT ON COLUMN kkb.pengukuran.status_imtu IS 'BMI-for-age category';
COMMENT ON COLUMN kkb.pengukuran.stunting IS 'Stunted (length/height-for-age z < -2)';
COMMENT ON COLUMN kkb.pengukuran.flags IS 'WHO implausibility and position flags';
COMMENT ON COLUMN kkb.pengukuran.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.peristiwa (
	kode_desa        kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	id               bigint GENERATED ALWAYS AS IDENTITY,
	ref              text NOT NULL CHECK (ref ~ '^[A-Za-z0-9._:-]{1,64}$'),
	jenis            kkb.jenis_peristiwa NOT NULL,
	tanggal          date NOT NULL,
	nik              kkb.nik,
	nik_ibu          kkb.nik,
	jenis_kelamin    char(1) CHECK (jenis_kelamin IN ('L', 'P')),
	umur_hari        integer CHECK (umur_hari >= 0),
	kematian_ibu     boolean NOT NULL DEFAULT false,
	keterangan       text,
	diubah_pada      timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, id),
	UNIQUE (kode_desa, ref),
	CHECK (jenis = 'mati' OR (umur_hari IS NULL AND NOT kematian_ibu)),
	CHECK (jenis <> 'lahir' OR nik_ibu IS NOT NULL OR keterangan IS NOT NULL)
);
COMMENT ON TABLE kkb.peristiwa IS 'Vital events of the village (peristiwa): births, deaths, moves in and out';
COMMENT ON COLUMN kkb.peristiwa.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.peristiwa.id IS 'Event number';
COMMENT ON COLUMN kkb.peristiwa.ref IS 'The client''s own id of the event (e.g. the phone app''s UUID), unique in the village: the natural key of the bulk sync (POST /v1/desa/{kode}/peristiwa)';
COMMENT ON COLUMN kkb.peristiwa.jenis IS 'Kind of event';
COMMENT ON COLUMN kkb.peristiwa.tanggal IS 'Date of the event';
COMMENT ON COLUMN kkb.peristiwa.nik IS 'NIK of the person concerned, when known';
COMMENT ON COLUMN kkb.peristiwa.nik_ibu IS 'For a birth: NIK of the mother';
COMMENT ON COLUMN kkb.peristiwa.jenis_kelamin IS 'Sex of the person concerned';
COMMENT ON COLUMN kkb.peristiwa.umur_hari IS 'For a death: age at death in days (infant: under 365, under-five: under 1826)';
COMMENT ON COLUMN kkb.peristiwa.kematian_ibu IS 'For a death: a maternal death';
COMMENT ON COLUMN kkb.peristiwa.keterangan IS 'Notes';
COMMENT ON COLUMN kkb.peristiwa.diubah_pada IS 'Last changed at';

-- ---- 33_pengawasan.sql ----
-- 33_pengawasan.sql - what guards the data on write: validation (C, row-local),
-- the period lock, code checks, warnings for doubtful values, and the audit
-- trail.  Triggers that look at other tables are kept small and separate from
-- the row-local rules (see DESIGN.md "Scale-out").

-- ---------------------------------------------------------------- warnings
CREATE TABLE kkb.peringatan (
	id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kode_desa kkb.kode_desa,
	tabel     text NOT NULL,
	kunci     jsonb NOT NULL,
	kode      text NOT NULL,
	pesan     text NOT NULL,
	waktu     timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE INDEX peringatan_desa ON kkb.peringatan (kode_desa, waktu);
-- one warning per row and kind, however often the row is written
CREATE UNIQUE INDEX peringatan_satu ON kkb.peringatan (tabel, kunci, kode);
COMMENT ON TABLE kkb.peringatan IS 'Warnings (peringatan): doubtful but possible values that were accepted and should be checked';
COMMENT ON COLUMN kkb.peringatan.id IS 'Warning number';
COMMENT ON COLUMN kkb.peringatan.kode_desa IS 'Village the row belongs to';
COMMENT ON COLUMN kkb.peringatan.tabel IS 'Table of the row';
COMMENT ON COLUMN kkb.peringatan.kunci IS 'Key of the row';
COMMENT ON COLUMN kkb.peringatan.kode IS 'Warning code: nik_wilayah_tidak_dikenal, z_tidak_wajar, umur_ibu_tidak_wajar, keluarga_tanpa_kepala';
COMMENT ON COLUMN kkb.peringatan.pesan IS 'Message';
COMMENT ON COLUMN kkb.peringatan.waktu IS 'When the warning was raised';

-- ---------------------------------------------------------------- audit trail
CREATE TABLE kkb.audit (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	waktu      timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
	tabel      text NOT NULL,
	operasi    text NOT NULL CHECK (operasi IN ('INSERT', 'UPDATE', 'DELETE')),
	kode_desa  kkb.kode_desa,
	kunci      jsonb NOT NULL,
	lama       jsonb,
	baru       jsonb,
	peran      text NOT NULL DEFAULT coalesce(NULLIF(pg_catalog.current_setting('role'), 'none'), SESSION_USER::text),
	sesi       text NOT NULL DEFAULT SESSION_USER::text,
	pengguna   text DEFAULT NULLIF(pg_catalog.current_setting('kkb.pengguna', true), ''),
	transaksi  bigint NOT NULL DEFAULT pg_catalog.txid_current()
);
CREATE INDEX audit_desa ON kkb.audit (kode_desa, waktu);
COMMENT ON TABLE kkb.audit IS 'Audit trail: every insert, update and delete on village and by-name tables, with old and new rows';
COMMENT ON COLUMN kkb.audit.id IS 'Audit entry number';
COMMENT ON COLUMN kkb.audit.waktu IS 'When';
COMMENT ON COLUMN kkb.audit.tabel IS 'Table';
COMMENT ON COLUMN kkb.audit.operasi IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN kkb.audit.kode_desa IS 'Village of the row';
COMMENT ON COLUMN kkb.audit.kunci IS 'Primary key of the row';
COMMENT ON COLUMN kkb.audit.lama IS 'Row before the change (UPDATE, DELETE)';
COMMENT ON COLUMN kkb.audit.baru IS 'Row after the change (INSERT, UPDATE)';
COMMENT ON COLUMN kkb.audit.peran IS 'Database role that made the change (the SET ROLE role of the session, else its login)';
COMMENT ON COLUMN kkb.audit.sesi IS 'Login role of the session (for the gateway: its own login)';
COMMENT ON COLUMN kkb.audit.pengguna IS 'Application user, when the gateway set kkb.pengguna';
COMMENT ON COLUMN kkb.audit.transaksi IS 'Transaction id (changes of one request share it)';

-- Audit, set-based: a statement-level trigger with transition tables writes
-- one audit row per changed row.  Arguments: the primary-key columns.
CREATE FUNCTION kkb._audit() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	kunci_lama text := '';
	kunci_baru text := '';
	sama text := '';
	i int;
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._audit only audits tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	FOR i IN 0 .. TG_NARGS - 1 LOOP
		kunci_lama := kunci_lama || pg_catalog.format('%L, o.%I, ', TG_ARGV[i], TG_ARGV[i]);
		kunci_baru := kunci_baru || pg_catalog.format('%L, n.%I, ', TG_ARGV[i], TG_ARGV[i]);
		sama := sama || CASE WHEN i > 0 THEN ' AND ' ELSE '' END || pg_catalog.format('o.%I = n.%I', TG_ARGV[i], TG_ARGV[i]);
	END LOOP;
	kunci_lama := 'jsonb_build_object(' || pg_catalog.left(kunci_lama, -2) || ')';
	kunci_baru := 'jsonb_build_object(' || pg_catalog.left(kunci_baru, -2) || ')';
	IF TG_OP = 'INSERT' THEN
		EXECUTE pg_catalog.format('INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, baru)
			SELECT %L, %L, n.kode_desa, %s, to_jsonb(n) FROM kkb_audit_baru n', TG_TABLE_NAME, TG_OP, kunci_baru);
	ELSIF TG_OP = 'DELETE' THEN
		EXECUTE pg_catalog.format('INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, lama)
			SELECT %L, %L, o.kode_desa, %s, to_jsonb(o) FROM kkb_audit_lama o', TG_TABLE_NAME, TG_OP, kunci_lama);
	ELSE
		EXECUTE pg_catalog.format('INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, lama, baru)
			SELECT %L, %L, coalesce(n.kode_desa, o.kode_desa), CASE WHEN n.kode_desa IS NULL THEN %s ELSE %s END, to_jsonb(o), to_jsonb(n)
			  FROM kkb_audit_lama o FULL JOIN kkb_audit_baru n ON %s', TG_TABLE_NAME, TG_OP, kunci_lama, kunci_baru, sama);
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._audit() IS 'Internal trigger: writes the audit trail of a statement (transition tables; arguments: key columns)';

-- ---------------------------------------------------------------- row validation (C)
CREATE FUNCTION kkb._validasi() RETURNS trigger
	AS 'MODULE_PATHNAME', 'kkb_validasi' LANGUAGE C;
COMMENT ON FUNCTION kkb._validasi() IS
	'Internal trigger (C, row-local): hard validation rules of the row, derived measurement columns, diubah_pada';

-- ---------------------------------------------------------------- period lock
CREATE FUNCTION kkb._kunci_periode() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	r record;
	s kkb.status_periode;
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._kunci_periode only guards tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	FOR r IN SELECT * FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN OLD.kode_desa END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.periode END),
	                               (CASE WHEN TG_OP <> 'DELETE' THEN NEW.kode_desa END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.periode END)) v(kode_desa, periode)
	          WHERE v.kode_desa IS NOT NULL LOOP
		SELECT p.status INTO s FROM kkb.periode_status p WHERE p.kode_desa = r.kode_desa AND p.periode = r.periode;
		IF s IN ('disetujui', 'dikunci') THEN
			RAISE EXCEPTION 'period % of village % is %: its data can no longer be changed', pg_catalog.to_char(r.periode, 'YYYY-MM'), r.kode_desa, s
				USING ERRCODE = 'object_not_in_prerequisite_state',
				      DETAIL = 'Data of an approved (disetujui) or locked (dikunci) month is final.',
				      HINT = 'An administrator can reopen the month with kkb.buka(kode_desa, periode).',
				      TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA;
		END IF;
	END LOOP;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $f$;
COMMENT ON FUNCTION kkb._kunci_periode() IS 'Internal trigger: refuses writes to an approved or locked village-month';

-- ---------------------------------------------------------------- agencies of an intervention
CREATE FUNCTION kkb._cek_opd() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	salah text;
BEGIN
	SELECT u.k INTO salah FROM pg_catalog.unnest(NEW.opd) AS u(k)
	 WHERE NOT EXISTS (SELECT 1 FROM kkb.opd o WHERE o.kode = u.k) LIMIT 1;
	IF salah IS NOT NULL THEN
		RAISE EXCEPTION 'opd "%" is not a known agency', salah
			USING ERRCODE = 'foreign_key_violation', DETAIL = 'Agencies are given by their codes in kkb.opd.',
			      HINT = 'SELECT kode, nama FROM kkb.opd lists them.', TABLE = TG_TABLE_NAME, COLUMN = 'opd',
			      SCHEMA = TG_TABLE_SCHEMA;
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._cek_opd() IS 'Internal trigger: every agency of an intervention is in kkb.opd';

-- ---------------------------------------------------------------- measurement: the child's record
CREATE FUNCTION kkb._pengukuran_anak() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	SELECT a.jenis_kelamin, a.tanggal_lahir INTO NEW.jenis_kelamin, NEW.tanggal_lahir
	  FROM kkb.anggota a WHERE a.kode_desa = NEW.kode_desa AND a.nik = NEW.nik;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'nik % is not a member of village %', NEW.nik, NEW.kode_desa
			USING ERRCODE = 'foreign_key_violation', DETAIL = 'A child is measured as a member of its village.',
			      HINT = 'Add the child to kkb.anggota first.', TABLE = TG_TABLE_NAME, COLUMN = 'nik', SCHEMA = TG_TABLE_SCHEMA;
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._pengukuran_anak() IS 'Internal trigger: copies the child''s sex and birth date from kkb.anggota into the measurement';

-- ---------------------------------------------------------------- warnings, set-based per statement
CREATE FUNCTION kkb._peringatan() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	desa kkb.kode_wilayah[] := '{}';
	kk kkb.no_kk[] := '{}';
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._peringatan only watches tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_TABLE_NAME = 'anggota' THEN
		IF TG_OP IN ('INSERT', 'UPDATE') THEN
			INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
			SELECT n.kode_desa, 'anggota', jsonb_build_object('kode_desa', n.kode_desa, 'nik', n.nik), 'nik_wilayah_tidak_dikenal',
			       format('the district %s in nik %s is not in the national region reference', kkb.nik_kecamatan(n.nik), n.nik)
			  FROM kkb_baru n
			  LEFT JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) kkb.nik_kecamatan(n.nik)
			 WHERE w.kode IS NULL
			ON CONFLICT (tabel, kunci, kode) DO NOTHING;
		END IF;
		-- families touched by the statement (where members went to and came from) left without a head;
		-- each transition table exists only for its events, hence the branches
		IF TG_OP <> 'DELETE' THEN
			SELECT coalesce(array_agg(kode_desa), '{}'), coalesce(array_agg(no_kk), '{}') INTO desa, kk FROM kkb_baru;
		END IF;
		IF TG_OP <> 'INSERT' THEN
			SELECT desa || coalesce(array_agg(kode_desa), '{}'), kk || coalesce(array_agg(no_kk), '{}') INTO desa, kk FROM kkb_lama;
		END IF;
		INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
		SELECT t.kode_desa, 'keluarga', jsonb_build_object('kode_desa', t.kode_desa, 'no_kk', t.no_kk), 'keluarga_tanpa_kepala',
		       format('family %s has members but no head (hubungan = kepala)', t.no_kk)
		  FROM (SELECT DISTINCT u.kode_desa, u.no_kk FROM unnest(desa, kk) AS u(kode_desa, no_kk)) t
		 WHERE EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa = t.kode_desa AND a.no_kk = t.no_kk)
		   AND NOT EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa = t.kode_desa AND a.no_kk = t.no_kk AND a.hubungan = 'kepala')
		ON CONFLICT (tabel, kunci, kode) DO NOTHING;
	ELSIF TG_TABLE_NAME = 'pengukuran' THEN
		INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
		SELECT n.kode_desa, 'pengukuran', jsonb_build_object('kode_desa', n.kode_desa, 'nik', n.nik, 'tanggal_ukur', n.tanggal_ukur),
		       'z_tidak_wajar', format('measurement of %s on %s is flagged by WHO''s rules: %s', n.nik, n.tanggal_ukur, array_to_string(n.flags, ', '))
		  FROM kkb_baru n
		 WHERE cardinality(n.flags) > 0
		ON CONFLICT (tabel, kunci, kode) DO NOTHING;
	ELSIF TG_TABLE_NAME = 'peristiwa' THEN
		INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
		SELECT n.kode_desa, 'peristiwa', jsonb_build_object('kode_desa', n.kode_desa, 'id', n.id), 'umur_ibu_tidak_wajar',
		       format('the mother %s was %s years old at the birth on %s', n.nik_ibu, u.umur, n.tanggal)
		  FROM kkb_baru n
		  JOIN kkb.anggota i ON i.kode_desa = n.kode_desa AND i.nik = n.nik_ibu
		 CROSS JOIN LATERAL (SELECT extract(year FROM age(n.tanggal, i.tanggal_lahir))::int AS umur) u
		 WHERE n.jenis = 'lahir' AND (u.umur < 15 OR u.umur > 55)
		ON CONFLICT (tabel, kunci, kode) DO NOTHING;
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._peringatan() IS 'Internal trigger: records doubtful but possible values of a statement in kkb.peringatan';

-- ---------------------------------------------------------------- wiring
-- BEFORE ROW: 05 period lock (first: nothing else is worth doing for a locked month),
-- 10 copy from other tables, 20 row-local validation (C)
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.kampung FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.profil FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.penduduk FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.kkbpk FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.intervensi FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.keluarga FOR EACH ROW EXECUTE FUNCTION kkb._validasi('keluarga');
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.anggota FOR EACH ROW EXECUTE FUNCTION kkb._validasi('anggota');
CREATE TRIGGER t10_anak BEFORE INSERT OR UPDATE ON kkb.pengukuran FOR EACH ROW EXECUTE FUNCTION kkb._pengukuran_anak();
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.pengukuran FOR EACH ROW EXECUTE FUNCTION kkb._validasi('pengukuran');
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.peristiwa FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t10_opd BEFORE INSERT OR UPDATE ON kkb.intervensi FOR EACH ROW EXECUTE FUNCTION kkb._cek_opd();
CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.profil FOR EACH ROW EXECUTE FUNCTION kkb._kunci_periode();
CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.penduduk FOR EACH ROW EXECUTE FUNCTION kkb._kunci_periode();
CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.kkbpk FOR EACH ROW EXECUTE FUNCTION kkb._kunci_periode();

-- AFTER STATEMENT: warnings and audit, set-based
CREATE TRIGGER t50_peringatan_i AFTER INSERT ON kkb.anggota REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan();
CREATE TRIGGER t50_peringatan_u AFTER UPDATE ON kkb.anggota REFERENCING OLD TABLE AS kkb_lama NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan();
CREATE TRIGGER t50_peringatan_d AFTER DELETE ON kkb.anggota REFERENCING OLD TABLE AS kkb_lama
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan();
CREATE TRIGGER t50_peringatan_i AFTER INSERT ON kkb.pengukuran REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan();
CREATE TRIGGER t50_peringatan_u AFTER UPDATE ON kkb.pengukuran REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan();
CREATE TRIGGER t50_peringatan_i AFTER INSERT ON kkb.peristiwa REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan();
CREATE TRIGGER t50_peringatan_u AFTER UPDATE ON kkb.peristiwa REFERENCING NEW TABLE AS kkb_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._peringatan();

DO $$
DECLARE
	t record;
BEGIN
	FOR t IN SELECT * FROM (VALUES ('kampung', 'kode_desa'), ('profil', 'kode_desa, periode'), ('penduduk', 'kode_desa, periode'),
	                               ('kkbpk', 'kode_desa, periode'), ('intervensi', 'kode_desa, id'), ('periode_status', 'kode_desa, periode'),
	                               ('keluarga', 'kode_desa, no_kk'), ('anggota', 'kode_desa, nik'),
	                               ('pengukuran', 'kode_desa, nik, tanggal_ukur'), ('peristiwa', 'kode_desa, id')) v(tabel, kunci) LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER t90_audit_i AFTER INSERT ON kkb.%I REFERENCING NEW TABLE AS kkb_audit_baru
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(%s)', t.tabel, t.kunci);
		EXECUTE pg_catalog.format('CREATE TRIGGER t90_audit_u AFTER UPDATE ON kkb.%I REFERENCING OLD TABLE AS kkb_audit_lama NEW TABLE AS kkb_audit_baru
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(%s)', t.tabel, t.kunci);
		EXECUTE pg_catalog.format('CREATE TRIGGER t90_audit_d AFTER DELETE ON kkb.%I REFERENCING OLD TABLE AS kkb_audit_lama
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(%s)', t.tabel, t.kunci);
	END LOOP;
END $$;

-- ---- 34_akses.sql ----
-- 34_akses.sql - roles, privileges, row-level security and the period workflow.
--
-- Group roles (NOLOGIN, created if missing; roles are cluster-wide, so they
-- outlive DROP EXTENSION):
--   kkb_admin    everything, in every village; may change or delete audit rows
--   kkb_pokja    its own villages' data (scope), including by-name data
--   kkb_opd      reads village and aggregate data in its scope; writes interventions
--   kkb_analis   only the de-identified kkb_bi views
--   kkb_provinsi a province's (or regency's) portal: aggregates only (kkb.ringkasan), never by-name data
--   kkb_gateway  the REST gateway's login role; switches to one of the above per request
-- A caller's scope is a region code in the setting kkb.wilayah (the gateway
-- sets it with set_config(..., true) per request); a village sees only rows
-- whose kode_desa <@ scope.  No scope set means no rows.

DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi', 'kkb_gateway'] LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
		END IF;
	END LOOP;
END $$;
-- The gateway's login may switch to the working roles but holds none of their
-- rights itself (NOINHERIT): every request runs SET LOCAL ROLE to the token's role.
ALTER ROLE kkb_gateway NOINHERIT;
GRANT kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi TO kkb_gateway;

-- The role acting in this session: the SET ROLE role, else the login.  Unlike
-- current_user it stays the caller's inside SECURITY DEFINER functions.
CREATE FUNCTION kkb._peran() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN coalesce(NULLIF(pg_catalog.current_setting('role'), 'none'), SESSION_USER::text);
COMMENT ON FUNCTION kkb._peran() IS 'Internal: the role acting in this session (SET ROLE role, else the login), also inside SECURITY DEFINER functions';

-- The caller's scope, NULL when none is set.  Only the gateway's login (a
-- member of kkb_gateway) and superusers may give a session a scope: any other
-- session that sets kkb.wilayah gets 42501 instead (extension/src/akses_sql.c),
-- so a direct login with a working role cannot choose its own villages.
CREATE FUNCTION kkb.lingkup() RETURNS kkb.kode_wilayah
	AS 'MODULE_PATHNAME', 'kkb_lingkup' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.lingkup() IS 'The caller''s region scope (lingkup) from the setting kkb.wilayah; NULL when not set; 42501 when set in a session that is not the gateway''s login (a member of kkb_gateway) or a superuser''s';

-- kkb_analis reads the kkb_bi views (they run with their owner's rights) and the
-- public region reference; the gateway's login checks tokens and reads kkb.versi().
GRANT USAGE ON SCHEMA kkb TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi, kkb_gateway;

-- reference data: readable by all working roles
GRANT SELECT ON kkb.wilayah, kkb.kode, kkb.opd, kkb.air_minum_layak TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi;
GRANT INSERT, UPDATE, DELETE ON kkb.kode, kkb.opd, kkb.air_minum_layak, kkb.wilayah TO kkb_admin;

-- village data
GRANT SELECT, INSERT, UPDATE, DELETE ON kkb.kampung, kkb.profil, kkb.penduduk, kkb.kkbpk, kkb.intervensi
	TO kkb_admin, kkb_pokja;
GRANT SELECT ON kkb.kampung, kkb.profil, kkb.penduduk, kkb.kkbpk, kkb.intervensi, kkb.periode_status TO kkb_opd;
GRANT INSERT, UPDATE ON kkb.intervensi TO kkb_opd;
GRANT SELECT ON kkb.periode_status TO kkb_admin, kkb_pokja;


-- by-name data: the owning village and administrators only
GRANT SELECT, INSERT, UPDATE, DELETE ON kkb.keluarga, kkb.anggota, kkb.pengukuran, kkb.peristiwa TO kkb_admin, kkb_pokja;

-- warnings and audit: read within scope; audit is written only by its trigger
-- warnings name NIKs and card numbers: the owning village and administrators only
GRANT SELECT ON kkb.peringatan TO kkb_admin, kkb_pokja;
GRANT DELETE ON kkb.peringatan TO kkb_admin, kkb_pokja;
GRANT SELECT ON kkb.audit TO kkb_admin, kkb_pokja;
GRANT UPDATE, DELETE ON kkb.audit TO kkb_admin;

-- Row-level security on every village-owned table
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['kampung', 'profil', 'penduduk', 'kkbpk', 'intervensi', 'periode_status', 'keluarga', 'anggota',
	                         'pengukuran', 'peristiwa', 'peringatan', 'audit'] LOOP
		EXECUTE pg_catalog.format('ALTER TABLE kkb.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE pg_catalog.format('CREATE POLICY admin_semua ON kkb.%I TO kkb_admin USING (true) WITH CHECK (true)', t);
		EXECUTE pg_catalog.format('CREATE POLICY pokja_desa ON kkb.%I TO kkb_pokja
			USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup()) WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup())', t);
	END LOOP;
	FOREACH t IN ARRAY ARRAY['kampung', 'profil', 'penduduk', 'kkbpk', 'intervensi', 'periode_status'] LOOP
		EXECUTE pg_catalog.format('CREATE POLICY opd_baca ON kkb.%I FOR SELECT TO kkb_opd USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup())', t);
	END LOOP;
END $$;
CREATE POLICY opd_tulis ON kkb.intervensi FOR INSERT TO kkb_opd WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_ubah ON kkb.intervensi FOR UPDATE TO kkb_opd
	USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup()) WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());

-- ---------------------------------------------------------------- period workflow
-- draf -> diajukan (pokja, admin) -> disetujui (opd, admin) -> dikunci (admin); back to draf: admin.
-- The rule sits in a trigger on kkb.periode_status, so it holds for the
-- functions below and for any direct write alike; row-level security keeps
-- each caller to its scope.
GRANT INSERT, UPDATE ON kkb.periode_status TO kkb_admin, kkb_pokja, kkb_opd;
CREATE POLICY opd_status_i ON kkb.periode_status FOR INSERT TO kkb_opd WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_status_u ON kkb.periode_status FOR UPDATE TO kkb_opd
	USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup()) WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());

CREATE FUNCTION kkb._alur_periode() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	dari kkb.status_periode := CASE WHEN TG_OP = 'UPDATE' THEN OLD.status ELSE 'draf' END;
	peran text[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- INSERT ... ON CONFLICT fires this before it finds the existing row: judge from that row
		SELECT s.status INTO dari FROM kkb.periode_status s
		 WHERE s.kode_desa OPERATOR(kkb.=) NEW.kode_desa AND s.periode = NEW.periode;
		dari := coalesce(dari, 'draf');
	END IF;
	IF TG_OP = 'UPDATE' AND (OLD.kode_desa OPERATOR(kkb.<>) NEW.kode_desa OR OLD.periode <> NEW.periode) THEN
		RAISE EXCEPTION 'the village and month of a period state cannot change' USING ERRCODE = 'check_violation';
	END IF;
	peran := CASE
		WHEN dari = 'draf' AND NEW.status = 'diajukan' THEN '{kkb_pokja,kkb_admin}'
		WHEN dari = 'diajukan' AND NEW.status = 'disetujui' THEN '{kkb_opd,kkb_admin}'
		WHEN dari <> 'dikunci' AND NEW.status = 'dikunci' THEN '{kkb_admin}'
		WHEN dari <> 'draf' AND NEW.status = 'draf' THEN '{kkb_admin}'
		WHEN dari = NEW.status THEN NULL
	END::text[];
	IF peran IS NULL AND dari <> NEW.status THEN
		RAISE EXCEPTION 'period % of village % is %: it cannot become %', to_char(NEW.periode, 'YYYY-MM'), NEW.kode_desa, dari, NEW.status
			USING ERRCODE = 'object_not_in_prerequisite_state',
			      HINT = 'The order is draf, diajukan, disetujui, dikunci; an administrator can reopen a month with kkb.buka.';
	END IF;
	IF peran IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(peran) r(n) WHERE pg_has_role(current_user, r.n, 'USAGE')) THEN
		RAISE EXCEPTION 'role % may not change period % of village % from % to %', current_user, to_char(NEW.periode, 'YYYY-MM'),
			NEW.kode_desa, dari, NEW.status
			USING ERRCODE = 'insufficient_privilege', DETAIL = format('This step is for %s.', array_to_string(peran, ', '));
	END IF;
	NEW.diubah_oleh := coalesce(nullif(current_setting('kkb.pengguna', true), ''), current_user::text);
	NEW.diubah_pada := now();
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._alur_periode() IS 'Internal trigger: the period workflow (allowed steps and who may take them)';
CREATE TRIGGER t20_alur BEFORE INSERT OR UPDATE ON kkb.periode_status FOR EACH ROW EXECUTE FUNCTION kkb._alur_periode();

-- One workflow step for a village-month (invoker's rights: the trigger and row-level security decide).
CREATE FUNCTION kkb._ke_status(kode_desa kkb.kode_desa, periode kkb.bulan, ke kkb.status_periode) RETURNS kkb.status_periode
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) _ke_status.kode_desa) THEN
		RAISE EXCEPTION 'village % is not a Kampung KB (or not in your scope)', _ke_status.kode_desa
			USING ERRCODE = 'no_data_found';
	END IF;
	INSERT INTO kkb.periode_status AS s (kode_desa, periode, status) VALUES (_ke_status.kode_desa, _ke_status.periode, ke)
	ON CONFLICT ON CONSTRAINT periode_status_pkey DO UPDATE SET status = EXCLUDED.status;
	RETURN ke;
END $f$;
COMMENT ON FUNCTION kkb._ke_status(kkb.kode_desa, kkb.bulan, kkb.status_periode) IS 'Internal: move a village-month to a workflow state';

CREATE FUNCTION kkb.ajukan(kode_desa kkb.kode_desa, periode kkb.bulan) RETURNS kkb.status_periode
	LANGUAGE sql RETURN kkb._ke_status(kode_desa, periode, 'diajukan');
COMMENT ON FUNCTION kkb.ajukan(kkb.kode_desa, kkb.bulan) IS 'Submit a village-month for approval (ajukan): draf -> diajukan; the village pokja or an admin';
CREATE FUNCTION kkb.setujui(kode_desa kkb.kode_desa, periode kkb.bulan) RETURNS kkb.status_periode
	LANGUAGE sql RETURN kkb._ke_status(kode_desa, periode, 'disetujui');
COMMENT ON FUNCTION kkb.setujui(kkb.kode_desa, kkb.bulan) IS 'Approve a submitted village-month (setujui): diajukan -> disetujui; an agency or an admin';
CREATE FUNCTION kkb.kunci(kode_desa kkb.kode_desa, periode kkb.bulan) RETURNS kkb.status_periode
	LANGUAGE sql RETURN kkb._ke_status(kode_desa, periode, 'dikunci');
COMMENT ON FUNCTION kkb.kunci(kkb.kode_desa, kkb.bulan) IS 'Lock a village-month (kunci): its data can no longer change; admin';
CREATE FUNCTION kkb.buka(kode_desa kkb.kode_desa, periode kkb.bulan) RETURNS kkb.status_periode
	LANGUAGE sql RETURN kkb._ke_status(kode_desa, periode, 'draf');
COMMENT ON FUNCTION kkb.buka(kkb.kode_desa, kkb.bulan) IS 'Reopen a village-month (buka): back to draf; admin';
GRANT EXECUTE ON FUNCTION kkb._ke_status(kkb.kode_desa, kkb.bulan, kkb.status_periode), kkb.ajukan(kkb.kode_desa, kkb.bulan),
	kkb.setujui(kkb.kode_desa, kkb.bulan), kkb.kunci(kkb.kode_desa, kkb.bulan), kkb.buka(kkb.kode_desa, kkb.bulan)
	TO kkb_admin, kkb_pokja, kkb_opd;

-- ---- 35_bi.sql ----
-- 35_bi.sql - views for analysts and BI tools (schema kkb_bi): village data and
-- de-identified by-name facts, in plain column types (text, integer, numeric,
-- date, boolean) that any JDBC/ODBC tool reads, every view and column described.
-- No NIK, no name, no family card number, no birth date: families appear under
-- a keyed pseudonym (HMAC-like SHA-256 of a secret salt and the card number)
-- and people by their age.  The views run with their owner's rights, so
-- kkb_analis needs (and has) no privilege on the kkb tables.

CREATE SCHEMA kkb_bi;
COMMENT ON SCHEMA kkb_bi IS 'Kampung KB data for analysts and BI tools: de-identified, plain types, documented';

-- the pseudonym salt: random per database, readable by no working role (the
-- views read it with their owner's rights; the pseudonym is computed in the view,
-- so no function hands out a card-number-to-pseudonym oracle)
CREATE TABLE kkb._rahasia (garam bytea NOT NULL);
COMMENT ON TABLE kkb._rahasia IS 'Internal: the per-database secret salt of the kkb_bi family pseudonyms';
INSERT INTO kkb._rahasia SELECT pg_catalog.decode(pg_catalog.md5(pg_catalog.random()::text || pg_catalog.clock_timestamp()::text)
	|| pg_catalog.md5(pg_catalog.random()::text || pg_catalog.txid_current()::text), 'hex');

-- Every family's pseudonym, in one place.  A view, not a function: the kkb_bi
-- views read it with their owner's rights, and no working role can ask it for
-- the pseudonym of a card number it chooses.
CREATE VIEW kkb._samaran_keluarga AS
SELECT k.kode_desa, k.no_kk,
       'K' OPERATOR(pg_catalog.||) pg_catalog.left(pg_catalog.encode(pg_catalog.sha256(g.garam
           OPERATOR(pg_catalog.||) pg_catalog.convert_to(k.no_kk::text, 'UTF8')), 'hex'), 16) AS keluarga
  FROM kkb.keluarga k CROSS JOIN (SELECT r.garam FROM kkb._rahasia r LIMIT 1) g;
COMMENT ON VIEW kkb._samaran_keluarga IS 'Internal: the pseudonym of every family (K and 16 hex digits of a salted SHA-256 of the card number), for the kkb_bi views';

CREATE VIEW kkb_bi.desa AS
SELECT k.kode_desa::text AS kode_desa, w.nama AS nama_desa, kkb.kecamatan(k.kode_desa)::text AS kode_kecamatan,
       wc.nama AS nama_kecamatan, kkb.kabkota(k.kode_desa)::text AS kode_kabkota, wk.nama AS nama_kabkota,
       kkb.adalah_kelurahan(k.kode_desa) AS kelurahan, k.nama AS nama_kampung_kb, k.tanggal_pencanangan,
       k.lintang, k.bujur
  FROM kkb.kampung k
  JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
  LEFT JOIN kkb.wilayah wc ON wc.kode OPERATOR(kkb.=) kkb.kecamatan(k.kode_desa)
  LEFT JOIN kkb.wilayah wk ON wk.kode OPERATOR(kkb.=) kkb.kabkota(k.kode_desa);
COMMENT ON VIEW kkb_bi.desa IS 'Desa (villages): every Kampung KB with its district and regency/city';
COMMENT ON COLUMN kkb_bi.desa.kode_desa IS 'Kode desa: village code PP.KK.CC.DDDD';
COMMENT ON COLUMN kkb_bi.desa.nama_desa IS 'Nama desa: official village name';
COMMENT ON COLUMN kkb_bi.desa.kode_kecamatan IS 'Kode kecamatan: district code';
COMMENT ON COLUMN kkb_bi.desa.nama_kecamatan IS 'Nama kecamatan: district name';
COMMENT ON COLUMN kkb_bi.desa.kode_kabkota IS 'Kode kabupaten/kota: regency/city code';
COMMENT ON COLUMN kkb_bi.desa.nama_kabkota IS 'Nama kabupaten/kota: regency/city name';
COMMENT ON COLUMN kkb_bi.desa.kelurahan IS 'Kelurahan: true for an urban village, false for a desa';
COMMENT ON COLUMN kkb_bi.desa.nama_kampung_kb IS 'Nama Kampung KB: name of the Kampung KB';
COMMENT ON COLUMN kkb_bi.desa.tanggal_pencanangan IS 'Tanggal pencanangan: date declared';
COMMENT ON COLUMN kkb_bi.desa.lintang IS 'Lintang: latitude';
COMMENT ON COLUMN kkb_bi.desa.bujur IS 'Bujur: longitude';

CREATE VIEW kkb_bi.laporan_kkbpk AS
SELECT r.kode_desa::text AS kode_desa, r.periode::date AS periode,
       r.peserta_bkb, r.peserta_bkr, r.peserta_bkl, r.peserta_uppka, r.peserta_pikr,
       r.kb_iud, r.kb_mow, r.kb_mop, r.kb_kondom, r.kb_implan, r.kb_suntik, r.kb_pil,
       r.tidak_kb_hamil, r.tidak_kb_ingin_segera, r.tidak_kb_iat, r.tidak_kb_tial, r.peserta_baru, r.bpjs
  FROM kkb.kkbpk r;
COMMENT ON VIEW kkb_bi.laporan_kkbpk IS 'Laporan KKBPK: monthly family-planning reports';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.periode IS 'Periode: month (first day)';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_bkb IS 'Peserta BKB: participants, families with toddlers';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_bkr IS 'Peserta BKR: participants, families with teenagers';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_bkl IS 'Peserta BKL: participants, families with elderly';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_uppka IS 'Peserta UPPKA: participants, family income groups';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_pikr IS 'Peserta PIK-R: participants, youth counselling';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_iud IS 'KB IUD: active users of IUD';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_mow IS 'KB MOW: female sterilisation';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_mop IS 'KB MOP: male sterilisation';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_kondom IS 'KB kondom: condom users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_implan IS 'KB implan: implant users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_suntik IS 'KB suntik: injectable users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_pil IS 'KB pil: pill users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_hamil IS 'Tidak KB, hamil: couples not using contraception, pregnant';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_ingin_segera IS 'Tidak KB, ingin anak segera: want a child soon';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_iat IS 'Tidak KB, IAT: want a child later (unmet need)';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_tial IS 'Tidak KB, TIAL: want no more children (unmet need)';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_baru IS 'Peserta baru: new acceptors';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.bpjs IS 'BPJS: members with health insurance';

CREATE VIEW kkb_bi.penduduk AS
SELECT p.kode_desa::text AS kode_desa, p.periode::date AS periode,
       (SELECT sum(x)::integer FROM unnest(p.laki_laki) x) AS laki_laki,
       (SELECT sum(x)::integer FROM unnest(p.perempuan) x) AS perempuan,
       p.keluarga, p.pus, p.remaja, p.keluarga_balita, p.keluarga_remaja, p.keluarga_lansia
  FROM kkb.penduduk p;
COMMENT ON VIEW kkb_bi.penduduk IS 'Penduduk: monthly aggregate population of each village';
COMMENT ON COLUMN kkb_bi.penduduk.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.penduduk.periode IS 'Periode: month (first day)';
COMMENT ON COLUMN kkb_bi.penduduk.laki_laki IS 'Laki-laki: men, all ages';
COMMENT ON COLUMN kkb_bi.penduduk.perempuan IS 'Perempuan: women, all ages';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga IS 'Keluarga: families';
COMMENT ON COLUMN kkb_bi.penduduk.pus IS 'PUS: couples of reproductive age';
COMMENT ON COLUMN kkb_bi.penduduk.remaja IS 'Remaja: teenagers 10-24';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga_balita IS 'Keluarga balita: families with a child under five';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga_remaja IS 'Keluarga remaja: families with a teenager';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga_lansia IS 'Keluarga lansia: families with an elderly member';

CREATE VIEW kkb_bi.intervensi AS
SELECT i.kode_desa::text AS kode_desa, i.id::integer AS id, i.tanggal, i.judul, i.fungsi_keluarga::text AS fungsi_keluarga,
       pg_catalog.array_to_string(i.sasaran, ',') AS sasaran, pg_catalog.array_to_string(i.opd, ',') AS opd, i.uraian
  FROM kkb.intervensi i;
COMMENT ON VIEW kkb_bi.intervensi IS 'Intervensi: interventions in the villages';
COMMENT ON COLUMN kkb_bi.intervensi.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.intervensi.id IS 'ID: intervention number within the village';
COMMENT ON COLUMN kkb_bi.intervensi.tanggal IS 'Tanggal: date';
COMMENT ON COLUMN kkb_bi.intervensi.judul IS 'Judul: title';
COMMENT ON COLUMN kkb_bi.intervensi.fungsi_keluarga IS 'Fungsi keluarga: family function served';
COMMENT ON COLUMN kkb_bi.intervensi.sasaran IS 'Sasaran: target groups, comma separated';
COMMENT ON COLUMN kkb_bi.intervensi.opd IS 'OPD: agencies involved, comma separated codes';
COMMENT ON COLUMN kkb_bi.intervensi.uraian IS 'Uraian: description';

CREATE VIEW kkb_bi.anggota AS
SELECT a.kode_desa::text AS kode_desa,
       sa.keluarga,
       a.jenis_kelamin::text AS jenis_kelamin,
       extract(year FROM pg_catalog.age(current_date, a.tanggal_lahir))::integer AS umur_tahun,
       a.hubungan::text AS hubungan, a.status_kawin::text AS status_kawin, a.pendidikan, a.sekolah, a.pekerjaan,
       a.jaminan_kesehatan, a.akta_lahir, a.hamil, a.kontrasepsi::text AS kontrasepsi, a.alasan_tidak_kb::text AS alasan_tidak_kb
  FROM kkb.anggota a JOIN kkb._samaran_keluarga sa ON sa.kode_desa OPERATOR(kkb.=) a.kode_desa AND sa.no_kk OPERATOR(kkb.=) a.no_kk;
COMMENT ON VIEW kkb_bi.anggota IS 'Anggota: family members, de-identified (no NIK, name, card number or birth date)';
COMMENT ON COLUMN kkb_bi.anggota.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.anggota.keluarga IS 'Keluarga: pseudonym of the family, K and 16 hex digits (stable in this database, not reversible)';
COMMENT ON COLUMN kkb_bi.anggota.jenis_kelamin IS 'Jenis kelamin: L male, P female';
COMMENT ON COLUMN kkb_bi.anggota.umur_tahun IS 'Umur: age in whole years today';
COMMENT ON COLUMN kkb_bi.anggota.hubungan IS 'Hubungan: relation to the head of the family';
COMMENT ON COLUMN kkb_bi.anggota.status_kawin IS 'Status kawin: marital status';
COMMENT ON COLUMN kkb_bi.anggota.pendidikan IS 'Pendidikan: education';
COMMENT ON COLUMN kkb_bi.anggota.sekolah IS 'Sekolah: currently in school';
COMMENT ON COLUMN kkb_bi.anggota.pekerjaan IS 'Pekerjaan: occupation';
COMMENT ON COLUMN kkb_bi.anggota.jaminan_kesehatan IS 'Jaminan kesehatan: health insurance';
COMMENT ON COLUMN kkb_bi.anggota.akta_lahir IS 'Akta lahir: has a birth certificate';
COMMENT ON COLUMN kkb_bi.anggota.hamil IS 'Hamil: pregnant';
COMMENT ON COLUMN kkb_bi.anggota.kontrasepsi IS 'Kontrasepsi: contraceptive method';
COMMENT ON COLUMN kkb_bi.anggota.alasan_tidak_kb IS 'Alasan tidak KB: reason for no contraception';

CREATE VIEW kkb_bi.keluarga AS
SELECT k.kode_desa::text AS kode_desa,
       sa.keluarga,
       k.rt::integer AS rt, k.rw::integer AS rw,
       k.air_minum::text AS air_minum, (k.air_minum IN (SELECT l.kode FROM kkb.air_minum_layak l)) AS air_minum_layak,
       k.jamban::text AS jamban, (k.jamban IN ('sendiri', 'bersama') AND coalesce(k.tangki_septik, false)) AS jamban_layak,
       k.lantai_tanah, k.dinding_layak, k.atap_layak, k.miskin,
       (SELECT count(*)::integer FROM kkb.anggota a WHERE a.kode_desa OPERATOR(kkb.=) k.kode_desa AND a.no_kk OPERATOR(kkb.=) k.no_kk) AS jumlah_anggota
  FROM kkb.keluarga k JOIN kkb._samaran_keluarga sa ON sa.kode_desa OPERATOR(kkb.=) k.kode_desa AND sa.no_kk OPERATOR(kkb.=) k.no_kk;
COMMENT ON VIEW kkb_bi.keluarga IS 'Keluarga: families, de-identified, with water, sanitation and housing';
COMMENT ON COLUMN kkb_bi.keluarga.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.keluarga.keluarga IS 'Keluarga: pseudonym of the family (as in kkb_bi.anggota)';
COMMENT ON COLUMN kkb_bi.keluarga.rt IS 'RT: neighbourhood unit';
COMMENT ON COLUMN kkb_bi.keluarga.rw IS 'RW: community unit';
COMMENT ON COLUMN kkb_bi.keluarga.air_minum IS 'Air minum: main drinking-water source';
COMMENT ON COLUMN kkb_bi.keluarga.air_minum_layak IS 'Air minum layak: the source is proper';
COMMENT ON COLUMN kkb_bi.keluarga.jamban IS 'Jamban: latrine';
COMMENT ON COLUMN kkb_bi.keluarga.jamban_layak IS 'Jamban layak: own or shared latrine with a septic tank';
COMMENT ON COLUMN kkb_bi.keluarga.lantai_tanah IS 'Lantai tanah: earth floor';
COMMENT ON COLUMN kkb_bi.keluarga.dinding_layak IS 'Dinding layak: proper walls';
COMMENT ON COLUMN kkb_bi.keluarga.atap_layak IS 'Atap layak: proper roof';
COMMENT ON COLUMN kkb_bi.keluarga.miskin IS 'Miskin: poor family (DTKS)';
COMMENT ON COLUMN kkb_bi.keluarga.jumlah_anggota IS 'Jumlah anggota: number of members';

CREATE VIEW kkb_bi.pengukuran AS
SELECT m.kode_desa::text AS kode_desa, pg_catalog.date_trunc('month', m.tanggal_ukur)::date AS bulan_ukur,
       m.jenis_kelamin::text AS jenis_kelamin, m.umur_bulan, m.berat_kg::numeric(6, 2) AS berat_kg,
       m.tinggi_cm::numeric(6, 1) AS tinggi_cm, m.z_tbu, m.z_bbu, m.z_bbtb, m.z_imtu,
       m.status_tbu, m.status_bbu, m.status_bbtb, m.status_imtu, m.stunting,
       (pg_catalog.cardinality(m.flags) > 0) AS ditandai
  FROM kkb.pengukuran m;
COMMENT ON VIEW kkb_bi.pengukuran IS 'Pengukuran: child measurements, de-identified, with z-scores and Permenkes categories';
COMMENT ON COLUMN kkb_bi.pengukuran.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.pengukuran.bulan_ukur IS 'Bulan ukur: month of the measurement (first day)';
COMMENT ON COLUMN kkb_bi.pengukuran.jenis_kelamin IS 'Jenis kelamin: L male, P female';
COMMENT ON COLUMN kkb_bi.pengukuran.umur_bulan IS 'Umur (bulan): age in completed months';
COMMENT ON COLUMN kkb_bi.pengukuran.berat_kg IS 'Berat: weight, kg';
COMMENT ON COLUMN kkb_bi.pengukuran.tinggi_cm IS 'Tinggi: length/height as measured, cm';
COMMENT ON COLUMN kkb_bi.pengukuran.z_tbu IS 'Z TB/U: length/height-for-age z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.z_bbu IS 'Z BB/U: weight-for-age z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.z_bbtb IS 'Z BB/TB: weight-for-length/height z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.z_imtu IS 'Z IMT/U: BMI-for-age z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.status_tbu IS 'Status TB/U: sangat pendek, pendek, normal, tinggi';
COMMENT ON COLUMN kkb_bi.pengukuran.status_bbu IS 'Status BB/U: weight-for-age category';
COMMENT ON COLUMN kkb_bi.pengukuran.status_bbtb IS 'Status BB/TB: weight-for-length/height category';
COMMENT ON COLUMN kkb_bi.pengukuran.status_imtu IS 'Status IMT/U: BMI-for-age category';
COMMENT ON COLUMN kkb_bi.pengukuran.stunting IS 'Stunting: length/height-for-age z < -2';
COMMENT ON COLUMN kkb_bi.pengukuran.ditandai IS 'Ditandai: flagged by WHO''s plausibility rules (exclude from prevalence)';

GRANT USAGE ON SCHEMA kkb_bi TO kkb_analis, kkb_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA kkb_bi TO kkb_analis, kkb_admin;

-- ---- 40_klasifikasi.sql ----
-- 40_klasifikasi.sql - the Kampung KB village classification (klasifikasi) of the
-- national portal, as one pure function over a JSON input document.  The rule and
-- both documents are described in docs/KLASIFIKASI.md; the C core is
-- extension/src/core/klasifikasi.c.

CREATE FUNCTION kkb.klasifikasi_hitung(masukan jsonb) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'kkb_klasifikasi_hitung'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.klasifikasi_hitung(jsonb) IS
	'Kampung KB classification (klasifikasi, computed exactly as the national portal does) of one village from its input document (masukan): input indicators (pokja, sumber_dana, poktan, sarana, pkb_pendamping, regulasi), process indicators (penggunaan_data, mekanisme_operasional, instansi_intervensi) and the optional penduduk (population) and kkbpk (monthly family-planning report) records. Returns {skor: 12 scores 1..4, persentase: {poktan, cpr, mkjp, unmet}, indeks_input, indeks_proses, indeks_output, klasifikasi: Dasar | Berkembang | Mandiri | Berkelanjutan}. A missing key and JSON null both mean not recorded; a wrong JSON type or an out-of-range count raises 22023.';

-- ---- 41_klasifikasi_desa.sql ----
-- 41_klasifikasi_desa.sql - the portal's classification of a village from its
-- tables: the input document as the portal reads it, and the class of one
-- village or of every village under a region.

-- The input document of KLASIFIKASI.md for a village and month: the profile,
-- penduduk and kkbpk records of that month (a NULL column is a missing key; no
-- record, no object) and the distinct agencies (from kkb.opd) over all the
-- village's interventions up to the end of the month.
CREATE FUNCTION kkb.klasifikasi_masukan(kode_desa kkb.kode_wilayah, periode date) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
		'pokja_ada', p.pokja_ada, 'pokja_anggota', p.pokja_anggota, 'pokja_terlatih', p.pokja_terlatih,
		'sumber_dana', pg_catalog.cardinality(p.sumber_dana), 'poktan', pg_catalog.cardinality(p.poktan),
		'sarana', pg_catalog.cardinality(p.sarana), 'pkb_pendamping', p.pkb_pendamping, 'regulasi', p.regulasi,
		'penggunaan_data', pg_catalog.cardinality(p.penggunaan_data),
		'mekanisme_operasional', pg_catalog.cardinality(p.mekanisme_operasional),
		'instansi_intervensi', (SELECT pg_catalog.count(DISTINCT o.kode) FROM kkb.intervensi i
		                          CROSS JOIN LATERAL pg_catalog.unnest(i.opd) AS u(k)
		                          JOIN kkb.opd o ON o.kode = u.k
		                         WHERE i.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
		                           AND i.tanggal < (pg_catalog.date_trunc('month', klasifikasi_masukan.periode) + interval '1 month')),
		'penduduk', (SELECT pg_catalog.jsonb_build_object('pus', d.pus, 'keluarga', d.keluarga, 'remaja', d.remaja,
		                      'keluarga_balita', d.keluarga_balita, 'keluarga_remaja', d.keluarga_remaja,
		                      'keluarga_lansia', d.keluarga_lansia)
		               FROM kkb.penduduk d WHERE d.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
		                AND d.periode = pg_catalog.date_trunc('month', klasifikasi_masukan.periode)::date),
		'kkbpk', (SELECT pg_catalog.jsonb_build_object('peserta_bkb', r.peserta_bkb, 'peserta_bkr', r.peserta_bkr,
		                   'peserta_bkl', r.peserta_bkl, 'peserta_uppka', r.peserta_uppka, 'peserta_pikr', r.peserta_pikr,
		                   'kb_iud', r.kb_iud, 'kb_mow', r.kb_mow, 'kb_mop', r.kb_mop, 'kb_kondom', r.kb_kondom,
		                   'kb_implan', r.kb_implan, 'kb_suntik', r.kb_suntik, 'kb_pil', r.kb_pil,
		                   'tidak_kb_hamil', r.tidak_kb_hamil, 'tidak_kb_ingin_segera', r.tidak_kb_ingin_segera,
		                   'tidak_kb_iat', r.tidak_kb_iat, 'tidak_kb_tial', r.tidak_kb_tial)
		            FROM kkb.kkbpk r WHERE r.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
		             AND r.periode = pg_catalog.date_trunc('month', klasifikasi_masukan.periode)::date)))
	  FROM (SELECT 1) AS satu
	  LEFT JOIN kkb.profil p ON p.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
	                        AND p.periode = pg_catalog.date_trunc('month', klasifikasi_masukan.periode)::date;
END;
COMMENT ON FUNCTION kkb.klasifikasi_masukan(kkb.kode_wilayah, date) IS
	'The classification input document (masukan) of a village and month, read from its tables as the national portal reads them';

CREATE FUNCTION kkb.klasifikasi(kode_desa kkb.kode_wilayah, periode date) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN kkb.klasifikasi_hitung(kkb.klasifikasi_masukan(kode_desa, periode));
COMMENT ON FUNCTION kkb.klasifikasi(kkb.kode_wilayah, date) IS
	'Classification of a village for a month: kkb.klasifikasi_hitung of kkb.klasifikasi_masukan (scores, percentages, indices, class)';

CREATE FUNCTION kkb.klasifikasi_wilayah(wilayah kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, nama text,
	               input_pokja integer, input_sumber_dana integer, input_poktan integer, input_sarana integer, input_pkb integer,
	               proses_penggunaan_data integer, proses_operasional integer, proses_lintas_sektor integer,
	               output_poktan integer, output_cpr integer, output_mkjp integer, output_unmet integer,
	               indeks_input numeric, indeks_proses numeric, indeks_output numeric, klasifikasi text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	-- set-based: the same document as kkb.klasifikasi_masukan, built for every village in one join
	WITH bulan AS (
		SELECT pg_catalog.date_trunc('month', klasifikasi_wilayah.periode)::date AS awal
	), instansi AS (
		SELECT i.kode_desa, pg_catalog.count(DISTINCT o.kode) AS n
		  FROM kkb.intervensi i CROSS JOIN LATERAL pg_catalog.unnest(i.opd) AS u(k) JOIN kkb.opd o ON o.kode = u.k, bulan
		 WHERE (klasifikasi_wilayah.wilayah IS NULL OR i.kode_desa OPERATOR(kkb.<@) klasifikasi_wilayah.wilayah)
		   AND i.tanggal < bulan.awal + interval '1 month'
		 GROUP BY i.kode_desa
	), masukan AS (
		SELECT k.kode_desa, pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
			'pokja_ada', p.pokja_ada, 'pokja_anggota', p.pokja_anggota, 'pokja_terlatih', p.pokja_terlatih,
			'sumber_dana', pg_catalog.cardinality(p.sumber_dana), 'poktan', pg_catalog.cardinality(p.poktan),
			'sarana', pg_catalog.cardinality(p.sarana), 'pkb_pendamping', p.pkb_pendamping, 'regulasi', p.regulasi,
			'penggunaan_data', pg_catalog.cardinality(p.penggunaan_data),
			'mekanisme_operasional', pg_catalog.cardinality(p.mekanisme_operasional),
			'instansi_intervensi', coalesce(ins.n, 0),
			'penduduk', CASE WHEN d.kode_desa IS NOT NULL THEN pg_catalog.jsonb_build_object('pus', d.pus, 'keluarga', d.keluarga,
			                 'remaja', d.remaja, 'keluarga_balita', d.keluarga_balita, 'keluarga_remaja', d.keluarga_remaja,
			                 'keluarga_lansia', d.keluarga_lansia) END,
			'kkbpk', CASE WHEN r.kode_desa IS NOT NULL THEN pg_catalog.jsonb_build_object('peserta_bkb', r.peserta_bkb,
			              'peserta_bkr', r.peserta_bkr, 'peserta_bkl', r.peserta_bkl, 'peserta_uppka', r.peserta_uppka,
			              'peserta_pikr', r.peserta_pikr, 'kb_iud', r.kb_iud, 'kb_mow', r.kb_mow, 'kb_mop', r.kb_mop,
			              'kb_kondom', r.kb_kondom, 'kb_implan', r.kb_implan, 'kb_suntik', r.kb_suntik, 'kb_pil', r.kb_pil,
			              'tidak_kb_hamil', r.tidak_kb_hamil, 'tidak_kb_ingin_segera', r.tidak_kb_ingin_segera,
			              'tidak_kb_iat', r.tidak_kb_iat, 'tidak_kb_tial', r.tidak_kb_tial) END)) AS j
		  FROM kkb.kampung k CROSS JOIN bulan
		  LEFT JOIN kkb.profil p ON p.kode_desa OPERATOR(kkb.=) k.kode_desa AND p.periode = bulan.awal
		  LEFT JOIN kkb.penduduk d ON d.kode_desa OPERATOR(kkb.=) k.kode_desa AND d.periode = bulan.awal
		  LEFT JOIN kkb.kkbpk r ON r.kode_desa OPERATOR(kkb.=) k.kode_desa AND r.periode = bulan.awal
		  LEFT JOIN instansi ins ON ins.kode_desa OPERATOR(kkb.=) k.kode_desa
		 WHERE klasifikasi_wilayah.wilayah IS NULL OR k.kode_desa OPERATOR(kkb.<@) klasifikasi_wilayah.wilayah
	), h AS (
		SELECT m.kode_desa, kkb.klasifikasi_hitung(m.j) AS j FROM masukan m
	)
	SELECT h.kode_desa, w.nama,
	       (h.j -> 'skor' ->> 'input_pokja')::integer, (h.j -> 'skor' ->> 'input_sumber_dana')::integer,
	       (h.j -> 'skor' ->> 'input_poktan')::integer, (h.j -> 'skor' ->> 'input_sarana')::integer,
	       (h.j -> 'skor' ->> 'input_pkb')::integer, (h.j -> 'skor' ->> 'proses_penggunaan_data')::integer,
	       (h.j -> 'skor' ->> 'proses_operasional')::integer, (h.j -> 'skor' ->> 'proses_lintas_sektor')::integer,
	       (h.j -> 'skor' ->> 'output_poktan')::integer, (h.j -> 'skor' ->> 'output_cpr')::integer,
	       (h.j -> 'skor' ->> 'output_mkjp')::integer, (h.j -> 'skor' ->> 'output_unmet')::integer,
	       (h.j ->> 'indeks_input')::numeric, (h.j ->> 'indeks_proses')::numeric, (h.j ->> 'indeks_output')::numeric,
	       h.j ->> 'klasifikasi'
	  FROM h JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) h.kode_desa
	 ORDER BY h.kode_desa;
END;
COMMENT ON FUNCTION kkb.klasifikasi_wilayah(kkb.kode_wilayah, date) IS
	'Classification of every Kampung KB under a region (NULL: the whole country) for a month: the 12 scores, 3 indices and the class (klasifikasi)';

-- ---- 42_risiko_stunting.sql ----
-- 42_risiko_stunting.sql - families at risk of stunting (keluarga berisiko
-- stunting, KRS), BKKBN's definition (DOMAIN.md 4).  The bounds are settings
-- with DOMAIN.md's defaults: kkb.krs_umur_muda (20), kkb.krs_umur_tua (35),
-- kkb.krs_jarak_bulan (24), kkb.krs_anak_maks (3), e.g.
--   SET kkb.krs_umur_tua = 40;   -- regions that use 35-40

CREATE FUNCTION kkb._pengaturan(nama text, bawaan integer) RETURNS integer
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN coalesce(NULLIF(pg_catalog.current_setting('kkb.' || nama, true), '')::integer, bawaan);
COMMENT ON FUNCTION kkb._pengaturan(text, integer) IS 'Internal: integer setting kkb.<nama>, or the default when unset';

-- One row per family of the village (or just `no_kk` when given), at date acuan.
CREATE FUNCTION kkb.risiko_stunting_desa(kode_desa kkb.kode_wilayah, acuan date DEFAULT current_date, no_kk kkb.no_kk DEFAULT NULL)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, no_kk kkb.no_kk, sasaran boolean, alasan_sasaran text[], berisiko boolean, faktor text[])
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH b AS (
		SELECT kkb._pengaturan('krs_umur_muda', 20) AS muda, kkb._pengaturan('krs_umur_tua', 35) AS tua,
		       kkb._pengaturan('krs_jarak_bulan', 24) AS jarak, kkb._pengaturan('krs_anak_maks', 3) AS anak_maks
	), kel AS (
		SELECT k.* FROM kkb.keluarga k
		 WHERE k.kode_desa OPERATOR(kkb.=) risiko_stunting_desa.kode_desa
		   AND (risiko_stunting_desa.no_kk IS NULL OR k.no_kk OPERATOR(kkb.=) risiko_stunting_desa.no_kk)
	), m AS (
		-- one pass over the members: what each family's risk depends on
		SELECT a.no_kk,
		       pg_catalog.min(pg_catalog.date_part('year', pg_catalog.age(acuan, a.tanggal_lahir))::integer)
		           FILTER (WHERE a.jenis_kelamin = 'P' AND a.hubungan IN ('istri', 'kepala')
		                     AND a.status_kawin IS DISTINCT FROM 'belum_kawin') AS umur_istri,
		       pg_catalog.bool_or(a.hamil) AS ada_hamil,
		       pg_catalog.count(*) FILTER (WHERE a.tanggal_lahir <= acuan AND acuan - a.tanggal_lahir < 731) AS baduta,
		       pg_catalog.count(*) FILTER (WHERE acuan - a.tanggal_lahir >= 731 AND acuan - a.tanggal_lahir <= 1826) AS balita,
		       pg_catalog.count(*) FILTER (WHERE a.hubungan = 'anak') AS anak,
		       (pg_catalog.array_agg(a.tanggal_lahir ORDER BY a.tanggal_lahir DESC) FILTER (WHERE a.hubungan = 'anak'))[1:2] AS termuda
		  FROM kkb.anggota a
		 WHERE a.kode_desa OPERATOR(kkb.=) risiko_stunting_desa.kode_desa
		   AND (risiko_stunting_desa.no_kk IS NULL OR a.no_kk OPERATOR(kkb.=) risiko_stunting_desa.no_kk)
		 GROUP BY a.no_kk
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
	  FROM r ORDER BY r.no_kk;
END;
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

-- ---- 43_elemen_data.sql ----
-- 43_elemen_data.sql - the 40 kinds of village data (DOMAIN.md 3): the
-- catalogue, values entered as aggregates, and each village's profile, where
-- every item comes from the by-name records when the village has them, else
-- from its monthly report (penduduk, kkbpk), else from an entered value.

CREATE TABLE kkb.elemen_data (
	kode          text PRIMARY KEY CHECK (kode ~ '^[a-z][a-z0-9_]*$'),
	urutan        smallint NOT NULL UNIQUE,
	nama          text NOT NULL,
	arti          text NOT NULL,
	kelompok      text NOT NULL,
	satuan        text NOT NULL,
	dihitung      boolean NOT NULL,
	kolom_laporan text
);
COMMENT ON TABLE kkb.elemen_data IS 'The catalogue of village data items (elemen data): the 40 kinds of data the city asks each village for';
COMMENT ON COLUMN kkb.elemen_data.kode IS 'Stable item code, used in validation rules';
COMMENT ON COLUMN kkb.elemen_data.urutan IS 'Order (1..40)';
COMMENT ON COLUMN kkb.elemen_data.nama IS 'Indonesian name';
COMMENT ON COLUMN kkb.elemen_data.arti IS 'English meaning';
COMMENT ON COLUMN kkb.elemen_data.kelompok IS 'Group: kependudukan, kb, poktan, vital, gizi, lingkungan, sosial';
COMMENT ON COLUMN kkb.elemen_data.satuan IS 'Unit: orang (people), keluarga (families), kejadian (events)';
COMMENT ON COLUMN kkb.elemen_data.dihitung IS 'Computed from the by-name records when the village has them';
COMMENT ON COLUMN kkb.elemen_data.kolom_laporan IS 'Column of kkb.penduduk or kkb.kkbpk holding it in the monthly report, if any (table.column)';

INSERT INTO kkb.elemen_data (urutan, kode, nama, arti, kelompok, satuan, dihitung, kolom_laporan) VALUES
	(1, 'penduduk', 'Jumlah penduduk (menurut kelompok umur 5 tahunan dan jenis kelamin)', 'Population (by 5-year age group and sex)', 'kependudukan', 'orang', true, NULL),
	(2, 'keluarga', 'Jumlah keluarga (KK)', 'Families', 'kependudukan', 'keluarga', true, 'penduduk.keluarga'),
	(3, 'pus', 'Pasangan usia subur (PUS)', 'Couples of reproductive age (married women 15-49)', 'kependudukan', 'orang', true, 'penduduk.pus'),
	(4, 'remaja', 'Remaja (10-24 tahun)', 'Teenagers aged 10-24', 'kependudukan', 'orang', true, 'penduduk.remaja'),
	(5, 'keluarga_balita', 'Keluarga dengan balita', 'Families with a child under five', 'kependudukan', 'keluarga', true, 'penduduk.keluarga_balita'),
	(6, 'keluarga_remaja', 'Keluarga dengan remaja', 'Families with a teenager', 'kependudukan', 'keluarga', true, 'penduduk.keluarga_remaja'),
	(7, 'keluarga_lansia', 'Keluarga dengan lansia (60+)', 'Families with an elderly member (60+)', 'kependudukan', 'keluarga', true, 'penduduk.keluarga_lansia'),
	(8, 'kb_iud', 'Peserta KB aktif: IUD', 'Active contraceptive users: IUD', 'kb', 'orang', true, 'kkbpk.kb_iud'),
	(9, 'kb_mow', 'Peserta KB aktif: MOW', 'Active users: female sterilisation', 'kb', 'orang', true, 'kkbpk.kb_mow'),
	(10, 'kb_mop', 'Peserta KB aktif: MOP', 'Active users: male sterilisation', 'kb', 'orang', true, 'kkbpk.kb_mop'),
	(11, 'kb_kondom', 'Peserta KB aktif: kondom', 'Active users: condom', 'kb', 'orang', true, 'kkbpk.kb_kondom'),
	(12, 'kb_implan', 'Peserta KB aktif: implan', 'Active users: implant', 'kb', 'orang', true, 'kkbpk.kb_implan'),
	(13, 'kb_suntik', 'Peserta KB aktif: suntik', 'Active users: injectable', 'kb', 'orang', true, 'kkbpk.kb_suntik'),
	(14, 'kb_pil', 'Peserta KB aktif: pil', 'Active users: pill', 'kb', 'orang', true, 'kkbpk.kb_pil'),
	(15, 'tidak_kb_hamil', 'PUS bukan peserta KB: hamil', 'Couples not using contraception: pregnant', 'kb', 'orang', true, 'kkbpk.tidak_kb_hamil'),
	(16, 'tidak_kb_ingin_segera', 'PUS bukan peserta KB: ingin anak segera', 'Not using contraception: want a child soon', 'kb', 'orang', true, 'kkbpk.tidak_kb_ingin_segera'),
	(17, 'tidak_kb_iat', 'PUS bukan peserta KB: ingin anak ditunda (IAT)', 'Not using contraception: want a child later', 'kb', 'orang', true, 'kkbpk.tidak_kb_iat'),
	(18, 'tidak_kb_tial', 'PUS bukan peserta KB: tidak ingin anak lagi (TIAL)', 'Not using contraception: want no more children', 'kb', 'orang', true, 'kkbpk.tidak_kb_tial'),
	(19, 'peserta_baru', 'Peserta KB baru', 'New contraceptive acceptors', 'kb', 'orang', false, 'kkbpk.peserta_baru'),
	(20, 'bpjs', 'Anggota keluarga dengan jaminan kesehatan (BPJS)', 'Members covered by health insurance', 'kependudukan', 'orang', true, 'kkbpk.bpjs'),
	(21, 'peserta_bkb', 'Peserta BKB', 'Participants of BKB (families with toddlers)', 'poktan', 'keluarga', false, 'kkbpk.peserta_bkb'),
	(22, 'peserta_bkr', 'Peserta BKR', 'Participants of BKR (families with teenagers)', 'poktan', 'keluarga', false, 'kkbpk.peserta_bkr'),
	(23, 'peserta_bkl', 'Peserta BKL', 'Participants of BKL (families with elderly)', 'poktan', 'keluarga', false, 'kkbpk.peserta_bkl'),
	(24, 'peserta_uppka', 'Peserta UPPKA', 'Participants of UPPKA (family income groups)', 'poktan', 'keluarga', false, 'kkbpk.peserta_uppka'),
	(25, 'peserta_pikr', 'Peserta PIK-R', 'Participants of PIK-R (youth counselling)', 'poktan', 'orang', false, 'kkbpk.peserta_pikr'),
	(26, 'lahir_hidup', 'Kelahiran hidup', 'Live births', 'vital', 'kejadian', true, NULL),
	(27, 'kematian_bayi', 'Kematian bayi (di bawah 1 tahun)', 'Infant deaths (under 1 year)', 'vital', 'kejadian', true, NULL),
	(28, 'kematian_balita', 'Kematian balita (di bawah 5 tahun)', 'Under-five deaths', 'vital', 'kejadian', true, NULL),
	(29, 'kematian_ibu', 'Kematian ibu', 'Maternal deaths', 'vital', 'kejadian', true, NULL),
	(30, 'balita_diukur', 'Balita yang diukur', 'Children under five measured', 'gizi', 'orang', true, NULL),
	(31, 'balita_stunting', 'Balita stunting (TB/U z < -2)', 'Stunted children (height-for-age z < -2)', 'gizi', 'orang', true, NULL),
	(32, 'balita_gizi_kurang', 'Balita wasting (BB/TB z < -2) atau underweight (BB/U z < -2)', 'Wasted or underweight children', 'gizi', 'orang', true, NULL),
	(33, 'ibu_hamil', 'Ibu hamil', 'Pregnant women', 'gizi', 'orang', true, NULL),
	(34, 'ibu_hamil_kek', 'Ibu hamil kurang energi kronis (LiLA < 23,5 cm)', 'Pregnant women with chronic energy deficiency (MUAC < 23.5 cm)', 'gizi', 'orang', false, NULL),
	(35, 'keluarga_krs', 'Keluarga berisiko stunting (KRS)', 'Families at risk of stunting', 'gizi', 'keluarga', true, NULL),
	(36, 'keluarga_tanpa_air_layak', 'Keluarga tanpa air minum layak', 'Families without proper drinking water', 'lingkungan', 'keluarga', true, NULL),
	(37, 'keluarga_tanpa_jamban_layak', 'Keluarga tanpa jamban layak', 'Families without a proper latrine', 'lingkungan', 'keluarga', true, NULL),
	(38, 'pus_4_terlalu', 'PUS 4 terlalu (terlalu muda, tua, dekat, banyak)', 'Couples in the "4 terlalu" group', 'kb', 'orang', true, NULL),
	(39, 'keluarga_miskin', 'Keluarga miskin', 'Poor families', 'sosial', 'keluarga', true, NULL),
	(40, 'anak_tidak_sekolah', 'Anak usia sekolah (7-18) tidak sekolah', 'School-age children (7-18) not in school', 'sosial', 'orang', true, NULL);

CREATE TABLE kkb.nilai (
	kode_desa   kkb.kode_desa NOT NULL REFERENCES kkb.kampung (kode_desa),
	periode     kkb.bulan NOT NULL,
	kode_elemen text NOT NULL REFERENCES kkb.elemen_data (kode),
	nilai       numeric NOT NULL CHECK (nilai >= 0),
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode, kode_elemen)
);
COMMENT ON TABLE kkb.nilai IS 'Aggregate values entered for a village and month (nilai), for items the village has no by-name records for';
COMMENT ON COLUMN kkb.nilai.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.nilai.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.nilai.kode_elemen IS 'Item code (kkb.elemen_data)';
COMMENT ON COLUMN kkb.nilai.nilai IS 'Value';
COMMENT ON COLUMN kkb.nilai.diubah_pada IS 'Last changed at';
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.nilai FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.nilai FOR EACH ROW EXECUTE FUNCTION kkb._kunci_periode();
CREATE TRIGGER t90_audit_i AFTER INSERT ON kkb.nilai REFERENCING NEW TABLE AS kkb_audit_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(kode_desa, periode, kode_elemen);
CREATE TRIGGER t90_audit_u AFTER UPDATE ON kkb.nilai REFERENCING OLD TABLE AS kkb_audit_lama NEW TABLE AS kkb_audit_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(kode_desa, periode, kode_elemen);
CREATE TRIGGER t90_audit_d AFTER DELETE ON kkb.nilai REFERENCING OLD TABLE AS kkb_audit_lama
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(kode_desa, periode, kode_elemen);
ALTER TABLE kkb.nilai ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_semua ON kkb.nilai TO kkb_admin USING (true) WITH CHECK (true);
CREATE POLICY pokja_desa ON kkb.nilai TO kkb_pokja
	USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup()) WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_baca ON kkb.nilai FOR SELECT TO kkb_opd USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
GRANT SELECT ON kkb.elemen_data TO kkb_admin, kkb_pokja, kkb_opd;
GRANT SELECT, INSERT, UPDATE, DELETE ON kkb.nilai TO kkb_admin, kkb_pokja;
GRANT SELECT ON kkb.nilai TO kkb_opd;

-- Values of the computable items from the by-name records of a village for a
-- month (state at the month's last day; events and measurements within it).
-- Stunting, wasting and underweight use each child's latest measurement in the
-- month and leave out WHO-flagged values.  No rows when the village has no members.
-- Two indicators beyond the catalogue feed the agencies' priorities:
-- tanpa_akta_lahir (members without a birth certificate) and nik_bermasalah
-- (members whose NIK region is unknown).  Only counts leave this function, so
-- it runs with its owner's rights (agencies see counts, never the people); it
-- still answers only for villages within the caller's scope when one is set.
CREATE FUNCTION kkb._nilai_individu(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric)
	LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp
BEGIN ATOMIC
	WITH p AS (
		SELECT pg_catalog.date_trunc('month', _nilai_individu.periode)::date AS awal,
		       (pg_catalog.date_trunc('month', _nilai_individu.periode) + interval '1 month - 1 day')::date AS akhir
	), a AS (
		SELECT m.*, pg_catalog.date_part('year', pg_catalog.age(p.akhir, m.tanggal_lahir))::integer AS umur, p.akhir - m.tanggal_lahir AS hari
		  FROM kkb.anggota m CROSS JOIN p
		 WHERE m.kode_desa OPERATOR(kkb.=) _nilai_individu.kode_desa AND m.tanggal_lahir <= p.akhir
	), k AS (
		SELECT f.* FROM kkb.keluarga f WHERE f.kode_desa OPERATOR(kkb.=) _nilai_individu.kode_desa
	), e AS (
		SELECT v.* FROM kkb.peristiwa v CROSS JOIN p
		 WHERE v.kode_desa OPERATOR(kkb.=) _nilai_individu.kode_desa AND v.tanggal BETWEEN p.awal AND p.akhir
	), u AS (
		SELECT DISTINCT ON (m.nik) m.* FROM kkb.pengukuran m CROSS JOIN p
		 WHERE m.kode_desa OPERATOR(kkb.=) _nilai_individu.kode_desa AND m.tanggal_ukur BETWEEN p.awal AND p.akhir
		 ORDER BY m.nik, m.tanggal_ukur DESC
	), krs AS (
		SELECT r.* FROM kkb.risiko_stunting_desa(_nilai_individu.kode_desa, (SELECT akhir FROM p)) r
	), tak_dikenal AS (
		-- the few distinct districts of the members' NIKs that the reference does not know
		SELECT x.kec FROM (SELECT DISTINCT kkb.nik_kecamatan(a.nik) AS kec FROM a) x
		 WHERE NOT EXISTS (SELECT 1 FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) x.kec)
	), ja AS (
		-- one pass over each source, every count a FILTER
		SELECT pg_catalog.count(*) AS penduduk,
		       pg_catalog.count(*) FILTER (WHERE a.jenis_kelamin = 'P' AND a.status_kawin = 'kawin' AND a.umur BETWEEN 15 AND 49) AS pus,
		       pg_catalog.count(*) FILTER (WHERE a.umur BETWEEN 10 AND 24) AS remaja,
		       pg_catalog.count(DISTINCT a.no_kk::bigint) FILTER (WHERE a.hari <= 1826) AS keluarga_balita,
		       pg_catalog.count(DISTINCT a.no_kk::bigint) FILTER (WHERE a.umur BETWEEN 10 AND 24) AS keluarga_remaja,
		       pg_catalog.count(DISTINCT a.no_kk::bigint) FILTER (WHERE a.umur >= 60) AS keluarga_lansia,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'iud') AS kb_iud,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'mow') AS kb_mow,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'mop') AS kb_mop,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'kondom') AS kb_kondom,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'implan') AS kb_implan,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'suntik') AS kb_suntik,
		       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi = 'pil') AS kb_pil,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'hamil') AS tidak_kb_hamil,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'ingin_anak_segera') AS tidak_kb_ingin_segera,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'iat') AS tidak_kb_iat,
		       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb = 'tial') AS tidak_kb_tial,
		       pg_catalog.count(*) FILTER (WHERE a.jaminan_kesehatan) AS bpjs,
		       pg_catalog.count(*) FILTER (WHERE a.hamil) AS ibu_hamil,
		       pg_catalog.count(*) FILTER (WHERE a.umur BETWEEN 7 AND 18 AND a.sekolah IS FALSE) AS anak_tidak_sekolah,
		       pg_catalog.count(*) FILTER (WHERE a.akta_lahir IS FALSE) AS tanpa_akta_lahir,
		       pg_catalog.count(*) FILTER (WHERE kkb.nik_kecamatan(a.nik) OPERATOR(kkb.=) ANY (SELECT t.kec FROM tak_dikenal t)) AS nik_bermasalah
		  FROM a
	), jk AS (
		SELECT pg_catalog.count(*) AS keluarga,
		       pg_catalog.count(*) FILTER (WHERE k.air_minum IS NOT NULL AND k.air_minum NOT IN (SELECT l.kode FROM kkb.air_minum_layak l)) AS tanpa_air,
		       pg_catalog.count(*) FILTER (WHERE k.jamban = 'tidak_ada' OR k.tangki_septik IS FALSE) AS tanpa_jamban,
		       pg_catalog.count(*) FILTER (WHERE k.miskin) AS miskin
		  FROM k
	), je AS (
		SELECT pg_catalog.count(*) FILTER (WHERE e.jenis = 'lahir') AS lahir_hidup,
		       pg_catalog.count(*) FILTER (WHERE e.jenis = 'mati' AND e.umur_hari < 365) AS kematian_bayi,
		       pg_catalog.count(*) FILTER (WHERE e.jenis = 'mati' AND e.umur_hari < 1826) AS kematian_balita,
		       pg_catalog.count(*) FILTER (WHERE e.jenis = 'mati' AND e.kematian_ibu) AS kematian_ibu
		  FROM e
	), ju AS (
		SELECT pg_catalog.count(*) AS balita_diukur,
		       pg_catalog.count(*) FILTER (WHERE u.stunting AND NOT 'tbu_tidak_wajar' = ANY (u.flags)) AS balita_stunting,
		       pg_catalog.count(*) FILTER (WHERE (u.z_bbtb < -2 AND NOT 'bbtb_tidak_wajar' = ANY (u.flags))
		                                     OR (u.z_bbu < -2 AND NOT 'bbu_tidak_wajar' = ANY (u.flags))) AS balita_gizi_kurang
		  FROM u
	), jr AS (
		SELECT pg_catalog.count(*) FILTER (WHERE krs.berisiko) AS keluarga_krs,
		       pg_catalog.count(*) FILTER (WHERE krs.faktor && '{terlalu_muda,terlalu_tua,terlalu_dekat,terlalu_banyak}') AS pus_4_terlalu
		  FROM krs
	), nilai AS (
		SELECT v.kode, v.nilai FROM ja, jk, je, ju, jr
		 CROSS JOIN LATERAL (VALUES
			('penduduk', ja.penduduk), ('keluarga', jk.keluarga), ('pus', ja.pus), ('remaja', ja.remaja),
			('keluarga_balita', ja.keluarga_balita), ('keluarga_remaja', ja.keluarga_remaja), ('keluarga_lansia', ja.keluarga_lansia),
			('kb_iud', ja.kb_iud), ('kb_mow', ja.kb_mow), ('kb_mop', ja.kb_mop), ('kb_kondom', ja.kb_kondom),
			('kb_implan', ja.kb_implan), ('kb_suntik', ja.kb_suntik), ('kb_pil', ja.kb_pil),
			('tidak_kb_hamil', ja.tidak_kb_hamil), ('tidak_kb_ingin_segera', ja.tidak_kb_ingin_segera),
			('tidak_kb_iat', ja.tidak_kb_iat), ('tidak_kb_tial', ja.tidak_kb_tial), ('bpjs', ja.bpjs),
			('lahir_hidup', je.lahir_hidup), ('kematian_bayi', je.kematian_bayi), ('kematian_balita', je.kematian_balita),
			('kematian_ibu', je.kematian_ibu), ('balita_diukur', ju.balita_diukur), ('balita_stunting', ju.balita_stunting),
			('balita_gizi_kurang', ju.balita_gizi_kurang), ('ibu_hamil', ja.ibu_hamil), ('keluarga_krs', jr.keluarga_krs),
			('keluarga_tanpa_air_layak', jk.tanpa_air), ('keluarga_tanpa_jamban_layak', jk.tanpa_jamban),
			('pus_4_terlalu', jr.pus_4_terlalu), ('keluarga_miskin', jk.miskin), ('anak_tidak_sekolah', ja.anak_tidak_sekolah),
			('tanpa_akta_lahir', ja.tanpa_akta_lahir), ('nik_bermasalah', ja.nik_bermasalah)) v(kode, nilai)
	)
	SELECT nilai.kode, nilai.nilai::numeric FROM nilai
	 WHERE (SELECT penduduk FROM ja) > 0
	   AND CASE WHEN kkb.lingkup() IS NULL THEN pg_catalog.pg_has_role(kkb._peran(), 'kkb_admin', 'USAGE')
	            ELSE _nilai_individu.kode_desa OPERATOR(kkb.<@) kkb.lingkup() END;
END;
COMMENT ON FUNCTION kkb._nilai_individu(kkb.kode_wilayah, date) IS 'Internal: the items computed from a village''s by-name records for a month';

-- Values from the monthly report (kkb.penduduk, kkb.kkbpk) of the month.
CREATE FUNCTION kkb._nilai_laporan(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT e.key, e.value::text::numeric
	  FROM kkb.penduduk d CROSS JOIN LATERAL pg_catalog.jsonb_each(pg_catalog.to_jsonb(d)) e
	 WHERE d.kode_desa OPERATOR(kkb.=) _nilai_laporan.kode_desa AND d.periode = pg_catalog.date_trunc('month', _nilai_laporan.periode)::date
	   AND e.key IN ('keluarga', 'pus', 'remaja', 'keluarga_balita', 'keluarga_remaja', 'keluarga_lansia')
	   AND pg_catalog.jsonb_typeof(e.value) = 'number'
	UNION ALL
	SELECT 'penduduk', (SELECT pg_catalog.sum(x) FROM pg_catalog.unnest(d.laki_laki || d.perempuan) x)
	  FROM kkb.penduduk d
	 WHERE d.kode_desa OPERATOR(kkb.=) _nilai_laporan.kode_desa AND d.periode = pg_catalog.date_trunc('month', _nilai_laporan.periode)::date
	   AND d.laki_laki IS NOT NULL AND d.perempuan IS NOT NULL
	UNION ALL
	SELECT e.key, e.value::text::numeric
	  FROM kkb.kkbpk r CROSS JOIN LATERAL pg_catalog.jsonb_each(pg_catalog.to_jsonb(r)) e
	 WHERE r.kode_desa OPERATOR(kkb.=) _nilai_laporan.kode_desa AND r.periode = pg_catalog.date_trunc('month', _nilai_laporan.periode)::date
	   AND e.key IN (SELECT pg_catalog.split_part(x.kolom_laporan, '.', 2) FROM kkb.elemen_data x WHERE x.kolom_laporan LIKE 'kkbpk.%')
	   AND pg_catalog.jsonb_typeof(e.value) = 'number';
END;
COMMENT ON FUNCTION kkb._nilai_laporan(kkb.kode_wilayah, date) IS 'Internal: the items found in a village''s monthly report for a month';

-- Every known value of a village and month, each from its best source:
-- by-name records, else the monthly report, else the entered value.
CREATE FUNCTION kkb._nilai_semua(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, nilai numeric, sumber text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT DISTINCT ON (x.kode) x.kode, x.nilai, x.sumber FROM (
		SELECT i.kode, i.nilai, 'data_individu' AS sumber, 1 AS urut FROM kkb._nilai_individu(_nilai_semua.kode_desa, _nilai_semua.periode) i
		UNION ALL
		SELECT l.kode, l.nilai, 'laporan_bulanan', 2 FROM kkb._nilai_laporan(_nilai_semua.kode_desa, _nilai_semua.periode) l
		UNION ALL
		SELECT n.kode_elemen, n.nilai, 'isian', 3 FROM kkb.nilai n
		 WHERE n.kode_desa OPERATOR(kkb.=) _nilai_semua.kode_desa AND n.periode = pg_catalog.date_trunc('month', _nilai_semua.periode)::date
	) x WHERE x.nilai IS NOT NULL ORDER BY x.kode, x.urut;
END;
COMMENT ON FUNCTION kkb._nilai_semua(kkb.kode_wilayah, date) IS 'Internal: every value of a village and month from its best source';

CREATE FUNCTION kkb.profil_desa(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (urutan integer, kode text, nama text, nilai numeric, sumber text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT e.urutan::integer, e.kode, e.nama, v.nilai, v.sumber
	  FROM kkb.elemen_data e
	  LEFT JOIN kkb._nilai_semua(profil_desa.kode_desa, profil_desa.periode) v ON v.kode = e.kode
	 ORDER BY e.urutan;
END;
COMMENT ON FUNCTION kkb.profil_desa(kkb.kode_wilayah, date) IS
	'The village''s data items for a month: value and its source (data_individu = by-name records, laporan_bulanan = the monthly report, isian = entered value), NULL where none exists';

CREATE FUNCTION kkb.kelengkapan(kode_desa kkb.kode_wilayah, periode date) RETURNS numeric
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN (SELECT pg_catalog.round(pg_catalog.count(p.nilai)::numeric / pg_catalog.count(*), 4)
	          FROM kkb.profil_desa(kode_desa, periode) p);
COMMENT ON FUNCTION kkb.kelengkapan(kkb.kode_wilayah, date) IS 'Completeness (kelengkapan) of a village''s data for a month: items with a value / items in the catalogue (0..1)';

-- ---- 45_aturan_fungsi.sql ----
-- 45_aturan_fungsi.sql - validation-rule expressions (aturan validasi), in the manner of
-- DHIS2 validation rules: a rule compares a left and a right arithmetic expression over
-- the codes of a village's monthly aggregate data items (docs/DOMAIN.md section 3),
-- e.g. balita_stunting <= balita_diukur.  The expressions are read by the C core
-- (extension/src/core/aturan.c), never turned into SQL.

CREATE FUNCTION kkb.aturan_periksa(ekspresi text) RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_aturan_periksa'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_periksa(text) IS
	'Check (periksa) a validation-rule expression: NULL when it is valid, otherwise the error message with its 1-based character position, e.g. unexpected ")" at position 7: expected a number, an item code or "(". Grammar: + - * / on numbers (digits with an optional decimal point) and lower-case item codes ([a-z][a-z0-9_]*), parentheses, unary minus; at most 256 tokens, 64 distinct codes and 32 nested parentheses. Never raises.';

CREATE FUNCTION kkb.aturan_kode(ekspresi text) RETURNS text[]
	AS 'MODULE_PATHNAME', 'kkb_aturan_kode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_kode(text) IS
	'The distinct item codes (kode) a validation-rule expression uses, in order of first appearance; {} for a constant expression. Raises 22023 with the error position for an invalid expression.';

CREATE FUNCTION kkb.aturan_nilai(ekspresi text, kode text[], nilai double precision[],
                                 strategi text DEFAULT 'lewati_jika_ada_kosong') RETURNS double precision
	AS 'MODULE_PATHNAME', 'kkb_aturan_nilai'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_nilai(text, text[], double precision[], text) IS
	'Value (nilai) of a validation-rule expression when item code kode[i] has value nilai[i]; a NULL element of nilai, or a code absent from kode, is a missing value. Missing-value strategy (strategi, as DHIS2): lewati_jika_ada_kosong (default) skips when any value is missing, lewati_jika_semua_kosong skips when all are missing and counts the others as 0, tidak_pernah_lewati never skips and counts missing values as 0. NULL when skipped, on division by zero or when a value is not finite, and for a NULL expression; NULL arrays count as empty. Raises 22023 for an invalid expression or strategy, arrays of different lengths, a NULL code, or a used code given twice.';

CREATE FUNCTION kkb.aturan_banding(kiri double precision, operator text, kanan double precision) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kkb_aturan_banding'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_banding(double precision, text, double precision) IS
	'Compare (banding) the left (kiri) and right (kanan) values of a validation rule with operator ==, !=, <, <=, > or >=; equality allows a tolerance of 1e-9 relative (absolute below 1), so < and > are strict beyond it. NULL when either side is NULL or NaN (the rule was skipped); raises 22023 for a NULL or unknown operator.';

-- ---- 46_aturan_validasi.sql ----
-- 46_aturan_validasi.sql - DHIS2-style validation rules over the data items:
-- left expression, operator, right expression, importance and missing-value
-- strategy.  Expressions are compiled and evaluated by the C core (aturan.c);
-- no SQL is ever built from rule text.  A malformed rule is refused when it is
-- written (22023, with the position of the error).

CREATE TABLE kkb.aturan_validasi (
	kode        text PRIMARY KEY CHECK (kode ~ '^[a-z0-9_]+$'),
	uraian      text NOT NULL,
	kiri        text NOT NULL,
	operator    text NOT NULL CHECK (operator IN ('==', '!=', '<', '<=', '>', '>=')),
	kanan       text NOT NULL,
	kepentingan text NOT NULL DEFAULT 'sedang' CHECK (kepentingan IN ('tinggi', 'sedang', 'rendah')),
	strategi    text NOT NULL DEFAULT 'lewati_jika_ada_kosong'
	            CHECK (strategi IN ('lewati_jika_ada_kosong', 'lewati_jika_semua_kosong', 'tidak_pernah_lewati'))
);
COMMENT ON TABLE kkb.aturan_validasi IS 'Validation rules (aturan validasi) over the data items: kiri operator kanan';
COMMENT ON COLUMN kkb.aturan_validasi.kode IS 'Rule code';
COMMENT ON COLUMN kkb.aturan_validasi.uraian IS 'What the rule checks, for the person fixing the data';
COMMENT ON COLUMN kkb.aturan_validasi.kiri IS 'Left expression: arithmetic over item codes';
COMMENT ON COLUMN kkb.aturan_validasi.operator IS 'Comparison: ==, !=, <, <=, >, >=';
COMMENT ON COLUMN kkb.aturan_validasi.kanan IS 'Right expression: arithmetic over item codes';
COMMENT ON COLUMN kkb.aturan_validasi.kepentingan IS 'Importance: tinggi, sedang, rendah';
COMMENT ON COLUMN kkb.aturan_validasi.strategi IS 'Missing values: lewati_jika_ada_kosong (skip if any is missing), lewati_jika_semua_kosong (skip if all are), tidak_pernah_lewati (missing counts as 0)';

CREATE FUNCTION kkb._cek_aturan() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	sisi text;
	teks text;
	salah text;
	kode_tak_dikenal text;
BEGIN
	FOREACH sisi IN ARRAY ARRAY['kiri', 'kanan'] LOOP
		teks := CASE sisi WHEN 'kiri' THEN NEW.kiri ELSE NEW.kanan END;
		salah := kkb.aturan_periksa(teks);
		IF salah IS NOT NULL THEN
			RAISE EXCEPTION 'invalid % expression of rule %: %', sisi, NEW.kode, salah
				USING ERRCODE = 'invalid_parameter_value', COLUMN = sisi, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
				      DETAIL = format('The expression was: %s', teks),
				      HINT = 'Expressions are numbers and item codes of kkb.elemen_data joined by + - * / and parentheses.';
		END IF;
		SELECT k INTO kode_tak_dikenal FROM unnest(kkb.aturan_kode(teks)) k
		 WHERE NOT EXISTS (SELECT 1 FROM kkb.elemen_data e WHERE e.kode = k) LIMIT 1;
		IF kode_tak_dikenal IS NOT NULL THEN
			RAISE EXCEPTION 'unknown item code "%" in the % expression of rule %', kode_tak_dikenal, sisi, NEW.kode
				USING ERRCODE = 'invalid_parameter_value', COLUMN = sisi, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
				      HINT = 'SELECT kode, nama FROM kkb.elemen_data lists the item codes.';
		END IF;
	END LOOP;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._cek_aturan() IS 'Internal trigger: refuses a rule whose expressions do not compile or use unknown item codes (22023)';
CREATE TRIGGER t10_cek BEFORE INSERT OR UPDATE ON kkb.aturan_validasi FOR EACH ROW EXECUTE FUNCTION kkb._cek_aturan();

INSERT INTO kkb.aturan_validasi (kode, uraian, kiri, operator, kanan, kepentingan) VALUES
	('stunting_le_diukur', 'Stunted children cannot outnumber the children measured', 'balita_stunting', '<=', 'balita_diukur', 'tinggi'),
	('gizi_kurang_le_diukur', 'Wasted or underweight children cannot outnumber the children measured', 'balita_gizi_kurang', '<=', 'balita_diukur', 'tinggi'),
	('bayi_le_balita', 'Infant deaths are part of under-five deaths', 'kematian_bayi', '<=', 'kematian_balita', 'tinggi'),
	('kb_le_pus', 'Active contraceptive users cannot outnumber couples of reproductive age',
	 'kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil', '<=', 'pus', 'tinggi'),
	('kb_tidak_kb_le_pus', 'Users plus non-users cannot outnumber couples of reproductive age',
	 'kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil + tidak_kb_hamil + tidak_kb_ingin_segera + tidak_kb_iat + tidak_kb_tial',
	 '<=', 'pus', 'sedang'),
	('keluarga_balita_le_keluarga', 'Families with a toddler are part of all families', 'keluarga_balita', '<=', 'keluarga', 'tinggi'),
	('keluarga_remaja_le_keluarga', 'Families with a teenager are part of all families', 'keluarga_remaja', '<=', 'keluarga', 'tinggi'),
	('keluarga_lansia_le_keluarga', 'Families with an elderly member are part of all families', 'keluarga_lansia', '<=', 'keluarga', 'tinggi'),
	('keluarga_le_penduduk', 'There cannot be more families than people', 'keluarga', '<=', 'penduduk', 'tinggi'),
	('pus_le_penduduk', 'Couples of reproductive age are part of the population', 'pus', '<=', 'penduduk', 'tinggi'),
	('remaja_le_penduduk', 'Teenagers are part of the population', 'remaja', '<=', 'penduduk', 'tinggi'),
	('kematian_ibu_le_lahir', 'Maternal deaths beyond births plus pregnancies are implausible', 'kematian_ibu', '<=', 'lahir_hidup + ibu_hamil', 'sedang'),
	('kek_le_hamil', 'Pregnant women with chronic energy deficiency are part of pregnant women', 'ibu_hamil_kek', '<=', 'ibu_hamil', 'tinggi'),
	('krs_le_keluarga', 'Families at risk of stunting are part of all families', 'keluarga_krs', '<=', 'keluarga', 'tinggi'),
	('tanpa_air_le_keluarga', 'Families without proper water are part of all families', 'keluarga_tanpa_air_layak', '<=', 'keluarga', 'tinggi'),
	('tanpa_jamban_le_keluarga', 'Families without a proper latrine are part of all families', 'keluarga_tanpa_jamban_layak', '<=', 'keluarga', 'tinggi'),
	('miskin_le_keluarga', 'Poor families are part of all families', 'keluarga_miskin', '<=', 'keluarga', 'tinggi'),
	('empat_terlalu_le_pus', 'Couples in the 4 terlalu group are part of couples of reproductive age', 'pus_4_terlalu', '<=', 'pus', 'sedang'),
	('bpjs_le_penduduk', 'Insured members are part of the population', 'bpjs', '<=', 'penduduk', 'tinggi'),
	('peserta_baru_le_kb', 'New acceptors are part of active users',
	 'peserta_baru', '<=', 'kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil', 'rendah'),
	('bkb_le_keluarga_balita', 'BKB participants cannot outnumber families with a toddler', 'peserta_bkb', '<=', 'keluarga_balita', 'rendah'),
	('bkl_le_keluarga_lansia', 'BKL participants cannot outnumber families with an elderly member', 'peserta_bkl', '<=', 'keluarga_lansia', 'rendah');

-- The rules a village breaks in a month, with both sides' values.
CREATE FUNCTION kkb.periksa(kode_desa kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode text, uraian text, kiri text, nilai_kiri float8, operator text, kanan text, nilai_kanan float8, kepentingan text)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH v AS (
		SELECT pg_catalog.array_agg(p.kode) AS kode, pg_catalog.array_agg(p.nilai::float8) AS nilai
		  FROM kkb._nilai_semua(periksa.kode_desa, periksa.periode) p
	)
	SELECT r.kode, r.uraian, r.kiri, x.kiri, r.operator, r.kanan, x.kanan, r.kepentingan
	  FROM kkb.aturan_validasi r CROSS JOIN v
	 CROSS JOIN LATERAL (SELECT kkb.aturan_nilai(r.kiri, v.kode, v.nilai, r.strategi) AS kiri,
	                            kkb.aturan_nilai(r.kanan, v.kode, v.nilai, r.strategi) AS kanan) x
	 WHERE kkb.aturan_banding(x.kiri, r.operator, x.kanan) IS FALSE
	 ORDER BY CASE r.kepentingan WHEN 'tinggi' THEN 1 WHEN 'sedang' THEN 2 ELSE 3 END, r.kode;
END;
COMMENT ON FUNCTION kkb.periksa(kkb.kode_wilayah, date) IS
	'Validation-rule violations of a village''s data for a month (periksa = check), with the values of both sides';

GRANT SELECT ON kkb.aturan_validasi TO kkb_admin, kkb_pokja, kkb_opd;
GRANT INSERT, UPDATE, DELETE ON kkb.aturan_validasi TO kkb_admin;

-- ---- 47_prioritas.sql ----
-- 47_prioritas.sql - which agency (OPD) should act where: problems defined by
-- an indicator over the data items, a target and the responsible agency, and
-- the ranked work list of each agency.

CREATE TABLE kkb.masalah_opd (
	kode       text PRIMARY KEY CHECK (kode ~ '^[a-z0-9_]+$'),
	uraian     text NOT NULL,
	indikator  text NOT NULL,
	satuan     text NOT NULL,
	target     numeric NOT NULL,
	arah       text NOT NULL CHECK (arah IN ('maks', 'min')),
	terdampak  text NOT NULL,
	opd        text NOT NULL REFERENCES kkb.opd (kode)
);
COMMENT ON TABLE kkb.masalah_opd IS 'Problems agencies act on (masalah): an indicator over the data items, its target and the responsible agency';
COMMENT ON COLUMN kkb.masalah_opd.kode IS 'Problem code';
COMMENT ON COLUMN kkb.masalah_opd.uraian IS 'Description';
COMMENT ON COLUMN kkb.masalah_opd.indikator IS 'Indicator: an expression over item codes (as in validation rules)';
COMMENT ON COLUMN kkb.masalah_opd.satuan IS 'Unit of the indicator: persen, orang, keluarga, kejadian';
COMMENT ON COLUMN kkb.masalah_opd.target IS 'Target value';
COMMENT ON COLUMN kkb.masalah_opd.arah IS 'maks: a problem when the indicator is above the target; min: when below';
COMMENT ON COLUMN kkb.masalah_opd.terdampak IS 'Expression giving the number of people or families affected';
COMMENT ON COLUMN kkb.masalah_opd.opd IS 'Responsible agency (kkb.opd)';

CREATE FUNCTION kkb._cek_masalah() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	salah text;
	kode_tak_dikenal text;
BEGIN
	salah := coalesce(kkb.aturan_periksa(NEW.indikator), kkb.aturan_periksa(NEW.terdampak));
	IF salah IS NOT NULL THEN
		RAISE EXCEPTION 'invalid expression in problem %: %', NEW.kode, salah USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- item codes of the catalogue, or the indicators beyond it that kkb._nilai_individu computes
	SELECT k INTO kode_tak_dikenal FROM unnest(kkb.aturan_kode(NEW.indikator) || kkb.aturan_kode(NEW.terdampak)) k
	 WHERE NOT EXISTS (SELECT 1 FROM kkb.elemen_data e WHERE e.kode = k) AND k NOT IN ('tanpa_akta_lahir', 'nik_bermasalah') LIMIT 1;
	IF kode_tak_dikenal IS NOT NULL THEN
		RAISE EXCEPTION 'unknown item code "%" in problem %', kode_tak_dikenal, NEW.kode
			USING ERRCODE = 'invalid_parameter_value', HINT = 'SELECT kode, nama FROM kkb.elemen_data lists the item codes.';
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._cek_masalah() IS 'Internal trigger: the expressions of a problem must compile and use known item codes (22023)';
CREATE TRIGGER t10_cek BEFORE INSERT OR UPDATE ON kkb.masalah_opd FOR EACH ROW EXECUTE FUNCTION kkb._cek_masalah();

INSERT INTO kkb.masalah_opd (kode, uraian, indikator, satuan, target, arah, terdampak, opd) VALUES
	('stunting', 'Stunting prevalence above the national target of 14%', 'balita_stunting / balita_diukur * 100', 'persen', 14, 'maks', 'balita_stunting', 'dinkes'),
	('gizi_kurang', 'Wasting or underweight above 7%', 'balita_gizi_kurang / balita_diukur * 100', 'persen', 7, 'maks', 'balita_gizi_kurang', 'dinkes'),
	('kematian_ibu', 'Maternal deaths', 'kematian_ibu', 'kejadian', 0, 'maks', 'kematian_ibu', 'dinkes'),
	('kematian_bayi', 'Infant deaths', 'kematian_bayi', 'kejadian', 0, 'maks', 'kematian_bayi', 'dinkes'),
	('ibu_hamil_kek', 'Pregnant women with chronic energy deficiency', 'ibu_hamil_kek', 'orang', 0, 'maks', 'ibu_hamil_kek', 'dinkes'),
	('unmet_need', 'Unmet need for family planning above 7.4% of couples', '(tidak_kb_iat + tidak_kb_tial) / pus * 100', 'persen', 7.4, 'maks',
	 'tidak_kb_iat + tidak_kb_tial', 'dp3akb'),
	('cpr_rendah', 'Contraceptive prevalence below 63.41%', '(kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil) / pus * 100',
	 'persen', 63.41, 'min', 'pus - (kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil)', 'dp3akb'),
	('mkjp_rendah', 'Long-acting methods (MKJP) below 28.39% of users',
	 '(kb_iud + kb_mow + kb_mop + kb_implan) / (kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil) * 100',
	 'persen', 28.39, 'min', 'kb_kondom + kb_suntik + kb_pil', 'dp3akb'),
	('keluarga_krs', 'Families at risk of stunting', 'keluarga_krs', 'keluarga', 0, 'maks', 'keluarga_krs', 'dp3akb'),
	('air_minum', 'Families without proper drinking water', 'keluarga_tanpa_air_layak', 'keluarga', 0, 'maks', 'keluarga_tanpa_air_layak', 'pupr'),
	('jamban', 'Families without a proper latrine', 'keluarga_tanpa_jamban_layak', 'keluarga', 0, 'maks', 'keluarga_tanpa_jamban_layak', 'pupr'),
	('kemiskinan', 'Poor families', 'keluarga_miskin', 'keluarga', 0, 'maks', 'keluarga_miskin', 'dinsos'),
	('putus_sekolah', 'School-age children not in school', 'anak_tidak_sekolah', 'orang', 0, 'maks', 'anak_tidak_sekolah', 'disdik'),
	('akta_lahir', 'Members without a birth certificate', 'tanpa_akta_lahir', 'orang', 0, 'maks', 'tanpa_akta_lahir', 'disdukcapil'),
	('nik', 'Members whose NIK names an unknown region', 'nik_bermasalah', 'orang', 0, 'maks', 'nik_bermasalah', 'disdukcapil');

-- The work list: per village under `wilayah` and problem of the agency (or of
-- every agency), the value, the target, the gap and the number affected,
-- ranked within each agency: most people or families affected first (a count
-- compares across problems, where percentages and counts would not), then the
-- largest gap.
CREATE FUNCTION kkb.prioritas_intervensi(wilayah kkb.kode_wilayah, periode date, opd text DEFAULT NULL)
	RETURNS TABLE (opd text, peringkat integer, kode_desa kkb.kode_wilayah, nama_desa text, masalah text, uraian text,
	               nilai numeric, target numeric, selisih numeric, terdampak numeric)
	LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	WITH v AS (
		SELECT k.kode_desa, w.nama, x.kode, x.nilai
		  FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
		 CROSS JOIN LATERAL (SELECT pg_catalog.array_agg(s.kode) AS kode, pg_catalog.array_agg(s.nilai::float8) AS nilai
		                       FROM kkb._nilai_semua(k.kode_desa, prioritas_intervensi.periode) s) x
		 WHERE k.kode_desa OPERATOR(kkb.<@) prioritas_intervensi.wilayah
	), h AS (
		SELECT m.opd, v.kode_desa, v.nama, m.kode AS masalah, m.uraian, m.target, m.arah,
		       pg_catalog.round(kkb.aturan_nilai(m.indikator, v.kode, v.nilai, 'lewati_jika_ada_kosong')::numeric, 2) AS nilai,
		       pg_catalog.round(kkb.aturan_nilai(m.terdampak, v.kode, v.nilai, 'lewati_jika_ada_kosong')::numeric, 0) AS terdampak
		  FROM v CROSS JOIN kkb.masalah_opd m
		 WHERE prioritas_intervensi.opd IS NULL OR m.opd = prioritas_intervensi.opd
	)
	SELECT h.opd, (pg_catalog.rank() OVER (PARTITION BY h.opd ORDER BY h.terdampak DESC NULLS LAST,
	                                       pg_catalog.abs(h.nilai - h.target) DESC, h.kode_desa, h.masalah))::integer,
	       h.kode_desa, h.nama, h.masalah, h.uraian, h.nilai, h.target, pg_catalog.abs(h.nilai - h.target), h.terdampak
	  FROM h
	 WHERE (h.arah = 'maks' AND h.nilai > h.target) OR (h.arah = 'min' AND h.nilai < h.target)
	 ORDER BY h.opd, 2;
END;
COMMENT ON FUNCTION kkb.prioritas_intervensi(kkb.kode_wilayah, date, text) IS
	'The agencies'' work list (prioritas intervensi): problems per village above (or below) target, with gap and people affected, ranked within each agency by people affected';

GRANT SELECT ON kkb.masalah_opd TO kkb_admin, kkb_pokja, kkb_opd;
GRANT INSERT, UPDATE, DELETE ON kkb.masalah_opd TO kkb_admin;

-- ---- 48_ringkasan.sql ----
-- 48_ringkasan.sql - aggregates (ringkasan = summary) of the Kampung KB of a
-- region, per region of a chosen level: what a provincial portal shows for
-- every city and regency side by side, and a city for each kecamatan.
--
-- Only counts leave these functions, never people, so kkb.ringkasan_desa runs
-- with its owner's rights (the by-name records it counts are not readable by
-- a province or an agency); it answers only within the caller's scope.

-- The figures of every Kampung KB under a region for a month, each from the
-- village profile (kkb.profil_desa's sources: by-name records, else the
-- monthly report, else the entered value) and the village class
-- (kkb.klasifikasi_wilayah), so they agree with the village routes.
CREATE FUNCTION kkb.ringkasan_desa(wilayah kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, kelas text, kelengkapan numeric, pus numeric, unmet_need numeric,
	               balita_diukur numeric, balita_stunting numeric, keluarga_berisiko numeric)
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	lingkup kkb.kode_wilayah := kkb.lingkup();
	peran text := kkb._peran();
BEGIN
	IF ringkasan_desa.wilayah IS NULL OR ringkasan_desa.periode IS NULL THEN
		RAISE EXCEPTION 'kkb.ringkasan_desa needs a region and a month'
			USING ERRCODE = 'null_value_not_allowed', HINT = 'E.g. kkb.ringkasan_desa(''13.77'', ''2026-10-01'').';
	END IF;
	IF lingkup IS NOT NULL THEN
		IF NOT ringkasan_desa.wilayah OPERATOR(kkb.<@) lingkup THEN
			RAISE EXCEPTION 'region % is outside your scope %', ringkasan_desa.wilayah, lingkup
				USING ERRCODE = 'insufficient_privilege';
		END IF;
	ELSIF NOT (pg_catalog.pg_has_role(peran, 'kkb_admin', 'USAGE') OR pg_catalog.pg_has_role(peran, 'kkb_analis', 'USAGE')) THEN
		-- a scoped role without its scope set sees nothing, as row-level security would
		RAISE EXCEPTION 'no region scope is set for role %', peran
			USING ERRCODE = 'insufficient_privilege', HINT = 'The gateway sets kkb.wilayah from the token.';
	END IF;
	RETURN QUERY
	WITH elemen AS (
		SELECT e.kode FROM kkb.elemen_data e
	), kelas AS (
		SELECT k.kode_desa, k.klasifikasi FROM kkb.klasifikasi_wilayah(ringkasan_desa.wilayah, ringkasan_desa.periode) k
	)
	SELECT k.kode_desa::kkb.kode_wilayah, kl.klasifikasi, v.kelengkapan, v.pus,
	       CASE WHEN v.iat IS NOT NULL OR v.tial IS NOT NULL THEN coalesce(v.iat, 0) + coalesce(v.tial, 0) END,
	       v.diukur, v.stunting, v.krs
	  FROM kkb.kampung k
	  LEFT JOIN kelas kl ON kl.kode_desa OPERATOR(kkb.=) k.kode_desa
	 CROSS JOIN LATERAL (
		SELECT pg_catalog.round(pg_catalog.count(*) FILTER (WHERE n.kode IN (SELECT kode FROM elemen))::numeric
		                        / (SELECT pg_catalog.count(*) FROM elemen), 4) AS kelengkapan,
		       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'pus') AS pus,
		       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'tidak_kb_iat') AS iat,
		       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'tidak_kb_tial') AS tial,
		       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'balita_diukur') AS diukur,
		       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'balita_stunting') AS stunting,
		       pg_catalog.max(n.nilai) FILTER (WHERE n.kode = 'keluarga_krs') AS krs
		  FROM kkb._nilai_semua(k.kode_desa, ringkasan_desa.periode) n) v
	 WHERE k.kode_desa OPERATOR(kkb.<@) ringkasan_desa.wilayah
	 ORDER BY k.kode_desa;
END $f$;
COMMENT ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date) IS
	'Figures of every Kampung KB under a region for a month: class, completeness (as kkb.kelengkapan), PUS, unmet need (IAT + TIAL), children measured, stunted children, families at risk of stunting - each from the village profile. Counts only; within the caller''s scope.';

-- The region that contains `kode` at level `tingkat` (1 province .. 4 village).
CREATE FUNCTION kkb._wilayah_pada(kode kkb.kode_wilayah, tingkat integer) RETURNS kkb.kode_wilayah
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE tingkat WHEN 1 THEN kkb.provinsi(kode) WHEN 2 THEN kkb.kabkota(kode) WHEN 3 THEN kkb.kecamatan(kode) ELSE kode END;
COMMENT ON FUNCTION kkb._wilayah_pada(kkb.kode_wilayah, integer) IS 'Internal: the region containing a code at a level (1..4)';

-- One row per region of level `tingkat` under `wilayah` (every region of that
-- level, also those without a Kampung KB); tingkat defaults to the level below
-- the region (a village: itself).  With `total`, the region's own row comes
-- too (first), computed in the same pass with the same formulas.
CREATE FUNCTION kkb.ringkasan(wilayah kkb.kode_wilayah, periode date, tingkat integer DEFAULT NULL, total boolean DEFAULT false)
	RETURNS TABLE (kode kkb.kode_wilayah, nama text, induk kkb.kode_wilayah, desa bigint, kampung_kb bigint,
	               kelas text, dasar bigint, berkembang bigint, mandiri bigint, berkelanjutan bigint, kelengkapan numeric,
	               balita_diukur bigint, balita_stunting bigint, prevalensi_stunting numeric,
	               pus bigint, unmet_need bigint, persen_unmet_need numeric, keluarga_berisiko bigint)
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	sendiri integer := kkb.tingkat(ringkasan.wilayah);
	t integer := coalesce(ringkasan.tingkat, LEAST(sendiri + 1, 4));
BEGIN
	IF ringkasan.wilayah IS NULL OR ringkasan.periode IS NULL THEN
		RAISE EXCEPTION 'kkb.ringkasan needs a region and a month'
			USING ERRCODE = 'null_value_not_allowed', HINT = 'E.g. kkb.ringkasan(''13'', ''2026-10-01'', 2) for every regency and city of a province.';
	END IF;
	IF NOT kkb.wilayah_ada(ringkasan.wilayah) THEN
		RAISE EXCEPTION 'region % is not in the national region list', ringkasan.wilayah
			USING ERRCODE = 'no_data_found';
	END IF;
	IF t < sendiri OR t > 4 THEN
		RAISE EXCEPTION 'level (tingkat) % is not between % (the region itself) and 4 (villages)', t, sendiri
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = '1 province, 2 regency/city, 3 district (kecamatan), 4 village; e.g. tingkat=2 within a province.';
	END IF;
	RETURN QUERY
	WITH d AS (
		SELECT kkb._wilayah_pada(r.kode_desa, t) AS kode, r.* FROM kkb.ringkasan_desa(ringkasan.wilayah, ringkasan.periode) r
	), jumlah_desa AS (
		SELECT CASE WHEN GROUPING(kkb._wilayah_pada(w.kode, t)) = 0 THEN kkb._wilayah_pada(w.kode, t) ELSE ringkasan.wilayah END AS kode,
		       GROUPING(kkb._wilayah_pada(w.kode, t)) = 1 AS adalah_total, pg_catalog.count(*) AS n
		  FROM kkb.wilayah w WHERE w.tingkat = 4 AND w.kode OPERATOR(kkb.<@) ringkasan.wilayah
		 GROUP BY GROUPING SETS ((kkb._wilayah_pada(w.kode, t)), ())
	), g AS (
		-- per region of level t, and () for the region itself
		SELECT CASE WHEN GROUPING(d.kode) = 0 THEN d.kode ELSE ringkasan.wilayah END AS kode,
		       GROUPING(d.kode) = 1 AS adalah_total,
		       pg_catalog.count(*) AS kampung_kb,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Dasar') AS dasar,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Berkembang') AS berkembang,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Mandiri') AS mandiri,
		       pg_catalog.count(*) FILTER (WHERE d.kelas = 'Berkelanjutan') AS berkelanjutan,
		       CASE WHEN pg_catalog.count(*) = 1 AND t = 4 THEN pg_catalog.min(d.kelas) END AS kelas,
		       pg_catalog.round(pg_catalog.avg(d.kelengkapan), 4) AS kelengkapan,
		       pg_catalog.sum(d.balita_diukur)::bigint AS diukur, pg_catalog.sum(d.balita_stunting)::bigint AS stunting,
		       pg_catalog.sum(d.pus)::bigint AS pus, pg_catalog.sum(d.unmet_need)::bigint AS unmet,
		       pg_catalog.sum(d.pus) FILTER (WHERE d.unmet_need IS NOT NULL) AS pus_unmet,
		       pg_catalog.sum(d.unmet_need) FILTER (WHERE d.pus IS NOT NULL) AS unmet_pus,
		       pg_catalog.sum(d.keluarga_berisiko)::bigint AS krs
		  FROM d GROUP BY GROUPING SETS ((d.kode), ())
	), baris AS (
		SELECT w.kode, w.nama, w.induk, w.tingkat, false AS adalah_total FROM kkb.wilayah w
		 WHERE w.tingkat = t AND w.kode OPERATOR(kkb.<@) ringkasan.wilayah
		UNION ALL
		SELECT w.kode, w.nama, w.induk, w.tingkat, true FROM kkb.wilayah w
		 WHERE ringkasan.total AND t > sendiri AND w.kode OPERATOR(kkb.=) ringkasan.wilayah
	)
	SELECT b.kode, b.nama, b.induk,
	       coalesce(j.n, CASE WHEN b.tingkat = 4 THEN 1 ELSE 0 END), coalesce(g.kampung_kb, 0), g.kelas,
	       coalesce(g.dasar, 0), coalesce(g.berkembang, 0), coalesce(g.mandiri, 0), coalesce(g.berkelanjutan, 0), g.kelengkapan,
	       g.diukur, g.stunting,
	       CASE WHEN g.diukur > 0 THEN pg_catalog.round(100.0 * g.stunting / g.diukur, 2) END,
	       g.pus, g.unmet,
	       CASE WHEN g.pus_unmet > 0 THEN pg_catalog.round(100.0 * g.unmet_pus / g.pus_unmet, 2) END,
	       g.krs
	  FROM baris b
	  LEFT JOIN g ON g.kode OPERATOR(kkb.=) b.kode AND g.adalah_total = (b.adalah_total OR t = sendiri)
	  LEFT JOIN jumlah_desa j ON j.kode OPERATOR(kkb.=) b.kode AND j.adalah_total = (b.adalah_total OR t = sendiri)
	 ORDER BY b.adalah_total DESC, b.kode;
END $f$;
COMMENT ON FUNCTION kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean) IS
	'Summary (ringkasan) of the Kampung KB under a region for a month, one row per region of level tingkat (2 regency/city, 3 kecamatan, 4 village; default: one level below), and with total the region''s own row first: villages, Kampung KB, Kampung KB per class, mean completeness, children measured and stunted with the prevalence in percent, PUS and unmet need with its percentage, families at risk of stunting. Sums of kkb.ringkasan_desa.';

REVOKE EXECUTE ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date), kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date), kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean)
	TO kkb_admin, kkb_opd, kkb_analis, kkb_provinsi;

-- ---- 49_versi.sql ----
-- 49_versi.sql - change counters (versi = version) behind the gateway's ETags.
--
-- Every statement that really changes a village's rows gives that village a
-- new version number; every change of the reference data (regions, code lists,
-- catalogue, rules, agencies' problems) gives the reference a new one.  A
-- village's version only grows, so the sum of the versions of a region's
-- villages changes with every committed change under it, whatever the order
-- in which concurrent transactions commit.  kkb.versi_data condenses this into
-- the text the gateway puts into an entity tag: an answer about a region is
-- still valid while that text is unchanged.  A statement that changes no row
-- (a re-sent batch) changes no version.

CREATE SEQUENCE kkb.versi_seq;
COMMENT ON SEQUENCE kkb.versi_seq IS 'Version numbers of kkb.versi_desa and kkb.versi_acuan';

CREATE TABLE kkb.versi_desa (
	kode_desa   kkb.kode_desa PRIMARY KEY,
	versi       bigint NOT NULL,
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kkb.versi_desa IS 'Change counter per village: a new, larger version with every statement that changes its rows';

CREATE TABLE kkb.versi_acuan (
	satu        boolean PRIMARY KEY DEFAULT true CHECK (satu),
	versi       bigint NOT NULL,
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kkb.versi_acuan IS 'Change counter of the reference data (one row): regions, code lists, data catalogue, rules, agencies'' problems';
INSERT INTO kkb.versi_acuan (versi) VALUES (pg_catalog.nextval('kkb.versi_seq'));

CREATE FUNCTION kkb._versi() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._versi only counts changes of tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_ARGV[0] = 'acuan' THEN
		UPDATE kkb.versi_acuan SET versi = pg_catalog.nextval('kkb.versi_seq'), diubah_pada = pg_catalog.now();
		RETURN NULL;
	END IF;
	-- villages in key order, so that two statements bumping the same villages lock them in the same order
	IF TG_OP = 'INSERT' THEN
		INSERT INTO kkb.versi_desa AS v (kode_desa, versi)
		SELECT x.kode_desa, pg_catalog.nextval('kkb.versi_seq')
		  FROM (SELECT DISTINCT n.kode_desa FROM kkb_versi_baru n ORDER BY 1) x
		ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = pg_catalog.now();
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO kkb.versi_desa AS v (kode_desa, versi)
		SELECT x.kode_desa, pg_catalog.nextval('kkb.versi_seq')
		  FROM (SELECT DISTINCT o.kode_desa FROM kkb_versi_lama o ORDER BY 1) x
		ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = pg_catalog.now();
	ELSE
		INSERT INTO kkb.versi_desa AS v (kode_desa, versi)
		SELECT x.kode_desa, pg_catalog.nextval('kkb.versi_seq')
		  FROM (SELECT n.kode_desa FROM kkb_versi_baru n UNION SELECT o.kode_desa FROM kkb_versi_lama o ORDER BY 1) x
		ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = pg_catalog.now();
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._versi() IS 'Internal trigger: a new version for every village a statement changed (argument acuan: for the reference data)';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['kampung', 'profil', 'penduduk', 'kkbpk', 'intervensi', 'periode_status', 'nilai',
	                         'keluarga', 'anggota', 'pengukuran', 'peristiwa'] LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi_i AFTER INSERT ON kkb.%I REFERENCING NEW TABLE AS kkb_versi_baru
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi()', t);
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi_u AFTER UPDATE ON kkb.%I REFERENCING OLD TABLE AS kkb_versi_lama NEW TABLE AS kkb_versi_baru
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi()', t);
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi_d AFTER DELETE ON kkb.%I REFERENCING OLD TABLE AS kkb_versi_lama
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi()', t);
	END LOOP;
	FOREACH t IN ARRAY ARRAY['wilayah', 'kode', 'opd', 'air_minum_layak', 'elemen_data', 'aturan_validasi', 'masalah_opd'] LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kkb.%I
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi(''acuan'')', t);
	END LOOP;
END $$;

GRANT SELECT ON kkb.versi_desa, kkb.versi_acuan TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi, kkb_gateway;

-- The text an entity tag is made of: the reference version, then - unless
-- only the reference counts (acuan) - the sum and number of the versions of
-- the villages under `wilayah` (NULL: the whole country) and today's date
-- (answers default to the current month).  The region comes as text, from the
-- gateway's request: NULL when it is no region code (the request's own
-- statement reports that).  The gateway reads it in each request's own
-- transaction, so it is kept cheap: no exception block, no SET clause (every
-- name is schema-qualified instead), one primary-key lookup for a village,
-- one btree range for a region; the version tables are readable by the
-- working roles for it (version numbers only).
CREATE FUNCTION kkb._versi_teks(wilayah text, acuan boolean) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
DECLARE
	a bigint;
	jumlah numeric;
	n bigint;
BEGIN
	SELECT v.versi INTO a FROM kkb.versi_acuan v;
	IF acuan THEN
		RETURN a::text;
	ELSIF wilayah IS NULL THEN
		SELECT coalesce(pg_catalog.sum(v.versi), 0), pg_catalog.count(*) INTO jumlah, n FROM kkb.versi_desa v;
	ELSIF kkb.kode_wilayah_periksa(wilayah) IS NOT NULL THEN
		RETURN NULL;
	ELSIF kkb.tingkat(wilayah::kkb.kode_wilayah) = 4 THEN
		SELECT coalesce(pg_catalog.max(v.versi), 0), pg_catalog.count(*) INTO jumlah, n
		  FROM kkb.versi_desa v WHERE v.kode_desa OPERATOR(kkb.=) wilayah::kkb.kode_wilayah;
	ELSE
		SELECT coalesce(pg_catalog.sum(v.versi), 0), pg_catalog.count(*) INTO jumlah, n
		  FROM kkb.versi_desa v WHERE v.kode_desa OPERATOR(kkb.<@) wilayah::kkb.kode_wilayah;
	END IF;
	RETURN a::text OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||) jumlah::text OPERATOR(pg_catalog.||) '-'
	       OPERATOR(pg_catalog.||) n::text OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||) pg_catalog.to_char(CURRENT_DATE, 'YYYYMMDD');
END $f$;
COMMENT ON FUNCTION kkb._versi_teks(text, boolean) IS 'Internal: the version text of kkb.versi_data for a region code given as text (NULL when malformed), or of the reference data alone (acuan); read by the gateway for its ETags';

-- The same for SQL users: the version text of the data under a region (NULL:
-- everywhere), which changes whenever a village under it or the reference
-- data changes, and daily.
CREATE FUNCTION kkb.versi_data(wilayah kkb.kode_wilayah) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN kkb._versi_teks(wilayah::text, false);
COMMENT ON FUNCTION kkb.versi_data(kkb.kode_wilayah) IS
	'Version text of the data under a region (NULL: everywhere): changes whenever a village under it or the reference data changes, and daily. The gateway builds its ETags from it.';

-- ---- 50_generator.sql ----
-- 50_generator.sql - a deterministic synthetic data generator for demonstrations,
-- load tests and BI work: kkb.hasilkan (hasilkan = generate) fills every village
-- under a region with a Kampung KB, families, members, child measurements, vital
-- events, interventions and twelve (or `bulan`) months of profiles and reports;
-- kkb.hasilkan_hapus removes a region's village data again for a reload.
--
-- Determinism: every random draw is a hash of (benih, a key, a stream number)
-- (kkb._gen_acak), never random()/setseed(), so the same (wilayah, skala, benih,
-- bulan, akhir) gives the same rows; only identity numbers (peristiwa.id,
-- intervensi.id) and timestamps differ between loads.
-- Time: the members are the residents on the date `akhir` (default: the first day
-- of the current month); every dated row (birth, family card, measurement, event,
-- intervention) lies on or before it, so `akhir` may not be in the future.  The
-- months are the `bulan` calendar months ending with akhir's month; a month's
-- population and family-planning report counts the members (born and moved in by
-- then) at the month's last day, as kkb.profil_desa counts by-name records, so
-- the last month's report and the by-name records agree.
-- Everything is written set-based (INSERT ... SELECT over generate_series), ten
-- villages at a time, through the tables' own triggers: every row is validated,
-- z-scored and audited like any other.

-- ---------------------------------------------------------------- random draws
-- The helpers are SQL-standard bodies (parsed at creation, so a caller's
-- search_path cannot capture them) without a SET clause, so that the planner
-- inlines them into the generator's queries.
CREATE FUNCTION kkb._gen_acak(kunci bigint, benih integer, aliran integer) RETURNS float8
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN ((pg_catalog.hashint8extended(kunci, benih::bigint * 100003 + aliran) >> 11) & 9007199254740991)::float8
	       / 9007199254740992::float8;
COMMENT ON FUNCTION kkb._gen_acak(bigint, integer, integer) IS
	'Internal (generator): a uniform pseudo-random number in [0, 1) that is a hash of the seed (benih), a key (kunci) and a stream number (aliran); deterministic and parallel safe';

CREATE FUNCTION kkb._gen_normal(kunci bigint, benih integer, aliran integer) RETURNS float8
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN pg_catalog.sqrt(-2::float8 * pg_catalog.ln(1::float8 - kkb._gen_acak(kunci, benih, aliran)))
	       * pg_catalog.cos(6.283185307179586::float8 * kkb._gen_acak(kunci, benih, aliran + 50000));
COMMENT ON FUNCTION kkb._gen_normal(bigint, integer, integer) IS
	'Internal (generator): a standard normal pseudo-random number (Box-Muller over two kkb._gen_acak draws of the key)';

CREATE FUNCTION kkb._gen_ada(kunci bigint, benih integer, k integer, bulan integer) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN NOT (kkb._gen_acak(kunci, benih, 30) < 0.2::float8
	            AND k > pg_catalog.floor(kkb._gen_acak(kunci, benih, 31) * bulan));
COMMENT ON FUNCTION kkb._gen_ada(bigint, integer, integer, integer) IS
	'Internal (generator): whether a profile item (key kunci) is already there k months before the last month: one in five items was acquired during the bulan months';

-- ---------------------------------------------------------------- population figures
-- Population per regency/city (total of both sexes), Kemendagri codes without dots:
-- vendored from github.com/cahyadsn/wilayah (db/wilayah_penduduk.sql, MIT licence,
-- copyright the wilayah project's authors), 514 regencies and cities; Kota
-- Pariaman (1377) has 103,835 people.
CREATE FUNCTION kkb._gen_penduduk_kabkota(kabkota kkb.kode_wilayah) RETURNS bigint
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT pg_catalog.split_part(t.e, ':', 2)::bigint
	  FROM pg_catalog.regexp_split_to_table('
		1101:239629 1102:235589 1103:461391 1104:232606 1105:209220 1106:442987 1107:451076 1108:641007 1109:96812
		1110:140461 1111:468696 1112:156128 1113:107506 1114:101407 1115:181103 1116:312061 1117:181376 1118:166517
		1171:265310 1172:42793 1173:198705 1174:183914 1175:107185 1201:369482 1202:331475 1203:324565 1204:147989
		1205:1120709 1206:422495 1207:2080408 1208:1004303 1209:799451 1210:513010 1211:333335 1212:220508 1213:501618
		1214:369817 1215:57280 1216:211022 1217:149875 1218:696845 1219:474832 1220:273586 1221:271274 1222:332459
		1223:399306 1224:153338 1225:97526 1271:2546452 1272:279772 1273:100282 1274:187939 1275:315609 1276:184064
		1277:231982 1278:138297 1301:533786 1302:413075 1303:247323 1304:382674 1305:458310 1306:533254 1307:402788
		1308:313837 1309:97837 1310:242192 1311:181525 1312:454053 1371:946982 1372:85553 1373:68559 1374:63895 1375:141804
		1376:149077 1377:103835 1401:898973 1402:487039 1403:681884 1404:713294 1405:446439 1406:586994 1407:688073
		1408:495760 1409:365989 1410:211997 1471:1167599 1472:355256 1501:268951 1502:397461 1503:313097 1504:307361
		1505:457238 1506:336978 1507:244905 1508:380027 1509:376541 1571:649656 1572:102224 1601:390048 1602:801059
		1603:653731 1604:448141 1605:427723 1606:736897 1607:888324 1608:694832 1609:406938 1610:446020 1611:336783
		1612:214795 1613:203688 1671:1801367 1672:153271 1673:247550 1674:213523 1701:177137 1702:288582 1703:309773
		1704:136533 1705:216028 1706:205602 1707:115520 1708:151910 1709:126339 1771:400533 1801:1124683 1802:1394395
		1803:675626 1804:313756 1805:440040 1806:641036 1807:1122605 1808:495058 1809:501047 1810:444834 1811:241280
		1812:312516 1813:177430 1871:1077664 1872:182293 1901:337755 1902:192405 1903:216079 1904:210684 1905:217859
		1906:132495 1971:242285 2101:180404 2102:273946 2103:84325 2104:101039 2105:50922 2171:1342038 2172:239216
		3101:30334 3171:1057270 3172:1832032 3173:2556752 3174:2331411 3175:3230417 3201:5809790 3202:2868943 3203:2638825
		3204:3839721 3205:2851877 3206:1996059 3207:1297783 3208:1239999 3209:2489046 3210:1369569 3211:1226660
		3212:1980080 3213:1677628 3214:1063932 3215:2612065 3216:3387601 3217:1911661 3218:447272 3271:1144108 3272:370096
		3273:2591763 3274:356629 3275:2572209 3276:2010912 3277:581994 3278:770839 3279:209317 3301:2059748 3302:1868446
		3303:1057750 3304:1071977 3305:1446833 3306:809651 3307:945955 3308:1345662 3309:1114070 3310:1302648 3311:916472
		3312:1057495 3313:953696 3314:1023538 3315:1520974 3316:927961 3317:665501 3318:1385904 3319:877821 3320:1283687
		3321:1254204 3322:1088729 3323:822880 3324:1094214 3325:855878 3326:1034241 3327:1601007 3328:1745278 3329:2066426
		3371:128709 3372:589242 3373:198971 3374:1702379 3375:318221 3376:294477 3401:444994 3402:980269 3403:776926
		3404:1125571 3471:415605 3501:588718 3502:979008 3503:753810 3504:1139224 3505:1261699 3506:1691976 3507:2734623
		3508:1116231 3509:2615874 3510:1791789 3511:788007 3512:691635 3513:1200931 3514:1665922 3515:2027874 3516:1156144
		3517:1378005 3518:1152575 3519:737875 3520:692800 3521:907002 3522:1366227 3523:1266396 3524:1367503 3525:1327497
		3526:1042031 3527:1033926 3528:904965 3529:1143002 3571:301424 3572:161204 3573:889359 3574:243746 3575:213469
		3576:142272 3577:201733 3578:3018022 3579:225408 3601:1437046 3602:1531564 3603:3459706 3604:1791795 3671:1957349
		3672:480378 3673:759929 3674:1463607 5101:330221 5102:478393 5103:537739 5104:504845 5105:223723 5106:260526
		5107:538390 5108:828156 5171:673270 5201:762757 5202:1128716 5203:1457591 5204:527715 5205:277837 5206:543582
		5207:156059 5208:269989 5271:461936 5272:165113 5301:391539 5302:490642 5303:276032 5304:232788 5305:229730
		5306:289881 5307:346614 5308:283806 5309:169445 5310:349836 5311:277290 5312:141760 5313:149921 5314:154027
		5315:290688 5316:164457 5317:92138 5318:355022 5319:305268 5320:94860 5321:210908 5371:404120 6101:651246
		6102:314148 6103:499074 6104:583541 6105:457204 6106:276988 6107:295966 6108:415033 6109:225494 6110:217600
		6111:126898 6112:646091 6171:687031 6172:249954 6201:294602 6202:454515 6203:417854 6204:137914 6205:159848
		6206:181963 6207:159849 6208:67234 6209:114257 6210:134482 6211:144663 6212:124291 6213:118665 6271:315153
		6301:369818 6302:332787 6303:590393 6304:329799 6305:202061 6306:239471 6307:271505 6308:238250 6309:267787
		6310:357221 6311:138950 6371:681693 6372:285546 6401:309667 6402:806964 6403:299005 6407:186581 6408:448850
		6409:202067 6411:39715 6471:757418 6472:881225 6474:191811 6501:170239 6502:87582 6503:227460 6504:30036
		6571:255310 7101:257378 7102:330843 7103:135860 7104:100376 7105:243297 7106:229231 7107:121554 7108:88002
		7109:70528 7110:91344 7111:76105 7171:459409 7172:216026 7173:103812 7174:121526 7201:377804 7202:253350
		7203:318613 7204:242783 7205:162273 7206:198968 7207:130008 7208:461576 7209:173534 7210:273460 7211:77830
		7212:154004 7271:395291 7301:143096 7302:480672 7303:217267 7304:423005 7305:332863 7306:825369 7307:276269
		7308:827372 7309:414406 7310:361791 7311:196001 7312:241333 7313:400699 7314:332560 7315:423146 7316:234470
		7317:385361 7318:258934 7322:335161 7324:323422 7326:266513 7371:1482354 7372:163314 7373:182898 7401:257733
		7402:269128 7403:233470 7404:122024 7405:332389 7406:168055 7407:118793 7408:143604 7409:83449 7410:74718
		7411:130691 7412:44091 7413:91571 7414:121745 7415:102881 7471:366454 7472:163793 7501:423981 7502:152851
		7503:174788 7504:162989 7505:131991 7571:204360 7601:183376 7602:288382 7603:167611 7604:492339 7605:190223
		7606:144810 8101:432361 8102:129169 8103:132337 8104:142347 8105:140972 8106:217389 8107:112531 8108:97020
		8109:81329 8171:359661 8172:90470 8201:139764 8202:106500 8203:206233 8204:258564 8205:100635 8206:100473
		8207:82913 8208:66361 8271:210836 8272:121952 9103:203772 9105:116214 9106:150318 9110:45084 9111:74332 9115:38840
		9119:27965 9120:41036 9171:404799 9202:205212 9203:93997 9206:84205 9207:47494 9208:64938 9211:39026 9212:41383
		9301:255168 9302:71997 9303:114153 9304:120902 9401:179174 9402:220393 9403:125763 9404:318679 9405:178072
		9406:116706 9407:137696 9408:92629 9501:276288 9502:114581 9503:356021 9504:252031 9505:50128 9506:105374
		9507:203922 9508:112173 9601:129669 9602:56979 9603:72865 9604:31041 9605:46604 9671:286028
	', '\s+') AS t(e)
	 WHERE t.e <> '' AND pg_catalog.split_part(t.e, ':', 1)::bigint = kkb.kode_wilayah_bigint(kabkota);
END;
COMMENT ON FUNCTION kkb._gen_penduduk_kabkota(kkb.kode_wilayah) IS
	'Internal (generator): population of a regency/city (penduduk kabupaten/kota) from the national figures (github.com/cahyadsn/wilayah, MIT); NULL when unknown';

-- ---------------------------------------------------------------- the generator
CREATE FUNCTION kkb.hasilkan(wilayah kkb.kode_wilayah, skala float8 DEFAULT 1.0, benih integer DEFAULT 1,
                             bulan integer DEFAULT 12,
                             akhir date DEFAULT pg_catalog.date_trunc('month', CURRENT_DATE)::date)
	RETURNS TABLE (tabel text, baris bigint)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, kkb, pg_temp
	SET work_mem = '64MB'
	SET jit = off
AS $f$
#variable_conflict use_column
DECLARE
	v_wilayah kkb.kode_wilayah := hasilkan.wilayah;
	v_skala   float8 := hasilkan.skala;
	v_benih   integer := hasilkan.benih;
	v_bulan   integer := hasilkan.bulan;
	v_r       date := hasilkan.akhir;        -- the snapshot date: members are the residents on it
	v_p0      date;                          -- the last month (first day)
	v_w0      date;                          -- the first month (first day): the window of dated events
	v_ymd_r   integer;
	v_ymd_b   integer;                       -- the end of the last month as yyyymmdd, with day 99 (after any real day)
	v_mulai   timestamptz := pg_catalog.clock_timestamp();
	v_n_desa  integer;
	v_b       integer;
	v_selesai integer := 0;
	v_n       bigint;
	v_ada     text;
	n_kampung bigint := 0;
	n_keluarga bigint := 0;
	n_anggota bigint := 0;
	n_pengukuran bigint := 0;
	n_peristiwa bigint := 0;
	n_intervensi bigint := 0;
	n_profil bigint := 0;
	n_penduduk bigint := 0;
	n_kkbpk bigint := 0;
BEGIN
	IF v_wilayah IS NULL OR v_skala IS NULL OR v_benih IS NULL OR v_bulan IS NULL OR v_r IS NULL THEN
		RAISE EXCEPTION 'kkb.hasilkan: no argument may be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT (v_skala > 0 AND v_skala < 'Infinity'::float8) THEN
		RAISE EXCEPTION 'kkb.hasilkan: skala must be a positive number, not %', v_skala
			USING ERRCODE = 'invalid_parameter_value', HINT = 'skala 1.0 gives the national population figures; 0.02 is a small test load.';
	END IF;
	IF v_bulan NOT BETWEEN 1 AND 120 THEN
		RAISE EXCEPTION 'kkb.hasilkan: bulan must be between 1 and 120, not %', v_bulan USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF v_r > CURRENT_DATE OR v_r < '1990-01-01'::date THEN
		RAISE EXCEPTION 'kkb.hasilkan: akhir % is in the future or before 1990', v_r
			USING ERRCODE = 'invalid_parameter_value',
			      DETAIL = 'Every birth, family card, measurement and event is dated on or before akhir, and the validation refuses future dates.';
	END IF;
	SELECT pg_catalog.string_agg(k.kode_desa::text, ', ' ORDER BY k.kode_desa) INTO v_ada
	  FROM (SELECT k.kode_desa FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.<@) v_wilayah ORDER BY k.kode_desa LIMIT 3) k;
	IF v_ada IS NOT NULL THEN
		RAISE EXCEPTION 'kkb.hasilkan: region % already has Kampung KB data (%)', v_wilayah, v_ada
			USING ERRCODE = 'unique_violation', HINT = pg_catalog.format('SELECT * FROM kkb.hasilkan_hapus(%L) removes it first.', v_wilayah::text);
	END IF;

	v_p0 := pg_catalog.date_trunc('month', v_r)::date;
	v_w0 := (v_p0 - pg_catalog.make_interval(months => v_bulan - 1))::date;
	v_ymd_r := (pg_catalog.date_part('year', v_r) * 10000 + pg_catalog.date_part('month', v_r) * 100 + pg_catalog.date_part('day', v_r))::integer;
	v_ymd_b := (pg_catalog.date_part('year', v_p0) * 10000 + pg_catalog.date_part('month', v_p0) * 100 + 99)::integer;

	-- the months: k = 0 is the last; akhir_k, the month's last day, is the date its report describes
	-- (as kkb.profil_desa reads by-name records)
	CREATE TEMP TABLE _gen_bln AS
	SELECT b.k, b.periode, b.akhir_k,
	       (pg_catalog.date_part('year', b.akhir_k) * 10000 + pg_catalog.date_part('month', b.akhir_k) * 100
	        + pg_catalog.date_part('day', b.akhir_k))::integer AS ymd
	  FROM (SELECT k.k, (v_p0 - pg_catalog.make_interval(months => k.k))::date AS periode,
	               (v_p0 - pg_catalog.make_interval(months => k.k) + interval '1 month - 1 day')::date AS akhir_k
	          FROM pg_catalog.generate_series(0, v_bulan - 1) AS k(k)) b;

	-- WHO growth references by sex and age in days, read back from the extension's own
	-- z-score functions: length/height-for-age has L = 1, so two points give M and S;
	-- weight-for-age (L <> 1) is solved by Newton steps for the weights at z = -2, 0, +2.
	CREATE TEMP TABLE _gen_lms AS
	SELECT x.jk, x.hari, x.cara, 60 - x.z1 / ((x.z2 - x.z1) / 40) AS m,
	       1 / (((x.z2 - x.z1) / 40) * (60 - x.z1 / ((x.z2 - x.z1) / 40))) AS s,
	       x.w * 0.8 AS wm2, x.w AS w0, x.w * 1.25 AS wp2
	  FROM (SELECT j.jk, h.hari, c.cara, kkb.zscore_tbu(j.jk, h.hari, 60, c.cara) AS z1, kkb.zscore_tbu(j.jk, h.hari, 100, c.cara) AS z2,
	               (3.3 + 6.3 * (1 - pg_catalog.exp(-h.hari / 140.0)) + 0.0058 * h.hari)::float8 AS w
	          FROM (VALUES ('L'), ('P')) AS j(jk)
	         CROSS JOIN pg_catalog.generate_series(0, 1826) AS h(hari)
	         CROSS JOIN LATERAL (SELECT CASE WHEN h.hari < 731 THEN 'telentang' ELSE 'berdiri' END AS cara) c) x;
	FOR i IN 1 .. 7 LOOP
		UPDATE pg_temp._gen_lms l SET
			wm2 = l.wm2 * pg_catalog.exp(-(kkb.zscore_bbu(l.jk, l.hari, l.wm2) + 2) * 0.00995033085
			      / (kkb.zscore_bbu(l.jk, l.hari, l.wm2 * 1.01) - kkb.zscore_bbu(l.jk, l.hari, l.wm2))),
			w0 = l.w0 * pg_catalog.exp(-kkb.zscore_bbu(l.jk, l.hari, l.w0) * 0.00995033085
			      / (kkb.zscore_bbu(l.jk, l.hari, l.w0 * 1.01) - kkb.zscore_bbu(l.jk, l.hari, l.w0))),
			wp2 = l.wp2 * pg_catalog.exp(-(kkb.zscore_bbu(l.jk, l.hari, l.wp2) - 2) * 0.00995033085
			      / (kkb.zscore_bbu(l.jk, l.hari, l.wp2 * 1.01) - kkb.zscore_bbu(l.jk, l.hari, l.wp2)));
	END LOOP;
	CREATE UNIQUE INDEX ON pg_temp._gen_lms (jk, hari);
	ANALYZE pg_temp._gen_lms;

	-- the villages and everything that makes one village unlike another
	CREATE TEMP TABLE _gen_desa AS
	WITH d0 AS (
		SELECT w.kode, w.nama, kkb.kode_wilayah_bigint(w.kode) AS vk, kkb.kabkota(w.kode) AS kab
		  FROM kkb.wilayah w
		 WHERE w.tingkat = 4 AND w.kode OPERATOR(kkb.<@) v_wilayah
	), kab AS (
		-- the regency's population spread over all its villages by a weight of mean 1
		SELECT k.kab, kkb._gen_penduduk_kabkota(k.kab)::float8 AS penduduk,
		       (SELECT pg_catalog.sum(0.55 + 0.9 * kkb._gen_acak(kkb.kode_wilayah_bigint(x.kode), v_benih, 1))
		          FROM kkb.wilayah x WHERE x.tingkat = 4 AND x.kode OPERATOR(kkb.<@) k.kab) AS bobot
		  FROM (SELECT DISTINCT d0.kab FROM d0) k
	), d1 AS (
		SELECT d0.kode, d0.nama, d0.vk, d0.vk / 10000 AS kec6,
		       GREATEST(0, d0.vk % 1000 - 1 + (d0.vk % 10000 / 1000 - 1) * 100)::integer AS ord0,
		       kkb.adalah_kelurahan(d0.kode) AS kelurahan,
		       (pg_catalog.row_number() OVER (ORDER BY d0.kode))::integer AS no,
		       GREATEST(1, pg_catalog.round(v_skala * coalesce(kab.penduduk / kab.bobot, 1200)
		                                     * (0.55 + 0.9 * kkb._gen_acak(d0.vk, v_benih, 1)))) AS penduduk,
		       pg_catalog.width_bucket(kkb._gen_acak(d0.vk, v_benih, 2), '{0.30,0.60,0.75}'::float8[]) AS tingkat,
		       kkb._gen_acak(d0.vk, v_benih, 3) AS u3
		  FROM d0 JOIN kab ON kab.kab OPERATOR(kkb.=) d0.kab
	), d2 AS (
		-- the class the village is meant to reach: which of the input, process and output indices are met
		SELECT d1.*, d1.tingkat = 0 AND d1.u3 < 0.5 AS tertinggal,
		       CASE d1.tingkat WHEN 0 THEN d1.u3 >= 0.5 AND d1.u3 < 0.75 WHEN 2 THEN d1.u3 < 0.5 ELSE true END AS input_ok,
		       CASE d1.tingkat WHEN 0 THEN d1.u3 >= 0.75 WHEN 2 THEN d1.u3 >= 0.5 ELSE true END AS proses_ok,
		       d1.tingkat >= 2 AS output_ok
		  FROM d1
	), d3 AS (
		SELECT d2.*, (d2.no - 1) / 10 AS batch,
		       GREATEST(1, pg_catalog.round(d2.penduduk / 3.8))::integer AS n_kel,
		       -- mean length/height-for-age z of the village's children
		       -1.18 + 0.30 * kkb._gen_normal(d2.vk, v_benih, 4) - CASE WHEN d2.tertinggal THEN 0.2 ELSE 0 END
		             + CASE WHEN d2.output_ok THEN 0.12 ELSE 0 END AS mu_tb,
		       CASE WHEN d2.output_ok THEN 0.70 + 0.10 * kkb._gen_acak(d2.vk, v_benih, 5)
		            WHEN d2.tertinggal THEN 0.35 + 0.15 * kkb._gen_acak(d2.vk, v_benih, 5)
		            ELSE 0.42 + 0.18 * kkb._gen_acak(d2.vk, v_benih, 5) END AS cpr,
		       CASE WHEN d2.output_ok THEN 0.02 + 0.035 * kkb._gen_acak(d2.vk, v_benih, 6)
		            ELSE 0.10 + 0.07 * kkb._gen_acak(d2.vk, v_benih, 6) END AS unmet,
		       CASE WHEN d2.output_ok THEN 0.30 + 0.12 * kkb._gen_acak(d2.vk, v_benih, 7)
		            ELSE 0.08 + 0.11 * kkb._gen_acak(d2.vk, v_benih, 7) END AS mkjp,
		       CASE WHEN d2.output_ok THEN 0.40 + 0.25 * kkb._gen_acak(d2.vk, v_benih, 8)
		            ELSE 0.03 + 0.14 * kkb._gen_acak(d2.vk, v_benih, 8) END AS partisipasi,
		       0.45 + 0.35 * kkb._gen_acak(d2.vk, v_benih, 9) AS hadir,
		       pg_catalog.floor(26 * kkb._gen_acak(d2.vk, v_benih, 10))::integer AS hari_posyandu,
		       0.02 + 0.30 * kkb._gen_acak(d2.vk, v_benih, 11) ^ 2 AS p_air,
		       0.04 + 0.30 * kkb._gen_acak(d2.vk, v_benih, 12) ^ 2 AS p_jamban,
		       0.04 + 0.12 * kkb._gen_acak(d2.vk, v_benih, 13) + CASE WHEN d2.tertinggal THEN 0.05 ELSE 0 END AS p_miskin,
		       0.02 + 0.15 * kkb._gen_acak(d2.vk, v_benih, 14) ^ 2 AS p_sekolah,
		       0.01 + 0.12 * kkb._gen_acak(d2.vk, v_benih, 15) ^ 2 AS p_akta,
		       0.80 + 0.18 * kkb._gen_acak(d2.vk, v_benih, 16) AS jkn,
		       0.010 + 0.020 * kkb._gen_acak(d2.vk, v_benih, 17) AS imr,
		       3 + pg_catalog.floor(10 * kkb._gen_acak(d2.vk, v_benih, 18))::integer AS n_rt,
		       d2.input_ok OR NOT d2.tertinggal OR kkb._gen_acak(d2.vk, v_benih, 19) >= 0.6 AS pokja_ada,
		       CASE WHEN d2.input_ok THEN 10 + pg_catalog.floor(16 * kkb._gen_acak(d2.vk, v_benih, 20))
		            ELSE 5 + pg_catalog.floor(10 * kkb._gen_acak(d2.vk, v_benih, 20)) END::integer AS pokja_anggota,
		       kkb._gen_acak(d2.vk, v_benih, 21) AS u21,
		       CASE WHEN d2.input_ok THEN 2 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 22))
		            WHEN d2.tertinggal THEN pg_catalog.floor(2 * kkb._gen_acak(d2.vk, v_benih, 22))
		            ELSE pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 22)) END::integer AS n_dana,
		       kkb._gen_acak(d2.vk, v_benih, 23) AS u23,
		       CASE WHEN d2.input_ok THEN 5 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 24))
		            WHEN d2.output_ok THEN 4
		            WHEN d2.tertinggal THEN pg_catalog.floor(3 * kkb._gen_acak(d2.vk, v_benih, 24))
		            ELSE 1 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 24)) END::integer AS n_poktan,
		       CASE WHEN d2.input_ok THEN CASE WHEN kkb._gen_acak(d2.vk, v_benih, 25) < 0.7 THEN '{sekretariat,rumah_dataku}' ELSE '{sekretariat}' END
		            WHEN d2.tertinggal THEN '{}'
		            ELSE CASE WHEN kkb._gen_acak(d2.vk, v_benih, 25) < 0.5 THEN '{sekretariat}' ELSE '{}' END END::kkb.sarana[] AS sarana,
		       CASE WHEN d2.proses_ok THEN 2 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 26))
		            WHEN d2.tertinggal THEN pg_catalog.floor(2 * kkb._gen_acak(d2.vk, v_benih, 26))
		            ELSE pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 26)) END::integer AS n_data,
		       CASE WHEN d2.proses_ok THEN 3 + pg_catalog.floor(3 * kkb._gen_acak(d2.vk, v_benih, 27))
		            WHEN d2.tertinggal THEN pg_catalog.floor(3 * kkb._gen_acak(d2.vk, v_benih, 27))
		            ELSE 1 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 27)) END::integer AS n_mekanisme,
		       CASE WHEN d2.proses_ok THEN 4 + pg_catalog.floor(5 * kkb._gen_acak(d2.vk, v_benih, 28))
		            WHEN d2.tertinggal THEN pg_catalog.floor(2 * kkb._gen_acak(d2.vk, v_benih, 28))
		            ELSE pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 28)) END::integer AS n_opd,
		       LEAST(v_r, '2016-01-14'::date + pg_catalog.floor(2900 * kkb._gen_acak(d2.vk, v_benih, 29))::integer) AS tanggal_pencanangan
		  FROM d2
	)
	SELECT d3.*,
	       d3.input_ok OR (d3.pokja_ada AND d3.u21 < CASE WHEN d3.tertinggal THEN 0.3 ELSE 0.5 END) AS pokja_terlatih,
	       d3.input_ok OR (NOT d3.tertinggal AND d3.u23 < 0.3) OR (d3.tertinggal AND d3.u23 < 0.4) AS pkb_pendamping,
	       d3.input_ok OR (NOT d3.tertinggal AND d3.u23 >= 0.3 AND d3.u23 < 0.6) AS regulasi,
	       ARRAY(SELECT x.e FROM (SELECT t.e FROM pg_catalog.unnest(CASE WHEN d3.kelurahan THEN '{apbd,swadaya,apbn,csr,hibah}'::kkb.sumber_dana[]
	                                                                    ELSE '{dana_desa,apbd,swadaya,apbn,csr,hibah}'::kkb.sumber_dana[] END)
	                                         WITH ORDINALITY AS t(e, i)
	                               ORDER BY t.i > 2, kkb._gen_acak(d3.vk * 128 + t.i, v_benih, 32) LIMIT d3.n_dana) x ORDER BY x.e) AS sumber_dana,
	       ARRAY(SELECT t.e FROM pg_catalog.unnest('{bkb,bkl,bkr,uppka,pikr,pelayanan_kb,kependudukan,sektor_lain}'::kkb.poktan[]) WITH ORDINALITY AS t(e, i)
	              WHERE t.i <= d3.n_poktan ORDER BY t.e) AS poktan,
	       ARRAY(SELECT t.e FROM pg_catalog.unnest('{pk,rutin_bkkbn,potensi_desa,sektoral,lainnya}'::kkb.sumber_data[]) WITH ORDINALITY AS t(e, i)
	              WHERE t.i <= d3.n_data ORDER BY t.e) AS penggunaan_data,
	       ARRAY(SELECT t.e FROM pg_catalog.unnest('{pelaporan,rapat_perencanaan,koordinasi,sosialisasi,monev}'::kkb.mekanisme_operasional[])
	                             WITH ORDINALITY AS t(e, i)
	              WHERE t.i <= d3.n_mekanisme ORDER BY t.e) AS mekanisme_operasional,
	       CASE WHEN d3.n_opd = 0 THEN (kkb._gen_acak(d3.vk, v_benih, 33) < 0.5)::integer
	            ELSE d3.n_opd + pg_catalog.floor((d3.n_opd + 3) * kkb._gen_acak(d3.vk, v_benih, 33))::integer END AS n_intervensi,
	       -- the secretariat: near Kota Pariaman's district centres, elsewhere near the province's
	       coalesce(c.lintang, p.lintang) + (kkb._gen_acak(d3.vk, v_benih, 34) - 0.5) * coalesce(c.sebar, 0.4) AS lintang,
	       coalesce(c.bujur, p.bujur) + (kkb._gen_acak(d3.vk, v_benih, 35) - 0.5) * coalesce(c.sebar, 0.4) AS bujur
	  FROM d3
	  LEFT JOIN (VALUES (137701, -0.625, 100.118, 0.03), (137702, -0.580, 100.135, 0.04), (137703, -0.665, 100.140, 0.04),
	                    (137704, -0.625, 100.170, 0.04)) AS c(kec6, lintang, bujur, sebar) ON c.kec6 = d3.kec6
	  LEFT JOIN (VALUES (11, 4.5, 96.7), (12, 2.2, 99.4), (13, -0.75, 100.6), (14, 0.5, 101.5), (15, -1.6, 103.2), (16, -3.2, 104.2),
	                    (17, -3.8, 102.3), (18, -4.9, 105.2), (19, -2.3, 106.1), (21, 0.9, 104.5), (31, -6.2, 106.85), (32, -6.9, 107.6),
	                    (33, -7.2, 110.2), (34, -7.85, 110.4), (35, -7.6, 112.5), (36, -6.4, 106.1), (51, -8.4, 115.2), (52, -8.6, 117.3),
	                    (53, -9.0, 121.5), (61, 0.1, 110.4), (62, -1.6, 113.4), (63, -3.0, 115.3), (64, 0.5, 116.4), (65, 3.0, 116.3),
	                    (71, 1.0, 124.3), (72, -1.4, 121.4), (73, -4.1, 120.0), (74, -4.1, 122.2), (75, 0.6, 122.4), (76, -2.5, 119.3),
	                    (81, -3.2, 129.0), (82, 1.0, 127.8), (91, -2.4, 139.0), (92, -1.4, 133.3), (93, -6.8, 139.6), (94, -3.8, 136.3),
	                    (95, -4.1, 138.9), (96, -1.1, 131.8)) AS p(prov, lintang, bujur) ON p.prov = d3.vk / 100000000;
	CREATE UNIQUE INDEX ON pg_temp._gen_desa (vk);
	ANALYZE pg_temp._gen_desa;

	SELECT pg_catalog.count(*) INTO v_n_desa FROM pg_temp._gen_desa;
	IF v_n_desa = 0 THEN
		RAISE EXCEPTION 'kkb.hasilkan: region % has no villages', v_wilayah
			USING ERRCODE = 'no_data_found', HINT = 'Give a province, regency/city, district or village code of kkb.wilayah.';
	END IF;
	RAISE NOTICE 'kkb.hasilkan: % villages under %, about % people, months % to %', v_n_desa, v_wilayah,
		(SELECT pg_catalog.sum(d.penduduk)::bigint FROM pg_temp._gen_desa d), pg_catalog.to_char(v_w0, 'YYYY-MM'), pg_catalog.to_char(v_p0, 'YYYY-MM');

	FOR v_b IN 0 .. (v_n_desa - 1) / 10 LOOP
		-- ------------------------------------------------ Kampung KB
		INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan, nomor_sk, lintang, bujur, alamat_sekretariat)
		SELECT d.kode, 'Kampung KB ' || d.nama, d.tanggal_pencanangan,
		       pg_catalog.format('%s/KPTS/%s/%s', 100 + pg_catalog.floor(800 * kkb._gen_acak(d.vk, v_benih, 36))::integer,
		                         CASE WHEN d.kelurahan THEN 'KEL' ELSE 'DESA' END, pg_catalog.date_part('year', d.tanggal_pencanangan)),
		       pg_catalog.round(d.lintang::numeric, 6), pg_catalog.round(d.bujur::numeric, 6),
		       pg_catalog.format('Kantor %s %s', CASE WHEN d.kelurahan THEN 'Lurah' ELSE 'Desa' END, d.nama)
		  FROM pg_temp._gen_desa d WHERE d.batch = v_b ORDER BY d.kode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_kampung := n_kampung + v_n;
		v_selesai := v_selesai + v_n::integer;

		-- ------------------------------------------------ families: size, type, ages of the couple, children
		CREATE TEMP TABLE _gen_kel AS
		SELECT d.no, d.vk, d.kode, d.kec6, d.ord0, f.fk, b.s, c0.tipe, c.kepala_p, e0.tua, g0.n_anak, g1.aw, h0.ah, h.y1,
		       CASE WHEN kkb._gen_acak(f.fk, v_benih, 12) < 0.012 * v_bulan / 12.0
		            THEN v_w0 + pg_catalog.floor((v_r - v_w0 + 1) * kkb._gen_acak(f.fk, v_benih, 13))::integer END AS masuk
		  FROM pg_temp._gen_desa d
		 CROSS JOIN LATERAL pg_catalog.generate_series(1, d.n_kel) AS i(i)
		 CROSS JOIN LATERAL (SELECT d.vk * 1000000 + i.i AS fk) f
		 -- household size 1..9, mean about 3.8
		 CROSS JOIN LATERAL (SELECT 1 + pg_catalog.width_bucket(kkb._gen_acak(f.fk, v_benih, 1),
		                                '{0.07,0.22,0.44,0.69,0.86,0.94,0.98,0.995}'::float8[]) AS s) b
		 CROSS JOIN LATERAL (SELECT CASE WHEN b.s = 1 THEN 'tunggal' WHEN kkb._gen_acak(f.fk, v_benih, 2) < 0.86 THEN 'pasangan' ELSE 'ortu' END AS tipe,
		                            kkb._gen_acak(f.fk, v_benih, 3) AS u3, kkb._gen_acak(f.fk, v_benih, 4) AS u4,
		                            kkb._gen_acak(f.fk, v_benih, 5) AS u5) c0
		 -- aw: age of the wife (or of the single parent; of the absent mother for a widower)
		 CROSS JOIN LATERAL (SELECT CASE c0.tipe WHEN 'tunggal' THEN c0.u3 < 0.6 WHEN 'ortu' THEN c0.u3 < 0.75 ELSE false END AS kepala_p,
		        CASE WHEN c0.tipe = 'tunggal' THEN CASE WHEN c0.u4 < 0.55 THEN 60 + 30 * c0.u5 ^ 1.3 ELSE 19 + 21 * c0.u5 END
		             WHEN c0.tipe = 'pasangan' AND b.s = 2 THEN CASE WHEN c0.u4 < 0.45 THEN 19 + 9 * c0.u5 ELSE 50 + 28 * c0.u5 ^ 1.2 END
		             ELSE ('{18,20,25,30,35,40,45,50,55,60,65,70,75}'::float8[])[1 + pg_catalog.width_bucket(c0.u4,
		                      '{0.015,0.085,0.195,0.32,0.445,0.565,0.675,0.77,0.85,0.91,0.955,0.982}'::float8[])]
		                  + CASE WHEN c0.u4 < 0.015 THEN 2 ELSE 5 END * c0.u5 END AS aw0,
		        b.s - 1 - (c0.tipe = 'pasangan')::integer AS n_sisa) c
		 CROSS JOIN LATERAL (SELECT c0.tipe <> 'tunggal' AND c.aw0 >= 50 AS tua,
		                            kkb._gen_acak(f.fk, v_benih, 6) AS u6, kkb._gen_acak(f.fk, v_benih, 7) AS u7) e0
		 -- children, and the others: grandchildren with older couples, a parent or a relative with younger ones
		 CROSS JOIN LATERAL (SELECT CASE WHEN c0.tipe = 'tunggal' THEN 0
		                                 WHEN e0.tua THEN LEAST(c.n_sisa, 1 + pg_catalog.floor(3 * e0.u6)::integer)
		                                 -- a young mother has at most one child per four years past 19; the rest live with her family
		                                 ELSE LEAST(c.n_sisa - CASE WHEN c.n_sisa >= 3 AND e0.u6 < 0.25
		                                                            THEN 1 + (c.n_sisa >= 5 AND e0.u7 < 0.3)::integer ELSE 0 END,
		                                            1 + GREATEST(0, pg_catalog.floor((c.aw0 - 19) / 4))::integer) END AS n_anak) g0
		 CROSS JOIN LATERAL (SELECT CASE WHEN c0.tipe <> 'tunggal' AND NOT e0.tua
		                                 THEN GREATEST(c.aw0, 18.5 + 1.6 * g0.n_anak + 2 * kkb._gen_acak(f.fk, v_benih, 8))
		                                 ELSE c.aw0 END AS aw) g1
		 CROSS JOIN LATERAL (SELECT CASE c0.tipe WHEN 'pasangan' THEN LEAST(95, GREATEST(19, g1.aw - 1 + 9 * kkb._gen_acak(f.fk, v_benih, 9)))
		                                         WHEN 'ortu' THEN CASE WHEN c.kepala_p THEN g1.aw ELSE LEAST(95, g1.aw + 3) END
		                                         ELSE g1.aw END AS ah,
		                            -- a child under five: about as likely as births to married women of the mother's age over five years
		                            g0.n_anak >= 1 AND NOT e0.tua AND kkb._gen_acak(f.fk, v_benih, 10)
		                              < CASE WHEN g1.aw < 25 THEN 0.75 WHEN g1.aw < 30 THEN 0.62 WHEN g1.aw < 35 THEN 0.45 WHEN g1.aw < 40 THEN 0.28
		                                     WHEN g1.aw < 45 THEN 0.11 WHEN g1.aw < 48 THEN 0.02 ELSE 0 END
		                                * CASE WHEN c0.tipe = 'ortu' THEN 0.6 ELSE 1 END AS balita) h0
		 -- y1: age of the youngest child: under five, or else born when the mother was 44 at most and
		 -- leaving room for the elder ones (two years apart) after her 20th birthday
		 CROSS JOIN LATERAL (SELECT GREATEST(5, g1.aw - 44) AS y1_min, g1.aw - 20 - 2 * (g0.n_anak - 1) AS y1_maks) h1
		 CROSS JOIN LATERAL (SELECT CASE WHEN g0.n_anak = 0 THEN NULL
		                                 WHEN h0.balita OR h1.y1_maks < 5 THEN LEAST(4.99, GREATEST(0, g1.aw - 18 - 1.3 * (g0.n_anak - 1)))
		                                                                       * kkb._gen_acak(f.fk, v_benih, 11)
		                                 ELSE h1.y1_min + GREATEST(0, h1.y1_maks - h1.y1_min) * kkb._gen_acak(f.fk, v_benih, 11) END AS y1) h
		 WHERE d.batch = v_b;
		ANALYZE pg_temp._gen_kel;

		-- ------------------------------------------------ members
		CREATE TEMP TABLE _gen_ang AS
		WITH m AS (
			SELECT k.*, p.p, k.fk * 16 + p.p AS mk,
			       CASE WHEN p.p = 1 THEN 'kepala'
			            WHEN p.p = 2 AND k.tipe = 'pasangan' THEN 'istri'
			            WHEN p.p <= 1 + (k.tipe = 'pasangan')::integer + k.n_anak THEN 'anak'
			            WHEN k.tua AND kkb._gen_acak(k.fk * 16 + p.p, v_benih, 1) < 0.65 THEN 'cucu'
			            WHEN kkb._gen_acak(k.fk * 16 + p.p, v_benih, 1) < 0.6 THEN 'orang_tua'
			            ELSE 'famili_lain' END AS hub,
			       -- years between a child and the next younger one
			       CASE WHEN p.p > 2 + (k.tipe = 'pasangan')::integer AND p.p <= 1 + (k.tipe = 'pasangan')::integer + k.n_anak
			            THEN 2.0 + 4.5 * kkb._gen_acak(k.fk * 16 + p.p, v_benih, 2) ELSE 0 END AS jarak
			  FROM pg_temp._gen_kel k CROSS JOIN LATERAL pg_catalog.generate_series(1, k.s) AS p(p)
		), a AS (
			SELECT m.*, pg_catalog.sum(m.jarak) OVER (PARTITION BY m.fk ORDER BY m.p) AS kum,
			       pg_catalog.sum(m.jarak) OVER (PARTITION BY m.fk) AS total
			  FROM m
		), b AS (
			SELECT a.*,
			       CASE a.hub WHEN 'kepala' THEN a.ah WHEN 'istri' THEN a.aw
			            -- children born when the mother was 18 or older: gaps shrink to fit
			            WHEN 'anak' THEN a.y1 + a.kum * CASE WHEN a.total > 0 THEN LEAST(1, GREATEST(0, a.aw - 18 - a.y1) / a.total) ELSE 1 END
			            WHEN 'cucu' THEN 0.3 + kkb._gen_acak(a.mk, v_benih, 3) * LEAST(14, a.aw - 38)
			            WHEN 'orang_tua' THEN LEAST(95, a.ah + 22 + 10 * kkb._gen_acak(a.mk, v_benih, 3))
			            ELSE 15 + 20 * kkb._gen_acak(a.mk, v_benih, 3) END AS umur0,
			       CASE a.hub WHEN 'kepala' THEN CASE WHEN a.kepala_p THEN 'P' ELSE 'L' END
			            WHEN 'istri' THEN 'P'
			            WHEN 'orang_tua' THEN CASE WHEN kkb._gen_acak(a.mk, v_benih, 4) < 0.7 THEN 'P' ELSE 'L' END
			            ELSE CASE WHEN kkb._gen_acak(a.mk, v_benih, 4) < 0.512 THEN 'L' ELSE 'P' END END AS jk
			  FROM a
		), c AS (
			SELECT b.*, v_r - pg_catalog.floor(b.umur0 * 365.25)::integer AS tanggal_lahir
			  FROM b
		), e AS (
			SELECT c.*, t.ymd, (v_ymd_r - t.ymd) / 10000 AS umur, v_r - c.tanggal_lahir AS hari,
			       -- NIK: district of the village, birth date (day + 40 for women); the serial comes below
			       c.kec6 * 10000000000 + (t.dd + CASE WHEN c.jk = 'P' THEN 40 ELSE 0 END) * 100000000 + t.mm * 1000000 + t.yy * 10000 AS nik0,
			       CASE c.hub
			            WHEN 'kepala' THEN CASE WHEN c.tipe = 'pasangan' THEN 'kawin'
			                                    WHEN c.tipe = 'tunggal' AND c.umur0 >= 55 THEN CASE WHEN kkb._gen_acak(c.mk, v_benih, 5) < 0.85 THEN 'cerai_mati' ELSE 'cerai_hidup' END
			                                    WHEN c.tipe = 'tunggal' THEN CASE WHEN kkb._gen_acak(c.mk, v_benih, 5) < 0.85 THEN 'belum_kawin' ELSE 'cerai_hidup' END
			                                    WHEN c.umur0 >= 45 OR kkb._gen_acak(c.mk, v_benih, 5) < 0.4 THEN 'cerai_mati'
			                                    ELSE 'cerai_hidup' END
			            WHEN 'istri' THEN 'kawin' WHEN 'orang_tua' THEN 'cerai_mati' ELSE 'belum_kawin' END AS status_kawin
			  FROM c
			 CROSS JOIN LATERAL (SELECT pg_catalog.date_part('day', c.tanggal_lahir)::bigint AS dd, pg_catalog.date_part('month', c.tanggal_lahir)::bigint AS mm,
			                            pg_catalog.date_part('year', c.tanggal_lahir)::bigint % 100 AS yy,
			                            (pg_catalog.date_part('year', c.tanggal_lahir) * 10000 + pg_catalog.date_part('month', c.tanggal_lahir) * 100
			                             + pg_catalog.date_part('day', c.tanggal_lahir))::integer AS ymd) t
		), n AS (
			-- serial: unique within the village for each district/birth date/sex; villages of a district start 50 apart
			SELECT e.*, e.nik0 + 1 + ((e.ord0 * 50 + pg_catalog.row_number() OVER (PARTITION BY e.vk, e.nik0 ORDER BY e.mk) - 1) % 9999) AS nik,
			       -- a couple of reproductive age throughout the last month (married women 15 to 49)
			       e.jk = 'P' AND e.status_kawin = 'kawin' AND e.umur >= 15 AND (v_ymd_b - e.ymd) / 10000 <= 49 AS pus
			  FROM e
		), h AS (
			SELECT n.*, n.pus AND kkb._gen_acak(n.mk, v_benih, 6)
			              < CASE WHEN n.umur < 20 THEN 0.10 WHEN n.umur < 25 THEN 0.12 WHEN n.umur < 30 THEN 0.11 WHEN n.umur < 35 THEN 0.08
			                     WHEN n.umur < 40 THEN 0.05 WHEN n.umur < 45 THEN 0.02 ELSE 0.004 END
			                * CASE WHEN n.y1 < 0.75 THEN 0.2 ELSE 1 END AS hamil
			  FROM n
		), q AS (
			-- contraception by quota within the village: users, unmet need (IAT/TIAL), wanting a child soon
			SELECT h.*, h.pus AND NOT h.hamil AS pus_kb,
			       pg_catalog.row_number() OVER (PARTITION BY h.vk, h.pus AND NOT h.hamil ORDER BY kkb._gen_acak(h.mk, v_benih, 7), h.mk) AS r_kb,
			       pg_catalog.count(*) OVER (PARTITION BY h.vk, h.pus AND NOT h.hamil) AS n_kb
			  FROM h
		), q2 AS (
			SELECT q.*, d.mkjp, d.jkn, d.p_akta, d.p_sekolah,
			       q.pus_kb AND q.r_kb <= pg_catalog.round(d.cpr * q.n_kb) AS pengguna,
			       q.pus_kb AND q.r_kb > pg_catalog.round(d.cpr * q.n_kb) AND q.r_kb <= pg_catalog.round((d.cpr + d.unmet) * q.n_kb) AS unmet_need
			  FROM q JOIN pg_temp._gen_desa d ON d.vk = q.vk
		), q3 AS (
			SELECT q2.*,
			       pg_catalog.row_number() OVER (PARTITION BY q2.vk, q2.pengguna ORDER BY kkb._gen_acak(q2.mk, v_benih, 8), q2.mk) AS r_m,
			       pg_catalog.count(*) OVER (PARTITION BY q2.vk, q2.pengguna) AS n_m,
			       kkb._gen_acak(q2.mk, v_benih, 9) AS u9,
			       CASE WHEN q2.umur < 5 THEN NULL
			            WHEN q2.umur <= 6 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.5
			            WHEN q2.umur <= 12 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.99
			            WHEN q2.umur <= 15 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.97 - q2.p_sekolah / 2
			            WHEN q2.umur <= 18 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.92 - q2.p_sekolah
			            WHEN q2.umur <= 24 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.30
			            ELSE false END AS sekolah
			  FROM q2
		)
		SELECT q3.no, q3.vk, q3.kode, q3.fk, q3.mk, q3.p, q3.hub::kkb.hubungan AS hubungan, q3.jk, q3.tanggal_lahir, q3.ymd, q3.umur, q3.hari,
		       q3.nik, q3.pus, q3.masuk, q3.tipe, q3.kepala_p, q3.status_kawin::kkb.status_kawin AS status_kawin, q3.sekolah,
		       CASE WHEN q3.jk = 'L' THEN ('{Ahmad,Muhammad,Rizky,Fajar,Andi,Budi,Hendra,Yusuf,Ilham,Fadli,Rahmat,Syafrizal,Zulkifli,Irwan,Deni,Arif,Hafiz,Reza,Taufik,Dedi,Rudi,Afrizal,Nofrizal,Erizal,Syahrul,Wahyu,Rafi,Alif,Fauzan,Habib,Iqbal,Yoga,Dimas,Rendi,Aldi,Firman,Joni,Hasan,Darmawan,Yuliandri}'::text[])
		                                       [1 + pg_catalog.floor(40 * kkb._gen_acak(q3.mk, v_benih, 20))::integer]
		                                   || CASE WHEN kkb._gen_acak(q3.mk, v_benih, 21) < 0.7 THEN ' ' || ('{Saputra,Pratama,Hidayat,Putra,Rahman,Syahputra,Firdaus,Kurniawan,Gunawan,Setiawan,Hakim,Ramadhan,Maulana,Akbar,Fauzi,Chaniago,Piliang,Koto,Tanjung,Sikumbang,Jambak,Efendi,Syafei,Yunus,Amri,Zein,Sutan,Malin,Bagindo,Rajo}'::text[])
		                                       [1 + pg_catalog.floor(30 * kkb._gen_acak(q3.mk, v_benih, 22))::integer] ELSE '' END
		            ELSE ('{Siti,Nur,Dewi,Sri,Fitri,Rina,Yulia,Nurhayati,Rahmi,Desi,Yeni,Elvi,Fitriani,Wulan,Putri,Aisyah,Zahra,Nadia,Indah,Mardiana,Rosmawati,Yusnita,Novita,Lestari,Asni,Suryani,Syafrida,Hasnah,Ratna,Salsabila,Nabila,Annisa,Rahmawati,Febrianti,Yolanda,Mega,Sinta,Vivi,Ernawati,Zuraida}'::text[])
		                 [1 + pg_catalog.floor(40 * kkb._gen_acak(q3.mk, v_benih, 20))::integer]
		                 || CASE WHEN kkb._gen_acak(q3.mk, v_benih, 21) < 0.6 THEN ' ' || ('{Wati,Sari,Yanti,Handayani,Lestari,Rahmawati,Putri,Anggraini,Oktaviani,Kurniasih,Maharani,Ningsih,Susanti,Fitriani,Wahyuni,Rosa,Amelia,Yunita,Mulyani,Ramadhani,Safitri,Novianti,Syafitri,Utami,Permata}'::text[])
		                 [1 + pg_catalog.floor(25 * kkb._gen_acak(q3.mk, v_benih, 22))::integer] ELSE '' END END AS nama,
		       CASE WHEN q3.umur < 7 THEN 'Tidak/Belum Sekolah'
		            WHEN q3.umur <= 12 THEN 'Belum Tamat SD/Sederajat'
		            WHEN q3.umur <= 15 THEN 'Tamat SD/Sederajat'
		            WHEN q3.umur <= 18 THEN 'SLTP/Sederajat'
		            ELSE ('{Tidak/Belum Sekolah,Belum Tamat SD/Sederajat,Tamat SD/Sederajat,SLTP/Sederajat,SLTA/Sederajat,Diploma I/II,Akademi/Diploma III/S. Muda,Diploma IV/Strata I,Strata II}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 13),
		                      CASE WHEN q3.umur < 25 THEN '{0,0.01,0.06,0.21,0.85,0.87,0.91,1}'::float8[]
		                           WHEN q3.umur < 45 THEN '{0.01,0.03,0.15,0.33,0.77,0.79,0.84,0.98}'::float8[]
		                           WHEN q3.umur < 60 THEN '{0.03,0.08,0.34,0.54,0.87,0.88,0.92,0.99}'::float8[]
		                           ELSE '{0.15,0.27,0.65,0.79,0.94,0.945,0.96,0.995}'::float8[] END)] END AS pendidikan,
		       CASE WHEN q3.umur < 5 THEN 'Belum/Tidak Bekerja'
		            WHEN q3.sekolah THEN 'Pelajar/Mahasiswa'
		            WHEN q3.umur < 17 THEN 'Belum/Tidak Bekerja'
		            WHEN q3.jk = 'P' THEN ('{Mengurus Rumah Tangga,Pedagang,Wiraswasta,Guru,Pegawai Negeri Sipil,Karyawan Swasta,Petani/Pekebun,Buruh Harian Lepas,Belum/Tidak Bekerja}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 14), '{0.50,0.64,0.74,0.79,0.83,0.90,0.95,0.97}'::float8[])]
		            WHEN q3.umur >= 60 THEN ('{Belum/Tidak Bekerja,Petani/Pekebun,Pedagang,Wiraswasta,Pensiunan,Nelayan/Perikanan}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 14), '{0.35,0.58,0.72,0.85,0.95}'::float8[])]
		            ELSE ('{Petani/Pekebun,Nelayan/Perikanan,Pedagang,Wiraswasta,Karyawan Swasta,Buruh Harian Lepas,Pegawai Negeri Sipil,Sopir,Belum/Tidak Bekerja}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 14), '{0.17,0.27,0.41,0.61,0.73,0.87,0.92,0.96}'::float8[])] END AS pekerjaan,
		       kkb._gen_acak(q3.mk, v_benih, 15) < q3.jkn AS jaminan_kesehatan,
		       CASE WHEN q3.umur < 18 THEN kkb._gen_acak(q3.mk, v_benih, 16) >= q3.p_akta ELSE kkb._gen_acak(q3.mk, v_benih, 16) < 0.85 END AS akta_lahir,
		       CASE WHEN q3.pus THEN q3.hamil END AS hamil,
		       CASE WHEN q3.pengguna THEN
		            CASE WHEN q3.r_m <= pg_catalog.round(q3.mkjp * q3.n_m)
		                 THEN CASE pg_catalog.width_bucket(q3.u9, '{0.45,0.82,0.98}'::float8[])
		                           WHEN 0 THEN 'implan' WHEN 1 THEN 'iud' WHEN 2 THEN CASE WHEN q3.umur >= 30 THEN 'mow' ELSE 'implan' END
		                           ELSE 'mop' END
		                 ELSE CASE pg_catalog.width_bucket(q3.u9, '{0.75,0.96}'::float8[]) WHEN 0 THEN 'suntik' WHEN 1 THEN 'pil' ELSE 'kondom' END END
		       END::kkb.kontrasepsi AS kontrasepsi,
		       CASE WHEN q3.hamil THEN 'hamil'
		            WHEN q3.unmet_need THEN CASE WHEN q3.umur < 30 OR q3.y1 < 2 THEN 'iat' ELSE 'tial' END
		            WHEN q3.pus_kb AND NOT q3.pengguna THEN 'ingin_anak_segera' END::kkb.alasan_tidak_kb AS alasan_tidak_kb,
		       -- a quarter of the users started during the months (new acceptors): how many months before the last
		       CASE WHEN q3.pengguna AND kkb._gen_acak(q3.mk, v_benih, 10) < 0.25
		            THEN pg_catalog.floor(v_bulan * kkb._gen_acak(q3.mk, v_benih, 11))::integer END AS kb_mulai
		  FROM q3;
		CREATE INDEX ON pg_temp._gen_ang (fk);
		ANALYZE pg_temp._gen_ang;

		-- family card: issued after the youngest member's birth (and after moving in), no later than akhir
		CREATE TEMP TABLE _gen_kk AS
		SELECT f.*, f.kk0 + 1 + ((f.ord0 * 50 + pg_catalog.row_number() OVER (PARTITION BY f.vk, f.kk0 ORDER BY f.fk) - 1) % 9999) AS no_kk
		  FROM (SELECT k.fk, k.vk, k.ord0, k.kode, t.tgl,
		               k.kec6 * 10000000000 + pg_catalog.date_part('day', t.tgl)::bigint * 100000000
		               + pg_catalog.date_part('month', t.tgl)::bigint * 1000000 + (pg_catalog.date_part('year', t.tgl)::bigint % 100) * 10000 AS kk0
		          FROM pg_temp._gen_kel k
		          JOIN (SELECT a.fk, pg_catalog.max(a.tanggal_lahir) AS termuda FROM pg_temp._gen_ang a GROUP BY a.fk) y ON y.fk = k.fk
		         CROSS JOIN LATERAL (SELECT LEAST(v_r, GREATEST(v_r - pg_catalog.floor(4000 * kkb._gen_acak(k.fk, v_benih, 14))::integer,
		                                                         y.termuda + 7 + pg_catalog.floor(90 * kkb._gen_acak(k.fk, v_benih, 15))::integer,
		                                                         coalesce(k.masuk, '-infinity'::date))) AS tgl) t) f;
		CREATE UNIQUE INDEX ON pg_temp._gen_kk (fk);
		ANALYZE pg_temp._gen_kk;

		INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw, alamat, air_minum, jamban, tangki_septik, lantai_tanah, dinding_layak, atap_layak, miskin)
		SELECT x.kode, x.no_kk::kkb.no_kk, x.rt, (x.rt - 1) / 3 + 1,
		       pg_catalog.format('%s No. %s', ('{Jl. Merdeka,Jl. Pahlawan,Jl. Masjid Raya,Jl. Pantai,Jl. Pasar Baru,Jl. Kampung Baru,Lorong Surau,Jl. Sawah Lebar,Jl. Durian,Jl. Kelapa,Jl. Syekh Burhanuddin,Jl. Imam Bonjol}'::text[])
		                             [1 + pg_catalog.floor(12 * kkb._gen_acak(x.fk, v_benih, 30))::integer],
		                         1 + pg_catalog.floor(150 * kkb._gen_acak(x.fk, v_benih, 31))::integer),
		       CASE WHEN kkb._gen_acak(x.fk, v_benih, 21) >= x.p_air * CASE WHEN x.miskin THEN 2 ELSE 0.9 END
		            THEN ('{kemasan,ledeng,sumur_bor,sumur_terlindung,mata_air_terlindung,air_hujan}'::kkb.air_minum[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(x.fk, v_benih, 22), '{0.35,0.50,0.70,0.95,0.98}'::float8[])]
		            ELSE ('{sumur_tak_terlindung,mata_air_tak_terlindung,air_permukaan,lainnya}'::kkb.air_minum[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(x.fk, v_benih, 22), '{0.6,0.75,0.95}'::float8[])] END,
		       x.jamban, CASE WHEN x.jamban <> 'tidak_ada' THEN kkb._gen_acak(x.fk, v_benih, 25) >= x.p_jamban * CASE WHEN x.miskin THEN 1.8 ELSE 0.9 END END,
		       kkb._gen_acak(x.fk, v_benih, 26) < CASE WHEN x.miskin THEN 0.15 ELSE 0.02 END,
		       kkb._gen_acak(x.fk, v_benih, 27) >= CASE WHEN x.miskin THEN 0.3 ELSE 0.03 END,
		       kkb._gen_acak(x.fk, v_benih, 28) >= CASE WHEN x.miskin THEN 0.2 ELSE 0.02 END,
		       x.miskin
		  FROM (SELECT kk.fk, kk.kode, kk.no_kk, d.p_air, d.p_jamban,
		               1 + pg_catalog.floor(d.n_rt * kkb._gen_acak(kk.fk, v_benih, 29))::integer AS rt,
		               kkb._gen_acak(kk.fk, v_benih, 20) < d.p_miskin AS miskin,
		               CASE WHEN kkb._gen_acak(kk.fk, v_benih, 23) < d.p_jamban * 0.35 THEN 'tidak_ada'
		                    ELSE ('{sendiri,bersama,umum}'::kkb.jamban[])[1 + pg_catalog.width_bucket(kkb._gen_acak(kk.fk, v_benih, 24), '{0.85,0.95}'::float8[])]
		               END::kkb.jamban AS jamban
		          FROM pg_temp._gen_kk kk JOIN pg_temp._gen_desa d ON d.vk = kk.vk) x
		 ORDER BY x.fk;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_keluarga := n_keluarga + v_n;

		INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin, pendidikan, sekolah,
		                         pekerjaan, jaminan_kesehatan, akta_lahir, hamil, kontrasepsi, alasan_tidak_kb)
		SELECT a.kode, a.nik::kkb.nik, kk.no_kk::kkb.no_kk, a.nama, a.jk, a.tanggal_lahir, a.hubungan, a.status_kawin, a.pendidikan, a.sekolah,
		       a.pekerjaan, a.jaminan_kesehatan, a.akta_lahir, a.hamil, a.kontrasepsi, a.alasan_tidak_kb
		  FROM pg_temp._gen_ang a JOIN pg_temp._gen_kk kk ON kk.fk = a.fk
		 ORDER BY a.mk;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_anggota := n_anggota + v_n;

		-- ------------------------------------------------ child measurements at the monthly posyandu
		-- z (length/height-for-age) = the child's own level (village mean, SD 0.95), faltering over the
		-- first two years, plus measurement noise; weight follows height partly; converted with WHO's M and S
		INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur, lila_cm)
		SELECT y.kode, y.nik::kkb.nik, y.tgl,
		       pg_catalog.round((l.w0 * (CASE WHEN y.zw >= 0 THEN l.wp2 / l.w0 ELSE l.w0 / l.wm2 END) ^ (y.zw / 2))::numeric, 1)::float8,
		       pg_catalog.round((l.m * (1 + l.s * y.zh))::numeric, 1)::float8,
		       l.cara,
		       CASE WHEN y.umur_ukur >= 183 THEN pg_catalog.round((13.8 + 0.5 * y.zw + 0.8 * kkb._gen_normal(y.mk, v_benih, 3000 + y.k))::numeric, 1)::float8 END
		  FROM (SELECT x.*, GREATEST(-5.0, LEAST(4.0, x.zc * (0.55 + 0.45 * LEAST(x.umur_ukur, 730) / 730.0)
		                                              + 0.12 * kkb._gen_normal(x.mk, v_benih, 1000 + x.k))) AS zh,
		               GREATEST(-4.5, LEAST(3.5, (0.6 * x.zc + 0.7 * x.zwc - 0.3) * (0.6 + 0.4 * LEAST(x.umur_ukur, 730) / 730.0)
		                                             + 0.2 * kkb._gen_normal(x.mk, v_benih, 2000 + x.k))) AS zw
		          FROM (SELECT a.kode, a.nik, a.mk, a.jk, b.k, t.tgl, t.tgl - a.tanggal_lahir AS umur_ukur,
		                       d.mu_tb + 0.95 * kkb._gen_normal(a.mk, v_benih, 40) AS zc, kkb._gen_normal(a.mk, v_benih, 41) AS zwc
		                  FROM pg_temp._gen_ang a
		                  JOIN pg_temp._gen_desa d ON d.vk = a.vk
		                 CROSS JOIN pg_temp._gen_bln b
		                 CROSS JOIN LATERAL (SELECT LEAST(v_r, (b.periode + interval '1 month - 1 day')::date,
		                                                  b.periode + d.hari_posyandu
		                                                  + CASE WHEN kkb._gen_acak(a.mk, v_benih, 500 + b.k) < 0.15
		                                                         THEN 1 + pg_catalog.floor(3 * kkb._gen_acak(a.mk, v_benih, 600 + b.k))::integer ELSE 0 END) AS tgl) t
		                 WHERE a.hari <= 1826 + 31 * v_bulan
		                   AND t.tgl >= a.tanggal_lahir AND t.tgl - a.tanggal_lahir <= 1826
		                   AND (a.masuk IS NULL OR t.tgl >= a.masuk)
		                   AND kkb._gen_acak(a.mk, v_benih, 700 + b.k) < d.hadir) x) y
		  JOIN pg_temp._gen_lms l ON l.jk = y.jk AND l.hari = y.umur_ukur
		 ORDER BY y.mk, y.tgl;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_pengukuran := n_pengukuran + v_n;

		-- ------------------------------------------------ vital events
		-- ref (the client's id of the event): 'gen-' || village || '-' || a letter for the kind of source || its key
		INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, nik, nik_ibu, jenis_kelamin, umur_hari, kematian_ibu, keterangan)
		WITH lahir AS (
			SELECT a.vk, pg_catalog.count(*) AS n FROM pg_temp._gen_ang a
			 WHERE a.tanggal_lahir >= v_w0 AND (a.masuk IS NULL OR a.tanggal_lahir >= a.masuk) GROUP BY a.vk
		), dd AS (
			SELECT d.kode, d.vk, d.kec6, d.penduduk, d.imr, coalesce(l.n, 0) AS n_lahir
			  FROM pg_temp._gen_desa d LEFT JOIN lahir l ON l.vk = d.vk WHERE d.batch = v_b
		), ibu AS (
			SELECT a.vk, a.nik, pg_catalog.row_number() OVER (PARTITION BY a.vk ORDER BY kkb._gen_acak(a.mk, v_benih, 50), a.mk) AS rn,
			       pg_catalog.count(*) OVER (PARTITION BY a.vk) AS n
			  FROM pg_temp._gen_ang a WHERE a.pus AND a.umur >= 20
		), asal AS (
			SELECT '{Kota Padang,Kabupaten Padang Pariaman,Kabupaten Agam,Kota Bukittinggi,Kota Pekanbaru,Kota Batam,Kota Medan,Provinsi DKI Jakarta,Kabupaten Tanah Datar,Kota Bandung}'::text[] AS t
		), bayi AS (
			-- infants born and dead within the months (not members)
			SELECT dd.kode, dd.vk, j.j, dd.vk * 100000 + j.j AS kunci,
			       CASE WHEN kkb._gen_acak(dd.vk * 100000 + j.j, v_benih, 1) < 0.6 THEN pg_catalog.floor(28 * kkb._gen_acak(dd.vk * 100000 + j.j, v_benih, 2))
			            ELSE 28 + pg_catalog.floor(337 * kkb._gen_acak(dd.vk * 100000 + j.j, v_benih, 2)) END::integer AS umur_hari
			  FROM dd CROSS JOIN LATERAL pg_catalog.generate_series(1, pg_catalog.floor(dd.n_lahir * dd.imr + kkb._gen_acak(dd.vk, v_benih, 51))::integer) AS j(j)
		), bayi2 AS (
			SELECT bayi.*, v_w0 + pg_catalog.floor(GREATEST(0, v_r - v_w0 - bayi.umur_hari) * kkb._gen_acak(bayi.kunci, v_benih, 3))::integer AS lahir,
			       CASE WHEN kkb._gen_acak(bayi.kunci, v_benih, 4) < 0.512 THEN 'L' ELSE 'P' END AS jk,
			       i.nik AS nik_ibu
			  FROM bayi
			  LEFT JOIN ibu i ON i.vk = bayi.vk AND i.rn = 1 + pg_catalog.floor(i.n * kkb._gen_acak(bayi.kunci, v_benih, 5))::bigint
		), orang AS (
			-- people who are no longer members: deaths (under-five, maternal, others) and moves out
			SELECT o.*, o.tanggal - o.umur_hari AS lahir_o
			  FROM (SELECT dd.kode, dd.kec6, x.jenis, x.kunci, x.kematian_ibu, x.ket,
			               v_w0 + pg_catalog.floor((v_r - v_w0 + 1) * kkb._gen_acak(x.kunci, v_benih, 1))::integer AS tanggal,
			               x.umur_hari, x.jk
			          FROM dd
			         CROSS JOIN LATERAL (
			               SELECT 'mati' AS jenis, dd.vk * 100000 + 20000 + j AS kunci, false AS kematian_ibu, 'Kematian balita' AS ket,
			                      365 + pg_catalog.floor(1460 * kkb._gen_acak(dd.vk * 100000 + 20000 + j, v_benih, 2))::integer AS umur_hari,
			                      CASE WHEN kkb._gen_acak(dd.vk * 100000 + 20000 + j, v_benih, 3) < 0.512 THEN 'L' ELSE 'P' END AS jk
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.n_lahir * 0.005 + kkb._gen_acak(dd.vk, v_benih, 52))::integer) AS j
			               UNION ALL
			               SELECT 'mati', dd.vk * 100000 + 30000 + j, true, 'Kematian ibu (masa kehamilan, persalinan atau nifas)',
			                      pg_catalog.floor((20 + 22 * kkb._gen_acak(dd.vk * 100000 + 30000 + j, v_benih, 2)) * 365.25)::integer, 'P'
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.n_lahir * 0.0019 + kkb._gen_acak(dd.vk, v_benih, 53))::integer) AS j
			               UNION ALL
			               SELECT 'mati', dd.vk * 100000 + 40000 + j, false, 'Meninggal dunia',
			                      pg_catalog.floor(CASE WHEN kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 4) < 0.8
			                                            THEN 55 + 37 * kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 2)
			                                            ELSE 20 + 35 * kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 2) END * 365.25)::integer,
			                      CASE WHEN kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 3) < 0.5 THEN 'L' ELSE 'P' END
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.penduduk * 0.0065 * v_bulan / 12.0 + kkb._gen_acak(dd.vk, v_benih, 54))::integer) AS j
			               UNION ALL
			               SELECT 'pindah_keluar', dd.vk * 100000 + 50000 + j, false,
			                      'Pindah ke ' || (SELECT asal.t[1 + pg_catalog.floor(10 * kkb._gen_acak(dd.vk * 100000 + 50000 + j, v_benih, 5))::integer] FROM asal),
			                      NULL::integer,
			                      CASE WHEN kkb._gen_acak(dd.vk * 100000 + 50000 + j, v_benih, 3) < 0.55 THEN 'L' ELSE 'P' END
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.penduduk * 0.012 * v_bulan / 12.0 + kkb._gen_acak(dd.vk, v_benih, 55))::integer) AS j
			         ) x) o
		)
		SELECT z.kode, 'gen-' || z.kode::text || '-' || z.ref, z.jenis::kkb.jenis_peristiwa, z.tanggal, z.nik::kkb.nik, z.nik_ibu::kkb.nik, z.jk, z.umur_hari, z.kematian_ibu, z.ket
		  FROM (
			-- births of members
			SELECT a.kode, 'L' || a.nik::text AS ref, 'lahir' AS jenis, a.tanggal_lahir AS tanggal, a.nik, i.nik AS nik_ibu, a.jk, NULL::integer AS umur_hari, false AS kematian_ibu,
			       CASE WHEN i.nik IS NULL THEN 'Ibu tidak tercatat sebagai anggota keluarga di desa ini' END AS ket
			  FROM pg_temp._gen_ang a
			  LEFT JOIN pg_temp._gen_ang i ON i.fk = a.fk AND a.hubungan = 'anak' AND i.jk = 'P'
			                              AND (i.hubungan = 'istri' OR (i.hubungan = 'kepala' AND i.tipe = 'ortu'))
			 WHERE a.tanggal_lahir >= v_w0 AND (a.masuk IS NULL OR a.tanggal_lahir >= a.masuk)
			UNION ALL
			SELECT b.kode, 'B' || b.kunci::text, 'lahir', b.lahir, NULL, b.nik_ibu, b.jk, NULL, false,
			       CASE WHEN b.nik_ibu IS NULL THEN 'Bayi lahir hidup, kemudian meninggal; ibu tidak tercatat' ELSE 'Bayi lahir hidup, kemudian meninggal' END
			  FROM bayi2 b
			UNION ALL
			SELECT b.kode, 'M' || b.kunci::text, 'mati', b.lahir + b.umur_hari, NULL, NULL, b.jk, b.umur_hari, false, 'Kematian bayi'
			  FROM bayi2 b
			UNION ALL
			-- members who moved in with their family
			SELECT a.kode, 'P' || a.nik::text, 'pindah_masuk', a.masuk, a.nik, NULL, a.jk, NULL, false,
			       'Pindah datang dari ' || (SELECT asal.t[1 + pg_catalog.floor(10 * kkb._gen_acak(a.fk, v_benih, 16))::integer] FROM asal)
			  FROM pg_temp._gen_ang a WHERE a.masuk IS NOT NULL AND a.tanggal_lahir < a.masuk
			UNION ALL
			SELECT o.kode, 'O' || o.kunci::text, o.jenis, o.tanggal,
			       CASE WHEN o.jenis = 'pindah_keluar' OR NOT o.kematian_ibu THEN
			            o.kec6 * 10000000000 + (pg_catalog.date_part('day', x.lahir)::bigint + CASE WHEN o.jk = 'P' THEN 40 ELSE 0 END) * 100000000
			            + pg_catalog.date_part('month', x.lahir)::bigint * 1000000 + (pg_catalog.date_part('year', x.lahir)::bigint % 100) * 10000
			            + 9000 + 1 + o.kunci % 999 END,
			       NULL, o.jk, o.umur_hari, o.kematian_ibu, o.ket
			  FROM orang o
			 CROSS JOIN LATERAL (SELECT coalesce(o.lahir_o, o.tanggal - pg_catalog.floor((18 + 27 * kkb._gen_acak(o.kunci, v_benih, 6)) * 365.25)::integer) AS lahir) x
		  ) z
		 ORDER BY z.kode, z.tanggal, z.jenis, z.nik;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_peristiwa := n_peristiwa + v_n;

		-- ------------------------------------------------ interventions: agencies ranked by the village's problems
		INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, sasaran, opd, kegiatan_inpres, uraian)
		WITH o AS (
			SELECT d.vk, x.opd,
			       pg_catalog.row_number() OVER (PARTITION BY d.vk ORDER BY x.bobot + 0.5 * kkb._gen_acak(d.vk * 16 + x.i, v_benih, 60) DESC, x.opd) AS rn
			  FROM pg_temp._gen_desa d
			 CROSS JOIN LATERAL (VALUES (1, 'dp3akb', 0.6 + (1 - d.cpr)), (2, 'dinkes', 0.5 + (-d.mu_tb - 0.7)), (3, 'dinsos', 0.3 + 3 * d.p_miskin),
			                            (4, 'disdik', 0.2 + 3 * d.p_sekolah), (5, 'pupr', 0.2 + 2 * d.p_air), (6, 'perkim', 0.2 + 2 * d.p_jamban),
			                            (7, 'disdukcapil', 0.15 + 3 * d.p_akta), (8, 'dpmd', 0.35), (9, 'bappeda', 0.25 + 0.3 * (-d.mu_tb - 0.7)),
			                            (10, 'kemenag', 0.3), (11, 'dkp', 0.15 + 0.5 * (-d.mu_tb - 0.7)), (12, 'disnaker', 0.1 + 2 * d.p_miskin))
			                     AS x(i, opd, bobot)
			 WHERE d.batch = v_b
		), t AS (
			SELECT * FROM (VALUES
				('dp3akb', 0, 'Pelayanan KB MKJP gratis', 'reproduksi', '{pus}', NULL),
				('dp3akb', 1, 'Penyuluhan delapan fungsi keluarga', 'cinta_kasih', '{pus,remaja}', NULL),
				('dinkes', 0, 'Pemberian makanan tambahan balita gizi kurang', 'perlindungan', '{balita,krs}', 'Percepatan penurunan stunting'),
				('dinkes', 1, 'Pemeriksaan ibu hamil dan tablet tambah darah', 'reproduksi', '{ibu_hamil}', 'Percepatan penurunan stunting'),
				('dinsos', 0, 'Bantuan sosial keluarga miskin (PKH)', 'ekonomi', '{keluarga_miskin}', 'Penghapusan kemiskinan ekstrem'),
				('dinsos', 1, 'Bantuan pangan keluarga berisiko stunting', 'ekonomi', '{keluarga_miskin,krs}', 'Percepatan penurunan stunting'),
				('disdik', 0, 'Pendampingan anak putus sekolah', 'pendidikan', '{remaja}', NULL),
				('disdik', 1, 'PAUD holistik integratif', 'pendidikan', '{balita}', NULL),
				('pupr', 0, 'Pembangunan sarana air minum perpipaan', 'lingkungan', '{krs,umum}', 'Percepatan penurunan stunting'),
				('pupr', 1, 'Pembangunan jamban sehat dan tangki septik', 'lingkungan', '{krs,keluarga_miskin}', 'Percepatan penurunan stunting'),
				('perkim', 0, 'Bedah rumah tidak layak huni', 'lingkungan', '{keluarga_miskin}', 'Penghapusan kemiskinan ekstrem'),
				('perkim', 1, 'Perbaikan sanitasi permukiman', 'lingkungan', '{umum}', NULL),
				('disdukcapil', 0, 'Pelayanan akta kelahiran keliling', 'perlindungan', '{balita}', NULL),
				('disdukcapil', 1, 'Perekaman KTP-el dan pemutakhiran KK', 'sosial_budaya', '{umum}', NULL),
				('dpmd', 0, 'Alokasi dana desa untuk kegiatan Kampung KB', 'ekonomi', '{umum}', NULL),
				('dpmd', 1, 'Pelatihan kader pembangunan manusia', 'pendidikan', '{umum}', 'Percepatan penurunan stunting'),
				('bappeda', 0, 'Rembuk stunting tingkat desa', 'perlindungan', '{krs}', 'Percepatan penurunan stunting'),
				('bappeda', 1, 'Penyusunan rencana aksi konvergensi', 'sosial_budaya', '{umum}', NULL),
				('kemenag', 0, 'Bimbingan perkawinan calon pengantin', 'agama', '{remaja,pus}', 'Percepatan penurunan stunting'),
				('kemenag', 1, 'Penyuluhan agama dan ketahanan keluarga', 'agama', '{umum}', NULL),
				('dkp', 0, 'Pekarangan pangan lestari', 'ekonomi', '{krs,balita}', 'Percepatan penurunan stunting'),
				('dkp', 1, 'Gerakan makan ikan untuk ibu hamil dan balita', 'ekonomi', '{ibu_hamil,balita}', 'Percepatan penurunan stunting'),
				('disnaker', 0, 'Pelatihan kerja dan kewirausahaan kelompok UPPKA', 'ekonomi', '{pus,keluarga_miskin}', 'Penghapusan kemiskinan ekstrem'),
				('disnaker', 1, 'Pelatihan keterampilan remaja', 'ekonomi', '{remaja}', NULL),
				('', 0, 'Gotong royong kebersihan lingkungan', 'lingkungan', '{umum}', NULL),
				('', 1, 'Pengajian dan arisan keluarga', 'agama', '{umum}', NULL)) AS t(opd, no, judul, fungsi, sasaran, inpres)
		)
		SELECT x.kode, x.tanggal, t.judul, t.fungsi::kkb.fungsi_keluarga, t.sasaran::kkb.sasaran[],
		       pg_catalog.array_remove(ARRAY[x.opd1, x.opd2], NULL), t.inpres,
		       pg_catalog.format('%s di %s, %s peserta.', t.judul, x.nama, 10 + pg_catalog.floor(60 * kkb._gen_acak(x.kunci, v_benih, 4))::integer)
		  FROM (SELECT d.kode, d.nama, d.vk, j.j, d.vk * 1000 + j.j AS kunci,
		               v_r - pg_catalog.floor(540 * kkb._gen_acak(d.vk * 1000 + j.j, v_benih, 1))::integer AS tanggal,
		               o1.opd AS opd1, CASE WHEN o2.opd <> o1.opd THEN o2.opd END AS opd2
		          FROM pg_temp._gen_desa d
		         CROSS JOIN LATERAL pg_catalog.generate_series(1, d.n_intervensi) AS j(j)
		          LEFT JOIN o o1 ON o1.vk = d.vk AND d.n_opd > 0 AND o1.rn = 1 + (j.j - 1) % GREATEST(d.n_opd, 1)
		          LEFT JOIN o o2 ON o2.vk = d.vk AND d.n_opd > 1 AND o2.rn = 1 + j.j % GREATEST(d.n_opd, 1)
		                        AND kkb._gen_acak(d.vk * 1000 + j.j, v_benih, 2) < 0.3
		         WHERE d.batch = v_b) x
		  JOIN t ON t.opd = coalesce(x.opd1, '') AND t.no = pg_catalog.floor(2 * kkb._gen_acak(x.kunci, v_benih, 3))::integer
		 ORDER BY x.kode, x.tanggal, x.j;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_intervensi := n_intervensi + v_n;

		-- ------------------------------------------------ monthly profiles: what was acquired during the months is missing before
		CREATE TEMP TABLE _gen_profil AS
		SELECT p.*, CASE WHEN p.pokja_ada THEN p.anggota0 END AS pokja_anggota
		  FROM (SELECT d.kode, d.vk, b.k, b.periode, d.pokja_anggota AS anggota0,
		               d.pokja_ada AND kkb._gen_ada(d.vk * 128 + 60, v_benih, b.k, v_bulan) AS pokja_ada,
		               d.pokja_ada AND d.pokja_terlatih AND kkb._gen_ada(d.vk * 128 + 60, v_benih, b.k, v_bulan)
		                           AND kkb._gen_ada(d.vk * 128 + 70, v_benih, b.k, v_bulan) AS pokja_terlatih,
		               d.pkb_pendamping AND kkb._gen_ada(d.vk * 128 + 80, v_benih, b.k, v_bulan) AS pkb_pendamping,
		               d.regulasi AND kkb._gen_ada(d.vk * 128 + 90, v_benih, b.k, v_bulan) AS regulasi,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.sumber_dana) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 10 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS sumber_dana,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.poktan) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 20 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS poktan,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.sarana) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 30 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS sarana,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.penggunaan_data) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 40 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS penggunaan_data,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.mekanisme_operasional) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 50 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS mekanisme_operasional
		          FROM pg_temp._gen_desa d CROSS JOIN pg_temp._gen_bln b
		         WHERE d.batch = v_b) p;

		INSERT INTO kkb.profil (kode_desa, periode, pokja_ada, pokja_anggota, pokja_terlatih, pkb_pendamping, regulasi,
		                        sumber_dana, poktan, sarana, penggunaan_data, mekanisme_operasional)
		SELECT p.kode, p.periode, p.pokja_ada, p.pokja_anggota, p.pokja_terlatih, p.pkb_pendamping, p.regulasi,
		       p.sumber_dana, p.poktan, p.sarana, p.penggunaan_data, p.mekanisme_operasional
		  FROM pg_temp._gen_profil p ORDER BY p.kode, p.periode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_profil := n_profil + v_n;

		-- ------------------------------------------------ monthly population and family-planning reports from the members
		CREATE TEMP TABLE _gen_agg AS
		WITH mb AS (
			SELECT a.vk, a.fk, b.k, a.jk, a.status_kawin, a.kontrasepsi, a.alasan_tidak_kb, a.kb_mulai, a.jaminan_kesehatan,
			       (b.ymd - a.ymd) / 10000 AS umur, b.akhir_k - a.tanggal_lahir AS hari
			  FROM pg_temp._gen_ang a CROSS JOIN pg_temp._gen_bln b
			 WHERE a.tanggal_lahir <= b.akhir_k AND (a.masuk IS NULL OR a.masuk <= b.akhir_k)
		), kel AS (
			SELECT x.vk, x.k, pg_catalog.count(*) AS keluarga, pg_catalog.count(*) FILTER (WHERE x.balita) AS keluarga_balita,
			       pg_catalog.count(*) FILTER (WHERE x.remaja) AS keluarga_remaja, pg_catalog.count(*) FILTER (WHERE x.lansia) AS keluarga_lansia
			  FROM (SELECT mb.vk, mb.k, mb.fk, pg_catalog.bool_or(mb.hari <= 1826) AS balita, pg_catalog.bool_or(mb.umur BETWEEN 10 AND 24) AS remaja,
			               pg_catalog.bool_or(mb.umur >= 60) AS lansia
			          FROM mb GROUP BY mb.vk, mb.k, mb.fk) x
			 GROUP BY x.vk, x.k
		), ind AS (
			SELECT mb.vk, mb.k,
			       pg_catalog.count(*) FILTER (WHERE mb.jk = 'P' AND mb.status_kawin = 'kawin' AND mb.umur BETWEEN 15 AND 49) AS pus,
			       pg_catalog.count(*) FILTER (WHERE mb.umur BETWEEN 10 AND 24) AS remaja,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'iud' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_iud,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'mow' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_mow,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'mop' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_mop,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'kondom' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_kondom,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'implan' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_implan,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'suntik' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_suntik,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'pil' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_pil,
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'hamil') AS tidak_kb_hamil,
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'ingin_anak_segera') AS tidak_kb_ingin_segera,
			       -- before they started, this month's new users wanted to delay or to stop
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'iat' OR mb.k > mb.kb_mulai) AS tidak_kb_iat,
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'tial') AS tidak_kb_tial,
			       pg_catalog.count(*) FILTER (WHERE mb.kb_mulai = mb.k) AS peserta_baru,
			       pg_catalog.count(*) FILTER (WHERE mb.jaminan_kesehatan) AS bpjs
			  FROM mb GROUP BY mb.vk, mb.k
		), umur AS (
			SELECT mb.vk, mb.k, mb.jk, LEAST(mb.umur / 5, 15) AS g, pg_catalog.count(*)::integer AS n
			  FROM mb GROUP BY mb.vk, mb.k, mb.jk, LEAST(mb.umur / 5, 15)
		), arr AS (
			SELECT x.vk, x.k,
			       pg_catalog.array_agg(coalesce(u.n, 0) ORDER BY g.g) FILTER (WHERE j.jk = 'L') AS laki_laki,
			       pg_catalog.array_agg(coalesce(u.n, 0) ORDER BY g.g) FILTER (WHERE j.jk = 'P') AS perempuan
			  FROM (SELECT ind.vk, ind.k FROM ind) x
			 CROSS JOIN (VALUES ('L'), ('P')) AS j(jk)
			 CROSS JOIN pg_catalog.generate_series(0, 15) AS g(g)
			  LEFT JOIN umur u ON u.vk = x.vk AND u.k = x.k AND u.jk = j.jk AND u.g = g.g
			 GROUP BY x.vk, x.k
		)
		SELECT ind.*, kel.keluarga, kel.keluarga_balita, kel.keluarga_remaja, kel.keluarga_lansia, arr.laki_laki, arr.perempuan
		  FROM ind JOIN kel ON kel.vk = ind.vk AND kel.k = ind.k JOIN arr ON arr.vk = ind.vk AND arr.k = ind.k;

		INSERT INTO kkb.penduduk (kode_desa, periode, laki_laki, perempuan, keluarga, pus, remaja, keluarga_balita, keluarga_remaja, keluarga_lansia)
		SELECT p.kode, p.periode, g.laki_laki, g.perempuan, g.keluarga, g.pus, g.remaja, g.keluarga_balita, g.keluarga_remaja, g.keluarga_lansia
		  FROM pg_temp._gen_profil p JOIN pg_temp._gen_agg g ON g.vk = p.vk AND g.k = p.k
		 ORDER BY p.kode, p.periode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_penduduk := n_penduduk + v_n;

		-- programme participants: a share of the eligible families (or teenagers) where the programme runs that month
		INSERT INTO kkb.kkbpk (kode_desa, periode, peserta_bkb, peserta_bkr, peserta_bkl, peserta_uppka, peserta_pikr,
		                       kb_iud, kb_mow, kb_mop, kb_kondom, kb_implan, kb_suntik, kb_pil,
		                       tidak_kb_hamil, tidak_kb_ingin_segera, tidak_kb_iat, tidak_kb_tial, peserta_baru, bpjs)
		SELECT p.kode, p.periode,
		       CASE WHEN 'bkb'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga_balita, pg_catalog.round(g.keluarga_balita * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 61)))) ELSE 0 END,
		       CASE WHEN 'bkr'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga_remaja, pg_catalog.round(g.keluarga_remaja * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 62)))) ELSE 0 END,
		       CASE WHEN 'bkl'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga_lansia, pg_catalog.round(g.keluarga_lansia * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 63)))) ELSE 0 END,
		       CASE WHEN 'uppka'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga, pg_catalog.round(g.keluarga * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 64)))) ELSE 0 END,
		       CASE WHEN 'pikr'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.remaja, pg_catalog.round(g.remaja * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 65)))) ELSE 0 END,
		       g.kb_iud, g.kb_mow, g.kb_mop, g.kb_kondom, g.kb_implan, g.kb_suntik, g.kb_pil,
		       g.tidak_kb_hamil, g.tidak_kb_ingin_segera, g.tidak_kb_iat, g.tidak_kb_tial, g.peserta_baru, g.bpjs
		  FROM pg_temp._gen_profil p
		  JOIN pg_temp._gen_agg g ON g.vk = p.vk AND g.k = p.k
		  JOIN pg_temp._gen_desa d ON d.vk = p.vk
		 ORDER BY p.kode, p.periode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_kkbpk := n_kkbpk + v_n;

		RAISE NOTICE 'kkb.hasilkan: % of % villages (% %%), % members, % measurements, % s', v_selesai, v_n_desa,
			(100 * v_selesai / v_n_desa), n_anggota, n_pengukuran,
			pg_catalog.round(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() - v_mulai)::numeric, 1);
		DROP TABLE pg_temp._gen_kel, pg_temp._gen_ang, pg_temp._gen_kk, pg_temp._gen_profil, pg_temp._gen_agg;
	END LOOP;

	DROP TABLE pg_temp._gen_bln, pg_temp._gen_lms, pg_temp._gen_desa;
	-- the planner's statistics should know what was just written (a region's data is often most of the table)
	PERFORM kkb.segarkan_statistik(true);

	RETURN QUERY SELECT v.t, v.n FROM (VALUES (1, 'kampung', n_kampung), (2, 'keluarga', n_keluarga), (3, 'anggota', n_anggota),
	                                          (4, 'pengukuran', n_pengukuran), (5, 'peristiwa', n_peristiwa), (6, 'intervensi', n_intervensi),
	                                          (7, 'profil', n_profil), (8, 'penduduk', n_penduduk), (9, 'kkbpk', n_kkbpk)) AS v(i, t, n)
	              ORDER BY v.i;
END $f$;
COMMENT ON FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date) IS
	'Generate (hasilkan) deterministic synthetic data for every village under a region: the Kampung KB, families, members (valid NIK and family card numbers of the village''s district), child measurements at the monthly posyandu, vital events, interventions by agency, and the profiles and population and family-planning reports of the bulan months ending at akhir (default the current month; members are the residents on akhir). Population: the regency''s national figure (1,200 per village where unknown) times skala. The same arguments give the same data (seed benih). Refuses a region that already has Kampung KB data (see kkb.hasilkan_hapus). Returns the rows written per table.';

-- ---------------------------------------------------------------- removing a region's data
CREATE FUNCTION kkb.hasilkan_hapus(wilayah kkb.kode_wilayah)
	RETURNS TABLE (tabel text, baris bigint)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, kkb, pg_temp
AS $f$
#variable_conflict use_column
DECLARE
	v_tabel text;
	v_ada boolean;
	v_n bigint;
BEGIN
	IF hasilkan_hapus.wilayah IS NULL THEN
		RAISE EXCEPTION 'kkb.hasilkan_hapus: wilayah may not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- the approval states first (so that no month is locked), the Kampung KB last; any other village table
	-- (one with a kode_desa column, except the audit trail and the change counters) goes before the Kampung KB
	FOR v_tabel IN
		SELECT x.t FROM (
			SELECT u.t, u.i FROM pg_catalog.unnest('{periode_status,pengukuran,peristiwa,anggota,keluarga,intervensi,kkbpk,penduduk,profil,nilai,peringatan}'::text[])
			                     WITH ORDINALITY AS u(t, i)
			UNION ALL
			SELECT c.relname::text, 100 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
			 WHERE c.relnamespace = 'kkb'::regnamespace AND c.relkind IN ('r', 'p') AND a.attname = 'kode_desa' AND NOT a.attisdropped
			   AND c.relname NOT IN ('periode_status', 'pengukuran', 'peristiwa', 'anggota', 'keluarga', 'intervensi', 'kkbpk', 'penduduk',
			                         'profil', 'nilai', 'peringatan', 'kampung', 'audit', 'versi_desa')
			UNION ALL
			SELECT 'kampung', 1000) x
		 ORDER BY x.i, x.t
	LOOP
		-- a table with nothing to delete is not touched, so that an administrator (who may not delete
		-- approval states) can remove generated data, which has none
		EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM kkb.%I x WHERE x.kode_desa OPERATOR(kkb.<@) $1)', v_tabel)
			INTO v_ada USING hasilkan_hapus.wilayah;
		v_n := 0;
		IF v_ada THEN
			EXECUTE pg_catalog.format('DELETE FROM kkb.%I x WHERE x.kode_desa OPERATOR(kkb.<@) $1', v_tabel) USING hasilkan_hapus.wilayah;
			GET DIAGNOSTICS v_n = ROW_COUNT;
		END IF;
		tabel := v_tabel;
		baris := v_n;
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.hasilkan_hapus(kkb.kode_wilayah) IS
	'Delete (hapus) the village data of every village under a region, for reloading kkb.hasilkan: approval states, measurements, events, members, families, interventions, reports, profiles, entered values, warnings and the Kampung KB itself (whether generated or entered; the audit trail keeps the deleted rows). Returns the rows deleted per table.';

-- The generator writes a whole region at once: administrators only.
REVOKE EXECUTE ON FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION kkb.hasilkan_hapus(kkb.kode_wilayah) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date) TO kkb_admin;
GRANT EXECUTE ON FUNCTION kkb.hasilkan_hapus(kkb.kode_wilayah) TO kkb_admin;

-- ---- 55_statistik.sql ----
-- 55_statistik.sql - planner statistics of the by-name tables, refreshed when
-- they are far out of date.
--
-- A village's first big upload (a new deployment's first month's end, a
-- village returning after days offline) can make kkb.keluarga, kkb.anggota or
-- kkb.pengukuran many times larger than their statistics say; until
-- autovacuum's ANALYZE (up to a minute or more later) the planner then picks
-- nested loops that make a village profile 10 to 100 times slower.  The bulk
-- sync calls this after a big batch: it analyses a table only
-- when the rows changed since its last ANALYZE exceed both 1,000 and the rows
-- the statistics know (the table at least doubled), so it almost never runs.
-- It never waits: a table whose ANALYZE lock is taken (autovacuum is at it) is
-- left alone.  The generator, which knows it just wrote a region, forces it.
CREATE FUNCTION kkb.segarkan_statistik(paksa boolean DEFAULT false) RETURNS text[]
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp SET lock_timeout = '50ms' AS $f$
DECLARE
	t record;
	hasil text[] := '{}';
BEGIN
	FOR t IN
		SELECT c.relname::text AS nama
		  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
		 WHERE c.relnamespace = 'kkb'::regnamespace AND c.relname IN ('keluarga', 'anggota', 'pengukuran', 'peristiwa')
		   AND (segarkan_statistik.paksa OR s.n_mod_since_analyze > GREATEST(1000, c.reltuples))
		 ORDER BY 1
	LOOP
		BEGIN
			EXECUTE pg_catalog.format('ANALYZE kkb.%I', t.nama);
			hasil := hasil || t.nama;
		EXCEPTION WHEN lock_not_available THEN
			NULL;				-- being analysed or vacuumed already
		END;
	END LOOP;
	RETURN hasil;
END $f$;
COMMENT ON FUNCTION kkb.segarkan_statistik(boolean) IS
	'Refresh (segarkan) the planner statistics of the by-name tables whose rows changed since their last ANALYZE exceed 1,000 and the rows the statistics know; never waits for a lock; paksa (force): all four. Returns the tables analysed. Called after bulk writes (gateway sync; kkb.hasilkan with paksa).';
REVOKE EXECUTE ON FUNCTION kkb.segarkan_statistik(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.segarkan_statistik(boolean) TO kkb_admin, kkb_pokja;

-- ---- 60_token.sql ----
-- 60_token.sql - bearer tokens of the REST gateway (kkb-gateway).
--
-- A token is a random string handed out once by kkb.token_buat; only its
-- SHA-256 is stored, so a copy of the table does not let anyone in.  Each token
-- carries the working role the gateway switches to (SET LOCAL ROLE), the region
-- scope it puts in the setting kkb.wilayah (row-level security reads it), the
-- agency (OPD) of an agency token and a label that names the holder in logs and
-- in the audit trail (setting kkb.pengguna).
--
-- Who may do what:
--   kkb_admin (and superusers)  create tokens (kkb.token_buat), revoke them (kkb.token_cabut),
--                               list them without their hashes (SELECT on the other columns)
--   kkb_gateway                 look a hash up (kkb.token_periksa), nothing else
-- The gateway caches a verified token for a short time (30 s by default), so a
-- revocation takes effect at the gateway within that time.

CREATE TABLE kkb.token (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hash           bytea NOT NULL UNIQUE CHECK (pg_catalog.octet_length(hash) = 32),
	peran          text NOT NULL CHECK (peran IN ('kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi')),
	wilayah        kkb.kode_wilayah REFERENCES kkb.wilayah (kode),
	opd            text REFERENCES kkb.opd (kode),
	label          text NOT NULL CHECK (label ~ '\S' AND pg_catalog.octet_length(label) <= 200),
	dibuat         timestamptz NOT NULL DEFAULT pg_catalog.now(),
	dibuat_oleh    text NOT NULL DEFAULT SESSION_USER,
	berlaku_sampai timestamptz,
	dicabut        timestamptz,
	CHECK (wilayah IS NOT NULL OR peran IN ('kkb_admin', 'kkb_analis')),
	CHECK (opd IS NULL OR peran = 'kkb_opd')
);
COMMENT ON TABLE kkb.token IS 'Bearer tokens of the REST gateway: only the SHA-256 of each token is stored (create with kkb.token_buat, revoke with kkb.token_cabut)';
COMMENT ON COLUMN kkb.token.id IS 'Token number';
COMMENT ON COLUMN kkb.token.hash IS 'SHA-256 of the token text (the token itself is never stored)';
COMMENT ON COLUMN kkb.token.peran IS 'Working role the gateway switches to: kkb_admin, kkb_pokja, kkb_opd, kkb_analis or kkb_provinsi';
COMMENT ON COLUMN kkb.token.wilayah IS 'Region scope (lingkup) put in the setting kkb.wilayah, e.g. 13.77.01.1001 for a village pokja; NULL (no scope) only for kkb_admin and kkb_analis';
COMMENT ON COLUMN kkb.token.opd IS 'Agency (kkb.opd) of an agency token; NULL for other roles';
COMMENT ON COLUMN kkb.token.label IS 'Who holds the token, e.g. Pokja Karan Aur: shown in the gateway''s log and recorded as the application user (kkb.pengguna) in the audit trail; at most 200 bytes';
COMMENT ON COLUMN kkb.token.dibuat IS 'Created at';
COMMENT ON COLUMN kkb.token.dibuat_oleh IS 'Database user who created the token';
COMMENT ON COLUMN kkb.token.berlaku_sampai IS 'Valid until (berlaku sampai); NULL = no expiry';
COMMENT ON COLUMN kkb.token.dicabut IS 'Revoked at (dicabut); NULL = not revoked';

REVOKE ALL ON kkb.token FROM PUBLIC;
GRANT SELECT (id, peran, wilayah, opd, label, dibuat, dibuat_oleh, berlaku_sampai, dicabut) ON kkb.token TO kkb_admin;

-- kkb.token_buat: create a token and return its text, the only time it is ever shown.
-- Raises 22023 for an unknown role, a missing scope, an agency on a non-agency
-- token or an expiry in the past; 23503 for an unknown region or agency.
CREATE FUNCTION kkb.token_buat(peran text, wilayah kkb.kode_wilayah, label text, opd text DEFAULT NULL,
                               berlaku_sampai timestamptz DEFAULT NULL) RETURNS text
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	teks text;
BEGIN
	IF token_buat.peran IS NULL OR token_buat.peran NOT IN ('kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi') THEN
		RAISE EXCEPTION 'unknown token role "%"', token_buat.peran
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = 'A token is for one of the working roles kkb_admin, kkb_pokja, kkb_opd, kkb_analis or kkb_provinsi.';
	END IF;
	IF token_buat.wilayah IS NULL AND token_buat.peran IN ('kkb_pokja', 'kkb_opd', 'kkb_provinsi') THEN
		RAISE EXCEPTION 'a % token needs a region scope (wilayah)', token_buat.peran
			USING ERRCODE = 'invalid_parameter_value',
			      DETAIL = 'Row-level security shows a village pokja or an agency only the villages under its scope.',
			      HINT = 'Give a village code for a pokja (e.g. 13.77.01.1001) or a city code for an agency (e.g. 13.77).';
	END IF;
	IF token_buat.peran = 'kkb_pokja' AND kkb.tingkat(token_buat.wilayah) <> 4 THEN
		RAISE EXCEPTION 'a kkb_pokja token is for one village, not region %', token_buat.wilayah
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = 'Give the village code (e.g. 13.77.01.1001); an agency or the city uses a kkb_opd or kkb_admin token.';
	END IF;
	IF token_buat.peran = 'kkb_provinsi' AND kkb.tingkat(token_buat.wilayah) > 2 THEN
		RAISE EXCEPTION 'a kkb_provinsi token is for a province or a regency/city, not region %', token_buat.wilayah
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Give a province code (e.g. 13) or a regency/city code (e.g. 13.77).';
	END IF;
	IF token_buat.opd IS NOT NULL AND token_buat.peran <> 'kkb_opd' THEN
		RAISE EXCEPTION 'only a kkb_opd token names an agency, not a % token', token_buat.peran
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF token_buat.label IS NULL OR token_buat.label !~ '\S' THEN
		RAISE EXCEPTION 'a token needs a label naming its holder'
			USING ERRCODE = 'invalid_parameter_value', HINT = 'E.g. Pokja Karan Aur; the label appears in logs and in the audit trail.';
	END IF;
	IF token_buat.berlaku_sampai IS NOT NULL AND token_buat.berlaku_sampai <= pg_catalog.now() THEN
		RAISE EXCEPTION 'the expiry % is not in the future', token_buat.berlaku_sampai
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- 244 random bits from the server's strong random source (two version-4 UUIDs), as 64 hex digits
	teks := 'kkb_' || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '')
	               || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '');
	INSERT INTO kkb.token (hash, peran, wilayah, opd, label, berlaku_sampai)
	VALUES (pg_catalog.sha256(pg_catalog.convert_to(teks, 'UTF8')), token_buat.peran, token_buat.wilayah, token_buat.opd,
	        token_buat.label, token_buat.berlaku_sampai);
	RETURN teks;
END $f$;
COMMENT ON FUNCTION kkb.token_buat(text, kkb.kode_wilayah, text, text, timestamptz) IS
	'Create a gateway bearer token (buat = make) for a role, region scope, label and optionally an agency and an expiry; returns the token text (kkb_ and 64 hex digits), which is shown only this once: only its SHA-256 is stored. Administrators only.';

-- kkb.token_cabut: revoke every live token with this label; returns how many.
CREATE FUNCTION kkb.token_cabut(label text) RETURNS integer
	LANGUAGE sql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp
BEGIN ATOMIC
	WITH c AS (
		UPDATE kkb.token t SET dicabut = pg_catalog.now()
		 WHERE t.label = token_cabut.label AND t.dicabut IS NULL
		RETURNING 1
	)
	SELECT pg_catalog.count(*)::integer FROM c;
END;
COMMENT ON FUNCTION kkb.token_cabut(text) IS
	'Revoke (cabut) every not yet revoked token with this label; returns how many were revoked. The gateway honours it within its token cache time (30 s by default). Administrators only.';

-- kkb.token_periksa: what the gateway needs to know about a token, by hash.
-- Returns the row whatever its state (the gateway refuses expired and revoked
-- tokens itself, and can say why); no row for an unknown hash.
CREATE FUNCTION kkb.token_periksa(hash bytea)
	RETURNS TABLE (peran text, wilayah kkb.kode_wilayah, opd text, label text, berlaku_sampai timestamptz, dicabut timestamptz)
	LANGUAGE sql STABLE STRICT SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp
BEGIN ATOMIC
	SELECT t.peran, t.wilayah, t.opd, t.label, t.berlaku_sampai, t.dicabut
	  FROM kkb.token t WHERE t.hash = token_periksa.hash;
END;
COMMENT ON FUNCTION kkb.token_periksa(bytea) IS
	'For the gateway: role, scope, agency, label, expiry and revocation time of the token with this SHA-256 (periksa = check); no row when unknown. Only kkb_gateway may call it.';

REVOKE ALL ON FUNCTION kkb.token_buat(text, kkb.kode_wilayah, text, text, timestamptz), kkb.token_cabut(text),
	kkb.token_periksa(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.token_buat(text, kkb.kode_wilayah, text, text, timestamptz), kkb.token_cabut(text) TO kkb_admin;
GRANT EXECUTE ON FUNCTION kkb.token_periksa(bytea) TO kkb_gateway;

-- ---- 90_dump.sql ----
-- 90_dump.sql - pg_dump must keep the data.  Rows of an extension's tables are
-- left out of a dump unless the table is marked as configuration; these hold
-- the villages' data (not seeded by this script), so all their rows are dumped,
-- with the sequences behind their identity columns.  (One statement per table:
-- each call rewrites the extension's catalog row.)

SELECT pg_catalog.pg_extension_config_dump('kkb.kampung', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.profil', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.penduduk', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.kkbpk', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.intervensi', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.nilai', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.periode_status', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.keluarga', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.anggota', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.pengukuran', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.peristiwa', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.peringatan', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.audit', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.token', '');
-- change counters (49_versi.sql); kkb.versi_acuan is re-created by CREATE EXTENSION
SELECT pg_catalog.pg_extension_config_dump('kkb.versi_desa', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.versi_seq', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.intervensi', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.peristiwa', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.peringatan', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.audit', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.token', 'id')::regclass, '');

-- ---- 95_hak.sql ----
-- 95_hak.sql - execute rights, last, once every function exists.  Functions are
-- executable by PUBLIC by default; the internal ones that only triggers or the
-- extension itself should run are not.  (Triggers fire whatever the rights on
-- their function; a trigger function is still callable to attach it to a table
-- of one's own, which the SECURITY DEFINER ones must never allow.)

REVOKE EXECUTE ON FUNCTION kkb._audit(), kkb._peringatan(), kkb._kunci_periode(), kkb._validasi(), kkb._cek_opd(),
	kkb._pengukuran_anak(), kkb._alur_periode(), kkb._cek_aturan(), kkb._cek_masalah(), kkb._wilayah_data(), kkb._versi()
	FROM PUBLIC;
-- aggregate counts from by-name records: for the working roles (the function checks the scope itself)
REVOKE EXECUTE ON FUNCTION kkb._nilai_individu(kkb.kode_wilayah, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb._nilai_individu(kkb.kode_wilayah, date) TO kkb_admin, kkb_pokja, kkb_opd;

-- 16_ketat.sql - strict reading of the numbers, dates and times a client
-- writes (ketat = strict), for JSON bodies and CSV cells alike.
--
-- PostgreSQL's input functions are lenient: float8in reads '0x10' (16, through
-- the C library's strtod), 'inf', 'NaN', '1e3' and surrounding spaces; int4in
-- and numeric_in skip spaces; date_in reads 'today', 'epoch', 'J2461000',
-- '20261001' and drops a time zone ('2026-10-01+07').  Before the values of a
-- body reach a table (the bulk sync kkb.api_sinkron, the single-record writes
-- of 70_api.sql), each value of a number, date or time column is checked here:
--   whole numbers (smallint, integer, bigint)   a JSON number, or a string of
--                 ASCII digits with an optional sign: 12, -3, +7
--   numbers (numeric, real, double precision)   a JSON number, or a string of
--                 ASCII digits with an optional sign and fraction: 8.5, -0.25
--                 - no hex, exponent, inf/NaN, spaces, thousands separators,
--                 decimal comma, leading or trailing point;
--   dates         a string YYYY-MM-DD that is a day of the calendar (year
--                 0001 to 9999) - no JSON number, no time zone, no words;
--   timestamps    timestamptz: YYYY-MM-DDTHH:MM[:SS[.ffffff]] with Z or an
--                 explicit offset +HH:MM / -HH:MM (converted by PostgreSQL to
--                 the instant it names); timestamp without time zone: the
--                 same without an offset.
-- (JSON's own number syntax is JSON's: 1e3 sent as a JSON number is the number
-- 1000; as a string or a CSV cell it is refused.)  The identifier types
-- (kkb.nik, kkb.no_kk, kkb.kode_wilayah; not a row's kode_desa, which the bulk
-- sync checks against its path) are checked by their own parsers without
-- raising, so that a batch of bad identifiers is refused set-based with the
-- column named and the input function's message; single-record writes leave
-- them to the input function (its detail and hint).  Columns of other types -
-- text, booleans, enums - are read as before.
-- A refused value is 22P02 (a number), 22007 (the form of a date or time) or
-- 22008 (no such day or time), with a message naming the column and the value
-- (the registry's KKB-ANGKA-TIDAK-SAH, KKB-BILANGAN-BULAT-TIDAK-SAH,
-- KKB-TANGGAL-FORMAT, KKB-WAKTU-FORMAT and KKB-TANGGAL-TIDAK-ADA).
-- Functions only (replayed by the upgrade, 16_ketat.replay); no search_path of
-- their own, so that the planner can inline the value check into the bulk
-- sync's statements: every name is qualified.

-- The kind of check a column type gets: i whole number, n number, d date,
-- z timestamptz, t timestamp, k nik, x no_kk, w kode_wilayah; NULL for any other type.  Domains are followed
-- to their base type.
CREATE FUNCTION kkb._ketat_jenis(tipe oid) RETURNS "char"
	LANGUAGE sql STABLE PARALLEL SAFE AS $f$
	WITH RECURSIVE t(oid, dasar, nama, ruang, n) AS (
		SELECT y.oid, y.typbasetype, y.typname, y.typnamespace, 0 FROM pg_catalog.pg_type y WHERE y.oid = tipe
		UNION ALL
		SELECT y.oid, y.typbasetype, y.typname, y.typnamespace, t.n + 1
		  FROM t JOIN pg_catalog.pg_type y ON y.oid = t.dasar WHERE t.dasar <> 0 AND t.n < 16)
	SELECT CASE WHEN t.ruang = 'pg_catalog'::pg_catalog.regnamespace THEN
	            CASE t.nama::text WHEN 'int2' THEN 'i' WHEN 'int4' THEN 'i' WHEN 'int8' THEN 'i'
	                              WHEN 'numeric' THEN 'n' WHEN 'float4' THEN 'n' WHEN 'float8' THEN 'n'
	                              WHEN 'date' THEN 'd' WHEN 'timestamptz' THEN 'z' WHEN 'timestamp' THEN 't' END
	            WHEN t.ruang = 'kkb'::pg_catalog.regnamespace THEN
	            CASE t.nama::text WHEN 'nik' THEN 'k' WHEN 'no_kk' THEN 'x' WHEN 'kode_wilayah' THEN 'w' END END::"char"
	  FROM t WHERE t.dasar = 0
$f$;
COMMENT ON FUNCTION kkb._ketat_jenis(oid) IS
	'Internal: how strictly a value of a column type is read (i whole number, n decimal number, d date YYYY-MM-DD, z timestamptz with an offset, t timestamp without one, k nik, x no_kk, w kode_wilayah; NULL: as the type reads it), domains followed to their base type';

-- An identifier (kind k, x or w): NULL when its type reads it, else the SQLSTATE its input function raises.
CREATE FUNCTION kkb._ketat_ident(s text, jenis "char") RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_ident_galat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb._ketat_ident(text, "char") IS
	'Internal: NULL when s is a valid nik (jenis k), no_kk (x) or kode_wilayah (w), else the SQLSTATE the type''s input function raises for it (22P02, 22003, 22P03)';

-- A date or time string: NULL when it is one, else 22007 (its form) or 22008 (no such day or time).
-- In C (core/ketat.c): as a regular expression in SQL it cost 55 µs a value, half of a poison batch's time.
CREATE FUNCTION kkb._ketat_waktu(s text, jenis "char") RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_ketat_waktu_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb._ketat_waktu(text, "char") IS
	'Internal: NULL when s is a date YYYY-MM-DD (jenis d), a timestamp YYYY-MM-DDTHH:MM[:SS[.f]] (t) or one with Z or an offset +HH:MM (z); else 22007 (its form) or 22008 (no such day or time)';

-- One value of a body, for a column of check kind jenis (kkb._ketat_jenis): NULL when it may be
-- read, else the SQLSTATE of its refusal (22P02 a number, 22007 a date or time's form, 22008 no
-- such day or time).  null, objects and arrays are left to the other checks.
CREATE FUNCTION kkb._ketat_galat(v jsonb, jenis "char") RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
	SELECT CASE WHEN jenis IS NULL OR v IS NULL OR pg_catalog.jsonb_typeof(v) IN ('null', 'object', 'array') THEN NULL
	            WHEN jenis IN ('k', 'x', 'w') THEN kkb._ketat_ident(v #>> '{}', jenis)
	            WHEN jenis = 'i' THEN
	                 CASE WHEN pg_catalog.jsonb_typeof(v) = 'number' THEN
	                           CASE WHEN v::text !~ '^-?[0-9]+$' THEN '22P02' END
	                      WHEN pg_catalog.jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '^[+-]?[0-9]+$' THEN NULL
	                      ELSE '22P02' END
	            WHEN jenis = 'n' THEN
	                 CASE WHEN pg_catalog.jsonb_typeof(v) = 'number' THEN NULL
	                      WHEN pg_catalog.jsonb_typeof(v) = 'string' AND (v #>> '{}') ~ '^[+-]?[0-9]+(\.[0-9]+)?$' THEN NULL
	                      ELSE '22P02' END
	            WHEN pg_catalog.jsonb_typeof(v) <> 'string' THEN '22007'
	            ELSE kkb._ketat_waktu(v #>> '{}', jenis) END
$f$;
COMMENT ON FUNCTION kkb._ketat_galat(jsonb, "char") IS
	'Internal: NULL when a JSON value may be read as a column of check kind jenis (kkb._ketat_jenis) - decimal digits only for numbers, YYYY-MM-DD for dates, ISO 8601 for times - else the SQLSTATE of its refusal (22P02, 22007 or 22008)';

-- The columns of table rel that get a check, as {column: [position, kind]} (kinds of kkb._ketat_jenis).
CREATE FUNCTION kkb._ketat_peta(rel regclass) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE AS $f$
	SELECT coalesce(pg_catalog.jsonb_object_agg(a.attname, pg_catalog.jsonb_build_array(a.attnum, j.jenis)), '{}')
	  FROM pg_catalog.pg_attribute a CROSS JOIN LATERAL (SELECT kkb._ketat_jenis(a.atttypid) AS jenis) j
	 WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped AND j.jenis IS NOT NULL AND a.attname <> 'kode_desa'
$f$;
COMMENT ON FUNCTION kkb._ketat_peta(regclass) IS
	'Internal: the columns of a table whose values are read strictly, as {column: [attnum, kind]} (kinds of kkb._ketat_jenis)';

-- The first value of a row object (in column order) that its column (peta: kkb._ketat_peta) may
-- not read strictly: (sqlstate, kolom, pesan), or no row.
CREATE FUNCTION kkb._ketat_baris(peta jsonb, j jsonb, OUT sqlstate text, OUT kolom text, OUT pesan text)
	RETURNS SETOF record
	LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1 AS $f$
	SELECT g.st, w.k,
	       CASE WHEN g.jenis IN ('k', 'x', 'w') THEN
	            pg_catalog.format('invalid input syntax for type %s: "%s"',
	                              CASE g.jenis WHEN 'k' THEN 'nik' WHEN 'x' THEN 'no_kk' ELSE 'kode_wilayah' END, w.v #>> '{}') ELSE
	       pg_catalog.format('column "%s": "%s" %s', w.k,
	                         pg_catalog.left(w.v #>> '{}', 64) || CASE WHEN pg_catalog.length(w.v #>> '{}') > 64 THEN '...' ELSE '' END,
	                         CASE WHEN g.st = '22008' THEN 'is not a day of the calendar'
	                              WHEN g.jenis = 'i' THEN 'is not a whole number'
	                              WHEN g.jenis = 'n' THEN 'is not a decimal number'
	                              WHEN g.jenis = 'd' THEN 'is not a date YYYY-MM-DD'
	                              WHEN g.jenis = 'z' THEN 'is not a timestamp YYYY-MM-DDTHH:MM:SS with Z or an offset +HH:MM'
	                              ELSE 'is not a timestamp YYYY-MM-DDTHH:MM:SS' END) END
	  FROM pg_catalog.jsonb_each(CASE WHEN pg_catalog.jsonb_typeof(j) = 'object' THEN j ELSE '{}' END) w(k, v)
	 CROSS JOIN LATERAL (SELECT (peta -> w.k ->> 1)::"char" AS jenis, (peta -> w.k ->> 0)::integer AS urut) t
	 CROSS JOIN LATERAL (SELECT t.jenis, kkb._ketat_galat(w.v, t.jenis) AS st) g
	 WHERE t.jenis IS NOT NULL AND g.st IS NOT NULL
	 ORDER BY t.urut LIMIT 1
$f$;
COMMENT ON FUNCTION kkb._ketat_baris(jsonb, jsonb) IS
	'Internal: the first value of a JSON row object that its column (peta: kkb._ketat_peta) may not read strictly (kkb._ketat_galat), as (sqlstate, kolom, pesan); no row when every value may be read';

-- The same, raised: a body with such a value is refused naming the column and the value.
CREATE FUNCTION kkb._ketat_periksa(rel regclass, j jsonb) RETURNS void
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	g record;
BEGIN
	-- (identifiers are left to their input function, which says what is wrong in its detail and hint)
	SELECT * INTO g FROM kkb._ketat_baris((SELECT coalesce(pg_catalog.jsonb_object_agg(p.k, p.v), '{}')
	                                         FROM pg_catalog.jsonb_each(kkb._ketat_peta(rel)) p(k, v)
	                                        WHERE p.v ->> 1 NOT IN ('k', 'x', 'w')), j);
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = g.sqlstate, MESSAGE = g.pesan, COLUMN = g.kolom,
			TABLE = (SELECT c.relname::text FROM pg_catalog.pg_class c WHERE c.oid = rel),
			HINT = CASE WHEN g.sqlstate = '22P02' THEN 'Write a decimal number with a point, e.g. 12 or 8.5.'
			            ELSE 'Write a date as YYYY-MM-DD, e.g. 2026-10-05.' END;
	END IF;
END $f$;
COMMENT ON FUNCTION kkb._ketat_periksa(regclass, jsonb) IS
	'Internal: raises 22P02/22007/22008 naming the column and the value when a JSON row object holds a value its column of table rel may not read strictly (kkb._ketat_peta, kkb._ketat_baris)';

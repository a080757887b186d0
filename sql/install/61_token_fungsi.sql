-- 61_token_fungsi.sql - the functions over kkb.token (60_token.sql): create,
-- revoke and check tokens.  Functions only, so that an upgrade replays it.

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
	-- an administrator with a scope (a city's admin token) hands out tokens within that scope only
	IF kkb.lingkup() IS NOT NULL AND (token_buat.wilayah IS NULL OR NOT token_buat.wilayah OPERATOR(kkb.<@) kkb.lingkup()) THEN
		RAISE EXCEPTION 'region % is outside your scope %', coalesce(token_buat.wilayah::text, '(none: national)'), kkb.lingkup()
			USING ERRCODE = 'insufficient_privilege',
			      DETAIL = 'An administrator whose token has a region scope can create tokens for that region only.',
			      HINT = pg_catalog.format('Give a region within %s.', kkb.lingkup());
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

-- kkb.token_cabut: revoke every live token with this label within the caller's
-- scope (an administrator with a region scope revokes its region's tokens
-- only, as kkb.token_cabut_id); returns how many.
CREATE FUNCTION kkb.token_cabut(label text) RETURNS integer
	LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil integer;
BEGIN
	WITH c AS (
		UPDATE kkb.token t SET dicabut = pg_catalog.now()
		 WHERE t.label = token_cabut.label AND t.dicabut IS NULL
		   AND (kkb.lingkup() IS NULL OR (t.wilayah IS NOT NULL AND t.wilayah OPERATOR(kkb.<@) kkb.lingkup()))
		RETURNING 1
	)
	SELECT pg_catalog.count(*)::integer FROM c
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.token_cabut(text) IS
	'Revoke (cabut) every not yet revoked token with this label within the caller''s region scope; returns how many were revoked. The gateway honours it within its token cache time (30 s by default). Administrators only.';

-- kkb.token_cabut_id: revoke one token by its number, within the caller's scope.
CREATE FUNCTION kkb.token_cabut_id(id bigint) RETURNS boolean
	LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	-- an administrator with a scope revokes tokens within it only; a revoked token stays revoked (true again).
	-- (now() in SET alone, not inside coalesce: Citus refuses a non-immutable function in a CASE or
	-- COALESCE of a modification of a reference table)
	UPDATE kkb.token t SET dicabut = pg_catalog.now()
	 WHERE t.id = token_cabut_id.id AND t.dicabut IS NULL
	   AND (kkb.lingkup() IS NULL OR (t.wilayah IS NOT NULL AND t.wilayah OPERATOR(kkb.<@) kkb.lingkup()));
	RETURN EXISTS (SELECT 1 FROM kkb.token t
	                WHERE t.id = token_cabut_id.id
	                  AND (kkb.lingkup() IS NULL OR (t.wilayah IS NOT NULL AND t.wilayah OPERATOR(kkb.<@) kkb.lingkup())));
END $f$;
COMMENT ON FUNCTION kkb.token_cabut_id(bigint) IS
	'Revoke (cabut) the token with this number (e.g. a device of GET /v1/perangkat); true when it exists within the caller''s scope (revoked now or before), false otherwise. The gateway honours it within its token cache time (30 s by default). Administrators only.';

-- kkb.token_periksa: what the gateway needs to know about a token, by hash.
-- Returns the row whatever its state (the gateway refuses expired and revoked
-- tokens itself, and can say why); no row for an unknown hash.
CREATE FUNCTION kkb.token_periksa(hash bytea)
	RETURNS TABLE (peran text, wilayah kkb.kode_wilayah, opd text, label text, berlaku_sampai timestamptz, dicabut timestamptz,
	               perangkat bytea)
	LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR peran, wilayah, opd, label, berlaku_sampai, dicabut, perangkat IN
	SELECT t.peran, t.wilayah, t.opd, t.label, t.berlaku_sampai, t.dicabut, t.perangkat
	  FROM kkb.token t WHERE t.hash = token_periksa.hash
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.token_periksa(bytea) IS
	'For the gateway: role, scope, agency, label, expiry, revocation time and device key hash (perangkat) of the token with this SHA-256 (periksa = check); no row when unknown. Only kkb_gateway may call it.';

REVOKE ALL ON FUNCTION kkb.token_buat(text, kkb.kode_wilayah, text, text, timestamptz), kkb.token_cabut(text),
	kkb.token_cabut_id(bigint), kkb.token_periksa(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.token_buat(text, kkb.kode_wilayah, text, text, timestamptz), kkb.token_cabut(text),
	kkb.token_cabut_id(bigint) TO kkb_admin;
GRANT EXECUTE ON FUNCTION kkb.token_periksa(bytea) TO kkb_gateway;

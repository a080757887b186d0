-- 34_lingkup_login.sql - a region scope bound to a direct SQL login.
--
-- The gateway gives each request its token's scope (the setting kkb.wilayah,
-- which only the gateway's login may set).  A city's analyst, agency or pokja
-- that logs in to PostgreSQL directly - psql, a BI tool - cannot set a scope
-- itself; an administrator binds one to the login instead:
--     CREATE ROLE analis_kota LOGIN PASSWORD '...';
--     GRANT kkb_analis TO analis_kota;
--     SELECT kkb.lingkup_login_atur('analis_kota', '13.77');
-- and kkb.lingkup() then answers 13.77 in that login's sessions, so row-level
-- security, the reporting functions and the kkb_bi views keep it to Kota
-- Pariaman.  A login without a binding has no scope: an administrator or an
-- analyst then sees every village (as a national token does), any other role
-- none (its reporting calls are refused with 42501).

COMMENT ON FUNCTION kkb.lingkup() IS 'The caller''s region scope (lingkup): the setting kkb.wilayah in the gateway''s (or a superuser''s) session; in a direct login''s session the scope bound to it in kkb.lingkup_login; else NULL. 42501 when kkb.wilayah is set in a session that is not the gateway''s login (a member of kkb_gateway) or a superuser''s';

CREATE TABLE kkb.lingkup_login (
	peran    name PRIMARY KEY,
	wilayah  kkb.kode_wilayah,
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now(),
	diubah_oleh name NOT NULL DEFAULT SESSION_USER
);
COMMENT ON TABLE kkb.lingkup_login IS 'Region scope bound to a direct SQL login (a role that logs in without the gateway); set with kkb.lingkup_login_atur';
COMMENT ON COLUMN kkb.lingkup_login.peran IS 'The login role''s name';
COMMENT ON COLUMN kkb.lingkup_login.wilayah IS 'Its region scope, e.g. 13.77 (Kota Pariaman); NULL: every village (administrators and analysts only)';
COMMENT ON COLUMN kkb.lingkup_login.diubah_pada IS 'When the binding was last set';
COMMENT ON COLUMN kkb.lingkup_login.diubah_oleh IS 'The session user who set it';
-- each login may read its own binding (kkb.lingkup() reads it as the caller);
-- administrators read all
ALTER TABLE kkb.lingkup_login ENABLE ROW LEVEL SECURITY;
CREATE POLICY sendiri ON kkb.lingkup_login FOR SELECT USING (peran = SESSION_USER);
GRANT SELECT ON kkb.lingkup_login TO PUBLIC;

-- Bind (or change) the scope of a login.  An administrator with a scope binds
-- only within it; a national scope (NULL) only for administrators and analysts.
CREATE FUNCTION kkb.lingkup_login_atur(peran name, wilayah kkb.kode_wilayah) RETURNS kkb.lingkup_login
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	saya kkb.kode_wilayah := kkb.lingkup();
	baris kkb.lingkup_login;
	v_waktu timestamptz := pg_catalog.now();
	v_sesi name := SESSION_USER;
BEGIN
	IF NOT pg_catalog.pg_has_role(kkb._peran(), 'kkb_admin', 'USAGE') THEN
		RAISE EXCEPTION 'only an administrator binds a region scope to a login'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF lingkup_login_atur.peran IS NULL OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = lingkup_login_atur.peran) THEN
		RAISE EXCEPTION 'role "%" does not exist', lingkup_login_atur.peran
			USING ERRCODE = 'undefined_object', HINT = 'Create the login first: CREATE ROLE name LOGIN; GRANT kkb_analis TO name;';
	END IF;
	IF lingkup_login_atur.wilayah IS NOT NULL AND NOT kkb.wilayah_ada(lingkup_login_atur.wilayah) THEN
		RAISE EXCEPTION 'region % does not exist', lingkup_login_atur.wilayah
			USING ERRCODE = 'foreign_key_violation', HINT = 'Give a code of kkb.wilayah, e.g. 13.77.';
	END IF;
	IF saya IS NOT NULL AND (lingkup_login_atur.wilayah IS NULL OR NOT lingkup_login_atur.wilayah OPERATOR(kkb.<@) saya) THEN
		RAISE EXCEPTION 'region % is outside your scope %', coalesce(lingkup_login_atur.wilayah::text, '(none: national)'), saya
			USING ERRCODE = 'insufficient_privilege', HINT = pg_catalog.format('Give a region within %s.', saya);
	END IF;
	IF lingkup_login_atur.wilayah IS NULL
	   AND NOT (pg_catalog.pg_has_role(lingkup_login_atur.peran, 'kkb_admin', 'USAGE')
	            OR pg_catalog.pg_has_role(lingkup_login_atur.peran, 'kkb_analis', 'USAGE')) THEN
		RAISE EXCEPTION 'a national scope (NULL) is for administrators and analysts only, not for "%"', lingkup_login_atur.peran
			USING ERRCODE = 'check_violation', HINT = 'Give the login its region, e.g. 13.77.';
	END IF;
	-- the time and session as values (Citus plans no volatile function in ON CONFLICT on a reference table)
	INSERT INTO kkb.lingkup_login AS l (peran, wilayah, diubah_pada, diubah_oleh)
	VALUES (lingkup_login_atur.peran, lingkup_login_atur.wilayah, v_waktu, v_sesi)
	ON CONFLICT ON CONSTRAINT lingkup_login_pkey
	DO UPDATE SET wilayah = EXCLUDED.wilayah, diubah_pada = EXCLUDED.diubah_pada, diubah_oleh = EXCLUDED.diubah_oleh
	RETURNING l.* INTO baris;
	RETURN baris;
END $f$;
COMMENT ON FUNCTION kkb.lingkup_login_atur(name, kkb.kode_wilayah) IS
	'Bind a region scope to a direct SQL login (administrators; within their own scope); NULL = every village, for administrator and analyst logins only';

CREATE FUNCTION kkb.lingkup_login_hapus(peran name) RETURNS boolean
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	saya kkb.kode_wilayah := kkb.lingkup();
BEGIN
	IF NOT pg_catalog.pg_has_role(kkb._peran(), 'kkb_admin', 'USAGE') THEN
		RAISE EXCEPTION 'only an administrator removes a login''s region scope'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	DELETE FROM kkb.lingkup_login l
	 WHERE l.peran = lingkup_login_hapus.peran
	   AND (saya IS NULL OR (l.wilayah IS NOT NULL AND l.wilayah OPERATOR(kkb.<@) saya));
	RETURN FOUND;
END $f$;
COMMENT ON FUNCTION kkb.lingkup_login_hapus(name) IS
	'Remove the region scope bound to a login (administrators; within their own scope); true when one was removed';
REVOKE EXECUTE ON FUNCTION kkb.lingkup_login_atur(name, kkb.kode_wilayah), kkb.lingkup_login_hapus(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.lingkup_login_atur(name, kkb.kode_wilayah), kkb.lingkup_login_hapus(name) TO kkb_admin;

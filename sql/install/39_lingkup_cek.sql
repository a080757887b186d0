-- 39_lingkup_cek.sql - one gate for the reporting functions: every role gets
-- the same figure or an error (42501), never a partial one.
--
-- The reporting functions (kkb.profil_desa, kkb.kelengkapan, kkb.klasifikasi,
-- kkb.klasifikasi_wilayah, kkb.periksa, kkb.prioritas_intervensi,
-- kkb.ringkasan_desa, ...) count and classify; several of them run with their
-- owner's rights so that a role allowed to see a village's figures but not its
-- rows (an analyst, a province's portal, an agency) gets the figures.  Row-level
-- security therefore no longer narrows what they read: each asks this gate
-- first, and a region the caller may not see as a whole is refused instead of
-- being answered from the part of it the caller happens to see.
CREATE FUNCTION kkb._lingkup_cek(wilayah kkb.kode_wilayah) RETURNS boolean
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	lingkup kkb.kode_wilayah := kkb.lingkup();
	peran text := kkb._peran();
BEGIN
	IF lingkup IS NOT NULL THEN
		IF _lingkup_cek.wilayah IS NULL OR NOT _lingkup_cek.wilayah OPERATOR(kkb.<@) lingkup THEN
			RAISE EXCEPTION 'region % is outside your scope %', coalesce(_lingkup_cek.wilayah::text, '(the whole country)'), lingkup
				USING ERRCODE = 'insufficient_privilege',
				      HINT = pg_catalog.format('Ask about %s or a region within it.', lingkup);
		END IF;
	ELSIF NOT (pg_catalog.pg_has_role(peran, 'kkb_admin', 'USAGE') OR pg_catalog.pg_has_role(peran, 'kkb_analis', 'USAGE')) THEN
		-- a scoped role without its scope sees no village, whatever it asks about
		RAISE EXCEPTION 'no region scope is set for role %', peran
			USING ERRCODE = 'insufficient_privilege',
			      HINT = 'Village, agency and province figures are reached through kkb-gateway, which sets the scope from the token.';
	END IF;
	RETURN true;
END $f$;
COMMENT ON FUNCTION kkb._lingkup_cek(kkb.kode_wilayah) IS
	'Internal: true when the caller may see region `wilayah` (NULL: the whole country) as a whole - within its scope, or without a scope as an administrator or analyst; 42501 otherwise';

-- The agency of the caller's token: the setting kkb.opd, which the gateway sets per request from
-- the verified token; counted only in the gateway's sessions (a member of kkb_gateway) and a
-- superuser's, as kkb.wilayah (a direct login that sets it gets no agency; kkb._sesi_dipercaya).
CREATE FUNCTION kkb._opd() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN CASE WHEN NULLIF(pg_catalog.current_setting('kkb.opd', true), '') IS NOT NULL
	             AND kkb._sesi_dipercaya()
	            THEN pg_catalog.current_setting('kkb.opd', true) END;
COMMENT ON FUNCTION kkb._opd() IS 'Internal: the agency (OPD) of the caller''s token (setting kkb.opd, counted only in the gateway''s and superusers'' sessions); NULL otherwise';

-- Is the caller the health agency: an agency role whose token's agency owns the stunting problem?
-- (PL/pgSQL: kkb.masalah_opd is made after this part.)
CREATE FUNCTION kkb._opd_kesehatan() RETURNS boolean
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	RETURN pg_catalog.pg_has_role(kkb._peran(), 'kkb_opd', 'USAGE')
	       AND EXISTS (SELECT FROM kkb.masalah_opd m WHERE m.kode = 'stunting' AND m.opd = kkb._opd());
END $f$;
COMMENT ON FUNCTION kkb._opd_kesehatan() IS 'Internal: true when the caller is an agency token of the agency that owns the stunting problem in kkb.masalah_opd (the health agency, dinkes)';


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

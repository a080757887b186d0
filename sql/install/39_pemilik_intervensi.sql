-- 39_pemilik_intervensi.sql - who may change an intervention, and its version.
--
-- An intervention belongs to whoever recorded it: the agency (OPD) whose token
-- recorded it (kkb.intervensi.pemilik_opd), or - pemilik_opd NULL - the
-- village's pokja or an administrator.  Its agency changes it (within the
-- agency's scope), the village's pokja changes the village's own, an
-- administrator any within its scope.  The database keeps the rule: the
-- column is set by the trigger below from the caller (never from a request
-- body or a working role's INSERT), and a restrictive row-level security
-- policy lets UPDATE and DELETE reach only the rows the caller may change, for the API
-- (kkb.api_intervensi_ubah) and direct SQL alike.
--
-- The version of a row (versi, sent by the API as the row's `versi` and
-- expected back in If-Match) is its last-change time stamp diubah_pada in
-- microseconds since 1970: every write stamps it with its transaction's start
-- (kkb._validasi), so a change by another request moves it.

-- May the caller change an intervention recorded by `pemilik_opd` (NULL: the
-- village or an administrator)?  The region scope is row-level security's.
CREATE FUNCTION kkb._intervensi_boleh_ubah(pemilik_opd text) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN CASE WHEN pg_catalog.pg_has_role(kkb._peran(), 'kkb_admin', 'USAGE') THEN true
	            WHEN pg_catalog.pg_has_role(kkb._peran(), 'kkb_opd', 'USAGE') THEN pemilik_opd IS NOT NULL AND pemilik_opd = kkb._opd()
	            WHEN pg_catalog.pg_has_role(kkb._peran(), 'kkb_pokja', 'USAGE') THEN pemilik_opd IS NULL
	            ELSE false END;
COMMENT ON FUNCTION kkb._intervensi_boleh_ubah(text) IS
	'Internal: may the caller change an intervention recorded by agency pemilik_opd (NULL: by the village''s pokja or an administrator) - an administrator any, an agency token its own agency''s, a pokja the village''s own';

-- The recording agency: set on INSERT from the caller (an agency token's
-- agency, else NULL) and kept on UPDATE, for every working role; a superuser's
-- write (a restore, a repair) keeps what it writes.
CREATE FUNCTION kkb._intervensi_pemilik() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = kkb._peran()), false) THEN
		RETURN NEW;
	END IF;
	IF TG_OP = 'INSERT' THEN
		NEW.pemilik_opd := CASE WHEN pg_catalog.pg_has_role(kkb._peran(), 'kkb_opd', 'USAGE')
		                         AND NOT pg_catalog.pg_has_role(kkb._peran(), 'kkb_admin', 'USAGE')
		                        THEN kkb._opd() END;
	ELSE
		NEW.pemilik_opd := OLD.pemilik_opd;
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._intervensi_pemilik() IS
	'Internal trigger: an intervention''s recording agency (pemilik_opd) - the agency of the token that inserts it (NULL for a pokja or an administrator), never changed by an UPDATE of a working role';
CREATE TRIGGER t10_pemilik BEFORE INSERT OR UPDATE ON kkb.intervensi FOR EACH ROW EXECUTE FUNCTION kkb._intervensi_pemilik();

-- UPDATE reaches only the interventions the caller may change (the permissive
-- policies of 34_akses.sql keep each role to its scope; administrators are not
-- narrowed further).
CREATE POLICY pemilik_ubah ON kkb.intervensi AS RESTRICTIVE FOR UPDATE TO kkb_pokja, kkb_opd
	USING (kkb._intervensi_boleh_ubah(pemilik_opd)) WITH CHECK (kkb._intervensi_boleh_ubah(pemilik_opd));
-- ... and DELETE likewise (a pokja may delete the village's own, not an agency's; agencies have no DELETE)
CREATE POLICY pemilik_hapus ON kkb.intervensi AS RESTRICTIVE FOR DELETE TO kkb_pokja
	USING (kkb._intervensi_boleh_ubah(pemilik_opd));

-- The version of a row as the API sends it: diubah_pada in microseconds since 1970, as text.
CREATE FUNCTION kkb._versi_baris(diubah_pada timestamptz) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN (EXTRACT(epoch FROM diubah_pada) * 1000000)::bigint::text;
COMMENT ON FUNCTION kkb._versi_baris(timestamptz) IS
	'Internal: a changed row''s version as the API sends it (versi of an intervention or of a monthly report, the entity tag If-Match names): diubah_pada in microseconds since 1970';

-- Does an If-Match header name version `versi`?  "*" matches any; otherwise a
-- comma-separated list of entity tags, each compared strongly (a weak tag W/"..."
-- never matches), quoted or not.
CREATE FUNCTION kkb._versi_cocok(jika text, versi text) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN pg_catalog.btrim(jika) = '*'
	       OR EXISTS (SELECT FROM pg_catalog.regexp_split_to_table(jika, ',') t(e)
	                   WHERE pg_catalog.btrim(t.e) !~ '^W/'
	                     AND pg_catalog.btrim(pg_catalog.btrim(t.e), '"') = versi);
COMMENT ON FUNCTION kkb._versi_cocok(text, text) IS
	'Internal: does the If-Match header value jika name the version versi ("*": any; a list of entity tags, compared strongly)';

-- the trigger function is the trigger's alone (95_hak.sql)
REVOKE EXECUTE ON FUNCTION kkb._intervensi_pemilik() FROM PUBLIC;

-- 34_akses.sql - roles, privileges, row-level security and the period workflow.
--
-- Group roles (NOLOGIN, created if missing; roles are cluster-wide, so they
-- outlive DROP EXTENSION):
--   kkb_admin    everything within its scope (every village when it has none); may change or delete audit rows
--   kkb_pokja    its own villages' data (scope), including by-name data
--   kkb_opd      reads village and aggregate data in its scope; writes interventions
--   kkb_analis   only the de-identified kkb_bi views
--   kkb_provinsi a province's (or regency's) portal: aggregates only (kkb.ringkasan), never by-name data
--   kkb_anon     calls without a token (the public region reference): kkb.wilayah and its API functions only
--   kkb_gateway  the REST gateway's login role; switches to one of the above per request
-- A caller's scope is a region code in the setting kkb.wilayah (the gateway
-- sets it with set_config(..., true) per request); a village sees only rows
-- whose kode_desa <@ scope.  No scope set means no rows.

DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi', 'kkb_anon', 'kkb_gateway'] LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
		END IF;
	END LOOP;
END $$;
-- The gateway's login may switch to the working roles but holds none of their
-- rights itself (NOINHERIT): every request runs SET LOCAL ROLE to the token's role.
ALTER ROLE kkb_gateway NOINHERIT;
GRANT kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi, kkb_anon TO kkb_gateway;

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
-- (its comment: 34_lingkup_login.sql, with the scope a direct login is bound to)

-- kkb_analis reads the kkb_bi views (they run with their owner's rights) and the
-- public region reference; the gateway's login checks tokens and reads kkb.versi().
GRANT USAGE ON SCHEMA kkb TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi, kkb_anon, kkb_gateway;

-- reference data: readable by all working roles
GRANT SELECT ON kkb.wilayah, kkb.kode, kkb.opd, kkb.air_minum_layak TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi;
GRANT INSERT, UPDATE, DELETE ON kkb.kode, kkb.opd, kkb.air_minum_layak, kkb.wilayah TO kkb_admin;
-- an anonymous call reads the region reference only
GRANT SELECT ON kkb.wilayah TO kkb_anon;

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
		-- an administrator's token carries a scope too (a city's admin); a direct admin login has none and sees all
		EXECUTE pg_catalog.format('CREATE POLICY admin_semua ON kkb.%I TO kkb_admin
			USING (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup())
			WITH CHECK (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup())', t);
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
	NEW.diubah_oleh := coalesce(kkb._pengguna(), current_user::text);
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

-- 0.2.0: only the gateway's login (a member of kkb_gateway) or a superuser may
-- name the application user (kkb.pengguna) in the audit and the period
-- workflow; any other session is recorded by its own login (kkb._pengguna,
-- install part 33_pengawasan.sql; the trigger function from 34_akses.sql).
-- (On a Citus worker also a session whose settings carry the coordinator's
-- signature: kkb._sesi_dipercaya, 32_sesi.sql.)
CREATE FUNCTION kkb._pengguna() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN CASE WHEN kkb._sesi_dipercaya()
	            THEN NULLIF(pg_catalog.current_setting('kkb.pengguna', true), '')
	            ELSE SESSION_USER::text END;
COMMENT ON FUNCTION kkb._pengguna() IS 'Internal: the application user of this session for the audit - the setting kkb.pengguna in the gateway''s login (a member of kkb_gateway) or a superuser''s session, NULL when unset; in any other session its login, whatever it set';
ALTER TABLE kkb.audit ALTER COLUMN pengguna SET DEFAULT kkb._pengguna();
COMMENT ON COLUMN kkb.audit.pengguna IS 'Application user: the token holder the gateway''s login set in kkb.pengguna; for any other login (not a member of kkb_gateway, not a superuser) the login itself (kkb._pengguna)';

CREATE OR REPLACE FUNCTION kkb._alur_periode() RETURNS trigger
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

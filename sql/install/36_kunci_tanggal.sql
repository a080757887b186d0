-- 36_kunci_tanggal.sql - the period lock for dated rows (0.2.0).

-- Rows of the by-name tables and interventions belong to the month of their
-- date (measurement date, event date, intervention date): once that month is
-- approved or locked, such a row can be neither added, changed, moved nor
-- deleted, or the month's figures would change after approval.  Argument: the
-- date column (the trigger reads it by name, not by table, so it needs no
-- table name).
CREATE FUNCTION kkb._kunci_tanggal() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	kolom text := TG_ARGV[0];
	desa kkb.kode_wilayah;
	tgl date;
	s kkb.status_periode;
	i int;
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._kunci_tanggal only guards tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	FOR i IN 1 .. 2 LOOP
		IF i = 1 AND TG_OP <> 'INSERT' THEN
			desa := OLD.kode_desa;
			-- one statement per column: a record field is resolved when its statement is first run
			IF kolom = 'tanggal_ukur' THEN tgl := OLD.tanggal_ukur; ELSE tgl := OLD.tanggal; END IF;
		ELSIF i = 2 AND TG_OP <> 'DELETE' THEN
			desa := NEW.kode_desa;
			IF kolom = 'tanggal_ukur' THEN tgl := NEW.tanggal_ukur; ELSE tgl := NEW.tanggal; END IF;
		ELSE
			CONTINUE;
		END IF;
		IF desa IS NULL OR tgl IS NULL THEN
			CONTINUE;
		END IF;
		SELECT p.status INTO s FROM kkb.periode_status p
		 WHERE p.kode_desa OPERATOR(kkb.=) desa AND p.periode = pg_catalog.date_trunc('month', tgl)::date;
		IF s IN ('disetujui', 'dikunci') THEN
			RAISE EXCEPTION 'period % of village % is %: its data can no longer be changed', pg_catalog.to_char(tgl, 'YYYY-MM'), desa, s
				USING ERRCODE = 'object_not_in_prerequisite_state',
				      DETAIL = pg_catalog.format('The row''s %s %s lies in an approved (disetujui) or locked (dikunci) month, whose figures are final.', kolom, tgl),
				      HINT = 'An administrator can reopen the month with kkb.buka(kode_desa, periode); else date the row in an open month.',
				      TABLE = TG_TABLE_NAME, COLUMN = kolom, SCHEMA = TG_TABLE_SCHEMA;
		END IF;
	END LOOP;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $f$;
COMMENT ON FUNCTION kkb._kunci_tanggal() IS 'Internal trigger: refuses writes of dated rows (measurements, events, interventions) whose date lies in an approved or locked village-month; argument: the date column';

CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.pengukuran FOR EACH ROW EXECUTE FUNCTION kkb._kunci_tanggal('tanggal_ukur');
CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.peristiwa FOR EACH ROW EXECUTE FUNCTION kkb._kunci_tanggal('tanggal');
CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.intervensi FOR EACH ROW EXECUTE FUNCTION kkb._kunci_tanggal('tanggal');

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
-- Who made a change, for the audit (kkb.audit.pengguna) and the period workflow
-- (kkb.periode_status.diubah_oleh).  The gateway names the holder of a request's
-- token in the setting kkb.pengguna; only the gateway's login (a member of
-- kkb_gateway) or a superuser may do so, as for kkb.wilayah (kkb.lingkup).  Any
-- other session is recorded by its own login whatever it set, so a direct-SQL
-- login cannot write another name into the audit.
CREATE FUNCTION kkb._pengguna() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN CASE WHEN pg_catalog.pg_has_role(SESSION_USER, 'kkb_gateway', 'MEMBER')
	            THEN NULLIF(pg_catalog.current_setting('kkb.pengguna', true), '')
	            ELSE SESSION_USER::text END;
COMMENT ON FUNCTION kkb._pengguna() IS 'Internal: the application user of this session for the audit - the setting kkb.pengguna in the gateway''s login (a member of kkb_gateway) or a superuser''s session, NULL when unset; in any other session its login, whatever it set';

-- Partitioned by month of waktu (34_audit_bulan.sql): a row lands in the month's
-- partition kkb.audit_YYYY_MM once kkb.audit_bulan_siapkan() has made it, else in
-- the default partition kkb.audit_lain, so no write ever fails for want of one.
CREATE TABLE kkb.audit (
	id         bigint GENERATED ALWAYS AS IDENTITY,
	waktu      timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
	tabel      text NOT NULL,
	operasi    text NOT NULL CHECK (operasi IN ('INSERT', 'UPDATE', 'DELETE')),
	kode_desa  kkb.kode_desa,
	kunci      jsonb NOT NULL,
	lama       jsonb,
	baru       jsonb,
	peran      text NOT NULL DEFAULT coalesce(NULLIF(pg_catalog.current_setting('role'), 'none'), SESSION_USER::text),
	sesi       text NOT NULL DEFAULT SESSION_USER::text,
	pengguna   text DEFAULT kkb._pengguna(),
	transaksi  bigint NOT NULL DEFAULT pg_catalog.txid_current(),
	PRIMARY KEY (id, waktu)
) PARTITION BY RANGE (waktu);
CREATE TABLE kkb.audit_lain PARTITION OF kkb.audit DEFAULT;
COMMENT ON TABLE kkb.audit_lain IS 'Audit rows of the months without a partition of their own yet (kkb.audit_bulan_siapkan moves them into one)';
CREATE INDEX audit_desa ON kkb.audit (kode_desa, waktu);
COMMENT ON TABLE kkb.audit IS 'Audit trail: every insert, update and delete on village and by-name tables - an insert by its key (the row is its own record until it changes), an update or delete with the old and new rows';
COMMENT ON COLUMN kkb.audit.id IS 'Audit entry number';
COMMENT ON COLUMN kkb.audit.waktu IS 'When';
COMMENT ON COLUMN kkb.audit.tabel IS 'Table';
COMMENT ON COLUMN kkb.audit.operasi IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN kkb.audit.kode_desa IS 'Village of the row';
COMMENT ON COLUMN kkb.audit.kunci IS 'Primary key of the row; for an INSERT, the keys of the statement''s rows in one village, the columns other than kode_desa as arrays (kkb.audit_kunci unnests them)';
COMMENT ON COLUMN kkb.audit.lama IS 'Row before the change (UPDATE, DELETE)';
COMMENT ON COLUMN kkb.audit.baru IS 'Row after the change (UPDATE); NULL for an INSERT, whose values are the current row, or the old row (lama) of the first later UPDATE or DELETE of the same key';
COMMENT ON COLUMN kkb.audit.peran IS 'Database role that made the change (the SET ROLE role of the session, else its login)';
COMMENT ON COLUMN kkb.audit.sesi IS 'Login role of the session (for the gateway: its own login)';
COMMENT ON COLUMN kkb.audit.pengguna IS 'Application user: the token holder the gateway''s login set in kkb.pengguna; for any other login (not a member of kkb_gateway, not a superuser) the login itself (kkb._pengguna)';
COMMENT ON COLUMN kkb.audit.transaksi IS 'Transaction id (changes of one request share it)';

-- (the audit trigger function kkb._audit: 33_audit.sql)

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

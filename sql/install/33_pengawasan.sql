-- 33_pengawasan.sql - what guards the data on write: validation (C, row-local),
-- the period lock, code checks, warnings for doubtful values, and the audit
-- trail.  Triggers that look at other tables are kept small and separate from
-- the row-local rules (see DESIGN.md "Scale-out").

-- ---------------------------------------------------------------- warnings
CREATE TABLE kkb.peringatan (
	id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kode_desa kkb.kode_wilayah CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	tabel     text NOT NULL,
	kunci     jsonb NOT NULL,
	kode      text NOT NULL,
	pesan     text NOT NULL,
	waktu     timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE INDEX peringatan_desa ON kkb.peringatan (kode_desa, waktu);
-- one warning per row and kind, however often the row is written (with the village
-- first: on a Citus cluster a unique key must hold the distribution column)
CREATE UNIQUE INDEX peringatan_satu ON kkb.peringatan (kode_desa, tabel, kunci, kode);
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
-- (On a Citus worker also a session whose settings carry the coordinator's
-- signature: kkb._sesi_dipercaya, 32_sesi.sql.)
CREATE FUNCTION kkb._pengguna() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN CASE WHEN kkb._sesi_dipercaya()
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
	kode_desa  kkb.kode_wilayah CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	kunci      jsonb NOT NULL,
	lama       jsonb,
	baru       jsonb,
	peran      text NOT NULL DEFAULT coalesce(NULLIF(pg_catalog.current_setting('role'), 'none'), SESSION_USER::text),
	sesi       text NOT NULL DEFAULT kkb._sesi_login(),
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
COMMENT ON COLUMN kkb.audit.sesi IS 'Login role of the session (for the gateway: its own login; on a Citus worker the coordinator session''s, kkb._sesi_login)';
COMMENT ON COLUMN kkb.audit.pengguna IS 'Application user: the token holder the gateway''s login set in kkb.pengguna; for any other login (not a member of kkb_gateway, not a superuser) the login itself (kkb._pengguna)';
COMMENT ON COLUMN kkb.audit.transaksi IS 'Transaction id (changes of one request share it)';

-- (the audit trigger function kkb._audit: 33_audit.sql; the other trigger functions: 33_pemicu.sql)

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

-- 0.2.0: kkb.audit is partitioned by month (34_audit_bulan.sql).  A table
-- cannot become partitioned in place: the 0.1.0 table is renamed, a partitioned
-- kkb.audit with its default partition takes its place (as 0.1.0 defined it; the
-- later entries of this step change it as they change the rest), every row is
-- copied into it with its id, the identity continues where it stood, and the old
-- table goes.  Before 20_akses.sql, which alters the admin policy.  The rows stay
-- in the default partition until kkb.audit_bulan_siapkan() is run.
ALTER TABLE kkb.audit RENAME TO audit_lama;
ALTER INDEX kkb.audit_pkey RENAME TO audit_lama_pkey;
ALTER INDEX kkb.audit_desa RENAME TO audit_lama_desa;
ALTER SEQUENCE kkb.audit_id_seq RENAME TO audit_lama_id_seq;
ALTER TABLE kkb.audit_lama RENAME CONSTRAINT audit_operasi_check TO audit_lama_operasi_check;

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
	pengguna   text DEFAULT NULLIF(pg_catalog.current_setting('kkb.pengguna', true), ''),
	transaksi  bigint NOT NULL DEFAULT pg_catalog.txid_current(),
	PRIMARY KEY (id, waktu)
) PARTITION BY RANGE (waktu);
CREATE TABLE kkb.audit_lain PARTITION OF kkb.audit DEFAULT;
COMMENT ON TABLE kkb.audit_lain IS 'Audit rows of the months without a partition of their own yet (kkb.audit_bulan_siapkan moves them into one)';
CREATE INDEX audit_desa ON kkb.audit (kode_desa, waktu);

INSERT INTO kkb.audit OVERRIDING SYSTEM VALUE
SELECT id, waktu, tabel, operasi, kode_desa, kunci, lama, baru, peran, sesi, pengguna, transaksi FROM kkb.audit_lama;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('kkb.audit', 'id'), s.last_value, s.is_called)
  FROM kkb.audit_lama_id_seq s;
-- out of the extension first, so that pg_dump's list of the extension's tables (extconfig) forgets them
ALTER EXTENSION kampungkb DROP SEQUENCE kkb.audit_lama_id_seq;
ALTER EXTENSION kampungkb DROP TABLE kkb.audit_lama;
DROP TABLE kkb.audit_lama;

COMMENT ON TABLE kkb.audit IS 'Audit trail: every insert, update and delete on village and by-name tables, with old and new rows';
COMMENT ON COLUMN kkb.audit.id IS 'Audit entry number';
COMMENT ON COLUMN kkb.audit.waktu IS 'When';
COMMENT ON COLUMN kkb.audit.tabel IS 'Table';
COMMENT ON COLUMN kkb.audit.operasi IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN kkb.audit.kode_desa IS 'Village of the row';
COMMENT ON COLUMN kkb.audit.kunci IS 'Primary key of the row';
COMMENT ON COLUMN kkb.audit.lama IS 'Row before the change (UPDATE, DELETE)';
COMMENT ON COLUMN kkb.audit.baru IS 'Row after the change (INSERT, UPDATE)';
COMMENT ON COLUMN kkb.audit.peran IS 'Database role that made the change (the SET ROLE role of the session, else its login)';
COMMENT ON COLUMN kkb.audit.sesi IS 'Login role of the session (for the gateway: its own login)';
COMMENT ON COLUMN kkb.audit.pengguna IS 'Application user, when the gateway set kkb.pengguna';
COMMENT ON COLUMN kkb.audit.transaksi IS 'Transaction id (changes of one request share it)';

-- its privileges and row-level security, as 0.1.0 gave them
GRANT SELECT ON kkb.audit TO kkb_admin, kkb_pokja;
GRANT UPDATE, DELETE ON kkb.audit TO kkb_admin;
ALTER TABLE kkb.audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_semua ON kkb.audit TO kkb_admin USING (true) WITH CHECK (true);
CREATE POLICY pokja_desa ON kkb.audit TO kkb_pokja
	USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup()) WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());

-- 0.2.0: the audit records inserts by key (33_audit.sql); its descriptions say so.
COMMENT ON TABLE kkb.audit IS 'Audit trail: every insert, update and delete on village and by-name tables - an insert by its key (the row is its own record until it changes), an update or delete with the old and new rows';
COMMENT ON COLUMN kkb.audit.baru IS 'Row after the change (UPDATE); NULL for an INSERT, whose values are the current row, or the old row (lama) of the first later UPDATE or DELETE of the same key';
COMMENT ON COLUMN kkb.audit.kunci IS 'Primary key of the row; for an INSERT, the keys of the statement''s rows in one village, the columns other than kode_desa as arrays (kkb.audit_kunci unnests them)';

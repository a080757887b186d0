-- 35_bi.sql - views for analysts and BI tools (schema kkb_bi): village data and
-- by-name facts as k-anonymous counts (35_bi_view.sql), in plain column types
-- (text, integer, numeric, date, boolean) that any JDBC/ODBC tool reads, every
-- view and column described.  No NIK, no name, no family card number, no birth
-- date, no link between a person and a family.  The views run with their
-- owner's rights, so kkb_analis needs (and has) no privilege on the kkb tables.

CREATE SCHEMA kkb_bi;
COMMENT ON SCHEMA kkb_bi IS 'Kampung KB data for analysts and BI tools: de-identified, plain types, documented';

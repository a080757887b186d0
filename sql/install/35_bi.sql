-- 35_bi.sql - views for analysts and BI tools (schema kkb_bi): village data and
-- de-identified by-name facts, in plain column types (text, integer, numeric,
-- date, boolean) that any JDBC/ODBC tool reads, every view and column described.
-- No NIK, no name, no family card number, no birth date: families appear under
-- a keyed pseudonym (HMAC-like SHA-256 of a secret salt and the card number)
-- and people by their age.  The views run with their owner's rights, so
-- kkb_analis needs (and has) no privilege on the kkb tables.

CREATE SCHEMA kkb_bi;
COMMENT ON SCHEMA kkb_bi IS 'Kampung KB data for analysts and BI tools: de-identified, plain types, documented';

-- the pseudonym salt: random per database, readable by no working role (the
-- views read it with their owner's rights; the pseudonym is computed in the view,
-- so no function hands out a card-number-to-pseudonym oracle)
CREATE TABLE kkb._rahasia (garam bytea NOT NULL);
COMMENT ON TABLE kkb._rahasia IS 'Internal: the per-database secret salt of the kkb_bi family pseudonyms';
INSERT INTO kkb._rahasia SELECT pg_catalog.decode(pg_catalog.md5(pg_catalog.random()::text || pg_catalog.clock_timestamp()::text)
	|| pg_catalog.md5(pg_catalog.random()::text || pg_catalog.txid_current()::text), 'hex');

-- Every family's pseudonym, in one place.  A view, not a function: the kkb_bi
-- views read it with their owner's rights, and no working role can ask it for
-- the pseudonym of a card number it chooses.
CREATE VIEW kkb._samaran_keluarga AS
SELECT k.kode_desa, k.no_kk,
       'K' OPERATOR(pg_catalog.||) pg_catalog.left(pg_catalog.encode(pg_catalog.sha256(g.garam
           OPERATOR(pg_catalog.||) pg_catalog.convert_to(k.no_kk::text, 'UTF8')), 'hex'), 16) AS keluarga
  FROM kkb.keluarga k CROSS JOIN (SELECT r.garam FROM kkb._rahasia r LIMIT 1) g;
COMMENT ON VIEW kkb._samaran_keluarga IS 'Internal: the pseudonym of every family (K and 16 hex digits of a salted SHA-256 of the card number), for the kkb_bi views';

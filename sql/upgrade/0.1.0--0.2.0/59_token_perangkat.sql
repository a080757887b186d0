-- a token made from a sign-in link is bound to a device (sql/install/60_token.sql, 63_tautan_masuk.sql):
-- the column, and kkb.token_periksa with it (its result changes: dropped here, made again by 60_token.replay)
ALTER TABLE kkb.token ADD COLUMN perangkat bytea CHECK (pg_catalog.octet_length(perangkat) = 32);
COMMENT ON COLUMN kkb.token.perangkat IS 'SHA-256 of the device key of a token made from a sign-in link (kkb.tautan_tukar): the gateway then wants that key in the X-Perangkat header; NULL = not bound to a device';
DROP FUNCTION kkb.token_periksa(bytea);

-- 60_token.sql - bearer tokens of the REST gateway (kkb-gateway).
--
-- A token is a random string handed out once by kkb.token_buat; only its
-- SHA-256 is stored, so a copy of the table does not let anyone in.  Each token
-- carries the working role the gateway switches to (SET LOCAL ROLE), the region
-- scope it puts in the setting kkb.wilayah (row-level security reads it), the
-- agency (OPD) of an agency token and a label that names the holder in logs and
-- in the audit trail (setting kkb.pengguna).
--
-- Who may do what:
--   kkb_admin (and superusers)  create tokens (kkb.token_buat), revoke them (kkb.token_cabut),
--                               list them without their hashes (SELECT on the other columns)
--   kkb_gateway                 look a hash up (kkb.token_periksa), nothing else
-- A token made from a sign-in link (63_tautan_masuk.sql) is bound to a device:
-- perangkat holds the SHA-256 of a key the device keeps, which the gateway
-- wants in the X-Perangkat header.
-- The gateway caches a verified token for a short time (30 s by default), so a
-- revocation takes effect at the gateway within that time.

CREATE TABLE kkb.token (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hash           bytea NOT NULL UNIQUE CHECK (pg_catalog.octet_length(hash) = 32),
	peran          text NOT NULL CHECK (peran IN ('kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi')),
	wilayah        kkb.kode_wilayah REFERENCES kkb.wilayah (kode),
	opd            text REFERENCES kkb.opd (kode),
	label          text NOT NULL CHECK (label ~ '\S' AND pg_catalog.octet_length(label) <= 200),
	dibuat         timestamptz NOT NULL DEFAULT pg_catalog.now(),
	dibuat_oleh    text NOT NULL DEFAULT SESSION_USER,
	berlaku_sampai timestamptz,
	dicabut        timestamptz,
	perangkat      bytea CHECK (pg_catalog.octet_length(perangkat) = 32),
	CHECK (wilayah IS NOT NULL OR peran IN ('kkb_admin', 'kkb_analis')),
	CHECK (opd IS NULL OR peran = 'kkb_opd')
);
COMMENT ON TABLE kkb.token IS 'Bearer tokens of the REST gateway: only the SHA-256 of each token is stored (create with kkb.token_buat, revoke with kkb.token_cabut)';
COMMENT ON COLUMN kkb.token.id IS 'Token number';
COMMENT ON COLUMN kkb.token.hash IS 'SHA-256 of the token text (the token itself is never stored)';
COMMENT ON COLUMN kkb.token.peran IS 'Working role the gateway switches to: kkb_admin, kkb_pokja, kkb_opd, kkb_analis or kkb_provinsi';
COMMENT ON COLUMN kkb.token.wilayah IS 'Region scope (lingkup) put in the setting kkb.wilayah, e.g. 13.77.01.1001 for a village pokja; NULL (no scope) only for kkb_admin and kkb_analis';
COMMENT ON COLUMN kkb.token.opd IS 'Agency (kkb.opd) of an agency token; NULL for other roles';
COMMENT ON COLUMN kkb.token.label IS 'Who holds the token, e.g. Pokja Karan Aur: shown in the gateway''s log and recorded as the application user (kkb.pengguna) in the audit trail; at most 200 bytes';
COMMENT ON COLUMN kkb.token.dibuat IS 'Created at';
COMMENT ON COLUMN kkb.token.dibuat_oleh IS 'Database user who created the token';
COMMENT ON COLUMN kkb.token.berlaku_sampai IS 'Valid until (berlaku sampai); NULL = no expiry';
COMMENT ON COLUMN kkb.token.dicabut IS 'Revoked at (dicabut); NULL = not revoked';
COMMENT ON COLUMN kkb.token.perangkat IS 'SHA-256 of the device key of a token made from a sign-in link (kkb.tautan_tukar): the gateway then wants that key in the X-Perangkat header; NULL = not bound to a device';

REVOKE ALL ON kkb.token FROM PUBLIC;
GRANT SELECT (id, peran, wilayah, opd, label, dibuat, dibuat_oleh, berlaku_sampai, dicabut) ON kkb.token TO kkb_admin;


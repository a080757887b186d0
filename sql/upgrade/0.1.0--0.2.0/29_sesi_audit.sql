-- The audit's sesi on a Citus cluster: the login a change came through, also in the sessions Citus
-- opens on the workers as the working role (kkb._sesi_login, 32_sesi.sql).
ALTER TABLE kkb.audit ALTER COLUMN sesi SET DEFAULT kkb._sesi_login();
COMMENT ON COLUMN kkb.audit.sesi IS 'Login role of the session (for the gateway: its own login; on a Citus worker the coordinator session''s, kkb._sesi_login)';

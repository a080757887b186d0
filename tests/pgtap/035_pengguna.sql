-- Who the audit records (kkb.audit.pengguna, kkb.periode_status.diubah_oleh):
-- only the gateway's login (a member of kkb_gateway) - or a superuser - may name
-- the application user with the setting kkb.pengguna.  A direct-SQL login that
-- sets it is recorded by its own name.
BEGIN;
SELECT plan(16);
\ir fixture_desa.inc

-- a city's administrator with its own login (not a superuser, not the gateway's)
CREATE ROLE uji_admin_langsung LOGIN;
GRANT kkb_admin TO uji_admin_langsung;
-- the gateway's own login
CREATE ROLE uji_gerbang_login LOGIN;
GRANT kkb_gateway TO uji_gerbang_login;

-- Run q in a session of login `login`, as role `peran` (NULL: the login's own
-- rights), with kkb.pengguna = `pengguna` and scope `lingkup`; 'ok' or the SQLSTATE.
CREATE FUNCTION pg_temp.sesi(login text, peran text, lingkup text, pengguna text, q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE hasil text := 'ok';
BEGIN
	BEGIN
		EXECUTE pg_catalog.format('SET LOCAL SESSION AUTHORIZATION %I', login);
		PERFORM set_config('kkb.wilayah', coalesce(lingkup, ''), true);
		PERFORM set_config('kkb.pengguna', coalesce(pengguna, ''), true);
		IF peran IS NOT NULL THEN
			PERFORM set_config('role', peran, true);
		END IF;
		EXECUTE q;
	EXCEPTION WHEN OTHERS THEN
		hasil := SQLSTATE || ' ' || SQLERRM;
	END;
	RESET SESSION AUTHORIZATION;
	PERFORM set_config('role', 'none', true);
	PERFORM set_config('kkb.wilayah', '', true);
	PERFORM set_config('kkb.pengguna', '', true);
	RETURN hasil;
END $$;

CREATE FUNCTION pg_temp.audit_terakhir() RETURNS text LANGUAGE sql AS $$
	SELECT concat_ws(' | ', coalesce(pengguna, '(null)'), sesi, peran) FROM kkb.audit ORDER BY id DESC LIMIT 1
$$;

-- ---------------------------------------------------------------- a direct-SQL administrator
SELECT ok(NOT (SELECT rolsuper FROM pg_roles WHERE rolname = 'uji_admin_langsung')
          AND NOT pg_has_role('uji_admin_langsung', 'kkb_gateway', 'MEMBER'),
          'the direct administrator is neither a superuser nor a member of kkb_gateway');
SELECT is(pg_temp.sesi('uji_admin_langsung', NULL, NULL, 'orang lain',
                       $$UPDATE kkb.keluarga SET rt = 7 WHERE no_kk = '1377011505200001'$$), 'ok',
          'a direct administrator that sets kkb.pengguna = ''orang lain'' may still change a family');
SELECT is(pg_temp.audit_terakhir(), 'uji_admin_langsung | uji_admin_langsung | uji_admin_langsung',
          '... and the audit records its own login as the user, not ''orang lain''');
SELECT is((SELECT count(*) FROM kkb.audit WHERE pengguna = 'orang lain'), 0::bigint, '... no audit row names ''orang lain''');
SELECT is(pg_temp.sesi('uji_admin_langsung', 'kkb_admin', NULL, 'orang lain',
                       $$INSERT INTO kkb.keluarga (kode_desa, no_kk, rt) VALUES ('13.77.01.1001', '1377011505200021', 3)$$), 'ok',
          'the same login acting as kkb_admin (SET ROLE) adds a family');
SELECT is(pg_temp.audit_terakhir(), 'uji_admin_langsung | uji_admin_langsung | kkb_admin',
          '... recorded as its login, acting as kkb_admin');
SELECT is(pg_temp.sesi('uji_admin_langsung', NULL, NULL, NULL,
                       $$DELETE FROM kkb.keluarga WHERE no_kk = '1377011505200021'$$), 'ok',
          'a direct administrator that sets nothing deletes that family');
SELECT is(pg_temp.audit_terakhir(), 'uji_admin_langsung | uji_admin_langsung | uji_admin_langsung',
          '... recorded by its login too');
-- the period workflow's "changed by"
SELECT is(pg_temp.sesi('uji_admin_langsung', NULL, NULL, 'orang lain',
                       $$SELECT kkb.ajukan('13.77.01.1001', '2026-05-01')$$), 'ok',
          'a direct administrator submits a month while claiming to be ''orang lain''');
SELECT is((SELECT diubah_oleh FROM kkb.periode_status WHERE kode_desa = '13.77.01.1001' AND periode = '2026-05-01'),
          'uji_admin_langsung', '... the month''s state is recorded as changed by its login');

-- ---------------------------------------------------------------- the gateway's login
SELECT is(pg_temp.sesi('uji_gerbang_login', 'kkb_pokja', '13.77.01.1001', 'Pokja Karan Aur',
                       $$UPDATE kkb.keluarga SET rt = 8 WHERE no_kk = '1377011505200001'$$), 'ok',
          'the gateway''s login, as a pokja token of village A, changes a family');
SELECT is(pg_temp.audit_terakhir(), 'Pokja Karan Aur | uji_gerbang_login | kkb_pokja',
          '... the audit records the token holder the gateway named');
SELECT is(pg_temp.sesi('uji_gerbang_login', 'kkb_pokja', '13.77.01.1001', 'Pokja Karan Aur',
                       $$SELECT kkb.ajukan('13.77.01.1001', '2026-06-01')$$), 'ok',
          'the gateway''s login submits a month for the pokja token');
SELECT is((SELECT diubah_oleh FROM kkb.periode_status WHERE kode_desa = '13.77.01.1001' AND periode = '2026-06-01'),
          'Pokja Karan Aur', '... recorded as changed by the token holder');

-- ---------------------------------------------------------------- a superuser (may do anything, the audit table too)
SELECT set_config('kkb.pengguna', 'operator basis data', true);
UPDATE kkb.keluarga SET rt = 9 WHERE no_kk = '1377011505200002';
SELECT is(pg_temp.audit_terakhir(), 'operator basis data | ' || session_user || ' | ' || session_user,
          'a superuser''s kkb.pengguna is recorded (documented in docs/ACCESS.md)');
SELECT set_config('kkb.pengguna', '', true);
UPDATE kkb.keluarga SET rt = 10 WHERE no_kk = '1377011505200002';
SELECT is(pg_temp.audit_terakhir(), '(null) | ' || session_user || ' | ' || session_user,
          'a superuser that sets nothing: no application user, as before');

SELECT * FROM finish();
ROLLBACK;

-- A region scope bound to a direct SQL login (kkb.lingkup_login): a city's
-- analyst, agency or pokja logging in with psql or a BI tool sees its region
-- only - rows, reporting functions and the kkb_bi views - and the same figures
-- as the gateway gives a token with that scope.
BEGIN;
SELECT plan(30);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS
SELECT * FROM kkb.hasilkan('13.77.01', 0.02, 3, 1, '2026-10-01')
UNION ALL SELECT * FROM kkb.hasilkan('13.75.01', 0.02, 4, 1, '2026-10-01');
CREATE TEMP TABLE contoh AS
SELECT (SELECT kode_desa::text FROM kkb.kampung WHERE kode_desa <@ '13.77' ORDER BY 1 LIMIT 1) AS desa_a,
       (SELECT kode_desa::text FROM kkb.kampung WHERE kode_desa <@ '13.75' ORDER BY 1 LIMIT 1) AS desa_b;
GRANT SELECT ON contoh TO PUBLIC;
SELECT ok((SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.77') > 0 AND (SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.75') > 0,
          'two cities with Kampung KB: Pariaman (13.77) and Bukittinggi (13.75)');

CREATE ROLE uji_analis_kota LOGIN;  GRANT kkb_analis TO uji_analis_kota;
CREATE ROLE uji_pokja_desa LOGIN;   GRANT kkb_pokja TO uji_pokja_desa;
CREATE ROLE uji_opd_kota LOGIN;     GRANT kkb_opd TO uji_opd_kota;
CREATE ROLE uji_admin_kota LOGIN;   GRANT kkb_admin TO uji_admin_kota;

-- the superuser's figures, to compare with
CREATE TEMP TABLE acuan AS
SELECT (SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM kkb.ringkasan('13.77', '2026-10-01') r) AS ringkasan,
       (SELECT md5(string_agg(p::text, '|' ORDER BY p::text)) FROM kkb.profil_desa((SELECT desa_a FROM contoh)::kkb.kode_wilayah, '2026-10-01') p) AS profil,
       (SELECT count(*) FROM kkb_bi.anggota WHERE kode_desa LIKE '13.77.%') AS anggota_a,
       (SELECT count(*) FROM kkb_bi.desa) AS desa_semua,
       (SELECT count(*) FROM kkb.keluarga WHERE kode_desa = (SELECT desa_a FROM contoh)::kkb.kode_wilayah) AS keluarga_a;
GRANT SELECT ON acuan TO PUBLIC;

-- ---------------------------------------------------------------- an analyst login: unbound, then bound to 13.77
SET SESSION AUTHORIZATION uji_analis_kota;
SELECT is(kkb.lingkup(), NULL, 'an analyst login without a binding has no scope');
SELECT is((SELECT count(*) FROM kkb_bi.desa), (SELECT desa_semua FROM acuan), '... and sees every village in kkb_bi, as a national analyst token does');
RESET SESSION AUTHORIZATION;

SELECT is((kkb.lingkup_login_atur('uji_analis_kota', '13.77')).wilayah::text, '13.77', 'an administrator binds 13.77 to the analyst login');
SET SESSION AUTHORIZATION uji_analis_kota;
SELECT is(kkb.lingkup()::text, '13.77', 'the login''s sessions now have the scope 13.77');
SELECT is((SELECT count(*) FROM kkb_bi.desa WHERE kode_desa NOT LIKE '13.77.%'), 0::bigint, 'kkb_bi.desa shows Pariaman''s villages only');
SELECT is((SELECT count(*) FROM kkb_bi.anggota), (SELECT anggota_a FROM acuan), 'kkb_bi.anggota: all of Pariaman''s members and no one else');
SELECT is((SELECT count(*) FROM kkb_bi.pengukuran WHERE kode_desa NOT LIKE '13.77.%')
        + (SELECT count(*) FROM kkb_bi.keluarga WHERE kode_desa NOT LIKE '13.77.%')
        + (SELECT count(*) FROM kkb_bi.penduduk WHERE kode_desa NOT LIKE '13.77.%')
        + (SELECT count(*) FROM kkb_bi.laporan_kkbpk WHERE kode_desa NOT LIKE '13.77.%')
        + (SELECT count(*) FROM kkb_bi.intervensi WHERE kode_desa NOT LIKE '13.77.%'), 0::bigint,
          'no kkb_bi view shows a row outside 13.77');
SELECT is((SELECT count(*) FROM kkb_bi.klasifikasi WHERE kode_desa NOT LIKE '13.77.%'), 0::bigint,
          'kkb_bi.klasifikasi (every village''s class per month) shows Pariaman only');
SELECT is((SELECT string_agg(kode_desa || ' ' || klasifikasi, ', ' ORDER BY kode_desa) FROM kkb_bi.klasifikasi WHERE periode = '2026-10-01'),
          (SELECT string_agg(kode_desa::text || ' ' || klasifikasi, ', ' ORDER BY kode_desa) FROM kkb.klasifikasi_wilayah('13.77', '2026-10-01')),
          '... with the classes kkb.klasifikasi_wilayah gives for October');
SELECT is((SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM kkb.ringkasan('13.77', '2026-10-01') r), (SELECT ringkasan FROM acuan),
          'kkb.ringkasan(13.77) for the analyst login equals the superuser''s');
SELECT throws_ok($$SELECT * FROM kkb.ringkasan('13.75', '2026-10-01')$$, '42501', NULL, 'another city is refused (42501)');
SELECT throws_ok($$SELECT * FROM kkb.klasifikasi_wilayah(NULL, '2026-10-01')$$, '42501', NULL, 'and so is the whole country');
SELECT throws_ok($$SELECT set_config('kkb.wilayah', '13', false); SELECT kkb.lingkup()$$, '42501', NULL,
                 'the login still cannot choose a scope itself');
SELECT set_config('kkb.wilayah', '', false);
SELECT is((SELECT count(*) FROM kkb.lingkup_login), 1::bigint, 'a login reads its own binding only');
SELECT throws_ok($$SELECT kkb.lingkup_login_atur('uji_analis_kota', '13')$$, '42501', NULL, 'a login cannot bind itself (only administrators may)');
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------- a pokja login bound to its village
SELECT kkb.lingkup_login_atur('uji_pokja_desa', (SELECT desa_a FROM contoh)::kkb.kode_wilayah);
SET SESSION AUTHORIZATION uji_pokja_desa;
SELECT is((SELECT count(*) FROM kkb.keluarga), (SELECT keluarga_a FROM acuan), 'the pokja login reads its own village''s families (row-level security)');
SELECT is((SELECT md5(string_agg(p::text, '|' ORDER BY p::text)) FROM kkb.profil_desa((SELECT desa_a FROM contoh)::kkb.kode_wilayah, '2026-10-01') p),
          (SELECT profil FROM acuan), 'its village profile equals the superuser''s');
SELECT throws_ok($$SELECT * FROM kkb.profil_desa((SELECT desa_b FROM contoh)::kkb.kode_wilayah, '2026-10-01')$$, '42501', NULL,
                 'another village''s profile is refused (42501)');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION uji_opd_kota;
SELECT throws_ok($$SELECT * FROM kkb.profil_desa((SELECT desa_a FROM contoh)::kkb.kode_wilayah, '2026-10-01')$$, '42501', NULL,
                 'an agency login without a binding is refused figures (42501), not given empty ones');
RESET SESSION AUTHORIZATION;
SELECT kkb.lingkup_login_atur('uji_opd_kota', '13.75');
SET SESSION AUTHORIZATION uji_opd_kota;
SELECT is((SELECT count(*) FROM kkb.kampung WHERE NOT kode_desa <@ '13.75'), 0::bigint, 'bound to 13.75, the agency login reads Bukittinggi''s villages only');
SELECT ok((SELECT count(*) FROM kkb.kampung) > 0, '... and does read them');
RESET SESSION AUTHORIZATION;

-- ---------------------------------------------------------------- binding rules
SELECT throws_ok($$SELECT kkb.lingkup_login_atur('uji_pokja_desa', NULL)$$, '23514', NULL, 'a national scope is for administrators and analysts only');
SELECT throws_ok($$SELECT kkb.lingkup_login_atur('tidak_ada_login_ini', '13.77')$$, '42704', NULL, 'an unknown role is refused');
SELECT throws_ok($$SELECT kkb.lingkup_login_atur('uji_analis_kota', '13.99')$$, '23503', NULL, 'an unknown region is refused');
SELECT kkb.lingkup_login_atur('uji_admin_kota', '13.77');
SET SESSION AUTHORIZATION uji_admin_kota;
SELECT throws_ok($$SELECT kkb.lingkup_login_atur('uji_opd_kota', '13.75')$$, '42501', NULL, 'an administrator bound to 13.77 cannot bind 13.75');
SELECT is((kkb.lingkup_login_atur('uji_analis_kota', '13.77.01')).wilayah::text, '13.77.01', '... but may bind within 13.77');
SELECT is(kkb.lingkup_login_hapus('uji_opd_kota'), false, '... and cannot remove a binding outside 13.77');
RESET SESSION AUTHORIZATION;
SELECT is(kkb.lingkup_login_hapus('uji_analis_kota'), true, 'removing a binding');
SET SESSION AUTHORIZATION uji_analis_kota;
SELECT is(kkb.lingkup(), NULL, 'takes effect at once: the analyst login has no scope again');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;

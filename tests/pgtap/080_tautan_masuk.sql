-- Sign-in links (sql/install/63_tautan_masuk.sql): a code is stored as its
-- hash only, good once and before it expires (one error for unknown, used and
-- expired), made by administrators within their scope, exchanged by anyone
-- (kkb_anon) for a device token bound to a device key; the devices listed
-- within the admin's scope and revoked one by one.
BEGIN;
SELECT plan(39);

SET client_min_messages = warning;

-- Run q as role `peran` with scope `lingkup`: the first column of its first row as text, or 'ERR <SQLSTATE>'.
CREATE FUNCTION pg_temp.q(peran text, lingkup text, q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE hasil text;
BEGIN
	BEGIN
		PERFORM set_config('kkb.wilayah', coalesce(lingkup, ''), true);
		PERFORM set_config('role', peran, true);
		EXECUTE q INTO hasil;
		PERFORM set_config('role', 'none', true);
	EXCEPTION WHEN OTHERS THEN
		hasil := 'ERR ' || SQLSTATE;
	END;
	PERFORM set_config('role', 'none', true);
	PERFORM set_config('kkb.wilayah', '', true);
	RETURN hasil;
END $$;

\set A '''13.77.01.1001'''
\set KUNCI '''0123456789abcdef0123456789abcdef'''

-- ---------------------------------------------------------------- making a link
CREATE TEMP TABLE buat AS
SELECT (pg_temp.q('kkb_admin', '13.77', $$SELECT row_to_json(b)::text FROM kkb.tautan_buat('kkb_pokja', '13.77.01.1001', 'Pokja Karan Aur') b$$))::json AS b;
GRANT SELECT ON buat TO PUBLIC;
SELECT ok((SELECT b ->> 'kode' ~ '^[0-9a-f]{32}$' FROM buat), 'an admin of 13.77 makes a link for a pokja of 13.77: a code of 32 hex digits');
SELECT is((SELECT count(*)::int FROM kkb.tautan_masuk l, buat WHERE l.hash = sha256(convert_to(buat.b ->> 'kode', 'UTF8'))), 1,
          'the table holds the code''s SHA-256');
SELECT is((SELECT count(*)::int FROM kkb.tautan_masuk l, buat WHERE strpos(l::text, buat.b ->> 'kode') > 0), 0,
          'and nothing of the code itself');
SELECT ok((SELECT berlaku_sampai BETWEEN now() + interval '14 minutes' AND now() + interval '16 minutes' FROM kkb.tautan_masuk l, buat
            WHERE l.id = (buat.b ->> 'id')::bigint), 'valid 15 minutes by default');
SELECT is(pg_temp.q('kkb_admin', '13.77', $$SELECT kode FROM kkb.tautan_buat('kkb_pokja', '13.71.01.1001', 'Pokja Padang')$$), 'ERR 42501',
          'an admin of 13.77 cannot make a link for a village of 13.71');
SELECT is(pg_temp.q('kkb_admin', NULL, $$SELECT length(kode)::text FROM kkb.tautan_buat('kkb_opd', '13.77', 'Dinkes', 'dinkes', 60)$$), '32',
          'an admin without a scope makes one for an agency of 13.77, valid an hour');
SELECT is(pg_temp.q('kkb_admin', NULL, $$SELECT kode FROM kkb.tautan_buat('kkb_admin', NULL, 'Admin')$$), 'ERR 22023',
          'no link for an administrator token (kkb.token_buat is for those)');
SELECT is(pg_temp.q('kkb_admin', NULL, $$SELECT kode FROM kkb.tautan_buat('kkb_pokja', '13.77', 'Pokja?')$$), 'ERR 22023',
          'a pokja link is for one village');
SELECT is(pg_temp.q('kkb_admin', NULL, $$SELECT kode FROM kkb.tautan_buat('kkb_pokja', '13.77.01.1001', 'x', NULL, 1441)$$), 'ERR 22023',
          'at most 1440 minutes');
SELECT is(pg_temp.q('kkb_admin', NULL, $$SELECT kode FROM kkb.tautan_buat('kkb_pokja', '13.77.01.1001', ' ')$$), 'ERR 22023',
          'a label is needed');
SELECT is(pg_temp.q('kkb_pokja', :A, $$SELECT kode FROM kkb.tautan_buat('kkb_pokja', '13.77.01.1001', 'x')$$), 'ERR 42501',
          'a pokja cannot make links');
SELECT is(pg_temp.q('kkb_opd', '13.77', $$SELECT (kkb.api_tautan_buat('{"peran": "kkb_pokja", "wilayah": "13.77.01.1001", "label": "x"}')).status::text$$),
          'ERR 42501', 'nor an agency through the API');
SELECT is(pg_temp.q('kkb_admin', '13.77', $$SELECT (kkb.api_tautan_buat('{"peran": "kkb_pokja", "wilayah": "13.77.01.1001", "label": "Pokja B", "menit": 5}')).dokumen ->> 'tautan'$$)
          ~ '^/#/masuk/[0-9a-f]{32}$', true, 'the API answers the dashboard path /#/masuk/<code>');
SELECT is(pg_temp.q('kkb_admin', '13.77', $$SELECT (kkb.api_tautan_buat('{"peran": "kkb_pokja", "wilayah": "13.77.01.1001", "label": "x", "warna": 1}')).status::text$$),
          '422', 'an unknown body field: 422');
SELECT is((kkb.galat_jawab('28000', NULL, NULL, NULL, 'the sign-in code is not valid: unknown, already used or expired', NULL, NULL) ->> 'code'),
          'KKB-TAUTAN-TIDAK-BERLAKU', 'the exchange''s error is KKB-TAUTAN-TIDAK-BERLAKU in the registry');

-- ---------------------------------------------------------------- exchanging it
CREATE TEMP TABLE tukar AS
SELECT (pg_temp.q('kkb_anon', NULL, format($$SELECT row_to_json(t)::text FROM kkb.tautan_tukar(%L, %L, 'HP Samsung') t$$,
                                           (SELECT b ->> 'kode' FROM buat), :KUNCI)))::json AS t;
SELECT ok((SELECT t ->> 'token' ~ '^kkb_[0-9a-f]{64}$' FROM tukar), 'kkb_anon exchanges the code for a token');
SELECT is((SELECT peran || '|' || wilayah || '|' || label || '|' || (berlaku_sampai > now() + interval '89 days')
             FROM kkb.token_periksa(sha256(convert_to((SELECT t ->> 'token' FROM tukar), 'UTF8')))),
          'kkb_pokja|13.77.01.1001|Pokja Karan Aur - HP Samsung|true', 'the token: the link''s role and scope, the device in its label, 90 days');
SELECT is((SELECT encode(perangkat, 'hex') FROM kkb.token_periksa(sha256(convert_to((SELECT t ->> 'token' FROM tukar), 'UTF8')))),
          encode(sha256(convert_to(:KUNCI, 'UTF8')), 'hex'), 'bound to the SHA-256 of the device key (token_periksa tells the gateway)');
SELECT is((SELECT (l.dipakai IS NOT NULL) AND l.token = (tukar.t ->> 'id')::bigint FROM kkb.tautan_masuk l, buat, tukar
            WHERE l.id = (buat.b ->> 'id')::bigint), true, 'the link is marked used, naming its token');
SELECT is(pg_temp.q('kkb_anon', NULL, format($$SELECT t.token FROM kkb.tautan_tukar(%L, %L, 'HP lain') t$$, (SELECT b ->> 'kode' FROM buat), :KUNCI)),
          'ERR 28000', 'a second exchange of the same code: 28000');
SELECT is(pg_temp.q('kkb_anon', NULL, format($$SELECT t.token FROM kkb.tautan_tukar(%L, %L, 'HP') t$$, repeat('0', 32), :KUNCI)),
          'ERR 28000', 'an unknown code: the same 28000');
SELECT is(pg_temp.q('kkb_anon', NULL, format($$SELECT t.token FROM kkb.tautan_tukar(NULL, %L, 'HP') t$$, :KUNCI)),
          'ERR 28000', 'no code at all: the same 28000');
CREATE TEMP TABLE kedaluwarsa AS
SELECT (pg_temp.q('kkb_admin', NULL, $$SELECT kode FROM kkb.tautan_buat('kkb_pokja', '13.77.01.1001', 'Pokja lewat', NULL, 1)$$)) AS kode;
UPDATE kkb.tautan_masuk SET berlaku_sampai = now() - interval '1 second' WHERE label = 'Pokja lewat';
SELECT is(pg_temp.q('kkb_anon', NULL, format($$SELECT t.token FROM kkb.tautan_tukar(%L, %L, 'HP') t$$, (SELECT kode FROM kedaluwarsa), :KUNCI)),
          'ERR 28000', 'an expired code: the same 28000');
SELECT is((SELECT dipakai IS NULL FROM kkb.tautan_masuk WHERE label = 'Pokja lewat'), true, '... and it stays unused');
CREATE TEMP TABLE lagi AS
SELECT (pg_temp.q('kkb_admin', NULL, $$SELECT kode FROM kkb.tautan_buat('kkb_pokja', '13.77.01.1001', 'Pokja Karan Aur')$$)) AS kode;
SELECT is(pg_temp.q('kkb_anon', NULL, format($$SELECT t.token FROM kkb.tautan_tukar(%L, 'XYZ', 'HP') t$$, (SELECT kode FROM lagi))),
          'ERR 22023', 'a malformed device key: 22023');
SELECT is(pg_temp.q('kkb_anon', NULL, format($$SELECT t.token FROM kkb.tautan_tukar(%L, %L, repeat('x', 41)) t$$, (SELECT kode FROM lagi), :KUNCI)),
          'ERR 22023', 'a device name over 40 characters: 22023');
SELECT is((SELECT dipakai IS NULL FROM kkb.tautan_masuk l WHERE l.hash = sha256(convert_to((SELECT kode FROM lagi), 'UTF8'))), true,
          'a refused exchange leaves the code unused');
SELECT is(pg_temp.q('kkb_anon', NULL, $$SELECT (kkb.api_masuk('{"kode": "x", "perangkat": "x", "nama": "HP", "warna": 1}')).status::text$$), '422',
          'kkb_anon calls the API function: an unknown body field is 422');
SELECT is(pg_temp.q('kkb_anon', NULL, $$SELECT (kkb.api_masuk('{"kode": "00000000000000000000000000000000", "perangkat": "0123456789abcdef0123456789abcdef", "nama": "HP"}')).status::text$$),
          'ERR 28000', '... an unknown code 28000');
SELECT is(pg_temp.q('kkb_anon', NULL, $$SELECT count(*)::text FROM kkb.tautan_masuk$$), 'ERR 42501', 'kkb_anon cannot read the links');
SELECT is(pg_temp.q('kkb_admin', NULL, $$SELECT count(*)::text FROM kkb.tautan_masuk WHERE hash IS NOT NULL$$), 'ERR 42501',
          'nor can an admin read their hashes');

-- ---------------------------------------------------------------- devices: list and revoke
SELECT is(pg_temp.q('kkb_admin', '13.77', format($$SELECT (e ->> 'perangkat') || '|' || (e ->> 'label') FROM json_array_elements(kkb.api_perangkat_daftar(1000, 0) -> 'data') e WHERE (e ->> 'id')::bigint = %s$$,
                                                  (SELECT t ->> 'id' FROM tukar))),
          'true|Pokja Karan Aur - HP Samsung', 'the admin of 13.77 lists the device');
SELECT is(pg_temp.q('kkb_admin', '13.71', format($$SELECT count(*)::text FROM json_array_elements(kkb.api_perangkat_daftar(1000, 0) -> 'data') e WHERE (e ->> 'id')::bigint = %s$$,
                                                  (SELECT t ->> 'id' FROM tukar))),
          '0', 'an admin of 13.71 does not see it');
SELECT is(pg_temp.q('kkb_admin', '13.71', format($$SELECT coalesce(kkb.api_perangkat_cabut(%s)::text, 'tidak ada')$$, (SELECT t ->> 'id' FROM tukar))),
          'tidak ada', 'nor revoke it (no document: 404)');
SELECT is(pg_temp.q('kkb_admin', '13.77', format($$SELECT (kkb.api_perangkat_cabut(%s) ->> 'dicabut' IS NOT NULL)::text$$, (SELECT t ->> 'id' FROM tukar))),
          'true', 'the admin of 13.77 revokes it');
SELECT is((SELECT dicabut IS NOT NULL FROM kkb.token_periksa(sha256(convert_to((SELECT t ->> 'token' FROM tukar), 'UTF8')))), true,
          'token_periksa says it is revoked (the gateway answers 401)');

-- revoking by label keeps to the administrator's scope too
SELECT kkb.token_buat('kkb_pokja', '13.71.01.1001', 'Pokja uji cabut label') IS NOT NULL AS dibuat \gset
SELECT is(pg_temp.q('kkb_admin', '13.77', $$SELECT kkb.token_cabut('Pokja uji cabut label')$$), '0',
          'kkb.token_cabut by label: an admin of 13.77 does not revoke a token of 13.71 with that label');
SELECT is((SELECT count(*)::int FROM kkb.token WHERE label = 'Pokja uji cabut label' AND dicabut IS NULL), 1, '... it stays live');
SELECT is(pg_temp.q('kkb_admin', '13.71', $$SELECT kkb.token_cabut('Pokja uji cabut label')$$), '1',
          '... an admin of 13.71 revokes it');

SELECT * FROM finish();
ROLLBACK;

-- 63_tautan_masuk.sql - sign-in links (tautan masuk): an administrator makes a
-- one-time, short-lived link (shown as a QR code by the dashboard) for a
-- village pokja or an agency; the cadre opens it on the phone, and the phone
-- exchanges it for a token of its own, bound to a device key the phone keeps.
--
--   kkb.tautan_buat    (kkb_admin) a link for a role, region scope, label and
--                      agency, within the administrator's own scope; returns
--                      the code, shown only this once (only its SHA-256 is stored)
--   kkb.tautan_tukar   (anyone, the gateway's anonymous kkb_anon included) the
--                      code, a device key and a device name -> a token made by
--                      kkb.token_buat, labelled "<link label> - <device name>",
--                      valid 90 days, recording the SHA-256 of the device key
--                      (kkb.token.perangkat: the gateway then wants the key in
--                      an X-Perangkat header with every request of that token)
--   kkb.api_tautan_buat, kkb.api_masuk, kkb.api_perangkat_daftar,
--   kkb.api_perangkat_cabut   the routes POST /v1/tautan-masuk, POST /v1/masuk,
--                      GET /v1/perangkat, POST /v1/perangkat/{id}/cabut
--
-- A code is good once, for 15 minutes by default (1 to 1440): an unknown, a
-- used and an expired code get the same error (KKB-TAUTAN-TIDAK-BERLAKU), so
-- that asking tells nothing about which codes exist.  The code has 122 random
-- bits (a version-4 UUID as 32 hex digits); the gateway's per-address limit of
-- calls without a token bounds guessing further.
-- Also the upgrade's fragment (sql/upgrade/0.1.0--0.2.0/64_tautan_masuk.sql).

CREATE TABLE kkb.tautan_masuk (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hash           bytea NOT NULL UNIQUE CHECK (pg_catalog.octet_length(hash) = 32),
	peran          text NOT NULL CHECK (peran IN ('kkb_pokja', 'kkb_opd')),
	wilayah        kkb.kode_wilayah NOT NULL REFERENCES kkb.wilayah (kode),
	opd            text REFERENCES kkb.opd (kode),
	label          text NOT NULL CHECK (label ~ '\S' AND pg_catalog.octet_length(label) <= 150),
	dibuat         timestamptz NOT NULL DEFAULT pg_catalog.now(),
	dibuat_oleh    text NOT NULL,
	berlaku_sampai timestamptz NOT NULL,
	dipakai        timestamptz,
	-- the token it was exchanged for (kkb.token.id), kept by kkb.tautan_tukar; no foreign key: on a Citus
	-- cluster a key between the two reference tables makes every transaction that touched a distributed
	-- table before changing kkb.token fail (it must then run on one connection per node)
	token          bigint UNIQUE,
	CONSTRAINT tautan_masuk_opd_check CHECK (opd IS NULL OR peran = 'kkb_opd'),
	CONSTRAINT tautan_masuk_dipakai_check CHECK ((dipakai IS NULL) = (token IS NULL))
);
COMMENT ON TABLE kkb.tautan_masuk IS 'Sign-in links (tautan masuk): one-time, short-lived codes an administrator hands to a pokja or agency (as a QR code), exchanged once for a device token; only the SHA-256 of each code is stored';
COMMENT ON COLUMN kkb.tautan_masuk.id IS 'Link number';
COMMENT ON COLUMN kkb.tautan_masuk.hash IS 'SHA-256 of the code (the code itself is never stored)';
COMMENT ON COLUMN kkb.tautan_masuk.peran IS 'Role of the token the link gives: kkb_pokja or kkb_opd';
COMMENT ON COLUMN kkb.tautan_masuk.wilayah IS 'Region scope of the token the link gives (a village for a pokja)';
COMMENT ON COLUMN kkb.tautan_masuk.opd IS 'Agency (kkb.opd) of an agency link; NULL for a pokja';
COMMENT ON COLUMN kkb.tautan_masuk.label IS 'Who the link is for, e.g. Pokja Karan Aur; the token''s label adds the device name; at most 150 bytes';
COMMENT ON COLUMN kkb.tautan_masuk.dibuat IS 'Created at';
COMMENT ON COLUMN kkb.tautan_masuk.dibuat_oleh IS 'Who made the link: the administrator''s token label through the gateway, else the database login';
COMMENT ON COLUMN kkb.tautan_masuk.berlaku_sampai IS 'The code can be used until then (15 minutes after creation by default, at most a day)';
COMMENT ON COLUMN kkb.tautan_masuk.dipakai IS 'When the code was exchanged for a token; NULL = not yet';
COMMENT ON COLUMN kkb.tautan_masuk.token IS 'The token the code was exchanged for (kkb.token.id); NULL = not yet';

REVOKE ALL ON kkb.tautan_masuk FROM PUBLIC;
GRANT SELECT (id, peran, wilayah, opd, label, dibuat, dibuat_oleh, berlaku_sampai, dipakai, token) ON kkb.tautan_masuk TO kkb_admin;

-- the registry's rows: the table's constraints and the functions' errors
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-TAUTAN-MASUK-GANDA', 'kendala', '23505', 'tautan_masuk_pkey', 'tautan_masuk', 'id', 409,
	 'nomor tautan masuk ini sudah dipakai', 'this sign-in link id is already used', NULL, NULL),
	('KKB-TAUTAN-MASUK-HASH-GANDA', 'kendala', '23505', 'tautan_masuk_hash_key', 'tautan_masuk', 'hash', 409,
	 'kode tautan masuk ini sudah ada', 'this sign-in code already exists', 'Buat tautan baru.', 'Make a new link.'),
	('KKB-TAUTAN-MASUK-TOKEN-GANDA', 'kendala', '23505', 'tautan_masuk_token_key', 'tautan_masuk', 'token', 409,
	 'token ini sudah berasal dari tautan lain', 'this token already came from another link', NULL, NULL),
	('KKB-TAUTAN-MASUK-HASH', 'kendala', '23514', 'tautan_masuk_hash_check', 'tautan_masuk', 'hash', 422,
	 'hash kode tautan harus 32 bait (SHA-256)', 'a sign-in code hash is 32 bytes (SHA-256)', NULL, NULL),
	('KKB-TAUTAN-MASUK-PERAN', 'kendala', '23514', 'tautan_masuk_peran_check', 'tautan_masuk', 'peran', 422,
	 'tautan masuk hanya untuk peran kkb_pokja atau kkb_opd', 'a sign-in link is for kkb_pokja or kkb_opd only',
	 'Token administrator dan portal dibuat dengan kkb.token_buat.', 'Administrator and portal tokens are made with kkb.token_buat.'),
	('KKB-TAUTAN-MASUK-LABEL', 'kendala', '23514', 'tautan_masuk_label_check', 'tautan_masuk', 'label', 422,
	 'label tautan tidak boleh kosong dan paling panjang 150 bait', 'a link label cannot be blank and has at most 150 bytes', NULL, NULL),
	('KKB-TAUTAN-MASUK-OPD-BUKAN-OPD', 'kendala', '23514', 'tautan_masuk_opd_check', 'tautan_masuk', 'opd', 422,
	 'hanya tautan kkb_opd yang menyebut OPD', 'only a kkb_opd link names an agency', NULL, NULL),
	('KKB-TAUTAN-MASUK-DIPAKAI', 'kendala', '23514', 'tautan_masuk_dipakai_check', 'tautan_masuk', 'dipakai', 422,
	 'tautan yang sudah dipakai harus menyebut tokennya', 'a used link names its token', NULL, NULL),
	('KKB-TAUTAN-MASUK-WILAYAH-TIDAK-ADA', 'kendala', '23503', 'tautan_masuk_wilayah_fkey', 'tautan_masuk', 'wilayah', 409,
	 'wilayah tautan ini tidak ada dalam daftar wilayah nasional', 'the link''s region is not in kkb.wilayah', NULL, NULL),
	('KKB-TAUTAN-MASUK-OPD-TIDAK-ADA', 'kendala', '23503', 'tautan_masuk_opd_fkey', 'tautan_masuk', 'opd', 409,
	 'OPD tautan ini tidak dikenal', 'the link''s agency is not in kkb.opd', NULL, NULL),
	('KKB-TOKEN-PERANGKAT-HASH', 'kendala', '23514', 'token_perangkat_check', 'token', 'perangkat', 422,
	 'hash kunci perangkat harus 32 bait (SHA-256)', 'a device key hash is 32 bytes (SHA-256)', NULL, NULL);

INSERT INTO kkb.galat (kode, asal, sqlstate, tabel, kolom, pola, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-TAUTAN-TIDAK-BERLAKU', 'aturan', '28000', NULL, 'kode', '^the sign-in code is not valid', 410,
	 'tautan masuk ini tidak berlaku: sudah dipakai, kedaluwarsa, atau tidak dikenal', NULL,
	 'Minta tautan atau kode QR baru kepada administrator; setiap tautan hanya dapat dipakai sekali.', NULL),
	('KKB-TAUTAN-PERAN', 'aturan', '22023', NULL, 'peran', '^a sign-in link is for a kkb_pokja or a kkb_opd', 400,
	 'tautan masuk hanya untuk Pokja desa (kkb_pokja) atau OPD (kkb_opd)', NULL,
	 'Token administrator dan portal dibuat dengan kkb.token_buat.', NULL),
	('KKB-TAUTAN-DESA', 'aturan', '22023', NULL, 'wilayah', '^a kkb_pokja sign-in link is for one village, not region (\S+)', 400,
	 'tautan Pokja untuk satu desa, bukan wilayah \1', NULL, 'Pilih kode desa, mis. 13.77.01.1001.', NULL),
	('KKB-TAUTAN-WILAYAH', 'aturan', '22023', NULL, 'wilayah', '^a sign-in link needs a region scope', 400,
	 'tautan masuk memerlukan wilayah', NULL, 'Pilih desa (Pokja) atau kota (OPD).', NULL),
	('KKB-TAUTAN-MENIT', 'aturan', '22023', NULL, 'menit', '^a sign-in link is valid for 1 to 1440 minutes', 400,
	 'masa berlaku tautan harus 1 sampai 1440 menit', NULL, 'Bawaannya 15 menit.', NULL),
	('KKB-TAUTAN-LABEL-KOSONG', 'aturan', '22023', NULL, 'label', '^a sign-in link needs a label', 400,
	 'tautan masuk memerlukan label pemegangnya', NULL, 'Mis. Pokja Karan Aur.', NULL),
	('KKB-PERANGKAT-KUNCI', 'aturan', '22023', NULL, 'perangkat', '^the device key must be', 400,
	 'kunci perangkat harus 32 sampai 128 digit heksadesimal', NULL, 'Dasbor membuatnya sendiri; muat ulang halaman.', NULL),
	('KKB-PERANGKAT-NAMA', 'aturan', '22023', NULL, 'nama', '^the device name must have', 400,
	 'nama perangkat harus 1 sampai 40 huruf', NULL, 'Mis. HP Samsung Bu Rina.', NULL);

INSERT INTO kkb.galat (kode, asal, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-TOKEN-PERANGKAT', 'gateway', 401, 'token ini terikat pada perangkat lain',
	 'the token is bound to another device',
	 'Masuk lagi dengan tautan baru dari administrator di perangkat ini.',
	 'Send the X-Perangkat header with the device key the token was issued to, or sign in again with a new link.');

-- kkb.tautan_buat: a sign-in link; returns the code, shown only this once.
CREATE FUNCTION kkb.tautan_buat(peran text, wilayah kkb.kode_wilayah, label text, opd text DEFAULT NULL,
                                menit integer DEFAULT 15) RETURNS TABLE (kode text, id bigint, berlaku_sampai timestamptz)
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	IF tautan_buat.peran IS NULL OR tautan_buat.peran NOT IN ('kkb_pokja', 'kkb_opd') THEN
		RAISE EXCEPTION 'a sign-in link is for a kkb_pokja or a kkb_opd, not "%"', tautan_buat.peran
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = 'Administrator and portal tokens are made with kkb.token_buat.';
	END IF;
	IF tautan_buat.wilayah IS NULL THEN
		RAISE EXCEPTION 'a sign-in link needs a region scope (wilayah)' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF tautan_buat.peran = 'kkb_pokja' AND kkb.tingkat(tautan_buat.wilayah) <> 4 THEN
		RAISE EXCEPTION 'a kkb_pokja sign-in link is for one village, not region %', tautan_buat.wilayah
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- the administrator's own scope, as for tokens
	IF kkb.lingkup() IS NOT NULL AND NOT tautan_buat.wilayah OPERATOR(kkb.<@) kkb.lingkup() THEN
		RAISE EXCEPTION 'region % is outside your scope %', tautan_buat.wilayah, kkb.lingkup()
			USING ERRCODE = 'insufficient_privilege',
			      DETAIL = 'An administrator whose token has a region scope can make sign-in links for that region only.';
	END IF;
	IF tautan_buat.label IS NULL OR tautan_buat.label !~ '\S' THEN
		RAISE EXCEPTION 'a sign-in link needs a label naming its holder' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF tautan_buat.menit IS NULL OR tautan_buat.menit NOT BETWEEN 1 AND 1440 THEN
		RAISE EXCEPTION 'a sign-in link is valid for 1 to 1440 minutes, not %', tautan_buat.menit
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- 122 random bits from the server's strong random source (a version-4 UUID), as 32 hex digits
	kode := pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '');
	INSERT INTO kkb.tautan_masuk (hash, peran, wilayah, opd, label, dibuat_oleh, berlaku_sampai)
	VALUES (pg_catalog.sha256(pg_catalog.convert_to(kode, 'UTF8')), tautan_buat.peran, tautan_buat.wilayah,
	        tautan_buat.opd, pg_catalog.btrim(tautan_buat.label), coalesce(kkb._pengguna(), SESSION_USER::text),
	        pg_catalog.now() + pg_catalog.make_interval(mins => tautan_buat.menit))
	RETURNING tautan_masuk.id, tautan_masuk.berlaku_sampai INTO id, berlaku_sampai;
	RETURN NEXT;
END $f$;
COMMENT ON FUNCTION kkb.tautan_buat(text, kkb.kode_wilayah, text, text, integer) IS
	'Make a one-time sign-in link (tautan masuk) for a kkb_pokja or kkb_opd with a region scope, label and optionally an agency, valid menit minutes (15 by default, at most 1440); returns the code (32 hex digits), shown only this once, the link''s id and its expiry: only its SHA-256 is stored. Administrators only, within their own scope.';

-- kkb.tautan_tukar: exchange a code for a device token (once).
CREATE FUNCTION kkb.tautan_tukar(kode text, perangkat text, nama text) RETURNS TABLE (token text, id bigint, label text,
	peran text, wilayah kkb.kode_wilayah, opd text, berlaku_sampai timestamptz)
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	t kkb.tautan_masuk;
	_nama text := pg_catalog.btrim(tautan_tukar.nama);
BEGIN
	IF tautan_tukar.perangkat IS NULL OR tautan_tukar.perangkat !~ '^[0-9a-f]{32,128}$' THEN
		RAISE EXCEPTION 'the device key must be 32 to 128 lower-case hex digits' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF _nama IS NULL OR _nama !~ '\S' OR pg_catalog.char_length(_nama) > 40 OR _nama ~ '[[:cntrl:]]' THEN
		RAISE EXCEPTION 'the device name must have 1 to 40 characters' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- the row locked: of two exchanges of the same code at once, the second waits for the first and finds it used
	SELECT l.* INTO t FROM kkb.tautan_masuk l
	 WHERE l.hash = pg_catalog.sha256(pg_catalog.convert_to(coalesce(tautan_tukar.kode, ''), 'UTF8'))
	   AND l.dipakai IS NULL AND l.berlaku_sampai > pg_catalog.now()
	   FOR UPDATE;
	IF t.id IS NULL THEN
		-- unknown, used or expired: one answer for all three
		RAISE EXCEPTION 'the sign-in code is not valid: unknown, already used or expired'
			USING ERRCODE = 'invalid_authorization_specification';
	END IF;
	token := kkb.token_buat(t.peran, t.wilayah, t.label || ' - ' || _nama, t.opd, pg_catalog.now() + interval '90 days');
	UPDATE kkb.token k SET perangkat = pg_catalog.sha256(pg_catalog.convert_to(tautan_tukar.perangkat, 'UTF8'))
	 WHERE k.hash = pg_catalog.sha256(pg_catalog.convert_to(token, 'UTF8'))
	RETURNING k.id, k.label, k.peran, k.wilayah, k.opd, k.berlaku_sampai INTO id, label, peran, wilayah, opd, berlaku_sampai;
	UPDATE kkb.tautan_masuk l SET dipakai = pg_catalog.now(), token = tautan_tukar.id WHERE l.id = t.id;
	RETURN NEXT;
END $f$;
COMMENT ON FUNCTION kkb.tautan_tukar(text, text, text) IS
	'Exchange a sign-in code (once, before it expires) for a device token: made by kkb.token_buat with the link''s role, scope and agency, labelled "<label> - <device name>", valid 90 days, bound to the SHA-256 of the device key perangkat (the gateway wants the key in X-Perangkat); returns the token, shown only this once. An unknown, used or expired code: one error (28000).';

-- ---------------------------------------------------------------- the API

CREATE FUNCTION kkb.api_tautan_buat(isi jsonb, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	b record;
BEGIN
	dokumen := kkb._api_asing(isi, ARRAY['peran', 'wilayah', 'label', 'opd', 'menit']);
	IF dokumen IS NOT NULL THEN
		status := 422;
		RETURN;
	END IF;
	SELECT * INTO b FROM kkb.tautan_buat(isi ->> 'peran', (isi ->> 'wilayah')::kkb.kode_wilayah, isi ->> 'label',
	                                     NULLIF(isi ->> 'opd', ''), coalesce((isi ->> 'menit')::integer, 15));
	-- (a statement of its own: the row is not in the snapshot of the statement that made it)
	SELECT json_build_object('id', l.id, 'kode', b.kode, 'tautan', '/#/masuk/' || b.kode, 'peran', l.peran,
	         'wilayah', l.wilayah::text, 'opd', l.opd, 'label', l.label, 'berlaku_sampai', l.berlaku_sampai), 201
	  INTO dokumen, status
	  FROM kkb.tautan_masuk l WHERE l.id = b.id;
END $f$;
COMMENT ON FUNCTION kkb.api_tautan_buat(jsonb) IS
	'API POST /v1/tautan-masuk: make a one-time sign-in link (body peran, wilayah, label, opd, menit; kkb.tautan_buat); the code and the dashboard path /#/masuk/<code>, shown only this once, and 201';

CREATE FUNCTION kkb.api_masuk(isi jsonb, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	dokumen := kkb._api_asing(isi, ARRAY['kode', 'perangkat', 'nama']);
	IF dokumen IS NOT NULL THEN
		status := 422;
		RETURN;
	END IF;
	SELECT json_build_object('token', t.token, 'id', t.id, 'label', t.label, 'peran', t.peran, 'wilayah', t.wilayah::text,
	         'opd', t.opd, 'berlaku_sampai', t.berlaku_sampai), 200
	  INTO dokumen, status
	  FROM kkb.tautan_tukar(isi ->> 'kode', isi ->> 'perangkat', isi ->> 'nama') t;
END $f$;
COMMENT ON FUNCTION kkb.api_masuk(jsonb) IS
	'API POST /v1/masuk (no token needed): exchange a sign-in code for a device token (body kode, perangkat, nama; kkb.tautan_tukar); the token, shown only this once';

CREATE FUNCTION kkb.api_perangkat_daftar(batas integer DEFAULT 100, lewati integer DEFAULT 0) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	WITH a AS (
		SELECT t.id, t.label, t.peran, t.wilayah, t.opd, t.dibuat, t.berlaku_sampai, l.id AS tautan, l.dibuat_oleh
		  FROM kkb.token t LEFT JOIN kkb.tautan_masuk l ON l.token = t.id
		 WHERE t.dicabut IS NULL AND (t.berlaku_sampai IS NULL OR t.berlaku_sampai > now())
		   AND (kkb.lingkup() IS NULL OR (t.wilayah IS NOT NULL AND t.wilayah OPERATOR(kkb.<@) kkb.lingkup())))
	SELECT kkb._api_halaman(json_build_object('wilayah', kkb.lingkup()::text), (SELECT count(*) FROM a), batas, lewati,
	         (SELECT json_agg(json_build_object('id', p.id, 'label', p.label, 'peran', p.peran, 'wilayah', p.wilayah::text,
	                   'opd', p.opd, 'dibuat', p.dibuat, 'berlaku_sampai', p.berlaku_sampai,
	                   'perangkat', p.tautan IS NOT NULL, 'dibuat_oleh', p.dibuat_oleh) ORDER BY p.dibuat DESC, p.id DESC)
	            FROM (SELECT * FROM a ORDER BY a.dibuat DESC, a.id DESC LIMIT batas OFFSET lewati) p))
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_perangkat_daftar(integer, integer) IS
	'API GET /v1/perangkat: the live tokens (devices) within the administrator''s scope, newest first: label, role, scope, agency, created, valid until, whether it came from a sign-in link (perangkat: bound to a device) and who made that link; paged';

CREATE FUNCTION kkb.api_perangkat_cabut(id bigint) RETURNS json
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	IF NOT kkb.token_cabut_id(api_perangkat_cabut.id) THEN
		RETURN NULL;
	END IF;
	SELECT json_build_object('id', t.id, 'label', t.label, 'dicabut', t.dicabut) FROM kkb.token t WHERE t.id = api_perangkat_cabut.id
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_perangkat_cabut(bigint) IS
	'API POST /v1/perangkat/{id}/cabut: revoke one token (device) within the administrator''s scope (kkb.token_cabut_id); the token''s id, label and revocation time; no document (404) for a token outside the scope';

REVOKE ALL ON FUNCTION kkb.tautan_buat(text, kkb.kode_wilayah, text, text, integer), kkb.tautan_tukar(text, text, text),
	kkb.api_tautan_buat(jsonb), kkb.api_masuk(jsonb), kkb.api_perangkat_daftar(integer, integer), kkb.api_perangkat_cabut(bigint)
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.tautan_buat(text, kkb.kode_wilayah, text, text, integer), kkb.api_tautan_buat(jsonb),
	kkb.api_perangkat_daftar(integer, integer), kkb.api_perangkat_cabut(bigint) TO kkb_admin;
-- the exchange needs no token (kkb_anon); a phone that still sends an old token runs as its role
GRANT EXECUTE ON FUNCTION kkb.tautan_tukar(text, text, text), kkb.api_masuk(jsonb)
	TO kkb_anon, kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi;
-- (and its check of the body's fields, kkb._api_asing: granted in 95_hak.sql, after 70_api.sql made it)

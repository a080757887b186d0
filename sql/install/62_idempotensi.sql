-- 62_idempotensi.sql - safe retries of writes that create rows.
--
-- A client that loses the answer to POST /v1/desa/{kode}/intervensi (or a
-- workflow step) cannot know whether it was stored.  With an Idempotency-Key
-- header it repeats the request safely: the gateway claims the key in the
-- same transaction as the write and stores the answer with it, so a repeat
-- finds the first answer and gets it again (Idempotent-Replayed: true),
-- without writing twice; a concurrent repeat waits for the first to commit.
-- The same key with another request (method, path or body) is refused
-- (KKB-IDEMPOTENSI-BEDA).  Keys are kept 24 hours.
CREATE TABLE kkb.idempotensi (
	pemilik text NOT NULL,
	kunci   text NOT NULL CHECK (kunci ~ '^[!-~]{1,255}$'),
	sidik   bytea NOT NULL,
	status  integer,
	jawaban text,
	dibuat  timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (pemilik, kunci)
);
CREATE INDEX idempotensi_dibuat ON kkb.idempotensi (dibuat);
COMMENT ON TABLE kkb.idempotensi IS 'Idempotency keys of writes through the gateway (Idempotency-Key header): the first answer of each key, kept 24 hours';
COMMENT ON COLUMN kkb.idempotensi.pemilik IS 'Whose key: the token (hex of the first 8 bytes of its SHA-256)';
COMMENT ON COLUMN kkb.idempotensi.kunci IS 'The Idempotency-Key header: 1 to 255 visible ASCII characters';
COMMENT ON COLUMN kkb.idempotensi.sidik IS 'SHA-256 of the request: method, path and body';
COMMENT ON COLUMN kkb.idempotensi.status IS 'HTTP status of the first answer';
COMMENT ON COLUMN kkb.idempotensi.jawaban IS 'Body of the first answer (JSON)';
COMMENT ON COLUMN kkb.idempotensi.dibuat IS 'When the key was first used';
ALTER TABLE kkb.idempotensi ENABLE ROW LEVEL SECURITY;

-- Claim a key for a request (the gateway, in the request's transaction):
-- baru (claimed: run the write, then kkb._idempotensi_simpan), ulang (the
-- first answer, in status and jawaban), beda (the key belongs to another
-- request).  A repeat running at the same time waits here for the first.
CREATE FUNCTION kkb._idempotensi_klaim(pemilik text, kunci text, sidik bytea,
                                       OUT keadaan text, OUT status integer, OUT jawaban text)
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	r kkb.idempotensi;
BEGIN
	IF NOT pg_catalog.pg_has_role(SESSION_USER, 'kkb_gateway', 'MEMBER') THEN
		RAISE EXCEPTION 'idempotency keys are claimed by the gateway''s login only' USING ERRCODE = 'insufficient_privilege';
	END IF;
	-- keys are kept 24 hours: a few expired ones go with every claim
	DELETE FROM kkb.idempotensi i WHERE i.ctid = ANY (ARRAY(
		SELECT x.ctid FROM kkb.idempotensi x WHERE x.dibuat < pg_catalog.now() - interval '24 hours' LIMIT 20));
	INSERT INTO kkb.idempotensi AS i (pemilik, kunci, sidik) VALUES (_idempotensi_klaim.pemilik, _idempotensi_klaim.kunci, _idempotensi_klaim.sidik)
	ON CONFLICT ON CONSTRAINT idempotensi_pkey DO NOTHING
	RETURNING i.* INTO r;
	IF FOUND THEN
		keadaan := 'baru';
		RETURN;
	END IF;
	SELECT i.* INTO r FROM kkb.idempotensi i
	 WHERE i.pemilik = _idempotensi_klaim.pemilik AND i.kunci = _idempotensi_klaim.kunci;
	IF r.sidik <> _idempotensi_klaim.sidik THEN
		keadaan := 'beda';
	ELSIF r.status IS NULL THEN
		keadaan := 'baru';		-- claimed earlier in this same transaction
	ELSE
		keadaan := 'ulang';
		status := r.status;
		jawaban := r.jawaban;
	END IF;
END $f$;
COMMENT ON FUNCTION kkb._idempotensi_klaim(text, text, bytea) IS
	'Internal (the gateway): claim an Idempotency-Key for a request - baru (claimed), ulang (the first answer), beda (the key belongs to another request)';

CREATE FUNCTION kkb._idempotensi_simpan(pemilik text, kunci text, status integer, jawaban text) RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF NOT pg_catalog.pg_has_role(SESSION_USER, 'kkb_gateway', 'MEMBER') THEN
		RAISE EXCEPTION 'idempotency keys are kept by the gateway''s login only' USING ERRCODE = 'insufficient_privilege';
	END IF;
	UPDATE kkb.idempotensi i SET status = _idempotensi_simpan.status, jawaban = _idempotensi_simpan.jawaban
	 WHERE i.pemilik = _idempotensi_simpan.pemilik AND i.kunci = _idempotensi_simpan.kunci;
END $f$;
COMMENT ON FUNCTION kkb._idempotensi_simpan(text, text, integer, text) IS
	'Internal (the gateway): keep the answer of the request that claimed an Idempotency-Key';
REVOKE EXECUTE ON FUNCTION kkb._idempotensi_klaim(text, text, bytea), kkb._idempotensi_simpan(text, text, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb._idempotensi_klaim(text, text, bytea), kkb._idempotensi_simpan(text, text, integer, text)
	TO kkb_admin, kkb_pokja, kkb_opd;

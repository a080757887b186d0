-- 95_hak.sql - execute rights, last, once every function exists.  Functions are
-- executable by PUBLIC by default; the internal ones that only triggers or the
-- extension itself should run are not.  (Triggers fire whatever the rights on
-- their function; a trigger function is still callable to attach it to a table
-- of one's own, which the SECURITY DEFINER ones must never allow.)

REVOKE EXECUTE ON FUNCTION kkb._audit(), kkb._peringatan(), kkb._kunci_periode(), kkb._validasi(), kkb._cek_opd(),
	kkb._pengukuran_anak(), kkb._alur_periode(), kkb._cek_aturan(), kkb._cek_masalah(), kkb._wilayah_data(), kkb._versi(),
	kkb._kunci_tanggal(), kkb._bekukan()
	FROM PUBLIC;
-- aggregate counts from by-name records: for the working roles (the function checks the scope itself)
REVOKE EXECUTE ON FUNCTION kkb._nilai_individu(kkb.kode_wilayah, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb._nilai_individu(kkb.kode_wilayah, date) TO kkb_admin, kkb_pokja, kkb_opd;

-- an anonymous call's ETag carries the reference data's version (kkb._versi_teks with acuan,
-- which reads the version tables with its owner's rights)

-- the sign-in exchange (kkb.api_masuk, 63_tautan_masuk.sql) is for every caller, anonymous ones included:
-- its check of the body's fields, the 422 naming an unknown one
GRANT EXECUTE ON FUNCTION kkb._api_asing(jsonb, text[]) TO kkb_anon, kkb_analis, kkb_provinsi;

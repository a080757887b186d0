-- 50_foto_intervensi.sql - photos of an intervention, kept in the database.
--
-- At most 5 photos per intervention, each a JPEG, PNG or WebP image of at most
-- 300 KB (307200 bytes) whose longest side is at most 1280 px (the dashboard
-- resizes before it uploads).  The database reads the media type from the
-- image's first bytes (its magic number) and the width and height from its
-- header, whatever a client says; a row breaking a rule is refused by a named
-- constraint (kkb.galat).  Who sees the photos is who sees the intervention;
-- who adds or removes them is who may change it (kkb._intervensi_boleh_ubah,
-- 39_pemilik_intervensi.sql): the same row-level security, for the API and
-- direct SQL alike.  Removing an intervention removes its photos.

-- The media type by the first bytes: JPEG FF D8 FF, PNG 89 "PNG" 0D 0A 1A 0A,
-- WebP "RIFF" <size> "WEBP"; NULL for anything else.
CREATE FUNCTION kkb._foto_jenis(isi bytea) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE WHEN substring(isi FROM 1 FOR 3) = '\xffd8ff'::bytea THEN 'image/jpeg'
	            WHEN substring(isi FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea THEN 'image/png'
	            WHEN substring(isi FROM 1 FOR 4) = '\x52494646'::bytea
	             AND substring(isi FROM 9 FOR 4) = '\x57454250'::bytea THEN 'image/webp' END;
COMMENT ON FUNCTION kkb._foto_jenis(bytea) IS
	'Internal: the media type of an image by its first bytes (image/jpeg, image/png, image/webp), NULL for anything else';

-- Width and height from the image's header: PNG's IHDR; JPEG's first frame
-- header (SOFn); WebP's VP8X canvas, VP8L or VP8 frame.  NULL when unreadable.
CREATE FUNCTION kkb._foto_dimensi(isi bytea, OUT lebar integer, OUT tinggi integer)
	LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	j text := kkb._foto_jenis(isi);
	n integer := octet_length(isi);
	p integer := 2;
	m integer;
	bit bigint;
	potong text;
BEGIN
	IF j = 'image/png' AND n >= 24 AND substring(isi FROM 13 FOR 4) = '\x49484452'::bytea THEN
		lebar := (get_byte(isi, 16) << 24) | (get_byte(isi, 17) << 16) | (get_byte(isi, 18) << 8) | get_byte(isi, 19);
		tinggi := (get_byte(isi, 20) << 24) | (get_byte(isi, 21) << 16) | (get_byte(isi, 22) << 8) | get_byte(isi, 23);
	ELSIF j = 'image/jpeg' THEN
		-- the segments after SOI: FF <marker> <length, 2 bytes, itself included> <data>
		WHILE p + 9 <= n LOOP
			IF get_byte(isi, p) <> 255 THEN
				RETURN;
			END IF;
			m := get_byte(isi, p + 1);
			IF m = 255 THEN
				p := p + 1;			-- a fill byte
			ELSIF m = 1 OR m BETWEEN 208 AND 216 THEN
				p := p + 2;			-- TEM, RSTn, SOI: no length
			ELSIF m BETWEEN 192 AND 207 AND m NOT IN (196, 200, 204) THEN
				-- a frame header (SOF0..SOF15 but DHT, JPG, DAC): precision, height, width
				tinggi := (get_byte(isi, p + 5) << 8) | get_byte(isi, p + 6);
				lebar := (get_byte(isi, p + 7) << 8) | get_byte(isi, p + 8);
				RETURN;
			ELSIF m IN (217, 218) THEN
				RETURN;				-- EOI or the scan before any frame header
			ELSE
				p := p + 2 + ((get_byte(isi, p + 2) << 8) | get_byte(isi, p + 3));
			END IF;
		END LOOP;
	ELSIF j = 'image/webp' AND n >= 30 THEN
		potong := encode(substring(isi FROM 13 FOR 4), 'escape');
		IF potong = 'VP8X' THEN
			lebar := 1 + (get_byte(isi, 24) | (get_byte(isi, 25) << 8) | (get_byte(isi, 26) << 16));
			tinggi := 1 + (get_byte(isi, 27) | (get_byte(isi, 28) << 8) | (get_byte(isi, 29) << 16));
		ELSIF potong = 'VP8L' AND get_byte(isi, 20) = 47 THEN
			bit := get_byte(isi, 21)::bigint | (get_byte(isi, 22)::bigint << 8) | (get_byte(isi, 23)::bigint << 16) | (get_byte(isi, 24)::bigint << 24);
			lebar := 1 + (bit & 16383)::integer;
			tinggi := 1 + ((bit >> 14) & 16383)::integer;
		ELSIF potong = 'VP8 ' AND substring(isi FROM 24 FOR 3) = '\x9d012a'::bytea THEN
			lebar := (get_byte(isi, 26) | (get_byte(isi, 27) << 8)) & 16383;
			tinggi := (get_byte(isi, 28) | (get_byte(isi, 29) << 8)) & 16383;
		END IF;
	END IF;
END $f$;
COMMENT ON FUNCTION kkb._foto_dimensi(bytea) IS
	'Internal: width and height of a JPEG, PNG or WebP image from its header (NULL when it cannot be read)';

CREATE TABLE kkb.intervensi_foto (
	kode_desa     kkb.kode_wilayah NOT NULL,
	intervensi_id bigint NOT NULL,
	id            bigint GENERATED ALWAYS AS IDENTITY,
	jenis         text NOT NULL,
	lebar         integer NOT NULL,
	tinggi        integer NOT NULL,
	ukuran        integer NOT NULL,
	isi           bytea NOT NULL,
	dibuat_pada   timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, id),
	CONSTRAINT intervensi_foto_jenis CHECK (jenis IN ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT intervensi_foto_piksel CHECK (lebar BETWEEN 1 AND 1280 AND tinggi BETWEEN 1 AND 1280),
	CONSTRAINT intervensi_foto_ukuran CHECK (ukuran BETWEEN 1 AND 307200),
	CONSTRAINT intervensi_foto_intervensi_fkey FOREIGN KEY (kode_desa, intervensi_id)
		REFERENCES kkb.intervensi (kode_desa, id) ON DELETE CASCADE
);
CREATE INDEX intervensi_foto_intervensi ON kkb.intervensi_foto (kode_desa, intervensi_id);
COMMENT ON TABLE kkb.intervensi_foto IS 'Photos of an intervention (at most 5, each a JPEG, PNG or WebP of at most 300 KB and 1280 px), read and written as the intervention is';
COMMENT ON COLUMN kkb.intervensi_foto.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.intervensi_foto.intervensi_id IS 'The intervention (kkb.intervensi.id of the village)';
COMMENT ON COLUMN kkb.intervensi_foto.id IS 'Photo number';
COMMENT ON COLUMN kkb.intervensi_foto.jenis IS 'Media type, read from the image''s first bytes: image/jpeg, image/png or image/webp';
COMMENT ON COLUMN kkb.intervensi_foto.lebar IS 'Width in pixels, read from the image (1 to 1280)';
COMMENT ON COLUMN kkb.intervensi_foto.tinggi IS 'Height in pixels, read from the image (1 to 1280)';
COMMENT ON COLUMN kkb.intervensi_foto.ukuran IS 'Size in bytes (at most 307200, 300 KB)';
COMMENT ON COLUMN kkb.intervensi_foto.isi IS 'The image';
COMMENT ON COLUMN kkb.intervensi_foto.dibuat_pada IS 'Uploaded at';

-- What the database reads from the image itself (never what a client says), and
-- the limit of 5 per intervention (counted under a lock of the intervention, so
-- that two uploads at once cannot make a sixth).
CREATE FUNCTION kkb._intervensi_foto_isi() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	d record;
BEGIN
	NEW.jenis := coalesce(kkb._foto_jenis(NEW.isi), 'lain');
	d := kkb._foto_dimensi(NEW.isi);
	NEW.lebar := coalesce(d.lebar, 0);
	NEW.tinggi := coalesce(d.tinggi, 0);
	NEW.ukuran := pg_catalog.octet_length(NEW.isi);
	IF TG_OP = 'INSERT' THEN
		PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('kkb.intervensi_foto ' || NEW.kode_desa::text || ' ' || NEW.intervensi_id, 0));
		IF (SELECT count(*) FROM kkb.intervensi_foto f
		     WHERE f.kode_desa OPERATOR(kkb.=) NEW.kode_desa AND f.intervensi_id = NEW.intervensi_id) >= 5 THEN
			RAISE EXCEPTION 'intervention % of village % has 5 photos already', NEW.intervensi_id, NEW.kode_desa
				USING ERRCODE = 'check_violation', TABLE = 'intervensi_foto', SCHEMA = 'kkb';
		END IF;
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._intervensi_foto_isi() IS
	'Internal trigger: a photo''s media type, width, height and size from the image itself, and at most 5 photos per intervention';
CREATE TRIGGER t10_isi BEFORE INSERT OR UPDATE ON kkb.intervensi_foto FOR EACH ROW EXECUTE FUNCTION kkb._intervensi_foto_isi();
REVOKE EXECUTE ON FUNCTION kkb._intervensi_foto_isi() FROM PUBLIC;

-- the village's version (ETags of its data, the photos' included)
CREATE TRIGGER t95_versi_i AFTER INSERT ON kkb.intervensi_foto REFERENCING NEW TABLE AS kkb_versi_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi();
CREATE TRIGGER t95_versi_u AFTER UPDATE ON kkb.intervensi_foto REFERENCING OLD TABLE AS kkb_versi_lama NEW TABLE AS kkb_versi_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi();
CREATE TRIGGER t95_versi_d AFTER DELETE ON kkb.intervensi_foto REFERENCING OLD TABLE AS kkb_versi_lama
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi();

-- who: as kkb.intervensi (34_akses.sql) - read within the scope; added and removed by
-- whoever may change the intervention
GRANT SELECT, INSERT, DELETE ON kkb.intervensi_foto TO kkb_admin, kkb_pokja, kkb_opd;
ALTER TABLE kkb.intervensi_foto ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_semua ON kkb.intervensi_foto TO kkb_admin
	USING (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup())
	WITH CHECK (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY pokja_desa ON kkb.intervensi_foto TO kkb_pokja
	USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup()) WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_baca ON kkb.intervensi_foto FOR SELECT TO kkb_opd USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_tulis ON kkb.intervensi_foto FOR INSERT TO kkb_opd WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_hapus ON kkb.intervensi_foto FOR DELETE TO kkb_opd USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
-- Adding and removing a photo: whoever may change its intervention.  A trigger, not a restrictive
-- policy: a policy's subquery cannot be distributed on a Citus cluster, while a trigger on a shard
-- reads the co-located intervention of the same village (docs/SCALE.md).  A direct INSERT or
-- DELETE by anyone else is refused with the message the API gives (42501, naming who recorded it).
CREATE FUNCTION kkb._intervensi_foto_pemilik() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	kode kkb.kode_wilayah;
	iid bigint;
	p text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		kode := OLD.kode_desa;
		iid := OLD.intervensi_id;
	ELSE
		kode := NEW.kode_desa;
		iid := NEW.intervensi_id;
	END IF;
	SELECT i.pemilik_opd INTO p FROM kkb.intervensi i WHERE i.kode_desa = kode AND i.id = iid;
	-- not found: the intervention is being removed (its photos go with it), or the foreign key refuses the photo
	IF FOUND AND NOT kkb._intervensi_boleh_ubah(p) THEN
		IF p IS NOT NULL THEN
			RAISE EXCEPTION 'intervention % of village % was recorded by agency %: only that agency or an administrator may change it',
				iid, kode, p USING ERRCODE = 'insufficient_privilege';
		END IF;
		RAISE EXCEPTION 'intervention % of village % was recorded by the village or an administrator: only its pokja or an administrator may change it',
			iid, kode USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._intervensi_foto_pemilik() IS
	'Internal trigger: a photo is added or removed only by whoever may change its intervention (kkb._intervensi_boleh_ubah), 42501 naming who recorded it otherwise';
CREATE TRIGGER t05_pemilik BEFORE INSERT OR DELETE ON kkb.intervensi_foto FOR EACH ROW EXECUTE FUNCTION kkb._intervensi_foto_pemilik();
REVOKE EXECUTE ON FUNCTION kkb._intervensi_foto_pemilik() FROM PUBLIC;

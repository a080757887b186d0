-- 37_ganti_nomor.sql - renumbering a family card (No. KK) or a member's NIK.
--
-- A number is renumbered when it was entered wrongly or the civil registry
-- (Dukcapil) issued a new one (a family split, a corrected card).  The keys
-- that refer to these numbers (a member's family, a measurement's child) have
-- no ON UPDATE CASCADE: a Citus cluster refuses it on its tables, and one
-- path that holds on one node and on a cluster is worth more than a cascade
-- on one of them.  These two functions are that path.  Each is one statement
-- of the caller's, run with the caller's rights (row-level security keeps a
-- village's Pokja to its own village), through the ordinary writes of every
-- table involved, so the rules, the period lock, the audit trail, warnings
-- and the change counters all see what happened:
--
--   kkb.ganti_no_kk: the family is written under its new number, its members
--     move to it, the old number is deleted (audit: INSERT, UPDATEs, DELETE);
--   kkb.ganti_nik: the child's measurements are set aside, the member's NIK
--     changed (which checks the new NIK against sex and birth date), the
--     measurements written back under it, and the vital events that name the
--     old NIK (as the person or as the mother) changed to the new one.
--
-- A measurement or event in an approved or locked month cannot be rewritten
-- (36_kunci_tanggal.sql): the renumbering is then refused as a whole, naming
-- the month; an administrator reopens it first (kkb.buka).  Warnings keep the
-- key they were raised under (they record what was seen when).

-- Insert one row, given as a value of its table's row type, with an INSERT ... VALUES: on a
-- Citus cluster that statement goes whole to the village's shard, where an INSERT ... SELECT
-- of a value computed on the coordinator would be sent as a COPY, which row-level security
-- refuses ("COPY FROM not supported with row-level security").  Caller's rights.
CREATE FUNCTION kkb._sisip(baris anyelement) RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	v_tabel regclass := (SELECT t.typrelid FROM pg_catalog.pg_type t WHERE t.oid = pg_catalog.pg_typeof(baris))::regclass;
	v_kolom text;
	v_nilai text;
BEGIN
	IF v_tabel IS NULL OR v_tabel::oid = 0 THEN
		RAISE EXCEPTION 'kkb._sisip takes a row of a table, not a value of type %', pg_catalog.pg_typeof(baris)
			USING ERRCODE = 'wrong_object_type';
	END IF;
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum),
	       pg_catalog.string_agg(pg_catalog.format('($1).%I', a.attname), ', ' ORDER BY a.attnum)
	  INTO v_kolom, v_nilai
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid = v_tabel AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = '';
	EXECUTE pg_catalog.format('INSERT INTO %s (%s) VALUES (%s)', v_tabel, v_kolom, v_nilai) USING baris;
END $f$;
COMMENT ON FUNCTION kkb._sisip(anyelement) IS
	'Internal: insert one row given as a value of its table''s row type, as INSERT ... VALUES (one shard''s statement on a Citus cluster), with the caller''s rights';

CREATE FUNCTION kkb.ganti_no_kk(kode_desa kkb.kode_wilayah, lama kkb.no_kk, baru kkb.no_kk) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_desa kkb.kode_wilayah := ganti_no_kk.kode_desa;
	v_k kkb.keluarga%ROWTYPE;
	v_n integer;
BEGIN
	IF v_desa IS NULL OR lama IS NULL OR baru IS NULL THEN
		RAISE EXCEPTION 'kkb.ganti_no_kk needs the village, the old and the new family card number (one of them is NULL)'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF lama OPERATOR(kkb.=) baru THEN
		RAISE EXCEPTION 'the new no_kk % is the old one', baru
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'no_kk', TABLE = 'keluarga';
	END IF;
	SELECT k.* INTO v_k FROM kkb.keluarga k
	 WHERE k.kode_desa OPERATOR(kkb.=) v_desa AND k.no_kk OPERATOR(kkb.=) lama FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no family with no_kk % in village %', lama, v_desa
			USING ERRCODE = 'no_data_found', COLUMN = 'no_kk', TABLE = 'keluarga',
			      HINT = CASE WHEN EXISTS (SELECT 1 FROM kkb.keluarga k WHERE k.kode_desa OPERATOR(kkb.=) v_desa AND k.no_kk OPERATOR(kkb.=) baru)
			                  THEN pg_catalog.format('The village has a family %s: was it renumbered already?', baru)
			                  ELSE 'Look the family up in the village''s register (kkb.keluarga).' END;
	END IF;
	IF EXISTS (SELECT 1 FROM kkb.keluarga k WHERE k.kode_desa OPERATOR(kkb.=) v_desa AND k.no_kk OPERATOR(kkb.=) baru) THEN
		RAISE EXCEPTION 'no_kk % is already a family of village %', baru, v_desa
			USING ERRCODE = 'unique_violation', COLUMN = 'no_kk', TABLE = 'keluarga',
			      HINT = 'To join two families, move the members to the other card (POST /v1/desa/{kode}/anggota with its no_kk).';
	END IF;
	v_k.no_kk := baru;
	PERFORM kkb._sisip(v_k);
	UPDATE kkb.anggota a SET no_kk = baru WHERE a.kode_desa OPERATOR(kkb.=) v_desa AND a.no_kk OPERATOR(kkb.=) lama;
	GET DIAGNOSTICS v_n = ROW_COUNT;
	DELETE FROM kkb.keluarga k WHERE k.kode_desa OPERATOR(kkb.=) v_desa AND k.no_kk OPERATOR(kkb.=) lama;
	RETURN v_n;
END $f$;
COMMENT ON FUNCTION kkb.ganti_no_kk(kkb.kode_wilayah, kkb.no_kk, kkb.no_kk) IS
	'Renumber a family card in a village: the family under its new number with its members, the old number gone; the number of members moved';

CREATE FUNCTION kkb.ganti_nik(kode_desa kkb.kode_wilayah, lama kkb.nik, baru kkb.nik) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_desa kkb.kode_wilayah := ganti_nik.kode_desa;
	v_ukur kkb.pengukuran[];
	v_u kkb.pengukuran;
	v_n integer;
BEGIN
	IF v_desa IS NULL OR lama IS NULL OR baru IS NULL THEN
		RAISE EXCEPTION 'kkb.ganti_nik needs the village, the old and the new NIK (one of them is NULL)'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF lama OPERATOR(kkb.=) baru THEN
		RAISE EXCEPTION 'the new nik % is the old one', baru
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'nik', TABLE = 'anggota';
	END IF;
	PERFORM FROM kkb.anggota a WHERE a.kode_desa OPERATOR(kkb.=) v_desa AND a.nik OPERATOR(kkb.=) lama FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no member with nik % in village %', lama, v_desa
			USING ERRCODE = 'no_data_found', COLUMN = 'nik', TABLE = 'anggota',
			      HINT = CASE WHEN EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa OPERATOR(kkb.=) v_desa AND a.nik OPERATOR(kkb.=) baru)
			                  THEN pg_catalog.format('The village has a member %s: was the NIK changed already?', baru)
			                  ELSE 'Look the member up in the village''s register (kkb.anggota).' END;
	END IF;
	IF EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa OPERATOR(kkb.=) v_desa AND a.nik OPERATOR(kkb.=) baru) THEN
		RAISE EXCEPTION 'nik % is already a member of village %', baru, v_desa
			USING ERRCODE = 'unique_violation', COLUMN = 'nik', TABLE = 'anggota',
			      HINT = 'One person has one NIK: if both records are the same person, delete the wrong one.';
	END IF;
	-- the measurements refer to the member: set aside, then written back under the new NIK
	-- (a measurement's z-scores are derived again on the way, from the same member's sex and birth date)
	SELECT pg_catalog.array_agg(p ORDER BY p.tanggal_ukur) INTO v_ukur FROM kkb.pengukuran p
	 WHERE p.kode_desa OPERATOR(kkb.=) v_desa AND p.nik OPERATOR(kkb.=) lama;
	DELETE FROM kkb.pengukuran p WHERE p.kode_desa OPERATOR(kkb.=) v_desa AND p.nik OPERATOR(kkb.=) lama;
	UPDATE kkb.anggota a SET nik = baru WHERE a.kode_desa OPERATOR(kkb.=) v_desa AND a.nik OPERATOR(kkb.=) lama;
	v_n := coalesce(pg_catalog.cardinality(v_ukur), 0);
	FOREACH v_u IN ARRAY coalesce(v_ukur, '{}') LOOP
		v_u.nik := baru;
		PERFORM kkb._sisip(v_u);
	END LOOP;
	UPDATE kkb.peristiwa e SET nik = baru WHERE e.kode_desa OPERATOR(kkb.=) v_desa AND e.nik OPERATOR(kkb.=) lama;
	UPDATE kkb.peristiwa e SET nik_ibu = baru WHERE e.kode_desa OPERATOR(kkb.=) v_desa AND e.nik_ibu OPERATOR(kkb.=) lama;
	RETURN v_n;
END $f$;
COMMENT ON FUNCTION kkb.ganti_nik(kkb.kode_wilayah, kkb.nik, kkb.nik) IS
	'Change a member''s NIK in a village, with the child''s measurements and the vital events that name it; the number of measurements moved';

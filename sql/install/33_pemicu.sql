-- 33_pemicu.sql - the trigger functions that guard the data on write (their
-- tables and triggers are in 33_pengawasan.sql): validation (C, row-local), the
-- period lock, code checks, the measured child's record and warnings.  Functions
-- only, so that the upgrade replays them (97_pemicu.replay).  They hold on a Citus
-- cluster too, where they run on the shards: every table they read or write is
-- a reference table or a co-located shard of the same village (docs/SCALE.md).

-- ---------------------------------------------------------------- row validation (C)
CREATE FUNCTION kkb._validasi() RETURNS trigger
	AS 'MODULE_PATHNAME', 'kkb_validasi' LANGUAGE C;
COMMENT ON FUNCTION kkb._validasi() IS
	'Internal trigger (C, row-local): hard validation rules of the row, derived measurement columns, diubah_pada';
-- the same rules without raising, on rows not yet written (the bulk sync checks a batch with them set-based)
CREATE FUNCTION kkb._validasi_langgar(jenis text, baris record, anak record,
                                      OUT kolom text, OUT pesan text, OUT rincian text, OUT saran text)
	RETURNS record AS 'MODULE_PATHNAME', 'kkb_validasi_langgar' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._validasi_langgar(text, record, record) IS
	'Internal (C): the first rule of the trigger kkb._validasi(jenis) a row breaks - its column, message, detail and hint - or NULL; anak: a measured child''s member row (sex, birth date) or NULL';

-- ---------------------------------------------------------------- period lock
CREATE FUNCTION kkb._kunci_periode() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	r record;
	s kkb.status_periode;
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._kunci_periode only guards tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	FOR r IN SELECT * FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN OLD.kode_desa END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.periode END),
	                               (CASE WHEN TG_OP <> 'DELETE' THEN NEW.kode_desa END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.periode END)) v(kode_desa, periode)
	          WHERE v.kode_desa IS NOT NULL LOOP
		SELECT p.status INTO s FROM kkb.periode_status p WHERE p.kode_desa = r.kode_desa AND p.periode = r.periode;
		IF s IN ('disetujui', 'dikunci') THEN
			RAISE EXCEPTION 'period % of village % is %: its data can no longer be changed', pg_catalog.to_char(r.periode, 'YYYY-MM'), r.kode_desa, s
				USING ERRCODE = 'object_not_in_prerequisite_state',
				      DETAIL = 'Data of an approved (disetujui) or locked (dikunci) month is final.',
				      HINT = 'An administrator can reopen the month with kkb.buka(kode_desa, periode).',
				      TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA;
		END IF;
	END LOOP;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $f$;
COMMENT ON FUNCTION kkb._kunci_periode() IS 'Internal trigger: refuses writes to an approved or locked village-month';


-- ---------------------------------------------------------------- agencies of an intervention
CREATE FUNCTION kkb._cek_opd() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	salah text;
BEGIN
	SELECT u.k INTO salah FROM pg_catalog.unnest(NEW.opd) AS u(k)
	 WHERE NOT EXISTS (SELECT 1 FROM kkb.opd o WHERE o.kode = u.k) LIMIT 1;
	IF salah IS NOT NULL THEN
		RAISE EXCEPTION 'opd "%" is not a known agency', salah
			USING ERRCODE = 'foreign_key_violation', DETAIL = 'Agencies are given by their codes in kkb.opd.',
			      HINT = 'SELECT kode, nama FROM kkb.opd lists them.', TABLE = TG_TABLE_NAME, COLUMN = 'opd',
			      SCHEMA = TG_TABLE_SCHEMA;
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._cek_opd() IS 'Internal trigger: every agency of an intervention is in kkb.opd';

-- ---------------------------------------------------------------- measurement: the child's record
CREATE FUNCTION kkb._pengukuran_anak() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	SELECT a.jenis_kelamin, a.tanggal_lahir INTO NEW.jenis_kelamin, NEW.tanggal_lahir
	  FROM kkb.anggota a WHERE a.kode_desa = NEW.kode_desa AND a.nik = NEW.nik;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'nik % is not a member of village %', NEW.nik, NEW.kode_desa
			USING ERRCODE = 'foreign_key_violation', DETAIL = 'A child is measured as a member of its village.',
			      HINT = 'Add the child to kkb.anggota first.', TABLE = TG_TABLE_NAME, COLUMN = 'nik', SCHEMA = TG_TABLE_SCHEMA;
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._pengukuran_anak() IS 'Internal trigger: copies the child''s sex and birth date from kkb.anggota into the measurement';

-- ---------------------------------------------------------------- warnings, set-based per statement
CREATE FUNCTION kkb._peringatan() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	desa kkb.kode_wilayah[] := '{}';
	kk kkb.no_kk[] := '{}';
	v_tabel text := kkb._tabel(TG_TABLE_NAME);
	-- on a shard of a Citus cluster (docs/SCALE.md) Citus plans no statement that reads a transition
	-- table together with other tables: there the same checks run row by row, and each warning is
	-- written to the co-located shard of its village
	di_shard boolean := kkb._tabel(TG_TABLE_NAME) <> TG_TABLE_NAME;
	r record;
	v_umur int;
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._peringatan only watches tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF v_tabel = 'anggota' THEN
		IF TG_OP IN ('INSERT', 'UPDATE') AND NOT di_shard THEN
			INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
			SELECT n.kode_desa, 'anggota', jsonb_build_object('kode_desa', n.kode_desa, 'nik', n.nik), 'nik_wilayah_tidak_dikenal',
			       format('the district %s in nik %s is not in the national region reference', kkb.nik_kecamatan(n.nik), n.nik)
			  FROM kkb_baru n
			  LEFT JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) kkb.nik_kecamatan(n.nik)
			 WHERE w.kode IS NULL
			ON CONFLICT (kode_desa, tabel, kunci, kode) DO NOTHING;
		ELSIF TG_OP IN ('INSERT', 'UPDATE') THEN
			FOR r IN SELECT n.kode_desa, n.nik FROM kkb_baru n LOOP
				IF NOT EXISTS (SELECT 1 FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) kkb.nik_kecamatan(r.nik)) THEN
					INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
					VALUES (r.kode_desa, 'anggota', jsonb_build_object('kode_desa', r.kode_desa, 'nik', r.nik), 'nik_wilayah_tidak_dikenal',
					        format('the district %s in nik %s is not in the national region reference', kkb.nik_kecamatan(r.nik), r.nik))
					ON CONFLICT (kode_desa, tabel, kunci, kode) DO NOTHING;
				END IF;
			END LOOP;
		END IF;
		-- families touched by the statement (where members went to and came from) left without a head;
		-- each transition table exists only for its events, hence the branches
		IF TG_OP <> 'DELETE' THEN
			SELECT coalesce(array_agg(n.kode_desa), '{}'), coalesce(array_agg(n.no_kk), '{}') INTO desa, kk FROM kkb_baru n;
		END IF;
		IF TG_OP <> 'INSERT' THEN
			SELECT desa || coalesce(array_agg(o.kode_desa), '{}'), kk || coalesce(array_agg(o.no_kk), '{}') INTO desa, kk FROM kkb_lama o;
		END IF;
		IF NOT di_shard THEN
			INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
			SELECT t.kode_desa, 'keluarga', jsonb_build_object('kode_desa', t.kode_desa, 'no_kk', t.no_kk), 'keluarga_tanpa_kepala',
			       format('family %s has members but no head (hubungan = kepala)', t.no_kk)
			  FROM (SELECT DISTINCT u.kode_desa, u.no_kk FROM unnest(desa, kk) AS u(kode_desa, no_kk)) t
			 WHERE EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa = t.kode_desa AND a.no_kk = t.no_kk)
			   AND NOT EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa = t.kode_desa AND a.no_kk = t.no_kk AND a.hubungan = 'kepala')
			ON CONFLICT (kode_desa, tabel, kunci, kode) DO NOTHING;
		ELSE
			FOR r IN SELECT DISTINCT u.kode_desa, u.no_kk FROM unnest(desa, kk) AS u(kode_desa, no_kk) LOOP
				IF EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa = r.kode_desa AND a.no_kk = r.no_kk)
				   AND NOT EXISTS (SELECT 1 FROM kkb.anggota a WHERE a.kode_desa = r.kode_desa AND a.no_kk = r.no_kk AND a.hubungan = 'kepala') THEN
					INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
					VALUES (r.kode_desa, 'keluarga', jsonb_build_object('kode_desa', r.kode_desa, 'no_kk', r.no_kk), 'keluarga_tanpa_kepala',
					        format('family %s has members but no head (hubungan = kepala)', r.no_kk))
					ON CONFLICT (kode_desa, tabel, kunci, kode) DO NOTHING;
				END IF;
			END LOOP;
		END IF;
	ELSIF v_tabel = 'pengukuran' THEN
		-- (no other table read: one query, written at once or row by row)
		FOR r IN SELECT n.kode_desa, jsonb_build_object('kode_desa', n.kode_desa, 'nik', n.nik, 'tanggal_ukur', n.tanggal_ukur) AS kunci,
		                format('measurement of %s on %s is flagged by WHO''s rules: %s', n.nik, n.tanggal_ukur, array_to_string(n.flags, ', ')) AS pesan
		           FROM kkb_baru n WHERE cardinality(n.flags) > 0 LOOP
			INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan) VALUES (r.kode_desa, 'pengukuran', r.kunci, 'z_tidak_wajar', r.pesan)
			ON CONFLICT (kode_desa, tabel, kunci, kode) DO NOTHING;
		END LOOP;
	ELSIF v_tabel = 'peristiwa' AND NOT di_shard THEN
		INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
		SELECT n.kode_desa, 'peristiwa', jsonb_build_object('kode_desa', n.kode_desa, 'id', n.id), 'umur_ibu_tidak_wajar',
		       format('the mother %s was %s years old at the birth on %s', n.nik_ibu, u.umur, n.tanggal)
		  FROM kkb_baru n
		  JOIN kkb.anggota i ON i.kode_desa = n.kode_desa AND i.nik = n.nik_ibu
		 CROSS JOIN LATERAL (SELECT extract(year FROM age(n.tanggal, i.tanggal_lahir))::int AS umur) u
		 WHERE n.jenis = 'lahir' AND (u.umur < 15 OR u.umur > 55)
		ON CONFLICT (kode_desa, tabel, kunci, kode) DO NOTHING;
	ELSIF v_tabel = 'peristiwa' THEN
		FOR r IN SELECT n.kode_desa, n.id, n.nik_ibu, n.tanggal FROM kkb_baru n WHERE n.jenis = 'lahir' AND n.nik_ibu IS NOT NULL LOOP
			SELECT extract(year FROM age(r.tanggal, i.tanggal_lahir))::int INTO v_umur
			  FROM kkb.anggota i WHERE i.kode_desa = r.kode_desa AND i.nik = r.nik_ibu;
			IF v_umur < 15 OR v_umur > 55 THEN
				INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
				VALUES (r.kode_desa, 'peristiwa', jsonb_build_object('kode_desa', r.kode_desa, 'id', r.id), 'umur_ibu_tidak_wajar',
				        format('the mother %s was %s years old at the birth on %s', r.nik_ibu, v_umur, r.tanggal))
				ON CONFLICT (kode_desa, tabel, kunci, kode) DO NOTHING;
			END IF;
		END LOOP;
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._peringatan() IS 'Internal trigger: records doubtful but possible values of a statement in kkb.peringatan';

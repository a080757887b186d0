-- 49_ketepatan.sql - timeliness of the monthly reports (ketepatan waktu).  BKKBN's deadline for a
-- month's report is the 15th of the next month, 23:59 WIB; a city sets its own (kkb.tenggat_laporan).
-- Per village and month: submitted on time, late, missing (deadline passed) or not yet due; rates per
-- kecamatan and city as DHIS2 computes them (reporting rate = reports / expected, on-time rate =
-- on-time reports / expected); an optional expiry after which a month's reports can no longer be
-- written unless an administrator grants the village an exception; and an outbox of reminders
-- (kkb.pengingat) that a deployment's SMS/WhatsApp sender reads - no sender is built in, the outbox
-- and its LISTEN/NOTIFY channel kkb_pengingat are the contract (docs/ACCESS.md "Deadlines, expiry and reminders").
-- Time is an argument (sekarang) wherever it matters, so tests inject it.

CREATE TABLE kkb.tenggat_laporan (
	satu             boolean PRIMARY KEY DEFAULT true CHECK (satu),
	hari             integer NOT NULL DEFAULT 15 CHECK (hari BETWEEN 1 AND 28),
	jam              time NOT NULL DEFAULT '23:59',
	zona             text NOT NULL DEFAULT 'Asia/Jakarta',
	kedaluwarsa_hari integer CHECK (kedaluwarsa_hari >= 0),
	-- an unknown zone fails here with 22023 naming it, not at the first deadline computed
	CONSTRAINT tenggat_laporan_zona_check CHECK ('2000-01-01 00:00+00'::timestamptz AT TIME ZONE zona IS NOT NULL)
);
COMMENT ON TABLE kkb.tenggat_laporan IS 'The monthly reports'' deadline (one row): day and time of the month after the reported one, in a time zone, and an optional expiry';
COMMENT ON COLUMN kkb.tenggat_laporan.satu IS 'Always true: the table has one row';
COMMENT ON COLUMN kkb.tenggat_laporan.hari IS 'Day of the next month the report is due (BKKBN: 15)';
COMMENT ON COLUMN kkb.tenggat_laporan.jam IS 'Time of that day (BKKBN: 23:59)';
COMMENT ON COLUMN kkb.tenggat_laporan.zona IS 'Time zone of the deadline (BKKBN: WIB, Asia/Jakarta)';
COMMENT ON COLUMN kkb.tenggat_laporan.kedaluwarsa_hari IS 'Days after the deadline when a month''s reports lock unless an administrator grants an exception; NULL: never';
INSERT INTO kkb.tenggat_laporan DEFAULT VALUES;
GRANT SELECT ON kkb.tenggat_laporan TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi;
GRANT UPDATE ON kkb.tenggat_laporan TO kkb_admin;

CREATE TABLE kkb.tenggat_kecualian (
	kode_desa      kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode        kkb.bulan NOT NULL,
	sampai         timestamptz NOT NULL,
	alasan         text NOT NULL CHECK (alasan ~ '\S'),
	diberikan_oleh text NOT NULL DEFAULT CURRENT_USER,
	diberikan_pada timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode)
);
COMMENT ON TABLE kkb.tenggat_kecualian IS 'Exceptions to the expiry: a village may still write a month''s reports until a time, granted by an administrator with a reason';
COMMENT ON COLUMN kkb.tenggat_kecualian.kode_desa IS 'Village';
COMMENT ON COLUMN kkb.tenggat_kecualian.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.tenggat_kecualian.sampai IS 'Until when the month may still be written';
COMMENT ON COLUMN kkb.tenggat_kecualian.alasan IS 'Why';
COMMENT ON COLUMN kkb.tenggat_kecualian.diberikan_oleh IS 'Who granted it';
COMMENT ON COLUMN kkb.tenggat_kecualian.diberikan_pada IS 'When';
GRANT SELECT ON kkb.tenggat_kecualian TO kkb_admin, kkb_pokja, kkb_opd;
GRANT INSERT, UPDATE, DELETE ON kkb.tenggat_kecualian TO kkb_admin;

CREATE TABLE kkb.pengingat (
	id            bigint GENERATED ALWAYS AS IDENTITY,
	kode_desa     kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode       kkb.bulan NOT NULL,
	jenis         text NOT NULL CHECK (jenis IN ('sebelum_tenggat', 'terlambat')),
	penerima      text NOT NULL,
	teks          text NOT NULL,
	jatuh_tempo   timestamptz NOT NULL,
	dibuat_pada   timestamptz NOT NULL DEFAULT pg_catalog.now(),
	terkirim_pada timestamptz,
	-- keys lead with the village, as every village-owned table's (a distributed table's key, tests/pgtap/032)
	PRIMARY KEY (kode_desa, id),
	CONSTRAINT pengingat_satu UNIQUE (kode_desa, periode, jenis)
);
COMMENT ON TABLE kkb.pengingat IS 'Outbox of reminders about monthly reports (the contract with a deployment''s SMS/WhatsApp sender: read rows without terkirim_pada whose jatuh_tempo has come, send, set terkirim_pada; LISTEN kkb_pengingat for new rows)';
COMMENT ON COLUMN kkb.pengingat.id IS 'Reminder number (the NOTIFY payload)';
COMMENT ON COLUMN kkb.pengingat.kode_desa IS 'Village';
COMMENT ON COLUMN kkb.pengingat.periode IS 'Month of the report';
COMMENT ON COLUMN kkb.pengingat.jenis IS 'sebelum_tenggat (due soon) or terlambat (deadline passed)';
COMMENT ON COLUMN kkb.pengingat.penerima IS 'Recipient key: pokja:<kode_desa> (the deployment maps it to phone numbers)';
COMMENT ON COLUMN kkb.pengingat.teks IS 'Message text, Indonesian';
COMMENT ON COLUMN kkb.pengingat.jatuh_tempo IS 'When to send it';
COMMENT ON COLUMN kkb.pengingat.dibuat_pada IS 'When it was queued';
COMMENT ON COLUMN kkb.pengingat.terkirim_pada IS 'When the sender sent it; NULL while waiting';
GRANT SELECT, UPDATE (terkirim_pada) ON kkb.pengingat TO kkb_admin;
-- a city's administrator (a token or login with a scope) sees and marks its own villages' reminders only
ALTER TABLE kkb.pengingat ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_semua ON kkb.pengingat TO kkb_admin
	USING (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup())
	WITH CHECK (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup());

-- (Not from a shard of a Citus cluster: a worker's notices reach no listener of the coordinator, and
-- a transaction that wrote on two nodes, committed in two phases, may not NOTIFY there - the worker
-- refuses to PREPARE it; kkb.pengingat_siapkan announces those rows from the coordinator: docs/SCALE.md)
CREATE FUNCTION kkb._pengingat_kabar() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF kkb._tabel(TG_TABLE_NAME) = TG_TABLE_NAME THEN
		PERFORM pg_catalog.pg_notify('kkb_pengingat', NEW.id::text);
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._pengingat_kabar() IS 'Internal trigger: NOTIFY kkb_pengingat with the id of a queued reminder (not on a Citus shard: kkb.pengingat_siapkan announces those)';
REVOKE EXECUTE ON FUNCTION kkb._pengingat_kabar() FROM PUBLIC;
CREATE TRIGGER t50_kabar AFTER INSERT ON kkb.pengingat FOR EACH ROW EXECUTE FUNCTION kkb._pengingat_kabar();

-- first submission time of a month (the workflow trigger 34_akses.sql decides whether the step is allowed)
CREATE FUNCTION kkb._diajukan_pada() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF NEW.status = 'diajukan' AND NEW.diajukan_pada IS NULL THEN
		NEW.diajukan_pada := coalesce(CASE WHEN TG_OP = 'UPDATE' THEN OLD.diajukan_pada END, pg_catalog.now());
	ELSIF TG_OP = 'UPDATE' AND NEW.diajukan_pada IS DISTINCT FROM OLD.diajukan_pada THEN
		NEW.diajukan_pada := OLD.diajukan_pada;		-- the first submission stays what it was
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._diajukan_pada() IS 'Internal trigger: records when a village-month was first submitted (periode_status.diajukan_pada)';
REVOKE EXECUTE ON FUNCTION kkb._diajukan_pada() FROM PUBLIC;
CREATE TRIGGER t30_diajukan BEFORE INSERT OR UPDATE ON kkb.periode_status FOR EACH ROW EXECUTE FUNCTION kkb._diajukan_pada();

-- The deadline and the expiry of a month's reports.
-- (PL/pgSQL, not SQL: the write triggers call these on the shards of a Citus cluster, where
-- Citus plans no query of an SQL function on its tables: docs/SCALE.md)
CREATE FUNCTION kkb.tenggat(periode date) RETURNS timestamptz
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	RETURN (SELECT ((pg_catalog.date_trunc('month', tenggat.periode) + interval '1 month' + (t.hari - 1) * interval '1 day' + t.jam)::timestamp
	                AT TIME ZONE t.zona) FROM kkb.tenggat_laporan t);
END $f$;
COMMENT ON FUNCTION kkb.tenggat(date) IS 'When a month''s reports are due (kkb.tenggat_laporan: by default the 15th of the next month, 23:59 WIB)';

CREATE FUNCTION kkb.kedaluwarsa(periode date) RETURNS timestamptz
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	RETURN (SELECT kkb.tenggat(kedaluwarsa.periode) + t.kedaluwarsa_hari * interval '1 day' FROM kkb.tenggat_laporan t);
END $f$;
COMMENT ON FUNCTION kkb.kedaluwarsa(date) IS 'When a month''s reports lock unless an administrator grants an exception; NULL when the city set no expiry';

-- Per village under a region: the month's submission and its timeliness at time `sekarang`.
CREATE FUNCTION kkb.ketepatan(wilayah kkb.kode_wilayah, periode date, sekarang timestamptz DEFAULT pg_catalog.now())
	RETURNS TABLE (kode_desa kkb.kode_wilayah, nama text, kecamatan kkb.kode_wilayah, tenggat timestamptz,
	               diajukan_pada timestamptz, keadaan text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	v_tenggat timestamptz := kkb.tenggat(ketepatan.periode);
	r record;
BEGIN
	-- the caller's right to the region first (42501), then the villages (PL/pgSQL: Citus plans it)
	PERFORM kkb._lingkup_cek(ketepatan.wilayah);
	FOR r IN SELECT k.kode_desa AS desa, w.nama AS nama_desa, s.diajukan_pada AS diajukan
	           FROM kkb.kampung k
	           JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
	           LEFT JOIN kkb.periode_status s ON s.kode_desa OPERATOR(kkb.=) k.kode_desa
	                                         AND s.periode = pg_catalog.date_trunc('month', ketepatan.periode)::date
	          WHERE k.kode_desa OPERATOR(kkb.<@) ketepatan.wilayah
	          ORDER BY k.kode_desa LOOP
		kode_desa := r.desa;
		nama := r.nama_desa;
		kecamatan := kkb.induk(r.desa);
		tenggat := v_tenggat;
		diajukan_pada := r.diajukan;
		keadaan := CASE WHEN r.diajukan IS NOT NULL AND r.diajukan <= v_tenggat THEN 'tepat_waktu'
		                WHEN r.diajukan IS NOT NULL THEN 'terlambat'
		                WHEN ketepatan.sekarang > v_tenggat THEN 'belum'
		                ELSE 'belum_jatuh_tempo' END;
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.ketepatan(kkb.kode_wilayah, date, timestamptz) IS
	'Timeliness of a month''s reports per Kampung KB under a region at time sekarang (default now): keadaan tepat_waktu (first submitted by the deadline), terlambat, belum (deadline passed, not submitted) or belum_jatuh_tempo; the same for every role that may see the region, 42501 otherwise';

-- DHIS2's rates per kecamatan and for the whole region (kode = the region itself).
CREATE FUNCTION kkb.ketepatan_ringkas(wilayah kkb.kode_wilayah, periode date, sekarang timestamptz DEFAULT pg_catalog.now())
	RETURNS TABLE (kode kkb.kode_wilayah, nama text, desa integer, dilaporkan integer, tepat_waktu integer, terlambat integer,
	               belum integer, persen_dilaporkan numeric, persen_tepat_waktu numeric)
	LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp
BEGIN ATOMIC
	WITH t AS (SELECT * FROM kkb.ketepatan(ketepatan_ringkas.wilayah, ketepatan_ringkas.periode, ketepatan_ringkas.sekarang)),
	g AS (SELECT t.kecamatan AS kode, t.keadaan FROM t WHERE NOT t.kecamatan OPERATOR(kkb.=) ketepatan_ringkas.wilayah
	      UNION ALL SELECT ketepatan_ringkas.wilayah, t.keadaan FROM t)
	SELECT g.kode, kkb.wilayah_nama(g.kode), pg_catalog.count(*)::integer,
	       pg_catalog.count(*) FILTER (WHERE g.keadaan IN ('tepat_waktu', 'terlambat'))::integer,
	       pg_catalog.count(*) FILTER (WHERE g.keadaan = 'tepat_waktu')::integer,
	       pg_catalog.count(*) FILTER (WHERE g.keadaan = 'terlambat')::integer,
	       pg_catalog.count(*) FILTER (WHERE g.keadaan = 'belum')::integer,
	       pg_catalog.round(100.0 * pg_catalog.count(*) FILTER (WHERE g.keadaan IN ('tepat_waktu', 'terlambat')) / pg_catalog.count(*), 1),
	       pg_catalog.round(100.0 * pg_catalog.count(*) FILTER (WHERE g.keadaan = 'tepat_waktu') / pg_catalog.count(*), 1)
	  FROM g GROUP BY g.kode ORDER BY g.kode OPERATOR(kkb.=) ketepatan_ringkas.wilayah DESC, g.kode;
END;
COMMENT ON FUNCTION kkb.ketepatan_ringkas(kkb.kode_wilayah, date, timestamptz) IS
	'Reporting rate and on-time rate of a month (DHIS2: reports / expected, on-time reports / expected, in percent) for the region itself (first row) and each kecamatan under it, at time sekarang; the same for every role that may see the region, 42501 otherwise';

-- Queue reminders for the villages that have not submitted a month (idempotent: one per village,
-- month and kind): before the deadline due three days before it, after the deadline due at once.
CREATE FUNCTION kkb.pengingat_siapkan(wilayah kkb.kode_wilayah, periode date, sekarang timestamptz DEFAULT pg_catalog.now())
	RETURNS integer
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_id bigint[];
BEGIN
	IF NOT pg_catalog.pg_has_role(kkb._peran(), 'kkb_admin', 'USAGE') THEN
		RAISE EXCEPTION 'only an administrator queues reminders' USING ERRCODE = 'insufficient_privilege';
	END IF;
	WITH baru AS (
	INSERT INTO kkb.pengingat (kode_desa, periode, jenis, penerima, teks, jatuh_tempo)
	SELECT t.kode_desa, pg_catalog.date_trunc('month', pengingat_siapkan.periode)::date,
	       CASE WHEN t.keadaan = 'belum' THEN 'terlambat' ELSE 'sebelum_tenggat' END,
	       'pokja:' || t.kode_desa::text,
	       CASE WHEN t.keadaan = 'belum'
	            THEN pg_catalog.format('Laporan Kampung KB %s bulan %s belum diajukan; tenggatnya %s sudah lewat. Mohon segera diajukan.',
	                                   t.nama, pg_catalog.to_char(pengingat_siapkan.periode, 'MM/YYYY'),
	                                   pg_catalog.to_char(t.tenggat AT TIME ZONE (SELECT zona FROM kkb.tenggat_laporan), 'DD/MM/YYYY HH24:MI'))
	            ELSE pg_catalog.format('Pengingat: laporan Kampung KB %s bulan %s diajukan paling lambat %s.',
	                                   t.nama, pg_catalog.to_char(pengingat_siapkan.periode, 'MM/YYYY'),
	                                   pg_catalog.to_char(t.tenggat AT TIME ZONE (SELECT zona FROM kkb.tenggat_laporan), 'DD/MM/YYYY HH24:MI')) END,
	       CASE WHEN t.keadaan = 'belum' THEN pengingat_siapkan.sekarang ELSE t.tenggat - interval '3 days' END
	  FROM kkb.ketepatan(pengingat_siapkan.wilayah, pengingat_siapkan.periode, pengingat_siapkan.sekarang) t
	 WHERE t.keadaan IN ('belum', 'belum_jatuh_tempo')
	ON CONFLICT ON CONSTRAINT pengingat_satu DO NOTHING
	RETURNING id)
	SELECT coalesce(pg_catalog.array_agg(baru.id ORDER BY baru.id), '{}') INTO v_id FROM baru;
	-- on a Citus cluster the rows were written on the workers' shards, whose trigger announces
	-- nothing (kkb._pengingat_kabar): the coordinator announces them, as the trigger does on one node
	IF kkb._citus() THEN
		IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = 'kkb.pengingat'::pg_catalog.regclass) THEN
			PERFORM pg_catalog.pg_notify('kkb_pengingat', i::text) FROM pg_catalog.unnest(v_id) i;
		END IF;
	END IF;
	RETURN pg_catalog.cardinality(v_id);
END $f$;
COMMENT ON FUNCTION kkb.pengingat_siapkan(kkb.kode_wilayah, date, timestamptz) IS
	'Queues reminders in kkb.pengingat for the villages under a region that have not submitted a month (before the deadline: due 3 days before it; after: due at once); one per village, month and kind; returns how many were queued; administrators only';

-- The expiry: writes to a month's reports after kkb.kedaluwarsa are refused unless the village has an exception.
CREATE FUNCTION kkb._kedaluwarsa() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	d kkb.kode_wilayah := CASE WHEN TG_OP = 'DELETE' THEN OLD.kode_desa ELSE NEW.kode_desa END;
	p date := CASE WHEN TG_OP = 'DELETE' THEN OLD.periode ELSE NEW.periode END;
	batas timestamptz := kkb.kedaluwarsa(p);
BEGIN
	IF batas IS NOT NULL AND pg_catalog.now() > batas
	   AND NOT EXISTS (SELECT 1 FROM kkb.tenggat_kecualian e WHERE e.kode_desa OPERATOR(kkb.=) d AND e.periode = p AND e.sampai >= pg_catalog.now()) THEN
		RAISE EXCEPTION 'the reports of % for village % expired at %', pg_catalog.to_char(p, 'YYYY-MM'), d, batas
			USING ERRCODE = 'object_not_in_prerequisite_state',
			      DETAIL = 'A month''s reports can be written until kkb.kedaluwarsa(periode) (kkb.tenggat_laporan.kedaluwarsa_hari after the deadline).',
			      HINT = 'An administrator can grant an exception in kkb.tenggat_kecualian.',
			      TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA;
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $f$;
COMMENT ON FUNCTION kkb._kedaluwarsa() IS 'Internal trigger: refuses writes to a month''s reports after its expiry (kkb.kedaluwarsa) unless the village has an exception (kkb.tenggat_kecualian)';
REVOKE EXECUTE ON FUNCTION kkb._kedaluwarsa() FROM PUBLIC;
CREATE TRIGGER t04_kedaluwarsa BEFORE INSERT OR UPDATE OR DELETE ON kkb.profil FOR EACH ROW EXECUTE FUNCTION kkb._kedaluwarsa();
CREATE TRIGGER t04_kedaluwarsa BEFORE INSERT OR UPDATE OR DELETE ON kkb.penduduk FOR EACH ROW EXECUTE FUNCTION kkb._kedaluwarsa();
CREATE TRIGGER t04_kedaluwarsa BEFORE INSERT OR UPDATE OR DELETE ON kkb.kkbpk FOR EACH ROW EXECUTE FUNCTION kkb._kedaluwarsa();
CREATE TRIGGER t04_kedaluwarsa BEFORE INSERT OR UPDATE OR DELETE ON kkb.nilai FOR EACH ROW EXECUTE FUNCTION kkb._kedaluwarsa();

CREATE FUNCTION kkb.api_ketepatan(wilayah kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
	SELECT json_build_object('wilayah', api_ketepatan.wilayah::text, 'periode', to_char(api_ketepatan.periode, 'YYYY-MM'),
	         'tenggat', kkb.tenggat(api_ketepatan.periode), 'kedaluwarsa', kkb.kedaluwarsa(api_ketepatan.periode),
	         'ringkasan', (SELECT json_agg(json_build_object('kode', r.kode::text, 'nama', r.nama, 'desa', r.desa, 'dilaporkan', r.dilaporkan,
	                        'tepat_waktu', r.tepat_waktu, 'terlambat', r.terlambat, 'belum', r.belum,
	                        'persen_dilaporkan', r.persen_dilaporkan, 'persen_tepat_waktu', r.persen_tepat_waktu))
	                         FROM kkb.ketepatan_ringkas(api_ketepatan.wilayah, api_ketepatan.periode) r),
	         'total', (SELECT count(*) FROM kkb.ketepatan(api_ketepatan.wilayah, api_ketepatan.periode)),
	         'data', coalesce((SELECT json_agg(json_build_object('kode_desa', t.kode_desa::text, 'nama', t.nama, 'kecamatan', t.kecamatan::text,
	                        'diajukan_pada', t.diajukan_pada, 'keadaan', t.keadaan))
	                    FROM kkb.ketepatan(api_ketepatan.wilayah, api_ketepatan.periode) t), '[]'::json))
$f$;
COMMENT ON FUNCTION kkb.api_ketepatan(kkb.kode_wilayah, date) IS
	'API GET /v1/ketepatan: timeliness of a month''s reports under a region - the deadline, the rates per kecamatan and region (ringkasan) and each village''s state (data)';

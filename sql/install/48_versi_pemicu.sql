-- 48_versi_pemicu.sql - the trigger function behind the change counters of
-- 49_versi.sql (its tables and triggers are there; this part holds only the
-- function, so that the upgrade replays it: 95_versi_pemicu.replay).
--
-- Besides counting, it announces each changed village on channel
-- kkb_indikator (NOTIFY, delivered when the writer commits, once per village
-- and transaction): kkb-gateway's refresher recomputes those villages' stored
-- monthly indicators outside the writer's transaction (48_indikator.sql).
-- A change of the reference data makes every stored row stale; it is not
-- announced (that is the nightly kkb.indikator_siapkan's work).
CREATE FUNCTION kkb._versi() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_desa kkb.kode_wilayah[];
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._versi only counts changes of tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_ARGV[0] = 'acuan' THEN
		UPDATE kkb.versi_acuan SET versi = pg_catalog.nextval('kkb.versi_seq'), diubah_pada = pg_catalog.now();
		RETURN NULL;
	END IF;
	-- villages in key order, so that two statements bumping the same villages lock them in the same order
	IF TG_OP = 'INSERT' THEN
		SELECT pg_catalog.array_agg(x.kode_desa ORDER BY x.kode_desa) INTO v_desa
		  FROM (SELECT DISTINCT n.kode_desa FROM kkb_versi_baru n) x;
	ELSIF TG_OP = 'DELETE' THEN
		SELECT pg_catalog.array_agg(x.kode_desa ORDER BY x.kode_desa) INTO v_desa
		  FROM (SELECT DISTINCT o.kode_desa FROM kkb_versi_lama o) x;
	ELSE
		SELECT pg_catalog.array_agg(x.kode_desa ORDER BY x.kode_desa) INTO v_desa
		  FROM (SELECT n.kode_desa FROM kkb_versi_baru n UNION SELECT o.kode_desa FROM kkb_versi_lama o) x;
	END IF;
	IF v_desa IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO kkb.versi_desa AS v (kode_desa, versi)
	SELECT d, pg_catalog.nextval('kkb.versi_seq') FROM pg_catalog.unnest(v_desa) d
	ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = pg_catalog.now();
	PERFORM pg_catalog.pg_notify('kkb_indikator', d::text) FROM pg_catalog.unnest(v_desa) d;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._versi() IS 'Internal trigger: a new version for every village a statement changed, announced on channel kkb_indikator at commit (argument acuan: a new version of the reference data)';

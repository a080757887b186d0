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
	v_desa  kkb.kode_wilayah[];
	v_satu  kkb.kode_wilayah;
	v_versi bigint;
	v_waktu timestamptz;
	v_tabel text := kkb._tabel(TG_TABLE_NAME);
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._versi only counts changes of tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_ARGV[0] = 'acuan' THEN
		-- the number is drawn first, so that the statement holds no volatile call (Citus plans
		-- no UPDATE of a distributed table that has one); it never goes down (on a Citus
		-- cluster every node draws from its own sequence: docs/SCALE.md)
		v_versi := pg_catalog.nextval('kkb.versi_seq');
		UPDATE kkb.versi_acuan SET versi = GREATEST(v_versi, versi + 1), diubah_pada = pg_catalog.now();
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
	-- one statement per village with the values computed first: on a Citus cluster this
	-- trigger runs on a shard, where only a single-village write with no volatile call in
	-- ON CONFLICT is routed to the co-located shard of kkb.versi_desa (docs/SCALE.md)
	FOREACH v_satu IN ARRAY v_desa LOOP
		v_versi := pg_catalog.nextval('kkb.versi_seq');
		v_waktu := pg_catalog.now();
		INSERT INTO kkb.versi_desa AS v (kode_desa, versi, diubah_pada) VALUES (v_satu, v_versi, v_waktu)
		ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = EXCLUDED.diubah_pada;
		-- (not from a shard of a Citus cluster: a worker's notices reach no listener of the
		-- coordinator, and a transaction that wrote on two nodes, committed in two phases,
		-- may not NOTIFY; readers recompute what is stale: docs/SCALE.md)
		IF v_tabel = TG_TABLE_NAME THEN
			PERFORM pg_catalog.pg_notify('kkb_indikator', v_satu::text);
		END IF;
	END LOOP;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._versi() IS 'Internal trigger: a new version for every village a statement changed, announced on channel kkb_indikator at commit (argument acuan: a new version of the reference data)';

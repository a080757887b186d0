-- 55_statistik.sql - planner statistics of the by-name tables, refreshed when
-- they are far out of date.
--
-- A village's first big upload (a new deployment's first month's end, a
-- village returning after days offline) can make kkb.keluarga, kkb.anggota or
-- kkb.pengukuran many times larger than their statistics say; until
-- autovacuum's ANALYZE (up to a minute or more later) the planner then picks
-- nested loops that make a village profile 10 to 100 times slower.  The bulk
-- sync calls this after a big batch: it analyses a table only
-- when the rows changed since its last ANALYZE exceed both 1,000 and the rows
-- the statistics know (the table at least doubled), so it almost never runs.
-- It never waits: a table whose ANALYZE lock is taken (autovacuum is at it) is
-- left alone.  The generator, which knows it just wrote a region, forces it.
CREATE FUNCTION kkb.segarkan_statistik(paksa boolean DEFAULT false) RETURNS text[]
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp SET lock_timeout = '50ms' AS $f$
DECLARE
	t record;
	hasil text[] := '{}';
BEGIN
	-- On a Citus cluster (docs/SCALE.md) the rows are in the workers' shards, whose statistics
	-- the workers' autovacuum keeps; an ANALYZE from here would run on every shard inside the
	-- writer's transaction, which Citus refuses after a read of a reference table.
	IF kkb._citus() THEN
		RETURN hasil;
	END IF;
	FOR t IN
		SELECT c.relname::text AS nama
		  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
		 WHERE c.relnamespace = 'kkb'::regnamespace AND c.relname IN ('keluarga', 'anggota', 'pengukuran', 'peristiwa')
		   AND (segarkan_statistik.paksa OR s.n_mod_since_analyze > GREATEST(1000, c.reltuples))
		 ORDER BY 1
	LOOP
		BEGIN
			EXECUTE pg_catalog.format('ANALYZE kkb.%I', t.nama);
			hasil := hasil || t.nama;
		EXCEPTION WHEN lock_not_available THEN
			NULL;				-- being analysed or vacuumed already
		END;
	END LOOP;
	RETURN hasil;
END $f$;
COMMENT ON FUNCTION kkb.segarkan_statistik(boolean) IS
	'Refresh (segarkan) the planner statistics of the by-name tables whose rows changed since their last ANALYZE exceed 1,000 and the rows the statistics know; never waits for a lock; paksa (force): all four. Returns the tables analysed. Called after bulk writes (gateway sync; kkb.hasilkan with paksa).';
REVOKE EXECUTE ON FUNCTION kkb.segarkan_statistik(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.segarkan_statistik(boolean) TO kkb_admin, kkb_pokja;

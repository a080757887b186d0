-- 34_audit_bulan.sql - the audit trail by month: kkb.audit is partitioned by
-- the month of waktu (33_pengawasan.sql), so that a month of audit can be
-- archived and removed without touching the others.
--
--   SELECT * FROM kkb.audit_bulan_siapkan();          -- monthly, e.g. from cron:
--       the partitions of this month and the next two, and of every month whose
--       rows wait in the default partition kkb.audit_lain (they are moved)
--   SELECT * FROM kkb.audit_bulan;                    -- the months, rows, sizes
--   SELECT kkb.audit_bulan_lepas('2024-01-01');       -- archive a month:
--       detaches kkb.audit_2024_01 from kkb.audit; then
--       pg_dump -t kkb.audit_2024_01 kampungkb > audit-2024-01.sql && psql -c 'DROP TABLE kkb.audit_2024_01'
--
-- Retention (docs/ACCESS.md): 24 months online; older months archived as above.
-- A month can be detached once it is over (not the current month or a later
-- one): the rows of a detached month are no longer in kkb.audit or
-- kkb.audit_kunci.  Without kkb.audit_bulan_siapkan every row stays in the
-- default partition: nothing is lost, the months are only not apart.
-- The monthly partitions are made after CREATE EXTENSION, so they belong to no
-- extension and pg_dump keeps them (and their rows) like any table.  They are
-- the extension owner's, with no privileges for the working roles: audit rows
-- are read through kkb.audit, under its row-level security.
-- Functions and a view only (replayed by the upgrade, 33_audit_bulan.replay).

-- The partition of the month holding day `bulan`: kkb.audit_YYYY_MM.
CREATE FUNCTION kkb._audit_bulan_nama(bulan date) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN 'audit_' || pg_catalog.to_char(bulan, 'YYYY_MM');
COMMENT ON FUNCTION kkb._audit_bulan_nama(date) IS 'Internal: the name of the audit partition of the month holding the day (audit_YYYY_MM)';

CREATE FUNCTION kkb.audit_bulan_siapkan(sampai date DEFAULT NULL) RETURNS SETOF text
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_akhir date := pg_catalog.date_trunc('month', coalesce(sampai, CURRENT_DATE + 62))::date;
	v_bulan date;
	v_nama text;
	v_n bigint;
BEGIN
	IF v_akhir > pg_catalog.date_trunc('month', CURRENT_DATE)::date + 366 THEN
		RAISE EXCEPTION 'audit partitions up to % requested: at most a year ahead', sampai
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = 'Run kkb.audit_bulan_siapkan() every month instead (it makes this month''s and the next two).';
	END IF;
	-- one writer at a time: two runs must not both make the same month
	PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('kkb.audit_bulan_siapkan'));
	FOR v_bulan IN
		SELECT DISTINCT b FROM (
			SELECT pg_catalog.date_trunc('month', a.waktu)::date AS b FROM ONLY kkb.audit_lain a
			UNION
			SELECT g::date FROM pg_catalog.generate_series(pg_catalog.date_trunc('month', CURRENT_DATE), v_akhir, '1 month') g) m
		 ORDER BY b
	LOOP
		v_nama := kkb._audit_bulan_nama(v_bulan);
		CONTINUE WHEN pg_catalog.to_regclass('kkb.' || v_nama) IS NOT NULL;
		-- the month's rows leave the default partition first: a partition cannot be attached
		-- while the default one holds rows of its range
		EXECUTE pg_catalog.format('CREATE TABLE kkb.%I (LIKE kkb.audit INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_nama);
		EXECUTE pg_catalog.format('WITH pindah AS (DELETE FROM kkb.audit_lain a WHERE a.waktu >= $1 AND a.waktu < $2 RETURNING a.*)
			INSERT INTO kkb.%I SELECT * FROM pindah', v_nama)
			USING v_bulan::timestamptz, (v_bulan + interval '1 month')::timestamptz;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		EXECUTE pg_catalog.format('ALTER TABLE kkb.audit ATTACH PARTITION kkb.%I FOR VALUES FROM (%L) TO (%L)',
			v_nama, v_bulan::timestamptz, (v_bulan + interval '1 month')::timestamptz);
		-- on a Citus cluster attaching distributes the new table: its rows are copied to the workers'
		-- shards and the coordinator's own copy stays on disk, unseen - removed here
		IF v_n > 0 AND kkb._citus() THEN
			IF EXISTS (SELECT FROM pg_catalog.pg_dist_partition WHERE logicalrelid = pg_catalog.format('kkb.%I', v_nama)::pg_catalog.regclass) THEN
				PERFORM pg_catalog.truncate_local_data_after_distributing_table(pg_catalog.format('kkb.%I', v_nama)::pg_catalog.regclass);
			END IF;
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON TABLE kkb.%I IS %L', v_nama,
			pg_catalog.format('Audit rows of %s (a partition of kkb.audit; kkb.audit_bulan_lepas detaches it for archiving)',
			                  pg_catalog.to_char(v_bulan, 'YYYY-MM')));
		RETURN NEXT v_nama || CASE WHEN v_n > 0 THEN pg_catalog.format(' (%s rows moved from kkb.audit_lain)', v_n) ELSE '' END;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.audit_bulan_siapkan(date) IS
	'Make the monthly partitions of kkb.audit (siapkan = prepare): this month''s through the month of sampai (default: two months ahead) and every month whose rows wait in the default partition (moved); returns the partitions made. Run monthly, as the extension''s owner or a superuser';
REVOKE EXECUTE ON FUNCTION kkb.audit_bulan_siapkan(date) FROM PUBLIC;

CREATE FUNCTION kkb.audit_bulan_lepas(bulan date) RETURNS text
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_bulan date := pg_catalog.date_trunc('month', bulan)::date;
	v_nama text := kkb._audit_bulan_nama(bulan);
BEGIN
	IF bulan IS NULL OR v_bulan >= pg_catalog.date_trunc('month', CURRENT_DATE)::date THEN
		RAISE EXCEPTION 'the audit of % cannot be detached: only a month that is over', coalesce(pg_catalog.to_char(v_bulan, 'YYYY-MM'), 'NULL')
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Detach months before the current one, after their retention (docs/ACCESS.md).';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhparent = 'kkb.audit'::pg_catalog.regclass
	                                                      AND i.inhrelid = pg_catalog.to_regclass('kkb.' || v_nama)) THEN
		RAISE EXCEPTION 'kkb.audit has no partition % for %', v_nama, pg_catalog.to_char(v_bulan, 'YYYY-MM')
			USING ERRCODE = 'undefined_table',
			      HINT = 'See kkb.audit_bulan; rows of a month without a partition are in kkb.audit_lain (kkb.audit_bulan_siapkan moves them).';
	END IF;
	EXECUTE pg_catalog.format('ALTER TABLE kkb.audit DETACH PARTITION kkb.%I', v_nama);
	EXECUTE pg_catalog.format('COMMENT ON TABLE kkb.%I IS %L', v_nama,
		pg_catalog.format('Audit rows of %s, detached from kkb.audit on %s for archiving: pg_dump -t kkb.%s, then DROP TABLE',
		                  pg_catalog.to_char(v_bulan, 'YYYY-MM'), CURRENT_DATE, v_nama));
	RETURN 'kkb.' || v_nama;
END $f$;
COMMENT ON FUNCTION kkb.audit_bulan_lepas(date) IS
	'Detach (lepas) the audit partition of a month that is over from kkb.audit, for archiving: returns the table, to be dumped (pg_dump -t) and dropped. As the extension''s owner or a superuser';
REVOKE EXECUTE ON FUNCTION kkb.audit_bulan_lepas(date) FROM PUBLIC;

CREATE VIEW kkb.audit_bulan AS
SELECT CASE WHEN c.oid = 'kkb.audit_lain'::pg_catalog.regclass THEN NULL
            ELSE pg_catalog.to_date(pg_catalog.substr(c.relname, 7), 'YYYY_MM') END AS bulan,
       c.relname::text AS tabel,
       GREATEST(c.reltuples, 0)::bigint AS baris_perkiraan,
       pg_catalog.pg_total_relation_size(c.oid) AS ukuran_bait
  FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'kkb.audit'::pg_catalog.regclass;
COMMENT ON VIEW kkb.audit_bulan IS 'Audit bulan: the partitions of kkb.audit, one per month, and the default one (bulan NULL) - rows (the planner''s estimate) and size on disk';
COMMENT ON COLUMN kkb.audit_bulan.bulan IS 'Bulan: the month (first day); NULL for the default partition kkb.audit_lain';
COMMENT ON COLUMN kkb.audit_bulan.tabel IS 'Tabel: the partition';
COMMENT ON COLUMN kkb.audit_bulan.baris_perkiraan IS 'Baris (perkiraan): rows, as the last ANALYZE or VACUUM counted them';
COMMENT ON COLUMN kkb.audit_bulan.ukuran_bait IS 'Ukuran (bait): size on disk with indexes, bytes';
GRANT SELECT ON kkb.audit_bulan TO kkb_admin;

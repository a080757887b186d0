-- 33_audit.sql - the audit trigger function (its table and triggers are in
-- 33_pengawasan.sql).  Functions only: replayed by the upgrade.

-- Audit, set-based: a statement-level trigger with transition tables writes
-- one audit row per changed row.  Arguments: the primary-key columns.
-- Inserts are recorded by key, role, time and transaction, one audit row per
-- statement and village holding the keys (kkb.audit_kunci shows one row per
-- key); an inserted row's values are the current row, or the old row (lama)
-- of the first later update or delete of its key - so every state of every
-- row can be rebuilt from the audit and the current rows
-- (tests/pgtap/058_audit.sql replays it), at a fraction of the bytes (an
-- inserted member cost about 600 bytes of audit before 0.2.0).
-- The name of a table whose trigger runs: on a Citus cluster triggers run on the
-- shards, whose names are the table's with _<shard id> appended (anggota_102300).
-- No table with a trigger has a name ending in _<digits> (tests/pgtap/032 checks).
CREATE FUNCTION kkb._tabel(nama text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN pg_catalog.regexp_replace(nama, '_[0-9]+$', '');
COMMENT ON FUNCTION kkb._tabel(text) IS 'Internal: the table a trigger runs for - its name, without the _<shard id> of a Citus shard';

CREATE FUNCTION kkb._audit() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	kunci_lama text := '';
	kunci_baru text := '';
	sama text := '';
	urut text := '';
	daftar text := '';
	sel text;
	r record;
	-- the table's own name, also on a shard of a Citus cluster (kkb._tabel)
	v_tabel text := kkb._tabel(TG_TABLE_NAME);
	i int;
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._audit only audits tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	FOR i IN 0 .. TG_NARGS - 1 LOOP
		kunci_lama := kunci_lama || pg_catalog.format('%L, o.%I, ', TG_ARGV[i], TG_ARGV[i]);
		kunci_baru := kunci_baru || pg_catalog.format('%L, n.%I, ', TG_ARGV[i], TG_ARGV[i]);
		sama := sama || CASE WHEN i > 0 THEN ' AND ' ELSE '' END || pg_catalog.format('o.%I = n.%I', TG_ARGV[i], TG_ARGV[i]);
	END LOOP;
	FOR i IN 0 .. TG_NARGS - 1 LOOP
		urut := urut || CASE WHEN i > 0 THEN ', ' ELSE '' END || pg_catalog.format('n.%I', TG_ARGV[i]);
	END LOOP;
	FOR i IN 0 .. TG_NARGS - 1 LOOP
		IF TG_ARGV[i] <> 'kode_desa' THEN
			daftar := daftar || pg_catalog.format(', %L, jsonb_agg(n.%I ORDER BY %s)', TG_ARGV[i], TG_ARGV[i], urut);
		END IF;
	END LOOP;
	kunci_lama := 'jsonb_build_object(' || pg_catalog.left(kunci_lama, -2) || ')';
	kunci_baru := 'jsonb_build_object(' || pg_catalog.left(kunci_baru, -2) || ')';
	IF TG_OP = 'INSERT' THEN
		-- by key only, one row per statement and village: the key columns other
		-- than kode_desa as arrays in key order (kkb.audit_kunci unnests them)
		sel := pg_catalog.format('SELECT %L AS tabel, %L AS operasi, n.kode_desa, jsonb_build_object(%L, n.kode_desa%s) AS kunci,
			NULL::jsonb AS lama, NULL::jsonb AS baru FROM kkb_audit_baru n GROUP BY n.kode_desa',
			v_tabel, TG_OP, 'kode_desa', daftar);
	ELSIF TG_OP = 'DELETE' THEN
		sel := pg_catalog.format('SELECT %L AS tabel, %L AS operasi, o.kode_desa, %s AS kunci, to_jsonb(o) AS lama, NULL::jsonb AS baru
			FROM kkb_audit_lama o', v_tabel, TG_OP, kunci_lama);
	ELSE
		sel := pg_catalog.format('SELECT %L AS tabel, %L AS operasi, coalesce(n.kode_desa, o.kode_desa) AS kode_desa,
			CASE WHEN n.kode_desa IS NULL THEN %s ELSE %s END AS kunci, to_jsonb(o) AS lama, to_jsonb(n) AS baru
			  FROM kkb_audit_lama o FULL JOIN kkb_audit_baru n ON %s', v_tabel, TG_OP, kunci_lama, kunci_baru, sama);
	END IF;
	IF v_tabel = TG_TABLE_NAME THEN
		EXECUTE 'INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, lama, baru) ' || sel;
	ELSE
		-- on a shard of a Citus cluster: Citus plans no INSERT ... SELECT from a transition
		-- table, so the rows are written one by one, each to the co-located audit shard
		FOR r IN EXECUTE sel LOOP
			INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, lama, baru)
			VALUES (r.tabel, r.operasi, r.kode_desa, r.kunci, r.lama, r.baru);
		END LOOP;
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._audit() IS 'Internal trigger: writes the audit trail of a statement (transition tables; arguments: key columns): inserts by key, updates and deletes with the old and new rows';

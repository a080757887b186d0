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
CREATE FUNCTION kkb._audit() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	kunci_lama text := '';
	kunci_baru text := '';
	sama text := '';
	urut text := '';
	daftar text := '';
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
		EXECUTE pg_catalog.format('INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci)
			SELECT %L, %L, n.kode_desa, jsonb_build_object(%L, n.kode_desa%s) FROM kkb_audit_baru n GROUP BY n.kode_desa',
			TG_TABLE_NAME, TG_OP, 'kode_desa', daftar);
	ELSIF TG_OP = 'DELETE' THEN
		EXECUTE pg_catalog.format('INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, lama)
			SELECT %L, %L, o.kode_desa, %s, to_jsonb(o) FROM kkb_audit_lama o', TG_TABLE_NAME, TG_OP, kunci_lama);
	ELSE
		EXECUTE pg_catalog.format('INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, lama, baru)
			SELECT %L, %L, coalesce(n.kode_desa, o.kode_desa), CASE WHEN n.kode_desa IS NULL THEN %s ELSE %s END, to_jsonb(o), to_jsonb(n)
			  FROM kkb_audit_lama o FULL JOIN kkb_audit_baru n ON %s', TG_TABLE_NAME, TG_OP, kunci_lama, kunci_baru, sama);
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._audit() IS 'Internal trigger: writes the audit trail of a statement (transition tables; arguments: key columns): inserts by key, updates and deletes with the old and new rows';

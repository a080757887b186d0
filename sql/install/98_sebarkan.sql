-- 98_sebarkan.sql - the distributed mode: kkb.sebarkan() ("spread") turns a
-- kampungkb database on a Citus coordinator into a distributed one, once, before
-- data is loaded (docs/SCALE.md):
--
--   CREATE EXTENSION citus;  CREATE EXTENSION kampungkb;  -- on the coordinator, workers added
--   SELECT * FROM kkb.sebarkan();
--
-- Reference tables (regions, code lists, agencies, catalogue, rules, tokens) are
-- copied to every node; every village-owned and by-name table, the audit trail,
-- warnings, change counters and stored indicators are distributed by kode_desa,
-- co-located, so that every write of a village and everything its triggers write
-- (audit, warnings, version) land on one shard group.  The few keys that a
-- distributed table cannot keep are changed here (see the list below); on a single
-- node the schema is that of the install.  A function only: replayed by the upgrade.

-- Where each table of schema kkb goes on a Citus cluster, in order (a table's foreign keys
-- point at tables before it): acuan = reference table (a copy on every node), desa =
-- distributed by kode_desa and co-located with kkb.kampung, lokal = stays on the
-- coordinator.  tests/pgtap/073_sebarkan.sql checks that every table is listed.
CREATE FUNCTION kkb._sebaran() RETURNS TABLE (tabel text, jenis text)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
	SELECT t, j FROM (VALUES
		('wilayah', 'acuan'), ('opd', 'acuan'), ('kode', 'acuan'), ('air_minum_layak', 'acuan'),
		('lingkup_login', 'acuan'), ('saran_pelaksana', 'acuan'), ('elemen_data', 'acuan'), ('aturan_validasi', 'acuan'),
		('pencilan_ambang', 'acuan'), ('masalah_opd', 'acuan'), ('tenggat_laporan', 'acuan'), ('token', 'acuan'),
		('tautan_masuk', 'acuan'),
		('_sinkron_tabel', 'acuan'),
		('kampung', 'desa'), ('profil', 'desa'), ('penduduk', 'desa'), ('kkbpk', 'desa'), ('intervensi', 'desa'), ('intervensi_foto', 'desa'),
		('periode_status', 'desa'), ('keluarga', 'desa'), ('anggota', 'desa'), ('pengukuran', 'desa'),
		('peristiwa', 'desa'), ('nilai', 'desa'), ('nilai_beku', 'desa'), ('indikator_bulanan', 'desa'),
		('tenggat_kecualian', 'desa'), ('pengingat', 'desa'), ('versi_desa', 'desa'), ('peringatan', 'desa'),
		('audit', 'desa'),
		-- the reference data's change counter: each node counts its own copy's changes (the
		-- coordinator's is what the gateway reads); replays of requests: the coordinator's
		('versi_acuan', 'lokal'), ('idempotensi', 'lokal'),
		-- the error registry, rows of the extension's own: every node has them from its install, and
		-- an error is looked up where it is answered (a bulk sync's 1,000 conflicts at local speed)
		('galat', 'lokal'),
		-- the API's body schemas: read by the gateway on the coordinator only (GET /openapi.json)
		('api_skema', 'lokal'),
		-- the key that signs a request's settings for the workers: each node holds a copy
		('_kunci_sebaran', 'lokal')) AS v (t, j)
$f$;
COMMENT ON FUNCTION kkb._sebaran() IS 'Internal: where kkb.sebarkan puts each table of schema kkb on a Citus cluster (acuan: reference table, desa: distributed by kode_desa, lokal: coordinator only), in order';

CREATE FUNCTION kkb.sebarkan(jumlah_shard integer DEFAULT NULL)
	RETURNS TABLE (tabel text, jenis text)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	r record;
BEGIN
	IF NOT kkb._citus() THEN
		RAISE EXCEPTION 'kkb.sebarkan needs Citus: the extension citus is not installed in this database'
			USING ERRCODE = 'object_not_in_prerequisite_state',
			      HINT = 'On a Citus coordinator with workers: CREATE EXTENSION citus before CREATE EXTENSION kampungkb (docs/SCALE.md).';
	END IF;
	IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = CURRENT_USER) THEN
		RAISE EXCEPTION 'kkb.sebarkan changes the whole schema: only a superuser may run it'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = 'kkb.kampung'::regclass) THEN
		RAISE EXCEPTION 'this database is distributed already (kkb.kampung is a distributed table)'
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	-- every node created the extension's tables itself (CREATE EXTENSION is propagated): the
	-- schema changes below, and those Citus makes while it converts the foreign-key graph,
	-- are not sent again to the workers' copies (which would fail: "already exists")
	PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
	-- the triggers of village tables write only the co-located shards of the same village
	PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
	-- the DDL below and the distribution run one after another over one connection a node
	PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);
	IF jumlah_shard IS NOT NULL THEN
		IF jumlah_shard NOT BETWEEN 1 AND 4096 THEN
			RAISE EXCEPTION 'jumlah_shard %: the number of shards must be between 1 and 4096', jumlah_shard
				USING ERRCODE = 'invalid_parameter_value';
		END IF;
		PERFORM pg_catalog.set_config('citus.shard_count', jumlah_shard::text, true);
	END IF;

	-- Keys a distributed table cannot keep (the family-card and NIK keys have no ON UPDATE
	-- CASCADE on one node either: renumbering is kkb.ganti_no_kk / kkb.ganti_nik).
	-- Unique keys must hold the distribution column: warnings and audit rows always
	-- belong to a village (the triggers that write them write the row's village)
	ALTER TABLE kkb.peringatan ALTER COLUMN kode_desa SET NOT NULL, DROP CONSTRAINT peringatan_pkey,
		ADD PRIMARY KEY (kode_desa, id);
	ALTER TABLE kkb.audit ALTER COLUMN kode_desa SET NOT NULL, DROP CONSTRAINT audit_pkey,
		ADD PRIMARY KEY (kode_desa, id, waktu);

	FOR r IN SELECT s.tabel, s.jenis FROM kkb._sebaran() s WHERE s.jenis <> 'lokal' LOOP
		IF r.jenis = 'acuan' THEN
			PERFORM create_reference_table(pg_catalog.format('kkb.%I', r.tabel)::regclass);
		ELSIF r.tabel = 'kampung' THEN
			PERFORM create_distributed_table('kkb.kampung', 'kode_desa');
		ELSE
			PERFORM create_distributed_table(pg_catalog.format('kkb.%I', r.tabel)::regclass, 'kode_desa', colocate_with => 'kkb.kampung');
		END IF;
		tabel := r.tabel; jenis := r.jenis;
		RETURN NEXT;
	END LOOP;
	-- the bulk sync's statements in the shape a coordinator can plan
	PERFORM kkb._sinkron_buat_semua();
	-- the working roles' sessions on the workers, and the key that signs their settings
	PERFORM kkb.sebarkan_akses();
	-- analysts' own logins: the kkb_bi views over functions with the extension owner's rights
	PERFORM kkb._bi_sebarkan();
END $f$;
-- The kkb_bi views for an analyst's own login on a cluster.  A view reads its tables with its
-- owner's rights, but Citus opens the sessions on the workers as the current role - the analyst's
-- login, which has no right to the shards ("permission denied for table kampung_102022").  Each
-- view therefore becomes a view over a SECURITY DEFINER function that runs the view's own query
-- (so Citus connects as the function's owner), with the caller's scope (kkb.lingkup(), the
-- login's bound scope, read on the coordinator) written into it as a value: the owner passes
-- row-level security, so the query's own scope condition is what keeps the login to its
-- villages.  The functions take no argument (nobody can ask for another scope) and may be run by
-- the roles that may read the view.  A view already over its function is left as it is.
CREATE FUNCTION kkb._bi_sebarkan() RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	r record;
	g record;
	fungsi text;
	kolom text;
	isi text;
	n integer := 0;
BEGIN
	-- the views' queries with every name qualified (search_path is pg_catalog only)
	FOR r IN
		SELECT c.oid, c.relname::text AS nama, pg_catalog.pg_get_viewdef(c.oid) AS isi
		  FROM pg_catalog.pg_class c WHERE c.relnamespace = 'kkb_bi'::regnamespace AND c.relkind = 'v' ORDER BY c.relname
	LOOP
		fungsi := 'kkb._bi_' || r.nama;
		CONTINUE WHEN r.isi LIKE '%' || fungsi || '()%';
		IF pg_catalog.strpos(r.isi, 'kkb.lingkup()') = 0 THEN
			RAISE EXCEPTION 'the view kkb_bi.% does not apply kkb.lingkup()', r.nama USING ERRCODE = 'invalid_object_definition';
		END IF;
		SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
		  INTO kolom FROM pg_catalog.pg_attribute a WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped;
		isi := pg_catalog.rtrim(pg_catalog.btrim(r.isi), ';');
		EXECUTE pg_catalog.format($b$
CREATE OR REPLACE FUNCTION %s() RETURNS TABLE (%s)
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $q$
BEGIN
	-- the caller's scope, on the coordinator, as a value in the query the workers get
	RETURN QUERY EXECUTE pg_catalog.replace(%L, 'kkb.lingkup()',
		coalesce(pg_catalog.quote_literal(kkb.lingkup()::text) || '::kkb.kode_wilayah', 'NULL::kkb.kode_wilayah'));
END $q$$b$, fungsi, kolom, isi);
		EXECUTE pg_catalog.format('COMMENT ON FUNCTION %s() IS %L', fungsi,
			pg_catalog.format('Internal (a Citus cluster, kkb._bi_sebarkan): the rows of the view kkb_bi.%s for the caller''s scope, with the owner''s rights', r.nama));
		EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s() FROM PUBLIC', fungsi);
		FOR g IN SELECT DISTINCT a.grantee FROM pg_catalog.pg_class c CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
		          WHERE c.oid = r.oid AND a.privilege_type = 'SELECT' AND a.grantee <> c.relowner LOOP
			EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s() TO %s', fungsi,
				CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END);
		END LOOP;
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass
		                  AND d.objid = pg_catalog.to_regprocedure(fungsi || '()') AND d.deptype = 'e') THEN
			EXECUTE pg_catalog.format('ALTER EXTENSION kampungkb ADD FUNCTION %s()', fungsi);
		END IF;
		n := n + 1;
	END LOOP;
	-- then the views over them (a view may read another: every function holds the original query)
	-- (a function's result has no type modifiers: the view casts back to its columns' types, numeric(9,6) ...)
	FOR r IN
		SELECT c.oid, c.relname::text AS nama FROM pg_catalog.pg_class c
		 WHERE c.relnamespace = 'kkb_bi'::regnamespace AND c.relkind = 'v'
		   AND pg_catalog.pg_get_viewdef(c.oid) NOT LIKE '%kkb._bi_' || c.relname || '()%' ORDER BY c.relname
	LOOP
		SELECT pg_catalog.string_agg(pg_catalog.format('f.%I::%s AS %I', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attname),
		                             ', ' ORDER BY a.attnum)
		  INTO kolom FROM pg_catalog.pg_attribute a WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped;
		EXECUTE pg_catalog.format('CREATE OR REPLACE VIEW kkb_bi.%I AS SELECT %s FROM kkb.%I() f', r.nama, kolom, '_bi_' || r.nama);
	END LOOP;
	RETURN n;
END $f$;
COMMENT ON FUNCTION kkb._bi_sebarkan() IS
	'Internal (kkb.sebarkan): on a Citus cluster, each kkb_bi view becomes a view over a SECURITY DEFINER function running its query with the caller''s scope as a value (an analyst''s own login has no right to the shards Citus reads as the current role); answers the number of views changed';
REVOKE ALL ON FUNCTION kkb._bi_sebarkan() FROM PUBLIC;

COMMENT ON FUNCTION kkb.sebarkan(integer) IS 'Distributed mode on a Citus coordinator (docs/SCALE.md): reference tables copied to every node, village tables distributed by kode_desa and co-located; once, by a superuser, before data is loaded';
REVOKE ALL ON FUNCTION kkb.sebarkan(integer) FROM PUBLIC;

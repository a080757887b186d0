-- 0.2.0: the village columns are of the plain type kkb.kode_wilayah with the check
-- kode_desa_tingkat_desa (kkb.tingkat(kode_desa) = 4) instead of the domain kkb.kode_desa: Citus,
-- the distributed mode's engine, plans comparisons of a domain-typed distribution column wrongly
-- (docs/SCALE.md).  The rows and their values stay (the domain's type is the same; no table is
-- rewritten).  A column type cannot change under a view, an SQL-standard function body or a
-- row-level policy that reads it: those (and what reads them in turn) are kept here - definition,
-- options, comments, grants - dropped, and made again as they were after the change.
DO $upgrade$
DECLARE
	r record;
	g record;
	n int := 0;
BEGIN
	-- what reads a village column: views (through their rules) and SQL-standard function bodies,
	-- and, again, what reads those
	CREATE TEMP TABLE _naik_obj AS
	WITH RECURSIVE awal AS (
		SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
		  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
		  JOIN pg_catalog.pg_class c ON c.oid = d.refobjid
		 WHERE d.refclassid = 'pg_catalog.pg_class'::regclass AND c.relnamespace = 'kkb'::regnamespace AND c.relkind IN ('r', 'p')
		   AND a.attname = 'kode_desa' AND a.atttypid = 'kkb.kode_desa'::regtype
	), obj (kelas, oid) AS (
		SELECT CASE WHEN a.classid = 'pg_catalog.pg_rewrite'::regclass THEN 'v' ELSE 'f' END,
		       CASE WHEN a.classid = 'pg_catalog.pg_rewrite'::regclass THEN (SELECT rw.ev_class FROM pg_catalog.pg_rewrite rw WHERE rw.oid = a.objid) ELSE a.objid END
		  FROM awal a
		 WHERE a.classid = 'pg_catalog.pg_rewrite'::regclass OR a.classid = 'pg_catalog.pg_proc'::regclass
		UNION
		SELECT CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN 'v' ELSE 'f' END,
		       CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN (SELECT rw.ev_class FROM pg_catalog.pg_rewrite rw WHERE rw.oid = d.objid) ELSE d.objid END
		  FROM obj o
		  JOIN pg_catalog.pg_depend d ON d.refobjid = o.oid
		   AND d.refclassid = CASE o.kelas WHEN 'v' THEN 'pg_catalog.pg_class'::regclass ELSE 'pg_catalog.pg_proc'::regclass END
		 WHERE d.classid IN ('pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_proc'::regclass) AND d.deptype = 'n'
	)
	SELECT DISTINCT o.kelas, o.oid,
	       CASE o.kelas WHEN 'v' THEN o.oid::regclass::text ELSE o.oid::regprocedure::text END AS nama,
	       CASE o.kelas WHEN 'v' THEN pg_catalog.pg_get_viewdef(o.oid) ELSE pg_catalog.pg_get_functiondef(o.oid) END AS isi,
	       CASE o.kelas WHEN 'v' THEN (SELECT c.reloptions FROM pg_catalog.pg_class c WHERE c.oid = o.oid) END AS opsi,
	       CASE o.kelas WHEN 'v' THEN (SELECT c.relacl FROM pg_catalog.pg_class c WHERE c.oid = o.oid)
	                    ELSE (SELECT p.proacl FROM pg_catalog.pg_proc p WHERE p.oid = o.oid) END AS hak,
	       pg_catalog.obj_description(o.oid, CASE o.kelas WHEN 'v' THEN 'pg_class' ELSE 'pg_proc' END) AS uraian,
	       NULL::int AS urutan
	  FROM obj o
	 WHERE o.oid IS NOT NULL AND (o.kelas = 'v' AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = o.oid) = 'v'
	                              OR o.kelas = 'f' AND (SELECT p.prosqlbody IS NOT NULL FROM pg_catalog.pg_proc p WHERE p.oid = o.oid));
	CREATE TEMP TABLE _naik_view_kolom AS
	SELECT v.nama, a.attname, pg_catalog.col_description(v.oid, a.attnum) AS uraian
	  FROM _naik_obj v JOIN pg_catalog.pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0
	 WHERE v.kelas = 'v' AND pg_catalog.col_description(v.oid, a.attnum) IS NOT NULL;
	-- the policies of the tables whose column changes
	CREATE TEMP TABLE _naik_policy AS
	SELECT p.polname, pg_catalog.format('%I.%I', ns.nspname, c.relname) AS tabel, p.polcmd, p.polpermissive,
	       (SELECT pg_catalog.string_agg(CASE WHEN x = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(x)) END, ', ')
	          FROM pg_catalog.unnest(p.polroles) x) AS peran,
	       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS pakai, pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS periksa
	  FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
	 WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'kode_desa'
	                  AND a.atttypid = 'kkb.kode_desa'::regtype);

	FOR r IN SELECT * FROM _naik_policy LOOP
		EXECUTE pg_catalog.format('DROP POLICY %I ON %s', r.polname, r.tabel);
	END LOOP;
	-- drop what nothing else of the set reads, until the set is gone; make again in the reverse order
	LOOP
		SELECT * INTO r FROM _naik_obj o
		 WHERE o.urutan IS NULL
		   AND NOT EXISTS (SELECT 1 FROM _naik_obj o2 JOIN pg_catalog.pg_depend d
		                     ON d.refobjid = o.oid AND d.refclassid = CASE o.kelas WHEN 'v' THEN 'pg_catalog.pg_class'::regclass ELSE 'pg_catalog.pg_proc'::regclass END
		                    AND (o2.kelas = 'f' AND d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = o2.oid
		                         OR o2.kelas = 'v' AND d.classid = 'pg_catalog.pg_rewrite'::regclass
		                            AND d.objid IN (SELECT rw.oid FROM pg_catalog.pg_rewrite rw WHERE rw.ev_class = o2.oid))
		                  WHERE o2.urutan IS NULL AND o2.oid <> o.oid)
		 ORDER BY o.nama LIMIT 1;
		EXIT WHEN NOT FOUND;
		n := n + 1;
		UPDATE _naik_obj SET urutan = n WHERE oid = r.oid AND kelas = r.kelas;
		EXECUTE pg_catalog.format(CASE r.kelas WHEN 'v' THEN 'DROP VIEW %s' ELSE 'DROP FUNCTION %s' END, r.nama);
	END LOOP;
	IF EXISTS (SELECT 1 FROM _naik_obj WHERE urutan IS NULL) THEN
		RAISE EXCEPTION 'upgrade: objects reading kkb village columns that depend on each other in a cycle: %',
			(SELECT pg_catalog.string_agg(nama, ', ') FROM _naik_obj WHERE urutan IS NULL);
	END IF;

	FOR r IN SELECT pg_catalog.format('%I.%I', ns.nspname, c.relname) AS tabel
	           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
	           JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'kode_desa'
	          WHERE ns.nspname = 'kkb' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.atttypid = 'kkb.kode_desa'::regtype
	          ORDER BY c.relname <> 'kampung', c.relname LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN kode_desa TYPE kkb.kode_wilayah,
			ADD CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4)', r.tabel);
	END LOOP;

	FOR r IN SELECT * FROM _naik_obj ORDER BY urutan DESC LOOP
		IF r.kelas = 'v' THEN
			EXECUTE pg_catalog.format('CREATE VIEW %s%s AS %s', r.nama,
				CASE WHEN r.opsi IS NULL THEN '' ELSE ' WITH (' || pg_catalog.array_to_string(r.opsi, ', ') || ')' END, r.isi);
		ELSE
			EXECUTE r.isi;
		END IF;
		IF r.uraian IS NOT NULL THEN
			EXECUTE pg_catalog.format(CASE r.kelas WHEN 'v' THEN 'COMMENT ON VIEW %s IS %L' ELSE 'COMMENT ON FUNCTION %s IS %L' END, r.nama, r.uraian);
		END IF;
		IF r.hak IS NOT NULL THEN
			EXECUTE pg_catalog.format(CASE r.kelas WHEN 'v' THEN 'REVOKE ALL ON %s FROM PUBLIC' ELSE 'REVOKE ALL ON FUNCTION %s FROM PUBLIC' END, r.nama);
			FOR g IN SELECT a.privilege_type, a.grantee FROM pg_catalog.aclexplode(r.hak) a WHERE a.grantee <> a.grantor LOOP
				EXECUTE pg_catalog.format(CASE r.kelas WHEN 'v' THEN 'GRANT %s ON %s TO %s' ELSE 'GRANT %s ON FUNCTION %s TO %s' END,
					g.privilege_type, r.nama,
					CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END);
			END LOOP;
		END IF;
	END LOOP;
	FOR r IN SELECT * FROM _naik_view_kolom LOOP
		EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', r.nama, r.attname, r.uraian);
	END LOOP;
	FOR r IN SELECT * FROM _naik_policy LOOP
		EXECUTE pg_catalog.format('CREATE POLICY %I ON %s AS %s FOR %s TO %s%s%s', r.polname, r.tabel,
			CASE WHEN r.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
			CASE r.polcmd WHEN '*' THEN 'ALL' WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' ELSE 'DELETE' END,
			r.peran, CASE WHEN r.pakai IS NULL THEN '' ELSE ' USING (' || r.pakai || ')' END,
			CASE WHEN r.periksa IS NULL THEN '' ELSE ' WITH CHECK (' || r.periksa || ')' END);
	END LOOP;
	-- (tables made in an extension's script join the extension: let them go)
	ALTER EXTENSION kampungkb DROP TABLE pg_temp._naik_obj;
	ALTER EXTENSION kampungkb DROP TABLE pg_temp._naik_view_kolom;
	ALTER EXTENSION kampungkb DROP TABLE pg_temp._naik_policy;
	DROP TABLE pg_temp._naik_obj, pg_temp._naik_view_kolom, pg_temp._naik_policy;
END
$upgrade$;

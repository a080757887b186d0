-- katalog.sql - the schema of extension kampungkb in the current database as
-- sorted text, one fact per line, free of OIDs and of the order objects were
-- made in: what tests/upgrade/01_upgrade.sh compares between an upgraded
-- database and a fresh install.  Every object is named by pg_describe_object
-- or its qualified name (search_path is pg_catalog only, so all names outside
-- pg_catalog are qualified).  Covered:
--   members      every object that belongs to the extension (pg_depend 'e')
--   strays       functions, relations and types in the extension's schemas
--                that do not belong to it
--   schemas, functions (pg_get_functiondef; aggregates by their parts),
--   relations (kind, persistence, row-level security, options, partition key),
--   columns (position among live columns, type, NOT NULL, default, identity,
--   generated, collation), views (pg_get_viewdef), sequences (parameters,
--   owner column), constraints (pg_get_constraintdef, deferrable, validated),
--   indexes (pg_get_indexdef), triggers (pg_get_triggerdef, enabled), rules,
--   policies, types (storage, I/O, default, base type, enum labels in order,
--   ranges), operators, operator classes and families (with their operators
--   and support functions), casts, owners, privileges (sorted ACL items) of
--   schemas, relations, columns, functions and types, the initial privileges
--   pg_dump restores (pg_init_privs), comments of every object, and the tables
--   whose rows pg_dump keeps (extconfig, extcondition).
-- Roles are cluster-wide: see roles.sql.
SET search_path = pg_catalog;
\pset tuples_only on
\pset format unaligned

WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'kampungkb'),
mem AS (SELECT d.classid, d.objid, d.objsubid FROM pg_depend d, ext
         WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
ns AS (SELECT n.oid, n.nspname FROM pg_namespace n JOIN mem ON mem.classid = 'pg_namespace'::regclass AND mem.objid = n.oid),
rel AS (SELECT c.*, quote_ident(ns.nspname) || '.' || quote_ident(c.relname) AS qn
          FROM pg_class c JOIN ns ON ns.oid = c.relnamespace),
facts(f) AS (
	-- membership
	SELECT 'member: ' || pg_describe_object(classid, objid, objsubid) FROM mem
	UNION ALL
	SELECT 'stray function: ' || p.oid::regprocedure::text FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
	 WHERE NOT EXISTS (SELECT 1 FROM mem WHERE mem.classid = 'pg_proc'::regclass AND mem.objid = p.oid)
	UNION ALL
	SELECT 'stray relation: ' || c.qn FROM rel c
	 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
	   AND NOT EXISTS (SELECT 1 FROM mem WHERE mem.classid = 'pg_class'::regclass AND mem.objid = c.oid)
	   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
	                                               AND d.deptype IN ('a', 'i'))   -- owned sequences
	UNION ALL
	SELECT 'stray type: ' || format_type(t.oid, NULL) FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
	 WHERE t.typtype IN ('b', 'd', 'e', 'r') AND t.typrelid = 0
	   AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
	   AND NOT EXISTS (SELECT 1 FROM mem WHERE mem.classid = 'pg_type'::regclass AND mem.objid = t.oid)
	-- schemas
	UNION ALL
	SELECT format('schema %s: owner %s acl %s', n.nspname, pg_get_userbyid(n.nspowner),
	              array_to_string(ARRAY(SELECT x::text FROM unnest(n.nspacl) x ORDER BY 1), ','))
	  FROM pg_namespace n JOIN ns ON ns.oid = n.oid
	-- functions
	UNION ALL
	SELECT format('function %s: owner %s acl %s%s', p.oid::regprocedure, pg_get_userbyid(p.proowner),
	              array_to_string(ARRAY(SELECT x::text FROM unnest(p.proacl) x ORDER BY 1), ','),
	              CASE WHEN p.prokind = 'a'
	                   THEN (SELECT format(E'\n  aggregate kind %s trans %s final %s combine %s state %s init %s sort %s',
	                                       a.aggkind, a.aggtransfn, a.aggfinalfn, a.aggcombinefn, format_type(a.aggtranstype, NULL),
	                                       a.agginitval, a.aggsortop::regoperator)
	                           FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
	                   ELSE E'\n' || pg_get_functiondef(p.oid) END)
	  FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
	-- relations
	UNION ALL
	SELECT format('relation %s: kind %s persistence %s rls %s force_rls %s replident %s options %s owner %s acl %s partkey %s',
	              c.qn, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity, c.relreplident,
	              array_to_string(ARRAY(SELECT x FROM unnest(c.reloptions) x ORDER BY 1), ','), pg_get_userbyid(c.relowner),
	              array_to_string(ARRAY(SELECT x::text FROM unnest(c.relacl) x ORDER BY 1), ','),
	              CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END)
	  FROM rel c WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c')
	UNION ALL
	SELECT format('column %s.%s: position %s type %s not_null %s default %s identity %s generated %s collation %s acl %s',
	              c.qn, quote_ident(a.attname),
	              row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum), format_type(a.atttypid, a.atttypmod), a.attnotnull,
	              pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,
	              CASE WHEN a.attcollation <> 0 THEN (SELECT quote_ident(co.collname) FROM pg_collation co WHERE co.oid = a.attcollation) END,
	              array_to_string(ARRAY(SELECT x::text FROM unnest(a.attacl) x ORDER BY 1), ','))
	  FROM rel c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
	UNION ALL
	SELECT format(E'view %s:\n%s', c.qn, pg_get_viewdef(c.oid)) FROM rel c WHERE c.relkind IN ('v', 'm')
	UNION ALL
	SELECT format('sequence %s: type %s start %s increment %s min %s max %s cache %s cycle %s owned_by %s',
	              c.qn, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
	              (SELECT pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid) || ' ' || d.deptype::text
	                 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')
	                  AND d.refclassid = 'pg_class'::regclass))
	  FROM rel c JOIN pg_sequence s ON s.seqrelid = c.oid
	UNION ALL
	SELECT format('constraint %s on %s: %s deferrable %s deferred %s validated %s',
	              quote_ident(co.conname),
	              CASE WHEN co.conrelid <> 0 THEN co.conrelid::regclass::text ELSE format_type(co.contypid, NULL) END,
	              pg_get_constraintdef(co.oid), co.condeferrable, co.condeferred, co.convalidated)
	  FROM pg_constraint co JOIN ns ON ns.oid = co.connamespace
	UNION ALL
	SELECT format('index %s: %s', c.qn, pg_get_indexdef(c.oid)) FROM rel c WHERE c.relkind IN ('i', 'I')
	UNION ALL
	SELECT format('trigger %s on %s: %s enabled %s', quote_ident(t.tgname), c.qn, pg_get_triggerdef(t.oid), t.tgenabled)
	  FROM pg_trigger t JOIN rel c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal
	UNION ALL
	SELECT format('rule %s on %s: %s', quote_ident(r.rulename), c.qn, pg_get_ruledef(r.oid))
	  FROM pg_rewrite r JOIN rel c ON c.oid = r.ev_class WHERE r.rulename <> '_RETURN'
	UNION ALL
	SELECT format('policy %s on %s: cmd %s permissive %s roles %s using %s check %s', quote_ident(p.polname), c.qn, p.polcmd,
	              p.polpermissive,
	              array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END FROM unnest(p.polroles) r ORDER BY 1), ','),
	              pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
	  FROM pg_policy p JOIN rel c ON c.oid = p.polrelid
	-- types
	UNION ALL
	SELECT format('type %s: kind %s len %s byval %s align %s storage %s category %s preferred %s delim %s '
	              'in %s out %s recv %s send %s modin %s modout %s analyze %s subscript %s collation %s '
	              'base %s not_null %s default %s owner %s acl %s',
	              format_type(t.oid, NULL), t.typtype, t.typlen, t.typbyval, t.typalign, t.typstorage, t.typcategory,
	              t.typispreferred, t.typdelim, t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout,
	              t.typanalyze, t.typsubscript, t.typcollation <> 0,
	              CASE WHEN t.typbasetype <> 0 THEN format_type(t.typbasetype, t.typtypmod) END, t.typnotnull,
	              coalesce(pg_get_expr(t.typdefaultbin, 0), t.typdefault), pg_get_userbyid(t.typowner),
	              array_to_string(ARRAY(SELECT x::text FROM unnest(t.typacl) x ORDER BY 1), ','))
	  FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
	 WHERE t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')
	UNION ALL
	SELECT format('enum %s: %s', format_type(t.oid, NULL),
	              (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
	  FROM pg_type t JOIN ns ON ns.oid = t.typnamespace WHERE t.typtype = 'e'
	UNION ALL
	SELECT format('range %s: subtype %s opclass %s canonical %s diff %s', format_type(r.rngtypid, NULL), format_type(r.rngsubtype, NULL),
	              (SELECT opcname FROM pg_opclass WHERE oid = r.rngsubopc), r.rngcanonical, r.rngsubdiff)
	  FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN ns ON ns.oid = t.typnamespace
	-- operators, operator classes and families
	UNION ALL
	SELECT format('operator %s: function %s commutator %s negator %s restrict %s join %s merges %s hashes %s owner %s',
	              o.oid::regoperator, o.oprcode, nullif(o.oprcom, 0)::regoperator, nullif(o.oprnegate, 0)::regoperator,
	              o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash, pg_get_userbyid(o.oprowner))
	  FROM pg_operator o JOIN ns ON ns.oid = o.oprnamespace
	UNION ALL
	SELECT format('operator class %s.%s using %s: type %s default %s family %s storage %s', ns.nspname, quote_ident(c.opcname),
	              am.amname, format_type(c.opcintype, NULL), c.opcdefault,
	              (SELECT quote_ident(f.opfname) FROM pg_opfamily f WHERE f.oid = c.opcfamily), nullif(c.opckeytype, 0))
	  FROM pg_opclass c JOIN ns ON ns.oid = c.opcnamespace JOIN pg_am am ON am.oid = c.opcmethod
	UNION ALL
	SELECT format('operator family %s.%s using %s: operator %s %s (%s, %s) purpose %s', ns.nspname, quote_ident(f.opfname), am.amname,
	              ao.amopstrategy, ao.amopopr::regoperator, format_type(ao.amoplefttype, NULL), format_type(ao.amoprighttype, NULL),
	              ao.amoppurpose)
	  FROM pg_opfamily f JOIN ns ON ns.oid = f.opfnamespace JOIN pg_am am ON am.oid = f.opfmethod
	  JOIN pg_amop ao ON ao.amopfamily = f.oid
	UNION ALL
	SELECT format('operator family %s.%s using %s: function %s (%s, %s) %s', ns.nspname, quote_ident(f.opfname), am.amname,
	              ap.amprocnum, format_type(ap.amproclefttype, NULL), format_type(ap.amprocrighttype, NULL), ap.amproc::regprocedure)
	  FROM pg_opfamily f JOIN ns ON ns.oid = f.opfnamespace JOIN pg_am am ON am.oid = f.opfmethod
	  JOIN pg_amproc ap ON ap.amprocfamily = f.oid
	-- casts from or to the extension's types, or through its functions
	UNION ALL
	SELECT format('cast (%s AS %s): function %s context %s method %s', format_type(c.castsource, NULL), format_type(c.casttarget, NULL),
	              nullif(c.castfunc, 0)::regprocedure, c.castcontext, c.castmethod)
	  FROM pg_cast c
	 WHERE EXISTS (SELECT 1 FROM pg_type t JOIN ns ON ns.oid = t.typnamespace WHERE t.oid IN (c.castsource, c.casttarget))
	    OR EXISTS (SELECT 1 FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace WHERE p.oid = c.castfunc)
	-- comments of everything named in the extension's schemas (and of the schemas and casts)
	UNION ALL
	SELECT format('comment on %s: %s', x.o, x.description)
	  FROM (SELECT pg_describe_object(d.classoid, d.objoid, d.objsubid) AS o, d.description FROM pg_description d) x
	 WHERE x.o ~ ANY (ARRAY(SELECT '(^| |\()' || regexp_replace(ns.nspname, '(\W)', '\\\1', 'g') || '(\.|$)' FROM ns))
	-- the initial privileges pg_dump restores
	UNION ALL
	SELECT format('initial privileges of %s: %s %s', x.o, x.privtype, x.p)
	  FROM (SELECT pg_describe_object(i.classoid, i.objoid, i.objsubid) AS o, i.privtype,
	               array_to_string(ARRAY(SELECT a::text FROM unnest(i.initprivs) a ORDER BY 1), ',') AS p
	          FROM pg_init_privs i) x
	 WHERE x.o ~ ANY (ARRAY(SELECT '(^| |\()' || regexp_replace(ns.nspname, '(\W)', '\\\1', 'g') || '(\.|$)' FROM ns))
	-- default privileges in the schemas
	UNION ALL
	SELECT format('default privileges in %s for %s on %s: %s', ns.nspname, pg_get_userbyid(da.defaclrole), da.defaclobjtype,
	              array_to_string(ARRAY(SELECT x::text FROM unnest(da.defaclacl) x ORDER BY 1), ','))
	  FROM pg_default_acl da JOIN ns ON ns.oid = da.defaclnamespace
	-- the tables whose rows pg_dump keeps
	UNION ALL
	SELECT format('dumped rows of %s: %s', c.c::regclass, nullif(c.w, ''))
	  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(c, w) WHERE e.extname = 'kampungkb'
)
SELECT f FROM facts ORDER BY f COLLATE "C";

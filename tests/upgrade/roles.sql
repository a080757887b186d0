-- roles.sql - the extension's roles (kkb_*) as sorted text: attributes,
-- memberships among all roles, and settings (the database's by name).  Roles
-- are cluster-wide, so tests/upgrade/01_upgrade.sh compares them between a
-- cluster whose roles 0.1.0 made and were upgraded, and the same cluster with
-- the roles dropped and made again by a fresh install.
SET search_path = pg_catalog;
\pset tuples_only on
\pset format unaligned
WITH r AS (SELECT * FROM pg_roles WHERE rolname LIKE 'kkb\_%'),
facts(f) AS (
	SELECT format('role %s: super %s inherit %s createrole %s createdb %s login %s replication %s bypassrls %s connlimit %s',
	              rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit)
	  FROM r
	UNION ALL
	SELECT format('membership: %s in %s admin %s', pg_get_userbyid(m.member), pg_get_userbyid(m.roleid), m.admin_option)
	  FROM pg_auth_members m WHERE m.roleid IN (SELECT oid FROM r) OR m.member IN (SELECT oid FROM r)
	UNION ALL
	SELECT format('setting of %s in %s: %s', pg_get_userbyid(s.setrole),
	              CASE WHEN s.setdatabase = 0 THEN 'every database'
	                   WHEN s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) THEN 'this database'
	                   ELSE 'another database' END,
	              array_to_string(ARRAY(SELECT x FROM unnest(s.setconfig) x ORDER BY 1), ','))
	  FROM pg_db_role_setting s WHERE s.setrole IN (SELECT oid FROM r)
	UNION ALL
	SELECT format('comment on role %s: %s', r.rolname, shobj_description(r.oid, 'pg_authid')) FROM r
	 WHERE shobj_description(r.oid, 'pg_authid') IS NOT NULL
)
SELECT f FROM facts ORDER BY f COLLATE "C";

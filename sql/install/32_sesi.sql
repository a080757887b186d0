-- 32_sesi.sql - who may give a session its settings (scope, application user, agency), on one
-- node and on a Citus cluster.
--
-- The gateway gives each request its token's scope (kkb.wilayah), holder (kkb.pengguna) and
-- agency (kkb.opd); they count only in the sessions allowed to give them: the gateway's login
-- (a member of kkb_gateway) and superusers (kkb.lingkup, kkb._pengguna, kkb._opd).  On a Citus
-- cluster the rows are read and written on the workers, in sessions Citus opens as the
-- coordinator's current role (kkb_pokja, kkb_opd, ...), so the settings travel there with SET
-- LOCAL and a signature the workers check (docs/SCALE.md, "Access on a cluster";
-- extension/src/akses_sql.c).

-- Is this database a Citus cluster's (the extension citus installed)?  The one test every part
-- that works differently on a cluster asks.
CREATE FUNCTION kkb._citus() RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE AS $f$
	SELECT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'citus')
$f$;
COMMENT ON FUNCTION kkb._citus() IS 'Internal: is the extension citus installed in this database (a Citus cluster: docs/SCALE.md)?';

CREATE FUNCTION kkb._sesi_dipercaya() RETURNS boolean
	AS 'MODULE_PATHNAME', 'kkb_sesi_dipercaya' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._sesi_dipercaya() IS 'Internal: may this session''s settings name the region scope, the application user and the agency - a superuser''s or the gateway''s login, or on a Citus worker a session carrying the coordinator''s signature (kkb.tanda)';

-- The login a change came through (the audit's sesi): the session user, or in a worker session of a
-- signed request the coordinator session's login (the gateway's, or a superuser's).
CREATE FUNCTION kkb._sesi_login() RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_sesi_login' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._sesi_login() IS 'Internal: the login a change came through, for kkb.audit.sesi - the session user; on a Citus worker, in a session carrying the coordinator''s signature, the coordinator session''s login (kkb.sesi, signed with the scope)';

-- The gateway's first statement of every request (gateway/src/tx.c).
CREATE FUNCTION kkb._sesi_atur(wilayah text, pengguna text, batas_waktu text, opd text) RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_sesi_atur' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kkb._sesi_atur(text, text, text, text) IS 'Internal (the gateway): set kkb.wilayah, kkb.pengguna, statement_timeout (ms) and kkb.opd for the rest of the transaction; on Citus with SET LOCAL, propagated to the workers with the session''s login (kkb.sesi), plus their signature kkb.tanda (returned) when the session may give a scope';

-- The cluster's signing key: one row, the same on every node (kkb.sebarkan_akses copies it),
-- readable by nobody but superusers (the C code reads it as the bootstrap superuser).
CREATE TABLE kkb._kunci_sebaran (
	kunci       bytea NOT NULL CHECK (pg_catalog.length(kunci) BETWEEN 16 AND 64),
	dibuat_pada timestamptz NOT NULL DEFAULT pg_catalog.now() PRIMARY KEY
);
COMMENT ON TABLE kkb._kunci_sebaran IS 'Internal: the key that signs a gateway request''s settings for a Citus cluster''s workers (kkb._sesi_atur); the same on every node, made by kkb.sebarkan, copied to new nodes by kkb.sebarkan_akses';
REVOKE ALL ON kkb._kunci_sebaran FROM PUBLIC;

-- Access on the cluster's nodes: Citus opens a request's sessions on the workers (and on the
-- coordinator itself, for some plans) as the coordinator's current role - kkb_pokja, kkb_opd,
-- ... - so these may log in on a cluster, with a random password that only Citus holds
-- (pg_dist_authinfo, readable by superusers only, on every node): nobody else can log in as
-- them, and a session that did would still get no scope without a signature (akses_sql.c).
-- Then the signing key is made (when there is none) and copied to every worker.  kkb.sebarkan
-- calls it; run it again after adding a node (citus_add_node) or to change the key and the
-- passwords (kunci_baru => true).
CREATE FUNCTION kkb.sebarkan_akses(kunci_baru boolean DEFAULT false) RETURNS integer
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	k bytea;
	n integer;
	r text;
	sandi text;
	info text;
BEGIN
	IF NOT kkb._citus() THEN
		RAISE EXCEPTION 'kkb.sebarkan_akses needs Citus: the extension citus is not installed in this database'
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = CURRENT_USER) THEN
		RAISE EXCEPTION 'only a superuser may set the working roles'' logins and the cluster''s signing key'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	-- each node's roles and authinfo are set here and by run_command_on_workers, not by Citus's
	-- propagation (whose locks on the workers the latter's connections would wait for)
	PERFORM pg_catalog.set_config('citus.enable_alter_role_propagation', 'off', true);
	PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
	FOREACH r IN ARRAY ARRAY['kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi', 'kkb_anon'] LOOP
		SELECT a.authinfo INTO info FROM pg_catalog.pg_dist_authinfo a WHERE a.rolename = r AND a.nodeid = 0;
		IF info IS NULL OR kunci_baru OR NOT (SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = r) THEN
			sandi := pg_catalog.replace(pg_catalog.gen_random_uuid()::text || pg_catalog.gen_random_uuid()::text, '-', '');
			info := 'password=' || sandi;
			EXECUTE pg_catalog.format('ALTER ROLE %I LOGIN PASSWORD %L', r, sandi);
			DELETE FROM pg_catalog.pg_dist_authinfo a WHERE a.rolename = r AND a.nodeid = 0;
			INSERT INTO pg_catalog.pg_dist_authinfo (nodeid, rolename, authinfo) VALUES (0, r, info);
		END IF;
		-- the workers open such sessions too (a village's freeze, the reports' warnings); they
		-- get the password's hash, not the password
		PERFORM 1 FROM pg_catalog.run_command_on_workers(pg_catalog.format(
			'SET citus.enable_alter_role_propagation TO off; ALTER ROLE %I LOGIN PASSWORD %L; '
			'DELETE FROM pg_catalog.pg_dist_authinfo WHERE rolename = %L AND nodeid = 0; '
			'INSERT INTO pg_catalog.pg_dist_authinfo (nodeid, rolename, authinfo) VALUES (0, %L, %L)',
			r, (SELECT a.rolpassword FROM pg_catalog.pg_authid a WHERE a.rolname = r), r, r, info)) w
		 WHERE NOT w.success;
		IF FOUND THEN
			RAISE EXCEPTION 'role % could not be given its login on every worker', r
				USING ERRCODE = 'connection_failure',
				      HINT = 'Check that every worker is up and has the extension kampungkb, then run SELECT kkb.sebarkan_akses() again.';
		END IF;
	END LOOP;
	-- Citus takes the identity values of rows written into a distributed table with nextval() (on the
	-- coordinator or a worker), which asks for USAGE on the sequence - an identity column on one node
	-- does not: on every node, the roles that may insert the rows get it
	SELECT pg_catalog.string_agg(pg_catalog.format('GRANT USAGE ON SEQUENCE %s TO %I;',
	           pg_catalog.pg_get_serial_sequence(pg_catalog.format('kkb.%I', s.tabel), a.attname), g.rolname), ' ')
	  INTO info
	  FROM kkb._sebaran() s
	  JOIN pg_catalog.pg_attribute a ON a.attrelid = pg_catalog.format('kkb.%I', s.tabel)::regclass AND a.attidentity <> ''
	  JOIN pg_catalog.pg_roles g ON g.rolname LIKE 'kkb\_%' AND pg_catalog.has_table_privilege(g.oid, a.attrelid, 'INSERT')
	 WHERE s.jenis = 'desa';
	IF info IS NOT NULL THEN
		EXECUTE info;
		PERFORM 1 FROM pg_catalog.run_command_on_workers('SET citus.enable_ddl_propagation TO off; ' || info) w WHERE NOT w.success;
		IF FOUND THEN
			RAISE EXCEPTION 'the identity sequences could not be granted on every worker'
				USING ERRCODE = 'connection_failure',
				      HINT = 'Check that every worker is up and has the extension kampungkb, then run SELECT kkb.sebarkan_akses() again.';
		END IF;
	END IF;
	SELECT s.kunci INTO k FROM kkb._kunci_sebaran s ORDER BY s.dibuat_pada DESC LIMIT 1;
	IF k IS NULL OR kunci_baru THEN
		-- 2 x 122 random bits from the server's strong random source
		k := pg_catalog.decode(pg_catalog.replace(pg_catalog.gen_random_uuid()::text || pg_catalog.gen_random_uuid()::text, '-', ''), 'hex');
		DELETE FROM kkb._kunci_sebaran;
		INSERT INTO kkb._kunci_sebaran (kunci) VALUES (k);
	END IF;
	SELECT count(*)::integer INTO n FROM pg_catalog.run_command_on_workers(pg_catalog.format(
		'WITH lama AS (DELETE FROM kkb._kunci_sebaran) INSERT INTO kkb._kunci_sebaran (kunci) VALUES (%L::bytea)', k)) w
	 WHERE w.success;
	IF n < (SELECT count(*) FROM pg_catalog.pg_dist_node WHERE noderole = 'primary' AND groupid <> 0) THEN
		RAISE EXCEPTION 'the signing key did not reach every worker (% did)', n
			USING ERRCODE = 'connection_failure',
			      HINT = 'Check that every worker is up and has the extension kampungkb, then run SELECT kkb.sebarkan_akses() again.';
	END IF;
	RETURN n;
END $f$;
COMMENT ON FUNCTION kkb.sebarkan_akses(boolean) IS 'Citus: let the working roles log in on the cluster''s nodes with passwords only Citus holds (pg_dist_authinfo) and copy the cluster''s signing key of request settings to every worker (made when there is none; new key and passwords: kunci_baru => true); returns the number of workers (superuser; after citus_add_node)';
REVOKE ALL ON FUNCTION kkb.sebarkan_akses(boolean) FROM PUBLIC;

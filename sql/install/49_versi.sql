-- 49_versi.sql - change counters (versi = version) behind the gateway's ETags.
--
-- Every statement that really changes a village's rows gives that village a
-- new version number; every change of the reference data (regions, code lists,
-- catalogue, rules, agencies' problems) gives the reference a new one.  A
-- village's version only grows, so the sum of the versions of a region's
-- villages changes with every committed change under it, whatever the order
-- in which concurrent transactions commit.  kkb.versi_data condenses this into
-- the text the gateway puts into an entity tag: an answer about a region is
-- still valid while that text is unchanged.  A statement that changes no row
-- (a re-sent batch) changes no version.

CREATE SEQUENCE kkb.versi_seq;
COMMENT ON SEQUENCE kkb.versi_seq IS 'Version numbers of kkb.versi_desa and kkb.versi_acuan';

CREATE TABLE kkb.versi_desa (
	kode_desa   kkb.kode_desa PRIMARY KEY,
	versi       bigint NOT NULL,
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kkb.versi_desa IS 'Change counter per village: a new, larger version with every statement that changes its rows';

CREATE TABLE kkb.versi_acuan (
	satu        boolean PRIMARY KEY DEFAULT true CHECK (satu),
	versi       bigint NOT NULL,
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kkb.versi_acuan IS 'Change counter of the reference data (one row): regions, code lists, data catalogue, rules, agencies'' problems';
INSERT INTO kkb.versi_acuan (versi) VALUES (pg_catalog.nextval('kkb.versi_seq'));

CREATE FUNCTION kkb._versi() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	IF TG_TABLE_SCHEMA <> 'kkb' THEN
		RAISE EXCEPTION 'kkb._versi only counts changes of tables of schema kkb' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF TG_ARGV[0] = 'acuan' THEN
		UPDATE kkb.versi_acuan SET versi = pg_catalog.nextval('kkb.versi_seq'), diubah_pada = pg_catalog.now();
		RETURN NULL;
	END IF;
	-- villages in key order, so that two statements bumping the same villages lock them in the same order
	IF TG_OP = 'INSERT' THEN
		INSERT INTO kkb.versi_desa AS v (kode_desa, versi)
		SELECT x.kode_desa, pg_catalog.nextval('kkb.versi_seq')
		  FROM (SELECT DISTINCT n.kode_desa FROM kkb_versi_baru n ORDER BY 1) x
		ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = pg_catalog.now();
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO kkb.versi_desa AS v (kode_desa, versi)
		SELECT x.kode_desa, pg_catalog.nextval('kkb.versi_seq')
		  FROM (SELECT DISTINCT o.kode_desa FROM kkb_versi_lama o ORDER BY 1) x
		ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = pg_catalog.now();
	ELSE
		INSERT INTO kkb.versi_desa AS v (kode_desa, versi)
		SELECT x.kode_desa, pg_catalog.nextval('kkb.versi_seq')
		  FROM (SELECT n.kode_desa FROM kkb_versi_baru n UNION SELECT o.kode_desa FROM kkb_versi_lama o ORDER BY 1) x
		ON CONFLICT (kode_desa) DO UPDATE SET versi = GREATEST(EXCLUDED.versi, v.versi + 1), diubah_pada = pg_catalog.now();
	END IF;
	RETURN NULL;
END $f$;
COMMENT ON FUNCTION kkb._versi() IS 'Internal trigger: a new version for every village a statement changed (argument acuan: for the reference data)';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['kampung', 'profil', 'penduduk', 'kkbpk', 'intervensi', 'periode_status', 'nilai',
	                         'keluarga', 'anggota', 'pengukuran', 'peristiwa'] LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi_i AFTER INSERT ON kkb.%I REFERENCING NEW TABLE AS kkb_versi_baru
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi()', t);
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi_u AFTER UPDATE ON kkb.%I REFERENCING OLD TABLE AS kkb_versi_lama NEW TABLE AS kkb_versi_baru
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi()', t);
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi_d AFTER DELETE ON kkb.%I REFERENCING OLD TABLE AS kkb_versi_lama
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi()', t);
	END LOOP;
	FOREACH t IN ARRAY ARRAY['wilayah', 'kode', 'opd', 'air_minum_layak', 'elemen_data', 'aturan_validasi', 'masalah_opd'] LOOP
		EXECUTE pg_catalog.format('CREATE TRIGGER t95_versi AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kkb.%I
			FOR EACH STATEMENT EXECUTE FUNCTION kkb._versi(''acuan'')', t);
	END LOOP;
END $$;

GRANT SELECT ON kkb.versi_desa, kkb.versi_acuan TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi, kkb_gateway;

-- The text an entity tag is made of: the reference version, then - unless
-- only the reference counts (acuan) - the sum and number of the versions of
-- the villages under `wilayah` (NULL: the whole country) and today's date
-- (answers default to the current month).  The region comes as text, from the
-- gateway's request: NULL when it is no region code (the request's own
-- statement reports that).  The gateway reads it in each request's own
-- transaction, so it is kept cheap: no exception block, no SET clause (every
-- name is schema-qualified instead), one primary-key lookup for a village,
-- one btree range for a region; the version tables are readable by the
-- working roles for it (version numbers only).
CREATE FUNCTION kkb._versi_teks(wilayah text, acuan boolean) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE AS $f$
DECLARE
	a bigint;
	jumlah numeric;
	n bigint;
BEGIN
	SELECT v.versi INTO a FROM kkb.versi_acuan v;
	IF acuan THEN
		RETURN a::text;
	ELSIF wilayah IS NULL THEN
		SELECT coalesce(pg_catalog.sum(v.versi), 0), pg_catalog.count(*) INTO jumlah, n FROM kkb.versi_desa v;
	ELSIF kkb.kode_wilayah_periksa(wilayah) IS NOT NULL THEN
		RETURN NULL;
	ELSIF kkb.tingkat(wilayah::kkb.kode_wilayah) = 4 THEN
		SELECT coalesce(pg_catalog.max(v.versi), 0), pg_catalog.count(*) INTO jumlah, n
		  FROM kkb.versi_desa v WHERE v.kode_desa OPERATOR(kkb.=) wilayah::kkb.kode_wilayah;
	ELSE
		SELECT coalesce(pg_catalog.sum(v.versi), 0), pg_catalog.count(*) INTO jumlah, n
		  FROM kkb.versi_desa v WHERE v.kode_desa OPERATOR(kkb.<@) wilayah::kkb.kode_wilayah;
	END IF;
	RETURN a::text OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||) jumlah::text OPERATOR(pg_catalog.||) '-'
	       OPERATOR(pg_catalog.||) n::text OPERATOR(pg_catalog.||) '-' OPERATOR(pg_catalog.||) pg_catalog.to_char(CURRENT_DATE, 'YYYYMMDD');
END $f$;
COMMENT ON FUNCTION kkb._versi_teks(text, boolean) IS 'Internal: the version text of kkb.versi_data for a region code given as text (NULL when malformed), or of the reference data alone (acuan); read by the gateway for its ETags';

-- The same for SQL users: the version text of the data under a region (NULL:
-- everywhere), which changes whenever a village under it or the reference
-- data changes, and daily.
CREATE FUNCTION kkb.versi_data(wilayah kkb.kode_wilayah) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN kkb._versi_teks(wilayah::text, false);
COMMENT ON FUNCTION kkb.versi_data(kkb.kode_wilayah) IS
	'Version text of the data under a region (NULL: everywhere): changes whenever a village under it or the reference data changes, and daily. The gateway builds its ETags from it.';

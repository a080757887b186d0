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
	kode_desa   kkb.kode_wilayah PRIMARY KEY CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
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

-- The trigger function kkb._versi() is in 48_versi_pemicu.sql (functions only, replayed by the upgrade).

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

-- The version tables are read only through kkb._versi_teks (49_versi_teks.sql):
-- no working role reads them (change times of other villages are no one's business).
REVOKE ALL ON kkb.versi_desa, kkb.versi_acuan FROM PUBLIC;

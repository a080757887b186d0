-- 47_pencilan_ambang.sql - the thresholds of kkb.pencilan (48_pencilan.sql), editable per region and
-- item: a village, a kecamatan or a city (lingkup), an item code or '*' for every item, a method.
-- The most specific row wins (village before kecamatan before city, an item before '*'); without
-- one, the method's default (mz 3.5, z 3, minmaks 2).
CREATE TABLE kkb.pencilan_ambang (
	lingkup kkb.kode_wilayah NOT NULL REFERENCES kkb.wilayah (kode),
	kode    text NOT NULL DEFAULT '*' CHECK (kode ~ '^(\*|[a-z0-9_]+)$'),
	metode  text NOT NULL CHECK (metode IN ('mz', 'z', 'minmaks')),
	ambang  numeric NOT NULL CHECK (ambang > 0),
	PRIMARY KEY (lingkup, kode, metode)
);
COMMENT ON TABLE kkb.pencilan_ambang IS 'Thresholds of kkb.pencilan per region (village, kecamatan, city) and item; the most specific row wins, else the method''s default';
COMMENT ON COLUMN kkb.pencilan_ambang.lingkup IS 'Region the threshold holds in: a village, a kecamatan or a city';
COMMENT ON COLUMN kkb.pencilan_ambang.kode IS 'Item code (a column of kkb.kkbpk or kkb.penduduk, or an entered item), or * for every item';
COMMENT ON COLUMN kkb.pencilan_ambang.metode IS 'mz, z or minmaks';
COMMENT ON COLUMN kkb.pencilan_ambang.ambang IS 'Threshold: |score| above it is an outlier (minmaks: k, the number of standard deviations)';
GRANT SELECT ON kkb.pencilan_ambang TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi;
GRANT INSERT, UPDATE, DELETE ON kkb.pencilan_ambang TO kkb_admin;
-- everyone reads every threshold; an administrator with a scope sets them only within it
ALTER TABLE kkb.pencilan_ambang ENABLE ROW LEVEL SECURITY;
CREATE POLICY baca ON kkb.pencilan_ambang FOR SELECT USING (true);
CREATE POLICY admin_lingkup ON kkb.pencilan_ambang TO kkb_admin
	USING (kkb.lingkup() IS NULL OR lingkup OPERATOR(kkb.<@) kkb.lingkup())
	WITH CHECK (kkb.lingkup() IS NULL OR lingkup OPERATOR(kkb.<@) kkb.lingkup());

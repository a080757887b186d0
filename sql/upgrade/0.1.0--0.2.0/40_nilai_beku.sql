-- 0.2.0: an approved month's by-name figures are frozen (43_elemen_data.sql).
CREATE TABLE kkb.nilai_beku (
	kode_desa kkb.kode_wilayah NOT NULL CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode   kkb.bulan NOT NULL,
	kode      text NOT NULL,
	nilai     numeric NOT NULL,
	PRIMARY KEY (kode_desa, periode, kode),
	FOREIGN KEY (kode_desa, periode) REFERENCES kkb.periode_status (kode_desa, periode) ON DELETE CASCADE
);
COMMENT ON TABLE kkb.nilai_beku IS 'Items computed from by-name records, frozen (beku) when the village-month was approved: what an approved or locked month answers';
COMMENT ON COLUMN kkb.nilai_beku.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.nilai_beku.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.nilai_beku.kode IS 'Item code (kkb.elemen_data, or one of the extra indicators of kkb._nilai_individu)';
COMMENT ON COLUMN kkb.nilai_beku.nilai IS 'Value at approval';
ALTER TABLE kkb.nilai_beku ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_semua ON kkb.nilai_beku FOR SELECT TO kkb_admin
	USING (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY pokja_desa ON kkb.nilai_beku FOR SELECT TO kkb_pokja USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_baca ON kkb.nilai_beku FOR SELECT TO kkb_opd USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
GRANT SELECT ON kkb.nilai_beku TO kkb_admin, kkb_pokja, kkb_opd;

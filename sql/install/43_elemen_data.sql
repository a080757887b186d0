-- 43_elemen_data.sql - the 40 kinds of village data (DOMAIN.md 3): the
-- catalogue, values entered as aggregates, and each village's profile, where
-- every item comes from the by-name records when the village has them, else
-- from its monthly report (penduduk, kkbpk), else from an entered value.

CREATE TABLE kkb.elemen_data (
	kode          text PRIMARY KEY CHECK (kode ~ '^[a-z][a-z0-9_]*$'),
	urutan        smallint NOT NULL UNIQUE,
	nama          text NOT NULL,
	arti          text NOT NULL,
	kelompok      text NOT NULL,
	satuan        text NOT NULL,
	dihitung      boolean NOT NULL,
	kolom_laporan text
);
COMMENT ON TABLE kkb.elemen_data IS 'The catalogue of village data items (elemen data): the 40 kinds of data the city asks each village for';
COMMENT ON COLUMN kkb.elemen_data.kode IS 'Stable item code, used in validation rules';
COMMENT ON COLUMN kkb.elemen_data.urutan IS 'Order (1..40)';
COMMENT ON COLUMN kkb.elemen_data.nama IS 'Indonesian name';
COMMENT ON COLUMN kkb.elemen_data.arti IS 'English meaning';
COMMENT ON COLUMN kkb.elemen_data.kelompok IS 'Group: kependudukan, kb, poktan, vital, gizi, lingkungan, sosial';
COMMENT ON COLUMN kkb.elemen_data.satuan IS 'Unit: orang (people), keluarga (families), kejadian (events)';
COMMENT ON COLUMN kkb.elemen_data.dihitung IS 'Computed from the by-name records when the village has them';
COMMENT ON COLUMN kkb.elemen_data.kolom_laporan IS 'Column of kkb.penduduk or kkb.kkbpk holding it in the monthly report, if any (table.column)';

INSERT INTO kkb.elemen_data (urutan, kode, nama, arti, kelompok, satuan, dihitung, kolom_laporan) VALUES
	(1, 'penduduk', 'Jumlah penduduk (menurut kelompok umur 5 tahunan dan jenis kelamin)', 'Population (by 5-year age group and sex)', 'kependudukan', 'orang', true, NULL),
	(2, 'keluarga', 'Jumlah keluarga (KK)', 'Families', 'kependudukan', 'keluarga', true, 'penduduk.keluarga'),
	(3, 'pus', 'Pasangan usia subur (PUS)', 'Couples of reproductive age (married women 15-49)', 'kependudukan', 'orang', true, 'penduduk.pus'),
	(4, 'remaja', 'Remaja (10-24 tahun)', 'Teenagers aged 10-24', 'kependudukan', 'orang', true, 'penduduk.remaja'),
	(5, 'keluarga_balita', 'Keluarga dengan balita', 'Families with a child under five', 'kependudukan', 'keluarga', true, 'penduduk.keluarga_balita'),
	(6, 'keluarga_remaja', 'Keluarga dengan remaja', 'Families with a teenager', 'kependudukan', 'keluarga', true, 'penduduk.keluarga_remaja'),
	(7, 'keluarga_lansia', 'Keluarga dengan lansia (60+)', 'Families with an elderly member (60+)', 'kependudukan', 'keluarga', true, 'penduduk.keluarga_lansia'),
	(8, 'kb_iud', 'Peserta KB aktif: IUD', 'Active contraceptive users: IUD', 'kb', 'orang', true, 'kkbpk.kb_iud'),
	(9, 'kb_mow', 'Peserta KB aktif: MOW', 'Active users: female sterilisation', 'kb', 'orang', true, 'kkbpk.kb_mow'),
	(10, 'kb_mop', 'Peserta KB aktif: MOP', 'Active users: male sterilisation', 'kb', 'orang', true, 'kkbpk.kb_mop'),
	(11, 'kb_kondom', 'Peserta KB aktif: kondom', 'Active users: condom', 'kb', 'orang', true, 'kkbpk.kb_kondom'),
	(12, 'kb_implan', 'Peserta KB aktif: implan', 'Active users: implant', 'kb', 'orang', true, 'kkbpk.kb_implan'),
	(13, 'kb_suntik', 'Peserta KB aktif: suntik', 'Active users: injectable', 'kb', 'orang', true, 'kkbpk.kb_suntik'),
	(14, 'kb_pil', 'Peserta KB aktif: pil', 'Active users: pill', 'kb', 'orang', true, 'kkbpk.kb_pil'),
	(15, 'tidak_kb_hamil', 'PUS bukan peserta KB: hamil', 'Couples not using contraception: pregnant', 'kb', 'orang', true, 'kkbpk.tidak_kb_hamil'),
	(16, 'tidak_kb_ingin_segera', 'PUS bukan peserta KB: ingin anak segera', 'Not using contraception: want a child soon', 'kb', 'orang', true, 'kkbpk.tidak_kb_ingin_segera'),
	(17, 'tidak_kb_iat', 'PUS bukan peserta KB: ingin anak ditunda (IAT)', 'Not using contraception: want a child later', 'kb', 'orang', true, 'kkbpk.tidak_kb_iat'),
	(18, 'tidak_kb_tial', 'PUS bukan peserta KB: tidak ingin anak lagi (TIAL)', 'Not using contraception: want no more children', 'kb', 'orang', true, 'kkbpk.tidak_kb_tial'),
	(19, 'peserta_baru', 'Peserta KB baru', 'New contraceptive acceptors', 'kb', 'orang', false, 'kkbpk.peserta_baru'),
	(20, 'bpjs', 'Anggota keluarga dengan jaminan kesehatan (BPJS)', 'Members covered by health insurance', 'kependudukan', 'orang', true, 'kkbpk.bpjs'),
	(21, 'peserta_bkb', 'Peserta BKB', 'Participants of BKB (families with toddlers)', 'poktan', 'keluarga', false, 'kkbpk.peserta_bkb'),
	(22, 'peserta_bkr', 'Peserta BKR', 'Participants of BKR (families with teenagers)', 'poktan', 'keluarga', false, 'kkbpk.peserta_bkr'),
	(23, 'peserta_bkl', 'Peserta BKL', 'Participants of BKL (families with elderly)', 'poktan', 'keluarga', false, 'kkbpk.peserta_bkl'),
	(24, 'peserta_uppka', 'Peserta UPPKA', 'Participants of UPPKA (family income groups)', 'poktan', 'keluarga', false, 'kkbpk.peserta_uppka'),
	(25, 'peserta_pikr', 'Peserta PIK-R', 'Participants of PIK-R (youth counselling)', 'poktan', 'orang', false, 'kkbpk.peserta_pikr'),
	(26, 'lahir_hidup', 'Kelahiran hidup', 'Live births', 'vital', 'kejadian', true, NULL),
	(27, 'kematian_bayi', 'Kematian bayi (di bawah 1 tahun)', 'Infant deaths (under 1 year)', 'vital', 'kejadian', true, NULL),
	(28, 'kematian_balita', 'Kematian balita (di bawah 5 tahun)', 'Under-five deaths', 'vital', 'kejadian', true, NULL),
	(29, 'kematian_ibu', 'Kematian ibu', 'Maternal deaths', 'vital', 'kejadian', true, NULL),
	(30, 'balita_diukur', 'Balita yang diukur', 'Children under five measured', 'gizi', 'orang', true, NULL),
	(31, 'balita_stunting', 'Balita stunting (TB/U z < -2)', 'Stunted children (height-for-age z < -2)', 'gizi', 'orang', true, NULL),
	(32, 'balita_gizi_kurang', 'Balita wasting (BB/TB z < -2) atau underweight (BB/U z < -2)', 'Wasted or underweight children', 'gizi', 'orang', true, NULL),
	(33, 'ibu_hamil', 'Ibu hamil', 'Pregnant women', 'gizi', 'orang', true, NULL),
	(34, 'ibu_hamil_kek', 'Ibu hamil kurang energi kronis (LiLA < 23,5 cm)', 'Pregnant women with chronic energy deficiency (MUAC < 23.5 cm)', 'gizi', 'orang', false, NULL),
	(35, 'keluarga_krs', 'Keluarga berisiko stunting (KRS)', 'Families at risk of stunting', 'gizi', 'keluarga', true, NULL),
	(36, 'keluarga_tanpa_air_layak', 'Keluarga tanpa air minum layak', 'Families without proper drinking water', 'lingkungan', 'keluarga', true, NULL),
	(37, 'keluarga_tanpa_jamban_layak', 'Keluarga tanpa jamban layak', 'Families without a proper latrine', 'lingkungan', 'keluarga', true, NULL),
	(38, 'pus_4_terlalu', 'PUS 4 terlalu (terlalu muda, tua, dekat, banyak)', 'Couples in the "4 terlalu" group', 'kb', 'orang', true, NULL),
	(39, 'keluarga_miskin', 'Keluarga miskin', 'Poor families', 'sosial', 'keluarga', true, NULL),
	(40, 'anak_tidak_sekolah', 'Anak usia sekolah (7-18) tidak sekolah', 'School-age children (7-18) not in school', 'sosial', 'orang', true, NULL);

CREATE TABLE kkb.nilai (
	kode_desa   kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode     kkb.bulan NOT NULL,
	kode_elemen text NOT NULL REFERENCES kkb.elemen_data (kode),
	nilai       numeric NOT NULL CHECK (nilai >= 0),
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode, kode_elemen)
);
COMMENT ON TABLE kkb.nilai IS 'Aggregate values entered for a village and month (nilai), for items the village has no by-name records for';
COMMENT ON COLUMN kkb.nilai.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.nilai.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.nilai.kode_elemen IS 'Item code (kkb.elemen_data)';
COMMENT ON COLUMN kkb.nilai.nilai IS 'Value';
COMMENT ON COLUMN kkb.nilai.diubah_pada IS 'Last changed at';
CREATE TRIGGER t20_validasi BEFORE INSERT OR UPDATE ON kkb.nilai FOR EACH ROW EXECUTE FUNCTION kkb._validasi('umum');
CREATE TRIGGER t05_kunci BEFORE INSERT OR UPDATE OR DELETE ON kkb.nilai FOR EACH ROW EXECUTE FUNCTION kkb._kunci_periode();
CREATE TRIGGER t90_audit_i AFTER INSERT ON kkb.nilai REFERENCING NEW TABLE AS kkb_audit_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(kode_desa, periode, kode_elemen);
CREATE TRIGGER t90_audit_u AFTER UPDATE ON kkb.nilai REFERENCING OLD TABLE AS kkb_audit_lama NEW TABLE AS kkb_audit_baru
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(kode_desa, periode, kode_elemen);
CREATE TRIGGER t90_audit_d AFTER DELETE ON kkb.nilai REFERENCING OLD TABLE AS kkb_audit_lama
	FOR EACH STATEMENT EXECUTE FUNCTION kkb._audit(kode_desa, periode, kode_elemen);
ALTER TABLE kkb.nilai ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_semua ON kkb.nilai TO kkb_admin
	USING (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup())
	WITH CHECK (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY pokja_desa ON kkb.nilai TO kkb_pokja
	USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup()) WITH CHECK (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_baca ON kkb.nilai FOR SELECT TO kkb_opd USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
GRANT SELECT ON kkb.elemen_data TO kkb_admin, kkb_pokja, kkb_opd;
GRANT SELECT, INSERT, UPDATE, DELETE ON kkb.nilai TO kkb_admin, kkb_pokja;
GRANT SELECT ON kkb.nilai TO kkb_opd;

-- Figures of an approved month are frozen (beku): when a village-month becomes
-- disetujui or dikunci, the items computed from its by-name records are stored
-- here, and from then on the month answers with them, whatever later changes
-- of the register (a member moving in, a family's latrine) would compute.
-- Reopening the month (kkb.buka) drops them.  The monthly report and entered
-- values need no copy: the period lock already keeps them unchanged.
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
-- counts only, readable like the village's other figures (row-level security as on every village table)
ALTER TABLE kkb.nilai_beku ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_semua ON kkb.nilai_beku FOR SELECT TO kkb_admin
	USING (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY pokja_desa ON kkb.nilai_beku FOR SELECT TO kkb_pokja USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
CREATE POLICY opd_baca ON kkb.nilai_beku FOR SELECT TO kkb_opd USING (kode_desa OPERATOR(kkb.<@) kkb.lingkup());
GRANT SELECT ON kkb.nilai_beku TO kkb_admin, kkb_pokja, kkb_opd;


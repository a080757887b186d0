-- 47_prioritas.sql - which agency (OPD) should act where: problems defined by
-- an indicator over the data items, a target and the responsible agency, and
-- the ranked work list of each agency.

CREATE TABLE kkb.masalah_opd (
	kode       text PRIMARY KEY CHECK (kode ~ '^[a-z0-9_]+$'),
	uraian     text NOT NULL,
	indikator  text NOT NULL,
	satuan     text NOT NULL,
	target     numeric NOT NULL,
	arah       text NOT NULL CHECK (arah IN ('maks', 'min')),
	terdampak  text NOT NULL,
	opd        text NOT NULL REFERENCES kkb.opd (kode),
	uraian_en  text
);
COMMENT ON TABLE kkb.masalah_opd IS 'Problems agencies act on (masalah): an indicator over the data items, its target and the responsible agency';
COMMENT ON COLUMN kkb.masalah_opd.kode IS 'Problem code';
COMMENT ON COLUMN kkb.masalah_opd.uraian IS 'Description in Indonesian, shown in the agencies'' work lists';
COMMENT ON COLUMN kkb.masalah_opd.uraian_en IS 'Description in English, for developers and documentation (may be NULL)';
COMMENT ON COLUMN kkb.masalah_opd.indikator IS 'Indicator: an expression over item codes (as in validation rules)';
COMMENT ON COLUMN kkb.masalah_opd.satuan IS 'Unit of the indicator: persen, orang, keluarga, kejadian';
COMMENT ON COLUMN kkb.masalah_opd.target IS 'Target value';
COMMENT ON COLUMN kkb.masalah_opd.arah IS 'maks: a problem when the indicator is above the target; min: when below';
COMMENT ON COLUMN kkb.masalah_opd.terdampak IS 'Expression giving the number of people or families affected';
COMMENT ON COLUMN kkb.masalah_opd.opd IS 'Responsible agency (kkb.opd)';

CREATE FUNCTION kkb._cek_masalah() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	salah text;
	kode_tak_dikenal text;
BEGIN
	salah := coalesce(kkb.aturan_periksa(NEW.indikator), kkb.aturan_periksa(NEW.terdampak));
	IF salah IS NOT NULL THEN
		RAISE EXCEPTION 'invalid expression in problem %: %', NEW.kode, salah USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- item codes of the catalogue, or the indicators beyond it that kkb._nilai_individu computes
	SELECT k INTO kode_tak_dikenal FROM unnest(kkb.aturan_kode(NEW.indikator) || kkb.aturan_kode(NEW.terdampak)) k
	 WHERE NOT EXISTS (SELECT 1 FROM kkb.elemen_data e WHERE e.kode = k) AND k NOT IN ('tanpa_akta_lahir', 'nik_bermasalah') LIMIT 1;
	IF kode_tak_dikenal IS NOT NULL THEN
		RAISE EXCEPTION 'unknown item code "%" in problem %', kode_tak_dikenal, NEW.kode
			USING ERRCODE = 'invalid_parameter_value', HINT = 'SELECT kode, nama FROM kkb.elemen_data lists the item codes.';
	END IF;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._cek_masalah() IS 'Internal trigger: the expressions of a problem must compile and use known item codes (22023)';
CREATE TRIGGER t10_cek BEFORE INSERT OR UPDATE ON kkb.masalah_opd FOR EACH ROW EXECUTE FUNCTION kkb._cek_masalah();

INSERT INTO kkb.masalah_opd (kode, uraian, uraian_en, indikator, satuan, target, arah, terdampak, opd) VALUES
	('stunting', 'Prevalensi stunting di atas target nasional 14%', 'Stunting prevalence above the national target of 14%', 'balita_stunting / balita_diukur * 100', 'persen', 14, 'maks', 'balita_stunting', 'dinkes'),
	('gizi_kurang', 'Balita gizi kurang (wasting atau underweight) di atas 7%', 'Wasting or underweight above 7%', 'balita_gizi_kurang / balita_diukur * 100', 'persen', 7, 'maks', 'balita_gizi_kurang', 'dinkes'),
	('kematian_ibu', 'Kematian ibu', 'Maternal deaths', 'kematian_ibu', 'kejadian', 0, 'maks', 'kematian_ibu', 'dinkes'),
	('kematian_bayi', 'Kematian bayi', 'Infant deaths', 'kematian_bayi', 'kejadian', 0, 'maks', 'kematian_bayi', 'dinkes'),
	('ibu_hamil_kek', 'Ibu hamil kurang energi kronis (KEK)', 'Pregnant women with chronic energy deficiency', 'ibu_hamil_kek', 'orang', 0, 'maks', 'ibu_hamil_kek', 'dinkes'),
	('unmet_need', 'Kebutuhan KB tidak terpenuhi (unmet need) di atas 7,4% PUS', 'Unmet need for family planning above 7.4% of couples', '(tidak_kb_iat + tidak_kb_tial) / pus * 100', 'persen', 7.4, 'maks',
	 'tidak_kb_iat + tidak_kb_tial', 'dp3akb'),
	('cpr_rendah', 'Prevalensi pemakaian kontrasepsi (CPR) di bawah 63,41%', 'Contraceptive prevalence below 63.41%', '(kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil) / pus * 100',
	 'persen', 63.41, 'min', 'pus - (kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil)', 'dp3akb'),
	('mkjp_rendah', 'Metode kontrasepsi jangka panjang (MKJP) di bawah 28,39% peserta KB', 'Long-acting methods (MKJP) below 28.39% of users',
	 '(kb_iud + kb_mow + kb_mop + kb_implan) / (kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil) * 100',
	 'persen', 28.39, 'min', 'kb_kondom + kb_suntik + kb_pil', 'dp3akb'),
	('keluarga_krs', 'Keluarga berisiko stunting', 'Families at risk of stunting', 'keluarga_krs', 'keluarga', 0, 'maks', 'keluarga_krs', 'dp3akb'),
	('air_minum', 'Keluarga tanpa air minum layak', 'Families without proper drinking water', 'keluarga_tanpa_air_layak', 'keluarga', 0, 'maks', 'keluarga_tanpa_air_layak', 'pupr'),
	('jamban', 'Keluarga tanpa jamban layak', 'Families without a proper latrine', 'keluarga_tanpa_jamban_layak', 'keluarga', 0, 'maks', 'keluarga_tanpa_jamban_layak', 'pupr'),
	('kemiskinan', 'Keluarga miskin', 'Poor families', 'keluarga_miskin', 'keluarga', 0, 'maks', 'keluarga_miskin', 'dinsos'),
	('putus_sekolah', 'Anak usia sekolah yang tidak bersekolah', 'School-age children not in school', 'anak_tidak_sekolah', 'orang', 0, 'maks', 'anak_tidak_sekolah', 'disdik'),
	('akta_lahir', 'Anggota keluarga tanpa akta kelahiran', 'Members without a birth certificate', 'tanpa_akta_lahir', 'orang', 0, 'maks', 'tanpa_akta_lahir', 'disdukcapil'),
	('nik', 'Anggota keluarga yang NIK-nya memuat kode wilayah tidak dikenal', 'Members whose NIK names an unknown region', 'nik_bermasalah', 'orang', 0, 'maks', 'nik_bermasalah', 'disdukcapil');

GRANT SELECT ON kkb.masalah_opd TO kkb_admin, kkb_pokja, kkb_opd;
GRANT INSERT, UPDATE, DELETE ON kkb.masalah_opd TO kkb_admin;

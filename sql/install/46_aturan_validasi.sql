-- 46_aturan_validasi.sql - DHIS2-style validation rules over the data items:
-- left expression, operator, right expression, importance and missing-value
-- strategy.  Expressions are compiled and evaluated by the C core (aturan.c);
-- no SQL is ever built from rule text.  A malformed rule is refused when it is
-- written (22023, with the position of the error).

CREATE TABLE kkb.aturan_validasi (
	kode        text PRIMARY KEY CHECK (kode ~ '^[a-z0-9_]+$'),
	uraian      text NOT NULL,
	kiri        text NOT NULL,
	operator    text NOT NULL CHECK (operator IN ('==', '!=', '<', '<=', '>', '>=')),
	kanan       text NOT NULL,
	kepentingan text NOT NULL DEFAULT 'sedang' CHECK (kepentingan IN ('tinggi', 'sedang', 'rendah')),
	strategi    text NOT NULL DEFAULT 'lewati_jika_ada_kosong'
	            CHECK (strategi IN ('lewati_jika_ada_kosong', 'lewati_jika_semua_kosong', 'tidak_pernah_lewati')),
	uraian_en   text
);
COMMENT ON TABLE kkb.aturan_validasi IS 'Validation rules (aturan validasi) over the data items: kiri operator kanan';
COMMENT ON COLUMN kkb.aturan_validasi.kode IS 'Rule code';
COMMENT ON COLUMN kkb.aturan_validasi.uraian IS 'What the rule checks, in Indonesian, for the person fixing the data';
COMMENT ON COLUMN kkb.aturan_validasi.uraian_en IS 'What the rule checks, in English, for developers and documentation (may be NULL)';
COMMENT ON COLUMN kkb.aturan_validasi.kiri IS 'Left expression: arithmetic over item codes';
COMMENT ON COLUMN kkb.aturan_validasi.operator IS 'Comparison: ==, !=, <, <=, >, >=';
COMMENT ON COLUMN kkb.aturan_validasi.kanan IS 'Right expression: arithmetic over item codes';
COMMENT ON COLUMN kkb.aturan_validasi.kepentingan IS 'Importance: tinggi, sedang, rendah';
COMMENT ON COLUMN kkb.aturan_validasi.strategi IS 'Missing values: lewati_jika_ada_kosong (skip if any is missing), lewati_jika_semua_kosong (skip if all are), tidak_pernah_lewati (missing counts as 0)';

CREATE FUNCTION kkb._cek_aturan() RETURNS trigger
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	sisi text;
	teks text;
	salah text;
	kode_tak_dikenal text;
BEGIN
	FOREACH sisi IN ARRAY ARRAY['kiri', 'kanan'] LOOP
		teks := CASE sisi WHEN 'kiri' THEN NEW.kiri ELSE NEW.kanan END;
		salah := kkb.aturan_periksa(teks);
		IF salah IS NOT NULL THEN
			RAISE EXCEPTION 'invalid % expression of rule %: %', sisi, NEW.kode, salah
				USING ERRCODE = 'invalid_parameter_value', COLUMN = sisi, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
				      DETAIL = format('The expression was: %s', teks),
				      HINT = 'Expressions are numbers and item codes of kkb.elemen_data joined by + - * / and parentheses.';
		END IF;
		SELECT k INTO kode_tak_dikenal FROM unnest(kkb.aturan_kode(teks)) k
		 WHERE NOT EXISTS (SELECT 1 FROM kkb.elemen_data e WHERE e.kode = k) LIMIT 1;
		IF kode_tak_dikenal IS NOT NULL THEN
			RAISE EXCEPTION 'unknown item code "%" in the % expression of rule %', kode_tak_dikenal, sisi, NEW.kode
				USING ERRCODE = 'invalid_parameter_value', COLUMN = sisi, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
				      HINT = 'SELECT kode, nama FROM kkb.elemen_data lists the item codes.';
		END IF;
	END LOOP;
	RETURN NEW;
END $f$;
COMMENT ON FUNCTION kkb._cek_aturan() IS 'Internal trigger: refuses a rule whose expressions do not compile or use unknown item codes (22023)';
CREATE TRIGGER t10_cek BEFORE INSERT OR UPDATE ON kkb.aturan_validasi FOR EACH ROW EXECUTE FUNCTION kkb._cek_aturan();

INSERT INTO kkb.aturan_validasi (kode, uraian, uraian_en, kiri, operator, kanan, kepentingan) VALUES
	('stunting_le_diukur', 'Balita stunting tidak mungkin lebih banyak daripada balita yang diukur', 'Stunted children cannot outnumber the children measured', 'balita_stunting', '<=', 'balita_diukur', 'tinggi'),
	('gizi_kurang_le_diukur', 'Balita gizi kurang (wasting atau underweight) tidak mungkin lebih banyak daripada balita yang diukur', 'Wasted or underweight children cannot outnumber the children measured', 'balita_gizi_kurang', '<=', 'balita_diukur', 'tinggi'),
	('bayi_le_balita', 'Kematian bayi termasuk dalam kematian balita', 'Infant deaths are part of under-five deaths', 'kematian_bayi', '<=', 'kematian_balita', 'tinggi'),
	('kb_le_pus', 'Peserta KB aktif tidak mungkin lebih banyak daripada pasangan usia subur (PUS)', 'Active contraceptive users cannot outnumber couples of reproductive age',
	 'kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil', '<=', 'pus', 'tinggi'),
	('kb_tidak_kb_le_pus', 'Peserta KB ditambah PUS bukan peserta KB tidak mungkin lebih banyak daripada PUS', 'Users plus non-users cannot outnumber couples of reproductive age',
	 'kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil + tidak_kb_hamil + tidak_kb_ingin_segera + tidak_kb_iat + tidak_kb_tial',
	 '<=', 'pus', 'sedang'),
	('keluarga_balita_le_keluarga', 'Keluarga dengan balita termasuk dalam seluruh keluarga', 'Families with a toddler are part of all families', 'keluarga_balita', '<=', 'keluarga', 'tinggi'),
	('keluarga_remaja_le_keluarga', 'Keluarga dengan remaja termasuk dalam seluruh keluarga', 'Families with a teenager are part of all families', 'keluarga_remaja', '<=', 'keluarga', 'tinggi'),
	('keluarga_lansia_le_keluarga', 'Keluarga dengan lansia termasuk dalam seluruh keluarga', 'Families with an elderly member are part of all families', 'keluarga_lansia', '<=', 'keluarga', 'tinggi'),
	('keluarga_le_penduduk', 'Jumlah keluarga tidak mungkin lebih banyak daripada jumlah penduduk', 'There cannot be more families than people', 'keluarga', '<=', 'penduduk', 'tinggi'),
	('pus_le_penduduk', 'Pasangan usia subur termasuk dalam penduduk', 'Couples of reproductive age are part of the population', 'pus', '<=', 'penduduk', 'tinggi'),
	('remaja_le_penduduk', 'Remaja termasuk dalam penduduk', 'Teenagers are part of the population', 'remaja', '<=', 'penduduk', 'tinggi'),
	('kematian_ibu_le_lahir', 'Kematian ibu melebihi kelahiran ditambah ibu hamil tidak wajar', 'Maternal deaths beyond births plus pregnancies are implausible', 'kematian_ibu', '<=', 'lahir_hidup + ibu_hamil', 'sedang'),
	('kek_le_hamil', 'Ibu hamil KEK (kurang energi kronis) termasuk dalam ibu hamil', 'Pregnant women with chronic energy deficiency are part of pregnant women', 'ibu_hamil_kek', '<=', 'ibu_hamil', 'tinggi'),
	('krs_le_keluarga', 'Keluarga berisiko stunting termasuk dalam seluruh keluarga', 'Families at risk of stunting are part of all families', 'keluarga_krs', '<=', 'keluarga', 'tinggi'),
	('tanpa_air_le_keluarga', 'Keluarga tanpa air minum layak termasuk dalam seluruh keluarga', 'Families without proper water are part of all families', 'keluarga_tanpa_air_layak', '<=', 'keluarga', 'tinggi'),
	('tanpa_jamban_le_keluarga', 'Keluarga tanpa jamban layak termasuk dalam seluruh keluarga', 'Families without a proper latrine are part of all families', 'keluarga_tanpa_jamban_layak', '<=', 'keluarga', 'tinggi'),
	('miskin_le_keluarga', 'Keluarga miskin termasuk dalam seluruh keluarga', 'Poor families are part of all families', 'keluarga_miskin', '<=', 'keluarga', 'tinggi'),
	('empat_terlalu_le_pus', 'PUS dengan 4 terlalu termasuk dalam pasangan usia subur', 'Couples in the 4 terlalu group are part of couples of reproductive age', 'pus_4_terlalu', '<=', 'pus', 'sedang'),
	('bpjs_le_penduduk', 'Anggota keluarga ber-BPJS termasuk dalam penduduk', 'Insured members are part of the population', 'bpjs', '<=', 'penduduk', 'tinggi'),
	('peserta_baru_le_kb', 'Peserta KB baru termasuk dalam peserta KB aktif', 'New acceptors are part of active users',
	 'peserta_baru', '<=', 'kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil', 'rendah'),
	('bkb_le_keluarga_balita', 'Peserta BKB tidak mungkin lebih banyak daripada keluarga dengan balita', 'BKB participants cannot outnumber families with a toddler', 'peserta_bkb', '<=', 'keluarga_balita', 'rendah'),
	('bkl_le_keluarga_lansia', 'Peserta BKL tidak mungkin lebih banyak daripada keluarga dengan lansia', 'BKL participants cannot outnumber families with an elderly member', 'peserta_bkl', '<=', 'keluarga_lansia', 'rendah');

-- A sum of several items: a missing item counts 0, so that one recorded method (kb_pil = 5000) is still
-- checked against PUS; the rule is skipped only when no item of a side is recorded.
UPDATE kkb.aturan_validasi SET strategi = 'lewati_jika_semua_kosong'
 WHERE kode IN ('kb_le_pus', 'kb_tidak_kb_le_pus', 'kematian_ibu_le_lahir', 'peserta_baru_le_kb');

GRANT SELECT ON kkb.aturan_validasi TO kkb_admin, kkb_pokja, kkb_opd;
GRANT INSERT, UPDATE, DELETE ON kkb.aturan_validasi TO kkb_admin;

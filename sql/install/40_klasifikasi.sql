-- 40_klasifikasi.sql - the Kampung KB village classification (klasifikasi) of the
-- national portal, as one pure function over a JSON input document.  The rule and
-- both documents are described in docs/KLASIFIKASI.md; the C core is
-- extension/src/core/klasifikasi.c.

CREATE FUNCTION kkb.klasifikasi_hitung(masukan jsonb) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'kkb_klasifikasi_hitung'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.klasifikasi_hitung(jsonb) IS
	'Kampung KB classification (klasifikasi, computed exactly as the national portal does) of one village from its input document (masukan): input indicators (pokja, sumber_dana, poktan, sarana, pkb_pendamping, regulasi), process indicators (penggunaan_data, mekanisme_operasional, instansi_intervensi) and the optional penduduk (population) and kkbpk (monthly family-planning report) records. Returns {skor: 12 scores 1..4, persentase: {poktan, cpr, mkjp, unmet}, indeks_input, indeks_proses, indeks_output, klasifikasi: Dasar | Berkembang | Mandiri | Berkelanjutan}. A missing key and JSON null both mean not recorded; a wrong JSON type or an out-of-range count raises 22023.';

CREATE FUNCTION kkb.klasifikasi_saran(masukan jsonb) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'kkb_klasifikasi_saran'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.klasifikasi_saran(jsonb) IS
	'What it takes to reach each higher Kampung KB class from an input document of kkb.klasifikasi_hitung (same reading, same errors): {klasifikasi: the class now, saran: [{kelas, langkah: the minimum sum of score increases, indikator: indicators raised, perubahan: [{indikator, skor_dari, skor_ke, kunci, dari, ke}], masukan: the document with the changes}]}, cheapest first. Scores only rise: a class that needs a lower index is not offered; output scores rise only as far as the recorded population allows (extension/src/core/saran.h).';

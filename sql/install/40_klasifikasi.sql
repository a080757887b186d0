-- 40_klasifikasi.sql - the Kampung KB village classification (klasifikasi) of the
-- national portal, as one pure function over a JSON input document.  The rule and
-- both documents are described in docs/KLASIFIKASI.md; the C core is
-- extension/src/core/klasifikasi.c.

CREATE FUNCTION kkb.klasifikasi_hitung(masukan jsonb) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'kkb_klasifikasi_hitung'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.klasifikasi_hitung(jsonb) IS
	'Kampung KB classification (klasifikasi, computed exactly as the national portal does) of one village from its input document (masukan): input indicators (pokja, sumber_dana, poktan, sarana, pkb_pendamping, regulasi), process indicators (penggunaan_data, mekanisme_operasional, instansi_intervensi) and the optional penduduk (population) and kkbpk (monthly family-planning report) records. Returns {skor: 12 scores 1..4, persentase: {poktan, cpr, mkjp, unmet}, indeks_input, indeks_proses, indeks_output, klasifikasi: Dasar | Berkembang | Mandiri | Berkelanjutan}. A missing key and JSON null both mean not recorded; a wrong JSON type or an out-of-range count raises 22023.';

-- 20_antropometri.sql - WHO Child Growth Standards (2006) z-scores and the
-- Permenkes 2/2020 nutrition categories.  The LMS tables are compiled into the
-- library (extension/data/who, see its SOURCE.md), so these are IMMUTABLE.

CREATE FUNCTION kkb.zscore_tbu(jenis_kelamin text, umur_hari integer, tinggi_cm float8, cara_ukur text)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_tbu' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_tbu(text, integer, float8, text) IS
	'Length/height-for-age z-score (TB/U, PB/U), unrounded. jenis_kelamin L/P, cara_ukur telentang/berdiri (+-0.7 cm adjustment at 731 days). NULL outside 0..1826 days.';

CREATE FUNCTION kkb.zscore_bbu(jenis_kelamin text, umur_hari integer, berat_kg float8)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_bbu' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_bbu(text, integer, float8) IS
	'Weight-for-age z-score (BB/U), unrounded, WHO-restricted beyond +-3 SD. NULL outside 0..1826 days.';

CREATE FUNCTION kkb.zscore_bbtb(jenis_kelamin text, umur_hari integer, berat_kg float8, tinggi_cm float8, cara_ukur text)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_bbtb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_bbtb(text, integer, float8, float8, text) IS
	'Weight-for-length (under 731 days, 45-110 cm) or weight-for-height (65-120 cm) z-score (BB/PB, BB/TB), unrounded, restricted; L, M, S interpolated between 0.1 cm rows. NULL outside the table.';

CREATE FUNCTION kkb.zscore_imtu(jenis_kelamin text, umur_hari integer, berat_kg float8, tinggi_cm float8, cara_ukur text)
	RETURNS float8 AS 'MODULE_PATHNAME', 'kkb_zscore_imtu' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.zscore_imtu(text, integer, float8, float8, text) IS
	'BMI-for-age z-score (IMT/U), unrounded, restricted; BMI from the position-adjusted length/height. NULL outside 0..1826 days.';

CREATE TYPE kkb.hasil_antropometri AS (
	umur_hari         integer,
	umur_bulan        integer,
	tinggi_koreksi_cm float8,
	z_tbu             numeric,
	z_bbu             numeric,
	z_bbtb            numeric,
	z_imtu            numeric,
	status_tbu        text,
	status_bbu        text,
	status_bbtb       text,
	status_imtu       text,
	stunting          boolean,
	flags             text[],
	oedema            boolean
);
COMMENT ON TYPE kkb.hasil_antropometri IS 'Result of kkb.antropometri: age, adjusted length/height, the four z-scores (2 decimals), Permenkes 2/2020 categories, stunting and WHO flags';
COMMENT ON COLUMN kkb.hasil_antropometri.umur_hari IS 'Age in days at measurement (umur)';
COMMENT ON COLUMN kkb.hasil_antropometri.umur_bulan IS 'Age in completed months (days / 30.4375, rounded down)';
COMMENT ON COLUMN kkb.hasil_antropometri.tinggi_koreksi_cm IS 'Length/height after the +-0.7 cm lying/standing adjustment';
COMMENT ON COLUMN kkb.hasil_antropometri.z_tbu IS 'Length/height-for-age z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.z_bbu IS 'Weight-for-age z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.z_bbtb IS 'Weight-for-length/height z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.z_imtu IS 'BMI-for-age z-score, 2 decimals';
COMMENT ON COLUMN kkb.hasil_antropometri.status_tbu IS 'TB/U category: sangat pendek, pendek, normal, tinggi';
COMMENT ON COLUMN kkb.hasil_antropometri.status_bbu IS 'BB/U category: berat badan sangat kurang, berat badan kurang, berat badan normal, risiko berat badan lebih';
COMMENT ON COLUMN kkb.hasil_antropometri.status_bbtb IS 'BB/TB category: gizi buruk, gizi kurang, gizi baik, berisiko gizi lebih, gizi lebih, obesitas';
COMMENT ON COLUMN kkb.hasil_antropometri.status_imtu IS 'IMT/U category, same names as BB/TB';
COMMENT ON COLUMN kkb.hasil_antropometri.stunting IS 'Stunted: length/height-for-age z < -2';
COMMENT ON COLUMN kkb.hasil_antropometri.oedema IS 'Bilateral pitting oedema as given (NULL given: false); the prevalence aggregates count it as z = -3.10 for the weight-based indicators';
COMMENT ON COLUMN kkb.hasil_antropometri.flags IS 'WHO implausibility flags (tbu/bbu/bbtb/imtu_tidak_wajar) and posisi_ukur_tidak_wajar (standing under 9 months)';

CREATE FUNCTION kkb.antropometri(jenis_kelamin text, tanggal_lahir date, tanggal_ukur date,
                                 berat_kg float8, tinggi_cm float8, cara_ukur text, oedema boolean DEFAULT false)
	RETURNS kkb.hasil_antropometri AS 'MODULE_PATHNAME', 'kkb_antropometri' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.antropometri(text, date, date, float8, float8, text, boolean) IS
	'Every WHO growth indicator of one child measurement with Permenkes 2/2020 categories (z rounded to 2 decimals, as WHO anthro does before categorising). NULL weight or length: not measured; oedema suppresses the weight-based scores.';

-- 21_prevalensi.sql - prevalence and mean z-score with 95% confidence intervals, as
-- WHO's anthro computes them for unweighted data, as aggregates over the results of
-- kkb.antropometri (the C core is extension/src/core/prevalensi.c; the method is in
-- docs/DOMAIN.md "Prevalence with confidence intervals").
--
--   SELECT kelompok, (kkb.prevalensi(kkb.antropometri(jk, lahir, ukur, bb, tb, cara, edema), 'tbu', -2)).*
--     FROM anak GROUP BY kelompok;

CREATE TYPE kkb.prevalensi_hasil AS (
	n        integer,
	persen   float8,
	se       float8,
	ci_bawah float8,
	ci_atas  float8
);
COMMENT ON TYPE kkb.prevalensi_hasil IS 'Result of kkb.prevalensi: the number of usable values and the prevalence in percent with its standard error and 95% confidence interval (anthro''s logit interval)';
COMMENT ON COLUMN kkb.prevalensi_hasil.n IS 'Children with a usable value of the indicator (flagged z-scores excluded; oedema counted for the weight-based indicators); 0 when none';
COMMENT ON COLUMN kkb.prevalensi_hasil.persen IS 'Prevalence in percent (not rounded); NULL when n = 0';
COMMENT ON COLUMN kkb.prevalensi_hasil.se IS 'Standard error in percentage points; 0 at 0% and 100%; NaN when the group has one child';
COMMENT ON COLUMN kkb.prevalensi_hasil.ci_bawah IS 'Lower bound of the 95% confidence interval, percent';
COMMENT ON COLUMN kkb.prevalensi_hasil.ci_atas IS 'Upper bound of the 95% confidence interval, percent';

CREATE TYPE kkb.rerata_z_hasil AS (
	n        integer,
	rerata   float8,
	ci_bawah float8,
	ci_atas  float8,
	sd       float8
);
COMMENT ON TYPE kkb.rerata_z_hasil IS 'Result of kkb.rerata_z: the mean z-score with its 95% confidence interval and the standard deviation';
COMMENT ON COLUMN kkb.rerata_z_hasil.n IS 'Z-scores the mean is over (flagged ones and, for the weight-based indicators, children with oedema excluded); 0 when none';
COMMENT ON COLUMN kkb.rerata_z_hasil.rerata IS 'Mean z-score; NULL when n = 0';
COMMENT ON COLUMN kkb.rerata_z_hasil.ci_bawah IS 'Lower bound of the 95% confidence interval of the mean';
COMMENT ON COLUMN kkb.rerata_z_hasil.ci_atas IS 'Upper bound of the 95% confidence interval of the mean';
COMMENT ON COLUMN kkb.rerata_z_hasil.sd IS 'Sample standard deviation; NULL when n < 2';

CREATE FUNCTION kkb._prevalensi_tambah(internal, kkb.hasil_antropometri, text, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'kkb_prevalensi_tambah' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._prevalensi_tambah(internal, kkb.hasil_antropometri, text, numeric) IS 'Internal: transition function of kkb.prevalensi';
CREATE FUNCTION kkb._rerata_z_tambah(internal, kkb.hasil_antropometri, text) RETURNS internal
	AS 'MODULE_PATHNAME', 'kkb_rerata_z_tambah' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._rerata_z_tambah(internal, kkb.hasil_antropometri, text) IS 'Internal: transition function of kkb.rerata_z';
CREATE FUNCTION kkb._prevalensi_gabung(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'kkb_prevalensi_gabung' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._prevalensi_gabung(internal, internal) IS 'Internal: combine function of kkb.prevalensi and kkb.rerata_z (parallel plans)';
CREATE FUNCTION kkb._prevalensi_kirim(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'kkb_prevalensi_kirim' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb._prevalensi_kirim(internal) IS 'Internal: serialises a partial state of kkb.prevalensi or kkb.rerata_z';
CREATE FUNCTION kkb._prevalensi_terima(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'kkb_prevalensi_terima' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb._prevalensi_terima(bytea, internal) IS 'Internal: deserialises a partial state of kkb.prevalensi or kkb.rerata_z';
CREATE FUNCTION kkb._prevalensi_akhir(internal) RETURNS kkb.prevalensi_hasil
	AS 'MODULE_PATHNAME', 'kkb_prevalensi_akhir' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._prevalensi_akhir(internal) IS 'Internal: final function of kkb.prevalensi';
CREATE FUNCTION kkb._rerata_z_akhir(internal) RETURNS kkb.rerata_z_hasil
	AS 'MODULE_PATHNAME', 'kkb_rerata_z_akhir' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb._rerata_z_akhir(internal) IS 'Internal: final function of kkb.rerata_z';

CREATE AGGREGATE kkb.prevalensi(hasil kkb.hasil_antropometri, indikator text, batas numeric) (
	SFUNC = kkb._prevalensi_tambah, STYPE = internal, FINALFUNC = kkb._prevalensi_akhir,
	COMBINEFUNC = kkb._prevalensi_gabung, SERIALFUNC = kkb._prevalensi_kirim, DESERIALFUNC = kkb._prevalensi_terima,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE kkb.prevalensi(kkb.hasil_antropometri, text, numeric) IS
	'Prevalence with its 95% confidence interval, exactly as WHO anthro computes it for unweighted data, over the group''s kkb.antropometri results: the share of children with z < batas (batas < 0) or z > batas (batas > 0) for indikator tbu, bbu, bbtb or imtu. The group is its own data set (N = its rows, less those over 1826 days); flagged z-scores are missing; oedema counts as z = -3.10 for the weight-based indicators. Returns (n, persen, se, ci_bawah, ci_atas).';

CREATE AGGREGATE kkb.rerata_z(hasil kkb.hasil_antropometri, indikator text) (
	SFUNC = kkb._rerata_z_tambah, STYPE = internal, FINALFUNC = kkb._rerata_z_akhir,
	COMBINEFUNC = kkb._prevalensi_gabung, SERIALFUNC = kkb._prevalensi_kirim, DESERIALFUNC = kkb._prevalensi_terima,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE kkb.rerata_z(kkb.hasil_antropometri, text) IS
	'Mean z-score of indikator tbu, bbu, bbtb or imtu with its 95% confidence interval and standard deviation, exactly as WHO anthro computes them for unweighted data, over the group''s kkb.antropometri results (flagged z-scores and, for the weight-based indicators, children with oedema left out of the mean; N as in kkb.prevalensi). Returns (n, rerata, ci_bawah, ci_atas, sd).';

CREATE FUNCTION kkb.prevalensi_selang(k bigint, n bigint, jumlah bigint DEFAULT NULL) RETURNS kkb.prevalensi_hasil
	AS 'MODULE_PATHNAME', 'kkb_prevalensi_selang' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.prevalensi_selang(bigint, bigint, bigint) IS
	'The estimate of kkb.prevalensi from counts: k of n usable values beyond the cut-off, in a data set of jumlah rows (NULL: n) - for figures kept as counts (stunted of measured children); 22023 unless 0 <= k <= n <= jumlah';

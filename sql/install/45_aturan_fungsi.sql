-- 45_aturan_fungsi.sql - validation-rule expressions (aturan validasi), in the manner of
-- DHIS2 validation rules: a rule compares a left and a right arithmetic expression over
-- the codes of a village's monthly aggregate data items (docs/DOMAIN.md section 3),
-- e.g. balita_stunting <= balita_diukur.  The expressions are read by the C core
-- (extension/src/core/aturan.c), never turned into SQL.

CREATE FUNCTION kkb.aturan_periksa(ekspresi text) RETURNS text
	AS 'MODULE_PATHNAME', 'kkb_aturan_periksa'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_periksa(text) IS
	'Check (periksa) a validation-rule expression: NULL when it is valid, otherwise the error message with its 1-based character position, e.g. unexpected ")" at position 7: expected a number, an item code or "(". Grammar: + - * / on numbers (digits with an optional decimal point) and lower-case item codes ([a-z][a-z0-9_]*), parentheses, unary minus; at most 256 tokens, 64 distinct codes and 32 nested parentheses. Never raises.';

CREATE FUNCTION kkb.aturan_kode(ekspresi text) RETURNS text[]
	AS 'MODULE_PATHNAME', 'kkb_aturan_kode'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_kode(text) IS
	'The distinct item codes (kode) a validation-rule expression uses, in order of first appearance; {} for a constant expression. Raises 22023 with the error position for an invalid expression.';

CREATE FUNCTION kkb.aturan_nilai(ekspresi text, kode text[], nilai double precision[],
                                 strategi text DEFAULT 'lewati_jika_ada_kosong') RETURNS double precision
	AS 'MODULE_PATHNAME', 'kkb_aturan_nilai'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_nilai(text, text[], double precision[], text) IS
	'Value (nilai) of a validation-rule expression when item code kode[i] has value nilai[i]; a NULL element of nilai, or a code absent from kode, is a missing value. Missing-value strategy (strategi, as DHIS2): lewati_jika_ada_kosong (default) skips when any value is missing, lewati_jika_semua_kosong skips when all are missing and counts the others as 0, tidak_pernah_lewati never skips and counts missing values as 0. NULL when skipped, on division by zero or when a value is not finite, and for a NULL expression; NULL arrays count as empty. Raises 22023 for an invalid expression or strategy, arrays of different lengths, a NULL code, or a used code given twice.';

CREATE FUNCTION kkb.aturan_banding(kiri double precision, operator text, kanan double precision) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kkb_aturan_banding'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kkb.aturan_banding(double precision, text, double precision) IS
	'Compare (banding) the left (kiri) and right (kanan) values of a validation rule with operator ==, !=, <, <=, > or >=; equality allows a tolerance of 1e-9 relative (absolute below 1), so < and > are strict beyond it. NULL when either side is NULL or NaN (the rule was skipped); raises 22023 for a NULL or unknown operator.';

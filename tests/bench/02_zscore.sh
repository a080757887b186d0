#!/bin/sh
# WHO z-scores (issue: WHO child growth z-scores):
#   N evaluations of kkb.zscore_tbu + kkb.zscore_bbtb in one statement, against the
#   same statement calling a PL/pgSQL implementation that looks L, M, S up from
#   tables - what community apps do.  Target: at least 20x faster, and under 1 s
#   for a million.
. "$(dirname "$0")/lib.sh"
N=${BENCH_ROWS:-1000000}
cd "$(dirname "$0")/../.."

echo "z-scores: loading the LMS tables and $N children" >&2
bench_sql "
DROP TABLE IF EXISTS bench.lhfa, bench.wflh, bench.anak;
CREATE TABLE bench.lhfa (sex int, day int, l float8, m float8, s float8, measure text, PRIMARY KEY (sex, day));
CREATE TABLE bench.wflh (tbl text, sex int, cm numeric, l float8, m float8, s float8, PRIMARY KEY (tbl, sex, cm));
"
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
\copy bench.lhfa FROM 'extension/data/who/who_lhfa_lms.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE w (sex int, cm numeric, l float8, m float8, s float8);
\copy w FROM 'extension/data/who/who_wfl_lms.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO bench.wflh SELECT 'wfl', * FROM w;
TRUNCATE w;
\copy w FROM 'extension/data/who/who_wfh_lms.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO bench.wflh SELECT 'wfh', * FROM w;
SQL
bench_sql "
CREATE OR REPLACE FUNCTION bench.z_tbu(jk text, umur int, tinggi float8, cara text) RETURNS float8
LANGUAGE plpgsql STABLE AS \$f\$
DECLARE r bench.lhfa; h float8 := tinggi;
BEGIN
	IF umur < 0 OR umur > 1826 THEN RETURN NULL; END IF;
	IF umur < 731 AND cara = 'berdiri' AND umur / 30.4375 >= 9 THEN h := h + 0.7;
	ELSIF umur >= 731 AND cara = 'telentang' THEN h := h - 0.7; END IF;
	SELECT * INTO r FROM bench.lhfa WHERE sex = CASE jk WHEN 'L' THEN 1 ELSE 2 END AND day = umur;
	RETURN ((h / r.m) ^ r.l - 1) / (r.l * r.s);
END \$f\$;
CREATE OR REPLACE FUNCTION bench.z_bbtb(jk text, umur int, berat float8, tinggi float8, cara text) RETURNS float8
LANGUAGE plpgsql STABLE AS \$f\$
DECLARE lo bench.wflh; hi bench.wflh; h float8 := tinggi; t text; f float8; l float8; m float8; s float8; z float8;
	sd2 float8; sd3 float8;
BEGIN
	IF umur < 0 OR umur > 1826 THEN RETURN NULL; END IF;
	IF umur < 731 AND cara = 'berdiri' AND umur / 30.4375 >= 9 THEN h := h + 0.7;
	ELSIF umur >= 731 AND cara = 'telentang' THEN h := h - 0.7; END IF;
	t := CASE WHEN umur < 731 THEN 'wfl' ELSE 'wfh' END;
	SELECT * INTO lo FROM bench.wflh WHERE tbl = t AND sex = CASE jk WHEN 'L' THEN 1 ELSE 2 END AND cm = trunc(h::numeric, 1);
	SELECT * INTO hi FROM bench.wflh WHERE tbl = t AND sex = CASE jk WHEN 'L' THEN 1 ELSE 2 END AND cm = trunc(h::numeric, 1) + 0.1;
	IF lo.m IS NULL THEN RETURN NULL; END IF;
	f := (h - lo.cm) / 0.1;
	IF hi.m IS NULL OR f <= 0 THEN l := lo.l; m := lo.m; s := lo.s;
	ELSE l := lo.l + f * (hi.l - lo.l); m := lo.m + f * (hi.m - lo.m); s := lo.s + f * (hi.s - lo.s); END IF;
	z := ((berat / m) ^ l - 1) / (l * s);
	IF z > 3 THEN
		sd3 := m * (1 + l * s * 3) ^ (1 / l); sd2 := m * (1 + l * s * 2) ^ (1 / l);
		z := 3 + (berat - sd3) / (sd3 - sd2);
	ELSIF z < -3 THEN
		sd3 := m * (1 - l * s * 3) ^ (1 / l); sd2 := m * (1 - l * s * 2) ^ (1 / l);
		z := -3 + (berat - sd3) / (sd2 - sd3);
	END IF;
	RETURN z;
END \$f\$;
CREATE TABLE bench.anak AS
SELECT CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END AS jk, umur,
       round((3.3 + umur * 0.0075 + (random() - 0.5) * 2)::numeric, 1)::float8 AS berat,
       round((50 + 60 * sqrt(umur / 1826.0) + (random() - 0.5) * 8)::numeric, 1)::float8 AS tinggi,
       CASE WHEN umur < 731 THEN 'telentang' ELSE 'berdiri' END AS cara
  FROM generate_series(1, $N) i, LATERAL (SELECT ((i::bigint * 7919) % 1827)::int AS umur) a;
VACUUM ANALYZE bench.lhfa, bench.wflh, bench.anak;
"
# both implementations agree on the sample (so the baseline is a fair one)
bench_sql "SELECT 'baseline check: ' || count(*) FILTER (WHERE abs(kkb.zscore_tbu(jk, umur, tinggi, cara) - bench.z_tbu(jk, umur, tinggi, cara)) > 1e-6
            OR abs(kkb.zscore_bbtb(jk, umur, berat, tinggi, cara) - bench.z_bbtb(jk, umur, berat, tinggi, cara)) > 1e-3)
            || ' of 2000 rows differ' FROM (SELECT * FROM bench.anak LIMIT 2000) a" >&2

bench_pair zscore_tbu_bbtb "$N" ">= 20x faster, < 1000 ms" \
	"SELECT sum(kkb.zscore_tbu(jk, umur, tinggi, cara)) + sum(kkb.zscore_bbtb(jk, umur, berat, tinggi, cara)) FROM bench.anak" \
	"SELECT sum(bench.z_tbu(jk, umur, tinggi, cara)) + sum(bench.z_bbtb(jk, umur, berat, tinggi, cara)) FROM bench.anak"
bench_pair antropometri_row "$N" "(info: all four indicators, vs the two PL/pgSQL ones)" \
	"SELECT count((kkb.antropometri(jk, DATE '2020-01-01', DATE '2020-01-01' + umur, berat, tinggi, cara)).stunting) FROM bench.anak" \
	"SELECT sum(bench.z_tbu(jk, umur, tinggi, cara)) + sum(bench.z_bbtb(jk, umur, berat, tinggi, cara)) FROM bench.anak"

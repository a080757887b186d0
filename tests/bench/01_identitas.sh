#!/bin/sh
# Identifier types (issue: kkb.nik, kkb.no_kk, kkb.kode_wilayah):
#  - parse + validate: text -> kkb.nik vs text -> bigint on the same strings
#  - equality join of N kkb.nik keys against N, vs the same keys as bigint
. "$(dirname "$0")/lib.sh"
N=${BENCH_ROWS:-1000000}

echo "identifiers: generating $N NIK strings" >&2
bench_sql "
DROP TABLE IF EXISTS bench.nik_text, bench.nik_a, bench.nik_b, bench.big_a, bench.big_b;
CREATE TABLE bench.nik_text AS
SELECT format('%s%s%s%s%s%s%s', p, lpad((1 + i % 79)::text, 2, '0'), lpad((1 + i % 31)::text, 2, '0'),
              lpad((1 + i % 28 + 40 * (i % 2))::text, 2, '0'), lpad((1 + i % 12)::text, 2, '0'),
              lpad((i % 100)::text, 2, '0'), lpad((1 + i % 9999)::text, 4, '0')) AS s
  FROM generate_series(0, $N - 1) i,
       LATERAL (SELECT (ARRAY[11,12,13,14,31,32,33,35,51,73,96])[1 + i % 11] AS p) pr;
CREATE TABLE bench.nik_a AS SELECT s::kkb.nik AS n FROM bench.nik_text;
CREATE TABLE bench.nik_b AS SELECT n FROM bench.nik_a ORDER BY random();
CREATE TABLE bench.big_a AS SELECT n::bigint AS n FROM bench.nik_a;
CREATE TABLE bench.big_b AS SELECT n::bigint AS n FROM bench.nik_b;
VACUUM ANALYZE bench.nik_text, bench.nik_a, bench.nik_b, bench.big_a, bench.big_b;
"

bench_pair nik_parse_validate "$N" "<= 1.5" \
	"SELECT sum(s::kkb.nik::bigint) FROM bench.nik_text" \
	"SELECT sum(s::bigint) FROM bench.nik_text"
bench_pair nik_equality_join "$N" "<= 1.2" \
	"SELECT count(*) FROM bench.nik_a a JOIN bench.nik_b b ON a.n = b.n" \
	"SELECT count(*) FROM bench.big_a a JOIN bench.big_b b ON a.n = b.n"
bench_pair kode_wilayah_parse "91599" "(info)" \
	"SELECT count(k::kkb.kode_wilayah) FROM (SELECT kode::text AS k FROM kkb.wilayah) w" \
	"SELECT count(replace(k, '.', '')::bigint) FROM (SELECT kode::text AS k FROM kkb.wilayah) w"

#!/bin/sh
# bench.sh - `make bench`: every benchmark against its baseline, in one run.
#
# BENCH_SCALE=small (default: quick check) or large (the issues' full sizes);
# BENCH_ONLY=gateway runs only the benchmarks whose file name contains it;
# BENCH_GATEWAY_BIN runs the gateway benchmarks against another build of kkb-gateway.
# Each benchmark prints medians over BENCH_REPEAT alternating runs and the
# ratio to its baseline; results go to build/bench/results.jsonl as well.
# A throwaway cluster in .bench/ (port 54317) is used and stopped at the end.
set -eu
cd "$(dirname "$0")/.."

BENCH_SCALE=${BENCH_SCALE:-small}
case "$BENCH_SCALE" in
small) BENCH_ROWS=${BENCH_ROWS:-100000} ;;
large) BENCH_ROWS=${BENCH_ROWS:-1000000} ;;
*) echo "bench: BENCH_SCALE must be small or large" >&2; exit 2 ;;
esac
BENCH_DIR=${BENCH_DIR:-.bench}
BENCH_PORT=${BENCH_PORT:-54317}
mkdir -p build/bench
BENCH_RESULTS=$(pwd)/build/bench/results.jsonl
: > "$BENCH_RESULTS"
export BENCH_ROWS BENCH_RESULTS BENCH_REPEAT="${BENCH_REPEAT:-5}"

trap 'scripts/cluster.sh "$BENCH_DIR" "$BENCH_PORT" stop >/dev/null 2>&1 || true' EXIT INT TERM
scripts/cluster.sh "$BENCH_DIR" "$BENCH_PORT" start
scripts/cluster.sh "$BENCH_DIR" "$BENCH_PORT" psql -d postgres -q -c "DROP DATABASE IF EXISTS kampungkb_bench"
scripts/cluster.sh "$BENCH_DIR" "$BENCH_PORT" createdb kampungkb_bench
export PGHOST="$(cd "$BENCH_DIR" && pwd -P)" PGPORT="$BENCH_PORT" PGUSER=postgres PGDATABASE=kampungkb_bench

psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS bench;
CREATE OR REPLACE FUNCTION bench.run(q text, vorher text DEFAULT NULL) RETURNS float8 LANGUAGE plpgsql AS $f$
DECLARE t0 timestamptz;
BEGIN
	IF vorher IS NOT NULL THEN EXECUTE vorher; END IF;
	t0 := clock_timestamp();
	EXECUTE q;
	RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 3);
END $f$;
SQL

echo "kampungkb benchmarks - $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, $(psql -X -tAc 'SHOW server_version'), $(uname -m)"
echo "scale: $BENCH_SCALE ($BENCH_ROWS rows), medians of $BENCH_REPEAT alternating runs"
echo
for b in tests/bench/[0-9]*.sh; do
	case "$b" in *"${BENCH_ONLY:-}"*) sh "$b" ;; esac
done
echo
echo "results: $BENCH_RESULTS"

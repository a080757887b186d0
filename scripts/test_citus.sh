#!/bin/sh
# test_citus.sh - `make test-citus`: the distributed mode on a real Citus cluster.
#
# Starts a throwaway coordinator and two workers (scripts/citus.sh) in $TEST_DIR (ports
# TEST_PORT..TEST_PORT+2), creates the database with citus, kampungkb and pgtap, runs
# `SELECT kkb.sebarkan()` and then every tests/citus/*.sql (pgTAP, on the coordinator) and
# tests/citus/*.sh and the gateway's tests that hold on the cluster (tests/gateway, against the
# coordinator), with one prove summary.  Needs Citus installed (docs/SCALE.md); without it
# it says so and exits 3.  KKB_TESTS (globs) runs only some files.
set -eu
cd "$(dirname "$0")/.."

TEST_DIR=${TEST_DIR:-.test-citus}
TEST_PORT=${TEST_PORT:-54340}
TEST_DB=kampungkb_citus

cleanup() {
	# gateways the tests started are stopped by the tests; catch stragglers
	if [ -f "$TEST_DIR/koordinator/gateway.pids" ]; then
		while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$TEST_DIR/koordinator/gateway.pids"
	fi
	scripts/citus.sh "$TEST_DIR" "$TEST_PORT" stop immediate >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM
[ "${KKB_TEST_KEEP:-0}" = 1 ] && trap - EXIT

cleanup
for n in koordinator pekerja1 pekerja2; do
	[ -e "$TEST_DIR/$n" ] && rm -rf "$(cd "$TEST_DIR/$n" && pwd -P)"
done
rm -rf "$TEST_DIR"
echo "test-citus: starting a throwaway Citus cluster in $TEST_DIR (coordinator port $TEST_PORT, workers $((TEST_PORT + 1)) and $((TEST_PORT + 2)))"
KKB_CLUSTER_FAST=1 scripts/citus.sh "$TEST_DIR" "$TEST_PORT" start
scripts/citus.sh "$TEST_DIR" "$TEST_PORT" createdb "$TEST_DB"
scripts/citus.sh "$TEST_DIR" "$TEST_PORT" psql -d "$TEST_DB" -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
	-c "CREATE EXTENSION IF NOT EXISTS pgtap"
echo "test-citus: SELECT kkb.sebarkan()"
scripts/citus.sh "$TEST_DIR" "$TEST_PORT" psql -d "$TEST_DB" -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
	-c "SELECT jenis, count(*) AS tabel FROM kkb.sebarkan() GROUP BY jenis ORDER BY jenis"

KOORDINATOR=$(cd "$TEST_DIR/koordinator" && pwd -P)
export PGHOST="$KOORDINATOR" PGPORT="$TEST_PORT" PGUSER=postgres PGDATABASE="$TEST_DB"

# The gateway's black-box tests (tests/gateway, as `make test` runs them) against the
# coordinator: its own login, the sanitizer build, the coordinator as the test database.
scripts/cluster.sh "$KOORDINATOR" "$TEST_PORT" login gerbang kkb_gateway >/dev/null
export KKB_TEST_DIR="$KOORDINATOR" KKB_TEST_PORT="$TEST_PORT" KKB_TEST_DB="$TEST_DB"
# the gateway the tests run: a sanitizer build (scripts/gateway_uji.sh)
. scripts/gateway_uji.sh

# The gateway tests against the coordinator: every file of tests/gateway (KKB_CITUS_GATEWAY names others).
GATEWAY_TESTS=${KKB_CITUS_GATEWAY:-$(ls tests/gateway/[0-9]*.sh)}
set --
# (tests/citus/02_sama.sh empties the village tables again after its comparison, so that the
# gateway tests' fixtures in the demo city's villages start from nothing)
for f in ${KKB_TESTS:-tests/citus/[0-9]*.sql tests/citus/[0-9]*.sh $GATEWAY_TESTS tests/skema/[0-9]*.sh}; do
	[ -f "$f" ] && set -- "$@" "$f"
done
echo "test-citus: running $# test files"
prove --norc --timer ${KKB_PROVE_OPTS:-} --source Executable \
	--source pgTAP --pgtap-option "host=$KOORDINATOR" --pgtap-option "port=$TEST_PORT" \
	--pgtap-option "dbname=$TEST_DB" --pgtap-option "username=postgres" \
	"$@"

#!/bin/sh
# test.sh - `make test`: every test layer against a throwaway cluster.
#
# Layers, all run by one `prove` so that one summary closes the output:
#   build/tests/test_*   pure-C unit tests of the cores (TAP)
#   tests/fuzz/run.sh    every libFuzzer harness, KKB_FUZZ_SECONDS each (default 60)
#   tests/pgtap/*.sql    pgTAP tests of everything SQL-visible
#   tests/upgrade/*.sh   the upgrade chain: each kept release, with data, updated to the current version
#                        equals a fresh install and keeps every row (its own cluster, port TEST_PORT + 20)
#   tests/gateway/*.sh   black-box HTTP tests of the real gateway
#   tests/web/*.sh       the web dashboard: static serving, and a real browser (chromium)
#   tests/skema/*.sh     last: every answer the gateways above recorded, against GET /openapi.json
# KKB_TESTS (globs) runs only some of them; TEST_DIR/TEST_PORT move the cluster.
# The cluster lives in $TEST_DIR (wiped first) and is stopped on exit.
set -eu
cd "$(dirname "$0")/.."

TEST_DIR=${TEST_DIR:-.test}
TEST_PORT=${TEST_PORT:-54316}
TEST_DB=kampungkb_test

cleanup() {
	# gateways the tests started are stopped by the tests; catch stragglers
	if [ -f "$TEST_DIR/gateway.pids" ]; then
		while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$TEST_DIR/gateway.pids"
	fi
	scripts/cluster.sh "$TEST_DIR" "$TEST_PORT" stop immediate >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM
[ "${KKB_TEST_KEEP:-0}" = 1 ] && trap - EXIT

scripts/cluster.sh "$TEST_DIR" "$TEST_PORT" stop immediate >/dev/null 2>&1 || true
[ -e "$TEST_DIR" ] && rm -rf "$(cd "$TEST_DIR" && pwd -P)"
rm -rf "$TEST_DIR"
echo "test: starting a throwaway cluster in $TEST_DIR (port $TEST_PORT)"
KKB_CLUSTER_FAST=1 scripts/cluster.sh "$TEST_DIR" "$TEST_PORT" start
scripts/cluster.sh "$TEST_DIR" "$TEST_PORT" createdb "$TEST_DB"
scripts/cluster.sh "$TEST_DIR" "$TEST_PORT" psql -d "$TEST_DB" -q -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS pgtap"
# the gateway's own login, as `make run` makes it (tests/gateway/lib.sh connects the gateway with it)
scripts/cluster.sh "$TEST_DIR" "$TEST_PORT" login gerbang kkb_gateway

KKB_TEST_DIR=$(cd "$TEST_DIR" && pwd -P)
export KKB_TEST_DIR KKB_TEST_PORT="$TEST_PORT" KKB_TEST_DB="$TEST_DB"
# the gateway the tests run: a sanitizer build (scripts/gateway_uji.sh)
. scripts/gateway_uji.sh
export PGHOST="$KKB_TEST_DIR" PGPORT="$TEST_PORT" PGUSER=postgres PGDATABASE="$TEST_DB"

# KKB_TESTS narrows the run to some files (globs), e.g.
#   KKB_TESTS="tests/gateway/03_*.sh tests/pgtap/041_*.sql" scripts/test.sh
set --
for f in ${KKB_TESTS:-build/tests/test_* tests/fuzz/run.sh tests/pgtap/[0-9]*.sql tests/upgrade/[0-9]*.sh tests/gateway/[0-9]*.sh tests/web/[0-9]*.sh tests/skema/[0-9]*.sh}; do
	[ -f "$f" ] && set -- "$@" "$f"
done
echo "test: running $# test files"
prove --norc --timer ${KKB_PROVE_OPTS:-} --source Executable \
	--source pgTAP --pgtap-option "host=$KKB_TEST_DIR" --pgtap-option "port=$TEST_PORT" \
	--pgtap-option "dbname=$TEST_DB" --pgtap-option "username=postgres" \
	"$@"

#!/bin/sh
# run.sh - build every libFuzzer harness (clang, ASan + UBSan) and run each for
# KKB_FUZZ_SECONDS (default 60), two at a time; prints TAP, one line per harness.
#
# Harnesses: tests/fuzz/fuzz_*.c, each linked with the pure C cores (fuzz_gw_*: with
# the gateway's sources but main.c, libpq, jansson, libmicrohttpd).  Seeds come
# from tests/fuzz/corpus/<harness>/ (checked in); what the fuzzer finds goes to
# build/fuzz/corpus-<harness>/, and a crashing input to build/fuzz/<harness>-crash-*.
# Used by `make test` (CI) and `make fuzz`.
set -u
cd "$(dirname "$0")/../.."

SECONDS_EACH=${KKB_FUZZ_SECONDS:-60}
OUT=build/fuzz
mkdir -p "$OUT"
# every pure core except the big generated region list and its lookup (no harness needs them)
CORE=$(ls extension/src/core/*.c | grep -v '/wilayah' | tr '\n' ' ')
CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iextension/src/core"
# the gateway harnesses (fuzz_gw_*) link every gateway source but main.c, with its libraries
PG_CONFIG=$(test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)
# and the dashboard's embedded files (generated, as gateway/Makefile does)
sh gateway/gen/web_assets.sh gateway/web > "$OUT/web_assets.c"
GW_SRC="$(ls gateway/src/*.c | grep -v '/main\.c$' | tr '\n' ' ') $OUT/web_assets.c"
GW_CFLAGS="-Igateway/src -I$($PG_CONFIG --includedir) $(pkg-config --cflags libmicrohttpd jansson libqrencode 2>/dev/null)"
GW_LIBS="-L$($PG_CONFIG --libdir) -lpq $(pkg-config --libs libmicrohttpd jansson libcrypto xlsxwriter libqrencode 2>/dev/null) -lpthread"

harnesses=$(ls tests/fuzz/fuzz_*.c | sed 's|.*/||; s|\.c$||')
n=0
for h in $harnesses; do n=$((n + 1)); done
echo "1..$n"

run_one() {
	h=$1
	log=$OUT/$h.log
	case $h in
	fuzz_gw_*) build="clang $CFLAGS $GW_CFLAGS -o $OUT/$h tests/fuzz/$h.c $GW_SRC $GW_LIBS -lRmath -lm" ;;
	*) build="clang $CFLAGS -o $OUT/$h tests/fuzz/$h.c $CORE -lRmath -lm" ;;
	esac
	if ! $build > "$log" 2>&1; then
		echo "build failed" >> "$log"
		return 1
	fi
	mkdir -p "$OUT/corpus-$h"
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		"$OUT/$h" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$OUT/$h-" -print_final_stats=1 \
		"$OUT/corpus-$h" "tests/fuzz/corpus/$h" >> "$log" 2>&1
}

i=0
set -- $harnesses
while [ $# -gt 0 ]; do
	a=$1; shift
	b=${1:-}; [ $# -gt 0 ] && shift
	run_one "$a" & pa=$!
	if [ -n "$b" ]; then run_one "$b" & pb=$!; fi
	for h in $a $b; do
		if [ "$h" = "$a" ]; then wait $pa; rc=$?; else wait $pb; rc=$?; fi
		i=$((i + 1))
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$h.log" | tail -1)
		if [ $rc -eq 0 ]; then
			echo "ok $i - fuzz $h: ${execs:-?} inputs in ${SECONDS_EACH}s, no crash"
		else
			echo "not ok $i - fuzz $h failed (exit $rc); see $OUT/$h.log"
			tail -25 "$OUT/$h.log" | sed 's/^/#   /'
		fi
	done
done

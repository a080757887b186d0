# lib.sh - helpers for the benchmarks (sourced by scripts/bench.sh and tests/bench/*.sh).
#
# bench_sql SQL                   run SQL on the bench database (quiet, stop on error)
# bench_pair NAME N TARGET A B [SETUP_A SETUP_B]
#                                 time statement A against baseline B, alternating,
#                                 BENCH_REPEAT times each; print medians and the ratio
#                                 A/B next to TARGET (text, e.g. "<= 1.5"), and append a
#                                 JSON line to $BENCH_RESULTS.  SETUP_A/B run untimed
#                                 before each timed run (e.g. TRUNCATE before a COPY).
# Times are measured inside the server (clock_timestamp around EXECUTE), so the
# client and the network are not part of them.

set -eu
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

bench_sql() {
	printf '%s\n' "$1" | psql -X -q -v ON_ERROR_STOP=1 -tA -f -
}

median() {
	sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

bench_pair() {
	name=$1 n=$2 target=$3 qa=$4 qb=$5 sa=${6:-} sb=${7:-}
	runa="SELECT bench.run(\$q\$$qa\$q\$, NULLIF(\$s\$$sa\$s\$, ''))"
	runb="SELECT bench.run(\$q\$$qb\$q\$, NULLIF(\$s\$$sb\$s\$, ''))"
	ta=$(mktemp) tb=$(mktemp)
	# one untimed run of each first: caches, hint bits, plan caches
	bench_sql "$runa" > /dev/null
	bench_sql "$runb" > /dev/null
	i=0
	while [ "$i" -lt "${BENCH_REPEAT:-5}" ]; do
		bench_sql "$runa" >> "$ta"
		bench_sql "$runb" >> "$tb"
		i=$((i + 1))
		printf '.' >&2
	done
	printf '\r' >&2
	ma=$(median < "$ta")
	mb=$(median < "$tb")
	ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')
	speedup=$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.1f", b / a }')
	printf '%-28s n=%-9s %10.1f ms  vs baseline %10.1f ms   ratio %6s (x%s faster)  target %s\n' \
		"$name" "$n" "$ma" "$mb" "$ratio" "$speedup" "$target"
	printf '{"bench":"%s","n":%s,"median_ms":%s,"baseline_median_ms":%s,"ratio":%s,"target":"%s","repeat":%s}\n' \
		"$name" "$n" "$ma" "$mb" "$ratio" "$target" "${BENCH_REPEAT:-5}" >> "$BENCH_RESULTS"
	rm -f "$ta" "$tb"
}

#!/bin/sh
# 10_citus.sh - the distributed mode (docs/SCALE.md) against one node, same run: the demo city (Kota
# Pariaman, 13.77, 71 villages; BENCH_CITUS_WILAYAH) generated through the normal write path
# (kkb.hasilkan: every trigger, audit, version, warning), then classified (kkb.klasifikasi_wilayah) - on a
# 3-node loopback Citus cluster (coordinator and two workers on this machine, scripts/citus.sh) and on a
# plain database of the same coordinator.  Density: BENCH_CITUS_SKALA (default 0.25 small, 1.0 large) of
# the demo's people per village.  (A province, 1,265 villages, is not measured yet: on the cluster every
# village-month's report runs the outlier check over every shard - docs/SCALE.md - and the load took
# longer than 15 minutes at 2% density.)  Skipped, with a message, when Citus is not installed.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."

PG_CONFIG=${PG_CONFIG:-$(test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)}
if [ ! -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]; then
	echo "citus: skipped - Citus is not installed (docs/SCALE.md, 'Installing Citus')"
	exit 0
fi
case "${BENCH_ROWS:-100000}" in 100000) SKALA=${BENCH_CITUS_SKALA:-0.25} ;; *) SKALA=${BENCH_CITUS_SKALA:-1.0} ;; esac
WILAYAH=${BENCH_CITUS_WILAYAH:-13.77}
DIR=.bench-citus PORT=54350
trap 'scripts/citus.sh "$DIR" "$PORT" stop >/dev/null 2>&1 || true' EXIT INT TERM
scripts/citus.sh "$DIR" "$PORT" stop immediate >/dev/null 2>&1 || true
rm -rf "$DIR"
KKB_CLUSTER_FAST=1 scripts/citus.sh "$DIR" "$PORT" start >/dev/null
scripts/citus.sh "$DIR" "$PORT" createdb bench_citus
KOOR=$(cd "$DIR/koordinator" && pwd -P)
c() { psql -X -q -v ON_ERROR_STOP=1 -tA -h "$KOOR" -p "$PORT" -U postgres -d "$1" -c "SET client_min_messages = warning" -c "$2"; }
c bench_citus "SELECT count(*) FROM kkb.sebarkan()" >/dev/null
psql -X -q -h "$KOOR" -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE bench_satu" >/dev/null
c bench_satu "ALTER DATABASE bench_satu SET search_path = \"\$user\", public, kkb" >/dev/null
c bench_satu "CREATE EXTENSION kampungkb CASCADE" >/dev/null
c bench_satu "CREATE EXTENSION kampungkb_demo" >/dev/null
# the time of one statement, measured in the server
waktu() { c "$1" "DO \$d\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN PERFORM * FROM ($2) x; RAISE WARNING 'ms=%', round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1); END \$d\$" 2>&1 |
	sed -n 's/.*ms=//p'; }

echo "citus: region $WILAYAH at $SKALA of the demo's density, one node vs a 3-node loopback cluster"
BULAN=$(date +%Y-%m-01)
for db in bench_satu bench_citus; do
	t=$(waktu "$db" "SELECT * FROM kkb.hasilkan('$WILAYAH', $SKALA, 1)")
	eval "muat_$db=\$t"
done
orang=$(c bench_satu "SELECT count(*) FROM kkb.anggota")
desa=$(c bench_satu "SELECT count(*) FROM kkb.kampung")
ratio=$(awk -v a="$muat_bench_citus" -v b="$muat_bench_satu" 'BEGIN { printf "%.2f", a / b }')
printf '%-28s n=%-9s %10.1f ms  vs one node %10.1f ms   ratio %6s  (%s villages, %s people; once each)\n' \
	citus_muat "$orang" "$muat_bench_citus" "$muat_bench_satu" "$ratio" "$desa" "$orang"
printf '{"bench":"%s","n":%s,"median_ms":%s,"baseline_median_ms":%s,"ratio":%s,"target":"%s","repeat":1}\n' \
	citus_muat "$orang" "$muat_bench_citus" "$muat_bench_satu" "$ratio" "(info: cluster vs one node)" >> "$BENCH_RESULTS"

ta=$(mktemp) tb=$(mktemp)
waktu bench_citus "SELECT * FROM kkb.klasifikasi_wilayah('$WILAYAH', '$BULAN')" >/dev/null
waktu bench_satu "SELECT * FROM kkb.klasifikasi_wilayah('$WILAYAH', '$BULAN')" >/dev/null
i=0
while [ "$i" -lt "${BENCH_REPEAT:-5}" ]; do
	waktu bench_citus "SELECT * FROM kkb.klasifikasi_wilayah('$WILAYAH', '$BULAN')" >> "$ta"
	waktu bench_satu "SELECT * FROM kkb.klasifikasi_wilayah('$WILAYAH', '$BULAN')" >> "$tb"
	i=$((i + 1))
done
ma=$(median < "$ta") mb=$(median < "$tb")
rm -f "$ta" "$tb"
ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')
printf '%-28s n=%-9s %10.1f ms  vs one node %10.1f ms   ratio %6s  target (info: on 2 cores the cluster cannot be faster)\n' \
	citus_klasifikasi "$desa" "$ma" "$mb" "$ratio"
printf '{"bench":"%s","n":%s,"median_ms":%s,"baseline_median_ms":%s,"ratio":%s,"target":"%s","repeat":%s}\n' \
	citus_klasifikasi "$desa" "$ma" "$mb" "$ratio" "(info: cluster vs one node)" "${BENCH_REPEAT:-5}" >> "$BENCH_RESULTS"

# Bulk sync (kkb.api_sinkron, the function behind POST /v1/desa/{kode}/keluarga and /anggota, called in SQL
# as the superuser: the gateway's own cost is measured by 05_gateway.sh): 1,000 new families, then their
# 4,000 members with 10 rows that break a rule, into one village of the region - rows per second.
DESA=$(c bench_satu "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa::text LIKE '$WILAYAH.%'")
SQLD=$(mktemp -d)
awk 'BEGIN { printf "SELECT kkb.api_sinkron(%ckeluarga%c, :%cdesa%c, $j$[", 39, 39, 39, 39;
	for (f = 1; f <= 1000; f++) printf "%s{\"no_kk\":\"137701020126%04d\",\"rt\":%d,\"rw\":%d}", (f > 1 ? "," : ""), f, f % 20 + 1, f % 5 + 1;
	printf "]$j$::jsonb) ->> %cdiimpor%c;\n", 39, 39 }' > "$SQLD/keluarga.sql"
awk 'BEGIN { split("kepala istri anak anak", hub, " "); split("L P L P", jk, " ");
	printf "SELECT kkb.api_sinkron(%canggota%c, :%cdesa%c, $j$[", 39, 39, 39, 39;
	for (i = 1; i <= 4000; i++) {
		f = int((i - 1) / 4) + 1; p = (i - 1) % 4 + 1; d = f % 28 + 1; m = f % 12 + 1;
		y = (p == 1) ? 1970 + f % 20 : (p == 2) ? 1972 + f % 20 : (p == 3) ? 2015 : 2022;
		sex = jk[p]; if (i % 400 == 11) sex = (sex == "L") ? "P" : "L";   # 10 rows whose sex does not match the NIK
		printf "%s{\"nik\":\"137702%02d%02d%02d%04d\",\"no_kk\":\"137701020126%04d\",\"nama\":\"Warga %d\",\"jenis_kelamin\":\"%s\",\"tanggal_lahir\":\"%04d-%02d-%02d\",\"hubungan\":\"%s\"}",
			(i > 1 ? "," : ""), (jk[p] == "P" ? d + 40 : d), m, y % 100, i, f, i, sex, y, m, d, hub[p] }
	printf "]$j$::jsonb) - %ckonflik%c;\n", 39, 39 }' > "$SQLD/anggota.sql"
sinkron() {  # sinkron DB FILE: prints the wall time of the file's statement in ms
	t0=$(date +%s%N)
	psql -X -q -tA -v ON_ERROR_STOP=1 -h "$KOOR" -p "$PORT" -U postgres -d "$1" -v desa="$DESA" -f "$2" > "$SQLD/out" || exit 1
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}
for db in bench_satu bench_citus; do
	kel=$(sinkron "$db" "$SQLD/keluarga.sql")
	ang=$(sinkron "$db" "$SQLD/anggota.sql")
	ditolak=$(jq .ditolak "$SQLD/out")
	eval "kel_$db=\$kel ang_$db=\$ang"
done
for x in kel:keluarga:1000 ang:anggota:4000; do
	k=${x%%:*}; rest=${x#*:}; nama=${rest%%:*}; n=${rest#*:}
	eval "a=\$${k}_bench_citus b=\$${k}_bench_satu"
	ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
	printf '%-28s n=%-9s %10.1f ms  vs one node %10.1f ms   ratio %6s  (%s rows/s vs %s rows/s; once each%s)\n' \
		"citus_sinkron_$nama" "$n" "$a" "$b" "$ratio" "$(awk -v n="$n" -v t="$a" 'BEGIN { printf "%.0f", n / t * 1000 }')" \
		"$(awk -v n="$n" -v t="$b" 'BEGIN { printf "%.0f", n / t * 1000 }')" "$([ "$nama" = anggota ] && echo ", $ditolak rejected")"
	printf '{"bench":"%s","n":%s,"median_ms":%s,"baseline_median_ms":%s,"ratio":%s,"target":"%s","repeat":1}\n' \
		"citus_sinkron_$nama" "$n" "$a" "$b" "$ratio" "(info: cluster vs one node)" >> "$BENCH_RESULTS"
done
rm -rf "$SQLD"

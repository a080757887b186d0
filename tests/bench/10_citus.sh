#!/bin/sh
# 10_citus.sh - the distributed mode (docs/SCALE.md) against one node, same run, on a 3-node loopback
# Citus cluster (coordinator and two workers on this machine, scripts/citus.sh) and on plain databases of
# the same coordinator:
#  - the demo city (Kota Pariaman, 13.77, 71 villages; BENCH_CITUS_WILAYAH) generated through the normal
#    write path (kkb.hasilkan: every trigger, audit, version, warning) at BENCH_CITUS_SKALA (default 0.25
#    small, 1.0 large) of the demo's people per village, then classified (kkb.klasifikasi_wilayah);
#  - a province (West Sumatra, 13, 1,265 villages; BENCH_CITUS_PROVINSI) the same way, in databases of its
#    own, at BENCH_CITUS_SKALA_PROVINSI (default 0.01 small, 0.02 large).  Its load costs 0.2-0.35 s a
#    village on the cluster at any small density (twelve months of reports a village, each checked on its
#    shard: docs/SCALE.md), so a province is minutes whatever the density; at 0.01 the whole part took
#    7 minutes on 2 cores (docs/BENCHMARKS.md);
#  - bulk sync of families and members into one village of the city: in SQL (kkb.api_sinkron) and through
#    the gateway (POST /v1/desa/{kode}/keluarga and /anggota; one kkb-gateway on the one-node database and
#    one on the coordinator, ports BENCH_CITUS_HTTP_PORT and the next, default 18950: no test's).
# Skipped, with a message, when Citus is not installed.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."

PG_CONFIG=${PG_CONFIG:-$(test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)}
if [ ! -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]; then
	echo "citus: skipped - Citus is not installed (docs/SCALE.md, 'Installing Citus')"
	exit 0
fi
case "${BENCH_ROWS:-100000}" in
100000) SKALA=${BENCH_CITUS_SKALA:-0.25} SKALA_PROV=${BENCH_CITUS_SKALA_PROVINSI:-0.01} ;;
*) SKALA=${BENCH_CITUS_SKALA:-1.0} SKALA_PROV=${BENCH_CITUS_SKALA_PROVINSI:-0.02} ;;
esac
WILAYAH=${BENCH_CITUS_WILAYAH:-13.77}
PROVINSI=${BENCH_CITUS_PROVINSI:-13}
DIR=.bench-citus PORT=54350
GW_PORT=${BENCH_CITUS_HTTP_PORT:-18950}
GATEWAY=${BENCH_GATEWAY_BIN:-gateway/kkb-gateway}
GW_SATU= GW_CITUS=
SQLD=$(pwd)/$DIR/kerja	# batches, answers, the gateways' logs
trap '[ -z "$GW_SATU" ] || kill "$GW_SATU" 2>/dev/null; [ -z "$GW_CITUS" ] || kill "$GW_CITUS" 2>/dev/null
	scripts/citus.sh "$DIR" "$PORT" stop >/dev/null 2>&1 || true; rm -rf "$SQLD"' EXIT INT TERM
scripts/citus.sh "$DIR" "$PORT" stop immediate >/dev/null 2>&1 || true
rm -rf "$DIR"
KKB_CLUSTER_FAST=1 scripts/citus.sh "$DIR" "$PORT" start >/dev/null
mkdir -p "$SQLD"
KOOR=$(cd "$DIR/koordinator" && pwd -P)
c() { psql -X -q -v ON_ERROR_STOP=1 -tA -h "$KOOR" -p "$PORT" -U postgres -d "$1" -c "SET client_min_messages = warning" -c "$2"; }
# the city's databases and the province's: a distributed one on the cluster, a plain one on the coordinator.
# The city's last: kkb.sebarkan gives the working roles (one set for the whole cluster) new passwords, which
# only the last database's pg_dist_authinfo holds - the gateway's (the superuser's loads need none)
for db in bench_citus_prov bench_citus; do
	scripts/citus.sh "$DIR" "$PORT" createdb "$db"
	c "$db" "SELECT count(*) FROM kkb.sebarkan()" >/dev/null
done
for db in bench_satu bench_satu_prov; do
	psql -X -q -h "$KOOR" -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE $db" >/dev/null
	c "$db" "ALTER DATABASE $db SET search_path = \"\$user\", public, kkb" >/dev/null
	c "$db" "CREATE EXTENSION kampungkb CASCADE" >/dev/null
	c "$db" "CREATE EXTENSION kampungkb_demo" >/dev/null
done
# the time of one statement, measured in the server
waktu() { c "$1" "DO \$d\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN PERFORM * FROM ($2) x; RAISE WARNING 'ms=%', round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1); END \$d\$" 2>&1 |
	sed -n 's/.*ms=//p'; }

# muat NAME REGION SKALA DB_SATU DB_CITUS: the generator's load of REGION once into each, the cluster first;
# the generator's progress (every 10 villages) on stderr
muat() {
	for db in "$5" "$4"; do
		c "$db" "SET client_min_messages = notice; DO \$d\$ DECLARE t0 timestamptz := clock_timestamp(); BEGIN PERFORM * FROM kkb.hasilkan('$2', $3, 1); RAISE WARNING 'ms=%', round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1); END \$d\$" 2>&1 |
			while IFS= read -r line; do
				case "$line" in
				*ms=*) printf '\r%78s\r' '' >&2; echo "${line##*ms=}" ;;
				*"kkb.hasilkan: "*" of "*) printf '\r  %s %s: %s' "$1" "$db" "$(echo "$line" | sed 's/.*kkb.hasilkan: \([0-9]* of [0-9]* villages ([0-9]* %)\).* \([0-9.]* s\)$/\1, \2/')" >&2 ;;
				esac
			done > "$SQLD/t_$db"
		[ -s "$SQLD/t_$db" ] || { echo "citus: the load of $2 into $db failed" >&2; exit 1; }
	done
	a=$(cat "$SQLD/t_$5") b=$(cat "$SQLD/t_$4")
	orang=$(c "$4" "SELECT count(*) FROM kkb.anggota")
	desa=$(c "$4" "SELECT count(*) FROM kkb.kampung")
	ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
	printf '%-28s n=%-9s %10.1f ms  vs one node %10.1f ms   ratio %6s  (%s villages, %s people at %s; once each)\n' \
		"$1" "$orang" "$a" "$b" "$ratio" "$desa" "$orang" "$3"
	printf '{"bench":"%s","n":%s,"median_ms":%s,"baseline_median_ms":%s,"ratio":%s,"target":"%s","repeat":1,"villages":%s,"density":%s}\n' \
		"$1" "$orang" "$a" "$b" "$ratio" "(info: cluster vs one node)" "$desa" "$3" >> "$BENCH_RESULTS"
}

# klasifikasi NAME REGION DB_SATU DB_CITUS: kkb.klasifikasi_wilayah of the region this month, BENCH_REPEAT
# times each, alternating, after one untimed run of each
klasifikasi() {
	ta=$(mktemp) tb=$(mktemp)
	waktu "$4" "SELECT * FROM kkb.klasifikasi_wilayah('$2', '$BULAN')" >/dev/null
	waktu "$3" "SELECT * FROM kkb.klasifikasi_wilayah('$2', '$BULAN')" >/dev/null
	i=0
	while [ "$i" -lt "${BENCH_REPEAT:-5}" ]; do
		waktu "$4" "SELECT * FROM kkb.klasifikasi_wilayah('$2', '$BULAN')" >> "$ta"
		waktu "$3" "SELECT * FROM kkb.klasifikasi_wilayah('$2', '$BULAN')" >> "$tb"
		i=$((i + 1))
		printf '.' >&2
	done
	printf '\r' >&2
	ma=$(median < "$ta") mb=$(median < "$tb")
	rm -f "$ta" "$tb"
	desa=$(c "$3" "SELECT count(*) FROM kkb.kampung WHERE kode_desa OPERATOR(kkb.<@) '$2'")
	ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')
	printf '%-28s n=%-9s %10.1f ms  vs one node %10.1f ms   ratio %6s  target (info: on 2 cores the cluster cannot be faster)\n' \
		"$1" "$desa" "$ma" "$mb" "$ratio"
	printf '{"bench":"%s","n":%s,"median_ms":%s,"baseline_median_ms":%s,"ratio":%s,"target":"%s","repeat":%s}\n' \
		"$1" "$desa" "$ma" "$mb" "$ratio" "(info: cluster vs one node)" "${BENCH_REPEAT:-5}" >> "$BENCH_RESULTS"
}

BULAN=$(date +%Y-%m-01)
echo "citus: region $WILAYAH at $SKALA and province $PROVINSI at $SKALA_PROV of the demo's density, one node vs a 3-node loopback cluster"
muat citus_muat "$WILAYAH" "$SKALA" bench_satu bench_citus
klasifikasi citus_klasifikasi "$WILAYAH" bench_satu bench_citus
muat citus_muat_provinsi "$PROVINSI" "$SKALA_PROV" bench_satu_prov bench_citus_prov
klasifikasi citus_klasifikasi_provinsi "$PROVINSI" bench_satu_prov bench_citus_prov

# Bulk sync: 1,000 new families, then their 4,000 members with 10 rows that break a rule, into one village
# of the city - rows per second.  baris R DIR writes the batch as JSON arrays (DIR/keluarga.json,
# DIR/anggota.json); batch R differs from the others in its family cards' and members' numbers (the card's
# day and the birth day move by R), so that every batch is new rows.
baris() {
	mkdir -p "$2"
	awk -v r="$1" 'BEGIN { printf "[";
		for (f = 1; f <= 1000; f++) printf "%s{\"no_kk\":\"137701%02d0126%04d\",\"rt\":%d,\"rw\":%d}", (f > 1 ? "," : ""), 2 + r, f, f % 20 + 1, f % 5 + 1;
		printf "]" }' > "$2/keluarga.json"
	awk -v r="$1" 'BEGIN { split("kepala istri anak anak", hub, " "); split("L P L P", jk, " "); printf "[";
		for (i = 1; i <= 4000; i++) {
			f = int((i - 1) / 4) + 1; p = (i - 1) % 4 + 1; d = (f + r) % 28 + 1; m = f % 12 + 1;
			y = (p == 1) ? 1970 + f % 20 : (p == 2) ? 1972 + f % 20 : (p == 3) ? 2015 : 2022;
			sex = jk[p]; if (i % 400 == 11) sex = (sex == "L") ? "P" : "L";   # 10 rows whose sex does not match the NIK
			printf "%s{\"nik\":\"137702%02d%02d%02d%04d\",\"no_kk\":\"137701%02d0126%04d\",\"nama\":\"Warga %d\",\"jenis_kelamin\":\"%s\",\"tanggal_lahir\":\"%04d-%02d-%02d\",\"hubungan\":\"%s\"}",
				(i > 1 ? "," : ""), (jk[p] == "P" ? d + 40 : d), m, y % 100, i, 2 + r, f, i, sex, y, m, d, hub[p] }
		printf "]" }' > "$2/anggota.json"
}

# In SQL (kkb.api_sinkron, the function behind POST /v1/desa/{kode}/keluarga and /anggota, called as the
# superuser), batch 0, into the city's first village, once each.
DESA=$(c bench_satu "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa::text LIKE '$WILAYAH.%'")
baris 0 "$SQLD/0"
{ printf "SELECT kkb.api_sinkron('keluarga', :'desa', \$j\$"; cat "$SQLD/0/keluarga.json"; printf "\$j\$::jsonb) ->> 'diimpor';\n"; } > "$SQLD/keluarga.sql"
{ printf "SELECT kkb.api_sinkron('anggota', :'desa', \$j\$"; cat "$SQLD/0/anggota.json"; printf "\$j\$::jsonb) - 'konflik';\n"; } > "$SQLD/anggota.sql"
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

# Through the gateway: a kkb-gateway on the one-node database and one on the coordinator, each logged in as
# the gateway's own login (gerbang, a member of kkb_gateway, as in production and make test-citus), one
# thread, no rate limits, no indicator refresher; an administrator's token for the city.  Batch R (1 to
# BENCH_REPEAT) goes into the city's village R + 1 through each, alternating, the families then the members,
# each one POST; the time is the client's (curl), request to answer.
scripts/cluster.sh "$KOOR" "$PORT" login gerbang kkb_gateway >/dev/null
gw_mulai() {  # gw_mulai VAR DB HTTP_PORT: starts a gateway, its pid in VAR (not in a subshell: the traps)
	if curl -s -o /dev/null "http://127.0.0.1:$3/"; then
		echo "citus: port $3 is in use (BENCH_CITUS_HTTP_PORT moves the gateways)" >&2
		exit 1
	fi
	"$GATEWAY" --listen 127.0.0.1 --port "$3" --threads 1 --refresh-months 0 --limit-read 0 --limit-write 0 \
		--statement-timeout 600 --max-body 20000000 \
		--db "host=$KOOR port=$PORT dbname=$2 user=gerbang passfile=$KOOR/pgpass" 2>"$SQLD/gateway-$3.log" &
	eval "$1=\$!"
}
gw_tunggu() {  # gw_tunggu HTTP_PORT
	i=0
	until curl -s -o /dev/null "http://127.0.0.1:$1/v1/health"; do
		i=$((i + 1))
		[ $i -lt 200 ] || { echo "citus: the gateway did not start on port $1; its log:" >&2; cat "$SQLD/gateway-$1.log" >&2; exit 1; }
		sleep 0.05
	done
}
gw_mulai GW_SATU bench_satu "$GW_PORT"
gw_mulai GW_CITUS bench_citus "$((GW_PORT + 1))"
gw_tunggu "$GW_PORT"
gw_tunggu "$((GW_PORT + 1))"
TOKEN_bench_satu=$(c bench_satu "SELECT kkb.token_buat('kkb_admin', '$WILAYAH', 'bench-citus')")
TOKEN_bench_citus=$(c bench_citus "SELECT kkb.token_buat('kkb_admin', '$WILAYAH', 'bench-citus')")
kirim() {  # kirim DB HTTP_PORT PATH FILE: POSTs FILE, prints the time in ms; the answer in $SQLD/jawab
	eval "token=\$TOKEN_$1"
	r=$(curl -s -o "$SQLD/jawab" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' --data-binary @"$4" "http://127.0.0.1:$2$3")
	[ "${r%% *}" = 200 ] || {
		echo "citus: POST $3 on $1 answered ${r%% *}: $(head -c 300 "$SQLD/jawab"); the gateway's log ends:" >&2
		tail -5 "$SQLD/gateway-$2.log" >&2
		exit 1
	}
	awk -v t="${r#* }" 'BEGIN { printf "%.1f\n", t * 1000 }'
}
# warm-up: each gateway's connection, token and the village list once
for x in bench_satu:$GW_PORT bench_citus:$((GW_PORT + 1)); do
	eval "token=\$TOKEN_${x%%:*}"
	curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:${x#*:}/v1/desa/$DESA"
done
R=0
while [ "$R" -lt "${BENCH_REPEAT:-5}" ]; do
	R=$((R + 1))
	baris "$R" "$SQLD/$R"
	DESA_R=$(c bench_satu "SELECT kode_desa FROM kkb.kampung WHERE kode_desa::text LIKE '$WILAYAH.%' ORDER BY kode_desa OFFSET $R LIMIT 1")
	for x in bench_citus:$((GW_PORT + 1)) bench_satu:$GW_PORT; do
		db=${x%%:*} hp=${x#*:}
		kirim "$db" "$hp" "/v1/desa/$DESA_R/keluarga" "$SQLD/$R/keluarga.json" >> "$SQLD/gk_$db"
		kirim "$db" "$hp" "/v1/desa/$DESA_R/anggota" "$SQLD/$R/anggota.json" >> "$SQLD/ga_$db"
		echo "$db $(jq -c '[.diimpor, .ditolak]' "$SQLD/jawab")" >> "$SQLD/ga_hasil"
	done
	printf '.' >&2
done
printf '\r' >&2
for x in gk:keluarga:1000 ga:anggota:4000; do
	k=${x%%:*}; rest=${x#*:}; nama=${rest%%:*}; n=${rest#*:}
	a=$(median < "$SQLD/${k}_bench_citus") b=$(median < "$SQLD/${k}_bench_satu")
	ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
	printf '%-28s n=%-9s %10.1f ms  vs one node %10.1f ms   ratio %6s  (%s rows/s vs %s rows/s; through the gateway%s)\n' \
		"citus_gateway_$nama" "$n" "$a" "$b" "$ratio" "$(awk -v n="$n" -v t="$a" 'BEGIN { printf "%.0f", n / t * 1000 }')" \
		"$(awk -v n="$n" -v t="$b" 'BEGIN { printf "%.0f", n / t * 1000 }')" \
		"$([ "$nama" = anggota ] && echo ", [imported, rejected]: $(sort -u "$SQLD/ga_hasil" | tr '\n' ' ' | sed 's/ $//')")"
	printf '{"bench":"%s","n":%s,"median_ms":%s,"baseline_median_ms":%s,"ratio":%s,"target":"%s","repeat":%s}\n' \
		"citus_gateway_$nama" "$n" "$a" "$b" "$ratio" "(info: cluster vs one node)" "${BENCH_REPEAT:-5}" >> "$BENCH_RESULTS"
done
kill -TERM "$GW_SATU" "$GW_CITUS" 2>/dev/null || true
wait "$GW_SATU" "$GW_CITUS" 2>/dev/null || true
GW_SATU= GW_CITUS=

#!/bin/sh
# Expensive reads cannot starve village work (issue 16 item 4): the routes that
# aggregate many villages (ringkasan, the class and priority lists, the village
# list) cost more of a token's read limit (x-kkb-cost), run on threads of
# their own (at most --max-heavy at a time), so the workers stay free; a short
# queue holds what waits (--heavy-queue), one token's share of it is bounded
# (--max-heavy-per-token), and their statements have their own timeout
# (--heavy-statement-timeout).  Then a province token hammers the national
# roll-up while a Pokja reads its village: every Pokja request is answered,
# quickly.
# An ACCESS EXCLUSIVE lock on kkb.indikator_bulanan from psql stands in for an
# expensive aggregate (ringkasan reads the stored monthly indicators; a
# village's own record does not).
# Fixture: a generated city, Kota Payakumbuh (13.76, 5% scale, 3 months), removed at the end.
. "$(dirname "$0")/lib.sh"

PORT=18740
CITY=13.76
P=2026-10
TMP=$KKB_TEST_DIR/berat
rm -rf "$TMP"; mkdir -p "$TMP"

cleanup() {
	sql "SELECT count(*) FROM kkb.hasilkan_hapus('$CITY');
	     UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 24)' AND dicabut IS NULL;" >/dev/null 2>&1
}
cleanup
sql "SELECT count(*) FROM kkb.hasilkan('$CITY', 0.05, 24, 3, '2026-10-01')" >/dev/null ||
	{ echo "Bail out! could not generate the fixture city $CITY"; exit 1; }
# its monthly indicators stored, as the nightly job keeps them: a ringkasan then reads stored rows (the
# bucket's timing below must not depend on how long computing them afresh takes - on a cluster, seconds)
cluster psql -d "$KKB_TEST_DB" -X -q -c "CALL kkb.indikator_siapkan('$CITY', 3)" >/dev/null 2>&1
A=$(sql "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")
ok "$([ -n "$A" ] && [ "$(sql "SELECT count(*) FROM kkb.indikator_bulanan WHERE kode_desa <@ '$CITY' AND periode = '$P-01'")" -gt 0 ]; echo $?)" \
	"fixture: a generated city $CITY (first village $A), its monthly indicators stored"
TPROV=$(token kkb_provinsi 13 "Portal Sumatera Barat (uji 24)")
TPROV2=$(token kkb_provinsi 13 "Portal kedua (uji 24)")
TA=$(token kkb_pokja "$A" "Pokja A (uji 24)")
TADMIN=$(token kkb_admin "$CITY" "Admin kota (uji 24)")
RINGKASAN="/v1/ringkasan?wilayah=$CITY&periode=$P&tingkat=4"

# lock_indikator SECONDS: hold an ACCESS EXCLUSIVE lock on kkb.indikator_bulanan from psql (background)
lock_indikator() {
	cluster psql -d "$KKB_TEST_DB" -X -q -tA -c "BEGIN" -c "LOCK TABLE kkb.indikator_bulanan IN ACCESS EXCLUSIVE MODE" \
		-c "SELECT pg_sleep($1) /* uji 24 */" -c "COMMIT" >/dev/null 2>&1 &
	LOCK_PID=$!
	i=0
	while [ $i -lt 50 ] && [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep($1) /* uji 24 */%'")" != 1 ]; do
		sleep 0.1; i=$((i + 1))
	done
}
unlock_indikator() {
	sql "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(% /* uji 24 */%' AND pid <> pg_backend_pid()" >/dev/null
	wait "$LOCK_PID" 2>/dev/null
}
# waiting_gateway N: wait (up to 5 s) until N gateway statements wait for a lock
waiting_gateway() {
	i=0
	while [ $i -lt 50 ] && [ "$(gw_lock_waits)" != "$1" ]; do
		sleep 0.1; i=$((i + 1))
	done
}
# timed TOKEN PATH NAME: GET PATH as TOKEN; writes "STATUS SECONDS" to $TMP/NAME.status, the body to $TMP/NAME.body
timed() {
	curl -s -D "$TMP/$3.h" -o "$TMP/$3.body" -w '%{http_code} %{time_total}' --max-time 30 \
		-H "Authorization: Bearer $1" "http://127.0.0.1:$GW_PORT$2" > "$TMP/$3.status"
}

# ================================================================ the cost of an expensive read
gw_start $PORT --limit-read 0.2/10 ||
	{ echo "Bail out! the gateway did not start"; exit 1; }
doc=$(curl -s "http://127.0.0.1:$PORT/openapi.json")
is "$(printf '%s' "$doc" | jq -c '[.paths["/v1/ringkasan"].get["x-kkb-cost"], .paths["/v1/klasifikasi"].get["x-kkb-cost"], .paths["/v1/prioritas"].get["x-kkb-cost"], .paths["/v1/desa"].get["x-kkb-cost"], .paths["/v1/desa/{kode}"].get["x-kkb-cost"]]')" \
	'[10,5,5,5,1]' "the API description gives each route's cost (x-kkb-cost): ringkasan 10, the lists 5, one village 1"
for k in 1 2 3 4 5; do
	r=$(api GET "/v1/wilayah/$CITY" "$TPROV")
	[ "$(status_of "$r")" = 200 ] || break
done
is "$k $(status_of "$r")" "5 200" "a read limit of 10 in a burst (refilled at 0.2 a second): five cheap reads (cost 1 each) are served"
r=$(api GET "$RINGKASAN" "$TPROV")
is_error "$r" 429 KKB-TERLALU-SERING "then a ringkasan (cost 10) is more than the bucket holds"
ok "$(jqb "$r" .details | grep -q 'costs 10 requests'; echo $?)" "  the answer says the route costs 10 requests" "$(jqb "$r" .details)"
ra=$(header_of GET "$RINGKASAN" Retry-After -H "Authorization: Bearer $TPROV")
ok "$(awk -v r="$ra" 'BEGIN { exit !(r >= 20 && r <= 26) }'; echo $?)" "  and Retry-After is the time to refill the missing 5 at 0.2 a second ($ra s)"
r=$(api GET "$RINGKASAN" "$TPROV2")
is "$(status_of "$r")" 200 "another token's full bucket pays for one ringkasan"
r=$(api GET "/v1/wilayah/$CITY" "$TPROV2")
is_error "$r" 429 KKB-TERLALU-SERING "  which empties it: its next cheap read waits"
gw_stop

# ================================================================ the pool of expensive reads
# one thread, one place in the queue, one request per token
gw_start $PORT --threads 4 --max-heavy 1 --heavy-queue 1 --max-heavy-per-token 1 --limit-read 0 ||
	{ echo "Bail out! the gateway did not start"; exit 1; }
TPROV3=$(token kkb_provinsi 13 "Portal ketiga (uji 24)")
lock_indikator 8
timed "$TPROV" "$RINGKASAN" pertama &
FIRST=$!
waiting_gateway 1
is "$(gw_lock_waits)" 1 \
	"a ringkasan waits (the stored indicators are locked): it holds the pool's one thread"
timed "$TPROV" "$RINGKASAN" sama
is "$(cut -d' ' -f1 "$TMP/sama.status") $(jq -c '[.code, (.details | test("1 expensive requests"))]' "$TMP/sama.body")" '429 ["KKB-TERLALU-SERING",true]' \
	"the same token's second ringkasan: 429, its one expensive request is in the pool"
timed "$TADMIN" "/v1/klasifikasi?wilayah=$CITY&periode=$P" antre &
QUEUED=$!
i=0
while [ $i -lt 50 ] && ! curl -s "http://127.0.0.1:$PORT/metrics" | grep -q '^kkb_heavy_requests_waiting 1$'; do sleep 0.1; i=$((i + 1)); done
m=$(curl -s "http://127.0.0.1:$PORT/metrics")
is "$(printf '%s\n' "$m" | sed -n 's/^kkb_heavy_requests_running //p') $(printf '%s\n' "$m" | sed -n 's/^kkb_heavy_requests_waiting //p')" "1 1" \
	"the city admin's class list waits in the queue (/metrics: 1 running, 1 waiting)"
timed "$TPROV3" "$RINGKASAN" kedua
is "$(cut -d' ' -f1 "$TMP/kedua.status") $(jq -c '[.code, (.message | test("paling banyak 2"))]' "$TMP/kedua.body")" '503 ["KKB-SIBUK",true]' \
	"a third token's ringkasan finds thread and queue taken: 503 KKB-SIBUK, naming the 2 places"
ok "$(awk -v t="$(cut -d' ' -f2 "$TMP/kedua.status")" 'BEGIN { exit !(t < 1) }'; echo $?)" \
	"  at once ($(cut -d' ' -f2 "$TMP/kedua.status") s), not queued"
is "$(tr -d '\r' < "$TMP/kedua.h" | sed -n 's/^Retry-After: //Ip')" 2 "  with Retry-After: 2"
timed "$TA" "/v1/desa/$A" desa
is "$(cut -d' ' -f1 "$TMP/desa.status")" 200 "the Pokja's own village is served meanwhile (the workers are free)"
ok "$(awk -v t="$(cut -d' ' -f2 "$TMP/desa.status")" 'BEGIN { exit !(t < 1) }'; echo $?)" "  at once ($(cut -d' ' -f2 "$TMP/desa.status") s)"
is "$(curl -s "http://127.0.0.1:$PORT/metrics" | sed -n 's/^kkb_heavy_requests_refused_total //p')" 2 "/metrics: 2 expensive reads refused"
unlock_indikator
wait "$FIRST"
wait "$QUEUED"
is "$(cut -d' ' -f1 "$TMP/pertama.status") $(cut -d' ' -f1 "$TMP/antre.status")" "200 200" \
	"once the lock is gone the running ringkasan and the queued class list are answered 200"
is "$(jq -r '.data | length' "$TMP/antre.body")" "$(sql "SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")" \
	"  the class list has every village of the city"
is "$(status_of "$(api GET "$RINGKASAN" "$TPROV")")" 200 "and the token may ask again"
gw_stop

# ================================================================ their statement timeout
gw_start $PORT --heavy-statement-timeout 1 --statement-timeout 30 --limit-read 0 ||
	{ echo "Bail out! the gateway did not start"; exit 1; }
lock_indikator 6
timed "$TPROV" "$RINGKASAN" waktu
unlock_indikator
st=$(cut -d' ' -f1 "$TMP/waktu.status")
tt=$(cut -d' ' -f2 "$TMP/waktu.status")
is "$st $(jq -c .code "$TMP/waktu.body")" '503 "KKB-WAKTU-HABIS"' "an expensive read waiting past --heavy-statement-timeout 1 is cancelled: 503 KKB-WAKTU-HABIS"
ok "$(awk -v t="$tt" 'BEGIN { exit !(t >= 0.9 && t < 4) }'; echo $?)" "  after about a second ($tt s), though --statement-timeout is 30"
is "$(sql "SHOW statement_timeout")" 0 "  (the timeout is the request's own: SET LOCAL)"
gw_stop

# ================================================================ a province hammers, a Pokja works
# eight connections of one province token ask for the city's roll-up by village
# without pause (no rate limit: the places alone protect); meanwhile the Pokja
# reads its village 40 times, one after the other
gw_start $PORT --threads 4 --limit-read 0 ||
	{ echo "Bail out! the gateway did not start"; exit 1; }
: > "$TMP/palu.out"
PALU=""
for k in 1 2 3 4 5 6 7 8; do
	( end=$(( $(date +%s) + 6 ))
	  while [ "$(date +%s)" -lt "$end" ]; do
		  curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -H "Authorization: Bearer $TPROV" \
			  "http://127.0.0.1:$PORT/v1/ringkasan?wilayah=13&periode=$P&tingkat=4&limit=1000"
	  done >> "$TMP/palu.out" ) &
	PALU="$PALU $!"
done
sleep 1
: > "$TMP/pokja.out"
for k in $(seq 1 40); do
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 -H "Authorization: Bearer $TA" \
		"http://127.0.0.1:$PORT/v1/desa/$A" >> "$TMP/pokja.out"
done
for p in $PALU; do wait "$p"; done
is "$(awk '$1 == 200' "$TMP/pokja.out" | wc -l | tr -d ' ')" 40 "while a province token hammers the roll-up: the Pokja's 40 reads are all answered 200"
mx=$(awk 'BEGIN { m = 0 } { if ($2 > m) m = $2 } END { printf "%.3f", m }' "$TMP/pokja.out")
med=$(sort -n -k2 "$TMP/pokja.out" | awk '{ a[NR] = $2 } END { printf "%.3f", a[int((NR + 1) / 2)] }')
ok "$(awk -v t="$mx" 'BEGIN { exit !(t < 1.5) }'; echo $?)" "  none waits behind the roll-ups: slowest $mx s, median $med s (make bench measures p99)"
ok "$(awk '$1 != 200 && $1 != 429 && $1 != 503' "$TMP/palu.out" | grep -q .; [ $? -ne 0 ]; echo $?)" \
	"the hammering requests get 200, 429 (the token's 4 in the pool) or 503 (queue full), nothing else ($(sort "$TMP/palu.out" | uniq -c | tr -s ' \n' ' '))"
ok "$([ "$(grep -c '^200$' "$TMP/palu.out")" -ge 1 ]; echo $?)" "  and the roll-up is still served, two at a time"
gw_stop

cleanup
done_testing

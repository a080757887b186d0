#!/bin/sh
# HTTP limits found by the hostile suite (07_hostile.sh), fixed in the gateway
# (gateway/src/http.c; docs/RELIABILITY.md):
# (i)  more query parameters than the connection's header memory holds are
#      answered 431 with the JSON error body at once (libmicrohttpd alone
#      left the client waiting until the idle timeout);
# (ii) a decoded NUL (%00) in the path, a query value or a query name is
#      refused with a JSON 400 (it used to cut the value short:
#      /v1/desa/A%00x was served as A);
# (iv) Content-Length values libmicrohttpd itself refuses are answered by
#      libmicrohttpd (400/413, its own HTML page: it offers no way to supply
#      ours) and the connection is closed; the gateway is unaffected;
# and --header-timeout: a kept-alive connection with no new request is
# closed after it; a bad value is refused at startup.
# Fixture (set up here, removed at the end): Kampung KB 13.73.03.2002.
. "$(dirname "$0")/lib.sh"

PORT=18430
A=13.73.03.2002
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LOAD=$ROOT/build/kkb-load
[ -x "$LOAD" ] || { echo "Bail out! $LOAD is missing: run make build (it builds the load client)"; exit 1; }

FIXTURE_DELETE="
DELETE FROM kkb.kampung WHERE kode_desa = '$A';
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 12)' AND dicabut IS NULL;"
sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES ('$A', 'Kampung KB Uji Batas', '2023-01-01');" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $A"
TA=$(token kkb_pokja $A "Pokja $A (uji 12)")

gw_start $PORT --header-timeout 2 --limit-anon 0 || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT (--header-timeout 2)"
U=http://127.0.0.1:$PORT

# ================================================================ (i) many query parameters
params() { i=0; while [ $i -lt "$1" ]; do printf '&p%d=%d' $i $i; i=$((i + 1)); done; }
r=$(api GET "/v1/wilayah?induk=13.77$(params 250)" "")
is "$(status_of "$r")" 200 "250 query parameters (within --max-header 32768: at most 256) are served"
for n in 300 500 2000; do
	out=$(curl -s -w '\n%{http_code} %{time_total}' --max-time 10 "$U/v1/wilayah?induk=13.77$(params $n)")
	st=$(printf '%s\n' "$out" | tail -n 1)
	is "${st%% *}" 431 "$n query parameters: 431"
	is "$(printf '%s\n' "$out" | sed '$d' | jq -c '[.code, has("message"), has("details"), has("hint")]' 2>/dev/null)" '["KKB-PARAMETER-TERLALU-BANYAK",true,true,true]' \
		"  with the JSON error body"
	ok "$(awk -v t="${st#* }" 'BEGIN { exit !(t < 1) }'; echo $?)" "  at once (${st#* } s), not at the idle timeout"
done
is "$(curl -s -o /dev/null -w '%{http_code}' "$U/v1/health")" 200 "the gateway answers the next request"

# ================================================================ (ii) %00
clean_400() {
	is "$(status_of "$1") $(jqb "$1" '[.code, (.message | test("NUL"))]')" '400 ["KKB-URL-NUL",true]' "$2: JSON 400 naming the NUL byte"
}
clean_400 "$(api GET "/v1/desa/$A%00x" "$TA")" "GET /v1/desa/A%00x"
clean_400 "$(api GET "/v1/desa/13.77.03.2006%00" "$TA")" "GET /v1/desa/<another village>%00"
clean_400 "$(api GET "/v1/desa/$A/profil?periode=2026-10%00x" "$TA")" "periode=2026-10%00x"
clean_400 "$(api GET "/v1/wilayah?ind%00uk=13.77" "")" "a query name with %00"
clean_400 "$(api_json POST "/v1/desa/$A/anggota?dry_run=true%00" "$TA" '[]')" "POST ...?dry_run=true%00"
is "$(status_of "$(api GET "/v1/desa/$A" "$TA")")" 200 "GET /v1/desa/A itself: 200"
is "$(status_of "$(api GET "/v1/wilayah?induk=13.77&catatan=50%2500" "")")" 200 "an escaped percent sign (%2500 is the text %00) is not a NUL: 200"
# the refusal belongs to its request: the next one on the same kept-alive connection is served
is "$(curl -s -o /dev/null -o /dev/null -w '%{http_code} %{num_connects}\n' "$U/v1/wilayah/13.77%00" "$U/v1/wilayah/13.77" | paste -sd ' ' -)" "400 1 200 0" \
	"a %00 request, then a good one on the same connection: 400, then 200"

# ================================================================ (iv) Content-Length refused by libmicrohttpd
# raw REQUEST: the status of the answer, and "still open" when the gateway did not close the connection within 3 s
raw() {
	printf "$1" | "$LOAD" raw --port $PORT --seconds 3 2>&1 | tr -d '\r' |
		sed -n -e '1s/^HTTP\/1.1 \([0-9]*\).*/\1/p' -e 's/^kkb-load: no end of the answer.*/still open/p' | paste -sd ' ' -
}
for cl in abc -1 +2 0x2 "1 2" 99999999999999999999999; do
	is "$(raw "POST /v1/desa/$A/anggota HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $TA\r\nContent-Type: application/json\r\nContent-Length: $cl\r\n\r\n[]")" \
		"$(case "$cl" in 9*) echo 413 ;; *) echo 400 ;; esac)" "Content-Length: $cl: libmicrohttpd answers it (its own page) and closes"
done
is "$(raw "POST /v1/desa/$A/anggota HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $TA\r\nContent-Type: application/json\r\nContent-Length: 18446744073709551615\r\n\r\n[]")" \
	413 "Content-Length: 2^64-1 (parsed, over the limit): the gateway's own 413"
is "$(curl -s -o /dev/null -w '%{http_code}' "$U/v1/health")" 200 "the gateway still answers"

# ================================================================ --header-timeout
t0=$(date +%s.%N)
s=$(printf 'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n' | "$LOAD" raw --port $PORT --seconds 10 | tr -d '\r' | sed -n '1s/^HTTP\/1.1 \([0-9]*\).*/\1/p')
t=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
is "$s" 200 "a kept-alive connection: its request is answered"
ok "$(awk -v t="$t" 'BEGIN { exit !(t >= 1.5 && t < 4) }'; echo $?)" "  and, with no further request, it is closed after the 2 s header timeout (${t} s)"
"$KKB_GATEWAY_BIN" --header-timeout 0 2>"$KKB_TEST_DIR/uji12.err"
is "$?" 2 "--header-timeout 0 is refused (exit 2)"
grep -q 'invalid header-timeout "0"' "$KKB_TEST_DIR/uji12.err"
ok $? "  with a message naming it"
"$KKB_GATEWAY_BIN" --help | grep -q -- '--header-timeout SECONDS'
ok $? "--help lists --header-timeout"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged"
sql "$FIXTURE_DELETE" >/dev/null
rm -f "$KKB_TEST_DIR/uji12.err"
done_testing

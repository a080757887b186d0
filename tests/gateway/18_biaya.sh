#!/bin/sh
# Expensive or stuck requests cannot take the gateway (issue 16 item 4, in part):
# every request's statements are bounded by --statement-timeout (cancelled,
# answered 503 KKB-WAKTU-HABIS with Retry-After, nothing written), and
# --max-inflight-per-token caps how many requests of one token are handled at
# once (one more: 429 at once), so another caller still finds a free worker.
# A row lock held from psql stands in for an expensive statement.
. "$(dirname "$0")/lib.sh"

PORT=18718
PORT2=18719
A=13.73.03.2003
B=13.73.03.2004
TMP=$KKB_TEST_DIR/biaya
rm -rf "$TMP"; mkdir -p "$TMP"
FIXTURE_DELETE="
DELETE FROM kkb.keluarga WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 18)' AND dicabut IS NULL;"
sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji Biaya A'), ('$B', 'Kampung KB Uji Biaya B');
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw) VALUES ('$A', '1373030101260101', 1, 1);" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
TA=$(token kkb_pokja $A "Pokja A (uji 18)")
TB=$(token kkb_pokja $B "Pokja B (uji 18)")

# lock_family SECONDS: hold the family's row lock from psql (background)
lock_family() {
	cluster psql -d "$KKB_TEST_DB" -X -q -tA -c "BEGIN" \
		-c "SELECT 1 FROM kkb.keluarga WHERE kode_desa = '$A' AND no_kk = '1373030101260101' FOR UPDATE" \
		-c "SELECT pg_sleep($1) /* uji 18 */" -c "COMMIT" >/dev/null 2>&1 &
	LOCK_PID=$!
	i=0
	while [ $i -lt 50 ] && [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep($1) /* uji 18 */%'")" != 1 ]; do
		sleep 0.1; i=$((i + 1))
	done
}
unlock_family() {
	sql "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(% /* uji 18 */%' AND pid <> pg_backend_pid()" >/dev/null
	wait "$LOCK_PID" 2>/dev/null
}
BATCH='[{"no_kk":"1373030101260102","rt":2,"rw":1},{"no_kk":"1373030101260101","rt":9,"rw":1}]'
sync_a() {  # sync_a PORT NAME: POST the batch (a new family, then the locked one) as pokja A
	curl -s -D "$TMP/$2.h" -o "$TMP/$2.body" -w '%{http_code} %{time_total}' --max-time 30 -X POST \
		"http://127.0.0.1:$1/v1/desa/$A/keluarga" -H "Authorization: Bearer $TA" -H 'Content-Type: application/json' \
		--data-binary "$BATCH" > "$TMP/$2.status"
}

# ================================================================ the statement timeout
gw_start $PORT --statement-timeout 1
ok $? "a gateway with --statement-timeout 1"
lock_family 6
sync_a $PORT timeout
unlock_family
st=$(cut -d' ' -f1 "$TMP/timeout.status")
tt=$(cut -d' ' -f2 "$TMP/timeout.status")
is "$st $(jq -c .code "$TMP/timeout.body")" '503 "KKB-WAKTU-HABIS"' "a statement waiting past the timeout is cancelled: 503 KKB-WAKTU-HABIS"
ok "$(awk -v t="$tt" 'BEGIN { exit !(t >= 0.9 && t < 4) }'; echo $?)" "  after about a second ($tt s), not after the lock's 6 s"
is "$(tr -d '\r' < "$TMP/timeout.h" | sed -n 's/^Retry-After: //Ip')" 5 "  with Retry-After"
is "$(sql "SELECT count(*) FROM kkb.keluarga WHERE kode_desa = '$A'")" 1 "  and nothing of the batch was written"
r=$(api GET /v1/desa/$A "$TA")
is "$(status_of "$r")" 200 "the next request is served"
gw_stop

# ================================================================ requests of one token in flight
gw_start $PORT2 --threads 4 --max-inflight-per-token 1 --statement-timeout 20
ok $? "a gateway with four workers and --max-inflight-per-token 1"
lock_family 8
sync_a $PORT2 eins &
SYNC=$!
i=0
while [ $i -lt 50 ] && [ "$(gw_lock_waits)" != 1 ]; do
	sleep 0.1; i=$((i + 1))
done
r=$(api GET /v1/desa/$A "$TA")
is_error "$r" 429 KKB-TERLALU-SERING "a second request of the token whose first is still running"
is "$(header_of GET /v1/desa/$A Retry-After -H "Authorization: Bearer $TA")" 1 "  with Retry-After: 1"
t0=$(date +%s.%N)
r=$(api GET /v1/desa/$B "$TB")
t1=$(date +%s.%N)
is "$(status_of "$r")" 200 "another village's request is served meanwhile"
ok "$(awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a < 1) }'; echo $?)" "  at once ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') s)"
unlock_family
wait "$SYNC"
is "$(cut -d' ' -f1 "$TMP/eins.status")" 200 "the first request is answered once the lock is gone"
is "$(status_of "$(api GET /v1/desa/$A "$TA")")" 200 "and the token's next request is served again"
gw_stop

sql "$FIXTURE_DELETE" >/dev/null
done_testing

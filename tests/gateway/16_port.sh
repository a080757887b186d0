#!/bin/sh
# Starting the gateway: a port in use is an error (no SO_REUSEPORT: two gateways
# on one port would split the requests between them), `make run` checks its port
# before it touches anything, and the settings come from one table (--help, the
# environment variables, the flags, the ranges, --version).
. "$(dirname "$0")/lib.sh"

PORT=18700
PORT2=18701
PORT3=18702
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
DB="host=$KKB_TEST_DIR port=$KKB_TEST_PORT dbname=$KKB_TEST_DB user=postgres"
SECOND_LOG=$KKB_TEST_DIR/gateway-second.log

gw_start $PORT
ok $? "the first gateway listens on 127.0.0.1:$PORT"

# second_gateway ARGS...: run another gateway (at most 10 s); sets SECOND_RC and SECOND_SECONDS
second_gateway() {
	t0=$(date +%s.%N)
	timeout 10 "$KKB_GATEWAY_BIN" --threads 2 --db "$DB" "$@" 2>"$SECOND_LOG" </dev/null
	SECOND_RC=$?
	SECOND_SECONDS=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
}
error_line() { grep '"level":"error"' "$SECOND_LOG" | tail -n 1; }

# ================================================================ a second gateway on the same port
second_gateway --listen 127.0.0.1 --port $PORT
is "$SECOND_RC" 1 "a second gateway on the same port exits 1"
ok "$(awk -v t="$SECOND_SECONDS" 'BEGIN { exit !(t < 5) }'; echo $?)" "  at once (${SECOND_SECONDS} s)"
is "$(error_line | jq -r .msg)" "could not listen on 127.0.0.1 port $PORT: address already in use" \
	"  logging an error that names the address, the port and the cause"
is "$(error_line | jq -c '[.listen, .port]')" "[\"127.0.0.1\",$PORT]" "  with the address and the port as fields"
ok "$(error_line | jq -r .hint | grep -q -- '--port or KKB_PORT'; echo $?)" "  and a hint naming the flag and the environment variable to change"
ok "$(grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$SECOND_LOG"; [ $? -ne 0 ]; echo $?)" \
	"  and it exits clean under the sanitizers"

second_gateway --listen 0.0.0.0 --port $PORT
is "$SECOND_RC" 1 "a second gateway on every interface (0.0.0.0) with the same port exits 1 too"
is "$(error_line | jq -r .msg)" "could not listen on 0.0.0.0 port $PORT: address already in use" "  naming 0.0.0.0"

KKB_PORT=$PORT second_gateway --listen 127.0.0.1
is "$SECOND_RC" 1 "the port given by KKB_PORT: the same error"

# the first gateway answers every request: none went to another process
codes=$(i=0; while [ $i -lt 20 ]; do curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$PORT/v1/health"; i=$((i + 1)); done | sort | uniq -c | awk '{ print $2 "x" $1 }')
is "$codes" "200x20" "the first gateway still answers: 20 of 20 requests 200"
kill -0 "$GW_PID" 2>/dev/null
ok $? "  and is still running"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "  without an error in its log"

# ================================================================ make run (scripts/run.sh) on a busy port
RUN_DIR=$KKB_TEST_DIR/run-busy
out=$(cd "$ROOT" && RUN_DIR=$RUN_DIR RUN_PORT=54399 HTTP_PORT=$PORT scripts/run.sh 2>&1 </dev/null)
is "$?" 1 "scripts/run.sh with HTTP_PORT on a busy port exits 1"
ok "$(printf '%s\n' "$out" | grep -q "port $PORT on 127.0.0.1 is already in use"; echo $?)" "  saying that port $PORT is in use"
ok "$(printf '%s\n' "$out" | grep -q "make run HTTP_PORT=8081"; echo $?)" "  and naming HTTP_PORT in its hint"
ok "$([ ! -e "$RUN_DIR" ]; echo $?)" "  before it starts a database (no $RUN_DIR)"
ok "$(printf '%s\n' "$out" | grep -qiE 'token|running|starting'; [ $? -ne 0 ]; echo $?)" "  and without a banner or tokens"

gw_stop
is "$GW_STATUS" 0 "the first gateway stops cleanly"

# ================================================================ the settings table
want_version=$(sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" "$ROOT/extension/kampungkb.control")
is "$("$KKB_GATEWAY_BIN" --version)" "kkb-gateway $want_version" "--version prints the extension's default_version ($want_version)"
is "$(KKB_PORT=bad "$KKB_GATEWAY_BIN" --version 2>&1)" "kkb-gateway $want_version" "  whatever the environment holds (KKB_PORT=bad)"
"$KKB_GATEWAY_BIN" --help > "$KKB_TEST_DIR/help.txt"
is "$?" 0 "--help exits 0"
missing=
for s in db:KKB_DB listen:KKB_LISTEN port:KKB_PORT threads:KKB_THREADS max-connections:KKB_MAX_CONNECTIONS \
	timeout:KKB_TIMEOUT header-timeout:KKB_HEADER_TIMEOUT max-body:KKB_MAX_BODY max-header:KKB_MAX_HEADER \
	drain:KKB_DRAIN token-ttl:KKB_TOKEN_TTL cors-origins:KKB_CORS_ORIGINS cors-max-age:KKB_CORS_MAX_AGE \
	limit-read:KKB_LIMIT_READ limit-write:KKB_LIMIT_WRITE limit-anon:KKB_LIMIT_ANON; do
	grep -q -- "--${s%%:*} " "$KKB_TEST_DIR/help.txt" && grep -q "${s#*:}; default" "$KKB_TEST_DIR/help.txt" || missing="$missing ${s%%:*}"
done
is "$missing" "" "--help lists all 16 settings with their environment variables and defaults"
ok "$(grep -q 'KKB_PORT; default: 8080; from 1 to 65535' "$KKB_TEST_DIR/help.txt"; echo $?)" "  e.g. the port's default and range"

"$KKB_GATEWAY_BIN" --port 70000 2>"$KKB_TEST_DIR/bad.err"
is "$?" 2 "--port 70000 is refused (exit 2)"
is "$(cat "$KKB_TEST_DIR/bad.err")" 'kkb-gateway: invalid port "70000" from --port: expected a whole number from 1 to 65535' \
	"  naming the setting, the value, the flag and the range"
KKB_MAX_BODY=100 "$KKB_GATEWAY_BIN" 2>"$KKB_TEST_DIR/bad.err"
is "$?" 2 "KKB_MAX_BODY=100 is refused (exit 2)"
is "$(cat "$KKB_TEST_DIR/bad.err")" \
	'kkb-gateway: invalid max-body "100" from the environment variable KKB_MAX_BODY: expected a whole number from 1024 to 1073741824 (bytes)' \
	"  naming the environment variable"
KKB_LIMIT_READ=5 "$KKB_GATEWAY_BIN" 2>"$KKB_TEST_DIR/bad.err"
ok "$(grep -q 'invalid limit-read "5" from the environment variable KKB_LIMIT_READ: expected RATE/BURST' "$KKB_TEST_DIR/bad.err"; echo $?)" \
	"a rate limit without a burst is refused, naming KKB_LIMIT_READ"
"$KKB_GATEWAY_BIN" --no-such-flag 2>"$KKB_TEST_DIR/bad.err"
is "$?" 2 "an unknown flag is refused (exit 2)"
"$KKB_GATEWAY_BIN" 8080 2>"$KKB_TEST_DIR/bad.err"
is "$?" 2 "a stray argument is refused (exit 2)"

# the environment sets a value; a flag wins over it
export KKB_PORT=$PORT2
gw_start $PORT3
ok $? "KKB_PORT=$PORT2 with --port $PORT3: the gateway starts"
is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT3/v1/health")" 200 "  on the flag's port $PORT3"
is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT2/v1/health")" 000 "  and not on the environment's port $PORT2"
is "$(grep '"msg":"listening"' "$GW_LOG" | jq -c '[.version, .port]')" "[\"$want_version\",$PORT3]" \
	"  logging its version and port when it starts listening"
gw_stop
is "$GW_STATUS" 0 "it stops cleanly"
unset KKB_PORT

KKB_PORT=$PORT2 KKB_LISTEN=127.0.0.1 KKB_DB="$DB" KKB_THREADS=1 "$KKB_GATEWAY_BIN" 2>"$KKB_TEST_DIR/gateway-env.log" &
pid=$!
echo "$pid" >> "$KKB_TEST_DIR/gateway.pids"
i=0; until curl -s -o /dev/null "http://127.0.0.1:$PORT2/v1/health" || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.05; done
is "$(curl -s "http://127.0.0.1:$PORT2/v1/health" | jq -r .status)" ok "with only environment variables (KKB_PORT, KKB_LISTEN, KKB_DB, KKB_THREADS) it serves on $PORT2"
kill -TERM "$pid"; wait "$pid"
is "$?" 0 "  and stops cleanly"

done_testing

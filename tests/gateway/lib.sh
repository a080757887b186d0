# lib.sh - helpers for the black-box gateway tests (sourced, not run).
#
# TAP output: ok COND NAME, is GOT WANT NAME, done_testing.
# gw_start PORT [ARGS]: start the real kkb-gateway against the test database,
# wait until it answers; gw_stop: SIGTERM it and wait.
# Environment (set by scripts/test.sh): KKB_TEST_DIR, KKB_TEST_PORT,
# KKB_TEST_DB, KKB_GATEWAY_BIN.

TAP_N=0
TAP_FAILED=0

ok() {
	# ok "$cond_exit_status" "name"
	TAP_N=$((TAP_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $TAP_N - $2"
	else
		TAP_FAILED=$((TAP_FAILED + 1))
		echo "not ok $TAP_N - $2"
	fi
}

is() {
	# is "$got" "$want" "name"
	TAP_N=$((TAP_N + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $TAP_N - $3"
	else
		TAP_FAILED=$((TAP_FAILED + 1))
		echo "not ok $TAP_N - $3"
		printf '#          got: %s\n#     expected: %s\n' "$1" "$2"
	fi
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}

GW_PID=
GW_LOG=

gw_start() {
	GW_PORT=$1
	shift
	GW_LOG=$KKB_TEST_DIR/gateway-$GW_PORT.log
	if curl -s -o /dev/null "http://127.0.0.1:$GW_PORT/"; then
		echo "# port $GW_PORT is already in use by another process; stop it first"
		return 1
	fi
	"$KKB_GATEWAY_BIN" --listen 127.0.0.1 --port "$GW_PORT" --threads 2 \
		--db "host=$KKB_TEST_DIR port=$KKB_TEST_PORT dbname=$KKB_TEST_DB user=postgres" "$@" \
		2>"$GW_LOG" &
	GW_PID=$!
	echo "$GW_PID" >> "$KKB_TEST_DIR/gateway.pids"
	i=0
	while [ $i -lt 100 ]; do
		if curl -s -o /dev/null "http://127.0.0.1:$GW_PORT/v1/health"; then
			return 0
		fi
		kill -0 "$GW_PID" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	echo "# the gateway did not come up; its log:"
	sed 's/^/#   /' "$GW_LOG"
	return 1
}

gw_stop() {
	[ -n "$GW_PID" ] || return 0
	kill -TERM "$GW_PID" 2>/dev/null || true
	wait "$GW_PID" 2>/dev/null
	GW_STATUS=$?
	GW_PID=
	return 0
}

# http METHOD PATH [curl args]: prints "STATUS BODY"
http() {
	m=$1
	p=$2
	shift 2
	out=$(curl -s -X "$m" -w '\n%{http_code}' "http://127.0.0.1:$GW_PORT$p" "$@")
	printf '%s %s\n' "$(printf '%s\n' "$out" | tail -n 1)" "$(printf '%s\n' "$out" | sed '$d' | tr -d '\n')"
}

cluster() { "$(dirname "$0")/../../scripts/cluster.sh" "$KKB_TEST_DIR" "$KKB_TEST_PORT" "$@"; }

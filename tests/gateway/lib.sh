# lib.sh - helpers for the black-box gateway tests (sourced, not run).
#
# TAP output: ok COND NAME, is GOT WANT NAME, done_testing.
# gw_start PORT [ARGS]: start the real kkb-gateway against the test database,
# wait until it answers; gw_stop: SIGTERM it and wait.  The gateway connects
# as its own login, as `make run`'s does (gerbang: a member of kkb_gateway, not
# a superuser; made by scripts/test.sh with `cluster.sh login`); KKB_GATEWAY_LOGIN
# names another.  The tests' own SQL (sql, below) runs as the superuser.
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

# tap_dari FILE: the "ok - NAME" / "not ok - NAME" lines of another program's output
# (a browser script, a checker) become tests of this file; other lines pass through
tap_dari() {
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok 0 "${line#ok - }" ;;
		"not ok - "*) ok 1 "${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done < "$1"
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}

GW_PID=
GW_LOG=

# the gateway's connection string: its login, the password from the cluster's passfile
gw_conninfo() {
	printf 'host=%s port=%s dbname=%s user=%s passfile=%s/pgpass' \
		"$KKB_TEST_DIR" "$KKB_TEST_PORT" "$KKB_TEST_DB" "${KKB_GATEWAY_LOGIN:-gerbang}" "$KKB_TEST_DIR"
}

gw_start() {
	GW_PORT=$1
	shift
	GW_LOG=$KKB_TEST_DIR/gateway-$GW_PORT.log
	if curl -s -o /dev/null "http://127.0.0.1:$GW_PORT/"; then
		echo "# port $GW_PORT is already in use by another process; stop it first"
		return 1
	fi
	# the refresher of the stored monthly indicators (penyegar.c) is off unless a test turns it on
	# (--refresh-months N after the port): its background work would only add noise to timings
	"$KKB_GATEWAY_BIN" --listen 127.0.0.1 --port "$GW_PORT" --threads 2 --refresh-months 0 \
		--db "$(gw_conninfo)" "$@" \
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
	# a sanitizer build (make test runs one) reports memory errors, leaks and
	# undefined behaviour on stderr: each stop is a test that there were none
	if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$GW_LOG" 2>/dev/null; then
		ok 1 "the gateway ran clean under the sanitizers ($GW_LOG)"
		grep -E -A12 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$GW_LOG" | head -40 | sed 's/^/#   /'
	else
		ok 0 "the gateway ran clean under the sanitizers"
	fi
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

# ---------------------------------------------------------------- helpers for the API tests

# sql QUERY: run QUERY in the test database as the superuser; prints the rows
# unaligned (fields separated by |), stops the test file on an error.
sql() {
	cluster psql -d "$KKB_TEST_DB" -X -q -tA -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "$1"
}

# gw_lock_waits: how many of the gateway's sessions wait for a lock - on a Citus cluster in the
# workers' sessions of their transactions (citus_stat_activity, joined by global_pid)
gw_lock_waits() {
	if [ "$(sql "SELECT count(*) FROM pg_extension WHERE extname = 'citus'")" = 1 ]; then
		sql "SELECT count(DISTINCT c.global_pid) FROM citus_stat_activity c JOIN citus_stat_activity w ON w.global_pid = c.global_pid
		      WHERE c.application_name = 'kkb-gateway' AND NOT c.is_worker_query AND w.wait_event_type = 'Lock'"
	else
		sql "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'kkb-gateway'"
	fi
}

# sql_state QUERY: run QUERY; prints "ok" or the SQLSTATE it failed with.
sql_state() {
	cluster psql -d "$KKB_TEST_DB" -X -q -tA -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -c "$1" 2>&1 >/dev/null |
		sed -n 's/^ERROR:  \([0-9A-Z]\{5\}\):.*/\1/p' | head -n 1 | grep . || echo ok
}

# token ROLE SCOPE LABEL [OPD] [EXPIRY]: create a gateway token with
# kkb.token_buat and print it (SCOPE, OPD and EXPIRY may be "" for none).
token() {
	sql "SELECT kkb.token_buat('$1', NULLIF('$2', '')::kkb.kode_wilayah, '$3', NULLIF('${4:-}', ''), NULLIF('${5:-}', '')::timestamptz)"
}

# api METHOD PATH TOKEN [curl args]: like http, with "Authorization: Bearer
# TOKEN" when TOKEN is not empty; prints "STATUS BODY".
api() {
	m=$1
	p=$2
	t=$3
	shift 3
	if [ -n "$t" ]; then
		http "$m" "$p" -H "Authorization: Bearer $t" "$@"
	else
		http "$m" "$p" "$@"
	fi
}

# api_json METHOD PATH TOKEN JSON: api with a JSON body.
api_json() {
	api "$1" "$2" "$3" -H 'Content-Type: application/json' --data-binary "$4"
}

# status_of "STATUS BODY" / body_of "STATUS BODY"
status_of() { printf '%s\n' "${1%% *}"; }
body_of() { printf '%s\n' "${1#* }"; }

# jqb "STATUS BODY" FILTER: jq -c FILTER over the body (prints "invalid JSON" when it is not JSON)
jqb() { printf '%s\n' "${1#* }" | jq -c "$2" 2>/dev/null || echo "invalid JSON"; }

# header_of METHOD PATH HEADER [curl args]: the value of a response header
header_of() {
	m=$1
	p=$2
	hname=$3
	shift 3
	curl -s -o /dev/null -D - -X "$m" "http://127.0.0.1:$GW_PORT$p" "$@" | tr -d '\r' |
		sed -n "s/^$hname: //Ip" | head -n 1
}

# is_error "STATUS BODY" STATUS CODE NAME: the status, the error body's keys and its code.  CODE is
# a registry code (KKB-...), or for a database error its SQLSTATE (5 characters: the body's "sqlstate")
is_error() {
	is "$(status_of "$1")" "$2" "$4: status $2"
	case $3 in
	KKB-*) f='.code' ;;
	*) f='.sqlstate' ;;
	esac
	is "$(jqb "$1" "[has(\"code\"), has(\"message\"), has(\"details\"), has(\"hint\"), ($f | tostring)]")" \
		"[true,true,true,true,\"$3\"]" "$4: error body with code $3"
}

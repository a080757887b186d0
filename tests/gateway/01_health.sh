#!/bin/sh
# Gateway foundation: health, database outage and recovery, unknown routes, SIGTERM.
. "$(dirname "$0")/lib.sh"

PORT=18081
gw_start $PORT
ok $? "the gateway starts and listens on 127.0.0.1:$PORT"

VERSION=$(cluster psql -d "$KKB_TEST_DB" -tAc "SELECT extversion FROM pg_extension WHERE extname = 'kampungkb'")

r=$(http GET /v1/health)
is "${r%% *}" 200 "GET /v1/health answers 200"
is "$(echo "${r#* }" | jq -c .)" "{\"status\":\"ok\",\"database\":\"ok\",\"versi\":\"$VERSION\"}" \
	"the health body names the extension version $VERSION"
is "$(curl -s -o /dev/null -w '%{content_type}' http://127.0.0.1:$PORT/v1/health)" "application/json; charset=utf-8" \
	"health is served as JSON"

# the database goes away: 503, quickly, and the gateway stays up
cluster stop fast
r=$(http GET /v1/health)
is "${r%% *}" 503 "health answers 503 while the database is stopped"
is "$(echo "${r#* }" | jq -r .database)" unavailable "and says the database is unavailable"
t=$(curl -s -o /dev/null -w '%{time_total}' http://127.0.0.1:$PORT/v1/health)
ok "$(awk -v t="$t" 'BEGIN { exit !(t < 1.0) }'; echo $?)" "the 503 comes quickly (${t}s)"
kill -0 "$GW_PID" 2>/dev/null
ok $? "the gateway process is still running during the outage"

# back again: 200 from the same process, without a restart
cluster start
r=$(http GET /v1/health)
is "${r%% *}" 200 "health answers 200 again after the database restarts (same gateway process)"
is "$(echo "${r#* }" | jq -r .versi)" "$VERSION" "with the version"

# unknown route: 404 with the JSON error body
r=$(http GET /v1/tidak-ada)
is "${r%% *}" 404 "an unknown route answers 404"
is "$(echo "${r#* }" | jq -r '[has("code"), has("message"), has("details"), has("hint")] | all')" true \
	"the 404 body has code, message, details and hint"
is "$(echo "${r#* }" | jq -r .code)" KKB-RUTE-TIDAK-ADA "the 404 code is KKB-RUTE-TIDAK-ADA"
r=$(http GET /tidak-ada.html)
is "${r%% *}" 404 "GET /tidak-ada.html (outside the API and the dashboard's files) answers 404"

# wrong method on a known path: 405 with Allow
is "$(curl -s -o /dev/null -w '%{http_code}' -X DELETE http://127.0.0.1:$PORT/v1/health)" 405 "DELETE /v1/health answers 405"
is "$(curl -s -D - -o /dev/null -X DELETE http://127.0.0.1:$PORT/v1/health | tr -d '\r' | sed -n 's/^Allow: //p')" GET \
	"with Allow: GET"

# a body over the limit is refused with 413
big=$(head -c 3000 /dev/zero | tr '\0' 'x')
gw_stop
gw_start $PORT --max-body 1024
is "$(curl -s -o /dev/null -w '%{http_code}' -X POST --data "$big" http://127.0.0.1:$PORT/v1/health)" 413 \
	"a body larger than --max-body answers 413"

# SIGTERM: clean exit, status 0, logged
gw_stop
is "$GW_STATUS" 0 "SIGTERM stops the gateway with exit status 0"
grep -q '"msg":"stopped"' "$GW_LOG"
ok $? "the gateway logs that it stopped"
curl -s -o /dev/null "http://127.0.0.1:$PORT/v1/health"
ok "$([ $? -ne 0 ]; echo $?)" "nothing listens on the port afterwards"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"

done_testing

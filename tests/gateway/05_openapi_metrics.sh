#!/bin/sh
# GET /openapi.json: a valid OpenAPI 3 document (checked with a real validator
# from npm, tests/gateway/node) that describes every route of the router
# (kkb-gateway --routes, and the rows of routes.c); GET /metrics: Prometheus
# text that counts the requests just made, by route and status, with latency,
# connections and database errors.
. "$(dirname "$0")/lib.sh"

PORT=18095
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$KKB_TEST_DIR/uji05
mkdir -p "$TMP"

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# ================================================================ /openapi.json
r=$(api GET /openapi.json "")
is "$(status_of "$r")" 200 "GET /openapi.json answers 200 without a token"
is "$(header_of GET /openapi.json Content-Type)" "application/json; charset=utf-8" "as JSON"
body_of "$r" > "$TMP/openapi.json"
is "$(jq -c '[.openapi, .info.title, (.paths | length > 0)]' "$TMP/openapi.json")" '["3.0.3","kampungkb REST gateway",true]' \
	"an OpenAPI 3.0.3 document with paths"
is "$(jq -c '.components.schemas.Error.required' "$TMP/openapi.json")" '["code","message","details","hint"]' \
	"the error body schema {code, message, details, hint}"
is "$(jq -c '[.paths[][] | select(.responses | has("500") | not)] | length' "$TMP/openapi.json")" 0 \
	"every operation lists its error responses"
is "$(jq -c '.paths["/v1/desa/{kode}/anggota"].post | [(.parameters | map(.name)), (.requestBody.content | keys), (.responses | has("413"))]' "$TMP/openapi.json")" \
	'[["kode","dry_run","atomik","baru"],["application/json","text/csv"],true]' "a bulk route: path and query parameters, JSON or CSV body, 413"
is "$(jq -c '.paths["/v1/desa/{kode}"].get.security' "$TMP/openapi.json")" '[{"bearer":[]}]' "routes that need a token say so"

# the router's own list, and the rows of the route table in routes.c: the same, and all in the document
"$KKB_GATEWAY_BIN" --routes | sort > "$TMP/routes.txt"
sed -n 's/^[[:space:]]*{"\([A-Z]*\)", "\([^"]*\)",.*/\1 \2/p' "$HERE/../../gateway/src/routes.c" | sort > "$TMP/routes_c.txt"
ok "$(test -s "$TMP/routes.txt" && cmp -s "$TMP/routes.txt" "$TMP/routes_c.txt"; echo $?)" \
	"kkb-gateway --routes lists the $(wc -l < "$TMP/routes.txt") rows of routes.c"
jq -r '.paths | to_entries[] | .key as $p | .value | keys[] | ascii_upcase + " " + $p' "$TMP/openapi.json" | sort > "$TMP/doc_routes.txt"
ok "$(cmp -s "$TMP/routes.txt" "$TMP/doc_routes.txt"; echo $?)" "every route of the router appears in /openapi.json, and nothing else"
diff "$TMP/routes.txt" "$TMP/doc_routes.txt" | sed 's/^/# /'

# the validator (pinned in node/package-lock.json): installed with npm ci when missing
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP node or npm is not installed: /openapi.json not validated"
	TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP node or npm is not installed"
else
	if [ ! -d "$HERE/node/node_modules/@seriousme/openapi-schema-validator" ]; then
		npm ci --prefix "$HERE/node" --no-audit --no-fund >"$TMP/npm.log" 2>&1 || sed 's/^/# /' "$TMP/npm.log"
	fi
	node "$HERE/node/validate-openapi.mjs" "$TMP/openapi.json" > "$TMP/validated.txt" 2>"$TMP/validator.log"
	ok $? "/openapi.json validates as OpenAPI 3 (@seriousme/openapi-schema-validator, all \$refs resolved)"
	sed 's/^/# /' "$TMP/validator.log" | head -n 20
	sort "$TMP/validated.txt" | cmp -s - "$TMP/routes.txt"
	ok $? "the validator's list of operations is the router's"
fi
is "$(status_of "$(api POST /openapi.json "")")" 405 "POST /openapi.json answers 405"

# ================================================================ /metrics
metric() {
	# metric NAME_AND_LABELS: its value in a fresh scrape, 0 when absent
	curl -s "http://127.0.0.1:$PORT/metrics" | awk -v k="$1" 'index($0, k " ") == 1 { v = $2 } END { print v + 0 }'
}
r=$(api GET /metrics "")
is "$(status_of "$r")" 200 "GET /metrics answers 200 without a token"
is "$(header_of GET /metrics Content-Type)" "text/plain; version=0.0.4; charset=utf-8" "in the Prometheus text format"
curl -s "http://127.0.0.1:$PORT/metrics" > "$TMP/metrics.txt"
ok "$(grep -v '^#' "$TMP/metrics.txt" | grep -Evc '^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.e+-]+$' | grep -qx 0; echo $?)" \
	"every sample line is NAME{LABELS} VALUE"
for m in kkb_http_requests_total kkb_http_request_duration_seconds kkb_http_requests_in_flight kkb_db_connections_open \
	kkb_db_errors_total; do
	grep -q "^# TYPE $m " "$TMP/metrics.txt"
	ok $? "$m is described (# TYPE)"
done

K='kkb_http_requests_total{method="GET",route="/v1/wilayah/{kode}",status="200"}'
before=$(metric "$K")
api GET /v1/wilayah/13.77 "" >/dev/null
is "$(metric "$K")" "$((before + 1))" "a GET /v1/wilayah/13.77 just made is counted under its route pattern and status"
H='kkb_http_request_duration_seconds_count{method="GET",route="/v1/wilayah/{kode}"}'
hb=$(metric "$H")
api GET /v1/wilayah/13.77.01 "" >/dev/null
is "$(metric "$H")" "$((hb + 1))" "and in the latency histogram"
is "$(metric 'kkb_http_request_duration_seconds_bucket{method="GET",route="/v1/wilayah/{kode}",le="+Inf"}')" "$((hb + 1))" \
	"whose +Inf bucket equals its count"
K4='kkb_http_requests_total{method="GET",route="/v1/wilayah/{kode}",status="404"}'
b4=$(metric "$K4")
api GET /v1/wilayah/13.77.99 "" >/dev/null
is "$(metric "$K4")" "$((b4 + 1))" "a 404 is counted under its status"
N='kkb_http_requests_total{method="",route="(none)",status="404"}'
bn=$(metric "$N")
api GET /nirgendwo "" >/dev/null
is "$(metric "$N")" "$((bn + 1))" "a path no route matches is counted under route=\"(none)\""
E='kkb_db_errors_total{kind="statement"}'
be=$(metric "$E")
api GET /v1/wilayah/abc "" >/dev/null
is "$(metric "$E")" "$((be + 1))" "a failed statement (22P02) counts as a database error"
ok "$(test "$(metric kkb_db_connections_open)" -ge 1; echo $?)" "at least one database connection is open"
is "$(metric kkb_http_requests_in_flight)" 1 "the scrape itself is the one request in flight"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
rm -rf "$TMP"
done_testing

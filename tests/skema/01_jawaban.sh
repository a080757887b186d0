#!/bin/sh
# Every answer of the test run against the API description.  The gateways that
# the gateway and web tests started recorded their answers (--record-responses,
# scripts/gateway_uji.sh; at most KKB_RECORD_PER_ROUTE per route, method and
# status and gateway); this asks a gateway for GET /openapi.json and checks
# each recorded answer: its status is one its operation declares, its media
# type one that response declares, and a JSON body validates against the
# declared schema (tests/skema/periksa.py, with Debian's python3-jsonschema).
# It also checks that the document types every body: no API function's answer
# or request body is only {"type": "object"} (a map names the type of its values).
. "$(dirname "$0")/../gateway/lib.sh"

PORT=18600
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$KKB_TEST_DIR/skema01
mkdir -p "$TMP"
REKAM=${KKB_RECORD_RESPONSES:-}

if ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
	echo "1..0 # SKIP python3-jsonschema is not installed (scripts/deps.sh installs it)"
	exit 0
fi
if [ -z "$REKAM" ] || [ ! -s "$REKAM" ]; then
	echo "1..0 # SKIP no answers were recorded in this run (run it after tests/gateway and tests/web)"
	exit 0
fi
# this test's own gateway records nothing
KKB_RECORD_RESPONSES=
export KKB_RECORD_RESPONSES
cp "$REKAM" "$TMP/jawaban.rekam"

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
r=$(api GET /openapi.json "")
is "$(status_of "$r")" 200 "GET /openapi.json answers 200"
body_of "$r" > "$TMP/openapi.json"
gw_stop

# every API function's answer typed: an object with properties, an array, or a $ref - never a bare object
jq -r '.paths | to_entries[] | .key as $p | .value | to_entries[] | select(.value["x-kkb-function"])
	| .key as $m | .value.responses | to_entries[] | select(.key | test("^2"))
	| .value.content["application/json"].schema // empty
	| select(((.properties // .items // .["$ref"] // .oneOf // .allOf) == null) and ((.additionalProperties | type) != "object")) | "\($m) \($p)"' \
	"$TMP/openapi.json" > "$TMP/untyped.txt"
is "$(wc -l < "$TMP/untyped.txt" | tr -d ' ')" 0 "every API function's success answer has a typed schema in /openapi.json"
sed 's/^/#   untyped: /' "$TMP/untyped.txt" | head -n 20
jq -r '.paths | to_entries[] | .key as $p | .value | to_entries[]
	| .key as $m | .value.requestBody.content["application/json"].schema // empty
	| select(((.properties // .items // .["$ref"] // .oneOf // .allOf) == null) and ((.additionalProperties | type) != "object")) | "\($m) \($p)"' \
	"$TMP/openapi.json" > "$TMP/untyped_req.txt"
is "$(wc -l < "$TMP/untyped_req.txt" | tr -d ' ')" 0 "every JSON request body has a typed schema in /openapi.json"
sed 's/^/#   untyped: /' "$TMP/untyped_req.txt" | head -n 20

# the checker can fail: an answer that does not fit is caught
printf '%s\n%s\n' '{"metode":"GET","rute":"/v1/saya","jalur":"/v1/saya","status":200,"jenis":"application/json","panjang":2}' '[]' > "$TMP/salah.rekam"
/usr/bin/python3 "$HERE/periksa.py" "$TMP/openapi.json" "$TMP/salah.rekam" > "$TMP/salah.out" 2>&1
is "$?:$(grep -c '^not ok' "$TMP/salah.out")" "1:1" "a GET /v1/saya answer that is [] is reported as not fitting"
printf '%s\n%s\n' '{"metode":"GET","rute":"/v1/desa","jalur":"/v1/desa","status":418,"jenis":"application/json","panjang":2}' '{}' > "$TMP/salah2.rekam"
/usr/bin/python3 "$HERE/periksa.py" "$TMP/openapi.json" "$TMP/salah2.rekam" > "$TMP/salah2.out" 2>&1
ok "$(grep -q 'status 418 is not among the responses declared' "$TMP/salah2.out"; echo $?)" "an undeclared status is reported"

# the recorded answers, each group a test
/usr/bin/python3 "$HERE/periksa.py" "$TMP/openapi.json" "$TMP/jawaban.rekam" > "$TMP/periksa.out" 2>&1
rc=$?
tap_dari "$TMP/periksa.out"
ok "$([ $rc -le 1 ] && grep -q 'recorded answers in' "$TMP/periksa.out"; echo $?)" "periksa.py read the whole record ($(sed -n 's/^# \([0-9]*\) recorded answers.*/\1/p' "$TMP/periksa.out") answers)"
done_testing

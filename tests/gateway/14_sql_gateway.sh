#!/bin/sh
# 14_sql_gateway.sh - the gateway names no table or column of kkb: its SQL is
# only calls of API functions (kkb.api_...), the transaction and scope
# statements (kkb._sesi_atur: kkb.wilayah, kkb.pengguna, the time limit and kkb.opd, the version of the
# ETag: kkb._versi_teks), the token check (kkb.token_periksa), the Idempotency-Key (kkb._idempotensi_klaim, _simpan), the error registry (kkb.galat_jawab, kkb.galat in comments) and the health
# check (kkb.versi), the refresher's kkb.indikator_segarkan and kkb._indikator_basi (penyegar.c), and the
# bodies of the API description (kkb.dokumen_skema_api, h_meta.c).  The bulk sync (h_sinkron.c) is not yet an API function
# and is left out.  Every function the route table names exists, with a
# comment, and runs with the caller's rights.
cd "$(dirname "$0")/../.." || exit 1
. tests/gateway/lib.sh

SRC=$(ls gateway/src/*.c | grep -v '/h_sinkron\.c$')

# the SQL in the gateway: string literals of lines that are not comments and hold SQL words
sql_lines=$(grep -hE '"[^"]*(SELECT|FROM|INSERT|UPDATE|DELETE|JOIN|WITH)[^"]*"' $SRC | grep -vE '^\s*(/?\*|//)')
names=$(printf '%s\n' "$sql_lines" | grep -oE 'kkb\.[A-Za-z_]+' | sort -u | tr '\n' ' ')
bad=$(printf '%s\n' $names | grep -vE '^kkb\.(api_[a-z_]+|_sesi_atur|_versi_teks|token_periksa|versi|wilayah|pengguna|opd|galat_jawab|galat|_idempotensi_klaim|_idempotensi_simpan|indikator_segarkan|_indikator_basi|dokumen_skema_api)$' | tr '\n' ' ')
is "$bad" "" "the gateway's SQL names only API functions and the transaction, token and version calls (found: $names)"
is "$(printf '%s\n' "$sql_lines" | grep -c 'set_config')" 0 "no set_config in the gateway's SQL: settings are given by kkb._sesi_atur"
is "$(grep -c '"SELECT kkb._sesi_atur(\$[0-9], \$[0-9], \$[0-9], \$[0-9])' gateway/src/tx.c)" 2 \
	"kkb.wilayah, kkb.pengguna, the time limit and kkb.opd are given only as parameters of kkb._sesi_atur, in the two scope statements"
is "$(grep -c '"SELECT \* FROM %s("' gateway/src/h_api.c)" 1 "the generic handler builds one statement shape: SELECT * FROM <function>(\$1, ...)"

# the route table's functions
fns=$(grep -oE '"kkb\.api_[a-z_]+"' gateway/src/routes.c | tr -d '"' | sort -u)
n=$(printf '%s\n' "$fns" | grep -c .)
ok "$([ "$n" -ge 27 ] && echo 0 || echo 1)" "the route table names $n API functions"
list=$(printf "'%s'," $fns | sed 's/,$//')
is "$(sql "SELECT count(*) FROM pg_proc p WHERE p.pronamespace = 'kkb'::regnamespace AND 'kkb.' || p.proname IN ($list)
             AND obj_description(p.oid, 'pg_proc') IS NOT NULL AND NOT p.prosecdef")" "$n" \
	"each exists in the extension, has a comment and runs as the caller (SECURITY INVOKER)"
is "$(grep -cE 'h_(desa|wilayah|agensi|periode|laporan|saya)\.c' gateway/Makefile; ls gateway/src | grep -cE '^h_(desa|wilayah|agensi|periode|laporan|saya)\.c$')" "0
0" "no per-resource handler files are left"

# the request log line names the code of an error answer
PORT=18140
gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
is "$(status_of "$(http GET /v1/nowhere)")" 404 "an unknown path: 404"
is "$(status_of "$(http GET "/v1/wilayah?induk=13.77&limit=1")")" 200 "the region list without a token (kkb_anon): 200"
is "$(status_of "$(http GET "/v1/desa/13.77.01.1001")")" 401 "a village without a token: 401"
doc=$(curl -s "http://127.0.0.1:$PORT/openapi.json")
is "$(printf '%s' "$doc" | jq -c '.paths["/v1/ringkasan"].get | [."x-kkb-function", [.parameters[] | select(.in == "query") | .name],
	(.parameters[] | select(.name == "tingkat") | .schema)]')" \
	'["kkb.api_ringkasan",["wilayah","periode","tingkat","limit","offset"],{"type":"integer","minimum":1,"maximum":4}]' \
	"/openapi.json: an API route names its function, and its query parameters and bounds come from the argument mapping"
is "$(printf '%s' "$doc" | jq '[.paths[][] | select(has("x-kkb-function"))] | length')" "$n" "every API route is described with its function"
gw_stop
is "$(grep '"request"' "$GW_LOG" | grep '"route":null' | grep -c '"code":"KKB-RUTE-TIDAK-ADA"')" 1 "the 404's log line has \"code\": \"KKB-404\""
is "$(grep '"request"' "$GW_LOG" | grep '"/v1/desa/{kode}"' | grep -c '"code":"KKB-TOKEN-TIDAK-ADA"')" 1 "the 401's log line has \"code\": \"KKB-TOKEN-TIDAK-ADA\""
is "$(grep '"request"' "$GW_LOG" | grep '"/v1/wilayah"' | grep -c '"code"')" 0 "a 200's log line has no code"

done_testing

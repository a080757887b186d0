#!/bin/sh
# The provincial portal's side of the API: CORS (preflight and simple calls,
# allowed and other origins), conditional GETs (ETag, If-None-Match -> 304,
# invalidated by a change of the village's data and by nothing else), rate
# limits (429 + Retry-After; a village's upload goes through while a portal
# token is being limited), and the province role reading aggregates only
# (/v1/ringkasan), cross-checked against the village routes.
# Fixture: a generated city, Kota Padang Panjang (13.74, 16 villages, 5% scale,
# months 2026-08..2026-10), removed at the end.
. "$(dirname "$0")/lib.sh"

PORT=18600
PORT_LIMIT=18601
CITY=13.74
ORIGIN=https://portal.sumbarprov.go.id
P=2026-10

cleanup() {
	sql "SELECT count(*) FROM kkb.hasilkan_hapus('$CITY');
	     UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 12)' AND dicabut IS NULL;" >/dev/null 2>&1
}
cleanup
sql "SELECT count(*) FROM kkb.hasilkan('$CITY', 0.05, 12, 3, '2026-10-01')" >/dev/null ||
	{ echo "Bail out! could not generate the fixture city $CITY"; exit 1; }
is "$(sql "SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")" 16 "fixture: 16 Kampung KB generated under $CITY"
A=$(sql "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")
B=$(sql "SELECT max(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")

TPROV=$(token kkb_provinsi 13 "Portal Sumatera Barat (uji 12)")
TPROV14=$(token kkb_provinsi 14 "Portal Riau (uji 12)")
TADMIN=$(token kkb_admin "" "Admin (uji 12)")
TA=$(token kkb_pokja "$A" "Pokja A (uji 12)")
TB=$(token kkb_pokja "$B" "Pokja B (uji 12)")

gw_start $PORT --cors-origins "$ORIGIN, https://dashboard.example.go.id" --limit-read 0 --limit-write 0 --limit-anon 0 ||
	{ echo "Bail out! gateway did not start"; exit 1; }

# ---------------------------------------------------------------- CORS
pre=$(curl -s -D - -o /dev/null -X OPTIONS "http://127.0.0.1:$PORT/v1/ringkasan" -H "Origin: $ORIGIN" \
	-H "Access-Control-Request-Method: GET" -H "Access-Control-Request-Headers: authorization, if-none-match" | tr -d '\r')
is "$(printf '%s\n' "$pre" | head -n 1 | cut -d' ' -f2)" 204 "preflight from an allowed origin: 204"
is "$(printf '%s\n' "$pre" | sed -n 's/^Access-Control-Allow-Origin: //Ip')" "$ORIGIN" "... Access-Control-Allow-Origin names the origin (never *)"
is "$(printf '%s\n' "$pre" | sed -n 's/^Access-Control-Allow-Methods: //Ip')" "GET, OPTIONS" "... the route's methods"
is "$(printf '%s\n' "$pre" | sed -n 's/^Access-Control-Allow-Headers: //Ip')" "Authorization, Content-Type, If-None-Match, If-Match, Prefer, Idempotency-Key" \
	"... the headers a portal sends (Idempotency-Key: its retries of writes)"
is "$(printf '%s\n' "$pre" | sed -n 's/^Access-Control-Max-Age: //Ip')" 600 "... a max-age"
is "$(printf '%s\n' "$pre" | sed -n 's/^Vary: //Ip')" "Origin" "... Vary: Origin"
is "$(printf '%s\n' "$pre" | grep -ci '^Access-Control-Allow-Credentials')" 0 "... no credentials mode (bearer tokens, no cookies)"
is "$(header_of OPTIONS "/v1/desa/$A/pengukuran" Access-Control-Allow-Methods -H "Origin: $ORIGIN" -H "Access-Control-Request-Method: POST")" \
	"POST, OPTIONS" "preflight of a write route: POST"
is "$(header_of OPTIONS "/v1/desa/$A/anggota" Access-Control-Allow-Methods -H "Origin: $ORIGIN" -H "Access-Control-Request-Method: GET")" \
	"GET, POST, OPTIONS" "preflight of a path with a read and a write (the members: list and bulk sync): GET, POST"
is "$(header_of OPTIONS "/v1/desa.csv" Allow -H "Origin: $ORIGIN")" "GET, OPTIONS" "preflight of a CSV path: GET"

pre=$(curl -s -D - -o /dev/null -X OPTIONS "http://127.0.0.1:$PORT/v1/ringkasan" -H "Origin: https://evil.example" \
	-H "Access-Control-Request-Method: GET" | tr -d '\r')
is "$(printf '%s\n' "$pre" | head -n 1 | cut -d' ' -f2)" 204 "preflight from another origin: 204 ..."
is "$(printf '%s\n' "$pre" | grep -ci '^Access-Control-')" 0 "... without any CORS header (the browser will not send the call)"
r=$(http OPTIONS /v1/tidak-ada -H "Origin: $ORIGIN")
is_error "$r" 404 KKB-RUTE-TIDAK-ADA "preflight of an unknown path"

is "$(header_of GET "/v1/ringkasan?wilayah=13&periode=$P" Access-Control-Allow-Origin -H "Origin: $ORIGIN" -H "Authorization: Bearer $TPROV")" \
	"$ORIGIN" "a GET from the allowed origin: Access-Control-Allow-Origin"
is "$(header_of GET "/v1/ringkasan?wilayah=13&periode=$P" Access-Control-Expose-Headers -H "Origin: $ORIGIN" -H "Authorization: Bearer $TPROV")" \
	"ETag, Retry-After, Content-Disposition, Idempotent-Replayed" "... and the headers a script may read"
is "$(header_of GET "/v1/ringkasan?wilayah=13&periode=$P" Access-Control-Allow-Origin -H "Origin: https://evil.example" -H "Authorization: Bearer $TPROV")" \
	"" "a GET from another origin: no Access-Control-Allow-Origin"
is "$(status_of "$(http GET "/v1/ringkasan?wilayah=13&periode=$P" -H "Origin: https://evil.example")")" 401 \
	"... and a call from an allowed origin is still authenticated as usual (401 without a token)"
is "$(status_of "$(http GET "/v1/ringkasan?wilayah=13&periode=$P" -H "Origin: $ORIGIN")")" 401 \
	"a call from the allowed origin without a token: 401"
"$KKB_GATEWAY_BIN" --port 18602 --cors-origins '*' >/dev/null 2>"$KKB_TEST_DIR/cors-star.err"
is "$?:$(grep -c 'wildcard is not allowed' "$KKB_TEST_DIR/cors-star.err")" "2:1" "--cors-origins '*' is refused at start"

# ---------------------------------------------------------------- stunting with its interval
r=$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P&tingkat=4&limit=1000" "$TPROV")
is "$(jqb "$r" '[.data[] | select(.balita_diukur > 0) | (.selang_stunting | length)] | unique')" '[2]' \
	"every village with measured children has a 95% interval of its stunting prevalence"
is "$(jqb "$r" '[.data[] | select(.balita_diukur > 0 and (.selang_stunting[0] > .prevalensi_stunting or .selang_stunting[1] < .prevalensi_stunting))] | length')" 0 \
	"... around its prevalence"
k1=$(jqb "$r" '[.data[] | select(.balita_diukur > 0)][0] | "\(.balita_stunting),\(.balita_diukur)"' | tr -d '"')
is "$(jqb "$r" '[.data[] | select(.balita_diukur > 0)][0].selang_stunting | tojson')" \
	"$(sql "SELECT json_build_array(round(ci_bawah::numeric, 2), round(ci_atas::numeric, 2)) FROM kkb.prevalensi_selang($k1)" | jq -c 'tojson')" \
	"... the one kkb.prevalensi_selang gives for its counts ($k1)"

# ---------------------------------------------------------------- conditional GETs
PROFIL_A="/v1/desa/$A/profil?periode=$P"
etag_a=$(header_of GET "$PROFIL_A" ETag -H "Authorization: Bearer $TA")
ok "$(printf '%s' "$etag_a" | grep -qE '^"[0-9a-f]{16}-[0-9-]+"$'; echo $?)" "a village profile has a strong ETag ($etag_a)"
is "$(header_of GET "$PROFIL_A" Cache-Control -H "Authorization: Bearer $TA")" "private, max-age=60" "... Cache-Control private, a minute"
is "$(header_of GET "$PROFIL_A" Vary -H "Authorization: Bearer $TA")" "Accept, Authorization, Origin" "... Vary: Accept, Authorization, Origin"
r=$(curl -s -D - -H "Authorization: Bearer $TA" -H "If-None-Match: $etag_a" "http://127.0.0.1:$PORT$PROFIL_A" | tr -d '\r')
is "$(printf '%s\n' "$r" | head -n 1 | cut -d' ' -f2)" 304 "If-None-Match with that ETag: 304"
is "$(printf '%s\n' "$r" | sed '1,/^$/d' | wc -c)" 0 "... with no body"
is "$(printf '%s\n' "$r" | sed -n 's/^ETag: //Ip')" "$etag_a" "... and the same ETag"
is "$(grep -c 'ETag version could not be read' "$GW_LOG")" 0 "... decided before the handler (the gateway read the version itself)"
is "$(status_of "$(api GET "$PROFIL_A" "$TA" -H "If-None-Match: W/$etag_a")")" 304 "a weak comparison (W/ prefix) matches too"
is "$(status_of "$(api GET "$PROFIL_A" "$TA" -H "If-None-Match: \"x\", $etag_a")")" 304 "... and a list containing it"
is "$(status_of "$(api GET "$PROFIL_A" "$TA" -H 'If-None-Match: "0000000000000000-1-1-1-20000101"')")" 200 "another tag: 200"
is "$(status_of "$(api GET "$PROFIL_A" "$TB" -H "If-None-Match: $etag_a")")" 404 \
	"pokja B sending A's ETag for A's profile: 404, never a 304"
is "$(header_of GET "/v1/desa/$A/profil.csv?periode=$P" ETag -H "Authorization: Bearer $TA" | grep -c "^$etag_a\$")" 0 \
	"the CSV form has its own ETag"

# a change in another village does not invalidate A's answer
sql "UPDATE kkb.anggota SET nama = nama || ' (ubah B)' WHERE nik = (SELECT nik FROM kkb.anggota WHERE kode_desa = '$B' ORDER BY nik LIMIT 1)" >/dev/null
is "$(status_of "$(api GET "$PROFIL_A" "$TA" -H "If-None-Match: $etag_a")")" 304 "after a change in village B: A's profile still 304"
etag_city=$(header_of GET "/v1/ringkasan?wilayah=$CITY&periode=$P" ETag -H "Authorization: Bearer $TPROV")
is "$(status_of "$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P" "$TPROV" -H "If-None-Match: $etag_city")")" 304 "the city summary: 304 with its ETag"
# a change of A's data through the API invalidates A's answer and the city's
r=$(api_json PUT "/v1/desa/$A/nilai/$P" "$TA" '{"ibu_hamil_kek": 1}')
is "$(status_of "$r")" 200 "pokja A enters a value for $P"
r=$(api GET "$PROFIL_A" "$TA" -H "If-None-Match: $etag_a")
is "$(status_of "$r")" 200 "then A's profile with the old ETag: 200"
etag_a2=$(header_of GET "$PROFIL_A" ETag -H "Authorization: Bearer $TA")
ok "$([ -n "$etag_a2" ] && [ "$etag_a2" != "$etag_a" ]; echo $?)" "... with a new ETag"
is "$(status_of "$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P" "$TPROV" -H "If-None-Match: $etag_city")")" 200 \
	"and the city summary with its old ETag: 200"
# re-sending the same value changes nothing, so the ETag stays
r=$(api_json PUT "/v1/desa/$A/nilai/$P" "$TA" '{"ibu_hamil_kek": 1}')
is "$(status_of "$(api GET "$PROFIL_A" "$TA" -H "If-None-Match: $etag_a2")")" 304 "re-sending the same value: still 304"

is "$(header_of GET "/v1/wilayah/13" Cache-Control)" "public, max-age=86400" "reference data: public, a day"
etag_w=$(header_of GET "/v1/wilayah/13" ETag)
is "$(status_of "$(http GET /v1/wilayah/13 -H "If-None-Match: $etag_w")")" 304 "... and 304 with its ETag"
r=$(curl -s -I "http://127.0.0.1:$PORT/v1/wilayah/13" | tr -d '\r')
is "$(printf '%s\n' "$r" | head -n 1 | cut -d' ' -f2):$(printf '%s\n' "$r" | sed -n 's/^ETag: //Ip')" "200:$etag_w" \
	"HEAD answers like GET (status, ETag) ..."
is "$(curl -s -X HEAD -m 5 "http://127.0.0.1:$PORT/v1/wilayah/13" 2>/dev/null | wc -c)" 0 "... without a body"
is "$(header_of GET "/v1/desa/$A/risiko-stunting" Cache-Control -H "Authorization: Bearer $TA")" "private, no-cache" \
	"by-name data: private, revalidated every time"
is "$(header_of PUT "/v1/desa/$A/nilai/$P" Cache-Control -H "Authorization: Bearer $TA" -H 'Content-Type: application/json' --data '{}')" \
	"no-store" "a write's answer: no-store"
is "$(header_of PUT "/v1/desa/$A/nilai/$P" ETag -H "Authorization: Bearer $TA" -H 'Content-Type: application/json' --data '{}')" \
	"" "... and no ETag"
is "$(header_of GET "/v1/desa/$A/tidak-ada" ETag -H "Authorization: Bearer $TA")" "" "an error answer has no ETag"

# ---------------------------------------------------------------- the province role and its aggregates
r=$(api GET "/v1/ringkasan?wilayah=13&periode=$P&tingkat=2" "$TPROV")
is "$(status_of "$r")" 200 "province token: GET /v1/ringkasan?wilayah=13&tingkat=2 -> 200"
is "$(jqb "$r" '[.wilayah, .tingkat, .total, (.data | length)]')" \
	"[\"13\",2,$(sql "SELECT count(*) FROM kkb.wilayah WHERE induk = '13'"),$(sql "SELECT count(*) FROM kkb.wilayah WHERE induk = '13'")]" \
	"... one row per regency and city of the province"
is "$(jqb "$r" ".data[] | select(.kode == \"$CITY\") | [.kampung_kb, .desa]")" \
	"[16,$(sql "SELECT count(*) FROM kkb.wilayah WHERE tingkat = 4 AND kode <@ '$CITY'")]" "... $CITY: 16 Kampung KB among its villages"
is "$(jqb "$(api GET "/v1/ringkasan?periode=$P&tingkat=2" "$TPROV")" '.wilayah')" '"13"' "wilayah defaults to the token's scope"
r=$(api GET "/v1/ringkasan?wilayah=14&periode=$P" "$TPROV")
is_error "$r" 403 42501 "province 13 asking for province 14"
is "$(status_of "$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P" "$TPROV14")")" 403 "province 14 asking for a city of 13: 403"
is_error "$(api GET "/v1/ringkasan?wilayah=13&periode=$P&tingkat=5" "$TPROV")" 400 KKB-PARAMETER-TIDAK-SAH "tingkat=5"
is_error "$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P&tingkat=1" "$TPROV")" 400 22023 "a level above the region"
is_error "$(api GET "/v1/ringkasan?wilayah=13.99&periode=$P" "$TPROV")" 404 P0002 "an unknown region"
# the whole country: an administrator's (unscoped) token without wilayah
r=$(api GET "/v1/ringkasan?periode=$P" "$TADMIN")
is "$(status_of "$r")" 200 "an unscoped token without wilayah: the whole country -> 200"
is "$(jqb "$r" '[.nama, .tingkat, .total, (.data | length)]')" '["Indonesia",1,38,38]' "... one row per province, its own row named Indonesia"
is "$(jqb "$r" '.keseluruhan.kampung_kb')" "$(sql "SELECT count(*) FROM kkb.kampung")" "... and its own row (keseluruhan) counts every Kampung KB"
is "$(jqb "$r" '[.data[] | select(.kode == "13") | .balita_stunting] | .[0]')" \
	"$(jqb "$(api GET "/v1/ringkasan?wilayah=13&periode=$P&tingkat=2" "$TPROV")" '.keseluruhan.balita_stunting')" \
	"... West Sumatra's row = the province portal's own total"
is "$(jqb "$(api GET "/v1/ringkasan?periode=$P" "$TPROV")" '.wilayah')" '"13"' "a province token without wilayah still gets its province, never the country"
for route in "/v1/desa/$A" "/v1/desa/$A/profil?periode=$P" "/v1/desa/$A/klasifikasi?periode=$P" "/v1/desa/$A/validasi?periode=$P" \
	"/v1/desa/$A/risiko-stunting" "/v1/desa/$A/intervensi" "/v1/desa/$A/periode/$P" "/v1/desa?wilayah=$CITY" \
	"/v1/klasifikasi?wilayah=$CITY" "/v1/prioritas?wilayah=$CITY"; do
	s=$(status_of "$(api GET "$route" "$TPROV")")
	ok "$([ "$s" = 403 ] || [ "$s" = 404 ]; echo $?)" "province token on GET $route: $s (no village or by-name data)"
done
for route in keluarga anggota pengukuran peristiwa; do
	is "$(status_of "$(api_json POST "/v1/desa/$A/$route" "$TPROV" '[]')")" 403 "province token on POST /v1/desa/$A/$route: 403"
done
is "$(status_of "$(api_json PUT "/v1/desa/$A/kkbpk/$P" "$TPROV" '{}')")" 403 "province token on PUT a village report: 403"

# the city's numbers equal the sums over its villages read through the village routes (as admin)
city=$(api GET "/v1/ringkasan?wilayah=13&periode=$P&tingkat=2" "$TPROV")
sum_stunting=0
sum_measured=0
for k in $(sql "SELECT kode_desa FROM kkb.kampung WHERE kode_desa <@ '$CITY' ORDER BY 1"); do
	prof=$(api GET "/v1/desa/$k/profil?periode=$P" "$TADMIN")
	s=$(jqb "$prof" '[.data[] | select(.kode == "balita_stunting") | .nilai // 0] | add // 0')
	m=$(jqb "$prof" '[.data[] | select(.kode == "balita_diukur") | .nilai // 0] | add // 0')
	sum_stunting=$((sum_stunting + s))
	sum_measured=$((sum_measured + m))
done
is "$(jqb "$city" ".data[] | select(.kode == \"$CITY\") | [.balita_stunting, .balita_diukur]")" "[$sum_stunting,$sum_measured]" \
	"the city's stunted and measured children = the sums of its 16 village profiles ($sum_stunting / $sum_measured)"
list=$(api GET "/v1/desa?wilayah=$CITY&periode=$P" "$TADMIN")
is "$(jqb "$city" ".data[] | select(.kode == \"$CITY\") | .klasifikasi")" \
	"$(jqb "$list" '[.data[].klasifikasi] | {Dasar: map(select(. == "Dasar")) | length, Berkembang: map(select(. == "Berkembang")) | length, Mandiri: map(select(. == "Mandiri")) | length, Berkelanjutan: map(select(. == "Berkelanjutan")) | length}')" \
	"the city's classes = the classes of its villages in GET /v1/desa"
is "$(jqb "$city" ".data[] | select(.kode == \"$CITY\") | .kelengkapan")" \
	"$(jqb "$list" '([.data[].kelengkapan] | add / length * 10000 | round / 10000)')" \
	"the city's completeness = the mean of its villages'"
r=$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P&tingkat=3" "$TPROV")
is "$(jqb "$r" '[.data[].balita_stunting] | add')" "$sum_stunting" "its kecamatan rows add up to the same stunted children"
is "$(jqb "$r" '.keseluruhan.balita_stunting')" "$sum_stunting" "... and so does the city's own total"
r=$(curl -s -H "Authorization: Bearer $TPROV" "http://127.0.0.1:$PORT/v1/ringkasan.csv?wilayah=$CITY&periode=$P&tingkat=4")
is "$(printf '%s\n' "$r" | head -n 1 | cut -d, -f1-5)" '"kode","nama","induk","desa","kampung_kb"' "CSV export of the village rows: header"
is "$(printf '%s\n' "$r" | sed 1d | wc -l)" 16 "... and the 16 villages"
gw_stop

# ---------------------------------------------------------------- rate limits
# slow refills (one request per 4 s), so that a loaded machine cannot refill a bucket between two calls
gw_start $PORT_LIMIT --limit-read 0.25/4 --limit-write 0.25/4 --limit-anon 0.25/3 || { echo "Bail out! gateway did not start"; exit 1; }
codes=""
for i in 1 2 3 4 5 6 7 8; do
	codes="$codes $(status_of "$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P" "$TPROV")")"
done
ok "$(printf '%s' "$codes" | grep -q 429; echo $?)" "a portal token polling 8 times at once with a burst of 4: some 429 ($codes)"
r=$(curl -s -D - -H "Authorization: Bearer $TPROV" "http://127.0.0.1:$PORT_LIMIT/v1/ringkasan?wilayah=$CITY&periode=$P" | tr -d '\r')
is "$(printf '%s\n' "$r" | head -n 1 | cut -d' ' -f2)" 429 "the next call: 429"
ra=$(printf '%s\n' "$r" | sed -n 's/^Retry-After: //Ip')
ok "$([ "${ra:-0}" -ge 1 ] 2>/dev/null; echo $?)" "... with Retry-After ($ra s)"
is "$(printf '%s\n' "$r" | sed '1,/^$/d' | jq -c '[.code, (.message | test("batas baca token ini")), has("hint")]')" '["KKB-TERLALU-SERING",true,true]' \
	"... and the JSON error body"
# while the portal is limited, a village's upload goes through (its own token, its own write bucket)
r=$(api_json POST "/v1/desa/$A/keluarga" "$TA" '[]')
is "$(status_of "$r")" 200 "meanwhile pokja A's upload: 200"
# and a token whose reads are used up can still write
for i in 1 2 3 4 5 6; do api GET "/v1/desa/$A" "$TA" >/dev/null; done
is "$(status_of "$(api GET "/v1/desa/$A" "$TA")")" 429 "pokja A's reads used up: 429"
is "$(status_of "$(api_json POST "/v1/desa/$A/keluarga" "$TA" '[]')")" 200 "... its upload still goes through (separate bucket)"
codes=""
for i in 1 2 3 4 5 6; do codes="$codes $(status_of "$(http GET /v1/wilayah/13)")"; done
ok "$(printf '%s' "$codes" | grep -q 429; echo $?)" "calls without a token: limited per address ($codes)"
codes=""
for i in 1 2 3 4 5 6; do codes="$codes $(status_of "$(api GET /v1/wilayah/13 kkb_bukan_token_sah)")"; done
ok "$(printf '%s' "$codes" | grep -q 429; echo $?)" "guessing tokens: limited per address too ($codes)"
is "$(status_of "$(http GET /v1/health)")" 200 "health is not limited"
m=$(curl -s "http://127.0.0.1:$PORT_LIMIT/metrics")
ok "$(printf '%s\n' "$m" | awk '/^kkb_rate_limited_total\{kind="read"\}/ { exit !($2 >= 2) }'; echo $?)" "/metrics counts the refused reads"
ok "$(printf '%s\n' "$m" | awk '/^kkb_rate_limited_total\{kind="anon"\}/ { exit !($2 >= 1) }'; echo $?)" "... and the refused anonymous calls"
ok "$(printf '%s\n' "$m" | grep -q '^kkb_rate_limit_buckets [1-9]'; echo $?)" "... and the buckets in use"
sleep "${ra:-1}"
is "$(status_of "$(api GET "/v1/ringkasan?wilayah=$CITY&periode=$P" "$TPROV")")" 200 "after Retry-After seconds the portal is served again"
gw_stop
ok "$(grep -c "$TPROV" "$GW_LOG" | grep -qx 0; echo $?)" "no token text in the gateway's log"

cleanup
done_testing

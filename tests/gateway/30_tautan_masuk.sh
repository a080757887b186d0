#!/bin/sh
# Sign-in links through the gateway: an administrator makes one
# (POST /v1/tautan-masuk: 201 with the code, the link and its QR code as SVG),
# a phone exchanges it without a token (POST /v1/masuk) for a device token
# that works only with its device key (X-Perangkat), once: a second use, an
# unknown and an expired code get the same 410; non-admins get 403; the
# devices are listed (GET /v1/perangkat) and revoked one by one
# (POST /v1/perangkat/{id}/cabut: then 401); exchanges are rate-limited like
# every call without a token; no token or code reaches the log.
. "$(dirname "$0")/lib.sh"

PORT=18300
L="(uji 30)"
KUNCI=0123456789abcdef0123456789abcdef
KUNCI_LAIN=fedcba9876543210fedcba9876543210

sql "UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% $L%' AND dicabut IS NULL" >/dev/null ||
	{ echo "Bail out! cannot reach $KKB_TEST_DB"; exit 1; }
ADMIN=$(token kkb_admin "" "Admin $L")
ADMIN_PADANG=$(token kkb_admin 13.71 "Admin Padang $L")
POKJA=$(token kkb_pokja 13.77.01.1001 "Pokja $L")

# the token cache at 1 s (a revocation shows at once), calls without a token 1 a second in bursts of 20
gw_start $PORT --token-ttl 1 --limit-anon 1/20 || { echo "Bail out! the gateway did not start"; exit 1; }

BODY="{\"peran\": \"kkb_pokja\", \"wilayah\": \"13.77.01.1001\", \"label\": \"Pokja Karan Aur $L\"}"
r=$(api_json POST /v1/tautan-masuk "$ADMIN" "$BODY")
is "$(status_of "$r")" 201 "an administrator makes a sign-in link: 201"
KODE=$(jqb "$r" .kode | tr -d '"')
echo "$KODE" | grep -Eq '^[0-9a-f]{32}$'
ok $? "with a code of 32 hex digits"
is "$(jqb "$r" .tautan)" "\"/#/masuk/$KODE\"" "the dashboard path /#/masuk/<code>"
is "$(jqb "$r" .url)" "\"http://127.0.0.1:$PORT/#/masuk/$KODE\"" "the absolute URL from the request's Host"
SVG=$(jqb "$r" .qr_svg)
case $SVG in
'"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 '*'</svg>"') ok 0 "the QR code is an SVG document" ;;
*) ok 1 "the QR code is an SVG document"; echo "# $SVG" | cut -c1-200 ;;
esac
RUNS=$(printf '%s' "$SVG" | grep -o 'v1h-' | wc -l)
ok "$([ "$RUNS" -gt 100 ]; echo $?)" "with a path of many runs of dark modules ($RUNS)"
is "$(jqb "$(api POST /v1/tautan-masuk "$ADMIN" -H 'Content-Type: application/json' --data-binary "$BODY" \
	-H 'Host: kkb.pariamankota.go.id' -H 'X-Forwarded-Proto: https')" .url | cut -c1-40)" \
	'"https://kkb.pariamankota.go.id/#/masuk/' "behind a proxy: https and the Host it sends"
is "$(sql "SELECT count(*) FROM kkb.tautan_masuk WHERE hash = sha256(convert_to('$KODE', 'UTF8')) AND dipakai IS NULL")" 1 \
	"the database holds the code's hash, unused"

# who may make links
is_error "$(api_json POST /v1/tautan-masuk "" "$BODY")" 401 KKB-TOKEN-TIDAK-ADA "without a token"
is_error "$(api_json POST /v1/tautan-masuk "$POKJA" "$BODY")" 403 42501 "a pokja token"
is_error "$(api_json POST /v1/tautan-masuk "$ADMIN_PADANG" "$BODY")" 403 KKB-DI-LUAR-CAKUPAN "an administrator of 13.71, for a village of 13.77"
is_error "$(api_json POST /v1/tautan-masuk "$ADMIN" '{"peran": "kkb_admin", "wilayah": "13.77", "label": "x"}')" 400 KKB-TAUTAN-PERAN \
	"a link for an administrator"
is_error "$(api_json POST /v1/tautan-masuk "$ADMIN" '{"peran": "kkb_pokja", "wilayah": "13.77.01.1001", "label": "x", "menit": 5000}')" 400 \
	KKB-TAUTAN-MENIT "a link valid 5000 minutes"
is_error "$(api_json POST /v1/tautan-masuk "$ADMIN" '{"peran": "kkb_pokja", "wilayah": "13.77.01.1001", "label": "x", "warna": "merah"}')" 422 \
	KKB-KOLOM-TIDAK-DIKENAL "an unknown field"

# the exchange, without a token
is_error "$(api_json POST /v1/masuk "" "{\"kode\": \"$KODE\", \"perangkat\": \"XYZ\", \"nama\": \"HP\"}")" 400 KKB-PERANGKAT-KUNCI \
	"a malformed device key"
r=$(api_json POST /v1/masuk "" "{\"kode\": \"$KODE\", \"perangkat\": \"$KUNCI\", \"nama\": \"HP Samsung\"}")
is "$(status_of "$r")" 200 "the phone exchanges the code without a token: 200"
T=$(jqb "$r" .token | tr -d '"')
echo "$T" | grep -Eq '^kkb_[0-9a-f]{64}$'
ok $? "and gets a token"
is "$(jqb "$r" '[.label, .peran, .wilayah]')" "[\"Pokja Karan Aur $L - HP Samsung\",\"kkb_pokja\",\"13.77.01.1001\"]" \
	"labelled with the device's name, the link's role and scope"
ID=$(jqb "$r" .id)

r=$(api GET /v1/saya "$T" -H "X-Perangkat: $KUNCI")
is "$(status_of "$r")" 200 "the token works on /v1/saya with its device key"
is "$(jqb "$r" .label)" "\"Pokja Karan Aur $L - HP Samsung\"" "  and names the device"
is_error "$(api GET /v1/saya "$T")" 401 KKB-TOKEN-PERANGKAT "the token without its device key"
is_error "$(api GET /v1/saya "$T" -H "X-Perangkat: $KUNCI_LAIN")" 401 KKB-TOKEN-PERANGKAT "the token with another device's key"
is "$(status_of "$(api GET /v1/saya "$POKJA" -H "X-Perangkat: $KUNCI_LAIN")")" 200 "a token made by kkb.token_buat is bound to no device"

# once, before it expires; one answer for every refusal
r=$(api_json POST /v1/masuk "" "{\"kode\": \"$KODE\", \"perangkat\": \"$KUNCI\", \"nama\": \"HP lain\"}")
is_error "$r" 410 KKB-TAUTAN-TIDAK-BERLAKU "the same code a second time"
is "$(jqb "$r" .message)" '"tautan masuk ini tidak berlaku: sudah dipakai, kedaluwarsa, atau tidak dikenal"' "  in Indonesian"
is_error "$(api_json POST /v1/masuk "" "{\"kode\": \"00000000000000000000000000000000\", \"perangkat\": \"$KUNCI\", \"nama\": \"HP\"}")" \
	410 KKB-TAUTAN-TIDAK-BERLAKU "an unknown code: the same"
KODE2=$(jqb "$(api_json POST /v1/tautan-masuk "$ADMIN" "{\"peran\": \"kkb_pokja\", \"wilayah\": \"13.77.01.1001\", \"label\": \"Lewat $L\", \"menit\": 1}")" .kode | tr -d '"')
sql "UPDATE kkb.tautan_masuk SET berlaku_sampai = now() - interval '1 second' WHERE label = 'Lewat $L'" >/dev/null
is_error "$(api_json POST /v1/masuk "" "{\"kode\": \"$KODE2\", \"perangkat\": \"$KUNCI\", \"nama\": \"HP\"}")" \
	410 KKB-TAUTAN-TIDAK-BERLAKU "an expired code: the same"
is "$(sql "SELECT count(*) FROM kkb.token WHERE label LIKE 'Lewat $L%'")" 0 "no token was made from it"
is_error "$(api_json POST /v1/masuk "" "{\"kode\": \"$KODE\", \"perangkat\": \"$KUNCI\", \"nama\": \"HP\", \"x\": 1}")" 422 \
	KKB-KOLOM-TIDAK-DIKENAL "an unknown field in the exchange"

# devices: listed and revoked within the admin's scope
r=$(api GET "/v1/perangkat?limit=1000" "$ADMIN")
is "$(status_of "$r")" 200 "an administrator lists the devices"
is "$(jqb "$r" "[.data[] | select(.id == $ID) | .label, .perangkat]")" "[\"Pokja Karan Aur $L - HP Samsung\",true]" \
	"  the phone among them, bound to its device"
is "$(jqb "$(api GET "/v1/perangkat?limit=1000" "$ADMIN_PADANG")" "[.data[] | select(.id == $ID)] | length")" 0 \
	"an administrator of 13.71 does not see it"
is_error "$(api GET /v1/perangkat "$POKJA")" 403 42501 "a pokja may not list devices"
is_error "$(api POST "/v1/perangkat/$ID/cabut" "$ADMIN_PADANG")" 404 KKB-TIDAK-DITEMUKAN "nor may the admin of 13.71 revoke it"
is_error "$(api POST "/v1/perangkat/$ID/cabut" "$POKJA")" 403 42501 "nor a pokja"
is_error "$(api POST "/v1/perangkat/abc/cabut" "$ADMIN")" 400 22P02 "a token number that is no number"
is "$(status_of "$(api GET /v1/saya "$T" -H "X-Perangkat: $KUNCI")")" 200 "the phone still works"
r=$(api POST "/v1/perangkat/$ID/cabut" "$ADMIN")
is "$(jqb "$r" "[.id, (.dicabut != null)]")" "[$ID,true]" "the administrator revokes it"
is "$(status_of "$r")" 200 "  200"
sleep 1.2
is_error "$(api GET /v1/saya "$T" -H "X-Perangkat: $KUNCI")" 401 KKB-TOKEN-DICABUT "the revoked device's token, after the cache time"

# calls without a token are limited per address: guessing codes stops at the limit
n429=0
i=0
while [ $i -lt 30 ]; do
	s=$(status_of "$(api_json POST /v1/masuk "" "{\"kode\": \"$(printf '%032d' $i)\", \"perangkat\": \"$KUNCI\", \"nama\": \"HP\"}")")
	[ "$s" = 429 ] && n429=$((n429 + 1))
	i=$((i + 1))
done
ok "$([ "$n429" -gt 0 ]; echo $?)" "30 guesses in a row: the address is answered 429 ($n429 times)"

gw_stop
if grep -q "${T#kkb_}" "$GW_LOG" || grep -q "$KODE" "$GW_LOG"; then ok 1 "neither the device token nor the code is in the log"; else
	ok 0 "neither the device token nor the code is in the log"; fi

done_testing

#!/bin/sh
# Bearer tokens: kkb.token_buat / token_cabut / token_periksa in SQL, and the
# gateway's 401s (no token, malformed, unknown, expired, revoked), its token
# cache (expiry always checked; revocation within --token-ttl), the caller's
# role reaching the database, and tokens never reaching the log.
. "$(dirname "$0")/lib.sh"

PORT=18092
LABEL_A="Pokja Karan Aur (uji 02)"

# ---------------------------------------------------------------- SQL side
sql "UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 02)' AND dicabut IS NULL" >/dev/null ||
	{ echo "Bail out! cannot reach $KKB_TEST_DB (or kkb.token is missing)"; exit 1; }
TA=$(token kkb_pokja 13.77.01.1001 "$LABEL_A")
TA2=$(token kkb_pokja 13.77.01.1001 "$LABEL_A")
TO=$(token kkb_opd 13.77 "Dinkes Pariaman (uji 02)" dinkes)
TN=$(token kkb_analis "" "Analis (uji 02)")
TR=$(token kkb_pokja 13.77.01.1001 "Dicabut sebelum dipakai (uji 02)")
TC=$(token kkb_pokja 13.77.01.1001 "Dicabut setelah dipakai (uji 02)")
TX=$(token kkb_pokja 13.77.01.1001 "Kedaluwarsa di basis data (uji 02)")

echo "$TA" | grep -Eq '^kkb_[0-9a-f]{64}$'
ok $? "kkb.token_buat returns kkb_ and 64 hex digits"
ok "$([ "$TA" != "$TA2" ]; echo $?)" "two tokens for the same holder differ"
is "$(sql "SELECT count(*) FROM kkb.token WHERE hash = sha256(convert_to('$TA', 'UTF8'))")" 1 \
	"the table holds the token's SHA-256"
is "$(sql "SELECT count(*) FROM kkb.token t WHERE strpos(t::text, '$(echo "$TA" | cut -c5-)') > 0")" 0 \
	"and nothing of the token text itself"
is "$(sql "SELECT peran || '|' || wilayah || '|' || coalesce(opd, '-') || '|' || (dicabut IS NULL) FROM kkb.token WHERE hash = sha256(convert_to('$TO', 'UTF8'))")" \
	"kkb_opd|13.77|dinkes|true" "an agency token records role, scope and agency"
is "$(sql_state "SELECT kkb.token_buat('kkb_root', '13.77', 'x')")" 22023 "an unknown role is refused (22023)"
is "$(sql_state "SELECT kkb.token_buat('kkb_pokja', NULL, 'x')")" 22023 "a pokja token without a scope is refused (22023)"
is "$(sql_state "SELECT kkb.token_buat('kkb_pokja', '13.77.01.1001', 'x', 'dinkes')")" 22023 "an agency on a pokja token is refused (22023)"
is "$(sql_state "SELECT kkb.token_buat('kkb_opd', '13.77', 'x', 'tidak_ada')")" 23503 "an unknown agency is refused (23503)"
is "$(sql_state "SELECT kkb.token_buat('kkb_pokja', '13.77.01.1001', 'x', NULL, now() - interval '1 day')")" 22023 \
	"an expiry in the past is refused (22023)"
is "$(sql_state "SET ROLE kkb_pokja; SELECT kkb.token_buat('kkb_admin', NULL, 'x')")" 42501 "a pokja cannot create tokens"
is "$(sql_state "SET ROLE kkb_opd; SELECT kkb.token_cabut('$LABEL_A')")" 42501 "an agency cannot revoke tokens"
is "$(sql_state "SET ROLE kkb_admin; SELECT kkb.token_periksa('\\x00')")" 42501 "kkb_admin cannot call token_periksa (the gateway's)"
is "$(sql_state "SET ROLE kkb_admin; SELECT hash FROM kkb.token")" 42501 "nor read the hashes"
is "$(sql "SET ROLE kkb_admin; SELECT count(*) > 0 FROM (SELECT label, peran FROM kkb.token) t")" t \
	"but an admin lists the tokens"
is "$(sql "SELECT count(*) FROM pg_proc p WHERE p.oid IN ('kkb.token_buat(text,kkb.kode_wilayah,text,text,timestamptz)'::regprocedure,
            'kkb.token_cabut(text)'::regprocedure, 'kkb.token_periksa(bytea)'::regprocedure)
            AND has_function_privilege('public', p.oid, 'EXECUTE')")" 0 "PUBLIC may execute none of the token functions"
is "$(sql "SELECT has_function_privilege('kkb_gateway', 'kkb.token_periksa(bytea)', 'EXECUTE')")" t "kkb_gateway may call token_periksa"
is "$(sql "SELECT peran || '|' || wilayah || '|' || label FROM kkb.token_periksa(sha256(convert_to('$TA', 'UTF8')))")" \
	"kkb_pokja|13.77.01.1001|$LABEL_A" "token_periksa finds a token by its hash"
is "$(sql "SELECT count(*) FROM kkb.token_periksa(sha256('nope'::bytea))")" 0 "and nothing for an unknown hash"
is "$(sql "SELECT kkb.token_cabut('Dicabut sebelum dipakai (uji 02)')")" 1 "token_cabut revokes one token and says so"
is "$(sql "SELECT kkb.token_cabut('Dicabut sebelum dipakai (uji 02)')")" 0 "revoking it again counts 0"
sql "UPDATE kkb.token SET berlaku_sampai = now() - interval '1 minute' WHERE hash = sha256(convert_to('$TX', 'UTF8'))" >/dev/null

# ---------------------------------------------------------------- gateway, default token TTL (30 s)
# a route that needs a token and no data of its own: pokja A's village list (empty or not)
P="/v1/desa?wilayah=13.77.01.1001"
gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

r=$(api GET "$P" "")
is_error "$r" 401 KKB-TOKEN-TIDAK-ADA "no Authorization header"
is "$(jqb "$r" .message)" '"token diperlukan"' "the 401 says a token is required (in Indonesian)"
is "$(jqb "$(api GET "$P" "" -H 'Accept-Language: en-GB, id;q=0.5')" .message)" '"a bearer token is required"' \
	"  and in English for Accept-Language: en-GB, id;q=0.5"
is "$(header_of GET "$P" WWW-Authenticate)" 'Bearer realm="kampungkb"' \
	"with WWW-Authenticate: Bearer realm=\"kampungkb\""
r=$(api GET "$P" "" -H "Authorization: Basic dXNlcjpwdw==")
is_error "$r" 401 KKB-TOKEN-TIDAK-SAH "a Basic credential"
is "$(header_of GET "$P" WWW-Authenticate -H 'Authorization: Basic dXNlcjpwdw==')" \
	'Bearer realm="kampungkb", error="invalid_token"' "a bad credential's challenge says invalid_token"
r=$(api GET "$P" 'kkb_<script>')
is_error "$r" 401 KKB-TOKEN-TIDAK-SAH "a token with characters outside RFC 6750's token68"
r=$(api GET "$P" "$(head -c 300 /dev/zero | tr '\0' a)")
is_error "$r" 401 KKB-TOKEN-TIDAK-SAH "a 300-character token"
r=$(api GET "$P" "kkb_0000000000000000000000000000000000000000000000000000000000000000")
is_error "$r" 401 KKB-TOKEN-TIDAK-SAH "an unknown token"
is "$(jqb "$r" .message)" '"token tidak sah"' "which is an invalid token"
r=$(api GET "$P" "$TR")
is_error "$r" 401 KKB-TOKEN-DICABUT "a token revoked before its first use"
is "$(jqb "$r" .message)" '"token sudah dicabut"' "which says it was revoked"
r=$(api GET "$P" "$TX")
is_error "$r" 401 KKB-TOKEN-KEDALUWARSA "a token whose validity ended"
is "$(jqb "$r" .message)" '"masa berlaku token sudah habis"' "which says it expired"

r=$(api GET "$P" "$TA")
is "$(status_of "$r")" 200 "a valid pokja token lists its villages (200)"
is "$(status_of "$(http GET "$P" -H "Authorization: bearer $TA")")" 200 \
	"the scheme name is case-insensitive (bearer)"
is "$(status_of "$(http GET "$P" -H "Authorization:   Bearer    $TA  ")")" 200 \
	"extra spaces around the token are accepted"
is "$(status_of "$(api GET "$P" "${TA}x")")" 401 "one character more and it is refused"

# expiry is checked on every request, also for a cached token
TE=$(token kkb_pokja 13.77.01.1001 "Kedaluwarsa (uji 02)" "" "$(sql "SELECT (now() + interval '3 seconds')::text")")
is "$(status_of "$(api GET "$P" "$TE")")" 200 "a token valid for 3 more seconds works (and is cached)"
sleep 3.2
r=$(api GET "$P" "$TE")
is_error "$r" 401 KKB-TOKEN-KEDALUWARSA "after its berlaku_sampai, the cached token"
is "$(jqb "$r" .message)" '"masa berlaku token sudah habis"' "is refused as expired, within the cache time"

# the token's role reaches the database
r=$(api GET "$P" "$TN")
is_error "$r" 403 42501 "an analyst token on village data (kkb_analis may read only kkb_bi)"
is "$(status_of "$(api GET /v1/desa?wilayah=13.77 "$TO")")" 200 "an agency token lists villages"

# public and open routes
is "$(status_of "$(api GET /v1/health "")")" 200 "health needs no token"
is "$(status_of "$(api GET /v1/health "kkb_bogus")")" 200 "and ignores one"
is "$(status_of "$(api GET /v1/wilayah/13.77 "")")" 200 "the region reference needs no token"
is "$(status_of "$(api GET /v1/wilayah/13.77 "$TA")")" 200 "and accepts a valid one"
r=$(api GET /v1/wilayah/13.77 "kkb_0000000000000000000000000000000000000000000000000000000000000000")
is_error "$r" 401 KKB-TOKEN-TIDAK-SAH "but refuses an unknown one"

# routing comes first: unknown routes and wrong methods do not ask for a token
is "$(status_of "$(api GET /v1/tidak-ada "")")" 404 "an unknown route is 404 without a token"
is "$(status_of "$(api DELETE "$P" "")")" 405 "a wrong method is 405 without a token"
r=$(api_json PUT /v1/desa/13.77.01.1001/kkbpk/2026-09 "" '{"kb_pil": 1}')
is_error "$r" 401 KKB-TOKEN-TIDAK-ADA "a write without a token never reaches the database"

# ---------------------------------------------------------------- revocation within the TTL
gw_stop
gw_start $PORT --token-ttl 1
ok $? "the gateway restarts with --token-ttl 1"
is "$(status_of "$(api GET "$P" "$TC")")" 200 "a token works and is cached"
is "$(sql "SELECT kkb.token_cabut('Dicabut setelah dipakai (uji 02)')")" 1 "it is revoked in the database"
sleep 1.2
r=$(api GET "$P" "$TC")
is_error "$r" 401 KKB-TOKEN-DICABUT "once the token TTL has passed, the revoked token"
is "$(jqb "$r" .message)" '"token sudah dicabut"' "is refused as revoked"
is "$(status_of "$(api GET "$P" "$TA")")" 200 "other tokens keep working"

# ---------------------------------------------------------------- the log
gw_stop
ok "$(grep -c "$(echo "$TA" | cut -c5-)" "$GW_LOG" | grep -qx 0; echo $?)" "the token text never appears in the log"
grep '"route":"/v1/desa"' "$GW_LOG" | grep -q "\"token\":\"$LABEL_A\""
ok $? "request lines name the token's label"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"

sql "UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 02)' AND dicabut IS NULL" >/dev/null
done_testing

#!/bin/sh
# The dashboard's static files, served by kkb-gateway from its own binary:
# content types, the Content-Security-Policy and nosniff, caching (index.html
# revalidated with an ETag, 304 on If-None-Match; versioned assets cached for a
# year), 404 for an unknown file or version, no path traversal; and
# GET /v1/saya, which tells the dashboard who the token's holder is.
. "$(dirname "$0")/../gateway/lib.sh"

PORT=18501
U=http://127.0.0.1:$PORT
TMP=$KKB_TEST_DIR/web01
mkdir -p "$TMP"

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# headers PATH [curl args]: the response headers, lower-case names, no CR
headers() {
	p=$1
	shift
	curl -s -o /dev/null -D - "$U$p" "$@" | tr -d '\r' | sed 's/^\([^:]*\):/\L\1:/'
}
hval() { sed -n "s/^$1: //p" | head -n 1; }

# ---------------------------------------------------------------- index.html
r=$(http GET /)
is "$(status_of "$r")" 200 "GET / answers 200 without a token"
headers / > "$TMP/index.h"
is "$(hval content-type < "$TMP/index.h")" "text/html; charset=utf-8" "index.html is text/html; charset=utf-8"
CSP=$(hval content-security-policy < "$TMP/index.h")
case "$CSP" in "default-src 'self';"*) ok 0 "a Content-Security-Policy with default-src 'self'" ;; *) ok 1 "CSP: $CSP" ;; esac
case "$CSP" in *"script-src 'self';"*) ok 0 "scripts from this origin only (no inline script, no eval)" ;; *) ok 1 "script-src: $CSP" ;; esac
case "$CSP" in *unsafe*) ok 1 "no unsafe-* in the policy" ;; *) ok 0 "no unsafe-* in the policy" ;; esac
is "$(hval x-content-type-options < "$TMP/index.h")" nosniff "X-Content-Type-Options: nosniff"
is "$(hval cache-control < "$TMP/index.h")" no-cache "index.html: Cache-Control: no-cache (always revalidated)"
ETAG=$(hval etag < "$TMP/index.h")
ok "$(printf '%s' "$ETAG" | grep -Eq '^"[0-9a-f]{16}"$'; echo $?)" "index.html has an ETag ($ETAG)"
curl -s "$U/" > "$TMP/index.html"
ok "$(grep -q '<script' "$TMP/index.html" && ! grep -Eq '<script[^>]*>[^<]' "$TMP/index.html"; echo $?)" \
	"index.html has no inline script (only <script src>)"
ok "$(grep -Eq 'https?://' "$TMP/index.html"; [ $? -ne 0 ]; echo $?)" "index.html loads nothing from another host"

: > "$TMP/304.body"
s=$(curl -s -o "$TMP/304.body" -w '%{http_code}' -H "If-None-Match: $ETAG" "$U/")
is "$s" 304 "If-None-Match with the ETag: 304"
is "$(wc -c < "$TMP/304.body" | tr -d ' ')" 0 "without a body"
is "$(curl -s -o /dev/null -w '%{http_code}' -H 'If-None-Match: "0000000000000000"' "$U/")" 200 "another ETag: 200"

# ---------------------------------------------------------------- the versioned assets
ASSETS=$(sed -n 's|.*src="\(/assets/[0-9a-f]*\)/main.js".*|\1|p' "$TMP/index.html")
ok "$(printf '%s' "$ASSETS" | grep -Eq '^/assets/[0-9a-f]{16}$'; echo $?)" "index.html names the asset version ($ASSETS)"
for f in main.js:text/javascript app.css:text/css favicon.svg:image/svg+xml api.js:text/javascript; do
	name=${f%%:*}
	want=${f#*:}
	headers "$ASSETS/$name" > "$TMP/a.h"
	is "$(sed -n 's/^HTTP[^ ]* \([0-9]*\).*/\1/p' "$TMP/a.h")" 200 "GET $name: 200"
	case "$(hval content-type < "$TMP/a.h")" in "$want"*) ok 0 "$name is $want" ;; *) ok 1 "$name is $want (got $(hval content-type < "$TMP/a.h"))" ;; esac
	is "$(hval cache-control < "$TMP/a.h")" "public, max-age=31536000, immutable" "$name: cached for a year (its URL changes with it)"
	is "$(hval x-content-type-options < "$TMP/a.h")" nosniff "$name: nosniff"
done
is "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$U$ASSETS/main.js")" 304 "an asset revalidated with its ETag: 304"
# every module the entry imports is served
grep -ho "from '\./[a-z_]*\.js'" gateway/web/*.js 2>/dev/null | sort -u | sed "s|from '\./||; s|'||" > "$TMP/imports"
bad=0
while read -r m; do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$U$ASSETS/$m")" = 200 ] || { bad=1; echo "# missing module $m"; }
done < "$TMP/imports"
ok $bad "every module imported by the dashboard is served ($(wc -l < "$TMP/imports" | tr -d ' ') modules)"

# ---------------------------------------------------------------- working without a connection
headers "/sw.js" > "$TMP/sw.h"
is "$(sed -n 's/^HTTP[^ ]* \([0-9]*\).*/\1/p' "$TMP/sw.h")" 200 "GET /sw.js (the service worker, at the root so that its scope is the whole dashboard): 200"
case "$(hval content-type < "$TMP/sw.h")" in text/javascript*) ok 0 "sw.js is text/javascript" ;; *) ok 1 "sw.js is text/javascript" ;; esac
is "$(hval cache-control < "$TMP/sw.h")" no-cache "sw.js: Cache-Control: no-cache (a new gateway's worker replaces the old one)"
curl -s "$U/sw.js" > "$TMP/sw.js"
ok "$(grep -qF "const ASET = '$ASSETS';" "$TMP/sw.js" && ! grep -q '{{' "$TMP/sw.js"; echo $?)" "sw.js names this build's asset version, no placeholder left"
ok "$(grep -q '"main.js"' "$TMP/sw.js" && grep -q '"antrian.js"' "$TMP/sw.js" && ! grep -q '"index.html"' "$TMP/sw.js"; echo $?)" \
	"sw.js keeps every asset for use offline (main.js, antrian.js ...; index.html as /)"
M=$(sed -n 's|.*rel="manifest" href="\([^"]*\)".*|\1|p' "$TMP/index.html")
is "$M" "$ASSETS/manifest.webmanifest" "index.html links the web app manifest"
is "$(curl -s "$U$M" | jq -c '[.start_url, .display, .lang]')" '["/","standalone","id"]' "the manifest: installable, starts at /, standalone, Indonesian"
is "$(curl -s -o /dev/null -w '%{content_type}' "$U$M")" "application/manifest+json; charset=utf-8" "... served as application/manifest+json (its registered media type)"

# ---------------------------------------------------------------- 404s and traversal
r=$(http GET "$ASSETS/nothing.js")
is_error "$r" 404 KKB-RUTE-TIDAK-ADA "an unknown asset"
r=$(http GET "/assets/0000000000000000/main.js")
is_error "$r" 404 KKB-RUTE-TIDAK-ADA "another version of a known asset"
r=$(http GET "$ASSETS/index.html")
is "$(status_of "$r")" 404 "index.html is only served at /"
for p in "$ASSETS/../../../etc/passwd" "$ASSETS/..%2f..%2f..%2fetc%2fpasswd" "$ASSETS/%2e%2e/%2e%2e/gateway/src/h_web.c" \
	"/assets/..%2f..%2fetc/passwd" "/index.html" "/../../etc/passwd" "$ASSETS/main.js/"; do
	: > "$TMP/trav.body"
	out=$(curl -s --path-as-is -o "$TMP/trav.body" -w '%{http_code}' "$U$p")
	ok "$([ "$out" = 404 ] || [ "$out" = 400 ] && ! grep -q 'root:' "$TMP/trav.body"; echo $?)" "no traversal: $p is $out"
done
is "$(status_of "$(http POST /)")" 405 "POST / is 405"
is "$(curl -s -o /dev/null -w '%{http_code}' "$U/v1/health")" 200 "the gateway still answers"

# ---------------------------------------------------------------- GET /v1/saya
TO=$(token kkb_opd 13.77 "Dinkes Pariaman (uji web01)" dinkes)
TP=$(token kkb_pokja 13.77.01.1001 "Pokja Karan Aur (uji web01)")
TD=$(token kkb_admin "" "Admin (uji web01)")
TN=$(token kkb_analis 13.77 "Analis (uji web01)")
is "$(jqb "$(api GET /v1/saya "$TO")" .)" '{"peran":"kkb_opd","label":"Dinkes Pariaman (uji web01)","wilayah":"13.77","opd":"dinkes","kesehatan":true}' \
	"GET /v1/saya, an agency: role, label, scope, agency, and that it is the health agency"
is "$(jqb "$(api GET /v1/saya "$TP")" '[.peran, .wilayah, .opd]')" '["kkb_pokja","13.77.01.1001",null]' "a Pokja: its village"
is "$(jqb "$(api GET /v1/saya "$TD")" '[.peran, .wilayah, .opd]')" '["kkb_admin",null,null]' "an administrator: no scope"
is "$(jqb "$(api GET /v1/saya "$TN")" '.peran')" '"kkb_analis"' "an analyst"
r=$(api GET /v1/saya "")
is_error "$r" 401 KKB-TOKEN-TIDAK-ADA "GET /v1/saya without a token"
is "$(header_of GET /v1/saya WWW-Authenticate)" 'Bearer realm="kampungkb"' "with WWW-Authenticate: Bearer"
r=$(api GET /v1/saya "not-a-token")
is "$(status_of "$r")" 401 "an unknown token: 401"
is "$(header_of GET /v1/saya Cache-Control -H "Authorization: Bearer $TO")" no-store "GET /v1/saya is not cached"
sql "UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji web01)' AND dicabut IS NULL" >/dev/null

gw_stop
done_testing

#!/bin/sh
# Signing in with a one-time sign-in link in a real browser (Debian's chromium
# driven by Playwright, as tests/web/02_browser.sh): an administrator on a
# desktop makes a link and sees its QR code; a phone opens it, names itself,
# lands on its village scorecard and stays signed in after the page is closed;
# the administrator revokes it and the phone gets the sign-in page with a clear
# message; a pasted token stays in the tab unless "Ingat di perangkat ini".
# The demo city in its own database (kampungkb_web5).  Screenshots:
# build/web-screenshots/5*.png.
. "$(dirname "$0")/../gateway/lib.sh"

PORT=18550
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHOTS=$ROOT/build/web-screenshots
TMP=$KKB_TEST_DIR/web05
mkdir -p "$TMP"

if [ ! -x /usr/bin/chromium ]; then
	echo "1..0 # SKIP chromium not installed"
	exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "1..0 # SKIP node or npm not installed"
	exit 0
fi

WEB_DB=kampungkb_web5
cluster psql -d postgres -X -q -c "DROP DATABASE IF EXISTS $WEB_DB" >/dev/null 2>&1
cluster createdb "$WEB_DB" >/dev/null
KKB_TEST_DB=$WEB_DB
sql "SET search_path = kkb, public; SELECT count(*) FROM kkb.hasilkan('13.77', 0.05, 1)" >/dev/null ||
	{ echo "Bail out! could not generate the demo city into $WEB_DB"; exit 1; }
ok 0 "the demo city Kota Pariaman generated into database $WEB_DB"

TOKEN_ADMIN=$(token kkb_admin "" "Admin Kota Pariaman")
TOKEN_OPD=$(token kkb_opd 13.77 "Dinkes Pariaman" dinkes)

if [ ! -d "$HERE/node/node_modules/playwright-core" ]; then
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$HERE/node" --no-audit --no-fund >"$TMP/npm.log" 2>&1
	ok $? "npm ci installed playwright-core (pinned)"
	sed 's/^/# /' "$TMP/npm.log" | tail -n 5
fi

KKB_WEB_URL=http://127.0.0.1:$PORT
export KKB_WEB_URL
# the token cache at 1 s: the revoked phone is refused at once
gw_start $PORT --token-ttl 1 || { echo "Bail out! the gateway did not start"; exit 1; }
KKB_WEB_SHOTS=$SHOTS KKB_WEB_TOKEN_ADMIN=$TOKEN_ADMIN KKB_WEB_TOKEN_OPD=$TOKEN_OPD \
KKB_WEB_PSQL="[\"$ROOT/scripts/cluster.sh\",\"$KKB_TEST_DIR\",\"$KKB_TEST_PORT\",\"psql\",\"-d\",\"$WEB_DB\",\"-X\",\"-q\",\"-tA\",\"-c\"]" \
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node "$HERE/node/masuk.mjs" > "$TMP/node.out" 2> "$TMP/node.err"
rc=$?
while IFS= read -r line; do
	case $line in
	"ok - "*) ok 0 "${line#ok - }" ;;
	"not ok - "*) ok 1 "${line#not ok - }" ;;
	*) echo "$line" ;;
	esac
done < "$TMP/node.out"
[ $rc -eq 0 ] || sed 's/^/# stderr: /' "$TMP/node.err" | head -n 20
ok $rc "the browser run ended cleanly"
gw_stop

done_testing

#!/bin/sh
# The dashboard's layout (tata letak) on a phone and on a laptop: every view
# each role can reach - signed out, the agency (OPD), the village Pokja, the
# province's portal, the analyst and the administrator - opened in Debian's
# chromium (playwright-core, as tests/web/02_browser.sh) at 390 x 844 (a phone,
# also checked at 360 and 414 px wide) and at 1366 x 768 (a laptop).  On each:
# the page does not scroll sideways (scrollWidth <= clientWidth), every visible
# text lies inside the viewport unless it sits in a box that scrolls sideways on
# purpose (overflow-x auto/scroll), no text is cut by an overflow-hidden box
# unless it ends in an ellipsis and carries its full text in a title, and every
# chart's SVG <text> lies inside its chart.  A self-test first: an overflowing
# element, a cut badge and a label outside its chart injected into a page must
# be reported, so that this test can fail.  The Pokja weighs one child twice
# on the same day (one row, the second weight).  Screenshots of every view at
# both sizes: build/web-screenshots/NN-<view>-<role>-{ponsel,layar}.png
# (listed in docs/DASHBOARD.md).  Its own database (kampungkb_web3) and port.
. "$(dirname "$0")/../gateway/lib.sh"

PORT=18530
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHOTS=$ROOT/build/web-screenshots
TMP=$KKB_TEST_DIR/web03
mkdir -p "$TMP"

if [ ! -x /usr/bin/chromium ]; then
	echo "1..0 # SKIP chromium not installed"
	exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "1..0 # SKIP node or npm not installed"
	exit 0
fi

# the demo city in its own database, generated fresh at 5% of the population
WEB_DB=kampungkb_web3
cluster psql -d postgres -X -q -c "DROP DATABASE IF EXISTS $WEB_DB" >/dev/null 2>&1
cluster createdb "$WEB_DB" >/dev/null
KKB_TEST_DB=$WEB_DB
sql "SET search_path = kkb, public; SELECT count(*) FROM kkb.hasilkan('13.77', 0.05, 1)" >/dev/null ||
	{ echo "Bail out! could not generate the demo city into $WEB_DB"; exit 1; }
ok 0 "the demo city Kota Pariaman generated into database $WEB_DB"
PERIODE=$(sql "SELECT to_char(current_date, 'YYYY-MM')")

TOKEN_OPD=$(token kkb_opd 13.77 "Dinkes Pariaman" dinkes)
TOKEN_POKJA=$(token kkb_pokja 13.77.01.1001 "Pokja Karan Aur")
TOKEN_PROV=$(token kkb_provinsi 13 "Portal Sumatera Barat")
TOKEN_ANALIS=$(token kkb_analis 13.77 "Analis Bappeda Pariaman")
TOKEN_ADMIN=$(token kkb_admin "" "Admin Kota Pariaman")

if [ ! -d "$HERE/node/node_modules/playwright-core" ]; then
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$HERE/node" --no-audit --no-fund >"$TMP/npm.log" 2>&1
	ok $? "npm ci installed playwright-core (pinned)"
	sed 's/^/# /' "$TMP/npm.log" | tail -n 5
fi

KKB_WEB_URL=http://127.0.0.1:$PORT
export KKB_WEB_URL
gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }

# the browser script's "ok - ..." lines become this file's TAP
KKB_WEB_SHOTS=$SHOTS KKB_WEB_PERIODE=$PERIODE KKB_WEB_TOKEN_OPD=$TOKEN_OPD KKB_WEB_TOKEN_POKJA=$TOKEN_POKJA \
KKB_WEB_TOKEN_PROV=$TOKEN_PROV KKB_WEB_TOKEN_ANALIS=$TOKEN_ANALIS KKB_WEB_TOKEN_ADMIN=$TOKEN_ADMIN \
KKB_WEB_PSQL="[\"$ROOT/scripts/cluster.sh\",\"$KKB_TEST_DIR\",\"$KKB_TEST_PORT\",\"psql\",\"-d\",\"$WEB_DB\",\"-X\",\"-q\",\"-tA\",\"-c\"]" \
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node "$HERE/node/tata_letak.mjs" > "$TMP/node.out" 2> "$TMP/node.err"
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

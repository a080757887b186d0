#!/bin/sh
# The web dashboard in a real browser: Debian's chromium driven by Playwright
# (playwright-core, pinned in node/package-lock.json, installed with npm ci;
# it never downloads a browser) against the real gateway and the demo city
# Kota Pariaman, generated into its own database (kampungkb_web) so the other
# tests' fixtures are not touched.  An agency (OPD) signs in, sees the 71
# villages, sorts, filters, downloads the CSV, opens a village scorecard and
# its work list; a Pokja sees its scorecard on a phone-sized screen, sends a
# KKBPK report with one invalid field (kb_pil = -3), sees the server's Indonesian message at that
# field (the API body names it: code KKB-KKBPK-KB-PIL-NEGATIF, "kolom":"kb_pil"),
# fixes it, sees it saved (checked with psql) and submits the month; it cannot
# open another village's scorecard.  It weighs a child on the phone: finds it
# by name among the village's under-fives, a 250 kg weight is refused at the
# field, the real one is stored and its z-scores shown as the database has them;
# it records a family, a member (a bad NIK refused at the field first) and a
# birth, each checked with psql; it enters 3 records with the network cut,
# reloads the page offline and reconnects: all 3 stored once.  The agency
# records an intervention on the village page (a missing title refused at the
# field first), then approves the submitted month there, its validation
# results shown first, and an administrator on a phone locks it and reopens it
# (each state checked with psql).  Then a gateway whose database is down:
# a clear message, not a blank page.  Screenshots: build/web-screenshots/.
. "$(dirname "$0")/../gateway/lib.sh"

PORT=18510
PORT_MATI=18511
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHOTS=$ROOT/build/web-screenshots
TMP=$KKB_TEST_DIR/web02
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
WEB_DB=kampungkb_web
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

# run_node MODE: the browser script's "ok - ..." lines become this file's TAP
run_node() {
	KKB_WEB_SHOTS=$SHOTS KKB_WEB_PERIODE=$PERIODE KKB_WEB_TOKEN_OPD=$TOKEN_OPD KKB_WEB_TOKEN_POKJA=$TOKEN_POKJA KKB_WEB_TOKEN_PROV=$TOKEN_PROV KKB_WEB_TOKEN_ANALIS=$TOKEN_ANALIS KKB_WEB_TOKEN_ADMIN=$TOKEN_ADMIN \
	KKB_WEB_PSQL="[\"$ROOT/scripts/cluster.sh\",\"$KKB_TEST_DIR\",\"$KKB_TEST_PORT\",\"psql\",\"-d\",\"$WEB_DB\",\"-X\",\"-q\",\"-tA\",\"-c\"]" \
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node "$HERE/node/dashboard.mjs" "$1" > "$TMP/node-$1.out" 2> "$TMP/node-$1.err"
	rc=$?
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok 0 "${line#ok - }" ;;
		"not ok - "*) ok 1 "${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done < "$TMP/node-$1.out"
	[ $rc -eq 0 ] || sed 's/^/# stderr: /' "$TMP/node-$1.err" | head -n 20
	ok $rc "the browser run ($1) ended cleanly"
}

KKB_WEB_URL=http://127.0.0.1:$PORT
export KKB_WEB_URL
gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
run_node utama
gw_stop

# the database away: a gateway pointed at a port where nothing listens
KKB_WEB_URL=http://127.0.0.1:$PORT_MATI
KKB_TEST_PORT_REAL=$KKB_TEST_PORT
KKB_TEST_PORT=1
gw_start $PORT_MATI || { echo "Bail out! the gateway did not start"; exit 1; }
KKB_TEST_PORT=$KKB_TEST_PORT_REAL
run_node mati
gw_stop

done_testing

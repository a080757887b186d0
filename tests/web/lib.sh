# lib.sh - what the browser tests share (sourced after tests/gateway/lib.sh).
#
# web_siapkan NAME DB: skips the file (1..0 # SKIP) when Debian's chromium or
#   node/npm are missing; generates the demo city Kota Pariaman fresh into its
#   own database DB at 5% of the population (the other tests' fixtures are not
#   touched); makes a token of each role (TOKEN_OPD, TOKEN_POKJA for Karan Aur,
#   TOKEN_PROV, TOKEN_ANALIS, TOKEN_ADMIN); sets PERIODE (this month), TMP
#   ($KKB_TEST_DIR/NAME) and installs playwright-core (pinned) with npm ci when
#   it is missing - it never downloads a browser.
# web_node SCRIPT [MODE]: runs tests/web/node/SCRIPT against KKB_WEB_URL with
#   that environment (tests/web/node/tap.mjs reads it); its "ok - ..." lines
#   become this file's TAP, and its clean end one more test.
WEB_HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$WEB_HERE/../.." && pwd)
SHOTS=$ROOT/build/web-screenshots

web_siapkan() {
	TMP=$KKB_TEST_DIR/$1
	mkdir -p "$TMP"
	if [ ! -x /usr/bin/chromium ]; then
		echo "1..0 # SKIP chromium not installed"
		exit 0
	fi
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		echo "1..0 # SKIP node or npm not installed"
		exit 0
	fi
	WEB_DB=$2
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

	if [ ! -d "$WEB_HERE/node/node_modules/playwright-core" ]; then
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$WEB_HERE/node" --no-audit --no-fund >"$TMP/npm.log" 2>&1
		ok $? "npm ci installed playwright-core (pinned)"
		sed 's/^/# /' "$TMP/npm.log" | tail -n 5
	fi
}

web_node() {
	out=$TMP/node-$1${2:+-$2}
	KKB_WEB_SHOTS=$SHOTS KKB_WEB_PERIODE=$PERIODE KKB_WEB_TOKEN_OPD=$TOKEN_OPD KKB_WEB_TOKEN_POKJA=$TOKEN_POKJA \
	KKB_WEB_TOKEN_PROV=$TOKEN_PROV KKB_WEB_TOKEN_ANALIS=$TOKEN_ANALIS KKB_WEB_TOKEN_ADMIN=$TOKEN_ADMIN \
	KKB_WEB_PSQL="[\"$ROOT/scripts/cluster.sh\",\"$KKB_TEST_DIR\",\"$KKB_TEST_PORT\",\"psql\",\"-d\",\"$WEB_DB\",\"-X\",\"-q\",\"-tA\",\"-c\"]" \
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node "$WEB_HERE/node/$1" ${2:+"$2"} > "$out.out" 2> "$out.err"
	rc=$?
	tap_dari "$out.out"
	[ $rc -eq 0 ] || sed 's/^/# stderr: /' "$out.err" | head -n 20
	ok $rc "the browser run ($1${2:+ $2}) ended cleanly"
}

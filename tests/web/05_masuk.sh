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
. "$(dirname "$0")/lib.sh"

PORT=18550
web_siapkan web05 kampungkb_web5

KKB_WEB_URL=http://127.0.0.1:$PORT
export KKB_WEB_URL
# the token cache at 1 s: the revoked phone is refused at once
gw_start $PORT --token-ttl 1 || { echo "Bail out! the gateway did not start"; exit 1; }
web_node masuk.mjs
gw_stop

done_testing

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
. "$(dirname "$0")/lib.sh"

PORT=18530
web_siapkan web03 kampungkb_web3

KKB_WEB_URL=http://127.0.0.1:$PORT
export KKB_WEB_URL
# the test visits every view of a role in seconds, at three widths - far faster than a person
# does: the per-token read limit is raised so that it measures the layout, not the limit
gw_start $PORT --limit-read 200/2000 || { echo "Bail out! the gateway did not start"; exit 1; }

web_node tata_letak.mjs
gw_stop

done_testing

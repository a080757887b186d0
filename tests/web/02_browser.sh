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
. "$(dirname "$0")/lib.sh"

PORT=18510
PORT_MATI=18511
web_siapkan web02 kampungkb_web

KKB_WEB_URL=http://127.0.0.1:$PORT
export KKB_WEB_URL
gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
web_node dashboard.mjs utama
gw_stop

# the database away: a gateway pointed at a port where nothing listens
KKB_WEB_URL=http://127.0.0.1:$PORT_MATI
KKB_TEST_PORT_REAL=$KKB_TEST_PORT
KKB_TEST_PORT=1
gw_start $PORT_MATI || { echo "Bail out! the gateway did not start"; exit 1; }
KKB_TEST_PORT=$KKB_TEST_PORT_REAL
web_node dashboard.mjs mati
gw_stop

done_testing

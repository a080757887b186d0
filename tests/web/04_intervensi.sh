#!/bin/sh
# Interventions in a real browser (Debian's chromium driven by Playwright, as
# tests/web/02_browser.sh): an agency (dinkes) pages through a village's 25
# interventions (20 a page, with the total), changes one of its own on the 2nd
# page on a phone (390x844) and on a desktop, sees the server's error at the
# field, and after a concurrent change (made with psql) sees both versions and
# chooses one; it adds a photo (resized in the browser), sees it and removes it;
# psql checks what is stored after each step.  The demo city in its
# own database (kampungkb_web4).  Screenshots: build/web-screenshots/4*.png.
. "$(dirname "$0")/../gateway/lib.sh"
. "$(dirname "$0")/lib.sh"

PORT=18540
web_siapkan web04 kampungkb_web4

# the village's interventions: 24 recorded by the health agency (one a day from 1 Sep 2026: the newest
# first, #24 heads page 1, #4..#1 are the 21st..24th) and one by the village's pokja (the oldest)
A=13.77.01.1001
sql "DELETE FROM kkb.intervensi WHERE kode_desa = '$A';
INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, sasaran, opd, pemilik_opd)
SELECT '$A', date '2026-09-01' + n, 'Uji 04 nomor ' || lpad(n::text, 2, '0'), 'perlindungan', '{balita}', '{dinkes}', 'dinkes'
  FROM generate_series(1, 24) n;
INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('$A', '2026-08-01', 'Uji 04 milik desa', 'ekonomi');" >/dev/null ||
	{ echo "Bail out! could not load the interventions"; exit 1; }
ok 0 "25 interventions in $A: 24 of dinkes, 1 of the village"

KKB_WEB_URL=http://127.0.0.1:$PORT
export KKB_WEB_URL
gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
web_node intervensi.mjs
gw_stop

done_testing

#!/bin/sh
# Saving a monthly report with the version read: PUT /v1/desa/{kode}/kkbpk/{periode} (and
# profil-kampung, penduduk) with If-Match naming the versi a GET gave, or If-None-Match: *
# when the month was empty.  Two cadres open the same month; the first to save wins and the
# second gets 412 with both versions and the stored report, nothing of it written; without
# either header the body replaces the month as before.  /openapi.json declares the headers
# and the 412, and no 428 (the headers are optional on these routes).
# (Village 13.77.04.2015 is made a Kampung KB of its own for the test, as tests/gateway/29 does.)
. "$(dirname "$0")/lib.sh"

PORT=18310
A=13.77.04.2015
FIXTURE_DELETE="
SET session_replication_role = replica;
DELETE FROM kkb.kkbpk WHERE kode_desa = '$A';
DELETE FROM kkb.profil WHERE kode_desa = '$A';
DELETE FROM kkb.periode_status WHERE kode_desa = '$A';
DELETE FROM kkb.kampung WHERE kode_desa = '$A';
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 31)' AND dicabut IS NULL;"
sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji Versi');" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
T1=$(token kkb_pokja $A "Kader satu (uji 31)")
T2=$(token kkb_pokja $A "Kader dua (uji 31)")
gw_start $PORT
ok $? "gateway started"

P=/v1/desa/$A/kkbpk/2026-10
put() { # TOKEN BODY HEADER...
	t=$1 b=$2
	shift 2
	api PUT "$P" "$t" -H 'Content-Type: application/json' "$@" --data-binary "$b"
}
pil() { sql "SELECT coalesce(kb_pil::text, '-') FROM kkb.kkbpk WHERE kode_desa = '$A' AND periode = '2026-10-01'"; }
versi() { sql "SELECT kkb._versi_baris(diubah_pada) FROM kkb.kkbpk WHERE kode_desa = '$A' AND periode = '2026-10-01'"; }

# ---------------------------------------------------------------- both open an empty month
is_error "$(api GET "$P" "$T1")" 404 KKB-TIDAK-DITEMUKAN "the month has no report yet: 404 (the form starts empty)"
r=$(put "$T1" '{"kb_pil": 3}' -H 'If-None-Match: *')
is "$(status_of "$r") $(jqb "$r" '[.kb_pil, (.versi | test("^[0-9]+$"))]')" '201 [3,true]' \
	"the first cadre saves with If-None-Match: *: 201 with its versi"
V1=$(jqb "$r" .versi | tr -d '"')
is "$V1" "$(versi)" "  the versi is the stored row's"
r=$(put "$T2" '{"kb_pil": 7}' -H 'If-None-Match: *')
is "$(status_of "$r") $(jqb "$r" '[.code, .versi_sekarang, .sekarang.kb_pil, .hint != null]')" \
	"412 [\"KKB-LAPORAN-SUDAH-ADA\",\"$V1\",3,true]" \
	"the second, also from the empty form: 412 with the stored report and its version"
is "$(pil)" 3 "  the first cadre's figure stays"

# ---------------------------------------------------------------- both open the stored month
r=$(api GET "$P" "$T2")
is "$(status_of "$r") $(jqb "$r" .versi | tr -d '"')" "200 $V1" "GET gives the versi to send back"
r=$(put "$T1" '{"kb_pil": 4}' -H "If-Match: \"$V1\"")
is "$(status_of "$r")" 200 "the first saves with If-Match: 200"
V2=$(versi)
ok "$([ "$V2" != "$V1" ] && [ "$(jqb "$r" .versi | tr -d '"')" = "$V2" ]; echo $?)" "  a new versi, the one the answer gives"
r=$(put "$T2" '{"kb_pil": 8}' -H "If-Match: \"$V1\"")
is "$(status_of "$r") $(jqb "$r" '[.code, .versi_dikirim, .versi_sekarang, .sekarang.kb_pil]')" \
	"412 [\"KKB-LAPORAN-BERUBAH\",\"$V1\",\"$V2\",4]" \
	"the second with the version it read: 412 with both versions and the stored report"
is "$(jqb "$r" .message | tr -d '"')" "laporan kkbpk desa $A bulan 2026-10 sudah diubah orang lain sejak Anda membukanya" \
	"  in Indonesian, naming the report, village and month"
is "$(pil)" 4 "  nothing of the stale save is stored"
r=$(put "$T2" '{"kb_pil": 8}' -H "If-Match: \"$V2\"")
is "$(status_of "$r") $(pil)" "200 8" "  sent again with versi_sekarang (keeping its own figures): 200, stored"

# ---------------------------------------------------------------- without the headers; the other reports
is "$(status_of "$(put "$T1" '{"kb_pil": 9}')") $(pil)" "200 9" "without If-Match: the body replaces the month, as before"
r=$(api PUT "/v1/desa/$A/profil-kampung/2026-10" "$T1" -H 'Content-Type: application/json' -H 'If-Match: "1"' --data-binary '{}')
is_error "$r" 412 KKB-LAPORAN-BERUBAH "If-Match on a month without that report: 412"
is "$(jqb "$r" .sekarang)" null "  sekarang null: nothing stored"
r=$(api PUT "/v1/desa/$A/profil-kampung/2026-10" "$T1" -H 'Content-Type: application/json' -H 'If-None-Match: *' --data-binary '{}')
is "$(status_of "$r")" 201 "the profile with If-None-Match: *: 201"

# ---------------------------------------------------------------- a locked month stays locked
sql "INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES ('$A', '2026-10-01', 'dikunci')" >/dev/null
is_error "$(put "$T1" '{"kb_pil": 1}' -H "If-Match: \"$(versi)\"")" 409 KKB-PERIODE-TERKUNCI "a locked month with the right version: 409"
is "$(pil)" 9 "  unchanged"

# ---------------------------------------------------------------- the description
D=$(curl -s "http://127.0.0.1:$PORT/openapi.json")
is "$(printf '%s' "$D" | jq -c '.paths["/v1/desa/{kode}/kkbpk/{periode}"].put | [([.parameters[] | select(.in == "header") | .name] | sort), (.responses | has("412")), (.responses | has("428")), (.responses | has("201"))]')" \
	'[["If-Match","If-None-Match"],true,false,true]' "/openapi.json: the PUT takes If-Match and If-None-Match, may answer 412 and 201, never 428"
is "$(printf '%s' "$D" | jq -c '.paths["/v1/desa/{kode}/intervensi/{id}"].put.responses | [has("412"), has("428")]')" '[true,true]' \
	"  the intervention's PUT, which needs If-Match, may answer 428 too"

gw_stop
sql "$FIXTURE_DELETE" >/dev/null
done_testing

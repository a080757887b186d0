#!/bin/sh
# Spreadsheet exports of the list routes (issue 20): <list>.xlsx, an Excel workbook written with
# libxlsxwriter and opened here by a real reader (python3-openpyxl), and <list>.csv?format=excel,
# CSV for a spreadsheet in an Indonesian locale (BOM, ';', decimal comma, nested values
# flattened, codes kept as text).  Fixture: a generated kecamatan of Bukittinggi (13.75.01).
. "$(dirname "$0")/lib.sh"
PORT=18770
sql "SELECT count(*) FROM kkb.hasilkan('13.75.01', 0.05, 17, 1, '2026-10-01')" >/dev/null
A=$(sql "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '13.75.01'")
sql "INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, opd) VALUES ('$A', '2026-10-05', '=HYPERLINK(\"http://evil.example\",\"Klik\")', 'perlindungan', '{dinkes}')" >/dev/null
T=$(token kkb_admin "" "Admin (uji 27)")
gw_start $PORT || exit 1
D=$(mktemp -d)
get() { curl -s -D "$D/h" -o "$D/$2" -H "Authorization: Bearer $T" "http://127.0.0.1:$PORT$1"; tr -d '\r' < "$D/h" > "$D/h2"; }
hdr() { sed -n "s/^$1: //Ip" "$D/h2" | head -n 1; }
# Debian's python3 (/usr/bin: another python on PATH may lack it) + python3-openpyxl: the workbook's rows as JSON (cell values, and the type of each cell: s text, n number, b boolean, f formula)
xlsx_json() {
	/usr/bin/python3 - "$1" <<'PY'
import json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1]).active
rows = [[c.value for c in r] for r in ws.iter_rows()]
types = [[c.data_type for c in r] for r in ws.iter_rows()]
print(json.dumps({"sheet": ws.title, "rows": rows, "types": types}))
PY
}
Q="wilayah=13.75.01&periode=2026-10"

# ---------------------------------------------------------------- .xlsx
get "/v1/klasifikasi?$Q" k.json
get "/v1/klasifikasi.xlsx?$Q" k.xlsx
is "$(head -n 1 "$D/h2" | cut -d' ' -f2)" 200 "GET /v1/klasifikasi.xlsx: 200"
is "$(hdr Content-Type)" "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "... an Excel workbook"
is "$(hdr Content-Disposition)" 'attachment; filename="klasifikasi.xlsx"' "... as a file named after the path"
X=$(xlsx_json "$D/k.xlsx")
ok "$([ -n "$X" ] && echo 0 || echo 1)" "openpyxl opens the workbook"
is "$(printf '%s' "$X" | jq -r .sheet)" data "one sheet, data"
is "$(printf '%s' "$X" | jq '.rows | length')" "$(( $(jq '.data | length' "$D/k.json") + 1 ))" "a header row and one row per village of the JSON answer"
is "$(printf '%s' "$X" | jq -c '.rows[0] | map(select(startswith("skor_"))) | length')" 12 "the 12 scores flattened into columns skor_..."
is "$(printf '%s' "$X" | jq -r '.rows[0][0]')" kode_desa "... the village code first"
col() { printf '%s' "$X" | jq -r --arg c "$1" '(.rows[0] | index($c)) as $i | .rows[1][$i]'; }
typ() { printf '%s' "$X" | jq -r --arg c "$1" '(.rows[0] | index($c)) as $i | .types[1][$i]'; }
is "$(col kode_desa) $(typ kode_desa)" "$(jq -r '.data[0].kode_desa' "$D/k.json") s" "the village code is a text cell with its dots"
is "$(col skor_input_pokja) $(typ skor_input_pokja)" "$(jq -r '.data[0].skor.input_pokja' "$D/k.json") n" "a score is a number cell"
i=$(printf '%s' "$X" | jq -r '.rows[0] | map(select(test("indeks"))) | .[0]')
is "$(typ "$i")" n "an index ($i) is a number cell"

# a formula in a title is a text cell, never a formula
get "/v1/desa/$A/intervensi.xlsx" i.xlsx
X=$(xlsx_json "$D/i.xlsx")
is "$(printf '%s' "$X" | jq -r '(.rows[0] | index("judul")) as $i | [.rows[1][$i], .types[1][$i]] | @tsv')" \
	"$(printf '=HYPERLINK("http://evil.example","Klik")\ts')" "a title that looks like a formula is a text cell holding it unchanged"

# a text longer than a cell holds (an agency's very long description) is cut, marked, not a failed export
sql "INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, uraian) VALUES ('$A', '2026-10-06', 'Panjang', 'perlindungan', repeat('é', 40000))" >/dev/null
get "/v1/desa/$A/intervensi.xlsx" p.xlsx
is "$(head -n 1 "$D/h2" | cut -d' ' -f2)" 200 "a 40,000-character description: the workbook is still made"
is "$(xlsx_json "$D/p.xlsx" | jq -r '(.rows[0] | index("uraian")) as $i | [.rows[] | .[$i] | select(. != null) | select(endswith("[dipotong]")) | length] | .[0]')" \
	32759 "... the cell holds the first 32,747 characters and the mark \"… [dipotong]\""

# errors stay JSON; no rows: a header-less workbook that still opens
get "/v1/klasifikasi.xlsx?wilayah=13.75.01&periode=2026-13" e.json
is "$(head -n 1 "$D/h2" | cut -d' ' -f2) $(jq -r .code "$D/e.json")" "400 KKB-PERIODE-FORMAT" "an error answer stays JSON (a bad month: 400)"
get "/v1/desa/$A/validasi.xlsx?periode=2026-01" v.xlsx
is "$(xlsx_json "$D/v.xlsx" | jq -c .rows)" "[]" "an empty list: an empty sheet that opens"

# ---------------------------------------------------------------- .csv?format=excel
get "/v1/klasifikasi.csv?$Q&format=excel" k.csv
is "$(hdr Content-Type)" "text/csv; charset=utf-8" "GET /v1/klasifikasi.csv?format=excel: CSV"
is "$(head -c 3 "$D/k.csv" | od -An -tx1 | tr -d ' ')" efbbbf "... starting with a UTF-8 byte-order mark"
C=$(/usr/bin/python3 - "$D/k.csv" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
print(json.dumps(rows))
PY
)
is "$(printf '%s' "$C" | jq -c '.[0]')" "$(xlsx_json "$D/k.xlsx" | jq -c '.rows[0]')" "';'-separated, the same columns as the workbook"
is "$(printf '%s' "$C" | jq -r '.[1][0]')" "=\"$(jq -r '.data[0].kode_desa' "$D/k.json")\"" "the village code as =\"...\" (stays text)"
n=$(printf '%s' "$C" | jq -r '(.[0] | index("indeks_input")) as $i | .[1][$i]')
ok "$(printf '%s' "$n" | grep -qE '^[0-9]+(,[0-9]+)?$' && echo 0 || echo 1)" "numbers with a decimal comma ($n)"
is "$(jq -r '.data[0].indeks_input' "$D/k.json" | tr . ,)" "$n" "... the JSON answer's number"
get "/v1/klasifikasi.csv?$Q" plain.csv
ok "$(head -c 3 "$D/plain.csv" | od -An -tx1 | tr -d ' ' | grep -qv efbbbf && echo 0 || echo 1)" "the plain .csv is unchanged: no BOM, commas"

# each form has its own ETag
e1=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $T" "http://127.0.0.1:$PORT/v1/klasifikasi.xlsx?$Q" | tr -d '\r' | sed -n 's/^ETag: //Ip')
e2=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $T" "http://127.0.0.1:$PORT/v1/klasifikasi.csv?$Q" | tr -d '\r' | sed -n 's/^ETag: //Ip')
ok "$([ -n "$e1" ] && [ "$e1" != "$e2" ] && echo 0 || echo 1)" "the workbook and the CSV have different ETags"

rm -rf "$D"
gw_stop
sql "SELECT count(*) FROM kkb.hasilkan_hapus('13.75.01')" >/dev/null
done_testing

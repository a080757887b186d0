#!/bin/sh
# Vital events and CSV export.
# 1. POST /v1/desa/{kode}/peristiwa: bulk sync of births, deaths and moves by
#    (kode_desa, ref), JSON array or CSV: the import summary with the rejected
#    rows (each CHECK of kkb.peristiwa), re-sending changes nothing (no audit
#    row), dry_run and atomik write nothing, CSV quoting, another village 404.
# 2. CSV export of the list routes (Accept: text/csv, or the path + ".csv"):
#    text/csv; charset=utf-8, Content-Disposition, a header row, as many records
#    as the JSON answer has rows, and the same values (compared with jq's @csv
#    of the JSON answer), quotes and commas included; errors stay JSON.
# Fixture (set up here, removed at the end): Kampung KB A = 13.75.03.1001 and
# B = 13.75.03.1002 (Bukittinggi, Aur Birugo Tigo Baleh: away from 03's
# Pariaman and 04's 13.75.01).
. "$(dirname "$0")/lib.sh"

PORT=18110
A=13.75.03.1001
B=13.75.03.1002
NAMA_A='Kampung KB "Maju", Aur Kuning'
TMP=$KKB_TEST_DIR/uji06
mkdir -p "$TMP"

FIXTURE_DELETE="
DELETE FROM kkb.peringatan WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.peristiwa WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.nilai WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 06)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES
	('$A', 'Kampung KB \"Maju\", Aur Kuning', '2023-01-01'), ('$B', 'Kampung KB Birugo', '2023-01-01');
-- entered values of October 2026 that give A two problems in the agencies' work list (stunting, poverty)
INSERT INTO kkb.nilai (kode_desa, periode, kode_elemen, nilai) VALUES
	('$A', '2026-10-01', 'balita_stunting', 12), ('$A', '2026-10-01', 'balita_diukur', 40), ('$A', '2026-10-01', 'keluarga_miskin', 5);" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $A and $B"

TA=$(token kkb_pokja $A "Pokja A (uji 06)")
TB=$(token kkb_pokja $B "Pokja B (uji 06)")
TD=$(token kkb_admin "" "Admin (uji 06)")

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

post() { api POST "$1" "$2" -H "Content-Type: ${4:-application/json}" --data-binary "@$3"; }
audit_count() { sql "SELECT count(*) FROM kkb.audit_kunci WHERE kode_desa IN ('$A', '$B') AND tabel = 'peristiwa'"; }
stored() { sql "SELECT count(*) FROM kkb.peristiwa WHERE kode_desa = '$A'"; }
counts() { jqb "$1" '[.diimpor, .diperbarui, .diabaikan, .ditolak]'; }

# ================================================================ 47 events, 7 bad rows
# 40 good rows (births with a note, infant deaths, moves in and out), ref ev-0001..; bad rows at 41..47
awk 'BEGIN {
	for (i = 1; i <= 40; i++) {
		k = i % 4; d = sprintf("2026-10-%02d", i % 28 + 1); sex = (i % 2) ? "L" : "P";
		if (k == 0) printf "{\"ref\":\"ev-%04d\",\"jenis\":\"lahir\",\"tanggal\":\"%s\",\"jenis_kelamin\":\"%s\",\"keterangan\":\"Ibu dari luar desa\"}\n", i, d, sex;
		if (k == 1) printf "{\"ref\":\"ev-%04d\",\"jenis\":\"mati\",\"tanggal\":\"%s\",\"jenis_kelamin\":\"%s\",\"umur_hari\":%d}\n", i, d, sex, i * 7;
		if (k == 2) printf "{\"ref\":\"ev-%04d\",\"jenis\":\"pindah_masuk\",\"tanggal\":\"%s\",\"jenis_kelamin\":\"%s\",\"keterangan\":\"Pindah datang dari Kota Padang\"}\n", i, d, sex;
		if (k == 3) printf "{\"ref\":\"ev-%04d\",\"jenis\":\"pindah_keluar\",\"tanggal\":\"%s\",\"jenis_kelamin\":\"%s\",\"keterangan\":\"Pindah ke \\\"Kota\\\" Batam, Riau\"}\n", i, d, sex;
	}
	print "{\"ref\":\"ev-0041\",\"jenis\":\"cerai\",\"tanggal\":\"2026-10-01\"}";                          # no such kind: 22P02
	print "{\"ref\":\"ev-0042\",\"jenis\":\"lahir\",\"tanggal\":\"2026-10-01\",\"jenis_kelamin\":\"L\"}";    # birth without mother or note: 23514
	print "{\"ref\":\"ev-0043\",\"jenis\":\"pindah_masuk\",\"tanggal\":\"2026-10-01\",\"umur_hari\":30}";  # an age for a move: 23514
	print "{\"ref\":\"ev 44\",\"jenis\":\"pindah_masuk\",\"tanggal\":\"2026-10-01\"}";                     # malformed ref: 23514
	print "{\"jenis\":\"pindah_masuk\",\"tanggal\":\"2026-10-01\"}";                                      # no ref: 23502
	print "{\"ref\":\"ev-0046\",\"id\":7,\"jenis\":\"pindah_masuk\",\"tanggal\":\"2026-10-01\"}";         # unknown column: KKB-422
	print "{\"ref\":\"ev-0047\",\"jenis\":\"pindah_masuk\",\"tanggal\":\"2026-02-30\"}";                  # no such date: 22008
	}' | jq -s -c . > "$TMP/peristiwa.json"
is "$(jq length "$TMP/peristiwa.json")" 47 "the batch has 47 rows"

AUDIT0=$(audit_count)
r=$(post /v1/desa/$A/peristiwa "$TA" "$TMP/peristiwa.json")
is "$(status_of "$r")" 200 "POST /v1/desa/$A/peristiwa answers 200"
is "$(jqb "$r" 'keys')" '["atomik","diabaikan","diimpor","diperbarui","disimpan","ditolak","dry_run","konflik"]' "the import summary's keys"
is "$(counts "$r")" '[40,0,0,7]' "40 events imported, 7 rejected"
is "$(jqb "$r" '[.konflik[] | [.baris, .kode]]')" \
	'[[41,"22P02"],[42,"23514"],[43,"23514"],[44,"23514"],[45,"23502"],[46,"KKB-422"],[47,"22008"]]' \
	"each rejected row with its row number and SQLSTATE or KKB code"
is "$(jqb "$r" '[.konflik[] | .kunci.ref]')" '["ev-0041","ev-0042","ev-0043","ev 44",null,"ev-0046","ev-0047"]' \
	"each conflict names its key (ref)"
is "$(jqb "$r" '[.konflik[] | select(.baris == 45 or .baris == 46) | .kolom]')" '["ref","id"]' "and the column when known"
is "$(stored)" 40 "40 events are stored"
is "$(sql "SELECT count(DISTINCT id) FROM kkb.peristiwa WHERE kode_desa = '$A'")" 40 "each with its own id"
is "$(sql "SELECT keterangan FROM kkb.peristiwa WHERE kode_desa = '$A' AND ref = 'ev-0003'")" 'Pindah ke "Kota" Batam, Riau' \
	"quotes and commas are stored as sent"
AUDIT1=$(audit_count)
is "$((AUDIT1 - AUDIT0))" 40 "one audit entry per stored event"

r=$(post /v1/desa/$A/peristiwa "$TA" "$TMP/peristiwa.json")
is "$(counts "$r")" '[0,0,40,7]' "re-sending the batch: 0 imported, 40 ignored, the same 7 rejected"
is "$(stored)" 40 "nothing more is stored"
is "$(audit_count)" "$AUDIT1" "and no audit row is written"

CHG='{"ref":"ev-0001","jenis":"mati","tanggal":"2026-10-02","jenis_kelamin":"L","umur_hari":8}'
r=$(api_json POST /v1/desa/$A/peristiwa "$TA" "[$CHG]")
is "$(counts "$r")" '[0,1,0,0]' "a changed event (same ref) is updated, not added"
is "$(sql "SELECT umur_hari FROM kkb.peristiwa WHERE kode_desa = '$A' AND ref = 'ev-0001'")" 8 "with the new value"
is "$(audit_count)" "$((AUDIT1 + 1))" "and one audit row"
AUDIT1=$(audit_count)

# ================================================================ dry_run and atomik
NEW='{"ref":"ev-0100","jenis":"lahir","tanggal":"2026-10-05","jenis_kelamin":"P","keterangan":"Bidan desa"}'
BAD='{"ref":"ev-0101","jenis":"mati","tanggal":"2026-10-05","umur_hari":-3}'
r=$(api_json POST "/v1/desa/$A/peristiwa?dry_run=true" "$TA" "[$NEW,$BAD]")
is "$(status_of "$r")" 200 "dry_run=true answers 200"
is "$(jqb "$r" '[.diimpor, .ditolak, .dry_run, .disimpan, [.konflik[] | [.baris, .kode]]]')" '[1,1,true,false,[[2,"23514"]]]' \
	"dry_run reports what would happen"
is "$(stored)" 40 "dry_run writes nothing"
is "$(audit_count)" "$AUDIT1" "and no audit row"
r=$(api_json POST "/v1/desa/$A/peristiwa?atomik=true" "$TA" "[$NEW,$BAD]")
is "$(status_of "$r")" 422 "atomik=true with one bad row answers 422"
is "$(jqb "$r" '[.diimpor, .ditolak, .atomik, .disimpan]')" '[1,1,true,false]' "with the summary"
is "$(stored)" 40 "atomik with one bad row writes nothing"
is "$(audit_count)" "$AUDIT1" "and no audit row"
r=$(api_json POST "/v1/desa/$A/peristiwa?atomik=true" "$TA" "[$NEW]")
is "$(jqb "$r" '[.diimpor, .ditolak, .disimpan]')" '[1,0,true]' "atomik=true with good rows writes them"
is "$(stored)" 41 "41 events are stored"

# ================================================================ CSV body
printf '%s\r\n' 'ref,jenis,tanggal,jenis_kelamin,umur_hari,kematian_ibu,keterangan' \
	'csv-1,mati,2026-10-11,P,9000,true,"Kematian ibu, masa nifas"' \
	'csv-2,pindah_keluar,2026-10-12,L,,,"Pindah ke ""Rantau"", Jakarta"' \
	'csv-3,lahir,2026-10-13,L,,,"Catatan dua baris:' 'ibu dari luar desa"' \
	'csv-4,lahir,2026-10-14,L,,,' > "$TMP/peristiwa.csv"
r=$(post /v1/desa/$A/peristiwa "$TA" "$TMP/peristiwa.csv" "text/csv; charset=utf-8")
is "$(status_of "$r")" 200 "a CSV body answers 200"
is "$(jqb "$r" '[.diimpor, .diabaikan, .ditolak, [.konflik[] | [.baris, .kode, .kunci.ref]]]')" '[3,0,1,[[4,"23514","csv-4"]]]' \
	"3 CSV rows imported, the birth without mother or note rejected"
is "$(sql "SELECT kematian_ibu || '|' || umur_hari FROM kkb.peristiwa WHERE kode_desa = '$A' AND ref = 'csv-1'")" 'true|9000' \
	"CSV values are typed by the table (boolean, integer)"
is "$(sql "SELECT keterangan FROM kkb.peristiwa WHERE kode_desa = '$A' AND ref = 'csv-2'")" 'Pindah ke "Rantau", Jakarta' \
	"a quoted CSV field with a comma and doubled quotes"
is "$(sql "SELECT keterangan = E'Catatan dua baris:\\r\\nibu dari luar desa' FROM kkb.peristiwa WHERE kode_desa = '$A' AND ref = 'csv-3'")" t \
	"a quoted CSV field with a line break"
r=$(post /v1/desa/$A/peristiwa "$TA" "$TMP/peristiwa.csv" "text/csv")
is "$(counts "$r")" '[0,0,3,1]' "re-sending the CSV changes nothing"
printf 'ref,jenis,tanggal,id\r\nx,lahir,2026-10-01,1\r\n' > "$TMP/bad.csv"
r=$(post /v1/desa/$A/peristiwa "$TA" "$TMP/bad.csv" "text/csv")
is_error "$r" 422 KKB-KOLOM-TIDAK-DIKENAL "a CSV header with the column id"

# ================================================================ scope and errors
is_error "$(post /v1/desa/$A/peristiwa "$TB" "$TMP/peristiwa.json")" 404 KKB-TIDAK-DITEMUKAN "pokja B posting to village A"
is "$(stored)" 44 "nothing is written by B to A"
is_error "$(post /v1/desa/$A/peristiwa "" "$TMP/peristiwa.json")" 401 KKB-TOKEN-TIDAK-ADA "no token"
is_error "$(post /v1/desa/$A/peristiwa "$TA" "$TMP/peristiwa.json" text/plain)" 415 KKB-JENIS-ISI "text/plain"
is_error "$(api_json POST /v1/desa/$A/peristiwa "$TA" '{"ref":"x"}')" 422 KKB-ISI-BUKAN-LARIK "an object instead of an array"
r=$(api_json POST /v1/desa/$B/peristiwa "$TB" '[{"ref":"ev-0001","jenis":"pindah_masuk","tanggal":"2026-10-01"}]')
is "$(counts "$r")" '[1,0,0,0]' "the same ref in another village is another event"
r=$(api GET /openapi.json "")
is "$(jqb "$r" '.paths["/v1/desa/{kode}/peristiwa"].post | [(.requestBody.content | keys), (.parameters | map(.name))]')" \
	'[["application/json","text/csv"],["kode","dry_run","atomik","baru"]]' "the route is in /openapi.json"

# ================================================================ CSV export
# csv_get PATH TOKEN [curl args]: the body (CR removed) into $TMP/out.csv, the headers into $TMP/out.h
csv_get() {
	cg_path=$1
	cg_token=$2
	shift 2
	if [ -n "$cg_token" ]; then
		set -- -H "Authorization: Bearer $cg_token" "$@"
	fi
	curl -s -D "$TMP/out.h" -o "$TMP/out.raw" "http://127.0.0.1:$GW_PORT$cg_path" "$@"
	tr -d '\r' < "$TMP/out.raw" > "$TMP/out.csv"
}
hdr() { tr -d '\r' < "$TMP/out.h" | sed -n "s/^$1: //Ip" | head -n 1; }
# jq_csv JSON-BODY: what the CSV should be: the data rows' keys, then their values (nested ones as JSON text)
jq_csv() {
	printf '%s\n' "$1" | jq -r '(.data[0] | keys_unsorted | @csv),
		(.data[] | [.[] | if type == "object" or type == "array" then tojson else . end] | @csv)'
}
# check_csv NAME PATH TOKEN: the JSON answer vs its CSV export by Accept and by ".csv"
check_csv() {
	name=$1
	p=$2
	t=$3
	j=$(api GET "$p" "$t")
	is "$(status_of "$j")" 200 "$name: GET $p answers 200 in JSON"
	rows=$(jqb "$j" '.data | length')
	total=$(jqb "$j" 'if has("total") then [.total, .limit] | min else (.data | length) end')
	ok "$([ "$rows" -gt 0 ]; echo $?)" "$name: the JSON has rows ($rows)"
	csv_get "$p" "$t" -H 'Accept: text/csv'
	is "$(hdr Content-Type)" "text/csv; charset=utf-8" "$name: Accept: text/csv answers text/csv; charset=utf-8"
	is "$(grep -c '' "$TMP/out.csv")" "$((total + 1))" "$name: a header row and as many records as the JSON's total ($total)"
	is "$(head -n 1 "$TMP/out.csv")" "$(printf '%s\n' "$(body_of "$j")" | jq -r '.data[0] | keys_unsorted | @csv')" "$name: the header row names the columns"
	ok "$(jq_csv "$(body_of "$j")" | cmp -s - "$TMP/out.csv"; echo $?)" "$name: the records are the JSON's rows (as jq's @csv)"
	ok "$(grep -q "$(printf '\r')\$" "$TMP/out.raw"; echo $?)" "$name: records end with CRLF"
	cp "$TMP/out.csv" "$TMP/accept.csv"
	q=${p#*\?}
	[ "$q" = "$p" ] && q= || q="?$q"
	csv_get "${p%%\?*}.csv$q" "$t"
	is "$(hdr Content-Type)" "text/csv; charset=utf-8" "$name: GET ${p%%\?*}.csv answers text/csv"
	ok "$(cmp -s "$TMP/accept.csv" "$TMP/out.csv"; echo $?)" "$name: the same CSV as with Accept"
	is "$(hdr Content-Disposition)" "attachment; filename=\"$4\"" "$name: Content-Disposition names $4"
}

check_csv desa "/v1/desa?wilayah=13.75.03&periode=2026-10" "$TD" desa.csv
is "$(sed -n 2p "$TMP/out.csv" | cut -d, -f1)" "\"$A\"" "desa: the first record is village A"
is "$(sed -n 2p "$TMP/out.csv")" "$(printf '"%s","%s",' "$A" 'Kampung KB ""Maju"", Aur Kuning')$(sed -n 2p "$TMP/out.csv" | cut -d, -f4-)" \
	"desa: a name with quotes and a comma is quoted, its quotes doubled"
check_csv wilayah "/v1/wilayah?induk=13.75.03" "$TD" wilayah.csv
check_csv klasifikasi "/v1/klasifikasi?wilayah=13.75.03&periode=2026-10" "$TD" klasifikasi.csv
check_csv prioritas "/v1/prioritas?wilayah=13.75.03&periode=2026-10&limit=1000" "$TD" prioritas.csv
check_csv profil "/v1/desa/$A/profil?periode=2026-10" "$TA" "desa-$A-profil.csv"
is "$(grep -c '' "$TMP/out.csv")" 41 "profil: the 40 items and a header"
# the other list routes export too (an empty list is an empty body: no row to name the columns)
for sub in "validasi?periode=2026-10" "risiko-stunting?acuan=2026-10-31"; do
	j=$(api GET "/v1/desa/$A/$sub" "$TA")
	csv_get "/v1/desa/$A/${sub%%\?*}.csv${sub#"${sub%%\?*}"}" "$TA"
	is "$(hdr Content-Type)" "text/csv; charset=utf-8" "${sub%%\?*}.csv answers text/csv"
	n=$(jqb "$j" '.data | length')
	is "$(grep -c '' "$TMP/out.csv")" "$([ "$n" -gt 0 ] && echo $((n + 1)) || echo 0)" "${sub%%\?*}.csv: the JSON's $n rows"
done
# arrays (sasaran, opd) are JSON text in one quoted field
r=$(api_json POST /v1/desa/$A/intervensi "$TA" '{"tanggal":"2026-10-03","judul":"Penyuluhan \"Isi Piringku\", gizi seimbang","fungsi_keluarga":"perlindungan","sasaran":["balita","ibu_hamil"],"opd":["dinkes"]}')
is "$(status_of "$r")" 201 "an intervention is recorded"
check_csv intervensi "/v1/desa/$A/intervensi" "$TA" "desa-$A-intervensi.csv"
is "$(cut -d, -f3-4 "$TMP/out.csv" | sed -n 2p)" '"Penyuluhan ""Isi Piringku"", gizi seimbang"' "intervensi: the title with quotes and a comma"

# a paged export is the page
csv_get "/v1/wilayah.csv?induk=13.75.03&limit=2&offset=1" ""
is "$(grep -c '' "$TMP/out.csv")" 3 "wilayah.csv?limit=2: a header and 2 records"
# errors stay JSON; other routes do not export
r=$(api GET "/v1/desa.csv?wilayah=13.75.03" "")
is_error "$r" 401 KKB-TOKEN-TIDAK-ADA "desa.csv without a token"
is "$(header_of GET "/v1/desa.csv?wilayah=13.75.03" Content-Type)" "application/json; charset=utf-8" "... answered in JSON"
is_error "$(api GET "/v1/desa.csv?wilayah=13.75.03&periode=2026-13" "$TD")" 400 KKB-PERIODE-FORMAT "desa.csv with a bad periode"
is_error "$(api GET "/v1/health.csv" "")" 404 KKB-RUTE-TIDAK-ADA "health.csv (not a list)"
is "$(header_of GET "/v1/health" Content-Type -H 'Accept: text/csv')" "application/json; charset=utf-8" \
	"Accept: text/csv on a route without export answers JSON"
is "$(header_of GET "/v1/desa/$A/profil.csv?periode=2026-10" Content-Type -H "Authorization: Bearer $TB")" "application/json; charset=utf-8" \
	"profil.csv of another village: JSON error"
is "$(status_of "$(api GET "/v1/desa/$A/profil.csv?periode=2026-10" "$TB")")" 404 "... 404"
r=$(api GET /openapi.json "")
is "$(jqb "$r" '[.paths["/v1/desa", "/v1/wilayah", "/v1/klasifikasi", "/v1/prioritas", "/v1/desa/{kode}/profil"] | .get.responses["200"].content | keys]')" \
	'[["application/json","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","text/csv"],["application/json","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","text/csv"],["application/json","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","text/csv"],["application/json","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","text/csv"],["application/json","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","text/csv"]]' \
	"/openapi.json documents text/csv and the .xlsx workbook for the list routes"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged"

sql "$FIXTURE_DELETE" >/dev/null
rm -rf "$TMP"
done_testing

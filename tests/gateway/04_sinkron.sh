#!/bin/sh
# By-name bulk sync: POST /v1/desa/{kode}/keluarga, /anggota, /pengukuran with
# a JSON array or CSV; upsert by natural key; an import summary with the
# rejected rows; re-sending changes nothing (no audit rows); dry_run and atomik
# write nothing; CSV quoting; 400/401/404/413/415/422.
# Fixture (set up here, removed at the end): Kampung KB A = 13.75.01.1001 and
# B = 13.75.01.1002 (in Bukittinggi, away from 03_desa.sh's Pariaman), 250 families of A sent
# through the API, then a generated 1,000-member batch with 10 bad rows.
. "$(dirname "$0")/lib.sh"

PORT=18094
A=13.75.01.1001
B=13.75.01.1002
TMP=$KKB_TEST_DIR/uji04
mkdir -p "$TMP"

FIXTURE_DELETE="
DELETE FROM kkb.peringatan WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.pengukuran WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.anggota WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.keluarga WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 04)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES
	('$A', 'Kampung KB Uji Sinkron A', '2023-01-01'), ('$B', 'Kampung KB Uji Sinkron B', '2023-01-01');" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $A and $B"

TA=$(token kkb_pokja $A "Pokja A (uji 04)")
TB=$(token kkb_pokja $B "Pokja B (uji 04)")

# a small body limit (1 MB) so that 413 is cheap to provoke; the 1,000-row batch is about 230 kB
gw_start $PORT --max-body 1000000 || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# post PATH TOKEN FILE [CONTENT-TYPE]: POST the file; prints "STATUS BODY"
post() {
	api POST "$1" "$2" -H "Content-Type: ${4:-application/json}" --data-binary "@$3"
}
audit_count() { sql "SELECT count(*) FROM kkb.audit_kunci WHERE kode_desa IN ('$A', '$B')"; }
counts() { jqb "$1" '[.diimpor, .diperbarui, .diabaikan, .ditolak]'; }

# ================================================================ families (250, JSON)
awk 'BEGIN { for (f = 1; f <= 250; f++)
	printf "{\"no_kk\":\"137701010126%04d\",\"rt\":%d,\"rw\":%d,\"air_minum\":\"ledeng\",\"jamban\":\"sendiri\",\"tangki_septik\":true}\n", f, f % 20 + 1, f % 5 + 1 }' |
	jq -s -c . > "$TMP/keluarga.json"
r=$(post /v1/desa/$A/keluarga "$TA" "$TMP/keluarga.json")
is "$(status_of "$r")" 200 "POST /v1/desa/$A/keluarga with 250 families answers 200"
is "$(jqb "$r" 'keys')" '["atomik","diabaikan","diimpor","diperbarui","disimpan","ditolak","dry_run","konflik"]' "the import summary's keys"
is "$(counts "$r")" '[250,0,0,0]' "250 families imported"
is "$(sql "SELECT count(*) FROM kkb.keluarga WHERE kode_desa = '$A'")" 250 "and stored"

# ================================================================ 1,000 members with 10 bad rows
# family f (1..250) has 4 members: head (L, born 1970-1989), wife (P), son (L, 2015), daughter (P, 2022);
# the NIK is 137701 DD(+40 for women) MM YY and the row number as serial, so it agrees with sex and birth date.
awk -v B="$B" 'BEGIN {
	split("kepala istri anak anak", hub, " "); split("L P L P", jk, " ");
	for (i = 1; i <= 1000; i++) {
		f = int((i - 1) / 4) + 1; p = (i - 1) % 4 + 1;
		d = f % 28 + 1; m = f % 12 + 1;
		y = (p == 1) ? 1970 + f % 20 : (p == 2) ? 1972 + f % 20 : (p == 3) ? 2015 : 2022;
		dd = (jk[p] == "P") ? d + 40 : d;
		nik = sprintf("137701%02d%02d%02d%04d", dd, m, y % 100, i);
		kk = sprintf("137701010126%04d", f);
		nama = sprintf("Warga %d", i); sex = jk[p]; lahir = sprintf("%04d-%02d-%02d", y, m, d); h = hub[p]; extra = "";
		if (i == 11) sex = "P";                          # sex does not match the NIK: 23514 (jenis_kelamin)
		if (i == 50) lahir = sprintf("%04d-%02d-%02d", y + 1, m, d);  # birth date does not match the NIK: 23514
		if (i == 100) nama = "";                         # no name: 23502
		if (i == 200) kk = "1377010101269999";           # no such family: 23503
		if (i == 300) nik = "12345";                     # malformed NIK: 22P02
		if (i == 400) lahir = "2022-02-30";              # no such date: 22008
		if (i == 500) h = "kepala";                      # a second head of family 125: 23505
		if (i == 600) extra = ",\"warna\":\"biru\"";     # unknown column: KKB-422
		if (i == 700) extra = ",\"kode_desa\":\"" B "\"";  # another village: KKB-422
		if (i == 800) nama = " ";                        # a blank name: 23514 (check)
		printf "{\"nik\":\"%s\",\"no_kk\":\"%s\",%s\"jenis_kelamin\":\"%s\",\"tanggal_lahir\":\"%s\",\"hubungan\":\"%s\",\"status_kawin\":\"%s\"%s}\n",
			nik, kk, (nama == "" ? "" : "\"nama\":\"" nama "\","), sex, lahir, h, (p <= 2 ? "kawin" : "belum_kawin"), extra
	} }' | jq -s -c . > "$TMP/anggota.json"
is "$(jq length "$TMP/anggota.json")" 1000 "the generator made 1,000 member rows"

AUDIT0=$(audit_count)
r=$(post /v1/desa/$A/anggota "$TA" "$TMP/anggota.json")
is "$(status_of "$r")" 200 "POST /v1/desa/$A/anggota with 1,000 rows answers 200"
is "$(counts "$r")" '[990,0,0,10]' "990 imported, 10 rejected"
is "$(jqb "$r" '[.konflik[].baris]')" '[11,50,100,200,300,400,500,600,700,800]' "the 10 conflicts with their row numbers"
is "$(jqb "$r" '[.konflik[].kode]')" '["23514","23514","23502","23503","22P02","22008","23505","KKB-422","KKB-422","23514"]' \
	"and their SQLSTATEs or KKB codes"
is "$(jqb "$r" '.konflik[0] | keys')" '["baris","code","hint","kode","kolom","kunci","message","pesan"]' \
	"a conflict is {baris, kunci, kode, pesan, kolom} plus the registry's code, Indonesian message and hint"
NIK11=$(jq -r '.[10].nik' "$TMP/anggota.json")
is "$(jqb "$r" '[.konflik[0].kunci, .konflik[0].kolom]')" "[{\"nik\":\"$NIK11\"},\"jenis_kelamin\"]" \
	"the key of the row and the column the validation trigger names"
is "$(jqb "$r" '[.konflik[2].kolom, .konflik[7].kolom, .konflik[8].kolom]')" '["nama","warna","kode_desa"]' \
	"the column of a missing name, an unknown column, a wrong village"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$A'")" 990 "990 members are stored"
AUDIT1=$(audit_count)
is "$((AUDIT1 - AUDIT0))" 990 "one audit entry per stored member"

r=$(post /v1/desa/$A/anggota "$TA" "$TMP/anggota.json")
is "$(counts "$r")" '[0,0,990,10]' "re-sending the batch: 0 imported, 990 ignored (identical), the same 10 rejected"
is "$(audit_count)" "$AUDIT1" "and writes no audit row"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$A'")" 990 "nor any member"

# one changed row among identical ones
jq -c '[.[0] | .nama = "Warga Satu"] + .[1:3]' "$TMP/anggota.json" > "$TMP/ubah.json"
r=$(post /v1/desa/$A/anggota "$TA" "$TMP/ubah.json")
is "$(counts "$r")" '[0,1,2,0]' "a changed row is updated, the others ignored"
is "$(sql "SELECT nama FROM kkb.anggota WHERE kode_desa = '$A' AND nik = '$(jq -r '.[0].nik' "$TMP/anggota.json")'")" "Warga Satu" \
	"the change is stored"
is "$(audit_count)" "$((AUDIT1 + 1))" "with one audit entry"
AUDIT1=$(audit_count)

# ================================================================ dry_run and atomik write nothing
NEW='{"nik":"1377010101250991","no_kk":"1377010101260001","nama":"Bayi Baru","jenis_kelamin":"L","tanggal_lahir":"2025-01-01","hubungan":"anak"}'
NEW2='{"nik":"1377014101250992","no_kk":"1377010101260001","nama":"Bayi Kembar","jenis_kelamin":"P","tanggal_lahir":"2025-01-01","hubungan":"anak"}'
BAD='{"nik":"1377010101250993","no_kk":"1377010101260001","nama":"Salah","jenis_kelamin":"P","tanggal_lahir":"2025-01-01","hubungan":"anak"}'
CHG=$(jq -c '.[1] | .nama = "Istri Diubah"' "$TMP/anggota.json")
r=$(api_json POST "/v1/desa/$A/anggota?dry_run=true" "$TA" "[$NEW,$CHG,$BAD]")
is "$(status_of "$r")" 200 "dry_run=true answers 200"
is "$(jqb "$r" '[.diimpor, .diperbarui, .diabaikan, .ditolak, .dry_run, .disimpan, [.konflik[].baris]]')" '[1,1,0,1,true,false,[3]]' \
	"with what would happen: 1 imported, 1 updated, row 3 rejected"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$A' AND (nik IN ('1377010101250991') OR nama = 'Istri Diubah')")" 0 \
	"dry_run writes nothing"
is "$(audit_count)" "$AUDIT1" "and no audit row"

r=$(api_json POST "/v1/desa/$A/anggota?atomik=true" "$TA" "[$NEW,$NEW2,$BAD]")
is "$(status_of "$r")" 422 "atomik=true with one bad row answers 422"
is "$(jqb "$r" '[.diimpor, .ditolak, .atomik, .disimpan, [.konflik[] | [.baris, .kode, .kolom]]]')" \
	'[2,1,true,false,[[3,"23514","jenis_kelamin"]]]' "with the summary naming the bad row"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$A' AND nik IN ('1377010101250991', '1377014101250992')")" 0 \
	"atomik with one bad row writes nothing"
is "$(audit_count)" "$AUDIT1" "and no audit row"
r=$(api_json POST "/v1/desa/$A/anggota?atomik=true" "$TA" "[$NEW,$NEW2]")
is "$(jqb "$r" '[.diimpor, .ditolak, .disimpan]')" '[2,0,true]' "atomik=true with good rows writes them all"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$A' AND nik IN ('1377010101250991', '1377014101250992')")" 2 \
	"both are stored"
is_error "$(api_json POST "/v1/desa/$A/anggota?dry_run=mungkin" "$TA" "[$NEW]")" 400 KKB-PARAMETER-TIDAK-SAH "dry_run=mungkin"

# the same key twice in one batch: applied in order (the second updates the first), not a conflict
DUP1='{"nik":"1377010101250997","no_kk":"1377010101260002","nama":"Dua Kali","jenis_kelamin":"L","tanggal_lahir":"2025-01-01","hubungan":"anak"}'
DUP2='{"nik":"1377010101250997","no_kk":"1377010101260002","nama":"Dua Kali (baru)","jenis_kelamin":"L","tanggal_lahir":"2025-01-01","hubungan":"anak"}'
r=$(api_json POST "/v1/desa/$A/anggota" "$TA" "[$DUP1,$DUP2,$DUP2]")
is "$(counts "$r")" '[1,1,1,0]' "a key sent three times: imported, then updated, then ignored"
is "$(sql "SELECT nama FROM kkb.anggota WHERE kode_desa = '$A' AND nik = '1377010101250997'")" "Dua Kali (baru)" "the last version is stored"

# ================================================================ CSV
# quotes, doubled quotes, an embedded comma and line break, CRLF and LF line ends, an empty field (null)
printf 'no_kk,rt,alamat,miskin\r\n1377010101260251,3,"Jl. ""Pantai"", No. 5\r\nRT 3",true\r\n1377010101260252,4,,\n"1377010101260253","5","Lorong, ""Ujung""",false' \
	> "$TMP/keluarga.csv"
r=$(post /v1/desa/$A/keluarga "$TA" "$TMP/keluarga.csv" "text/csv; charset=utf-8")
is "$(status_of "$r")" 200 "CSV: POST keluarga answers 200"
is "$(counts "$r")" '[3,0,0,0]' "CSV: 3 families imported"
is "$(sql "SELECT string_agg(no_kk || '|' || rt || '|' || coalesce(alamat, '(null)') || '|' || miskin, ';' ORDER BY no_kk)
	FROM kkb.keluarga WHERE kode_desa = '$A' AND no_kk::text > '1377010101260250'")" \
	"$(printf '1377010101260251|3|Jl. "Pantai", No. 5\r\nRT 3|true;1377010101260252|4|(null)|false;1377010101260253|5|Lorong, "Ujung"|false')" \
	"CSV: quoted fields, doubled quotes, embedded comma and line break, empty field as null"
r=$(post /v1/desa/$A/keluarga "$TA" "$TMP/keluarga.csv" "text/csv")
is "$(counts "$r")" '[0,0,3,0]' "CSV: re-sent, all ignored"

printf '\357\273\277nik,no_kk,nama,jenis_kelamin,tanggal_lahir,hubungan\n1377010101260994,1377010101260251,"Rahmat, ""Datuk""",L,2026-01-01,kepala\n1377014101260995,1377010101260251,Rina,P,2026-01-01\n1377010101260996,1377010101260251,Salah,P,2026-01-01,anak\n' \
	> "$TMP/anggota.csv"
r=$(post /v1/desa/$A/anggota "$TA" "$TMP/anggota.csv" "text/csv")
is "$(jqb "$r" '[.diimpor, .ditolak, [.konflik[] | [.baris, .kode]]]')" '[1,2,[[2,"KKB-422"],[3,"23514"]]]' \
	"CSV members (with a byte-order mark): a short row and a bad row rejected by row number"
is "$(sql "SELECT nama FROM kkb.anggota WHERE kode_desa = '$A' AND nik = '1377010101260994'")" 'Rahmat, "Datuk"' "the quoted name is stored as sent"

printf 'no_kk,rt\n1377010101260254,\377\n' > "$TMP/bad.csv"
r=$(post /v1/desa/$A/keluarga "$TA" "$TMP/bad.csv" "text/csv")
is_error "$r" 400 KKB-CSV-RUSAK "CSV that is not valid UTF-8"
is "$(jqb "$r" .posisi)" 26 "with the byte offset of the bad byte"
printf 'no_kk,alamat\n1377010101260254,"tidak ditutup\n' > "$TMP/bad.csv"
r=$(post /v1/desa/$A/keluarga "$TA" "$TMP/bad.csv" "text/csv")
is_error "$r" 400 KKB-CSV-RUSAK "CSV with an unterminated quote"
is "$(jqb "$r" .posisi)" 30 "with the byte offset where the quoted field starts"
printf 'no_kk,warna\n1377010101260254,biru\n' > "$TMP/bad.csv"
r=$(post /v1/desa/$A/keluarga "$TA" "$TMP/bad.csv" "text/csv")
is_error "$r" 422 KKB-KOLOM-TIDAK-DIKENAL "a CSV header with an unknown column"
is "$(jqb "$r" .kolom)" '"warna"' "names the column"
is "$(sql "SELECT count(*) FROM kkb.keluarga WHERE kode_desa = '$A' AND no_kk = '1377010101260254'")" 0 "nothing of the bad CSV is stored"

# ================================================================ measurements, answered with their z-scores
CHILD=$(jq -r '.[3].nik' "$TMP/anggota.json")
printf '[{"nik":"%s","tanggal_ukur":"2026-10-01","berat_kg":10.2,"tinggi_cm":80.5,"cara_ukur":"berdiri"},{"nik":"1377010101260999","tanggal_ukur":"2026-10-01","berat_kg":9}]' \
	"$CHILD" > "$TMP/ukur.json"
r=$(post /v1/desa/$A/pengukuran "$TA" "$TMP/ukur.json")
is "$(status_of "$r")" 200 "POST /v1/desa/$A/pengukuran answers 200"
is "$(jqb "$r" '[.diimpor, .ditolak, .konflik[0].kode, .konflik[0].kolom]')" '[1,1,"23503","nik"]' \
	"one measurement imported; a child who is not a member is rejected"
is "$(jqb "$r" '.hasil[0] | [.baris, .nik, has("z_tbu"), has("z_bbu"), has("z_bbtb"), has("z_imtu"), has("status_tbu"), has("stunting"), has("umur_bulan")]')" \
	"[1,\"$CHILD\",true,true,true,true,true,true,true]" "the answer has the computed z-scores and categories"
is "$(jqb "$r" '[.hasil[0].z_tbu, .hasil[0].status_tbu]')" \
	"$(sql "SELECT json_build_array(z_tbu, status_tbu) FROM kkb.pengukuran WHERE kode_desa = '$A' AND nik = '$CHILD'" | jq -c .)" \
	"the same as stored"
r=$(post /v1/desa/$A/pengukuran "$TA" "$TMP/ukur.json")
is "$(jqb "$r" '[.diimpor, .diabaikan, (.hasil | length)]')" '[0,1,0]' "re-sent: ignored"

# ================================================================ errors
printf 'x' > "$TMP/x.txt"
is_error "$(post /v1/desa/$A/anggota "$TA" "$TMP/x.txt" text/plain)" 415 KKB-JENIS-ISI "Content-Type text/plain"
r=$(api_json POST /v1/desa/$A/anggota "$TA" '[{"nik": }]')
is_error "$r" 400 KKB-JSON-RUSAK "malformed JSON"
is "$(jqb "$r" '[.posisi, (.message | test("posisi bait 10"))]')" '[10,true]' "with the byte offset (bytes read up to the error)"
is_error "$(api_json POST /v1/desa/$A/anggota "$TA" '{"nik":"1"}')" 422 KKB-ISI-BUKAN-LARIK "a JSON object instead of an array"
head -c 1100000 /dev/zero | tr '\0' ' ' > "$TMP/besar.json"
is_error "$(post /v1/desa/$A/anggota "$TA" "$TMP/besar.json")" 413 KKB-ISI-TERLALU-BESAR "a body over the limit"
is_error "$(api_json POST /v1/desa/$A/anggota "" "[$NEW]")" 401 KKB-TOKEN-TIDAK-ADA "no token"

# ================================================================ another village's pokja
for t in keluarga anggota pengukuran; do
	is_error "$(post /v1/desa/$A/$t "$TB" "$TMP/ukur.json")" 404 KKB-TIDAK-DITEMUKAN "pokja B: POST /v1/desa/$A/$t"
done
r=$(post /v1/desa/$B/keluarga "$TA" "$TMP/keluarga.json")
is_error "$r" 404 KKB-TIDAK-DITEMUKAN "pokja A: POST /v1/desa/$B/keluarga"
is "$(sql "SELECT count(*) FROM kkb.keluarga WHERE kode_desa = '$B'")" 0 "nothing is written to B"
r=$(post /v1/desa/$B/keluarga "$TB" "$TMP/keluarga.csv" text/csv)
is "$(jqb "$r" '[.diimpor]')" '[3]' "pokja B writes its own village"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged"
! grep -q "$NIK11" "$GW_LOG"
ok $? "no NIK in the log"

sql "$FIXTURE_DELETE" >/dev/null
rm -rf "$TMP"
done_testing

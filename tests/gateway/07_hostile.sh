#!/bin/sh
# Hostile input: SQL-injection payloads in path segments, query parameters,
# JSON fields and CSV cells of the main routes, and malformed requests
# (oversized, deeply nested or huge bodies, invalid UTF-8, NUL bytes, wrong
# Content-Type, duplicate keys, numbers and dates out of range, bad paging,
# very long paths, many parameters, a half-sent request).  Each answer is a
# clean 4xx with the JSON error body, or (names, titles) the payload is stored
# literally and read back identical; never a 5xx, the database is intact
# afterwards and the gateway is still alive.
# Fixture (set up here, removed at the end): Kampung KB A = 13.77.03.2006
# Pasir Sunur and B = 13.77.03.2007 Balai Kurai Taji, one family with two
# members each.
. "$(dirname "$0")/lib.sh"

PORT=18250
A=13.77.03.2006
B=13.77.03.2007
TMP=$KKB_TEST_DIR/uji07
mkdir -p "$TMP"

FIXTURE_DELETE="
DELETE FROM kkb.periode_status WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.nilai WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kkbpk WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.penduduk WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.profil WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.peringatan WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.pengukuran WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.peristiwa WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.anggota WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.keluarga WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 07)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES
	('$A', 'Kampung KB Pasir Sunur', '2022-03-01'), ('$B', 'Kampung KB Balai Kurai Taji', '2022-04-01');
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw, air_minum, jamban, tangki_septik) VALUES
	('$A', '1377031505200001', 1, 1, 'ledeng', 'sendiri', true),
	('$B', '1377031505200002', 2, 1, 'ledeng', 'sendiri', true);
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin) VALUES
	('$A', '1377031505900001', '1377031505200001', 'Ahmad', 'L', '1990-05-15', 'kepala', 'kawin'),
	('$A', '1377035003920002', '1377031505200001', 'Siti', 'P', '1992-03-10', 'istri', 'kawin'),
	('$B', '1377031505900003', '1377031505200002', 'Budi', 'L', '1990-05-15', 'kepala', 'kawin'),
	('$B', '1377035003920004', '1377031505200002', 'Rina', 'P', '1992-03-10', 'istri', 'kawin');" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $A and $B with a family of two each"

TA=$(token kkb_pokja $A "Pokja Pasir Sunur (uji 07)")
TD=$(token kkb_admin "" "Admin (uji 07)")
ANGGOTA_ALL=$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa IN ('$A', '$B')")
KELUARGA_ALL=$(sql "SELECT count(*) FROM kkb.keluarga WHERE kode_desa IN ('$A', '$B')")
FP_B=$(sql "SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM kkb.anggota t WHERE kode_desa = '$B'")

# a 1 MB body limit, so that 413 is cheap to provoke; no rate limits: this file sends some
# 500 requests as fast as the machine allows, and a 429 would hide the answer under test
# (the limits have tests of their own: 12_portal, 23_anon, 24_berat)
gw_start $PORT --max-body 1000000 --limit-read 0 --limit-write 0 --limit-anon 0 || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# ---------------------------------------------------------------- counting and checking
KINDS=
N5XX=0
count() {
	case " $KINDS " in *" $1 "*) ;; *) KINDS="$KINDS $1" ;; esac
	eval "K_$1=\$((\${K_$1:-0} + 1))"
}
enc() { jq -rn --arg s "$1" '$s | @uri'; }
# clean KIND NAME "STATUS BODY": a 4xx with the four-key JSON error body
clean() {
	count "$1"
	cs=$(status_of "$3")
	case "$cs" in 5*) N5XX=$((N5XX + 1)) ;; esac
	cb=$(jqb "$3" '[has("code"), has("message"), has("details"), has("hint")]')
	ok "$(case "$cs" in 4??) [ "$cb" = '[true,true,true,true]' ] && echo 0 || echo 1 ;; *) echo 1 ;; esac)" \
		"$2: clean 4xx ($cs $(jqb "$3" .code))"
}
# status_is KIND NAME "STATUS BODY" WANT: the exact status (WANT may be 4xx, for any 4xx)
status_is() {
	count "$1"
	cs=$(status_of "$3")
	case "$cs" in 5*) N5XX=$((N5XX + 1)) ;; esac
	case "$4" in
	4xx) ok "$(case "$cs" in 4??) echo 0 ;; *) echo 1 ;; esac)" "$2: a 4xx ($cs)" ;;
	200or4xx) ok "$(case "$cs" in 4?? | 200) echo 0 ;; *) echo 1 ;; esac)" "$2: 200 or a 4xx, never a 5xx ($cs)" ;;
	*) is "$cs" "$4" "$2: status $4" ;;
	esac
}
post_file() { api POST "$1" "$2" -H "Content-Type: ${4:-application/json}" --data-binary "@$3"; }

cat > "$TMP/payloads" <<'EOF'
' OR 1=1 --
'; DROP TABLE kkb.anggota; --
13.77.03.2006' UNION SELECT nik::text FROM kkb.anggota --
%27 OR 1=1
" OR ""="
1); DELETE FROM kkb.anggota; --
$$; DROP TABLE kkb.keluarga; $$
\'; SELECT pg_sleep(3); --
EOF
NPAY=$(wc -l < "$TMP/payloads")

# ================================================================ SQL injection: path segments
while IFS= read -r p <&3; do
	e=$(enc "$p")
	clean sqli_path "GET /v1/wilayah/[$p]" "$(api GET "/v1/wilayah/$e" "")"
	clean sqli_path "GET /v1/desa/[$p]" "$(api GET "/v1/desa/$e" "$TD")"
	clean sqli_path "GET /v1/desa/[$p]/profil" "$(api GET "/v1/desa/$e/profil?periode=2026-10" "$TD")"
	clean sqli_path "GET /v1/desa/[$p]/intervensi" "$(api GET "/v1/desa/$e/intervensi" "$TD")"
	clean sqli_path "GET /v1/desa/A/periode/[$p]" "$(api GET "/v1/desa/$A/periode/$e" "$TD")"
	clean sqli_path "POST /v1/desa/A/periode/[$p]/ajukan" "$(api POST "/v1/desa/$A/periode/$e/ajukan" "$TA")"
	clean sqli_path "PUT /v1/desa/A/penduduk/[$p]" "$(api_json PUT "/v1/desa/$A/penduduk/$e" "$TD" '{"pus":1}')"
	clean sqli_path "PUT /v1/desa/[$p]/kkbpk/2026-10" "$(api_json PUT "/v1/desa/$e/kkbpk/2026-10" "$TD" '{"kb_pil":1}')"
	clean sqli_path "POST /v1/desa/[$p]/intervensi" \
		"$(api_json POST "/v1/desa/$e/intervensi" "$TD" '{"tanggal":"2026-09-03","judul":"X","fungsi_keluarga":"ekonomi"}')"
	clean sqli_path "POST /v1/desa/[$p]/anggota" "$(api_json POST "/v1/desa/$e/anggota" "$TD" '[]')"
done 3< "$TMP/payloads"

# ================================================================ SQL injection: query parameters
while IFS= read -r p <&3; do
	e=$(enc "$p")
	clean sqli_query "GET /v1/wilayah?induk=[$p]" "$(api GET "/v1/wilayah?induk=$e" "")"
	clean sqli_query "GET /v1/wilayah?limit=[$p]" "$(api GET "/v1/wilayah?limit=$e" "")"
	clean sqli_query "GET /v1/desa?wilayah=[$p]" "$(api GET "/v1/desa?wilayah=$e" "$TD")"
	clean sqli_query "GET /v1/desa?periode=[$p]" "$(api GET "/v1/desa?wilayah=13.77&periode=$e" "$TD")"
	clean sqli_query "GET /v1/desa?offset=[$p]" "$(api GET "/v1/desa?wilayah=13.77&offset=$e" "$TD")"
	clean sqli_query "GET /v1/desa/A/profil?periode=[$p]" "$(api GET "/v1/desa/$A/profil?periode=$e" "$TA")"
	clean sqli_query "GET /v1/desa/A/risiko-stunting?acuan=[$p]" "$(api GET "/v1/desa/$A/risiko-stunting?acuan=$e" "$TA")"
	clean sqli_query "GET /v1/prioritas?opd=[$p]" "$(api GET "/v1/prioritas?wilayah=13.77&opd=$e" "$TD")"
	clean sqli_query "GET /v1/klasifikasi?wilayah=[$p]" "$(api GET "/v1/klasifikasi?wilayah=$e" "$TD")"
	clean sqli_query "POST /v1/desa/A/anggota?dry_run=[$p]" "$(api_json POST "/v1/desa/$A/anggota?dry_run=$e" "$TA" '[]')"
	clean sqli_query "Authorization: Bearer [$p]" "$(api GET "/v1/desa/$A" "$p")"
done 3< "$TMP/payloads"

# ================================================================ SQL injection: JSON fields
i=0
while IFS= read -r p <&3; do
	i=$((i + 1))
	nik=$(printf '13770315059%05d' "$((100 + i))")
	row=$(jq -cn --arg n "$p" --arg nik "$nik" \
		'[{nik: $nik, no_kk: "1377031505200001", nama: $n, jenis_kelamin: "L", tanggal_lahir: "1990-05-15", hubungan: "anak", status_kawin: "belum_kawin"}]')
	r=$(api_json POST "/v1/desa/$A/anggota" "$TA" "$row")
	count sqli_json
	is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak]')" "200 [1,0]" "JSON anggota.nama [$p]: imported as a member"
	is "$(sql "SELECT nama FROM kkb.anggota WHERE kode_desa = '$A' AND nik = '$nik'")" "$p" "  and stored literally"
	r=$(api_json POST "/v1/desa/$A/intervensi" "$TA" "$(jq -cn --arg j "$p" '{tanggal: "2026-09-03", judul: $j, uraian: $j, fungsi_keluarga: "ekonomi"}')")
	count sqli_json
	is "$(status_of "$r") $(jqb "$r" '[.judul, .uraian]')" "201 $(jq -cn --arg p "$p" '[$p, $p]')" \
		"JSON intervensi.judul/uraian [$p]: 201, stored as sent"
	is "$(jqb "$(api GET "/v1/desa/$A/intervensi?limit=1" "$TA")" '.data[0] | [.judul, .uraian]')" "$(jq -cn --arg p "$p" '[$p, $p]')" \
		"  and read back identical through GET intervensi"
	r=$(api_json POST "/v1/desa/$A/anggota" "$TA" "$(jq -cn --arg n "$p" '[{nik: $n, no_kk: "1377031505200001", nama: "X", jenis_kelamin: "L", tanggal_lahir: "1990-05-15", hubungan: "anak"}]')")
	count sqli_json
	is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak, .konflik[0].kode]')" '200 [0,1,"22P02"]' "JSON anggota.nik [$p]: the row is rejected (22P02)"
	clean sqli_json "JSON intervensi.fungsi_keluarga [$p]" \
		"$(api_json POST "/v1/desa/$A/intervensi" "$TA" "$(jq -cn --arg j "$p" '{tanggal: "2026-09-03", judul: "X", fungsi_keluarga: $j}')")"
	clean sqli_json "JSON intervensi.tanggal [$p]" \
		"$(api_json POST "/v1/desa/$A/intervensi" "$TA" "$(jq -cn --arg j "$p" '{tanggal: $j, judul: "X", fungsi_keluarga: "ekonomi"}')")"
	clean sqli_json "JSON penduduk.pus [$p]" "$(api_json PUT "/v1/desa/$A/penduduk/2026-10" "$TA" "$(jq -cn --arg j "$p" '{pus: $j}')")"
	clean sqli_json "JSON key [$p] in PUT kkbpk" "$(api_json PUT "/v1/desa/$A/kkbpk/2026-10" "$TA" "$(jq -cn --arg j "$p" '{($j): 1}')")"
	clean sqli_json "JSON item code [$p] in PUT nilai" "$(api_json PUT "/v1/desa/$A/nilai/2026-10" "$TA" "$(jq -cn --arg j "$p" '{($j): 1}')")"
done 3< "$TMP/payloads"

# ================================================================ SQL injection: CSV cells
i=0
while IFS= read -r p <&3; do
	i=$((i + 1))
	nik=$(printf '13770315059%05d' "$((200 + i))")
	q=$(printf '%s' "$p" | sed 's/"/""/g')
	printf 'nik,no_kk,nama,jenis_kelamin,tanggal_lahir,hubungan\n%s,1377031505200001,"%s",L,1990-05-15,anak\n' "$nik" "$q" > "$TMP/c.csv"
	r=$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/c.csv" text/csv)
	count sqli_csv
	is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak]')" "200 [1,0]" "CSV cell nama [$p]: imported"
	is "$(sql "SELECT nama FROM kkb.anggota WHERE kode_desa = '$A' AND nik = '$nik'")" "$p" "  and stored literally"
	printf 'nik,no_kk,nama,jenis_kelamin,tanggal_lahir,hubungan\n"%s",1377031505200001,X,L,1990-05-15,anak\n' "$q" > "$TMP/c.csv"
	r=$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/c.csv" text/csv)
	count sqli_csv
	is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak, .konflik[0].kode]')" '200 [0,1,"22P02"]' "CSV cell nik [$p]: the row is rejected (22P02)"
	printf 'no_kk,rt,air_minum\n1377031505200009,1,"%s"\n' "$q" > "$TMP/c.csv"
	r=$(post_file "/v1/desa/$A/keluarga" "$TA" "$TMP/c.csv" text/csv)
	count sqli_csv
	is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak, .konflik[0].kode]')" '200 [0,1,"22P02"]' "CSV cell keluarga.air_minum [$p]: the row is rejected"
	printf 'nik,"%s"\n1377031505900001,1\n' "$q" > "$TMP/c.csv"
	clean sqli_csv "CSV header cell [$p]" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/c.csv" text/csv)"
done 3< "$TMP/payloads"

# ================================================================ the database is intact
is "$(sql "SELECT to_regclass('kkb.anggota') IS NOT NULL AND to_regclass('kkb.keluarga') IS NOT NULL")" t "kkb.anggota and kkb.keluarga are still there"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa IN ('$A', '$B')")" "$((ANGGOTA_ALL + 2 * NPAY))" "the members of A and B: exactly the fixture and the $((2 * NPAY)) literal names"
is "$(sql "SELECT count(*) FROM kkb.keluarga WHERE kode_desa IN ('$A', '$B')")" "$KELUARGA_ALL" "the families of A and B: none gained or lost"
is "$(sql "SELECT count(*) FROM kkb.intervensi WHERE kode_desa = '$A'")" "$NPAY" "exactly one intervention per payload"
is "$(sql "SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM kkb.anggota t WHERE kode_desa = '$B'")" "$FP_B" "village B's members are unchanged"

# ================================================================ oversized and huge bodies (limit 1 MB)
head -c 2000000 /dev/zero | tr '\0' 'a' | sed 's/^/[{"nik":"1377031505900001","nama":"/; s/$/"}]/' > "$TMP/big.json"
clean oversized "a 2 MB JSON body" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/big.json")"
clean oversized "a 2 MB body sent chunked (no Content-Length)" \
	"$(api POST "/v1/desa/$A/anggota" "$TA" -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary "@$TMP/big.json")"
clean oversized "Content-Length: 2147483648 (2 GB declared, refused before it is read)" \
	"$(api POST "/v1/desa/$A/anggota" "$TA" -H 'Content-Type: application/json' -H 'Content-Length: 2147483648' --data-binary '[]' --max-time 10)"
is "$(status_of "$(api PUT "/v1/desa/$A/penduduk/2026-10" "$TA" -H 'Content-Type: application/json' --data-binary "@$TMP/big.json")")" 413 \
	"a 2 MB body on a PUT is 413"
count oversized
awk 'BEGIN { printf "["; for (i = 0; i < 600000; i++) printf "%s1", (i ? "," : ""); printf "]" }' > "$TMP/huge.json"
r=$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/huge.json")
is_error "$r" 413 KKB-ISI-TERLALU-BESAR "a JSON array of 600,000 numbers (1.2 MB, over the limit)"
count huge_json
awk 'BEGIN { printf "["; for (i = 0; i < 20000; i++) printf "%s{}", (i ? "," : ""); printf "]" }' > "$TMP/many.json"
r=$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/many.json")
is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak]')" "200 [0,20000]" "an array of 20,000 empty rows within the limit: every row rejected, none stored"
count huge_json

# ================================================================ deeply nested JSON
head -c 100000 /dev/zero | tr '\0' '[' > "$TMP/deep.json"
clean deep_json "100,000 '[' on POST anggota" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/deep.json")"
clean deep_json "100,000 '[' on PUT penduduk" \
	"$(api PUT "/v1/desa/$A/penduduk/2026-10" "$TA" -H 'Content-Type: application/json' --data-binary "@$TMP/deep.json")"
{ printf '{"judul":'; head -c 50000 /dev/zero | tr '\0' '['; } > "$TMP/deep2.json"
clean deep_json "50,000 '[' inside an object on POST intervensi" \
	"$(api POST "/v1/desa/$A/intervensi" "$TA" -H 'Content-Type: application/json' --data-binary "@$TMP/deep2.json")"
{ printf '['; i=0; while [ $i -lt 3000 ]; do printf '{"a":'; i=$((i + 1)); done; } > "$TMP/deep3.json"
clean deep_json "3,000 nested objects on POST keluarga" "$(post_file "/v1/desa/$A/keluarga" "$TA" "$TMP/deep3.json")"

# ================================================================ invalid UTF-8
for b in '\377' '\300\257' '\342\202' '\355\240\200'; do
	printf '[{"nik":"1377031505900001","nama":"A%bB"}]' "$b" > "$TMP/u.json"
	clean bad_utf8 "JSON string with bytes $b" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/u.json")"
	printf '{"tanggal":"2026-09-03","judul":"A%bB","fungsi_keluarga":"ekonomi"}' "$b" > "$TMP/u.json"
	clean bad_utf8 "JSON object with bytes $b on POST intervensi" \
		"$(api POST "/v1/desa/$A/intervensi" "$TA" -H 'Content-Type: application/json' --data-binary "@$TMP/u.json")"
	printf 'nik,nama\n1377031505900001,A%bB\n' "$b" > "$TMP/u.csv"
	clean bad_utf8 "CSV cell with bytes $b" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/u.csv" text/csv)"
	printf 'nik,na%bma\n1377031505900001,A\n' "$b" > "$TMP/u.csv"
	clean bad_utf8 "CSV header with bytes $b" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/u.csv" text/csv)"
done
clean bad_utf8 "a lone surrogate escape \\ud800" "$(api_json POST "/v1/desa/$A/anggota" "$TA" '[{"nik":"1377031505900001","nama":"\ud800"}]')"
clean bad_utf8 "%FF in a path segment" "$(api GET "/v1/desa/%FF" "$TD")"
clean bad_utf8 "%C0%AF in a query parameter" "$(api GET "/v1/desa?wilayah=%C0%AF" "$TD")"

# ================================================================ NUL bytes
printf '[{"nik":"1377031505900001","nama":"a\000b"}]' > "$TMP/nul.json"
clean nul "a raw NUL inside a JSON string" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/nul.json")"
printf '{"tanggal":"2026-09-03",\000"judul":"X","fungsi_keluarga":"ekonomi"}' > "$TMP/nul.json"
clean nul "a raw NUL between JSON members" \
	"$(api POST "/v1/desa/$A/intervensi" "$TA" -H 'Content-Type: application/json' --data-binary "@$TMP/nul.json")"
clean nul "an escaped \\u0000 in a JSON string" "$(api_json POST "/v1/desa/$A/anggota" "$TA" '[{"nik":"1377031505900001","nama":"a\u0000b"}]')"
printf 'nik,nama\n1377031505900001,a\000b\n' > "$TMP/nul.csv"
r=$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/nul.csv" text/csv)
count nul
is "$(status_of "$r") $(jqb "$r" '[.diimpor, .diperbarui, .ditolak, .konflik[0].kode]')" '200 [0,0,1,"22P05"]' \
	"a raw NUL in a CSV cell: the row is rejected (22P05, the database refuses \\u0000)"
is "$(sql "SELECT nama FROM kkb.anggota WHERE nik = '1377031505900001'")" "Ahmad" "  and the member's name is unchanged"
# libmicrohttpd decodes %00 into the path and the query (the value would be cut
# at the NUL); the gateway refuses a decoded NUL with a JSON 400 (13_batas_http.sh
# asserts exactly that).  Here: whatever the answer, no access is widened and no 5xx.
clean nul "pokja A: GET /v1/desa/B%00 (B cut at the NUL is still B)" "$(api GET "/v1/desa/$B%00" "$TA")"
clean nul "pokja A: GET /v1/desa/B%00%27%20OR%201=1" "$(api GET "/v1/desa/$B%00%27%20OR%201=1" "$TA")"
r=$(api GET "/v1/desa/$A%00x" "$TA")
count nul
ok "$(case "$(status_of "$r")" in 4??) echo 0 ;; 200) [ "$(jqb "$r" .kode_desa)" = "\"$A\"" ] && echo 0 || echo 1 ;; *) echo 1 ;; esac)" \
	"GET /v1/desa/A%00x: a 4xx or A itself, never a 5xx ($(status_of "$r"))"
r=$(api GET "/v1/desa/$A/profil?periode=2026-10%00x" "$TA")
count nul
ok "$(case "$(status_of "$r")" in 4?? | 200) echo 0 ;; *) echo 1 ;; esac)" "periode=2026-10%00x: never a 5xx ($(status_of "$r"))"
clean nul "a %00 in wilayah" "$(api GET "/v1/desa?wilayah=%00" "$TD")"

# ================================================================ wrong Content-Type
for ct in text/plain application/xml multipart/form-data application/x-www-form-urlencoded application/jsonx ''; do
	clean content_type "PUT penduduk with Content-Type '$ct'" \
		"$(api PUT "/v1/desa/$A/penduduk/2026-10" "$TA" -H "Content-Type: $ct" --data-binary '{"pus":1}')"
	clean content_type "POST intervensi with Content-Type '$ct'" \
		"$(api POST "/v1/desa/$A/intervensi" "$TA" -H "Content-Type: $ct" --data-binary '{"tanggal":"2026-09-03","judul":"X","fungsi_keluarga":"ekonomi"}')"
	clean content_type "POST anggota with Content-Type '$ct'" \
		"$(api POST "/v1/desa/$A/anggota" "$TA" -H "Content-Type: $ct" --data-binary '[]')"
done
is "$(status_of "$(api PUT "/v1/desa/$A/penduduk/2026-10" "$TA" -H "Content-Type: text/plain" --data-binary '{"pus":1}')")" 415 \
	"the wrong type is 415"

# ================================================================ duplicate JSON keys: 400 (documented: JSON_REJECT_DUPLICATES)
is_error "$(api_json PUT "/v1/desa/$A/kkbpk/2026-10" "$TA" '{"kb_pil":1,"kb_pil":2}')" 400 KKB-JSON-RUSAK "a key twice in PUT kkbpk"
count dup_keys
is_error "$(api_json POST "/v1/desa/$A/intervensi" "$TA" '{"tanggal":"2026-09-03","judul":"X","judul":"Y","fungsi_keluarga":"ekonomi"}')" 400 KKB-JSON-RUSAK \
	"a key twice in POST intervensi"
count dup_keys
is_error "$(api_json POST "/v1/desa/$A/anggota" "$TA" '[{"nik":"1377031505900001","nama":"X","nik":"1377031505900003"}]')" 400 KKB-JSON-RUSAK \
	"a key twice in a row of POST anggota"
count dup_keys
printf 'nik,nama,nik\n1377031505900001,X,1377031505900003\n' > "$TMP/d.csv"
clean dup_keys "a column twice in a CSV header" "$(post_file "/v1/desa/$A/anggota" "$TA" "$TMP/d.csv" text/csv)"

# ================================================================ numbers out of range
for n in 1e400 -1e400 99999999999999999999 -99999999999999999999 NaN Infinity 0x10; do
	clean num_range "PUT penduduk pus=$n" "$(api_json PUT "/v1/desa/$A/penduduk/2026-10" "$TA" "{\"pus\":$n}")"
	clean num_range "POST anggota rt... keluarga rt=$n" "$(api_json POST "/v1/desa/$A/keluarga" "$TA" "[{\"no_kk\":\"1377031505200009\",\"rt\":$n}]")"
done
clean num_range "PUT kkbpk kb_pil=1e12 (beyond integer)" "$(api_json PUT "/v1/desa/$A/kkbpk/2026-10" "$TA" '{"kb_pil":1e12}')"
clean num_range "PUT kkbpk kb_pil=2147483648" "$(api_json PUT "/v1/desa/$A/kkbpk/2026-10" "$TA" '{"kb_pil":2147483648}')"
printf 'no_kk,rt\n1377031505200009,99999999999999999999\n' > "$TMP/n.csv"
r=$(post_file "/v1/desa/$A/keluarga" "$TA" "$TMP/n.csv" text/csv)
count num_range
is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak, .konflik[0].kode]')" '200 [0,1,"22003"]' "CSV rt=99999999999999999999: the row is rejected (22003)"

# ================================================================ impossible dates
for d in 2026-02-30 2026-13-01 2026-00-10 2025-02-29 0000-01-01 2026-01-32 2026-02-29T25:00 tomorrow-ish; do
	clean bad_date "POST intervensi tanggal=$d" \
		"$(api_json POST "/v1/desa/$A/intervensi" "$TA" "{\"tanggal\":\"$d\",\"judul\":\"X\",\"fungsi_keluarga\":\"ekonomi\"}")"
done
r=$(api_json POST "/v1/desa/$A/anggota" "$TA" '[{"nik":"1377033002260009","no_kk":"1377031505200001","nama":"X","jenis_kelamin":"L","tanggal_lahir":"2026-02-30","hubungan":"anak"}]')
count bad_date
k=$(jqb "$r" '.konflik[0].kode')
case $k in '"22008"' | '"22P02"') k=refused ;; esac
is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak]') $k" '200 [0,1] refused' "anggota born 2026-02-30 (a NIK of that date): the row is rejected (22008 no such day, or 22P02 from the NIK)"
for pr in 2026-00 2026-13 2026-1 26-10 2026-10-01 0000-01 "2026-10%20" 9999-99; do
	clean bad_periode "PUT penduduk/$pr" "$(api_json PUT "/v1/desa/$A/penduduk/$pr" "$TA" '{"pus":1}')"
	clean bad_periode "GET periode/$pr" "$(api GET "/v1/desa/$A/periode/$pr" "$TA")"
	clean bad_periode "GET /v1/desa?periode=$pr" "$(api GET "/v1/desa?wilayah=13.77&periode=$pr" "$TA")"
done

# ================================================================ paging
for q in limit=-1 limit=0 limit=1e9 limit=1000000000 limit=99999999999999999999 limit=1.5 limit= offset=-1 offset=1e400 \
	offset=99999999999999999999 "limit=%2B5" "limit=0x10"; do
	clean bad_paging "GET /v1/desa?$q" "$(api GET "/v1/desa?wilayah=13.77&$q" "$TD")"
	clean bad_paging "GET /v1/wilayah?$q" "$(api GET "/v1/wilayah?induk=13.77&$q" "")"
done

# ================================================================ very long path segments and many parameters
long=$(head -c 10240 /dev/zero | tr '\0' 'A')
digits=$(head -c 10240 /dev/zero | tr '\0' '1')
clean long_path "a 10 KB village code" "$(api GET "/v1/desa/$long" "$TD")"
clean long_path "a 10 KB region code of digits" "$(api GET "/v1/wilayah/$digits" "")"
clean long_path "a 10 KB period" "$(api GET "/v1/desa/$A/periode/$digits" "$TA")"
clean long_path "a 10 KB query value" "$(api GET "/v1/desa?wilayah=$digits" "$TD")"
clean long_path "a 10 KB unknown route" "$(api GET "/v1/$long" "")"
q=$(i=0; while [ $i -lt 200 ]; do printf '&p%d=%d' $i $i; i=$((i + 1)); done)
status_is many_params "200 unknown query parameters are ignored" "$(api GET "/v1/wilayah?induk=13.77$q" "")" 200
status_is many_params "induk given 200 times" "$(api GET "/v1/wilayah?induk=13.77$(i=0; while [ $i -lt 200 ]; do printf '&induk=%d' $i; i=$((i + 1)); done)" "")" 200or4xx
# more parameters than the connection's header memory (--max-header) holds:
# libmicrohttpd gives up on the request (431 or the connection closed)
q=$(i=0; while [ $i -lt 2000 ]; do printf '&p%d=%d' $i $i; i=$((i + 1)); done)
s=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/v1/wilayah?induk=13.77$q")
count many_params
ok "$(case "$s" in 4?? | 000) echo 0 ;; *) echo 1 ;; esac)" "2,000 query parameters: refused without a 5xx ($s)"
is "$(status_of "$(api GET /v1/health "")")" 200 "  and the gateway still answers"

# ================================================================ half-sent requests do not hold up others
printf '[{"nik":"1377031505900001"' > "$TMP/half.json"
i=0
HALF=
while [ $i -lt 8 ]; do
	curl -s -o /dev/null --max-time 4 -X POST "http://127.0.0.1:$PORT/v1/desa/$A/anggota" -H "Authorization: Bearer $TA" \
		-H 'Content-Type: application/json' -H 'Content-Length: 100000' --data-binary "@$TMP/half.json" &
	HALF="$HALF $!"
	i=$((i + 1))
done
sleep 0.5
r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 3 "http://127.0.0.1:$PORT/v1/health")
count half_sent
ok "$(echo "$r" | awk '{ exit !($1 == 200 && $2 < 1.0) }'; echo $?)" "8 half-sent bodies in flight (2 threads): health answers within 1 s ($r)"
r=$(api GET "/v1/desa/$A" "$TA")
is "$(status_of "$r")" 200 "  and a village read answers too"
for h in $HALF; do wait "$h"; done
is "$(sql "SELECT nama FROM kkb.anggota WHERE nik = '1377031505900001'")" "Ahmad" "the half-sent bodies stored nothing"
r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 3 "http://127.0.0.1:$PORT/v1/health")
ok "$(echo "$r" | awk '{ exit !($1 == 200 && $2 < 1.0) }'; echo $?)" "after the clients hung up, health answers quickly ($r)"

# ================================================================ afterwards
is "$N5XX" 0 "no answer was a 5xx"
kill -0 "$GW_PID" 2>/dev/null
ok $? "the gateway process is still alive"
is "$(status_of "$(api GET /v1/health "")")" 200 "and healthy"
is "$(sql "SELECT to_regclass('kkb.anggota') IS NOT NULL AND to_regclass('kkb.keluarga') IS NOT NULL")" t "kkb.anggota and kkb.keluarga are still there"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa IN ('$A', '$B')")" "$((ANGGOTA_ALL + 2 * NPAY))" "the members of A and B: none gained or lost by the malformed requests"
is "$(sql "SELECT count(*) FROM kkb.keluarga WHERE kode_desa IN ('$A', '$B')")" "$KELUARGA_ALL" "the families of A and B: none gained or lost"
is "$(sql "SELECT count(*) FROM kkb.intervensi WHERE kode_desa = '$A'")" "$NPAY" "kkb.intervensi: only the literal payloads"
is "$(sql "SELECT count(*) FROM kkb.penduduk WHERE kode_desa IN ('$A', '$B')")" 0 "no population report was written"

total=0
summary=
for k in $KINDS; do
	eval "n=\$K_$k"
	total=$((total + n))
	summary="$summary $k=$n"
done
echo "# hostile inputs: $total payloads ($NPAY SQL-injection strings):$summary"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged"

sql "$FIXTURE_DELETE" >/dev/null
done_testing

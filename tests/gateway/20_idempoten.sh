#!/bin/sh
# Safe retries of writes that create rows (issue 16 item 5): POST intervensi and
# the month's workflow steps take an Idempotency-Key header.  A repeat with the
# same key and body gets the first answer again (Idempotent-Replayed: true) and
# stores nothing new - also when eight clients send it at once; the key with
# another body is 422 KKB-IDEMPOTENSI-BEDA; a malformed key is 400; another
# token's same key is its own; without a key nothing changes.
. "$(dirname "$0")/lib.sh"

PORT=18720
A=13.77.01.1003
sql "
DELETE FROM kkb.periode_status WHERE kode_desa = '$A';
DELETE FROM kkb.intervensi WHERE kode_desa = '$A';
DELETE FROM kkb.kampung WHERE kode_desa = '$A';
DELETE FROM kkb.idempotensi;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 20)' AND dicabut IS NULL;
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji Idempoten');" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
TA=$(token kkb_pokja $A "Pokja A (uji 20)")
TA2=$(token kkb_pokja $A "Pokja A, ponsel kedua (uji 20)")
TD=$(token kkb_admin "" "Admin (uji 20)")
gw_start $PORT
ok $? "gateway started"

n_int() { sql "SELECT count(*) FROM kkb.intervensi WHERE kode_desa = '$A'"; }
INT='{"tanggal":"2026-10-03","judul":"Penyuluhan gizi","fungsi_keluarga":"perlindungan","opd":["dinkes"]}'
post() {  # post TOKEN KEY BODY: "STATUS BODY"; the Idempotent-Replayed header goes to $KKB_TEST_DIR/idem20.h
	curl -s -D "$KKB_TEST_DIR/idem20.h" -w '\n%{http_code}' -X POST "http://127.0.0.1:$GW_PORT/v1/desa/$A/intervensi" \
		-H "Authorization: Bearer $1" -H "Idempotency-Key: $2" -H 'Content-Type: application/json' --data-binary "$3" |
		{ b=$(cat); printf '%s %s\n' "$(printf '%s\n' "$b" | tail -n 1)" "$(printf '%s\n' "$b" | sed '$d' | tr -d '\n')"; }
}
replayed() { tr -d '\r' < "$KKB_TEST_DIR/idem20.h" | sed -n 's/^Idempotent-Replayed: //Ip'; }

# ---------------------------------------------------------------- one key, sent twice
r1=$(post "$TA" "int-0001" "$INT")
is "$(status_of "$r1")" 201 "the first POST with a key stores the intervention (201)"
is "$(replayed)" "" "  and is no replay"
ID=$(jqb "$r1" .id)
r2=$(post "$TA" "int-0001" "$INT")
is "$(status_of "$r2")" 201 "the repeat with the same key and body answers 201 again"
is "$(body_of "$r2")" "$(body_of "$r1")" "  with the first answer, byte for byte (the same id $ID)"
is "$(replayed)" "true" "  marked Idempotent-Replayed: true"
is "$(n_int)" 1 "  and one intervention is stored"

# ---------------------------------------------------------------- the same key, another request
r=$(post "$TA" "int-0001" '{"tanggal":"2026-10-04","judul":"Kelas ibu hamil","fungsi_keluarga":"perlindungan"}')
is_error "$r" 422 KKB-IDEMPOTENSI-BEDA "the key with another body"
is "$(n_int)" 1 "  stores nothing"
r=$(post "$TA2" "int-0001" "$INT")
is "$(status_of "$r")" 201 "another token's same key is its own: a new intervention"
is "$(replayed)" "" "  not a replay"
is "$(n_int)" 2 "  two interventions now"

# ---------------------------------------------------------------- malformed keys
for k in "$(printf 'a%.0s' $(seq 1 256))" "kunci dengan spasi" "kunci-é"; do
	r=$(post "$TA" "$k" "$INT")
	is_error "$r" 400 KKB-IDEMPOTENSI-KUNCI "a malformed key (${#k} bytes) is refused"
done
r=$(post "$TA" "" "$INT")
is "$(status_of "$r")" 201 "an empty header is no key: an ordinary POST"
is "$(n_int)" 3 "  storing one more"

# ---------------------------------------------------------------- a refused write keeps no key
r=$(post "$TA" "int-bad" '{"tanggal":"2026-10-03","judul":"","fungsi_keluarga":"perlindungan"}')
S1=$(status_of "$r")
ok "$( [ "$S1" -ge 400 ] && [ "$S1" -lt 500 ]; echo $?)" "a refused write answers 4xx ($S1)"
is "$(sql "SELECT count(*) FROM kkb.idempotensi WHERE kunci = 'int-bad' AND status IS NULL")" 0 "  and leaves no half-claimed key"
r=$(post "$TA" "int-bad" "$INT")
is "$(status_of "$r")" 201 "  so the corrected request with the same key is stored"

# ---------------------------------------------------------------- eight clients at once
before=$(n_int)
i=0
pids=""
while [ $i -lt 8 ]; do
	post "$TA" "int-serentak" '{"tanggal":"2026-10-05","judul":"Posyandu","fungsi_keluarga":"perlindungan"}' > "$KKB_TEST_DIR/idem20.$i" &
	pids="$pids $!"
	i=$((i + 1))
done
for p in $pids; do wait "$p"; done   # not the gateway, which is a child too
is "$(n_int)" "$((before + 1))" "eight clients sending one key at once store one intervention"
is "$(cat "$KKB_TEST_DIR"/idem20.[0-7] | cut -d' ' -f1 | sort | uniq -c | awk '{print $1 "x" $2}')" "8x201" "  and all eight get 201"
is "$(cat "$KKB_TEST_DIR"/idem20.[0-7] | cut -d' ' -f2- | sort -u | wc -l)" 1 "  with the same body (the same id)"

# ---------------------------------------------------------------- a workflow step
step() { curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$GW_PORT/v1/desa/$A/periode/2026-10/$1" \
	-H "Authorization: Bearer $2" -H "Idempotency-Key: $3"; }
is "$(step ajukan "$TA" langkah-1)" 200 "submitting the month with a key"
is "$(step ajukan "$TA" langkah-1)" 200 "  repeated with the key: the first answer again"
is "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$GW_PORT/v1/desa/$A/periode/2026-10/ajukan" -H "Authorization: Bearer $TA")" 200 \
	"  repeated without a key: 200 as before (a step to the state the month is in changes nothing)"
is "$(sql "SELECT status FROM kkb.periode_status WHERE kode_desa = '$A' AND periode = '2026-10-01'")" diajukan "  the month is submitted once"

# ---------------------------------------------------------------- only the gateway's login claims keys
is "$(sql_state "SET ROLE kkb_pokja; SELECT kkb._idempotensi_klaim('x', 'y', '\\x00')")" ok \
	"a superuser session may claim (tests, administration)"
is "$(sql "SELECT has_table_privilege('kkb_pokja', 'kkb.idempotensi', 'SELECT')")" f "no working role reads the stored answers directly"

gw_stop
done_testing

#!/bin/sh
# Concurrency and idempotency of the bulk sync (docs/RELIABILITY.md):
# - the same batch (50 families, then their 200 members) posted by 8 clients
#   at once: every row is stored once; one client's summary imports them all,
#   the other 7 find them stored and change nothing (rows are upserted in the
#   order sent, so the first client to insert row 1 holds every later row
#   first and the others wait for its commit); one audit row per member;
# - two clients updating the same member 50 times each, at the same time:
#   last writer wins under the row lock, and no update is lost silently:
#   every update is answered "diperbarui", the audit has all 100 of them, each
#   one's old value is the previous one's new value (they form one chain), and
#   the stored name is the chain's last, which is one client's last update.
# Fixture (set up here, removed at the end): Kampung KB 13.73.02.1001.
. "$(dirname "$0")/lib.sh"

PORT=18410
C=13.73.02.1001
TMP=$KKB_TEST_DIR/uji10
rm -rf "$TMP"
mkdir -p "$TMP"
ROUNDS=${KKB_CONCURRENT_UPDATES:-50}

FIXTURE_DELETE="
DELETE FROM kkb.peringatan WHERE kode_desa = '$C';
DELETE FROM kkb.anggota WHERE kode_desa = '$C';
DELETE FROM kkb.keluarga WHERE kode_desa = '$C';
DELETE FROM kkb.kampung WHERE kode_desa = '$C';
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 10)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES ('$C', 'Kampung KB Uji Bersamaan', '2023-01-01');" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $C"
TOKEN=$(token kkb_pokja $C "Pokja $C (uji 10)")

# 8 worker threads: the 8 clients' transactions really run at the same time
gw_start $PORT --threads 8 --limit-read 0 --limit-write 0 --limit-anon 0 || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT with 8 threads"

# families 1377010505 YY SSSS and their members (kepala, istri, anak, anak), as in 04_sinkron.sh
awk 'BEGIN { for (f = 1; f <= 50; f++)
	printf "{\"no_kk\":\"137701050588%04d\",\"rt\":%d,\"rw\":1}\n", f, f % 9 + 1 }' | jq -s -c . > "$TMP/keluarga.json"
# NIK 137701 DD(+40 for women) 05 YY SSSS agrees with sex and birth date (DD = 05, May)
awk 'BEGIN { split("kepala istri anak anak", hub, " "); split("L P L P", jk, " ");
	for (i = 1; i <= 200; i++) {
		f = int((i - 1) / 4) + 1; p = (i - 1) % 4 + 1;
		y = (p == 1) ? 1975 : (p == 2) ? 1978 : (p == 3) ? 2005 : 2008;
		printf "{\"nik\":\"137701%02d05%02d%04d\",\"no_kk\":\"137701050588%04d\",\"nama\":\"Warga Bersamaan %d\",\"jenis_kelamin\":\"%s\",\"tanggal_lahir\":\"%04d-05-05\",\"hubungan\":\"%s\"}\n",
			(jk[p] == "P" ? 45 : 5), y % 100, i, f, i, jk[p], y, hub[p] } }' | jq -s -c . > "$TMP/anggota.json"
is "$(jq length "$TMP/keluarga.json") $(jq length "$TMP/anggota.json")" "50 200" "a batch of 50 families and one of their 200 members"

# post8 PATH FILE OUT: 8 clients POST the same file at once; OUT.1..8 get "STATUS BODY"
post8() {
	pids=
	for i in 1 2 3 4 5 6 7 8; do
		curl -s -o "$3.$i.body" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT$1" -H "Authorization: Bearer $TOKEN" \
			-H 'Content-Type: application/json' --data-binary "@$2" > "$3.$i.status" &
		pids="$pids $!"
	done
	for p in $pids; do wait "$p"; done
}
summaries() {
	for i in 1 2 3 4 5 6 7 8; do
		printf '%s %s\n' "$(cat "$1.$i.status")" "$(jq -c '[.diimpor, .diperbarui, .diabaikan, .ditolak]' "$1.$i.body" 2>/dev/null || echo invalid)"
	done | sort | uniq -c | awk '{ $1 = $1; print }' | sort | paste -sd ';' -
}

# (the village's own audit ids: on a Citus cluster each worker numbers its shards' rows in a range of its own)
AUDIT0=$(sql "SELECT coalesce(max(id), 0) FROM kkb.audit WHERE kode_desa = '$C'")
post8 "/v1/desa/$C/keluarga" "$TMP/keluarga.json" "$TMP/k"
is "$(summaries "$TMP/k")" "1 200 [50,0,0,0];7 200 [0,0,50,0]" \
	"8 clients post the same 50 families at once: one imports all 50, seven find them stored (ignored)"
is "$(sql "SELECT count(*), count(DISTINCT no_kk) FROM kkb.keluarga WHERE kode_desa = '$C'")" "50|50" "50 families stored, each once"

post8 "/v1/desa/$C/anggota" "$TMP/anggota.json" "$TMP/a"
is "$(summaries "$TMP/a")" "1 200 [200,0,0,0];7 200 [0,0,200,0]" \
	"8 clients post the same 200 members at once: one imports all 200, seven change nothing"
is "$(sql "SELECT count(*), count(DISTINCT nik) FROM kkb.anggota WHERE kode_desa = '$C'")" "200|200" "200 members stored, each once"
is "$(sql "SELECT operasi || ' ' || count(*) FROM kkb.audit_kunci WHERE id > $AUDIT0 AND kode_desa = '$C' AND tabel = 'anggota' GROUP BY operasi")" \
	"INSERT 200" "the audit has one INSERT per member and no UPDATE"
is "$(sql "SELECT count(*) FROM kkb.audit_kunci WHERE id > $AUDIT0 AND kode_desa = '$C' AND tabel = 'keluarga'")" 50 "and one per family"

# ---------------------------------------------------------------- two writers, one member
M=$(jq -c '.[0]' "$TMP/anggota.json")
NIK=$(printf '%s' "$M" | jq -r .nik)
AUDIT1=$(sql "SELECT max(id) FROM kkb.audit WHERE kode_desa = '$C'")
writer() {
	i=1
	while [ "$i" -le "$ROUNDS" ]; do
		curl -s -o "$TMP/u$1.body" -w '%{http_code} ' -X POST "http://127.0.0.1:$PORT/v1/desa/$C/anggota" \
			-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
			--data-binary "[$(printf '%s' "$M" | jq -c --arg n "Penulis $1 ke-$i" '.nama = $n')]"
		jq -c '[.diimpor, .diperbarui, .diabaikan, .ditolak]' "$TMP/u$1.body"
		i=$((i + 1))
	done > "$TMP/w$1.out"
}
writer A &
WA=$!
writer B &
WB=$!
wait $WA
wait $WB
is "$(sort "$TMP/wA.out" "$TMP/wB.out" | uniq -c | awk '{ $1 = $1; print }')" "$((2 * ROUNDS)) 200 [0,1,0,0]" \
	"2 x $ROUNDS concurrent updates of one member: each answered 200, each counted as an update"
AUD="FROM kkb.audit WHERE kode_desa = '$C' AND id > $AUDIT1 AND tabel = 'anggota' AND kunci->>'nik' = '$NIK'"
is "$(sql "SELECT count(*) $AUD AND operasi = 'UPDATE'")" "$((2 * ROUNDS))" "the audit has every one of the $((2 * ROUNDS)) updates"
is "$(sql "SELECT count(DISTINCT baru->>'nama') $AUD")" "$((2 * ROUNDS))" "  with each client's every value"
is "$(sql "SELECT count(*) FROM (SELECT lama->>'nama' AS lama, lag(baru->>'nama') OVER (ORDER BY id) AS sebelumnya $AUD) c
	WHERE sebelumnya IS NOT NULL AND lama IS DISTINCT FROM sebelumnya")" 0 \
	"each update's old value is the previous update's new value: one chain, no update overwritten unseen"
is "$(sql "SELECT lama->>'nama' $AUD ORDER BY id LIMIT 1")" "$(printf '%s' "$M" | jq -r .nama)" "the chain starts at the imported name"
LAST=$(sql "SELECT baru->>'nama' $AUD ORDER BY id DESC LIMIT 1")
is "$(sql "SELECT nama FROM kkb.anggota WHERE kode_desa = '$C' AND nik = '$NIK'")" "$LAST" "the stored name is the last update in the audit ($LAST)"
ok "$(case "$LAST" in "Penulis A ke-$ROUNDS" | "Penulis B ke-$ROUNDS") echo 0 ;; *) echo 1 ;; esac)" "  which is one client's last update: the last writer wins"
INTERLEAVED=$(sql "SELECT count(*) FROM (SELECT left(baru->>'nama', 9) AS w, lag(left(baru->>'nama', 9)) OVER (ORDER BY id) AS p $AUD) c WHERE w <> p")
ok "$([ "$INTERLEAVED" -gt 0 ]; echo $?)" "the two writers really interleaved ($INTERLEAVED switches between them in the audit)"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged"

sql "$FIXTURE_DELETE" >/dev/null
rm -rf "$TMP"
done_testing

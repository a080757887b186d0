#!/bin/sh
# Error answers: one registry (kkb.galat) behind every error body.  The
# gateway's compiled table of its own errors agrees with the registry, and its
# SQLSTATE table with the registry's statuses; a rule the database refuses is
# answered with its specific code, the field (kolom) and a message in
# Indonesian, or in English for Accept-Language: en; the gateway's own errors
# have specific codes too.
# Fixture (set up here, removed at the end): Kampung KB 13.77.02.2005 with a
# September 2026 KKBPK report, the month locked.
. "$(dirname "$0")/lib.sh"

PORT=18140
D=13.77.02.2005

FIXTURE_DELETE="
DELETE FROM kkb.periode_status WHERE kode_desa = '$D';
DELETE FROM kkb.kkbpk WHERE kode_desa = '$D';
DELETE FROM kkb.peringatan WHERE kode_desa = '$D';
DELETE FROM kkb.kampung WHERE kode_desa = '$D';
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 14)' AND dicabut IS NULL;
DO \$\$ BEGIN
	IF to_regprocedure('kkb.galat_jawab_tersembunyi(text, text, text, text, text, text, text, text)') IS NOT NULL THEN
		ALTER FUNCTION kkb.galat_jawab_tersembunyi(text, text, text, text, text, text, text, text) RENAME TO galat_jawab;
	END IF;
END \$\$;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$D', 'Kampung KB Ampalu');
INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil, kb_suntik) VALUES ('$D', '2026-09-01', 12, 30), ('$D', '2026-10-01', 7, 9);
INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES ('$D', '2026-09-01', 'draf');" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $D with September and October 2026 reports"
TP=$(token kkb_pokja $D "Pokja Ampalu (uji 14)")
TO=$(token kkb_opd 13.77 "DP3AKB Pariaman (uji 14)" dp3akb)
TD=$(token kkb_admin "" "Admin (uji 14)")

# ---------------------------------------------------------------- the compiled table and the registry agree
"$KKB_GATEWAY_BIN" --errors > "$KKB_TEST_DIR/galat-gateway.tsv"
is "$?" 0 "kkb-gateway --errors lists the gateway's error codes"
grep -v '^sqlstate	' "$KKB_TEST_DIR/galat-gateway.tsv" | sort > "$KKB_TEST_DIR/galat-gateway-kode.tsv"
sql "SELECT kode, status, pesan, pesan_en, coalesce(saran, ''), coalesce(saran_en, '') FROM kkb.galat
      WHERE asal = 'gateway' ORDER BY kode" | tr '|' '\t' | sort > "$KKB_TEST_DIR/galat-db.tsv"
ok "$(test -s "$KKB_TEST_DIR/galat-db.tsv" && diff "$KKB_TEST_DIR/galat-gateway-kode.tsv" "$KKB_TEST_DIR/galat-db.tsv" >&2; echo $?)" \
	"the gateway's compiled errors are the registry's rows with asal gateway (code, status, texts, hints)"
is "$(wc -l < "$KKB_TEST_DIR/galat-gateway-kode.tsv" | tr -d ' ')" "$(sql "SELECT count(*) FROM kkb.galat WHERE asal = 'gateway'")" \
	"  as many of them"
# every registry row with a SQLSTATE has the status the gateway's SQLSTATE table gives it
PETA=$(awk -F'\t' '$1 == "sqlstate" { printf "%s(%s,%s)", (n++ ? "," : ""), "'"'"'" $2 "'"'"'", $3 }' "$KKB_TEST_DIR/galat-gateway.tsv")
is "$(sql "WITH peta(s, status, n) AS (SELECT s, status, row_number() OVER () FROM (VALUES $PETA) v(s, status))
           SELECT coalesce(string_agg(g.kode || ' ' || g.status || '/' || p.status, ', ' ORDER BY g.kode), 'none') FROM kkb.galat g
            CROSS JOIN LATERAL (SELECT p.status FROM peta p WHERE g.sqlstate LIKE p.s || '%' ORDER BY p.n LIMIT 1) p
            WHERE g.sqlstate IS NOT NULL AND g.status <> p.status")" none \
	"every registry row's status is what the gateway's SQLSTATE table says for its SQLSTATE"
KODE=$(awk -F'\t' '$1 == "sqlstate" { printf "%s(%s)", (n++ ? "," : ""), "'"'"'" $2 "'"'"'" }' "$KKB_TEST_DIR/galat-gateway.tsv")
is "$(sql "SELECT coalesce(string_agg(kode, ', '), 'none') FROM kkb.galat WHERE asal = 'sqlstate' AND sqlstate NOT IN (VALUES $KODE)")" none \
	"every SQLSTATE fallback of the registry is in the gateway's SQLSTATE table"

# every code the gateway's sources name is a row of the registry (the numeric KKB-4xx codes some
# handlers still build by hand aside)
SRC=$(cd "$(dirname "$0")/../../gateway/src" && pwd)
KODE_SRC=$(grep -ho '"KKB-[A-Z][A-Z0-9-]*"' "$SRC"/*.c | tr -d '"' | sort -u | sed "s/.*/'&'/" | paste -sd, -)
is "$(sql "SELECT coalesce(string_agg(k, ', '), 'none') FROM unnest(ARRAY[$KODE_SRC]) k WHERE k NOT IN (SELECT kode FROM kkb.galat)")" none \
	"every KKB- code in gateway/src is in kkb.galat"

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# ---------------------------------------------------------------- the registry out of reach
# (the lookup function renamed away before any error was looked up): the error's own fields, the
# status from the gateway's SQLSTATE table
GALAT_FN="kkb.galat_jawab(text, text, text, text, text, text, text, text)"
sql "ALTER FUNCTION $GALAT_FN RENAME TO galat_jawab_tersembunyi" >/dev/null
r=$(api_json PUT "/v1/desa/$D/kkbpk/2026-10" "$TP" '{"kb_pil":-3}')
is "$(status_of "$r") $(jqb "$r" '[.code, .sqlstate, (.message | test("kkbpk_kb_pil_check"))]')" '422 ["23514","23514",true]' \
	"without the registry: 422 from the SQLSTATE table, the database's own code and message"
r=$(api_json POST /v1/masuk "" '{"kode": "00000000000000000000000000000000", "perangkat": "0123456789abcdef0123456789abcdef", "nama": "HP"}')
is "$(status_of "$r") $(jqb "$r" .sqlstate)" '410 "28000"' \
	"  a sign-in code that is not valid, without the registry: still 410 (28000 in the SQLSTATE table), not 500"
sql "ALTER FUNCTION kkb.galat_jawab_tersembunyi(text, text, text, text, text, text, text, text) RENAME TO galat_jawab" >/dev/null
ok "$(grep -q 'the error registry could not be read' "$GW_LOG"; echo $?)" "  and the gateway logged that the registry could not be read"

# ---------------------------------------------------------------- a rule of the data: kb_pil = -3
r=$(api_json PUT "/v1/desa/$D/kkbpk/2026-10" "$TP" '{"kb_pil":-3,"kb_suntik":9}')
is "$(status_of "$r")" 422 "kb_pil = -3: 422"
is "$(jqb "$r" '[.code, .kolom, .sqlstate]')" '["KKB-KKBPK-KB-PIL-NEGATIF","kb_pil","23514"]' \
	"  with the specific code, kolom kb_pil and the SQLSTATE"
is "$(jqb "$r" '.message')" '"jumlah peserta KB pil (kb_pil) tidak boleh negatif"' "  and the message in Indonesian"
is "$(jqb "$r" '[.hint, .details]')" '["Isi jumlahnya dengan 0 atau lebih; kosongkan bila belum diketahui.",null]' \
	"  an Indonesian hint, and no copy of the refused row"
r=$(api PUT "/v1/desa/$D/kkbpk/2026-10" "$TP" -H 'Content-Type: application/json' -H 'Accept-Language: en-US,en;q=0.9' \
	--data-binary '{"kb_pil":-3,"kb_suntik":9}')
is "$(jqb "$r" '[.code, .kolom, .message]')" '["KKB-KKBPK-KB-PIL-NEGATIF","kb_pil","the number of pill users (kb_pil) cannot be negative"]' \
	"kb_pil = -3 with Accept-Language: en: the same code and kolom, the message in English"
r=$(api PUT "/v1/desa/$D/kkbpk/2026-10" "$TP" -H 'Content-Type: application/json' -H 'Accept-Language: en;q=0.3, id' \
	--data-binary '{"kb_pil":-3}')
is "$(jqb "$r" '.message')" '"jumlah peserta KB pil (kb_pil) tidak boleh negatif"' "Indonesian when it is preferred to English"
is "$(sql "SELECT kb_pil || ' ' || kb_suntik FROM kkb.kkbpk WHERE kode_desa = '$D' AND periode = '2026-10-01'")" "7 9" \
	"the October report is unchanged"

# other rules: a locked month, a missing value, an unknown agency, a bad NIK in a path
sql "SET session_replication_role = replica; UPDATE kkb.periode_status SET status = 'dikunci' WHERE kode_desa = '$D' AND periode = '2026-09-01'" >/dev/null
r=$(api_json PUT "/v1/desa/$D/kkbpk/2026-09" "$TP" '{"kb_pil":13}')
is "$(status_of "$r") $(jqb "$r" '[.code, .message]')" \
	"409 [\"KKB-PERIODE-TERKUNCI\",\"data bulan 2026-09 desa $D sudah dikunci dan tidak dapat diubah lagi\"]" \
	"a locked month: 409 KKB-PERIODE-TERKUNCI naming the month, village and state"
is "$(sql "SELECT kb_pil FROM kkb.kkbpk WHERE kode_desa = '$D' AND periode = '2026-09-01'")" 12 "  and the month is unchanged"
r=$(api_json POST "/v1/desa/$D/intervensi" "$TO" '{"judul":"Penyuluhan","fungsi_keluarga":"ekonomi"}')
is "$(status_of "$r") $(jqb "$r" '[.code, .kolom, .message]')" '422 ["KKB-WAJIB-DIISI","tanggal","kolom tanggal wajib diisi"]' \
	"an intervention without a date: KKB-WAJIB-DIISI at kolom tanggal"
r=$(api_json POST "/v1/desa/$D/intervensi" "$TO" '{"tanggal":"2026-10-03","judul":"Penyuluhan","fungsi_keluarga":"ekonomi","opd":["dinas_bulan"]}')
is "$(status_of "$r") $(jqb "$r" '[.code, .kolom, .message]')" '409 ["KKB-OPD-TIDAK-DIKENAL","opd","OPD \"dinas_bulan\" tidak dikenal"]' \
	"an unknown agency: KKB-OPD-TIDAK-DIKENAL naming it"
r=$(api GET "/v1/desa/13.77.02.20x5" "$TD")
is "$(status_of "$r") $(jqb "$r" '.code')" '400 "KKB-KODE-WILAYAH-TIDAK-SAH"' "a malformed village code: KKB-KODE-WILAYAH-TIDAK-SAH"

# ---------------------------------------------------------------- the gateway's own errors
r=$(api GET "/v1/desa?wilayah=13.77&periode=2026-13" "$TD")
is "$(status_of "$r") $(jqb "$r" '[.code, .message, .parameter]')" \
	'400 ["KKB-PERIODE-FORMAT","periode tidak sah \"2026-13\": harus bulan YYYY-MM","periode"]' "periode=2026-13: KKB-PERIODE-FORMAT in Indonesian"
r=$(api GET "/v1/desa?wilayah=13.77&periode=2026-13" "$TD" -H 'Accept-Language: en')
is "$(jqb "$r" '[.code, .message, .hint]')" \
	'["KKB-PERIODE-FORMAT","invalid periode \"2026-13\": expected a month YYYY-MM","E.g. 2026-11 for November 2026 (months 01 to 12)."]' \
	"  and in English"
r=$(api GET "/v1/desa" "")
is "$(status_of "$r") $(jqb "$r" '[.code, .message]')" '401 ["KKB-TOKEN-TIDAK-ADA","token diperlukan"]' "no token: KKB-TOKEN-TIDAK-ADA"
r=$(api GET "/v1/tidak-ada" "")
is "$(status_of "$r") $(jqb "$r" '[.code, .message, .kolom]')" '404 ["KKB-RUTE-TIDAK-ADA","alamat ini tidak dikenal",null]' \
	"an unknown route: KKB-RUTE-TIDAK-ADA, with kolom null"
r=$(api_json PUT "/v1/desa/$D/kkbpk/2026-10" "$TP" '{"kb_pill":3}')
is "$(status_of "$r") $(jqb "$r" '[.code, .kolom, .message]')" '422 ["KKB-KOLOM-TIDAK-DIKENAL","kb_pill","kolom \"kb_pill\" tidak dikenal"]' \
	"an unknown field: KKB-KOLOM-TIDAK-DIKENAL at that field"

# ---------------------------------------------------------------- the log
gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged (every database error had a registry row)"

sql "$FIXTURE_DELETE" >/dev/null
done_testing

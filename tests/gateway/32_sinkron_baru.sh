#!/bin/sh
# Records sent as new ones: POST /v1/desa/{kode}/keluarga?baru=true (the dashboard's queue of
# records entered without a connection).  A family card already stored with other values is
# refused with the stored row (KKB-SUDAH-TERSIMPAN, sekarang) and not written over; a re-send
# of the same values is ignored; JSON and CSV alike, with the rows numbered as sent; a bad flag
# is 400; /openapi.json declares the parameter.  Kampung KB 13.77.04.2016 of its own for the test.
. "$(dirname "$0")/lib.sh"

PORT=18320
A=13.77.04.2016
FIXTURE_DELETE="
SET session_replication_role = replica;
DELETE FROM kkb.anggota WHERE kode_desa = '$A';
DELETE FROM kkb.keluarga WHERE kode_desa = '$A';
DELETE FROM kkb.intervensi WHERE kode_desa = '$A';
DELETE FROM kkb.kampung WHERE kode_desa = '$A';
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 32)' AND dicabut IS NULL;"
sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji Baru');" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
T=$(token kkb_pokja $A "Pokja (uji 32)")
gw_start $PORT
ok $? "gateway started"

P=/v1/desa/$A/keluarga
rt() { sql "SELECT coalesce((SELECT coalesce(rt::text, 'null') FROM kkb.keluarga WHERE kode_desa = '$A' AND no_kk = '$1'), '-')"; }
n() { jqb "$1" '[.diimpor, .diperbarui, .diabaikan, .ditolak]'; }

r=$(api_json POST "$P?baru=true" "$T" '[{"no_kk": "1377040101260001", "rt": 4}]')
is "$(status_of "$r") $(n "$r")" '200 [1,0,0,0]' "a new family sent as new: imported"
r=$(api_json POST "$P?baru=true" "$T" '[{"no_kk": "1377040101260001", "rt": 4}]')
is "$(n "$r")" '[0,0,1,0]' "sent again (its answer lost): ignored, not refused"

# another cadre stored the card with another RT meanwhile
sql "UPDATE kkb.keluarga SET rt = 9 WHERE kode_desa = '$A' AND no_kk = '1377040101260001'" >/dev/null
r=$(api_json POST "$P?baru=true" "$T" '[{"no_kk": "1377040101260002", "rt": 5}, {"no_kk": "1377040101260001", "rt": 4}]')
is "$(status_of "$r") $(n "$r")" '200 [1,0,0,1]' "a batch with the card stored meanwhile: the other row imported, that one refused"
is "$(jqb "$r" '.konflik[0] | [.baris, .code, .kunci.no_kk, .sekarang.rt]')" '[2,"KKB-SUDAH-TERSIMPAN","1377040101260001",9]' \
	"  numbered as sent, KKB-SUDAH-TERSIMPAN, with the stored row (sekarang)"
is "$(jqb "$r" '.konflik[0].message')" '"catatan keluarga dengan kunci ini sudah tersimpan dengan isi lain (dicatat orang lain?)"' \
	"  in Indonesian"
is "$(rt 1377040101260001) $(rt 1377040101260002)" "9 5" "  the stored card is not written over; the new one is stored"

printf 'no_kk,rt\n1377040101260003,7\n1377040101260001,4\n' > "$KKB_TEST_DIR/uji32.csv"
r=$(api POST "$P?baru=true" "$T" -H 'Content-Type: text/csv' --data-binary "@$KKB_TEST_DIR/uji32.csv")
is "$(n "$r") $(jqb "$r" '[.konflik[0].baris, .konflik[0].code]')" '[1,0,0,1] [2,"KKB-SUDAH-TERSIMPAN"]' "the same from CSV"
is "$(rt 1377040101260001) $(rt 1377040101260003)" "9 7" "  stored as JSON would"

r=$(api_json POST "$P?baru=true&atomik=true" "$T" '[{"no_kk": "1377040101260004", "rt": 1}, {"no_kk": "1377040101260001", "rt": 4}]')
is "$(status_of "$r") $(jqb "$r" .disimpan) $(rt 1377040101260004)" '422 false -' "with atomik: 422 and nothing written"

r=$(api_json POST "$P" "$T" '[{"no_kk": "1377040101260001", "rt": 4}]')
is "$(n "$r") $(rt 1377040101260001)" '[0,1,0,0] 4' "without baru: the row updates the stored card, as it always did"

is_error "$(api_json POST "$P?baru=kadang" "$T" '[]')" 400 KKB-PARAMETER-TIDAK-SAH "baru=kadang: 400"
is "$(curl -s "http://127.0.0.1:$PORT/openapi.json" | jq -c '[.paths["/v1/desa/{kode}/keluarga"].post.parameters[] | select(.name == "baru") | .schema.type]')" \
	'["boolean"]' "/openapi.json declares baru"

gw_stop
sql "$FIXTURE_DELETE" >/dev/null
done_testing

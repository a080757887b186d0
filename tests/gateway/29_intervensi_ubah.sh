#!/bin/sh
# Changing an intervention: PUT /v1/desa/{kode}/intervensi/{id} (kkb.api_intervensi_ubah)
# with If-Match naming the versi the client read.  The recording agency changes its own,
# another agency and the village's pokja may not (403), an unknown id or another village is
# 404, a stale version 412 with both versions and the stored row, no If-Match 428, an unknown
# field 422 naming it; each answer checked against the stored row.
. "$(dirname "$0")/lib.sh"

PORT=18290
A=13.77.04.2015
B=13.77.04.2016
sql "
SET session_replication_role = replica;
DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.idempotensi;
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 29)' AND dicabut IS NULL;
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji Ubah'), ('$B', 'Kampung KB Uji Ubah B');
INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('$B', '2026-09-01', 'Milik desa B', 'ekonomi');" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
TA=$(token kkb_pokja $A "Pokja A (uji 29)")
TKES=$(token kkb_opd 13.77 "Dinkes (uji 29)" dinkes)
TSOS=$(token kkb_opd 13.77 "Dinsos (uji 29)" dinsos)
TADM=$(token kkb_admin 13.77 "Admin (uji 29)")
gw_start $PORT
ok $? "gateway started"

put() { # PUT ID TOKEN BODY [IF-MATCH]
	if [ -n "${4:-}" ]; then
		api PUT "/v1/desa/$A/intervensi/$1" "$2" -H 'Content-Type: application/json' -H "If-Match: $4" --data-binary "$3"
	else
		api_json PUT "/v1/desa/$A/intervensi/$1" "$2" "$3"
	fi
}
baris() { sql "SELECT format('%s|%s|%s|%s', judul, fungsi_keluarga, sasaran, coalesce(pemilik_opd, '-')) FROM kkb.intervensi WHERE id = $1"; }
versi_jawab() { printf '%s\n' "${1#* }" | jq -r .versi; }
versi() { sql "SELECT kkb._versi_baris(diubah_pada) FROM kkb.intervensi WHERE id = $1"; }

# ---------------------------------------------------------------- recorded by an agency: its own
r=$(api_json POST "/v1/desa/$A/intervensi" "$TKES" '{"tanggal":"2026-09-03","judul":"Posyandu","fungsi_keluarga":"perlindungan"}')
is "$(status_of "$r") $(jqb "$r" '[.pemilik_opd, .boleh_ubah, (.versi | type)]')" '201 ["dinkes",true,"string"]' \
	"an agency records an intervention: its own (pemilik_opd set by the database), with its versi"
ID=$(jqb "$r" .id)
V0=$(versi_jawab "$r")
is "$V0" "$(versi "$ID")" "  the versi is the stored row's"
r=$(api GET "/v1/desa/$A/intervensi" "$TKES")
is "$(jqb "$r" "[.data[] | select(.id == $ID) | .versi, .boleh_ubah]")" "[\"$V0\",true]" "  the list gives each row's versi and boleh_ubah"
is "$(jqb "$(api GET "/v1/desa/$A/intervensi" "$TSOS")" "[.data[] | select(.id == $ID) | .boleh_ubah]")" '[false]' \
	"  another agency's list says it may not change it"

r=$(put "$ID" "$TKES" '{"tanggal":"2026-09-04","judul":"Posyandu balita","fungsi_keluarga":"reproduksi","sasaran":["balita"]}' "\"$V0\"")
is "$(status_of "$r") $(jqb "$r" '[.judul, .sasaran, .pemilik_opd, .kode_desa]')" '200 ["Posyandu balita",["balita"],"dinkes","13.77.04.2015"]' \
	"PUT by the recording agency with If-Match: 200 with the stored row"
is "$(baris "$ID")" 'Posyandu balita|reproduksi|{balita}|dinkes' "  stored"
V1=$(versi "$ID")
ok "$([ "$V1" != "$V0" ] && [ "$(versi_jawab "$r")" = "$V1" ]; echo $?)" \
	"  a new versi, the one the answer gives"

# ---------------------------------------------------------------- who may not
r=$(put "$ID" "$TSOS" '{"tanggal":"2026-09-04","judul":"Dibajak","fungsi_keluarga":"ekonomi"}' "\"$V1\"")
is_error "$r" 403 KKB-INTERVENSI-MILIK-OPD "another agency: 403"
is "$(jqb "$r" .message)" "\"intervensi $ID desa $A dicatat oleh OPD dinkes: hanya OPD itu atau administrator yang dapat mengubahnya\"" \
	"  the message names the recording agency"
r=$(put "$ID" "$TA" '{"tanggal":"2026-09-04","judul":"Dibajak","fungsi_keluarga":"ekonomi"}' "\"$V1\"")
is_error "$r" 403 KKB-INTERVENSI-MILIK-OPD "the village's pokja may not change an agency's: 403"
is "$(baris "$ID")" 'Posyandu balita|reproduksi|{balita}|dinkes' "  nothing changed"

# ---------------------------------------------------------------- not there for the caller
is_error "$(put 999999999 "$TKES" '{"tanggal":"2026-09-04","judul":"X","fungsi_keluarga":"ekonomi"}' '*')" 404 KKB-TIDAK-DITEMUKAN "an unknown id: 404"
IDB=$(sql "SELECT id FROM kkb.intervensi WHERE kode_desa = '$B'")
is_error "$(api PUT "/v1/desa/$B/intervensi/$IDB" "$TA" -H 'Content-Type: application/json' -H 'If-Match: *' \
	--data-binary '{"tanggal":"2026-09-04","judul":"X","fungsi_keluarga":"ekonomi"}')" 404 KKB-TIDAK-DITEMUKAN \
	"pokja A: another village's intervention is 404"
is_error "$(put "$IDB" "$TADM" '{"tanggal":"2026-09-04","judul":"X","fungsi_keluarga":"ekonomi"}' '*')" 404 KKB-TIDAK-DITEMUKAN \
	"village B's id under village A's code: 404"
is "$(sql "SELECT judul FROM kkb.intervensi WHERE id = $IDB")" 'Milik desa B' "  nothing changed"
is_error "$(put abc "$TKES" '{"tanggal":"2026-09-04","judul":"X","fungsi_keluarga":"ekonomi"}' '*')" 400 KKB-NILAI-FORMAT "an id that is no number: 400"

# ---------------------------------------------------------------- If-Match
r=$(put "$ID" "$TKES" '{"tanggal":"2026-09-04","judul":"Tanpa versi","fungsi_keluarga":"ekonomi"}')
is_error "$r" 428 KKB-VERSI-DIPERLUKAN "without If-Match: 428"
# a change by someone else meanwhile (another transaction: a new diubah_pada)
sql "UPDATE kkb.intervensi SET judul = 'Diubah di tempat lain' WHERE id = $ID" >/dev/null
V2=$(versi "$ID")
r=$(put "$ID" "$TKES" '{"tanggal":"2026-09-04","judul":"Perubahan saya","fungsi_keluarga":"reproduksi"}' "\"$V1\"")
is "$(status_of "$r") $(jqb "$r" '[.code, .versi_dikirim, .versi_sekarang, .sekarang.judul]')" \
	"412 [\"KKB-VERSI-BERUBAH\",\"$V1\",\"$V2\",\"Diubah di tempat lain\"]" \
	"a stale If-Match: 412 with both versions and the stored row"
is "$(baris "$ID")" 'Diubah di tempat lain|reproduksi|{balita}|dinkes' "  nothing of the stale change is stored"
r=$(put "$ID" "$TKES" '{"tanggal":"2026-09-04","judul":"Perubahan saya","fungsi_keluarga":"reproduksi"}' "\"$V2\"")
is "$(status_of "$r")" 200 "  sent again with versi_sekarang: 200"
is "$(baris "$ID")" 'Perubahan saya|reproduksi|{}|dinkes' "  stored"

# ---------------------------------------------------------------- the body
V3=$(versi "$ID")
r=$(put "$ID" "$TKES" '{"tanggal":"2026-09-04","judul":"X","fungsi_keluarga":"ekonomi","pemilik_opd":"dinsos"}' "\"$V3\"")
is_error "$r" 422 KKB-KOLOM-TIDAK-DIKENAL "a field the client may not set (pemilik_opd): 422"
is "$(jqb "$r" .kolom)" '"pemilik_opd"' "  naming it"
r=$(put "$ID" "$TKES" '{"tanggal":"2026-09-04","fungsi_keluarga":"ekonomi"}' "\"$V3\"")
is_error "$r" 422 23502 "a required field left out: 422"
is "$(jqb "$r" .kolom)" '"judul"' "  naming it"
is "$(baris "$ID")|$(versi "$ID")" "Perubahan saya|reproduksi|{}|dinkes|$V3" "  nothing stored, the version unchanged"

# ---------------------------------------------------------------- the pokja and the administrator
r=$(api_json POST "/v1/desa/$A/intervensi" "$TA" '{"tanggal":"2026-09-05","judul":"Kelas BKB","fungsi_keluarga":"sosial_budaya"}')
IDP=$(jqb "$r" .id)
is "$(jqb "$r" '[.pemilik_opd, .boleh_ubah]')" '[null,true]' "the pokja's intervention: the village's"
is_error "$(put "$IDP" "$TKES" '{"tanggal":"2026-09-05","judul":"X","fungsi_keluarga":"ekonomi"}' '*')" 403 KKB-INTERVENSI-MILIK-DESA \
	"an agency may not change the village's: 403"
is "$(status_of "$(put "$IDP" "$TA" '{"tanggal":"2026-09-06","judul":"Kelas BKB balita","fungsi_keluarga":"sosial_budaya"}' "\"$(versi "$IDP")\"")")" 200 \
	"the pokja changes the village's: 200"
is "$(status_of "$(put "$ID" "$TADM" '{"tanggal":"2026-09-07","judul":"Dari admin","fungsi_keluarga":"ekonomi"}' "\"$(versi "$ID")\"")")" 200 \
	"an administrator changes an agency's: 200"
is "$(baris "$IDP") / $(baris "$ID")" 'Kelas BKB balita|sosial_budaya|{}|- / Dari admin|ekonomi|{}|dinkes' "  both stored; the agency's stays its own"

gw_stop
sql "
SET session_replication_role = replica;
DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 29)' AND dicabut IS NULL;" >/dev/null
done_testing

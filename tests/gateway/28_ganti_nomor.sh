#!/bin/sh
# Renumbering through the API: POST /v1/desa/{kode}/keluarga/{no_kk}/ganti-no-kk and
# POST /v1/desa/{kode}/anggota/{nik}/ganti-nik (kkb.ganti_no_kk / kkb.ganti_nik).  The
# answers and the stored rows; each refusal's status and error code, with nothing changed;
# the village's ETag moves; a retry with the same Idempotency-Key gets the first answer.
# Runs on one node and, in make test-citus, against a Citus coordinator (the same path).
. "$(dirname "$0")/lib.sh"

PORT=18780
A=13.77.02.2014
KK=1377021505200031
KK2=1377021505200032
KKB=1377021505200039
NIK_AYAH=1377021505900031
NIK_ANAK=$(sql "SELECT pg_catalog.format('137702%s0001', to_char(current_date - 300, 'DDMMYY'))")
NIK_ANAK2=$(sql "SELECT pg_catalog.format('137702%s0002', to_char(current_date - 300, 'DDMMYY'))")
sql "
SET session_replication_role = replica;
DELETE FROM kkb.periode_status WHERE kode_desa = '$A';
DELETE FROM kkb.peringatan WHERE kode_desa = '$A';
DELETE FROM kkb.pengukuran WHERE kode_desa = '$A';
DELETE FROM kkb.peristiwa WHERE kode_desa = '$A';
DELETE FROM kkb.anggota WHERE kode_desa = '$A';
DELETE FROM kkb.keluarga WHERE kode_desa = '$A';
DELETE FROM kkb.kampung WHERE kode_desa = '$A';
DELETE FROM kkb.idempotensi;
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 28)' AND dicabut IS NULL;
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji Nomor');
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw) VALUES ('$A', '$KK', 4, 2), ('$A', '$KK2', 5, 2);
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin) VALUES
	('$A', '$NIK_AYAH', '$KK', 'Yusuf', 'L', '1990-05-15', 'kepala', 'kawin'),
	('$A', '$NIK_ANAK', '$KK', 'Rafi', 'L', current_date - 300, 'anak', 'belum_kawin');
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur) VALUES
	('$A', '$NIK_ANAK', current_date - 30, 8.4, 70.1, 'telentang'),
	('$A', '$NIK_ANAK', current_date - 5, 8.7, 71.0, 'telentang');" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
TA=$(token kkb_pokja $A "Pokja A (uji 28)")
TO=$(token kkb_opd 13.77 "Dinkes (uji 28)" dinkes)
gw_start $PORT
ok $? "gateway started"

etag() { header_of GET "/v1/desa/$A" ETag -H "Authorization: Bearer $TA"; }
e0=$(etag)

# ---------------------------------------------------------------- a family card
r=$(api_json POST "/v1/desa/$A/keluarga/$KK/ganti-no-kk" "$TA" "{\"no_kk\":\"$KKB\"}")
is "$(status_of "$r")" 200 "ganti-no-kk: 200"
is "$(jqb "$r" '[.no_kk_lama, .no_kk, .anggota_dipindah]')" "[\"$KK\",\"$KKB\",2]" "  names the old and new numbers and the 2 members moved"
is "$(sql "SELECT string_agg(no_kk::text, ',') FROM kkb.keluarga WHERE kode_desa = '$A' AND rt = 4")" "$KKB" "  the family (rt 4) is stored under the new number only"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$A' AND no_kk = '$KKB'")" 2 "  with its members"
e1=$(etag)
ok "$([ -n "$e0" ] && [ "$e0" != "$e1" ]; echo $?)" "  the village's ETag changed"

r=$(api_json POST "/v1/desa/$A/keluarga/$KK/ganti-no-kk" "$TA" "{\"no_kk\":\"$KKB\"}")
is_error "$r" 404 KKB-GANTI-KELUARGA-TIDAK-ADA "the same request again: 404 (the old number is gone)"
is "$(jqb "$r" .hint)" "\"The village has a family $KKB: was it renumbered already?\"" "  its hint says it was renumbered already" 
r=$(api_json POST "/v1/desa/$A/keluarga/$KKB/ganti-no-kk" "$TA" "{\"no_kk\":\"$KK2\"}")
is_error "$r" 409 KKB-GANTI-NO-KK-DIPAKAI "a new number already used by a family of the village: 409"
r=$(api_json POST "/v1/desa/$A/keluarga/$KKB/ganti-no-kk" "$TA" '{"no_kk":"12345"}')
is_error "$r" 400 KKB-NO-KK-TIDAK-SAH "a malformed new number: 400"
r=$(api_json POST "/v1/desa/$A/keluarga/123/ganti-no-kk" "$TA" "{\"no_kk\":\"$KK\"}")
is_error "$r" 400 KKB-NO-KK-TIDAK-SAH "a malformed old number in the path: 400"
r=$(api_json POST "/v1/desa/$A/keluarga/$KKB/ganti-no-kk" "$TA" "{\"no_kk\":\"$KKB\"}")
is_error "$r" 400 KKB-NOMOR-BARU-SAMA "the same number: 400"
r=$(api_json POST "/v1/desa/$A/keluarga/$KKB/ganti-no-kk" "$TA" "{\"no_kk\":\"$KK\",\"rt\":3}")
is_error "$r" 422 KKB-KOLOM-TIDAK-DIKENAL "another field in the body: 422"
r=$(api_json POST "/v1/desa/$A/keluarga/$KKB/ganti-no-kk" "$TA" '{}')
is_error "$r" 422 KKB-WAJIB-DIISI "no new number: 422"
r=$(api_json POST "/v1/desa/$A/keluarga/$KKB/ganti-no-kk" "$TO" "{\"no_kk\":\"$KK\"}")
is "$(status_of "$r")" 403 "an agency's token: 403"
is "$(sql "SELECT string_agg(no_kk::text, ',' ORDER BY no_kk) FROM kkb.keluarga WHERE kode_desa = '$A'")" "$KK2,$KKB" "  the refusals changed nothing"

# ---------------------------------------------------------------- a NIK, with the child's measurements
r=$(api_json POST "/v1/desa/$A/anggota/$NIK_ANAK/ganti-nik" "$TA" "{\"nik\":\"$NIK_ANAK2\"}")
is "$(status_of "$r")" 200 "ganti-nik: 200"
is "$(jqb "$r" '[.nik_lama, .nik, .pengukuran_dipindah]')" "[\"$NIK_ANAK\",\"$NIK_ANAK2\",2]" "  names the old and new NIK and the 2 measurements moved"
is "$(sql "SELECT count(*) FROM kkb.pengukuran WHERE kode_desa = '$A' AND nik = '$NIK_ANAK2' AND z_tbu IS NOT NULL")" 2 \
	"  the measurements are stored under the new NIK with their z-scores"
r=$(api_json POST "/v1/desa/$A/anggota/$NIK_ANAK2/ganti-nik" "$TA" '{"nik":"1377021505900099"}')
is_error "$r" 422 KKB-ANGGOTA-LAHIR-NIK "a new NIK whose birth date is not the member's: 422"
is "$(sql "SELECT count(*) FROM kkb.pengukuran WHERE kode_desa = '$A' AND nik = '$NIK_ANAK2'")" 2 "  and the measurements stay"
r=$(api_json POST "/v1/desa/$A/anggota/$NIK_ANAK2/ganti-nik" "$TA" "{\"nik\":\"$NIK_AYAH\"}")
is_error "$r" 409 KKB-GANTI-NIK-DIPAKAI "a NIK already a member of the village: 409"
r=$(api_json POST "/v1/desa/$A/anggota/$NIK_ANAK/ganti-nik" "$TA" "{\"nik\":\"$NIK_ANAK2\"}")
is_error "$r" 404 KKB-GANTI-ANGGOTA-TIDAK-ADA "an old NIK no longer in the village: 404"

# ---------------------------------------------------------------- a retry with its Idempotency-Key
NIK_AYAH2=1377021505900033
post_key() {
	curl -s -w '\n%{http_code}' -X POST "http://127.0.0.1:$GW_PORT/v1/desa/$A/anggota/$NIK_AYAH/ganti-nik" \
		-H "Authorization: Bearer $TA" -H "Idempotency-Key: ganti-0001" -H 'Content-Type: application/json' \
		--data-binary "{\"nik\":\"$NIK_AYAH2\"}" |
		{ b=$(cat); printf '%s %s\n' "$(printf '%s\n' "$b" | tail -n 1)" "$(printf '%s\n' "$b" | sed '$d' | tr -d '\n')"; }
}
r1=$(post_key)
is "$(status_of "$r1")" 200 "ganti-nik with an Idempotency-Key: 200"
r2=$(post_key)
is "$(status_of "$r2") $(body_of "$r2")" "$(status_of "$r1") $(body_of "$r1")" "  the retry gets the first answer, not a 404"
is "$(sql "SELECT nama FROM kkb.anggota WHERE kode_desa = '$A' AND nik = '$NIK_AYAH2'")" "Yusuf" "  the member has the new NIK"

gw_stop
done_testing

#!/bin/sh
# Photos of an intervention through the API: POST .../intervensi/{id}/foto (base64 in JSON),
# GET .../foto (the list), GET .../foto/{foto} (the image itself: its media type, ETag, 304),
# DELETE .../foto/{foto}.  Who may add and remove (the recording agency), who may look (whoever
# sees the intervention), what is refused (not an image, too big, a 6th), each checked with psql.
. "$(dirname "$0")/lib.sh"

PORT=18291
A=13.77.04.2013
B=13.77.04.2014
sql "
SET session_replication_role = replica;
DELETE FROM kkb.intervensi_foto WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.idempotensi;
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 29 foto)' AND dicabut IS NULL;
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji Foto'), ('$B', 'Kampung KB Uji Foto B');" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
TA=$(token kkb_pokja $A "Pokja A (uji 29 foto)")
TB=$(token kkb_pokja $B "Pokja B (uji 29 foto)")
TKES=$(token kkb_opd 13.77 "Dinkes (uji 29 foto)" dinkes)
TSOS=$(token kkb_opd 13.77 "Dinsos (uji 29 foto)" dinsos)
gw_start $PORT
ok $? "gateway started"

TMP=$KKB_TEST_DIR/uji29foto
mkdir -p "$TMP"
# a real PNG of 3x2 pixels (python3's zlib), and a GIF header
python3 - "$TMP/foto.png" <<'PY'
import struct, sys, zlib
def potong(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
mentah = b''.join(b'\x00' + b'\x20\x80\x40' * 3 for _ in range(2))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + potong(b'IHDR', struct.pack('>IIBBBBB', 3, 2, 8, 2, 0, 0, 0))
                              + potong(b'IDAT', zlib.compress(mentah)) + potong(b'IEND', b''))
PY
printf 'GIF89a\001\000\001\000\000\000\000;' > "$TMP/foto.gif"
b64() { base64 -w0 "$1"; }
jumlah() { sql "SELECT count(*) FROM kkb.intervensi_foto WHERE kode_desa = '$A' AND intervensi_id = $1"; }
foto_post() { # ID TOKEN FILE [curl args]
	i=$1 t=$2 f=$3
	shift 3
	printf '{"isi":"%s"}' "$(b64 "$f")" > "$TMP/isi.json"
	api POST "/v1/desa/$A/intervensi/$i/foto" "$t" -H 'Content-Type: application/json' --data-binary @"$TMP/isi.json" "$@"
}

ID=$(jqb "$(api_json POST "/v1/desa/$A/intervensi" "$TKES" '{"tanggal":"2026-09-03","judul":"Posyandu","fungsi_keluarga":"perlindungan"}')" .id)
IDP=$(jqb "$(api_json POST "/v1/desa/$A/intervensi" "$TA" '{"tanggal":"2026-09-04","judul":"Kelas BKB","fungsi_keluarga":"sosial_budaya"}')" .id)

# ---------------------------------------------------------------- upload
r=$(foto_post "$ID" "$TKES" "$TMP/foto.png" -H 'Idempotency-Key: foto-uji-29-1')
is "$(status_of "$r") $(jqb "$r" '[.jenis, .lebar, .tinggi, .ukuran]')" "201 [\"image/png\",3,2,$(wc -c < "$TMP/foto.png" | tr -d ' ')]" \
	"POST foto (base64 JSON) by the recording agency: 201 with the type, width, height and size read from the image"
F1=$(jqb "$r" .id)
r=$(foto_post "$ID" "$TKES" "$TMP/foto.png" -H 'Idempotency-Key: foto-uji-29-1')
is "$(status_of "$r") $(jqb "$r" .id) $(jumlah "$ID")" "201 $F1 1" "  the same Idempotency-Key again: the first answer, no second photo"
is "$(sql "SELECT encode(sha256(isi), 'hex') FROM kkb.intervensi_foto WHERE id = $F1")" "$(sha256sum "$TMP/foto.png" | cut -d' ' -f1)" \
	"  psql: the image is stored byte for byte"
is_error "$(foto_post "$ID" "$TSOS" "$TMP/foto.png")" 403 KKB-INTERVENSI-MILIK-OPD "another agency may not add one: 403"
is_error "$(foto_post "$ID" "$TA" "$TMP/foto.png")" 403 KKB-INTERVENSI-MILIK-OPD "nor the village's pokja"
is_error "$(foto_post "$ID" "$TB" "$TMP/foto.png")" 404 KKB-TIDAK-DITEMUKAN "another village's pokja: 404"
is_error "$(foto_post 999999999 "$TKES" "$TMP/foto.png")" 404 KKB-TIDAK-DITEMUKAN "an unknown intervention: 404"
r=$(foto_post "$ID" "$TKES" "$TMP/foto.gif")
is_error "$r" 422 KKB-FOTO-JENIS "a GIF: 422 KKB-FOTO-JENIS"
is "$(jqb "$r" .kolom)" '"isi"' "  at the field isi"
head -c 310000 /dev/zero | cat "$TMP/foto.png" - > "$TMP/besar.png"
is_error "$(foto_post "$ID" "$TKES" "$TMP/besar.png")" 422 KKB-FOTO-UKURAN "over 300 KB: 422 KKB-FOTO-UKURAN"
is_error "$(api_json POST "/v1/desa/$A/intervensi/$ID/foto" "$TKES" '{"isi":"@@@"}')" 400 22023 "an isi that is no base64: 400"
is_error "$(api_json POST "/v1/desa/$A/intervensi/$ID/foto" "$TKES" '{"gambar":"AAAA"}')" 422 KKB-KOLOM-TIDAK-DIKENAL "another field: 422"
is "$(jumlah "$ID")" 1 "  none of the refused ones was stored"
for n in 2 3 4 5; do foto_post "$ID" "$TKES" "$TMP/foto.png" >/dev/null; done
is "$(jumlah "$ID")" 5 "five photos"
is_error "$(foto_post "$ID" "$TKES" "$TMP/foto.png")" 422 KKB-FOTO-LIMA "a sixth: 422 KKB-FOTO-LIMA"
is "$(jumlah "$ID")" 5 "  still five"

# ---------------------------------------------------------------- reading
r=$(api GET "/v1/desa/$A/intervensi/$ID/foto" "$TSOS")
is "$(status_of "$r") $(jqb "$r" '[.total, .boleh_ubah, (.data | length), .data[0].jenis]')" '200 [5,false,5,"image/png"]' \
	"GET the list as another agency: the 5 photos, which it may not change"
is "$(jqb "$(api GET "/v1/desa/$A/intervensi/$ID/foto" "$TKES")" .boleh_ubah)" true "  the recording agency may"
curl -s -D "$TMP/h" -o "$TMP/ambil" -H "Authorization: Bearer $TSOS" "http://127.0.0.1:$PORT/v1/desa/$A/intervensi/$ID/foto/$F1"
is "$(sed -n 's/^HTTP[^ ]* \([0-9]*\).*/\1/p' "$TMP/h") $(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$TMP/h" | tr -d '\r')" "200 image/png" \
	"GET one photo as another agency: 200 image/png"
ok "$(cmp -s "$TMP/ambil" "$TMP/foto.png"; echo $?)" "  the image itself, byte for byte"
ETAG=$(sed -n 's/^[Ee][Tt]ag: *//p' "$TMP/h" | tr -d '\r')
ok "$([ -n "$ETAG" ]; echo $?)" "  with an ETag ($ETAG)"
is "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TSOS" -H "If-None-Match: $ETAG" "http://127.0.0.1:$PORT/v1/desa/$A/intervensi/$ID/foto/$F1")" 304 \
	"  If-None-Match with it: 304"
is_error "$(api GET "/v1/desa/$A/intervensi/$ID/foto/$F1" "$TB")" 404 KKB-TIDAK-DITEMUKAN "another village's pokja: 404"
is_error "$(api GET "/v1/desa/$A/intervensi/$ID/foto/999999999" "$TKES")" 404 KKB-TIDAK-DITEMUKAN "an unknown photo: 404"
is_error "$(api GET "/v1/desa/$A/intervensi/$IDP/foto/$F1" "$TKES")" 404 KKB-TIDAK-DITEMUKAN "a photo under another intervention's id: 404"

# ---------------------------------------------------------------- removing
is_error "$(api DELETE "/v1/desa/$A/intervensi/$ID/foto/$F1" "$TSOS")" 403 KKB-INTERVENSI-MILIK-OPD "DELETE by another agency: 403"
is "$(jumlah "$ID")" 5 "  nothing removed"
r=$(api DELETE "/v1/desa/$A/intervensi/$ID/foto/$F1" "$TKES")
is "$(status_of "$r") $(jqb "$r" '[.dihapus, .foto.id]')" "200 [true,$F1]" "DELETE by the recording agency: 200"
is "$(jumlah "$ID") $(sql "SELECT count(*) FROM kkb.intervensi_foto WHERE id = $F1")" "4 0" "  psql: gone"
is_error "$(api DELETE "/v1/desa/$A/intervensi/$ID/foto/$F1" "$TKES")" 404 KKB-TIDAK-DITEMUKAN "  again: 404"
is "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TSOS" -H "If-None-Match: $ETAG" "http://127.0.0.1:$PORT/v1/desa/$A/intervensi/$ID/foto/$F1")" 404 \
	"  its old ETag: 404, not 304"
r=$(foto_post "$IDP" "$TA" "$TMP/foto.png")
is "$(status_of "$r") $(jumlah "$IDP")" "201 1" "the pokja adds one to the village's own"

gw_stop
sql "
SET session_replication_role = replica;
DELETE FROM kkb.intervensi_foto WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 29 foto)' AND dicabut IS NULL;" >/dev/null
done_testing

#!/bin/sh
# The access matrix of docs/ACCESS.md, tested cell by cell: every GET route,
# the month's workflow and the write routes of each resource, for every kind
# of caller - pokja of village A on A, pokja of A on village B, an agency
# (OPD, scope 13.77, dinkes), an analyst (kkb_analis), a province portal
# (kkb_provinsi, scope 13: aggregates only), an administrator, no
# token, an expired token and a revoked token - each cell the exact status.
# Also: a revocation takes effect within the token cache's lifetime
# (--token-ttl), and no token ever appears in the gateway's log.
# Fixture (set up here, removed at the end): Kampung KB A = 13.77.03.2008 and
# B = 13.77.03.2009 with October 2026 reports, a family of two each.
. "$(dirname "$0")/lib.sh"

PORT=18251
A=13.77.03.2008
B=13.77.03.2009

FIXTURE_DELETE="
SET session_replication_role = replica;
DELETE FROM kkb.intervensi_foto WHERE kode_desa IN ('$A', '$B');
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
SET session_replication_role = origin;
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 08)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES
	('$A', 'Kampung KB Pauh Kurai Taji', '2022-03-01'), ('$B', 'Kampung KB Simpang', '2022-04-01');
INSERT INTO kkb.penduduk (kode_desa, periode, laki_laki, perempuan, keluarga, pus, remaja, keluarga_balita, keluarga_remaja, keluarga_lansia) VALUES
	('$A', '2026-10-01', array_fill(50, ARRAY[16]), array_fill(50, ARRAY[16]), 400, 200, 300, 80, 120, 90),
	('$B', '2026-10-01', array_fill(20, ARRAY[16]), array_fill(20, ARRAY[16]), 150, 100, 90, 30, 40, 20);
INSERT INTO kkb.profil (kode_desa, periode, pokja_ada) VALUES ('$A', '2026-10-01', true), ('$B', '2026-10-01', true);
INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil) VALUES ('$A', '2026-10-01', 5), ('$B', '2026-10-01', 4);
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw, air_minum, jamban, tangki_septik) VALUES
	('$A', '1377031505200011', 1, 1, 'ledeng', 'sendiri', true),
	('$B', '1377031505200012', 2, 1, 'ledeng', 'sendiri', true);
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin) VALUES
	('$A', '1377031505900011', '1377031505200011', 'Ahmad', 'L', '1990-05-15', 'kepala', 'kawin'),
	('$B', '1377031505900013', '1377031505200012', 'Budi', 'L', '1990-05-15', 'kepala', 'kawin');" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $A and $B"

T_POKJA=$(token kkb_pokja $A "Pokja Pauh Kurai Taji (uji 08)")
T_OPD=$(token kkb_opd 13.77 "Dinkes Pariaman (uji 08)" dinkes)
T_ANALIS=$(token kkb_analis 13.77 "Analis (uji 08)")
T_ADMIN=$(token kkb_admin "" "Admin (uji 08)")
T_PROV=$(token kkb_provinsi 13 "Portal Sumatera Barat (uji 08)")
T_EXP=$(token kkb_pokja $A "Pokja kedaluwarsa (uji 08)")
# kkb.token_buat refuses an expiry in the past: let this one run out by hand
sql "UPDATE kkb.token SET berlaku_sampai = now() - interval '1 day' WHERE label = 'Pokja kedaluwarsa (uji 08)'" >/dev/null
T_REV=$(token kkb_pokja $A "Pokja dicabut (uji 08)")
sql "SELECT kkb.token_cabut('Pokja dicabut (uji 08)')" >/dev/null
T_UNKNOWN=kkb_tidak_ada_token_seperti_ini_0123456789abcdef

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# the callers, in the order of the matrix's columns
CALLERS="pokja_A pokja_B opd analis provinsi admin none expired revoked"
caller_token() {
	case "$1" in
	pokja_A | pokja_B) echo "$T_POKJA" ;;
	opd) echo "$T_OPD" ;;
	analis) echo "$T_ANALIS" ;;
	provinsi) echo "$T_PROV" ;;
	admin) echo "$T_ADMIN" ;;
	none) echo "" ;;
	expired) echo "$T_EXP" ;;
	revoked) echo "$T_REV" ;;
	esac
}

# the village a caller asks about: pokja_B is pokja A asking about village B
caller_desa() { [ "$1" = pokja_B ] && echo "$B" || echo "$A"; }

# before a cell: the state the route needs (a workflow step its starting
# state; a PUT a month without its report, so success is always 201)
prepare() {
	case "$1" in
	*/intervensi/*)
		# the village's own intervention (recorded by its pokja: no agency), the same id in A and B,
		# with photo 990001 (a cell before may have removed it) and room for one more
		sql "INSERT INTO kkb.intervensi (kode_desa, id, tanggal, judul, fungsi_keluarga) OVERRIDING SYSTEM VALUE
			SELECT k, 990001, '2026-09-03', 'Penyuluhan', 'ekonomi' FROM unnest(ARRAY['$A', '$B']::kkb.kode_wilayah[]) k
			ON CONFLICT DO NOTHING;
			DELETE FROM kkb.intervensi_foto WHERE intervensi_id = 990001 AND id <> 990001;
			INSERT INTO kkb.intervensi_foto (kode_desa, intervensi_id, id, isi) OVERRIDING SYSTEM VALUE
			SELECT k, 990001, 990001, '\\x89504e470d0a1a0a0000000d4948445200000002000000030806000000'::bytea
			  FROM unnest(ARRAY['$A', '$B']::kkb.kode_wilayah[]) k
			ON CONFLICT DO NOTHING" >/dev/null
		return ;;
	*/ganti-no-kk | */ganti-nik)
		# the number back, when the cell before renumbered it (in PL/pgSQL: on a Citus cluster a
		# SELECT of the function WHERE EXISTS (one village's rows) would run it on the shard)
		sql "DO \$\$ BEGIN
			IF EXISTS (SELECT 1 FROM kkb.keluarga WHERE kode_desa = '$A' AND no_kk = '1377031505200021') THEN
				PERFORM kkb.ganti_no_kk('$A', '1377031505200021', '1377031505200011');
			END IF;
			IF EXISTS (SELECT 1 FROM kkb.anggota WHERE kode_desa = '$A' AND nik = '1377031505900021') THEN
				PERFORM kkb.ganti_nik('$A', '1377031505900021', '1377031505900011');
			END IF;
		END \$\$" >/dev/null
		return ;;
	*/ajukan) state=draf ;;
	*/setujui) state=diajukan ;;
	*/kunci) state=disetujui ;;
	*/buka) state=dikunci ;;
	*/penduduk/* | */profil-kampung/* | */kkbpk/*)
		sql "DELETE FROM kkb.penduduk WHERE kode_desa IN ('$A', '$B') AND periode = '2026-09-01';
			DELETE FROM kkb.profil WHERE kode_desa IN ('$A', '$B') AND periode = '2026-09-01';
			DELETE FROM kkb.kkbpk WHERE kode_desa IN ('$A', '$B') AND periode = '2026-09-01'" >/dev/null
		return ;;
	*) return ;;
	esac
	sql "SET session_replication_role = replica;
		DELETE FROM kkb.periode_status WHERE kode_desa IN ('$A', '$B') AND periode = '2026-10-01';
		INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES ('$A', '2026-10-01', '$state'), ('$B', '2026-10-01', '$state')" >/dev/null
}

body_of_route() {
	case "$1" in
	*/penduduk/*) echo '{"pus":10}' ;;
	*/profil-kampung/*) echo '{"pokja_ada":true}' ;;
	*/kkbpk/*) echo '{"kb_pil":3}' ;;
	*/nilai/*) echo '{"ibu_hamil":2}' ;;
	*/intervensi) echo '{"tanggal":"2026-09-03","judul":"Penyuluhan","fungsi_keluarga":"ekonomi"}' ;;
	*/foto/*) ;;
	*/intervensi/*/foto) echo '{"isi":"iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAA="}' ;;
	*/intervensi/*) echo '{"tanggal":"2026-09-04","judul":"Penyuluhan (diubah)","fungsi_keluarga":"ekonomi"}' ;;
	*/keluarga) echo '[{"no_kk":"1377031505200099","rt":1,"rw":1}]' ;;
	*/anggota) echo '[{"nik":"1377031505900099","no_kk":"1377031505200011","nama":"Baru","jenis_kelamin":"L","tanggal_lahir":"1990-05-15","hubungan":"lainnya"}]' ;;
	*/pengukuran) echo '[]' ;;
	*/peristiwa) echo '[]' ;;
	*/ganti-no-kk) echo '{"no_kk":"1377031505200021"}' ;;
	*/ganti-nik) echo '{"nik":"1377031505900021"}' ;;
	esac
}

NCELLS=0
# row "METHOD PATH" WANT...: one expected status per caller, in $CALLERS order;
# {K} in PATH is the caller's village
row() {
	rm="$1"
	shift
	method=${rm%% *}
	tmpl=${rm#* }
	for c in $CALLERS; do
		want=$1
		shift
		k=$(caller_desa "$c")
		p=$(printf '%s' "$tmpl" | sed "s/{K}/$k/g")
		prepare "$p"
		t=$(caller_token "$c")
		case "$method" in
		GET) r=$(api GET "$p" "$t") ;;
		PUT)
			# a change of an existing row: If-Match * (whatever is stored; 29_intervensi_ubah.sh tests versions)
			case "$p" in
			*/intervensi/*) r=$(api PUT "$p" "$t" -H 'Content-Type: application/json' -H 'If-Match: *' --data-binary "$(body_of_route "$p")") ;;
			*) r=$(api_json PUT "$p" "$t" "$(body_of_route "$p")") ;;
			esac ;;
		*)
			b=$(body_of_route "$p")
			if [ -n "$b" ]; then r=$(api_json "$method" "$p" "$t" "$b"); else r=$(api "$method" "$p" "$t"); fi ;;
		esac
		NCELLS=$((NCELLS + 1))
		is "$(status_of "$r")" "$want" "$c: $method $tmpl"
	done
}

#                                                            pokja_A pokja_B opd analis prov admin none expired revoked
row "GET /v1/health"                                                   200 200 200 200 200 200 200 200 200
row "GET /openapi.json"                                                200 200 200 200 200 200 200 200 200
row "GET /metrics"                                                     200 200 200 200 200 200 200 200 200
row "GET /v1/saya"                                                     200 200 200 200 200 200 401 401 401
row "GET /v1/kode"                                                     200 200 200 200 200 200 401 401 401
row "GET /"                                                            200 200 200 200 200 200 200 200 200
row "GET /v1/wilayah?induk=13.77.03"                                   200 200 200 200 200 200 200 401 401
row "GET /v1/wilayah/{K}"                                              200 200 200 200 200 200 200 401 401
row "GET /v1/desa?wilayah={K}&periode=2026-10"                         200 200 200 403 403 200 401 401 401
row "GET /v1/desa/{K}"                                                 200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/profil?periode=2026-10"                          200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/klasifikasi?periode=2026-10"                     200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/validasi?periode=2026-10"                        200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/risiko-stunting"                                 200 404 403 403 403 200 401 401 401
row "GET /v1/desa/{K}/intervensi"                                      200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/anggota?umur_maks=60"                            200 404 403 403 403 200 401 401 401
row "GET /v1/desa/{K}/periode/2026-10"                                 200 404 200 403 403 200 401 401 401
row "GET /v1/prioritas?wilayah={K}&periode=2026-10&opd=dinkes"         200 200 200 403 403 200 401 401 401
row "GET /v1/ringkasan?wilayah={K}&periode=2026-10"                    403 403 200 200 200 200 401 401 401
row "GET /v1/klasifikasi?wilayah={K}&periode=2026-10"                  200 200 200 403 403 200 401 401 401
row "GET /v1/perangkat"                                                403 403 403 403 403 200 401 401 401
row "GET /v1/desa/{K}/profil-kampung/2026-10"                          200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/penduduk/2026-10"                                200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/kkbpk/2026-10"                                   200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/nilai/2026-10"                                   200 404 200 403 403 200 401 401 401
row "POST /v1/desa/{K}/periode/2026-10/ajukan"                         200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/periode/2026-10/setujui"                        403 404 200 403 403 200 401 401 401
row "POST /v1/desa/{K}/periode/2026-10/kunci"                          403 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/periode/2026-10/buka"                           403 404 403 403 403 200 401 401 401
row "PUT /v1/desa/{K}/penduduk/2026-09"                                201 404 403 403 403 201 401 401 401
row "PUT /v1/desa/{K}/profil-kampung/2026-09"                          201 404 403 403 403 201 401 401 401
row "PUT /v1/desa/{K}/kkbpk/2026-09"                                   201 404 403 403 403 201 401 401 401
row "PUT /v1/desa/{K}/nilai/2026-09"                                   200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/intervensi"                                     201 404 201 403 403 201 401 401 401
row "PUT /v1/desa/{K}/intervensi/990001"                              200 404 403 403 403 200 401 401 401
row "GET /v1/desa/{K}/intervensi/990001/foto"                         200 404 200 403 403 200 401 401 401
row "GET /v1/desa/{K}/intervensi/990001/foto/990001"                  200 404 200 403 403 200 401 401 401
row "POST /v1/desa/{K}/intervensi/990001/foto"                        201 404 403 403 403 201 401 401 401
row "DELETE /v1/desa/{K}/intervensi/990001/foto/990001"               200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/keluarga"                                       200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/anggota"                                        200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/pengukuran"                                     200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/peristiwa"                                      200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/keluarga/1377031505200011/ganti-no-kk"         200 404 403 403 403 200 401 401 401
row "POST /v1/desa/{K}/anggota/1377031505900011/ganti-nik"             200 404 403 403 403 200 401 401 401

# an agency's bulk sync of by-name data: 403 before anything is read, and nothing is stored
sql "DELETE FROM kkb.anggota WHERE nik = '1377031505900099'; DELETE FROM kkb.keluarga WHERE no_kk = '1377031505200099'" >/dev/null
for res in keluarga anggota; do
	r=$(api_json POST "/v1/desa/$A/$res" "$T_OPD" "$(body_of_route "/v1/desa/$A/$res")")
	is_error "$r" 403 KKB-DATA-PRIBADI-DILARANG "opd: POST $res is 403 (by-name data is the village's)"
done
is "$(sql "SELECT (SELECT count(*) FROM kkb.keluarga WHERE no_kk = '1377031505200099') + (SELECT count(*) FROM kkb.anggota WHERE nik = '1377031505900099')")" 0 "  and stores nothing"
r=$(api GET "/v1/wilayah/$A" "$T_ANALIS")
is "$(status_of "$r")" 200 "analis: GET /v1/wilayah/A is 200 (the region reference is public)"

# ================================================================ bad credentials are 401 with WWW-Authenticate, whatever the route
for t in "$T_UNKNOWN KKB-TOKEN-TIDAK-SAH" "$T_EXP KKB-TOKEN-KEDALUWARSA" "$T_REV KKB-TOKEN-DICABUT"; do
	r=$(api GET "/v1/desa/$A" "${t%% *}")
	is_error "$r" 401 "${t#* }" "a bad token on GET /v1/desa/A"
done
ok "$(header_of GET "/v1/desa/$A" WWW-Authenticate -H "Authorization: Bearer $T_REV" | grep -q '^Bearer'; echo $?)" \
	"a revoked token's 401 has WWW-Authenticate: Bearer"

# ================================================================ no token appears in the log
tokens_in_log() {
	n=0
	for t in "$T_POKJA" "$T_OPD" "$T_ANALIS" "$T_PROV" "$T_ADMIN" "$T_EXP" "$T_REV" "$T_UNKNOWN" ${T_LATE:-}; do
		[ -n "$t" ] || continue
		if grep -qF "$t" "$GW_LOG"; then n=$((n + 1)); fi
	done
	echo "$n"
}
is "$(tokens_in_log)" 0 "none of the 8 tokens appears in the gateway log"
grep -q '"token":"Pokja Pauh Kurai Taji (uji 08)"' "$GW_LOG"
ok $? "the log names the token's holder (its label) instead"
gw_stop

# ================================================================ revocation takes effect within the token cache's lifetime
gw_start $PORT --token-ttl 2 || { echo "Bail out! the gateway did not restart"; exit 1; }
T_LATE=$(token kkb_pokja $A "Pokja dicabut nanti (uji 08)")
i=0
while [ $i -lt 4 ]; do
	api GET "/v1/desa/$A" "$T_LATE" >/dev/null	# cached in both worker threads
	i=$((i + 1))
done
is "$(status_of "$(api GET "/v1/desa/$A" "$T_LATE")")" 200 "a token in use answers 200"
sql "SELECT kkb.token_cabut('Pokja dicabut nanti (uji 08)')" >/dev/null
start=$(date +%s)
i=0
s=200
while [ $i -lt 40 ]; do
	s=$(status_of "$(api GET "/v1/desa/$A" "$T_LATE")")
	[ "$s" = 401 ] && break
	sleep 0.1
	i=$((i + 1))
done
elapsed=$(($(date +%s) - start))
is "$s" 401 "after kkb.token_cabut the token is refused"
ok "$([ "$elapsed" -le 3 ] && echo 0 || echo 1)" "within the cache lifetime (--token-ttl 2: ${elapsed}s)"
# each worker thread has its own cache, filled at its own time: one more TTL and every entry has expired
sleep 2.2
i=0
n401=0
while [ $i -lt 6 ]; do
	[ "$(status_of "$(api GET "/v1/desa/$A" "$T_LATE")")" = 401 ] && n401=$((n401 + 1))
	i=$((i + 1))
done
is "$n401" 6 "and stays refused on every worker thread"
is "$(tokens_in_log)" 0 "no token appears in the restarted gateway's log either"

echo "# access matrix: $NCELLS cells ($(echo $CALLERS | wc -w) callers)"
gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
sql "$FIXTURE_DELETE" >/dev/null
done_testing

#!/bin/sh
# The village API: regions, villages and what the database computes for them,
# data entry, interventions, the month's workflow and the agencies' lists,
# each with its success shape and main errors; a village pokja never sees or
# changes another village through any by-village route.
# Fixture (set up here, removed at the end): Kampung KB A = 13.77.01.1001 Karan
# Aur and B = 13.77.01.1002 Kampung Perak, October 2026 reports for both, two
# entered items for B that break a validation rule, one family in A.
. "$(dirname "$0")/lib.sh"

PORT=18093
A=13.77.01.1001
B=13.77.01.1002
LABEL_A="Pokja Karan Aur (uji 03)"

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
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 03)' AND dicabut IS NULL;
"

# The serialization test's trigger (below).  Its period is baked into the function, which Citus also
# creates on its workers, where the trigger runs on the table's shards; citus.enable_unsafe_triggers
# lets a test put a trigger on a distributed table (a mere placeholder on one node), and Citus wants
# one statement per command to pass it on.
sql_pemicu() {
	for q in "$@"; do
		PGOPTIONS="-c citus.enable_unsafe_triggers=on" sql "$q" >/dev/null
	done
}
uji03_pemicu() {
	sql_pemicu "CREATE OR REPLACE FUNCTION public.uji03_serialisasi() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS \$f\$
	BEGIN
		IF TG_OP = 'UPDATE' AND nextval('public.uji03_seq') % $1 <> 0 THEN
			RAISE EXCEPTION 'could not serialize access (test)' USING ERRCODE = 'serialization_failure';
		END IF;
		RETURN NEW;
	END \$f\$"
}
# on every node: a Citus cluster does not pass a sequence on to its workers
uji03_urutan() {
	sql_pemicu "$1" "DO \$d\$ BEGIN
		IF pg_catalog.to_regproc('pg_catalog.run_command_on_workers') IS NOT NULL THEN
			PERFORM pg_catalog.run_command_on_workers('$1');
		END IF;
	END \$d\$"
}
uji03_hapus() {
	sql_pemicu "DROP TRIGGER IF EXISTS uji03_serialisasi ON kkb.kkbpk" "DROP FUNCTION IF EXISTS public.uji03_serialisasi()"
	uji03_urutan "DROP SEQUENCE IF EXISTS public.uji03_seq"
}
uji03_hapus  # left by an interrupted run

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan, nomor_sk) VALUES
	('$A', 'Kampung KB Karan Aur', '2022-03-01', 'SK-01/2022'),
	('$B', 'Kampung KB Kampung Perak', '2022-04-01', NULL);
INSERT INTO kkb.profil (kode_desa, periode, pokja_ada, pokja_anggota, pokja_terlatih, pkb_pendamping, regulasi, sumber_dana,
                        poktan, sarana, penggunaan_data, mekanisme_operasional) VALUES
	('$A', '2026-10-01', true, 12, true, true, true, '{apbd,dana_desa}', '{bkb,bkr,bkl,uppka,pikr}', '{sekretariat,rumah_dataku}',
	 '{pk,rutin_bkkbn}', '{rapat_perencanaan,koordinasi,sosialisasi,monev,pelaporan}'),
	('$B', '2026-10-01', false, NULL, false, false, false, '{}', '{bkb}', '{}', '{}', '{}');
INSERT INTO kkb.penduduk (kode_desa, periode, laki_laki, perempuan, keluarga, pus, remaja, keluarga_balita, keluarga_remaja, keluarga_lansia) VALUES
	('$A', '2026-10-01', array_fill(50, ARRAY[16]), array_fill(50, ARRAY[16]), 400, 200, 300, 80, 120, 90),
	('$B', '2026-10-01', array_fill(20, ARRAY[16]), array_fill(20, ARRAY[16]), 150, 100, 90, 30, 40, 20);
INSERT INTO kkb.kkbpk (kode_desa, periode, peserta_bkb, peserta_bkr, peserta_bkl, peserta_uppka, peserta_pikr, kb_iud, kb_mow, kb_mop,
                       kb_kondom, kb_implan, kb_suntik, kb_pil, tidak_kb_hamil, tidak_kb_ingin_segera, tidak_kb_iat, tidak_kb_tial,
                       peserta_baru, bpjs) VALUES
	('$A', '2026-10-01', 60, 80, 50, 20, 30, 30, 10, 2, 10, 25, 40, 20, 5, 5, 5, 5, 4, 700),
	('$B', '2026-10-01', 10, 5, 3, 0, 0, 2, 0, 0, 5, 3, 20, 10, 2, 3, 10, 12, 1, 200);
INSERT INTO kkb.nilai (kode_desa, periode, kode_elemen, nilai) VALUES
	('$B', '2026-10-01', 'ibu_hamil', 2), ('$B', '2026-10-01', 'ibu_hamil_kek', 5);
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw, air_minum, jamban, tangki_septik) VALUES
	('$A', '1377011505200001', 1, 1, 'sumur_tak_terlindung', 'sendiri', true);
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin) VALUES
	('$A', '1377011505900001', '1377011505200001', 'Ahmad', 'L', '1990-05-15', 'kepala', 'kawin'),
	('$A', '1377015003920002', '1377011505200001', 'Siti', 'P', '1992-03-10', 'istri', 'kawin');" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: Kampung KB $A and $B with October 2026 data"

TA=$(token kkb_pokja $A "$LABEL_A")
TB=$(token kkb_pokja $B "Pokja Kampung Perak (uji 03)")
TO=$(token kkb_opd 13.77 "Dinkes Pariaman (uji 03)" dinkes)
TL=$(token kkb_opd 13.71 "Dinkes Padang (uji 03)" dinkes)
TD=$(token kkb_admin "" "Admin (uji 03)")

# B's data, to prove afterwards that pokja A changed none of it
fingerprint_b() {
	sql "SELECT md5(concat_ws('|',
	  (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM kkb.profil t WHERE kode_desa = '$B'),
	  (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM kkb.penduduk t WHERE kode_desa = '$B'),
	  (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM kkb.kkbpk t WHERE kode_desa = '$B'),
	  (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM kkb.nilai t WHERE kode_desa = '$B'),
	  (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM kkb.intervensi t WHERE kode_desa = '$B'),
	  (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM kkb.periode_status t WHERE kode_desa = '$B'),
	  (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM kkb.kampung t WHERE kode_desa = '$B')))"
}
FP_B=$(fingerprint_b)

gw_start $PORT || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"

# ================================================================ GET /v1/wilayah
r=$(api GET "/v1/wilayah?induk=13.77" "")
is "$(status_of "$r")" 200 "GET /v1/wilayah?induk=13.77 answers 200 without a token"
is "$(jqb "$r" 'keys')" '["data","induk","limit","offset","total"]' "the list has data, induk, limit, offset, total"
is "$(jqb "$r" '[.induk, .total, .limit, .offset]')" '["13.77",4,100,0]' "Kota Pariaman has 4 districts; default limit 100"
is "$(jqb "$r" '.data[0]')" '{"kode":"13.77.01","nama":"Pariaman Tengah","tingkat":3,"induk":"13.77"}' \
	"each region is {kode, nama, tingkat, induk}"
is "$(jqb "$(api GET "/v1/wilayah?induk=13.77&limit=2&offset=1" "")" '[.data[].kode]')" '["13.77.02","13.77.03"]' \
	"limit and offset page through the list in code order"
is "$(jqb "$(api GET "/v1/wilayah?induk=13.77.01&limit=3" "")" '[.data[].kode]')" \
	'["13.77.01.1001","13.77.01.1002","13.77.01.1003"]' "the villages of Pariaman Tengah, in code order"
r=$(api GET "/v1/wilayah?limit=1000" "")
is "$(jqb "$r" '[.induk, (.data | length) == .total, ([.data[].tingkat] | unique)]')" '[null,true,[1]]' \
	"without induk: the provinces"
is_error "$(api GET "/v1/wilayah?induk=abc" "")" 400 22P02 "induk=abc"
is_error "$(api GET "/v1/wilayah?induk=99" "")" 404 KKB-TIDAK-DITEMUKAN "an induk that does not exist"
is_error "$(api GET "/v1/wilayah?limit=0" "")" 400 KKB-LIMIT-FORMAT "limit=0"
is_error "$(api GET "/v1/wilayah?limit=1001" "")" 400 KKB-LIMIT-FORMAT "limit=1001 (the maximum is 1000)"
is_error "$(api GET "/v1/wilayah?limit=1e2" "")" 400 KKB-LIMIT-FORMAT "limit=1e2"
is_error "$(api GET "/v1/wilayah?offset=-1" "")" 400 KKB-OFFSET-FORMAT "offset=-1"

# ================================================================ GET /v1/wilayah/{kode}
r=$(api GET /v1/wilayah/$A "")
is "$(status_of "$r")" 200 "GET /v1/wilayah/$A answers 200"
is "$(jqb "$r" .)" '{"kode":"13.77.01.1001","nama":"Karan Aur","tingkat":4,"induk":"13.77.01","nama_induk":"Pariaman Tengah","jumlah_anak":0}' \
	"with kode, nama, tingkat, induk, nama_induk, jumlah_anak"
is "$(jqb "$(api GET /v1/wilayah/1377 "")" '[.kode, .jumlah_anak]')" '["13.77",4]' "a code without dots is read too"
is_error "$(api GET /v1/wilayah/13.77.99 "")" 404 KKB-TIDAK-DITEMUKAN "a region that does not exist"
is_error "$(api GET /v1/wilayah/abc "")" 400 22P02 "a malformed region code"

# ================================================================ GET /v1/desa
KL_A=$(sql "SELECT kkb.kelengkapan('$A', '2026-10-01')")
KL_B=$(sql "SELECT kkb.kelengkapan('$B', '2026-10-01')")
r=$(api GET "/v1/desa?wilayah=13.77&periode=2026-10" "$TD")
is "$(status_of "$r")" 200 "GET /v1/desa?wilayah=13.77&periode=2026-10 answers 200"
is "$(jqb "$r" 'keys')" '["data","limit","offset","periode","total","wilayah"]' "the list's keys"
is "$(jqb "$r" '[.wilayah, .periode, .total]')" '["13.77","2026-10",2]' "both Kampung KB of Pariaman"
is "$(jqb "$r" '.data[0] | keys')" '["kelengkapan","klasifikasi","kode_desa","nama","nama_desa","status"]' "each village's keys"
is "$(jqb "$r" '[.data[] | [.kode_desa, .nama, .nama_desa, .klasifikasi, .status]]')" \
	'[["13.77.01.1001","Kampung KB Karan Aur","Karan Aur","Mandiri","draf"],["13.77.01.1002","Kampung KB Kampung Perak","Kampung Perak","Dasar","draf"]]' \
	"with name, class and period state, in code order"
is "$(jqb "$r" '[.data[].kelengkapan] | map(tostring) | join(" ")')" "\"$(echo "$KL_A" | sed 's/0*$//') $(echo "$KL_B" | sed 's/0*$//')\"" \
	"and the completeness kkb.kelengkapan computes ($KL_A, $KL_B)"
r=$(api GET "/v1/desa?wilayah=13.77&periode=2026-10&limit=1&offset=1" "$TO")
is "$(jqb "$r" '[.total, [.data[].kode_desa]]')" '[2,["13.77.01.1002"]]' "an agency pages through its city's villages"
r=$(api GET "/v1/desa?periode=2026-10" "$TA")
is "$(jqb "$r" '[.total, [.data[].kode_desa]]')" '[1,["13.77.01.1001"]]' "pokja A's list holds only village A"
r=$(api GET "/v1/desa?wilayah=13.77&periode=2026-10" "$TA")
is "$(jqb "$r" '[.total, [.data[].kode_desa]]')" '[1,["13.77.01.1001"]]' "also when it asks for the whole city"
is "$(jqb "$(api GET "/v1/desa?wilayah=13.77" "$TL")" .total)" 0 "an agency of another city sees no Pariaman village"
is "$(jqb "$(api GET "/v1/desa?wilayah=13.77" "$TD")" .periode)" "\"$(date -u +%Y-%m)\"" "periode defaults to the current month"
is_error "$(api GET "/v1/desa?wilayah=13.77&periode=2026-13" "$TD")" 400 KKB-PERIODE-FORMAT "periode=2026-13"
is_error "$(api GET "/v1/desa?wilayah=13.77&periode=2026-1" "$TD")" 400 KKB-PERIODE-FORMAT "periode=2026-1"
is_error "$(api GET "/v1/desa?wilayah=13.77&periode=oktober" "$TD")" 400 KKB-PERIODE-FORMAT "periode=oktober"
is_error "$(api GET "/v1/desa?wilayah=13.77&periode=2026-10-01" "$TD")" 400 KKB-PERIODE-FORMAT "periode=2026-10-01"
is_error "$(api GET "/v1/desa?wilayah=x13" "$TD")" 400 22P02 "wilayah=x13"

# ================================================================ GET /v1/desa/{kode}
r=$(api GET /v1/desa/$A "$TA")
is "$(status_of "$r")" 200 "GET /v1/desa/$A answers 200 to its pokja"
is "$(jqb "$r" 'keys')" \
	'["alamat_sekretariat","bujur","dibuat_pada","diubah_pada","kecamatan","kode_desa","kode_kecamatan","lintang","nama","nama_desa","nomor_sk","tanggal_pencanangan"]' \
	"the village's keys"
is "$(jqb "$r" '[.kode_desa, .nama, .nama_desa, .kecamatan, .kode_kecamatan, .tanggal_pencanangan, .nomor_sk, .lintang]')" \
	'["13.77.01.1001","Kampung KB Karan Aur","Karan Aur","Pariaman Tengah","13.77.01","2022-03-01","SK-01/2022",null]' \
	"and its values"
is "$(status_of "$(api GET /v1/desa/$B "$TO")")" 200 "an agency of the city reads village B"
is_error "$(api GET /v1/desa/$B "$TL")" 404 KKB-TIDAK-DITEMUKAN "an agency of another city asking for B"
is_error "$(api GET /v1/desa/13.77.01.1003 "$TD")" 404 KKB-TIDAK-DITEMUKAN "a village that is not a Kampung KB"
is_error "$(api GET /v1/desa/13.77.01 "$TD")" 404 KKB-TIDAK-DITEMUKAN "a district code"
is_error "$(api GET /v1/desa/13.77.01.10x1 "$TD")" 400 22P02 "a malformed village code"

# ================================================================ GET /v1/desa/{kode}/profil
r=$(api GET "/v1/desa/$A/profil?periode=2026-10" "$TA")
is "$(status_of "$r")" 200 "GET /v1/desa/$A/profil?periode=2026-10 answers 200"
is "$(jqb "$r" '[keys, (.data | length), (.data[0] | keys)]')" \
	'[["data","kelengkapan","kode_desa","periode"],40,["kode","nama","nilai","sumber","urutan"]]' \
	"the 40 items, each with urutan, kode, nama, nilai and sumber"
is "$(jqb "$r" '[.data[] | select(.kode == "keluarga" or .kode == "peserta_bkb" or .kode == "ibu_hamil_kek") | [.urutan, .nilai, .sumber]]')" \
	'[[2,1,"data_individu"],[21,60,"laporan_bulanan"],[34,null,null]]' \
	"each item from its best source: by-name records, the monthly report, or nothing"
is "$(jqb "$r" '.kelengkapan | tostring')" "\"$(echo "$KL_A" | sed 's/0*$//')\"" "completeness as kkb.kelengkapan computes it"
is "$(jqb "$(api GET "/v1/desa/$B/profil?periode=2026-10" "$TB")" '.data[] | select(.kode == "ibu_hamil_kek") | [.nilai, .sumber]')" \
	'[5,"isian"]' "an entered value has the source isian"
is_error "$(api GET "/v1/desa/$A/profil?periode=2026-00" "$TA")" 400 KKB-PERIODE-FORMAT "profil with periode=2026-00"

# ================================================================ GET /v1/desa/{kode}/klasifikasi
r=$(api GET "/v1/desa/$A/klasifikasi?periode=2026-10" "$TA")
is "$(status_of "$r")" 200 "GET /v1/desa/$A/klasifikasi?periode=2026-10 answers 200"
is "$(jqb "$r" 'keys')" '["indeks_input","indeks_output","indeks_proses","klasifikasi","kode_desa","periode","persentase","skor"]' \
	"with the village, the month, scores, percentages, indices and class"
is "$(jqb "$r" '[.kode_desa, .periode, .klasifikasi, (.skor | length)]')" '["13.77.01.1001","2026-10","Mandiri",12]' \
	"village A is Mandiri in October 2026, with 12 scores"
is "$(jqb "$r" 'del(.kode_desa, .periode) | tojson')" \
	"$(sql "SELECT kkb.klasifikasi('$A', '2026-10-01')" | jq -c 'tojson')" "exactly kkb.klasifikasi's document"

# ================================================================ GET /v1/desa/{kode}/saran
r=$(api GET "/v1/desa/$A/saran?periode=2026-10" "$TA")
is "$(status_of "$r")" 200 "GET /v1/desa/$A/saran?periode=2026-10 answers 200"
is "$(jqb "$r" 'keys')" '["klasifikasi","kode_desa","periode","saran"]' "with the village, the month, the class and the advice"
is "$(jqb "$r" 'del(.periode) | tojson')" \
	"$(sql "SELECT kkb.saran_kelas('$A', '2026-10-01') - 'periode'" | jq -c 'tojson')" "exactly kkb.saran_kelas's document"
is "$(jqb "$r" '[.klasifikasi, (.saran | map(.kelas))]')" '["Mandiri",["Berkelanjutan"]]' \
	"village A (Mandiri) is told what it takes to be Berkelanjutan"
is "$(jqb "$r" '[.saran[].perubahan[] | select(.pelaksana == null or .tindakan == null)] | length')" 0 \
	"every change names who moves the lever and what to do"
is_error "$(api GET "/v1/desa/$B/saran?periode=2026-10" "$TA")" 404 KKB-TIDAK-DITEMUKAN "A's Pokja asking for B's advice"
is_error "$(api GET "/v1/desa/$A/saran?periode=2026-13" "$TA")" 400 KKB-PERIODE-FORMAT "saran with periode=2026-13"

# ================================================================ GET /v1/desa/{kode}/pertumbuhan-goyah
r=$(api GET "/v1/desa/$A/pertumbuhan-goyah?acuan=2026-10-31" "$TA")
is "$(status_of "$r") $(jqb "$r" '[keys, .total == (.data | length)]')" '200 [["acuan","data","kode_desa","total"],true]' \
	"GET /v1/desa/$A/pertumbuhan-goyah: the children listed and their number"
is "$(jqb "$r" '[.data[].nik] | sort')" "$(sql "SELECT coalesce(json_agg(nik::text ORDER BY nik::text), '[]') FROM kkb.pertumbuhan_goyah('$A', '2026-10-31')" | jq -c .)" \
	"... exactly the children kkb.pertumbuhan_goyah lists"
# the health agency (dinkes owns the stunting problem) reads the same list; any other agency is refused
is "$(jqb "$(api GET "/v1/desa/$A/pertumbuhan-goyah?acuan=2026-10-31" "$TO")" '[.data[].nik] | sort')" "$(jqb "$r" '[.data[].nik] | sort')" \
	"the health agency's token (dinkes) gets the same children as the Pokja"
is "$(status_of "$(api GET "/v1/desa/$A/pertumbuhan-goyah?acuan=2026-10-31" "$TL")")" 404 "the health agency of another city: the village is not in its scope (404)"
TPU=$(token kkb_opd 13.77 "PUPR Pariaman (uji 03)" pupr)
is_error "$(api GET "/v1/desa/$A/pertumbuhan-goyah" "$TPU")" 403 42501 "another agency (public works) asking for by-name growth data"

# ================================================================ GET /v1/ketepatan
r=$(api GET "/v1/ketepatan?wilayah=13.77&periode=2026-10" "$TO")
is "$(status_of "$r") $(jqb "$r" 'keys')" '200 ["data","kedaluwarsa","periode","ringkasan","tenggat","total","wilayah"]' \
	"GET /v1/ketepatan: the deadline, the rates and each village"
is "$(sql "SELECT '$(jqb "$r" '.tenggat' | tr -d '"')'::timestamptz = '2026-11-15 23:59+07'") $(jqb "$r" '[.ringkasan[0].kode, .total == (.data | length)]')" \
	't ["13.77",true]' "the deadline of 2026-10 is 15 November 23:59 WIB; the city's own rates first"
is "$(jqb "$r" '[.data[] | select(.kode_desa == "'$A'") | .keadaan] | tojson')" \
	"$(sql "SELECT json_agg(keadaan) FROM kkb.ketepatan('13.77', '2026-10-01') WHERE kode_desa = '$A'" | jq -c 'tojson')" \
	"village A's state as kkb.ketepatan gives it"
c=$(curl -s -H "Authorization: Bearer $TO" "http://127.0.0.1:$PORT/v1/ketepatan.csv?wilayah=13.77&periode=2026-10")
is "$(printf '%s' "$c" | head -n 1 | tr -d '\r')" '"kode_desa","nama","kecamatan","diajukan_pada","keadaan"' "... and as CSV, one record per village"
is_error "$(api GET "/v1/ketepatan?wilayah=13.71&periode=2026-10" "$TA")" 403 42501 "a Pokja asking about another city"

# ================================================================ GET /v1/pencilan, /v1/tren-stunting
r=$(api GET "/v1/pencilan?wilayah=13.77&periode=2026-10" "$TO")
is "$(status_of "$r") $(jqb "$r" '[keys, .metode, .total == (.data | length)]')" \
	'200 [["data","metode","periode","total","wilayah"],"mz",true]' "GET /v1/pencilan: the month's outliers (modified z-score by default)"
is "$(jqb "$r" '.total')" "$(sql "SELECT count(*) FROM kkb.pencilan('13.77', '2026-10-01')")" "... as many as kkb.pencilan finds"
is_error "$(api GET "/v1/pencilan?wilayah=13.77&periode=2026-10&metode=iqr" "$TO")" 400 22023 "an unknown method"
r=$(api GET "/v1/tren-stunting?wilayah=13.77&periode=2026-10" "$TO")
is "$(status_of "$r") $(jqb "$r" '[keys, .total == (.data | length)]')" '200 [["data","naik_nyata","periode","total","wilayah"],true]' \
	"GET /v1/tren-stunting: every village with its interval and the flag"
is "$(jqb "$r" '.naik_nyata')" "$(sql "SELECT count(*) FILTER (WHERE naik_nyata) FROM kkb.tren_stunting('13.77', '2026-10-01')")" \
	"... flagged as kkb.tren_stunting flags"

# ================================================================ GET /v1/desa/{kode}/validasi
r=$(api GET "/v1/desa/$B/validasi?periode=2026-10" "$TB")
is "$(status_of "$r")" 200 "GET /v1/desa/$B/validasi?periode=2026-10 answers 200"
is "$(jqb "$r" '[keys, .total, (.data[0] | keys)]')" \
	'[["data","kode_desa","periode","total"],1,["kanan","kepentingan","kiri","kode","nilai_kanan","nilai_kiri","operator","uraian"]]' \
	"one violation, with the rule and both sides' values"
is "$(jqb "$r" '.data[0] | [.kode, .kiri, .nilai_kiri, .operator, .kanan, .nilai_kanan, .kepentingan]')" \
	'["kek_le_hamil","ibu_hamil_kek",5,"<=","ibu_hamil",2,"tinggi"]' "5 pregnant women with CED but only 2 pregnant women"
is "$(jqb "$(api GET "/v1/desa/$A/validasi?periode=2026-10" "$TO")" '.data | type')" '"array"' "an agency reads the violations too"

# ================================================================ GET /v1/desa/{kode}/risiko-stunting
r=$(api GET "/v1/desa/$A/risiko-stunting?acuan=2026-10-31" "$TA")
is "$(status_of "$r")" 200 "GET /v1/desa/$A/risiko-stunting answers 200"
is "$(jqb "$r" '[keys, .acuan, .jumlah_keluarga, .jumlah_sasaran, .jumlah_berisiko]')" \
	'[["acuan","data","jumlah_berisiko","jumlah_keluarga","jumlah_sasaran","kode_desa","limit","offset","total"],"2026-10-31",1,1,1]' \
	"with the counts of families, targets and families at risk"
is "$(jqb "$r" .data)" '[{"no_kk":"1377011505200001","sasaran":true,"alasan_sasaran":["pus"],"berisiko":true,"faktor":["air_minum"]}]' \
	"the family is a target (pus) and at risk (drinking water)"
is_error "$(api GET "/v1/desa/$A/risiko-stunting" "$TO")" 403 42501 "an agency asking for by-name risk data"
is_error "$(api GET "/v1/desa/$A/risiko-stunting?acuan=2026-02-30" "$TA")" 400 22008 "acuan=2026-02-30"

# ================================================================ PUT /v1/desa/{kode}/profil-kampung/{periode}
PROFIL='{"pokja_ada":true,"pokja_anggota":9,"pokja_terlatih":true,"sumber_dana":["apbd","dana_desa"],"poktan":["bkb","bkr"],"sarana":["sekretariat"]}'
r=$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" "$PROFIL")
is "$(status_of "$r")" 201 "PUT profil-kampung of a new month answers 201"
is "$(jqb "$r" 'keys')" \
	'["diubah_pada","kode_desa","mekanisme_operasional","penggunaan_data","peringatan","periode","pkb_pendamping","pokja_ada","pokja_anggota","pokja_terlatih","poktan","regulasi","sarana","sumber_dana","versi"]' \
	"with the stored profile's keys and its versi"
is "$(jqb "$r" '[.kode_desa, .periode, .pokja_anggota, .sumber_dana, .regulasi, .mekanisme_operasional]')" \
	'["13.77.01.1001","2026-09",9,["apbd","dana_desa"],false,[]]' "fields left out take their defaults"
r=$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"pokja_ada":true,"pokja_anggota":10}')
is "$(status_of "$r")" 200 "PUT again answers 200 (replaced)"
is "$(sql "SELECT pokja_anggota || '|' || sumber_dana::text FROM kkb.profil WHERE kode_desa = '$A' AND periode = '2026-09-01'")" "10|{}" \
	"the whole record is replaced"
is "$(sql "SELECT pengguna FROM kkb.audit WHERE tabel = 'profil' AND kode_desa = '$A' ORDER BY id DESC LIMIT 1")" "$LABEL_A" \
	"the audit trail names the token's holder"
r=$(api PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" --data-binary '{"pokja_ada":true}')
is_error "$r" 415 KKB-JENIS-ISI "a body sent as form data"
r=$(api PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" -H 'Content-Type: text/csv' --data-binary 'pokja_ada\ntrue')
is_error "$r" 415 KKB-JENIS-ISI "a body sent as text/csv"
r=$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"pokja_ada": tru}')
is_error "$r" 400 KKB-JSON-RUSAK "malformed JSON"
is "$(jqb "$r" .posisi)" 17 "the error gives jansson's byte offset (17, where the bad token ends)"
r=$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '')
is_error "$r" 400 KKB-ISI-KOSONG "an empty body"
r=$(api PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" -H 'Content-Type: application/json' --data-binary "$(printf '{"pokja_ada": "\377"}')")
is_error "$r" 400 KKB-JSON-RUSAK "a body that is not UTF-8"
r=$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '[1, 2]')
is_error "$r" 422 KKB-ISI-BUKAN-OBJEK "a JSON array instead of an object"
r=$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"pokja_ada":true,"kode_desa":"13.77.01.1002"}')
is_error "$r" 422 KKB-KOLOM-TIDAK-DIKENAL "a field that is not part of the profile (kode_desa)"
is "$(jqb "$r" .kolom)" '"kode_desa"' "the error names the field"
is_error "$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"sumber_dana":["apbd","emas"]}')" 400 22P02 "an unknown funding source"
is_error "$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"pokja_anggota":"sembilan"}')" 400 22P02 "a count that is text"
is_error "$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"pokja_ada":false,"pokja_anggota":9}')" 422 23514 \
	"members without a pokja (check rule)"
is_error "$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"sumber_dana":["apbd","apbd"]}')" 422 23514 "a funding source twice"
is_error "$(api_json PUT /v1/desa/$A/profil-kampung/2026-13 "$TA" "$PROFIL")" 400 KKB-PERIODE-FORMAT "PUT for month 2026-13"
is_error "$(api_json PUT /v1/desa/13.77.01.1003/profil-kampung/2026-09 "$TD" "$PROFIL")" 404 KKB-TIDAK-DITEMUKAN "PUT for a village that is not a Kampung KB"

# ================================================================ PUT .../penduduk/{periode}
r=$(api_json PUT /v1/desa/$A/penduduk/2026-09 "$TA" '{"laki_laki":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16],"keluarga":10,"pus":4,"keluarga_balita":3}')
is "$(status_of "$r")" 201 "PUT penduduk answers 201"
is "$(jqb "$r" 'keys')" \
	'["diubah_pada","keluarga","keluarga_balita","keluarga_lansia","keluarga_remaja","kode_desa","laki_laki","perempuan","peringatan","periode","pus","remaja","versi"]' \
	"with the stored report's keys and the month's warnings"
is "$(jqb "$r" '[.periode, .keluarga, .pus, .perempuan, (.laki_laki | add)]')" '["2026-09",10,4,null,136]' "and its values"
is "$(status_of "$(api_json PUT /v1/desa/$A/penduduk/2026-09 "$TA" '{"keluarga":11}')")" 200 "PUT penduduk again answers 200"
is_error "$(api_json PUT /v1/desa/$A/penduduk/2026-09 "$TA" '{"laki_laki":[1,2,3]}')" 422 23514 "3 age groups instead of 16"
is_error "$(api_json PUT /v1/desa/$A/penduduk/2026-09 "$TA" '{"keluarga":10,"keluarga_balita":11}')" 422 23514 \
	"more families with toddlers than families"
is_error "$(api_json PUT /v1/desa/$A/penduduk/2026-09 "$TA" '{"keluarga":10.5}')" 400 22P02 "a fractional count"

# ================================================================ PUT .../kkbpk/{periode}
r=$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":5,"kb_iud":3,"peserta_bkb":7}')
is "$(status_of "$r")" 201 "PUT kkbpk answers 201"
is "$(jqb "$r" '[(keys | length), .kb_pil, .kb_iud, .peserta_bkb, .bpjs, .periode]')" '[23,5,3,7,null,"2026-09"]' \
	"with the 18 counts, village, month, time of change and warnings"
is "$(status_of "$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":6}')")" 200 "PUT kkbpk again answers 200"
is "$(sql "SELECT kb_pil || '|' || coalesce(kb_iud::text, 'null') FROM kkb.kkbpk WHERE kode_desa = '$A' AND periode = '2026-09-01'")" "6|null" \
	"and replaces the report"
is_error "$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":-1}')" 422 23514 "a negative count"
is_error "$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":1e12}')" 400 22003 "a count out of range"
is_error "$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":1,"kb_pil":2}')" 400 KKB-JSON-RUSAK "a key given twice"
# an implausible report is saved, and the answer says what is wrong with it (47_peringatan_laporan.sql)
is "$(status_of "$(api_json PUT /v1/desa/$A/penduduk/2026-08 "$TA" '{"pus":123}')")" 201 "PUT penduduk 2026-08 with 123 PUS"
r=$(api_json PUT /v1/desa/$A/kkbpk/2026-08 "$TA" '{"kb_pil":5000}')
is "$(status_of "$r") $(jqb "$r" '[.peringatan[].kode]')" '201 ["aturan:kb_le_pus","aturan:kb_tidak_kb_le_pus"]' \
	"PUT kkbpk with 5000 pill users and 123 PUS: saved, with the warnings kb_le_pus and kb_tidak_kb_le_pus"
is "$(jqb "$r" '.peringatan[0].pesan | test("= 5000, seharusnya <= pus = 123$")')" true "the warning names both sides"
is "$(sql "SELECT count(*) FROM kkb.peringatan WHERE tabel = 'laporan_bulanan' AND kode_desa = '$A' AND kode LIKE 'aturan:kb%'")" 2 \
	"and kkb.peringatan keeps them"
r=$(api_json PUT /v1/desa/$A/kkbpk/2026-08 "$TA" '{"kb_pil":50}')
is "$(status_of "$r") $(jqb "$r" '.peringatan')" '200 []' "corrected to 50: no warning in the answer"
is "$(sql "SELECT count(*) FROM kkb.peringatan WHERE tabel = 'laporan_bulanan' AND kode_desa = '$A' AND kode LIKE 'aturan:kb%'")" 0 \
	"nor in kkb.peringatan"
r=$(api GET /v1/desa/$A/kkbpk/2026-09 "$TA")
is "$(status_of "$r") $(jqb "$r" '[(keys | length), .kb_pil, .kb_iud, .kode_desa, .periode]')" "200 [22,6,null,\"$A\",\"2026-09\"]" \
	"GET kkbpk/2026-09 reads the stored report back"
is_error "$(api GET /v1/desa/$A/kkbpk/2026-07 "$TA")" 404 KKB-TIDAK-DITEMUKAN "GET a month without a report"
is_error "$(api GET /v1/desa/$B/kkbpk/2026-10 "$TA")" 404 KKB-TIDAK-DITEMUKAN "GET another village's report"
is_error "$(api GET /v1/desa/$A/kkbpk/2026-13 "$TA")" 400 KKB-PERIODE-FORMAT "GET month 13"
r=$(api GET /v1/desa/$A/profil-kampung/2026-10 "$TA")
is "$(status_of "$r") $(jqb "$r" '[.pokja_ada, .pokja_anggota, .sumber_dana]')" '200 [true,12,["apbd","dana_desa"]]' "GET profil-kampung/2026-10"
r=$(api GET /v1/desa/$A/penduduk/2026-10 "$TA")
is "$(status_of "$r") $(jqb "$r" '[.pus, .keluarga, (.laki_laki | length)]')" '200 [200,400,16]' "GET penduduk/2026-10"
r=$(api GET /v1/desa/$B/nilai/2026-10 "$TB")
is "$(status_of "$r") $(jqb "$r" '.data')" '200 {"ibu_hamil":2,"ibu_hamil_kek":5}' "GET nilai/2026-10 of B"
is "$(jqb "$(api GET /v1/desa/$A/nilai/2026-07 "$TA")" '.data')" '{}' "GET nilai of a month without values: {}"

# ================================================================ PUT .../nilai/{periode}
r=$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":4,"ibu_hamil_kek":1}')
is "$(status_of "$r")" 200 "PUT nilai answers 200"
is "$(jqb "$r" .)" '{"kode_desa":"13.77.01.1001","periode":"2026-09","data":{"ibu_hamil":4,"ibu_hamil_kek":1},"ditulis":2,"dihapus":0,"peringatan":[]}' \
	"with the month's entered values, what changed and the month's warnings (none)"
r=$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":4}')
is "$(jqb "$r" '[.data, .ditulis, .dihapus]')" '[{"ibu_hamil":4},0,1]' "PUT again: an unchanged value is not rewritten, a left-out one deleted"
is "$(sql "SELECT string_agg(kode_elemen || '=' || nilai, ',') FROM kkb.nilai WHERE kode_desa = '$A' AND periode = '2026-09-01'")" \
	"ibu_hamil=4" "the table holds exactly the body's values"
r=$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":4,"keluarga_miskin":0.1}')
is "$(sql "SELECT nilai FROM kkb.nilai WHERE kode_desa = '$A' AND periode = '2026-09-01' AND kode_elemen = 'keluarga_miskin'")" 0.1 \
	"a value reaches the table with the digits it was sent with (0.1)"
api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":4}' >/dev/null
r=$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":4,"emas":1}')
is_error "$r" 409 23503 "an item code that is not in the catalogue"
is "$(sql "SELECT count(*) FROM kkb.nilai WHERE kode_desa = '$A' AND periode = '2026-09-01'")" 1 "and nothing of that request was written"
r=$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":"4"}')
is_error "$r" 422 KKB-422 "a value given as text"
w=$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":2,"ibu_hamil_kek":5}')
is "$(status_of "$w") $(jqb "$w" '[.peringatan[].kode]')" '200 ["aturan:kek_le_hamil"]' \
	"5 pregnant women with CED of 2 pregnant women: saved, with the warning kek_le_hamil"
is "$(jqb "$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":4}')" '.peringatan')" '[]' "corrected: no warning"
is "$(jqb "$r" .kolom)" '"ibu_hamil"' "the error names the item"
is_error "$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":-4}')" 422 23514 "a negative value"

# ================================================================ POST/GET /v1/desa/{kode}/intervensi
INT='{"tanggal":"2026-09-03","judul":"Penyuluhan gizi","fungsi_keluarga":"perlindungan","sasaran":["balita","ibu_hamil"],"opd":["dinkes"]}'
r=$(api_json POST /v1/desa/$A/intervensi "$TA" "$INT")
is "$(status_of "$r")" 201 "POST intervensi answers 201"
is "$(jqb "$r" 'keys')" '["boleh_ubah","diubah_pada","fungsi_keluarga","id","judul","kegiatan_inpres","kode_desa","opd","pemilik_opd","sasaran","tanggal","uraian","versi"]' \
	"with the stored intervention's keys (its version and whether the caller may change it too)"
is "$(jqb "$r" '[(.id | type), .kode_desa, .tanggal, .sasaran, .opd, .uraian]')" \
	'["number","13.77.01.1001","2026-09-03",["balita","ibu_hamil"],["dinkes"],null]' "and its values, with its new id"
r=$(api_json POST /v1/desa/$A/intervensi "$TO" '{"tanggal":"2026-09-10","judul":"Posyandu remaja","fungsi_keluarga":"reproduksi"}')
is "$(status_of "$r")" 201 "an agency records an intervention too"
r=$(api GET /v1/desa/$A/intervensi "$TO")
is "$(status_of "$r")" 200 "GET intervensi answers 200"
is "$(jqb "$r" '[keys, .total, [.data[].judul], (.data[0] | keys)]')" \
	'[["data","kode_desa","limit","offset","total"],2,["Posyandu remaja","Penyuluhan gizi"],["boleh_ubah","diubah_pada","fungsi_keluarga","id","judul","kegiatan_inpres","opd","pemilik_opd","sasaran","tanggal","uraian","versi"]]' \
	"the village's interventions, newest first"
r=$(api_json POST /v1/desa/$A/intervensi "$TA" '{"judul":"Tanpa tanggal","fungsi_keluarga":"ekonomi"}')
is_error "$r" 422 23502 "an intervention without a date"
is "$(jqb "$r" .kolom)" '"tanggal"' "the error names the column"
r=$(api_json POST /v1/desa/$A/intervensi "$TA" '{"tanggal":"2026-09-03","judul":"X","fungsi_keluarga":"ekonomi","opd":["dinas_bulan"]}')
is_error "$r" 409 23503 "an agency that is not in kkb.opd"
is "$(jqb "$r" .kolom)" '"opd"' "the error names the column"
is_error "$(api_json POST /v1/desa/$A/intervensi "$TA" '{"tanggal":"2026-09-03","judul":"X","fungsi_keluarga":"hiburan"}')" 400 22P02 \
	"an unknown family function"
is_error "$(api_json POST /v1/desa/$A/intervensi "$TA" '{"tanggal":"2026-09-03","judul":"X","fungsi_keluarga":"ekonomi","id":7}')" 422 KKB-KOLOM-TIDAK-DIKENAL \
	"an id chosen by the client"

# ================================================================ the month's workflow
r=$(api GET /v1/desa/$A/periode/2026-09 "$TA")
is "$(status_of "$r")" 200 "GET the state of a month answers 200"
is "$(jqb "$r" .)" '{"kode_desa":"13.77.01.1001","periode":"2026-09","status":"draf","diubah_oleh":null,"diubah_pada":null}' \
	"a month without a state is draf"
is_error "$(api POST /v1/desa/$A/periode/2026-09/setujui "$TO")" 409 55000 "approving a draft month"
r=$(api POST /v1/desa/$A/periode/2026-09/ajukan "$TA")
is "$(status_of "$r")" 200 "pokja A submits September (ajukan)"
is "$(jqb "$r" '[keys, .status, .diubah_oleh]')" \
	"[[\"diubah_oleh\",\"diubah_pada\",\"kode_desa\",\"periode\",\"status\"],\"diajukan\",\"$LABEL_A\"]" \
	"the answer is the new state, by the token's holder"
is_error "$(api POST /v1/desa/$A/periode/2026-09/setujui "$TA")" 403 42501 "a pokja approving its own month"
is "$(jqb "$(api POST /v1/desa/$A/periode/2026-09/setujui "$TO")" .status)" '"disetujui"' "the agency approves it (setujui)"
r=$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":7}')
is_error "$r" 409 55000 "changing data of an approved month"
is "$(sql "SELECT kb_pil FROM kkb.kkbpk WHERE kode_desa = '$A' AND periode = '2026-09-01'")" 6 "which stays as it was"
is_error "$(api POST /v1/desa/$A/periode/2026-09/kunci "$TO")" 403 42501 "an agency locking a month"
is "$(jqb "$(api POST /v1/desa/$A/periode/2026-09/kunci "$TD")" .status)" '"dikunci"' "an administrator locks it (kunci)"
is "$(jqb "$(api GET /v1/desa/$A/periode/2026-09 "$TO")" '[.status, .diubah_oleh]')" '["dikunci","Admin (uji 03)"]' \
	"the state reads dikunci, by the administrator"
is_error "$(api POST /v1/desa/$A/periode/2026-09/buka "$TA")" 403 42501 "a pokja reopening a locked month"
is "$(jqb "$(api POST /v1/desa/$A/periode/2026-09/buka "$TD")" .status)" '"draf"' "an administrator reopens it (buka)"
is "$(status_of "$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":7}')")" 200 "and the pokja can change its data again"
is_error "$(api POST /v1/desa/$A/periode/2026-13/ajukan "$TA")" 400 KKB-PERIODE-FORMAT "a step for month 2026-13"
is_error "$(api POST /v1/desa/13.77.01/periode/2026-09/ajukan "$TD")" 404 KKB-TIDAK-DITEMUKAN "a step for a district code"
is_error "$(api POST /v1/desa/13.77.01.1003/periode/2026-09/ajukan "$TD")" 404 P0002 "a step for a village that is not a Kampung KB"
is "$(status_of "$(api GET /v1/desa/$A/periode/2026-09/ajukan "$TA")")" 405 "GET on a workflow step is 405"

# ================================================================ GET /v1/prioritas
r=$(api GET "/v1/prioritas?periode=2026-10" "$TO")
is "$(status_of "$r")" 200 "GET /v1/prioritas answers 200 to an agency"
is "$(jqb "$r" '[keys, .wilayah, .opd]')" '[["data","limit","offset","opd","periode","total","wilayah"],"13.77","dinkes"]' \
	"defaulting to the token's scope and agency"
is "$(jqb "$r" '.data[0] | keys')" '["kode_desa","kode_kecamatan","masalah","nama_desa","nama_opd","nilai","opd","peringkat","selisih","target","terdampak","uraian"]' \
	"each entry's keys"
is "$(jqb "$r" '[.data[] | [.opd, .peringkat, .kode_desa, .masalah, .nilai, .terdampak]]')" \
	'[["dinkes",1,"13.77.01.1002","ibu_hamil_kek",5,5]]' "Dinkes's list: 5 pregnant women with CED in Kampung Perak"
r=$(api GET "/v1/prioritas?wilayah=13.77&periode=2026-10&opd=dp3akb&limit=2" "$TD")
is "$(jqb "$r" '[.total, (.data | length), [.data[].peringkat], ([.data[].opd] | unique)]')" \
	"[$(sql "SELECT count(*) FROM kkb.prioritas_intervensi('13.77', '2026-10-01', 'dp3akb')"),2,[1,2],[\"dp3akb\"]]" \
	"an administrator's page of DP3AKB's list, ranked"
r=$(api GET "/v1/prioritas?wilayah=13.77&periode=2026-10&opd=dp3akb" "$TA")
is "$(jqb "$r" '[.data[].kode_desa] | unique | map(select(. != "13.77.01.1001")) | length')" 0 "pokja A's list holds village A only"
is_error "$(api GET "/v1/prioritas?wilayah=13.77&opd=dinas_bulan" "$TD")" 400 KKB-PERMINTAAN-TIDAK-SAH "an unknown agency"
is_error "$(api GET "/v1/prioritas?periode=2026-10" "$TD")" 400 KKB-PARAMETER-TIDAK-SAH "no wilayah and a token without scope"

# ================================================================ GET /v1/klasifikasi
r=$(api GET "/v1/klasifikasi?wilayah=13.77&periode=2026-10" "$TD")
is "$(status_of "$r")" 200 "GET /v1/klasifikasi answers 200"
is "$(jqb "$r" '[keys, .total, (.data[0] | keys)]')" \
	'[["data","limit","offset","periode","total","wilayah"],2,["indeks_input","indeks_output","indeks_proses","klasifikasi","kode_desa","nama","persentase","skor"]]' \
	"every village's class with indices, scores and percentages"
is "$(jqb "$r" '[.data[] | [.kode_desa, .klasifikasi]]')" '[["13.77.01.1001","Berkelanjutan"],["13.77.01.1002","Dasar"]]' \
	"the classes in code order (A rose from Mandiri: the intervention with Dinkes above counts for cross-sector work)"
is "$(jqb "$r" '[.data[] | [.kode_desa, .klasifikasi, .indeks_input, .indeks_proses, .indeks_output]] | tojson')" \
	"$(sql "SELECT json_agg(json_build_array(kode_desa::text, klasifikasi, indeks_input, indeks_proses, indeks_output) ORDER BY kode_desa) FROM kkb.klasifikasi_wilayah('13.77', '2026-10-01')" | jq -c tojson)" \
	"the same as kkb.klasifikasi_wilayah"
is "$(jqb "$(api GET "/v1/klasifikasi?periode=2026-10" "$TA")" '[.wilayah, [.data[].kode_desa]]')" '["13.77.01.1001",["13.77.01.1001"]]' \
	"a pokja's list: its own village, from its scope"
is_error "$(api GET "/v1/klasifikasi?wilayah=13.77&periode=2026-10&limit=5000" "$TD")" 400 KKB-LIMIT-FORMAT "limit=5000"

# ================================================================ pokja A never sees or changes village B
for p in "/v1/desa/$B" "/v1/desa/$B/profil?periode=2026-10" "/v1/desa/$B/klasifikasi?periode=2026-10" \
	"/v1/desa/$B/validasi?periode=2026-10" "/v1/desa/$B/risiko-stunting" "/v1/desa/$B/intervensi" \
	"/v1/desa/$B/periode/2026-10"; do
	is_error "$(api GET "$p" "$TA")" 404 KKB-TIDAK-DITEMUKAN "pokja A: GET ${p%%\?*}"
done
for p in profil-kampung penduduk kkbpk; do
	is_error "$(api_json PUT "/v1/desa/$B/$p/2026-10" "$TA" '{}')" 404 KKB-TIDAK-DITEMUKAN "pokja A: PUT /v1/desa/$B/$p/2026-10"
done
is_error "$(api_json PUT "/v1/desa/$B/nilai/2026-10" "$TA" '{"ibu_hamil":9}')" 404 KKB-TIDAK-DITEMUKAN "pokja A: PUT /v1/desa/$B/nilai/2026-10"
is_error "$(api_json POST "/v1/desa/$B/intervensi" "$TA" "$INT")" 404 KKB-TIDAK-DITEMUKAN "pokja A: POST /v1/desa/$B/intervensi"
for s in ajukan setujui kunci buka; do
	r=$(api POST "/v1/desa/$B/periode/2026-10/$s" "$TA")
	ok "$(case "$(status_of "$r")" in 403 | 404) echo 0 ;; *) echo 1 ;; esac)" \
		"pokja A: POST /v1/desa/$B/periode/2026-10/$s is refused ($(status_of "$r") $(jqb "$r" .code))"
done
is "$(jqb "$(api GET "/v1/prioritas?wilayah=$B&periode=2026-10" "$TA")" .total)" 0 "pokja A: B's priorities are empty"
is "$(jqb "$(api GET "/v1/klasifikasi?wilayah=$B&periode=2026-10" "$TA")" .total)" 0 "pokja A: B's classification list is empty"
is "$(jqb "$(api GET "/v1/desa?wilayah=$B&periode=2026-10" "$TA")" .total)" 0 "pokja A: the village list under B is empty"
is "$(fingerprint_b)" "$FP_B" "none of B's rows changed"
is_error "$(api GET "/v1/desa/$A" "$TB")" 404 KKB-TIDAK-DITEMUKAN "and pokja B cannot read village A"
is_error "$(api_json PUT "/v1/desa/$A/kkbpk/2026-09" "$TB" '{"kb_pil":99}')" 404 KKB-TIDAK-DITEMUKAN "nor write it"
is "$(sql "SELECT kb_pil FROM kkb.kkbpk WHERE kode_desa = '$A' AND periode = '2026-09-01'")" 7 "A's report is unchanged"

# ================================================================ serialization failures: retried once, then 503
# a test trigger makes updates of kkb.kkbpk fail with 40001 (a sequence, which no rollback undoes, picks which)
uji03_hapus
uji03_urutan "CREATE SEQUENCE public.uji03_seq"
uji03_pemicu 2
sql_pemicu "CREATE TRIGGER uji03_serialisasi BEFORE INSERT OR UPDATE ON kkb.kkbpk FOR EACH ROW EXECUTE FUNCTION public.uji03_serialisasi()"
gw_stop
gw_start $PORT
r=$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":8}')
is "$(status_of "$r")" 200 "a write that hits a serialization failure once succeeds on the gateway's retry"
is "$(sql "SELECT kb_pil FROM kkb.kkbpk WHERE kode_desa = '$A' AND periode = '2026-09-01'")" 8 "and is written once"
grep -q '"msg":"retrying after a serialization failure"' "$GW_LOG"
ok $? "the retry is logged"
uji03_pemicu 1000000
gw_stop
gw_start $PORT
r=$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":9}')
is_error "$r" 503 40001 "a write that fails to serialise twice"
is "$(sql "SELECT kb_pil FROM kkb.kkbpk WHERE kode_desa = '$A' AND periode = '2026-09-01'")" 8 "and writes nothing"
uji03_hapus
is "$(status_of "$(api_json PUT /v1/desa/$A/kkbpk/2026-09 "$TA" '{"kb_pil":7}')")" 200 "without the test trigger, writes pass again"

# ================================================================ the database restarts under the API
cluster stop fast
r=$(api GET /v1/desa/$A "$TA")
is_error "$r" 503 KKB-DB-TIDAK-TERSEDIA "a cached token's request while the database is stopped"
is_error "$(api GET /v1/desa/$A "$TB")" 503 KKB-DB-TIDAK-TERSEDIA "a token not yet cached, while the database is stopped"
cluster start
r=$(api GET "/v1/desa/$A/profil?periode=2026-10" "$TA")
is "$(jqb "$r" '[.kode_desa, (.data | length)]')" '["13.77.01.1001",40]' \
	"after the restart the same gateway answers again (statements prepared anew)"
is "$(status_of "$(api_json PUT /v1/desa/$A/nilai/2026-09 "$TA" '{"ibu_hamil":5}')")" 200 "and writes again"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged (no unmapped database error)"

sql "$FIXTURE_DELETE" >/dev/null
done_testing

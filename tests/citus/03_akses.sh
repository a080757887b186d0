#!/bin/sh
# Access on the cluster (issue 18): a request's scope reaches the workers signed, and nothing
# else gives a worker session a scope.  The working roles log in on the nodes only with the
# passwords Citus holds (scripts/citus.sh makes the nodes ask them for one, as a real cluster's
# pg_hba.conf would); a gateway-like session (the gateway's login, SET LOCAL ROLE, then
# kkb._sesi_atur) reads its village's rows from the shards and its audit rows name its holder;
# a direct login that switches to a working role itself, a forged signature and a signature
# made for another role are refused with 42501; a direct login bound to a village by
# kkb.lingkup_login_atur reads that village on the workers; an analyst's own login reads every kkb_bi view
# (over SECURITY DEFINER functions on a cluster: kkb._bi_sebarkan) for its bound village only; the audit's
# sesi names the login a change came through, signed for the workers, and cannot be forged.
set -u
n=0 fails=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi; }
is() { n=$((n + 1)); if [ "$1" = "$2" ]; then echo "ok $n - $3"; else echo "not ok $n - $3"; printf '#          got: %s\n#     expected: %s\n' "$1" "$2"; fails=$((fails + 1)); fi; }
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
# the SQLSTATE a session's script fails with, or ok
keadaan() { psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -At "$@" 2>&1 >/dev/null |
	sed -n 's/^ERROR:  \([0-9A-Z]\{5\}\):.*/\1/p' | head -n 1 | grep . || echo ok; }
A=13.71.01.1001
B=13.71.01.1002
PEKERJA1=$(cd "$PGHOST/../pekerja1" && pwd -P)

echo "1..15"

q -c "SET client_min_messages = warning" -c "
DO \$\$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uji_gerbang') THEN CREATE ROLE uji_gerbang LOGIN; END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uji_langsung') THEN CREATE ROLE uji_langsung LOGIN; END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'uji_analis') THEN CREATE ROLE uji_analis LOGIN; END IF;
END \$\$;
GRANT kkb_analis TO uji_analis;
GRANT kkb_gateway TO uji_gerbang;
GRANT kkb_pokja, kkb_admin TO uji_langsung;
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES
	('$A', 'Kampung KB Uji A', '2022-03-01'), ('$B', 'Kampung KB Uji B', '2022-04-01') ON CONFLICT DO NOTHING;
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw) VALUES
	('$A', '1371011505200011', 1, 1), ('$A', '1371011505200012', 1, 1), ('$B', '1371011505200013', 2, 1)
	ON CONFLICT DO NOTHING;
SELECT kkb.lingkup_login_atur('uji_langsung', '$B');
SELECT kkb.lingkup_login_atur('uji_analis', '$A');" >/dev/null
ok $? "fixture: two villages (on the shards), a gateway login, a direct login bound to village B"

# nobody logs in as a working role by hand: the node asks for the password only Citus holds
psql -X -w -h "$PEKERJA1" -p "$((PGPORT + 1))" -U kkb_pokja -d "$PGDATABASE" -c "SELECT 1" >/dev/null 2>&1
ok $((! $?)) "a direct login as kkb_pokja on a worker is refused (no password)"
is "$(q -c "SELECT count(*) FROM pg_dist_authinfo WHERE nodeid = 0 AND rolename IN ('kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi', 'kkb_anon')")" 6 \
	"Citus holds a password for each working role (pg_dist_authinfo)"

# a gateway request: the gateway's login, SET LOCAL ROLE, then its settings
permintaan() { # ROLE SCOPE LABEL SQL
	printf 'BEGIN;\nSET LOCAL ROLE %s;\nSELECT kkb._sesi_atur(%s, %s, %s, %s) IS NOT NULL;\n%s\nCOMMIT;\n' \
		"$1" "'$2'" "'$3'" "'20000'" "''" "$4"
}
is "$(permintaan kkb_pokja "$A" 'kader A (uji)' "SELECT string_agg(kode_desa || ':' || n, ',') FROM (SELECT kode_desa, count(*) AS n FROM kkb.keluarga GROUP BY 1 ORDER BY 1) x;" |
	q -U uji_gerbang | tr '\n' ' ')" "t $A:2 " \
	"a pokja request is signed and reads only its village's families from the shards"
permintaan kkb_pokja "$A" 'kader A (uji)' "UPDATE kkb.keluarga SET rt = 3 WHERE no_kk = '1371011505200011';" | q -U uji_gerbang >/dev/null
is "$(q -c "SELECT pengguna || '/' || peran || '/' || sesi FROM kkb.audit WHERE tabel = 'keluarga' AND operasi = 'UPDATE' AND kode_desa = '$A' ORDER BY waktu DESC LIMIT 1")" \
	"kader A (uji)/kkb_pokja/uji_gerbang" \
	"its write's audit row, written on a shard, names the token's holder, the role and the gateway's login (sesi)"
is "$(permintaan kkb_pokja "$A" 'kader A (uji)' "UPDATE kkb.keluarga SET rt = 4 WHERE kode_desa = '$B';" | q -U uji_gerbang | tr '\n' ' ')" "t " \
	"it cannot write another village's rows (row-level security on the shard: no row)"
is "$(q -c "SELECT rt FROM kkb.keluarga WHERE kode_desa = '$B'")" 2 "  village B's family is unchanged"

# what does not give a scope
is "$(printf 'BEGIN;\nSET LOCAL ROLE kkb_admin;\nSELECT count(*) FROM kkb.keluarga;\n' | keadaan -U uji_langsung)" 42501 \
	"a direct login that switches to kkb_admin itself gets no nationwide view on the workers (42501)"
is "$(printf "BEGIN;\nSET LOCAL ROLE kkb_pokja;\nSET LOCAL citus.propagate_set_commands TO local;\nSET LOCAL kkb.wilayah TO '13.77';\nSET LOCAL kkb.tanda TO '9999999999.1.%064d';\nSELECT count(*) FROM kkb.keluarga;\n" 0 |
	keadaan -U uji_langsung)" 42501 "a forged signature is refused (42501)"
is "$(printf "BEGIN;\nSET LOCAL ROLE kkb_pokja;\nSELECT kkb._sesi_atur('13.77', 'x', '20000', '');\nSET LOCAL ROLE kkb_admin;\nSELECT count(*) FROM kkb.keluarga;\n" |
	keadaan -U uji_gerbang)" 42501 "a signature made for kkb_pokja does not serve kkb_admin (42501)"
is "$(q -U uji_langsung -c "SELECT string_agg(DISTINCT kode_desa::text, ',') FROM kkb.keluarga")" "$B" \
	"a direct login bound to village B reads village B only, on the workers too"
q -U uji_langsung -c "SET kkb.sesi TO 'palsu'" -c "UPDATE kkb.keluarga SET rt = 5 WHERE kode_desa = '$B'" >/dev/null
is "$(q -c "SELECT sesi || '/' || peran FROM kkb.audit WHERE tabel = 'keluarga' AND operasi = 'UPDATE' AND kode_desa = '$B' ORDER BY waktu DESC LIMIT 1")" \
	"uji_langsung/uji_langsung" "its own write's audit row names its login, whatever kkb.sesi it sets (unsigned)"

# an analyst's own login: every kkb_bi view, for its bound village only
bi=$(q -c "SELECT string_agg(c.relname, ' ' ORDER BY c.relname) FROM pg_class c WHERE c.relnamespace = 'kkb_bi'::regnamespace AND c.relkind = 'v'")
hasil=""
for v in $bi; do
	kol=$(q -c "SELECT CASE WHEN EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'kkb_bi.$v'::regclass AND attname = 'kode_desa') THEN 'kode_desa' ELSE 'NULL::text' END")
	hasil="$hasil $v:$(q -U uji_analis -c "SELECT coalesce(string_agg(DISTINCT $kol, ','), '-') FROM kkb_bi.$v" 2>&1 | tail -n 1)"
done
is "$(printf '%s\n' $hasil | grep -v -e ":$A\$" -e ':-$' | tr '\n' ' ')" "" \
	"an analyst's own login bound to village A reads each of the $(echo $bi | wc -w) kkb_bi views, village A's rows only ($(echo $hasil | cut -c1-60) ...)"
is "$(q -U uji_analis -c "SELECT count(*) FROM kkb_bi.desa")|$(q -c "SELECT count(*) FROM kkb_bi.desa WHERE kode_desa IN ('$A', '$B')")" "1|2" \
	"  one village of the two the superuser sees"
is "$(q -c "SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'kkb_bi'::regnamespace AND c.relkind = 'v' AND pg_get_viewdef(c.oid) NOT LIKE '%_bi_' || c.relname || '()%'")|$(q -c "SELECT has_function_privilege('kkb_pokja', 'kkb._bi_desa()', 'EXECUTE')::text || has_function_privilege('kkb_analis', 'kkb._bi_desa()', 'EXECUTE')::text")|$(q -c "SELECT kkb._bi_sebarkan()")" \
	"0|falsetrue|0" "every kkb_bi view reads its function, which only the view's readers may run; run again, nothing changes"

q -c "SET client_min_messages = warning" -c "
SET session_replication_role = replica;
DELETE FROM kkb.keluarga WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
SET session_replication_role = origin;
SELECT kkb.lingkup_login_hapus('uji_langsung');
SELECT kkb.lingkup_login_hapus('uji_analis');" >/dev/null 2>&1
[ "$fails" -eq 0 ]

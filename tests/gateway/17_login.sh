#!/bin/sh
# The gateway's own login: the gateway connects as a login that is a member of
# kkb_gateway and not a superuser (gerbang, made by `scripts/cluster.sh login`,
# as `make run` does), its password kept 0600 with the cluster; through it the
# audit names the token's holder.  TCP connections need a password (the
# superuser has none); a BI login made the same way reads kkb_bi and nothing by name.
. "$(dirname "$0")/lib.sh"

PORT=18170
A=13.77.01.1001
LABEL="Admin uji 17 (uji 17)"
PSQL="$("${PG_CONFIG:-pg_config}" --bindir)/psql"
# psql over TCP (127.0.0.1) as a login, with the cluster's passfile
tcp() { PGPASSFILE="$KKB_TEST_DIR/pgpass" "$PSQL" -X -q -tA -h 127.0.0.1 -p "$KKB_TEST_PORT" -d "$KKB_TEST_DB" "$@"; }

FIXTURE_DELETE="
DELETE FROM kkb.profil WHERE kode_desa = '$A';
DELETE FROM kkb.kampung WHERE kode_desa = '$A';
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 17)' AND dicabut IS NULL;
DROP ROLE IF EXISTS analis_uji17;"
sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES ('$A', 'Kampung KB Karan Aur', '2022-03-01');" >/dev/null
TA=$(token kkb_admin 13.77 "$LABEL")

# ---------------------------------------------------------------- the login
is "$(sql "SELECT rolcanlogin, rolsuper, pg_has_role('gerbang', 'kkb_gateway', 'MEMBER') FROM pg_roles WHERE rolname = 'gerbang'")" \
	"t|f|t" "the gateway's login gerbang may log in, is no superuser and is a member of kkb_gateway"
is "$(stat -c %a "$KKB_TEST_DIR/gerbang.password")" 600 "its password is kept in the cluster's directory, mode 0600"
is "$(stat -c %a "$KKB_TEST_DIR/pgpass")" 600 "  and in the cluster's passfile, mode 0600"
is "$(grep -c "^\*:$KKB_TEST_PORT:\*:gerbang:$(cat "$KKB_TEST_DIR/gerbang.password")\$" "$KKB_TEST_DIR/pgpass")" 1 \
	"  one passfile line for gerbang, with that password"

# ---------------------------------------------------------------- the gateway connects as it
gw_start $PORT
ok $? "the gateway starts on 127.0.0.1:$PORT"
is "$(status_of "$(http GET /v1/health)")" 200 "GET /v1/health answers 200"
is "$(sql "SELECT string_agg(DISTINCT usename::text, ',') FROM pg_stat_activity WHERE application_name = 'kkb-gateway'")" gerbang \
	"the gateway's database sessions are gerbang's (pg_stat_activity), not the superuser's"
r=$(api_json PUT /v1/desa/$A/profil-kampung/2026-09 "$TA" '{"pokja_ada":true,"pokja_anggota":7}')
is "$(status_of "$r")" 201 "an admin token stores a village profile through it (201)"
is "$(sql "SELECT concat_ws('|', pengguna, sesi, peran) FROM kkb.audit WHERE tabel = 'profil' AND kode_desa = '$A' ORDER BY id DESC LIMIT 1")" \
	"$LABEL|gerbang|kkb_admin" "the audit names the token's holder, the gateway's login and the token's role"
r=$(api GET "/v1/desa/$A/profil?periode=2026-09" "$TA")
is "$(status_of "$r")" 200 "and reads the village's page back (200)"
gw_stop

# ---------------------------------------------------------------- passwords over TCP
is "$(tcp -U gerbang -c 'SELECT current_user' 2>&1)" gerbang "gerbang connects over TCP with the password of the passfile"
out=$(PGPASSFILE=/dev/null "$PSQL" -X -q -tA -w -h 127.0.0.1 -p "$KKB_TEST_PORT" -U postgres -d "$KKB_TEST_DB" -c 'SELECT 1' 2>&1)
ok "$(printf '%s\n' "$out" | grep -q 'no password supplied'; echo $?)" \
	"the superuser (no password) cannot connect over TCP: $(printf '%s' "$out" | tail -n 1)"
sum=$(cksum <"$KKB_TEST_DIR/gerbang.password")
cluster login gerbang kkb_gateway
is "$(cksum <"$KKB_TEST_DIR/gerbang.password")" "$sum" "cluster.sh login again keeps the login's password"
is "$(tcp -U gerbang -c 'SELECT current_user' 2>&1)" gerbang "  and the login still connects with it"

# ---------------------------------------------------------------- a BI login made the same way
cluster login analis_uji17 kkb_analis
ok $? "cluster.sh login makes a BI login (kkb_analis)"
is "$(tcp -U analis_uji17 -c "SELECT count(*) > 0 FROM kkb_bi.desa WHERE kode_desa = '$A'" 2>&1)" t \
	"the BI login reads the de-identified views of kkb_bi over TCP"
is "$(tcp -U analis_uji17 -c 'SELECT count(*) FROM kkb.anggota' 2>&1 | grep -o 'permission denied for table anggota')" \
	"permission denied for table anggota" "  but no by-name table"
out=$(cluster login 'Bukan-Nama' kkb_analis 2>&1)
is "$?" 2 "cluster.sh login refuses a name that is not lower-case letters, digits and _ (exit 2)"

sql "$FIXTURE_DELETE" >/dev/null
done_testing

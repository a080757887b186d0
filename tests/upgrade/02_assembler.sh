#!/bin/sh
# 02_assembler.sh - extension/gen/upgrade_script.sh, which assembles an upgrade
# step from sql/upgrade/FROM--TO/: entries in name order, fragments copied,
# replayed install parts turned into CREATE OR REPLACE, and refusals (with the
# offending line named) for what cannot be replayed, unknown entries, parts
# that do not exist and an empty step.  Needs no database.
set -eu
cd "$(dirname "$0")/../.."
GEN=extension/gen/upgrade_script.sh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

N=0
FAILED=0
ok() {   # ok STATUS NAME
	N=$((N + 1))
	if [ "$1" -eq 0 ]; then echo "ok $N - $2"; else FAILED=$((FAILED + 1)); echo "not ok $N - $2"; fi
}
has() { grep -qF -- "$2" "$1"; }

mkdir -p "$T/install" "$T/1.0.0--1.1.0"
cat > "$T/install/40_f.sql" <<'SQL'
-- functions only
CREATE FUNCTION kkb.f(x integer) RETURNS integer
	LANGUAGE sql IMMUTABLE
	RETURN x + 1;
COMMENT ON FUNCTION kkb.f(integer) IS 'f';
CREATE VIEW kkb.v AS SELECT 1 AS satu;
REVOKE EXECUTE ON FUNCTION kkb.f(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.f(integer) TO kkb_admin;
SELECT pg_catalog.pg_extension_config_dump('kkb.t', '');
SQL
cat > "$T/install/05_t.sql.tmpl" <<'SQL'
CREATE FUNCTION kkb.@T@_f() RETURNS integer LANGUAGE sql RETURN 1;
SQL
cat > "$T/install/31_t.sql" <<'SQL'
CREATE FUNCTION kkb.g() RETURNS integer LANGUAGE sql RETURN 2;
CREATE TABLE kkb.t (a integer);
SQL
printf 'ALTER TABLE kkb.t ADD COLUMN b integer;\n' > "$T/1.0.0--1.1.0/20_b.sql"
printf '# a comment\n40_f.sql   # trailing comment\n05_t.sql.tmpl\n' > "$T/1.0.0--1.1.0/50_f.replay"
printf 'DROP FUNCTION kkb.h();\n' > "$T/1.0.0--1.1.0/10_h.sql"

if sh "$GEN" "$T/1.0.0--1.1.0" "$T/install" nik no_kk > "$T/out.sql" 2> "$T/err"; then st=0; else st=1; fi
ok $st "a step of fragments and a replay list is assembled"
ok "$(head -2 "$T/out.sql" | grep -c "1.0.0 -> 1.1.0\|UPDATE TO '1.1.0'" | grep -qx 2; echo $?)" \
	"its header names both versions and guards against running it with psql"
ok "$(grep -n 'DROP FUNCTION kkb.h\|ALTER TABLE kkb.t\|kkb.f(x integer)' "$T/out.sql" | cut -d: -f2 | tr '\n' ' ' |
      grep -q '^DROP.*ALTER.*CREATE OR REPLACE'; echo $?)" "entries come in name order: 10_h.sql, 20_b.sql, 50_f.replay"
ok "$(has "$T/out.sql" 'CREATE OR REPLACE FUNCTION kkb.f(x integer) RETURNS integer' && has "$T/out.sql" 'CREATE OR REPLACE VIEW kkb.v AS'; echo $?)" \
	"a replayed part's CREATE FUNCTION and CREATE VIEW become CREATE OR REPLACE"
ok "$(grep -c '^CREATE FUNCTION\|^CREATE VIEW' "$T/out.sql" | grep -qx 0; echo $?)" "no plain CREATE FUNCTION or VIEW is left"
ok "$(has "$T/out.sql" "COMMENT ON FUNCTION kkb.f(integer) IS 'f';" && has "$T/out.sql" 'GRANT EXECUTE ON FUNCTION kkb.f(integer) TO kkb_admin;' &&
      has "$T/out.sql" "SELECT pg_catalog.pg_extension_config_dump('kkb.t', '');"; echo $?)" \
	"comments, rights and pg_extension_config_dump calls are replayed as they are"
ok "$(has "$T/out.sql" 'CREATE OR REPLACE FUNCTION kkb.nik_f()' && has "$T/out.sql" 'CREATE OR REPLACE FUNCTION kkb.no_kk_f()'; echo $?)" \
	"a .sql.tmpl part is replayed once per identifier type"

printf '31_t.sql\n' > "$T/1.0.0--1.1.0/60_t.replay"
if sh "$GEN" "$T/1.0.0--1.1.0" "$T/install" nik > "$T/out2.sql" 2> "$T/err"; then st=0; else st=1; fi
ok "$([ $st -eq 1 ] && has "$T/err" '31_t.sql line 2 cannot be replayed by an upgrade: CREATE TABLE kkb.t (a integer);'; echo $?)" \
	"a part with a CREATE TABLE cannot be replayed: refused, naming the part, the line and the statement"
rm "$T/1.0.0--1.1.0/60_t.replay"

printf '41_nope.sql\n' > "$T/1.0.0--1.1.0/60_nope.replay"
if sh "$GEN" "$T/1.0.0--1.1.0" "$T/install" > /dev/null 2> "$T/err"; then st=0; else st=1; fi
ok "$([ $st -eq 1 ] && has "$T/err" 'names 41_nope.sql, which is not in'; echo $?)" "a replay list naming a missing part is refused"
rm "$T/1.0.0--1.1.0/60_nope.replay"

printf 'x\n' > "$T/1.0.0--1.1.0/70_notes.txt"
if sh "$GEN" "$T/1.0.0--1.1.0" "$T/install" > /dev/null 2> "$T/err"; then st=0; else st=1; fi
ok "$([ $st -eq 1 ] && has "$T/err" '70_notes.txt is neither a .sql fragment nor a .replay list'; echo $?)" "an entry of another kind is refused"

mkdir "$T/1.1.0--1.2.0"
if sh "$GEN" "$T/1.1.0--1.2.0" "$T/install" > /dev/null 2> "$T/err"; then st=0; else st=1; fi
ok "$([ $st -eq 1 ] && has "$T/err" 'is empty'; echo $?)" "an empty step is refused"

# the real step of this version: every replayed part is replayable, and the demo generator is dropped
if sh "$GEN" sql/upgrade/0.1.0--0.2.0 sql/install nik no_kk kode_wilayah > "$T/real.sql" 2> "$T/err"; then st=0; else st=1; fi
ok $st "the step sql/upgrade/0.1.0--0.2.0 assembles"
[ $st -eq 0 ] || sed 's/^/# /' "$T/err"
ok "$(has "$T/real.sql" 'DROP FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date);'; echo $?)" \
	"it drops kkb.hasilkan, which moved to kampungkb_demo"

echo "1..$N"
[ "$FAILED" -eq 0 ]

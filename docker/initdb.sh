#!/bin/sh
# Runs once when the db container initialises its data directory:
# the same steps as scripts/run.sh (extension, the demo generator kampungkb_demo, then the demo data),
# and the same logins: the gateway's own (gerbang, a member of kkb_gateway, no superuser) and a BI
# login (analis_bi, kkb_analis), with the passwords given in KKB_GATEWAY_PASSWORD and KKB_BI_PASSWORD
# (docker-compose.yml passes them; docs/ACCESS.md "Making logins").
set -eu
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "CREATE EXTENSION IF NOT EXISTS kampungkb" \
	-c "CREATE EXTENSION IF NOT EXISTS kampungkb_demo"
for f in /docker-entrypoint-initdb.d/demo/*.sql; do
	[ -f "$f" ] || continue
	echo "initdb: loading $f"
	psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$f"
done

# login NAME ROLE PASSWORD_VARIABLE: a login role NAME, member of ROLE, whose password is in the
# environment variable PASSWORD_VARIABLE (read by psql itself: never on a command line)
login() {
	if [ -z "$(printenv "$3" || true)" ]; then
		echo "initdb: $3 is empty: no password for the login $1" >&2
		exit 1
	fi
	psql -v ON_ERROR_STOP=1 -q -U "$POSTGRES_USER" -d "$POSTGRES_DB" -v nama="$1" -v peran="$2" -v var="$3" <<'SQL'
\getenv sandi :var
SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :'nama') AS baru \gset
\if :baru
CREATE ROLE :"nama" LOGIN;
\endif
ALTER ROLE :"nama" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'sandi';
GRANT :"peran" TO :"nama";
SQL
	echo "initdb: login $1 (member of $2)"
}
login gerbang kkb_gateway KKB_GATEWAY_PASSWORD
login analis_bi kkb_analis KKB_BI_PASSWORD

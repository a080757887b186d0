#!/bin/sh
# run.sh - `make run`: the whole system on this machine, in the foreground.
#
# Starts (or reuses) the private cluster in $RUN_DIR, creates database
# kampungkb with the extension and the demo data, then runs the gateway on
# 127.0.0.1:$HTTP_PORT until Ctrl-C.  The database keeps running afterwards
# (`make stop` stops it).
set -eu
cd "$(dirname "$0")/.."

RUN_DIR=${RUN_DIR:-.run}
RUN_PORT=${RUN_PORT:-54315}
HTTP_PORT=${HTTP_PORT:-8080}
cluster() { scripts/cluster.sh "$RUN_DIR" "$RUN_PORT" "$@"; }

# The gateway's port must be free: checked before the database is touched, the demo
# tokens are revoked or the banner is printed.  Busy means something accepts a TCP
# connection on 127.0.0.1:$HTTP_PORT (a listener on 0.0.0.0 counts too).
port_busy() { timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
if port_busy "$HTTP_PORT"; then
	echo "run: port $HTTP_PORT on 127.0.0.1 is already in use (another make run, another kkb-gateway or another program)." >&2
	echo "run: stop that program, or run the gateway on another port with HTTP_PORT: make run HTTP_PORT=$((HTTP_PORT == 8081 ? 8082 : 8081))" >&2
	exit 1
fi

echo "run: starting PostgreSQL in $RUN_DIR (port $RUN_PORT)"
cluster start
SOCK=$(cd "$RUN_DIR" && pwd -P)

if cluster psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'kampungkb'" | grep -q 1; then
	echo "run: reusing database kampungkb"
	# a database of an older release: updated in place first (its rows stay), then the demo generator is added
	cluster psql -d kampungkb -q -c "ALTER EXTENSION kampungkb UPDATE" >/dev/null 2>&1 || true
	cluster createdb kampungkb
else
	echo "run: creating database kampungkb with the extension"
	cluster createdb kampungkb
	scripts/demo.sh "$RUN_DIR" "$RUN_PORT"
fi

# The gateway's own login (gerbang: a member of kkb_gateway, no superuser) and a BI
# login (analis_bi: kkb_analis, the de-identified kkb_bi views), with passwords made
# once and kept in $RUN_DIR (gerbang.password, analis_bi.password, pgpass; mode 0600).
cluster login gerbang kkb_gateway
cluster login analis_bi kkb_analis

# demo tokens: made anew at every start (only their hashes are stored, so old ones cannot be shown again)
TOKENS=$(cluster psql -d kampungkb -X -q -tA -F ' ' <<'SQL'
SELECT kkb.token_cabut(l) FROM unnest(ARRAY['demo-pokja-karan-aur', 'demo-opd-dinkes', 'demo-admin', 'demo-provinsi-sumbar']) l \g /dev/null
SELECT 'pokja', kkb.token_buat('kkb_pokja', '13.77.01.1001', 'demo-pokja-karan-aur');
SELECT 'opd', kkb.token_buat('kkb_opd', '13.77', 'demo-opd-dinkes', 'dinkes');
SELECT 'admin', kkb.token_buat('kkb_admin', '13.77', 'demo-admin');
SELECT 'provinsi', kkb.token_buat('kkb_provinsi', '13', 'demo-provinsi-sumbar');
SQL
)
tok() { printf '%s\n' "$TOKENS" | awk -v k="$1" '$1 == k { print $2 }'; }
VERSION=$(cluster psql -d kampungkb -tAc "SELECT kkb.versi()")
PERIODE=$(date +%Y-%m)
cat <<INFO

  kampungkb $VERSION is running, with the demo city Kota Pariaman (13.77).

  Database   make psql   (the superuser, through the unix socket in $RUN_DIR: for administration only)
             BI tools: host 127.0.0.1, port $RUN_PORT, database kampungkb, user analis_bi,
                       password $(cat "$SOCK/analis_bi.password")  (role kkb_analis: the de-identified views of schema kkb_bi)
             e.g.      PGPASSFILE=$SOCK/pgpass psql -h 127.0.0.1 -p $RUN_PORT -U analis_bi kampungkb
             The gateway connects as its own login gerbang (kkb_gateway, not a superuser); docs/ACCESS.md
             "Making logins" shows how to make more (an analyst of a city, another gateway).
  Gateway    http://127.0.0.1:$HTTP_PORT/   (the web dashboard: sign in with a token below; the API under /v1)
  Tokens     Pokja of Karan Aur (13.77.01.1001)   $(tok pokja)
             OPD Dinas Kesehatan (13.77)           $(tok opd)
             Admin (13.77)                         $(tok admin)
             Province portal (13, aggregates only) $(tok provinsi)
  Try        curl -s http://127.0.0.1:$HTTP_PORT/v1/health
             curl -s -H 'Authorization: Bearer $(tok admin)' 'http://127.0.0.1:$HTTP_PORT/v1/klasifikasi?wilayah=13.77&periode=$PERIODE'
             curl -s -H 'Authorization: Bearer $(tok opd)' 'http://127.0.0.1:$HTTP_PORT/v1/prioritas?wilayah=13.77&periode=$PERIODE'
             curl -s -H 'Authorization: Bearer $(tok pokja)' 'http://127.0.0.1:$HTTP_PORT/v1/desa/13.77.01.1001/profil?periode=$PERIODE'
             curl -s -H 'Authorization: Bearer $(tok provinsi)' 'http://127.0.0.1:$HTTP_PORT/v1/ringkasan?wilayah=13&tingkat=2&periode=$PERIODE'
  Stop       Ctrl-C stops the gateway; make stop stops the database; make demo reloads the demo city.

INFO

exec gateway/kkb-gateway --listen 127.0.0.1 --port "$HTTP_PORT" \
	--db "host=$SOCK port=$RUN_PORT dbname=kampungkb user=gerbang passfile=$SOCK/pgpass"

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

echo "run: starting PostgreSQL in $RUN_DIR (port $RUN_PORT)"
cluster start
SOCK=$(cd "$RUN_DIR" && pwd -P)

if cluster psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'kampungkb'" | grep -q 1; then
	echo "run: reusing database kampungkb"
	cluster createdb kampungkb
	cluster psql -d kampungkb -q -c "ALTER EXTENSION kampungkb UPDATE" >/dev/null 2>&1 || true
else
	echo "run: creating database kampungkb with the extension"
	cluster createdb kampungkb
	for f in sql/demo/*.sql; do
		[ -f "$f" ] || continue
		echo "run: loading $f"
		cluster psql -d kampungkb -q -v ON_ERROR_STOP=1 -f "$f"
	done
fi

VERSION=$(cluster psql -d kampungkb -tAc "SELECT kkb.versi()")
cat <<INFO

  kampungkb $VERSION is running.

  Database   psql -h 127.0.0.1 -p $RUN_PORT -U postgres kampungkb      (or: make psql)
             BI tools: host 127.0.0.1, port $RUN_PORT, database kampungkb, user postgres
  Gateway    http://127.0.0.1:$HTTP_PORT/
             curl -s http://127.0.0.1:$HTTP_PORT/v1/health
  Stop       Ctrl-C stops the gateway; make stop stops the database.

INFO

exec gateway/kkb-gateway --listen 127.0.0.1 --port "$HTTP_PORT" \
	--db "host=$SOCK port=$RUN_PORT dbname=kampungkb user=postgres"

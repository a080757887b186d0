#!/bin/sh
# Runs once when the db container initialises its data directory:
# the same steps as scripts/run.sh (extension, the demo generator kampungkb_demo, then the demo data).
set -eu
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "CREATE EXTENSION IF NOT EXISTS kampungkb" \
	-c "CREATE EXTENSION IF NOT EXISTS kampungkb_demo"
for f in /docker-entrypoint-initdb.d/demo/*.sql; do
	[ -f "$f" ] || continue
	echo "initdb: loading $f"
	psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$f"
done

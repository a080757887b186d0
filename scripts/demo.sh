#!/bin/sh
# demo.sh DIR PORT - (re)load the demo data into database kampungkb of the
# cluster in DIR: removes what the demo files generate, then runs every
# sql/demo/*.sql in order.  Used by `make run` (new database) and `make demo`.
# The generator is the extension kampungkb_demo, created here if missing.
set -eu
cd "$(dirname "$0")/.."
DIR=${1:?usage: demo.sh DIR PORT}
PORT=${2:?usage: demo.sh DIR PORT}
cluster() { scripts/cluster.sh "$DIR" "$PORT" "$@"; }

cluster psql -d kampungkb -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS kampungkb_demo"
if [ "$(cluster psql -d kampungkb -tAc "SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.77'")" != 0 ]; then
	echo "demo: removing the old demo data of 13.77"
	cluster psql -d kampungkb -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "SELECT count(*) FROM kkb.hasilkan_hapus('13.77')" >/dev/null
fi
for f in sql/demo/*.sql; do
	[ -f "$f" ] || continue
	echo "demo: loading $f"
	cluster psql -d kampungkb -q -v ON_ERROR_STOP=1 -f "$f"
done
# the audit's monthly partitions (docs/ACCESS.md, "Keeping the audit"): what a city runs monthly
echo "demo: preparing the audit's monthly partitions"
cluster psql -d kampungkb -q -v ON_ERROR_STOP=1 -tA -c "SET client_min_messages = warning" -c "SELECT * FROM kkb.audit_bulan_siapkan()" | sed 's/^/demo:   /'
# the last 12 months' indicators (what a city runs nightly), so that the city's pages and trends read stored rows
echo "demo: computing the indicators of the last 12 months for 13.77 (CALL kkb.indikator_siapkan; about 30 s)"
out=$(cluster psql -d kampungkb -q -v ON_ERROR_STOP=1 -c "CALL kkb.indikator_siapkan('13.77', 12)" 2>&1) || { printf '%s\n' "$out" >&2; exit 1; }
printf '%s\n' "$out" | sed -n 's/^NOTICE:  kkb.indikator_siapkan: /demo:   /p'

#!/bin/sh
# citus.sh - a private three-node Citus cluster for kampungkb: a coordinator and
# two workers on one machine (for `make test-citus` and the benchmarks' citus part).
#
# Usage: scripts/citus.sh DIR PORT COMMAND [ARGS]
#   start            initdb and start DIR/koordinator (PORT), DIR/pekerja1 (PORT+1) and
#                    DIR/pekerja2 (PORT+2), each preloading citus (idempotent)
#   stop [MODE]      stop the three
#   createdb NAME    create NAME on every node with the citus extension, register the
#                    workers with the coordinator, then create kampungkb (and the demo
#                    generator) on the coordinator, which propagates them; the tables stay
#                    local until `SELECT kkb.sebarkan()` (docs/SCALE.md)
#   psql [ARGS]      psql as the coordinator's superuser
#
# Citus must be installed for this PostgreSQL (the citus library and extension files;
# docs/SCALE.md says where from).  The nodes reach each other through their unix
# sockets (a node's name is its socket directory), which these development clusters
# trust like scripts/cluster.sh's; a real deployment uses host names and TLS.
set -eu

DIR=${1:?usage: citus.sh DIR PORT COMMAND}
PORT=${2:?usage: citus.sh DIR PORT COMMAND}
CMD=${3:?usage: citus.sh DIR PORT COMMAND}
shift 3
HERE=$(cd "$(dirname "$0")" && pwd)

PG_CONFIG=${PG_CONFIG:-$(test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)}
BINDIR=$("$PG_CONFIG" --bindir)
NODES="koordinator:$PORT pekerja1:$((PORT + 1)) pekerja2:$((PORT + 2))"
mkdir -p "$DIR"

node() { "$HERE/cluster.sh" "$DIR/$1" "$2" "$3" ${4:+"$4"}; }
# the socket directory of a node: its name for the other nodes
sockdir() { (cd "$DIR/$1" && pwd -P); }
q() { # q NODE PORT DB SQL...
	n=$1 p=$2 d=$3
	shift 3
	"$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$(sockdir "$n")" -p "$p" -U postgres -d "$d" "$@"
}

case "$CMD" in
start)
	if [ ! -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]; then
		echo "citus: Citus is not installed for $("$PG_CONFIG" --version) ($("$PG_CONFIG" --pkglibdir)/citus.so is missing);" >&2
		echo "citus: see docs/SCALE.md, 'Installing Citus'" >&2
		exit 3
	fi
	for np in $NODES; do
		KKB_CLUSTER_PRELOAD=citus node "${np%%:*}" "${np#*:}" start
	done
	;;
stop)
	for np in $NODES; do
		node "${np%%:*}" "${np#*:}" stop "${1:-fast}"
	done
	;;
createdb)
	NAME=${1:?usage: citus.sh DIR PORT createdb NAME}
	for np in $NODES; do
		n=${np%%:*} p=${np#*:}
		if ! q "$n" "$p" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$NAME'" | grep -q 1; then
			"$BINDIR/createdb" -h "$(sockdir "$n")" -p "$p" -U postgres "$NAME"
			q "$n" "$p" "$NAME" -c "ALTER DATABASE \"$NAME\" SET search_path = \"\$user\", public, kkb"
		fi
		q "$n" "$p" "$NAME" -c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS citus"
		# the working roles log in with a password only, which Citus alone holds (kkb.sebarkan_akses,
		# docs/SCALE.md): nobody connects as them by hand, as on a real cluster
		hba=$(q "$n" "$p" postgres -tAc "SHOW hba_file")
		grep -q '^local .*kkb_pokja' "$hba" ||
			sed -i '1i local   all   kkb_admin,kkb_pokja,kkb_opd,kkb_analis,kkb_provinsi,kkb_anon   scram-sha-256' "$hba"
		# a node connecting to itself uses its socket too
		q "$n" "$p" postgres -c "ALTER SYSTEM SET citus.local_hostname = '$(sockdir "$n")'" -c "SELECT pg_reload_conf()" >/dev/null
	done
	q koordinator "$PORT" "$NAME" -c "SET client_min_messages = warning" \
		-c "SELECT citus_set_coordinator_host('$(sockdir koordinator)', $PORT)" \
		-c "SELECT citus_add_node('$(sockdir pekerja1)', $((PORT + 1)))" \
		-c "SELECT citus_add_node('$(sockdir pekerja2)', $((PORT + 2)))" \
		-c "CREATE EXTENSION IF NOT EXISTS kampungkb CASCADE" \
		-c "CREATE EXTENSION IF NOT EXISTS kampungkb_demo" >/dev/null
	;;
psql)
	exec "$BINDIR/psql" -X -h "$(sockdir koordinator)" -p "$PORT" -U postgres "$@"
	;;
*)
	echo "citus: unknown command $CMD" >&2
	exit 2
	;;
esac

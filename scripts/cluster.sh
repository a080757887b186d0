#!/bin/sh
# cluster.sh - a private PostgreSQL cluster for kampungkb (never the system's).
#
# Usage: scripts/cluster.sh DIR PORT COMMAND [ARGS]
#   start            initdb DIR/pgdata if needed, then start it (idempotent)
#   stop [MODE]      stop it (MODE: fast (default), immediate, smart)
#   status           exit 0 when running
#   createdb NAME    create database NAME with the extension, if missing, and
#                    the demo generator (kampungkb_demo): these clusters are for
#                    development, demonstrations and tests
#   login NAME ROLE  a login role NAME (not a superuser), member of ROLE, with
#                    a password generated once and kept in DIR/NAME.password
#                    and in DIR/pgpass (libpq's passfile), both mode 0600; run
#                    after createdb (the kkb_* roles come with the extension).
#                    `make run` makes the gateway's login (gerbang, kkb_gateway)
#                    and a BI login (analis_bi, kkb_analis) this way
#   psql [ARGS]      psql as the cluster's superuser
#
# KKB_CLUSTER_FAST=1 turns durability off (throwaway test clusters);
# KKB_CLUSTER_PRELOAD=LIB preloads LIB at initdb time (citus, by scripts/citus.sh).
#
# PostgreSQL refuses to run as root: as root the server runs as the user
# `postgres`, which then owns DIR.  It listens on 127.0.0.1:PORT and on a unix
# socket in DIR.  Connections on the unix socket are trusted (development
# default); TCP connections (127.0.0.1) need a password (scram-sha-256), so the
# superuser, which has none, connects through the socket only.  (A cluster made
# before this rule keeps the trust of its pg_hba.conf until `make reset`.)
set -eu

DIR=${1:?usage: cluster.sh DIR PORT COMMAND}
PORT=${2:?usage: cluster.sh DIR PORT COMMAND}
CMD=${3:?usage: cluster.sh DIR PORT COMMAND}
shift 3

PG_CONFIG=${PG_CONFIG:-$(test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)}
BINDIR=$("$PG_CONFIG" --bindir)
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd -P)

# Who runs the server, and how we run commands as that user.
if [ "$(id -u)" -eq 0 ]; then
	RUNAS=postgres
	as_owner() { runuser -u "$RUNAS" -- "$@"; }
	chown "$RUNAS" "$DIR"
else
	RUNAS=$(id -un)
	as_owner() { "$@"; }
fi
# A parent directory closed to $RUNAS (e.g. a checkout under /root), or a path
# too long for a unix socket: keep the cluster under /tmp, symlinked from DIR.
if ! as_owner test -w "$DIR" || [ ${#DIR} -gt 90 ]; then
	alt=/tmp/kampungkb-$(printf '%s' "$DIR" | cksum | cut -d' ' -f1)
	echo "cluster: using $alt for $DIR ($RUNAS cannot reach it, or the socket path would be too long)" >&2
	mkdir -p "$alt"
	[ "$(id -u)" -ne 0 ] || chown "$RUNAS" "$alt"
	rmdir "$DIR" 2>/dev/null || rm -f "$DIR"
	ln -s "$alt" "$DIR"
	DIR=$alt
fi

DATA=$DIR/pgdata
LOG=$DIR/postgres.log

is_running() { as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

case "$CMD" in
start)
	if [ ! -f "$DATA/PG_VERSION" ]; then
		echo "cluster: initdb $DATA (port $PORT)"
		as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
			--locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
			{ cat "$DIR/initdb.log" >&2; exit 1; }
		cat >>"$DATA/postgresql.conf" <<CONF

# kampungkb private cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 200
shared_buffers = 256MB
work_mem = 16MB
maintenance_work_mem = 256MB
logging_collector = off
log_min_messages = warning
lc_messages = 'C'
CONF
		if [ "${KKB_CLUSTER_FAST:-0}" = 1 ]; then
			# throwaway test clusters: durability is not needed, speed is
			printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$DATA/postgresql.conf"
		fi
		if [ -n "${KKB_CLUSTER_PRELOAD:-}" ]; then
			# a node of a Citus cluster (scripts/citus.sh): the library is loaded at start, and
			# multi-node writes commit in two phases
			printf "shared_preload_libraries = '%s'\nmax_prepared_transactions = 200\n" "$KKB_CLUSTER_PRELOAD" >>"$DATA/postgresql.conf"
		fi
	fi
	if is_running; then
		exit 0
	fi
	as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null ||
		{ echo "cluster: the server did not start; the end of $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; }
	;;
stop)
	if is_running; then
		as_owner "$BINDIR/pg_ctl" -D "$DATA" -m "${1:-fast}" -w -t 60 stop >/dev/null
	fi
	;;
status)
	is_running
	;;
createdb)
	NAME=${1:?usage: cluster.sh DIR PORT createdb NAME}
	if ! "$BINDIR/psql" -X -q -h "$DIR" -p "$PORT" -U postgres -d postgres -tAc \
		"SELECT 1 FROM pg_database WHERE datname = '$NAME'" | grep -q 1; then
		"$BINDIR/createdb" -h "$DIR" -p "$PORT" -U postgres "$NAME"
		# kkb's operators (=, <@ on its types) are found without qualification
		"$BINDIR/psql" -X -q -h "$DIR" -p "$PORT" -U postgres -d "$NAME" \
			-c "ALTER DATABASE \"$NAME\" SET search_path = \"\$user\", public, kkb"
	fi
	"$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d "$NAME" \
		-c "SET client_min_messages = warning" -c "CREATE EXTENSION IF NOT EXISTS kampungkb CASCADE" \
		-c "CREATE EXTENSION IF NOT EXISTS kampungkb_demo"
	;;
login)
	NAME=${1:?usage: cluster.sh DIR PORT login NAME ROLE}
	ROLE=${2:?usage: cluster.sh DIR PORT login NAME ROLE}
	case "$NAME" in
	'' | [!a-z]* | *[!a-z0-9_]*) echo "cluster: login name $NAME: lower-case letters, digits and _, starting with a letter" >&2; exit 2 ;;
	esac
	# the password: made once, kept with the cluster (readable by this user only)
	if [ ! -s "$DIR/$NAME.password" ]; then
		(umask 077 && od -An -tx1 -N18 /dev/urandom | tr -d ' \n' >"$DIR/$NAME.password")
	fi
	PW=$(cat "$DIR/$NAME.password")
	# (the password goes in on stdin, never on a command line)
	{ printf '\\set sandi %s\n' "$PW"; cat <<'SQL'
SET client_min_messages = warning;
SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :'nama') AS baru \gset
\if :baru
CREATE ROLE :"nama" LOGIN;
\endif
ALTER ROLE :"nama" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'sandi';
GRANT :"peran" TO :"nama";
SQL
	} | "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres -v nama="$NAME" -v peran="$ROLE"
	# DIR/pgpass: one line per login (any host, this port, any database)
	(
		umask 077
		{ [ -f "$DIR/pgpass" ] && grep -v "^\*:$PORT:\*:$NAME:" "$DIR/pgpass" || true; } >"$DIR/pgpass.new"
		printf '*:%s:*:%s:%s\n' "$PORT" "$NAME" "$PW" >>"$DIR/pgpass.new"
		chmod 600 "$DIR/pgpass.new"
		mv "$DIR/pgpass.new" "$DIR/pgpass"
	)
	;;
psql)
	exec "$BINDIR/psql" -X -h "$DIR" -p "$PORT" -U postgres "$@"
	;;
*)
	echo "cluster: unknown command $CMD" >&2
	exit 2
	;;
esac

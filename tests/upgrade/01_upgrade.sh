#!/bin/sh
# 01_upgrade.sh - the upgrade chain: a database of every kept release
# (sql/upgrade/kampungkb--VERSION.sql) with data in it, updated by
# ALTER EXTENSION kampungkb UPDATE, must equal a fresh install of the current
# version and keep every row.
#
# It runs its own throwaway cluster (in $KKB_TEST_DIR/upgrade, port
# $KKB_TEST_PORT + 20, or KKB_UPGRADE_PORT), because roles are cluster-wide: the
# roles a release made must be upgraded too.  Per kept release V:
#   1. every C function of V's script is exported by the installed kampungkb.so
#      (an old script binds to the current library);
#   2. a fresh install of the current version: its schema (tests/upgrade/katalog.sql)
#      and roles (roles.sql) are recorded, then the database and the kkb_* roles
#      are dropped;
#   3. V is installed, loaded with V's own demo generator (kkb.hasilkan, a
#      kecamatan of Kota Pariaman at a small scale; in kampungkb up to 0.1.0,
#      from 0.2.0 on the release's kampungkb_demo, whose script is kept as
#      sql/upgrade/kampungkb_demo--V.sql) plus the rows the generator
#      does not write (a value entered by hand, an approval state, a warning,
#      a token), so
#      that every table of the extension has rows; a copy of every table (each
#      column as text) is kept in schema lama;
#   4. ALTER EXTENSION kampungkb UPDATE: the version is the current one,
#      kkb.hasilkan is gone (it moved to kampungkb_demo);
#   5. rows: every table of V has the same count and the same checksum (md5 of
#      its rows in order, over the columns V and the current version share);
#   6. schema: the catalogue listing of katalog.sql equals the fresh install's -
#      members of the extension, definitions of functions, views, tables and
#      columns (in order), constraints, indexes, triggers, policies, types,
#      operators, casts, owners, privileges, initial privileges, comments,
#      dumped tables - and so do the roles; on a difference the diff is shown;
#   7. CREATE EXTENSION kampungkb_demo works on the upgraded database and its
#      generator writes another kecamatan.
# A change to sql/install/ that an upgrade step (sql/upgrade/FROM--TO/) does
# not carry shows up in 6 and fails `make test`.
set -eu
cd "$(dirname "$0")/../.."

PG_CONFIG=${PG_CONFIG:-$(test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)}
export PG_CONFIG
TEST_DIR=${KKB_TEST_DIR:-.test}
mkdir -p "$TEST_DIR"
DIR=$(cd "$TEST_DIR" && pwd -P)/upgrade
PORT=${KKB_UPGRADE_PORT:-$((${KKB_TEST_PORT:-54316} + 20))}
# the listings compared (katalog, roles, baris) stay here for a look after a failure
WORK=$(cd "$TEST_DIR" && pwd -P)/upgrade-work
CURRENT=$(sed -n "s/^default_version = '\(.*\)'/\1/p" extension/kampungkb.control)

cluster() { scripts/cluster.sh "$DIR" "$PORT" "$@"; }
cleanup() {
	cluster stop immediate >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

TAP_N=0
TAP_FAILED=0
ok() {   # ok STATUS NAME
	TAP_N=$((TAP_N + 1))
	if [ "$1" -eq 0 ]; then echo "ok $TAP_N - $2"; else TAP_FAILED=$((TAP_FAILED + 1)); echo "not ok $TAP_N - $2"; fi
}
is() {   # is GOT WANT NAME
	if [ "$1" = "$2" ]; then ok 0 "$3"; else ok 1 "$3"; printf '#          got: %s\n#     expected: %s\n' "$1" "$2"; fi
}
diag() { sed 's/^/# /'; }
# sql DB SQL...: one value per line, stops on the first error (its message on stderr)
sql() {
	db=$1
	shift
	cluster psql -q -v ON_ERROR_STOP=1 -tA -d "$db" -c "SET client_min_messages = warning" "$@"
}
# the cluster's kkb_* roles, dropped (with the database they were used in gone first)
drop_roles() {
	for r in $(sql postgres -c "SELECT rolname FROM pg_roles WHERE rolname LIKE 'kkb\_%' ORDER BY 1"); do
		sql postgres -c "DROP ROLE \"$r\""
	done
}

cluster stop immediate >/dev/null 2>&1 || true
[ -e "$DIR" ] && rm -rf "$(cd "$DIR" && pwd -P)"
rm -rf "$DIR" "$WORK"
mkdir -p "$WORK"
KKB_CLUSTER_FAST=1 cluster start >/dev/null

OLD_VERSIONS=$(ls sql/upgrade/ | sed -n 's/^kampungkb--\([^-]*\)\.sql$/\1/p' | sort -V)
LIB=$("$PG_CONFIG" --pkglibdir)/kampungkb.so

for V in $OLD_VERSIONS; do
	echo "# from $V to $CURRENT"

	# ------------------------------------------------------------ 1. the C symbols of V
	missing=
	for s in $(grep -o "'MODULE_PATHNAME', '[A-Za-z0-9_]*'" "sql/upgrade/kampungkb--$V.sql" | sed "s/.*, '\(.*\)'/\1/" | sort -u); do
		for want in "$s" "pg_finfo_$s"; do
			nm -D --defined-only "$LIB" | awk '{ print $NF }' | grep -qx "$want" || missing="$missing $want"
		done
	done
	n_sym=$(grep -o "'MODULE_PATHNAME', '[A-Za-z0-9_]*'" "sql/upgrade/kampungkb--$V.sql" | sort -u | wc -l)
	is "${missing:-none}" none "$V: the $n_sym C functions its script names are exported by the installed kampungkb.so"

	# ------------------------------------------------------------ 2. a fresh install of the current version
	sql postgres -c "CREATE DATABASE baru"
	sql baru -c "CREATE EXTENSION kampungkb"
	is "$(sql baru -c "SELECT extversion FROM pg_extension WHERE extname = 'kampungkb'")" "$CURRENT" \
		"CREATE EXTENSION kampungkb installs $CURRENT"
	sql baru -f tests/upgrade/katalog.sql > "$WORK/baru.katalog"
	sql baru -f tests/upgrade/roles.sql > "$WORK/baru.roles"
	sql postgres -c "DROP DATABASE baru"
	drop_roles

	# ------------------------------------------------------------ 3. V with data
	sql postgres -c "CREATE DATABASE naik"
	sql naik -c "CREATE EXTENSION kampungkb VERSION '$V'"
	is "$(sql naik -c "SELECT extversion FROM pg_extension WHERE extname = 'kampungkb'")" "$V" \
		"CREATE EXTENSION kampungkb VERSION '$V' installs the kept script"
	# Kecamatan Pariaman Selatan, three months, with V's own generator: part of kampungkb up to 0.1.0, the
	# release's kampungkb_demo (its script kept as sql/upgrade/kampungkb_demo--V.sql) after; then what it does not write
	demo_ext=
	if [ "$(sql naik -c "SELECT count(*) FROM pg_proc WHERE proname = 'hasilkan'")" = 0 ]; then
		sql naik -c "CREATE EXTENSION kampungkb_demo VERSION '$V'"
		demo_ext=1
	fi
	sql naik -c "SELECT count(*) FROM kkb.hasilkan('13.77.01', 0.3, 5, 3, '2026-10-01')" \
		-c "INSERT INTO kkb.nilai (kode_desa, periode, kode_elemen, nilai)
		    SELECT kode_desa, '2026-10-01', 'balita_stunting', 3 FROM kkb.kampung ORDER BY kode_desa LIMIT 1" \
		-c "INSERT INTO kkb.periode_status (kode_desa, periode, status)
		    SELECT kode_desa, '2026-09-01', 'diajukan' FROM kkb.kampung ORDER BY kode_desa LIMIT 1" \
		-c "INSERT INTO kkb.peringatan (kode_desa, tabel, kunci, kode, pesan)
		    SELECT kode_desa, 'kampung', jsonb_build_object('kode_desa', kode_desa::text), 'uji', 'a warning written by hand'
		      FROM kkb.kampung ORDER BY kode_desa LIMIT 1" \
		-c "SELECT kkb.token_buat('kkb_pokja', (SELECT kode_desa FROM kkb.kampung ORDER BY kode_desa LIMIT 1), 'uji-naik') IS NOT NULL" >/dev/null
	[ -z "$demo_ext" ] || sql naik -c "DROP EXTENSION kampungkb_demo"
	# the copy: every table of the extension, each column as text
	sql naik -c "CREATE SCHEMA lama" -c "DO \$\$
		DECLARE t record;
		BEGIN
			FOR t IN SELECT c.oid, c.relname FROM pg_class c
			          WHERE c.relnamespace = 'kkb'::regnamespace AND c.relkind IN ('r', 'p') LOOP
				EXECUTE format('CREATE TABLE lama.%I AS SELECT %s FROM kkb.%I', t.relname,
				               (SELECT string_agg(format('%I::text AS %I', attname, attname), ', ' ORDER BY attnum)
				                  FROM pg_attribute WHERE attrelid = t.oid AND attnum > 0 AND NOT attisdropped), t.relname);
			END LOOP;
		END \$\$"
	empty=$(sql naik -c "DO \$\$
		DECLARE t text; n bigint; e text := '';
		BEGIN
			FOR t IN SELECT relname FROM pg_class WHERE relnamespace = 'lama'::regnamespace AND relkind = 'r' ORDER BY 1 LOOP
				EXECUTE format('SELECT count(*) FROM lama.%I', t) INTO n;
				IF n = 0 THEN e := e || ' ' || t; END IF;
			END LOOP;
			PERFORM set_config('uji.kosong', e, false);
		END \$\$" -c "SELECT coalesce(nullif(btrim(current_setting('uji.kosong')), ''), 'none')")
	n_tables=$(sql naik -c "SELECT count(*) FROM pg_class WHERE relnamespace = 'lama'::regnamespace AND relkind = 'r'")
	is "$empty" none "$V with demo data: each of its $n_tables tables has rows (tables without: $empty)"

	# ------------------------------------------------------------ 4. the update
	if out=$(sql naik -c "ALTER EXTENSION kampungkb UPDATE" 2>&1); then st=0; else st=1; fi
	ok $st "ALTER EXTENSION kampungkb UPDATE from $V"
	[ $st -eq 0 ] || printf '%s\n' "$out" | diag
	is "$(sql naik -c "SELECT extversion FROM pg_extension WHERE extname = 'kampungkb'") $(sql naik -c "SELECT kkb.versi()")" \
		"$CURRENT $CURRENT" "after the update the extension and the library are $CURRENT"
	is "$(sql naik -c "SELECT count(*) FROM pg_proc WHERE proname IN ('hasilkan', 'hasilkan_hapus') OR proname LIKE '\_gen\_%'")" 0 \
		"the update removes the demo generator from kampungkb"

	# ------------------------------------------------------------ 5. the rows
	sql naik -f tests/upgrade/baris.sql > "$WORK/naik.baris"
	n_rows=$(awk -F'|' '{ s += $2 } END { print s + 0 }' "$WORK/naik.baris")
	# a step may change reference rows on purpose (e.g. translated texts): it lists those tables, one a line with
	# its reason, in sql/upgrade/FROM--TO/baris_berubah.txt; their rows must still all be there (same count)
	berubah=$(sed -e 's/#.*//' "sql/upgrade/$V--$CURRENT/baris_berubah.txt" 2>/dev/null | tr -s ' \n' ' ')
	# and a step may drop an internal table that no longer serves anything: tabel_dihapus.txt, one a line with its reason
	dihapus=$(sed -e 's/#.*//' "sql/upgrade/$V--$CURRENT/tabel_dihapus.txt" 2>/dev/null | tr -s ' \n' ' ')
	is "$(awk -F'|' -v b=" $berubah " -v h=" $dihapus " 'index(h, " " $1 " ") > 0 { next } $4 != "same" && index(b, " " $1 " ") == 0 { print $1 } $2 != $3 { print $1 }' "$WORK/naik.baris" | sort -u | tr '\n' ' ')" "" \
		"every row survived the update: the same count and checksum in each of the $n_tables tables ($n_rows rows; changed on purpose by the step: ${berubah:-none}; dropped on purpose: ${dihapus:-none})"
	for t in $dihapus; do
		is "$(awk -F'|' -v t="$t" '$1 == t { print $3 == "" ? "gone" : "still there" }' "$WORK/naik.baris")" gone "  $t, dropped on purpose by the step, is gone"
	done
	awk -F'|' '$4 != "same" { printf "%s: %s rows before, %s after, checksums %s (columns %s)\n", $1, $2, $3, $4, $5 }' \
		"$WORK/naik.baris" | diag

	# ------------------------------------------------------------ 6. the schema and the roles
	sql naik -f tests/upgrade/katalog.sql > "$WORK/naik.katalog"
	sql naik -f tests/upgrade/roles.sql > "$WORK/naik.roles"
	if diff -u --label "fresh $CURRENT" --label "$V updated" "$WORK/baru.katalog" "$WORK/naik.katalog" > "$WORK/katalog.diff"; then st=0; else st=1; fi
	ok $st "the schema after the update from $V is the schema of a fresh install ($(wc -l < "$WORK/baru.katalog") catalogue facts compared)"
	if [ $st -ne 0 ]; then
		echo "the upgrade step misses these differences ('-' fresh install, '+' upgraded; sql/upgrade/README.md):" | diag
		diag < "$WORK/katalog.diff"
	fi
	if diff -u --label "fresh $CURRENT" --label "$V updated" "$WORK/baru.roles" "$WORK/naik.roles" > "$WORK/roles.diff"; then st=0; else st=1; fi
	ok $st "the roles after the update from $V are the roles of a fresh install ($(wc -l < "$WORK/baru.roles") facts)"
	[ $st -eq 0 ] || diag < "$WORK/roles.diff"

	# ------------------------------------------------------------ 7. the demo extension on the upgraded database
	if out=$(sql naik -c "CREATE EXTENSION kampungkb_demo" \
	                  -c "SELECT sum(baris) FROM kkb.hasilkan('13.77.02', 0.1, 5, 1, '2026-10-01') WHERE tabel = 'kampung'" 2>&1); then
		st=0
	else
		st=1
	fi
	ok $st "CREATE EXTENSION kampungkb_demo on the upgraded database, and its kkb.hasilkan writes another kecamatan"
	[ $st -eq 0 ] || printf '%s\n' "$out" | diag
	sql postgres -c "DROP DATABASE naik"
	drop_roles
done

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}
done_testing

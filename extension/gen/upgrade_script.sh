#!/bin/sh
# upgrade_script.sh STEPDIR INSTALLDIR [IDENT_TYPE...] - writes on stdout the
# upgrade script kampungkb--FROM--TO.sql assembled from the directory
# STEPDIR = .../sql/upgrade/FROM--TO/, whose entries are taken in name order
# (LC_ALL=C), so that each change adds its own numbered files:
#
#   NN_name.sql      hand-written SQL, copied as it is: ALTER TABLE, new
#                    tables, types, triggers and policies, DROP of removed
#                    objects, data migrations
#   NN_name.replay   names of install parts (files of INSTALLDIR), one a line,
#                    '#' starts a comment; each part is copied with CREATE
#                    FUNCTION/PROCEDURE/VIEW turned into CREATE OR REPLACE, so a
#                    changed function is written once, in its install part.
#                    A replayed part may hold only functions, procedures,
#                    views, COMMENT, GRANT/REVOKE and pg_extension_config_dump
#                    calls (checked here, statement starts at column 0).
#
# A *.sql.tmpl part is written out once per IDENT_TYPE (@T@ replaced), as the
# install script does.  See sql/upgrade/README.md.
set -eu
STEP=${1:?usage: upgrade_script.sh STEPDIR INSTALLDIR [IDENT_TYPE...]}
INSTALL=${2:?usage: upgrade_script.sh STEPDIR INSTALLDIR [IDENT_TYPE...]}
shift 2
NAME=$(basename "$STEP")
FROM=${NAME%%--*}
TO=${NAME#*--}
case "$FROM$TO" in *-*|'') echo "upgrade_script.sh: $STEP is not named FROM--TO" >&2; exit 1 ;; esac

# the statements a replayed part may hold (lines starting at column 0)
check_replayable() {
	awk -v part="$2" '
		# the query of a view (from CREATE VIEW to the semicolon) is part of it
		view && /^(SELECT|WITH)([ \t(]|$)/ { if ($0 ~ /;[ \t]*$/) view = 0; next }
		view && /;[ \t]*$/ { view = 0 }
		/^CREATE (OR REPLACE )?VIEW[ \t]/ && $0 !~ /;[ \t]*$/ { view = 1 }
		/^(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|TRUNCATE|COPY|DO|SELECT|WITH|SET|RESET|CALL|SECURITY|IMPORT)([ \t(]|$)/ {
			if ($0 ~ /^CREATE (OR REPLACE )?(FUNCTION|PROCEDURE|VIEW)[ \t]/) next
			if ($0 ~ /^SELECT pg_catalog\.pg_extension_config_dump\(/) next
			printf "upgrade_script.sh: %s line %d cannot be replayed by an upgrade: %s\n", part, NR, $0 > "/dev/stderr"
			bad = 1
		}
		END { exit bad }' "$1" ||
	{ echo "upgrade_script.sh: take $2 out of the .replay list and write the change as a .sql fragment (sql/upgrade/README.md)" >&2; exit 1; }
}

replay() {   # file label
	check_replayable "$1" "$2"
	printf '\n-- ---- replayed: sql/install/%s ----\n' "$2"
	sed -e 's/^CREATE FUNCTION\([ \t]\)/CREATE OR REPLACE FUNCTION\1/' \
	    -e 's/^CREATE PROCEDURE\([ \t]\)/CREATE OR REPLACE PROCEDURE\1/' \
	    -e 's/^CREATE VIEW\([ \t]\)/CREATE OR REPLACE VIEW\1/' "$1"
}

printf '%s\n' "-- kampungkb $FROM -> $TO upgrade script, assembled from sql/upgrade/$NAME/ (do not edit)"
printf '%s\n' "\\echo Use \"ALTER EXTENSION kampungkb UPDATE TO '$TO'\" to load this file. \\quit"
n=0
for f in $(cd "$STEP" && LC_ALL=C ls); do
	n=$((n + 1))
	case "$f" in
	*.sql)
		printf '\n-- ---- sql/upgrade/%s/%s ----\n' "$NAME" "$f"
		cat "$STEP/$f" ;;
	*.replay)
		for part in $(sed -e 's/#.*//' "$STEP/$f"); do
			src=$INSTALL/$part
			[ -f "$src" ] || { echo "upgrade_script.sh: $STEP/$f names $part, which is not in $INSTALL" >&2; exit 1; }
			case "$part" in
			*.tmpl)
				tmp=$(mktemp)
				for t in "$@"; do
					sed "s/@T@/$t/g" "$src" > "$tmp"
					replay "$tmp" "$part for $t"
				done
				rm -f "$tmp" ;;
			*) replay "$src" "$part" ;;
			esac
		done ;;
	baris_berubah.txt | tabel_dihapus.txt)
		n=$((n - 1)) ;;			# for the upgrade test: tables whose rows the step changes, or that it drops, on purpose
	*)
		echo "upgrade_script.sh: $STEP/$f is neither a .sql fragment nor a .replay list" >&2
		exit 1 ;;
	esac
done
[ "$n" -gt 0 ] || { echo "upgrade_script.sh: $STEP is empty" >&2; exit 1; }

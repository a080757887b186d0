#!/bin/sh
# citus_install.sh - install Citus for this PostgreSQL when it is missing, from a Citus source
# tarball (for machines that reach no Citus package: CI).  A user's machine installs Citus from
# Citus's own packages instead (docs/SCALE.md, "Installing Citus").
#
# Usage: scripts/citus_install.sh SOURCE_DIR
#   SOURCE_DIR holds citus-13.2.2.tar.gz and its patch for PostgreSQL 15.20
#   (pg15.20-have_createdb_privilege.patch), as ../shared/vendor/citus/ does.
# The build is kept in /var/cache/kampungkb/citus-<version> (KKB_CITUS_CACHE), keyed by the
# tarball's sha256: a second run only installs it (seconds), the first builds (about 3 minutes).
set -eu
SRC=$(cd "${1:?usage: citus_install.sh SOURCE_DIR}" && pwd)
PG_CONFIG=${PG_CONFIG:-$(test -x /usr/lib/postgresql/15/bin/pg_config && echo /usr/lib/postgresql/15/bin/pg_config || echo pg_config)}
LIBDIR=$("$PG_CONFIG" --pkglibdir)
if [ -f "$LIBDIR/citus.so" ] && [ -f "$("$PG_CONFIG" --sharedir)/extension/citus.control" ]; then
	echo "citus: installed already ($LIBDIR/citus.so)"
	exit 0
fi
TARBALL=$SRC/citus-13.2.2.tar.gz
PATCH=$SRC/pg15.20-have_createdb_privilege.patch
[ -f "$TARBALL" ] || { echo "citus: $TARBALL is missing; install Citus from its packages (docs/SCALE.md)" >&2; exit 3; }
SUM=$(sha256sum "$TARBALL" | cut -c1-16)
CACHE=${KKB_CITUS_CACHE:-/var/cache/kampungkb}/citus-13.2.2-$SUM
# the build's packages (Debian)
PKGS="postgresql-server-dev-15 liblz4-dev libzstd-dev libkrb5-dev libselinux1-dev libpam0g-dev libxslt1-dev libreadline-dev libssl-dev"
missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "citus: installing the build's packages:$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
fi
if [ ! -f "$CACHE/.built" ]; then
	echo "citus: building Citus 13.2.2 in $CACHE (about 3 minutes on 2 cores)"
	rm -rf "$CACHE" && mkdir -p "$CACHE"
	tar xzf "$TARBALL" -C "$CACHE" --strip-components=1
	(cd "$CACHE" && patch -p1 -s < "$PATCH" &&
		./configure --without-libcurl PG_CONFIG="$PG_CONFIG" >configure.out 2>&1 &&
		make -j"$(nproc)" >make.out 2>&1) ||
		{ echo "citus: the build failed; the end of its log:" >&2; tail -20 "$CACHE"/make.out "$CACHE"/configure.out >&2 2>/dev/null; exit 1; }
	touch "$CACHE/.built"
fi
(cd "$CACHE" && make install >install.out 2>&1) || { echo "citus: make install failed (see $CACHE/install.out)" >&2; exit 1; }
echo "citus: installed from $CACHE"

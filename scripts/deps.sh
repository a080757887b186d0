#!/bin/sh
# deps.sh - check for, and as root install, the Debian packages kampungkb needs.
#
# Fast no-op when everything is present.  Not root and something missing: print
# the exact apt-get command and fail.  Package lists may be empty on a fresh
# machine, so `apt-get update` runs once before installing.
set -eu

PKGS="postgresql-15 postgresql-server-dev-15 postgresql-contrib libpq-dev libmicrohttpd-dev libjansson-dev libssl-dev
postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl gcc make pkg-config clang libclang-rt-14-dev curl jq procps
chromium"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	exit 0
fi

echo "deps: missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: run as root, or install them first with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "deps: apt-get update"
apt-get update -q >/dev/null
echo "deps: apt-get install -y$missing"
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
echo "deps: done"

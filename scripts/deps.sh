#!/bin/sh
# deps.sh - check for, and as root install, the Debian packages kampungkb needs.
#
#   scripts/deps.sh          what make, make run and make test need
#   scripts/deps.sh bench    that, and the benchmarks' tools (make bench): wrk for
#                            the gateway benchmarks (pgbench comes with postgresql-15)
#
# Fast no-op when everything is present.  Not root and something missing: print
# the exact apt-get command and fail (for a missing benchmark tool: say which
# benchmarks will be skipped, and go on).  Package lists may be empty on a fresh
# machine, so `apt-get update` runs once before installing.
set -eu

PKGS="postgresql-15 postgresql-server-dev-15 postgresql-contrib libpq-dev libmicrohttpd-dev libjansson-dev libssl-dev r-mathlib libqrencode-dev
libxlsxwriter-dev python3-openpyxl python3-jsonschema postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl gcc make pkg-config clang libclang-rt-14-dev curl jq procps
chromium"
BENCH_PKGS="wrk"

case "${1:-}" in
"") extra="" ;;
bench) extra=$BENCH_PKGS ;;
*) echo "deps: unknown argument \"$1\": expected nothing, or bench" >&2; exit 2 ;;
esac

missing_of() {
	out=""
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			out="$out $p"
		fi
	done
	printf '%s' "$out"
}

# shellcheck disable=SC2086
missing=$(missing_of $PKGS)
# shellcheck disable=SC2086
missing_extra=$(missing_of $extra)

if [ -z "$missing$missing_extra" ]; then
	exit 0
fi

echo "deps: missing Debian packages:$missing$missing_extra"
if [ "$(id -u)" -ne 0 ]; then
	if [ -z "$missing" ]; then
		echo "deps: the gateway benchmarks need$missing_extra and will be skipped; to run them, install it first with:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y$missing_extra" >&2
		exit 0
	fi
	echo "deps: run as root, or install them first with:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing$missing_extra" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "deps: apt-get update"
apt-get update -q >/dev/null
echo "deps: apt-get install -y$missing$missing_extra"
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing $missing_extra
echo "deps: done"

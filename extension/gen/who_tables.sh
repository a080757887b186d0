#!/bin/sh
# who_tables.sh - generate the WHO Child Growth Standards LMS tables as C source.
#
# Usage:  sh extension/gen/who_tables.sh <datadir> > extension/src/core/who_tables.c
#
# Reads the five vendored CSV files of <datadir> (who_lhfa_lms.csv, who_wfa_lms.csv,
# who_bfa_lms.csv, who_wfl_lms.csv, who_wfh_lms.csv), checks every row (header, field
# count, number syntax, sex order 1 then 2, no gap, no duplicate, no reordering, the
# L/H measure column, L != 0, M > 0, S > 0, the exact row count) and prints one C
# translation unit that defines the arrays declared in extension/src/core/zscore.h:
#
#   kkb_who_lhfa / kkb_who_wfa / kkb_who_bfa [2][KKB_DAY_ROWS]   index [sex-1][age_days]
#   kkb_who_wfl [2][KKB_WFL_ROWS]    index [sex-1][length_cm*10 - 450]
#   kkb_who_wfh [2][KKB_WFH_ROWS]    index [sex-1][height_cm*10 - 650]
#
# Numbers are copied verbatim from the CSV into C literals, so the compiler parses them
# exactly as R parses them in the anthro package (no awk number formatting involved).
# Portable: POSIX sh and POSIX awk only (tested with Debian's mawk and with gawk).
# On any problem it prints a message naming file and line to stderr, prints nothing
# on stdout, and exits non-zero.
set -eu

if [ "$#" -ne 1 ]; then
	echo "usage: $0 <datadir>  (prints C source on stdout)" >&2
	exit 2
fi
datadir=$1

# gen_table FILE CNAME KIND HEADER FIRST LAST
#   KIND  day  key is an integer day, FIRST..LAST; optional 6th column measure (L < 731 <= H)
#         cm   key is a length with exactly one decimal, index = tenths; FIRST..LAST in tenths
gen_table() {
	file=$datadir/$1
	if [ ! -r "$file" ]; then
		echo "who_tables.sh: cannot read $file" >&2
		return 1
	fi
	awk -v file="$file" -v cname="$2" -v kind="$3" -v header="$4" \
	    -v first="$5" -v last="$6" '
	function fail(msg) {
		printf "who_tables.sh: %s line %d: %s\n", file, NR, msg > "/dev/stderr"
		failed = 1
		exit 1
	}
	function isnum(v) {
		return v ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/
	}
	BEGIN {
		failed = 0
		rows = last - first + 1
		cur_sex = 0
		next_key = first
		ncols = split(header, hcols, ",")
		out = ""
	}
	{ sub(/\r$/, "") }
	NR == 1 {
		if ($0 != header)
			fail("header is \"" $0 "\", expected \"" header "\"")
		next
	}
	$0 == "" { blank = NR; next }
	{
		if (blank)
			fail("data after an empty line (line " blank ")")
		n = split($0, f, ",")
		if (n != ncols)
			fail("has " n " fields, expected " ncols)
		if (f[1] != "1" && f[1] != "2")
			fail("sex \"" f[1] "\" is not 1 or 2")
		sex = f[1] + 0
		if (sex != cur_sex) {
			if (sex != cur_sex + 1)
				fail("sex " sex " out of order (sex 1 rows first, then sex 2)")
			if (cur_sex == 1 && next_key != last + 1)
				fail("sex 1 ends early: next expected key " next_key ", got sex 2")
			if (cur_sex == 1)
				out = out "\t},\n"
			out = out "\t{ /* sex " sex (sex == 1 ? " (male)" : " (female)") " */\n"
			cur_sex = sex
			next_key = first
		}
		if (kind == "day") {
			if (f[2] !~ /^[0-9]+$/)
				fail("age_days \"" f[2] "\" is not a non-negative integer")
			key = f[2] + 0
		} else {
			if (f[2] !~ /^[0-9]+\.[0-9]$/)
				fail("length \"" f[2] "\" is not of the form NNN.N")
			dot = index(f[2], ".")
			key = substr(f[2], 1, dot - 1) * 10 + substr(f[2], dot + 1, 1)
		}
		if (key != next_key) {
			if (key < next_key)
				fail("key " f[2] " duplicated or out of order (expected index " next_key ")")
			fail("gap: key " f[2] " found where index " next_key " was expected")
		}
		if (key > last)
			fail("key " f[2] " beyond the last expected index " last)
		for (i = 3; i <= 5; i++)
			if (!isnum(f[i]))
				fail("field " i " \"" f[i] "\" is not a number")
		if (f[3] + 0 == 0)
			fail("L is 0 (the z-score formula needs L != 0)")
		if (!(f[4] + 0 > 0))
			fail("M \"" f[4] "\" is not positive")
		if (!(f[5] + 0 > 0))
			fail("S \"" f[5] "\" is not positive")
		if (ncols == 6) {
			want = (key < 731) ? "L" : "H"
			if (f[6] != want)
				fail("measure \"" f[6] "\" at day " key ", expected " want)
		}
		out = out "\t\t{" f[3] ", " f[4] ", " f[5] "}, /* " f[2] " */\n"
		next_key = key + 1
	}
	END {
		if (failed)
			exit 1
		if (NR < 2)
			fail("no data rows")
		if (cur_sex != 2)
			fail("sex 2 rows missing")
		if (next_key != last + 1)
			fail("sex 2 ends early: next expected index " next_key ", last is " last)
		printf "_Static_assert(%s == %d, \"%s row count differs from the data\");\n", \
			(kind == "day" ? "KKB_DAY_ROWS" : (cname == "kkb_who_wfl" ? "KKB_WFL_ROWS" : "KKB_WFH_ROWS")), \
			rows, cname
		printf "const struct kkb_lms %s[2][%d] = {\n%s\t},\n};\n\n", cname, rows, out
	}
	' "$file"
}

body=$(
	gen_table who_lhfa_lms.csv kkb_who_lhfa day "sex,age_days,l,m,s,measure" 0 1826 &&
	gen_table who_wfa_lms.csv  kkb_who_wfa  day "sex,age_days,l,m,s"         0 1826 &&
	gen_table who_bfa_lms.csv  kkb_who_bfa  day "sex,age_days,l,m,s,measure" 0 1826 &&
	gen_table who_wfl_lms.csv  kkb_who_wfl  cm  "sex,length_cm,l,m,s"        450 1100 &&
	gen_table who_wfh_lms.csv  kkb_who_wfh  cm  "sex,height_cm,l,m,s"        650 1200
) || { echo "who_tables.sh: failed, no output written" >&2; exit 1; }

cat <<'EOF'
/*
 * who_tables.c - WHO Child Growth Standards LMS tables, 0-60 months.
 *
 * GENERATED FILE - DO NOT EDIT.  Produced by extension/gen/who_tables.sh from
 * extension/data/who/who_{lhfa,wfa,bfa,wfl,wfh}_lms.csv.
 *
 * Source: WHO Child Growth Standards 2006 (World Health Organization), via the
 * anthro R package (github.com/WorldHealthOrganization/anthro,
 * data-raw/growthstandards).  Each row is {L, M, S}; the comment is the CSV key
 * (age in days, or length/height in cm).  Declared in zscore.h.
 */
#include "zscore.h"

EOF
printf '%s\n' "$body"

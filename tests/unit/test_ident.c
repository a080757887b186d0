/*
 * test_ident.c - TAP unit tests for the identifier core (extension/src/core/ident.c):
 * NIK, No. KK and kode wilayah parsing, checking, printing, accessors, the region-code
 * encoding's range/containment property, and the province table against the CSV.
 *
 * Usage: test_ident [path/to/wilayah_all.csv]
 *        (default "extension/data/wilayah/wilayah_all.csv", relative to the repo root)
 */
#include "tap.h"
#include "ident.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>

/* ------------------------------------------------------------------------- */
/* helpers                                                                     */
/* ------------------------------------------------------------------------- */

typedef int (*parse_fn) (const char *, size_t, int64_t *, kkb_error *);

/* in[0, len) with control and non-ASCII bytes escaped, for one-line test names. */
static const char *
show(const char *in, size_t len, char *buf, size_t size)
{
	size_t		n = 0;

	for (size_t i = 0; i < len && n + 5 < size; i++)
	{
		unsigned char c = (unsigned char) in[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf[n++] = (char) c;
		else
			n += (size_t) snprintf(buf + n, size - n, "\\x%02X", (unsigned) c);
	}
	buf[n] = '\0';
	return buf;
}

/* One parse case: expected code and, when KKB_OK, the expected value. */
static void
parse_case(parse_fn fn, const char *what, const char *raw, int want_code, int64_t want)
{
	int64_t		got = -12345;
	kkb_error	err;
	char		in[200];
	int			rc = fn(raw, strlen(raw), &got, &err);

	show(raw, strlen(raw), in, sizeof(in));

	if (want_code == KKB_OK)
	{
		if (!tap_ok(rc == KKB_OK && got == want, __FILE__, __LINE__, "%s \"%s\" -> %" PRId64, what, in, want))
			diag("got code %s (%s), value %" PRId64, kkb_errcode_name(rc), err.detail, got);
	}
	else
	{
		if (!tap_ok(rc == want_code && err.code == want_code && err.detail[0] != '\0' && got == -12345,
					__FILE__, __LINE__, "%s \"%s\" -> error %s", what, in, kkb_errcode_name(want_code)))
			diag("got code %s (%s)", kkb_errcode_name(rc), err.detail);
	}
}

#define NIK(in, code, val) parse_case(kkb_nik_parse, "nik", in, code, val)
#define KK(in, code, val) parse_case(kkb_kk_parse, "no_kk", in, code, val)
#define KODE(in, code, val) parse_case(kkb_kode_parse, "kode", in, code, val)

/* The detail (and hint presence) of one failing parse. */
static void
detail_case(parse_fn fn, const char *in, size_t len, const char *want_detail)
{
	int64_t		got;
	kkb_error	err;

	char		shown[200];

	fn(in, len, &got, &err);
	is_str(err.detail, want_detail, "detail for \"%s\"", show(in, len, shown, sizeof(shown)));
}

/* deterministic PRNG (xorshift64*) so that failures are reproducible */
static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

static int
rnd(int lo, int hi)				/* inclusive */
{
	return lo + (int) (rng() % (uint64_t) (hi - lo + 1));
}

/* Independent oracle for "code a is ancestor-or-equal of b": dotted prefix. */
static int
prefix_oracle(int64_t a, int64_t b)
{
	char		sa[KKB_KODE_BUFLEN],
				sb[KKB_KODE_BUFLEN];
	size_t		na = kkb_kode_format(a, sa);

	kkb_kode_format(b, sb);
	return strncmp(sa, sb, na) == 0 && (sb[na] == '\0' || sb[na] == '.');
}

/* Encode from parts the slow, obvious way (independent of ident.c). */
static int64_t
enc_of(int level, int p, int k, int c, int d)
{
	int64_t		padded = (int64_t) p * 100000000;

	if (level >= 2)
		padded += (int64_t) k * 1000000;
	if (level >= 3)
		padded += (int64_t) c * 10000;
	if (level >= 4)
		padded += d;
	return padded * 10 + level;
}

static int
cmp_int(const void *a, const void *b)
{
	int			x = *(const int *) a,
				y = *(const int *) b;

	return (x > y) - (x < y);
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t		x = *(const int64_t *) a,
				y = *(const int64_t *) b;

	return (x > y) - (x < y);
}

/* Independent leap-year rule for the date oracle. */
static int
leap(int y)
{
	return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

static int
date_exists(int y, int m, int d)
{
	static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= dim[m] + (m == 2 && leap(y));
}

/* ------------------------------------------------------------------------- */
/* NIK                                                                         */
/* ------------------------------------------------------------------------- */

static void
test_nik_parse(void)
{
	/* valid, and the accepted groupings */
	NIK("1377014105900001", KKB_OK, INT64_C(1377014105900001));
	NIK("1377 0141 0590 0001", KKB_OK, INT64_C(1377014105900001));
	NIK("1377.0141.0590.0001", KKB_OK, INT64_C(1377014105900001));
	NIK("13-77-01-410590-0001", KKB_OK, INT64_C(1377014105900001));
	NIK("13.77.01.41.05.90.0001", KKB_OK, INT64_C(1377014105900001));
	NIK("1377 014105900001", KKB_OK, INT64_C(1377014105900001));
	NIK("1377-0141.0590 0001", KKB_OK, INT64_C(1377014105900001));
	NIK("  1377014105900001\t\r\n", KKB_OK, INT64_C(1377014105900001));
	NIK("1377010105900001", KKB_OK, INT64_C(1377010105900001));	/* man, 1 May */
	NIK("3173017112990123", KKB_OK, INT64_C(3173017112990123));	/* woman, 31 Dec */
	NIK("3273014101010001", KKB_OK, INT64_C(3273014101010001));	/* woman, day 41 */
	NIK("1101012902000001", KKB_OK, INT64_C(1101012902000001));	/* 290200: 2000 is leap */
	NIK("1101016902000001", KKB_OK, INT64_C(1101016902000001));	/* same for a woman */
	NIK("1101012902040001", KKB_OK, INT64_C(1101012902040001));	/* 290204 */
	NIK("9601013101259999", KKB_OK, INT64_C(9601013101259999));	/* province 96, serial 9999 */
	NIK("1300000101900001", KKB_OK, INT64_C(1300000101900001));	/* regency/district not checked */
	NIK("1101013112990001", KKB_OK, INT64_C(1101013112990001));	/* 31 December */
	NIK("1101013001000001", KKB_OK, INT64_C(1101013001000001));	/* 30 January 00 */

	/* dates */
	NIK("1101012902010001", KKB_E_DATE, 0);	/* 290201: neither 1901 nor 2001 leap */
	NIK("1101016902010001", KKB_E_DATE, 0);	/* same for a woman */
	NIK("1101012902990001", KKB_E_DATE, 0);	/* 290299 */
	NIK("1101013104900001", KKB_E_DATE, 0);	/* 31 April */
	NIK("1101017104900001", KKB_E_DATE, 0);	/* 31 April, woman */
	NIK("1101013002000001", KKB_E_DATE, 0);	/* 30 February */
	NIK("1101013111900001", KKB_E_DATE, 0);	/* 31 November */
	NIK("1101010001900001", KKB_E_DAY, 0);	/* day 00 */
	NIK("1101013201900001", KKB_E_DAY, 0);	/* day 32 */
	NIK("1101014001900001", KKB_E_DAY, 0);	/* day 40 */
	NIK("1101017201900001", KKB_E_DAY, 0);	/* day 72 */
	NIK("1101019901900001", KKB_E_DAY, 0);	/* day 99 */
	NIK("1101010100900001", KKB_E_MONTH, 0);	/* month 00 */
	NIK("1101010113900001", KKB_E_MONTH, 0);	/* month 13 */
	NIK("1101014199900001", KKB_E_MONTH, 0);	/* month 99 */
	NIK("1101010101900000", KKB_E_SERIAL, 0);
	/* province */
	NIK("1001010101900001", KKB_E_PROVINCE, 0);
	NIK("9901010101900001", KKB_E_PROVINCE, 0);
	NIK("0001010101900001", KKB_E_PROVINCE, 0);
	NIK("2001010101900001", KKB_E_PROVINCE, 0);
	NIK("9701010101900001", KKB_E_PROVINCE, 0);
	/* the order of checks: province before day before month before serial */
	NIK("9901013213900000", KKB_E_PROVINCE, 0);
	NIK("1101013213900000", KKB_E_DAY, 0);
	NIK("1101013113900000", KKB_E_MONTH, 0);
	NIK("1101013104900000", KKB_E_DATE, 0);
	/* length and characters */
	NIK("137701410590000", KKB_E_LENGTH, 0);	/* 15 */
	NIK("13770141059000012", KKB_E_LENGTH, 0);	/* 17 */
	NIK("1377 0141 0590 00011", KKB_E_LENGTH, 0);
	NIK("", KKB_E_LENGTH, 0);
	NIK("   ", KKB_E_LENGTH, 0);
	NIK("13770141059000A1", KKB_E_SYNTAX, 0);
	NIK("ABCDEFGHIJKLMNOP", KKB_E_SYNTAX, 0);
	NIK("1377  0141 0590 0001", KKB_E_SYNTAX, 0);	/* two separators in a row */
	NIK("1377.-0141.0590.0001", KKB_E_SYNTAX, 0);
	NIK("-1377014105900001", KKB_E_SYNTAX, 0);
	NIK("1377014105900001-", KKB_E_SYNTAX, 0);
	NIK("1377/0141/0590/0001", KKB_E_SYNTAX, 0);
	NIK("+1377014105900001", KKB_E_SYNTAX, 0);
	NIK("1377\t0141\t0590\t0001", KKB_E_SYNTAX, 0);	/* tab only at the ends */
	NIK("\xef\xbc\x91\x33\x37\x37\x30\x31\x34\x31\x30\x35\x39\x30\x30\x30\x30\x31", KKB_E_SYNTAX, 0);	/* fullwidth 1 */
	NIK("1377014105900001 x", KKB_E_SYNTAX, 0);

	/* a NUL inside, and a length shorter than the C string: nothing past len is read */
	{
		int64_t		v = 0;
		kkb_error	err;

		is_int(kkb_nik_parse("1377014105\0900001", 17, &v, &err), KKB_E_SYNTAX, "nik with an embedded NUL -> syntax");
		is_str(err.detail, "Byte 0x00 at position 11 is not a digit.", "embedded NUL is named as a byte with its position");
		is_int(kkb_nik_parse("1377014105900001XYZ", 16, &v, NULL), KKB_OK, "nik parse stops at len (NULL err is fine)");
		is_int(v, INT64_C(1377014105900001), "nik parse with len < strlen gives the value");
		is_int(kkb_nik_parse(NULL, 0, &v, &err), KKB_E_LENGTH, "nik parse of (NULL, 0) -> length");
	}
	/* a long input: the digit count is reported */
	{
		char		buf[1000];

		memset(buf, '7', sizeof(buf));
		detail_case(kkb_nik_parse, buf, sizeof(buf), "A NIK has 16 digits, but 1000 were found.");
	}

	/* details name the part */
	detail_case(kkb_nik_parse, "137701410590000", 15, "A NIK has 16 digits, but 15 were found.");
	detail_case(kkb_nik_parse, "1", 1, "A NIK has 16 digits, but 1 was found.");
	detail_case(kkb_nik_parse, "13770141059000A1", 16, "Character 'A' at position 15 is not a digit.");
	detail_case(kkb_nik_parse, " 1377--0141", 11, "Separator '-' at position 6 is not between two digits.");
	detail_case(kkb_nik_parse, "1001010101900001", 16, "Province code 10 is not a province of Indonesia.");
	detail_case(kkb_nik_parse, "1101013201900001", 16, "Day 32 is not valid: days are 01-31, or 41-71 for women.");
	detail_case(kkb_nik_parse, "1101010113900001", 16, "Month 13 is not valid: months are 01-12.");
	detail_case(kkb_nik_parse, "1101012902010001", 16,
				"The birth date 290201 is not valid: 29 February needs a leap year, and neither 1901 nor 2001 is one.");
	detail_case(kkb_nik_parse, "1101017104900001", 16, "The birth date 710490 is not valid: April has only 30 days.");
	detail_case(kkb_nik_parse, "1101010101900000", 16, "Serial number 0000 is not valid: serials start at 0001.");
	{
		int64_t		v;
		kkb_error	err;

		kkb_nik_parse("1101017201900001", 16, &v, &err);
		is_str(err.hint, "For women 40 is added to the day of birth, so the 1st is written 41 and the 31st 71.",
			   "day error hints at the +40 rule");
		kkb_nik_parse("1377014105900001", 16, &v, &err);
		ok(err.code == KKB_OK && err.detail[0] == '\0' && err.hint[0] == '\0', "success clears the error struct");
	}
}

static void
test_nik_value(void)
{
	char		buf[KKB_NIK_BUFLEN];
	kkb_error	err;
	int			y = 0,
				m = 0,
				d = 0;

	is_int(kkb_nik_check(INT64_C(1377014105900001), &err), KKB_OK, "nik check of a valid value");
	is_int(kkb_nik_check(-1, &err), KKB_E_RANGE, "nik check -1 -> range");
	is_str(err.detail, "Value -1 is out of range for a NIK: it must be a 16-digit number.", "range detail");
	is_int(kkb_nik_check(0, NULL), KKB_E_RANGE, "nik check 0 -> range");
	is_int(kkb_nik_check(INT64_C(137701410590000), NULL), KKB_E_RANGE, "nik check 15 digits -> range");
	is_int(kkb_nik_check(INT64_C(10000000000000000), NULL), KKB_E_RANGE, "nik check 10^16 -> range");
	is_int(kkb_nik_check(INT64_MAX, NULL), KKB_E_RANGE, "nik check INT64_MAX -> range");
	is_int(kkb_nik_check(INT64_MIN, NULL), KKB_E_RANGE, "nik check INT64_MIN -> range");
	is_int(kkb_nik_check(INT64_C(1001010101900001), NULL), KKB_E_PROVINCE, "nik check: province 10");
	is_int(kkb_nik_check(INT64_C(1101012902010001), NULL), KKB_E_DATE, "nik check: 290201");
	is_int(kkb_nik_check(INT64_C(1101017201900001), NULL), KKB_E_DAY, "nik check: day 72");
	is_int(kkb_nik_check(INT64_C(1101010101900000), NULL), KKB_E_SERIAL, "nik check: serial 0000");

	is_int(kkb_nik_format(INT64_C(1377014105900001), buf), 16, "nik format length");
	is_str(buf, "1377014105900001", "nik format");
	is_int(kkb_nik_format(-1, buf), 0, "nik format of -1 returns 0");
	is_str(buf, "", "nik format of -1 writes an empty string");

	is_int(kkb_nik_sex(INT64_C(1377014105900001)), 'P', "day 41 -> P (perempuan)");
	is_int(kkb_nik_sex(INT64_C(3173017112990123)), 'P', "day 71 -> P");
	is_int(kkb_nik_sex(INT64_C(1377010105900001)), 'L', "day 01 -> L (laki-laki)");
	is_int(kkb_nik_sex(INT64_C(1101013112990001)), 'L', "day 31 -> L");
	is_int(kkb_nik_sex(INT64_C(1101017201900001)), 0, "sex of an invalid NIK -> NUL");

	/* century rule, reference 2026-11-27 */
	is_int(kkb_nik_birth_date(INT64_C(1101010101050001), 2026, 11, 27, &y, &m, &d), KKB_OK, "birth date YY=05");
	ok(y == 2005 && m == 1 && d == 1, "YY=05 -> 2005-01-01 (got %d-%02d-%02d)", y, m, d);
	kkb_nik_birth_date(INT64_C(1101010101400001), 2026, 11, 27, &y, &m, &d);
	is_int(y, 1940, "YY=40 -> 1940");
	kkb_nik_birth_date(INT64_C(1101012711260001), 2026, 11, 27, &y, &m, &d);
	is_int(y, 2026, "YY=26 on the reference date itself -> 2026");
	kkb_nik_birth_date(INT64_C(1101012811260001), 2026, 11, 27, &y, &m, &d);
	is_int(y, 1926, "YY=26 one day after the reference date -> 1926");
	kkb_nik_birth_date(INT64_C(1101016712260001), 2026, 11, 27, &y, &m, &d);
	ok(y == 1926 && m == 12 && d == 27, "woman 671226 -> 1926-12-27 (got %d-%02d-%02d)", y, m, d);
	kkb_nik_birth_date(INT64_C(1377014105900001), 2026, 11, 27, &y, &m, &d);
	ok(y == 1990 && m == 5 && d == 1, "woman 410590 -> 1990-05-01 (got %d-%02d-%02d)", y, m, d);
	kkb_nik_birth_date(INT64_C(1101016902000001), 2026, 11, 27, &y, &m, &d);
	ok(y == 2000 && m == 2 && d == 29, "woman 690200 -> 2000-02-29 (got %d-%02d-%02d)", y, m, d);
	kkb_nik_birth_date(INT64_C(1101012902000001), 2150, 1, 1, &y, &m, &d);
	is_int(y, 2000, "290200 with reference 2150: 2100-02-29 does not exist -> 2000");
	kkb_nik_birth_date(INT64_C(1101012902000001), 2000, 2, 28, &y, &m, &d);
	is_int(y, 1600, "290200 with reference 2000-02-28: 1900, 1800, 1700 have no 29 Feb -> 1600");
	kkb_nik_birth_date(INT64_C(1101010101990001), 2000, 1, 1, &y, &m, &d);
	is_int(y, 1999, "YY=99 with reference 2000-01-01 -> 1999");
	y = -7;
	is_int(kkb_nik_birth_date(INT64_C(1101010101900001), 2026, 2, 30, &y, &m, &d), KKB_E_DATE,
		   "invalid reference date -> date error");
	is_int(y, -7, "outputs untouched on failure");
	is_int(kkb_nik_birth_date(INT64_C(1101010101600001), 50, 1, 1, &y, &m, &d), KKB_E_DATE,
		   "no century fits (reference year 50, YY=60) -> date error");
	is_int(kkb_nik_birth_date(INT64_C(1101017201900001), 2026, 11, 27, &y, &m, &d), KKB_E_DAY,
		   "birth date of an invalid NIK -> its check code");

	is_int(kkb_nik_district(INT64_C(1377014105900001)), INT64_C(13770100003), "district of 1377014105900001 -> 13.77.01");
	is_int(kkb_nik_district(INT64_C(1300000101900001)), 0, "district with regency 00 -> 0");
	is_int(kkb_nik_district(INT64_C(1377000101900001)), 0, "district with district 00 -> 0");
	is_int(kkb_nik_district(INT64_C(1001010101900001)), 0, "district of an invalid NIK -> 0");
	{
		char		kb[KKB_KODE_BUFLEN];

		kkb_kode_format(kkb_nik_district(INT64_C(3173017112990123)), kb);
		is_str(kb, "31.73.01", "district of 3173017112990123 prints 31.73.01");
	}
}

/* Every DDMMYY against an independent oracle, for both number kinds. */
static void
test_dates_exhaustive(void)
{
	int			bad_nik = 0,
				bad_kk = 0,
				n_valid = 0;

	for (int dd = 0; dd < 100; dd++)
		for (int mm = 0; mm < 100; mm++)
			for (int yy = 0; yy < 100; yy++)
			{
				int64_t		v = INT64_C(1101010000000001) + (int64_t) (dd * 10000 + mm * 100 + yy) * 10000;
				int			day = dd > 40 ? dd - 40 : dd;
				int			nik_ok = (dd <= 31 || (dd >= 41 && dd <= 71)) &&
					(date_exists(1900 + yy, mm, day) || date_exists(2000 + yy, mm, day));
				int			kk_ok = dd <= 31 && (date_exists(1900 + yy, mm, dd) || date_exists(2000 + yy, mm, dd));

				if ((kkb_nik_check(v, NULL) == KKB_OK) != nik_ok)
					bad_nik++;
				if ((kkb_kk_check(v, NULL) == KKB_OK) != kk_ok)
					bad_kk++;
				if (nik_ok)
				{
					int			y,
								m,
								d;

					n_valid++;
					/* the chosen year must be the latest valid one not after 2026-11-27 */
					if (kkb_nik_birth_date(v, 2026, 11, 27, &y, &m, &d) != KKB_OK ||
						y % 100 != yy || m != mm || d != day || !date_exists(y, m, d) ||
						(y > 2026 || (y == 2026 && (m > 11 || (m == 11 && d > 27)))) ||
						(y + 100 <= 2026 && date_exists(y + 100, m, d) &&
						 (y + 100 < 2026 || m < 11 || (m == 11 && d <= 27))))
						bad_nik++;
				}
			}
	is_int(bad_nik, 0, "NIK: all 1,000,000 DDMMYY agree with the date oracle and the century rule");
	is_int(bad_kk, 0, "No. KK: all 1,000,000 DDMMYY agree with the date oracle");
	is_int(n_valid, 2 * (365 * 100 + 25), "NIK: 73,050 valid DDMMYY (365 days x 100 years + 25 leap days, for men and women)");
}

/* ------------------------------------------------------------------------- */
/* No. KK                                                                      */
/* ------------------------------------------------------------------------- */

static void
test_kk(void)
{
	char		buf[KKB_KK_BUFLEN];
	int			y = 0,
				m = 0,
				d = 0;

	KK("1377012301150003", KKB_OK, INT64_C(1377012301150003));
	KK("1377 0123 0115 0003", KKB_OK, INT64_C(1377012301150003));
	KK("1377.0123.0115.0003", KKB_OK, INT64_C(1377012301150003));
	KK("13-77-01-230115-0003", KKB_OK, INT64_C(1377012301150003));
	KK(" 1377012301150003 ", KKB_OK, INT64_C(1377012301150003));
	KK("3173013112990001", KKB_OK, INT64_C(3173013112990001));
	KK("1377012902000001", KKB_OK, INT64_C(1377012902000001));	/* 290200 */
	KK("1377012902010001", KKB_E_DATE, 0);	/* 290201 */
	KK("1377013104150001", KKB_E_DATE, 0);	/* 31 April */
	KK("1377014101150001", KKB_E_DAY, 0);	/* no +40 in a No. KK */
	KK("1377017112990001", KKB_E_DAY, 0);
	KK("1377010001150001", KKB_E_DAY, 0);
	KK("1377013201150001", KKB_E_DAY, 0);
	KK("1377010100150001", KKB_E_MONTH, 0);
	KK("1377010113150001", KKB_E_MONTH, 0);
	KK("1377012301150000", KKB_E_SERIAL, 0);
	KK("1077012301150003", KKB_E_PROVINCE, 0);
	KK("9977012301150003", KKB_E_PROVINCE, 0);
	KK("137701230115000", KKB_E_LENGTH, 0);
	KK("13770123011500031", KKB_E_LENGTH, 0);
	KK("13770123011500O3", KKB_E_SYNTAX, 0);	/* letter O */
	KK("1377..0123.0115.0003", KKB_E_SYNTAX, 0);
	detail_case(kkb_kk_parse, "1377014101150001", 16, "Day 41 is not valid: days are 01-31.");
	detail_case(kkb_kk_parse, "137701230115000", 15, "A No. KK has 16 digits, but 15 were found.");
	detail_case(kkb_kk_parse, "1377013104150001", 16, "The issue date 310415 is not valid: April has only 30 days.");

	is_int(kkb_kk_check(INT64_C(1377012301150003), NULL), KKB_OK, "kk check valid");
	is_int(kkb_kk_check(-5, NULL), KKB_E_RANGE, "kk check negative -> range");
	is_int(kkb_kk_check(INT64_C(999999999999999), NULL), KKB_E_RANGE, "kk check 15 digits -> range");
	is_int(kkb_kk_check(INT64_C(1377014101150001), NULL), KKB_E_DAY, "kk check day 41 -> day");
	kkb_kk_format(INT64_C(1377012301150003), buf);
	is_str(buf, "1377012301150003", "kk format");
	is_int(kkb_kk_issue_date(INT64_C(1377012301150003), 2026, 11, 27, &y, &m, &d), KKB_OK, "kk issue date ok");
	ok(y == 2015 && m == 1 && d == 23, "kk 230115 -> 2015-01-23 (got %d-%02d-%02d)", y, m, d);
	kkb_kk_issue_date(INT64_C(3173013112990001), 2026, 11, 27, &y, &m, &d);
	is_int(y, 1999, "kk 311299 -> 1999");
	kkb_kk_issue_date(INT64_C(3173013112260001), 2026, 11, 27, &y, &m, &d);
	is_int(y, 1926, "kk 311226 with reference 2026-11-27 -> 1926");
	is_int(kkb_kk_region(INT64_C(1377012301150003)), INT64_C(13770100003), "kk region 13.77.01");
	is_int(kkb_kk_region(INT64_C(1377014101150001)), 0, "kk region of an invalid No. KK -> 0");
}

/* ------------------------------------------------------------------------- */
/* Kode wilayah                                                                */
/* ------------------------------------------------------------------------- */

static void
test_kode_parse(void)
{
	KODE("13", KKB_OK, INT64_C(13000000001));
	KODE("13.77", KKB_OK, INT64_C(13770000002));
	KODE("13.77.01", KKB_OK, INT64_C(13770100003));
	KODE("13.77.01.1001", KKB_OK, INT64_C(13770110014));
	KODE("1377", KKB_OK, INT64_C(13770000002));
	KODE("137701", KKB_OK, INT64_C(13770100003));
	KODE("1377011001", KKB_OK, INT64_C(13770110014));
	KODE(" \t13.77.01\n", KKB_OK, INT64_C(13770100003));
	KODE("96.71.01.2001", KKB_OK, INT64_C(96710120014));
	KODE("10", KKB_OK, INT64_C(10000000001));	/* shape only: existence is not checked */
	KODE("99.99.99.9999", KKB_OK, INT64_C(99999999994));
	KODE("11.01.01.0001", KKB_OK, INT64_C(11010100014));

	KODE("", KKB_E_LENGTH, 0);
	KODE("1", KKB_E_LENGTH, 0);
	KODE("137", KKB_E_LENGTH, 0);
	KODE("13770110", KKB_E_LENGTH, 0);
	KODE("13770110011", KKB_E_LENGTH, 0);
	KODE("13.7", KKB_E_LENGTH, 0);
	KODE("1.377", KKB_E_LENGTH, 0);
	KODE("13.77.1", KKB_E_LENGTH, 0);
	KODE("13.77.01.101", KKB_E_LENGTH, 0);
	KODE("13.77.01.10011", KKB_E_LENGTH, 0);
	KODE("13.77.011001", KKB_E_LENGTH, 0);
	KODE("13..77", KKB_E_LENGTH, 0);
	KODE(".13", KKB_E_LENGTH, 0);
	KODE("13.", KKB_E_LENGTH, 0);
	KODE("13.77777777777777777777777777777777", KKB_E_LENGTH, 0);	/* no overflow */
	KODE("13.77.01.1001.01", KKB_E_SYNTAX, 0);
	KODE("13-77", KKB_E_SYNTAX, 0);
	KODE("13 77", KKB_E_SYNTAX, 0);
	KODE("13.7a", KKB_E_SYNTAX, 0);
	KODE("+13", KKB_E_SYNTAX, 0);
	KODE("00", KKB_E_PART, 0);
	KODE("05", KKB_E_PART, 0);
	KODE("13.00", KKB_E_PART, 0);
	KODE("13.77.00", KKB_E_PART, 0);
	KODE("13.77.01.0000", KKB_E_PART, 0);
	KODE("1300", KKB_E_PART, 0);
	KODE("1377010000", KKB_E_PART, 0);
	KODE("05.77", KKB_E_PART, 0);

	detail_case(kkb_kode_parse, "13770110", 8, "A region code without dots has 2, 4, 6 or 10 digits, but 8 were found.");
	detail_case(kkb_kode_parse, "13.7", 4, "The regency/city part of the region code has 1 digit, but it must have exactly 2.");
	detail_case(kkb_kode_parse, "13.77.01.101", 12, "The village part of the region code has 3 digits, but it must have exactly 4.");
	detail_case(kkb_kode_parse, "13.77.00", 8, "District part 00 is not valid: it must be 01-99.");
	detail_case(kkb_kode_parse, "13.77.01.0000", 13, "Village part 0000 is not valid: it must be 0001-9999.");
	detail_case(kkb_kode_parse, "05", 2, "Province part 05 is not valid: a province code cannot start with 0.");
	detail_case(kkb_kode_parse, "13.7a", 5, "Character 'a' at position 5 is not a digit or a dot.");
	detail_case(kkb_kode_parse, "1.2.3.4.5", 9, "A region code has at most 4 parts (PP.KK.CC.DDDD), but 5 were found.");
	{
		int64_t		v = 0;

		is_int(kkb_kode_parse("13.77.01.1001.9", 13, &v, NULL), KKB_OK, "kode parse stops at len");
		is_int(v, INT64_C(13770110014), "kode parse with len < strlen gives the value");
	}
}

static void
test_kode_value(void)
{
	char		buf[KKB_KODE_BUFLEN];
	int64_t		v = 0,
				lo = 0,
				hi = 0;
	kkb_error	err;
	const int64_t prov = INT64_C(13000000001),
				kab = INT64_C(13770000002),
				kec = INT64_C(13770100003),
				desa = INT64_C(13770110014);

	is_int(kkb_kode_format(desa, buf), 13, "format length of a village");
	is_str(buf, "13.77.01.1001", "format village");
	kkb_kode_format(kec, buf);
	is_str(buf, "13.77.01", "format district");
	kkb_kode_format(kab, buf);
	is_str(buf, "13.77", "format regency");
	kkb_kode_format(prov, buf);
	is_str(buf, "13", "format province");
	is_int(kkb_kode_format(INT64_C(13770110015), buf), 0, "format of an invalid value -> 0");
	is_str(buf, "", "format of an invalid value -> empty string");

	is_int(kkb_kode_check(desa, &err), KKB_OK, "check valid");
	is_int(kkb_kode_check(0, NULL), KKB_E_RANGE, "check 0 -> range");
	is_int(kkb_kode_check(-5, NULL), KKB_E_RANGE, "check negative -> range");
	is_int(kkb_kode_check(INT64_C(100000000000), NULL), KKB_E_RANGE, "check 10^11 -> range");
	is_int(kkb_kode_check(INT64_C(13770110015), &err), KKB_E_ENCODING, "check level 5 -> encoding");
	is_str(err.detail, "Value 13770110015 is not a valid encoded region code: its last digit, the level, must be 1-4.",
		   "encoding detail");
	is_int(kkb_kode_check(INT64_C(13770110010), NULL), KKB_E_ENCODING, "check level 0 -> encoding");
	is_int(kkb_kode_check(INT64_C(13770110013), NULL), KKB_E_ENCODING, "check level 3 with village digits -> encoding");
	is_int(kkb_kode_check(INT64_C(13000000002), NULL), KKB_E_PART, "check regency 00 -> part");
	is_int(kkb_kode_check(INT64_C(13770000003), NULL), KKB_E_PART, "check district 00 -> part");
	is_int(kkb_kode_check(INT64_C(13770100004), NULL), KKB_E_PART, "check village 0000 -> part");

	is_int(kkb_kode_level(prov), 1, "level province");
	is_int(kkb_kode_level(kab), 2, "level regency");
	is_int(kkb_kode_level(kec), 3, "level district");
	is_int(kkb_kode_level(desa), 4, "level village");
	is_int(kkb_kode_level(42), 0, "level of an invalid value -> 0");
	is_int(kkb_kode_parent(desa), kec, "parent of village");
	is_int(kkb_kode_parent(kec), kab, "parent of district");
	is_int(kkb_kode_parent(kab), prov, "parent of regency");
	is_int(kkb_kode_parent(prov), 0, "parent of province -> 0");
	is_int(kkb_kode_ancestor(desa, 1), prov, "ancestor(village, 1)");
	is_int(kkb_kode_ancestor(desa, 4), desa, "ancestor(village, 4) is itself");
	is_int(kkb_kode_ancestor(kec, 4), 0, "ancestor below the level -> 0");
	is_int(kkb_kode_ancestor(kec, 0), 0, "ancestor level 0 -> 0");
	is_int(kkb_kode_province(desa), prov, "province accessor");
	is_int(kkb_kode_kabkota(desa), kab, "kabkota accessor");
	is_int(kkb_kode_kecamatan(desa), kec, "kecamatan accessor");
	is_int(kkb_kode_kecamatan(kab), 0, "kecamatan of a regency -> 0");
	is_int(kkb_kode_part(desa, 2), 77, "part 2 of 13.77.01.1001");
	is_int(kkb_kode_part(desa, 4), 1001, "part 4 of 13.77.01.1001");
	is_int(kkb_kode_part(kab, 3), -1, "part 3 of a regency -> -1");
	ok(kkb_kode_is_kelurahan(desa), "13.77.01.1001 is a kelurahan");
	ok(!kkb_kode_is_kelurahan(INT64_C(13770120014)), "13.77.01.2001 (desa) is not a kelurahan");
	ok(!kkb_kode_is_kelurahan(kec), "a district is not a kelurahan");
	ok(kkb_kode_contains(kab, desa), "13.77 contains 13.77.01.1001");
	ok(kkb_kode_contains(desa, desa), "a code contains itself");
	ok(!kkb_kode_contains(desa, kab), "a village does not contain its regency");
	ok(!kkb_kode_contains(INT64_C(13710000002), desa), "13.71 does not contain 13.77.01.1001");
	ok(!kkb_kode_contains(42, desa), "an invalid code contains nothing");
	ok(kkb_kode_range(kab, &lo, &hi) && lo == kab && hi == INT64_C(13780000002), "range of 13.77 is [13.77, 13.78)");
	ok(kkb_kode_range(desa, &lo, &hi) && lo == desa && hi == INT64_C(13770110024), "range of a village holds only itself: [13.77.01.1001, 13.77.01.1002)");
	ok(kkb_kode_range(INT64_C(13770199994), &lo, &hi) && hi == INT64_C(13770200003), "range of 13.77.01.9999 ends at 13.77.02");
	ok(kkb_kode_range(INT64_C(13999999994), &lo, &hi) && hi == INT64_C(14000000001), "range of 13.99.99.9999 ends at 14");
	ok(kkb_kode_range(INT64_C(99000000001), &lo, &hi) && hi == INT64_C(100000000000), "range of 99 ends at 10^11");
	ok(!kkb_kode_range(42, &lo, &hi), "range of an invalid code -> false");

	is_int(kkb_kode_from_number(INT64_C(1377011001), &v, NULL), KKB_OK, "from_number 1377011001");
	is_int(v, desa, "from_number 1377011001 -> 13770110014");
	kkb_kode_from_number(13, &v, NULL);
	is_int(v, prov, "from_number 13 -> 13000000001");
	kkb_kode_from_number(137701, &v, NULL);
	is_int(v, kec, "from_number 137701 -> 13770100003");
	is_int(kkb_kode_from_number(-1, &v, NULL), KKB_E_RANGE, "from_number -1 -> range");
	is_int(kkb_kode_from_number(INT64_C(10000000000), &v, NULL), KKB_E_RANGE, "from_number 11 digits -> range");
	is_int(kkb_kode_from_number(INT64_MAX, &v, NULL), KKB_E_RANGE, "from_number INT64_MAX -> range");
	is_int(kkb_kode_from_number(0, &v, NULL), KKB_E_LENGTH, "from_number 0 -> length");
	is_int(kkb_kode_from_number(137, &v, NULL), KKB_E_LENGTH, "from_number 137 -> length");
	is_int(kkb_kode_from_number(13770110, &v, NULL), KKB_E_LENGTH, "from_number 8 digits -> length");
	is_int(kkb_kode_from_number(1300, &v, NULL), KKB_E_PART, "from_number 1300 -> part");
	is_int(kkb_kode_from_number(INT64_C(1377010000), &v, NULL), KKB_E_PART, "from_number 1377010000 -> part");
	is_int(kkb_kode_to_number(desa), INT64_C(1377011001), "to_number village");
	is_int(kkb_kode_to_number(kab), 1377, "to_number regency");
	is_int(kkb_kode_to_number(prov), 13, "to_number province");
	is_int(kkb_kode_to_number(42), 0, "to_number invalid -> 0");
}

/*
 * The central property: for valid a, b
 *   contains(a, b) <=> lo(a) <= b < hi(a) <=> dotted(a) is a part-prefix of dotted(b),
 * and integer order equals the order of the dotted strings (hierarchical pre-order).
 */
static void
test_kode_properties(void)
{
	static const int ps[] = {10, 11, 13, 99};
	static const int ks[] = {1, 9, 10, 77, 99};
	static const int cs[] = {1, 2, 99};
	static const int ds[] = {1, 999, 1000, 1001, 2001, 9999};
	int64_t		grid[4 + 4 * 5 + 4 * 5 * 3 + 4 * 5 * 3 * 6];
	int			n = 0,
				bad = 0,
				bad_order = 0,
				bad_rt = 0;
	long		pairs = 0,
				containing = 0;

	for (int i = 0; i < 4; i++)
	{
		grid[n++] = enc_of(1, ps[i], 0, 0, 0);
		for (int j = 0; j < 5; j++)
		{
			grid[n++] = enc_of(2, ps[i], ks[j], 0, 0);
			for (int k = 0; k < 3; k++)
			{
				grid[n++] = enc_of(3, ps[i], ks[j], cs[k], 0);
				for (int l = 0; l < 6; l++)
					grid[n++] = enc_of(4, ps[i], ks[j], cs[k], ds[l]);
			}
		}
	}
	for (int i = 0; i < n; i++)
	{
		char		s[KKB_KODE_BUFLEN];
		int64_t		back = 0,
					lo,
					hi;
		size_t		len = kkb_kode_format(grid[i], s);

		if (kkb_kode_check(grid[i], NULL) != KKB_OK || kkb_kode_parse(s, len, &back, NULL) != KKB_OK ||
			back != grid[i] || kkb_kode_from_number(kkb_kode_to_number(grid[i]), &back, NULL) != KKB_OK ||
			back != grid[i] || !kkb_kode_range(grid[i], &lo, &hi) || lo != grid[i])
			bad_rt++;
		for (int j = 0; j < n; j++)
		{
			char		t[KKB_KODE_BUFLEN];
			int			c = kkb_kode_contains(grid[i], grid[j]);
			int			r = lo <= grid[j] && grid[j] < hi;
			int			o = prefix_oracle(grid[i], grid[j]);

			kkb_kode_format(grid[j], t);
			pairs++;
			containing += c;
			if (c != r || c != o)
				bad++;
			if ((grid[i] < grid[j]) != (strcmp(s, t) < 0))
				bad_order++;
		}
	}
	is_int(n, 4 + 20 + 60 + 360, "grid of %d codes built", n);
	is_int(bad_rt, 0, "grid: check/format/parse/to_number/from_number round trips");
	is_int(bad, 0, "grid: contains == range == prefix oracle on all %ld pairs", pairs);
	/* each province contains 1 + 5 + 15 + 90 = 111 codes (itself included); each regency 1 + 3 + 18,
	 * each district 7, each village 1 */
	is_int(containing, 4 * 111 + 20 * 22 + 60 * 7 + 360 * 1, "grid: number of containing pairs");
	is_int(bad_order, 0, "grid: integer order equals dotted-string order");

	/* random codes, and random descendants of them */
	{
		int			bad_rand = 0;
		long		npairs = 0;

		for (int it = 0; it < 200000; it++)
		{
			int			la = rnd(1, 4),
						lb = rnd(1, 4);
			int			p = rnd(10, 99),
						k = rnd(1, 99),
						c = rnd(1, 99),
						d = rnd(1, 9999);
			int64_t		a = enc_of(la, p, k, c, d),
						b,
						lo,
						hi;

			/* half the time b shares a's prefix (a descendant or a sibling), else random */
			if (rng() & 1)
				b = enc_of(lb, p, lb >= 2 && (rng() & 3) ? k : rnd(1, 99),
						   lb >= 3 && (rng() & 3) ? c : rnd(1, 99), rnd(1, 9999));
			else
				b = enc_of(lb, rnd(10, 99), rnd(1, 99), rnd(1, 99), rnd(1, 9999));
			if (!kkb_kode_range(a, &lo, &hi))
			{
				bad_rand++;
				continue;
			}
			npairs++;
			if (kkb_kode_contains(a, b) != (lo <= b && b < hi) ||
				kkb_kode_contains(a, b) != prefix_oracle(a, b) ||
				kkb_kode_contains(kkb_kode_parent(a), a) != (la > 1) ||
				kkb_kode_ancestor(b, lb) != b)
				bad_rand++;
		}
		is_int(bad_rand, 0, "random: contains == range == prefix oracle on %ld pairs", npairs);
	}
}

/* ------------------------------------------------------------------------- */
/* CSV: province table and every real code                                    */
/* ------------------------------------------------------------------------- */

static void
test_csv(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[512];
	int			csv_prov[100];
	int			ncsv = 0,
				nlines = 0,
				bad_parse = 0,
				bad_order = 0,
				bad_range = 0;
	int64_t    *encs;
	size_t		nenc = 0,
				cap = 200000;
	int64_t		prev = 0;

	if (!ok(f != NULL, "open %s", path))
	{
		diag("run from the repository root or pass the CSV path as the first argument");
		return;
	}
	encs = malloc(cap * sizeof(int64_t));
	if (!encs)
		abort();
	while (fgets(line, sizeof(line), f))
	{
		char	   *comma = strchr(line, ',');
		int64_t		v = 0;
		char		back[KKB_KODE_BUFLEN];

		if (nlines++ == 0 || !comma)
			continue;			/* header */
		*comma = '\0';
		if (!strchr(line, '.') && ncsv < 100)
			csv_prov[ncsv++] = atoi(line);
		if (kkb_kode_parse(line, strlen(line), &v, NULL) != KKB_OK)
		{
			if (bad_parse++ < 5)
				diag("CSV code %s does not parse", line);
			continue;
		}
		kkb_kode_format(v, back);
		if (strcmp(back, line) != 0)
			bad_parse++;
		/* the CSV is sorted by code as text, which must be the integer order too */
		if (v <= prev)
			bad_order++;
		prev = v;
		if (nenc < cap)
			encs[nenc++] = v;
	}
	fclose(f);

	is_int(ncsv, 38, "CSV has 38 province lines");
	is_int(kkb_province_count(), 38, "core table has 38 provinces");
	{
		int			same = ncsv == kkb_province_count();

		qsort(csv_prov, (size_t) ncsv, sizeof(int), cmp_int);
		for (int i = 0; same && i < ncsv; i++)
			same = csv_prov[i] == kkb_province_at(i);
		ok(same, "core province table equals the CSV province codes");
	}
	{
		int			agree = 1;

		for (int code = -1; code <= 100; code++)
		{
			int			in_csv = 0;

			for (int i = 0; i < ncsv; i++)
				in_csv |= csv_prov[i] == code;
			agree &= kkb_province_is_real(code) == (in_csv != 0);
		}
		ok(agree, "kkb_province_is_real agrees with the CSV for -1..100");
	}
	is_int(kkb_province_at(38), -1, "kkb_province_at(38) -> -1");
	is_int(kkb_province_at(-1), -1, "kkb_province_at(-1) -> -1");

	ok(nenc > 90000, "CSV has %zu codes", nenc);
	is_int(bad_parse, 0, "every CSV code parses and prints back identically");
	is_int(bad_order, 0, "CSV text order equals encoded integer order");

	/* descendant counts by range scan (binary search) versus by text prefix, for every
	 * province and regency */
	qsort(encs, nenc, sizeof(int64_t), cmp_i64);
	for (size_t i = 0; i < nenc; i++)
	{
		int64_t		lo,
					hi;
		size_t		a,
					b,
					by_prefix = 0;

		if (kkb_kode_level(encs[i]) > 2)
			continue;
		kkb_kode_range(encs[i], &lo, &hi);
		/* lower bounds of lo and hi */
		{
			size_t		l = 0,
						r = nenc;

			while (l < r)
			{
				size_t		mid = (l + r) / 2;

				if (encs[mid] < lo)
					l = mid + 1;
				else
					r = mid;
			}
			a = l;
			r = nenc;
			while (l < r)
			{
				size_t		mid = (l + r) / 2;

				if (encs[mid] < hi)
					l = mid + 1;
				else
					r = mid;
			}
			b = l;
		}
		for (size_t j = 0; j < nenc; j++)
			by_prefix += (size_t) prefix_oracle(encs[i], encs[j]);
		if (by_prefix != b - a)
			bad_range++;
	}
	is_int(bad_range, 0, "CSV: for every province and regency, the range scan finds exactly its descendants");
	free(encs);
}

/* ------------------------------------------------------------------------- */
/* round trips of many generated NIKs / No. KKs                               */
/* ------------------------------------------------------------------------- */

static void
test_roundtrips(void)
{
	int			bad = 0,
				n = 0;
	static const char seps[] = " .-";

	for (int it = 0; it < 100000; it++)
	{
		int			pp = kkb_province_at(rnd(0, 37));
		int			mm = rnd(1, 12),
					yy = rnd(0, 99),
					dd = rnd(1, 28) + ((rng() & 1) ? 40 : 0);
		int64_t		v = (((((int64_t) pp * 100 + rnd(0, 99)) * 100 + rnd(0, 99)) * 100 + dd) * 100 + mm) * 100 + yy;
		char		s[KKB_NIK_BUFLEN],
					grouped[40];
		int64_t		back = 0;
		size_t		g = 0;

		v = v * 10000 + rnd(1, 9999);
		kkb_nik_format(v, s);
		/* regroup with random single separators */
		for (int i = 0; i < 16; i++)
		{
			if (i > 0 && (rng() % 4) == 0)
				grouped[g++] = seps[rng() % 3];
			grouped[g++] = s[i];
		}
		n++;
		if (kkb_nik_check(v, NULL) != KKB_OK || kkb_nik_parse(s, 16, &back, NULL) != KKB_OK || back != v ||
			kkb_nik_parse(grouped, g, &back, NULL) != KKB_OK || back != v ||
			kkb_nik_sex(v) != (dd > 40 ? 'P' : 'L'))
			bad++;
		if (dd < 40 && (kkb_kk_check(v, NULL) != KKB_OK || kkb_kk_parse(grouped, g, &back, NULL) != KKB_OK ||
						back != v))
			bad++;
	}
	is_int(bad, 0, "%d generated NIKs/No. KKs: check, format, parse (plain and grouped), sex agree", n);
}

int
main(int argc, char **argv)
{
	const char *csv = argc > 1 ? argv[1] : "extension/data/wilayah/wilayah_all.csv";

	test_nik_parse();
	test_nik_value();
	test_dates_exhaustive();
	test_kk();
	test_kode_parse();
	test_kode_value();
	test_kode_properties();
	test_roundtrips();
	test_csv(csv);
	return done_testing();
}

/*
 * ident.c - parsing, checking and printing of NIK, No. KK and kode wilayah.
 *
 * Pure C11, no PostgreSQL headers, no allocation, no mutable globals: see ident.h for
 * the contract of every exported function and docs/DOMAIN.md section 6 for the rules.
 */
#include "ident.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define KKB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define KKB_PRINTF(f, a)
#endif

/*
 * The 38 real province codes, ascending.  Source: the lines of
 * extension/data/wilayah/wilayah_all.csv whose code has no dot (Kemendagri list).
 * tests/unit/test_ident.c reads that CSV and checks this table matches it exactly.
 */
static const unsigned char province_codes[] = {
	11, 12, 13, 14, 15, 16, 17, 18, 19, 21,
	31, 32, 33, 34, 35, 36,
	51, 52, 53,
	61, 62, 63, 64, 65,
	71, 72, 73, 74, 75, 76,
	81, 82,
	91, 92, 93, 94, 95, 96
};
#define N_PROVINCES ((int) (sizeof(province_codes) / sizeof(province_codes[0])))

static const int64_t pow10_tab[] = {
	INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000),
	INT64_C(100000), INT64_C(1000000), INT64_C(10000000), INT64_C(100000000),
	INT64_C(1000000000), INT64_C(10000000000), INT64_C(100000000000),
	INT64_C(1000000000000), INT64_C(10000000000000), INT64_C(100000000000000),
	INT64_C(1000000000000000), INT64_C(10000000000000000)
};

/* Digits of a region code up to and including level k (index 0 unused). */
static const int kode_width[] = {0, 2, 4, 6, 10};
/* Width of part k alone. */
static const int part_width[] = {0, 2, 2, 2, 4};
static const char *const part_name[] = {"", "province", "regency/city", "district", "village"};

static const char *const month_name[] = {
	"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"
};

/* ------------------------------------------------------------------------- */
/* Errors                                                                      */
/* ------------------------------------------------------------------------- */

const char *
kkb_errcode_name(int code)
{
	switch (code)
	{
		case KKB_OK:
			return "ok";
		case KKB_E_SYNTAX:
			return "syntax";
		case KKB_E_LENGTH:
			return "length";
		case KKB_E_PROVINCE:
			return "province";
		case KKB_E_DAY:
			return "day";
		case KKB_E_MONTH:
			return "month";
		case KKB_E_DATE:
			return "date";
		case KKB_E_SERIAL:
			return "serial";
		case KKB_E_PART:
			return "part";
		case KKB_E_RANGE:
			return "range";
		case KKB_E_ENCODING:
			return "encoding";
	}
	return "unknown";
}

static int
set_ok(kkb_error *err)
{
	if (err)
	{
		err->code = KKB_OK;
		err->detail[0] = '\0';
		err->hint[0] = '\0';
	}
	return KKB_OK;
}

/* Fill err (when given) with code and a formatted detail, clear the hint; return code. */
static int	fail(kkb_error *err, int code, const char *fmt,...) KKB_PRINTF(3, 4);

static int
fail(kkb_error *err, int code, const char *fmt,...)
{
	va_list		ap;

	if (err)
	{
		err->code = code;
		va_start(ap, fmt);
		vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
		va_end(ap);
		err->hint[0] = '\0';
	}
	return code;
}

/* Set the hint of an error already filled by fail(). */
static void hint(kkb_error *err, const char *fmt,...) KKB_PRINTF(2, 3);

static void
hint(kkb_error *err, const char *fmt,...)
{
	va_list		ap;

	if (err)
	{
		va_start(ap, fmt);
		vsnprintf(err->hint, sizeof(err->hint), fmt, ap);
		va_end(ap);
	}
}

/* "Character 'x'" for printable ASCII, "Byte 0xNN" for anything else. */
static void
describe_char(unsigned char c, char buf[16])
{
	if (c >= 0x20 && c < 0x7f)
		snprintf(buf, 16, "Character '%c'", (char) c);
	else
		snprintf(buf, 16, "Byte 0x%02X", (unsigned) c);
}

/* ------------------------------------------------------------------------- */
/* Small helpers                                                               */
/* ------------------------------------------------------------------------- */

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Whitespace as in the C locale's isspace(), independent of the current locale. */
static bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Trim whitespace: [*b, *e) is the remaining span of s[0, len). */
static void
trim(const char *s, size_t len, size_t *b, size_t *e)
{
	size_t		i = 0,
				j = len;

	while (i < j && is_ws((unsigned char) s[i]))
		i++;
	while (j > i && is_ws((unsigned char) s[j - 1]))
		j--;
	*b = i;
	*e = j;
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && is_leap(y))
		return 29;
	return dim[m];
}

/* Write v (0 <= v < 10^width) as exactly width digits, no NUL. */
static void
put_digits(char *out, int64_t v, int width)
{
	for (int i = width - 1; i >= 0; i--)
	{
		out[i] = (char) ('0' + (int) (v % 10));
		v /= 10;
	}
}

/* ------------------------------------------------------------------------- */
/* Provinces                                                                   */
/* ------------------------------------------------------------------------- */

bool
kkb_province_is_real(int code)
{
	int			lo = 0,
				hi = N_PROVINCES - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (province_codes[mid] == code)
			return true;
		if (province_codes[mid] < code)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return false;
}

int
kkb_province_count(void)
{
	return N_PROVINCES;
}

int
kkb_province_at(int i)
{
	if (i < 0 || i >= N_PROVINCES)
		return -1;
	return province_codes[i];
}

/* ------------------------------------------------------------------------- */
/* NIK and No. KK: both are 16 digits PPKKCC DDMMYY SSSS                       */
/* ------------------------------------------------------------------------- */

/* What differs between the two 16-digit numbers. */
typedef struct num16_kind
{
	const char *name;			/* "NIK", "No. KK" */
	bool		women_plus40;	/* NIK: day 41-71 for women */
	const char *date_what;		/* "birth date", "issue date" */
} num16_kind;

static const num16_kind nik_kind = {"NIK", true, "birth date"};
static const num16_kind kk_kind = {"No. KK", false, "issue date"};

/*
 * Collect the 16 digits of s[0, len) into dig.  Accepts leading/trailing whitespace
 * and single separators (space, '.', '-') each standing between two digits.  Returns
 * KKB_E_SYNTAX naming the first bad character (1-based position in s) or
 * KKB_E_LENGTH with the number of digits found.  Never reads s[len] or beyond.
 */
static int
scan16(const char *s, size_t len, const num16_kind *kind, int dig[16], kkb_error *err)
{
	size_t		b,
				e,
				ndig = 0;
	bool		prev_digit = false;
	char		what[16];

	trim(s, len, &b, &e);
	for (size_t i = b; i < e; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (is_digit(c))
		{
			if (ndig < 16)
				dig[ndig] = c - '0';
			ndig++;
			prev_digit = true;
		}
		else if (c == ' ' || c == '.' || c == '-')
		{
			/* i + 1 < e <= len, so s[i + 1] is inside the input */
			if (!prev_digit || i + 1 >= e || !is_digit((unsigned char) s[i + 1]))
			{
				fail(err, KKB_E_SYNTAX,
					 "Separator '%c' at position %zu is not between two digits.",
					 (char) c, i + 1);
				hint(err, "A %s is 16 digits, optionally grouped with single spaces, dots or dashes.",
					 kind->name);
				return KKB_E_SYNTAX;
			}
			prev_digit = false;
		}
		else
		{
			describe_char(c, what);
			fail(err, KKB_E_SYNTAX, "%s at position %zu is not a digit.", what, i + 1);
			hint(err, "A %s is 16 digits, optionally grouped with single spaces, dots or dashes.",
				 kind->name);
			return KKB_E_SYNTAX;
		}
	}
	if (ndig != 16)
		return fail(err, KKB_E_LENGTH, "A %s has 16 digits, but %zu %s found.",
					kind->name, ndig, ndig == 1 ? "was" : "were");
	return KKB_OK;
}

/* Split a 16-digit value (0 <= v < 10^16) into its digits, most significant first. */
static void
split16(int64_t v, int dig[16])
{
	for (int i = 15; i >= 0; i--)
	{
		dig[i] = (int) (v % 10);
		v /= 10;
	}
}

static int64_t
join16(const int dig[16])
{
	int64_t		v = 0;

	for (int i = 0; i < 16; i++)
		v = v * 10 + dig[i];
	return v;
}

#define TWO(d, i) ((d)[i] * 10 + (d)[(i) + 1])

/*
 * Content checks shared by both 16-digit numbers, in documented order: province,
 * day, month, date existence, serial.
 */
static int
check16(const int dig[16], const num16_kind *kind, kkb_error *err)
{
	int			pp = TWO(dig, 0),
				dd = TWO(dig, 6),
				mm = TWO(dig, 8),
				yy = TWO(dig, 10),
				serial = TWO(dig, 12) * 100 + TWO(dig, 14),
				day;

	if (!kkb_province_is_real(pp))
	{
		fail(err, KKB_E_PROVINCE, "Province code %02d is not a province of Indonesia.", pp);
		hint(err, "The first two digits of a %s are a province code, from 11 (Aceh) to 96 (Papua Barat Daya) with gaps.",
			 kind->name);
		return KKB_E_PROVINCE;
	}

	if (kind->women_plus40)
	{
		if (!((dd >= 1 && dd <= 31) || (dd >= 41 && dd <= 71)))
		{
			fail(err, KKB_E_DAY, "Day %02d is not valid: days are 01-31, or 41-71 for women.", dd);
			hint(err, "For women 40 is added to the day of birth, so the 1st is written 41 and the 31st 71.");
			return KKB_E_DAY;
		}
	}
	else if (dd < 1 || dd > 31)
	{
		fail(err, KKB_E_DAY, "Day %02d is not valid: days are 01-31.", dd);
		hint(err, "A %s holds the %s as DDMMYY, with no 40 added to the day.",
			 kind->name, kind->date_what);
		return KKB_E_DAY;
	}

	if (mm < 1 || mm > 12)
	{
		fail(err, KKB_E_MONTH, "Month %02d is not valid: months are 01-12.", mm);
		hint(err, "The %s in a %s is written DDMMYY, day first.", kind->date_what, kind->name);
		return KKB_E_MONTH;
	}

	/* Only 29 February depends on the year; it exists in some century iff YY % 4 == 0
	 * (YY = 00 is fine thanks to 2000). */
	day = dd > 40 ? dd - 40 : dd;
	if (mm == 2 && day == 29 && yy % 4 != 0)
	{
		fail(err, KKB_E_DATE,
			 "The %s %02d%02d%02d is not valid: 29 February needs a leap year, and neither 19%02d nor 20%02d is one.",
			 kind->date_what, dd, mm, yy, yy, yy);
		if (dd > 40)
			hint(err, "For women 40 is added to the day, so day %02d means the %d.", dd, day);
		return KKB_E_DATE;
	}
	if (day > days_in_month(2000, mm))
	{
		fail(err, KKB_E_DATE, "The %s %02d%02d%02d is not valid: %s has only %d days.",
			 kind->date_what, dd, mm, yy, month_name[mm], days_in_month(2000, mm));
		if (dd > 40)
			hint(err, "For women 40 is added to the day, so day %02d means the %d.", dd, day);
		return KKB_E_DATE;
	}

	if (serial == 0)
	{
		fail(err, KKB_E_SERIAL, "Serial number 0000 is not valid: serials start at 0001.");
		hint(err, "The last four digits of a %s are a serial number.", kind->name);
		return KKB_E_SERIAL;
	}
	return set_ok(err);
}

static int
parse16(const char *s, size_t len, const num16_kind *kind, int64_t *out, kkb_error *err)
{
	int			dig[16];
	int			rc;

	rc = scan16(s, len, kind, dig, err);
	if (rc != KKB_OK)
		return rc;
	rc = check16(dig, kind, err);
	if (rc != KKB_OK)
		return rc;
	*out = join16(dig);
	return KKB_OK;
}

static int
check_value16(int64_t v, const num16_kind *kind, kkb_error *err)
{
	int			dig[16];

	/* exactly 16 digits: 10^15 <= v < 10^16 */
	if (v < pow10_tab[15] || v >= pow10_tab[16])
		return fail(err, KKB_E_RANGE, "Value %" PRId64 " is out of range for a %s: it must be a 16-digit number.",
					v, kind->name);
	split16(v, dig);
	return check16(dig, kind, err);
}

static size_t
format16(int64_t v, char out[17])
{
	if (v < 0 || v >= pow10_tab[16])
	{
		out[0] = '\0';
		return 0;
	}
	put_digits(out, v, 16);
	out[16] = '\0';
	return 16;
}

/*
 * Latest year ending in yy, in the reference year's century or up to four centuries
 * before it, on which m/d exists and which is not after the reference date.
 */
static int
pick_century(int yy, int m, int d, int ry, int rm, int rd, int *oy)
{
	int			c;

	if (ry < 1 || ry > 9999 || rm < 1 || rm > 12 || rd < 1 || rd > days_in_month(ry, rm))
		return KKB_E_DATE;
	c = ry - ry % 100;
	for (int i = 0; i < 5 && c >= 0; i++, c -= 100)
	{
		int			year = c + yy;

		if (year < 1 || d > days_in_month(year, m))
			continue;
		if (year < ry || (year == ry && (m < rm || (m == rm && d <= rd))))
		{
			*oy = year;
			return KKB_OK;
		}
	}
	return KKB_E_DATE;
}

static int
date16(int64_t v, const num16_kind *kind, int ry, int rm, int rd, int *y, int *m, int *d)
{
	int			dig[16];
	int			rc,
				day,
				year;

	rc = check_value16(v, kind, NULL);
	if (rc != KKB_OK)
		return rc;
	split16(v, dig);
	day = TWO(dig, 6);
	if (day > 40)
		day -= 40;
	rc = pick_century(TWO(dig, 10), TWO(dig, 8), day, ry, rm, rd, &year);
	if (rc != KKB_OK)
		return rc;
	*y = year;
	*m = TWO(dig, 8);
	*d = day;
	return KKB_OK;
}

/* Encoded level-3 region code of the first six digits; 0 if KK or CC is 00. */
static int64_t
region16(int64_t v, const num16_kind *kind)
{
	int64_t		prefix;

	if (check_value16(v, kind, NULL) != KKB_OK)
		return 0;
	prefix = v / pow10_tab[10];	/* PPKKCC */
	if ((prefix / 100) % 100 == 0 || prefix % 100 == 0)
		return 0;
	return prefix * pow10_tab[4] * 10 + 3;
}

int
kkb_nik_parse(const char *s, size_t len, int64_t *out, kkb_error *err)
{
	return parse16(s, len, &nik_kind, out, err);
}

int
kkb_nik_check(int64_t v, kkb_error *err)
{
	return check_value16(v, &nik_kind, err);
}

size_t
kkb_nik_format(int64_t v, char out[KKB_NIK_BUFLEN])
{
	return format16(v, out);
}

char
kkb_nik_sex(int64_t v)
{
	if (check_value16(v, &nik_kind, NULL) != KKB_OK)
		return '\0';
	return (v / pow10_tab[8]) % 100 > 40 ? 'P' : 'L';
}

int
kkb_nik_birth_date(int64_t v, int ref_y, int ref_m, int ref_d, int *y, int *m, int *d)
{
	return date16(v, &nik_kind, ref_y, ref_m, ref_d, y, m, d);
}

int64_t
kkb_nik_district(int64_t v)
{
	return region16(v, &nik_kind);
}

int
kkb_kk_parse(const char *s, size_t len, int64_t *out, kkb_error *err)
{
	return parse16(s, len, &kk_kind, out, err);
}

int
kkb_kk_check(int64_t v, kkb_error *err)
{
	return check_value16(v, &kk_kind, err);
}

size_t
kkb_kk_format(int64_t v, char out[KKB_KK_BUFLEN])
{
	return format16(v, out);
}

int
kkb_kk_issue_date(int64_t v, int ref_y, int ref_m, int ref_d, int *y, int *m, int *d)
{
	return date16(v, &kk_kind, ref_y, ref_m, ref_d, y, m, d);
}

int64_t
kkb_kk_region(int64_t v)
{
	return region16(v, &kk_kind);
}

/* ------------------------------------------------------------------------- */
/* Kode wilayah                                                                */
/* ------------------------------------------------------------------------- */

/*
 * Check the parts of a code of the given level (parts[1..level]) and encode it.
 * Returns KKB_E_PART for a zero part (or a province starting with 0).
 */
static int
kode_encode(const int parts[5], int level, int64_t *out, kkb_error *err)
{
	int64_t		padded = 0;

	if (parts[1] < 10)
	{
		fail(err, KKB_E_PART, "Province part %02d is not valid: a province code cannot start with 0.",
			 parts[1]);
		hint(err, "The real province codes run from 11 (Aceh) to 96 (Papua Barat Daya).");
		return KKB_E_PART;
	}
	if (level >= 2 && parts[2] == 0)
		return fail(err, KKB_E_PART, "Regency/city part 00 is not valid: it must be 01-99.");
	if (level >= 3 && parts[3] == 0)
		return fail(err, KKB_E_PART, "District part 00 is not valid: it must be 01-99.");
	if (level >= 4 && parts[4] == 0)
		return fail(err, KKB_E_PART, "Village part 0000 is not valid: it must be 0001-9999.");

	for (int k = 1; k <= 4; k++)
		padded = padded * pow10_tab[part_width[k]] + (k <= level ? parts[k] : 0);
	*out = padded * 10 + level;
	return set_ok(err);
}

/* Parts of an undotted digit string d[0, n) with n in {2, 4, 6, 10}; returns the level. */
static int
split_undotted(const char *d, size_t n, int parts[5])
{
	int			level = n == 2 ? 1 : n == 4 ? 2 : n == 6 ? 3 : 4;
	size_t		pos = 0;

	for (int k = 1; k <= level; k++)
	{
		int			v = 0;

		for (int j = 0; j < part_width[k]; j++)
			v = v * 10 + (d[pos++] - '0');
		parts[k] = v;
	}
	return level;
}

static int
undotted_length_error(kkb_error *err, size_t n)
{
	fail(err, KKB_E_LENGTH, "A region code without dots has 2, 4, 6 or 10 digits, but %zu %s found.",
		 n, n == 1 ? "was" : "were");
	hint(err, "Write the region code as PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD, with or without the dots.");
	return KKB_E_LENGTH;
}

int
kkb_kode_parse(const char *s, size_t len, int64_t *out, kkb_error *err)
{
	size_t		b,
				e,
				dots = 0;
	int			parts[5] = {0, 0, 0, 0, 0};
	int			level;
	char		what[16];

	trim(s, len, &b, &e);
	for (size_t i = b; i < e; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '.')
			dots++;
		else if (!is_digit(c))
		{
			describe_char(c, what);
			fail(err, KKB_E_SYNTAX, "%s at position %zu is not a digit or a dot.", what, i + 1);
			hint(err, "Write the region code as PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD, with or without the dots.");
			return KKB_E_SYNTAX;
		}
	}

	if (dots == 0)
	{
		size_t		n = e - b;

		if (n != 2 && n != 4 && n != 6 && n != 10)
			return undotted_length_error(err, n);
		level = split_undotted(s + b, n, parts);
	}
	else
	{
		size_t		pos = b;

		if (dots > 3)
		{
			fail(err, KKB_E_SYNTAX, "A region code has at most 4 parts (PP.KK.CC.DDDD), but %zu were found.",
				 dots + 1);
			return KKB_E_SYNTAX;
		}
		level = (int) dots + 1;
		for (int k = 1; k <= level; k++)
		{
			size_t		start = pos;
			int			v = 0;

			while (pos < e && s[pos] != '.')
				pos++;
			if (pos - start != (size_t) part_width[k])
			{
				fail(err, KKB_E_LENGTH, "The %s part of the region code has %zu %s, but it must have exactly %d.",
					 part_name[k], pos - start, pos - start == 1 ? "digit" : "digits", part_width[k]);
				hint(err, "Write the region code as PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD, with or without the dots.");
				return KKB_E_LENGTH;
			}
			for (size_t j = start; j < pos; j++)
				v = v * 10 + (s[j] - '0');
			parts[k] = v;
			pos++;				/* skip the dot (or step past e after the last part) */
		}
	}
	return kode_encode(parts, level, out, err);
}

/*
 * Decode enc into parts[1..level] and *level, checking it completely.  err may be
 * NULL (accessors).
 */
static int
kode_decode(int64_t enc, int parts[5], int *level, kkb_error *err)
{
	int64_t		padded,
				rest;
	int			lv;

	if (enc < KKB_KODE_MIN || enc > KKB_KODE_MAX)
		return fail(err, KKB_E_RANGE,
					"Value %" PRId64 " is out of range for an encoded region code: it must be between %" PRId64 " and %" PRId64 ".",
					enc, KKB_KODE_MIN, KKB_KODE_MAX);
	lv = (int) (enc % 10);
	padded = enc / 10;
	if (lv < 1 || lv > 4)
		return fail(err, KKB_E_ENCODING,
					"Value %" PRId64 " is not a valid encoded region code: its last digit, the level, must be 1-4.",
					enc);
	if (padded % pow10_tab[10 - kode_width[lv]] != 0)
		return fail(err, KKB_E_ENCODING,
					"Value %" PRId64 " is not a valid encoded region code: a level-%d code has only zeros after its first %d digits.",
					enc, lv, kode_width[lv]);
	rest = padded;
	for (int k = 4; k >= 1; k--)
	{
		parts[k] = (int) (rest % pow10_tab[part_width[k]]);
		rest /= pow10_tab[part_width[k]];
	}
	/* re-run the part checks (and recompute, which must give enc back) */
	{
		int64_t		again;
		int			rc = kode_encode(parts, lv, &again, err);

		if (rc != KKB_OK)
			return rc;
	}
	*level = lv;
	return KKB_OK;
}

int
kkb_kode_check(int64_t enc, kkb_error *err)
{
	int			parts[5],
				level;

	return kode_decode(enc, parts, &level, err);
}

size_t
kkb_kode_format(int64_t enc, char out[KKB_KODE_BUFLEN])
{
	int			parts[5],
				level;
	size_t		n = 0;

	if (kode_decode(enc, parts, &level, NULL) != KKB_OK)
	{
		out[0] = '\0';
		return 0;
	}
	for (int k = 1; k <= level; k++)
	{
		if (k > 1)
			out[n++] = '.';
		put_digits(out + n, parts[k], part_width[k]);
		n += (size_t) part_width[k];
	}
	out[n] = '\0';
	return n;
}

int
kkb_kode_level(int64_t enc)
{
	int			parts[5],
				level;

	if (kode_decode(enc, parts, &level, NULL) != KKB_OK)
		return 0;
	return level;
}

int
kkb_kode_part(int64_t enc, int k)
{
	int			parts[5],
				level;

	if (kode_decode(enc, parts, &level, NULL) != KKB_OK || k < 1 || k > level)
		return -1;
	return parts[k];
}

int64_t
kkb_kode_ancestor(int64_t enc, int k)
{
	int			parts[5],
				level;
	int64_t		span;

	if (kode_decode(enc, parts, &level, NULL) != KKB_OK || k < 1 || k > level)
		return 0;
	span = pow10_tab[10 - kode_width[k]];
	return (enc / 10) / span * span * 10 + k;
}

int64_t
kkb_kode_parent(int64_t enc)
{
	int			level = kkb_kode_level(enc);

	return level > 1 ? kkb_kode_ancestor(enc, level - 1) : 0;
}

int64_t
kkb_kode_province(int64_t enc)
{
	return kkb_kode_ancestor(enc, 1);
}

int64_t
kkb_kode_kabkota(int64_t enc)
{
	return kkb_kode_ancestor(enc, 2);
}

int64_t
kkb_kode_kecamatan(int64_t enc)
{
	return kkb_kode_ancestor(enc, 3);
}

bool
kkb_kode_is_kelurahan(int64_t enc)
{
	int			parts[5],
				level;

	if (kode_decode(enc, parts, &level, NULL) != KKB_OK)
		return false;
	return level == 4 && parts[4] / 1000 == 1;
}

bool
kkb_kode_contains(int64_t a, int64_t b)
{
	int			la = kkb_kode_level(a),
				lb = kkb_kode_level(b);

	if (la == 0 || lb == 0 || la > lb)
		return false;
	return kkb_kode_ancestor(b, la) == a;
}

/*
 * Descendants of a share its first W digits (W = kode_width[level]) and, having no
 * zero parts, their padded value is in [padded(a), padded(a) + 10^(10-W)).  Codes
 * with that prefix and a lower level would need a zero part, so the only code with
 * padded == padded(a) is a itself, and every other one encodes strictly above a.
 */
bool
kkb_kode_range(int64_t a, int64_t *lo, int64_t *hi)
{
	int			parts[5],
				level;

	if (kode_decode(a, parts, &level, NULL) != KKB_OK)
		return false;
	*lo = a;

	/*
	 * The end of a's block is the first code after it in pre-order: a's
	 * padded digits + 1 at a's own width (13.77 -> 13.78), one level up when
	 * that part carried over to zero (13.77.01.9999 -> 13.77.02).  Being a
	 * real code, it prints readably in query plans; the block's members all
	 * lie below it and nothing valid lies between.  Past 99.99.99.9999 the
	 * end is just beyond every code.
	 */
	{
		int64_t		next = a / 10 + pow10_tab[10 - kode_width[level]];
		int			lev = level;

		if (next >= pow10_tab[10])
		{
			*hi = next * 10;
			return true;
		}
		while (lev > 1 &&
			   (next / pow10_tab[10 - kode_width[lev]]) % pow10_tab[kode_width[lev] - kode_width[lev - 1]] == 0)
			lev--;
		*hi = next * 10 + lev;
	}
	return true;
}

int
kkb_kode_from_number(int64_t n, int64_t *out, kkb_error *err)
{
	char		d[10] = {0};
	int			parts[5] = {0, 0, 0, 0, 0};
	size_t		nd = 0;
	int			level;

	if (n < 0 || n >= pow10_tab[10])
		return fail(err, KKB_E_RANGE,
					"Value %" PRId64 " is out of range for a region-code number: it must have 2, 4, 6 or 10 digits.",
					n);
	while (nd < 10 && (nd == 0 || n >= pow10_tab[nd]))
		nd++;
	if (nd != 2 && nd != 4 && nd != 6 && nd != 10)
		return undotted_length_error(err, nd);
	put_digits(d, n, (int) nd);
	level = split_undotted(d, nd, parts);
	return kode_encode(parts, level, out, err);
}

int64_t
kkb_kode_to_number(int64_t enc)
{
	int			parts[5],
				level;

	if (kode_decode(enc, parts, &level, NULL) != KKB_OK)
		return 0;
	return (enc / 10) / pow10_tab[10 - kode_width[level]];
}

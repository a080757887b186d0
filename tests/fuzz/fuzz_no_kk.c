/*
 * fuzz_no_kk.c - libFuzzer harness for the No. KK (family card number) core
 * (extension/src/core/ident.c).
 *
 * Feeds the raw input (not NUL-terminated) to kkb_kk_parse and, when it has at least
 * 8 bytes, its first 8 bytes as an int64 to kkb_kk_check.  Aborts when an invariant
 * breaks: error struct consistent with the return code, parse -> format -> parse gives
 * the same value, check agrees with parse of the printed value, the issue date is a
 * real date not after the reference, the region is 0 or a valid level-3 region code.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I extension/src/core \
 *       tests/fuzz/fuzz_no_kk.c extension/src/core/ident.c -o /tmp/fuzz_no_kk
 */
#include "ident.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

/* The error struct must match rc and hold NUL-terminated text. */
static void
check_err(int rc, const kkb_error *err)
{
	REQUIRE(rc >= KKB_OK && rc <= KKB_E_ENCODING);
	REQUIRE(err->code == rc);
	REQUIRE(memchr(err->detail, '\0', sizeof(err->detail)) != NULL);
	REQUIRE(memchr(err->hint, '\0', sizeof(err->hint)) != NULL);
	REQUIRE((rc == KKB_OK) == (err->detail[0] == '\0'));
}

static int
leap(int y)
{
	return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
}

static int
date_ok(int y, int m, int d)
{
	static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= dim[m] + (m == 2 && leap(y));
}

/* Everything that must hold for a valid No. KK v. */
static void
check_valid(int64_t v, int ry, int rm, int rd)
{
	char		s[KKB_KK_BUFLEN];
	int64_t		back = -1;
	kkb_error	err;
	int			y = 0,
				m = 0,
				d = 0,
				rc;
	int64_t		reg;

	REQUIRE(kkb_kk_check(v, &err) == KKB_OK);
	REQUIRE(kkb_kk_format(v, s) == 16 && strlen(s) == 16);
	REQUIRE(kkb_kk_parse(s, 16, &back, &err) == KKB_OK && back == v);
	REQUIRE((v / 100000000) % 100 <= 31);	/* no +40 in a No. KK */

	rc = kkb_kk_issue_date(v, 2026, 11, 27, &y, &m, &d);
	REQUIRE(rc == KKB_OK);
	REQUIRE(date_ok(y, m, d) && y % 100 == (int) ((v / 10000) % 100));
	REQUIRE(d == (int) ((v / 100000000) % 100) && m == (int) ((v / 1000000) % 100));
	REQUIRE(y < 2026 || (y == 2026 && (m < 11 || (m == 11 && d <= 27))));

	rc = kkb_kk_issue_date(v, ry, rm, rd, &y, &m, &d);
	if (rc == KKB_OK)
		REQUIRE(date_ok(y, m, d) && date_ok(ry, rm, rd) &&
				(y < ry || (y == ry && (m < rm || (m == rm && d <= rd)))));
	else
		REQUIRE(rc == KKB_E_DATE);

	reg = kkb_kk_region(v);
	REQUIRE(reg == 0 || (kkb_kode_check(reg, NULL) == KKB_OK && kkb_kode_level(reg) == 3 &&
						 kkb_kode_to_number(reg) == v / 10000000000));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kkb_error	err;
	int64_t		v = -42;
	int			rc;
	int			ry = 2026,
				rm = 11,
				rd = 27;

	if (size >= 12)
	{
		ry = (int) (((unsigned) data[8] << 8 | data[9]) % 10001);
		rm = data[10] % 14;
		rd = data[11] % 33;
	}

	/* text path */
	rc = kkb_kk_parse((const char *) data, size, &v, &err);
	check_err(rc, &err);
	REQUIRE(kkb_kk_parse((const char *) data, size, &v, NULL) == rc);
	if (rc == KKB_OK)
		check_valid(v, ry, rm, rd);
	else
		REQUIRE(v == -42);

	/* int64 path */
	if (size >= 8)
	{
		int64_t		x;
		char		s[KKB_KK_BUFLEN];

		memcpy(&x, data, sizeof(x));
		rc = kkb_kk_check(x, &err);
		check_err(rc, &err);
		if (x < 1000000000000000 || x >= 10000000000000000)
			REQUIRE(rc == KKB_E_RANGE);
		else
		{
			int64_t		back = -42;

			REQUIRE(kkb_kk_format(x, s) == 16);
			REQUIRE(kkb_kk_parse(s, 16, &back, NULL) == rc);
			REQUIRE(rc == KKB_OK ? back == x : back == -42);
		}
		if (rc == KKB_OK)
			check_valid(x, ry, rm, rd);
		else
			REQUIRE(kkb_kk_region(x) == 0);
	}
	return 0;
}

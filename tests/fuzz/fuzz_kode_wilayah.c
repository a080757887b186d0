/*
 * fuzz_kode_wilayah.c - libFuzzer harness for the region-code (kode wilayah) core
 * (extension/src/core/ident.c).
 *
 * Feeds the raw input (not NUL-terminated) to kkb_kode_parse; when it has at least 8
 * bytes, its first 8 bytes as an int64 to kkb_kode_check and kkb_kode_from_number, and
 * with 16 bytes a second int64 for the containment property.  Aborts when an invariant
 * breaks: error struct consistent with the return code; parse -> format -> parse and
 * to_number -> from_number give the same value; level, parent, ancestors, range and
 * contains agree with each other.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I extension/src/core \
 *       tests/fuzz/fuzz_kode_wilayah.c extension/src/core/ident.c -o /tmp/fuzz_kode_wilayah
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

/* Everything that must hold for a valid encoded code v. */
static void
check_valid(int64_t v)
{
	static const size_t len_of_level[] = {0, 2, 5, 8, 13};
	char		s[KKB_KODE_BUFLEN];
	int64_t		back = -1,
				lo = 0,
				hi = 0,
				num;
	kkb_error	err;
	int			level = kkb_kode_level(v);
	size_t		n;

	REQUIRE(kkb_kode_check(v, &err) == KKB_OK);
	REQUIRE(v >= KKB_KODE_MIN && v <= KKB_KODE_MAX);
	REQUIRE(level >= 1 && level <= 4 && level == (int) (v % 10));
	n = kkb_kode_format(v, s);
	REQUIRE(n == len_of_level[level] && strlen(s) == n);
	REQUIRE(kkb_kode_parse(s, n, &back, &err) == KKB_OK && back == v);

	num = kkb_kode_to_number(v);
	back = -1;
	REQUIRE(kkb_kode_from_number(num, &back, &err) == KKB_OK && back == v);

	/* the undotted text of the same code parses too */
	{
		char		u[11];
		size_t		m = 0;

		for (size_t i = 0; i < n; i++)
			if (s[i] != '.')
				u[m++] = s[i];
		back = -1;
		REQUIRE(kkb_kode_parse(u, m, &back, NULL) == KKB_OK && back == v);
	}

	REQUIRE(kkb_kode_range(v, &lo, &hi) && lo == v && hi > v);
	REQUIRE(kkb_kode_contains(v, v));
	REQUIRE(kkb_kode_ancestor(v, level) == v);
	REQUIRE(kkb_kode_ancestor(v, level + 1) == 0 && kkb_kode_ancestor(v, 0) == 0);
	for (int k = 1; k < level; k++)
	{
		int64_t		a = kkb_kode_ancestor(v, k);

		REQUIRE(kkb_kode_level(a) == k);
		REQUIRE(kkb_kode_contains(a, v) && !kkb_kode_contains(v, a));
		REQUIRE(a < v);			/* ancestors sort first */
		REQUIRE(kkb_kode_part(a, k) == kkb_kode_part(v, k));
	}
	if (level == 1)
		REQUIRE(kkb_kode_parent(v) == 0);
	else
		REQUIRE(kkb_kode_parent(v) == kkb_kode_ancestor(v, level - 1));
	REQUIRE(kkb_kode_province(v) == kkb_kode_ancestor(v, 1));
	REQUIRE(kkb_kode_is_kelurahan(v) == (level == 4 && kkb_kode_part(v, 4) / 1000 == 1));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kkb_error	err;
	int64_t		v = -42;
	int			rc;

	/* text path */
	rc = kkb_kode_parse((const char *) data, size, &v, &err);
	check_err(rc, &err);
	REQUIRE(kkb_kode_parse((const char *) data, size, &v, NULL) == rc);
	if (rc == KKB_OK)
		check_valid(v);
	else
		REQUIRE(v == -42);

	/* int64 paths: encoded value (binary recv) and undotted number */
	if (size >= 8)
	{
		int64_t		x,
					y,
					enc = -42;
		char		s[KKB_KODE_BUFLEN];

		memcpy(&x, data, sizeof(x));
		rc = kkb_kode_check(x, &err);
		check_err(rc, &err);
		if (rc == KKB_OK)
			check_valid(x);
		else
			REQUIRE(kkb_kode_format(x, s) == 0 && s[0] == '\0' && kkb_kode_level(x) == 0 &&
					!kkb_kode_contains(x, x) && kkb_kode_to_number(x) == 0);

		rc = kkb_kode_from_number(x, &enc, &err);
		check_err(rc, &err);
		if (rc == KKB_OK)
		{
			check_valid(enc);
			REQUIRE(kkb_kode_to_number(enc) == x);
		}
		else
			REQUIRE(enc == -42 && (rc != KKB_E_RANGE || x < 0 || x >= 10000000000));

		/* containment == range, for a second value from the next 8 bytes */
		if (size >= 16)
		{
			int64_t		lo,
						hi;

			memcpy(&y, data + 8, sizeof(y));
			/* make y likely related to x: keep x's prefix when the top bit of byte 15 is set */
			if (kkb_kode_check(x, NULL) == KKB_OK && (data[15] & 0x80) != 0)
			{
				int64_t		yy = y < 0 ? -(y + 1) : y;

				y = (x / 10 / 10000 * 10000 + yy % 10000) * 10 + 4;
			}
			if (kkb_kode_range(x, &lo, &hi) && kkb_kode_check(y, NULL) == KKB_OK)
				REQUIRE(kkb_kode_contains(x, y) == (lo <= y && y < hi));
			else
				REQUIRE(!kkb_kode_contains(x, y));
		}
	}
	return 0;
}

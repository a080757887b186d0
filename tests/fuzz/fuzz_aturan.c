/*
 * fuzz_aturan.c - libFuzzer harness for the validation-rule expression core
 * (extension/src/core/aturan.c).
 *
 * The raw input (not NUL-terminated) is compiled as an expression.  A failed compile
 * must give a compile error code, a position in 1..len+1 that the message repeats, and
 * an empty program that evaluates to KKB_ATURAN_INVALID.  A compiled program must list
 * well-formed, distinct codes that occur in the text, and must evaluate - with values
 * taken from the input bytes (any double, NaN and infinities included) and with small
 * whole counts - to an outcome consistent across the three missing-value strategies;
 * a value is always finite.  "(" text ")" must compile to the same results or hit the
 * token or depth limit.  The input also goes through the operator and strategy
 * parsers, and its first bytes as two doubles through the comparison, whose results
 * must be mutually consistent.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I extension/src/core \
 *       tests/fuzz/fuzz_aturan.c extension/src/core/aturan.c -lm -o /tmp/fuzz_aturan
 */
#include "aturan.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

/* Results of evaluating one program under the three strategies. */
typedef struct runs
{
	int			rc[3];
	double		v[3];
} runs;

static bool
same_double(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

/* The message must be NUL-terminated, non-empty and name the position. */
static void
check_error(int rc, const kkb_aturan_error *err, size_t len)
{
	char		at[40];

	REQUIRE(rc >= KKB_ATURAN_E_EMPTY && rc <= KKB_ATURAN_E_CODES);
	REQUIRE(err->code == rc);
	REQUIRE(err->position >= 1 && (size_t) err->position <= len + 1);
	REQUIRE(memchr(err->message, '\0', sizeof(err->message)) != NULL);
	REQUIRE(err->message[0] != '\0');
	snprintf(at, sizeof(at), "at position %d", err->position);
	REQUIRE(strstr(err->message, at) != NULL);
	for (const char *m = err->message; *m; m++)
		REQUIRE((unsigned char) *m >= 0x20 && (unsigned char) *m < 0x7f);	/* plain ASCII */
}

/* Codes: [a-z][a-z0-9_]{0,62}, distinct, present in the text, found by code_index. */
static void
check_codes(const kkb_aturan_program *prog, const uint8_t *data, size_t size)
{
	int			n = kkb_aturan_code_count(prog);

	REQUIRE(n >= 0 && n <= KKB_ATURAN_MAX_CODES);
	REQUIRE(kkb_aturan_code(prog, n, NULL) == NULL);
	for (int i = 0; i < n; i++)
	{
		size_t		len = 0;
		const char *c = kkb_aturan_code(prog, i, &len);
		bool		found = false;

		REQUIRE(c != NULL && len >= 1 && len <= KKB_ATURAN_CODE_MAX && strlen(c) == len);
		REQUIRE(c[0] >= 'a' && c[0] <= 'z');
		for (size_t k = 1; k < len; k++)
			REQUIRE((c[k] >= 'a' && c[k] <= 'z') || (c[k] >= '0' && c[k] <= '9') || c[k] == '_');
		REQUIRE(kkb_aturan_code_index(prog, c, len) == i);
		for (size_t k = 0; k + len <= size && !found; k++)
			found = memcmp(data + k, c, len) == 0;
		REQUIRE(found);
	}
}

/* Evaluate under the three strategies and check what must hold between them. */
static runs
check_eval(const kkb_aturan_program *prog, const double *values, const bool *present)
{
	runs		r;
	int			n = kkb_aturan_code_count(prog),
				nmissing = 0;

	for (int i = 0; i < n; i++)
		if (values == NULL || (present != NULL && !present[i]))
			nmissing++;

	for (int s = 0; s < 3; s++)
	{
		r.v[s] = -12345.0;
		r.rc[s] = kkb_aturan_evaluate(prog, values, present, s, &r.v[s]);
		REQUIRE(r.rc[s] >= KKB_ATURAN_VALUE && r.rc[s] <= KKB_ATURAN_SKIPPED_NONFINITE);
		if (r.rc[s] == KKB_ATURAN_VALUE)
			REQUIRE(isfinite(r.v[s]) && !(r.v[s] == 0.0 && signbit(r.v[s])));
		else
			REQUIRE(r.v[s] == -12345.0);
	}
	REQUIRE((r.rc[KKB_ATURAN_SKIP_IF_ANY_VALUE_MISSING] == KKB_ATURAN_SKIPPED_MISSING) == (nmissing > 0));
	REQUIRE((r.rc[KKB_ATURAN_SKIP_IF_ALL_VALUES_MISSING] == KKB_ATURAN_SKIPPED_MISSING) ==
			(n > 0 && nmissing == n));
	REQUIRE(r.rc[KKB_ATURAN_NEVER_SKIP] != KKB_ATURAN_SKIPPED_MISSING);
	/* where a strategy does not skip, missing values count as 0 for all of them */
	for (int s = 0; s < 2; s++)
		if (r.rc[s] != KKB_ATURAN_SKIPPED_MISSING)
			REQUIRE(r.rc[s] == r.rc[KKB_ATURAN_NEVER_SKIP] && same_double(r.v[s], r.v[KKB_ATURAN_NEVER_SKIP]));
	return r;
}

static void
check_compare(double a, double b)
{
	bool		eq = kkb_aturan_compare(a, KKB_ATURAN_EQ, b),
				ne = kkb_aturan_compare(a, KKB_ATURAN_NE, b),
				lt = kkb_aturan_compare(a, KKB_ATURAN_LT, b),
				le = kkb_aturan_compare(a, KKB_ATURAN_LE, b),
				gt = kkb_aturan_compare(a, KKB_ATURAN_GT, b),
				ge = kkb_aturan_compare(a, KKB_ATURAN_GE, b);

	REQUIRE(ne == !eq);
	REQUIRE(eq == kkb_aturan_equal(a, b) && eq == kkb_aturan_equal(b, a));
	REQUIRE(lt == kkb_aturan_compare(b, KKB_ATURAN_GT, a));
	if (isnan(a) || isnan(b))
		REQUIRE(!eq && !lt && !le && !gt && !ge);
	else
	{
		REQUIRE((int) lt + (int) eq + (int) gt == 1);
		REQUIRE(le == (lt || eq) && ge == (gt || eq));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	static kkb_aturan_program prog,
				wrapped;
	kkb_aturan_error err;
	double		values[KKB_ATURAN_MAX_CODES],
				counts[KKB_ATURAN_MAX_CODES];
	bool		present[KKB_ATURAN_MAX_CODES];
	int			rc,
				op = -1,
				strat = -1;

	/* operator and strategy parsers: any bytes */
	rc = kkb_aturan_op_parse(s, size, &op, &err);
	REQUIRE(rc == err.code && err.position == 0);
	if (rc == KKB_ATURAN_OK)
		REQUIRE(kkb_aturan_op_text(op) != NULL && size >= strlen(kkb_aturan_op_text(op)));
	else
		REQUIRE(rc == KKB_ATURAN_E_OPERATOR && op == -1 && err.message[0] != '\0');
	rc = kkb_aturan_strategy_parse(s, size, &strat, &err);
	if (rc == KKB_ATURAN_OK)
		REQUIRE(strlen(kkb_aturan_strategy_name(strat)) == size && memcmp(kkb_aturan_strategy_name(strat), s, size) == 0);
	else
		REQUIRE(rc == KKB_ATURAN_E_STRATEGY && strat == -1 && err.message[0] != '\0');

	if (size >= 16)
	{
		double		a,
					b;

		memcpy(&a, data, 8);
		memcpy(&b, data + 8, 8);
		check_compare(a, b);
	}

	/* compile */
	rc = kkb_aturan_compile(s, size, &prog, &err);
	REQUIRE(kkb_aturan_compile(s, size, &prog, NULL) == rc);	/* deterministic, err optional */
	if (rc != KKB_ATURAN_OK)
	{
		double		r = 7.0;

		check_error(rc, &err, size);
		REQUIRE(kkb_aturan_code_count(&prog) == 0);
		REQUIRE(kkb_aturan_evaluate(&prog, NULL, NULL, KKB_ATURAN_NEVER_SKIP, &r) == KKB_ATURAN_INVALID && r == 7.0);
		return 0;
	}
	REQUIRE(err.code == KKB_ATURAN_OK && err.position == 0 && err.message[0] == '\0');
	check_codes(&prog, data, size);

	/* values from the input bytes (any double), presence from their low bits */
	for (int i = 0; i < KKB_ATURAN_MAX_CODES; i++)
	{
		uint64_t	bits = 0;

		for (int k = 0; k < 8 && size > 0; k++)
			bits = bits << 8 | data[(size_t) (i * 8 + k) % size];
		memcpy(&values[i], &bits, sizeof(bits));
		present[i] = size == 0 || (data[(size_t) i % size] & 1) == 0;
		counts[i] = (double) (bits % 1000);
	}
	check_eval(&prog, values, present);
	check_eval(&prog, values, NULL);
	check_eval(&prog, NULL, NULL);
	{
		runs		plain = check_eval(&prog, counts, present);

		/* "(" text ")" means the same, unless the two tokens or the level are too many */
		char	   *buf = malloc(size + 2);

		REQUIRE(buf != NULL);
		buf[0] = '(';
		if (size > 0)
			memcpy(buf + 1, data, size);
		buf[size + 1] = ')';
		rc = kkb_aturan_compile(buf, size + 2, &wrapped, &err);
		free(buf);
		if (rc == KKB_ATURAN_OK)
		{
			runs		w = check_eval(&wrapped, counts, present);

			REQUIRE(kkb_aturan_code_count(&wrapped) == kkb_aturan_code_count(&prog));
			for (int st = 0; st < 3; st++)
				REQUIRE(w.rc[st] == plain.rc[st] && same_double(w.v[st], plain.v[st]));
		}
		else
			REQUIRE(rc == KKB_ATURAN_E_TOKENS || rc == KKB_ATURAN_E_DEPTH);
	}
	return 0;
}

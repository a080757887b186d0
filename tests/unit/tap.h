/*
 * tap.h - a tiny TAP producer for the pure-C unit tests.
 *
 * Each unit-test program prints TAP (https://testanything.org) so that `prove`
 * runs it beside the pgTAP files and the gateway tests and one summary covers
 * all layers.  Header-only: include it once per test program.
 *
 *   plan_no_plan();              ... ok(cond, "name");  is_int(got, want, "name");
 *   return done_testing();       -> prints "1..N", exit status 0 when all passed
 */
#ifndef KKB_TAP_H
#define KKB_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_run = 0;
static int tap_failed = 0;

/* Report one test; returns cond so callers can add diagnostics on failure. */
static int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_run++;
	if (!cond)
		tap_failed++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_run);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		printf("#   Failed test at %s line %d.\n", file, line);
	return cond;
}

#define ok(cond, ...) tap_ok((cond) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)

#define is_int(got, want, ...) \
	do { \
		long long g_ = (long long) (got), w_ = (long long) (want); \
		if (!tap_ok(g_ == w_, __FILE__, __LINE__, __VA_ARGS__)) \
			printf("#          got: %lld\n#     expected: %lld\n", g_, w_); \
	} while (0)

#define is_str(got, want, ...) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		int same_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0); \
		if (!tap_ok(same_, __FILE__, __LINE__, __VA_ARGS__)) \
			printf("#          got: '%s'\n#     expected: '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} while (0)

/* |got - want| <= tol */
#define is_near(got, want, tol, ...) \
	do { \
		double g_ = (got), w_ = (want); \
		if (!tap_ok(fabs(g_ - w_) <= (tol), __FILE__, __LINE__, __VA_ARGS__)) \
			printf("#          got: %.10g\n#     expected: %.10g (+- %g)\n", g_, w_, (double) (tol)); \
	} while (0)

#define diag(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); } while (0)

/* Print the plan line after the tests; exit status is non-zero on any failure. */
static int
done_testing(void)
{
	printf("1..%d\n", tap_run);
	if (tap_failed)
		printf("# Looks like you failed %d test%s of %d.\n", tap_failed, tap_failed == 1 ? "" : "s", tap_run);
	return tap_failed ? 1 : 0;
}

#endif

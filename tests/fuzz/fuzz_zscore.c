/*
 * fuzz_zscore.c - libFuzzer harness for the WHO z-score core (extension/src/core/zscore.c).
 *
 * Interprets the input as one measurement and calls every public entry point with
 * it.  Raw bit patterns reach the code (NaN, +-Inf, subnormals, huge, negative,
 * out-of-range sex/position/age); a mode byte instead maps some fields into the
 * plausible range so that the scoring paths, not only the argument checks, are
 * explored.  Checks (abort on failure): no crash or sanitizer report, statuses are
 * one of the three codes, every KKB_Z_OK result is finite and has a category,
 * non-OK results are NaN, the composite agrees with the single-indicator
 * functions, and kkb_round2 stays within 0.005 of its argument.
 *
 * Input layout (shorter inputs are zero-padded):
 *   [0] sex  [1] position  [2] oedema  [3] mode bits
 *   [4..7] age (int32)  [8..15] weight  [16..23] length/height  [24..31] extra x
 *   mode bit 0: age scaled to -20..1879   bit 1: weight scaled to -1..39 kg
 *        bit 2: length scaled to -5..135 cm  bit 3: weight missing (composite)
 *        bit 4: length missing (composite)   bits 5-7: table for the raw evaluators
 *
 * Build and run (from the repository root):
 *   sh extension/gen/who_tables.sh extension/data/who > extension/src/core/who_tables.c
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 *     -I extension/src/core tests/fuzz/fuzz_zscore.c extension/src/core/zscore.c \
 *     extension/src/core/who_tables.c -lm -o /tmp/fuzz_zscore
 *   mkdir -p /tmp/fuzz_zscore_corpus   (new inputs go to the first directory)
 *   /tmp/fuzz_zscore -max_total_time=30 /tmp/fuzz_zscore_corpus tests/fuzz/corpus/fuzz_zscore
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zscore.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static double
get_double(const uint8_t *b)
{
	double		d;

	memcpy(&d, b, sizeof d);
	return d;
}

static uint64_t
get_u64(const uint8_t *b)
{
	uint64_t	u;

	memcpy(&u, b, sizeof u);
	return u;
}

static int32_t
get_i32(const uint8_t *b)
{
	int32_t		i;

	memcpy(&i, b, sizeof i);
	return i;
}

static int
valid_status(int s)
{
	return s == KKB_Z_OK || s == KKB_Z_NA || s == KKB_Z_INVALID;
}

/* A scoring result is consistent: OK <=> finite z; otherwise z is NaN. */
static void
check_result(int s, double z)
{
	CHECK(valid_status(s));
	if (s == KKB_Z_OK)
		CHECK(isfinite(z));
	else
		CHECK(isnan(z));
}

/* Composite indicator vs the single function's status and z. */
static void
check_same(const struct kkb_zscore *r, int s, double z, int composite_ok)
{
	CHECK(valid_status(r->status));
	if (!composite_ok)
		return;
	CHECK(r->status == s);
	if (s == KKB_Z_OK)
	{
		CHECK(r->z == z);
		CHECK(r->z2 == kkb_round2(z));
		CHECK(r->category != NULL);
	}
	else
		CHECK(r->category == NULL && isnan(r->z));
}

static void
check_round2(double x)
{
	double		r = kkb_round2(x);

	if (isnan(x))
		CHECK(isnan(r));
	else if (!isfinite(x))
		CHECK(r == x);
	else
	{
		CHECK(isfinite(r));
		CHECK(fabs(r - x) <= 0.005 + fabs(x) * 1e-15);
		CHECK(kkb_round2(r) == r);
		CHECK(!(r == 0.0 && signbit(r)));
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t		buf[32] = {0};
	int			sex,
				position,
				oedema,
				mode,
				age,
				table,
				s,
				sl,
				sw,
				swh,
				sb;
	double		weight,
				lenhei,
				x,
				z,
				zl,
				zw,
				zwh,
				zb,
				adj;
	unsigned	fl;
	struct kkb_lms p;
	struct kkb_anthro a;

	memcpy(buf, data, size < sizeof buf ? size : sizeof buf);
	sex = (int8_t) buf[0];
	position = (int8_t) buf[1];
	oedema = buf[2];
	mode = buf[3];
	age = get_i32(buf + 4);
	weight = get_double(buf + 8);
	lenhei = get_double(buf + 16);
	x = get_double(buf + 24);
	if (mode & 0x01)
		age = (int) ((uint32_t) age % 1900u) - 20;
	if (mode & 0x02)
		weight = (double) (get_u64(buf + 8) % 40001u) / 1000.0 - 1.0;
	if (mode & 0x04)
		lenhei = (double) (get_u64(buf + 16) % 14001u) / 100.0 - 5.0;
	table = (mode >> 5) & 0x07;

	/* single indicators */
	sl = kkb_z_lhfa(sex, age, lenhei, position, &zl, &fl);
	check_result(sl, zl);
	CHECK((fl & ~(KKB_FLAG_TBU | KKB_FLAG_POSISI)) == 0);
	sw = kkb_z_wfa(sex, age, weight, oedema, &zw, &fl);
	check_result(sw, zw);
	CHECK((fl & ~KKB_FLAG_BBU) == 0);
	swh = kkb_z_wflh(sex, age, weight, lenhei, position, oedema, &zwh, &fl);
	check_result(swh, zwh);
	CHECK((fl & ~(KKB_FLAG_BBTB | KKB_FLAG_POSISI)) == 0);
	sb = kkb_z_bfa(sex, age, weight, lenhei, position, oedema, &zb, &fl);
	check_result(sb, zb);
	CHECK((fl & ~(KKB_FLAG_IMTU | KKB_FLAG_POSISI)) == 0);
	if (oedema && age >= 0 && age <= KKB_AGE_DAYS_MAX)
		CHECK(sw != KKB_Z_OK && swh != KKB_Z_OK && sb != KKB_Z_OK);
	s = kkb_adjusted_lenhei(age, lenhei, position, &adj, &fl);
	check_result(s, adj);
	if (s == KKB_Z_OK)
		CHECK(fabs(adj - lenhei) <= 0.7 + fabs(lenhei) * 1e-15);
	/* NULL outputs must be accepted */
	(void) kkb_z_wflh(sex, age, weight, lenhei, position, oedema, NULL, NULL);

	/* composite, with the mode's missing measurements */
	{
		const double *wp = (mode & 0x08) ? NULL : &weight;
		const double *hp = (mode & 0x10) ? NULL : &lenhei;
		int			sa = kkb_anthro_all(sex, age, wp, hp, position, oedema, &a);
		int			cok = sa == KKB_Z_OK;

		CHECK(valid_status(sa) && a.status == sa);
		if (cok && wp && hp)
		{
			check_same(&a.tbu, sl, zl, 1);
			check_same(&a.bbu, sw, zw, 1);
			check_same(&a.bbtb, swh, zwh, 1);
			check_same(&a.imtu, sb, zb, 1);
		}
		if (cok)
		{
			if (hp)
				check_same(&a.tbu, sl, zl, 1);
			if (wp)
				check_same(&a.bbu, sw, zw, 1);
			if (!hp)
				CHECK(a.tbu.status == KKB_Z_NA && a.stunting == -1);
			if (!wp || !hp)
				CHECK(a.bbtb.status == KKB_Z_NA && a.imtu.status == KKB_Z_NA);
			CHECK(a.stunting == (a.tbu.status == KKB_Z_OK ? (a.tbu.z2 < -2.0) : -1));
			CHECK(a.flags < (1u << KKB_FLAG_COUNT));
			CHECK(a.tbu.flagged == ((a.flags & KKB_FLAG_TBU) != 0));
			CHECK(a.bbu.flagged == ((a.flags & KKB_FLAG_BBU) != 0));
			CHECK(a.bbtb.flagged == ((a.flags & KKB_FLAG_BBTB) != 0));
			CHECK(a.imtu.flagged == ((a.flags & KKB_FLAG_IMTU) != 0));
		}
		else
			CHECK(a.tbu.status == sa && a.bbu.status == sa && a.bbtb.status == sa &&
				  a.imtu.status == sa && a.flags == 0 && a.stunting == -1);
		/* the composite's strings are the category functions' */
		if (a.tbu.status == KKB_Z_OK)
			CHECK(strcmp(a.tbu.category, kkb_cat_tbu(a.tbu.z2)) == 0);
		if (a.bbtb.status == KKB_Z_OK)
			CHECK(strcmp(a.bbtb.category, kkb_cat_bbtb(a.bbtb.z2)) == 0);
	}

	/* raw evaluators, with the fuzzed table code and a fuzzed x */
	s = kkb_lms_at_day(table, sex, age, &p);
	CHECK(valid_status(s));
	if (s == KKB_Z_OK)
	{
		double		zr = kkb_lms_z_restricted(p, fabs(x)),
					zu = kkb_lms_z(p, fabs(x)),
					sd = kkb_lms_sd(p, fmod(x, 6.0));

		(void) zr;
		(void) zu;
		(void) sd;
	}
	s = kkb_lms_at_lenhei(table, sex, lenhei, &p);
	CHECK(valid_status(s));
	if (s == KKB_Z_OK)
		CHECK(isfinite(p.l) && p.m > 0 && p.s > 0);
	s = kkb_z_at_day(table, sex, age, weight, &z);
	check_result(s, z);
	s = kkb_z_at_lenhei(table, sex, lenhei, weight, &z);
	check_result(s, z);

	/* helpers */
	check_round2(x);
	check_round2(zl);
	(void) kkb_cat_tbu(x);
	(void) kkb_cat_bbu(x);
	(void) kkb_cat_bbtb(x);
	(void) kkb_cat_imtu(x);
	CHECK(kkb_is_stunted(x) == (isnan(x) ? -1 : x < -2.0));
	if (!isnan(x))
		CHECK(kkb_cat_tbu(x) && kkb_cat_bbu(x) && kkb_cat_bbtb(x) && kkb_cat_imtu(x));
	{
		const char *names[KKB_FLAG_COUNT];
		unsigned	f = (unsigned) buf[2] | ((unsigned) buf[3] << 8);
		int			n = kkb_flag_names(f, names, (int) (buf[1] % 7));

		CHECK(n >= 0 && n <= KKB_FLAG_COUNT);
		(void) kkb_flag_name(f);
	}
	return 0;
}

/*
 * test_prevalensi.c - TAP unit tests for the prevalence core (extension/src/core/prevalensi.c):
 * R's t quantiles as the shared docs quote them from R, anthro's worked example, and the
 * accumulator's rules (age filter, flags, oedema, merging).  Expected values are R's
 * qt(0.975, df) printed by R and numbers worked out by hand from the formulas in
 * docs/DOMAIN.md 5a.
 *
 * Usage: test_prevalensi   (no arguments)
 */
#include "tap.h"
#include "prevalensi.h"

int
main(void)
{
	static const struct
	{
		double		df,
					t;
	}			qt[] = {{1, 12.706204736174694}, {2, 4.3026527297494619}, {3, 3.1824463052837078},
	{4, 2.7764451051977934}, {5, 2.5705818356363137}, {9, 2.2621571627982049}, {14, 2.1447866879178039},
	{99, 1.9842169515864172}, {249, 1.96953686764035}, {2995, 1.9607563764995977}};
	kkb_prev_acc a,
				b;
	kkb_prev_hasil h;
	kkb_rerata_hasil r;

	for (size_t i = 0; i < sizeof(qt) / sizeof(qt[0]); i++)
		ok(fabs(kkb_prev_t975(qt[i].df) - qt[i].t) <= 1e-14, "qt(0.975, %g) = %.17g (R)", qt[i].df, qt[i].t);
	ok(isnan(kkb_prev_t975(0)), "no degrees of freedom: NaN");

	/* anthro's worked example: N = 2996, n = 2, k = 1 */
	kkb_prev_init(&a);
	kkb_prev_add(&a, KKB_PREV_TBU, -200, true, 400, true, -250, false, false);
	kkb_prev_add(&a, KKB_PREV_TBU, -200, true, 400, true, -100, false, false);
	for (int i = 0; i < 2994; i++)
		kkb_prev_add(&a, KKB_PREV_TBU, -200, true, 400, false, 0, false, false);
	kkb_prev_hitung(&a, &h);
	is_int(h.n, 2, "worked example: n = 2");
	ok(fabs(h.se - 35.36124096) < 1e-8, "worked example: se 35.36124096 (got %.10f)", h.se);
	ok(fabs(h.ci_bawah - 5.877912) < 1e-6 && fabs(h.ci_atas - 94.122088) < 1e-6,
	   "worked example: CI [5.877912, 94.122088] (got [%.7f, %.7f])", h.ci_bawah, h.ci_atas);

	/* the same data in two halves, merged: the same numbers to the last bit */
	kkb_prev_init(&a);
	kkb_prev_init(&b);
	for (int i = 0; i < 1000; i++)
		kkb_prev_add(i % 2 ? &a : &b, KKB_PREV_TBU, -200, true, i, true, (i * 37) % 700 - 400, false, false);
	kkb_prev_merge(&a, &b);
	{
		kkb_prev_acc c;
		kkb_prev_hasil h2;

		kkb_prev_init(&c);
		for (int i = 0; i < 1000; i++)
			kkb_prev_add(&c, KKB_PREV_TBU, -200, true, i, true, (i * 37) % 700 - 400, false, false);
		kkb_prev_hitung(&a, &h);
		kkb_prev_hitung(&c, &h2);
		ok(h.n == h2.n && h.se == h2.se && h.ci_bawah == h2.ci_bawah && h.ci_atas == h2.ci_atas,
		   "merged halves give exactly the whole's result");
	}

	/* rows: over 1826 days not in N; flagged: in N, not in n; oedema: -3.10, not in the mean */
	kkb_prev_init(&a);
	kkb_prev_add(&a, KKB_PREV_BBU, -300, true, 1827, true, -400, false, false);
	is_int(a.N, 0, "1827 days: not in N");
	kkb_prev_add(&a, KKB_PREV_BBU, -300, true, 1826, true, -400, true, false);
	is_int(a.N, 1, "1826 days, flagged: in N");
	is_int(a.n, 0, "... not in n");
	kkb_prev_add(&a, KKB_PREV_BBU, -300, true, 100, false, 0, false, true);
	is_int(a.n, 1, "oedema: in n for BB/U");
	is_int(a.k, 1, "... below -3 (as -3.10)");
	is_int(a.m, 0, "... not in the mean");
	kkb_prev_add(&a, KKB_PREV_BBU, 100, true, 100, false, 0, false, true);
	is_int(a.k, 1, "oedema is never above a positive cut-off");
	kkb_prev_init(&b);
	kkb_prev_add(&b, KKB_PREV_TBU, -200, true, 100, true, -50, false, true);
	is_int(b.m, 1, "TB/U ignores oedema: the child's own z counts in the mean");
	is_int(b.k, 0, "... and -0.50 is not below -2");
	kkb_prev_add(&b, KKB_PREV_TBU, -200, true, 100, true, -200, false, false);
	is_int(b.k, 0, "-2.00 is not below -2 (strict)");
	kkb_rerata_hitung(&b, &r);
	ok(r.ada && fabs(r.rerata - (-1.25)) < 1e-15 && r.sd_ada && fabs(r.sd - 1.0606601717798212) < 1e-15,
	   "mean -1.25, sd 1.0607 over -0.50 and -2.00");
	kkb_prev_init(&b);
	kkb_rerata_hitung(&b, &r);
	ok(!r.ada && r.n == 0 && !r.sd_ada, "no values: no mean");
	return done_testing();
}

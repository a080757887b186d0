/*
 * zscore.c - WHO Child Growth Standards z-scores and Permenkes 2/2020 categories.
 *
 * Pure C11 (no PostgreSQL headers), no allocation, no mutable global state, so every
 * function is thread-safe.  The LMS tables come from the generated who_tables.c.
 * The rules follow docs/DOMAIN.md section 5 and WHO's anthro R package
 * (github.com/WorldHealthOrganization/anthro: R/z-score.R, R/z-score-helper.R,
 * R/z-score-weight-for-lenhei.R); the public contract is documented in zscore.h.
 * Table look-ups are O(1) array indexing; the hot path has no string handling.
 */
#include "zscore.h"

#include <math.h>
#include <stddef.h>

#define DAYS_PER_MONTH 30.4375	/* WHO: 365.25 / 12 */
#define ADJUST_CM      0.7		/* standing height = recumbent length - 0.7 cm */
#define L_EPSILON      1e-9		/* |L| below this: use the L -> 0 (log) limit */
#define DNAN           ((double) NAN)	/* NAN is a float constant */

/* ---- small helpers ---------------------------------------------------------- */

static int
valid_sex(int sex)
{
	return sex == KKB_MALE || sex == KKB_FEMALE;
}

static int
valid_position(int position)
{
	return position == KKB_POS_UNKNOWN || position == KKB_LYING || position == KKB_STANDING;
}

/* A measurement must be a finite number > 0. */
static int
valid_measure(double x)
{
	return isfinite(x) && x > 0.0;
}

/* Scores exist for 0..1826 days (age in months < 60). */
static int
age_in_range(int age_days)
{
	return age_days >= 0 && age_days <= KKB_AGE_DAYS_MAX;
}

/* One sex of a by-day table: rows 0..1826. */
typedef struct kkb_lms day_rows[KKB_DAY_ROWS];

/* The by-day table for table (index [sex - 1][day]), or NULL if not a by-day table. */
static const day_rows *
day_table(int table)
{
	switch (table)
	{
		case KKB_TBL_LHFA:
			return kkb_who_lhfa;
		case KKB_TBL_WFA:
			return kkb_who_wfa;
		case KKB_TBL_BFA:
			return kkb_who_bfa;
		default:
			return NULL;
	}
}

/*
 * Position adjustment (anthro's adjust_lenhei after its under-9-months check).
 * Caller has validated position and the age range.  Sets KKB_FLAG_POSISI in *fl
 * for a standing child under 9 months, whose value is then left unadjusted.
 */
static double
adjust_lenhei(int age_days, double lenhei_cm, int position, unsigned *fl)
{
	if (position == KKB_STANDING && age_days < KKB_ADJUST_DAYS)
	{
		if ((double) age_days / DAYS_PER_MONTH < 9.0)
		{
			*fl |= KKB_FLAG_POSISI;
			return lenhei_cm;
		}
		return lenhei_cm + ADJUST_CM;
	}
	if (position == KKB_LYING && age_days >= KKB_ADJUST_DAYS)
		return lenhei_cm - ADJUST_CM;
	return lenhei_cm;
}

/*
 * Interpolated L, M, S of the weight-for-length/height table at cm (anthro's rule:
 * lower row trunc(cm*10)/10, fraction (cm - lower)/0.1, each of L, M, S linear;
 * the lower row alone when the fraction is not > 0).  Caller has validated table
 * (WFL or WFH), sex and that cm is finite.  Returns KKB_Z_NA outside the table.
 */
static int
lenhei_lms(int table, int sex, double cm, struct kkb_lms *out)
{
	const struct kkb_lms *rows;
	int			first,
				last;
	double		tenths,
				lower,
				frac;
	long		idx;

	if (table == KKB_TBL_WFL)
	{
		rows = kkb_who_wfl[sex - 1];
		first = KKB_WFL_FIRST;
		last = KKB_WFL_LAST;
	}
	else
	{
		rows = kkb_who_wfh[sex - 1];
		first = KKB_WFH_FIRST;
		last = KKB_WFH_LAST;
	}
	/* bounds inclusive, compared as anthro does (lenhei >= 45 & lenhei <= 110) */
	if (!(cm >= first / 10.0 && cm <= last / 10.0))
		return KKB_Z_NA;

	tenths = trunc(cm * 10.0);
	lower = tenths / 10.0;
	frac = (cm - lower) / 0.1;
	idx = (long) tenths - first;
	/* cannot happen for cm within the bounds, but never index outside the array */
	if (idx < 0 || idx > last - first)
		return KKB_Z_NA;

	*out = rows[idx];
	if (frac > 0.0)
	{
		/*
		 * The upper row is trunc(cm*10 + 1), literally as anthro computes it, not
		 * idx + 1.  They differ only when cm*10 lies within an ulp below an integer
		 * and adding 1 rounds up (cm just under 102.4, e.g. 103.1 - 0.7): anthro
		 * then interpolates from the row below to the row above the next one with
		 * a fraction of 0.99999..., and so do we, to give the same z.  An upper
		 * row beyond the table makes anthro's join fail: not applicable.
		 */
		long		uidx = (long) trunc(cm * 10.0 + 1.0) - first;
		const struct kkb_lms *hi;

		if (uidx <= idx || uidx > last - first)
			return KKB_Z_NA;
		hi = &rows[uidx];
		out->l += frac * (hi->l - out->l);
		out->m += frac * (hi->m - out->m);
		out->s += frac * (hi->s - out->s);
	}
	return KKB_Z_OK;
}

/* Store the outputs of a scoring call; *z is NaN unless status is OK. */
static int
finish(int status, double zv, unsigned fl, double *z, unsigned *flags)
{
	if (z)
		*z = (status == KKB_Z_OK) ? zv : DNAN;
	if (flags)
		*flags = fl;
	return status;
}

/* ---- LMS formulas ----------------------------------------------------------- */

/*
 * kkb_lms_z - unrestricted z of x: ((x/M)^L - 1)/(L*S), or log(x/M)/S when L is 0.
 * No argument checks: x <= 0 or NaN gives a non-finite or NaN result.
 */
double
kkb_lms_z(struct kkb_lms p, double x)
{
	if (fabs(p.l) < L_EPSILON)
		return log(x / p.m) / p.s;
	return (pow(x / p.m, p.l) - 1.0) / (p.l * p.s);
}

/* kkb_lms_sd - the measurement at k SD: M*(1 + L*S*k)^(1/L), or M*exp(S*k) when L is 0. */
double
kkb_lms_sd(struct kkb_lms p, double k)
{
	if (fabs(p.l) < L_EPSILON)
		return p.m * exp(p.s * k);
	return p.m * pow(1.0 + p.l * p.s * k, 1.0 / p.l);
}

/*
 * kkb_lms_z_restricted - WHO's restricted z (weight-based indicators): the LMS z
 * within [-3, 3]; beyond, the distance from SD3 (SD-3) in units of the SD2..SD3
 * (SD-3..SD-2) spacing.  Decided on the unrestricted z, as anthro does.
 */
double
kkb_lms_z_restricted(struct kkb_lms p, double x)
{
	double		z = kkb_lms_z(p, x);

	if (z > 3.0)
	{
		double		sd3 = kkb_lms_sd(p, 3.0);

		return 3.0 + (x - sd3) / (sd3 - kkb_lms_sd(p, 2.0));
	}
	if (z < -3.0)
	{
		double		sd3neg = kkb_lms_sd(p, -3.0);

		return -3.0 + (x - sd3neg) / (kkb_lms_sd(p, -2.0) - sd3neg);
	}
	return z;
}

/* ---- raw table evaluators --------------------------------------------------- */

/* kkb_lms_at_day - row age_days of a by-day table; see zscore.h. */
int
kkb_lms_at_day(int table, int sex, int age_days, struct kkb_lms *out)
{
	const day_rows *t = day_table(table);

	if (t == NULL || !valid_sex(sex))
		return KKB_Z_INVALID;
	if (!age_in_range(age_days))
		return KKB_Z_NA;
	if (out)
		*out = t[sex - 1][age_days];
	return KKB_Z_OK;
}

/* kkb_lms_at_lenhei - interpolated WFL/WFH row at cm; see zscore.h. */
int
kkb_lms_at_lenhei(int table, int sex, double cm, struct kkb_lms *out)
{
	struct kkb_lms p;
	int			st;

	if ((table != KKB_TBL_WFL && table != KKB_TBL_WFH) || !valid_sex(sex) || !isfinite(cm))
		return KKB_Z_INVALID;
	st = lenhei_lms(table, sex, cm, &p);
	if (st == KKB_Z_OK && out)
		*out = p;
	return st;
}

/* kkb_z_at_day - z of x from a by-day table (restricted unless LHFA); see zscore.h. */
int
kkb_z_at_day(int table, int sex, int age_days, double x, double *z)
{
	const day_rows *t = day_table(table);
	struct kkb_lms p;
	double		zv;

	if (t == NULL || !valid_sex(sex) || !valid_measure(x))
		return finish(KKB_Z_INVALID, DNAN, 0, z, NULL);
	if (!age_in_range(age_days))
		return finish(KKB_Z_NA, DNAN, 0, z, NULL);
	p = t[sex - 1][age_days];
	zv = (table == KKB_TBL_LHFA) ? kkb_lms_z(p, x) : kkb_lms_z_restricted(p, x);
	if (!isfinite(zv))
		return finish(KKB_Z_INVALID, DNAN, 0, z, NULL);
	return finish(KKB_Z_OK, zv, 0, z, NULL);
}

/* kkb_z_at_lenhei - restricted z of a weight at cm from WFL/WFH; see zscore.h. */
int
kkb_z_at_lenhei(int table, int sex, double cm, double weight_kg, double *z)
{
	struct kkb_lms p;
	double		zv;
	int			st;

	if ((table != KKB_TBL_WFL && table != KKB_TBL_WFH) || !valid_sex(sex) ||
		!isfinite(cm) || !valid_measure(weight_kg))
		return finish(KKB_Z_INVALID, DNAN, 0, z, NULL);
	st = lenhei_lms(table, sex, cm, &p);
	if (st != KKB_Z_OK)
		return finish(st, DNAN, 0, z, NULL);
	zv = kkb_lms_z_restricted(p, weight_kg);
	if (!isfinite(zv))
		return finish(KKB_Z_INVALID, DNAN, 0, z, NULL);
	return finish(KKB_Z_OK, zv, 0, z, NULL);
}

/* ---- rounding, flags, categories --------------------------------------------- */

/*
 * kkb_round2 - 2 decimals, halves away from zero, on the exact binary value.
 * p = |z|*100 is rounded by the multiplication; only when p lands exactly on a
 * .5 does the rounding error matter, and fma() gives it exactly then.
 */
double
kkb_round2(double z)
{
	double		a,
				p,
				f,
				frac,
				r;

	if (!isfinite(z))
		return z;
	a = fabs(z);
	if (a >= 1e15)				/* no fractional digits left to round */
		return z;
	p = a * 100.0;
	f = floor(p);
	frac = p - f;				/* exact: p < 2^53 */
	if (frac > 0.5 || (frac == 0.5 && fma(a, 100.0, -p) >= 0.0))
		f += 1.0;
	r = f / 100.0;
	if (r == 0.0)
		return 0.0;				/* never -0 */
	return z < 0.0 ? -r : r;
}

/* Flag rules, applied to the 2-decimal z as anthro does. */
static int
implausible_tbu(double z2)
{
	return z2 < -6.0 || z2 > 6.0;
}

/* WHO flag thresholds for weight-for-age, and for weight-for-length/height and BMI. */
static int
implausible_bbu(double z2)
{
	return z2 < -6.0 || z2 > 5.0;
}

static int
implausible_bbtb_imtu(double z2)
{
	return z2 < -5.0 || z2 > 5.0;
}

/* Permenkes 2/2020 TB/U (PB/U) category of a (2-decimal) z; NULL for NaN. */
const char *
kkb_cat_tbu(double z)
{
	if (isnan(z))
		return NULL;
	if (z < -3.0)
		return "sangat pendek";
	if (z < -2.0)
		return "pendek";
	if (z <= 3.0)
		return "normal";
	return "tinggi";
}

/* Permenkes 2/2020 BB/U category of a (2-decimal) z; NULL for NaN. */
const char *
kkb_cat_bbu(double z)
{
	if (isnan(z))
		return NULL;
	if (z < -3.0)
		return "berat badan sangat kurang";
	if (z < -2.0)
		return "berat badan kurang";
	if (z <= 1.0)
		return "berat badan normal";
	return "risiko berat badan lebih";
}

/* Permenkes 2/2020 BB/TB (BB/PB) category of a (2-decimal) z; NULL for NaN. */
const char *
kkb_cat_bbtb(double z)
{
	if (isnan(z))
		return NULL;
	if (z < -3.0)
		return "gizi buruk";
	if (z < -2.0)
		return "gizi kurang";
	if (z <= 1.0)
		return "gizi baik";
	if (z <= 2.0)
		return "berisiko gizi lebih";
	if (z <= 3.0)
		return "gizi lebih";
	return "obesitas";
}

/* IMT/U uses the same six categories and cut-offs as BB/TB. */
const char *
kkb_cat_imtu(double z)
{
	return kkb_cat_bbtb(z);
}

/* Stunting (pendek or sangat pendek): z < -2; -1 for NaN. */
int
kkb_is_stunted(double z)
{
	if (isnan(z))
		return -1;
	return z < -2.0;
}

static const char *const flag_names[KKB_FLAG_COUNT] = {
	"tbu_tidak_wajar",
	"bbu_tidak_wajar",
	"bbtb_tidak_wajar",
	"imtu_tidak_wajar",
	"posisi_ukur_tidak_wajar",
};

/* Name of exactly one known flag bit, else NULL. */
const char *
kkb_flag_name(unsigned flag)
{
	for (int i = 0; i < KKB_FLAG_COUNT; i++)
		if (flag == (1u << i))
			return flag_names[i];
	return NULL;
}

/* kkb_flag_names - names of the set bits, fixed order; returns the number set. */
int
kkb_flag_names(unsigned flags, const char **names, int cap)
{
	int			n = 0;

	for (int i = 0; i < KKB_FLAG_COUNT; i++)
	{
		if (!(flags & (1u << i)))
			continue;
		if (names && n < cap)
			names[n] = flag_names[i];
		n++;
	}
	return n;
}

/* ---- indicators ----------------------------------------------------------------- */

/* kkb_adjusted_lenhei - position-adjusted length/height; see zscore.h. */
int
kkb_adjusted_lenhei(int age_days, double lenhei_cm, int position,
					double *adjusted_cm, unsigned *flags)
{
	unsigned	fl = 0;
	double		adj;

	if (!valid_position(position) || !valid_measure(lenhei_cm))
		return finish(KKB_Z_INVALID, DNAN, 0, adjusted_cm, flags);
	if (!age_in_range(age_days))
		return finish(KKB_Z_NA, DNAN, 0, adjusted_cm, flags);
	adj = adjust_lenhei(age_days, lenhei_cm, position, &fl);
	return finish(KKB_Z_OK, adj, fl, adjusted_cm, flags);
}

/* kkb_z_lhfa - TB/U on the adjusted length/height, unrestricted; see zscore.h. */
int
kkb_z_lhfa(int sex, int age_days, double lenhei_cm, int position,
		   double *z, unsigned *flags)
{
	unsigned	fl = 0;
	double		adj,
				zv;

	if (!valid_sex(sex) || !valid_position(position) || !valid_measure(lenhei_cm))
		return finish(KKB_Z_INVALID, DNAN, 0, z, flags);
	if (!age_in_range(age_days))
		return finish(KKB_Z_NA, DNAN, 0, z, flags);
	adj = adjust_lenhei(age_days, lenhei_cm, position, &fl);
	if (!(adj > 0.0))
		return finish(KKB_Z_NA, DNAN, fl, z, flags);
	zv = kkb_lms_z(kkb_who_lhfa[sex - 1][age_days], adj);
	if (!isfinite(zv))
		return finish(KKB_Z_INVALID, DNAN, fl, z, flags);
	if (implausible_tbu(kkb_round2(zv)))
		fl |= KKB_FLAG_TBU;
	return finish(KKB_Z_OK, zv, fl, z, flags);
}

/* kkb_z_wfa - BB/U, restricted; see zscore.h. */
int
kkb_z_wfa(int sex, int age_days, double weight_kg, int oedema,
		  double *z, unsigned *flags)
{
	unsigned	fl = 0;
	double		zv;

	if (!valid_sex(sex) || !valid_measure(weight_kg))
		return finish(KKB_Z_INVALID, DNAN, 0, z, flags);
	if (!age_in_range(age_days) || oedema)
		return finish(KKB_Z_NA, DNAN, 0, z, flags);
	zv = kkb_lms_z_restricted(kkb_who_wfa[sex - 1][age_days], weight_kg);
	if (!isfinite(zv))
		return finish(KKB_Z_INVALID, DNAN, 0, z, flags);
	if (implausible_bbu(kkb_round2(zv)))
		fl |= KKB_FLAG_BBU;
	return finish(KKB_Z_OK, zv, fl, z, flags);
}

/* kkb_z_wflh - BB/PB below 731 days, BB/TB from 731 days, restricted; see zscore.h. */
int
kkb_z_wflh(int sex, int age_days, double weight_kg, double lenhei_cm,
		   int position, int oedema, double *z, unsigned *flags)
{
	unsigned	fl = 0;
	struct kkb_lms p;
	double		adj,
				zv;
	int			st;

	if (!valid_sex(sex) || !valid_position(position) ||
		!valid_measure(weight_kg) || !valid_measure(lenhei_cm))
		return finish(KKB_Z_INVALID, DNAN, 0, z, flags);
	if (!age_in_range(age_days))
		return finish(KKB_Z_NA, DNAN, 0, z, flags);
	adj = adjust_lenhei(age_days, lenhei_cm, position, &fl);
	if (oedema)
		return finish(KKB_Z_NA, DNAN, fl, z, flags);
	st = lenhei_lms(age_days < KKB_ADJUST_DAYS ? KKB_TBL_WFL : KKB_TBL_WFH, sex, adj, &p);
	if (st != KKB_Z_OK)
		return finish(st, DNAN, fl, z, flags);
	zv = kkb_lms_z_restricted(p, weight_kg);
	if (!isfinite(zv))
		return finish(KKB_Z_INVALID, DNAN, fl, z, flags);
	if (implausible_bbtb_imtu(kkb_round2(zv)))
		fl |= KKB_FLAG_BBTB;
	return finish(KKB_Z_OK, zv, fl, z, flags);
}

/* BMI from weight and the adjusted length/height (anthro: weight / (clenhei/100)^2). */
static double
bmi_of(double weight_kg, double adj_cm)
{
	double		h = adj_cm / 100.0;

	return weight_kg / (h * h);
}

/* kkb_z_bfa - IMT/U on the BMI from the adjusted length/height, restricted; see zscore.h. */
int
kkb_z_bfa(int sex, int age_days, double weight_kg, double lenhei_cm,
		  int position, int oedema, double *z, unsigned *flags)
{
	unsigned	fl = 0;
	double		adj,
				bmi,
				zv;

	if (!valid_sex(sex) || !valid_position(position) ||
		!valid_measure(weight_kg) || !valid_measure(lenhei_cm))
		return finish(KKB_Z_INVALID, DNAN, 0, z, flags);
	if (!age_in_range(age_days))
		return finish(KKB_Z_NA, DNAN, 0, z, flags);
	adj = adjust_lenhei(age_days, lenhei_cm, position, &fl);
	if (oedema || !(adj > 0.0))
		return finish(KKB_Z_NA, DNAN, fl, z, flags);
	bmi = bmi_of(weight_kg, adj);
	if (!isfinite(bmi))
		return finish(KKB_Z_INVALID, DNAN, fl, z, flags);
	if (!(bmi > 0.0))			/* underflow: anthro treats a measure <= 0 as missing */
		return finish(KKB_Z_NA, DNAN, fl, z, flags);
	zv = kkb_lms_z_restricted(kkb_who_bfa[sex - 1][age_days], bmi);
	if (!isfinite(zv))
		return finish(KKB_Z_INVALID, DNAN, fl, z, flags);
	if (implausible_bbtb_imtu(kkb_round2(zv)))
		fl |= KKB_FLAG_IMTU;
	return finish(KKB_Z_OK, zv, fl, z, flags);
}

/* ---- composite ------------------------------------------------------------------ */

/* An indicator result with no value (status NA or INVALID). */
static void
zscore_init(struct kkb_zscore *r, int status)
{
	r->status = status;
	r->z = DNAN;
	r->z2 = DNAN;
	r->category = NULL;
	r->flagged = 0;
}

/* Fill one indicator from a scoring call's status, z and flags. */
static void
zscore_set(struct kkb_zscore *r, int status, double z, unsigned fl, unsigned own_flag,
		   const char *(*category) (double))
{
	zscore_init(r, status);
	if (status != KKB_Z_OK)
		return;
	r->z = z;
	r->z2 = kkb_round2(z);
	r->category = category(r->z2);
	r->flagged = (fl & own_flag) != 0;
}

/* Set the whole composite to status (NA or INVALID), no values; returns status. */
static int
anthro_fail(struct kkb_anthro *out, int status)
{
	out->status = status;
	out->lenhei_adj = DNAN;
	out->bmi = DNAN;
	out->wflh_table = 0;
	zscore_init(&out->tbu, status);
	zscore_init(&out->bbu, status);
	zscore_init(&out->bbtb, status);
	zscore_init(&out->imtu, status);
	out->stunting = -1;
	out->flags = 0;
	return status;
}

/*
 * kkb_anthro_all - every indicator at once, by calling the single-indicator
 * functions (so both paths always agree); see zscore.h for the contract.
 */
int
kkb_anthro_all(int sex, int age_days, const double *weight_kg,
			   const double *lenhei_cm, int position, int oedema,
			   struct kkb_anthro *out)
{
	int			have_w = weight_kg != NULL,
				have_h = lenhei_cm != NULL;
	double		w = have_w ? *weight_kg : DNAN,
				h = have_h ? *lenhei_cm : DNAN,
				z;
	unsigned	fl = 0,
				all = 0;
	int			st;

	if (!valid_sex(sex) || !valid_position(position) ||
		(have_w && !valid_measure(w)) || (have_h && !valid_measure(h)))
		return anthro_fail(out, KKB_Z_INVALID);
	if (!age_in_range(age_days))
		return anthro_fail(out, KKB_Z_NA);
	anthro_fail(out, KKB_Z_NA);
	out->status = KKB_Z_OK;

	if (have_h)
	{
		kkb_adjusted_lenhei(age_days, h, position, &out->lenhei_adj, &fl);
		all |= fl;
		out->wflh_table = age_days < KKB_ADJUST_DAYS ? KKB_TBL_WFL : KKB_TBL_WFH;
		if (have_w && out->lenhei_adj > 0.0)
		{
			out->bmi = bmi_of(w, out->lenhei_adj);
			if (!isfinite(out->bmi))
				return anthro_fail(out, KKB_Z_INVALID);
		}

		st = kkb_z_lhfa(sex, age_days, h, position, &z, &fl);
		zscore_set(&out->tbu, st, z, fl, KKB_FLAG_TBU, kkb_cat_tbu);
		all |= fl;
	}
	if (have_w)
	{
		st = kkb_z_wfa(sex, age_days, w, oedema, &z, &fl);
		zscore_set(&out->bbu, st, z, fl, KKB_FLAG_BBU, kkb_cat_bbu);
		all |= fl;
	}
	if (have_w && have_h)
	{
		st = kkb_z_wflh(sex, age_days, w, h, position, oedema, &z, &fl);
		zscore_set(&out->bbtb, st, z, fl, KKB_FLAG_BBTB, kkb_cat_bbtb);
		all |= fl;
		st = kkb_z_bfa(sex, age_days, w, h, position, oedema, &z, &fl);
		zscore_set(&out->imtu, st, z, fl, KKB_FLAG_IMTU, kkb_cat_imtu);
		all |= fl;
	}

	/* a finite input whose score overflowed is invalid as a whole */
	if (out->tbu.status == KKB_Z_INVALID || out->bbu.status == KKB_Z_INVALID ||
		out->bbtb.status == KKB_Z_INVALID || out->imtu.status == KKB_Z_INVALID)
		return anthro_fail(out, KKB_Z_INVALID);

	out->stunting = out->tbu.status == KKB_Z_OK ? kkb_is_stunted(out->tbu.z2) : -1;
	out->flags = all;
	return KKB_Z_OK;
}

/*
 * prevalensi.h - pure C core of the prevalence and mean z-score estimates with 95%
 * confidence intervals, computed as WHO's anthro package computes them for unweighted
 * data, with its closed formulas (docs/DOMAIN.md section 5a has the method in full).
 *
 * One accumulator per group (a village, a month, a sex, ...): every row passed to it is
 * one child measurement.  The group is its own data set, so
 *   N = the rows added, except those aged over 1826 days (removed before anything);
 *       rows without a usable value (missing, flagged, no age) still count in N;
 *   n = the rows with a usable prevalence value of the indicator;
 *   k = those beyond the cut-off (z < batas for batas < 0, z > batas for batas > 0,
 *       strictly, on the 2-decimal z);
 *   m = the rows with a usable mean value (for weight-based indicators, oedema excluded).
 * Values: a z-score counts unless it is missing or its WHO implausibility flag is set;
 * a child with oedema counts as z = -3.10 in the prevalence of the weight-based
 * indicators (BB/U, BB/TB, IMT/U), whatever its measurements, and not in their mean;
 * TB/U ignores oedema.
 *
 * Formulas (t = Student's t 0.975 quantile with N - 1 degrees of freedom, from R's
 * own standalone math library libRmath, so it is R's qt() - what anthro calls - to the
 * last bit; f = N / (N - 1)):
 *   prevalence  p = k / n; persen = 100 p; se = 100 sqrt(f) sqrt(p (1 - p) / n);
 *               p = 0: CI [0, 0]; p = 1: CI [100, 100]; otherwise the logit interval
 *               100 expit(logit(p) -+ t sqrt(f / (n p (1 - p))));
 *   mean        mean = sum z / m; se = sqrt(f) sqrt(sum (z - mean)^2) / m;
 *               CI = mean -+ t se; sd = sqrt(sum (z - mean)^2 / (m - 1)), none when m = 1.
 * Nothing is rounded.  N = 1 gives NaN where anthro gives NaN (se; the mean's CI).
 * Sums are kept in exact integers (z in hundredths), so the order of rows and the
 * merging of partial accumulators (parallel aggregation) cannot change a result.
 *
 * No allocation, no global mutable state: thread-safe.  Link with -lRmath -lm.
 */
#ifndef KKB_PREVALENSI_H
#define KKB_PREVALENSI_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The four indicators, by their Indonesian names. */
typedef enum kkb_prev_indikator
{
	KKB_PREV_TBU = 0,			/* length/height-for-age (HA): ignores oedema */
	KKB_PREV_BBU = 1,			/* weight-for-age (WA) */
	KKB_PREV_BBTB = 2,			/* weight-for-length/height (WH) */
	KKB_PREV_IMTU = 3			/* BMI-for-age (BMI) */
} kkb_prev_indikator;

/* The indicator named "tbu", "bbu", "bbtb" or "imtu"; -1 for anything else. */
int			kkb_prev_indikator_dari(const char *name);

/* Oldest age kept, in days (anthro removes older rows before anything else). */
#define KKB_PREV_UMUR_MAKS 1826

/* The oedema value of the weight-based prevalences, in hundredths (-3.10). */
#define KKB_PREV_Z_OEDEMA (-310)

typedef struct kkb_prev_acc
{
	int64_t		N;				/* rows in the data set */
	int64_t		n;				/* usable prevalence values */
	int64_t		k;				/* of those, beyond the cut-off */
	int64_t		m;				/* usable mean values */
	int64_t		jumlah;			/* sum of the mean values, hundredths */
	int64_t		jumlah_kuadrat; /* sum of their squares, hundredths^2 */
} kkb_prev_acc;

/* A zeroed accumulator. */
void		kkb_prev_init(kkb_prev_acc *acc);

/*
 * Add one row.  umur_ada/umur_hari: the age in days when known (a row older than
 * KKB_PREV_UMUR_MAKS is ignored entirely); z_ada/z100: the indicator's 2-decimal
 * z-score in hundredths (-2.05 -> -205) when computed; ditandai: its WHO flag is set;
 * oedema: bilateral pitting oedema.  batas100: the cut-off in hundredths (any non-zero
 * value; only its sign and size matter).
 */
void		kkb_prev_add(kkb_prev_acc *acc, int indikator, double batas100,
						 bool umur_ada, int umur_hari, bool z_ada, int z100, bool ditandai, bool oedema);

/* Add a row that is not a measurement at all (no age, no values): counts in N only. */
void		kkb_prev_add_kosong(kkb_prev_acc *acc);

/* Merge b into a (partial groups of the same data set). */
void		kkb_prev_merge(kkb_prev_acc *a, const kkb_prev_acc *b);

/* A result: each field with its own "present" flag (SQL NULL when false). */
typedef struct kkb_prev_hasil
{
	int64_t		n;
	bool		ada;			/* n > 0: the estimates below exist */
	double		persen;
	double		se;
	double		ci_bawah;
	double		ci_atas;
} kkb_prev_hasil;

typedef struct kkb_rerata_hasil
{
	int64_t		n;				/* m: the values the mean is over */
	bool		ada;			/* m > 0 */
	double		rerata;
	double		se;
	double		ci_bawah;
	double		ci_atas;
	bool		sd_ada;			/* m > 1 */
	double		sd;
} kkb_rerata_hasil;

void		kkb_prev_hitung(const kkb_prev_acc *acc, kkb_prev_hasil *out);
void		kkb_rerata_hitung(const kkb_prev_acc *acc, kkb_rerata_hasil *out);

/* R's qt(0.975, df): the two-sided 95% Student's t quantile; NaN for df < 1. */
double		kkb_prev_t975(double df);

#ifdef __cplusplus
}
#endif

#endif							/* KKB_PREVALENSI_H */

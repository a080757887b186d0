/*
 * zscore.h - WHO Child Growth Standards z-scores and Permenkes 2/2020 categories.
 *
 * Pure C11, no PostgreSQL headers, no allocation, no global mutable state: every
 * function is reentrant and thread-safe.  The LMS tables are compiled in from the
 * generated who_tables.c (extension/gen/who_tables.sh).  Link with -lm.
 *
 * What this module computes (docs/DOMAIN.md section 5; WHO's anthro R package,
 * github.com/WorldHealthOrganization/anthro, is the reference implementation):
 *
 *   TB/U  length/height-for-age   z = ((x/M)^L - 1) / (L*S), not restricted
 *   BB/U  weight-for-age          restricted beyond +-3 SD (see kkb_lms_z_restricted)
 *   BB/TB weight-for-length (age < 731 days, 45..110 cm) or weight-for-height
 *         (age >= 731 days, 65..120 cm), L/M/S interpolated between 0.1 cm rows,
 *         restricted
 *   IMT/U BMI-for-age, BMI = weight / (adjusted length/height in m)^2, restricted
 *
 * Conventions shared by all entry points:
 *
 *   - sex: KKB_MALE (1) or KKB_FEMALE (2); anything else is KKB_Z_INVALID.
 *   - age_days: whole days.  Scores exist only for 0 <= age_days <= 1826
 *     (age in months = days / 30.4375 < 60); outside that the result is KKB_Z_NA.
 *   - position: how the length/height was measured: KKB_LYING (recumbent,
 *     "telentang"), KKB_STANDING ("berdiri") or KKB_POS_UNKNOWN (0: assume the
 *     expected position for the age, i.e. no adjustment, as anthro does when the
 *     measure is missing).  Anything else is KKB_Z_INVALID.
 *     Standing under 731 days adds 0.7 cm, lying from 731 days subtracts 0.7 cm;
 *     the adjusted value feeds TB/U, BB/TB and IMT/U.  A child under 9 months
 *     (days / 30.4375 < 9, i.e. age_days <= 273) measured standing is NOT
 *     adjusted and gets KKB_FLAG_POSISI ("posisi_ukur_tidak_wajar"); its scores
 *     are still computed from the unadjusted value (anthro: c9mo_flag).
 *   - oedema: 0 = no, any other value = bilateral pitting oedema present; then the
 *     weight-based scores (BB/U, BB/TB, IMT/U) are KKB_Z_NA; TB/U is unaffected.
 *   - Measurements (weight_kg, lenhei_cm) that are NaN, +-Inf, zero or negative
 *     are KKB_Z_INVALID (the SQL layer raises 22023).  A finite but absurd value
 *     whose z-score overflows to a non-finite number is KKB_Z_INVALID as well.
 *     Argument checks come first: an invalid argument wins over "not applicable".
 *   - Output pointers may be NULL when the caller does not need that output.
 *     When the status is not KKB_Z_OK, *z is set to NaN.
 *   - *flags is overwritten (not OR-ed) with the KKB_FLAG_* bits of that call.
 *     KKB_FLAG_POSISI is reported whenever the arguments are valid and the age is
 *     in range, even if the score itself is then KKB_Z_NA (oedema, out of table);
 *     an indicator's own implausibility flag only accompanies KKB_Z_OK.
 *
 * Rounding, flags and categories (decision, matching anthro):
 *   anthro rounds every z-score to 2 decimals (z_precision = 2) inside the
 *   computation and then both flags it (flag_zscore() receives the rounded value)
 *   and uses that rounded value for its prevalence cut-offs (R/z-score-helper.R,
 *   R/z-score-weight-for-lenhei.R, R/prevalence.R).  This module does the same:
 *     - the z returned by the kkb_z_* functions is UNROUNDED (full precision);
 *     - the implausibility flags are decided on kkb_round2(z);
 *     - categories and stunting are meant to be taken on kkb_round2(z), and
 *       kkb_anthro_all() does exactly that (struct kkb_zscore.z2).
 *   So a TB/U z of -2.004 is reported as -2.00, "normal", not stunted, and a
 *   BB/U z of 5.004 (5.00) is not flagged.  The SQL layer should return the
 *   z2 value computed here rather than re-rounding z itself (see kkb_round2 for
 *   why a float8 -> numeric -> round() path can differ in the last digit).
 */
#ifndef KKB_ZSCORE_H
#define KKB_ZSCORE_H

#ifdef __cplusplus
extern "C" {
#endif

/* ---- codes ------------------------------------------------------------------ */

enum kkb_sex
{
	KKB_MALE = 1,
	KKB_FEMALE = 2
};

enum kkb_position
{
	KKB_POS_UNKNOWN = 0,	/* not recorded: expected position for the age, no adjustment */
	KKB_LYING = 1,			/* recumbent length, telentang */
	KKB_STANDING = 2		/* standing height, berdiri */
};

/* Result status of every scoring function. */
enum kkb_zstatus
{
	KKB_Z_OK = 0,			/* *z is a finite z-score */
	KKB_Z_NA = 1,			/* not applicable: SQL NULL (age outside 0..1826 days,
							 * oedema for weight-based scores, length outside the
							 * weight-for-length/height table, ...) */
	KKB_Z_INVALID = 2		/* invalid argument: SQL error 22023 */
};

/* The five WHO tables (for the raw evaluators). */
enum kkb_table
{
	KKB_TBL_LHFA = 1,		/* length/height-for-age, by day, L = 1 throughout */
	KKB_TBL_WFA = 2,		/* weight-for-age, by day */
	KKB_TBL_BFA = 3,		/* BMI-for-age, by day */
	KKB_TBL_WFL = 4,		/* weight-for-length, 45.0..110.0 cm by 0.1 */
	KKB_TBL_WFH = 5			/* weight-for-height, 65.0..120.0 cm by 0.1 */
};

/* WHO implausibility flags (biologically implausible values) and the position flag. */
#define KKB_FLAG_TBU    0x01u	/* "tbu_tidak_wajar":  round2(TB/U z) < -6 or > 6 */
#define KKB_FLAG_BBU    0x02u	/* "bbu_tidak_wajar":  round2(BB/U z) < -6 or > 5 */
#define KKB_FLAG_BBTB   0x04u	/* "bbtb_tidak_wajar": round2(BB/TB z) < -5 or > 5 */
#define KKB_FLAG_IMTU   0x08u	/* "imtu_tidak_wajar": round2(IMT/U z) < -5 or > 5 */
#define KKB_FLAG_POSISI 0x10u	/* "posisi_ukur_tidak_wajar": standing under 9 months */
#define KKB_FLAG_COUNT  5

/* Table geometry. */
#define KKB_AGE_DAYS_MAX 1826	/* last day with scores (age < 60 months) */
#define KKB_DAY_ROWS     1827	/* rows per sex of the by-day tables: days 0..1826 */
#define KKB_ADJUST_DAYS  731	/* lying expected below, standing from this day */
#define KKB_WFL_FIRST    450	/* weight-for-length rows: 45.0 .. 110.0 cm, in mm */
#define KKB_WFL_LAST     1100
#define KKB_WFL_ROWS     (KKB_WFL_LAST - KKB_WFL_FIRST + 1)
#define KKB_WFH_FIRST    650	/* weight-for-height rows: 65.0 .. 120.0 cm, in mm */
#define KKB_WFH_LAST     1200
#define KKB_WFH_ROWS     (KKB_WFH_LAST - KKB_WFH_FIRST + 1)

/* One row of a WHO table: Box-Cox power L, median M, coefficient of variation S. */
struct kkb_lms
{
	double		l;
	double		m;
	double		s;
};

/* ---- indicator functions ---------------------------------------------------- */

/*
 * kkb_z_lhfa - length/height-for-age (TB/U) z-score, unrestricted.
 * lenhei_cm is the measured value; it is adjusted for position (see top).
 * Flags: KKB_FLAG_POSISI, KKB_FLAG_TBU.
 * Returns KKB_Z_INVALID for bad sex/position/lenhei, KKB_Z_NA for an age outside
 * 0..1826 days (or an adjusted length <= 0), else KKB_Z_OK.
 */
int			kkb_z_lhfa(int sex, int age_days, double lenhei_cm, int position,
					   double *z, unsigned *flags);

/*
 * kkb_z_wfa - weight-for-age (BB/U) z-score, restricted beyond +-3 SD.
 * Flags: KKB_FLAG_BBU.  KKB_Z_NA for age outside 0..1826 or oedema.
 */
int			kkb_z_wfa(int sex, int age_days, double weight_kg, int oedema,
					  double *z, unsigned *flags);

/*
 * kkb_z_wflh - weight-for-length (age < 731 days) or weight-for-height (from 731
 * days) (BB/PB, BB/TB) z-score, restricted, on the position-adjusted length/height
 * with L, M, S linearly interpolated between the 0.1 cm rows exactly as anthro does
 * (lower row trunc(cm*10)/10, upper row trunc(cm*10 + 1)/10, fraction
 * (cm - lower)/0.1, lower row alone when the fraction is not > 0).  The same
 * double arithmetic gives the same rows for values like 67.29999999999998
 * (= 66.6 + 0.7: rows 67.2..67.3, fraction 0.9999...), and reproduces anthro's
 * one quirk: just below 102.4 cm (e.g. 103.1 - 0.7) the upper row computes as
 * 102.5, so the LMS used are practically those of 102.5 cm (of all 1- and
 * 2-decimal inputs only 103.1 cm lying from 731 days hits this).
 * KKB_Z_NA for age outside 0..1826, oedema, or an adjusted length outside the
 * chosen table (45..110 cm, resp. 65..120 cm, bounds inclusive).
 * Flags: KKB_FLAG_POSISI, KKB_FLAG_BBTB.
 */
int			kkb_z_wflh(int sex, int age_days, double weight_kg, double lenhei_cm,
					   int position, int oedema, double *z, unsigned *flags);

/*
 * kkb_z_bfa - BMI-for-age (IMT/U) z-score, restricted, with
 * BMI = weight_kg / (adjusted lenhei_cm / 100)^2 (no length range applies;
 * kkb_anthro_all reports that BMI).  KKB_Z_NA for age outside 0..1826, oedema,
 * or a BMI that underflows to 0.  Flags: KKB_FLAG_POSISI, KKB_FLAG_IMTU.
 */
int			kkb_z_bfa(int sex, int age_days, double weight_kg, double lenhei_cm,
					  int position, int oedema, double *z, unsigned *flags);

/*
 * kkb_adjusted_lenhei - the position-adjusted length/height (cm) used by all
 * length-based indicators: +0.7 standing under 731 days (except under 9 months,
 * which is flagged KKB_FLAG_POSISI and left as is), -0.7 lying from 731 days.
 * KKB_Z_INVALID for bad position/lenhei, KKB_Z_NA for age outside 0..1826.
 */
int			kkb_adjusted_lenhei(int age_days, double lenhei_cm, int position,
								double *adjusted_cm, unsigned *flags);

/* ---- all indicators at once (the SQL composite is a copy of this) ----------- */

struct kkb_zscore
{
	int			status;		/* enum kkb_zstatus; other fields valid only when KKB_Z_OK */
	double		z;			/* unrounded z-score (NaN unless OK) */
	double		z2;			/* kkb_round2(z): the value to store and show */
	const char *category;	/* Permenkes 2/2020 category of z2, static string; NULL unless OK */
	int			flagged;	/* 1 when the WHO implausibility flag of this indicator is set */
};

struct kkb_anthro
{
	int			status;		/* same as the return value of kkb_anthro_all */
	double		lenhei_adj;	/* adjusted length/height in cm; NaN when not available */
	double		bmi;		/* kg/m^2 from lenhei_adj; NaN when not available */
	int			wflh_table;	/* table BB/TB uses at this age (KKB_TBL_WFL below 731 days,
							 * else KKB_TBL_WFH) when a length/height was given, else 0 */
	struct kkb_zscore tbu;	/* TB/U  length/height-for-age */
	struct kkb_zscore bbu;	/* BB/U  weight-for-age */
	struct kkb_zscore bbtb;	/* BB/TB weight-for-length/height */
	struct kkb_zscore imtu;	/* IMT/U BMI-for-age */
	int			stunting;	/* 1 when tbu.z2 < -2, 0 when not, -1 when TB/U is not OK */
	unsigned	flags;		/* OR of all KKB_FLAG_* bits */
};

/*
 * kkb_anthro_all - every indicator for one measurement.
 * weight_kg / lenhei_cm may be NULL for "not measured" (SQL NULL): the indicators
 * needing it are KKB_Z_NA.  A non-NULL value must be finite and > 0.
 * Returns (and stores in out->status):
 *   KKB_Z_INVALID  sex, position or a given measurement is invalid (every
 *                  indicator status is then KKB_Z_INVALID too);
 *   KKB_Z_NA       age outside 0..1826 days (every indicator KKB_Z_NA);
 *   KKB_Z_OK       otherwise; the individual statuses say which scores exist.
 * The values are identical to those of kkb_z_lhfa/wfa/wflh/bfa.  KKB_FLAG_POSISI
 * is reported only when a length/height was given.  out must not be NULL.
 */
int			kkb_anthro_all(int sex, int age_days, const double *weight_kg,
						   const double *lenhei_cm, int position, int oedema,
						   struct kkb_anthro *out);

/* ---- categories (Permenkes 2/2020), rounding, flag names -------------------- */

/*
 * Category strings for a z-score; pass the 2-decimal value kkb_round2(z) (see top).
 * Return a static string, or NULL for a NaN z.
 *   TB/U:  "sangat pendek" < -3 <= "pendek" < -2 <= "normal" <= 3 < "tinggi"
 *   BB/U:  "berat badan sangat kurang" < -3 <= "berat badan kurang" < -2
 *          <= "berat badan normal" <= 1 < "risiko berat badan lebih"
 *   BB/TB and IMT/U: "gizi buruk" < -3 <= "gizi kurang" < -2 <= "gizi baik" <= 1
 *          < "berisiko gizi lebih" <= 2 < "gizi lebih" <= 3 < "obesitas"
 */
const char *kkb_cat_tbu(double z);
const char *kkb_cat_bbu(double z);
const char *kkb_cat_bbtb(double z);
const char *kkb_cat_imtu(double z);

/* Stunting: 1 when z < -2 (pass kkb_round2(z)), 0 otherwise, -1 for NaN. */
int			kkb_is_stunted(double z);

/*
 * kkb_round2 - round to 2 decimals, halves away from zero, decided on the exact
 * binary value of z (2.675, stored as 2.67499999..., gives 2.67; 0.125, exact,
 * gives 0.13).  R's round(), used by anthro, agrees except on exact binary ties
 * (z = n + k/8 with k odd), where R 4 rounds to even; PostgreSQL's
 * round(z::numeric, 2) first prints z with 15 significant digits, so it can round
 * a value such as 2.00499999999999989 up.  Never returns -0.  NaN/Inf pass through.
 */
double		kkb_round2(double z);

/* Name of one flag bit ("tbu_tidak_wajar", ...), NULL if not exactly one known bit. */
const char *kkb_flag_name(unsigned flag);

/*
 * kkb_flag_names - the names of the set bits of flags, in the fixed order tbu,
 * bbu, bbtb, imtu, posisi, into names[0..cap-1].  Returns how many bits are set
 * (which may exceed cap; only cap names are written).
 */
int			kkb_flag_names(unsigned flags, const char **names, int cap);

/* ---- raw table evaluators (tests, diagnostics) -------------------------------- */

/*
 * kkb_lms_at_day - the L, M, S row of a by-day table (KKB_TBL_LHFA/WFA/BFA).
 * KKB_Z_INVALID for a bad table or sex, KKB_Z_NA for a day outside 0..1826.
 */
int			kkb_lms_at_day(int table, int sex, int age_days, struct kkb_lms *out);

/*
 * kkb_lms_at_lenhei - L, M, S of KKB_TBL_WFL or KKB_TBL_WFH at cm, linearly
 * interpolated between the 0.1 cm rows (anthro's rule, see kkb_z_wflh).  No
 * position adjustment.  KKB_Z_INVALID for a bad table/sex or non-finite cm,
 * KKB_Z_NA outside the table's range.
 */
int			kkb_lms_at_lenhei(int table, int sex, double cm, struct kkb_lms *out);

/* z of measurement x, unrestricted LMS formula (log form if L == 0). */
double		kkb_lms_z(struct kkb_lms p, double x);

/*
 * z of x, WHO restricted form: as kkb_lms_z within +-3; beyond, linear in x with
 * the SD2..SD3 spacing: z > 3: 3 + (x - SD3)/(SD3 - SD2);
 * z < -3: -3 + (x - SD-3)/(SD-2 - SD-3).
 */
double		kkb_lms_z_restricted(struct kkb_lms p, double x);

/* The measurement at k SD, SD_k = M * (1 + L*S*k)^(1/L) (M*exp(S*k) if L == 0). */
double		kkb_lms_sd(struct kkb_lms p, double k);

/*
 * kkb_z_at_day - z of x (cm, kg or kg/m^2) from a by-day table, restricted for
 * WFA and BFA, unrestricted for LHFA; no adjustment, no oedema, no flags.
 * KKB_Z_INVALID for bad table/sex or x not finite and > 0; KKB_Z_NA outside 0..1826.
 */
int			kkb_z_at_day(int table, int sex, int age_days, double x, double *z);

/*
 * kkb_z_at_lenhei - restricted z of weight_kg from KKB_TBL_WFL / KKB_TBL_WFH at
 * cm (interpolated, no adjustment).  Statuses as kkb_lms_at_lenhei, plus
 * KKB_Z_INVALID for a weight that is not finite and > 0.
 */
int			kkb_z_at_lenhei(int table, int sex, double cm, double weight_kg,
							double *z);

/* ---- internal: the generated tables (who_tables.c), index [sex - 1][row] ------ */
extern const struct kkb_lms kkb_who_lhfa[2][KKB_DAY_ROWS];
extern const struct kkb_lms kkb_who_wfa[2][KKB_DAY_ROWS];
extern const struct kkb_lms kkb_who_bfa[2][KKB_DAY_ROWS];
extern const struct kkb_lms kkb_who_wfl[2][KKB_WFL_ROWS];
extern const struct kkb_lms kkb_who_wfh[2][KKB_WFH_ROWS];

#ifdef __cplusplus
}
#endif

#endif							/* KKB_ZSCORE_H */

/*
 * test_zscore.c - TAP unit test of the WHO z-score core (extension/src/core/zscore.c).
 *
 * 1. Every row of WHO's expanded z-score tables (tests/fixtures/
 *    who_expanded_zscore_tables.csv, argv[1]) within the scored age range: the
 *    published measurement at -4..+4 SD must score that SD within 0.005, through
 *    the public indicator functions and, identically, through the raw evaluators.
 * 2. Worked cases computed by hand here from the table rows (LMS values copied from
 *    extension/data/who/who_XXX_lms.csv as literals): position adjustment, the
 *    under-9-months flag, interpolation between 0.1 cm rows, the restricted z beyond +-3, oedema,
 *    age and length range edges, category boundaries, rounding, INVALID inputs and
 *    the composite kkb_anthro_all().
 *
 * Build and run (from the repository root):
 *   sh extension/gen/who_tables.sh extension/data/who > extension/src/core/who_tables.c
 *   cc -std=c11 -O2 -Wall -Wextra -I extension/src/core tests/unit/test_zscore.c \
 *      extension/src/core/zscore.c extension/src/core/who_tables.c -lm -o /tmp/test_zscore
 *   /tmp/test_zscore [tests/fixtures/who_expanded_zscore_tables.csv]
 */
#define _POSIX_C_SOURCE 200809L	/* clock_gettime */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "zscore.h"

#define FIXTURE_DEFAULT "tests/fixtures/who_expanded_zscore_tables.csv"
#define TOL_TABLE 0.005			/* the fixture gives measurements to 3 decimals */
#define TOL_EXACT 1e-9			/* hand computation vs module: same formula */
#define MAX_DIAG 25				/* cap on per-value failure diagnostics */

static const double dnan = (double) NAN;
static const double dinf = (double) INFINITY;

/* ---- part 1: WHO expanded tables ----------------------------------------------- */

enum ind
{
	IND_LHFA, IND_WFA, IND_BFA, IND_WFL, IND_WFH, IND_COUNT
};

static const char *const ind_name[IND_COUNT] = {"lhfa", "wfa", "bfa", "wfl", "wfh"};

struct stats
{
	int			rows;			/* fixture rows in the scored range */
	int			checks;			/* SD values evaluated */
	int			fails;			/* status not OK, |z - k| > tol, or a flag set */
	double		worst;			/* max |z - k| */
	char		worst_x[16];
	int			worst_k;
	int			raw_mismatch;	/* raw evaluator z != public function z */
	int			beyond_rows;	/* day rows 1827..1856 */
	int			beyond_na;		/* ... of which every SD value gave KKB_Z_NA */
};

static struct stats st[IND_COUNT][2];
static int	diag_count = 0;

static int
parse_ind(const char *s)
{
	for (int i = 0; i < IND_COUNT; i++)
		if (strcmp(s, ind_name[i]) == 0)
			return i;
	return -1;
}

/* Score value v of row (ind, sex, x) through the public function and the raw one. */
static int
score(int ind, int sex, int day, double cm, double v, double *z, double *zraw, unsigned *fl)
{
	int			s = KKB_Z_INVALID,
				sr = KKB_Z_INVALID;
	int			pos = day < 731 ? KKB_LYING : KKB_STANDING;

	*fl = 0;
	switch (ind)
	{
		case IND_LHFA:
			s = kkb_z_lhfa(sex, day, v, pos, z, fl);
			sr = kkb_z_at_day(KKB_TBL_LHFA, sex, day, v, zraw);
			break;
		case IND_WFA:
			s = kkb_z_wfa(sex, day, v, 0, z, fl);
			sr = kkb_z_at_day(KKB_TBL_WFA, sex, day, v, zraw);
			break;
		case IND_BFA:
			/* a 100 cm child: BMI = weight / 1.0^2 = the published BMI exactly */
			s = kkb_z_bfa(sex, day, v, 100.0, pos, 0, z, fl);
			sr = kkb_z_at_day(KKB_TBL_BFA, sex, day, v, zraw);
			break;
		case IND_WFL:
			/* a 365-day-old lying: weight-for-length, no adjustment */
			s = kkb_z_wflh(sex, 365, v, cm, KKB_LYING, 0, z, fl);
			sr = kkb_z_at_lenhei(KKB_TBL_WFL, sex, cm, v, zraw);
			break;
		case IND_WFH:
			/* a 1000-day-old standing: weight-for-height, no adjustment */
			s = kkb_z_wflh(sex, 1000, v, cm, KKB_STANDING, 0, z, fl);
			sr = kkb_z_at_lenhei(KKB_TBL_WFH, sex, cm, v, zraw);
			break;
	}
	return s == sr ? s : -1;
}

static int
check_fixture(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[512];
	int			lineno = 0,
				bad_lines = 0;

	if (!f)
	{
		ok(0, "open fixture %s", path);
		return 0;
	}
	ok(1, "open fixture %s", path);
	while (fgets(line, sizeof line, f))
	{
		char	   *fld[12];
		int			n = 0,
					ind,
					sex,
					day = -1;
		double		cm = dnan;
		char	   *p = line,
				   *tok;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (lineno == 1 || line[0] == '\0')
			continue;
		/* split on commas in place */
		fld[n++] = p;
		while (n < 12 && (tok = strchr(p, ',')) != NULL)
		{
			*tok = '\0';
			p = tok + 1;
			fld[n++] = p;
		}
		if (strchr(p, ','))
			n = 0;
		ind = n == 12 ? parse_ind(fld[0]) : -1;
		sex = n == 12 ? atoi(fld[1]) : 0;
		if (ind < 0 || (sex != 1 && sex != 2))
		{
			if (bad_lines++ < 5)
				diag("fixture line %d not understood: %s", lineno, line);
			continue;
		}
		if (ind == IND_WFL || ind == IND_WFH)
			cm = strtod(fld[2], NULL);
		else
			day = atoi(fld[2]);

		struct stats *s = &st[ind][sex - 1];
		int			beyond = day > KKB_AGE_DAYS_MAX;
		int			all_na = 1;

		if (beyond)
			s->beyond_rows++;
		else
			s->rows++;
		for (int k = -4; k <= 4; k++)
		{
			double		v = strtod(fld[3 + k + 4], NULL),
						z = dnan,
						zraw = dnan;
			unsigned	fl;
			int			status = score(ind, sex, day, cm, v, &z, &zraw, &fl);

			if (beyond)
			{
				if (status != KKB_Z_NA)
					all_na = 0;
				continue;
			}
			s->checks++;
			double		dev = status == KKB_Z_OK ? fabs(z - k) : dinf;

			if (status == KKB_Z_OK && !(z == zraw))
				s->raw_mismatch++;
			if (dev > s->worst || s->checks == 1)
			{
				s->worst = dev;
				snprintf(s->worst_x, sizeof s->worst_x, "%s", fld[2]);
				s->worst_k = k;
			}
			if (status != KKB_Z_OK || dev > TOL_TABLE || fl != 0)
			{
				s->fails++;
				if (diag_count++ < MAX_DIAG)
					diag("%s sex %d x %s SD %+d: value %s -> status %d z %.6f flags 0x%x",
						 ind_name[ind], sex, fld[2], k, fld[3 + k + 4], status, z, fl);
			}
		}
		if (beyond && all_na)
			s->beyond_na++;
	}
	fclose(f);
	ok(bad_lines == 0, "every fixture line parsed (%d not understood)", bad_lines);
	return 1;
}

static void
report_fixture(void)
{
	static const int want_rows[IND_COUNT] = {1827, 1827, 1827, 651, 551};

	for (int ind = 0; ind < IND_COUNT; ind++)
		for (int sex = 1; sex <= 2; sex++)
		{
			struct stats *s = &st[ind][sex - 1];
			const char *sx = sex == 1 ? "male" : "female";
			const char *unit = (ind == IND_WFL || ind == IND_WFH) ? "cm" : "day";

			ok(s->rows == want_rows[ind] && s->checks == 9 * want_rows[ind],
			   "%s %s: %d rows, %d SD values checked (want %d rows, 9 values each)",
			   ind_name[ind], sx, s->rows, s->checks, want_rows[ind]);
			ok(s->fails == 0 && s->checks > 0,
			   "%s %s: every published -4..+4 SD value scores its SD within %.3f, no flag "
			   "(%d failures; worst |z - SD| %.5f at %s %s, SD %+d)",
			   ind_name[ind], sx, TOL_TABLE, s->fails, s->worst, unit, s->worst_x, s->worst_k);
			ok(s->raw_mismatch == 0,
			   "%s %s: raw table evaluator gives the identical z (%d mismatches)",
			   ind_name[ind], sx, s->raw_mismatch);
			if (ind == IND_LHFA || ind == IND_WFA || ind == IND_BFA)
				ok(s->beyond_rows == 30 && s->beyond_na == 30,
				   "%s %s: days 1827..1856 (%d rows) are not applicable (%d all NA)",
				   ind_name[ind], sx, s->beyond_rows, s->beyond_na);
		}
}

/* ---- part 2: worked cases ---------------------------------------------------------- */

/* Hand formulas, written out independently of the module. */
static double
lms_z(double x, double l, double m, double s)
{
	return (pow(x / m, l) - 1.0) / (l * s);
}

static double
lms_sd(double k, double l, double m, double s)
{
	return m * pow(1.0 + l * s * k, 1.0 / l);
}

static double
lms_z_restricted(double x, double l, double m, double s)
{
	double		z = lms_z(x, l, m, s);

	if (z > 3.0)
		return 3.0 + (x - lms_sd(3, l, m, s)) / (lms_sd(3, l, m, s) - lms_sd(2, l, m, s));
	if (z < -3.0)
		return -3.0 + (x - lms_sd(-3, l, m, s)) / (lms_sd(-2, l, m, s) - lms_sd(-3, l, m, s));
	return z;
}

static void
test_lhfa_cases(void)
{
	double		z,
				adj,
				want;
	unsigned	fl;
	int			s;

	/* boy 44 days, 50 cm lying: lhfa row (1,44): L=1 M=56.4833 S=0.03492 */
	want = (50.0 / 56.4833 - 1.0) / 0.03492;
	s = kkb_z_lhfa(KKB_MALE, 44, 50.0, KKB_LYING, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == 0,
	   "TB/U boy 44 d 50 cm lying = (50/56.4833-1)/0.03492 = %.6f (got %.6f)", want, z);
	/* that is below -3: TB/U is unrestricted (with L = 1 both forms coincide) */
	ok(want < -3.0 && fabs(z - lms_z(50.0, 1, 56.4833, 0.03492)) < TOL_EXACT,
	   "TB/U beyond -3 is the plain LMS z (%.4f)", z);
	is_str(kkb_cat_tbu(kkb_round2(z)), "sangat pendek", "TB/U %.2f is sangat pendek", z);

	/* boy 730 days, 65 cm lying: row (1,730) L=1 M=87.8018 S=0.03479 -> z < -6, flagged */
	want = (65.0 / 87.8018 - 1.0) / 0.03479;
	s = kkb_z_lhfa(KKB_MALE, 730, 65.0, KKB_LYING, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == KKB_FLAG_TBU,
	   "TB/U boy 730 d 65 cm = %.4f < -6: value kept, flag tbu_tidak_wajar (flags 0x%x)", z, fl);

	/* standing at 400 days: +0.7 cm; row (1,400) L=1 M=77.0812 S=0.03157 */
	want = (75.7 / 77.0812 - 1.0) / 0.03157;
	s = kkb_z_lhfa(KKB_MALE, 400, 75.0, KKB_STANDING, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == 0,
	   "TB/U boy 400 d 75.0 cm standing scores 75.7 cm: %.6f (got %.6f)", want, z);
	s = kkb_adjusted_lenhei(400, 75.0, KKB_STANDING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 75.0 + 0.7 && fl == 0, "adjusted 400 d standing 75.0 -> %.2f", adj);

	/* lying at 800 days: -0.7 cm; row (2,800) L=1 M=87.6853 S=0.03814 */
	want = (84.3 / 87.6853 - 1.0) / 0.03814;
	s = kkb_z_lhfa(KKB_FEMALE, 800, 85.0, KKB_LYING, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == 0,
	   "TB/U girl 800 d 85.0 cm lying scores 84.3 cm: %.6f (got %.6f)", want, z);
	s = kkb_adjusted_lenhei(800, 85.0, KKB_LYING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 85.0 - 0.7 && fl == 0, "adjusted 800 d lying 85.0 -> %.2f", adj);

	/* expected positions and unknown position: no adjustment */
	s = kkb_adjusted_lenhei(400, 75.0, KKB_LYING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 75.0 && fl == 0, "400 d lying: no adjustment");
	s = kkb_adjusted_lenhei(800, 85.0, KKB_STANDING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 85.0 && fl == 0, "800 d standing: no adjustment");
	s = kkb_adjusted_lenhei(400, 75.0, KKB_POS_UNKNOWN, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 75.0 && fl == 0, "400 d unknown position: no adjustment");
	s = kkb_adjusted_lenhei(730, 80.0, KKB_STANDING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 80.7, "730 d standing: +0.7 (last day of lying age)");
	s = kkb_adjusted_lenhei(731, 80.0, KKB_LYING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 80.0 - 0.7, "731 d lying: -0.7 (first day of standing age)");

	/* under 9 months standing: no adjustment, flag; row (1,200) L=1 M=68.5198 S=0.03149 */
	want = (65.0 / 68.5198 - 1.0) / 0.03149;
	s = kkb_z_lhfa(KKB_MALE, 200, 65.0, KKB_STANDING, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == KKB_FLAG_POSISI,
	   "TB/U boy 200 d standing: unadjusted 65.0 cm scored (%.4f), flag posisi_ukur_tidak_wajar",
	   z);
	/* 9 months = 273.9375 days: 273 is under, 274 is not */
	s = kkb_adjusted_lenhei(273, 70.0, KKB_STANDING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 70.0 && fl == KKB_FLAG_POSISI,
	   "273 d (8.97 months) standing: unadjusted, flagged");
	s = kkb_adjusted_lenhei(274, 70.0, KKB_STANDING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 70.7 && fl == 0, "274 d (9.002 months) standing: +0.7, not flagged");
	s = kkb_adjusted_lenhei(200, 65.0, KKB_LYING, &adj, &fl);
	ok(s == KKB_Z_OK && adj == 65.0 && fl == 0, "200 d lying: not flagged");
	/* the flag is reported with weight-based scores too, even when oedema makes them NA */
	s = kkb_z_wflh(KKB_MALE, 200, 7.0, 65.0, KKB_STANDING, 1, &z, &fl);
	ok(s == KKB_Z_NA && fl == KKB_FLAG_POSISI && isnan(z),
	   "BB/PB under 9 months standing with oedema: NA, position flag still reported");
}

static void
test_wflh_cases(void)
{
	double		z,
				want,
				frac,
				m;
	unsigned	fl;
	int			s;
	struct kkb_lms p;

	/* boy 300 d, 8.0 kg at 67.33 cm: rows (1,67.3) L=-0.3521 M=7.8065 S=0.08212 and
	 * (1,67.4) M=7.8296 S=0.08212; fraction (67.33 - 67.3) / 0.1 */
	frac = (67.33 - 67.3) / 0.1;
	m = 7.8065 + frac * (7.8296 - 7.8065);
	want = lms_z(8.0, -0.3521, m, 0.08212);
	s = kkb_z_wflh(KKB_MALE, 300, 8.0, 67.33, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == 0,
	   "BB/PB boy 8.0 kg 67.33 cm: interpolated M %.6f, z %.6f (got %.6f)", m, want, z);
	s = kkb_lms_at_lenhei(KKB_TBL_WFL, KKB_MALE, 67.33, &p);
	ok(s == KKB_Z_OK && p.l == -0.3521 && fabs(p.m - m) < 1e-12 && fabs(p.s - 0.08212) < 1e-15,
	   "WFL LMS at 67.33 cm = {-0.3521, %.6f, 0.08212}", m);
	/* 66.63 standing at 300 d -> 67.33 adjusted: interpolation uses the adjusted length */
	s = kkb_z_wflh(KKB_MALE, 300, 8.0, 66.63, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < 1e-9,
	   "BB/PB boy 66.63 cm standing interpolates at 67.33 cm (got %.6f)", z);
	/* exactly on a row: the row itself */
	want = lms_z(8.0, -0.3521, 7.8065, 0.08212);
	s = kkb_z_wflh(KKB_MALE, 300, 8.0, 67.3, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < 1e-12, "BB/PB at 67.3 cm uses row 67.3 (%.6f)", z);

	/* girl 1000 d, 11.0 kg at 85.35 cm standing: wfh rows (2,85.3) M=11.4684 and
	 * (2,85.4) M=11.4935, L=-0.3833, S=0.08895 */
	frac = (85.35 - 85.3) / 0.1;
	m = 11.4684 + frac * (11.4935 - 11.4684);
	want = lms_z(11.0, -0.3833, m, 0.08895);
	s = kkb_z_wflh(KKB_FEMALE, 1000, 11.0, 85.35, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT,
	   "BB/TB girl 11.0 kg 85.35 cm: interpolated z %.6f (got %.6f)", want, z);

	/* range edges: at the median weight z is 0 */
	s = kkb_z_wflh(KKB_MALE, 300, 2.441, 45.0, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z) < 1e-12, "WFL 45.0 cm (first row) ok, median weight z 0");
	s = kkb_z_wflh(KKB_MALE, 300, 2.441, 44.9, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_NA && isnan(z), "WFL 44.9 cm: not applicable");
	s = kkb_z_wflh(KKB_MALE, 300, 18.2689, 110.0, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z) < 1e-12, "WFL 110.0 cm (last row) ok, median weight z 0");
	s = kkb_z_wflh(KKB_MALE, 300, 18.2689, 110.1, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_NA, "WFL 110.1 cm: not applicable");
	s = kkb_z_wflh(KKB_FEMALE, 1000, 7.2402, 65.0, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z) < 1e-12, "WFH 65.0 cm (first row) ok, median weight z 0");
	s = kkb_z_wflh(KKB_FEMALE, 1000, 7.2402, 64.9, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_NA, "WFH 64.9 cm: not applicable");
	s = kkb_z_wflh(KKB_FEMALE, 1000, 22.8173, 120.0, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z) < 1e-12, "WFH 120.0 cm (last row) ok, median weight z 0");
	s = kkb_z_wflh(KKB_FEMALE, 1000, 22.8173, 120.1, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_NA, "WFH 120.1 cm: not applicable");
	s = kkb_z_at_lenhei(KKB_TBL_WFL, KKB_MALE, 110.1, 18.0, &z);
	ok(s == KKB_Z_NA, "raw WFL evaluator: 110.1 cm not applicable");

	/*
	 * anthro's floating-point quirk, reproduced: boy 800 d lying 103.1 cm -> 103.1 - 0.7
	 * = 102.39999999999999; trunc(x*10) = 1023 but trunc(x*10 + 1) = 1025, so anthro
	 * interpolates rows (1,102.3) M=16.0206 S=0.08343 and (1,102.5) M=16.0801 S=0.08354
	 * with a fraction of 0.99999..., i.e. practically row 102.5, not row 102.4 (M=16.0503).
	 */
	{
		double		x = 103.1 - 0.7;

		frac = (x - 102.3) / 0.1;
		m = 16.0206 + frac * (16.0801 - 16.0206);
		want = lms_z(16.0, -0.3521, m, 0.08343 + frac * (0.08354 - 0.08343));
		s = kkb_z_wflh(KKB_MALE, 800, 16.0, 103.1, KKB_LYING, 0, &z, &fl);
		ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && frac > 0.9999 &&
		   fabs(z - lms_z(16.0, -0.3521, 16.0503, 0.08349)) > 0.01,
		   "BB/TB boy 800 d 103.1 cm lying: anthro's rows 102.3..102.5 (z %.4f, row 102.4 "
		   "would give %.4f)", z, lms_z(16.0, -0.3521, 16.0503, 0.08349));
	}

	/* table switch at 731 days */
	s = kkb_z_wflh(KKB_MALE, 730, 6.0, 60.0, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_OK, "730 d, 60 cm: weight-for-length applies");
	s = kkb_z_wflh(KKB_MALE, 731, 6.0, 60.0, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_NA, "731 d, 60 cm: weight-for-height starts at 65 cm, not applicable");
	{
		double		zr;

		s = kkb_z_wflh(KKB_MALE, 731, 9.0, 70.0, KKB_LYING, 0, &z, &fl);
		kkb_z_at_lenhei(KKB_TBL_WFH, KKB_MALE, 70.0 - 0.7, 9.0, &zr);
		ok(s == KKB_Z_OK && z == zr, "731 d lying 70.0 cm: weight-for-height at 69.3 cm");
	}
	/* adjusted length decides the range: 44.5 cm standing at 300 d -> 45.2 */
	s = kkb_z_wflh(KKB_MALE, 300, 2.5, 44.5, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_OK, "WFL 44.5 cm standing (adjusted 45.2) is in range");
	s = kkb_z_wflh(KKB_MALE, 300, 18.0, 109.5, KKB_STANDING, 0, &z, &fl);
	ok(s == KKB_Z_NA, "WFL 109.5 cm standing (adjusted 110.2) is out of range");
}

static void
test_restricted_cases(void)
{
	double		z,
				want,
				sd3,
				sd2;
	unsigned	fl;
	int			s;

	/* boy 365 d, 15 kg: wfa row (1,365) L=0.0645 M=9.646 S=0.10925 */
	sd3 = 9.646 * pow(1.0 + 0.0645 * 0.10925 * 3.0, 1.0 / 0.0645);
	sd2 = 9.646 * pow(1.0 + 0.0645 * 0.10925 * 2.0, 1.0 / 0.0645);
	want = 3.0 + (15.0 - sd3) / (sd3 - sd2);
	s = kkb_z_wfa(KKB_MALE, 365, 15.0, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == 0,
	   "BB/U boy 365 d 15 kg beyond +3: 3 + (15 - SD3 %.4f)/(SD3 - SD2 %.4f) = %.6f (got %.6f)",
	   sd3, sd2, want, z);
	ok(fabs(z - lms_z(15.0, 0.0645, 9.646, 0.10925)) > 0.05,
	   "... which differs from the unrestricted z %.4f", lms_z(15.0, 0.0645, 9.646, 0.10925));
	is_str(kkb_cat_bbu(kkb_round2(z)), "risiko berat badan lebih", "BB/U %.2f category", z);

	/* girl 365 d, 5 kg: wfa row (2,365) L=-0.2022 M=8.9462 S=0.12267 */
	{
		double		sdm3 = 8.9462 * pow(1.0 - 0.2022 * 0.12267 * -3.0, 1.0 / -0.2022),
					sdm2 = 8.9462 * pow(1.0 - 0.2022 * 0.12267 * -2.0, 1.0 / -0.2022);

		want = -3.0 + (5.0 - sdm3) / (sdm2 - sdm3);
		s = kkb_z_wfa(KKB_FEMALE, 365, 5.0, 0, &z, &fl);
		ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == 0,
		   "BB/U girl 365 d 5 kg beyond -3: -3 + (5 - SD-3 %.4f)/(SD-2 - SD-3) = %.6f (got %.6f)",
		   sdm3, want, z);
		ok(fabs(z - lms_z(5.0, -0.2022, 8.9462, 0.12267)) > 0.05,
		   "... which differs from the unrestricted z %.4f", lms_z(5.0, -0.2022, 8.9462, 0.12267));
		is_str(kkb_cat_bbu(kkb_round2(z)), "berat badan sangat kurang", "BB/U %.2f category", z);
	}

	/* boy 365 d, 20 kg: restricted z > 5 -> bbu_tidak_wajar */
	want = lms_z_restricted(20.0, 0.0645, 9.646, 0.10925);
	s = kkb_z_wfa(KKB_MALE, 365, 20.0, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && fl == KKB_FLAG_BBU,
	   "BB/U boy 365 d 20 kg = %.3f > 5: flag bbu_tidak_wajar", z);

	/* BMI-for-age beyond +3: boy 500 d, 15 kg at 70 cm lying; bfa row (1,500)
	 * L=-0.5172 M=16.2897 S=0.07904 */
	want = lms_z_restricted(15.0 / (0.7 * 0.7), -0.5172, 16.2897, 0.07904);
	s = kkb_z_bfa(KKB_MALE, 500, 15.0, 70.0, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT && want > 5 && fl == KKB_FLAG_IMTU,
	   "IMT/U boy 500 d BMI %.2f: restricted z %.4f (got %.4f), flag imtu_tidak_wajar",
	   15.0 / 0.49, want, z);
	/* BMI uses the adjusted height: girl 1000 d lying 90 cm -> 89.3; bfa (2,1000)
	 * L=-0.5684 M=15.4604 S=0.08465 */
	want = lms_z_restricted(13.0 / (0.893 * 0.893), -0.5684, 15.4604, 0.08465);
	s = kkb_z_bfa(KKB_FEMALE, 1000, 13.0, 90.0, KKB_LYING, 0, &z, &fl);
	ok(s == KKB_Z_OK && fabs(z - want) < 1e-9,
	   "IMT/U girl 1000 d 13 kg 90 cm lying uses 89.3 cm: %.6f (got %.6f)", want, z);

	/* SD_k round trip through the public LMS helpers */
	{
		struct kkb_lms p = {-0.3521, 7.8065, 0.08212};
		int			good = 1;

		for (int k = -5; k <= 5; k++)
			if (fabs(kkb_lms_z(p, kkb_lms_sd(p, k)) - k) > 1e-9)
				good = 0;
		ok(good, "kkb_lms_z(kkb_lms_sd(k)) == k for k = -5..5");
		ok(fabs(kkb_lms_z_restricted(p, kkb_lms_sd(p, 3.0)) - 3.0) < 1e-9 &&
		   fabs(kkb_lms_z_restricted(p, 2 * kkb_lms_sd(p, 3.0) - kkb_lms_sd(p, 2.0)) - 4.0) < 1e-9,
		   "restricted: SD3 scores 3, SD3 + (SD3 - SD2) scores 4");
		struct kkb_lms p0 = {0.0, 10.0, 0.1};

		ok(fabs(kkb_lms_z(p0, 10.0 * exp(0.2)) - 2.0) < 1e-12 &&
		   fabs(kkb_lms_sd(p0, -1.0) - 10.0 * exp(-0.1)) < 1e-12,
		   "L = 0 guard: log form");
	}
}

static void
test_oedema_age(void)
{
	double		z;
	unsigned	fl;
	int			s;
	struct kkb_anthro a;
	double		w = 10.0,
				h = 75.0;

	s = kkb_z_wfa(KKB_MALE, 400, 10.0, 1, &z, &fl);
	ok(s == KKB_Z_NA && isnan(z), "oedema: BB/U not applicable");
	s = kkb_z_wflh(KKB_MALE, 400, 10.0, 75.0, KKB_LYING, 1, &z, &fl);
	ok(s == KKB_Z_NA, "oedema: BB/PB not applicable");
	s = kkb_z_bfa(KKB_MALE, 400, 10.0, 75.0, KKB_LYING, 1, &z, &fl);
	ok(s == KKB_Z_NA, "oedema: IMT/U not applicable");
	kkb_anthro_all(KKB_MALE, 400, &w, &h, KKB_LYING, 1, &a);
	ok(a.status == KKB_Z_OK && a.tbu.status == KKB_Z_OK && a.bbu.status == KKB_Z_NA &&
	   a.bbtb.status == KKB_Z_NA && a.imtu.status == KKB_Z_NA && a.stunting == 0,
	   "oedema composite: TB/U still computed (%.2f), weight-based NA", a.tbu.z2);

	/* age range: 1826 ok, 1827 and -1 not applicable, for all four */
	w = 18.0;
	h = 110.0;
	kkb_anthro_all(KKB_FEMALE, 1826, &w, &h, KKB_STANDING, 0, &a);
	ok(a.status == KKB_Z_OK && a.tbu.status == KKB_Z_OK && a.bbu.status == KKB_Z_OK &&
	   a.bbtb.status == KKB_Z_OK && a.imtu.status == KKB_Z_OK, "age 1826 d: all four scored");
	kkb_anthro_all(KKB_FEMALE, 1827, &w, &h, KKB_STANDING, 0, &a);
	ok(a.status == KKB_Z_NA && a.tbu.status == KKB_Z_NA && a.bbu.status == KKB_Z_NA &&
	   a.bbtb.status == KKB_Z_NA && a.imtu.status == KKB_Z_NA && isnan(a.tbu.z) &&
	   a.stunting == -1, "age 1827 d: composite not applicable");
	ok(kkb_z_lhfa(KKB_FEMALE, 1827, 110.0, KKB_STANDING, &z, &fl) == KKB_Z_NA &&
	   kkb_z_wfa(KKB_FEMALE, 1827, 18.0, 0, &z, &fl) == KKB_Z_NA &&
	   kkb_z_wflh(KKB_FEMALE, 1827, 18.0, 110.0, KKB_STANDING, 0, &z, &fl) == KKB_Z_NA &&
	   kkb_z_bfa(KKB_FEMALE, 1827, 18.0, 110.0, KKB_STANDING, 0, &z, &fl) == KKB_Z_NA,
	   "age 1827 d: each indicator function not applicable");
	ok(kkb_z_lhfa(KKB_FEMALE, 1826, 110.0, KKB_STANDING, &z, &fl) == KKB_Z_OK &&
	   kkb_z_wfa(KKB_FEMALE, 1826, 18.0, 0, &z, &fl) == KKB_Z_OK &&
	   kkb_z_wflh(KKB_FEMALE, 1826, 18.0, 110.0, KKB_STANDING, 0, &z, &fl) == KKB_Z_OK &&
	   kkb_z_bfa(KKB_FEMALE, 1826, 18.0, 110.0, KKB_STANDING, 0, &z, &fl) == KKB_Z_OK,
	   "age 1826 d: each indicator function ok");
	{
		/* boy 1826 d: lhfa row (1,1826) L=1 M=109.9593 S=0.04214 */
		double		want = (105.0 / 109.9593 - 1.0) / 0.04214;

		s = kkb_z_lhfa(KKB_MALE, 1826, 105.0, KKB_STANDING, &z, &fl);
		ok(s == KKB_Z_OK && fabs(z - want) < TOL_EXACT, "TB/U boy 1826 d 105 cm = %.6f", want);
	}
	ok(kkb_z_lhfa(KKB_MALE, -1, 50.0, KKB_LYING, &z, &fl) == KKB_Z_NA &&
	   kkb_z_wfa(KKB_MALE, -1, 3.0, 0, &z, &fl) == KKB_Z_NA &&
	   kkb_z_lhfa(KKB_MALE, 100000, 50.0, KKB_LYING, &z, &fl) == KKB_Z_NA,
	   "age -1 d and 100000 d: not applicable");
	ok(kkb_z_lhfa(KKB_MALE, 0, 49.8842, KKB_LYING, &z, &fl) == KKB_Z_OK && fabs(z) < 1e-12,
	   "age 0 d at the median length: z 0");
}

static void
test_categories(void)
{
	/* TB/U */
	is_str(kkb_cat_tbu(-3.01), "sangat pendek", "TB/U -3.01");
	is_str(kkb_cat_tbu(-3.0), "pendek", "TB/U -3.00 is pendek (-3 <= z < -2)");
	is_str(kkb_cat_tbu(-2.01), "pendek", "TB/U -2.01");
	is_str(kkb_cat_tbu(-2.0), "normal", "TB/U -2.00 is normal");
	is_str(kkb_cat_tbu(1.0), "normal", "TB/U +1.00");
	is_str(kkb_cat_tbu(3.0), "normal", "TB/U +3.00 is normal (z <= 3)");
	is_str(kkb_cat_tbu(3.01), "tinggi", "TB/U +3.01 is tinggi");
	ok(kkb_cat_tbu(dnan) == NULL, "TB/U NaN -> NULL");
	/* BB/U */
	is_str(kkb_cat_bbu(-3.01), "berat badan sangat kurang", "BB/U -3.01");
	is_str(kkb_cat_bbu(-3.0), "berat badan kurang", "BB/U -3.00");
	is_str(kkb_cat_bbu(-2.01), "berat badan kurang", "BB/U -2.01");
	is_str(kkb_cat_bbu(-2.0), "berat badan normal", "BB/U -2.00");
	is_str(kkb_cat_bbu(1.0), "berat badan normal", "BB/U +1.00 is normal (z <= 1)");
	is_str(kkb_cat_bbu(1.01), "risiko berat badan lebih", "BB/U +1.01");
	is_str(kkb_cat_bbu(3.0), "risiko berat badan lebih", "BB/U +3.00");
	/* BB/TB and IMT/U */
	for (int which = 0; which < 2; which++)
	{
		const char *(*cat) (double) = which ? kkb_cat_imtu : kkb_cat_bbtb;
		const char *nm = which ? "IMT/U" : "BB/TB";

		is_str(cat(-3.01), "gizi buruk", "%s -3.01", nm);
		is_str(cat(-3.0), "gizi kurang", "%s -3.00", nm);
		is_str(cat(-2.01), "gizi kurang", "%s -2.01", nm);
		is_str(cat(-2.0), "gizi baik", "%s -2.00", nm);
		is_str(cat(1.0), "gizi baik", "%s +1.00", nm);
		is_str(cat(1.01), "berisiko gizi lebih", "%s +1.01", nm);
		is_str(cat(2.0), "berisiko gizi lebih", "%s +2.00", nm);
		is_str(cat(2.01), "gizi lebih", "%s +2.01", nm);
		is_str(cat(3.0), "gizi lebih", "%s +3.00", nm);
		is_str(cat(3.01), "obesitas", "%s +3.01", nm);
	}
	ok(kkb_is_stunted(-2.01) == 1 && kkb_is_stunted(-2.0) == 0 && kkb_is_stunted(dnan) == -1,
	   "stunting: -2.01 yes, -2.00 no, NaN unknown");
}

static void
test_rounding(void)
{
	double		z,
				x;
	unsigned	fl;
	struct kkb_anthro a;

	ok(kkb_round2(2.675) == 2.67, "round2(2.675) = 2.67 (binary value is below the half)");
	ok(kkb_round2(0.125) == 0.13 && kkb_round2(-0.125) == -0.13,
	   "round2(+-0.125) = +-0.13 (exact tie, away from zero)");
	ok(kkb_round2(-2.004999) == -2.0 && kkb_round2(-2.005001) == -2.01, "round2 near -2.005");
	ok(kkb_round2(1.234567) == 1.23 && kkb_round2(-1.235001) == -1.24, "round2 ordinary values");
	z = kkb_round2(-0.004);
	ok(z == 0.0 && !signbit(z), "round2(-0.004) is +0, never -0");
	ok(isnan(kkb_round2(dnan)) && kkb_round2(dinf) == dinf && kkb_round2(1e300) == 1e300,
	   "round2 passes NaN, Inf and huge values through");

	/* categories and stunting follow the 2-decimal z: boy 44 d, L=1 M=56.4833 S=0.03492 */
	x = 56.4833 * (1.0 - 2.003 * 0.03492);
	a.status = -1;
	kkb_anthro_all(KKB_MALE, 44, NULL, &x, KKB_LYING, 0, &a);
	ok(a.tbu.status == KKB_Z_OK && a.tbu.z < -2.0 && a.tbu.z2 == -2.0 &&
	   strcmp(a.tbu.category, "normal") == 0 && a.stunting == 0,
	   "TB/U z %.5f shows as -2.00: normal, not stunted (anthro's rounded z)", a.tbu.z);
	x = 56.4833 * (1.0 - 2.006 * 0.03492);
	kkb_anthro_all(KKB_MALE, 44, NULL, &x, KKB_LYING, 0, &a);
	ok(a.tbu.status == KKB_Z_OK && a.tbu.z2 == -2.01 &&
	   strcmp(a.tbu.category, "pendek") == 0 && a.stunting == 1,
	   "TB/U z %.5f shows as -2.01: pendek, stunted", a.tbu.z);
	/* flags follow the 2-decimal z too */
	x = 56.4833 * (1.0 + 6.004 * 0.03492);
	kkb_z_lhfa(KKB_MALE, 44, x, KKB_LYING, &z, &fl);
	ok(z > 6.0 && fl == 0, "TB/U z %.5f (6.00 rounded): not flagged", z);
	x = 56.4833 * (1.0 + 6.006 * 0.03492);
	kkb_z_lhfa(KKB_MALE, 44, x, KKB_LYING, &z, &fl);
	ok(fl == KKB_FLAG_TBU, "TB/U z %.5f (6.01 rounded): flagged", z);
}

static void
test_invalid(void)
{
	double		z = 0.0;
	unsigned	fl = 123;
	double		bad[] = {0.0, -1.0, -0.0, dnan, dinf, -dinf};
	int			good = 1,
				n;
	struct kkb_anthro a;
	double		w = 10.0,
				h = 75.0;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
	{
		double		b = bad[i];

		if (kkb_z_wfa(KKB_MALE, 400, b, 0, &z, &fl) != KKB_Z_INVALID || !isnan(z) || fl != 0)
			good = 0;
		if (kkb_z_wflh(KKB_MALE, 400, b, 75.0, KKB_LYING, 0, &z, &fl) != KKB_Z_INVALID)
			good = 0;
		if (kkb_z_bfa(KKB_MALE, 400, b, 75.0, KKB_LYING, 0, &z, &fl) != KKB_Z_INVALID)
			good = 0;
		if (kkb_anthro_all(KKB_MALE, 400, &b, &h, KKB_LYING, 0, &a) != KKB_Z_INVALID ||
			a.tbu.status != KKB_Z_INVALID)
			good = 0;
	}
	ok(good, "weight 0, -1, -0, NaN, +Inf, -Inf: INVALID in BB/U, BB/TB, IMT/U and composite");
	good = 1;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
	{
		double		b = bad[i];

		if (kkb_z_lhfa(KKB_MALE, 400, b, KKB_LYING, &z, &fl) != KKB_Z_INVALID)
			good = 0;
		if (kkb_z_wflh(KKB_MALE, 400, 10.0, b, KKB_LYING, 0, &z, &fl) != KKB_Z_INVALID)
			good = 0;
		if (kkb_z_bfa(KKB_MALE, 400, 10.0, b, KKB_LYING, 0, &z, &fl) != KKB_Z_INVALID)
			good = 0;
		if (kkb_adjusted_lenhei(400, b, KKB_LYING, &z, &fl) != KKB_Z_INVALID)
			good = 0;
		if (kkb_anthro_all(KKB_MALE, 400, &w, &b, KKB_LYING, 0, &a) != KKB_Z_INVALID)
			good = 0;
	}
	ok(good, "length/height 0, -1, -0, NaN, +Inf, -Inf: INVALID everywhere");
	ok(kkb_z_wfa(KKB_MALE, 5000, 0.0, 0, &z, &fl) == KKB_Z_INVALID &&
	   kkb_z_wfa(KKB_MALE, 400, -1.0, 1, &z, &fl) == KKB_Z_INVALID,
	   "an invalid weight wins over age out of range and over oedema");
	ok(kkb_z_wfa(0, 400, 10.0, 0, &z, &fl) == KKB_Z_INVALID &&
	   kkb_z_wfa(3, 400, 10.0, 0, &z, &fl) == KKB_Z_INVALID &&
	   kkb_z_lhfa(-1, 400, 75.0, KKB_LYING, &z, &fl) == KKB_Z_INVALID &&
	   kkb_anthro_all(9, 400, &w, &h, KKB_LYING, 0, &a) == KKB_Z_INVALID,
	   "sex other than 1/2: INVALID");
	ok(kkb_z_lhfa(KKB_MALE, 400, 75.0, 3, &z, &fl) == KKB_Z_INVALID &&
	   kkb_z_wflh(KKB_MALE, 400, 10.0, 75.0, -1, 0, &z, &fl) == KKB_Z_INVALID &&
	   kkb_anthro_all(KKB_MALE, 400, &w, &h, 7, 0, &a) == KKB_Z_INVALID,
	   "position other than 0/1/2: INVALID");
	ok(kkb_z_at_day(99, KKB_MALE, 10, 3.0, &z) == KKB_Z_INVALID &&
	   kkb_z_at_day(KKB_TBL_WFL, KKB_MALE, 10, 3.0, &z) == KKB_Z_INVALID &&
	   kkb_z_at_lenhei(KKB_TBL_WFA, KKB_MALE, 60.0, 3.0, &z) == KKB_Z_INVALID &&
	   kkb_lms_at_lenhei(KKB_TBL_WFL, KKB_MALE, dnan, NULL) == KKB_Z_INVALID &&
	   kkb_lms_at_day(KKB_TBL_LHFA, 2, 1827, NULL) == KKB_Z_NA,
	   "raw evaluators: wrong table INVALID, NaN length INVALID, day 1827 NA");
	w = 1.7e308;
	h = 50.0;
	ok(kkb_z_wfa(KKB_MALE, 0, w, 0, &z, &fl) == KKB_Z_INVALID &&
	   kkb_z_bfa(KKB_MALE, 0, w, h, KKB_LYING, 0, &z, &fl) == KKB_Z_INVALID &&
	   kkb_anthro_all(KKB_MALE, 0, &w, &h, KKB_LYING, 0, &a) == KKB_Z_INVALID,
	   "weight 1.7e308 kg at day 0: z and BMI overflow, INVALID");
	n = kkb_z_wfa(KKB_MALE, 400, 1e300, 0, &z, &fl);
	ok(n == KKB_Z_OK && isfinite(z) && fl == KKB_FLAG_BBU, "weight 1e300 kg: finite z %.3g, flagged", z);
	ok(kkb_z_lhfa(KKB_MALE, 800, 0.5, KKB_LYING, &z, &fl) == KKB_Z_NA,
	   "0.5 cm lying at 800 d adjusts to <= 0: not applicable");
	/* NULL output pointers are allowed */
	ok(kkb_z_wfa(KKB_MALE, 400, 10.0, 0, NULL, NULL) == KKB_Z_OK &&
	   kkb_adjusted_lenhei(400, 75.0, KKB_LYING, NULL, NULL) == KKB_Z_OK,
	   "NULL z/flags pointers accepted");
}

static void
test_composite(void)
{
	struct kkb_anthro a;
	double		w = 9.5,
				h = 78.0,
				z;
	unsigned	fl;
	const char *names[KKB_FLAG_COUNT];
	int			n;

	/* girl 500 d, 9.5 kg, 78.0 cm lying: each field equals the single functions */
	n = kkb_anthro_all(KKB_FEMALE, 500, &w, &h, KKB_LYING, 0, &a);
	ok(n == KKB_Z_OK && a.status == KKB_Z_OK && a.lenhei_adj == 78.0 &&
	   a.bmi == 9.5 / (0.78 * 0.78) && a.wflh_table == KKB_TBL_WFL && a.flags == 0,
	   "composite girl 500 d: adjusted 78.0 cm, BMI %.3f, weight-for-length table", a.bmi);
	kkb_z_lhfa(KKB_FEMALE, 500, 78.0, KKB_LYING, &z, &fl);
	ok(a.tbu.status == KKB_Z_OK && a.tbu.z == z && a.tbu.z2 == kkb_round2(z) &&
	   strcmp(a.tbu.category, kkb_cat_tbu(a.tbu.z2)) == 0 && a.stunting == kkb_is_stunted(a.tbu.z2),
	   "composite TB/U = kkb_z_lhfa: %.2f %s", a.tbu.z2, a.tbu.category);
	kkb_z_wfa(KKB_FEMALE, 500, 9.5, 0, &z, &fl);
	ok(a.bbu.status == KKB_Z_OK && a.bbu.z == z && strcmp(a.bbu.category, kkb_cat_bbu(a.bbu.z2)) == 0,
	   "composite BB/U = kkb_z_wfa: %.2f %s", a.bbu.z2, a.bbu.category);
	kkb_z_wflh(KKB_FEMALE, 500, 9.5, 78.0, KKB_LYING, 0, &z, &fl);
	ok(a.bbtb.status == KKB_Z_OK && a.bbtb.z == z &&
	   strcmp(a.bbtb.category, kkb_cat_bbtb(a.bbtb.z2)) == 0,
	   "composite BB/TB = kkb_z_wflh: %.2f %s", a.bbtb.z2, a.bbtb.category);
	kkb_z_bfa(KKB_FEMALE, 500, 9.5, 78.0, KKB_LYING, 0, &z, &fl);
	ok(a.imtu.status == KKB_Z_OK && a.imtu.z == z &&
	   strcmp(a.imtu.category, kkb_cat_imtu(a.imtu.z2)) == 0,
	   "composite IMT/U = kkb_z_bfa: %.2f %s", a.imtu.z2, a.imtu.category);

	/* missing weight / missing length */
	kkb_anthro_all(KKB_FEMALE, 500, NULL, &h, KKB_LYING, 0, &a);
	ok(a.status == KKB_Z_OK && a.tbu.status == KKB_Z_OK && a.bbu.status == KKB_Z_NA &&
	   a.bbtb.status == KKB_Z_NA && a.imtu.status == KKB_Z_NA && isnan(a.bmi) &&
	   a.bbu.category == NULL, "composite without weight: only TB/U");
	kkb_anthro_all(KKB_FEMALE, 500, &w, NULL, KKB_STANDING, 0, &a);
	ok(a.status == KKB_Z_OK && a.tbu.status == KKB_Z_NA && a.bbu.status == KKB_Z_OK &&
	   a.bbtb.status == KKB_Z_NA && a.stunting == -1 && isnan(a.lenhei_adj) && a.flags == 0,
	   "composite without length: only BB/U, stunting unknown");

	/* flags collected: boy 200 d standing 60 cm (posisi), 3 kg */
	w = 7.5;
	h = 66.0;
	kkb_anthro_all(KKB_MALE, 200, &w, &h, KKB_STANDING, 0, &a);
	ok(a.status == KKB_Z_OK && a.flags == KKB_FLAG_POSISI && a.lenhei_adj == 66.0,
	   "composite boy 200 d 66 cm standing: only the position flag, no adjustment (flags 0x%x)",
	   a.flags);
	w = 3.0;
	h = 60.0;
	kkb_anthro_all(KKB_MALE, 200, &w, &h, KKB_STANDING, 0, &a);
	ok(a.flags == (KKB_FLAG_POSISI | KKB_FLAG_BBU | KKB_FLAG_BBTB | KKB_FLAG_IMTU) &&
	   a.bbu.z2 < -6 && a.bbtb.z2 < -5 && a.imtu.z2 < -5,
	   "composite boy 200 d 3 kg 60 cm: BB/U %.2f, BB/PB %.2f, IMT/U %.2f all flagged, plus position",
	   a.bbu.z2, a.bbtb.z2, a.imtu.z2);
	ok(a.bbu.flagged == ((a.flags & KKB_FLAG_BBU) != 0) &&
	   a.tbu.flagged == ((a.flags & KKB_FLAG_TBU) != 0),
	   "per-indicator flagged matches the bitmask");

	/* flag names */
	n = kkb_flag_names(KKB_FLAG_TBU | KKB_FLAG_IMTU | KKB_FLAG_POSISI, names, KKB_FLAG_COUNT);
	ok(n == 3 && strcmp(names[0], "tbu_tidak_wajar") == 0 &&
	   strcmp(names[1], "imtu_tidak_wajar") == 0 && strcmp(names[2], "posisi_ukur_tidak_wajar") == 0,
	   "flag names in order: tbu, imtu, posisi");
	is_str(kkb_flag_name(KKB_FLAG_BBU), "bbu_tidak_wajar", "flag name bbu");
	is_str(kkb_flag_name(KKB_FLAG_BBTB), "bbtb_tidak_wajar", "flag name bbtb");
	ok(kkb_flag_name(KKB_FLAG_TBU | KKB_FLAG_BBU) == NULL && kkb_flag_name(0x20) == NULL,
	   "flag name of several or unknown bits is NULL");
	ok(kkb_flag_names(0x1f, names, 2) == 5, "kkb_flag_names counts beyond cap");
}

/* Not an assertion (timing is machine-dependent): report the cost of the composite. */
static void
bench(void)
{
	struct timespec t0,
				t1;
	struct kkb_anthro a;
	double		sum = 0;
	const int	n = 1000000;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < n; i++)
	{
		double		w = 5.0 + (i % 1500) / 100.0,
					h = 50.0 + (i % 600) / 10.0;

		kkb_anthro_all(1 + (i & 1), i % 1827, &w, &h, KKB_LYING, 0, &a);
		sum += a.tbu.z2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	diag("1,000,000 kkb_anthro_all calls (4 z-scores each): %.3f s (checksum %.2f)",
		 (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9, sum);
}

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : FIXTURE_DEFAULT;

	if (check_fixture(path))
		report_fixture();
	test_lhfa_cases();
	test_wflh_cases();
	test_restricted_cases();
	test_oedema_age();
	test_categories();
	test_rounding();
	test_invalid();
	test_composite();
	bench();
	return done_testing();
}

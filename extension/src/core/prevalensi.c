/*
 * prevalensi.c - prevalence and mean z-score with 95% confidence intervals as WHO's
 * anthro computes them for unweighted data: see prevalensi.h.
 */
#include "prevalensi.h"

#include <math.h>
#include <string.h>

/* R's standalone math library (Debian r-mathlib): qt() exactly as R computes it. */
#define MATHLIB_STANDALONE
#include <Rmath.h>

int
kkb_prev_indikator_dari(const char *name)
{
	static const char *const names[4] = {"tbu", "bbu", "bbtb", "imtu"};

	if (name == NULL)
		return -1;
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

void
kkb_prev_init(kkb_prev_acc *acc)
{
	memset(acc, 0, sizeof(*acc));
}

void
kkb_prev_add_kosong(kkb_prev_acc *acc)
{
	acc->N++;
}

void
kkb_prev_add(kkb_prev_acc *acc, int indikator, double batas100,
			 bool umur_ada, int umur_hari, bool z_ada, int z100, bool ditandai, bool oedema)
{
	bool		nilai_ada;
	int			nilai;

	if (umur_ada && umur_hari > KKB_PREV_UMUR_MAKS)
		return;
	acc->N++;

	if (oedema && indikator != KKB_PREV_TBU)
	{
		/* in the prevalence as -3.10, never in the mean */
		acc->n++;
		if (batas100 < 0 ? KKB_PREV_Z_OEDEMA < batas100 : KKB_PREV_Z_OEDEMA > batas100)
			acc->k++;
		return;
	}
	nilai_ada = z_ada && !ditandai;
	if (!nilai_ada)
		return;
	nilai = z100;
	acc->n++;
	if (batas100 < 0 ? nilai < batas100 : nilai > batas100)
		acc->k++;
	acc->m++;
	acc->jumlah += nilai;
	acc->jumlah_kuadrat += (int64_t) nilai * nilai;
}

void
kkb_prev_merge(kkb_prev_acc *a, const kkb_prev_acc *b)
{
	a->N += b->N;
	a->n += b->n;
	a->k += b->k;
	a->m += b->m;
	a->jumlah += b->jumlah;
	a->jumlah_kuadrat += b->jumlah_kuadrat;
}

double
kkb_prev_t975(double df)
{
	if (!(df >= 1))
		return NAN;
	return qt(0.975, df, 1, 0);
}

static double
expit(double u)
{
	return 1.0 / (1.0 + exp(-u));
}

/* N / (N - 1): +Inf for N = 1 (so that sqrt(f) * 0 is NaN, as in anthro) */
static double
faktor(int64_t N)
{
	return N > 1 ? (double) N / (double) (N - 1) : INFINITY;
}

void
kkb_prev_hitung(const kkb_prev_acc *acc, kkb_prev_hasil *out)
{
	double		p,
				f;

	memset(out, 0, sizeof(*out));
	out->n = acc->n;
	out->ada = acc->n > 0;
	if (!out->ada)
		return;
	p = (double) acc->k / (double) acc->n;
	f = faktor(acc->N);
	out->persen = 100.0 * p;
	out->se = 100.0 * sqrt(f) * sqrt(p * (1.0 - p) / (double) acc->n);
	if (acc->k == 0)
	{
		out->ci_bawah = 0.0;
		out->ci_atas = 0.0;
	}
	else if (acc->k == acc->n)
	{
		out->ci_bawah = 100.0;
		out->ci_atas = 100.0;
	}
	else
	{
		double		L = log(p / (1.0 - p));
		double		h = kkb_prev_t975((double) (acc->N - 1)) * sqrt(f / ((double) acc->n * p * (1.0 - p)));

		out->ci_bawah = 100.0 * expit(L - h);
		out->ci_atas = 100.0 * expit(L + h);
	}
}

void
kkb_rerata_hitung(const kkb_prev_acc *acc, kkb_rerata_hasil *out)
{
	double		ss,
				t;
	__int128	num;

	memset(out, 0, sizeof(*out));
	out->n = acc->m;
	out->ada = acc->m > 0;
	if (!out->ada)
		return;
	/* sum (z - mean)^2 in hundredths^2, exactly: (m * sum z^2 - (sum z)^2) / m */
	num = (__int128) acc->m * acc->jumlah_kuadrat - (__int128) acc->jumlah * acc->jumlah;
	ss = (double) num / (double) acc->m / 10000.0;
	out->rerata = (double) acc->jumlah / 100.0 / (double) acc->m;
	out->se = sqrt(faktor(acc->N)) * sqrt(ss) / (double) acc->m;
	t = kkb_prev_t975((double) (acc->N - 1));
	out->ci_bawah = out->rerata - t * out->se;
	out->ci_atas = out->rerata + t * out->se;
	out->sd_ada = acc->m > 1;
	if (out->sd_ada)
		out->sd = sqrt(ss / (double) (acc->m - 1));
}

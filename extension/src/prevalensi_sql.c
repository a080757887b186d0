/*
 * prevalensi_sql.c - the aggregates kkb.prevalensi(hasil, indikator, batas) and
 * kkb.rerata_z(hasil, indikator): prevalence and mean z-score with 95% confidence
 * intervals as WHO's anthro computes them, over the kkb.hasil_antropometri rows of a
 * group.  Thin fmgr wrappers around core/prevalensi.c (see prevalensi.h for the method).
 *
 * Reading a row (decisions):
 *   - a NULL row (kkb.antropometri gives NULL for a child without sex or dates) counts
 *     in N and nothing else, as anthro counts a child without sex or age;
 *   - umur_hari over 1826: the row is left out entirely (not in N);
 *   - the indicator's z (z_tbu, z_bbu, z_bbtb, z_imtu) is taken at 2 decimals; its
 *     "<indicator>_tidak_wajar" flag makes it missing; oedema (the row's oedema
 *     attribute) counts as -3.10 in the weight-based prevalences;
 *   - indikator must be tbu, bbu, bbtb or imtu, batas a non-zero finite number, and
 *     both the same on every row of a group: otherwise 22023.
 * The state is internal, with combine, serialise and deserialise functions, so the
 * aggregates run in parallel plans.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "prevalensi.h"

typedef struct prev_state
{
	int32		indikator;		/* kkb_prev_indikator, -1 until the first row */
	bool		rerata;			/* kkb.rerata_z (no cut-off) */
	double		batas100;		/* cut-off in hundredths */
	kkb_prev_acc acc;
} prev_state;

static const char *const z_kolom[4] = {"z_tbu", "z_bbu", "z_bbtb", "z_imtu"};
static const char *const tanda[4] = {"tbu_tidak_wajar", "bbu_tidak_wajar", "bbtb_tidak_wajar", "imtu_tidak_wajar"};

static prev_state *
state_baru(FunctionCallInfo fcinfo, bool rerata)
{
	MemoryContext aggctx;
	prev_state *s;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		elog(ERROR, "kkb.prevalensi and kkb.rerata_z are aggregates");
	s = MemoryContextAllocZero(aggctx, sizeof(prev_state));
	s->indikator = -1;
	s->rerata = rerata;
	kkb_prev_init(&s->acc);
	return s;
}

/* The indicator argument: tbu, bbu, bbtb or imtu, the same on every row. */
static void
atur_indikator(prev_state *s, FunctionCallInfo fcinfo, int argno)
{
	char	   *name;
	int			ind;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for \"indikator\": null"),
				 errhint("Use tbu (length/height-for-age), bbu (weight-for-age), bbtb (weight-for-length/height) or imtu (BMI-for-age).")));
	name = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	ind = kkb_prev_indikator_dari(name);
	if (ind < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for \"indikator\": \"%s\"", name),
				 errhint("Use tbu (length/height-for-age), bbu (weight-for-age), bbtb (weight-for-length/height) or imtu (BMI-for-age).")));
	if (s->indikator >= 0 && s->indikator != ind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for \"indikator\": \"%s\" after \"%s\" in the same group", name,
						z_kolom[s->indikator] + 2),
				 errdetail("The indicator must be the same for every row of a group.")));
	s->indikator = ind;
}

/* The cut-off argument: a non-zero finite number, the same on every row. */
static void
atur_batas(prev_state *s, FunctionCallInfo fcinfo, int argno, bool pertama)
{
	double		b;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for \"batas\": null"),
				 errhint("Give the cut-off z-score: -2 counts z < -2 (stunting, wasting, underweight), 2 counts z > 2.")));
	b = DatumGetFloat8(DirectFunctionCall1(numeric_float8, PG_GETARG_DATUM(argno)));
	if (b == 0 || !isfinite(b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for \"batas\": %g", b),
				 errdetail("The cut-off must be a non-zero finite number: below 0 counts z < batas, above 0 counts z > batas."),
				 errhint("anthro's cut-offs are -3, -2, -1, 1, 2 and 3.")));
	if (!pertama && b * 100.0 != s->batas100)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for \"batas\": %g after %g in the same group", b, s->batas100 / 100.0),
				 errdetail("The cut-off must be the same for every row of a group.")));
	s->batas100 = b * 100.0;
}

/* Add one kkb.hasil_antropometri row to the state. */
static void
tambah_baris(prev_state *s, FunctionCallInfo fcinfo)
{
	HeapTupleHeader th;
	bool		isnull;
	Datum		d;
	bool		umur_ada,
				z_ada,
				ditandai = false,
				oedema = false;
	int			umur = 0,
				z100 = 0;

	if (PG_ARGISNULL(1))
	{
		kkb_prev_add_kosong(&s->acc);
		return;
	}
	th = PG_GETARG_HEAPTUPLEHEADER(1);

	d = GetAttributeByName(th, "umur_hari", &isnull);
	umur_ada = !isnull;
	if (umur_ada)
		umur = DatumGetInt32(d);

	d = GetAttributeByName(th, z_kolom[s->indikator], &isnull);
	z_ada = !isnull;
	if (z_ada)
	{
		double		z = DatumGetFloat8(DirectFunctionCall1(numeric_float8, d));

		z_ada = isfinite(z);
		if (z_ada)
			z100 = (int) lround(z * 100.0);
	}

	d = GetAttributeByName(th, "flags", &isnull);
	if (!isnull)
	{
		ArrayType  *arr = DatumGetArrayTypeP(d);
		Datum	   *elems;
		bool	   *enulls;
		int			n;

		deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &enulls, &n);
		for (int i = 0; i < n && !ditandai; i++)
			if (!enulls[i])
			{
				text	   *t = DatumGetTextPP(elems[i]);

				ditandai = VARSIZE_ANY_EXHDR(t) == strlen(tanda[s->indikator]) &&
					memcmp(VARDATA_ANY(t), tanda[s->indikator], VARSIZE_ANY_EXHDR(t)) == 0;
			}
	}

	d = GetAttributeByName(th, "oedema", &isnull);
	oedema = !isnull && DatumGetBool(d);

	kkb_prev_add(&s->acc, s->indikator, s->rerata ? -1.0 : s->batas100,
				 umur_ada, umur, z_ada, z100, ditandai, oedema);
}

/* kkb._prevalensi_tambah(state, hasil, indikator, batas) */
PG_FUNCTION_INFO_V1(kkb_prevalensi_tambah);
Datum
kkb_prevalensi_tambah(PG_FUNCTION_ARGS)
{
	prev_state *s = PG_ARGISNULL(0) ? NULL : (prev_state *) PG_GETARG_POINTER(0);
	bool		pertama = s == NULL;

	if (s == NULL)
		s = state_baru(fcinfo, false);
	atur_indikator(s, fcinfo, 2);
	atur_batas(s, fcinfo, 3, pertama);
	tambah_baris(s, fcinfo);
	PG_RETURN_POINTER(s);
}

/* kkb._rerata_z_tambah(state, hasil, indikator) */
PG_FUNCTION_INFO_V1(kkb_rerata_z_tambah);
Datum
kkb_rerata_z_tambah(PG_FUNCTION_ARGS)
{
	prev_state *s = PG_ARGISNULL(0) ? NULL : (prev_state *) PG_GETARG_POINTER(0);

	if (s == NULL)
		s = state_baru(fcinfo, true);
	atur_indikator(s, fcinfo, 2);
	tambah_baris(s, fcinfo);
	PG_RETURN_POINTER(s);
}

/* kkb._prevalensi_gabung(state, state): parallel partial states of one group */
PG_FUNCTION_INFO_V1(kkb_prevalensi_gabung);
Datum
kkb_prevalensi_gabung(PG_FUNCTION_ARGS)
{
	prev_state *a = PG_ARGISNULL(0) ? NULL : (prev_state *) PG_GETARG_POINTER(0);
	prev_state *b = PG_ARGISNULL(1) ? NULL : (prev_state *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		a = state_baru(fcinfo, b->rerata);
		*a = *b;
		PG_RETURN_POINTER(a);
	}
	if (a->indikator >= 0 && b->indikator >= 0 &&
		(a->indikator != b->indikator || a->batas100 != b->batas100))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid arguments: the indicator and the cut-off must be the same for every row of a group")));
	if (a->indikator < 0)
	{
		a->indikator = b->indikator;
		a->batas100 = b->batas100;
	}
	kkb_prev_merge(&a->acc, &b->acc);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(kkb_prevalensi_kirim);
Datum
kkb_prevalensi_kirim(PG_FUNCTION_ARGS)
{
	prev_state *s = (prev_state *) PG_GETARG_POINTER(0);
	bytea	   *b = palloc(VARHDRSZ + sizeof(prev_state));

	SET_VARSIZE(b, VARHDRSZ + sizeof(prev_state));
	memcpy(VARDATA(b), s, sizeof(prev_state));
	PG_RETURN_BYTEA_P(b);
}

PG_FUNCTION_INFO_V1(kkb_prevalensi_terima);
Datum
kkb_prevalensi_terima(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	prev_state *s;

	if (VARSIZE_ANY_EXHDR(b) != sizeof(prev_state))
		elog(ERROR, "kkb.prevalensi: partial state of %zu bytes, expected %zu",
			 (size_t) VARSIZE_ANY_EXHDR(b), sizeof(prev_state));
	s = state_baru(fcinfo, false);
	memcpy(s, VARDATA_ANY(b), sizeof(prev_state));
	PG_RETURN_POINTER(s);
}

/* A composite result of the final function's declared type from values/nulls. */
static Datum
hasil(FunctionCallInfo fcinfo, Datum *values, bool *nulls)
{
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "kkb.prevalensi: the final function must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

static int32
n_sql(int64 n)
{
	if (n > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("kkb.prevalensi: more than %d values in one group", PG_INT32_MAX)));
	return (int32) n;
}

/* The kkb.prevalensi_hasil (n, persen, se, ci_bawah, ci_atas) of an accumulator: the aggregate's and
 * kkb.prevalensi_selang's one result row. */
static Datum
hasil_prevalensi(FunctionCallInfo fcinfo, const kkb_prev_acc *acc)
{
	kkb_prev_hasil h;
	Datum		values[5];
	bool		nulls[5] = {false, true, true, true, true};

	kkb_prev_hitung(acc, &h);
	values[0] = Int32GetDatum(n_sql(h.n));
	if (h.ada)
	{
		values[1] = Float8GetDatum(h.persen);
		values[2] = Float8GetDatum(h.se);
		values[3] = Float8GetDatum(h.ci_bawah);
		values[4] = Float8GetDatum(h.ci_atas);
		nulls[1] = nulls[2] = nulls[3] = nulls[4] = false;
	}
	return hasil(fcinfo, values, nulls);
}

/* kkb._prevalensi_akhir(state) -> kkb.prevalensi_hasil */
PG_FUNCTION_INFO_V1(kkb_prevalensi_akhir);
Datum
kkb_prevalensi_akhir(PG_FUNCTION_ARGS)
{
	prev_state *s = PG_ARGISNULL(0) ? NULL : (prev_state *) PG_GETARG_POINTER(0);
	kkb_prev_acc kosong;

	kkb_prev_init(&kosong);
	PG_RETURN_DATUM(hasil_prevalensi(fcinfo, s ? &s->acc : &kosong));
}

/* kkb._rerata_z_akhir(state) -> kkb.rerata_z_hasil (n, rerata, ci_bawah, ci_atas, sd) */
PG_FUNCTION_INFO_V1(kkb_rerata_z_akhir);
Datum
kkb_rerata_z_akhir(PG_FUNCTION_ARGS)
{
	prev_state *s = PG_ARGISNULL(0) ? NULL : (prev_state *) PG_GETARG_POINTER(0);
	kkb_prev_acc kosong;
	kkb_rerata_hasil h;
	Datum		values[5];
	bool		nulls[5] = {false, true, true, true, true};

	kkb_prev_init(&kosong);
	kkb_rerata_hitung(s ? &s->acc : &kosong, &h);
	values[0] = Int32GetDatum(n_sql(h.n));
	if (h.ada)
	{
		values[1] = Float8GetDatum(h.rerata);
		values[2] = Float8GetDatum(h.ci_bawah);
		values[3] = Float8GetDatum(h.ci_atas);
		nulls[1] = nulls[2] = nulls[3] = false;
		if (h.sd_ada)
		{
			values[4] = Float8GetDatum(h.sd);
			nulls[4] = false;
		}
	}
	PG_RETURN_DATUM(hasil(fcinfo, values, nulls));
}

/*
 * kkb.prevalensi_selang(k bigint, n bigint, jumlah bigint DEFAULT NULL) -> kkb.prevalensi_hasil
 *
 * The same estimate from counts: k of n usable values beyond the cut-off, in a data set of
 * `jumlah` rows (NULL: n, every row usable) - for figures kept as counts (the monthly
 * indicators' stunted and measured children).  22023 unless 0 <= k <= n <= jumlah; NULL k or n: NULL.
 */
PG_FUNCTION_INFO_V1(kkb_prevalensi_selang);
Datum
kkb_prevalensi_selang(PG_FUNCTION_ARGS)
{
	int64		k,
				n,
				N;
	kkb_prev_acc acc;

	/* not STRICT (jumlah may be NULL), so a NULL count is answered here: NULL */
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	k = PG_GETARG_INT64(0);
	n = PG_GETARG_INT64(1);
	N = PG_ARGISNULL(2) ? n : PG_GETARG_INT64(2);
	if (k < 0 || n < k || N < n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid counts: k = " INT64_FORMAT ", n = " INT64_FORMAT ", jumlah = " INT64_FORMAT, k, n, N),
				 errdetail("The counts must satisfy 0 <= k <= n <= jumlah.")));
	kkb_prev_init(&acc);
	acc.N = N;
	acc.n = n;
	acc.k = k;
	PG_RETURN_DATUM(hasil_prevalensi(fcinfo, &acc));
}

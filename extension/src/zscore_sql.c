/*
 * zscore_sql.c - SQL functions for WHO child growth z-scores (Permenkes 2/2020).
 *
 * Thin wrappers around core/zscore.c, whose LMS tables are compiled in, so the
 * functions are honestly IMMUTABLE and read no table.  Argument words are the
 * ones field officers use: jenis_kelamin L/P (also M/F, 1/2), cara_ukur
 * telentang/berdiri (also L/H).  Invalid arguments raise 22023 naming the
 * value; scores that do not apply (age outside 0..1826 days, oedema for the
 * weight-based ones, a length outside the table) are NULL, as in WHO's software.
 */
#include "postgres.h"

#include <math.h>
#include <string.h>

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "zscore.h"
#include "antropometri_sql.h"

/* jenis_kelamin text -> KKB_MALE / KKB_FEMALE, or 22023 naming the value. */
static int
parse_sex(text *t)
{
	char	   *s = text_to_cstring(t);

	if (pg_strcasecmp(s, "L") == 0 || pg_strcasecmp(s, "M") == 0 || strcmp(s, "1") == 0)
		return KKB_MALE;
	if (pg_strcasecmp(s, "P") == 0 || pg_strcasecmp(s, "F") == 0 || strcmp(s, "2") == 0)
		return KKB_FEMALE;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid jenis_kelamin: \"%s\"", s),
			 errdetail("The sex of the child must be L (laki-laki, male) or P (perempuan, female)."),
			 errhint("M/F and 1/2 (WHO's coding) are accepted too, in any case.")));
	return 0;					/* not reached */
}

/* cara_ukur text -> KKB_LYING / KKB_STANDING, or 22023 naming the value; NULL -> unknown. */
static int
parse_position(text *t)
{
	char	   *s;

	if (t == NULL)
		return KKB_POS_UNKNOWN;
	s = text_to_cstring(t);
	if (pg_strcasecmp(s, "telentang") == 0 || pg_strcasecmp(s, "L") == 0)
		return KKB_LYING;
	if (pg_strcasecmp(s, "berdiri") == 0 || pg_strcasecmp(s, "H") == 0)
		return KKB_STANDING;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid cara_ukur: \"%s\"", s),
			 errdetail("The measuring position must be telentang (lying, recumbent length) or berdiri (standing height)."),
			 errhint("L (length) and H (height), WHO's coding, are accepted too.")));
	return 0;					/* not reached */
}

/* 22023 for a weight or length that is not a positive finite number. */
static void
check_measure(const char *name, double v)
{
	if (!(isfinite(v) && v > 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s: %g", name, v),
				 errdetail("%s must be a number greater than 0.", name)));
}

/*
 * Map a core status to the SQL result: the z-score, NULL (not applicable), or
 * an error for what the argument checks above did not already catch.
 */
#define RETURN_Z(st, z) \
	do { \
		if ((st) == KKB_Z_OK) PG_RETURN_FLOAT8(z); \
		if ((st) == KKB_Z_NA) PG_RETURN_NULL(); \
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), \
						errmsg("invalid measurement: the z-score cannot be computed"))); \
	} while (0)

/* zscore_tbu(jenis_kelamin, umur_hari, tinggi_cm, cara_ukur): length/height-for-age. */
PG_FUNCTION_INFO_V1(kkb_zscore_tbu);
Datum
kkb_zscore_tbu(PG_FUNCTION_ARGS)
{
	int			sex = parse_sex(PG_GETARG_TEXT_PP(0));
	int			age = PG_GETARG_INT32(1);
	double		h = PG_GETARG_FLOAT8(2);
	int			pos = parse_position(PG_GETARG_TEXT_PP(3));
	double		z;
	unsigned	flags;
	int			st;

	check_measure("tinggi_cm", h);
	st = kkb_z_lhfa(sex, age, h, pos, &z, &flags);
	RETURN_Z(st, z);
}

/* zscore_bbu(jenis_kelamin, umur_hari, berat_kg): weight-for-age. */
PG_FUNCTION_INFO_V1(kkb_zscore_bbu);
Datum
kkb_zscore_bbu(PG_FUNCTION_ARGS)
{
	int			sex = parse_sex(PG_GETARG_TEXT_PP(0));
	int			age = PG_GETARG_INT32(1);
	double		w = PG_GETARG_FLOAT8(2);
	double		z;
	unsigned	flags;
	int			st;

	check_measure("berat_kg", w);
	st = kkb_z_wfa(sex, age, w, 0, &z, &flags);
	RETURN_Z(st, z);
}

/* zscore_bbtb(jenis_kelamin, umur_hari, berat_kg, tinggi_cm, cara_ukur): weight-for-length/height. */
PG_FUNCTION_INFO_V1(kkb_zscore_bbtb);
Datum
kkb_zscore_bbtb(PG_FUNCTION_ARGS)
{
	int			sex = parse_sex(PG_GETARG_TEXT_PP(0));
	int			age = PG_GETARG_INT32(1);
	double		w = PG_GETARG_FLOAT8(2);
	double		h = PG_GETARG_FLOAT8(3);
	int			pos = parse_position(PG_GETARG_TEXT_PP(4));
	double		z;
	unsigned	flags;
	int			st;

	check_measure("berat_kg", w);
	check_measure("tinggi_cm", h);
	st = kkb_z_wflh(sex, age, w, h, pos, 0, &z, &flags);
	RETURN_Z(st, z);
}

/* zscore_imtu(jenis_kelamin, umur_hari, berat_kg, tinggi_cm, cara_ukur): BMI-for-age. */
PG_FUNCTION_INFO_V1(kkb_zscore_imtu);
Datum
kkb_zscore_imtu(PG_FUNCTION_ARGS)
{
	int			sex = parse_sex(PG_GETARG_TEXT_PP(0));
	int			age = PG_GETARG_INT32(1);
	double		w = PG_GETARG_FLOAT8(2);
	double		h = PG_GETARG_FLOAT8(3);
	int			pos = parse_position(PG_GETARG_TEXT_PP(4));
	double		z;
	unsigned	flags;
	int			st;

	check_measure("berat_kg", w);
	check_measure("tinggi_cm", h);
	st = kkb_z_bfa(sex, age, w, h, pos, 0, &z, &flags);
	RETURN_Z(st, z);
}

const char *const kkb_antro_kolom[KKB_ANTRO_NCOLS] = {
	"umur_hari", "umur_bulan", "tinggi_koreksi_cm", "z_tbu", "z_bbu", "z_bbtb", "z_imtu",
	"status_tbu", "status_bbu", "status_bbtb", "status_imtu", "stunting", "flags",
};

/* A 2-decimal z as numeric (exactly the digits the core rounded to). */
static Datum
numeric2(double z2)
{
	char		buf[64];

	snprintf(buf, sizeof(buf), "%.2f", z2);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

void
kkb_antro_kolom_isi(const struct kkb_anthro *a, int age_days, Datum *values, bool *nulls)
{
	const struct kkb_zscore *zs[4] = {&a->tbu, &a->bbu, &a->bbtb, &a->imtu};
	const char *names[KKB_FLAG_COUNT];
	Datum		elems[KKB_FLAG_COUNT];
	int			i,
				n;

	for (i = 0; i < KKB_ANTRO_NCOLS; i++)
		nulls[i] = true;
	values[0] = Int32GetDatum(age_days);
	nulls[0] = false;
	if (age_days >= 0)
	{
		values[1] = Int32GetDatum((int) floor(age_days / 30.4375));
		nulls[1] = false;
	}
	if (a->status == KKB_Z_OK && isfinite(a->lenhei_adj))
	{
		values[2] = Float8GetDatum(a->lenhei_adj);
		nulls[2] = false;
	}
	for (i = 0; i < 4; i++)
	{
		if (a->status == KKB_Z_OK && zs[i]->status == KKB_Z_OK)
		{
			values[3 + i] = numeric2(zs[i]->z2);
			nulls[3 + i] = false;
			values[7 + i] = CStringGetTextDatum(zs[i]->category);
			nulls[7 + i] = false;
		}
	}
	if (a->status == KKB_Z_OK && a->stunting >= 0)
	{
		values[11] = BoolGetDatum(a->stunting == 1);
		nulls[11] = false;
	}
	n = kkb_flag_names(a->status == KKB_Z_OK ? a->flags : 0, names, KKB_FLAG_COUNT);
	for (i = 0; i < n && i < KKB_FLAG_COUNT; i++)
		elems[i] = CStringGetTextDatum(names[i]);
	values[12] = PointerGetDatum(construct_array(elems, i, TEXTOID, -1, false, TYPALIGN_INT));
	nulls[12] = false;
}

/*
 * antropometri(jenis_kelamin, tanggal_lahir, tanggal_ukur, berat_kg, tinggi_cm,
 *              cara_ukur, oedema DEFAULT false) -> kkb.hasil_antropometri
 *
 * Every indicator of one measurement.  Not strict: a NULL weight or length is
 * "not measured" (its scores are NULL), a NULL cara_ukur is "not recorded"
 * (no adjustment), a NULL oedema is false.  NULL sex or dates give NULL.
 * Columns: umur_hari, umur_bulan (completed months), tinggi_koreksi_cm,
 * z_tbu, z_bbu, z_bbtb, z_imtu (numeric, 2 decimals), status_tbu, status_bbu,
 * status_bbtb, status_imtu, stunting, flags text[], oedema (as given).
 */
PG_FUNCTION_INFO_V1(kkb_antropometri);
Datum
kkb_antropometri(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[KKB_ANTRO_NCOLS + 1];
	bool		nulls[KKB_ANTRO_NCOLS + 1];
	int			sex,
				pos,
				age,
				oedema;
	double		w,
				h;
	struct kkb_anthro a;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "antropometri must return a composite type");
	tupdesc = BlessTupleDesc(tupdesc);

	sex = parse_sex(PG_GETARG_TEXT_PP(0));
	{
		DateADT		born = PG_GETARG_DATEADT(1);
		DateADT		measured = PG_GETARG_DATEADT(2);

		if (DATE_NOT_FINITE(born) || DATE_NOT_FINITE(measured))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("tanggal_lahir and tanggal_ukur must be finite dates")));
		age = measured - born;
	}
	pos = PG_ARGISNULL(5) ? KKB_POS_UNKNOWN : parse_position(PG_GETARG_TEXT_PP(5));
	oedema = PG_ARGISNULL(6) ? 0 : PG_GETARG_BOOL(6);
	if (!PG_ARGISNULL(3))
	{
		w = PG_GETARG_FLOAT8(3);
		check_measure("berat_kg", w);
	}
	if (!PG_ARGISNULL(4))
	{
		h = PG_GETARG_FLOAT8(4);
		check_measure("tinggi_cm", h);
	}
	kkb_anthro_all(sex, age, PG_ARGISNULL(3) ? NULL : &w, PG_ARGISNULL(4) ? NULL : &h, pos, oedema, &a);
	if (a.status == KKB_Z_INVALID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid measurement: the z-scores cannot be computed")));

	kkb_antro_kolom_isi(&a, age, values, nulls);
	/* the type's last attribute (not a stored measurement column): oedema as given */
	if (tupdesc->natts != KKB_ANTRO_NCOLS + 1)
		elog(ERROR, "kkb.hasil_antropometri has %d attributes, expected %d", tupdesc->natts, KKB_ANTRO_NCOLS + 1);
	values[KKB_ANTRO_NCOLS] = BoolGetDatum(oedema != 0);
	nulls[KKB_ANTRO_NCOLS] = false;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

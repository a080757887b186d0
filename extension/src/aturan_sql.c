/*
 * aturan_sql.c - SQL functions over validation-rule expressions (aturan validasi):
 *
 *   kkb.aturan_periksa(ekspresi)                     the error message, NULL when valid
 *   kkb.aturan_kode(ekspresi)                        the item codes an expression uses
 *   kkb.aturan_nilai(ekspresi, kode, nilai, strategi) the value for given item values
 *   kkb.aturan_banding(kiri, operator, kanan)        compare the two sides of a rule
 *
 * Thin fmgr wrappers around the pure C core (core/aturan.c), which reads the rule text
 * itself: nothing here builds SQL from it.
 *
 * Errors are ERRCODE_INVALID_PARAMETER_VALUE (22023), naming the value, e.g.
 *   invalid validation rule expression: "pus + )"
 *   DETAIL:  Unexpected ")" at position 7: expected a number, an item code or "(".
 * (the detail is the core's message as a sentence).
 *
 * NULL arguments (decisions):
 *   - aturan_periksa and aturan_kode are STRICT;
 *   - aturan_nilai: a NULL expression gives NULL (no rule side, no value); a NULL kode
 *     or nilai array is an empty array, so that array_agg() over a village-month with
 *     no rows (which gives NULL) means "every value missing"; a NULL element of nilai
 *     is a missing value; a NULL element of kode, a NULL strategy, arrays of different
 *     lengths or of more than one dimension, and a code that the expression uses given
 *     twice are errors (22023);
 *   - aturan_banding: a NULL side gives NULL (the rule was skipped), and so does a NaN
 *     side (no verdict on a non-number); a NULL or unknown operator is an error
 *     (22023), checked first, so a bad operator is reported even for skipped rules.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "aturan.h"

/* Longest rendering of a value quoted in an error message, in bytes. */
#define VALUE_TEXT_MAX 60

/* s[0..len) as a NUL-terminated string clipped to VALUE_TEXT_MAX bytes on a character
 * boundary, with "..." when cut. */
static char *
clip(const char *s, int len)
{
	int			cut;

	if (len <= VALUE_TEXT_MAX)
		return pnstrdup(s, len);
	cut = pg_mbcliplen(s, len, VALUE_TEXT_MAX);
	return psprintf("%.*s...", cut, s);
}

/* The core's lower-case message as a sentence for errdetail: capital, final period. */
static char *
sentence(const char *message)
{
	char	   *s = psprintf("%s.", message);

	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char) (s[0] - 'a' + 'A');
	return s;
}

/*
 * Compile the expression t into a palloc'd program, raising 22023 when it is not a
 * valid expression.
 */
static kkb_aturan_program *
compile_or_raise(text *t)
{
	kkb_aturan_program *prog = palloc(sizeof(kkb_aturan_program));
	kkb_aturan_error err;

	if (kkb_aturan_compile(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), prog, &err) != KKB_ATURAN_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid validation rule expression: \"%s\"",
						clip(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))),
				 errdetail("%s", sentence(err.message))));
	return prog;
}

/* aturan_periksa(ekspresi): NULL when the expression compiles, else the error message
 * with its position.  Never raises. */
PG_FUNCTION_INFO_V1(kkb_aturan_periksa);
Datum
kkb_aturan_periksa(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	kkb_aturan_program *prog = palloc(sizeof(kkb_aturan_program));
	kkb_aturan_error err;

	if (kkb_aturan_compile(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), prog, &err) == KKB_ATURAN_OK)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(err.message));
}

/* aturan_kode(ekspresi): the distinct item codes, in first-appearance order ('{}' for a
 * constant expression).  Raises 22023 for an invalid expression. */
PG_FUNCTION_INFO_V1(kkb_aturan_kode);
Datum
kkb_aturan_kode(PG_FUNCTION_ARGS)
{
	kkb_aturan_program *prog = compile_or_raise(PG_GETARG_TEXT_PP(0));
	int			n = kkb_aturan_code_count(prog);
	Datum	   *elems;
	int			i;

	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	elems = palloc(sizeof(Datum) * n);
	for (i = 0; i < n; i++)
	{
		size_t		len;
		const char *c = kkb_aturan_code(prog, i, &len);

		elems[i] = PointerGetDatum(cstring_to_text_with_len(c, (int) len));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* Elements of a one-dimensional (or empty) array argument; raises 22023 for more
 * dimensions.  name is the argument's name for the message. */
static void
array_elements(ArrayType *a, const char *name, Oid elemtype, int elemlen, bool byval, char align,
			   Datum **elems, bool **nulls, int *n)
{
	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a one-dimensional array, not %d-dimensional", name, ARR_NDIM(a)),
				 errdetail("The item codes and their values are given as two flat arrays of the same length.")));
	deconstruct_array(a, elemtype, elemlen, byval, align, elems, nulls, n);
}

/*
 * aturan_nilai(ekspresi, kode, nilai, strategi): the value of the expression when item
 * code kode[i] has the value nilai[i] (NULL element: missing; a code not in kode:
 * missing), under the missing-value strategy.  NULL when skipped (strategy, division by
 * zero, a non-finite value).  NULL handling: see the file comment.
 */
PG_FUNCTION_INFO_V1(kkb_aturan_nilai);
Datum
kkb_aturan_nilai(PG_FUNCTION_ARGS)
{
	kkb_aturan_program *prog;
	kkb_aturan_error err;
	int			strategy;
	Datum	   *kode = NULL,
			   *nilai = NULL;
	bool	   *kode_null = NULL,
			   *nilai_null = NULL;
	int			nkode = 0,
				nnilai = 0,
				i,
				rc;
	double		values[KKB_ATURAN_MAX_CODES];
	bool		present[KKB_ATURAN_MAX_CODES];
	bool		given[KKB_ATURAN_MAX_CODES];
	double		result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	prog = compile_or_raise(PG_GETARG_TEXT_PP(0));

	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("missing-value strategy must not be null"),
				 errdetail("The strategy is one of \"lewati_jika_ada_kosong\", \"lewati_jika_semua_kosong\" or \"tidak_pernah_lewati\".")));
	{
		text	   *st = PG_GETARG_TEXT_PP(3);

		if (kkb_aturan_strategy_parse(VARDATA_ANY(st), VARSIZE_ANY_EXHDR(st), &strategy, &err) != KKB_ATURAN_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid missing-value strategy: \"%s\"", clip(VARDATA_ANY(st), VARSIZE_ANY_EXHDR(st))),
					 errdetail("The strategy is \"lewati_jika_ada_kosong\" (skip when any value is missing), "
							   "\"lewati_jika_semua_kosong\" (skip when all values are missing; the others count as 0) "
							   "or \"tidak_pernah_lewati\" (never skip; a missing value counts as 0).")));
	}

	if (!PG_ARGISNULL(1))
		array_elements(PG_GETARG_ARRAYTYPE_P(1), "kode", TEXTOID, -1, false, TYPALIGN_INT,
					   &kode, &kode_null, &nkode);
	if (!PG_ARGISNULL(2))
		array_elements(PG_GETARG_ARRAYTYPE_P(2), "nilai", FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					   &nilai, &nilai_null, &nnilai);
	if (nkode != nnilai)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("kode and nilai have different lengths: %d and %d", nkode, nnilai),
				 errdetail("Each item code in kode needs its value at the same position in nilai; a missing value is NULL.")));

	for (i = 0; i < KKB_ATURAN_MAX_CODES; i++)
	{
		values[i] = 0.0;
		present[i] = false;
		given[i] = false;
	}
	for (i = 0; i < nkode; i++)
	{
		text	   *c;
		int			idx;

		if (kode_null[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("kode has a null element at position %d", i + 1),
					 errdetail("Every element of kode must be an item code; a missing value is a NULL in nilai.")));
		c = DatumGetTextPP(kode[i]);
		idx = kkb_aturan_code_index(prog, VARDATA_ANY(c), VARSIZE_ANY_EXHDR(c));
		if (idx < 0)
			continue;			/* a code the expression does not use */
		if (given[idx])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("item code \"%s\" appears more than once in kode", clip(VARDATA_ANY(c), VARSIZE_ANY_EXHDR(c))),
					 errdetail("The expression uses this code, so it must have exactly one value.")));
		given[idx] = true;
		if (!nilai_null[i])
		{
			present[idx] = true;
			values[idx] = DatumGetFloat8(nilai[i]);
		}
	}

	rc = kkb_aturan_evaluate(prog, values, present, strategy, &result);
	if (rc == KKB_ATURAN_INVALID)
		elog(ERROR, "validation rule evaluation failed on a compiled program");
	if (rc != KKB_ATURAN_VALUE)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(result);
}

/* aturan_banding(kiri, operator, kanan): kiri <operator> kanan with the tolerant
 * equality of the core; NULL when a side is NULL or NaN; 22023 for a bad operator. */
PG_FUNCTION_INFO_V1(kkb_aturan_banding);
Datum
kkb_aturan_banding(PG_FUNCTION_ARGS)
{
	text	   *t;
	int			op;
	double		kiri,
				kanan;

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("comparison operator must not be null"),
				 errdetail("The operator is one of ==, !=, <, <=, > or >=.")));
	t = PG_GETARG_TEXT_PP(1);
	if (kkb_aturan_op_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &op, NULL) != KKB_ATURAN_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid comparison operator: \"%s\"", clip(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))),
				 errdetail("The operator is one of ==, !=, <, <=, > or >=.")));
	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	kiri = PG_GETARG_FLOAT8(0);
	kanan = PG_GETARG_FLOAT8(2);
	if (isnan(kiri) || isnan(kanan))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(kkb_aturan_compare(kiri, op, kanan));
}

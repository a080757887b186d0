/*
 * klasifikasi_sql.c - kkb.klasifikasi_hitung(masukan jsonb) RETURNS jsonb: the Kampung KB
 * village classification of the national portal.
 *
 * A thin fmgr wrapper around the pure C core (core/klasifikasi.c): it reads the
 * input document of docs/KLASIFIKASI.md from the jsonb into a kkb_klas_input,
 * classifies it and returns the core's output document (kkb_klas_format_json)
 * parsed as jsonb, so the SQL result and the unit-tested text are the same thing.
 *
 * Reading the document (decisions):
 *   - a missing key and JSON null both mean "not recorded"; unknown keys are ignored;
 *   - booleans must be JSON true/false (not 0/1, not "true");
 *   - counts must be JSON numbers written as whole numbers: 3 and 1e2 are accepted
 *     (jsonb stores 1e2 as 100), 3.0 and 2.5 are rejected.  The portal reads integer
 *     columns, so a fractional count means the document was built wrongly upstream
 *     (an average, a division); rejecting it surfaces that.  Accepting 3.0 later would
 *     be a compatible change, rejecting it later would not;
 *   - ranges as in klasifikasi.h: sarana 0..2, sumber_dana 0..6, poktan 0..8,
 *     penggunaan_data and mekanisme_operasional 0..5, other counts 0..2147483647;
 *   - penduduk and kkbpk must be JSON objects when present (an empty object counts
 *     as present: kkbpk {} is a report with no rows, which differs from no report);
 *   - the document itself must be a JSON object; SQL NULL gives NULL (STRICT).
 * Every rejection is ERRCODE_INVALID_PARAMETER_VALUE (22023):
 *   invalid value for "poktan": 9
 *   DETAIL:  "poktan" must be a whole number from 0 to 8, or null when not recorded.
 * Keys are checked in the document's order (top level, then penduduk, then kkbpk) and
 * the first bad one is reported.
 */
#include "postgres.h"

#include <string.h>

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "klasifikasi.h"
#include "saran.h"

/* Longest rendering of a bad value quoted in an error message, in bytes. */
#define VALUE_TEXT_MAX 60

static void reject(const char *path, JsonbValue *v, const char *detail, const char *hint) pg_attribute_noreturn();
static void reject_key(int key, JsonbValue *v, const char *hint) pg_attribute_noreturn();

/* s clipped to VALUE_TEXT_MAX bytes on a character boundary, with "..." when cut. */
static char *
clip(char *s)
{
	int			len = strlen(s);
	int			cut;

	if (len <= VALUE_TEXT_MAX)
		return s;
	cut = pg_mbcliplen(s, len, VALUE_TEXT_MAX);
	return psprintf("%.*s...", cut, s);
}

/* A JSON value (scalar or nested container) as JSON text for an error message. */
static char *
value_text(JsonbValue *v)
{
	Jsonb	   *jb = JsonbValueToJsonb(v);

	return clip(JsonbToCString(NULL, &jb->root, VARSIZE(jb)));
}

/* Raise 22023 for the value v of the key at path. */
static void
reject(const char *path, JsonbValue *v, const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for \"%s\": %s", path, value_text(v)),
			 errdetail("%s", detail),
			 hint ? errhint("%s", hint) : 0));
}

/* Raise 22023 for key (a kkb_klas_key) with the core's sentence as detail. */
static void
reject_key(int key, JsonbValue *v, const char *hint)
{
	char		detail[KKB_KLAS_ERR_TEXT];

	kkb_klas_describe(key, detail, sizeof(detail));
	reject(kkb_klas_key_path(key), v, detail, hint);
}

/*
 * The integer a jsonb number stands for.  Returns false when the number is not
 * written as a whole number (its text has a decimal point: 2.5, 3.0); otherwise
 * sets *out, saturated to +-(KKB_KLAS_COUNT_MAX + 1) so that anything beyond the
 * count range stays out of range.  *integral_zero is set when the fraction is all
 * zeros (3.0), for a hint.
 */
static bool
numeric_whole(Numeric num, int64 *out, bool *integral_zero)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(num)));
	const char *p = s;
	bool		neg = false;
	int64		v = 0;

	*integral_zero = false;
	if (*p == '-')
	{
		neg = true;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++)
	{
		v = v * 10 + (*p - '0');
		if (v > KKB_KLAS_COUNT_MAX)
			v = KKB_KLAS_COUNT_MAX + 1;
	}
	if (*p != '\0')
	{
		/* numeric_out writes plain decimal: digits, then maybe '.' and digits */
		if (*p == '.')
		{
			const char *q = p + 1;

			while (*q == '0')
				q++;
			*integral_zero = (*q == '\0');
		}
		return false;
	}
	*out = neg ? -v : v;
	return true;
}

/*
 * Read key (a kkb_klas_key) from the object obj into *in: absent or null leaves it
 * not recorded; a value of the wrong JSON type or out of range raises 22023.
 */
static void
read_key(JsonbContainer *obj, int key, kkb_klas_input *in)
{
	const char *name = kkb_klas_key_name(key);
	JsonbValue	vbuf;
	JsonbValue *v = getKeyJsonValueFromContainer(obj, name, strlen(name), &vbuf);
	int64		value;

	if (v == NULL || v->type == jbvNull)
		return;
	if (kkb_klas_key_is_bool(key))
	{
		if (v->type != jbvBool)
			reject_key(key, v, NULL);
		value = v->val.boolean ? 1 : 0;
	}
	else
	{
		bool		zero_fraction;

		if (v->type != jbvNumeric)
			reject_key(key, v, NULL);
		if (!numeric_whole(v->val.numeric, &value, &zero_fraction))
			reject_key(key, v, zero_fraction ? "Write counts without a decimal point (3, not 3.0)." : NULL);
		if (!kkb_klas_value_ok(key, value))
			reject_key(key, v, NULL);
	}
	in->present[key] = true;
	in->value[key] = value;
}

/*
 * The optional object `name` ("penduduk", "kkbpk") of the document: NULL when absent
 * or null, its container when it is an object; anything else raises 22023.
 */
static JsonbContainer *
read_object(JsonbContainer *root, const char *name)
{
	JsonbValue	vbuf;
	JsonbValue *v = getKeyJsonValueFromContainer(root, name, strlen(name), &vbuf);

	if (v == NULL || v->type == jbvNull)
		return NULL;
	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		reject(name, v, psprintf("\"%s\" must be a JSON object, or null when there is no record.", name), NULL);
	return v->val.binary.data;
}

/*
 * Read the input document jb into *in (see the file header for the rules); raises
 * 22023 for anything that is not a valid document.  `fungsi` names the SQL function in
 * the message for a document that is not an object.
 */
static void
read_document(Jsonb *jb, kkb_klas_input *in, const char *fungsi)
{
	JsonbContainer *objects[3];

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for \"masukan\": %s",
						clip(JsonbToCString(NULL, &jb->root, VARSIZE(jb)))),
				 errdetail("The input document of %s must be a JSON object.", fungsi)));

	kkb_klas_input_init(in);
	objects[KKB_GROUP_ROOT] = &jb->root;
	objects[KKB_GROUP_PENDUDUK] = NULL;
	objects[KKB_GROUP_KKBPK] = NULL;

	/* keys in document order: all top-level keys come before penduduk's and kkbpk's */
	for (int k = 0; k < KKB_KLAS_NKEYS; k++)
	{
		int			g = kkb_klas_key_group(k);

		if (g != KKB_GROUP_ROOT && k > 0 && kkb_klas_key_group(k - 1) != g)
		{
			/* first key of a nested object: read the object itself */
			objects[g] = read_object(&jb->root, kkb_klas_group_name(g));
			if (g == KKB_GROUP_PENDUDUK)
				in->penduduk = objects[g] != NULL;
			else
				in->kkbpk = objects[g] != NULL;
		}
		if (objects[g] != NULL)
			read_key(objects[g], k, in);
	}
}

/*
 * kkb.klasifikasi_hitung(masukan jsonb) -> jsonb
 *
 * Takes one village's input document (docs/KLASIFIKASI.md "Input keys") and returns
 * its output document: {"skor": {12 scores}, "persentase": {poktan, cpr, mkjp,
 * unmet}, "indeks_input", "indeks_proses", "indeks_output" (numbers with two
 * decimals), "klasifikasi"}.  Raises 22023 for a document that is not an object and
 * for any recorded value of the wrong type or out of range (see the file header).
 */
PG_FUNCTION_INFO_V1(kkb_klasifikasi_hitung);
Datum
kkb_klasifikasi_hitung(PG_FUNCTION_ARGS)
{
	kkb_klas_input in;
	kkb_klas_result r;
	kkb_klas_error err;
	char		buf[KKB_KLAS_JSON_BUFLEN];
	size_t		len;

	read_document(PG_GETARG_JSONB_P(0), &in, "kkb.klasifikasi_hitung");
	if (kkb_klas_compute(&in, &r, &err) != KKB_KLAS_OK)
		elog(ERROR, "klasifikasi: input accepted by the reader but rejected by the core: %s", err.detail);

	len = kkb_klas_format_json(&r, buf, sizeof(buf));
	if (len >= sizeof(buf))
		elog(ERROR, "klasifikasi: output document longer than %zu bytes", sizeof(buf));
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf)));
}

/*
 * kkb.klasifikasi_saran(masukan jsonb) -> jsonb
 *
 * The "what it takes" advice for one input document (core/saran.h): the class now and,
 * for each higher class that rising scores can reach, cheapest first, the minimum score
 * steps, the changed keys and the changed document.  The document is read exactly as
 * kkb.klasifikasi_hitung reads it (same errors).
 */
PG_FUNCTION_INFO_V1(kkb_klasifikasi_saran);
Datum
kkb_klasifikasi_saran(PG_FUNCTION_ARGS)
{
	kkb_klas_input in;
	kkb_saran_result *r = palloc(sizeof(kkb_saran_result));
	kkb_klas_error err;
	char	   *buf = palloc(KKB_SARAN_JSON_BUFLEN);
	size_t		len;

	read_document(PG_GETARG_JSONB_P(0), &in, "kkb.klasifikasi_saran");
	if (kkb_saran_compute(&in, r, &err) != KKB_KLAS_OK)
		elog(ERROR, "klasifikasi_saran: input accepted by the reader but rejected by the core: %s", err.detail);

	len = kkb_saran_format_json(r, buf, KKB_SARAN_JSON_BUFLEN);
	if (len >= KKB_SARAN_JSON_BUFLEN)
		elog(ERROR, "klasifikasi_saran: advice longer than %d bytes", KKB_SARAN_JSON_BUFLEN);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf)));
}

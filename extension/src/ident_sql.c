/*
 * ident_sql.c - the identifier types kkb.nik, kkb.no_kk and kkb.kode_wilayah.
 *
 * Thin fmgr wrappers around the pure C core (core/ident.c).  All three types
 * are int8, passed by value: comparison, btree and hash support reuse the
 * backend's int8 functions (declared LANGUAGE internal in the install script),
 * so only input/output, binary I/O, casts and the domain functions live here.
 * The region code's int8 is hierarchically encoded (see ident.h) so that the
 * descendants of a code are one btree range; kkb_kode_wilayah_support turns
 * `kode <@ x` into that range for index scans.
 *
 * Errors: malformed text 22P02, out-of-range bigint 22003, bad binary 22P03,
 * each naming the value and the type with the core's detail and hint.  On
 * PostgreSQL 16+ the input functions report soft errors, so
 * pg_input_is_valid() works.
 */
#include "postgres.h"

#include <string.h>

#include "fmgr.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "nodes/pathnodes.h"
#include "optimizer/optimizer.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

#include "ident.h"

/* SQLSTATE for a core error code: see ident.h. */
static int
sqlstate_for(int code)
{
	switch (code)
	{
		case KKB_E_RANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case KKB_E_ENCODING:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		default:
			return ERRCODE_INVALID_TEXT_REPRESENTATION;
	}
}

/*
 * Report a rejected text input of type `typname`.  Raises an ERROR, or on
 * PostgreSQL 16+ saves a soft error in fcinfo->context when the caller asked
 * for that (then the caller returns (Datum) 0).
 */
static void
report_input_error(FunctionCallInfo fcinfo, const char *typname, const char *input, const kkb_error *err)
{
#if PG_VERSION_NUM >= 160000
	errsave(fcinfo->context,
			(errcode(sqlstate_for(err->code)),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail("%s", err->detail),
			 err->hint[0] ? errhint("%s", err->hint) : 0));
#else
	ereport(ERROR,
			(errcode(sqlstate_for(err->code)),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail("%s", err->detail),
			 err->hint[0] ? errhint("%s", err->hint) : 0));
#endif
}

/* Raise the error for an int64 (bigint cast or binary value) the type rejects. */
static void
report_value_error(const char *typname, int64 v, const kkb_error *err)
{
	if (err->code == KKB_E_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value %lld is out of range for type %s", (long long) v, typname),
				 errdetail("%s", err->detail),
				 err->hint[0] ? errhint("%s", err->hint) : 0));
	ereport(ERROR,
			(errcode(sqlstate_for(err->code)),
			 errmsg("invalid value for type %s: %lld", typname, (long long) v),
			 errdetail("%s", err->detail),
			 err->hint[0] ? errhint("%s", err->hint) : 0));
}

/* Raise the error for a binary value (recv) the type rejects. */
static void
report_recv_error(const char *typname, int64 v, const kkb_error *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid external binary value for type %s: %lld", typname, (long long) v),
			 errdetail("%s", err->detail)));
}

/* The current date split into y/m/d, from a DateADT. */
static void
date_parts(DateADT d, int *y, int *m, int *day)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("reference date (acuan) must be finite")));
	j2date(d + POSTGRES_EPOCH_JDATE, y, m, day);
}

/*
 * The three types share everything but the core functions; this macro writes
 * in/out/recv/send and the bigint casts for one of them.
 *   NAME  SQL-visible type name        PFX  core prefix (kkb_nik, kkb_kk)
 */
#define KKB_NUMBER_TYPE(NAME, PFX, BUFLEN) \
PG_FUNCTION_INFO_V1(kkb_##NAME##_in); \
Datum \
kkb_##NAME##_in(PG_FUNCTION_ARGS) \
{ \
	char	   *s = PG_GETARG_CSTRING(0); \
	int64_t		v; \
	kkb_error	err; \
	if (PFX##_parse(s, strlen(s), &v, &err) != KKB_OK) \
	{ \
		report_input_error(fcinfo, #NAME, s, &err); \
		PG_RETURN_NULL(); \
	} \
	PG_RETURN_INT64(v); \
} \
PG_FUNCTION_INFO_V1(kkb_##NAME##_out); \
Datum \
kkb_##NAME##_out(PG_FUNCTION_ARGS) \
{ \
	char	   *buf = palloc(BUFLEN); \
	PFX##_format(PG_GETARG_INT64(0), buf); \
	PG_RETURN_CSTRING(buf); \
} \
PG_FUNCTION_INFO_V1(kkb_##NAME##_recv); \
Datum \
kkb_##NAME##_recv(PG_FUNCTION_ARGS) \
{ \
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0); \
	int64		v = pq_getmsgint64(buf); \
	kkb_error	err; \
	if (PFX##_check(v, &err) != KKB_OK) \
		report_recv_error(#NAME, v, &err); \
	PG_RETURN_INT64(v); \
} \
PG_FUNCTION_INFO_V1(kkb_##NAME##_send); \
Datum \
kkb_##NAME##_send(PG_FUNCTION_ARGS) \
{ \
	StringInfoData buf; \
	pq_begintypsend(&buf); \
	pq_sendint64(&buf, PG_GETARG_INT64(0)); \
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf)); \
}

KKB_NUMBER_TYPE(nik, kkb_nik, KKB_NIK_BUFLEN)
KKB_NUMBER_TYPE(no_kk, kkb_kk, KKB_KK_BUFLEN)
KKB_NUMBER_TYPE(kode_wilayah, kkb_kode, KKB_KODE_BUFLEN)

PG_FUNCTION_INFO_V1(kkb_ident_galat);

/*
 * kkb._ketat_ident(s text, jenis "char"): NULL when s is read by the type of
 * kind jenis (k nik, x no_kk, w kode_wilayah), else the SQLSTATE its input
 * function raises (22P02, 22003, 22P03) - the strict check of a body's value
 * without the cost of a caught error (16_ketat.sql).
 */
Datum
kkb_ident_galat(PG_FUNCTION_ARGS)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char		jenis = PG_GETARG_CHAR(1);
	int64_t		v;
	kkb_error	err;
	int			rc;

	switch (jenis)
	{
		case 'k':
			rc = kkb_nik_parse(s, strlen(s), &v, &err);
			break;
		case 'x':
			rc = kkb_kk_parse(s, strlen(s), &v, &err);
			break;
		case 'w':
			rc = kkb_kode_parse(s, strlen(s), &v, &err);
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown kind of identifier \"%c\"", jenis),
					 errhint("The kinds are k (nik), x (no_kk) and w (kode_wilayah).")));
	}
	if (rc == KKB_OK)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(unpack_sql_state(sqlstate_for(err.code))));
}

/*
 * bigint -> nik / no_kk: the 16-digit number, validated (22003 when it does
 * not have 16 digits, 22P02 when its content is invalid).  The reverse casts
 * are binary (WITHOUT FUNCTION) since the stored int8 is the number itself.
 */
PG_FUNCTION_INFO_V1(kkb_nik_from_int8);
Datum
kkb_nik_from_int8(PG_FUNCTION_ARGS)
{
	int64		v = PG_GETARG_INT64(0);
	kkb_error	err;

	if (kkb_nik_check(v, &err) != KKB_OK)
		report_value_error("nik", v, &err);
	PG_RETURN_INT64(v);
}

PG_FUNCTION_INFO_V1(kkb_no_kk_from_int8);
Datum
kkb_no_kk_from_int8(PG_FUNCTION_ARGS)
{
	int64		v = PG_GETARG_INT64(0);
	kkb_error	err;

	if (kkb_kk_check(v, &err) != KKB_OK)
		report_value_error("no_kk", v, &err);
	PG_RETURN_INT64(v);
}

/* bigint (undotted code, 1377011001) -> kode_wilayah, validated. */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_from_int8);
Datum
kkb_kode_wilayah_from_int8(PG_FUNCTION_ARGS)
{
	int64		n = PG_GETARG_INT64(0);
	int64_t		enc;
	kkb_error	err;

	if (kkb_kode_from_number(n, &enc, &err) != KKB_OK)
		report_value_error("kode_wilayah", n, &err);
	PG_RETURN_INT64(enc);
}

/* kode_wilayah -> bigint: the undotted code (13.77.01.1001 -> 1377011001). */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_to_int8);
Datum
kkb_kode_wilayah_to_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(kkb_kode_to_number(PG_GETARG_INT64(0)));
}

/*
 * Shared body of *_periksa(text): NULL when the text is a valid identifier,
 * otherwise the reason (the core's detail sentence).  Never raises.
 */
/* Indonesian names of what the core's English sentences name. */
static const char *
indonesian_word(const char *en)
{
	static const char *const words[][2] = {
		{"NIK", "NIK"}, {"No. KK", "Nomor KK"}, {"birth date", "tanggal lahir"}, {"issue date", "tanggal terbit"},
		{"province", "provinsi"}, {"regency/city", "kabupaten/kota"}, {"district", "kecamatan"}, {"village", "desa"},
		{"Province", "provinsi"}, {"Regency/city", "kabupaten/kota"}, {"District", "kecamatan"}, {"Village", "desa"},
		{"January", "Januari"}, {"February", "Februari"}, {"March", "Maret"}, {"April", "April"}, {"May", "Mei"},
		{"June", "Juni"}, {"July", "Juli"}, {"August", "Agustus"}, {"September", "September"}, {"October", "Oktober"},
		{"November", "November"}, {"December", "Desember"},
	};

	for (size_t i = 0; i < lengthof(words); i++)
		if (strcmp(en, words[i][0]) == 0)
			return words[i][1];
	return en;
}

/* Drop trailing spaces; always true (for use inside a condition). */
static bool
trim(char *s)
{
	size_t		n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return true;
}

/*
 * The reason an identifier is invalid, in Indonesian, from the core's English
 * detail sentence (ident.c; its wording is fixed by the unit tests), for the
 * people who enter the data (nik_periksa and its siblings; the gateway's
 * error registry uses them).  A sentence not listed here stays English.
 */
static void
detail_indonesian(const kkb_error *err, char *out, size_t n)
{
	const char *d = err->detail;
	char		a[32],
				b[32],
				r[32];
	char		c;
	unsigned	x;
	size_t		i,
				k;
	int			v,
				w,
				end;

	/* the whole sentence matches `fmt` (with `cnt` conversions), to its last character */
#define MATCHES(cnt, fmt, ...) (end = -1, sscanf(d, fmt "%n", __VA_ARGS__, &end) == (cnt) && end >= 0 && d[end] == '\0')
	if (MATCHES(2, "Separator '%c' at position %zu is not between two digits.", &c, &i))
		snprintf(out, n, "Pemisah '%c' pada posisi %zu tidak berada di antara dua angka.", c, i);
	else if (MATCHES(2, "Character '%c' at position %zu is not a digit or a dot.", &c, &i))
		snprintf(out, n, "Karakter '%c' pada posisi %zu bukan angka atau titik.", c, i);
	else if (MATCHES(2, "Byte 0x%X at position %zu is not a digit or a dot.", &x, &i))
		snprintf(out, n, "Bait 0x%02X pada posisi %zu bukan angka atau titik.", x, i);
	else if (MATCHES(2, "Character '%c' at position %zu is not a digit.", &c, &i))
		snprintf(out, n, "Karakter '%c' pada posisi %zu bukan angka.", c, i);
	else if (MATCHES(2, "Byte 0x%X at position %zu is not a digit.", &x, &i))
		snprintf(out, n, "Bait 0x%02X pada posisi %zu bukan angka.", x, i);
	else if (MATCHES(1, "A region code without dots has 2, 4, 6 or 10 digits, but %zu %*[a-z] found.", &i))
		snprintf(out, n, "Kode wilayah tanpa titik terdiri dari 2, 4, 6 atau 10 angka, tetapi ada %zu.", i);
	else if (MATCHES(1, "A region code has at most 4 parts (PP.KK.CC.DDDD), but %zu were found.", &i))
		snprintf(out, n, "Kode wilayah paling banyak 4 bagian (PP.KK.CC.DDDD), tetapi ada %zu.", i);
	else if (MATCHES(1, "A NIK has 16 digits, but %zu %*[a-z] found.", &i))
		snprintf(out, n, "NIK terdiri dari 16 angka, tetapi ada %zu.", i);
	else if (MATCHES(1, "A No. KK has 16 digits, but %zu %*[a-z] found.", &i))
		snprintf(out, n, "Nomor KK terdiri dari 16 angka, tetapi ada %zu.", i);
	else if (MATCHES(1, "Province code %d is not a province of Indonesia.", &v))
		snprintf(out, n, "Kode provinsi %02d bukan provinsi di Indonesia.", v);
	else if (MATCHES(1, "Day %d is not valid: days are 01-31, or 41-71 for women.", &v))
		snprintf(out, n, "Tanggal %02d tidak sah: tanggal 01-31, atau 41-71 untuk perempuan.", v);
	else if (MATCHES(1, "Day %d is not valid: days are 01-31.", &v))
		snprintf(out, n, "Tanggal %02d tidak sah: tanggal 01-31.", v);
	else if (MATCHES(1, "Month %d is not valid: months are 01-12.", &v))
		snprintf(out, n, "Bulan %02d tidak sah: bulan 01-12.", v);
	else if (MATCHES(2, "The %31[a-z ]%6[0-9] is not valid: 29 February needs a leap year, and neither 19%*d nor 20%*d is one.", a, b) && trim(a))
		snprintf(out, n, "%c%s %s tidak sah: 29 Februari hanya ada pada tahun kabisat.",
				 indonesian_word(a)[0] - 'a' + 'A', indonesian_word(a) + 1, b);
	else if (MATCHES(3, "The %31[a-z ]%6[0-9] is not valid: %*[A-Za-z] has only %d days.", a, b, &w) && trim(a))
		snprintf(out, n, "%c%s %s tidak sah: bulan itu hanya %d hari.",
				 indonesian_word(a)[0] - 'a' + 'A', indonesian_word(a) + 1, b, w);
	else if (strcmp(d, "Serial number 0000 is not valid: serials start at 0001.") == 0)
		snprintf(out, n, "Nomor urut 0000 tidak sah: nomor urut mulai dari 0001.");
	else if (MATCHES(3, "The %31[a-z/] part of the region code has %zu %*[a-z], but it must have exactly %d.", a, &k, &v))
		snprintf(out, n, "Bagian %s pada kode wilayah berisi %zu angka, padahal harus tepat %d.", indonesian_word(a), k, v);
	else if (MATCHES(1, "Province part %d is not valid: a province code cannot start with 0.", &v))
		snprintf(out, n, "Bagian provinsi %02d tidak sah: kode provinsi tidak boleh diawali 0.", v);
	else if (MATCHES(3, "%31[A-Za-z/] part %6[0-9] is not valid: it must be %31[0-9-].", a, b, r))
		snprintf(out, n, "Bagian %s %s tidak sah: harus %s.", indonesian_word(a), b, r);
	else
		snprintf(out, n, "%s", d);
#undef MATCHES
}

static Datum
periksa(FunctionCallInfo fcinfo, int (*parse) (const char *, size_t, int64_t *, kkb_error *))
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int64_t		v;
	kkb_error	err;
	char		reason[KKB_ERR_TEXT + 64];

	if (parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &v, &err) == KKB_OK)
		PG_RETURN_NULL();
	detail_indonesian(&err, reason, sizeof(reason));
	PG_RETURN_TEXT_P(cstring_to_text(reason));
}

PG_FUNCTION_INFO_V1(kkb_nik_periksa);
Datum
kkb_nik_periksa(PG_FUNCTION_ARGS)
{
	return periksa(fcinfo, kkb_nik_parse);
}

PG_FUNCTION_INFO_V1(kkb_no_kk_periksa);
Datum
kkb_no_kk_periksa(PG_FUNCTION_ARGS)
{
	return periksa(fcinfo, kkb_kk_parse);
}

PG_FUNCTION_INFO_V1(kkb_kode_wilayah_periksa);
Datum
kkb_kode_wilayah_periksa(PG_FUNCTION_ARGS)
{
	return periksa(fcinfo, kkb_kode_parse);
}

/*
 * nik_tanggal_lahir(nik, acuan date) -> date: the birth date, in the latest
 * century that does not put it after `acuan`.
 */
static Datum
date_with_century(FunctionCallInfo fcinfo,
				  int (*fn) (int64_t, int, int, int, int *, int *, int *), const char *what)
{
	int64		v = PG_GETARG_INT64(0);
	int			ry,
				rm,
				rd,
				y,
				m,
				d;

	date_parts(PG_GETARG_DATEADT(1), &ry, &rm, &rd);
	if (fn(v, ry, rm, rd, &y, &m, &d) != KKB_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no %s on or before the reference date %04d-%02d-%02d fits", what, ry, rm, rd)));
	PG_RETURN_DATEADT(date2j(y, m, d) - POSTGRES_EPOCH_JDATE);
}

PG_FUNCTION_INFO_V1(kkb_nik_tanggal_lahir);
Datum
kkb_nik_tanggal_lahir(PG_FUNCTION_ARGS)
{
	return date_with_century(fcinfo, kkb_nik_birth_date, "birth date");
}

PG_FUNCTION_INFO_V1(kkb_no_kk_tanggal_terbit);
Datum
kkb_no_kk_tanggal_terbit(PG_FUNCTION_ARGS)
{
	return date_with_century(fcinfo, kkb_kk_issue_date, "issue date");
}

/* nik_jenis_kelamin(nik) -> 'L' (male) or 'P' (female). */
PG_FUNCTION_INFO_V1(kkb_nik_jenis_kelamin);
Datum
kkb_nik_jenis_kelamin(PG_FUNCTION_ARGS)
{
	char		s[2] = {kkb_nik_sex(PG_GETARG_INT64(0)), '\0'};

	if (s[0] == '\0')
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

/* Return an encoded region code, or NULL for 0 (none). */
#define RETURN_KODE_OR_NULL(x) \
	do { int64_t k_ = (x); if (k_ == 0) PG_RETURN_NULL(); PG_RETURN_INT64(k_); } while (0)

/* nik_kecamatan(nik) -> kode_wilayah: the district of registration PP.KK.CC. */
PG_FUNCTION_INFO_V1(kkb_nik_kecamatan);
Datum
kkb_nik_kecamatan(PG_FUNCTION_ARGS)
{
	RETURN_KODE_OR_NULL(kkb_nik_district(PG_GETARG_INT64(0)));
}

/* no_kk_wilayah(no_kk) -> kode_wilayah: the district of issue. */
PG_FUNCTION_INFO_V1(kkb_no_kk_wilayah);
Datum
kkb_no_kk_wilayah(PG_FUNCTION_ARGS)
{
	RETURN_KODE_OR_NULL(kkb_kk_region(PG_GETARG_INT64(0)));
}

/* tingkat(kode) -> 1..4 */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_tingkat);
Datum
kkb_kode_wilayah_tingkat(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(kkb_kode_level(PG_GETARG_INT64(0)));
}

/* induk(kode) -> the parent, NULL for a province. */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_induk);
Datum
kkb_kode_wilayah_induk(PG_FUNCTION_ARGS)
{
	RETURN_KODE_OR_NULL(kkb_kode_parent(PG_GETARG_INT64(0)));
}

/* provinsi/kabkota/kecamatan(kode): the ancestor at level 1/2/3, NULL above the code's level. */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_provinsi);
Datum
kkb_kode_wilayah_provinsi(PG_FUNCTION_ARGS)
{
	RETURN_KODE_OR_NULL(kkb_kode_province(PG_GETARG_INT64(0)));
}

PG_FUNCTION_INFO_V1(kkb_kode_wilayah_kabkota);
Datum
kkb_kode_wilayah_kabkota(PG_FUNCTION_ARGS)
{
	RETURN_KODE_OR_NULL(kkb_kode_kabkota(PG_GETARG_INT64(0)));
}

PG_FUNCTION_INFO_V1(kkb_kode_wilayah_kecamatan);
Datum
kkb_kode_wilayah_kecamatan(PG_FUNCTION_ARGS)
{
	RETURN_KODE_OR_NULL(kkb_kode_kecamatan(PG_GETARG_INT64(0)));
}

/* adalah_kelurahan(kode): a village whose village part starts with 1. */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_adalah_kelurahan);
Datum
kkb_kode_wilayah_adalah_kelurahan(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kkb_kode_is_kelurahan(PG_GETARG_INT64(0)));
}

/* a @> b: a is b or an ancestor of b. */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_contains);
Datum
kkb_kode_wilayah_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kkb_kode_contains(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

/* a <@ b: a is b or a descendant of b. */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_contained);
Datum
kkb_kode_wilayah_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(kkb_kode_contains(PG_GETARG_INT64(1), PG_GETARG_INT64(0)));
}

/* _kode_wilayah_atas(a): the exclusive upper end of a's descendant range (internal). */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_atas);
Datum
kkb_kode_wilayah_atas(PG_FUNCTION_ARGS)
{
	int64_t		lo,
				hi;

	if (!kkb_kode_range(PG_GETARG_INT64(0), &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_INT64(hi);
}

/*
 * Planner support for `col <@ x` and `x @> col` (col indexed with the
 * kode_wilayah btree opclass): the descendants of x are exactly the btree
 * range  x <= col < _kode_wilayah_atas(x), so the clause becomes those two
 * index conditions (not lossy).  When x is a constant the upper end is
 * computed here; otherwise (a parameter of a prepared statement) it is the
 * immutable function call, evaluated once at executor start-up.
 */
PG_FUNCTION_INFO_V1(kkb_kode_wilayah_support);
Datum
kkb_kode_wilayah_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestIndexCondition *req;
	List	   *args;
	Node	   *indexkey,
			   *other;
	Oid			typid,
				ge_op,
				lt_op;
	Expr	   *lo,
			   *hi;
	bool		descendant_side;

	if (!IsA(rawreq, SupportRequestIndexCondition))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestIndexCondition *) rawreq;

	if (is_opclause(req->node))
		args = ((OpExpr *) req->node)->args;
	else if (is_funcclause(req->node))
		args = ((FuncExpr *) req->node)->args;
	else
		PG_RETURN_POINTER(NULL);
	if (list_length(args) != 2 || req->indexarg < 0 || req->indexarg > 1)
		PG_RETURN_POINTER(NULL);

	/*
	 * Which side is the indexed column?  We only rewrite "column is a
	 * descendant of x": contained(col, x) or contains(x, col).
	 */
	{
		Oid			fn = req->funcid;
		char	   *name = get_func_name(fn);

		if (name == NULL)
			PG_RETURN_POINTER(NULL);
		if (strcmp(name, "kode_wilayah_contained") == 0)
			descendant_side = (req->indexarg == 0);
		else if (strcmp(name, "kode_wilayah_contains") == 0)
			descendant_side = (req->indexarg == 1);
		else
			descendant_side = false;
		pfree(name);
	}
	if (!descendant_side)
		PG_RETURN_POINTER(NULL);

	indexkey = (Node *) list_nth(args, req->indexarg);
	other = (Node *) list_nth(args, 1 - req->indexarg);
	typid = exprType(indexkey);
	if (exprType(other) != typid)
		PG_RETURN_POINTER(NULL);
	if (contain_volatile_functions(other))
		PG_RETURN_POINTER(NULL);
	if (bms_is_member(req->index->rel->relid, pull_varnos(req->root, other)))
		PG_RETURN_POINTER(NULL);

	ge_op = get_opfamily_member(req->opfamily, typid, typid, BTGreaterEqualStrategyNumber);
	lt_op = get_opfamily_member(req->opfamily, typid, typid, BTLessStrategyNumber);
	if (!OidIsValid(ge_op) || !OidIsValid(lt_op))
		PG_RETURN_POINTER(NULL);

	if (IsA(other, Const))
	{
		Const	   *c = (Const *) other;
		int64_t		rlo,
					rhi;

		if (c->constisnull || !kkb_kode_range(DatumGetInt64(c->constvalue), &rlo, &rhi))
			PG_RETURN_POINTER(NULL);
		lo = (Expr *) makeConst(typid, -1, InvalidOid, 8, Int64GetDatum(rlo), false, true);
		hi = (Expr *) makeConst(typid, -1, InvalidOid, 8, Int64GetDatum(rhi), false, true);
	}
	else
	{
		List	   *fname = list_make2(makeString("kkb"), makeString("_kode_wilayah_atas"));
		Oid			argtypes[1] = {typid};
		Oid			atas = LookupFuncName(fname, 1, argtypes, true);

		if (!OidIsValid(atas))
			PG_RETURN_POINTER(NULL);
		lo = (Expr *) copyObject(other);
		hi = (Expr *) makeFuncExpr(atas, typid, list_make1(copyObject(other)), InvalidOid, InvalidOid,
								   COERCE_EXPLICIT_CALL);
	}

	req->lossy = false;
	PG_RETURN_POINTER(list_make2(make_opclause(ge_op, BOOLOID, false, (Expr *) copyObject(indexkey), lo,
											   InvalidOid, InvalidOid),
								 make_opclause(lt_op, BOOLOID, false, (Expr *) copyObject(indexkey), hi,
											   InvalidOid, InvalidOid)));
}

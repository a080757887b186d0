/*
 * ident.h - pure C core for three Indonesian identifiers (no PostgreSQL headers).
 *
 *   NIK          nomor induk kependudukan, 16 digits PP KK CC DDMMYY SSSS, stored as
 *                the plain number (int64), e.g. 1377014105900001.
 *   No. KK       family card number, 16 digits PPKKCC DDMMYY SSSS, stored the same way.
 *   kode wilayah Kemendagri region code PP / PP.KK / PP.KK.CC / PP.KK.CC.DDDD, stored
 *                hierarchically encoded (see "Region-code encoding" below).
 *
 * The facts behind the rules are in docs/DOMAIN.md section 6.  The PostgreSQL type
 * wrappers (nik, no_kk, kode_wilayah) sit on top of this API and map the error codes
 * to SQLSTATEs: KKB_E_RANGE -> 22003 numeric_value_out_of_range, KKB_E_ENCODING ->
 * 22P03 invalid_binary_representation, every other code -> 22P02
 * invalid_text_representation.
 *
 * Conventions for every function here:
 *   - no allocation, no global mutable state: all functions are thread-safe and
 *     reentrant;
 *   - text inputs are (pointer, length) pairs and need not be NUL-terminated; no byte
 *     at or past s[len] is ever read (s may be NULL when len is 0);
 *   - an error out-parameter (kkb_error *) may be NULL when the caller only wants the
 *     code; when given it is always filled: code, and on failure a detail sentence and
 *     possibly a hint sentence (both NUL-terminated English, ending with a period; the
 *     hint may be empty); a character position in a detail is a 1-based byte offset
 *     into s, leading whitespace included;
 *   - functions that return int return KKB_OK (0) on success or one KKB_E_* code;
 *   - accessors that take an already stored value (int64) re-check it and return a
 *     neutral value (0, '\0', false) when it is not valid, so they never misbehave on
 *     garbage from a corrupt row.
 */
#ifndef KKB_IDENT_H
#define KKB_IDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes; every rejection reason has its own. */
typedef enum kkb_errcode
{
	KKB_OK = 0,
	KKB_E_SYNTAX,				/* a character that is not allowed, a misplaced separator,
								 * too many parts in a region code */
	KKB_E_LENGTH,				/* wrong number of digits (whole number or region-code part) */
	KKB_E_PROVINCE,				/* NIK / No. KK province is not one of the 38 real provinces */
	KKB_E_DAY,					/* day not 01-31 (or 41-71 for women in a NIK) */
	KKB_E_MONTH,				/* month not 01-12 */
	KKB_E_DATE,					/* day/month exist separately but the date exists in no century;
								 * also: invalid reference date / no century fits */
	KKB_E_SERIAL,				/* serial 0000 */
	KKB_E_PART,					/* region-code part is zero (or province starts with 0) */
	KKB_E_RANGE,				/* int64 out of range for the type (negative, wrong digit count) */
	KKB_E_ENCODING				/* int64 is not a well-formed encoded region code */
} kkb_errcode;

#define KKB_ERR_TEXT 256

typedef struct kkb_error
{
	int			code;			/* a kkb_errcode */
	char		detail[KKB_ERR_TEXT];	/* full sentence naming the bad part, "" when OK */
	char		hint[KKB_ERR_TEXT];	/* full sentence or "" */
} kkb_error;

/* Short stable name of an error code ("ok", "syntax", "length", ...); never NULL. */
const char *kkb_errcode_name(int code);

/* ---------------------------------------------------------------------------
 * Provinces (the 38 real ones, from extension/data/wilayah/wilayah_all.csv)
 * ------------------------------------------------------------------------- */

/* true when code (e.g. 13) is one of the 38 real province codes. */
bool		kkb_province_is_real(int code);

/* Number of real provinces (38) and the i-th code in ascending order (0 <= i < count;
 * returns -1 for any other i).  For tests and for listing. */
int			kkb_province_count(void);
int			kkb_province_at(int i);

/* ---------------------------------------------------------------------------
 * NIK
 * ------------------------------------------------------------------------- */

#define KKB_NIK_BUFLEN 17		/* 16 digits + NUL */

/*
 * Parse a NIK from text.  Accepts 16 digits, optionally grouped by single separators
 * (space, '.' or '-') that each stand between two digits, with optional leading and
 * trailing whitespace ("1377 0141 0590 0001", "13-77-01-410590-0001").  Checks, in
 * this order: characters/separators (KKB_E_SYNTAX), digit count (KKB_E_LENGTH),
 * province (KKB_E_PROVINCE), day 01-31 or 41-71 (KKB_E_DAY), month (KKB_E_MONTH),
 * date exists in some century (KKB_E_DATE), serial not 0000 (KKB_E_SERIAL).
 * Regency and district are not checked.  On success *out is the 16-digit number; on
 * failure *out is left untouched.
 */
int			kkb_nik_parse(const char *s, size_t len, int64_t *out, kkb_error *err);

/*
 * Validate a NIK held as an int64 (bigint cast, binary recv).  Negative values and
 * values that do not have exactly 16 digits give KKB_E_RANGE; otherwise the same
 * content checks as kkb_nik_parse.
 */
int			kkb_nik_check(int64_t v, kkb_error *err);

/* Write v as 16 digits plus NUL into out and return 16; when v is not in
 * [0, 10^16) write "" and return 0.  Does not check the content. */
size_t		kkb_nik_format(int64_t v, char out[KKB_NIK_BUFLEN]);

/* 'L' (laki-laki, male) when the day field is 01-31, 'P' (perempuan, female) when it
 * is 41-71; '\0' when v is not a valid NIK. */
char		kkb_nik_sex(int64_t v);

/*
 * Birth date of a valid NIK (the 40 removed from a woman's day).  The century is
 * ambiguous: take the latest century that does not put the date after the reference
 * date ref_y-ref_m-ref_d ("tanggal acuan", usually today), skipping centuries in which
 * the date does not exist (29 February 2100).  E.g. with reference 2026-11-27:
 * YY=05 -> 2005, YY=40 -> 1940, YY=26 -> 2026 if DDMM is on or before 27 November,
 * else 1926.  Returns KKB_OK and sets *y, *m, *d; the kkb_nik_check code when v is not
 * a valid NIK; KKB_E_DATE when the reference date is not a real date with year
 * 1..9999, or when no century from the reference century down to 400 years before
 * it fits (only possible for reference years below 100).  Outputs are untouched on
 * failure.
 */
int			kkb_nik_birth_date(int64_t v, int ref_y, int ref_m, int ref_d,
							   int *y, int *m, int *d);

/* The district of registration PP.KK.CC as an encoded region code (level 3), or 0
 * when v is not a valid NIK or its regency or district field is 00 (no region code can
 * express that).  Whether the district exists is not checked. */
int64_t		kkb_nik_district(int64_t v);

/* ---------------------------------------------------------------------------
 * No. KK (family card number)
 * ------------------------------------------------------------------------- */

#define KKB_KK_BUFLEN 17		/* 16 digits + NUL */

/* Same input leniency and order of checks as kkb_nik_parse; the date is the issue date
 * DDMMYY with day 01-31 only (no +40). */
int			kkb_kk_parse(const char *s, size_t len, int64_t *out, kkb_error *err);

/* Same as kkb_nik_check for a No. KK. */
int			kkb_kk_check(int64_t v, kkb_error *err);

/* Same as kkb_nik_format. */
size_t		kkb_kk_format(int64_t v, char out[KKB_KK_BUFLEN]);

/* Issue date with the same century rule and return codes as kkb_nik_birth_date. */
int			kkb_kk_issue_date(int64_t v, int ref_y, int ref_m, int ref_d,
							  int *y, int *m, int *d);

/* Region of issue PP.KK.CC as an encoded region code (level 3), or 0 as for
 * kkb_nik_district. */
int64_t		kkb_kk_region(int64_t v);

/* ---------------------------------------------------------------------------
 * Kode wilayah (region code)
 *
 * Region-code encoding (the int64 stored by the SQL type):
 *     enc = padded * 10 + level
 * where padded is the code's digits right-padded with zeros to 10 digits and level is
 * 1 (province) .. 4 (village):
 *     13            -> 13000000001
 *     13.77         -> 13770000002
 *     13.77.01      -> 13770100003
 *     13.77.01.1001 -> 13770110014
 * Because no part of a valid code is zero, integer order is hierarchical pre-order
 * (a code sorts before its descendants and every code's descendants are one contiguous
 * block), so btree indexes on the int8 answer "descendants of X" with one range scan
 * (kkb_kode_range).  Every valid enc lies in [10000000001, 99999999994].
 * ------------------------------------------------------------------------- */

#define KKB_KODE_BUFLEN 14		/* "PP.KK.CC.DDDD" + NUL */
#define KKB_KODE_MIN INT64_C(10000000001)
#define KKB_KODE_MAX INT64_C(99999999994)

/*
 * Parse a region code: dotted "13", "13.77", "13.77.01", "13.77.01.1001" (each part
 * exactly 2, 2, 2, 4 digits) or undotted 2, 4, 6 or 10 digits, with optional leading
 * and trailing whitespace.  Shape only, existence is not checked: the province part
 * must not start with 0 (10-99), regency/city and district parts 01-99, village
 * 0001-9999, else KKB_E_PART.  Bad characters or more than 4 parts -> KKB_E_SYNTAX;
 * wrong digit count (whole undotted code or one dotted part) -> KKB_E_LENGTH.
 * On success *out is the encoded value; on failure it is untouched.
 */
int			kkb_kode_parse(const char *s, size_t len, int64_t *out, kkb_error *err);

/*
 * Validate an encoded region code (binary recv, casts): outside
 * [KKB_KODE_MIN, KKB_KODE_MAX] -> KKB_E_RANGE; level digit not 1-4 or non-zero digits
 * below the level's width -> KKB_E_ENCODING; a zero part -> KKB_E_PART.
 */
int			kkb_kode_check(int64_t enc, kkb_error *err);

/* Dotted form of a valid encoded code into out (NUL-terminated) and its length
 * (2, 5, 8 or 13); "" and 0 when enc is not valid. */
size_t		kkb_kode_format(int64_t enc, char out[KKB_KODE_BUFLEN]);

/* Level 1 (province), 2 (regency/city), 3 (district), 4 (village); 0 when invalid. */
int			kkb_kode_level(int64_t enc);

/* Numeric value of part k (1..level) of a valid code, e.g. part 2 of 13.77.01 is 77;
 * -1 when enc is invalid or k is out of 1..level. */
int			kkb_kode_part(int64_t enc, int k);

/* Ancestor at level k (1 <= k <= level; k == level gives enc itself); 0 when enc is
 * invalid or k is out of range. */
int64_t		kkb_kode_ancestor(int64_t enc, int k);

/* Parent (ancestor at level - 1); 0 for a province or an invalid code. */
int64_t		kkb_kode_parent(int64_t enc);

/* Shorthands for kkb_kode_ancestor(enc, 1 / 2 / 3). */
int64_t		kkb_kode_province(int64_t enc);
int64_t		kkb_kode_kabkota(int64_t enc);
int64_t		kkb_kode_kecamatan(int64_t enc);

/* true for a village (level 4) whose village part starts with 1 (kelurahan, urban);
 * a leading 2 is a desa. */
bool		kkb_kode_is_kelurahan(int64_t enc);

/* true when a is an ancestor of b or equal to it; false when either is invalid. */
bool		kkb_kode_contains(int64_t a, int64_t b);

/*
 * Half-open range of the descendants of a: for every valid b,
 *     kkb_kode_contains(a, b)  <=>  *lo <= b && b < *hi.
 * *lo is a itself.  Returns false (outputs untouched) when a is invalid.
 */
bool		kkb_kode_range(int64_t a, int64_t *lo, int64_t *hi);

/*
 * From the undotted number (1377011001 -> 13770110014, 13 -> 13000000001).  n < 0 or
 * n with more than 10 digits -> KKB_E_RANGE; a digit count other than 2, 4, 6, 10 ->
 * KKB_E_LENGTH; a zero part -> KKB_E_PART.  *out untouched on failure.
 */
int			kkb_kode_from_number(int64_t n, int64_t *out, kkb_error *err);

/* Undotted number of a valid code (13770110014 -> 1377011001); 0 when invalid. */
int64_t		kkb_kode_to_number(int64_t enc);

#ifdef __cplusplus
}
#endif

#endif							/* KKB_IDENT_H */

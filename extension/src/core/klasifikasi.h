/*
 * klasifikasi.h - pure C core of the Kampung KB village classification (no PostgreSQL
 * headers): the national portal's rule that turns one village's input document into
 * twelve indicator scores, four percentages, three indices and a class
 * (Dasar, Berkembang, Mandiri, Berkelanjutan).
 *
 * The rule is docs/KLASIFIKASI.md (shared docs), implemented exactly, including the
 * portal's rounding and missing-data quirks.  The SQL function
 * kkb.klasifikasi_hitung(jsonb) (klasifikasi_sql.c) reads the JSON document into a
 * kkb_klas_input, calls kkb_klas_compute and returns kkb_klas_format_json's text as
 * jsonb.
 *
 * Conventions for every function here:
 *   - no allocation, no global mutable state: all functions are thread-safe and
 *     reentrant;
 *   - a key that is absent and a key that is JSON null are the same thing: "not
 *     recorded", present[k] == false;
 *   - every integer is exact: percentages use the portal's double-precision pct() (see
 *     kkb_klas_pct), everything else (the participation average, the indices) is
 *     integer arithmetic, so the results do not depend on the compiler's floating
 *     point beyond IEEE 754 double division, multiplication and rint().
 *
 * Value ranges (decision; the portal's tables hold integer columns):
 *   booleans 0 (false) or 1 (true); sarana 0..2; sumber_dana 0..6; poktan 0..8;
 *   penggunaan_data 0..5; mekanisme_operasional 0..5; every other count (pokja_anggota,
 *   instansi_intervensi, all of penduduk and kkbpk) 0..KKB_KLAS_COUNT_MAX =
 *   2147483647, the range of a PostgreSQL integer column.  With that bound every
 *   intermediate is far inside the exact range of a double (2^53) and of int64: the
 *   seven kb_* add up to less than 2^34, and a percentage is at most 100 * 2^34 < 2^41.
 */
#ifndef KKB_KLASIFIKASI_H
#define KKB_KLASIFIKASI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Upper bound of an open-ended count (INT32_MAX, see "Value ranges" above). */
#define KKB_KLAS_COUNT_MAX INT64_C(2147483647)

/* ---------------------------------------------------------------------------
 * Input document
 * ------------------------------------------------------------------------- */

/* Where a key lives in the input document. */
typedef enum kkb_klas_group
{
	KKB_GROUP_ROOT = 0,			/* top level */
	KKB_GROUP_PENDUDUK = 1,		/* inside the optional object "penduduk" */
	KKB_GROUP_KKBPK = 2			/* inside the optional object "kkbpk" */
} kkb_klas_group;

/* Every input key, in the order of KLASIFIKASI.md (the order errors are reported in). */
typedef enum kkb_klas_key
{
	/* input indicators (top level) */
	KKB_KEY_POKJA_ADA = 0,		/* bool: the village has a pokja (working group) */
	KKB_KEY_POKJA_ANGGOTA,		/* count: pokja members */
	KKB_KEY_POKJA_TERLATIH,		/* bool: the pokja was trained */
	KKB_KEY_SUMBER_DANA,		/* 0..6 funding sources ticked */
	KKB_KEY_POKTAN,				/* 0..8 programmes (kelompok kegiatan) present */
	KKB_KEY_SARANA,				/* 0..2 Sekretariat Kampung KB, Rumah DataKu */
	KKB_KEY_PKB_PENDAMPING,		/* bool: a PKB/PLKB is assigned as mentor */
	KKB_KEY_REGULASI,			/* bool: a decree/regulation exists */
	/* process indicators (top level) */
	KKB_KEY_PENGGUNAAN_DATA,	/* 0..5 data sources used in planning */
	KKB_KEY_MEKANISME_OPERASIONAL,	/* 0..5 mechanisms carried out */
	KKB_KEY_INSTANSI_INTERVENSI,	/* count: distinct agencies intervening */
	/* penduduk.* (population record) */
	KKB_KEY_PUS,				/* pasangan usia subur, couples of reproductive age */
	KKB_KEY_KELUARGA,			/* families */
	KKB_KEY_REMAJA,				/* adolescents */
	KKB_KEY_KELUARGA_BALITA,	/* families with children under five */
	KKB_KEY_KELUARGA_REMAJA,	/* families with adolescents */
	KKB_KEY_KELUARGA_LANSIA,	/* families with elderly */
	/* kkbpk.* (monthly family-planning report) */
	KKB_KEY_PESERTA_BKB,
	KKB_KEY_PESERTA_BKR,
	KKB_KEY_PESERTA_BKL,
	KKB_KEY_PESERTA_UPPKA,
	KKB_KEY_PESERTA_PIKR,
	KKB_KEY_KB_IUD,
	KKB_KEY_KB_MOW,
	KKB_KEY_KB_MOP,
	KKB_KEY_KB_KONDOM,
	KKB_KEY_KB_IMPLAN,
	KKB_KEY_KB_SUNTIK,
	KKB_KEY_KB_PIL,
	KKB_KEY_TIDAK_KB_HAMIL,
	KKB_KEY_TIDAK_KB_INGIN_SEGERA,
	KKB_KEY_TIDAK_KB_IAT,		/* ingin anak tunda: wants to postpone a child */
	KKB_KEY_TIDAK_KB_TIAL,		/* tidak ingin anak lagi: wants no more children */
	KKB_KLAS_NKEYS
} kkb_klas_key;

/*
 * One village's input document.  present[k] says whether key k was recorded;
 * value[k] is its value (booleans as 0/1) and is ignored when present[k] is false.
 * A key of group PENDUDUK or KKBPK may only be present when its object is
 * (kkb_klas_validate rejects the contrary).  Zero-initialise (or call
 * kkb_klas_input_init) before filling.
 */
typedef struct kkb_klas_input
{
	bool		penduduk;		/* the "penduduk" object is present (possibly empty) */
	bool		kkbpk;			/* the "kkbpk" object is present (possibly empty) */
	bool		present[KKB_KLAS_NKEYS];
	int64_t		value[KKB_KLAS_NKEYS];
} kkb_klas_input;

/* Reset *in to the empty document (nothing recorded, no objects). */
void		kkb_klas_input_init(kkb_klas_input *in);

/* Record key = v, marking its object (penduduk / kkbpk) present too.  No range check;
 * an out-of-range key is ignored. */
void		kkb_klas_set(kkb_klas_input *in, int key, int64_t v);

/* Key metadata.  For a key outside 0..KKB_KLAS_NKEYS-1: name and path NULL, group -1,
 * is_bool false, max -1. */
const char *kkb_klas_key_name(int key); /* "pus" */
const char *kkb_klas_key_path(int key); /* "penduduk.pus"; top-level keys: the name */
int			kkb_klas_key_group(int key);	/* a kkb_klas_group */
bool		kkb_klas_key_is_bool(int key);
int64_t		kkb_klas_key_max(int key);	/* largest valid value: 1 for booleans */

/* true when v is a valid value of key (0..max); false for an unknown key. */
bool		kkb_klas_value_ok(int key, int64_t v);

/* Name of an object group as it appears in the document: "penduduk", "kkbpk";
 * "" for KKB_GROUP_ROOT, NULL for anything else. */
const char *kkb_klas_group_name(int group);

/* ---------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------- */

enum
{
	KKB_KLAS_OK = 0,
	KKB_KLAS_E_RANGE,			/* a present value outside the key's range */
	KKB_KLAS_E_ORPHAN			/* a penduduk/kkbpk key present without its object */
};

#define KKB_KLAS_ERR_TEXT 160

typedef struct kkb_klas_error
{
	int			code;			/* KKB_KLAS_OK or KKB_KLAS_E_* */
	int			key;			/* offending key, -1 when code is KKB_KLAS_OK */
	char		detail[KKB_KLAS_ERR_TEXT];	/* full English sentence, "" when OK */
} kkb_klas_error;

/*
 * The sentence saying what key allows, written into buf (NUL-terminated, truncated
 * to size) and its length, e.g.
 *   "\"poktan\" must be a whole number from 0 to 8, or null when not recorded."
 *   "\"pokja_ada\" must be true or false, or null when not recorded."
 * The SQL layer uses it as errdetail for every invalid value of the key, whatever
 * its JSON type.  Unknown key: "" and 0.
 */
size_t		kkb_klas_describe(int key, char *buf, size_t size);

/*
 * Check an input document: every present value in range and no orphan key.  Keys are
 * checked in kkb_klas_key order and the first problem is reported.  Returns
 * KKB_KLAS_OK or a KKB_KLAS_E_* code; err may be NULL, otherwise it is always filled.
 */
int			kkb_klas_validate(const kkb_klas_input *in, kkb_klas_error *err);

/* ---------------------------------------------------------------------------
 * Result
 * ------------------------------------------------------------------------- */

/* The twelve scores, in the order of the output document. */
typedef enum kkb_klas_skor
{
	KKB_SKOR_INPUT_POKJA = 0,
	KKB_SKOR_INPUT_SUMBER_DANA,
	KKB_SKOR_INPUT_POKTAN,
	KKB_SKOR_INPUT_SARANA,		/* 1..3 */
	KKB_SKOR_INPUT_PKB,			/* 1..3 */
	KKB_SKOR_PROSES_PENGGUNAAN_DATA,
	KKB_SKOR_PROSES_OPERASIONAL,
	KKB_SKOR_PROSES_LINTAS_SEKTOR,
	KKB_SKOR_OUTPUT_POKTAN,
	KKB_SKOR_OUTPUT_CPR,
	KKB_SKOR_OUTPUT_MKJP,
	KKB_SKOR_OUTPUT_UNMET,
	KKB_KLAS_NSKOR
} kkb_klas_skor;

/* The four percentages of "persentase". */
typedef enum kkb_klas_persen
{
	KKB_PERSEN_POKTAN = 0,		/* participation average p */
	KKB_PERSEN_CPR,				/* contraceptive prevalence c */
	KKB_PERSEN_MKJP,			/* long-acting methods m */
	KKB_PERSEN_UNMET,			/* unmet need u */
	KKB_KLAS_NPERSEN
} kkb_klas_persen;

/* The three indices. */
typedef enum kkb_klas_indeks
{
	KKB_INDEKS_INPUT = 0,
	KKB_INDEKS_PROSES,
	KKB_INDEKS_OUTPUT,
	KKB_KLAS_NINDEKS
} kkb_klas_indeks;

/* The classes, from lowest to highest. */
typedef enum kkb_klas_kelas
{
	KKB_KELAS_DASAR = 1,
	KKB_KELAS_BERKEMBANG = 2,
	KKB_KELAS_MANDIRI = 3,
	KKB_KELAS_BERKELANJUTAN = 4
} kkb_klas_kelas;

typedef struct kkb_klas_result
{
	int			skor[KKB_KLAS_NSKOR];	/* each 1..4 (sarana, pkb 1..3) */
	bool		persen_null[KKB_KLAS_NPERSEN];	/* JSON null in "persentase" */
	int64_t		persen[KKB_KLAS_NPERSEN];	/* >= 0; 0 when persen_null */
	int			indeks[KKB_KLAS_NINDEKS];	/* index * 100, exact: 100..400 */
	bool		met[KKB_KLAS_NINDEKS];	/* indeks >= 300 */
	int			kelas;			/* a kkb_klas_kelas */
	const char *klasifikasi;	/* kkb_klas_kelas_name(kelas), static */
} kkb_klas_result;

/* Names as they appear in the output document ("input_pokja", "cpr",
 * "indeks_input", "Mandiri"); NULL when out of range. */
const char *kkb_klas_skor_name(int i);
const char *kkb_klas_persen_name(int i);
const char *kkb_klas_indeks_name(int i);
const char *kkb_klas_kelas_name(int kelas);

/* ---------------------------------------------------------------------------
 * Computation
 * ------------------------------------------------------------------------- */

/*
 * The portal's percentage: rint((double) a / (double) b * 100.0), divide first, then
 * multiply, in double precision, ties to even (rint in the default rounding mode; the
 * same as PostgreSQL's round((a / b::float) * 100)).  So 1/8 -> 12, 3/8 -> 38 and
 * 23/40 -> 57 (0.575 is 0.57499999999999995559 in binary).  Requires b != 0 and
 * |a|, |b| < 2^53; returns 0 when b == 0.
 */
int64_t		kkb_klas_pct(int64_t a, int64_t b);

/*
 * round(sum / n, 2) * 100 with PostgreSQL's numeric rounding (half away from zero),
 * in integer arithmetic: kkb_klas_indeks_round(8, 3) == 267 (2.67).  Requires n > 0
 * and 0 <= sum <= 1000000; returns -1 otherwise.
 */
int			kkb_klas_indeks_round(int sum, int n);

/*
 * Classify one village.  Validates *in first (kkb_klas_validate): on failure returns
 * the error code, fills err (when not NULL) and leaves *out untouched.  On success
 * fills *out as KLASIFIKASI.md prescribes and returns KKB_KLAS_OK (err, when given,
 * gets code KKB_KLAS_OK).
 */
int			kkb_klas_compute(const kkb_klas_input *in, kkb_klas_result *out, kkb_klas_error *err);

/* ---------------------------------------------------------------------------
 * Output document
 * ------------------------------------------------------------------------- */

/* Enough for any result (the longest is about 560 bytes). */
#define KKB_KLAS_JSON_BUFLEN 1024

/*
 * The output document of KLASIFIKASI.md as JSON text, snprintf-style: writes at most
 * size bytes including the NUL (nothing when size is 0) and returns the length the
 * whole text needs.  Keys in the document's order; indices with exactly two decimals
 * ("indeks_input": 2.60); null percentages as null:
 *   {"skor": {"input_pokja": 4, ..., "output_unmet": 1},
 *    "persentase": {"poktan": 12, "cpr": null, "mkjp": 0, "unmet": null},
 *    "indeks_input": 2.60, "indeks_proses": 3.00, "indeks_output": 1.75,
 *    "klasifikasi": "Dasar"}
 * (on one line).  *r must come from kkb_klas_compute.
 */
size_t		kkb_klas_format_json(const kkb_klas_result *r, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif							/* KKB_KLASIFIKASI_H */

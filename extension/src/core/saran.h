/*
 * saran.h - pure C core of the "what it takes" advisor (no PostgreSQL headers): for one
 * village's classification input document (docs/KLASIFIKASI.md), the cheapest way to
 * reach each higher class of the national portal's rule, in score steps, and the
 * changes of the input document that realise it.
 *
 * The cost of a target class is `langkah`: the sum, over the twelve indicators, of the
 * score increases the target needs.  It is the minimum over every vector of scores the
 * village can reach (each score between its current value and its ceiling, see below)
 * whose class is the target; among vectors of that cost the advisor takes one that
 * changes the fewest indicators.  Scores only go up: a class that can only be reached by
 * lowering a score (Berkembang needs the output index below 3, Mandiri needs exactly one
 * of input and process) is not offered.
 *
 * Ceilings (kkb_saran_plafon): what a score can reach by changing what the village
 * records, never by inventing its population: 4 for every indicator (3 for input_sarana
 * and input_pkb) except
 *   output_poktan  participants of a programme at most its denominator (100%), and only
 *                  the pairs whose denominator is recorded and above 0 count;
 *   output_cpr     needs penduduk.pus recorded and above 0 (otherwise the score stays);
 *   output_mkjp    needs penduduk.pus recorded.
 *
 * Realising a score (smallest change of the keys behind it, checked with kkb_klas_compute):
 *   input_pokja        pokja_ada -> true, then pokja_terlatih -> true, then pokja_anggota -> 1
 *   input_pkb          pkb_pendamping -> true, then regulasi -> true
 *   other input/process scores: the key's smallest value in the band
 *   output_poktan      the fewest added participants of one programme (the pair that needs
 *                      fewest); when no single pair reaches the band, pairs are filled
 *                      in order of smallest denominator
 *   output_unmet       recording kkbpk.tidak_kb_iat = 0 when neither IAT nor TIAL is
 *                      recorded; otherwise the fewest fewer of the larger of the two,
 *                      then of the other
 *   output_cpr, output_mkjp together: the fewest added users reaching the CPR band
 *                      (kb_pil), then the fewest long-acting users (kb_implan) reaching
 *                      the MKJP band - added users count first, then users moved from
 *                      pil, suntik, kondom - so that adding users never lowers MKJP.
 * The portal's bands are coarse where counts are small, so a realised score can pass
 * the planned one (e.g. recording unmet need as 0 gives score 4 at once); skor_ke is
 * the score the changed document gets, langkah stays the planned minimum.
 *
 * Conventions as klasifikasi.h: no allocation, no global mutable state, thread-safe.
 */
#ifndef KKB_SARAN_H
#define KKB_SARAN_H

#include "klasifikasi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A village moves up at most three classes; one key changes at most once per target. */
#define KKB_SARAN_MAX_TARGET 3
#define KKB_SARAN_MAX_UBAH KKB_KLAS_NKEYS

/* One changed key of the input document. */
typedef struct kkb_saran_ubah
{
	int			skor;			/* kkb_klas_skor the change serves */
	int			skor_dari;		/* that indicator's score before */
	int			skor_ke;		/* and after all changes of the target */
	int			key;			/* kkb_klas_key changed */
	bool		dari_ada;		/* the key was recorded before */
	int64_t		dari;			/* its value before (when dari_ada) */
	int64_t		ke;				/* its value after */
} kkb_saran_ubah;

/* One reachable higher class. */
typedef struct kkb_saran_target
{
	int			kelas;			/* kkb_klas_kelas */
	int			langkah;		/* minimum sum of score increases */
	int			nindikator;		/* indicators whose score the plan raises */
	int			rencana[KKB_KLAS_NSKOR];	/* planned score of each indicator */
	int			nubah;
	kkb_saran_ubah ubah[KKB_SARAN_MAX_UBAH];	/* in indicator order, then key order */
	kkb_klas_input masukan;		/* the input document with the changes applied */
} kkb_saran_target;

typedef struct kkb_saran_result
{
	int			kelas;			/* the class now */
	int			skor[KKB_KLAS_NSKOR];	/* the scores now */
	int			plafon[KKB_KLAS_NSKOR]; /* the highest score each can reach */
	int			ntarget;
	kkb_saran_target target[KKB_SARAN_MAX_TARGET];	/* sorted by langkah, then class */
} kkb_saran_result;

/*
 * The highest score of indicator `skor` the document can reach by changes the advisor
 * makes (see "Ceilings"); the current score when it cannot rise.  *in must be valid.
 */
int			kkb_saran_plafon(const kkb_klas_input *in, int skor);

/*
 * The advice for one document.  Validates *in first (as kkb_klas_compute): on failure
 * returns the error code, fills err (when not NULL) and leaves *out untouched.
 * Otherwise fills *out and returns KKB_KLAS_OK.  A Berkelanjutan village gets no target.
 */
int			kkb_saran_compute(const kkb_klas_input *in, kkb_saran_result *out, kkb_klas_error *err);

/*
 * An input document as JSON text, snprintf-style (returns the length the whole text
 * needs): recorded keys only, in kkb_klas_key order, booleans as true/false, and the
 * objects "penduduk" and "kkbpk" when present (possibly empty).  At most about 1 kB.
 */
size_t		kkb_klas_input_format_json(const kkb_klas_input *in, char *buf, size_t size);

/* Enough for any advice (three targets, each with its document). */
#define KKB_SARAN_JSON_BUFLEN 16384

/*
 * The advice as JSON text, snprintf-style:
 *   {"klasifikasi": "Dasar", "saran": [{"kelas": "Berkembang", "langkah": 3,
 *     "indikator": 2, "perubahan": [{"indikator": "input_pokja", "skor_dari": 1,
 *     "skor_ke": 3, "kunci": "pokja_ada", "dari": false, "ke": true}, ...],
 *     "masukan": {...}}, ...]}
 * "kunci" is the key's path ("kkbpk.kb_pil"); "dari" is null when the key was not recorded.
 */
size_t		kkb_saran_format_json(const kkb_saran_result *r, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif							/* KKB_SARAN_H */

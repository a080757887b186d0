/*
 * test_klasifikasi.c - TAP unit tests for the Kampung KB classification core
 * (extension/src/core/klasifikasi.c): pct() rounding ties, index rounding, every band
 * boundary of every score, the missing-data and null/0 rules of the four
 * percentages, each class, validation and the JSON output document.
 *
 * Every expected value is written out by hand from docs/KLASIFIKASI.md; the
 * percentages at ties were checked against IEEE double arithmetic (a / b * 100,
 * then round half to even), which is what the document prescribes.
 *
 * Usage: test_klasifikasi   (no arguments)
 */
#include "tap.h"
#include "klasifikasi.h"

#include <inttypes.h>
#include <stdint.h>

/* ------------------------------------------------------------------------- */
/* helpers                                                                     */
/* ------------------------------------------------------------------------- */

static kkb_klas_input in;

/* start a new document: nothing recorded */
static void
reset(void)
{
	kkb_klas_input_init(&in);
}

#define SET(k, v) kkb_klas_set(&in, KKB_KEY_##k, (v))

/* compute the current document; a validation failure is reported as a failed test */
static kkb_klas_result
run(void)
{
	kkb_klas_result r;
	kkb_klas_error err;

	memset(&r, 0, sizeof(r));
	if (kkb_klas_compute(&in, &r, &err) != KKB_KLAS_OK)
	{
		ok(0, "compute failed unexpectedly");
		diag("error %d on key %d: %s", err.code, err.key, err.detail);
	}
	return r;
}

static int
skor(int i)
{
	return run().skor[i];
}

/* persentase i as printed: -1 stands for null */
static int64_t
persen(int i)
{
	kkb_klas_result r = run();

	return r.persen_null[i] ? -1 : r.persen[i];
}

#define NUL (-1)				/* expected persentase null */

/* one key on its own (top level): value -> score */
static void
band_case(int key, int64_t v, int skor_i, int want)
{
	reset();
	kkb_klas_set(&in, key, v);
	is_int(skor(skor_i), want, "%s = %" PRId64 " -> %s %d", kkb_klas_key_name(key), v,
		   kkb_klas_skor_name(skor_i), want);
}

/* ------------------------------------------------------------------------- */
/* pct and index rounding                                                      */
/* ------------------------------------------------------------------------- */

static void
test_pct(void)
{
	is_int(kkb_klas_pct(1, 8), 12, "pct(1,8): 12.5 -> 12 (tie to even)");
	is_int(kkb_klas_pct(3, 8), 38, "pct(3,8): 37.5 -> 38 (tie to even)");
	is_int(kkb_klas_pct(5, 8), 62, "pct(5,8): 62.5 -> 62");
	is_int(kkb_klas_pct(7, 8), 88, "pct(7,8): 87.5 -> 88");
	is_int(kkb_klas_pct(23, 40), 57, "pct(23,40): 57.49999999999999 -> 57 (divide first)");
	is_int(kkb_klas_pct(9, 40), 22, "pct(9,40): 22.5 -> 22");
	is_int(kkb_klas_pct(11, 40), 28, "pct(11,40): 27.500000000000004 -> 28");
	is_int(kkb_klas_pct(41, 40), 102, "pct(41,40): 102.49999999999999 -> 102");
	is_int(kkb_klas_pct(1, 200), 0, "pct(1,200): 0.5 -> 0");
	is_int(kkb_klas_pct(3, 200), 2, "pct(3,200): 1.5 -> 2");
	is_int(kkb_klas_pct(57, 100), 57, "pct(57,100): 56.99999999999999 -> 57");
	is_int(kkb_klas_pct(1, 3), 33, "pct(1,3) -> 33");
	is_int(kkb_klas_pct(2, 3), 67, "pct(2,3) -> 67");
	is_int(kkb_klas_pct(0, 7), 0, "pct(0,7) -> 0");
	is_int(kkb_klas_pct(5, 2), 250, "pct(5,2) -> 250 (above 100 is allowed)");
	is_int(kkb_klas_pct(5, 0), 0, "pct(5,0) -> 0 (defined as 0)");
	is_int(kkb_klas_pct(7 * KKB_KLAS_COUNT_MAX, 1), INT64_C(1503238552900), "pct(7 * 2147483647, 1) is exact");
	is_int(kkb_klas_pct(1, KKB_KLAS_COUNT_MAX), 0, "pct(1, 2147483647) -> 0");
}

static void
test_indeks_round(void)
{
	static const int want3[] = {100, 133, 167, 200, 233, 267, 300, 333, 367, 400};	/* sum 3..12 */

	for (int s = 5; s <= 18; s++)
		is_int(kkb_klas_indeks_round(s, 5), s * 20, "round(%d/5, 2) = %d.%02d", s, s * 20 / 100, s * 20 % 100);
	for (int s = 3; s <= 12; s++)
		is_int(kkb_klas_indeks_round(s, 3), want3[s - 3], "round(%d/3, 2) = %d.%02d", s, want3[s - 3] / 100,
			   want3[s - 3] % 100);
	for (int s = 4; s <= 16; s++)
		is_int(kkb_klas_indeks_round(s, 4), s * 25, "round(%d/4, 2) = %d.%02d", s, s * 25 / 100, s * 25 % 100);
	is_int(kkb_klas_indeks_round(1, 8), 13, "round(1/8, 2) = 0.13 (half away from zero)");
	is_int(kkb_klas_indeks_round(3, 8), 38, "round(3/8, 2) = 0.38");
	is_int(kkb_klas_indeks_round(1, 0), -1, "n = 0 is rejected");
	is_int(kkb_klas_indeks_round(-1, 3), -1, "a negative sum is rejected");
}

/* ------------------------------------------------------------------------- */
/* input and process scores                                                    */
/* ------------------------------------------------------------------------- */

static void
test_input_scores(void)
{
	/* input_pokja */
	reset();
	is_int(skor(KKB_SKOR_INPUT_POKJA), 1, "no pokja_ada -> input_pokja 1");
	reset();
	SET(POKJA_ADA, 0);
	SET(POKJA_ANGGOTA, 12);
	SET(POKJA_TERLATIH, 1);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 1, "pokja_ada false (members, trained) -> 1");
	reset();
	SET(POKJA_ANGGOTA, 12);
	SET(POKJA_TERLATIH, 1);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 1, "pokja_ada missing (members, trained) -> 1");
	reset();
	SET(POKJA_ADA, 1);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 2, "pokja only -> 2");
	SET(POKJA_ANGGOTA, 0);
	SET(POKJA_TERLATIH, 0);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 2, "pokja, 0 members, not trained -> 2");
	SET(POKJA_ANGGOTA, 1);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 3, "pokja, 1 member, not trained -> 3");
	SET(POKJA_ANGGOTA, 0);
	SET(POKJA_TERLATIH, 1);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 3, "pokja, 0 members, trained -> 3");
	SET(POKJA_ANGGOTA, 1);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 4, "pokja, 1 member, trained -> 4");
	SET(POKJA_ANGGOTA, KKB_KLAS_COUNT_MAX);
	is_int(skor(KKB_SKOR_INPUT_POKJA), 4, "pokja, 2147483647 members, trained -> 4");

	/* input_sumber_dana: 0->1, 1->2, 2..4->3, >4->4 */
	reset();
	is_int(skor(KKB_SKOR_INPUT_SUMBER_DANA), 1, "sumber_dana missing -> 1");
	band_case(KKB_KEY_SUMBER_DANA, 0, KKB_SKOR_INPUT_SUMBER_DANA, 1);
	band_case(KKB_KEY_SUMBER_DANA, 1, KKB_SKOR_INPUT_SUMBER_DANA, 2);
	band_case(KKB_KEY_SUMBER_DANA, 2, KKB_SKOR_INPUT_SUMBER_DANA, 3);
	band_case(KKB_KEY_SUMBER_DANA, 4, KKB_SKOR_INPUT_SUMBER_DANA, 3);
	band_case(KKB_KEY_SUMBER_DANA, 5, KKB_SKOR_INPUT_SUMBER_DANA, 4);
	band_case(KKB_KEY_SUMBER_DANA, 6, KKB_SKOR_INPUT_SUMBER_DANA, 4);

	/* input_poktan: 0->1, 1..2->2, 3..4->3, >4->4 */
	reset();
	is_int(skor(KKB_SKOR_INPUT_POKTAN), 1, "poktan missing -> 1");
	band_case(KKB_KEY_POKTAN, 0, KKB_SKOR_INPUT_POKTAN, 1);
	band_case(KKB_KEY_POKTAN, 1, KKB_SKOR_INPUT_POKTAN, 2);
	band_case(KKB_KEY_POKTAN, 2, KKB_SKOR_INPUT_POKTAN, 2);
	band_case(KKB_KEY_POKTAN, 3, KKB_SKOR_INPUT_POKTAN, 3);
	band_case(KKB_KEY_POKTAN, 4, KKB_SKOR_INPUT_POKTAN, 3);
	band_case(KKB_KEY_POKTAN, 5, KKB_SKOR_INPUT_POKTAN, 4);
	band_case(KKB_KEY_POKTAN, 8, KKB_SKOR_INPUT_POKTAN, 4);

	/* input_sarana: 0->1, 1->2, 2->3 */
	reset();
	is_int(skor(KKB_SKOR_INPUT_SARANA), 1, "sarana missing -> 1");
	band_case(KKB_KEY_SARANA, 0, KKB_SKOR_INPUT_SARANA, 1);
	band_case(KKB_KEY_SARANA, 1, KKB_SKOR_INPUT_SARANA, 2);
	band_case(KKB_KEY_SARANA, 2, KKB_SKOR_INPUT_SARANA, 3);

	/* input_pkb */
	reset();
	is_int(skor(KKB_SKOR_INPUT_PKB), 1, "neither pkb_pendamping nor regulasi recorded -> 1");
	SET(PKB_PENDAMPING, 0);
	SET(REGULASI, 0);
	is_int(skor(KKB_SKOR_INPUT_PKB), 1, "both false -> 1");
	SET(PKB_PENDAMPING, 1);
	is_int(skor(KKB_SKOR_INPUT_PKB), 2, "pkb_pendamping only -> 2");
	SET(PKB_PENDAMPING, 0);
	SET(REGULASI, 1);
	is_int(skor(KKB_SKOR_INPUT_PKB), 2, "regulasi only -> 2");
	SET(PKB_PENDAMPING, 1);
	is_int(skor(KKB_SKOR_INPUT_PKB), 3, "both -> 3");
}

static void
test_process_scores(void)
{
	/* proses_penggunaan_data: 0->1, 1->2, 2..3->3, >3->4 */
	reset();
	is_int(skor(KKB_SKOR_PROSES_PENGGUNAAN_DATA), 1, "penggunaan_data missing -> 1");
	band_case(KKB_KEY_PENGGUNAAN_DATA, 0, KKB_SKOR_PROSES_PENGGUNAAN_DATA, 1);
	band_case(KKB_KEY_PENGGUNAAN_DATA, 1, KKB_SKOR_PROSES_PENGGUNAAN_DATA, 2);
	band_case(KKB_KEY_PENGGUNAAN_DATA, 2, KKB_SKOR_PROSES_PENGGUNAAN_DATA, 3);
	band_case(KKB_KEY_PENGGUNAAN_DATA, 3, KKB_SKOR_PROSES_PENGGUNAAN_DATA, 3);
	band_case(KKB_KEY_PENGGUNAAN_DATA, 4, KKB_SKOR_PROSES_PENGGUNAAN_DATA, 4);
	band_case(KKB_KEY_PENGGUNAAN_DATA, 5, KKB_SKOR_PROSES_PENGGUNAAN_DATA, 4);

	/* proses_operasional: 0->1, 1..2->2, 3..4->3, >4->4 */
	reset();
	is_int(skor(KKB_SKOR_PROSES_OPERASIONAL), 1, "mekanisme_operasional missing -> 1");
	band_case(KKB_KEY_MEKANISME_OPERASIONAL, 0, KKB_SKOR_PROSES_OPERASIONAL, 1);
	band_case(KKB_KEY_MEKANISME_OPERASIONAL, 1, KKB_SKOR_PROSES_OPERASIONAL, 2);
	band_case(KKB_KEY_MEKANISME_OPERASIONAL, 2, KKB_SKOR_PROSES_OPERASIONAL, 2);
	band_case(KKB_KEY_MEKANISME_OPERASIONAL, 3, KKB_SKOR_PROSES_OPERASIONAL, 3);
	band_case(KKB_KEY_MEKANISME_OPERASIONAL, 4, KKB_SKOR_PROSES_OPERASIONAL, 3);
	band_case(KKB_KEY_MEKANISME_OPERASIONAL, 5, KKB_SKOR_PROSES_OPERASIONAL, 4);

	/* proses_lintas_sektor: 0->1, 1..3->2, 4..6->3, >6->4 */
	reset();
	is_int(skor(KKB_SKOR_PROSES_LINTAS_SEKTOR), 1, "instansi_intervensi missing -> 1");
	band_case(KKB_KEY_INSTANSI_INTERVENSI, 0, KKB_SKOR_PROSES_LINTAS_SEKTOR, 1);
	band_case(KKB_KEY_INSTANSI_INTERVENSI, 1, KKB_SKOR_PROSES_LINTAS_SEKTOR, 2);
	band_case(KKB_KEY_INSTANSI_INTERVENSI, 3, KKB_SKOR_PROSES_LINTAS_SEKTOR, 2);
	band_case(KKB_KEY_INSTANSI_INTERVENSI, 4, KKB_SKOR_PROSES_LINTAS_SEKTOR, 3);
	band_case(KKB_KEY_INSTANSI_INTERVENSI, 6, KKB_SKOR_PROSES_LINTAS_SEKTOR, 3);
	band_case(KKB_KEY_INSTANSI_INTERVENSI, 7, KKB_SKOR_PROSES_LINTAS_SEKTOR, 4);
	band_case(KKB_KEY_INSTANSI_INTERVENSI, KKB_KLAS_COUNT_MAX, KKB_SKOR_PROSES_LINTAS_SEKTOR, 4);
}

/* ------------------------------------------------------------------------- */
/* output_poktan                                                               */
/* ------------------------------------------------------------------------- */

/* one pair bkb / keluarga_balita = num / den: p = round(pct / 5) */
static void
poktan_case(int64_t num, int64_t den, int64_t want_p, int want_skor, const char *why)
{
	kkb_klas_result r;

	reset();
	SET(KELUARGA_BALITA, den);
	SET(PESERTA_BKB, num);
	r = run();
	if (!tap_ok(!r.persen_null[KKB_PERSEN_POKTAN] && r.persen[KKB_PERSEN_POKTAN] == want_p &&
				r.skor[KKB_SKOR_OUTPUT_POKTAN] == want_skor, __FILE__, __LINE__,
				"poktan %" PRId64 "/%" PRId64 ": p %" PRId64 ", score %d (%s)", num, den, want_p, want_skor, why))
		diag("got p %" PRId64 " (null %d), score %d", r.persen[KKB_PERSEN_POKTAN],
			 r.persen_null[KKB_PERSEN_POKTAN], r.skor[KKB_SKOR_OUTPUT_POKTAN]);
}

static void
test_output_poktan(void)
{
	kkb_klas_result r;

	reset();
	is_int(persen(KKB_PERSEN_POKTAN), NUL, "no penduduk -> persentase poktan null");
	is_int(skor(KKB_SKOR_OUTPUT_POKTAN), 1, "... and score 1");
	reset();
	in.penduduk = true;
	is_int(persen(KKB_PERSEN_POKTAN), NUL, "empty penduduk -> null");
	reset();
	SET(PUS, 100);
	SET(PESERTA_BKB, 50);
	is_int(persen(KKB_PERSEN_POKTAN), NUL, "penduduk with pus only (no denominator key) -> null");
	is_int(skor(KKB_SKOR_OUTPUT_POKTAN), 1, "... score 1");

	/* boundaries of the average: pct / 5 with one pair */
	poktan_case(47, 100, 9, 1, "47/5 = 9.4");
	poktan_case(48, 100, 10, 2, "48/5 = 9.6");
	poktan_case(50, 100, 10, 2, "50/5 = 10");
	poktan_case(102, 100, 20, 2, "102/5 = 20.4");
	poktan_case(103, 100, 21, 3, "103/5 = 20.6");
	poktan_case(152, 100, 30, 3, "152/5 = 30.4");
	poktan_case(153, 100, 31, 4, "153/5 = 30.6");
	poktan_case(0, 100, 0, 1, "0 participants");
	poktan_case(1, 8, 2, 1, "pct 12.5 -> 12, 12/5 = 2.4");
	poktan_case(3, 8, 8, 1, "pct 37.5 -> 38, 38/5 = 7.6");
	poktan_case(23, 40, 11, 2, "pct 57, 57/5 = 11.4");
	poktan_case(5, 0, 0, 1, "denominator 0: term 0, but the key is present");

	reset();
	SET(KELUARGA_BALITA, 0);
	r = run();
	ok(!r.persen_null[KKB_PERSEN_POKTAN] && r.persen[KKB_PERSEN_POKTAN] == 0,
	   "keluarga_balita = 0 alone -> persentase poktan 0 (not null)");

	reset();
	SET(KELUARGA_BALITA, 40);
	is_int(persen(KKB_PERSEN_POKTAN), 0, "denominator present, kkbpk missing -> numerator 0 -> p 0");

	/* all five pairs: terms 50, 25, 100, 10, 40 -> sum 225 -> 45 */
	reset();
	SET(KELUARGA_BALITA, 10);
	SET(PESERTA_BKB, 5);
	SET(KELUARGA_REMAJA, 20);
	SET(PESERTA_BKR, 5);
	SET(KELUARGA_LANSIA, 3);
	SET(PESERTA_BKL, 3);
	SET(KELUARGA, 100);
	SET(PESERTA_UPPKA, 10);
	SET(REMAJA, 50);
	SET(PESERTA_PIKR, 20);
	r = run();
	is_int(r.persen[KKB_PERSEN_POKTAN], 45, "five pairs: (50+25+100+10+40)/5 = 45");
	is_int(r.skor[KKB_SKOR_OUTPUT_POKTAN], 4, "... score 4");

	/* the average is always over 5: two full pairs at 100% give 40 */
	reset();
	SET(KELUARGA, 7);
	SET(PESERTA_UPPKA, 7);
	SET(REMAJA, 9);
	SET(PESERTA_PIKR, 9);
	is_int(persen(KKB_PERSEN_POKTAN), 40, "uppka 7/7, pikr 9/9: (100+100)/5 = 40");

	/* the numerator alone does not count: bkr without keluarga_remaja */
	reset();
	SET(KELUARGA_BALITA, 10);
	SET(PESERTA_BKB, 10);
	SET(PESERTA_BKR, 500);
	is_int(persen(KKB_PERSEN_POKTAN), 20, "bkr without its denominator is ignored: 100/5 = 20");

	/* sum 47.x case with several terms: 12 + 38 = 50 -> 10 */
	reset();
	SET(KELUARGA_BALITA, 8);
	SET(PESERTA_BKB, 1);
	SET(KELUARGA_REMAJA, 8);
	SET(PESERTA_BKR, 3);
	is_int(persen(KKB_PERSEN_POKTAN), 10, "terms 12 (1/8) + 38 (3/8) = 50 -> 10");
	is_int(skor(KKB_SKOR_OUTPUT_POKTAN), 2, "... score 2");

	/* over 100% per term is kept */
	poktan_case(300, 100, 60, 4, "300% participation -> 60");
}

/* ------------------------------------------------------------------------- */
/* output_cpr, output_mkjp, output_unmet                                       */
/* ------------------------------------------------------------------------- */

/* cpr with pus and the pill as the only method */
static void
cpr_case(int64_t pil, int64_t pus, int64_t want_c, int want_skor, const char *why)
{
	kkb_klas_result r;

	reset();
	SET(PUS, pus);
	SET(KB_PIL, pil);
	r = run();
	if (!tap_ok(!r.persen_null[KKB_PERSEN_CPR] && r.persen[KKB_PERSEN_CPR] == want_c &&
				r.skor[KKB_SKOR_OUTPUT_CPR] == want_skor, __FILE__, __LINE__,
				"cpr %" PRId64 "/%" PRId64 ": c %" PRId64 ", score %d (%s)", pil, pus, want_c, want_skor, why))
		diag("got c %" PRId64 " (null %d), score %d", r.persen[KKB_PERSEN_CPR], r.persen_null[KKB_PERSEN_CPR],
			 r.skor[KKB_SKOR_OUTPUT_CPR]);
}

/* mkjp with kb_iud = lt and kb_pil = total - lt; pus 1000 */
static void
mkjp_case(int64_t lt, int64_t total, int64_t want_m, int want_skor, const char *why)
{
	kkb_klas_result r;

	reset();
	SET(PUS, 1000);
	SET(KB_IUD, lt);
	SET(KB_PIL, total - lt);
	r = run();
	if (!tap_ok(!r.persen_null[KKB_PERSEN_MKJP] && r.persen[KKB_PERSEN_MKJP] == want_m &&
				r.skor[KKB_SKOR_OUTPUT_MKJP] == want_skor, __FILE__, __LINE__,
				"mkjp %" PRId64 "/%" PRId64 ": m %" PRId64 ", score %d (%s)", lt, total, want_m, want_skor, why))
		diag("got m %" PRId64 " (null %d), score %d", r.persen[KKB_PERSEN_MKJP], r.persen_null[KKB_PERSEN_MKJP],
			 r.skor[KKB_SKOR_OUTPUT_MKJP]);
}

/* unmet with tidak_kb_iat = iat over pus */
static void
unmet_case(int64_t iat, int64_t pus, int64_t want_u, int want_skor, const char *why)
{
	kkb_klas_result r;

	reset();
	SET(PUS, pus);
	SET(TIDAK_KB_IAT, iat);
	r = run();
	if (!tap_ok(!r.persen_null[KKB_PERSEN_UNMET] && r.persen[KKB_PERSEN_UNMET] == want_u &&
				r.skor[KKB_SKOR_OUTPUT_UNMET] == want_skor, __FILE__, __LINE__,
				"unmet %" PRId64 "/%" PRId64 ": u %" PRId64 ", score %d (%s)", iat, pus, want_u, want_skor, why))
		diag("got u %" PRId64 " (null %d), score %d", r.persen[KKB_PERSEN_UNMET],
			 r.persen_null[KKB_PERSEN_UNMET], r.skor[KKB_SKOR_OUTPUT_UNMET]);
}

static void
test_output_cpr(void)
{
	kkb_klas_result r;

	cpr_case(29, 100, 29, 1, "29%");
	cpr_case(30, 100, 30, 2, "30%");
	cpr_case(40, 100, 40, 2, "40%");
	cpr_case(41, 100, 41, 3, "41%");
	cpr_case(50, 100, 50, 3, "50%");
	cpr_case(51, 100, 51, 4, "51%");
	cpr_case(59, 200, 30, 2, "29.5 -> 30 (tie to even)");
	cpr_case(81, 200, 40, 2, "40.5 -> 40, not 41");
	cpr_case(101, 200, 50, 3, "50.5 -> 50, not 51");
	cpr_case(23, 40, 57, 4, "23/40 -> 57");
	cpr_case(0, 100, 0, 1, "no users");
	cpr_case(150, 100, 150, 4, "more users than pus");
	cpr_case(10, 0, 0, 1, "pus 0 -> c 0");

	/* total = sum of all seven methods */
	reset();
	SET(PUS, 100);
	SET(KB_IUD, 1);
	SET(KB_MOW, 2);
	SET(KB_MOP, 3);
	SET(KB_KONDOM, 4);
	SET(KB_IMPLAN, 5);
	SET(KB_SUNTIK, 6);
	SET(KB_PIL, 10);
	SET(TIDAK_KB_HAMIL, 50);
	SET(TIDAK_KB_INGIN_SEGERA, 50);
	r = run();
	is_int(r.persen[KKB_PERSEN_CPR], 31, "seven methods 1+2+3+4+5+6+10 = 31 of 100 (tidak_kb_* not counted)");
	is_int(r.skor[KKB_SKOR_OUTPUT_CPR], 2, "... score 2");
	is_int(r.persen[KKB_PERSEN_MKJP], 35, "mkjp (1+2+3+5)/31 = 35.48 -> 35");
	is_int(r.skor[KKB_SKOR_OUTPUT_MKJP], 4, "... score 4");

	/* null / 0 rules */
	reset();
	is_int(persen(KKB_PERSEN_CPR), NUL, "no penduduk -> cpr null");
	is_int(skor(KKB_SKOR_OUTPUT_CPR), 1, "... score 1");
	reset();
	SET(KELUARGA, 100);
	SET(KB_PIL, 90);
	is_int(persen(KKB_PERSEN_CPR), NUL, "penduduk without pus -> cpr null");
	is_int(skor(KKB_SKOR_OUTPUT_CPR), 1, "... score 1 although 90 users");
	reset();
	SET(PUS, 100);
	is_int(persen(KKB_PERSEN_CPR), NUL, "pus > 0, kkbpk missing -> cpr null");
	is_int(skor(KKB_SKOR_OUTPUT_CPR), 1, "... score 1");
	reset();
	SET(PUS, 0);
	is_int(persen(KKB_PERSEN_CPR), 0, "pus 0, kkbpk missing -> cpr 0 (not null)");
	is_int(skor(KKB_SKOR_OUTPUT_CPR), 1, "... score 1");
	reset();
	SET(PUS, 100);
	in.kkbpk = true;
	r = run();
	ok(!r.persen_null[KKB_PERSEN_CPR] && r.persen[KKB_PERSEN_CPR] == 0,
	   "pus 100, kkbpk present but empty -> total 0 -> cpr 0");
	reset();
	SET(PUS, 100);
	SET(PESERTA_BKB, 80);
	is_int(persen(KKB_PERSEN_CPR), 0, "kkbpk without kb_* keys -> total 0 -> cpr 0");
}

static void
test_output_mkjp(void)
{
	kkb_klas_result r;

	mkjp_case(19, 100, 19, 1, "19%");
	mkjp_case(20, 100, 20, 2, "20%");
	mkjp_case(22, 100, 22, 2, "22%");
	mkjp_case(23, 100, 23, 3, "23%");
	mkjp_case(24, 100, 24, 3, "24%");
	mkjp_case(25, 100, 25, 4, "25%");
	mkjp_case(39, 200, 20, 2, "19.5 -> 20");
	mkjp_case(45, 200, 22, 2, "22.5 -> 22, not 23");
	mkjp_case(9, 40, 22, 2, "9/40 = 22.5 -> 22");
	mkjp_case(49, 200, 24, 3, "24.5 -> 24, not 25");
	mkjp_case(100, 100, 100, 4, "all long-acting");

	/* null / 0 rules */
	reset();
	SET(KB_IUD, 50);
	in.penduduk = true;
	is_int(persen(KKB_PERSEN_MKJP), NUL, "pus missing -> mkjp null");
	is_int(skor(KKB_SKOR_OUTPUT_MKJP), 1, "... score 1 although all users are long-acting");
	reset();
	SET(PUS, 100);
	is_int(persen(KKB_PERSEN_MKJP), 0, "kkbpk missing -> mkjp 0");
	reset();
	SET(PUS, 100);
	SET(KB_IUD, 0);
	SET(KB_PIL, 0);
	is_int(persen(KKB_PERSEN_MKJP), 0, "total 0 -> mkjp 0");
	reset();
	SET(PUS, 100);
	SET(KB_PIL, 40);
	SET(KB_SUNTIK, 10);
	r = run();
	ok(r.persen_null[KKB_PERSEN_MKJP], "total 50 but none of iud/mow/mop/implan recorded -> mkjp null");
	is_int(r.skor[KKB_SKOR_OUTPUT_MKJP], 1, "... score 1");
	reset();
	SET(PUS, 100);
	SET(KB_PIL, 40);
	SET(KB_MOP, 0);
	r = run();
	ok(!r.persen_null[KKB_PERSEN_MKJP] && r.persen[KKB_PERSEN_MKJP] == 0, "... but a recorded kb_mop = 0 gives 0");
	reset();
	SET(PUS, 0);
	SET(KB_IMPLAN, 3);
	SET(KB_KONDOM, 7);
	r = run();
	is_int(r.persen[KKB_PERSEN_MKJP], 30, "pus 0 still computes mkjp: 3/10 = 30");
	is_int(r.skor[KKB_SKOR_OUTPUT_MKJP], 4, "... score 4");
	is_int(r.persen[KKB_PERSEN_CPR], 0, "... while cpr is 0");
	reset();
	SET(PUS, 100);
	SET(KB_IUD, 1);
	SET(KB_MOW, 1);
	SET(KB_MOP, 1);
	SET(KB_IMPLAN, 1);
	SET(KB_SUNTIK, 12);
	is_int(persen(KKB_PERSEN_MKJP), 25, "iud+mow+mop+implan = 4 of 16 = 25");
}

static void
test_output_unmet(void)
{
	kkb_klas_result r;

	unmet_case(13, 100, 13, 1, "13%");
	unmet_case(12, 100, 12, 2, "12%");
	unmet_case(10, 100, 10, 2, "10%");
	unmet_case(9, 100, 9, 3, "9%");
	unmet_case(7, 100, 7, 3, "7%");
	unmet_case(6, 100, 6, 4, "6%");
	unmet_case(0, 100, 0, 4, "0%");
	unmet_case(25, 200, 12, 2, "12.5 -> 12, not 13");
	unmet_case(13, 200, 6, 4, "6.5 -> 6, not 7");
	unmet_case(19, 200, 10, 2, "9.5 -> 10");
	unmet_case(50, 100, 50, 1, "50%");

	/* iat + tial */
	reset();
	SET(PUS, 100);
	SET(TIDAK_KB_IAT, 5);
	SET(TIDAK_KB_TIAL, 6);
	SET(TIDAK_KB_HAMIL, 40);
	SET(TIDAK_KB_INGIN_SEGERA, 40);
	r = run();
	is_int(r.persen[KKB_PERSEN_UNMET], 11, "iat 5 + tial 6 = 11 of 100 (hamil, ingin segera not counted)");
	is_int(r.skor[KKB_SKOR_OUTPUT_UNMET], 2, "... score 2");
	reset();
	SET(PUS, 100);
	SET(TIDAK_KB_TIAL, 20);
	is_int(persen(KKB_PERSEN_UNMET), 20, "tial alone counts");

	/* null / 0 rules */
	reset();
	is_int(persen(KKB_PERSEN_UNMET), NUL, "no kkbpk -> unmet null");
	is_int(skor(KKB_SKOR_OUTPUT_UNMET), 1, "... score 1");
	reset();
	SET(PUS, 100);
	SET(KB_PIL, 10);
	SET(TIDAK_KB_HAMIL, 90);
	is_int(persen(KKB_PERSEN_UNMET), NUL, "kkbpk without iat/tial -> unmet null");
	is_int(skor(KKB_SKOR_OUTPUT_UNMET), 1, "... score 1");
	reset();
	SET(PUS, 100);
	SET(TIDAK_KB_IAT, 0);
	r = run();
	ok(!r.persen_null[KKB_PERSEN_UNMET] && r.persen[KKB_PERSEN_UNMET] == 0, "iat recorded as 0 -> unmet 0");
	is_int(r.skor[KKB_SKOR_OUTPUT_UNMET], 4, "... score 4");
	/* surprising but true */
	reset();
	SET(TIDAK_KB_IAT, 80);
	SET(TIDAK_KB_TIAL, 80);
	r = run();
	ok(!r.persen_null[KKB_PERSEN_UNMET] && r.persen[KKB_PERSEN_UNMET] == 0,
	   "iat/tial without penduduk -> unmet 0 (not null)");
	is_int(r.skor[KKB_SKOR_OUTPUT_UNMET], 4, "... and the best score 4");
	reset();
	SET(KELUARGA, 10);
	SET(TIDAK_KB_TIAL, 80);
	is_int(skor(KKB_SKOR_OUTPUT_UNMET), 4, "penduduk without pus: unmet scores 4");
	unmet_case(80, 0, 0, 4, "pus 0: u 0, score 4");
}

/* ------------------------------------------------------------------------- */
/* indices and classes                                                         */
/* ------------------------------------------------------------------------- */

/* input scores 4,4,4,3,3 (sum 18) */
static void
set_input_max(void)
{
	SET(POKJA_ADA, 1);
	SET(POKJA_ANGGOTA, 10);
	SET(POKJA_TERLATIH, 1);
	SET(SUMBER_DANA, 6);
	SET(POKTAN, 8);
	SET(SARANA, 2);
	SET(PKB_PENDAMPING, 1);
	SET(REGULASI, 1);
}

/* proses scores 4,4,4 */
static void
set_proses_max(void)
{
	SET(PENGGUNAAN_DATA, 5);
	SET(MEKANISME_OPERASIONAL, 5);
	SET(INSTANSI_INTERVENSI, 7);
}

/* output scores 4 (poktan 40), 4 (cpr 60), 4 (mkjp 50), 4 (unmet 5) */
static void
set_output_max(void)
{
	SET(PUS, 100);
	SET(KELUARGA_BALITA, 10);
	SET(PESERTA_BKB, 20);		/* 200% / 5 = 40 */
	SET(KB_IUD, 30);
	SET(KB_PIL, 30);
	SET(TIDAK_KB_IAT, 2);
	SET(TIDAK_KB_TIAL, 3);
}

static void
class_case(const char *want, int ii, int ip, int io, const char *why)
{
	kkb_klas_result r = run();

	if (!tap_ok(strcmp(r.klasifikasi, want) == 0 && r.indeks[0] == ii && r.indeks[1] == ip && r.indeks[2] == io,
				__FILE__, __LINE__, "%s: %d.%02d / %d.%02d / %d.%02d -> %s", why, ii / 100, ii % 100, ip / 100,
				ip % 100, io / 100, io % 100, want))
		diag("got %s, indices %d / %d / %d", r.klasifikasi, r.indeks[0], r.indeks[1], r.indeks[2]);
}

static void
test_classes(void)
{
	kkb_klas_result r;

	reset();
	class_case("Dasar", 100, 100, 100, "empty document");
	r = run();
	is_int(r.kelas, KKB_KELAS_DASAR, "... kelas code Dasar");
	ok(!r.met[0] && !r.met[1] && !r.met[2], "... nothing met");

	reset();
	set_input_max();
	class_case("Dasar", 360, 100, 100, "input only met");
	reset();
	set_proses_max();
	class_case("Dasar", 100, 400, 100, "proses only met");
	reset();
	set_output_max();
	class_case("Dasar", 100, 100, 400, "output only met");

	reset();
	set_input_max();
	set_proses_max();
	class_case("Berkembang", 360, 400, 100, "input and proses");
	r = run();
	is_int(r.kelas, KKB_KELAS_BERKEMBANG, "... kelas code Berkembang");

	reset();
	set_input_max();
	set_output_max();
	class_case("Mandiri", 360, 100, 400, "input and output");
	reset();
	set_proses_max();
	set_output_max();
	class_case("Mandiri", 100, 400, 400, "proses and output");
	r = run();
	is_int(r.kelas, KKB_KELAS_MANDIRI, "... kelas code Mandiri");

	reset();
	set_input_max();
	set_proses_max();
	set_output_max();
	class_case("Berkelanjutan", 360, 400, 400, "all three");
	r = run();
	is_int(r.kelas, KKB_KELAS_BERKELANJUTAN, "... kelas code Berkelanjutan");
	{
		static const int want[KKB_KLAS_NSKOR] = {4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4};

		for (int i = 0; i < KKB_KLAS_NSKOR; i++)
			is_int(r.skor[i], want[i], "all-maximum document: %s = %d", kkb_klas_skor_name(i), want[i]);
	}

	/* index thresholds: exactly 3.00 is met, one point less is not */
	reset();
	/* input 4+3+3+3+2 = 15 -> 3.00; proses 3+3+3 = 9 -> 3.00 */
	SET(POKJA_ADA, 1);
	SET(POKJA_ANGGOTA, 5);
	SET(POKJA_TERLATIH, 1);
	SET(SUMBER_DANA, 2);
	SET(POKTAN, 3);
	SET(SARANA, 2);
	SET(REGULASI, 1);
	SET(PENGGUNAAN_DATA, 2);
	SET(MEKANISME_OPERASIONAL, 3);
	SET(INSTANSI_INTERVENSI, 4);
	class_case("Berkembang", 300, 300, 100, "input 15/5 = 3.00 and proses 9/3 = 3.00 are met");
	SET(SARANA, 1);
	class_case("Dasar", 280, 300, 100, "input 14/5 = 2.80 is not");
	SET(SARANA, 2);
	SET(INSTANSI_INTERVENSI, 3);
	class_case("Dasar", 300, 267, 100, "proses 8/3 = 2.67 is not");
	SET(INSTANSI_INTERVENSI, 1);
	SET(MEKANISME_OPERASIONAL, 1);
	class_case("Dasar", 300, 233, 100, "proses 7/3 = 2.33");

	/* output 12/4 = 3.00: poktan 3 (p 21), cpr 3 (41), mkjp 3 (23), unmet 3 (7) */
	reset();
	set_proses_max();
	SET(PUS, 100);
	SET(KELUARGA, 100);
	SET(PESERTA_UPPKA, 105);	/* 105/5 = 21 */
	SET(KB_IMPLAN, 23);
	SET(KB_SUNTIK, 77);			/* total 100: cpr 100/100, mkjp 23/100 */
	class_case("Dasar", 100, 400, 275, "poktan 3, cpr 4 (100%), mkjp 3, unmet 1 (no report) -> output 11/4 = 2.75");
	SET(PUS, 244);				/* cpr 100/244 = 40.98 -> 41 */
	SET(TIDAK_KB_IAT, 17);		/* 17/244 = 6.97 -> 7 */
	class_case("Mandiri", 100, 400, 300, "poktan 3, cpr 3, mkjp 3, unmet 3 -> output 3.00 met");
	SET(TIDAK_KB_IAT, 15);		/* 6.15 -> 6 -> score 4 */
	class_case("Mandiri", 100, 400, 325, "unmet 6% -> score 4 -> 3.25");
	SET(TIDAK_KB_IAT, 25);		/* 10.25 -> 10 -> score 2 */
	class_case("Dasar", 100, 400, 275, "unmet 10% -> score 2 -> 2.75 not met");
}

/* ------------------------------------------------------------------------- */
/* validation                                                                  */
/* ------------------------------------------------------------------------- */

static void
test_validation(void)
{
	kkb_klas_error err;
	kkb_klas_result r;
	char		buf[KKB_KLAS_ERR_TEXT];

	/* ranges of every key: max is valid, max + 1 and -1 are not */
	for (int k = 0; k < KKB_KLAS_NKEYS; k++)
	{
		int64_t		max = kkb_klas_key_max(k);

		reset();
		kkb_klas_set(&in, k, max);
		ok(kkb_klas_validate(&in, &err) == KKB_KLAS_OK && err.code == KKB_KLAS_OK && err.key == -1,
		   "%s = %" PRId64 " (its maximum) is valid", kkb_klas_key_path(k), max);
		kkb_klas_set(&in, k, max + 1);
		ok(kkb_klas_validate(&in, &err) == KKB_KLAS_E_RANGE && err.code == KKB_KLAS_E_RANGE && err.key == k,
		   "%s = %" PRId64 " is out of range", kkb_klas_key_path(k), max + 1);
		kkb_klas_set(&in, k, -1);
		ok(kkb_klas_validate(&in, &err) == KKB_KLAS_E_RANGE && err.key == k,
		   "%s = -1 is out of range", kkb_klas_key_path(k));
	}
	is_int(kkb_klas_key_max(KKB_KEY_SARANA), 2, "sarana max 2");
	is_int(kkb_klas_key_max(KKB_KEY_SUMBER_DANA), 6, "sumber_dana max 6");
	is_int(kkb_klas_key_max(KKB_KEY_POKTAN), 8, "poktan max 8");
	is_int(kkb_klas_key_max(KKB_KEY_PENGGUNAAN_DATA), 5, "penggunaan_data max 5");
	is_int(kkb_klas_key_max(KKB_KEY_MEKANISME_OPERASIONAL), 5, "mekanisme_operasional max 5");
	is_int(kkb_klas_key_max(KKB_KEY_POKJA_ADA), 1, "booleans: max 1");
	is_int(kkb_klas_key_max(KKB_KEY_KB_PIL), KKB_KLAS_COUNT_MAX, "kkbpk counts: max 2147483647");
	is_int(kkb_klas_key_max(KKB_KLAS_NKEYS), -1, "unknown key: max -1");

	/* the detail sentence */
	reset();
	SET(POKTAN, 9);
	is_int(kkb_klas_compute(&in, &r, &err), KKB_KLAS_E_RANGE, "poktan 9: compute refuses");
	is_str(err.detail, "\"poktan\" must be a whole number from 0 to 8, or null when not recorded.",
		   "... detail names the key and the range");
	reset();
	SET(POKJA_ADA, 2);
	kkb_klas_validate(&in, &err);
	is_str(err.detail, "\"pokja_ada\" must be true or false, or null when not recorded.", "bool detail");
	reset();
	SET(PUS, -5);
	kkb_klas_validate(&in, &err);
	is_str(err.detail, "\"penduduk.pus\" must be a whole number from 0 to 2147483647, or null when not recorded.",
		   "nested key detail uses the path");
	kkb_klas_describe(KKB_KEY_KB_IUD, buf, sizeof(buf));
	is_str(buf, "\"kkbpk.kb_iud\" must be a whole number from 0 to 2147483647, or null when not recorded.",
		   "kkb_klas_describe(kb_iud)");
	is_int(kkb_klas_describe(-1, buf, sizeof(buf)), 0, "describe(unknown key) -> 0");
	is_str(buf, "", "... and an empty string");

	/* the first bad key in document order is reported */
	reset();
	SET(TIDAK_KB_TIAL, -1);
	SET(SARANA, 3);
	kkb_klas_validate(&in, &err);
	is_int(err.key, KKB_KEY_SARANA, "two bad keys: sarana (earlier in the document) is reported");

	/* orphans */
	reset();
	in.present[KKB_KEY_PUS] = true;
	in.value[KKB_KEY_PUS] = 10;
	is_int(kkb_klas_validate(&in, &err), KKB_KLAS_E_ORPHAN, "pus without penduduk: orphan");
	is_int(err.key, KKB_KEY_PUS, "... naming pus");
	is_str(err.detail, "\"penduduk.pus\" is recorded without its object \"penduduk\".", "... detail");
	reset();
	in.present[KKB_KEY_KB_PIL] = true;
	in.penduduk = true;
	is_int(kkb_klas_validate(&in, &err), KKB_KLAS_E_ORPHAN, "kb_pil without kkbpk (penduduk present): orphan");

	/* an absent key's value is ignored */
	reset();
	in.value[KKB_KEY_POKTAN] = -99;
	is_int(kkb_klas_validate(&in, NULL), KKB_KLAS_OK, "garbage in an absent key's value is ignored (err NULL ok)");

	/* compute leaves *out alone on failure */
	reset();
	SET(SARANA, 7);
	memset(&r, 0x5a, sizeof(r));
	kkb_klas_compute(&in, &r, NULL);
	ok(r.skor[0] == 0x5a5a5a5a, "failed compute leaves the result untouched");
}

/* ------------------------------------------------------------------------- */
/* names and the output document                                               */
/* ------------------------------------------------------------------------- */

static void
test_names(void)
{
	is_str(kkb_klas_key_name(KKB_KEY_TIDAK_KB_TIAL), "tidak_kb_tial", "key name");
	is_str(kkb_klas_key_path(KKB_KEY_KELUARGA_LANSIA), "penduduk.keluarga_lansia", "key path");
	is_str(kkb_klas_key_path(KKB_KEY_INSTANSI_INTERVENSI), "instansi_intervensi", "top-level path");
	ok(kkb_klas_key_name(KKB_KLAS_NKEYS) == NULL && kkb_klas_key_name(-1) == NULL, "unknown key name NULL");
	is_int(kkb_klas_key_group(KKB_KEY_PESERTA_PIKR), KKB_GROUP_KKBPK, "peserta_pikr is in kkbpk");
	is_int(kkb_klas_key_group(KKB_KEY_REMAJA), KKB_GROUP_PENDUDUK, "remaja is in penduduk");
	is_int(kkb_klas_key_group(99), -1, "unknown key group -1");
	ok(kkb_klas_key_is_bool(KKB_KEY_REGULASI) && !kkb_klas_key_is_bool(KKB_KEY_SARANA), "is_bool");
	is_str(kkb_klas_group_name(KKB_GROUP_PENDUDUK), "penduduk", "group name");
	ok(kkb_klas_group_name(7) == NULL, "unknown group name NULL");
	is_str(kkb_klas_skor_name(KKB_SKOR_PROSES_LINTAS_SEKTOR), "proses_lintas_sektor", "score name");
	is_str(kkb_klas_persen_name(KKB_PERSEN_MKJP), "mkjp", "persentase name");
	is_str(kkb_klas_indeks_name(KKB_INDEKS_OUTPUT), "indeks_output", "index name");
	is_str(kkb_klas_kelas_name(KKB_KELAS_BERKELANJUTAN), "Berkelanjutan", "class name");
	ok(kkb_klas_kelas_name(0) == NULL && kkb_klas_kelas_name(5) == NULL, "unknown class name NULL");
	ok(!kkb_klas_value_ok(-1, 0) && kkb_klas_value_ok(KKB_KEY_SARANA, 2) && !kkb_klas_value_ok(KKB_KEY_SARANA, 3),
	   "kkb_klas_value_ok");
}

static void
test_json(void)
{
	kkb_klas_result r;
	char		buf[KKB_KLAS_JSON_BUFLEN];
	char		small[10];
	size_t		n;

	reset();
	r = run();
	n = kkb_klas_format_json(&r, buf, sizeof(buf));
	is_str(buf, "{\"skor\": {\"input_pokja\": 1, \"input_sumber_dana\": 1, \"input_poktan\": 1, \"input_sarana\": 1, "
		   "\"input_pkb\": 1, \"proses_penggunaan_data\": 1, \"proses_operasional\": 1, \"proses_lintas_sektor\": 1, "
		   "\"output_poktan\": 1, \"output_cpr\": 1, \"output_mkjp\": 1, \"output_unmet\": 1}, "
		   "\"persentase\": {\"poktan\": null, \"cpr\": null, \"mkjp\": null, \"unmet\": null}, "
		   "\"indeks_input\": 1.00, \"indeks_proses\": 1.00, \"indeks_output\": 1.00, \"klasifikasi\": \"Dasar\"}",
		   "empty document as JSON");
	is_int(n, strlen(buf), "format returns the length");

	/* pokja 3, poktan 2 (1/8 + 3/8 -> 10), sarana 2, pkb 2; cpr 0 (pus 0), mkjp 25, unmet 0 */
	reset();
	SET(POKJA_ADA, 1);
	SET(POKJA_TERLATIH, 1);
	SET(POKTAN, 1);
	SET(SARANA, 1);
	SET(REGULASI, 1);
	SET(MEKANISME_OPERASIONAL, 3);
	SET(PUS, 0);
	SET(KELUARGA_BALITA, 8);
	SET(PESERTA_BKB, 1);
	SET(KELUARGA_REMAJA, 8);
	SET(PESERTA_BKR, 3);
	SET(KB_IUD, 1);
	SET(KB_KONDOM, 3);
	SET(TIDAK_KB_IAT, 4);
	r = run();
	kkb_klas_format_json(&r, buf, sizeof(buf));
	/* input 3+1+2+2+2 = 10 -> 2.00; proses 1+3+1 = 5 -> 1.67; output 2+1+4+4 = 11 -> 2.75 */
	is_str(buf, "{\"skor\": {\"input_pokja\": 3, \"input_sumber_dana\": 1, \"input_poktan\": 2, \"input_sarana\": 2, "
		   "\"input_pkb\": 2, \"proses_penggunaan_data\": 1, \"proses_operasional\": 3, \"proses_lintas_sektor\": 1, "
		   "\"output_poktan\": 2, \"output_cpr\": 1, \"output_mkjp\": 4, \"output_unmet\": 4}, "
		   "\"persentase\": {\"poktan\": 10, \"cpr\": 0, \"mkjp\": 25, \"unmet\": 0}, "
		   "\"indeks_input\": 2.00, \"indeks_proses\": 1.67, \"indeks_output\": 2.75, \"klasifikasi\": \"Dasar\"}",
		   "mixed document as JSON");

	/* truncation: snprintf semantics */
	n = kkb_klas_format_json(&r, small, sizeof(small));
	is_int(n, strlen(buf), "a small buffer still gets the full length back");
	is_str(small, "{\"skor\": ", "... and a NUL-terminated prefix");
	is_int(kkb_klas_format_json(&r, NULL, 0), strlen(buf), "size 0: nothing written, length returned");

	/* the longest possible document fits the documented buffer */
	reset();
	SET(PUS, 1);
	SET(KELUARGA, 1);
	SET(KELUARGA_BALITA, 1);
	SET(KELUARGA_REMAJA, 1);
	SET(KELUARGA_LANSIA, 1);
	SET(REMAJA, 1);
	for (int k = KKB_KEY_PESERTA_BKB; k < KKB_KLAS_NKEYS; k++)
		kkb_klas_set(&in, k, KKB_KLAS_COUNT_MAX);
	r = run();
	n = kkb_klas_format_json(&r, buf, sizeof(buf));
	ok(n < KKB_KLAS_JSON_BUFLEN, "largest percentages: %zu bytes < KKB_KLAS_JSON_BUFLEN", n);
	is_int(r.persen[KKB_PERSEN_CPR], INT64_C(1503238552900), "cpr of 7 * 2147483647 users over pus 1");
	is_int(r.persen[KKB_PERSEN_POKTAN], INT64_C(214748364700), "poktan: 5 * 214748364700 / 5");
	is_int(r.persen[KKB_PERSEN_UNMET], INT64_C(429496729400), "unmet: 2 * 2147483647 over 1");
}

int
main(void)
{
	test_pct();
	test_indeks_round();
	test_input_scores();
	test_process_scores();
	test_output_poktan();
	test_output_cpr();
	test_output_mkjp();
	test_output_unmet();
	test_classes();
	test_validation();
	test_names();
	test_json();
	return done_testing();
}

/*
 * fuzz_klasifikasi.c - libFuzzer harness for the Kampung KB classification core
 * (extension/src/core/klasifikasi.c).
 *
 * Interprets the input as one kkb_klas_input (objects, presence flags, values) and
 * runs validation, classification and the JSON printer on it.  Checks (abort on
 * failure): no crash or sanitizer report; kkb_klas_validate and kkb_klas_compute
 * agree, and a rejection names a key that really is bad (out of range, or recorded
 * without its object) with every earlier key fine; on success every score is 1..4
 * (sarana and pkb 1..3), every index is 100..400 and is round(sum/n, 2) of its
 * scores, the class follows the met-index rule and is one of the four names, the
 * percentages are non-negative, null exactly when KLASIFIKASI.md says, within 0.5
 * (plus double rounding) of the exact ratio, and consistent with their scores; the
 * JSON text fits KKB_KLAS_JSON_BUFLEN and is the same on a second run.
 *
 * Input layout (shorter inputs are zero-padded):
 *   [0] mode bits: 0 penduduk present, 1 kkbpk present, 2 small values,
 *       3 keep orphans (else nested keys of an absent object are dropped),
 *       4 huge values (raw value * 2^31)
 *   [1..5] presence bitmap, bit k = key k (kkb_klas_key order, 33 keys)
 *   [6..137] 33 little-endian int32 values, one per key
 *   small values: raw % (min(max, 250) + 3) - 1, i.e. -1 .. min(max, 250) + 1, so
 *   band edges and range errors are reached often.
 *
 * Build and run (from the repository root):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 *     -I extension/src/core tests/fuzz/fuzz_klasifikasi.c extension/src/core/klasifikasi.c \
 *     -lm -o /tmp/fuzz_klas
 *   mkdir -p /tmp/fuzz_klas_corpus   (new inputs go to the first directory)
 *   /tmp/fuzz_klas -max_total_time=30 /tmp/fuzz_klas_corpus tests/fuzz/corpus/fuzz_klasifikasi
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "klasifikasi.h"

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

#define LAYOUT_LEN (6 + 4 * KKB_KLAS_NKEYS)

static uint32_t
get_u32(const uint8_t *b)
{
	return (uint32_t) b[0] | ((uint32_t) b[1] << 8) | ((uint32_t) b[2] << 16) | ((uint32_t) b[3] << 24);
}

static int64_t
v0(const kkb_klas_input *in, int k)
{
	return in->present[k] ? in->value[k] : 0;
}

/* key k is bad in *in: what kkb_klas_validate must report */
static int
key_problem(const kkb_klas_input *in, int k)
{
	int			g = kkb_klas_key_group(k);

	if (!in->present[k])
		return KKB_KLAS_OK;
	if ((g == KKB_GROUP_PENDUDUK && !in->penduduk) || (g == KKB_GROUP_KKBPK && !in->kkbpk))
		return KKB_KLAS_E_ORPHAN;
	if (!kkb_klas_value_ok(k, in->value[k]))
		return KKB_KLAS_E_RANGE;
	return KKB_KLAS_OK;
}

/* |p - 100 a / b| <= 0.5 up to double rounding (b > 0) */
static void
check_pct(int64_t p, int64_t a, int64_t b)
{
	long double exact = 100.0L * (long double) a / (long double) b;

	CHECK(fabsl((long double) p - exact) <= 0.5L + 1e-9L * (1.0L + exact));
	CHECK(p == kkb_klas_pct(a, b));
}

/* score of a percentage on lower band edges (the document's wording, written again) */
static int
band_up(int64_t x, int64_t e2, int64_t e3, int64_t e4)
{
	return x < e2 ? 1 : x < e3 ? 2 : x < e4 ? 3 : 4;
}

static void
check_result(const kkb_klas_input *in, const kkb_klas_result *r)
{
	static const int group_first[3] = {KKB_SKOR_INPUT_POKJA, KKB_SKOR_PROSES_PENGGUNAAN_DATA, KKB_SKOR_OUTPUT_POKTAN};
	static const int group_n[3] = {5, 3, 4};
	int			nmet = 0,
				want;
	bool		has_pus = in->present[KKB_KEY_PUS];
	int64_t		pus = v0(in, KKB_KEY_PUS),
				total = 0,
				lt = 0;
	bool		any_den = false,
				any_lt = false,
				has_unmet;
	static const int kb[7] = {KKB_KEY_KB_IUD, KKB_KEY_KB_MOW, KKB_KEY_KB_MOP, KKB_KEY_KB_KONDOM,
	KKB_KEY_KB_IMPLAN, KKB_KEY_KB_SUNTIK, KKB_KEY_KB_PIL};
	static const int dens[5] = {KKB_KEY_KELUARGA_BALITA, KKB_KEY_KELUARGA_REMAJA, KKB_KEY_KELUARGA_LANSIA,
	KKB_KEY_KELUARGA, KKB_KEY_REMAJA};

	/* scores */
	for (int i = 0; i < KKB_KLAS_NSKOR; i++)
		CHECK(r->skor[i] >= 1 && r->skor[i] <= 4);
	CHECK(r->skor[KKB_SKOR_INPUT_SARANA] <= 3 && r->skor[KKB_SKOR_INPUT_PKB] <= 3);
	CHECK(r->skor[KKB_SKOR_INPUT_PKB] == 1 + (v0(in, KKB_KEY_PKB_PENDAMPING) == 1) + (v0(in, KKB_KEY_REGULASI) == 1));
	if (v0(in, KKB_KEY_POKJA_ADA) == 0)
		CHECK(r->skor[KKB_SKOR_INPUT_POKJA] == 1);
	else
		CHECK(r->skor[KKB_SKOR_INPUT_POKJA] >= 2);

	/* indices and class */
	for (int g = 0; g < 3; g++)
	{
		int			sum = 0;

		for (int i = 0; i < group_n[g]; i++)
			sum += r->skor[group_first[g] + i];
		CHECK(r->indeks[g] == kkb_klas_indeks_round(sum, group_n[g]));
		CHECK(r->indeks[g] >= 100 && r->indeks[g] <= 400);
		/* index * 100 * n is within n/2 of sum * 100 */
		CHECK(abs(r->indeks[g] * group_n[g] - sum * 100) * 2 <= group_n[g]);
		CHECK(r->met[g] == (r->indeks[g] >= 300));
		nmet += r->met[g];
	}
	if (nmet <= 1)
		want = KKB_KELAS_DASAR;
	else if (nmet == 3)
		want = KKB_KELAS_BERKELANJUTAN;
	else if (r->met[KKB_INDEKS_INPUT] && r->met[KKB_INDEKS_PROSES])
		want = KKB_KELAS_BERKEMBANG;
	else
		want = KKB_KELAS_MANDIRI;
	CHECK(r->kelas == want);
	CHECK(r->klasifikasi != NULL && strcmp(r->klasifikasi, kkb_klas_kelas_name(want)) == 0);
	CHECK(strcmp(r->klasifikasi, "Dasar") == 0 || strcmp(r->klasifikasi, "Berkembang") == 0 ||
		  strcmp(r->klasifikasi, "Mandiri") == 0 || strcmp(r->klasifikasi, "Berkelanjutan") == 0);

	/* percentages */
	for (int i = 0; i < KKB_KLAS_NPERSEN; i++)
	{
		CHECK(r->persen[i] >= 0);
		if (r->persen_null[i])
			CHECK(r->persen[i] == 0);
	}
	for (int i = 0; i < 7; i++)
		total += v0(in, kb[i]);
	for (int i = 0; i < 7; i++)
		if (kb[i] != KKB_KEY_KB_KONDOM && kb[i] != KKB_KEY_KB_SUNTIK && kb[i] != KKB_KEY_KB_PIL)
		{
			lt += v0(in, kb[i]);
			any_lt = any_lt || in->present[kb[i]];
		}
	for (int i = 0; i < 5; i++)
		any_den = any_den || in->present[dens[i]];

	/* poktan */
	CHECK(r->persen_null[KKB_PERSEN_POKTAN] == !any_den);
	CHECK(r->skor[KKB_SKOR_OUTPUT_POKTAN] == band_up(r->persen[KKB_PERSEN_POKTAN], 10, 21, 31));

	/* cpr */
	CHECK(r->persen_null[KKB_PERSEN_CPR] == (!has_pus || (pus > 0 && !in->kkbpk)));
	if (!has_pus || !in->kkbpk)
		CHECK(r->skor[KKB_SKOR_OUTPUT_CPR] == 1);
	else
		CHECK(r->skor[KKB_SKOR_OUTPUT_CPR] == band_up(r->persen[KKB_PERSEN_CPR], 30, 41, 51));
	if (has_pus && in->kkbpk && pus > 0)
		check_pct(r->persen[KKB_PERSEN_CPR], total, pus);
	else
		CHECK(r->persen[KKB_PERSEN_CPR] == 0);

	/* mkjp */
	CHECK(r->persen_null[KKB_PERSEN_MKJP] == (!has_pus || (in->kkbpk && total > 0 && !any_lt)));
	if (has_pus && in->kkbpk && total > 0)
	{
		check_pct(kkb_klas_pct(lt, total), lt, total);
		CHECK(r->skor[KKB_SKOR_OUTPUT_MKJP] == band_up(kkb_klas_pct(lt, total), 20, 23, 25));
		if (!r->persen_null[KKB_PERSEN_MKJP])
			CHECK(r->persen[KKB_PERSEN_MKJP] == kkb_klas_pct(lt, total));
	}
	else
	{
		CHECK(r->persen[KKB_PERSEN_MKJP] == 0);
		CHECK(r->skor[KKB_SKOR_OUTPUT_MKJP] == 1);
	}

	/* unmet */
	has_unmet = in->kkbpk && (in->present[KKB_KEY_TIDAK_KB_IAT] || in->present[KKB_KEY_TIDAK_KB_TIAL]);
	CHECK(r->persen_null[KKB_PERSEN_UNMET] == !has_unmet);
	if (!has_unmet)
		CHECK(r->skor[KKB_SKOR_OUTPUT_UNMET] == 1);
	else
	{
		int64_t		u = r->persen[KKB_PERSEN_UNMET];

		CHECK(r->skor[KKB_SKOR_OUTPUT_UNMET] == (u >= 13 ? 1 : u >= 10 ? 2 : u >= 7 ? 3 : 4));
		if (has_pus && pus > 0)
			check_pct(u, v0(in, KKB_KEY_TIDAK_KB_IAT) + v0(in, KKB_KEY_TIDAK_KB_TIAL), pus);
		else
			CHECK(u == 0 && r->skor[KKB_SKOR_OUTPUT_UNMET] == 4);
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t		buf[LAYOUT_LEN] = {0};
	uint8_t		mode;
	kkb_klas_input in;
	kkb_klas_result r,
				r2;
	kkb_klas_error e1,
				e2;
	int			rc1,
				rc2;
	char		json[KKB_KLAS_JSON_BUFLEN],
				json2[KKB_KLAS_JSON_BUFLEN],
				detail[KKB_KLAS_ERR_TEXT];
	size_t		n;

	memcpy(buf, data, size < sizeof buf ? size : sizeof buf);
	mode = buf[0];
	kkb_klas_input_init(&in);
	/* garbage in absent keys' values must not matter */
	for (int k = 0; k < KKB_KLAS_NKEYS; k++)
		in.value[k] = -7;
	in.penduduk = (mode & 0x01) != 0;
	in.kkbpk = (mode & 0x02) != 0;
	for (int k = 0; k < KKB_KLAS_NKEYS; k++)
	{
		uint32_t	raw = get_u32(buf + 6 + 4 * k);
		int64_t		v;
		int			g = kkb_klas_key_group(k);

		if (!(buf[1 + k / 8] & (1u << (k % 8))))
			continue;
		if (!(mode & 0x08) && ((g == KKB_GROUP_PENDUDUK && !in.penduduk) || (g == KKB_GROUP_KKBPK && !in.kkbpk)))
			continue;
		if (mode & 0x04)
		{
			int64_t		lim = kkb_klas_key_max(k) < 250 ? kkb_klas_key_max(k) : 250;

			v = (int64_t) (raw % (uint32_t) (lim + 3)) - 1;
		}
		else
		{
			v = (int32_t) raw;
			if (mode & 0x10)
				v *= INT64_C(2147483648);
		}
		in.present[k] = true;
		in.value[k] = v;
	}

	rc1 = kkb_klas_validate(&in, &e1);
	rc2 = kkb_klas_compute(&in, &r, &e2);
	CHECK(rc1 == rc2 && e1.code == rc1 && e2.code == rc2);
	CHECK(kkb_klas_validate(&in, NULL) == rc1);
	if (rc1 != KKB_KLAS_OK)
	{
		CHECK(rc1 == KKB_KLAS_E_RANGE || rc1 == KKB_KLAS_E_ORPHAN);
		CHECK(e1.key == e2.key && e1.key >= 0 && e1.key < KKB_KLAS_NKEYS);
		CHECK(key_problem(&in, e1.key) == rc1);
		for (int k = 0; k < e1.key; k++)
			CHECK(key_problem(&in, k) == KKB_KLAS_OK);
		CHECK(e1.detail[0] != '\0' && strlen(e1.detail) < sizeof(e1.detail));
		CHECK(strstr(e1.detail, kkb_klas_key_path(e1.key)) != NULL);
		n = kkb_klas_describe(e1.key, detail, sizeof(detail));
		CHECK(n > 0 && n < sizeof(detail));
		return 0;
	}
	CHECK(e1.key == -1 && e1.detail[0] == '\0');
	for (int k = 0; k < KKB_KLAS_NKEYS; k++)
		CHECK(key_problem(&in, k) == KKB_KLAS_OK);

	check_result(&in, &r);

	n = kkb_klas_format_json(&r, json, sizeof(json));
	CHECK(n < sizeof(json) && n == strlen(json));
	CHECK(strncmp(json, "{\"skor\": {\"input_pokja\": ", 25) == 0 && json[n - 1] == '}');
	CHECK(strstr(json, r.klasifikasi) != NULL);
	CHECK(kkb_klas_format_json(&r, NULL, 0) == n);

	/* deterministic */
	CHECK(kkb_klas_compute(&in, &r2, NULL) == KKB_KLAS_OK);
	kkb_klas_format_json(&r2, json2, sizeof(json2));
	CHECK(strcmp(json, json2) == 0);
	return 0;
}

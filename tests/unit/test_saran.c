/*
 * test_saran.c - TAP unit tests for the "what it takes" advisor (extension/src/core/saran.c).
 *
 * 1. Worked examples, every expected value written out by hand from docs/KLASIFIKASI.md.
 * 2. A property test over 30,000 generated input documents.  For each one the test
 *    derives, on its own:
 *      - the ceilings: the scores of one document with every lever at its top (all
 *        booleans true, every count at its top band, participants = denominators,
 *        unmet need recorded as 0, every family-planning user long-acting and PUS
 *        reached - what saran.h promises is reachable);
 *      - by exhaustive search over every score vector between the current scores and
 *        those ceilings, for each higher class: whether it is reachable, the minimum
 *        sum of score increases, and the fewest indicators changed at that minimum;
 *    and asserts that the advisor offers exactly the reachable classes, with that
 *    minimum and that number of indicators, and that its changed document is valid,
 *    gets the target class from the classification core, lowers no score, and agrees
 *    with the listed changes.
 *
 * Usage: test_saran [documents]   (default 30000)
 */
#include "tap.h"
#include "saran.h"

#include <stdint.h>
#include <stdlib.h>

static kkb_klas_input in;

#define SET(k, v) kkb_klas_set(&in, KKB_KEY_##k, (v))

static kkb_saran_result
advise(void)
{
	kkb_saran_result r;
	kkb_klas_error err;

	if (kkb_saran_compute(&in, &r, &err) != KKB_KLAS_OK)
	{
		printf("# unexpected error: %s\n", err.detail);
		memset(&r, 0, sizeof(r));
	}
	return r;
}

static const kkb_saran_ubah *
find_change(const kkb_saran_target *t, int key)
{
	for (int i = 0; i < t->nubah; i++)
		if (t->ubah[i].key == key)
			return &t->ubah[i];
	return NULL;
}

/* ------------------------------------------------------------------------- */
/* worked examples                                                           */
/* ------------------------------------------------------------------------- */

static void
test_kosong(void)
{
	kkb_saran_result r;
	const kkb_saran_target *t;
	char		buf[KKB_SARAN_JSON_BUFLEN];

	/*
	 * Nothing recorded: Dasar; input 5, process 3, output 4 (every score 1).  Output can
	 * reach only unmet 4 (no PUS, no denominators): 7 < 12, so Mandiri and Berkelanjutan
	 * are out of reach.  Berkembang: input 5 -> 15 (10 steps: pokja, sumber_dana, poktan
	 * +3 each, sarana +1), process 3 -> 9 (6 steps: penggunaan_data, operasional +3).
	 */
	kkb_klas_input_init(&in);
	r = advise();
	is_int(r.kelas, KKB_KELAS_DASAR, "empty document: Dasar");
	is_int(r.plafon[KKB_SKOR_OUTPUT_CPR], 1, "empty document: CPR cannot rise without PUS");
	is_int(r.plafon[KKB_SKOR_OUTPUT_MKJP], 1, "empty document: MKJP cannot rise without PUS");
	is_int(r.plafon[KKB_SKOR_OUTPUT_POKTAN], 1, "empty document: programme participation cannot rise without denominators");
	is_int(r.plafon[KKB_SKOR_OUTPUT_UNMET], 4, "empty document: recording unmet need gives 4");
	is_int(r.plafon[KKB_SKOR_INPUT_SARANA], 3, "sarana ceiling 3");
	is_int(r.ntarget, 1, "empty document: one class reachable");
	t = &r.target[0];
	is_int(t->kelas, KKB_KELAS_BERKEMBANG, "... Berkembang");
	is_int(t->langkah, 16, "... in 16 score steps");
	is_int(t->nindikator, 6, "... over 6 indicators");
	is_int(t->rencana[KKB_SKOR_INPUT_SARANA], 2, "... sarana planned 2");
	is_int(t->rencana[KKB_SKOR_INPUT_PKB], 1, "... pkb left at 1");
	is_int(t->rencana[KKB_SKOR_PROSES_LINTAS_SEKTOR], 1, "... cross-sector left at 1");
	ok(find_change(t, KKB_KEY_SUMBER_DANA) && find_change(t, KKB_KEY_SUMBER_DANA)->ke == 5,
	   "... sumber_dana -> 5 (smallest value of band 4)");
	ok(find_change(t, KKB_KEY_SARANA) && find_change(t, KKB_KEY_SARANA)->ke == 1, "... sarana -> 1");
	ok(find_change(t, KKB_KEY_POKJA_ANGGOTA) && find_change(t, KKB_KEY_POKJA_ANGGOTA)->ke == 1,
	   "... pokja_anggota -> 1 (with pokja_ada and pokja_terlatih)");
	ok(find_change(t, KKB_KEY_MEKANISME_OPERASIONAL) && find_change(t, KKB_KEY_MEKANISME_OPERASIONAL)->ke == 5,
	   "... mekanisme_operasional -> 5");
	is_int(t->nubah, 8, "... 8 keys changed");

	kkb_saran_format_json(&r, buf, sizeof(buf));
	is_str(buf,
		   "{\"klasifikasi\": \"Dasar\", \"saran\": [{\"kelas\": \"Berkembang\", \"langkah\": 16, \"indikator\": 6, \"perubahan\": ["
		   "{\"indikator\": \"input_pokja\", \"skor_dari\": 1, \"skor_ke\": 4, \"kunci\": \"pokja_ada\", \"dari\": null, \"ke\": true}, "
		   "{\"indikator\": \"input_pokja\", \"skor_dari\": 1, \"skor_ke\": 4, \"kunci\": \"pokja_anggota\", \"dari\": null, \"ke\": 1}, "
		   "{\"indikator\": \"input_pokja\", \"skor_dari\": 1, \"skor_ke\": 4, \"kunci\": \"pokja_terlatih\", \"dari\": null, \"ke\": true}, "
		   "{\"indikator\": \"input_sumber_dana\", \"skor_dari\": 1, \"skor_ke\": 4, \"kunci\": \"sumber_dana\", \"dari\": null, \"ke\": 5}, "
		   "{\"indikator\": \"input_poktan\", \"skor_dari\": 1, \"skor_ke\": 4, \"kunci\": \"poktan\", \"dari\": null, \"ke\": 5}, "
		   "{\"indikator\": \"input_sarana\", \"skor_dari\": 1, \"skor_ke\": 2, \"kunci\": \"sarana\", \"dari\": null, \"ke\": 1}, "
		   "{\"indikator\": \"proses_penggunaan_data\", \"skor_dari\": 1, \"skor_ke\": 4, \"kunci\": \"penggunaan_data\", \"dari\": null, \"ke\": 4}, "
		   "{\"indikator\": \"proses_operasional\", \"skor_dari\": 1, \"skor_ke\": 4, \"kunci\": \"mekanisme_operasional\", \"dari\": null, \"ke\": 5}], "
		   "\"masukan\": {\"pokja_ada\": true, \"pokja_anggota\": 1, \"pokja_terlatih\": true, \"sumber_dana\": 5, \"poktan\": 5, "
		   "\"sarana\": 1, \"penggunaan_data\": 4, \"mekanisme_operasional\": 5}}]}",
		   "empty document: the advice as JSON");
}

/* input and process met, output 11: one step of output to Berkelanjutan */
static void
set_berkembang(void)
{
	kkb_klas_input_init(&in);
	SET(POKJA_ADA, 1);
	SET(POKJA_ANGGOTA, 10);
	SET(POKJA_TERLATIH, 1);
	SET(SUMBER_DANA, 5);
	SET(POKTAN, 5);
	SET(SARANA, 2);
	SET(PKB_PENDAMPING, 1);
	SET(REGULASI, 1);
	SET(PENGGUNAAN_DATA, 4);
	SET(MEKANISME_OPERASIONAL, 5);
	SET(INSTANSI_INTERVENSI, 7);
	SET(PUS, 100);
	SET(KELUARGA_BALITA, 10);
	SET(KELUARGA_REMAJA, 10);
	SET(PESERTA_BKB, 10);		/* 100% */
	SET(PESERTA_BKR, 10);		/* 100%: (100 + 100) / 5 = 40 -> poktan 4 */
	SET(KB_PIL, 40);			/* CPR 40% -> 2; MKJP 0% -> 1 */
	SET(TIDAK_KB_IAT, 1);		/* unmet 1% -> 4 */
}

static void
test_berkembang(void)
{
	kkb_saran_result r;
	const kkb_saran_target *t;
	const kkb_saran_ubah *u;
	kkb_klas_result k;

	set_berkembang();
	r = advise();
	is_int(r.kelas, KKB_KELAS_BERKEMBANG, "output 11 with input and process met: Berkembang");
	is_int(r.ntarget, 1, "... only Berkelanjutan above it (Mandiri would need a lower index)");
	t = &r.target[0];
	is_int(t->kelas, KKB_KELAS_BERKELANJUTAN, "... Berkelanjutan");
	is_int(t->langkah, 1, "... in one step");
	/* most room: MKJP (1 -> 4, room 3) before CPR (2 -> 4, room 2) */
	is_int(t->rencana[KKB_SKOR_OUTPUT_MKJP], 2, "... MKJP 1 -> 2");
	/* MKJP 2 needs 20% of 40 users: 8 moved from pil to implants, CPR unchanged */
	u = find_change(t, KKB_KEY_KB_IMPLAN);
	ok(u && !u->dari_ada && u->ke == 8 && u->skor == KKB_SKOR_OUTPUT_MKJP && u->skor_ke == 2,
	   "... kkbpk.kb_implan null -> 8 (MKJP 20%%)");
	u = find_change(t, KKB_KEY_KB_PIL);
	ok(u && u->dari == 40 && u->ke == 32, "... kkbpk.kb_pil 40 -> 32 (users moved, CPR stays 40%%)");
	is_int(t->nubah, 2, "... two keys");
	kkb_klas_compute(&t->masukan, &k, NULL);
	is_str(k.klasifikasi, "Berkelanjutan", "... the changed document is Berkelanjutan");
	is_int(k.skor[KKB_SKOR_OUTPUT_CPR], 2, "... CPR score unchanged");

	/* CPR 40% -> 41%: the fewest users added.  MKJP already 4 (25% long-acting): no room left there */
	set_berkembang();
	SET(KB_PIL, 30);
	SET(KB_IMPLAN, 10);			/* CPR 40%, MKJP 25% -> 4 */
	SET(TIDAK_KB_IAT, 10);		/* unmet 10% -> 2: output 4 + 2 + 4 + 2 = 12: met */
	r = advise();
	is_int(r.kelas, KKB_KELAS_BERKELANJUTAN, "output 12: Berkelanjutan, nothing to advise");
	is_int(r.ntarget, 0, "... no target");
	SET(TIDAK_KB_IAT, 13);		/* unmet 13% -> 1: output 11 */
	r = advise();
	t = &r.target[0];
	is_int(r.ntarget, 1, "unmet 13%%: one target");
	/* room: unmet 3 first */
	is_int(t->rencana[KKB_SKOR_OUTPUT_UNMET], 2, "... unmet 1 -> 2");
	u = find_change(t, KKB_KEY_TIDAK_KB_IAT);
	ok(u && u->dari == 13 && u->ke == 12, "... kkbpk.tidak_kb_iat 13 -> 12 (unmet 12%%)");

	/* CPR only: unmet and MKJP full, poktan full: CPR 2 -> 3 needs 41%: one user more */
	SET(TIDAK_KB_IAT, 1);
	SET(KB_PIL, 20);
	SET(KB_IMPLAN, 20);			/* CPR 40% -> 2, MKJP 50% -> 4 */
	SET(KELUARGA_REMAJA, 100);	/* poktan (100 + 10) / 5 = 22 -> 3: output 3 + 2 + 4 + 4 = 13 */
	r = advise();
	is_int(r.kelas, KKB_KELAS_BERKELANJUTAN, "output 13: Berkelanjutan");
	SET(KELUARGA_BALITA, 100);	/* poktan (10 + 10) / 5 = 4 -> 1: output 1 + 2 + 4 + 4 = 11 */
	r = advise();
	t = &r.target[0];
	is_int(r.kelas, KKB_KELAS_BERKEMBANG, "output 11 (poktan 1): Berkembang");
	/* room: poktan 3 (1 -> 4), CPR 2: poktan first */
	is_int(t->rencana[KKB_SKOR_OUTPUT_POKTAN], 2, "... programme participation 1 -> 2");
	/* p >= 10 needs a sum of terms >= 48: bkb 10 -> 38 (38% + 10% = 48, 48 / 5 -> 10) */
	u = find_change(t, KKB_KEY_PESERTA_BKB);
	ok(u && u->dari == 10 && u->ke == 38, "... kkbpk.peserta_bkb 10 -> 38");
	is_int(t->nubah, 1, "... one key");
}

static void
test_mandiri(void)
{
	kkb_saran_result r;

	/* output met, input met, process 3 (not met): Mandiri already.  Process 8: Mandiri. */
	set_berkembang();
	SET(KB_IMPLAN, 20);			/* output met */
	SET(PENGGUNAAN_DATA, 0);
	SET(MEKANISME_OPERASIONAL, 0);
	SET(INSTANSI_INTERVENSI, 0);
	r = advise();
	is_int(r.kelas, KKB_KELAS_MANDIRI, "output and input met, process not: Mandiri");
	is_int(r.ntarget, 1, "... one target");
	is_int(r.target[0].kelas, KKB_KELAS_BERKELANJUTAN, "... Berkelanjutan");
	is_int(r.target[0].langkah, 6, "... process 3 -> 9: 6 steps");
	is_int(r.target[0].nindikator, 2, "... on two indicators");

	/* only output met: Dasar; Mandiri by process (6 steps) is cheaper than by input */
	SET(POKJA_ADA, 0);
	SET(SUMBER_DANA, 0);
	SET(POKTAN, 0);
	SET(SARANA, 0);
	SET(PKB_PENDAMPING, 0);
	SET(REGULASI, 0);
	r = advise();
	is_int(r.kelas, KKB_KELAS_DASAR, "only output met: Dasar");
	is_int(r.ntarget, 2, "... Mandiri and Berkelanjutan (Berkembang needs a lower output)");
	is_int(r.target[0].kelas, KKB_KELAS_MANDIRI, "... Mandiri first");
	is_int(r.target[0].langkah, 6, "... by process: 6 steps");
	is_int(r.target[0].rencana[KKB_SKOR_INPUT_POKJA], 1, "... input untouched (it must stay below 3.00)");
	is_int(r.target[1].kelas, KKB_KELAS_BERKELANJUTAN, "... then Berkelanjutan");
	is_int(r.target[1].langkah, 16, "... 10 input + 6 process steps");
}

static void
test_tanpa_pus(void)
{
	kkb_saran_result r;

	/* PUS = 0: CPR cannot rise, MKJP can (pus recorded) */
	kkb_klas_input_init(&in);
	SET(PUS, 0);
	SET(KB_PIL, 5);
	r = advise();
	is_int(r.plafon[KKB_SKOR_OUTPUT_CPR], 1, "PUS 0: CPR ceiling 1");
	is_int(r.plafon[KKB_SKOR_OUTPUT_MKJP], 4, "PUS 0: MKJP ceiling 4");
	/* no users at all and PUS recorded: one implant user gives MKJP 100% */
	kkb_klas_input_init(&in);
	SET(PUS, 3);
	r = advise();
	is_int(r.plafon[KKB_SKOR_OUTPUT_MKJP], 4, "PUS 3, no report: MKJP ceiling 4");
	is_int(r.plafon[KKB_SKOR_OUTPUT_CPR], 4, "PUS 3, no report: CPR ceiling 4");
}

static void
test_invalid(void)
{
	kkb_saran_result r;
	kkb_klas_error err;

	kkb_klas_input_init(&in);
	SET(POKTAN, 9);
	is_int(kkb_saran_compute(&in, &r, &err), KKB_KLAS_E_RANGE, "poktan 9: range error, as kkb_klas_compute");
	is_int(err.key, KKB_KEY_POKTAN, "... naming poktan");
}

static void
test_json_masukan(void)
{
	char		buf[1200];

	kkb_klas_input_init(&in);
	kkb_klas_input_format_json(&in, buf, sizeof(buf));
	is_str(buf, "{}", "input document: empty");
	in.kkbpk = true;
	SET(REGULASI, 0);
	SET(PUS, 12);
	kkb_klas_input_format_json(&in, buf, sizeof(buf));
	is_str(buf, "{\"regulasi\": false, \"penduduk\": {\"pus\": 12}, \"kkbpk\": {}}", "input document: keys, objects, empty kkbpk");
	is_int(kkb_klas_input_format_json(&in, buf, 5), 57, "input document: length needed when the buffer is short");
	is_str(buf, "{\"re", "... truncated, NUL-terminated");
}

/* ------------------------------------------------------------------------- */
/* property test                                                             */
/* ------------------------------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (uint32_t) (rng % n) : 0;
}

static void
gen(kkb_klas_input *d)
{
	static const int bools[] = {KKB_KEY_POKJA_ADA, KKB_KEY_POKJA_TERLATIH, KKB_KEY_PKB_PENDAMPING, KKB_KEY_REGULASI};
	int			scale = rnd(4) == 0 ? 4 : 300;	/* small villages: coarse percentages */
	int			maju = rnd(2);	/* half the villages well organised: input and process near the top */

	kkb_klas_input_init(d);
	for (int i = 0; i < 4; i++)
		if (rnd(5))
			kkb_klas_set(d, bools[i], maju ? rnd(8) != 0 : rnd(2));
	for (int k = KKB_KEY_POKJA_ANGGOTA; k <= KKB_KEY_INSTANSI_INTERVENSI; k++)
	{
		uint32_t	top = (uint32_t) (kkb_klas_key_max(k) > 12 ? 12 : kkb_klas_key_max(k));

		if (kkb_klas_key_is_bool(k) || rnd(5) == 0)
			continue;
		kkb_klas_set(d, k, maju ? top / 2 + rnd(top - top / 2 + 1) : rnd(top + 1));
	}
	if (rnd(5))
	{
		d->penduduk = true;
		for (int k = KKB_KEY_PUS; k <= KKB_KEY_KELUARGA_LANSIA; k++)
			if (rnd(7))
				kkb_klas_set(d, k, rnd(10) == 0 ? 0 : 1 + rnd(scale));
	}
	if (rnd(5))
	{
		d->kkbpk = true;
		for (int k = KKB_KEY_PESERTA_BKB; k <= KKB_KEY_TIDAK_KB_TIAL; k++)
			if (rnd(6))
			{
				int			top = k <= KKB_KEY_PESERTA_PIKR ? scale : k <= KKB_KEY_KB_PIL ? scale / 4 + 1 : scale / 10 + 1;

				kkb_klas_set(d, k, rnd(8) == 0 ? 0 : rnd((uint32_t) top + 1));
			}
	}
}

/* The test's own ceilings: every lever at its top in one document (see the header). */
static void
plafon_sendiri(const kkb_klas_input *d, int *plafon)
{
	kkb_klas_input m = *d;
	kkb_klas_result r;
	static const int pairs[5][2] = {
		{KKB_KEY_PESERTA_BKB, KKB_KEY_KELUARGA_BALITA}, {KKB_KEY_PESERTA_BKR, KKB_KEY_KELUARGA_REMAJA},
		{KKB_KEY_PESERTA_BKL, KKB_KEY_KELUARGA_LANSIA}, {KKB_KEY_PESERTA_UPPKA, KKB_KEY_KELUARGA},
		{KKB_KEY_PESERTA_PIKR, KKB_KEY_REMAJA}};
	int64_t		users = 0;

	kkb_klas_set(&m, KKB_KEY_POKJA_ADA, 1);
	kkb_klas_set(&m, KKB_KEY_POKJA_TERLATIH, 1);
	if (!m.present[KKB_KEY_POKJA_ANGGOTA] || m.value[KKB_KEY_POKJA_ANGGOTA] == 0)
		kkb_klas_set(&m, KKB_KEY_POKJA_ANGGOTA, 1);
	kkb_klas_set(&m, KKB_KEY_SUMBER_DANA, 6);
	kkb_klas_set(&m, KKB_KEY_POKTAN, 8);
	kkb_klas_set(&m, KKB_KEY_SARANA, 2);
	kkb_klas_set(&m, KKB_KEY_PKB_PENDAMPING, 1);
	kkb_klas_set(&m, KKB_KEY_REGULASI, 1);
	kkb_klas_set(&m, KKB_KEY_PENGGUNAAN_DATA, 5);
	kkb_klas_set(&m, KKB_KEY_MEKANISME_OPERASIONAL, 5);
	if (!m.present[KKB_KEY_INSTANSI_INTERVENSI] || m.value[KKB_KEY_INSTANSI_INTERVENSI] < 7)
		kkb_klas_set(&m, KKB_KEY_INSTANSI_INTERVENSI, 7);
	for (int i = 0; i < 5; i++)
		if (m.present[pairs[i][1]] && m.value[pairs[i][1]] > 0 &&
			(!m.present[pairs[i][0]] || m.value[pairs[i][0]] < m.value[pairs[i][1]]))
			kkb_klas_set(&m, pairs[i][0], m.value[pairs[i][1]]);
	kkb_klas_set(&m, KKB_KEY_TIDAK_KB_IAT, 0);
	if (m.present[KKB_KEY_TIDAK_KB_TIAL])
		kkb_klas_set(&m, KKB_KEY_TIDAK_KB_TIAL, 0);
	if (m.present[KKB_KEY_PUS])
	{
		/* every user long-acting, and as many users as couples */
		for (int k = KKB_KEY_KB_IUD; k <= KKB_KEY_KB_PIL; k++)
			if (m.present[k])
			{
				users += m.value[k];
				if (k == KKB_KEY_KB_KONDOM || k == KKB_KEY_KB_SUNTIK || k == KKB_KEY_KB_PIL)
					kkb_klas_set(&m, k, 0);
			}
		if (users < m.value[KKB_KEY_PUS])
			users = m.value[KKB_KEY_PUS];
		if (users == 0)
			users = 1;
		for (int k = KKB_KEY_KB_IUD; k <= KKB_KEY_KB_MOP; k++)
			users -= m.present[k] ? m.value[k] : 0;
		kkb_klas_set(&m, KKB_KEY_KB_IMPLAN, users);
	}
	kkb_klas_compute(&m, &r, NULL);
	memcpy(plafon, r.skor, sizeof(r.skor));
}

/* The test's own index rule: round(sum / n, 2) >= 3.00, half away from zero. */
static int
met_sendiri(int sum, int n)
{
	return (sum * 200 + n) / (2 * n) >= 300;
}

/*
 * Exhaustive search over one group's score vectors (current .. ceiling): the minimum
 * cost (and fewest indicators at it) of a met vector; whether the group is met now.
 */
typedef struct
{
	int			biaya;			/* -1: cannot be met */
	int			n;				/* fewest indicators at that cost */
	int			met_now;
} grup_hasil;

static grup_hasil
cari_grup(const int *skor, const int *plafon, int a, int n)
{
	grup_hasil	h = {-1, 0, 0};
	int			v[5];
	int			sum0 = 0;

	for (int i = 0; i < n; i++)
	{
		v[i] = skor[a + i];
		sum0 += v[i];
	}
	h.met_now = met_sendiri(sum0, n);
	for (;;)
	{
		int			sum = 0,
					cost = 0,
					cnt = 0,
					i;

		for (i = 0; i < n; i++)
		{
			sum += v[i];
			cost += v[i] - skor[a + i];
			cnt += v[i] > skor[a + i];
		}
		if (met_sendiri(sum, n) && (h.biaya < 0 || cost < h.biaya || (cost == h.biaya && cnt < h.n)))
		{
			h.biaya = cost;
			h.n = cnt;
		}
		/* next vector (odometer) */
		for (i = 0; i < n; i++)
		{
			if (v[i] < plafon[a + i])
			{
				v[i]++;
				break;
			}
			v[i] = skor[a + i];
		}
		if (i == n)
			break;
	}
	return h;
}

static int
class_rank_ok(const kkb_saran_result *r)
{
	for (int i = 1; i < r->ntarget; i++)
		if (r->target[i].langkah < r->target[i - 1].langkah)
			return 0;
	return 1;
}

static void
test_property(long ndocs)
{
	static const int pat[4][4] = {	/* class, input, process, output */
		{KKB_KELAS_BERKEMBANG, 1, 1, 0}, {KKB_KELAS_MANDIRI, 1, 0, 1},
		{KKB_KELAS_MANDIRI, 0, 1, 1}, {KKB_KELAS_BERKELANJUTAN, 1, 1, 1}};
	static const int ga[3] = {0, 5, 8}, gn[3] = {5, 3, 4};
	long		bad_plafon = 0,
				bad_set = 0,
				bad_langkah = 0,
				bad_n = 0,
				bad_kelas = 0,
				bad_valid = 0,
				bad_turun = 0,
				bad_ubah = 0,
				bad_urut = 0,
				bad_rencana = 0,
				targets = 0,
				lompat = 0;
	long		per_kelas[5] = {0};

	for (long doc = 0; doc < ndocs; doc++)
	{
		kkb_klas_input d;
		kkb_klas_result now;
		kkb_saran_result r;
		int			plafon[KKB_KLAS_NSKOR];
		grup_hasil	g[3];

		gen(&d);
		if (kkb_klas_compute(&d, &now, NULL) != KKB_KLAS_OK)
		{
			bad_valid++;
			continue;
		}
		per_kelas[now.kelas]++;
		kkb_saran_compute(&d, &r, NULL);
		plafon_sendiri(&d, plafon);
		for (int s = 0; s < KKB_KLAS_NSKOR; s++)
			if (plafon[s] != r.plafon[s])
			{
				if (bad_plafon++ < 3)
					printf("# document %ld: ceiling of %s: advisor %d, test %d\n", doc, kkb_klas_skor_name(s), r.plafon[s], plafon[s]);
			}
		for (int i = 0; i < 3; i++)
			g[i] = cari_grup(now.skor, plafon, ga[i], gn[i]);
		if (!class_rank_ok(&r))
			bad_urut++;

		for (int kelas = KKB_KELAS_BERKEMBANG; kelas <= KKB_KELAS_BERKELANJUTAN; kelas++)
		{
			int			best = -1,
						best_n = 0;
			const kkb_saran_target *t = NULL;

			if (kelas <= now.kelas)
				continue;
			for (int p = 0; p < 4; p++)
			{
				int			cost = 0,
							cnt = 0,
							feasible = 1;

				if (pat[p][0] != kelas)
					continue;
				for (int i = 0; i < 3; i++)
				{
					if (pat[p][1 + i])
					{
						if (g[i].biaya < 0)
							feasible = 0;
						cost += g[i].biaya;
						cnt += g[i].n;
					}
					else if (g[i].met_now)
						feasible = 0;
				}
				if (feasible && (best < 0 || cost < best || (cost == best && cnt < best_n)))
				{
					best = cost;
					best_n = cnt;
				}
			}
			for (int i = 0; i < r.ntarget; i++)
				if (r.target[i].kelas == kelas)
					t = &r.target[i];
			if ((best >= 0) != (t != NULL))
			{
				if (bad_set++ < 3)
					printf("# document %ld: class %s reachable: test %s, advisor %s\n", doc,
						   kkb_klas_kelas_name(kelas), best >= 0 ? "yes" : "no", t ? "yes" : "no");
				continue;
			}
			if (t == NULL)
				continue;
			targets++;
			if (t->langkah != best && bad_langkah++ < 3)
				printf("# document %ld: %s in %d steps, test's minimum %d\n", doc, kkb_klas_kelas_name(kelas), t->langkah, best);
			if (t->nindikator != best_n && bad_n++ < 3)
				printf("# document %ld: %s changes %d indicators, test's fewest %d\n", doc, kkb_klas_kelas_name(kelas), t->nindikator, best_n);
			{
				kkb_klas_result after;
				int			naik = 0,
							planned = 0,
							changed = 0;

				if (kkb_klas_compute(&t->masukan, &after, NULL) != KKB_KLAS_OK)
				{
					bad_valid++;
					continue;
				}
				if (after.kelas != kelas && bad_kelas++ < 3)
					printf("# document %ld: changed document is %s, not %s\n", doc, after.klasifikasi, kkb_klas_kelas_name(kelas));
				for (int s = 0; s < KKB_KLAS_NSKOR; s++)
				{
					if (after.skor[s] < now.skor[s])
						bad_turun++;
					if (after.skor[s] < t->rencana[s])
						bad_rencana++;
					naik += after.skor[s] - now.skor[s];
					planned += t->rencana[s] - now.skor[s];
				}
				if (planned != t->langkah)
					bad_rencana++;
				if (naik > t->langkah)
					lompat++;
				/* the listed changes are exactly the keys that differ */
				for (int k = 0; k < KKB_KLAS_NKEYS; k++)
				{
					const kkb_saran_ubah *u = find_change(t, k);
					int			differs = t->masukan.present[k] != d.present[k] ||
						(d.present[k] && t->masukan.value[k] != d.value[k]);

					changed += differs;
					if (differs != (u != NULL) ||
						(u && (u->ke != t->masukan.value[k] || u->dari_ada != d.present[k] ||
							   (u->dari_ada && u->dari != d.value[k]) ||
							   u->skor_dari != now.skor[u->skor] || u->skor_ke != after.skor[u->skor])))
					{
						if (bad_ubah++ < 3)
							printf("# document %ld: change of %s does not match the document\n", doc, kkb_klas_key_path(k));
					}
				}
				if (changed != t->nubah)
					bad_ubah++;
			}
		}
	}
	printf("# %ld documents: %ld Dasar, %ld Berkembang, %ld Mandiri, %ld Berkelanjutan; %ld targets, %ld realised above plan\n",
		   ndocs, per_kelas[1], per_kelas[2], per_kelas[3], per_kelas[4], targets, lompat);
	ok(per_kelas[1] > ndocs / 20 && per_kelas[2] > ndocs / 100 && per_kelas[3] > ndocs / 100 && per_kelas[4] > ndocs / 100,
	   "the generated documents cover every class");
	is_int(bad_valid, 0, "every generated and every changed document is valid");
	is_int(bad_plafon, 0, "the advisor's ceilings equal the test's all-levers-up document's scores");
	is_int(bad_set, 0, "the advisor offers exactly the classes the exhaustive search can reach");
	is_int(bad_langkah, 0, "each langkah equals the exhaustive minimum");
	is_int(bad_n, 0, "each plan changes the fewest indicators at that minimum");
	is_int(bad_kelas, 0, "each changed document gets its target class from the classification core");
	is_int(bad_turun, 0, "no score falls");
	is_int(bad_rencana, 0, "every planned score is reached, and the plan's steps add up to langkah");
	is_int(bad_ubah, 0, "the listed changes are exactly the changed keys, with before/after values and scores");
	is_int(bad_urut, 0, "targets are sorted by langkah");
}

int
main(int argc, char **argv)
{
	long		n = argc > 1 ? atol(argv[1]) : 30000;

	test_kosong();
	test_berkembang();
	test_mandiri();
	test_tanpa_pus();
	test_invalid();
	test_json_masukan();
	test_property(n);
	return done_testing();
}

/*
 * saran.c - the "what it takes" advisor: see saran.h for the rule.
 *
 * Two parts:
 *   the plan, in scores only: for each target class the groups (input, process, output)
 *   that must reach an index of 3.00 and those that must stay below; a group's cost is
 *   the fewest score steps that lift its index to 3.00 within the ceilings, and the
 *   steps go to the indicators with the most room first (fewest indicators changed);
 *   the realisation: the document changes behind each planned score, each checked with
 *   the classification core itself (kkb_klas_compute), so the advisor and the portal's
 *   rule cannot disagree about what a change does.
 */
#include "saran.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define KKB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define KKB_PRINTF(f, a)
#endif

/* The three groups of scores: first indicator and count (order of kkb_klas_skor). */
static const int grup_awal[KKB_KLAS_NINDEKS] = {KKB_SKOR_INPUT_POKJA, KKB_SKOR_PROSES_PENGGUNAAN_DATA, KKB_SKOR_OUTPUT_POKTAN};
static const int grup_n[KKB_KLAS_NINDEKS] = {5, 3, 4};

/*
 * Which groups a class needs met (1) and which it needs below 3.00 (0); a class has one
 * or two such patterns (KLASIFIKASI.md "Indices and class").
 */
static const struct
{
	int			kelas;
	int			met[KKB_KLAS_NINDEKS];
}			pola[] = {
	{KKB_KELAS_BERKEMBANG, {1, 1, 0}},
	{KKB_KELAS_MANDIRI, {1, 0, 1}},
	{KKB_KELAS_MANDIRI, {0, 1, 1}},
	{KKB_KELAS_BERKELANJUTAN, {1, 1, 1}},
};

/* The count key behind each input/process score that one number drives. */
static int
kunci_hitung(int skor)
{
	switch (skor)
	{
		case KKB_SKOR_INPUT_SUMBER_DANA:
			return KKB_KEY_SUMBER_DANA;
		case KKB_SKOR_INPUT_POKTAN:
			return KKB_KEY_POKTAN;
		case KKB_SKOR_INPUT_SARANA:
			return KKB_KEY_SARANA;
		case KKB_SKOR_PROSES_PENGGUNAAN_DATA:
			return KKB_KEY_PENGGUNAAN_DATA;
		case KKB_SKOR_PROSES_OPERASIONAL:
			return KKB_KEY_MEKANISME_OPERASIONAL;
		case KKB_SKOR_PROSES_LINTAS_SEKTOR:
			return KKB_KEY_INSTANSI_INTERVENSI;
		default:
			return -1;
	}
}

/* output_poktan's (participants, denominator) pairs, as in KLASIFIKASI.md */
static const int pasangan[5][2] = {
	{KKB_KEY_PESERTA_BKB, KKB_KEY_KELUARGA_BALITA},
	{KKB_KEY_PESERTA_BKR, KKB_KEY_KELUARGA_REMAJA},
	{KKB_KEY_PESERTA_BKL, KKB_KEY_KELUARGA_LANSIA},
	{KKB_KEY_PESERTA_UPPKA, KKB_KEY_KELUARGA},
	{KKB_KEY_PESERTA_PIKR, KKB_KEY_REMAJA},
};

/* short-acting methods users are moved from, in this order, when MKJP must rise */
static const int kb_pendek[3] = {KKB_KEY_KB_PIL, KKB_KEY_KB_SUNTIK, KKB_KEY_KB_KONDOM};
static const int kb_semua[7] = {KKB_KEY_KB_IUD, KKB_KEY_KB_MOW, KKB_KEY_KB_MOP, KKB_KEY_KB_KONDOM,
KKB_KEY_KB_IMPLAN, KKB_KEY_KB_SUNTIK, KKB_KEY_KB_PIL};
static const int kb_panjang[4] = {KKB_KEY_KB_IUD, KKB_KEY_KB_MOW, KKB_KEY_KB_MOP, KKB_KEY_KB_IMPLAN};

static int64_t
val(const kkb_klas_input *in, int k)
{
	return in->present[k] ? in->value[k] : 0;
}

/* Score `skor` of a document; 0 when the document is invalid (a change went out of range). */
static int
skor_dari(const kkb_klas_input *in, int skor)
{
	kkb_klas_result r;

	if (kkb_klas_compute(in, &r, NULL) != KKB_KLAS_OK)
		return 0;
	return r.skor[skor];
}

/* The changes of one target: which indicator each changed key serves. */
typedef struct
{
	kkb_klas_input doc;
	int			pemilik[KKB_KLAS_NKEYS];	/* kkb_klas_skor, -1 while unchanged */
} kerja;

static void
ubah(kerja *w, int key, int64_t v, int skor)
{
	kkb_klas_set(&w->doc, key, v);
	if (w->pemilik[key] < 0)
		w->pemilik[key] = skor;
}

/* input_pokja and input_pkb: booleans (and one count) switched on in a fixed order. */
static void
naik_urutan(kerja *w, int skor, int t, const int *keys, int nkeys)
{
	for (int i = 0; i < nkeys && skor_dari(&w->doc, skor) < t; i++)
	{
		if (val(&w->doc, keys[i]) <= 0)
			ubah(w, keys[i], 1, skor);
	}
}

/* A score one count drives: the smallest value reaching t, or the largest tried. */
static void
naik_hitung(kerja *w, int skor, int t)
{
	int			key = kunci_hitung(skor);
	int64_t		v = val(&w->doc, key);
	int64_t		kmax = kkb_klas_key_max(key);
	int64_t		nv;

	if (skor_dari(&w->doc, skor) >= t)
		return;
	for (nv = v + 1; nv <= kmax && nv <= v + 16; nv++)
	{
		kkb_klas_input c = w->doc;

		kkb_klas_set(&c, key, nv);
		if (skor_dari(&c, skor) >= t)
			break;
	}
	if (nv > kmax || nv > v + 16)
		nv--;
	if (nv > v)
		ubah(w, key, nv, skor);
}

/*
 * Smallest x in [lo, hi] with skor(doc with key = x) >= t, scores rising with x;
 * -1 when even hi does not reach t.
 */
static int64_t
cari_naik(const kkb_klas_input *doc, int key, int skor, int t, int64_t lo, int64_t hi)
{
	kkb_klas_input c = *doc;

	kkb_klas_set(&c, key, hi);
	if (skor_dari(&c, skor) < t)
		return -1;
	while (lo < hi)
	{
		int64_t		mid = lo + (hi - lo) / 2;

		kkb_klas_set(&c, key, mid);
		if (skor_dari(&c, skor) >= t)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* output_poktan: the fewest added participants of one programme, or pairs filled in turn. */
static void
naik_poktan(kerja *w, int t)
{
	const int	skor = KKB_SKOR_OUTPUT_POKTAN;
	int			best = -1;
	int64_t		best_x = 0,
				best_cost = 0;
	int			urut[5],
				n = 0;

	if (skor_dari(&w->doc, skor) >= t)
		return;
	for (int i = 0; i < 5; i++)
	{
		int			num = pasangan[i][0],
					den = pasangan[i][1];
		int64_t		lo,
					hi,
					x;

		if (!w->doc.present[den] || w->doc.value[den] <= 0)
			continue;
		urut[n++] = i;
		lo = val(&w->doc, num);
		hi = w->doc.value[den] > lo ? w->doc.value[den] : lo;
		x = cari_naik(&w->doc, num, skor, t, lo, hi);
		if (x >= 0 && (best < 0 || x - lo < best_cost))
		{
			best = i;
			best_x = x;
			best_cost = x - lo;
		}
	}
	if (best >= 0)
	{
		ubah(w, pasangan[best][0], best_x, skor);
		return;
	}
	/* no single programme is enough: fill the smallest denominators first */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && w->doc.value[pasangan[urut[j]][1]] < w->doc.value[pasangan[urut[j - 1]][1]]; j--)
		{
			int			s = urut[j];

			urut[j] = urut[j - 1];
			urut[j - 1] = s;
		}
	for (int i = 0; i < n && skor_dari(&w->doc, skor) < t; i++)
	{
		int			num = pasangan[urut[i]][0];
		int64_t		lo = val(&w->doc, num);
		int64_t		hi = w->doc.value[pasangan[urut[i]][1]];
		int64_t		x;

		if (hi <= lo)
			continue;
		x = cari_naik(&w->doc, num, skor, t, lo, hi);
		ubah(w, num, x >= 0 ? x : hi, skor);
	}
}

/* output_unmet: record it (0) when absent, else the fewest fewer of the larger key first. */
static void
naik_unmet(kerja *w, int t)
{
	const int	skor = KKB_SKOR_OUTPUT_UNMET;
	int			keys[2] = {KKB_KEY_TIDAK_KB_IAT, KKB_KEY_TIDAK_KB_TIAL};

	if (skor_dari(&w->doc, skor) >= t)
		return;
	if (!w->doc.present[keys[0]] && !w->doc.present[keys[1]])
	{
		ubah(w, keys[0], 0, skor);
		return;
	}
	if (val(&w->doc, keys[1]) > val(&w->doc, keys[0]))
	{
		keys[0] = KKB_KEY_TIDAK_KB_TIAL;
		keys[1] = KKB_KEY_TIDAK_KB_IAT;
	}
	for (int i = 0; i < 2 && skor_dari(&w->doc, skor) < t; i++)
	{
		int			k = keys[i];
		int64_t		lo = 0,
					hi = val(&w->doc, k);
		kkb_klas_input c = w->doc;

		if (!w->doc.present[k] || hi == 0)
			continue;
		/* largest x in [0, hi - 1] with the score reaching t (the score falls as x grows) */
		kkb_klas_set(&c, k, 0);
		if (skor_dari(&c, skor) < t)
		{
			ubah(w, k, 0, skor);
			continue;
		}
		hi--;
		while (lo < hi)
		{
			int64_t		mid = lo + (hi - lo + 1) / 2;

			kkb_klas_set(&c, k, mid);
			if (skor_dari(&c, skor) >= t)
				lo = mid;
			else
				hi = mid - 1;
		}
		ubah(w, k, lo, skor);
	}
}

/*
 * The document with d users added and long-acting users raised by dl: added users are
 * long-acting (kb_implan) first, the rest kb_pil; beyond the added ones, users move from
 * pil, suntik, kondom to kb_implan.  Owners: added pil -> CPR; implants -> MKJP when MKJP
 * must rise, else CPR; moved-from keys -> MKJP.
 */
static void
tambah_kb(kerja *w, const kkb_klas_input *awal, int64_t d, int64_t dl, bool mkjp_naik)
{
	int64_t		x = d < dl ? d : dl;
	int64_t		pindah = dl - x;

	w->doc = *awal;
	if (d - x > 0)
		ubah(w, KKB_KEY_KB_PIL, val(awal, KKB_KEY_KB_PIL) + (d - x), KKB_SKOR_OUTPUT_CPR);
	for (int i = 0; i < 3 && pindah > 0; i++)
	{
		int64_t		ada = val(&w->doc, kb_pendek[i]);
		int64_t		ambil = ada < pindah ? ada : pindah;

		if (ambil > 0)
		{
			ubah(w, kb_pendek[i], ada - ambil, KKB_SKOR_OUTPUT_MKJP);
			pindah -= ambil;
		}
	}
	if (dl > 0)
		ubah(w, KKB_KEY_KB_IMPLAN, val(awal, KKB_KEY_KB_IMPLAN) + dl,
			 mkjp_naik ? KKB_SKOR_OUTPUT_MKJP : KKB_SKOR_OUTPUT_CPR);
}

/* output_cpr to a and output_mkjp to b, together (see saran.h). */
static void
naik_kb(kerja *w, int a, int b)
{
	kkb_klas_input awal = w->doc;
	int			pemilik_awal[KKB_KLAS_NKEYS];
	int			cpr0 = skor_dari(&awal, KKB_SKOR_OUTPUT_CPR);
	int			mkjp0 = skor_dari(&awal, KKB_SKOR_OUTPUT_MKJP);
	int64_t		pus = val(&awal, KKB_KEY_PUS);
	int64_t		total = 0,
				panjang = 0,
				d = 0,
				dl = 0;

	if (b < mkjp0)
		b = mkjp0;
	for (int i = 0; i < 7; i++)
		total += val(&awal, kb_semua[i]);
	for (int i = 0; i < 4; i++)
		panjang += val(&awal, kb_panjang[i]);
	memcpy(pemilik_awal, w->pemilik, sizeof(pemilik_awal));

	/* CPR: the fewest added users (as pil; the MKJP step below may make them implants) */
	if (a > cpr0 && awal.present[KKB_KEY_PUS] && pus > 0)
	{
		int64_t		x = cari_naik(&awal, KKB_KEY_KB_PIL, KKB_SKOR_OUTPUT_CPR, a,
								  val(&awal, KKB_KEY_KB_PIL), val(&awal, KKB_KEY_KB_PIL) + pus);

		d = (x >= 0 ? x : val(&awal, KKB_KEY_KB_PIL) + pus) - val(&awal, KKB_KEY_KB_PIL);
	}
	/* MKJP: with no user at all, one is needed for a share to exist */
	if (b > mkjp0 && total + d == 0 && awal.present[KKB_KEY_PUS])
		d = 1;
	if (d == 0 && b <= mkjp0)
		return;

	/* the fewest long-acting users (added ones first, then moved ones) keeping MKJP >= b */
	{
		int64_t		lo = 0,
					hi = total + d - panjang;

		memcpy(w->pemilik, pemilik_awal, sizeof(pemilik_awal));
		tambah_kb(w, &awal, d, hi, b > mkjp0);
		if (skor_dari(&w->doc, KKB_SKOR_OUTPUT_MKJP) >= b)
		{
			while (lo < hi)
			{
				int64_t		mid = lo + (hi - lo) / 2;

				memcpy(w->pemilik, pemilik_awal, sizeof(pemilik_awal));
				tambah_kb(w, &awal, d, mid, b > mkjp0);
				if (skor_dari(&w->doc, KKB_SKOR_OUTPUT_MKJP) >= b)
					hi = mid;
				else
					lo = mid + 1;
			}
		}
		dl = hi;
	}
	memcpy(w->pemilik, pemilik_awal, sizeof(pemilik_awal));
	tambah_kb(w, &awal, d, dl, b > mkjp0);
}

/* Raise indicator skor of the work document to t (as far as it goes). */
static void
naik(kerja *w, int skor, int t)
{
	static const int pokja[3] = {KKB_KEY_POKJA_ADA, KKB_KEY_POKJA_TERLATIH, KKB_KEY_POKJA_ANGGOTA};
	static const int pkb[2] = {KKB_KEY_PKB_PENDAMPING, KKB_KEY_REGULASI};

	switch (skor)
	{
		case KKB_SKOR_INPUT_POKJA:
			naik_urutan(w, skor, t, pokja, 3);
			break;
		case KKB_SKOR_INPUT_PKB:
			naik_urutan(w, skor, t, pkb, 2);
			break;
		case KKB_SKOR_OUTPUT_POKTAN:
			naik_poktan(w, t);
			break;
		case KKB_SKOR_OUTPUT_UNMET:
			naik_unmet(w, t);
			break;
		case KKB_SKOR_OUTPUT_CPR:
			naik_kb(w, t, 0);
			break;
		case KKB_SKOR_OUTPUT_MKJP:
			naik_kb(w, 0, t);
			break;
		default:
			naik_hitung(w, skor, t);
			break;
	}
}

static void
kerja_init(kerja *w, const kkb_klas_input *in)
{
	w->doc = *in;
	for (int k = 0; k < KKB_KLAS_NKEYS; k++)
		w->pemilik[k] = -1;
}

int
kkb_saran_plafon(const kkb_klas_input *in, int skor)
{
	kerja		w;

	if (skor < 0 || skor >= KKB_KLAS_NSKOR)
		return 0;
	kerja_init(&w, in);
	naik(&w, skor, 4);
	return skor_dari(&w.doc, skor);
}

/* Is a group's index at least 3.00 with this sum of its scores? */
static bool
terpenuhi(int g, int sum)
{
	return kkb_klas_indeks_round(sum, grup_n[g]) >= 300;
}

/*
 * The planned scores of group g lifted to an index of 3.00: the fewest steps, given to
 * the indicators with most room first.  Returns the steps, -1 when the ceilings do not allow.
 */
static int
rencanakan(const kkb_saran_result *r, int g, int *rencana)
{
	int			a = grup_awal[g],
				n = grup_n[g];
	int			sum = 0,
				ruang = 0,
				d,
				sisa;
	int			urut[5];

	for (int i = 0; i < n; i++)
	{
		sum += r->skor[a + i];
		ruang += r->plafon[a + i] - r->skor[a + i];
		urut[i] = a + i;
	}
	for (d = 0; d <= ruang && !terpenuhi(g, sum + d); d++)
		;
	if (d > ruang)
		return -1;
	/* most room first; stable on the indicator order */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && r->plafon[urut[j]] - r->skor[urut[j]] > r->plafon[urut[j - 1]] - r->skor[urut[j - 1]]; j--)
		{
			int			s = urut[j];

			urut[j] = urut[j - 1];
			urut[j - 1] = s;
		}
	sisa = d;
	for (int i = 0; i < n && sisa > 0; i++)
	{
		int			room = r->plafon[urut[i]] - r->skor[urut[i]];
		int			take = room < sisa ? room : sisa;

		rencana[urut[i]] += take;
		sisa -= take;
	}
	return d;
}

/* Realise a plan: the changed document and the list of changed keys. */
static bool
wujudkan(const kkb_klas_input *in, const kkb_saran_result *r, kkb_saran_target *t)
{
	kerja		w;
	kkb_klas_result akhir;

	kerja_init(&w, in);
	for (int s = 0; s < KKB_KLAS_NSKOR; s++)
	{
		if (s == KKB_SKOR_OUTPUT_CPR || s == KKB_SKOR_OUTPUT_MKJP)
			continue;
		if (t->rencana[s] > r->skor[s])
			naik(&w, s, t->rencana[s]);
	}
	if (t->rencana[KKB_SKOR_OUTPUT_CPR] > r->skor[KKB_SKOR_OUTPUT_CPR] ||
		t->rencana[KKB_SKOR_OUTPUT_MKJP] > r->skor[KKB_SKOR_OUTPUT_MKJP])
		naik_kb(&w, t->rencana[KKB_SKOR_OUTPUT_CPR], t->rencana[KKB_SKOR_OUTPUT_MKJP]);

	if (kkb_klas_compute(&w.doc, &akhir, NULL) != KKB_KLAS_OK || akhir.kelas != t->kelas)
		return false;
	t->masukan = w.doc;
	t->nubah = 0;
	for (int s = 0; s < KKB_KLAS_NSKOR; s++)
		for (int k = 0; k < KKB_KLAS_NKEYS; k++)
		{
			kkb_saran_ubah *u;

			if (w.pemilik[k] != s)
				continue;
			if (w.doc.present[k] == in->present[k] && (!in->present[k] || w.doc.value[k] == in->value[k]))
				continue;
			u = &t->ubah[t->nubah++];
			u->skor = s;
			u->skor_dari = r->skor[s];
			u->skor_ke = akhir.skor[s];
			u->key = k;
			u->dari_ada = in->present[k];
			u->dari = in->present[k] ? in->value[k] : 0;
			u->ke = w.doc.value[k];
		}
	return true;
}

int
kkb_saran_compute(const kkb_klas_input *in, kkb_saran_result *out, kkb_klas_error *err)
{
	kkb_klas_result now;
	kkb_saran_result r;
	int			rc = kkb_klas_compute(in, &now, err);

	if (rc != KKB_KLAS_OK)
		return rc;
	memset(&r, 0, sizeof(r));
	r.kelas = now.kelas;
	for (int s = 0; s < KKB_KLAS_NSKOR; s++)
	{
		r.skor[s] = now.skor[s];
		r.plafon[s] = kkb_saran_plafon(in, s);
		if (r.plafon[s] < r.skor[s])
			r.plafon[s] = r.skor[s];
	}

	for (int kelas = KKB_KELAS_BERKEMBANG; kelas <= KKB_KELAS_BERKELANJUTAN; kelas++)
	{
		kkb_saran_target best;
		bool		found = false;

		if (kelas <= r.kelas)
			continue;
		for (size_t p = 0; p < sizeof(pola) / sizeof(pola[0]); p++)
		{
			kkb_saran_target t;
			int			langkah = 0;
			bool		ok = true;

			if (pola[p].kelas != kelas)
				continue;
			memset(&t, 0, sizeof(t));
			t.kelas = kelas;
			memcpy(t.rencana, r.skor, sizeof(t.rencana));
			for (int g = 0; g < KKB_KLAS_NINDEKS && ok; g++)
			{
				if (pola[p].met[g])
				{
					int			d = rencanakan(&r, g, t.rencana);

					ok = d >= 0;
					langkah += d;
				}
				else
					ok = !now.met[g];	/* it must stay below, and scores only rise */
			}
			if (!ok)
				continue;
			t.langkah = langkah;
			for (int s = 0; s < KKB_KLAS_NSKOR; s++)
				t.nindikator += t.rencana[s] > r.skor[s];
			if (found && (t.langkah > best.langkah ||
						  (t.langkah == best.langkah && t.nindikator >= best.nindikator)))
				continue;
			if (!wujudkan(in, &r, &t))
				continue;
			best = t;
			found = true;
		}
		if (found)
			r.target[r.ntarget++] = best;
	}

	/* cheapest first; a lower class first among equals */
	for (int i = 1; i < r.ntarget; i++)
		for (int j = i; j > 0 && r.target[j].langkah < r.target[j - 1].langkah; j--)
		{
			kkb_saran_target s = r.target[j];

			r.target[j] = r.target[j - 1];
			r.target[j - 1] = s;
		}
	*out = r;
	return KKB_KLAS_OK;
}

/* ------------------------------------------------------------------------- */
/* JSON                                                                      */
/* ------------------------------------------------------------------------- */

typedef struct
{
	char	   *buf;
	size_t		size;
	size_t		len;
} teks;

static void tulis(teks *o, const char *fmt,...) KKB_PRINTF(2, 3);

static void
tulis(teks *o, const char *fmt,...)
{
	va_list		ap;
	size_t		room = o->len < o->size ? o->size - o->len : 0;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t) n;
}

static void
tulis_nilai(teks *o, int key, bool ada, int64_t v)
{
	if (!ada)
		tulis(o, "null");
	else if (kkb_klas_key_is_bool(key))
		tulis(o, "%s", v ? "true" : "false");
	else
		tulis(o, "%lld", (long long) v);
}

static void
tulis_masukan(teks *o, const kkb_klas_input *in)
{
	bool		pertama = true;

	tulis(o, "{");
	for (int g = KKB_GROUP_ROOT; g <= KKB_GROUP_KKBPK; g++)
	{
		bool		isi_pertama = true;

		if (g == KKB_GROUP_PENDUDUK && !in->penduduk)
			continue;
		if (g == KKB_GROUP_KKBPK && !in->kkbpk)
			continue;
		if (g != KKB_GROUP_ROOT)
		{
			tulis(o, "%s\"%s\": {", pertama ? "" : ", ", kkb_klas_group_name(g));
			pertama = false;
		}
		for (int k = 0; k < KKB_KLAS_NKEYS; k++)
		{
			bool	   *first = g == KKB_GROUP_ROOT ? &pertama : &isi_pertama;

			if (kkb_klas_key_group(k) != g || !in->present[k])
				continue;
			tulis(o, "%s\"%s\": ", *first ? "" : ", ", kkb_klas_key_name(k));
			tulis_nilai(o, k, true, in->value[k]);
			*first = false;
		}
		if (g != KKB_GROUP_ROOT)
			tulis(o, "}");
	}
	tulis(o, "}");
}

size_t
kkb_klas_input_format_json(const kkb_klas_input *in, char *buf, size_t size)
{
	teks		o = {buf, size, 0};

	if (size > 0)
		buf[0] = '\0';
	tulis_masukan(&o, in);
	return o.len;
}

size_t
kkb_saran_format_json(const kkb_saran_result *r, char *buf, size_t size)
{
	teks		o = {buf, size, 0};

	if (size > 0)
		buf[0] = '\0';
	tulis(&o, "{\"klasifikasi\": \"%s\", \"saran\": [", kkb_klas_kelas_name(r->kelas));
	for (int i = 0; i < r->ntarget; i++)
	{
		const kkb_saran_target *t = &r->target[i];

		tulis(&o, "%s{\"kelas\": \"%s\", \"langkah\": %d, \"indikator\": %d, \"perubahan\": [",
			  i ? ", " : "", kkb_klas_kelas_name(t->kelas), t->langkah, t->nindikator);
		for (int j = 0; j < t->nubah; j++)
		{
			const kkb_saran_ubah *u = &t->ubah[j];

			tulis(&o, "%s{\"indikator\": \"%s\", \"skor_dari\": %d, \"skor_ke\": %d, \"kunci\": \"%s\", \"dari\": ",
				  j ? ", " : "", kkb_klas_skor_name(u->skor), u->skor_dari, u->skor_ke, kkb_klas_key_path(u->key));
			tulis_nilai(&o, u->key, u->dari_ada, u->dari);
			tulis(&o, ", \"ke\": ");
			tulis_nilai(&o, u->key, true, u->ke);
			tulis(&o, "}");
		}
		tulis(&o, "], \"masukan\": ");
		tulis_masukan(&o, &t->masukan);
		tulis(&o, "}");
	}
	tulis(&o, "]}");
	return o.len;
}

/*
 * klasifikasi.c - the Kampung KB village classification (the national portal's rule).
 *
 * Pure C11, no PostgreSQL headers, no allocation, no mutable globals: see
 * klasifikasi.h for the contract of every exported function and
 * docs/KLASIFIKASI.md for the rule itself, which this file follows line by line.
 */
#include "klasifikasi.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define KKB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define KKB_PRINTF(f, a)
#endif

/* One input key: its name, its object and its largest valid value (1: boolean). */
typedef struct key_info
{
	const char *name;
	const char *path;
	int			group;
	bool		is_bool;
	int64_t		max;
} key_info;

#define ROOT_B(n) {n, n, KKB_GROUP_ROOT, true, 1}
#define ROOT_N(n, m) {n, n, KKB_GROUP_ROOT, false, m}
#define PEND(n) {n, "penduduk." n, KKB_GROUP_PENDUDUK, false, KKB_KLAS_COUNT_MAX}
#define KKBPK(n) {n, "kkbpk." n, KKB_GROUP_KKBPK, false, KKB_KLAS_COUNT_MAX}

/* Indexed by kkb_klas_key; the ranges are the ones of klasifikasi.h. */
static const key_info keys[KKB_KLAS_NKEYS] = {
	ROOT_B("pokja_ada"),
	ROOT_N("pokja_anggota", KKB_KLAS_COUNT_MAX),
	ROOT_B("pokja_terlatih"),
	ROOT_N("sumber_dana", 6),
	ROOT_N("poktan", 8),
	ROOT_N("sarana", 2),
	ROOT_B("pkb_pendamping"),
	ROOT_B("regulasi"),
	ROOT_N("penggunaan_data", 5),
	ROOT_N("mekanisme_operasional", 5),
	ROOT_N("instansi_intervensi", KKB_KLAS_COUNT_MAX),
	PEND("pus"),
	PEND("keluarga"),
	PEND("remaja"),
	PEND("keluarga_balita"),
	PEND("keluarga_remaja"),
	PEND("keluarga_lansia"),
	KKBPK("peserta_bkb"),
	KKBPK("peserta_bkr"),
	KKBPK("peserta_bkl"),
	KKBPK("peserta_uppka"),
	KKBPK("peserta_pikr"),
	KKBPK("kb_iud"),
	KKBPK("kb_mow"),
	KKBPK("kb_mop"),
	KKBPK("kb_kondom"),
	KKBPK("kb_implan"),
	KKBPK("kb_suntik"),
	KKBPK("kb_pil"),
	KKBPK("tidak_kb_hamil"),
	KKBPK("tidak_kb_ingin_segera"),
	KKBPK("tidak_kb_iat"),
	KKBPK("tidak_kb_tial"),
};

static const char *const skor_names[KKB_KLAS_NSKOR] = {
	"input_pokja", "input_sumber_dana", "input_poktan", "input_sarana", "input_pkb",
	"proses_penggunaan_data", "proses_operasional", "proses_lintas_sektor",
	"output_poktan", "output_cpr", "output_mkjp", "output_unmet"
};
static const char *const persen_names[KKB_KLAS_NPERSEN] = {"poktan", "cpr", "mkjp", "unmet"};
static const char *const indeks_names[KKB_KLAS_NINDEKS] = {"indeks_input", "indeks_proses", "indeks_output"};
static const char *const kelas_names[] = {NULL, "Dasar", "Berkembang", "Mandiri", "Berkelanjutan"};

/* ------------------------------------------------------------------------- */
/* Keys                                                                        */
/* ------------------------------------------------------------------------- */

static bool
key_valid(int key)
{
	return key >= 0 && key < KKB_KLAS_NKEYS;
}

void
kkb_klas_input_init(kkb_klas_input *in)
{
	memset(in, 0, sizeof(*in));
}

void
kkb_klas_set(kkb_klas_input *in, int key, int64_t v)
{
	if (!key_valid(key))
		return;
	in->present[key] = true;
	in->value[key] = v;
	if (keys[key].group == KKB_GROUP_PENDUDUK)
		in->penduduk = true;
	else if (keys[key].group == KKB_GROUP_KKBPK)
		in->kkbpk = true;
}

const char *
kkb_klas_key_name(int key)
{
	return key_valid(key) ? keys[key].name : NULL;
}

const char *
kkb_klas_key_path(int key)
{
	return key_valid(key) ? keys[key].path : NULL;
}

int
kkb_klas_key_group(int key)
{
	return key_valid(key) ? keys[key].group : -1;
}

bool
kkb_klas_key_is_bool(int key)
{
	return key_valid(key) && keys[key].is_bool;
}

int64_t
kkb_klas_key_max(int key)
{
	return key_valid(key) ? keys[key].max : -1;
}

bool
kkb_klas_value_ok(int key, int64_t v)
{
	return key_valid(key) && v >= 0 && v <= keys[key].max;
}

const char *
kkb_klas_group_name(int group)
{
	switch (group)
	{
		case KKB_GROUP_ROOT:
			return "";
		case KKB_GROUP_PENDUDUK:
			return "penduduk";
		case KKB_GROUP_KKBPK:
			return "kkbpk";
		default:
			return NULL;
	}
}

/* ------------------------------------------------------------------------- */
/* Errors                                                                      */
/* ------------------------------------------------------------------------- */

size_t
kkb_klas_describe(int key, char *buf, size_t size)
{
	int			n;

	if (!key_valid(key))
	{
		if (size > 0)
			buf[0] = '\0';
		return 0;
	}
	if (keys[key].is_bool)
		n = snprintf(buf, size, "\"%s\" must be true or false, or null when not recorded.", keys[key].path);
	else
		n = snprintf(buf, size, "\"%s\" must be a whole number from 0 to %" PRId64 ", or null when not recorded.",
					 keys[key].path, keys[key].max);
	return n < 0 ? 0 : (size_t) n;
}

static int	set_error(kkb_klas_error *err, int code, int key, const char *fmt,...) KKB_PRINTF(4, 5);

/* Fill *err (when not NULL) and return code. */
static int
set_error(kkb_klas_error *err, int code, int key, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return code;
	err->code = code;
	err->key = key;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
	va_end(ap);
	return code;
}

int
kkb_klas_validate(const kkb_klas_input *in, kkb_klas_error *err)
{
	for (int k = 0; k < KKB_KLAS_NKEYS; k++)
	{
		if (!in->present[k])
			continue;
		if ((keys[k].group == KKB_GROUP_PENDUDUK && !in->penduduk) ||
			(keys[k].group == KKB_GROUP_KKBPK && !in->kkbpk))
			return set_error(err, KKB_KLAS_E_ORPHAN, k, "\"%s\" is recorded without its object \"%s\".",
							 keys[k].path, kkb_klas_group_name(keys[k].group));
		if (!kkb_klas_value_ok(k, in->value[k]))
		{
			if (err != NULL)
			{
				err->code = KKB_KLAS_E_RANGE;
				err->key = k;
				kkb_klas_describe(k, err->detail, sizeof(err->detail));
			}
			return KKB_KLAS_E_RANGE;
		}
	}
	if (err != NULL)
	{
		err->code = KKB_KLAS_OK;
		err->key = -1;
		err->detail[0] = '\0';
	}
	return KKB_KLAS_OK;
}

/* ------------------------------------------------------------------------- */
/* Names                                                                       */
/* ------------------------------------------------------------------------- */

const char *
kkb_klas_skor_name(int i)
{
	return i >= 0 && i < KKB_KLAS_NSKOR ? skor_names[i] : NULL;
}

const char *
kkb_klas_persen_name(int i)
{
	return i >= 0 && i < KKB_KLAS_NPERSEN ? persen_names[i] : NULL;
}

const char *
kkb_klas_indeks_name(int i)
{
	return i >= 0 && i < KKB_KLAS_NINDEKS ? indeks_names[i] : NULL;
}

const char *
kkb_klas_kelas_name(int kelas)
{
	return kelas >= KKB_KELAS_DASAR && kelas <= KKB_KELAS_BERKELANJUTAN ? kelas_names[kelas] : NULL;
}

/* ------------------------------------------------------------------------- */
/* Arithmetic                                                                  */
/* ------------------------------------------------------------------------- */

int64_t
kkb_klas_pct(int64_t a, int64_t b)
{
	/*
	 * Two separate statements and a volatile intermediate: the quotient must be
	 * rounded to double before the multiplication, exactly as PostgreSQL's float8div
	 * then float8mul do (no fused or extended-precision evaluation).  That rounding
	 * is what makes 23/40 give 57.
	 */
	volatile double q;
	double		r;

	if (b == 0)
		return 0;
	q = (double) a / (double) b;
	r = rint(q * 100.0);
	/* outside the documented domain: saturate rather than convert out of range */
	if (!(r > -9.2e18 && r < 9.2e18))
		return r < 0 ? INT64_MIN : INT64_MAX;
	return (int64_t) r;
}

int
kkb_klas_indeks_round(int sum, int n)
{
	/* floor(100 * sum / n + 1/2) == floor((200 * sum + n) / (2 * n)) for sum >= 0 */
	if (n <= 0 || sum < 0 || sum > 1000000)
		return -1;
	return (int) (((int64_t) 200 * sum + n) / ((int64_t) 2 * n));
}

/* ------------------------------------------------------------------------- */
/* Scores                                                                      */
/* ------------------------------------------------------------------------- */

/* value of key k, 0 when not recorded (a missing count counts 0, a missing bool false) */
static int64_t
val(const kkb_klas_input *in, int k)
{
	return in->present[k] ? in->value[k] : 0;
}

/* input_pokja: 1 no pokja; 4 members and trained; 3 one of them; 2 pokja only */
static int
score_pokja(const kkb_klas_input *in)
{
	bool		anggota = val(in, KKB_KEY_POKJA_ANGGOTA) > 0;
	bool		terlatih = val(in, KKB_KEY_POKJA_TERLATIH) != 0;

	if (val(in, KKB_KEY_POKJA_ADA) == 0)
		return 1;
	if (anggota && terlatih)
		return 4;
	if (anggota || terlatih)
		return 3;
	return 2;
}

/*
 * Band of v on ascending lower bounds: 1 below b2, 2 from b2, 3 from b3, 4 from b4
 * (b4 < 0: no band 4).
 */
static int
band(int64_t v, int64_t b2, int64_t b3, int64_t b4)
{
	if (b4 >= 0 && v >= b4)
		return 4;
	if (v >= b3)
		return 3;
	if (v >= b2)
		return 2;
	return 1;
}

/* The five (numerator, denominator) pairs of output_poktan. */
static const int poktan_pairs[5][2] = {
	{KKB_KEY_PESERTA_BKB, KKB_KEY_KELUARGA_BALITA},
	{KKB_KEY_PESERTA_BKR, KKB_KEY_KELUARGA_REMAJA},
	{KKB_KEY_PESERTA_BKL, KKB_KEY_KELUARGA_LANSIA},
	{KKB_KEY_PESERTA_UPPKA, KKB_KEY_KELUARGA},
	{KKB_KEY_PESERTA_PIKR, KKB_KEY_REMAJA},
};

static const int kb_keys[7] = {
	KKB_KEY_KB_IUD, KKB_KEY_KB_MOW, KKB_KEY_KB_MOP, KKB_KEY_KB_KONDOM,
	KKB_KEY_KB_IMPLAN, KKB_KEY_KB_SUNTIK, KKB_KEY_KB_PIL
};

/* long-acting methods (metode kontrasepsi jangka panjang) */
static const int mkjp_keys[4] = {KKB_KEY_KB_IUD, KKB_KEY_KB_MOW, KKB_KEY_KB_MOP, KKB_KEY_KB_IMPLAN};

static void
set_persen(kkb_klas_result *r, int i, bool is_null, int64_t v)
{
	r->persen_null[i] = is_null;
	r->persen[i] = is_null ? 0 : v;
}

/* output_poktan: participation average over the pairs whose denominator is recorded */
static void
output_poktan(const kkb_klas_input *in, kkb_klas_result *r)
{
	bool		any = false;
	int64_t		sum = 0,
				p;

	for (int i = 0; i < 5; i++)
	{
		int64_t		den;

		if (!in->present[poktan_pairs[i][1]])
			continue;
		any = true;
		den = in->value[poktan_pairs[i][1]];
		if (den > 0)
			sum += kkb_klas_pct(val(in, poktan_pairs[i][0]), den);
	}

	/*
	 * round_half_even(sum / 5): sum is a non-negative integer, so sum / 5 ends in .0,
	 * .2, .4, .6 or .8 and never ties; rounding to nearest is (sum + 2) / 5.  Always
	 * divided by 5, however many pairs were recorded.
	 */
	p = any ? (sum + 2) / 5 : 0;
	set_persen(r, KKB_PERSEN_POKTAN, !any, p);
	/* p<10 -> 1, 10..20 -> 2, 21..30 -> 3, >30 -> 4 */
	r->skor[KKB_SKOR_OUTPUT_POKTAN] = band(p, 10, 21, 31);
}

/* output_cpr, output_mkjp and output_unmet */
static void
output_kb(const kkb_klas_input *in, kkb_klas_result *r)
{
	bool		has_pus = in->present[KKB_KEY_PUS];
	int64_t		pus = val(in, KKB_KEY_PUS);
	int64_t		total = 0,
				mkjp = 0;
	bool		any_mkjp = false;
	bool		has_unmet;

	for (int i = 0; i < 7; i++)
		total += val(in, kb_keys[i]);
	for (int i = 0; i < 4; i++)
	{
		mkjp += val(in, mkjp_keys[i]);
		any_mkjp = any_mkjp || in->present[mkjp_keys[i]];
	}

	/* cpr: needs pus; without the report the total is unknown (score 1) */
	if (!has_pus)
	{
		set_persen(r, KKB_PERSEN_CPR, true, 0);
		r->skor[KKB_SKOR_OUTPUT_CPR] = 1;
	}
	else if (!in->kkbpk)
	{
		/* portal quirk: pus = 0 shows 0 even without a report, pus > 0 shows null */
		set_persen(r, KKB_PERSEN_CPR, pus > 0, 0);
		r->skor[KKB_SKOR_OUTPUT_CPR] = 1;
	}
	else
	{
		int64_t		c = pus > 0 ? kkb_klas_pct(total, pus) : 0;

		set_persen(r, KKB_PERSEN_CPR, false, c);
		/* c<30 -> 1, 30..40 -> 2, 41..50 -> 3, >50 -> 4 */
		r->skor[KKB_SKOR_OUTPUT_CPR] = band(c, 30, 41, 51);
	}

	/* mkjp: needs pus (any value, even 0); no report or total 0 -> 0 */
	if (!has_pus)
	{
		set_persen(r, KKB_PERSEN_MKJP, true, 0);
		r->skor[KKB_SKOR_OUTPUT_MKJP] = 1;
	}
	else
	{
		int64_t		m = (in->kkbpk && total > 0) ? kkb_klas_pct(mkjp, total) : 0;

		/* portal quirk: null when users exist but none of the four methods is recorded */
		set_persen(r, KKB_PERSEN_MKJP, in->kkbpk && total > 0 && !any_mkjp, m);
		/* m<20 -> 1, 20..22 -> 2, 23..24 -> 3, >24 -> 4 */
		r->skor[KKB_SKOR_OUTPUT_MKJP] = band(m, 20, 23, 25);
	}

	/* unmet: only when the report has IAT or TIAL (even 0) */
	has_unmet = in->kkbpk && (in->present[KKB_KEY_TIDAK_KB_IAT] || in->present[KKB_KEY_TIDAK_KB_TIAL]);
	if (!has_unmet)
	{
		set_persen(r, KKB_PERSEN_UNMET, true, 0);
		r->skor[KKB_SKOR_OUTPUT_UNMET] = 1;
	}
	else
	{
		/* "surprising but true": pus missing or 0 gives u = 0, the best score */
		int64_t		u = (has_pus && pus > 0)
			? kkb_klas_pct(val(in, KKB_KEY_TIDAK_KB_IAT) + val(in, KKB_KEY_TIDAK_KB_TIAL), pus)
			: 0;

		set_persen(r, KKB_PERSEN_UNMET, false, u);
		/* u>=13 -> 1, 10..12 -> 2, 7..9 -> 3, <=6 -> 4 (lower is better) */
		r->skor[KKB_SKOR_OUTPUT_UNMET] = 5 - band(u, 7, 10, 13);
	}
}

int
kkb_klas_compute(const kkb_klas_input *in, kkb_klas_result *out, kkb_klas_error *err)
{
	kkb_klas_result r;
	int			rc = kkb_klas_validate(in, err);
	int			sum,
				nmet;

	if (rc != KKB_KLAS_OK)
		return rc;
	memset(&r, 0, sizeof(r));

	/* input */
	r.skor[KKB_SKOR_INPUT_POKJA] = score_pokja(in);
	/* 0 -> 1, 1 -> 2, 2..4 -> 3, >4 -> 4 */
	r.skor[KKB_SKOR_INPUT_SUMBER_DANA] = band(val(in, KKB_KEY_SUMBER_DANA), 1, 2, 5);
	/* 0 -> 1, 1..2 -> 2, 3..4 -> 3, >4 -> 4 */
	r.skor[KKB_SKOR_INPUT_POKTAN] = band(val(in, KKB_KEY_POKTAN), 1, 3, 5);
	/* 0 -> 1, 1 -> 2, 2 -> 3 */
	r.skor[KKB_SKOR_INPUT_SARANA] = band(val(in, KKB_KEY_SARANA), 1, 2, -1);
	/* neither -> 1, exactly one -> 2, both -> 3 */
	r.skor[KKB_SKOR_INPUT_PKB] = 1 + (val(in, KKB_KEY_PKB_PENDAMPING) != 0) + (val(in, KKB_KEY_REGULASI) != 0);

	/* process */
	/* 0 -> 1, 1 -> 2, 2..3 -> 3, >3 -> 4 */
	r.skor[KKB_SKOR_PROSES_PENGGUNAAN_DATA] = band(val(in, KKB_KEY_PENGGUNAAN_DATA), 1, 2, 4);
	/* 0 -> 1, 1..2 -> 2, 3..4 -> 3, >4 -> 4 */
	r.skor[KKB_SKOR_PROSES_OPERASIONAL] = band(val(in, KKB_KEY_MEKANISME_OPERASIONAL), 1, 3, 5);
	/* 0 -> 1, 1..3 -> 2, 4..6 -> 3, >6 -> 4 */
	r.skor[KKB_SKOR_PROSES_LINTAS_SEKTOR] = band(val(in, KKB_KEY_INSTANSI_INTERVENSI), 1, 4, 7);

	/* output */
	output_poktan(in, &r);
	output_kb(in, &r);

	/* indices: round(sum / n, 2) */
	sum = 0;
	for (int i = KKB_SKOR_INPUT_POKJA; i <= KKB_SKOR_INPUT_PKB; i++)
		sum += r.skor[i];
	r.indeks[KKB_INDEKS_INPUT] = kkb_klas_indeks_round(sum, 5);
	sum = 0;
	for (int i = KKB_SKOR_PROSES_PENGGUNAAN_DATA; i <= KKB_SKOR_PROSES_LINTAS_SEKTOR; i++)
		sum += r.skor[i];
	r.indeks[KKB_INDEKS_PROSES] = kkb_klas_indeks_round(sum, 3);
	sum = 0;
	for (int i = KKB_SKOR_OUTPUT_POKTAN; i <= KKB_SKOR_OUTPUT_UNMET; i++)
		sum += r.skor[i];
	r.indeks[KKB_INDEKS_OUTPUT] = kkb_klas_indeks_round(sum, 4);

	/* class */
	nmet = 0;
	for (int i = 0; i < KKB_KLAS_NINDEKS; i++)
	{
		r.met[i] = r.indeks[i] >= 300;
		nmet += r.met[i];
	}
	if (nmet <= 1)
		r.kelas = KKB_KELAS_DASAR;
	else if (nmet == 3)
		r.kelas = KKB_KELAS_BERKELANJUTAN;
	else if (!r.met[KKB_INDEKS_OUTPUT])
		r.kelas = KKB_KELAS_BERKEMBANG;	/* input and proses */
	else
		r.kelas = KKB_KELAS_MANDIRI;	/* output and one of input/proses */
	r.klasifikasi = kelas_names[r.kelas];

	*out = r;
	return KKB_KLAS_OK;
}

/* ------------------------------------------------------------------------- */
/* Output document                                                             */
/* ------------------------------------------------------------------------- */

/* A bounded text buffer that keeps counting past its end (snprintf semantics). */
typedef struct outbuf
{
	char	   *buf;
	size_t		size;
	size_t		len;			/* length of the whole text so far */
} outbuf;

static void out_printf(outbuf *o, const char *fmt,...) KKB_PRINTF(2, 3);

static void
out_printf(outbuf *o, const char *fmt,...)
{
	va_list		ap;
	int			n;
	char	   *dst = NULL;
	size_t		room = 0;

	if (o->len < o->size)
	{
		dst = o->buf + o->len;
		room = o->size - o->len;
	}
	va_start(ap, fmt);
	n = vsnprintf(dst, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t) n;
}

size_t
kkb_klas_format_json(const kkb_klas_result *r, char *buf, size_t size)
{
	outbuf		o = {buf, size, 0};

	if (size > 0)
		buf[0] = '\0';
	out_printf(&o, "{\"skor\": {");
	for (int i = 0; i < KKB_KLAS_NSKOR; i++)
		out_printf(&o, "%s\"%s\": %d", i ? ", " : "", skor_names[i], r->skor[i]);
	out_printf(&o, "}, \"persentase\": {");
	for (int i = 0; i < KKB_KLAS_NPERSEN; i++)
	{
		if (r->persen_null[i])
			out_printf(&o, "%s\"%s\": null", i ? ", " : "", persen_names[i]);
		else
			out_printf(&o, "%s\"%s\": %" PRId64, i ? ", " : "", persen_names[i], r->persen[i]);
	}
	out_printf(&o, "}");
	for (int i = 0; i < KKB_KLAS_NINDEKS; i++)
	{
		int			h = r->indeks[i];

		/* indices are 100..400; the sign handling only keeps garbage printable */
		out_printf(&o, ", \"%s\": %s%d.%02d", indeks_names[i], h < 0 ? "-" : "",
				   (h < 0 ? -(h / 100) : h / 100), (h < 0 ? -(h % 100) : h % 100));
	}
	out_printf(&o, ", \"klasifikasi\": \"%s\"}",
			   kkb_klas_kelas_name(r->kelas) ? kkb_klas_kelas_name(r->kelas) : "");
	return o.len;
}

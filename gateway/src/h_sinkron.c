/*
 * h_sinkron.c - by-name bulk sync of a village's Rumah DataKu:
 *   POST /v1/desa/{kode}/keluarga     families, by (kode_desa, no_kk)
 *   POST /v1/desa/{kode}/anggota      members, by (kode_desa, nik)
 *   POST /v1/desa/{kode}/pengukuran   child measurements, by (kode_desa, nik, tanggal_ukur)
 *   POST /v1/desa/{kode}/peristiwa    vital events, by (kode_desa, ref): ref is the client's own id of
 *                                     the event (e.g. the phone app's UUID); id stays the database's
 *
 * The body is a JSON array of objects or CSV (Content-Type: text/csv, a
 * header row, UTF-8).  Rows are upserted by their natural key, set-based,
 * with one prepared statement per table over the whole batch:
 *
 *   WITH r AS (rows of jsonb_array_elements($2) WITH ORDINALITY, via jsonb_populate_record(NULL::kkb.<table>, ...))
 *   INSERT ... SELECT ... FROM r ORDER BY n
 *   ON CONFLICT (key) DO UPDATE SET ... WHERE (stored columns) IS DISTINCT FROM (sent columns)
 *   RETURNING key, xmax = 0       -> joined back to r for each written row's number
 *
 * so a row equal to what is stored updates nothing (no audit row) and counts
 * as ignored ("diabaikan"); a new row is imported ("diimpor"), a changed one
 * updated ("diperbarui").  The statement runs under a savepoint; when it
 * fails, the rows are split in halves and retried, down to the single rows
 * that fail, which are rejected ("ditolak": listed in "konflik" with the
 * 1-based data row, key, SQLSTATE or KKB code, message and column).  So a
 * rejected row never blocks the others, a clean batch costs one statement
 * (and one run of the statement-level audit and warning triggers), and k bad
 * rows about 2 k log2(n) statements.  A failure whose SQLSTATE errors.c
 * answers with 503 (connection lost, serialization failure), or with 500 on a
 * single row, fails the whole request instead.
 *
 * ?atomik=true: all or nothing (any rejected row -> nothing written, 422 with
 * the summary).  ?dry_run=true: everything runs, then rolls back.  A row's
 * kode_desa, when given, must be the village of the path; when absent it is
 * taken from the path.  Columns not listed for the table are refused per row
 * (JSON) or for the whole body (a CSV header).  The whole transaction runs
 * as the caller (tx.c): another village's pokja finds no village (404).
 *
 * Measurements are answered with what the database derived for each imported
 * or updated row ("hasil": age, z-scores, categories, stunting, flags).
 */
#include "routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "errors.h"
#include "metrics.h"
#include "request.h"
#include "tx.h"

#define NOT_FOUND "no such Kampung KB (or it is outside your scope)"

typedef struct tabel_sinkron
{
	const char *nama;
	const gw_stmt *upsert;		/* $1 village, $2 a JSON array of rows; answers (n, baru [, hasil]) */
	const char *const *kolom;	/* accepted columns (kode_desa included) */
	const char *const *kunci;	/* key columns shown in a conflict (besides kode_desa) */
	int			hasil;			/* the upsert answers derived fields as a third column */
} tabel_sinkron;

/* The village must be visible to the caller (row-level security): 404 otherwise. */
static const gw_stmt st_desa = {
	"sinkron_desa",
	"SELECT 1 FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
	1
};

/* After a batch writing at least STATS_ROWS rows: kkb.segarkan_statistik (sql/install/55_statistik.sql). */
#define STATS_ROWS 500
static const gw_stmt st_statistik = {"sinkron_statistik", "SELECT kkb.segarkan_statistik()", 0};

/* ---------------------------------------------------------------- the tables */

/*
 * Every upsert takes $1 the village and $2 a JSON array of rows, and answers
 * (n, baru[, hasil]) for each row it wrote: n the row's 1-based place in $2,
 * baru whether it was inserted.  Rows it left alone (identical) answer
 * nothing.  The rows are inserted in the order sent.
 */
#define ROWS(table) \
	"WITH r AS MATERIALIZED (SELECT o.n, x.* FROM pg_catalog.jsonb_array_elements($2::jsonb) WITH ORDINALITY AS o(e, n)" \
	"      CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(NULL::kkb." table ", o.e) AS x)," \
	" u AS ("
#define FROM_ROWS \
	"   FROM kkb.kampung k CROSS JOIN r WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah ORDER BY r.n"

static const char *const kolom_keluarga[] = {
	"kode_desa", "no_kk", "rt", "rw", "alamat", "air_minum", "jamban", "tangki_septik", "lantai_tanah",
	"dinding_layak", "atap_layak", "miskin", NULL
};
static const char *const kunci_keluarga[] = {"no_kk", NULL};
static const gw_stmt st_keluarga = {
	"sinkron_keluarga",
	ROWS("keluarga")
	"INSERT INTO kkb.keluarga AS t (kode_desa, no_kk, rt, rw, alamat, air_minum, jamban, tangki_septik, lantai_tanah,"
	"                               dinding_layak, atap_layak, miskin)"
	" SELECT k.kode_desa, r.no_kk, r.rt, r.rw, r.alamat, r.air_minum, r.jamban, r.tangki_septik, r.lantai_tanah,"
	"        r.dinding_layak, r.atap_layak, coalesce(r.miskin, false)"
	FROM_ROWS
	" ON CONFLICT (kode_desa, no_kk) DO UPDATE SET rt = EXCLUDED.rt, rw = EXCLUDED.rw, alamat = EXCLUDED.alamat,"
	"    air_minum = EXCLUDED.air_minum, jamban = EXCLUDED.jamban, tangki_septik = EXCLUDED.tangki_septik,"
	"    lantai_tanah = EXCLUDED.lantai_tanah, dinding_layak = EXCLUDED.dinding_layak, atap_layak = EXCLUDED.atap_layak,"
	"    miskin = EXCLUDED.miskin"
	"  WHERE (t.rt, t.rw, t.alamat, t.air_minum, t.jamban, t.tangki_septik, t.lantai_tanah, t.dinding_layak,"
	"         t.atap_layak, t.miskin)"
	"        IS DISTINCT FROM (EXCLUDED.rt, EXCLUDED.rw, EXCLUDED.alamat, EXCLUDED.air_minum, EXCLUDED.jamban,"
	"         EXCLUDED.tangki_septik, EXCLUDED.lantai_tanah, EXCLUDED.dinding_layak, EXCLUDED.atap_layak, EXCLUDED.miskin)"
	" RETURNING t.no_kk, t.xmax = 0 AS baru)"
	" SELECT r.n, u.baru FROM u JOIN r ON r.no_kk OPERATOR(kkb.=) u.no_kk ORDER BY r.n",
	2
};

static const char *const kolom_anggota[] = {
	"kode_desa", "nik", "no_kk", "nama", "jenis_kelamin", "tanggal_lahir", "hubungan", "status_kawin", "pendidikan",
	"sekolah", "pekerjaan", "jaminan_kesehatan", "akta_lahir", "hamil", "kontrasepsi", "alasan_tidak_kb", NULL
};
static const char *const kunci_anggota[] = {"nik", NULL};
static const gw_stmt st_anggota = {
	"sinkron_anggota",
	ROWS("anggota")
	"INSERT INTO kkb.anggota AS t (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin,"
	"                              pendidikan, sekolah, pekerjaan, jaminan_kesehatan, akta_lahir, hamil, kontrasepsi,"
	"                              alasan_tidak_kb)"
	" SELECT k.kode_desa, r.nik, r.no_kk, r.nama, r.jenis_kelamin, r.tanggal_lahir, r.hubungan, r.status_kawin,"
	"        r.pendidikan, r.sekolah, r.pekerjaan, r.jaminan_kesehatan, r.akta_lahir, r.hamil, r.kontrasepsi,"
	"        r.alasan_tidak_kb"
	FROM_ROWS
	" ON CONFLICT (kode_desa, nik) DO UPDATE SET no_kk = EXCLUDED.no_kk, nama = EXCLUDED.nama,"
	"    jenis_kelamin = EXCLUDED.jenis_kelamin, tanggal_lahir = EXCLUDED.tanggal_lahir, hubungan = EXCLUDED.hubungan,"
	"    status_kawin = EXCLUDED.status_kawin, pendidikan = EXCLUDED.pendidikan, sekolah = EXCLUDED.sekolah,"
	"    pekerjaan = EXCLUDED.pekerjaan, jaminan_kesehatan = EXCLUDED.jaminan_kesehatan,"
	"    akta_lahir = EXCLUDED.akta_lahir, hamil = EXCLUDED.hamil, kontrasepsi = EXCLUDED.kontrasepsi,"
	"    alasan_tidak_kb = EXCLUDED.alasan_tidak_kb"
	"  WHERE (t.no_kk, t.nama, t.jenis_kelamin, t.tanggal_lahir, t.hubungan, t.status_kawin, t.pendidikan, t.sekolah,"
	"         t.pekerjaan, t.jaminan_kesehatan, t.akta_lahir, t.hamil, t.kontrasepsi, t.alasan_tidak_kb)"
	"        IS DISTINCT FROM (EXCLUDED.no_kk, EXCLUDED.nama, EXCLUDED.jenis_kelamin, EXCLUDED.tanggal_lahir,"
	"         EXCLUDED.hubungan, EXCLUDED.status_kawin, EXCLUDED.pendidikan, EXCLUDED.sekolah, EXCLUDED.pekerjaan,"
	"         EXCLUDED.jaminan_kesehatan, EXCLUDED.akta_lahir, EXCLUDED.hamil, EXCLUDED.kontrasepsi,"
	"         EXCLUDED.alasan_tidak_kb)"
	" RETURNING t.nik, t.xmax = 0 AS baru)"
	" SELECT r.n, u.baru FROM u JOIN r ON r.nik OPERATOR(kkb.=) u.nik ORDER BY r.n",
	2
};

static const char *const kolom_pengukuran[] = {
	"kode_desa", "nik", "tanggal_ukur", "berat_kg", "tinggi_cm", "cara_ukur", "oedema", "lila_cm", NULL
};
static const char *const kunci_pengukuran[] = {"nik", "tanggal_ukur", NULL};
static const gw_stmt st_pengukuran = {
	"sinkron_pengukuran",
	ROWS("pengukuran")
	"INSERT INTO kkb.pengukuran AS t (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur, oedema, lila_cm)"
	" SELECT k.kode_desa, r.nik, r.tanggal_ukur, r.berat_kg, r.tinggi_cm, r.cara_ukur, coalesce(r.oedema, false), r.lila_cm"
	FROM_ROWS
	" ON CONFLICT (kode_desa, nik, tanggal_ukur) DO UPDATE SET berat_kg = EXCLUDED.berat_kg,"
	"    tinggi_cm = EXCLUDED.tinggi_cm, cara_ukur = EXCLUDED.cara_ukur, oedema = EXCLUDED.oedema,"
	"    lila_cm = EXCLUDED.lila_cm"
	"  WHERE (t.berat_kg, t.tinggi_cm, t.cara_ukur, t.oedema, t.lila_cm)"
	"        IS DISTINCT FROM (EXCLUDED.berat_kg, EXCLUDED.tinggi_cm, EXCLUDED.cara_ukur, EXCLUDED.oedema, EXCLUDED.lila_cm)"
	" RETURNING t.nik, t.tanggal_ukur, t.xmax = 0 AS baru,"
	"   pg_catalog.jsonb_build_object('nik', t.nik::text, 'tanggal_ukur', t.tanggal_ukur, 'umur_hari', t.umur_hari,"
	"     'umur_bulan', t.umur_bulan, 'tinggi_koreksi_cm', t.tinggi_koreksi_cm, 'z_tbu', t.z_tbu, 'z_bbu', t.z_bbu,"
	"     'z_bbtb', t.z_bbtb, 'z_imtu', t.z_imtu, 'status_tbu', t.status_tbu, 'status_bbu', t.status_bbu,"
	"     'status_bbtb', t.status_bbtb, 'status_imtu', t.status_imtu, 'stunting', t.stunting, 'flags', t.flags)::text AS hasil)"
	" SELECT r.n, u.baru, u.hasil FROM u"
	"   JOIN r ON r.nik OPERATOR(kkb.=) u.nik AND r.tanggal_ukur OPERATOR(pg_catalog.=) u.tanggal_ukur ORDER BY r.n",
	2
};

/* id is the database's (GENERATED ALWAYS): a client names its events by ref */
static const char *const kolom_peristiwa[] = {
	"kode_desa", "ref", "jenis", "tanggal", "nik", "nik_ibu", "jenis_kelamin", "umur_hari", "kematian_ibu", "keterangan", NULL
};
static const char *const kunci_peristiwa[] = {"ref", NULL};
static const gw_stmt st_peristiwa = {
	"sinkron_peristiwa",
	ROWS("peristiwa")
	"INSERT INTO kkb.peristiwa AS t (kode_desa, ref, jenis, tanggal, nik, nik_ibu, jenis_kelamin, umur_hari, kematian_ibu,"
	"                                keterangan)"
	" SELECT k.kode_desa, r.ref, r.jenis, r.tanggal, r.nik, r.nik_ibu, r.jenis_kelamin, r.umur_hari,"
	"        coalesce(r.kematian_ibu, false), r.keterangan"
	FROM_ROWS
	" ON CONFLICT (kode_desa, ref) DO UPDATE SET jenis = EXCLUDED.jenis, tanggal = EXCLUDED.tanggal, nik = EXCLUDED.nik,"
	"    nik_ibu = EXCLUDED.nik_ibu, jenis_kelamin = EXCLUDED.jenis_kelamin, umur_hari = EXCLUDED.umur_hari,"
	"    kematian_ibu = EXCLUDED.kematian_ibu, keterangan = EXCLUDED.keterangan"
	"  WHERE (t.jenis, t.tanggal, t.nik, t.nik_ibu, t.jenis_kelamin, t.umur_hari, t.kematian_ibu, t.keterangan)"
	"        IS DISTINCT FROM (EXCLUDED.jenis, EXCLUDED.tanggal, EXCLUDED.nik, EXCLUDED.nik_ibu, EXCLUDED.jenis_kelamin,"
	"         EXCLUDED.umur_hari, EXCLUDED.kematian_ibu, EXCLUDED.keterangan)"
	" RETURNING t.ref, t.xmax = 0 AS baru)"
	" SELECT r.n, u.baru FROM u JOIN r ON r.ref OPERATOR(pg_catalog.=) u.ref ORDER BY r.n",
	2
};

static const tabel_sinkron tabel_keluarga = {"keluarga", &st_keluarga, kolom_keluarga, kunci_keluarga, 0};
static const tabel_sinkron tabel_anggota = {"anggota", &st_anggota, kolom_anggota, kunci_anggota, 0};
static const tabel_sinkron tabel_pengukuran = {"pengukuran", &st_pengukuran, kolom_pengukuran, kunci_pengukuran, 1};
static const tabel_sinkron tabel_peristiwa = {"peristiwa", &st_peristiwa, kolom_peristiwa, kunci_peristiwa, 0};

/* ---------------------------------------------------------------- one batch */

/* A row, prepared before the transaction: its JSON text, or why it is refused already. */
typedef struct baris
{
	char	   *teks;			/* the row as JSON (kode_desa removed), NULL when refused */
	json_t	   *kunci;			/* {key column: value} for the conflict list */
	const char *kode;			/* refusal: KKB code */
	char	   *pesan;			/* refusal: message (malloc'd) */
	char	   *kolom;			/* refusal: the column, or NULL (malloc'd) */
} baris;

typedef struct batch
{
	const tabel_sinkron *tabel;
	const char *desa;
	baris	   *rows;
	size_t		nrows;
	int			atomik;
	int			dry_run;
	int			csv;			/* the rows came from CSV */
} batch;

/* Village codes are equal when they are equal without their dots ("13.77.01.1001" = "1377011001"). */
static int
same_village(const char *a, const char *b)
{
	for (;;)
	{
		while (*a == '.')
			a++;
		while (*b == '.')
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

static int
in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static void
refuse(baris *b, const char *kode, const char *kolom, const char *fmt, const char *arg)
{
	char		msg[256];

	snprintf(msg, sizeof(msg), fmt, arg ? arg : "");
	b->kode = kode;
	b->kolom = kolom ? strdup(kolom) : NULL;
	b->pesan = strdup(msg);
}

/* Check one row in C (its shape, columns, village) and encode it for the database. */
static void
prepare_row(batch *bt, baris *b, json_t *row)
{
	const char *key;
	json_t	   *val;
	const char *const *k;

	b->kunci = json_object();
	if (bt->csv && json_is_string(row))
	{
		/* a CSV record the reader could not match to the header */
		refuse(b, "KKB-422", NULL, "%s", json_string_value(row));
		return;
	}
	if (!json_is_object(row))
	{
		refuse(b, "KKB-422", NULL, "a row must be a JSON object%s", NULL);
		return;
	}
	for (k = bt->tabel->kunci; *k; k++)
	{
		json_t	   *v = json_object_get(row, *k);

		json_object_set(b->kunci, *k, v ? v : json_null());
	}
	json_object_foreach(row, key, val)
	{
		if (!in_list(bt->tabel->kolom, key))
		{
			refuse(b, "KKB-422", key, "unknown column \"%.64s\"", key);
			return;
		}
	}
	val = json_object_get(row, "kode_desa");
	if (val && !json_is_null(val))
	{
		if (!json_is_string(val) || !same_village(json_string_value(val), bt->desa))
		{
			refuse(b, "KKB-422", "kode_desa", "the row's kode_desa is not the village of the path (%s)", bt->desa);
			return;
		}
	}
	json_object_del(row, "kode_desa");
	b->teks = json_dumps(row, JSON_COMPACT);
	if (b->teks == NULL)
		refuse(b, "KKB-500", NULL, "could not encode the row%s", NULL);
}

/*
 * The outcome being built, per row (reset on every run of the transaction
 * body, which tx.c may retry): counts, and each row's conflict or result, so
 * that the lists come out in row order whatever order the chunks ran in.
 */
typedef struct ringkasan
{
	long		diimpor,
				diperbarui,
				diabaikan,
				ditolak;
	json_t	  **konflik;		/* per row: its conflict, or NULL */
	json_t	  **hasil;			/* per row: what the database derived (measurements), or NULL */
	char	   *buf;			/* the JSON array of a chunk being sent */
	size_t		bufcap;
} ringkasan;

static void
add_conflict(ringkasan *s, size_t i, json_t *kunci, const char *kode, const char *pesan, const char *kolom)
{
	json_t	   *c = json_object();
	json_t	   *m = pesan ? json_string(pesan) : NULL;
	json_t	   *k = kolom ? json_string(kolom) : NULL;

	json_object_set_new(c, "baris", json_integer((json_int_t) i + 1));
	json_object_set(c, "kunci", kunci);
	json_object_set_new(c, "kode", json_string(kode));
	json_object_set_new(c, "pesan", m ? m : json_null());
	json_object_set_new(c, "kolom", k ? k : json_null());
	json_decref(s->konflik[i]);
	s->konflik[i] = c;
	s->ditolak++;
}

static json_t *
summary_doc(batch *bt, ringkasan *s)
{
	json_t	   *doc = json_object();
	json_t	   *konflik = json_array();
	size_t		i;

	for (i = 0; i < bt->nrows; i++)
		if (s->konflik[i])
			json_array_append(konflik, s->konflik[i]);
	json_object_set_new(doc, "diimpor", json_integer(s->diimpor));
	json_object_set_new(doc, "diperbarui", json_integer(s->diperbarui));
	json_object_set_new(doc, "diabaikan", json_integer(s->diabaikan));
	json_object_set_new(doc, "ditolak", json_integer(s->ditolak));
	json_object_set_new(doc, "konflik", konflik);
	if (bt->tabel->hasil)
	{
		json_t	   *hasil = json_array();

		for (i = 0; i < bt->nrows; i++)
			if (s->hasil[i])
				json_array_append(hasil, s->hasil[i]);
		json_object_set_new(doc, "hasil", hasil);
	}
	json_object_set_new(doc, "dry_run", json_boolean(bt->dry_run));
	json_object_set_new(doc, "atomik", json_boolean(bt->atomik));
	json_object_set_new(doc, "disimpan", json_boolean(!bt->dry_run && !(bt->atomik && s->ditolak > 0)));
	return doc;
}

/* Run a savepoint command; on failure the transaction fails (tx->error). */
static int
savepoint_cmd(gw_tx *tx, const char *sql)
{
	PGresult   *res = PQexec(tx->conn, sql);

	if (res && PQresultStatus(res) == PGRES_COMMAND_OK)
	{
		PQclear(res);
		return 0;
	}
	tx->error = res ? res : PQmakeEmptyPGresult(tx->conn, PGRES_FATAL_ERROR);
	return -1;
}

/* The rows idx[0..n) as one JSON array text in s->buf; -1 when out of memory. */
static int
chunk_text(batch *bt, ringkasan *s, const size_t *idx, size_t n)
{
	size_t		need = 3,
				i,
				len = 0;

	for (i = 0; i < n; i++)
		need += strlen(bt->rows[idx[i]].teks) + 1;
	if (need > s->bufcap)
	{
		char	   *nb = realloc(s->buf, need);

		if (nb == NULL)
			return -1;
		s->buf = nb;
		s->bufcap = need;
	}
	s->buf[len++] = '[';
	for (i = 0; i < n; i++)
	{
		size_t		l = strlen(bt->rows[idx[i]].teks);

		if (i > 0)
			s->buf[len++] = ',';
		memcpy(s->buf + len, bt->rows[idx[i]].teks, l);
		len += l;
	}
	s->buf[len++] = ']';
	s->buf[len] = '\0';
	return 0;
}

/*
 * Upsert the rows idx[0..n) in one statement under a savepoint.  When it
 * fails, roll back to the savepoint and split the rows in halves, down to the
 * single rows that fail: those are the conflicts.  So a clean batch costs one
 * statement (and one run of the statement-level audit triggers), and k bad
 * rows cost about 2 k log2(n) statements.  Returns 0, or -1 when the
 * transaction itself failed (tx->error: connection lost, serialization
 * failure, an error errors.c answers with 5xx on a single row).
 */
static int
upsert_chunk(gw_tx *tx, batch *bt, ringkasan *s, const size_t *idx, size_t n)
{
	const char *params[2];
	PGresult   *res;
	const char *sqlstate;
	int			retry,
				status;

	if (n == 0)
		return 0;
	if (chunk_text(bt, s, idx, n) < 0)
	{
		tx->error = PQmakeEmptyPGresult(tx->conn, PGRES_FATAL_ERROR);
		return -1;
	}
	if (savepoint_cmd(tx, "SAVEPOINT sinkron") < 0)
		return -1;
	params[0] = bt->desa;
	params[1] = s->buf;
	res = gw_db_exec_stmt(tx->conn, bt->tabel->upsert, params);
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
	{
		int			r;

		for (r = 0; r < PQntuples(res); r++)
		{
			long		k = atol(PQgetvalue(res, r, 0)) - 1;
			size_t		i;

			if (k < 0 || (size_t) k >= n)
				continue;		/* cannot happen: n comes from WITH ORDINALITY over the rows sent */
			i = idx[k];
			if (strcmp(PQgetvalue(res, r, 1), "t") == 0)
				s->diimpor++;
			else
				s->diperbarui++;
			if (bt->tabel->hasil && PQnfields(res) > 2 && !PQgetisnull(res, r, 2))
			{
				json_t	   *h = json_loads(PQgetvalue(res, r, 2), 0, NULL);

				if (h)
				{
					json_object_set_new(h, "baris", json_integer((json_int_t) i + 1));
					json_decref(s->hasil[i]);
					s->hasil[i] = h;
				}
			}
		}
		s->diabaikan += (long) n - PQntuples(res);
		PQclear(res);
		return savepoint_cmd(tx, "RELEASE SAVEPOINT sinkron");
	}

	sqlstate = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	status = gw_http_status_for_sqlstate(sqlstate, &retry);
	if (status == 503 || PQstatus(tx->conn) != CONNECTION_OK || (n == 1 && status >= 500))
	{
		/* not the data's fault: the whole request fails (and may be retried by tx.c) */
		tx->error = res;
		return -1;
	}
	if (n == 1)
	{
		size_t		i = idx[0];

		add_conflict(s, i, bt->rows[i].kunci, sqlstate, PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
					 PQresultErrorField(res, PG_DIAG_COLUMN_NAME));
		gw_metrics_db_error(0);
	}
	PQclear(res);
	if (savepoint_cmd(tx, "ROLLBACK TO SAVEPOINT sinkron; RELEASE SAVEPOINT sinkron") < 0)
		return -1;
	if (n == 1)
		return 0;
	/* some row of these failed: find it in each half */
	if (upsert_chunk(tx, bt, s, idx, n / 2) < 0)
		return -1;
	return upsert_chunk(tx, bt, s, idx + n / 2, n - n / 2);
}

/* Rows per statement at most (bounds the work redone when a chunk must be split). */
#define CHUNK_ROWS 1000

static int
batch_body(gw_tx *tx, void *arg)
{
	batch	   *bt = arg;
	ringkasan	s;
	const char *params[1];
	PGresult   *res;
	size_t	   *idx;
	size_t		i,
				n = 0,
				from;
	int			rc = -1;

	memset(&s, 0, sizeof(s));
	s.konflik = calloc(bt->nrows + 1, sizeof(json_t *));
	s.hasil = calloc(bt->nrows + 1, sizeof(json_t *));
	idx = calloc(bt->nrows + 1, sizeof(size_t));
	if (s.konflik == NULL || s.hasil == NULL || idx == NULL)
	{
		gw_reply_error(tx->req, 500, "KKB-500", "out of memory", NULL, NULL);
		goto done;
	}

	params[0] = bt->desa;
	res = gw_tx_exec(tx, &st_desa, params);
	if (res == NULL)
		goto done;
	if (PQntuples(res) == 0)
	{
		PQclear(res);
		gw_reply_error(tx->req, 404, "KKB-404", NOT_FOUND, NULL, NULL);
		goto done;
	}
	PQclear(res);

	/* rows refused already (shape, columns, village) are conflicts; the others go to the database */
	for (i = 0; i < bt->nrows; i++)
	{
		baris	   *b = &bt->rows[i];

		if (b->teks == NULL)
			add_conflict(&s, i, b->kunci, b->kode, b->pesan, b->kolom);
		else
			idx[n++] = i;
	}
	for (from = 0; from < n; from += CHUNK_ROWS)
		if (upsert_chunk(tx, bt, &s, idx + from, n - from < CHUNK_ROWS ? n - from : CHUNK_ROWS) < 0)
			goto done;

	if (bt->atomik && s.ditolak > 0)
	{
		gw_reply_json(tx->req, 422, summary_doc(bt, &s));
		goto done;				/* roll back */
	}
	if (!bt->dry_run && s.diimpor + s.diperbarui >= STATS_ROWS)
	{
		/* a big write may leave the planner's statistics far behind: refreshed when the table at least doubled */
		if ((res = gw_tx_exec(tx, &st_statistik, NULL)) == NULL)
			goto done;
		PQclear(res);
	}
	gw_reply_json(tx->req, 200, summary_doc(bt, &s));
	rc = bt->dry_run ? -1 : 0;	/* dry_run: roll back what ran */

done:
	for (i = 0; i < bt->nrows; i++)
	{
		if (s.konflik)
			json_decref(s.konflik[i]);
		if (s.hasil)
			json_decref(s.hasil[i]);
	}
	free(s.konflik);
	free(s.hasil);
	free(s.buf);
	free(idx);
	return rc;
}

/* "true"/"false"/"1"/"0", default false; -1 (answered 400) otherwise. */
static int
flag_arg(gw_request *req, const char *name, int *out)
{
	const char *v = gw_query_arg(req, name);

	*out = 0;
	if (v == NULL || strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
		return 0;
	if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0 || *v == '\0')
	{
		*out = 1;
		return 0;
	}
	gw_reply_bad_param(req, name, "invalid flag: expected true or false", NULL);
	return -1;
}

static void
sinkron(gw_request *req, const tabel_sinkron *tabel)
{
	batch		bt;
	json_t	   *rows = NULL;
	size_t		i;

	memset(&bt, 0, sizeof(bt));
	bt.tabel = tabel;
	bt.desa = req->params[0];
	/* by-name data belongs to the village (pokja) and administrators only */
	if (req->auth.role != GW_ROLE_POKJA && req->auth.role != GW_ROLE_ADMIN)
	{
		gw_reply_error(req, 403, "KKB-403", "this token may not write by-name data",
					   "Families, members, measurements and vital events are written by the village's pokja or an administrator.",
					   NULL);
		return;
	}
	if (flag_arg(req, "atomik", &bt.atomik) < 0 || flag_arg(req, "dry_run", &bt.dry_run) < 0)
		return;

	switch (gw_body_type(req))
	{
		case GW_BODY_JSON:
			{
				json_error_t err;

				if (req->body == NULL || req->body_len == 0)
				{
					gw_reply_error(req, 400, "KKB-400", "a body is required", NULL,
								   "Send the rows as a JSON array of objects, or as CSV with a header row.");
					return;
				}
				rows = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &err);
				if (rows == NULL)
				{
					gw_reply_bad_json(req, &err, "The body must be one JSON array of objects encoded in UTF-8.");
					return;
				}
				if (!json_is_array(rows))
				{
					json_decref(rows);
					gw_reply_error(req, 422, "KKB-422", "the body must be a JSON array of rows", NULL,
								   "Send [{...}, {...}], one object per row.");
					return;
				}
				break;
			}
		case GW_BODY_CSV:
			{
				json_t	   *header;
				char		err[200];
				long		pos = 0;

				if (gw_csv_parse(req->body ? req->body : "", req->body_len, &header, &rows, err, sizeof(err), &pos) < 0)
				{
					json_t	   *e = json_object();
					json_t	   *m = json_string(err);	/* NULL when a cut header name left partial UTF-8 */

					json_object_set_new(e, "code", json_string("KKB-400"));
					json_object_set_new(e, "message", m ? m : json_string("malformed CSV"));
					json_object_set_new(e, "details", json_null());
					json_object_set_new(e, "hint", json_string("Send CSV encoded in UTF-8 with a header row; quote fields holding commas, quotes or line breaks and double the quotes inside."));
					json_object_set_new(e, "posisi", json_integer(pos));
					gw_reply_json(req, 400, e);
					return;
				}
				for (i = 0; i < json_array_size(header); i++)
				{
					const char *h = json_string_value(json_array_get(header, i));

					if (!in_list(tabel->kolom, h))
					{
						json_t	   *e = json_object();
						json_t	   *m;
						char		msg[160];

						snprintf(msg, sizeof(msg), "unknown column \"%.64s\" in the CSV header", h);
						m = json_string(msg);	/* NULL when the cut left a partial UTF-8 character */
						json_object_set_new(e, "code", json_string("KKB-422"));
						json_object_set_new(e, "message", m ? m : json_string("unknown column in the CSV header"));
						json_object_set_new(e, "details", json_null());
						json_object_set_new(e, "hint", json_null());
						json_object_set_new(e, "kolom", json_string(h));
						json_decref(header);
						json_decref(rows);
						gw_reply_json(req, 422, e);
						return;
					}
				}
				json_decref(header);
				bt.csv = 1;
				break;
			}
		default:
			gw_reply_error(req, 415, "KKB-415", "unsupported content type: expected application/json or text/csv",
						   "This resource accepts a JSON array of rows or CSV with a header row, encoded in UTF-8.",
						   "Send Content-Type: application/json or Content-Type: text/csv.");
			return;
	}

	bt.nrows = json_array_size(rows);
	bt.rows = calloc(bt.nrows ? bt.nrows : 1, sizeof(baris));
	if (bt.rows == NULL)
	{
		json_decref(rows);
		gw_reply_error(req, 500, "KKB-500", "out of memory", NULL, NULL);
		return;
	}
	for (i = 0; i < bt.nrows; i++)
		prepare_row(&bt, &bt.rows[i], json_array_get(rows, i));

	gw_tx_run(req, batch_body, &bt);

	for (i = 0; i < bt.nrows; i++)
	{
		free(bt.rows[i].teks);
		free(bt.rows[i].pesan);
		free(bt.rows[i].kolom);
		json_decref(bt.rows[i].kunci);
	}
	free(bt.rows);
	json_decref(rows);
}

void
h_sinkron_keluarga(gw_request *req)
{
	sinkron(req, &tabel_keluarga);
}

void
h_sinkron_anggota(gw_request *req)
{
	sinkron(req, &tabel_anggota);
}

void
h_sinkron_pengukuran(gw_request *req)
{
	sinkron(req, &tabel_pengukuran);
}

void
h_sinkron_peristiwa(gw_request *req)
{
	sinkron(req, &tabel_peristiwa);
}

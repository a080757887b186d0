/*
 * errors.c - every error body of the gateway (gw_reply_err), the compiled
 * table of the gateway's own conditions, SQLSTATE -> HTTP status in one
 * table, and database errors answered from the error registry (kkb.galat).
 */
#include "errors.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "reply.h"
#include "log.h"
#include "metrics.h"

/*
 * The gateway's own conditions: the rows of kkb.galat with asal 'gateway'
 * (sql/install/15_galat.sql), the same codes and texts, so that an answer
 * does not depend on the database being there.  `kkb-gateway --errors`
 * prints them; tests/gateway/14_galat.sh checks that both agree.
 */
const gw_galat gw_galat_table[] = {
	{"KKB-INTERNAL", 500,
		"terjadi kesalahan di server",
		"internal error",
		"Coba lagi; bila terulang, laporkan kepada pengelola (log gateway memuat rinciannya).",
		"The gateway's log has the details."},
	{"KKB-DB-TIDAK-TERSEDIA", 503,
		"basis data tidak dapat dihubungi",
		"the database is unavailable",
		"Coba lagi beberapa detik lagi.",
		"Retry the request in a few seconds."},
	{"KKB-HASIL-TIDAK-PASTI", 503,
		"basis data terputus saat menyimpan: hasil permintaan ini tidak pasti",
		"the database went away while committing: the outcome of this request is unknown",
		"Kirim ulang permintaannya setelah basis data kembali: mengirim ulang tidak mengubah data yang sudah tersimpan.",
		"Send the request again when the database is back: re-sending a batch changes nothing that is already stored."},
	{"KKB-TOKEN-TIDAK-ADA", 401,
		"token diperlukan",
		"a bearer token is required",
		"Minta token kepada administrator kampungkb dan kirim sebagai Authorization: Bearer <token>.",
		"Ask an administrator of kampungkb for a token (kkb.token_buat) and send it as Authorization: Bearer <token>."},
	{"KKB-TOKEN-TIDAK-SAH", 401,
		"token tidak sah",
		"invalid token",
		"Minta token kepada administrator kampungkb dan kirim sebagai Authorization: Bearer <token>.",
		"Ask an administrator of kampungkb for a token (kkb.token_buat) and send it as Authorization: Bearer <token>."},
	{"KKB-TOKEN-DICABUT", 401,
		"token sudah dicabut",
		"token revoked",
		"Minta token baru kepada administrator kampungkb.",
		"Ask an administrator of kampungkb for a new token (kkb.token_buat)."},
	{"KKB-TOKEN-KEDALUWARSA", 401,
		"masa berlaku token sudah habis",
		"token expired",
		"Minta token baru kepada administrator kampungkb.",
		"Ask an administrator of kampungkb for a new token (kkb.token_buat)."},
	{"KKB-TOKEN-PERANGKAT", 401,
		"token ini terikat pada perangkat lain",
		"the token is bound to another device",
		"Masuk lagi dengan tautan baru dari administrator di perangkat ini.",
		"Send the X-Perangkat header with the device key the token was issued to, or sign in again with a new link."},
	{"KKB-RUTE-TIDAK-ADA", 404,
		"alamat ini tidak dikenal",
		"no such resource",
		"GET /openapi.json mendaftar semua alamat API.",
		"GET /openapi.json lists every route of the API."},
	{"KKB-TIDAK-DITEMUKAN", 404,
		"data tidak ditemukan",
		"not found",
		"Periksa kodenya; data desa lain atau di luar cakupan token tidak terlihat.",
		"Check the code; data outside the token's scope is not visible."},
	{"KKB-METODE-TIDAK-DIIZINKAN", 405,
		"metode %s tidak diizinkan pada alamat ini",
		"method %s is not allowed on this resource",
		"Lihat header Allow untuk metode yang diterima.",
		"See the Allow header for the methods this resource accepts."},
	{"KKB-ISI-TERLALU-BESAR", 413,
		"isi permintaan lebih besar dari %s bait",
		"request body larger than %s bytes",
		"Kirim dalam beberapa bagian yang lebih kecil.",
		"Send smaller batches."},
	{"KKB-JENIS-ISI", 415,
		"jenis isi tidak didukung: harus %s",
		"unsupported content type: expected %s",
		"Kirim header Content-Type yang sesuai, mis. application/json.",
		"Send the header Content-Type: application/json."},
	{"KKB-TERLALU-SERING", 429,
		"terlalu banyak permintaan: batas %s sudah habis",
		"too many requests: the %s limit is used up",
		"Tunggu sebanyak detik pada Retry-After; saat memantau, kirim If-None-Match agar mendapat 304.",
		"Wait for the number of seconds in Retry-After; when polling, send If-None-Match to get a cheap 304."},
	{"KKB-PARAMETER-TERLALU-BANYAK", 431,
		"terlalu banyak parameter kueri",
		"too many query parameters",
		"Kirim lebih sedikit parameter kueri.",
		"Send fewer query parameters."},
	{"KKB-URL-NUL", 400,
		"alamat atau parameter kueri memuat bait NUL (%00)",
		"the path or a query parameter contains a NUL byte (%00)",
		"Hapus %00 dari URL.",
		"Remove %00 from the URL."},
	{"KKB-PERIODE-FORMAT", 400,
		"periode tidak sah \"%s\": harus bulan YYYY-MM",
		"invalid periode \"%s\": expected a month YYYY-MM",
		"Mis. 2026-11 untuk November 2026 (bulan 01 sampai 12).",
		"E.g. 2026-11 for November 2026 (months 01 to 12)."},
	{"KKB-LIMIT-FORMAT", 400,
		"limit tidak sah: harus bilangan bulat 1 sampai 1000",
		"invalid limit: expected a whole number from 1 to 1000",
		"Untuk daftar yang lebih panjang, gunakan offset.",
		"Page through longer lists with offset."},
	{"KKB-OFFSET-FORMAT", 400,
		"offset tidak sah: harus bilangan bulat 0 atau lebih",
		"invalid offset: expected a whole number from 0",
		"Mis. offset=100 untuk halaman kedua dengan limit=100.",
		"E.g. offset=100 for the second page of limit=100."},
	{"KKB-PERMINTAAN-TIDAK-SAH", 400,
		"permintaan tidak sah",
		"invalid request",
		"Lihat GET /openapi.json untuk isi dan parameter yang diterima.",
		"See GET /openapi.json for what each route accepts."},
	{"KKB-PARAMETER-TIDAK-SAH", 400,
		"parameter %s tidak sah",
		"invalid parameter %s",
		"Lihat GET /openapi.json untuk parameter yang diterima.",
		"See GET /openapi.json for the parameters of each route."},
	{"KKB-JSON-RUSAK", 400,
		"JSON rusak pada posisi bait %s",
		"malformed JSON at byte offset %s",
		"Isi permintaan harus satu JSON yang disandikan UTF-8.",
		"The body must be JSON encoded in UTF-8."},
	{"KKB-ISI-KOSONG", 400,
		"isi JSON diperlukan",
		"a JSON body is required",
		"Kirim kolom-kolomnya sebagai objek JSON, mis. {\"pus\": 120}.",
		"Send the fields as a JSON object, e.g. {\"pus\": 120}."},
	{"KKB-ISI-BUKAN-OBJEK", 422,
		"isi permintaan harus objek JSON",
		"the body must be a JSON object",
		"Kirim kolom-kolomnya sebagai objek JSON, mis. {\"pus\": 120}.",
		"Send the fields as a JSON object, e.g. {\"pus\": 120}."},
	{"KKB-BARIS-TERLALU-BANYAK", 413,
		"terlalu banyak baris: paling banyak %s baris per permintaan",
		"too many rows: at most %s rows per request",
		"Kirim baris-barisnya dalam beberapa permintaan; mengirim ulang baris tidak mengubah apa pun.",
		"Send the rows in several requests; re-sending rows changes nothing."},
	{"KKB-BARIS-KOSONG", 400,
		"isi permintaan diperlukan: baris-baris data",
		"a body is required: the rows",
		"Kirim baris sebagai larik JSON berisi objek, atau CSV dengan baris judul.",
		"Send the rows as a JSON array of objects, or as CSV with a header row."},
	{"KKB-ISI-BUKAN-LARIK", 422,
		"isi permintaan harus larik JSON berisi baris",
		"the body must be a JSON array of rows",
		"Kirim [{...}, {...}], satu objek per baris.",
		"Send [{...}, {...}], one object per row."},
	{"KKB-CSV-RUSAK", 400,
		"CSV tidak dapat dibaca",
		"malformed CSV",
		"Kirim CSV dalam UTF-8 dengan baris judul; beri tanda kutip pada isian yang memuat koma, kutip atau baris baru.",
		"Send CSV encoded in UTF-8 with a header row; quote fields holding commas, quotes or line breaks and double the quotes inside."},
	{"KKB-DATA-PRIBADI-DILARANG", 403,
		"token ini tidak boleh menulis data by-name",
		"this token may not write by-name data",
		"Keluarga, anggota, pengukuran dan peristiwa ditulis oleh Pokja desanya atau administrator.",
		"Families, members, measurements and vital events are written by the village's pokja or an administrator."},
	{"KKB-KOLOM-TIDAK-DIKENAL", 422,
		"kolom \"%s\" tidak dikenal",
		"unknown field \"%s\"",
		NULL,
		NULL},
	{"KKB-IDEMPOTENSI-KUNCI", 400,
		"Idempotency-Key tidak sah: 1 sampai 255 karakter ASCII yang terlihat",
		"invalid Idempotency-Key: 1 to 255 visible ASCII characters",
		"Pakai mis. UUID acak per catatan, dan kirim ulang dengan kunci yang sama.",
		"Use e.g. a random UUID per record, and retry with the same key."},
	{"KKB-IDEMPOTENSI-BEDA", 422,
		"Idempotency-Key ini sudah dipakai untuk permintaan lain",
		"this Idempotency-Key was used for a different request",
		"Satu kunci untuk satu permintaan: kirim ulang isi yang sama, atau pakai kunci baru untuk catatan baru.",
		"One key for one request: resend the same body, or use a new key for a new record."},
	{"KKB-PANJANG-ISI-GANDA", 400,
		"permintaan memuat Content-Length dan Transfer-Encoding sekaligus",
		"the request has both Content-Length and Transfer-Encoding",
		"Kirim salah satunya saja; sambungan ini ditutup.",
		"Send one of the two only; this connection is closed."},
	{"KKB-SIBUK", 503,
		"terlalu banyak permintaan berat (ringkasan, daftar wilayah) sedang dikerjakan atau menunggu: paling banyak %s",
		"too many expensive requests (aggregates over many villages) running or waiting: at most %s",
		"Coba lagi setelah detik pada Retry-After; saat memantau, kirim If-None-Match agar mendapat 304.",
		"Retry after the seconds in Retry-After; when polling, send If-None-Match to get a cheap 304."},
	{"KKB-KONEKSI-TERLALU-BANYAK", 503,
		"terlalu banyak sambungan dari satu alamat: paling banyak %s",
		"too many connections from one address: at most %s",
		"Tutup sambungan yang tidak dipakai, lalu coba lagi.",
		"Close the connections you do not use, then try again."},
};
const int	gw_galat_count = sizeof(gw_galat_table) / sizeof(gw_galat_table[0]);

const gw_galat *
gw_galat_find(const char *code)
{
	int			i;

	for (i = 0; code && i < gw_galat_count; i++)
		if (strcmp(gw_galat_table[i].code, code) == 0)
			return &gw_galat_table[i];
	return NULL;
}

/*
 * SQLSTATE -> HTTP status.  An entry matches a whole SQLSTATE ("23505") or,
 * with two characters, its class ("22").  First match wins, so exact codes
 * come before their class.  `retry`: retried once by the transaction helper,
 * then answered.  The registry's fallback rows (asal 'sqlstate') carry the
 * same statuses.
 */
static const struct
{
	const char *sqlstate;
	int			status;
	int			retry;
}			error_map[] = {
	{"23503", 409, 0},			/* foreign_key_violation: refers to something that is not there */
	{"23505", 409, 0},			/* unique_violation */
	{"23514", 422, 0},			/* check_violation: a rule of the data is broken */
	{"23502", 422, 0},			/* not_null_violation: a required value is missing */
	{"23", 409, 0},				/* other integrity violations (exclusion, restrict) */
	{"22", 400, 0},				/* data exception: bad value, format, range */
	{"42501", 403, 0},			/* insufficient_privilege (and row-level security on write) */
	{"P0002", 404, 0},			/* no_data_found */
	{"02000", 404, 0},			/* no_data */
	{"55000", 409, 0},			/* object_not_in_prerequisite_state: e.g. a locked month */
	{"KK412", 412, 0},			/* the extension's: the row changed since the version If-Match names */
	{"KK428", 428, 0},			/* the extension's: a change that needs If-Match came without it */
	{"28000", 410, 0},			/* invalid_authorization_specification: its one use, a sign-in code that is used, expired or
								 * unknown (kkb.tautan_tukar), so that the exchange is 410 even when the registry cannot be asked */
	{"40001", 503, 1},			/* serialization_failure */
	{"40P01", 503, 1},			/* deadlock_detected */
	{"08", 503, 0},				/* connection exception */
	{"57P01", 503, 0},			/* admin_shutdown */
	{"57P02", 503, 0},			/* crash_shutdown */
	{"57P03", 503, 0},			/* cannot_connect_now (starting up, recovery) */
	{"57014", 503, 0},			/* query_canceled (statement timeout) */
	{"53", 503, 0},				/* insufficient resources (too many connections, disk full) */
};

int
gw_http_status_for_sqlstate(const char *sqlstate, int *retry)
{
	size_t		i;

	*retry = 0;
	if (sqlstate == NULL || strlen(sqlstate) != 5)
		return 503;
	for (i = 0; i < sizeof(error_map) / sizeof(error_map[0]); i++)
	{
		size_t		n = strlen(error_map[i].sqlstate);

		if (strncmp(sqlstate, error_map[i].sqlstate, n) == 0)
		{
			*retry = error_map[i].retry;
			return error_map[i].status;
		}
	}
	return 500;
}

int
gw_pg_error_retryable(const PGresult *res)
{
	int			retry;

	if (res == NULL)
		return 0;
	gw_http_status_for_sqlstate(PQresultErrorField(res, PG_DIAG_SQLSTATE), &retry);
	return retry;
}

/* ---------------------------------------------------------------- language */

/* The weight (q, in thousandths) of a language range "tag;q=0.5"; 1000 without q. */
static int
range_weight(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && *q != ';')
		q++;
	while (q < end)
	{
		q++;
		while (q < end && *q == ' ')
			q++;
		if (end - q >= 2 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=')
		{
			double		w = strtod(q + 2, NULL);

			return w <= 0 ? 0 : w >= 1 ? 1000 : (int) (w * 1000);
		}
		while (q < end && *q != ';')
			q++;
	}
	return 1000;
}

/* Is the language range at p (up to ';' or end) of primary language `lang` (2 letters)? */
static int
range_is(const char *p, const char *end, const char *lang)
{
	return end - p >= 2 && strncasecmp(p, lang, 2) == 0 && (end - p == 2 || p[2] == '-' || p[2] == ';' || p[2] == ' ');
}

int
gw_request_english(gw_request *req)
{
	const char *h = gw_header(req, "Accept-Language");
	int			en = 0,
				id = 0;

	while (h && *h)
	{
		const char *end = strchr(h, ',');

		if (end == NULL)
			end = h + strlen(h);
		while (h < end && *h == ' ')
			h++;
		if (range_is(h, end, "en"))
		{
			int			w = range_weight(h, end);

			if (w > en)
				en = w;
		}
		else if (range_is(h, end, "id") || range_is(h, end, "in"))
		{
			int			w = range_weight(h, end);

			if (w > id)
				id = w;
		}
		h = *end ? end + 1 : end;
	}
	return en > id;
}

/* ---------------------------------------------------------------- the one body */

/* A JSON string, or null when `s` is NULL or not valid UTF-8. */
static json_t *
str_or_null(const char *s)
{
	json_t	   *j = s ? json_string(s) : NULL;

	return j ? j : json_null();
}

/*
 * `tmpl` with its first "%s" replaced by `arg` (at most 64 bytes of it, "..."
 * marking a cut), in `out`.  Other '%' characters are kept as they are.
 */
static void
fill(char *out, size_t n, const char *tmpl, const char *arg)
{
	const char *s = strstr(tmpl, "%s");
	size_t		len;

	if (s == NULL || arg == NULL)
	{
		snprintf(out, n, "%s", tmpl);
		return;
	}
	len = strlen(arg);
	snprintf(out, n, "%.*s%.*s%s%s", (int) (s - tmpl), tmpl, len > 64 ? 64 : (int) len, arg,
			 len > 64 ? "..." : "", s + 2);
}

void
gw_reply_err(gw_request *req, const gw_error *e, json_t *extra)
{
	const gw_galat *g = gw_galat_find(e->code);
	int			en = gw_request_english(req);
	int			status = e->status ? e->status : g ? g->status : 500;
	char		msg[512];
	json_t	   *doc = json_object();
	json_t	   *m;
	const char *hint = e->hint ? e->hint : g ? (en ? g->saran_en : g->saran) : NULL;

	if (e->message)
		m = json_string(e->message);
	else
	{
		if (g)
			fill(msg, sizeof(msg), en ? g->pesan_en : g->pesan, e->arg);
		else
			snprintf(msg, sizeof(msg), "%s", en ? "error" : "galat");
		m = json_string(msg);
	}
	/* a message quoting client bytes that are not UTF-8 (or cut inside a character) still says what happened */
	if (m == NULL && g && !e->message)
	{
		fill(msg, sizeof(msg), en ? g->pesan_en : g->pesan, "?");
		m = json_string(msg);
	}
	if (m == NULL)
		m = json_string(en ? "the request is invalid (it contains bytes that are not UTF-8)"
						: "permintaan tidak sah (memuat bait yang bukan UTF-8)");
	json_object_set_new(doc, "code", json_string(e->code));
	json_object_set_new(doc, "message", m);
	json_object_set_new(doc, "details", str_or_null(e->details));
	json_object_set_new(doc, "hint", str_or_null(hint));
	json_object_set_new(doc, "kolom", str_or_null(e->kolom));
	if (extra)
	{
		json_object_update(doc, extra);
		json_decref(extra);
	}
	snprintf(req->error_code, sizeof(req->error_code), "%s", e->code);
	gw_reply_json(req, status, doc);
}

void
gw_reply_galat(gw_request *req, const char *code, const char *arg, const char *details, const char *kolom)
{
	gw_error	e = {.code = code, .arg = arg, .details = details, .kolom = kolom};

	gw_reply_err(req, &e, NULL);
}

/* The pre-registry interface (http.h): a code, status and texts given by the caller. */
void
gw_reply_error(gw_request *req, int status, const char *code, const char *message,
			   const char *details, const char *hint)
{
	gw_error	e = {.code = code, .status = status, .message = message, .details = details, .hint = hint};

	gw_reply_err(req, &e, NULL);
}

void
gw_reply_db_unavailable(gw_request *req)
{
	gw_metrics_db_error(1);
	gw_reply_galat(req, "KKB-DB-TIDAK-TERSEDIA", NULL,
				   "The gateway could not reach PostgreSQL; it reconnects by itself when the database is back.", NULL);
}

/* ---------------------------------------------------------------- database errors */

static const gw_stmt st_galat = {
	"kkb_galat_jawab",
	"SELECT kkb.galat_jawab($1, $2, $3, $4, $5, $6, $7, $8)::text",
	8
};

/* The registry's answer to a failed result, looked up on `conn`; NULL when that fails. */
static json_t *
lookup(gw_request *req, const PGresult *res, PGconn *conn)
{
	const char *params[8];
	PGresult   *r;
	json_t	   *doc = NULL;

	if (conn == NULL || PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE)
		return NULL;
	params[0] = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	params[1] = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
	params[2] = PQresultErrorField(res, PG_DIAG_TABLE_NAME);
	params[3] = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
	params[4] = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	params[5] = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	params[6] = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
	params[7] = gw_request_english(req) ? "en" : "id";
	r = gw_db_exec_stmt(conn, &st_galat, params);
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0))
		doc = json_loads(PQgetvalue(r, 0, 0), 0, NULL);
	else
		gw_log("warn", "the error registry could not be read; answering from the error itself",
			   json_pack("{s:s?, s:s?}", "sqlstate", PQresultErrorField(r, PG_DIAG_SQLSTATE),
						 "message", PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)));
	PQclear(r);
	if (doc && (!json_is_string(json_object_get(doc, "code")) || !json_is_integer(json_object_get(doc, "status"))))
	{
		json_decref(doc);
		doc = NULL;
	}
	return doc;
}

/* A string member of `doc`, or NULL. */
static const char *
member(json_t *doc, const char *key)
{
	return json_string_value(json_object_get(doc, key));
}

void
gw_reply_pg_error(gw_request *req, const PGresult *res, PGconn *conn)
{
	const char *sqlstate = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	int			retry;
	int			status = gw_http_status_for_sqlstate(sqlstate, &retry);
	json_t	   *doc;
	gw_error	e = {0};

	if (sqlstate == NULL || strlen(sqlstate) != 5 || strncmp(sqlstate, "08", 2) == 0)
	{
		/* no SQLSTATE (libpq lost the connection) or a connection exception */
		gw_reply_db_unavailable(req);
		return;
	}
	gw_metrics_db_error(0);
	doc = lookup(req, res, conn);
	if (doc)
		status = (int) json_integer_value(json_object_get(doc, "status"));
	if (status < 400 || status > 599 || status == 500)
	{
		/* unknown: log everything, tell the client nothing internal */
		gw_log("error", "database error",
			   json_pack("{s:s, s:s?, s:s?, s:s?, s:s?}", "sqlstate", sqlstate,
						 "message", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
						 "detail", PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL),
						 "context", PQresultErrorField(res, PG_DIAG_CONTEXT),
						 "route", req->route ? req->route->pattern : NULL));
		json_decref(doc);
		gw_reply_galat(req, "KKB-INTERNAL", NULL,
					   "The request failed inside the server; the gateway's log has the details.", NULL);
		return;
	}
	if (status == 503)
		gw_set_header(req, "Retry-After", "5");	/* e.g. a statement cancelled by the timeout */
	if (doc)
	{
		e.code = member(doc, "code");
		e.status = status;
		e.message = member(doc, "message");
		e.details = member(doc, "details");
		e.hint = member(doc, "hint");
		e.kolom = member(doc, "kolom");
		gw_reply_err(req, &e, json_pack("{s:s}", "sqlstate", sqlstate));
		json_decref(doc);
		return;
	}
	/* the registry is out of reach: the error's own fields */
	e.code = sqlstate;
	e.status = status;
	e.message = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	e.details = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	e.hint = retry ? "The database could not serialise this request with others, even on a retry; send it again."
		: PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
	e.kolom = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
	if (e.message == NULL)
		e.message = "database error";
	gw_reply_err(req, &e, json_pack("{s:s}", "sqlstate", sqlstate));
}

/* ---------------------------------------------------------------- --errors */

void
gw_errors_print(FILE *out)
{
	int			i;
	size_t		k;

	for (i = 0; i < gw_galat_count; i++)
	{
		const gw_galat *g = &gw_galat_table[i];

		fprintf(out, "%s\t%d\t%s\t%s\t%s\t%s\n", g->code, g->status, g->pesan, g->pesan_en,
				g->saran ? g->saran : "", g->saran_en ? g->saran_en : "");
	}
	for (k = 0; k < sizeof(error_map) / sizeof(error_map[0]); k++)
		fprintf(out, "sqlstate\t%s\t%d\n", error_map[k].sqlstate, error_map[k].status);
}

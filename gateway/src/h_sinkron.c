/*
 * h_sinkron.c - by-name bulk sync of a village's Rumah DataKu:
 *   POST /v1/desa/{kode}/keluarga     families, by (kode_desa, no_kk)
 *   POST /v1/desa/{kode}/anggota      members, by (kode_desa, nik)
 *   POST /v1/desa/{kode}/pengukuran   child measurements, by (kode_desa, nik, tanggal_ukur)
 *   POST /v1/desa/{kode}/peristiwa    vital events, by (kode_desa, ref): ref is the client's own id of
 *                                     the event (e.g. the phone app's UUID); id stays the database's
 *
 * Everything about the rows - their columns, the upsert, which rows are
 * rejected and why, dry_run and atomik - is kkb.api_sinkron's
 * (sql/install/71_api_sinkron.sql).  This file only carries the body there:
 *
 *   - a JSON body must be one array; it is read one row at a time (jansson,
 *     one small tree per row, freed at once) to answer malformed JSON with
 *     400 and its byte offset and to count the rows, and then passed to the
 *     database as it came (the jsonb parameter);
 *   - a CSV body (text/csv, a header row, UTF-8) is converted record by
 *     record into the same JSON array text (csv.c); records that cannot be
 *     rows (wrong field count, a NUL byte) are passed as rejected;
 *   - at most GW_SYNC_MAX_ROWS rows per request: more is 413, before the
 *     database is asked anything;
 *   - the call runs in the request's transaction as the caller (tx.c):
 *     another village's pokja finds no village (the function answers NULL:
 *     404); atomik with a rejected row answers the summary with 422; a CSV
 *     header naming a column the table does not have (42703 from the
 *     function) is 422 naming the column.
 *
 * After a large request the heap is trimmed (malloc_trim), so that one big
 * batch does not leave the worker's memory high.
 */
#include "routes.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "errors.h"
#include "request.h"
#include "tx.h"

/*
 * Rows per request at most.  20,000 covers the largest village's members
 * (Pariaman's biggest desa has about 6,000 people) with room to spare, and
 * keeps the worst batch under the limit - every row bad in the most
 * expensive way - within about two seconds of one database worker
 * (docs/RELIABILITY.md).  Larger imports are sent in several requests.
 */
#define GW_SYNC_MAX_ROWS 20000

/* Requests with a body above this are followed by malloc_trim. */
#define TRIM_BYTES (256 * 1024)

/* jansson refuses nesting deeper than this (its JSON_PARSER_MAX_DEPTH) */
#define JSON_MAX_DEPTH 2048

#define NOT_FOUND "no such Kampung KB (or it is outside your scope)"

static const gw_stmt st_sinkron = {
	"sinkron",
	"SELECT r::text, CASE WHEN (r ->> 'atomik')::boolean AND (r ->> 'ditolak')::integer > 0 THEN 422 ELSE 200 END"
	"  FROM kkb.api_sinkron($1, $2::kkb.kode_wilayah, $3::jsonb, $4::jsonb) r",
	4
};

typedef struct sync_call
{
	const char *tabel;
	const char *desa;
	const char *rows;			/* JSON array text */
	const char *opsi;			/* JSON object text */
} sync_call;

static int
sync_body(gw_tx *tx, void *arg)
{
	sync_call  *c = arg;
	const char *params[4] = {c->tabel, c->desa, c->rows, c->opsi};
	PGresult   *res = gw_tx_exec(tx, &st_sinkron, params);
	int			status;

	if (res == NULL)
	{
		const char *sqlstate = PQresultErrorField(tx->error, PG_DIAG_SQLSTATE);

		if (sqlstate && strcmp(sqlstate, "42703") == 0)
		{
			/* a CSV header column the table does not have: the whole body is refused */
			const char *col = PQresultErrorField(tx->error, PG_DIAG_COLUMN_NAME);

			gw_reply_galat(tx->req, "KKB-KOLOM-TIDAK-DIKENAL", col ? col : "?",
						   PQresultErrorField(tx->error, PG_DIAG_MESSAGE_PRIMARY), col);
			PQclear(tx->error);
			tx->error = NULL;
		}
		return -1;
	}
	if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0))
	{
		PQclear(res);
		gw_reply_galat(tx->req, "KKB-TIDAK-DITEMUKAN", NULL, NOT_FOUND, NULL);
		return -1;
	}
	status = atoi(PQgetvalue(res, 0, 1));
	gw_reply_json_text(tx->req, status, PQgetvalue(res, 0, 0), (size_t) PQgetlength(res, 0, 0));
	PQclear(res);
	/* atomik with a rejected row: the function kept nothing; the summary is the answer */
	return 0;
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
reply_too_many(gw_request *req)
{
	char		n[16];

	snprintf(n, sizeof(n), "%d", GW_SYNC_MAX_ROWS);
	gw_reply_galat(req, "KKB-BARIS-TERLALU-BANYAK", n, NULL, NULL);
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The depth of a JSON value (1 for a scalar), counting no further than `limit`. */
static int
json_depth(json_t *v, int limit)
{
	int			d = 0;

	if (limit <= 0)
		return 1;
	if (json_is_object(v))
	{
		const char *key;
		json_t	   *val;

		json_object_foreach(v, key, val)
		{
			int			x = json_depth(val, limit - 1);

			if (x > d)
				d = x;
		}
	}
	else if (json_is_array(v))
	{
		size_t		i;
		json_t	   *val;

		json_array_foreach(v, i, val)
		{
			int			x = json_depth(val, limit - 1);

			if (x > d)
				d = x;
		}
	}
	else
		return 1;
	return d + 1;
}

/* 400 for malformed JSON at byte `at` of the body (jansson's message for the part it read). */
static void
reply_bad_json_at(gw_request *req, const json_error_t *row_err, size_t at, const char *text)
{
	json_error_t err;
	size_t		i;

	memset(&err, 0, sizeof(err));
	snprintf(err.text, sizeof(err.text), "%s", text ? text : row_err->text);
	err.position = (int) at;
	err.line = 1;
	err.column = 0;
	for (i = 0; i < at && i < req->body_len; i++)
	{
		if (req->body[i] == '\n')
		{
			err.line++;
			err.column = 0;
		}
		else
			err.column++;
	}
	gw_reply_bad_json(req, &err, "The body must be one JSON array of objects encoded in UTF-8.");
}

/*
 * Check a JSON body without building its whole tree: one array, each element
 * read on its own.  Returns the number of rows, or -1 when the request was
 * answered (400 malformed, 422 not an array, 413 too many rows).
 */
static long
check_json_rows(gw_request *req)
{
	const char *b = req->body;
	size_t		len = req->body_len,
				i = 0;
	long		n = 0;
	const char *nul = memchr(b, '\0', len);

	/*
	 * JSON has no raw NUL byte, and the body travels to the database as a C
	 * string: a NUL between rows (which the row reader would step over) would
	 * cut it short there.  Refused first, at its position.
	 */
	if (nul != NULL)
	{
		reply_bad_json_at(req, NULL, (size_t) (nul - b) + 1, "a NUL byte is not allowed in JSON");
		return -1;
	}
	while (i < len && is_ws(b[i]))
		i++;
	if (i >= len)
	{
		gw_reply_galat(req, "KKB-BARIS-KOSONG", NULL, NULL, NULL);
		return -1;
	}
	if (b[i] != '[')
	{
		if (strchr("{\"-0123456789tfn", b[i]) != NULL)
			gw_reply_galat(req, "KKB-ISI-BUKAN-LARIK", NULL, NULL, NULL);
		else
			reply_bad_json_at(req, NULL, i + 1, "'[' expected: the body must be a JSON array");
		return -1;
	}
	i++;
	while (i < len && is_ws(b[i]))
		i++;
	if (i < len && b[i] == ']')
		i++;
	else
		for (;;)
		{
			json_error_t err;
			json_t	   *row;

			row = json_loadb(b + i, len - i, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &err);
			if (row == NULL)
			{
				reply_bad_json_at(req, &err, i + (size_t) err.position, NULL);
				return -1;
			}
			/* the whole body counts one level more than the row (jansson's limit applies to the body) */
			if ((json_is_object(row) || json_is_array(row)) && json_depth(row, JSON_MAX_DEPTH) >= JSON_MAX_DEPTH)
			{
				json_decref(row);
				reply_bad_json_at(req, &err, i + (size_t) err.position, "maximum parsing depth reached");
				return -1;
			}
			json_decref(row);
			i += (size_t) err.position;
			if (++n > GW_SYNC_MAX_ROWS)
			{
				reply_too_many(req);
				return -1;
			}
			while (i < len && is_ws(b[i]))
				i++;
			if (i < len && b[i] == ',')
			{
				i++;
				continue;
			}
			if (i < len && b[i] == ']')
			{
				i++;
				break;
			}
			reply_bad_json_at(req, &err, i < len ? i + 1 : len, "',' or ']' expected");
			return -1;
		}
	while (i < len && is_ws(b[i]))
		i++;
	if (i < len)
	{
		reply_bad_json_at(req, NULL, i + 1, "end of file expected");
		return -1;
	}
	if (memchr(b, '\0', len) != NULL)
	{
		/* cannot happen after jansson's checks (a raw NUL is refused in strings); the text goes as a C string */
		reply_bad_json_at(req, NULL, (size_t) ((const char *) memchr(b, '\0', len) - b), "a NUL byte in the body");
		return -1;
	}
	return n;
}

static void
sinkron(gw_request *req, const char *tabel)
{
	sync_call	call;
	int			atomik,
				dry_run,
				baru;
	char	   *opsi = NULL;
	gw_csv_json csv;

	memset(&csv, 0, sizeof(csv));
	/* by-name data belongs to the village (pokja) and administrators only */
	if (req->auth.role != GW_ROLE_POKJA && req->auth.role != GW_ROLE_ADMIN)
	{
		gw_reply_galat(req, "KKB-DATA-PRIBADI-DILARANG", NULL, NULL, NULL);
		return;
	}
	if (flag_arg(req, "atomik", &atomik) < 0 || flag_arg(req, "dry_run", &dry_run) < 0 || flag_arg(req, "baru", &baru) < 0)
		return;

	call.tabel = tabel;
	call.desa = req->params[0];
	switch (gw_body_type(req))
	{
		case GW_BODY_JSON:
			if (req->body == NULL || req->body_len == 0)
			{
				gw_reply_galat(req, "KKB-BARIS-KOSONG", NULL, NULL, NULL);
				return;
			}
			if (check_json_rows(req) < 0)
				goto done;
			call.rows = req->body;
			opsi = malloc(64);
			if (opsi)
				snprintf(opsi, 64, "{\"dry_run\":%s,\"atomik\":%s,\"baru\":%s}", dry_run ? "true" : "false", atomik ? "true" : "false",
						 baru ? "true" : "false");
			break;
		case GW_BODY_CSV:
			{
				char		err[200];
				long		pos = 0;
				size_t		need;

				if (gw_csv_to_json(req->body ? req->body : "", req->body_len, GW_SYNC_MAX_ROWS, &csv, err, sizeof(err), &pos) < 0)
				{
					gw_error	e = {.code = "KKB-CSV-RUSAK", .details = err};

					/* the reader's own words (English, naming the record) as details; a cut header name's partial UTF-8 is dropped there */
					gw_reply_err(req, &e, json_pack("{s:I}", "posisi", (json_int_t) pos));
					goto done;
				}
				if (csv.too_many)
				{
					reply_too_many(req);
					goto done;
				}
				call.rows = csv.rows;
				need = strlen(csv.header) + strlen(csv.rejects) + 112;
				opsi = malloc(need);
				if (opsi)
					snprintf(opsi, need, "{\"dry_run\":%s,\"atomik\":%s,\"baru\":%s,\"format\":\"csv\",\"kolom\":%s,\"tolak\":%s}",
							 dry_run ? "true" : "false", atomik ? "true" : "false", baru ? "true" : "false", csv.header, csv.rejects);
				break;
			}
		default:
			gw_reply_galat(req, "KKB-JENIS-ISI", "application/json atau text/csv",
						   "This resource accepts a JSON array of rows or CSV with a header row, encoded in UTF-8.", NULL);
			return;
	}
	if (opsi == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "out of memory", NULL);
		goto done;
	}
	call.opsi = opsi;
	gw_tx_run(req, sync_body, &call);

done:
	free(opsi);
	gw_csv_json_free(&csv);
	if (req->body_len > TRIM_BYTES)
		malloc_trim(0);
}

void
h_sinkron_keluarga(gw_request *req)
{
	sinkron(req, "keluarga");
}

void
h_sinkron_anggota(gw_request *req)
{
	sinkron(req, "anggota");
}

void
h_sinkron_pengukuran(gw_request *req)
{
	sinkron(req, "pengukuran");
}

void
h_sinkron_peristiwa(gw_request *req)
{
	sinkron(req, "peristiwa");
}

/*
 * h_api.c - the one handler of every API route: the route row (routes.c)
 * names its database function (kkb.api_...) and where each of the function's
 * arguments comes from (gw_arg); the handler collects them from the request,
 * runs `SELECT * FROM kkb.api_x($1, ...)` in the request's transaction as the
 * caller (tx.c), and answers with the document the function returns: its
 * second column, when it has one, is the status (201 created, 422 refused
 * body); no document is the route's none_status (404, or 400) with its
 * message.
 *
 * The statement of each route is built once, from the route table, and
 * prepared per connection like every other (db.c); its parameter types are
 * the function's declared argument types, so the database parses region
 * codes, dates and bodies.  What the gateway checks itself is what the HTTP
 * interface defines: months YYYY-MM, paging, whole-number ranges, the JSON
 * body (415, 400, 422 when not an object).
 *
 * A route marked idempoten (a write that creates rows) takes an
 * Idempotency-Key header: in the same transaction as the write the key is
 * claimed (kkb._idempotensi_klaim, keyed by the token) and the answer kept
 * with it (kkb._idempotensi_simpan), so a repeat - after a lost answer, or
 * at the same time - gets the first answer again (Idempotent-Replayed: true)
 * and writes nothing; the key with another method, path or body is 422.
 */
#include "errors.h"
#include "routes.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "digest.h"
#include "qr.h"
#include "request.h"
#include "tx.h"

#define MAX_ROUTES 128

static gw_stmt stmts[MAX_ROUTES];
static char names[MAX_ROUTES][16];
static char sqls[MAX_ROUTES][160];
static pthread_once_t stmts_once = PTHREAD_ONCE_INIT;

/* The number of arguments of a route's function. */
static int
nargs(const gw_route *r)
{
	int			n = 0;

	while (n < GW_MAX_ARGS && r->args[n].kind != GW_ARG_NONE)
		n++;
	return n;
}

/* Every API route's statement: SELECT * FROM <function>($1, ..., $n). */
static void
build_stmts(void)
{
	for (int i = 0; i < gw_nroutes && i < MAX_ROUTES; i++)
	{
		const gw_route *r = &gw_routes[i];
		int			n = nargs(r);
		size_t		len;

		if (r->function == NULL)
			continue;
		snprintf(names[i], sizeof(names[i]), "api_%d", i);
		len = (size_t) snprintf(sqls[i], sizeof(sqls[i]), "SELECT * FROM %s(", r->function);
		for (int a = 0; a < n && len < sizeof(sqls[i]); a++)
			len += (size_t) snprintf(sqls[i] + len, sizeof(sqls[i]) - len, "%s$%d", a ? ", " : "", a + 1);
		if (len < sizeof(sqls[i]))
			snprintf(sqls[i] + len, sizeof(sqls[i]) - len, ")");
		stmts[i] = (gw_stmt) {names[i], sqls[i], n};
		gw_db_stmt_infer(&stmts[i]);
	}
}

/* A month query parameter: as gw_parse_periode, or the current month (UTC) when absent. */
static int
query_month(gw_request *req, const char *name, char out[11])
{
	const char *p = gw_query_arg(req, name);

	if (p == NULL)
	{
		time_t		now = time(NULL);
		struct tm	tm;

		gmtime_r(&now, &tm);
		if (strftime(out, 11, "%Y-%m-01", &tm) != 10)
			strcpy(out, "2000-01-01");	/* cannot happen before the year 10000 */
		return 0;
	}
	return gw_parse_periode(req, p, name, out);
}

/* A whole-number query parameter in [min, max]: its text (NULL when absent); -1 answered 400. */
static int
query_int(gw_request *req, const gw_arg *a, const char **out)
{
	const char *p = gw_query_arg(req, a->name);
	char		msg[160];
	long		v;
	char	   *end;
	size_t		i;

	*out = p;
	if (p == NULL)
		return 0;
	for (i = 0; p[i] && i < 10; i++)
		if (!isdigit((unsigned char) p[i]))
			break;
	if (i > 0 && p[i] == '\0')
	{
		v = strtol(p, &end, 10);
		if (*end == '\0' && v >= a->min && v <= a->max)
			return 0;
	}
	snprintf(msg, sizeof(msg), "invalid %s: expected a whole number from %d to %d", a->name, a->min, a->max);
	gw_reply_bad_param(req, a->name, msg, a->hint);
	return -1;
}

/* ---------------------------------------------------------------- Idempotency-Key */

static const gw_stmt st_klaim = {
	"kkb_idem_klaim",
	"SELECT keadaan, status, jawaban FROM kkb._idempotensi_klaim($1, $2, $3::pg_catalog.bytea)", 3
};
static const gw_stmt st_simpan = {
	"kkb_idem_simpan",
	"SELECT kkb._idempotensi_simpan($1, $2, $3::pg_catalog.int4, $4)", 4
};

typedef struct idem_arg
{
	const gw_stmt *st;
	const char *const *params;
	int			none_status;
	const char *none_message;
	const char *pemilik;		/* the token: hex of its key bytes */
	const char *kunci;			/* the header */
	const char *sidik;			/* \x + hex SHA-256 of method, path and body */
} idem_arg;

/* The transaction of an idempotent write: claim the key, then replay or write and keep the answer. */
static int
idem_body(gw_tx *tx, void *p)
{
	idem_arg   *a = p;
	const char *klaim[3] = {a->pemilik, a->kunci, a->sidik};
	PGresult   *res = gw_tx_exec(tx, &st_klaim, klaim);
	const char *keadaan;
	int			status = 200;
	char		status_teks[12];

	if (res == NULL)
		return -1;
	keadaan = PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "";
	if (strcmp(keadaan, "beda") == 0)
	{
		PQclear(res);
		gw_reply_galat(tx->req, "KKB-IDEMPOTENSI-BEDA", NULL, NULL, NULL);
		return -1;
	}
	if (strcmp(keadaan, "ulang") == 0)
	{
		status = atoi(PQgetvalue(res, 0, 1));
		gw_set_header(tx->req, "Idempotent-Replayed", "true");
		gw_reply_json_text(tx->req, status, PQgetvalue(res, 0, 2), (size_t) PQgetlength(res, 0, 2));
		PQclear(res);
		return 0;
	}
	PQclear(res);

	res = gw_tx_exec(tx, a->st, a->params);
	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0 || PQnfields(res) < 1 || PQgetisnull(res, 0, 0))
	{
		/* nothing written: rolled back, and the key with it */
		PQclear(res);
		gw_reply_galat(tx->req, a->none_status == 404 ? "KKB-TIDAK-DITEMUKAN" : "KKB-PERMINTAAN-TIDAK-SAH", NULL,
					   a->none_message, NULL);
		return -1;
	}
	if (PQnfields(res) >= 2 && !PQgetisnull(res, 0, 1))
		status = atoi(PQgetvalue(res, 0, 1));
	snprintf(status_teks, sizeof(status_teks), "%d", status);
	{
		const char *simpan[4] = {a->pemilik, a->kunci, status_teks, PQgetvalue(res, 0, 0)};
		PGresult   *ok = gw_tx_exec(tx, &st_simpan, simpan);

		if (ok == NULL)
		{
			PQclear(res);
			return -1;
		}
		PQclear(ok);
	}
	gw_reply_json_text(tx->req, status, PQgetvalue(res, 0, 0), (size_t) PQgetlength(res, 0, 0));
	PQclear(res);
	return 0;
}

/*
 * The Idempotency-Key of the request: 0 and *kunci NULL when none, 0 with the
 * key, -1 answered 400 when it is no key (1..255 visible ASCII characters).
 */
static int
idem_key(gw_request *req, const char **kunci)
{
	const char *k = gw_header(req, "Idempotency-Key");
	size_t		n = 0;

	*kunci = k;
	if (k == NULL)
		return 0;
	for (; k[n] && n <= 255; n++)
		if ((unsigned char) k[n] < 0x21 || (unsigned char) k[n] > 0x7e)
			break;
	if (n >= 1 && n <= 255 && k[n] == '\0')
		return 0;
	gw_reply_galat(req, "KKB-IDEMPOTENSI-KUNCI", NULL, NULL, NULL);
	return -1;
}

/* Run an idempotent write with its key: the request's fingerprint, then the transaction. */
static void
idem_run(gw_request *req, const gw_stmt *st, const char *const *params, int none_status, const char *none_message,
		 const char *kunci)
{
	size_t		lm = strlen(req->method),
				lp = strlen(req->path),
				lb = req->body ? req->body_len : 0;
	char	   *buf = malloc(lm + lp + lb + 3);
	unsigned char d[GW_SHA256_LEN];
	char		hex[2 * GW_SHA256_LEN + 1];
	char		sidik[2 * GW_SHA256_LEN + 3];
	char		pemilik[2 * sizeof(req->auth.kunci) + 1];
	idem_arg	a = {st, params, none_status, none_message, pemilik, kunci, sidik};

	if (buf == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "Out of memory.", NULL);
		return;
	}
	memcpy(buf, req->method, lm);
	buf[lm] = ' ';
	memcpy(buf + lm + 1, req->path, lp);
	buf[lm + 1 + lp] = '\n';
	if (lb)
		memcpy(buf + lm + lp + 2, req->body, lb);
	if (gw_sha256(buf, lm + lp + 2 + lb, d) != 0)
	{
		free(buf);
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "SHA-256 failed.", NULL);
		return;
	}
	free(buf);
	gw_sha256_hex(d, hex);
	snprintf(sidik, sizeof(sidik), "\\x%s", hex);
	for (size_t i = 0; i < sizeof(req->auth.kunci); i++)
		snprintf(pemilik + 2 * i, 3, "%02x", req->auth.kunci[i]);
	gw_tx_run(req, idem_body, &a);
}

void
gw_api_init(void)
{
	pthread_once(&stmts_once, build_stmts);
}

void
gw_api(gw_request *req)
{
	const gw_route *r = req->route;
	int			n = nargs(r);
	const char *params[GW_MAX_ARGS];
	char		months[GW_MAX_ARGS][11];
	char		limit[8] = "",
				offset[16] = "";
	int			ri = (int) (r - gw_routes);

	pthread_once(&stmts_once, build_stmts);
	if (r->function == NULL || ri < 0 || ri >= MAX_ROUTES)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "The route names no API function.", NULL);
		return;
	}
	for (int i = 0; i < n; i++)
	{
		const gw_arg *a = &r->args[i];

		params[i] = NULL;
		switch (a->kind)
		{
			case GW_ARG_NONE:
				break;
			case GW_ARG_PATH:
				params[i] = req->params[a->index];
				break;
			case GW_ARG_PATH_MONTH:
				if (gw_parse_periode(req, req->params[a->index], a->name, months[i]) < 0)
					return;
				params[i] = months[i];
				break;
			case GW_ARG_MONTH:
				if (query_month(req, a->name, months[i]) < 0)
					return;
				params[i] = months[i];
				break;
			case GW_ARG_LIMIT:
			case GW_ARG_OFFSET:
				if (limit[0] == '\0' && gw_query_paging(req, limit, offset) < 0)
					return;
				params[i] = a->kind == GW_ARG_LIMIT ? limit : offset;
				break;
			case GW_ARG_TEXT:
			case GW_ARG_DATE:
			case GW_ARG_REGION:
				params[i] = gw_query_arg(req, a->name);
				break;
			case GW_ARG_REGION_SCOPE_ALL:
				if ((params[i] = gw_query_arg(req, a->name)) == NULL && req->auth.wilayah[0])
					params[i] = req->auth.wilayah;
				break;
			case GW_ARG_REGION_SCOPE:
				if ((params[i] = gw_query_arg(req, a->name)) == NULL && req->auth.wilayah[0])
					params[i] = req->auth.wilayah;
				if (params[i] == NULL)
				{
					char		msg[96];

					snprintf(msg, sizeof(msg), "the parameter %s is required", a->name);
					gw_reply_bad_param(req, a->name, msg, a->hint);
					return;
				}
				break;
			case GW_ARG_INT:
				if (query_int(req, a, &params[i]) < 0)
					return;
				break;
			case GW_ARG_AGENCY:
				if ((params[i] = gw_query_arg(req, a->name)) == NULL && req->auth.opd[0])
					params[i] = req->auth.opd;
				break;
			case GW_ARG_TOKEN_AGENCY:
				params[i] = req->auth.opd;
				break;
			case GW_ARG_HEADER:
				params[i] = gw_header(req, a->name);
				break;
			case GW_ARG_BODY:
				{
					json_t	   *body;

					if (gw_body_object(req, NULL, &body) < 0)
						return;
					json_decref(body);
					params[i] = req->body;	/* the checked body itself: numbers reach the database as written */
				}
				break;
		}
	}
	if (r->idempoten)
	{
		const char *kunci;

		if (idem_key(req, &kunci) < 0)
			return;
		if (kunci != NULL)
		{
			idem_run(req, &stmts[ri], params, r->none_status ? r->none_status : 404,
					 r->none_message ? r->none_message : "not found", kunci);
			return;
		}
	}
	if (r->biner)
	{
		gw_reply_query_biner(req, &stmts[ri], params, r->none_status ? r->none_status : 404,
							 r->none_message ? r->none_message : "not found");
		return;
	}
	gw_reply_query(req, &stmts[ri], params, r->none_status ? r->none_status : 404,
				   r->none_message ? r->none_message : "not found");
	if (r->qr)
		gw_qr_tambah(req);
}

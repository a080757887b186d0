/*
 * tx.c - the per-request transaction as the caller (see tx.h).
 */
#include "tx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "errors.h"
#include "log.h"
#include "metrics.h"

/*
 * SET LOCAL statement_timeout of every request, in milliseconds ("0": none),
 * and of the expensive reads (routes with berat > 1); gw_tx_init
 */
static char statement_timeout[16] = "30000";
static char heavy_statement_timeout[16] = "15000";

void
gw_tx_init(int statement_timeout_s, int heavy_statement_timeout_s)
{
	snprintf(statement_timeout, sizeof(statement_timeout), "%d", statement_timeout_s * 1000);
	snprintf(heavy_statement_timeout, sizeof(heavy_statement_timeout), "%d",
			 (heavy_statement_timeout_s > 0 ? heavy_statement_timeout_s : statement_timeout_s) * 1000);
}

/* the request's scope, application user, time limit and agency (kkb._sesi_atur: set_config on one
 * node, SET LOCAL with a signature the workers check on a Citus cluster) */
static const gw_stmt st_scope = {
	"kkb_lingkup",
	"SELECT kkb._sesi_atur($1, $2, $3, $4)",
	4
};

/* the same, also reading the version a cached GET's ETag carries (cache.c): no extra round trip */
static const gw_stmt st_scope_versi = {
	"kkb_lingkup_versi",
	"SELECT kkb._sesi_atur($1, $2, $5, $6), kkb._versi_teks($3, $4::boolean)",	/* the version is column 1 (read below) */
	6
};

/* Is the result a success? */
static int
res_ok(const PGresult *res)
{
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

PGresult *
gw_tx_exec(gw_tx *tx, const gw_stmt *st, const char *const *params)
{
	PGresult   *res;

	if (tx->error)
		return NULL;			/* already failed: nothing more runs */
	res = gw_db_exec_stmt(tx->conn, st, params);
	if (res_ok(res))
		return res;
	if (res == NULL)
		res = PQmakeEmptyPGresult(tx->conn, PGRES_FATAL_ERROR);
	tx->error = res;
	if (tx->error == NULL)
		tx->error = PQmakeEmptyPGresult(NULL, PGRES_FATAL_ERROR);
	return NULL;
}

/* Roll back if a transaction is open; drop the connection if it broke. */
static void
finish_tx(PGconn *conn)
{
	if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_IDLE)
		PQclear(PQexec(conn, "ROLLBACK"));
	gw_db_check();
}

/*
 * COMMIT, and know whether it happened.
 *
 * The connection can break while COMMIT is on its way (the database is shut
 * down or crashes): then the transaction may have committed or not.  Two
 * cases are resolved here:
 *  - the server answers COMMIT and then ends the connection (a fast shutdown
 *    terminates the backend right after its command): COMMIT's own answer is
 *    read first (PQexec would report only the last result, the error);
 *  - no answer at all (an immediate shutdown or a crash between writing the
 *    commit record and answering): for a transaction that wrote something
 *    (it has a transaction id, asked for before COMMIT), the outcome is looked
 *    up on a new connection with txid_status().
 * When even that is impossible (the database is still away) the outcome is
 * UNKNOWN, and the client is told so (reply_outcome_unknown), never that
 * its request failed.
 */
typedef enum commit_outcome
{
	NOT_COMMITTED,				/* tx->error says why */
	COMMITTED,
	UNKNOWN,
} commit_outcome;

static const gw_stmt st_txid_status = {
	"kkb_txid_status",
	"SELECT pg_catalog.txid_status($1::pg_catalog.int8)",
	1
};

static commit_outcome
commit_tx(gw_tx *tx)
{
	PGresult   *res;
	PGresult   *err = NULL;
	char		xid[32] = "";
	int			committed = 0;
	const char *params[1];

	/* a transaction id only if this transaction wrote something: reads stay cheap */
	if (strcmp(tx->req->method, "GET") != 0)
	{
		res = PQexec(tx->conn, "SELECT pg_catalog.txid_current_if_assigned()");
		if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
			snprintf(xid, sizeof(xid), "%s", PQgetvalue(res, 0, 0));
		else if (PQstatus(tx->conn) != CONNECTION_OK)
		{
			/* COMMIT was never sent: nothing was committed */
			tx->error = res ? res : PQmakeEmptyPGresult(tx->conn, PGRES_FATAL_ERROR);
			return NOT_COMMITTED;
		}
		PQclear(res);
	}

	if (PQsendQuery(tx->conn, "COMMIT"))
	{
		while ((res = PQgetResult(tx->conn)) != NULL)
		{
			if (PQresultStatus(res) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(res), "COMMIT") == 0)
				committed = 1;
			else if (err == NULL && PQresultStatus(res) != PGRES_COMMAND_OK)
			{
				err = res;
				continue;
			}
			PQclear(res);
		}
	}
	if (committed)
	{
		if (err != NULL)
			gw_log("info", "COMMIT was answered, then the connection ended",
				   json_pack("{s:s?}", "error", PQresultErrorField(err, PG_DIAG_MESSAGE_PRIMARY)));
		PQclear(err);
		return COMMITTED;
	}
	if (PQstatus(tx->conn) == CONNECTION_OK || xid[0] == '\0')
	{
		/* COMMIT refused (e.g. a deferred check), or nothing to lose: a plain failure */
		tx->error = err ? err : PQmakeEmptyPGresult(tx->conn, PGRES_FATAL_ERROR);
		return NOT_COMMITTED;
	}
	PQclear(err);

	/* the connection broke with COMMIT unanswered: ask a new connection what became of the transaction */
	gw_db_log_unavailable(PQerrorMessage(tx->conn));
	gw_db_check();
	params[0] = xid;
	res = gw_db_exec_stmt_retry(&st_txid_status, params);
	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
	{
		const char *st = PQgetvalue(res, 0, 0);
		commit_outcome o = strcmp(st, "committed") == 0 ? COMMITTED : strcmp(st, "aborted") == 0 ? NOT_COMMITTED : UNKNOWN;

		gw_log("info", "looked up a transaction whose COMMIT went unanswered",
			   json_pack("{s:s, s:s}", "txid", xid, "status", st));
		PQclear(res);
		if (o == NOT_COMMITTED)
			tx->error = PQmakeEmptyPGresult(NULL, PGRES_FATAL_ERROR);	/* answered 503 */
		return o;
	}
	PQclear(res);
	gw_log("warn", "the outcome of a transaction is unknown: the connection broke before COMMIT was answered",
		   json_pack("{s:s, s:s}", "txid", xid, "route", tx->req->route ? tx->req->route->pattern : ""));
	return UNKNOWN;
}

/* 503 for a write whose COMMIT may or may not have happened. */
static void
reply_outcome_unknown(gw_request *req)
{
	gw_error	e = {.code = "KKB-HASIL-TIDAK-PASTI",
		.details = "The changes were either all stored or none of them (a request is one transaction)."};

	gw_metrics_db_error(1);
	gw_reply_err(req, &e, json_pack("{s:b}", "tidak_pasti", 1));
}

int
gw_tx_run(gw_request *req, gw_tx_fn fn, void *arg)
{
	int			attempt;

	for (attempt = 0; attempt < 2; attempt++)
	{
		gw_tx		tx;
		PGconn	   *alive;
		PGresult   *res;
		const char *params[6];
		const char *timeout = req->route && req->route->berat > 1 ? heavy_statement_timeout : statement_timeout;
		int			rc;

		memset(&tx, 0, sizeof(tx));
		tx.req = req;
		tx.conn = gw_db_conn();
		if (tx.conn == NULL)
		{
			gw_reply_db_unavailable(req);
			return -1;
		}

		/* BEGIN; SET LOCAL ROLE: constant SQL chosen by the validated role */
		res = PQexec(tx.conn, gw_role_begin_sql(req->auth.role));
		if (PQstatus(tx.conn) != CONNECTION_OK)
		{
			/* the connection broke since the last request (database restarted): once more on a new one */
			gw_db_log_unavailable(PQerrorMessage(tx.conn));
			PQclear(res);
			gw_db_check();
			continue;
		}
		if (!res_ok(res))
		{
			PGconn	   *alive = PQstatus(tx.conn) == CONNECTION_OK ? tx.conn : NULL;

			finish_tx(tx.conn);	/* drops only a broken connection: `alive` stays open */
			gw_reply_pg_error(req, res, alive);
			PQclear(res);
			return -1;
		}
		PQclear(res);

		params[0] = req->auth.wilayah;
		params[1] = req->auth.role == GW_ROLE_NONE ? "anonim" : req->auth.label;
		if (req->etag_mode != GW_ETAG_NONE && req->etag[0] == '\0')
		{
			params[2] = req->etag_region;
			params[3] = req->etag_mode == GW_ETAG_ACUAN ? "true" : "false";
			params[4] = timeout;
			params[5] = req->auth.opd;
			res = gw_tx_exec(&tx, &st_scope_versi, params);
			req->etag_versi[0] = '\0';
			if (res && PQntuples(res) == 1 && !PQgetisnull(res, 0, 1))
				snprintf(req->etag_versi, sizeof(req->etag_versi), "%s", PQgetvalue(res, 0, 1));
		}
		else
		{
			params[2] = timeout;
			params[3] = req->auth.opd;
			res = gw_tx_exec(&tx, &st_scope, params);
		}
		PQclear(res);

		rc = tx.error ? -1 : fn(&tx, arg);
		if (rc == 0 && tx.error == NULL)
		{
			int			c = commit_tx(&tx);

			gw_db_check();
			if (c == COMMITTED)
				return 0;
			if (c == UNKNOWN)
			{
				reply_outcome_unknown(req);
				return -1;
			}
		}
		alive = PQstatus(tx.conn) == CONNECTION_OK ? tx.conn : NULL;
		finish_tx(tx.conn);		/* drops only a broken connection: `alive` stays open */
		if (tx.error == NULL)
			return -1;			/* fn answered (e.g. 404) and chose to roll back */
		if (attempt == 0 && gw_pg_error_retryable(tx.error))
		{
			gw_log("info", "retrying after a serialization failure",
				   json_pack("{s:s}", "sqlstate", PQresultErrorField(tx.error, PG_DIAG_SQLSTATE)));
			PQclear(tx.error);
			continue;
		}
		/* rolled back (finish_tx): the registry is read on the same connection */
		gw_reply_pg_error(req, tx.error, alive);
		PQclear(tx.error);
		return -1;
	}
	gw_reply_db_unavailable(req);
	return -1;
}

/* ---------------------------------------------------------------- one statement, JSON out */

typedef struct query_arg
{
	const gw_stmt *st;
	const char *const *params;
	int			none_status;
	const char *none_message;
} query_arg;

static int
query_body(gw_tx *tx, void *p)
{
	query_arg  *a = p;
	PGresult   *res = gw_tx_exec(tx, a->st, a->params);
	int			status = 200;

	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0 || PQnfields(res) < 1 || PQgetisnull(res, 0, 0))
	{
		PQclear(res);
		gw_reply_galat(tx->req, a->none_status == 404 ? "KKB-TIDAK-DITEMUKAN" : "KKB-PERMINTAAN-TIDAK-SAH", NULL,
					   a->none_message, NULL);
		return -1;
	}
	if (PQnfields(res) >= 2 && !PQgetisnull(res, 0, 1))
		status = atoi(PQgetvalue(res, 0, 1));
	gw_reply_json_text(tx->req, status, PQgetvalue(res, 0, 0), (size_t) PQgetlength(res, 0, 0));
	PQclear(res);
	return 0;
}

/* ---------------------------------------------------------------- one statement, bytes out */

/* The media types an answer of bytes may carry (a static string for the response). */
static const char *
media_biner(const char *jenis)
{
	static const char *const dikenal[] = {"image/jpeg", "image/png", "image/webp"};

	for (size_t i = 0; jenis && i < sizeof(dikenal) / sizeof(dikenal[0]); i++)
		if (strcmp(jenis, dikenal[i]) == 0)
			return dikenal[i];
	return "application/octet-stream";
}

static int
nilai_hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int
query_biner_body(gw_tx *tx, void *p)
{
	query_arg  *a = p;
	PGresult   *res = gw_tx_exec(tx, a->st, a->params);
	const char *hex;
	size_t		len,
				n;
	char	   *buf;

	if (res == NULL)
		return -1;
	if (PQntuples(res) == 0 || PQnfields(res) < 2 || PQgetisnull(res, 0, 0))
	{
		PQclear(res);
		gw_reply_galat(tx->req, a->none_status == 404 ? "KKB-TIDAK-DITEMUKAN" : "KKB-PERMINTAAN-TIDAK-SAH", NULL,
					   a->none_message, NULL);
		return -1;
	}
	/* bytea in the text format: \x and two hex digits a byte */
	hex = PQgetvalue(res, 0, 0);
	len = (size_t) PQgetlength(res, 0, 0);
	n = len >= 2 ? (len - 2) / 2 : 0;
	buf = malloc(n ? n : 1);
	if (buf == NULL || len < 2 || hex[0] != '\\' || hex[1] != 'x' || len % 2 != 0)
	{
		free(buf);
		PQclear(res);
		gw_reply_galat(tx->req, "KKB-INTERNAL", NULL, "The function's bytes could not be read.", NULL);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
	{
		int			hi = nilai_hex(hex[2 + 2 * i]),
					lo = nilai_hex(hex[3 + 2 * i]);

		if (hi < 0 || lo < 0)
		{
			free(buf);
			PQclear(res);
			gw_reply_galat(tx->req, "KKB-INTERNAL", NULL, "The function's bytes could not be read.", NULL);
			return -1;
		}
		buf[i] = (char) (hi << 4 | lo);
	}
	gw_reply_body(tx->req, 200, media_biner(PQgetisnull(res, 0, 1) ? NULL : PQgetvalue(res, 0, 1)), buf, n);
	PQclear(res);
	return 0;
}

void
gw_reply_query_biner(gw_request *req, const gw_stmt *st, const char *const *params,
					 int none_status, const char *none_message)
{
	query_arg	a = {st, params, none_status, none_message};

	gw_tx_run(req, query_biner_body, &a);
}

void
gw_reply_query(gw_request *req, const gw_stmt *st, const char *const *params,
			   int none_status, const char *none_message)
{
	query_arg	a = {st, params, none_status, none_message};

	gw_tx_run(req, query_body, &a);
}

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

static const gw_stmt st_scope = {
	"kkb_lingkup",
	"SELECT pg_catalog.set_config('kkb.wilayah', $1, true), pg_catalog.set_config('kkb.pengguna', $2, true)",
	2
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

int
gw_tx_run(gw_request *req, gw_tx_fn fn, void *arg)
{
	int			attempt;

	for (attempt = 0; attempt < 2; attempt++)
	{
		gw_tx		tx;
		PGresult   *res;
		const char *params[2];
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
			gw_reply_pg_error(req, res);
			PQclear(res);
			finish_tx(tx.conn);
			return -1;
		}
		PQclear(res);

		params[0] = req->auth.wilayah;
		params[1] = req->auth.role == GW_ROLE_NONE ? "anonim" : req->auth.label;
		res = gw_tx_exec(&tx, &st_scope, params);
		PQclear(res);

		rc = tx.error ? -1 : fn(&tx, arg);
		if (rc == 0 && tx.error == NULL)
		{
			res = PQexec(tx.conn, "COMMIT");
			if (res_ok(res))
			{
				PQclear(res);
				gw_db_check();
				return 0;
			}
			tx.error = res ? res : PQmakeEmptyPGresult(tx.conn, PGRES_FATAL_ERROR);
		}
		finish_tx(tx.conn);
		if (tx.error == NULL)
			return -1;			/* fn answered (e.g. 404) and chose to roll back */
		if (attempt == 0 && gw_pg_error_retryable(tx.error))
		{
			gw_log("info", "retrying after a serialization failure",
				   json_pack("{s:s}", "sqlstate", PQresultErrorField(tx.error, PG_DIAG_SQLSTATE)));
			PQclear(tx.error);
			continue;
		}
		gw_reply_pg_error(req, tx.error);
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
		gw_reply_error(tx->req, a->none_status, a->none_status == 404 ? "KKB-404" : "KKB-400",
					   a->none_message, NULL, NULL);
		return -1;
	}
	if (PQnfields(res) >= 2 && !PQgetisnull(res, 0, 1))
		status = atoi(PQgetvalue(res, 0, 1));
	gw_reply_json_text(tx->req, status, PQgetvalue(res, 0, 0), (size_t) PQgetlength(res, 0, 0));
	PQclear(res);
	return 0;
}

void
gw_reply_query(gw_request *req, const gw_stmt *st, const char *const *params,
			   int none_status, const char *none_message)
{
	query_arg	a = {st, params, none_status, none_message};

	gw_tx_run(req, query_body, &a);
}

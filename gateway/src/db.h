/*
 * db.h - one libpq connection per worker thread, reconnecting on demand,
 * with per-connection prepared statements.
 *
 * Each libmicrohttpd worker thread owns its connection (no lock on the hot
 * path).  A broken connection is dropped and a new one is opened on the next
 * call, so the gateway recovers by itself when the database comes back.
 */
#ifndef KKB_GW_DB_H
#define KKB_GW_DB_H

#include <libpq-fe.h>

/*
 * A statement the gateway runs: a unique name, constant SQL with $n
 * parameters, and the number of parameters.  Every parameter is sent as text:
 * declared text (the SQL casts it), or, for a statement marked with
 * gw_db_stmt_infer, of the type the server infers from the statement (the declared argument types of the API function
 * it calls: `SELECT * FROM kkb.api_x($1, $2)`).  Either way a statement
 * survives the extension being recreated.  It is prepared on a connection the
 * first time it runs there.
 */
typedef struct gw_stmt
{
	const char *name;
	const char *sql;
	int			nparams;
} gw_stmt;

/*
 * Mark `st` as a statement whose parameter types the server infers (an API
 * function's call).  Call before the statement first runs (at most 128).
 */
void		gw_db_stmt_infer(const gw_stmt *st);

/* Set the connection string used by every thread; call once before serving. */
void		gw_db_init(const char *conninfo);

/*
 * This thread's connection, opened if needed.  NULL when the database cannot
 * be reached (the reason has been logged, rate-limited).
 */
PGconn	   *gw_db_conn(void);

/*
 * Run a parameterised statement on this thread's connection.  When the
 * connection turns out to be broken before any result arrived (the database
 * restarted since the last request), it is reopened and the statement is
 * retried once.  Returns the result (caller PQclear()s it) or NULL when the
 * database is unavailable.  Use only for statements that are safe to repeat.
 */
PGresult   *gw_db_exec_retry(const char *sql, int nparams, const char *const *params);

/*
 * Run a statement on `conn` (this thread's connection), preparing it first if
 * this connection has not seen it.  Returns the result (never NULL: an
 * out-of-memory result is a PGRES_FATAL_ERROR result); the caller PQclear()s it.
 */
PGresult   *gw_db_exec_stmt(PGconn *conn, const gw_stmt *st, const char *const *params);

/* gw_db_exec_stmt with the reconnect-and-retry-once of gw_db_exec_retry; NULL when unavailable. */
PGresult   *gw_db_exec_stmt_retry(const gw_stmt *st, const char *const *params);

/* Drop this thread's connection if it is broken (after a failed statement). */
void		gw_db_check(void);

/* Log that the database is unavailable (rate-limited per thread). */
void		gw_db_log_unavailable(const char *why);

#endif

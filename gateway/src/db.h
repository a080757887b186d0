/*
 * db.h - one libpq connection per worker thread, reconnecting on demand.
 *
 * Each libmicrohttpd worker thread owns its connection (no lock on the hot
 * path).  A broken connection is dropped and a new one is opened on the next
 * call, so the gateway recovers by itself when the database comes back.
 */
#ifndef KKB_GW_DB_H
#define KKB_GW_DB_H

#include <libpq-fe.h>

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

/* Drop this thread's connection if it is broken (after a failed statement). */
void		gw_db_check(void);

#endif

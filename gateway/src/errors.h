/*
 * errors.h - the one table that maps PostgreSQL errors (SQLSTATE) to HTTP
 * statuses, and the JSON error body built from a failed result.
 *
 * Body: {"code","message","details","hint"} filled from the error's SQLSTATE,
 * primary message, detail and hint, plus "kolom" (the column) when the
 * database names one.  Errors the table does not know answer 500 with a
 * generic body; the real error goes to the log only.
 */
#ifndef KKB_GW_ERRORS_H
#define KKB_GW_ERRORS_H

#include <libpq-fe.h>

struct gw_request;

/*
 * The HTTP status for a SQLSTATE (5 characters; NULL or malformed means the
 * error came from libpq, not the server: 503).  *retry is set to 1 for
 * serialization failures and deadlocks, which the caller retries once before
 * answering the status returned (503).
 */
int			gw_http_status_for_sqlstate(const char *sqlstate, int *retry);

/* Is this result a failure that should be retried once (40001, 40P01)? */
int			gw_pg_error_retryable(const PGresult *res);

/*
 * Answer a failed statement: the status from the table, the body from the
 * error's fields.  `res` may be NULL (no result: the connection is gone ->
 * 503).  Does not PQclear `res`.
 */
void		gw_reply_pg_error(struct gw_request *req, const PGresult *res);

#endif

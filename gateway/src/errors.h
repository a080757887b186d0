/*
 * errors.h - every error answer of the gateway, built by one function.
 *
 * Body: {"code","message","details","hint","kolom"} (+ extra keys some
 * answers carry, e.g. "parameter", "posisi", "tidak_pasti", "sqlstate").
 * "code" is a stable code of the error registry (kkb.galat, e.g.
 * KKB-KKBPK-KB-PIL-NEGATIF or KKB-PERIODE-FORMAT); "message" is Indonesian,
 * or English when the request's Accept-Language prefers English; "kolom"
 * names the field concerned (or null), so that a form shows the message there.
 *
 * Database errors are looked up in the registry with one statement on the
 * request's connection (kkb.galat_jawab), after the failed transaction is
 * rolled back; when that is impossible the answer is built from the error's
 * own fields.  The gateway's own conditions (bad parameter, no token, unknown
 * route, limits) come from the compiled table below, which mirrors the
 * registry's rows with asal 'gateway' (`kkb-gateway --errors` lists it;
 * tests/gateway/14_galat.sh compares the two).  SQLSTATE -> HTTP status
 * is one table (gw_http_status_for_sqlstate), used when no registry row
 * gives the status.
 */
#ifndef KKB_GW_ERRORS_H
#define KKB_GW_ERRORS_H

#include <stdio.h>
#include <jansson.h>
#include <libpq-fe.h>

struct gw_request;

/* One condition of the gateway's own (a row of kkb.galat with asal 'gateway'). */
typedef struct gw_galat
{
	const char *code;
	int			status;
	const char *pesan;			/* Indonesian; "%s" stands for the value named */
	const char *pesan_en;		/* English, the same "%s" */
	const char *saran;			/* Indonesian hint, or NULL */
	const char *saran_en;		/* English hint, or NULL */
} gw_galat;

/* The compiled table, and its row for `code` (NULL when unknown). */
extern const gw_galat gw_galat_table[];
extern const int gw_galat_count;
const gw_galat *gw_galat_find(const char *code);

/*
 * One error answer.  Unset (NULL / 0) fields are taken from the compiled
 * table's row for `code`, in the request's language: status, message (with
 * `arg` in place of "%s"), hint.  details and kolom are sent as given.
 */
typedef struct gw_error
{
	const char *code;
	int			status;
	const char *arg;
	const char *message;
	const char *details;
	const char *hint;
	const char *kolom;
} gw_error;

/*
 * THE function that builds every error body: answers `e` (plus the keys of
 * `extra`, a JSON object that is consumed, or NULL) and records the code in
 * the request (req->error_code, for the request's log line).
 */
void		gw_reply_err(struct gw_request *req, const gw_error *e, json_t *extra);

/* Shorthand: the compiled table's condition `code`, with `arg`, `details` and `kolom` (each may be NULL). */
void		gw_reply_galat(struct gw_request *req, const char *code, const char *arg, const char *details,
						   const char *kolom);

/* Does the request's Accept-Language prefer English to Indonesian? */
int			gw_request_english(struct gw_request *req);

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
 * Answer a failed statement: its registry row, looked up on `conn` (the
 * request's connection, its transaction already rolled back; NULL: no lookup),
 * else the status from the SQLSTATE table and the error's own fields.  `res`
 * may be NULL (no result: the connection is gone -> 503).  Does not PQclear `res`.
 */
void		gw_reply_pg_error(struct gw_request *req, const PGresult *res, PGconn *conn);

/*
 * `kkb-gateway --errors`: the compiled table, one condition a line
 * (code, status, pesan, pesan_en, saran, saran_en, tab separated, NULL as
 * empty), then the SQLSTATE table ("sqlstate" SQLSTATE status).
 */
void		gw_errors_print(FILE *out);

#endif

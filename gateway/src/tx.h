/*
 * tx.h - the per-request transaction: every statement of a request runs as
 * the caller, in one transaction.
 *
 *   BEGIN; SET LOCAL ROLE <the token's role>          (constant SQL, auth.c)
 *   SELECT set_config('kkb.wilayah', <scope>, true), set_config('kkb.pengguna', <label>, true),
 *          set_config('kkb.opd', <the token's agency>, true)
 *   ... the handler's parameterised statements (prepared per connection) ...
 *   COMMIT   (ROLLBACK when a statement failed or the handler gave up)
 *
 * so row-level security in the database decides what the caller sees and may
 * change.  Serialization failures and deadlocks (40001, 40P01) rerun the whole
 * transaction once; a connection found broken when the transaction starts is
 * reopened and the transaction started again; any other failure is answered
 * through the SQLSTATE table (errors.c).
 */
#ifndef KKB_GW_TX_H
#define KKB_GW_TX_H

#include "db.h"
#include "reply.h"

typedef struct gw_tx
{
	gw_request *req;
	PGconn	   *conn;
	PGresult   *error;			/* the failure that ended the transaction (owned) */
} gw_tx;

/*
 * The body of a transaction: runs statements with gw_tx_exec and builds the
 * response.  Returns 0 to commit, -1 to roll back: either a statement failed
 * (gw_tx_exec returned NULL; the helper answers from the error) or the
 * function set an error response itself (e.g. 404).  It may run twice (retry),
 * so it must not keep state between runs other than the response.
 */
typedef int (*gw_tx_fn) (gw_tx *tx, void *arg);

/*
 * The longest statement of a request (seconds, 0: none), from
 * --statement-timeout, and of an expensive read (--heavy-statement-timeout; 0:
 * the same); call once before serving.
 */
void		gw_tx_init(int statement_timeout_s, int heavy_statement_timeout_s);

/*
 * Run `fn` in a transaction as req->auth's caller.  Returns 0 when it
 * committed (fn built the response), -1 when an error response was set.
 */
int			gw_tx_run(gw_request *req, gw_tx_fn fn, void *arg);

/*
 * Run one statement inside the transaction.  Returns its result (tuples or
 * command OK; the caller PQclear()s it), or NULL when it failed: the failure
 * is kept in tx->error and the body function should return -1 at once.
 */
PGresult   *gw_tx_exec(gw_tx *tx, const gw_stmt *st, const char *const *params);

/*
 * The common handler: run one statement whose first column of its first row
 * is the JSON response document, optionally with a second column giving the
 * HTTP status (e.g. 201 for created); default 200.  No row or a NULL
 * document answers `none_status` (404 or 400) with the message `none_message`.
 */
void		gw_reply_query(gw_request *req, const gw_stmt *st, const char *const *params,
						   int none_status, const char *none_message);
/* The same for a function that answers (bytes, media type): the bytes sent as they are (an image). */
void		gw_reply_query_biner(gw_request *req, const gw_stmt *st, const char *const *params,
								 int none_status, const char *none_message);

#endif

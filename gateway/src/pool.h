/*
 * pool.h - the threads of the expensive reads.
 *
 * libmicrohttpd's workers each serve many connections; a worker that runs a
 * long aggregate makes every connection it serves wait.  So an expensive read
 * (a route with berat > 1, routes.c) is not run by the worker that received
 * it: router.c takes one of the --max-heavy places, the worker suspends the
 * connection and hands the request to this pool (one thread and one database
 * connection per place), and goes on serving its other connections.  When
 * the pool has answered, the connection is resumed and the worker sends the
 * answer.  Requests beyond the threads wait in a queue, holding no worker;
 * gw_heavy_enter/leave (limit.c) bound the queue (--heavy-queue) and one
 * token's share of it (--max-heavy-per-token): beyond those a request was
 * answered 503 or 429 already.
 */
#ifndef KKB_GW_POOL_H
#define KKB_GW_POOL_H

#include "context.h"

/* Start `n` threads; 0 on success, -1 (logged) when a thread cannot be started. */
int			gw_pool_start(int n);

/*
 * Run req's handler on a pool thread (gw_dispatch_heavy, router.c), then set
 * req->deferred_done and resume req's connection.  The caller has suspended
 * the connection and holds one of the places.
 */
void		gw_pool_submit(gw_request *req);

/* Threads of the pool running a request now (for /metrics). */
int			gw_pool_busy(void);

/* Stop the threads once they are idle (after the daemon has stopped). */
void		gw_pool_stop(void);

#endif

/*
 * cancel.h - the worker threads' database connections, cancellable from
 * another thread: at shutdown, once the drain time is over, main.c cancels
 * what in-flight requests still run in the database (PQcancel), so their
 * transactions roll back and the workers come free.
 */
#ifndef KKB_GW_CANCEL_H
#define KKB_GW_CANCEL_H

#include <libpq-fe.h>

/* This thread's connection is now `conn` (call after connecting; replaces the previous one). */
void		gw_cancel_register(PGconn *conn);

/*
 * Ask the database to cancel the statement each registered connection is
 * running (an idle connection ignores it).  Returns how many cancel requests
 * were delivered.  Thread-safe; blocks for the round trips.
 */
int			gw_cancel_all(void);

#endif

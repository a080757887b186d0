/*
 * cancel.c - the worker threads' database connections, cancellable from
 * another thread (see cancel.h).
 *
 * A slot per thread that has connected: the PGcancel of its current
 * connection (libpq's cancel handle may be used from any thread).  A slot is
 * never given back: there is one per worker thread, and a thread that
 * reconnects replaces its handle under the lock, so a cancel never uses a
 * freed handle.  A handle of a connection that has been closed since only
 * reaches a backend that is gone (the cancel key does not match), harmless.
 */
#include "cancel.h"

#include <pthread.h>

#include "log.h"

#define GW_CANCEL_SLOTS 1024

static pthread_mutex_t cancel_lock = PTHREAD_MUTEX_INITIALIZER;
static PGcancel *slots[GW_CANCEL_SLOTS];
static int	nslots;
static __thread int my_slot = -1;

void
gw_cancel_register(PGconn *conn)
{
	PGcancel   *c = PQgetCancel(conn);

	pthread_mutex_lock(&cancel_lock);
	if (my_slot < 0 && nslots < GW_CANCEL_SLOTS)
		my_slot = nslots++;
	if (my_slot >= 0)
	{
		if (slots[my_slot])
			PQfreeCancel(slots[my_slot]);
		slots[my_slot] = c;
		c = NULL;
	}
	pthread_mutex_unlock(&cancel_lock);
	if (c)
		PQfreeCancel(c);		/* more threads than slots: this one cannot be cancelled */
}

int
gw_cancel_all(void)
{
	int			n = 0;
	char		err[256];

	pthread_mutex_lock(&cancel_lock);
	for (int i = 0; i < nslots; i++)
		if (slots[i] && PQcancel(slots[i], err, sizeof(err)))
			n++;
	pthread_mutex_unlock(&cancel_lock);
	return n;
}

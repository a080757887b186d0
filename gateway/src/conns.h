/*
 * conns.h - the server's connections (conns.c): what libmicrohttpd does not
 * do by itself.
 *
 * - A deadline for a request's headers (--header-timeout).  libmicrohttpd's
 *   --timeout is an idle timeout: a client sending a byte now and then
 *   keeps a connection forever without ever completing a request
 *   (slowloris).  The reaper thread shuts down a connection whose request
 *   headers are overdue.
 * - A decoded NUL (%00) in the path or a query value (gw_on_unescape): the
 *   request is refused with 400 once it is in.
 * - More query parameters than the connection's memory holds (gw_on_uri):
 *   answered 431 at once and the connection closed.
 * - A cap on the connections one client address holds
 *   (--max-connections-per-address): a connection over it is answered 503 at
 *   once and closed.
 */
#ifndef KKB_GW_CONNS_H
#define KKB_GW_CONNS_H

#include <pthread.h>
#include <stddef.h>
#include <microhttpd.h>

typedef struct gw_conn
{
	int			fd;
	double		deadline_ms;	/* the current request's headers are due by then */
	int			in_request;		/* the headers are in: the access handler has the request */
	int			cut;			/* already shut down by the reaper */
	int			nul;			/* the current request has a decoded NUL in its path or query */
	int			refused;		/* the current request was answered 431 by on_uri already */
	unsigned int addr;			/* the client's IPv4 address (network order); 0: not IPv4 */
	int			over;			/* refused at once: over the per-address connection cap */
	int			complete;		/* the headers were seen complete in the socket (waiting for a worker) */
	struct gw_conn *prev,
			   *next;
} gw_conn;

/* Monotonic milliseconds. */
double		gw_now_ms(void);

/*
 * Start the reaper with the header deadline and the connection memory (for
 * the 431 limit); per_address: connections one client address may hold (0:
 * no cap).
 */
int			gw_conns_start(double header_timeout_s, size_t max_header, int per_address);

/* The connection's tracking record, NULL when untracked. */
gw_conn    *gw_conn_of(struct MHD_Connection *conn);

/*
 * A request's headers are in (no deadline while it is served) / it was
 * answered (a new deadline).  gw_conn_request_in returns -1 when the reaper
 * has cut the connection already: the request is not served.
 */
int			gw_conn_request_in(gw_conn *c);
void		gw_conn_request_done(gw_conn *c);

/* libmicrohttpd callbacks: MHD_OPTION_NOTIFY_CONNECTION, MHD_OPTION_UNESCAPE_CALLBACK, MHD_OPTION_URI_LOG_CALLBACK. */
void		gw_on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
							 enum MHD_ConnectionNotificationCode toe);
size_t		gw_on_unescape(void *cls, struct MHD_Connection *conn, char *s);
void	   *gw_on_uri(void *cls, const char *uri, struct MHD_Connection *conn);

#endif

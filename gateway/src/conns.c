/*
 * conns.c - every TCP connection of the server, tracked (see conns.h).
 */
#include "conns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>

#include "log.h"
#include "metrics.h"

static double header_timeout_ms;
static unsigned int max_params;

double
gw_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* ---------------------------------------------------------------- connections
 *
 * Every TCP connection is tracked (MHD_OPTION_NOTIFY_CONNECTION) for what
 * libmicrohttpd does not do by itself:
 *
 * - A deadline for a request's headers (--header-timeout).  libmicrohttpd's
 *   --timeout is an idle timeout: a client sending a byte now and then
 *   keeps a connection forever without ever completing a request
 *   (slowloris).  The headers of a request must be complete within
 *   header_timeout of the connection opening, or of the previous response on
 *   a kept-alive connection; otherwise the reaper thread shuts the socket
 *   down and libmicrohttpd closes the connection.  (So a kept-alive
 *   connection stays open at most that long between requests.)  The reaper
 *   acts under the list's lock, and a connection leaves the list (the
 *   CLOSED notification) before libmicrohttpd closes its socket, so it never
 *   touches a socket number that has been reused.
 * - A decoded NUL (%00) in the path or a query value (on_unescape): the
 *   value would silently end there; the request is refused with 400.
 * - More query parameters than the connection's memory (--max-header) holds
 *   (on_uri): libmicrohttpd 0.9.75 then gives up on the request without
 *   answering and the client waits until the idle timeout.  Such a request is
 *   answered 431 at once and our side of the connection closed.
 */

pthread_mutex_t gw_conns_lock = PTHREAD_MUTEX_INITIALIZER;
static gw_conn *conns;

gw_conn *
gw_conn_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

void
gw_on_connection(void *cls, struct MHD_Connection *conn, void **socket_context, enum MHD_ConnectionNotificationCode toe)
{
	gw_conn    *c = *socket_context;

	(void) cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED)
	{
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);

		c = calloc(1, sizeof(*c));
		if (c == NULL || ci == NULL)
		{
			free(c);
			return;				/* untracked: only the idle timeout applies */
		}
		c->fd = ci->connect_fd;
		c->deadline_ms = gw_now_ms() + header_timeout_ms;
		pthread_mutex_lock(&gw_conns_lock);
		c->next = conns;
		if (conns)
			conns->prev = c;
		conns = c;
		pthread_mutex_unlock(&gw_conns_lock);
		*socket_context = c;
	}
	else if (toe == MHD_CONNECTION_NOTIFY_CLOSED && c != NULL)
	{
		pthread_mutex_lock(&gw_conns_lock);
		if (c->prev)
			c->prev->next = c->next;
		else
			conns = c->next;
		if (c->next)
			c->next->prev = c->prev;
		pthread_mutex_unlock(&gw_conns_lock);
		free(c);
		*socket_context = NULL;
	}
}

/* The reaper: shut down connections whose request headers are overdue. */
static void *
reaper(void *arg)
{
	useconds_t	tick = header_timeout_ms >= 2000 ? 200000 : 50000;

	(void) arg;
	for (;;)
	{
		double		now;
		int			n = 0;

		usleep(tick);
		now = gw_now_ms();
		pthread_mutex_lock(&gw_conns_lock);
		for (gw_conn *c = conns; c; c = c->next)
			if (!c->in_request && !c->cut && now > c->deadline_ms)
			{
				shutdown(c->fd, SHUT_RDWR);
				c->cut = 1;
				n++;
			}
		pthread_mutex_unlock(&gw_conns_lock);
		if (n > 0)
		{
			gw_metrics_header_timeouts(n);
			gw_log("info", "closed connections that sent no complete request headers within the header timeout",
				   json_pack("{s:i, s:f}", "connections", n, "header_timeout_s", header_timeout_ms / 1000.0));
		}
	}
	return NULL;
}

/* Unescape %XX in the path and in query keys and values, noting a decoded NUL. */
size_t
gw_on_unescape(void *cls, struct MHD_Connection *conn, char *s)
{
	(void) cls;
	for (const char *p = strchr(s, '%'); p; p = strchr(p + 1, '%'))
		if (p[1] == '0' && p[2] == '0')
		{
			gw_conn    *c = gw_conn_of(conn);

			if (c)
				c->nul = 1;		/* only this connection's thread touches it now */
			break;
		}
	return MHD_http_unescape(s);
}

/*
 * The request line is in (before libmicrohttpd parses the query): refuse a
 * query with more parameters than the connection's memory holds, at once.
 */
void *
gw_on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	static const char body[] =
		"{\"code\":\"KKB-PARAMETER-TERLALU-BANYAK\",\"message\":\"terlalu banyak parameter kueri\","
		"\"details\":\"The query has more parameters than the gateway accepts (see --max-header).\","
		"\"hint\":\"Kirim lebih sedikit parameter kueri.\",\"kolom\":null}";
	const char *q = strchr(uri, '?');
	unsigned int n = 0;
	gw_conn    *c;
	char		resp[512];
	int			len;

	(void) cls;
	if (q == NULL)
		return NULL;
	for (n = 1; *q; q++)
		n += *q == '&';
	if (n <= max_params || (c = gw_conn_of(conn)) == NULL)
		return NULL;
	/*
	 * Nothing has been written for this request yet, and this is the
	 * connection's own thread: answer directly, then end the connection
	 * (libmicrohttpd sees it closed and cleans up).
	 */
	len = snprintf(resp, sizeof(resp),
				   "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
				   "Content-Length: %zu\r\nConnection: close\r\nCache-Control: no-store\r\n"
				   "X-Content-Type-Options: nosniff\r\n\r\n%s", sizeof(body) - 1, body);
	if (send(c->fd, resp, (size_t) len, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
	{
		/* the client is gone already; the shutdown below ends it */
	}
	/*
	 * No more from us; the client closes on "Connection: close".  One that
	 * does not is cut off by the header deadline (this request never reaches
	 * the access handler).
	 */
	shutdown(c->fd, SHUT_WR);
	c->refused = 1;				/* should libmicrohttpd still hand it over: not served */
	gw_metrics_request(-1, 431, 0);
	gw_log("info", "request", json_pack("{s:s, s:n, s:i, s:i}", "method", "?", "route", "status", 431, "parameters", n));
	return NULL;
}


int
gw_conns_start(double header_timeout_s, size_t max_header)
{
	pthread_t	th;

	header_timeout_ms = header_timeout_s * 1000.0;
	/* a query parameter costs libmicrohttpd about 64 bytes of the connection's memory; keep half for the rest */
	max_params = (unsigned int) (max_header / 128);
	if (pthread_create(&th, NULL, reaper, NULL) != 0)
		return -1;
	pthread_detach(th);
	return 0;
}

void
gw_conn_request_in(gw_conn *c)
{
	pthread_mutex_lock(&gw_conns_lock);
	c->in_request = 1;
	pthread_mutex_unlock(&gw_conns_lock);
}

void
gw_conn_request_done(gw_conn *c)
{
	/* the next request on this connection: its headers are due within the header timeout */
	pthread_mutex_lock(&gw_conns_lock);
	c->in_request = 0;
	c->nul = 0;
	c->refused = 0;
	c->deadline_ms = gw_now_ms() + header_timeout_ms;
	pthread_mutex_unlock(&gw_conns_lock);
}

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
#include <netinet/in.h>
#include <arpa/inet.h>

#include "log.h"
#include "metrics.h"

static double header_timeout_ms;
static unsigned int max_params;
static int per_address;			/* connections one client address may hold; 0: no cap */
static char *peek_buf;			/* the reaper's: what waits in a socket */
static size_t peek_len;

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
 *   connection stays open at most that long between requests.)  Only
 *   requests whose headers are incomplete are cut: a worker thread serves
 *   its connections one request at a time, so while it runs a slow request
 *   the complete requests of its other connections wait unread in their
 *   sockets.  Before cutting, the reaper looks into the socket (MSG_PEEK):
 *   when the end of the headers (an empty line after a request line) is
 *   there, the request is complete and waits for its worker; it is never
 *   cut (the connection is marked `complete` until its answer).  Once the
 *   headers are in (in_request), the body may take as long as the idle
 *   timeout allows.  A connection the reaper has cut is not served even if
 *   libmicrohttpd still reads a request from it (gw_conn_request_in): a
 *   request nobody can hear the answer to must not change data.  The reaper
 *   acts under the list's lock, and a connection leaves the list (the
 *   CLOSED notification) before libmicrohttpd closes its socket, so it never
 *   touches a socket number that has been reused.
 * - A decoded NUL (%00) in the path or a query value (on_unescape): the
 *   value would silently end there; the request is refused with 400.
 * - More query parameters than the connection's memory (--max-header) holds
 *   (on_uri): libmicrohttpd 0.9.75 then gives up on the request without
 *   answering and the client waits until the idle timeout.  Such a request is
 *   answered 431 at once and our side of the connection closed.
 * - A cap on the connections one client address holds (per_address,
 *   --max-connections-per-address): a client that opens sockets and sends
 *   nothing (or a byte) would otherwise take every connection the server
 *   has (--max-connections) and health checks would wait in the listen
 *   queue.  A connection over the cap is answered at once with a fixed 503
 *   (no request is read, nothing is allocated but the tracking record) and
 *   closed.  The count is a walk over the tracked connections under the
 *   list's lock: at most --max-connections records.
 */

pthread_mutex_t gw_conns_lock = PTHREAD_MUTEX_INITIALIZER;
static gw_conn *conns;

gw_conn *
gw_conn_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

/*
 * A connection over the per-address cap: a fixed 503 without reading the
 * request, then our side closed (libmicrohttpd sees the socket shut and
 * closes the connection; the request, if any, never reaches the handler).
 */
static void
refuse_over_cap(gw_conn *c)
{
	char		body[512],
				resp[768];
	int			blen,
				len;
	struct in_addr a = {.s_addr = c->addr};
	char		ip[INET_ADDRSTRLEN] = "?";

	blen = snprintf(body, sizeof(body),
					"{\"code\":\"KKB-KONEKSI-TERLALU-BANYAK\",\"message\":\"terlalu banyak sambungan dari satu alamat: "
					"paling banyak %d\",\"details\":\"This client address already holds %d connections "
					"(--max-connections-per-address).\",\"hint\":\"Tutup sambungan yang tidak dipakai, lalu coba lagi.\","
					"\"kolom\":null}", per_address, per_address);
	len = snprintf(resp, sizeof(resp),
				   "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
				   "Content-Length: %d\r\nConnection: close\r\nRetry-After: 1\r\nCache-Control: no-store\r\n"
				   "X-Content-Type-Options: nosniff\r\n\r\n%s", blen, body);
	if (send(c->fd, resp, (size_t) len, MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
	{
		/* the client is gone already */
	}
	shutdown(c->fd, SHUT_RDWR);
	c->refused = 1;				/* should libmicrohttpd still read a request: not served */
	inet_ntop(AF_INET, &a, ip, sizeof(ip));
	gw_metrics_request(-1, 503, 0);
	gw_log("info", "refused a connection over the per-address cap",
		   json_pack("{s:s, s:i, s:i}", "address", ip, "cap", per_address, "status", 503));
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
		{
			const union MHD_ConnectionInfo *ai = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

			if (ai && ai->client_addr && ai->client_addr->sa_family == AF_INET)
				c->addr = ((const struct sockaddr_in *) ai->client_addr)->sin_addr.s_addr;
		}
		pthread_mutex_lock(&gw_conns_lock);
		if (per_address > 0 && c->addr != 0)
		{
			int			n = 0;

			for (gw_conn *o = conns; o; o = o->next)
				n += o->addr == c->addr && !o->over;
			c->over = n >= per_address;
		}
		c->next = conns;
		if (conns)
			conns->prev = c;
		conns = c;
		pthread_mutex_unlock(&gw_conns_lock);
		*socket_context = c;
		if (c->over)
			refuse_over_cap(c);
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

/*
 * Does the socket hold the end of a request's headers, waiting to be read?
 * Empty lines before the request line do not count (libmicrohttpd skips
 * them); the end is an empty line ("\r\n\r\n" or "\n\n") after it.
 */
static int
headers_waiting(int fd)
{
	ssize_t		n = recv(fd, peek_buf, peek_len, MSG_PEEK | MSG_DONTWAIT);
	ssize_t		i = 0;

	if (n <= 0)
		return 0;
	while (i < n && (peek_buf[i] == '\r' || peek_buf[i] == '\n'))
		i++;
	for (; i + 1 < n; i++)
		if (peek_buf[i] == '\n' &&
			(peek_buf[i + 1] == '\n' || (peek_buf[i + 1] == '\r' && i + 2 < n && peek_buf[i + 2] == '\n')))
			return 1;
	return 0;
}

/* The reaper: shut down connections whose request headers are overdue and incomplete. */
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
			if (!c->in_request && !c->cut && !c->complete && now > c->deadline_ms)
			{
				if (headers_waiting(c->fd))
				{
					c->complete = 1;	/* waits for its worker: answered, not cut */
					continue;
				}
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
gw_conns_start(double header_timeout_s, size_t max_header, int per_address_cap)
{
	pthread_t	th;

	header_timeout_ms = header_timeout_s * 1000.0;
	per_address = per_address_cap;
	peek_len = max_header;
	if ((peek_buf = malloc(peek_len)) == NULL)
		return -1;
	/* a query parameter costs libmicrohttpd about 64 bytes of the connection's memory; keep half for the rest */
	max_params = (unsigned int) (max_header / 128);
	if (pthread_create(&th, NULL, reaper, NULL) != 0)
		return -1;
	pthread_detach(th);
	return 0;
}

int
gw_conn_request_in(gw_conn *c)
{
	int			cut;

	pthread_mutex_lock(&gw_conns_lock);
	c->in_request = 1;
	cut = c->cut;
	pthread_mutex_unlock(&gw_conns_lock);
	return cut ? -1 : 0;
}

void
gw_conn_request_done(gw_conn *c)
{
	/* the next request on this connection: its headers are due within the header timeout */
	pthread_mutex_lock(&gw_conns_lock);
	c->in_request = 0;
	c->nul = 0;
	c->refused = c->over;		/* over the cap: nothing more is served */
	c->complete = 0;
	c->deadline_ms = gw_now_ms() + header_timeout_ms;
	pthread_mutex_unlock(&gw_conns_lock);
}

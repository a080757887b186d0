/*
 * server.c - libmicrohttpd glue: the daemon, a request's context and body,
 * sending the response, the per-request log line.  What a request gets is
 * decided by router.c; the connections are tracked by conns.c.
 */
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "cache.h"
#include "config.h"
#include "conns.h"
#include "cors.h"
#include "errors.h"
#include "log.h"
#include "metrics.h"
#include "pool.h"
#include "rekam.h"
#include "reply.h"
#include "router.h"
#include "routes.h"

static size_t max_body;

int
gw_http_inflight(void)
{
	return gw_metrics_inflight();
}

/* Send req's response through libmicrohttpd. */
static enum MHD_Result
send_response(gw_request *req)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	const char *origin = gw_cors_origin(req);
	char		vary[64] = "";

	/* a conditional GET whose entity tag still matches: 304 without a body */
	if (req->status == 200 && strcmp(req->method, "GET") == 0 &&
		gw_etag_matches(gw_header(req, MHD_HTTP_HEADER_IF_NONE_MATCH), gw_response_header(req, MHD_HTTP_HEADER_ETAG)))
	{
		req->status = 304;
		free(req->resp_body);
		req->resp_body = NULL;
		req->resp_len = 0;
		req->disposition[0] = '\0';
	}
	gw_rekam(req);
	if (req->resp_body == NULL)
		resp = MHD_create_response_from_buffer(0, (void *) "", MHD_RESPMEM_PERSISTENT);
	else
		resp = MHD_create_response_from_buffer(req->resp_len, req->resp_body, MHD_RESPMEM_MUST_FREE);
	if (resp == NULL)
		return MHD_NO;
	req->resp_body = NULL;		/* owned by the response now */
	if (req->content_type && req->status != 304 && req->status != 204)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, req->content_type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	if (gw_response_header(req, MHD_HTTP_HEADER_CACHE_CONTROL) == NULL)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	for (int i = 0; i < req->nheaders; i++)
		MHD_add_response_header(resp, req->headers[i].name, req->headers[i].value);
	if (req->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition", req->disposition);

	/* what else than the URL the answer depends on */
	if (req->route && req->route->csv)
		strcat(vary, "Accept");
	if (req->route && (req->route->cache == GW_CACHE_DATA || req->route->cache == GW_CACHE_PRIBADI))
		strcat(vary, vary[0] ? ", Authorization" : "Authorization");
	if (gw_cors_enabled())
		strcat(vary, vary[0] ? ", Origin" : "Origin");
	if (vary[0])
		MHD_add_response_header(resp, "Vary", vary);
	if (origin)
	{
		MHD_add_response_header(resp, "Access-Control-Allow-Origin", origin);
		if (strcmp(req->method, "OPTIONS") != 0)
			MHD_add_response_header(resp, "Access-Control-Expose-Headers", "ETag, Retry-After, Content-Disposition, Idempotent-Replayed");
	}

	if (req->status == 405 && req->allow[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, req->allow);
	if (req->status == 401 && req->www_authenticate)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, req->www_authenticate);
	ret = MHD_queue_response(req->conn, (unsigned int) req->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
		   const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	gw_request *req = *con_cls;
	gw_conn    *c;

	(void) cls;
	(void) version;
	if (req == NULL)
	{
		/* first call: headers are in; allocate the context */
		c = gw_conn_of(conn);
		if (c && c->refused)
			return MHD_NO;		/* answered 431 (on_uri) or 503 (over the cap) already: close */
		if (c && gw_conn_request_in(c) < 0)
			return MHD_NO;		/* cut by the header deadline: nobody hears an answer, do nothing */
		req = calloc(1, sizeof(*req));
		if (req == NULL)
			return MHD_NO;
		req->conn = conn;
		/* HEAD is a GET whose body libmicrohttpd leaves out */
		req->method = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0 ? MHD_HTTP_METHOD_GET : method;
		req->method_sent = method;
		req->path = url;
		req->started_ms = gw_now_ms();
		req->auth.role = GW_ROLE_NONE;
		gw_metrics_inflight_add(1);
		*con_cls = req;

		if (c)
			req->nul = c->nul;	/* refused once the request is in (dispatch), keeping the connection */

		/*
		 * Content-Length and Transfer-Encoding together (RFC 9112 section
		 * 6.1): a front end may frame the body by one and us by the other,
		 * and what one takes for the rest of the body the other serves as a
		 * second request (request smuggling).  Refused with 400 before the
		 * body is read, and the connection closed: nothing after these
		 * headers is read as a request.
		 */
		if (MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING) != NULL &&
			MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH) != NULL)
		{
			gw_reply_galat(req, "KKB-PANJANG-ISI-GANDA", NULL,
						   "A request may frame its body by Content-Length or by Transfer-Encoding, not both "
						   "(RFC 9112 section 6.1); the connection is closed.", NULL);
			gw_set_header(req, MHD_HTTP_HEADER_CONNECTION, "close");
			return send_response(req);
		}

		/* a declared body over the limit is refused before it is read */
		{
			const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);

			if (cl && strtoull(cl, NULL, 10) > max_body)
			{
				req->body_too_large = 1;
				gw_dispatch(req);	/* answered at once (413): never deferred */
				return send_response(req);
			}
		}
		return MHD_YES;
	}

	if (*upload_data_size > 0)
	{
		size_t		n = *upload_data_size;

		*upload_data_size = 0;	/* consumed (kept or discarded) */
		if (req->body_too_large || req->body_len + n > max_body)
		{
			req->body_too_large = 1;
			free(req->body);
			req->body = NULL;
			req->body_len = 0;
			return MHD_YES;
		}
		{
			char	   *nb = realloc(req->body, req->body_len + n + 1);

			if (nb == NULL)
				return MHD_NO;
			req->body = nb;
			memcpy(req->body + req->body_len, upload_data, n);
			req->body_len += n;
			req->body[req->body_len] = '\0';
		}
		return MHD_YES;
	}

	/* an expensive read the pool has answered: the connection was resumed to send it */
	if (req->deferred)
		return req->deferred_done ? send_response(req) : MHD_YES;

	/* the whole request is in */
	if (gw_dispatch(req))
	{
		/* an expensive read: this worker goes on with its other connections meanwhile */
		req->deferred = 1;
		MHD_suspend_connection(conn);
		gw_pool_submit(req);
		return MHD_YES;
	}
	return send_response(req);
}

/* Completion callback: log the request and free its context, whatever happened. */
static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	gw_request *req = *con_cls;
	gw_conn    *c = gw_conn_of(conn);
	json_t	   *f;
	double		ms;

	(void) cls;
	if (c)
		gw_conn_request_done(c);
	if (req == NULL)
		return;
	ms = gw_now_ms() - req->started_ms;
	gw_metrics_request(req->route ? (int) (req->route - gw_routes) : -1, req->status, ms);
	f = json_object();
	json_object_set_new(f, "method", json_string(req->method_sent));
	json_object_set_new(f, "route", req->route ? json_string(req->route->pattern) : json_null());
	json_object_set_new(f, "status", json_integer(req->status));
	json_object_set_new(f, "ms", json_real((double) ((long) (ms * 100)) / 100.0));
	if (req->auth.label[0])
		json_object_set_new(f, "token", json_string(req->auth.label));	/* the holder's label, never the token */
	if (req->status >= 400 && req->error_code[0])
		json_object_set_new(f, "code", json_string(req->error_code));
	if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
		json_object_set_new(f, "terminated", json_integer(toe));
	gw_log("info", "request", f);

	free(req->body);
	free(req->resp_body);
	free(req);
	*con_cls = NULL;
	gw_metrics_inflight_add(-1);
}

/* libmicrohttpd's own error messages, as log lines. */
static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char		buf[512];
	size_t		n;

	(void) cls;
	vsnprintf(buf, sizeof(buf), fmt, ap);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	gw_log("warn", "http", json_pack("{s:s}", "detail", buf));
}

struct MHD_Daemon *
gw_http_start(const gw_config *cfg)
{
	struct sockaddr_in addr;

	max_body = cfg->max_body;
	gw_router_init(cfg->max_body);
	gw_cors_init(cfg);
	gw_api_init();
	if (gw_conns_start(cfg->header_timeout_s, cfg->max_header, cfg->max_per_address) < 0)
		return NULL;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t) cfg->port);
	inet_pton(AF_INET, cfg->listen, &addr.sin_addr);

	return MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME,
							(uint16_t) cfg->port, NULL, NULL, on_request, NULL,
							MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
							MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &addr,
							MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) cfg->threads,
							MHD_OPTION_CONNECTION_LIMIT, (unsigned int) cfg->max_connections,
							MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) cfg->timeout_s,
							MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->max_header,
							MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
							MHD_OPTION_NOTIFY_CONNECTION, gw_on_connection, NULL,
							MHD_OPTION_URI_LOG_CALLBACK, gw_on_uri, NULL,
							MHD_OPTION_UNESCAPE_CALLBACK, gw_on_unescape, NULL,
							MHD_OPTION_END);
}

/*
 * router.c - the route table lookup and the steps of every request (see
 * router.h).
 */
#include "errors.h"
#include "limit.h"
#include "router.h"

#include <stdio.h>
#include <string.h>
#include <microhttpd.h>

#include "cache.h"
#include "cors.h"
#include "export.h"
#include "guard.h"
#include "reply.h"

static size_t max_body;

static void dispatch_handler(gw_request *req, int is_get);
static void dispatch_token(gw_request *req, int is_get);

void
gw_router_init(size_t body_limit)
{
	max_body = body_limit;
}

/*
 * Does path segment `seg` (length n) match pattern segment `pat` (length m)?
 * "{...}" matches any non-empty segment.
 */
static int
seg_match(const char *pat, size_t m, const char *seg, size_t n)
{
	if (m >= 2 && pat[0] == '{' && pat[m - 1] == '}')
		return n > 0;
	return m == n && memcmp(pat, seg, n) == 0;
}

/*
 * Match one pattern against a path; on success copy {params} into req.
 * Both start with '/'.  Returns 1 on a match.
 */
static int
pattern_match(gw_request *req, const char *pattern, const char *path)
{
	const char *p = pattern,
			   *s = path;
	int			np = 0;
	size_t		used = 0;
	const char *caps[GW_MAX_PARAMS];
	size_t		caplen[GW_MAX_PARAMS];
	int			i;

	while (*p == '/' && *s == '/')
	{
		const char *pe,
				   *se;

		p++;
		s++;
		pe = strchr(p, '/');
		se = strchr(s, '/');
		if (!pe)
			pe = p + strlen(p);
		if (!se)
			se = s + strlen(s);
		if (!seg_match(p, (size_t) (pe - p), s, (size_t) (se - s)))
			return 0;
		if (*p == '{')
		{
			if (np == GW_MAX_PARAMS)
				return 0;
			caps[np] = s;
			caplen[np] = (size_t) (se - s);
			np++;
		}
		p = pe;
		s = se;
	}
	if (*p != '\0' || *s != '\0')
		return 0;

	for (i = 0; i < np; i++)
	{
		if (used + caplen[i] + 1 > sizeof(req->param_buf))
			return 0;
		memcpy(req->param_buf + used, caps[i], caplen[i]);
		req->param_buf[used + caplen[i]] = '\0';
		req->params[i] = req->param_buf + used;
		used += caplen[i] + 1;
	}
	for (; i < GW_MAX_PARAMS; i++)
		req->params[i] = NULL;
	return 1;
}

const gw_route *
gw_route_match(gw_request *req, const char *method, const char *path, int *path_known)
{
	int			i;
	const gw_route *found = NULL;

	*path_known = 0;
	req->allow[0] = '\0';
	if (path == NULL || path[0] != '/')
		return NULL;
	for (i = 0; i < gw_nroutes; i++)
	{
		if (!pattern_match(req, gw_routes[i].pattern, path))
			continue;
		if (strcmp(gw_routes[i].method, method) == 0)
		{
			found = &gw_routes[i];
			break;
		}
		*path_known = 1;
		if (strlen(req->allow) + strlen(gw_routes[i].method) + 3 < sizeof(req->allow))
		{
			if (req->allow[0])
				strcat(req->allow, ", ");
			strcat(req->allow, gw_routes[i].method);
		}
	}
	if (found)
		pattern_match(req, found->pattern, path);	/* params of the chosen route */
	return found;
}

/*
 * <path>.csv or <path>.xlsx of a CSV route (a GET; OPTIONS asks about it
 * too): match the path without the suffix.  Returns the GET route (and its
 * params in req) and the file form in *kind, or NULL.
 */
const gw_route *
gw_route_match_csv(gw_request *req, int *kind)
{
	char		path[512];
	size_t		n = req->path ? strlen(req->path) : 0,
				suffix;
	const gw_route *r;
	int			path_known;

	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "OPTIONS") != 0)
		return NULL;
	if (n > 4 && strcmp(req->path + n - 4, ".csv") == 0)
	{
		suffix = 4;
		*kind = GW_EKSPOR_CSV;
	}
	else if (n > 5 && strcmp(req->path + n - 5, ".xlsx") == 0)
	{
		suffix = 5;
		*kind = GW_EKSPOR_XLSX;
	}
	else
		return NULL;
	if (n - suffix >= sizeof(path))
		return NULL;
	memcpy(path, req->path, n - suffix);
	path[n - suffix] = '\0';
	r = gw_route_match(req, "GET", path, &path_known);
	return r && r->csv ? r : NULL;
}

/*
 * OPTIONS: the methods a resource allows (Allow), and for a browser's
 * preflight the CORS answer (cors.c).
 */
static void
reply_options(gw_request *req)
{
	int			path_known = 0,
				kind;
	char		allow[80];

	gw_route_match(req, "OPTIONS", req->path, &path_known);
	/* "/v1/desa.csv": the CSV form of a GET list route */
	if (!path_known && gw_route_match_csv(req, &kind) != NULL)
	{
		snprintf(req->allow, sizeof(req->allow), "GET");
		path_known = 1;
	}
	if (!path_known)
	{
		gw_reply_galat(req, "KKB-RUTE-TIDAK-ADA", NULL, "No route of this API matches the requested path.", NULL);
		return;
	}
	snprintf(allow, sizeof(allow), "%s, OPTIONS", req->allow);
	gw_reply_body(req, 204, NULL, NULL, 0);
	gw_set_header(req, MHD_HTTP_HEADER_ALLOW, allow);
	gw_cors_preflight(req, allow);
}

int
gw_dispatch(gw_request *req)
{
	int			path_known;
	int			is_get;

	if (req->body_too_large)
	{
		char		size[32];

		snprintf(size, sizeof(size), "%zu", max_body);
		gw_reply_galat(req, "KKB-ISI-TERLALU-BESAR", size, NULL, NULL);
		return 0;
	}
	if (req->nul)
	{
		gw_reply_galat(req, "KKB-URL-NUL", NULL, "A decoded NUL would cut the value short; it is refused.", NULL);
		return 0;
	}
	if (strcmp(req->method, "OPTIONS") == 0)
	{
		reply_options(req);
		return 0;
	}
	req->route = gw_route_match(req, req->method, req->path, &path_known);
	if (req->route == NULL && !path_known && (req->route = gw_route_match_csv(req, &req->want_csv)) != NULL)
		;
	else if (req->route && req->route->csv && strcmp(req->method, "GET") == 0 && gw_accepts_csv(req))
		req->want_csv = GW_EKSPOR_CSV;
	/* ?format=excel: the CSV for a spreadsheet in an Indonesian locale */
	if (req->want_csv == GW_EKSPOR_CSV && gw_query_arg(req, "format") && strcmp(gw_query_arg(req, "format"), "excel") == 0)
		req->want_csv = GW_EKSPOR_EXCEL;
	if (req->route == NULL)
	{
		if (path_known)
		{
			char		method[20];

			snprintf(method, sizeof(method), "%.16s", req->method);
			gw_reply_galat(req, "KKB-METODE-TIDAK-DIIZINKAN", method, NULL, NULL);
			return 0;
		}
		gw_reply_galat(req, "KKB-RUTE-TIDAK-ADA", NULL, "No route of this API matches the requested path.", NULL);
		return 0;
	}

	is_get = strcmp(req->method, "GET") == 0;
	if (req->route->access != GW_OPEN && gw_guard(req, is_get) < 0)
		return 0;
	/*
	 * Expensive reads have places of their own (--max-heavy) and threads of
	 * their own (pool.c): when the places are taken, one more is refused at
	 * once rather than queued, and the workers stay free for village work.
	 */
	if (req->route->berat > 1)
	{
		gw_heavy_result h = gw_heavy_enter(req->auth.kunci);
		char		n[16],
					details[200];

		if (h == GW_HEAVY_OK)
			return 1;			/* run by the pool: gw_dispatch_heavy */
		if (h == GW_HEAVY_TOKEN)
		{
			snprintf(details, sizeof(details),
					 "Each token may have %d expensive requests (aggregates over many villages) running or waiting at once "
					 "(--max-heavy-per-token); wait for an answer before sending more.", gw_heavy_per_token());
			gw_reply_galat(req, "KKB-TERLALU-SERING",
						   gw_request_english(req) ? "expensive requests at once of this token" : "permintaan berat serentak token ini",
						   details, NULL);
		}
		else
		{
			snprintf(n, sizeof(n), "%d", gw_heavy_capacity());
			gw_reply_galat(req, "KKB-SIBUK", n,
						   "Aggregates over many villages run a few at a time (--max-heavy), with a short queue (--heavy-queue); "
						   "other requests are not held up by them.", NULL);
		}
		gw_set_header(req, MHD_HTTP_HEADER_RETRY_AFTER, "2");
		return 0;
	}
	dispatch_token(req, is_get);
	return 0;
}

void
gw_dispatch_heavy(gw_request *req)
{
	dispatch_token(req, strcmp(req->method, "GET") == 0);
	gw_heavy_leave(req->auth.kunci);
}

/* The per-token cap of requests in flight around the handler. */
static void
dispatch_token(gw_request *req, int is_get)
{
	/* one token's requests in flight are capped, so that no caller occupies every worker */
	if (req->route->access != GW_OPEN && req->auth.role != GW_ROLE_NONE)
	{
		if (gw_inflight_enter(req->auth.kunci) < 0)
		{
			gw_reply_galat(req, "KKB-TERLALU-SERING", gw_request_english(req) ? "concurrent requests of this token" : "permintaan serentak token ini",
						   "Each token may have a few requests in flight at once (--max-inflight-per-token); wait for an answer before sending more.", NULL);
			gw_set_header(req, MHD_HTTP_HEADER_RETRY_AFTER, "1");
			return;
		}
		dispatch_handler(req, is_get);
		gw_inflight_leave(req->auth.kunci);
		return;
	}
	dispatch_handler(req, is_get);
}

/* The route's handler, with the conditional GET and the ETag around it. */
static void
dispatch_handler(gw_request *req, int is_get)
{
	if (is_get && req->route->cache != GW_CACHE_NONE)
	{
		int			visible = gw_etag_target(req);

		/*
		 * A conditional GET of the public reference data asks for the version first
		 * (one cheap statement): while the client's copy is valid, 304 without running
		 * the handler - everyone may read it.  Any other answer is computed first, as
		 * the caller, in the request's own transaction, which also reads the version
		 * over what the caller may see (tx.c): a 304 follows only the same
		 * authorisation as a 200 (send_response, server.c), never a 403 or 404.
		 */
		if (visible && req->etag_mode == GW_ETAG_ACUAN && gw_header(req, MHD_HTTP_HEADER_IF_NONE_MATCH) != NULL)
		{
			gw_etag_fetch(req);
			if (gw_etag_matches(gw_header(req, MHD_HTTP_HEADER_IF_NONE_MATCH), req->etag))
			{
				gw_reply_body(req, 304, NULL, NULL, 0);
				gw_cache_headers(req);
				return;
			}
		}
	}
	req->route->handler(req);
	if (req->resp_body == NULL)
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "the handler produced no response", NULL);
	else if (req->want_csv)
		gw_reply_as_csv(req);
	if (is_get && req->status == 200 && req->route->cache != GW_CACHE_NONE)
	{
		if (req->etag_versi[0])
			gw_etag_compose(req, req->etag_versi);	/* read in the request's transaction */
		else if (req->etag[0] == '\0')
			gw_etag_fetch(req);	/* a handler without a per-request transaction */
		gw_cache_headers(req);
	}
}

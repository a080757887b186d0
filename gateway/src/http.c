/*
 * http.c - libmicrohttpd glue: request context, body capture, routing,
 * responses, the per-request log line.
 */
#include "http.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "config.h"
#include "csv.h"
#include "db.h"
#include "errors.h"
#include "limit.h"
#include "log.h"
#include "metrics.h"

static atomic_int inflight;
static size_t max_body;
static const gw_config *config;	/* the settings, for CORS */
static double header_timeout_ms;
static unsigned int max_params;

int
gw_http_inflight(void)
{
	return atomic_load(&inflight);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Replace the response body (takes ownership of `body`, which is malloc'd). */
static void
set_response(gw_request *req, int status, char *body, size_t len, const char *ctype)
{
	free(req->resp_body);
	req->status = status;
	req->resp_body = body;
	req->resp_len = len;
	req->content_type = ctype;
}

void
gw_reply_body(gw_request *req, int status, const char *ctype, char *body, size_t len)
{
	set_response(req, status, body, len, ctype);
}

void
gw_reply_json(gw_request *req, int status, json_t *doc)
{
	char	   *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);

	json_decref(doc);
	if (text == NULL)
	{
		/* cannot happen for documents we build; still answer something sane */
		static const char fallback[] = "{\"code\":\"KKB-INTERNAL\",\"message\":\"terjadi kesalahan di server\",\"details\":\"could not encode the response\",\"hint\":null,\"kolom\":null}";

		text = strdup(fallback);
		status = 500;
	}
	set_response(req, status, text, text ? strlen(text) : 0, "application/json; charset=utf-8");
}

void
gw_reply_json_text(gw_request *req, int status, const char *text, size_t len)
{
	char	   *copy = malloc(len + 1);

	if (copy == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "out of memory", NULL);
		return;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	set_response(req, status, copy, len, "application/json; charset=utf-8");
}

const char *
gw_query_arg(gw_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *
gw_header(gw_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

void
gw_set_header(gw_request *req, const char *name, const char *value)
{
	int			i;

	for (i = 0; i < req->nheaders; i++)
		if (strcasecmp(req->headers[i].name, name) == 0)
			break;
	if (i == GW_MAX_HEADERS)
		return;
	if (i == req->nheaders)
		req->nheaders++;
	req->headers[i].name = name;
	snprintf(req->headers[i].value, sizeof(req->headers[i].value), "%s", value);
}

const char *
gw_response_header(gw_request *req, const char *name)
{
	for (int i = 0; i < req->nheaders; i++)
		if (strcasecmp(req->headers[i].name, name) == 0)
			return req->headers[i].value;
	return NULL;
}

/* gw_reply_error and gw_reply_db_unavailable: errors.c, where every error body is built. */

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

/* Does the Accept header ask for text/csv (anywhere in its list, any case)? */
static int
accepts_csv(gw_request *req)
{
	const char *a = gw_header(req, MHD_HTTP_HEADER_ACCEPT);
	static const char want[] = "text/csv";

	for (; a && *a; a++)
	{
		size_t		i;

		for (i = 0; want[i] && a[i] && (a[i] | 0x20) == want[i]; i++)
			;
		if (want[i] == '\0')
			return 1;
	}
	return 0;
}

/*
 * <path>.csv of a CSV route (a GET; OPTIONS asks about it too): match the
 * path without ".csv".  Returns the GET route (and its params in req) or NULL.
 */
static const gw_route *
match_csv_suffix(gw_request *req)
{
	char		path[512];
	size_t		n = req->path ? strlen(req->path) : 0;
	const gw_route *r;
	int			path_known;

	if ((strcmp(req->method, "GET") != 0 && strcmp(req->method, "OPTIONS") != 0) ||
		n <= 4 || n - 4 >= sizeof(path) || strcmp(req->path + n - 4, ".csv") != 0)
		return NULL;
	memcpy(path, req->path, n - 4);
	path[n - 4] = '\0';
	r = gw_route_match(req, "GET", path, &path_known);
	return r && r->csv ? r : NULL;
}

/*
 * A CSV route asked for text/csv: turn the JSON answer's "data" rows into
 * CSV (csv.c), with a Content-Disposition naming a file after the path
 * ("/v1/desa/13.77.01.1001/profil" -> desa-13.77.01.1001-profil.csv).
 * Errors (non-2xx) stay JSON.
 */
static void
reply_as_csv(gw_request *req)
{
	json_t	   *doc;
	json_t	   *rows;
	char	   *text;
	size_t		len = 0,
				n = 0,
				plen;
	const char *p;

	if (req->status != 200 || req->resp_body == NULL || req->content_type == NULL ||
		strncmp(req->content_type, "application/json", 16) != 0)
		return;
	doc = json_loadb(req->resp_body, req->resp_len, 0, NULL);
	rows = doc ? json_object_get(doc, "data") : NULL;
	if (!json_is_array(rows))
	{
		json_decref(doc);
		return;					/* not a list: cannot happen for GW_CSV routes; keep the JSON */
	}
	text = gw_csv_write(rows, &len);
	json_decref(doc);
	if (text == NULL)
	{
		gw_reply_error(req, 500, "KKB-500", "out of memory", NULL, NULL);
		return;
	}
	gw_reply_body(req, 200, "text/csv; charset=utf-8", text, len);

	p = req->path;
	plen = strlen(p);
	if (plen > 4 && strcmp(p + plen - 4, ".csv") == 0)
		plen -= 4;
	if (strncmp(p, "/v1/", 4) == 0)
	{
		p += 4;
		plen -= 4;
	}
	else if (*p == '/')
	{
		p++;
		plen--;
	}
	n = (size_t) snprintf(req->disposition, sizeof(req->disposition), "attachment; filename=\"");
	for (; plen > 0 && n + 8 < sizeof(req->disposition); p++, plen--)
	{
		char		c = *p;

		if (c == '/')
			c = '-';
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
			c = '_';
		req->disposition[n++] = c;
	}
	memcpy(req->disposition + n, ".csv\"", 6);
}

/* ---------------------------------------------------------------- CORS */

/* The request's Origin when it is one of the configured origins (exactly), else NULL. */
static const char *
cors_origin(gw_request *req)
{
	const char *o = gw_header(req, "Origin");
	const char *p;
	size_t		n;

	if (o == NULL || config == NULL || config->cors_origins == NULL)
		return NULL;
	n = strlen(o);
	for (p = config->cors_origins; *p;)
	{
		const char *e;
		size_t		m;

		while (*p == ' ' || *p == ',')
			p++;
		e = p;
		while (*e && *e != ',' && *e != ' ')
			e++;
		m = (size_t) (e - p);
		if (m > 0 && m == n && memcmp(p, o, n) == 0)
			return o;
		p = e;
	}
	return NULL;
}

/*
 * OPTIONS: the methods a resource allows (Allow), and for a browser's
 * preflight from an allowed origin the CORS answer; other origins get no CORS
 * headers, so the browser does not send the call.
 */
static void
reply_options(gw_request *req)
{
	const gw_route *r;
	int			path_known = 0;
	char		allow[80];
	const char *origin;

	r = gw_route_match(req, "OPTIONS", req->path, &path_known);
	/* "/v1/desa.csv": the CSV form of a GET list route */
	if (r == NULL && !path_known && match_csv_suffix(req) != NULL)
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
	if ((origin = cors_origin(req)) != NULL)
	{
		char		age[16];

		gw_set_header(req, "Access-Control-Allow-Methods", allow);
		gw_set_header(req, "Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match, Prefer");
		snprintf(age, sizeof(age), "%d", config->cors_max_age_s);
		gw_set_header(req, "Access-Control-Max-Age", age);
	}
}

/* ---------------------------------------------------------------- rate limits */

/* The client's address as a rate-limit key. */
static void
client_key(gw_request *req, unsigned char key[8])
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(req->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	memset(key, 0, 8);
	if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
		memcpy(key, &((const struct sockaddr_in *) ci->client_addr)->sin_addr, 4);
	key[7] = 0xA5;				/* never equal to a token's key by accident of zeros */
}

static void
reply_429(gw_request *req, gw_limit_kind kind, int wait)
{
	char		ra[16];
	const char *what = gw_request_english(req)
		? (kind == GW_LIMIT_READ ? "read limit of this token" : kind == GW_LIMIT_WRITE ? "write limit of this token" : "per-address limit of this address")
		: (kind == GW_LIMIT_READ ? "baca token ini" : kind == GW_LIMIT_WRITE ? "tulis token ini" : "alamat ini");

	snprintf(ra, sizeof(ra), "%d", wait);
	gw_reply_galat(req, "KKB-TERLALU-SERING", what,
				   "Each token has its own limits for reads and for writes; calls without a token share one per address.", NULL);
	gw_set_header(req, MHD_HTTP_HEADER_RETRY_AFTER, ra);
}

/* ---------------------------------------------------------------- ETag */

/* FNV-1a over a string and a separator. */
static unsigned long long
fnv(unsigned long long h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char) *s) * 1099511628211ULL;
	return (h ^ 0x1f) * 1099511628211ULL;
}

static enum MHD_Result
hash_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	unsigned long long *h = cls;

	(void) kind;
	*h = fnv(fnv(*h, key), value ? value : "");
	return MHD_YES;
}

/* Is region code `kode` (text) `scope` or under it? */
static int
within(const char *kode, const char *scope)
{
	size_t		n = strlen(scope);

	return strncmp(kode, scope, n) == 0 && (kode[n] == '\0' || kode[n] == '.');
}

/*
 * What the entity tag of a cached route's GET answer depends on: the village
 * (a /v1/desa/{kode} route) or region (the query's wilayah, else the token's
 * scope, else everywhere) whose version it carries, or the reference data;
 * set in req->etag_mode and req->etag_region.  Returns 1 when that data is
 * within the caller's scope, so that a 304 may be answered without asking the
 * handler; 0 otherwise (the handler decides: 404, 403, or a narrower answer).
 */
static int
etag_target(gw_request *req)
{
	const gw_route *r = req->route;

	req->etag_region = NULL;
	if (r->cache == GW_CACHE_ACUAN)
	{
		req->etag_mode = GW_ETAG_ACUAN;
		return 1;
	}
	req->etag_mode = GW_ETAG_DATA;
	if (strncmp(r->pattern, "/v1/desa/{kode}", 15) == 0)
		req->etag_region = req->params[0];
	else if ((req->etag_region = gw_query_arg(req, "wilayah")) == NULL && req->auth.wilayah[0])
		req->etag_region = req->auth.wilayah;
	return !req->auth.wilayah[0] || (req->etag_region != NULL && within(req->etag_region, req->auth.wilayah));
}

/*
 * The entity tag from a version text (kkb._versi_teks, sql/install/49_versi.sql) into
 * req->etag: what identifies the answer (route, path, query, caller's role,
 * scope and agency, CSV or JSON) hashed, then the version.
 */
static void
compose_etag(gw_request *req, const char *versi)
{
	unsigned long long h = 1469598103934665603ULL;

	if (versi == NULL || versi[0] == '\0' || strlen(versi) > 60)
	{
		req->etag[0] = '\0';
		return;
	}
	h = fnv(h, req->route->pattern);
	h = fnv(h, req->path);
	MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, hash_arg, &h);
	h = fnv(h, gw_role_name(req->auth.role));
	h = fnv(h, req->auth.wilayah);
	h = fnv(h, req->auth.opd);
	h = fnv(h, req->want_csv ? "csv" : "json");
	snprintf(req->etag, sizeof(req->etag), "\"%016llx-%s\"", h, versi);
}

/*
 * The entity tag asked for on its own (one statement outside the request's
 * transaction, as the gateway's login): for a conditional GET before the
 * handler, and after a handler that ran no per-request transaction.  Without
 * a version (database unreachable, a malformed region: the handler says so)
 * there is no tag.
 */
static void
fetch_etag(gw_request *req)
{
	static const gw_stmt st = {"etag_versi", "SELECT kkb._versi_teks($1, $2::boolean)", 2};
	const char *params[2];
	PGresult   *res;

	req->etag[0] = '\0';
	params[0] = req->etag_region;
	params[1] = req->etag_mode == GW_ETAG_ACUAN ? "true" : "false";
	res = gw_db_exec_stmt_retry(&st, params);
	if (res == NULL)
		return;
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		compose_etag(req, PQgetvalue(res, 0, 0));
	else if (PQresultStatus(res) != PGRES_TUPLES_OK)
		gw_log("warn", "the ETag version could not be read",
			   json_pack("{s:s?, s:s?}", "sqlstate", PQresultErrorField(res, PG_DIAG_SQLSTATE),
						 "message", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)));
	PQclear(res);
}

/* Cache-Control and ETag of a successful GET of a cached route. */
static void
set_cache_headers(gw_request *req)
{
	static const char *const policy[] = {
		[GW_CACHE_NONE] = "no-store",
		[GW_CACHE_ACUAN] = "public, max-age=86400",
		[GW_CACHE_DATA] = "private, max-age=60",
		[GW_CACHE_PRIBADI] = "private, no-cache",
	};

	if (req->route == NULL || req->route->cache == GW_CACHE_NONE || req->etag[0] == '\0')
		return;
	gw_set_header(req, MHD_HTTP_HEADER_CACHE_CONTROL, policy[req->route->cache]);
	gw_set_header(req, MHD_HTTP_HEADER_ETAG, req->etag);
}

/* ---------------------------------------------------------------- dispatch */

/* Route and run the handler; always leaves a response in req. */
static void
dispatch(gw_request *req)
{
	int			path_known;

	if (req->body_too_large)
	{
		char		size[32];

		snprintf(size, sizeof(size), "%zu", max_body);
		gw_reply_galat(req, "KKB-ISI-TERLALU-BESAR", size, NULL, NULL);
		return;
	}
	if (req->nul)
	{
		gw_reply_galat(req, "KKB-URL-NUL", NULL, "A decoded NUL would cut the value short; it is refused.", NULL);
		return;
	}
	if (strcmp(req->method, "OPTIONS") == 0)
	{
		reply_options(req);
		return;
	}
	req->route = gw_route_match(req, req->method, req->path, &path_known);
	if (req->route == NULL && !path_known && (req->route = match_csv_suffix(req)) != NULL)
		req->want_csv = 1;
	else if (req->route && req->route->csv && strcmp(req->method, "GET") == 0 && accepts_csv(req))
		req->want_csv = 1;
	if (req->route)
	{
		int			is_get = strcmp(req->method, "GET") == 0;

		if (req->route->access != GW_OPEN)
		{
			const char *authz = gw_header(req, "Authorization");
			unsigned char ip[8];
			int			wait;

			client_key(req, ip);
			/* calls without a token share a bucket per address */
			if (authz == NULL && (wait = gw_limit_take(GW_LIMIT_ANON, ip)) > 0)
			{
				reply_429(req, GW_LIMIT_ANON, wait);
				return;
			}
			/* authentication is the first step: a refused caller reaches no handler */
			if (gw_auth_request(req, req->route->access == GW_TOKEN_OPTIONAL) < 0)
			{
				/* failed tokens use up the address's bucket: guessing tokens is slow */
				if (authz != NULL && req->status == 401 && (wait = gw_limit_take(GW_LIMIT_ANON, ip)) > 0)
					reply_429(req, GW_LIMIT_ANON, wait);
				return;
			}
			/* each token has a bucket for reads and one for writes */
			if (req->auth.role != GW_ROLE_NONE)
			{
				gw_limit_kind kind = is_get ? GW_LIMIT_READ : GW_LIMIT_WRITE;

				if ((wait = gw_limit_take(kind, req->auth.kunci)) > 0)
				{
					reply_429(req, kind, wait);
					return;
				}
			}
		}
		if (is_get && req->route->cache != GW_CACHE_NONE)
		{
			int			visible = etag_target(req);

			/*
			 * A conditional GET asks for the version first (one cheap statement): while the
			 * client's copy is valid, 304 without running the handler.  Otherwise the
			 * request's own transaction reads the version with the caller's scope (tx.c),
			 * at no extra round trip.
			 */
			if (visible && gw_header(req, MHD_HTTP_HEADER_IF_NONE_MATCH) != NULL)
			{
				fetch_etag(req);
				if (gw_etag_matches(gw_header(req, MHD_HTTP_HEADER_IF_NONE_MATCH), req->etag))
				{
					gw_reply_body(req, 304, NULL, NULL, 0);
					set_cache_headers(req);
					return;
				}
			}
		}
		req->route->handler(req);
		if (req->resp_body == NULL)
			gw_reply_galat(req, "KKB-INTERNAL", NULL, "the handler produced no response", NULL);
		else if (req->want_csv)
			reply_as_csv(req);
		if (is_get && req->status == 200 && req->route->cache != GW_CACHE_NONE)
		{
			if (req->etag_versi[0])
				compose_etag(req, req->etag_versi);		/* read in the request's transaction */
			else if (req->etag[0] == '\0')
				fetch_etag(req);	/* a handler without a per-request transaction */
			set_cache_headers(req);
		}
		return;
	}
	if (path_known)
	{
		char		method[20];

		snprintf(method, sizeof(method), "%.16s", req->method);
		gw_reply_galat(req, "KKB-METODE-TIDAK-DIIZINKAN", method, NULL, NULL);
		return;
	}
	gw_reply_galat(req, "KKB-RUTE-TIDAK-ADA", NULL, "No route of this API matches the requested path.", NULL);
}

int
gw_etag_matches(const char *if_none_match, const char *etag)
{
	const char *p = if_none_match;
	size_t		n;

	if (p == NULL || etag == NULL || etag[0] == '\0')
		return 0;
	/* weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored on both sides */
	if (strncmp(etag, "W/", 2) == 0)
		etag += 2;
	n = strlen(etag);
	while (*p)
	{
		const char *e;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p != '"')
			return 0;			/* not a list of entity tags: ignore the header */
		e = strchr(p + 1, '"');
		if (e == NULL)
			return 0;
		if ((size_t) (e + 1 - p) == n && memcmp(p, etag, n) == 0)
			return 1;
		p = e + 1;
	}
	return 0;
}

/* Send req's response through libmicrohttpd. */
static enum MHD_Result
send_response(gw_request *req)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	const char *origin = cors_origin(req);
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
	if (config && config->cors_origins)
		strcat(vary, vary[0] ? ", Origin" : "Origin");
	if (vary[0])
		MHD_add_response_header(resp, "Vary", vary);
	if (origin)
	{
		MHD_add_response_header(resp, "Access-Control-Allow-Origin", origin);
		if (strcmp(req->method, "OPTIONS") != 0)
			MHD_add_response_header(resp, "Access-Control-Expose-Headers", "ETag, Retry-After, Content-Disposition");
	}

	if (req->status == 405 && req->allow[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, req->allow);
	if (req->status == 401 && req->www_authenticate)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, req->www_authenticate);
	ret = MHD_queue_response(req->conn, (unsigned int) req->status, resp);
	MHD_destroy_response(resp);
	return ret;
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
typedef struct gw_conn
{
	int			fd;
	double		deadline_ms;	/* the current request's headers are due by then */
	int			in_request;		/* the headers are in: the access handler has the request */
	int			cut;			/* already shut down by the reaper */
	int			nul;			/* the current request has a decoded NUL in its path or query */
	int			refused;		/* the current request was answered 431 by on_uri already */
	struct gw_conn *prev,
			   *next;
} gw_conn;

static pthread_mutex_t conns_lock = PTHREAD_MUTEX_INITIALIZER;
static gw_conn *conns;

static gw_conn *
conn_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

static void
on_connection(void *cls, struct MHD_Connection *conn, void **socket_context, enum MHD_ConnectionNotificationCode toe)
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
		c->deadline_ms = now_ms() + header_timeout_ms;
		pthread_mutex_lock(&conns_lock);
		c->next = conns;
		if (conns)
			conns->prev = c;
		conns = c;
		pthread_mutex_unlock(&conns_lock);
		*socket_context = c;
	}
	else if (toe == MHD_CONNECTION_NOTIFY_CLOSED && c != NULL)
	{
		pthread_mutex_lock(&conns_lock);
		if (c->prev)
			c->prev->next = c->next;
		else
			conns = c->next;
		if (c->next)
			c->next->prev = c->prev;
		pthread_mutex_unlock(&conns_lock);
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
		now = now_ms();
		pthread_mutex_lock(&conns_lock);
		for (gw_conn *c = conns; c; c = c->next)
			if (!c->in_request && !c->cut && now > c->deadline_ms)
			{
				shutdown(c->fd, SHUT_RDWR);
				c->cut = 1;
				n++;
			}
		pthread_mutex_unlock(&conns_lock);
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
static size_t
on_unescape(void *cls, struct MHD_Connection *conn, char *s)
{
	(void) cls;
	for (const char *p = strchr(s, '%'); p; p = strchr(p + 1, '%'))
		if (p[1] == '0' && p[2] == '0')
		{
			gw_conn    *c = conn_of(conn);

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
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
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
	if (n <= max_params || (c = conn_of(conn)) == NULL)
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
		c = conn_of(conn);
		if (c && c->refused)
			return MHD_NO;		/* answered 431 already (on_uri): close */
		req = calloc(1, sizeof(*req));
		if (req == NULL)
			return MHD_NO;
		req->conn = conn;
		/* HEAD is a GET whose body libmicrohttpd leaves out */
		req->method = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0 ? MHD_HTTP_METHOD_GET : method;
		req->method_sent = method;
		req->path = url;
		req->started_ms = now_ms();
		req->auth.role = GW_ROLE_NONE;
		atomic_fetch_add(&inflight, 1);
		*con_cls = req;

		if (c)
		{
			pthread_mutex_lock(&conns_lock);
			c->in_request = 1;
			pthread_mutex_unlock(&conns_lock);
			req->nul = c->nul;	/* refused once the request is in (dispatch), keeping the connection */
		}

		/* a declared body over the limit is refused before it is read */
		{
			const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);

			if (cl && strtoull(cl, NULL, 10) > max_body)
			{
				req->body_too_large = 1;
				dispatch(req);
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

	/* the whole request is in */
	dispatch(req);
	return send_response(req);
}

/* Completion callback: log the request and free its context, whatever happened. */
static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	gw_request *req = *con_cls;
	gw_conn    *c = conn_of(conn);
	json_t	   *f;
	double		ms;

	(void) cls;
	if (c)
	{
		/* the next request on this connection: its headers are due within the header timeout */
		pthread_mutex_lock(&conns_lock);
		c->in_request = 0;
		c->nul = 0;
		c->refused = 0;
		c->deadline_ms = now_ms() + header_timeout_ms;
		pthread_mutex_unlock(&conns_lock);
	}
	if (req == NULL)
		return;
	ms = now_ms() - req->started_ms;
	gw_metrics_request(req->route ? (int) (req->route - gw_routes) : -1, req->status, ms);
	f = json_object();
	json_object_set_new(f, "method", json_string(req->method_sent));
	json_object_set_new(f, "route", req->route ? json_string(req->route->pattern) : json_null());
	json_object_set_new(f, "status", json_integer(req->status));
	json_object_set_new(f, "ms", json_real((double) ((long) (ms * 100)) / 100.0));
	if (req->auth.label[0])
		json_object_set_new(f, "token", json_string(req->auth.label));	/* the holder's label, never the token */
	if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
		json_object_set_new(f, "terminated", json_integer(toe));
	gw_log("info", "request", f);

	free(req->body);
	free(req->resp_body);
	free(req);
	*con_cls = NULL;
	atomic_fetch_sub(&inflight, 1);
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

	pthread_t	th;

	max_body = cfg->max_body;
	config = cfg;
	header_timeout_ms = cfg->header_timeout_s * 1000.0;
	/* a query parameter costs libmicrohttpd about 64 bytes of the connection's memory; keep half for the rest */
	max_params = (unsigned int) (cfg->max_header / 128);
	if (pthread_create(&th, NULL, reaper, NULL) != 0)
		return NULL;
	pthread_detach(th);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t) cfg->port);
	inet_pton(AF_INET, cfg->listen, &addr.sin_addr);

	return MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG,
							(uint16_t) cfg->port, NULL, NULL, on_request, NULL,
							MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
							MHD_OPTION_SOCK_ADDR, (struct sockaddr *) &addr,
							MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) cfg->threads,
							MHD_OPTION_CONNECTION_LIMIT, (unsigned int) cfg->max_connections,
							MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) cfg->timeout_s,
							MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->max_header,
							MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
							MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
							MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
							MHD_OPTION_UNESCAPE_CALLBACK, on_unescape, NULL,
							MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned int) 1,
							MHD_OPTION_END);
}

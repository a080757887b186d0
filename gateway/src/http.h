/*
 * http.h - request context, routing and responses of kkb-gateway.
 *
 * A request's context is allocated on libmicrohttpd's first callback, collects
 * the body (capped at the configured size), and is freed in the completion
 * callback whatever happened.  Handlers receive the context and fill in a
 * response with the helpers below; they never talk to libmicrohttpd directly.
 */
#ifndef KKB_GW_HTTP_H
#define KKB_GW_HTTP_H

#include <stddef.h>
#include <jansson.h>
#include <microhttpd.h>

#include "auth.h"

#define GW_MAX_PARAMS 4
#define GW_MAX_HEADERS 8

struct gw_config;

typedef struct gw_request gw_request;
typedef void (*gw_handler) (gw_request *req);

/*
 * Who may call a route.  GW_TOKEN routes need a valid bearer token (401
 * otherwise); GW_TOKEN_OPTIONAL routes run as the token's caller when one is
 * sent (and refuse a bad one) and anonymously otherwise; GW_OPEN routes never
 * look at the Authorization header.
 */
typedef enum gw_access
{
	GW_TOKEN = 0,
	GW_TOKEN_OPTIONAL,
	GW_OPEN,
} gw_access;

/* What a route accepts as its body (for the OpenAPI document). */
typedef enum gw_route_body
{
	GW_RB_NONE = 0,
	GW_RB_OBJECT,				/* one JSON object */
	GW_RB_ROWS,					/* a JSON array of row objects, or CSV with a header row */
} gw_route_body;

/*
 * How a GET answer may be cached and validated (ETag, If-None-Match -> 304):
 * GW_CACHE_ACUAN  reference data: ETag from the reference version, public, a day
 * GW_CACHE_DATA   village or aggregate data: ETag from the versions of the
 *                 villages involved, private, a minute
 * GW_CACHE_PRIBADI by-name data: the same ETag, private, revalidated every time
 * GW_CACHE_NONE   no ETag, no-store (writes, health, metrics)
 */
typedef enum gw_cache
{
	GW_CACHE_NONE = 0,
	GW_CACHE_ACUAN,
	GW_CACHE_DATA,
	GW_CACHE_PRIBADI,
} gw_cache;

/* Which version an entity tag carries (http.c, tx.c). */
#define GW_ETAG_NONE 0
#define GW_ETAG_DATA 1			/* kkb.versi_data of req->etag_region */
#define GW_ETAG_ACUAN 2			/* the reference data's version alone */

/*
 * One row of the route table: method, path pattern ({name} matches a
 * segment), handler, access, and what GET /openapi.json says about it: a
 * summary, its query parameters (space separated), its body, its success
 * status and media type (NULL: application/json), and whether it also
 * exports CSV (a list route whose JSON answer has a "data" array: then
 * Accept: text/csv, or the path with ".csv" appended, answers text/csv),
 * and how its GET answers are cached (gw_cache).
 */
typedef struct gw_route
{
	const char *method;
	const char *pattern;
	gw_handler	handler;
	gw_access	access;
	const char *summary;
	const char *query;
	gw_route_body body;
	int			success;
	const char *produces;
	int			csv;
	gw_cache	cache;
} gw_route;

struct gw_request
{
	struct MHD_Connection *conn;
	const char *method;			/* the method routed: GET for a HEAD request */
	const char *method_sent;	/* the request's own method, for the log */
	const char *path;
	const gw_route *route;		/* matched route, NULL when none */
	const char *params[GW_MAX_PARAMS];	/* {name} segments, in order */
	char		param_buf[512];	/* storage for params */
	char	   *body;			/* request body, NUL-terminated */
	size_t		body_len;
	int			body_too_large;
	int			nul;			/* a decoded NUL (%00) in the path or query: refused with 400 */
	double		started_ms;
	gw_auth		auth;			/* the caller (auth.c); role GW_ROLE_NONE when anonymous */

	/* the response being built */
	int			status;
	char	   *resp_body;		/* malloc'd */
	size_t		resp_len;
	const char *content_type;
	char		allow[64];		/* Allow header for 405 */
	const char *www_authenticate;	/* WWW-Authenticate header for 401 (static string) */
	int			want_csv;		/* a CSV route asked for text/csv (Accept or ".csv") */
	char		disposition[160];	/* Content-Disposition header, when not empty */
	char		etag[96];		/* entity tag of the answer (GW_CACHE_* routes), when not empty */
	int			etag_mode;		/* GW_ETAG_*: which version the tag carries (set before the handler) */
	const char *etag_region;	/* GW_ETAG_DATA: the region or village, NULL for everywhere */
	char		etag_versi[64];	/* the version, when the request's transaction read it (tx.c) */
	char		error_code[40];	/* the error answer's code (errors.c), for the log line; "" when none */
	int			nheaders;		/* extra response headers (gw_set_header) */
	struct
	{
		const char *name;		/* a static string */
		char		value[256];
	}			headers[GW_MAX_HEADERS];
};

/* The route table (routes.c) and its length. */
extern const gw_route gw_routes[];
extern const int gw_nroutes;

/* Start/stop the HTTP daemon (see main.c for lifecycle). */
struct MHD_Daemon *gw_http_start(const struct gw_config *cfg);
/* Number of requests currently being handled (for the shutdown drain). */
int			gw_http_inflight(void);

/* Respond with a JSON document (consumed: its reference is stolen). */
void		gw_reply_json(gw_request *req, int status, json_t *doc);

/*
 * Respond with the error body {"code","message","details","hint","kolom"}
 * (errors.c, through gw_reply_err); details and hint may be NULL (null).
 */
void		gw_reply_error(gw_request *req, int status, const char *code, const char *message,
						   const char *details, const char *hint);

/* Respond with `body` (malloc'd, taken over) of media type `ctype` (a static string). */
void		gw_reply_body(gw_request *req, int status, const char *ctype, char *body, size_t len);

/* Respond with JSON text that is already encoded (copied). */
void		gw_reply_json_text(gw_request *req, int status, const char *text, size_t len);

/*
 * Add (or replace) response header `name` (a static string) with `value`
 * (copied, at most 255 bytes).  A Cache-Control set here replaces the
 * default "no-store".
 */
void		gw_set_header(gw_request *req, const char *name, const char *value);

/* The value of response header `name` set with gw_set_header, or NULL. */
const char *gw_response_header(gw_request *req, const char *name);

/*
 * Does an If-None-Match header value match entity tag `etag` (a quoted tag,
 * perhaps W/-prefixed)?  Weak comparison; "*" matches any tag.  When the
 * handler set an ETag and the request's If-None-Match matches it, a 200 GET
 * is answered 304 without a body (send_response in http.c).
 */
int			gw_etag_matches(const char *if_none_match, const char *etag);

/* The value of query parameter `name`, or NULL when absent. */
const char *gw_query_arg(gw_request *req, const char *name);

/* The value of request header `name`, or NULL when absent. */
const char *gw_header(gw_request *req, const char *name);

/* Respond 503 because the database is unavailable. */
void		gw_reply_db_unavailable(gw_request *req);

/*
 * Match `path` against the route table.  Returns the route or NULL; sets
 * *path_known when some route has this path with another method, and then
 * lists the allowed methods in `allow` (comma separated).
 * Params are copied into req->params.  Exposed for the fuzz harness.
 */
const gw_route *gw_route_match(gw_request *req, const char *method, const char *path, int *path_known);

#endif

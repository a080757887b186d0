/*
 * context.h - the types every part of kkb-gateway shares: the caller (gw_auth),
 * a row of the route table (gw_route, with the arguments of its API function)
 * and the request context (gw_request).  Types only: no functions, and no
 * include of another gateway header, so every module can include it without
 * depending on the HTTP server (server.c) or on each other.
 *
 * A request's context is allocated on libmicrohttpd's first callback, collects
 * the body (capped at the configured size), and is freed in the completion
 * callback whatever happened.  Handlers receive the context and fill in a
 * response with the helpers of reply.h; they never talk to libmicrohttpd.
 */
#ifndef KKB_GW_CONTEXT_H
#define KKB_GW_CONTEXT_H

#include <stddef.h>

#define GW_MAX_PARAMS 4
#define GW_MAX_HEADERS 8
#define GW_MAX_ARGS 6

struct MHD_Connection;

/* The file forms of a list answer (export.c). */
enum
{
	GW_EKSPOR_CSV = 1,			/* RFC 4180 CSV, UTF-8, comma, decimal point */
	GW_EKSPOR_EXCEL = 2,		/* CSV for a spreadsheet in an Indonesian locale: BOM, ';', decimal comma, flat */
	GW_EKSPOR_XLSX = 3,			/* an Excel workbook */
};

typedef struct gw_request gw_request;
typedef void (*gw_handler) (gw_request *req);

/* ---------------------------------------------------------------- the caller */

/* The working roles a token can carry (index into the role table in auth.c). */
typedef enum gw_role
{
	GW_ROLE_NONE = -1,			/* anonymous: a GW_TOKEN_OPTIONAL route without a token (runs as kkb_anon) */
	GW_ROLE_ADMIN = 0,
	GW_ROLE_POKJA,
	GW_ROLE_OPD,
	GW_ROLE_ANALIS,
	GW_ROLE_PROVINSI,			/* a province's (or regency's) portal: aggregates only */
} gw_role;

#define GW_AUTH_LABEL_MAX 200	/* bytes; kkb.token.label is checked to fit */

/* Who is calling: what the gateway puts into the request's transaction. */
typedef struct gw_auth
{
	gw_role		role;
	char		wilayah[32];	/* region scope for kkb.wilayah, "" when none */
	char		opd[64];		/* agency of an agency token, "" when none */
	char		label[GW_AUTH_LABEL_MAX + 1];	/* holder, for kkb.pengguna and the log */
	unsigned char kunci[8];		/* the first bytes of the token's SHA-256: its rate-limit key */
} gw_auth;

/* ---------------------------------------------------------------- the route table */

/*
 * Who may call a route.  GW_TOKEN routes need a valid bearer token (401
 * otherwise); GW_TOKEN_OPTIONAL routes run as the token's caller when one is
 * sent (and refuse a bad one) and as kkb_anon otherwise; GW_OPEN routes never
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

/* Which version an entity tag carries (cache.c, tx.c). */
#define GW_ETAG_NONE 0
#define GW_ETAG_DATA 1			/* kkb.versi_data of req->etag_region */
#define GW_ETAG_ACUAN 2			/* the reference data's version alone */

/*
 * Where one argument of a route's API function comes from (h_api.c).  Every
 * argument travels as text (NULL for SQL NULL); the function's declared type
 * converts it, so a malformed region code or date is the database's 22xxx
 * (400).  Checked in the gateway, with their own 400 answers, are what the
 * HTTP interface defines: months, paging, whole-number ranges, the body.
 */
typedef enum gw_arg_kind
{
	GW_ARG_NONE = 0,			/* end of the list */
	GW_ARG_PATH,				/* path parameter `index` (0-based), as sent */
	GW_ARG_PATH_MONTH,			/* path parameter `index`, a month YYYY-MM (as YYYY-MM-01) */
	GW_ARG_MONTH,				/* query parameter `name`, a month; default the current month (UTC) */
	GW_ARG_LIMIT,				/* query parameter limit, 1..1000, default 100 */
	GW_ARG_OFFSET,				/* query parameter offset, >= 0, default 0 */
	GW_ARG_TEXT,				/* query parameter `name`, text; NULL when absent */
	GW_ARG_DATE,				/* query parameter `name`, a date YYYY-MM-DD; NULL when absent */
	GW_ARG_REGION,				/* query parameter `name`, a region code; NULL when absent */
	GW_ARG_REGION_SCOPE,		/* query parameter `name`, else the token's scope; 400 when neither */
	GW_ARG_REGION_SCOPE_ALL,	/* query parameter `name`, else the token's scope, else NULL: the whole country */
	GW_ARG_INT,					/* query parameter `name`, a whole number in [min, max]; NULL when absent */
	GW_ARG_AGENCY,				/* query parameter `name`, else the agency of an agency token */
	GW_ARG_TOKEN_AGENCY,		/* the agency of an agency token ("" otherwise) */
	GW_ARG_BODY,				/* the body: one JSON object, sent as jsonb */
	GW_ARG_HEADER,				/* request header `name` (e.g. If-Match), as sent; NULL when absent */
} gw_arg_kind;

typedef struct gw_arg
{
	gw_arg_kind kind;
	const char *name;			/* the query parameter (GW_ARG_MONTH ... GW_ARG_AGENCY), the header (GW_ARG_HEADER) */
	int			index;			/* the path parameter (GW_ARG_PATH, GW_ARG_PATH_MONTH) */
	int			min,
				max;			/* GW_ARG_INT */
	const char *hint;			/* GW_ARG_INT, GW_ARG_REGION_SCOPE: the hint of the 400 answer */
	int			required;		/* GW_ARG_HEADER: the function refuses a request without it (If-Match: 428) */
} gw_arg;

/*
 * One row of the route table: method, path pattern ({name} matches a
 * segment), handler, access, and what GET /openapi.json says about it: a
 * summary, its query parameters (space separated; for an API route they come
 * from its arguments), its body, its success status and media type (NULL:
 * application/json), whether it also exports CSV (a list route whose JSON
 * answer has a "data" array: then Accept: text/csv, or the path with ".csv"
 * appended, answers text/csv), and how its GET answers are cached.
 *
 * An API route (handler gw_api, h_api.c) names its database function
 * (kkb.api_...) and the function's arguments in order, and the answer when
 * the function returns no document (404 or 400 with a message).
 *
 * The ETag of a cached GW_CACHE_DATA route carries the version of the
 * villages of one region: path parameter `region_path` (1-based; 0 none) or
 * the query parameter `region_query`, else the token's scope, else all.
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
	/* API routes */
	const char *function;
	gw_arg		args[GW_MAX_ARGS];
	int			none_status;
	const char *none_message;
	/* the region of the ETag */
	int			region_path;
	const char *region_query;
	/* a write that creates rows: an Idempotency-Key header makes a repeat safe (h_api.c) */
	int			idempoten;

	/*
	 * An expensive read (an aggregate over many villages): it costs `berat`
	 * requests of the token's read bucket instead of one, runs on a thread
	 * of the pool of expensive reads (pool.c), at most --max-heavy at once
	 * and --heavy-queue waiting (one more: 503 KKB-SIBUK at once; one more
	 * than --max-heavy-per-token of one token: 429), and its statements are
	 * bounded by --heavy-statement-timeout.  0 or 1: an ordinary request.
	 */
	int			berat;
	/*
	 * The answer names a dashboard path in `tautan` (a sign-in link): the
	 * gateway adds its absolute URL and a QR code of it as SVG (qr.c).
	 */
	int			qr;
	/*
	 * The function answers (bytes, media type) instead of a document: the
	 * bytes are sent as they are with that media type (an image; tx.c).
	 */
	int			biner;
	/*
	 * What /openapi.json says beyond what the access, method, arguments and
	 * body imply: the other statuses the route answers (e.g. 410 of a used
	 * sign-in code), one of them answered with the success body (the health
	 * check's 503), and whether it is a dashboard file answered with an ETag
	 * and 304 (h_web.c).
	 */
	int			statuses[2];
	int			status_same_body;
	int			web_file;
} gw_route;

/* The route table (routes.c) and its length. */
extern const gw_route gw_routes[];
extern const int gw_nroutes;

/* ---------------------------------------------------------------- the request */

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
	char		error_code[40];	/* the code of an error answer (gw_reply_error), for the log line */
	char		allow[64];		/* Allow header for 405 */
	const char *www_authenticate;	/* WWW-Authenticate header for 401 (static string) */
	int			want_csv;		/* a list route asked as a file: GW_EKSPOR_CSV (Accept text/csv or ".csv"),
								 * GW_EKSPOR_EXCEL (".csv?format=excel"), GW_EKSPOR_XLSX (".xlsx"); 0: JSON */
	int			deferred;		/* handed to the pool of expensive reads (pool.c); its connection suspended */
	int			deferred_done;	/* the pool has answered: send the response when the connection resumes */
	char		disposition[160];	/* Content-Disposition header, when not empty */
	char		etag[96];		/* entity tag of the answer (GW_CACHE_* routes), when not empty */
	int			etag_mode;		/* GW_ETAG_*: which version the tag carries (set before the handler) */
	const char *etag_region;	/* GW_ETAG_DATA: the region or village, NULL for everywhere */
	char		etag_versi[64];	/* the version, when the request's transaction read it (tx.c) */
	int			nheaders;		/* extra response headers (gw_set_header) */
	struct
	{
		const char *name;		/* a static string */
		char		value[256];
	}			headers[GW_MAX_HEADERS];
};

#endif

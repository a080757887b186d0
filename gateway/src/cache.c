/*
 * cache.c - entity tags and Cache-Control of GET answers (see cache.h).
 */
#include "cache.h"

#include <stdio.h>
#include <string.h>
#include <microhttpd.h>

#include "auth.h"
#include "db.h"
#include "kode.h"
#include "log.h"
#include "reply.h"

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

/*
 * The region whose villages' version the tag carries: the route's path
 * parameter (a village) or query parameter naming it, else the token's scope,
 * else everywhere (see gw_route).
 */
int
gw_etag_target(gw_request *req)
{
	const gw_route *r = req->route;

	req->etag_region = NULL;
	if (r->cache == GW_CACHE_ACUAN)
	{
		req->etag_mode = GW_ETAG_ACUAN;
		return 1;
	}
	req->etag_mode = GW_ETAG_DATA;
	if (r->region_path > 0 && r->region_path <= GW_MAX_PARAMS)
		req->etag_region = req->params[r->region_path - 1];
	else if ((r->region_query == NULL || (req->etag_region = gw_query_arg(req, r->region_query)) == NULL) &&
			 req->auth.wilayah[0])
		req->etag_region = req->auth.wilayah;
	return !req->auth.wilayah[0] || (req->etag_region != NULL && gw_kode_within(req->etag_region, req->auth.wilayah));
}

/*
 * The entity tag from a version text (kkb._versi_teks, sql/install/49_versi.sql) into
 * req->etag: what identifies the answer (route, path, query, caller's role,
 * scope and agency, CSV or JSON) hashed, then the version.
 */
void
gw_etag_compose(gw_request *req, const char *versi)
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
	h = fnv(h, req->want_csv == GW_EKSPOR_XLSX ? "xlsx" : req->want_csv == GW_EKSPOR_EXCEL ? "excel" : req->want_csv ? "csv" : "json");
	snprintf(req->etag, sizeof(req->etag), "\"%016llx-%s\"", h, versi);
}

/*
 * The entity tag asked for on its own (one statement outside the request's
 * transaction, as the gateway's login): for a conditional GET before the
 * handler, and after a handler that ran no per-request transaction.  Without
 * a version (database unreachable, a malformed region: the handler says so)
 * there is no tag.
 */
void
gw_etag_fetch(gw_request *req)
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
		gw_etag_compose(req, PQgetvalue(res, 0, 0));
	else if (PQresultStatus(res) != PGRES_TUPLES_OK)
		gw_log("warn", "the ETag version could not be read",
			   json_pack("{s:s?, s:s?}", "sqlstate", PQresultErrorField(res, PG_DIAG_SQLSTATE),
						 "message", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)));
	PQclear(res);
}

/* Cache-Control and ETag of a successful GET of a cached route. */
void
gw_cache_headers(gw_request *req)
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


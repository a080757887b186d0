/*
 * cache.h - entity tags and Cache-Control of GET answers (cache.c).
 *
 * A cached route's answer carries an ETag made of what identifies the answer
 * (route, path, query, the caller's role, scope and agency, CSV or JSON),
 * hashed, and the version of the data it depends on (kkb._versi_teks): the
 * villages of one region, or the reference data.  A conditional GET whose tag
 * still matches is answered 304 without running the handler.
 */
#ifndef KKB_GW_CACHE_H
#define KKB_GW_CACHE_H

#include "context.h"

/*
 * What the entity tag of a cached route's GET answer depends on, into
 * req->etag_mode and req->etag_region (the route's region_path or
 * region_query, else the token's scope, else everywhere).  Returns 1 when
 * that data is within the caller's scope, so that a 304 may be answered
 * without asking the handler; 0 otherwise (the handler decides).
 */
int			gw_etag_target(gw_request *req);

/* The entity tag from a version text into req->etag ("" without a version). */
void		gw_etag_compose(gw_request *req, const char *versi);

/* The entity tag asked for on its own, as the gateway's login (outside the request's transaction). */
void		gw_etag_fetch(gw_request *req);

/* Cache-Control and ETag of a successful GET of a cached route. */
void		gw_cache_headers(gw_request *req);

/*
 * Does an If-None-Match header value match entity tag `etag` (a quoted tag,
 * perhaps W/-prefixed)?  Weak comparison; "*" matches any tag.
 */
int			gw_etag_matches(const char *if_none_match, const char *etag);

#endif

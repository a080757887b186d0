/*
 * router.h - from a request to its answer (router.c): the route table lookup
 * and the steps every request takes (limits, authentication, conditional
 * GET, the handler, CSV, cache headers).
 */
#ifndef KKB_GW_ROUTER_H
#define KKB_GW_ROUTER_H

#include <stddef.h>

#include "context.h"

/* The largest body accepted (for the 413 answer); call once before serving. */
void		gw_router_init(size_t max_body);

/*
 * Match `path` against the route table.  Returns the route or NULL; sets
 * *path_known when some route has this path with another method, and then
 * lists the allowed methods in req->allow (comma separated).
 * Params are copied into req->params.  Exposed for the fuzz harness.
 */
const gw_route *gw_route_match(gw_request *req, const char *method, const char *path, int *path_known);

/*
 * <path>.csv or <path>.xlsx of a CSV route (a GET; OPTIONS asks about it
 * too): match the path without the suffix.  Returns the GET route (and its
 * params in req) and the file form (GW_EKSPOR_CSV or _XLSX) in *kind, or NULL.
 */
const gw_route *gw_route_match_csv(gw_request *req, int *kind);

/*
 * Route the request and run its handler: returns 0 with a response in req.
 * An expensive read (a route with berat > 1) that got one of the --max-heavy
 * places is not run here: returns 1, and the caller hands it to the pool of
 * expensive reads (pool.c), which runs gw_dispatch_heavy.
 */
int			gw_dispatch(gw_request *req);

/* The rest of an expensive read's steps (its handler), then its place is freed; leaves a response in req. */
void		gw_dispatch_heavy(gw_request *req);

#endif

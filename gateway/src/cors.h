/*
 * cors.h - cross-origin calls from browsers (cors.c): the configured origins
 * (--cors-origins) get Access-Control-* headers, on answers and on the
 * preflight (OPTIONS).
 */
#ifndef KKB_GW_CORS_H
#define KKB_GW_CORS_H

#include "context.h"

struct gw_config;

/* The settings (origins, max age); call once before serving. */
void		gw_cors_init(const struct gw_config *cfg);

/* Are any origins configured (then answers vary by Origin)? */
int			gw_cors_enabled(void);

/* The request's Origin when it is one of the configured origins (exactly), else NULL. */
const char *gw_cors_origin(gw_request *req);

/*
 * A browser's preflight (OPTIONS, answered by router.c with the methods
 * `allow`): from an allowed origin the CORS headers; other origins get none,
 * so the browser does not send the call.
 */
void		gw_cors_preflight(gw_request *req, const char *allow);

#endif

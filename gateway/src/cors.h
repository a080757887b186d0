/*
 * cors.h - cross-origin calls from browsers (cors.c): the configured origins
 * (--cors-origins) get Access-Control-* headers; OPTIONS answers the methods
 * of a resource and a browser's preflight.
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
 * OPTIONS: the methods a resource allows (Allow), and for a browser's
 * preflight from an allowed origin the CORS answer; other origins get no CORS
 * headers, so the browser does not send the call.
 */
void		gw_reply_options(gw_request *req);

#endif

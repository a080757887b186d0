/*
 * http.h - the HTTP server of kkb-gateway (server.c): start it, and count the
 * requests in flight.  The request context and route table types are in
 * context.h, building answers in reply.h, routing in router.h.
 */
#ifndef KKB_GW_HTTP_H
#define KKB_GW_HTTP_H

#include <microhttpd.h>

#include "context.h"
#include "reply.h"
#include "router.h"

struct gw_config;

/* Start/stop the HTTP daemon (see main.c for lifecycle). */
struct MHD_Daemon *gw_http_start(const struct gw_config *cfg);

/* Number of requests currently being handled (for the shutdown drain). */
int			gw_http_inflight(void);

#endif

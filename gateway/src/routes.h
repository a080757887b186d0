/*
 * routes.h - handlers, one file per resource (h_*.c), listed in routes.c.
 */
#ifndef KKB_GW_ROUTES_H
#define KKB_GW_ROUTES_H

#include "http.h"

/* h_health.c */
void		h_health(gw_request *req);

#endif

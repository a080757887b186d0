/*
 * routes.c - THE route table of kkb-gateway: method, path pattern, handler.
 * Every route the gateway serves is listed here and nowhere else.
 */
#include "routes.h"

const gw_route gw_routes[] = {
	{"GET", "/v1/health", h_health},
};

const int	gw_nroutes = (int) (sizeof(gw_routes) / sizeof(gw_routes[0]));

/*
 * cors.c - CORS and OPTIONS (see cors.h).
 */
#include "cors.h"

#include <stdio.h>
#include <string.h>
#include <microhttpd.h>

#include "config.h"
#include "reply.h"
#include "router.h"

static const gw_config *config;

void
gw_cors_init(const gw_config *cfg)
{
	config = cfg;
}

int
gw_cors_enabled(void)
{
	return config != NULL && config->cors_origins != NULL;
}

/* The request's Origin when it is one of the configured origins (exactly), else NULL. */
const char *
gw_cors_origin(gw_request *req)
{
	const char *o = gw_header(req, "Origin");
	const char *p;
	size_t		n;

	if (o == NULL || config == NULL || config->cors_origins == NULL)
		return NULL;
	n = strlen(o);
	for (p = config->cors_origins; *p;)
	{
		const char *e;
		size_t		m;

		while (*p == ' ' || *p == ',')
			p++;
		e = p;
		while (*e && *e != ',' && *e != ' ')
			e++;
		m = (size_t) (e - p);
		if (m > 0 && m == n && memcmp(p, o, n) == 0)
			return o;
		p = e;
	}
	return NULL;
}

/* See cors.h. */
void
gw_reply_options(gw_request *req)
{
	const gw_route *r;
	int			path_known = 0;
	char		allow[80];
	const char *origin;

	r = gw_route_match(req, "OPTIONS", req->path, &path_known);
	/* "/v1/desa.csv": the CSV form of a GET list route */
	if (r == NULL && !path_known && gw_route_match_csv(req) != NULL)
	{
		snprintf(req->allow, sizeof(req->allow), "GET");
		path_known = 1;
	}
	if (!path_known)
	{
		gw_reply_error(req, 404, "KKB-404", "no such resource",
					   "No route of this API matches the requested path.", NULL);
		return;
	}
	snprintf(allow, sizeof(allow), "%s, OPTIONS", req->allow);
	gw_reply_body(req, 204, NULL, NULL, 0);
	gw_set_header(req, MHD_HTTP_HEADER_ALLOW, allow);
	if ((origin = gw_cors_origin(req)) != NULL)
	{
		char		age[16];

		gw_set_header(req, "Access-Control-Allow-Methods", allow);
		gw_set_header(req, "Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match, Prefer");
		snprintf(age, sizeof(age), "%d", config->cors_max_age_s);
		gw_set_header(req, "Access-Control-Max-Age", age);
	}
}


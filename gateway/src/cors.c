/*
 * cors.c - CORS and OPTIONS (see cors.h).
 */
#include "cors.h"

#include <stdio.h>
#include <string.h>
#include <microhttpd.h>

#include "config.h"
#include "reply.h"

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

void
gw_cors_preflight(gw_request *req, const char *allow)
{
	char		age[16];

	if (gw_cors_origin(req) == NULL)
		return;
	gw_set_header(req, "Access-Control-Allow-Methods", allow);
	gw_set_header(req, "Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match, If-Match, Prefer, Idempotency-Key");
	snprintf(age, sizeof(age), "%d", config->cors_max_age_s);
	gw_set_header(req, "Access-Control-Max-Age", age);
}

/*
 * h_api.c - the one handler of every API route: the route row (routes.c)
 * names its database function (kkb.api_...) and where each of the function's
 * arguments comes from (gw_arg); the handler collects them from the request,
 * runs `SELECT * FROM kkb.api_x($1, ...)` in the request's transaction as the
 * caller (tx.c), and answers with the document the function returns: its
 * second column, when it has one, is the status (201 created, 422 refused
 * body); no document is the route's none_status (404, or 400) with its
 * message.
 *
 * The statement of each route is built once, from the route table, and
 * prepared per connection like every other (db.c); its parameter types are
 * the function's declared argument types, so the database parses region
 * codes, dates and bodies.  What the gateway checks itself is what the HTTP
 * interface defines: months YYYY-MM, paging, whole-number ranges, the JSON
 * body (415, 400, 422 when not an object).
 */
#include "errors.h"
#include "routes.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "request.h"
#include "tx.h"

#define MAX_ROUTES 128

static gw_stmt stmts[MAX_ROUTES];
static char names[MAX_ROUTES][16];
static char sqls[MAX_ROUTES][160];
static pthread_once_t stmts_once = PTHREAD_ONCE_INIT;

/* The number of arguments of a route's function. */
static int
nargs(const gw_route *r)
{
	int			n = 0;

	while (n < GW_MAX_ARGS && r->args[n].kind != GW_ARG_NONE)
		n++;
	return n;
}

/* Every API route's statement: SELECT * FROM <function>($1, ..., $n). */
static void
build_stmts(void)
{
	for (int i = 0; i < gw_nroutes && i < MAX_ROUTES; i++)
	{
		const gw_route *r = &gw_routes[i];
		int			n = nargs(r);
		size_t		len;

		if (r->function == NULL)
			continue;
		snprintf(names[i], sizeof(names[i]), "api_%d", i);
		len = (size_t) snprintf(sqls[i], sizeof(sqls[i]), "SELECT * FROM %s(", r->function);
		for (int a = 0; a < n && len < sizeof(sqls[i]); a++)
			len += (size_t) snprintf(sqls[i] + len, sizeof(sqls[i]) - len, "%s$%d", a ? ", " : "", a + 1);
		if (len < sizeof(sqls[i]))
			snprintf(sqls[i] + len, sizeof(sqls[i]) - len, ")");
		stmts[i] = (gw_stmt) {names[i], sqls[i], n};
		gw_db_stmt_infer(&stmts[i]);
	}
}

/* A month query parameter: as gw_parse_periode, or the current month (UTC) when absent. */
static int
query_month(gw_request *req, const char *name, char out[11])
{
	const char *p = gw_query_arg(req, name);

	if (p == NULL)
	{
		time_t		now = time(NULL);
		struct tm	tm;

		gmtime_r(&now, &tm);
		if (strftime(out, 11, "%Y-%m-01", &tm) != 10)
			strcpy(out, "2000-01-01");	/* cannot happen before the year 10000 */
		return 0;
	}
	return gw_parse_periode(req, p, name, out);
}

/* A whole-number query parameter in [min, max]: its text (NULL when absent); -1 answered 400. */
static int
query_int(gw_request *req, const gw_arg *a, const char **out)
{
	const char *p = gw_query_arg(req, a->name);
	char		msg[160];
	long		v;
	char	   *end;
	size_t		i;

	*out = p;
	if (p == NULL)
		return 0;
	for (i = 0; p[i] && i < 10; i++)
		if (!isdigit((unsigned char) p[i]))
			break;
	if (i > 0 && p[i] == '\0')
	{
		v = strtol(p, &end, 10);
		if (*end == '\0' && v >= a->min && v <= a->max)
			return 0;
	}
	snprintf(msg, sizeof(msg), "invalid %s: expected a whole number from %d to %d", a->name, a->min, a->max);
	gw_reply_bad_param(req, a->name, msg, a->hint);
	return -1;
}

void
gw_api_init(void)
{
	pthread_once(&stmts_once, build_stmts);
}

void
gw_api(gw_request *req)
{
	const gw_route *r = req->route;
	int			n = nargs(r);
	const char *params[GW_MAX_ARGS];
	char		months[GW_MAX_ARGS][11];
	char		limit[8] = "",
				offset[16] = "";
	int			ri = (int) (r - gw_routes);

	pthread_once(&stmts_once, build_stmts);
	if (r->function == NULL || ri < 0 || ri >= MAX_ROUTES)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "The route names no API function.", NULL);
		return;
	}
	for (int i = 0; i < n; i++)
	{
		const gw_arg *a = &r->args[i];

		params[i] = NULL;
		switch (a->kind)
		{
			case GW_ARG_NONE:
				break;
			case GW_ARG_PATH:
				params[i] = req->params[a->index];
				break;
			case GW_ARG_PATH_MONTH:
				if (gw_parse_periode(req, req->params[a->index], a->name, months[i]) < 0)
					return;
				params[i] = months[i];
				break;
			case GW_ARG_MONTH:
				if (query_month(req, a->name, months[i]) < 0)
					return;
				params[i] = months[i];
				break;
			case GW_ARG_LIMIT:
			case GW_ARG_OFFSET:
				if (limit[0] == '\0' && gw_query_paging(req, limit, offset) < 0)
					return;
				params[i] = a->kind == GW_ARG_LIMIT ? limit : offset;
				break;
			case GW_ARG_TEXT:
			case GW_ARG_DATE:
			case GW_ARG_REGION:
				params[i] = gw_query_arg(req, a->name);
				break;
			case GW_ARG_REGION_SCOPE:
				if ((params[i] = gw_query_arg(req, a->name)) == NULL && req->auth.wilayah[0])
					params[i] = req->auth.wilayah;
				if (params[i] == NULL)
				{
					char		msg[96];

					snprintf(msg, sizeof(msg), "the parameter %s is required", a->name);
					gw_reply_bad_param(req, a->name, msg, a->hint);
					return;
				}
				break;
			case GW_ARG_INT:
				if (query_int(req, a, &params[i]) < 0)
					return;
				break;
			case GW_ARG_AGENCY:
				if ((params[i] = gw_query_arg(req, a->name)) == NULL && req->auth.opd[0])
					params[i] = req->auth.opd;
				break;
			case GW_ARG_TOKEN_AGENCY:
				params[i] = req->auth.opd;
				break;
			case GW_ARG_BODY:
				{
					json_t	   *body;

					if (gw_body_object(req, NULL, &body) < 0)
						return;
					json_decref(body);
					params[i] = req->body;	/* the checked body itself: numbers reach the database as written */
				}
				break;
		}
	}
	gw_reply_query(req, &stmts[ri], params, r->none_status ? r->none_status : 404,
				   r->none_message ? r->none_message : "not found");
}

/*
 * fuzz_gw_route.c - libFuzzer harness for the gateway's routing and query
 * parameter parsing (gateway/src/http.c, gateway/src/request.c).
 *
 * The input is up to six lines (split at '\n', each NUL-terminated at its
 * first NUL): method, path, periode, limit, offset, Content-Type; a missing
 * line is an absent value.  It runs, through the functions the server uses:
 *   gw_route_match (method, path)        the route table lookup
 *   gw_parse_periode (periode)           a month YYYY-MM from the path
 *   gw_query_periode, gw_query_paging    ?periode= ?limit= ?offset= (fuzz_gw_fake.h)
 *   gw_body_type (Content-Type)          application/json, text/csv or other
 * and aborts when an invariant breaks: a matched route has the method asked
 * for and putting its params back into its pattern gives the path again; the
 * Allow list is set exactly when the path is known with another method;
 * periods and paging values are in range and match the text; every error
 * answer is JSON with code, message, details and hint.
 *
 * Built by tests/fuzz/run.sh with every gateway source but main.c, libpq,
 * jansson and libmicrohttpd (clang -fsanitize=fuzzer,address,undefined).
 */
#include "../../gateway/src/http.h"
#include "../../gateway/src/request.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_gw_fake.h"

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)
#define NPARTS 6

/* An error answer: a JSON object with the four fields of every error body; freed. */
static void
check_error(gw_request *req, int status)
{
	json_t	   *doc;

	REQUIRE(req->status == status);
	REQUIRE(req->resp_body != NULL && strlen(req->resp_body) == req->resp_len);
	doc = json_loadb(req->resp_body, req->resp_len, 0, NULL);
	REQUIRE(json_is_object(doc));
	REQUIRE(json_is_string(json_object_get(doc, "code")));
	REQUIRE(json_is_string(json_object_get(doc, "message")));
	REQUIRE(json_object_get(doc, "details") != NULL);
	REQUIRE(json_object_get(doc, "hint") != NULL);
	json_decref(doc);
	free(req->resp_body);
	req->resp_body = NULL;
	req->resp_len = 0;
	req->status = 0;
}

/* Put the params back into the pattern: must give the path. */
static void
check_route(const gw_request *req, const gw_route *r, const char *method, const char *path)
{
	char		buf[2048];
	size_t		n = 0;
	const char *p = r->pattern;
	int			np = 0,
				i;

	REQUIRE(strcmp(r->method, method) == 0);
	while (*p)
	{
		if (*p == '{')
		{
			const char *v = req->params[np++];
			size_t		l;

			REQUIRE(np <= GW_MAX_PARAMS && v != NULL);
			l = strlen(v);
			REQUIRE(l > 0 && strchr(v, '/') == NULL && n + l < sizeof(buf));
			memcpy(buf + n, v, l);
			n += l;
			p = strchr(p, '}');
			REQUIRE(p != NULL);
			p++;
		}
		else
		{
			REQUIRE(n + 1 < sizeof(buf));
			buf[n++] = *p++;
		}
	}
	buf[n] = '\0';
	REQUIRE(strcmp(buf, path) == 0);
	for (i = np; i < GW_MAX_PARAMS; i++)
		REQUIRE(req->params[i] == NULL);
}

/* A period as the server parses it: 0 and "YYYY-MM-01" from "YYYY-MM", or an error answer. */
static void
check_periode(gw_request *req, int rc, const char *text, const char out[11])
{
	if (rc == 0)
	{
		REQUIRE(text != NULL && strlen(text) == 7 && strlen(out) == 10);
		REQUIRE(memcmp(out, text, 7) == 0 && strcmp(out + 7, "-01") == 0);
		REQUIRE(strcmp(out, "1900-01-01") >= 0 && strcmp(out, "2999-12-01") <= 0);
		REQUIRE(out[5] == '0' ? out[6] >= '1' : (out[5] == '1' && out[6] <= '2'));
		REQUIRE(req->resp_body == NULL);
	}
	else
	{
		REQUIRE(rc == -1);
		check_error(req, 400);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *copy = malloc(size + 1);
	char	   *part[NPARTS] = {NULL};
	char	   *s;
	gw_request	req;
	struct fuzz_conn conn;
	const gw_route *r;
	int			known,
				rc,
				i;
	char		out[11];
	char		limit[8],
				offset[16];

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	s = copy;
	for (i = 0; i < NPARTS && s != NULL; i++)
	{
		char	   *nl = memchr(s, '\n', (size_t) (copy + size - s));

		part[i] = s;
		if (nl)
		{
			*nl = '\0';
			s = nl + 1;
		}
		else
			s = NULL;
	}

	memset(&req, 0, sizeof(req));
	memset(&conn, 0, sizeof(conn));
	req.conn = (struct MHD_Connection *) (void *) &conn;
	req.method = part[0] ? part[0] : "GET";
	req.path = part[1];

	/* routing */
	memset(req.allow, 'x', sizeof(req.allow));	/* must be reset by the match */
	r = gw_route_match(&req, req.method, req.path, &known);
	REQUIRE(memchr(req.allow, '\0', sizeof(req.allow)) != NULL);
	if (req.path == NULL || req.path[0] != '/')
		REQUIRE(r == NULL && !known);
	if (r)
	{
		REQUIRE(r >= gw_routes && r < gw_routes + gw_nroutes);
		check_route(&req, r, req.method, req.path);
	}
	else
		REQUIRE(known == (req.allow[0] != '\0'));
	if (known && !r)
	{
		/* every method listed has a route on this path */
		char		allow[sizeof(req.allow)];
		char	   *m,
				   *save = NULL;

		memcpy(allow, req.allow, sizeof(allow));
		for (m = strtok_r(allow, ", ", &save); m; m = strtok_r(NULL, ", ", &save))
		{
			gw_request	again;
			int			k2;
			const gw_route *r2;

			memset(&again, 0, sizeof(again));
			r2 = gw_route_match(&again, m, req.path, &k2);
			REQUIRE(r2 != NULL);
			check_route(&again, r2, m, req.path);
		}
	}

	/* a period in the path (PUT .../{periode}) */
	rc = gw_parse_periode(&req, part[2], "periode", out);
	check_periode(&req, rc, part[2], out);

	/* query parameters */
	fuzz_conn_set(&conn, MHD_GET_ARGUMENT_KIND, "periode", part[2]);
	fuzz_conn_set(&conn, MHD_GET_ARGUMENT_KIND, "limit", part[3]);
	fuzz_conn_set(&conn, MHD_GET_ARGUMENT_KIND, "offset", part[4]);
	fuzz_conn_set(&conn, MHD_HEADER_KIND, "Content-Type", part[5]);

	rc = gw_query_periode(&req, out);
	if (part[2] != NULL)
		check_periode(&req, rc, part[2], out);
	else
		REQUIRE(rc == 0 && strlen(out) == 10 && strcmp(out + 7, "-01") == 0 && req.resp_body == NULL);

	rc = gw_query_paging(&req, limit, offset);
	if (rc == 0)
	{
		long		l = atol(limit),
					o = atol(offset);

		REQUIRE(req.resp_body == NULL);
		REQUIRE(l >= 1 && l <= GW_LIMIT_MAX && o >= 0 && o <= 1000000000L);
		REQUIRE(part[3] != NULL ? l == atol(part[3]) : l == GW_LIMIT_DEFAULT);
		REQUIRE(part[4] != NULL ? o == atol(part[4]) : o == 0);
	}
	else
	{
		REQUIRE(rc == -1);
		check_error(&req, 400);
	}

	{
		gw_body_kind k = gw_body_type(&req);

		REQUIRE(k == GW_BODY_OTHER || k == GW_BODY_JSON || k == GW_BODY_CSV);
		if (k != GW_BODY_OTHER)
			REQUIRE(part[5] != NULL);
	}

	free(req.resp_body);
	free(copy);
	return 0;
}

/*
 * h_meta.c - the API's own description and counters:
 *   GET /openapi.json   the OpenAPI 3.0 document, generated once from the route table (openapi.c)
 *   GET /metrics        Prometheus text format (metrics.c)
 */
#include "routes.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "metrics.h"
#include "openapi.h"

static pthread_once_t openapi_once = PTHREAD_ONCE_INIT;
static char *openapi_text;		/* built once; lives as long as the process */

static void
build_openapi(void)
{
	json_t	   *doc = gw_openapi_doc();

	openapi_text = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(doc);
}

void
h_openapi(gw_request *req)
{
	pthread_once(&openapi_once, build_openapi);
	if (openapi_text == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "could not build the API description", NULL);
		return;
	}
	gw_reply_json_text(req, 200, openapi_text, strlen(openapi_text));
}

void
h_metrics(gw_request *req)
{
	size_t		len = 0;
	char	   *text = gw_metrics_text(&len);

	if (text == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "out of memory", NULL);
		return;
	}
	gw_reply_body(req, 200, "text/plain; version=0.0.4; charset=utf-8", text, len);
}

/*
 * h_meta.c - the API's own description and counters:
 *   GET /openapi.json   the OpenAPI 3.0 document: the route table (openapi.c) and the database's body schemas
 *   GET /metrics        Prometheus text format (metrics.c)
 */
#include "routes.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "errors.h"
#include "log.h"
#include "metrics.h"
#include "openapi.h"

/*
 * The document is built on the first request that can ask the database for
 * the API functions' bodies (kkb.dokumen_skema_api()) and kept as long as the
 * process lives.  While the database cannot be asked, the route table's
 * document (bodies only as objects) is answered and not kept.
 */
static pthread_mutex_t openapi_lock = PTHREAD_MUTEX_INITIALIZER;
static char *openapi_text;		/* with the database's schemas; lives as long as the process */

static char *
build_openapi(json_t *skema)
{
	json_t	   *doc = gw_openapi_doc(skema);
	char	   *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;

	json_decref(doc);
	return text;
}

/* kkb.dokumen_skema_api() parsed, or NULL when the database cannot be asked */
static json_t *
db_schemas(void)
{
	PGresult   *res = gw_db_exec_retry("SELECT kkb.dokumen_skema_api()", 0, NULL);
	json_t	   *skema = NULL;

	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		skema = json_loads(PQgetvalue(res, 0, 0), 0, NULL);
	else
		gw_log("warn", "the API description is answered without its body schemas: the database could not be asked",
			   json_pack("{s:s}", "error", res ? PQresultErrorMessage(res) : "no connection"));
	PQclear(res);
	return skema;
}

void
h_openapi(gw_request *req)
{
	char	   *text;

	pthread_mutex_lock(&openapi_lock);
	if (openapi_text == NULL)
	{
		json_t	   *skema = db_schemas();

		if (skema)
			openapi_text = build_openapi(skema);
		json_decref(skema);
	}
	pthread_mutex_unlock(&openapi_lock);
	if (openapi_text)
	{
		gw_reply_json_text(req, 200, openapi_text, strlen(openapi_text));
		return;
	}
	text = build_openapi(NULL);
	if (text == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "could not build the API description", NULL);
		return;
	}
	gw_reply_json_text(req, 200, text, strlen(text));
	free(text);
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

/*
 * h_health.c - GET /v1/health: is the gateway up, can it reach the database,
 * and which version of the extension does the database run.
 */
#include "routes.h"

#include "db.h"

/*
 * 200 {"status":"ok","database":"ok","versi":"<extension version>"} when a
 * round trip to the database works; 503 {"status":"error","database":
 * "unavailable","versi":null} otherwise.  Retries once on a fresh connection,
 * so the first request after a database restart already answers 200.
 */
void
h_health(gw_request *req)
{
	PGresult   *res = gw_db_exec_retry("SELECT kkb.versi()", 0, NULL);

	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
	{
		gw_reply_json(req, 200, json_pack("{s:s, s:s, s:s}", "status", "ok", "database", "ok",
										  "versi", PQgetvalue(res, 0, 0)));
	}
	else
	{
		gw_reply_json(req, 503, json_pack("{s:s, s:s, s:n}", "status", "error", "database", "unavailable",
										  "versi"));
	}
	PQclear(res);
}

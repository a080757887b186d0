/*
 * errors.c - SQLSTATE -> HTTP status, in one table, and error bodies from
 * PostgreSQL's error fields.
 */
#include "errors.h"

#include <string.h>

#include "reply.h"
#include "log.h"
#include "metrics.h"

/*
 * The table.  An entry matches a whole SQLSTATE ("23505") or, with two
 * characters, its class ("22").  First match wins, so exact codes come before
 * their class.  `retry`: retried once by the transaction helper, then answered.
 */
static const struct
{
	const char *sqlstate;
	int			status;
	int			retry;
}			error_map[] = {
	{"23503", 409, 0},			/* foreign_key_violation: refers to something that is not there */
	{"23505", 409, 0},			/* unique_violation */
	{"23514", 422, 0},			/* check_violation: a rule of the data is broken */
	{"23502", 422, 0},			/* not_null_violation: a required value is missing */
	{"23", 409, 0},				/* other integrity violations (exclusion, restrict) */
	{"22", 400, 0},				/* data exception: bad value, format, range */
	{"42501", 403, 0},			/* insufficient_privilege (and row-level security on write) */
	{"P0002", 404, 0},			/* no_data_found */
	{"02000", 404, 0},			/* no_data */
	{"55000", 409, 0},			/* object_not_in_prerequisite_state: e.g. a locked month */
	{"40001", 503, 1},			/* serialization_failure */
	{"40P01", 503, 1},			/* deadlock_detected */
	{"08", 503, 0},				/* connection exception */
	{"57P01", 503, 0},			/* admin_shutdown */
	{"57P02", 503, 0},			/* crash_shutdown */
	{"57P03", 503, 0},			/* cannot_connect_now (starting up, recovery) */
	{"57014", 503, 0},			/* query_canceled (statement timeout) */
	{"53", 503, 0},				/* insufficient resources (too many connections, disk full) */
};

int
gw_http_status_for_sqlstate(const char *sqlstate, int *retry)
{
	size_t		i;

	*retry = 0;
	if (sqlstate == NULL || strlen(sqlstate) != 5)
		return 503;
	for (i = 0; i < sizeof(error_map) / sizeof(error_map[0]); i++)
	{
		size_t		n = strlen(error_map[i].sqlstate);

		if (strncmp(sqlstate, error_map[i].sqlstate, n) == 0)
		{
			*retry = error_map[i].retry;
			return error_map[i].status;
		}
	}
	return 500;
}

int
gw_pg_error_retryable(const PGresult *res)
{
	int			retry;

	if (res == NULL)
		return 0;
	gw_http_status_for_sqlstate(PQresultErrorField(res, PG_DIAG_SQLSTATE), &retry);
	return retry;
}

/* A JSON string, or null for NULL (or text that is not valid UTF-8). */
static json_t *
str_or_null(const char *s)
{
	json_t	   *j = s ? json_string(s) : NULL;

	return j ? j : json_null();
}

void
gw_reply_pg_error(gw_request *req, const PGresult *res)
{
	const char *sqlstate = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	int			retry;
	int			status = gw_http_status_for_sqlstate(sqlstate, &retry);
	json_t	   *doc;
	const char *column;

	if (sqlstate == NULL || strlen(sqlstate) != 5 || strncmp(sqlstate, "08", 2) == 0)
	{
		/* no SQLSTATE (libpq lost the connection) or a connection exception */
		gw_reply_db_unavailable(req);
		return;
	}
	gw_metrics_db_error(0);
	if (status == 500)
	{
		/* unmapped: log everything, tell the client nothing internal */
		gw_log("error", "database error",
			   json_pack("{s:s, s:s?, s:s?, s:s?, s:s?}", "sqlstate", sqlstate,
						 "message", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
						 "detail", PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL),
						 "context", PQresultErrorField(res, PG_DIAG_CONTEXT),
						 "route", req->route ? req->route->pattern : NULL));
		gw_reply_error(req, 500, "KKB-500", "internal error",
					   "The request failed inside the server; the gateway's log has the details.", NULL);
		return;
	}

	doc = json_object();
	json_object_set_new(doc, "code", json_string(sqlstate));
	json_object_set_new(doc, "message", str_or_null(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)));
	json_object_set_new(doc, "details", str_or_null(PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL)));
	json_object_set_new(doc, "hint", str_or_null(PQresultErrorField(res, PG_DIAG_MESSAGE_HINT)));
	column = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
	if (column)
		json_object_set_new(doc, "kolom", str_or_null(column));
	if (retry)
		json_object_set_new(doc, "hint", json_string("The database could not serialise this request with others, even on a retry; send it again."));
	gw_reply_json(req, status, doc);
}

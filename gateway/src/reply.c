/*
 * reply.c - the response of a request, and what the request sent.
 */
#include "errors.h"
#include "reply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <microhttpd.h>

#include "metrics.h"

/* Replace the response body (takes ownership of `body`, which is malloc'd). */
static void
set_response(gw_request *req, int status, char *body, size_t len, const char *ctype)
{
	free(req->resp_body);
	req->status = status;
	req->resp_body = body;
	req->resp_len = len;
	req->content_type = ctype;
}

void
gw_reply_body(gw_request *req, int status, const char *ctype, char *body, size_t len)
{
	set_response(req, status, body, len, ctype);
}

void
gw_reply_json(gw_request *req, int status, json_t *doc)
{
	char	   *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);

	json_decref(doc);
	if (text == NULL)
	{
		/* cannot happen for documents we build; still answer something sane */
		static const char fallback[] = "{\"code\":\"KKB-INTERNAL\",\"message\":\"terjadi kesalahan di server\",\"details\":\"could not encode the response\",\"hint\":null,\"kolom\":null}";

		text = strdup(fallback);
		status = 500;
	}
	set_response(req, status, text, text ? strlen(text) : 0, "application/json; charset=utf-8");
}

void
gw_reply_json_text(gw_request *req, int status, const char *text, size_t len)
{
	char	   *copy = malloc(len + 1);

	if (copy == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "out of memory", NULL);
		return;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	set_response(req, status, copy, len, "application/json; charset=utf-8");
}

const char *
gw_query_arg(gw_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *
gw_header(gw_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

void
gw_set_header(gw_request *req, const char *name, const char *value)
{
	int			i;

	for (i = 0; i < req->nheaders; i++)
		if (strcasecmp(req->headers[i].name, name) == 0)
			break;
	if (i == GW_MAX_HEADERS)
		return;
	if (i == req->nheaders)
		req->nheaders++;
	req->headers[i].name = name;
	snprintf(req->headers[i].value, sizeof(req->headers[i].value), "%s", value);
}

const char *
gw_response_header(gw_request *req, const char *name)
{
	for (int i = 0; i < req->nheaders; i++)
		if (strcasecmp(req->headers[i].name, name) == 0)
			return req->headers[i].value;
	return NULL;
}

/* gw_reply_error and gw_reply_db_unavailable: errors.c, where every error body is built. */

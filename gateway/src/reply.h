/*
 * reply.h - building a request's response (reply.c), and reading what the
 * request sent (query arguments, headers).  Every handler and every layer of
 * the gateway answers through these; none talks to libmicrohttpd.
 */
#ifndef KKB_GW_REPLY_H
#define KKB_GW_REPLY_H

#include <stddef.h>
#include <jansson.h>

#include "context.h"

/* Respond with a JSON document (consumed: its reference is stolen). */
void		gw_reply_json(gw_request *req, int status, json_t *doc);

/*
 * Respond with the error body {"code","message","details","hint"}.
 * details and hint may be NULL (sent as null).  The code goes to the
 * request's log line too (req->error_code).
 */
void		gw_reply_error(gw_request *req, int status, const char *code, const char *message,
						   const char *details, const char *hint);

/* Respond with `body` (malloc'd, taken over) of media type `ctype` (a static string). */
void		gw_reply_body(gw_request *req, int status, const char *ctype, char *body, size_t len);

/* Respond with JSON text that is already encoded (copied). */
void		gw_reply_json_text(gw_request *req, int status, const char *text, size_t len);

/* Respond 503 because the database is unavailable. */
void		gw_reply_db_unavailable(gw_request *req);

/*
 * Add (or replace) response header `name` (a static string) with `value`
 * (copied, at most 255 bytes).  A Cache-Control set here replaces the
 * default "no-store".
 */
void		gw_set_header(gw_request *req, const char *name, const char *value);

/* The value of response header `name` set with gw_set_header, or NULL. */
const char *gw_response_header(gw_request *req, const char *name);

/* The value of query parameter `name`, or NULL when absent. */
const char *gw_query_arg(gw_request *req, const char *name);

/* The value of request header `name`, or NULL when absent. */
const char *gw_header(gw_request *req, const char *name);

#endif

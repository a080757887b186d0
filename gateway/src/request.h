/*
 * request.h - shared parsing of request parameters and bodies for the
 * handlers.  Each helper either fills its output and returns 0, or answers
 * the request (400, 415, 422) and returns -1; the handler then just returns.
 */
#ifndef KKB_GW_REQUEST_H
#define KKB_GW_REQUEST_H

#include "reply.h"

#define GW_LIMIT_DEFAULT 100
#define GW_LIMIT_MAX 1000

/*
 * A month "YYYY-MM" (month 01..12, year 1900..2999) as the date of its first
 * day, "YYYY-MM-01", in `out` (11 bytes).  `what` names the parameter in the
 * error.  A NULL `text` is an error too (the caller decides on defaults).
 */
int			gw_parse_periode(gw_request *req, const char *text, const char *what, char out[11]);

/*
 * Query parameter `periode`: as gw_parse_periode, or the current month (UTC)
 * when absent.
 */
int			gw_query_periode(gw_request *req, char out[11]);

/*
 * Query parameters limit (1..1000, default 100) and offset (>= 0, default 0),
 * as decimal text in the buffers.
 */
int			gw_query_paging(gw_request *req, char limit[8], char offset[16]);

/*
 * The request body as a JSON object.  415 unless Content-Type is
 * application/json (charset utf-8 if given); 400 for an empty or malformed
 * body (with the byte offset of the error); 422 when it is not an object or
 * has a key outside `allowed` (NULL-terminated list), naming the key.
 * On success *out is the object (caller json_decref()s it).
 */
int			gw_body_object(gw_request *req, const char *const *allowed, json_t **out);

/* The kind of body the Content-Type announces (charset utf-8 or none). */
typedef enum gw_body_kind
{
	GW_BODY_OTHER = 0,
	GW_BODY_JSON,				/* application/json */
	GW_BODY_CSV,				/* text/csv */
} gw_body_kind;

gw_body_kind gw_body_type(gw_request *req);

/* 400 KKB-400 for a body jansson could not parse, with the byte offset ("posisi"). */
void		gw_reply_bad_json(gw_request *req, const json_error_t *err, const char *hint);

/* 400 KKB-400 naming a bad query parameter. */
void		gw_reply_bad_param(gw_request *req, const char *name, const char *message, const char *hint);

#endif

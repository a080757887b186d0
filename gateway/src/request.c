/*
 * request.c - query parameters, periods, paging and JSON bodies.
 */
#include "request.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "errors.h"

/* A bad query parameter: `code` from the registry, the parameter's name in "parameter". */
static void
reply_param(gw_request *req, const char *code, const char *name, const char *arg, const char *details)
{
	gw_error	e = {.code = code, .arg = arg, .details = details};

	gw_reply_err(req, &e, json_pack("{s:s}", "parameter", name));
}

void
gw_reply_bad_param(gw_request *req, const char *name, const char *message, const char *hint)
{
	/* the handler's own sentences are English: the message in English, or the detail under an Indonesian one */
	gw_error	e = {.code = "KKB-PARAMETER-TIDAK-SAH", .arg = name, .details = message};

	if (gw_request_english(req))
	{
		e.message = message;
		e.details = NULL;
		e.hint = hint;
	}
	gw_reply_err(req, &e, json_pack("{s:s}", "parameter", name));
}

int
gw_parse_periode(gw_request *req, const char *text, const char *what, char out[11])
{
	int			i,
				year,
				month;
	char		value[24];

	if (text == NULL || strlen(text) != 7 || text[4] != '-')
		goto bad;
	for (i = 0; i < 7; i++)
		if (i != 4 && !isdigit((unsigned char) text[i]))
			goto bad;
	year = atoi(text);
	month = atoi(text + 5);
	if (year < 1900 || year > 2999 || month < 1 || month > 12)
		goto bad;
	snprintf(out, 11, "%04d-%02d-01", year, month);
	return 0;

bad:
	snprintf(value, sizeof(value), "%.16s%s", text ? text : "", text && strlen(text) > 16 ? "..." : "");
	if (strcmp(what, "periode") == 0)
		reply_param(req, "KKB-PERIODE-FORMAT", what, value, NULL);
	else
	{
		/* a month under another name (e.g. a path segment): the same condition, naming it */
		char		msg[96];

		snprintf(msg, sizeof(msg), "%s \"%s\": expected a month YYYY-MM", what, value);
		reply_param(req, "KKB-PERIODE-FORMAT", what, value, msg);
	}
	return -1;
}

int
gw_query_periode(gw_request *req, char out[11])
{
	const char *p = gw_query_arg(req, "periode");

	if (p == NULL)
	{
		time_t		now = time(NULL);
		struct tm	tm;

		gmtime_r(&now, &tm);
		if (strftime(out, 11, "%Y-%m-01", &tm) != 10)
			strcpy(out, "2000-01-01");	/* cannot happen before the year 10000 */
		return 0;
	}
	return gw_parse_periode(req, p, "periode", out);
}

/* A whole decimal number in [min, max]; -1 otherwise. */
static int
parse_count(const char *s, long min, long max, long *out)
{
	char	   *end;
	long		v;
	size_t		i;

	if (s == NULL || *s == '\0' || strlen(s) > 10)
		return -1;
	for (i = 0; s[i]; i++)
		if (!isdigit((unsigned char) s[i]))
			return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
gw_query_paging(gw_request *req, char limit[8], char offset[16])
{
	const char *l = gw_query_arg(req, "limit");
	const char *o = gw_query_arg(req, "offset");
	long		lv = GW_LIMIT_DEFAULT,
				ov = 0;

	if (l && parse_count(l, 1, GW_LIMIT_MAX, &lv) < 0)
	{
		reply_param(req, "KKB-LIMIT-FORMAT", "limit", NULL, NULL);
		return -1;
	}
	if (o && parse_count(o, 0, 1000000000L, &ov) < 0)
	{
		reply_param(req, "KKB-OFFSET-FORMAT", "offset", NULL, NULL);
		return -1;
	}
	snprintf(limit, 8, "%ld", lv);
	snprintf(offset, 16, "%ld", ov);
	return 0;
}

/*
 * Is the Content-Type `type` (e.g. "application/json"), with no charset or
 * charset utf-8?
 */
static int
is_media_type(const char *ct, const char *type)
{
	const char *p;
	size_t		n = strlen(type);

	if (ct == NULL)
		return 0;
	while (*ct == ' ')
		ct++;
	if (strncasecmp(ct, type, n) != 0)
		return 0;
	p = ct + n;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 1;
	if (*p != ';')
		return 0;
	p++;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 1;
	if (strncasecmp(p, "charset=", 8) != 0)
		return 0;
	p += 8;
	if (*p == '"')
		p++;
	return strncasecmp(p, "utf-8", 5) == 0 && (p[5] == '\0' || p[5] == '"' || p[5] == ' ' || p[5] == ';');
}

static int
is_json_type(const char *ct)
{
	return is_media_type(ct, "application/json");
}

gw_body_kind
gw_body_type(gw_request *req)
{
	const char *ct = gw_header(req, "Content-Type");

	if (is_media_type(ct, "application/json"))
		return GW_BODY_JSON;
	if (is_media_type(ct, "text/csv"))
		return GW_BODY_CSV;
	return GW_BODY_OTHER;
}

void
gw_reply_bad_json(gw_request *req, const json_error_t *err, const char *hint)
{
	char		pos[16];
	char		det[320];
	gw_error	e = {.code = "KKB-JSON-RUSAK", .arg = pos, .details = det};
	json_t	   *check;

	snprintf(pos, sizeof(pos), "%d", err->position);
	snprintf(det, sizeof(det), "Line %d, column %d: %s", err->line, err->column, err->text);
	/* jansson's text may quote (or cut) the client's bytes: without them when that is not UTF-8 */
	if ((check = json_string(det)) == NULL)
		snprintf(det, sizeof(det), "Line %d, column %d.", err->line, err->column);
	json_decref(check);
	if (gw_request_english(req))
		e.hint = hint;
	gw_reply_err(req, &e, json_pack("{s:i}", "posisi", err->position));
}

int
gw_body_object(gw_request *req, const char *const *allowed, json_t **out)
{
	json_error_t err;
	json_t	   *doc;
	const char *key;
	json_t	   *val;

	*out = NULL;
	if (!is_json_type(gw_header(req, "Content-Type")))
	{
		gw_reply_galat(req, "KKB-JENIS-ISI", "application/json", "This resource accepts a JSON object encoded in UTF-8.", NULL);
		return -1;
	}
	if (req->body == NULL || req->body_len == 0)
	{
		gw_reply_galat(req, "KKB-ISI-KOSONG", NULL, NULL, NULL);
		return -1;
	}
	doc = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &err);
	if (doc == NULL)
	{
		gw_reply_bad_json(req, &err, "The body must be one JSON object encoded in UTF-8.");
		return -1;
	}
	if (!json_is_object(doc))
	{
		json_decref(doc);
		gw_reply_galat(req, "KKB-ISI-BUKAN-OBJEK", NULL, NULL, NULL);
		return -1;
	}
	if (allowed)
	{
		json_object_foreach(doc, key, val)
		{
			const char *const *a;

			(void) val;
			for (a = allowed; *a; a++)
				if (strcmp(*a, key) == 0)
					break;
			if (*a == NULL)
			{
				char		hint[600];
				size_t		n = 0;
				gw_error	e = {.code = "KKB-KOLOM-TIDAK-DIKENAL", .arg = key, .hint = hint, .kolom = key};

				n = (size_t) snprintf(hint, sizeof(hint), "%s", gw_request_english(req) ? "The fields are:" : "Kolom yang dikenal:");
				for (a = allowed; *a && n < sizeof(hint) - 1; a++)
					n += (size_t) snprintf(hint + n, sizeof(hint) - n, "%s %s", a == allowed ? "" : ",", *a);
				gw_reply_err(req, &e, NULL);
				json_decref(doc);
				return -1;
			}
		}
	}
	*out = doc;
	return 0;
}

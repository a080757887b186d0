/*
 * export.c - CSV answers of list routes (see export.h).
 */
#include "errors.h"
#include "export.h"

#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include <microhttpd.h>

#include "csv.h"
#include "log.h"
#include "reply.h"
#include "xlsx.h"

/* Does the Accept header ask for text/csv (anywhere in its list, any case)? */
int
gw_accepts_csv(gw_request *req)
{
	const char *a = gw_header(req, MHD_HTTP_HEADER_ACCEPT);
	static const char want[] = "text/csv";

	for (; a && *a; a++)
	{
		size_t		i;

		for (i = 0; want[i] && a[i] && (a[i] | 0x20) == want[i]; i++)
			;
		if (want[i] == '\0')
			return 1;
	}
	return 0;
}

/*
 * A CSV route asked as a file: turn the JSON answer's "data" rows into CSV
 * (csv.c; ?format=excel: the spreadsheet flavour) or an .xlsx workbook
 * (xlsx.c), with a Content-Disposition naming a file after the path
 * ("/v1/desa/13.77.01.1001/profil" -> desa-13.77.01.1001-profil.csv).
 * Errors (non-2xx) stay JSON.
 */
void
gw_reply_as_csv(gw_request *req)
{
	json_t	   *doc;
	json_t	   *rows;
	char	   *text;
	size_t		len = 0,
				n = 0,
				plen;
	const char *p;
	const char *suffix = ".csv";

	if (req->status != 200 || req->resp_body == NULL || req->content_type == NULL ||
		strncmp(req->content_type, "application/json", 16) != 0)
		return;
	doc = json_loadb(req->resp_body, req->resp_len, 0, NULL);
	rows = doc ? json_object_get(doc, "data") : NULL;
	if (!json_is_array(rows))
	{
		json_decref(doc);
		return;					/* not a list: cannot happen for GW_CSV routes; keep the JSON */
	}
	if (req->want_csv == GW_EKSPOR_XLSX)
	{
		char		err[256];

		text = gw_xlsx_write(rows, &len, err, sizeof(err));
		json_decref(doc);
		if (text == NULL)
		{
			gw_log("error", "an .xlsx answer could not be made", json_pack("{s:s, s:s}", "path", req->path, "error", err));
			gw_reply_galat(req, "KKB-INTERNAL", NULL, "the workbook could not be made", NULL);
			return;
		}
		gw_reply_body(req, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", text, len);
		suffix = ".xlsx";
	}
	else
	{
		text = req->want_csv == GW_EKSPOR_EXCEL ? gw_csv_write_excel(rows, &len) : gw_csv_write(rows, &len);
		json_decref(doc);
		if (text == NULL)
		{
			gw_reply_galat(req, "KKB-INTERNAL", NULL, "out of memory", NULL);
			return;
		}
		gw_reply_body(req, 200, "text/csv; charset=utf-8", text, len);
	}

	p = req->path;
	plen = strlen(p);
	if (plen > 4 && strcmp(p + plen - 4, ".csv") == 0)
		plen -= 4;
	else if (plen > 5 && strcmp(p + plen - 5, ".xlsx") == 0)
		plen -= 5;
	if (strncmp(p, "/v1/", 4) == 0)
	{
		p += 4;
		plen -= 4;
	}
	else if (*p == '/')
	{
		p++;
		plen--;
	}
	n = (size_t) snprintf(req->disposition, sizeof(req->disposition), "attachment; filename=\"");
	for (; plen > 0 && n + 8 < sizeof(req->disposition); p++, plen--)
	{
		char		c = *p;

		if (c == '/')
			c = '-';
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
			c = '_';
		req->disposition[n++] = c;
	}
	snprintf(req->disposition + n, sizeof(req->disposition) - n, "%s\"", suffix);
}


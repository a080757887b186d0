/*
 * qr.c - the QR code of a sign-in link (see qr.h).  libqrencode (Debian
 * libqrencode-dev) makes the module matrix - the QR standard's encoding, error
 * correction and masking are a library's job, and libqrencode is the C one
 * Debian ships (LGPL, no dependencies of its own); qr_svg.c draws it.
 */
#include "qr.h"

#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "log.h"
#include "reply.h"
#include "qr_svg.h"

static const char *base_url;

void
gw_qr_init(const char *public_url)
{
	base_url = public_url && public_url[0] ? public_url : NULL;
}

/* A Host header fit for a URL: letters, digits, . - : [ ] only, 1..255 long. */
static int
host_ok(const char *h)
{
	size_t		n = 0;

	if (h == NULL)
		return 0;
	for (; h[n]; n++)
	{
		char		c = h[n];

		if (n >= 255 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
						  c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
			return 0;
	}
	return n > 0;
}

void
gw_qr_tambah(gw_request *req)
{
	json_t	   *doc;
	const char *tautan;
	char		url[600];
	QRcode	   *qr;
	char	   *svg,
			   *text;
	int			n;

	if (req->status < 200 || req->status > 299 || req->resp_body == NULL)
		return;
	doc = json_loadb(req->resp_body, req->resp_len, 0, NULL);
	if (!json_is_object(doc) || (tautan = json_string_value(json_object_get(doc, "tautan"))) == NULL)
	{
		json_decref(doc);
		return;
	}
	if (base_url != NULL)
		n = snprintf(url, sizeof(url), "%s%s", base_url, tautan);
	else
	{
		const char *host = gw_header(req, "Host");
		const char *proto = gw_header(req, "X-Forwarded-Proto");

		if (!host_ok(host))
		{
			json_decref(doc);
			return;
		}
		n = snprintf(url, sizeof(url), "%s://%s%s", proto && strcmp(proto, "https") == 0 ? "https" : "http", host, tautan);
	}
	if (n < 0 || (size_t) n >= sizeof(url))
	{
		json_decref(doc);
		return;
	}
	/* medium error correction: a phone's camera reads it off a screen or a printout */
	qr = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (qr == NULL)
	{
		gw_log("error", "libqrencode could not encode a sign-in link", NULL);
		json_decref(doc);
		return;
	}
	svg = gw_qr_svg(qr->data, qr->width, 4);
	QRcode_free(qr);
	if (svg == NULL)
	{
		json_decref(doc);
		return;
	}
	json_object_set_new(doc, "url", json_string(url));
	json_object_set_new(doc, "qr_svg", json_string(svg));
	free(svg);
	text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (text != NULL)
		gw_reply_json_text(req, req->status, text, strlen(text));
	free(text);
}

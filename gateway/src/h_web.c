/*
 * h_web.c - the dashboard's static files, embedded in the binary (web.h):
 *   GET /                          index.html
 *   GET /assets/{versi}/{nama}     the other files (CSS, JavaScript modules, icons)
 *   GET /sw.js                     the service worker (at the root: its scope is the whole dashboard)
 * No file system access at run time: a name is looked up in the table that
 * gateway/gen/web_assets.sh generated from gateway/web/, so no path can reach
 * anything else (no traversal), and an unknown name or version is 404.
 *
 * Caching: index.html is small and names the asset version, so it is always
 * revalidated (Cache-Control: no-cache, ETag: the version; an unchanged
 * dashboard costs a 304).  The assets' URLs carry the version, a hash of every
 * file, so any change gives new URLs: they are cached for a year, immutable.
 * A request for another version (a page loaded before an upgrade) is 404.
 *
 * Every answer carries a Content-Security-Policy allowing only this origin
 * (no inline script or style, no other host), and X-Content-Type-Options:
 * nosniff (server.c sets that on every response).
 */
#include "routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "web.h"

/* img-src blob:: the intervention photos, fetched with the token and shown from object URLs (v_desa.js) */
#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; " \
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

static const gw_web_asset *
find_asset(const char *name)
{
	for (int i = 0; i < gw_web_nassets; i++)
		if (strcmp(gw_web_assets[i].name, name) == 0)
			return &gw_web_assets[i];
	return NULL;
}

/* Answer with an embedded file (copied: the response takes a malloc'd body). */
static void
reply_asset(gw_request *req, const gw_web_asset *a, const char *cache_control)
{
	char	   *body = malloc(a->len + 1);
	char		etag[40];

	if (body == NULL)
	{
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "out of memory", NULL);
		return;
	}
	memcpy(body, a->data, a->len);
	body[a->len] = '\0';
	gw_reply_body(req, 200, a->content_type, body, a->len);
	snprintf(etag, sizeof(etag), "\"%s\"", gw_web_versi);
	gw_set_header(req, "ETag", etag);
	gw_set_header(req, "Cache-Control", cache_control);
	gw_set_header(req, "Content-Security-Policy", CSP);
	gw_set_header(req, "Referrer-Policy", "no-referrer");
	gw_set_header(req, "X-Frame-Options", "DENY");
}

/*
 * A file served at the root (index.html at /, the service worker at /sw.js): always revalidated,
 * since it names the assets' version (a new gateway's files replace the old ones at once).
 */
static void
reply_root_file(gw_request *req, const char *name)
{
	const gw_web_asset *a = find_asset(name);

	if (a == NULL)
	{
		gw_reply_galat(req, "KKB-RUTE-TIDAK-ADA", NULL, "the dashboard is not built into this gateway", NULL);
		return;
	}
	reply_asset(req, a, "no-cache");
}

void
h_web_index(gw_request *req)
{
	reply_root_file(req, "index.html");
}

void
h_web_aset(gw_request *req)
{
	const char *versi = req->params[0];
	const char *nama = req->params[1];
	const gw_web_asset *a;

	if (strcmp(versi, gw_web_versi) != 0)
	{
		gw_reply_galat(req, "KKB-RUTE-TIDAK-ADA", NULL,
					   "No such version of the dashboard's files: the page was loaded from another version of the gateway; reload it.", NULL);
		return;
	}
	a = strcmp(nama, "index.html") == 0 ? NULL : find_asset(nama);
	if (a == NULL)
	{
		gw_reply_galat(req, "KKB-RUTE-TIDAK-ADA", NULL, "No such file of the dashboard; the dashboard starts at /.", NULL);
		return;
	}
	reply_asset(req, a, "public, max-age=31536000, immutable");
}

void
h_web_sw(gw_request *req)
{
	reply_root_file(req, "sw.js");
}

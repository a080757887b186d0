/*
 * web.h - the dashboard's static files, embedded at build time
 * (gateway/gen/web_assets.sh writes build/gen/web_assets.c from gateway/web/).
 */
#ifndef KKB_GW_WEB_H
#define KKB_GW_WEB_H

#include <stddef.h>

typedef struct gw_web_asset
{
	const char *name;			/* file name, e.g. "main.js" */
	const char *content_type;	/* a static string */
	const unsigned char *data;
	size_t		len;
} gw_web_asset;

/* The version of the set: 16 hex digits of a SHA-256 over every file. */
extern const char gw_web_versi[];
extern const gw_web_asset gw_web_assets[];
extern const int gw_web_nassets;

#endif

/*
 * qr.h - the QR code of a sign-in link (POST /v1/tautan-masuk): the route's
 * answer names the dashboard path of the link (`tautan`, "/#/masuk/<code>");
 * the gateway adds the absolute URL (`url`) and a QR code of it as an SVG
 * document (`qr_svg`), made with libqrencode.  The URL's base is
 * --public-url when set, else http(s)://<the request's Host>.
 */
#ifndef KKB_GW_QR_H
#define KKB_GW_QR_H

#include "context.h"

/* The base URL of the dashboard (--public-url), "" or NULL: the request's Host.  Call once before serving. */
void		gw_qr_init(const char *public_url);

/*
 * Add url and qr_svg to the JSON answer in req (a route with .qr): leaves the
 * answer as it is when it is not a 2xx JSON object with a string `tautan`,
 * or when no base URL is known (no --public-url and no usable Host).
 */
void		gw_qr_tambah(gw_request *req);

#endif

/*
 * routes.h - the handlers of the route table (routes.c): the generic API
 * handler (h_api.c), and a file per route only where HTTP itself needs code.
 */
#ifndef KKB_GW_ROUTES_H
#define KKB_GW_ROUTES_H

#include "reply.h"

/* h_health.c */
void		h_health(gw_request *req);

/* h_api.c: every route answered by an API function of the database (kkb.api_...) */
void		gw_api(gw_request *req);
/* Build the API routes' statements from the route table; call once before serving. */
void		gw_api_init(void);

/* h_sinkron.c: by-name bulk sync (JSON array or CSV) */
void		h_sinkron_keluarga(gw_request *req);
void		h_sinkron_anggota(gw_request *req);
void		h_sinkron_pengukuran(gw_request *req);
void		h_sinkron_peristiwa(gw_request *req);

/* h_web.c: the web dashboard's embedded files */
void		h_web_index(gw_request *req);
void		h_web_aset(gw_request *req);
void		h_web_sw(gw_request *req);

/* h_meta.c: the API's own description and its counters */
void		h_openapi(gw_request *req);
void		h_metrics(gw_request *req);

#endif

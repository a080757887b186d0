/*
 * export.h - the CSV form of a list route's JSON answer (export.c): a GW_CSV
 * route answers text/csv when the request sends Accept: text/csv or its path
 * ends in ".csv" (GET /v1/desa.csv?wilayah=13.77).
 */
#ifndef KKB_GW_EXPORT_H
#define KKB_GW_EXPORT_H

#include "context.h"

/* Does the Accept header ask for text/csv (anywhere in its list, any case)? */
int			gw_accepts_csv(gw_request *req);

/*
 * Turn the JSON answer's "data" rows into CSV (csv.c), with a
 * Content-Disposition naming a file after the path
 * ("/v1/desa/13.77.01.1001/profil" -> desa-13.77.01.1001-profil.csv).
 * Errors (non-2xx) stay JSON.
 */
void		gw_reply_as_csv(gw_request *req);

#endif

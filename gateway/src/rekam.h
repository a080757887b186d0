/*
 * rekam.h - a record of the answers the gateway gives (--record-responses
 * FILE), for checking them against the API description: the test suite runs
 * every gateway with it and tests/skema validates each recorded JSON answer
 * against GET /openapi.json.  Off (and free) unless the setting names a file.
 */
#ifndef KKB_GW_REKAM_H
#define KKB_GW_REKAM_H

#include "context.h"

/*
 * Open FILE for appending (NULL or "": recording stays off).  At most
 * `per_route` answers are kept for each route, method and status.
 * Returns -1 (explained in the log) when the file cannot be opened.
 */
int			gw_rekam_init(const char *file, int per_route);

/* Record the answer `req` is about to send (status, media type, JSON body). */
void		gw_rekam(const gw_request *req);

#endif

/*
 * openapi.h - the OpenAPI 3.0 document of the gateway, generated from the
 * route table (routes.c) and its per-route metadata.
 */
#ifndef KKB_GW_OPENAPI_H
#define KKB_GW_OPENAPI_H

#include <jansson.h>

/* The document (a new reference; caller json_decref()s it). */
json_t	   *gw_openapi_doc(void);

#endif

/*
 * openapi.h - the OpenAPI 3.0 document of the gateway, generated from the
 * route table (routes.c) and its per-route metadata, with the request and
 * answer bodies of the API functions as the database describes them
 * (kkb.api_skema, sql/install/96_api_skema.sql).
 */
#ifndef KKB_GW_OPENAPI_H
#define KKB_GW_OPENAPI_H

#include <jansson.h>

/*
 * The document (a new reference; caller json_decref()s it).  `skema` is
 * kkb.dokumen_skema_api()'s answer, {"jawaban": {function: schema},
 * "permintaan": {function: schema}, "komponen": {name: schema}}, or NULL
 * when the database could not be asked: then every API body is described
 * only as an object.
 */
json_t	   *gw_openapi_doc(json_t *skema);

#endif

/*
 * guard.h - who may go on (guard.c): rate limits per address and per token
 * (limit.c) and authentication (auth.c), in the order that keeps guessing
 * tokens slow.
 */
#ifndef KKB_GW_GUARD_H
#define KKB_GW_GUARD_H

#include "context.h"

/*
 * For a route that looks at tokens: take from the address's bucket when no
 * token is sent, authenticate (req->auth), then take from the token's read or
 * write bucket.  Returns 0 to go on, -1 when the request was answered (401,
 * 429, 503).
 */
int			gw_guard(gw_request *req, int is_get);

#endif

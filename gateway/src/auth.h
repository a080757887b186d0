/*
 * auth.h - bearer-token authentication of kkb-gateway.
 *
 * A request sends "Authorization: Bearer <token>".  The gateway hashes the
 * token (SHA-256 from libcrypto, digest.c) and looks the hash up with kkb.token_periksa; the
 * database stores only hashes.  Each worker thread caches the tokens it has
 * verified for a short time (the token TTL, 30 s by default, --token-ttl), so
 * a token check normally costs one hash and no database round trip; a token
 * revoked with kkb.token_cabut is therefore refused within that TTL.  Expiry
 * (berlaku_sampai) is checked on every request, cached or not.
 */
#ifndef KKB_GW_AUTH_H
#define KKB_GW_AUTH_H

#include "digest.h"

#include "context.h"

/* Set the cache TTL in seconds (0: no caching).  Call once before serving. */
void		gw_auth_init(int ttl_s);

/*
 * Authenticate a request: fills req->auth and returns 0, or sets the response
 * (401 with WWW-Authenticate, 503 when the database cannot be asked, 500) and
 * returns -1.  With `optional`, a request without an Authorization header is
 * let through as anonymous (role GW_ROLE_NONE); a bad token is still refused.
 */
int			gw_auth_request(gw_request *req, int optional);

/*
 * Is the request's bearer token one this worker verified within the token
 * TTL (so checking it needs no database)?  1 or 0; answers nothing.
 */
int			gw_auth_cached(gw_request *req);

/* The role's name (kkb_admin ...), or NULL for GW_ROLE_NONE. */
const char *gw_role_name(gw_role role);

/*
 * The SQL that opens a request's transaction as this role: a constant
 * "BEGIN; SET LOCAL ROLE <role>" from a fixed table (never built from input).
 * Anonymous callers run as kkb_anon, which may read the public region
 * reference and nothing else.
 */
const char *gw_role_begin_sql(gw_role role);

#endif

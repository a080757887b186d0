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

struct gw_request;

/* The working roles a token can carry (index into the role table in auth.c). */
typedef enum gw_role
{
	GW_ROLE_NONE = -1,			/* anonymous: a GW_TOKEN_OPTIONAL route without a token */
	GW_ROLE_ADMIN = 0,
	GW_ROLE_POKJA,
	GW_ROLE_OPD,
	GW_ROLE_ANALIS,
	GW_ROLE_PROVINSI,			/* a province's (or regency's) portal: aggregates only */
} gw_role;

#define GW_AUTH_LABEL_MAX 200	/* bytes; kkb.token.label is checked to fit */

/* Who is calling: what the gateway puts into the request's transaction. */
typedef struct gw_auth
{
	gw_role		role;
	char		wilayah[32];	/* region scope for kkb.wilayah, "" when none */
	char		opd[64];		/* agency of an agency token, "" when none */
	char		label[GW_AUTH_LABEL_MAX + 1];	/* holder, for kkb.pengguna and the log */
	unsigned char kunci[8];		/* the first bytes of the token's SHA-256: its rate-limit key */
} gw_auth;

/* Set the cache TTL in seconds (0: no caching).  Call once before serving. */
void		gw_auth_init(int ttl_s);

/*
 * Authenticate a request: fills req->auth and returns 0, or sets the response
 * (401 with WWW-Authenticate, 503 when the database cannot be asked, 500) and
 * returns -1.  With `optional`, a request without an Authorization header is
 * let through as anonymous (role GW_ROLE_NONE); a bad token is still refused.
 */
int			gw_auth_request(struct gw_request *req, int optional);

/* The role's name (kkb_admin ...), or NULL for GW_ROLE_NONE. */
const char *gw_role_name(gw_role role);

/*
 * The SQL that opens a request's transaction as this role: a constant
 * "BEGIN; SET LOCAL ROLE <role>" from a fixed table (never built from input).
 * Anonymous callers run as kkb_pokja with no scope, which row-level security
 * lets see reference data only.
 */
const char *gw_role_begin_sql(gw_role role);

#endif

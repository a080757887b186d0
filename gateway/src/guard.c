/*
 * guard.c - rate limits and authentication before a handler (see guard.h).
 */
#include "errors.h"
#include "guard.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <microhttpd.h>

#include "auth.h"
#include "limit.h"
#include "reply.h"

/* The client's address as a rate-limit key. */
static void
client_key(gw_request *req, unsigned char key[8])
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(req->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	memset(key, 0, 8);
	if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
		memcpy(key, &((const struct sockaddr_in *) ci->client_addr)->sin_addr, 4);
	key[7] = 0xA5;				/* never equal to a token's key by accident of zeros */
}

static void
reply_429(gw_request *req, gw_limit_kind kind, int wait)
{
	char		ra[16],
				details[200];
	const char *what = gw_request_english(req)
		? (kind == GW_LIMIT_READ ? "read limit of this token" : kind == GW_LIMIT_WRITE ? "write limit of this token" : "per-address limit of this address")
		: (kind == GW_LIMIT_READ ? "baca token ini" : kind == GW_LIMIT_WRITE ? "tulis token ini" : "alamat ini");

	snprintf(ra, sizeof(ra), "%d", wait);
	if (kind != GW_LIMIT_ANON && req->route && req->route->berat > 1)
		snprintf(details, sizeof(details),
				 "Each token has its own limits for reads and for writes; this expensive route costs %d requests of it.",
				 req->route->berat);
	else
		snprintf(details, sizeof(details), "%s",
				 "Each token has its own limits for reads and for writes; calls without a token share one per address.");
	gw_reply_galat(req, "KKB-TERLALU-SERING", what, details, NULL);
	gw_set_header(req, MHD_HTTP_HEADER_RETRY_AFTER, ra);
}

int
gw_guard(gw_request *req, int is_get)
{
	const char *authz = gw_header(req, "Authorization");
	unsigned char ip[8];
	int			wait;

	client_key(req, ip);
	/* calls without a token share a bucket per address */
	if (authz == NULL && (wait = gw_limit_take(GW_LIMIT_ANON, ip, 1)) > 0)
	{
		reply_429(req, GW_LIMIT_ANON, wait);
		return -1;
	}
	/*
	 * an address whose bucket failed tokens have emptied gets 429 before its
	 * next unknown token costs a database lookup; a token this worker has
	 * verified recently (cached) still goes through
	 */
	if (authz != NULL && !gw_auth_cached(req) && (wait = gw_limit_peek(GW_LIMIT_ANON, ip)) > 0)
	{
		reply_429(req, GW_LIMIT_ANON, wait);
		return -1;
	}
	/* authentication is the first step: a refused caller reaches no handler */
	if (gw_auth_request(req, req->route->access == GW_TOKEN_OPTIONAL) < 0)
	{
		/* failed tokens use up the address's bucket: guessing tokens is slow */
		if (authz != NULL && req->status == 401 && (wait = gw_limit_take(GW_LIMIT_ANON, ip, 1)) > 0)
			reply_429(req, GW_LIMIT_ANON, wait);
		return -1;
	}
	/* each token has a bucket for reads and one for writes */
	if (req->auth.role != GW_ROLE_NONE)
	{
		gw_limit_kind kind = is_get ? GW_LIMIT_READ : GW_LIMIT_WRITE;

		/* an expensive read costs its weight (routes.c): a portal may ask for fewer of them */
		if ((wait = gw_limit_take(kind, req->auth.kunci, req->route->berat)) > 0)
		{
			reply_429(req, kind, wait);
			return -1;
		}
	}
	return 0;
}

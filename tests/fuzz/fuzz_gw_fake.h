/*
 * fuzz_gw_fake.h - a stand-in libmicrohttpd connection for the gateway fuzz
 * harnesses (tests/fuzz/fuzz_gw_*.c).
 *
 * The gateway reads request headers and query arguments only through
 * gw_header() and gw_query_arg() (http.c), which call
 * MHD_lookup_connection_value().  The harness defines that function itself
 * (the executable's definition wins over libmicrohttpd's), so a gw_request
 * whose conn points at a fuzz_conn answers from the table below, and the
 * gateway's own parsing code (request.c, the handlers) runs unchanged.
 */
#ifndef KKB_FUZZ_GW_FAKE_H
#define KKB_FUZZ_GW_FAKE_H

#include <string.h>
#include <strings.h>
#include <microhttpd.h>

#define FUZZ_CONN_MAX 8

struct fuzz_conn
{
	int			n;
	enum MHD_ValueKind kind[FUZZ_CONN_MAX];
	const char *key[FUZZ_CONN_MAX];
	const char *value[FUZZ_CONN_MAX];	/* NULL: absent */
};

static inline void
fuzz_conn_set(struct fuzz_conn *c, enum MHD_ValueKind kind, const char *key, const char *value)
{
	if (value == NULL || c->n >= FUZZ_CONN_MAX)
		return;
	c->kind[c->n] = kind;
	c->key[c->n] = key;
	c->value[c->n] = value;
	c->n++;
}

const char *
MHD_lookup_connection_value(struct MHD_Connection *connection, enum MHD_ValueKind kind, const char *key)
{
	const struct fuzz_conn *c = (const struct fuzz_conn *) (const void *) connection;
	int			i;

	if (c == NULL || key == NULL)
		return NULL;
	for (i = 0; i < c->n; i++)
		if (c->kind[i] == kind &&
			(kind == MHD_HEADER_KIND ? strcasecmp(c->key[i], key) : strcmp(c->key[i], key)) == 0)
			return c->value[i];
	return NULL;
}

#endif

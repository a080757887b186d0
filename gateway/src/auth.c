/*
 * auth.c - bearer tokens: parse the header, hash, look up (cached per worker
 * thread), and the fixed table of roles a request may switch to.
 */
#include "auth.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db.h"
#include "errors.h"
#include "reply.h"
#include "log.h"
#include "metrics.h"

/*
 * The only roles a request ever runs as, and the constant SQL that opens its
 * transaction.  A role name read from kkb.token is matched against this table
 * and only the table's own strings reach the database.
 */
static const struct
{
	const char *name;
	const char *begin_sql;
}			roles[] = {
	[GW_ROLE_ADMIN] = {"kkb_admin", "BEGIN; SET LOCAL ROLE kkb_admin"},
	[GW_ROLE_POKJA] = {"kkb_pokja", "BEGIN; SET LOCAL ROLE kkb_pokja"},
	[GW_ROLE_OPD] = {"kkb_opd", "BEGIN; SET LOCAL ROLE kkb_opd"},
	[GW_ROLE_ANALIS] = {"kkb_analis", "BEGIN; SET LOCAL ROLE kkb_analis"},
	[GW_ROLE_PROVINSI] = {"kkb_provinsi", "BEGIN; SET LOCAL ROLE kkb_provinsi"},
};
/* calls without a token (GW_TOKEN_OPTIONAL routes): the public region reference only */
static const char anon_begin_sql[] = "BEGIN; SET LOCAL ROLE kkb_anon";
#define NROLES ((int) (sizeof(roles) / sizeof(roles[0])))

const char *
gw_role_name(gw_role role)
{
	return role >= 0 && role < NROLES ? roles[role].name : NULL;
}

const char *
gw_role_begin_sql(gw_role role)
{
	return role >= 0 && role < NROLES ? roles[role].begin_sql : anon_begin_sql;
}

/* ---------------------------------------------------------------- cache */

#define CACHE_SLOTS 128			/* per worker thread, direct-mapped by hash */
#define TOKEN_MAX 256			/* longest token text accepted */

typedef struct cache_entry
{
	int			used;
	unsigned char hash[GW_SHA256_LEN];
	gw_auth		who;
	long long	expires;		/* berlaku_sampai, Unix seconds; 0 = never */
	int			terikat;		/* bound to a device: X-Perangkat must hash to perangkat */
	unsigned char perangkat[GW_SHA256_LEN];
	double		verified_at;	/* monotonic seconds */
} cache_entry;

static __thread cache_entry cache[CACHE_SLOTS];
static int token_ttl = 30;

void
gw_auth_init(int ttl_s)
{
	token_ttl = ttl_s;
}

static double
mono_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static cache_entry *
slot_for(const unsigned char *hash)
{
	return &cache[(hash[0] | hash[1] << 8) % CACHE_SLOTS];
}

/* ---------------------------------------------------------------- answers */

/* 401 with the registry's `code` (KKB-TOKEN-TIDAK-ADA, -TIDAK-SAH, -DICABUT, -KEDALUWARSA). */
static void
reply_401(gw_request *req, int had_token, const char *code, const char *details)
{
	req->www_authenticate = had_token ? "Bearer realm=\"kampungkb\", error=\"invalid_token\""
		: "Bearer realm=\"kampungkb\"";
	gw_reply_galat(req, code, NULL, details, NULL);
}

/*
 * The token of "Authorization: Bearer <token>" (scheme case-insensitive),
 * copied into `out`; -1 when the header is not a bearer credential of
 * acceptable form (RFC 6750 token68 characters, 1..TOKEN_MAX long).
 */
static int
bearer_token(const char *h, char out[TOKEN_MAX + 1])
{
	size_t		n = 0;

	while (*h == ' ' || *h == '\t')
		h++;
	if (strncasecmp(h, "Bearer", 6) != 0 || (h[6] != ' ' && h[6] != '\t'))
		return -1;
	h += 6;
	while (*h == ' ' || *h == '\t')
		h++;
	while (h[n] && h[n] != ' ' && h[n] != '\t')
	{
		char		c = h[n];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '='))
			return -1;
		if (n == TOKEN_MAX)
			return -1;
		out[n] = c;
		n++;
	}
	out[n] = '\0';
	while (h[n] == ' ' || h[n] == '\t')
		n++;
	return (n > 0 && h[n] == '\0' && out[0] != '\0') ? 0 : -1;
}

static int
copy_field(char *dst, size_t size, const char *src)
{
	size_t		n = strlen(src);

	if (n >= size)
		return -1;
	memcpy(dst, src, n + 1);
	return 0;
}

/* 64 hex digits -> 32 bytes; -1 when it is not that. */
static int
hex_bytes(const char *hex, unsigned char out[GW_SHA256_LEN])
{
	if (strlen(hex) != 2 * GW_SHA256_LEN)
		return -1;
	for (int i = 0; i < GW_SHA256_LEN; i++)
	{
		unsigned	v = 0;

		for (int j = 0; j < 2; j++)
		{
			char		c = hex[2 * i + j];

			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= (unsigned) (c - '0');
			else if (c >= 'a' && c <= 'f')
				v |= (unsigned) (c - 'a' + 10);
			else
				return -1;
		}
		out[i] = (unsigned char) v;
	}
	return 0;
}

/*
 * Does the request carry the device key of a token bound to a device: an
 * X-Perangkat header (1..128 visible characters) whose SHA-256 is the one
 * recorded (compared without an early exit)?
 */
static int
perangkat_cocok(gw_request *req, const unsigned char *perangkat)
{
	const char *k = gw_header(req, "X-Perangkat");
	unsigned char d[GW_SHA256_LEN];
	unsigned char beda = 0;
	size_t		n;

	if (k == NULL || (n = strlen(k)) == 0 || n > 128 || gw_sha256(k, n, d) != 0)
		return 0;
	for (int i = 0; i < GW_SHA256_LEN; i++)
		beda |= (unsigned char) (d[i] ^ perangkat[i]);
	return beda == 0;
}

/*
 * Ask the database about a token hash.  Returns 0 and fills *e when the token
 * is valid now; otherwise sets the response (401, 503 or 500) and returns -1.
 */
static int
verify(gw_request *req, const unsigned char *hash, cache_entry *e)
{
	static const gw_stmt st = {
		"kkb_token_periksa",
		"SELECT t.peran, t.wilayah::text, t.opd, t.label,"
		" pg_catalog.floor(EXTRACT(epoch FROM t.berlaku_sampai))::bigint,"
		" t.dicabut IS NOT NULL, coalesce(t.berlaku_sampai <= pg_catalog.now(), false),"
		" pg_catalog.encode(t.perangkat, 'hex')"
		" FROM kkb.token_periksa(pg_catalog.decode($1, 'hex')) AS t",
		1
	};
	char		hex[2 * GW_SHA256_LEN + 1];
	const char *params[1];
	PGresult   *res;
	int			i,
				rc = -1;

	gw_sha256_hex(hash, hex);
	params[0] = hex;
	gw_metrics_token_lookup();
	res = gw_db_exec_stmt_retry(&st, params);
	if (res == NULL)
	{
		gw_reply_db_unavailable(req);
		return -1;
	}
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		gw_log("error", "token lookup failed",
			   json_pack("{s:s?, s:s?}", "sqlstate", PQresultErrorField(res, PG_DIAG_SQLSTATE),
						 "message", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)));
		if (gw_http_status_for_sqlstate(PQresultErrorField(res, PG_DIAG_SQLSTATE), &i) == 503)
			gw_reply_db_unavailable(req);
		else
			gw_reply_galat(req, "KKB-INTERNAL", NULL, "The gateway could not check the token; its log has the details.", NULL);
		goto cleanup;
	}
	if (PQntuples(res) != 1)
	{
		reply_401(req, 1, "KKB-TOKEN-TIDAK-SAH", "The token is not known to kampungkb.");
		goto cleanup;
	}
	if (strcmp(PQgetvalue(res, 0, 5), "t") == 0)
	{
		reply_401(req, 1, "KKB-TOKEN-DICABUT", "The token was revoked (kkb.token_cabut).");
		goto cleanup;
	}
	if (strcmp(PQgetvalue(res, 0, 6), "t") == 0)
	{
		reply_401(req, 1, "KKB-TOKEN-KEDALUWARSA", "The token's validity (berlaku_sampai) has ended.");
		goto cleanup;
	}

	memset(e, 0, sizeof(*e));
	e->who.role = GW_ROLE_NONE;
	for (i = 0; i < NROLES; i++)
		if (strcmp(PQgetvalue(res, 0, 0), roles[i].name) == 0)
			e->who.role = (gw_role) i;
	if (e->who.role == GW_ROLE_NONE ||
		copy_field(e->who.wilayah, sizeof(e->who.wilayah), PQgetvalue(res, 0, 1)) < 0 ||
		copy_field(e->who.opd, sizeof(e->who.opd), PQgetvalue(res, 0, 2)) < 0 ||
		copy_field(e->who.label, sizeof(e->who.label), PQgetvalue(res, 0, 3)) < 0)
	{
		gw_log("error", "token row not usable", json_pack("{s:s}", "peran", PQgetvalue(res, 0, 0)));
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "The token's record is not usable by this gateway; its log has the details.", NULL);
		goto cleanup;
	}
	e->expires = PQgetisnull(res, 0, 4) ? 0 : strtoll(PQgetvalue(res, 0, 4), NULL, 10);
	if (!PQgetisnull(res, 0, 7))
	{
		if (hex_bytes(PQgetvalue(res, 0, 7), e->perangkat) < 0)
		{
			gw_log("error", "token row not usable: its device hash is not 32 bytes", NULL);
			gw_reply_galat(req, "KKB-INTERNAL", NULL, "The token's record is not usable by this gateway; its log has the details.", NULL);
			goto cleanup;
		}
		e->terikat = 1;
	}
	memcpy(e->hash, hash, GW_SHA256_LEN);
	memcpy(e->who.kunci, hash, sizeof(e->who.kunci));
	e->verified_at = mono_s();
	e->used = 1;
	rc = 0;

cleanup:
	PQclear(res);
	return rc;
}

int
gw_auth_cached(gw_request *req)
{
	const char *h = gw_header(req, "Authorization");
	char		token[TOKEN_MAX + 1];
	unsigned char hash[GW_SHA256_LEN];
	const cache_entry *e;
	int			hit;

	if (h == NULL || bearer_token(h, token) < 0)
		return 0;
	hit = gw_sha256(token, strlen(token), hash) == 0;
	memset(token, 0, sizeof(token));
	if (!hit)
		return 0;
	e = slot_for(hash);
	return e->used && memcmp(e->hash, hash, GW_SHA256_LEN) == 0 && mono_s() - e->verified_at < (double) token_ttl;
}

int
gw_auth_request(gw_request *req, int optional)
{
	const char *h = gw_header(req, "Authorization");
	char		token[TOKEN_MAX + 1];
	unsigned char hash[GW_SHA256_LEN];
	cache_entry *e;
	cache_entry fresh;

	memset(&req->auth, 0, sizeof(req->auth));
	req->auth.role = GW_ROLE_NONE;
	if (h == NULL)
	{
		if (optional)
			return 0;
		reply_401(req, 0, "KKB-TOKEN-TIDAK-ADA", "This resource needs an Authorization: Bearer <token> header.");
		return -1;
	}
	if (bearer_token(h, token) < 0)
	{
		reply_401(req, 1, "KKB-TOKEN-TIDAK-SAH", "The Authorization header is not a bearer token of the expected form.");
		return -1;
	}
	if (gw_sha256(token, strlen(token), hash) < 0)
	{
		memset(token, 0, sizeof(token));
		gw_log("error", "could not hash a token: libcrypto's SHA-256 failed", NULL);
		gw_reply_galat(req, "KKB-INTERNAL", NULL, "The gateway could not check the token; its log has the details.", NULL);
		return -1;
	}
	memset(token, 0, sizeof(token));

	e = slot_for(hash);
	if (!(e->used && memcmp(e->hash, hash, GW_SHA256_LEN) == 0 &&
		  mono_s() - e->verified_at < (double) token_ttl))
	{
		/* not cached, or cached too long ago: ask the database */
		if (verify(req, hash, &fresh) < 0)
		{
			if (e->used && memcmp(e->hash, hash, GW_SHA256_LEN) == 0)
				e->used = 0;
			return -1;
		}
		if (token_ttl > 0)
			*e = fresh;
		else
			e = &fresh;
	}
	if (e->expires != 0 && (long long) time(NULL) >= e->expires)
	{
		e->used = 0;
		reply_401(req, 1, "KKB-TOKEN-KEDALUWARSA", "The token's validity (berlaku_sampai) has ended.");
		return -1;
	}
	if (e->terikat && !perangkat_cocok(req, e->perangkat))
	{
		reply_401(req, 1, "KKB-TOKEN-PERANGKAT",
				  "The token was issued to a device (a sign-in link): send that device's key in the X-Perangkat header.");
		return -1;
	}
	req->auth = e->who;
	return 0;
}

/*
 * config.h - kkb-gateway settings, from command-line flags and environment.
 *
 * Every setting is one row of the table in config.c ({flag, environment
 * variable, type, range, default, help}); --help, the environment, the flags
 * and the defaults are all derived from it.
 */
#ifndef KKB_GW_CONFIG_H
#define KKB_GW_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "limit.h"

typedef struct gw_config
{
	const char *db;				/* libpq connection string (KKB_DB, --db) */
	const char *listen;			/* IPv4 address to listen on (KKB_LISTEN, --listen) */
	int			port;			/* TCP port (KKB_PORT, --port) */
	int			threads;		/* worker threads, each with its own DB connection (KKB_THREADS) */
	int			max_connections;	/* concurrent client connections (KKB_MAX_CONNECTIONS) */
	int			timeout_s;		/* idle connection timeout, seconds (KKB_TIMEOUT) */
	int			header_timeout_s;	/* a request's headers must be complete within, seconds (KKB_HEADER_TIMEOUT) */
	size_t		max_body;		/* largest accepted request body, bytes (KKB_MAX_BODY) */
	size_t		max_header;		/* per-connection memory for headers, bytes (KKB_MAX_HEADER) */
	int			drain_s;		/* seconds to let in-flight requests finish on shutdown (KKB_DRAIN) */
	int			token_ttl_s;	/* seconds a verified token stays cached per thread (KKB_TOKEN_TTL) */
	const char *cors_origins;	/* origins allowed to call from browsers, comma separated; NULL: none (KKB_CORS_ORIGINS) */
	const char *public_url;		/* the dashboard's base URL in sign-in links' QR codes; "": the request's Host (KKB_PUBLIC_URL) */
	int			cors_max_age_s;	/* how long browsers may keep a preflight answer (KKB_CORS_MAX_AGE) */
	gw_limit_rate limits[GW_LIMIT_NKINDS];	/* rate limits (KKB_LIMIT_READ, KKB_LIMIT_WRITE, KKB_LIMIT_ANON) */
	int			max_per_address;	/* connections one client address may hold; 0: no cap (KKB_MAX_CONNECTIONS_PER_ADDRESS) */
	int			statement_timeout_s;	/* longest statement of a request, seconds; 0: none (KKB_STATEMENT_TIMEOUT) */
	int			max_inflight_per_token;	/* requests of one token handled at once; 0: no cap (KKB_MAX_INFLIGHT_PER_TOKEN) */
	int			max_heavy;		/* expensive requests (routes with berat > 1) handled at once, on threads of
								 * their own (pool.c); 0: half of the threads, at least 1 (KKB_MAX_HEAVY) */
	int			heavy_queue;	/* expensive requests that may wait for a pool thread (KKB_HEAVY_QUEUE) */
	int			max_heavy_per_token;	/* of one token, running or waiting (KKB_MAX_HEAVY_PER_TOKEN) */
	int			heavy_statement_timeout_s;	/* their longest statement, seconds; 0: as --statement-timeout
											 * (KKB_HEAVY_STATEMENT_TIMEOUT) */
	int			refresh_months;	/* months of the stored monthly indicators recomputed after a write
								 * (penyegar.c); 0: no refresher (KKB_REFRESH_MONTHS) */
	const char *record_responses;	/* file the answers are recorded to, "" none (KKB_RECORD_RESPONSES, rekam.c) */
	int			record_per_route;	/* answers recorded per route, method and status (KKB_RECORD_PER_ROUTE) */
} gw_config;

/* What gw_config_load found on the command line. */
typedef enum gw_config_result
{
	GW_CONFIG_ERROR = -1,		/* a bad value or flag: explained on stderr (exit 2) */
	GW_CONFIG_RUN = 0,			/* settings loaded: start serving */
	GW_CONFIG_DONE = 1,			/* --help or --routes was printed (exit 0) */
	GW_CONFIG_VERSION = 2,		/* --version: the caller prints the version (exit 0) */
} gw_config_result;

/*
 * Fill `cfg` from defaults, then the environment, then argv (flags win).
 */
gw_config_result gw_config_load(gw_config *cfg, int argc, char **argv);

/* Print --help (derived from the settings table) to `out`. */
void		gw_config_usage(FILE *out);

#endif

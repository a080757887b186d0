/*
 * config.c - parse kkb-gateway settings: defaults < environment < flags.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "errors.h"
#include "http.h"

static void
usage(FILE *out)
{
	fprintf(out,
			"Usage: kkb-gateway [options]\n"
			"\n"
			"REST gateway for the kampungkb PostgreSQL extension.\n"
			"Each option can also be set by the environment variable shown.\n"
			"\n"
			"  --db CONNINFO          libpq connection string      KKB_DB (default \"dbname=kampungkb\")\n"
			"  --listen ADDRESS       IPv4 address to listen on   KKB_LISTEN (default 127.0.0.1)\n"
			"  --port N               TCP port                    KKB_PORT (default 8080)\n"
			"  --threads N            worker threads              KKB_THREADS (default: number of CPUs)\n"
			"  --max-connections N    concurrent connections      KKB_MAX_CONNECTIONS (default 1024)\n"
			"  --timeout SECONDS      idle connection timeout     KKB_TIMEOUT (default 30)\n"
			"  --header-timeout SECONDS  a request's headers must KKB_HEADER_TIMEOUT (default 10)\n"
			"                         be complete this long after the connection opened or the\n"
			"                         previous response (slow clients are cut off)\n"
			"  --max-body BYTES       largest request body        KKB_MAX_BODY (default 10485760)\n"
			"  --max-header BYTES     memory for request headers  KKB_MAX_HEADER (default 32768)\n"
			"  --drain SECONDS        shutdown grace period       KKB_DRAIN (default 10)\n"
			"  --token-ttl SECONDS    cache verified tokens; a    KKB_TOKEN_TTL (default 30, 0: no cache)\n"
			"                         revoked token is refused within this time\n"
			"  --cors-origins LIST    origins whose browser calls  KKB_CORS_ORIGINS (default: none)\n"
			"                         are allowed (CORS), comma separated, e.g.\n"
			"                         https://portal.sumbarprov.go.id; \"*\" is refused\n"
			"  --cors-max-age SECONDS preflight cache time        KKB_CORS_MAX_AGE (default 600)\n"
			"  --limit-read R/B       per token: R GET requests   KKB_LIMIT_READ (default 20/100)\n"
			"                         a second, bursts of B; 0 = no limit\n"
			"  --limit-write R/B      per token, other methods    KKB_LIMIT_WRITE (default 10/50)\n"
			"  --limit-anon R/B       per client address, calls   KKB_LIMIT_ANON (default 10/50)\n"
			"                         without a token or with a bad one\n"
			"  --routes               list the routes (METHOD PATTERN) and exit\n"
			"  --errors               list the gateway's error codes and the SQLSTATE table, and exit\n"
			"  --help                 show this help\n");
}

/* Parse a whole decimal integer in [min, max]; -1 with a message otherwise. */
static int
parse_int(const char *name, const char *s, long min, long max, long *out)
{
	char	   *end;
	long		v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
	{
		fprintf(stderr, "kkb-gateway: invalid %s \"%s\": expected a whole number from %ld to %ld\n",
				name, s, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

/* A rate limit "RATE/BURST" (RATE > 0, BURST >= 1) or "0" (no limit). */
static int
parse_limit(const char *name, const char *s, gw_limit_rate *out)
{
	char	   *end;
	double		rate,
				burst;

	if (strcmp(s, "0") == 0 || strcmp(s, "off") == 0)
	{
		out->rate = 0;
		out->burst = 0;
		return 0;
	}
	errno = 0;
	rate = strtod(s, &end);
	if (errno == 0 && end != s && *end == '/' && rate > 0 && rate <= 1e6)
	{
		const char *b = end + 1;

		burst = strtod(b, &end);
		if (errno == 0 && end != b && *end == '\0' && burst >= 1 && burst <= 1e6)
		{
			out->rate = rate;
			out->burst = burst;
			return 0;
		}
	}
	fprintf(stderr, "kkb-gateway: invalid %s \"%s\": expected RATE/BURST (requests per second / largest burst), e.g. 20/100, or 0 for no limit\n",
			name, s);
	return -1;
}

/* Apply one named setting (from env or flag); -1 on a bad value. */
static int
apply(gw_config *cfg, const char *name, const char *val)
{
	long		v;

	if (strcmp(name, "db") == 0)
		cfg->db = val;
	else if (strcmp(name, "listen") == 0)
	{
		struct in_addr a;

		if (inet_pton(AF_INET, val, &a) != 1)
		{
			fprintf(stderr, "kkb-gateway: invalid listen address \"%s\": expected an IPv4 address such as 127.0.0.1\n", val);
			return -1;
		}
		cfg->listen = val;
	}
	else if (strcmp(name, "port") == 0)
	{
		if (parse_int("port", val, 1, 65535, &v) < 0)
			return -1;
		cfg->port = (int) v;
	}
	else if (strcmp(name, "threads") == 0)
	{
		if (parse_int("threads", val, 1, 256, &v) < 0)
			return -1;
		cfg->threads = (int) v;
	}
	else if (strcmp(name, "max-connections") == 0)
	{
		if (parse_int("max-connections", val, 1, 100000, &v) < 0)
			return -1;
		cfg->max_connections = (int) v;
	}
	else if (strcmp(name, "timeout") == 0)
	{
		if (parse_int("timeout", val, 1, 3600, &v) < 0)
			return -1;
		cfg->timeout_s = (int) v;
	}
	else if (strcmp(name, "header-timeout") == 0)
	{
		if (parse_int("header-timeout", val, 1, 3600, &v) < 0)
			return -1;
		cfg->header_timeout_s = (int) v;
	}
	else if (strcmp(name, "max-body") == 0)
	{
		if (parse_int("max-body", val, 1024, 1L << 30, &v) < 0)
			return -1;
		cfg->max_body = (size_t) v;
	}
	else if (strcmp(name, "max-header") == 0)
	{
		if (parse_int("max-header", val, 4096, 1L << 20, &v) < 0)
			return -1;
		cfg->max_header = (size_t) v;
	}
	else if (strcmp(name, "drain") == 0)
	{
		if (parse_int("drain", val, 0, 600, &v) < 0)
			return -1;
		cfg->drain_s = (int) v;
	}
	else if (strcmp(name, "token-ttl") == 0)
	{
		if (parse_int("token-ttl", val, 0, 3600, &v) < 0)
			return -1;
		cfg->token_ttl_s = (int) v;
	}
	else if (strcmp(name, "cors-origins") == 0)
	{
		if (strchr(val, '*'))
		{
			fprintf(stderr, "kkb-gateway: invalid cors-origins \"%s\": list the origins (e.g. https://portal.example.go.id); a wildcard is not allowed\n", val);
			return -1;
		}
		cfg->cors_origins = *val ? val : NULL;
	}
	else if (strcmp(name, "cors-max-age") == 0)
	{
		if (parse_int("cors-max-age", val, 0, 86400, &v) < 0)
			return -1;
		cfg->cors_max_age_s = (int) v;
	}
	else if (strcmp(name, "limit-read") == 0)
		return parse_limit(name, val, &cfg->limits[GW_LIMIT_READ]);
	else if (strcmp(name, "limit-write") == 0)
		return parse_limit(name, val, &cfg->limits[GW_LIMIT_WRITE]);
	else if (strcmp(name, "limit-anon") == 0)
		return parse_limit(name, val, &cfg->limits[GW_LIMIT_ANON]);
	return 0;
}

int
gw_config_load(gw_config *cfg, int argc, char **argv)
{
	static const struct
	{
		const char *name;
		const char *env;
	}			vars[] = {
		{"db", "KKB_DB"}, {"listen", "KKB_LISTEN"}, {"port", "KKB_PORT"},
		{"threads", "KKB_THREADS"}, {"max-connections", "KKB_MAX_CONNECTIONS"},
		{"timeout", "KKB_TIMEOUT"}, {"header-timeout", "KKB_HEADER_TIMEOUT"}, {"max-body", "KKB_MAX_BODY"},
		{"max-header", "KKB_MAX_HEADER"}, {"drain", "KKB_DRAIN"},
		{"token-ttl", "KKB_TOKEN_TTL"}, {"cors-origins", "KKB_CORS_ORIGINS"},
		{"cors-max-age", "KKB_CORS_MAX_AGE"}, {"limit-read", "KKB_LIMIT_READ"},
		{"limit-write", "KKB_LIMIT_WRITE"}, {"limit-anon", "KKB_LIMIT_ANON"},
	};
	static const struct option opts[] = {
		{"db", required_argument, NULL, 0}, {"listen", required_argument, NULL, 0},
		{"port", required_argument, NULL, 0}, {"threads", required_argument, NULL, 0},
		{"max-connections", required_argument, NULL, 0}, {"timeout", required_argument, NULL, 0},
		{"header-timeout", required_argument, NULL, 0},
		{"max-body", required_argument, NULL, 0}, {"max-header", required_argument, NULL, 0},
		{"drain", required_argument, NULL, 0}, {"token-ttl", required_argument, NULL, 0},
		{"cors-origins", required_argument, NULL, 0}, {"cors-max-age", required_argument, NULL, 0},
		{"limit-read", required_argument, NULL, 0}, {"limit-write", required_argument, NULL, 0},
		{"limit-anon", required_argument, NULL, 0},
		{"help", no_argument, NULL, 'h'}, {"routes", no_argument, NULL, 'r'}, {"errors", no_argument, NULL, 'e'},
		{NULL, 0, NULL, 0},
	};
	long		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	size_t		i;
	int			c,
				idx;

	cfg->db = "dbname=kampungkb";
	cfg->listen = "127.0.0.1";
	cfg->port = 8080;
	cfg->threads = ncpu > 0 ? (int) ncpu : 2;
	cfg->max_connections = 1024;
	cfg->timeout_s = 30;
	cfg->header_timeout_s = 10;
	cfg->max_body = 10 * 1024 * 1024;
	cfg->max_header = 32 * 1024;
	cfg->drain_s = 10;
	cfg->token_ttl_s = 30;
	cfg->cors_origins = NULL;
	cfg->cors_max_age_s = 600;
	cfg->limits[GW_LIMIT_READ] = (gw_limit_rate) {20, 100};
	cfg->limits[GW_LIMIT_WRITE] = (gw_limit_rate) {10, 50};
	cfg->limits[GW_LIMIT_ANON] = (gw_limit_rate) {10, 50};

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
	{
		const char *v = getenv(vars[i].env);

		if (v && *v && apply(cfg, vars[i].name, v) < 0)
		{
			fprintf(stderr, "kkb-gateway: (from the environment variable %s)\n", vars[i].env);
			return -1;
		}
	}

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1)
	{
		if (c == 'h')
		{
			usage(stdout);
			return 1;
		}
		if (c == 'r')
		{
			/* the route table, one "METHOD PATTERN" a line (the tests compare it with /openapi.json) */
			int			r;

			for (r = 0; r < gw_nroutes; r++)
				printf("%s %s\n", gw_routes[r].method, gw_routes[r].pattern);
			return 1;
		}
		if (c == 'e')
		{
			/* the error codes of the gateway (tests/gateway/14_galat.sh compares them with kkb.galat) */
			gw_errors_print(stdout);
			return 1;
		}
		if (c != 0)
		{
			usage(stderr);
			return -1;
		}
		if (apply(cfg, opts[idx].name, optarg) < 0)
			return -1;
	}
	if (optind < argc)
	{
		fprintf(stderr, "kkb-gateway: unexpected argument \"%s\"\n", argv[optind]);
		usage(stderr);
		return -1;
	}
	return 0;
}

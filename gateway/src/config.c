/*
 * config.c - kkb-gateway settings: defaults < environment < flags.
 *
 * One table below lists every setting once: its flag, its environment
 * variable, its type and range, its default (as text, parsed like any other
 * value) and its help.  The defaults, the environment, getopt's option list
 * and --help are all derived from that table.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "context.h"
#include "errors.h"

typedef enum setting_type
{
	SET_TEXT,					/* any string (const char *) */
	SET_ADDRESS,				/* an IPv4 address (const char *) */
	SET_INT,					/* a whole number in [min, max] (int) */
	SET_BYTES,					/* a whole number of bytes in [min, max] (size_t) */
	SET_ORIGINS,				/* a comma-separated origin list, no wildcard; "" is none (const char *, NULL) */
	SET_RATE,					/* RATE/BURST, or 0 / off (gw_limit_rate) */
} setting_type;

typedef struct setting
{
	const char *name;			/* the flag, without "--"; also the name in error messages */
	const char *env;			/* the environment variable */
	setting_type type;
	long		min,
				max;			/* SET_INT, SET_BYTES: the allowed range */
	const char *def;			/* the default, as text; NULL: the number of CPUs (within the range) */
	const char *arg;			/* the value's name in --help */
	const char *help;
	size_t		offset;			/* where in gw_config the value goes */
} setting;

#define AT(field) offsetof(gw_config, field)

static const setting settings[] = {
	{"db", "KKB_DB", SET_TEXT, 0, 0, "dbname=kampungkb", "CONNINFO",
	"libpq connection string", AT(db)},
	{"listen", "KKB_LISTEN", SET_ADDRESS, 0, 0, "127.0.0.1", "ADDRESS",
	"IPv4 address to listen on", AT(listen)},
	{"port", "KKB_PORT", SET_INT, 1, 65535, "8080", "N",
	"TCP port to listen on", AT(port)},
	{"threads", "KKB_THREADS", SET_INT, 1, 256, NULL, "N",
	"worker threads, each with its own database connection", AT(threads)},
	{"max-connections", "KKB_MAX_CONNECTIONS", SET_INT, 1, 100000, "1024", "N",
	"concurrent client connections", AT(max_connections)},
	{"timeout", "KKB_TIMEOUT", SET_INT, 1, 3600, "30", "SECONDS",
	"idle connection timeout", AT(timeout_s)},
	{"header-timeout", "KKB_HEADER_TIMEOUT", SET_INT, 1, 3600, "10", "SECONDS",
		"a request's headers must be complete this long after the connection opened or the previous "
	"response (slow clients are cut off)", AT(header_timeout_s)},
	{"max-body", "KKB_MAX_BODY", SET_BYTES, 1024, 1L << 30, "10485760", "BYTES",
	"largest request body", AT(max_body)},
	{"max-header", "KKB_MAX_HEADER", SET_BYTES, 4096, 1L << 20, "32768", "BYTES",
	"memory for a connection's request headers", AT(max_header)},
	{"drain", "KKB_DRAIN", SET_INT, 0, 600, "10", "SECONDS",
	"on SIGINT or SIGTERM, how long in-flight requests may take to finish", AT(drain_s)},
	{"token-ttl", "KKB_TOKEN_TTL", SET_INT, 0, 3600, "30", "SECONDS",
		"how long a verified token is cached per thread; a revoked token is refused within this time "
	"(0: no cache)", AT(token_ttl_s)},
	{"cors-origins", "KKB_CORS_ORIGINS", SET_ORIGINS, 0, 0, "", "LIST",
		"origins whose browser calls are allowed (CORS), comma separated, e.g. "
	"https://portal.sumbarprov.go.id; \"*\" is refused", AT(cors_origins)},
	{"public-url", "KKB_PUBLIC_URL", SET_TEXT, 0, 0, "", "URL",
		"the dashboard's address in the QR codes of sign-in links, e.g. https://kkb.pariamankota.go.id "
	"(\"\": http://<the request's Host>, https:// when X-Forwarded-Proto says so)", AT(public_url)},
	{"cors-max-age", "KKB_CORS_MAX_AGE", SET_INT, 0, 86400, "600", "SECONDS",
	"how long browsers may keep a preflight answer", AT(cors_max_age_s)},
	{"limit-read", "KKB_LIMIT_READ", SET_RATE, 0, 0, "20/100", "R/B",
		"per token: R GET requests a second, in bursts of up to B; 0: no limit",
	AT(limits[GW_LIMIT_READ])},
	{"limit-write", "KKB_LIMIT_WRITE", SET_RATE, 0, 0, "10/50", "R/B",
		"per token: R requests of the other methods a second, in bursts of up to B; 0: no limit",
	AT(limits[GW_LIMIT_WRITE])},
	{"limit-anon", "KKB_LIMIT_ANON", SET_RATE, 0, 0, "10/50", "R/B",
		"per client address, calls without a token or with a bad one: R a second, in bursts of up "
	"to B; 0: no limit", AT(limits[GW_LIMIT_ANON])},
	{"max-connections-per-address", "KKB_MAX_CONNECTIONS_PER_ADDRESS", SET_INT, 0, 100000, "128", "N",
		"connections one client address may hold; one more is answered 503 at once and closed (0: no cap; "
	"behind a reverse proxy every client has the proxy's address)", AT(max_per_address)},
	{"statement-timeout", "KKB_STATEMENT_TIMEOUT", SET_INT, 0, 3600, "30", "SECONDS",
		"longest a request's database statement may run; beyond it the statement is cancelled and the "
	"request answered 503 KKB-WAKTU-HABIS, nothing written (0: no limit)", AT(statement_timeout_s)},
	{"max-inflight-per-token", "KKB_MAX_INFLIGHT_PER_TOKEN", SET_INT, 0, 1000, "0", "N",
		"requests of one token handled at the same time; one more is answered 429 with Retry-After, so one "
	"caller cannot occupy every worker - e.g. half of --threads where portals poll (0: no cap)", AT(max_inflight_per_token)},
	{"max-heavy", "KKB_MAX_HEAVY", SET_INT, 0, 256, "0", "N",
		"expensive reads (aggregates over many villages: ringkasan, klasifikasi, prioritas, the village list) "
		"handled at the same time, each on a thread and database connection of its own beside the workers, so "
	"village work never waits behind them (0: half of --threads, at least 1)", AT(max_heavy)},
	{"heavy-queue", "KKB_HEAVY_QUEUE", SET_INT, 0, 10000, "16", "N",
		"expensive reads that may wait for one of those threads (they hold no worker while waiting); one more is "
	"answered 503 KKB-SIBUK at once", AT(heavy_queue)},
	{"max-heavy-per-token", "KKB_MAX_HEAVY_PER_TOKEN", SET_INT, 1, 10000, "4", "N",
		"expensive reads of one token running or waiting at once; one more is answered 429 at once, so one "
	"caller cannot fill the queue", AT(max_heavy_per_token)},
	{"refresh-months", "KKB_REFRESH_MONTHS", SET_INT, 0, 120, "12", "N",
		"after a write (announced by the database on channel kkb_indikator, whoever wrote), recompute the "
		"written villages' stored monthly indicators for this many months back from the current one, on a "
	"thread and connection of its own (0: no refresher; readers and the nightly job compute them)", AT(refresh_months)},
	{"record-responses", "KKB_RECORD_RESPONSES", SET_TEXT, 0, 0, "", "FILE",
		"append every answer's route, status and media type, and a JSON answer's body, to FILE (for checking "
	"answers against /openapi.json: the test suite does; \"\": off)", AT(record_responses)},
	{"record-per-route", "KKB_RECORD_PER_ROUTE", SET_INT, 1, 65535, "200", "N",
	"with --record-responses: at most N answers recorded for each route, method and status", AT(record_per_route)},
	{"heavy-statement-timeout", "KKB_HEAVY_STATEMENT_TIMEOUT", SET_INT, 0, 3600, "15", "SECONDS",
		"longest a statement of an expensive read may run (503 KKB-WAKTU-HABIS beyond it; 0: as "
	"--statement-timeout)", AT(heavy_statement_timeout_s)},
};

#define NSETTINGS ((int) (sizeof(settings) / sizeof(settings[0])))

/* Flags that do something and exit instead of setting a value. */
enum
{
	ACT_HELP = 'h', ACT_ROUTES = 'r', ACT_VERSION = 'V', ACT_ERRORS = 'e'
};
static const struct
{
	const char *name;
	int			code;
	const char *help;
}			actions[] = {
	{"routes", ACT_ROUTES, "list the routes (METHOD PATTERN) and exit"},
	{"errors", ACT_ERRORS, "list the gateway's error codes and the SQLSTATE table, and exit"},
	{"version", ACT_VERSION, "print the gateway's version and exit"},
	{"help", ACT_HELP, "show this help and exit"},
};

#define NACTIONS ((int) (sizeof(actions) / sizeof(actions[0])))

#define HELP_COLUMN 28
#define HELP_WIDTH 79

/* Write `text` from column HELP_COLUMN, wrapped at HELP_WIDTH; `col` is the current column. */
static void
print_wrapped(FILE *out, int col, const char *text)
{
	const char *p = text;

	while (*p)
	{
		const char *end = p;
		const char *brk = NULL;

		if (col > HELP_COLUMN - 1)
		{
			fputc('\n', out);
			col = 0;
		}
		fprintf(out, "%*s", HELP_COLUMN - col, "");
		/* the longest run of words that fits */
		while (*end && (end - p) <= HELP_WIDTH - HELP_COLUMN)
		{
			if (*end == ' ')
				brk = end;
			end++;
		}
		if (*end == '\0' && (end - p) <= HELP_WIDTH - HELP_COLUMN)
			brk = end;
		else if (brk == NULL)
			brk = end;			/* one word longer than the line */
		fprintf(out, "%.*s\n", (int) (brk - p), p);
		col = 0;
		p = brk;
		while (*p == ' ')
			p++;
	}
}

void
gw_config_usage(FILE *out)
{
	int			i;

	fprintf(out,
			"Usage: kkb-gateway [options]\n"
			"\n"
			"REST gateway for the kampungkb PostgreSQL extension.\n"
			"Each setting is a flag or the environment variable shown under it;\n"
			"a flag wins over the environment.\n"
			"\n");
	for (i = 0; i < NSETTINGS; i++)
	{
		const setting *s = &settings[i];
		char		flag[64],
					dflt[160];
		int			col;

		col = snprintf(flag, sizeof(flag), "  --%s %s", s->name, s->arg);
		fputs(flag, out);
		print_wrapped(out, col, s->help);
		if (s->def == NULL)
			snprintf(dflt, sizeof(dflt), "%s; default: the number of CPUs", s->env);
		else if (*s->def == '\0')
			snprintf(dflt, sizeof(dflt), "%s; default: none", s->env);
		else if (s->type == SET_TEXT)
			snprintf(dflt, sizeof(dflt), "%s; default: \"%s\"", s->env, s->def);
		else
			snprintf(dflt, sizeof(dflt), "%s; default: %s", s->env, s->def);
		if (s->type == SET_INT || s->type == SET_BYTES)
			snprintf(dflt + strlen(dflt), sizeof(dflt) - strlen(dflt), "; from %ld to %ld", s->min, s->max);
		print_wrapped(out, 0, dflt);
	}
	for (i = 0; i < NACTIONS; i++)
	{
		char		flag[64];
		int			col = snprintf(flag, sizeof(flag), "  --%s", actions[i].name);

		fputs(flag, out);
		print_wrapped(out, col, actions[i].help);
	}
}

/* A rate limit "RATE/BURST" (0 < RATE <= 1e6, 1 <= BURST <= 1e6) or "0"/"off" (no limit). */
static int
parse_rate(const char *s, gw_limit_rate *out)
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
	return -1;
}

/*
 * Parse `val` for setting `s` into `cfg`.  `from` says where the value came
 * from ("--port", "the environment variable KKB_PORT") for the message.
 * Returns -1 (with a message on stderr) on a bad value.
 */
static int
apply(gw_config *cfg, const setting *s, const char *val, const char *from)
{
	void	   *dst = (char *) cfg + s->offset;

	switch (s->type)
	{
		case SET_TEXT:
			*(const char **) dst = val;
			return 0;

		case SET_ADDRESS:
			{
				struct in_addr a;

				if (inet_pton(AF_INET, val, &a) == 1)
				{
					*(const char **) dst = val;
					return 0;
				}
				fprintf(stderr, "kkb-gateway: invalid %s \"%s\" from %s: expected an IPv4 address such as 127.0.0.1 or 0.0.0.0\n",
						s->name, val, from);
				return -1;
			}

		case SET_INT:
		case SET_BYTES:
			{
				char	   *end;
				long		v;

				errno = 0;
				v = strtol(val, &end, 10);
				if (errno == 0 && end != val && *end == '\0' && v >= s->min && v <= s->max)
				{
					if (s->type == SET_INT)
						*(int *) dst = (int) v;
					else
						*(size_t *) dst = (size_t) v;
					return 0;
				}
				fprintf(stderr, "kkb-gateway: invalid %s \"%s\" from %s: expected a whole number from %ld to %ld%s\n",
						s->name, val, from, s->min, s->max,
						strcmp(s->arg, "SECONDS") == 0 ? " (seconds)" : s->type == SET_BYTES ? " (bytes)" : "");
				return -1;
			}

		case SET_ORIGINS:
			if (strchr(val, '*'))
			{
				fprintf(stderr, "kkb-gateway: invalid %s \"%s\" from %s: list the origins (e.g. https://portal.example.go.id); a wildcard is not allowed\n",
						s->name, val, from);
				return -1;
			}
			*(const char **) dst = *val ? val : NULL;
			return 0;

		case SET_RATE:
			if (parse_rate(val, (gw_limit_rate *) dst) == 0)
				return 0;
			fprintf(stderr, "kkb-gateway: invalid %s \"%s\" from %s: expected RATE/BURST such as 20/100 (RATE requests a second, above 0 and at most 1000000; bursts of up to BURST, from 1 to 1000000), or 0 for no limit\n",
					s->name, val, from);
			return -1;
	}
	return -1;
}

gw_config_result
gw_config_load(gw_config *cfg, int argc, char **argv)
{
	struct option opts[NSETTINGS + NACTIONS + 1];
	long		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	char		from[128];
	int		   *given;			/* the flags' settings, in order (their values: flag_val) */
	const char **flag_val;
	int			nflags = 0,
				i,
				c,
				idx;
	gw_config_result rc = GW_CONFIG_RUN;

	/*
	 * The command line first, so that --help, --version and --routes work
	 * whatever the environment holds; the flags' values are applied last.
	 */
	for (i = 0; i < NSETTINGS; i++)
		opts[i] = (struct option) {settings[i].name, required_argument, NULL, 0};
	for (i = 0; i < NACTIONS; i++)
		opts[NSETTINGS + i] = (struct option) {actions[i].name, no_argument, NULL, actions[i].code};
	opts[NSETTINGS + NACTIONS] = (struct option) {NULL, 0, NULL, 0};
	given = calloc(argc + 1, sizeof(*given));
	flag_val = calloc(argc + 1, sizeof(*flag_val));
	if (given == NULL || flag_val == NULL)
	{
		fprintf(stderr, "kkb-gateway: out of memory\n");
		rc = GW_CONFIG_ERROR;
		goto done;
	}

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1)
	{
		switch (c)
		{
			case 0:
				given[nflags] = idx;
				flag_val[nflags++] = optarg;
				break;
			case ACT_HELP:
				gw_config_usage(stdout);
				rc = GW_CONFIG_DONE;
				goto done;
			case ACT_ROUTES:
				/* the route table, one "METHOD PATTERN" a line (the tests compare it with /openapi.json) */
				for (i = 0; i < gw_nroutes; i++)
					printf("%s %s\n", gw_routes[i].method, gw_routes[i].pattern);
				rc = GW_CONFIG_DONE;
				goto done;
			case ACT_VERSION:
				rc = GW_CONFIG_VERSION;
				goto done;
			case ACT_ERRORS:
				gw_errors_print(stdout);
				rc = GW_CONFIG_DONE;
				goto done;
			default:
				/* getopt has named the unknown flag or the missing value */
				fprintf(stderr, "kkb-gateway: see kkb-gateway --help for the settings\n");
				rc = GW_CONFIG_ERROR;
				goto done;
		}
	}
	if (optind < argc)
	{
		fprintf(stderr, "kkb-gateway: unexpected argument \"%s\": every setting is a flag with a value (--port 8080); kkb-gateway --help lists them\n",
				argv[optind]);
		rc = GW_CONFIG_ERROR;
		goto done;
	}

	memset(cfg, 0, sizeof(*cfg));

	/* defaults */
	for (i = 0; i < NSETTINGS; i++)
	{
		const setting *s = &settings[i];

		if (s->def == NULL)
		{
			long		n = ncpu < s->min ? s->min : ncpu > s->max ? s->max : ncpu;

			*(int *) ((char *) cfg + s->offset) = (int) n;
		}
		else if (apply(cfg, s, s->def, "the built-in default") < 0)
		{
			rc = GW_CONFIG_ERROR;
			goto done;
		}
	}

	/* the environment (an empty variable counts as unset) */
	for (i = 0; i < NSETTINGS; i++)
	{
		const char *v = getenv(settings[i].env);

		snprintf(from, sizeof(from), "the environment variable %s", settings[i].env);
		if (v && *v && apply(cfg, &settings[i], v, from) < 0)
		{
			rc = GW_CONFIG_ERROR;
			goto done;
		}
	}

	/* flags, in their order (a repeated flag: the last one wins) */
	for (i = 0; i < nflags; i++)
	{
		snprintf(from, sizeof(from), "--%s", settings[given[i]].name);
		if (apply(cfg, &settings[given[i]], flag_val[i], from) < 0)
		{
			rc = GW_CONFIG_ERROR;
			goto done;
		}
	}

done:
	free(given);
	free(flag_val);
	return rc;
}

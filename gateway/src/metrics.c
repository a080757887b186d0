/*
 * metrics.c - lock-free counters and their Prometheus exposition.
 *
 *   kkb_http_requests_total{method,route,status}       requests by route pattern and status
 *   kkb_http_request_duration_seconds{method,route}    latency histogram per route
 *   kkb_http_requests_in_flight                        requests being handled now
 *   kkb_db_connections_open                            libpq connections open (one per worker thread at most)
 *   kkb_db_connections_opened_total                    connections opened since the start (reconnects included)
 *   kkb_db_errors_total{kind}                          database errors: "statement" or "unavailable"
 *   kkb_rate_limited_total{kind}                       requests refused with 429: "read", "write" (per token), "anon" (per address)
 *   kkb_rate_limit_buckets                             callers with a rate-limit bucket
 *   kkb_http_header_timeouts_total                     connections closed because a request's headers were late
 *   kkb_token_lookups_total                            token checks that asked the database (not answered from the cache)
 *   kkb_indikator_refreshed_total                      village-months of stored monthly indicators refreshed after writes
 *   kkb_indikator_refresh_waiting                      written villages waiting for the refresher
 *
 * Requests that matched no route are counted under route="(none)".
 */
#include "metrics.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "limit.h"
#include "penyegar.h"
#include "pool.h"

/* the statuses counted one by one; anything else is counted under its class ("2xx") */
static const int statuses[] = {200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503};
#define NSTATUS ((int) (sizeof(statuses) / sizeof(statuses[0])))
#define NSLOT (NSTATUS + 5)		/* + 1xx..5xx others */

/* histogram bucket upper bounds, seconds */
static const double buckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
#define NBUCKET ((int) (sizeof(buckets) / sizeof(buckets[0])))

#define NROUTE (GW_METRICS_MAX_ROUTES + 1)	/* the last one: no route */

static atomic_ulong req_count[NROUTE][NSLOT];
static atomic_ulong lat_bucket[NROUTE][NBUCKET];	/* non-cumulative; summed on output */
static atomic_ulong lat_count[NROUTE];
static atomic_ulong lat_sum_us[NROUTE];
static atomic_ulong db_errors[2];
static atomic_ulong header_timeouts;
static atomic_ulong token_lookups;
static atomic_long conn_open;
static atomic_ulong conn_opened;

static int
status_slot(int status)
{
	int			i;

	for (i = 0; i < NSTATUS; i++)
		if (statuses[i] == status)
			return i;
	if (status >= 100 && status < 600)
		return NSTATUS + status / 100 - 1;
	return NSTATUS + 4;
}

void
gw_metrics_request(int route, int status, double ms)
{
	int			r = (route >= 0 && route < GW_METRICS_MAX_ROUTES) ? route : GW_METRICS_MAX_ROUTES;
	double		s = ms / 1000.0;
	int			b;

	atomic_fetch_add_explicit(&req_count[r][status_slot(status)], 1, memory_order_relaxed);
	for (b = 0; b < NBUCKET && s > buckets[b]; b++)
		;
	if (b < NBUCKET)
		atomic_fetch_add_explicit(&lat_bucket[r][b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&lat_count[r], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&lat_sum_us[r], (unsigned long) (ms * 1000.0 + 0.5), memory_order_relaxed);
}

void
gw_metrics_token_lookup(void)
{
	atomic_fetch_add_explicit(&token_lookups, 1, memory_order_relaxed);
}

void
gw_metrics_header_timeouts(int n)
{
	atomic_fetch_add_explicit(&header_timeouts, (unsigned long) n, memory_order_relaxed);
}

void
gw_metrics_db_error(int kind)
{
	atomic_fetch_add_explicit(&db_errors[kind ? 1 : 0], 1, memory_order_relaxed);
}

static atomic_int inflight;

int
gw_metrics_inflight(void)
{
	return atomic_load(&inflight);
}

void
gw_metrics_inflight_add(int delta)
{
	atomic_fetch_add(&inflight, delta);
}

void
gw_metrics_connections(int delta)
{
	atomic_fetch_add_explicit(&conn_open, delta, memory_order_relaxed);
	if (delta > 0)
		atomic_fetch_add_explicit(&conn_opened, 1, memory_order_relaxed);
}

typedef struct outbuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	int			failed;
} outbuf;

static void
out(outbuf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
out(outbuf *o, const char *fmt, ...)
{
	va_list		ap;
	int			n;

	if (o->failed)
		return;
	for (;;)
	{
		va_start(ap, fmt);
		n = vsnprintf(o->data + o->len, o->cap - o->len, fmt, ap);
		va_end(ap);
		if (n < 0)
		{
			o->failed = 1;
			return;
		}
		if ((size_t) n < o->cap - o->len)
		{
			o->len += (size_t) n;
			return;
		}
		{
			size_t		cap = o->cap * 2 + (size_t) n;
			char	   *nd = realloc(o->data, cap);

			if (nd == NULL)
			{
				o->failed = 1;
				return;
			}
			o->data = nd;
			o->cap = cap;
		}
	}
}

static void
route_labels(int r, const char **method, const char **pattern)
{
	if (r < gw_nroutes && r < GW_METRICS_MAX_ROUTES)
	{
		*method = gw_routes[r].method;
		*pattern = gw_routes[r].pattern;
	}
	else
	{
		*method = "";
		*pattern = "(none)";
	}
}

static void
status_label(int slot, char buf[8])
{
	if (slot < NSTATUS)
		snprintf(buf, 8, "%d", statuses[slot]);
	else
		snprintf(buf, 8, "%dxx", slot - NSTATUS + 1);
}

char *
gw_metrics_text(size_t *len)
{
	outbuf		o = {NULL, 0, 0, 0};
	int			r,
				i;
	int			nr = gw_nroutes < GW_METRICS_MAX_ROUTES ? gw_nroutes : GW_METRICS_MAX_ROUTES;
	int			rows[NROUTE];
	int			n = 0;

	o.cap = 16384;
	o.data = malloc(o.cap);
	if (o.data == NULL)
		return NULL;
	o.data[0] = '\0';
	for (r = 0; r < nr; r++)
		rows[n++] = r;
	rows[n++] = GW_METRICS_MAX_ROUTES;

	out(&o, "# HELP kkb_http_requests_total HTTP requests answered, by route pattern and status.\n"
		"# TYPE kkb_http_requests_total counter\n");
	for (i = 0; i < n; i++)
	{
		const char *method,
				   *pattern;
		int			s;

		r = rows[i];
		route_labels(r, &method, &pattern);
		for (s = 0; s < NSLOT; s++)
		{
			unsigned long v = atomic_load_explicit(&req_count[r][s], memory_order_relaxed);
			char		st[8];

			if (v == 0)
				continue;
			status_label(s, st);
			out(&o, "kkb_http_requests_total{method=\"%s\",route=\"%s\",status=\"%s\"} %lu\n", method, pattern, st, v);
		}
	}

	out(&o, "# HELP kkb_http_request_duration_seconds Time from the request's headers to its response, by route pattern.\n"
		"# TYPE kkb_http_request_duration_seconds histogram\n");
	for (i = 0; i < n; i++)
	{
		const char *method,
				   *pattern;
		unsigned long cum = 0,
					count;
		int			b;

		r = rows[i];
		count = atomic_load_explicit(&lat_count[r], memory_order_relaxed);
		if (count == 0)
			continue;
		route_labels(r, &method, &pattern);
		for (b = 0; b < NBUCKET; b++)
		{
			cum += atomic_load_explicit(&lat_bucket[r][b], memory_order_relaxed);
			out(&o, "kkb_http_request_duration_seconds_bucket{method=\"%s\",route=\"%s\",le=\"%g\"} %lu\n",
				method, pattern, buckets[b], cum);
		}
		if (cum > count)
			count = cum;		/* counters read at slightly different moments */
		out(&o, "kkb_http_request_duration_seconds_bucket{method=\"%s\",route=\"%s\",le=\"+Inf\"} %lu\n", method, pattern, count);
		out(&o, "kkb_http_request_duration_seconds_sum{method=\"%s\",route=\"%s\"} %.6f\n", method, pattern,
			atomic_load_explicit(&lat_sum_us[r], memory_order_relaxed) / 1e6);
		out(&o, "kkb_http_request_duration_seconds_count{method=\"%s\",route=\"%s\"} %lu\n", method, pattern, count);
	}

	out(&o, "# HELP kkb_http_requests_in_flight Requests being handled now.\n"
		"# TYPE kkb_http_requests_in_flight gauge\n"
		"kkb_http_requests_in_flight %d\n", gw_metrics_inflight());
	out(&o, "# HELP kkb_db_connections_open Database connections open (at most one per worker thread).\n"
		"# TYPE kkb_db_connections_open gauge\n"
		"kkb_db_connections_open %ld\n", atomic_load_explicit(&conn_open, memory_order_relaxed));
	out(&o, "# HELP kkb_db_connections_opened_total Database connections opened since the start, reconnections included.\n"
		"# TYPE kkb_db_connections_opened_total counter\n"
		"kkb_db_connections_opened_total %lu\n", atomic_load_explicit(&conn_opened, memory_order_relaxed));
	out(&o, "# HELP kkb_db_errors_total Database errors: a statement failed (statement), or the database could not be reached (unavailable).\n"
		"# TYPE kkb_db_errors_total counter\n"
		"kkb_db_errors_total{kind=\"statement\"} %lu\n"
		"kkb_db_errors_total{kind=\"unavailable\"} %lu\n",
		atomic_load_explicit(&db_errors[0], memory_order_relaxed),
		atomic_load_explicit(&db_errors[1], memory_order_relaxed));
	out(&o, "# HELP kkb_rate_limited_total Requests refused with 429: a token's read or write limit, or the per-address limit of calls without a valid token (anon).\n"
		"# TYPE kkb_rate_limited_total counter\n"
		"kkb_rate_limited_total{kind=\"read\"} %lu\n"
		"kkb_rate_limited_total{kind=\"write\"} %lu\n"
		"kkb_rate_limited_total{kind=\"anon\"} %lu\n",
		gw_limit_refused(GW_LIMIT_READ), gw_limit_refused(GW_LIMIT_WRITE), gw_limit_refused(GW_LIMIT_ANON));
	out(&o, "# HELP kkb_heavy_requests_running Expensive reads (aggregates over many villages) running on the pool's threads now.\n"
		"# TYPE kkb_heavy_requests_running gauge\n"
		"kkb_heavy_requests_running %d\n"
		"# HELP kkb_heavy_requests_waiting Expensive reads waiting for a thread of the pool.\n"
		"# TYPE kkb_heavy_requests_waiting gauge\n"
		"kkb_heavy_requests_waiting %d\n", gw_pool_busy(), gw_heavy_in_pool() - gw_pool_busy() > 0 ? gw_heavy_in_pool() - gw_pool_busy() : 0);
	out(&o, "# HELP kkb_heavy_requests_refused_total Expensive reads refused because the pool's places and queue were taken (503 KKB-SIBUK) or the token had --max-heavy-per-token in it (429).\n"
		"# TYPE kkb_heavy_requests_refused_total counter\n"
		"kkb_heavy_requests_refused_total %lu\n", gw_heavy_refused());
	out(&o, "# HELP kkb_indikator_refreshed_total Village-months whose stored monthly indicators the refresher brought up to date after writes.\n"
		"# TYPE kkb_indikator_refreshed_total counter\n"
		"kkb_indikator_refreshed_total %lu\n"
		"# HELP kkb_indikator_refresh_waiting Villages written and waiting for the refresher.\n"
		"# TYPE kkb_indikator_refresh_waiting gauge\n"
		"kkb_indikator_refresh_waiting %d\n", gw_penyegar_done(), gw_penyegar_waiting());
	out(&o, "# HELP kkb_rate_limit_buckets Callers (token and kind, or address) with a rate-limit bucket.\n"
		"# TYPE kkb_rate_limit_buckets gauge\n"
		"kkb_rate_limit_buckets %d\n", gw_limit_buckets());
	out(&o, "# HELP kkb_http_header_timeouts_total Connections closed because a request's headers were not complete within the header timeout.\n"
		"# TYPE kkb_http_header_timeouts_total counter\n"
		"kkb_http_header_timeouts_total %lu\n", atomic_load_explicit(&header_timeouts, memory_order_relaxed));
	out(&o, "# HELP kkb_token_lookups_total Token checks that asked the database (not answered from the cache).\n"
		"# TYPE kkb_token_lookups_total counter\n"
		"kkb_token_lookups_total %lu\n", atomic_load_explicit(&token_lookups, memory_order_relaxed));
	if (o.failed)
	{
		free(o.data);
		return NULL;
	}
	*len = o.len;
	return o.data;
}

/*
 * metrics.h - request and database counters for GET /metrics (Prometheus
 * text format).  Every counter is a relaxed atomic: recording a request takes
 * no lock.
 */
#ifndef KKB_GW_METRICS_H
#define KKB_GW_METRICS_H

#include <stddef.h>

/* The most routes the counters have room for (checked at startup). */
#define GW_METRICS_MAX_ROUTES 64

/* Record a finished request: its route (index into gw_routes, -1 when none matched), status and duration. */
void		gw_metrics_request(int route, int status, double ms);

/* A database error answered to a client (kind 0: a statement failed; 1: the database was unavailable). */
void		gw_metrics_db_error(int kind);

/* n connections closed because their request headers were late (--header-timeout). */
void		gw_metrics_header_timeouts(int n);
/* A token check that asked the database. */
void		gw_metrics_token_lookup(void);

/* A connection to the database opened (+1) or closed (-1). */
void		gw_metrics_connections(int delta);

/* Requests being handled now (the shutdown drain waits for them), and counting them. */
int			gw_metrics_inflight(void);
void		gw_metrics_inflight_add(int delta);

/* The exposition text (malloc'd, NUL-terminated; *len set); NULL when out of memory. */
char	   *gw_metrics_text(size_t *len);

#endif

/*
 * main.c - kkb-gateway: REST gateway for the kampungkb PostgreSQL extension.
 *
 * Reads its settings (config.c), starts libmicrohttpd with an internal epoll
 * thread pool (server.c), and on SIGINT/SIGTERM stops accepting, lets in-flight
 * requests finish (up to the drain time) and exits 0.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "limit.h"
#include "http.h"
#include "limit.h"
#include "log.h"
#include "metrics.h"

static int stop_pipe[2];

/* Async-signal-safe: wake the main thread through the pipe. */
static void
on_signal(int sig)
{
	unsigned char b = (unsigned char) sig;
	int			saved = errno;

	if (write(stop_pipe[1], &b, 1) < 0)
	{
		/* the pipe is full: a stop is already pending */
	}
	errno = saved;
}

int
main(int argc, char **argv)
{
	gw_config	cfg;
	struct MHD_Daemon *daemon;
	struct sigaction sa;
	unsigned char sig = 0;
	int			rc;
	time_t		deadline;

	rc = gw_config_load(&cfg, argc, argv);
	if (rc != 0)
		return rc > 0 ? 0 : 2;

	if (pipe(stop_pipe) != 0)
	{
		perror("kkb-gateway: pipe");
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (gw_nroutes > GW_METRICS_MAX_ROUTES)
		gw_log("warn", "more routes than the metrics have room for; the rest are counted under route=\"(none)\"",
			   json_pack("{s:i, s:i}", "routes", gw_nroutes, "room", GW_METRICS_MAX_ROUTES));
	gw_db_init(cfg.db);
	gw_auth_init(cfg.token_ttl_s);
	gw_limit_init(cfg.limits);
	daemon = gw_http_start(&cfg);
	if (daemon == NULL)
	{
		gw_log("error", "could not start the HTTP server",
			   json_pack("{s:s, s:i, s:s}", "listen", cfg.listen, "port", cfg.port,
						 "hint", "Is another process using this port? Choose another with --port or KKB_PORT."));
		return 1;
	}
	gw_log("info", "listening",
		   json_pack("{s:s, s:i, s:i, s:i, s:i}", "listen", cfg.listen, "port", cfg.port,
					 "threads", cfg.threads, "max_connections", cfg.max_connections, "token_ttl", cfg.token_ttl_s));

	while (read(stop_pipe[0], &sig, 1) < 0 && errno == EINTR)
		;

	gw_log("info", "shutting down", json_pack("{s:s, s:i}", "signal", strsignal(sig), "inflight", gw_http_inflight()));
	MHD_quiesce_daemon(daemon);	/* stop accepting; keep serving what is in */
	deadline = time(NULL) + cfg.drain_s;
	while (gw_http_inflight() > 0 && time(NULL) < deadline)
		usleep(20 * 1000);
	MHD_stop_daemon(daemon);
	gw_log("info", "stopped", NULL);
	return 0;
}

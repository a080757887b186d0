/*
 * main.c - kkb-gateway: REST gateway for the kampungkb PostgreSQL extension.
 *
 * Reads its settings (config.c), starts libmicrohttpd with an internal epoll
 * thread pool (server.c), and on SIGINT/SIGTERM stops accepting, lets in-flight
 * requests finish (up to the drain time) and exits 0.  Requests still running
 * in the database when the drain time is over are cancelled (PQcancel,
 * cancel.c): their transactions roll back, they are answered 503 and the
 * process exits.
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "auth.h"
#include "qr.h"
#include "cancel.h"
#include "tx.h"
#include "config.h"
#include "db.h"
#include "http.h"
#include "limit.h"
#include "penyegar.h"
#include "pool.h"
#include "rekam.h"
#include "log.h"
#include "conns.h"
#include "metrics.h"
#include "version.h"			/* KKB_GW_VERSION: generated from extension/kampungkb.control */

static int stop_pipe[2];

/* MHD_stop_daemon in its own thread, so that main can give up waiting for it. */
static pthread_mutex_t stop_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t stop_cond = PTHREAD_COND_INITIALIZER;
static int	stopped;

static void *
stop_daemon(void *daemon)
{
	MHD_stop_daemon(daemon);
	gw_pool_stop();				/* the threads of the expensive reads, idle by now */
	pthread_mutex_lock(&stop_lock);
	stopped = 1;
	pthread_cond_signal(&stop_cond);
	pthread_mutex_unlock(&stop_lock);
	return NULL;
}

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

/*
 * The HTTP server did not start: find out why by binding the same address
 * and port ourselves (with SO_REUSEADDR, as libmicrohttpd does), and log an
 * error that names the address, the port, the cause and the setting to
 * change.  A port in use is the usual cause: then this is most likely a
 * second gateway, and serving from two processes on one port would split
 * the requests between them.
 */
static void
log_listen_failure(const gw_config *cfg)
{
	struct sockaddr_in addr;
	char		msg[256];
	const char *hint;
	int			s,
				one = 1,
				err = 0;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t) cfg->port);
	inet_pton(AF_INET, cfg->listen, &addr.sin_addr);
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0)
		err = errno;
	else
	{
		setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(s, (struct sockaddr *) &addr, sizeof(addr)) != 0 || listen(s, 1) != 0)
			err = errno;
		close(s);
	}

	switch (err)
	{
		case EADDRINUSE:
			hint = "Another process (perhaps another kkb-gateway) is listening on this port. Stop it, or choose "
				"another port with --port or KKB_PORT (make run: HTTP_PORT=8081).";
			break;
		case EACCES:
			hint = "Ports below 1024 need privileges. Choose a port from 1024 up with --port or KKB_PORT.";
			break;
		case EADDRNOTAVAIL:
			hint = "The address is not one of this machine's. Choose another with --listen or KKB_LISTEN "
				"(127.0.0.1, or 0.0.0.0 for every interface).";
			break;
		default:
			hint = "The log line before this one says what failed. The address and port are set with --listen "
				"or KKB_LISTEN and --port or KKB_PORT.";
			break;
	}
	if (err != 0)
	{
		int			n = snprintf(msg, sizeof(msg), "could not listen on %s port %d: ", cfg->listen, cfg->port);

		snprintf(msg + n, sizeof(msg) - n, "%s", strerror(err));
		msg[n] = (char) tolower((unsigned char) msg[n]);	/* "address already in use" */
	}
	else
		snprintf(msg, sizeof(msg), "could not start the HTTP server on %s port %d", cfg->listen, cfg->port);
	gw_log("error", msg,
		   json_pack("{s:s, s:i, s:s?, s:s}", "listen", cfg->listen, "port", cfg->port,
					 "error", err != 0 ? strerror(err) : NULL, "hint", hint));
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
	if (rc == GW_CONFIG_VERSION)
	{
		printf("kkb-gateway %s\n", KKB_GW_VERSION);
		return 0;
	}
	if (rc != GW_CONFIG_RUN)
		return rc == GW_CONFIG_DONE ? 0 : 2;

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
	if (gw_rekam_init(cfg.record_responses, cfg.record_per_route) < 0)
		return 1;
	gw_db_init(cfg.db);
	gw_auth_init(cfg.token_ttl_s);
	gw_qr_init(cfg.public_url);
	gw_limit_init(cfg.limits);
	gw_tx_init(cfg.statement_timeout_s, cfg.heavy_statement_timeout_s);
	gw_inflight_init(cfg.max_inflight_per_token);
	/* expensive reads at once, each on a thread of its own (pool.c): half as many as workers unless set, at least one */
	if (cfg.max_heavy <= 0)
		cfg.max_heavy = cfg.threads / 2 > 1 ? cfg.threads / 2 : 1;
	gw_heavy_init(cfg.max_heavy, cfg.heavy_queue, cfg.max_heavy_per_token);
	if (gw_pool_start(cfg.max_heavy) < 0)
		return 1;
	if (gw_penyegar_start(cfg.refresh_months) < 0)
		return 1;
	daemon = gw_http_start(&cfg);
	if (daemon == NULL)
	{
		log_listen_failure(&cfg);
		return 1;
	}
	gw_log("info", "listening",
		   json_pack("{s:s, s:s, s:i, s:i, s:i, s:i, s:i}", "version", KKB_GW_VERSION, "listen", cfg.listen, "port", cfg.port,
					 "threads", cfg.threads, "max_connections", cfg.max_connections, "token_ttl", cfg.token_ttl_s,
					 "max_heavy", cfg.max_heavy));

	while (read(stop_pipe[0], &sig, 1) < 0 && errno == EINTR)
		;

	gw_log("info", "shutting down", json_pack("{s:s, s:i}", "signal", strsignal(sig), "inflight", gw_http_inflight()));
	MHD_quiesce_daemon(daemon);	/* stop accepting; keep serving what is in */
	deadline = time(NULL) + cfg.drain_s;
	while (gw_http_inflight() > 0 && time(NULL) < deadline)
		usleep(20 * 1000);
	if (gw_http_inflight() > 0)
	{
		/*
		 * The drain time is over: cancel what still runs in the database.
		 * A cancel that arrives between two statements of a request is
		 * lost, so it is repeated until the requests are answered (at most
		 * 3 seconds); their transactions roll back.
		 */
		double		until = gw_now_ms() + 3000;
		int			inflight = gw_http_inflight();
		int			n = gw_cancel_all();

		gw_log("warn", "the drain time is over: cancelling the database work of the requests still in flight",
			   json_pack("{s:i, s:i, s:i}", "inflight", inflight, "cancelled", n, "drain_s", cfg.drain_s));
		for (int i = 1; gw_http_inflight() > 0 && gw_now_ms() < until; i++)
		{
			usleep(20 * 1000);
			if (i % 10 == 0)
				gw_cancel_all();
		}
	}
	{
		/* stop the server; a worker that still does not come free is left behind (exit 1) */
		pthread_t	th;
		struct timespec until;
		int			done,
					created;

		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 3;
		created = pthread_create(&th, NULL, stop_daemon, daemon) == 0;
		if (!created)
			stop_daemon(daemon);
		pthread_mutex_lock(&stop_lock);
		while (!stopped && pthread_cond_timedwait(&stop_cond, &stop_lock, &until) == 0)
			;
		done = stopped;
		pthread_mutex_unlock(&stop_lock);
		if (!done)
		{
			gw_log("error", "could not stop the HTTP server: requests are still running; exiting anyway",
				   json_pack("{s:i}", "inflight", gw_http_inflight()));
			_exit(1);
		}
		if (created)
			pthread_join(th, NULL);
	}
	gw_penyegar_stop();
	gw_log("info", "stopped", NULL);
	return 0;
}

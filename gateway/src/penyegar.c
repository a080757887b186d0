/*
 * penyegar.c - the refresher of the stored monthly indicators (penyegar.h).
 */
#include "penyegar.h"

#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "log.h"

#define MAX_WAITING 4096		/* villages collected before a refresh; more are left to the readers */
#define QUIET_MS 1000			/* writes have paused: no announcement for this long */
#define MAX_DELAY_MS 10000		/* ... or the first waiting village was announced this long ago */
#define CODE_LEN 16				/* PP.KK.CC.DDDD and its NUL */
#define SWEEP_MS 60000			/* stale villages looked for (kkb._indikator_basi): missed announcements */
#define SWEEP_CITUS_MS 5000		/* ... on a Citus cluster, whose workers' announcements never arrive */

static pthread_t thread;
static int	started;
static int	months;
static atomic_int stopping;
static atomic_ulong done_total;
static atomic_int waiting_now;

/* the cancel handle of the refresher's connection, for a prompt stop */
static pthread_mutex_t cancel_lock = PTHREAD_MUTEX_INITIALIZER;
static PGcancel *cancel;

static char waiting[MAX_WAITING][CODE_LEN];
static int	nwaiting;
static int	overflowed;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A village code as the trigger sends it: digits and dots, PP.KK.CC.DDDD. */
static int
plausible_code(const char *s)
{
	size_t		n = strlen(s);

	if (n != 13)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
			return 0;
	return 1;
}

static void
add_waiting(const char *code)
{
	if (!plausible_code(code))
	{
		gw_log("warn", "refresher: an announcement on kkb_indikator is not a village code; ignored",
			   json_pack("{s:s%}", "payload", code, strlen(code) > 64 ? (size_t) 64 : strlen(code)));
		return;
	}
	for (int i = 0; i < nwaiting; i++)
		if (strcmp(waiting[i], code) == 0)
			return;
	if (nwaiting == MAX_WAITING)
	{
		overflowed++;
		return;
	}
	memcpy(waiting[nwaiting++], code, strlen(code) + 1);
	atomic_store(&waiting_now, nwaiting);
}

/* Run a command outside any result; 0 when it succeeded. */
static int
run(PGconn *conn, const char *sql, char *err, size_t errlen)
{
	PGresult   *res = PQexec(conn, sql);
	int			ok = res && (PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK);

	if (!ok)
		snprintf(err, errlen, "%s", res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
	PQclear(res);
	return ok ? 0 : -1;
}

/*
 * A transaction as kkb_admin with the nationwide scope, given by the gateway's
 * login through kkb._sesi_atur (so that on a Citus cluster the workers'
 * sessions get it signed), and a time limit of 60 s.
 */
#define BEGIN_ADMIN "BEGIN; SET LOCAL ROLE kkb_admin; SELECT kkb._sesi_atur(NULL, 'kkb-gateway penyegar', '60000', NULL)"

/*
 * One parameterised SELECT (two parameters) in a transaction of its own as
 * kkb_admin (BEGIN_ADMIN); with collect, every row's first value goes to the
 * waiting list.  0, or -1 with *err (the transaction rolled back).
 */
static int
admin_select(PGconn *conn, const char *sql, const char *p1, const char *p2, int collect, char *err, size_t errlen)
{
	const char *params[2] = {p1, p2};
	PGresult   *res;
	int			ok;

	if (run(conn, BEGIN_ADMIN, err, errlen) < 0)
	{
		PQclear(PQexec(conn, "ROLLBACK"));
		return -1;
	}
	res = PQexecParams(conn, sql, 2, NULL, params, NULL, NULL, 0);
	ok = res && PQresultStatus(res) == PGRES_TUPLES_OK;
	if (!ok)
		snprintf(err, errlen, "%s", res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
	else if (collect)
		for (int i = 0; i < PQntuples(res); i++)
			add_waiting(PQgetvalue(res, i, 0));
	PQclear(res);
	if (!ok)
	{
		PQclear(PQexec(conn, "ROLLBACK"));
		return -1;
	}
	return run(conn, "COMMIT", err, errlen);
}

/*
 * One village-month: the stored row is recomputed if stale
 * (kkb.indikator_segarkan), else only read.
 */
static int
refresh_one(PGconn *conn, const char *code, int month_back, char *err, size_t errlen)
{
	char		back[16];

	snprintf(back, sizeof(back), "%d", month_back);
	return admin_select(conn, "SELECT kkb.indikator_segarkan($1, $2)", code, back, 0, err, errlen);
}

/*
 * Recompute every waiting village, newest month first; failures are logged
 * once per round.  When the connection breaks, the villages not yet done wait
 * again for the next connection.
 */
static void
refresh_waiting(PGconn *conn)
{
	static char list[MAX_WAITING][CODE_LEN];
	int			n = nwaiting,
				failed = 0,
				skipped = overflowed;
	char		err[512] = "";
	double		t0 = now_ms();
	unsigned long before = atomic_load(&done_total);

	memcpy(list, waiting, sizeof(list[0]) * (size_t) n);
	nwaiting = 0;
	overflowed = 0;
	for (int i = 0; i < n && !atomic_load(&stopping); i++)
	{
		atomic_store(&waiting_now, n - i);
		for (int m = 0; m < months && !atomic_load(&stopping); m++)
		{
			if (refresh_one(conn, list[i], m, err, sizeof(err)) < 0)
			{
				failed++;
				break;			/* the village's other months: next time */
			}
			atomic_fetch_add(&done_total, 1);
		}
		if (PQstatus(conn) != CONNECTION_OK)
		{
			/* the rest of the list (this village too) waits for the next connection */
			for (int j = i; j < n; j++)
				add_waiting(list[j]);
			break;
		}
	}
	atomic_store(&waiting_now, nwaiting);
	{
		size_t		el = strlen(err);

		while (el > 0 && (err[el - 1] == '\n' || err[el - 1] == ' '))
			err[--el] = '\0';
	}
	if (failed)
		gw_log("warn", "refresher: some villages' monthly indicators could not be recomputed; readers compute them",
			   json_pack("{s:i, s:i, s:s}", "villages", n, "failed", failed, "error", err));
	else
		gw_log("info", "refresher: monthly indicators recomputed",
			   json_pack("{s:i, s:i, s:i, s:i}", "villages", n, "village_months", (int) (atomic_load(&done_total) - before),
						 "ms", (int) (now_ms() - t0), "left_to_readers", skipped));
}

/*
 * The villages whose stored rows are older than their data (kkb._indikator_basi),
 * added to the waiting list; 0, or -1 with *err.
 */
static int
sweep(PGconn *conn, char *err, size_t errlen)
{
	char		m[16],
				lim[16];

	snprintf(m, sizeof(m), "%d", months);
	snprintf(lim, sizeof(lim), "%d", MAX_WAITING);
	return admin_select(conn, "SELECT kkb._indikator_basi($1, $2)", m, lim, 1, err, errlen);
}

/* Is the database a Citus cluster's (its workers' announcements do not arrive)? */
static int
is_citus(PGconn *conn)
{
	PGresult   *res = PQexec(conn, "SELECT count(*) FROM pg_catalog.pg_extension WHERE extname = 'citus'");
	int			yes = res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1
		&& strcmp(PQgetvalue(res, 0, 0), "1") == 0;

	PQclear(res);
	return yes;
}

static void
pause_ms(int ms)
{
	for (int t = 0; t < ms && !atomic_load(&stopping); t += 100)
		usleep(100 * 1000);
}

/* Keep (or drop, with NULL) the cancel handle of the connection in use. */
static void
set_cancel(PGconn *conn)
{
	pthread_mutex_lock(&cancel_lock);
	if (cancel)
		PQfreeCancel(cancel);
	cancel = conn ? PQgetCancel(conn) : NULL;
	pthread_mutex_unlock(&cancel_lock);
}

static void *
refresher(void *arg)
{
	int			listening = 0;	/* backend PID of the connection that LISTENs (a new connection may reuse the
								 * old one's address, never its live backend) */
	double		first = 0,
				last = 0,
				next_sweep = 0;
	int			sweep_ms = SWEEP_MS;

	(void) arg;
	while (!atomic_load(&stopping))
	{
		PGconn	   *conn = gw_db_conn();
		PGnotify   *note;
		struct pollfd pfd;
		char		err[512];

		if (conn == NULL)
		{
			listening = 0;
			pause_ms(2000);
			continue;
		}
		if (PQbackendPID(conn) != listening)
		{
			/* its own name, so that an operator (and the tests) can tell it from the workers */
			if (run(conn, "SET application_name = 'kkb-gateway-penyegar'; LISTEN kkb_indikator", err, sizeof(err)) < 0)
			{
				gw_log("warn", "refresher: LISTEN kkb_indikator failed; retrying", json_pack("{s:s}", "error", err));
				gw_db_check();
				pause_ms(2000);
				continue;
			}
			listening = PQbackendPID(conn);
			set_cancel(conn);
			sweep_ms = is_citus(conn) ? SWEEP_CITUS_MS : SWEEP_MS;
			next_sweep = now_ms();	/* what went stale while nobody listened */
		}
		pfd.fd = PQsocket(conn);
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (pfd.fd >= 0)
			(void) poll(&pfd, 1, 200);
		if (!PQconsumeInput(conn))
		{
			gw_db_check();		/* broken: dropped, reopened on the next turn */
			listening = 0;
			continue;
		}
		while ((note = PQnotifies(conn)) != NULL)
		{
			if (nwaiting == 0)
				first = now_ms();
			last = now_ms();
			add_waiting(note->extra);
			PQfreemem(note);
		}
		if (nwaiting == 0 && now_ms() >= next_sweep)
		{
			next_sweep = now_ms() + sweep_ms;
			if (sweep(conn, err, sizeof(err)) < 0)
			{
				gw_log("warn", "refresher: looking for stale monthly indicators failed; retrying later",
					   json_pack("{s:s}", "error", err));
				if (PQstatus(conn) != CONNECTION_OK)
				{
					gw_db_check();
					listening = 0;
				}
				continue;
			}
			if (nwaiting > 0)
				first = last = now_ms() - QUIET_MS;		/* at once: nobody is writing them now */
		}
		if (nwaiting > 0 && (now_ms() - last >= QUIET_MS || now_ms() - first >= MAX_DELAY_MS))
		{
			refresh_waiting(conn);
			if (PQstatus(conn) != CONNECTION_OK)
			{
				gw_db_check();
				listening = 0;
				first = last = now_ms();	/* what still waits goes to the next connection */
			}
		}
	}
	set_cancel(NULL);
	return NULL;
}

int
gw_penyegar_start(int n)
{
	months = n;
	if (months <= 0)
		return 0;
	if (pthread_create(&thread, NULL, refresher, NULL) != 0)
	{
		gw_log("error", "could not start the refresher thread", NULL);
		return -1;
	}
	started = 1;
	return 0;
}

void
gw_penyegar_stop(void)
{
	if (!started)
		return;
	atomic_store(&stopping, 1);
	/* a recomputation in progress is cancelled (its transaction rolls back; the row stays stale) */
	pthread_mutex_lock(&cancel_lock);
	if (cancel)
	{
		char		err[256];

		(void) PQcancel(cancel, err, sizeof(err));
	}
	pthread_mutex_unlock(&cancel_lock);
	pthread_join(thread, NULL);
	started = 0;
}

unsigned long
gw_penyegar_done(void)
{
	return atomic_load(&done_total);
}

int
gw_penyegar_waiting(void)
{
	return atomic_load(&waiting_now);
}

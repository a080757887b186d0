/*
 * db.c - per-thread libpq connections with reconnection, and the statements
 * prepared on each.
 */
#include "db.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cancel.h"
#include "log.h"
#include "metrics.h"

static const char *db_conninfo;
static pthread_key_t db_key;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

/*
 * The statements prepared on this thread's current connection.  Forgotten
 * whenever the connection is dropped; past GW_MAX_PREPARED statements the
 * rest run unprepared.
 */
#define GW_MAX_PREPARED 128
static __thread const gw_stmt *prepared[GW_MAX_PREPARED];
static __thread int nprepared;

/* All parameters are sent as text; the SQL casts them. */
#define TEXTOID 25
static const Oid text_types[16] = {
	TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID,
	TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID,
};

/* Thread-exit destructor: close the thread's connection. */
static void
db_close(void *p)
{
	if (p)
	{
		PQfinish((PGconn *) p);
		gw_metrics_connections(-1);
	}
}

static void
db_make_key(void)
{
	pthread_key_create(&db_key, db_close);
}

void
gw_db_init(const char *conninfo)
{
	db_conninfo = conninfo;
	pthread_once(&db_once, db_make_key);
}

/* Log a connection failure at most once a second per thread (outages are noisy). */
void
gw_db_log_unavailable(const char *why)
{
	static __thread time_t last;
	time_t		now = time(NULL);
	char		msg[512];
	size_t		n;

	if (now == last)
		return;
	last = now;
	snprintf(msg, sizeof(msg), "%s", why ? why : "");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	gw_log("warn", "database unavailable", json_pack("{s:s}", "error", msg));
}

PGconn *
gw_db_conn(void)
{
	PGconn	   *conn = pthread_getspecific(db_key);

	if (conn && PQstatus(conn) == CONNECTION_OK)
		return conn;
	if (conn)
	{
		PQfinish(conn);
		gw_metrics_connections(-1);
		pthread_setspecific(db_key, NULL);
	}
	nprepared = 0;

	{
		const char *keys[] = {"connect_timeout", "fallback_application_name", "dbname", NULL};
		const char *vals[] = {"3", "kkb-gateway", db_conninfo, NULL};

		/* the connection string comes last and is expanded, so its settings win over our defaults */
		conn = PQconnectdbParams(keys, vals, 1);
	}
	if (conn == NULL || PQstatus(conn) != CONNECTION_OK)
	{
		gw_db_log_unavailable(conn ? PQerrorMessage(conn) : "out of memory");
		if (conn)
			PQfinish(conn);
		return NULL;
	}
	pthread_setspecific(db_key, conn);
	gw_cancel_register(conn);	/* cancellable at shutdown (cancel.c) */
	gw_metrics_connections(1);
	return conn;
}

void
gw_db_check(void)
{
	PGconn	   *conn = pthread_getspecific(db_key);

	if (conn && PQstatus(conn) != CONNECTION_OK)
	{
		PQfinish(conn);
		gw_metrics_connections(-1);
		pthread_setspecific(db_key, NULL);
		nprepared = 0;
	}
}

PGresult *
gw_db_exec_retry(const char *sql, int nparams, const char *const *params)
{
	int			attempt;

	for (attempt = 0; attempt < 2; attempt++)
	{
		PGconn	   *conn = gw_db_conn();
		PGresult   *res;

		if (conn == NULL)
			return NULL;
		res = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
		if (PQstatus(conn) == CONNECTION_OK)
			return res;
		/* the connection broke (server restarted or gone): drop it and try once more */
		gw_db_log_unavailable(PQerrorMessage(conn));
		PQclear(res);
		gw_db_check();
	}
	return NULL;
}

/* Statements whose parameter types the server infers (gw_db_stmt_infer); written before serving. */
#define GW_MAX_INFERRED 128
static const gw_stmt *inferred[GW_MAX_INFERRED];
static int ninferred;

void
gw_db_stmt_infer(const gw_stmt *st)
{
	if (ninferred < GW_MAX_INFERRED)
		inferred[ninferred++] = st;
}

static int
is_inferred(const gw_stmt *st)
{
	for (int i = 0; i < ninferred; i++)
		if (inferred[i] == st)
			return 1;
	return 0;
}

PGresult *
gw_db_exec_stmt(PGconn *conn, const gw_stmt *st, const char *const *params)
{
	int			i;

	if (st->nparams > (int) (sizeof(text_types) / sizeof(text_types[0])))
		return PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR);	/* a programming error; cannot happen */
	for (i = 0; i < nprepared; i++)
		if (prepared[i] == st)
			return PQexecPrepared(conn, st->name, st->nparams, params, NULL, NULL, 0);
	if (nprepared < GW_MAX_PREPARED)
	{
		PGresult   *res = PQprepare(conn, st->name, st->sql, st->nparams, is_inferred(st) ? NULL : text_types);

		if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
			return res;			/* the caller sees why (or a broken connection) */
		PQclear(res);
		prepared[nprepared++] = st;
		return PQexecPrepared(conn, st->name, st->nparams, params, NULL, NULL, 0);
	}
	return PQexecParams(conn, st->sql, st->nparams, is_inferred(st) ? NULL : text_types, params, NULL, NULL, 0);
}

PGresult *
gw_db_exec_stmt_retry(const gw_stmt *st, const char *const *params)
{
	int			attempt;

	for (attempt = 0; attempt < 2; attempt++)
	{
		PGconn	   *conn = gw_db_conn();
		PGresult   *res;

		if (conn == NULL)
			return NULL;
		res = gw_db_exec_stmt(conn, st, params);
		if (PQstatus(conn) == CONNECTION_OK && res != NULL)
			return res;
		gw_db_log_unavailable(PQerrorMessage(conn));
		PQclear(res);
		gw_db_check();
	}
	return NULL;
}

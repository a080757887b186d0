/*
 * pool.c - the threads of the expensive reads (see pool.h): a queue of
 * requests guarded by a mutex, and `n` threads that take them one at a time.
 */
#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <microhttpd.h>

#include "log.h"
#include "router.h"

typedef struct job
{
	gw_request *req;
	struct job *next;
} job;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static job *head,
		   *tail;
static int	stopping;
static atomic_int busy;
static pthread_t *threads;
static int	nthreads;

static void *
worker(void *arg)
{
	(void) arg;
	for (;;)
	{
		job		   *j;

		pthread_mutex_lock(&lock);
		while (head == NULL && !stopping)
			pthread_cond_wait(&ready, &lock);
		if (head == NULL)
		{
			pthread_mutex_unlock(&lock);
			break;				/* stopping, and nothing left to do */
		}
		j = head;
		head = j->next;
		if (head == NULL)
			tail = NULL;
		pthread_mutex_unlock(&lock);

		atomic_fetch_add(&busy, 1);
		gw_dispatch_heavy(j->req);
		atomic_fetch_sub(&busy, 1);
		j->req->deferred_done = 1;
		MHD_resume_connection(j->req->conn);	/* its worker sends the answer (server.c) */
		free(j);
	}
	return NULL;
}

int
gw_pool_start(int n)
{
	threads = calloc((size_t) n, sizeof(*threads));
	if (threads == NULL)
		return -1;
	for (nthreads = 0; nthreads < n; nthreads++)
		if (pthread_create(&threads[nthreads], NULL, worker, NULL) != 0)
		{
			gw_log("error", "could not start a thread for expensive reads",
				   json_pack("{s:i, s:i}", "started", nthreads, "wanted", n));
			return -1;
		}
	return 0;
}

void
gw_pool_submit(gw_request *req)
{
	job		   *j = malloc(sizeof(*j));

	if (j == NULL)
	{
		/* no memory for a queue entry: answer here rather than leave the connection suspended */
		gw_dispatch_heavy(req);
		req->deferred_done = 1;
		MHD_resume_connection(req->conn);
		return;
	}
	j->req = req;
	j->next = NULL;
	pthread_mutex_lock(&lock);
	if (tail)
		tail->next = j;
	else
		head = j;
	tail = j;
	pthread_cond_signal(&ready);
	pthread_mutex_unlock(&lock);
}

int
gw_pool_busy(void)
{
	return atomic_load(&busy);
}

void
gw_pool_stop(void)
{
	pthread_mutex_lock(&lock);
	stopping = 1;
	pthread_cond_broadcast(&ready);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	threads = NULL;
	nthreads = 0;
}

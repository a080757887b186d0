/*
 * limit.c - token buckets (see limit.h) in one fixed-size table.
 *
 * The table is open-addressed by a hash of (kind, key) with a short probe
 * sequence; when every slot of the sequence is taken, the one used longest ago
 * is reused (a bucket idle long enough to be evicted would be full again
 * anyway, unless the table is far too small for the number of callers).  One
 * mutex guards the table: a take is a few arithmetic operations.
 */
#include "limit.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#define SLOTS 8192
#define PROBES 16

typedef struct bucket
{
	unsigned char used;
	unsigned char kind;
	unsigned char key[8];
	double		tokens;
	double		last;			/* monotonic seconds of the last refill */
} bucket;

static bucket table[SLOTS];
static int nused;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static gw_limit_rate limits[GW_LIMIT_NKINDS];
static atomic_ulong refused[GW_LIMIT_NKINDS];

static const char *const names[GW_LIMIT_NKINDS] = {"read", "write", "anon"};

void
gw_limit_init(const gw_limit_rate rates[GW_LIMIT_NKINDS])
{
	memcpy(limits, rates, sizeof(limits));
}

const char *
gw_limit_kind_name(gw_limit_kind kind)
{
	return kind >= 0 && kind < GW_LIMIT_NKINDS ? names[kind] : "?";
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned int
slot_hash(gw_limit_kind kind, const unsigned char key[8])
{
	unsigned long long h = 1469598103934665603ULL ^ (unsigned long long) kind;

	for (int i = 0; i < 8; i++)
		h = (h ^ key[i]) * 1099511628211ULL;
	return (unsigned int) (h ^ (h >> 29));
}

int
gw_limit_take(gw_limit_kind kind, const unsigned char key[8], int cost)
{
	const gw_limit_rate *r;
	bucket	   *b = NULL,
			   *oldest = NULL;
	unsigned int h;
	double		t,
				need;
	int			wait = 0;

	if (kind < 0 || kind >= GW_LIMIT_NKINDS)
		return 0;
	r = &limits[kind];
	if (r->rate <= 0)
		return 0;
	/* an expensive request costs more; never more than a full bucket, or it could never pass */
	need = cost < 1 ? 1.0 : fmin((double) cost, fmax(1.0, r->burst));
	h = slot_hash(kind, key);
	t = now_s();

	pthread_mutex_lock(&lock);
	for (int i = 0; i < PROBES; i++)
	{
		bucket	   *c = &table[(h + (unsigned int) i) % SLOTS];

		if (c->used && c->kind == kind && memcmp(c->key, key, 8) == 0)
		{
			b = c;
			break;
		}
		if (!c->used)
		{
			if (oldest == NULL || oldest->used)
				oldest = c;
		}
		else if (oldest == NULL || (oldest->used && c->last < oldest->last))
			oldest = c;
	}
	if (b == NULL)
	{
		/* a new caller: a full bucket in a free slot, or in the one idle longest */
		b = oldest;
		if (!b->used)
			nused++;
		b->used = 1;
		b->kind = (unsigned char) kind;
		memcpy(b->key, key, 8);
		b->tokens = r->burst;
		b->last = t;
	}
	b->tokens = fmin(r->burst, b->tokens + (t - b->last) * r->rate);
	b->last = t;
	if (b->tokens >= need)
		b->tokens -= need;
	else
	{
		wait = (int) ceil((need - b->tokens) / r->rate);
		if (wait < 1)
			wait = 1;
	}
	pthread_mutex_unlock(&lock);

	if (wait)
		atomic_fetch_add_explicit(&refused[kind], 1, memory_order_relaxed);
	return wait;
}

int
gw_limit_peek(gw_limit_kind kind, const unsigned char key[8])
{
	const gw_limit_rate *r;
	unsigned int h;
	int			wait = 0;

	if (kind < 0 || kind >= GW_LIMIT_NKINDS)
		return 0;
	r = &limits[kind];
	if (r->rate <= 0)
		return 0;
	h = slot_hash(kind, key);
	pthread_mutex_lock(&lock);
	for (int i = 0; i < PROBES; i++)
	{
		const bucket *c = &table[(h + (unsigned int) i) % SLOTS];

		if (c->used && c->kind == kind && memcmp(c->key, key, 8) == 0)
		{
			double		tokens = fmin(r->burst, c->tokens + (now_s() - c->last) * r->rate);

			if (tokens < 1.0)
			{
				wait = (int) ceil((1.0 - tokens) / r->rate);
				if (wait < 1)
					wait = 1;
			}
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	if (wait)
		atomic_fetch_add_explicit(&refused[kind], 1, memory_order_relaxed);
	return wait;
}

unsigned long
gw_limit_refused(gw_limit_kind kind)
{
	return kind >= 0 && kind < GW_LIMIT_NKINDS ? atomic_load_explicit(&refused[kind], memory_order_relaxed) : 0;
}

int
gw_limit_buckets(void)
{
	int			n;

	pthread_mutex_lock(&lock);
	n = nused;
	pthread_mutex_unlock(&lock);
	return n;
}

/* ---------------------------------------------------------------- requests in flight per token */

#define INFLIGHT_SLOTS 1024

typedef struct inflight
{
	unsigned char key[8];
	int			n;				/* 0: free */
} inflight;

static inflight inflights[INFLIGHT_SLOTS];
static int	inflight_max = 0;
static pthread_mutex_t inflight_lock = PTHREAD_MUTEX_INITIALIZER;

void
gw_inflight_init(int max)
{
	inflight_max = max;
}

/* The slot counting `key`, else NULL (a whole scan: slots free up in any order, so no probe chain holds). */
static inflight *
inflight_find(const unsigned char key[8])
{
	for (int i = 0; i < INFLIGHT_SLOTS; i++)
		if (inflights[i].n > 0 && memcmp(inflights[i].key, key, 8) == 0)
			return &inflights[i];
	return NULL;
}

int
gw_inflight_enter(const unsigned char key[8])
{
	inflight   *s;
	int			rc = 0;

	if (inflight_max <= 0)
		return 0;
	pthread_mutex_lock(&inflight_lock);
	if ((s = inflight_find(key)) != NULL)
	{
		if (s->n >= inflight_max)
			rc = -1;
		else
			s->n++;
	}
	else
	{
		/* a free slot; with every slot busy (over 1,024 tokens at once) the request is not capped */
		for (int i = 0; i < INFLIGHT_SLOTS; i++)
			if (inflights[i].n == 0)
			{
				memcpy(inflights[i].key, key, 8);
				inflights[i].n = 1;
				break;
			}
	}
	pthread_mutex_unlock(&inflight_lock);
	return rc;
}

void
gw_inflight_leave(const unsigned char key[8])
{
	inflight   *s;

	if (inflight_max <= 0)
		return;
	pthread_mutex_lock(&inflight_lock);
	if ((s = inflight_find(key)) != NULL)
		s->n--;
	pthread_mutex_unlock(&inflight_lock);
}

/* ---------------------------------------------------------------- expensive requests at once */

static int	heavy_max = 1;
static atomic_int heavy_running;
static atomic_ulong heavy_refused;

void
gw_heavy_init(int max)
{
	heavy_max = max < 1 ? 1 : max;
}

int
gw_heavy_enter(void)
{
	int			n = atomic_load(&heavy_running);

	/* a compare-and-swap loop: two workers cannot both take the last place */
	do
	{
		if (n >= heavy_max)
		{
			atomic_fetch_add_explicit(&heavy_refused, 1, memory_order_relaxed);
			return -1;
		}
	} while (!atomic_compare_exchange_weak(&heavy_running, &n, n + 1));
	return 0;
}

void
gw_heavy_leave(void)
{
	atomic_fetch_sub(&heavy_running, 1);
}

int
gw_heavy_max(void)
{
	return heavy_max;
}

int
gw_heavy_running(void)
{
	return atomic_load(&heavy_running);
}

unsigned long
gw_heavy_refused(void)
{
	return atomic_load_explicit(&heavy_refused, memory_order_relaxed);
}

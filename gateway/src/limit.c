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

/* ---------------------------------------------------------------- expensive requests in the pool */

#define HEAVY_SLOTS 256

static int	heavy_capacity = 1,
			heavy_per_token = 1,
			heavy_total;
static inflight heavy_tokens[HEAVY_SLOTS];	/* requests in the pool per token */
static pthread_mutex_t heavy_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_ulong heavy_refused;

void
gw_heavy_init(int running, int queue, int per_token)
{
	heavy_capacity = (running < 1 ? 1 : running) + (queue < 0 ? 0 : queue);
	heavy_per_token = per_token < 1 ? 1 : per_token;
}

gw_heavy_result
gw_heavy_enter(const unsigned char key[8])
{
	inflight   *s = NULL,
			   *free_slot = NULL;
	gw_heavy_result rc = GW_HEAVY_OK;

	pthread_mutex_lock(&heavy_lock);
	for (int i = 0; i < HEAVY_SLOTS && s == NULL; i++)
	{
		if (heavy_tokens[i].n > 0 && memcmp(heavy_tokens[i].key, key, 8) == 0)
			s = &heavy_tokens[i];
		else if (heavy_tokens[i].n == 0 && free_slot == NULL)
			free_slot = &heavy_tokens[i];
	}
	if (s != NULL && s->n >= heavy_per_token)
		rc = GW_HEAVY_TOKEN;
	else if (heavy_total >= heavy_capacity)
		rc = GW_HEAVY_FULL;
	else
	{
		if (s == NULL && (s = free_slot) != NULL)
			memcpy(s->key, key, 8);
		if (s != NULL)			/* no slot free (256 tokens in the pool at once): not counted per token */
			s->n++;
		heavy_total++;
	}
	pthread_mutex_unlock(&heavy_lock);
	if (rc != GW_HEAVY_OK)
		atomic_fetch_add_explicit(&heavy_refused, 1, memory_order_relaxed);
	return rc;
}

void
gw_heavy_leave(const unsigned char key[8])
{
	pthread_mutex_lock(&heavy_lock);
	for (int i = 0; i < HEAVY_SLOTS; i++)
		if (heavy_tokens[i].n > 0 && memcmp(heavy_tokens[i].key, key, 8) == 0)
		{
			heavy_tokens[i].n--;
			break;
		}
	heavy_total--;
	pthread_mutex_unlock(&heavy_lock);
}

int
gw_heavy_capacity(void)
{
	return heavy_capacity;
}

int
gw_heavy_per_token(void)
{
	return heavy_per_token;
}

int
gw_heavy_in_pool(void)
{
	int			n;

	pthread_mutex_lock(&heavy_lock);
	n = heavy_total;
	pthread_mutex_unlock(&heavy_lock);
	return n;
}

unsigned long
gw_heavy_refused(void)
{
	return atomic_load_explicit(&heavy_refused, memory_order_relaxed);
}

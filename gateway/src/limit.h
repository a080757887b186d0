/*
 * limit.h - rate limits: token buckets per caller.
 *
 * Each token has two buckets, one for reads (GET) and one for writes, so a
 * portal polling with its token never uses up what a village needs for its
 * uploads; calls without a token (and failed authentications) share a bucket
 * per client address.  A bucket holds up to `burst` requests and refills at
 * `rate` per second; a request that finds it empty is answered 429 with
 * Retry-After.  A rate of 0 switches that limit off.
 */
#ifndef KKB_GW_LIMIT_H
#define KKB_GW_LIMIT_H

typedef enum gw_limit_kind
{
	GW_LIMIT_READ = 0,			/* a token's GET requests */
	GW_LIMIT_WRITE,				/* a token's other requests */
	GW_LIMIT_ANON,				/* per client address: no token, or a failed one */
	GW_LIMIT_NKINDS
} gw_limit_kind;

typedef struct gw_limit_rate
{
	double		rate;			/* requests per second; 0 = unlimited */
	double		burst;			/* bucket size */
} gw_limit_rate;

/* Set the limits (indexed by gw_limit_kind); call once before serving. */
void		gw_limit_init(const gw_limit_rate rates[GW_LIMIT_NKINDS]);

/*
 * Take `cost` requests (1 for most routes; an expensive route's weight, see
 * gw_route.berat) from the bucket of `key` (8 bytes: a token's hash prefix
 * or a client address) of this kind; a cost above the bucket's size counts
 * as the whole bucket.  Returns 0 when allowed, else the whole seconds until
 * it will be allowed again (>= 1, for Retry-After).
 */
int			gw_limit_take(gw_limit_kind kind, const unsigned char key[8], int cost);

/*
 * Would the bucket of `key` refuse a request now?  The whole seconds until it
 * would not (>= 1), or 0; takes nothing (a caller unknown so far: 0).
 */
int			gw_limit_peek(gw_limit_kind kind, const unsigned char key[8]);

/*
 * Requests of one token handled at once (--max-inflight-per-token; 0: no cap).
 * gw_inflight_enter returns 0 and counts the request, or -1 when the token
 * already has that many; every 0 is matched by one gw_inflight_leave.
 */
void		gw_inflight_init(int max);
int			gw_inflight_enter(const unsigned char key[8]);
void		gw_inflight_leave(const unsigned char key[8]);

/*
 * Expensive requests (routes with berat > 1) in the pool (pool.c), running
 * or waiting for a thread: at most `running` + `queue` over all callers, and
 * at most `per_token` of one token.  gw_heavy_enter counts the request and
 * returns GW_HEAVY_OK, or GW_HEAVY_FULL / GW_HEAVY_TOKEN without counting
 * it; every GW_HEAVY_OK is matched by one gw_heavy_leave with the same key.
 */
typedef enum gw_heavy_result
{
	GW_HEAVY_OK = 0,
	GW_HEAVY_FULL,				/* the pool's places and queue are taken: 503 */
	GW_HEAVY_TOKEN				/* this token has per_token in the pool already: 429 */
} gw_heavy_result;

void		gw_heavy_init(int running, int queue, int per_token);
gw_heavy_result gw_heavy_enter(const unsigned char key[8]);
void		gw_heavy_leave(const unsigned char key[8]);
int			gw_heavy_capacity(void);	/* running + queue, for the error message */
int			gw_heavy_per_token(void);
int			gw_heavy_in_pool(void);	/* running or waiting now */
unsigned long gw_heavy_refused(void);

/* Requests refused so far, per kind (for /metrics). */
unsigned long gw_limit_refused(gw_limit_kind kind);

/* Buckets currently tracked (for /metrics). */
int			gw_limit_buckets(void);

/* The kind's name for logs and metrics: "read", "write", "anon". */
const char *gw_limit_kind_name(gw_limit_kind kind);

#endif

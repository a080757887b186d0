/*
 * kkb_load.c - load and slow-client generator for kkb-gateway (tests/gateway/09-11).
 *
 *   kkb-load run  --port P --villages FILE --out DIR [--seconds N] [--connections N]
 *                 [--mix DESA,PROFIL,WRITE] [--families N] [--base N] [--periode YYYY-MM]
 *   kkb-load slow --port P [--clients N] [--interval-ms N] [--seconds N]
 *   kkb-load raw  --port P [--seconds N]
 *
 * run: --connections keep-alive connections (default 64), each its own
 * thread, for --seconds (default 10).  Connection i works for village
 * i % V of the villages file (lines "KODE TOKEN": a pokja token per village)
 * and picks each request at random by --mix (percentages, default 45,35,20):
 *   GET  /v1/desa/{kode}
 *   GET  /v1/desa/{kode}/profil?periode=...
 *   a write batch: POST /v1/desa/{kode}/keluarga with --families families
 *   (default 5), then, when that was answered 2xx, POST .../anggota with
 *   their 4 members each.
 * Every family and member of a run is distinct: batch k of village v holds
 * the families G = base + v * 100000 + k * F + f, whose numbers (No. KK,
 * NIKs, birth dates) are derived from G, so every batch can be told apart in
 * the database afterwards.
 *
 * Written to DIR:
 *   rows.tsv      one line per row sent: kind (keluarga|anggota), village,
 *                 batch, key (no_kk or nik), name (members) or "", HTTP status
 *                 of its request (0: transport error), whether the
 *                 request's summary counted every row as imported or
 *                 unchanged (1/0), and whether the outcome is known (0: a
 *                 transport error, or a 503 with "tidak_pasti": the
 *                 database went away while committing; 1 otherwise)
 *   villages.tsv  per village and kind: rows answered 2xx, and the checksum
 *                 of those rows: the sum over rows of the first 60 bits of
 *                 sha256(key || '|' || name) as an unsigned integer; the
 *                 tests compute the same in SQL:
 *                   sum(('x' || left(encode(sha256(convert_to(nik::text || '|' || nama, 'UTF8')), 'hex'), 15))::bit(60)::bigint)
 *   summary.txt   "name value" lines (requests per kind and status class,
 *                 transport errors, latency percentiles, batches)
 *   first_503.txt the body of the first 503 seen (when any)
 * and a readable summary on stdout.
 *
 * raw: sends stdin as it is on one connection and prints the answer until
 * the server closes it (or --seconds pass): requests curl will not send.
 *
 * slow: --clients connections (default 50) that send a request's headers a
 * byte every --interval-ms (default 1000) and never finish them; prints how
 * many the server closed and when, after --seconds (default 20).
 *
 * Plain POSIX sockets and pthreads; the checksum uses the gateway's SHA-256 (digest.c, libcrypto).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "digest.h"

#define MAX_VILLAGES 64
#define FAMILIES_PER_VILLAGE 100000

enum kind
{
	K_DESA,
	K_PROFIL,
	K_KELUARGA,
	K_ANGGOTA,
	NKINDS
};
static const char *const kind_name[NKINDS] = {"desa", "profil", "keluarga", "anggota"};

typedef struct village
{
	char		kode[32];
	char		token[128];
	atomic_long next_batch;
	pthread_mutex_t lock;
	long		rows[2];		/* keluarga, anggota answered 2xx */
	unsigned __int128 sum[2];
} village;

/* settings */
static int	port = 8080;
static int	seconds = 10;
static int	nconn = 64;
static int	mix[3] = {45, 35, 20};
static int	families = 5;
static long base = 0;
static const char *periode = "2026-10";
static const char *villages_file;
static const char *out_dir;
static int	slow_clients = 50;
static int	slow_interval_ms = 1000;

static village villages[MAX_VILLAGES];
static int	nvillages;
static double t_end;

/* results (merged under a lock at the end of each thread) */
static pthread_mutex_t res_lock = PTHREAD_MUTEX_INITIALIZER;
static long count_class[NKINDS][6];	/* [kind][0: transport error, 1..5: status class] */
static long count_503;
static long batches_ok,
			batches_failed;
static double *lat[NKINDS];
static size_t nlat[NKINDS],
			caplat[NKINDS];
static FILE *rows_out;
static int	first_503_written;

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	fputs("kkb-load: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

/* ---------------------------------------------------------------- one keep-alive connection */

typedef struct conn
{
	int			fd;
	char	   *buf;			/* received, not yet consumed */
	size_t		len,
				cap;
} conn;

static int
conn_open(conn *c)
{
	struct sockaddr_in a;
	struct timeval tv = {30, 0};	/* a request unanswered for 30 s is a transport error */
	int			one = 1;

	c->fd = socket(AF_INET, SOCK_STREAM, 0);
	if (c->fd < 0)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t) port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(c->fd, (struct sockaddr *) &a, sizeof(a)) < 0)
	{
		close(c->fd);
		c->fd = -1;
		return -1;
	}
	c->len = 0;
	return 0;
}

static void
conn_close(conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->len = 0;
}

static int
send_all(int fd, const char *p, size_t n)
{
	while (n > 0)
	{
		ssize_t		w = send(fd, p, n, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t) w;
	}
	return 0;
}

/* Read more into c->buf; 0 on EOF, -1 on error. */
static ssize_t
fill(conn *c)
{
	ssize_t		r;

	if (c->cap - c->len < 65536)
	{
		c->cap = c->cap ? c->cap * 2 : 131072;
		c->buf = realloc(c->buf, c->cap + 1);
		if (c->buf == NULL)
			die("out of memory");
	}
	do
		r = recv(c->fd, c->buf + c->len, c->cap - c->len, 0);
	while (r < 0 && errno == EINTR);
	if (r > 0)
		c->len += (size_t) r;
	return r;
}

/*
 * Send one request and read its answer.  Returns the HTTP status, or 0 on a
 * transport error (connect, send, receive, malformed answer, timeout).  The
 * body is copied to *body (malloc'd, NUL-terminated) when body != NULL.
 * A request sent on a kept-alive connection the server had already closed
 * (nothing received at all) is sent once more on a new connection: that is
 * how keep-alive works, not an error.
 */
static int
request(conn *c, const char *method, const char *path, const char *token,
		const char *ctype, const char *payload, size_t plen, char **body)
{
	char		head[1024];
	int			hl,
				attempt;

	hl = snprintf(head, sizeof(head),
				  "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n%s%s%s"
				  "Content-Length: %zu\r\n\r\n",
				  method, path, token, ctype ? "Content-Type: " : "", ctype ? ctype : "", ctype ? "\r\n" : "", plen);
	for (attempt = 0; attempt < 2; attempt++)
	{
		int			reused = c->fd >= 0;
		char	   *eoh;
		size_t		hdr_len,
					clen = 0;
		int			status,
					close_after = 0;
		ssize_t		r;
		char	   *p;

		if (c->fd < 0 && conn_open(c) < 0)
			return 0;
		if (send_all(c->fd, head, (size_t) hl) < 0 || (plen && send_all(c->fd, payload, plen) < 0))
		{
			conn_close(c);
			if (reused)
				continue;
			return 0;
		}
		/* headers */
		c->len = 0;
		while ((c->buf == NULL || (c->buf[c->len] = '\0', (eoh = strstr(c->buf, "\r\n\r\n")) == NULL)))
		{
			r = fill(c);
			if (r <= 0)
			{
				int			nothing = c->len == 0;

				conn_close(c);
				if (reused && nothing && (r == 0 || errno == ECONNRESET))
					goto again;
				return 0;
			}
		}
		hdr_len = (size_t) (eoh - c->buf) + 4;
		if (sscanf(c->buf, "HTTP/1.%*d %d", &status) != 1)
		{
			conn_close(c);
			return 0;
		}
		for (p = c->buf; p < eoh; p = strstr(p, "\r\n") + 2)
		{
			if (strncasecmp(p, "Content-Length:", 15) == 0)
				clen = strtoull(p + 15, NULL, 10);
			else if (strncasecmp(p, "Connection:", 11) == 0 && strcasestr(p, "close") != NULL &&
					 strcasestr(p, "close") < strstr(p, "\r\n"))
				close_after = 1;
			else if (strncasecmp(p, "Transfer-Encoding:", 18) == 0)
			{
				/* the gateway always sends Content-Length; chunked is not expected */
				conn_close(c);
				return 0;
			}
		}
		while (c->len < hdr_len + clen)
		{
			r = fill(c);
			if (r <= 0)
			{
				conn_close(c);
				return 0;
			}
		}
		if (body)
		{
			*body = malloc(clen + 1);
			if (*body == NULL)
				die("out of memory");
			memcpy(*body, c->buf + hdr_len, clen);
			(*body)[clen] = '\0';
		}
		if (close_after || c->len != hdr_len + clen)
			conn_close(c);
		c->len = 0;
		return status;
again:
		;
	}
	return 0;
}

/* ---------------------------------------------------------------- rows of a batch */

/*
 * Family G: No. KK 137701 DDMMYY SSSS with the date and serial from G; its
 * members (p = 0..3: kepala L, istri P, anak L, anak P) have NIKs 137701
 * DD(+40 for women)MMYY SSSS with their birth dates, distinct for every G.
 */
typedef struct family
{
	char		no_kk[24];
	char		nik[4][24];
	char		nama[4][48];
	char		lahir[4][24];
} family;

static void
make_family(unsigned long g, family *f)
{
	unsigned long d = g / 2000,
				s = g % 2000;
	unsigned	day = (unsigned) (d % 28) + 1,
				month = (unsigned) ((d / 28) % 12) + 1,
				year = 1950 + (unsigned) (d / 336 % 20);
	static const unsigned dy[4] = {0, 2, 25, 28};

	snprintf(f->no_kk, sizeof(f->no_kk), "137701%02u%02u%02u%04lu", day, month, year % 100, s + 1);
	for (unsigned p = 0; p < 4; p++)
	{
		unsigned	y = year + dy[p];
		unsigned	dd = (p == 1 || p == 3) ? day + 40 : day;

		snprintf(f->nik[p], sizeof(f->nik[p]), "137701%02u%02u%02u%04lu", dd, month, y % 100, s * 4 + p + 1);
		snprintf(f->nama[p], sizeof(f->nama[p]), "Warga Beban %lu-%u", g, p + 1);
		snprintf(f->lahir[p], sizeof(f->lahir[p]), "%04u-%02u-%02u", y, month, day);
	}
}

static uint64_t
row_hash(const char *key, const char *name)
{
	char		buf[512];
	unsigned char d[GW_SHA256_LEN];
	uint64_t	v = 0;
	int			n = snprintf(buf, sizeof(buf), "%s|%s", key, name);

	if (n < 0 || (size_t) n >= sizeof(buf) || gw_sha256(buf, (size_t) n, d) != 0)
		die("cannot checksum the row %s (key and name longer than %zu bytes, or libcrypto failed)", key, sizeof(buf) - 2);
	for (int i = 0; i < 8; i++)
		v = (v << 8) | d[i];
	return v >> 4;				/* the first 60 bits (15 hex digits) */
}

static void
print_u128(FILE *f, unsigned __int128 v)
{
	char		s[48];
	int			i = sizeof(s) - 1;

	s[i] = '\0';
	do
	{
		s[--i] = (char) ('0' + (int) (v % 10));
		v /= 10;
	} while (v > 0);
	fputs(s + i, f);
}

/* Does an import summary count every one of n rows as imported, updated or unchanged? */
static int
all_stored(const char *body, int n)
{
	const char *p = body ? strstr(body, "\"ditolak\":") : NULL;
	long		a = 0,
				u = 0,
				i = 0;
	const char *q;

	if (p == NULL || strtol(p + 10, NULL, 10) != 0)
		return 0;
	if ((q = strstr(body, "\"diimpor\":")) != NULL)
		a = strtol(q + 10, NULL, 10);
	if ((q = strstr(body, "\"diperbarui\":")) != NULL)
		u = strtol(q + 13, NULL, 10);
	if ((q = strstr(body, "\"diabaikan\":")) != NULL)
		i = strtol(q + 12, NULL, 10);
	return a + u + i == n;
}

/* ---------------------------------------------------------------- one worker */

typedef struct worker
{
	int			id;
	village    *v;
	int			vi;
	unsigned int seed;
	long		cls[NKINDS][6];
	long		n503;
	long		ok_batches,
				failed_batches;
	double	   *lat[NKINDS];
	size_t		nlat[NKINDS],
				caplat[NKINDS];
	char	   *rows;			/* rows.tsv lines of this worker */
	size_t		rlen,
				rcap;
} worker;

static void
note(worker *w, int k, int status, double ms, const char *body)
{
	w->cls[k][status / 100 <= 5 ? status / 100 : 5]++;
	if (w->nlat[k] == w->caplat[k])
	{
		w->caplat[k] = w->caplat[k] ? w->caplat[k] * 2 : 1024;
		w->lat[k] = realloc(w->lat[k], w->caplat[k] * sizeof(double));
		if (w->lat[k] == NULL)
			die("out of memory");
	}
	w->lat[k][w->nlat[k]++] = ms;
	if (status == 503)
	{
		w->n503++;
		pthread_mutex_lock(&res_lock);
		if (!first_503_written && body)
		{
			char		path[4096];
			FILE	   *f;

			snprintf(path, sizeof(path), "%s/first_503.txt", out_dir);
			if ((f = fopen(path, "w")) != NULL)
			{
				fputs(body, f);
				fclose(f);
			}
			first_503_written = 1;
		}
		pthread_mutex_unlock(&res_lock);
	}
}

static void
add_row(worker *w, const char *fmt,...)
{
	va_list		ap;
	int			n;

	if (w->rcap - w->rlen < 256)
	{
		w->rcap = w->rcap ? w->rcap * 2 : 65536;
		w->rows = realloc(w->rows, w->rcap);
		if (w->rows == NULL)
			die("out of memory");
	}
	va_start(ap, fmt);
	n = vsnprintf(w->rows + w->rlen, w->rcap - w->rlen, fmt, ap);
	va_end(ap);
	w->rlen += (size_t) n;
}

/* grow-as-needed string */
typedef struct sbuf
{
	char	   *p;
	size_t		len,
				cap;
} sbuf;

static void
sb_printf(sbuf *b, const char *fmt,...)
{
	va_list		ap;
	int			n;

	for (;;)
	{
		va_start(ap, fmt);
		n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (b->p && (size_t) n < b->cap - b->len)
		{
			b->len += (size_t) n;
			return;
		}
		b->cap = b->cap * 2 + (size_t) n + 1024;
		b->p = realloc(b->p, b->cap);
		if (b->p == NULL)
			die("out of memory");
	}
}

static void
write_batch(worker *w, conn *c)
{
	village    *v = w->v;
	long		k = atomic_fetch_add(&v->next_batch, 1);
	long		g0 = base + (long) w->vi * FAMILIES_PER_VILLAGE + k * families;
	family	   *fam = calloc((size_t) families, sizeof(family));
	sbuf		kb = {0},
				ab = {0};
	char		path[128];
	char	   *body = NULL;
	int			status,
				stored,
				pasti;
	double		t0;

	if (fam == NULL)
		die("out of memory");
	if ((k + 1) * families > FAMILIES_PER_VILLAGE)
		die("village %s ran out of family numbers (more than %d families)", v->kode, FAMILIES_PER_VILLAGE);
	sb_printf(&kb, "[");
	sb_printf(&ab, "[");
	for (int f = 0; f < families; f++)
	{
		make_family((unsigned long) (g0 + f), &fam[f]);
		sb_printf(&kb, "%s{\"no_kk\":\"%s\",\"rt\":%d,\"rw\":%d,\"air_minum\":\"ledeng\",\"jamban\":\"sendiri\",\"tangki_septik\":true}",
				  f ? "," : "", fam[f].no_kk, f % 20 + 1, f % 5 + 1);
		for (int p = 0; p < 4; p++)
		{
			static const char *const hub[4] = {"kepala", "istri", "anak", "anak"};
			static const char *const jk[4] = {"L", "P", "L", "P"};

			sb_printf(&ab, "%s{\"nik\":\"%s\",\"no_kk\":\"%s\",\"nama\":\"%s\",\"jenis_kelamin\":\"%s\",\"tanggal_lahir\":\"%s\","
					  "\"hubungan\":\"%s\",\"status_kawin\":\"%s\"}",
					  (f || p) ? "," : "", fam[f].nik[p], fam[f].no_kk, fam[f].nama[p], jk[p], fam[f].lahir[p], hub[p],
					  p <= 1 ? "kawin" : "belum_kawin");
		}
	}
	sb_printf(&kb, "]");
	sb_printf(&ab, "]");

	snprintf(path, sizeof(path), "/v1/desa/%s/keluarga", v->kode);
	t0 = now_s();
	status = request(c, "POST", path, v->token, "application/json", kb.p, kb.len, &body);
	note(w, K_KELUARGA, status, (now_s() - t0) * 1000, body);
	stored = status / 100 == 2 && all_stored(body, families);
	pasti = status != 0 && !(status == 503 && body && strstr(body, "\"tidak_pasti\":true"));
	for (int f = 0; f < families; f++)
		add_row(w, "keluarga\t%s\t%ld\t%s\t\t%d\t%d\t%d\n", v->kode, k, fam[f].no_kk, status, stored, pasti);
	free(body);
	body = NULL;
	if (status / 100 == 2)
	{
		pthread_mutex_lock(&v->lock);
		for (int f = 0; f < families; f++)
		{
			v->rows[0]++;
			v->sum[0] += row_hash(fam[f].no_kk, "");
		}
		pthread_mutex_unlock(&v->lock);
	}
	if (status / 100 == 2)
	{
		snprintf(path, sizeof(path), "/v1/desa/%s/anggota", v->kode);
		t0 = now_s();
		status = request(c, "POST", path, v->token, "application/json", ab.p, ab.len, &body);
		note(w, K_ANGGOTA, status, (now_s() - t0) * 1000, body);
		stored = stored && status / 100 == 2 && all_stored(body, families * 4);
		pasti = status != 0 && !(status == 503 && body && strstr(body, "\"tidak_pasti\":true"));
		free(body);
		for (int f = 0; f < families; f++)
			for (int p = 0; p < 4; p++)
				add_row(w, "anggota\t%s\t%ld\t%s\t%s\t%d\t%d\t%d\n", v->kode, k, fam[f].nik[p], fam[f].nama[p], status,
						stored, pasti);
		if (status / 100 == 2)
		{
			pthread_mutex_lock(&v->lock);
			for (int f = 0; f < families; f++)
				for (int p = 0; p < 4; p++)
				{
					v->rows[1]++;
					v->sum[1] += row_hash(fam[f].nik[p], fam[f].nama[p]);
				}
			pthread_mutex_unlock(&v->lock);
		}
	}
	if (stored)
		w->ok_batches++;
	else
		w->failed_batches++;
	free(kb.p);
	free(ab.p);
	free(fam);
}

static void *
work(void *arg)
{
	worker	   *w = arg;
	conn		c = {-1, NULL, 0, 0};
	char		path[160];

	while (now_s() < t_end)
	{
		int			r = (int) (rand_r(&w->seed) % 100);
		double		t0 = now_s();
		int			status;
		char	   *body = NULL;

		if (r < mix[0])
		{
			snprintf(path, sizeof(path), "/v1/desa/%s", w->v->kode);
			status = request(&c, "GET", path, w->v->token, NULL, NULL, 0, &body);
			note(w, K_DESA, status, (now_s() - t0) * 1000, body);
		}
		else if (r < mix[0] + mix[1])
		{
			snprintf(path, sizeof(path), "/v1/desa/%s/profil?periode=%s", w->v->kode, periode);
			status = request(&c, "GET", path, w->v->token, NULL, NULL, 0, &body);
			note(w, K_PROFIL, status, (now_s() - t0) * 1000, body);
		}
		else
		{
			long		failed = w->failed_batches;

			write_batch(w, &c);
			if (w->failed_batches > failed)
				usleep(20 * 1000);
			continue;
		}
		free(body);
		if (status == 0 || status >= 500)
			usleep(20 * 1000);	/* do not spin while the gateway or the database is away */
	}
	conn_close(&c);
	free(c.buf);

	pthread_mutex_lock(&res_lock);
	for (int k = 0; k < NKINDS; k++)
	{
		for (int s = 0; s < 6; s++)
			count_class[k][s] += w->cls[k][s];
		if (nlat[k] + w->nlat[k] > caplat[k])
		{
			caplat[k] = (nlat[k] + w->nlat[k]) * 2;
			lat[k] = realloc(lat[k], caplat[k] * sizeof(double));
			if (lat[k] == NULL)
				die("out of memory");
		}
		if (w->nlat[k])
			memcpy(lat[k] + nlat[k], w->lat[k], w->nlat[k] * sizeof(double));
		nlat[k] += w->nlat[k];
		free(w->lat[k]);
	}
	count_503 += w->n503;
	batches_ok += w->ok_batches;
	batches_failed += w->failed_batches;
	if (w->rlen)
		fwrite(w->rows, 1, w->rlen, rows_out);
	free(w->rows);
	pthread_mutex_unlock(&res_lock);
	return NULL;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

static double
pct(int k, double p)
{
	size_t		i;

	if (nlat[k] == 0)
		return 0;
	i = (size_t) (p / 100.0 * (double) (nlat[k] - 1) + 0.5);
	return lat[k][i];
}

static void
read_villages(void)
{
	FILE	   *f = fopen(villages_file, "r");
	char		line[512];

	if (f == NULL)
		die("cannot read %s: %s", villages_file, strerror(errno));
	while (fgets(line, sizeof(line), f))
	{
		village    *v;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (nvillages == MAX_VILLAGES)
			die("more than %d villages in %s", MAX_VILLAGES, villages_file);
		v = &villages[nvillages];
		if (sscanf(line, "%31s %127s", v->kode, v->token) != 2)
			die("%s: expected lines \"KODE TOKEN\", got: %s", villages_file, line);
		pthread_mutex_init(&v->lock, NULL);
		nvillages++;
	}
	fclose(f);
	if (nvillages == 0)
		die("no villages in %s", villages_file);
}

static int
run_load(void)
{
	pthread_t  *th;
	worker	   *ws;
	char		path[4096];
	FILE	   *f;
	double		t0,
				elapsed;
	long		total = 0,
				transport = 0,
				n5xx = 0;

	if (villages_file == NULL || out_dir == NULL)
		die("run needs --villages FILE and --out DIR");
	read_villages();
	mkdir(out_dir, 0777);
	snprintf(path, sizeof(path), "%s/rows.tsv", out_dir);
	if ((rows_out = fopen(path, "w")) == NULL)
		die("cannot write %s: %s", path, strerror(errno));

	th = calloc((size_t) nconn, sizeof(*th));
	ws = calloc((size_t) nconn, sizeof(*ws));
	if (th == NULL || ws == NULL)
		die("out of memory");
	t0 = now_s();
	t_end = t0 + seconds;
	for (int i = 0; i < nconn; i++)
	{
		ws[i].id = i;
		ws[i].vi = i % nvillages;
		ws[i].v = &villages[ws[i].vi];
		ws[i].seed = (unsigned int) (i * 7919 + 17);
		if (pthread_create(&th[i], NULL, work, &ws[i]) != 0)
			die("cannot start thread %d", i);
	}
	for (int i = 0; i < nconn; i++)
		pthread_join(th[i], NULL);
	elapsed = now_s() - t0;
	fclose(rows_out);

	snprintf(path, sizeof(path), "%s/villages.tsv", out_dir);
	if ((f = fopen(path, "w")) == NULL)
		die("cannot write %s: %s", path, strerror(errno));
	for (int i = 0; i < nvillages; i++)
		for (int k = 0; k < 2; k++)
		{
			fprintf(f, "%s\t%s\t%ld\t", villages[i].kode, k ? "anggota" : "keluarga", villages[i].rows[k]);
			print_u128(f, villages[i].sum[k]);
			fputc('\n', f);
		}
	fclose(f);

	for (int k = 0; k < NKINDS; k++)
	{
		qsort(lat[k], nlat[k], sizeof(double), cmp_double);
		for (int s = 0; s < 6; s++)
			total += count_class[k][s];
		transport += count_class[k][0];
		n5xx += count_class[k][5];
	}
	snprintf(path, sizeof(path), "%s/summary.txt", out_dir);
	if ((f = fopen(path, "w")) == NULL)
		die("cannot write %s: %s", path, strerror(errno));
	fprintf(f, "seconds %.1f\nconnections %d\nrequests %ld\ntransport_errors %ld\nstatus_5xx %ld\nstatus_503 %ld\n"
			"batches_ok %ld\nbatches_failed %ld\n", elapsed, nconn, total, transport, n5xx, count_503, batches_ok, batches_failed);
	for (int k = 0; k < NKINDS; k++)
	{
		fprintf(f, "%s_requests %zu\n%s_per_s %.1f\n", kind_name[k], nlat[k], kind_name[k], nlat[k] / elapsed);
		for (int s = 0; s < 6; s++)
			fprintf(f, "%s_%s %ld\n", kind_name[k], s ? (const char *[]) {"", "1xx", "2xx", "3xx", "4xx", "5xx"}[s] : "transport_errors",
					count_class[k][s]);
		fprintf(f, "%s_p50_ms %.2f\n%s_p99_ms %.2f\n%s_max_ms %.2f\n", kind_name[k], pct(k, 50), kind_name[k], pct(k, 99),
				kind_name[k], nlat[k] ? lat[k][nlat[k] - 1] : 0.0);
	}
	{
		long		rows[2] = {0, 0};

		for (int i = 0; i < nvillages; i++)
			for (int k = 0; k < 2; k++)
				rows[k] += villages[i].rows[k];
		fprintf(f, "keluarga_rows %ld\nanggota_rows %ld\n", rows[0], rows[1]);
		printf("kkb-load: %d connections, %d villages, %.1f s: %ld requests (%.0f/s), %ld transport errors, %ld 5xx (%ld 503)\n",
			   nconn, nvillages, elapsed, total, total / elapsed, transport, n5xx, count_503);
		printf("  %-9s %9s %8s %7s %7s %7s %7s %9s %9s %9s\n", "kind", "requests", "per s", "2xx", "4xx", "5xx", "t.err",
			   "p50 ms", "p99 ms", "max ms");
		for (int k = 0; k < NKINDS; k++)
			printf("  %-9s %9zu %8.1f %7ld %7ld %7ld %7ld %9.2f %9.2f %9.2f\n", kind_name[k], nlat[k], nlat[k] / elapsed,
				   count_class[k][2], count_class[k][4], count_class[k][5], count_class[k][0], pct(k, 50), pct(k, 99),
				   nlat[k] ? lat[k][nlat[k] - 1] : 0.0);
		printf("  write batches: %ld stored whole, %ld not (answered non-2xx or with rows refused); rows answered 2xx: "
			   "%ld families, %ld members\n", batches_ok, batches_failed, rows[0], rows[1]);
	}
	fclose(f);
	return 0;
}

/* ---------------------------------------------------------------- slow clients */

static int
run_slow(void)
{
	int		   *fds = calloc((size_t) slow_clients, sizeof(int));
	double	   *closed_at = calloc((size_t) slow_clients, sizeof(double));
	size_t	   *sent = calloc((size_t) slow_clients, sizeof(size_t));
	static const char req[] = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Langsam: ";
	double		t0 = now_s(),
				next = t0,
				tmin = -1,
				tmax = -1;
	int			open_n = 0,
				nclosed = 0;

	if (fds == NULL || closed_at == NULL || sent == NULL)
		die("out of memory");
	for (int i = 0; i < slow_clients; i++)
	{
		conn		c = {-1, NULL, 0, 0};

		if (conn_open(&c) < 0)
			die("slow client %d could not connect: %s", i, strerror(errno));
		fds[i] = c.fd;
		open_n++;
	}
	while (now_s() < t0 + seconds && nclosed < slow_clients)
	{
		struct pollfd *p = calloc((size_t) slow_clients, sizeof(struct pollfd));
		double		t = now_s();
		int			wait_ms = (int) ((next - t) * 1000);

		if (p == NULL)
			die("out of memory");
		for (int i = 0; i < slow_clients; i++)
		{
			p[i].fd = fds[i];
			p[i].events = POLLIN;
		}
		poll(p, (nfds_t) slow_clients, wait_ms > 0 ? wait_ms : 0);
		t = now_s();
		for (int i = 0; i < slow_clients; i++)
		{
			char		b[512];

			if (fds[i] < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			/* the server closed it (or answered, which it should not before the headers end) */
			if (recv(fds[i], b, sizeof(b), MSG_DONTWAIT) > 0)
				fprintf(stderr, "kkb-load: slow client %d got an answer: %.60s\n", i, b);
			close(fds[i]);
			fds[i] = -1;
			closed_at[i] = t - t0;
			nclosed++;
		}
		free(p);
		if (t >= next)
		{
			for (int i = 0; i < slow_clients; i++)
			{
				char		ch = sent[i] < sizeof(req) - 1 ? req[sent[i]] : 'a';

				if (fds[i] < 0)
					continue;
				if (send(fds[i], &ch, 1, MSG_NOSIGNAL) != 1)
				{
					close(fds[i]);
					fds[i] = -1;
					closed_at[i] = t - t0;
					nclosed++;
					continue;
				}
				sent[i]++;
			}
			next += slow_interval_ms / 1000.0;
		}
	}
	for (int i = 0; i < slow_clients; i++)
	{
		if (fds[i] >= 0)
			close(fds[i]);
		else
		{
			if (tmin < 0 || closed_at[i] < tmin)
				tmin = closed_at[i];
			if (closed_at[i] > tmax)
				tmax = closed_at[i];
		}
	}
	printf("slow_clients %d\nslow_closed %d\nslow_close_min_s %.1f\nslow_close_max_s %.1f\nslow_bytes_max %zu\n",
		   slow_clients, nclosed, tmin, tmax, sent[0]);
	free(fds);
	free(closed_at);
	free(sent);
	return 0;
}

/* ---------------------------------------------------------------- raw */

/* Send stdin as it is, then print what comes back until the server closes (or --seconds pass). */
static int
run_raw(void)
{
	conn		c = {-1, NULL, 0, 0};
	char		buf[65536];
	size_t		n;
	struct timeval tv = {seconds, 0};

	if (conn_open(&c) < 0)
		die("cannot connect to port %d: %s", port, strerror(errno));
	setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		if (send_all(c.fd, buf, n) < 0)
			break;
	for (;;)
	{
		ssize_t		r = recv(c.fd, buf, sizeof(buf), 0);

		if (r <= 0)
		{
			if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
				fprintf(stderr, "kkb-load: no end of the answer within %d s\n", seconds);
			break;
		}
		fwrite(buf, 1, (size_t) r, stdout);
	}
	conn_close(&c);
	return 0;
}

/* ---------------------------------------------------------------- main */

static void
usage(FILE *f)
{
	fprintf(f,
			"Usage: kkb-load run  --port P --villages FILE --out DIR [--seconds N] [--connections N]\n"
			"                     [--mix DESA,PROFIL,WRITE] [--families N] [--base N] [--periode YYYY-MM]\n"
			"       kkb-load slow --port P [--clients N] [--interval-ms N] [--seconds N]\n"
			"       kkb-load raw  --port P [--seconds N]   (sends stdin, prints the answer)\n"
			"See the comment at the top of tests/load/kkb_load.c.\n");
}

static long
num(const char *name, const char *s, long min, long max)
{
	char	   *end;
	long		v = strtol(s, &end, 10);

	if (end == s || *end != '\0' || v < min || v > max)
		die("invalid %s \"%s\": expected a whole number from %ld to %ld", name, s, min, max);
	return v;
}

int
main(int argc, char **argv)
{
	const char *mode;

	if (argc < 2 || strcmp(argv[1], "--help") == 0)
	{
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	mode = argv[1];
	for (int i = 2; i < argc; i++)
	{
		const char *o = argv[i],
				   *a = i + 1 < argc ? argv[i + 1] : NULL;

		if (a == NULL)
			die("%s needs a value", o);
		i++;
		if (strcmp(o, "--port") == 0)
			port = (int) num(o, a, 1, 65535);
		else if (strcmp(o, "--seconds") == 0)
			seconds = (int) num(o, a, 1, 86400);
		else if (strcmp(o, "--connections") == 0)
			nconn = (int) num(o, a, 1, 4096);
		else if (strcmp(o, "--families") == 0)
			families = (int) num(o, a, 1, 1000);
		else if (strcmp(o, "--base") == 0)
			base = num(o, a, 0, 5000000);
		else if (strcmp(o, "--periode") == 0)
			periode = a;
		else if (strcmp(o, "--villages") == 0)
			villages_file = a;
		else if (strcmp(o, "--out") == 0)
			out_dir = a;
		else if (strcmp(o, "--clients") == 0)
			slow_clients = (int) num(o, a, 1, 4096);
		else if (strcmp(o, "--interval-ms") == 0)
			slow_interval_ms = (int) num(o, a, 1, 60000);
		else if (strcmp(o, "--mix") == 0)
		{
			if (sscanf(a, "%d,%d,%d", &mix[0], &mix[1], &mix[2]) != 3 || mix[0] < 0 || mix[1] < 0 || mix[2] < 0 ||
				mix[0] + mix[1] + mix[2] != 100)
				die("invalid --mix \"%s\": expected three percentages adding up to 100, e.g. 45,35,20", a);
		}
		else
		{
			usage(stderr);
			return 2;
		}
	}
	signal(SIGPIPE, SIG_IGN);
	if (strcmp(mode, "run") == 0)
		return run_load();
	if (strcmp(mode, "slow") == 0)
		return run_slow();
	if (strcmp(mode, "raw") == 0)
		return run_raw();
	usage(stderr);
	return 2;
}

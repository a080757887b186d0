/*
 * rekam.c - the record of answers (see rekam.h).
 *
 * One record per answer, written with one write(2) on a file opened with
 * O_APPEND, so that several gateways of one test run can share the file:
 *
 *   {"metode":"GET","rute":"/v1/desa/{kode}","jalur":"/v1/desa/13.77.01.1001","status":200,
 *    "jenis":"application/json; charset=utf-8","panjang":1234}\n
 *   <the body, `panjang` bytes, only for a JSON answer; else nothing>\n
 *
 * The route is the route table's pattern (null when no route matched), so
 * the reader finds the operation of the answer in the API description
 * without matching paths again.
 */
#include "rekam.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "log.h"
#include "request.h"

#define NSTATUS 600

static int	fd = -1;
static int	cap;
static unsigned short *counts;	/* [route + 1][method GET/other][status]: answers recorded so far */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int
gw_rekam_init(const char *file, int per_route)
{
	if (file == NULL || file[0] == '\0')
		return 0;
	counts = calloc((size_t) (gw_nroutes + 1) * 2 * NSTATUS, sizeof(*counts));
	if (counts == NULL)
		return -1;
	fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0)
	{
		gw_log("error", "cannot open the file for --record-responses",
			   json_pack("{s:s, s:s}", "file", file, "error", strerror(errno)));
		free(counts);
		counts = NULL;
		return -1;
	}
	cap = per_route;
	gw_log("info", "recording answers", json_pack("{s:s, s:i}", "file", file, "per_route", per_route));
	return 0;
}

static int
is_json(const char *ctype)
{
	return ctype != NULL && strncmp(ctype, "application/json", 16) == 0;
}

void
gw_rekam(const gw_request *req)
{
	int			route = req->route ? (int) (req->route - gw_routes) + 1 : 0;
	int			get = strcmp(req->method, "GET") == 0 ? 0 : 1;
	size_t		body_len;
	json_t	   *head;
	char	   *line;
	char	   *rec;
	size_t		line_len,
				len;
	int			keep;

	if (fd < 0 || req->status < 100 || req->status >= NSTATUS)
		return;
	pthread_mutex_lock(&lock);
	keep = counts[((size_t) route * 2 + (size_t) get) * NSTATUS + (size_t) req->status] < cap;
	if (keep)
		counts[((size_t) route * 2 + (size_t) get) * NSTATUS + (size_t) req->status]++;
	pthread_mutex_unlock(&lock);
	if (!keep)
		return;

	body_len = is_json(req->content_type) && req->resp_body ? req->resp_len : 0;
	head = json_pack("{s:s, s:o, s:s, s:i, s:o, s:I}", "metode", req->method_sent ? req->method_sent : req->method,
					 "rute", req->route ? json_string(req->route->pattern) : json_null(),
					 "jalur", req->path ? req->path : "", "status", req->status,
					 "jenis", req->content_type ? json_string(req->content_type) : json_null(),
					 "panjang", (json_int_t) body_len);
	line = head ? json_dumps(head, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) : NULL;
	json_decref(head);
	if (line == NULL)
		return;
	line_len = strlen(line);
	len = line_len + 1 + body_len + 1;
	rec = malloc(len);
	if (rec != NULL)
	{
		memcpy(rec, line, line_len);
		rec[line_len] = '\n';
		if (body_len)
			memcpy(rec + line_len + 1, req->resp_body, body_len);
		rec[len - 1] = '\n';
		if (write(fd, rec, len) != (ssize_t) len)
			gw_log("warn", "could not record an answer", json_pack("{s:s}", "error", strerror(errno)));
		free(rec);
	}
	free(line);
}

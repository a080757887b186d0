/*
 * fuzz_gw_json.c - libFuzzer harness for the gateway's request bodies: the
 * JSON (and CSV) checks that turn a body into rows or an object before
 * anything reaches the database (gateway/src/request.c, h_sinkron.c,
 * h_laporan.c).
 *
 * Input: byte 0 picks one of the routes that take a body (GW_RB_ROWS: POST
 * /v1/desa/{kode}/keluarga, anggota, pengukuran, peristiwa; GW_RB_OBJECT: PUT
 * .../profil-kampung/{periode}, penduduk, kkbpk, nilai, POST intervensi),
 * byte 1 the Content-Type and the ?atomik= / ?dry_run= flags; the rest is the
 * body (a NUL-terminated copy, as http.c keeps it).  The route is found with
 * gw_route_match and its handler runs as the server runs it (without the
 * token check): flags, Content-Type, json_loadb or gw_csv_parse, the CSV
 * header's columns, gw_body_object's field list, and for bulk sync every
 * row's check and encoding (prepare_row).  The database is a socket that
 * does not exist, so a body that passes every check ends in 503 there.
 * Also gw_body_object directly, with and without a field list.
 *
 * Aborts when an invariant breaks: the handler always answers, with one of
 * 400/415/422/503 and an error body with a code; JSON rows reach the
 * database (503) exactly when jansson reads the body as an array, CSV rows
 * exactly when gw_csv_parse accepts it with known columns; gw_body_object's
 * object has only allowed fields.
 *
 * Built by tests/fuzz/run.sh with every gateway source but main.c, libpq,
 * jansson and libmicrohttpd (clang -fsanitize=fuzzer,address,undefined).
 */
#include "../../gateway/src/csv.h"
#include "../../gateway/src/db.h"
#include "../../gateway/src/http.h"
#include "../../gateway/src/request.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_gw_fake.h"

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

static const gw_route *body_routes[32];
static int	nbody;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int			i;

	(void) argc;
	(void) argv;
	for (i = 0; i < gw_nroutes && nbody < 32; i++)
		if (gw_routes[i].body != GW_RB_NONE)
			body_routes[nbody++] = &gw_routes[i];
	/* no database: a Unix socket directory that does not exist (no network, fails at once) */
	gw_db_init("host=/nonexistent/kkb-fuzz dbname=kkb_fuzz connect_timeout=1");
	return 0;
}

/* The route's pattern with sample values for its {params}. */
static void
sample_path(const char *pattern, char *out, size_t outlen)
{
	size_t		n = 0;
	const char *p = pattern;

	while (*p && n + 16 < outlen)
	{
		if (*p == '{')
		{
			const char *v = strncmp(p, "{periode}", 9) == 0 ? "2026-11" : "13.77.01.1001";

			memcpy(out + n, v, strlen(v));
			n += strlen(v);
			p = strchr(p, '}') + 1;
		}
		else
			out[n++] = *p++;
	}
	out[n] = '\0';
}

static int
status_of_error(gw_request *req)
{
	json_t	   *doc;

	REQUIRE(req->resp_body != NULL && strlen(req->resp_body) == req->resp_len);
	doc = json_loadb(req->resp_body, req->resp_len, 0, NULL);
	REQUIRE(json_is_object(doc));
	REQUIRE(json_is_string(json_object_get(doc, "code")));
	REQUIRE(json_object_get(doc, "message") != NULL);
	json_decref(doc);
	return req->status;
}

/* Would the handler send these rows to the database?  (An independent reading of the body.) */
static int
rows_acceptable(const char *ctype_kind, const char *body, size_t len, const char *const *cols_known)
{
	if (strcmp(ctype_kind, "json") == 0)
	{
		/* a raw NUL byte is no JSON (jansson's whole-buffer reader lets one through; the gateway refuses it) */
		json_t	   *doc = len && memchr(body, '\0', len) == NULL ? json_loadb(body, len, JSON_REJECT_DUPLICATES, NULL) : NULL;
		int			ok = json_is_array(doc);

		json_decref(doc);
		return ok;
	}
	else
	{
		json_t	   *h,
				   *r;
		char		err[200];
		long		pos;
		int			ok;
		size_t		i;

		if (gw_csv_parse(body, len, &h, &r, err, sizeof(err), &pos) < 0)
			return 0;
		ok = 1;
		for (i = 0; cols_known && i < json_array_size(h); i++)
		{
			const char *const *c;

			for (c = cols_known; *c; c++)
				if (strcmp(*c, json_string_value(json_array_get(h, i))) == 0)
					break;
			if (*c == NULL)
				ok = 0;
		}
		json_decref(h);
		json_decref(r);
		return ok ? 1 : -1;		/* -1: parsed, but some column may be unknown */
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const ctypes[] = {
		"application/json", "text/csv; charset=utf-8", "application/json; charset=UTF-8", "text/plain"
	};
	/* columns every bulk-sync table accepts */
	static const char *const common[] = {"kode_desa", NULL};
	static const char *const allowed[] = {"pus", "kb_aktif", "tanggal", NULL};
	const gw_route *r;
	gw_request	req;
	struct fuzz_conn conn;
	char		path[256];
	int			known,
				status,
				flags;
	const char *ctype;

	if (size < 2 || nbody == 0)
		return 0;
	r = body_routes[data[0] % nbody];
	flags = data[1];
	ctype = ctypes[flags & 3];

	memset(&req, 0, sizeof(req));
	memset(&conn, 0, sizeof(conn));
	req.conn = (struct MHD_Connection *) (void *) &conn;
	req.auth.role = GW_ROLE_ADMIN;	/* a role that may write by-name data (others get 403 first) */
	req.method = r->method;
	sample_path(r->pattern, path, sizeof(path));
	req.path = path;
	req.body_len = size - 2;
	req.body = malloc(req.body_len + 1);
	if (req.body == NULL)
		return 0;
	memcpy(req.body, data + 2, req.body_len);
	req.body[req.body_len] = '\0';
	fuzz_conn_set(&conn, MHD_HEADER_KIND, "Content-Type", ctype);
	fuzz_conn_set(&conn, MHD_GET_ARGUMENT_KIND, "atomik", (flags & 4) ? "true" : NULL);
	fuzz_conn_set(&conn, MHD_GET_ARGUMENT_KIND, "dry_run", (flags & 8) ? "1" : NULL);
	fuzz_conn_set(&conn, MHD_GET_ARGUMENT_KIND, "atomik", (flags & 16) ? "ya" : NULL);

	req.route = gw_route_match(&req, req.method, req.path, &known);
	REQUIRE(req.route == r);

	/* the handler, as dispatch() runs it */
	r->handler(&req);
	status = status_of_error(&req);
	REQUIRE(status == 400 || status == 415 || status == 422 || status == 503);
	if (r->body == GW_RB_ROWS && !(flags & 16))
	{
		if ((flags & 3) == 3)
			REQUIRE(status == 415);
		else
		{
			int			ok = rows_acceptable((flags & 3) == 1 ? "csv" : "json", req.body, req.body_len, common);

			if (ok == 1)
				REQUIRE(status == 503);
			else if (ok == 0)
				REQUIRE(status != 503);
		}
	}
	free(req.resp_body);
	req.resp_body = NULL;

	/* gw_body_object on its own, with a field list and without */
	{
		json_t	   *obj;
		int			rc = gw_body_object(&req, (flags & 32) ? allowed : NULL, &obj);

		if (rc == 0)
		{
			const char *key;
			json_t	   *val;

			REQUIRE((flags & 3) != 1 && (flags & 3) != 3);
			REQUIRE(json_is_object(obj) && req.resp_body == NULL);
			if (flags & 32)
				json_object_foreach(obj, key, val)
				{
				const char *const *a;

				(void) val;
				for (a = allowed; *a && strcmp(*a, key) != 0; a++)
					;
				REQUIRE(*a != NULL);
				}
			json_decref(obj);
		}
		else
		{
			REQUIRE(rc == -1 && obj == NULL);
			status = status_of_error(&req);
			REQUIRE(status == 400 || status == 415 || status == 422);
			free(req.resp_body);
		}
	}

	free(req.body);
	return 0;
}

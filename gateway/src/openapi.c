/*
 * openapi.c - GET /openapi.json, built from the route table: one operation
 * per route with its path and query parameters, request body, success
 * response and the error responses that route can give, all sharing the one
 * error body schema.  The bodies of the API functions (what each answers,
 * what a PUT or POST takes) are not written here: they are kept with the
 * functions in the database (kkb.api_skema) and merged in by name.
 */
#include "openapi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "request.h"

/* What each query parameter of the route table means. */
static const struct
{
	const char *name;
	const char *description;
	const char *pattern;
	const char *type;			/* "string", "integer" or "boolean" */
}			query_params[] = {
	{"induk", "Parent region code, e.g. 13.77 (the provinces when absent)", NULL, "string"},
	{"wilayah", "Region code, e.g. 13.77 (default: the token's scope)", NULL, "string"},
	{"periode", "Month YYYY-MM (default: the current month, UTC)", "^[0-9]{4}-(0[1-9]|1[0-2])$", "string"},
	{"limit", "Rows per page, 1 to 1000 (default 100)", NULL, "integer"},
	{"offset", "Rows to skip (default 0)", NULL, "integer"},
	{"opd", "Agency (OPD) code", NULL, "string"},
	{"tingkat", "Level of the rows: 2 regency/city, 3 kecamatan (district), 4 village (default: one level below the region)", NULL, "integer"},
	{"acuan", "Reference date of the stunting-risk assessment (YYYY-MM-DD, default today)", NULL, "string"},
	{"cari", "Part of a member's name (any case), or the first digits of a NIK or No. KK (at most 64 characters)", NULL, "string"},
	{"umur_maks", "Only members younger than this many months (60: the under-fives)", NULL, "integer"},
	{"dry_run", "Validate every row, then write nothing", NULL, "boolean"},
	{"atomik", "All or nothing: any rejected row -> nothing is written (422 with the summary)", NULL, "boolean"},
	{"baru", "The rows are new records (a phone's queue of records entered offline): a row whose key is already stored with "
	 "other values is refused (KKB-SUDAH-TERSIMPAN, the stored row as sekarang) instead of written over", NULL, "boolean"},
};

/*
 * One query parameter: its description and type from the table above, and
 * from the route's argument what the gateway checks (bounds and defaults of
 * whole numbers and paging, dates).
 */
static void
query_param(json_t *params, const gw_arg *g)
{
	for (size_t i = 0; i < sizeof(query_params) / sizeof(query_params[0]); i++)
	{
		json_t	   *schema;

		if (strcmp(query_params[i].name, g->name) != 0)
			continue;
		schema = json_pack("{s:s}", "type", query_params[i].type);
		if (query_params[i].pattern)
			json_object_set_new(schema, "pattern", json_string(query_params[i].pattern));
		if (g->kind == GW_ARG_INT)
		{
			json_object_set_new(schema, "minimum", json_integer(g->min));
			json_object_set_new(schema, "maximum", json_integer(g->max));
		}
		else if (g->kind == GW_ARG_LIMIT)
		{
			json_object_set_new(schema, "minimum", json_integer(1));
			json_object_set_new(schema, "maximum", json_integer(GW_LIMIT_MAX));
			json_object_set_new(schema, "default", json_integer(GW_LIMIT_DEFAULT));
		}
		else if (g->kind == GW_ARG_OFFSET)
		{
			json_object_set_new(schema, "minimum", json_integer(0));
			json_object_set_new(schema, "default", json_integer(0));
		}
		else if (g->kind == GW_ARG_DATE)
			json_object_set_new(schema, "format", json_string("date"));
		json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:o}", "name", query_params[i].name,
												"in", "query", "required", 0,
												"description", query_params[i].description, "schema", schema));
		return;
	}
}

/* The error statuses a route can answer, and what they mean. */
static const struct
{
	int			status;
	const char *description;
}			errors[] = {
	{400, "Bad input: a malformed parameter, value or body (e.g. KKB-PERIODE-FORMAT, KKB-JSON-RUSAK, KKB-NIK-TIDAK-SAH)"},
	{401, "Missing, unknown, expired or revoked bearer token (KKB-TOKEN-TIDAK-ADA, -TIDAK-SAH, -KEDALUWARSA, -DICABUT)"},
	{403, "The token's role may not do this (e.g. KKB-TIDAK-BERHAK, KKB-DI-LUAR-CAKUPAN)"},
	{404, "No such resource, or it is outside the token's scope (KKB-TIDAK-DITEMUKAN, KKB-RUTE-TIDAK-ADA)"},
	{409, "Conflict: a unique key, a reference or a locked month (e.g. KKB-PERIODE-TERKUNCI, KKB-KKBPK-DESA-TIDAK-ADA)"},
	{410, "Gone: the sign-in code was already used, has expired or is unknown - one answer for all three (KKB-TAUTAN-TIDAK-BERLAKU)"},
	{412, "Precondition failed: the row changed since the version If-Match names, or a row was stored where If-None-Match: * "
	 "expected none (KKB-VERSI-BERUBAH, KKB-LAPORAN-BERUBAH, KKB-LAPORAN-SUDAH-ADA); the body adds versi_dikirim, "
	 "versi_sekarang and the stored row (sekarang)"},
	{413, "The request body is larger than the gateway accepts"},
	{415, "Unsupported Content-Type"},
	{422, "The body is well-formed but breaks a rule of the data (e.g. KKB-KKBPK-KB-PIL-NEGATIF, KKB-WAJIB-DIISI); kolom names the field"},
	{428, "Precondition required: a change of an existing row needs If-Match with the version read (KKB-VERSI-DIPERLUKAN)"},
	{429, "Rate limit used up (per token for reads and for writes, per address without a token); see Retry-After"},
	{500, "Internal error (no internal detail is returned)"},
	{503, "The database is unavailable, a serialization failure persisted after a retry, a statement ran past the "
	 "statement timeout (KKB-WAKTU-HABIS), or, for an expensive read (x-kkb-cost > 1), the places for expensive "
	 "reads are taken (KKB-SIBUK); see Retry-After"},
};

/*
 * Does the route take a version the client read (If-Match, If-None-Match on a write:
 * optimistic concurrency, 412 when the row changed since)?  2 when it needs it (428 without).
 */
static int
jika(const gw_route *r)
{
	int			n = 0;

	for (int a = 0; a < GW_MAX_ARGS && r->args[a].kind != GW_ARG_NONE; a++)
		if (r->args[a].kind == GW_ARG_HEADER && r->args[a].name && strncmp(r->args[a].name, "If-", 3) == 0)
			n = r->args[a].required ? 2 : (n > 0 ? n : 1);
	return n;
}

static int
status_cmp(const void *a, const void *b)
{
	return *(const int *) a - *(const int *) b;
}

static json_t *
ref(const char *what)
{
	return json_pack("{s:s}", "$ref", what);
}

static json_t *
error_schema(void)
{
	return json_pack("{s:s, s:[s,s,s,s], s:{s:{s:s, s:s}, s:{s:s, s:s}, s:{s:s, s:b}, s:{s:s, s:b},"
					 " s:{s:s, s:b, s:s}, s:{s:s, s:s}, s:{s:s, s:s}, s:{s:s, s:s}}}",
					 "type", "object",
					 "required", "code", "message", "details", "hint",
					 "properties",
					 "code", "type", "string", "description",
					 "A stable code of the error registry kkb.galat (SELECT kode, pesan, kolom FROM kkb.galat lists them), "
					 "specific to the condition: e.g. KKB-KKBPK-KB-PIL-NEGATIF, KKB-PERIODE-TERKUNCI, KKB-PERIODE-FORMAT",
					 "message", "type", "string", "description",
					 "For people: Indonesian, or English when Accept-Language prefers English",
					 "details", "type", "string", "nullable", 1,
					 "hint", "type", "string", "nullable", 1,
					 "kolom", "type", "string", "nullable", 1, "description",
					 "The field (column) the error is about, so that a form can show the message there; null when none",
					 "sqlstate", "type", "string", "description", "For an error of the database: its SQLSTATE (e.g. 23514)",
					 "posisi", "type", "integer", "description", "Byte offset of a malformed body",
					 "parameter", "type", "string", "description", "The query or path parameter at fault");
}

static json_t *
summary_schema(void)
{
	json_t	   *konflik = json_pack("{s:s, s:{s:{s:s, s:i}, s:{s:s}, s:{s:s}, s:{s:s, s:b}, s:{s:s, s:b}, s:{s:s, s:s}}}",
									"type", "object", "properties",
									"baris", "type", "integer", "minimum", 1,
									"kunci", "type", "object",
									"kode", "type", "string",
									"pesan", "type", "string", "nullable", 1,
									"kolom", "type", "string", "nullable", 1,
									"sekarang", "type", "object", "description",
									"baru=true, KKB-SUDAH-TERSIMPAN: the row as stored");

	return json_pack("{s:s, s:[s,s,s,s,s], s:{s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s, s:o},"
					 " s:{s:s, s:{s:s}}, s:{s:s}, s:{s:s}, s:{s:s}}}",
					 "type", "object",
					 "required", "diimpor", "diperbarui", "diabaikan", "ditolak", "konflik",
					 "properties",
					 "diimpor", "type", "integer",
					 "diperbarui", "type", "integer",
					 "diabaikan", "type", "integer",
					 "ditolak", "type", "integer",
					 "konflik", "type", "array", "items", konflik,
					 "hasil", "type", "array", "items", "type", "object",
					 "dry_run", "type", "boolean",
					 "atomik", "type", "boolean",
					 "disimpan", "type", "boolean");
}

static json_t *
json_content(json_t *schema)
{
	return json_pack("{s:{s:o}}", "application/json", "schema", schema);
}

/* operationId: method and path, letters and digits only, e.g. get_v1_desa_kode_profil */
static void
operation_id(const gw_route *r, char *buf, size_t len)
{
	size_t		n = 0;
	const char *p;

	for (p = r->method; *p && n + 1 < len; p++)
		buf[n++] = (char) (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	for (p = r->pattern; *p && n + 1 < len; p++)
	{
		char		c = *p;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf[n++] = c;
		else if ((c == '/' || c == '-' || c == '.') && n > 0 && buf[n - 1] != '_')
			buf[n++] = '_';
	}
	while (n > 0 && buf[n - 1] == '_')
		n--;
	buf[n] = '\0';
}

static const char *
path_param_description(const char *name)
{
	if (strcmp(name, "periode") == 0)
		return "Month YYYY-MM";
	if (strcmp(name, "versi") == 0)
		return "Version of the dashboard's files (a hash of their content, named by index.html)";
	if (strcmp(name, "nama") == 0)
		return "File name, e.g. main.js";
	return "Region or village code, dotted (13.77.01.1001) or not (1377011001)";
}

/*
 * The success content of a route that names its media types (r->produces:
 * one, or several separated by commas; parameters after ';' are dropped):
 * {"text/plain": {"schema": {"type": "string"}}, ...}.
 */
static json_t *
produces_content(const char *produces)
{
	json_t	   *content = json_object();
	const char *p = produces;

	while (*p)
	{
		size_t		n = strcspn(p, ",;");
		char		type[64];

		if (n > 0 && n < sizeof(type))
		{
			memcpy(type, p, n);
			type[n] = '\0';
			json_object_set_new(content, type, json_pack("{s:{s:s}}", "schema", "type", "string"));
		}
		p += n;
		if (*p == ';')
			p += strcspn(p, ",");
		while (*p == ',' || *p == ' ')
			p++;
	}
	return content;
}

/* The schema the database keeps for `function` under `kind` ("jawaban", "permintaan"), or NULL. */
static json_t *
db_schema(json_t *skema, const char *kind, const char *function)
{
	json_t	   *s = function ? json_object_get(json_object_get(skema, kind), function) : NULL;

	return s ? json_deep_copy(s) : NULL;
}

/*
 * The JSON schema of a route's answer: the database's for its function (or,
 * for a route the gateway answers itself, under "METHOD pattern"), else any
 * object.
 */
static json_t *
answer_schema(json_t *skema, const gw_route *r)
{
	char		name[160];
	json_t	   *s;

	if (r->function == NULL)
		snprintf(name, sizeof(name), "%s %s", r->method, r->pattern);
	s = db_schema(skema, "jawaban", r->function ? r->function : name);
	return s ? s : json_pack("{s:s}", "type", "object");
}

static json_t *
operation(const gw_route *r, json_t *skema)
{
	json_t	   *op = json_object();
	json_t	   *params = json_array();
	json_t	   *responses = json_object();
	char		id[160];
	char		tag[40];
	const char *p;
	size_t		i;
	int			route_errors[16];
	int			nerr = 0;
	char		code[8];

	operation_id(r, id, sizeof(id));
	json_object_set_new(op, "operationId", json_string(id));
	json_object_set_new(op, "summary", json_string(r->summary ? r->summary : r->pattern));
	/* tag: the first segment after /v1 (or the first segment) */
	p = strncmp(r->pattern, "/v1/", 4) == 0 ? r->pattern + 4 : r->pattern + 1;
	for (i = 0; p[i] && p[i] != '/' && i + 1 < sizeof(tag); i++)
		tag[i] = p[i];
	tag[i] = '\0';
	if (tag[0] == '\0' || strcmp(tag, "assets") == 0)
		strcpy(tag, "web");
	json_object_set_new(op, "tags", json_pack("[s]", tag));
	if (r->csv)
	{
		char		desc[640];

		snprintf(desc, sizeof(desc), "Also as files (same parameters and paging; errors stay JSON): CSV with Accept: "
				 "text/csv or GET %s.csv; CSV for a spreadsheet in an Indonesian locale with GET %s.csv?format=excel "
				 "(UTF-8 with BOM, ';', decimal comma, nested values flattened into columns, codes kept as text with "
				 "=\"...\"); an Excel workbook with GET %s.xlsx (text cells for codes, numbers as numbers).",
				 r->pattern, r->pattern, r->pattern);
		json_object_set_new(op, "description", json_string(desc));
	}

	/* path parameters, in order */
	for (p = strchr(r->pattern, '{'); p; p = strchr(p + 1, '{'))
	{
		const char *e = strchr(p, '}');
		char		name[32];
		json_t	   *schema;

		if (e == NULL || (size_t) (e - p - 1) >= sizeof(name))
			break;
		memcpy(name, p + 1, (size_t) (e - p - 1));
		name[e - p - 1] = '\0';
		schema = json_pack("{s:s}", "type", "string");
		if (strcmp(name, "periode") == 0)
			json_object_set_new(schema, "pattern", json_string("^[0-9]{4}-(0[1-9]|1[0-2])$"));
		json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:o}", "name", name, "in", "path", "required", 1,
												"description", path_param_description(name), "schema", schema));
	}
	/* query parameters: an API route's from its function's arguments, another route's from its list */
	if (r->function)
	{
		json_object_set_new(op, "x-kkb-function", json_string(r->function));
		/* an expensive read: what it costs of the token's read limit (gw_route.berat) */
		json_object_set_new(op, "x-kkb-cost", json_integer(r->berat > 1 ? r->berat : 1));
		for (int a = 0; a < GW_MAX_ARGS && r->args[a].kind != GW_ARG_NONE; a++)
		{
			const gw_arg *g = &r->args[a];

			if (g->kind == GW_ARG_HEADER && g->name && strcmp(g->name, "If-Match") == 0)
				json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "name", "If-Match", "in", "header",
														"required", 0, "description",
														g->required ?
														"The version (versi) of the row as read, as an entity tag \"<versi>\" (or * for "
														"whatever is stored): 412 when the row changed since, 428 when absent" :
														"The version (versi) of the row as read, as an entity tag \"<versi>\": 412 when "
														"the row changed since (without it, the body replaces whatever is stored)",
														"schema", "type", "string"));
			if (g->kind == GW_ARG_HEADER && g->name && strcmp(g->name, "If-None-Match") == 0)
				json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "name", "If-None-Match", "in", "header",
														"required", 0, "description",
														"* when the client read nothing there: 412 when a row was stored since",
														"schema", "type", "string"));
			if (g->kind == GW_ARG_PATH || g->kind == GW_ARG_PATH_MONTH || g->kind == GW_ARG_BODY ||
				g->kind == GW_ARG_TOKEN_AGENCY || g->kind == GW_ARG_HEADER || g->name == NULL)
				continue;
			query_param(params, g);
		}
	}
	for (p = r->function ? NULL : r->query; p && *p;)
	{
		size_t		n = strcspn(p, " ");
		char		name[32];
		gw_arg		g = {GW_ARG_TEXT, name, 0, 0, 0, NULL, 0};

		if (n < sizeof(name))
		{
			memcpy(name, p, n);
			name[n] = '\0';
			query_param(params, &g);
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	if (r->cache != GW_CACHE_NONE || r->web_file)
		json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "name", "If-None-Match", "in", "header",
												"required", 0, "description",
												"The ETag of an earlier answer: 304 without a body while the data it was computed from is unchanged",
												"schema", "type", "string"));
	if (r->idempoten)
		json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:{s:s, s:i, s:i, s:s}}", "name", "Idempotency-Key", "in", "header",
												"required", 0, "description",
												"A key of the client's (e.g. a UUID per record): a repeat with the same key and body gets the first answer "
												"(Idempotent-Replayed: true) and writes nothing; the key with another body is 422 KKB-IDEMPOTENSI-BEDA",
												"schema", "type", "string", "minLength", 1, "maxLength", 255, "pattern", "^[!-~]+$"));
	if (json_array_size(params) > 0)
		json_object_set_new(op, "parameters", params);
	else
		json_decref(params);

	/* request body */
	if (r->body == GW_RB_OBJECT)
	{
		json_t	   *body = db_schema(skema, "permintaan", r->function);

		json_object_set_new(op, "requestBody",
							json_pack("{s:b, s:o}", "required", 1, "content",
									  json_content(body ? body : json_pack("{s:s}", "type", "object"))));
	}
	else if (r->body == GW_RB_ROWS)
		json_object_set_new(op, "requestBody",
							json_pack("{s:b, s:s, s:{s:{s:{s:s, s:{s:s}}}, s:{s:{s:s}}}}", "required", 1,
									  "description", "The rows: a JSON array of objects (column: value), or CSV with a header row naming the columns, UTF-8",
									  "content",
									  "application/json", "schema", "type", "array", "items", "type", "object",
									  "text/csv", "schema", "type", "string"));

	/* success */
	snprintf(code, sizeof(code), "%d", r->success ? r->success : 200);
	if (r->produces)
		json_object_set_new(responses, code,
							json_pack("{s:s, s:o}", "description", "Success", "content", produces_content(r->produces)));
	else if (r->body == GW_RB_ROWS)
		json_object_set_new(responses, code,
							json_pack("{s:s, s:o}", "description", "The import summary",
									  "content", json_content(ref("#/components/schemas/RingkasanImpor"))));
	else if (r->csv)
		json_object_set_new(responses, code,
							json_pack("{s:s, s:{s:{s:o}, s:{s:{s:s, s:s}}, s:{s:{s:s, s:s}}}, s:{s:{s:s, s:{s:s}}}}",
									  "description", "Success: the JSON document, or with Accept: text/csv (or the path with .csv "
									  "appended) its data rows as CSV (RFC 4180, UTF-8, CRLF, a header row; strings quoted, "
									  "nested values as JSON text; the same paging); with .csv?format=excel the spreadsheet "
									  "flavour; with .xlsx an Excel workbook",
									  "content",
									  "application/json", "schema", answer_schema(skema, r),
									  "text/csv", "schema", "type", "string", "description",
									  "A header row of the column names, then one record per row",
									  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "schema", "type", "string",
									  "format", "binary",
									  "headers", "Content-Disposition", "description",
									  "With a file form: attachment; filename=\"<path>.csv\" (or .xlsx)", "schema", "type", "string"));
	else
		json_object_set_new(responses, code,
							json_pack("{s:s, s:o}", "description", "Success",
									  "content", json_content(answer_schema(skema, r))));
	if (r->cache != GW_CACHE_NONE || r->web_file)
		json_object_set_new(responses, "304",
							json_pack("{s:s, s:{s:{s:s, s:{s:s}}}}", "description",
									  "Not modified: If-None-Match named the current ETag (no body)",
									  "headers", "ETag", "description", "The entity tag of the answer", "schema", "type", "string"));
	/* a PUT that replaces a month may create it (201); one that needs If-Match only changes a stored row */
	if (r->method[0] == 'P' && r->method[1] == 'U' && jika(r) != 2)
		json_object_set_new(responses, "201",
							json_pack("{s:s, s:o}", "description", "Created",
									  "content", json_content(answer_schema(skema, r))));

	/* errors */
	if (r->access == GW_OPEN)
		route_errors[nerr++] = 500;
	else
	{
		route_errors[nerr++] = 400;
		route_errors[nerr++] = 401;
		route_errors[nerr++] = 403;
		route_errors[nerr++] = 404;
		if (strcmp(r->method, "GET") != 0)
			route_errors[nerr++] = 409;
		if (jika(r))
			route_errors[nerr++] = 412;
		if (r->body != GW_RB_NONE)
		{
			route_errors[nerr++] = 413;
			route_errors[nerr++] = 415;
			route_errors[nerr++] = 422;
		}
		if (jika(r) == 2)
			route_errors[nerr++] = 428;
		route_errors[nerr++] = 429;
		route_errors[nerr++] = 500;
		route_errors[nerr++] = 503;
	}
	/* the route's own (gw_route.statuses), then all in order */
	for (i = 0; i < sizeof(r->statuses) / sizeof(r->statuses[0]) && r->statuses[i]; i++)
		route_errors[nerr++] = r->statuses[i];
	qsort(route_errors, (size_t) nerr, sizeof(route_errors[0]), status_cmp);
	for (i = 0; i < (size_t) nerr; i++)
	{
		snprintf(code, sizeof(code), "%d", route_errors[i]);
		if (route_errors[i] == r->status_same_body)
			json_object_set_new(responses, code,
								json_pack("{s:s, s:o}", "description",
										  "The database cannot be reached: the same body, saying so in database",
										  "content", json_content(answer_schema(skema, r))));
		else if (route_errors[i] == 422 && r->body == GW_RB_ROWS)
			json_object_set_new(responses, code,
								json_pack("{s:s, s:o}", "description",
										  "atomik=true and a row was rejected (the summary; nothing written), or the body is not an array of rows",
										  "content", json_content(json_pack("{s:[o,o]}", "oneOf",
																			ref("#/components/schemas/RingkasanImpor"),
																			ref("#/components/schemas/Error")))));
		else
		{
			char		target[48];

			snprintf(target, sizeof(target), "#/components/responses/E%d", route_errors[i]);
			json_object_set_new(responses, code, ref(target));
		}
	}
	json_object_set_new(op, "responses", responses);

	if (r->access == GW_TOKEN)
		json_object_set_new(op, "security", json_pack("[{s:[]}]", "bearer"));
	else if (r->access == GW_TOKEN_OPTIONAL)
		json_object_set_new(op, "security", json_pack("[{}, {s:[]}]", "bearer"));
	else
		json_object_set_new(op, "security", json_array());
	return op;
}

json_t *
gw_openapi_doc(json_t *skema)
{
	json_t	   *doc;
	json_t	   *paths = json_object();
	json_t	   *responses = json_object();
	size_t		i;
	int			r;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
	{
		char		name[8];

		snprintf(name, sizeof(name), "E%d", errors[i].status);
		json_object_set_new(responses, name,
							json_pack("{s:s, s:o}", "description", errors[i].description,
									  "content", json_content(ref("#/components/schemas/Error"))));
	}
	for (r = 0; r < gw_nroutes; r++)
	{
		const gw_route *rt = &gw_routes[r];
		json_t	   *item = json_object_get(paths, rt->pattern);
		char		method[8];
		size_t		k;

		if (item == NULL)
		{
			item = json_object();
			json_object_set_new(paths, rt->pattern, item);
		}
		for (k = 0; rt->method[k] && k + 1 < sizeof(method); k++)
			method[k] = (char) (rt->method[k] >= 'A' && rt->method[k] <= 'Z' ? rt->method[k] + 32 : rt->method[k]);
		method[k] = '\0';
		json_object_set_new(item, method, operation(rt, skema));
	}

	doc = json_pack("{s:s, s:{s:s, s:s, s:s}, s:[{s:s}], s:o, s:{s:{s:{s:s, s:s, s:s}}, s:{s:o, s:o}, s:o}}",
					"openapi", "3.0.3",
					"info", "title", "kampungkb REST gateway", "version", "1.0.0",
					"description", "The API of kampungkb (Kampung KB data and scoring in PostgreSQL). Every non-2xx answer "
					"has the body {code, message, details, hint, kolom}: code is a stable code of the error registry "
					"(kkb.galat), message is Indonesian (English for Accept-Language: en), kolom names the field concerned.",
					"servers", "url", "/",
					"paths", paths,
					"components",
					"securitySchemes", "bearer", "type", "http", "scheme", "bearer",
					"description", "A token made with kkb.token_buat(); sent as Authorization: Bearer <token>",
					"schemas", "Error", error_schema(), "RingkasanImpor", summary_schema(),
					"responses", responses);
	/* the shared parts of the database's schemas (referred to as #/components/schemas/<name>) */
	if (doc && json_is_object(json_object_get(skema, "komponen")))
		json_object_update_missing(json_object_get(json_object_get(doc, "components"), "schemas"),
								   json_object_get(skema, "komponen"));
	return doc;
}

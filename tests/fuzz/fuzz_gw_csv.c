/*
 * fuzz_gw_csv.c - libFuzzer harness for the gateway's CSV reader and writer
 * (gateway/src/csv.c), the code behind text/csv bodies (POST /v1/desa/{kode}/
 * keluarga, ...) and the CSV exports.
 *
 * The raw input (an exact-size copy, not NUL-terminated) goes to:
 *   gw_utf8_invalid_at   must agree with jansson's own UTF-8 check
 *   gw_csv_parse         a distinct, non-empty header; each row an object
 *                        with exactly the header's columns, or a string (the
 *                        reason it does not fit); an error has a message and
 *                        an offset within the input
 *   gw_csv_write         of the parsed object rows, parsed again, gives the
 *                        same header and the same rows (round trip), but for
 *                        the apostrophe before text a spreadsheet would read
 *                        as a formula (gw_csv_formula_start)
 *   gw_csv_write         of the input read as JSON, when it is JSON: valid
 *                        UTF-8 out, and no crash whatever the values are;
 *                        gw_csv_write_excel the same, after its byte-order mark
 * Aborts when an invariant breaks.
 *
 * Built by tests/fuzz/run.sh with every gateway source but main.c, libpq,
 * jansson and libmicrohttpd (clang -fsanitize=fuzzer,address,undefined).
 */
#include "../../gateway/src/csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

/* A text as the writer neutralises it: with a leading apostrophe when it could start a
 * formula or starts with an apostrophe itself. */
static json_t *
neutralised_text(const char *s, size_t n)
{
	char	   *t;
	json_t	   *j;

	REQUIRE(gw_csv_apostrophe(s, n) == (gw_csv_formula_start(s, n) || (n > 0 && s[0] == '\'')));
	if (!gw_csv_apostrophe(s, n))
		return json_stringn(s, n);
	t = malloc(n + 1);
	REQUIRE(t != NULL);
	t[0] = '\'';
	memcpy(t + 1, s, n);
	j = json_stringn(t, n + 1);
	free(t);
	return j;
}

/* The rows as the CSV writer's output reads back: names and text values neutralised. */
static json_t *
neutralised_rows(json_t *rows)
{
	json_t	   *out = json_array();
	size_t		i;

	for (i = 0; i < json_array_size(rows); i++)
	{
		json_t	   *o = json_object();
		const char *k;
		json_t	   *v;
		json_t	   *nk;

		json_object_foreach(json_array_get(rows, i), k, v)
		{
			nk = neutralised_text(k, strlen(k));
			json_object_set_new(o, json_string_value(nk),
								json_is_string(v) ? neutralised_text(json_string_value(v), json_string_length(v)) : json_incref(v));
			json_decref(nk);
		}
		json_array_append_new(out, o);
	}
	return out;
}

/* Parse; on success check the shape of the result. */
static int
parse_checked(const char *buf, size_t len, json_t **header, json_t **rows)
{
	char		err[200];
	long		pos = -2;
	size_t		i,
				j;
	int			rc;

	memset(err, 'x', sizeof(err));
	rc = gw_csv_parse(buf, len, header, rows, err, sizeof(err), &pos);
	if (rc != 0)
	{
		REQUIRE(rc == -1 && *header == NULL && *rows == NULL);
		REQUIRE(memchr(err, '\0', sizeof(err)) != NULL && err[0] != '\0');
		REQUIRE(pos >= 0 && (size_t) pos <= len);
		return -1;
	}
	REQUIRE(json_is_array(*header) && json_array_size(*header) > 0 && json_is_array(*rows));
	for (i = 0; i < json_array_size(*header); i++)
	{
		json_t	   *h = json_array_get(*header, i);

		REQUIRE(json_is_string(h) && json_string_length(h) > 0);
		for (j = 0; j < i; j++)
			REQUIRE(strcmp(json_string_value(h), json_string_value(json_array_get(*header, j))) != 0);
	}
	for (i = 0; i < json_array_size(*rows); i++)
	{
		json_t	   *r = json_array_get(*rows, i);

		if (json_is_string(r))
			continue;			/* a record with the wrong number of fields */
		REQUIRE(json_is_object(r) && json_object_size(r) == json_array_size(*header));
		for (j = 0; j < json_array_size(*header); j++)
		{
			json_t	   *v = json_object_get(r, json_string_value(json_array_get(*header, j)));

			REQUIRE(v != NULL && (json_is_null(v) || json_is_string(v)));
		}
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *buf = malloc(size ? size : 1);
	json_t	   *header,
			   *rows;
	long		bad;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);

	/* the UTF-8 check against jansson's (which accepts NUL inside strings too) */
	bad = gw_utf8_invalid_at(buf, size);
	REQUIRE(bad == -1 || (bad >= 0 && (size_t) bad < size));
	{
		json_t	   *s = json_stringn(buf, size);

		REQUIRE((bad == -1) == (s != NULL));
		json_decref(s);
	}

	if (parse_checked(buf, size, &header, &rows) == 0)
	{
		json_t	   *objs = json_array();
		size_t		i;
		char	   *text;
		size_t		len = 0;

		for (i = 0; i < json_array_size(rows); i++)
			if (json_is_object(json_array_get(rows, i)))
				json_array_append(objs, json_array_get(rows, i));
		text = gw_csv_write(objs, &len);
		REQUIRE(text != NULL && strlen(text) <= len);
		if (json_array_size(objs) > 0)
		{
			json_t	   *h2,
					   *r2;

			/* no string rows this time: every record fits */
			REQUIRE(parse_checked(text, len, &h2, &r2) == 0);
			REQUIRE(json_array_size(h2) == json_array_size(header));
			for (i = 0; i < json_array_size(h2); i++)
			{
				json_t	   *hv = json_array_get(header, i);
				json_t	   *want = neutralised_text(json_string_value(hv), json_string_length(hv));

				REQUIRE(strcmp(json_string_value(json_array_get(h2, i)), json_string_value(want)) == 0);
				json_decref(want);
			}
			{
				json_t	   *want = neutralised_rows(objs);

				REQUIRE(json_equal(r2, want));
				json_decref(want);
			}
			json_decref(h2);
			json_decref(r2);
		}
		else
			REQUIRE(len == 0);
		free(text);
		json_decref(objs);
		json_decref(header);
		json_decref(rows);
	}

	/* the writer on whatever JSON the input is (the exports' "data" rows) */
	{
		json_t	   *doc = json_loadb(buf, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

		if (doc)
		{
			size_t		len = 0;
			char	   *text = gw_csv_write(doc, &len);

			REQUIRE(text != NULL);
			REQUIRE(gw_utf8_invalid_at(text, len) == -1);
			free(text);
			/* the spreadsheet flavour: a byte-order mark, then valid UTF-8 */
			text = gw_csv_write_excel(doc, &len);
			REQUIRE(text != NULL && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0);
			REQUIRE(gw_utf8_invalid_at(text, len) == -1);
			free(text);
			json_decref(doc);
		}
	}

	free(buf);
	return 0;
}

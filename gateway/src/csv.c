/*
 * csv.c - a small, strict CSV reader (see csv.h).
 */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long
gw_utf8_invalid_at(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *) buf;
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n,
					k;
		unsigned long cp;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
		{
			n = 1;
			cp = c & 0x1F;
		}
		else if (c >= 0xE0 && c <= 0xEF)
		{
			n = 2;
			cp = c & 0x0F;
		}
		else if (c >= 0xF0 && c <= 0xF4)
		{
			n = 3;
			cp = c & 0x07;
		}
		else
			return (long) i;
		for (k = 1; k <= n; k++)
		{
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return (long) i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
			(cp >= 0xD800 && cp <= 0xDFFF))
			return (long) i;
		i += n + 1;
	}
	return -1;
}

/* A growing byte buffer for the current field. */
typedef struct field_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} field_buf;

static int
fb_add(field_buf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		size_t		cap = b->cap ? b->cap : 64;
		char	   *nd;

		while (b->len + n + 1 > cap)
			cap *= 2;
		nd = realloc(b->data, cap);
		if (nd == NULL)
			return -1;
		b->data = nd;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

/*
 * Read one record starting at *pos into `fields` (a JSON array of strings or
 * nulls).  Returns 1 when a record was read, 0 at the end of the input, -1 on
 * a malformed record (message in err, offset in *errpos).
 */
static int
read_record(const char *buf, size_t len, size_t *pos, json_t *fields, field_buf *fb,
			char *err, size_t errlen, long *errpos)
{
	size_t		i = *pos;

	if (i >= len)
		return 0;
	for (;;)
	{
		json_t	   *v;
		int			quoted = 0;

		fb->len = 0;
		if (fb->data)
			fb->data[0] = '\0';
		if (i < len && buf[i] == '"')
		{
			size_t		start = i;

			quoted = 1;
			i++;
			for (;;)
			{
				const char *q;

				if (i >= len)
				{
					snprintf(err, errlen, "unterminated quoted field starting at byte offset %zu", start);
					*errpos = (long) start;
					return -1;
				}
				q = memchr(buf + i, '"', len - i);
				if (q == NULL)
				{
					i = len;
					continue;
				}
				if (fb_add(fb, buf + i, (size_t) (q - (buf + i))) < 0)
					goto oom;
				i = (size_t) (q - buf) + 1;
				if (i < len && buf[i] == '"')
				{
					if (fb_add(fb, "\"", 1) < 0)
						goto oom;
					i++;
					continue;
				}
				break;
			}
			if (i < len && buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r')
			{
				snprintf(err, errlen, "unexpected character after a closing quote at byte offset %zu", i);
				*errpos = (long) i;
				return -1;
			}
		}
		else
		{
			size_t		start = i;

			while (i < len && buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r')
			{
				if (buf[i] == '"')
				{
					snprintf(err, errlen, "a quote inside an unquoted field at byte offset %zu (quote the whole field and double the quote)", i);
					*errpos = (long) i;
					return -1;
				}
				i++;
			}
			if (fb_add(fb, buf + start, i - start) < 0)
				goto oom;
		}
		if (fb->len == 0 && !quoted)
			v = json_null();
		else
			v = json_stringn(fb->data, fb->len);
		if (v == NULL)
			goto oom;
		json_array_append_new(fields, v);
		if (i < len && buf[i] == ',')
		{
			i++;
			continue;
		}
		/* end of record: LF, CRLF, CR or the end of the input */
		if (i < len && buf[i] == '\r')
		{
			i++;
			if (i < len && buf[i] == '\n')
				i++;
		}
		else if (i < len && buf[i] == '\n')
			i++;
		*pos = i;
		return 1;
	}
oom:
	snprintf(err, errlen, "out of memory");
	*errpos = (long) i;
	return -1;
}

/* Is a record blank (one null field: an empty line)? */
static int
blank_record(json_t *fields)
{
	return json_array_size(fields) == 1 && json_is_null(json_array_get(fields, 0));
}

/*
 * Read the header (the first record that is not blank) into *hdr (a JSON
 * array of its names), checking that every name is non-empty, has no NUL and
 * is distinct.  Returns 0, or -1 with a message in err and the offset in *pos.
 * *i is the read position (after a byte-order mark), moved past the header.
 */
static int
read_header(const char *buf, size_t len, size_t *i, json_t *fields, field_buf *fb, json_t **hdr,
			char *err, size_t errlen, long *pos)
{
	size_t		k,
				j;
	int			rc;

	*hdr = NULL;
	for (;;)
	{
		json_array_clear(fields);
		rc = read_record(buf, len, i, fields, fb, err, errlen, pos);
		if (rc < 0)
			return -1;
		if (rc == 0)
		{
			snprintf(err, errlen, "the CSV body has no header row");
			*pos = (long) len;
			return -1;
		}
		if (!blank_record(fields))
			break;
	}
	*hdr = json_array();
	for (k = 0; k < json_array_size(fields); k++)
	{
		json_t	   *h = json_array_get(fields, k);

		if (!json_is_string(h) || json_string_length(h) == 0)
		{
			snprintf(err, errlen, "header column %zu has no name", k + 1);
			*pos = 0;
			goto fail;
		}
		if (strlen(json_string_value(h)) != json_string_length(h))
		{
			/* the name is used as a C string (an object key): a NUL would cut it */
			snprintf(err, errlen, "header column %zu has a NUL byte in its name", k + 1);
			*pos = 0;
			goto fail;
		}
		for (j = 0; j < k; j++)
			if (strcmp(json_string_value(json_array_get(*hdr, j)), json_string_value(h)) == 0)
			{
				snprintf(err, errlen, "header column \"%.64s\" appears twice", json_string_value(h));
				*pos = 0;
				goto fail;
			}
		json_array_append(*hdr, h);
	}
	return 0;
fail:
	json_decref(*hdr);
	*hdr = NULL;
	return -1;
}

/* Check the body's encoding and skip a byte-order mark: the offset to read from, or -1 (err, pos). */
static long
body_start(const char *buf, size_t len, char *err, size_t errlen, long *pos)
{
	long		bad = gw_utf8_invalid_at(buf, len);

	if (bad >= 0)
	{
		snprintf(err, errlen, "the body is not valid UTF-8 (byte offset %ld)", bad);
		*pos = bad;
		return -1;
	}
	return (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

int
gw_csv_parse(const char *buf, size_t len, json_t **header, json_t **rows,
			 char *err, size_t errlen, long *pos)
{
	size_t		i;
	field_buf	fb = {NULL, 0, 0};
	json_t	   *hdr = NULL;
	json_t	   *out = json_array();
	json_t	   *fields = json_array();
	long		start;
	int			rc;
	size_t		k;

	*header = NULL;
	*rows = NULL;
	if ((start = body_start(buf, len, err, errlen, pos)) < 0)
		goto fail;
	i = (size_t) start;
	if (read_header(buf, len, &i, fields, &fb, &hdr, err, errlen, pos) < 0)
		goto fail;

	for (;;)
	{
		json_t	   *row;

		json_array_clear(fields);
		rc = read_record(buf, len, &i, fields, &fb, err, errlen, pos);
		if (rc < 0)
			goto fail;
		if (rc == 0)
			break;
		if (blank_record(fields))
			continue;
		if (json_array_size(fields) != json_array_size(hdr))
		{
			char		msg[160];

			snprintf(msg, sizeof(msg), "the row has %zu fields but the header has %zu",
					 json_array_size(fields), json_array_size(hdr));
			json_array_append_new(out, json_string(msg));
			continue;
		}
		row = json_object();
		for (k = 0; k < json_array_size(hdr); k++)
			json_object_set(row, json_string_value(json_array_get(hdr, k)), json_array_get(fields, k));
		json_array_append_new(out, row);
	}
	free(fb.data);
	json_decref(fields);
	*header = hdr;
	*rows = out;
	return 0;

fail:
	free(fb.data);
	json_decref(fields);
	json_decref(hdr);
	json_decref(out);
	return -1;
}

/* ---------------------------------------------------------------- CSV as JSON text */

typedef struct text_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	int			oom;
} text_buf;

static void
tb_add(text_buf *b, const char *p, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap)
	{
		size_t		cap = b->cap ? b->cap : 4096;
		char	   *nd;

		while (b->len + n + 1 > cap)
			cap *= 2;
		nd = realloc(b->data, cap);
		if (nd == NULL)
		{
			b->oom = 1;
			return;
		}
		b->data = nd;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* A JSON string of s[0..n) (valid UTF-8): quotes, backslashes and control characters escaped. */
static void
tb_json_string(text_buf *b, const char *s, size_t n)
{
	size_t		i,
				from = 0;

	tb_add(b, "\"", 1);
	for (i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\' || c < 0x20)
		{
			char		esc[8];

			tb_add(b, s + from, i - from);
			if (c == '"' || c == '\\')
				snprintf(esc, sizeof(esc), "\\%c", c);
			else
				snprintf(esc, sizeof(esc), "\\u%04x", c);
			tb_add(b, esc, strlen(esc));
			from = i + 1;
		}
	}
	tb_add(b, s + from, n - from);
	tb_add(b, "\"", 1);
}

/* A rejected record in the "tolak" object: "<number>": {"kode","pesan","kolom"}. */
static void
tb_reject(text_buf *b, size_t number, const char *kode, const char *pesan, const char *kolom)
{
	char		num[32];

	snprintf(num, sizeof(num), "%s\"%zu\":{\"kode\":", b->len > 1 ? "," : "", number);
	tb_add(b, num, strlen(num));
	tb_json_string(b, kode, strlen(kode));
	tb_add(b, ",\"pesan\":", 9);
	tb_json_string(b, pesan, strlen(pesan));
	tb_add(b, ",\"kolom\":", 9);
	if (kolom)
		tb_json_string(b, kolom, strlen(kolom));
	else
		tb_add(b, "null", 4);
	tb_add(b, "}", 1);
}

int
gw_csv_to_json(const char *buf, size_t len, size_t max_rows, gw_csv_json *out, char *err, size_t errlen, long *pos)
{
	size_t		i,
				k;
	field_buf	fb = {NULL, 0, 0};
	json_t	   *hdr = NULL;
	json_t	   *fields = json_array();
	text_buf	rows = {NULL, 0, 0, 0},
				header = {NULL, 0, 0, 0},
				rejects = {NULL, 0, 0, 0};
	long		start;
	int			rc;

	memset(out, 0, sizeof(*out));
	if (fields == NULL)
	{
		snprintf(err, errlen, "out of memory");
		*pos = 0;
		return -1;
	}
	if ((start = body_start(buf, len, err, errlen, pos)) < 0)
		goto fail;
	i = (size_t) start;
	if (read_header(buf, len, &i, fields, &fb, &hdr, err, errlen, pos) < 0)
		goto fail;
	tb_add(&header, "[", 1);
	for (k = 0; k < json_array_size(hdr); k++)
	{
		json_t	   *h = json_array_get(hdr, k);

		if (k > 0)
			tb_add(&header, ",", 1);
		tb_json_string(&header, json_string_value(h), json_string_length(h));
	}
	tb_add(&header, "]", 1);
	tb_add(&rows, "[", 1);
	tb_add(&rejects, "{", 1);

	for (;;)
	{
		const char *bad_column = NULL;

		json_array_clear(fields);
		rc = read_record(buf, len, &i, fields, &fb, err, errlen, pos);
		if (rc < 0)
			goto fail;
		if (rc == 0)
			break;
		if (blank_record(fields))
			continue;
		if (out->nrows >= max_rows)
		{
			out->too_many = 1;
			break;
		}
		out->nrows++;
		if (out->nrows > 1)
			tb_add(&rows, ",", 1);
		if (json_array_size(fields) != json_array_size(hdr))
		{
			char		msg[160];

			snprintf(msg, sizeof(msg), "the row has %zu fields but the header has %zu",
					 json_array_size(fields), json_array_size(hdr));
			tb_add(&rows, "null", 4);
			tb_reject(&rejects, out->nrows, "KKB-422", msg, NULL);
			continue;
		}
		for (k = 0; k < json_array_size(hdr) && bad_column == NULL; k++)
		{
			json_t	   *v = json_array_get(fields, k);

			if (json_is_string(v) && memchr(json_string_value(v), '\0', json_string_length(v)) != NULL)
				bad_column = json_string_value(json_array_get(hdr, k));
		}
		if (bad_column)
		{
			/* a NUL byte: no text value can hold it (the database's own refusal of \u0000) */
			char		msg[160];

			snprintf(msg, sizeof(msg), "the value of column \"%.64s\" has a NUL byte, which no text value can hold", bad_column);
			tb_add(&rows, "null", 4);
			tb_reject(&rejects, out->nrows, "22P05", msg, bad_column);
			continue;
		}
		tb_add(&rows, "{", 1);
		for (k = 0; k < json_array_size(hdr); k++)
		{
			json_t	   *h = json_array_get(hdr, k);
			json_t	   *v = json_array_get(fields, k);

			if (k > 0)
				tb_add(&rows, ",", 1);
			tb_json_string(&rows, json_string_value(h), json_string_length(h));
			tb_add(&rows, ":", 1);
			if (json_is_string(v))
				tb_json_string(&rows, json_string_value(v), json_string_length(v));
			else
				tb_add(&rows, "null", 4);
		}
		tb_add(&rows, "}", 1);
		if (rows.oom)
			break;
	}
	tb_add(&rows, "]", 1);
	tb_add(&rejects, "}", 1);
	if (rows.oom || header.oom || rejects.oom)
	{
		snprintf(err, errlen, "out of memory");
		*pos = 0;
		goto fail;
	}
	free(fb.data);
	json_decref(fields);
	json_decref(hdr);
	out->rows = rows.data;
	out->rows_len = rows.len;
	out->header = header.data;
	out->rejects = rejects.data;
	return 0;

fail:
	free(fb.data);
	json_decref(fields);
	json_decref(hdr);
	free(rows.data);
	free(header.data);
	free(rejects.data);
	memset(out, 0, sizeof(*out));
	return -1;
}

void
gw_csv_json_free(gw_csv_json *c)
{
	free(c->rows);
	free(c->header);
	free(c->rejects);
	memset(c, 0, sizeof(*c));
}

/* ---------------------------------------------------------------- writing */

typedef struct csv_out
{
	char	   *buf;
	size_t		len;
	size_t		cap;
	int			oom;
} csv_out;

static void
out_bytes(csv_out *o, const char *s, size_t n)
{
	if (o->oom)
		return;
	if (o->len + n + 1 > o->cap)
	{
		size_t		cap = o->cap ? o->cap : 4096;
		char	   *nb;

		while (o->len + n + 1 > cap)
			cap *= 2;
		nb = realloc(o->buf, cap);
		if (nb == NULL)
		{
			o->oom = 1;
			return;
		}
		o->buf = nb;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/*
 * Could a spreadsheet read a text cell as a formula (CSV injection)?  OWASP's
 * rule: a cell starting with =, +, -, @, a tab or a carriage return.
 */
int
gw_csv_formula_start(const char *s, size_t n)
{
	return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

/*
 * Does the writer put an apostrophe before text s[0..n)?  Before a formula, and
 * before text that already starts with one: a spreadsheet hides one leading
 * apostrophe, so both show their own text, and no two texts are written alike
 * (a header "=" and a header "'=" stay two columns).
 */
int
gw_csv_apostrophe(const char *s, size_t n)
{
	return gw_csv_formula_start(s, n) || (n > 0 && s[0] == '\'');
}

/*
 * A quoted field: "..." with every quote doubled; text a spreadsheet would
 * take for a formula gets a leading apostrophe inside the quotes ('=1+2),
 * which spreadsheets show as text, and so does text starting with an
 * apostrophe (gw_csv_apostrophe).
 */
static void
out_quoted(csv_out *o, const char *s, size_t n)
{
	size_t		i,
				from = 0;

	out_bytes(o, "\"", 1);
	if (gw_csv_apostrophe(s, n))
		out_bytes(o, "'", 1);
	for (i = 0; i < n; i++)
		if (s[i] == '"')
		{
			out_bytes(o, s + from, i + 1 - from);	/* up to and with the quote */
			out_bytes(o, "\"", 1);
			from = i + 1;
		}
	out_bytes(o, s + from, n - from);
	out_bytes(o, "\"", 1);
}

static void
out_value(csv_out *o, json_t *v)
{
	char		num[64];
	int			n;

	switch (v ? json_typeof(v) : JSON_NULL)
	{
		case JSON_STRING:
			out_quoted(o, json_string_value(v), json_string_length(v));
			break;
		case JSON_INTEGER:
			n = snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			out_bytes(o, num, (size_t) n);
			break;
		case JSON_REAL:
			/* 15 significant digits: what PostgreSQL's numeric sent, without binary noise */
			n = snprintf(num, sizeof(num), "%.15g", json_real_value(v));
			out_bytes(o, num, (size_t) n);
			break;
		case JSON_TRUE:
			out_bytes(o, "true", 4);
			break;
		case JSON_FALSE:
			out_bytes(o, "false", 5);
			break;
		case JSON_NULL:
			break;
		case JSON_OBJECT:
		case JSON_ARRAY:
			{
				char	   *t = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));

				if (t == NULL)
				{
					o->oom = 1;
					return;
				}
				out_quoted(o, t, strlen(t));
				free(t);
				break;
			}
	}
}

char *
gw_csv_write(json_t *rows, size_t *len)
{
	csv_out		o;
	json_t	   *first = json_array_get(rows, 0);
	json_t	   *row;
	size_t		i;
	const char *key;
	json_t	   *val;

	memset(&o, 0, sizeof(o));
	out_bytes(&o, "", 0);		/* an empty body is "" */
	if (json_is_object(first))
	{
		int			c = 0;

		json_object_foreach(first, key, val)
		{
			if (c++ > 0)
				out_bytes(&o, ",", 1);
			out_quoted(&o, key, strlen(key));
		}
		out_bytes(&o, "\r\n", 2);
		json_array_foreach(rows, i, row)
		{
			c = 0;
			json_object_foreach(first, key, val)
			{
				if (c++ > 0)
					out_bytes(&o, ",", 1);
				out_value(&o, json_is_object(row) ? json_object_get(row, key) : NULL);
			}
			out_bytes(&o, "\r\n", 2);
		}
	}
	if (o.oom)
	{
		free(o.buf);
		return NULL;
	}
	*len = o.len;
	return o.buf;
}

/* ---------------------------------------------------------------- spreadsheets */

/*
 * out[name] = v, and name appended to the columns the first time it is seen.
 * A name this row already has (a key "skor_a" beside {"skor": {"a": ...}})
 * gets a suffix (skor_a_2, ...), so that no value is lost.
 */
static int
flat_set(json_t *out, json_t *columns, json_t *seen, const char *name, json_t *v)
{
	char	   *alt = NULL;
	int			rc;

	if (json_object_get(out, name) != NULL)
	{
		size_t		n = strlen(name) + 24;

		if ((alt = malloc(n)) == NULL)
			return -1;
		for (int k = 2;; k++)
		{
			snprintf(alt, n, "%s_%d", name, k);
			if (json_object_get(out, alt) == NULL)
				break;
		}
		name = alt;
	}
	if (json_object_get(seen, name) == NULL &&
		(json_object_set_new(seen, name, json_true()) < 0 || json_array_append_new(columns, json_string(name)) < 0))
		rc = -1;
	else
		rc = json_object_set(out, name, v);
	free(alt);
	return rc;
}

/* v as one cell of its compact JSON text */
static int
flat_text(json_t *out, json_t *columns, json_t *seen, const char *name, json_t *v)
{
	char	   *t = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
	json_t	   *text = t ? json_string(t) : NULL;
	int			rc;

	free(t);
	if (text == NULL)
		return -1;
	rc = flat_set(out, columns, seen, name, text);
	json_decref(text);
	return rc;
}

/* "name_key" in a new buffer (the caller frees it), NULL when out of memory */
static char *
flat_name(const char *name, const char *key)
{
	size_t		n = strlen(name) + strlen(key) + 2;
	char	   *s = malloc(n);

	if (s)
		snprintf(s, n, "%s_%s", name, key);
	return s;
}

static int
flat_into(json_t *out, json_t *columns, json_t *seen, const char *name, json_t *v, int depth)
{
	if ((json_is_object(v) || json_is_array(v)) && depth >= 8)
		return flat_text(out, columns, seen, name, v);	/* deeper than any answer of the API: its JSON text */
	if (json_is_object(v) && json_object_size(v) > 0)
	{
		const char *k;
		json_t	   *c;

		json_object_foreach(v, k, c)
		{
			char	   *child = flat_name(name, k);
			int			rc = child ? flat_into(out, columns, seen, child, c, depth + 1) : -1;

			free(child);
			if (rc < 0)
				return -1;
		}
		return 0;
	}
	if (json_is_array(v) && json_array_size(v) > 0)
	{
		size_t		i;
		json_t	   *c;
		int			scalars = 1;

		json_array_foreach(v, i, c)
			if (json_is_object(c) || json_is_array(c))
			scalars = 0;
		if (!scalars)
			return flat_text(out, columns, seen, name, v);	/* a list of records (e.g. warnings): one cell */
		json_array_foreach(v, i, c)
		{
			char		idx[24];
			char	   *child;
			int			rc;

			snprintf(idx, sizeof(idx), "%zu", i + 1);
			child = flat_name(name, idx);
			rc = child ? flat_into(out, columns, seen, child, c, depth + 1) : -1;
			free(child);
			if (rc < 0)
				return -1;
		}
		return 0;
	}
	if (json_is_object(v) || json_is_array(v) || v == NULL)
		return flat_set(out, columns, seen, name, json_null());
	return flat_set(out, columns, seen, name, v);
}

json_t *
gw_rows_flatten(json_t *rows, json_t **columns)
{
	json_t	   *flat = json_array();
	json_t	   *seen = json_object();
	json_t	   *row;
	size_t		i;

	*columns = json_array();
	if (flat == NULL || seen == NULL || *columns == NULL)
		goto oom;
	json_array_foreach(rows, i, row)
	{
		json_t	   *out = json_object();
		const char *k;
		json_t	   *v;

		if (out == NULL || json_array_append_new(flat, out) < 0)
			goto oom;
		if (!json_is_object(row))
			continue;
		json_object_foreach(row, k, v)
			if (flat_into(out, *columns, seen, k, v, 0) < 0)
			goto oom;
	}
	json_decref(seen);
	return flat;
oom:
	json_decref(flat);
	json_decref(seen);
	json_decref(*columns);
	*columns = NULL;
	return NULL;
}

int
gw_text_is_code(const char *s, size_t n)
{
	int			digits = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '.')
			return 0;
	}
	return digits > 0;
}

/* ="13.10": a formula whose value is that text (only ever digits and dots inside, so nothing to escape) */
static void
out_formula_text(csv_out *o, const char *s, size_t n)
{
	out_bytes(o, "\"=\"\"", 4);
	out_bytes(o, s, n);
	out_bytes(o, "\"\"\"", 3);
}

/* A value in the spreadsheet flavour: decimal comma; codes and long numbers as ="text". */
static void
out_value_excel(csv_out *o, json_t *v)
{
	char		num[64];
	int			n;

	switch (v ? json_typeof(v) : JSON_NULL)
	{
		case JSON_STRING:
			if (gw_text_is_code(json_string_value(v), json_string_length(v)))
				out_formula_text(o, json_string_value(v), json_string_length(v));
			else
				out_quoted(o, json_string_value(v), json_string_length(v));
			return;
		case JSON_INTEGER:
			n = snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			if (n > 15)			/* beyond a spreadsheet's 15 digits: kept as text */
				out_formula_text(o, num, (size_t) n);
			else
				out_bytes(o, num, (size_t) n);
			return;
		case JSON_REAL:
			n = snprintf(num, sizeof(num), "%.15g", json_real_value(v));
			for (int i = 0; i < n; i++)
				if (num[i] == '.')
					num[i] = ',';
			out_bytes(o, num, (size_t) n);
			return;
		default:
			out_value(o, v);
	}
}

char *
gw_csv_write_excel(json_t *rows, size_t *len)
{
	csv_out		o;
	json_t	   *columns;
	json_t	   *flat = gw_rows_flatten(rows, &columns);
	json_t	   *row,
			   *name;
	size_t		i,
				c;

	if (flat == NULL)
		return NULL;
	memset(&o, 0, sizeof(o));
	out_bytes(&o, "\xEF\xBB\xBF", 3);	/* UTF-8 byte-order mark: Excel reads the file as UTF-8 */
	if (json_array_size(columns) > 0)
	{
		json_array_foreach(columns, c, name)
		{
			if (c > 0)
				out_bytes(&o, ";", 1);
			out_quoted(&o, json_string_value(name), json_string_length(name));
		}
		out_bytes(&o, "\r\n", 2);
		json_array_foreach(flat, i, row)
		{
			json_array_foreach(columns, c, name)
			{
				if (c > 0)
					out_bytes(&o, ";", 1);
				out_value_excel(&o, json_object_get(row, json_string_value(name)));
			}
			out_bytes(&o, "\r\n", 2);
		}
	}
	json_decref(flat);
	json_decref(columns);
	if (o.oom)
	{
		free(o.buf);
		return NULL;
	}
	*len = o.len;
	return o.buf;
}

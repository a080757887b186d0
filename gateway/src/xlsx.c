/*
 * xlsx.c - list answers as an Excel workbook (.xlsx), with libxlsxwriter.
 *
 * libxlsxwriter (Debian's libxlsxwriter-dev, BSD licence, maintained, C, no
 * dependency beyond zlib) writes the Office Open XML format that Excel,
 * LibreOffice and Google Sheets read; writing that zip of XML parts by hand
 * would be a second, untested copy of it.  Version 1.1 writes to a file only,
 * so the workbook is written to a private temporary file, read back and
 * removed.
 */
#include "xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "csv.h"

#define MAX_WIDTH 60			/* widest column, in characters */
#define MAX_CELL 32767			/* the longest text a cell holds (Excel's limit; libxlsxwriter refuses more) */
#define CUT_MARK "\xE2\x80\xA6 [dipotong]"	/* "... [cut]" after a text cut to fit */

/* Count UTF-8 characters (not bytes) for the column width. */
static size_t
utf8_chars(const char *s)
{
	size_t		n = 0;

	for (; *s; s++)
		if (((unsigned char) *s & 0xC0) != 0x80)
			n++;
	return n;
}

static int
write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, json_t *v, double *width)
{
	lxw_error	e = LXW_NO_ERROR;
	char		num[64];

	switch (v ? json_typeof(v) : JSON_NULL)
	{
		case JSON_STRING:
			/* always a text cell: codes stay text, and nothing is ever a formula */
			if (utf8_chars(json_string_value(v)) > MAX_CELL - 20)
			{
				/* too long for a cell (e.g. a very long description): cut at a character boundary, marked */
				const char *t = json_string_value(v);
				size_t		cut = 0,
							chars = 0;
				char	   *tmp;

				while (t[cut] && chars < MAX_CELL - 20)
				{
					cut++;
					while (((unsigned char) t[cut] & 0xC0) == 0x80)
						cut++;
					chars++;
				}
				tmp = malloc(cut + sizeof(CUT_MARK));
				if (tmp == NULL)
					return -1;
				memcpy(tmp, t, cut);
				memcpy(tmp + cut, CUT_MARK, sizeof(CUT_MARK));
				e = worksheet_write_string(ws, r, c, tmp, NULL);
				free(tmp);
				*width = MAX_WIDTH;
				break;
			}
			e = worksheet_write_string(ws, r, c, json_string_value(v), NULL);
			if (utf8_chars(json_string_value(v)) > *width)
				*width = (double) utf8_chars(json_string_value(v));
			break;
		case JSON_INTEGER:
			snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			/* beyond 15 digits a spreadsheet loses digits: text */
			e = strlen(num) > 15 ? worksheet_write_string(ws, r, c, num, NULL)
				: worksheet_write_number(ws, r, c, (double) json_integer_value(v), NULL);
			if (strlen(num) > *width)
				*width = (double) strlen(num);
			break;
		case JSON_REAL:
			e = worksheet_write_number(ws, r, c, json_real_value(v), NULL);
			if (*width < 8)
				*width = 8;
			break;
		case JSON_TRUE:
		case JSON_FALSE:
			e = worksheet_write_boolean(ws, r, c, json_is_true(v), NULL);
			break;
		default:
			break;				/* null: an empty cell */
	}
	return e == LXW_NO_ERROR ? 0 : -1;
}

char *
gw_xlsx_write(json_t *rows, size_t *len, char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	char		path[512];
	json_t	   *columns = NULL;
	json_t	   *flat = gw_rows_flatten(rows, &columns);
	lxw_workbook_options opt = {0};
	lxw_workbook *wb = NULL;
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_error	e;
	json_t	   *row,
			   *name;
	size_t		i,
				c,
				ncol;
	double	   *widths = NULL;
	char	   *buf = NULL;
	FILE	   *f = NULL;
	long		size;
	int			fd;
	int			created = 0;

	err[0] = '\0';
	if (flat == NULL)
	{
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/kkb-gateway-XXXXXX", dir && dir[0] ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0)
	{
		snprintf(err, errlen, "temporary file in %s: %s", dir && dir[0] ? dir : "/tmp", strerror(errno));
		goto done;
	}
	close(fd);
	created = 1;
	opt.tmpdir = dir && dir[0] ? (char *) dir : "/tmp";
	wb = workbook_new_opt(path, &opt);
	ws = wb ? workbook_add_worksheet(wb, "data") : NULL;
	bold = wb ? workbook_add_format(wb) : NULL;
	ncol = json_array_size(columns);
	if (ncol > LXW_COL_MAX)
		ncol = LXW_COL_MAX;		/* a sheet's width; no answer of the API comes near it */
	widths = calloc(ncol ? ncol : 1, sizeof(double));
	if (ws == NULL || bold == NULL || widths == NULL)
	{
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	format_set_bold(bold);
	json_array_foreach(columns, c, name)
	{
		if (c >= ncol)
			break;
		worksheet_write_string(ws, 0, (lxw_col_t) c, json_string_value(name), bold);
		widths[c] = (double) utf8_chars(json_string_value(name));
	}
	json_array_foreach(flat, i, row)
	{
		if (i + 1 >= LXW_ROW_MAX)
			break;				/* cannot happen: lists are paged to 1,000 rows */
		json_array_foreach(columns, c, name)
			if (c < ncol && write_cell(ws, (lxw_row_t) (i + 1), (lxw_col_t) c, json_object_get(row, json_string_value(name)), &widths[c]) < 0)
			{
				snprintf(err, errlen, "a cell could not be written (row %zu, column %s)", i + 1, json_string_value(name));
				goto done;
			}
	}
	for (c = 0; c < ncol; c++)
		worksheet_set_column(ws, (lxw_col_t) c, (lxw_col_t) c, (widths[c] > MAX_WIDTH ? MAX_WIDTH : widths[c]) + 2, NULL);
	if (ncol > 0)
	{
		worksheet_freeze_panes(ws, 1, 0);	/* the header stays in view */
		worksheet_autofilter(ws, 0, 0, (lxw_row_t) json_array_size(flat), (lxw_col_t) (ncol - 1));
	}
	e = workbook_close(wb);
	wb = NULL;
	if (e != LXW_NO_ERROR)
	{
		snprintf(err, errlen, "the workbook could not be written: %s", lxw_strerror(e));
		goto done;
	}
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
		fseek(f, 0, SEEK_SET) != 0 || (buf = malloc((size_t) size + 1)) == NULL ||
		fread(buf, 1, (size_t) size, f) != (size_t) size)
	{
		snprintf(err, errlen, "the workbook could not be read back: %s", strerror(errno));
		free(buf);
		buf = NULL;
		goto done;
	}
	*len = (size_t) size;
done:
	if (wb)
		workbook_close(wb);		/* after a failure: frees it (and writes what it has, removed below) */
	if (f)
		fclose(f);
	if (created)
		unlink(path);			/* only the file this call made */
	free(widths);
	json_decref(flat);
	json_decref(columns);
	return buf;
}

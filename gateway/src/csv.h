/*
 * csv.h - CSV bodies (RFC 4180, UTF-8) as rows of JSON objects.
 *
 * The first record is the header: its fields name the columns (non-empty, no NUL,
 * distinct).  Each later record becomes a JSON object {column: value}, every
 * value a string, an empty field null (so "absent").  Fields may be quoted
 * ("..."), with "" standing for one quote; quoted fields may hold commas, CR
 * and LF.  Records end with LF, CRLF or CR; blank lines are skipped.  A
 * leading byte-order mark is ignored.  A record whose number of fields differs
 * from the header's becomes a JSON string holding the reason instead of an
 * object, so that the caller can reject that row alone.
 */
#ifndef KKB_GW_CSV_H
#define KKB_GW_CSV_H

#include <stddef.h>
#include <jansson.h>

/* Is buf[0..len) valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF)?  Returns the offset of the first bad byte, or -1 when valid. */
long		gw_utf8_invalid_at(const char *buf, size_t len);

/*
 * Parse `buf` (len bytes).  On success returns 0 and sets *rows (a JSON
 * array, caller json_decref()s it) and *header (the column names, a JSON
 * array of strings, caller json_decref()s it).  On a malformed body returns -1
 * with a message in err (errlen bytes) and the byte offset in *pos.
 */
int			gw_csv_parse(const char *buf, size_t len, json_t **header, json_t **rows,
						 char *err, size_t errlen, long *pos);

/*
 * The same reading, streamed into JSON text with at most `max_rows` records
 * (no tree of the whole body): rows is a JSON array with one element per
 * record that is not blank, an object {column: string or null} or - for a
 * record that cannot be a row (its field count differs from the header's, or
 * a value holds a NUL byte) - null, listed in rejects (a JSON object
 * {"<1-based record number>": {"kode", "pesan", "kolom"}}); header is the
 * header's names as a JSON array.  Stops after max_rows records with
 * too_many set.  Returns 0, or -1 for a malformed body as gw_csv_parse.
 */
typedef struct gw_csv_json
{
	char	   *rows;			/* malloc'd, NUL-terminated */
	size_t		rows_len;
	char	   *header;			/* malloc'd */
	char	   *rejects;		/* malloc'd */
	size_t		nrows;
	int			too_many;
} gw_csv_json;

int			gw_csv_to_json(const char *buf, size_t len, size_t max_rows, gw_csv_json *out,
						   char *err, size_t errlen, long *pos);
void		gw_csv_json_free(gw_csv_json *c);

/*
 * The rows (a JSON array of objects) as CSV (RFC 4180, UTF-8, CRLF line
 * ends): a header row of the first object's keys, in their order, then one
 * record per object, its values in the header's order.  Strings (and the
 * header's names) are always quoted, a quote doubled; numbers and booleans
 * are written bare, null and absent keys as an empty field, nested objects
 * and arrays as their compact JSON text (quoted).  No rows: an empty body.
 * A string a spreadsheet would read as a formula (gw_csv_formula_start) is
 * written with a leading apostrophe: "'=HYPERLINK(...)", "'-5" (a JSON
 * number stays bare: -0.5); so is a string that starts with an apostrophe
 * ("'x" -> "''x"), so that no two strings are written alike and a
 * spreadsheet, which hides one leading apostrophe, shows each as it is.
 * Raw text is in the JSON answer.
 * Returns the malloc'd text (its length in *len), or NULL when out of memory.
 */
char	   *gw_csv_write(json_t *rows, size_t *len);

/*
 * Does text s[0..n) start with a character that makes a spreadsheet read the
 * cell as a formula (OWASP's CSV injection rule: =, +, -, @, tab, CR)?
 */
int			gw_csv_formula_start(const char *s, size_t n);

/* Does the writer prefix text s[0..n) with an apostrophe: a formula start, or an apostrophe? */
int			gw_csv_apostrophe(const char *s, size_t n);

/*
 * Rows for a spreadsheet: every nested object flattened into columns named
 * parent_child ({"skor": {"input_pokja": 3}} -> skor_input_pokja), an array of
 * plain values into parent_1, parent_2, ... (selang_stunting_1, _2); an array
 * holding objects (a list of records), or nesting deeper than 8, stays one
 * cell of its JSON text; empty objects and arrays are empty cells; a name a row
 * already has gets a suffix (_2, _3, ...).  The columns are those of every row, in
 * the order first met (*columns, a JSON array of names).  Returns a new array
 * of flat objects (the caller json_decref()s both), NULL when out of memory.
 */
json_t	   *gw_rows_flatten(json_t *rows, json_t **columns);

/* Is text s[0..n) a code a spreadsheet would take for a number: only digits and dots ("13.10", a 16-digit NIK)? */
int			gw_text_is_code(const char *s, size_t n);

/*
 * The rows as CSV for a spreadsheet in an Indonesian locale (?format=excel):
 * a UTF-8 byte-order mark, ';' between fields, CRLF, the rows flattened
 * (gw_rows_flatten), decimal comma in numbers (12,5), and codes and numbers of
 * more than 15 digits written as ="13.10" so that they stay text; other text
 * as gw_csv_write (quoted, formulas neutralised with an apostrophe).
 */
char	   *gw_csv_write_excel(json_t *rows, size_t *len);

#endif

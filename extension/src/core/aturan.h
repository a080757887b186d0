/*
 * aturan.h - pure C core of the validation-rule expressions (aturan validasi), in the
 * manner of DHIS2 validation rules (no PostgreSQL headers).
 *
 * A validation rule compares two arithmetic expressions over the codes of a village's
 * monthly aggregate data items (docs/DOMAIN.md section 3), e.g.
 *     left  "kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil"
 *     op    "<="
 *     right "pus"
 * Each side is compiled once into a small postfix program, which is then evaluated for
 * any number of villages and months with the item values looked up by the caller.  The
 * rule text is never turned into SQL: this evaluator is the only thing that reads it.
 *
 * Grammar (whitespace - space, tab, CR, LF, VT, FF - is ignored between tokens):
 *     expr   := term   (('+' | '-') term)*
 *     term   := factor (('*' | '/') factor)*
 *     factor := number | code | '(' expr ')' | '-' factor
 *     number := [0-9]+ ('.' [0-9]+)?        at most KKB_ATURAN_MAX_DIGITS digits in all
 *     code   := [a-z][a-z0-9_]{0,62}        an item code ("balita_diukur")
 * Binary operators are left-associative; unary minus binds tighter than '*' and '/'
 * (so "-a * b" is "(-a) * b", which is the same number).  There is no unary plus, no
 * exponent notation, no function and no comparison inside an expression.
 *
 * Limits, each an error with its position: KKB_ATURAN_MAX_TOKENS tokens (every number,
 * code, operator and parenthesis counts), KKB_ATURAN_MAX_CODES distinct codes,
 * KKB_ATURAN_MAX_DEPTH nested parentheses.  Compilation recurses once per open
 * parenthesis and evaluation not at all, so the stack use is small and bounded.
 *
 * Evaluation is in IEEE double precision.  A side has no value (the rule is skipped)
 * when the missing-value strategy says so, on division by zero, or when a value it
 * reads or an intermediate result is not a finite number (NaN or infinite input,
 * overflow).
 *
 * Conventions for every function here:
 *   - no allocation, no global mutable state: all functions are thread-safe and
 *     reentrant; a compiled program is read-only during evaluation and may be shared
 *     between threads;
 *   - text inputs are (pointer, length) pairs and need not be NUL-terminated; no byte
 *     at or past s[len] is ever read (s may be NULL when len is 0);
 *   - an error out-parameter (kkb_aturan_error *) may be NULL; when given it is always
 *     filled (code KKB_ATURAN_OK, position 0 and message "" on success);
 *   - positions are 1-based byte offsets into the text, leading whitespace included.
 *     Every byte before the first non-ASCII byte is ASCII and a non-ASCII byte is itself
 *     an error, so in any ASCII-compatible encoding (UTF-8 included) the position of an
 *     error is also its character position.
 */
#ifndef KKB_ATURAN_H
#define KKB_ATURAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KKB_ATURAN_MAX_TOKENS 256	/* tokens in one expression */
#define KKB_ATURAN_MAX_CODES 64		/* distinct item codes in one expression */
#define KKB_ATURAN_MAX_DEPTH 32		/* nested "(" */
#define KKB_ATURAN_CODE_MAX 63		/* characters in one item code */
#define KKB_ATURAN_MAX_DIGITS 15	/* digits in one number (exact in a double) */

/*
 * Relative tolerance of equality: a and b are equal when
 *     |a - b| <= KKB_ATURAN_EPSILON * max(1, |a|, |b|)
 * (absolute below 1, relative above), so that 0.1 * 3 equals 0.3 and a sum of counts
 * equals the same total computed another way.  Values are counts, so anything closer
 * than that is rounding noise.
 */
#define KKB_ATURAN_EPSILON 1e-9

/* ---------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------- */

typedef enum kkb_aturan_errcode
{
	KKB_ATURAN_OK = 0,
	KKB_ATURAN_E_EMPTY,			/* nothing but whitespace */
	KKB_ATURAN_E_CHARACTER,		/* a byte that starts no token ("@", "A", "=", "é") */
	KKB_ATURAN_E_SYNTAX,		/* a token where it cannot stand, or a premature end */
	KKB_ATURAN_E_NUMBER,		/* "1." or more than KKB_ATURAN_MAX_DIGITS digits */
	KKB_ATURAN_E_CODE_LENGTH,	/* an item code longer than KKB_ATURAN_CODE_MAX */
	KKB_ATURAN_E_DEPTH,			/* more than KKB_ATURAN_MAX_DEPTH nested "(" */
	KKB_ATURAN_E_TOKENS,		/* more than KKB_ATURAN_MAX_TOKENS tokens */
	KKB_ATURAN_E_CODES,			/* more than KKB_ATURAN_MAX_CODES distinct codes */
	KKB_ATURAN_E_OPERATOR,		/* kkb_aturan_op_parse: not a comparison operator */
	KKB_ATURAN_E_STRATEGY		/* kkb_aturan_strategy_parse: not a strategy name */
} kkb_aturan_errcode;

#define KKB_ATURAN_ERR_TEXT 256

typedef struct kkb_aturan_error
{
	int			code;			/* a kkb_aturan_errcode */
	int			position;		/* 1-based, 1..len+1; 0 when OK and for operator and
								 * strategy errors */
	/*
	 * Lower-case English, no final period, naming what was found and what was
	 * expected, with the position, e.g.
	 *   unexpected ")" at position 7: expected a number, an item code or "("
	 * Quoted input is clipped to 40 bytes ("..." appended).  "" when OK.
	 */
	char		message[KKB_ATURAN_ERR_TEXT];
} kkb_aturan_error;

/* Short stable name of an error code ("ok", "empty", "character", "syntax", "number",
 * "code_length", "depth", "tokens", "codes", "operator", "strategy"); never NULL
 * ("unknown" for anything else). */
const char *kkb_aturan_errcode_name(int code);

/* ---------------------------------------------------------------------------
 * Compiled program
 *
 * Caller-provided storage (about 8 KiB); the fields are private: use the functions
 * below.  A program is a postfix instruction list over a value stack.
 * ------------------------------------------------------------------------- */

typedef struct kkb_aturan_instr
{
	double		number;			/* the constant of a "push number" */
	uint16_t	code;			/* the code index of a "push value of code" */
	uint8_t		op;				/* opcode, private to aturan.c */
} kkb_aturan_instr;

typedef struct kkb_aturan_program
{
	int			ninstr;			/* instructions in instr[] */
	int			ncodes;			/* distinct item codes, in first-appearance order */
	kkb_aturan_instr instr[KKB_ATURAN_MAX_TOKENS];
	uint8_t		code_len[KKB_ATURAN_MAX_CODES];
	char		code[KKB_ATURAN_MAX_CODES][KKB_ATURAN_CODE_MAX + 1];	/* NUL-terminated */
} kkb_aturan_program;

/*
 * Compile the expression s[0..len) into *prog.  Returns KKB_ATURAN_OK, or one error
 * code with err->position in 1..len+1 (len+1: the expression ended too early).  The
 * first error in reading order is reported: the text is read left to right and reading
 * stops there.  On failure *prog is left empty (no instructions, no codes) so that it
 * can never be evaluated by mistake.
 */
int			kkb_aturan_compile(const char *s, size_t len, kkb_aturan_program *prog,
							   kkb_aturan_error *err);

/* Number of distinct item codes the program uses (0..KKB_ATURAN_MAX_CODES). */
int			kkb_aturan_code_count(const kkb_aturan_program *prog);

/* The i-th distinct item code (0-based, in order of first appearance in the text),
 * NUL-terminated; its length in *len when len is not NULL.  NULL when i is out of
 * range. */
const char *kkb_aturan_code(const kkb_aturan_program *prog, int i, size_t *len);

/* Index of the item code name[0..len) in the program's code list, or -1 when the
 * program does not use it.  Exact, case-sensitive byte comparison. */
int			kkb_aturan_code_index(const kkb_aturan_program *prog, const char *name, size_t len);

/* ---------------------------------------------------------------------------
 * Evaluation
 * ------------------------------------------------------------------------- */

/* Missing-value strategies, as DHIS2's missingValueStrategy. */
typedef enum kkb_aturan_strategy
{
	KKB_ATURAN_SKIP_IF_ANY_VALUE_MISSING = 0,	/* "lewati_jika_ada_kosong" */
	KKB_ATURAN_SKIP_IF_ALL_VALUES_MISSING = 1,	/* "lewati_jika_semua_kosong"; the rest
												 * count as 0 */
	KKB_ATURAN_NEVER_SKIP = 2	/* "tidak_pernah_lewati"; missing counts as 0 */
} kkb_aturan_strategy;

/* Outcome of kkb_aturan_evaluate. */
typedef enum kkb_aturan_outcome
{
	KKB_ATURAN_VALUE = 0,		/* *result holds the (finite) value */
	KKB_ATURAN_SKIPPED_MISSING,	/* skipped by the missing-value strategy */
	KKB_ATURAN_SKIPPED_DIVISION,	/* a division by zero (exactly 0 or -0) */
	KKB_ATURAN_SKIPPED_NONFINITE,	/* a value read, or an intermediate result, is
									 * NaN or infinite */
	KKB_ATURAN_INVALID = -1		/* unknown strategy, or prog is not a program that
								 * kkb_aturan_compile produced (never crashes) */
} kkb_aturan_outcome;

/*
 * Evaluate a compiled program.  values[i] is the value of item code i (as numbered by
 * kkb_aturan_code).  Value i is present when values is not NULL and present is NULL or
 * present[i] is true; only present values are read (a missing one may hold anything).
 * So present == NULL means "all present" and values == NULL means "all missing".
 * The strategy, like DHIS2's:
 *   SKIP_IF_ANY_VALUE_MISSING   skipped when at least one code's value is missing;
 *   SKIP_IF_ALL_VALUES_MISSING  skipped when the program uses at least one code and
 *                               all of them are missing; a missing value counts as 0;
 *   NEVER_SKIP                  never skipped for missing values; they count as 0.
 * An expression without codes (a constant) is never skipped for missing values.
 * Returns a kkb_aturan_outcome; *result is written only for KKB_ATURAN_VALUE.
 */
int			kkb_aturan_evaluate(const kkb_aturan_program *prog, const double *values,
								const bool *present, int strategy, double *result);

/* Strategy from its SQL name ("lewati_jika_ada_kosong", "lewati_jika_semua_kosong",
 * "tidak_pernah_lewati"; exact, case-sensitive, no surrounding whitespace).  Returns
 * KKB_ATURAN_OK and sets *out, or KKB_ATURAN_E_STRATEGY (*out untouched). */
int			kkb_aturan_strategy_parse(const char *s, size_t len, int *out, kkb_aturan_error *err);

/* SQL name of a strategy; NULL for anything else. */
const char *kkb_aturan_strategy_name(int strategy);

/* ---------------------------------------------------------------------------
 * Comparison of the two sides
 * ------------------------------------------------------------------------- */

typedef enum kkb_aturan_op
{
	KKB_ATURAN_EQ = 0,			/* == */
	KKB_ATURAN_NE,				/* != */
	KKB_ATURAN_LT,				/* <  */
	KKB_ATURAN_LE,				/* <= */
	KKB_ATURAN_GT,				/* >  */
	KKB_ATURAN_GE				/* >= */
} kkb_aturan_op;

/* Operator from its text: exactly one of "==", "!=", "<", "<=", ">", ">=", with
 * optional surrounding whitespace.  Returns KKB_ATURAN_OK and sets *op, or
 * KKB_ATURAN_E_OPERATOR (*op untouched). */
int			kkb_aturan_op_parse(const char *s, size_t len, int *op, kkb_aturan_error *err);

/* Text of an operator ("==" ...); NULL for anything else. */
const char *kkb_aturan_op_text(int op);

/* Whether a and b are equal within KKB_ATURAN_EPSILON (see there).  Identical values
 * (including equal infinities) are equal; NaN equals nothing. */
bool		kkb_aturan_equal(double a, double b);

/*
 * left <op> right with the tolerant equality: "<" is "less and not equal", "<=" is
 * "less or equal", and so on, so that for any two numbers exactly one of <, ==, >
 * holds.  With a NaN side only "!=" is true.  An unknown op gives false.
 */
bool		kkb_aturan_compare(double left, int op, double right);

#ifdef __cplusplus
}
#endif

#endif							/* KKB_ATURAN_H */

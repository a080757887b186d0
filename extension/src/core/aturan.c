/*
 * aturan.c - validation-rule expressions: compiler, evaluator, comparison (see
 * aturan.h for the grammar, the limits and the contracts).
 *
 * The compiler is a recursive-descent parser over a lazy lexer: a token is read only
 * when the parser has accepted the previous one, so the first error in reading order is
 * the one reported, whether it is a bad character, a bad number or a token in the wrong
 * place.  It emits a postfix program (numbers and code references push, operators pop
 * two or one and push one) that the evaluator runs on a fixed-size stack.
 *
 * Every number and code token, every binary operator token, and every run of unary
 * minus tokens emits at most one instruction, and parentheses emit none, so a program
 * has at most as many instructions as the text has tokens (KKB_ATURAN_MAX_TOKENS) and
 * the stack never holds more than that.
 */
#include "aturan.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Instruction opcodes (kkb_aturan_instr.op). */
enum
{
	I_NUMBER = 1,				/* push number */
	I_CODE,						/* push the value of code index `code` */
	I_ADD,
	I_SUB,
	I_MUL,
	I_DIV,
	I_NEG
};

/* Token kinds. */
enum
{
	T_END = 0,
	T_NUMBER,
	T_CODE,
	T_PLUS,
	T_MINUS,
	T_STAR,
	T_SLASH,
	T_LPAREN,
	T_RPAREN
};

/* Longest piece of input quoted in a message, in bytes. */
#define QUOTE_MAX 40

/* Exact powers of ten for the number conversion (10^0 .. 10^15, all exact doubles). */
static const double pow10_exact[KKB_ATURAN_MAX_DIGITS + 1] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
};

const char *
kkb_aturan_errcode_name(int code)
{
	switch (code)
	{
		case KKB_ATURAN_OK:
			return "ok";
		case KKB_ATURAN_E_EMPTY:
			return "empty";
		case KKB_ATURAN_E_CHARACTER:
			return "character";
		case KKB_ATURAN_E_SYNTAX:
			return "syntax";
		case KKB_ATURAN_E_NUMBER:
			return "number";
		case KKB_ATURAN_E_CODE_LENGTH:
			return "code_length";
		case KKB_ATURAN_E_DEPTH:
			return "depth";
		case KKB_ATURAN_E_TOKENS:
			return "tokens";
		case KKB_ATURAN_E_CODES:
			return "codes";
		case KKB_ATURAN_E_OPERATOR:
			return "operator";
		case KKB_ATURAN_E_STRATEGY:
			return "strategy";
	}
	return "unknown";
}

/* Reset *err to "no error" (err may be NULL). */
static void
err_clear(kkb_aturan_error *err)
{
	if (err)
	{
		err->code = KKB_ATURAN_OK;
		err->position = 0;
		err->message[0] = '\0';
	}
}

/*
 * s[0..n) as it may appear between quotes in a message: at most QUOTE_MAX bytes, each
 * byte outside printable ASCII replaced by '?' (so the message is plain ASCII whatever
 * the input), "..." appended when cut.  out must hold QUOTE_MAX + 4 bytes.
 */
static void
quote_into(char *out, const char *s, size_t n)
{
	size_t		i,
				k = n > QUOTE_MAX ? QUOTE_MAX : n;

	for (i = 0; i < k; i++)
	{
		unsigned char c = (unsigned char) s[i];

		out[i] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
	}
	if (n > QUOTE_MAX)
	{
		memcpy(out + k, "...", 3);
		k += 3;
	}
	out[k] = '\0';
}

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* ---------------------------------------------------------------------------
 * Compiler
 * ------------------------------------------------------------------------- */

typedef struct parser
{
	const char *s;
	size_t		len;
	size_t		pos;			/* next byte to read */
	int			ntokens;		/* tokens read so far */
	int			depth;			/* currently open "(" */
	/* the current token: kind, text s[start..start+tlen), number value */
	int			tok;
	size_t		start;
	size_t		tlen;
	double		number;
	kkb_aturan_program *prog;
	kkb_aturan_error *err;		/* never NULL inside the parser */
} parser;

/* Record an error at byte offset at (0-based) with a printf-style message. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static bool
fail(parser *p, int code, size_t at, const char *fmt,...)
{
	va_list		ap;

	p->err->code = code;
	p->err->position = (int) at + 1;
	va_start(ap, fmt);
	vsnprintf(p->err->message, sizeof(p->err->message), fmt, ap);
	va_end(ap);
	return false;
}

/*
 * Describe the current token for a message, e.g. `item code "pus"`, `number "12"`,
 * `")"`, `end of expression`.  outsz of 64 + QUOTE_MAX is always enough.
 */
static void
describe_token(const parser *p, char *out, size_t outsz)
{
	char		q[QUOTE_MAX + 4];

	switch (p->tok)
	{
		case T_END:
			snprintf(out, outsz, "end of expression");
			return;
		case T_NUMBER:
			quote_into(q, p->s + p->start, p->tlen);
			snprintf(out, outsz, "number \"%s\"", q);
			return;
		case T_CODE:
			quote_into(q, p->s + p->start, p->tlen);
			snprintf(out, outsz, "item code \"%s\"", q);
			return;
		default:
			snprintf(out, outsz, "\"%c\"", p->s[p->start]);
			return;
	}
}

/* The error for a byte that starts no token, at offset at. */
static bool
bad_character(parser *p, size_t at)
{
	unsigned char c = (unsigned char) p->s[at];
	int			pos = (int) at + 1;

	if (c >= 0x80)
		return fail(p, KKB_ATURAN_E_CHARACTER, at, "unexpected non-ASCII character at position %d", pos);
	if (c < 0x20 || c == 0x7f)
		return fail(p, KKB_ATURAN_E_CHARACTER, at,
					"unexpected control character (byte 0x%02X) at position %d", c, pos);
	if (c >= 'A' && c <= 'Z')
		return fail(p, KKB_ATURAN_E_CHARACTER, at,
					"unexpected character \"%c\" at position %d: item codes are lower case", c, pos);
	if (c == '<' || c == '>' || c == '=' || c == '!')
		return fail(p, KKB_ATURAN_E_CHARACTER, at,
					"unexpected character \"%c\" at position %d: a comparison cannot be part of an expression",
					c, pos);
	if (c == ',')
		return fail(p, KKB_ATURAN_E_CHARACTER, at,
					"unexpected character \",\" at position %d: the decimal point is \".\"", pos);
	if (c == '.')
	{
		/* "1.2.3" (a second point) or ".5" (no leading digit) */
		if (at > 0 && is_digit((unsigned char) p->s[at - 1]))
			return fail(p, KKB_ATURAN_E_CHARACTER, at,
						"unexpected character \".\" at position %d: a number has at most one \".\"", pos);
		return fail(p, KKB_ATURAN_E_CHARACTER, at,
					"unexpected character \".\" at position %d: a number starts with a digit", pos);
	}
	if (c == '_')
		return fail(p, KKB_ATURAN_E_CHARACTER, at,
					"unexpected character \"_\" at position %d: an item code starts with a letter", pos);
	if (c == '"')
		return fail(p, KKB_ATURAN_E_CHARACTER, at, "unexpected character '\"' at position %d", pos);
	return fail(p, KKB_ATURAN_E_CHARACTER, at, "unexpected character \"%c\" at position %d", c, pos);
}

/* Read a number starting at p->pos (a digit). */
static bool
lex_number(parser *p)
{
	size_t		i = p->pos;
	int			digits = 0,
				frac = 0;
	uint64_t	mant = 0;

	while (i < p->len && is_digit((unsigned char) p->s[i]))
	{
		if (digits < KKB_ATURAN_MAX_DIGITS)
			mant = mant * 10 + (uint64_t) (p->s[i] - '0');
		digits++;
		i++;
	}
	if (i < p->len && p->s[i] == '.')
	{
		if (i + 1 >= p->len || !is_digit((unsigned char) p->s[i + 1]))
		{
			char		q[QUOTE_MAX + 4];

			quote_into(q, p->s + p->pos, i + 1 - p->pos);
			return fail(p, KKB_ATURAN_E_NUMBER, p->pos,
						"malformed number \"%s\" at position %d: expected a digit after \".\"",
						q, (int) p->pos + 1);
		}
		i++;
		while (i < p->len && is_digit((unsigned char) p->s[i]))
		{
			if (digits < KKB_ATURAN_MAX_DIGITS)
				mant = mant * 10 + (uint64_t) (p->s[i] - '0');
			digits++;
			frac++;
			i++;
		}
	}
	p->start = p->pos;
	p->tlen = i - p->pos;
	if (digits > KKB_ATURAN_MAX_DIGITS)
	{
		char		q[QUOTE_MAX + 4];

		quote_into(q, p->s + p->start, p->tlen);
		return fail(p, KKB_ATURAN_E_NUMBER, p->start, "number \"%s\" at position %d has more than %d digits",
					q, (int) p->start + 1, KKB_ATURAN_MAX_DIGITS);
	}

	/*
	 * mant < 10^15 < 2^53 and 10^frac are both exact doubles, so this one division is
	 * the correctly rounded value of the decimal text (no strtod: it is
	 * locale-dependent and needs a NUL-terminated string).
	 */
	p->number = (double) mant / pow10_exact[frac];
	p->tok = T_NUMBER;
	p->pos = i;
	return true;
}

/* Read the next token into p->tok / start / tlen / number.  false on a lexical error
 * or when the token limit is exceeded. */
static bool
advance(parser *p)
{
	unsigned char c;

	while (p->pos < p->len && is_space((unsigned char) p->s[p->pos]))
		p->pos++;
	if (p->pos >= p->len)
	{
		p->tok = T_END;
		p->start = p->len;
		p->tlen = 0;
		return true;
	}

	c = (unsigned char) p->s[p->pos];
	if (is_digit(c))
	{
		if (!lex_number(p))
			return false;
	}
	else if (is_lower(c))
	{
		size_t		i = p->pos + 1;

		while (i < p->len && (is_lower((unsigned char) p->s[i]) || is_digit((unsigned char) p->s[i]) ||
							  p->s[i] == '_'))
			i++;
		p->tok = T_CODE;
		p->start = p->pos;
		p->tlen = i - p->pos;
		p->pos = i;
		if (p->tlen > KKB_ATURAN_CODE_MAX)
		{
			char		q[QUOTE_MAX + 4];

			quote_into(q, p->s + p->start, p->tlen);
			return fail(p, KKB_ATURAN_E_CODE_LENGTH, p->start,
						"item code \"%s\" at position %d is longer than %d characters",
						q, (int) p->start + 1, KKB_ATURAN_CODE_MAX);
		}
	}
	else
	{
		switch (c)
		{
			case '+':
				p->tok = T_PLUS;
				break;
			case '-':
				p->tok = T_MINUS;
				break;
			case '*':
				p->tok = T_STAR;
				break;
			case '/':
				p->tok = T_SLASH;
				break;
			case '(':
				p->tok = T_LPAREN;
				break;
			case ')':
				p->tok = T_RPAREN;
				break;
			default:
				return bad_character(p, p->pos);
		}
		p->start = p->pos;
		p->tlen = 1;
		p->pos++;
	}

	if (++p->ntokens > KKB_ATURAN_MAX_TOKENS)
		return fail(p, KKB_ATURAN_E_TOKENS, p->start,
					"expression too long at position %d: at most %d tokens are allowed",
					(int) p->start + 1, KKB_ATURAN_MAX_TOKENS);
	return true;
}

/* Append an instruction.  Cannot overflow (see the file comment); checked anyway. */
static bool
emit(parser *p, int op, double number, int code)
{
	kkb_aturan_instr *in;

	if (p->prog->ninstr >= KKB_ATURAN_MAX_TOKENS)
		return fail(p, KKB_ATURAN_E_TOKENS, p->start,
					"expression too long at position %d: at most %d tokens are allowed",
					(int) p->start + 1, KKB_ATURAN_MAX_TOKENS);
	in = &p->prog->instr[p->prog->ninstr++];
	in->op = (uint8_t) op;
	in->number = number;
	in->code = (uint16_t) code;
	return true;
}

/* Index of the current code token in the program's code list, adding it when new;
 * -1 (and the error) when the list is full. */
static int
intern_code(parser *p)
{
	kkb_aturan_program *prog = p->prog;
	const char *name = p->s + p->start;
	int			i;

	for (i = 0; i < prog->ncodes; i++)
		if (prog->code_len[i] == p->tlen && memcmp(prog->code[i], name, p->tlen) == 0)
			return i;
	if (prog->ncodes >= KKB_ATURAN_MAX_CODES)
	{
		fail(p, KKB_ATURAN_E_CODES, p->start,
			 "too many item codes at position %d: at most %d different codes are allowed",
			 (int) p->start + 1, KKB_ATURAN_MAX_CODES);
		return -1;
	}
	i = prog->ncodes++;
	memcpy(prog->code[i], name, p->tlen);
	prog->code[i][p->tlen] = '\0';
	prog->code_len[i] = (uint8_t) p->tlen;
	return i;
}

static bool parse_expr(parser *p);

/* The error for a token that cannot start a factor. */
static bool
expected_factor(parser *p)
{
	char		d[64 + QUOTE_MAX];

	describe_token(p, d, sizeof(d));
	return fail(p, KKB_ATURAN_E_SYNTAX, p->start,
				"unexpected %s at position %d: expected a number, an item code or \"(\"",
				d, (int) p->start + 1);
}

/* factor := number | code | '(' expr ')' | '-' factor   (the minus signs in a loop) */
static bool
parse_factor(parser *p)
{
	int			nneg = 0;

	while (p->tok == T_MINUS)
	{
		nneg++;
		if (!advance(p))
			return false;
	}

	switch (p->tok)
	{
		case T_NUMBER:
			if (!emit(p, I_NUMBER, p->number, 0) || !advance(p))
				return false;
			break;
		case T_CODE:
			{
				int			idx = intern_code(p);

				if (idx < 0 || !emit(p, I_CODE, 0.0, idx) || !advance(p))
					return false;
				break;
			}
		case T_LPAREN:
			{
				size_t		open = p->start;

				if (p->depth >= KKB_ATURAN_MAX_DEPTH)
					return fail(p, KKB_ATURAN_E_DEPTH, open,
								"too many nested \"(\" at position %d: at most %d levels are allowed",
								(int) open + 1, KKB_ATURAN_MAX_DEPTH);
				p->depth++;
				if (!advance(p) || !parse_expr(p))
					return false;
				if (p->tok != T_RPAREN)
				{
					char		d[64 + QUOTE_MAX];

					describe_token(p, d, sizeof(d));
					return fail(p, KKB_ATURAN_E_SYNTAX, p->start,
								"unexpected %s at position %d: expected \"+\", \"-\", \"*\", \"/\" or \")\" "
								"closing the \"(\" at position %d",
								d, (int) p->start + 1, (int) open + 1);
				}
				p->depth--;
				if (!advance(p))
					return false;
				break;
			}
		default:
			return expected_factor(p);
	}

	/* an even number of minus signs cancels out exactly */
	if (nneg % 2 == 1 && !emit(p, I_NEG, 0.0, 0))
		return false;
	return true;
}

/* term := factor (('*' | '/') factor)* */
static bool
parse_term(parser *p)
{
	if (!parse_factor(p))
		return false;
	while (p->tok == T_STAR || p->tok == T_SLASH)
	{
		int			op = p->tok == T_STAR ? I_MUL : I_DIV;

		if (!advance(p) || !parse_factor(p) || !emit(p, op, 0.0, 0))
			return false;
	}
	return true;
}

/* expr := term (('+' | '-') term)* */
static bool
parse_expr(parser *p)
{
	if (!parse_term(p))
		return false;
	while (p->tok == T_PLUS || p->tok == T_MINUS)
	{
		int			op = p->tok == T_PLUS ? I_ADD : I_SUB;

		if (!advance(p) || !parse_term(p) || !emit(p, op, 0.0, 0))
			return false;
	}
	return true;
}

int
kkb_aturan_compile(const char *s, size_t len, kkb_aturan_program *prog, kkb_aturan_error *err)
{
	kkb_aturan_error local;
	parser		p;
	bool		ok;

	if (s == NULL)
		len = 0;
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.len = len;
	p.prog = prog;
	p.err = &local;
	err_clear(&local);
	prog->ninstr = 0;
	prog->ncodes = 0;

	ok = advance(&p);
	if (ok && p.tok == T_END)
		ok = fail(&p, KKB_ATURAN_E_EMPTY, len,
				  "empty expression at position %d: expected a number, an item code or \"(\"", (int) len + 1);
	if (ok)
		ok = parse_expr(&p);
	if (ok && p.tok != T_END)
	{
		char		d[64 + QUOTE_MAX];

		describe_token(&p, d, sizeof(d));
		ok = fail(&p, KKB_ATURAN_E_SYNTAX, p.start,
				  "unexpected %s at position %d: expected \"+\", \"-\", \"*\", \"/\" or the end of the expression",
				  d, (int) p.start + 1);
	}
	if (!ok)
	{
		/* leave nothing that could be evaluated by mistake */
		prog->ninstr = 0;
		prog->ncodes = 0;
	}
	if (err)
		*err = local;
	return local.code;
}

int
kkb_aturan_code_count(const kkb_aturan_program *prog)
{
	if (prog == NULL || prog->ncodes < 0 || prog->ncodes > KKB_ATURAN_MAX_CODES)
		return 0;
	return prog->ncodes;
}

const char *
kkb_aturan_code(const kkb_aturan_program *prog, int i, size_t *len)
{
	if (i < 0 || i >= kkb_aturan_code_count(prog))
		return NULL;
	if (len)
		*len = prog->code_len[i];
	return prog->code[i];
}

int
kkb_aturan_code_index(const kkb_aturan_program *prog, const char *name, size_t len)
{
	int			i,
				n = kkb_aturan_code_count(prog);

	if (name == NULL && len > 0)
		return -1;
	for (i = 0; i < n; i++)
		if (prog->code_len[i] == len && (len == 0 || memcmp(prog->code[i], name, len) == 0))
			return i;
	return -1;
}

/* ---------------------------------------------------------------------------
 * Evaluation
 * ------------------------------------------------------------------------- */

int
kkb_aturan_evaluate(const kkb_aturan_program *prog, const double *values, const bool *present,
					int strategy, double *result)
{
	double		stack[KKB_ATURAN_MAX_TOKENS];
	int			sp = 0,
				i,
				nmissing = 0;

	if (prog == NULL || prog->ninstr < 1 || prog->ninstr > KKB_ATURAN_MAX_TOKENS ||
		prog->ncodes < 0 || prog->ncodes > KKB_ATURAN_MAX_CODES)
		return KKB_ATURAN_INVALID;
	if (strategy != KKB_ATURAN_SKIP_IF_ANY_VALUE_MISSING && strategy != KKB_ATURAN_SKIP_IF_ALL_VALUES_MISSING &&
		strategy != KKB_ATURAN_NEVER_SKIP)
		return KKB_ATURAN_INVALID;

	for (i = 0; i < prog->ncodes; i++)
		if (values == NULL || (present != NULL && !present[i]))
			nmissing++;
	if (strategy == KKB_ATURAN_SKIP_IF_ANY_VALUE_MISSING && nmissing > 0)
		return KKB_ATURAN_SKIPPED_MISSING;
	if (strategy == KKB_ATURAN_SKIP_IF_ALL_VALUES_MISSING && prog->ncodes > 0 && nmissing == prog->ncodes)
		return KKB_ATURAN_SKIPPED_MISSING;

	for (i = 0; i < prog->ninstr; i++)
	{
		const kkb_aturan_instr *in = &prog->instr[i];
		double		v;

		switch (in->op)
		{
			case I_NUMBER:
			case I_CODE:
				if (sp >= KKB_ATURAN_MAX_TOKENS)
					return KKB_ATURAN_INVALID;
				if (in->op == I_NUMBER)
					v = in->number;
				else if (in->code >= prog->ncodes)
					return KKB_ATURAN_INVALID;
				else if (values == NULL || (present != NULL && !present[in->code]))
					v = 0.0;	/* missing, and the strategy says it counts as 0 */
				else
					v = values[in->code];
				stack[sp++] = v;
				break;
			case I_NEG:
				if (sp < 1)
					return KKB_ATURAN_INVALID;
				v = stack[sp - 1] = -stack[sp - 1];
				break;
			case I_ADD:
			case I_SUB:
			case I_MUL:
			case I_DIV:
				{
					double		a,
								b;

					if (sp < 2)
						return KKB_ATURAN_INVALID;
					b = stack[--sp];
					a = stack[sp - 1];
					if (in->op == I_ADD)
						v = a + b;
					else if (in->op == I_SUB)
						v = a - b;
					else if (in->op == I_MUL)
						v = a * b;
					else
					{
						if (b == 0.0)
							return KKB_ATURAN_SKIPPED_DIVISION;
						v = a / b;
					}
					stack[sp - 1] = v;
					break;
				}
			default:
				return KKB_ATURAN_INVALID;
		}

		/*
		 * A non-finite input or intermediate means the data or the arithmetic went
		 * wrong (NaN, overflow); a later step could hide it (1 / inf = 0), so stop here.
		 */
		if (!isfinite(v))
			return KKB_ATURAN_SKIPPED_NONFINITE;
	}
	if (sp != 1)
		return KKB_ATURAN_INVALID;
	/* no "-0" in results: -0 and 0 are the same count */
	*result = stack[0] == 0.0 ? 0.0 : stack[0];
	return KKB_ATURAN_VALUE;
}

static const char *const strategy_names[] = {
	"lewati_jika_ada_kosong",	/* KKB_ATURAN_SKIP_IF_ANY_VALUE_MISSING */
	"lewati_jika_semua_kosong", /* KKB_ATURAN_SKIP_IF_ALL_VALUES_MISSING */
	"tidak_pernah_lewati"		/* KKB_ATURAN_NEVER_SKIP */
};

const char *
kkb_aturan_strategy_name(int strategy)
{
	if (strategy < 0 || strategy > KKB_ATURAN_NEVER_SKIP)
		return NULL;
	return strategy_names[strategy];
}

int
kkb_aturan_strategy_parse(const char *s, size_t len, int *out, kkb_aturan_error *err)
{
	int			i;
	char		q[QUOTE_MAX + 4];

	err_clear(err);
	if (s == NULL)
		len = 0;
	for (i = 0; i <= KKB_ATURAN_NEVER_SKIP; i++)
		if (strlen(strategy_names[i]) == len && memcmp(strategy_names[i], s, len) == 0)
		{
			*out = i;
			return KKB_ATURAN_OK;
		}
	if (err)
	{
		quote_into(q, s, len);
		err->code = KKB_ATURAN_E_STRATEGY;
		snprintf(err->message, sizeof(err->message),
				 "unknown missing-value strategy \"%s\": expected \"%s\", \"%s\" or \"%s\"",
				 q, strategy_names[0], strategy_names[1], strategy_names[2]);
	}
	return KKB_ATURAN_E_STRATEGY;
}

/* ---------------------------------------------------------------------------
 * Comparison
 * ------------------------------------------------------------------------- */

static const char *const op_texts[] = {"==", "!=", "<", "<=", ">", ">="};

const char *
kkb_aturan_op_text(int op)
{
	if (op < KKB_ATURAN_EQ || op > KKB_ATURAN_GE)
		return NULL;
	return op_texts[op];
}

int
kkb_aturan_op_parse(const char *s, size_t len, int *op, kkb_aturan_error *err)
{
	size_t		a = 0,
				b = len;
	int			i;
	char		q[QUOTE_MAX + 4];

	err_clear(err);
	if (s == NULL)
		len = b = 0;
	while (a < b && is_space((unsigned char) s[a]))
		a++;
	while (b > a && is_space((unsigned char) s[b - 1]))
		b--;
	for (i = KKB_ATURAN_EQ; i <= KKB_ATURAN_GE; i++)
		if (strlen(op_texts[i]) == b - a && memcmp(op_texts[i], s + a, b - a) == 0)
		{
			*op = i;
			return KKB_ATURAN_OK;
		}
	if (err)
	{
		quote_into(q, s, len);
		err->code = KKB_ATURAN_E_OPERATOR;
		snprintf(err->message, sizeof(err->message),
				 "unknown comparison operator \"%s\": expected \"==\", \"!=\", \"<\", \"<=\", \">\" or \">=\"", q);
	}
	return KKB_ATURAN_E_OPERATOR;
}

bool
kkb_aturan_equal(double a, double b)
{
	double		scale;

	if (a == b)
		return true;
	if (!isfinite(a) || !isfinite(b))
		return false;
	scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
	if (scale < 1.0)
		scale = 1.0;
	/* |a - b| may overflow to inf for huge opposite values: then not equal, correctly */
	return fabs(a - b) <= KKB_ATURAN_EPSILON * scale;
}

bool
kkb_aturan_compare(double left, int op, double right)
{
	bool		eq = kkb_aturan_equal(left, right);

	switch (op)
	{
		case KKB_ATURAN_EQ:
			return eq;
		case KKB_ATURAN_NE:
			return !eq;
		case KKB_ATURAN_LT:
			return left < right && !eq;
		case KKB_ATURAN_LE:
			return left < right || eq;
		case KKB_ATURAN_GT:
			return left > right && !eq;
		case KKB_ATURAN_GE:
			return left > right || eq;
	}
	return false;
}

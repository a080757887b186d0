/*
 * ketat_sql.c - kkb._ketat_waktu(text, "char"): the strict date and time
 * check of sql/install/16_ketat.sql, around core/ketat.c.  NULL when the
 * text is a value of the kind, else the SQLSTATE of its refusal.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "ketat.h"

PG_FUNCTION_INFO_V1(kkb_ketat_waktu_sql);

Datum
kkb_ketat_waktu_sql(PG_FUNCTION_ARGS)
{
	text	   *s = PG_GETARG_TEXT_PP(0);
	char		jenis = PG_GETARG_CHAR(1);

	switch (kkb_ketat_waktu(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s), jenis))
	{
		case KKB_WAKTU_SAH:
			PG_RETURN_NULL();
		case KKB_WAKTU_BENTUK:
			PG_RETURN_TEXT_P(cstring_to_text("22007"));
		case KKB_WAKTU_TIDAK_ADA:
			break;
	}
	PG_RETURN_TEXT_P(cstring_to_text("22008"));
}

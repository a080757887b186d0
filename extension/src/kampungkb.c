/*
 * kampungkb.c - module entry point and version of the kampungkb extension.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(kkb_versi);

/*
 * kkb.versi() -> text: the version of the loaded library (the same string as
 * the extension's default_version, which the build passes in as KKB_VERSION).
 */
Datum
kkb_versi(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(KKB_VERSION));
}

/*
 * kode.c - the extension's region-code parser compiled into the gateway (see
 * kode.h).  ident.c is included rather than copied, so that the gateway's
 * build, its fuzz harnesses and the extension share one source.
 */
#include "kode.h"

#include <string.h>

#include "../../extension/src/core/ident.c"

int
gw_kode_within(const char *kode, const char *scope)
{
	int64_t		a,
				b;

	if (kode == NULL || scope == NULL ||
		kkb_kode_parse(scope, strlen(scope), &a, NULL) != KKB_OK ||
		kkb_kode_parse(kode, strlen(kode), &b, NULL) != KKB_OK)
		return 0;
	return kkb_kode_contains(a, b);
}

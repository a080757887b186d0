/*
 * akses_sql.c - the caller's region scope, kkb.lingkup().
 *
 * Row-level security keeps a village pokja or an agency to the villages under
 * its scope, the setting kkb.wilayah.  A setting can be set by anyone, so the
 * scope counts only in the sessions that are allowed to give one: the
 * gateway's login (a member of kkb_gateway), which sets it per request from
 * the verified token, and superusers (administration, tests).  Any other
 * session that sets kkb.wilayah gets an error rather than the scope it chose;
 * without the setting it has no scope, and row-level security shows it no
 * village's rows.
 */
#include "postgres.h"

#include <string.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/guc.h"

#include "ident.h"

/* May this session give itself a region scope? */
static bool
lingkup_boleh(void)
{
	Oid			sesi = GetSessionUserId();
	Oid			gateway;

	if (superuser_arg(sesi))
		return true;
	gateway = get_role_oid("kkb_gateway", true);
	return OidIsValid(gateway) && is_member_of_role(sesi, gateway);
}

PG_FUNCTION_INFO_V1(kkb_lingkup);

/*
 * kkb.lingkup() -> kkb.kode_wilayah: the scope in kkb.wilayah, NULL when not
 * set (or empty); 42501 when a session other than the gateway's or a
 * superuser's set it; 22P02 when it is no region code.
 */
Datum
kkb_lingkup(PG_FUNCTION_ARGS)
{
	const char *v = GetConfigOption("kkb.wilayah", true, false);
	int64_t		kode;
	kkb_error	err;

	if (v == NULL || v[0] == '\0')
		PG_RETURN_NULL();
	if (!lingkup_boleh())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the region scope kkb.wilayah may only be set by the gateway's login"),
				 errdetail("Session user \"%s\" is neither a superuser nor a member of kkb_gateway.",
						   GetUserNameFromId(GetSessionUserId(), false)),
				 errhint("Reset kkb.wilayah. Village and agency data is reached through kkb-gateway with a token; analysts use the kkb_bi views.")));
	if (kkb_kode_parse(v, strlen(v), &kode, &err) != KKB_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid region scope in kkb.wilayah: \"%s\"", v),
				 errdetail("%s", err.detail)));
	PG_RETURN_INT64(kode);
}

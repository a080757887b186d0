/*
 * akses_sql.c - the caller's region scope, kkb.lingkup().
 *
 * Row-level security keeps a village pokja or an agency to the villages under
 * its scope, the setting kkb.wilayah.  A setting can be set by anyone, so the
 * scope counts only in the sessions that are allowed to give one: the
 * gateway's login (a member of kkb_gateway), which sets it per request from
 * the verified token, and superusers (administration, tests).  Any other
 * session that sets kkb.wilayah gets an error rather than the scope it chose.
 * Such a direct login has the scope an administrator bound to it in
 * kkb.lingkup_login (34_lingkup_login.sql), read once per transaction; without
 * one it has no scope, and row-level security shows it no village's rows.
 */
#include "postgres.h"

#include <string.h>

#include "access/xact.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
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

/*
 * The scope bound to this session's login in kkb.lingkup_login: true and
 * *kode when a row with a region exists.  Read with SPI as the caller (the
 * table's policy shows each login its own row) and kept while the transaction
 * and its command counter stay the same (row-level security may ask for every
 * row it checks; a statement after a write, such as a new binding, reads again).
 */
static bool
lingkup_login(int64 *kode)
{
	static LocalTransactionId dibaca_lxid = InvalidLocalTransactionId;
	static CommandId dibaca_cid = InvalidCommandId;
	static Oid	dibaca_sesi = InvalidOid;
	static bool ada = false;
	static int64 simpan = 0;
	Oid			sesi = GetSessionUserId();
	CommandId	cid = GetCurrentCommandId(false);

	if (dibaca_lxid != MyProc->lxid || dibaca_cid != cid || dibaca_sesi != sesi)
	{
		Oid			argtypes[1] = {NAMEOID};
		Datum		args[1];
		NameData	nama;
		bool		kosong;
		int			rc;

		namestrcpy(&nama, GetUserNameFromId(sesi, false));
		args[0] = NameGetDatum(&nama);
		ada = false;
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "kkb.lingkup: SPI_connect failed");
		rc = SPI_execute_with_args("SELECT wilayah FROM kkb.lingkup_login WHERE peran OPERATOR(pg_catalog.=) $1",
								   1, argtypes, args, NULL, true, 1);
		if (rc != SPI_OK_SELECT)
			elog(ERROR, "kkb.lingkup: reading kkb.lingkup_login failed (%d)", rc);
		if (SPI_processed == 1)
		{
			Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &kosong);

			if (!kosong)
			{
				ada = true;
				simpan = DatumGetInt64(d);
			}
		}
		SPI_finish();
		dibaca_lxid = MyProc->lxid;
		dibaca_cid = cid;
		dibaca_sesi = sesi;
	}
	*kode = simpan;
	return ada;
}

PG_FUNCTION_INFO_V1(kkb_lingkup);

/*
 * kkb.lingkup() -> kkb.kode_wilayah: the scope in kkb.wilayah; when that is
 * not set (or empty), the scope bound to a direct login, else NULL; 42501
 * when a session other than the gateway's or a superuser's set kkb.wilayah;
 * 22P02 when it is no region code.
 */
Datum
kkb_lingkup(PG_FUNCTION_ARGS)
{
	const char *v = GetConfigOption("kkb.wilayah", true, false);
	int64_t		kode;
	kkb_error	err;

	if (v == NULL || v[0] == '\0')
	{
		/* no setting: a direct login has the scope bound to it, if any */
		if (!lingkup_boleh() && lingkup_login(&kode))
			PG_RETURN_INT64(kode);
		PG_RETURN_NULL();
	}
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

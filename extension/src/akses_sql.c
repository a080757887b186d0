/*
 * akses_sql.c - the caller's region scope, kkb.lingkup(), and who may give one.
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
 *
 * On a Citus cluster (docs/SCALE.md, "Access on a cluster") the rows are read
 * and written on the workers, in sessions Citus opens as the coordinator's
 * current role: a gateway request's worker sessions log in as kkb_pokja,
 * kkb_opd, ... themselves, not as the gateway's login.  kkb._sesi_atur sets the
 * request's settings with SET LOCAL, which Citus sends on to the workers, and
 * when the caller may give a scope it adds kkb.tanda: an HMAC-SHA256, under a
 * key every node holds in kkb._kunci_sebaran and no working role can read, of
 * the role, the coordinator session's login (kkb.sesi, for the audit), the
 * scope, the application user, the agency, the coordinator backend's global
 * process id and an expiry.  A worker session trusts the
 * settings only when that signature is valid for its own login, the process
 * id in its application_name (set by Citus) and the clock.
 */
#include "postgres.h"

#include <string.h>

#include "access/xact.h"
#include "catalog/pg_authid.h"
#include "common/hmac.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "ident.h"

#define KUNCI_MAKS 64				/* longest key used (kkb._kunci_sebaran.kunci) */
#define MAC_LEN 32					/* HMAC-SHA256 */

/*
 * The cluster's signing key from kkb._kunci_sebaran, read as the bootstrap
 * superuser (the table grants nothing to anybody else): false when there is
 * none (one node, or kkb.sebarkan has not run).
 */
static bool
kunci_baca(uint8 *kunci, int *len)
{
	Oid			simpan_peran;
	int			simpan_konteks;
	volatile bool ada = false;

	GetUserIdAndSecContext(&simpan_peran, &simpan_konteks);
	SetUserIdAndSecContext(BOOTSTRAP_SUPERUSERID,
						   simpan_konteks | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
	PG_TRY();
	{
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "kkb: SPI_connect failed");
		if (SPI_execute("SELECT kunci FROM kkb._kunci_sebaran ORDER BY dibuat_pada DESC LIMIT 1", true, 1) != SPI_OK_SELECT)
			elog(ERROR, "kkb: reading kkb._kunci_sebaran failed");
		if (SPI_processed == 1)
		{
			bool		kosong;
			Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &kosong);

			if (!kosong)
			{
				bytea	   *b = DatumGetByteaPP(d);
				int			n = VARSIZE_ANY_EXHDR(b);

				if (n >= 16 && n <= KUNCI_MAKS)
				{
					memcpy(kunci, VARDATA_ANY(b), n);
					*len = n;
					ada = true;
				}
			}
		}
		SPI_finish();
	}
	PG_FINALLY();
	{
		SetUserIdAndSecContext(simpan_peran, simpan_konteks);
	}
	PG_END_TRY();
	return ada;
}

/* one field of the signed message: its length (4 bytes, big-endian), then its bytes */
static void
mac_medan(pg_hmac_ctx *ctx, const char *v)
{
	size_t		n = v ? strlen(v) : 0;
	uint8		panjang[4] = {(uint8) (n >> 24), (uint8) (n >> 16), (uint8) (n >> 8), (uint8) n};

	if (pg_hmac_update(ctx, panjang, 4) < 0 || (n > 0 && pg_hmac_update(ctx, (const uint8 *) v, n) < 0))
		elog(ERROR, "kkb: HMAC failed: %s", pg_hmac_error(ctx));
}

/* HMAC-SHA256 under kunci of (peran, login, wilayah, pengguna, opd, gpid, kedaluwarsa), as 64 hex digits */
static void
tanda_hitung(const uint8 *kunci, int kunci_len, const char *peran, const char *login, const char *wilayah,
			 const char *pengguna, const char *opd, const char *gpid, const char *kedaluwarsa, char *hex)
{
	pg_hmac_ctx *ctx = pg_hmac_create(PG_SHA256);
	uint8		mac[MAC_LEN];
	static const char digit[] = "0123456789abcdef";

	if (ctx == NULL)
		elog(ERROR, "kkb: out of memory for HMAC");
	if (pg_hmac_init(ctx, kunci, kunci_len) < 0)
		elog(ERROR, "kkb: HMAC failed: %s", pg_hmac_error(ctx));
	mac_medan(ctx, "kampungkb-lingkup-2");
	mac_medan(ctx, peran);
	mac_medan(ctx, login);
	mac_medan(ctx, wilayah);
	mac_medan(ctx, pengguna);
	mac_medan(ctx, opd);
	mac_medan(ctx, gpid);
	mac_medan(ctx, kedaluwarsa);
	if (pg_hmac_final(ctx, mac, sizeof(mac)) < 0)
		elog(ERROR, "kkb: HMAC failed: %s", pg_hmac_error(ctx));
	pg_hmac_free(ctx);
	for (int i = 0; i < MAC_LEN; i++)
	{
		hex[2 * i] = digit[mac[i] >> 4];
		hex[2 * i + 1] = digit[mac[i] & 15];
	}
	hex[2 * MAC_LEN] = '\0';
}

/* the Citus global process id in this session's application_name ("citus_internal gpid=N"), or NULL */
static const char *
gpid_sesi(char *buf, size_t len)
{
	const char *a = GetConfigOption("application_name", true, false);
	const char *g = a ? strstr(a, "gpid=") : NULL;
	size_t		n = 0;

	if (g == NULL || strncmp(a, "citus_", 6) != 0)
		return NULL;
	g += 5;
	while (g[n] >= '0' && g[n] <= '9' && n + 1 < len)
	{
		buf[n] = g[n];
		n++;
	}
	buf[n] = '\0';
	return n > 0 && g[n] == '\0' ? buf : NULL;
}

static const char *
setelan(const char *nama)
{
	const char *v = GetConfigOption(nama, true, false);

	return v ? v : "";
}

/*
 * Does kkb.tanda carry a valid signature of this session's settings?  Else
 * false and *alasan says why.  Kept for the transaction while the settings
 * and the login stay the same (row-level security asks for every row).
 */
static bool
tanda_sah(const char **alasan)
{
	static LocalTransactionId dicek_lxid = InvalidLocalTransactionId;
	static Oid	dicek_sesi = InvalidOid;
	static char *dicek = NULL;		/* the settings it was checked against, joined */
	static bool hasil = false;
	static const char *hasil_alasan = NULL;
	const char *t = setelan("kkb.tanda");
	const char *wilayah = setelan("kkb.wilayah"),
			   *pengguna = setelan("kkb.pengguna"),
			   *opd = setelan("kkb.opd"),
			   *login = setelan("kkb.sesi");
	Oid			sesi = GetSessionUserId();
	char	   *kunci_cek;
	char		gpid_buf[32];
	const char *gpid;
	char		kedaluwarsa[32],
				gpid_tanda[32],
				mac_tanda[2 * MAC_LEN + 1],
				mac[2 * MAC_LEN + 1];
	uint8		kunci[KUNCI_MAKS];
	int			kunci_len;
	int			pakai = 0;
	unsigned	beda = 0;
	int64		detik;
	char	   *akhir;

	if (t[0] == '\0')
	{
		*alasan = NULL;			/* nothing signed: the plain refusal */
		return false;
	}
	kunci_cek = psprintf("%s\x1f%s\x1f%s\x1f%s\x1f%s", t, login, wilayah, pengguna, opd);
	if (dicek != NULL && dicek_lxid == MyProc->lxid && dicek_sesi == sesi && strcmp(dicek, kunci_cek) == 0)
	{
		pfree(kunci_cek);
		*alasan = hasil_alasan;
		return hasil;
	}

	hasil = false;
	/* kedaluwarsa.gpid.mac */
	if (sscanf(t, "%31[0-9].%31[0-9].%64[0-9a-f]%n", kedaluwarsa, gpid_tanda, mac_tanda, &pakai) != 3
		|| t[pakai] != '\0' || strlen(mac_tanda) != 2 * MAC_LEN)
		hasil_alasan = "kkb.tanda is malformed";
	else if ((gpid = gpid_sesi(gpid_buf, sizeof(gpid_buf))) == NULL || strcmp(gpid, gpid_tanda) != 0)
		hasil_alasan = "kkb.tanda was signed for another coordinator session";
	else if ((detik = strtoll(kedaluwarsa, &akhir, 10), *akhir != '\0')
			 || detik < (int64) timestamptz_to_time_t(GetCurrentTimestamp()))
		hasil_alasan = "kkb.tanda has expired";
	else if (!kunci_baca(kunci, &kunci_len))
		hasil_alasan = "this node holds no signing key (kkb._kunci_sebaran): run SELECT kkb.sebarkan_akses() on the coordinator";
	else
	{
		tanda_hitung(kunci, kunci_len, GetUserNameFromId(sesi, false), login, wilayah, pengguna, opd, gpid, kedaluwarsa, mac);
		for (int i = 0; i < 2 * MAC_LEN; i++)
			beda |= (unsigned) (mac[i] ^ mac_tanda[i]);
		hasil = beda == 0;
		hasil_alasan = hasil ? NULL : "kkb.tanda does not match the settings, the login or the key";
	}
	if (dicek != NULL)
		pfree(dicek);
	dicek = MemoryContextStrdup(TopMemoryContext, kunci_cek);
	pfree(kunci_cek);
	dicek_lxid = MyProc->lxid;
	dicek_sesi = sesi;
	*alasan = hasil_alasan;
	return hasil;
}

/*
 * May this session give itself a region scope (and name the application
 * user)?  A superuser's or the gateway's login may; on a Citus worker, a
 * session whose settings carry the coordinator's valid signature.
 */
static bool
lingkup_boleh_alasan(const char **alasan)
{
	Oid			sesi = GetSessionUserId();
	Oid			gateway;

	*alasan = NULL;
	if (superuser_arg(sesi))
		return true;
	gateway = get_role_oid("kkb_gateway", true);
	if (OidIsValid(gateway) && is_member_of_role(sesi, gateway))
		return true;
	return tanda_sah(alasan);
}

/*
 * The working roles log in only on a cluster's nodes, in the sessions Citus
 * opens for the coordinator (with passwords only Citus holds).  Such a session without a valid signature came
 * from a coordinator session that switched to the role itself (a direct login
 * with SET ROLE), not from the gateway: it gets no scope and no rows, rather
 * than the nationwide view a role without a scope would have.
 */
static void
peran_kerja_tolak(const char *alasan)
{
	static const char *const kerja[] = {"kkb_admin", "kkb_pokja", "kkb_opd", "kkb_analis", "kkb_provinsi", "kkb_anon", "kkb_gateway"};
	const char *sesi = GetUserNameFromId(GetSessionUserId(), false);

	for (int i = 0; i < (int) lengthof(kerja); i++)
		if (strcmp(sesi, kerja[i]) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("a session logged in as the working role %s has no region scope of its own", sesi),
					 errdetail("On a Citus worker such a session comes from the coordinator and must carry its signed scope: %s.",
							   alasan ? alasan : "no signed scope (kkb.tanda) came with it"),
					 errhint("On a cluster a direct login does not SET ROLE to a working role: it works as its own login, with the scope bound by kkb.lingkup_login_atur (docs/SCALE.md).")));
}

static bool
lingkup_boleh(void)
{
	const char *alasan;

	return lingkup_boleh_alasan(&alasan);
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

		int			tingkat = -1;

		namestrcpy(&nama, GetUserNameFromId(sesi, false));
		args[0] = NameGetDatum(&nama);
		ada = false;
		/*
		 * On a Citus worker this runs inside a query on a shard (row-level
		 * security): kkb.lingkup_login is a reference table, a copy of which
		 * every node holds, so reading it there is allowed for this read only.
		 */
		if (GetConfigOption("citus.allow_nested_distributed_execution", true, false) != NULL)
		{
			tingkat = NewGUCNestLevel();
			(void) set_config_option("citus.allow_nested_distributed_execution", "on", PGC_USERSET,
									 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
		}
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
		if (tingkat >= 0)
			AtEOXact_GUC(true, tingkat);
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
	const char *alasan;

	if (v == NULL || v[0] == '\0')
	{
		/* no setting: a direct login has the scope bound to it, if any */
		if (lingkup_boleh_alasan(&alasan))
			PG_RETURN_NULL();
		peran_kerja_tolak(alasan);
		if (lingkup_login(&kode))
			PG_RETURN_INT64(kode);
		PG_RETURN_NULL();
	}
	if (!lingkup_boleh_alasan(&alasan))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the region scope kkb.wilayah may only be set by the gateway's login"),
				 alasan == NULL ?
				 errdetail("Session user \"%s\" is neither a superuser nor a member of kkb_gateway.",
						   GetUserNameFromId(GetSessionUserId(), false)) :
				 errdetail("Session user \"%s\" is neither a superuser nor a member of kkb_gateway, and %s.",
						   GetUserNameFromId(GetSessionUserId(), false), alasan),
				 errhint("Reset kkb.wilayah. Village and agency data is reached through kkb-gateway with a token; analysts use the kkb_bi views.")));
	if (kkb_kode_parse(v, strlen(v), &kode, &err) != KKB_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid region scope in kkb.wilayah: \"%s\"", v),
				 errdetail("%s", err.detail)));
	PG_RETURN_INT64(kode);
}

PG_FUNCTION_INFO_V1(kkb_sesi_dipercaya);

/*
 * kkb._sesi_dipercaya() -> boolean: may this session's settings name the
 * scope and the application user?  (kkb._pengguna, for the audit.)
 */
Datum
kkb_sesi_dipercaya(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(lingkup_boleh());
}

PG_FUNCTION_INFO_V1(kkb_sesi_login);

/*
 * kkb._sesi_login() -> text: the login a change came through, for the audit's
 * sesi column - the session user; in a session Citus opened on a worker for a
 * request whose settings carry a valid signature (the working role's own
 * login, see the top of this file), the coordinator session's login, signed
 * with them as kkb.sesi.
 */
Datum
kkb_sesi_login(PG_FUNCTION_ARGS)
{
	Oid			sesi = GetSessionUserId();
	const char *login = setelan("kkb.sesi");
	const char *alasan;
	Oid			gateway = get_role_oid("kkb_gateway", true);

	if (login[0] != '\0' && !superuser_arg(sesi) && !(OidIsValid(gateway) && is_member_of_role(sesi, gateway))
		&& tanda_sah(&alasan))
		PG_RETURN_TEXT_P(cstring_to_text(login));
	PG_RETURN_TEXT_P(cstring_to_text(GetUserNameFromId(sesi, false)));
}

/* SPI: run one utility statement or fail */
static void
spi_perintah(const char *sql)
{
	if (SPI_execute(sql, false, 0) != SPI_OK_UTILITY)
		elog(ERROR, "kkb: \"%s\" failed", sql);
}

PG_FUNCTION_INFO_V1(kkb_sesi_atur);

/*
 * kkb._sesi_atur(wilayah, pengguna, batas_waktu, opd): a gateway request's
 * settings for the rest of its transaction - kkb.wilayah, kkb.pengguna,
 * statement_timeout (milliseconds) and kkb.opd, as set_config(..., true)
 * would (NULL: the default).  With Citus loaded they are set with SET LOCAL
 * and citus.propagate_set_commands = local, so that the workers' sessions of
 * this transaction get them too, and - when this session may give a scope
 * and the cluster has a signing key - kkb.tanda with their signature (see the
 * top of this file).  Returns kkb.tanda's new value, or NULL.
 */
Datum
kkb_sesi_atur(PG_FUNCTION_ARGS)
{
	static const char *const nama[4] = {"kkb.wilayah", "kkb.pengguna", "statement_timeout", "kkb.opd"};
	char	   *nilai[4];
	bool		sebar = GetConfigOption("citus.propagate_set_commands", true, false) != NULL;
	char	   *tanda = NULL;
	const char *login = GetUserNameFromId(GetSessionUserId(), false);

	for (int i = 0; i < 4; i++)
		nilai[i] = PG_ARGISNULL(i) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(i));

	if (!sebar)
	{
		for (int i = 0; i < 4; i++)
			(void) set_config_option(nama[i], nilai[i], superuser() ? PGC_SUSET : PGC_USERSET,
									 PGC_S_SESSION, GUC_ACTION_LOCAL, true, 0, false);
		PG_RETURN_NULL();
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "kkb: SPI_connect failed");
	spi_perintah("SET LOCAL citus.propagate_set_commands TO local");
	/* the login the request came through, for the audit on the workers (kkb._sesi_login) */
	spi_perintah(psprintf("SET LOCAL kkb.sesi TO %s", quote_literal_cstr(login)));
	for (int i = 0; i < 4; i++)
		spi_perintah(nilai[i] == NULL ? psprintf("SET LOCAL %s TO DEFAULT", nama[i])
					 : psprintf("SET LOCAL %s TO %s", nama[i], quote_literal_cstr(nilai[i])));
	if (lingkup_boleh())
	{
		uint8		kunci[KUNCI_MAKS];
		int			kunci_len;

		if (kunci_baca(kunci, &kunci_len))
		{
			char		gpid[32],
						kedaluwarsa[32],
						mac[2 * MAC_LEN + 1];
			int64		batas_ms = nilai[2] ? strtoll(nilai[2], NULL, 10) : 0;
			int64		sampai = (int64) timestamptz_to_time_t(GetCurrentTimestamp())
				+ (batas_ms > 0 ? 2 * (batas_ms / 1000) + 60 : 3600);
			bool		kosong;

			if (SPI_execute("SELECT pg_catalog.citus_backend_gpid()::text", true, 1) != SPI_OK_SELECT
				|| SPI_processed != 1)
				elog(ERROR, "kkb: citus_backend_gpid() failed");
			snprintf(gpid, sizeof(gpid), "%s",
					 TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &kosong)));
			snprintf(kedaluwarsa, sizeof(kedaluwarsa), INT64_FORMAT, sampai);
			/* signed for the role the workers' sessions will log in as: this one */
			tanda_hitung(kunci, kunci_len, GetUserNameFromId(GetUserId(), false), login,
						 nilai[0] ? nilai[0] : "", nilai[1] ? nilai[1] : "", nilai[3] ? nilai[3] : "",
						 gpid, kedaluwarsa, mac);
			tanda = psprintf("%s.%s.%s", kedaluwarsa, gpid, mac);
			spi_perintah(psprintf("SET LOCAL kkb.tanda TO %s", quote_literal_cstr(tanda)));
		}
	}
	if (tanda == NULL)
		spi_perintah("SET LOCAL kkb.tanda TO DEFAULT");
	SPI_finish();
	if (tanda == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(tanda));
}

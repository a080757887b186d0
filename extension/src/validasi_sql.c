/*
 * validasi_sql.c - the row-level validation trigger of the village tables.
 *
 * kkb._validasi(jenis) is a BEFORE INSERT OR UPDATE FOR EACH ROW trigger.  It
 * reads only the row being written (so it works unchanged on the shards of a
 * distributed deployment), applies the pure C rules of core/validasi.c, and
 *   - for pengukuran, fills the derived columns (age, z-scores, categories,
 *     stunting, flags) from core/zscore.c - the same values kkb.antropometri
 *     gives for the same inputs;
 *   - for every table, stamps diubah_pada with the transaction time.
 * A violation raises 23514 (check_violation) naming the table and column, with
 * the rule's message, detail and hint.
 */
#include "postgres.h"

#include <math.h>
#include <string.h>

#include "fmgr.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "catalog/pg_collation.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/date.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "validasi.h"
#include "zscore.h"
#include "antropometri_sql.h"

/* Attribute number of a column that must exist, or an internal error. */
static int
attnum_of(Relation rel, const char *name)
{
	int			n = SPI_fnumber(RelationGetDescr(rel), name);

	if (n <= 0)
		elog(ERROR, "kkb._validasi: table \"%s\" has no column \"%s\"", RelationGetRelationName(rel), name);
	return n;
}

/* Fetch a column; *isnull tells whether it is NULL. */
static Datum
get(HeapTuple tup, Relation rel, const char *name, bool *isnull)
{
	return heap_getattr(tup, attnum_of(rel, name), RelationGetDescr(rel), isnull);
}

/* Raise the violation as 23514 on this table's column. */
static void
raise_violation(Relation rel, const kkb_pelanggaran *v)
{
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("%s", v->message),
			 errdetail("%s", v->detail),
			 v->hint[0] ? errhint("%s", v->hint) : 0,
			 errtablecol(rel, attnum_of(rel, v->field))));
}

/* Collected column replacements for heap_modify_tuple_by_cols. */
typedef struct perubahan
{
	int			n;
	int			cols[24];
	Datum		values[24];
	bool		nulls[24];
} perubahan;

static void
set_col(perubahan *p, Relation rel, const char *name, Datum v, bool isnull)
{
	Assert(p->n < 24);
	p->cols[p->n] = attnum_of(rel, name);
	p->values[p->n] = v;
	p->nulls[p->n] = isnull;
	p->n++;
}

static void
cek_anggota(Relation rel, HeapTuple tup, int32 today)
{
	kkb_anggota_fakta f;
	kkb_pelanggaran v;
	bool		isnull;
	Datum		d;

	memset(&f, 0, sizeof(f));
	/* a missing required column is for its NOT NULL constraint to report (23502) */
	f.nik = DatumGetInt64(get(tup, rel, "nik", &isnull));
	if (isnull)
		return;
	d = get(tup, rel, "jenis_kelamin", &isnull);
	if (isnull)
		return;
	f.jenis_kelamin = *VARDATA_ANY(DatumGetBpCharPP(d));
	f.tanggal_lahir = DatumGetDateADT(get(tup, rel, "tanggal_lahir", &isnull));
	if (isnull || DATE_NOT_FINITE(f.tanggal_lahir))
		return;
	d = get(tup, rel, "hamil", &isnull);
	f.has_hamil = !isnull;
	f.hamil = !isnull && DatumGetBool(d);
	(void) get(tup, rel, "kontrasepsi", &isnull);
	f.has_kontrasepsi = !isnull;
	f.hari_ini = today;
	if (kkb_cek_anggota(&f, &v))
		raise_violation(rel, &v);
}

static void
cek_keluarga(Relation rel, HeapTuple tup, int32 today)
{
	kkb_keluarga_fakta f;
	kkb_pelanggaran v;
	bool		isnull;

	f.no_kk = DatumGetInt64(get(tup, rel, "no_kk", &isnull));
	if (isnull)
		return;					/* NOT NULL reports it */
	f.hari_ini = today;
	if (kkb_cek_keluarga(&f, &v))
		raise_violation(rel, &v);
}

/* Validate a measurement and compute its derived columns into *p. */
static void
cek_pengukuran(Relation rel, HeapTuple tup, int32 today, perubahan *p)
{
	kkb_pengukuran_fakta f;
	kkb_pelanggaran v;
	struct kkb_anthro a;
	bool		isnull;
	Datum		d;
	int			sex,
				pos;
	bool		oedema;
	Datum		values[KKB_ANTRO_NCOLS];
	bool		nulls[KKB_ANTRO_NCOLS];
	int			i;

	memset(&f, 0, sizeof(f));
	d = get(tup, rel, "jenis_kelamin", &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NOT_NULL_VIOLATION),
				 errmsg("jenis_kelamin of the measured child is unknown"),
				 errdetail("A measurement takes the child's sex and birth date from its member record."),
				 errtablecol(rel, attnum_of(rel, "jenis_kelamin"))));
	sex = *VARDATA_ANY(DatumGetBpCharPP(d)) == 'L' ? KKB_MALE : KKB_FEMALE;
	d = get(tup, rel, "tanggal_lahir", &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NOT_NULL_VIOLATION),
				 errmsg("tanggal_lahir of the measured child is unknown"),
				 errdetail("A measurement takes the child's sex and birth date from its member record."),
				 errtablecol(rel, attnum_of(rel, "tanggal_lahir"))));
	f.tanggal_lahir = DatumGetDateADT(d);
	f.tanggal_ukur = DatumGetDateADT(get(tup, rel, "tanggal_ukur", &isnull));
	if (isnull)
		return;					/* NOT NULL reports it */
	d = get(tup, rel, "berat_kg", &isnull);
	f.has_berat = !isnull;
	f.berat_kg = isnull ? 0 : DatumGetFloat8(d);
	d = get(tup, rel, "tinggi_cm", &isnull);
	f.has_tinggi = !isnull;
	f.tinggi_cm = isnull ? 0 : DatumGetFloat8(d);
	d = get(tup, rel, "lila_cm", &isnull);
	f.has_lila = !isnull;
	f.lila_cm = isnull ? 0 : DatumGetFloat8(d);
	f.hari_ini = today;
	if (DATE_NOT_FINITE(f.tanggal_lahir) || DATE_NOT_FINITE(f.tanggal_ukur))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("tanggal_ukur and tanggal_lahir must be real dates"),
				 errtablecol(rel, attnum_of(rel, "tanggal_ukur"))));
	if (kkb_cek_pengukuran(&f, &v))
		raise_violation(rel, &v);

	d = get(tup, rel, "cara_ukur", &isnull);
	if (isnull)
		pos = KKB_POS_UNKNOWN;
	else
	{
		char	   *s = TextDatumGetCString(d);

		pos = strcmp(s, "berdiri") == 0 ? KKB_STANDING : KKB_LYING;
	}
	oedema = DatumGetBool(get(tup, rel, "oedema", &isnull)) && !isnull;

	kkb_anthro_all(sex, f.tanggal_ukur - f.tanggal_lahir, f.has_berat ? &f.berat_kg : NULL,
				   f.has_tinggi ? &f.tinggi_cm : NULL, pos, oedema, &a);
	kkb_antro_kolom_isi(&a, f.tanggal_ukur - f.tanggal_lahir, values, nulls);
	for (i = 0; i < KKB_ANTRO_NCOLS; i++)
		set_col(p, rel, kkb_antro_kolom[i], values[i], nulls[i]);
}

/*
 * A name column, when the table has one: refused when it breaks
 * kkb_cek_nama, else stored in Unicode normal form C (so that the same name
 * typed on two phones compares equal).  ASCII needs no normalising.
 */
static void
cek_nama(Relation rel, HeapTuple tup, const char *kolom, perubahan *p)
{
	int			att = SPI_fnumber(RelationGetDescr(rel), kolom);
	kkb_pelanggaran v;
	bool		isnull,
				ascii;
	Datum		d;
	text	   *t;

	if (att <= 0)
		return;
	d = heap_getattr(tup, att, RelationGetDescr(rel), &isnull);
	if (isnull)
		return;					/* NOT NULL reports it */
	t = DatumGetTextPP(d);
	if (kkb_cek_nama(kolom, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ascii, &v))
		raise_violation(rel, &v);
	if (!ascii && GetDatabaseEncoding() == PG_UTF8)
	{
		Datum		nfc = DirectFunctionCall2Coll(unicode_normalize_func, InvalidOid, d,
												  CStringGetTextDatum("NFC"));

		if (!DatumGetBool(DirectFunctionCall2Coll(texteq, C_COLLATION_OID, nfc, d)))
			set_col(p, rel, kolom, nfc, false);
	}
}

PG_FUNCTION_INFO_V1(kkb_validasi);

/*
 * kkb._validasi(jenis text) trigger: jenis is anggota, keluarga, pengukuran
 * or umum (stamp diubah_pada only).
 */
Datum
kkb_validasi(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	HeapTuple	tup;
	const char *jenis;
	int32		today;
	perubahan	p;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("kkb._validasi can only be called as a trigger")));
	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		TRIGGER_FIRED_BY_DELETE(td->tg_event) || td->tg_trigger->tgnargs != 1)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("kkb._validasi must be a BEFORE INSERT OR UPDATE row trigger with one argument")));

	rel = td->tg_relation;
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	jenis = td->tg_trigger->tgargs[0];
	today = GetSQLCurrentDate();
	p.n = 0;

	if (strcmp(jenis, "anggota") == 0)
		cek_anggota(rel, tup, today);
	else if (strcmp(jenis, "keluarga") == 0)
		cek_keluarga(rel, tup, today);
	else if (strcmp(jenis, "pengukuran") == 0)
		cek_pengukuran(rel, tup, today, &p);
	else if (strcmp(jenis, "umum") != 0)
		elog(ERROR, "kkb._validasi: unknown kind \"%s\"", jenis);
	cek_nama(rel, tup, "nama", &p);
	cek_nama(rel, tup, "judul", &p);

	set_col(&p, rel, "diubah_pada", TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()), false);
	tup = heap_modify_tuple_by_cols(tup, RelationGetDescr(rel), p.n, p.cols, p.values, p.nulls);
	return PointerGetDatum(tup);
}

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
#include "funcapi.h"
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
#include "utils/typcache.h"
#include "utils/syscache.h"
#include "utils/lsyscache.h"

#include "validasi.h"
#include "zscore.h"
#include "antropometri_sql.h"

/* Attribute number of a column that must exist, or an internal error. */
static int
attnum_of(TupleDesc desc, const char *name)
{
	int			n = SPI_fnumber(desc, name);

	if (n <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("the row has no column \"%s\", which the validation rules read", name)));
	return n;
}

/* Is type typ the extension's type kkb.<nama>? */
static bool
tipe_kkb(Oid typ, const char *nama)
{
	HeapTuple	t = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typ));
	bool		ok = false;

	if (HeapTupleIsValid(t))
	{
		Form_pg_type f = (Form_pg_type) GETSTRUCT(t);
		char	   *ruang = get_namespace_name(f->typnamespace);

		ok = strcmp(NameStr(f->typname), nama) == 0 && ruang && strcmp(ruang, "kkb") == 0;
		ReleaseSysCache(t);
	}
	return ok;
}

/*
 * Is column name of a row stored as the rules read it?  (kkb._validasi_langgar
 * takes rows of any row type; a table's own rows always are.)  want: 'v' a
 * variable-length value (text, character), '8' the extension's type of the
 * column's name (kkb.nik, kkb.no_kk), 'D' date, 'F' double precision, 'B'
 * boolean, '*' any (only its being NULL is read).  A column the row lacks is
 * refused too (42703); nama and judul only when the row has them.
 */
static void
tipe_cek(TupleDesc desc, const char *name, char want)
{
	Form_pg_attribute a;
	bool		cocok;

	if ((strcmp(name, "nama") == 0 || strcmp(name, "judul") == 0) && SPI_fnumber(desc, name) <= 0)
		return;
	a = TupleDescAttr(desc, attnum_of(desc, name) - 1);
	switch (want)
	{
		case 'v':
			cocok = a->attlen == -1;
			break;
		case '8':
			cocok = a->attlen == 8 && a->attbyval && tipe_kkb(a->atttypid, name);
			break;
		case 'D':
			cocok = a->atttypid == DATEOID;
			break;
		case 'F':
			cocok = a->atttypid == FLOAT8OID;
			break;
		case 'B':
			cocok = a->atttypid == BOOLOID;
			break;
		default:
			cocok = true;
			break;
	}
	if (!cocok)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of the row has type %s, which the validation rules do not read", name,
						format_type_be(a->atttypid)),
				 errhint("Pass a row of the table the rules are for.")));
}

/* Fetch a column; *isnull tells whether it is NULL. */
static Datum
get(HeapTuple tup, TupleDesc desc, const char *name, bool *isnull)
{
	return heap_getattr(tup, attnum_of(desc, name), desc, isnull);
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
			 errtablecol(rel, attnum_of(RelationGetDescr(rel), v->field))));
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
set_col(perubahan *p, TupleDesc desc, const char *name, Datum v, bool isnull)
{
	Assert(p->n < 24);
	p->cols[p->n] = attnum_of(desc, name);
	p->values[p->n] = v;
	p->nulls[p->n] = isnull;
	p->n++;
}

/*
 * The rules of each kind of row, on a row of any row type that has the
 * columns: true (and *v filled) when the row breaks one.  A NULL in a column
 * a rule needs leaves the rule to that column's NOT NULL constraint.
 */
static bool
cek_anggota(TupleDesc desc, HeapTuple tup, int32 today, kkb_pelanggaran *v)
{
	kkb_anggota_fakta f;
	bool		isnull;
	Datum		d;

	memset(&f, 0, sizeof(f));
	f.nik = DatumGetInt64(get(tup, desc, "nik", &isnull));
	if (isnull)
		return false;
	d = get(tup, desc, "jenis_kelamin", &isnull);
	if (isnull || VARSIZE_ANY_EXHDR(DatumGetPointer(d)) == 0)
		return false;
	f.jenis_kelamin = *VARDATA_ANY(DatumGetBpCharPP(d));
	f.tanggal_lahir = DatumGetDateADT(get(tup, desc, "tanggal_lahir", &isnull));
	if (isnull || DATE_NOT_FINITE(f.tanggal_lahir))
		return false;
	d = get(tup, desc, "hamil", &isnull);
	f.has_hamil = !isnull;
	f.hamil = !isnull && DatumGetBool(d);
	(void) get(tup, desc, "kontrasepsi", &isnull);
	f.has_kontrasepsi = !isnull;
	f.hari_ini = today;
	return kkb_cek_anggota(&f, v);
}

static bool
cek_keluarga(TupleDesc desc, HeapTuple tup, int32 today, kkb_pelanggaran *v)
{
	kkb_keluarga_fakta f;
	bool		isnull;

	f.no_kk = DatumGetInt64(get(tup, desc, "no_kk", &isnull));
	if (isnull)
		return false;
	f.hari_ini = today;
	return kkb_cek_keluarga(&f, v);
}

/*
 * A measurement's facts.  The child's sex and birth date are the member's:
 * read from the member row (adesc, atup) when one is given, else from the
 * measurement (where kkb._pengukuran_anak put them before this trigger).
 * *lengkap is false when a fact the rules need is missing (sex, birth date or
 * measuring date NULL, or a date not finite) - the trigger reports that itself.
 */
static bool
pengukuran_fakta(TupleDesc desc, HeapTuple tup, TupleDesc adesc, HeapTuple atup, int32 today,
				 kkb_pengukuran_fakta *f, int *sex, bool *lengkap)
{
	bool		isnull;
	Datum		d;

	memset(f, 0, sizeof(*f));
	*lengkap = false;
	if (atup == NULL)
	{
		adesc = desc;
		atup = tup;
	}
	d = get(atup, adesc, "jenis_kelamin", &isnull);
	if (isnull || VARSIZE_ANY_EXHDR(DatumGetPointer(d)) == 0)
		return false;
	*sex = *VARDATA_ANY(DatumGetBpCharPP(d)) == 'L' ? KKB_MALE : KKB_FEMALE;
	d = get(atup, adesc, "tanggal_lahir", &isnull);
	if (isnull)
		return false;
	f->tanggal_lahir = DatumGetDateADT(d);
	f->tanggal_ukur = DatumGetDateADT(get(tup, desc, "tanggal_ukur", &isnull));
	if (isnull || DATE_NOT_FINITE(f->tanggal_lahir) || DATE_NOT_FINITE(f->tanggal_ukur))
		return false;
	d = get(tup, desc, "berat_kg", &isnull);
	f->has_berat = !isnull;
	f->berat_kg = isnull ? 0 : DatumGetFloat8(d);
	d = get(tup, desc, "tinggi_cm", &isnull);
	f->has_tinggi = !isnull;
	f->tinggi_cm = isnull ? 0 : DatumGetFloat8(d);
	d = get(tup, desc, "lila_cm", &isnull);
	f->has_lila = !isnull;
	f->lila_cm = isnull ? 0 : DatumGetFloat8(d);
	f->hari_ini = today;
	*lengkap = true;
	return true;
}

/* Validate a measurement and compute its derived columns into *p. */
static void
pengukuran_trigger(Relation rel, HeapTuple tup, int32 today, perubahan *p)
{
	TupleDesc	desc = RelationGetDescr(rel);
	kkb_pengukuran_fakta f;
	kkb_pelanggaran v;
	struct kkb_anthro a;
	bool		isnull,
				lengkap;
	int			sex = KKB_FEMALE,
				pos;
	bool		oedema;
	Datum		d;
	Datum		values[KKB_ANTRO_NCOLS];
	bool		nulls[KKB_ANTRO_NCOLS];
	int			i;

	(void) pengukuran_fakta(desc, tup, NULL, NULL, today, &f, &sex, &lengkap);
	if (!lengkap)
	{
		const char *kolom = NULL;

		(void) get(tup, desc, "jenis_kelamin", &isnull);
		if (isnull)
			kolom = "jenis_kelamin";
		else
		{
			(void) get(tup, desc, "tanggal_lahir", &isnull);
			if (isnull)
				kolom = "tanggal_lahir";
		}
		if (kolom)
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("%s of the measured child is unknown", kolom),
					 errdetail("A measurement takes the child's sex and birth date from its member record."),
					 errtablecol(rel, attnum_of(desc, kolom))));
		(void) get(tup, desc, "tanggal_ukur", &isnull);
		if (isnull)
			return;				/* NOT NULL reports it */
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("tanggal_ukur and tanggal_lahir must be real dates"),
				 errtablecol(rel, attnum_of(desc, "tanggal_ukur"))));
	}
	if (kkb_cek_pengukuran(&f, &v))
		raise_violation(rel, &v);

	d = get(tup, desc, "cara_ukur", &isnull);
	if (isnull)
		pos = KKB_POS_UNKNOWN;
	else
	{
		char	   *s = TextDatumGetCString(d);

		pos = strcmp(s, "berdiri") == 0 ? KKB_STANDING : KKB_LYING;
	}
	oedema = DatumGetBool(get(tup, desc, "oedema", &isnull)) && !isnull;

	kkb_anthro_all(sex, f.tanggal_ukur - f.tanggal_lahir, f.has_berat ? &f.berat_kg : NULL,
				   f.has_tinggi ? &f.tinggi_cm : NULL, pos, oedema, &a);
	kkb_antro_kolom_isi(&a, f.tanggal_ukur - f.tanggal_lahir, values, nulls);
	for (i = 0; i < KKB_ANTRO_NCOLS; i++)
		set_col(p, desc, kkb_antro_kolom[i], values[i], nulls[i]);
}

/*
 * A name column, when the row has one: true when it breaks kkb_cek_nama.
 * *nfc receives the name in Unicode normal form C when that differs from
 * the stored text (so that the same name typed on two phones compares
 * equal); ASCII needs no normalising.
 */
static bool
cek_nama(TupleDesc desc, HeapTuple tup, const char *kolom, kkb_pelanggaran *v, Datum *nfc)
{
	int			att = SPI_fnumber(desc, kolom);
	bool		isnull,
				ascii;
	Datum		d;
	text	   *t;

	*nfc = (Datum) 0;
	if (att <= 0)
		return false;
	d = get(tup, desc, kolom, &isnull);
	if (isnull)
		return false;			/* NOT NULL reports it */
	t = DatumGetTextPP(d);
	if (kkb_cek_nama(kolom, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ascii, v))
		return true;
	if (!ascii && GetDatabaseEncoding() == PG_UTF8)
	{
		Datum		n = DirectFunctionCall2Coll(unicode_normalize_func, InvalidOid, d,
												CStringGetTextDatum("NFC"));

		if (!DatumGetBool(DirectFunctionCall2Coll(texteq, C_COLLATION_OID, n, d)))
			*nfc = n;
	}
	return false;
}

/*
 * The first rule of kind jenis the row breaks (the same order as the
 * trigger: the kind's own rules, then nama, then judul); pengukuran's rules
 * only when its facts are complete, the child's from the member row (adesc,
 * atup) when given.
 */
static bool
langgar(const char *jenis, TupleDesc desc, HeapTuple tup, TupleDesc adesc, HeapTuple atup, int32 today,
		kkb_pelanggaran *v)
{
	Datum		nfc;

	if (strcmp(jenis, "anggota") == 0)
	{
		if (cek_anggota(desc, tup, today, v))
			return true;
	}
	else if (strcmp(jenis, "keluarga") == 0)
	{
		if (cek_keluarga(desc, tup, today, v))
			return true;
	}
	else if (strcmp(jenis, "pengukuran") == 0)
	{
		kkb_pengukuran_fakta f;
		int			sex;
		bool		lengkap;

		if (pengukuran_fakta(desc, tup, adesc, atup, today, &f, &sex, &lengkap) && kkb_cek_pengukuran(&f, v))
			return true;
	}
	else if (strcmp(jenis, "umum") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown kind of row \"%s\"", jenis),
				 errhint("The kinds are anggota, keluarga, pengukuran and umum.")));
	return cek_nama(desc, tup, "nama", v, &nfc) || cek_nama(desc, tup, "judul", v, &nfc);
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
	TupleDesc	desc;
	const char *jenis;
	int32		today;
	perubahan	p;
	kkb_pelanggaran v;
	Datum		nfc;
	int			k;

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
	desc = RelationGetDescr(rel);
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	jenis = td->tg_trigger->tgargs[0];
	today = GetSQLCurrentDate();
	p.n = 0;

	if (strcmp(jenis, "anggota") == 0)
	{
		if (cek_anggota(desc, tup, today, &v))
			raise_violation(rel, &v);
	}
	else if (strcmp(jenis, "keluarga") == 0)
	{
		if (cek_keluarga(desc, tup, today, &v))
			raise_violation(rel, &v);
	}
	else if (strcmp(jenis, "pengukuran") == 0)
		pengukuran_trigger(rel, tup, today, &p);
	else if (strcmp(jenis, "umum") != 0)
		elog(ERROR, "kkb._validasi: unknown kind \"%s\"", jenis);
	for (k = 0; k < 2; k++)
	{
		const char *kolom = k == 0 ? "nama" : "judul";

		if (cek_nama(desc, tup, kolom, &v, &nfc))
			raise_violation(rel, &v);
		if (nfc != (Datum) 0)
			set_col(&p, desc, kolom, nfc, false);
	}

	set_col(&p, desc, "diubah_pada", TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()), false);
	tup = heap_modify_tuple_by_cols(tup, desc, p.n, p.cols, p.values, p.nulls);
	return PointerGetDatum(tup);
}

/*
 * kkb._validasi_langgar(jenis text, baris record, anak record, OUT kolom,
 * OUT pesan, OUT rincian, OUT saran): the first rule of the trigger
 * kkb._validasi(jenis) that the row breaks, without raising - NULL when it
 * breaks none.  baris is any row with the table's columns (a table row, or a
 * query's row with more columns), so a batch can be checked set-based before
 * it is written; anak, for a measurement, the measured child's member row (its
 * sex and birth date), or NULL.
 */
PG_FUNCTION_INFO_V1(kkb_validasi_langgar);

static void
rekam(HeapTupleHeader th, HeapTupleData *tup, TupleDesc *desc)
{
	*desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(th), HeapTupleHeaderGetTypMod(th));
	tup->t_len = HeapTupleHeaderGetDatumLength(th);
	ItemPointerSetInvalid(&tup->t_self);
	tup->t_tableOid = InvalidOid;
	tup->t_data = th;
}

Datum
kkb_validasi_langgar(PG_FUNCTION_ARGS)
{
	char	   *jenis;
	TupleDesc	desc,
				adesc = NULL,
				outdesc;
	HeapTupleData tup,
				atup;
	kkb_pelanggaran v;
	bool		ada;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	jenis = text_to_cstring(PG_GETARG_TEXT_PP(0));
	rekam(PG_GETARG_HEAPTUPLEHEADER(1), &tup, &desc);
	if (!PG_ARGISNULL(2))
		rekam(PG_GETARG_HEAPTUPLEHEADER(2), &atup, &adesc);
	/* the columns each kind's rules read, of the types they read them as */
	if (strcmp(jenis, "anggota") == 0)
	{
		tipe_cek(desc, "nik", '8');
		tipe_cek(desc, "jenis_kelamin", 'v');
		tipe_cek(desc, "tanggal_lahir", 'D');
		tipe_cek(desc, "hamil", 'B');
		tipe_cek(desc, "kontrasepsi", '*');
	}
	else if (strcmp(jenis, "keluarga") == 0)
		tipe_cek(desc, "no_kk", '8');
	else if (strcmp(jenis, "pengukuran") == 0)
	{
		tipe_cek(adesc ? adesc : desc, "jenis_kelamin", 'v');
		tipe_cek(adesc ? adesc : desc, "tanggal_lahir", 'D');
		tipe_cek(desc, "tanggal_ukur", 'D');
		tipe_cek(desc, "berat_kg", 'F');
		tipe_cek(desc, "tinggi_cm", 'F');
		tipe_cek(desc, "lila_cm", 'F');
	}
	tipe_cek(desc, "nama", 'v');
	tipe_cek(desc, "judul", 'v');
	ada = langgar(jenis, desc, &tup, adesc, adesc ? &atup : NULL, GetSQLCurrentDate(), &v);
	ReleaseTupleDesc(desc);
	if (adesc)
		ReleaseTupleDesc(adesc);
	if (!ada)
		PG_RETURN_NULL();

	if (get_call_result_type(fcinfo, NULL, &outdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "kkb._validasi_langgar: the result must be a row type");
	values[0] = CStringGetTextDatum(v.field);
	values[1] = CStringGetTextDatum(v.message);
	values[2] = CStringGetTextDatum(v.detail);
	if (v.hint[0])
		values[3] = CStringGetTextDatum(v.hint);
	else
		nulls[3] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(outdesc), values, nulls)));
}

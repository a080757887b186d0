/*
 * wilayah_sql.c - SQL access to the compiled-in national region reference.
 *
 * kkb._wilayah_data() returns every row of the reference; the install script
 * copies it into the table kkb.wilayah, so CREATE EXTENSION needs no file
 * outside the extension's own library.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "wilayah.h"

PG_FUNCTION_INFO_V1(kkb_wilayah_data);

/* Dotted text of an encoded region code (digits padded to 10, times 10, plus level). */
static void
format_kode(int64 enc, char *out)
{
	int			level = (int) (enc % 10);
	int64		d = enc / 10;

	switch (level)
	{
		case 1:
			snprintf(out, 16, "%02d", (int) (d / 100000000));
			break;
		case 2:
			snprintf(out, 16, "%02d.%02d", (int) (d / 100000000), (int) (d / 1000000 % 100));
			break;
		case 3:
			snprintf(out, 16, "%02d.%02d.%02d", (int) (d / 100000000), (int) (d / 1000000 % 100),
					 (int) (d / 10000 % 100));
			break;
		default:
			snprintf(out, 16, "%02d.%02d.%02d.%04d", (int) (d / 100000000), (int) (d / 1000000 % 100),
					 (int) (d / 10000 % 100), (int) (d % 10000));
			break;
	}
}

/*
 * kkb._wilayah_data() RETURNS TABLE (kode text, nama text)
 * All rows of the compiled-in reference, in code order.
 */
Datum
kkb_wilayah_data(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < kkb_wilayah_nrows; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};
		char		buf[16];

		format_kode(kkb_wilayah_rows[i].kode, buf);
		values[0] = CStringGetTextDatum(buf);
		values[1] = CStringGetTextDatum(kkb_wilayah_rows[i].nama);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

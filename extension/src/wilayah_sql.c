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

/*
 * kkb._wilayah_data() RETURNS TABLE (kode kkb.kode_wilayah, nama text)
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

		values[0] = Int64GetDatum(kkb_wilayah_rows[i].kode);
		values[1] = CStringGetTextDatum(kkb_wilayah_rows[i].nama);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * wilayah_sql.c - the national region reference, read from its data file.
 *
 * kkb._wilayah_data() returns every row of the reference; the install script
 * copies it into the table kkb.wilayah at CREATE EXTENSION.  The rows live in
 * kampungkb_wilayah.tsv in PostgreSQL's extension directory (next to
 * kampungkb.control; generated from data/wilayah/wilayah_all.csv by
 * gen/wilayah_data.sh and installed by `make install`), not in the library:
 * compiled in, the 91,599 rows made the library 5.1 MB instead of 0.7 MB and
 * cost every backend that loads it 1.4 MB of private memory (the relocated
 * table) and several milliseconds at load (see docs/DESIGN.md).  Nothing else
 * reads the file: region checks look up the table kkb.wilayah.
 */
#include "postgres.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(kkb_wilayah_data);

#define WILAYAH_FILE "kampungkb_wilayah.tsv"

static void
wilayah_corrupt(const char *path, long lineno, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("the region reference \"%s\" is damaged at line %ld: %s", path, lineno, what),
			 errhint("Reinstall the extension's files (make install) and run the command again.")));
}

/*
 * kkb._wilayah_data() RETURNS TABLE (kode kkb.kode_wilayah, nama text)
 * All rows of the reference file, in code order.  The file is checked as it
 * is read: strictly increasing codes, a tab, a non-empty UTF-8 name (converted
 * to the database encoding), and as many rows as its header says.
 */
Datum
kkb_wilayah_data(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char		sharepath[MAXPGPATH];
	char		path[MAXPGPATH];
	char		line[1024];
	FILE	   *f;
	long		lineno = 0,
				nrows = 0,
				expected = -1;
	int64		prev = 0;

	InitMaterializedSRF(fcinfo, 0);
	get_share_path(my_exec_path, sharepath);
	snprintf(path, sizeof(path), "%s/extension/%s", sharepath, WILAYAH_FILE);
	f = AllocateFile(path, "r");
	if (f == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open the region reference \"%s\": %m", path),
				 errdetail("The national region list is a data file installed with the extension, next to kampungkb.control."),
				 errhint("Install the extension's files (make install) and run the command again.")));

	while (fgets(line, sizeof(line), f) != NULL)
	{
		size_t		len = strlen(line);
		char	   *tab;
		char	   *end;
		char	   *nama;
		int64		kode;
		Datum		values[2];
		bool		nulls[2] = {false, false};

		lineno++;
		if (len == 0 || line[len - 1] != '\n')
			wilayah_corrupt(path, lineno, "a line that is too long or has no end");
		line[--len] = '\0';
		if (line[0] == '#')
		{
			if (strncmp(line, "# rows ", 7) == 0)
			{
				errno = 0;
				expected = strtol(line + 7, &end, 10);
				if (errno != 0 || end == line + 7 || *end != '\0' || expected < 0)
					wilayah_corrupt(path, lineno, "a malformed row count");
			}
			continue;
		}
		tab = strchr(line, '\t');
		if (tab == NULL)
			wilayah_corrupt(path, lineno, "no tab between the code and the name");
		*tab = '\0';
		errno = 0;
		kode = strtoll(line, &end, 10);
		if (errno != 0 || end == line || end != tab || kode <= prev)
			wilayah_corrupt(path, lineno, "a malformed code, or one out of order");
		nama = tab + 1;
		if (*nama == '\0')
			wilayah_corrupt(path, lineno, "an empty name");
		/* verifies the UTF-8 and converts it to the database encoding */
		nama = pg_any_to_server(nama, (int) strlen(nama), PG_UTF8);

		values[0] = Int64GetDatum(kode);
		values[1] = CStringGetTextDatum(nama);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		prev = kode;
		nrows++;
	}
	if (ferror(f))
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read the region reference \"%s\": %m", path)));
	FreeFile(f);
	if (expected < 0 || nrows != expected)
	{
		char		what[128];

		snprintf(what, sizeof(what), "%ld rows where its header says %ld (the file is cut short)", nrows, expected);
		wilayah_corrupt(path, lineno, what);
	}
	return (Datum) 0;
}

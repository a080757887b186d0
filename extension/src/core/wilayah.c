/*
 * wilayah.c - lookups in the compiled-in national region reference.
 */
#include "wilayah.h"

#include <stddef.h>

/*
 * Binary search over the rows (sorted by encoded code).
 * Returns the region's name, or NULL when the code is not in the reference.
 */
const char *
kkb_wilayah_nama(int64_t kode)
{
	int			lo = 0,
				hi = kkb_wilayah_nrows - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int64_t		k = kkb_wilayah_rows[mid].kode;

		if (k == kode)
			return kkb_wilayah_rows[mid].nama;
		if (k < kode)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/*
 * wilayah.h - the national region reference compiled into the extension.
 *
 * The rows come from data/wilayah/wilayah_all.csv through gen/wilayah_data.sh.
 * Codes are held in the kode_wilayah int64 encoding: the code's digits padded
 * on the right with zeros to 10 digits, times 10, plus the level (1 province,
 * 2 regency/city, 3 district, 4 village).  13.77.01.1001 -> 13770110014.
 * Pure C: no PostgreSQL headers.
 */
#ifndef KKB_WILAYAH_H
#define KKB_WILAYAH_H

#include <stdint.h>

typedef struct kkb_wilayah_row
{
	int64_t		kode;			/* encoded region code */
	const char *nama;			/* official name, UTF-8 */
} kkb_wilayah_row;

extern const kkb_wilayah_row kkb_wilayah_rows[];
extern const int kkb_wilayah_nrows;

/* Name of the region with encoded code `kode`, or NULL when it is not in the reference. */
const char *kkb_wilayah_nama(int64_t kode);

#endif

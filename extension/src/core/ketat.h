/*
 * ketat.h - strict reading of dates and times a client writes (ketat =
 * strict): the pure C core of kkb._ketat_waktu (sql/install/16_ketat.sql).
 *
 * A date is YYYY-MM-DD; a timestamp without time zone YYYY-MM-DDTHH:MM with
 * optional :SS and .f (1 to 6 digits), T or a space between date and time; a
 * timestamp with time zone the same followed by Z or +HH:MM / -HH:MM.  Digits
 * are ASCII digits; nothing before or after.  The day must be one of the
 * calendar (years 1 to 9999), the time and offset within 23:59:59.
 * No PostgreSQL headers.
 */
#ifndef KKB_KETAT_H
#define KKB_KETAT_H

#include <stddef.h>

typedef enum kkb_waktu_hasil
{
	KKB_WAKTU_SAH = 0,			/* it is one */
	KKB_WAKTU_BENTUK,			/* not of the form: SQLSTATE 22007 */
	KKB_WAKTU_TIDAK_ADA			/* of the form, but no such day or time: 22008 */
} kkb_waktu_hasil;

/*
 * Is s (n bytes) a value of kind jenis: 'd' date, 't' timestamp, any other
 * kind a timestamp with Z or an offset?
 */
kkb_waktu_hasil kkb_ketat_waktu(const char *s, size_t n, char jenis);

/* Is y-m-d a day of the calendar (years 1 to 9999)? */
int			kkb_ketat_hari(int y, int m, int d);

#endif

/*
 * test_ketat.c - strict dates and times (kkb_ketat_waktu): the forms accepted
 * for each kind, the forms refused (22007), the days and times that do not
 * exist (22008).
 */
#include "tap.h"
#include "ketat.h"

static kkb_waktu_hasil
w(const char *s, char jenis)
{
	return kkb_ketat_waktu(s, strlen(s), jenis);
}

int
main(void)
{
	/* dates */
	ok(w("2026-10-01", 'd') == KKB_WAKTU_SAH, "2026-10-01 is a date");
	ok(w("2024-02-29", 'd') == KKB_WAKTU_SAH, "2024-02-29: a leap day");
	ok(w("2000-02-29", 'd') == KKB_WAKTU_SAH, "2000-02-29: divisible by 400, a leap year");
	ok(w("0001-01-01", 'd') == KKB_WAKTU_SAH && w("9999-12-31", 'd') == KKB_WAKTU_SAH, "years 1 and 9999");
	ok(w("1900-02-29", 'd') == KKB_WAKTU_TIDAK_ADA, "1900-02-29: a century not divisible by 400 has none (22008)");
	ok(w("2026-02-30", 'd') == KKB_WAKTU_TIDAK_ADA, "2026-02-30: no such day");
	ok(w("2026-04-31", 'd') == KKB_WAKTU_TIDAK_ADA, "2026-04-31: April has 30");
	ok(w("2026-13-01", 'd') == KKB_WAKTU_TIDAK_ADA && w("2026-00-10", 'd') == KKB_WAKTU_TIDAK_ADA, "months 13 and 0");
	ok(w("0000-01-01", 'd') == KKB_WAKTU_TIDAK_ADA, "year 0");
	ok(w("2026-01-32", 'd') == KKB_WAKTU_TIDAK_ADA && w("2026-01-00", 'd') == KKB_WAKTU_TIDAK_ADA, "days 32 and 0");
	ok(w("today", 'd') == KKB_WAKTU_BENTUK, "a word: 22007");
	ok(w("20261001", 'd') == KKB_WAKTU_BENTUK, "no dashes");
	ok(w("2026-1-01", 'd') == KKB_WAKTU_BENTUK, "a one-digit month");
	ok(w(" 2026-10-01", 'd') == KKB_WAKTU_BENTUK && w("2026-10-01 ", 'd') == KKB_WAKTU_BENTUK, "spaces before or after");
	ok(w("2026-10-01+07", 'd') == KKB_WAKTU_BENTUK, "a date with a time zone");
	ok(w("2026-10-01T10:00", 'd') == KKB_WAKTU_BENTUK, "a date with a time");
	ok(w("", 'd') == KKB_WAKTU_BENTUK && w("2026-10-0", 'd') == KKB_WAKTU_BENTUK, "empty, or cut short");
	ok(w("\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa6-10-01", 'd') == KKB_WAKTU_BENTUK, "Arabic-Indic digits are not ASCII digits");
	ok(kkb_ketat_waktu("2026-10-01x", 10, 'd') == KKB_WAKTU_SAH, "the length given is the value's (no terminator needed)");

	/* timestamps without time zone */
	ok(w("2026-10-01T10:30", 't') == KKB_WAKTU_SAH, "HH:MM");
	ok(w("2026-10-01 10:30:15", 't') == KKB_WAKTU_SAH, "a space instead of T, with seconds");
	ok(w("2026-10-01T10:30:15.123456", 't') == KKB_WAKTU_SAH, "six digits of fraction");
	ok(w("2026-10-01T10:30:15.1234567", 't') == KKB_WAKTU_BENTUK, "seven: 22007");
	ok(w("2026-10-01T10:30:15.", 't') == KKB_WAKTU_BENTUK, "a point without digits");
	ok(w("2026-10-01T10:30.5", 't') == KKB_WAKTU_BENTUK, "a fraction without seconds");
	ok(w("2026-10-01T10:30Z", 't') == KKB_WAKTU_BENTUK, "a time zone where none is taken");
	ok(w("2026-10-01", 't') == KKB_WAKTU_BENTUK, "a date alone is no timestamp");
	ok(w("2026-10-01T24:00", 't') == KKB_WAKTU_TIDAK_ADA, "24:00: 22008");
	ok(w("2026-10-01T23:60", 't') == KKB_WAKTU_TIDAK_ADA, "minute 60");
	ok(w("2026-10-01T23:59:60", 't') == KKB_WAKTU_TIDAK_ADA, "second 60");
	ok(w("2026-02-29T10:00", 't') == KKB_WAKTU_TIDAK_ADA, "no such day, with a time");
	ok(w("2026-02-29T25:00", 't') == KKB_WAKTU_TIDAK_ADA, "no such day and hour: 22008");
	ok(w("2026-10-01t10:00", 't') == KKB_WAKTU_BENTUK, "a small t");

	/* timestamps with time zone */
	ok(w("2026-10-01T10:30:00Z", 'z') == KKB_WAKTU_SAH, "Z");
	ok(w("2026-10-01T10:30+07:00", 'z') == KKB_WAKTU_SAH, "an offset +07:00");
	ok(w("2026-10-01 10:30:00.5-03:30", 'z') == KKB_WAKTU_SAH, "a negative offset after a fraction");
	ok(w("2026-10-01T10:30:00", 'z') == KKB_WAKTU_BENTUK, "no zone: 22007");
	ok(w("2026-10-01T10:30+07", 'z') == KKB_WAKTU_BENTUK, "+07 without minutes");
	ok(w("2026-10-01T10:30+0700", 'z') == KKB_WAKTU_BENTUK, "+0700 without a colon");
	ok(w("2026-10-01T10:30 Z", 'z') == KKB_WAKTU_BENTUK, "a space before Z");
	ok(w("2026-10-01T10:30+24:00", 'z') == KKB_WAKTU_TIDAK_ADA, "an offset of 24 hours: 22008");
	ok(w("2026-10-01T10:30+07:60", 'z') == KKB_WAKTU_TIDAK_ADA, "an offset minute 60");
	ok(w("2026-10-01T10:30ZZ", 'z') == KKB_WAKTU_BENTUK, "something after the zone");

	ok(kkb_ketat_hari(2024, 2, 29) && !kkb_ketat_hari(2023, 2, 29) && kkb_ketat_hari(2026, 12, 31) && !kkb_ketat_hari(10000, 1, 1),
	   "kkb_ketat_hari: leap days, the last day of a year, year 10000");
	return done_testing();
}

/*
 * validasi.c - row-level validation rules of the by-name tables.
 * See validasi.h for the contract; DOMAIN.md sections 5 and 6 for the facts.
 */
#include "validasi.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ident.h"

#if defined(__GNUC__)
#define KKB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define KKB_PRINTF(f, a)
#endif

static bool violate(kkb_pelanggaran *out, const char *field, const char *hint, const char *detail_fmt,
					const char *msg_fmt, ...) KKB_PRINTF(5, 6);

/* Fill a violation; always returns true so callers can `return violate(...)`. */
static bool
violate(kkb_pelanggaran *out, const char *field, const char *hint, const char *detail_fmt,
		const char *msg_fmt, ...)
{
	va_list		ap;

	snprintf(out->field, sizeof(out->field), "%s", field);
	va_start(ap, msg_fmt);
	vsnprintf(out->message, sizeof(out->message), msg_fmt, ap);
	va_end(ap);
	snprintf(out->detail, sizeof(out->detail), "%s", detail_fmt);
	snprintf(out->hint, sizeof(out->hint), "%s", hint ? hint : "");
	return true;
}

static void
clear(kkb_pelanggaran *out)
{
	out->field[0] = out->message[0] = out->detail[0] = out->hint[0] = '\0';
}

/*
 * Civil date from days since 2000-01-01 (Howard Hinnant's days_from_civil
 * algorithm, shifted to the 2000 epoch: 2000-01-01 is day 10957 after
 * 1970-01-01).
 */
void
kkb_hari_ke_tanggal(int32_t days, int *y, int *m, int *d)
{
	int64_t		z = (int64_t) days + 10957 + 719468;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int64_t		dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t		mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int) (yoe + era * 400 + (mm <= 2));
	*m = (int) mm;
	*d = (int) dd;
}

int32_t
kkb_tanggal_ke_hari(int y, int m, int d)
{
	int64_t		yy = y - (m <= 2);
	int64_t		era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t		yoe = yy - era * 400;
	int64_t		doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t) (era * 146097 + doe - 719468 - 10957);
}

int
kkb_umur_tahun(int32_t birth, int32_t on)
{
	int			by,
				bm,
				bd,
				y,
				m,
				d,
				age;

	kkb_hari_ke_tanggal(birth, &by, &bm, &bd);
	kkb_hari_ke_tanggal(on, &y, &m, &d);
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

bool
kkb_cek_anggota(const kkb_anggota_fakta *f, kkb_pelanggaran *out)
{
	int			y,
				m,
				d;
	char		nik[KKB_NIK_BUFLEN];
	int			nday,
				nmonth,
				nyy;
	char		sex;

	clear(out);
	kkb_hari_ke_tanggal(f->tanggal_lahir, &y, &m, &d);
	if (f->tanggal_lahir > f->hari_ini)
		return violate(out, "tanggal_lahir", "Check the year: a two-digit year may have been read in the wrong century.",
					   "A birth date cannot be in the future.",
					   "tanggal_lahir %04d-%02d-%02d is in the future", y, m, d);

	kkb_nik_format(f->nik, nik);
	sex = kkb_nik_sex(f->nik);
	nday = (nik[6] - '0') * 10 + (nik[7] - '0');
	nmonth = (nik[8] - '0') * 10 + (nik[9] - '0');
	nyy = (nik[10] - '0') * 10 + (nik[11] - '0');
	if (sex != '\0' && sex != f->jenis_kelamin)
		return violate(out, "jenis_kelamin",
					   "Check the NIK on the family card and the sex recorded for this member.",
					   sex == 'P' ? "The NIK's day of birth has 40 added, which marks a woman."
					   : "The NIK's day of birth has no 40 added, which marks a man.",
					   "jenis_kelamin %c does not match nik %s (%s)", f->jenis_kelamin, nik,
					   sex == 'P' ? "perempuan" : "laki-laki");
	if (sex != '\0' && ((sex == 'P' ? nday - 40 : nday) != d || nmonth != m || nyy != y % 100))
		return violate(out, "tanggal_lahir",
					   "Check the NIK on the family card and the birth date recorded for this member.",
					   "The NIK holds the birth date as DDMMYY (women: day + 40); it must be the recorded birth date.",
					   "tanggal_lahir %04d-%02d-%02d does not match nik %s (born %02d-%02d-%02d)",
					   y, m, d, nik, sex == 'P' ? nday - 40 : nday, nmonth, nyy);
	if (f->has_hamil && f->hamil && f->jenis_kelamin == 'L')
		return violate(out, "hamil", "Record the pregnancy on the female member.",
					   "Only a woman can be recorded as pregnant.",
					   "hamil is true for a male member (nik %s)", nik);
	if (f->has_kontrasepsi)
	{
		int			age = kkb_umur_tahun(f->tanggal_lahir, f->hari_ini);

		if (age < KKB_KB_UMUR_MIN || age > KKB_KB_UMUR_MAX)
			return violate(out, "kontrasepsi", "Check the birth date, or leave the method empty.",
						   "A contraceptive method can only be recorded for someone aged 10 to 54.",
						   "kontrasepsi recorded for a member aged %d (nik %s)", age, nik);
	}
	return false;
}

bool
kkb_cek_keluarga(const kkb_keluarga_fakta *f, kkb_pelanggaran *out)
{
	char		kk[KKB_KK_BUFLEN];
	int			y,
				m,
				d,
				ry,
				rm,
				rd;

	clear(out);
	kkb_kk_format(f->no_kk, kk);
	if (kkb_kk_region(f->no_kk) == 0)
		return violate(out, "no_kk", "The first six digits are the province, regency/city and district codes.",
					   "The region of issue in a family card number needs a regency/city and a district (neither may be 00).",
					   "no_kk %s has a malformed region of issue %.6s", kk, kk);
	kkb_hari_ke_tanggal(f->hari_ini, &ry, &rm, &rd);
	if (kkb_kk_issue_date(f->no_kk, ry, rm, rd, &y, &m, &d) == KKB_OK &&
		kkb_tanggal_ke_hari(y, m, d) > f->hari_ini)
		return violate(out, "no_kk", NULL, "A family card cannot have been issued in the future.",
					   "no_kk %s has an issue date in the future", kk);
	return false;
}

/* True when v lies in [lo, hi]. */
static bool
within(double v, double lo, double hi)
{
	return isfinite(v) && v >= lo && v <= hi;
}

bool
kkb_cek_pengukuran(const kkb_pengukuran_fakta *f, kkb_pelanggaran *out)
{
	int			y,
				m,
				d;
	int32_t		age;

	clear(out);
	kkb_hari_ke_tanggal(f->tanggal_ukur, &y, &m, &d);
	if (f->tanggal_ukur > f->hari_ini)
		return violate(out, "tanggal_ukur", NULL, "A measurement cannot be dated in the future.",
					   "tanggal_ukur %04d-%02d-%02d is in the future", y, m, d);
	if (f->tanggal_ukur < f->tanggal_lahir)
		return violate(out, "tanggal_ukur", "Check the measurement date and the child's birth date.",
					   "A child cannot be measured before it was born.",
					   "tanggal_ukur %04d-%02d-%02d is before the child's birth", y, m, d);
	age = f->tanggal_ukur - f->tanggal_lahir;
	if (age > 1826)
		return violate(out, "tanggal_ukur", "Measurements are recorded for children under five only.",
					   "Growth monitoring covers children under 60 months (1826 days or younger).",
					   "the child is %d days (%d months) old at tanggal_ukur %04d-%02d-%02d", age,
					   (int) floor(age / 30.4375), y, m, d);
	if (!f->has_berat && !f->has_tinggi)
		return violate(out, "berat_kg", NULL, "A measurement needs a weight, a length/height or both.",
					   "berat_kg and tinggi_cm are both missing");
	if (f->has_berat && !within(f->berat_kg, KKB_BERAT_MIN_KG, KKB_BERAT_MAX_KG))
		return violate(out, "berat_kg", "Weights are in kilograms, e.g. 9.4.",
					   "A child's weight must be between 0.5 and 60 kg.",
					   "berat_kg %g is outside 0.5-60 kg", f->berat_kg);
	if (f->has_tinggi && !within(f->tinggi_cm, KKB_TINGGI_MIN_CM, KKB_TINGGI_MAX_CM))
		return violate(out, "tinggi_cm", "Lengths and heights are in centimetres, e.g. 74.5.",
					   "A child's length or height must be between 35 and 150 cm.",
					   "tinggi_cm %g is outside 35-150 cm", f->tinggi_cm);
	if (f->has_lila && !within(f->lila_cm, KKB_LILA_MIN_CM, KKB_LILA_MAX_CM))
		return violate(out, "lila_cm", "The mid-upper arm circumference is in centimetres, e.g. 14.2.",
					   "An arm circumference must be between 5 and 50 cm.",
					   "lila_cm %g is outside 5-50 cm", f->lila_cm);
	return false;
}

/* ---------------------------------------------------------------- names */

/* Decode one UTF-8 sequence at s (n bytes left); returns its length, 0 if malformed. */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t		k,
				i;

	if (s[0] < 0x80)
	{
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0)
		k = 2, *cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		k = 3, *cp = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		k = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (k > n)
		return 0;
	for (i = 1; i < k; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	return k;
}

/* Control, direction-changing or invisible: never part of a name. */
static bool
nama_terlarang(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C ||
		(c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
		(c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
		c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

/* A letter of some script (by block; see validasi.h). */
static bool
huruf(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	if (c < 0x370)
		return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
	if (c >= 0x2000 && c <= 0x2BFF)		/* punctuation, symbols, arrows, box drawing ... */
		return false;
	if (c >= 0x3000 && c <= 0x303F)		/* CJK spaces and punctuation */
		return false;
	if (c >= 0xD800 && c <= 0xF8FF)		/* surrogates, private use */
		return false;
	if (c >= 0xFE00 && c <= 0xFE6F)		/* variation selectors, small forms */
		return false;
	if (c >= 0xFF00 && c <= 0xFF20)		/* full-width punctuation and digits */
		return false;
	if (c >= 0xFFF0 && c <= 0xFFFF)
		return false;
	if (c >= 0xE0000)					/* tags, variation selectors, private planes */
		return false;
	return true;
}

bool
kkb_cek_nama(const char *field, const char *s, size_t len, bool *ascii, kkb_pelanggaran *out)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0,
				k;
	int			pos = 0;
	bool		ada_huruf = false;
	uint32_t	c;

	clear(out);
	*ascii = true;
	while (i < len)
	{
		k = utf8_next(u + i, len - i, &c);
		pos++;
		if (k == 0)
			return violate(out, field, NULL, "A name is text in UTF-8.",
						   "%s is not valid UTF-8 at character %d", field, pos);
		if (c >= 0x80)
			*ascii = false;
		if (nama_terlarang(c))
			return violate(out, field, "Retype the name without copying it from elsewhere; remove hidden characters.",
						   "A name may not contain control characters, hidden characters or characters that change the reading direction.",
						   "%s contains the character U+%04X at position %d", field, (unsigned) c, pos);
		if (huruf(c))
			ada_huruf = true;
		i += k;
	}
	if (!ada_huruf)
		return violate(out, field, "Write the name in letters.",
					   "A name needs at least one letter; spaces, digits or punctuation alone are no name.",
					   "%s has no letter", field);
	return false;
}

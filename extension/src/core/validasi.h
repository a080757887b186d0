/*
 * validasi.h - row-level validation rules of the by-name tables (pure C).
 *
 * One function per table checks what is impossible in a single row (the
 * "hard" rules of the data model) and reports the first violation: the field,
 * a message naming it and its value, a detail and a hint.  Everything these
 * rules need is in the row itself, so they run unchanged on every shard of a
 * distributed deployment.  The SQL trigger (validasi_sql.c) maps a violation
 * to SQLSTATE 23514 (check_violation).  No PostgreSQL headers.
 *
 * Dates are days since 2000-01-01 (PostgreSQL's DateADT), so the trigger can
 * pass its values straight in.
 */
#ifndef KKB_VALIDASI_H
#define KKB_VALIDASI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KKB_V_TEXT 256

/* The first rule a row breaks; field is "" when the row is valid. */
typedef struct kkb_pelanggaran
{
	char		field[64];		/* column that is wrong */
	char		message[KKB_V_TEXT];	/* lower case, names the field and the value */
	char		detail[KKB_V_TEXT];	/* full sentence */
	char		hint[KKB_V_TEXT];	/* full sentence or "" */
} kkb_pelanggaran;

/* Physical bounds of a child's measurement (WHO anthro's plausible input ranges). */
#define KKB_BERAT_MIN_KG 0.5
#define KKB_BERAT_MAX_KG 60.0
#define KKB_TINGGI_MIN_CM 35.0
#define KKB_TINGGI_MAX_CM 150.0
#define KKB_LILA_MIN_CM 5.0
#define KKB_LILA_MAX_CM 50.0

/* Ages (years) between which someone can use contraception. */
#define KKB_KB_UMUR_MIN 10
#define KKB_KB_UMUR_MAX 54

/* A member (kkb.anggota).  has_* false means the column is NULL. */
typedef struct kkb_anggota_fakta
{
	int64_t		nik;			/* kkb.nik, already shape-checked by the type */
	char		jenis_kelamin;	/* 'L' or 'P' (the column's CHECK) */
	int32_t		tanggal_lahir;	/* days since 2000-01-01 */
	bool		has_hamil;
	bool		hamil;
	bool		has_kontrasepsi;	/* a contraceptive method is recorded */
	int32_t		hari_ini;		/* today, days since 2000-01-01 */
} kkb_anggota_fakta;

/* A family (kkb.keluarga). */
typedef struct kkb_keluarga_fakta
{
	int64_t		no_kk;			/* kkb.no_kk */
	int32_t		hari_ini;
} kkb_keluarga_fakta;

/* A child measurement (kkb.pengukuran), with the member's sex and birth date. */
typedef struct kkb_pengukuran_fakta
{
	int32_t		tanggal_lahir;
	int32_t		tanggal_ukur;
	bool		has_berat;
	double		berat_kg;
	bool		has_tinggi;
	double		tinggi_cm;
	bool		has_lila;
	double		lila_cm;
	int32_t		hari_ini;
} kkb_pengukuran_fakta;

/*
 * Each returns true when the row breaks a rule (and fills *out), false when
 * it is valid (out->field is then "").
 */
bool		kkb_cek_anggota(const kkb_anggota_fakta *f, kkb_pelanggaran *out);
bool		kkb_cek_keluarga(const kkb_keluarga_fakta *f, kkb_pelanggaran *out);
bool		kkb_cek_pengukuran(const kkb_pengukuran_fakta *f, kkb_pelanggaran *out);

/*
 * A person's or a place's name (anggota.nama, kampung.nama, intervensi.judul),
 * `len` bytes of UTF-8 (the database has checked the encoding).  Refused:
 * control characters (C0, DEL, C1 - ESC sequences among them), characters
 * that change the reading direction (U+061C, U+200E/F, U+202A-202E,
 * U+2066-2069), invisible ones (U+200B-200D, U+2060-2064, U+FEFF, U+FFF9-FFFB)
 * and a name with no letter at all (only spaces, digits or punctuation).
 * "Letter" is decided by Unicode block, without a character database: ASCII
 * letters, Latin-1/Latin Extended letters (U+00C0-024F less x and /), and every
 * script block from U+0370 up other than punctuation, symbols, spaces and the
 * special/private planes - enough to accept any real name and to refuse names
 * made of nothing.  Sets *ascii when every byte is ASCII (the caller need not
 * normalise it).
 */
bool		kkb_cek_nama(const char *field, const char *s, size_t len, bool *ascii, kkb_pelanggaran *out);

/* Calendar helpers on days since 2000-01-01 (proleptic Gregorian). */
void		kkb_hari_ke_tanggal(int32_t days, int *y, int *m, int *d);
int32_t		kkb_tanggal_ke_hari(int y, int m, int d);
/* Whole years from birth to on (both days since 2000-01-01); negative if on < birth. */
int			kkb_umur_tahun(int32_t birth, int32_t on);

#endif

/*
 * test_nama.c - names (kkb_cek_nama): control, direction-changing and hidden
 * characters are refused, a name needs a letter, real names of many scripts pass.
 */
#include "tap.h"
#include "validasi.h"

static int
nama_ok(const char *s, bool *ascii)
{
	kkb_pelanggaran v;

	return !kkb_cek_nama("nama", s, strlen(s), ascii, &v);
}

static const char *
pesan(const char *s)
{
	static kkb_pelanggaran v;
	bool		ascii;

	if (!kkb_cek_nama("nama", s, strlen(s), &ascii, &v))
		return "";
	return v.message;
}

int
main(void)
{
	bool		ascii;

	ok(nama_ok("Siti Rahmah", &ascii) && ascii, "an ASCII name passes and is ASCII");
	ok(nama_ok("Nur'aini binti M. Yusuf", &ascii), "apostrophes, dots and spaces within a name pass");
	ok(nama_ok("Zoë Müller", &ascii) && !ascii, "Latin letters with diacritics pass (not ASCII)");
	ok(nama_ok("\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0", &ascii), "Cyrillic passes");
	ok(nama_ok("\xd9\x85\xd8\xad\xd9\x85\xd8\xaf", &ascii), "Arabic passes");
	ok(nama_ok("\xe7\x8e\x8b\xe5\xb0\x8f\xe6\x98\x8e", &ascii), "Chinese passes");
	ok(nama_ok("Siti\xc2\xa0Rahmah", &ascii), "a no-break space between words passes");

	is_str(pesan("\xe2\x80\x8b"), "nama contains the character U+200B at position 1", "only U+200B: refused as a hidden character");
	is_str(pesan("\xc2\xa0\xc2\xa0"), "nama has no letter", "only no-break spaces: no letter");
	is_str(pesan("12345"), "nama has no letter", "digits only: no letter");
	is_str(pesan("- . -"), "nama has no letter", "punctuation only: no letter");
	is_str(pesan("\xe2\x80\x94\xe2\x80\x94"), "nama has no letter", "dashes (U+2014) only: no letter");
	is_str(pesan("Budi\xe2\x80\xae" "tnec"), "nama contains the character U+202E at position 5",
		   "a right-to-left override is refused with its position");
	is_str(pesan("Budi\x1b[31m"), "nama contains the character U+001B at position 5", "an ESC sequence is refused");
	is_str(pesan("Bu\tdi"), "nama contains the character U+0009 at position 3", "a tab is refused");
	is_str(pesan("Bu\xc2\x85" "di"), "nama contains the character U+0085 at position 3", "a C1 control is refused");
	is_str(pesan("Ani\xe2\x81\xa6x"), "nama contains the character U+2066 at position 4", "a bidi isolate is refused");
	is_str(pesan("\xef\xbb\xbf" "Ani"), "nama contains the character U+FEFF at position 1", "a byte-order mark is refused");
	is_str(pesan("Ani\xe2\x80\x8d"), "nama contains the character U+200D at position 4", "a zero-width joiner is refused");
	is_str(pesan("Ani\xff"), "nama is not valid UTF-8 at character 4", "malformed UTF-8 is named");
	{
		kkb_pelanggaran v;

		kkb_cek_nama("judul", "\x7f", 1, &ascii, &v);
		is_str(v.field, "judul", "the violation names the column it was given");
	}
	return done_testing();
}

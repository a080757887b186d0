/*
 * test_sha256.c - unit tests of the gateway's SHA-256 (gateway/src/sha256.c)
 * against the FIPS 180-2 / 180-4 example vectors (appendix B of FIPS 180-2 and
 * NIST's "SHA-256 example" documents), padding boundaries, and streaming in
 * pieces of every size.  The gateway source is compiled into this program.
 */
#include <stdlib.h>

#include "tap.h"
#include "../../gateway/src/sha256.c"

static const char *
hex_of(const void *data, size_t len)
{
	static char hex[2 * GW_SHA256_LEN + 1];
	unsigned char d[GW_SHA256_LEN];

	gw_sha256(data, len, d);
	gw_sha256_hex(d, hex);
	return hex;
}

/* len copies of 'a' */
static char *
as(size_t len)
{
	char	   *s = malloc(len + 1);

	memset(s, 'a', len);
	s[len] = '\0';
	return s;
}

int
main(void)
{
	static const char m448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	static const char m896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	static const struct
	{
		size_t		len;
		const char *want;
	}			bounds[] = {
		{55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
		{56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
		{63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
		{64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
		{65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
		{119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
		{120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
	};
	size_t		i,
				piece;
	char	   *million = as(1000000);
	int			all_same = 1;

	/* FIPS 180 examples */
	is_str(hex_of("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		   "FIPS 180: SHA-256(\"abc\") (one block)");
	is_str(hex_of(m448, strlen(m448)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
		   "FIPS 180: the 448-bit message (two blocks)");
	is_str(hex_of(m896, strlen(m896)), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
		   "FIPS 180: the 896-bit message");
	is_str(hex_of(million, 1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		   "FIPS 180: one million 'a'");
	is_str(hex_of("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		   "the empty message");

	/* padding boundaries: the length field fits, just fits, or needs another block */
	for (i = 0; i < sizeof(bounds) / sizeof(bounds[0]); i++)
		is_str(hex_of(million, bounds[i].len), bounds[i].want, "%zu times 'a' (padding boundary)", bounds[i].len);

	/* a gateway token, as the database hashes it with sha256(convert_to(token, 'UTF8')) */
	is_str(hex_of("kkb_7d787a5d53b14dd8873e6cd7c79244158082a20b2d6c45a68bf6ce34d32b964c", 68),
		   "70e94abd0bd30cb068c4ea5c1c29eca5b464cb5b64065a7005cce802a7565f4d",
		   "a token hashes as PostgreSQL's sha256() hashes it");

	/* streaming: any split into pieces gives the one-shot digest */
	for (piece = 1; piece <= 130; piece++)
	{
		gw_sha256_ctx c;
		unsigned char d[GW_SHA256_LEN];
		char		hex[2 * GW_SHA256_LEN + 1];
		size_t		off;

		gw_sha256_init(&c);
		for (off = 0; off < strlen(m896); off += piece)
			gw_sha256_update(&c, m896 + off, off + piece > strlen(m896) ? strlen(m896) - off : piece);
		gw_sha256_final(&c, d);
		gw_sha256_hex(d, hex);
		if (strcmp(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1") != 0)
		{
			diag("pieces of %zu bytes give %s", piece, hex);
			all_same = 0;
		}
	}
	ok(all_same, "fed in pieces of 1 to 130 bytes, the 896-bit message hashes the same");

	{
		gw_sha256_ctx c;
		unsigned char d[GW_SHA256_LEN];
		char		hex[2 * GW_SHA256_LEN + 1];

		gw_sha256_init(&c);
		for (i = 0; i < 1000; i++)
			gw_sha256_update(&c, million, 1000);
		gw_sha256_final(&c, d);
		gw_sha256_hex(d, hex);
		is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
			   "one million 'a' in 1000 updates of 1000 bytes");
	}

	free(million);
	return done_testing();
}

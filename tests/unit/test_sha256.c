/*
 * test_sha256.c - unit tests of the gateway's SHA-256 (gateway/src/digest.c,
 * a wrapper of libcrypto's EVP_Digest) against the FIPS 180-2 / 180-4 example
 * vectors (appendix B of FIPS 180-2 and NIST's "SHA-256 example" documents),
 * padding boundaries, a bearer token hashed as the database hashes it (so
 * tokens made before the move to libcrypto still match), the hex form, and
 * hashing from several threads at once.  The gateway source is compiled into
 * this program and linked with -lcrypto.
 */
#include <pthread.h>
#include <stdlib.h>

#include "tap.h"
#include "../../gateway/src/digest.c"

static const char *
hex_of(const void *data, size_t len)
{
	static char hex[2 * GW_SHA256_LEN + 1];
	unsigned char d[GW_SHA256_LEN];

	if (gw_sha256(data, len, d) != 0)
		return "(gw_sha256 failed)";
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

#define NTHREADS 4
#define ROUNDS 2000
static const char m896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

/* each thread hashes the 896-bit message ROUNDS times; returns how many digests were wrong */
static void *
hash_many(void *arg)
{
	long		wrong = 0;
	int			i;

	(void) arg;
	for (i = 0; i < ROUNDS; i++)
	{
		unsigned char d[GW_SHA256_LEN];
		char		hex[2 * GW_SHA256_LEN + 1];

		if (gw_sha256(m896, strlen(m896), d) != 0)
		{
			wrong++;
			continue;
		}
		gw_sha256_hex(d, hex);
		if (strcmp(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1") != 0)
			wrong++;
	}
	return (void *) wrong;
}

int
main(void)
{
	static const char m448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
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
	pthread_t	th[NTHREADS];
	long		wrong = 0;
	size_t		i;
	char	   *million = as(1000000);

	/* several threads at once before any other call: the first calls race to
	 * fetch the implementation, as the gateway's worker threads do */
	for (i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, hash_many, NULL);
	for (i = 0; i < NTHREADS; i++)
	{
		void	   *r;

		pthread_join(th[i], &r);
		wrong += (long) r;
	}
	is_int(wrong, 0, "%d threads hashing %d times each get the right digest every time", NTHREADS, ROUNDS);

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

	/* a gateway token, as the database hashes it with sha256(convert_to(token, 'UTF8')): the
	 * same pair the gateway's own SHA-256 was tested with, so stored token hashes stay valid */
	is_str(hex_of("kkb_7d787a5d53b14dd8873e6cd7c79244158082a20b2d6c45a68bf6ce34d32b964c", 68),
		   "70e94abd0bd30cb068c4ea5c1c29eca5b464cb5b64065a7005cce802a7565f4d",
		   "a token hashes as PostgreSQL's sha256() hashes it");
	/* the load client's row checksum input (key '|' name), as tests/gateway/09 computes it in SQL */
	is_str(hex_of("1377014101900001|Warga Beban 1-1", 32),
		   "d30c68354fd1c43adcddb71a8249947145330c8c5d88059be23c954bf8cbe095",
		   "a row's checksum input hashes as PostgreSQL's sha256(convert_to(key || '|' || name, 'UTF8'))");

	/* the hex form: lower case, every nibble */
	{
		unsigned char d[GW_SHA256_LEN];
		char		hex[2 * GW_SHA256_LEN + 2];

		for (i = 0; i < GW_SHA256_LEN; i++)
			d[i] = (unsigned char) (i * 8 + 7);
		memset(hex, 'x', sizeof(hex));
		gw_sha256_hex(d, hex);
		is_str(hex, "070f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff",
			   "gw_sha256_hex writes 64 lower-case hex digits");
		is_int(hex[2 * GW_SHA256_LEN], '\0', "  and a terminating NUL after them");
	}

	free(million);
	return done_testing();
}

/*
 * sha256.c - SHA-256 as specified in FIPS 180-4, section 6.2.
 * Straightforward and portable (big-endian word loads by hand); tested
 * against the FIPS 180 example vectors in tests/unit/test_sha256.c.
 */
#include "sha256.h"

#include <string.h>

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* Process one 64-byte block. */
static void
compress(uint32_t h[8], const unsigned char *p)
{
	uint32_t	w[64],
				a, b, c, d, e, f, g, hh;
	int			i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t) p[4 * i] << 24 | (uint32_t) p[4 * i + 1] << 16 |
			(uint32_t) p[4 * i + 2] << 8 | (uint32_t) p[4 * i + 3];
	for (i = 16; i < 64; i++)
	{
		uint32_t	s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t	s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0];
	b = h[1];
	c = h[2];
	d = h[3];
	e = h[4];
	f = h[5];
	g = h[6];
	hh = h[7];
	for (i = 0; i < 64; i++)
	{
		uint32_t	t1 = hh + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
		uint32_t	t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

		hh = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
	h[5] += f;
	h[6] += g;
	h[7] += hh;
}

void
gw_sha256_init(gw_sha256_ctx *c)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(c->h, iv, sizeof(iv));
	c->nbytes = 0;
	c->nbuf = 0;
}

void
gw_sha256_update(gw_sha256_ctx *c, const void *data, size_t len)
{
	const unsigned char *p = data;

	c->nbytes += len;
	if (c->nbuf > 0)
	{
		size_t		n = 64 - c->nbuf;

		if (n > len)
			n = len;
		memcpy(c->buf + c->nbuf, p, n);
		c->nbuf += n;
		p += n;
		len -= n;
		if (c->nbuf < 64)
			return;
		compress(c->h, c->buf);
		c->nbuf = 0;
	}
	while (len >= 64)
	{
		compress(c->h, p);
		p += 64;
		len -= 64;
	}
	memcpy(c->buf, p, len);
	c->nbuf = len;
}

void
gw_sha256_final(gw_sha256_ctx *c, unsigned char out[GW_SHA256_LEN])
{
	uint64_t	bits = c->nbytes * 8;
	int			i;

	/* padding: 0x80, zeros up to 56 mod 64, then the length in bits, big-endian */
	c->buf[c->nbuf++] = 0x80;
	if (c->nbuf > 56)
	{
		memset(c->buf + c->nbuf, 0, 64 - c->nbuf);
		compress(c->h, c->buf);
		c->nbuf = 0;
	}
	memset(c->buf + c->nbuf, 0, 56 - c->nbuf);
	for (i = 0; i < 8; i++)
		c->buf[56 + i] = (unsigned char) (bits >> (56 - 8 * i));
	compress(c->h, c->buf);
	for (i = 0; i < 8; i++)
	{
		out[4 * i] = (unsigned char) (c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char) (c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char) (c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char) c->h[i];
	}
	memset(c, 0, sizeof(*c));	/* leave nothing of the secret input behind */
}

void
gw_sha256(const void *data, size_t len, unsigned char out[GW_SHA256_LEN])
{
	gw_sha256_ctx c;

	gw_sha256_init(&c);
	gw_sha256_update(&c, data, len);
	gw_sha256_final(&c, out);
}

void
gw_sha256_hex(const unsigned char digest[GW_SHA256_LEN], char hex[2 * GW_SHA256_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	int			i;

	for (i = 0; i < GW_SHA256_LEN; i++)
	{
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * GW_SHA256_LEN] = '\0';
}

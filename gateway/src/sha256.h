/*
 * sha256.h - SHA-256 (FIPS 180-4), self-contained, no PostgreSQL or libc
 * extras: the gateway hashes bearer tokens with it (the database stores only
 * hashes; libpq exports no digest function).
 */
#ifndef KKB_GW_SHA256_H
#define KKB_GW_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define GW_SHA256_LEN 32

typedef struct gw_sha256_ctx
{
	uint32_t	h[8];			/* chaining state */
	uint64_t	nbytes;			/* message length so far */
	unsigned char buf[64];		/* pending partial block */
	size_t		nbuf;
} gw_sha256_ctx;

void		gw_sha256_init(gw_sha256_ctx *c);
void		gw_sha256_update(gw_sha256_ctx *c, const void *data, size_t len);
void		gw_sha256_final(gw_sha256_ctx *c, unsigned char out[GW_SHA256_LEN]);

/* One-shot digest of `len` bytes at `data`. */
void		gw_sha256(const void *data, size_t len, unsigned char out[GW_SHA256_LEN]);

/* Lower-case hex of a digest into `hex` (65 bytes, NUL-terminated). */
void		gw_sha256_hex(const unsigned char digest[GW_SHA256_LEN], char hex[2 * GW_SHA256_LEN + 1]);

#endif

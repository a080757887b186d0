/*
 * digest.h - SHA-256 for the gateway, from OpenSSL's libcrypto.
 *
 * The gateway hashes bearer tokens (the database stores only their hashes,
 * and computes them with its own sha256()); the load client checksums rows
 * the same way.  libcrypto is Debian's maintained OpenSSL, already loaded by
 * every process that links libpq.
 */
#ifndef KKB_GW_DIGEST_H
#define KKB_GW_DIGEST_H

#include <stddef.h>

#define GW_SHA256_LEN 32

/*
 * One-shot SHA-256 of `len` bytes at `data` into `out`.  Thread-safe.
 * Returns 0, or -1 when libcrypto failed (out of memory, or no provider of
 * SHA-256 could be loaded); `out` is then zeroed.
 */
int			gw_sha256(const void *data, size_t len, unsigned char out[GW_SHA256_LEN]);

/* Lower-case hex of a digest into `hex` (65 bytes, NUL-terminated). */
void		gw_sha256_hex(const unsigned char digest[GW_SHA256_LEN], char hex[2 * GW_SHA256_LEN + 1]);

#endif

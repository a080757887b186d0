/*
 * digest.c - SHA-256 through libcrypto's EVP interface.
 *
 * The SHA-256 implementation is fetched from libcrypto's default provider
 * once per process (pthread_once): fetching it anew for every digest, as
 * EVP_sha256() does in OpenSSL 3, takes a lock that all worker threads
 * would share.
 */
#include "digest.h"

#include <pthread.h>
#include <string.h>

#include <openssl/evp.h>

static pthread_once_t md_once = PTHREAD_ONCE_INIT;
static EVP_MD *md_sha256;

static void
fetch_sha256(void)
{
	md_sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
}

int
gw_sha256(const void *data, size_t len, unsigned char out[GW_SHA256_LEN])
{
	unsigned int n = 0;

	pthread_once(&md_once, fetch_sha256);
	if (md_sha256 == NULL || !EVP_Digest(data, len, out, &n, md_sha256, NULL) || n != GW_SHA256_LEN)
	{
		memset(out, 0, GW_SHA256_LEN);
		return -1;
	}
	return 0;
}

void
gw_sha256_hex(const unsigned char digest[GW_SHA256_LEN], char hex[2 * GW_SHA256_LEN + 1])
{
	static const char xd[] = "0123456789abcdef";
	int			i;

	for (i = 0; i < GW_SHA256_LEN; i++)
	{
		hex[2 * i] = xd[digest[i] >> 4];
		hex[2 * i + 1] = xd[digest[i] & 15];
	}
	hex[2 * GW_SHA256_LEN] = '\0';
}

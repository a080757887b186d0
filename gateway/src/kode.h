/*
 * kode.h - region codes in the gateway, read by the extension's own parser
 * (extension/src/core/ident.c, pure C without PostgreSQL headers, compiled
 * into the gateway by kode.c): the gateway never has a second idea of what a
 * region code is.
 */
#ifndef KKB_GW_KODE_H
#define KKB_GW_KODE_H

/*
 * Is region code `kode` (text, any form the database accepts: "13.77.01.1001",
 * "1377011001") the region `scope` or under it?  0 when either is not a
 * region code.
 */
int			gw_kode_within(const char *kode, const char *scope);

#endif

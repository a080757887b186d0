/*
 * routes.c - THE route table of kkb-gateway: method, path pattern, handler,
 * access.  Every route the gateway serves is listed here and nowhere else.
 *
 * Access: GW_OPEN never looks at a token (health); GW_TOKEN_OPTIONAL serves
 * public reference data (the region list) to anyone and uses a token when one
 * is sent; GW_TOKEN (everything else) needs a valid bearer token.
 */
#include "routes.h"

const gw_route gw_routes[] = {
	{"GET", "/v1/health", h_health, GW_OPEN},

	{"GET", "/v1/wilayah", h_wilayah_daftar, GW_TOKEN_OPTIONAL},
	{"GET", "/v1/wilayah/{kode}", h_wilayah_satu, GW_TOKEN_OPTIONAL},

	{"GET", "/v1/desa", h_desa_daftar, GW_TOKEN},
	{"GET", "/v1/desa/{kode}", h_desa_satu, GW_TOKEN},
	{"GET", "/v1/desa/{kode}/profil", h_desa_profil, GW_TOKEN},
	{"GET", "/v1/desa/{kode}/klasifikasi", h_desa_klasifikasi, GW_TOKEN},
	{"GET", "/v1/desa/{kode}/validasi", h_desa_validasi, GW_TOKEN},
	{"GET", "/v1/desa/{kode}/risiko-stunting", h_desa_risiko, GW_TOKEN},

	{"PUT", "/v1/desa/{kode}/profil-kampung/{periode}", h_profil_kampung_put, GW_TOKEN},
	{"PUT", "/v1/desa/{kode}/penduduk/{periode}", h_penduduk_put, GW_TOKEN},
	{"PUT", "/v1/desa/{kode}/kkbpk/{periode}", h_kkbpk_put, GW_TOKEN},
	{"PUT", "/v1/desa/{kode}/nilai/{periode}", h_nilai_put, GW_TOKEN},
	{"GET", "/v1/desa/{kode}/intervensi", h_intervensi_daftar, GW_TOKEN},
	{"POST", "/v1/desa/{kode}/intervensi", h_intervensi_post, GW_TOKEN},

	{"GET", "/v1/desa/{kode}/periode/{periode}", h_periode_status, GW_TOKEN},
	{"POST", "/v1/desa/{kode}/periode/{periode}/ajukan", h_periode_ajukan, GW_TOKEN},
	{"POST", "/v1/desa/{kode}/periode/{periode}/setujui", h_periode_setujui, GW_TOKEN},
	{"POST", "/v1/desa/{kode}/periode/{periode}/kunci", h_periode_kunci, GW_TOKEN},
	{"POST", "/v1/desa/{kode}/periode/{periode}/buka", h_periode_buka, GW_TOKEN},

	{"GET", "/v1/prioritas", h_prioritas, GW_TOKEN},
	{"GET", "/v1/klasifikasi", h_klasifikasi_daftar, GW_TOKEN},
};

const int	gw_nroutes = (int) (sizeof(gw_routes) / sizeof(gw_routes[0]));

/*
 * routes.c - THE route table of kkb-gateway: method, path pattern, handler,
 * access, and what GET /openapi.json tells about each route (summary, query
 * parameters, body, success status).  Every route the gateway serves is
 * listed here and nowhere else; the OpenAPI document (openapi.c) and
 * `kkb-gateway --routes` are generated from this table.
 *
 * Access: GW_OPEN never looks at a token (health, the API description,
 * metrics); GW_TOKEN_OPTIONAL serves public reference data (the region list)
 * to anyone and uses a token when one is sent; GW_TOKEN (everything else)
 * needs a valid bearer token.
 *
 * Caching: GW_CACHE_* (http.h) says how a GET answer is validated and kept
 * (ETag, Cache-Control); routes without one are answered no-store, unless
 * their handler sets its own (the dashboard's files, h_web.c).
 *
 * Media types: a route whose answer is not JSON names it (several, comma
 * separated, when it depends on the resource: the dashboard's files).
 *
 * Export: a GW_CSV route (a list: its JSON answer has a "data" array of
 * rows) also answers text/csv when the request sends Accept: text/csv or
 * its path ends in ".csv" (GET /v1/desa.csv?wilayah=13.77); see http.c.
 */
#include "routes.h"

#define PAGING "limit offset"
#define TEXT_PLAIN "text/plain; version=0.0.4"
#define GW_CSV 1
#define HTML "text/html; charset=utf-8"
#define ASSETS "text/javascript, text/css, image/svg+xml"

const gw_route gw_routes[] = {
	{"GET", "/v1/health", h_health, GW_OPEN,
	"Is the gateway up and can it reach the database", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_NONE},
	{"GET", "/openapi.json", h_openapi, GW_OPEN,
	"This API's OpenAPI 3.0 description, generated from the route table", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_NONE},
	{"GET", "/metrics", h_metrics, GW_OPEN,
	"Counters in the Prometheus text format: requests by route and status, latency, connections, database errors",
	NULL, GW_RB_NONE, 200, TEXT_PLAIN, 0, GW_CACHE_NONE},

	{"GET", "/", h_web_index, GW_OPEN,
	"The web dashboard (index.html; Cache-Control: no-cache, ETag)", NULL, GW_RB_NONE, 200, HTML, 0, GW_CACHE_NONE},
	{"GET", "/assets/{versi}/{nama}", h_web_aset, GW_OPEN,
	"The dashboard's embedded files, versioned by a hash of their content (cached for a year)", NULL, GW_RB_NONE, 200, ASSETS, 0,
	GW_CACHE_NONE},
	{"GET", "/v1/saya", h_saya, GW_TOKEN,
	"Who the token says the caller is: role, label, region scope, agency", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_NONE},

	{"GET", "/v1/wilayah", h_wilayah_daftar, GW_TOKEN_OPTIONAL,
	"Regions under a parent region (the provinces without induk)", "induk " PAGING, GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_ACUAN},
	{"GET", "/v1/wilayah/{kode}", h_wilayah_satu, GW_TOKEN_OPTIONAL,
	"One region", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_ACUAN},

	{"GET", "/v1/desa", h_desa_daftar, GW_TOKEN,
	"Kampung KB within a region, with class, completeness and state of a month", "wilayah periode " PAGING, GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}", h_desa_satu, GW_TOKEN,
	"One Kampung KB", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/profil", h_desa_profil, GW_TOKEN,
	"The 40-item profile of a month, with sources and completeness", "periode", GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/klasifikasi", h_desa_klasifikasi, GW_TOKEN,
	"The village's class for a month", "periode", GW_RB_NONE, 200, NULL, 0, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/validasi", h_desa_validasi, GW_TOKEN,
	"Validation rule violations of a month", "periode", GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/risiko-stunting", h_desa_risiko, GW_TOKEN,
	"Families at risk of stunting", "acuan " PAGING, GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_PRIBADI},

	{"GET", "/v1/desa/{kode}/profil-kampung/{periode}", h_profil_kampung_get, GW_TOKEN,
	"The month's Kampung KB profile as stored (404 when the month has none)", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/penduduk/{periode}", h_penduduk_get, GW_TOKEN,
	"The month's population report as stored (404 when the month has none)", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/kkbpk/{periode}", h_kkbpk_get, GW_TOKEN,
	"The month's family-planning report as stored (404 when the month has none)", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/nilai/{periode}", h_nilai_get, GW_TOKEN,
	"The month's entered data items", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_DATA},
	{"PUT", "/v1/desa/{kode}/profil-kampung/{periode}", h_profil_kampung_put, GW_TOKEN,
	"Replace the month's Kampung KB profile (201 when created)", NULL, GW_RB_OBJECT, 200, NULL, 0, GW_CACHE_NONE},
	{"PUT", "/v1/desa/{kode}/penduduk/{periode}", h_penduduk_put, GW_TOKEN,
	"Replace the month's population report (201 when created)", NULL, GW_RB_OBJECT, 200, NULL, 0, GW_CACHE_NONE},
	{"PUT", "/v1/desa/{kode}/kkbpk/{periode}", h_kkbpk_put, GW_TOKEN,
	"Replace the month's family-planning report (201 when created)", NULL, GW_RB_OBJECT, 200, NULL, 0, GW_CACHE_NONE},
	{"PUT", "/v1/desa/{kode}/nilai/{periode}", h_nilai_put, GW_TOKEN,
	"Replace the month's entered data items", NULL, GW_RB_OBJECT, 200, NULL, 0, GW_CACHE_NONE},
	{"GET", "/v1/desa/{kode}/intervensi", h_intervensi_daftar, GW_TOKEN,
	"The village's interventions", PAGING, GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_DATA},
	{"POST", "/v1/desa/{kode}/intervensi", h_intervensi_post, GW_TOKEN,
	"Record an intervention", NULL, GW_RB_OBJECT, 201, NULL, 0, GW_CACHE_NONE},

	{"POST", "/v1/desa/{kode}/keluarga", h_sinkron_keluarga, GW_TOKEN,
	"Bulk sync of families by (kode_desa, no_kk): JSON array or CSV; an import summary", "dry_run atomik", GW_RB_ROWS, 200, NULL, 0, GW_CACHE_NONE},
	{"POST", "/v1/desa/{kode}/anggota", h_sinkron_anggota, GW_TOKEN,
	"Bulk sync of family members by (kode_desa, nik): JSON array or CSV; an import summary", "dry_run atomik", GW_RB_ROWS, 200, NULL, 0, GW_CACHE_NONE},
	{"POST", "/v1/desa/{kode}/pengukuran", h_sinkron_pengukuran, GW_TOKEN,
	"Bulk sync of child measurements by (kode_desa, nik, tanggal_ukur): JSON array or CSV; an import summary with the computed z-scores",
	"dry_run atomik", GW_RB_ROWS, 200, NULL, 0, GW_CACHE_NONE},
	{"POST", "/v1/desa/{kode}/peristiwa", h_sinkron_peristiwa, GW_TOKEN,
	"Bulk sync of vital events (births, deaths, moves) by (kode_desa, ref), ref being the client's own id of the event: JSON array or CSV; an import summary",
	"dry_run atomik", GW_RB_ROWS, 200, NULL, 0, GW_CACHE_NONE},

	{"GET", "/v1/desa/{kode}/periode/{periode}", h_periode_status, GW_TOKEN,
	"The month's workflow state", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_DATA},
	{"POST", "/v1/desa/{kode}/periode/{periode}/ajukan", h_periode_ajukan, GW_TOKEN,
	"Submit the month", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_NONE},
	{"POST", "/v1/desa/{kode}/periode/{periode}/setujui", h_periode_setujui, GW_TOKEN,
	"Approve the month", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_NONE},
	{"POST", "/v1/desa/{kode}/periode/{periode}/kunci", h_periode_kunci, GW_TOKEN,
	"Lock the month", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_NONE},
	{"POST", "/v1/desa/{kode}/periode/{periode}/buka", h_periode_buka, GW_TOKEN,
	"Reopen the month", NULL, GW_RB_NONE, 200, NULL, 0, GW_CACHE_NONE},

	{"GET", "/v1/prioritas", h_prioritas, GW_TOKEN,
	"An agency's (OPD) work list of villages", "wilayah periode opd " PAGING, GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_DATA},
	{"GET", "/v1/ringkasan", h_ringkasan, GW_TOKEN,
	"Aggregates of the Kampung KB under a region per regency/city (tingkat 2), kecamatan (3) or village (4): villages, classes, completeness, stunting prevalence, unmet need, families at risk; the region's own figures in total. Counts only (readable by a province token)",
	"wilayah periode tingkat " PAGING, GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_DATA},
	{"GET", "/v1/klasifikasi", h_klasifikasi_daftar, GW_TOKEN,
	"Village classes within a region", "wilayah periode " PAGING, GW_RB_NONE, 200, NULL, GW_CSV, GW_CACHE_DATA},
};

const int	gw_nroutes = (int) (sizeof(gw_routes) / sizeof(gw_routes[0]));

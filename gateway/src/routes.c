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
 * Caching: GW_CACHE_* (context.h) says how a GET answer is validated and kept
 * (ETag, Cache-Control); routes without one are answered no-store, unless
 * their handler sets its own (the dashboard's files, h_web.c).
 *
 * Media types: a route whose answer is not JSON names it (several, comma
 * separated, when it depends on the resource: the dashboard's files).
 *
 * Export: a GW_CSV route (a list: its JSON answer has a "data" array of
 * rows) also answers text/csv when the request sends Accept: text/csv or
 * its path ends in ".csv" (GET /v1/desa.csv?wilayah=13.77); see export.c.
 *
 * ETags of village data carry the version of the village in path segment
 * region_path (1-based) or of the region in query parameter region_query
 * (else the token's scope); see cache.c.
 */
#include "routes.h"

#define TEXT_PLAIN "text/plain; version=0.0.4"
#define GW_CSV 1
#define HTML "text/html; charset=utf-8"
#define ASSETS "text/javascript, text/css, image/svg+xml, image/png, application/manifest+json"

/*
 * Every row starts with its method, path pattern, handler and access; the
 * rest is named.  A route with a handler of its own: success 200, no cache,
 * JSON unless it says otherwise.
 */
/* An API route: answered by gw_api with the named function (success 200, no document 404 unless it says otherwise). */
#define API(acc, fn) gw_api, (acc), .function = (fn)
/* An API route about one Kampung KB (path segment 1): a village outside the caller's scope is 404. */
#define DESA(fn) API(GW_TOKEN, fn), .region_path = 1, .none_message = NOT_FOUND
/* ... about a month's report of one Kampung KB: also 404 when the month has none. */
#define LAPORAN(fn) API(GW_TOKEN, fn), .region_path = 1, .none_message = NO_REPORT
#define NOT_FOUND "no such Kampung KB (or it is outside your scope)"
#define NO_REPORT "the month has no such report (or the village is not a Kampung KB in your scope)"

/* the arguments */
#define KODE {GW_ARG_PATH, .index = 0}
#define PERIODE_PATH {GW_ARG_PATH_MONTH, "periode", .index = 1}
#define PERIODE {GW_ARG_MONTH, "periode"}
#define LIMIT {GW_ARG_LIMIT, "limit"}
#define OFFSET {GW_ARG_OFFSET, "offset"}
#define BODY {GW_ARG_BODY}
#define NOMOR_PATH {GW_ARG_PATH, .index = 1}
#define ID_PATH {GW_ARG_PATH, .index = 1}
#define FOTO_PATH {GW_ARG_PATH, .index = 2}
#define FOTO "image/jpeg, image/png, image/webp"
/* the version the client read (optimistic concurrency: 412 when the row changed since, 428 without it) */
#define IF_MATCH {GW_ARG_HEADER, "If-Match", .required = 1}
/* ... the same, optional (a client that does not send it replaces whatever is stored) */
#define IF_MATCH_BOLEH {GW_ARG_HEADER, "If-Match"}
/* If-None-Match: * on a write: the client read nothing there (412 when a row was stored since) */
#define IF_NONE_MATCH {GW_ARG_HEADER, "If-None-Match"}
/*
 * Expensive reads (aggregates over many villages): their cost in requests of
 * the token's read limit; they also share --max-heavy places and
 * --heavy-statement-timeout (gw_route.berat).  Measured on the demo city
 * (docs/BENCHMARKS.md): ringkasan of a city by village about 100x a
 * village's own page, the lists about 10-30x.
 */
#define BERAT_RINGKASAN 10
#define BERAT_DAFTAR 5
#define WILAYAH_LINGKUP {GW_ARG_REGION_SCOPE, "wilayah", .hint = "E.g. wilayah=13.77 for Kota Pariaman."}

const gw_route gw_routes[] = {
	{"GET", "/v1/health", h_health, GW_OPEN, .summary = "Is the gateway up and can it reach the database",
	.statuses = {503}, .status_same_body = 503},
	{"GET", "/openapi.json", h_openapi, GW_OPEN,
	.summary = "This API's OpenAPI 3.0 description, generated from the route table"},
	{"GET", "/metrics", h_metrics, GW_OPEN,
		.summary = "Counters in the Prometheus text format: requests by route and status, latency, connections, database errors",
	.produces = TEXT_PLAIN},

	{"GET", "/", h_web_index, GW_OPEN, .summary = "The web dashboard (index.html; Cache-Control: no-cache, ETag)",
	.produces = HTML, .web_file = 1},
	{"GET", "/sw.js", h_web_sw, GW_OPEN,
		.summary = "The dashboard's service worker: the app and the data it has read kept for use without a connection",
	.produces = "text/javascript", .web_file = 1},
	{"GET", "/assets/{versi}/{nama}", h_web_aset, GW_OPEN,
		.summary = "The dashboard's embedded files, versioned by a hash of their content (cached for a year)",
	.produces = ASSETS, .web_file = 1, .statuses = {404}},
	{"GET", "/v1/saya", API(GW_TOKEN, "kkb.api_saya"),
		.summary = "Who the token says the caller is: role, label, region scope, agency",
	.args = {{GW_ARG_TOKEN_AGENCY}}},

	{"POST", "/v1/tautan-masuk", API(GW_TOKEN, "kkb.api_tautan_buat"),
		.summary = "Make a one-time sign-in link for a pokja or an agency (administrators, within their scope): the code and the dashboard path, shown only this once, its absolute URL and a QR code of it (SVG), 201",
	.args = {BODY}, .body = GW_RB_OBJECT, .success = 201, .qr = 1},
	{"POST", "/v1/masuk", API(GW_TOKEN_OPTIONAL, "kkb.api_masuk"),
		.summary = "Exchange a sign-in link's code (once, before it expires; no token needed) for a device token: body {kode, perangkat, nama}; the token then needs the device key in X-Perangkat",
	.args = {BODY}, .body = GW_RB_OBJECT, .statuses = {410}},
	{"GET", "/v1/perangkat", API(GW_TOKEN, "kkb.api_perangkat_daftar"),
		.summary = "The live tokens (devices) within the administrator's scope, newest first", .args = {LIMIT, OFFSET}},
	{"POST", "/v1/perangkat/{id}/cabut", API(GW_TOKEN, "kkb.api_perangkat_cabut"),
		.summary = "Revoke one token (device) within the administrator's scope; the gateway refuses it within --token-ttl",
	.args = {KODE}, .none_message = "no such token (or it is outside your scope)"},

	{"GET", "/v1/wilayah", API(GW_TOKEN_OPTIONAL, "kkb.api_wilayah_daftar"),
		.summary = "Regions under a parent region (the provinces without induk)",
		.args = {{GW_ARG_REGION, "induk"}, LIMIT, OFFSET}, .csv = GW_CSV, .cache = GW_CACHE_ACUAN,
	.none_message = "no such region (induk)"},
	{"GET", "/v1/wilayah/{kode}", API(GW_TOKEN_OPTIONAL, "kkb.api_wilayah"),
		.summary = "One region", .args = {KODE}, .cache = GW_CACHE_ACUAN, .none_message = "no such region"},

	{"GET", "/v1/kode", API(GW_TOKEN, "kkb.api_kode"),
		.summary = "The named codes of the enum columns by group (air_minum, hubungan, jenis_peristiwa, ...) and the agencies (opd): the choices of the forms",
	.cache = GW_CACHE_ACUAN},
	{"GET", "/v1/desa", API(GW_TOKEN, "kkb.api_desa_daftar"),
		.summary = "Kampung KB within a region, with class, completeness and state of a month",
		.args = {{GW_ARG_REGION, "wilayah"}, PERIODE, LIMIT, OFFSET}, .csv = GW_CSV, .cache = GW_CACHE_DATA,
	.region_query = "wilayah", .none_message = NOT_FOUND, .berat = BERAT_DAFTAR},
	{"GET", "/v1/desa/{kode}", DESA("kkb.api_desa"),
		.summary = "One Kampung KB", .args = {KODE}, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/profil", DESA("kkb.api_desa_profil"),
		.summary = "The 40-item profile of a month, with sources and completeness",
	.args = {KODE, PERIODE}, .csv = GW_CSV, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/klasifikasi", DESA("kkb.api_desa_klasifikasi"),
		.summary = "The village's class for a month", .args = {KODE, PERIODE}, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/saran", DESA("kkb.api_desa_saran"),
		.summary = "What it takes to reach each higher class in a month: score steps, changes, who owns each lever",
	.args = {KODE, PERIODE}, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/validasi", DESA("kkb.api_desa_validasi"),
		.summary = "Validation rule violations of a month", .args = {KODE, PERIODE}, .csv = GW_CSV, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/pertumbuhan-goyah", DESA("kkb.api_desa_pertumbuhan_goyah"),
		.summary = "Children whose weight-for-age fell by more than 0.67 z between their last two weighings (early warning)",
	.args = {KODE, {GW_ARG_DATE, "acuan"}}, .csv = GW_CSV, .cache = GW_CACHE_PRIBADI},
	{"GET", "/v1/desa/{kode}/risiko-stunting", DESA("kkb.api_desa_risiko_stunting"),
		.summary = "Families at risk of stunting",
	.args = {KODE, {GW_ARG_DATE, "acuan"}, LIMIT, OFFSET}, .csv = GW_CSV, .cache = GW_CACHE_PRIBADI},

	{"GET", "/v1/desa/{kode}/profil-kampung/{periode}", LAPORAN("kkb.api_profil_kampung"),
		.summary = "The month's Kampung KB profile as stored (404 when the month has none)",
	.args = {KODE, PERIODE_PATH}, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/penduduk/{periode}", LAPORAN("kkb.api_penduduk"),
		.summary = "The month's population report as stored (404 when the month has none)",
	.args = {KODE, PERIODE_PATH}, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/kkbpk/{periode}", LAPORAN("kkb.api_kkbpk"),
		.summary = "The month's family-planning report as stored (404 when the month has none)",
	.args = {KODE, PERIODE_PATH}, .cache = GW_CACHE_DATA},
	{"GET", "/v1/desa/{kode}/nilai/{periode}", DESA("kkb.api_nilai"),
		.summary = "The month's entered data items", .args = {KODE, PERIODE_PATH}, .cache = GW_CACHE_DATA},
	{"PUT", "/v1/desa/{kode}/profil-kampung/{periode}", DESA("kkb.api_profil_kampung_simpan"),
		.summary = "Replace the month's Kampung KB profile (201 when created); with If-Match (the versi read) or If-None-Match: * (read empty), 412 with both versions when the month changed since", .args = {KODE, PERIODE_PATH, BODY, IF_MATCH_BOLEH, IF_NONE_MATCH},
	.body = GW_RB_OBJECT},
	{"PUT", "/v1/desa/{kode}/penduduk/{periode}", DESA("kkb.api_penduduk_simpan"),
		.summary = "Replace the month's population report (201 when created); with If-Match (the versi read) or If-None-Match: * (read empty), 412 with both versions when the month changed since", .args = {KODE, PERIODE_PATH, BODY, IF_MATCH_BOLEH, IF_NONE_MATCH},
	.body = GW_RB_OBJECT},
	{"PUT", "/v1/desa/{kode}/kkbpk/{periode}", DESA("kkb.api_kkbpk_simpan"),
		.summary = "Replace the month's family-planning report (201 when created); with If-Match (the versi read) or If-None-Match: * (read empty), 412 with both versions when the month changed since", .args = {KODE, PERIODE_PATH, BODY, IF_MATCH_BOLEH, IF_NONE_MATCH},
	.body = GW_RB_OBJECT},
	{"PUT", "/v1/desa/{kode}/nilai/{periode}", DESA("kkb.api_nilai_simpan"),
		.summary = "Replace the month's entered data items", .args = {KODE, PERIODE_PATH, BODY}, .body = GW_RB_OBJECT},
	{"GET", "/v1/desa/{kode}/intervensi", DESA("kkb.api_intervensi_daftar"),
		.summary = "The village's interventions", .args = {KODE, LIMIT, OFFSET}, .csv = GW_CSV, .cache = GW_CACHE_DATA},
	{"POST", "/v1/desa/{kode}/intervensi", DESA("kkb.api_intervensi_tambah"),
		.summary = "Record an intervention", .args = {KODE, BODY}, .body = GW_RB_OBJECT, .success = 201, .idempoten = 1},
	{"PUT", "/v1/desa/{kode}/intervensi/{id}", API(GW_TOKEN, "kkb.api_intervensi_ubah"), .region_path = 1,
		.summary = "Change an intervention (the body replaces its fields), by its recording agency, the village's pokja for the village's own, or an administrator; If-Match: the versi read (412 with both versions when it changed since, 428 without If-Match)",
		.args = {KODE, ID_PATH, BODY, IF_MATCH}, .body = GW_RB_OBJECT,
	.none_message = "no such intervention (or it is outside your scope)"},
	{"GET", "/v1/desa/{kode}/intervensi/{id}/foto", API(GW_TOKEN, "kkb.api_intervensi_foto_daftar"), .region_path = 1,
		.summary = "An intervention's photos (at most 5; without the images: media type, width, height, size) and whether the caller may add or remove them",
		.args = {KODE, ID_PATH}, .cache = GW_CACHE_DATA, .none_message = "no such intervention (or it is outside your scope)"},
	/*
	 * A photo travels as base64 in a JSON body: the gateway's bodies are JSON text handed to the
	 * function as jsonb (GW_ARG_BODY), with the body limit, idempotency and errors of every other
	 * write; a photo is at most 300 KB, so base64's third more is small.  The image comes back as
	 * bytes with its media type (.biner).
	 */
	{"POST", "/v1/desa/{kode}/intervensi/{id}/foto", API(GW_TOKEN, "kkb.api_intervensi_foto_tambah"), .region_path = 1,
		.summary = "Add a photo to an intervention (whoever may change it): body {\"isi\": the image in base64} - JPEG, PNG or WebP by its first bytes, at most 300 KB and 1280 px a side, at most 5 an intervention; 201",
		.args = {KODE, ID_PATH, BODY}, .body = GW_RB_OBJECT, .success = 201, .idempoten = 1,
	.none_message = "no such intervention (or it is outside your scope)"},
	{"GET", "/v1/desa/{kode}/intervensi/{id}/foto/{foto}", API(GW_TOKEN, "kkb.api_intervensi_foto"), .region_path = 1,
		.summary = "One photo of an intervention: the image, with its media type, for whoever sees the intervention (ETag, revalidated)",
		.args = {KODE, ID_PATH, FOTO_PATH}, .cache = GW_CACHE_PRIBADI, .produces = FOTO, .biner = 1,
	.none_message = "no such photo (or it is outside your scope)"},
	{"DELETE", "/v1/desa/{kode}/intervensi/{id}/foto/{foto}", API(GW_TOKEN, "kkb.api_intervensi_foto_hapus"), .region_path = 1,
		.summary = "Remove a photo of an intervention (whoever may change it)",
		.args = {KODE, ID_PATH, FOTO_PATH}, .none_message = "no such photo (or it is outside your scope)"},

	{"POST", "/v1/desa/{kode}/keluarga", h_sinkron_keluarga, GW_TOKEN,
		.summary = "Bulk sync of families by (kode_desa, no_kk): JSON array or CSV; an import summary",
	.query = "dry_run atomik baru", .body = GW_RB_ROWS},
	{"GET", "/v1/desa/{kode}/anggota", DESA("kkb.api_anggota_daftar"),
		.summary = "The village's members by name (the Pokja's and administrators' own register), with age in months and last measurement",
		.args = {KODE, {GW_ARG_TEXT, "cari"}, {GW_ARG_INT, "umur_maks", .min = 0, .max = 1200,
			.hint = "Months, e.g. umur_maks=60 for the under-fives."}, LIMIT, OFFSET},
	.csv = GW_CSV, .cache = GW_CACHE_PRIBADI},
	{"POST", "/v1/desa/{kode}/anggota", h_sinkron_anggota, GW_TOKEN,
		.summary = "Bulk sync of family members by (kode_desa, nik): JSON array or CSV; an import summary",
	.query = "dry_run atomik baru", .body = GW_RB_ROWS},
	{"POST", "/v1/desa/{kode}/pengukuran", h_sinkron_pengukuran, GW_TOKEN,
		.summary = "Bulk sync of child measurements by (kode_desa, nik, tanggal_ukur): JSON array or CSV; an import summary with the computed z-scores",
	.query = "dry_run atomik baru", .body = GW_RB_ROWS},
	{"POST", "/v1/desa/{kode}/peristiwa", h_sinkron_peristiwa, GW_TOKEN,
		.summary = "Bulk sync of vital events (births, deaths, moves) by (kode_desa, ref), ref being the client's own id of the event: JSON array or CSV; an import summary",
	.query = "dry_run atomik baru", .body = GW_RB_ROWS},

	{"POST", "/v1/desa/{kode}/keluarga/{no_kk}/ganti-no-kk", DESA("kkb.api_keluarga_ganti_no_kk"),
		.summary = "Renumber a family card: body {\"no_kk\": the new number}; the family and its members move to it (kkb.ganti_no_kk)",
	.args = {KODE, NOMOR_PATH, BODY}, .body = GW_RB_OBJECT, .idempoten = 1},
	{"POST", "/v1/desa/{kode}/anggota/{nik}/ganti-nik", DESA("kkb.api_anggota_ganti_nik"),
		.summary = "Change a member's NIK: body {\"nik\": the new NIK}; the child's measurements and the vital events naming it follow (kkb.ganti_nik)",
	.args = {KODE, NOMOR_PATH, BODY}, .body = GW_RB_OBJECT, .idempoten = 1},

	{"GET", "/v1/desa/{kode}/periode/{periode}", DESA("kkb.api_periode"),
		.summary = "The month's workflow state", .args = {KODE, PERIODE_PATH}, .cache = GW_CACHE_DATA},
	{"POST", "/v1/desa/{kode}/periode/{periode}/ajukan", DESA("kkb.api_periode_ajukan"),
		.summary = "Submit the month", .args = {KODE, PERIODE_PATH}, .idempoten = 1},
	{"POST", "/v1/desa/{kode}/periode/{periode}/setujui", DESA("kkb.api_periode_setujui"),
		.summary = "Approve the month", .args = {KODE, PERIODE_PATH}, .idempoten = 1},
	{"POST", "/v1/desa/{kode}/periode/{periode}/kunci", DESA("kkb.api_periode_kunci"),
		.summary = "Lock the month", .args = {KODE, PERIODE_PATH}, .idempoten = 1},
	{"POST", "/v1/desa/{kode}/periode/{periode}/buka", DESA("kkb.api_periode_buka"),
		.summary = "Reopen the month", .args = {KODE, PERIODE_PATH}, .idempoten = 1},

	{"GET", "/v1/prioritas", API(GW_TOKEN, "kkb.api_prioritas"),
		.summary = "An agency's (OPD) work list of villages",
		.args = {WILAYAH_LINGKUP, PERIODE, {GW_ARG_AGENCY, "opd"}, LIMIT, OFFSET}, .csv = GW_CSV, .cache = GW_CACHE_DATA,
	.region_query = "wilayah", .none_status = 400, .none_message = "unknown agency (opd): see kkb.opd for the codes",
	.berat = BERAT_DAFTAR},
	{"GET", "/v1/ringkasan", API(GW_TOKEN, "kkb.api_ringkasan"),
		.summary = "Aggregates of the Kampung KB under a region per province (tingkat 1), regency/city (2), kecamatan (3) or village (4): villages, classes, completeness, stunting prevalence with its 95% interval, wasting, underweight, unmet need, CPR, MKJP, families at risk; the region's own figures in total. Without wilayah (and a token without a scope): the whole country per province. Counts only (readable by a province token)",
		.args = {{GW_ARG_REGION_SCOPE_ALL, "wilayah"}, PERIODE,
			{GW_ARG_INT, "tingkat", .min = 1, .max = 4,
		.hint = "1 province, 2 regency/city, 3 district (kecamatan), 4 village; e.g. tingkat=2 within a province."}, LIMIT, OFFSET},
	.csv = GW_CSV, .cache = GW_CACHE_DATA, .region_query = "wilayah", .none_message = "no such region", .berat = BERAT_RINGKASAN},
	{"GET", "/v1/pencilan", API(GW_TOKEN, "kkb.api_pencilan"),
		.summary = "Outliers in the monthly reports under a region: against each village's history and its kecamatan",
		.args = {{GW_ARG_REGION, "wilayah"}, PERIODE, {GW_ARG_TEXT, "metode"}}, .csv = GW_CSV,
		.cache = GW_CACHE_DATA, .region_query = "wilayah", .none_message = NOT_FOUND, .berat = BERAT_DAFTAR},
	{"GET", "/v1/tren-stunting", API(GW_TOKEN, "kkb.api_tren_stunting"),
		.summary = "Stunting per village: the month with its 95% interval against the 11 months before, rises beyond chance flagged",
		.args = {{GW_ARG_REGION, "wilayah"}, PERIODE}, .csv = GW_CSV, .cache = GW_CACHE_DATA,
	.region_query = "wilayah", .none_message = NOT_FOUND, .berat = BERAT_RINGKASAN},
	{"GET", "/v1/ketepatan", API(GW_TOKEN, "kkb.api_ketepatan"),
		.summary = "Timeliness of a month's reports under a region: the deadline, reporting and on-time rates, each village's state",
		/* no ETag: the answer moves with the clock (a deadline passes) and the deadline setting */
		.args = {{GW_ARG_REGION, "wilayah"}, PERIODE}, .csv = GW_CSV,
	.region_query = "wilayah", .none_message = NOT_FOUND},
	{"GET", "/v1/klasifikasi", API(GW_TOKEN, "kkb.api_klasifikasi_daftar"),
		.summary = "Village classes within a region", .args = {WILAYAH_LINGKUP, PERIODE, LIMIT, OFFSET}, .csv = GW_CSV,
	.cache = GW_CACHE_DATA, .region_query = "wilayah", .none_message = "no villages", .berat = BERAT_DAFTAR},
};

const int	gw_nroutes = (int) (sizeof(gw_routes) / sizeof(gw_routes[0]));

/*
 * h_agensi.c - what agencies (OPD) and the province read across villages:
 *   GET /v1/prioritas?wilayah=13.77&periode=YYYY-MM&opd=dinkes   the agencies' work list
 *   GET /v1/klasifikasi?wilayah=13.77&periode=YYYY-MM            every village's classification
 *   GET /v1/ringkasan?wilayah=13&periode=YYYY-MM&tingkat=2       aggregates per regency, kecamatan or village
 * wilayah defaults to the token's scope (400 when neither is there); opd
 * defaults to the agency of an agency token.  Row-level security limits the
 * villages to the caller's scope.
 */
#include "routes.h"

#include <string.h>

#include "request.h"
#include "tx.h"

/* The region: the query's, else the token's scope; NULL (400 answered) when neither. */
static const char *
region(gw_request *req)
{
	const char *w = gw_query_arg(req, "wilayah");

	if (w)
		return w;
	if (req->auth.wilayah[0])
		return req->auth.wilayah;
	gw_reply_bad_param(req, "wilayah", "the parameter wilayah is required", "E.g. wilayah=13.77 for Kota Pariaman.");
	return NULL;
}

/*
 * 200 {"wilayah","periode","opd","total","limit","offset","data":[{"opd","peringkat",
 * "kode_desa","nama_desa","masalah","uraian","nilai","target","selisih","terdampak"}]}
 * ordered by agency, rank, village, problem.  400 for an unknown agency.
 */
void
h_prioritas(gw_request *req)
{
	static const gw_stmt st = {
		"prioritas",
		"WITH p AS (SELECT * FROM kkb.prioritas_intervensi($1::kkb.kode_wilayah, $2::date, $3))"
		" SELECT CASE WHEN $3 IS NULL OR EXISTS (SELECT 1 FROM kkb.opd o WHERE o.kode = $3) THEN"
		"  pg_catalog.json_build_object('wilayah', $1::kkb.kode_wilayah::text, 'periode', pg_catalog.to_char($2::date, 'YYYY-MM'),"
		"   'opd', $3, 'total', (SELECT pg_catalog.count(*) FROM p), 'limit', $4::integer, 'offset', $5::integer,"
		"   'data', coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object('opd', x.opd, 'peringkat', x.peringkat,"
		"              'kode_desa', x.kode_desa::text, 'nama_desa', x.nama_desa, 'masalah', x.masalah, 'uraian', x.uraian,"
		"              'nilai', x.nilai, 'target', x.target, 'selisih', x.selisih, 'terdampak', x.terdampak)"
		"              ORDER BY x.opd, x.peringkat, x.kode_desa, x.masalah)"
		"      FROM (SELECT * FROM p ORDER BY p.opd, p.peringkat, p.kode_desa, p.masalah"
		"             LIMIT $4::integer OFFSET $5::integer) x), '[]'::json)) END",
		5
	};
	char		periode[11],
				limit[8],
				offset[16];
	const char *params[5];

	if (gw_query_periode(req, periode) < 0 || gw_query_paging(req, limit, offset) < 0)
		return;
	if ((params[0] = region(req)) == NULL)
		return;
	params[1] = periode;
	params[2] = gw_query_arg(req, "opd");
	if (params[2] == NULL && req->auth.opd[0])
		params[2] = req->auth.opd;
	params[3] = limit;
	params[4] = offset;
	gw_reply_query(req, &st, params, 400, "unknown agency (opd): see kkb.opd for the codes");
}

/*
 * 200 {"wilayah","periode","total","limit","offset","data":[{"kode_desa","nama",
 * "klasifikasi","indeks_input","indeks_proses","indeks_output","skor":{...},"persentase":{...}}]}
 * in village-code order (kkb.klasifikasi per village, so a page costs only its villages).
 */
void
h_klasifikasi_daftar(gw_request *req)
{
	static const gw_stmt st = {
		"klasifikasi_daftar",
		"WITH d AS (SELECT k.kode_desa FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.<@) $1::kkb.kode_wilayah)"
		" SELECT pg_catalog.json_build_object('wilayah', $1::kkb.kode_wilayah::text, 'periode', pg_catalog.to_char($2::date, 'YYYY-MM'),"
		"  'total', (SELECT pg_catalog.count(*) FROM d), 'limit', $3::integer, 'offset', $4::integer,"
		"  'data', coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object('kode_desa', p.kode_desa::text,"
		"             'nama', w.nama, 'klasifikasi', h.j ->> 'klasifikasi',"
		"             'indeks_input', (h.j ->> 'indeks_input')::numeric, 'indeks_proses', (h.j ->> 'indeks_proses')::numeric,"
		"             'indeks_output', (h.j ->> 'indeks_output')::numeric, 'skor', h.j -> 'skor', 'persentase', h.j -> 'persentase')"
		"             ORDER BY p.kode_desa)"
		"     FROM (SELECT * FROM d ORDER BY d.kode_desa LIMIT $3::integer OFFSET $4::integer) p"
		"     JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) p.kode_desa"
		"     CROSS JOIN LATERAL (SELECT kkb.klasifikasi(p.kode_desa, $2::date) AS j) h), '[]'::json))",
		4
	};
	char		periode[11],
				limit[8],
				offset[16];
	const char *params[4];

	if (gw_query_periode(req, periode) < 0 || gw_query_paging(req, limit, offset) < 0)
		return;
	if ((params[0] = region(req)) == NULL)
		return;
	params[1] = periode;
	params[2] = limit;
	params[3] = offset;
	gw_reply_query(req, &st, params, 404, "no villages");
}

/*
 * 200 {"wilayah","nama","periode","tingkat","total":{ROW},"jumlah","limit","offset","data":[ROW...]}
 * with ROW = {"kode","nama","induk","desa","kampung_kb","kelas","klasifikasi":{"Dasar",
 * "Berkembang","Mandiri","Berkelanjutan"},"kelengkapan","balita_diukur","balita_stunting",
 * "prevalensi_stunting","pus","unmet_need","persen_unmet_need","keluarga_berisiko"}: the
 * region's own figures in "total", one row per region of level tingkat (default: one
 * level below) in "data", in code order.  kkb.ringkasan computes both in one pass; it
 * refuses a region outside the caller's scope (403), an unknown region (404) and a
 * level above the region (400).  Counts only: readable by a province token.
 */
void
h_ringkasan(gw_request *req)
{
	static const gw_stmt st = {
		"ringkasan",
		"WITH r AS MATERIALIZED (SELECT pg_catalog.row_number() OVER () AS n, x.* FROM kkb.ringkasan($1::kkb.kode_wilayah, $2::date,"
		"                        $3::integer, true) x),"
		" j AS (SELECT r.n, r.kode, pg_catalog.json_build_object('kode', r.kode::text, 'nama', r.nama, 'induk', r.induk::text,"
		"        'desa', r.desa, 'kampung_kb', r.kampung_kb, 'kelas', r.kelas,"
		"        'klasifikasi', pg_catalog.json_build_object('Dasar', r.dasar, 'Berkembang', r.berkembang, 'Mandiri', r.mandiri,"
		"                       'Berkelanjutan', r.berkelanjutan),"
		"        'kelengkapan', r.kelengkapan, 'balita_diukur', r.balita_diukur, 'balita_stunting', r.balita_stunting,"
		"        'prevalensi_stunting', r.prevalensi_stunting, 'pus', r.pus, 'unmet_need', r.unmet_need,"
		"        'persen_unmet_need', r.persen_unmet_need, 'keluarga_berisiko', r.keluarga_berisiko) AS o FROM r),"
		" t AS (SELECT COALESCE($3::integer, LEAST(kkb.tingkat($1::kkb.kode_wilayah) + 1, 4)) AS tingkat,"
		"        kkb.tingkat($1::kkb.kode_wilayah) AS sendiri),"
		" d AS (SELECT j.* FROM j, t WHERE t.tingkat = t.sendiri OR j.n > 1)"
		" SELECT pg_catalog.json_build_object('wilayah', $1::kkb.kode_wilayah::text, 'nama', kkb.wilayah_nama($1::kkb.kode_wilayah),"
		"  'periode', pg_catalog.to_char($2::date, 'YYYY-MM'), 'tingkat', (SELECT t.tingkat FROM t),"
		"  'total', (SELECT j.o FROM j WHERE j.n = 1), 'jumlah', (SELECT pg_catalog.count(*) FROM d),"
		"  'limit', $4::integer, 'offset', $5::integer,"
		"  'data', coalesce((SELECT pg_catalog.json_agg(p.o ORDER BY p.n)"
		"     FROM (SELECT * FROM d ORDER BY d.n LIMIT $4::integer OFFSET $5::integer) p), '[]'::json))",
		5
	};
	char		periode[11],
				limit[8],
				offset[16];
	const char *params[5];
	const char *tingkat = gw_query_arg(req, "tingkat");

	if (gw_query_periode(req, periode) < 0 || gw_query_paging(req, limit, offset) < 0)
		return;
	if (tingkat && !(tingkat[0] >= '1' && tingkat[0] <= '4' && tingkat[1] == '\0'))
	{
		gw_reply_bad_param(req, "tingkat", "tingkat must be a level from 1 to 4",
						   "1 province, 2 regency/city, 3 district (kecamatan), 4 village; e.g. tingkat=2 within a province.");
		return;
	}
	if ((params[0] = region(req)) == NULL)
		return;
	params[1] = periode;
	params[2] = tingkat;
	params[3] = limit;
	params[4] = offset;
	gw_reply_query(req, &st, params, 404, "no such region");
}

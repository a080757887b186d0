/*
 * h_desa.c - villages (Kampung KB) and what the database computes for them:
 *   GET /v1/desa?wilayah=13.77&periode=YYYY-MM     villages with class, completeness, period state
 *   GET /v1/desa/{kode}                            one village
 *   GET /v1/desa/{kode}/profil?periode=            the 40 data items with their sources
 *   GET /v1/desa/{kode}/klasifikasi?periode=       the portal's classification
 *   GET /v1/desa/{kode}/validasi?periode=          validation-rule violations
 *   GET /v1/desa/{kode}/risiko-stunting?acuan=     families at risk of stunting
 * Every statement first finds the village in kkb.kampung as the caller, so a
 * village outside the caller's scope (row-level security) answers 404, the
 * same as a village that is not a Kampung KB.  periode defaults to the
 * current month.
 */
#include "routes.h"

#include "request.h"
#include "tx.h"

#define NOT_FOUND "no such Kampung KB (or it is outside your scope)"

void
h_desa_daftar(gw_request *req)
{
	static const gw_stmt st = {
		"desa_daftar",
		"WITH d AS (SELECT k.kode_desa, k.nama, w.nama AS nama_desa"
		"             FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa"
		"            WHERE $1 IS NULL OR k.kode_desa OPERATOR(kkb.<@) $1::kkb.kode_wilayah)"
		" SELECT pg_catalog.json_build_object('wilayah', $1::kkb.kode_wilayah::text,"
		"  'periode', pg_catalog.to_char($2::date, 'YYYY-MM'), 'total', (SELECT pg_catalog.count(*) FROM d),"
		"  'limit', $3::integer, 'offset', $4::integer,"
		"  'data', coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object("
		"      'kode_desa', p.kode_desa::text, 'nama', p.nama, 'nama_desa', p.nama_desa,"
		"      'klasifikasi', kkb.klasifikasi(p.kode_desa, $2::date) ->> 'klasifikasi',"
		"      'kelengkapan', kkb.kelengkapan(p.kode_desa, $2::date),"
		"      'status', coalesce((SELECT s.status::text FROM kkb.periode_status s"
		"                           WHERE s.kode_desa OPERATOR(kkb.=) p.kode_desa AND s.periode = $2::date), 'draf'))"
		"      ORDER BY p.kode_desa)"
		"    FROM (SELECT * FROM d ORDER BY d.kode_desa LIMIT $3::integer OFFSET $4::integer) p), '[]'::json))",
		4
	};
	char		periode[11],
				limit[8],
				offset[16];
	const char *params[4];

	if (gw_query_periode(req, periode) < 0 || gw_query_paging(req, limit, offset) < 0)
		return;
	params[0] = gw_query_arg(req, "wilayah");
	params[1] = periode;
	params[2] = limit;
	params[3] = offset;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

void
h_desa_satu(gw_request *req)
{
	static const gw_stmt st = {
		"desa_satu",
		"SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text, 'nama', k.nama, 'nama_desa', w.nama,"
		" 'kecamatan', (SELECT c.nama FROM kkb.wilayah c WHERE c.kode OPERATOR(kkb.=) w.induk),"
		" 'kode_kecamatan', w.induk::text, 'tanggal_pencanangan', k.tanggal_pencanangan, 'nomor_sk', k.nomor_sk,"
		" 'lintang', k.lintang, 'bujur', k.bujur, 'alamat_sekretariat', k.alamat_sekretariat,"
		" 'dibuat_pada', k.dibuat_pada, 'diubah_pada', k.diubah_pada)"
		" FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa"
		" WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		1
	};
	const char *params[1] = {req->params[0]};

	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

void
h_desa_profil(gw_request *req)
{
	static const gw_stmt st = {
		"desa_profil",
		"SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text,"
		" 'periode', pg_catalog.to_char($2::date, 'YYYY-MM'), 'kelengkapan', x.kelengkapan, 'data', x.data)"
		" FROM kkb.kampung k CROSS JOIN LATERAL ("
		"   SELECT pg_catalog.round(pg_catalog.count(p.nilai)::numeric / pg_catalog.count(*), 4) AS kelengkapan,"
		"          pg_catalog.json_agg(pg_catalog.json_build_object('urutan', p.urutan, 'kode', p.kode, 'nama', p.nama,"
		"                              'nilai', p.nilai, 'sumber', p.sumber) ORDER BY p.urutan) AS data"
		"     FROM kkb.profil_desa(k.kode_desa, $2::date) p) x"
		" WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		2
	};
	char		periode[11];
	const char *params[2] = {req->params[0], periode};

	if (gw_query_periode(req, periode) < 0)
		return;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

void
h_desa_klasifikasi(gw_request *req)
{
	static const gw_stmt st = {
		"desa_klasifikasi",
		"SELECT (pg_catalog.jsonb_build_object('kode_desa', k.kode_desa::text,"
		"        'periode', pg_catalog.to_char($2::date, 'YYYY-MM'))"
		"        OPERATOR(pg_catalog.||) kkb.klasifikasi(k.kode_desa, $2::date))::text"
		" FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		2
	};
	char		periode[11];
	const char *params[2] = {req->params[0], periode};

	if (gw_query_periode(req, periode) < 0)
		return;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

void
h_desa_validasi(gw_request *req)
{
	static const gw_stmt st = {
		"desa_validasi",
		"SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text,"
		" 'periode', pg_catalog.to_char($2::date, 'YYYY-MM'), 'jumlah', x.jumlah, 'data', x.data)"
		" FROM kkb.kampung k CROSS JOIN LATERAL ("
		"   SELECT pg_catalog.count(*) AS jumlah, coalesce(pg_catalog.json_agg(pg_catalog.json_build_object("
		"            'kode', v.kode, 'uraian', v.uraian, 'kepentingan', v.kepentingan, 'kiri', v.kiri, 'nilai_kiri', v.nilai_kiri,"
		"            'operator', v.operator, 'kanan', v.kanan, 'nilai_kanan', v.nilai_kanan)), '[]'::json) AS data"
		"     FROM kkb.periksa(k.kode_desa, $2::date) v) x"
		" WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		2
	};
	char		periode[11];
	const char *params[2] = {req->params[0], periode};

	if (gw_query_periode(req, periode) < 0)
		return;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

/*
 * acuan (reference date, YYYY-MM-DD) defaults to today; a malformed date is
 * refused by the database (22007/22008 -> 400).  Families in no_kk order,
 * paged.  By-name data: the village's pokja and administrators only (an
 * agency gets 403 from the database).
 */
void
h_desa_risiko(gw_request *req)
{
	static const gw_stmt st = {
		"desa_risiko",
		"WITH r AS (SELECT r.* FROM kkb.kampung k"
		"            CROSS JOIN LATERAL kkb.risiko_stunting_desa(k.kode_desa, coalesce($2::date, CURRENT_DATE)) r"
		"            WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah)"
		" SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text, 'acuan', coalesce($2::date, CURRENT_DATE),"
		"  'jumlah_keluarga', (SELECT pg_catalog.count(*) FROM r),"
		"  'jumlah_sasaran', (SELECT pg_catalog.count(*) FROM r WHERE r.sasaran),"
		"  'jumlah_berisiko', (SELECT pg_catalog.count(*) FROM r WHERE r.berisiko),"
		"  'total', (SELECT pg_catalog.count(*) FROM r), 'limit', $3::integer, 'offset', $4::integer,"
		"  'data', coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object('no_kk', p.no_kk::text,"
		"             'sasaran', p.sasaran, 'alasan_sasaran', p.alasan_sasaran, 'berisiko', p.berisiko, 'faktor', p.faktor)"
		"             ORDER BY p.no_kk)"
		"     FROM (SELECT * FROM r ORDER BY r.no_kk LIMIT $3::integer OFFSET $4::integer) p), '[]'::json))"
		" FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		4
	};
	char		limit[8],
				offset[16];
	const char *params[4];

	if (gw_query_paging(req, limit, offset) < 0)
		return;
	params[0] = req->params[0];
	params[1] = gw_query_arg(req, "acuan");
	params[2] = limit;
	params[3] = offset;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

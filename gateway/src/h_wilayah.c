/*
 * h_wilayah.c - the national region reference (Kemendagri codes):
 *   GET /v1/wilayah?induk=13.77   children of a region (provinces without induk)
 *   GET /v1/wilayah/{kode}        one region
 * Public reference data: no token needed (a token, when sent, is checked and
 * used); anonymous callers run as kkb_pokja with no scope, which sees the
 * reference tables and no village's data.
 */
#include "routes.h"

#include "request.h"
#include "tx.h"

/*
 * 200 {"induk":"13.77"|null, "total":n, "limit":n, "offset":n,
 *      "data":[{"kode","nama","tingkat","induk"}, ...]}  ordered by code.
 * 400 for a malformed code (22P02 from the database), 404 for an unknown induk.
 */
void
h_wilayah_daftar(gw_request *req)
{
	static const gw_stmt st_anak = {
		"wilayah_anak",
		"SELECT CASE WHEN kkb.wilayah_ada($1::kkb.kode_wilayah) THEN pg_catalog.json_build_object("
		" 'induk', $1::kkb.kode_wilayah::text,"
		" 'total', (SELECT pg_catalog.count(*) FROM kkb.wilayah w WHERE w.induk OPERATOR(kkb.=) $1::kkb.kode_wilayah),"
		" 'limit', $2::integer, 'offset', $3::integer,"
		" 'data', coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object('kode', w.kode::text, 'nama', w.nama,"
		"                   'tingkat', w.tingkat, 'induk', w.induk::text) ORDER BY w.kode)"
		"                     FROM (SELECT * FROM kkb.wilayah w WHERE w.induk OPERATOR(kkb.=) $1::kkb.kode_wilayah"
		"                            ORDER BY w.kode LIMIT $2::integer OFFSET $3::integer) w), '[]'::json)) END",
		3
	};
	static const gw_stmt st_provinsi = {
		"wilayah_provinsi",
		"SELECT pg_catalog.json_build_object('induk', NULL,"
		" 'total', (SELECT pg_catalog.count(*) FROM kkb.wilayah w WHERE w.induk IS NULL),"
		" 'limit', $1::integer, 'offset', $2::integer,"
		" 'data', coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object('kode', w.kode::text, 'nama', w.nama,"
		"                   'tingkat', w.tingkat, 'induk', NULL) ORDER BY w.kode)"
		"                     FROM (SELECT * FROM kkb.wilayah w WHERE w.induk IS NULL"
		"                            ORDER BY w.kode LIMIT $1::integer OFFSET $2::integer) w), '[]'::json))",
		2
	};
	const char *induk = gw_query_arg(req, "induk");
	char		limit[8],
				offset[16];

	if (gw_query_paging(req, limit, offset) < 0)
		return;
	if (induk)
	{
		const char *params[3] = {induk, limit, offset};

		gw_reply_query(req, &st_anak, params, 404, "no such region (induk)");
	}
	else
	{
		const char *params[2] = {limit, offset};

		gw_reply_query(req, &st_provinsi, params, 404, "no such region");
	}
}

/*
 * 200 {"kode","nama","tingkat","induk","nama_induk","jumlah_anak"}; 404 unknown; 400 malformed.
 */
void
h_wilayah_satu(gw_request *req)
{
	static const gw_stmt st = {
		"wilayah_satu",
		"SELECT pg_catalog.json_build_object('kode', w.kode::text, 'nama', w.nama, 'tingkat', w.tingkat,"
		" 'induk', w.induk::text, 'nama_induk', (SELECT i.nama FROM kkb.wilayah i WHERE i.kode OPERATOR(kkb.=) w.induk),"
		" 'jumlah_anak', (SELECT pg_catalog.count(*) FROM kkb.wilayah a WHERE a.induk OPERATOR(kkb.=) w.kode))"
		" FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		1
	};
	const char *params[1] = {req->params[0]};

	gw_reply_query(req, &st, params, 404, "no such region");
}

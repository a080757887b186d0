/*
 * h_laporan.c - village data entry (reports), JSON bodies:
 *   PUT  /v1/desa/{kode}/profil-kampung/{periode}   the month's profile (kkb.profil)
 *   PUT  /v1/desa/{kode}/penduduk/{periode}         the month's population report (kkb.penduduk)
 *   PUT  /v1/desa/{kode}/kkbpk/{periode}            the month's family-planning report (kkb.kkbpk)
 *   PUT  /v1/desa/{kode}/nilai/{periode}            the month's entered data items (kkb.nilai)
 *   GET  the same four paths                        the month's record as stored (404 when there is none)
 *   POST /v1/desa/{kode}/intervensi                 record an intervention (kkb.intervensi)
 *   GET  /v1/desa/{kode}/intervensi                 the village's interventions
 * PUT replaces the month's record (fields left out take their defaults: false,
 * {} or null) and answers 201 when it created it, 200 when it replaced it.
 * Only the listed fields are accepted (422 otherwise); the database validates
 * every value (types 400, rules 422, unknown codes 409, a locked month 409).
 * The body, once checked, travels to the database as it was sent, as one
 * jsonb parameter (numbers keep their exact digits); no SQL is built.
 */
#include "routes.h"


#include "request.h"
#include "tx.h"

#define NOT_FOUND "no such Kampung KB (or it is outside your scope)"

/*
 * Shared by the PUT handlers: the body (checked against `allowed`), the
 * village code and the month from the path, and one upsert statement with
 * parameters ($1 village, $2 month, $3 body).
 */
static void
put_month(gw_request *req, const gw_stmt *st, const char *const *allowed)
{
	char		periode[11];
	json_t	   *body;
	const char *params[3];

	if (gw_parse_periode(req, req->params[1], "periode", periode) < 0)
		return;
	if (gw_body_object(req, allowed, &body) < 0)
		return;
	json_decref(body);
	params[0] = req->params[0];
	params[1] = periode;
	params[2] = req->body;		/* the checked body itself: numbers reach the database as written */
	gw_reply_query(req, st, params, 404, NOT_FOUND);
}

/* The stored row as the answer: periode as YYYY-MM, 201 when inserted. */
#define ROW_ANSWER \
	" SELECT (pg_catalog.to_jsonb(t) OPERATOR(pg_catalog.-) 'baru'" \
	"         OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('kode_desa', t.kode_desa::text," \
	"                                 'periode', pg_catalog.to_char(t.periode, 'YYYY-MM')))::text," \
	"        CASE WHEN t.baru THEN 201 ELSE 200 END FROM t"

void
h_profil_kampung_put(gw_request *req)
{
	static const char *const allowed[] = {
		"pokja_ada", "pokja_anggota", "pokja_terlatih", "pkb_pendamping", "regulasi", "sumber_dana", "poktan",
		"sarana", "penggunaan_data", "mekanisme_operasional", NULL
	};
	static const gw_stmt st = {
		"profil_kampung_simpan",
		"WITH r AS (SELECT * FROM pg_catalog.jsonb_populate_record(NULL::kkb.profil, $3::jsonb)),"
		" t AS (INSERT INTO kkb.profil AS p (kode_desa, periode, pokja_ada, pokja_anggota, pokja_terlatih, pkb_pendamping,"
		"                                   regulasi, sumber_dana, poktan, sarana, penggunaan_data, mekanisme_operasional)"
		"       SELECT k.kode_desa, $2::date, coalesce(r.pokja_ada, false), r.pokja_anggota, coalesce(r.pokja_terlatih, false),"
		"              coalesce(r.pkb_pendamping, false), coalesce(r.regulasi, false), coalesce(r.sumber_dana, '{}'),"
		"              coalesce(r.poktan, '{}'), coalesce(r.sarana, '{}'), coalesce(r.penggunaan_data, '{}'),"
		"              coalesce(r.mekanisme_operasional, '{}')"
		"         FROM kkb.kampung k CROSS JOIN r WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah"
		"       ON CONFLICT ON CONSTRAINT profil_pkey DO UPDATE SET pokja_ada = EXCLUDED.pokja_ada,"
		"          pokja_anggota = EXCLUDED.pokja_anggota, pokja_terlatih = EXCLUDED.pokja_terlatih,"
		"          pkb_pendamping = EXCLUDED.pkb_pendamping, regulasi = EXCLUDED.regulasi, sumber_dana = EXCLUDED.sumber_dana,"
		"          poktan = EXCLUDED.poktan, sarana = EXCLUDED.sarana, penggunaan_data = EXCLUDED.penggunaan_data,"
		"          mekanisme_operasional = EXCLUDED.mekanisme_operasional"
		"       RETURNING p.*, p.xmax = 0 AS baru)"
		ROW_ANSWER,
		3
	};

	put_month(req, &st, allowed);
}

void
h_penduduk_put(gw_request *req)
{
	static const char *const allowed[] = {
		"laki_laki", "perempuan", "keluarga", "pus", "remaja", "keluarga_balita", "keluarga_remaja",
		"keluarga_lansia", NULL
	};
	static const gw_stmt st = {
		"penduduk_simpan",
		"WITH r AS (SELECT * FROM pg_catalog.jsonb_populate_record(NULL::kkb.penduduk, $3::jsonb)),"
		" t AS (INSERT INTO kkb.penduduk AS p (kode_desa, periode, laki_laki, perempuan, keluarga, pus, remaja,"
		"                                     keluarga_balita, keluarga_remaja, keluarga_lansia)"
		"       SELECT k.kode_desa, $2::date, r.laki_laki, r.perempuan, r.keluarga, r.pus, r.remaja,"
		"              r.keluarga_balita, r.keluarga_remaja, r.keluarga_lansia"
		"         FROM kkb.kampung k CROSS JOIN r WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah"
		"       ON CONFLICT ON CONSTRAINT penduduk_pkey DO UPDATE SET laki_laki = EXCLUDED.laki_laki,"
		"          perempuan = EXCLUDED.perempuan, keluarga = EXCLUDED.keluarga, pus = EXCLUDED.pus,"
		"          remaja = EXCLUDED.remaja, keluarga_balita = EXCLUDED.keluarga_balita,"
		"          keluarga_remaja = EXCLUDED.keluarga_remaja, keluarga_lansia = EXCLUDED.keluarga_lansia"
		"       RETURNING p.*, p.xmax = 0 AS baru)"
		ROW_ANSWER,
		3
	};

	put_month(req, &st, allowed);
}

void
h_kkbpk_put(gw_request *req)
{
	static const char *const allowed[] = {
		"peserta_bkb", "peserta_bkr", "peserta_bkl", "peserta_uppka", "peserta_pikr", "kb_iud", "kb_mow", "kb_mop",
		"kb_kondom", "kb_implan", "kb_suntik", "kb_pil", "tidak_kb_hamil", "tidak_kb_ingin_segera", "tidak_kb_iat",
		"tidak_kb_tial", "peserta_baru", "bpjs", NULL
	};
	static const gw_stmt st = {
		"kkbpk_simpan",
		"WITH r AS (SELECT * FROM pg_catalog.jsonb_populate_record(NULL::kkb.kkbpk, $3::jsonb)),"
		" t AS (INSERT INTO kkb.kkbpk AS p (kode_desa, periode, peserta_bkb, peserta_bkr, peserta_bkl, peserta_uppka,"
		"                                  peserta_pikr, kb_iud, kb_mow, kb_mop, kb_kondom, kb_implan, kb_suntik, kb_pil,"
		"                                  tidak_kb_hamil, tidak_kb_ingin_segera, tidak_kb_iat, tidak_kb_tial, peserta_baru, bpjs)"
		"       SELECT k.kode_desa, $2::date, r.peserta_bkb, r.peserta_bkr, r.peserta_bkl, r.peserta_uppka, r.peserta_pikr,"
		"              r.kb_iud, r.kb_mow, r.kb_mop, r.kb_kondom, r.kb_implan, r.kb_suntik, r.kb_pil, r.tidak_kb_hamil,"
		"              r.tidak_kb_ingin_segera, r.tidak_kb_iat, r.tidak_kb_tial, r.peserta_baru, r.bpjs"
		"         FROM kkb.kampung k CROSS JOIN r WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah"
		"       ON CONFLICT ON CONSTRAINT kkbpk_pkey DO UPDATE SET peserta_bkb = EXCLUDED.peserta_bkb,"
		"          peserta_bkr = EXCLUDED.peserta_bkr, peserta_bkl = EXCLUDED.peserta_bkl,"
		"          peserta_uppka = EXCLUDED.peserta_uppka, peserta_pikr = EXCLUDED.peserta_pikr, kb_iud = EXCLUDED.kb_iud,"
		"          kb_mow = EXCLUDED.kb_mow, kb_mop = EXCLUDED.kb_mop, kb_kondom = EXCLUDED.kb_kondom,"
		"          kb_implan = EXCLUDED.kb_implan, kb_suntik = EXCLUDED.kb_suntik, kb_pil = EXCLUDED.kb_pil,"
		"          tidak_kb_hamil = EXCLUDED.tidak_kb_hamil, tidak_kb_ingin_segera = EXCLUDED.tidak_kb_ingin_segera,"
		"          tidak_kb_iat = EXCLUDED.tidak_kb_iat, tidak_kb_tial = EXCLUDED.tidak_kb_tial,"
		"          peserta_baru = EXCLUDED.peserta_baru, bpjs = EXCLUDED.bpjs"
		"       RETURNING p.*, p.xmax = 0 AS baru)"
		ROW_ANSWER,
		3
	};

	put_month(req, &st, allowed);
}

/*
 * The body is {"<item code>": number, ...}; the month's entered values become
 * exactly these (items left out are deleted).  Every value must be a JSON
 * number (422 naming the item otherwise); an unknown item code is refused by
 * the foreign key to kkb.elemen_data (23503 -> 409), a negative value by its
 * check (23514 -> 422).  200 {"kode_desa","periode","data":{item: value},
 * "ditulis":n (inserted or changed), "dihapus":n}.
 */
void
h_nilai_put(gw_request *req)
{
	static const gw_stmt st = {
		"nilai_simpan",
		"WITH d AS (SELECT k.kode_desa FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah),"
		" b AS (SELECT e.key AS kode_elemen, e.value::text::numeric AS nilai FROM pg_catalog.jsonb_each($3::jsonb) e),"
		" hapus AS (DELETE FROM kkb.nilai n USING d WHERE n.kode_desa OPERATOR(kkb.=) d.kode_desa AND n.periode = $2::date"
		"             AND NOT EXISTS (SELECT 1 FROM b WHERE b.kode_elemen = n.kode_elemen) RETURNING n.kode_elemen),"
		" tulis AS (INSERT INTO kkb.nilai AS n (kode_desa, periode, kode_elemen, nilai)"
		"           SELECT d.kode_desa, $2::date, b.kode_elemen, b.nilai FROM d CROSS JOIN b"
		"           ON CONFLICT ON CONSTRAINT nilai_pkey DO UPDATE SET nilai = EXCLUDED.nilai"
		"              WHERE n.nilai IS DISTINCT FROM EXCLUDED.nilai RETURNING n.kode_elemen)"
		" SELECT pg_catalog.json_build_object('kode_desa', d.kode_desa::text, 'periode', pg_catalog.to_char($2::date, 'YYYY-MM'),"
		"  'data', coalesce((SELECT pg_catalog.json_object_agg(b.kode_elemen, b.nilai ORDER BY b.kode_elemen) FROM b), '{}'::json),"
		"  'ditulis', (SELECT pg_catalog.count(*) FROM tulis), 'dihapus', (SELECT pg_catalog.count(*) FROM hapus))"
		" FROM d",
		3
	};
	char		periode[11];
	json_t	   *body;
	const char *key;
	json_t	   *val;
	const char *params[3];

	if (gw_parse_periode(req, req->params[1], "periode", periode) < 0)
		return;
	if (gw_body_object(req, NULL, &body) < 0)
		return;
	json_object_foreach(body, key, val)
	{
		if (!json_is_number(val))
		{
			json_t	   *e = json_object();
			json_t	   *k = json_string(key);

			json_object_set_new(e, "code", json_string("KKB-422"));
			json_object_set_new(e, "message", json_string("every item value must be a number"));
			json_object_set_new(e, "details", json_null());
			json_object_set_new(e, "hint", json_string("Send {\"<item code>\": <number>, ...}; leave an item out to clear it."));
			json_object_set_new(e, "kolom", k ? k : json_null());
			json_decref(body);
			gw_reply_json(req, 422, e);
			return;
		}
	}
	json_decref(body);
	params[0] = req->params[0];
	params[1] = periode;
	params[2] = req->body;		/* the checked body itself: 0.1 stays 0.1 */
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

/*
 * 201 with the stored intervention (its id included).  tanggal, judul and
 * fungsi_keluarga are required (23502 -> 422 naming the column).
 */
void
h_intervensi_post(gw_request *req)
{
	static const char *const allowed[] = {
		"tanggal", "judul", "fungsi_keluarga", "sasaran", "opd", "kegiatan_inpres", "uraian", NULL
	};
	static const gw_stmt st = {
		"intervensi_tambah",
		"WITH r AS (SELECT * FROM pg_catalog.jsonb_populate_record(NULL::kkb.intervensi, $2::jsonb)),"
		" t AS (INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, sasaran, opd, kegiatan_inpres, uraian)"
		"       SELECT k.kode_desa, r.tanggal, r.judul, r.fungsi_keluarga, coalesce(r.sasaran, '{}'), coalesce(r.opd, '{}'),"
		"              r.kegiatan_inpres, r.uraian"
		"         FROM kkb.kampung k CROSS JOIN r WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah"
		"       RETURNING *)"
		" SELECT (pg_catalog.to_jsonb(t) OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('kode_desa', t.kode_desa::text))::text,"
		"        201 FROM t",
		2
	};
	json_t	   *body;
	const char *params[2];

	if (gw_body_object(req, allowed, &body) < 0)
		return;
	json_decref(body);
	params[0] = req->params[0];
	params[1] = req->body;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

/* 200 {"kode_desa","total","limit","offset","data":[...]}, newest first (tanggal, then id, descending). */
void
h_intervensi_daftar(gw_request *req)
{
	static const gw_stmt st = {
		"intervensi_daftar",
		"SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text,"
		" 'total', (SELECT pg_catalog.count(*) FROM kkb.intervensi i WHERE i.kode_desa OPERATOR(kkb.=) k.kode_desa),"
		" 'limit', $2::integer, 'offset', $3::integer,"
		" 'data', coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object('id', i.id, 'tanggal', i.tanggal,"
		"          'judul', i.judul, 'fungsi_keluarga', i.fungsi_keluarga, 'sasaran', i.sasaran, 'opd', i.opd,"
		"          'kegiatan_inpres', i.kegiatan_inpres, 'uraian', i.uraian, 'diubah_pada', i.diubah_pada)"
		"          ORDER BY i.tanggal DESC, i.id DESC)"
		"     FROM (SELECT * FROM kkb.intervensi i WHERE i.kode_desa OPERATOR(kkb.=) k.kode_desa"
		"            ORDER BY i.tanggal DESC, i.id DESC LIMIT $2::integer OFFSET $3::integer) i), '[]'::json))"
		" FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		3
	};
	char		limit[8],
				offset[16];
	const char *params[3];

	if (gw_query_paging(req, limit, offset) < 0)
		return;
	params[0] = req->params[0];
	params[1] = limit;
	params[2] = offset;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

/* ---------------------------------------------------------------- reading a month's record */

/* The stored row of a month: periode as YYYY-MM; no row (404) when the month has none. */
#define ROW_GET(tabel) \
	"SELECT (pg_catalog.to_jsonb(t) OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('kode_desa', t.kode_desa::text," \
	"        'periode', pg_catalog.to_char(t.periode, 'YYYY-MM')))::text" \
	" FROM kkb." tabel " t WHERE t.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah AND t.periode = $2::date"

static void
get_month(gw_request *req, const gw_stmt *st, const char *none)
{
	char		periode[11];
	const char *params[2];

	if (gw_parse_periode(req, req->params[1], "periode", periode) < 0)
		return;
	params[0] = req->params[0];
	params[1] = periode;
	gw_reply_query(req, st, params, 404, none);
}

#define NO_REPORT "the month has no such report (or the village is not a Kampung KB in your scope)"

void
h_profil_kampung_get(gw_request *req)
{
	static const gw_stmt st = {"profil_kampung_baca", ROW_GET("profil"), 2};

	get_month(req, &st, NO_REPORT);
}

void
h_penduduk_get(gw_request *req)
{
	static const gw_stmt st = {"penduduk_baca", ROW_GET("penduduk"), 2};

	get_month(req, &st, NO_REPORT);
}

void
h_kkbpk_get(gw_request *req)
{
	static const gw_stmt st = {"kkbpk_baca", ROW_GET("kkbpk"), 2};

	get_month(req, &st, NO_REPORT);
}

/* {"kode_desa","periode","data":{item: value}} ({} when nothing was entered); 404 for an unknown village. */
void
h_nilai_get(gw_request *req)
{
	static const gw_stmt st = {
		"nilai_baca",
		"SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text, 'periode', pg_catalog.to_char($2::date, 'YYYY-MM'),"
		"  'data', coalesce((SELECT pg_catalog.json_object_agg(n.kode_elemen, n.nilai ORDER BY n.kode_elemen) FROM kkb.nilai n"
		"                     WHERE n.kode_desa OPERATOR(kkb.=) k.kode_desa AND n.periode = $2::date), '{}'::json))"
		" FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		2
	};

	get_month(req, &st, NOT_FOUND);
}

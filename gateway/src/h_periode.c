/*
 * h_periode.c - the month's approval workflow of a village:
 *   GET  /v1/desa/{kode}/periode/{periode}            its state
 *   POST /v1/desa/{kode}/periode/{periode}/ajukan     draf -> diajukan       (pokja, admin)
 *   POST /v1/desa/{kode}/periode/{periode}/setujui    diajukan -> disetujui  (opd, admin)
 *   POST /v1/desa/{kode}/periode/{periode}/kunci      -> dikunci             (admin)
 *   POST /v1/desa/{kode}/periode/{periode}/buka       -> draf                (admin)
 * The rules are the database's (kkb.ajukan ... and the trigger behind them):
 * a step out of order is 55000 -> 409, a role that may not take it 42501 ->
 * 403, a village that is not a Kampung KB or is outside the scope P0002 -> 404.
 */
#include "routes.h"

#include "request.h"
#include "tx.h"

#define NOT_FOUND "no such Kampung KB (or it is outside your scope)"

void
h_periode_status(gw_request *req)
{
	static const gw_stmt st = {
		"periode_status",
		"SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text, 'periode', pg_catalog.to_char($2::date, 'YYYY-MM'),"
		" 'status', coalesce(s.status::text, 'draf'), 'diubah_oleh', s.diubah_oleh, 'diubah_pada', s.diubah_pada)"
		" FROM kkb.kampung k LEFT JOIN kkb.periode_status s ON s.kode_desa OPERATOR(kkb.=) k.kode_desa AND s.periode = $2::date"
		" WHERE k.kode_desa OPERATOR(kkb.=) $1::kkb.kode_wilayah",
		2
	};
	char		periode[11];
	const char *params[2] = {req->params[0], periode};

	if (gw_parse_periode(req, req->params[1], "periode", periode) < 0)
		return;
	gw_reply_query(req, &st, params, 404, NOT_FOUND);
}

/*
 * One step.  The code is checked to be a village (level 4) first, so a
 * region code answers 404 rather than a domain error.  200 {"kode_desa",
 * "periode","status","diubah_oleh","diubah_pada"} with the new state.
 */
static void
step(gw_request *req, const gw_stmt *st)
{
	char		periode[11];
	const char *params[2] = {req->params[0], periode};

	if (gw_parse_periode(req, req->params[1], "periode", periode) < 0)
		return;
	gw_reply_query(req, st, params, 404, NOT_FOUND);
}

/* The statement of one step: the function `fn` (kkb.ajukan ...) on a village code, then the new state row. */
#define STEP_SQL(fn) \
	"WITH d AS (SELECT $1::kkb.kode_wilayah AS kode), " \
	" s AS (SELECT " fn "(d.kode, $2::date)::text AS status FROM d WHERE kkb.tingkat(d.kode) = 4)" \
	" SELECT pg_catalog.json_build_object('kode_desa', d.kode::text, 'periode', pg_catalog.to_char($2::date, 'YYYY-MM')," \
	"  'status', s.status, 'diubah_oleh', coalesce(NULLIF(pg_catalog.current_setting('kkb.pengguna', true), ''), CURRENT_USER::text)," \
	"  'diubah_pada', pg_catalog.now()) FROM d CROSS JOIN s"

void
h_periode_ajukan(gw_request *req)
{
	static const gw_stmt st = {"periode_ajukan", STEP_SQL("kkb.ajukan"), 2};

	step(req, &st);
}

void
h_periode_setujui(gw_request *req)
{
	static const gw_stmt st = {"periode_setujui", STEP_SQL("kkb.setujui"), 2};

	step(req, &st);
}

void
h_periode_kunci(gw_request *req)
{
	static const gw_stmt st = {"periode_kunci", STEP_SQL("kkb.kunci"), 2};

	step(req, &st);
}

void
h_periode_buka(gw_request *req)
{
	static const gw_stmt st = {"periode_buka", STEP_SQL("kkb.buka"), 2};

	step(req, &st);
}

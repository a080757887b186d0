/*
 * h_saya.c - GET /v1/saya: who the bearer token says the caller is.
 *   200 {"peran":"kkb_opd","label":"Dinkes Pariaman","wilayah":"13.77","opd":"dinkes"}
 * peran is the token's role (kkb_admin, kkb_pokja, kkb_opd, kkb_analis),
 * label its holder, wilayah its region scope (null for none: all regions) and
 * opd the agency of an agency token (null otherwise).  It answers from the
 * verified token alone (auth.c), for every role, analysts included: a client
 * uses it to pick what to show; the database still decides every read.
 */
#include "routes.h"

static json_t *
text_or_null(const char *s)
{
	json_t	   *j = s && s[0] ? json_string(s) : NULL;

	return j ? j : json_null();
}

void
h_saya(gw_request *req)
{
	const char *peran = gw_role_name(req->auth.role);
	json_t	   *doc = json_object();

	json_object_set_new(doc, "peran", text_or_null(peran));
	json_object_set_new(doc, "label", text_or_null(req->auth.label));
	json_object_set_new(doc, "wilayah", text_or_null(req->auth.wilayah));
	json_object_set_new(doc, "opd", text_or_null(req->auth.opd));
	gw_reply_json(req, 200, doc);
}

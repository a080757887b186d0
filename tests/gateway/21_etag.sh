#!/bin/sh
# ETags tell nothing of what the caller may not see, and a 304 follows the same
# authorisation as a 200 (issue 16 item 6): a pokja listing another village's
# region gets an ETag that does not change when that village writes; a role
# refused a route (403) or a village (404) is refused with If-None-Match: *
# too; an allowed caller's matching ETag still gets 304.
. "$(dirname "$0")/lib.sh"

PORT=18721
A=13.74.01.1001
B=13.74.01.1002
sql "
DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B');
DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 21)' AND dicabut IS NULL;
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('$A', 'Kampung KB Uji A'), ('$B', 'Kampung KB Uji B');" >/dev/null ||
	{ echo "Bail out! could not load the fixture"; exit 1; }
TA=$(token kkb_pokja $A "Pokja A (uji 21)")
TB=$(token kkb_pokja $B "Pokja B (uji 21)")
TO=$(token kkb_opd 13.74 "Dinkes (uji 21)" dinkes)
TP=$(token kkb_provinsi 13 "Portal Sumbar (uji 21)")
TN=$(token kkb_analis 13.74 "Analis (uji 21)")
gw_start $PORT
ok $? "gateway started"

etag() { curl -s -D - -o /dev/null -H "Authorization: Bearer $1" "http://127.0.0.1:$GW_PORT$2" | tr -d '\r' | sed -n 's/^ETag: //Ip'; }
code_inm() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" -H "If-None-Match: $3" "http://127.0.0.1:$GW_PORT$2"; }

# ---------------------------------------------------------------- another village's activity
e1=$(etag "$TA" "/v1/desa?wilayah=$B")
is "$(jqb "$(api GET "/v1/desa?wilayah=$B" "$TA")" '.data | length')" 0 "pokja A listing B's region gets an empty list"
api_json POST /v1/desa/$B/intervensi "$TB" '{"tanggal":"2026-10-03","judul":"Posyandu","fungsi_keluarga":"perlindungan"}' >/dev/null
e2=$(etag "$TA" "/v1/desa?wilayah=$B")
ok "$( [ -n "$e1" ]; echo $?)" "  with an ETag ($e1)"
is "$e2" "$e1" "  which does not change when B writes"
eb1=$(etag "$TB" "/v1/desa?wilayah=$B")
api_json POST /v1/desa/$B/intervensi "$TB" '{"tanggal":"2026-10-04","judul":"Posyandu lagi","fungsi_keluarga":"perlindungan"}' >/dev/null
eb2=$(etag "$TB" "/v1/desa?wilayah=$B")
ok "$( [ "$eb1" != "$eb2" ]; echo $?)" "B's own ETag changes when B writes"

# ---------------------------------------------------------------- 304 only after the same authorisation
RS=/v1/desa/$A/risiko-stunting
for who in "OPD:$TO" "province:$TP" "analyst:$TN"; do
	name=${who%%:*}
	t=${who#*:}
	is "$(code_inm "$t" "$RS" '*')" 403 "If-None-Match: * on families at risk with the $name token: 403, as without it"
done
is "$(code_inm "$TA" "/v1/desa/$B" '*')" 404 "If-None-Match: * on another village with pokja A: 404, as without it"
ea=$(etag "$TA" "$RS")
ok "$( [ -n "$ea" ]; echo $?)" "pokja A gets its families at risk with an ETag"
is "$(code_inm "$TA" "$RS" "$ea")" 304 "  and 304 with that ETag"
is "$(code_inm "$TA" "$RS" '*')" 304 "  and with *"
is "$(code_inm "$TO" "/v1/wilayah/13.74" '*')" 304 "the public region list still answers 304 at once"

# ---------------------------------------------------------------- the version tables in SQL
for r in kkb_admin kkb_pokja kkb_opd kkb_analis kkb_provinsi kkb_anon; do
	is "$(sql_state "SET ROLE $r; SELECT count(*) FROM kkb.versi_desa")" 42501 "$r cannot read kkb.versi_desa"
done

gw_stop
sql "DELETE FROM kkb.intervensi WHERE kode_desa IN ('$A', '$B'); DELETE FROM kkb.kampung WHERE kode_desa IN ('$A', '$B');" >/dev/null
done_testing

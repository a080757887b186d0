#!/bin/sh
# The refresher of the stored monthly indicators (gateway/src/penyegar.c): a write to a
# village - here by a direct SQL session, not through the gateway - is announced by the
# database at commit (NOTIFY kkb_indikator from the change counters' trigger); the
# gateway recomputes that village's stored months outside the writer's transaction and
# leaves the other villages' rows alone; it also sweeps for stale villages (kkb._indikator_basi: on a
# Citus cluster the workers' announcements never arrive), so it works there too.  Fixture: a generated kecamatan of Bukittinggi
# (13.75.01, 5% scale, 3 months), its indicators stored by kkb.indikator_siapkan.
. "$(dirname "$0")/lib.sh"
PORT=18760
metric() { curl -s "http://127.0.0.1:$PORT/metrics" | awk -v k="$1" 'index($0, k " ") == 1 { v = $2 } END { print v + 0 }'; }

sql "SELECT count(*) FROM kkb.hasilkan('13.75.01', 0.05, 13, 3)" >/dev/null
cluster psql -d "$KKB_TEST_DB" -X -q -v ON_ERROR_STOP=1 -c "CALL kkb.indikator_siapkan('13.75.01', 3)" >/dev/null 2>&1
V=$(sql "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '13.75.01'")
# a stored row is fresh while its versions are the village's and the reference data's
SEGAR="SELECT count(*) FROM kkb.indikator_bulanan i
        WHERE i.kode_desa = '$V' AND i.periode >= (date_trunc('month', current_date) - interval '2 months')
          AND i.versi_desa = (SELECT versi FROM kkb.versi_desa WHERE kode_desa = '$V')
          AND i.versi_acuan = (SELECT versi FROM kkb.versi_acuan)"
is "$(sql "$SEGAR")" 3 "the village's 3 months are stored and fresh"
sql "DROP TABLE IF EXISTS public.uji_lain; CREATE TABLE public.uji_lain AS SELECT kode_desa::text AS kode_desa, periode, xmin::text AS x FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' AND kode_desa <> '$V'" >/dev/null

gw_start $PORT --refresh-months 3 || exit 1

# a direct SQL write (a member of the village gets a new name): the rows go stale at once
sql "UPDATE kkb.anggota SET nama = nama || ' B' WHERE nik = (SELECT min(nik::text) FROM kkb.anggota WHERE kode_desa = '$V')::kkb.nik" >/dev/null
is "$(sql "$SEGAR")" 0 "after the write the stored rows are stale (a reader would recompute them)"
i=0
while [ $i -lt 150 ] && [ "$(sql "$SEGAR")" != 3 ]; do sleep 0.1; i=$((i + 1)); done
is "$(sql "$SEGAR")" 3 "within 15 s the refresher has recomputed the village's 3 months"
is "$(sql "SELECT count(*) FROM kkb.indikator_bulanan i JOIN public.uji_lain u ON u.kode_desa = i.kode_desa::text AND u.periode = i.periode WHERE u.x <> i.xmin::text")" 0 \
	"the other villages' stored rows were not touched"
ok "$([ "$(metric kkb_indikator_refreshed_total)" -ge 3 ] && echo 0 || echo 1)" "/metrics counts the refreshed village-months ($(metric kkb_indikator_refreshed_total))"
ok "$(grep -q '"refresher: monthly indicators recomputed"' "$GW_LOG" && echo 0 || echo 1)" "the gateway logs the refresh"

# a write that rolls back announces nothing (NOTIFY is delivered at commit only)
# (the village's stored rows stay as they are: the refresher also sweeps for stale villages, so the
# metric may count others')
BARIS_V="SELECT string_agg(periode || ':' || xmin::text, ',' ORDER BY periode) FROM kkb.indikator_bulanan WHERE kode_desa = '$V'"
before=$(sql "$BARIS_V")
sql "BEGIN; UPDATE kkb.anggota SET nama = nama || ' C' WHERE kode_desa = '$V'; ROLLBACK" >/dev/null
sleep 2
is "$(sql "$BARIS_V")" "$before" "a rolled-back write refreshes nothing (the village's stored rows are the same rows)"

# a hostile announcement is ignored with a warning; the gateway keeps serving
sql "NOTIFY kkb_indikator, 'x''); DROP TABLE kkb.kampung; --'" >/dev/null
sql "SELECT pg_notify('kkb_indikator', repeat('9', 5000))" >/dev/null
sleep 1.5
ok "$(grep -q 'is not a village code' "$GW_LOG" && echo 0 || echo 1)" "an announcement that is not a village code is logged and ignored"
is "$(status_of "$(http GET /v1/health)")" 200 "... and the gateway still answers"
is "$(sql "SELECT count(*) > 0 FROM kkb.kampung")" t "... and nothing was run from it"

# the database goes away and comes back: the refresher reconnects and listens again
is "$(sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'kkb-gateway-penyegar'")" 1 \
	"the refresher's own connection (application_name kkb-gateway-penyegar) is cut"
sleep 3
is "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'kkb-gateway-penyegar'")" 1 "... and it has a new one"
sql "UPDATE kkb.anggota SET nama = nama || ' D' WHERE nik = (SELECT min(nik::text) FROM kkb.anggota WHERE kode_desa = '$V')::kkb.nik" >/dev/null
i=0
while [ $i -lt 150 ] && [ "$(sql "$SEGAR")" != 3 ]; do sleep 0.1; i=$((i + 1)); done
is "$(sql "$SEGAR")" 3 "after its connection was cut, the refresher listens again and refreshes the next write"

gw_stop
sql "DROP TABLE IF EXISTS public.uji_lain" >/dev/null
sql "SELECT count(*) FROM kkb.hasilkan_hapus('13.75.01')" >/dev/null
done_testing

#!/bin/sh
# The nightly job kkb.indikator_siapkan (48_tren.sql): a procedure that computes and stores
# the monthly indicators of a region, one month per transaction, with a notice per month.
# CALL cannot run inside pgTAP's transaction, so it is tested here through psql: a generated
# kecamatan of Bukittinggi (13.75.01, 5% scale, 12 months), then a trend read that needs
# nothing computed.
. "$(dirname "$0")/lib.sh"

sql "SELECT count(*) FROM kkb.hasilkan('13.75.01', 0.05, 9, 12)" >/dev/null
sql "DELETE FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01'" >/dev/null
N=$(sql "SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.75.01'")
out=$(cluster psql -d "$KKB_TEST_DB" -X -q -v ON_ERROR_STOP=1 -c "CALL kkb.indikator_siapkan('13.75.01', 3)" 2>&1)
is "$?" 0 "CALL kkb.indikator_siapkan('13.75.01', 3) succeeds"
is "$(printf '%s\n' "$out" | grep -c "NOTICE:  kkb.indikator_siapkan: [0-9-]* - $N villages")" 3 "... with one notice per month, naming the villages"
is "$(sql "SELECT count(*) FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01'")" "$((3 * N))" "... and one stored row per village and month"
is "$(sql "SELECT count(DISTINCT periode) FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01'")" 3 "... for this month and the two before"
is "$(sql_state "CALL kkb.indikator_siapkan('13.75.01', 0)")" 22023 "0 months: 22023"
# each month its own transaction: a long run keeps what it has done - no transaction stored two months, and
# each month was stored by one (per shard on a Citus cluster, where every worker numbers its own transactions)
if [ "$(sql "SELECT count(*) FROM pg_extension WHERE extname = 'citus'")" = 1 ]; then
	TEMPAT="get_shard_id_for_distribution_column('kkb.indikator_bulanan', kode_desa)"
else
	TEMPAT=0
fi
is "$(sql "SELECT count(*) FILTER (WHERE n > 1) || '|' || count(DISTINCT periode) FROM (
             SELECT $TEMPAT AS tempat, xmin::text AS trans, min(periode) AS periode, count(DISTINCT periode) AS n
               FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' GROUP BY 1, 2) x")|$(sql "SELECT count(*) FROM (
             SELECT $TEMPAT, periode FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' GROUP BY 1, 2 HAVING count(DISTINCT xmin::text) > 1) y")" \
	"0|3|0" "each month was committed by its own transaction"
sql "SELECT count(*) FROM kkb.hasilkan_hapus('13.75.01')" >/dev/null
done_testing

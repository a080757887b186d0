#!/bin/sh
# The monthly indicators as data (kkb.indikator_bulanan, issue 17): a 12-month
# stunting trend of a city's 4 kecamatan through kkb.ringkasan, read from the
# stored rows (warmed by an untimed run before each timed one), against the
# same trend computed afresh (the stored rows emptied before each run), on the
# demo city (Kota Pariaman, 71 villages, 12 months).  Target: < 200 ms.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
echo "indikator: generating the demo city 13.77 (71 villages, 12 months; about 15 s)" >&2
bench_sql "SELECT count(*) FROM kkb.hasilkan_hapus('13.77'); SELECT count(*) FROM kkb.hasilkan('13.77', 1.0, 1)" >/dev/null
TREN="SELECT count(*) FROM pg_catalog.generate_series(0, 11) m
      CROSS JOIN LATERAL kkb.ringkasan('13.77', (pg_catalog.date_trunc('month', CURRENT_DATE) - m * interval '1 month')::date, 3) r
      WHERE r.prevalensi_stunting IS NOT NULL"
bench_pair tren_12_bulan_4_kecamatan 852 "< 200 ms" "$TREN" "$TREN" "$TREN" "TRUNCATE kkb.indikator_bulanan"

#!/bin/sh
# Validated load (issue: data model): COPY of N members into kkb.anggota with
# every trigger, type and key (validation in C, derived checks, foreign key to
# the family, one-head index, warnings and the audit trail) against COPY of the
# same rows into a plain table of text/bigint columns with no trigger.  Second
# baseline: the same table types with the validation written in PL/pgSQL.
# Third: a copy of kkb.anggota with the same types, keys, indexes, checks and
# foreign key but none of its triggers - what validation, warnings and audit
# cost on top of the table itself (target <= 1.5x).
# Target: the validated load at least 0.7x the plain load's rows per second.
. "$(dirname "$0")/lib.sh"
N=${BENCH_ROWS:-1000000}
FILE=$PGHOST/bench_anggota.csv

echo "validated load: generating $N members in $((N / 4)) families of Pariaman's 71 villages" >&2
bench_sql "
TRUNCATE kkb.kampung CASCADE;
INSERT INTO kkb.kampung (kode_desa, nama) SELECT kode, 'Kampung KB ' || nama FROM kkb.wilayah WHERE kode <@ '13.77' AND tingkat = 4;
CREATE TEMP TABLE desa AS SELECT row_number() OVER (ORDER BY kode_desa) - 1 AS i, kode_desa FROM kkb.kampung;
INSERT INTO kkb.keluarga (kode_desa, no_kk)
SELECT d.kode_desa, (substr(replace(kkb.kecamatan(d.kode_desa)::text, '.', ''), 1, 6) || '0101' || '20' || lpad((1 + f / 71)::text, 4, '0'))::kkb.no_kk
  FROM generate_series(0, $N / 4 - 1) f JOIN desa d ON d.i = f % 71;
DROP TABLE IF EXISTS bench.anggota_plain, bench.anggota_plpgsql, bench.anggota_sama;
CREATE TABLE bench.anggota_sama (LIKE kkb.anggota INCLUDING ALL);
ALTER TABLE bench.anggota_sama ADD FOREIGN KEY (kode_desa, no_kk) REFERENCES kkb.keluarga (kode_desa, no_kk);
CREATE TABLE bench.anggota_plain (kode_desa text, nik bigint, no_kk bigint, nama text, jenis_kelamin text,
	tanggal_lahir date, hubungan text);
CREATE TABLE bench.anggota_plpgsql (kode_desa kkb.kode_desa, nik kkb.nik, no_kk kkb.no_kk, nama text NOT NULL,
	jenis_kelamin char(1) NOT NULL CHECK (jenis_kelamin IN ('L', 'P')), tanggal_lahir date NOT NULL, hubungan kkb.hubungan NOT NULL,
	PRIMARY KEY (kode_desa, nik), FOREIGN KEY (kode_desa, no_kk) REFERENCES kkb.keluarga (kode_desa, no_kk));
CREATE FUNCTION bench.validasi_plpgsql() RETURNS trigger LANGUAGE plpgsql AS \$f\$
DECLARE s text := NEW.nik::text; d int := substr(s, 7, 2)::int; m int := substr(s, 9, 2)::int; y int := substr(s, 11, 2)::int;
BEGIN
	IF NEW.tanggal_lahir > current_date THEN RAISE EXCEPTION 'tanggal_lahir in the future' USING ERRCODE = 'check_violation'; END IF;
	IF (d > 40) <> (NEW.jenis_kelamin = 'P') THEN RAISE EXCEPTION 'jenis_kelamin does not match nik' USING ERRCODE = 'check_violation'; END IF;
	IF (CASE WHEN d > 40 THEN d - 40 ELSE d END) <> extract(day FROM NEW.tanggal_lahir) OR m <> extract(month FROM NEW.tanggal_lahir)
	   OR y <> extract(year FROM NEW.tanggal_lahir)::int % 100 THEN
		RAISE EXCEPTION 'tanggal_lahir does not match nik' USING ERRCODE = 'check_violation';
	END IF;
	NEW.diubah_pada := now();
	RETURN NEW;
END \$f\$;
ALTER TABLE bench.anggota_plpgsql ADD COLUMN diubah_pada timestamptz;
CREATE TRIGGER v BEFORE INSERT OR UPDATE ON bench.anggota_plpgsql FOR EACH ROW EXECUTE FUNCTION bench.validasi_plpgsql();
COPY (
	SELECT k.kode_desa, (substr(k.no_kk::text, 1, 6) || lpad((extract(day FROM b)::int + CASE WHEN p THEN 40 ELSE 0 END)::text, 2, '0')
	        || to_char(b, 'MMYY') || lpad((1 + (4 * (r / 284) + r % 4) % 9999)::text, 4, '0')) AS nik,
	       k.no_kk, 'Warga ' || r, CASE WHEN p THEN 'P' ELSE 'L' END, b,
	       CASE WHEN r % 4 = 0 THEN 'kepala' WHEN r % 4 = 1 THEN 'istri' ELSE 'anak' END
	  FROM generate_series(0, $N - 1) r
	  JOIN (SELECT row_number() OVER (ORDER BY kode_desa, no_kk) - 1 AS f, kode_desa, no_kk FROM kkb.keluarga) k ON k.f = r / 4
	 CROSS JOIN LATERAL (SELECT r % 4 = 1 OR (r % 4 > 1 AND r % 2 = 0) AS p,
	                            DATE '1950-01-01' + ((r::bigint * 7919) % 24000)::int AS b) x
) TO '$FILE' WITH (FORMAT csv);
ANALYZE kkb.keluarga;
"
COLS="kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan"
bench_pair copy_anggota_validated "$N" ">= 0.7x plain rows/s (ratio <= 1.43)" \
	"COPY kkb.anggota ($COLS) FROM '$FILE' WITH (FORMAT csv)" \
	"COPY bench.anggota_plain ($COLS) FROM '$FILE' WITH (FORMAT csv)" \
	"TRUNCATE kkb.anggota CASCADE; TRUNCATE kkb.audit, kkb.peringatan" \
	"TRUNCATE bench.anggota_plain"
bench_pair copy_anggota_vs_plpgsql "$N" "(info: C validation + audit vs PL/pgSQL validation without audit)" \
	"COPY kkb.anggota ($COLS) FROM '$FILE' WITH (FORMAT csv)" \
	"COPY bench.anggota_plpgsql ($COLS) FROM '$FILE' WITH (FORMAT csv)" \
	"TRUNCATE kkb.anggota CASCADE; TRUNCATE kkb.audit, kkb.peringatan" \
	"TRUNCATE bench.anggota_plpgsql"
bench_pair copy_anggota_vs_tanpa_pemicu "$N" "<= 1.5x (the same table, keys, indexes and foreign key, without the triggers)" \
	"COPY kkb.anggota ($COLS) FROM '$FILE' WITH (FORMAT csv)" \
	"COPY bench.anggota_sama ($COLS) FROM '$FILE' WITH (FORMAT csv)" \
	"TRUNCATE kkb.anggota CASCADE; TRUNCATE kkb.audit, kkb.peringatan" \
	"TRUNCATE bench.anggota_sama"
bench_sql "SELECT 'rows loaded: ' || count(*) || ', audit rows: ' || (SELECT count(*) FROM kkb.audit) || ', warnings: ' || (SELECT count(*) FROM kkb.peringatan) FROM kkb.anggota" >&2

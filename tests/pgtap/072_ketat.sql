-- Strict numbers and dates on the write paths (#16.12): the bulk sync (JSON rows and rows read from
-- CSV) and the single-record writes refuse numbers that are not plain decimals (0x10, 1e3, inf, NaN,
-- ' 12') and dates that are not YYYY-MM-DD days of the calendar (today, epoch, J2461000,
-- 2026-10-01+07, 2026-13-01, 20261001), each with a 22xxx SQLSTATE, the registry's code and the
-- column named; plain values are still stored.
BEGIN;
SELECT plan(46);

SET client_min_messages = warning;
\ir fixture_desa.inc

CREATE FUNCTION pg_temp.s(tabel text, baris jsonb, opsi jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql AS $$
	SELECT kkb.api_sinkron(tabel, '13.77.01.1001', baris, opsi)
$$;
CREATE FUNCTION pg_temp.n(d jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT jsonb_build_array(d -> 'diimpor', d -> 'diperbarui', d -> 'diabaikan', d -> 'ditolak')::text
$$;
-- each rejected row as baris:kode:code:kolom
CREATE FUNCTION pg_temp.konflik(d jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(k ->> 'baris' || ':' || (k ->> 'kode') || ':' || coalesce(k ->> 'code', '-') || ':' || coalesce(k ->> 'kolom', '-'),
	                           ' ' ORDER BY (k ->> 'baris')::int), '')
	  FROM jsonb_array_elements(d -> 'konflik') k
$$;
-- the SQLSTATE, column and message of an error q raises, or 'ok'
CREATE FUNCTION pg_temp.galat(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; kol text; m text;
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, kol = COLUMN_NAME, m = MESSAGE_TEXT;
	RETURN st || ' ' || coalesce(NULLIF(kol, ''), '-') || ' ' || m;
END $$;
CREATE TEMP TABLE hasil (nama text PRIMARY KEY, d jsonb);

-- ================================================================ numbers (pengukuran.berat_kg, float8: strtod)
-- the child Budi of the fixture, one measurement day per row
INSERT INTO hasil
SELECT 'angka', pg_temp.s('pengukuran', jsonb_agg(jsonb_build_object('nik', pg_temp.nik('137701', current_date - 400, false, 3),
                                                                     'tanggal_ukur', (current_date - 30 + i::int)::text, 'berat_kg', v) ORDER BY i))
  FROM unnest(ARRAY['0x10', '1e3', 'inf', 'NaN', ' 12', '12 ', '-Infinity', '1,5', '.5', '9.', '9.5', '+8.25', '10']) WITH ORDINALITY u(v, i);
SELECT is(pg_temp.n(d), '[3, 0, 0, 10]', 'berat_kg: ten values refused, 9.5, +8.25 and 10 stored') FROM hasil WHERE nama = 'angka';
SELECT is(pg_temp.konflik(d),
          '1:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg 2:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg 3:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg '
          '4:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg 5:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg 6:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg '
          '7:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg 8:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg 9:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg '
          '10:22P02:KKB-ANGKA-TIDAK-SAH:berat_kg',
          '0x10, 1e3, inf, NaN, '' 12'', ''12 '', -Infinity, 1,5, .5 and 9. are each 22P02 KKB-ANGKA-TIDAK-SAH naming berat_kg')
  FROM hasil WHERE nama = 'angka';
SELECT is((SELECT k ->> 'pesan' FROM hasil, jsonb_array_elements(d -> 'konflik') k WHERE nama = 'angka' AND k ->> 'baris' = '1'),
          'column "berat_kg": "0x10" is not a decimal number', 'the database''s message names the column and the value');
SELECT is((SELECT k ->> 'message' FROM hasil, jsonb_array_elements(d -> 'konflik') k WHERE nama = 'angka' AND k ->> 'baris' = '1'),
          'kolom berat_kg: "0x10" bukan angka desimal', 'so does the registry''s message');
SELECT is((SELECT k -> 'kunci' ->> 'tanggal_ukur' FROM hasil, jsonb_array_elements(d -> 'konflik') k WHERE nama = 'angka' AND k ->> 'baris' = '5'),
          (current_date - 25)::text, 'the rejected row carries its key');
SELECT is((SELECT string_agg(berat_kg::text, ' ' ORDER BY tanggal_ukur) FROM kkb.pengukuran
            WHERE kode_desa = '13.77.01.1001' AND tanggal_ukur > current_date - 30 AND tanggal_ukur <= current_date - 17),
          '9.5 8.25 10', 'only the plain decimals are stored (nothing became 16, 1000 or Infinity)');
SELECT is(pg_temp.n(pg_temp.s('pengukuran', jsonb_build_array(jsonb_build_object('nik', pg_temp.nik('137701', current_date - 400, false, 3),
                                          'tanggal_ukur', (current_date - 5)::text, 'berat_kg', '1e1'::jsonb, 'tinggi_cm', 76.5)))),
          '[1, 0, 0, 0]', 'JSON numbers are numbers (1e1 sent as a JSON number is 10)');

-- ================================================================ whole numbers (keluarga.rt, smallint)
INSERT INTO hasil VALUES ('bulat', pg_temp.s('keluarga', '[
	{"no_kk": "1377011505200031", "rt": " 12"},
	{"no_kk": "1377011505200032", "rt": "0x10"},
	{"no_kk": "1377011505200033", "rt": "1.5"},
	{"no_kk": "1377011505200034", "rt": 2.5},
	{"no_kk": "1377011505200035", "rt": true},
	{"no_kk": "1377011505200036", "rt": "+7", "rw": "12"}]'));
SELECT is(pg_temp.n(d) || ' ' || pg_temp.konflik(d),
          '[1, 0, 0, 5] 1:22P02:KKB-BILANGAN-BULAT-TIDAK-SAH:rt 2:22P02:KKB-BILANGAN-BULAT-TIDAK-SAH:rt 3:22P02:KKB-BILANGAN-BULAT-TIDAK-SAH:rt '
          '4:22P02:KKB-BILANGAN-BULAT-TIDAK-SAH:rt 5:22P02:KKB-BILANGAN-BULAT-TIDAK-SAH:rt',
          'rt: '' 12'', 0x10, 1.5, 2.5 and true refused naming rt; "+7" and "12" stored')
  FROM hasil WHERE nama = 'bulat';
SELECT is((SELECT rt || '|' || rw FROM kkb.keluarga WHERE no_kk = '1377011505200036'), '7|12', 'the plain whole numbers are stored');
SELECT is((SELECT k ->> 'message' FROM hasil, jsonb_array_elements(d -> 'konflik') k WHERE nama = 'bulat' AND k ->> 'baris' = '1'),
          'kolom rt: " 12" bukan bilangan bulat', 'the message shows the value with its space');

-- ================================================================ dates (peristiwa.tanggal, date)
INSERT INTO hasil
SELECT 'tanggal', pg_temp.s('peristiwa', jsonb_agg(jsonb_build_object('ref', 'ketat-' || i, 'jenis', 'pindah_masuk', 'tanggal', v) ORDER BY i))
  FROM unnest(ARRAY['"today"', '"epoch"', '"J2461000"', '"2026-10-01+07"', '"2026-13-01"', '"20261001"', '20261001',
                    '"2026-10-01T00:00:00"', '" 2026-10-01"', '"2026-1-01"', '"2026-02-29"', '"0000-01-01"', '"tomorrow"',
                    '"2026-10-01"', '"2024-02-29"']::jsonb[]) WITH ORDINALITY u(v, i);
SELECT is(pg_temp.n(d), '[2, 0, 0, 13]', 'tanggal: thirteen values refused, 2026-10-01 and 2024-02-29 stored') FROM hasil WHERE nama = 'tanggal';
SELECT is(pg_temp.konflik(d),
          '1:22007:KKB-TANGGAL-FORMAT:tanggal 2:22007:KKB-TANGGAL-FORMAT:tanggal 3:22007:KKB-TANGGAL-FORMAT:tanggal '
          '4:22007:KKB-TANGGAL-FORMAT:tanggal 5:22008:KKB-TANGGAL-TIDAK-ADA:tanggal 6:22007:KKB-TANGGAL-FORMAT:tanggal '
          '7:22007:KKB-TANGGAL-FORMAT:tanggal 8:22007:KKB-TANGGAL-FORMAT:tanggal 9:22007:KKB-TANGGAL-FORMAT:tanggal '
          '10:22007:KKB-TANGGAL-FORMAT:tanggal 11:22008:KKB-TANGGAL-TIDAK-ADA:tanggal 12:22008:KKB-TANGGAL-TIDAK-ADA:tanggal '
          '13:22007:KKB-TANGGAL-FORMAT:tanggal',
          'today, epoch, J2461000, 2026-10-01+07, 20261001 (string or number), a time, spaces, 2026-1-01 and tomorrow: 22007; '
          '2026-13-01, 2026-02-29 and 0000-01-01: 22008; each naming tanggal')
  FROM hasil WHERE nama = 'tanggal';
SELECT is((SELECT k ->> 'message' FROM hasil, jsonb_array_elements(d -> 'konflik') k WHERE nama = 'tanggal' AND k ->> 'baris' = '4'),
          'kolom tanggal: "2026-10-01+07" bukan tanggal YYYY-MM-DD', 'a time-zone suffix is refused, not dropped');
SELECT is((SELECT k ->> 'message' FROM hasil, jsonb_array_elements(d -> 'konflik') k WHERE nama = 'tanggal' AND k ->> 'baris' = '5'),
          'kolom tanggal: tanggal "2026-13-01" tidak ada', 'month 13 is no day of the calendar');
SELECT is((SELECT string_agg(ref || '=' || tanggal, ' ' ORDER BY ref) FROM kkb.peristiwa WHERE ref LIKE 'ketat-%'),
          'ketat-14=2026-10-01 ketat-15=2024-02-29', 'only the plain dates are stored');
-- the key of a measurement is a date too
SELECT is(pg_temp.konflik(pg_temp.s('pengukuran', jsonb_build_array(jsonb_build_object('nik', pg_temp.nik('137701', current_date - 400, false, 3),
                                                                                   'tanggal_ukur', 'today', 'berat_kg', 9)))),
          '1:22007:KKB-TANGGAL-FORMAT:tanggal_ukur', 'a key column (tanggal_ukur = today) is refused the same way');

-- ================================================================ rows read from CSV (every value a string)
INSERT INTO hasil VALUES ('csv', pg_temp.s('peristiwa', '[
	{"ref": "csv-1", "jenis": "mati", "tanggal": "2026-10-03", "umur_hari": "0x10"},
	{"ref": "csv-2", "jenis": "mati", "tanggal": "epoch", "umur_hari": "3"},
	{"ref": "csv-3", "jenis": "mati", "tanggal": "2026-10-04", "umur_hari": "30"}]',
	'{"format": "csv", "kolom": ["ref", "jenis", "tanggal", "umur_hari"], "tolak": {}}'));
SELECT is(pg_temp.n(d) || ' ' || pg_temp.konflik(d), '[1, 0, 0, 2] 1:22P02:KKB-BILANGAN-BULAT-TIDAK-SAH:umur_hari 2:22007:KKB-TANGGAL-FORMAT:tanggal',
          'CSV rows: umur_hari 0x10 and tanggal epoch refused naming their columns, the plain row stored') FROM hasil WHERE nama = 'csv';
SELECT is((SELECT umur_hari || '|' || tanggal FROM kkb.peristiwa WHERE ref = 'csv-3'), '30|2026-10-04', 'the plain CSV row is stored');
-- a row with two bad values names the first column of the table
SELECT is(pg_temp.konflik(pg_temp.s('peristiwa', '[{"ref": "csv-4", "jenis": "mati", "umur_hari": "1e3", "tanggal": "today"}]')),
          '1:22007:KKB-TANGGAL-FORMAT:tanggal', 'two bad values: the first in column order (tanggal before umur_hari) is named');
-- atomik: nothing kept
SELECT is(pg_temp.n(pg_temp.s('peristiwa', '[{"ref": "csv-5", "jenis": "pindah_masuk", "tanggal": "2026-10-05"},
                                            {"ref": "csv-6", "jenis": "pindah_masuk", "tanggal": "J2461000"}]', '{"atomik": true}'))
          || (SELECT count(*) FROM kkb.peristiwa WHERE ref IN ('csv-5', 'csv-6')),
          '[1, 0, 0, 1]0', 'atomik with a date J2461000: the summary, and nothing kept');

-- ================================================================ single-record writes (70_api.sql)
SELECT is(pg_temp.galat($$SELECT kkb.api_intervensi_tambah('13.77.01.1001',
                            '{"tanggal": "today", "judul": "Penyuluhan", "fungsi_keluarga": "reproduksi"}')$$),
          '22007 tanggal column "tanggal": "today" is not a date YYYY-MM-DD', 'POST intervensi: tanggal today is refused naming the column');
SELECT is(pg_temp.galat($$SELECT kkb.api_intervensi_tambah('13.77.01.1001',
                            '{"tanggal": "2026-10-01+07", "judul": "Penyuluhan", "fungsi_keluarga": "reproduksi"}')$$),
          '22007 tanggal column "tanggal": "2026-10-01+07" is not a date YYYY-MM-DD', 'POST intervensi: a time-zone suffix is refused');
SELECT is((SELECT status FROM kkb.api_intervensi_tambah('13.77.01.1001',
                            '{"tanggal": "2026-10-01", "judul": "Penyuluhan", "fungsi_keluarga": "reproduksi"}')),
          201, 'POST intervensi: a plain date is stored');
SELECT is(pg_temp.galat($$SELECT kkb.api_kkbpk_simpan('13.77.01.1001', '2026-10-01', '{"kb_iud": "0x10"}')$$),
          '22P02 kb_iud column "kb_iud": "0x10" is not a whole number', 'PUT kkbpk: kb_iud 0x10 is refused naming the column');
SELECT is(pg_temp.galat($$SELECT kkb.api_kkbpk_simpan('13.77.01.1001', '2026-10-01', '{"kb_iud": " 12"}')$$),
          '22P02 kb_iud column "kb_iud": " 12" is not a whole number', 'PUT kkbpk: kb_iud '' 12'' is refused');
SELECT is((SELECT status FROM kkb.api_kkbpk_simpan('13.77.01.1001', '2026-10-01', '{"kb_iud": 12}')), 201, 'PUT kkbpk: kb_iud 12 is stored');
SELECT is(kkb.galat_jawab('22007', NULL, 'intervensi', 'tanggal', 'column "tanggal": "today" is not a date YYYY-MM-DD', NULL, NULL),
          '{"code": "KKB-TANGGAL-FORMAT", "hint": "Tulis tanggal sebagai YYYY-MM-DD, mis. 2026-10-05 (tanpa jam, zona waktu atau kata seperti today).", "kolom": "tanggal", "status": 400, "details": null, "message": "kolom tanggal: \"today\" bukan tanggal YYYY-MM-DD", "sqlstate": "22007"}'::jsonb,
          'the gateway''s answer to it: 400 KKB-TANGGAL-FORMAT naming the column');

-- ================================================================ the checks themselves
SELECT is(kkb._ketat_jenis('kkb.bulan'::regtype), 'd', 'a domain over date is read as a date');
SELECT is(kkb._ketat_jenis('kkb.nik'::regtype)::text || kkb._ketat_jenis('kkb.no_kk'::regtype)::text || kkb._ketat_jenis('kkb.kode_wilayah'::regtype)::text,
          'kxw', 'the identifier types are checked by their own parsers (k, x, w)');
SELECT is(kkb._ketat_jenis('kkb.jamban'::regtype), NULL, 'an enum keeps its own input');
SELECT is(ARRAY[kkb._ketat_ident('1', 'k'), kkb._ketat_ident('1375020101200001', 'x'), kkb._ketat_ident('13.77', 'w'),
                kkb._ketat_ident(' 13.77 ', 'w'), kkb._ketat_ident('13.7x', 'w')],
          ARRAY['22P02', NULL, NULL, NULL, '22P02'],
          'kkb._ketat_ident: NULL when the type reads the text (spaces around a code too), else the SQLSTATE of its input function');
SELECT is((SELECT array_agg((kkb._ketat_ident(v, 'k') IS NULL) = (kkb.nik_periksa(v) IS NULL) ORDER BY v)
             FROM unnest(ARRAY['3577014501900003', '357701450190000', '3577014501900003 ', 'abc', '', '0000000000000000']) v),
          ARRAY[true, true, true, true, true, true], 'kkb._ketat_ident k accepts what kkb.nik_periksa accepts');
SELECT throws_ok($$SELECT kkb._ketat_ident('1', 'q')$$, '22023', 'unknown kind of identifier "q"', 'an unknown kind is refused');
SELECT is((SELECT array_agg(ROW(b.sqlstate, b.kolom, b.pesan)::text)
             FROM kkb._ketat_baris(kkb._ketat_peta('kkb.anggota'), '{"nik": "1", "kode_desa": "x"}') b),
          ARRAY['(22P02,nik,"invalid input syntax for type nik: ""1""")'],
          'a bad NIK in a body: its column and the input function''s message; kode_desa is not checked here');
SELECT lives_ok($$SELECT kkb._ketat_periksa('kkb.anggota', '{"nik": "1"}')$$,
                'kkb._ketat_periksa leaves identifiers to their input function (its detail and hint)');
SELECT is(kkb._ketat_galat('"2026-10-05T08:30:00+07:00"', 'z'), NULL, 'timestamptz: an explicit offset is accepted');
SELECT is(kkb._ketat_galat('"2026-10-05T08:30:00Z"', 'z'), NULL, 'timestamptz: Z is accepted');
SELECT is(kkb._ketat_galat('"2026-10-05T08:30:00"', 'z'), '22007', 'timestamptz: no offset is refused');
SELECT is(kkb._ketat_galat('"2026-10-05 08:30+07"', 'z'), '22007', 'timestamptz: an offset without minutes is refused');
SELECT is(kkb._ketat_galat('"2026-10-05T24:00:00Z"', 'z'), '22008', 'timestamptz: hour 24 is no time');
SELECT is(kkb._ketat_galat('"2026-10-05T08:30:00+07:00"', 't'), '22007', 'timestamp: an offset is refused');
SELECT is(kkb._ketat_galat('"2026-10-05T08:30:15.25"', 't'), NULL, 'timestamp: seconds with a fraction are accepted');
SELECT is(kkb._ketat_galat('"١٢"', 'n'), '22P02', 'digits of another script are refused');
SELECT is(kkb._ketat_galat(E'"12\\n"', 'n'), '22P02', 'a trailing newline is refused');
SELECT is(kkb._ketat_galat('-12.75', 'n'), NULL, 'a JSON number is a number');
SELECT is(kkb._ketat_galat('null', 'd'), NULL, 'null is left to the NOT NULL checks');

SELECT * FROM finish();
ROLLBACK;

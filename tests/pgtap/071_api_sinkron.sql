-- kkb.api_sinkron: the bulk sync of the by-name tables, called directly.
-- Inserts, updates, unchanged re-sends, per-row rejects with their keys,
-- dry_run, atomik, rows of another village, partial rows (#16.9), CSV rows,
-- a batch of invalid rows only, visibility, and each of the four tables.
BEGIN;
SELECT plan(50);

SET client_min_messages = warning;
\ir fixture_desa.inc

-- the village A of the fixture, the counts of a summary
CREATE FUNCTION pg_temp.s(tabel text, baris jsonb, opsi jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql AS $$
	SELECT kkb.api_sinkron(tabel, '13.77.01.1001', baris, opsi)
$$;
CREATE FUNCTION pg_temp.n(d jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT jsonb_build_array(d -> 'diimpor', d -> 'diperbarui', d -> 'diabaikan', d -> 'ditolak')::text
$$;
CREATE FUNCTION pg_temp.konflik(d jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(k ->> 'baris' || ':' || (k ->> 'kode') || ':' || coalesce(k ->> 'kolom', '-'), ' ' ORDER BY (k ->> 'baris')::int), '')
	  FROM jsonb_array_elements(d -> 'konflik') k
$$;
CREATE TEMP TABLE hasil (nama text PRIMARY KEY, d jsonb);

-- ================================================================ keluarga
INSERT INTO hasil VALUES ('k1', pg_temp.s('keluarga', '[
	{"no_kk": "1377011505200011", "rt": 3, "rw": 2, "air_minum": "ledeng", "jamban": "sendiri", "tangki_septik": true},
	{"no_kk": "1377011505200012", "rt": 4, "alamat": "Jl. Pantai", "miskin": true}]'));
SELECT is(pg_temp.n(d), '[2, 0, 0, 0]', 'keluarga: two new families are imported') FROM hasil WHERE nama = 'k1';
SELECT is((SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys((SELECT d FROM hasil WHERE nama = 'k1')) k),
          ARRAY['atomik', 'diabaikan', 'diimpor', 'diperbarui', 'disimpan', 'ditolak', 'dry_run', 'konflik'],
          'the summary''s keys (no hasil for families)');
SELECT is((SELECT rt || '|' || rw || '|' || air_minum || '|' || jamban || '|' || miskin FROM kkb.keluarga WHERE no_kk = '1377011505200011'),
          '3|2|ledeng|sendiri|false', 'the family is stored with the values sent (miskin: its default)');

CREATE TEMP TABLE audit0 AS SELECT coalesce(max(id), 0) AS id FROM kkb.audit;
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[
	{"no_kk": "1377011505200011", "rt": 3, "rw": 2, "air_minum": "ledeng", "jamban": "sendiri", "tangki_septik": true},
	{"no_kk": "1377011505200012", "rt": 4, "alamat": "Jl. Pantai", "miskin": true}]')), '[0, 0, 2, 0]',
          're-sending the batch: both ignored');
SELECT is((SELECT count(*)::int FROM kkb.audit WHERE id > (SELECT id FROM audit0)), 0, 'and no audit row is written');

-- a partial row changes only the columns it names (#16.9)
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200011", "alamat": "Jl. Baru No. 1"}]')), '[0, 1, 0, 0]',
          'a partial row {no_kk, alamat} updates the family');
SELECT is((SELECT rt || '|' || rw || '|' || air_minum || '|' || jamban || '|' || tangki_septik || '|' || alamat FROM kkb.keluarga WHERE no_kk = '1377011505200011'),
          '3|2|ledeng|sendiri|true|Jl. Baru No. 1', 'rt, rw, air_minum, jamban and tangki_septik keep their values');
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200011", "rt": null, "miskin": null}]')), '[0, 1, 0, 0]',
          'a column sent as null is a change');
SELECT is((SELECT coalesce(rt::text, 'null') || '|' || rw || '|' || jamban || '|' || miskin FROM kkb.keluarga WHERE no_kk = '1377011505200011'),
          'null|2|sendiri|false', 'rt is set to null, miskin (NOT NULL) to its default, the others are kept');
-- the same from CSV: every value a string, the header naming the columns
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200012", "rt": "7"}, {"no_kk": "1377011505200013", "rt": "8"}]',
                              '{"format": "csv", "kolom": ["no_kk", "rt"], "tolak": {}}')), '[1, 1, 0, 0]',
          'CSV rows {no_kk, rt}: one new family, one updated');
SELECT is((SELECT rt || '|' || alamat || '|' || miskin FROM kkb.keluarga WHERE no_kk = '1377011505200012'), '7|Jl. Pantai|true',
          'the CSV row changed rt only');
SELECT throws_ok($$SELECT pg_temp.s('keluarga', '[]', '{"format": "csv", "kolom": ["no_kk", "warna"]}')$$, '42703',
                 'unknown column "warna" in the CSV header', 'a CSV header naming an unknown column refuses the batch (42703)');
SELECT is(pg_temp.konflik(pg_temp.s('keluarga', '[{"no_kk": "1377011505200014"}, null]',
                                    '{"format": "csv", "kolom": ["no_kk"], "tolak": {"2": {"kode": "KKB-422", "pesan": "the row has 2 fields but the header has 1", "kolom": null}}}')),
          '2:KKB-422:-', 'a CSV record the reader refused is rejected with its reason');

-- per-row rejects, each with its number, key, code and column; the other rows are written
INSERT INTO hasil VALUES ('k2', pg_temp.s('keluarga', '[
	{"no_kk": "1377011505200021", "rt": 1000},
	{"no_kk": "1377011505200022", "warna": "biru"},
	7,
	{"rt": 1},
	{"no_kk": "1377011505200023", "alamat": {"jalan": "x"}},
	{"no_kk": "1377011505200024", "air_minum": "sungai_deras"},
	{"no_kk": "12345"},
	{"no_kk": "1377011505200025", "rt": 5}]'));
SELECT is(pg_temp.n(d), '[1, 0, 0, 7]', 'a batch with seven bad rows: one imported, seven rejected') FROM hasil WHERE nama = 'k2';
-- (a CHECK's column: the registry's, kkb.galat)
SELECT is(pg_temp.konflik(d), '1:23514:rt 2:KKB-422:warna 3:KKB-422:- 4:23502:no_kk 5:KKB-422:alamat 6:22P02:- 7:22P02:no_kk',
          'each rejected row: a CHECK, an unknown column, not an object, no key, a nested value, a bad code, a bad No. KK')
  FROM hasil WHERE nama = 'k2';
SELECT is((SELECT d -> 'konflik' -> 0 FROM hasil WHERE nama = 'k2'),
          '{"baris": 1, "kode": "23514", "kolom": "rt", "kunci": {"no_kk": "1377011505200021"}, "pesan": "new row for relation \"keluarga\" violates check constraint \"keluarga_rt_check\"", "code": "KKB-KELUARGA-RT", "message": "nomor RT harus 1 sampai 999"}'::jsonb,
          'a conflict is {baris, kunci, kode, pesan, kolom}, the key as sent, with the registry''s code and Indonesian message');
SELECT is((SELECT d -> 'konflik' -> 3 -> 'kunci' FROM hasil WHERE nama = 'k2'), '{"no_kk": null}'::jsonb, 'a row without its key: the key is null');
SELECT is((SELECT count(*)::int FROM kkb.keluarga WHERE no_kk IN ('1377011505200021', '1377011505200025')), 1, 'only the good row is stored');

-- rows of another village, compared as region codes by the real parser
SELECT is(pg_temp.konflik(pg_temp.s('keluarga', '[
	{"no_kk": "1377011505200031", "kode_desa": "13.77.01.1002"},
	{"no_kk": "1377011505200032", "kode_desa": " 13.77.01.1001"},
	{"no_kk": "1377011505200033", "kode_desa": "1.377011001"},
	{"no_kk": "1377011505200034", "kode_desa": "13.77.01.1001"},
	{"no_kk": "1377011505200035", "kode_desa": null}]')),
          '1:KKB-422:kode_desa 3:KKB-422:kode_desa',
          'another village and a malformed code are refused; the village of the path in any form the parser reads is accepted');
SELECT is((SELECT count(*)::int FROM kkb.keluarga WHERE kode_desa = '13.77.01.1001' AND no_kk IN ('1377011505200032', '1377011505200034', '1377011505200035')), 3,
          'the rows of the path''s village are stored in it');
SELECT is((SELECT count(*)::int FROM kkb.keluarga WHERE no_kk IN ('1377011505200031', '1377011505200033')), 0, 'the others nowhere');

-- dry_run and atomik
INSERT INTO hasil VALUES ('k3', pg_temp.s('keluarga', '[{"no_kk": "1377011505200041"}, {"no_kk": "1377011505200011", "rt": 9}, {"no_kk": "1377011505200042", "rt": 0}]',
                                          '{"dry_run": true}'));
SELECT is(pg_temp.n(d) || ' ' || (d ->> 'dry_run') || ' ' || (d ->> 'disimpan'), '[1, 1, 0, 1] true false',
          'dry_run: what would happen (1 imported, 1 updated, 1 rejected), not kept') FROM hasil WHERE nama = 'k3';
SELECT is((SELECT count(*)::int FROM kkb.keluarga WHERE no_kk = '1377011505200041') + (SELECT count(*)::int FROM kkb.keluarga WHERE no_kk = '1377011505200011' AND rt = 9),
          0, 'dry_run writes nothing');
INSERT INTO hasil VALUES ('k4', pg_temp.s('keluarga', '[{"no_kk": "1377011505200043"}, {"no_kk": "1377011505200044", "rw": 1000}]', '{"atomik": true}'));
SELECT is(pg_temp.n(d) || ' ' || (d ->> 'atomik') || ' ' || (d ->> 'disimpan') || ' ' || pg_temp.konflik(d), '[1, 0, 0, 1] true false 2:23514:rw',
          'atomik with a bad row: the summary names it, nothing is kept') FROM hasil WHERE nama = 'k4';
SELECT is((SELECT count(*)::int FROM kkb.keluarga WHERE no_kk = '1377011505200043'), 0, 'atomik with a bad row writes nothing');
INSERT INTO hasil VALUES ('k4b', pg_temp.s('keluarga', '[{"no_kk": "1377011505200043"}, {"no_kk": "1377011505200044"}]', '{"atomik": true}'));
SELECT is((SELECT d ->> 'disimpan' FROM hasil WHERE nama = 'k4b') || (SELECT count(*) FROM kkb.keluarga WHERE no_kk IN ('1377011505200043', '1377011505200044')),
          'true2', 'atomik with good rows keeps them all');

-- a batch of invalid rows only: one pass, every row rejected, nothing written
INSERT INTO hasil VALUES ('k5', pg_temp.s('keluarga', (SELECT jsonb_agg('{}'::jsonb) FROM generate_series(1, 500))));
SELECT is(pg_temp.n(d), '[0, 0, 0, 500]', '500 empty rows: all rejected') FROM hasil WHERE nama = 'k5';
SELECT is((SELECT array_agg((k ->> 'baris')::int ORDER BY (k ->> 'baris')::int) = array_agg(g ORDER BY g) FROM jsonb_array_elements(d -> 'konflik') k, generate_series(1, 500) g
            WHERE (k ->> 'baris')::int = g), true, 'each listed by its number, in order') FROM hasil WHERE nama = 'k5';
INSERT INTO hasil VALUES ('k6', pg_temp.s('keluarga', (SELECT jsonb_agg(jsonb_build_object('no_kk', '1377011505200050', 'rt', 0)) FROM generate_series(1, 300))));
SELECT is(pg_temp.n(d) || ' ' || (SELECT string_agg(x, ' ') FROM (SELECT (k ->> 'kode') || 'x' || count(*) AS x FROM jsonb_array_elements(d -> 'konflik') k
                                      GROUP BY k ->> 'kode' ORDER BY 1) q), '[0, 0, 0, 300] 23514x100 KKB-422x200',
          '300 rows breaking a CHECK, one key 300 times: the first 100 versions rejected with 23514, the others because a key is sent at most 100 times')
  FROM hasil WHERE nama = 'k6';

-- visibility and arguments
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01.1002',
          $$SELECT count(*) FROM (SELECT kkb.api_sinkron('keluarga', '13.77.01.1001', '[{"no_kk": "1377011505200061"}]') d) x WHERE d IS NULL$$), 1::bigint,
          'another village''s pokja: NULL (no such Kampung KB)');
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01.1001',
          $$SELECT (kkb.api_sinkron('keluarga', '13.77.01.1001', '[{"no_kk": "1377011505200061"}]') ->> 'diimpor')::bigint$$), 1::bigint,
          'the village''s own pokja writes (as itself: row-level security and grants decide)');
SELECT throws_ok($$SELECT pg_temp.s('kampung', '[]')$$, '22023', 'unknown table "kampung" for the bulk sync', 'an unknown table: 22023');
SELECT throws_ok($$SELECT pg_temp.s('keluarga', '{"no_kk": "1377011505200011"}')$$, '22023', 'the rows must be a JSON array, not object',
                 'an object instead of an array: 22023');

-- ================================================================ anggota
INSERT INTO hasil VALUES ('a1', pg_temp.s('anggota', jsonb_build_array(
	jsonb_build_object('nik', pg_temp.nik('137701', '2020-02-03', true, 11), 'no_kk', '1377011505200001', 'nama', 'Ani', 'jenis_kelamin', 'P',
	                   'tanggal_lahir', '2020-02-03', 'hubungan', 'anak'),
	jsonb_build_object('nik', pg_temp.nik('137701', '2020-02-04', false, 12), 'no_kk', '1377011505200001', 'nama', 'Salah', 'jenis_kelamin', 'P',
	                   'tanggal_lahir', '2020-02-04', 'hubungan', 'anak'),
	jsonb_build_object('nik', pg_temp.nik('137701', '2020-02-05', false, 13), 'no_kk', '1377011505209999', 'nama', 'Tanpa KK', 'jenis_kelamin', 'L',
	                   'tanggal_lahir', '2020-02-05', 'hubungan', 'anak'),
	jsonb_build_object('nik', '12345', 'no_kk', '1377011505200001', 'nama', 'X', 'jenis_kelamin', 'L', 'tanggal_lahir', '2020-02-05', 'hubungan', 'anak'),
	jsonb_build_object('nik', pg_temp.nik('137701', '1960-01-01', false, 14), 'no_kk', '1377011505200001', 'nama', 'Kepala Kedua', 'jenis_kelamin', 'L',
	                   'tanggal_lahir', '1960-01-01', 'hubungan', 'kepala'),
	jsonb_build_object('nik', pg_temp.nik('137701', '2020-02-06', false, 15), 'no_kk', '1377011505200001', 'jenis_kelamin', 'L',
	                   'tanggal_lahir', '2020-02-06', 'hubungan', 'anak'))));
SELECT is(pg_temp.n(d), '[1, 0, 0, 5]', 'anggota: one member imported, five rejected') FROM hasil WHERE nama = 'a1';
SELECT is(pg_temp.konflik(d), '2:23514:jenis_kelamin 3:23503:no_kk 4:22P02:nik 5:23505:- 6:23502:nama',
          'sex not matching the NIK, no such family, a bad NIK, a second head, no name') FROM hasil WHERE nama = 'a1';
SELECT is((SELECT d -> 'konflik' -> 3 ->> 'pesan' FROM hasil WHERE nama = 'a1'), 'duplicate key value violates unique constraint "anggota_satu_kepala"',
          'the second head names the unique index');
SELECT is(pg_temp.n(pg_temp.s('anggota', jsonb_build_array(
	jsonb_build_object('nik', pg_temp.nik('137701', '2021-03-01', false, 21), 'no_kk', '1377011505200001', 'nama', 'Dua', 'jenis_kelamin', 'L',
	                   'tanggal_lahir', '2021-03-01', 'hubungan', 'anak'),
	jsonb_build_object('nik', pg_temp.nik('137701', '2021-03-01', false, 21), 'nama', 'Dua (baru)'),
	jsonb_build_object('nik', pg_temp.nik('137701', '2021-03-01', false, 21), 'nama', 'Dua (baru)')))), '[1, 1, 1, 0]',
          'a key sent three times: imported, then updated (a partial row), then ignored');
SELECT is((SELECT nama || '|' || hubungan FROM kkb.anggota WHERE nik = pg_temp.nik('137701', '2021-03-01', false, 21)), 'Dua (baru)|anak',
          'the last version is stored, the partial row kept the other columns');
SELECT is(pg_temp.n(pg_temp.s('anggota', jsonb_build_array(jsonb_build_object('nik', pg_temp.nik('137701', '1992-03-10', true, 2), 'kontrasepsi', 'pil')))),
          '[0, 1, 0, 0]', 'a partial member row {nik, kontrasepsi} updates');
SELECT is((SELECT nama || '|' || kontrasepsi || '|' || hubungan FROM kkb.anggota WHERE nik = pg_temp.nik('137701', '1992-03-10', true, 2)), 'Siti|pil|istri',
          'and changes that column only');

-- ================================================================ pengukuran, answered with the derived values
INSERT INTO hasil VALUES ('p1', pg_temp.s('pengukuran', jsonb_build_array(
	jsonb_build_object('nik', pg_temp.nik('137701', current_date - 400, false, 3), 'tanggal_ukur', current_date - 10, 'berat_kg', 9.5,
	                   'tinggi_cm', 75.0, 'cara_ukur', 'telentang'),
	jsonb_build_object('nik', pg_temp.nik('137701', '1990-01-01', false, 99), 'tanggal_ukur', current_date - 10, 'berat_kg', 9))));
SELECT is(pg_temp.n(d) || ' ' || pg_temp.konflik(d), '[1, 0, 0, 1] 2:23503:nik', 'pengukuran: one imported, a child who is no member rejected')
  FROM hasil WHERE nama = 'p1';
SELECT is((SELECT (d -> 'hasil' -> 0 ->> 'baris') || '|' || (d -> 'hasil' -> 0 ->> 'z_tbu') FROM hasil WHERE nama = 'p1'),
          (SELECT '1|' || z_tbu FROM kkb.pengukuran WHERE nik = pg_temp.nik('137701', current_date - 400, false, 3)),
          'hasil: the row''s number and the z-score the database derived');
SELECT is((SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys((SELECT d -> 'hasil' -> 0 FROM hasil WHERE nama = 'p1')) k),
          ARRAY['baris', 'flags', 'nik', 'status_bbtb', 'status_bbu', 'status_imtu', 'status_tbu', 'stunting', 'tanggal_ukur', 'tinggi_koreksi_cm',
                'umur_bulan', 'umur_hari', 'z_bbtb', 'z_bbu', 'z_imtu', 'z_tbu'], 'hasil has the key, age, z-scores, categories and flags');
SELECT is((SELECT pg_temp.n(x) || ' ' || jsonb_array_length(x -> 'hasil') FROM pg_temp.s('pengukuran', jsonb_build_array(
	jsonb_build_object('nik', pg_temp.nik('137701', current_date - 400, false, 3), 'tanggal_ukur', current_date - 10, 'berat_kg', 9.5,
	                   'tinggi_cm', 75.0, 'cara_ukur', 'telentang'))) x), '[0, 0, 1, 0] 0', 're-sent: ignored, nothing derived to answer');
INSERT INTO hasil VALUES ('p2', pg_temp.s('pengukuran', jsonb_build_array(
	jsonb_build_object('nik', pg_temp.nik('137701', current_date - 400, false, 3), 'tanggal_ukur', current_date - 10, 'berat_kg', 8.0))));
SELECT is((SELECT pg_temp.n(d) || ' ' || (d -> 'hasil' -> 0 ->> 'z_bbu') FROM hasil WHERE nama = 'p2'),
          (SELECT '[0, 1, 0, 0] ' || z_bbu FROM kkb.pengukuran WHERE nik = pg_temp.nik('137701', current_date - 400, false, 3)),
          'a partial row {nik, tanggal_ukur, berat_kg} updates and is answered with the new z-score');
SELECT is((SELECT tinggi_cm || '|' || cara_ukur FROM kkb.pengukuran WHERE nik = pg_temp.nik('137701', current_date - 400, false, 3)), '75|telentang',
          'the height and position are kept');

-- ================================================================ peristiwa
SELECT is(pg_temp.n(pg_temp.s('peristiwa', '[
	{"ref": "ev-1", "jenis": "lahir", "tanggal": "2026-10-01", "jenis_kelamin": "L", "keterangan": "Bidan"},
	{"ref": "ev-2", "jenis": "lahir", "tanggal": "2026-10-01"},
	{"ref": "ev-3", "id": 7, "jenis": "pindah_masuk", "tanggal": "2026-10-01"},
	{"ref": "ev 4", "jenis": "pindah_masuk", "tanggal": "2026-10-01"}]')) || ' ' ||
          pg_temp.konflik(pg_temp.s('peristiwa', '[{"ref": "ev-1", "jenis": "lahir", "tanggal": "2026-10-01", "jenis_kelamin": "L", "keterangan": "Bidan"},
	{"ref": "ev-2", "jenis": "lahir", "tanggal": "2026-10-01"}]')),
          '[1, 0, 0, 3] 2:23514:nik_ibu', 'peristiwa: a birth imported; no mother or note, the id column, a bad ref rejected; re-sent: the same reject');
INSERT INTO hasil VALUES ('e2', pg_temp.s('peristiwa', '[{"ref": "ev-1", "keterangan": "Bidan desa"}]'));
SELECT is((SELECT pg_temp.n(d) FROM hasil WHERE nama = 'e2') || ' ' || (SELECT jenis || '|' || keterangan FROM kkb.peristiwa WHERE ref = 'ev-1'),
          '[0, 1, 0, 0] lahir|Bidan desa', 'an event updated by its ref, only the column sent');

-- ================================================================ the entry builder
SELECT is(kkb._galat_baris(3, '{"nik": "1"}', '23514', 'anggota_nama_check', 'nama', 'pesan', 'rincian', 'saran'),
          '{"baris": 3, "kunci": {"nik": "1"}, "kode": "23514", "pesan": "pesan", "kolom": "nama", "code": "KKB-ANGGOTA-NAMA-KOSONG", "message": "nama anggota keluarga tidak boleh kosong", "hint": "saran"}'::jsonb,
          'kkb._galat_baris builds the entry {baris, kunci, kode, pesan, kolom} plus the registry''s code, message and hint');
SELECT is(kkb._galat_baris(1001, '{"nik": "1"}', '23514', 'anggota_nama_check', 'nama', 'pesan', 'rincian', 'saran'),
          '{"baris": 1001, "kunci": {"nik": "1"}, "kode": "23514", "pesan": "pesan", "kolom": "nama"}'::jsonb,
          'past the first 1,000 rows of a batch the registry is not asked (a poison batch stays cheap)');

SELECT * FROM finish();
ROLLBACK;

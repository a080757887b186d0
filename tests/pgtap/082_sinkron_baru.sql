-- kkb.api_sinkron with opsi baru: rows sent as new records (the dashboard's
-- queue of records entered without a connection).  A row whose key is already
-- stored with other values in the columns it names is refused (KK412,
-- KKB-SUDAH-TERSIMPAN) with the stored row, and nothing of it is written; a
-- row equal to what is stored is ignored (a re-send after a lost answer); the
-- other rows of the batch go through as usual, numbered as sent; atomik, CSV
-- refusals and values that do not cast keep their meaning.
BEGIN;
SELECT plan(16);

SET client_min_messages = warning;
\ir fixture_desa.inc

CREATE FUNCTION pg_temp.s(tabel text, baris jsonb, opsi jsonb DEFAULT '{"baru": true}') RETURNS jsonb LANGUAGE sql AS $$
	SELECT kkb.api_sinkron(tabel, '13.77.01.1001', baris, opsi)
$$;
CREATE FUNCTION pg_temp.n(d jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT jsonb_build_array(d -> 'diimpor', d -> 'diperbarui', d -> 'diabaikan', d -> 'ditolak')::text
$$;
CREATE FUNCTION pg_temp.konflik(d jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(k ->> 'baris' || ':' || coalesce(k ->> 'code', k ->> 'kode') || ':' || coalesce(k ->> 'kolom', '-'), ' ' ORDER BY (k ->> 'baris')::int), '')
	  FROM jsonb_array_elements(d -> 'konflik') k
$$;
CREATE TEMP TABLE hasil (nama text PRIMARY KEY, d jsonb);

SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200031", "rt": 3, "alamat": "Jl. Satu"}]')), '[1, 0, 0, 0]',
          'a new family sent as new: imported');
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200031", "rt": 3, "alamat": "Jl. Satu"}]')), '[0, 0, 1, 0]',
          'sent again with the same values (its answer was lost): ignored, not refused');

-- another cadre recorded the same family card with another address meanwhile
INSERT INTO hasil VALUES ('b1', pg_temp.s('keluarga', '[
	{"no_kk": "1377011505200032", "rt": 5},
	{"no_kk": "1377011505200031", "rt": 3, "alamat": "Jl. Dua"},
	{"no_kk": "1377011505200033", "rt": "x"},
	{"no_kk": "1377011505200034", "rt": 6}]'));
SELECT is(pg_temp.n(d), '[2, 0, 0, 2]', 'a batch: the stored family with another address refused, the bad value refused, two new imported')
  FROM hasil WHERE nama = 'b1';
SELECT is(pg_temp.konflik(d), '2:KKB-SUDAH-TERSIMPAN:- 3:KKB-BILANGAN-BULAT-TIDAK-SAH:rt', '... each refusal numbered as sent')
  FROM hasil WHERE nama = 'b1';
SELECT is((d -> 'konflik' -> 0 -> 'sekarang') ->> 'alamat', 'Jl. Satu', '... the stored row comes with the refusal (sekarang)')
  FROM hasil WHERE nama = 'b1';
SELECT is(d -> 'konflik' -> 0 ->> 'message',
          'catatan keluarga dengan kunci ini sudah tersimpan dengan isi lain (dicatat orang lain?)', '... with its Indonesian message')
  FROM hasil WHERE nama = 'b1';
SELECT is(d -> 'konflik' -> 0 -> 'kunci', '{"no_kk": "1377011505200031"}', '... and the key as sent')
  FROM hasil WHERE nama = 'b1';
SELECT is((SELECT alamat FROM kkb.keluarga WHERE no_kk = '1377011505200031'), 'Jl. Satu', 'the stored family is not written over');
SELECT is((SELECT string_agg(no_kk::text || '=' || rt, ',' ORDER BY no_kk) FROM kkb.keluarga WHERE no_kk IN ('1377011505200032', '1377011505200034')),
          '1377011505200032=5,1377011505200034=6', 'the new families are stored');
SELECT is((d ->> 'disimpan')::boolean, true, '... and the batch kept') FROM hasil WHERE nama = 'b1';

-- only the columns a row names are compared
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200031", "rt": 3}]')), '[0, 0, 1, 0]',
          'a row naming only columns whose stored values are the same: ignored');

-- atomik: one refusal keeps the rest from being written
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200035", "rt": 1}, {"no_kk": "1377011505200031", "alamat": "Jl. Tiga"}]',
                              '{"baru": true, "atomik": true}')) || ' ' ||
          (SELECT count(*) FROM kkb.keluarga WHERE no_kk = '1377011505200035'), '[1, 0, 0, 1] 0',
          'atomik with a refused row: nothing written (the other counted as it would have been)');

-- without baru the same row updates, as it always did
SELECT is(pg_temp.n(pg_temp.s('keluarga', '[{"no_kk": "1377011505200031", "alamat": "Jl. Dua"}]', '{}')), '[0, 1, 0, 0]',
          'without baru the row updates the stored family');

-- measurements: the key is the child and the day; hasil (the z-scores) numbered as sent
INSERT INTO kkb.anggota (kode_desa, no_kk, nik, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin)
VALUES ('13.77.01.1001', '1377011505200031', pg_temp.nik('137701', current_date - 400, false, 31), 'Anak Uji', 'L', current_date - 400, 'anak', 'belum_kawin');
SELECT pg_temp.nik('137701', current_date - 400, false, 31) AS nik \gset
INSERT INTO hasil VALUES ('u1', pg_temp.s('pengukuran', format('[{"nik": "%s", "tanggal_ukur": "%s", "berat_kg": 9.5, "tinggi_cm": 76}]', :'nik', current_date)::jsonb));
SELECT is(pg_temp.n(d), '[1, 0, 0, 0]', 'a weighing sent as new: imported') FROM hasil WHERE nama = 'u1';
INSERT INTO hasil VALUES ('u2', pg_temp.s('pengukuran', format('[{"nik": "%s", "tanggal_ukur": "%s", "berat_kg": 9.5, "tinggi_cm": 76}, {"nik": "%s", "tanggal_ukur": "%s", "berat_kg": 9.9, "tinggi_cm": 76}]',
                                                          :'nik', current_date - 30, :'nik', current_date)::jsonb));
SELECT is(pg_temp.konflik(d) || ' ' || (d -> 'hasil' -> 0 ->> 'baris'), '2:KKB-SUDAH-TERSIMPAN:- 1',
          'a second weighing of the same child on the same day with another weight: refused; the other''s z-scores keep its number')
  FROM hasil WHERE nama = 'u2';
SELECT is((SELECT berat_kg::text FROM kkb.pengukuran WHERE nik = :'nik' AND tanggal_ukur = current_date), '9.5',
          'the first weighing stays');

SELECT * FROM finish();
ROLLBACK;

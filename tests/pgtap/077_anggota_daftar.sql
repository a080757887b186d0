-- kkb.api_anggota_daftar (GET /v1/desa/{kode}/anggota): the village's members for the Pokja's
-- forms - by name, paged, searched by name part or NIK / No. KK start, under an age in months,
-- each with the age in completed months and the last measurement; only the village's own rows.
-- And kkb.api_kode (GET /v1/kode), the choices of the dashboard's forms.
BEGIN;
SELECT plan(17);
SET client_min_messages = warning;
\ir fixture_desa.inc
SELECT pg_temp.nik('137701', current_date - 400, false, 3) AS budi \gset
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur) VALUES
	('13.77.01.1001', :'budi', current_date - 60, 9.1, 73.5, 'telentang'),
	('13.77.01.1001', :'budi', current_date - 20, 9.6, 75.0, 'telentang');
CREATE FUNCTION pg_temp.nama(d json) RETURNS text LANGUAGE sql AS
	$$ SELECT string_agg(e ->> 'nama', ',' ORDER BY o) FROM json_array_elements(d -> 'data') WITH ORDINALITY x(e, o) $$;

SELECT is(pg_temp.nama(kkb.api_anggota_daftar('13.77.01.1001')), 'Ahmad,Budi,Siti', 'the village''s members by name');
SELECT is((kkb.api_anggota_daftar('13.77.01.1001') ->> 'total')::int, 3, '... total 3');
SELECT is(pg_temp.nama(kkb.api_anggota_daftar('13.77.01.1001', umur_maks => 60)), 'Budi', 'umur_maks 60: the under-fives only');
SELECT is((SELECT (d -> 'data' -> 0 ->> 'umur_bulan')::int FROM kkb.api_anggota_daftar('13.77.01.1001', umur_maks => 60) d),
          (SELECT (date_part('year', age(current_date, current_date - 400)) * 12 + date_part('month', age(current_date, current_date - 400)))::int),
          '... with the age in completed months');
SELECT is((SELECT d -> 'data' -> 0 -> 'ukur_terakhir' ->> 'tanggal_ukur' FROM kkb.api_anggota_daftar('13.77.01.1001', umur_maks => 60) d),
          (current_date - 20)::text, '... and the last measurement (the later of two)');
SELECT is((SELECT (d -> 'data' -> 0 -> 'ukur_terakhir' ->> 'berat_kg')::numeric FROM kkb.api_anggota_daftar('13.77.01.1001', umur_maks => 60) d),
          9.6, '... its weight');
SELECT is((SELECT d -> 'data' -> 0 -> 'ukur_terakhir' FROM kkb.api_anggota_daftar('13.77.01.1001', 'Ahmad') d)::text, 'null',
          'a member never measured: ukur_terakhir null');
SELECT is(pg_temp.nama(kkb.api_anggota_daftar('13.77.01.1001', 'sit')), 'Siti', 'cari: part of the name, any case');
SELECT is(pg_temp.nama(kkb.api_anggota_daftar('13.77.01.1001', left(:'budi', 12))), 'Budi', 'cari: the first digits of a NIK');
SELECT is(pg_temp.nama(kkb.api_anggota_daftar('13.77.01.1001', '%')), NULL, 'cari: % is a character, not a wildcard');
SELECT is((SELECT pg_temp.nama(d) || ' ' || (d ->> 'total') FROM kkb.api_anggota_daftar('13.77.01.1001', NULL, NULL, 1, 1) d), 'Budi 3',
          'paged: limit 1 offset 1, total still 3');
SELECT throws_ok($$SELECT kkb.api_anggota_daftar('13.77.01.1001', repeat('a', 65))$$, '22023', NULL, 'cari longer than 64: 22023');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1002', $$SELECT kkb.api_anggota_daftar('13.77.01.1001')$$), 'ok',
          'a Pokja of another village may call it ...');
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01.1002', $$SELECT count(*) FROM json_array_elements((kkb.api_anggota_daftar('13.77.01.1001') ->> 'data')::json)$$),
          0::bigint, '... and sees no member of it');

-- kkb.api_kode (GET /v1/kode): the forms' choices, every group of kkb.kode in display order
SELECT is((SELECT count(*)::int FROM json_object_keys(kkb.api_kode() -> 'kelompok')), (SELECT count(DISTINCT kelompok)::int FROM kkb.kode),
          'api_kode: every group of kkb.kode');
SELECT is((SELECT string_agg(e ->> 'kode', ',' ORDER BY o) FROM json_array_elements(kkb.api_kode() -> 'kelompok' -> 'jenis_peristiwa') WITH ORDINALITY x(e, o)),
          (SELECT string_agg(kode, ',' ORDER BY urutan, kode) FROM kkb.kode WHERE kelompok = 'jenis_peristiwa'),
          '... each in display order');
SELECT is((SELECT count(*)::int FROM json_array_elements(kkb.api_kode() -> 'opd')), (SELECT count(*)::int FROM kkb.opd),
          '... and the city''s agencies');
SELECT * FROM finish();
ROLLBACK;

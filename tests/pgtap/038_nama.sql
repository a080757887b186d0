-- Names of people, Kampung KB and interventions: no control, hidden or
-- direction-changing characters, at least one letter, stored in Unicode NFC.
-- Before 0.2.0 only nama ~ '\S' was checked: a name of U+200B or U+00A0 alone,
-- an RTL override or an ESC sequence was stored.
BEGIN;
SELECT plan(14);
\ir fixture_desa.inc

CREATE FUNCTION pg_temp.anggota(nama text) RETURNS void LANGUAGE sql AS $$
	INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin)
	VALUES ('13.77.01.1001', pg_temp.nik('137701', '1970-01-01', false, 77), '1377011505200001', anggota.nama, 'L', '1970-01-01', 'famili_lain', 'kawin')
$$;

SELECT throws_ok($$SELECT pg_temp.anggota(E'\u200B')$$, '23514', 'nama contains the character U+200B at position 1', 'a name of only a zero-width space is refused');
SELECT throws_ok($$SELECT pg_temp.anggota(E'\u00A0\u00A0')$$, '23514', 'nama has no letter', 'a name of only no-break spaces is refused');
SELECT throws_ok($$SELECT pg_temp.anggota('...')$$, '23514', 'nama has no letter', 'a name of punctuation is refused');
SELECT throws_ok($$SELECT pg_temp.anggota(E'Budi\u202Etnec')$$, '23514', 'nama contains the character U+202E at position 5',
                 'an RTL override is refused');
SELECT throws_ok($$SELECT pg_temp.anggota(E'Budi\u001B[2J')$$, '23514', 'nama contains the character U+001B at position 5',
                 'an ESC sequence is refused');
-- the error names the column, so clients can show it at the field
CREATE FUNCTION pg_temp.kolom_galat(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE k text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN check_violation THEN
	GET STACKED DIAGNOSTICS k = COLUMN_NAME;
	RETURN k;
END $$;
SELECT is(pg_temp.kolom_galat($$SELECT pg_temp.anggota(E'\u2066x')$$), 'nama', 'the violation names the column nama');

SELECT lives_ok($$SELECT pg_temp.anggota('Nur''aini M. Yusuf')$$, 'an ordinary name with an apostrophe and a dot is stored');
DELETE FROM kkb.anggota WHERE nama = 'Nur''aini M. Yusuf';
-- "Zoë" typed with a combining diaeresis (NFD) is stored precomposed (NFC)
SELECT lives_ok($$SELECT pg_temp.anggota(E'Zoe\u0308 Rahma')$$, 'a name in decomposed form is accepted');
SELECT is((SELECT nama FROM kkb.anggota WHERE nik = pg_temp.nik('137701', '1970-01-01', false, 77)), E'Zo\u00EB Rahma',
          '... and stored in NFC');
SELECT ok((SELECT nama IS NFC NORMALIZED FROM kkb.anggota WHERE nik = pg_temp.nik('137701', '1970-01-01', false, 77)), '... which PostgreSQL confirms');
UPDATE kkb.anggota SET nama = E'Zoe\u0308' WHERE nik = pg_temp.nik('137701', '1970-01-01', false, 77);
SELECT is((SELECT nama FROM kkb.anggota WHERE nik = pg_temp.nik('137701', '1970-01-01', false, 77)), E'Zo\u00EB', 'an update is normalised too');

SELECT throws_ok($$UPDATE kkb.kampung SET nama = E'\u200B' WHERE kode_desa = '13.77.01.1001'$$, '23514', NULL,
                 'a Kampung KB''s name follows the same rule');
SELECT throws_ok($$INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('13.77.01.1001', '2026-10-02', E'\u0007', 'ekonomi')$$,
                 '23514', 'judul contains the character U+0007 at position 1', 'so does an intervention''s title');
SELECT lives_ok($$INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('13.77.01.1001', '2026-10-02', 'Posyandu remaja', 'ekonomi')$$,
                'an ordinary title is stored');

SELECT * FROM finish();
ROLLBACK;

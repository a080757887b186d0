-- Data model: hard rules refuse impossible rows (and whole batches), doubtful
-- rows are kept with one warning, measurements get their z-scores on write.
BEGIN;
SELECT plan(53);
\ir fixture_desa.inc

-- hard rules: anggota
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'P', '1990-01-02', 'anak')$$, pg_temp.nik('137701', '1990-01-02', false, 11)),
	'23514', NULL, 'a NIK of a man on a woman is refused (23514)');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'L', '1990-01-03', 'anak')$$, pg_temp.nik('137701', '1990-01-02', false, 12)),
	'23514', NULL, 'a birth date other than the NIK''s is refused');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'L', %L, 'anak')$$, pg_temp.nik('137701', current_date + 30, false, 13), current_date + 30),
	'23514', NULL, 'a birth date in the future is refused');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, hamil)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'L', '1995-02-02', 'anak', true)$$, pg_temp.nik('137701', '1995-02-02', false, 14)),
	'23514', NULL, 'a pregnant man is refused');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, kontrasepsi)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'P', %L, 'anak', 'pil')$$, pg_temp.nik('137701', current_date - 8 * 365, true, 15), current_date - 8 * 365),
	'23514', NULL, 'a contraceptive method for a child of 8 is refused');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, kontrasepsi)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'P', '1960-01-05', 'orang_tua', 'pil')$$, pg_temp.nik('137701', '1960-01-05', true, 16)),
	'23514', NULL, 'a contraceptive method for a woman over 54 is refused');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200002', 'X', 'L', '1990-01-06', 'anak')$$, pg_temp.nik('137701', '1990-01-06', false, 17)),
	'23503', NULL, 'a member whose family card belongs to another village is refused (foreign key)');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'L', '1970-01-07', 'kepala')$$, pg_temp.nik('137701', '1970-01-07', false, 18)),
	'23505', NULL, 'a second head of family in one card is refused');
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'L', '1990-01-08', 'sepupu')$$, pg_temp.nik('137701', '1990-01-08', false, 19)),
	'22P02', NULL, 'an unknown relation code is refused');
SELECT throws_ok($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01', '1377011505900001', '1377011505200001', 'X', 'L', '1990-05-15', 'anak')$$,
	'23514', NULL, 'a kode_desa that is not a village is refused');
SELECT throws_ok($$SELECT 1 FROM kkb.anggota WHERE false; UPDATE kkb.anggota SET jenis_kelamin = 'P' WHERE nama = 'Ahmad'$$,
	'23514', NULL, 'an update that breaks a rule is refused too');
-- the message names the field and the value
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'X', 'P', '1990-01-02', 'anak')$$, pg_temp.nik('137701', '1990-01-02', false, 11)),
	'23514', 'jenis_kelamin P does not match nik 1377010201900011 (laki-laki)', 'the message names the field and both values');

-- a batch with one bad row inserts nothing
SELECT throws_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	SELECT '13.77.01.1001', pg_temp.nik('137701', d, false, 100 + i), '1377011505200001', 'Anak ' || i, CASE WHEN i = 7 THEN 'P' ELSE 'L' END, d, 'anak'
	  FROM generate_series(1, 10) i, LATERAL (SELECT DATE '2015-01-01' + i AS d) x$$),
	'23514', NULL, 'a 10-row batch with one bad row fails');
SELECT is((SELECT count(*)::int FROM kkb.anggota WHERE nama LIKE 'Anak %'), 0, '... and inserts none of its rows');

-- keluarga
SELECT throws_ok($$INSERT INTO kkb.keluarga (kode_desa, no_kk) VALUES ('13.77.01.1001', '1300001505200009')$$,
	'23514', NULL, 'a family card whose region of issue has regency/district 00 is refused');

-- measurements
SELECT throws_ok(format($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
	VALUES ('13.77.01.1001', %L, %L, 9, 75, 'telentang')$$, pg_temp.nik('137701', current_date - 400, false, 3), current_date - 401),
	'23514', NULL, 'a measurement before birth is refused');
SELECT throws_ok(format($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
	VALUES ('13.77.01.1001', %L, %L, 9, 75, 'telentang')$$, pg_temp.nik('137701', current_date - 400, false, 3), current_date + 1),
	'23514', NULL, 'a measurement in the future is refused');
SELECT throws_ok(format($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
	VALUES ('13.77.01.1001', %L, current_date, 70, 110, 'berdiri')$$, pg_temp.nik('137701', '1990-05-15', false, 1)),
	'23514', NULL, 'measuring someone aged 60 months or more is refused');
SELECT throws_ok(format($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
	VALUES ('13.77.01.1001', %L, current_date, 90, 75, 'telentang')$$, pg_temp.nik('137701', current_date - 400, false, 3)),
	'23514', NULL, 'a weight of 90 kg for a child is refused');
SELECT throws_ok(format($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
	VALUES ('13.77.01.1001', %L, current_date, 9, 7.5, 'telentang')$$, pg_temp.nik('137701', current_date - 400, false, 3)),
	'23514', NULL, 'a length of 7.5 cm (mm typed as cm) is refused');
SELECT throws_ok(format($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg)
	VALUES ('13.77.01.1002', %L, current_date, 9)$$, pg_temp.nik('137701', current_date - 400, false, 3)),
	'23503', NULL, 'measuring a child who is not a member of that village is refused');

-- a valid measurement gets exactly kkb.antropometri's values
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
VALUES ('13.77.01.1001', pg_temp.nik('137701', current_date - 400, false, 3), current_date - 10, 8.1, 71.2, 'telentang');
SELECT is((SELECT ROW(m.umur_hari, m.umur_bulan, m.tinggi_koreksi_cm, m.z_tbu, m.z_bbu, m.z_bbtb, m.z_imtu, m.status_tbu, m.status_bbu,
                      m.status_bbtb, m.status_imtu, m.stunting, m.flags, m.oedema)::text FROM kkb.pengukuran m),
          (SELECT a::text FROM kkb.antropometri('L', current_date - 400, current_date - 10, 8.1, 71.2, 'telentang') a),
          'the stored derived columns equal kkb.antropometri for the same inputs');
SELECT is((SELECT umur_hari FROM kkb.pengukuran), 390, 'age 390 days');
SELECT isnt((SELECT z_tbu FROM kkb.pengukuran), NULL, 'z_tbu is filled');
UPDATE kkb.pengukuran SET tinggi_cm = 66.0;
SELECT is((SELECT z_tbu FROM kkb.pengukuran),
          (SELECT z_tbu FROM kkb.antropometri('L', current_date - 400, current_date - 10, 8.1, 66.0, 'telentang')),
          'an update recomputes the z-scores');
SELECT is((SELECT stunting FROM kkb.pengukuran), true, '66 cm at 390 days is stunted');

-- doubtful values: the write succeeds and exactly one warning appears
SELECT lives_ok(format($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', %L, '1377011505200001', 'Pendatang', 'L', '1999-09-09', 'famili_lain')$$, pg_temp.nik('137799', '1999-09-09', false, 20)),
	'a NIK from a district not in the reference is accepted');
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'nik_wilayah_tidak_dikenal'), 1, '... with one warning');
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'nik_wilayah_tidak_dikenal'
            AND kunci = jsonb_build_object('kode_desa', '13.77.01.1001', 'nik', pg_temp.nik('137799', '1999-09-09', false, 20)::text)), 1,
          '... whose key names the member');
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
VALUES ('13.77.01.1001', pg_temp.nik('137701', current_date - 400, false, 3), current_date - 5, NULL, 50.0, 'telentang');
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'z_tidak_wajar'), 1,
          'a WHO-flagged measurement (50 cm at 395 days) is kept with one warning');
SELECT is((SELECT flags FROM kkb.pengukuran WHERE tanggal_ukur = current_date - 5), '{tbu_tidak_wajar}'::text[], '... and its flag');
INSERT INTO kkb.keluarga (kode_desa, no_kk) VALUES ('13.77.01.1001', '1377011505200003');
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
VALUES ('13.77.01.1001', pg_temp.nik('137701', '2010-10-10', false, 21), '1377011505200003', 'Yatim', 'L', '2010-10-10', 'anak');
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'keluarga_tanpa_kepala'), 1,
          'a family left without a head after an import gets one warning');
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
VALUES ('13.77.01.1001', pg_temp.nik('137701', '2012-12-12', true, 22), '1377011505200001', 'Ibu Muda', 'P', '2012-12-12', 'famili_lain');
INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, nik_ibu, jenis_kelamin)
VALUES ('13.77.01.1001', 'uji-lahir-1', 'lahir', DATE '2026-06-01', pg_temp.nik('137701', '2012-12-12', true, 22), 'P');
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'umur_ibu_tidak_wajar'), 1,
          'a birth to a 13-year-old mother is recorded with one warning');
INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, nik_ibu, jenis_kelamin)
VALUES ('13.77.01.1001', 'uji-lahir-2', 'lahir', DATE '2026-06-01', pg_temp.nik('137701', '1992-03-10', true, 2), 'L');
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'umur_ibu_tidak_wajar'), 1,
          'a birth to a 34-year-old mother adds no warning');
SELECT is((SELECT count(*)::int FROM kkb.peringatan), 4, 'four warnings in all');
UPDATE kkb.anggota SET pekerjaan = 'Petani' WHERE nama = 'Pendatang';
UPDATE kkb.anggota SET pekerjaan = 'Nelayan' WHERE nama = 'Pendatang';
SELECT is((SELECT count(*)::int FROM kkb.peringatan), 4, 'writing a doubtful row again adds no second warning');
DELETE FROM kkb.anggota WHERE nama = 'Ahmad';
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'keluarga_tanpa_kepala'
            AND kunci ->> 'no_kk' = '1377011505200001'), 1, 'deleting the head of a family warns that it has none');
UPDATE kkb.anggota SET hubungan = 'kepala' WHERE nama = 'Siti';
UPDATE kkb.anggota SET no_kk = '1377011505200003' WHERE nama = 'Siti';
SELECT is((SELECT count(*)::int FROM kkb.peringatan WHERE kode = 'keluarga_tanpa_kepala'), 2,
          'moving the head out of a family warns about the family she left');
SELECT throws_ok($$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
	VALUES ('13.77.01.1001', '1377011505900031', '1377011505200001', 'X', NULL, '1990-05-15', 'anak')$$,
	'23502', NULL, 'a missing sex is reported by its NOT NULL constraint (23502), not as a mismatch');

-- enum code lists and their names agree
SELECT is((SELECT count(*)::int FROM kkb.kode k
            WHERE NOT EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
                               WHERE t.typnamespace = 'kkb'::regnamespace AND t.typname = k.kelompok AND e.enumlabel = k.kode)), 0,
          'every named code is a value of its enum type');
SELECT is((SELECT count(*)::int FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
            WHERE t.typnamespace = 'kkb'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM kkb.kode k WHERE k.kelompok = t.typname AND k.kode = e.enumlabel)), 0,
          'every enum value has a name in kkb.kode');
SELECT throws_ok($$INSERT INTO kkb.profil (kode_desa, periode, sumber_dana) VALUES ('13.77.01.1001', '2026-10-01', '{apbn,apbn}')$$,
	'23514', NULL, 'a multi-choice answer may not repeat a code');
SELECT throws_ok($$INSERT INTO kkb.profil (kode_desa, periode) VALUES ('13.77.01.1001', '2026-10-15')$$,
	'23514', NULL, 'a period is a month (its first day)');
SELECT throws_ok($$INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, opd) VALUES ('13.77.01.1001', '2026-10-05', 'Posyandu', 'perlindungan', '{dinkes,dinas_rahasia}')$$,
	'23503', 'opd "dinas_rahasia" is not a known agency', 'an unknown agency code is refused, naming it');
SELECT throws_ok($$INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('13.77.01.1001', '99999-01-01', 'Posyandu', 'perlindungan')$$,
	'23514', NULL, 'an intervention dated 99999-01-01 is a typing error: refused');

-- the same rules without raising (kkb._validasi_langgar): what the bulk sync checks a batch with
CREATE FUNCTION pg_temp.galat_tulis(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE k text; m text;
BEGIN
	BEGIN
		EXECUTE q;
	EXCEPTION WHEN check_violation THEN
		GET STACKED DIAGNOSTICS k = COLUMN_NAME, m = MESSAGE_TEXT;
		RETURN k || ': ' || m;
	END;
	RAISE EXCEPTION 'written: %', q;
END $$;
CREATE TEMP TABLE calon ON COMMIT DROP AS
SELECT v.n, x AS r FROM (VALUES
	(1, pg_temp.nik('137701', '1990-01-02', false, 31), 'P', '1990-01-02'::date, NULL::boolean, NULL::kkb.kontrasepsi, 'X'),
	(2, pg_temp.nik('137701', current_date + 30, false, 32), 'L', current_date + 30, NULL, NULL, 'X'),
	(3, pg_temp.nik('137701', '1995-02-02', false, 33), 'L', '1995-02-02', true, NULL, 'X'),
	(4, pg_temp.nik('137701', current_date - 8 * 365, true, 34), 'P', current_date - 8 * 365, NULL, 'pil', 'X'),
	(5, pg_temp.nik('137701', '1990-01-06', false, 35), 'L', '1990-01-06', NULL, NULL, E'A\u202Eb'))
	v(n, nik, jk, lahir, hamil, kb, nama)
CROSS JOIN LATERAL (SELECT '13.77.01.1001'::kkb.kode_wilayah AS kode_desa, v.nik, '1377011505200001'::kkb.no_kk AS no_kk, v.nama,
                           v.jk::character(1) AS jenis_kelamin, v.lahir AS tanggal_lahir, 'anak'::kkb.hubungan AS hubungan) b
CROSS JOIN LATERAL jsonb_populate_record(NULL::kkb.anggota,
	to_jsonb(b) || jsonb_build_object('hamil', v.hamil, 'kontrasepsi', v.kb)) x;
SELECT is((SELECT array_agg(l.kolom || ': ' || l.pesan ORDER BY c.n) FROM calon c, kkb._validasi_langgar('anggota', c.r, NULL) l),
          (SELECT array_agg(pg_temp.galat_tulis(format('INSERT INTO kkb.anggota SELECT (%L::kkb.anggota).*', c.r)) ORDER BY c.n) FROM calon c),
          'kkb._validasi_langgar finds, for five members breaking a rule each, the column and message the trigger raises');
SELECT is(kkb._validasi_langgar('anggota', a, NULL), NULL, 'a stored member breaks no rule')
  FROM kkb.anggota a WHERE a.nama = 'Siti';
SELECT is(ARRAY[(SELECT count(*) FROM kkb.anggota a WHERE a.nama = 'Siti')::text,
                (SELECT coalesce(l.kolom, '-') FROM kkb._validasi_langgar('anggota',
                    (SELECT z FROM (SELECT 1 AS kkb_n, '{}'::jsonb AS kkb_j, a.*, true AS lain FROM kkb.anggota a WHERE a.nama = 'Siti') z), NULL) l)],
          ARRAY['1', '-'], 'a row of any row type with the table''s columns and more is read by column name');
SELECT is((SELECT row(l.kolom, l.saran IS NOT NULL)::text FROM kkb._validasi_langgar('anggota',
               (SELECT z FROM (SELECT 1 AS kkb_n, a.kode_desa, a.nik, a.no_kk, a.nama, a.jenis_kelamin, a.tanggal_lahir, true AS hamil,
                                      NULL::text AS kontrasepsi FROM kkb.anggota a WHERE a.nama = 'Rahmat') z), NULL) l),
          '(hamil,t)', 'a pregnant man in a row of other columns: hamil, with the rule''s hint');
SELECT is((SELECT l.kolom || ': ' || l.pesan FROM kkb._validasi_langgar('pengukuran',
               (SELECT p FROM (SELECT current_date AS tanggal_ukur, 80.0::float8 AS berat_kg, 70.0::float8 AS tinggi_cm, NULL::float8 AS lila_cm) p),
               (SELECT a FROM kkb.anggota a WHERE a.nama = 'Budi')) l),
          pg_temp.galat_tulis(format($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
	VALUES ('13.77.01.1001', %L, current_date, 80, 70, 'telentang')$$, (SELECT nik FROM kkb.anggota WHERE nama = 'Budi'))),
          'a measurement of 80 kg: the same column and message as the trigger, the child''s sex and birth date from its member row');
SELECT is(kkb._validasi_langgar('pengukuran',
               (SELECT p FROM (SELECT current_date AS tanggal_ukur, 80.0::float8 AS berat_kg, 70.0::float8 AS tinggi_cm, NULL::float8 AS lila_cm,
                                      NULL::character(1) AS jenis_kelamin, NULL::date AS tanggal_lahir) p), NULL),
          NULL, 'a measurement without the child''s sex and birth date: no rule checked (the trigger reports them)');
SELECT throws_ok($$SELECT kkb._validasi_langgar('anggota', (SELECT z FROM (SELECT 12345::bigint AS nik) z), NULL)$$,
                 '42804', NULL, 'a column of another type than the table''s is refused, not read');
SELECT throws_ok($$SELECT kkb._validasi_langgar('lain', (SELECT z FROM (SELECT 1 AS x) z), NULL)$$,
                 '22023', 'unknown kind of row "lain"', 'an unknown kind of row is refused');

SELECT * FROM finish();
ROLLBACK;

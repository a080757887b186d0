-- The by-name kkb_bi views are k-anonymous with k = 5 over the demo city: no
-- row - and so no combination of a view's columns within a village - counts
-- fewer than 5 people, families or measurements, and the views still hold
-- nearly everyone.  (Before: 54,625 of 103,872 member rows were unique on
-- village, sex, age, occupation, education and marital status, and the family
-- pseudonym made 27,095 of 27,323 families unique by their members.)
BEGIN;
SELECT plan(17);
SET client_min_messages = warning;

-- the demo city, as make run loads it
CREATE TEMP TABLE dihapus AS SELECT * FROM kkb.hasilkan_hapus('13.77');
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.77', 1.0, 1);

SELECT ok((SELECT count(*) FROM kkb.anggota WHERE kode_desa <@ '13.77') > 100000, 'the demo city: over 100,000 members');

-- k of each view: the smallest count of a row
SELECT is((SELECT min(jumlah) >= 5 FROM kkb_bi.anggota WHERE kode_desa LIKE '13.77.%'), true, 'kkb_bi.anggota: k >= 5');
SELECT is((SELECT min(jumlah) >= 5 FROM kkb_bi.keluarga WHERE kode_desa LIKE '13.77.%'), true, 'kkb_bi.keluarga: k >= 5');
SELECT is((SELECT min(jumlah) >= 5 FROM kkb_bi.pengukuran WHERE kode_desa LIKE '13.77.%'), true, 'kkb_bi.pengukuran: k >= 5');
-- a coarser combination (e.g. village and age band) is a sum of rows: larger still
SELECT is((SELECT min(n) >= 5 FROM (SELECT sum(jumlah) n FROM kkb_bi.anggota WHERE kode_desa LIKE '13.77.%'
                                     GROUP BY kode_desa, kelompok_umur) x), true, 'village and age band: k >= 5');
SELECT is((SELECT coalesce(min(jumlah), 5) >= 5 FROM kkb_bi.peristiwa WHERE kode_kecamatan LIKE '13.77.%'), true, 'kkb_bi.peristiwa: k >= 5');
SELECT is((SELECT sum(jumlah) FROM kkb_bi.peristiwa WHERE kode_kecamatan LIKE '13.77.%' AND jenis = 'lahir')
          <= (SELECT count(*) FROM kkb.peristiwa WHERE kode_desa <@ '13.77' AND jenis = 'lahir'), true,
          'births counted in kkb_bi.peristiwa never exceed the table''s');
-- the views keep no key: no column links a row to a family or a person
SELECT is((SELECT count(*)::int FROM information_schema.columns WHERE table_schema = 'kkb_bi'
            AND table_name IN ('anggota', 'keluarga', 'pengukuran')
            AND column_name IN ('keluarga', 'nik', 'no_kk', 'rt', 'rw', 'umur_tahun', 'umur_bulan', 'berat_kg', 'tinggi_cm')), 0,
          'no family pseudonym, RT/RW, exact age, weight or height');

-- what suppression costs: the share of people, families and measurements still counted
CREATE TEMP TABLE tercakup AS
SELECT (SELECT sum(jumlah) FROM kkb_bi.anggota WHERE kode_desa LIKE '13.77.%')::float8
       / (SELECT count(*) FROM kkb.anggota WHERE kode_desa <@ '13.77') AS anggota,
       (SELECT sum(jumlah) FROM kkb_bi.keluarga WHERE kode_desa LIKE '13.77.%')::float8
       / (SELECT count(*) FROM kkb.keluarga WHERE kode_desa <@ '13.77') AS keluarga,
       (SELECT sum(jumlah) FROM kkb_bi.pengukuran WHERE kode_desa LIKE '13.77.%')::float8
       / (SELECT count(*) FROM kkb.pengukuran WHERE kode_desa <@ '13.77') AS pengukuran;
SELECT diag(format('counted after suppression: %s%% of members, %s%% of families, %s%% of measurements',
                   round(anggota::numeric * 100, 1), round(keluarga::numeric * 100, 1), round(pengukuran::numeric * 100, 1)))
  FROM tercakup;
SELECT ok((SELECT anggota >= 0.95 FROM tercakup), 'at least 95% of the members are counted');
SELECT ok((SELECT keluarga >= 0.95 FROM tercakup), 'at least 95% of the families');
SELECT ok((SELECT pengukuran >= 0.95 FROM tercakup), 'at least 95% of the measurements');

-- the counts agree with the tables where nothing is left out
SELECT is((SELECT sum(stunting) FROM kkb_bi.pengukuran WHERE kode_desa LIKE '13.77.%')
          <= (SELECT count(*) FROM kkb.pengukuran WHERE kode_desa <@ '13.77' AND stunting), true,
          'stunting counted in the view never exceeds the table''s');
SELECT is((SELECT sum(jumlah) FILTER (WHERE jenis_kelamin = 'P') + sum(jumlah) FILTER (WHERE jenis_kelamin = 'L')
             FROM kkb_bi.anggota WHERE kode_desa LIKE '13.77.%'),
          (SELECT sum(jumlah) FROM kkb_bi.anggota WHERE kode_desa LIKE '13.77.%'), 'every counted member has a sex L or P');

-- an analyst login bound to a kecamatan sees only it
CREATE ROLE analis_k_anonim_uji LOGIN;
GRANT kkb_analis TO analis_k_anonim_uji;
CREATE TEMP TABLE diikat AS SELECT * FROM kkb.lingkup_login_atur('analis_k_anonim_uji', '13.77.01');
SET LOCAL SESSION AUTHORIZATION analis_k_anonim_uji;
SELECT is((SELECT count(*)::int FROM kkb_bi.anggota WHERE kode_desa NOT LIKE '13.77.01.%'), 0,
          'an analyst login bound to 13.77.01 counts only its kecamatan');
SELECT is((SELECT count(*)::int FROM kkb_bi.peristiwa WHERE kode_kecamatan <> '13.77.01'), 0, '... and only its kecamatan''s vital events');
SELECT is((SELECT count(*) FILTER (WHERE kode_desa NOT LIKE '13.77.01.%')::int FROM kkb_bi.indikator_bulanan
            WHERE periode = date_trunc('month', current_date)::date), 0, '... and only its villages'' monthly indicators');
SELECT ok((SELECT count(*) FROM kkb_bi.indikator_bulanan WHERE periode = date_trunc('month', current_date)::date) > 0, '... of which it has some');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;

-- The national region reference: counts by level, Pariaman, parents.
BEGIN;
SELECT plan(10);

SELECT results_eq(
  'SELECT tingkat::int, count(*)::int FROM kkb.wilayah GROUP BY tingkat ORDER BY tingkat',
  $$VALUES (1, 38), (2, 514), (3, 7285), (4, 83762)$$,
  'regions by level: 38 provinces, 514 regencies/cities, 7,285 districts, 83,762 villages');

SELECT is((SELECT nama FROM kkb.wilayah WHERE kode = '13'), 'Sumatera Barat', 'province 13 is Sumatera Barat');
SELECT is((SELECT nama FROM kkb.wilayah WHERE kode = '13.77'), 'Kota Pariaman', 'regency/city 13.77 is Kota Pariaman');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE tingkat = 4 AND kode::text LIKE '13.77.%'), 71,
          'Kota Pariaman has 71 villages');
SELECT results_eq(
  $$SELECT kode::text, nama FROM kkb.wilayah WHERE tingkat = 3 AND induk = '13.77' ORDER BY kode$$,
  $$VALUES ('13.77.01', 'Pariaman Tengah'), ('13.77.02', 'Pariaman Utara'),
           ('13.77.03', 'Pariaman Selatan'), ('13.77.04', 'Pariaman Timur')$$,
  'Kota Pariaman has 4 kecamatan');
SELECT is((SELECT nama FROM kkb.wilayah WHERE kode = '13.77.01.1001'), 'Karan Aur', '13.77.01.1001 is Karan Aur');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE kode::text LIKE '13.77.%.1%' AND tingkat = 4), 16,
          'Pariaman has 16 kelurahan (village part starting with 1)');

SELECT is((SELECT count(*)::int FROM kkb.wilayah c LEFT JOIN kkb.wilayah p ON p.kode = c.induk
            WHERE c.tingkat > 1 AND (p.kode IS NULL OR p.tingkat <> c.tingkat - 1)), 0,
          'every region below a province has a parent one level up');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE tingkat = 1 AND induk IS NOT NULL), 0,
          'provinces have no parent');
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE nama !~ '\S'), 0, 'every region has a name');

SELECT * FROM finish();
ROLLBACK;

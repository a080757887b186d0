-- The demo data generator left the product: kkb.hasilkan, kkb.hasilkan_hapus and
-- their helpers now belong to the extension kampungkb_demo (sql/demo_ext/), which
-- a database that wants them creates after this update:
--   CREATE EXTENSION kampungkb_demo;
-- The rows the generator wrote are village data like any other and stay.
-- (Members of kampungkb, dropped by its own update script; the dependents first.)
DROP FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date);
DROP FUNCTION kkb.hasilkan_hapus(kkb.kode_wilayah);
DROP FUNCTION kkb._gen_penduduk_kabkota(kkb.kode_wilayah);
DROP FUNCTION kkb._gen_ada(bigint, integer, integer, integer);
DROP FUNCTION kkb._gen_normal(bigint, integer, integer);
DROP FUNCTION kkb._gen_acak(bigint, integer, integer);

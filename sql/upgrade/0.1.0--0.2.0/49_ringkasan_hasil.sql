-- kkb.ringkasan_desa and kkb.ringkasan return more columns in 0.2.0 (the
-- monthly indicators: scores, indices, wasting, underweight, contraceptive
-- users, every item with its source; the stunting interval, CPR, MKJP):
-- CREATE OR REPLACE cannot change a result type, so the 0.1.0 functions go
-- first and 50_fungsi.replay creates the new ones.
DROP FUNCTION kkb.ringkasan(kkb.kode_wilayah, date, integer, boolean);
DROP FUNCTION kkb.ringkasan_desa(kkb.kode_wilayah, date);

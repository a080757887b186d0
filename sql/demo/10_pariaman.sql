-- 10_pariaman.sql - the demo city: Kota Pariaman (13.77) at full scale, all 71
-- villages, about 104,000 people, 12 months of profiles and reports ending this
-- month, deterministic (seed 1).  Loaded by `make run` on a new database and by
-- `make demo` (which first removes the region's data).
\echo loading the demo city Kota Pariaman (13.77): 71 villages, about 104,000 people
SELECT tabel, baris FROM kkb.hasilkan('13.77', 1.0, 1);

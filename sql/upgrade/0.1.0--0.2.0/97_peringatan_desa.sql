-- One warning per village, row and kind: the unique key of kkb.peringatan starts with the village
-- (a unique key of a Citus distributed table must hold its distribution column; on one node the
-- same rows are unique, since the row key in kunci holds the village)
DROP INDEX kkb.peringatan_satu;
CREATE UNIQUE INDEX peringatan_satu ON kkb.peringatan (kode_desa, tabel, kunci, kode);

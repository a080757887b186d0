-- 0.2.0: the by-name kkb_bi views became counts over generalised columns with
-- every combination of fewer than 5 left out (k-anonymity; 35_bi_view.sql).
-- Their columns changed, which CREATE OR REPLACE VIEW cannot do: dropped here,
-- made again by 35_bi.replay.
DROP VIEW kkb_bi.anggota, kkb_bi.keluarga, kkb_bi.pengukuran;
-- the family pseudonym and its salt served only those views
DROP VIEW kkb._samaran_keluarga;
DROP TABLE kkb._rahasia;

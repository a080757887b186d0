-- Rules over a sum of several items skipped whenever one item was missing, so kb_pil = 5000 with 123 PUS
-- and no other method recorded passed unnoticed: a missing item now counts 0 (the rule is skipped only
-- when no item of a side is recorded).  A city that chose another strategy for these rules keeps it.
UPDATE kkb.aturan_validasi SET strategi = 'lewati_jika_semua_kosong'
 WHERE kode IN ('kb_le_pus', 'kb_tidak_kb_le_pus', 'kematian_ibu_le_lahir', 'peserta_baru_le_kb')
   AND strategi = 'lewati_jika_ada_kosong';

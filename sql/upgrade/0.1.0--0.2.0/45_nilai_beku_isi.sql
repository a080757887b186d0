-- 0.2.0: months approved or locked before the upgrade are frozen as their
-- records say today (the closest to their approval that can still be known).
INSERT INTO kkb.nilai_beku (kode_desa, periode, kode, nilai)
SELECT s.kode_desa, s.periode, h.kode, h.nilai
  FROM kkb.periode_status s
 CROSS JOIN LATERAL kkb._nilai_individu_hitung(s.kode_desa, s.periode) h
 WHERE s.status IN ('disetujui', 'dikunci') AND h.nilai IS NOT NULL;

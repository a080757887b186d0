-- kkb.intervensi gains its recording agency (before 35_bi.replay, whose kkb_bi.intervensi shows it) (who may change it, 39_pemilik_intervensi.sql, which follows as
-- 66_pemilik_intervensi.sql). Interventions recorded before the upgrade keep NULL: which token recorded them was
-- not kept, so they are the village's (its pokja and administrators change them).
ALTER TABLE kkb.intervensi ADD COLUMN pemilik_opd text;
COMMENT ON COLUMN kkb.intervensi.pemilik_opd IS 'The agency (kkb.opd code) whose token recorded it, who alone may change it; NULL when the village''s pokja or an administrator recorded it (set by the database: kkb._intervensi_pemilik)';

-- kkb.periode_status gains the time a month was first submitted (timeliness, 49_ketepatan.sql).
-- Months submitted before the upgrade keep NULL: their submission time was not recorded.
ALTER TABLE kkb.periode_status ADD COLUMN diajukan_pada timestamptz;
COMMENT ON COLUMN kkb.periode_status.diajukan_pada IS 'When the month was first submitted (diajukan); what timeliness is judged by (kkb.ketepatan)';

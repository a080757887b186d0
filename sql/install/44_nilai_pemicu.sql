-- 44_nilai_pemicu.sql - the trigger that freezes and thaws a village-month's
-- by-name figures with its state (kkb._bekukan, 44_nilai.sql).

CREATE TRIGGER t60_beku AFTER INSERT OR UPDATE OF status ON kkb.periode_status FOR EACH ROW EXECUTE FUNCTION kkb._bekukan();

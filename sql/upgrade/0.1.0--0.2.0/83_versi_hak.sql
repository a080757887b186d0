-- 0.2.0: the change counters are read only through kkb._versi_teks (now with its
-- owner's rights, over the villages the caller may see: 49_versi_teks.sql).
REVOKE SELECT ON kkb.versi_desa, kkb.versi_acuan FROM kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi, kkb_gateway, kkb_anon;

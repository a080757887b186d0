-- 90_dump.sql - pg_dump must keep the data.  Rows of an extension's tables are
-- left out of a dump unless the table is marked as configuration; these hold
-- the villages' data (not seeded by this script), so all their rows are dumped,
-- with the sequences behind their identity columns.  (One statement per table:
-- each call rewrites the extension's catalog row.)

SELECT pg_catalog.pg_extension_config_dump('kkb.kampung', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.profil', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.penduduk', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.kkbpk', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.intervensi', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.intervensi_foto', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.nilai', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.periode_status', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.nilai_beku', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.keluarga', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.anggota', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.lingkup_login', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.pengukuran', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.peristiwa', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.peringatan', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.audit', '');
-- its default partition is the extension's; the monthly partitions are made later, belong to
-- no extension and are dumped like any table (34_audit_bulan.sql)
SELECT pg_catalog.pg_extension_config_dump('kkb.audit_lain', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.token', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.tautan_masuk', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.idempotensi', '');
-- change counters (49_versi.sql); kkb.versi_acuan is re-created by CREATE EXTENSION
SELECT pg_catalog.pg_extension_config_dump('kkb.versi_desa', '');
SELECT pg_catalog.pg_extension_config_dump('kkb.versi_seq', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.intervensi', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.intervensi_foto', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.peristiwa', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.peringatan', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.audit', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.token', 'id')::regclass, '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('kkb.tautan_masuk', 'id')::regclass, '');

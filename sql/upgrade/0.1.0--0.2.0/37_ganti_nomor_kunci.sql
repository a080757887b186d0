-- The family-card and NIK keys lose ON UPDATE CASCADE, as on a new install: renumbering is
-- kkb.ganti_no_kk / kkb.ganti_nik (37_ganti_nomor.sql), the same on one node and on a Citus cluster.
ALTER TABLE kkb.anggota DROP CONSTRAINT anggota_kode_desa_no_kk_fkey,
	ADD CONSTRAINT anggota_kode_desa_no_kk_fkey FOREIGN KEY (kode_desa, no_kk) REFERENCES kkb.keluarga (kode_desa, no_kk);
ALTER TABLE kkb.pengukuran DROP CONSTRAINT pengukuran_kode_desa_nik_fkey,
	ADD CONSTRAINT pengukuran_kode_desa_nik_fkey FOREIGN KEY (kode_desa, nik) REFERENCES kkb.anggota (kode_desa, nik);

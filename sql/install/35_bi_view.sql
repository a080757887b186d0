-- 35_bi_view.sql - the kkb_bi views (their schema and the pseudonym salt are
-- made in 35_bi.sql).  Each shows the villages of the caller's scope: a
-- direct login's bound scope (kkb.lingkup_login, 34_lingkup_login.sql), or
-- every village for a login without one.  Views, comments and rights only:
-- replayed by the upgrade (sql/upgrade/0.1.0--0.2.0/35_bi.replay).

CREATE VIEW kkb_bi.desa AS
SELECT k.kode_desa::text AS kode_desa, w.nama AS nama_desa, kkb.kecamatan(k.kode_desa)::text AS kode_kecamatan,
       wc.nama AS nama_kecamatan, kkb.kabkota(k.kode_desa)::text AS kode_kabkota, wk.nama AS nama_kabkota,
       kkb.adalah_kelurahan(k.kode_desa) AS kelurahan, k.nama AS nama_kampung_kb, k.tanggal_pencanangan,
       k.lintang, k.bujur
  FROM kkb.kampung k
  JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
  LEFT JOIN kkb.wilayah wc ON wc.kode OPERATOR(kkb.=) kkb.kecamatan(k.kode_desa)
  LEFT JOIN kkb.wilayah wk ON wk.kode OPERATOR(kkb.=) kkb.kabkota(k.kode_desa)
 WHERE kkb.lingkup() IS NULL OR k.kode_desa OPERATOR(kkb.<@) kkb.lingkup();
COMMENT ON VIEW kkb_bi.desa IS 'Desa (villages): every Kampung KB with its district and regency/city';
COMMENT ON COLUMN kkb_bi.desa.kode_desa IS 'Kode desa: village code PP.KK.CC.DDDD';
COMMENT ON COLUMN kkb_bi.desa.nama_desa IS 'Nama desa: official village name';
COMMENT ON COLUMN kkb_bi.desa.kode_kecamatan IS 'Kode kecamatan: district code';
COMMENT ON COLUMN kkb_bi.desa.nama_kecamatan IS 'Nama kecamatan: district name';
COMMENT ON COLUMN kkb_bi.desa.kode_kabkota IS 'Kode kabupaten/kota: regency/city code';
COMMENT ON COLUMN kkb_bi.desa.nama_kabkota IS 'Nama kabupaten/kota: regency/city name';
COMMENT ON COLUMN kkb_bi.desa.kelurahan IS 'Kelurahan: true for an urban village, false for a desa';
COMMENT ON COLUMN kkb_bi.desa.nama_kampung_kb IS 'Nama Kampung KB: name of the Kampung KB';
COMMENT ON COLUMN kkb_bi.desa.tanggal_pencanangan IS 'Tanggal pencanangan: date declared';
COMMENT ON COLUMN kkb_bi.desa.lintang IS 'Lintang: latitude';
COMMENT ON COLUMN kkb_bi.desa.bujur IS 'Bujur: longitude';

CREATE VIEW kkb_bi.laporan_kkbpk AS
SELECT r.kode_desa::text AS kode_desa, r.periode::date AS periode,
       r.peserta_bkb, r.peserta_bkr, r.peserta_bkl, r.peserta_uppka, r.peserta_pikr,
       r.kb_iud, r.kb_mow, r.kb_mop, r.kb_kondom, r.kb_implan, r.kb_suntik, r.kb_pil,
       r.tidak_kb_hamil, r.tidak_kb_ingin_segera, r.tidak_kb_iat, r.tidak_kb_tial, r.peserta_baru, r.bpjs
  FROM kkb.kkbpk r
 WHERE kkb.lingkup() IS NULL OR r.kode_desa OPERATOR(kkb.<@) kkb.lingkup();
COMMENT ON VIEW kkb_bi.laporan_kkbpk IS 'Laporan KKBPK: monthly family-planning reports';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.periode IS 'Periode: month (first day)';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_bkb IS 'Peserta BKB: participants, families with toddlers';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_bkr IS 'Peserta BKR: participants, families with teenagers';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_bkl IS 'Peserta BKL: participants, families with elderly';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_uppka IS 'Peserta UPPKA: participants, family income groups';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_pikr IS 'Peserta PIK-R: participants, youth counselling';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_iud IS 'KB IUD: active users of IUD';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_mow IS 'KB MOW: female sterilisation';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_mop IS 'KB MOP: male sterilisation';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_kondom IS 'KB kondom: condom users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_implan IS 'KB implan: implant users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_suntik IS 'KB suntik: injectable users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.kb_pil IS 'KB pil: pill users';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_hamil IS 'Tidak KB, hamil: couples not using contraception, pregnant';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_ingin_segera IS 'Tidak KB, ingin anak segera: want a child soon';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_iat IS 'Tidak KB, IAT: want a child later (unmet need)';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.tidak_kb_tial IS 'Tidak KB, TIAL: want no more children (unmet need)';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.peserta_baru IS 'Peserta baru: new acceptors';
COMMENT ON COLUMN kkb_bi.laporan_kkbpk.bpjs IS 'BPJS: members with health insurance';

CREATE VIEW kkb_bi.penduduk AS
SELECT p.kode_desa::text AS kode_desa, p.periode::date AS periode,
       (SELECT sum(x)::integer FROM unnest(p.laki_laki) x) AS laki_laki,
       (SELECT sum(x)::integer FROM unnest(p.perempuan) x) AS perempuan,
       p.keluarga, p.pus, p.remaja, p.keluarga_balita, p.keluarga_remaja, p.keluarga_lansia
  FROM kkb.penduduk p
 WHERE kkb.lingkup() IS NULL OR p.kode_desa OPERATOR(kkb.<@) kkb.lingkup();
COMMENT ON VIEW kkb_bi.penduduk IS 'Penduduk: monthly aggregate population of each village';
COMMENT ON COLUMN kkb_bi.penduduk.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.penduduk.periode IS 'Periode: month (first day)';
COMMENT ON COLUMN kkb_bi.penduduk.laki_laki IS 'Laki-laki: men, all ages';
COMMENT ON COLUMN kkb_bi.penduduk.perempuan IS 'Perempuan: women, all ages';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga IS 'Keluarga: families';
COMMENT ON COLUMN kkb_bi.penduduk.pus IS 'PUS: couples of reproductive age';
COMMENT ON COLUMN kkb_bi.penduduk.remaja IS 'Remaja: teenagers 10-24';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga_balita IS 'Keluarga balita: families with a child under five';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga_remaja IS 'Keluarga remaja: families with a teenager';
COMMENT ON COLUMN kkb_bi.penduduk.keluarga_lansia IS 'Keluarga lansia: families with an elderly member';

CREATE VIEW kkb_bi.intervensi AS
SELECT i.kode_desa::text AS kode_desa, i.id::integer AS id, i.tanggal, i.judul, i.fungsi_keluarga::text AS fungsi_keluarga,
       pg_catalog.array_to_string(i.sasaran, ',') AS sasaran, pg_catalog.array_to_string(i.opd, ',') AS opd, i.uraian
  FROM kkb.intervensi i
 WHERE kkb.lingkup() IS NULL OR i.kode_desa OPERATOR(kkb.<@) kkb.lingkup();
COMMENT ON VIEW kkb_bi.intervensi IS 'Intervensi: interventions in the villages';
COMMENT ON COLUMN kkb_bi.intervensi.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.intervensi.id IS 'ID: intervention number within the village';
COMMENT ON COLUMN kkb_bi.intervensi.tanggal IS 'Tanggal: date';
COMMENT ON COLUMN kkb_bi.intervensi.judul IS 'Judul: title';
COMMENT ON COLUMN kkb_bi.intervensi.fungsi_keluarga IS 'Fungsi keluarga: family function served';
COMMENT ON COLUMN kkb_bi.intervensi.sasaran IS 'Sasaran: target groups, comma separated';
COMMENT ON COLUMN kkb_bi.intervensi.opd IS 'OPD: agencies involved, comma separated codes';
COMMENT ON COLUMN kkb_bi.intervensi.uraian IS 'Uraian: description';

CREATE VIEW kkb_bi.anggota AS
SELECT a.kode_desa::text AS kode_desa,
       sa.keluarga,
       a.jenis_kelamin::text AS jenis_kelamin,
       extract(year FROM pg_catalog.age(current_date, a.tanggal_lahir))::integer AS umur_tahun,
       a.hubungan::text AS hubungan, a.status_kawin::text AS status_kawin, a.pendidikan, a.sekolah, a.pekerjaan,
       a.jaminan_kesehatan, a.akta_lahir, a.hamil, a.kontrasepsi::text AS kontrasepsi, a.alasan_tidak_kb::text AS alasan_tidak_kb
  FROM kkb.anggota a JOIN kkb._samaran_keluarga sa ON sa.kode_desa OPERATOR(kkb.=) a.kode_desa AND sa.no_kk OPERATOR(kkb.=) a.no_kk
 WHERE kkb.lingkup() IS NULL OR a.kode_desa OPERATOR(kkb.<@) kkb.lingkup();
COMMENT ON VIEW kkb_bi.anggota IS 'Anggota: family members, de-identified (no NIK, name, card number or birth date)';
COMMENT ON COLUMN kkb_bi.anggota.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.anggota.keluarga IS 'Keluarga: pseudonym of the family, K and 16 hex digits (stable in this database, not reversible)';
COMMENT ON COLUMN kkb_bi.anggota.jenis_kelamin IS 'Jenis kelamin: L male, P female';
COMMENT ON COLUMN kkb_bi.anggota.umur_tahun IS 'Umur: age in whole years today';
COMMENT ON COLUMN kkb_bi.anggota.hubungan IS 'Hubungan: relation to the head of the family';
COMMENT ON COLUMN kkb_bi.anggota.status_kawin IS 'Status kawin: marital status';
COMMENT ON COLUMN kkb_bi.anggota.pendidikan IS 'Pendidikan: education';
COMMENT ON COLUMN kkb_bi.anggota.sekolah IS 'Sekolah: currently in school';
COMMENT ON COLUMN kkb_bi.anggota.pekerjaan IS 'Pekerjaan: occupation';
COMMENT ON COLUMN kkb_bi.anggota.jaminan_kesehatan IS 'Jaminan kesehatan: health insurance';
COMMENT ON COLUMN kkb_bi.anggota.akta_lahir IS 'Akta lahir: has a birth certificate';
COMMENT ON COLUMN kkb_bi.anggota.hamil IS 'Hamil: pregnant';
COMMENT ON COLUMN kkb_bi.anggota.kontrasepsi IS 'Kontrasepsi: contraceptive method';
COMMENT ON COLUMN kkb_bi.anggota.alasan_tidak_kb IS 'Alasan tidak KB: reason for no contraception';

CREATE VIEW kkb_bi.keluarga AS
SELECT k.kode_desa::text AS kode_desa,
       sa.keluarga,
       k.rt::integer AS rt, k.rw::integer AS rw,
       k.air_minum::text AS air_minum, (k.air_minum IN (SELECT l.kode FROM kkb.air_minum_layak l)) AS air_minum_layak,
       k.jamban::text AS jamban, (k.jamban IN ('sendiri', 'bersama') AND coalesce(k.tangki_septik, false)) AS jamban_layak,
       k.lantai_tanah, k.dinding_layak, k.atap_layak, k.miskin,
       (SELECT count(*)::integer FROM kkb.anggota a WHERE a.kode_desa OPERATOR(kkb.=) k.kode_desa AND a.no_kk OPERATOR(kkb.=) k.no_kk) AS jumlah_anggota
  FROM kkb.keluarga k JOIN kkb._samaran_keluarga sa ON sa.kode_desa OPERATOR(kkb.=) k.kode_desa AND sa.no_kk OPERATOR(kkb.=) k.no_kk
 WHERE kkb.lingkup() IS NULL OR k.kode_desa OPERATOR(kkb.<@) kkb.lingkup();
COMMENT ON VIEW kkb_bi.keluarga IS 'Keluarga: families, de-identified, with water, sanitation and housing';
COMMENT ON COLUMN kkb_bi.keluarga.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.keluarga.keluarga IS 'Keluarga: pseudonym of the family (as in kkb_bi.anggota)';
COMMENT ON COLUMN kkb_bi.keluarga.rt IS 'RT: neighbourhood unit';
COMMENT ON COLUMN kkb_bi.keluarga.rw IS 'RW: community unit';
COMMENT ON COLUMN kkb_bi.keluarga.air_minum IS 'Air minum: main drinking-water source';
COMMENT ON COLUMN kkb_bi.keluarga.air_minum_layak IS 'Air minum layak: the source is proper';
COMMENT ON COLUMN kkb_bi.keluarga.jamban IS 'Jamban: latrine';
COMMENT ON COLUMN kkb_bi.keluarga.jamban_layak IS 'Jamban layak: own or shared latrine with a septic tank';
COMMENT ON COLUMN kkb_bi.keluarga.lantai_tanah IS 'Lantai tanah: earth floor';
COMMENT ON COLUMN kkb_bi.keluarga.dinding_layak IS 'Dinding layak: proper walls';
COMMENT ON COLUMN kkb_bi.keluarga.atap_layak IS 'Atap layak: proper roof';
COMMENT ON COLUMN kkb_bi.keluarga.miskin IS 'Miskin: poor family (DTKS)';
COMMENT ON COLUMN kkb_bi.keluarga.jumlah_anggota IS 'Jumlah anggota: number of members';

CREATE VIEW kkb_bi.pengukuran AS
SELECT m.kode_desa::text AS kode_desa, pg_catalog.date_trunc('month', m.tanggal_ukur)::date AS bulan_ukur,
       m.jenis_kelamin::text AS jenis_kelamin, m.umur_bulan, m.berat_kg::numeric(6, 2) AS berat_kg,
       m.tinggi_cm::numeric(6, 1) AS tinggi_cm, m.z_tbu, m.z_bbu, m.z_bbtb, m.z_imtu,
       m.status_tbu, m.status_bbu, m.status_bbtb, m.status_imtu, m.stunting,
       (pg_catalog.cardinality(m.flags) > 0) AS ditandai
  FROM kkb.pengukuran m
 WHERE kkb.lingkup() IS NULL OR m.kode_desa OPERATOR(kkb.<@) kkb.lingkup();
COMMENT ON VIEW kkb_bi.pengukuran IS 'Pengukuran: child measurements, de-identified, with z-scores and Permenkes categories';
COMMENT ON COLUMN kkb_bi.pengukuran.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.pengukuran.bulan_ukur IS 'Bulan ukur: month of the measurement (first day)';
COMMENT ON COLUMN kkb_bi.pengukuran.jenis_kelamin IS 'Jenis kelamin: L male, P female';
COMMENT ON COLUMN kkb_bi.pengukuran.umur_bulan IS 'Umur (bulan): age in completed months';
COMMENT ON COLUMN kkb_bi.pengukuran.berat_kg IS 'Berat: weight, kg';
COMMENT ON COLUMN kkb_bi.pengukuran.tinggi_cm IS 'Tinggi: length/height as measured, cm';
COMMENT ON COLUMN kkb_bi.pengukuran.z_tbu IS 'Z TB/U: length/height-for-age z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.z_bbu IS 'Z BB/U: weight-for-age z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.z_bbtb IS 'Z BB/TB: weight-for-length/height z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.z_imtu IS 'Z IMT/U: BMI-for-age z-score';
COMMENT ON COLUMN kkb_bi.pengukuran.status_tbu IS 'Status TB/U: sangat pendek, pendek, normal, tinggi';
COMMENT ON COLUMN kkb_bi.pengukuran.status_bbu IS 'Status BB/U: weight-for-age category';
COMMENT ON COLUMN kkb_bi.pengukuran.status_bbtb IS 'Status BB/TB: weight-for-length/height category';
COMMENT ON COLUMN kkb_bi.pengukuran.status_imtu IS 'Status IMT/U: BMI-for-age category';
COMMENT ON COLUMN kkb_bi.pengukuran.stunting IS 'Stunting: length/height-for-age z < -2';
COMMENT ON COLUMN kkb_bi.pengukuran.ditandai IS 'Ditandai: flagged by WHO''s plausibility rules (exclude from prevalence)';

GRANT USAGE ON SCHEMA kkb_bi TO kkb_analis, kkb_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA kkb_bi TO kkb_analis, kkb_admin;

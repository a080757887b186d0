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
       pg_catalog.array_to_string(i.sasaran, ',') AS sasaran, pg_catalog.array_to_string(i.opd, ',') AS opd, i.uraian,
       i.pemilik_opd
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
COMMENT ON COLUMN kkb_bi.intervensi.pemilik_opd IS 'Pemilik OPD: the agency that recorded it and alone changes it (empty: the village''s pokja or an administrator)';

-- ---------------------------------------------------------------- by-name facts, k-anonymous
-- The by-name tables appear as counts of people, families and measurements
-- per combination of a few generalised columns (age in bands, education in
-- levels, no RT/RW, no family link), and a combination of fewer than 5 within
-- a village is left out (k-anonymity with k = 5): no row, and no combination of
-- a view's columns, describes fewer than 5 people, families or measurements.
-- What a row counts is summed, never listed (SUM(jumlah), SUM(hamil), ...).
-- tests/pgtap/061_k_anonim.sql computes k over the demo city.

-- The age band of a birth date on a day: 5-year bands to 45-49 (the reproductive
-- ages in the programme's own bands), then 50-59, 60-69, 70+.  (With 5-year bands
-- to 75+ the demo city lost 7% of its members to suppression; with these, 4%.)
CREATE FUNCTION kkb._bi_kelompok_umur(lahir date, acuan date) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN pg_catalog.date_part('year', pg_catalog.age(acuan, lahir)) >= 70 THEN '70+'
	            WHEN pg_catalog.date_part('year', pg_catalog.age(acuan, lahir)) >= 60 THEN '60-69'
	            WHEN pg_catalog.date_part('year', pg_catalog.age(acuan, lahir)) >= 50 THEN '50-59'
	            ELSE pg_catalog.format('%s-%s', (pg_catalog.date_part('year', pg_catalog.age(acuan, lahir))::integer / 5) * 5,
	                                   (pg_catalog.date_part('year', pg_catalog.age(acuan, lahir))::integer / 5) * 5 + 4) END;
COMMENT ON FUNCTION kkb._bi_kelompok_umur(date, date) IS 'Internal: the age band (0-4, 5-9, ..., 45-49, 50-59, 60-69, 70+) of a birth date on a day, for the kkb_bi views';

-- The level of a Dukcapil education value: tidak/belum sekolah, SD, SMP, SMA, perguruan tinggi, tidak diketahui.
CREATE FUNCTION kkb._bi_jenjang(pendidikan text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE WHEN pendidikan IS NULL THEN 'tidak diketahui'
	            WHEN pendidikan ~* '^(tidak/belum sekolah|belum tamat sd)' THEN 'tidak/belum sekolah'
	            WHEN pendidikan ~* '^tamat sd' THEN 'SD'
	            WHEN pendidikan ~* '^sltp' THEN 'SMP'
	            WHEN pendidikan ~* '^slta' THEN 'SMA'
	            WHEN pendidikan ~* '(diploma|strata|akademi)' THEN 'perguruan tinggi'
	            ELSE 'tidak diketahui' END;
COMMENT ON FUNCTION kkb._bi_jenjang(text) IS 'Internal: the education level (tidak/belum sekolah, SD, SMP, SMA, perguruan tinggi, tidak diketahui) of a Dukcapil education value, for the kkb_bi views';

CREATE VIEW kkb_bi.anggota AS
SELECT a.kode_desa::text AS kode_desa, a.jenis_kelamin::text AS jenis_kelamin,
       kkb._bi_kelompok_umur(a.tanggal_lahir, CURRENT_DATE) AS kelompok_umur,
       kkb._bi_jenjang(a.pendidikan) AS jenjang_pendidikan,
       pg_catalog.count(*)::integer AS jumlah,
       pg_catalog.count(*) FILTER (WHERE a.status_kawin = 'kawin')::integer AS kawin,
       pg_catalog.count(*) FILTER (WHERE a.sekolah)::integer AS sekolah,
       pg_catalog.count(*) FILTER (WHERE a.pekerjaan IS NOT NULL AND a.pekerjaan !~* '^(belum/tidak bekerja|pelajar|mengurus rumah tangga|pensiunan)')::integer AS bekerja,
       pg_catalog.count(*) FILTER (WHERE a.jaminan_kesehatan)::integer AS jaminan_kesehatan,
       pg_catalog.count(*) FILTER (WHERE a.akta_lahir)::integer AS akta_lahir,
       pg_catalog.count(*) FILTER (WHERE a.hamil)::integer AS hamil,
       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi IS NOT NULL)::integer AS ber_kb,
       pg_catalog.count(*) FILTER (WHERE a.kontrasepsi IN ('iud', 'mow', 'mop', 'implan'))::integer AS kb_mkjp,
       pg_catalog.count(*) FILTER (WHERE a.alasan_tidak_kb IN ('iat', 'tial'))::integer AS unmet_need
  FROM kkb.anggota a
 WHERE kkb.lingkup() IS NULL OR a.kode_desa OPERATOR(kkb.<@) kkb.lingkup()
 GROUP BY 1, 2, 3, 4
HAVING pg_catalog.count(*) >= 5;
COMMENT ON VIEW kkb_bi.anggota IS 'Anggota: family members counted per village, sex, age band (today) and education level; a combination of fewer than 5 people is left out (k-anonymity, k = 5). No NIK, name, card number, birth date or family link';
COMMENT ON COLUMN kkb_bi.anggota.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.anggota.jenis_kelamin IS 'Jenis kelamin: L male, P female';
COMMENT ON COLUMN kkb_bi.anggota.kelompok_umur IS 'Kelompok umur: age band today (0-4, 5-9, ..., 45-49, 50-59, 60-69, 70+)';
COMMENT ON COLUMN kkb_bi.anggota.jenjang_pendidikan IS 'Jenjang pendidikan: tidak/belum sekolah, SD, SMP, SMA, perguruan tinggi, tidak diketahui';
COMMENT ON COLUMN kkb_bi.anggota.jumlah IS 'Jumlah: people (at least 5)';
COMMENT ON COLUMN kkb_bi.anggota.kawin IS 'Kawin: of them, married';
COMMENT ON COLUMN kkb_bi.anggota.sekolah IS 'Sekolah: of them, in school';
COMMENT ON COLUMN kkb_bi.anggota.bekerja IS 'Bekerja: of them, working (an occupation other than none, pupil, homemaker, retired)';
COMMENT ON COLUMN kkb_bi.anggota.jaminan_kesehatan IS 'Jaminan kesehatan: of them, with health insurance';
COMMENT ON COLUMN kkb_bi.anggota.akta_lahir IS 'Akta lahir: of them, with a birth certificate';
COMMENT ON COLUMN kkb_bi.anggota.hamil IS 'Hamil: of them, pregnant';
COMMENT ON COLUMN kkb_bi.anggota.ber_kb IS 'Ber-KB: of them, using contraception';
COMMENT ON COLUMN kkb_bi.anggota.kb_mkjp IS 'KB MKJP: of them, using a long-acting or permanent method (IUD, implant, MOW, MOP)';
COMMENT ON COLUMN kkb_bi.anggota.unmet_need IS 'Unmet need: of them, wanting to delay (IAT) or stop (TIAL) childbearing without contraception';

CREATE VIEW kkb_bi.keluarga AS
SELECT k.kode_desa::text AS kode_desa,
       (k.air_minum IN (SELECT l.kode FROM kkb.air_minum_layak l)) AS air_minum_layak,
       (k.jamban IN ('sendiri', 'bersama') AND coalesce(k.tangki_septik, false)) AS jamban_layak,
       (NOT coalesce(k.lantai_tanah, false) AND coalesce(k.dinding_layak, false) AND coalesce(k.atap_layak, false)) AS rumah_layak,
       coalesce(k.miskin, false) AS miskin,
       pg_catalog.count(*)::integer AS jumlah,
       pg_catalog.sum(n.n)::integer AS jumlah_anggota,
       pg_catalog.count(*) FILTER (WHERE n.n >= 5)::integer AS keluarga_besar
  FROM kkb.keluarga k
 CROSS JOIN LATERAL (SELECT pg_catalog.count(*)::integer AS n FROM kkb.anggota a
                      WHERE a.kode_desa OPERATOR(kkb.=) k.kode_desa AND a.no_kk OPERATOR(kkb.=) k.no_kk) n
 WHERE kkb.lingkup() IS NULL OR k.kode_desa OPERATOR(kkb.<@) kkb.lingkup()
 GROUP BY 1, 2, 3, 4, 5
HAVING pg_catalog.count(*) >= 5;
COMMENT ON VIEW kkb_bi.keluarga IS 'Keluarga: families counted per village, proper water, sanitation and housing, and poverty; a combination of fewer than 5 families is left out (k-anonymity, k = 5). No card number, address, RT/RW or link to members';
COMMENT ON COLUMN kkb_bi.keluarga.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.keluarga.air_minum_layak IS 'Air minum layak: the main drinking-water source is proper';
COMMENT ON COLUMN kkb_bi.keluarga.jamban_layak IS 'Jamban layak: own or shared latrine with a septic tank';
COMMENT ON COLUMN kkb_bi.keluarga.rumah_layak IS 'Rumah layak: no earth floor, proper walls and roof';
COMMENT ON COLUMN kkb_bi.keluarga.miskin IS 'Miskin: poor family (DTKS)';
COMMENT ON COLUMN kkb_bi.keluarga.jumlah IS 'Jumlah: families (at least 5)';
COMMENT ON COLUMN kkb_bi.keluarga.jumlah_anggota IS 'Jumlah anggota: their members together';
COMMENT ON COLUMN kkb_bi.keluarga.keluarga_besar IS 'Keluarga besar: of them, families of 5 or more members';

CREATE VIEW kkb_bi.pengukuran AS
SELECT m.kode_desa::text AS kode_desa, pg_catalog.date_trunc('month', m.tanggal_ukur)::date AS bulan_ukur,
       m.jenis_kelamin::text AS jenis_kelamin,
       CASE WHEN m.umur_bulan < 12 THEN '0-11' WHEN m.umur_bulan < 24 THEN '12-23' ELSE '24-59' END AS kelompok_umur_bulan,
       pg_catalog.count(*)::integer AS jumlah,
       pg_catalog.count(*) FILTER (WHERE pg_catalog.cardinality(m.flags) > 0)::integer AS ditandai,
       pg_catalog.count(*) FILTER (WHERE m.stunting)::integer AS stunting,
       pg_catalog.count(*) FILTER (WHERE m.status_tbu = 'sangat pendek')::integer AS sangat_pendek,
       pg_catalog.count(*) FILTER (WHERE m.status_bbtb IN ('gizi buruk', 'gizi kurang'))::integer AS wasting,
       pg_catalog.count(*) FILTER (WHERE m.status_bbu IN ('berat badan sangat kurang', 'berat badan kurang'))::integer AS underweight,
       pg_catalog.count(*) FILTER (WHERE m.status_bbtb IN ('gizi lebih', 'obesitas'))::integer AS overweight,
       pg_catalog.round(pg_catalog.avg(m.z_tbu) FILTER (WHERE pg_catalog.cardinality(m.flags) = 0), 2)::numeric(6, 2) AS rerata_z_tbu,
       pg_catalog.round(pg_catalog.avg(m.z_bbtb) FILTER (WHERE pg_catalog.cardinality(m.flags) = 0), 2)::numeric(6, 2) AS rerata_z_bbtb
  FROM kkb.pengukuran m
 WHERE kkb.lingkup() IS NULL OR m.kode_desa OPERATOR(kkb.<@) kkb.lingkup()
 GROUP BY 1, 2, 3, 4
HAVING pg_catalog.count(*) >= 5;
COMMENT ON VIEW kkb_bi.pengukuran IS 'Pengukuran: child measurements counted per village, month, sex and age band, with Permenkes categories; a combination of fewer than 5 measurements is left out (k-anonymity, k = 5). For prevalence, count the flagged ones out (ditandai)';
COMMENT ON COLUMN kkb_bi.pengukuran.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.pengukuran.bulan_ukur IS 'Bulan ukur: month of the measurements (first day)';
COMMENT ON COLUMN kkb_bi.pengukuran.jenis_kelamin IS 'Jenis kelamin: L male, P female';
COMMENT ON COLUMN kkb_bi.pengukuran.kelompok_umur_bulan IS 'Kelompok umur (bulan): age band in completed months (0-11, 12-23, 24-59)';
COMMENT ON COLUMN kkb_bi.pengukuran.jumlah IS 'Jumlah: measurements (at least 5)';
COMMENT ON COLUMN kkb_bi.pengukuran.ditandai IS 'Ditandai: of them, flagged by WHO''s plausibility rules (left out of prevalence)';
COMMENT ON COLUMN kkb_bi.pengukuran.stunting IS 'Stunting: of them, length/height-for-age z < -2';
COMMENT ON COLUMN kkb_bi.pengukuran.sangat_pendek IS 'Sangat pendek: of them, length/height-for-age z < -3';
COMMENT ON COLUMN kkb_bi.pengukuran.wasting IS 'Wasting: of them, gizi kurang or gizi buruk (weight-for-length/height z < -2)';
COMMENT ON COLUMN kkb_bi.pengukuran.underweight IS 'Underweight: of them, weight-for-age z < -2';
COMMENT ON COLUMN kkb_bi.pengukuran.overweight IS 'Overweight: of them, gizi lebih or obesitas (weight-for-length/height z > +2)';
COMMENT ON COLUMN kkb_bi.pengukuran.rerata_z_tbu IS 'Rerata z TB/U: mean length/height-for-age z of the unflagged ones';
COMMENT ON COLUMN kkb_bi.pengukuran.rerata_z_bbtb IS 'Rerata z BB/TB: mean weight-for-length/height z of the unflagged ones';

GRANT USAGE ON SCHEMA kkb_bi TO kkb_analis, kkb_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA kkb_bi TO kkb_analis, kkb_admin;

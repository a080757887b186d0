-- 97_katalog.sql - kkb.katalog: what can I ask?  One row per public function,
-- procedure, aggregate and view of the schemas kkb and kkb_bi, with its
-- arguments, its result, what it is for in Indonesian (uraian) and English
-- (keterangan, the object's COMMENT), and which working roles may call or read
-- it - read from the privileges themselves, so it is never out of date.
-- `\df+ kkb.*` prints every function's source (megabytes); this prints a
-- sentence each:
--
--   SELECT nama, argumen, uraian FROM kkb.katalog WHERE kelompok = 'laporan';
--   SELECT nama, peran FROM kkb.katalog WHERE 'kkb_analis' = ANY (peran);
--
-- Internal objects (names starting with _), the functions behind types,
-- operators, casts and indexes, and trigger functions are left out.  The
-- Indonesian text of a name is in the list below; a public object without one
-- fails tests/pgtap/059_katalog.sql, so a new function cannot be forgotten.
-- A view only: replayed by the upgrade (90_akhir.replay).

CREATE VIEW kkb.katalog AS
WITH uraian (nama, kelompok, uraian) AS (VALUES
	-- identifiers
	('nik_periksa', 'identitas', 'Periksa teks sebagai NIK tanpa galat: NULL bila sah, selain itu alasannya.'),
	('nik_jenis_kelamin', 'identitas', 'Jenis kelamin yang tertulis di NIK: L atau P (tanggal lahir + 40 untuk perempuan).'),
	('nik_tanggal_lahir', 'identitas', 'Tanggal lahir yang tertulis di NIK, pada abad terakhir yang tidak melewati tanggal acuan.'),
	('nik_kecamatan', 'identitas', 'Kecamatan tempat NIK pertama kali didaftarkan.'),
	('nik_wilayah_dikenal', 'identitas', 'Apakah kecamatan di NIK ada dalam kode wilayah nasional.'),
	('no_kk_periksa', 'identitas', 'Periksa teks sebagai nomor KK tanpa galat: NULL bila sah, selain itu alasannya.'),
	('no_kk_tanggal_terbit', 'identitas', 'Tanggal terbit kartu keluarga yang tertulis di nomor KK.'),
	('no_kk_wilayah', 'identitas', 'Kecamatan tempat kartu keluarga diterbitkan.'),
	('kode_wilayah_periksa', 'identitas', 'Periksa teks sebagai kode wilayah tanpa galat: NULL bila sah, selain itu alasannya.'),
	-- regions
	('wilayah_ada', 'wilayah', 'Apakah kode wilayah ada dalam referensi kode wilayah nasional.'),
	('wilayah_nama', 'wilayah', 'Nama resmi suatu wilayah.'),
	('tingkat', 'wilayah', 'Tingkat wilayah: 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan.'),
	('induk', 'wilayah', 'Wilayah induk satu tingkat di atas (NULL untuk provinsi).'),
	('provinsi', 'wilayah', 'Provinsi tempat wilayah berada.'),
	('kabkota', 'wilayah', 'Kabupaten/kota tempat wilayah berada.'),
	('kecamatan', 'wilayah', 'Kecamatan tempat wilayah berada.'),
	('adalah_kelurahan', 'wilayah', 'Apakah wilayah sebuah kelurahan (bukan desa).'),
	-- anthropometry
	('antropometri', 'antropometri', 'Semua indikator pertumbuhan WHO satu pengukuran anak, dengan kategori Permenkes 2/2020, persis seperti WHO Anthro.'),
	('zscore_tbu', 'antropometri', 'Z-skor tinggi/panjang badan menurut umur (TB/U), belum dibulatkan.'),
	('zscore_bbu', 'antropometri', 'Z-skor berat badan menurut umur (BB/U), belum dibulatkan.'),
	('zscore_bbtb', 'antropometri', 'Z-skor berat badan menurut panjang/tinggi badan (BB/PB, BB/TB), belum dibulatkan.'),
	('zscore_imtu', 'antropometri', 'Z-skor indeks massa tubuh menurut umur (IMT/U), belum dibulatkan.'),
	-- classification and reports
	('prevalensi', 'antropometri', 'Agregat: prevalensi (mis. stunting: tbu, -2) dengan selang kepercayaan 95%, persis seperti WHO anthro.'),
	('prevalensi_selang', 'antropometri', 'Prevalensi dengan selang kepercayaan 95% dari hitungan (k dari n), cara yang sama dengan agregat kkb.prevalensi.'),
	('rerata_z', 'antropometri', 'Agregat: rata-rata z-score dengan selang kepercayaan 95% dan simpangan baku, persis seperti WHO anthro.'),
	('pencilan', 'laporan', 'Pencilan dalam laporan bulanan desa-desa suatu wilayah: nilai yang jauh dari riwayat desa itu sendiri atau dari desa-desa sekecamatan (z-skor termodifikasi, z-skor, atau rentang min-maks).'),
	('pertumbuhan_goyah', 'antropometri', 'Peringatan dini: anak yang z-skor BB/U-nya turun lebih dari 0,67 di antara dua penimbangan terakhir, dengan keluarga dan tindakan berikutnya (data by-name).'),
	('tenggat', 'laporan', 'Batas waktu laporan bulanan suatu bulan (bawaan: tanggal 15 bulan berikutnya pukul 23.59 WIB).'),
	('kedaluwarsa', 'laporan', 'Saat laporan suatu bulan terkunci kecuali admin memberi pengecualian (kosong bila kota tidak menetapkannya).'),
	('ketepatan', 'laporan', 'Ketepatan waktu laporan bulanan per desa: tepat waktu, terlambat, belum, atau belum jatuh tempo.'),
	('ketepatan_ringkas', 'laporan', 'Persentase laporan masuk dan tepat waktu per kecamatan dan wilayah (cara DHIS2).'),
	('pengingat_siapkan', 'laporan', 'Menyiapkan pengingat (SMS/WhatsApp) bagi desa yang belum mengajukan laporan bulanan ke kotak keluar kkb.pengingat.'),
	('tren_stunting', 'laporan', 'Peringatan dini per desa: prevalensi stunting bulan ini dengan selang kepercayaan 95% dibanding 11 bulan sebelumnya; naik_nyata bila kenaikannya melebihi kebetulan.'),
	('indikator_segarkan', 'laporan', 'Hitung ulang indikator bulanan tersimpan satu desa untuk satu bulan (bila datanya berubah); dipanggil penyegar gateway setelah setiap penulisan.'),
	('indikator_siapkan', 'laporan', 'Prosedur: menghitung dan menyimpan indikator bulanan desa-desa suatu wilayah untuk 12 bulan terakhir, satu bulan per transaksi (tugas malam hari).'),
	('klasifikasi_hitung', 'klasifikasi', 'Klasifikasi Kampung KB dari dokumen masukan, persis seperti portal nasional (termasuk pembulatannya).'),
	('klasifikasi_masukan', 'klasifikasi', 'Dokumen masukan klasifikasi satu desa pada satu bulan, dibaca dari data desa.'),
	('klasifikasi', 'klasifikasi', 'Klasifikasi satu desa pada satu bulan: kelas, 12 skor dan 3 indeks.'),
	('klasifikasi_wilayah', 'klasifikasi', 'Klasifikasi setiap Kampung KB di bawah suatu wilayah pada satu bulan.'),
	('klasifikasi_saran', 'klasifikasi', 'Yang dibutuhkan untuk naik kelas: untuk setiap kelas lebih tinggi yang bisa dicapai, langkah skor paling sedikit dan perubahan data masukannya.'),
	('saran_kelas', 'klasifikasi', 'Yang dibutuhkan satu desa untuk naik kelas pada satu bulan, dengan OPD atau lembaga desa yang menjalankan setiap perubahan.'),
	('profil_desa', 'laporan', 'Ke-40 item data desa pada satu bulan, dengan sumber setiap nilai.'),
	('kelengkapan', 'laporan', 'Kelengkapan data desa pada satu bulan: item yang terisi dibagi seluruh item (0 sampai 1).'),
	('ringkasan', 'laporan', 'Ringkasan Kampung KB di bawah suatu wilayah (NULL: seluruh Indonesia) per provinsi, kabupaten/kota, kecamatan atau desa: kelas, kelengkapan, stunting dengan selang kepercayaan 95%, wasting, underweight, unmet need, CPR, MKJP, keluarga berisiko.'),
	('ringkasan_desa', 'laporan', 'Indikator bulanan setiap Kampung KB di bawah suatu wilayah (NULL: seluruh Indonesia) pada satu bulan: kelas, skor, indeks, angka-angka, dan setiap item dengan sumbernya.'),
	('periksa', 'laporan', 'Pelanggaran aturan validasi data desa pada satu bulan, dengan nilai kedua sisi.'),
	('prioritas_intervensi', 'laporan', 'Daftar kerja OPD: masalah per desa di atas (atau di bawah) target, dengan selisih dan jumlah terdampak.'),
	('risiko_stunting', 'laporan', 'Risiko stunting satu keluarga pada tanggal acuan.'),
	('risiko_stunting_desa', 'laporan', 'Keluarga berisiko stunting (KRS) suatu desa pada tanggal acuan, dengan alasannya.'),
	('versi_data', 'laporan', 'Teks versi data di bawah suatu wilayah yang boleh dilihat pemanggil: berubah bila data berubah.'),
	-- validation rules
	('aturan_periksa', 'aturan', 'Periksa ekspresi aturan validasi: NULL bila sah, selain itu pesan galat dan posisinya.'),
	('aturan_kode', 'aturan', 'Kode item yang dipakai ekspresi aturan validasi.'),
	('aturan_nilai', 'aturan', 'Nilai ekspresi aturan validasi untuk nilai-nilai item yang diberikan.'),
	('aturan_banding', 'aturan', 'Bandingkan nilai kiri dan kanan aturan validasi dengan operatornya.'),
	-- workflow
	('ajukan', 'alur kerja', 'Ajukan data desa satu bulan untuk disetujui (draf menjadi diajukan); Pokja desa atau admin.'),
	('setujui', 'alur kerja', 'Setujui data desa satu bulan yang diajukan (diajukan menjadi disetujui); OPD atau admin.'),
	('kunci', 'alur kerja', 'Kunci data desa satu bulan: datanya tidak dapat berubah lagi; admin.'),
	('buka', 'alur kerja', 'Buka kembali data desa satu bulan (kembali ke draf); admin.'),
	-- by-name register
	('ganti_no_kk', 'rumah dataku', 'Ganti nomor KK suatu keluarga (salah ketik atau KK baru dari Dukcapil): keluarga dan anggotanya pindah ke nomor baru; sama di satu server dan di klaster.'),
	('ganti_nik', 'rumah dataku', 'Ganti NIK anggota keluarga beserta pengukuran anak dan peristiwa yang menyebutnya; sama di satu server dan di klaster.'),
	-- access
	('lingkup', 'akses', 'Lingkup wilayah pemanggil: dari gateway, atau yang terikat pada login SQL-nya.'),
	('lingkup_login_atur', 'akses', 'Ikat lingkup wilayah pada login SQL langsung (admin, di dalam lingkupnya sendiri).'),
	('lingkup_login_hapus', 'akses', 'Hapus lingkup wilayah yang terikat pada suatu login.'),
	('token_buat', 'akses', 'Buat token gateway untuk suatu peran, lingkup wilayah dan label (admin).'),
	('token_cabut', 'akses', 'Cabut semua token dengan label ini; gateway mematuhinya dalam hitungan detik.'),
	('token_cabut_id', 'akses', 'Cabut satu token (perangkat) menurut nomornya, di dalam lingkup admin.'),
	('tautan_buat', 'akses', 'Buat tautan masuk sekali pakai (kode QR) untuk Pokja desa atau OPD, berlaku beberapa menit (admin).'),
	('tautan_tukar', 'akses', 'Tukar kode tautan masuk dengan token perangkat (sekali); tanpa token.'),
	('token_periksa', 'akses', 'Untuk gateway: peran, lingkup, OPD, label dan masa berlaku token dengan SHA-256 ini.'),
	-- operations
	('versi', 'operasi', 'Versi pustaka kampungkb.'),
	('galat_jawab', 'operasi', 'Jawaban untuk galat PostgreSQL dari daftar galat: kode, status HTTP, pesan dan saran.'),
	('segarkan_statistik', 'operasi', 'Segarkan statistik perencana kueri untuk tabel by-name yang barisnya berubah.'),
	('hasilkan', 'operasi', 'Buat data sintetis yang dapat diulang untuk setiap desa di bawah suatu wilayah (demo, uji, tolok ukur).'),
	('hasilkan_hapus', 'operasi', 'Hapus data desa di bawah suatu wilayah sebelum kkb.hasilkan dijalankan lagi.'),
	('api_sinkron', 'api', 'Sinkron massal tabel by-name satu desa (keluarga, anggota, pengukuran, peristiwa): ringkasan impor per baris.'),
	('dokumen_skema_api', 'api', 'Skema badan permintaan dan jawaban setiap fungsi API (kkb.api_skema), untuk GET /openapi.json.'),
	-- views
	('katalog', 'katalog', 'Katalog ini: setiap fungsi dan view publik, kegunaannya, dan siapa yang boleh memakainya.'),
	('audit_kunci', 'audit', 'Jejak audit per baris: siapa mengubah baris mana, kapan, dengan nilai lama dan baru.'),
	('audit_bulan', 'audit', 'Partisi bulanan jejak audit: bulan, jumlah baris (perkiraan) dan ukurannya.'),
	('sebarkan', 'operasi', 'Jadikan basis data ini terdistribusi di klaster Citus (sekali, oleh superuser, sebelum data dimuat): tabel acuan disalin ke semua node, tabel desa dibagi menurut kode_desa.'),
	('sebarkan_akses', 'operasi', 'Klaster Citus: izinkan peran kerja login di setiap worker dan salin kunci penanda setelan permintaan ke sana (superuser; setelah menambah node).'),
	('audit_bulan_siapkan', 'audit', 'Siapkan partisi bulanan jejak audit (bulan ini dan dua bulan ke depan); jalankan tiap bulan.'),
	('audit_bulan_lepas', 'audit', 'Lepaskan partisi audit satu bulan yang sudah lewat untuk diarsipkan (pg_dump lalu DROP TABLE).'),
	('desa', 'bi', 'Kampung KB: desa, kecamatan, pencanangan dan lokasi.'),
	('laporan_kkbpk', 'bi', 'Laporan bulanan KKBPK per desa: peserta KB per metode, PUS, unmet need.'),
	('penduduk', 'bi', 'Laporan bulanan kependudukan per desa.'),
	('intervensi', 'bi', 'Intervensi OPD dan desa per desa.'),
	('anggota', 'bi', 'Jumlah anggota keluarga per desa, jenis kelamin, kelompok umur dan jenjang pendidikan (k-anonim: kelompok di bawah 5 orang tidak ditampilkan).'),
	('keluarga', 'bi', 'Jumlah keluarga per desa menurut air minum, jamban, rumah layak dan kemiskinan (k-anonim, k = 5).'),
	('pengukuran', 'bi', 'Jumlah pengukuran anak per desa, bulan, jenis kelamin dan kelompok umur, dengan stunting, wasting dan underweight (k-anonim, k = 5).'),
	('klasifikasi', 'bi', 'Kelas, skor dan indeks setiap Kampung KB per bulan.'),
	('indikator_bulanan', 'bi', 'Indikator bulanan setiap Kampung KB (12 bulan terakhir): kelas, skor, indeks, kelengkapan, stunting dengan selang kepercayaan 95%, wasting, underweight, unmet need, CPR, MKJP, keluarga berisiko.'),
	('elemen_bulanan', 'bi', 'Ke-40 item data setiap Kampung KB per bulan (12 bulan terakhir): nilai, sumber, dan ada/tidaknya (kelengkapan per item).'),
	('peristiwa', 'bi', 'Kelahiran, kematian dan pindah per kecamatan, bulan, jenis kelamin dan kelompok umur (k-anonim, k = 5).')
),
objek AS (
	SELECT n.nspname::text AS skema, p.proname::text AS nama,
	       CASE p.prokind WHEN 'p' THEN 'prosedur' WHEN 'a' THEN 'agregat' ELSE 'fungsi' END AS jenis,
	       pg_catalog.pg_get_function_arguments(p.oid) AS argumen,
	       pg_catalog.pg_get_function_result(p.oid) AS hasil,
	       pg_catalog.obj_description(p.oid, 'pg_proc') AS keterangan,
	       p.oid AS fungsi, NULL::oid AS relasi
	  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
	 WHERE n.nspname IN ('kkb', 'kkb_bi') AND p.proname !~ '^_'
	   AND p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_type t
	                    WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout, t.typanalyze))
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_operator o WHERE p.oid IN (o.oprcode, o.oprrest, o.oprjoin))
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_amproc a WHERE a.amproc = p.oid)
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_cast c WHERE c.castfunc = p.oid)
	UNION ALL
	SELECT n.nspname::text, c.relname::text, 'view',
	       NULL,
	       (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod),
	                                     ', ' ORDER BY a.attnum)
	          FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
	       pg_catalog.obj_description(c.oid, 'pg_class'),
	       NULL, c.oid
	  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
	 WHERE n.nspname IN ('kkb', 'kkb_bi') AND c.relkind IN ('v', 'm') AND c.relname !~ '^_'
)
SELECT o.skema || '.' || o.nama AS nama, o.jenis,
       coalesce(u.kelompok, CASE WHEN o.nama ~ '^api_' THEN 'api' END) AS kelompok,
       o.argumen, o.hasil,
       coalesce(u.uraian, CASE WHEN o.nama ~ '^api_' THEN
           'Untuk gateway REST (kkb-gateway): jawaban JSON satu rute; lihat GET /openapi.json (x-kkb-function).' END) AS uraian,
       o.keterangan,
       ARRAY(SELECT r.peran FROM pg_catalog.unnest(ARRAY['kkb_admin', 'kkb_opd', 'kkb_pokja', 'kkb_provinsi', 'kkb_analis', 'kkb_gateway', 'kkb_anon']) r(peran)
              WHERE CASE WHEN o.fungsi IS NOT NULL THEN pg_catalog.has_function_privilege(r.peran, o.fungsi, 'EXECUTE')
                              AND pg_catalog.has_schema_privilege(r.peran, o.skema, 'USAGE')
                         ELSE pg_catalog.has_table_privilege(r.peran, o.relasi, 'SELECT')
                              AND pg_catalog.has_schema_privilege(r.peran, o.skema, 'USAGE') END) AS peran
  FROM objek o LEFT JOIN uraian u ON u.nama = o.nama AND (o.skema = 'kkb_bi') = (u.kelompok = 'bi');
COMMENT ON VIEW kkb.katalog IS
	'Katalog: every public function, procedure, aggregate and view of kkb and kkb_bi with its arguments, result, purpose in Indonesian (uraian) and English (keterangan) and the working roles that may call or read it (peran) - what can I ask?';
COMMENT ON COLUMN kkb.katalog.nama IS 'Nama: schema-qualified name (overloaded functions: one row per signature)';
COMMENT ON COLUMN kkb.katalog.jenis IS 'Jenis: fungsi (function), prosedur (procedure), agregat (aggregate) or view';
COMMENT ON COLUMN kkb.katalog.kelompok IS 'Kelompok: subject (identitas, wilayah, antropometri, klasifikasi, laporan, aturan, alur kerja, akses, operasi, api, bi, audit, katalog)';
COMMENT ON COLUMN kkb.katalog.argumen IS 'Argumen: the arguments with their defaults (NULL for a view)';
COMMENT ON COLUMN kkb.katalog.hasil IS 'Hasil: the result type, or a view''s columns';
COMMENT ON COLUMN kkb.katalog.uraian IS 'Uraian: what it is for, in Indonesian';
COMMENT ON COLUMN kkb.katalog.keterangan IS 'Keterangan: what it is for, in English (the object''s comment)';
COMMENT ON COLUMN kkb.katalog.peran IS 'Peran: the working roles that may call it (EXECUTE) or read it (SELECT)';
GRANT SELECT ON kkb.katalog TO kkb_admin, kkb_opd, kkb_pokja, kkb_provinsi, kkb_analis, kkb_gateway, kkb_anon;

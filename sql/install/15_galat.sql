-- 15_galat.sql - the error registry (galat = error): every condition a client
-- can meet has a stable code, an HTTP status, a message in Indonesian for the
-- people entering data, one in English for developers, a hint and the column
-- it concerns.  kkb.galat_jawab() turns a PostgreSQL error (SQLSTATE,
-- constraint, table, column, message, detail, hint) into the answer the
-- gateway sends; the gateway's own conditions (bad parameter, no token, ...)
-- are rows too (asal 'gateway'), mirrored by the compiled table in
-- gateway/src/errors.c for when the database is away.
--
-- A PostgreSQL error is matched, first hit wins:
--   1. by its constraint name (PG_DIAG_CONSTRAINT_NAME) and table: asal 'kendala';
--   2. by its exact SQLSTATE and, where the row names them, its table, column
--      and a pattern over the database's (English) message: asal 'aturan'
--      (the extension's own RAISEs and row checks) and 'sqlstate' (generic);
--   3. by its SQLSTATE class (two characters): asal 'sqlstate';
--   4. otherwise KKB-INTERNAL (500; the real error goes to the gateway's log).
-- A pattern's groups (\1, \2, ...) may be used in the messages, so that they
-- name the values the database named.  Loaded early: it needs only the schema.

CREATE TABLE kkb.galat (
	kode     text PRIMARY KEY CHECK (kode ~ '^KKB-[A-Z0-9]+(-[A-Z0-9]+)*$'),
	asal     text NOT NULL CHECK (asal IN ('kendala', 'aturan', 'sqlstate', 'gateway')),
	sqlstate text CHECK (sqlstate ~ '^[0-9A-Z]{2}([0-9A-Z]{3})?$'),
	kendala  text,
	tabel    text,
	kolom    text,
	pola     text,
	status   integer NOT NULL CHECK (status BETWEEN 400 AND 599),
	pesan    text NOT NULL CHECK (pesan ~ '\S'),
	pesan_en text,
	saran    text,
	saran_en text,
	UNIQUE (tabel, kendala),
	CHECK ((asal = 'gateway') = (sqlstate IS NULL)),
	CHECK ((asal = 'kendala') = (kendala IS NOT NULL)),
	CHECK (asal <> 'gateway' OR (pesan_en IS NOT NULL AND pola IS NULL))
);
COMMENT ON TABLE kkb.galat IS
	'The error registry (galat = error): one row per condition a client can meet, with a stable code, HTTP status, Indonesian and English messages, a hint and the column concerned; read by kkb.galat_jawab and mirrored for the gateway''s own errors in gateway/src/errors.c';
COMMENT ON COLUMN kkb.galat.kode IS 'Stable code sent to clients as "code", e.g. KKB-KKBPK-KB-PIL-NEGATIF; never reused for another condition';
COMMENT ON COLUMN kkb.galat.asal IS 'Where the condition comes from: kendala (a constraint), aturan (a check or RAISE of the extension), sqlstate (a generic fallback by SQLSTATE or class), gateway (the gateway itself)';
COMMENT ON COLUMN kkb.galat.sqlstate IS 'The SQLSTATE (5 characters) or SQLSTATE class (2 characters) of the error; NULL for the gateway''s own conditions';
COMMENT ON COLUMN kkb.galat.kendala IS 'Name of the constraint (PG_DIAG_CONSTRAINT_NAME) for asal kendala, else NULL';
COMMENT ON COLUMN kkb.galat.tabel IS 'Table of the constraint or rule (PG_DIAG_TABLE_NAME); NULL for a domain or when any table matches';
COMMENT ON COLUMN kkb.galat.kolom IS 'Column the condition concerns, sent as "kolom" so that a form shows the message at that field; NULL: the error''s own column, or the constraint''s single column';
COMMENT ON COLUMN kkb.galat.pola IS 'Regular expression over the database''s English message that must match (asal aturan and sqlstate); its groups may be used as \1, \2 in pesan and pesan_en';
COMMENT ON COLUMN kkb.galat.status IS 'HTTP status of the answer';
COMMENT ON COLUMN kkb.galat.pesan IS 'Message in Indonesian, for the people entering the data (the default language); for the gateway''s rows %s stands for the value named';
COMMENT ON COLUMN kkb.galat.pesan_en IS 'Message in English, for developers (Accept-Language: en); NULL: the database''s own message';
COMMENT ON COLUMN kkb.galat.saran IS 'Hint in Indonesian: what to do; NULL: the database''s hint, if any';
COMMENT ON COLUMN kkb.galat.saran_en IS 'Hint in English, used when the database gave none';

-- ---------------------------------------------------------------- constraints
-- counts that cannot be negative: CHECK (x >= 0), named <table>_<column>_check
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en)
SELECT pg_catalog.format('KKB-%s-%s-NEGATIF', pg_catalog.upper(t), pg_catalog.upper(pg_catalog.replace(k, '_', '-'))),
       'kendala', '23514', pg_catalog.format('%s_%s_check', t, k), t, k, 422,
       pg_catalog.format('%s (%s) tidak boleh negatif', nama, k),
       pg_catalog.format('%s (%s) cannot be negative', nama_en, k),
       'Isi jumlahnya dengan 0 atau lebih; kosongkan bila belum diketahui.',
       'Enter 0 or more; leave it empty when it is not known.'
  FROM (VALUES
	('kkbpk', 'kb_pil', 'jumlah peserta KB pil', 'the number of pill users'),
	('kkbpk', 'kb_suntik', 'jumlah peserta KB suntik', 'the number of injectable users'),
	('kkbpk', 'kb_implan', 'jumlah peserta KB implan', 'the number of implant users'),
	('kkbpk', 'kb_iud', 'jumlah peserta KB IUD', 'the number of IUD users'),
	('kkbpk', 'kb_kondom', 'jumlah peserta KB kondom', 'the number of condom users'),
	('kkbpk', 'kb_mow', 'jumlah peserta MOW (tubektomi)', 'the number of tubectomies (MOW)'),
	('kkbpk', 'kb_mop', 'jumlah peserta MOP (vasektomi)', 'the number of vasectomies (MOP)'),
	('kkbpk', 'peserta_baru', 'jumlah peserta KB baru', 'the number of new acceptors'),
	('kkbpk', 'tidak_kb_hamil', 'jumlah PUS bukan peserta KB karena hamil', 'the number of non-users who are pregnant'),
	('kkbpk', 'tidak_kb_ingin_segera', 'jumlah PUS bukan peserta KB yang ingin anak segera', 'the number of non-users wanting a child soon'),
	('kkbpk', 'tidak_kb_iat', 'jumlah PUS ingin anak ditunda (IAT) bukan peserta KB', 'the number of non-users wanting to delay (IAT)'),
	('kkbpk', 'tidak_kb_tial', 'jumlah PUS tidak ingin anak lagi (TIAL) bukan peserta KB', 'the number of non-users wanting no more children (TIAL)'),
	('kkbpk', 'peserta_bkb', 'jumlah peserta BKB', 'the number of BKB participants'),
	('kkbpk', 'peserta_bkr', 'jumlah peserta BKR', 'the number of BKR participants'),
	('kkbpk', 'peserta_bkl', 'jumlah peserta BKL', 'the number of BKL participants'),
	('kkbpk', 'peserta_uppka', 'jumlah peserta UPPKA', 'the number of UPPKA participants'),
	('kkbpk', 'peserta_pikr', 'jumlah peserta PIK-R', 'the number of PIK-R participants'),
	('kkbpk', 'bpjs', 'jumlah peserta BPJS', 'the number of insured members (BPJS)'),
	('penduduk', 'keluarga', 'jumlah keluarga', 'the number of families'),
	('penduduk', 'keluarga_balita', 'jumlah keluarga dengan balita', 'the number of families with a toddler'),
	('penduduk', 'keluarga_remaja', 'jumlah keluarga dengan remaja', 'the number of families with a teenager'),
	('penduduk', 'keluarga_lansia', 'jumlah keluarga dengan lansia', 'the number of families with an elderly member'),
	('penduduk', 'pus', 'jumlah pasangan usia subur (PUS)', 'the number of couples of reproductive age'),
	('penduduk', 'remaja', 'jumlah remaja', 'the number of teenagers'),
	('profil', 'pokja_anggota', 'jumlah anggota pokja', 'the number of pokja members'),
	('peristiwa', 'umur_hari', 'umur saat meninggal (hari)', 'the age at death in days'),
	('nilai', 'nilai', 'nilai data', 'a data value')
  ) v(t, k, nama, nama_en);

-- lists that may not name an entry twice: CHECK (kkb._tanpa_duplikat(x))
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en)
SELECT pg_catalog.format('KKB-%s-%s-GANDA', pg_catalog.upper(t), pg_catalog.upper(pg_catalog.replace(k, '_', '-'))),
       'kendala', '23514', pg_catalog.format('%s_%s_check', t, k), t, k, 422,
       pg_catalog.format('daftar %s (%s) menyebut satu pilihan lebih dari sekali', nama, k),
       pg_catalog.format('the list of %s (%s) names an entry more than once', nama_en, k),
       'Pilih setiap pilihan paling banyak satu kali.', 'Name each entry at most once.'
  FROM (VALUES
	('profil', 'sumber_dana', 'sumber dana', 'funding sources'),
	('profil', 'poktan', 'kelompok kegiatan', 'activity groups'),
	('profil', 'sarana', 'sarana', 'facilities'),
	('profil', 'penggunaan_data', 'penggunaan data', 'data uses'),
	('profil', 'mekanisme_operasional', 'mekanisme operasional', 'operational mechanisms'),
	('intervensi', 'opd', 'OPD', 'agencies'),
	('intervensi', 'sasaran', 'sasaran', 'target groups')
  ) v(t, k, nama, nama_en);

-- references to a village that is not a Kampung KB: <table>_kode_desa_fkey
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en)
SELECT pg_catalog.format('KKB-%s-DESA-TIDAK-ADA', pg_catalog.upper(pg_catalog.replace(t, '_', '-'))),
       'kendala', '23503', pg_catalog.format('%s_kode_desa_fkey', t), t, 'kode_desa', 409,
       'desa ini belum terdaftar sebagai Kampung KB',
       pg_catalog.format('the village is not a Kampung KB (kkb.kampung), so it cannot have %s', nama_en),
       'Daftarkan Kampung KB desa ini terlebih dahulu, atau periksa kode desanya.',
       'Register the village in kkb.kampung first, or check the village code.'
  FROM (VALUES ('profil', 'a profile'), ('penduduk', 'a population report'), ('kkbpk', 'a KKBPK report'),
               ('intervensi', 'interventions'), ('periode_status', 'a month state'), ('keluarga', 'families'),
               ('peristiwa', 'vital events'), ('nilai', 'data values'), ('tenggat_kecualian', 'an exception to the expiry'),
               ('pengingat', 'reminders')) v(t, nama_en);

-- primary keys and unique keys: the same thing twice
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en)
SELECT pg_catalog.format('KKB-%s-GANDA', pg_catalog.ltrim(pg_catalog.upper(pg_catalog.replace(pg_catalog.regexp_replace(c, '_(pkey|key)$', ''), '_', '-')), '-')),
       'kendala', '23505', c, t, k, 409, pesan, pesan_en,
       'Perbarui data yang sudah ada alih-alih menambahkannya lagi.', 'Update the existing row instead of adding it again.'
  FROM (VALUES
	('wilayah', 'wilayah_pkey', 'kode', 'kode wilayah ini sudah ada', 'this region code already exists'),
	('kode', 'kode_pkey', 'kode', 'kode ini sudah ada dalam kelompoknya', 'this code already exists in its group'),
	('air_minum_layak', 'air_minum_layak_pkey', 'kode', 'sumber air minum ini sudah terdaftar', 'this water source is already listed'),
	('opd', 'opd_pkey', 'kode', 'kode OPD ini sudah ada', 'this agency code already exists'),
	('kampung', 'kampung_pkey', 'kode_desa', 'desa ini sudah terdaftar sebagai Kampung KB', 'the village is already a Kampung KB'),
	('profil', 'profil_pkey', 'periode', 'profil desa untuk bulan ini sudah ada', 'the village already has a profile for this month'),
	('penduduk', 'penduduk_pkey', 'periode', 'laporan kependudukan untuk bulan ini sudah ada', 'the village already has a population report for this month'),
	('kkbpk', 'kkbpk_pkey', 'periode', 'laporan KKBPK untuk bulan ini sudah ada', 'the village already has a KKBPK report for this month'),
	('intervensi', 'intervensi_pkey', 'id', 'nomor intervensi ini sudah dipakai', 'this intervention id is already used'),
	('periode_status', 'periode_status_pkey', 'periode', 'status bulan ini sudah ada', 'the month already has a state'),
	('keluarga', 'keluarga_pkey', 'no_kk', 'nomor KK ini sudah terdaftar di desa ini', 'this family card number is already recorded in the village'),
	('anggota', 'anggota_pkey', 'nik', 'NIK ini sudah terdaftar di desa ini', 'this NIK is already recorded in the village'),
	('pengukuran', 'pengukuran_pkey', 'tanggal_ukur', 'anak ini sudah diukur pada tanggal ini', 'the child already has a measurement on this date'),
	('peristiwa', 'peristiwa_pkey', 'id', 'nomor peristiwa ini sudah dipakai', 'this event id is already used'),
	('peristiwa', 'peristiwa_kode_desa_ref_key', 'ref', 'rujukan (ref) peristiwa ini sudah dipakai di desa ini', 'this event reference (ref) is already used in the village'),
	('peringatan', 'peringatan_pkey', 'id', 'nomor peringatan ini sudah dipakai', 'this warning id is already used'),
	('audit', 'audit_pkey', 'id', 'nomor catatan audit ini sudah dipakai', 'this audit entry id is already used'),
	('elemen_data', 'elemen_data_pkey', 'kode', 'kode elemen data ini sudah ada', 'this data item code already exists'),
	('elemen_data', 'elemen_data_urutan_key', 'urutan', 'urutan elemen data ini sudah dipakai', 'this data item position is already used'),
	('nilai', 'nilai_pkey', 'kode_elemen', 'nilai elemen ini untuk bulan ini sudah ada', 'the village already has a value of this item for this month'),
	('aturan_validasi', 'aturan_validasi_pkey', 'kode', 'kode aturan ini sudah ada', 'this rule code already exists'),
	('masalah_opd', 'masalah_opd_pkey', 'kode', 'kode masalah ini sudah ada', 'this problem code already exists'),
	('saran_pelaksana', 'saran_pelaksana_pkey', 'kunci', 'pelaksana kunci ini sudah ada', 'this key already has an owner'),
	('pencilan_ambang', 'pencilan_ambang_pkey', 'kode', 'ambang untuk wilayah, item dan metode ini sudah ada', 'this region, item and method already have a threshold'),
	('tenggat_laporan', 'tenggat_laporan_pkey', 'satu', 'tenggat laporan hanya satu baris', 'the deadline setting has one row only'),
	('tenggat_kecualian', 'tenggat_kecualian_pkey', 'periode', 'desa ini sudah punya pengecualian untuk bulan ini', 'the village already has an exception for this month'),
	('pengingat', 'pengingat_pkey', 'id', 'nomor pengingat ini sudah dipakai', 'this reminder id is already used'),
	('pengingat', 'pengingat_satu', 'jenis', 'pengingat jenis ini untuk desa dan bulan ini sudah ada', 'this reminder for the village and month is already queued'),
	('versi_desa', 'versi_desa_pkey', 'kode_desa', 'versi desa ini sudah tercatat', 'the village already has a version row'),
	('nilai_beku', 'nilai_beku_pkey', 'kode', 'nilai beku elemen ini untuk bulan ini sudah ada', 'the month already has a frozen value of this item'),
	('_sinkron_tabel', '_sinkron_tabel_pkey', 'tabel', 'tabel sinkron ini sudah terdaftar', 'this bulk-sync table is already registered'),
	('versi_acuan', 'versi_acuan_pkey', 'satu', 'versi data acuan sudah tercatat', 'the reference version row already exists'),
	('_kunci_sebaran', '_kunci_sebaran_pkey', 'dibuat_pada', 'kunci penanda dengan waktu ini sudah ada', 'a signing key made at this time already exists'),
	('token', 'token_pkey', 'id', 'nomor token ini sudah dipakai', 'this token id is already used'),
	('token', 'token_hash_key', 'hash', 'token ini sudah ada', 'this token already exists'),
	('indikator_bulanan', 'indikator_bulanan_pkey', 'periode', 'indikator desa untuk bulan ini sudah tersimpan', 'the village''s indicators of this month are already stored')
  ) v(t, c, k, pesan, pesan_en);

-- everything else, one by one
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en) VALUES
	-- domains (no table)
	('KKB-PERIODE-AWAL-BULAN', 'kendala', '23514', 'bulan_hari_pertama', NULL, 'periode', 422,
	 'periode harus tanggal 1 suatu bulan', 'a period (kkb.bulan) must be the first day of a month',
	 'Tulis bulannya sebagai YYYY-MM atau tanggal 1, mis. 2026-10-01.', 'Give the month as its first day, e.g. 2026-10-01.'),
	('KKB-KODE-DESA-BUKAN-DESA', 'kendala', '23514', 'kode_desa_tingkat_desa', NULL, 'kode_desa', 422,
	 'kode ini bukan kode desa atau kelurahan', 'a village code (kkb.kode_desa) must be a village-level region code',
	 'Kode desa berbentuk PP.KK.CC.DDDD, mis. 13.77.01.1001.', 'A village code looks like PP.KK.CC.DDDD, e.g. 13.77.01.1001.'),
	-- reference tables
	('KKB-WILAYAH-TINGKAT', 'kendala', '23514', 'wilayah_check', 'wilayah', 'tingkat', 422,
	 'tingkat wilayah tidak sesuai dengan kodenya', 'the level of a region must be the level of its code', NULL, NULL),
	('KKB-WILAYAH-INDUK', 'kendala', '23514', 'wilayah_check1', 'wilayah', 'induk', 422,
	 'induk wilayah tidak sesuai dengan kodenya', 'the parent of a region must be the parent of its code', NULL, NULL),
	('KKB-WILAYAH-INDUK-TIDAK-ADA', 'kendala', '23503', 'wilayah_induk_fkey', 'wilayah', 'induk', 409,
	 'wilayah induknya belum terdaftar', 'the parent region is not in kkb.wilayah', NULL, NULL),
	('KKB-KODE-FORMAT', 'kendala', '23514', 'kode_kode_check', 'kode', 'kode', 422,
	 'kode hanya boleh berisi huruf kecil, angka dan garis bawah', 'a code may only contain lower-case letters, digits and underscores', NULL, NULL),
	('KKB-OPD-KODE-FORMAT', 'kendala', '23514', 'opd_kode_check', 'opd', 'kode', 422,
	 'kode OPD hanya boleh berisi huruf kecil, angka dan garis bawah', 'an agency code may only contain lower-case letters, digits and underscores', NULL, NULL),
	('KKB-KUNCI-SEBARAN-PANJANG', 'kendala', '23514', '_kunci_sebaran_kunci_check', '_kunci_sebaran', 'kunci', 422,
	 'kunci penanda klaster harus 16 sampai 64 byte', 'the cluster''s signing key must be 16 to 64 bytes',
	 'Buat kuncinya dengan SELECT kkb.sebarkan_akses(kunci_baru => true).', 'Make it with SELECT kkb.sebarkan_akses(kunci_baru => true).'),
	-- the village tables
	('KKB-KAMPUNG-BUJUR', 'kendala', '23514', 'kampung_bujur_check', 'kampung', 'bujur', 422,
	 'bujur berada di luar Indonesia (harus 94 sampai 142)', 'the longitude is outside Indonesia (94 to 142)',
	 'Periksa titik koordinatnya; bujur Kota Pariaman sekitar 100,1.', 'Check the coordinates: longitudes in Indonesia are 94 to 142.'),
	('KKB-KAMPUNG-LINTANG', 'kendala', '23514', 'kampung_lintang_check', 'kampung', 'lintang', 422,
	 'lintang berada di luar Indonesia (harus -11 sampai 6)', 'the latitude is outside Indonesia (-11 to 6)',
	 'Periksa titik koordinatnya; lintang di selatan khatulistiwa bernilai negatif.', 'Check the coordinates: latitudes in Indonesia are -11 to 6.'),
	('KKB-KAMPUNG-NAMA-KOSONG', 'kendala', '23514', 'kampung_nama_check', 'kampung', 'nama', 422,
	 'nama Kampung KB tidak boleh kosong', 'the name of a Kampung KB cannot be blank', 'Isi nama Kampung KB.', 'Give the name.'),
	('KKB-KAMPUNG-DESA-TIDAK-ADA', 'kendala', '23503', 'kampung_kode_desa_fkey', 'kampung', 'kode_desa', 409,
	 'kode desa tidak ada dalam daftar wilayah nasional', 'the village code is not in the national region list (kkb.wilayah)',
	 'Periksa kode desanya pada daftar wilayah Kemendagri.', 'Check the code against kkb.wilayah.'),
	('KKB-PROFIL-POKJA', 'kendala', '23514', 'profil_check', 'profil', 'pokja_anggota', 422,
	 'anggota atau pelatihan pokja diisi, padahal pokja belum ada', 'pokja members or training are given while there is no pokja (pokja_ada is false)',
	 'Centang "pokja ada", atau kosongkan jumlah anggota dan pelatihan pokja.', 'Set pokja_ada, or leave pokja_anggota and pokja_terlatih empty.'),
	('KKB-PENDUDUK-KELUARGA-SEBAGIAN', 'kendala', '23514', 'penduduk_check', 'penduduk', 'keluarga', 422,
	 'keluarga dengan balita, remaja atau lansia melebihi jumlah seluruh keluarga', 'families with a toddler, a teenager or an elderly member outnumber all families',
	 'Jumlah keluarga harus paling sedikit sebanyak setiap kelompok keluarga.', 'keluarga must be at least each of keluarga_balita, keluarga_remaja and keluarga_lansia.'),
	('KKB-PENDUDUK-LAKI-LAKI-UMUR', 'kendala', '23514', 'penduduk_laki_laki_check', 'penduduk', 'laki_laki', 422,
	 'jumlah laki-laki harus 16 kelompok umur dan tidak boleh negatif', 'laki_laki must have 16 age groups, none negative',
	 'Isi 16 kelompok umur lima tahunan (0-4 sampai 75+), masing-masing 0 atau lebih.', 'Give 16 five-year age groups (0-4 ... 75+), each 0 or more.'),
	('KKB-PENDUDUK-PEREMPUAN-UMUR', 'kendala', '23514', 'penduduk_perempuan_check', 'penduduk', 'perempuan', 422,
	 'jumlah perempuan harus 16 kelompok umur dan tidak boleh negatif', 'perempuan must have 16 age groups, none negative',
	 'Isi 16 kelompok umur lima tahunan (0-4 sampai 75+), masing-masing 0 atau lebih.', 'Give 16 five-year age groups (0-4 ... 75+), each 0 or more.'),
	('KKB-INTERVENSI-JUDUL-KOSONG', 'kendala', '23514', 'intervensi_judul_check', 'intervensi', 'judul', 422,
	 'judul intervensi tidak boleh kosong', 'the title of an intervention cannot be blank', 'Tulis judul kegiatannya.', 'Give a title.'),
	('KKB-INTERVENSI-TANGGAL', 'kendala', '23514', 'intervensi_tanggal_wajar', 'intervensi', 'tanggal', 422,
	 'tanggal intervensi harus antara tahun 2000 dan 2099', 'the date of an intervention must be between 2000 and 2099',
	 'Periksa tahunnya.', 'Check the year.'),
	('KKB-KELUARGA-RT', 'kendala', '23514', 'keluarga_rt_check', 'keluarga', 'rt', 422,
	 'nomor RT harus 1 sampai 999', 'rt must be 1 to 999', NULL, NULL),
	('KKB-KELUARGA-RW', 'kendala', '23514', 'keluarga_rw_check', 'keluarga', 'rw', 422,
	 'nomor RW harus 1 sampai 999', 'rw must be 1 to 999', NULL, NULL),
	('KKB-ANGGOTA-KB-DAN-ALASAN', 'kendala', '23514', 'anggota_check', 'anggota', 'alasan_tidak_kb', 422,
	 'alat kontrasepsi dan alasan tidak ber-KB diisi bersamaan', 'a member has both a contraceptive method and a reason for not using one',
	 'Isi salah satu saja: alat kontrasepsi, atau alasan tidak ber-KB.', 'Give either kontrasepsi or alasan_tidak_kb.'),
	('KKB-ANGGOTA-JENIS-KELAMIN', 'kendala', '23514', 'anggota_jenis_kelamin_check', 'anggota', 'jenis_kelamin', 422,
	 'jenis kelamin harus L atau P', 'jenis_kelamin must be L or P', NULL, NULL),
	('KKB-ANGGOTA-KELUARGA-TIDAK-ADA', 'kendala', '23503', 'anggota_kode_desa_no_kk_fkey', 'anggota', 'no_kk', 409,
	 'keluarga dengan nomor KK ini belum terdaftar di desa ini', 'the family card number is not a family of the village',
	 'Daftarkan keluarganya (kkb.keluarga) terlebih dahulu; nomor KK yang masih dipakai anggota diganti dengan kkb.ganti_no_kk.',
	 'Add the family to kkb.keluarga first; a number still used by members is renumbered with kkb.ganti_no_kk.'),
	('KKB-ANGGOTA-NAMA-KOSONG', 'kendala', '23514', 'anggota_nama_check', 'anggota', 'nama', 422,
	 'nama anggota keluarga tidak boleh kosong', 'the name of a member cannot be blank', NULL, NULL),
	('KKB-PENGUKURAN-CARA-UKUR', 'kendala', '23514', 'pengukuran_cara_ukur_check', 'pengukuran', 'cara_ukur', 422,
	 'cara ukur harus telentang atau berdiri', 'cara_ukur must be telentang or berdiri', NULL, NULL),
	('KKB-PENGUKURAN-JENIS-KELAMIN', 'kendala', '23514', 'pengukuran_jenis_kelamin_check', 'pengukuran', 'jenis_kelamin', 422,
	 'jenis kelamin harus L atau P', 'jenis_kelamin must be L or P', NULL, NULL),
	('KKB-NILAI-BEKU-BULAN-TIDAK-ADA', 'kendala', '23503', 'nilai_beku_kode_desa_periode_fkey', 'nilai_beku', 'periode', 409,
	 'bulan ini belum disetujui, jadi belum punya nilai beku', 'the month has no state, so it has no frozen values',
	 'Nilai beku dibuat sendiri saat bulan disetujui.', 'Frozen values are made when the month is approved.'),
	('KKB-PENGUKURAN-ANGGOTA-TIDAK-ADA', 'kendala', '23503', 'pengukuran_kode_desa_nik_fkey', 'pengukuran', 'nik', 409,
	 'anak dengan NIK ini belum terdaftar sebagai anggota keluarga di desa ini', 'the NIK is not a member of the village',
	 'Daftarkan anak itu sebagai anggota keluarga terlebih dahulu; NIK anak yang sudah diukur diganti dengan kkb.ganti_nik.',
	 'Add the child to kkb.anggota first; a measured child''s NIK is changed with kkb.ganti_nik.'),
	('KKB-PERISTIWA-UMUR-BUKAN-KEMATIAN', 'kendala', '23514', 'peristiwa_check', 'peristiwa', 'umur_hari', 422,
	 'umur saat meninggal atau kematian ibu hanya diisi untuk peristiwa kematian', 'umur_hari and kematian_ibu belong to deaths only', NULL, NULL),
	('KKB-PERISTIWA-LAHIR-TANPA-IBU', 'kendala', '23514', 'peristiwa_check1', 'peristiwa', 'nik_ibu', 422,
	 'kelahiran harus menyebut NIK ibu atau keterangan', 'a birth needs the mother''s NIK or a note (keterangan)',
	 'Isi NIK ibu; bila tidak ada, tulis keterangannya.', 'Give nik_ibu, or explain in keterangan.'),
	('KKB-PERISTIWA-JENIS-KELAMIN', 'kendala', '23514', 'peristiwa_jenis_kelamin_check', 'peristiwa', 'jenis_kelamin', 422,
	 'jenis kelamin harus L atau P', 'jenis_kelamin must be L or P', NULL, NULL),
	('KKB-PERISTIWA-REF-FORMAT', 'kendala', '23514', 'peristiwa_ref_check', 'peristiwa', 'ref', 422,
	 'rujukan (ref) peristiwa hanya boleh berisi huruf, angka dan . _ : - (paling panjang 64)', 'ref must be 1 to 64 letters, digits or . _ : -', NULL, NULL),
	('KKB-NILAI-ELEMEN-TIDAK-ADA', 'kendala', '23503', 'nilai_kode_elemen_fkey', 'nilai', 'kode_elemen', 409,
	 'kode elemen data tidak ada dalam katalog', 'the item code is not in the catalogue (kkb.elemen_data)',
	 'Lihat daftar 40 elemen data pada profil desa.', 'SELECT kode, nama FROM kkb.elemen_data lists the item codes.'),
	-- catalogues and rules (administrators)
	('KKB-INDIKATOR-PERIODE', 'kendala', '23514', 'indikator_bulanan_periode_check', 'indikator_bulanan', 'periode', 422,
	 'bulan indikator harus tanggal 1 suatu bulan', 'the month of stored indicators must be the first day of a month', NULL, NULL),
	('KKB-AUDIT-OPERASI', 'kendala', '23514', 'audit_operasi_check', 'audit', 'operasi', 422,
	 'operasi audit harus INSERT, UPDATE atau DELETE', 'an audit operation is INSERT, UPDATE or DELETE', NULL, NULL),
	('KKB-ELEMEN-DATA-KODE-FORMAT', 'kendala', '23514', 'elemen_data_kode_check', 'elemen_data', 'kode', 422,
	 'kode elemen data harus diawali huruf kecil dan berisi huruf kecil, angka, garis bawah', 'an item code starts with a lower-case letter and has lower-case letters, digits, underscores', NULL, NULL),
	('KKB-ATURAN-KEPENTINGAN', 'kendala', '23514', 'aturan_validasi_kepentingan_check', 'aturan_validasi', 'kepentingan', 422,
	 'kepentingan aturan harus tinggi, sedang atau rendah', 'kepentingan must be tinggi, sedang or rendah', NULL, NULL),
	('KKB-ATURAN-KODE-FORMAT', 'kendala', '23514', 'aturan_validasi_kode_check', 'aturan_validasi', 'kode', 422,
	 'kode aturan hanya boleh berisi huruf kecil, angka dan garis bawah', 'a rule code may only contain lower-case letters, digits and underscores', NULL, NULL),
	('KKB-ATURAN-OPERATOR', 'kendala', '23514', 'aturan_validasi_operator_check', 'aturan_validasi', 'operator', 422,
	 'operator aturan harus ==, !=, <, <=, > atau >=', 'operator must be ==, !=, <, <=, > or >=', NULL, NULL),
	('KKB-ATURAN-STRATEGI', 'kendala', '23514', 'aturan_validasi_strategi_check', 'aturan_validasi', 'strategi', 422,
	 'strategi nilai kosong tidak dikenal', 'strategi must be lewati_jika_ada_kosong, lewati_jika_semua_kosong or tidak_pernah_lewati', NULL, NULL),
	('KKB-MASALAH-ARAH', 'kendala', '23514', 'masalah_opd_arah_check', 'masalah_opd', 'arah', 422,
	 'arah masalah harus maks atau min', 'arah must be maks or min', NULL, NULL),
	('KKB-MASALAH-KODE-FORMAT', 'kendala', '23514', 'masalah_opd_kode_check', 'masalah_opd', 'kode', 422,
	 'kode masalah hanya boleh berisi huruf kecil, angka dan garis bawah', 'a problem code may only contain lower-case letters, digits and underscores', NULL, NULL),
	('KKB-MASALAH-OPD-TIDAK-ADA', 'kendala', '23503', 'masalah_opd_opd_fkey', 'masalah_opd', 'opd', 409,
	 'OPD ini tidak dikenal', 'the agency is not in kkb.opd', NULL, NULL),
	('KKB-SARAN-OPD-TIDAK-ADA', 'kendala', '23503', 'saran_pelaksana_opd_fkey', 'saran_pelaksana', 'opd', 409,
	 'OPD ini tidak dikenal', 'the agency is not in kkb.opd', NULL, NULL),
	('KKB-SARAN-LEMBAGA', 'kendala', '23514', 'saran_pelaksana_lembaga_check', 'saran_pelaksana', 'lembaga', 422,
	 'lembaga desa harus pemerintah_desa atau pokja', 'lembaga must be pemerintah_desa or pokja', NULL, NULL),
	('KKB-SARAN-SATU-PELAKSANA', 'kendala', '23514', 'saran_pelaksana_satu', 'saran_pelaksana', 'opd', 422,
	 'isi tepat satu pelaksana: opd atau lembaga', 'give exactly one owner: opd or lembaga', NULL, NULL),
	('KKB-AMBANG-WILAYAH-TIDAK-ADA', 'kendala', '23503', 'pencilan_ambang_lingkup_fkey', 'pencilan_ambang', 'lingkup', 409,
	 'wilayah ini tidak dikenal', 'the region is not in kkb.wilayah', NULL, NULL),
	('KKB-AMBANG-KODE', 'kendala', '23514', 'pencilan_ambang_kode_check', 'pencilan_ambang', 'kode', 422,
	 'kode item harus huruf kecil, angka dan garis bawah, atau *', 'kode must be lower-case letters, digits and underscores, or *', NULL, NULL),
	('KKB-AMBANG-METODE', 'kendala', '23514', 'pencilan_ambang_metode_check', 'pencilan_ambang', 'metode', 422,
	 'metode harus mz, z atau minmaks', 'metode must be mz, z or minmaks', NULL, NULL),
	('KKB-AMBANG-POSITIF', 'kendala', '23514', 'pencilan_ambang_ambang_check', 'pencilan_ambang', 'ambang', 422,
	 'ambang harus lebih dari 0', 'ambang must be above 0', NULL, NULL),
	('KKB-TENGGAT-SATU', 'kendala', '23514', 'tenggat_laporan_satu_check', 'tenggat_laporan', 'satu', 422,
	 'tenggat laporan hanya satu baris', 'the deadline setting has one row only', NULL, NULL),
	('KKB-TENGGAT-HARI', 'kendala', '23514', 'tenggat_laporan_hari_check', 'tenggat_laporan', 'hari', 422,
	 'hari tenggat harus 1 sampai 28', 'hari must be 1 to 28', NULL, NULL),
	('KKB-TENGGAT-KEDALUWARSA', 'kendala', '23514', 'tenggat_laporan_kedaluwarsa_hari_check', 'tenggat_laporan', 'kedaluwarsa_hari', 422,
	 'kedaluwarsa_hari tidak boleh negatif', 'kedaluwarsa_hari cannot be negative', NULL, NULL),
	('KKB-TENGGAT-ZONA', 'kendala', '23514', 'tenggat_laporan_zona_check', 'tenggat_laporan', 'zona', 422,
	 'zona waktu tidak dikenal', 'unknown time zone', 'Gunakan nama zona seperti Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).',
	 'Use a zone name such as Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).'),
	('KKB-KECUALIAN-ALASAN', 'kendala', '23514', 'tenggat_kecualian_alasan_check', 'tenggat_kecualian', 'alasan', 422,
	 'alasan pengecualian harus diisi', 'an exception needs a reason', NULL, NULL),
	('KKB-PENGINGAT-JENIS', 'kendala', '23514', 'pengingat_jenis_check', 'pengingat', 'jenis', 422,
	 'jenis pengingat harus sebelum_tenggat atau terlambat', 'jenis must be sebelum_tenggat or terlambat', NULL, NULL),
	('KKB-VERSI-ACUAN-SATU', 'kendala', '23514', 'versi_acuan_satu_check', 'versi_acuan', 'satu', 422,
	 'versi data acuan hanya satu baris', 'the reference version has one row only', NULL, NULL),
	-- tokens (administrators)
	('KKB-TOKEN-PERLU-WILAYAH', 'kendala', '23514', 'token_check', 'token', 'wilayah', 422,
	 'token peran ini memerlukan cakupan wilayah', 'a token of this role needs a region scope', NULL, NULL),
	('KKB-TOKEN-OPD-BUKAN-OPD', 'kendala', '23514', 'token_check1', 'token', 'opd', 422,
	 'hanya token kkb_opd yang menyebut OPD', 'only a kkb_opd token names an agency', NULL, NULL),
	('KKB-TOKEN-HASH', 'kendala', '23514', 'token_hash_check', 'token', 'hash', 422,
	 'hash token harus 32 bait (SHA-256)', 'a token hash is 32 bytes (SHA-256)', NULL, NULL),
	('KKB-TOKEN-LABEL', 'kendala', '23514', 'token_label_check', 'token', 'label', 422,
	 'label token tidak boleh kosong dan paling panjang 200 bait', 'a token label cannot be blank and has at most 200 bytes', NULL, NULL),
	('KKB-TOKEN-OPD-TIDAK-ADA', 'kendala', '23503', 'token_opd_fkey', 'token', 'opd', 409,
	 'OPD token ini tidak dikenal', 'the token''s agency is not in kkb.opd', NULL, NULL),
	('KKB-TOKEN-PERAN', 'kendala', '23514', 'token_peran_check', 'token', 'peran', 422,
	 'peran token tidak dikenal', 'unknown token role', NULL, NULL),
	('KKB-TOKEN-WILAYAH-TIDAK-ADA', 'kendala', '23503', 'token_wilayah_fkey', 'token', 'wilayah', 409,
	 'wilayah token ini tidak ada dalam daftar wilayah nasional', 'the token''s region is not in kkb.wilayah', NULL, NULL),
	('KKB-LINGKUP-LOGIN-GANDA', 'kendala', '23505', 'lingkup_login_pkey', 'lingkup_login', 'peran', 409,
	 'login ini sudah punya lingkup wilayah', 'this login already has a region scope',
	 'Ubah lingkupnya dengan kkb.lingkup_login_atur.', 'Change it with kkb.lingkup_login_atur.'),
	('KKB-IDEMPOTENSI-GANDA', 'kendala', '23505', 'idempotensi_pkey', 'idempotensi', 'kunci', 409,
	 'Idempotency-Key ini sedang dipakai permintaan lain', 'this Idempotency-Key is in use by another request',
	 'Ulangi permintaannya: jawabannya adalah jawaban permintaan pertama.', 'Repeat the request: its answer is the first request''s answer.'),
	('KKB-IDEMPOTENSI-KUNCI-SALAH', 'kendala', '23514', 'idempotensi_kunci_check', 'idempotensi', 'kunci', 422,
	 'Idempotency-Key harus 1 sampai 255 karakter ASCII yang terlihat', 'an Idempotency-Key is 1 to 255 visible ASCII characters',
	 'Pakai mis. UUID acak per catatan, dan kirim ulang dengan kunci yang sama.', 'Use e.g. a random UUID per record, and retry with the same key.');

-- photos of an intervention (50_foto_intervensi.sql): what the database reads from the image itself
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-FOTO-JENIS', 'kendala', '23514', 'intervensi_foto_jenis', 'intervensi_foto', 'isi', 422,
	 'foto harus gambar JPEG, PNG atau WebP', 'a photo must be a JPEG, PNG or WebP image',
	 'Pilih berkas foto (JPEG, PNG atau WebP).', 'Send a JPEG, PNG or WebP image (read from its first bytes).'),
	('KKB-FOTO-PIKSEL', 'kendala', '23514', 'intervensi_foto_piksel', 'intervensi_foto', 'isi', 422,
	 'ukuran gambar tidak terbaca atau sisi terpanjangnya lebih dari 1280 piksel',
	 'the image''s width and height cannot be read, or its longest side is over 1280 px',
	 'Perkecil foto sampai sisi terpanjangnya paling banyak 1280 piksel.', 'Resize it to at most 1280 px on its longest side.'),
	('KKB-FOTO-UKURAN', 'kendala', '23514', 'intervensi_foto_ukuran', 'intervensi_foto', 'isi', 422,
	 'foto lebih besar dari 300 KB', 'a photo is at most 300 KB (307200 bytes)',
	 'Perkecil atau kompres foto sampai paling banyak 300 KB.', 'Resize or compress it to at most 300 KB.'),
	('KKB-FOTO-INTERVENSI-TIDAK-ADA', 'kendala', '23503', 'intervensi_foto_intervensi_fkey', 'intervensi_foto', 'intervensi_id', 409,
	 'intervensi ini tidak ada', 'no such intervention for the photo', NULL, NULL),
	('KKB-FOTO-GANDA', 'kendala', '23505', 'intervensi_foto_pkey', 'intervensi_foto', 'id', 409,
	 'foto ini sudah ada', 'this photo already exists', NULL, NULL);

-- ---------------------------------------------------------------- the extension's own checks and RAISEs
-- Matched by SQLSTATE, table, column and a pattern over the English message
-- (which keeps naming the values for developers and logs).
INSERT INTO kkb.galat (kode, asal, sqlstate, tabel, kolom, pola, status, pesan, pesan_en, saran, saran_en) VALUES
	-- row checks of the by-name tables (kkb._validasi, 23514 on a column)
	('KKB-ANGGOTA-LAHIR-MASA-DEPAN', 'aturan', '23514', 'anggota', 'tanggal_lahir', '^tanggal_lahir (\S+) is in the future$', 422,
	 'tanggal lahir \1 ada di masa depan', NULL, 'Periksa tahunnya: tahun dua angka mungkin terbaca pada abad yang salah.', NULL),
	('KKB-ANGGOTA-LAHIR-NIK', 'aturan', '23514', 'anggota', 'tanggal_lahir', '^tanggal_lahir ', 422,
	 'tanggal lahir tidak sesuai dengan NIK', NULL, 'Periksa NIK pada kartu keluarga dan tanggal lahir anggota ini.', NULL),
	('KKB-ANGGOTA-KELAMIN-NIK', 'aturan', '23514', 'anggota', 'jenis_kelamin', '^jenis_kelamin \S+ does not match nik ', 422,
	 'jenis kelamin tidak sesuai dengan NIK', NULL, 'Periksa NIK pada kartu keluarga dan jenis kelamin anggota ini (perempuan: tanggal lahir + 40).', NULL),
	('KKB-ANGGOTA-HAMIL-LAKI-LAKI', 'aturan', '23514', 'anggota', 'hamil', '^hamil is true for a male member', 422,
	 'anggota laki-laki tidak dapat dicatat hamil', NULL, 'Catat kehamilan pada anggota perempuan.', NULL),
	('KKB-ANGGOTA-KB-UMUR', 'aturan', '23514', 'anggota', 'kontrasepsi', '^kontrasepsi recorded for a member aged (-?[0-9]+)', 422,
	 'alat kontrasepsi dicatat untuk anggota berumur \1 tahun (hanya 10 sampai 54 tahun)', NULL, 'Periksa tanggal lahirnya, atau kosongkan alat kontrasepsi.', NULL),
	('KKB-KELUARGA-NO-KK-WILAYAH', 'aturan', '23514', 'keluarga', 'no_kk', 'malformed region of issue', 422,
	 'wilayah penerbitan pada nomor KK tidak sah', NULL, 'Enam angka pertama nomor KK adalah kode provinsi, kabupaten/kota dan kecamatan.', NULL),
	('KKB-KELUARGA-NO-KK-MASA-DEPAN', 'aturan', '23514', 'keluarga', 'no_kk', 'issue date in the future', 422,
	 'tanggal terbit nomor KK ada di masa depan', NULL, 'Periksa nomor KK pada kartu keluarga.', NULL),
	('KKB-PENGUKURAN-MASA-DEPAN', 'aturan', '23514', 'pengukuran', 'tanggal_ukur', '^tanggal_ukur (\S+) is in the future$', 422,
	 'tanggal ukur \1 ada di masa depan', NULL, 'Periksa tanggal pengukurannya.', NULL),
	('KKB-PENGUKURAN-SEBELUM-LAHIR', 'aturan', '23514', 'pengukuran', 'tanggal_ukur', '^tanggal_ukur (\S+) is before the child''s birth$', 422,
	 'tanggal ukur \1 sebelum anak lahir', NULL, 'Periksa tanggal pengukuran dan tanggal lahir anak.', NULL),
	('KKB-PENGUKURAN-BUKAN-BALITA', 'aturan', '23514', 'pengukuran', 'tanggal_ukur', '^the child is ([0-9]+) days \(([0-9]+) months\) old', 422,
	 'anak berumur \2 bulan saat diukur: pengukuran hanya untuk balita (di bawah 60 bulan)', NULL, 'Pemantauan pertumbuhan mencatat anak di bawah lima tahun saja.', NULL),
	('KKB-PENGUKURAN-TANPA-UKURAN', 'aturan', '23514', 'pengukuran', 'berat_kg', 'both missing', 422,
	 'berat badan dan tinggi badan keduanya kosong', NULL, 'Isi berat badan, panjang/tinggi badan, atau keduanya.', NULL),
	('KKB-PENGUKURAN-BERAT', 'aturan', '23514', 'pengukuran', 'berat_kg', '^berat_kg (\S+) is outside', 422,
	 'berat badan \1 kg di luar batas 0,5 sampai 60 kg', NULL, 'Berat badan dalam kilogram, mis. 9.4.', NULL),
	('KKB-PENGUKURAN-TINGGI', 'aturan', '23514', 'pengukuran', 'tinggi_cm', '^tinggi_cm (\S+) is outside', 422,
	 'panjang/tinggi badan \1 cm di luar batas 35 sampai 150 cm', NULL, 'Panjang atau tinggi badan dalam sentimeter, mis. 74.5.', NULL),
	('KKB-PENGUKURAN-LILA', 'aturan', '23514', 'pengukuran', 'lila_cm', '^lila_cm (\S+) is outside', 422,
	 'lingkar lengan atas \1 cm di luar batas 5 sampai 50 cm', NULL, 'Lingkar lengan atas dalam sentimeter, mis. 14.2.', NULL),
	-- the month's workflow and lock (kkb._kunci_periode, kkb._alur_periode, kkb._ke_status)
	('KKB-PERIODE-TERKUNCI', 'aturan', '55000', NULL, NULL, '^period (\S+) of village (\S+) is (\S+): its data can no longer be changed$', 409,
	 'data bulan \1 desa \2 sudah \3 dan tidak dapat diubah lagi', NULL, 'Administrator dapat membuka kembali bulan itu.', NULL),
	('KKB-LAPORAN-KEDALUWARSA', 'aturan', '55000', NULL, NULL, '^the reports of (\S+) for village (\S+) expired at (.+)$', 409,
	 'laporan bulan \1 desa \2 sudah kedaluwarsa (\3) dan tidak dapat diubah lagi', NULL,
	 'Administrator dapat memberi pengecualian (kkb.tenggat_kecualian) bila ada alasan.', NULL),
	('KKB-PERIODE-LANGKAH', 'aturan', '55000', NULL, NULL, '^period (\S+) of village (\S+) is (\S+): it cannot become (\S+)$', 409,
	 'bulan \1 desa \2 berstatus \3 dan tidak dapat menjadi \4', NULL, 'Urutannya: draf, diajukan, disetujui, dikunci; administrator dapat membuka kembali suatu bulan.', NULL),
	('KKB-PERIODE-PERAN', 'aturan', '42501', NULL, NULL, '^role (\S+) may not change period (\S+) of village (\S+) from (\S+) to (\S+)$', 403,
	 'peran \1 tidak boleh mengubah bulan \2 desa \3 dari \4 menjadi \5', NULL, NULL, NULL),
	('KKB-PERIODE-KUNCI-TETAP', 'aturan', '23514', 'periode_status', NULL, '^the village and month of a period state cannot change$', 422,
	 'desa dan bulan suatu status tidak dapat diubah', NULL, NULL, NULL),
	('KKB-DESA-BUKAN-KAMPUNG', 'aturan', 'P0002', NULL, NULL, '^village (\S+) is not a Kampung KB', 404,
	 'desa \1 bukan Kampung KB (atau di luar cakupan Anda)', NULL, NULL, NULL),
	-- changing an intervention (kkb.api_intervensi_ubah, 39_pemilik_intervensi.sql): whose it is, and the version
	-- the client read (If-Match; KK412/KK428 are the extension's own SQLSTATEs for HTTP's 412 and 428)
	('KKB-INTERVENSI-MILIK-OPD', 'aturan', '42501', NULL, NULL,
	 '^intervention (\S+) of village (\S+) was recorded by agency (\S+): only that agency or an administrator may change it$', 403,
	 'intervensi \1 desa \2 dicatat oleh OPD \3: hanya OPD itu atau administrator yang dapat mengubahnya', NULL,
	 'Bila OPD Anda ikut melaksanakannya, catat sebagai intervensi baru.', NULL),
	('KKB-INTERVENSI-MILIK-DESA', 'aturan', '42501', NULL, NULL,
	 '^intervention (\S+) of village (\S+) was recorded by the village or an administrator: only its pokja or an administrator may change it$', 403,
	 'intervensi \1 desa \2 dicatat oleh Pokja desa atau administrator: hanya Pokja desa itu atau administrator yang dapat mengubahnya', NULL,
	 'Bila OPD Anda ikut melaksanakannya, catat sebagai intervensi baru.', NULL),
	('KKB-FOTO-LIMA', 'aturan', '23514', 'intervensi_foto', NULL, '^intervention (\S+) of village (\S+) has 5 photos already$', 422,
	 'intervensi \1 desa \2 sudah punya 5 foto', NULL, 'Hapus salah satu foto sebelum menambah yang baru.', NULL),
	('KKB-VERSI-DIPERLUKAN', 'aturan', 'KK428', NULL, NULL, '^intervention (\S+) of village (\S+) is changed only with If-Match', 428,
	 'intervensi \1 desa \2 hanya dapat diubah dengan If-Match: versi yang Anda baca', NULL,
	 'Kirim header If-Match berisi versi intervensi saat dibaca (kolom versi), atau * untuk menimpanya apa pun isinya sekarang.', NULL),
	('KKB-VERSI-BERUBAH', 'aturan', 'KK412', NULL, NULL, '^intervention (\S+) of village (\S+) changed since version (\S+)$', 412,
	 'intervensi \1 desa \2 sudah diubah orang lain sejak Anda membacanya', 'intervention \1 of village \2 changed since version \3 was read',
	 'Bandingkan isinya sekarang (sekarang) dengan perubahan Anda, lalu kirim lagi dengan If-Match versi_sekarang.',
	 'Compare the stored row (sekarang) with your change, then send it again with If-Match: versi_sekarang.'),
	-- saving a monthly report with If-Match (the version read) or If-None-Match: * (the month was empty when read)
	('KKB-LAPORAN-BERUBAH', 'aturan', 'KK412', NULL, NULL, '^the (\S+) report of village (\S+) for (\S+) changed since version (\S+) was read$', 412,
	 'laporan \1 desa \2 bulan \3 sudah diubah orang lain sejak Anda membukanya', 'the \1 report of village \2 for \3 changed since version \4 was read',
	 'Bandingkan isinya sekarang (sekarang) dengan isian Anda, lalu kirim lagi dengan If-Match versi_sekarang.',
	 'Compare the stored report (sekarang) with yours, then send it again with If-Match: versi_sekarang.'),
	('KKB-LAPORAN-SUDAH-ADA', 'aturan', 'KK412', NULL, NULL, '^the (\S+) report of village (\S+) for (\S+) was saved since it was read empty$', 412,
	 'laporan \1 desa \2 bulan \3 sudah disimpan orang lain sejak Anda membuka formulirnya yang masih kosong', NULL,
	 'Bandingkan isinya sekarang (sekarang) dengan isian Anda, lalu kirim lagi dengan If-Match versi_sekarang.',
	 'Compare the stored report (sekarang) with yours, then send it again with If-Match: versi_sekarang.'),
	-- a new record (bulk sync with baru, a phone's queue) whose key is already stored with other values
	('KKB-SUDAH-TERSIMPAN', 'aturan', 'KK412', NULL, NULL, '^the (\S+) row with this key is already stored with other values$', 412,
	 'catatan \1 dengan kunci ini sudah tersimpan dengan isi lain (dicatat orang lain?)', 'a \1 row with this key is already stored with other values',
	 'Bandingkan dengan yang tersimpan (sekarang); kirim lagi tanpa baru=true untuk menimpanya, atau buang catatan ini.',
	 'Compare it with the stored row (sekarang); send it again without baru=true to overwrite it, or drop it.'),
	-- renumbering a family card or a NIK (37_ganti_nomor.sql)
	('KKB-NOMOR-BARU-SAMA', 'aturan', '22023', NULL, NULL, '^the new (no_kk|nik) (\S+) is the old one$', 400,
	 'nomor baru \2 sama dengan nomor lama', NULL, 'Kirim nomor yang baru.', NULL),
	('KKB-GANTI-KELUARGA-TIDAK-ADA', 'aturan', 'P0002', 'keluarga', 'no_kk', '^no family with no_kk (\S+) in village (\S+)$', 404,
	 'tidak ada keluarga dengan nomor KK \1 di desa \2', NULL, NULL, NULL),
	('KKB-GANTI-ANGGOTA-TIDAK-ADA', 'aturan', 'P0002', 'anggota', 'nik', '^no member with nik (\S+) in village (\S+)$', 404,
	 'tidak ada anggota keluarga dengan NIK \1 di desa \2', NULL, NULL, NULL),
	('KKB-GANTI-NO-KK-DIPAKAI', 'aturan', '23505', 'keluarga', 'no_kk', '^no_kk (\S+) is already a family of village (\S+)$', 409,
	 'nomor KK \1 sudah dipakai keluarga lain di desa \2', NULL,
	 'Untuk menggabungkan dua keluarga, pindahkan anggotanya ke nomor KK yang lain.', NULL),
	('KKB-GANTI-NIK-DIPAKAI', 'aturan', '23505', 'anggota', 'nik', '^nik (\S+) is already a member of village (\S+)$', 409,
	 'NIK \1 sudah dipakai anggota lain di desa \2', NULL,
	 'Satu orang hanya punya satu NIK: bila kedua catatan orang yang sama, hapus yang salah.', NULL),
	-- references checked by triggers
	('KKB-OPD-TIDAK-DIKENAL', 'aturan', '23503', NULL, 'opd', '^opd "([^"]*)" is not a known agency$', 409,
	 'OPD "\1" tidak dikenal', NULL, 'Pilih OPD dari daftar OPD kota.', NULL),
	('KKB-PENGUKURAN-BUKAN-ANGGOTA', 'aturan', '23503', 'pengukuran', 'nik', '^nik (\S+) is not a member of village (\S+)$', 409,
	 'NIK \1 bukan anggota keluarga di desa \2', NULL, 'Daftarkan anak itu sebagai anggota keluarga terlebih dahulu.', NULL),
	-- identifier types (22P02 from their input functions)
	('KKB-NIK-TIDAK-SAH', 'aturan', '22P02', NULL, NULL, '^invalid input syntax for type nik: "([^"]*)"', 400,
	 'NIK "\1" tidak sah', NULL, 'NIK terdiri dari 16 angka: kode wilayah, tanggal lahir (perempuan + 40) dan nomor urut.', NULL),
	('KKB-NO-KK-TIDAK-SAH', 'aturan', '22P02', NULL, NULL, '^invalid input syntax for type no_kk: "([^"]*)"', 400,
	 'nomor KK "\1" tidak sah', NULL, 'Nomor KK terdiri dari 16 angka: kode wilayah penerbitan, tanggal terbit dan nomor urut.', NULL),
	('KKB-KODE-WILAYAH-TIDAK-SAH', 'aturan', '22P02', NULL, NULL, '^invalid input syntax for type kode_wilayah: "([^"]*)"', 400,
	 'kode wilayah "\1" tidak sah', NULL, 'Kode wilayah berbentuk PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD, mis. 13.77.01.1001.', NULL),
	-- scopes and aggregates
	('KKB-DI-LUAR-CAKUPAN', 'aturan', '42501', NULL, NULL, '^region (\S+) is outside your scope (\S+)$', 403,
	 'wilayah \1 di luar cakupan Anda (\2)', NULL, 'Token Anda hanya berlaku untuk wilayahnya sendiri.', NULL),
	('KKB-CAKUPAN-TIDAK-ADA', 'aturan', '42501', NULL, NULL, '^no region scope is set for role', 403,
	 'token ini tidak memiliki cakupan wilayah', NULL, NULL, NULL),
	('KKB-CAKUPAN-HANYA-GERBANG', 'aturan', '42501', NULL, NULL, '^the region scope kkb.wilayah may only be set by the gateway', 403,
	 'cakupan wilayah hanya dapat diatur oleh gateway', NULL, NULL, NULL),
	('KKB-WILAYAH-TIDAK-ADA', 'aturan', 'P0002', NULL, NULL, '^region (\S+) is not in the national region list$', 404,
	 'wilayah \1 tidak ada dalam daftar wilayah nasional', NULL, 'Periksa kode wilayahnya, mis. 13 untuk Sumatera Barat atau 13.77 untuk Kota Pariaman.', NULL),
	('KKB-TINGKAT-TIDAK-SAH', 'aturan', '22023', NULL, NULL, '^level \(tingkat\) (\S+) is not between (\S+) \(the region itself\) and 4', 400,
	 'tingkat \1 harus antara \2 (wilayah itu sendiri) dan 4 (desa)', NULL, '1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa; mis. tingkat=2 dalam satu provinsi.', NULL),
	-- row-level security and rights
	('KKB-AKSES-BARIS', 'aturan', '42501', NULL, NULL, '^new row violates row-level security policy', 403,
	 'Anda tidak berhak menulis data ini', NULL, 'Setiap token hanya dapat mengubah data desa dalam cakupannya.', NULL),
	('KKB-AKSES-DITOLAK', 'aturan', '42501', NULL, NULL, '^permission denied for', 403,
	 'peran token ini tidak berhak atas data ini', NULL, 'Minta token dengan peran yang sesuai kepada administrator.', NULL),
	-- values the database cannot read (generic, naming the value; not the identifier types above,
	-- whose rows would otherwise lose to this one by code order)
	('KKB-NILAI-FORMAT', 'aturan', '22P02', NULL, NULL, '^invalid input syntax for type (?!nik:|no_kk:|kode_wilayah:)(\S+): "([^"]*)"', 400,
	 'nilai "\2" tidak sesuai jenis \1', NULL, NULL, NULL),
	('KKB-PILIHAN-TIDAK-DIKENAL', 'aturan', '22P02', NULL, NULL, '^invalid input value for enum (\S+): "([^"]*)"', 400,
	 'pilihan "\2" tidak dikenal untuk \1', NULL, NULL, NULL),
	('KKB-ANGKA-DI-LUAR-BATAS', 'aturan', '22003', NULL, NULL, NULL, 400,
	 'angka di luar batas yang dapat disimpan', NULL, 'Periksa besarnya angka.', NULL),
	('KKB-TANGGAL-TIDAK-SAH', 'aturan', '22008', NULL, NULL, NULL, 400,
	 'tanggal tidak sah', NULL, 'Tulis tanggal sebagai YYYY-MM-DD, mis. 2026-10-05.', NULL),
	('KKB-WAJIB-DIISI', 'aturan', '23502', NULL, NULL, '^null value in column "([^"]*)"', 422,
	 'kolom \1 wajib diisi', NULL, 'Isi kolom itu.', NULL);

-- ---------------------------------------------------------------- fallbacks by SQLSTATE and class
-- The statuses agree with the gateway's one SQLSTATE table (errors.c; tests/gateway/14_galat.sh checks it).
INSERT INTO kkb.galat (kode, asal, sqlstate, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-ATURAN-DATA', 'sqlstate', '23514', 422, 'data melanggar aturan', NULL, NULL, NULL),
	('KKB-RUJUKAN-TIDAK-ADA', 'sqlstate', '23503', 409, 'data merujuk ke sesuatu yang tidak ada', NULL, NULL, NULL),
	('KKB-DATA-GANDA', 'sqlstate', '23505', 409, 'data ini sudah ada', NULL, NULL, NULL),
	('KKB-INTEGRITAS', 'sqlstate', '23', 409, 'data bertentangan dengan data lain', NULL, NULL, NULL),
	('KKB-NILAI-TIDAK-SAH', 'sqlstate', '22', 400, 'nilai tidak sah', NULL, NULL, NULL),
	('KKB-TIDAK-BERHAK', 'sqlstate', '42501', 403, 'Anda tidak berhak melakukan ini', NULL, NULL, NULL),
	('KKB-DATA-TIDAK-ADA', 'sqlstate', 'P0002', 404, 'data tidak ditemukan', NULL, NULL, NULL),
	('KKB-TIDAK-ADA-DATA', 'sqlstate', '02000', 404, 'data tidak ditemukan', NULL, NULL, NULL),
	('KKB-STATUS-TIDAK-SESUAI', 'sqlstate', '55000', 409, 'keadaan data tidak memungkinkan langkah ini', NULL, NULL, NULL),
	('KKB-SERIALISASI', 'sqlstate', '40001', 503, 'permintaan ini bertabrakan dengan permintaan lain', NULL,
	 'Kirim ulang permintaannya.', 'The database could not serialise this request with others, even on a retry; send it again.'),
	('KKB-KEBUNTUAN', 'sqlstate', '40P01', 503, 'permintaan ini bertabrakan dengan permintaan lain', NULL,
	 'Kirim ulang permintaannya.', 'The database could not serialise this request with others, even on a retry; send it again.'),
	('KKB-WAKTU-HABIS', 'sqlstate', '57014', 503, 'permintaan ini terlalu lama dan dihentikan', NULL, 'Coba lagi, atau minta data yang lebih sedikit.', NULL),
	('KKB-DB-BERHENTI', 'sqlstate', '57P01', 503, 'basis data sedang dihentikan', NULL, 'Coba lagi beberapa detik lagi.', NULL),
	('KKB-DB-RUSAK', 'sqlstate', '57P02', 503, 'basis data berhenti mendadak', NULL, 'Coba lagi beberapa detik lagi.', NULL),
	('KKB-DB-MULAI', 'sqlstate', '57P03', 503, 'basis data sedang dinyalakan', NULL, 'Coba lagi beberapa detik lagi.', NULL),
	('KKB-DB-SUMBER-DAYA', 'sqlstate', '53', 503, 'basis data kehabisan sumber daya', NULL, 'Coba lagi beberapa saat lagi.', NULL),
	('KKB-DB-KONEKSI', 'sqlstate', '08', 503, 'sambungan ke basis data terputus', NULL, 'Coba lagi beberapa detik lagi.', NULL);

-- ---------------------------------------------------------------- the gateway's own conditions
-- The same rows are compiled into gateway/src/errors.c (used when the database
-- is away); `kkb-gateway --errors` lists them and tests/gateway/14_galat.sh
-- checks that the two agree.  %s stands for the value the message names.
INSERT INTO kkb.galat (kode, asal, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-INTERNAL', 'gateway', 500, 'terjadi kesalahan di server', 'internal error',
	 'Coba lagi; bila terulang, laporkan kepada pengelola (log gateway memuat rinciannya).', 'The gateway''s log has the details.'),
	('KKB-DB-TIDAK-TERSEDIA', 'gateway', 503, 'basis data tidak dapat dihubungi', 'the database is unavailable',
	 'Coba lagi beberapa detik lagi.', 'Retry the request in a few seconds.'),
	('KKB-HASIL-TIDAK-PASTI', 'gateway', 503, 'basis data terputus saat menyimpan: hasil permintaan ini tidak pasti',
	 'the database went away while committing: the outcome of this request is unknown',
	 'Kirim ulang permintaannya setelah basis data kembali: mengirim ulang tidak mengubah data yang sudah tersimpan.',
	 'Send the request again when the database is back: re-sending a batch changes nothing that is already stored.'),
	('KKB-TOKEN-TIDAK-ADA', 'gateway', 401, 'token diperlukan', 'a bearer token is required',
	 'Minta token kepada administrator kampungkb dan kirim sebagai Authorization: Bearer <token>.',
	 'Ask an administrator of kampungkb for a token (kkb.token_buat) and send it as Authorization: Bearer <token>.'),
	('KKB-TOKEN-TIDAK-SAH', 'gateway', 401, 'token tidak sah', 'invalid token',
	 'Minta token kepada administrator kampungkb dan kirim sebagai Authorization: Bearer <token>.',
	 'Ask an administrator of kampungkb for a token (kkb.token_buat) and send it as Authorization: Bearer <token>.'),
	('KKB-TOKEN-DICABUT', 'gateway', 401, 'token sudah dicabut', 'token revoked',
	 'Minta token baru kepada administrator kampungkb.', 'Ask an administrator of kampungkb for a new token (kkb.token_buat).'),
	('KKB-TOKEN-KEDALUWARSA', 'gateway', 401, 'masa berlaku token sudah habis', 'token expired',
	 'Minta token baru kepada administrator kampungkb.', 'Ask an administrator of kampungkb for a new token (kkb.token_buat).'),
	('KKB-RUTE-TIDAK-ADA', 'gateway', 404, 'alamat ini tidak dikenal', 'no such resource',
	 'GET /openapi.json mendaftar semua alamat API.', 'GET /openapi.json lists every route of the API.'),
	('KKB-TIDAK-DITEMUKAN', 'gateway', 404, 'data tidak ditemukan', 'not found',
	 'Periksa kodenya; data desa lain atau di luar cakupan token tidak terlihat.', 'Check the code; data outside the token''s scope is not visible.'),
	('KKB-METODE-TIDAK-DIIZINKAN', 'gateway', 405, 'metode %s tidak diizinkan pada alamat ini', 'method %s is not allowed on this resource',
	 'Lihat header Allow untuk metode yang diterima.', 'See the Allow header for the methods this resource accepts.'),
	('KKB-ISI-TERLALU-BESAR', 'gateway', 413, 'isi permintaan lebih besar dari %s bait', 'request body larger than %s bytes',
	 'Kirim dalam beberapa bagian yang lebih kecil.', 'Send smaller batches.'),
	('KKB-JENIS-ISI', 'gateway', 415, 'jenis isi tidak didukung: harus %s', 'unsupported content type: expected %s',
	 'Kirim header Content-Type yang sesuai, mis. application/json.', 'Send the header Content-Type: application/json.'),
	('KKB-TERLALU-SERING', 'gateway', 429, 'terlalu banyak permintaan: batas %s sudah habis', 'too many requests: the %s limit is used up',
	 'Tunggu sebanyak detik pada Retry-After; saat memantau, kirim If-None-Match agar mendapat 304.',
	 'Wait for the number of seconds in Retry-After; when polling, send If-None-Match to get a cheap 304.'),
	('KKB-PARAMETER-TERLALU-BANYAK', 'gateway', 431, 'terlalu banyak parameter kueri', 'too many query parameters',
	 'Kirim lebih sedikit parameter kueri.', 'Send fewer query parameters.'),
	('KKB-URL-NUL', 'gateway', 400, 'alamat atau parameter kueri memuat bait NUL (%00)', 'the path or a query parameter contains a NUL byte (%00)',
	 'Hapus %00 dari URL.', 'Remove %00 from the URL.'),
	('KKB-PERIODE-FORMAT', 'gateway', 400, 'periode tidak sah "%s": harus bulan YYYY-MM', 'invalid periode "%s": expected a month YYYY-MM',
	 'Mis. 2026-11 untuk November 2026 (bulan 01 sampai 12).', 'E.g. 2026-11 for November 2026 (months 01 to 12).'),
	('KKB-LIMIT-FORMAT', 'gateway', 400, 'limit tidak sah: harus bilangan bulat 1 sampai 1000', 'invalid limit: expected a whole number from 1 to 1000',
	 'Untuk daftar yang lebih panjang, gunakan offset.', 'Page through longer lists with offset.'),
	('KKB-OFFSET-FORMAT', 'gateway', 400, 'offset tidak sah: harus bilangan bulat 0 atau lebih', 'invalid offset: expected a whole number from 0',
	 'Mis. offset=100 untuk halaman kedua dengan limit=100.', 'E.g. offset=100 for the second page of limit=100.'),
	('KKB-PERMINTAAN-TIDAK-SAH', 'gateway', 400, 'permintaan tidak sah', 'invalid request',
	 'Lihat GET /openapi.json untuk isi dan parameter yang diterima.', 'See GET /openapi.json for what each route accepts.'),
	('KKB-PARAMETER-TIDAK-SAH', 'gateway', 400, 'parameter %s tidak sah', 'invalid parameter %s',
	 'Lihat GET /openapi.json untuk parameter yang diterima.', 'See GET /openapi.json for the parameters of each route.'),
	('KKB-JSON-RUSAK', 'gateway', 400, 'JSON rusak pada posisi bait %s', 'malformed JSON at byte offset %s',
	 'Isi permintaan harus satu JSON yang disandikan UTF-8.', 'The body must be JSON encoded in UTF-8.'),
	('KKB-ISI-KOSONG', 'gateway', 400, 'isi JSON diperlukan', 'a JSON body is required',
	 'Kirim kolom-kolomnya sebagai objek JSON, mis. {"pus": 120}.', 'Send the fields as a JSON object, e.g. {"pus": 120}.'),
	('KKB-ISI-BUKAN-OBJEK', 'gateway', 422, 'isi permintaan harus objek JSON', 'the body must be a JSON object',
	 'Kirim kolom-kolomnya sebagai objek JSON, mis. {"pus": 120}.', 'Send the fields as a JSON object, e.g. {"pus": 120}.'),
	('KKB-BARIS-TERLALU-BANYAK', 'gateway', 413, 'terlalu banyak baris: paling banyak %s baris per permintaan', 'too many rows: at most %s rows per request',
	 'Kirim baris-barisnya dalam beberapa permintaan; mengirim ulang baris tidak mengubah apa pun.', 'Send the rows in several requests; re-sending rows changes nothing.'),
	('KKB-BARIS-KOSONG', 'gateway', 400, 'isi permintaan diperlukan: baris-baris data', 'a body is required: the rows',
	 'Kirim baris sebagai larik JSON berisi objek, atau CSV dengan baris judul.', 'Send the rows as a JSON array of objects, or as CSV with a header row.'),
	('KKB-ISI-BUKAN-LARIK', 'gateway', 422, 'isi permintaan harus larik JSON berisi baris', 'the body must be a JSON array of rows',
	 'Kirim [{...}, {...}], satu objek per baris.', 'Send [{...}, {...}], one object per row.'),
	('KKB-CSV-RUSAK', 'gateway', 400, 'CSV tidak dapat dibaca', 'malformed CSV',
	 'Kirim CSV dalam UTF-8 dengan baris judul; beri tanda kutip pada isian yang memuat koma, kutip atau baris baru.', 'Send CSV encoded in UTF-8 with a header row; quote fields holding commas, quotes or line breaks and double the quotes inside.'),
	('KKB-DATA-PRIBADI-DILARANG', 'gateway', 403, 'token ini tidak boleh menulis data by-name', 'this token may not write by-name data',
	 'Keluarga, anggota, pengukuran dan peristiwa ditulis oleh Pokja desanya atau administrator.', 'Families, members, measurements and vital events are written by the village''s pokja or an administrator.'),
	('KKB-KOLOM-TIDAK-DIKENAL', 'gateway', 422, 'kolom "%s" tidak dikenal', 'unknown field "%s"',
	 NULL, NULL),
	('KKB-IDEMPOTENSI-KUNCI', 'gateway', 400, 'Idempotency-Key tidak sah: 1 sampai 255 karakter ASCII yang terlihat',
	 'invalid Idempotency-Key: 1 to 255 visible ASCII characters',
	 'Pakai mis. UUID acak per catatan, dan kirim ulang dengan kunci yang sama.', 'Use e.g. a random UUID per record, and retry with the same key.'),
	('KKB-IDEMPOTENSI-BEDA', 'gateway', 422, 'Idempotency-Key ini sudah dipakai untuk permintaan lain',
	 'this Idempotency-Key was used for a different request',
	 'Satu kunci untuk satu permintaan: kirim ulang isi yang sama, atau pakai kunci baru untuk catatan baru.',
	 'One key for one request: resend the same body, or use a new key for a new record.');

-- the connection's own refusals (request framing, connections per address)
INSERT INTO kkb.galat (kode, asal, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-PANJANG-ISI-GANDA', 'gateway', 400, 'permintaan memuat Content-Length dan Transfer-Encoding sekaligus',
	 'the request has both Content-Length and Transfer-Encoding',
	 'Kirim salah satunya saja; sambungan ini ditutup.', 'Send one of the two only; this connection is closed.'),
	('KKB-SIBUK', 'gateway', 503,
	 'terlalu banyak permintaan berat (ringkasan, daftar wilayah) sedang dikerjakan atau menunggu: paling banyak %s',
	 'too many expensive requests (aggregates over many villages) running or waiting: at most %s',
	 'Coba lagi setelah detik pada Retry-After; saat memantau, kirim If-None-Match agar mendapat 304.',
	 'Retry after the seconds in Retry-After; when polling, send If-None-Match to get a cheap 304.'),
	('KKB-KONEKSI-TERLALU-BANYAK', 'gateway', 503, 'terlalu banyak sambungan dari satu alamat: paling banyak %s',
	 'too many connections from one address: at most %s',
	 'Tutup sambungan yang tidak dipakai, lalu coba lagi.', 'Close the connections you do not use, then try again.');

-- ---------------------------------------------------------------- the lookup

-- A worker's message names the shards ("anggota_102041", "anggota_pkey_102041"): the logical
-- names instead.  Shard ids are six digits or more, appended with an underscore; applied to
-- messages of a Citus cluster only.
CREATE FUNCTION kkb._tanpa_shard(pesan text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
	SELECT pg_catalog.regexp_replace(
	           pg_catalog.regexp_replace(pesan, '"([A-Za-z_][A-Za-z0-9_]*)_[0-9]{6,}"', '"\1"', 'g'),
	           '\m(table|relation|view|sequence) ([A-Za-z_][A-Za-z0-9_]*)_[0-9]{6,}\M', '\1 \2', 'g')
$f$;
COMMENT ON FUNCTION kkb._tanpa_shard(text) IS
	'Internal: a Citus worker''s error message with the logical names of tables and constraints instead of their shards'' (suffix _<shard id>)';


CREATE FUNCTION kkb.galat_jawab(sqlstate text, kendala text, tabel text, kolom text, pesan text, rincian text,
                                saran text, bahasa text DEFAULT 'id')
	RETURNS jsonb
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	g kkb.galat;
	en boolean := pg_catalog.lower(coalesce(bahasa, 'id')) LIKE 'en%';
	m text;
	k text;
	h text;
	d text := rincian;
	grup text[];
	asal text[];
BEGIN
	-- 0. on a Citus cluster, an error raised on a worker reaches the coordinator with its message,
	--    detail, hint and context only (Citus re-raises those) and with the shards' names in the
	--    message: the constraint, table and column are read back from PostgreSQL's own message
	IF kendala IS NULL AND tabel IS NULL AND kolom IS NULL AND pesan IS NOT NULL
	   AND kkb._citus() THEN
		pesan := kkb._tanpa_shard(pesan);
		asal := pg_catalog.regexp_match(pesan, '^null value in column "([^"]+)" of relation "([^"]+)"');
		IF asal IS NOT NULL THEN
			kolom := asal[1];
			tabel := asal[2];
		ELSE
			kendala := (pg_catalog.regexp_match(pesan, ' constraint "([^"]+)"'))[1];
			tabel := (pg_catalog.regexp_match(pesan, '^(?:new row for relation|insert or update on table|update or delete on table) "([^"]+)"'))[1];
		END IF;
	END IF;
	-- 1. a constraint, by name (and table: constraint names are unique per table)
	IF kendala IS NOT NULL THEN
		SELECT * INTO g FROM kkb.galat r
		 WHERE r.asal = 'kendala' AND r.kendala = galat_jawab.kendala
		   AND (r.tabel IS NULL OR galat_jawab.tabel IS NULL OR r.tabel = galat_jawab.tabel)
		 ORDER BY r.tabel IS NULL, r.kode LIMIT 1;
	END IF;
	-- 2. the exact SQLSTATE: the most specific row whose table, column and pattern fit (any table
	--    when the caller does not know it, e.g. a per-row error of a bulk import)
	IF g.kode IS NULL AND sqlstate IS NOT NULL THEN
		SELECT * INTO g FROM kkb.galat r
		 WHERE r.asal IN ('aturan', 'sqlstate') AND r.sqlstate = galat_jawab.sqlstate
		   AND (r.tabel IS NULL OR galat_jawab.tabel IS NULL OR r.tabel = galat_jawab.tabel)
		   AND (r.kolom IS NULL OR r.kolom = galat_jawab.kolom
		        OR (galat_jawab.kolom IS NULL AND r.pola IS NOT NULL))  -- a column the error lost (Citus)
		   AND (r.pola IS NULL OR coalesce(galat_jawab.pesan, '') ~ r.pola)
		 ORDER BY r.tabel IS NULL, r.kolom IS NULL, r.pola IS NULL, r.kode LIMIT 1;
	END IF;
	-- 3. its class
	IF g.kode IS NULL AND sqlstate IS NOT NULL THEN
		SELECT * INTO g FROM kkb.galat r
		 WHERE r.asal = 'sqlstate' AND r.sqlstate = pg_catalog.left(galat_jawab.sqlstate, 2)
		   AND pg_catalog.length(galat_jawab.sqlstate) = 5;
	END IF;
	-- 4. unknown: nothing of the database's text reaches the client
	IF g.kode IS NULL THEN
		SELECT * INTO g FROM kkb.galat r WHERE r.kode = 'KKB-INTERNAL';
		RETURN pg_catalog.jsonb_build_object('status', g.status, 'code', g.kode, 'sqlstate', galat_jawab.sqlstate,
			'message', CASE WHEN en THEN g.pesan_en ELSE g.pesan END, 'details', NULL,
			'hint', CASE WHEN en THEN g.saran_en ELSE g.saran END, 'kolom', NULL);
	END IF;

	-- the message, with the values the database named (the pattern's groups as \1, \2, ...)
	m := CASE WHEN en THEN coalesce(g.pesan_en, pesan, g.pesan) ELSE g.pesan END;
	IF g.pola IS NOT NULL THEN
		grup := pg_catalog.regexp_match(coalesce(pesan, ''), g.pola);
		FOR i IN REVERSE coalesce(pg_catalog.cardinality(grup), 0) .. 1 LOOP
			m := pg_catalog.replace(m, '\' || i, coalesce(grup[i], ''));
		END LOOP;
	END IF;

	-- the column: the registry's, the error's, or the constraint's only column
	k := coalesce(g.kolom, galat_jawab.kolom);
	IF k IS NULL AND galat_jawab.kendala IS NOT NULL THEN
		SELECT a.attname INTO k
		  FROM pg_catalog.pg_constraint c
		  JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
		  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		 WHERE c.conname = galat_jawab.kendala AND t.relname = galat_jawab.tabel
		   AND t.relnamespace = 'kkb'::regnamespace AND pg_catalog.cardinality(c.conkey) = 1;
	END IF;

	-- the hint: in Indonesian the registry's first; in English the database's first
	h := CASE WHEN en THEN coalesce(galat_jawab.saran, g.saran_en) ELSE coalesce(g.saran, galat_jawab.saran) END;

	-- the detail, unless it only repeats the refused row (which may hold by-name data);
	-- for an identifier the reason in Indonesian, from its checking function
	IF d LIKE 'Failing row contains%' THEN
		d := NULL;
	END IF;
	IF NOT en AND grup[1] IS NOT NULL AND g.kode IN ('KKB-NIK-TIDAK-SAH', 'KKB-NO-KK-TIDAK-SAH', 'KKB-KODE-WILAYAH-TIDAK-SAH') THEN
		d := coalesce(CASE g.kode WHEN 'KKB-NIK-TIDAK-SAH' THEN kkb.nik_periksa(grup[1])
		                          WHEN 'KKB-NO-KK-TIDAK-SAH' THEN kkb.no_kk_periksa(grup[1])
		                          ELSE kkb.kode_wilayah_periksa(grup[1]) END, d);
	END IF;

	RETURN pg_catalog.jsonb_build_object('status', g.status, 'code', g.kode, 'sqlstate', galat_jawab.sqlstate,
		'message', m, 'details', d, 'hint', h, 'kolom', k);
END $f$;
COMMENT ON FUNCTION kkb.galat_jawab(text, text, text, text, text, text, text, text) IS
	'The answer to a PostgreSQL error (galat = error, jawab = answer): its registry row (kkb.galat) found by constraint name, SQLSTATE, table, column and message, as {"status","code","sqlstate","message","details","hint","kolom"}; message and hint in Indonesian unless bahasa is en';

GRANT SELECT ON kkb.galat TO PUBLIC;

-- ---------------------------------------------------------------- strict numbers and dates (16_ketat.sql)
-- A value of a number, date or time column that is not written plainly (0x10, 1e3, inf, ' 12', today,
-- epoch, J2461000, 2026-10-01+07, 20261001) is refused by kkb._ketat_periksa / the bulk sync naming
-- the column and the value: 'column "<kolom>": "<nilai>" is not ...'.
INSERT INTO kkb.galat (kode, asal, sqlstate, tabel, kolom, pola, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-BILANGAN-BULAT-TIDAK-SAH', 'aturan', '22P02', NULL, NULL, '^column "([^"]*)": "(.*)" is not a whole number$', 400,
	 'kolom \1: "\2" bukan bilangan bulat', NULL,
	 'Tulis bilangan bulat dengan angka saja, mis. 12 (tanpa spasi, titik, huruf atau 0x).', 'Write a whole number in plain digits, e.g. 12.'),
	('KKB-ANGKA-TIDAK-SAH', 'aturan', '22P02', NULL, NULL, '^column "([^"]*)": "(.*)" is not a decimal number$', 400,
	 'kolom \1: "\2" bukan angka desimal', NULL,
	 'Tulis angka dengan titik sebagai pemisah desimal, mis. 12 atau 8.5 (tanpa spasi, 0x, e, inf atau NaN).',
	 'Write a decimal number with a point, e.g. 12 or 8.5 (no spaces, hex, exponent, inf or NaN).'),
	('KKB-TANGGAL-FORMAT', 'aturan', '22007', NULL, NULL, '^column "([^"]*)": "(.*)" is not a date YYYY-MM-DD$', 400,
	 'kolom \1: "\2" bukan tanggal YYYY-MM-DD', NULL,
	 'Tulis tanggal sebagai YYYY-MM-DD, mis. 2026-10-05 (tanpa jam, zona waktu atau kata seperti today).',
	 'Write a date as YYYY-MM-DD, e.g. 2026-10-05 (no time, time zone or words such as today).'),
	('KKB-WAKTU-FORMAT', 'aturan', '22007', NULL, NULL, '^column "([^"]*)": "(.*)" is not a timestamp', 400,
	 'kolom \1: "\2" bukan waktu ISO 8601', NULL,
	 'Tulis waktu sebagai YYYY-MM-DDTHH:MM:SS dengan Z atau selisih zona waktu, mis. 2026-10-05T08:30:00+07:00.',
	 'Write a time as YYYY-MM-DDTHH:MM:SS with Z or an offset, e.g. 2026-10-05T08:30:00+07:00.'),
	('KKB-TANGGAL-TIDAK-ADA', 'aturan', '22008', NULL, NULL, '^column "([^"]*)": "(.*)" is not a day of the calendar$', 400,
	 'kolom \1: tanggal "\2" tidak ada', NULL,
	 'Periksa bulan (01 sampai 12) dan tanggalnya, mis. 2026-02-28.', 'Check the month (01 to 12) and the day.');

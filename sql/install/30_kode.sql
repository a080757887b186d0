-- 30_kode.sql - code lists of the national Kampung KB portal and of the Rumah
-- DataKu (DOMAIN.md 2).  Fixed national lists are enum types: a wrong code is
-- refused on input (22P02, naming the value) with no trigger and no lookup,
-- arrays of them hold multi-choice answers, and ALTER TYPE ... ADD VALUE extends
-- them.  kkb.kode gives each code its Indonesian name for screens and reports.

CREATE TYPE kkb.sumber_dana AS ENUM ('apbn', 'apbd', 'dana_desa', 'hibah', 'csr', 'swadaya');
CREATE TYPE kkb.poktan AS ENUM ('bkb', 'bkr', 'bkl', 'uppka', 'pikr', 'pelayanan_kb', 'kependudukan', 'sektor_lain');
CREATE TYPE kkb.sarana AS ENUM ('sekretariat', 'rumah_dataku');
CREATE TYPE kkb.kontrasepsi AS ENUM ('iud', 'mow', 'mop', 'kondom', 'implan', 'suntik', 'pil');
CREATE TYPE kkb.alasan_tidak_kb AS ENUM ('hamil', 'ingin_anak_segera', 'iat', 'tial');
CREATE TYPE kkb.mekanisme_operasional AS ENUM ('rapat_perencanaan', 'koordinasi', 'sosialisasi', 'monev', 'pelaporan');
CREATE TYPE kkb.sumber_data AS ENUM ('pk', 'rutin_bkkbn', 'potensi_desa', 'sektoral', 'lainnya');
CREATE TYPE kkb.fungsi_keluarga AS ENUM ('agama', 'sosial_budaya', 'cinta_kasih', 'perlindungan', 'reproduksi',
	'pendidikan', 'ekonomi', 'lingkungan');
CREATE TYPE kkb.sasaran AS ENUM ('balita', 'remaja', 'lansia', 'pus', 'ibu_hamil', 'keluarga_miskin', 'krs', 'umum');
CREATE TYPE kkb.air_minum AS ENUM ('kemasan', 'ledeng', 'sumur_bor', 'sumur_terlindung', 'mata_air_terlindung',
	'air_hujan', 'sumur_tak_terlindung', 'mata_air_tak_terlindung', 'air_permukaan', 'lainnya');
CREATE TYPE kkb.jamban AS ENUM ('sendiri', 'bersama', 'umum', 'tidak_ada');
CREATE TYPE kkb.hubungan AS ENUM ('kepala', 'istri', 'anak', 'menantu', 'cucu', 'orang_tua', 'famili_lain', 'lainnya');
CREATE TYPE kkb.status_kawin AS ENUM ('belum_kawin', 'kawin', 'cerai_hidup', 'cerai_mati');
CREATE TYPE kkb.jenis_peristiwa AS ENUM ('lahir', 'mati', 'pindah_masuk', 'pindah_keluar');
CREATE TYPE kkb.status_periode AS ENUM ('draf', 'diajukan', 'disetujui', 'dikunci');

COMMENT ON TYPE kkb.sumber_dana IS 'Funding source of a Kampung KB (sumber dana)';
COMMENT ON TYPE kkb.poktan IS 'Programme or activity group present in a Kampung KB (poktan)';
COMMENT ON TYPE kkb.sarana IS 'Facility of a Kampung KB (sarana)';
COMMENT ON TYPE kkb.kontrasepsi IS 'Contraceptive method (metode kontrasepsi); MKJP = iud, mow, mop, implan';
COMMENT ON TYPE kkb.alasan_tidak_kb IS 'Reason a couple of reproductive age uses no contraception; unmet need = iat + tial';
COMMENT ON TYPE kkb.mekanisme_operasional IS 'Operational mechanism carried out (mekanisme operasional)';
COMMENT ON TYPE kkb.sumber_data IS 'Data source used in planning (penggunaan data)';
COMMENT ON TYPE kkb.fungsi_keluarga IS 'One of the 8 family functions an intervention serves (fungsi keluarga)';
COMMENT ON TYPE kkb.sasaran IS 'Target group of an intervention (sasaran)';
COMMENT ON TYPE kkb.air_minum IS 'Main drinking-water source of a family (sumber air minum)';
COMMENT ON TYPE kkb.jamban IS 'Latrine a family uses (jamban)';
COMMENT ON TYPE kkb.hubungan IS 'Relation to the head of the family (hubungan dengan kepala keluarga)';
COMMENT ON TYPE kkb.status_kawin IS 'Marital status (status perkawinan)';
COMMENT ON TYPE kkb.jenis_peristiwa IS 'Vital event (peristiwa): birth, death, move in, move out';
COMMENT ON TYPE kkb.status_periode IS 'State of a village-month of data: draf, diajukan (submitted), disetujui (approved), dikunci (locked)';

CREATE TABLE kkb.kode (
	kelompok text NOT NULL,
	kode     text NOT NULL CHECK (kode ~ '^[a-z0-9_]+$'),
	nama     text NOT NULL,
	urutan   smallint NOT NULL DEFAULT 0,
	PRIMARY KEY (kelompok, kode)
);
COMMENT ON TABLE kkb.kode IS 'Indonesian names of the codes of every code list (kelompok = the enum type kkb.<kelompok>)';
COMMENT ON COLUMN kkb.kode.kelompok IS 'List name (kelompok), e.g. sumber_dana';
COMMENT ON COLUMN kkb.kode.kode IS 'Stable code used in the data (lower case)';
COMMENT ON COLUMN kkb.kode.nama IS 'Name shown to users (nama)';
COMMENT ON COLUMN kkb.kode.urutan IS 'Display order (urutan)';

INSERT INTO kkb.kode (kelompok, kode, nama, urutan) VALUES
	('sumber_dana', 'apbn', 'APBN', 1), ('sumber_dana', 'apbd', 'APBD', 2), ('sumber_dana', 'dana_desa', 'Dana Desa', 3),
	('sumber_dana', 'hibah', 'Donasi/hibah', 4), ('sumber_dana', 'csr', 'CSR', 5), ('sumber_dana', 'swadaya', 'Swadaya masyarakat', 6),
	('poktan', 'bkb', 'Bina Keluarga Balita (BKB)', 1), ('poktan', 'bkr', 'Bina Keluarga Remaja (BKR)', 2),
	('poktan', 'bkl', 'Bina Keluarga Lansia (BKL)', 3), ('poktan', 'uppka', 'UPPKA', 4), ('poktan', 'pikr', 'PIK-R', 5),
	('poktan', 'pelayanan_kb', 'Pelayanan KB-KR', 6), ('poktan', 'kependudukan', 'Kependudukan', 7), ('poktan', 'sektor_lain', 'Sektor Lain', 8),
	('sarana', 'sekretariat', 'Sekretariat Kampung KB', 1), ('sarana', 'rumah_dataku', 'Rumah DataKu', 2),
	('kontrasepsi', 'iud', 'IUD', 1), ('kontrasepsi', 'mow', 'MOW (tubektomi)', 2), ('kontrasepsi', 'mop', 'MOP (vasektomi)', 3),
	('kontrasepsi', 'kondom', 'Kondom', 4), ('kontrasepsi', 'implan', 'Implan', 5), ('kontrasepsi', 'suntik', 'Suntik', 6), ('kontrasepsi', 'pil', 'Pil', 7),
	('alasan_tidak_kb', 'hamil', 'Hamil', 1), ('alasan_tidak_kb', 'ingin_anak_segera', 'Ingin anak segera', 2),
	('alasan_tidak_kb', 'iat', 'Ingin anak ditunda (IAT)', 3), ('alasan_tidak_kb', 'tial', 'Tidak ingin anak lagi (TIAL)', 4),
	('mekanisme_operasional', 'rapat_perencanaan', 'Rapat perencanaan kegiatan', 1), ('mekanisme_operasional', 'koordinasi', 'Koordinasi dengan instansi', 2),
	('mekanisme_operasional', 'sosialisasi', 'Sosialisasi', 3), ('mekanisme_operasional', 'monev', 'Monitoring dan evaluasi', 4),
	('mekanisme_operasional', 'pelaporan', 'Pelaporan', 5),
	('sumber_data', 'pk', 'Pendataan Keluarga (PK) dan pemutakhiran', 1), ('sumber_data', 'rutin_bkkbn', 'Data rutin BKKBN', 2),
	('sumber_data', 'potensi_desa', 'Potensi Desa', 3), ('sumber_data', 'sektoral', 'Data sektoral', 4), ('sumber_data', 'lainnya', 'Lainnya', 5),
	('fungsi_keluarga', 'agama', 'Agama', 1), ('fungsi_keluarga', 'sosial_budaya', 'Sosial budaya', 2), ('fungsi_keluarga', 'cinta_kasih', 'Cinta kasih', 3),
	('fungsi_keluarga', 'perlindungan', 'Perlindungan', 4), ('fungsi_keluarga', 'reproduksi', 'Reproduksi', 5), ('fungsi_keluarga', 'pendidikan', 'Pendidikan', 6),
	('fungsi_keluarga', 'ekonomi', 'Ekonomi', 7), ('fungsi_keluarga', 'lingkungan', 'Lingkungan', 8),
	('sasaran', 'balita', 'Keluarga dengan balita', 1), ('sasaran', 'remaja', 'Remaja', 2), ('sasaran', 'lansia', 'Lansia', 3),
	('sasaran', 'pus', 'Pasangan usia subur', 4), ('sasaran', 'ibu_hamil', 'Ibu hamil', 5), ('sasaran', 'keluarga_miskin', 'Keluarga miskin', 6),
	('sasaran', 'krs', 'Keluarga berisiko stunting', 7), ('sasaran', 'umum', 'Masyarakat umum', 8),
	('air_minum', 'kemasan', 'Air kemasan/isi ulang', 1), ('air_minum', 'ledeng', 'Ledeng/perpipaan', 2), ('air_minum', 'sumur_bor', 'Sumur bor/pompa', 3),
	('air_minum', 'sumur_terlindung', 'Sumur terlindung', 4), ('air_minum', 'mata_air_terlindung', 'Mata air terlindung', 5),
	('air_minum', 'air_hujan', 'Air hujan', 6), ('air_minum', 'sumur_tak_terlindung', 'Sumur tak terlindung', 7),
	('air_minum', 'mata_air_tak_terlindung', 'Mata air tak terlindung', 8), ('air_minum', 'air_permukaan', 'Sungai/danau/air permukaan', 9),
	('air_minum', 'lainnya', 'Lainnya', 10),
	('jamban', 'sendiri', 'Jamban sendiri', 1), ('jamban', 'bersama', 'Jamban bersama', 2), ('jamban', 'umum', 'Jamban umum', 3),
	('jamban', 'tidak_ada', 'Tidak ada', 4),
	('hubungan', 'kepala', 'Kepala keluarga', 1), ('hubungan', 'istri', 'Istri/suami', 2), ('hubungan', 'anak', 'Anak', 3),
	('hubungan', 'menantu', 'Menantu', 4), ('hubungan', 'cucu', 'Cucu', 5), ('hubungan', 'orang_tua', 'Orang tua/mertua', 6),
	('hubungan', 'famili_lain', 'Famili lain', 7), ('hubungan', 'lainnya', 'Lainnya', 8),
	('status_kawin', 'belum_kawin', 'Belum kawin', 1), ('status_kawin', 'kawin', 'Kawin', 2), ('status_kawin', 'cerai_hidup', 'Cerai hidup', 3),
	('status_kawin', 'cerai_mati', 'Cerai mati', 4),
	('jenis_peristiwa', 'lahir', 'Kelahiran', 1), ('jenis_peristiwa', 'mati', 'Kematian', 2),
	('jenis_peristiwa', 'pindah_masuk', 'Pindah masuk', 3), ('jenis_peristiwa', 'pindah_keluar', 'Pindah keluar', 4),
	('status_periode', 'draf', 'Draf', 1), ('status_periode', 'diajukan', 'Diajukan', 2),
	('status_periode', 'disetujui', 'Disetujui', 3), ('status_periode', 'dikunci', 'Dikunci', 4);

-- Proper drinking water (BKKBN's definition of families at risk of stunting)
CREATE TABLE kkb.air_minum_layak (kode kkb.air_minum PRIMARY KEY);
COMMENT ON TABLE kkb.air_minum_layak IS 'Drinking-water sources counted as proper (layak) for the stunting-risk definition';
COMMENT ON COLUMN kkb.air_minum_layak.kode IS 'Drinking-water source';
INSERT INTO kkb.air_minum_layak VALUES ('kemasan'), ('ledeng'), ('sumur_bor'), ('sumur_terlindung'), ('mata_air_terlindung'), ('air_hujan');

-- City agencies (organisasi perangkat daerah)
CREATE TABLE kkb.opd (
	kode text PRIMARY KEY CHECK (kode ~ '^[a-z0-9_]+$'),
	nama text NOT NULL
);
COMMENT ON TABLE kkb.opd IS 'City agencies (OPD, organisasi perangkat daerah) that intervene in villages';
COMMENT ON COLUMN kkb.opd.kode IS 'Agency code';
COMMENT ON COLUMN kkb.opd.nama IS 'Agency name';
INSERT INTO kkb.opd VALUES
	('dp3akb', 'Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB'), ('dinkes', 'Dinas Kesehatan'),
	('dinsos', 'Dinas Sosial'), ('disdik', 'Dinas Pendidikan'), ('pupr', 'Dinas Pekerjaan Umum dan Penataan Ruang'),
	('perkim', 'Dinas Perumahan dan Kawasan Permukiman'), ('disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil'),
	('dpmd', 'Dinas Pemberdayaan Masyarakat dan Desa'), ('bappeda', 'Badan Perencanaan Pembangunan Daerah'),
	('kemenag', 'Kantor Kementerian Agama'), ('dkp', 'Dinas Ketahanan Pangan'), ('disnaker', 'Dinas Tenaga Kerja');

-- Does an array hold each element at most once?  (multi-choice answers)
CREATE FUNCTION kkb._tanpa_duplikat(anyarray) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$SELECT pg_catalog.count(*) = pg_catalog.count(DISTINCT e) FROM pg_catalog.unnest($1) AS u(e)$$;
COMMENT ON FUNCTION kkb._tanpa_duplikat(anyarray) IS 'Internal: true when no element of the array repeats';

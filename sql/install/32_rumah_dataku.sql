-- 32_rumah_dataku.sql - by-name data of the village's Rumah DataKu: families,
-- members, child measurements (with their WHO z-scores, derived on write) and
-- vital events.  Personal data (UU 27/2022): visible only to the owning village
-- and administrators (see 34_akses.sql); analysts get kkb_bi's de-identified views.

CREATE TABLE kkb.keluarga (
	kode_desa      kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	no_kk          kkb.no_kk NOT NULL,
	rt             smallint CHECK (rt BETWEEN 1 AND 999),
	rw             smallint CHECK (rw BETWEEN 1 AND 999),
	alamat         text,
	air_minum      kkb.air_minum,
	jamban         kkb.jamban,
	tangki_septik  boolean,
	lantai_tanah   boolean,
	dinding_layak  boolean,
	atap_layak     boolean,
	miskin         boolean NOT NULL DEFAULT false,
	diubah_pada    timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, no_kk)
);
COMMENT ON TABLE kkb.keluarga IS 'Families of the village by family card (keluarga), with housing, water and sanitation';
COMMENT ON COLUMN kkb.keluarga.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.keluarga.no_kk IS 'Family card number (No. KK)';
COMMENT ON COLUMN kkb.keluarga.rt IS 'Neighbourhood unit (RT)';
COMMENT ON COLUMN kkb.keluarga.rw IS 'Community unit (RW)';
COMMENT ON COLUMN kkb.keluarga.alamat IS 'Address';
COMMENT ON COLUMN kkb.keluarga.air_minum IS 'Main drinking-water source';
COMMENT ON COLUMN kkb.keluarga.jamban IS 'Latrine used';
COMMENT ON COLUMN kkb.keluarga.tangki_septik IS 'The latrine drains into a septic tank or wastewater plant';
COMMENT ON COLUMN kkb.keluarga.lantai_tanah IS 'The house has an earth floor';
COMMENT ON COLUMN kkb.keluarga.dinding_layak IS 'The walls are proper';
COMMENT ON COLUMN kkb.keluarga.atap_layak IS 'The roof is proper';
COMMENT ON COLUMN kkb.keluarga.miskin IS 'Poor family (registered in DTKS, the social welfare register)';
COMMENT ON COLUMN kkb.keluarga.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.anggota (
	kode_desa       kkb.kode_wilayah NOT NULL CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	nik             kkb.nik NOT NULL,
	no_kk           kkb.no_kk NOT NULL,
	nama            text NOT NULL CHECK (nama ~ '\S'),
	jenis_kelamin   char(1) NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
	tanggal_lahir   date NOT NULL,
	hubungan        kkb.hubungan NOT NULL,
	status_kawin    kkb.status_kawin,
	pendidikan      text,
	sekolah         boolean,
	pekerjaan       text,
	jaminan_kesehatan boolean,
	akta_lahir      boolean,
	hamil           boolean,
	kontrasepsi     kkb.kontrasepsi,
	alasan_tidak_kb kkb.alasan_tidak_kb,
	diubah_pada     timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, nik),
	-- no ON UPDATE CASCADE (a Citus cluster refuses it): renumbering is kkb.ganti_no_kk (37_ganti_nomor.sql)
	FOREIGN KEY (kode_desa, no_kk) REFERENCES kkb.keluarga (kode_desa, no_kk),
	CHECK (kontrasepsi IS NULL OR alasan_tidak_kb IS NULL)
);
-- one head per family card
CREATE UNIQUE INDEX anggota_satu_kepala ON kkb.anggota (kode_desa, no_kk) WHERE hubungan = 'kepala';
CREATE INDEX anggota_no_kk ON kkb.anggota (kode_desa, no_kk);
COMMENT ON TABLE kkb.anggota IS 'Members of the village''s families (anggota keluarga), by NIK';
COMMENT ON COLUMN kkb.anggota.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.anggota.nik IS 'National identity number (NIK)';
COMMENT ON COLUMN kkb.anggota.no_kk IS 'Family card number: the family in this village';
COMMENT ON COLUMN kkb.anggota.nama IS 'Name';
COMMENT ON COLUMN kkb.anggota.jenis_kelamin IS 'Sex: L (laki-laki) or P (perempuan); must agree with the NIK';
COMMENT ON COLUMN kkb.anggota.tanggal_lahir IS 'Birth date; must agree with the NIK';
COMMENT ON COLUMN kkb.anggota.hubungan IS 'Relation to the head of the family';
COMMENT ON COLUMN kkb.anggota.status_kawin IS 'Marital status';
COMMENT ON COLUMN kkb.anggota.pendidikan IS 'Highest education completed';
COMMENT ON COLUMN kkb.anggota.sekolah IS 'Currently in school';
COMMENT ON COLUMN kkb.anggota.pekerjaan IS 'Occupation';
COMMENT ON COLUMN kkb.anggota.jaminan_kesehatan IS 'Covered by health insurance (BPJS/JKN)';
COMMENT ON COLUMN kkb.anggota.akta_lahir IS 'Has a birth certificate';
COMMENT ON COLUMN kkb.anggota.hamil IS 'Currently pregnant';
COMMENT ON COLUMN kkb.anggota.kontrasepsi IS 'Contraceptive method in use';
COMMENT ON COLUMN kkb.anggota.alasan_tidak_kb IS 'For a couple of reproductive age not using contraception: the reason';
COMMENT ON COLUMN kkb.anggota.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.pengukuran (
	kode_desa         kkb.kode_wilayah NOT NULL CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	nik               kkb.nik NOT NULL,
	tanggal_ukur      date NOT NULL,
	berat_kg          float8,
	tinggi_cm         float8,
	cara_ukur         text CHECK (cara_ukur IN ('telentang', 'berdiri')),
	oedema            boolean NOT NULL DEFAULT false,
	lila_cm           float8,
	-- copied from the member, so that the z-scores are computed from the row alone
	jenis_kelamin     char(1) CHECK (jenis_kelamin IN ('L', 'P')),
	tanggal_lahir     date,
	-- derived on write, under kkb.antropometri's names
	umur_hari         integer,
	umur_bulan        integer,
	tinggi_koreksi_cm float8,
	z_tbu             numeric,
	z_bbu             numeric,
	z_bbtb            numeric,
	z_imtu            numeric,
	status_tbu        text,
	status_bbu        text,
	status_bbtb       text,
	status_imtu       text,
	stunting          boolean,
	flags             text[],
	diubah_pada       timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, nik, tanggal_ukur),
	-- (no ON UPDATE CASCADE: kkb.ganti_nik)
	FOREIGN KEY (kode_desa, nik) REFERENCES kkb.anggota (kode_desa, nik)
);
COMMENT ON TABLE kkb.pengukuran IS 'Child measurements (pengukuran) with WHO z-scores and Permenkes 2/2020 categories derived on write';
COMMENT ON COLUMN kkb.pengukuran.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.pengukuran.nik IS 'NIK of the child (a member of the village)';
COMMENT ON COLUMN kkb.pengukuran.tanggal_ukur IS 'Date of measurement';
COMMENT ON COLUMN kkb.pengukuran.berat_kg IS 'Weight, kg';
COMMENT ON COLUMN kkb.pengukuran.tinggi_cm IS 'Length or height as measured, cm';
COMMENT ON COLUMN kkb.pengukuran.cara_ukur IS 'Position: telentang (lying) or berdiri (standing)';
COMMENT ON COLUMN kkb.pengukuran.oedema IS 'Bilateral pitting oedema';
COMMENT ON COLUMN kkb.pengukuran.lila_cm IS 'Mid-upper arm circumference (LiLA), cm';
COMMENT ON COLUMN kkb.pengukuran.jenis_kelamin IS 'Sex of the child (from the member record)';
COMMENT ON COLUMN kkb.pengukuran.tanggal_lahir IS 'Birth date of the child (from the member record)';
COMMENT ON COLUMN kkb.pengukuran.umur_hari IS 'Age in days at measurement';
COMMENT ON COLUMN kkb.pengukuran.umur_bulan IS 'Age in completed months';
COMMENT ON COLUMN kkb.pengukuran.tinggi_koreksi_cm IS 'Length/height after the lying/standing adjustment';
COMMENT ON COLUMN kkb.pengukuran.z_tbu IS 'Length/height-for-age z-score';
COMMENT ON COLUMN kkb.pengukuran.z_bbu IS 'Weight-for-age z-score';
COMMENT ON COLUMN kkb.pengukuran.z_bbtb IS 'Weight-for-length/height z-score';
COMMENT ON COLUMN kkb.pengukuran.z_imtu IS 'BMI-for-age z-score';
COMMENT ON COLUMN kkb.pengukuran.status_tbu IS 'Length/height-for-age category';
COMMENT ON COLUMN kkb.pengukuran.status_bbu IS 'Weight-for-age category';
COMMENT ON COLUMN kkb.pengukuran.status_bbtb IS 'Weight-for-length/height category';
COMMENT ON COLUMN kkb.pengukuran.status_imtu IS 'BMI-for-age category';
COMMENT ON COLUMN kkb.pengukuran.stunting IS 'Stunted (length/height-for-age z < -2)';
COMMENT ON COLUMN kkb.pengukuran.flags IS 'WHO implausibility and position flags';
COMMENT ON COLUMN kkb.pengukuran.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.peristiwa (
	kode_desa        kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	id               bigint GENERATED ALWAYS AS IDENTITY,
	ref              text NOT NULL CHECK (ref ~ '^[A-Za-z0-9._:-]{1,64}$'),
	jenis            kkb.jenis_peristiwa NOT NULL,
	tanggal          date NOT NULL,
	nik              kkb.nik,
	nik_ibu          kkb.nik,
	jenis_kelamin    char(1) CHECK (jenis_kelamin IN ('L', 'P')),
	umur_hari        integer CHECK (umur_hari >= 0),
	kematian_ibu     boolean NOT NULL DEFAULT false,
	keterangan       text,
	diubah_pada      timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, id),
	UNIQUE (kode_desa, ref),
	CHECK (jenis = 'mati' OR (umur_hari IS NULL AND NOT kematian_ibu)),
	CHECK (jenis <> 'lahir' OR nik_ibu IS NOT NULL OR keterangan IS NOT NULL)
);
COMMENT ON TABLE kkb.peristiwa IS 'Vital events of the village (peristiwa): births, deaths, moves in and out';
COMMENT ON COLUMN kkb.peristiwa.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.peristiwa.id IS 'Event number';
COMMENT ON COLUMN kkb.peristiwa.ref IS 'The client''s own id of the event (e.g. the phone app''s UUID), unique in the village: the natural key of the bulk sync (POST /v1/desa/{kode}/peristiwa)';
COMMENT ON COLUMN kkb.peristiwa.jenis IS 'Kind of event';
COMMENT ON COLUMN kkb.peristiwa.tanggal IS 'Date of the event';
COMMENT ON COLUMN kkb.peristiwa.nik IS 'NIK of the person concerned, when known';
COMMENT ON COLUMN kkb.peristiwa.nik_ibu IS 'For a birth: NIK of the mother';
COMMENT ON COLUMN kkb.peristiwa.jenis_kelamin IS 'Sex of the person concerned';
COMMENT ON COLUMN kkb.peristiwa.umur_hari IS 'For a death: age at death in days (infant: under 365, under-five: under 1826)';
COMMENT ON COLUMN kkb.peristiwa.kematian_ibu IS 'For a death: a maternal death';
COMMENT ON COLUMN kkb.peristiwa.keterangan IS 'Notes';
COMMENT ON COLUMN kkb.peristiwa.diubah_pada IS 'Last changed at';

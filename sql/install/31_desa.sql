-- 31_desa.sql - village tables: the Kampung KB itself, its monthly profile
-- (what the national portal's classification reads), population and family-
-- planning reports, interventions, and the month's approval state.
-- Every village-owned table has kode_desa first in its primary key (the
-- distribution column of a Citus deployment; see DESIGN.md "Scale-out").

CREATE DOMAIN kkb.bulan AS date
	CONSTRAINT bulan_hari_pertama CHECK (VALUE = pg_catalog.date_trunc('month', VALUE)::date);
COMMENT ON DOMAIN kkb.bulan IS 'A month (periode), stored as its first day, e.g. 2026-11-01';

-- A village code: level 4 of the region hierarchy.  The domain types functions' parameters; the
-- tables' kode_desa columns are kkb.kode_wilayah with the same check, named alike
-- (kode_desa_tingkat_desa), since Citus, on a distributed cluster, plans comparisons of a
-- domain-typed distribution column wrongly (docs/SCALE.md)
CREATE DOMAIN kkb.kode_desa AS kkb.kode_wilayah
	CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(VALUE) = 4);
COMMENT ON DOMAIN kkb.kode_desa IS 'Village code (desa/kelurahan, PP.KK.CC.DDDD)';

CREATE TABLE kkb.kampung (
	kode_desa           kkb.kode_wilayah PRIMARY KEY REFERENCES kkb.wilayah (kode) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	nama                text NOT NULL CHECK (nama ~ '\S'),
	tanggal_pencanangan date,
	nomor_sk            text,
	lintang             numeric(9, 6) CHECK (lintang BETWEEN -11 AND 6),
	bujur               numeric(9, 6) CHECK (bujur BETWEEN 94 AND 142),
	alamat_sekretariat  text,
	dibuat_pada         timestamptz NOT NULL DEFAULT pg_catalog.now(),
	diubah_pada         timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kkb.kampung IS 'One row per Kampung KB (a whole desa or kelurahan)';
COMMENT ON COLUMN kkb.kampung.kode_desa IS 'Village code (must be a village of kkb.wilayah)';
COMMENT ON COLUMN kkb.kampung.nama IS 'Name of the Kampung KB';
COMMENT ON COLUMN kkb.kampung.tanggal_pencanangan IS 'Date the Kampung KB was declared (pencanangan)';
COMMENT ON COLUMN kkb.kampung.nomor_sk IS 'Number of the founding decree (SK)';
COMMENT ON COLUMN kkb.kampung.lintang IS 'Latitude of the secretariat, degrees (Indonesia: -11..6)';
COMMENT ON COLUMN kkb.kampung.bujur IS 'Longitude of the secretariat, degrees (Indonesia: 94..142)';
COMMENT ON COLUMN kkb.kampung.alamat_sekretariat IS 'Address of the secretariat';
COMMENT ON COLUMN kkb.kampung.dibuat_pada IS 'Created at';
COMMENT ON COLUMN kkb.kampung.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.profil (
	kode_desa             kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode               kkb.bulan NOT NULL,
	pokja_ada             boolean NOT NULL DEFAULT false,
	pokja_anggota         integer CHECK (pokja_anggota >= 0),
	pokja_terlatih        boolean NOT NULL DEFAULT false,
	pkb_pendamping        boolean NOT NULL DEFAULT false,
	regulasi              boolean NOT NULL DEFAULT false,
	sumber_dana           kkb.sumber_dana[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(sumber_dana)),
	poktan                kkb.poktan[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(poktan)),
	sarana                kkb.sarana[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(sarana)),
	penggunaan_data       kkb.sumber_data[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(penggunaan_data)),
	mekanisme_operasional kkb.mekanisme_operasional[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(mekanisme_operasional)),
	diubah_pada           timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode),
	CHECK (pokja_ada OR (coalesce(pokja_anggota, 0) = 0 AND NOT pokja_terlatih))
);
COMMENT ON TABLE kkb.profil IS 'Monthly input and process profile of a Kampung KB: everything the national classification reads';
COMMENT ON COLUMN kkb.profil.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.profil.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.profil.pokja_ada IS 'A working group (pokja) exists';
COMMENT ON COLUMN kkb.profil.pokja_anggota IS 'Number of pokja members';
COMMENT ON COLUMN kkb.profil.pokja_terlatih IS 'The pokja has been trained';
COMMENT ON COLUMN kkb.profil.pkb_pendamping IS 'A family-planning field officer (PKB/PLKB) is assigned as mentor';
COMMENT ON COLUMN kkb.profil.regulasi IS 'A decree or regulation on the Kampung KB exists';
COMMENT ON COLUMN kkb.profil.sumber_dana IS 'Funding sources ticked';
COMMENT ON COLUMN kkb.profil.poktan IS 'Programmes present';
COMMENT ON COLUMN kkb.profil.sarana IS 'Facilities present';
COMMENT ON COLUMN kkb.profil.penggunaan_data IS 'Data sources used in planning';
COMMENT ON COLUMN kkb.profil.mekanisme_operasional IS 'Operational mechanisms carried out';
COMMENT ON COLUMN kkb.profil.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.penduduk (
	kode_desa       kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode         kkb.bulan NOT NULL,
	laki_laki       integer[] CHECK (pg_catalog.cardinality(laki_laki) = 16 AND 0 <= ALL (laki_laki)),
	perempuan       integer[] CHECK (pg_catalog.cardinality(perempuan) = 16 AND 0 <= ALL (perempuan)),
	keluarga        integer CHECK (keluarga >= 0),
	pus             integer CHECK (pus >= 0),
	remaja          integer CHECK (remaja >= 0),
	keluarga_balita integer CHECK (keluarga_balita >= 0),
	keluarga_remaja integer CHECK (keluarga_remaja >= 0),
	keluarga_lansia integer CHECK (keluarga_lansia >= 0),
	diubah_pada     timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode),
	CHECK (keluarga_balita <= keluarga AND keluarga_remaja <= keluarga AND keluarga_lansia <= keluarga)
);
COMMENT ON TABLE kkb.penduduk IS 'Monthly aggregate population of a village (what villages without by-name data report)';
COMMENT ON COLUMN kkb.penduduk.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.penduduk.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.penduduk.laki_laki IS 'Men by 5-year age group: 16 counts for 0-4, 5-9, ..., 70-74, 75+';
COMMENT ON COLUMN kkb.penduduk.perempuan IS 'Women by 5-year age group: 16 counts for 0-4, 5-9, ..., 70-74, 75+';
COMMENT ON COLUMN kkb.penduduk.keluarga IS 'Families (KK)';
COMMENT ON COLUMN kkb.penduduk.pus IS 'Couples of reproductive age (PUS)';
COMMENT ON COLUMN kkb.penduduk.remaja IS 'Teenagers aged 10-24 (remaja)';
COMMENT ON COLUMN kkb.penduduk.keluarga_balita IS 'Families with a child under five';
COMMENT ON COLUMN kkb.penduduk.keluarga_remaja IS 'Families with a teenager';
COMMENT ON COLUMN kkb.penduduk.keluarga_lansia IS 'Families with an elderly member (60+)';
COMMENT ON COLUMN kkb.penduduk.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.kkbpk (
	kode_desa             kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode               kkb.bulan NOT NULL,
	peserta_bkb           integer CHECK (peserta_bkb >= 0),
	peserta_bkr           integer CHECK (peserta_bkr >= 0),
	peserta_bkl           integer CHECK (peserta_bkl >= 0),
	peserta_uppka         integer CHECK (peserta_uppka >= 0),
	peserta_pikr          integer CHECK (peserta_pikr >= 0),
	kb_iud                integer CHECK (kb_iud >= 0),
	kb_mow                integer CHECK (kb_mow >= 0),
	kb_mop                integer CHECK (kb_mop >= 0),
	kb_kondom             integer CHECK (kb_kondom >= 0),
	kb_implan             integer CHECK (kb_implan >= 0),
	kb_suntik             integer CHECK (kb_suntik >= 0),
	kb_pil                integer CHECK (kb_pil >= 0),
	tidak_kb_hamil        integer CHECK (tidak_kb_hamil >= 0),
	tidak_kb_ingin_segera integer CHECK (tidak_kb_ingin_segera >= 0),
	tidak_kb_iat          integer CHECK (tidak_kb_iat >= 0),
	tidak_kb_tial         integer CHECK (tidak_kb_tial >= 0),
	peserta_baru          integer CHECK (peserta_baru >= 0),
	bpjs                  integer CHECK (bpjs >= 0),
	diubah_pada           timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode)
);
COMMENT ON TABLE kkb.kkbpk IS 'Monthly family-planning report of a village (KKBPK): programme participants, contraceptive users by method, couples not using contraception by reason';
COMMENT ON COLUMN kkb.kkbpk.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.kkbpk.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.kkbpk.peserta_bkb IS 'BKB participants (families with toddlers)';
COMMENT ON COLUMN kkb.kkbpk.peserta_bkr IS 'BKR participants (families with teenagers)';
COMMENT ON COLUMN kkb.kkbpk.peserta_bkl IS 'BKL participants (families with elderly)';
COMMENT ON COLUMN kkb.kkbpk.peserta_uppka IS 'UPPKA participants (family income groups)';
COMMENT ON COLUMN kkb.kkbpk.peserta_pikr IS 'PIK-R participants (youth counselling)';
COMMENT ON COLUMN kkb.kkbpk.kb_iud IS 'Active users: IUD';
COMMENT ON COLUMN kkb.kkbpk.kb_mow IS 'Active users: female sterilisation (MOW)';
COMMENT ON COLUMN kkb.kkbpk.kb_mop IS 'Active users: male sterilisation (MOP)';
COMMENT ON COLUMN kkb.kkbpk.kb_kondom IS 'Active users: condom';
COMMENT ON COLUMN kkb.kkbpk.kb_implan IS 'Active users: implant';
COMMENT ON COLUMN kkb.kkbpk.kb_suntik IS 'Active users: injectable';
COMMENT ON COLUMN kkb.kkbpk.kb_pil IS 'Active users: pill';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_hamil IS 'Couples not using contraception: pregnant';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_ingin_segera IS 'Couples not using contraception: want a child soon';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_iat IS 'Couples not using contraception: want a child later (IAT, unmet need)';
COMMENT ON COLUMN kkb.kkbpk.tidak_kb_tial IS 'Couples not using contraception: want no more children (TIAL, unmet need)';
COMMENT ON COLUMN kkb.kkbpk.peserta_baru IS 'New acceptors this month';
COMMENT ON COLUMN kkb.kkbpk.bpjs IS 'Members covered by health insurance (BPJS)';
COMMENT ON COLUMN kkb.kkbpk.diubah_pada IS 'Last changed at';

CREATE TABLE kkb.intervensi (
	kode_desa       kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	id              bigint GENERATED ALWAYS AS IDENTITY,
	tanggal         date NOT NULL CONSTRAINT intervensi_tanggal_wajar CHECK (tanggal BETWEEN '2000-01-01' AND '2099-12-31'),
	judul           text NOT NULL CHECK (judul ~ '\S'),
	fungsi_keluarga kkb.fungsi_keluarga NOT NULL,
	sasaran         kkb.sasaran[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(sasaran)),
	opd             text[] NOT NULL DEFAULT '{}' CHECK (kkb._tanpa_duplikat(opd)),
	kegiatan_inpres text,
	uraian          text,
	diubah_pada     timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, id),
	pemilik_opd     text
);
COMMENT ON TABLE kkb.intervensi IS 'Interventions carried out in a village (intervensi), by family function, target groups and agencies';
COMMENT ON COLUMN kkb.intervensi.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.intervensi.id IS 'Intervention number';
COMMENT ON COLUMN kkb.intervensi.tanggal IS 'Date (2000-01-01 to 2099-12-31: a date outside is a typing error)';
COMMENT ON COLUMN kkb.intervensi.judul IS 'Title';
COMMENT ON COLUMN kkb.intervensi.fungsi_keluarga IS 'Family function served (one of the 8)';
COMMENT ON COLUMN kkb.intervensi.sasaran IS 'Target groups';
COMMENT ON COLUMN kkb.intervensi.opd IS 'Agencies involved (codes of kkb.opd)';
COMMENT ON COLUMN kkb.intervensi.kegiatan_inpres IS 'Activity of Inpres 3/2022 it belongs to, if any';
COMMENT ON COLUMN kkb.intervensi.uraian IS 'Description';
COMMENT ON COLUMN kkb.intervensi.diubah_pada IS 'Last changed at';
COMMENT ON COLUMN kkb.intervensi.pemilik_opd IS 'The agency (kkb.opd code) whose token recorded it, who alone may change it; NULL when the village''s pokja or an administrator recorded it (set by the database: kkb._intervensi_pemilik)';

CREATE TABLE kkb.periode_status (
	kode_desa   kkb.kode_wilayah NOT NULL REFERENCES kkb.kampung (kode_desa) CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode     kkb.bulan NOT NULL,
	status      kkb.status_periode NOT NULL DEFAULT 'draf',
	diubah_oleh text NOT NULL DEFAULT CURRENT_USER,
	diubah_pada timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (kode_desa, periode),
	diajukan_pada timestamptz
);
COMMENT ON TABLE kkb.periode_status IS 'Approval state of a village-month of data (draf -> diajukan -> disetujui -> dikunci); no row means draf';
COMMENT ON COLUMN kkb.periode_status.kode_desa IS 'Village code';
COMMENT ON COLUMN kkb.periode_status.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.periode_status.status IS 'State';
COMMENT ON COLUMN kkb.periode_status.diubah_oleh IS 'Who changed the state last (role or application user)';
COMMENT ON COLUMN kkb.periode_status.diubah_pada IS 'When the state changed last';
COMMENT ON COLUMN kkb.periode_status.diajukan_pada IS 'When the month was first submitted (diajukan); what timeliness is judged by (kkb.ketepatan)';

-- 48_indikator.sql - the monthly indicators as data: kkb.indikator_bulanan keeps
-- the figures kkb.ringkasan_desa computes for one Kampung KB and month (every
-- item with its source, the class with its 12 scores and 3 indices,
-- completeness, and the counts roll-ups sum: PUS, unmet need, contraceptive
-- users, children measured, stunted, wasted, underweight, families at risk),
-- with the versions of the data they were computed from.  A stored row
-- is used only while the village's change counter (kkb.versi_desa) and the
-- reference data's (kkb.versi_acuan) are what they were - any write to the
-- village, or to the rules, catalogue or regions, makes it stale - and, for the
-- current month, only on the day it was computed.  kkb.ringkasan_desa computes
-- the missing and stale rows and stores them as it answers (48_ringkasan.sql),
-- so every figure is computed by one definition, once per change, and a
-- 12-month trend or a province's roll-up reads stored rows; kkb.profil_desa
-- and the checks read a village-month's items from its row while it holds.
-- After a write, kkb-gateway's refresher (LISTEN kkb_indikator) recomputes the
-- written villages' last 12 months outside the writer's transaction
-- (kkb.indikator_segarkan); the nightly kkb.indikator_siapkan fills the rest.
-- Nothing here is the only copy of anything: the table can be emptied at any
-- time (TRUNCATE kkb.indikator_bulanan) and is refilled on the next reads; a
-- dump leaves it out (it is not a configuration table).  No working role reads
-- it: kkb.ringkasan_desa does, with its owner's rights, within the caller's scope.
CREATE TABLE kkb.indikator_bulanan (
	kode_desa          kkb.kode_wilayah NOT NULL CONSTRAINT kode_desa_tingkat_desa CHECK (kkb.tingkat(kode_desa) = 4),
	periode            date NOT NULL CHECK (periode = pg_catalog.date_trunc('month', periode)::date),
	kelas              text,
	kelengkapan        numeric,
	pus                numeric,
	unmet_need         numeric,
	balita_diukur      numeric,
	balita_stunting    numeric,
	keluarga_berisiko  numeric,
	versi_desa         bigint NOT NULL,
	versi_acuan        bigint NOT NULL,
	dihitung_pada      date NOT NULL DEFAULT CURRENT_DATE,
	-- every item of the month with its source (kkb._nilai_semua), and the class's scores
	nilai              jsonb NOT NULL DEFAULT '{}',
	sumber             jsonb NOT NULL DEFAULT '{}',
	balita_wasting     numeric,
	balita_underweight numeric,
	peserta_kb         numeric,
	peserta_mkjp       numeric,
	input_pokja integer, input_sumber_dana integer, input_poktan integer, input_sarana integer, input_pkb integer,
	proses_penggunaan_data integer, proses_operasional integer, proses_lintas_sektor integer,
	output_poktan integer, output_cpr integer, output_mkjp integer, output_unmet integer,
	indeks_input numeric, indeks_proses numeric, indeks_output numeric,
	PRIMARY KEY (kode_desa, periode)
);
COMMENT ON TABLE kkb.indikator_bulanan IS 'Monthly indicators of each Kampung KB (every item with its source, the class with its scores and indices, the counts the roll-ups sum) as kkb.ringkasan_desa computed them, with the data versions they came from: used while those versions hold (and, for the current month, on the day computed); refilled after writes (kkb.indikator_segarkan), at night (kkb.indikator_siapkan) and on read; safe to empty';
COMMENT ON COLUMN kkb.indikator_bulanan.kode_desa IS 'Village';
COMMENT ON COLUMN kkb.indikator_bulanan.periode IS 'Month (first day)';
COMMENT ON COLUMN kkb.indikator_bulanan.kelas IS 'Class of the month (kkb.klasifikasi_wilayah)';
COMMENT ON COLUMN kkb.indikator_bulanan.kelengkapan IS 'Completeness of the 40 items (0..1)';
COMMENT ON COLUMN kkb.indikator_bulanan.pus IS 'Couples of reproductive age (PUS)';
COMMENT ON COLUMN kkb.indikator_bulanan.unmet_need IS 'Unmet need: IAT + TIAL';
COMMENT ON COLUMN kkb.indikator_bulanan.balita_diukur IS 'Children under five measured';
COMMENT ON COLUMN kkb.indikator_bulanan.balita_stunting IS 'Of them, stunted';
COMMENT ON COLUMN kkb.indikator_bulanan.keluarga_berisiko IS 'Families at risk of stunting (KRS)';
COMMENT ON COLUMN kkb.indikator_bulanan.versi_desa IS 'The village''s change counter (kkb.versi_desa) the row was computed at';
COMMENT ON COLUMN kkb.indikator_bulanan.versi_acuan IS 'The reference data''s change counter (kkb.versi_acuan) the row was computed at';
COMMENT ON COLUMN kkb.indikator_bulanan.dihitung_pada IS 'The day the row was computed (a current month''s row serves that day only)';
COMMENT ON COLUMN kkb.indikator_bulanan.nilai IS 'Every item of the month that has a value, by item code (kkb.profil_desa''s values, plus the by-name extras balita_wasting, balita_underweight, tanpa_akta_lahir, nik_bermasalah)';
COMMENT ON COLUMN kkb.indikator_bulanan.sumber IS 'The source of each value in nilai: data_individu, laporan_bulanan or isian';
COMMENT ON COLUMN kkb.indikator_bulanan.balita_wasting IS 'Children measured who are wasted (weight-for-height z < -2, flagged values left out; by-name measurements only)';
COMMENT ON COLUMN kkb.indikator_bulanan.balita_underweight IS 'Children measured who are underweight (weight-for-age z < -2, flagged values left out; by-name measurements only)';
COMMENT ON COLUMN kkb.indikator_bulanan.peserta_kb IS 'Active contraceptive users: the seven kb_* items summed (NULL when none is known)';
COMMENT ON COLUMN kkb.indikator_bulanan.peserta_mkjp IS 'Of them, long-acting methods (MKJP: IUD, MOW, MOP, implant)';
COMMENT ON COLUMN kkb.indikator_bulanan.input_pokja IS 'Score input Pokja (1-4), as kkb.klasifikasi_wilayah';
COMMENT ON COLUMN kkb.indikator_bulanan.indeks_input IS 'Input index (mean of the input scores), as kkb.klasifikasi_wilayah';
COMMENT ON COLUMN kkb.indikator_bulanan.indeks_proses IS 'Process index';
COMMENT ON COLUMN kkb.indikator_bulanan.indeks_output IS 'Output index';

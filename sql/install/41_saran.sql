-- 41_saran.sql - who moves each lever of the classification (kkb.saran_pelaksana) and
-- the advice for a stored village and month (kkb.saran_kelas): kkb.klasifikasi_saran of
-- the village's input document, each change naming the agency (OPD) or village body that
-- owns it and what to do.

CREATE TABLE kkb.saran_pelaksana (
	kunci       text PRIMARY KEY,
	opd         text REFERENCES kkb.opd (kode),
	lembaga     text CHECK (lembaga IN ('pemerintah_desa', 'pokja')),
	tindakan    text NOT NULL,
	tindakan_en text,
	CONSTRAINT saran_pelaksana_satu CHECK ((opd IS NULL) <> (lembaga IS NULL))
);
COMMENT ON TABLE kkb.saran_pelaksana IS
	'Who moves each lever of the classification: for each key of the input document (kkb.klasifikasi_saran "kunci"), the agency (OPD) or village body that owns it and what to do; read by kkb.saran_kelas';
COMMENT ON COLUMN kkb.saran_pelaksana.kunci IS 'Key of the classification input document, as kkb.klasifikasi_saran names it ("pokja_ada", "kkbpk.kb_implan")';
COMMENT ON COLUMN kkb.saran_pelaksana.opd IS 'The agency (kkb.opd) that owns the lever; NULL when a village body does';
COMMENT ON COLUMN kkb.saran_pelaksana.lembaga IS 'The village body that owns the lever: pemerintah_desa (the village government) or pokja (the Kampung KB working group); NULL when an agency does';
COMMENT ON COLUMN kkb.saran_pelaksana.tindakan IS 'What to do, in Indonesian, shown with the advice';
COMMENT ON COLUMN kkb.saran_pelaksana.tindakan_en IS 'What to do, in English (may be NULL)';

INSERT INTO kkb.saran_pelaksana (kunci, opd, lembaga, tindakan, tindakan_en) VALUES
	('pokja_ada', NULL, 'pemerintah_desa', 'Bentuk Pokja Kampung KB dengan SK Kepala Desa', 'Form the Kampung KB working group by village head decree'),
	('pokja_anggota', NULL, 'pemerintah_desa', 'Tetapkan dan catat anggota Pokja', 'Appoint and record the working group''s members'),
	('pokja_terlatih', 'dp3akb', NULL, 'Latih Pokja Kampung KB', 'Train the working group'),
	('sumber_dana', NULL, 'pemerintah_desa', 'Anggarkan kegiatan Kampung KB dari sumber dana (Dana Desa, APBD, CSR, swadaya, ...)', 'Budget Kampung KB activities from more funding sources (village fund, district budget, CSR, self-help, ...)'),
	('poktan', 'dp3akb', NULL, 'Bentuk kelompok kegiatan (BKB, BKR, BKL, UPPKA, PIK-R, ...)', 'Set up programme groups (BKB, BKR, BKL, UPPKA, PIK-R, ...)'),
	('sarana', NULL, 'pemerintah_desa', 'Sediakan Sekretariat Kampung KB dan Rumah DataKu', 'Provide the Kampung KB secretariat and the Rumah DataKu'),
	('pkb_pendamping', 'dp3akb', NULL, 'Tugaskan PKB/PLKB sebagai pendamping', 'Assign a family-planning field officer (PKB/PLKB) as mentor'),
	('regulasi', NULL, 'pemerintah_desa', 'Terbitkan SK atau peraturan desa tentang Kampung KB', 'Issue a decree or village regulation on the Kampung KB'),
	('penggunaan_data', NULL, 'pokja', 'Gunakan sumber data (PK, data rutin BKKBN, Potensi Desa, sektoral) dalam perencanaan', 'Use data sources (family register, BKKBN routine data, village potential, sectoral data) in planning'),
	('mekanisme_operasional', NULL, 'pokja', 'Laksanakan rapat perencanaan, koordinasi, sosialisasi, monitoring dan evaluasi, pelaporan', 'Hold planning meetings, coordination, socialisation, monitoring and evaluation, reporting'),
	('instansi_intervensi', 'bappeda', NULL, 'Libatkan lebih banyak OPD dalam intervensi di desa ini', 'Involve more agencies in the village''s interventions'),
	('kkbpk.peserta_bkb', 'dp3akb', NULL, 'Ajak keluarga dengan balita ikut BKB', 'Bring families with children under five into BKB'),
	('kkbpk.peserta_bkr', 'dp3akb', NULL, 'Ajak keluarga dengan remaja ikut BKR', 'Bring families with adolescents into BKR'),
	('kkbpk.peserta_bkl', 'dp3akb', NULL, 'Ajak keluarga dengan lansia ikut BKL', 'Bring families with elderly into BKL'),
	('kkbpk.peserta_uppka', 'dp3akb', NULL, 'Ajak keluarga ikut UPPKA', 'Bring families into UPPKA'),
	('kkbpk.peserta_pikr', 'dp3akb', NULL, 'Ajak remaja ikut PIK-R', 'Bring adolescents into PIK-R'),
	('kkbpk.kb_pil', 'dp3akb', NULL, 'Layani PUS yang belum ber-KB (pil)', 'Serve couples not yet using contraception (pill)'),
	('kkbpk.kb_suntik', 'dp3akb', NULL, 'Ajak peserta KB suntik beralih ke metode jangka panjang', 'Move injectable users to long-acting methods'),
	('kkbpk.kb_kondom', 'dp3akb', NULL, 'Ajak peserta KB kondom beralih ke metode jangka panjang', 'Move condom users to long-acting methods'),
	('kkbpk.kb_implan', 'dinkes', NULL, 'Layani KB metode jangka panjang (implan, IUD)', 'Provide long-acting methods (implant, IUD)'),
	('kkbpk.tidak_kb_iat', 'dp3akb', NULL, 'Layani PUS yang ingin menunda anak (IAT) dan catat kebutuhan KB tidak terpenuhi', 'Serve couples who want to postpone a child (IAT) and record unmet need'),
	('kkbpk.tidak_kb_tial', 'dp3akb', NULL, 'Layani PUS yang tidak ingin anak lagi (TIAL)', 'Serve couples who want no more children (TIAL)');

GRANT SELECT ON kkb.saran_pelaksana TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi;
GRANT INSERT, UPDATE, DELETE ON kkb.saran_pelaksana TO kkb_admin;

-- The advice for a stored village and month: kkb.klasifikasi_saran of kkb.klasifikasi_masukan
-- (so the same scope check: 42501 outside the caller's region), with "pelaksana" (agency code
-- or village body), "pelaksana_nama" and "tindakan" added to each change.
CREATE FUNCTION kkb.saran_kelas(kode_desa kkb.kode_wilayah, periode date) RETURNS jsonb
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil jsonb;
BEGIN
	SELECT pg_catalog.jsonb_build_object(
		'kode_desa', saran_kelas.kode_desa::text,
		'periode', pg_catalog.date_trunc('month', saran_kelas.periode)::date,
		'klasifikasi', s.j -> 'klasifikasi',
		'saran', coalesce((
			SELECT pg_catalog.jsonb_agg(t.v || pg_catalog.jsonb_build_object('perubahan', coalesce((
				SELECT pg_catalog.jsonb_agg(u.v || pg_catalog.jsonb_build_object(
				           'pelaksana', coalesce(p.opd, p.lembaga),
				           'pelaksana_nama', CASE WHEN p.opd IS NOT NULL THEN o.nama
				                                  WHEN p.lembaga = 'pemerintah_desa' THEN 'Pemerintah desa'
				                                  WHEN p.lembaga = 'pokja' THEN 'Pokja Kampung KB' END,
				           'tindakan', p.tindakan) ORDER BY u.n)
				  FROM pg_catalog.jsonb_array_elements(t.v -> 'perubahan') WITH ORDINALITY AS u(v, n)
				  LEFT JOIN kkb.saran_pelaksana p ON p.kunci = u.v ->> 'kunci'
				  LEFT JOIN kkb.opd o ON o.kode = p.opd), '[]'::jsonb)) ORDER BY t.n)
			  FROM pg_catalog.jsonb_array_elements(s.j -> 'saran') WITH ORDINALITY AS t(v, n)), '[]'::jsonb))
	  FROM (SELECT kkb.klasifikasi_saran(kkb.klasifikasi_masukan(saran_kelas.kode_desa, saran_kelas.periode)) AS j OFFSET 0) AS s	-- OFFSET 0: computed once
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.saran_kelas(kkb.kode_wilayah, date) IS
	'What it takes for a village to reach each higher class in a month: kkb.klasifikasi_saran of the village''s input document (kkb.klasifikasi_masukan; 42501 outside the caller''s region), each change with the agency or village body that owns the lever (kkb.saran_pelaksana: pelaksana, pelaksana_nama, tindakan)';

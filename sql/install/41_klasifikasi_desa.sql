-- 41_klasifikasi_desa.sql - the portal's classification of a village from its
-- tables: the input document as the portal reads it, and the class of one
-- village or of every village under a region.

-- The input document of KLASIFIKASI.md for a village and month: the profile,
-- penduduk and kkbpk records of that month (a NULL column is a missing key; no
-- record, no object) and the distinct agencies (from kkb.opd) over all the
-- village's interventions up to the end of the month.
CREATE FUNCTION kkb.klasifikasi_masukan(kode_desa kkb.kode_wilayah, periode date) RETURNS jsonb
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil jsonb;
BEGIN
	SELECT pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
		'pokja_ada', p.pokja_ada, 'pokja_anggota', p.pokja_anggota, 'pokja_terlatih', p.pokja_terlatih,
		'sumber_dana', pg_catalog.cardinality(p.sumber_dana), 'poktan', pg_catalog.cardinality(p.poktan),
		'sarana', pg_catalog.cardinality(p.sarana), 'pkb_pendamping', p.pkb_pendamping, 'regulasi', p.regulasi,
		'penggunaan_data', pg_catalog.cardinality(p.penggunaan_data),
		'mekanisme_operasional', pg_catalog.cardinality(p.mekanisme_operasional),
		'instansi_intervensi', (SELECT pg_catalog.count(DISTINCT o.kode) FROM kkb.intervensi i
		                          CROSS JOIN LATERAL pg_catalog.unnest(i.opd) AS u(k)
		                          JOIN kkb.opd o ON o.kode = u.k
		                         WHERE i.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
		                           AND i.tanggal < (pg_catalog.date_trunc('month', klasifikasi_masukan.periode) + interval '1 month')),
		'penduduk', (SELECT pg_catalog.jsonb_build_object('pus', d.pus, 'keluarga', d.keluarga, 'remaja', d.remaja,
		                      'keluarga_balita', d.keluarga_balita, 'keluarga_remaja', d.keluarga_remaja,
		                      'keluarga_lansia', d.keluarga_lansia)
		               FROM kkb.penduduk d WHERE d.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
		                AND d.periode = pg_catalog.date_trunc('month', klasifikasi_masukan.periode)::date),
		'kkbpk', (SELECT pg_catalog.jsonb_build_object('peserta_bkb', r.peserta_bkb, 'peserta_bkr', r.peserta_bkr,
		                   'peserta_bkl', r.peserta_bkl, 'peserta_uppka', r.peserta_uppka, 'peserta_pikr', r.peserta_pikr,
		                   'kb_iud', r.kb_iud, 'kb_mow', r.kb_mow, 'kb_mop', r.kb_mop, 'kb_kondom', r.kb_kondom,
		                   'kb_implan', r.kb_implan, 'kb_suntik', r.kb_suntik, 'kb_pil', r.kb_pil,
		                   'tidak_kb_hamil', r.tidak_kb_hamil, 'tidak_kb_ingin_segera', r.tidak_kb_ingin_segera,
		                   'tidak_kb_iat', r.tidak_kb_iat, 'tidak_kb_tial', r.tidak_kb_tial)
		            FROM kkb.kkbpk r WHERE r.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
		             AND r.periode = pg_catalog.date_trunc('month', klasifikasi_masukan.periode)::date)))
	  FROM (SELECT 1) AS satu
	  LEFT JOIN kkb.profil p ON p.kode_desa OPERATOR(kkb.=) klasifikasi_masukan.kode_desa
	                        AND p.periode = pg_catalog.date_trunc('month', klasifikasi_masukan.periode)::date
	 WHERE kkb._lingkup_cek(klasifikasi_masukan.kode_desa)
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.klasifikasi_masukan(kkb.kode_wilayah, date) IS
	'The classification input document (masukan) of a village and month, read from its tables as the national portal reads them; the same for every role that may see the village (kkb._lingkup_cek), 42501 for any other';

CREATE FUNCTION kkb.klasifikasi(kode_desa kkb.kode_wilayah, periode date) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN kkb.klasifikasi_hitung(kkb.klasifikasi_masukan(kode_desa, periode));
COMMENT ON FUNCTION kkb.klasifikasi(kkb.kode_wilayah, date) IS
	'Classification of a village for a month: kkb.klasifikasi_hitung of kkb.klasifikasi_masukan (scores, percentages, indices, class)';

CREATE FUNCTION kkb.klasifikasi_wilayah(wilayah kkb.kode_wilayah, periode date)
	RETURNS TABLE (kode_desa kkb.kode_wilayah, nama text,
	               input_pokja integer, input_sumber_dana integer, input_poktan integer, input_sarana integer, input_pkb integer,
	               proses_penggunaan_data integer, proses_operasional integer, proses_lintas_sektor integer,
	               output_poktan integer, output_cpr integer, output_mkjp integer, output_unmet integer,
	               indeks_input numeric, indeks_proses numeric, indeks_output numeric, klasifikasi text)
	LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	-- row by row: each value is assigned to its result column (as an SQL function
	-- converts it; RETURN QUERY would refuse e.g. a kkb.bulan for a date)
	FOR kode_desa, nama, input_pokja, input_sumber_dana, input_poktan, input_sarana, input_pkb, proses_penggunaan_data, proses_operasional, proses_lintas_sektor, output_poktan, output_cpr, output_mkjp, output_unmet, indeks_input, indeks_proses, indeks_output, klasifikasi IN
	-- set-based: the same document as kkb.klasifikasi_masukan, built for every village in one join
	WITH bulan AS (
		SELECT pg_catalog.date_trunc('month', klasifikasi_wilayah.periode)::date AS awal
	), instansi AS MATERIALIZED (
		-- (materialized: inlined, the planner takes the region for one village and aggregates the
		-- interventions again for every village - quadratic, 4.7 s of a province's 5.1 s)
		SELECT i.kode_desa, pg_catalog.count(DISTINCT o.kode) AS n
		  FROM kkb.intervensi i CROSS JOIN LATERAL pg_catalog.unnest(i.opd) AS u(k) JOIN kkb.opd o ON o.kode = u.k, bulan
		 WHERE (klasifikasi_wilayah.wilayah IS NULL OR i.kode_desa OPERATOR(kkb.<@) klasifikasi_wilayah.wilayah)
		   AND i.tanggal < bulan.awal + interval '1 month'
		 GROUP BY i.kode_desa
	), masukan AS (
		SELECT k.kode_desa, pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
			'pokja_ada', p.pokja_ada, 'pokja_anggota', p.pokja_anggota, 'pokja_terlatih', p.pokja_terlatih,
			'sumber_dana', pg_catalog.cardinality(p.sumber_dana), 'poktan', pg_catalog.cardinality(p.poktan),
			'sarana', pg_catalog.cardinality(p.sarana), 'pkb_pendamping', p.pkb_pendamping, 'regulasi', p.regulasi,
			'penggunaan_data', pg_catalog.cardinality(p.penggunaan_data),
			'mekanisme_operasional', pg_catalog.cardinality(p.mekanisme_operasional),
			'instansi_intervensi', coalesce(ins.n, 0),
			'penduduk', CASE WHEN d.kode_desa IS NOT NULL THEN pg_catalog.jsonb_build_object('pus', d.pus, 'keluarga', d.keluarga,
			                 'remaja', d.remaja, 'keluarga_balita', d.keluarga_balita, 'keluarga_remaja', d.keluarga_remaja,
			                 'keluarga_lansia', d.keluarga_lansia) END,
			'kkbpk', CASE WHEN r.kode_desa IS NOT NULL THEN pg_catalog.jsonb_build_object('peserta_bkb', r.peserta_bkb,
			              'peserta_bkr', r.peserta_bkr, 'peserta_bkl', r.peserta_bkl, 'peserta_uppka', r.peserta_uppka,
			              'peserta_pikr', r.peserta_pikr, 'kb_iud', r.kb_iud, 'kb_mow', r.kb_mow, 'kb_mop', r.kb_mop,
			              'kb_kondom', r.kb_kondom, 'kb_implan', r.kb_implan, 'kb_suntik', r.kb_suntik, 'kb_pil', r.kb_pil,
			              'tidak_kb_hamil', r.tidak_kb_hamil, 'tidak_kb_ingin_segera', r.tidak_kb_ingin_segera,
			              'tidak_kb_iat', r.tidak_kb_iat, 'tidak_kb_tial', r.tidak_kb_tial) END)) AS j
		  FROM kkb.kampung k CROSS JOIN bulan
		  LEFT JOIN kkb.profil p ON p.kode_desa OPERATOR(kkb.=) k.kode_desa AND p.periode = bulan.awal
		  LEFT JOIN kkb.penduduk d ON d.kode_desa OPERATOR(kkb.=) k.kode_desa AND d.periode = bulan.awal
		  LEFT JOIN kkb.kkbpk r ON r.kode_desa OPERATOR(kkb.=) k.kode_desa AND r.periode = bulan.awal
		  LEFT JOIN instansi ins ON ins.kode_desa OPERATOR(kkb.=) k.kode_desa
		 WHERE klasifikasi_wilayah.wilayah IS NULL OR k.kode_desa OPERATOR(kkb.<@) klasifikasi_wilayah.wilayah
	), h AS MATERIALIZED (
		-- materialised: the 16 expressions below read h.j, and an inlined h would classify each village 16 times
		SELECT m.kode_desa, kkb.klasifikasi_hitung(m.j) AS j FROM masukan m
	)
	SELECT h.kode_desa, w.nama,
	       (h.j -> 'skor' ->> 'input_pokja')::integer, (h.j -> 'skor' ->> 'input_sumber_dana')::integer,
	       (h.j -> 'skor' ->> 'input_poktan')::integer, (h.j -> 'skor' ->> 'input_sarana')::integer,
	       (h.j -> 'skor' ->> 'input_pkb')::integer, (h.j -> 'skor' ->> 'proses_penggunaan_data')::integer,
	       (h.j -> 'skor' ->> 'proses_operasional')::integer, (h.j -> 'skor' ->> 'proses_lintas_sektor')::integer,
	       (h.j -> 'skor' ->> 'output_poktan')::integer, (h.j -> 'skor' ->> 'output_cpr')::integer,
	       (h.j -> 'skor' ->> 'output_mkjp')::integer, (h.j -> 'skor' ->> 'output_unmet')::integer,
	       (h.j ->> 'indeks_input')::numeric, (h.j ->> 'indeks_proses')::numeric, (h.j ->> 'indeks_output')::numeric,
	       h.j ->> 'klasifikasi'
	  FROM h JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) h.kode_desa
	 WHERE kkb._lingkup_cek(klasifikasi_wilayah.wilayah)
	 ORDER BY h.kode_desa
	LOOP
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.klasifikasi_wilayah(kkb.kode_wilayah, date) IS
	'Classification of every Kampung KB under a region (NULL: the whole country) for a month: the 12 scores, 3 indices and the class (klasifikasi); the same for every role that may see the whole region (kkb._lingkup_cek), 42501 for any other';

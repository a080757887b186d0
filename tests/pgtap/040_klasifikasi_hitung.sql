-- kkb.klasifikasi_hitung: the Kampung KB village classification (docs/KLASIFIKASI.md).
-- Every expected value below was worked out by hand from the document and is written
-- literally; percentages at ties follow the document's pct() (a / b in double
-- precision, times 100, rounded half to even), e.g. 1/8 -> 12, 23/40 -> 57.
BEGIN;
SELECT plan(189);

-- ---------------------------------------------------------------------------
-- the function itself
-- ---------------------------------------------------------------------------
SELECT is(provolatile::text, 'i', 'klasifikasi_hitung is IMMUTABLE')
  FROM pg_proc WHERE oid = 'kkb.klasifikasi_hitung(jsonb)'::regprocedure;
SELECT ok(proisstrict, 'klasifikasi_hitung is STRICT')
  FROM pg_proc WHERE oid = 'kkb.klasifikasi_hitung(jsonb)'::regprocedure;
SELECT is(proparallel::text, 's', 'klasifikasi_hitung is PARALLEL SAFE')
  FROM pg_proc WHERE oid = 'kkb.klasifikasi_hitung(jsonb)'::regprocedure;
SELECT isnt(obj_description('kkb.klasifikasi_hitung(jsonb)'::regprocedure, 'pg_proc'), NULL,
            'klasifikasi_hitung has a comment');
SELECT is(kkb.klasifikasi_hitung(NULL), NULL, 'SQL NULL in, NULL out');

-- "persentase <key> -> score" of a document, e.g. '40 -> 2' or 'null -> 1'
CREATE FUNCTION pg_temp.keluaran(doc jsonb, k text) RETURNS text LANGUAGE sql AS $$
	SELECT format('%s -> %s', r #> ARRAY['persentase', k], r #> ARRAY['skor', 'output_' || k])
	  FROM kkb.klasifikasi_hitung(doc) r
$$;

-- ---------------------------------------------------------------------------
-- whole documents
-- ---------------------------------------------------------------------------
SELECT is(kkb.klasifikasi_hitung('{}'),
	'{"skor": {"input_pokja": 1, "input_sumber_dana": 1, "input_poktan": 1, "input_sarana": 1, "input_pkb": 1,
	           "proses_penggunaan_data": 1, "proses_operasional": 1, "proses_lintas_sektor": 1,
	           "output_poktan": 1, "output_cpr": 1, "output_mkjp": 1, "output_unmet": 1},
	  "persentase": {"poktan": null, "cpr": null, "mkjp": null, "unmet": null},
	  "indeks_input": 1.00, "indeks_proses": 1.00, "indeks_output": 1.00, "klasifikasi": "Dasar"}'::jsonb,
	'empty document: every score 1, every percentage null, Dasar');
SELECT is(kkb.klasifikasi_hitung('{}')::text,
	'{"skor": {"input_pkb": 1, "output_cpr": 1, "input_pokja": 1, "output_mkjp": 1, "input_poktan": 1, "input_sarana": 1, "output_unmet": 1, "output_poktan": 1, "input_sumber_dana": 1, "proses_operasional": 1, "proses_lintas_sektor": 1, "proses_penggunaan_data": 1}, "persentase": {"cpr": null, "mkjp": null, "unmet": null, "poktan": null}, "klasifikasi": "Dasar", "indeks_input": 1.00, "indeks_output": 1.00, "indeks_proses": 1.00}',
	'... as text: exactly these keys, indices with two decimals');
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": null, "pokja_anggota": null, "pokja_terlatih": null, "sumber_dana": null,
	"poktan": null, "sarana": null, "pkb_pendamping": null, "regulasi": null, "penggunaan_data": null,
	"mekanisme_operasional": null, "instansi_intervensi": null, "penduduk": null, "kkbpk": null}'),
	kkb.klasifikasi_hitung('{}'), 'every key null is the same as the empty document');

-- all maxima: input 4+4+4+3+3 = 18 -> 3.60, proses 12 -> 4.00;
-- output: poktan 20/10 = 200% / 5 = 40, cpr 60/100 = 60, mkjp 30/60 = 50, unmet 5/100 = 5: all 4 -> 4.00
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 6,
	"poktan": 8, "sarana": 2, "pkb_pendamping": true, "regulasi": true, "penggunaan_data": 5, "mekanisme_operasional": 5,
	"instansi_intervensi": 7, "penduduk": {"pus": 100, "keluarga_balita": 10},
	"kkbpk": {"peserta_bkb": 20, "kb_iud": 30, "kb_pil": 30, "tidak_kb_iat": 2, "tidak_kb_tial": 3}}'),
	'{"skor": {"input_pokja": 4, "input_sumber_dana": 4, "input_poktan": 4, "input_sarana": 3, "input_pkb": 3,
	           "proses_penggunaan_data": 4, "proses_operasional": 4, "proses_lintas_sektor": 4,
	           "output_poktan": 4, "output_cpr": 4, "output_mkjp": 4, "output_unmet": 4},
	  "persentase": {"poktan": 40, "cpr": 60, "mkjp": 50, "unmet": 5},
	  "indeks_input": 3.60, "indeks_proses": 4.00, "indeks_output": 4.00, "klasifikasi": "Berkelanjutan"}'::jsonb,
	'all indicators at their best: Berkelanjutan');
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 6,
	"poktan": 8, "sarana": 2, "pkb_pendamping": true, "regulasi": true, "penggunaan_data": 5, "mekanisme_operasional": 5,
	"instansi_intervensi": 7}'),
	'{"skor": {"input_pokja": 4, "input_sumber_dana": 4, "input_poktan": 4, "input_sarana": 3, "input_pkb": 3,
	           "proses_penggunaan_data": 4, "proses_operasional": 4, "proses_lintas_sektor": 4,
	           "output_poktan": 1, "output_cpr": 1, "output_mkjp": 1, "output_unmet": 1},
	  "persentase": {"poktan": null, "cpr": null, "mkjp": null, "unmet": null},
	  "indeks_input": 3.60, "indeks_proses": 4.00, "indeks_output": 1.00, "klasifikasi": "Berkembang"}'::jsonb,
	'input and proses met, no output data: Berkembang');
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 6,
	"poktan": 8, "sarana": 2, "pkb_pendamping": true, "regulasi": true, "penduduk": {"pus": 100, "keluarga_balita": 10},
	"kkbpk": {"peserta_bkb": 20, "kb_iud": 30, "kb_pil": 30, "tidak_kb_iat": 2, "tidak_kb_tial": 3}}'),
	'{"skor": {"input_pokja": 4, "input_sumber_dana": 4, "input_poktan": 4, "input_sarana": 3, "input_pkb": 3,
	           "proses_penggunaan_data": 1, "proses_operasional": 1, "proses_lintas_sektor": 1,
	           "output_poktan": 4, "output_cpr": 4, "output_mkjp": 4, "output_unmet": 4},
	  "persentase": {"poktan": 40, "cpr": 60, "mkjp": 50, "unmet": 5},
	  "indeks_input": 3.60, "indeks_proses": 1.00, "indeks_output": 4.00, "klasifikasi": "Mandiri"}'::jsonb,
	'input and output met, proses not: Mandiri');
SELECT is(kkb.klasifikasi_hitung('{"penggunaan_data": 5, "mekanisme_operasional": 5, "instansi_intervensi": 7,
	"penduduk": {"pus": 100, "keluarga_balita": 10},
	"kkbpk": {"peserta_bkb": 20, "kb_iud": 30, "kb_pil": 30, "tidak_kb_iat": 2, "tidak_kb_tial": 3}}'),
	'{"skor": {"input_pokja": 1, "input_sumber_dana": 1, "input_poktan": 1, "input_sarana": 1, "input_pkb": 1,
	           "proses_penggunaan_data": 4, "proses_operasional": 4, "proses_lintas_sektor": 4,
	           "output_poktan": 4, "output_cpr": 4, "output_mkjp": 4, "output_unmet": 4},
	  "persentase": {"poktan": 40, "cpr": 60, "mkjp": 50, "unmet": 5},
	  "indeks_input": 1.00, "indeks_proses": 4.00, "indeks_output": 4.00, "klasifikasi": "Mandiri"}'::jsonb,
	'proses and output met, input not: Mandiri');
SELECT is(kkb.klasifikasi_hitung('{"penduduk": {"pus": 100, "keluarga_balita": 10},
	"kkbpk": {"peserta_bkb": 20, "kb_iud": 30, "kb_pil": 30, "tidak_kb_iat": 2, "tidak_kb_tial": 3}}') ->> 'klasifikasi',
	'Dasar', 'only output met (4.00): Dasar');
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 6,
	"poktan": 8, "sarana": 2, "pkb_pendamping": true, "regulasi": true}') ->> 'klasifikasi',
	'Dasar', 'only input met (3.60): Dasar');

-- exactly on the thresholds: input 4+3+3+3+2 = 15 -> 3.00, proses 3+3+3 = 9 -> 3.00,
-- output: poktan 105/100 -> 105 / 5 = 21 (3), cpr 100/244 = 40.98 -> 41 (3), mkjp 23/100 = 23 (3),
-- unmet 17/244 = 6.97 -> 7 (3): 12 -> 3.00
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 5, "pokja_terlatih": true, "sumber_dana": 2,
	"poktan": 3, "sarana": 2, "regulasi": true, "penggunaan_data": 2, "mekanisme_operasional": 3, "instansi_intervensi": 4,
	"penduduk": {"pus": 244, "keluarga": 100},
	"kkbpk": {"peserta_uppka": 105, "kb_implan": 23, "kb_suntik": 77, "tidak_kb_iat": 17}}'),
	'{"skor": {"input_pokja": 4, "input_sumber_dana": 3, "input_poktan": 3, "input_sarana": 3, "input_pkb": 2,
	           "proses_penggunaan_data": 3, "proses_operasional": 3, "proses_lintas_sektor": 3,
	           "output_poktan": 3, "output_cpr": 3, "output_mkjp": 3, "output_unmet": 3},
	  "persentase": {"poktan": 21, "cpr": 41, "mkjp": 23, "unmet": 7},
	  "indeks_input": 3.00, "indeks_proses": 3.00, "indeks_output": 3.00, "klasifikasi": "Berkelanjutan"}'::jsonb,
	'every index exactly 3.00 is met: Berkelanjutan');
-- one step below each: sarana 1 (2) -> 14/5 = 2.80, instansi 3 (2) -> 8/3 = 2.67, iat 25/244 = 10.2 -> 10 (2) -> 11/4 = 2.75
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 5, "pokja_terlatih": true, "sumber_dana": 2,
	"poktan": 3, "sarana": 1, "regulasi": true, "penggunaan_data": 2, "mekanisme_operasional": 3, "instansi_intervensi": 3,
	"penduduk": {"pus": 244, "keluarga": 100},
	"kkbpk": {"peserta_uppka": 105, "kb_implan": 23, "kb_suntik": 77, "tidak_kb_iat": 25}}'),
	'{"skor": {"input_pokja": 4, "input_sumber_dana": 3, "input_poktan": 3, "input_sarana": 2, "input_pkb": 2,
	           "proses_penggunaan_data": 3, "proses_operasional": 3, "proses_lintas_sektor": 2,
	           "output_poktan": 3, "output_cpr": 3, "output_mkjp": 3, "output_unmet": 2},
	  "persentase": {"poktan": 21, "cpr": 41, "mkjp": 23, "unmet": 10},
	  "indeks_input": 2.80, "indeks_proses": 2.67, "indeks_output": 2.75, "klasifikasi": "Dasar"}'::jsonb,
	'one score below each threshold: 2.80 / 2.67 / 2.75, Dasar');
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 5, "pokja_terlatih": true, "sumber_dana": 2,
	"poktan": 3, "sarana": 2, "regulasi": true, "penggunaan_data": 2, "mekanisme_operasional": 3, "instansi_intervensi": 4,
	"penduduk": {"pus": 244, "keluarga": 100},
	"kkbpk": {"peserta_uppka": 105, "kb_implan": 23, "kb_suntik": 77, "tidak_kb_iat": 25}}') ->> 'klasifikasi',
	'Berkembang', '3.00 / 3.00 / 2.75: Berkembang');
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_anggota": 5, "pokja_terlatih": true, "sumber_dana": 2,
	"poktan": 3, "sarana": 1, "regulasi": true, "penggunaan_data": 2, "mekanisme_operasional": 3, "instansi_intervensi": 4,
	"penduduk": {"pus": 244, "keluarga": 100},
	"kkbpk": {"peserta_uppka": 105, "kb_implan": 23, "kb_suntik": 77, "tidak_kb_iat": 17}}') ->> 'klasifikasi',
	'Mandiri', '2.80 / 3.00 / 3.00: Mandiri');

-- a mixed village: pokja trained but no members (3), poktan 1 (2), sarana 1 (2), regulasi (2): 10 -> 2.00;
-- operasional 3 (3): 1+3+1 = 5 -> 1.67; poktan 1/8 -> 12, 3/8 -> 38: 50/5 = 10 (2), cpr pus 0 -> 0 (1),
-- mkjp 1/4 = 25 (4), unmet pus 0 -> 0 (4): 11 -> 2.75
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_terlatih": true, "poktan": 1, "sarana": 1, "regulasi": true,
	"mekanisme_operasional": 3, "penduduk": {"pus": 0, "keluarga_balita": 8, "keluarga_remaja": 8},
	"kkbpk": {"peserta_bkb": 1, "peserta_bkr": 3, "kb_iud": 1, "kb_kondom": 3, "tidak_kb_iat": 4}}'),
	'{"skor": {"input_pokja": 3, "input_sumber_dana": 1, "input_poktan": 2, "input_sarana": 2, "input_pkb": 2,
	           "proses_penggunaan_data": 1, "proses_operasional": 3, "proses_lintas_sektor": 1,
	           "output_poktan": 2, "output_cpr": 1, "output_mkjp": 4, "output_unmet": 4},
	  "persentase": {"poktan": 10, "cpr": 0, "mkjp": 25, "unmet": 0},
	  "indeks_input": 2.00, "indeks_proses": 1.67, "indeks_output": 2.75, "klasifikasi": "Dasar"}'::jsonb,
	'mixed village with pus 0');

-- penduduk without pus: poktan 25+20+70+20+20 = 155 -> 31 (4), cpr and mkjp null (1), unmet 0 (4): 10 -> 2.50
SELECT is(kkb.klasifikasi_hitung('{"penduduk": {"keluarga": 50, "remaja": 40, "keluarga_balita": 20, "keluarga_remaja": 30,
	"keluarga_lansia": 10}, "kkbpk": {"peserta_bkb": 5, "peserta_bkr": 6, "peserta_bkl": 7, "peserta_uppka": 10,
	"peserta_pikr": 8, "kb_iud": 10, "kb_pil": 20, "tidak_kb_iat": 3, "tidak_kb_tial": 2}}'),
	'{"skor": {"input_pokja": 1, "input_sumber_dana": 1, "input_poktan": 1, "input_sarana": 1, "input_pkb": 1,
	           "proses_penggunaan_data": 1, "proses_operasional": 1, "proses_lintas_sektor": 1,
	           "output_poktan": 4, "output_cpr": 1, "output_mkjp": 1, "output_unmet": 4},
	  "persentase": {"poktan": 31, "cpr": null, "mkjp": null, "unmet": 0},
	  "indeks_input": 1.00, "indeks_proses": 1.00, "indeks_output": 2.50, "klasifikasi": "Dasar"}'::jsonb,
	'missing pus: cpr and mkjp null and 1, unmet 0 and 4');
-- pus 0 with a report: cpr 0 (1), mkjp 5/20 = 25 (4), unmet 0 (4): 10 -> 2.50
SELECT is(kkb.klasifikasi_hitung('{"penduduk": {"pus": 0}, "kkbpk": {"kb_iud": 5, "kb_pil": 15, "tidak_kb_iat": 9}}'),
	'{"skor": {"input_pokja": 1, "input_sumber_dana": 1, "input_poktan": 1, "input_sarana": 1, "input_pkb": 1,
	           "proses_penggunaan_data": 1, "proses_operasional": 1, "proses_lintas_sektor": 1,
	           "output_poktan": 1, "output_cpr": 1, "output_mkjp": 4, "output_unmet": 4},
	  "persentase": {"poktan": null, "cpr": 0, "mkjp": 25, "unmet": 0},
	  "indeks_input": 1.00, "indeks_proses": 1.00, "indeks_output": 2.50, "klasifikasi": "Dasar"}'::jsonb,
	'pus 0: cpr 0, mkjp still computed, unmet 0');
-- no report: poktan term 0/30 -> 0, cpr null (pus > 0), mkjp 0, unmet null
SELECT is(kkb.klasifikasi_hitung('{"penduduk": {"pus": 120, "keluarga_balita": 30}}') -> 'persentase',
	'{"poktan": 0, "cpr": null, "mkjp": 0, "unmet": null}'::jsonb, 'missing kkbpk: persentase 0 / null / 0 / null');
SELECT is(kkb.klasifikasi_hitung('{"penduduk": {"pus": 0}}') -> 'persentase',
	'{"poktan": null, "cpr": 0, "mkjp": 0, "unmet": null}'::jsonb, 'pus 0 and no kkbpk: cpr 0 (not null)');
SELECT is(kkb.klasifikasi_hitung('{"penduduk": {"pus": 100}, "kkbpk": {}}') -> 'persentase',
	'{"poktan": null, "cpr": 0, "mkjp": 0, "unmet": null}'::jsonb, 'an empty kkbpk is a report with no rows: cpr 0');
-- no penduduk: only unmet counts (0 -> 4): 1+1+1+4 = 7 -> 1.75
SELECT is(kkb.klasifikasi_hitung('{"kkbpk": {"peserta_bkb": 10, "kb_iud": 30, "kb_pil": 30, "tidak_kb_iat": 20}}'),
	'{"skor": {"input_pokja": 1, "input_sumber_dana": 1, "input_poktan": 1, "input_sarana": 1, "input_pkb": 1,
	           "proses_penggunaan_data": 1, "proses_operasional": 1, "proses_lintas_sektor": 1,
	           "output_poktan": 1, "output_cpr": 1, "output_mkjp": 1, "output_unmet": 4},
	  "persentase": {"poktan": null, "cpr": null, "mkjp": null, "unmet": 0},
	  "indeks_input": 1.00, "indeks_proses": 1.00, "indeks_output": 1.75, "klasifikasi": "Dasar"}'::jsonb,
	'missing penduduk: surprising but true, unmet 0 scores 4');

-- formatting of the indices (jsonb equality ignores trailing zeros, text does not)
SELECT is(kkb.klasifikasi_hitung('{"pokja_ada": true, "pokja_terlatih": true, "poktan": 1, "sarana": 1, "regulasi": true,
	"mekanisme_operasional": 3}') ->> 'indeks_input', '2.00', 'indeks_input printed as 2.00');
SELECT is(kkb.klasifikasi_hitung('{"mekanisme_operasional": 3}') ->> 'indeks_proses', '1.67', 'indeks_proses 5/3 printed as 1.67');
SELECT is(kkb.klasifikasi_hitung('{"mekanisme_operasional": 3, "penggunaan_data": 1}') ->> 'indeks_proses', '2.00',
	'indeks_proses 6/3 printed as 2.00');
SELECT is(kkb.klasifikasi_hitung('{"penggunaan_data": 4, "mekanisme_operasional": 1}') ->> 'indeks_proses', '2.33',
	'indeks_proses 7/3 printed as 2.33');
SELECT is(kkb.klasifikasi_hitung('{"sumber_dana": 1, "sarana": 2}') ->> 'indeks_input', '1.60', 'indeks_input 8/5 printed as 1.60');
SELECT is(kkb.klasifikasi_hitung('{"kkbpk": {"tidak_kb_iat": 1}}') ->> 'indeks_output', '1.75', 'indeks_output 7/4 printed as 1.75');
SELECT is(jsonb_typeof(kkb.klasifikasi_hitung('{}') -> 'indeks_output'), 'number', 'indices are JSON numbers');

-- ---------------------------------------------------------------------------
-- every band boundary of every input and process score
-- ---------------------------------------------------------------------------
SELECT is(kkb.klasifikasi_hitung(doc::jsonb) #>> ARRAY['skor', skor], want, format('%s -> %s %s', doc, skor, want))
  FROM (VALUES
	('{"pokja_ada": false, "pokja_anggota": 9, "pokja_terlatih": true}', 'input_pokja', '1'),
	('{"pokja_anggota": 9, "pokja_terlatih": true}', 'input_pokja', '1'),
	('{"pokja_ada": true}', 'input_pokja', '2'),
	('{"pokja_ada": true, "pokja_anggota": 0, "pokja_terlatih": false}', 'input_pokja', '2'),
	('{"pokja_ada": true, "pokja_anggota": 1}', 'input_pokja', '3'),
	('{"pokja_ada": true, "pokja_anggota": 0, "pokja_terlatih": true}', 'input_pokja', '3'),
	('{"pokja_ada": true, "pokja_anggota": 1, "pokja_terlatih": true}', 'input_pokja', '4'),
	('{"pokja_ada": true, "pokja_anggota": 2147483647, "pokja_terlatih": true}', 'input_pokja', '4'),
	('{"sumber_dana": 0}', 'input_sumber_dana', '1'),
	('{"sumber_dana": 1}', 'input_sumber_dana', '2'),
	('{"sumber_dana": 2}', 'input_sumber_dana', '3'),
	('{"sumber_dana": 4}', 'input_sumber_dana', '3'),
	('{"sumber_dana": 5}', 'input_sumber_dana', '4'),
	('{"sumber_dana": 6}', 'input_sumber_dana', '4'),
	('{"poktan": 0}', 'input_poktan', '1'),
	('{"poktan": 1}', 'input_poktan', '2'),
	('{"poktan": 2}', 'input_poktan', '2'),
	('{"poktan": 3}', 'input_poktan', '3'),
	('{"poktan": 4}', 'input_poktan', '3'),
	('{"poktan": 5}', 'input_poktan', '4'),
	('{"poktan": 8}', 'input_poktan', '4'),
	('{"sarana": 0}', 'input_sarana', '1'),
	('{"sarana": 1}', 'input_sarana', '2'),
	('{"sarana": 2}', 'input_sarana', '3'),
	('{"pkb_pendamping": false, "regulasi": false}', 'input_pkb', '1'),
	('{"pkb_pendamping": true}', 'input_pkb', '2'),
	('{"regulasi": true, "pkb_pendamping": false}', 'input_pkb', '2'),
	('{"pkb_pendamping": true, "regulasi": true}', 'input_pkb', '3'),
	('{"penggunaan_data": 0}', 'proses_penggunaan_data', '1'),
	('{"penggunaan_data": 1}', 'proses_penggunaan_data', '2'),
	('{"penggunaan_data": 2}', 'proses_penggunaan_data', '3'),
	('{"penggunaan_data": 3}', 'proses_penggunaan_data', '3'),
	('{"penggunaan_data": 4}', 'proses_penggunaan_data', '4'),
	('{"penggunaan_data": 5}', 'proses_penggunaan_data', '4'),
	('{"mekanisme_operasional": 0}', 'proses_operasional', '1'),
	('{"mekanisme_operasional": 1}', 'proses_operasional', '2'),
	('{"mekanisme_operasional": 2}', 'proses_operasional', '2'),
	('{"mekanisme_operasional": 3}', 'proses_operasional', '3'),
	('{"mekanisme_operasional": 4}', 'proses_operasional', '3'),
	('{"mekanisme_operasional": 5}', 'proses_operasional', '4'),
	('{"instansi_intervensi": 0}', 'proses_lintas_sektor', '1'),
	('{"instansi_intervensi": 1}', 'proses_lintas_sektor', '2'),
	('{"instansi_intervensi": 3}', 'proses_lintas_sektor', '2'),
	('{"instansi_intervensi": 4}', 'proses_lintas_sektor', '3'),
	('{"instansi_intervensi": 6}', 'proses_lintas_sektor', '3'),
	('{"instansi_intervensi": 7}', 'proses_lintas_sektor', '4'),
	('{"instansi_intervensi": 1000}', 'proses_lintas_sektor', '4'),
	('{"pokja_ada": true, "pokja_anggota": 1e2}', 'input_pokja', '3')
  ) AS t(doc, skor, want);

-- ---------------------------------------------------------------------------
-- output scores: band boundaries, rounding ties and the null / 0 rules,
-- as "persentase -> score"
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.keluaran(doc::jsonb, k), want, format('%s: %s %s', regexp_replace(doc, '\s+', ' ', 'g'), k, want))
  FROM (VALUES
	-- output_poktan: p < 10 -> 1, 10..20 -> 2, 21..30 -> 3, > 30 -> 4; p = round(sum of terms / 5)
	('{"penduduk": {"keluarga_balita": 100}, "kkbpk": {"peserta_bkb": 47}}', 'poktan', '9 -> 1'),
	('{"penduduk": {"keluarga_balita": 100}, "kkbpk": {"peserta_bkb": 48}}', 'poktan', '10 -> 2'),
	('{"penduduk": {"keluarga_balita": 100}, "kkbpk": {"peserta_bkb": 102}}', 'poktan', '20 -> 2'),
	('{"penduduk": {"keluarga_balita": 100}, "kkbpk": {"peserta_bkb": 103}}', 'poktan', '21 -> 3'),
	('{"penduduk": {"keluarga_balita": 100}, "kkbpk": {"peserta_bkb": 152}}', 'poktan', '30 -> 3'),
	('{"penduduk": {"keluarga_balita": 100}, "kkbpk": {"peserta_bkb": 153}}', 'poktan', '31 -> 4'),
	('{"penduduk": {"keluarga_balita": 8, "keluarga_remaja": 8, "keluarga_lansia": 8, "keluarga": 8, "remaja": 8},
	   "kkbpk": {"peserta_bkb": 1, "peserta_bkr": 1, "peserta_bkl": 1, "peserta_uppka": 1, "peserta_pikr": 1}}',
	 'poktan', '12 -> 2'),		-- 1/8 = 12.5 -> 12 each (not 13)
	('{"penduduk": {"keluarga_balita": 8, "keluarga_remaja": 8, "keluarga_lansia": 8, "keluarga": 8, "remaja": 8},
	   "kkbpk": {"peserta_bkb": 3, "peserta_bkr": 3, "peserta_bkl": 3, "peserta_uppka": 3, "peserta_pikr": 3}}',
	 'poktan', '38 -> 4'),		-- 3/8 = 37.5 -> 38 each
	('{"penduduk": {"keluarga_balita": 40, "keluarga_remaja": 40, "keluarga_lansia": 40, "keluarga": 40, "remaja": 40},
	   "kkbpk": {"peserta_bkb": 23, "peserta_bkr": 23, "peserta_bkl": 23, "peserta_uppka": 23, "peserta_pikr": 23}}',
	 'poktan', '57 -> 4'),		-- 23/40 = 57.49999999999999 -> 57 each (not 58)
	('{"penduduk": {"keluarga_balita": 8, "keluarga_remaja": 8}, "kkbpk": {"peserta_bkb": 1, "peserta_bkr": 3}}',
	 'poktan', '10 -> 2'),		-- 12 + 38 = 50, / 5
	('{"penduduk": {"keluarga": 7, "remaja": 9}, "kkbpk": {"peserta_uppka": 7, "peserta_pikr": 9}}',
	 'poktan', '40 -> 4'),		-- always / 5: (100 + 100) / 5
	('{"penduduk": {"keluarga_balita": 10}, "kkbpk": {"peserta_bkb": 10, "peserta_bkr": 500}}',
	 'poktan', '20 -> 2'),		-- bkr without keluarga_remaja does not count
	('{"penduduk": {"keluarga_balita": 0}, "kkbpk": {"peserta_bkb": 5}}', 'poktan', '0 -> 1'),
	('{"penduduk": {"keluarga_balita": 40}}', 'poktan', '0 -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"peserta_bkb": 50}}', 'poktan', 'null -> 1'),
	('{"penduduk": {}, "kkbpk": {"peserta_bkb": 50}}', 'poktan', 'null -> 1'),
	('{"penduduk": null, "kkbpk": {"peserta_bkb": 50}}', 'poktan', 'null -> 1'),
	('{"penduduk": {"keluarga_balita": null}, "kkbpk": {"peserta_bkb": 50}}', 'poktan', 'null -> 1'),
	-- output_cpr: c < 30 -> 1, 30..40 -> 2, 41..50 -> 3, > 50 -> 4
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 29}}', 'cpr', '29 -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 30}}', 'cpr', '30 -> 2'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 40}}', 'cpr', '40 -> 2'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 41}}', 'cpr', '41 -> 3'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 50}}', 'cpr', '50 -> 3'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 51}}', 'cpr', '51 -> 4'),
	('{"penduduk": {"pus": 200}, "kkbpk": {"kb_pil": 59}}', 'cpr', '30 -> 2'),		-- 29.5 -> 30
	('{"penduduk": {"pus": 200}, "kkbpk": {"kb_pil": 81}}', 'cpr', '40 -> 2'),		-- 40.5 -> 40 (not 41)
	('{"penduduk": {"pus": 200}, "kkbpk": {"kb_pil": 101}}', 'cpr', '50 -> 3'),		-- 50.5 -> 50 (not 51)
	('{"penduduk": {"pus": 40}, "kkbpk": {"kb_suntik": 23}}', 'cpr', '57 -> 4'),		-- 23/40 -> 57
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_iud": 1, "kb_mow": 2, "kb_mop": 3, "kb_kondom": 4, "kb_implan": 5,
	   "kb_suntik": 6, "kb_pil": 10, "tidak_kb_hamil": 50, "tidak_kb_ingin_segera": 50}}', 'cpr', '31 -> 2'),
	('{"penduduk": {"pus": 1}, "kkbpk": {"kb_pil": 2147483647}}', 'cpr', '214748364700 -> 4'),
	('{"kkbpk": {"kb_pil": 90}}', 'cpr', 'null -> 1'),
	('{"penduduk": {"keluarga": 100}, "kkbpk": {"kb_pil": 90}}', 'cpr', 'null -> 1'),
	('{"penduduk": {"pus": null}, "kkbpk": {"kb_pil": 90}}', 'cpr', 'null -> 1'),
	('{"penduduk": {"pus": 100}}', 'cpr', 'null -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": null}', 'cpr', 'null -> 1'),
	('{"penduduk": {"pus": 0}}', 'cpr', '0 -> 1'),
	('{"penduduk": {"pus": 0}, "kkbpk": {"kb_pil": 10}}', 'cpr', '0 -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"peserta_bkb": 80}}', 'cpr', '0 -> 1'),
	-- output_mkjp: m < 20 -> 1, 20..22 -> 2, 23..24 -> 3, > 24 -> 4; m = (iud+mow+mop+implan) / total
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_iud": 19, "kb_pil": 81}}', 'mkjp', '19 -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_iud": 20, "kb_pil": 80}}', 'mkjp', '20 -> 2'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_mow": 22, "kb_pil": 78}}', 'mkjp', '22 -> 2'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_mop": 23, "kb_kondom": 77}}', 'mkjp', '23 -> 3'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_implan": 24, "kb_suntik": 76}}', 'mkjp', '24 -> 3'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_iud": 10, "kb_implan": 15, "kb_pil": 75}}', 'mkjp', '25 -> 4'),
	('{"penduduk": {"pus": 1000}, "kkbpk": {"kb_iud": 39, "kb_pil": 161}}', 'mkjp', '20 -> 2'),	-- 19.5 -> 20
	('{"penduduk": {"pus": 1000}, "kkbpk": {"kb_iud": 45, "kb_pil": 155}}', 'mkjp', '22 -> 2'),	-- 22.5 -> 22 (not 23)
	('{"penduduk": {"pus": 1000}, "kkbpk": {"kb_implan": 9, "kb_suntik": 31}}', 'mkjp', '22 -> 2'),	-- 9/40 = 22.5 -> 22
	('{"penduduk": {"pus": 1000}, "kkbpk": {"kb_iud": 49, "kb_pil": 151}}', 'mkjp', '24 -> 3'),	-- 24.5 -> 24 (not 25)
	('{"penduduk": {"keluarga": 1}, "kkbpk": {"kb_iud": 50}}', 'mkjp', 'null -> 1'),
	('{"penduduk": {"pus": 100}}', 'mkjp', '0 -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_iud": 0, "kb_pil": 0}}', 'mkjp', '0 -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 40, "kb_suntik": 10}}', 'mkjp', 'null -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 40, "kb_mop": null}}', 'mkjp', 'null -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 40, "kb_mop": 0}}', 'mkjp', '0 -> 1'),
	('{"penduduk": {"pus": 0}, "kkbpk": {"kb_implan": 3, "kb_kondom": 7}}', 'mkjp', '30 -> 4'),
	-- output_unmet: u >= 13 -> 1, 10..12 -> 2, 7..9 -> 3, <= 6 -> 4; u = (iat + tial) / pus
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_iat": 13}}', 'unmet', '13 -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_iat": 12}}', 'unmet', '12 -> 2'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_tial": 10}}', 'unmet', '10 -> 2'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_tial": 9}}', 'unmet', '9 -> 3'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_iat": 3, "tidak_kb_tial": 4}}', 'unmet', '7 -> 3'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_iat": 6}}', 'unmet', '6 -> 4'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_iat": 0}}', 'unmet', '0 -> 4'),
	('{"penduduk": {"pus": 200}, "kkbpk": {"tidak_kb_iat": 25}}', 'unmet', '12 -> 2'),	-- 12.5 -> 12 (not 13)
	('{"penduduk": {"pus": 200}, "kkbpk": {"tidak_kb_iat": 13}}', 'unmet', '6 -> 4'),	-- 6.5 -> 6 (not 7)
	('{"penduduk": {"pus": 200}, "kkbpk": {"tidak_kb_iat": 10, "tidak_kb_tial": 9}}', 'unmet', '10 -> 2'),	-- 9.5 -> 10
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_iat": 5, "tidak_kb_tial": 6, "tidak_kb_hamil": 40,
	   "tidak_kb_ingin_segera": 40}}', 'unmet', '11 -> 2'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 10, "tidak_kb_hamil": 90}}', 'unmet', 'null -> 1'),
	('{"penduduk": {"pus": 100}, "kkbpk": {"tidak_kb_iat": null, "tidak_kb_tial": null}}', 'unmet', 'null -> 1'),
	('{"penduduk": {"pus": 100}}', 'unmet', 'null -> 1'),
	-- surprising but true: a report with IAT or TIAL and pus missing or 0 gives unmet 0, score 4
	('{"kkbpk": {"tidak_kb_iat": 80, "tidak_kb_tial": 80}}', 'unmet', '0 -> 4'),
	('{"penduduk": {"keluarga": 10}, "kkbpk": {"tidak_kb_tial": 80}}', 'unmet', '0 -> 4'),
	('{"penduduk": {"pus": 0}, "kkbpk": {"tidak_kb_iat": 500, "tidak_kb_tial": 500}}', 'unmet', '0 -> 4')
  ) AS t(doc, k, want);

-- ---------------------------------------------------------------------------
-- unknown keys are ignored
-- ---------------------------------------------------------------------------
SELECT is(kkb.klasifikasi_hitung('{"nama_desa": "Sungai Limau", "tahun": 2024, "pokja": {"ada": 1}, "poktan_list": ["BKB"],
	"pokja_ada": true, "pokja_anggota": 5, "pokja_terlatih": true, "sumber_dana": 2, "poktan": 3, "sarana": 2,
	"regulasi": true, "penggunaan_data": 2, "mekanisme_operasional": 3, "instansi_intervensi": 4,
	"penduduk": {"pus": 244, "keluarga": 100, "jiwa": "banyak", "PUS": 1},
	"kkbpk": {"peserta_uppka": 105, "kb_implan": 23, "kb_suntik": 77, "tidak_kb_iat": 17, "kb_lainnya": -5}}'),
	'{"skor": {"input_pokja": 4, "input_sumber_dana": 3, "input_poktan": 3, "input_sarana": 3, "input_pkb": 2,
	           "proses_penggunaan_data": 3, "proses_operasional": 3, "proses_lintas_sektor": 3,
	           "output_poktan": 3, "output_cpr": 3, "output_mkjp": 3, "output_unmet": 3},
	  "persentase": {"poktan": 21, "cpr": 41, "mkjp": 23, "unmet": 7},
	  "indeks_input": 3.00, "indeks_proses": 3.00, "indeks_output": 3.00, "klasifikasi": "Berkelanjutan"}'::jsonb,
	'unknown keys (top level and nested, any type, case-sensitive names) are ignored');
SELECT is(kkb.klasifikasi_hitung('{"Poktan": 99, "pus": 5, "kb_pil": 7}'), kkb.klasifikasi_hitung('{}'),
	'keys in the wrong place or case are unknown keys');

-- ---------------------------------------------------------------------------
-- invalid input: 22023 naming the key and the value
-- ---------------------------------------------------------------------------
SELECT throws_ok(format('SELECT kkb.klasifikasi_hitung(%L)', doc), '22023', msg, format('%s is rejected (22023)', doc))
  FROM (VALUES
	('{"pokja_ada": 1}', 'invalid value for "pokja_ada": 1'),
	('{"regulasi": "true"}', 'invalid value for "regulasi": "true"'),
	('{"pokja_terlatih": {"ya": true}}', 'invalid value for "pokja_terlatih": {"ya": true}'),
	('{"poktan": "3"}', 'invalid value for "poktan": "3"'),
	('{"poktan": 2.5}', 'invalid value for "poktan": 2.5'),
	('{"poktan": 3.0}', 'invalid value for "poktan": 3.0'),
	('{"poktan": true}', 'invalid value for "poktan": true'),
	('{"poktan": 9}', 'invalid value for "poktan": 9'),
	('{"poktan": -1}', 'invalid value for "poktan": -1'),
	('{"sarana": 3}', 'invalid value for "sarana": 3'),
	('{"sumber_dana": 7}', 'invalid value for "sumber_dana": 7'),
	('{"penggunaan_data": 6}', 'invalid value for "penggunaan_data": 6'),
	('{"mekanisme_operasional": 6}', 'invalid value for "mekanisme_operasional": 6'),
	('{"pokja_anggota": -1}', 'invalid value for "pokja_anggota": -1'),
	('{"instansi_intervensi": 2147483648}', 'invalid value for "instansi_intervensi": 2147483648'),
	('{"instansi_intervensi": [4]}', 'invalid value for "instansi_intervensi": [4]'),
	('{"penduduk": [1, 2]}', 'invalid value for "penduduk": [1, 2]'),
	('{"penduduk": "ada"}', 'invalid value for "penduduk": "ada"'),
	('{"kkbpk": 5}', 'invalid value for "kkbpk": 5'),
	('{"penduduk": {"pus": -1}}', 'invalid value for "penduduk.pus": -1'),
	('{"penduduk": {"keluarga_lansia": 1.5}}', 'invalid value for "penduduk.keluarga_lansia": 1.5'),
	('{"kkbpk": {"kb_pil": true}}', 'invalid value for "kkbpk.kb_pil": true'),
	('{"kkbpk": {"tidak_kb_iat": "2"}}', 'invalid value for "kkbpk.tidak_kb_iat": "2"'),
	('{"kkbpk": {"kb_iud": 1e30}}', 'invalid value for "kkbpk.kb_iud": 1000000000000000000000000000000'),
	('{"kkbpk": {"kb_pil": -1}, "sarana": 5}', 'invalid value for "sarana": 5'),
	('[1, 2, 3]', 'invalid value for "masukan": [1, 2, 3]'),
	('"teks"', 'invalid value for "masukan": "teks"'),
	('42', 'invalid value for "masukan": 42'),
	('null', 'invalid value for "masukan": null')
  ) AS t(doc, msg);

-- the detail says what is allowed
CREATE FUNCTION pg_temp.galat(doc jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	d text;
	h text;
BEGIN
	PERFORM kkb.klasifikasi_hitung(doc);
	RETURN 'no error';
EXCEPTION WHEN invalid_parameter_value THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN d || CASE WHEN h <> '' THEN ' | ' || h ELSE '' END;
END
$$;
SELECT is(pg_temp.galat('{"poktan": 9}'), '"poktan" must be a whole number from 0 to 8, or null when not recorded.',
	'detail of a range error');
SELECT is(pg_temp.galat('{"pokja_ada": "ya"}'), '"pokja_ada" must be true or false, or null when not recorded.',
	'detail of a boolean type error');
SELECT is(pg_temp.galat('{"penduduk": {"pus": 0.5}}'),
	'"penduduk.pus" must be a whole number from 0 to 2147483647, or null when not recorded.', 'detail of a nested count');
SELECT is(pg_temp.galat('{"sarana": 2.0}'),
	'"sarana" must be a whole number from 0 to 2, or null when not recorded. | Write counts without a decimal point (3, not 3.0).',
	'2.0 is rejected with a hint');
SELECT is(pg_temp.galat('{"kkbpk": []}'), '"kkbpk" must be a JSON object, or null when there is no record.',
	'detail for a non-object kkbpk');
SELECT is(pg_temp.galat('[]'), 'The input document of kkb.klasifikasi_hitung must be a JSON object.',
	'detail for a non-object document');

SELECT * FROM finish();
ROLLBACK;

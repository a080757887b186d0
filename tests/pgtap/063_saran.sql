-- The "what it takes" advisor in SQL: kkb.klasifikasi_saran (the C core of
-- extension/src/core/saran.c, property-tested in tests/unit/test_saran.c) reads
-- the same input document as kkb.klasifikasi_hitung, its changed documents get
-- their target class from kkb.klasifikasi_hitung over a generated kecamatan, and
-- kkb.saran_kelas names who moves each lever, within the caller's scope only.
-- Fixture: a generated kecamatan of Bukittinggi (13.75.01), 5% scale, 2026-10.
BEGIN;
SELECT plan(25);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.05, 11, 1, '2026-10-01');
CREATE TEMP TABLE desa AS SELECT kode_desa FROM kkb.kampung WHERE kode_desa <@ '13.75.01';

-- an empty document: Dasar; Berkembang in 16 steps (worked out in tests/unit/test_saran.c)
SELECT is(kkb.klasifikasi_saran('{}') ->> 'klasifikasi', 'Dasar', 'nothing recorded: Dasar');
SELECT is(jsonb_array_length(kkb.klasifikasi_saran('{}') -> 'saran'), 1, '... one class reachable (output cannot reach 3.00 without PUS)');
SELECT is((kkb.klasifikasi_saran('{}') #> '{saran,0}') - 'perubahan' - 'masukan',
          '{"kelas": "Berkembang", "langkah": 16, "indikator": 6}'::jsonb, '... Berkembang, 16 score steps over 6 indicators');
SELECT is(kkb.klasifikasi_hitung(kkb.klasifikasi_saran('{}') #> '{saran,0,masukan}') ->> 'klasifikasi', 'Berkembang',
          '... and its changed document is Berkembang');

-- a Berkembang village one step short: MKJP 0% -> 20% by moving 8 of 40 pill users to implants
SELECT is(kkb.klasifikasi_saran('{"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 5,
          "poktan": 5, "sarana": 2, "pkb_pendamping": true, "regulasi": true, "penggunaan_data": 4,
          "mekanisme_operasional": 5, "instansi_intervensi": 7,
          "penduduk": {"pus": 100, "keluarga_balita": 10, "keluarga_remaja": 10},
          "kkbpk": {"peserta_bkb": 10, "peserta_bkr": 10, "kb_pil": 40, "tidak_kb_iat": 1}}') -> 'saran',
          '[{"kelas": "Berkelanjutan", "langkah": 1, "indikator": 1, "perubahan": [
             {"indikator": "output_mkjp", "skor_dari": 1, "skor_ke": 2, "kunci": "kkbpk.kb_implan", "dari": null, "ke": 8},
             {"indikator": "output_mkjp", "skor_dari": 1, "skor_ke": 2, "kunci": "kkbpk.kb_pil", "dari": 40, "ke": 32}],
           "masukan": {"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 5, "poktan": 5,
             "sarana": 2, "pkb_pendamping": true, "regulasi": true, "penggunaan_data": 4, "mekanisme_operasional": 5,
             "instansi_intervensi": 7, "penduduk": {"pus": 100, "keluarga_balita": 10, "keluarga_remaja": 10},
             "kkbpk": {"peserta_bkb": 10, "peserta_bkr": 10, "kb_implan": 8, "kb_pil": 32, "tidak_kb_iat": 1}}}]'::jsonb,
          'one step short of Berkelanjutan: 8 pill users moved to implants (MKJP 20%), CPR unchanged');
SELECT is(kkb.klasifikasi_saran('{"pokja_ada": true, "pokja_anggota": 10, "pokja_terlatih": true, "sumber_dana": 5,
          "poktan": 5, "sarana": 2, "pkb_pendamping": true, "regulasi": true, "penggunaan_data": 4,
          "mekanisme_operasional": 5, "instansi_intervensi": 7, "penduduk": {"pus": 100}, "kkbpk": {"kb_pil": 60, "kb_implan": 20, "tidak_kb_iat": 0}}'),
          '{"klasifikasi": "Berkelanjutan", "saran": []}'::jsonb, 'a Berkelanjutan village: nothing to advise');

-- the same reading and the same errors as kkb.klasifikasi_hitung
SELECT throws_ok($$SELECT kkb.klasifikasi_saran('{"poktan": 9}')$$, '22023', 'invalid value for "poktan": 9',
                 'poktan 9: 22023 naming the key, as kkb.klasifikasi_hitung');
SELECT throws_ok($$SELECT kkb.klasifikasi_saran('[1]')$$, '22023', 'invalid value for "masukan": [1]',
                 'a document that is not an object: 22023');
SELECT throws_ok($$SELECT kkb.klasifikasi_saran('{"kkbpk": {"kb_pil": 2.5}}')$$, '22023', 'invalid value for "kkbpk.kb_pil": 2.5',
                 'a fractional count: 22023');
SELECT is(kkb.klasifikasi_saran(NULL), NULL, 'NULL in, NULL out');

-- every village of the kecamatan: each offered class is above the current one and is what
-- kkb.klasifikasi_hitung gives its changed document; the current class is the village's class
CREATE TEMP TABLE saran AS
SELECT d.kode_desa, kkb.klasifikasi(d.kode_desa, '2026-10-01') ->> 'klasifikasi' AS kelas,
       kkb.klasifikasi_saran(kkb.klasifikasi_masukan(d.kode_desa, '2026-10-01')) AS j
  FROM desa d;
SELECT ok((SELECT count(*) FROM saran) >= 5, 'the kecamatan has Kampung KB');
SELECT is((SELECT count(*) FROM saran WHERE j ->> 'klasifikasi' IS DISTINCT FROM kelas), 0::bigint,
          'the advice names each village''s class as kkb.klasifikasi does');
SELECT ok((SELECT count(*) FROM saran, jsonb_array_elements(j -> 'saran')) > 0, 'some village gets advice');
SELECT is((SELECT count(*) FROM saran, jsonb_array_elements(j -> 'saran') t
            WHERE kkb.klasifikasi_hitung(t -> 'masukan') ->> 'klasifikasi' IS DISTINCT FROM t ->> 'kelas'), 0::bigint,
          'every changed document gets its target class from kkb.klasifikasi_hitung');
SELECT is((SELECT count(*) FROM saran, jsonb_array_elements(j -> 'saran') t
            WHERE array_position(ARRAY['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'], t ->> 'kelas')
               <= array_position(ARRAY['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'], kelas)), 0::bigint,
          'every offered class is above the current one');
SELECT is((SELECT count(*) FROM saran, jsonb_array_elements(j -> 'saran') t
            WHERE (t ->> 'langkah')::int <> (SELECT sum((kkb.klasifikasi_hitung(t -> 'masukan') -> 'skor' ->> k)::int
                                                      - (kkb.klasifikasi_hitung(kkb.klasifikasi_masukan(saran.kode_desa, '2026-10-01')) -> 'skor' ->> k)::int)
                                                 FROM jsonb_object_keys(kkb.klasifikasi_hitung(t -> 'masukan') -> 'skor') k)
              AND (t ->> 'langkah')::int > (SELECT sum((kkb.klasifikasi_hitung(t -> 'masukan') -> 'skor' ->> k)::int
                                                     - (kkb.klasifikasi_hitung(kkb.klasifikasi_masukan(saran.kode_desa, '2026-10-01')) -> 'skor' ->> k)::int)
                                                FROM jsonb_object_keys(kkb.klasifikasi_hitung(t -> 'masukan') -> 'skor') k)), 0::bigint,
          'the changed documents raise the scores by at least langkah');

-- kkb.saran_kelas: the same advice with who moves each lever
SELECT is((SELECT count(*) FROM saran s
            WHERE (SELECT jsonb_agg(t - 'perubahan') FROM jsonb_array_elements(kkb.saran_kelas(s.kode_desa, '2026-10-15') -> 'saran') t)
                  IS DISTINCT FROM (SELECT jsonb_agg(t - 'perubahan') FROM jsonb_array_elements(s.j -> 'saran') t)), 0::bigint,
          'kkb.saran_kelas gives each village the advice of kkb.klasifikasi_saran (any day of the month)');
SELECT is((SELECT count(*) FROM saran s, jsonb_array_elements(kkb.saran_kelas(s.kode_desa, '2026-10-01') -> 'saran') t,
                  jsonb_array_elements(t -> 'perubahan') u
            WHERE u ->> 'pelaksana' IS NULL OR u ->> 'pelaksana_nama' IS NULL OR u ->> 'tindakan' IS NULL), 0::bigint,
          'every change names its owner and what to do');
-- every key the advisor can change has an owner (the levers of saran.h)
SELECT is(ARRAY(SELECT k FROM unnest(ARRAY['pokja_ada', 'pokja_anggota', 'pokja_terlatih', 'sumber_dana', 'poktan', 'sarana',
                  'pkb_pendamping', 'regulasi', 'penggunaan_data', 'mekanisme_operasional', 'instansi_intervensi',
                  'kkbpk.peserta_bkb', 'kkbpk.peserta_bkr', 'kkbpk.peserta_bkl', 'kkbpk.peserta_uppka', 'kkbpk.peserta_pikr',
                  'kkbpk.kb_pil', 'kkbpk.kb_suntik', 'kkbpk.kb_kondom', 'kkbpk.kb_implan', 'kkbpk.tidak_kb_iat',
                  'kkbpk.tidak_kb_tial']) k
                 WHERE NOT EXISTS (SELECT 1 FROM kkb.saran_pelaksana p WHERE p.kunci = k)), '{}'::text[],
          'every lever of the advisor has a row in kkb.saran_pelaksana');
SELECT is((SELECT kkb.saran_kelas(min(s.kode_desa::text)::kkb.kode_wilayah, '2026-10-01') #>> '{kode_desa}' FROM saran s),
          (SELECT min(kode_desa::text) FROM saran), 'the answer names its village');

-- scope: the village's Pokja gets its own advice, another village's Pokja 42501
SELECT min(kode_desa::text) AS desa1, max(kode_desa::text) AS desa2 FROM saran \gset
SELECT set_config('kkb.wilayah', :'desa1', true);
SET LOCAL ROLE kkb_pokja;
SELECT lives_ok(format('SELECT kkb.saran_kelas(%L, %L)', :'desa1', '2026-10-01'),
                'a Pokja reads its own village''s advice');
SELECT throws_ok(format('SELECT kkb.saran_kelas(%L, %L)', :'desa2', '2026-10-01'),
                 '42501', NULL, '... and gets 42501 for another village');
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);

-- the owners table: one owner, a known agency, a known village body
SELECT throws_ok($$INSERT INTO kkb.saran_pelaksana VALUES ('sarana_x', 'dinkes', 'pokja', 'x')$$, '23514', NULL,
                 'an owner that is both an agency and a village body: 23514');
SELECT is(kkb.galat_jawab('23514', 'saran_pelaksana_satu', 'saran_pelaksana', NULL, 'violates check', NULL, NULL) ->> 'code',
          'KKB-SARAN-SATU-PELAKSANA', '... answered with its own code');
SELECT throws_ok($$INSERT INTO kkb.saran_pelaksana VALUES ('sarana_x', 'tidak_ada', NULL, 'x')$$, '23503', NULL,
                 'an unknown agency: 23503');
SELECT * FROM finish();
ROLLBACK;

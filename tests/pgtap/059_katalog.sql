-- kkb.katalog answers "what can I ask?": every public function and view, in
-- Indonesian and English, with who may use it; generated from the catalogue,
-- so a new public function without an Indonesian description fails here.
BEGIN;
SELECT plan(11);
SET client_min_messages = warning;

-- the public objects, found here independently of the view
CREATE TEMP TABLE publik AS
SELECT n.nspname || '.' || p.proname AS nama, pg_get_function_arguments(p.oid) AS argumen
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname IN ('kkb', 'kkb_bi') AND p.proname !~ '^_' AND p.prorettype <> 'trigger'::regtype
   AND p.oid NOT IN (SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend, typmodin, typmodout, typanalyze]::oid[]) FROM pg_type)
   AND p.oid NOT IN (SELECT unnest(ARRAY[oprcode, oprrest, oprjoin]::oid[]) FROM pg_operator)
   AND p.oid NOT IN (SELECT amproc FROM pg_amproc) AND p.oid NOT IN (SELECT castfunc FROM pg_cast)
UNION ALL
SELECT n.nspname || '.' || c.relname, NULL
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('kkb', 'kkb_bi') AND c.relkind IN ('v', 'm') AND c.relname !~ '^_';

SELECT ok((SELECT count(*) FROM publik) > 80, 'more than 80 public functions and views to describe');
SELECT set_eq($$SELECT nama, coalesce(argumen, '') FROM kkb.katalog$$, $$SELECT nama, coalesce(argumen, '') FROM publik$$,
              'the catalogue lists every public function and view, one row per signature, and nothing else');
SELECT is_empty($$SELECT nama FROM kkb.katalog WHERE uraian IS NULL OR uraian !~ '\S'$$,
                'every entry says what it is for in Indonesian (uraian)');
SELECT is_empty($$SELECT nama FROM kkb.katalog WHERE keterangan IS NULL OR keterangan !~ '\S'$$,
                'and in English (keterangan, the object''s comment)');
SELECT is_empty($$SELECT nama FROM kkb.katalog WHERE kelompok IS NULL$$, 'every entry has a subject (kelompok)');
SELECT results_eq($$SELECT jenis, kelompok, argumen ~ 'wilayah kode_wilayah' AND argumen ~ 'tingkat integer DEFAULT',
                           uraian ~ 'Ringkasan', peran @> ARRAY['kkb_analis', 'kkb_provinsi', 'kkb_admin']
                      FROM kkb.katalog WHERE nama = 'kkb.ringkasan'$$,
                  $$VALUES ('fungsi', 'laporan', true, true, true)$$,
                  'kkb.ringkasan: a report function, its arguments with defaults, callable by analysts, provinces and admins');
SELECT is((SELECT peran FROM kkb.katalog WHERE nama = 'kkb.token_buat'), ARRAY['kkb_admin'],
          'kkb.token_buat: only an admin may call it (read from the privileges)');
SELECT is((SELECT kelompok || ' ' || (hasil ~ 'kelompok_umur text') || ' ' || ('kkb_analis' = ANY (peran))
             FROM kkb.katalog WHERE nama = 'kkb_bi.anggota'), 'bi true true',
          'kkb_bi.anggota: a view for BI, its columns as the result, readable by analysts');
SELECT is((SELECT count(*)::int FROM kkb.katalog WHERE nama ~ '^kkb\._'), 0, 'no internal object (name starting with _)');

-- an analyst login reads it
CREATE ROLE analis_katalog_uji LOGIN;
GRANT kkb_analis TO analis_katalog_uji;
GRANT SELECT ON publik TO analis_katalog_uji;
SET LOCAL ROLE analis_katalog_uji;
SELECT ok((SELECT count(*) FROM kkb.katalog) = (SELECT count(*) FROM publik), 'an analyst login reads the whole catalogue');
SELECT ok((SELECT sum(length(nama) + coalesce(length(argumen), 0) + coalesce(length(hasil), 0) + length(uraian) + length(keterangan))
             FROM kkb.katalog) < 100000,
          'all of it is under 100 kB of text (\df+ kkb.* printed 4.25 MB)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

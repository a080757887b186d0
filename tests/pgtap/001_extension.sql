-- The extension installs, reports its version, and drops and re-creates cleanly; the demo generator is the
-- separate extension kampungkb_demo (the test database has both, as every development database).
BEGIN;
SELECT plan(22);
SET LOCAL client_min_messages = warning;   -- the generator's progress notices

SELECT has_extension('kampungkb', 'the kampungkb extension is installed');
SELECT has_extension('kampungkb_demo', 'the test database has the demo generator extension too');
SELECT has_schema('kkb', 'schema kkb exists');
SELECT is(kkb.versi(), (SELECT extversion FROM pg_extension WHERE extname = 'kampungkb'),
          'kkb.versi() is the installed extension version');
SELECT is(kkb.versi(), (SELECT default_version FROM pg_available_extensions WHERE name = 'kampungkb'),
          'the installed version is the default version of the control file');
SELECT matches(kkb.versi(), '^[0-9]+\.[0-9]+\.[0-9]+$', 'the version looks like MAJOR.MINOR.PATCH');
SELECT is(provolatile::text, 'i', 'kkb.versi() is IMMUTABLE')
  FROM pg_proc WHERE oid = 'kkb.versi()'::regprocedure;

-- the upgrade chain: release 0.1.0's script is installed, and a path leads from it to the current version
SELECT ok(EXISTS (SELECT 1 FROM pg_available_extension_versions WHERE name = 'kampungkb' AND version = '0.1.0'),
          'CREATE EXTENSION kampungkb VERSION ''0.1.0'' is available (the kept install script of release 0.1.0)');
SELECT is((SELECT path FROM pg_extension_update_paths('kampungkb') WHERE source = '0.1.0' AND target = kkb.versi()),
          '0.1.0--' || kkb.versi(), 'ALTER EXTENSION kampungkb UPDATE leads from 0.1.0 to the current version in one step');
SELECT is((SELECT requires::text FROM pg_available_extension_versions WHERE name = 'kampungkb_demo' AND installed),
          '{kampungkb}', 'kampungkb_demo requires kampungkb');

SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) c
            WHERE e.extname = 'kampungkb' AND c IN ('kkb.anggota'::regclass, 'kkb.audit'::regclass, 'kkb.token'::regclass)), 3,
          'the data tables are marked for pg_dump (their rows are dumped)');

SELECT throws_ok('DROP EXTENSION kampungkb', '2BP01', NULL, 'kampungkb cannot be dropped while kampungkb_demo needs it');
DROP EXTENSION kampungkb_demo;
DROP EXTENSION kampungkb;
SELECT hasnt_schema('kkb', 'DROP EXTENSION removes schema kkb');
SELECT is((SELECT count(*)::int FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
            WHERE e.extname = 'kampungkb'), 0, 'nothing depends on the dropped extension');

CREATE EXTENSION kampungkb;
SELECT has_table('kkb', 'wilayah', 'CREATE EXTENSION again brings back kkb.wilayah');
SELECT is((SELECT count(*)::int FROM kkb.wilayah), 91599, 'and reloads all 91,599 regions');
SELECT is(ARRAY(SELECT proname::text FROM pg_proc WHERE pronamespace = 'kkb'::regnamespace
                 AND (proname LIKE 'hasilkan%' OR proname LIKE '\_gen\_%') ORDER BY 1),
          '{}'::text[], 'CREATE EXTENSION kampungkb alone creates no demo generator (no kkb.hasilkan, no helper)');

CREATE EXTENSION kampungkb_demo;
SELECT has_function('kkb', 'hasilkan', ARRAY['kode_wilayah', 'double precision', 'integer', 'integer', 'date'],
                    'CREATE EXTENSION kampungkb_demo creates kkb.hasilkan');
SELECT is(ARRAY(SELECT p.proname::text FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
                 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kampungkb_demo') AND d.deptype = 'e'
                 ORDER BY 1),
          '{_gen_acak,_gen_ada,_gen_normal,_gen_penduduk_kabkota,hasilkan,hasilkan_hapus}'::text[],
          'the demo extension''s members are the generator and its helpers');
SELECT is((SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'kampungkb_demo'), 'kkb',
          'the demo extension lives in schema kkb');
SELECT is((SELECT count(*)::int FROM kkb.hasilkan('13.77.01', 0.02, 3, 1, '2026-10-01') WHERE baris > 0), 9,
          'its generator writes the nine village tables of a kecamatan');
DROP EXTENSION kampungkb_demo;
SELECT is((SELECT count(*)::int FROM kkb.kampung WHERE kode_desa <@ '13.77.01'::kkb.kode_wilayah), 
          (SELECT count(*)::int FROM kkb.wilayah WHERE tingkat = 4 AND kode <@ '13.77.01'::kkb.kode_wilayah),
          'DROP EXTENSION kampungkb_demo removes the generator and keeps the rows it wrote');

SELECT * FROM finish();
ROLLBACK;

-- The extension installs, reports its version, and drops and re-creates cleanly.
BEGIN;
SELECT plan(10);

SELECT has_extension('kampungkb', 'the kampungkb extension is installed');
SELECT has_schema('kkb', 'schema kkb exists');
SELECT is(kkb.versi(), (SELECT extversion FROM pg_extension WHERE extname = 'kampungkb'),
          'kkb.versi() is the installed extension version');
SELECT matches(kkb.versi(), '^[0-9]+\.[0-9]+\.[0-9]+$', 'the version looks like MAJOR.MINOR.PATCH');
SELECT is(provolatile::text, 'i', 'kkb.versi() is IMMUTABLE')
  FROM pg_proc WHERE oid = 'kkb.versi()'::regprocedure;

SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) c
            WHERE e.extname = 'kampungkb' AND c IN ('kkb.anggota'::regclass, 'kkb.audit'::regclass, 'kkb.token'::regclass)), 3,
          'the data tables are marked for pg_dump (their rows are dumped)');

DROP EXTENSION kampungkb;
SELECT hasnt_schema('kkb', 'DROP EXTENSION removes schema kkb');
SELECT is((SELECT count(*)::int FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
            WHERE e.extname = 'kampungkb'), 0, 'nothing depends on the dropped extension');

CREATE EXTENSION kampungkb;
SELECT has_table('kkb', 'wilayah', 'CREATE EXTENSION again brings back kkb.wilayah');
SELECT is((SELECT count(*)::int FROM kkb.wilayah), 91599, 'and reloads all 91,599 regions');

SELECT * FROM finish();
ROLLBACK;

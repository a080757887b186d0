-- Citus-ready keys: every village-owned table is keyed by kode_desa, and the keys
-- between village tables include it (DESIGN.md "Scale-out").
BEGIN;
SELECT plan(4);

CREATE TEMP VIEW desa_tabel AS
SELECT c.oid, c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'kode_desa'
 WHERE c.relnamespace = 'kkb'::regnamespace AND c.relkind = 'r' AND NOT c.relispartition  -- (the audit's months)
   AND c.relname NOT IN ('peringatan', 'audit');  -- logs with their own serial keys, kept node-local

SELECT ok((SELECT count(*) FROM desa_tabel) >= 10, 'there are village-owned tables to check');
SELECT is(ARRAY(SELECT t.relname::text FROM desa_tabel t JOIN pg_index i ON i.indrelid = t.oid AND i.indisprimary
                 WHERE NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k
                                    WHERE a.attname = 'kode_desa') ORDER BY 1), '{}'::text[],
          'every primary key includes kode_desa');
SELECT is(ARRAY(SELECT i.indexrelid::regclass::text FROM desa_tabel t JOIN pg_index i ON i.indrelid = t.oid AND i.indisunique
                 WHERE NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k
                                    WHERE a.attname = 'kode_desa') ORDER BY 1), '{}'::text[],
          'every unique index includes kode_desa');
SELECT is(ARRAY(SELECT f.conname::text FROM pg_constraint f JOIN desa_tabel t ON t.oid = f.conrelid
                 WHERE f.contype = 'f' AND f.confrelid IN (SELECT oid FROM desa_tabel)
                   AND NOT EXISTS (SELECT 1 FROM unnest(f.conkey) k JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k
                                    WHERE a.attname = 'kode_desa') ORDER BY 1), '{}'::text[],
          'every foreign key between village tables includes kode_desa');

SELECT * FROM finish();
ROLLBACK;

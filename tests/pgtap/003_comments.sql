-- Every object of the extension is described (COMMENT ON), so \df+ and BI tools explain it.
BEGIN;
SELECT plan(4);

SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'kkb'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL
                 ORDER BY 1), '{}'::text[], 'every function in kkb has a comment');
SELECT is(ARRAY(SELECT t.oid::regtype::text FROM pg_type t
                 WHERE t.typnamespace = 'kkb'::regnamespace AND t.typtype = 'b' AND t.typcategory <> 'A'
                   AND obj_description(t.oid, 'pg_type') IS NULL ORDER BY 1),
          '{}'::text[], 'every base type in kkb has a comment');
SELECT is(ARRAY(SELECT c.oid::regclass::text FROM pg_class c
                 WHERE c.relnamespace = 'kkb'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')
                   AND obj_description(c.oid, 'pg_class') IS NULL ORDER BY 1),
          '{}'::text[], 'every table and view in kkb has a comment');
SELECT is(ARRAY(SELECT o.oid::regoperator::text FROM pg_operator o
                 WHERE o.oprnamespace = 'kkb'::regnamespace AND obj_description(o.oid, 'pg_operator') IS NULL
                 ORDER BY 1),
          '{}'::text[], 'every operator in kkb has a comment');

SELECT * FROM finish();
ROLLBACK;

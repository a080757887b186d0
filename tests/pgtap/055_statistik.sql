-- kkb.segarkan_statistik: planner statistics of the by-name tables refreshed after big writes.
BEGIN;
SELECT plan(5);

SELECT is(kkb.segarkan_statistik(true), '{anggota,keluarga,pengukuran,peristiwa}'::text[], 'paksa: all four by-name tables are analysed');
SELECT is(kkb.segarkan_statistik(), '{}'::text[], 'right after: nothing is out of date, nothing is analysed');
SELECT ok((SELECT bool_and(last_analyze IS NOT NULL) FROM pg_stat_user_tables WHERE schemaname = 'kkb' AND relname IN ('anggota', 'keluarga')),
          'the statistics record the ANALYZE');
SET LOCAL ROLE kkb_pokja;
SELECT lives_ok($$SELECT kkb.segarkan_statistik()$$, 'a village pokja (the bulk sync) may call it');
RESET ROLE;
SET LOCAL ROLE kkb_opd;
SELECT throws_ok($$SELECT kkb.segarkan_statistik()$$, '42501', NULL, 'an agency may not');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

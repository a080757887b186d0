-- The audit by month: kkb.audit is partitioned by the month of waktu; rows
-- wait in the default partition until kkb.audit_bulan_siapkan makes their
-- month's partition (and moves them); a month that is over can be detached for
-- archiving; the working roles read audit rows only through kkb.audit.
BEGIN;
SELECT plan(14);
SET client_min_messages = warning;
\ir fixture_desa.inc

SELECT is((SELECT pg_get_partkeydef('kkb.audit'::regclass)), 'RANGE (waktu)', 'kkb.audit is partitioned by range of waktu');
SELECT is((SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.oid = 'kkb.audit_lain'::regclass), 'DEFAULT',
          'kkb.audit_lain is its default partition');

-- a row of a past month (as an earlier release would have left it) and writes of today
INSERT INTO kkb.audit (tabel, operasi, kode_desa, kunci, waktu)
VALUES ('keluarga', 'INSERT', '13.77.01.1001', '{"kode_desa": "13.77.01.1001", "no_kk": ["1377011505200091"]}', '2025-01-15 10:00+07');
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw) VALUES ('13.77.01.1001', '1377011505200092', 1, 1);
UPDATE kkb.keluarga SET rt = 2 WHERE no_kk = '1377011505200092';
CREATE TEMP TABLE sebelum AS SELECT id, waktu, operasi, kunci, lama FROM kkb.audit;

CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.audit_bulan_siapkan((current_date + 62)::date) d;
SELECT ok((SELECT count(*) FROM dibuat WHERE d ~ ('^audit_2025_01 \(1 rows moved from kkb.audit_lain\)$')) = 1,
          'kkb.audit_bulan_siapkan makes the partition of January 2025 and moves its row out of the default partition');
SELECT ok(to_regclass('kkb.' || to_char(current_date, '"audit_"YYYY_MM')) IS NOT NULL
          AND to_regclass('kkb.' || to_char(current_date + 62, '"audit_"YYYY_MM')) IS NOT NULL,
          'and the partitions of this month through two months ahead');
SELECT is((SELECT count(*)::int FROM ONLY kkb.audit_lain), 0, 'the default partition is empty afterwards');
SELECT set_eq('SELECT id, waktu, operasi, kunci, lama FROM kkb.audit', 'SELECT * FROM sebelum',
              'every audit row is still in kkb.audit, unchanged (ids, times, keys, old rows)');
SELECT is((SELECT count(*)::int FROM kkb.audit_2025_01), 1, 'the January 2025 row is in its partition');
SELECT ok((SELECT count(*) FROM kkb.audit_kunci WHERE kunci ->> 'no_kk' = '1377011505200092') >= 2,
          'kkb.audit_kunci still shows the family''s insert and update');
SELECT is((SELECT count(*)::int FROM kkb.audit_bulan_siapkan((current_date + 62)::date)), 0, 'a second run makes nothing');

-- a new write lands in this month's partition
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw) VALUES ('13.77.01.1001', '1377011505200093', 1, 1);
SELECT is((SELECT c.relname::text FROM kkb.audit a JOIN pg_class c ON c.oid = a.tableoid WHERE a.kunci -> 'no_kk' ? '1377011505200093'),
          to_char(current_date, '"audit_"YYYY_MM'), 'a new audit row lands in this month''s partition');

-- archiving
SELECT throws_ok($$SELECT kkb.audit_bulan_lepas(current_date)$$, '22023', NULL, 'the current month cannot be detached (22023)');
SELECT is(kkb.audit_bulan_lepas('2025-01-20'), 'kkb.audit_2025_01', 'January 2025 is detached: the table to dump and drop');
SELECT is((SELECT count(*)::int FROM kkb.audit WHERE waktu < '2025-02-01'), 0, 'its rows are no longer in kkb.audit');

-- the working roles read through kkb.audit only
SET LOCAL ROLE kkb_admin;
SELECT throws_ok($$SELECT count(*) FROM kkb.audit_lain$$, '42501', NULL, 'an admin cannot read a partition directly (42501)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

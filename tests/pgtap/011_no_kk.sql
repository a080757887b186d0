-- kkb.no_kk: the family card number.
BEGIN;
SELECT plan(36);

SELECT is(v.input::kkb.no_kk::text, v.canon, 'valid No. KK: ' || v.why)
  FROM (VALUES
	('1377011505200003', '1377011505200003', 'issued 15 May 2020 in 13.77.01'),
	('1377 0115 0520 0003', '1377011505200003', 'grouped with spaces'),
	('1377.0115.0520.0003', '1377011505200003', 'grouped with dots'),
	('137701-150520-0003', '1377011505200003', 'grouped with dashes'),
	('3171012902000001', '3171012902000001', 'issued 29 February 2000'),
	('1377013112999999', '1377013112999999', '31 December 1999, serial 9999'),
	('9671010101260001', '9671010101260001', 'province 96, 1 January 2026')
  ) AS v(input, canon, why);

SELECT throws_ok(format('SELECT %L::kkb.no_kk', v.input), '22P02', NULL, 'invalid No. KK: ' || v.why)
  FROM (VALUES
	('137701150520003', '15 digits'),
	('13770115052000031', '17 digits'),
	('1377011505200000', 'serial 0000'),
	('1377010005200003', 'day 00'),
	('1377013205200003', 'day 32'),
	('1377014105200003', 'day 41: no +40 in a family card'),
	('1377011500200003', 'month 00'),
	('1377011513200003', 'month 13'),
	('1377013104200003', '31 April'),
	('1377012902010003', '29 February 01'),
	('1077011505200003', 'province 10'),
	('9977011505200003', 'province 99'),
	('13770115052O0003', 'a letter'),
	('', 'empty'),
	('1377 0115 0520 0003 x', 'trailing garbage')
  ) AS v(input, why);

SELECT is(kkb.no_kk_periksa('1377011505200003'), NULL, 'no_kk_periksa: NULL when valid');
SELECT matches(kkb.no_kk_periksa('1377014105200003'), '41', 'no_kk_periksa: the reason names day 41');
SELECT is(kkb.no_kk_tanggal_terbit('1377011505200003', '2026-11-27'), '2020-05-15'::date, 'issue date 2020-05-15');
SELECT is(kkb.no_kk_tanggal_terbit('1377011505990003', '2026-11-27'), '1999-05-15'::date, 'YY=99: 1999');
SELECT is(kkb.no_kk_tanggal_terbit('1377013112260003', '2026-11-27'), '1926-12-31'::date, 'after acuan: previous century');
SELECT is(kkb.no_kk_wilayah('1377011505200003')::text, '13.77.01', 'region of issue 13.77.01');
SELECT is(1377011505200003::bigint::kkb.no_kk::text, '1377011505200003', 'bigint -> no_kk');
SELECT is('1377011505200003'::kkb.no_kk::bigint, 1377011505200003::bigint, 'no_kk -> bigint');
SELECT throws_ok('SELECT 99::bigint::kkb.no_kk', '22003', NULL, 'a short bigint is out of range');
SELECT throws_ok('SELECT 1377014105200003::bigint::kkb.no_kk', '22P02', NULL, 'a bigint with day 41 is invalid');
SELECT ok('1377011505200003'::kkb.no_kk < '1377011505200004'::kkb.no_kk, 'ordering');

CREATE TEMP TABLE t_bin (kk kkb.no_kk);
COPY (SELECT '1377011505200003'::kkb.no_kk) TO '/tmp/kampungkb_test_kk.bin' (FORMAT binary);
COPY t_bin FROM '/tmp/kampungkb_test_kk.bin' (FORMAT binary);
SELECT is((SELECT kk::text FROM t_bin), '1377011505200003', 'binary send -> recv is the identity');
COPY (SELECT 1377014105200003::bigint) TO '/tmp/kampungkb_test_kk_bad.bin' (FORMAT binary);
SELECT throws_ok($$COPY t_bin FROM '/tmp/kampungkb_test_kk_bad.bin' (FORMAT binary)$$, '22P03', NULL,
                 'binary recv re-validates');
SELECT is((SELECT count(*)::int FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
            WHERE c.opcintype = 'kkb.no_kk'::regtype AND c.opcdefault AND a.amname IN ('btree', 'hash')), 2,
          'default btree and hash operator classes exist');

SELECT * FROM finish();
ROLLBACK;

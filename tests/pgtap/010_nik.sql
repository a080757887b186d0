-- kkb.nik: a catalogue of valid and invalid NIKs, functions, casts, binary I/O, indexes.
BEGIN;
SELECT plan(84);

-- Valid NIKs and their canonical form (PP KK CC DDMMYY SSSS)
SELECT is(v.input::kkb.nik::text, v.canon, 'valid NIK: ' || v.why)
  FROM (VALUES
	('1377011505900001', '1377011505900001', 'man born 15 May 1990'),
	('1377015505900001', '1377015505900001', 'woman born 15 May 1990 (day + 40)'),
	('1377 0115 0590 0001', '1377011505900001', 'grouped with spaces'),
	('1377.0115.0590.0001', '1377011505900001', 'grouped with dots'),
	('13-77-01-150590-0001', '1377011505900001', 'grouped with dashes'),
	('  1377011505900001  ', '1377011505900001', 'surrounding blanks'),
	('3171014101000001', '3171014101000001', 'Jakarta woman born 1 January 2000 (day 41)'),
	('1377017112990001', '1377017112990001', 'woman born 31 December 1999 (day 71)'),
	('1377013112990001', '1377013112990001', 'man born 31 December 1999'),
	('1377010101000001', '1377010101000001', 'day 01, month 01, year 00'),
	('1377012902000001', '1377012902000001', '29 February 2000 (leap year)'),
	('1377016902000001', '1377016902000001', 'woman born 29 February 2000 (day 69)'),
	('1377012902960001', '1377012902960001', '29 February 1996'),
	('1377013004900001', '1377013004900001', '30 April'),
	('9671011505900001', '9671011505900001', 'province 96 (Papua Barat Daya, the newest)'),
	('1101011505909999', '1101011505909999', 'serial 9999'),
	('1100001505900001', '1100001505900001', 'regency and district 00 are not checked by the type')
  ) AS v(input, canon, why);

-- Invalid NIKs: SQLSTATE 22P02 each
SELECT throws_ok(format('SELECT %L::kkb.nik', v.input), '22P02', NULL, 'invalid NIK: ' || v.why)
  FROM (VALUES
	('137701150590001', '15 digits'),
	('13770115059000011', '17 digits'),
	('1377 0115 0590 000', '15 digits in groups'),
	('', 'empty'),
	('1377011505900000', 'serial 0000'),
	('1377010005900001', 'day 00'),
	('1377013205900001', 'day 32'),
	('1377014005900001', 'day 40'),
	('1377017205900001', 'day 72'),
	('1377011500900001', 'month 00'),
	('1377011513900001', 'month 13'),
	('1377013104900001', '31 April'),
	('1377013106900001', '31 June'),
	('1377013102900001', '31 February'),
	('1377017002900001', '30 February for a woman (day 70)'),
	('1377012902010001', '29 February 01 (1901 and 2001 are not leap years)'),
	('1377016902010001', '29 February 01 for a woman'),
	('1077011505900001', 'province 10 does not exist'),
	('9977011505900001', 'province 99 does not exist'),
	('0077011505900001', 'province 00'),
	('2077011505900001', 'province 20 does not exist'),
	('13770115059O0001', 'a letter O for a zero'),
	('abcdefghijklmnop', 'letters'),
	('1377011505900001x', 'trailing garbage'),
	('+377011505900001', 'a plus sign'),
	('-1377011505900001', 'a minus sign'),
	('1377--0115 0590 0001', 'two separators in a row'),
	('.1377011505900001', 'a separator before the first digit')
  ) AS v(input, why);

SELECT throws_ok($$SELECT '1377013205900001'::kkb.nik$$, '22P02',
                 'invalid input syntax for type nik: "1377013205900001"',
                 'the message quotes the value and names the type');

-- the detail names the wrong part
CREATE FUNCTION pg_temp.detail_of(t text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE d text;
BEGIN
	PERFORM t::kkb.nik;
	RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RETURN d;
END $f$;
SELECT is(pg_temp.detail_of('1377013205900001'), 'Day 32 is not valid: days are 01-31, or 41-71 for women.',
          'the detail for day 32 explains the day rule');
SELECT matches(pg_temp.detail_of('1377011513900001'), 'Month 13', 'the detail for month 13 names the month');
SELECT matches(pg_temp.detail_of('9977011505900001'), '99', 'the detail for province 99 names the code');
SELECT matches(pg_temp.detail_of('137701150590001'), '15', 'the detail for 15 digits says how many were found');

-- nik_periksa: NULL when valid, the reason otherwise, never raises
SELECT is(kkb.nik_periksa('1377 0115 0590 0001'), NULL, 'nik_periksa: NULL for a valid NIK');
SELECT is(kkb.nik_periksa('1377013205900001'), 'Tanggal 32 tidak sah: tanggal 01-31, atau 41-71 untuk perempuan.',
          'nik_periksa: the reason for an invalid NIK');
SELECT is((SELECT count(*)::int FROM (VALUES ('x'), (''), ('1377011505900000'), (repeat('9', 1000))) v(t)
            WHERE kkb.nik_periksa(t) IS NOT NULL), 4, 'nik_periksa gives a reason for each bad value without raising');

-- sex and birth date
SELECT is(kkb.nik_jenis_kelamin('1377011505900001'), 'L', 'day 15: laki-laki');
SELECT is(kkb.nik_jenis_kelamin('1377015505900001'), 'P', 'day 55: perempuan');
SELECT is(kkb.nik_tanggal_lahir('1377015505900001', '2026-11-27'), '1990-05-15'::date, 'a woman''s birth date has the 40 removed');
SELECT is(kkb.nik_tanggal_lahir('1377011505050001', '2026-11-27'), '2005-05-15'::date, 'YY=05 with acuan 2026: 2005');
SELECT is(kkb.nik_tanggal_lahir('1377011505400001', '2026-11-27'), '1940-05-15'::date, 'YY=40 with acuan 2026: 1940');
SELECT is(kkb.nik_tanggal_lahir('1377010101260001', '2026-11-27'), '2026-01-01'::date, 'YY=26, date before acuan: 2026');
SELECT is(kkb.nik_tanggal_lahir('1377013112260001', '2026-11-27'), '1926-12-31'::date, 'YY=26, date after acuan: 1926');
SELECT is(kkb.nik_tanggal_lahir('1377012902000001', '2026-11-27'), '2000-02-29'::date, '29 February 00: 2000');
SELECT is(kkb.nik_tanggal_lahir('1377011505900001'), '1990-05-15'::date, 'acuan defaults to today');

-- region of registration
SELECT is(kkb.nik_kecamatan('1377011505900001')::text, '13.77.01', 'nik_kecamatan: 13.77.01');
SELECT ok(kkb.nik_wilayah_dikenal('1377011505900001'), 'district 13.77.01 is in the national reference');
SELECT ok(NOT kkb.nik_wilayah_dikenal('1377991505900001'), 'district 13.77.99 is not (a warning elsewhere, not an error)');
SELECT is(kkb.nik_kecamatan('1100001505900001'), NULL, 'nik_kecamatan is NULL when regency/district are 00');

-- bigint casts
SELECT is(1377011505900001::bigint::kkb.nik::text, '1377011505900001', 'bigint -> nik');
SELECT is('1377011505900001'::kkb.nik::bigint, 1377011505900001::bigint, 'nik -> bigint');
SELECT throws_ok('SELECT (-1)::bigint::kkb.nik', '22003', NULL, 'a negative bigint is out of range');
SELECT throws_ok('SELECT 137701150590001::bigint::kkb.nik', '22003', NULL, 'a 15-digit bigint is out of range');
SELECT throws_ok('SELECT 13770115059000011::bigint::kkb.nik', '22003', NULL, 'a 17-digit bigint is out of range');
SELECT throws_ok('SELECT 1377013205900001::bigint::kkb.nik', '22P02', NULL, 'a 16-digit bigint with day 32 is invalid');

-- comparisons, keys, hashing
SELECT ok('1377011505900001'::kkb.nik = '1377 0115 0590 0001'::kkb.nik, '= compares canonical values');
SELECT ok('1377011505900001'::kkb.nik < '1377011505900002'::kkb.nik, '< orders by number');
SELECT ok('1377011505900002'::kkb.nik >= '1377011505900001'::kkb.nik, '>=');
SELECT ok('1377011505900002'::kkb.nik <> '1377011505900001'::kkb.nik, '<>');
CREATE TEMP TABLE t_nik (nik kkb.nik PRIMARY KEY);
INSERT INTO t_nik VALUES ('1377011505900001');
SELECT throws_ok($$INSERT INTO t_nik VALUES ('1377 0115 0590 0001')$$, '23505', NULL, 'usable as a primary key');

-- text round trip over many generated NIKs
SELECT is((SELECT count(*)::int FROM (
	SELECT format('%s%s01%s%s%s%s', p, lpad((1 + i % 9)::text, 2, '0'),
	              lpad((1 + i % 28 + CASE WHEN i % 2 = 0 THEN 40 ELSE 0 END)::text, 2, '0'),
	              lpad((1 + i % 12)::text, 2, '0'), lpad((i % 100)::text, 2, '0'), lpad((1 + i)::text, 4, '0')) AS s
	  FROM generate_series(0, 1999) i, (VALUES ('13'), ('31'), ('96')) pr(p)) g
	 WHERE s::kkb.nik::text <> s), 0, 'text -> nik -> text is the identity on 6,000 canonical NIKs');

-- binary send/recv through COPY BINARY
CREATE TEMP TABLE t_bin (nik kkb.nik);
COPY (SELECT s::kkb.nik FROM (VALUES ('1377011505900001'), ('3171014101000001'), ('9671011505900001')) v(s))
	TO '/tmp/kampungkb_test_nik.bin' (FORMAT binary);
COPY t_bin FROM '/tmp/kampungkb_test_nik.bin' (FORMAT binary);
SELECT results_eq('SELECT nik::text FROM t_bin ORDER BY nik',
                  $$VALUES ('1377011505900001'), ('3171014101000001'), ('9671011505900001')$$,
                  'binary send -> recv is the identity');
SELECT is(kkb.nik_send('1377011505900001'), int8send(1377011505900001), 'the binary form is the int8');
COPY (SELECT 1377013205900001::bigint) TO '/tmp/kampungkb_test_nik_bad.bin' (FORMAT binary);
SELECT throws_ok($$COPY t_bin FROM '/tmp/kampungkb_test_nik_bad.bin' (FORMAT binary)$$, '22P03', NULL,
                 'binary recv re-validates (day 32 refused)');

-- operator classes: btree and hash
SELECT is((SELECT count(*)::int FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
            WHERE c.opcintype = 'kkb.nik'::regtype AND c.opcdefault AND a.amname IN ('btree', 'hash')), 2,
          'default btree and hash operator classes exist');
SET LOCAL enable_mergejoin = off;
SET LOCAL enable_nestloop = off;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE r text; acc text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP acc := acc || r || E'\n'; END LOOP;
	RETURN acc;
END $f$;
SELECT matches(pg_temp.plan_of('SELECT 1 FROM t_nik a JOIN t_nik b ON a.nik = b.nik'),
	'Hash Join', 'a join on nik can be a hash join');
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of('SELECT nik, count(*) FROM t_nik GROUP BY nik'),
	'HashAggregate', 'grouping by nik can be a hash aggregate');

SELECT * FROM finish();
ROLLBACK;

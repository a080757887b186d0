-- kkb.aturan_periksa / aturan_kode / aturan_nilai / aturan_banding: validation-rule
-- expressions over item codes (DHIS2-style validation rules; core in
-- extension/src/core/aturan.c).  Every expected value is written literally; positions
-- are 1-based characters.
BEGIN;
SELECT plan(65);

-- ---------------------------------------------------------------------------
-- the functions themselves
-- ---------------------------------------------------------------------------
SELECT is(format('%s %s %s', provolatile, proisstrict, proparallel), 'i t s',
          'aturan_periksa is IMMUTABLE STRICT PARALLEL SAFE')
  FROM pg_proc WHERE oid = 'kkb.aturan_periksa(text)'::regprocedure;
SELECT is(format('%s %s %s', provolatile, proisstrict, proparallel), 'i t s',
          'aturan_kode is IMMUTABLE STRICT PARALLEL SAFE')
  FROM pg_proc WHERE oid = 'kkb.aturan_kode(text)'::regprocedure;
SELECT is(format('%s %s %s', provolatile, proisstrict, proparallel), 'i f s',
          'aturan_nilai is IMMUTABLE PARALLEL SAFE, not STRICT')
  FROM pg_proc WHERE oid = 'kkb.aturan_nilai(text, text[], float8[], text)'::regprocedure;
SELECT is(format('%s %s %s', provolatile, proisstrict, proparallel), 'i f s',
          'aturan_banding is IMMUTABLE PARALLEL SAFE, not STRICT')
  FROM pg_proc WHERE oid = 'kkb.aturan_banding(float8, text, float8)'::regprocedure;
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'kkb'::regnamespace AND proname LIKE 'aturan\_%'
              AND obj_description(oid, 'pg_proc') IS NOT NULL), 4,
          'all four aturan_* functions have a comment');

-- ---------------------------------------------------------------------------
-- aturan_periksa: NULL when valid, else the message with the position
-- ---------------------------------------------------------------------------
SELECT is(kkb.aturan_periksa('balita_stunting'), NULL, 'a single item code is valid');
SELECT is(kkb.aturan_periksa('kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil'), NULL,
          'the sum of the seven contraceptive methods is valid');
SELECT is(kkb.aturan_periksa('lahir_hidup + 0.1 * pus'), NULL, 'a decimal coefficient is valid');
SELECT is(kkb.aturan_periksa(E' -(a - (b * 2)) / -c\n'), NULL, 'unary minus, nesting and whitespace are valid');
SELECT is(kkb.aturan_periksa(NULL), NULL, 'NULL in, NULL out (STRICT)');
SELECT is(kkb.aturan_periksa('pus + )'),
          'unexpected ")" at position 7: expected a number, an item code or "("',
          'a ")" where an operand belongs');
SELECT is(kkb.aturan_periksa('(a + b'),
          'unexpected end of expression at position 7: expected "+", "-", "*", "/" or ")" closing the "(" at position 1',
          'an unclosed "("');
SELECT is(kkb.aturan_periksa('a b'),
          'unexpected item code "b" at position 3: expected "+", "-", "*", "/" or the end of the expression',
          'two operands in a row');
SELECT is(kkb.aturan_periksa(''),
          'empty expression at position 1: expected a number, an item code or "("', 'the empty expression');
SELECT is(kkb.aturan_periksa('Pus'),
          'unexpected character "P" at position 1: item codes are lower case', 'upper case');
SELECT is(kkb.aturan_periksa('kematian_ibu <= lahir_hidup'),
          'unexpected character "<" at position 14: a comparison cannot be part of an expression',
          'a whole rule is not an expression');
SELECT is(kkb.aturan_periksa('0,5 * pus'),
          'unexpected character "," at position 2: the decimal point is "."', 'a decimal comma');
SELECT is(kkb.aturan_periksa('2 * 1.'),
          'malformed number "1." at position 5: expected a digit after "."', 'a number ending in "."');
SELECT is(kkb.aturan_periksa('1234567890123456'),
          'number "1234567890123456" at position 1 has more than 15 digits', 'a number with 16 digits');
SELECT is(kkb.aturan_periksa('pus + é'), 'unexpected non-ASCII character at position 7',
          'a non-ASCII character (position in characters)');
SELECT is(kkb.aturan_periksa(repeat('k', 64)),
          'item code "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk..." at position 1 is longer than 63 characters',
          'an item code of 64 characters');
SELECT is(kkb.aturan_periksa(repeat('(', 32) || '1' || repeat(')', 32)), NULL, '32 nested parentheses are allowed');
SELECT is(kkb.aturan_periksa(repeat('(', 33) || '1' || repeat(')', 33)),
          'too many nested "(" at position 33: at most 32 levels are allowed', '33 nested parentheses are not');
SELECT is(kkb.aturan_periksa('1' || repeat('+1', 128)),
          'expression too long at position 257: at most 256 tokens are allowed', '257 tokens');
SELECT is(kkb.aturan_periksa((SELECT string_agg('c' || i, '+' ORDER BY i) FROM generate_series(0, 64) i)),
          'too many item codes at position 247: at most 64 different codes are allowed', '65 distinct item codes');

-- ---------------------------------------------------------------------------
-- aturan_kode: distinct codes in first-appearance order
-- ---------------------------------------------------------------------------
SELECT is(kkb.aturan_kode('kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil'),
          '{kb_iud,kb_mow,kb_mop,kb_kondom,kb_implan,kb_suntik,kb_pil}'::text[], 'the seven methods, in order');
SELECT is(kkb.aturan_kode('keluarga_balita / keluarga * 100 - pus + keluarga'),
          '{keluarga_balita,keluarga,pus}'::text[], 'each code once, at its first appearance');
SELECT is(kkb.aturan_kode('2 * (3 + 4)'), '{}'::text[], 'a constant expression uses no code');
SELECT throws_ok($$SELECT kkb.aturan_kode('a +')$$, '22023', 'invalid validation rule expression: "a +"',
                 'aturan_kode raises 22023 for an invalid expression');

-- the detail is the core message as a sentence
CREATE FUNCTION pg_temp.detail_of(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	d text;
BEGIN
	EXECUTE sql;
	RETURN NULL;
EXCEPTION WHEN invalid_parameter_value THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RETURN d;
END $$;
SELECT is(pg_temp.detail_of($$SELECT kkb.aturan_kode('pus + )')$$),
          'Unexpected ")" at position 7: expected a number, an item code or "(".',
          'the error detail names the position');

-- ---------------------------------------------------------------------------
-- aturan_nilai: values and the three missing-value strategies
-- ---------------------------------------------------------------------------
SELECT is(kkb.aturan_nilai('lahir_hidup + 0.1 * pus', '{pus,lahir_hidup}', '{400,0}'), 40::float8,
          'lahir_hidup + 0.1 * pus = 0 + 40');
SELECT is(kkb.aturan_nilai('kb_iud + kb_mow + kb_mop + kb_kondom + kb_implan + kb_suntik + kb_pil',
                           '{kb_pil,kb_suntik,kb_implan,kb_kondom,kb_mop,kb_mow,kb_iud}', '{140,180,20,15,0,2,10}'),
          367::float8, 'the sum of the seven methods, codes in any order');
SELECT is(kkb.aturan_nilai('-(a - b) * 2 / 4 + 1.5', '{a,b}', '{1,5}'), 3.5::float8,
          'precedence, unary minus and decimals: -(1 - 5) * 2 / 4 + 1.5 = 3.5');
SELECT is(kkb.aturan_nilai('pus', '{kb_pil,pus,lain}', '{1,2,3}'), 2::float8, 'codes the expression does not use are ignored');
SELECT is(kkb.aturan_nilai('a + b', '{a}', '{5}'), NULL, 'default strategy (lewati_jika_ada_kosong): a code absent from kode -> NULL');
SELECT is(kkb.aturan_nilai('a + b', '{a,b}', '{5,NULL}', 'lewati_jika_ada_kosong'), NULL,
          'lewati_jika_ada_kosong: one NULL value -> NULL');
SELECT is(kkb.aturan_nilai('a + b', '{a,b}', '{5,3}', 'lewati_jika_ada_kosong'), 8::float8,
          'lewati_jika_ada_kosong: all present -> 8');
SELECT is(kkb.aturan_nilai('a - b', '{a,b}', '{5,NULL}', 'lewati_jika_semua_kosong'), 5::float8,
          'lewati_jika_semua_kosong: one missing counts as 0 -> 5');
SELECT is(kkb.aturan_nilai('a - b', '{a,b}', '{NULL,NULL}', 'lewati_jika_semua_kosong'), NULL,
          'lewati_jika_semua_kosong: all missing -> NULL');
SELECT is(kkb.aturan_nilai('2 * 3', NULL, NULL, 'lewati_jika_semua_kosong'), 6::float8,
          'lewati_jika_semua_kosong: a constant is never skipped');
SELECT is(kkb.aturan_nilai('a - b', '{b}', '{3}', 'tidak_pernah_lewati'), -3::float8,
          'tidak_pernah_lewati: missing a counts as 0 -> -3');
SELECT is(kkb.aturan_nilai('a + b', NULL, NULL, 'tidak_pernah_lewati'), 0::float8,
          'tidak_pernah_lewati: NULL arrays (no data at all) -> 0');
SELECT is(kkb.aturan_nilai('a + b', NULL, NULL), NULL, 'NULL arrays under the default strategy -> NULL');
SELECT is(kkb.aturan_nilai('keluarga_balita / keluarga', '{keluarga,keluarga_balita}', '{0,5}'), NULL,
          'division by zero -> NULL');
SELECT is(kkb.aturan_nilai('keluarga_balita / keluarga', '{keluarga_balita}', '{5}', 'tidak_pernah_lewati'), NULL,
          'tidak_pernah_lewati: a missing divisor counts as 0 -> division by zero -> NULL');
SELECT is(kkb.aturan_nilai('pus', '{PUS}', '{10}', 'lewati_jika_ada_kosong'), NULL,
          'codes are matched exactly: PUS is not pus');
SELECT is(kkb.aturan_nilai('a * 2', '{a}', '{NaN}'), NULL, 'a NaN value -> NULL');
SELECT is(kkb.aturan_nilai(NULL, '{a}', '{1}'), NULL, 'a NULL expression -> NULL');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a * (b', '{a}', '{1}')$$, '22023',
                 'invalid validation rule expression: "a * (b"', 'aturan_nilai: invalid expression -> 22023');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a', '{a}', '{1}', 'lewati')$$, '22023',
                 'invalid missing-value strategy: "lewati"', 'aturan_nilai: unknown strategy -> 22023');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a', '{a}', '{1}', NULL)$$, '22023',
                 'missing-value strategy must not be null', 'aturan_nilai: NULL strategy -> 22023');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a', '{a,b}', '{1}')$$, '22023',
                 'kode and nilai have different lengths: 2 and 1', 'aturan_nilai: arrays of different lengths -> 22023');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a', NULL, '{1}')$$, '22023',
                 'kode and nilai have different lengths: 0 and 1', 'aturan_nilai: a NULL kode counts as empty');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a', '{a,NULL}', '{1,2}')$$, '22023',
                 'kode has a null element at position 2', 'aturan_nilai: a NULL code -> 22023');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a + b', '{b,a,a}', '{1,2,2}')$$, '22023',
                 'item code "a" appears more than once in kode', 'aturan_nilai: a used code given twice -> 22023');
SELECT throws_ok($$SELECT kkb.aturan_nilai('a', '{{a,b}}', '{{1,2}}')$$, '22023',
                 'kode must be a one-dimensional array, not 2-dimensional', 'aturan_nilai: a 2-D array -> 22023');

-- ---------------------------------------------------------------------------
-- aturan_banding
-- ---------------------------------------------------------------------------
SELECT is(ARRAY[kkb.aturan_banding(3, '==', 5), kkb.aturan_banding(3, '!=', 5), kkb.aturan_banding(3, '<', 5),
                kkb.aturan_banding(3, '<=', 5), kkb.aturan_banding(3, '>', 5), kkb.aturan_banding(3, '>=', 5)],
          ARRAY[false, true, true, true, false, false], '3 against 5 with each operator');
SELECT is(ARRAY[kkb.aturan_banding(5, '==', 5), kkb.aturan_banding(5, '!=', 5), kkb.aturan_banding(5, '<', 5),
                kkb.aturan_banding(5, '<=', 5), kkb.aturan_banding(5, '>', 5), kkb.aturan_banding(5, '>=', 5)],
          ARRAY[true, false, false, true, false, true], '5 against 5 with each operator');
SELECT is(ARRAY[kkb.aturan_banding(0.1::float8 * 3, '==', 0.3), kkb.aturan_banding(0.3, '<', 0.1::float8 * 3),
                kkb.aturan_banding(1000000, '==', 1000001)],
          ARRAY[true, false, false], 'equality within 1e-9 relative: 0.1 * 3 == 0.3, but 1000000 != 1000001');
SELECT is(kkb.aturan_banding(5, ' >= ', 5), true, 'whitespace around the operator is allowed');
SELECT is(ARRAY[kkb.aturan_banding(NULL, '<=', 2), kkb.aturan_banding(1, '<=', NULL), kkb.aturan_banding('NaN', '!=', 1)],
          ARRAY[NULL, NULL, NULL]::boolean[], 'a NULL or NaN side -> NULL');
SELECT throws_ok($$SELECT kkb.aturan_banding(1, '=>', 2)$$, '22023', 'invalid comparison operator: "=>"',
                 'an unknown operator -> 22023');
SELECT throws_ok($$SELECT kkb.aturan_banding(NULL, '=', NULL)$$, '22023', 'invalid comparison operator: "="',
                 'the operator is checked even when a side is NULL');
SELECT throws_ok($$SELECT kkb.aturan_banding(1, NULL, 2)$$, '22023', 'comparison operator must not be null',
                 'a NULL operator -> 22023');

-- a whole rule over one village-month: stunted <= measured is violated (130 > 120)
SELECT is(kkb.aturan_banding(kkb.aturan_nilai('balita_stunting', d.kode, d.nilai), '<=',
                             kkb.aturan_nilai('balita_diukur', d.kode, d.nilai)), false,
          'a whole rule: balita_stunting 130 <= balita_diukur 120 is violated')
  FROM (VALUES ('{balita_diukur,balita_stunting,pus}'::text[], '{120,130,400}'::float8[])) d(kode, nilai);

SELECT * FROM finish();
ROLLBACK;

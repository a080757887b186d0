-- A request's settings on one node (issue 18): kkb._sesi_atur gives kkb.wilayah, kkb.pengguna,
-- statement_timeout and kkb.opd for the rest of the transaction, as set_config(..., true) did,
-- and signs nothing without Citus; the cluster's signing key is nobody's to read.
BEGIN;
SELECT plan(11);

SELECT is(kkb._sesi_atur('13.77.01.1001', 'kader Pauh (uji)', '4000', 'dinkes'), NULL,
	'on one node kkb._sesi_atur signs nothing (returns NULL)');
SELECT is(current_setting('kkb.wilayah'), '13.77.01.1001', 'it sets kkb.wilayah');
SELECT is(current_setting('kkb.pengguna'), 'kader Pauh (uji)', 'kkb.pengguna');
SELECT is(current_setting('statement_timeout'), '4s', 'statement_timeout (given in milliseconds)');
SELECT is(current_setting('kkb.opd'), 'dinkes', 'and kkb.opd');
SELECT is(kkb.lingkup()::text, '13.77.01.1001', 'kkb.lingkup() answers the scope it set');
SELECT is(coalesce(current_setting('kkb.tanda', true), ''), '', 'no signature is set on one node');
SELECT is(kkb._sesi_atur(NULL, NULL, NULL, NULL), NULL, 'NULLs reset the settings');
SELECT is(current_setting('statement_timeout'), '0', '  statement_timeout back to its default');
SELECT is(has_table_privilege('kkb_admin', 'kkb._kunci_sebaran', 'SELECT'), false,
	'the signing key table is not readable by an administrator role');
SELECT throws_ok($$SELECT kkb.sebarkan_akses()$$, '55000', NULL,
	'kkb.sebarkan_akses refuses without Citus (55000)');

SELECT * FROM finish();
ROLLBACK;

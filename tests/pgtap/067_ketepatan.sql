-- Timeliness of the monthly reports (49_ketepatan.sql), with time injected, never waited
-- for: the deadline of 2026-10 is 2026-11-15 23:59 WIB (16:59 UTC); a village submitting
-- before it is on time, after it late, not at all missing once it passed; DHIS2's rates per
-- kecamatan and region; reminders queued once per village, month and kind, with NOTIFY;
-- the expiry locks a month's reports unless an administrator grants an exception.
-- Fixture: a generated kecamatan of Bukittinggi (13.75.01), 5% scale, 2026-10.
BEGIN;
SELECT plan(28);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.05, 7, 1, '2026-10-01');
DELETE FROM kkb.periode_status WHERE kode_desa <@ '13.75.01';
SELECT array_agg(kode_desa::text ORDER BY kode_desa) AS d FROM kkb.kampung WHERE kode_desa <@ '13.75.01' \gset
SELECT (:'d'::text[])[1] AS d1, (:'d'::text[])[2] AS d2, (:'d'::text[])[3] AS d3, cardinality(:'d'::text[]) AS n \gset

SELECT is(kkb.tenggat('2026-10-01'), '2026-11-15 16:59:00+00'::timestamptz, 'the deadline of 2026-10: 15 November 23:59 WIB');
SELECT is(kkb.tenggat('2026-10-20'), kkb.tenggat('2026-10-01'), '... whatever day of the month is given');
SELECT is(kkb.kedaluwarsa('2026-10-01'), NULL, 'no expiry unless the city sets one');

-- d1 submits on 10 November (on time), d2 on 20 November (late); d3 never
INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES (:'d1', '2026-10-01', 'diajukan'), (:'d2', '2026-10-01', 'diajukan');
-- the submission times as they would have been recorded then
ALTER TABLE kkb.periode_status DISABLE TRIGGER t30_diajukan;
UPDATE kkb.periode_status SET diajukan_pada = '2026-11-10 09:00+07' WHERE kode_desa = :'d1' AND periode = '2026-10-01';
UPDATE kkb.periode_status SET diajukan_pada = '2026-11-20 09:00+07' WHERE kode_desa = :'d2' AND periode = '2026-10-01';
ALTER TABLE kkb.periode_status ENABLE TRIGGER t30_diajukan;

CREATE TEMP TABLE k AS SELECT * FROM kkb.ketepatan('13.75.01', '2026-10-01', '2026-12-01 00:00+07');
SELECT is((SELECT keadaan FROM k WHERE kode_desa = :'d1'), 'tepat_waktu', 'submitted on 10 November: on time');
SELECT is((SELECT keadaan FROM k WHERE kode_desa = :'d2'), 'terlambat', 'submitted on 20 November: late');
SELECT is((SELECT keadaan FROM k WHERE kode_desa = :'d3'), 'belum', 'not submitted, deadline passed: missing');
SELECT is((SELECT keadaan FROM kkb.ketepatan('13.75.01', '2026-10-01', '2026-11-15 23:59+07') WHERE kode_desa = :'d3'), 'belum_jatuh_tempo',
          'at 23:59 WIB on the 15th: not yet due');
SELECT is((SELECT keadaan FROM kkb.ketepatan('13.75.01', '2026-10-01', '2026-11-16 00:00+07') WHERE kode_desa = :'d3'), 'belum',
          'at 00:00 WIB on the 16th: missing');
SELECT is((SELECT count(*) FROM k), :'n'::bigint, 'one row per Kampung KB of the kecamatan');

CREATE TEMP TABLE r AS SELECT * FROM kkb.ketepatan_ringkas('13.75', '2026-10-01', '2026-12-01 00:00+07');
SELECT is((SELECT kode::text FROM r LIMIT 1), '13.75', 'rates: the region''s own row first');
SELECT is((SELECT row(desa, dilaporkan, tepat_waktu, terlambat, belum)::text FROM r WHERE kode = '13.75.01'),
          row(:'n'::int, 2, 1, 1, :'n'::int - 2)::text, 'the kecamatan: 2 reports of its villages, 1 on time, 1 late');
SELECT is((SELECT row(persen_dilaporkan, persen_tepat_waktu)::text FROM r WHERE kode = '13.75.01'),
          row(round(200.0 / :'n'::int, 1), round(100.0 / :'n'::int, 1))::text, 'reporting rate and on-time rate in percent (DHIS2)');
SELECT is((SELECT count(*) FROM kkb.ketepatan_ringkas('13.75.01', '2026-10-01', '2026-12-01 00:00+07')), 1::bigint,
          'asked for a kecamatan: its own row only, counted once');

-- the first submission time stays when the month is reopened and submitted again
UPDATE kkb.periode_status SET status = 'draf' WHERE kode_desa = :'d1' AND periode = '2026-10-01';
UPDATE kkb.periode_status SET status = 'diajukan' WHERE kode_desa = :'d1' AND periode = '2026-10-01';
SELECT is((SELECT diajukan_pada FROM kkb.periode_status WHERE kode_desa = :'d1' AND periode = '2026-10-01'), '2026-11-10 09:00+07'::timestamptz,
          'resubmitted after reopening: still judged by the first submission');
INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES (:'d3', '2026-11-01', 'diajukan');
SELECT ok((SELECT diajukan_pada BETWEEN now() - interval '1 minute' AND now() FROM kkb.periode_status WHERE kode_desa = :'d3' AND periode = '2026-11-01'),
          'a submission records its time');

-- reminders: once per village, month and kind; NOTIFY carries the id
SELECT is(kkb.pengingat_siapkan('13.75.01', '2026-10-01', '2026-12-01 00:00+07'), :'n'::int - 2, 'reminders for the villages that have not submitted');
SELECT is(kkb.pengingat_siapkan('13.75.01', '2026-10-01', '2026-12-02 00:00+07'), 0, '... queued once (idempotent)');
SELECT is((SELECT row(jenis, penerima, jatuh_tempo)::text FROM kkb.pengingat WHERE kode_desa = :'d3' AND periode = '2026-10-01'),
          row('terlambat', 'pokja:' || :'d3', '2026-12-01 00:00+07'::timestamptz)::text, 'a late report: due at once, to the village''s Pokja');
SELECT ok((SELECT teks LIKE 'Laporan Kampung KB % bulan 10/2026 belum diajukan; tenggatnya 15/11/2026 23:59 sudah lewat.%'
             FROM kkb.pengingat WHERE kode_desa = :'d3' AND periode = '2026-10-01'), '... in Indonesian, with the deadline in WIB');
SELECT is(kkb.pengingat_siapkan('13.75.01', '2026-12-01', '2026-12-01 00:00+07'), :'n'::int, 'December, before its deadline: everyone reminded');
SELECT is((SELECT min(jatuh_tempo) FROM kkb.pengingat WHERE periode = '2026-12-01'), kkb.tenggat('2026-12-01') - interval '3 days',
          '... three days before the deadline');
SELECT set_config('kkb.wilayah', :'d1', true);
SET LOCAL ROLE kkb_pokja;
SELECT throws_ok($$SELECT kkb.pengingat_siapkan('13.75.01', '2026-10-01')$$, '42501', NULL, 'a Pokja cannot queue reminders');
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);

-- a city's administrator sees its own villages' reminders only
SELECT set_config('kkb.wilayah', '13.71', true);
SET LOCAL ROLE kkb_admin;
SELECT is((SELECT count(*) FROM kkb.pengingat), 0::bigint, 'an administrator of another city sees none of these reminders');
RESET ROLE;
SELECT set_config('kkb.wilayah', '13.75', true);
SET LOCAL ROLE kkb_admin;
SELECT is((SELECT count(*) FROM kkb.pengingat WHERE kode_desa <@ '13.75.01'), (2 * :'n'::int - 2)::bigint, 'the city''s administrator sees them all');
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);

-- the expiry: 2026-10 expired 10 days after its deadline (long before the real today)
UPDATE kkb.tenggat_laporan SET kedaluwarsa_hari = 10;
SELECT throws_ok(format($$UPDATE kkb.kkbpk SET kb_pil = 1 WHERE kode_desa = %L AND periode = '2026-10-01'$$, :'d3'), '55000',
                 format('the reports of 2026-10 for village %s expired at %s', :'d3', kkb.kedaluwarsa('2026-10-01')),
                 'expired: the month''s report can no longer be written');
SELECT is(kkb.galat_jawab('55000', NULL, 'kkbpk', NULL, format('the reports of 2026-10 for village %s expired at 2026-11-25 23:59:00+07', :'d3'), NULL, NULL)
            ->> 'code', 'KKB-LAPORAN-KEDALUWARSA', '... the gateway answers it with its own code (409)');
INSERT INTO kkb.tenggat_kecualian (kode_desa, periode, sampai, alasan) VALUES (:'d3', '2026-10-01', now() + interval '1 day', 'Sinyal putus sebulan');
SELECT lives_ok(format($$UPDATE kkb.kkbpk SET kb_pil = 1 WHERE kode_desa = %L AND periode = '2026-10-01'$$, :'d3'),
                'with an administrator''s exception: written');
SELECT throws_ok(format($$UPDATE kkb.kkbpk SET kb_pil = 1 WHERE kode_desa = %L AND periode = '2026-10-01'$$, :'d2'), '55000', NULL,
                 '... another village without one: still refused');
SELECT * FROM finish();
ROLLBACK;

-- The API's body schemas (kkb.api_skema, sql/install/96_api_skema.sql): one
-- row for each API function's answer and request body, each naming a
-- function that exists; the rows that name a table take its columns from the
-- catalogue (a column added to the table is described at once); the whole
-- as the gateway reads it (kkb.dokumen_skema_api()).
BEGIN;
SELECT plan(18);

SET client_min_messages = warning;

-- every API function's answer described (api_sinkron: the bulk routes, described by the gateway's RingkasanImpor)
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p
                 WHERE p.pronamespace = 'kkb'::regnamespace AND p.proname LIKE 'api\_%' AND p.proname <> 'api_sinkron'
                   AND NOT EXISTS (SELECT 1 FROM kkb.api_skema s WHERE s.nama = 'kkb.' || p.proname AND s.jenis = 'jawaban')
                 ORDER BY 1), '{}'::text[], 'every API function has its answer''s schema');
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p
                 WHERE p.pronamespace = 'kkb'::regnamespace AND p.proname LIKE 'api\_%' AND 'isi' = ANY (p.proargnames)
                   AND NOT EXISTS (SELECT 1 FROM kkb.api_skema s WHERE s.nama = 'kkb.' || p.proname AND s.jenis = 'permintaan')
                 ORDER BY 1), '{}'::text[], 'every API function that takes a body (isi) has the body''s schema');
SELECT is(ARRAY(SELECT s.nama || ' ' || s.jenis FROM kkb.api_skema s
                 WHERE s.jenis <> 'komponen' AND s.nama !~ '^[A-Z]+ /'
                   AND NOT EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = 'kkb'::regnamespace AND 'kkb.' || p.proname = s.nama)
                 ORDER BY 1), '{}'::text[], 'every row names an existing function');
SELECT is(ARRAY(SELECT DISTINCT m[1] FROM kkb.api_skema s, regexp_matches(s.skema::text, '"#/components/schemas/([A-Za-z]+)"', 'g') m
                 WHERE m[1] NOT IN (SELECT k.nama FROM kkb.api_skema k WHERE k.jenis = 'komponen') AND m[1] NOT IN ('Error', 'RingkasanImpor')
                 ORDER BY 1), '{}'::text[], 'every $ref names a component kept here or one of the gateway''s (Error, RingkasanImpor)');

-- the whole, as the gateway reads it
SELECT is(ARRAY(SELECT json_object_keys(kkb.dokumen_skema_api())), '{jawaban,permintaan,komponen}', 'the document: jawaban, permintaan, komponen');
SELECT is((SELECT count(*) FROM json_object_keys(kkb.dokumen_skema_api() -> 'jawaban')),
          (SELECT count(*) FROM kkb.api_skema WHERE jenis = 'jawaban'), '... with every answer''s row');

-- a report's answer from its table: every column, nullable as in the table, its comment; the warnings added
SELECT is((kkb.dokumen_skema_api() -> 'jawaban' -> 'kkb.api_kkbpk_simpan' -> 'properties' -> 'kb_pil')::jsonb,
          jsonb_build_object('type', 'integer', 'nullable', true, 'description', col_description('kkb.kkbpk'::regclass, (SELECT attnum FROM pg_attribute WHERE attrelid = 'kkb.kkbpk'::regclass AND attname = 'kb_pil')::int)),
          'kkbpk: kb_pil an integer that may be null, described by its column''s comment');
SELECT is((kkb.dokumen_skema_api() -> 'jawaban' -> 'kkb.api_kkbpk_simpan' -> 'properties' -> 'periode' ->> 'pattern'),
          '^[0-9]{4}-(0[1-9]|1[0-2])$', '... periode a month YYYY-MM');
SELECT ok((SELECT (d -> 'required')::jsonb @> '["kode_desa", "periode", "kb_pil", "diubah_pada", "peringatan", "versi"]'
                  AND (d -> 'properties' -> 'peringatan')::jsonb = '{"$ref": "#/components/schemas/Peringatan"}'
                  AND (d ->> 'additionalProperties') = 'false'
             FROM (SELECT kkb.dokumen_skema_api() -> 'jawaban' -> 'kkb.api_kkbpk_simpan' AS d) x),
          '... every column, the warnings and the version required, nothing else');
SELECT is((SELECT count(*)::int FROM json_object_keys(kkb.dokumen_skema_api() -> 'jawaban' -> 'kkb.api_kkbpk' -> 'properties')),
          (SELECT count(*)::int + 1 FROM pg_attribute WHERE attrelid = 'kkb.kkbpk'::regclass AND attnum > 0 AND NOT attisdropped),
          'the read answer: one property per column, and its version (versi)');

-- a request body from the table: the settable columns, required those without a default, the enum's labels
SELECT is((kkb.dokumen_skema_api() -> 'permintaan' -> 'kkb.api_intervensi_tambah' -> 'required')::jsonb,
          '["tanggal", "judul", "fungsi_keluarga"]', 'intervention body: tanggal, judul, fungsi_keluarga required');
SELECT ok(NOT (kkb.dokumen_skema_api() -> 'permintaan' -> 'kkb.api_intervensi_tambah' -> 'properties')::jsonb ?| '{kode_desa,id,diubah_pada}',
          '... not the village, the id or the time stamp (set by the database)');
SELECT is((kkb.dokumen_skema_api() -> 'permintaan' -> 'kkb.api_intervensi_tambah' -> 'properties' -> 'sasaran' -> 'items' -> 'enum')::jsonb,
          to_jsonb(enum_range(NULL::kkb.sasaran)::text[]), '... sasaran an array of kkb.sasaran''s labels');
SELECT is((kkb.dokumen_skema_api() -> 'permintaan' -> 'kkb.api_profil_kampung_simpan' ->> 'required'), NULL,
          'a profile body: nothing required (fields left out take their defaults)');

-- one source: a column added to a table is described at once
ALTER TABLE kkb.kkbpk ADD COLUMN uji_baru integer;
COMMENT ON COLUMN kkb.kkbpk.uji_baru IS 'A column added in this test';
SELECT is((kkb.dokumen_skema_api() -> 'permintaan' -> 'kkb.api_kkbpk_simpan' -> 'properties' -> 'uji_baru')::jsonb,
          '{"type": "integer", "nullable": true, "description": "A column added in this test"}'::jsonb,
          'a column added to kkb.kkbpk is in the body''s schema of PUT kkbpk at once');

-- the types of the extension's own
SELECT is(ARRAY[kkb._api_skema_tipe('kkb.nik'::regtype) ->> 'pattern', kkb._api_skema_tipe('kkb.kode_desa'::regtype) ->> 'type',
                kkb._api_skema_tipe('numeric'::regtype) ->> 'type', kkb._api_skema_tipe('kkb.poktan[]'::regtype) -> 'items' ->> 'type'],
          ARRAY['^[0-9]{16}$', 'string', 'number', 'string'], 'NIK 16 digits, a village code a string, numeric a number, an enum array of strings');

-- what a login of any working role may read (the gateway's login reads it to describe the API)
SET LOCAL ROLE kkb_gateway;
SELECT ok((kkb.dokumen_skema_api() -> 'permintaan' -> 'kkb.api_intervensi_tambah' -> 'properties')::jsonb ? 'judul',
          'the gateway''s role reads it, request bodies included (the settable columns are not its to read: the function''s owner reads them)');
RESET ROLE;
SET LOCAL ROLE kkb_analis;
SELECT ok(kkb.dokumen_skema_api() -> 'jawaban' -> 'kkb.api_ringkasan' IS NOT NULL, 'an analyst''s login reads the description too');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

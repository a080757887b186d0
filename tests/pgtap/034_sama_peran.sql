-- Every role gets the same figure or an error (42501), never a partial one.
-- Every public reporting function (each STABLE function of schema kkb that is
-- not internal (_...) or an API route's (api_...) and that some working role
-- may execute) is called with the same arguments by each caller below, over a
-- generated city (Kota Bukittinggi, 13.75, 5% scale); its whole answer must
-- equal the superuser's, or be SQLSTATE 42501.  The list of functions comes
-- from the catalogue: a new function without an argument recipe here fails.
BEGIN;
SET client_min_messages = warning;
CREATE TEMP TABLE kota AS SELECT * FROM kkb.hasilkan('13.75', 0.05, 7, 3, '2026-10-01');

CREATE TEMP TABLE contoh AS
SELECT k.kode_desa::text AS desa,
       (SELECT f.no_kk::text FROM kkb.keluarga f WHERE f.kode_desa = k.kode_desa ORDER BY f.no_kk LIMIT 1) AS no_kk,
       (SELECT a.nik::text FROM kkb.anggota a WHERE a.kode_desa = k.kode_desa ORDER BY a.nik LIMIT 1) AS nik
  FROM kkb.kampung k WHERE k.kode_desa <@ '13.75' ORDER BY k.kode_desa LIMIT 1;

-- Arguments by parameter name (else by type), as SQL literals; %s are the
-- sample village, family and member.
CREATE TEMP TABLE resep (nama text PRIMARY KEY, nilai text);
INSERT INTO resep SELECT x.nama, format(x.nilai, c.desa, c.no_kk, c.nik) FROM contoh c, (VALUES
	('kode_desa',  '%1$L::kkb.kode_wilayah'),
	('kode_wilayah', '%1$L::kkb.kode_wilayah'),   -- an unnamed region argument: the village
	('wilayah',    '''13.75''::kkb.kode_wilayah'),
	('periode',    '''2026-10-01''::date'),
	('acuan',      '''2026-10-31''::date'),
	('no_kk',      '%2$L::kkb.no_kk'),
	('nik',        '%3$L::kkb.nik'),
	-- kkb.galat_jawab: the registry's answer for a unique violation
	('sqlstate',   '''23505'''), ('kendala', 'NULL'), ('tabel', '''keluarga'''), ('kolom', 'NULL'),
	('pesan',      '''duplicate key'''), ('rincian', 'NULL'), ('saran', 'NULL')
) AS x(nama, nilai);

-- Functions whose answer is about the caller by design, not about the data.
CREATE TEMP TABLE tentang_pemanggil (nama text PRIMARY KEY, sebab text);
INSERT INTO tentang_pemanggil VALUES
	('lingkup', 'answers the caller''s own region scope'),
	('versi_data', 'a version text over the villages the caller may see (the gateway''s ETags), by design');

CREATE TEMP TABLE fungsi AS
SELECT p.oid, p.proname::text AS nama, p.oid::regprocedure::text AS tanda,
       format('kkb.%I(%s)', p.proname, a.daftar) AS panggil, coalesce(a.lengkap, true) AS ada_resep
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  LEFT JOIN LATERAL (
	SELECT string_agg(r.nilai, ', ' ORDER BY i) AS daftar, bool_and(r.nama IS NOT NULL) AS lengkap
	  FROM generate_series(1, p.pronargs - p.pronargdefaults) i
	  LEFT JOIN resep r ON r.nama = coalesce(NULLIF(p.proargnames[i], ''),
	                                         regexp_replace(format_type(p.proargtypes[i - 1], NULL), '^kkb\.', ''))) a ON true
 WHERE n.nspname = 'kkb' AND p.prokind = 'f' AND p.provolatile = 's' AND p.proname !~ '^(_|api_)'
   AND p.proname NOT IN (SELECT nama FROM tentang_pemanggil)
   AND EXISTS (SELECT 1 FROM unnest(ARRAY['kkb_admin', 'kkb_pokja', 'kkb_opd', 'kkb_analis', 'kkb_provinsi']) r
                WHERE has_function_privilege(r, p.oid, 'EXECUTE'));

-- The callers: through the gateway (its session sets the scope, then the role)
-- and as direct SQL logins (no scope can be set there).
CREATE ROLE uji_admin LOGIN;   GRANT kkb_admin TO uji_admin;
CREATE ROLE uji_analis LOGIN;  GRANT kkb_analis TO uji_analis;
CREATE ROLE uji_opd LOGIN;     GRANT kkb_opd TO uji_opd;
CREATE ROLE uji_provinsi LOGIN; GRANT kkb_provinsi TO uji_provinsi;
CREATE ROLE uji_pokja LOGIN;   GRANT kkb_pokja TO uji_pokja;
CREATE TEMP TABLE pemanggil (nama text PRIMARY KEY, login text, peran text, wilayah text);
INSERT INTO pemanggil SELECT x.* FROM contoh c, LATERAL (VALUES
	('admin 13.75',          NULL, 'kkb_admin', '13.75'),
	('admin national',       NULL, 'kkb_admin', NULL),
	('opd 13.75',            NULL, 'kkb_opd', '13.75'),
	('analis 13.75',         NULL, 'kkb_analis', '13.75'),
	('analis national',      NULL, 'kkb_analis', NULL),
	('provinsi 13',          NULL, 'kkb_provinsi', '13'),
	('pokja of the village', NULL, 'kkb_pokja', c.desa),
	('admin login',          'uji_admin', NULL, NULL),
	('analis login',         'uji_analis', NULL, NULL),
	('opd login',            'uji_opd', NULL, NULL),
	('provinsi login',       'uji_provinsi', NULL, NULL),
	('pokja login',          'uji_pokja', NULL, NULL)) AS x(nama, login, peran, wilayah);

-- md5 and row count of a call's whole answer as the caller, or ERROR <sqlstate>
CREATE FUNCTION pg_temp.jawaban(login text, peran text, wilayah text, panggil text) RETURNS text
	LANGUAGE plpgsql AS $f$
DECLARE
	h text;
BEGIN
	BEGIN
		PERFORM set_config('kkb.wilayah', coalesce(wilayah, ''), true);
		IF login IS NOT NULL THEN
			EXECUTE format('SET LOCAL SESSION AUTHORIZATION %I', login);
		ELSIF peran IS NOT NULL THEN
			EXECUTE format('SET LOCAL ROLE %I', peran);
		END IF;
		EXECUTE format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) || %L || count(*) FROM %s t',
		               '|', '', ':', panggil) INTO h;
		RESET SESSION AUTHORIZATION;
		RESET ROLE;
		PERFORM set_config('kkb.wilayah', '', true);
	EXCEPTION WHEN OTHERS THEN
		h := 'ERROR ' || SQLSTATE || ' ' || SQLERRM;
	END;
	RETURN h;
END $f$;

CREATE TEMP TABLE hasil AS
SELECT f.tanda, f.nama, f.ada_resep, p.nama AS pemanggil,
       pg_temp.jawaban(NULL, NULL, NULL, f.panggil) AS acuan,
       pg_temp.jawaban(p.login, p.peran, p.wilayah, f.panggil) AS jawab
  FROM fungsi f CROSS JOIN pemanggil p WHERE f.ada_resep;

SELECT plan(4 + (SELECT count(*)::int FROM fungsi) + (SELECT count(*)::int FROM hasil) + 8);

SELECT cmp_ok((SELECT count(*)::int FROM fungsi), '>=', 14, 'the catalogue lists the reporting functions');
SELECT is((SELECT count(*)::int FROM pemanggil), 12, 'twelve callers');
SELECT is((SELECT string_agg(tanda, ', ') FROM fungsi WHERE NOT ada_resep), NULL,
          'every reporting function has an argument recipe in this test');
SELECT is((SELECT string_agg(DISTINCT tanda, ', ') FROM hasil WHERE acuan LIKE 'ERROR%'), NULL,
          'the superuser gets an answer from every reporting function');

-- one line per function: it has its arguments
SELECT ok(f.ada_resep, format('%s has an argument recipe', f.tanda)) FROM fungsi f ORDER BY f.tanda;

SELECT ok(h.jawab = h.acuan OR h.jawab LIKE 'ERROR 42501 %',
          format('%s as %s: the superuser''s answer or 42501 (got %s)', h.tanda, h.pemanggil,
                 CASE WHEN h.jawab = h.acuan THEN 'the same' ELSE h.jawab END))
  FROM hasil h ORDER BY h.tanda, h.pemanggil;

-- what each role is for: figures, not a refusal
SELECT is((SELECT count(*)::int FROM hasil WHERE pemanggil = 'admin national' AND jawab <> acuan), 0,
          'an administrator without a scope gets the superuser''s answer from every function');
SELECT is((SELECT string_agg(tanda, ', ' ORDER BY tanda) FROM hasil
            WHERE pemanggil = 'analis login' AND jawab <> acuan
              AND nama ~ '^(ringkasan|ringkasan_desa|profil_desa|kelengkapan|klasifikasi|klasifikasi_wilayah|klasifikasi_masukan|periksa|prioritas_intervensi)$'),
          NULL, 'an analyst''s own login gets the figures: summary, profile, completeness, classes, checks, work list');
SELECT is((SELECT string_agg(tanda, ', ' ORDER BY tanda) FROM hasil
            WHERE pemanggil = 'provinsi 13' AND jawab <> acuan
              AND nama ~ '^(ringkasan|ringkasan_desa|profil_desa|kelengkapan|klasifikasi|klasifikasi_wilayah)$'),
          NULL, 'a province''s portal gets the aggregates of the villages in its scope');
SELECT is((SELECT string_agg(tanda, ', ' ORDER BY tanda) FROM hasil
            WHERE pemanggil = 'opd 13.75' AND jawab <> acuan AND nama !~ '^(risiko_stunting|pertumbuhan_goyah)'),
          NULL, 'an agency gets every figure in its scope, by-name lists (families at risk, growth faltering) excepted');
SELECT is((SELECT string_agg(DISTINCT left(jawab, 11), ', ') FROM hasil
            WHERE pemanggil IN ('opd 13.75', 'analis 13.75', 'provinsi 13', 'analis login') AND nama ~ '^(risiko_stunting|pertumbuhan_goyah)'),
          'ERROR 42501', 'families at risk of stunting and children whose growth falters (by name) are refused to agencies, analysts and provinces');
SELECT is((SELECT string_agg(tanda, ', ' ORDER BY tanda) FROM hasil
            WHERE pemanggil = 'pokja of the village' AND jawab <> acuan AND nama IN ('profil_desa', 'kelengkapan', 'klasifikasi', 'klasifikasi_masukan', 'periksa')),
          NULL, 'a village pokja gets every figure of its village');
SELECT is((SELECT string_agg(DISTINCT left(jawab, 11), ', ') FROM hasil
            WHERE pemanggil = 'pokja of the village' AND nama ~ '^(klasifikasi_wilayah|prioritas_intervensi)$'),
          'ERROR 42501', 'a village pokja asking about its whole city gets 42501, not its own village''s part');
SELECT is((SELECT string_agg(DISTINCT left(jawab, 11), ', ') FROM hasil
            WHERE pemanggil = 'pokja login' AND nama ~ '^(profil_desa|kelengkapan|klasifikasi)$'),
          'ERROR 42501', 'a direct pokja login (no scope) gets 42501, not empty figures');

SELECT * FROM finish();
ROLLBACK;

-- 71_api_sinkron.sql - bulk sync of a village's by-name tables (keluarga,
-- anggota, pengukuran, peristiwa): kkb.api_sinkron(tabel, desa, baris, opsi)
-- upserts a JSON array of rows by their natural key and answers the import
-- summary the gateway sends back (POST /v1/desa/{kode}/keluarga, ...).
--
-- Semantics (the same for SQL callers and the gateway):
--   * a row is upserted by the table's natural key (the village's key from
--     the path, plus no_kk / nik / nik + tanggal_ukur / ref); a row equal to
--     what is stored changes nothing and counts as ignored ("diabaikan"), so
--     re-sending a batch changes nothing;
--   * an update changes only the columns the row names (its JSON keys, a CSV
--     header's columns); a named column sent as null is set to null (to its
--     default when the column is NOT NULL with a default, e.g. miskin = false);
--   * a rejected row never blocks the others: it is listed in "konflik" with
--     its 1-based number, key, SQLSTATE (or KKB code), message and column;
--   * rows are applied in the order sent: a key sent twice is inserted, then
--     updated (at most 100 versions of one key per batch);
--   * opsi: {"dry_run": true} runs everything and keeps nothing; {"atomik":
--     true} keeps nothing when any row is rejected; {"format": "csv",
--     "kolom": [header], "tolak": {"<row number>": {"kode", "pesan",
--     "kolom"}}} for rows read from CSV: a header column the table does not
--     have refuses the whole batch (42703); a record the reader could not
--     make a row of (its field count, a NUL byte) is null in the rows and
--     rejected with the reader's reason from "tolak"; {"baru": true}: the
--     rows are new records (a phone's queue of records entered offline): a
--     row whose key is already stored with other values in the columns it
--     names is refused (KK412, KKB-SUDAH-TERSIMPAN) with the stored row as
--     "sekarang", never written over; one equal to what is stored is ignored
--     as always (a record sent twice because its answer was lost).
--
-- Cost: the whole batch goes to one set-based statement, which first reads
-- every row (its values, its shape, its foreign keys, keys sent twice) and
-- refuses the batch before writing when one of them is wrong.  Only when that
-- statement fails are the rows looked at more closely, cheapest first:
--   1. their shape (an object, known columns, no nested value, the key, the
--      village) in one set-based pass, when the statement said a row needs it;
--   2. their values one row at a time (a cast in an exception block), when a
--      value was bad;
--   3. per round of distinct keys: NOT NULL, CHECK, foreign keys and the validation trigger's rules set-based
--      on the rows as they would be stored; then, when the round still fails,
--      what only the table can say (the validation trigger, unique indexes)
--      one row at a time - the row written and undone before its statement
--      ends, so that no statement-level trigger runs for it;
--   4. the rows that passed are written by one set-based statement again (one
--      statement per row only if that still fails in a way not foreseen).
-- No bisection: a batch of N bad rows costs O(N) cheap steps and at most
-- three statements over the batch, never N statements.
--
-- The rows of a batch reach the tables by their keys: the planner, which
-- cannot know how many rows a JSON array holds, would otherwise scan a whole
-- table (a hash join) for a batch of a few rows, for every batch; the
-- generated statements run with enable_seqscan off.
--
-- The per-table statements are generated from the catalogue (columns, key,
-- defaults, foreign keys, unique indexes) by kkb._sinkron_buat, so no column
-- list is written twice.

-- ---------------------------------------------------------------- what each table accepts
CREATE TABLE kkb._sinkron_tabel (
	tabel  text PRIMARY KEY,
	kolom  text[] NOT NULL,
	kunci  text[] NOT NULL,
	hasil  boolean NOT NULL
);
COMMENT ON TABLE kkb._sinkron_tabel IS
	'Internal: the by-name tables of the bulk sync (kkb.api_sinkron), as kkb._sinkron_buat read them from the catalogue: the columns a row may name (kolom, kode_desa included), the natural key besides kode_desa (kunci), whether written rows are answered with derived values (hasil)';
COMMENT ON COLUMN kkb._sinkron_tabel.tabel IS 'Table of schema kkb';
COMMENT ON COLUMN kkb._sinkron_tabel.kolom IS 'Columns a row may name, in table order (kode_desa included)';
COMMENT ON COLUMN kkb._sinkron_tabel.kunci IS 'Natural key columns besides kode_desa';
COMMENT ON COLUMN kkb._sinkron_tabel.hasil IS 'Written rows are answered with the values the database derived (measurements)';
GRANT SELECT ON kkb._sinkron_tabel TO PUBLIC;

-- ---------------------------------------------------------------- one rejected row
-- Every entry of "konflik" is built here (the error registry maps SQLSTATEs
-- and constraint names to its codes and messages in one place).
-- The entry keeps the database's SQLSTATE and message (kode, pesan) and adds
-- the error registry's answer (kkb.galat_jawab): its code, the Indonesian
-- message and hint, and the field.  The registry is asked for the first 1,000
-- rows of a batch only, so that a batch of 20,000 bad rows stays cheap; later
-- rows carry the SQLSTATE and the database's message alone.
CREATE FUNCTION kkb._galat_baris(baris bigint, kunci jsonb, sqlstate text, kendala text, kolom text, pesan text,
                                 rincian text, saran text) RETURNS jsonb
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	g jsonb;
BEGIN
	IF baris <= 1000 AND sqlstate ~ '^[0-9A-Z]{5}$' THEN
		g := kkb.galat_jawab(sqlstate, kendala, NULL, kolom, pesan, rincian, saran);
	END IF;
	-- a worker's error on a Citus cluster: no constraint or column, shard names in the message
	IF kendala IS NULL AND kolom IS NULL AND pesan ~ '_[0-9]{6,}'
	   AND kkb._citus() THEN
		pesan := kkb._tanpa_shard(pesan);
	END IF;
	RETURN jsonb_strip_nulls(jsonb_build_object('code', g ->> 'code', 'message', g ->> 'message', 'hint', g ->> 'hint'))
	       || jsonb_build_object('baris', baris, 'kunci', coalesce(kunci, '{}'::jsonb), 'kode', sqlstate,
	                             'pesan', pesan, 'kolom', coalesce(kolom, g ->> 'kolom'));
END $f$;
COMMENT ON FUNCTION kkb._galat_baris(bigint, jsonb, text, text, text, text, text, text) IS
	'Internal: the conflict entry of a rejected bulk-sync row {baris, kunci, kode, pesan, kolom} from its number, key, SQLSTATE (or KKB code), constraint (kendala), column, message, detail (rincian) and hint (saran)';

-- Failures that are not the row's fault end the whole call (and the request):
-- connection, transaction rollback (serialization, deadlock), resources,
-- operator intervention (statement timeout, shutdown), system and internal errors.
CREATE FUNCTION kkb._sinkron_bukan_data(sqlstate text) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
	SELECT pg_catalog.left(sqlstate, 2) IN ('08', '40', '53', '57', '58', 'XX') OR sqlstate = '55P03'
$f$;
COMMENT ON FUNCTION kkb._sinkron_bukan_data(text) IS
	'Internal: is an error of a bulk-sync row not the row''s fault (connection, serialization, resources, timeout, internal)?';

-- Undo a checked row before its statement ends (used in RETURNING).
CREATE FUNCTION kkb._sinkron_henti() RETURNS integer
	LANGUAGE plpgsql VOLATILE AS $f$
BEGIN
	RAISE EXCEPTION 'the row passed its check' USING ERRCODE = 'KKB01';
END $f$;
COMMENT ON FUNCTION kkb._sinkron_henti() IS
	'Internal: raises SQLSTATE KKB01 - a bulk-sync row checked by really writing it is undone before its statement ends';

-- ---------------------------------------------------------------- the generator
-- kkb._sinkron_buat(tabel, hasil, tanpa) reads the table from the catalogue and
-- creates its statements:
--   kkb._sinkron_tulis_<tabel>(desa, baris, nomor)    the set-based upsert of the rows (distinct keys),
--                                                     answering (n, baru, hasil) per written row;
--   kkb._sinkron_cek_<tabel>(desa, baris, nomor)      rows breaking NOT NULL, CHECK, a foreign key or a validation rule as they
--                                                     would be stored (set-based; their values must be valid);
--   kkb._sinkron_periksa_<tabel>(desa, baris, nomor, tahap)  each row on its own: tahap 1 its values (a cast),
--                                                     tahap 2 the row written and undone (triggers, unique indexes);
--   kkb._sinkron_unik_<tabel>(desa, baris, nomor)     rows that would break a unique index (other than
--                                                     the key) because of an earlier row of the same batch.
-- Columns a client writes: every column but identity or generated ones,
-- diubah_pada (set on write), `hasil` (derived on write, answered) and `tanpa`
-- (other columns the database fills).  The key: the first primary key or unique
-- constraint made of such columns.  baris is a JSON array of row objects,
-- nomor their row numbers in the batch.
CREATE FUNCTION kkb._sinkron_buat(tabel text, hasil text[] DEFAULT NULL, tanpa text[] DEFAULT '{}')
	RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	rel oid := pg_catalog.format('kkb.%I', tabel)::regclass;
	kol text[];						-- writable columns, in table order (kode_desa included)
	kunci text[];					-- key columns (kode_desa included)
	ubah text[];					-- columns an update may change (not kode_desa, not the key)
	nilai_x text[] := '{}';			-- the value inserted for each of kol, from record x
	nilai_r text[] := '{}';			-- the same from the CTE r
	set_r text[] := '{}';			-- an update's new value of each of ubah, from r (only when named)
	set_j text[] := '{}';			-- the same in ON CONFLICT for one row (v_j names it)
	fk_x text[] := '{}';		-- a row's foreign key that refers to nothing, on the sent row x
	cek_set text[] := '{}';		-- set-based checks of the effective rows z: NOT NULL, CHECK, foreign keys
	kolom_z text;				-- the select list of z: every column, defaults applied
	unik text[] := '{}';
	jenis_v text;				-- the kind of the row validation trigger (kkb._validasi), if the table has one
	kc text;
	bawaan text;
	r record;
	hasil_t text;
	hasil_kol text;
	teks text;
BEGIN
	SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) INTO kol
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = ''
	   AND a.attname <> 'diubah_pada' AND a.attname <> ALL (coalesce(hasil, '{}') || tanpa);
	IF kol[1] IS DISTINCT FROM 'kode_desa' THEN
		RAISE EXCEPTION 'table kkb.% does not start with kode_desa', tabel USING ERRCODE = 'invalid_table_definition';
	END IF;
	SELECT (SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.o)
	          FROM pg_catalog.unnest(x.conkey) WITH ORDINALITY k(n, o)
	          JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attnum = k.n) INTO kunci
	  FROM pg_catalog.pg_constraint x
	 WHERE x.conrelid = rel AND x.contype IN ('p', 'u')
	   AND (SELECT pg_catalog.bool_and(a.attname::text = ANY (kol)) FROM pg_catalog.unnest(x.conkey) k(n)
	          JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attnum = k.n)
	 ORDER BY x.contype, x.conname LIMIT 1;
	IF kunci IS NULL OR kunci[1] <> 'kode_desa' THEN
		RAISE EXCEPTION 'table kkb.% has no key of writable columns starting with kode_desa', tabel
			USING ERRCODE = 'invalid_table_definition';
	END IF;
	IF pg_catalog.cardinality(kunci) > 4 THEN
		RAISE EXCEPTION 'the key of table kkb.% has more than three columns besides kode_desa', tabel USING ERRCODE = 'feature_not_supported';
	END IF;
	SELECT pg_catalog.array_agg(k ORDER BY o) INTO ubah FROM pg_catalog.unnest(kol) WITH ORDINALITY u(k, o) WHERE k <> ALL (kunci);

	FOREACH kc IN ARRAY kol LOOP
		-- NOT NULL with a default: null (or absent, on insert) means the default
		SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) INTO bawaan
		  FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
		 WHERE a.attrelid = rel AND a.attname = kc AND a.attnotnull;
		IF kc = 'kode_desa' THEN
			nilai_x := nilai_x || 'desa'::text;
			nilai_r := nilai_r || 'desa'::text;
		ELSIF bawaan IS NOT NULL THEN
			nilai_x := nilai_x || pg_catalog.format('coalesce(x.%I, %s)', kc, bawaan);
			nilai_r := nilai_r || pg_catalog.format('coalesce(r.%I, %s)', kc, bawaan);
		ELSE
			nilai_x := nilai_x || pg_catalog.format('x.%I', kc);
			nilai_r := nilai_r || pg_catalog.format('r.%I', kc);
		END IF;
		IF kc = ANY (ubah) THEN
			set_r := set_r || pg_catalog.format('CASE WHEN r.kkb_j ? %L THEN %s ELSE t.%I END', kc,
			                                    CASE WHEN bawaan IS NULL THEN pg_catalog.format('r.%I', kc)
			                                         ELSE pg_catalog.format('coalesce(r.%I, %s)', kc, bawaan) END, kc);
			set_j := set_j || pg_catalog.format('%I = CASE WHEN v_j ? %L THEN EXCLUDED.%I ELSE t.%I END', kc, kc, kc, kc);
		END IF;
	END LOOP;

	-- foreign keys to other rows of the village (the village itself is checked first)
	FOR r IN
		SELECT x.conname, f.relname AS ziel,
		       pg_catalog.array_agg(a.attname::text ORDER BY k.o) AS dari,
		       pg_catalog.array_agg(b.attname::text ORDER BY k.o) AS ke
		  FROM pg_catalog.pg_constraint x
		  JOIN pg_catalog.pg_class f ON f.oid = x.confrelid
		  CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(x.conkey), pg_catalog.unnest(x.confkey)) WITH ORDINALITY k(dn, kn, o)
		  JOIN pg_catalog.pg_attribute a ON a.attrelid = x.conrelid AND a.attnum = k.dn
		  JOIN pg_catalog.pg_attribute b ON b.attrelid = x.confrelid AND b.attnum = k.kn
		 WHERE x.conrelid = rel AND x.contype = 'f'
		 GROUP BY x.conname, f.relname ORDER BY x.conname
	LOOP
		CONTINUE WHEN r.dari = ARRAY['kode_desa'];
		fk_x := fk_x || pg_catalog.format('(%s AND NOT EXISTS (SELECT FROM kkb.%I f WHERE %s))',
			(SELECT pg_catalog.string_agg(pg_catalog.format('x.%I IS NOT NULL', d), ' AND ') FROM pg_catalog.unnest(r.dari) d WHERE d <> 'kode_desa'),
			r.ziel,
			(SELECT pg_catalog.string_agg(CASE WHEN d = 'kode_desa' THEN pg_catalog.format('f.%I = desa', zk)
			                                   ELSE pg_catalog.format('f.%I = x.%I', zk, d) END, ' AND ')
			   FROM ROWS FROM (pg_catalog.unnest(r.dari), pg_catalog.unnest(r.ke)) u(d, zk)));
		cek_set := cek_set || pg_catalog.format(
			'SELECT z.kkb_n, 3 AS urut, ''23503''::text AS st, %L::text AS kendala, %L::text AS kolom, %L::text AS pesan,'
			' pg_catalog.format(%L, %s) AS rincian FROM z WHERE %s AND NOT EXISTS (SELECT FROM kkb.%I f WHERE %s)',
			r.conname, CASE WHEN pg_catalog.cardinality(r.dari) = 2 THEN r.dari[2] END,
			pg_catalog.format('insert or update on table "%s" violates foreign key constraint "%s"', tabel, r.conname),
			pg_catalog.format('Key (%s)=(%s) is not present in table "%s".', pg_catalog.array_to_string(r.dari, ', '),
			                  (SELECT pg_catalog.string_agg('%s', ', ') FROM pg_catalog.unnest(r.dari)), r.ziel),
			(SELECT pg_catalog.string_agg(CASE WHEN d = 'kode_desa' THEN 'desa' ELSE pg_catalog.format('z.%I', d) END, ', ')
			   FROM pg_catalog.unnest(r.dari) d),
			(SELECT pg_catalog.string_agg(pg_catalog.format('z.%I IS NOT NULL', d), ' AND ') FROM pg_catalog.unnest(r.dari) d WHERE d <> 'kode_desa'),
			r.ziel,
			(SELECT pg_catalog.string_agg(CASE WHEN d = 'kode_desa' THEN pg_catalog.format('f.%I = desa', zk)
			                                   ELSE pg_catalog.format('f.%I = z.%I', zk, d) END, ' AND ')
			   FROM ROWS FROM (pg_catalog.unnest(r.dari), pg_catalog.unnest(r.ke)) u(d, zk)));
	END LOOP;

	-- NOT NULL columns without a default, and CHECK constraints, on the row as it would be stored
	SELECT pg_catalog.string_agg(
	           CASE WHEN d.adbin IS NOT NULL AND a.attnotnull
	                THEN pg_catalog.format('coalesce(y.%I, %s) AS %I', a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attname)
	                ELSE pg_catalog.format('y.%I', a.attname) END, ', ' ORDER BY a.attnum) INTO kolom_z
	  FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
	 WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped;
	FOR r IN
		SELECT a.attname::text AS nama FROM pg_catalog.pg_attribute a
		 WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull AND a.attname::text = ANY (kol)
		   AND a.attname <> 'kode_desa' AND NOT a.atthasdef
		 ORDER BY a.attnum
	LOOP
		cek_set := cek_set || pg_catalog.format(
			'SELECT z.kkb_n, 1, ''23502'', NULL, %L, %L, NULL FROM z WHERE z.%I IS NULL', r.nama,
			pg_catalog.format('null value in column "%s" of relation "%s" violates not-null constraint', r.nama, tabel), r.nama);
	END LOOP;
	FOR r IN
		SELECT x.conname, pg_catalog.substr(pg_catalog.pg_get_constraintdef(x.oid), 7) AS ekspr
		  FROM pg_catalog.pg_constraint x
		 WHERE x.conrelid = rel AND x.contype = 'c' AND x.convalidated ORDER BY x.conname
	LOOP
		cek_set := cek_set || pg_catalog.format(
			'SELECT z.kkb_n, 2, ''23514'', %L, NULL, %L, NULL FROM z WHERE NOT %s', r.conname,
			pg_catalog.format('new row for relation "%s" violates check constraint "%s"', tabel, r.conname), r.ekspr);
	END LOOP;

	-- the rules of the row validation trigger (kkb._validasi, C), without raising: a batch of rows breaking them
	-- is refused set-based rather than row by row (a measurement's rules need the child's member row)
	SELECT pg_catalog.split_part(pg_catalog.encode(t.tgargs, 'escape'), '\000', 1) INTO jenis_v
	  FROM pg_catalog.pg_trigger t
	 WHERE t.tgrelid = rel AND t.tgfoid = 'kkb._validasi()'::regprocedure AND NOT t.tgisinternal;
	IF jenis_v IS NOT NULL THEN
		cek_set := cek_set || pg_catalog.format(
			'SELECT z.kkb_n, 4, ''23514'', NULL, v.kolom, v.pesan, v.rincian FROM z%s'
			' CROSS JOIN LATERAL kkb._validasi_langgar(%L, z, %s) v WHERE v.kolom IS NOT NULL',
			CASE WHEN jenis_v = 'pengukuran' THEN ' JOIN kkb.anggota m ON m.kode_desa = desa AND m.nik = z.nik' ELSE '' END,
			jenis_v, CASE WHEN jenis_v = 'pengukuran' THEN 'm' ELSE 'NULL' END);
	END IF;

	-- unique indexes other than the key, on plain writable columns: the later of two rows of a batch breaking one
	FOR r IN
		SELECT i.indexrelid::regclass::text AS nama,
		       (SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.o) FROM pg_catalog.unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
		          JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attnum = k.n) AS kolom,
		       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS syarat
		  FROM pg_catalog.pg_index i
		 WHERE i.indrelid = rel AND i.indisunique AND i.indexprs IS NULL AND NOT (0 = ANY (i.indkey::int2[]))
		 ORDER BY 1
	LOOP
		CONTINUE WHEN r.kolom = kunci OR NOT (r.kolom <@ kol);
		unik := unik || pg_catalog.format(
			'SELECT z.kkb_n, %L::text AS kendala, row_number() OVER (PARTITION BY %s ORDER BY z.kkb_n) AS ke'
			' FROM z WHERE %s',
			pg_catalog.replace(r.nama, 'kkb.', ''),
			(SELECT pg_catalog.string_agg(pg_catalog.format('z.%I', k), ', ') FROM pg_catalog.unnest(r.kolom) k),
			coalesce(r.syarat, 'true'));
	END LOOP;

	-- the derived values answered: returned as columns h_<name> by the writes and made JSON outside them
	-- (a Citus cluster takes no stable function such as jsonb_build_object in a distributed RETURNING)
	hasil_kol := coalesce((SELECT pg_catalog.string_agg(pg_catalog.format(', t.%I AS %I', k, 'h_' || k), '' ORDER BY o)
	                         FROM pg_catalog.unnest(kunci[2:] || hasil) WITH ORDINALITY u(k, o) WHERE hasil IS NOT NULL), '');
	hasil_t := CASE WHEN hasil IS NULL THEN 'NULL::jsonb'
		ELSE 'pg_catalog.jsonb_build_object(' ||
			(SELECT pg_catalog.string_agg(pg_catalog.format('%L, @X@.%I%s', k, 'h_' || k,
			         CASE WHEN pg_catalog.format_type(a.atttypid, NULL) LIKE 'kkb.%' THEN '::text' ELSE '' END), ', ' ORDER BY o)
			   FROM pg_catalog.unnest(kunci[2:] || hasil) WITH ORDINALITY u(k, o)
			   JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attname = u.k) || ')' END;

	-- the set-based upsert: existing rows are updated (only the named columns), new ones inserted;
	-- a row inserted meanwhile by another transaction is updated by ON CONFLICT
	teks := $t$
CREATE OR REPLACE FUNCTION kkb._sinkron_tulis_@T@(desa kkb.kode_wilayah, baris jsonb, nomor integer[])
	RETURNS TABLE (kkb_n integer, kkb_baru boolean, kkb_hasil jsonb)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp SET enable_seqscan = off AS $b$
DECLARE
	v_bentuk bigint;
	v_ganda bigint;
	v_fk bigint;
BEGIN
	-- every value of every row first (a bad value fails here, as a data exception, before anything is written),
	-- then: no key twice, no foreign key to nothing (so that such a batch fails before it writes)
	SELECT pg_catalog.count(*) FILTER (WHERE @BENTUK@),
	       pg_catalog.count(*) - pg_catalog.count(DISTINCT ROW(@X_KUNCI@)), pg_catalog.count(*) FILTER (WHERE @FK_X@)
	  INTO v_bentuk, v_ganda, v_fk
	  FROM pg_catalog.jsonb_array_elements(baris) e(j) CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(NULL::kkb.@T@, e.j) x;
	IF v_bentuk > 0 THEN
		-- an unknown column, a nested value, no key, another village: kkb.api_sinkron's own checks say which rows
		RAISE EXCEPTION '% rows must be checked one by one', v_bentuk USING ERRCODE = 'KKB03';
	END IF;
	IF v_ganda > 0 THEN
		RAISE EXCEPTION 'a key appears more than once in the rows' USING ERRCODE = 'cardinality_violation';
	END IF;
	IF v_fk > 0 THEN
		RAISE EXCEPTION '% rows refer to rows that do not exist', v_fk USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN QUERY
	WITH r AS MATERIALIZED (
		SELECT nomor[e.i]::integer AS kkb_n, e.j AS kkb_j, x.*
		  FROM pg_catalog.jsonb_array_elements(baris) WITH ORDINALITY e(j, i)
		 CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(NULL::kkb.@T@, e.j) x),
	u AS (
		UPDATE kkb.@T@ AS t SET @SET_R@
		  FROM r WHERE t.kode_desa = desa AND @SAMA_TR@
		   AND (@T_UBAH@) IS DISTINCT FROM (@R_UBAH@)
		RETURNING r.kkb_n AS n, false AS baru@HASIL_KOL@),
	i AS (
		INSERT INTO kkb.@T@ AS t (@KOL@)
		SELECT @NILAI_R@ FROM r
		 WHERE @BARU@
		 ORDER BY r.kkb_n
		ON CONFLICT (@KUNCI@) DO UPDATE SET @SET_EX@
		 WHERE (@T_UBAH@) IS DISTINCT FROM (@EX_UBAH@)
		RETURNING @T_KUNCI@, t.xmax = 0 AS baru@HASIL_KOL@)
	SELECT u.n, u.baru, @HASIL_U@ FROM u
	UNION ALL
	SELECT r.kkb_n, i.baru, @HASIL_I@ FROM i JOIN r ON @SAMA_RI@;
END $b$;

CREATE OR REPLACE FUNCTION kkb._sinkron_periksa_@T@(desa kkb.kode_wilayah, baris jsonb, nomor integer[], tahap integer)
	RETURNS TABLE (kkb_n integer, kkb_kunci text, kkb_kunci_json jsonb, kkb_sqlstate text, kkb_kendala text, kkb_kolom text,
	               kkb_pesan text, kkb_rincian text, kkb_saran text)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $b$
DECLARE
	v_j jsonb;
	v_i bigint;
	v_henti integer;
	-- on a Citus cluster the row is written whole and then undone (Citus takes no volatile function
	-- in the RETURNING of a distributed INSERT)
	v_sebaran boolean := tahap = 2 AND kkb._citus();
	x kkb.@T@;
BEGIN
	FOR v_j, v_i IN SELECT e.j, e.i FROM pg_catalog.jsonb_array_elements(baris) WITH ORDINALITY e(j, i) LOOP
		kkb_n := nomor[v_i];
		kkb_kunci := NULL;
		kkb_kunci_json := NULL;
		kkb_sqlstate := NULL;
		BEGIN
			x := pg_catalog.jsonb_populate_record(NULL::kkb.@T@, v_j);
			kkb_kunci := ROW(@X_KUNCI@)::text;
			IF v_sebaran THEN
				INSERT INTO kkb.@T@ AS t (@KOL@) VALUES (@NILAI_X@)
				ON CONFLICT (@KUNCI@) DO UPDATE SET @SET_J@;
				RAISE EXCEPTION 'the row passed its check' USING ERRCODE = 'KKB01';
			ELSIF tahap = 2 THEN
				INSERT INTO kkb.@T@ AS t (@KOL@) VALUES (@NILAI_X@)
				ON CONFLICT (@KUNCI@) DO UPDATE SET @SET_J@
				RETURNING kkb._sinkron_henti() INTO v_henti;
			END IF;
		EXCEPTION
			WHEN SQLSTATE 'KKB01' THEN
				NULL;		-- it would be written: undone
			WHEN OTHERS THEN
				GET STACKED DIAGNOSTICS kkb_sqlstate = RETURNED_SQLSTATE, kkb_kendala = CONSTRAINT_NAME,
					kkb_kolom = COLUMN_NAME, kkb_pesan = MESSAGE_TEXT, kkb_rincian = PG_EXCEPTION_DETAIL,
					kkb_saran = PG_EXCEPTION_HINT;
				IF kkb._sinkron_bukan_data(kkb_sqlstate) THEN
					RAISE;
				END IF;
				kkb_kunci_json := @J_KUNCI@;
				kkb_kendala := NULLIF(kkb_kendala, '');
				kkb_kolom := NULLIF(kkb_kolom, '');
				kkb_rincian := NULLIF(kkb_rincian, '');
				kkb_saran := NULLIF(kkb_saran, '');
		END;
		RETURN NEXT;
	END LOOP;
END $b$;

CREATE OR REPLACE FUNCTION kkb._sinkron_cek_@T@(desa kkb.kode_wilayah, baris jsonb, nomor integer[])
	RETURNS TABLE (kkb_n integer, kkb_kunci jsonb, kkb_sqlstate text, kkb_kendala text, kkb_kolom text, kkb_pesan text, kkb_rincian text)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp SET enable_seqscan = off AS $b$
BEGIN
	RETURN QUERY
	WITH z AS MATERIALIZED (
		SELECT nomor[e.i]::integer AS kkb_n, e.j AS kkb_j, @KOLOM_Z@
		  FROM pg_catalog.jsonb_array_elements(baris) WITH ORDINALITY e(j, i)
		  LEFT JOIN kkb.@T@ s ON s.kode_desa = desa AND @SAMA_SE@
		 CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(s, e.j) y)
	SELECT DISTINCT ON (q.kkb_n) q.kkb_n, @J_KUNCI_Z@, q.st, q.kendala, q.kolom, q.pesan, q.rincian
	  FROM (@CEK_SET@) q(kkb_n, urut, st, kendala, kolom, pesan, rincian) JOIN z ON z.kkb_n = q.kkb_n
	 ORDER BY q.kkb_n, q.urut;
END $b$;

CREATE OR REPLACE FUNCTION kkb._sinkron_unik_@T@(desa kkb.kode_wilayah, baris jsonb, nomor integer[])
	RETURNS TABLE (kkb_n integer, kkb_kendala text)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp SET enable_seqscan = off AS $b$
BEGIN
	@UNIK_QUERY@
END $b$;

COMMENT ON FUNCTION kkb._sinkron_tulis_@T@(kkb.kode_wilayah, jsonb, integer[]) IS
	'Internal (generated by kkb._sinkron_buat): the set-based bulk-sync upsert of kkb.@T@ rows with distinct keys, changing only the columns each row names; answers (n, baru, hasil) per written row';
COMMENT ON FUNCTION kkb._sinkron_periksa_@T@(kkb.kode_wilayah, jsonb, integer[], integer) IS
	'Internal (generated by kkb._sinkron_buat): kkb.@T@ bulk-sync rows checked one at a time - tahap 1 their values, tahap 2 written and undone - with the error of each that fails';
COMMENT ON FUNCTION kkb._sinkron_cek_@T@(kkb.kode_wilayah, jsonb, integer[]) IS
	'Internal (generated by kkb._sinkron_buat): kkb.@T@ bulk-sync rows breaking NOT NULL, CHECK, a foreign key or a rule of the validation trigger as they would be stored, found set-based';
COMMENT ON FUNCTION kkb._sinkron_unik_@T@(kkb.kode_wilayah, jsonb, integer[]) IS
	'Internal (generated by kkb._sinkron_buat): kkb.@T@ bulk-sync rows that would break a unique index (other than the key) together with an earlier row of the batch';
$t$;
	-- (no such index: nothing to find, and no query - which a Citus cluster could not plan either)
	teks := pg_catalog.replace(teks, '@UNIK_QUERY@', CASE WHEN pg_catalog.cardinality(unik) = 0 THEN 'RETURN;' ELSE $q$RETURN QUERY
	WITH z AS MATERIALIZED (
		SELECT nomor[e.i]::integer AS kkb_n, y.*
		  FROM pg_catalog.jsonb_array_elements(baris) WITH ORDINALITY e(j, i)
		  LEFT JOIN kkb.@T@ s ON s.kode_desa = desa AND @SAMA_SE@
		 CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(s, e.j) y)
	SELECT q.kkb_n, q.kendala FROM (@UNIK@) q WHERE q.ke > 1;$q$ END);
	-- the rows not yet stored: on one node an anti-join; a Citus coordinator plans no correlated subquery
	-- beside a CTE (and crashes on the outer join with row-level security), so there the village's keys
	-- are read once - a key of two columns as the text of the row (Citus sends a row comparison to the
	-- workers with the first column's operator for all)
	teks := pg_catalog.replace(teks, '@BARU@', CASE
		WHEN NOT kkb._citus() THEN
			'NOT EXISTS (SELECT FROM kkb.@T@ s WHERE s.kode_desa = desa AND @SAMA_SR@)'
		WHEN pg_catalog.cardinality(kunci) = 2 THEN
			pg_catalog.format('r.%I NOT IN (SELECT s.%I FROM kkb.@T@ s WHERE s.kode_desa = desa)', kunci[2], kunci[2])
		ELSE
			pg_catalog.format('ROW(%s)::text NOT IN (SELECT ROW(%s)::text FROM kkb.@T@ s WHERE s.kode_desa = desa)',
				(SELECT pg_catalog.string_agg(pg_catalog.format('r.%I', c), ', ') FROM pg_catalog.unnest(kunci[2:]) c),
				(SELECT pg_catalog.string_agg(pg_catalog.format('s.%I', c), ', ') FROM pg_catalog.unnest(kunci[2:]) c)) END);
	teks := pg_catalog.replace(teks, '@SET_R@', (SELECT pg_catalog.string_agg(pg_catalog.format('%I = %s', u.c, u.v), ', ')
	                                              FROM ROWS FROM (pg_catalog.unnest(ubah), pg_catalog.unnest(set_r)) u(c, v)));
	teks := pg_catalog.replace(teks, '@T_UBAH@', (SELECT pg_catalog.string_agg(pg_catalog.format('t.%I', c), ', ') FROM pg_catalog.unnest(ubah) c));
	teks := pg_catalog.replace(teks, '@R_UBAH@', pg_catalog.array_to_string(set_r, ', '));
	teks := pg_catalog.replace(teks, '@EX_UBAH@', (SELECT pg_catalog.string_agg(pg_catalog.format('EXCLUDED.%I', c), ', ') FROM pg_catalog.unnest(ubah) c));
	teks := pg_catalog.replace(teks, '@SET_EX@', (SELECT pg_catalog.string_agg(pg_catalog.format('%I = EXCLUDED.%I', c, c), ', ') FROM pg_catalog.unnest(ubah) c));
	teks := pg_catalog.replace(teks, '@SET_J@', pg_catalog.array_to_string(set_j, ', '));
	teks := pg_catalog.replace(teks, '@KOL@', (SELECT pg_catalog.string_agg(pg_catalog.format('%I', c), ', ') FROM pg_catalog.unnest(kol) c));
	teks := pg_catalog.replace(teks, '@NILAI_R@', pg_catalog.array_to_string(nilai_r, ', '));
	teks := pg_catalog.replace(teks, '@NILAI_X@', pg_catalog.array_to_string(nilai_x, ', '));
	teks := pg_catalog.replace(teks, '@KUNCI@', (SELECT pg_catalog.string_agg(pg_catalog.format('%I', c), ', ') FROM pg_catalog.unnest(kunci) c));
	teks := pg_catalog.replace(teks, '@T_KUNCI@', (SELECT pg_catalog.string_agg(pg_catalog.format('t.%I', c), ', ') FROM pg_catalog.unnest(kunci[2:]) c));
	teks := pg_catalog.replace(teks, '@SAMA_TR@', (SELECT pg_catalog.string_agg(pg_catalog.format('t.%I = r.%I', c, c), ' AND ') FROM pg_catalog.unnest(kunci[2:]) c));
	teks := pg_catalog.replace(teks, '@SAMA_SR@', (SELECT pg_catalog.string_agg(pg_catalog.format('s.%I = r.%I', c, c), ' AND ') FROM pg_catalog.unnest(kunci[2:]) c));
	teks := pg_catalog.replace(teks, '@SAMA_RI@', (SELECT pg_catalog.string_agg(pg_catalog.format('r.%I = i.%I', c, c), ' AND ') FROM pg_catalog.unnest(kunci[2:]) c));
	teks := pg_catalog.replace(teks, '@KUNCI_E@', (SELECT pg_catalog.string_agg(pg_catalog.format('(e.j ->> %L)::%s', u.c,
	                                                    pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY u.o)
	                                                 FROM pg_catalog.unnest(kunci[2:]) WITH ORDINALITY u(c, o)
	                                                 JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attname = u.c));
	teks := pg_catalog.replace(teks, '@SAMA_SE@', (SELECT pg_catalog.string_agg(pg_catalog.format('s.%I = (e.j ->> %L)::%s', u.c, u.c,
	                                                    pg_catalog.format_type(a.atttypid, a.atttypmod)), ' AND ' ORDER BY u.o)
	                                                 FROM pg_catalog.unnest(kunci[2:]) WITH ORDINALITY u(c, o)
	                                                 JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attname = u.c));
	teks := pg_catalog.replace(teks, '@X_KUNCI@', (SELECT pg_catalog.string_agg(pg_catalog.format('x.%I', c), ', ') FROM pg_catalog.unnest(kunci[2:]) c));
	teks := pg_catalog.replace(teks, '@J_KUNCI@', 'pg_catalog.jsonb_build_object(' ||
		(SELECT pg_catalog.string_agg(pg_catalog.format('%L, v_j -> %L', c, c), ', ') FROM pg_catalog.unnest(kunci[2:]) c) || ')');
	teks := pg_catalog.replace(teks, '@KOLOM_Z@', kolom_z);
	teks := pg_catalog.replace(teks, '@BENTUK@', pg_catalog.format('(e.j - %L::text[]) <> ''{}''::jsonb', kol)
		|| (SELECT pg_catalog.string_agg(pg_catalog.format(' OR x.%I IS NULL', k), '') FROM pg_catalog.unnest(kunci[2:]) k)
		|| coalesce((SELECT pg_catalog.string_agg(pg_catalog.format(' OR pg_catalog.jsonb_typeof(e.j -> %L) IN (''object'', ''array'')', a.attname), '' ORDER BY a.attnum)
		               FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
		              WHERE a.attrelid = rel AND a.attname::text = ANY (kol) AND ty.typcategory = 'S'), '')
		-- a number, date, time or identifier not written plainly (16_ketat.sql): the shape checks name the column
		|| coalesce((SELECT pg_catalog.string_agg(pg_catalog.format(' OR kkb._ketat_galat(e.j -> %L, %L) IS NOT NULL', a.attname,
		                                                            kkb._ketat_jenis(a.atttypid)), '' ORDER BY a.attnum)
		               FROM pg_catalog.pg_attribute a
		              WHERE a.attrelid = rel AND a.attname::text = ANY (kol) AND a.attname <> 'kode_desa'
		                AND kkb._ketat_jenis(a.atttypid) IS NOT NULL), '')
		|| ' OR (pg_catalog.jsonb_typeof(e.j -> ''kode_desa'') <> ''null'' AND (e.j ->> ''kode_desa'') <> desa::text'
		|| ' AND (kkb.kode_wilayah_periksa(e.j ->> ''kode_desa'') IS NOT NULL OR (e.j ->> ''kode_desa'')::kkb.kode_wilayah <> desa))');
	teks := pg_catalog.replace(teks, '@FK_X@', CASE WHEN pg_catalog.cardinality(fk_x) = 0 THEN 'false'
		ELSE pg_catalog.array_to_string(fk_x, ' OR ') END);
	teks := pg_catalog.replace(teks, '@J_KUNCI_Z@', 'pg_catalog.jsonb_build_object(' ||
		(SELECT pg_catalog.string_agg(pg_catalog.format('%L, z.kkb_j -> %L', c, c), ', ') FROM pg_catalog.unnest(kunci[2:]) c) || ')');
	teks := pg_catalog.replace(teks, '@CEK_SET@', CASE WHEN pg_catalog.cardinality(cek_set) = 0
		THEN 'SELECT NULL::integer AS kkb_n, 0 AS urut, NULL::text AS st, NULL::text AS kendala, NULL::text AS kolom, NULL::text AS pesan, NULL::text AS rincian WHERE false'
		ELSE pg_catalog.array_to_string(cek_set, ' UNION ALL ') END);
	teks := pg_catalog.replace(teks, '@UNIK@', pg_catalog.array_to_string(unik, ' UNION ALL '));
	teks := pg_catalog.replace(teks, '@HASIL_KOL@', hasil_kol);
	teks := pg_catalog.replace(teks, '@HASIL_U@', pg_catalog.replace(hasil_t, '@X@', 'u'));
	teks := pg_catalog.replace(teks, '@HASIL_I@', pg_catalog.replace(hasil_t, '@X@', 'i'));
	teks := pg_catalog.replace(teks, '@T@', tabel);
	EXECUTE teks;

	INSERT INTO kkb._sinkron_tabel AS s (tabel, kolom, kunci, hasil)
	VALUES (_sinkron_buat.tabel, kol, kunci[2:], hasil IS NOT NULL)
	ON CONFLICT ON CONSTRAINT _sinkron_tabel_pkey DO UPDATE SET kolom = EXCLUDED.kolom, kunci = EXCLUDED.kunci, hasil = EXCLUDED.hasil;
END $f$;
COMMENT ON FUNCTION kkb._sinkron_buat(text, text[], text[]) IS
	'Internal: (re)creates the bulk-sync statements of a by-name table from the catalogue (kkb._sinkron_tulis_/_cek_/_periksa_/_unik_<tabel>) and its row in kkb._sinkron_tabel; hasil: derived columns answered for written rows, tanpa: other columns clients do not write';

-- the by-name tables of the bulk sync; again by kkb.sebarkan (the statements of a Citus cluster)
CREATE FUNCTION kkb._sinkron_buat_semua() RETURNS void
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	PERFORM kkb._sinkron_buat('keluarga');
	PERFORM kkb._sinkron_buat('anggota');
	PERFORM kkb._sinkron_buat('pengukuran',
		hasil => ARRAY['umur_hari', 'umur_bulan', 'tinggi_koreksi_cm', 'z_tbu', 'z_bbu', 'z_bbtb', 'z_imtu', 'status_tbu',
		               'status_bbu', 'status_bbtb', 'status_imtu', 'stunting', 'flags'],
		tanpa => ARRAY['jenis_kelamin', 'tanggal_lahir']);
	PERFORM kkb._sinkron_buat('peristiwa');
END $f$;
COMMENT ON FUNCTION kkb._sinkron_buat_semua() IS
	'Internal: (re)creates the bulk-sync statements of every by-name table (keluarga, anggota, pengukuran with its derived values, peristiwa)';
SELECT kkb._sinkron_buat_semua();
REVOKE EXECUTE ON FUNCTION kkb._sinkron_buat(text, text[], text[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION kkb._sinkron_buat_semua() FROM PUBLIC;

-- ---------------------------------------------------------------- dispatch
-- One try of the set-based upsert, in its own subtransaction: ok and the counts and derived values, or
-- not ok and the error's fields.  Failures that are not the rows' fault are raised.
CREATE FUNCTION kkb._sinkron_coba(tabel text, desa kkb.kode_wilayah, baris jsonb, nomor integer[],
                                  OUT ok boolean, OUT diimpor bigint, OUT diperbarui bigint, OUT hasil jsonb[], OUT galat jsonb)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	st text;
	kendala text;
	kolom text;
	pesan text;
	rincian text;
	saran text;
BEGIN
	EXECUTE pg_catalog.format(
		'SELECT pg_catalog.count(*) FILTER (WHERE w.kkb_baru), pg_catalog.count(*) FILTER (WHERE NOT w.kkb_baru),'
		' coalesce(pg_catalog.array_agg(w.kkb_hasil || pg_catalog.jsonb_build_object(''baris'', w.kkb_n)) FILTER (WHERE w.kkb_hasil IS NOT NULL), ''{}'')'
		' FROM kkb.%I($1, $2, $3) w', '_sinkron_tulis_' || tabel)
		INTO diimpor, diperbarui, hasil USING desa, baris, nomor;
	ok := true;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, kendala = CONSTRAINT_NAME, kolom = COLUMN_NAME, pesan = MESSAGE_TEXT,
		rincian = PG_EXCEPTION_DETAIL, saran = PG_EXCEPTION_HINT;
	IF kkb._sinkron_bukan_data(st) THEN
		RAISE;
	END IF;
	ok := false;
	galat := pg_catalog.jsonb_build_object('sqlstate', st, 'kendala', NULLIF(kendala, ''), 'kolom', NULLIF(kolom, ''),
	                                       'pesan', pesan, 'rincian', NULLIF(rincian, ''), 'saran', NULLIF(saran, ''));
END $f$;
COMMENT ON FUNCTION kkb._sinkron_coba(text, kkb.kode_wilayah, jsonb, integer[]) IS
	'Internal: one try of the set-based bulk-sync upsert of rows (numbers nomor) in a subtransaction: ok with the counts and derived values, or not ok with the error (galat)';

-- the generated statements of a table, by its name
CREATE FUNCTION kkb._sinkron_periksa(tabel text, desa kkb.kode_wilayah, baris jsonb, nomor integer[], tahap integer)
	RETURNS TABLE (kkb_n integer, kkb_kunci text, kkb_kunci_json jsonb, kkb_sqlstate text, kkb_kendala text, kkb_kolom text,
	               kkb_pesan text, kkb_rincian text, kkb_saran text)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	RETURN QUERY EXECUTE pg_catalog.format('SELECT * FROM kkb.%I($1, $2, $3, $4)', '_sinkron_periksa_' || tabel)
		USING desa, baris, nomor, tahap;
END $f$;
COMMENT ON FUNCTION kkb._sinkron_periksa(text, kkb.kode_wilayah, jsonb, integer[], integer) IS
	'Internal: checks bulk-sync rows one at a time (kkb._sinkron_periksa_<tabel>): tahap 1 their values, tahap 2 the row written and undone';

CREATE FUNCTION kkb._sinkron_cek(tabel text, desa kkb.kode_wilayah, baris jsonb, nomor integer[])
	RETURNS TABLE (kkb_n integer, kkb_kunci jsonb, kkb_sqlstate text, kkb_kendala text, kkb_kolom text, kkb_pesan text, kkb_rincian text)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	RETURN QUERY EXECUTE pg_catalog.format('SELECT * FROM kkb.%I($1, $2, $3)', '_sinkron_cek_' || tabel) USING desa, baris, nomor;
END $f$;
COMMENT ON FUNCTION kkb._sinkron_cek(text, kkb.kode_wilayah, jsonb, integer[]) IS
	'Internal: bulk-sync rows (whose values are valid) that break a NOT NULL, CHECK or foreign key constraint as they would be stored, found set-based (kkb._sinkron_cek_<tabel>)';

CREATE FUNCTION kkb._sinkron_unik(tabel text, desa kkb.kode_wilayah, baris jsonb, nomor integer[])
	RETURNS TABLE (kkb_n integer, kkb_kendala text)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	RETURN QUERY EXECUTE pg_catalog.format('SELECT * FROM kkb.%I($1, $2, $3)', '_sinkron_unik_' || tabel) USING desa, baris, nomor;
END $f$;
COMMENT ON FUNCTION kkb._sinkron_unik(text, kkb.kode_wilayah, jsonb, integer[]) IS
	'Internal: bulk-sync rows that would break a unique index (other than the key) together with an earlier row of the batch (kkb._sinkron_unik_<tabel>)';

-- the numbers of a that are not in b, in order
CREATE FUNCTION kkb._sinkron_kurang(a integer[], b integer[]) RETURNS integer[]
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
	SELECT coalesce(pg_catalog.array_agg(u.n ORDER BY u.n), '{}')
	  FROM pg_catalog.unnest(a) u(n) WHERE NOT EXISTS (SELECT FROM pg_catalog.unnest(b) d(n) WHERE d.n = u.n)
$f$;
COMMENT ON FUNCTION kkb._sinkron_kurang(integer[], integer[]) IS 'Internal: the row numbers of a that are not in b, in order';

-- the key of a sent row, as sent: {column: value or null}; {} for a row that is no object
CREATE FUNCTION kkb._sinkron_kunci(baris jsonb, kunci text[]) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
	SELECT CASE WHEN pg_catalog.jsonb_typeof(baris) = 'object'
	            THEN (SELECT pg_catalog.jsonb_object_agg(k, coalesce(baris -> k, 'null'::jsonb)) FROM pg_catalog.unnest(kunci) k)
	            ELSE '{}'::jsonb END
$f$;
COMMENT ON FUNCTION kkb._sinkron_kunci(jsonb, text[]) IS 'Internal: the key columns of a sent bulk-sync row as sent ({} when the row is no object)';

-- Rows of a batch sent as new records (opsi baru) whose key is already stored
-- with other values in the columns the row names: (row number, conflict entry
-- with the stored row as sekarang).  The stored rows found are locked until
-- the end of the transaction, so that nothing changes them between this check
-- and the write (on a Citus cluster, where a join with a row set cannot lock,
-- without the lock).  A row whose values do not even cast is left to the
-- sync's own checks (one row at a time when the batch holds one).
CREATE FUNCTION kkb._sinkron_sudah_ada(tabel text, desa kkb.kode_wilayah, baris jsonb, kunci text[])
	RETURNS TABLE (n integer, galat jsonb) LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	q text;
	i integer;
	ns integer[];
	gs jsonb[];
BEGIN
	q := pg_catalog.format(
		'SELECT e.n::integer, kkb._galat_baris(e.n, kkb._sinkron_kunci(e.j, $3), ''KK412'', NULL, NULL,'
		'         pg_catalog.format(''the %1$s row with this key is already stored with other values'', %1$L), NULL, NULL)'
		'       OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(''sekarang'', pg_catalog.to_jsonb(t))'
		'  FROM pg_catalog.jsonb_array_elements($1) WITH ORDINALITY e(j, n)'
		' CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(NULL::kkb.%1$I, CASE WHEN pg_catalog.jsonb_typeof(e.j) = ''object'' THEN e.j END) x'
		'  JOIN kkb.%1$I t ON t.kode_desa OPERATOR(kkb.=) $2 AND %2$s'
		' WHERE EXISTS (SELECT FROM pg_catalog.jsonb_object_keys(e.j) k'
		'                WHERE k <> ''kode_desa'' AND (pg_catalog.to_jsonb(x) -> k) IS DISTINCT FROM (pg_catalog.to_jsonb(t) -> k))'
		'%3$s',
		tabel,
		(SELECT pg_catalog.string_agg(pg_catalog.format('t.%1$I = x.%1$I', k), ' AND ') FROM pg_catalog.unnest(kunci) k),
		CASE WHEN kkb._citus() THEN '' ELSE ' FOR UPDATE OF t' END);
	-- gathered first (rows a failing RETURN QUERY had added would stay in the answer)
	BEGIN
		EXECUTE 'SELECT coalesce(pg_catalog.array_agg(s.n ORDER BY s.n), ''{}''), coalesce(pg_catalog.array_agg(s.g ORDER BY s.n), ''{}'')'
		        ' FROM (' || q || ') s(n, g)'
			INTO ns, gs USING baris, desa, kunci;
		RETURN QUERY SELECT u.n, u.g FROM ROWS FROM (pg_catalog.unnest(ns), pg_catalog.unnest(gs)) u(n, g);
		RETURN;
	EXCEPTION WHEN OTHERS THEN
		IF kkb._sinkron_bukan_data(SQLSTATE) THEN
			RAISE;
		END IF;
	END;
	-- a value that does not cast: row by row, the bad ones left to the sync
	FOR i IN 1 .. pg_catalog.jsonb_array_length(baris) LOOP
		BEGIN
			gs := ARRAY(SELECT r.galat OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('baris', i)
			              FROM kkb._sinkron_sudah_ada(tabel, desa, pg_catalog.jsonb_build_array(baris -> (i - 1)), kunci) r);
			RETURN QUERY SELECT i, g FROM pg_catalog.unnest(gs) g;
		EXCEPTION WHEN OTHERS THEN
			IF kkb._sinkron_bukan_data(SQLSTATE) THEN
				RAISE;
			END IF;
		END;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb._sinkron_sudah_ada(text, kkb.kode_wilayah, jsonb, text[]) IS
	'Internal: the rows of a batch sent as new records (api_sinkron opsi baru) whose key is stored with other values in the columns they name: their numbers and conflict entries with the stored row (sekarang); the stored rows locked (not on a Citus cluster)';

-- ---------------------------------------------------------------- the API
CREATE FUNCTION kkb.api_sinkron(tabel text, desa kkb.kode_wilayah, baris jsonb, opsi jsonb DEFAULT '{}')
	RETURNS jsonb LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	def kkb._sinkron_tabel;
	v_dry boolean;
	v_atomik boolean;
	v_csv boolean;
	v_peta jsonb;				-- the columns read strictly (16_ketat.sql)
	v_kolom text;
	v_total integer;
	galat jsonb[];				-- conflict entries
	hasil jsonb[] := '{}';		-- derived values of the written rows
	diimpor bigint := 0;
	diperbarui bigint := 0;
	sisa_j jsonb;				-- rows still to write, and their numbers
	sisa_n integer[];
	sisa_a jsonb[];
	v_coba record;			-- a try of the set-based upsert (kkb._sinkron_coba)
	gagal_awal text;			-- the SQLSTATE of the failed set-based try of the whole batch
	galat_p1 jsonb[];
	ok_n integer[];
	ok_kunci text[];
	ronde integer[];
	v_ronde integer;
	r_j jsonb;
	r_n integer[];
	r_semua integer[];
	v_lain boolean;
	galat_s jsonb[];
	tolak integer[];
	v_r integer;
	v_i integer;
	g record;
	disimpan boolean;
	v_sebaran boolean := kkb._citus();
	st_a integer[];				-- halving on a cluster: the ranges of r_n still to try (a stack)
	st_b integer[];
	v_a integer;
	v_b integer;
	v_p1 jsonb;				-- on a cluster: each row's values checked before the first distributed access
BEGIN
	SELECT * INTO def FROM kkb._sinkron_tabel s WHERE s.tabel = api_sinkron.tabel;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'unknown table "%" for the bulk sync', tabel
			USING ERRCODE = 'invalid_parameter_value', HINT = 'The tables are keluarga, anggota, pengukuran and peristiwa.';
	END IF;
	IF baris IS NULL OR pg_catalog.jsonb_typeof(baris) <> 'array' THEN
		RAISE EXCEPTION 'the rows must be a JSON array, not %', coalesce(pg_catalog.jsonb_typeof(baris), 'null')
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Send [{...}, {...}], one object per row.';
	END IF;
	opsi := coalesce(opsi, '{}');
	v_dry := coalesce((opsi ->> 'dry_run')::boolean, false);
	v_atomik := coalesce((opsi ->> 'atomik')::boolean, false);
	v_csv := coalesce(opsi ->> 'format' = 'csv', false);
	v_peta := kkb._ketat_peta(pg_catalog.format('kkb.%I', tabel)::regclass);
	IF opsi ? 'kolom' THEN
		SELECT k INTO v_kolom FROM pg_catalog.jsonb_array_elements_text(opsi -> 'kolom') k WHERE k <> ALL (def.kolom) LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION 'unknown column "%" in the CSV header', pg_catalog.left(v_kolom, 64)
				USING ERRCODE = 'undefined_column', COLUMN = v_kolom,
				      HINT = pg_catalog.format('The columns of %s are: %s.', tabel, pg_catalog.array_to_string(def.kolom, ', '));
		END IF;
	END IF;
	-- On a Citus cluster every undone subtransaction costs ~20 ms once the transaction has touched the
	-- workers (a cancel request and a ROLLBACK TO SAVEPOINT on each): a batch with a value that does not
	-- cast has each row's values checked now, before its first distributed read, and the checks below
	-- take these answers
	IF v_sebaran AND pg_catalog.jsonb_array_length(baris) > 0 THEN
		BEGIN
			EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM pg_catalog.jsonb_array_elements($1) e(j)'
			                          ' CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(NULL::kkb.%I, e.j) x', tabel)
				USING baris;
		EXCEPTION WHEN OTHERS THEN
			IF kkb._sinkron_bukan_data(SQLSTATE) THEN
				RAISE;
			END IF;
			SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(p)), '[]') INTO v_p1
			  FROM kkb._sinkron_periksa(tabel, desa, baris,
			                            ARRAY(SELECT pg_catalog.generate_series(1, pg_catalog.jsonb_array_length(baris))), 1) p;
		END;
	END IF;
	-- the village must be a Kampung KB the caller sees (row-level security): NULL otherwise
	PERFORM FROM kkb.kampung k WHERE k.kode_desa = desa;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	-- new records (a phone's queue): a row whose key is stored with other values is refused with the
	-- stored row, and the others go through the sync as usual (renumbered back to the batch's numbers)
	IF coalesce((opsi ->> 'baru')::boolean, false) AND pg_catalog.jsonb_array_length(baris) > 0 THEN
		SELECT coalesce(pg_catalog.array_agg(a.n ORDER BY a.n), '{}'), coalesce(pg_catalog.array_agg(a.galat ORDER BY a.n), '{}')
		  INTO tolak, galat
		  FROM kkb._sinkron_sudah_ada(tabel, desa, baris, def.kunci) a;
		IF pg_catalog.cardinality(tolak) > 0 THEN
			ok_n := kkb._sinkron_kurang(ARRAY(SELECT pg_catalog.generate_series(1, pg_catalog.jsonb_array_length(baris))), tolak);
			SELECT coalesce(pg_catalog.jsonb_agg(baris -> (u.n - 1) ORDER BY u.o), '[]') INTO r_j
			  FROM pg_catalog.unnest(ok_n) WITH ORDINALITY u(n, o);
			-- atomik: a refused row keeps the others from being written too
			-- (a CSV reader's refusals, by row number, follow their rows)
			sisa_a := ARRAY[kkb.api_sinkron(tabel, desa, r_j, (opsi - 'baru' - 'tolak')
			                                 || CASE WHEN v_atomik THEN '{"dry_run": true}'::jsonb ELSE '{}'::jsonb END
			                                 || CASE WHEN opsi ? 'tolak' THEN pg_catalog.jsonb_build_object('tolak', coalesce(
			                                         (SELECT pg_catalog.jsonb_object_agg(u.o::text, opsi -> 'tolak' -> u.n::text)
			                                            FROM pg_catalog.unnest(ok_n) WITH ORDINALITY u(n, o) WHERE opsi -> 'tolak' ? u.n::text), '{}'))
			                                    ELSE '{}'::jsonb END)];
			RETURN sisa_a[1]
			       || pg_catalog.jsonb_build_object(
			              'ditolak', (sisa_a[1] ->> 'ditolak')::integer + pg_catalog.cardinality(tolak),
			              'konflik', (SELECT pg_catalog.jsonb_agg(x ORDER BY (x ->> 'baris')::integer)
			                            FROM (SELECT pg_catalog.unnest(galat) x
			                                  UNION ALL
			                                  SELECT k OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('baris', ok_n[(k ->> 'baris')::integer])
			                                    FROM pg_catalog.jsonb_array_elements(sisa_a[1] -> 'konflik') k) y),
			              'dry_run', v_dry, 'disimpan', NOT v_dry AND NOT v_atomik AND (sisa_a[1] ->> 'disimpan')::boolean)
			       || CASE WHEN def.hasil
			               THEN pg_catalog.jsonb_build_object('hasil', coalesce((SELECT pg_catalog.jsonb_agg(h OPERATOR(pg_catalog.||)
			                        pg_catalog.jsonb_build_object('baris', ok_n[(h ->> 'baris')::integer]) ORDER BY o)
			                      FROM pg_catalog.jsonb_array_elements(sisa_a[1] -> 'hasil') WITH ORDINALITY z(h, o)), '[]'))
			               ELSE '{}'::jsonb END;
		END IF;
	END IF;

	v_total := pg_catalog.jsonb_array_length(baris);
	galat := '{}';
	IF v_total > 0 THEN
		BEGIN
			-- the fast path: the whole batch in one statement (which refuses at once a batch holding a row the
			-- checks below would refuse)
			sisa_n := ARRAY(SELECT pg_catalog.generate_series(1, v_total));
			SELECT * INTO v_coba FROM kkb._sinkron_coba(tabel, desa, baris, sisa_n);
			IF v_coba.ok THEN
				diimpor := diimpor + v_coba.diimpor;
				diperbarui := diperbarui + v_coba.diperbarui;
				hasil := hasil || v_coba.hasil;
			ELSE
				gagal_awal := v_coba.galat ->> 'sqlstate';
				-- the upsert reads every row before it writes: only a bad value (22xxx) or a row it found to need
				-- checking (KKB03) can be refused by the shape checks
				IF pg_catalog.left(gagal_awal, 2) = '22' OR gagal_awal = 'KKB03' THEN
					-- one pass over the rows, no table touched: shape, columns, JSON types, key present, village
					SELECT coalesce(pg_catalog.array_agg(a.j ORDER BY a.n) FILTER (WHERE a.kode IS NULL), '{}'),
					       coalesce(pg_catalog.array_agg(a.n ORDER BY a.n) FILTER (WHERE a.kode IS NULL), '{}'),
					       coalesce(pg_catalog.array_agg(kkb._galat_baris(a.n,
					                    CASE WHEN pg_catalog.jsonb_typeof(a.j) = 'object' THEN
					                         pg_catalog.jsonb_build_object(def.kunci[1], a.j -> def.kunci[1])
					                         || CASE WHEN def.kunci[2] IS NULL THEN '{}' ELSE pg_catalog.jsonb_build_object(def.kunci[2], a.j -> def.kunci[2]) END
					                         || CASE WHEN def.kunci[3] IS NULL THEN '{}' ELSE pg_catalog.jsonb_build_object(def.kunci[3], a.j -> def.kunci[3]) END
					                    ELSE '{}'::jsonb END,
					                    a.kode, NULL, a.kolom, a.pesan, NULL, NULL) ORDER BY a.n)
					                FILTER (WHERE a.kode IS NOT NULL), '{}')
					  INTO sisa_a, sisa_n, galat
					  FROM (SELECT e.n::integer AS n, e.j, c.kode, c.kolom, c.pesan
					          FROM pg_catalog.jsonb_array_elements(baris) WITH ORDINALITY e(j, n)
					         CROSS JOIN LATERAL (
					               SELECT pg_catalog.jsonb_typeof(e.j) = 'object' AS objek,
					                      CASE WHEN pg_catalog.jsonb_typeof(e.j -> 'kode_desa') NOT IN ('null', 'object', 'array') THEN e.j ->> 'kode_desa' END AS kd
					               ) b
					         -- a number, date or time not written plainly (16_ketat.sql)
					         LEFT JOIN LATERAL kkb._ketat_baris(v_peta, e.j) kt ON true
					         CROSS JOIN LATERAL (
					               SELECT CASE WHEN v_csv AND opsi -> 'tolak' ? e.n::text THEN
					                           ARRAY[opsi -> 'tolak' -> e.n::text ->> 'kode', opsi -> 'tolak' -> e.n::text ->> 'kolom',
					                                 opsi -> 'tolak' -> e.n::text ->> 'pesan']
					                      WHEN NOT b.objek THEN
					                           ARRAY['KKB-422', NULL, 'a row must be a JSON object']
					                      WHEN (e.j - def.kolom) <> '{}'::jsonb THEN
					                           (SELECT ARRAY['KKB-422', k, pg_catalog.format('unknown column "%s"', pg_catalog.left(k, 64))]
					                              FROM pg_catalog.jsonb_object_keys(e.j - def.kolom) k ORDER BY k LIMIT 1)
					                      WHEN pg_catalog.jsonb_path_exists(e.j, '$.* ? (@.type() == "object" || @.type() == "array")') THEN
					                           (SELECT ARRAY['KKB-422', w.k, pg_catalog.format('the value of column "%s" must be a string, number, boolean or null', w.k)]
					                              FROM pg_catalog.jsonb_each(e.j) w(k, v) WHERE pg_catalog.jsonb_typeof(w.v) IN ('object', 'array') ORDER BY w.k LIMIT 1)
					                      WHEN kt.sqlstate IS NOT NULL THEN
					                           ARRAY[kt.sqlstate, kt.kolom, kt.pesan]
					                      WHEN coalesce(pg_catalog.jsonb_typeof(e.j -> def.kunci[1]), 'null') = 'null'
					                           OR (def.kunci[2] IS NOT NULL AND coalesce(pg_catalog.jsonb_typeof(e.j -> def.kunci[2]), 'null') = 'null')
					                           OR (def.kunci[3] IS NOT NULL AND coalesce(pg_catalog.jsonb_typeof(e.j -> def.kunci[3]), 'null') = 'null') THEN
					                           (SELECT ARRAY['23502', k, pg_catalog.format('null value in column "%s" of relation "%s" violates not-null constraint', k, tabel)]
					                              FROM pg_catalog.unnest(def.kunci) WITH ORDINALITY u(k, o)
					                             WHERE coalesce(pg_catalog.jsonb_typeof(e.j -> u.k), 'null') = 'null' ORDER BY u.o LIMIT 1)
					                      WHEN b.kd IS NOT NULL AND b.kd <> desa::text
					                           AND (kkb.kode_wilayah_periksa(b.kd) IS NOT NULL OR b.kd::kkb.kode_wilayah <> desa) THEN
					                           ARRAY['KKB-422', 'kode_desa', pg_catalog.format('the row''s kode_desa is not the village of the path (%s)', desa)]
					                      END AS v
					               ) v0
					         CROSS JOIN LATERAL (SELECT v0.v[1] AS kode, v0.v[2] AS kolom, v0.v[3] AS pesan) c) a;
				END IF;
				sisa_j := CASE WHEN pg_catalog.cardinality(galat) = 0 THEN baris ELSE coalesce(pg_catalog.to_jsonb(sisa_a), '[]') END;
				sisa_a := NULL;
				IF pg_catalog.cardinality(galat) > 0 AND pg_catalog.cardinality(sisa_n) > 0 THEN
					-- the others in one statement again
					SELECT * INTO v_coba FROM kkb._sinkron_coba(tabel, desa, sisa_j, sisa_n);
					IF v_coba.ok THEN
						diimpor := diimpor + v_coba.diimpor;
						diperbarui := diperbarui + v_coba.diperbarui;
						hasil := hasil || v_coba.hasil;
						sisa_n := '{}';
					ELSE
						gagal_awal := v_coba.galat ->> 'sqlstate';
					END IF;
				END IF;
			END IF;
			IF NOT v_coba.ok AND pg_catalog.cardinality(sisa_n) > 0 THEN

				IF pg_catalog.left(gagal_awal, 2) = '22' THEN
					-- a bad value (the upsert reads every value first): each row's values on their own (a cast);
					-- bad values are rejected, the others get their typed key - or, when they were checked before
					-- (a cluster, v_p1), the same answers read back
					SELECT coalesce(pg_catalog.array_agg(kkb._galat_baris(p.kkb_n, p.kkb_kunci_json, p.kkb_sqlstate, p.kkb_kendala, p.kkb_kolom,
					                                                      p.kkb_pesan, p.kkb_rincian, p.kkb_saran) ORDER BY p.kkb_n)
					                FILTER (WHERE p.kkb_sqlstate IS NOT NULL), '{}'),
					       coalesce(pg_catalog.array_agg(p.kkb_n ORDER BY p.kkb_n) FILTER (WHERE p.kkb_sqlstate IS NULL), '{}'),
					       coalesce(pg_catalog.array_agg(p.kkb_kunci ORDER BY p.kkb_n) FILTER (WHERE p.kkb_sqlstate IS NULL), '{}')
					  INTO galat_p1, ok_n, ok_kunci
					  FROM (SELECT q.* FROM kkb._sinkron_periksa(tabel, desa, sisa_j, sisa_n, 1) q WHERE v_p1 IS NULL
					        UNION ALL
					        SELECT q.* FROM pg_catalog.jsonb_to_recordset(v_p1) AS q(kkb_n integer, kkb_kunci text, kkb_kunci_json jsonb,
					               kkb_sqlstate text, kkb_kendala text, kkb_kolom text, kkb_pesan text, kkb_rincian text, kkb_saran text)
					          JOIN pg_catalog.unnest(sisa_n) u(n) ON u.n = q.kkb_n) p;
					galat := galat || galat_p1;
				ELSE
					-- every value is valid: the typed keys, set-based
					galat_p1 := '{}';
					ok_n := sisa_n;
					EXECUTE pg_catalog.format('SELECT pg_catalog.array_agg(ROW(%s)::text ORDER BY e.i)'
					                          ' FROM pg_catalog.jsonb_array_elements($1) WITH ORDINALITY e(j, i)'
					                          ' CROSS JOIN LATERAL pg_catalog.jsonb_populate_record(NULL::kkb.%I, e.j) x',
					                          (SELECT pg_catalog.string_agg(pg_catalog.format('x.%I', k), ', ') FROM pg_catalog.unnest(def.kunci) k), tabel)
						INTO ok_kunci USING sisa_j;
				END IF;
				-- rounds of distinct keys: the k-th version of a key is written in round k (at most 100)
				SELECT coalesce(pg_catalog.array_agg(q.ke ORDER BY q.n), '{}') INTO ronde
				  FROM (SELECT u.n, pg_catalog.row_number() OVER (PARTITION BY u.k ORDER BY u.n)::integer AS ke
				          FROM ROWS FROM (pg_catalog.unnest(ok_n), pg_catalog.unnest(ok_kunci)) u(n, k)) q;
				FOR v_i IN 1 .. coalesce(pg_catalog.array_length(ok_n, 1), 0) LOOP
					IF ronde[v_i] > 100 THEN
						galat := galat || kkb._galat_baris(ok_n[v_i], kkb._sinkron_kunci(baris -> (ok_n[v_i] - 1), def.kunci), 'KKB-422', NULL,
						                                   NULL, 'the row''s key appears more than 100 times in the batch', NULL, NULL);
					END IF;
				END LOOP;
				v_ronde := LEAST(coalesce((SELECT pg_catalog.max(k) FROM pg_catalog.unnest(ronde) k), 0), 100);
				FOR v_r IN 1 .. v_ronde LOOP
					SELECT coalesce(pg_catalog.array_agg(u.n ORDER BY u.n), '{}') INTO r_n
					  FROM ROWS FROM (pg_catalog.unnest(ok_n), pg_catalog.unnest(ronde)) u(n, k) WHERE u.k = v_r;
					SELECT coalesce(pg_catalog.to_jsonb(pg_catalog.array_agg(baris -> (u.n - 1) ORDER BY u.n)), '[]') INTO r_j FROM pg_catalog.unnest(r_n) u(n);
					-- NOT NULL, CHECK, foreign keys and the validation rules on the rows as they would be stored, set-based
					SELECT coalesce(pg_catalog.array_agg(kkb._galat_baris(c.kkb_n, c.kkb_kunci, c.kkb_sqlstate, c.kkb_kendala, c.kkb_kolom,
					                                                      c.kkb_pesan, c.kkb_rincian, NULL) ORDER BY c.kkb_n), '{}'),
					       coalesce(pg_catalog.array_agg(c.kkb_n), '{}')
					  INTO galat_s, tolak
					  FROM kkb._sinkron_cek(tabel, desa, r_j, r_n) c;
					v_lain := pg_catalog.cardinality(tolak) > 0;
					IF v_lain THEN
						galat := galat || galat_s;
						r_n := kkb._sinkron_kurang(r_n, tolak);
						CONTINUE WHEN pg_catalog.cardinality(r_n) = 0;
						SELECT coalesce(pg_catalog.to_jsonb(pg_catalog.array_agg(baris -> (u.n - 1) ORDER BY u.n)), '[]') INTO r_j FROM pg_catalog.unnest(r_n) u(n);
					END IF;
					-- the round in one statement, unless that is known to fail (nothing changed since the first try failed)
					IF v_lain OR v_ronde > 1 OR pg_catalog.cardinality(galat_p1) > 0 OR gagal_awal = '21000' THEN
						SELECT * INTO v_coba FROM kkb._sinkron_coba(tabel, desa, r_j, r_n);
						IF v_coba.ok THEN
							diimpor := diimpor + v_coba.diimpor;
							diperbarui := diperbarui + v_coba.diperbarui;
							hasil := hasil || v_coba.hasil;
							CONTINUE;
						END IF;
					END IF;
					-- two rows of the round breaking a unique index together (set-based): without the later ones,
					-- the round in one statement - which, when it passes, proves the earlier ones were writable
					-- (the row-by-row check below costs a statement per row, tens of milliseconds on a cluster)
					galat_s := '{}';
					tolak := '{}';
					FOR g IN SELECT * FROM kkb._sinkron_unik(tabel, desa, r_j, r_n) LOOP
						galat_s := galat_s || kkb._galat_baris(g.kkb_n, kkb._sinkron_kunci(baris -> (g.kkb_n - 1), def.kunci), '23505', g.kkb_kendala, NULL,
						                                       pg_catalog.format('duplicate key value violates unique constraint "%s"', g.kkb_kendala),
						                                       'An earlier row of the batch has the same values.', NULL);
						tolak := tolak || g.kkb_n;
					END LOOP;
					IF pg_catalog.cardinality(tolak) > 0 AND pg_catalog.cardinality(kkb._sinkron_kurang(r_n, tolak)) > 0 THEN
						SELECT coalesce(pg_catalog.to_jsonb(pg_catalog.array_agg(baris -> (u.n - 1) ORDER BY u.n)), '[]') INTO r_j
						  FROM pg_catalog.unnest(kkb._sinkron_kurang(r_n, tolak)) u(n);
						SELECT * INTO v_coba FROM kkb._sinkron_coba(tabel, desa, r_j, kkb._sinkron_kurang(r_n, tolak));
						IF v_coba.ok THEN
							galat := galat || galat_s;
							diimpor := diimpor + v_coba.diimpor;
							diperbarui := diperbarui + v_coba.diperbarui;
							hasil := hasil || v_coba.hasil;
							CONTINUE;
						END IF;
						SELECT coalesce(pg_catalog.to_jsonb(pg_catalog.array_agg(baris -> (u.n - 1) ORDER BY u.n)), '[]') INTO r_j FROM pg_catalog.unnest(r_n) u(n);
					END IF;
					IF v_sebaran THEN
						-- On a Citus cluster every undone subtransaction costs a cancel request and a ROLLBACK TO
						-- SAVEPOINT on each worker (about 20 ms), so rows are not written and undone one by one:
						-- the round is halved until each failing part is one row, the parts that pass are kept
						-- (in row order, so the later of two rows breaking a unique index together is refused).
						galat := galat || galat_s;
						r_n := kkb._sinkron_kurang(r_n, tolak);
						st_a := ARRAY[1];
						st_b := ARRAY[pg_catalog.cardinality(r_n)];
						WHILE pg_catalog.cardinality(st_a) > 0 AND pg_catalog.cardinality(r_n) > 0 LOOP
							v_a := st_a[pg_catalog.cardinality(st_a)];
							v_b := st_b[pg_catalog.cardinality(st_b)];
							st_a := st_a[1:pg_catalog.cardinality(st_a) - 1];
							st_b := st_b[1:pg_catalog.cardinality(st_b) - 1];
							r_semua := r_n[v_a:v_b];
							SELECT coalesce(pg_catalog.to_jsonb(pg_catalog.array_agg(baris -> (u.n - 1) ORDER BY u.n)), '[]') INTO r_j
							  FROM pg_catalog.unnest(r_semua) u(n);
							SELECT * INTO v_coba FROM kkb._sinkron_coba(tabel, desa, r_j, r_semua);
							IF v_coba.ok THEN
								diimpor := diimpor + v_coba.diimpor;
								diperbarui := diperbarui + v_coba.diperbarui;
								hasil := hasil || v_coba.hasil;
							ELSIF v_a = v_b THEN
								galat := galat || kkb._galat_baris(r_n[v_a], kkb._sinkron_kunci(baris -> (r_n[v_a] - 1), def.kunci),
								                                   v_coba.galat ->> 'sqlstate', v_coba.galat ->> 'kendala', v_coba.galat ->> 'kolom',
								                                   v_coba.galat ->> 'pesan', v_coba.galat ->> 'rincian', v_coba.galat ->> 'saran');
							ELSE
								-- the second half later, the first next
								st_a := st_a || ((v_a + v_b) / 2 + 1) || v_a;
								st_b := st_b || v_b || ((v_a + v_b) / 2);
							END IF;
						END LOOP;
						CONTINUE;
					END IF;
					-- each row of the round on its own: foreign keys, then written and undone
					r_semua := r_n;
					r_n := '{}';
					FOR g IN SELECT * FROM kkb._sinkron_periksa(tabel, desa, r_j, r_semua, 2) LOOP
						IF g.kkb_sqlstate IS NULL THEN
							r_n := r_n || g.kkb_n;
						ELSE
							galat := galat || kkb._galat_baris(g.kkb_n, g.kkb_kunci_json, g.kkb_sqlstate, g.kkb_kendala, g.kkb_kolom, g.kkb_pesan,
							                                   g.kkb_rincian, g.kkb_saran);
						END IF;
					END LOOP;
					-- two rows of the round that would break a unique index together: the later one is rejected
					SELECT coalesce(pg_catalog.to_jsonb(pg_catalog.array_agg(baris -> (u.n - 1) ORDER BY u.n)), '[]') INTO r_j FROM pg_catalog.unnest(r_n) u(n);
					tolak := '{}';
					FOR g IN SELECT * FROM kkb._sinkron_unik(tabel, desa, r_j, r_n) LOOP
						galat := galat || kkb._galat_baris(g.kkb_n, kkb._sinkron_kunci(baris -> (g.kkb_n - 1), def.kunci), '23505', g.kkb_kendala, NULL,
						                                   pg_catalog.format('duplicate key value violates unique constraint "%s"', g.kkb_kendala),
						                                   'An earlier row of the batch has the same values.', NULL);
						tolak := tolak || g.kkb_n;
					END LOOP;
					r_n := kkb._sinkron_kurang(r_n, tolak);
					CONTINUE WHEN pg_catalog.cardinality(r_n) = 0;
					SELECT coalesce(pg_catalog.to_jsonb(pg_catalog.array_agg(baris -> (u.n - 1) ORDER BY u.n)), '[]') INTO r_j FROM pg_catalog.unnest(r_n) u(n);
					SELECT * INTO v_coba FROM kkb._sinkron_coba(tabel, desa, r_j, r_n);
					IF v_coba.ok THEN
						diimpor := diimpor + v_coba.diimpor;
						diperbarui := diperbarui + v_coba.diperbarui;
						hasil := hasil || v_coba.hasil;
						CONTINUE;
					END IF;
					-- still failing (rows that only fail together in a way not foreseen above): one statement per row
					FOREACH v_i IN ARRAY r_n LOOP
						SELECT * INTO v_coba FROM kkb._sinkron_coba(tabel, desa, pg_catalog.jsonb_build_array(baris -> (v_i - 1)), ARRAY[v_i]);
						IF v_coba.ok THEN
							diimpor := diimpor + v_coba.diimpor;
							diperbarui := diperbarui + v_coba.diperbarui;
							hasil := hasil || v_coba.hasil;
						ELSE
							galat := galat || kkb._galat_baris(v_i, kkb._sinkron_kunci(baris -> (v_i - 1), def.kunci), v_coba.galat ->> 'sqlstate',
							                                   v_coba.galat ->> 'kendala', v_coba.galat ->> 'kolom', v_coba.galat ->> 'pesan',
							                                   v_coba.galat ->> 'rincian', v_coba.galat ->> 'saran');
						END IF;
					END LOOP;
				END LOOP;
			END IF;
			IF v_dry OR (v_atomik AND pg_catalog.cardinality(galat) > 0) THEN
				RAISE EXCEPTION 'the batch is not kept' USING ERRCODE = 'KKB02';
			END IF;
		EXCEPTION WHEN SQLSTATE 'KKB02' THEN
			NULL;				-- dry_run, or atomik with a rejected row: everything written above is undone
		END;
	END IF;
	disimpan := NOT v_dry AND NOT (v_atomik AND pg_catalog.cardinality(galat) > 0);
	IF disimpan AND diimpor + diperbarui >= 500 THEN
		-- a big write may leave the planner's statistics far behind (refreshed when a table at least doubled)
		PERFORM kkb.segarkan_statistik();
	END IF;

	RETURN pg_catalog.jsonb_build_object(
		'diimpor', diimpor, 'diperbarui', diperbarui,
		'diabaikan', v_total - pg_catalog.cardinality(galat) - diimpor - diperbarui,
		'ditolak', pg_catalog.cardinality(galat),
		'konflik', coalesce(pg_catalog.to_jsonb((SELECT pg_catalog.array_agg(x ORDER BY (x ->> 'baris')::bigint) FROM pg_catalog.unnest(galat) x)), '[]'),
		'dry_run', v_dry, 'atomik', v_atomik, 'disimpan', disimpan)
		|| CASE WHEN def.hasil
		        THEN pg_catalog.jsonb_build_object('hasil', coalesce(pg_catalog.to_jsonb(
		                 (SELECT pg_catalog.array_agg(x ORDER BY (x ->> 'baris')::bigint) FROM pg_catalog.unnest(hasil) x)), '[]'))
		        ELSE '{}'::jsonb END;
END $f$;
COMMENT ON FUNCTION kkb.api_sinkron(text, kkb.kode_wilayah, jsonb, jsonb) IS
	'Bulk sync (sinkron) of a village''s by-name table (keluarga, anggota, pengukuran, peristiwa): upserts a JSON array of rows by natural key, changing only the columns each row names, and answers the import summary {diimpor, diperbarui, diabaikan, ditolak, konflik [{baris, kunci, kode, pesan, kolom}], dry_run, atomik, disimpan} (+ hasil: the measurements'' z-scores); opsi: dry_run, atomik, format = csv with kolom (the header); NULL when the village is not a Kampung KB the caller sees. Runs as the caller.';

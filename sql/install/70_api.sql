-- 70_api.sql - the REST API's documents, one function per route (kkb.api_<name>).
--
-- The gateway (kkb-gateway) is a generic layer: a row of its route table
-- names the function below that answers the route and how the request maps
-- onto its arguments (path segments, query parameters, the JSON body), and it
-- sends `SELECT * FROM kkb.api_x($1, ...)` in the request's transaction as
-- the caller (SET LOCAL ROLE, the scope in kkb.wilayah).  Each function
-- returns the whole response document:
--   - a json document; NULL when the thing asked about does not exist for
--     the caller (not a Kampung KB, or outside the caller's scope): 404;
--   - writes return (dokumen, status): 201 when a record was created, 200
--     when it was replaced, 422 with an error document for a body field that
--     the table does not have.
-- Every function runs with the caller's rights (SECURITY INVOKER): the grants
-- and row-level security decide as for any other SQL; EXECUTE is granted to
-- the roles the route is for, so another role is refused (42501 -> 403).
-- Lists share one envelope (kkb._api_halaman: total, limit, offset, data);
-- the fields a body may carry are the table's writable columns, read from the
-- catalogue (kkb._api_kolom), never listed twice.

-- ---------------------------------------------------------------- shared helpers

-- The paging envelope: the keys of `kepala` in their order, then the count
-- under "total" (every list of the API names its count so; `kunci_jumlah`
-- is kept for the function's signature), limit, offset and the page's rows
-- ([] when none).
CREATE FUNCTION kkb._api_halaman(kepala json, jumlah bigint, batas integer, lewati integer, data json,
                                 kunci_jumlah text DEFAULT 'total') RETURNS json
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN (SELECT pg_catalog.json_object_agg(e.k, e.v ORDER BY e.n)
	          FROM (SELECT k.key, k.value, k.n FROM pg_catalog.json_each(coalesce(kepala, '{}'::json)) WITH ORDINALITY k(key, value, n)
	                UNION ALL VALUES (coalesce(kunci_jumlah, 'total'), pg_catalog.to_json(jumlah), 1000001::bigint),
	                                 ('limit', pg_catalog.to_json(batas), 1000002),
	                                 ('offset', pg_catalog.to_json(lewati), 1000003),
	                                 ('data', coalesce(data, '[]'::json), 1000004)) e(k, v, n));
COMMENT ON FUNCTION kkb._api_halaman(json, bigint, integer, integer, json, text) IS
	'Internal: the paging envelope of the API''s lists - the head''s keys, then total (or another key), limit, offset and data ([] when empty)';

-- The columns of a table that a request body may set, in table order, with
-- their default expressions: every column but the primary key, identity and
-- generated columns, and what the database keeps itself: the time stamps
-- (default now()) and the recording agency of an intervention (pemilik_opd,
-- set by its trigger, 39_pemilik_intervensi.sql).
-- (The defaults are printed with only pg_catalog in the search path, so they
-- name their types with the schema.)
CREATE FUNCTION kkb._api_kolom(tabel regclass) RETURNS TABLE (nama text, bawaan text)
	LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
	SELECT a.attname::text, pg_catalog.pg_get_expr(d.adbin, d.adrelid)
	  FROM pg_catalog.pg_attribute a
	  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
	 WHERE a.attrelid = tabel AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = ''
	   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i
	                    WHERE i.indrelid = tabel AND i.indisprimary AND a.attnum = ANY (i.indkey::int2[]))
	   AND coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '') <> 'now()'
	   AND a.attname <> 'pemilik_opd'
	 ORDER BY a.attnum
$f$;
COMMENT ON FUNCTION kkb._api_kolom(regclass) IS
	'Internal: the columns of a table a request body may set (not the key, identity, generated or time-stamp columns, nor an intervention''s recording agency) with their defaults, from the catalogue';

-- The error document for the first body field that is not one of `kolom`
-- (in key order), or NULL when every field is known.
CREATE FUNCTION kkb._api_asing(isi jsonb, kolom text[]) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object('code', g.kode,
	         'message', replace(g.pesan, '%s', CASE WHEN length(k) > 64 THEN left(k, 64) || '...' ELSE k END),
	         'details', NULL, 'hint', 'Kolom yang dikenal: ' || array_to_string(_api_asing.kolom, ', '), 'kolom', k)
	  FROM jsonb_object_keys(isi) k, kkb.galat g
	 WHERE k <> ALL (_api_asing.kolom) AND g.kode = 'KKB-KOLOM-TIDAK-DIKENAL' ORDER BY k LIMIT 1
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb._api_asing(jsonb, text[]) IS
	'Internal: the 422 error document naming the first body field that is not a writable column (NULL when there is none)';

-- The three column lists of an INSERT from a body: the writable columns, their
-- values from the record r (the column default when the body leaves one out or
-- sends null), and the SET list of an upsert.
CREATE FUNCTION kkb._api_isian(tabel regclass, OUT kolom text, OUT nilai text, OUT ubah text, OUT nama text[])
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
	SELECT string_agg(format('%I', c.nama), ', '),
	       string_agg(CASE WHEN c.bawaan IS NULL THEN format('r.%I', c.nama) ELSE format('coalesce(r.%I, %s)', c.nama, c.bawaan) END, ', '),
	       string_agg(format('%1$I = EXCLUDED.%1$I', c.nama), ', '),
	       array_agg(c.nama)
	  FROM kkb._api_kolom(tabel) c
$f$;
COMMENT ON FUNCTION kkb._api_isian(regclass) IS 'Internal: column, value and SET lists for writing a request body into a table (kkb._api_kolom)';

-- Replace a village-month's record of a monthly table (kkb.profil, kkb.penduduk,
-- kkb.kkbpk) with the body: (the stored row with its versi, 201 created / 200
-- replaced), a 422 document for an unknown field, or no document (404) when the
-- village is not a Kampung KB in the caller's scope.
--
-- Optimistic concurrency, for a client that shows the month before saving it
-- (the dashboard, a phone that was offline): jika (If-Match) names the versi
-- read, jika_tidak (If-None-Match: *) says the month was empty when read.  When
-- the month changed meanwhile the answer is 412 with both versions and the
-- stored row (sekarang), and nothing is written.  Without either header the
-- body replaces whatever is stored, as before (a portal pushing its own data).
CREATE FUNCTION kkb._api_simpan_bulan(tabel regclass, kode kkb.kode_wilayah, periode date, isi jsonb,
                                      jika text, jika_tidak text, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	l record;
	diubah timestamptz;
	versi text;
	nama text := (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = tabel);
	bulan text := pg_catalog.to_char(periode, 'YYYY-MM');
	konflik text;
	tawar text := 'DO UPDATE SET %4$s';
BEGIN
	l := kkb._api_isian(tabel);
	dokumen := kkb._api_asing(isi, l.nama);
	IF dokumen IS NOT NULL THEN
		status := 422;
		RETURN;
	END IF;
	-- numbers and dates written plainly only, the column named (16_ketat.sql)
	PERFORM kkb._ketat_periksa(tabel, isi);
	jika := NULLIF(pg_catalog.btrim(jika), '');
	jika_tidak := NULLIF(pg_catalog.btrim(jika_tidak), '');
	IF jika IS NOT NULL OR jika_tidak IS NOT NULL THEN
		IF NOT EXISTS (SELECT 1 FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) _api_simpan_bulan.kode) THEN
			RETURN;					-- not a Kampung KB in scope: 404, whatever the headers say
		END IF;
		-- the month's row as it is now, held until the end of the transaction (a save at the same time waits)
		EXECUTE format('SELECT t.diubah_pada FROM %s t WHERE t.kode_desa OPERATOR(kkb.=) $1 AND t.periode = $2 FOR UPDATE', tabel)
			INTO diubah USING kode, periode;
		versi := kkb._versi_baris(diubah);
		IF jika IS NOT NULL AND (diubah IS NULL OR NOT kkb._versi_cocok(jika, versi)) THEN
			konflik := pg_catalog.format('the %s report of village %s for %s changed since version %s was read', nama, kode, bulan,
			                             pg_catalog.btrim(jika, '"'));
		ELSIF jika_tidak IS NOT NULL AND diubah IS NOT NULL AND kkb._versi_cocok(jika_tidak, versi) THEN
			konflik := pg_catalog.format('the %s report of village %s for %s was saved since it was read empty', nama, kode, bulan);
		ELSIF jika_tidak IS NOT NULL AND diubah IS NULL THEN
			tawar := 'DO NOTHING';	-- saved by another at the same time: nothing returned, judged below
		END IF;
		IF konflik IS NOT NULL THEN
			dokumen := kkb._api_versi_berubah(konflik, nama, coalesce(jika, jika_tidak), versi, kkb._api_baca_bulan(tabel, kode, periode));
			status := 412;
			RETURN;
		END IF;
	END IF;
	EXECUTE format('WITH r AS (SELECT * FROM pg_catalog.jsonb_populate_record(NULL::%1$s, $3)),'
	               ' t AS (INSERT INTO %1$s AS p (kode_desa, periode, %2$s)'
	               '       SELECT k.kode_desa, $2, %3$s FROM kkb.kampung k CROSS JOIN r WHERE k.kode_desa OPERATOR(kkb.=) $1'
	               '       ON CONFLICT (kode_desa, periode) ' || tawar || ' RETURNING p.*, p.xmax = 0 AS baru)'
	               ' SELECT (pg_catalog.to_jsonb(t) OPERATOR(pg_catalog.-) ''baru'' OPERATOR(pg_catalog.||)'
	               '         pg_catalog.jsonb_build_object(''kode_desa'', t.kode_desa::text, ''periode'', pg_catalog.to_char(t.periode, ''YYYY-MM''),'
	               '                                       ''versi'', kkb._versi_baris(t.diubah_pada)))::json,'
	               '        CASE WHEN t.baru THEN 201 ELSE 200 END FROM t',
	               tabel, l.kolom, l.nilai, l.ubah)
		INTO dokumen, status USING kode, periode, isi;
	IF status IS NULL AND tawar = 'DO NOTHING' THEN
		-- another save created the month between the check and the insert
		SELECT t.dokumen, t.status INTO dokumen, status
		  FROM kkb._api_simpan_bulan(tabel, kode, periode, isi, NULL, '*') t;
		RETURN;
	END IF;
	IF status IN (200, 201) THEN
		dokumen := (dokumen::jsonb OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('peringatan', kkb._api_peringatan_bulan(kode, periode)))::json;
	END IF;
END $f$;
COMMENT ON FUNCTION kkb._api_simpan_bulan(regclass, kkb.kode_wilayah, date, jsonb, text, text) IS
	'Internal: replace a village-month''s record of a monthly table with a JSON body (fields left out take their defaults), checking If-Match (jika) / If-None-Match (jika_tidak) when sent; the stored row with its versi and the month''s warnings (peringatan) and 201/200, 412 with both versions, a 422 document, or none';

-- The 412 answer of a change made to a row that changed since it was read:
-- the registry's error for the message, both versions and the row as stored.
CREATE FUNCTION kkb._api_versi_berubah(pesan text, tabel text, dikirim text, versi text, sekarang json) RETURNS json
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp
	RETURN ((kkb.galat_jawab('KK412', NULL, tabel, NULL, pesan, NULL, NULL)
	         OPERATOR(pg_catalog.-) 'status' OPERATOR(pg_catalog.-) 'sqlstate')
	        OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('versi_dikirim', pg_catalog.btrim(pg_catalog.btrim(dikirim), '"'),
	                                                              'versi_sekarang', versi, 'sekarang', sekarang))::json;
COMMENT ON FUNCTION kkb._api_versi_berubah(text, text, text, text, json) IS
	'Internal: the 412 document of a change to a row that changed since the version the client sent: the registry''s error, versi_dikirim, versi_sekarang and the stored row (sekarang; null when there is none)';

-- The month's warnings on the reports as saved (47_peringatan_laporan.sql): [{kode, pesan}].
CREATE FUNCTION kkb._api_peringatan_bulan(kode kkb.kode_wilayah, periode date) RETURNS jsonb
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	RETURN (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('kode', p.kode, 'pesan', p.pesan) ORDER BY p.kode), '[]')
	          FROM kkb.peringatan p
	         WHERE p.tabel = 'laporan_bulanan'
	           AND p.kunci = pg_catalog.jsonb_build_object('kode_desa', _api_peringatan_bulan.kode::text,
	                                                       'periode', pg_catalog.date_trunc('month', _api_peringatan_bulan.periode)::date));
END $f$;
COMMENT ON FUNCTION kkb._api_peringatan_bulan(kkb.kode_wilayah, date) IS
	'Internal: the warnings of a village-month''s reports as saved (kkb.peringatan, tabel laporan_bulanan), as the API''s answers to a save list them';

-- A village-month's stored record of a monthly table, NULL when there is none.
CREATE FUNCTION kkb._api_baca_bulan(tabel regclass, kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	d json;
BEGIN
	EXECUTE format('SELECT (pg_catalog.to_jsonb(t) OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(''kode_desa'', t.kode_desa::text,'
	               ' ''periode'', pg_catalog.to_char(t.periode, ''YYYY-MM''), ''versi'', kkb._versi_baris(t.diubah_pada)))::json'
	               ' FROM %s t WHERE t.kode_desa OPERATOR(kkb.=) $1 AND t.periode = $2', tabel)
		INTO d USING kode, periode;
	RETURN d;
END $f$;
COMMENT ON FUNCTION kkb._api_baca_bulan(regclass, kkb.kode_wilayah, date) IS
	'Internal: a village-month''s stored record of a monthly table as a document (periode as YYYY-MM, its versi for If-Match), NULL when there is none';

-- ---------------------------------------------------------------- who is calling

CREATE FUNCTION kkb.api_saya(opd text) RETURNS json
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp
	RETURN json_build_object('peran', kkb._peran(), 'label', NULLIF(current_setting('kkb.pengguna', true), ''),
	                         'wilayah', kkb.lingkup()::text, 'opd', NULLIF(opd, ''),
	                         -- the health agency also reads growth faltering by name (kkb.pertumbuhan_goyah)
	                         'kesehatan', kkb._opd_kesehatan());
COMMENT ON FUNCTION kkb.api_saya(text) IS
	'API GET /v1/saya: the caller''s role, label (kkb.pengguna), region scope (kkb.lingkup), the agency (opd) of an agency token and whether it is the health agency (kesehatan)';

-- ---------------------------------------------------------------- the region reference

-- One region as a list row.
CREATE FUNCTION kkb._api_wilayah_baris(w kkb.wilayah) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	RETURN json_build_object('kode', (w).kode::text, 'nama', (w).nama, 'tingkat', (w).tingkat, 'induk', (w).induk::text);
END $f$;
COMMENT ON FUNCTION kkb._api_wilayah_baris(kkb.wilayah) IS 'Internal: a region as a row of GET /v1/wilayah';

CREATE FUNCTION kkb.api_wilayah_daftar(induk kkb.kode_wilayah, batas integer DEFAULT 100, lewati integer DEFAULT 0) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	WITH a AS (SELECT w.* FROM kkb.wilayah w
	            WHERE CASE WHEN api_wilayah_daftar.induk IS NULL THEN w.induk IS NULL ELSE w.induk OPERATOR(kkb.=) api_wilayah_daftar.induk END)
	SELECT kkb._api_halaman(json_build_object('induk', api_wilayah_daftar.induk::text), (SELECT count(*) FROM a), batas, lewati,
	         (SELECT json_agg(kkb._api_wilayah_baris(p) ORDER BY p.kode)
	            FROM (SELECT * FROM a ORDER BY a.kode LIMIT batas OFFSET lewati) p))
	 WHERE api_wilayah_daftar.induk IS NULL OR kkb.wilayah_ada(api_wilayah_daftar.induk)
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_wilayah_daftar(kkb.kode_wilayah, integer, integer) IS
	'API GET /v1/wilayah: the regions under induk (the provinces when induk is NULL), paged, in code order; NULL for an unknown induk';

CREATE FUNCTION kkb.api_wilayah(kode kkb.kode_wilayah) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object('kode', w.kode::text, 'nama', w.nama, 'tingkat', w.tingkat, 'induk', w.induk::text,
	         'nama_induk', (SELECT i.nama FROM kkb.wilayah i WHERE i.kode OPERATOR(kkb.=) w.induk),
	         'jumlah_anak', (SELECT count(*) FROM kkb.wilayah c WHERE c.induk OPERATOR(kkb.=) w.kode))
	  FROM kkb.wilayah w WHERE w.kode OPERATOR(kkb.=) api_wilayah.kode
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_wilayah(kkb.kode_wilayah) IS
	'API GET /v1/wilayah/{kode}: one region with its parent''s name and its number of children; NULL when unknown';

-- ---------------------------------------------------------------- villages

CREATE FUNCTION kkb.api_desa_daftar(wilayah kkb.kode_wilayah, periode date, batas integer DEFAULT 100, lewati integer DEFAULT 0)
	RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	v_jumlah bigint;
	v_data json[] := '{}';
	v_status text;
	d record;
BEGIN
	SELECT count(*) INTO v_jumlah
	  FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
	 WHERE api_desa_daftar.wilayah IS NULL OR k.kode_desa OPERATOR(kkb.<@) api_desa_daftar.wilayah;
	-- the page's villages first, then each one's class, completeness and state with its code as a
	-- value (on Citus a function reading village tables cannot run inside a query on them)
	FOR d IN SELECT k.kode_desa, k.nama, w.nama AS nama_desa
	           FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
	          WHERE api_desa_daftar.wilayah IS NULL OR k.kode_desa OPERATOR(kkb.<@) api_desa_daftar.wilayah
	          ORDER BY k.kode_desa LIMIT batas OFFSET lewati LOOP
		SELECT s.status::text INTO v_status FROM kkb.periode_status s
		 WHERE s.kode_desa OPERATOR(kkb.=) d.kode_desa AND s.periode = api_desa_daftar.periode;
		v_data := v_data || json_build_object('kode_desa', d.kode_desa::text, 'nama', d.nama, 'nama_desa', d.nama_desa,
		                   'klasifikasi', kkb.klasifikasi(d.kode_desa, api_desa_daftar.periode) ->> 'klasifikasi',
		                   'kelengkapan', kkb.kelengkapan(d.kode_desa, api_desa_daftar.periode),
		                   'status', coalesce(v_status, 'draf'));
	END LOOP;
	RETURN kkb._api_halaman(
	         json_build_object('wilayah', api_desa_daftar.wilayah::text, 'periode', to_char(api_desa_daftar.periode, 'YYYY-MM')),
	         v_jumlah, batas, lewati, CASE WHEN cardinality(v_data) > 0 THEN array_to_json(v_data) END);
END $f$;
COMMENT ON FUNCTION kkb.api_desa_daftar(kkb.kode_wilayah, date, integer, integer) IS
	'API GET /v1/desa: the Kampung KB under a region (NULL: all in scope) with class, completeness and workflow state of a month, paged';

CREATE FUNCTION kkb.api_desa(kode kkb.kode_wilayah) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object('kode_desa', k.kode_desa::text, 'nama', k.nama, 'nama_desa', w.nama,
	         'kecamatan', (SELECT c.nama FROM kkb.wilayah c WHERE c.kode OPERATOR(kkb.=) w.induk),
	         'kode_kecamatan', w.induk::text, 'tanggal_pencanangan', k.tanggal_pencanangan, 'nomor_sk', k.nomor_sk,
	         'lintang', k.lintang, 'bujur', k.bujur, 'alamat_sekretariat', k.alamat_sekretariat,
	         'dibuat_pada', k.dibuat_pada, 'diubah_pada', k.diubah_pada)
	  FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa
	 WHERE k.kode_desa OPERATOR(kkb.=) api_desa.kode
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_desa(kkb.kode_wilayah) IS
	'API GET /v1/desa/{kode}: one Kampung KB with its village and kecamatan names; NULL when not a Kampung KB in the caller''s scope';

CREATE FUNCTION kkb.api_desa_profil(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	-- the village first, alone: no function reading its tables inside a query on them (Citus, docs/SCALE.md)
	IF NOT EXISTS (SELECT FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_desa_profil.kode) THEN
		RETURN NULL;
	END IF;
	SELECT json_build_object('kode_desa', api_desa_profil.kode::text, 'periode', to_char(api_desa_profil.periode, 'YYYY-MM'),
	         'kelengkapan', x.kelengkapan, 'data', x.data)
	  FROM (
	       SELECT round(count(p.nilai)::numeric / count(*), 4) AS kelengkapan,
	              json_agg(json_build_object('urutan', p.urutan, 'kode', p.kode, 'nama', p.nama, 'nilai', p.nilai, 'sumber', p.sumber)
	                       ORDER BY p.urutan) AS data
	         FROM kkb.profil_desa(api_desa_profil.kode, api_desa_profil.periode) p) x
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_desa_profil(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/profil: the 40-item profile of a month with sources and completeness; NULL when not a Kampung KB in scope';

CREATE FUNCTION kkb.api_desa_klasifikasi(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	-- the village first, alone: no function reading its tables inside a query on them (Citus, docs/SCALE.md)
	IF NOT EXISTS (SELECT FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_desa_klasifikasi.kode) THEN
		RETURN NULL;
	END IF;
	SELECT (jsonb_build_object('kode_desa', api_desa_klasifikasi.kode::text, 'periode', to_char(api_desa_klasifikasi.periode, 'YYYY-MM'))
	        OPERATOR(pg_catalog.||) kkb.klasifikasi(api_desa_klasifikasi.kode, api_desa_klasifikasi.periode))::json
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_desa_klasifikasi(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/klasifikasi: the village''s class for a month (kkb.klasifikasi); NULL when not a Kampung KB in scope';

CREATE FUNCTION kkb.api_desa_saran(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	-- the village first, alone: no function reading its tables inside a query on them (Citus, docs/SCALE.md)
	IF NOT EXISTS (SELECT FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_desa_saran.kode) THEN
		RETURN NULL;
	END IF;
	SELECT (kkb.saran_kelas(api_desa_saran.kode, api_desa_saran.periode)
	        OPERATOR(pg_catalog.||) jsonb_build_object('periode', to_char(api_desa_saran.periode, 'YYYY-MM')))::json
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_desa_saran(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/saran: what it takes for the village to reach each higher class in a month (kkb.saran_kelas); NULL when not a Kampung KB in scope';

CREATE FUNCTION kkb.api_desa_validasi(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	-- the village first, alone: no function reading its tables inside a query on them (Citus, docs/SCALE.md)
	IF NOT EXISTS (SELECT FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_desa_validasi.kode) THEN
		RETURN NULL;
	END IF;
	SELECT json_build_object('kode_desa', api_desa_validasi.kode::text, 'periode', to_char(api_desa_validasi.periode, 'YYYY-MM'),
	         'total', x.jumlah, 'data', x.data)
	  FROM (
	       SELECT count(*) AS jumlah,
	              coalesce(json_agg(json_build_object('kode', v.kode, 'uraian', v.uraian, 'kepentingan', v.kepentingan, 'kiri', v.kiri,
	                         'nilai_kiri', v.nilai_kiri, 'operator', v.operator, 'kanan', v.kanan, 'nilai_kanan', v.nilai_kanan)), '[]'::json) AS data
	         FROM kkb.periksa(api_desa_validasi.kode, api_desa_validasi.periode) v) x
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_desa_validasi(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/validasi: the validation-rule violations of a month (kkb.periksa); NULL when not a Kampung KB in scope';

CREATE FUNCTION kkb.api_desa_risiko_stunting(kode kkb.kode_wilayah, acuan date, batas integer DEFAULT 100, lewati integer DEFAULT 0)
	RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	-- the village first, alone: no function reading its tables inside a query on them (Citus, docs/SCALE.md)
	IF NOT EXISTS (SELECT FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_desa_risiko_stunting.kode) THEN
		RETURN NULL;
	END IF;
	WITH r AS (SELECT r.* FROM kkb.risiko_stunting_desa(api_desa_risiko_stunting.kode, coalesce(api_desa_risiko_stunting.acuan, CURRENT_DATE)) r
)
	SELECT kkb._api_halaman(
	         json_build_object('kode_desa', api_desa_risiko_stunting.kode::text, 'acuan', coalesce(api_desa_risiko_stunting.acuan, CURRENT_DATE),
	           'jumlah_keluarga', (SELECT count(*) FROM r), 'jumlah_sasaran', (SELECT count(*) FROM r WHERE r.sasaran),
	           'jumlah_berisiko', (SELECT count(*) FROM r WHERE r.berisiko)),
	         (SELECT count(*) FROM r), batas, lewati,
	         (SELECT json_agg(json_build_object('no_kk', p.no_kk::text, 'sasaran', p.sasaran, 'alasan_sasaran', p.alasan_sasaran,
	                   'berisiko', p.berisiko, 'faktor', p.faktor) ORDER BY p.no_kk)
	            FROM (SELECT * FROM r ORDER BY r.no_kk LIMIT batas OFFSET lewati) p))
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_desa_risiko_stunting(kkb.kode_wilayah, date, integer, integer) IS
	'API GET /v1/desa/{kode}/risiko-stunting: families at risk of stunting on a date (default today) with counts, paged by no_kk; NULL when not a Kampung KB in scope';

-- ---------------------------------------------------------------- a village's monthly records

CREATE FUNCTION kkb.api_profil_kampung(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	RETURN kkb._api_baca_bulan('kkb.profil', kode, periode);
END $f$;
COMMENT ON FUNCTION kkb.api_profil_kampung(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/profil-kampung/{periode}: the month''s Kampung KB profile as stored; NULL when there is none';

CREATE FUNCTION kkb.api_penduduk(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	RETURN kkb._api_baca_bulan('kkb.penduduk', kode, periode);
END $f$;
COMMENT ON FUNCTION kkb.api_penduduk(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/penduduk/{periode}: the month''s population report as stored; NULL when there is none';

CREATE FUNCTION kkb.api_kkbpk(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
BEGIN
	RETURN kkb._api_baca_bulan('kkb.kkbpk', kode, periode);
END $f$;
COMMENT ON FUNCTION kkb.api_kkbpk(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/kkbpk/{periode}: the month''s family-planning report as stored; NULL when there is none';

CREATE FUNCTION kkb.api_nilai(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object('kode_desa', k.kode_desa::text, 'periode', to_char(api_nilai.periode, 'YYYY-MM'),
	         'data', coalesce((SELECT json_object_agg(n.kode_elemen, n.nilai ORDER BY n.kode_elemen) FROM kkb.nilai n
	                            WHERE n.kode_desa OPERATOR(kkb.=) k.kode_desa AND n.periode = api_nilai.periode), '{}'::json))
	  FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_nilai.kode
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_nilai(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/nilai/{periode}: the month''s entered data items ({} when none); NULL when not a Kampung KB in scope';

CREATE FUNCTION kkb.api_profil_kampung_simpan(kode kkb.kode_wilayah, periode date, isi jsonb, jika text DEFAULT NULL,
                                     jika_tidak text DEFAULT NULL, OUT dokumen json, OUT status integer)
	LANGUAGE sql SET search_path = pg_catalog, kkb, pg_temp
	RETURN kkb._api_simpan_bulan('kkb.profil', kode, periode, isi, jika, jika_tidak);
COMMENT ON FUNCTION kkb.api_profil_kampung_simpan(kkb.kode_wilayah, date, jsonb, text, text) IS
	'API PUT /v1/desa/{kode}/profil-kampung/{periode}: replace the month''s profile (fields left out take their defaults); 201 created, 200 replaced (with its versi); If-Match: the versi read, If-None-Match: * when read empty - 412 with both versions when the month changed since';

CREATE FUNCTION kkb.api_penduduk_simpan(kode kkb.kode_wilayah, periode date, isi jsonb, jika text DEFAULT NULL,
                                     jika_tidak text DEFAULT NULL, OUT dokumen json, OUT status integer)
	LANGUAGE sql SET search_path = pg_catalog, kkb, pg_temp
	RETURN kkb._api_simpan_bulan('kkb.penduduk', kode, periode, isi, jika, jika_tidak);
COMMENT ON FUNCTION kkb.api_penduduk_simpan(kkb.kode_wilayah, date, jsonb, text, text) IS
	'API PUT /v1/desa/{kode}/penduduk/{periode}: replace the month''s population report; 201 created, 200 replaced (with its versi); If-Match: the versi read, If-None-Match: * when read empty - 412 with both versions when the month changed since';

CREATE FUNCTION kkb.api_kkbpk_simpan(kode kkb.kode_wilayah, periode date, isi jsonb, jika text DEFAULT NULL,
                                     jika_tidak text DEFAULT NULL, OUT dokumen json, OUT status integer)
	LANGUAGE sql SET search_path = pg_catalog, kkb, pg_temp
	RETURN kkb._api_simpan_bulan('kkb.kkbpk', kode, periode, isi, jika, jika_tidak);
COMMENT ON FUNCTION kkb.api_kkbpk_simpan(kkb.kode_wilayah, date, jsonb, text, text) IS
	'API PUT /v1/desa/{kode}/kkbpk/{periode}: replace the month''s family-planning report; 201 created, 200 replaced (with its versi); If-Match: the versi read, If-None-Match: * when read empty - 412 with both versions when the month changed since';

-- The body is {"<item code>": number, ...}; the month's entered values become
-- exactly these (items left out are deleted).  A value that is not a JSON
-- number is a 422 document naming the item; an unknown item code is refused
-- by the foreign key to kkb.elemen_data (23503), a negative value by its check.
CREATE FUNCTION kkb.api_nilai_simpan(kode kkb.kode_wilayah, periode date, isi jsonb, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	salah text;
BEGIN
	SELECT e.key INTO salah FROM jsonb_each(isi) e WHERE jsonb_typeof(e.value) <> 'number' ORDER BY e.key LIMIT 1;
	IF salah IS NOT NULL THEN
		dokumen := json_build_object('code', 'KKB-422', 'message', 'every item value must be a number', 'details', NULL,
		                             'hint', 'Send {"<item code>": <number>, ...}; leave an item out to clear it.', 'kolom', salah);
		status := 422;
		RETURN;
	END IF;
	WITH d AS (SELECT k.kode_desa FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_nilai_simpan.kode),
	b AS (SELECT e.key AS kode_elemen, e.value::text::numeric AS nilai FROM jsonb_each(isi) e),
	hapus AS (DELETE FROM kkb.nilai n USING d WHERE n.kode_desa OPERATOR(kkb.=) d.kode_desa AND n.periode = api_nilai_simpan.periode
	            AND NOT EXISTS (SELECT 1 FROM b WHERE b.kode_elemen = n.kode_elemen) RETURNING n.kode_elemen),
	tulis AS (INSERT INTO kkb.nilai AS n (kode_desa, periode, kode_elemen, nilai)
	          SELECT d.kode_desa, api_nilai_simpan.periode, b.kode_elemen, b.nilai FROM d CROSS JOIN b
	          ON CONFLICT ON CONSTRAINT nilai_pkey DO UPDATE SET nilai = EXCLUDED.nilai
	             WHERE n.nilai IS DISTINCT FROM EXCLUDED.nilai RETURNING n.kode_elemen)
	SELECT json_build_object('kode_desa', d.kode_desa::text, 'periode', to_char(api_nilai_simpan.periode, 'YYYY-MM'),
	         'data', coalesce((SELECT json_object_agg(b.kode_elemen, b.nilai ORDER BY b.kode_elemen) FROM b), '{}'::json),
	         'ditulis', (SELECT count(*) FROM tulis), 'dihapus', (SELECT count(*) FROM hapus)), 200
	  INTO dokumen, status FROM d;
	IF status = 200 THEN
		-- the statement's triggers have run: the month's warnings as saved
		SELECT pg_catalog.json_object_agg(x.k, x.v ORDER BY x.n) INTO dokumen
		  FROM (SELECT e.key AS k, e.value AS v, e.n FROM pg_catalog.json_each(dokumen) WITH ORDINALITY AS e(key, value, n)
		        UNION ALL
		        SELECT 'peringatan', kkb._api_peringatan_bulan(api_nilai_simpan.kode, api_nilai_simpan.periode)::json, 1000) x;
	END IF;
END $f$;
COMMENT ON FUNCTION kkb.api_nilai_simpan(kkb.kode_wilayah, date, jsonb) IS
	'API PUT /v1/desa/{kode}/nilai/{periode}: the month''s entered data items become exactly the body''s, with counts of rows written and deleted and the month''s warnings (peringatan)';

-- ---------------------------------------------------------------- interventions

-- An intervention as the API sends it: the row without the village (a list
-- row) or with it (a write's answer), its version (versi: what If-Match names
-- to change it) and whether the caller may change it (boleh_ubah).
CREATE FUNCTION kkb._api_intervensi_baris(i kkb.intervensi, desa boolean) RETURNS jsonb
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp
	RETURN CASE WHEN desa THEN pg_catalog.to_jsonb(i) OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('kode_desa', (i).kode_desa::text)
	            ELSE pg_catalog.to_jsonb(i) OPERATOR(pg_catalog.-) 'kode_desa' END
	       OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('versi', kkb._versi_baris((i).diubah_pada),
	                                                             'boleh_ubah', kkb._intervensi_boleh_ubah((i).pemilik_opd));
COMMENT ON FUNCTION kkb._api_intervensi_baris(kkb.intervensi, boolean) IS
	'Internal: an intervention as the API sends it - its columns (with or without kode_desa), its version (versi, for If-Match) and whether the caller may change it (boleh_ubah)';

CREATE FUNCTION kkb.api_intervensi_daftar(kode kkb.kode_wilayah, batas integer DEFAULT 100, lewati integer DEFAULT 0) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT kkb._api_halaman(json_build_object('kode_desa', k.kode_desa::text),
	         (SELECT count(*) FROM kkb.intervensi i WHERE i.kode_desa OPERATOR(kkb.=) k.kode_desa), batas, lewati,
	         (SELECT json_agg(kkb._api_intervensi_baris(i, false) ORDER BY i.tanggal DESC, i.id DESC)
	            FROM (SELECT * FROM kkb.intervensi i WHERE i.kode_desa OPERATOR(kkb.=) k.kode_desa
	                   ORDER BY i.tanggal DESC, i.id DESC LIMIT batas OFFSET lewati) i))
	  FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) api_intervensi_daftar.kode
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_intervensi_daftar(kkb.kode_wilayah, integer, integer) IS
	'API GET /v1/desa/{kode}/intervensi: the village''s interventions, newest first, paged, each with its version (versi) and whether the caller may change it (boleh_ubah); NULL when not a Kampung KB in scope';

-- tanggal, judul and fungsi_keluarga are required (23502 naming the column).
CREATE FUNCTION kkb.api_intervensi_tambah(kode kkb.kode_wilayah, isi jsonb, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	l record;
BEGIN
	l := kkb._api_isian('kkb.intervensi');
	dokumen := kkb._api_asing(isi, l.nama);
	IF dokumen IS NOT NULL THEN
		status := 422;
		RETURN;
	END IF;
	-- numbers and dates written plainly only, the column named (16_ketat.sql)
	PERFORM kkb._ketat_periksa('kkb.intervensi', isi);
	EXECUTE format('WITH r AS (SELECT * FROM pg_catalog.jsonb_populate_record(NULL::kkb.intervensi, $2)),'
	               ' t AS (INSERT INTO kkb.intervensi (kode_desa, %1$s)'
	               '       SELECT k.kode_desa, %2$s FROM kkb.kampung k CROSS JOIN r WHERE k.kode_desa OPERATOR(kkb.=) $1 RETURNING *)'
	               ' SELECT kkb._api_intervensi_baris(t, true)::json, 201 FROM t', l.kolom, l.nilai)
		INTO dokumen, status USING kode, isi;
END $f$;
COMMENT ON FUNCTION kkb.api_intervensi_tambah(kkb.kode_wilayah, jsonb) IS
	'API POST /v1/desa/{kode}/intervensi: record an intervention; the stored row with its new id, its version (versi) and 201';

-- Change an intervention: the body replaces every settable field, as
-- api_intervensi_tambah takes them (a field left out takes its default;
-- tanggal, judul and fungsi_keluarga are required, 23502 naming the column).
-- `jika` is the request's If-Match: the version (versi) the client read.
-- In order: no document (404) when the village is not a Kampung KB in scope or
-- has no such intervention the caller sees; 42501 (403) when the caller may
-- not change it (kkb._intervensi_boleh_ubah); KK428 (428) without If-Match
-- (If-Match: * changes whatever is stored); 412 with both versions and the
-- stored row when it has changed since that version; 422 for an unknown field;
-- else the stored row and 200.  Nothing is written unless all of it is.
-- The intervention `id` of village `kode` as the caller sees it (NULL when the
-- village is not a Kampung KB in scope or has no such intervention for the
-- caller); with `ubah`, 42501 when the caller may not change it (its photos
-- included): the message names who recorded it (kkb._intervensi_boleh_ubah).
CREATE FUNCTION kkb._api_intervensi_milik(kode kkb.kode_wilayah, id bigint, ubah boolean) RETURNS kkb.intervensi
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	r kkb.intervensi;
BEGIN
	SELECT i.* INTO r FROM kkb.intervensi i
	  JOIN kkb.kampung k ON k.kode_desa OPERATOR(kkb.=) i.kode_desa
	 WHERE i.kode_desa OPERATOR(kkb.=) _api_intervensi_milik.kode AND i.id = _api_intervensi_milik.id;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF ubah AND NOT kkb._intervensi_boleh_ubah(r.pemilik_opd) THEN
		IF r.pemilik_opd IS NOT NULL THEN
			RAISE EXCEPTION 'intervention % of village % was recorded by agency %: only that agency or an administrator may change it',
				r.id, r.kode_desa, r.pemilik_opd
				USING ERRCODE = 'insufficient_privilege';
		END IF;
		RAISE EXCEPTION 'intervention % of village % was recorded by the village or an administrator: only its pokja or an administrator may change it',
			r.id, r.kode_desa
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN r;
END $f$;
COMMENT ON FUNCTION kkb._api_intervensi_milik(kkb.kode_wilayah, bigint, boolean) IS
	'Internal: an intervention as the caller sees it (NULL when not there for the caller); with ubah, 42501 naming who recorded it when the caller may not change it';

CREATE FUNCTION kkb.api_intervensi_ubah(kode kkb.kode_wilayah, id bigint, isi jsonb, jika text,
                                        OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	l record;
	lama kkb.intervensi;
	versi text;
BEGIN
	lama := kkb._api_intervensi_milik(kode, id, true);
	IF lama.id IS NULL THEN
		RETURN;
	END IF;
	IF jika IS NULL OR pg_catalog.btrim(jika) = '' THEN
		RAISE EXCEPTION 'intervention % of village % is changed only with If-Match: the version it was read at', lama.id, lama.kode_desa
			USING ERRCODE = 'KK428', HINT = pg_catalog.format('Send If-Match: "%s" (its versi), or * to change it whatever it is now.',
			                                                   kkb._versi_baris(lama.diubah_pada));
	END IF;
	-- the row as it is now, held until the end of the transaction (a change at the same time waits, then is judged by this one)
	SELECT i.* INTO lama FROM kkb.intervensi i
	 WHERE i.kode_desa OPERATOR(kkb.=) api_intervensi_ubah.kode AND i.id = api_intervensi_ubah.id FOR UPDATE;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	versi := kkb._versi_baris(lama.diubah_pada);
	IF NOT kkb._versi_cocok(jika, versi) THEN
		dokumen := kkb._api_versi_berubah(pg_catalog.format('intervention %s of village %s changed since version %s', lama.id, lama.kode_desa, pg_catalog.btrim(jika)),
		                                  'intervensi', jika, versi, kkb._api_intervensi_baris(lama, true)::json);
		status := 412;
		RETURN;
	END IF;
	l := kkb._api_isian('kkb.intervensi');
	dokumen := kkb._api_asing(isi, l.nama);
	IF dokumen IS NOT NULL THEN
		status := 422;
		RETURN;
	END IF;
	PERFORM kkb._ketat_periksa('kkb.intervensi', isi);
	EXECUTE format('WITH r AS (SELECT * FROM pg_catalog.jsonb_populate_record(NULL::kkb.intervensi, $3)),'
	               ' t AS (UPDATE kkb.intervensi i SET (%1$s) = (SELECT %2$s FROM r)'
	               '       WHERE i.kode_desa OPERATOR(kkb.=) $1 AND i.id = $2 RETURNING i.*)'
	               ' SELECT kkb._api_intervensi_baris(t, true)::json, 200 FROM t', l.kolom, l.nilai)
		INTO dokumen, status USING kode, id, isi;
	IF status IS NULL THEN
		-- row-level security let the update reach no row: the caller may not change it
		RAISE EXCEPTION 'new row violates row-level security policy for table "intervensi"' USING ERRCODE = 'insufficient_privilege';
	END IF;
END $f$;
COMMENT ON FUNCTION kkb.api_intervensi_ubah(kkb.kode_wilayah, bigint, jsonb, text) IS
	'API PUT /v1/desa/{kode}/intervensi/{id}: replace an intervention''s fields, by the one who may change it (its agency, the village''s pokja for its own, an administrator), with If-Match naming the version read; the stored row with its new version and 200, 412 with both versions when it changed meanwhile, 428 without If-Match, 422 for an unknown field, none (404) when not there for the caller';

-- ---------------------------------------------------------------- photos of an intervention (50_foto_intervensi.sql)

-- A photo as the API lists it: what the database read from the image, not the image.
CREATE FUNCTION kkb._api_foto_baris(f kkb.intervensi_foto) RETURNS jsonb
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp
	RETURN pg_catalog.jsonb_build_object('id', (f).id, 'intervensi_id', (f).intervensi_id, 'jenis', (f).jenis,
	                                     'lebar', (f).lebar, 'tinggi', (f).tinggi, 'ukuran', (f).ukuran, 'dibuat_pada', (f).dibuat_pada);
COMMENT ON FUNCTION kkb._api_foto_baris(kkb.intervensi_foto) IS
	'Internal: a photo of an intervention as the API lists it - id, media type, width, height, size, upload time (not the image)';

CREATE FUNCTION kkb.api_intervensi_foto_daftar(kode kkb.kode_wilayah, id bigint) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	i kkb.intervensi := kkb._api_intervensi_milik(kode, id, false);
BEGIN
	IF i.id IS NULL THEN
		RETURN NULL;
	END IF;
	-- the photos' columns, not the row (on a Citus cluster the query runs on the shard, whose row type is not
	-- kkb.intervensi_foto), then each as kkb._api_foto_baris shapes it
	RETURN (SELECT json_build_object('kode_desa', i.kode_desa::text, 'intervensi_id', i.id, 'boleh_ubah', kkb._intervensi_boleh_ubah(i.pemilik_opd),
	                                 'total', count(*),
	                                 'data', coalesce(json_agg(kkb._api_foto_baris(ROW(f.kode_desa, f.intervensi_id, f.id, f.jenis, f.lebar, f.tinggi,
	                                                                                   f.ukuran, NULL, f.dibuat_pada)::kkb.intervensi_foto)
	                                                           ORDER BY f.id), '[]'))
	          FROM (SELECT x.kode_desa, x.intervensi_id, x.id, x.jenis, x.lebar, x.tinggi, x.ukuran, x.dibuat_pada
	                  FROM kkb.intervensi_foto x WHERE x.kode_desa OPERATOR(kkb.=) i.kode_desa AND x.intervensi_id = i.id) f);
END $f$;
COMMENT ON FUNCTION kkb.api_intervensi_foto_daftar(kkb.kode_wilayah, bigint) IS
	'API GET /v1/desa/{kode}/intervensi/{id}/foto: the intervention''s photos (without the images) and whether the caller may add or remove them; NULL when the intervention is not there for the caller';

-- body {"isi": "<the image, base64>"}: the media type, width, height and size are read from the image
CREATE FUNCTION kkb.api_intervensi_foto_tambah(kode kkb.kode_wilayah, id bigint, isi jsonb, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	i kkb.intervensi := kkb._api_intervensi_milik(kode, id, true);
	f kkb.intervensi_foto;
BEGIN
	IF i.id IS NULL THEN
		RETURN;
	END IF;
	dokumen := kkb._api_asing(isi, ARRAY['isi']);
	IF dokumen IS NOT NULL THEN
		status := 422;
		RETURN;
	END IF;
	INSERT INTO kkb.intervensi_foto (kode_desa, intervensi_id, isi)
	VALUES (i.kode_desa, i.id, pg_catalog.decode(api_intervensi_foto_tambah.isi ->> 'isi', 'base64'))
	RETURNING * INTO f;
	dokumen := kkb._api_foto_baris(f)::json;
	status := 201;
END $f$;
COMMENT ON FUNCTION kkb.api_intervensi_foto_tambah(kkb.kode_wilayah, bigint, jsonb) IS
	'API POST /v1/desa/{kode}/intervensi/{id}/foto: add a photo (body {"isi": base64}) by whoever may change the intervention; its row and 201, 422 for a bad image, none (404) when the intervention is not there for the caller';

-- The image itself (the gateway sends it as it is, with its media type); no row: 404.
CREATE FUNCTION kkb.api_intervensi_foto(kode kkb.kode_wilayah, id bigint, foto bigint, OUT gambar bytea, OUT jenis text)
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	SELECT f.isi, f.jenis INTO api_intervensi_foto.gambar, api_intervensi_foto.jenis FROM kkb.intervensi_foto f
	 WHERE f.kode_desa OPERATOR(kkb.=) api_intervensi_foto.kode AND f.intervensi_id = api_intervensi_foto.id
	   AND f.id = api_intervensi_foto.foto;
END $f$;
COMMENT ON FUNCTION kkb.api_intervensi_foto(kkb.kode_wilayah, bigint, bigint) IS
	'API GET /v1/desa/{kode}/intervensi/{id}/foto/{foto}: one photo''s image and media type, for whoever sees the intervention; no row (404) otherwise';

CREATE FUNCTION kkb.api_intervensi_foto_hapus(kode kkb.kode_wilayah, id bigint, foto bigint, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	i kkb.intervensi := kkb._api_intervensi_milik(kode, id, true);
	f kkb.intervensi_foto;
BEGIN
	IF i.id IS NULL THEN
		RETURN;
	END IF;
	DELETE FROM kkb.intervensi_foto x WHERE x.kode_desa OPERATOR(kkb.=) i.kode_desa AND x.intervensi_id = i.id AND x.id = foto
	RETURNING * INTO f;
	IF f.id IS NULL THEN
		RETURN;
	END IF;
	dokumen := pg_catalog.json_build_object('dihapus', true, 'foto', kkb._api_foto_baris(f));
	status := 200;
END $f$;
COMMENT ON FUNCTION kkb.api_intervensi_foto_hapus(kkb.kode_wilayah, bigint, bigint) IS
	'API DELETE /v1/desa/{kode}/intervensi/{id}/foto/{foto}: remove a photo, by whoever may change the intervention; {"dihapus": true, "foto": its row} and 200, none (404) when not there for the caller';

-- ---------------------------------------------------------------- code lists

-- The named codes of the enum columns (kkb.kode), by group in display order: the choices of the
-- dashboard's forms, read once and kept (reference data).
-- (PL/pgSQL: a Citus cluster cannot run an SQL-standard RETURN body that reads its tables, docs/SCALE.md)
CREATE FUNCTION kkb.api_kode() RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_hasil json;
BEGIN
	SELECT json_build_object('kelompok', json_object_agg(g.kelompok, g.kode ORDER BY g.kelompok),
	                         'opd', (SELECT json_agg(json_build_object('kode', o.kode, 'nama', o.nama) ORDER BY o.nama) FROM kkb.opd o))
	  INTO v_hasil
	  FROM (SELECT k.kelompok, json_agg(json_build_object('kode', k.kode, 'nama', k.nama) ORDER BY k.urutan, k.kode) AS kode
	          FROM kkb.kode k GROUP BY k.kelompok) g;
	RETURN v_hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_kode() IS
	'API GET /v1/kode: the named codes of the enum columns by group ({"kelompok": {group: [{kode, nama}]}, "opd": [{kode, nama}]}), in display order, and the city''s agencies by name';

-- ---------------------------------------------------------------- the village's members (by name)

-- The members of a village, by name then NIK, paged: for the Pokja's forms (choosing the child to
-- weigh).  cari: part of the name (any case) or the start of a NIK or No. KK; umur_maks: only those
-- younger than so many months (60: the under-fives).  Each with their age in completed months and
-- their last measurement.  Runs as the caller: row-level security keeps it to the caller's village
-- (the Pokja, administrators); other roles have no right to the rows (42501).
CREATE FUNCTION kkb.api_anggota_daftar(kode kkb.kode_wilayah, cari text DEFAULT NULL, umur_maks integer DEFAULT NULL,
                                       batas integer DEFAULT 100, lewati integer DEFAULT 0)
	RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_cari text := NULLIF(pg_catalog.btrim(cari), '');
	v_lahir date;
	v_jumlah bigint;
	v_data json;
BEGIN
	IF pg_catalog.length(v_cari) > 64 THEN
		RAISE EXCEPTION 'cari is % characters long: at most 64', pg_catalog.length(v_cari)
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Search by part of a name, or the first digits of a NIK or No. KK.';
	END IF;
	IF umur_maks IS NOT NULL AND umur_maks NOT BETWEEN 0 AND 1200 THEN
		RAISE EXCEPTION 'umur_maks % is not between 0 and 1200 months', umur_maks USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF NOT EXISTS (SELECT FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) kode) THEN
		RETURN NULL;
	END IF;
	v_lahir := CASE WHEN umur_maks IS NOT NULL THEN (CURRENT_DATE - pg_catalog.make_interval(months => umur_maks))::date END;
	-- one village's rows: each statement goes whole to its shard on a Citus cluster
	SELECT count(*) INTO v_jumlah FROM kkb.anggota a
	 WHERE a.kode_desa OPERATOR(kkb.=) kode AND (v_lahir IS NULL OR a.tanggal_lahir > v_lahir)
	   AND (v_cari IS NULL OR pg_catalog.strpos(pg_catalog.lower(a.nama), pg_catalog.lower(v_cari)) > 0
	        OR pg_catalog.left(a.nik::text, pg_catalog.length(v_cari)) = v_cari
	        OR pg_catalog.left(a.no_kk::text, pg_catalog.length(v_cari)) = v_cari);
	SELECT pg_catalog.json_agg(pg_catalog.json_build_object('nik', x.nik::text, 'no_kk', x.no_kk::text, 'nama', x.nama,
	         'jenis_kelamin', x.jenis_kelamin, 'tanggal_lahir', x.tanggal_lahir, 'hubungan', x.hubungan,
	         'umur_bulan', (pg_catalog.date_part('year', pg_catalog.age(CURRENT_DATE, x.tanggal_lahir)) * 12
	                        + pg_catalog.date_part('month', pg_catalog.age(CURRENT_DATE, x.tanggal_lahir)))::integer,
	         'ukur_terakhir', CASE WHEN x.tanggal_ukur IS NOT NULL THEN pg_catalog.json_build_object('tanggal_ukur', x.tanggal_ukur,
	              'berat_kg', x.berat_kg, 'tinggi_cm', x.tinggi_cm, 'status_tbu', x.status_tbu, 'status_bbu', x.status_bbu,
	              'status_bbtb', x.status_bbtb) END) ORDER BY x.nama, x.nik)
	  INTO v_data
	  FROM (SELECT a.nik, a.no_kk, a.nama, a.jenis_kelamin, a.tanggal_lahir, a.hubungan,
	               u.tanggal_ukur, u.berat_kg, u.tinggi_cm, u.status_tbu, u.status_bbu, u.status_bbtb
	          FROM kkb.anggota a
	          LEFT JOIN (SELECT DISTINCT ON (p.nik) p.nik, p.tanggal_ukur, p.berat_kg, p.tinggi_cm, p.status_tbu, p.status_bbu, p.status_bbtb
	                       FROM kkb.pengukuran p WHERE p.kode_desa OPERATOR(kkb.=) kode
	                      ORDER BY p.nik, p.tanggal_ukur DESC) u ON u.nik OPERATOR(kkb.=) a.nik
	         WHERE a.kode_desa OPERATOR(kkb.=) kode AND (v_lahir IS NULL OR a.tanggal_lahir > v_lahir)
	           AND (v_cari IS NULL OR pg_catalog.strpos(pg_catalog.lower(a.nama), pg_catalog.lower(v_cari)) > 0
	                OR pg_catalog.left(a.nik::text, pg_catalog.length(v_cari)) = v_cari
	                OR pg_catalog.left(a.no_kk::text, pg_catalog.length(v_cari)) = v_cari)
	         ORDER BY a.nama, a.nik LIMIT batas OFFSET lewati) x;
	RETURN kkb._api_halaman(pg_catalog.json_build_object('kode_desa', kode::text, 'cari', v_cari, 'umur_maks', umur_maks),
	                        v_jumlah, batas, lewati, v_data);
END $f$;
COMMENT ON FUNCTION kkb.api_anggota_daftar(kkb.kode_wilayah, text, integer, integer, integer) IS
	'API GET /v1/desa/{kode}/anggota: the village''s members by name, paged, with age in months and last measurement; cari (name part, NIK or No. KK start), umur_maks (months); NULL when not a Kampung KB in scope';

-- ---------------------------------------------------------------- renumbering (37_ganti_nomor.sql)

-- The body names the new number only ({"no_kk": "..."} or {"nik": "..."}); the
-- old one is the path's.  No document (404) when the village is not a Kampung
-- KB in the caller's scope; a number not in the village is 404 by its error.
CREATE FUNCTION kkb._api_ganti(kode kkb.kode_wilayah, lama text, isi jsonb, kolom text, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
DECLARE
	v_n integer;
BEGIN
	dokumen := kkb._api_asing(isi, ARRAY[kolom]);
	IF dokumen IS NOT NULL THEN
		status := 422;
		RETURN;
	END IF;
	IF pg_catalog.jsonb_typeof(isi -> kolom) IS DISTINCT FROM 'string' THEN
		RAISE EXCEPTION 'null value in column "%": the body gives the new number as a string, e.g. {"%": "1377..."}', kolom, kolom
			USING ERRCODE = 'not_null_violation', COLUMN = kolom;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.=) kode) THEN
		RETURN;
	END IF;
	IF kolom = 'no_kk' THEN
		v_n := kkb.ganti_no_kk(kode, lama::kkb.no_kk, (isi ->> kolom)::kkb.no_kk);
		dokumen := json_build_object('kode_desa', kode::text, 'no_kk_lama', lama::kkb.no_kk::text, 'no_kk', (isi ->> kolom)::kkb.no_kk::text,
		                             'anggota_dipindah', v_n);
	ELSE
		v_n := kkb.ganti_nik(kode, lama::kkb.nik, (isi ->> kolom)::kkb.nik);
		dokumen := json_build_object('kode_desa', kode::text, 'nik_lama', lama::kkb.nik::text, 'nik', (isi ->> kolom)::kkb.nik::text,
		                             'pengukuran_dipindah', v_n);
	END IF;
	status := 200;
END $f$;
COMMENT ON FUNCTION kkb._api_ganti(kkb.kode_wilayah, text, jsonb, text) IS
	'Internal: the renumbering routes - the body''s new number (column kolom: no_kk or nik) for the path''s old one';

CREATE FUNCTION kkb.api_keluarga_ganti_no_kk(kode kkb.kode_wilayah, no_kk text, isi jsonb, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	SELECT g.dokumen, g.status INTO dokumen, status FROM kkb._api_ganti(kode, no_kk, isi, 'no_kk') g;
END $f$;
COMMENT ON FUNCTION kkb.api_keluarga_ganti_no_kk(kkb.kode_wilayah, text, jsonb) IS
	'API POST /v1/desa/{kode}/keluarga/{no_kk}/ganti-no-kk: renumber a family card (body {"no_kk": new}, kkb.ganti_no_kk); the old and new numbers and the members moved';

CREATE FUNCTION kkb.api_anggota_ganti_nik(kode kkb.kode_wilayah, nik text, isi jsonb, OUT dokumen json, OUT status integer)
	LANGUAGE plpgsql SET search_path = pg_catalog, kkb, pg_temp AS $f$
BEGIN
	SELECT g.dokumen, g.status INTO dokumen, status FROM kkb._api_ganti(kode, nik, isi, 'nik') g;
END $f$;
COMMENT ON FUNCTION kkb.api_anggota_ganti_nik(kkb.kode_wilayah, text, jsonb) IS
	'API POST /v1/desa/{kode}/anggota/{nik}/ganti-nik: change a member''s NIK (body {"nik": new}, kkb.ganti_nik); the old and new NIK and the measurements moved';

-- ---------------------------------------------------------------- the month's workflow

CREATE FUNCTION kkb.api_periode(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object('kode_desa', k.kode_desa::text, 'periode', to_char(api_periode.periode, 'YYYY-MM'),
	         'status', coalesce(s.status::text, 'draf'), 'diubah_oleh', s.diubah_oleh, 'diubah_pada', s.diubah_pada)
	  FROM kkb.kampung k
	  LEFT JOIN kkb.periode_status s ON s.kode_desa OPERATOR(kkb.=) k.kode_desa AND s.periode = api_periode.periode
	 WHERE k.kode_desa OPERATOR(kkb.=) api_periode.kode
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_periode(kkb.kode_wilayah, date) IS
	'API GET /v1/desa/{kode}/periode/{periode}: the month''s workflow state (draf when it has none); NULL when not a Kampung KB in scope';

-- The answer of a workflow step: the new state, by whom, when.
CREATE FUNCTION kkb._api_status(kode kkb.kode_wilayah, periode date, status kkb.status_periode) RETURNS json
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp
	RETURN json_build_object('kode_desa', kode::text, 'periode', to_char(periode, 'YYYY-MM'), 'status', status::text,
	                         'diubah_oleh', coalesce(NULLIF(current_setting('kkb.pengguna', true), ''), CURRENT_USER::text),
	                         'diubah_pada', now());
COMMENT ON FUNCTION kkb._api_status(kkb.kode_wilayah, date, kkb.status_periode) IS 'Internal: the answer of a workflow step (the new state, by whom, when)';

-- Each step is taken only for a village code (any other region code: NULL,
-- 404); the step's rules are kkb._alur_periode's (55000, 42501, P0002).
CREATE FUNCTION kkb.api_periode_ajukan(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE sql SET search_path = pg_catalog, kkb, pg_temp
	RETURN CASE WHEN kkb.tingkat(kode) = 4 THEN kkb._api_status(kode, periode, kkb.ajukan(kode, periode)) END;
COMMENT ON FUNCTION kkb.api_periode_ajukan(kkb.kode_wilayah, date) IS 'API POST /v1/desa/{kode}/periode/{periode}/ajukan: submit the month (kkb.ajukan)';

CREATE FUNCTION kkb.api_periode_setujui(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE sql SET search_path = pg_catalog, kkb, pg_temp
	RETURN CASE WHEN kkb.tingkat(kode) = 4 THEN kkb._api_status(kode, periode, kkb.setujui(kode, periode)) END;
COMMENT ON FUNCTION kkb.api_periode_setujui(kkb.kode_wilayah, date) IS 'API POST /v1/desa/{kode}/periode/{periode}/setujui: approve the month (kkb.setujui)';

CREATE FUNCTION kkb.api_periode_kunci(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE sql SET search_path = pg_catalog, kkb, pg_temp
	RETURN CASE WHEN kkb.tingkat(kode) = 4 THEN kkb._api_status(kode, periode, kkb.kunci(kode, periode)) END;
COMMENT ON FUNCTION kkb.api_periode_kunci(kkb.kode_wilayah, date) IS 'API POST /v1/desa/{kode}/periode/{periode}/kunci: lock the month (kkb.kunci)';

CREATE FUNCTION kkb.api_periode_buka(kode kkb.kode_wilayah, periode date) RETURNS json
	LANGUAGE sql SET search_path = pg_catalog, kkb, pg_temp
	RETURN CASE WHEN kkb.tingkat(kode) = 4 THEN kkb._api_status(kode, periode, kkb.buka(kode, periode)) END;
COMMENT ON FUNCTION kkb.api_periode_buka(kkb.kode_wilayah, date) IS 'API POST /v1/desa/{kode}/periode/{periode}/buka: reopen the month (kkb.buka)';

-- ---------------------------------------------------------------- agencies and the province

-- The part of region `wilayah` a list route answers about: the region itself
-- when the caller may see all of it, the caller's scope when that lies inside
-- it, NULL (an empty list) when the two do not meet.  The reporting functions
-- refuse a region the caller cannot see whole (kkb._lingkup_cek); a list in the
-- API shows what the caller can see of it, like the routes over kkb.kampung.
CREATE FUNCTION kkb._api_wilayah_lihat(wilayah kkb.kode_wilayah) RETURNS kkb.kode_wilayah
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp
	RETURN CASE WHEN kkb.lingkup() IS NULL OR wilayah OPERATOR(kkb.<@) kkb.lingkup() THEN wilayah
	            WHEN kkb.lingkup() OPERATOR(kkb.<@) wilayah THEN kkb.lingkup() END;
COMMENT ON FUNCTION kkb._api_wilayah_lihat(kkb.kode_wilayah) IS
	'Internal: the part of a region a list route answers about - the region, else the caller''s scope inside it, else NULL (nothing)';

-- NULL (400 from the gateway) for an agency code that is not in kkb.opd.
CREATE FUNCTION kkb.api_prioritas(wilayah kkb.kode_wilayah, periode date, opd text, batas integer DEFAULT 100, lewati integer DEFAULT 0)
	RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	WITH lihat AS (SELECT kkb._api_wilayah_lihat(api_prioritas.wilayah) AS w),
	p AS (SELECT x.* FROM lihat CROSS JOIN LATERAL kkb.prioritas_intervensi(lihat.w, api_prioritas.periode, api_prioritas.opd) x
	       WHERE lihat.w IS NOT NULL)
	SELECT kkb._api_halaman(
	         json_build_object('wilayah', api_prioritas.wilayah::text, 'periode', to_char(api_prioritas.periode, 'YYYY-MM'),
	                           'opd', api_prioritas.opd),
	         (SELECT count(*) FROM p), batas, lewati,
	         (SELECT json_agg(json_build_object('opd', x.opd, 'nama_opd', o.nama, 'peringkat', x.peringkat, 'kode_desa', x.kode_desa::text,
	                   'nama_desa', x.nama_desa, 'kode_kecamatan', kkb.kecamatan(x.kode_desa)::text, 'masalah', x.masalah,
	                   'uraian', x.uraian, 'nilai', x.nilai, 'target', x.target,
	                   'selisih', x.selisih, 'terdampak', x.terdampak) ORDER BY x.opd, x.peringkat, x.kode_desa, x.masalah)
	            FROM (SELECT * FROM p ORDER BY p.opd, p.peringkat, p.kode_desa, p.masalah LIMIT batas OFFSET lewati) x
	            LEFT JOIN kkb.opd o ON o.kode = x.opd))
	 WHERE api_prioritas.opd IS NULL OR EXISTS (SELECT 1 FROM kkb.opd o WHERE o.kode = api_prioritas.opd)
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_prioritas(kkb.kode_wilayah, date, text, integer, integer) IS
	'API GET /v1/prioritas: the agencies'' work list of villages under a region for a month (one agency, or all), with the agency''s name and the village''s kecamatan, paged; NULL for an unknown agency';

CREATE FUNCTION kkb.api_klasifikasi_daftar(wilayah kkb.kode_wilayah, periode date, batas integer DEFAULT 100, lewati integer DEFAULT 0)
	RETURNS json
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
#variable_conflict use_column
DECLARE
	_hasil json;
BEGIN
	WITH d AS (SELECT k.kode_desa FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.<@) api_klasifikasi_daftar.wilayah)
	SELECT kkb._api_halaman(
	         json_build_object('wilayah', api_klasifikasi_daftar.wilayah::text, 'periode', to_char(api_klasifikasi_daftar.periode, 'YYYY-MM')),
	         (SELECT count(*) FROM d), batas, lewati,
	         (SELECT json_agg(json_build_object('kode_desa', p.kode_desa::text, 'nama', w.nama, 'klasifikasi', h.j ->> 'klasifikasi',
	                   'indeks_input', (h.j ->> 'indeks_input')::numeric, 'indeks_proses', (h.j ->> 'indeks_proses')::numeric,
	                   'indeks_output', (h.j ->> 'indeks_output')::numeric, 'skor', h.j -> 'skor', 'persentase', h.j -> 'persentase')
	                   ORDER BY p.kode_desa)
	            FROM (SELECT * FROM d ORDER BY d.kode_desa LIMIT batas OFFSET lewati) p
	            JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) p.kode_desa
	            -- OFFSET 0: kept a subquery, so each village is classified once (pulled up, h.j would be computed 7 times)
	            CROSS JOIN LATERAL (SELECT kkb.klasifikasi(p.kode_desa, api_klasifikasi_daftar.periode) AS j OFFSET 0) h))
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.api_klasifikasi_daftar(kkb.kode_wilayah, date, integer, integer) IS
	'API GET /v1/klasifikasi: every Kampung KB''s class under a region for a month, with indices, scores and percentages, paged';

-- The level of the rows is kkb.ringkasan's choice (its default: one level
-- below the region); it is reported from the rows themselves: the rows of the
-- deepest level are the data, the region's own row is `keseluruhan`.
CREATE FUNCTION kkb.api_ringkasan(wilayah kkb.kode_wilayah, periode date, tingkat integer DEFAULT NULL,
                                  batas integer DEFAULT 100, lewati integer DEFAULT 0) RETURNS json
	LANGUAGE sql STABLE SET search_path = pg_catalog, kkb, pg_temp AS $f$
	WITH r AS MATERIALIZED (SELECT row_number() OVER () AS n, x.*
	                          FROM kkb.ringkasan(api_ringkasan.wilayah, api_ringkasan.periode, api_ringkasan.tingkat, true) x),
	j AS (SELECT r.n, kkb.tingkat(r.kode) AS t,
	             json_build_object('kode', r.kode::text, 'nama', r.nama, 'induk', r.induk::text, 'desa', r.desa, 'kampung_kb', r.kampung_kb,
	               'kelas', r.kelas, 'klasifikasi', json_build_object('Dasar', r.dasar, 'Berkembang', r.berkembang, 'Mandiri', r.mandiri,
	                                                                'Berkelanjutan', r.berkelanjutan),
	               'kelengkapan', r.kelengkapan, 'balita_diukur', r.balita_diukur, 'balita_stunting', r.balita_stunting,
	               'prevalensi_stunting', r.prevalensi_stunting,
	               -- the 95% interval of the prevalence (kkb.ringkasan: anthro's logit interval, N = n)
	               'selang_stunting', CASE WHEN r.stunting_ci_bawah IS NOT NULL THEN json_build_array(r.stunting_ci_bawah, r.stunting_ci_atas) END,
	               'balita_wasting', r.balita_wasting, 'prevalensi_wasting', r.prevalensi_wasting,
	               'balita_underweight', r.balita_underweight, 'prevalensi_underweight', r.prevalensi_underweight,
	               'pus', r.pus, 'unmet_need', r.unmet_need,
	               'persen_unmet_need', r.persen_unmet_need, 'peserta_kb', r.peserta_kb, 'persen_cpr', r.persen_cpr,
	               'peserta_mkjp', r.peserta_mkjp, 'persen_mkjp', r.persen_mkjp, 'keluarga_berisiko', r.keluarga_berisiko) AS o
	        FROM r),
	d AS (SELECT j.* FROM j WHERE j.t = (SELECT max(j.t) FROM j))
	SELECT kkb._api_halaman(
	         json_build_object('wilayah', api_ringkasan.wilayah::text,
	           'nama', CASE WHEN api_ringkasan.wilayah IS NULL THEN 'Indonesia' ELSE kkb.wilayah_nama(api_ringkasan.wilayah) END,
	           'periode', to_char(api_ringkasan.periode, 'YYYY-MM'), 'tingkat', (SELECT max(j.t) FROM j),
	           'keseluruhan', (SELECT j.o FROM j WHERE j.n = 1)),
	         (SELECT count(*) FROM d), batas, lewati,
	         (SELECT json_agg(p.o ORDER BY p.n) FROM (SELECT * FROM d ORDER BY d.n LIMIT batas OFFSET lewati) p))
$f$;
COMMENT ON FUNCTION kkb.api_ringkasan(kkb.kode_wilayah, date, integer, integer, integer) IS
	'API GET /v1/ringkasan: aggregates of the Kampung KB under a region (NULL: the whole country) per region of a level (kkb.ringkasan; default one level below), with the stunting prevalence''s 95% interval (selang_stunting), the region''s own figures in keseluruhan, the count of rows in total, paged';

-- ---------------------------------------------------------------- who may call what

REVOKE EXECUTE ON FUNCTION
	kkb._api_kolom(regclass), kkb._api_asing(jsonb, text[]), kkb._api_isian(regclass),
	kkb._api_simpan_bulan(regclass, kkb.kode_wilayah, date, jsonb, text, text), kkb._api_baca_bulan(regclass, kkb.kode_wilayah, date),
	kkb.api_saya(text), kkb.api_wilayah_daftar(kkb.kode_wilayah, integer, integer), kkb.api_wilayah(kkb.kode_wilayah),
	kkb.api_desa_daftar(kkb.kode_wilayah, date, integer, integer), kkb.api_desa(kkb.kode_wilayah),
	kkb.api_desa_profil(kkb.kode_wilayah, date), kkb.api_desa_klasifikasi(kkb.kode_wilayah, date),
	kkb.api_desa_validasi(kkb.kode_wilayah, date), kkb.api_desa_risiko_stunting(kkb.kode_wilayah, date, integer, integer),
	kkb.api_profil_kampung(kkb.kode_wilayah, date), kkb.api_penduduk(kkb.kode_wilayah, date), kkb.api_kkbpk(kkb.kode_wilayah, date),
	kkb.api_nilai(kkb.kode_wilayah, date),
	kkb.api_profil_kampung_simpan(kkb.kode_wilayah, date, jsonb, text, text), kkb.api_penduduk_simpan(kkb.kode_wilayah, date, jsonb, text, text),
	kkb.api_kkbpk_simpan(kkb.kode_wilayah, date, jsonb, text, text), kkb.api_nilai_simpan(kkb.kode_wilayah, date, jsonb),
	kkb.api_intervensi_daftar(kkb.kode_wilayah, integer, integer), kkb.api_intervensi_tambah(kkb.kode_wilayah, jsonb),
	kkb.api_intervensi_ubah(kkb.kode_wilayah, bigint, jsonb, text), kkb._api_intervensi_baris(kkb.intervensi, boolean),
	kkb._api_versi_berubah(text, text, text, text, json), kkb._api_intervensi_milik(kkb.kode_wilayah, bigint, boolean), kkb._api_foto_baris(kkb.intervensi_foto),
	kkb.api_intervensi_foto_daftar(kkb.kode_wilayah, bigint), kkb.api_intervensi_foto_tambah(kkb.kode_wilayah, bigint, jsonb),
	kkb.api_intervensi_foto(kkb.kode_wilayah, bigint, bigint), kkb.api_intervensi_foto_hapus(kkb.kode_wilayah, bigint, bigint),
	kkb.api_periode(kkb.kode_wilayah, date), kkb.api_periode_ajukan(kkb.kode_wilayah, date), kkb.api_periode_setujui(kkb.kode_wilayah, date),
	kkb.api_periode_kunci(kkb.kode_wilayah, date), kkb.api_periode_buka(kkb.kode_wilayah, date),
	kkb.api_prioritas(kkb.kode_wilayah, date, text, integer, integer), kkb.api_klasifikasi_daftar(kkb.kode_wilayah, date, integer, integer),
	kkb.api_ringkasan(kkb.kode_wilayah, date, integer, integer, integer)
	FROM PUBLIC;

-- the public region reference: everyone, anonymous callers (kkb_anon) included
GRANT EXECUTE ON FUNCTION kkb.api_wilayah_daftar(kkb.kode_wilayah, integer, integer), kkb.api_wilayah(kkb.kode_wilayah)
	TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi, kkb_anon;
-- who the token says the caller is: every working role
GRANT EXECUTE ON FUNCTION kkb.api_saya(text) TO kkb_admin, kkb_pokja, kkb_opd, kkb_analis, kkb_provinsi;
-- village data: what pokja, agencies and administrators read
GRANT EXECUTE ON FUNCTION
	kkb.api_desa_daftar(kkb.kode_wilayah, date, integer, integer), kkb.api_desa(kkb.kode_wilayah),
	kkb.api_desa_profil(kkb.kode_wilayah, date), kkb.api_desa_klasifikasi(kkb.kode_wilayah, date),
	kkb.api_desa_validasi(kkb.kode_wilayah, date), kkb._api_baca_bulan(regclass, kkb.kode_wilayah, date),
	kkb.api_profil_kampung(kkb.kode_wilayah, date), kkb.api_penduduk(kkb.kode_wilayah, date), kkb.api_kkbpk(kkb.kode_wilayah, date),
	kkb.api_nilai(kkb.kode_wilayah, date), kkb.api_intervensi_daftar(kkb.kode_wilayah, integer, integer),
	kkb._api_intervensi_baris(kkb.intervensi, boolean), kkb._api_intervensi_milik(kkb.kode_wilayah, bigint, boolean),
	kkb._api_foto_baris(kkb.intervensi_foto), kkb.api_intervensi_foto_daftar(kkb.kode_wilayah, bigint),
	kkb._api_versi_berubah(text, text, text, text, json),
	kkb.api_intervensi_foto(kkb.kode_wilayah, bigint, bigint), kkb.api_periode(kkb.kode_wilayah, date), kkb.api_prioritas(kkb.kode_wilayah, date, text, integer, integer),
	kkb.api_klasifikasi_daftar(kkb.kode_wilayah, date, integer, integer)
	TO kkb_admin, kkb_pokja, kkb_opd;
-- by-name data and the monthly reports: the village's pokja and administrators
GRANT EXECUTE ON FUNCTION
	kkb.api_desa_risiko_stunting(kkb.kode_wilayah, date, integer, integer),
	kkb._api_kolom(regclass), kkb._api_asing(jsonb, text[]), kkb._api_isian(regclass),
	kkb._api_simpan_bulan(regclass, kkb.kode_wilayah, date, jsonb, text, text),
	kkb.api_profil_kampung_simpan(kkb.kode_wilayah, date, jsonb, text, text), kkb.api_penduduk_simpan(kkb.kode_wilayah, date, jsonb, text, text),
	kkb.api_kkbpk_simpan(kkb.kode_wilayah, date, jsonb, text, text), kkb.api_nilai_simpan(kkb.kode_wilayah, date, jsonb)
	TO kkb_admin, kkb_pokja;
-- interventions are recorded by agencies too; the workflow steps are for the roles the workflow names
GRANT EXECUTE ON FUNCTION kkb.api_intervensi_tambah(kkb.kode_wilayah, jsonb), kkb.api_intervensi_ubah(kkb.kode_wilayah, bigint, jsonb, text),
	kkb.api_intervensi_foto_tambah(kkb.kode_wilayah, bigint, jsonb), kkb.api_intervensi_foto_hapus(kkb.kode_wilayah, bigint, bigint),
	kkb._api_kolom(regclass), kkb._api_asing(jsonb, text[]),
	kkb._api_isian(regclass),
	kkb.api_periode_ajukan(kkb.kode_wilayah, date), kkb.api_periode_setujui(kkb.kode_wilayah, date),
	kkb.api_periode_kunci(kkb.kode_wilayah, date), kkb.api_periode_buka(kkb.kode_wilayah, date)
	TO kkb_admin, kkb_pokja, kkb_opd;
-- aggregates: the roles kkb.ringkasan is for
GRANT EXECUTE ON FUNCTION kkb.api_ringkasan(kkb.kode_wilayah, date, integer, integer, integer)
	TO kkb_admin, kkb_opd, kkb_analis, kkb_provinsi;

-- 96_api_skema.sql - the bodies of the API, described once, beside the functions.
--
-- The gateway's GET /openapi.json (gateway/src/openapi.c) is built from its
-- route table: paths, parameters with their bounds, the error responses.
-- What each API function answers, and what body a PUT or POST takes, is known
-- here, where the functions are: one row per function and kind, in OpenAPI 3.0
-- schema objects (`nullable` for a value that may be null).  A row that names
-- a table takes its properties from the table's columns in the catalogue
-- (kkb._api_skema_tabel: type, null or not, the enum's labels, the column's
-- comment), so a column added to kkb.kkbpk is in the description of its
-- routes without anyone writing it twice; the row's own schema adds to it.
-- The gateway reads the whole with kkb.dokumen_skema_api() once, on the first
-- request for the description.
--
-- tests/skema/01_jawaban.sh validates every answer of the gateway test suite
-- against the document; scripts/rekam.py suggests a schema for a new function
-- from the answers recorded by the tests.
CREATE TABLE kkb.api_skema (
	nama  text NOT NULL,
	jenis text NOT NULL CONSTRAINT api_skema_jenis CHECK (jenis IN ('jawaban', 'permintaan', 'komponen')),
	tabel regclass,
	skema jsonb NOT NULL CONSTRAINT api_skema_objek CHECK (pg_catalog.jsonb_typeof(skema) = 'object'),
	PRIMARY KEY (nama, jenis)
);
COMMENT ON TABLE kkb.api_skema IS 'The API''s body schemas (OpenAPI 3.0) by function: what each answers and takes; merged into GET /openapi.json';
COMMENT ON COLUMN kkb.api_skema.nama IS 'The API function (kkb.api_...), "METHOD /path" of a route the gateway answers itself, or a shared component''s name';
COMMENT ON COLUMN kkb.api_skema.jenis IS 'jawaban: the success answer; permintaan: the request body; komponen: a shared schema (#/components/schemas/<nama>)';
COMMENT ON COLUMN kkb.api_skema.tabel IS 'When set, the properties are the table''s columns (kkb._api_skema_tabel), and skema adds to them';
COMMENT ON COLUMN kkb.api_skema.skema IS 'The schema object, or what it adds to the table''s';

-- The JSON schema of one column type: domains of the extension by name, then
-- the base type's category.
CREATE FUNCTION kkb._api_skema_tipe(tipe oid) RETURNS jsonb
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	t record;
BEGIN
	SELECT y.oid, y.typname, y.typtype, y.typcategory, y.typelem, y.typbasetype, n.nspname
	  INTO t FROM pg_type y JOIN pg_namespace n ON n.oid = y.typnamespace WHERE y.oid = tipe;
	IF t.nspname = 'kkb' AND t.typname = 'bulan' THEN
		RETURN '{"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}';
	ELSIF t.nspname = 'kkb' AND t.typname = 'kode_wilayah' THEN
		RETURN '{"type": "string", "pattern": "^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$"}';
	ELSIF t.nspname = 'kkb' AND t.typname IN ('nik', 'no_kk') THEN
		RETURN '{"type": "string", "pattern": "^[0-9]{16}$"}';
	ELSIF t.typtype = 'd' THEN
		RETURN kkb._api_skema_tipe(t.typbasetype);
	ELSIF t.typtype = 'e' THEN
		RETURN jsonb_build_object('type', 'string',
		         'enum', (SELECT jsonb_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid));
	ELSIF t.typcategory = 'A' THEN
		RETURN jsonb_build_object('type', 'array', 'items', kkb._api_skema_tipe(t.typelem));
	ELSIF t.typcategory = 'B' THEN
		RETURN '{"type": "boolean"}';
	ELSIF t.oid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) THEN
		RETURN '{"type": "integer"}';
	ELSIF t.typcategory = 'N' THEN
		RETURN '{"type": "number"}';
	ELSIF t.oid = 'date'::regtype THEN
		RETURN '{"type": "string", "format": "date"}';
	ELSIF t.oid IN ('timestamptz'::regtype, 'timestamp'::regtype) THEN
		RETURN '{"type": "string", "format": "date-time"}';
	ELSIF t.oid IN ('json'::regtype, 'jsonb'::regtype) THEN
		RETURN '{}';
	END IF;
	RETURN '{"type": "string"}';
END $f$;
COMMENT ON FUNCTION kkb._api_skema_tipe(oid) IS 'Internal: the JSON schema (OpenAPI 3.0) of a column type: the month and code domains, enums with their labels, arrays, numbers, dates';

-- The object schema of a table's rows: as a request body (isian: the columns
-- a body may set, kkb._api_kolom; required those NOT NULL without a default;
-- no other field) or as an answer (every column, all present).  Each
-- property carries its column's comment as description.
CREATE FUNCTION kkb._api_skema_tabel(tabel regclass, isian boolean) RETURNS jsonb
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	_hasil jsonb;
BEGIN
	SELECT jsonb_build_object('type', 'object',
	         'properties', jsonb_object_agg(a.attname,
	                         kkb._api_skema_tipe(a.atttypid)
	                         || CASE WHEN a.attnotnull THEN '{}'::jsonb ELSE '{"nullable": true}'::jsonb END
	                         || coalesce(jsonb_build_object('description', col_description(a.attrelid, a.attnum)), '{}'::jsonb)
	                         ORDER BY a.attnum),
	         'required', coalesce(jsonb_agg(a.attname ORDER BY a.attnum)
	                                FILTER (WHERE NOT isian OR (a.attnotnull AND NOT a.atthasdef)), '[]'::jsonb),
	         'additionalProperties', false)
	  FROM pg_attribute a
	 WHERE a.attrelid = tabel AND a.attnum > 0 AND NOT a.attisdropped
	   AND (NOT isian OR a.attname IN (SELECT k.nama FROM kkb._api_kolom(tabel) k))
	INTO _hasil;
	IF _hasil -> 'required' = '[]'::jsonb THEN
		_hasil := _hasil - 'required';
	END IF;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb._api_skema_tabel(regclass, boolean) IS
	'Internal: the object schema of a table''s rows from the catalogue - as a request body (isian: the settable columns) or as an answer';

-- One row's schema: the table's, with the row's own added (its properties
-- added to the table's, its required names to the table's, its other keys
-- replacing the table's).
CREATE FUNCTION kkb._api_skema_isi(s kkb.api_skema) RETURNS jsonb
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	t jsonb;
BEGIN
	IF s.tabel IS NULL THEN
		RETURN s.skema;
	END IF;
	t := kkb._api_skema_tabel(s.tabel, s.jenis = 'permintaan');
	RETURN t || (s.skema - 'properties' - 'required')
	         || jsonb_build_object('properties', (t -> 'properties') || coalesce(s.skema -> 'properties', '{}'))
	         || CASE WHEN t ? 'required' OR s.skema ? 'required'
	                 THEN jsonb_build_object('required',
	                        (SELECT jsonb_agg(x.r ORDER BY x.n)
	                           FROM (SELECT y.r, min(y.n) AS n
	                                   FROM (SELECT e.r, e.n FROM jsonb_array_elements_text(coalesce(t -> 'required', '[]')) WITH ORDINALITY e(r, n)
	                                         UNION ALL
	                                         SELECT e.r, 100000 + e.n FROM jsonb_array_elements_text(coalesce(s.skema -> 'required', '[]')) WITH ORDINALITY e(r, n)) y
	                                  GROUP BY y.r) x))
	                 ELSE '{}'::jsonb END;
END $f$;
COMMENT ON FUNCTION kkb._api_skema_isi(kkb.api_skema) IS 'Internal: a row of kkb.api_skema as its whole schema (its table''s columns and its own additions)';

-- With its owner's rights: the gateway's login asks before it takes a
-- caller's role, and the settable columns (kkb._api_kolom) are for the
-- writing roles only; it reads the catalogue and kkb.api_skema, nothing else.
CREATE FUNCTION kkb.dokumen_skema_api() RETURNS json
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
	_hasil json;
BEGIN
	SELECT json_build_object(
	         'jawaban', coalesce(jsonb_object_agg(s.nama, kkb._api_skema_isi(s) ORDER BY s.nama) FILTER (WHERE s.jenis = 'jawaban'), '{}'),
	         'permintaan', coalesce(jsonb_object_agg(s.nama, kkb._api_skema_isi(s) ORDER BY s.nama) FILTER (WHERE s.jenis = 'permintaan'), '{}'),
	         'komponen', coalesce(jsonb_object_agg(s.nama, kkb._api_skema_isi(s) ORDER BY s.nama) FILTER (WHERE s.jenis = 'komponen'), '{}'))
	  FROM kkb.api_skema s
	INTO _hasil;
	RETURN _hasil;
END $f$;
COMMENT ON FUNCTION kkb.dokumen_skema_api() IS
	'The API''s body schemas for GET /openapi.json: {"jawaban": {function: schema}, "permintaan": {...}, "komponen": {name: schema}} (kkb.api_skema)';

GRANT SELECT ON kkb.api_skema TO PUBLIC;

-- the table's constraints in the error registry (15_galat.sql)
INSERT INTO kkb.galat (kode, asal, sqlstate, kendala, tabel, kolom, status, pesan, pesan_en, saran, saran_en) VALUES
	('KKB-API-SKEMA-GANDA', 'kendala', '23505', 'api_skema_pkey', 'api_skema', 'nama', 409,
	 'fungsi ini sudah punya skema jenis ini', 'this function already has a schema of this kind',
	 'Ubah baris yang ada.', 'Update the existing row.'),
	('KKB-API-SKEMA-JENIS', 'kendala', '23514', 'api_skema_jenis', 'api_skema', 'jenis', 422,
	 'jenis skema harus jawaban, permintaan atau komponen', 'the kind of a schema is jawaban, permintaan or komponen', NULL, NULL),
	('KKB-API-SKEMA-OBJEK', 'kendala', '23514', 'api_skema_objek', 'api_skema', 'skema', 422,
	 'skema harus berupa objek JSON', 'a schema is a JSON object', NULL, NULL);

-- ---------------------------------------------------------------- the rows

-- Shared parts (#/components/schemas/<nama>).
INSERT INTO kkb.api_skema (nama, jenis, tabel, skema) VALUES
('Peringatan', 'komponen', NULL, $j${
  "type": "array",
  "description": "The month's warnings as saved (kkb.peringatan): values the rules find doubtful but accept, each with its code and Indonesian message",
  "items": {"type": "object", "properties": {"kode": {"type": "string"}, "pesan": {"type": "string"}}, "required": ["kode", "pesan"],
            "additionalProperties": false}
}$j$),
('Versi', 'komponen', NULL, $j${
  "type": "string",
  "pattern": "^-?[0-9]+$",
  "description": "A row's version (an intervention, a monthly report): its last change (diubah_pada) in microseconds since 1970. Its PUT takes it back as If-Match: \"<versi>\"; it changes with every change of the row"
}$j$),
('StatusPeriode', 'komponen', NULL, $j${
  "type": "object",
  "description": "A village-month's approval state (draf -> diajukan -> disetujui -> dikunci), who changed it last and when (null: never)",
  "properties": {
    "kode_desa": {"type": "string"},
    "periode": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
    "status": {"type": "string", "enum": ["draf", "diajukan", "disetujui", "dikunci"]},
    "diubah_oleh": {"type": "string", "nullable": true},
    "diubah_pada": {"type": "string", "format": "date-time", "nullable": true}
  },
  "required": ["kode_desa", "periode", "status", "diubah_oleh", "diubah_pada"],
  "additionalProperties": false
}$j$);

-- The monthly reports: read back as stored with their version, saved with the month's warnings;
-- the request body is the table's settable columns (fields left out take
-- their defaults).  Interventions likewise.
INSERT INTO kkb.api_skema (nama, jenis, tabel, skema) VALUES
('kkb.api_profil_kampung', 'jawaban', 'kkb.profil', '{"properties": {"versi": {"$ref": "#/components/schemas/Versi"}}, "required": ["versi"]}'),
('kkb.api_penduduk', 'jawaban', 'kkb.penduduk', '{"properties": {"versi": {"$ref": "#/components/schemas/Versi"}}, "required": ["versi"]}'),
('kkb.api_kkbpk', 'jawaban', 'kkb.kkbpk', '{"properties": {"versi": {"$ref": "#/components/schemas/Versi"}}, "required": ["versi"]}'),
('kkb.api_profil_kampung_simpan', 'jawaban', 'kkb.profil',
 '{"properties": {"peringatan": {"$ref": "#/components/schemas/Peringatan"}, "versi": {"$ref": "#/components/schemas/Versi"}}, "required": ["peringatan", "versi"]}'),
('kkb.api_penduduk_simpan', 'jawaban', 'kkb.penduduk',
 '{"properties": {"peringatan": {"$ref": "#/components/schemas/Peringatan"}, "versi": {"$ref": "#/components/schemas/Versi"}}, "required": ["peringatan", "versi"]}'),
('kkb.api_kkbpk_simpan', 'jawaban', 'kkb.kkbpk',
 '{"properties": {"peringatan": {"$ref": "#/components/schemas/Peringatan"}, "versi": {"$ref": "#/components/schemas/Versi"}}, "required": ["peringatan", "versi"]}'),
('kkb.api_profil_kampung_simpan', 'permintaan', 'kkb.profil', '{}'),
('kkb.api_penduduk_simpan', 'permintaan', 'kkb.penduduk', '{}'),
('kkb.api_kkbpk_simpan', 'permintaan', 'kkb.kkbpk', '{}'),
('kkb.api_intervensi_tambah', 'jawaban', 'kkb.intervensi',
 '{"properties": {"versi": {"$ref": "#/components/schemas/Versi"}, "boleh_ubah": {"type": "boolean", "description": "Whether the caller may change it (PUT)"}}, "required": ["versi", "boleh_ubah"]}'),
('kkb.api_intervensi_tambah', 'permintaan', 'kkb.intervensi', '{}'),
('kkb.api_intervensi_ubah', 'jawaban', 'kkb.intervensi',
 '{"properties": {"versi": {"$ref": "#/components/schemas/Versi"}, "boleh_ubah": {"type": "boolean", "description": "Whether the caller may change it (PUT)"}}, "required": ["versi", "boleh_ubah"]}'),
('kkb.api_intervensi_ubah', 'permintaan', 'kkb.intervensi', '{}'),
('FotoIntervensi', 'komponen', NULL, $j${
  "type": "object",
  "description": "A photo of an intervention as listed (the image itself: GET .../foto/{foto}); media type, width, height and size read from the image",
  "properties": {
    "id": {"type": "integer"},
    "intervensi_id": {"type": "integer"},
    "jenis": {"type": "string", "enum": ["image/jpeg", "image/png", "image/webp"]},
    "lebar": {"type": "integer", "minimum": 1, "maximum": 1280},
    "tinggi": {"type": "integer", "minimum": 1, "maximum": 1280},
    "ukuran": {"type": "integer", "minimum": 1, "maximum": 307200},
    "dibuat_pada": {"type": "string", "format": "date-time"}
  },
  "additionalProperties": false,
  "required": ["id", "intervensi_id", "jenis", "lebar", "tinggi", "ukuran", "dibuat_pada"]
}$j$),
('kkb.api_intervensi_foto_daftar', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "intervensi_id": {"type": "integer"},
    "boleh_ubah": {"type": "boolean", "description": "Whether the caller may add or remove photos"},
    "total": {"type": "integer", "maximum": 5},
    "data": {"type": "array", "maxItems": 5, "items": {"$ref": "#/components/schemas/FotoIntervensi"}}
  },
  "additionalProperties": false,
  "required": ["kode_desa", "intervensi_id", "boleh_ubah", "total", "data"]
}$j$),
('kkb.api_intervensi_foto_tambah', 'jawaban', NULL, '{"$ref": "#/components/schemas/FotoIntervensi"}'),
('kkb.api_intervensi_foto_tambah', 'permintaan', NULL, $j${
  "type": "object",
  "properties": {"isi": {"type": "string", "format": "byte", "description": "The image, base64: JPEG, PNG or WebP, at most 300 KB, its longest side at most 1280 px"}},
  "additionalProperties": false,
  "required": ["isi"]
}$j$),
('kkb.api_intervensi_foto', 'jawaban', NULL, '{"type": "string", "format": "binary", "description": "The image, with its media type as Content-Type"}'),
('kkb.api_intervensi_foto_hapus', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {"dihapus": {"type": "boolean"}, "foto": {"$ref": "#/components/schemas/FotoIntervensi"}},
  "additionalProperties": false,
  "required": ["dihapus", "foto"]
}$j$),
('kkb.api_nilai_simpan', 'permintaan', NULL, $j${
  "type": "object",
  "description": "The month's entered data items, {\"<item code>\": number, ...} (codes: SELECT kode FROM kkb.elemen_data); the month's values become exactly these, an item left out is cleared",
  "additionalProperties": {"type": "number", "minimum": 0}
}$j$),
('kkb.api_keluarga_ganti_no_kk', 'permintaan', NULL, $j${
  "type": "object",
  "properties": {"no_kk": {"type": "string", "pattern": "^[0-9]{16}$", "description": "The family card's new number"}},
  "required": ["no_kk"], "additionalProperties": false
}$j$),
('kkb.api_anggota_ganti_nik', 'permintaan', NULL, $j${
  "type": "object",
  "properties": {"nik": {"type": "string", "pattern": "^[0-9]{16}$", "description": "The member's new NIK"}},
  "required": ["nik"], "additionalProperties": false
}$j$),
('GET /v1/health', 'jawaban', NULL, $j${
  "type": "object",
  "description": "The gateway's own answer (no database function): 200 with database ok, 503 with database unavailable",
  "properties": {
    "status": {"type": "string", "enum": ["ok", "error"]},
    "database": {"type": "string", "enum": ["ok", "unavailable"]},
    "versi": {"type": "string", "nullable": true, "description": "The extension's version in the database (null when it cannot be asked)"}
  },
  "required": ["status", "database", "versi"],
  "additionalProperties": false
}$j$),
('kkb.api_periode', 'jawaban', NULL, '{"$ref": "#/components/schemas/StatusPeriode"}'),
('kkb.api_periode_ajukan', 'jawaban', NULL, '{"$ref": "#/components/schemas/StatusPeriode"}'),
('kkb.api_periode_setujui', 'jawaban', NULL, '{"$ref": "#/components/schemas/StatusPeriode"}'),
('kkb.api_periode_kunci', 'jawaban', NULL, '{"$ref": "#/components/schemas/StatusPeriode"}'),
('kkb.api_periode_buka', 'jawaban', NULL, '{"$ref": "#/components/schemas/StatusPeriode"}');

-- The other answers, written from what the functions build (scripts/rekam.py
-- suggested them from the test suite's answers; each was read against its
-- function).  A measure that can be missing is nullable.
INSERT INTO kkb.api_skema (nama, jenis, tabel, skema) VALUES
('BarisRingkasan', 'komponen', NULL, $j${
  "type": "object",
  "properties": {
    "kode": {
      "type": "string",
      "nullable": true,
      "description": "The region (null: the whole country, when no wilayah was asked)"
    },
    "nama": {"type": "string"},
    "induk": {"type": "string", "nullable": true},
    "desa": {"type": "integer", "nullable": true},
    "kampung_kb": {"type": "integer", "nullable": true},
    "kelas": {"type": "string", "nullable": true, "enum": ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]},
    "klasifikasi": {
      "type": "object",
      "properties": {
        "Dasar": {"type": "integer", "nullable": true},
        "Berkembang": {"type": "integer", "nullable": true},
        "Mandiri": {"type": "integer", "nullable": true},
        "Berkelanjutan": {"type": "integer", "nullable": true}
      },
      "additionalProperties": false,
      "required": ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]
    },
    "kelengkapan": {"type": "number", "nullable": true},
    "balita_diukur": {"type": "integer", "nullable": true},
    "balita_stunting": {"type": "integer", "nullable": true},
    "prevalensi_stunting": {"type": "number", "nullable": true},
    "selang_stunting": {"type": "array", "nullable": true, "items": {"type": "number"}},
    "balita_wasting": {"type": "integer", "nullable": true},
    "prevalensi_wasting": {"type": "number", "nullable": true},
    "balita_underweight": {"type": "integer", "nullable": true},
    "prevalensi_underweight": {"type": "number", "nullable": true},
    "pus": {"type": "integer", "nullable": true},
    "unmet_need": {"type": "integer", "nullable": true},
    "persen_unmet_need": {"type": "number", "nullable": true},
    "peserta_kb": {"type": "integer", "nullable": true},
    "persen_cpr": {"type": "number", "nullable": true},
    "peserta_mkjp": {"type": "integer", "nullable": true},
    "persen_mkjp": {"type": "number", "nullable": true},
    "keluarga_berisiko": {"type": "integer", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["kode", "nama", "induk", "desa", "kampung_kb", "kelas", "klasifikasi", "kelengkapan", "balita_diukur", "balita_stunting", "prevalensi_stunting", "selang_stunting", "balita_wasting", "prevalensi_wasting", "balita_underweight", "prevalensi_underweight", "pus", "unmet_need", "persen_unmet_need", "peserta_kb", "persen_cpr", "peserta_mkjp", "persen_mkjp", "keluarga_berisiko"]
}$j$),
('Persentase', 'komponen', NULL, $j${
  "type": "object",
  "properties": {
    "cpr": {"type": "number", "nullable": true},
    "mkjp": {"type": "number", "nullable": true},
    "poktan": {"type": "number", "nullable": true},
    "unmet": {"type": "number", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["cpr", "mkjp", "unmet", "poktan"]
}$j$),
('Skor', 'komponen', NULL, $j${
  "type": "object",
  "properties": {
    "input_pkb": {"type": "integer", "nullable": true},
    "input_pokja": {"type": "integer", "nullable": true},
    "input_poktan": {"type": "integer", "nullable": true},
    "input_sarana": {"type": "integer", "nullable": true},
    "input_sumber_dana": {"type": "integer", "nullable": true},
    "output_cpr": {"type": "integer", "nullable": true},
    "output_mkjp": {"type": "integer", "nullable": true},
    "output_poktan": {"type": "integer", "nullable": true},
    "output_unmet": {"type": "integer", "nullable": true},
    "proses_lintas_sektor": {"type": "integer", "nullable": true},
    "proses_operasional": {"type": "integer", "nullable": true},
    "proses_penggunaan_data": {"type": "integer", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["input_pkb", "output_cpr", "input_pokja", "output_mkjp", "input_poktan", "input_sarana", "output_unmet", "output_poktan", "input_sumber_dana", "proses_operasional", "proses_lintas_sektor", "proses_penggunaan_data"]
}$j$),
('kkb.api_anggota_daftar', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "cari": {"type": "string", "nullable": true},
    "umur_maks": {"type": "integer", "nullable": true},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "nik": {"type": "string", "nullable": true},
          "no_kk": {"type": "string", "nullable": true},
          "nama": {"type": "string"},
          "jenis_kelamin": {"type": "string", "nullable": true},
          "tanggal_lahir": {"type": "string", "nullable": true},
          "hubungan": {"type": "string", "nullable": true},
          "umur_bulan": {"type": "integer", "nullable": true},
          "ukur_terakhir": {
            "type": "object",
            "properties": {
              "tanggal_ukur": {"type": "string", "nullable": true},
              "berat_kg": {"type": "number", "nullable": true},
              "tinggi_cm": {"type": "number", "nullable": true},
              "status_tbu": {"type": "string", "nullable": true},
              "status_bbu": {"type": "string", "nullable": true},
              "status_bbtb": {"type": "string", "nullable": true}
            },
            "additionalProperties": false,
            "required": ["tanggal_ukur", "berat_kg", "tinggi_cm", "status_tbu", "status_bbu", "status_bbtb"]
          }
        },
        "additionalProperties": false,
        "required": ["nik", "no_kk", "nama", "jenis_kelamin", "tanggal_lahir", "hubungan", "umur_bulan", "ukur_terakhir"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["kode_desa", "cari", "umur_maks", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_anggota_ganti_nik', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "nik_lama": {"type": "string", "nullable": true},
    "nik": {"type": "string", "nullable": true},
    "pengukuran_dipindah": {"type": "integer", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["kode_desa", "nik_lama", "nik", "pengukuran_dipindah"]
}$j$),
('kkb.api_desa', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "nama": {"type": "string"},
    "nama_desa": {"type": "string"},
    "kecamatan": {"type": "string", "nullable": true},
    "kode_kecamatan": {"type": "string"},
    "tanggal_pencanangan": {"type": "string", "nullable": true},
    "nomor_sk": {"type": "string", "nullable": true},
    "lintang": {"type": "number", "nullable": true},
    "bujur": {"type": "number", "nullable": true},
    "alamat_sekretariat": {"type": "string", "nullable": true},
    "dibuat_pada": {"type": "string", "nullable": true},
    "diubah_pada": {"type": "string", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["kode_desa", "nama", "nama_desa", "kecamatan", "kode_kecamatan", "tanggal_pencanangan", "nomor_sk", "lintang", "bujur", "alamat_sekretariat", "dibuat_pada", "diubah_pada"]
}$j$),
('kkb.api_desa_daftar', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string", "nullable": true},
    "periode": {"type": "string"},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kode_desa": {"type": "string"},
          "nama": {"type": "string"},
          "nama_desa": {"type": "string"},
          "klasifikasi": {"type": "string", "nullable": true, "enum": ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]},
          "kelengkapan": {"type": "number", "nullable": true},
          "status": {"type": "string"}
        },
        "additionalProperties": false,
        "required": ["kode_desa", "nama", "nama_desa", "klasifikasi", "kelengkapan", "status"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["wilayah", "periode", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_desa_klasifikasi', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "skor": {"$ref": "#/components/schemas/Skor"},
    "periode": {"type": "string"},
    "kode_desa": {"type": "string"},
    "persentase": {"$ref": "#/components/schemas/Persentase"},
    "klasifikasi": {"type": "string", "nullable": true, "enum": ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]},
    "indeks_input": {"type": "number", "nullable": true},
    "indeks_output": {"type": "number", "nullable": true},
    "indeks_proses": {"type": "number", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["skor", "periode", "kode_desa", "persentase", "klasifikasi", "indeks_input", "indeks_output", "indeks_proses"]
}$j$),
('kkb.api_desa_pertumbuhan_goyah', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "acuan": {"type": "string"},
    "total": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "nik": {"type": "string", "nullable": true},
          "no_kk": {"type": "string", "nullable": true},
          "nama": {"type": "string"},
          "tanggal_lahir": {"type": "string", "nullable": true},
          "tanggal_lalu": {"type": "string", "nullable": true},
          "z_bbu_lalu": {"type": "number", "nullable": true},
          "tanggal_kini": {"type": "string", "nullable": true},
          "z_bbu_kini": {"type": "number", "nullable": true},
          "turun": {"type": "number", "nullable": true},
          "stunting": {"type": "boolean", "nullable": true},
          "tindakan": {"type": "string", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["nik", "no_kk", "nama", "tanggal_lahir", "tanggal_lalu", "z_bbu_lalu", "tanggal_kini", "z_bbu_kini", "turun", "stunting", "tindakan"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["kode_desa", "acuan", "total", "data"]
}$j$),
('kkb.api_desa_profil', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "periode": {"type": "string"},
    "kelengkapan": {"type": "number", "nullable": true},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "urutan": {"type": "integer", "nullable": true},
          "kode": {"type": "string"},
          "nama": {"type": "string"},
          "nilai": {"type": "number", "nullable": true},
          "sumber": {"type": "string", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["urutan", "kode", "nama", "nilai", "sumber"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["kode_desa", "periode", "kelengkapan", "data"]
}$j$),
('kkb.api_desa_risiko_stunting', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "acuan": {"type": "string"},
    "jumlah_keluarga": {"type": "integer", "nullable": true},
    "jumlah_sasaran": {"type": "integer", "nullable": true},
    "jumlah_berisiko": {"type": "integer", "nullable": true},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "no_kk": {"type": "string", "nullable": true},
          "sasaran": {"type": "boolean", "nullable": true},
          "alasan_sasaran": {"type": "array", "items": {"type": "string"}},
          "berisiko": {"type": "boolean", "nullable": true},
          "faktor": {"type": "array", "items": {"type": "string"}}
        },
        "additionalProperties": false,
        "required": ["no_kk", "sasaran", "alasan_sasaran", "berisiko", "faktor"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["kode_desa", "acuan", "jumlah_keluarga", "jumlah_sasaran", "jumlah_berisiko", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_desa_saran', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "saran": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kelas": {"type": "string", "nullable": true, "enum": ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]},
          "langkah": {"type": "integer", "nullable": true},
          "masukan": {
            "type": "object",
            "properties": {
              "kkbpk": {
                "type": "object",
                "properties": {
                  "kb_iud": {"type": "integer", "nullable": true},
                  "kb_mop": {"type": "integer", "nullable": true},
                  "kb_mow": {"type": "integer", "nullable": true},
                  "kb_pil": {"type": "integer", "nullable": true},
                  "kb_implan": {"type": "integer", "nullable": true},
                  "kb_kondom": {"type": "integer", "nullable": true},
                  "kb_suntik": {"type": "integer", "nullable": true},
                  "peserta_bkb": {"type": "integer", "nullable": true},
                  "peserta_bkl": {"type": "integer", "nullable": true},
                  "peserta_bkr": {"type": "integer", "nullable": true},
                  "peserta_pikr": {"type": "integer", "nullable": true},
                  "tidak_kb_iat": {"type": "integer", "nullable": true},
                  "peserta_uppka": {"type": "integer", "nullable": true},
                  "tidak_kb_tial": {"type": "integer", "nullable": true},
                  "tidak_kb_hamil": {"type": "integer", "nullable": true},
                  "tidak_kb_ingin_segera": {"type": "integer", "nullable": true}
                },
                "additionalProperties": false,
                "required": ["kb_iud", "kb_mop", "kb_mow", "kb_pil", "kb_implan", "kb_kondom", "kb_suntik", "peserta_bkb", "peserta_bkl", "peserta_bkr", "peserta_pikr", "tidak_kb_iat", "peserta_uppka", "tidak_kb_tial", "tidak_kb_hamil", "tidak_kb_ingin_segera"]
              },
              "poktan": {"type": "integer", "nullable": true},
              "sarana": {"type": "integer", "nullable": true},
              "penduduk": {
                "type": "object",
                "properties": {
                  "pus": {"type": "integer", "nullable": true},
                  "remaja": {"type": "integer", "nullable": true},
                  "keluarga": {"type": "integer", "nullable": true},
                  "keluarga_balita": {"type": "integer", "nullable": true},
                  "keluarga_lansia": {"type": "integer", "nullable": true},
                  "keluarga_remaja": {"type": "integer", "nullable": true}
                },
                "additionalProperties": false,
                "required": ["pus", "remaja", "keluarga", "keluarga_balita", "keluarga_lansia", "keluarga_remaja"]
              },
              "regulasi": {"type": "boolean", "nullable": true},
              "pokja_ada": {"type": "boolean", "nullable": true},
              "sumber_dana": {"type": "integer", "nullable": true},
              "pokja_anggota": {"type": "integer", "nullable": true},
              "pkb_pendamping": {"type": "boolean", "nullable": true},
              "pokja_terlatih": {"type": "boolean", "nullable": true},
              "penggunaan_data": {"type": "integer", "nullable": true},
              "instansi_intervensi": {"type": "integer", "nullable": true},
              "mekanisme_operasional": {"type": "integer", "nullable": true}
            },
            "additionalProperties": false,
            "required": ["kkbpk", "poktan", "sarana", "penduduk", "regulasi", "pokja_ada", "sumber_dana", "pokja_anggota", "pkb_pendamping", "pokja_terlatih", "penggunaan_data", "instansi_intervensi", "mekanisme_operasional"]
          },
          "indikator": {"type": "integer", "nullable": true},
          "perubahan": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "ke": {"type": "integer", "nullable": true},
                "dari": {"type": "integer", "nullable": true},
                "kunci": {"type": "string", "nullable": true},
                "skor_ke": {"type": "integer", "nullable": true},
                "tindakan": {"type": "string", "nullable": true},
                "indikator": {"type": "string", "nullable": true},
                "pelaksana": {"type": "string", "nullable": true},
                "skor_dari": {"type": "integer", "nullable": true},
                "pelaksana_nama": {"type": "string", "nullable": true}
              },
              "additionalProperties": false,
              "required": ["ke", "dari", "kunci", "skor_ke", "tindakan", "indikator", "pelaksana", "skor_dari", "pelaksana_nama"]
            }
          }
        },
        "additionalProperties": false,
        "required": ["kelas", "langkah", "masukan", "indikator", "perubahan"]
      }
    },
    "periode": {"type": "string"},
    "kode_desa": {"type": "string"},
    "klasifikasi": {"type": "string", "nullable": true, "enum": ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]}
  },
  "additionalProperties": false,
  "required": ["saran", "periode", "kode_desa", "klasifikasi"]
}$j$),
('kkb.api_desa_validasi', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "periode": {"type": "string"},
    "total": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kode": {"type": "string"},
          "uraian": {"type": "string", "nullable": true},
          "kepentingan": {"type": "string", "nullable": true},
          "kiri": {"type": "string", "nullable": true},
          "nilai_kiri": {"type": "number", "nullable": true},
          "operator": {"type": "string", "nullable": true},
          "kanan": {"type": "string", "nullable": true},
          "nilai_kanan": {"type": "number", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["kode", "uraian", "kepentingan", "kiri", "nilai_kiri", "operator", "kanan", "nilai_kanan"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["kode_desa", "periode", "total", "data"]
}$j$),
('kkb.api_intervensi_daftar', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "opd": {"type": "array", "items": {"type": "string"}},
          "judul": {"type": "string", "nullable": true},
          "uraian": {"type": "string", "nullable": true},
          "sasaran": {"type": "array", "items": {"type": "string"}},
          "tanggal": {"type": "string", "nullable": true},
          "diubah_pada": {"type": "string", "nullable": true},
          "fungsi_keluarga": {"type": "string", "nullable": true},
          "kegiatan_inpres": {"type": "string", "nullable": true},
          "pemilik_opd": {"type": "string", "nullable": true, "description": "The agency that recorded it and alone may change it; null: the village's pokja or an administrator"},
          "versi": {"$ref": "#/components/schemas/Versi"},
          "boleh_ubah": {"type": "boolean", "description": "Whether the caller may change it (PUT)"}
        },
        "additionalProperties": false,
        "required": ["id", "opd", "judul", "uraian", "sasaran", "tanggal", "diubah_pada", "fungsi_keluarga", "kegiatan_inpres", "pemilik_opd", "versi", "boleh_ubah"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["kode_desa", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_keluarga_ganti_no_kk', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "no_kk_lama": {"type": "string", "nullable": true},
    "no_kk": {"type": "string", "nullable": true},
    "anggota_dipindah": {"type": "integer", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["kode_desa", "no_kk_lama", "no_kk", "anggota_dipindah"]
}$j$),
('kkb.api_ketepatan', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string"},
    "periode": {"type": "string"},
    "tenggat": {"type": "string", "nullable": true},
    "kedaluwarsa": {"nullable": true},
    "ringkasan": {
      "type": "array",
      "nullable": true,
      "items": {
        "type": "object",
        "properties": {
          "kode": {"type": "string"},
          "nama": {"type": "string"},
          "desa": {"type": "integer", "nullable": true},
          "dilaporkan": {"type": "integer", "nullable": true},
          "tepat_waktu": {"type": "integer", "nullable": true},
          "terlambat": {"type": "integer", "nullable": true},
          "belum": {"type": "integer", "nullable": true},
          "persen_dilaporkan": {"type": "number", "nullable": true},
          "persen_tepat_waktu": {"type": "number", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["kode", "nama", "desa", "dilaporkan", "tepat_waktu", "terlambat", "belum", "persen_dilaporkan", "persen_tepat_waktu"]
      }
    },
    "total": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kode_desa": {"type": "string"},
          "nama": {"type": "string"},
          "kecamatan": {"type": "string", "nullable": true},
          "diajukan_pada": {"type": "string", "nullable": true},
          "keadaan": {"type": "string", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["kode_desa", "nama", "kecamatan", "diajukan_pada", "keadaan"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["wilayah", "periode", "tenggat", "kedaluwarsa", "ringkasan", "total", "data"]
}$j$),
('kkb.api_klasifikasi_daftar', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string"},
    "periode": {"type": "string"},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kode_desa": {"type": "string"},
          "nama": {"type": "string"},
          "klasifikasi": {"type": "string", "nullable": true, "enum": ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]},
          "indeks_input": {"type": "number", "nullable": true},
          "indeks_proses": {"type": "number", "nullable": true},
          "indeks_output": {"type": "number", "nullable": true},
          "skor": {"$ref": "#/components/schemas/Skor"},
          "persentase": {"$ref": "#/components/schemas/Persentase"}
        },
        "additionalProperties": false,
        "required": ["kode_desa", "nama", "klasifikasi", "indeks_input", "indeks_proses", "indeks_output", "skor", "persentase"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["wilayah", "periode", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_kode', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kelompok": {
      "type": "object",
      "additionalProperties": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {"kode": {"type": "string"}, "nama": {"type": "string"}},
          "additionalProperties": false,
          "required": ["kode", "nama"]
        }
      }
    },
    "opd": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {"kode": {"type": "string"}, "nama": {"type": "string"}},
        "additionalProperties": false,
        "required": ["kode", "nama"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["kelompok", "opd"]
}$j$),
('kkb.api_nilai', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "periode": {"type": "string"},
    "data": {
      "type": "object",
      "description": "The entered data items: item code (kkb.elemen_data) to value",
      "additionalProperties": {"type": "number"}
    }
  },
  "additionalProperties": false,
  "required": ["kode_desa", "periode", "data"]
}$j$),
('kkb.api_nilai_simpan', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode_desa": {"type": "string"},
    "periode": {"type": "string"},
    "data": {
      "type": "object",
      "description": "The entered data items: item code (kkb.elemen_data) to value",
      "additionalProperties": {"type": "number"}
    },
    "ditulis": {"type": "integer", "nullable": true},
    "dihapus": {"type": "integer", "nullable": true},
    "peringatan": {"$ref": "#/components/schemas/Peringatan"}
  },
  "additionalProperties": false,
  "required": ["kode_desa", "periode", "data", "ditulis", "dihapus", "peringatan"]
}$j$),
('kkb.api_pencilan', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string"},
    "periode": {"type": "string"},
    "metode": {"type": "string"},
    "total": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kode_desa": {"type": "string"},
          "nama": {"type": "string"},
          "kode": {"type": "string"},
          "nilai": {"type": "number", "nullable": true},
          "acuan": {"type": "string"},
          "n": {"type": "integer", "nullable": true},
          "pusat": {"type": "number", "nullable": true},
          "sebaran": {"type": "number", "nullable": true},
          "skor": {"type": "number", "nullable": true},
          "batas_bawah": {"type": "number", "nullable": true},
          "batas_atas": {"type": "number", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["kode_desa", "nama", "kode", "nilai", "acuan", "n", "pusat", "sebaran", "skor", "batas_bawah", "batas_atas"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["wilayah", "periode", "metode", "total", "data"]
}$j$),
('kkb.api_prioritas', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string"},
    "periode": {"type": "string"},
    "opd": {"type": "string", "nullable": true},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "opd": {"type": "string", "nullable": true},
          "nama_opd": {"type": "string"},
          "peringkat": {"type": "integer", "nullable": true},
          "kode_desa": {"type": "string"},
          "nama_desa": {"type": "string"},
          "kode_kecamatan": {"type": "string"},
          "masalah": {"type": "string", "nullable": true},
          "uraian": {"type": "string", "nullable": true},
          "nilai": {"type": "number", "nullable": true},
          "target": {"type": "number", "nullable": true},
          "selisih": {"type": "number", "nullable": true},
          "terdampak": {"type": "integer", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["opd", "nama_opd", "peringkat", "kode_desa", "nama_desa", "kode_kecamatan", "masalah", "uraian", "nilai", "target", "selisih", "terdampak"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["wilayah", "periode", "opd", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_ringkasan', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string", "nullable": true},
    "nama": {"type": "string"},
    "periode": {"type": "string"},
    "tingkat": {"type": "integer"},
    "keseluruhan": {"$ref": "#/components/schemas/BarisRingkasan"},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {"type": "array", "items": {"$ref": "#/components/schemas/BarisRingkasan"}}
  },
  "additionalProperties": false,
  "required": ["wilayah", "nama", "periode", "tingkat", "keseluruhan", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_saya', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "peran": {"type": "string"},
    "label": {"type": "string"},
    "wilayah": {"type": "string", "nullable": true},
    "opd": {"type": "string", "nullable": true},
    "kesehatan": {"type": "boolean", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["peran", "label", "wilayah", "opd", "kesehatan"]
}$j$),
('kkb.api_tren_stunting', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string"},
    "periode": {"type": "string"},
    "total": {"type": "integer"},
    "naik_nyata": {"type": "integer", "nullable": true},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kode_desa": {"type": "string"},
          "nama": {"type": "string"},
          "balita_diukur": {"type": "integer", "nullable": true},
          "balita_stunting": {"type": "integer", "nullable": true},
          "persen": {"type": "number", "nullable": true},
          "ci_bawah": {"type": "number", "nullable": true},
          "ci_atas": {"type": "number", "nullable": true},
          "persen_sebelumnya": {"type": "number", "nullable": true},
          "z": {"type": "number", "nullable": true},
          "naik_nyata": {"type": "boolean", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["kode_desa", "nama", "balita_diukur", "balita_stunting", "persen", "ci_bawah", "ci_atas", "persen_sebelumnya", "z", "naik_nyata"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["wilayah", "periode", "total", "naik_nyata", "data"]
}$j$),
('kkb.api_wilayah', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "kode": {"type": "string"},
    "nama": {"type": "string"},
    "tingkat": {"type": "integer"},
    "induk": {"type": "string", "nullable": true},
    "nama_induk": {"type": "string", "nullable": true},
    "jumlah_anak": {"type": "integer", "nullable": true}
  },
  "additionalProperties": false,
  "required": ["kode", "nama", "tingkat", "induk", "nama_induk", "jumlah_anak"]
}$j$),
('kkb.api_wilayah_daftar', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "induk": {"type": "string", "nullable": true},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kode": {"type": "string"},
          "nama": {"type": "string"},
          "tingkat": {"type": "integer"},
          "induk": {"type": "string", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["kode", "nama", "tingkat", "induk"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["induk", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_tautan_buat', 'permintaan', NULL, $j${
  "type": "object",
  "properties": {
    "peran": {"type": "string", "enum": ["kkb_pokja", "kkb_opd"], "description": "The role of the token the link gives"},
    "wilayah": {"type": "string", "description": "Region scope: a village for a pokja, e.g. 13.77.01.1001; a city for an agency"},
    "label": {"type": "string", "description": "Who the link is for, e.g. Pokja Karan Aur (at most 150 bytes)"},
    "opd": {"type": "string", "nullable": true, "description": "The agency of a kkb_opd link"},
    "menit": {"type": "integer", "minimum": 1, "maximum": 1440, "description": "Minutes the code stays valid (15 by default)"}
  },
  "additionalProperties": false,
  "required": ["peran", "wilayah", "label"]
}$j$),
('kkb.api_tautan_buat', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "id": {"type": "integer"},
    "kode": {"type": "string", "pattern": "^[0-9a-f]{32}$", "description": "The one-time code, shown only this once"},
    "tautan": {"type": "string", "description": "The dashboard path /#/masuk/<kode>"},
    "peran": {"type": "string"},
    "wilayah": {"type": "string"},
    "opd": {"type": "string", "nullable": true},
    "label": {"type": "string"},
    "berlaku_sampai": {"type": "string", "format": "date-time"},
    "url": {"type": "string", "description": "The link as an absolute URL (added by the gateway: its --public-url, else the request's Host)"},
    "qr_svg": {"type": "string", "description": "A QR code of url as an SVG document (added by the gateway, libqrencode)"}
  },
  "additionalProperties": false,
  "required": ["id", "kode", "tautan", "peran", "wilayah", "opd", "label", "berlaku_sampai"]
}$j$),
('kkb.api_masuk', 'permintaan', NULL, $j${
  "type": "object",
  "properties": {
    "kode": {"type": "string", "description": "The code of the sign-in link"},
    "perangkat": {"type": "string", "pattern": "^[0-9a-f]{32,128}$", "description": "The device key the phone keeps (sent again in X-Perangkat with every request)"},
    "nama": {"type": "string", "description": "The device's name, e.g. HP Samsung (1 to 40 characters); added to the token's label"}
  },
  "additionalProperties": false,
  "required": ["kode", "perangkat", "nama"]
}$j$),
('kkb.api_masuk', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "token": {"type": "string", "pattern": "^kkb_[0-9a-f]{64}$", "description": "The device token, shown only this once"},
    "id": {"type": "integer"},
    "label": {"type": "string"},
    "peran": {"type": "string"},
    "wilayah": {"type": "string"},
    "opd": {"type": "string", "nullable": true},
    "berlaku_sampai": {"type": "string", "format": "date-time"}
  },
  "additionalProperties": false,
  "required": ["token", "id", "label", "peran", "wilayah", "opd", "berlaku_sampai"]
}$j$),
('kkb.api_perangkat_daftar', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "wilayah": {"type": "string", "nullable": true},
    "total": {"type": "integer"},
    "limit": {"type": "integer"},
    "offset": {"type": "integer"},
    "data": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "label": {"type": "string"},
          "peran": {"type": "string"},
          "wilayah": {"type": "string", "nullable": true},
          "opd": {"type": "string", "nullable": true},
          "dibuat": {"type": "string", "format": "date-time"},
          "berlaku_sampai": {"type": "string", "format": "date-time", "nullable": true},
          "perangkat": {"type": "boolean"},
          "dibuat_oleh": {"type": "string", "nullable": true}
        },
        "additionalProperties": false,
        "required": ["id", "label", "peran", "wilayah", "opd", "dibuat", "berlaku_sampai", "perangkat", "dibuat_oleh"]
      }
    }
  },
  "additionalProperties": false,
  "required": ["wilayah", "total", "limit", "offset", "data"]
}$j$),
('kkb.api_perangkat_cabut', 'jawaban', NULL, $j${
  "type": "object",
  "properties": {
    "id": {"type": "integer"},
    "label": {"type": "string"},
    "dicabut": {"type": "string", "format": "date-time"}
  },
  "additionalProperties": false,
  "required": ["id", "label", "dicabut"]
}$j$)
;

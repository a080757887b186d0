-- 0.2.0: the role of calls without a token (kkb_anon), and an administrator's
-- scope holds (the admin policies were USING (true)).
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'kkb_anon') THEN
		CREATE ROLE kkb_anon NOLOGIN;
	END IF;
END $$;
GRANT kkb_anon TO kkb_gateway;
GRANT USAGE ON SCHEMA kkb TO kkb_anon;
GRANT SELECT ON kkb.wilayah TO kkb_anon;

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['kampung', 'profil', 'penduduk', 'kkbpk', 'intervensi', 'periode_status', 'keluarga', 'anggota',
	                         'pengukuran', 'peristiwa', 'peringatan', 'audit', 'nilai'] LOOP
		EXECUTE pg_catalog.format('ALTER POLICY admin_semua ON kkb.%I
			USING (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup())
			WITH CHECK (kkb.lingkup() IS NULL OR kode_desa OPERATOR(kkb.<@) kkb.lingkup())', t);
	END LOOP;
END $$;

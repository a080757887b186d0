-- baris.sql - after the update: every table copied into schema lama before it
-- (each column as text) against the same table in kkb now, over the columns
-- both have.  One line per table: name, rows before, rows after, and whether
-- the checksums (md5 of the rows as text, sorted) agree; used by 01_upgrade.sh.
SET search_path = pg_catalog;
\pset tuples_only on
\pset format unaligned
CREATE FUNCTION pg_temp.banding(tabel text, OUT sebelum bigint, OUT sesudah bigint, OUT sama boolean, OUT kolom text)
	LANGUAGE plpgsql AS $f$
DECLARE
	a text;
	b text;
	teks text;
BEGIN
	IF to_regclass(format('kkb.%I', tabel)) IS NULL THEN
		EXECUTE format('SELECT count(*) FROM lama.%I', tabel) INTO sebelum;
		sama := false;
		kolom := 'the table is gone';
		RETURN;
	END IF;
	SELECT string_agg(format('%I', o.attname), ', ' ORDER BY o.attnum),
	       string_agg(format('%I::text', o.attname), ', ' ORDER BY o.attnum)
	  INTO kolom, teks
	  FROM pg_attribute o
	 WHERE o.attrelid = format('lama.%I', tabel)::regclass AND o.attnum > 0 AND NOT o.attisdropped
	   AND EXISTS (SELECT 1 FROM pg_attribute n WHERE n.attrelid = format('kkb.%I', tabel)::regclass
	                                              AND n.attname = o.attname AND n.attnum > 0 AND NOT n.attisdropped);
	EXECUTE format($q$SELECT count(*), md5(coalesce(string_agg(r, E'\n' ORDER BY r COLLATE "C"), ''))
	                    FROM (SELECT ROW(%s)::text AS r FROM lama.%I) x$q$, kolom, tabel) INTO sebelum, a;
	EXECUTE format($q$SELECT count(*), md5(coalesce(string_agg(r, E'\n' ORDER BY r COLLATE "C"), ''))
	                    FROM (SELECT ROW(%s)::text AS r FROM kkb.%I) x$q$, teks, tabel) INTO sesudah, b;
	sama := sebelum = sesudah AND a = b;
END $f$;
SELECT format('%s|%s|%s|%s|%s', c.relname, b.sebelum, b.sesudah, CASE WHEN b.sama THEN 'same' ELSE 'DIFFERENT' END, b.kolom)
  FROM pg_class c, pg_temp.banding(c.relname) b
 WHERE c.relnamespace = 'lama'::regnamespace AND c.relkind = 'r'
 ORDER BY c.relname COLLATE "C";

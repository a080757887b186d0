-- A hostile object planted in the search_path before CREATE EXTENSION does not
-- capture anything the extension's script or functions use (contrib seg's test).
BEGIN;
SELECT plan(4);

DROP EXTENSION kampungkb_demo, kampungkb;   -- the demo generator (kampungkb_demo) requires kampungkb
CREATE SCHEMA jebakan;
CREATE TABLE jebakan.tertangkap (apa text);
-- look-alikes of what the script uses, with exact argument types so they would win overload resolution
CREATE FUNCTION jebakan.date_trunc(text, date) RETURNS timestamp LANGUAGE plpgsql AS
	$$BEGIN INSERT INTO jebakan.tertangkap VALUES ('date_trunc'); RETURN now(); END$$;
CREATE FUNCTION jebakan.cardinality(integer[]) RETURNS integer LANGUAGE plpgsql AS
	$$BEGIN INSERT INTO jebakan.tertangkap VALUES ('cardinality'); RETURN 16; END$$;
CREATE FUNCTION jebakan.current_setting(text, boolean) RETURNS text LANGUAGE plpgsql AS
	$$BEGIN INSERT INTO jebakan.tertangkap VALUES ('current_setting'); RETURN '13'; END$$;
CREATE FUNCTION jebakan.sama(smallint, integer) RETURNS boolean LANGUAGE plpgsql AS
	$$BEGIN INSERT INTO jebakan.tertangkap VALUES ('='); RETURN true; END$$;
CREATE OPERATOR jebakan.= (LEFTARG = smallint, RIGHTARG = integer, FUNCTION = jebakan.sama);
SET LOCAL search_path = jebakan, public;

CREATE EXTENSION kampungkb;
SELECT is((SELECT count(*)::int FROM kkb.wilayah WHERE tingkat = 4), 83762, 'the extension installs with the trap in place');
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('13.77.01.1001', 'Karan Aur');
INSERT INTO kkb.penduduk (kode_desa, periode, laki_laki) VALUES ('13.77.01.1001', '2026-10-01', array_fill(1, ARRAY[16]));
SELECT is(pg_catalog.set_config('kkb.wilayah', '13.77.01.1001', true), '13.77.01.1001', 'a scope is set');
SELECT is(kkb.lingkup()::text, '13.77.01.1001', 'kkb.lingkup reads the real setting');
SELECT is((SELECT count(*)::int FROM jebakan.tertangkap), 0, 'no planted function or operator was ever called');

SELECT * FROM finish();
ROLLBACK;

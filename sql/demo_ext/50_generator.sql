-- 50_generator.sql - the extension kampungkb_demo (requires kampungkb; not part of
-- a production CREATE EXTENSION kampungkb: CREATE EXTENSION kampungkb_demo adds it,
-- DROP EXTENSION kampungkb_demo removes it and keeps the rows it wrote).
-- A deterministic synthetic data generator for demonstrations,
-- load tests and BI work: kkb.hasilkan (hasilkan = generate) fills every village
-- under a region with a Kampung KB, families, members, child measurements, vital
-- events, interventions and twelve (or `bulan`) months of profiles and reports;
-- kkb.hasilkan_hapus removes a region's village data again for a reload.
--
-- Determinism: every random draw is a hash of (benih, a key, a stream number)
-- (kkb._gen_acak), never random()/setseed(), so the same (wilayah, skala, benih,
-- bulan, akhir) gives the same rows; only identity numbers (peristiwa.id,
-- intervensi.id) and timestamps differ between loads.
-- Time: the members are the residents on the date `akhir` (default: the first day
-- of the current month); every dated row (birth, family card, measurement, event,
-- intervention) lies on or before it, so `akhir` may not be in the future.  The
-- months are the `bulan` calendar months ending with akhir's month; a month's
-- population and family-planning report counts the members (born and moved in by
-- then) at the month's last day, as kkb.profil_desa counts by-name records, so
-- the last month's report and the by-name records agree.
-- Everything is written set-based (INSERT ... SELECT over generate_series), ten
-- villages at a time, through the tables' own triggers: every row is validated,
-- z-scored and audited like any other.

-- ---------------------------------------------------------------- random draws
-- The helpers are SQL-standard bodies (parsed at creation, so a caller's
-- search_path cannot capture them) without a SET clause, so that the planner
-- inlines them into the generator's queries.
CREATE FUNCTION kkb._gen_acak(kunci bigint, benih integer, aliran integer) RETURNS float8
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN ((pg_catalog.hashint8extended(kunci, benih::bigint * 100003 + aliran) >> 11) & 9007199254740991)::float8
	       / 9007199254740992::float8;
COMMENT ON FUNCTION kkb._gen_acak(bigint, integer, integer) IS
	'Internal (generator): a uniform pseudo-random number in [0, 1) that is a hash of the seed (benih), a key (kunci) and a stream number (aliran); deterministic and parallel safe';

CREATE FUNCTION kkb._gen_normal(kunci bigint, benih integer, aliran integer) RETURNS float8
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN pg_catalog.sqrt(-2::float8 * pg_catalog.ln(1::float8 - kkb._gen_acak(kunci, benih, aliran)))
	       * pg_catalog.cos(6.283185307179586::float8 * kkb._gen_acak(kunci, benih, aliran + 50000));
COMMENT ON FUNCTION kkb._gen_normal(bigint, integer, integer) IS
	'Internal (generator): a standard normal pseudo-random number (Box-Muller over two kkb._gen_acak draws of the key)';

CREATE FUNCTION kkb._gen_ada(kunci bigint, benih integer, k integer, bulan integer) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN NOT (kkb._gen_acak(kunci, benih, 30) < 0.2::float8
	            AND k > pg_catalog.floor(kkb._gen_acak(kunci, benih, 31) * bulan));
COMMENT ON FUNCTION kkb._gen_ada(bigint, integer, integer, integer) IS
	'Internal (generator): whether a profile item (key kunci) is already there k months before the last month: one in five items was acquired during the bulan months';

-- ---------------------------------------------------------------- population figures
-- Population per regency/city (total of both sexes), Kemendagri codes without dots:
-- vendored from github.com/cahyadsn/wilayah (db/wilayah_penduduk.sql, MIT licence,
-- copyright the wilayah project's authors), 514 regencies and cities; Kota
-- Pariaman (1377) has 103,835 people.
CREATE FUNCTION kkb._gen_penduduk_kabkota(kabkota kkb.kode_wilayah) RETURNS bigint
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT pg_catalog.split_part(t.e, ':', 2)::bigint
	  FROM pg_catalog.regexp_split_to_table('
		1101:239629 1102:235589 1103:461391 1104:232606 1105:209220 1106:442987 1107:451076 1108:641007 1109:96812
		1110:140461 1111:468696 1112:156128 1113:107506 1114:101407 1115:181103 1116:312061 1117:181376 1118:166517
		1171:265310 1172:42793 1173:198705 1174:183914 1175:107185 1201:369482 1202:331475 1203:324565 1204:147989
		1205:1120709 1206:422495 1207:2080408 1208:1004303 1209:799451 1210:513010 1211:333335 1212:220508 1213:501618
		1214:369817 1215:57280 1216:211022 1217:149875 1218:696845 1219:474832 1220:273586 1221:271274 1222:332459
		1223:399306 1224:153338 1225:97526 1271:2546452 1272:279772 1273:100282 1274:187939 1275:315609 1276:184064
		1277:231982 1278:138297 1301:533786 1302:413075 1303:247323 1304:382674 1305:458310 1306:533254 1307:402788
		1308:313837 1309:97837 1310:242192 1311:181525 1312:454053 1371:946982 1372:85553 1373:68559 1374:63895 1375:141804
		1376:149077 1377:103835 1401:898973 1402:487039 1403:681884 1404:713294 1405:446439 1406:586994 1407:688073
		1408:495760 1409:365989 1410:211997 1471:1167599 1472:355256 1501:268951 1502:397461 1503:313097 1504:307361
		1505:457238 1506:336978 1507:244905 1508:380027 1509:376541 1571:649656 1572:102224 1601:390048 1602:801059
		1603:653731 1604:448141 1605:427723 1606:736897 1607:888324 1608:694832 1609:406938 1610:446020 1611:336783
		1612:214795 1613:203688 1671:1801367 1672:153271 1673:247550 1674:213523 1701:177137 1702:288582 1703:309773
		1704:136533 1705:216028 1706:205602 1707:115520 1708:151910 1709:126339 1771:400533 1801:1124683 1802:1394395
		1803:675626 1804:313756 1805:440040 1806:641036 1807:1122605 1808:495058 1809:501047 1810:444834 1811:241280
		1812:312516 1813:177430 1871:1077664 1872:182293 1901:337755 1902:192405 1903:216079 1904:210684 1905:217859
		1906:132495 1971:242285 2101:180404 2102:273946 2103:84325 2104:101039 2105:50922 2171:1342038 2172:239216
		3101:30334 3171:1057270 3172:1832032 3173:2556752 3174:2331411 3175:3230417 3201:5809790 3202:2868943 3203:2638825
		3204:3839721 3205:2851877 3206:1996059 3207:1297783 3208:1239999 3209:2489046 3210:1369569 3211:1226660
		3212:1980080 3213:1677628 3214:1063932 3215:2612065 3216:3387601 3217:1911661 3218:447272 3271:1144108 3272:370096
		3273:2591763 3274:356629 3275:2572209 3276:2010912 3277:581994 3278:770839 3279:209317 3301:2059748 3302:1868446
		3303:1057750 3304:1071977 3305:1446833 3306:809651 3307:945955 3308:1345662 3309:1114070 3310:1302648 3311:916472
		3312:1057495 3313:953696 3314:1023538 3315:1520974 3316:927961 3317:665501 3318:1385904 3319:877821 3320:1283687
		3321:1254204 3322:1088729 3323:822880 3324:1094214 3325:855878 3326:1034241 3327:1601007 3328:1745278 3329:2066426
		3371:128709 3372:589242 3373:198971 3374:1702379 3375:318221 3376:294477 3401:444994 3402:980269 3403:776926
		3404:1125571 3471:415605 3501:588718 3502:979008 3503:753810 3504:1139224 3505:1261699 3506:1691976 3507:2734623
		3508:1116231 3509:2615874 3510:1791789 3511:788007 3512:691635 3513:1200931 3514:1665922 3515:2027874 3516:1156144
		3517:1378005 3518:1152575 3519:737875 3520:692800 3521:907002 3522:1366227 3523:1266396 3524:1367503 3525:1327497
		3526:1042031 3527:1033926 3528:904965 3529:1143002 3571:301424 3572:161204 3573:889359 3574:243746 3575:213469
		3576:142272 3577:201733 3578:3018022 3579:225408 3601:1437046 3602:1531564 3603:3459706 3604:1791795 3671:1957349
		3672:480378 3673:759929 3674:1463607 5101:330221 5102:478393 5103:537739 5104:504845 5105:223723 5106:260526
		5107:538390 5108:828156 5171:673270 5201:762757 5202:1128716 5203:1457591 5204:527715 5205:277837 5206:543582
		5207:156059 5208:269989 5271:461936 5272:165113 5301:391539 5302:490642 5303:276032 5304:232788 5305:229730
		5306:289881 5307:346614 5308:283806 5309:169445 5310:349836 5311:277290 5312:141760 5313:149921 5314:154027
		5315:290688 5316:164457 5317:92138 5318:355022 5319:305268 5320:94860 5321:210908 5371:404120 6101:651246
		6102:314148 6103:499074 6104:583541 6105:457204 6106:276988 6107:295966 6108:415033 6109:225494 6110:217600
		6111:126898 6112:646091 6171:687031 6172:249954 6201:294602 6202:454515 6203:417854 6204:137914 6205:159848
		6206:181963 6207:159849 6208:67234 6209:114257 6210:134482 6211:144663 6212:124291 6213:118665 6271:315153
		6301:369818 6302:332787 6303:590393 6304:329799 6305:202061 6306:239471 6307:271505 6308:238250 6309:267787
		6310:357221 6311:138950 6371:681693 6372:285546 6401:309667 6402:806964 6403:299005 6407:186581 6408:448850
		6409:202067 6411:39715 6471:757418 6472:881225 6474:191811 6501:170239 6502:87582 6503:227460 6504:30036
		6571:255310 7101:257378 7102:330843 7103:135860 7104:100376 7105:243297 7106:229231 7107:121554 7108:88002
		7109:70528 7110:91344 7111:76105 7171:459409 7172:216026 7173:103812 7174:121526 7201:377804 7202:253350
		7203:318613 7204:242783 7205:162273 7206:198968 7207:130008 7208:461576 7209:173534 7210:273460 7211:77830
		7212:154004 7271:395291 7301:143096 7302:480672 7303:217267 7304:423005 7305:332863 7306:825369 7307:276269
		7308:827372 7309:414406 7310:361791 7311:196001 7312:241333 7313:400699 7314:332560 7315:423146 7316:234470
		7317:385361 7318:258934 7322:335161 7324:323422 7326:266513 7371:1482354 7372:163314 7373:182898 7401:257733
		7402:269128 7403:233470 7404:122024 7405:332389 7406:168055 7407:118793 7408:143604 7409:83449 7410:74718
		7411:130691 7412:44091 7413:91571 7414:121745 7415:102881 7471:366454 7472:163793 7501:423981 7502:152851
		7503:174788 7504:162989 7505:131991 7571:204360 7601:183376 7602:288382 7603:167611 7604:492339 7605:190223
		7606:144810 8101:432361 8102:129169 8103:132337 8104:142347 8105:140972 8106:217389 8107:112531 8108:97020
		8109:81329 8171:359661 8172:90470 8201:139764 8202:106500 8203:206233 8204:258564 8205:100635 8206:100473
		8207:82913 8208:66361 8271:210836 8272:121952 9103:203772 9105:116214 9106:150318 9110:45084 9111:74332 9115:38840
		9119:27965 9120:41036 9171:404799 9202:205212 9203:93997 9206:84205 9207:47494 9208:64938 9211:39026 9212:41383
		9301:255168 9302:71997 9303:114153 9304:120902 9401:179174 9402:220393 9403:125763 9404:318679 9405:178072
		9406:116706 9407:137696 9408:92629 9501:276288 9502:114581 9503:356021 9504:252031 9505:50128 9506:105374
		9507:203922 9508:112173 9601:129669 9602:56979 9603:72865 9604:31041 9605:46604 9671:286028
	', '\s+') AS t(e)
	 WHERE t.e <> '' AND pg_catalog.split_part(t.e, ':', 1)::bigint = kkb.kode_wilayah_bigint(kabkota);
END;
COMMENT ON FUNCTION kkb._gen_penduduk_kabkota(kkb.kode_wilayah) IS
	'Internal (generator): population of a regency/city (penduduk kabupaten/kota) from the national figures (github.com/cahyadsn/wilayah, MIT); NULL when unknown';

-- ---------------------------------------------------------------- the generator
CREATE FUNCTION kkb.hasilkan(wilayah kkb.kode_wilayah, skala float8 DEFAULT 1.0, benih integer DEFAULT 1,
                             bulan integer DEFAULT 12,
                             akhir date DEFAULT pg_catalog.date_trunc('month', CURRENT_DATE)::date)
	RETURNS TABLE (tabel text, baris bigint)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, kkb, pg_temp
	SET work_mem = '64MB'
	SET jit = off
AS $f$
#variable_conflict use_column
DECLARE
	v_wilayah kkb.kode_wilayah := hasilkan.wilayah;
	v_skala   float8 := hasilkan.skala;
	v_benih   integer := hasilkan.benih;
	v_bulan   integer := hasilkan.bulan;
	v_r       date := hasilkan.akhir;        -- the snapshot date: members are the residents on it
	v_p0      date;                          -- the last month (first day)
	v_w0      date;                          -- the first month (first day): the window of dated events
	v_ymd_r   integer;
	v_ymd_b   integer;                       -- the end of the last month as yyyymmdd, with day 99 (after any real day)
	v_mulai   timestamptz := pg_catalog.clock_timestamp();
	v_n_desa  integer;
	v_b       integer;
	v_selesai integer := 0;
	v_n       bigint;
	v_ada     text;
	n_kampung bigint := 0;
	n_keluarga bigint := 0;
	n_anggota bigint := 0;
	n_pengukuran bigint := 0;
	n_peristiwa bigint := 0;
	n_intervensi bigint := 0;
	n_profil bigint := 0;
	n_penduduk bigint := 0;
	n_kkbpk bigint := 0;
BEGIN
	IF v_wilayah IS NULL OR v_skala IS NULL OR v_benih IS NULL OR v_bulan IS NULL OR v_r IS NULL THEN
		RAISE EXCEPTION 'kkb.hasilkan: no argument may be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT (v_skala > 0 AND v_skala < 'Infinity'::float8) THEN
		RAISE EXCEPTION 'kkb.hasilkan: skala must be a positive number, not %', v_skala
			USING ERRCODE = 'invalid_parameter_value', HINT = 'skala 1.0 gives the national population figures; 0.02 is a small test load.';
	END IF;
	IF v_bulan NOT BETWEEN 1 AND 120 THEN
		RAISE EXCEPTION 'kkb.hasilkan: bulan must be between 1 and 120, not %', v_bulan USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF v_r > CURRENT_DATE OR v_r < '1990-01-01'::date THEN
		RAISE EXCEPTION 'kkb.hasilkan: akhir % is in the future or before 1990', v_r
			USING ERRCODE = 'invalid_parameter_value',
			      DETAIL = 'Every birth, family card, measurement and event is dated on or before akhir, and the validation refuses future dates.';
	END IF;
	SELECT pg_catalog.string_agg(k.kode_desa::text, ', ' ORDER BY k.kode_desa) INTO v_ada
	  FROM (SELECT k.kode_desa FROM kkb.kampung k WHERE k.kode_desa OPERATOR(kkb.<@) v_wilayah ORDER BY k.kode_desa LIMIT 3) k;
	IF v_ada IS NOT NULL THEN
		RAISE EXCEPTION 'kkb.hasilkan: region % already has Kampung KB data (%)', v_wilayah, v_ada
			USING ERRCODE = 'unique_violation', HINT = pg_catalog.format('SELECT * FROM kkb.hasilkan_hapus(%L) removes it first.', v_wilayah::text);
	END IF;

	v_p0 := pg_catalog.date_trunc('month', v_r)::date;
	v_w0 := (v_p0 - pg_catalog.make_interval(months => v_bulan - 1))::date;
	v_ymd_r := (pg_catalog.date_part('year', v_r) * 10000 + pg_catalog.date_part('month', v_r) * 100 + pg_catalog.date_part('day', v_r))::integer;
	v_ymd_b := (pg_catalog.date_part('year', v_p0) * 10000 + pg_catalog.date_part('month', v_p0) * 100 + 99)::integer;

	-- the months: k = 0 is the last; akhir_k, the month's last day, is the date its report describes
	-- (as kkb.profil_desa reads by-name records)
	CREATE TEMP TABLE _gen_bln AS
	SELECT b.k, b.periode, b.akhir_k,
	       (pg_catalog.date_part('year', b.akhir_k) * 10000 + pg_catalog.date_part('month', b.akhir_k) * 100
	        + pg_catalog.date_part('day', b.akhir_k))::integer AS ymd
	  FROM (SELECT k.k, (v_p0 - pg_catalog.make_interval(months => k.k))::date AS periode,
	               (v_p0 - pg_catalog.make_interval(months => k.k) + interval '1 month - 1 day')::date AS akhir_k
	          FROM pg_catalog.generate_series(0, v_bulan - 1) AS k(k)) b;

	-- WHO growth references by sex and age in days, read back from the extension's own
	-- z-score functions: length/height-for-age has L = 1, so two points give M and S;
	-- weight-for-age (L <> 1) is solved by Newton steps for the weights at z = -2, 0, +2.
	CREATE TEMP TABLE _gen_lms AS
	SELECT x.jk, x.hari, x.cara, 60 - x.z1 / ((x.z2 - x.z1) / 40) AS m,
	       1 / (((x.z2 - x.z1) / 40) * (60 - x.z1 / ((x.z2 - x.z1) / 40))) AS s,
	       x.w * 0.8 AS wm2, x.w AS w0, x.w * 1.25 AS wp2
	  FROM (SELECT j.jk, h.hari, c.cara, kkb.zscore_tbu(j.jk, h.hari, 60, c.cara) AS z1, kkb.zscore_tbu(j.jk, h.hari, 100, c.cara) AS z2,
	               (3.3 + 6.3 * (1 - pg_catalog.exp(-h.hari / 140.0)) + 0.0058 * h.hari)::float8 AS w
	          FROM (VALUES ('L'), ('P')) AS j(jk)
	         CROSS JOIN pg_catalog.generate_series(0, 1826) AS h(hari)
	         CROSS JOIN LATERAL (SELECT CASE WHEN h.hari < 731 THEN 'telentang' ELSE 'berdiri' END AS cara) c) x;
	FOR i IN 1 .. 7 LOOP
		UPDATE pg_temp._gen_lms l SET
			wm2 = l.wm2 * pg_catalog.exp(-(kkb.zscore_bbu(l.jk, l.hari, l.wm2) + 2) * 0.00995033085
			      / (kkb.zscore_bbu(l.jk, l.hari, l.wm2 * 1.01) - kkb.zscore_bbu(l.jk, l.hari, l.wm2))),
			w0 = l.w0 * pg_catalog.exp(-kkb.zscore_bbu(l.jk, l.hari, l.w0) * 0.00995033085
			      / (kkb.zscore_bbu(l.jk, l.hari, l.w0 * 1.01) - kkb.zscore_bbu(l.jk, l.hari, l.w0))),
			wp2 = l.wp2 * pg_catalog.exp(-(kkb.zscore_bbu(l.jk, l.hari, l.wp2) - 2) * 0.00995033085
			      / (kkb.zscore_bbu(l.jk, l.hari, l.wp2 * 1.01) - kkb.zscore_bbu(l.jk, l.hari, l.wp2)));
	END LOOP;
	CREATE UNIQUE INDEX ON pg_temp._gen_lms (jk, hari);
	ANALYZE pg_temp._gen_lms;

	-- the villages and everything that makes one village unlike another
	CREATE TEMP TABLE _gen_desa AS
	WITH d0 AS (
		SELECT w.kode, w.nama, kkb.kode_wilayah_bigint(w.kode) AS vk, kkb.kabkota(w.kode) AS kab
		  FROM kkb.wilayah w
		 WHERE w.tingkat = 4 AND w.kode OPERATOR(kkb.<@) v_wilayah
	), kab AS (
		-- the regency's population spread over all its villages by a weight of mean 1
		SELECT k.kab, kkb._gen_penduduk_kabkota(k.kab)::float8 AS penduduk,
		       (SELECT pg_catalog.sum(0.55 + 0.9 * kkb._gen_acak(kkb.kode_wilayah_bigint(x.kode), v_benih, 1))
		          FROM kkb.wilayah x WHERE x.tingkat = 4 AND x.kode OPERATOR(kkb.<@) k.kab) AS bobot
		  FROM (SELECT DISTINCT d0.kab FROM d0) k
	), d1 AS (
		SELECT d0.kode, d0.nama, d0.vk, d0.vk / 10000 AS kec6,
		       GREATEST(0, d0.vk % 1000 - 1 + (d0.vk % 10000 / 1000 - 1) * 100)::integer AS ord0,
		       kkb.adalah_kelurahan(d0.kode) AS kelurahan,
		       (pg_catalog.row_number() OVER (ORDER BY d0.kode))::integer AS no,
		       GREATEST(1, pg_catalog.round(v_skala * coalesce(kab.penduduk / kab.bobot, 1200)
		                                     * (0.55 + 0.9 * kkb._gen_acak(d0.vk, v_benih, 1)))) AS penduduk,
		       pg_catalog.width_bucket(kkb._gen_acak(d0.vk, v_benih, 2), '{0.30,0.60,0.75}'::float8[]) AS tingkat,
		       kkb._gen_acak(d0.vk, v_benih, 3) AS u3
		  FROM d0 JOIN kab ON kab.kab OPERATOR(kkb.=) d0.kab
	), d2 AS (
		-- the class the village is meant to reach: which of the input, process and output indices are met
		SELECT d1.*, d1.tingkat = 0 AND d1.u3 < 0.5 AS tertinggal,
		       CASE d1.tingkat WHEN 0 THEN d1.u3 >= 0.5 AND d1.u3 < 0.75 WHEN 2 THEN d1.u3 < 0.5 ELSE true END AS input_ok,
		       CASE d1.tingkat WHEN 0 THEN d1.u3 >= 0.75 WHEN 2 THEN d1.u3 >= 0.5 ELSE true END AS proses_ok,
		       d1.tingkat >= 2 AS output_ok
		  FROM d1
	), d3 AS (
		SELECT d2.*, (d2.no - 1) / 10 AS batch,
		       GREATEST(1, pg_catalog.round(d2.penduduk / 3.8))::integer AS n_kel,
		       -- mean length/height-for-age z of the village's children
		       -1.18 + 0.30 * kkb._gen_normal(d2.vk, v_benih, 4) - CASE WHEN d2.tertinggal THEN 0.2 ELSE 0 END
		             + CASE WHEN d2.output_ok THEN 0.12 ELSE 0 END AS mu_tb,
		       CASE WHEN d2.output_ok THEN 0.70 + 0.10 * kkb._gen_acak(d2.vk, v_benih, 5)
		            WHEN d2.tertinggal THEN 0.35 + 0.15 * kkb._gen_acak(d2.vk, v_benih, 5)
		            ELSE 0.42 + 0.18 * kkb._gen_acak(d2.vk, v_benih, 5) END AS cpr,
		       CASE WHEN d2.output_ok THEN 0.02 + 0.035 * kkb._gen_acak(d2.vk, v_benih, 6)
		            ELSE 0.10 + 0.07 * kkb._gen_acak(d2.vk, v_benih, 6) END AS unmet,
		       CASE WHEN d2.output_ok THEN 0.30 + 0.12 * kkb._gen_acak(d2.vk, v_benih, 7)
		            ELSE 0.08 + 0.11 * kkb._gen_acak(d2.vk, v_benih, 7) END AS mkjp,
		       CASE WHEN d2.output_ok THEN 0.40 + 0.25 * kkb._gen_acak(d2.vk, v_benih, 8)
		            ELSE 0.03 + 0.14 * kkb._gen_acak(d2.vk, v_benih, 8) END AS partisipasi,
		       0.45 + 0.35 * kkb._gen_acak(d2.vk, v_benih, 9) AS hadir,
		       pg_catalog.floor(26 * kkb._gen_acak(d2.vk, v_benih, 10))::integer AS hari_posyandu,
		       0.02 + 0.30 * kkb._gen_acak(d2.vk, v_benih, 11) ^ 2 AS p_air,
		       0.04 + 0.30 * kkb._gen_acak(d2.vk, v_benih, 12) ^ 2 AS p_jamban,
		       0.04 + 0.12 * kkb._gen_acak(d2.vk, v_benih, 13) + CASE WHEN d2.tertinggal THEN 0.05 ELSE 0 END AS p_miskin,
		       0.02 + 0.15 * kkb._gen_acak(d2.vk, v_benih, 14) ^ 2 AS p_sekolah,
		       0.01 + 0.12 * kkb._gen_acak(d2.vk, v_benih, 15) ^ 2 AS p_akta,
		       0.80 + 0.18 * kkb._gen_acak(d2.vk, v_benih, 16) AS jkn,
		       0.010 + 0.020 * kkb._gen_acak(d2.vk, v_benih, 17) AS imr,
		       3 + pg_catalog.floor(10 * kkb._gen_acak(d2.vk, v_benih, 18))::integer AS n_rt,
		       d2.input_ok OR NOT d2.tertinggal OR kkb._gen_acak(d2.vk, v_benih, 19) >= 0.6 AS pokja_ada,
		       CASE WHEN d2.input_ok THEN 10 + pg_catalog.floor(16 * kkb._gen_acak(d2.vk, v_benih, 20))
		            ELSE 5 + pg_catalog.floor(10 * kkb._gen_acak(d2.vk, v_benih, 20)) END::integer AS pokja_anggota,
		       kkb._gen_acak(d2.vk, v_benih, 21) AS u21,
		       CASE WHEN d2.input_ok THEN 2 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 22))
		            WHEN d2.tertinggal THEN pg_catalog.floor(2 * kkb._gen_acak(d2.vk, v_benih, 22))
		            ELSE pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 22)) END::integer AS n_dana,
		       kkb._gen_acak(d2.vk, v_benih, 23) AS u23,
		       CASE WHEN d2.input_ok THEN 5 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 24))
		            WHEN d2.output_ok THEN 4
		            WHEN d2.tertinggal THEN pg_catalog.floor(3 * kkb._gen_acak(d2.vk, v_benih, 24))
		            ELSE 1 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 24)) END::integer AS n_poktan,
		       CASE WHEN d2.input_ok THEN CASE WHEN kkb._gen_acak(d2.vk, v_benih, 25) < 0.7 THEN '{sekretariat,rumah_dataku}' ELSE '{sekretariat}' END
		            WHEN d2.tertinggal THEN '{}'
		            ELSE CASE WHEN kkb._gen_acak(d2.vk, v_benih, 25) < 0.5 THEN '{sekretariat}' ELSE '{}' END END::kkb.sarana[] AS sarana,
		       CASE WHEN d2.proses_ok THEN 2 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 26))
		            WHEN d2.tertinggal THEN pg_catalog.floor(2 * kkb._gen_acak(d2.vk, v_benih, 26))
		            ELSE pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 26)) END::integer AS n_data,
		       CASE WHEN d2.proses_ok THEN 3 + pg_catalog.floor(3 * kkb._gen_acak(d2.vk, v_benih, 27))
		            WHEN d2.tertinggal THEN pg_catalog.floor(3 * kkb._gen_acak(d2.vk, v_benih, 27))
		            ELSE 1 + pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 27)) END::integer AS n_mekanisme,
		       CASE WHEN d2.proses_ok THEN 4 + pg_catalog.floor(5 * kkb._gen_acak(d2.vk, v_benih, 28))
		            WHEN d2.tertinggal THEN pg_catalog.floor(2 * kkb._gen_acak(d2.vk, v_benih, 28))
		            ELSE pg_catalog.floor(4 * kkb._gen_acak(d2.vk, v_benih, 28)) END::integer AS n_opd,
		       LEAST(v_r, '2016-01-14'::date + pg_catalog.floor(2900 * kkb._gen_acak(d2.vk, v_benih, 29))::integer) AS tanggal_pencanangan
		  FROM d2
	)
	SELECT d3.*,
	       d3.input_ok OR (d3.pokja_ada AND d3.u21 < CASE WHEN d3.tertinggal THEN 0.3 ELSE 0.5 END) AS pokja_terlatih,
	       d3.input_ok OR (NOT d3.tertinggal AND d3.u23 < 0.3) OR (d3.tertinggal AND d3.u23 < 0.4) AS pkb_pendamping,
	       d3.input_ok OR (NOT d3.tertinggal AND d3.u23 >= 0.3 AND d3.u23 < 0.6) AS regulasi,
	       ARRAY(SELECT x.e FROM (SELECT t.e FROM pg_catalog.unnest(CASE WHEN d3.kelurahan THEN '{apbd,swadaya,apbn,csr,hibah}'::kkb.sumber_dana[]
	                                                                    ELSE '{dana_desa,apbd,swadaya,apbn,csr,hibah}'::kkb.sumber_dana[] END)
	                                         WITH ORDINALITY AS t(e, i)
	                               ORDER BY t.i > 2, kkb._gen_acak(d3.vk * 128 + t.i, v_benih, 32) LIMIT d3.n_dana) x ORDER BY x.e) AS sumber_dana,
	       ARRAY(SELECT t.e FROM pg_catalog.unnest('{bkb,bkl,bkr,uppka,pikr,pelayanan_kb,kependudukan,sektor_lain}'::kkb.poktan[]) WITH ORDINALITY AS t(e, i)
	              WHERE t.i <= d3.n_poktan ORDER BY t.e) AS poktan,
	       ARRAY(SELECT t.e FROM pg_catalog.unnest('{pk,rutin_bkkbn,potensi_desa,sektoral,lainnya}'::kkb.sumber_data[]) WITH ORDINALITY AS t(e, i)
	              WHERE t.i <= d3.n_data ORDER BY t.e) AS penggunaan_data,
	       ARRAY(SELECT t.e FROM pg_catalog.unnest('{pelaporan,rapat_perencanaan,koordinasi,sosialisasi,monev}'::kkb.mekanisme_operasional[])
	                             WITH ORDINALITY AS t(e, i)
	              WHERE t.i <= d3.n_mekanisme ORDER BY t.e) AS mekanisme_operasional,
	       CASE WHEN d3.n_opd = 0 THEN (kkb._gen_acak(d3.vk, v_benih, 33) < 0.5)::integer
	            ELSE d3.n_opd + pg_catalog.floor((d3.n_opd + 3) * kkb._gen_acak(d3.vk, v_benih, 33))::integer END AS n_intervensi,
	       -- the secretariat: near Kota Pariaman's district centres, elsewhere near the province's
	       coalesce(c.lintang, p.lintang) + (kkb._gen_acak(d3.vk, v_benih, 34) - 0.5) * coalesce(c.sebar, 0.4) AS lintang,
	       coalesce(c.bujur, p.bujur) + (kkb._gen_acak(d3.vk, v_benih, 35) - 0.5) * coalesce(c.sebar, 0.4) AS bujur
	  FROM d3
	  LEFT JOIN (VALUES (137701, -0.625, 100.118, 0.03), (137702, -0.580, 100.135, 0.04), (137703, -0.665, 100.140, 0.04),
	                    (137704, -0.625, 100.170, 0.04)) AS c(kec6, lintang, bujur, sebar) ON c.kec6 = d3.kec6
	  LEFT JOIN (VALUES (11, 4.5, 96.7), (12, 2.2, 99.4), (13, -0.75, 100.6), (14, 0.5, 101.5), (15, -1.6, 103.2), (16, -3.2, 104.2),
	                    (17, -3.8, 102.3), (18, -4.9, 105.2), (19, -2.3, 106.1), (21, 0.9, 104.5), (31, -6.2, 106.85), (32, -6.9, 107.6),
	                    (33, -7.2, 110.2), (34, -7.85, 110.4), (35, -7.6, 112.5), (36, -6.4, 106.1), (51, -8.4, 115.2), (52, -8.6, 117.3),
	                    (53, -9.0, 121.5), (61, 0.1, 110.4), (62, -1.6, 113.4), (63, -3.0, 115.3), (64, 0.5, 116.4), (65, 3.0, 116.3),
	                    (71, 1.0, 124.3), (72, -1.4, 121.4), (73, -4.1, 120.0), (74, -4.1, 122.2), (75, 0.6, 122.4), (76, -2.5, 119.3),
	                    (81, -3.2, 129.0), (82, 1.0, 127.8), (91, -2.4, 139.0), (92, -1.4, 133.3), (93, -6.8, 139.6), (94, -3.8, 136.3),
	                    (95, -4.1, 138.9), (96, -1.1, 131.8)) AS p(prov, lintang, bujur) ON p.prov = d3.vk / 100000000;
	CREATE UNIQUE INDEX ON pg_temp._gen_desa (vk);
	ANALYZE pg_temp._gen_desa;

	SELECT pg_catalog.count(*) INTO v_n_desa FROM pg_temp._gen_desa;
	IF v_n_desa = 0 THEN
		RAISE EXCEPTION 'kkb.hasilkan: region % has no villages', v_wilayah
			USING ERRCODE = 'no_data_found', HINT = 'Give a province, regency/city, district or village code of kkb.wilayah.';
	END IF;
	RAISE NOTICE 'kkb.hasilkan: % villages under %, about % people, months % to %', v_n_desa, v_wilayah,
		(SELECT pg_catalog.sum(d.penduduk)::bigint FROM pg_temp._gen_desa d), pg_catalog.to_char(v_w0, 'YYYY-MM'), pg_catalog.to_char(v_p0, 'YYYY-MM');

	FOR v_b IN 0 .. (v_n_desa - 1) / 10 LOOP
		-- ------------------------------------------------ Kampung KB
		INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan, nomor_sk, lintang, bujur, alamat_sekretariat)
		SELECT d.kode, 'Kampung KB ' || d.nama, d.tanggal_pencanangan,
		       pg_catalog.format('%s/KPTS/%s/%s', 100 + pg_catalog.floor(800 * kkb._gen_acak(d.vk, v_benih, 36))::integer,
		                         CASE WHEN d.kelurahan THEN 'KEL' ELSE 'DESA' END, pg_catalog.date_part('year', d.tanggal_pencanangan)),
		       pg_catalog.round(d.lintang::numeric, 6), pg_catalog.round(d.bujur::numeric, 6),
		       pg_catalog.format('Kantor %s %s', CASE WHEN d.kelurahan THEN 'Lurah' ELSE 'Desa' END, d.nama)
		  FROM pg_temp._gen_desa d WHERE d.batch = v_b ORDER BY d.kode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_kampung := n_kampung + v_n;
		v_selesai := v_selesai + v_n::integer;

		-- ------------------------------------------------ families: size, type, ages of the couple, children
		-- (OFFSET 0 keeps the planner from pulling the draws c0, c, g0 and g1 up into the later ones: pulled
		-- up, every reference repeats the whole expression it names, and planning this statement took
		-- 250-1,100 ms a batch, over a third of a province's load at 1% density)
		CREATE TEMP TABLE _gen_kel AS
		SELECT d.no, d.vk, d.kode, d.kec6, d.ord0, f.fk, b.s, c0.tipe, c.kepala_p, e0.tua, g0.n_anak, g1.aw, h0.ah, h.y1,
		       CASE WHEN kkb._gen_acak(f.fk, v_benih, 12) < 0.012 * v_bulan / 12.0
		            THEN v_w0 + pg_catalog.floor((v_r - v_w0 + 1) * kkb._gen_acak(f.fk, v_benih, 13))::integer END AS masuk
		  FROM pg_temp._gen_desa d
		 CROSS JOIN LATERAL pg_catalog.generate_series(1, d.n_kel) AS i(i)
		 CROSS JOIN LATERAL (SELECT d.vk * 1000000 + i.i AS fk) f
		 -- household size 1..9, mean about 3.8
		 CROSS JOIN LATERAL (SELECT 1 + pg_catalog.width_bucket(kkb._gen_acak(f.fk, v_benih, 1),
		                                '{0.07,0.22,0.44,0.69,0.86,0.94,0.98,0.995}'::float8[]) AS s) b
		 CROSS JOIN LATERAL (SELECT CASE WHEN b.s = 1 THEN 'tunggal' WHEN kkb._gen_acak(f.fk, v_benih, 2) < 0.86 THEN 'pasangan' ELSE 'ortu' END AS tipe,
		                            kkb._gen_acak(f.fk, v_benih, 3) AS u3, kkb._gen_acak(f.fk, v_benih, 4) AS u4,
		                            kkb._gen_acak(f.fk, v_benih, 5) AS u5 OFFSET 0) c0
		 -- aw: age of the wife (or of the single parent; of the absent mother for a widower)
		 CROSS JOIN LATERAL (SELECT CASE c0.tipe WHEN 'tunggal' THEN c0.u3 < 0.6 WHEN 'ortu' THEN c0.u3 < 0.75 ELSE false END AS kepala_p,
		        CASE WHEN c0.tipe = 'tunggal' THEN CASE WHEN c0.u4 < 0.55 THEN 60 + 30 * c0.u5 ^ 1.3 ELSE 19 + 21 * c0.u5 END
		             WHEN c0.tipe = 'pasangan' AND b.s = 2 THEN CASE WHEN c0.u4 < 0.45 THEN 19 + 9 * c0.u5 ELSE 50 + 28 * c0.u5 ^ 1.2 END
		             ELSE ('{18,20,25,30,35,40,45,50,55,60,65,70,75}'::float8[])[1 + pg_catalog.width_bucket(c0.u4,
		                      '{0.015,0.085,0.195,0.32,0.445,0.565,0.675,0.77,0.85,0.91,0.955,0.982}'::float8[])]
		                  + CASE WHEN c0.u4 < 0.015 THEN 2 ELSE 5 END * c0.u5 END AS aw0,
		        b.s - 1 - (c0.tipe = 'pasangan')::integer AS n_sisa OFFSET 0) c
		 CROSS JOIN LATERAL (SELECT c0.tipe <> 'tunggal' AND c.aw0 >= 50 AS tua,
		                            kkb._gen_acak(f.fk, v_benih, 6) AS u6, kkb._gen_acak(f.fk, v_benih, 7) AS u7) e0
		 -- children, and the others: grandchildren with older couples, a parent or a relative with younger ones
		 CROSS JOIN LATERAL (SELECT CASE WHEN c0.tipe = 'tunggal' THEN 0
		                                 WHEN e0.tua THEN LEAST(c.n_sisa, 1 + pg_catalog.floor(3 * e0.u6)::integer)
		                                 -- a young mother has at most one child per four years past 19; the rest live with her family
		                                 ELSE LEAST(c.n_sisa - CASE WHEN c.n_sisa >= 3 AND e0.u6 < 0.25
		                                                            THEN 1 + (c.n_sisa >= 5 AND e0.u7 < 0.3)::integer ELSE 0 END,
		                                            1 + GREATEST(0, pg_catalog.floor((c.aw0 - 19) / 4))::integer) END AS n_anak OFFSET 0) g0
		 CROSS JOIN LATERAL (SELECT CASE WHEN c0.tipe <> 'tunggal' AND NOT e0.tua
		                                 THEN GREATEST(c.aw0, 18.5 + 1.6 * g0.n_anak + 2 * kkb._gen_acak(f.fk, v_benih, 8))
		                                 ELSE c.aw0 END AS aw OFFSET 0) g1
		 CROSS JOIN LATERAL (SELECT CASE c0.tipe WHEN 'pasangan' THEN LEAST(95, GREATEST(19, g1.aw - 1 + 9 * kkb._gen_acak(f.fk, v_benih, 9)))
		                                         WHEN 'ortu' THEN CASE WHEN c.kepala_p THEN g1.aw ELSE LEAST(95, g1.aw + 3) END
		                                         ELSE g1.aw END AS ah,
		                            -- a child under five: about as likely as births to married women of the mother's age over five years
		                            g0.n_anak >= 1 AND NOT e0.tua AND kkb._gen_acak(f.fk, v_benih, 10)
		                              < CASE WHEN g1.aw < 25 THEN 0.75 WHEN g1.aw < 30 THEN 0.62 WHEN g1.aw < 35 THEN 0.45 WHEN g1.aw < 40 THEN 0.28
		                                     WHEN g1.aw < 45 THEN 0.11 WHEN g1.aw < 48 THEN 0.02 ELSE 0 END
		                                * CASE WHEN c0.tipe = 'ortu' THEN 0.6 ELSE 1 END AS balita) h0
		 -- y1: age of the youngest child: under five, or else born when the mother was 44 at most and
		 -- leaving room for the elder ones (two years apart) after her 20th birthday
		 CROSS JOIN LATERAL (SELECT GREATEST(5, g1.aw - 44) AS y1_min, g1.aw - 20 - 2 * (g0.n_anak - 1) AS y1_maks) h1
		 CROSS JOIN LATERAL (SELECT CASE WHEN g0.n_anak = 0 THEN NULL
		                                 WHEN h0.balita OR h1.y1_maks < 5 THEN LEAST(4.99, GREATEST(0, g1.aw - 18 - 1.3 * (g0.n_anak - 1)))
		                                                                       * kkb._gen_acak(f.fk, v_benih, 11)
		                                 ELSE h1.y1_min + GREATEST(0, h1.y1_maks - h1.y1_min) * kkb._gen_acak(f.fk, v_benih, 11) END AS y1) h
		 WHERE d.batch = v_b;
		ANALYZE pg_temp._gen_kel;

		-- ------------------------------------------------ members
		CREATE TEMP TABLE _gen_ang AS
		WITH m AS (
			SELECT k.*, p.p, k.fk * 16 + p.p AS mk,
			       CASE WHEN p.p = 1 THEN 'kepala'
			            WHEN p.p = 2 AND k.tipe = 'pasangan' THEN 'istri'
			            WHEN p.p <= 1 + (k.tipe = 'pasangan')::integer + k.n_anak THEN 'anak'
			            WHEN k.tua AND kkb._gen_acak(k.fk * 16 + p.p, v_benih, 1) < 0.65 THEN 'cucu'
			            WHEN kkb._gen_acak(k.fk * 16 + p.p, v_benih, 1) < 0.6 THEN 'orang_tua'
			            ELSE 'famili_lain' END AS hub,
			       -- years between a child and the next younger one
			       CASE WHEN p.p > 2 + (k.tipe = 'pasangan')::integer AND p.p <= 1 + (k.tipe = 'pasangan')::integer + k.n_anak
			            THEN 2.0 + 4.5 * kkb._gen_acak(k.fk * 16 + p.p, v_benih, 2) ELSE 0 END AS jarak
			  FROM pg_temp._gen_kel k CROSS JOIN LATERAL pg_catalog.generate_series(1, k.s) AS p(p)
		), a AS (
			SELECT m.*, pg_catalog.sum(m.jarak) OVER (PARTITION BY m.fk ORDER BY m.p) AS kum,
			       pg_catalog.sum(m.jarak) OVER (PARTITION BY m.fk) AS total
			  FROM m
		), b AS (
			SELECT a.*,
			       CASE a.hub WHEN 'kepala' THEN a.ah WHEN 'istri' THEN a.aw
			            -- children born when the mother was 18 or older: gaps shrink to fit
			            WHEN 'anak' THEN a.y1 + a.kum * CASE WHEN a.total > 0 THEN LEAST(1, GREATEST(0, a.aw - 18 - a.y1) / a.total) ELSE 1 END
			            WHEN 'cucu' THEN 0.3 + kkb._gen_acak(a.mk, v_benih, 3) * LEAST(14, a.aw - 38)
			            WHEN 'orang_tua' THEN LEAST(95, a.ah + 22 + 10 * kkb._gen_acak(a.mk, v_benih, 3))
			            ELSE 15 + 20 * kkb._gen_acak(a.mk, v_benih, 3) END AS umur0,
			       CASE a.hub WHEN 'kepala' THEN CASE WHEN a.kepala_p THEN 'P' ELSE 'L' END
			            WHEN 'istri' THEN 'P'
			            WHEN 'orang_tua' THEN CASE WHEN kkb._gen_acak(a.mk, v_benih, 4) < 0.7 THEN 'P' ELSE 'L' END
			            ELSE CASE WHEN kkb._gen_acak(a.mk, v_benih, 4) < 0.512 THEN 'L' ELSE 'P' END END AS jk
			  FROM a
		), c AS (
			SELECT b.*, v_r - pg_catalog.floor(b.umur0 * 365.25)::integer AS tanggal_lahir
			  FROM b
		), e AS (
			SELECT c.*, t.ymd, (v_ymd_r - t.ymd) / 10000 AS umur, v_r - c.tanggal_lahir AS hari,
			       -- NIK: district of the village, birth date (day + 40 for women); the serial comes below
			       c.kec6 * 10000000000 + (t.dd + CASE WHEN c.jk = 'P' THEN 40 ELSE 0 END) * 100000000 + t.mm * 1000000 + t.yy * 10000 AS nik0,
			       CASE c.hub
			            WHEN 'kepala' THEN CASE WHEN c.tipe = 'pasangan' THEN 'kawin'
			                                    WHEN c.tipe = 'tunggal' AND c.umur0 >= 55 THEN CASE WHEN kkb._gen_acak(c.mk, v_benih, 5) < 0.85 THEN 'cerai_mati' ELSE 'cerai_hidup' END
			                                    WHEN c.tipe = 'tunggal' THEN CASE WHEN kkb._gen_acak(c.mk, v_benih, 5) < 0.85 THEN 'belum_kawin' ELSE 'cerai_hidup' END
			                                    WHEN c.umur0 >= 45 OR kkb._gen_acak(c.mk, v_benih, 5) < 0.4 THEN 'cerai_mati'
			                                    ELSE 'cerai_hidup' END
			            WHEN 'istri' THEN 'kawin' WHEN 'orang_tua' THEN 'cerai_mati' ELSE 'belum_kawin' END AS status_kawin
			  FROM c
			 CROSS JOIN LATERAL (SELECT pg_catalog.date_part('day', c.tanggal_lahir)::bigint AS dd, pg_catalog.date_part('month', c.tanggal_lahir)::bigint AS mm,
			                            pg_catalog.date_part('year', c.tanggal_lahir)::bigint % 100 AS yy,
			                            (pg_catalog.date_part('year', c.tanggal_lahir) * 10000 + pg_catalog.date_part('month', c.tanggal_lahir) * 100
			                             + pg_catalog.date_part('day', c.tanggal_lahir))::integer AS ymd) t
		), n AS (
			-- serial: unique within the village for each district/birth date/sex; villages of a district start 50 apart
			SELECT e.*, e.nik0 + 1 + ((e.ord0 * 50 + pg_catalog.row_number() OVER (PARTITION BY e.vk, e.nik0 ORDER BY e.mk) - 1) % 9999) AS nik,
			       -- a couple of reproductive age throughout the last month (married women 15 to 49)
			       e.jk = 'P' AND e.status_kawin = 'kawin' AND e.umur >= 15 AND (v_ymd_b - e.ymd) / 10000 <= 49 AS pus
			  FROM e
		), h AS (
			SELECT n.*, n.pus AND kkb._gen_acak(n.mk, v_benih, 6)
			              < CASE WHEN n.umur < 20 THEN 0.10 WHEN n.umur < 25 THEN 0.12 WHEN n.umur < 30 THEN 0.11 WHEN n.umur < 35 THEN 0.08
			                     WHEN n.umur < 40 THEN 0.05 WHEN n.umur < 45 THEN 0.02 ELSE 0.004 END
			                * CASE WHEN n.y1 < 0.75 THEN 0.2 ELSE 1 END AS hamil
			  FROM n
		), q AS (
			-- contraception by quota within the village: users, unmet need (IAT/TIAL), wanting a child soon
			SELECT h.*, h.pus AND NOT h.hamil AS pus_kb,
			       pg_catalog.row_number() OVER (PARTITION BY h.vk, h.pus AND NOT h.hamil ORDER BY kkb._gen_acak(h.mk, v_benih, 7), h.mk) AS r_kb,
			       pg_catalog.count(*) OVER (PARTITION BY h.vk, h.pus AND NOT h.hamil) AS n_kb
			  FROM h
		), q2 AS (
			SELECT q.*, d.mkjp, d.jkn, d.p_akta, d.p_sekolah,
			       q.pus_kb AND q.r_kb <= pg_catalog.round(d.cpr * q.n_kb) AS pengguna,
			       q.pus_kb AND q.r_kb > pg_catalog.round(d.cpr * q.n_kb) AND q.r_kb <= pg_catalog.round((d.cpr + d.unmet) * q.n_kb) AS unmet_need
			  FROM q JOIN pg_temp._gen_desa d ON d.vk = q.vk
		), q3 AS (
			SELECT q2.*,
			       pg_catalog.row_number() OVER (PARTITION BY q2.vk, q2.pengguna ORDER BY kkb._gen_acak(q2.mk, v_benih, 8), q2.mk) AS r_m,
			       pg_catalog.count(*) OVER (PARTITION BY q2.vk, q2.pengguna) AS n_m,
			       kkb._gen_acak(q2.mk, v_benih, 9) AS u9,
			       CASE WHEN q2.umur < 5 THEN NULL
			            WHEN q2.umur <= 6 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.5
			            WHEN q2.umur <= 12 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.99
			            WHEN q2.umur <= 15 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.97 - q2.p_sekolah / 2
			            WHEN q2.umur <= 18 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.92 - q2.p_sekolah
			            WHEN q2.umur <= 24 THEN kkb._gen_acak(q2.mk, v_benih, 12) < 0.30
			            ELSE false END AS sekolah
			  FROM q2
		)
		SELECT q3.no, q3.vk, q3.kode, q3.fk, q3.mk, q3.p, q3.hub::kkb.hubungan AS hubungan, q3.jk, q3.tanggal_lahir, q3.ymd, q3.umur, q3.hari,
		       q3.nik, q3.pus, q3.masuk, q3.tipe, q3.kepala_p, q3.status_kawin::kkb.status_kawin AS status_kawin, q3.sekolah,
		       CASE WHEN q3.jk = 'L' THEN ('{Ahmad,Muhammad,Rizky,Fajar,Andi,Budi,Hendra,Yusuf,Ilham,Fadli,Rahmat,Syafrizal,Zulkifli,Irwan,Deni,Arif,Hafiz,Reza,Taufik,Dedi,Rudi,Afrizal,Nofrizal,Erizal,Syahrul,Wahyu,Rafi,Alif,Fauzan,Habib,Iqbal,Yoga,Dimas,Rendi,Aldi,Firman,Joni,Hasan,Darmawan,Yuliandri}'::text[])
		                                       [1 + pg_catalog.floor(40 * kkb._gen_acak(q3.mk, v_benih, 20))::integer]
		                                   || CASE WHEN kkb._gen_acak(q3.mk, v_benih, 21) < 0.7 THEN ' ' || ('{Saputra,Pratama,Hidayat,Putra,Rahman,Syahputra,Firdaus,Kurniawan,Gunawan,Setiawan,Hakim,Ramadhan,Maulana,Akbar,Fauzi,Chaniago,Piliang,Koto,Tanjung,Sikumbang,Jambak,Efendi,Syafei,Yunus,Amri,Zein,Sutan,Malin,Bagindo,Rajo}'::text[])
		                                       [1 + pg_catalog.floor(30 * kkb._gen_acak(q3.mk, v_benih, 22))::integer] ELSE '' END
		            ELSE ('{Siti,Nur,Dewi,Sri,Fitri,Rina,Yulia,Nurhayati,Rahmi,Desi,Yeni,Elvi,Fitriani,Wulan,Putri,Aisyah,Zahra,Nadia,Indah,Mardiana,Rosmawati,Yusnita,Novita,Lestari,Asni,Suryani,Syafrida,Hasnah,Ratna,Salsabila,Nabila,Annisa,Rahmawati,Febrianti,Yolanda,Mega,Sinta,Vivi,Ernawati,Zuraida}'::text[])
		                 [1 + pg_catalog.floor(40 * kkb._gen_acak(q3.mk, v_benih, 20))::integer]
		                 || CASE WHEN kkb._gen_acak(q3.mk, v_benih, 21) < 0.6 THEN ' ' || ('{Wati,Sari,Yanti,Handayani,Lestari,Rahmawati,Putri,Anggraini,Oktaviani,Kurniasih,Maharani,Ningsih,Susanti,Fitriani,Wahyuni,Rosa,Amelia,Yunita,Mulyani,Ramadhani,Safitri,Novianti,Syafitri,Utami,Permata}'::text[])
		                 [1 + pg_catalog.floor(25 * kkb._gen_acak(q3.mk, v_benih, 22))::integer] ELSE '' END END AS nama,
		       CASE WHEN q3.umur < 7 THEN 'Tidak/Belum Sekolah'
		            WHEN q3.umur <= 12 THEN 'Belum Tamat SD/Sederajat'
		            WHEN q3.umur <= 15 THEN 'Tamat SD/Sederajat'
		            WHEN q3.umur <= 18 THEN 'SLTP/Sederajat'
		            ELSE ('{Tidak/Belum Sekolah,Belum Tamat SD/Sederajat,Tamat SD/Sederajat,SLTP/Sederajat,SLTA/Sederajat,Diploma I/II,Akademi/Diploma III/S. Muda,Diploma IV/Strata I,Strata II}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 13),
		                      CASE WHEN q3.umur < 25 THEN '{0,0.01,0.06,0.21,0.85,0.87,0.91,1}'::float8[]
		                           WHEN q3.umur < 45 THEN '{0.01,0.03,0.15,0.33,0.77,0.79,0.84,0.98}'::float8[]
		                           WHEN q3.umur < 60 THEN '{0.03,0.08,0.34,0.54,0.87,0.88,0.92,0.99}'::float8[]
		                           ELSE '{0.15,0.27,0.65,0.79,0.94,0.945,0.96,0.995}'::float8[] END)] END AS pendidikan,
		       CASE WHEN q3.umur < 5 THEN 'Belum/Tidak Bekerja'
		            WHEN q3.sekolah THEN 'Pelajar/Mahasiswa'
		            WHEN q3.umur < 17 THEN 'Belum/Tidak Bekerja'
		            WHEN q3.jk = 'P' THEN ('{Mengurus Rumah Tangga,Pedagang,Wiraswasta,Guru,Pegawai Negeri Sipil,Karyawan Swasta,Petani/Pekebun,Buruh Harian Lepas,Belum/Tidak Bekerja}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 14), '{0.50,0.64,0.74,0.79,0.83,0.90,0.95,0.97}'::float8[])]
		            WHEN q3.umur >= 60 THEN ('{Belum/Tidak Bekerja,Petani/Pekebun,Pedagang,Wiraswasta,Pensiunan,Nelayan/Perikanan}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 14), '{0.35,0.58,0.72,0.85,0.95}'::float8[])]
		            ELSE ('{Petani/Pekebun,Nelayan/Perikanan,Pedagang,Wiraswasta,Karyawan Swasta,Buruh Harian Lepas,Pegawai Negeri Sipil,Sopir,Belum/Tidak Bekerja}'::text[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(q3.mk, v_benih, 14), '{0.17,0.27,0.41,0.61,0.73,0.87,0.92,0.96}'::float8[])] END AS pekerjaan,
		       kkb._gen_acak(q3.mk, v_benih, 15) < q3.jkn AS jaminan_kesehatan,
		       CASE WHEN q3.umur < 18 THEN kkb._gen_acak(q3.mk, v_benih, 16) >= q3.p_akta ELSE kkb._gen_acak(q3.mk, v_benih, 16) < 0.85 END AS akta_lahir,
		       CASE WHEN q3.pus THEN q3.hamil END AS hamil,
		       CASE WHEN q3.pengguna THEN
		            CASE WHEN q3.r_m <= pg_catalog.round(q3.mkjp * q3.n_m)
		                 THEN CASE pg_catalog.width_bucket(q3.u9, '{0.45,0.82,0.98}'::float8[])
		                           WHEN 0 THEN 'implan' WHEN 1 THEN 'iud' WHEN 2 THEN CASE WHEN q3.umur >= 30 THEN 'mow' ELSE 'implan' END
		                           ELSE 'mop' END
		                 ELSE CASE pg_catalog.width_bucket(q3.u9, '{0.75,0.96}'::float8[]) WHEN 0 THEN 'suntik' WHEN 1 THEN 'pil' ELSE 'kondom' END END
		       END::kkb.kontrasepsi AS kontrasepsi,
		       CASE WHEN q3.hamil THEN 'hamil'
		            WHEN q3.unmet_need THEN CASE WHEN q3.umur < 30 OR q3.y1 < 2 THEN 'iat' ELSE 'tial' END
		            WHEN q3.pus_kb AND NOT q3.pengguna THEN 'ingin_anak_segera' END::kkb.alasan_tidak_kb AS alasan_tidak_kb,
		       -- a quarter of the users started during the months (new acceptors): how many months before the last
		       CASE WHEN q3.pengguna AND kkb._gen_acak(q3.mk, v_benih, 10) < 0.25
		            THEN pg_catalog.floor(v_bulan * kkb._gen_acak(q3.mk, v_benih, 11))::integer END AS kb_mulai
		  FROM q3;
		CREATE INDEX ON pg_temp._gen_ang (fk);
		ANALYZE pg_temp._gen_ang;

		-- family card: issued after the youngest member's birth (and after moving in), no later than akhir
		CREATE TEMP TABLE _gen_kk AS
		SELECT f.*, f.kk0 + 1 + ((f.ord0 * 50 + pg_catalog.row_number() OVER (PARTITION BY f.vk, f.kk0 ORDER BY f.fk) - 1) % 9999) AS no_kk
		  FROM (SELECT k.fk, k.vk, k.ord0, k.kode, t.tgl,
		               k.kec6 * 10000000000 + pg_catalog.date_part('day', t.tgl)::bigint * 100000000
		               + pg_catalog.date_part('month', t.tgl)::bigint * 1000000 + (pg_catalog.date_part('year', t.tgl)::bigint % 100) * 10000 AS kk0
		          FROM pg_temp._gen_kel k
		          JOIN (SELECT a.fk, pg_catalog.max(a.tanggal_lahir) AS termuda FROM pg_temp._gen_ang a GROUP BY a.fk) y ON y.fk = k.fk
		         CROSS JOIN LATERAL (SELECT LEAST(v_r, GREATEST(v_r - pg_catalog.floor(4000 * kkb._gen_acak(k.fk, v_benih, 14))::integer,
		                                                         y.termuda + 7 + pg_catalog.floor(90 * kkb._gen_acak(k.fk, v_benih, 15))::integer,
		                                                         coalesce(k.masuk, '-infinity'::date))) AS tgl) t) f;
		CREATE UNIQUE INDEX ON pg_temp._gen_kk (fk);
		ANALYZE pg_temp._gen_kk;

		INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw, alamat, air_minum, jamban, tangki_septik, lantai_tanah, dinding_layak, atap_layak, miskin)
		SELECT x.kode, x.no_kk::kkb.no_kk, x.rt, (x.rt - 1) / 3 + 1,
		       pg_catalog.format('%s No. %s', ('{Jl. Merdeka,Jl. Pahlawan,Jl. Masjid Raya,Jl. Pantai,Jl. Pasar Baru,Jl. Kampung Baru,Lorong Surau,Jl. Sawah Lebar,Jl. Durian,Jl. Kelapa,Jl. Syekh Burhanuddin,Jl. Imam Bonjol}'::text[])
		                             [1 + pg_catalog.floor(12 * kkb._gen_acak(x.fk, v_benih, 30))::integer],
		                         1 + pg_catalog.floor(150 * kkb._gen_acak(x.fk, v_benih, 31))::integer),
		       CASE WHEN kkb._gen_acak(x.fk, v_benih, 21) >= x.p_air * CASE WHEN x.miskin THEN 2 ELSE 0.9 END
		            THEN ('{kemasan,ledeng,sumur_bor,sumur_terlindung,mata_air_terlindung,air_hujan}'::kkb.air_minum[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(x.fk, v_benih, 22), '{0.35,0.50,0.70,0.95,0.98}'::float8[])]
		            ELSE ('{sumur_tak_terlindung,mata_air_tak_terlindung,air_permukaan,lainnya}'::kkb.air_minum[])
		                 [1 + pg_catalog.width_bucket(kkb._gen_acak(x.fk, v_benih, 22), '{0.6,0.75,0.95}'::float8[])] END,
		       x.jamban, CASE WHEN x.jamban <> 'tidak_ada' THEN kkb._gen_acak(x.fk, v_benih, 25) >= x.p_jamban * CASE WHEN x.miskin THEN 1.8 ELSE 0.9 END END,
		       kkb._gen_acak(x.fk, v_benih, 26) < CASE WHEN x.miskin THEN 0.15 ELSE 0.02 END,
		       kkb._gen_acak(x.fk, v_benih, 27) >= CASE WHEN x.miskin THEN 0.3 ELSE 0.03 END,
		       kkb._gen_acak(x.fk, v_benih, 28) >= CASE WHEN x.miskin THEN 0.2 ELSE 0.02 END,
		       x.miskin
		  FROM (SELECT kk.fk, kk.kode, kk.no_kk, d.p_air, d.p_jamban,
		               1 + pg_catalog.floor(d.n_rt * kkb._gen_acak(kk.fk, v_benih, 29))::integer AS rt,
		               kkb._gen_acak(kk.fk, v_benih, 20) < d.p_miskin AS miskin,
		               CASE WHEN kkb._gen_acak(kk.fk, v_benih, 23) < d.p_jamban * 0.35 THEN 'tidak_ada'
		                    ELSE ('{sendiri,bersama,umum}'::kkb.jamban[])[1 + pg_catalog.width_bucket(kkb._gen_acak(kk.fk, v_benih, 24), '{0.85,0.95}'::float8[])]
		               END::kkb.jamban AS jamban
		          FROM pg_temp._gen_kk kk JOIN pg_temp._gen_desa d ON d.vk = kk.vk) x
		 ORDER BY x.fk;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_keluarga := n_keluarga + v_n;

		INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin, pendidikan, sekolah,
		                         pekerjaan, jaminan_kesehatan, akta_lahir, hamil, kontrasepsi, alasan_tidak_kb)
		SELECT a.kode, a.nik::kkb.nik, kk.no_kk::kkb.no_kk, a.nama, a.jk, a.tanggal_lahir, a.hubungan, a.status_kawin, a.pendidikan, a.sekolah,
		       a.pekerjaan, a.jaminan_kesehatan, a.akta_lahir, a.hamil, a.kontrasepsi, a.alasan_tidak_kb
		  FROM pg_temp._gen_ang a JOIN pg_temp._gen_kk kk ON kk.fk = a.fk
		 ORDER BY a.mk;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_anggota := n_anggota + v_n;

		-- ------------------------------------------------ child measurements at the monthly posyandu
		-- z (length/height-for-age) = the child's own level (village mean, SD 0.95), faltering over the
		-- first two years, plus measurement noise; weight follows height partly; converted with WHO's M and S
		INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur, lila_cm)
		SELECT y.kode, y.nik::kkb.nik, y.tgl,
		       pg_catalog.round((l.w0 * (CASE WHEN y.zw >= 0 THEN l.wp2 / l.w0 ELSE l.w0 / l.wm2 END) ^ (y.zw / 2))::numeric, 1)::float8,
		       pg_catalog.round((l.m * (1 + l.s * y.zh))::numeric, 1)::float8,
		       l.cara,
		       CASE WHEN y.umur_ukur >= 183 THEN pg_catalog.round((13.8 + 0.5 * y.zw + 0.8 * kkb._gen_normal(y.mk, v_benih, 3000 + y.k))::numeric, 1)::float8 END
		  FROM (SELECT x.*, GREATEST(-5.0, LEAST(4.0, x.zc * (0.55 + 0.45 * LEAST(x.umur_ukur, 730) / 730.0)
		                                              + 0.12 * kkb._gen_normal(x.mk, v_benih, 1000 + x.k))) AS zh,
		               GREATEST(-4.5, LEAST(3.5, (0.6 * x.zc + 0.7 * x.zwc - 0.3) * (0.6 + 0.4 * LEAST(x.umur_ukur, 730) / 730.0)
		                                             + 0.2 * kkb._gen_normal(x.mk, v_benih, 2000 + x.k))) AS zw
		          FROM (SELECT a.kode, a.nik, a.mk, a.jk, b.k, t.tgl, t.tgl - a.tanggal_lahir AS umur_ukur,
		                       d.mu_tb + 0.95 * kkb._gen_normal(a.mk, v_benih, 40) AS zc, kkb._gen_normal(a.mk, v_benih, 41) AS zwc
		                  FROM pg_temp._gen_ang a
		                  JOIN pg_temp._gen_desa d ON d.vk = a.vk
		                 CROSS JOIN pg_temp._gen_bln b
		                 CROSS JOIN LATERAL (SELECT LEAST(v_r, (b.periode + interval '1 month - 1 day')::date,
		                                                  b.periode + d.hari_posyandu
		                                                  + CASE WHEN kkb._gen_acak(a.mk, v_benih, 500 + b.k) < 0.15
		                                                         THEN 1 + pg_catalog.floor(3 * kkb._gen_acak(a.mk, v_benih, 600 + b.k))::integer ELSE 0 END) AS tgl) t
		                 WHERE a.hari <= 1826 + 31 * v_bulan
		                   AND t.tgl >= a.tanggal_lahir AND t.tgl - a.tanggal_lahir <= 1826
		                   AND (a.masuk IS NULL OR t.tgl >= a.masuk)
		                   AND kkb._gen_acak(a.mk, v_benih, 700 + b.k) < d.hadir) x) y
		  JOIN pg_temp._gen_lms l ON l.jk = y.jk AND l.hari = y.umur_ukur
		 ORDER BY y.mk, y.tgl;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_pengukuran := n_pengukuran + v_n;

		-- ------------------------------------------------ vital events
		-- ref (the client's id of the event): 'gen-' || village || '-' || a letter for the kind of source || its key
		INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, nik, nik_ibu, jenis_kelamin, umur_hari, kematian_ibu, keterangan)
		WITH lahir AS (
			SELECT a.vk, pg_catalog.count(*) AS n FROM pg_temp._gen_ang a
			 WHERE a.tanggal_lahir >= v_w0 AND (a.masuk IS NULL OR a.tanggal_lahir >= a.masuk) GROUP BY a.vk
		), dd AS (
			SELECT d.kode, d.vk, d.kec6, d.penduduk, d.imr, coalesce(l.n, 0) AS n_lahir
			  FROM pg_temp._gen_desa d LEFT JOIN lahir l ON l.vk = d.vk WHERE d.batch = v_b
		), ibu AS (
			SELECT a.vk, a.nik, pg_catalog.row_number() OVER (PARTITION BY a.vk ORDER BY kkb._gen_acak(a.mk, v_benih, 50), a.mk) AS rn,
			       pg_catalog.count(*) OVER (PARTITION BY a.vk) AS n
			  FROM pg_temp._gen_ang a WHERE a.pus AND a.umur >= 20
		), asal AS (
			SELECT '{Kota Padang,Kabupaten Padang Pariaman,Kabupaten Agam,Kota Bukittinggi,Kota Pekanbaru,Kota Batam,Kota Medan,Provinsi DKI Jakarta,Kabupaten Tanah Datar,Kota Bandung}'::text[] AS t
		), bayi AS (
			-- infants born and dead within the months (not members)
			SELECT dd.kode, dd.vk, j.j, dd.vk * 100000 + j.j AS kunci,
			       CASE WHEN kkb._gen_acak(dd.vk * 100000 + j.j, v_benih, 1) < 0.6 THEN pg_catalog.floor(28 * kkb._gen_acak(dd.vk * 100000 + j.j, v_benih, 2))
			            ELSE 28 + pg_catalog.floor(337 * kkb._gen_acak(dd.vk * 100000 + j.j, v_benih, 2)) END::integer AS umur_hari
			  FROM dd CROSS JOIN LATERAL pg_catalog.generate_series(1, pg_catalog.floor(dd.n_lahir * dd.imr + kkb._gen_acak(dd.vk, v_benih, 51))::integer) AS j(j)
		), bayi2 AS (
			SELECT bayi.*, v_w0 + pg_catalog.floor(GREATEST(0, v_r - v_w0 - bayi.umur_hari) * kkb._gen_acak(bayi.kunci, v_benih, 3))::integer AS lahir,
			       CASE WHEN kkb._gen_acak(bayi.kunci, v_benih, 4) < 0.512 THEN 'L' ELSE 'P' END AS jk,
			       i.nik AS nik_ibu
			  FROM bayi
			  LEFT JOIN ibu i ON i.vk = bayi.vk AND i.rn = 1 + pg_catalog.floor(i.n * kkb._gen_acak(bayi.kunci, v_benih, 5))::bigint
		), orang AS (
			-- people who are no longer members: deaths (under-five, maternal, others) and moves out
			SELECT o.*, o.tanggal - o.umur_hari AS lahir_o
			  FROM (SELECT dd.kode, dd.kec6, x.jenis, x.kunci, x.kematian_ibu, x.ket,
			               v_w0 + pg_catalog.floor((v_r - v_w0 + 1) * kkb._gen_acak(x.kunci, v_benih, 1))::integer AS tanggal,
			               x.umur_hari, x.jk
			          FROM dd
			         CROSS JOIN LATERAL (
			               SELECT 'mati' AS jenis, dd.vk * 100000 + 20000 + j AS kunci, false AS kematian_ibu, 'Kematian balita' AS ket,
			                      365 + pg_catalog.floor(1460 * kkb._gen_acak(dd.vk * 100000 + 20000 + j, v_benih, 2))::integer AS umur_hari,
			                      CASE WHEN kkb._gen_acak(dd.vk * 100000 + 20000 + j, v_benih, 3) < 0.512 THEN 'L' ELSE 'P' END AS jk
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.n_lahir * 0.005 + kkb._gen_acak(dd.vk, v_benih, 52))::integer) AS j
			               UNION ALL
			               SELECT 'mati', dd.vk * 100000 + 30000 + j, true, 'Kematian ibu (masa kehamilan, persalinan atau nifas)',
			                      pg_catalog.floor((20 + 22 * kkb._gen_acak(dd.vk * 100000 + 30000 + j, v_benih, 2)) * 365.25)::integer, 'P'
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.n_lahir * 0.0019 + kkb._gen_acak(dd.vk, v_benih, 53))::integer) AS j
			               UNION ALL
			               SELECT 'mati', dd.vk * 100000 + 40000 + j, false, 'Meninggal dunia',
			                      pg_catalog.floor(CASE WHEN kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 4) < 0.8
			                                            THEN 55 + 37 * kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 2)
			                                            ELSE 20 + 35 * kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 2) END * 365.25)::integer,
			                      CASE WHEN kkb._gen_acak(dd.vk * 100000 + 40000 + j, v_benih, 3) < 0.5 THEN 'L' ELSE 'P' END
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.penduduk * 0.0065 * v_bulan / 12.0 + kkb._gen_acak(dd.vk, v_benih, 54))::integer) AS j
			               UNION ALL
			               SELECT 'pindah_keluar', dd.vk * 100000 + 50000 + j, false,
			                      'Pindah ke ' || (SELECT asal.t[1 + pg_catalog.floor(10 * kkb._gen_acak(dd.vk * 100000 + 50000 + j, v_benih, 5))::integer] FROM asal),
			                      NULL::integer,
			                      CASE WHEN kkb._gen_acak(dd.vk * 100000 + 50000 + j, v_benih, 3) < 0.55 THEN 'L' ELSE 'P' END
			                 FROM pg_catalog.generate_series(1, pg_catalog.floor(dd.penduduk * 0.012 * v_bulan / 12.0 + kkb._gen_acak(dd.vk, v_benih, 55))::integer) AS j
			         ) x) o
		)
		SELECT z.kode, 'gen-' || z.kode::text || '-' || z.ref, z.jenis::kkb.jenis_peristiwa, z.tanggal, z.nik::kkb.nik, z.nik_ibu::kkb.nik, z.jk, z.umur_hari, z.kematian_ibu, z.ket
		  FROM (
			-- births of members
			SELECT a.kode, 'L' || a.nik::text AS ref, 'lahir' AS jenis, a.tanggal_lahir AS tanggal, a.nik, i.nik AS nik_ibu, a.jk, NULL::integer AS umur_hari, false AS kematian_ibu,
			       CASE WHEN i.nik IS NULL THEN 'Ibu tidak tercatat sebagai anggota keluarga di desa ini' END AS ket
			  FROM pg_temp._gen_ang a
			  LEFT JOIN pg_temp._gen_ang i ON i.fk = a.fk AND a.hubungan = 'anak' AND i.jk = 'P'
			                              AND (i.hubungan = 'istri' OR (i.hubungan = 'kepala' AND i.tipe = 'ortu'))
			 WHERE a.tanggal_lahir >= v_w0 AND (a.masuk IS NULL OR a.tanggal_lahir >= a.masuk)
			UNION ALL
			SELECT b.kode, 'B' || b.kunci::text, 'lahir', b.lahir, NULL, b.nik_ibu, b.jk, NULL, false,
			       CASE WHEN b.nik_ibu IS NULL THEN 'Bayi lahir hidup, kemudian meninggal; ibu tidak tercatat' ELSE 'Bayi lahir hidup, kemudian meninggal' END
			  FROM bayi2 b
			UNION ALL
			SELECT b.kode, 'M' || b.kunci::text, 'mati', b.lahir + b.umur_hari, NULL, NULL, b.jk, b.umur_hari, false, 'Kematian bayi'
			  FROM bayi2 b
			UNION ALL
			-- members who moved in with their family
			SELECT a.kode, 'P' || a.nik::text, 'pindah_masuk', a.masuk, a.nik, NULL, a.jk, NULL, false,
			       'Pindah datang dari ' || (SELECT asal.t[1 + pg_catalog.floor(10 * kkb._gen_acak(a.fk, v_benih, 16))::integer] FROM asal)
			  FROM pg_temp._gen_ang a WHERE a.masuk IS NOT NULL AND a.tanggal_lahir < a.masuk
			UNION ALL
			SELECT o.kode, 'O' || o.kunci::text, o.jenis, o.tanggal,
			       CASE WHEN o.jenis = 'pindah_keluar' OR NOT o.kematian_ibu THEN
			            o.kec6 * 10000000000 + (pg_catalog.date_part('day', x.lahir)::bigint + CASE WHEN o.jk = 'P' THEN 40 ELSE 0 END) * 100000000
			            + pg_catalog.date_part('month', x.lahir)::bigint * 1000000 + (pg_catalog.date_part('year', x.lahir)::bigint % 100) * 10000
			            + 9000 + 1 + o.kunci % 999 END,
			       NULL, o.jk, o.umur_hari, o.kematian_ibu, o.ket
			  FROM orang o
			 CROSS JOIN LATERAL (SELECT coalesce(o.lahir_o, o.tanggal - pg_catalog.floor((18 + 27 * kkb._gen_acak(o.kunci, v_benih, 6)) * 365.25)::integer) AS lahir) x
		  ) z
		 ORDER BY z.kode, z.tanggal, z.jenis, z.nik;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_peristiwa := n_peristiwa + v_n;

		-- ------------------------------------------------ interventions: agencies ranked by the village's problems
		INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, sasaran, opd, kegiatan_inpres, uraian)
		WITH o AS (
			SELECT d.vk, x.opd,
			       pg_catalog.row_number() OVER (PARTITION BY d.vk ORDER BY x.bobot + 0.5 * kkb._gen_acak(d.vk * 16 + x.i, v_benih, 60) DESC, x.opd) AS rn
			  FROM pg_temp._gen_desa d
			 CROSS JOIN LATERAL (VALUES (1, 'dp3akb', 0.6 + (1 - d.cpr)), (2, 'dinkes', 0.5 + (-d.mu_tb - 0.7)), (3, 'dinsos', 0.3 + 3 * d.p_miskin),
			                            (4, 'disdik', 0.2 + 3 * d.p_sekolah), (5, 'pupr', 0.2 + 2 * d.p_air), (6, 'perkim', 0.2 + 2 * d.p_jamban),
			                            (7, 'disdukcapil', 0.15 + 3 * d.p_akta), (8, 'dpmd', 0.35), (9, 'bappeda', 0.25 + 0.3 * (-d.mu_tb - 0.7)),
			                            (10, 'kemenag', 0.3), (11, 'dkp', 0.15 + 0.5 * (-d.mu_tb - 0.7)), (12, 'disnaker', 0.1 + 2 * d.p_miskin))
			                     AS x(i, opd, bobot)
			 WHERE d.batch = v_b
		), t AS (
			SELECT * FROM (VALUES
				('dp3akb', 0, 'Pelayanan KB MKJP gratis', 'reproduksi', '{pus}', NULL),
				('dp3akb', 1, 'Penyuluhan delapan fungsi keluarga', 'cinta_kasih', '{pus,remaja}', NULL),
				('dinkes', 0, 'Pemberian makanan tambahan balita gizi kurang', 'perlindungan', '{balita,krs}', 'Percepatan penurunan stunting'),
				('dinkes', 1, 'Pemeriksaan ibu hamil dan tablet tambah darah', 'reproduksi', '{ibu_hamil}', 'Percepatan penurunan stunting'),
				('dinsos', 0, 'Bantuan sosial keluarga miskin (PKH)', 'ekonomi', '{keluarga_miskin}', 'Penghapusan kemiskinan ekstrem'),
				('dinsos', 1, 'Bantuan pangan keluarga berisiko stunting', 'ekonomi', '{keluarga_miskin,krs}', 'Percepatan penurunan stunting'),
				('disdik', 0, 'Pendampingan anak putus sekolah', 'pendidikan', '{remaja}', NULL),
				('disdik', 1, 'PAUD holistik integratif', 'pendidikan', '{balita}', NULL),
				('pupr', 0, 'Pembangunan sarana air minum perpipaan', 'lingkungan', '{krs,umum}', 'Percepatan penurunan stunting'),
				('pupr', 1, 'Pembangunan jamban sehat dan tangki septik', 'lingkungan', '{krs,keluarga_miskin}', 'Percepatan penurunan stunting'),
				('perkim', 0, 'Bedah rumah tidak layak huni', 'lingkungan', '{keluarga_miskin}', 'Penghapusan kemiskinan ekstrem'),
				('perkim', 1, 'Perbaikan sanitasi permukiman', 'lingkungan', '{umum}', NULL),
				('disdukcapil', 0, 'Pelayanan akta kelahiran keliling', 'perlindungan', '{balita}', NULL),
				('disdukcapil', 1, 'Perekaman KTP-el dan pemutakhiran KK', 'sosial_budaya', '{umum}', NULL),
				('dpmd', 0, 'Alokasi dana desa untuk kegiatan Kampung KB', 'ekonomi', '{umum}', NULL),
				('dpmd', 1, 'Pelatihan kader pembangunan manusia', 'pendidikan', '{umum}', 'Percepatan penurunan stunting'),
				('bappeda', 0, 'Rembuk stunting tingkat desa', 'perlindungan', '{krs}', 'Percepatan penurunan stunting'),
				('bappeda', 1, 'Penyusunan rencana aksi konvergensi', 'sosial_budaya', '{umum}', NULL),
				('kemenag', 0, 'Bimbingan perkawinan calon pengantin', 'agama', '{remaja,pus}', 'Percepatan penurunan stunting'),
				('kemenag', 1, 'Penyuluhan agama dan ketahanan keluarga', 'agama', '{umum}', NULL),
				('dkp', 0, 'Pekarangan pangan lestari', 'ekonomi', '{krs,balita}', 'Percepatan penurunan stunting'),
				('dkp', 1, 'Gerakan makan ikan untuk ibu hamil dan balita', 'ekonomi', '{ibu_hamil,balita}', 'Percepatan penurunan stunting'),
				('disnaker', 0, 'Pelatihan kerja dan kewirausahaan kelompok UPPKA', 'ekonomi', '{pus,keluarga_miskin}', 'Penghapusan kemiskinan ekstrem'),
				('disnaker', 1, 'Pelatihan keterampilan remaja', 'ekonomi', '{remaja}', NULL),
				('', 0, 'Gotong royong kebersihan lingkungan', 'lingkungan', '{umum}', NULL),
				('', 1, 'Pengajian dan arisan keluarga', 'agama', '{umum}', NULL)) AS t(opd, no, judul, fungsi, sasaran, inpres)
		)
		SELECT x.kode, x.tanggal, t.judul, t.fungsi::kkb.fungsi_keluarga, t.sasaran::kkb.sasaran[],
		       pg_catalog.array_remove(ARRAY[x.opd1, x.opd2], NULL), t.inpres,
		       pg_catalog.format('%s di %s, %s peserta.', t.judul, x.nama, 10 + pg_catalog.floor(60 * kkb._gen_acak(x.kunci, v_benih, 4))::integer)
		  FROM (SELECT d.kode, d.nama, d.vk, j.j, d.vk * 1000 + j.j AS kunci,
		               v_r - pg_catalog.floor(540 * kkb._gen_acak(d.vk * 1000 + j.j, v_benih, 1))::integer AS tanggal,
		               o1.opd AS opd1, CASE WHEN o2.opd <> o1.opd THEN o2.opd END AS opd2
		          FROM pg_temp._gen_desa d
		         CROSS JOIN LATERAL pg_catalog.generate_series(1, d.n_intervensi) AS j(j)
		          LEFT JOIN o o1 ON o1.vk = d.vk AND d.n_opd > 0 AND o1.rn = 1 + (j.j - 1) % GREATEST(d.n_opd, 1)
		          LEFT JOIN o o2 ON o2.vk = d.vk AND d.n_opd > 1 AND o2.rn = 1 + j.j % GREATEST(d.n_opd, 1)
		                        AND kkb._gen_acak(d.vk * 1000 + j.j, v_benih, 2) < 0.3
		         WHERE d.batch = v_b) x
		  JOIN t ON t.opd = coalesce(x.opd1, '') AND t.no = pg_catalog.floor(2 * kkb._gen_acak(x.kunci, v_benih, 3))::integer
		 ORDER BY x.kode, x.tanggal, x.j;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_intervensi := n_intervensi + v_n;

		-- ------------------------------------------------ monthly profiles: what was acquired during the months is missing before
		CREATE TEMP TABLE _gen_profil AS
		SELECT p.*, CASE WHEN p.pokja_ada THEN p.anggota0 END AS pokja_anggota
		  FROM (SELECT d.kode, d.vk, b.k, b.periode, d.pokja_anggota AS anggota0,
		               d.pokja_ada AND kkb._gen_ada(d.vk * 128 + 60, v_benih, b.k, v_bulan) AS pokja_ada,
		               d.pokja_ada AND d.pokja_terlatih AND kkb._gen_ada(d.vk * 128 + 60, v_benih, b.k, v_bulan)
		                           AND kkb._gen_ada(d.vk * 128 + 70, v_benih, b.k, v_bulan) AS pokja_terlatih,
		               d.pkb_pendamping AND kkb._gen_ada(d.vk * 128 + 80, v_benih, b.k, v_bulan) AS pkb_pendamping,
		               d.regulasi AND kkb._gen_ada(d.vk * 128 + 90, v_benih, b.k, v_bulan) AS regulasi,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.sumber_dana) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 10 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS sumber_dana,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.poktan) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 20 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS poktan,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.sarana) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 30 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS sarana,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.penggunaan_data) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 40 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS penggunaan_data,
		               ARRAY(SELECT t.e FROM pg_catalog.unnest(d.mekanisme_operasional) WITH ORDINALITY AS t(e, i)
		                      WHERE kkb._gen_ada(d.vk * 128 + 50 + t.i, v_benih, b.k, v_bulan) ORDER BY t.e) AS mekanisme_operasional
		          FROM pg_temp._gen_desa d CROSS JOIN pg_temp._gen_bln b
		         WHERE d.batch = v_b) p;

		INSERT INTO kkb.profil (kode_desa, periode, pokja_ada, pokja_anggota, pokja_terlatih, pkb_pendamping, regulasi,
		                        sumber_dana, poktan, sarana, penggunaan_data, mekanisme_operasional)
		SELECT p.kode, p.periode, p.pokja_ada, p.pokja_anggota, p.pokja_terlatih, p.pkb_pendamping, p.regulasi,
		       p.sumber_dana, p.poktan, p.sarana, p.penggunaan_data, p.mekanisme_operasional
		  FROM pg_temp._gen_profil p ORDER BY p.kode, p.periode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_profil := n_profil + v_n;

		-- ------------------------------------------------ monthly population and family-planning reports from the members
		CREATE TEMP TABLE _gen_agg AS
		WITH mb AS (
			SELECT a.vk, a.fk, b.k, a.jk, a.status_kawin, a.kontrasepsi, a.alasan_tidak_kb, a.kb_mulai, a.jaminan_kesehatan,
			       (b.ymd - a.ymd) / 10000 AS umur, b.akhir_k - a.tanggal_lahir AS hari
			  FROM pg_temp._gen_ang a CROSS JOIN pg_temp._gen_bln b
			 WHERE a.tanggal_lahir <= b.akhir_k AND (a.masuk IS NULL OR a.masuk <= b.akhir_k)
		), kel AS (
			SELECT x.vk, x.k, pg_catalog.count(*) AS keluarga, pg_catalog.count(*) FILTER (WHERE x.balita) AS keluarga_balita,
			       pg_catalog.count(*) FILTER (WHERE x.remaja) AS keluarga_remaja, pg_catalog.count(*) FILTER (WHERE x.lansia) AS keluarga_lansia
			  FROM (SELECT mb.vk, mb.k, mb.fk, pg_catalog.bool_or(mb.hari <= 1826) AS balita, pg_catalog.bool_or(mb.umur BETWEEN 10 AND 24) AS remaja,
			               pg_catalog.bool_or(mb.umur >= 60) AS lansia
			          FROM mb GROUP BY mb.vk, mb.k, mb.fk) x
			 GROUP BY x.vk, x.k
		), ind AS (
			SELECT mb.vk, mb.k,
			       pg_catalog.count(*) FILTER (WHERE mb.jk = 'P' AND mb.status_kawin = 'kawin' AND mb.umur BETWEEN 15 AND 49) AS pus,
			       pg_catalog.count(*) FILTER (WHERE mb.umur BETWEEN 10 AND 24) AS remaja,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'iud' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_iud,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'mow' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_mow,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'mop' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_mop,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'kondom' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_kondom,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'implan' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_implan,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'suntik' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_suntik,
			       pg_catalog.count(*) FILTER (WHERE mb.kontrasepsi = 'pil' AND (mb.kb_mulai IS NULL OR mb.k <= mb.kb_mulai)) AS kb_pil,
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'hamil') AS tidak_kb_hamil,
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'ingin_anak_segera') AS tidak_kb_ingin_segera,
			       -- before they started, this month's new users wanted to delay or to stop
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'iat' OR mb.k > mb.kb_mulai) AS tidak_kb_iat,
			       pg_catalog.count(*) FILTER (WHERE mb.alasan_tidak_kb = 'tial') AS tidak_kb_tial,
			       pg_catalog.count(*) FILTER (WHERE mb.kb_mulai = mb.k) AS peserta_baru,
			       pg_catalog.count(*) FILTER (WHERE mb.jaminan_kesehatan) AS bpjs
			  FROM mb GROUP BY mb.vk, mb.k
		), umur AS (
			SELECT mb.vk, mb.k, mb.jk, LEAST(mb.umur / 5, 15) AS g, pg_catalog.count(*)::integer AS n
			  FROM mb GROUP BY mb.vk, mb.k, mb.jk, LEAST(mb.umur / 5, 15)
		), arr AS (
			SELECT x.vk, x.k,
			       pg_catalog.array_agg(coalesce(u.n, 0) ORDER BY g.g) FILTER (WHERE j.jk = 'L') AS laki_laki,
			       pg_catalog.array_agg(coalesce(u.n, 0) ORDER BY g.g) FILTER (WHERE j.jk = 'P') AS perempuan
			  FROM (SELECT ind.vk, ind.k FROM ind) x
			 CROSS JOIN (VALUES ('L'), ('P')) AS j(jk)
			 CROSS JOIN pg_catalog.generate_series(0, 15) AS g(g)
			  LEFT JOIN umur u ON u.vk = x.vk AND u.k = x.k AND u.jk = j.jk AND u.g = g.g
			 GROUP BY x.vk, x.k
		)
		SELECT ind.*, kel.keluarga, kel.keluarga_balita, kel.keluarga_remaja, kel.keluarga_lansia, arr.laki_laki, arr.perempuan
		  FROM ind JOIN kel ON kel.vk = ind.vk AND kel.k = ind.k JOIN arr ON arr.vk = ind.vk AND arr.k = ind.k;

		INSERT INTO kkb.penduduk (kode_desa, periode, laki_laki, perempuan, keluarga, pus, remaja, keluarga_balita, keluarga_remaja, keluarga_lansia)
		SELECT p.kode, p.periode, g.laki_laki, g.perempuan, g.keluarga, g.pus, g.remaja, g.keluarga_balita, g.keluarga_remaja, g.keluarga_lansia
		  FROM pg_temp._gen_profil p JOIN pg_temp._gen_agg g ON g.vk = p.vk AND g.k = p.k
		 ORDER BY p.kode, p.periode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_penduduk := n_penduduk + v_n;

		-- programme participants: a share of the eligible families (or teenagers) where the programme runs that month
		INSERT INTO kkb.kkbpk (kode_desa, periode, peserta_bkb, peserta_bkr, peserta_bkl, peserta_uppka, peserta_pikr,
		                       kb_iud, kb_mow, kb_mop, kb_kondom, kb_implan, kb_suntik, kb_pil,
		                       tidak_kb_hamil, tidak_kb_ingin_segera, tidak_kb_iat, tidak_kb_tial, peserta_baru, bpjs)
		SELECT p.kode, p.periode,
		       CASE WHEN 'bkb'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga_balita, pg_catalog.round(g.keluarga_balita * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 61)))) ELSE 0 END,
		       CASE WHEN 'bkr'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga_remaja, pg_catalog.round(g.keluarga_remaja * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 62)))) ELSE 0 END,
		       CASE WHEN 'bkl'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga_lansia, pg_catalog.round(g.keluarga_lansia * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 63)))) ELSE 0 END,
		       CASE WHEN 'uppka'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.keluarga, pg_catalog.round(g.keluarga * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 64)))) ELSE 0 END,
		       CASE WHEN 'pikr'::kkb.poktan = ANY (p.poktan) THEN LEAST(g.remaja, pg_catalog.round(g.remaja * d.partisipasi
		            * (0.85 + 0.3 * kkb._gen_acak(p.vk * 128 + p.k, v_benih, 65)))) ELSE 0 END,
		       g.kb_iud, g.kb_mow, g.kb_mop, g.kb_kondom, g.kb_implan, g.kb_suntik, g.kb_pil,
		       g.tidak_kb_hamil, g.tidak_kb_ingin_segera, g.tidak_kb_iat, g.tidak_kb_tial, g.peserta_baru, g.bpjs
		  FROM pg_temp._gen_profil p
		  JOIN pg_temp._gen_agg g ON g.vk = p.vk AND g.k = p.k
		  JOIN pg_temp._gen_desa d ON d.vk = p.vk
		 ORDER BY p.kode, p.periode;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		n_kkbpk := n_kkbpk + v_n;

		RAISE NOTICE 'kkb.hasilkan: % of % villages (% %%), % members, % measurements, % s', v_selesai, v_n_desa,
			(100 * v_selesai / v_n_desa), n_anggota, n_pengukuran,
			pg_catalog.round(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() - v_mulai)::numeric, 1);
		DROP TABLE pg_temp._gen_kel, pg_temp._gen_ang, pg_temp._gen_kk, pg_temp._gen_profil, pg_temp._gen_agg;
	END LOOP;

	DROP TABLE pg_temp._gen_bln, pg_temp._gen_lms, pg_temp._gen_desa;
	-- the planner's statistics should know what was just written (a region's data is often most of the table)
	PERFORM kkb.segarkan_statistik(true);

	RETURN QUERY SELECT v.t, v.n FROM (VALUES (1, 'kampung', n_kampung), (2, 'keluarga', n_keluarga), (3, 'anggota', n_anggota),
	                                          (4, 'pengukuran', n_pengukuran), (5, 'peristiwa', n_peristiwa), (6, 'intervensi', n_intervensi),
	                                          (7, 'profil', n_profil), (8, 'penduduk', n_penduduk), (9, 'kkbpk', n_kkbpk)) AS v(i, t, n)
	              ORDER BY v.i;
END $f$;
COMMENT ON FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date) IS
	'Generate (hasilkan) deterministic synthetic data for every village under a region: the Kampung KB, families, members (valid NIK and family card numbers of the village''s district), child measurements at the monthly posyandu, vital events, interventions by agency, and the profiles and population and family-planning reports of the bulan months ending at akhir (default the current month; members are the residents on akhir). Population: the regency''s national figure (1,200 per village where unknown) times skala. The same arguments give the same data (seed benih). Refuses a region that already has Kampung KB data (see kkb.hasilkan_hapus). Returns the rows written per table.';

-- ---------------------------------------------------------------- removing a region's data
CREATE FUNCTION kkb.hasilkan_hapus(wilayah kkb.kode_wilayah)
	RETURNS TABLE (tabel text, baris bigint)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, kkb, pg_temp
AS $f$
#variable_conflict use_column
DECLARE
	v_tabel text;
	v_ada boolean;
	v_n bigint;
BEGIN
	IF hasilkan_hapus.wilayah IS NULL THEN
		RAISE EXCEPTION 'kkb.hasilkan_hapus: wilayah may not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- the approval states first (so that no month is locked), the Kampung KB last; any other village table
	-- (one with a kode_desa column, except the audit trail, the change counters and the stored indicators,
	-- which the versions make stale anyway) goes before the Kampung KB
	FOR v_tabel IN
		SELECT x.t FROM (
			SELECT u.t, u.i FROM pg_catalog.unnest('{periode_status,pengukuran,peristiwa,anggota,keluarga,intervensi,kkbpk,penduduk,profil,nilai,peringatan}'::text[])
			                     WITH ORDINALITY AS u(t, i)
			UNION ALL
			SELECT c.relname::text, 100 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
			 WHERE c.relnamespace = 'kkb'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
			   AND a.attname = 'kode_desa' AND NOT a.attisdropped
			   AND c.relname NOT IN ('periode_status', 'pengukuran', 'peristiwa', 'anggota', 'keluarga', 'intervensi', 'kkbpk', 'penduduk',
			                         'profil', 'nilai', 'peringatan', 'kampung', 'audit', 'versi_desa', 'indikator_bulanan')
			UNION ALL
			SELECT 'kampung', 1000) x
		 ORDER BY x.i, x.t
	LOOP
		-- a table with nothing to delete is not touched, so that an administrator (who may not delete
		-- approval states) can remove generated data, which has none
		EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM kkb.%I x WHERE x.kode_desa OPERATOR(kkb.<@) $1)', v_tabel)
			INTO v_ada USING hasilkan_hapus.wilayah;
		v_n := 0;
		IF v_ada THEN
			EXECUTE pg_catalog.format('DELETE FROM kkb.%I x WHERE x.kode_desa OPERATOR(kkb.<@) $1', v_tabel) USING hasilkan_hapus.wilayah;
			GET DIAGNOSTICS v_n = ROW_COUNT;
		END IF;
		tabel := v_tabel;
		baris := v_n;
		RETURN NEXT;
	END LOOP;
END $f$;
COMMENT ON FUNCTION kkb.hasilkan_hapus(kkb.kode_wilayah) IS
	'Delete (hapus) the village data of every village under a region, for reloading kkb.hasilkan: approval states, measurements, events, members, families, interventions, reports, profiles, entered values, warnings and the Kampung KB itself (whether generated or entered; the audit trail keeps the deleted rows). Returns the rows deleted per table.';

-- The generator writes a whole region at once: administrators only.
REVOKE EXECUTE ON FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION kkb.hasilkan_hapus(kkb.kode_wilayah) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kkb.hasilkan(kkb.kode_wilayah, float8, integer, integer, date) TO kkb_admin;
GRANT EXECUTE ON FUNCTION kkb.hasilkan_hapus(kkb.kode_wilayah) TO kkb_admin;

// dashboard.mjs - end-to-end tests of the web dashboard in Debian's chromium,
// driven by playwright-core (pinned in package-lock.json; it never downloads a
// browser).  Run by tests/web/02_browser.sh, which starts the gateway, loads
// the demo city into its own database and makes the tokens.
//
//   node dashboard.mjs utama   the OPD and Pokja journeys against the real gateway
//   node dashboard.mjs mati    a gateway whose database is down: a clear message
//
// Environment: KKB_WEB_URL, KKB_WEB_SHOTS (screenshot directory), KKB_WEB_PERIODE
// (YYYY-MM), tokens KKB_WEB_TOKEN_OPD / _POKJA / _PROV / _ANALIS / _ADMIN, KKB_WEB_PSQL (a command that runs
// psql on the demo database; the SQL is its last argument).
// Prints "ok - ..." / "not ok - ..." lines and "# ..." comments; the shell
// wrapper numbers them into TAP.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {URL, SHOTS, PERIODE, ok, is, sql, selesai, peramban, awasi, langkah} from './tap.mjs';

const mode = process.argv[2] || 'utama';

const browser = await peramban();

// a fresh context (its own sessionStorage) that records what goes wrong in the page
async function halaman(opsi = {}) {
	const context = await browser.newContext({acceptDownloads: true, locale: 'id-ID', ...opsi});
	return awasi(await context.newPage());
}

async function foto(page, nama) {
	await page.screenshot({path: join(SHOTS, nama), fullPage: true});
	console.log(`# screenshot ${join(SHOTS, nama)}`);
}

async function masuk(page, token) {
	await page.goto(URL + '/');
	await page.waitForSelector('#token');
	await page.fill('#token', token);
	await page.click('#masuk');
}

if (mode === 'mati') {
	const page = await halaman();
	await langkah('database down', async () => {
		await masuk(page, 'token-apa-saja');
		const pesan = await page.waitForSelector('#masuk-galat:not([hidden])');
		const teks = await pesan.textContent();
		ok(/Basis data sedang tidak tersedia/.test(teks), 'with the database down, sign-in shows the 503 as a clear message', teks);
		ok((await page.textContent('main')).trim().length > 0, 'the page is not blank');
		await foto(page, '09-database-mati.png');
	});
	ok(page.masalah.filter((m) => !/503/.test(m)).length === 0, 'no script errors or CSP violations', page.masalah.join('\n'));
	await browser.close();
	selesai();
}

// ---------------------------------------------------------------- OPD
const TOTAL = Number(sql("SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.77'"));
const A = '13.77.01.1001', B = '13.77.01.1002';
{
	const page = await halaman({viewport: {width: 1280, height: 900}});
	await langkah('OPD sign-in', async () => {
		await masuk(page, 'bukan-token');
		const g = await page.waitForSelector('#masuk-galat:not([hidden])');
		ok(/Token tidak dikenal/.test(await g.textContent()), 'a wrong token is refused with a message at the form');
		ok(!(await page.isVisible('#keluar')), 'signed out: no sign-out button');
		await foto(page, '01-masuk.png');
		await page.fill('#token', process.env.KKB_WEB_TOKEN_OPD);
		await page.click('#masuk');
		await page.waitForURL(/#\/kota/);
		ok(true, 'OPD signs in and lands on the city overview');
		ok(/Dinkes Pariaman · OPD/.test(await page.textContent('#siapa')), 'the header names the holder and role (GET /v1/saya)');
	});
	await langkah('city overview', async () => {
		await page.waitForSelector('#tabel-desa tbody tr');
		is(await page.locator('#tabel-desa tbody tr').count(), TOTAL, `the overview lists all ${TOTAL} villages`);
		is(TOTAL, 71, 'the demo city Kota Pariaman has 71 Kampung KB');
		is(await page.textContent('#jumlah-desa'), '71 desa/kelurahan', 'and says so');
		// stunting prevalence and unmet need per village, as the database computes them
		const st = await page.locator(`#tabel-desa tr[data-kode="${A}"] td`).allTextContents();
		const db = sql(`SELECT kkb.klasifikasi('${A}', '${PERIODE}-01') ->> 'klasifikasi'`);
		is(st[2], db, `village ${A}'s class in the table is the database's (${db})`);
		// stunting prevalence and unmet need of every village: the database's (kkb.ringkasan), as shown
		const persen = (t) => (t === '–' ? null : Number(t.replace('%', '').replace(/\./g, '').replace(',', '.')));
		const dbRows = sql(`SELECT string_agg(kode || '|' || coalesce(prevalensi_stunting::text, '') || '|' || coalesce(persen_unmet_need::text, ''), ';')
			FROM kkb.ringkasan('13.77', '${PERIODE}-01', 4)`).split(';').map((r) => r.split('|'));
		let beda = [];
		for (const [kode, stunting, unmet] of dbRows) {
			const sel = await page.locator(`#tabel-desa tr[data-kode="${kode}"] td`).allTextContents();
			// percentages are shown with one decimal (util.js): equal to the database's when rounded
			const sama = (shown, want) => (want === '' ? shown === '–' : Math.abs(persen(shown) - Number(want)) < 0.0501);
			if (!sama(sel[4], stunting) || !sama(sel[5], unmet)) beda.push(`${kode}: ${sel[4]} ${sel[5]} vs ${stunting} ${unmet}`);
		}
		is(dbRows.length, TOTAL, 'kkb.ringkasan has a row per village');
		ok(beda.length === 0, "every village's stunting prevalence and unmet need are the database's (kkb.ringkasan)", beda.slice(0, 5).join('\n'));
		const berangka = await page.locator('#tabel-desa tbody tr td:nth-child(5)').allTextContents();
		ok(berangka.filter((t) => /%$/.test(t)).length > 0, 'villages show a stunting prevalence');
		const unmet = await page.locator('#tabel-desa tbody tr td:nth-child(6)').allTextContents();
		ok(unmet.filter((t) => /%$/.test(t)).length > 0, 'villages show an unmet need');
		ok(await page.locator('.bingkai-grafik svg').count() >= 2, 'the class and stunting charts are drawn');
		// the month picker speaks Indonesian whatever the browser's language
		const [py, pm] = PERIODE.split('-').map(Number);
		const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
		is((await page.locator('#periode option:checked').textContent()).trim(), `${BULAN[pm - 1]} ${py}`,
			'the month picker names the month in Indonesian');
		// the stunting chart: the 15 highest, the rest behind "Lihat semua"; its target labelled at the top
		const nSt = Number(sql(`SELECT count(*) FROM kkb.ringkasan('13.77', '${PERIODE}-01', 4) WHERE prevalensi_stunting IS NOT NULL`));
		is(await page.locator('#grafik-stunting svg g.batang').count(), Math.min(nSt, 15), `the stunting chart shows the 15 highest of ${nSt}`);
		if (nSt > 15) {
			await page.click('#lihat-semua-stunting');
			is(await page.locator('#grafik-stunting svg g.batang').count(), nSt, '"Lihat semua" shows every village');
			await page.click('#lihat-semua-stunting');
		}
		const ty = Number(await page.locator('#grafik-stunting svg g.target text').getAttribute('y'));
		const by = Number(await page.locator('#grafik-stunting svg g.batang rect').first().getAttribute('y'));
		ok(ty < by, 'the target label is drawn above the first bar', `${ty} < ${by}`);
		await foto(page, '02-kota.png');

		// sort by stunting, highest first
		const th = page.locator('th[data-kolom="prevalensi_stunting"] button');
		await th.click();
		is(await page.getAttribute('th[data-kolom="prevalensi_stunting"]', 'aria-sort'), 'descending', 'sorted by stunting, highest first');
		const nilai = async () => (await page.locator('#tabel-desa tbody tr td:nth-child(5)').allTextContents())
			.filter((t) => t !== '–').map(persen);
		const turun = await nilai();
		ok(turun.length > 1 && turun.every((v, i) => i === 0 || turun[i - 1] >= v), 'the rows are in descending order of prevalence',
			turun.slice(0, 8).join(' '));
		await th.click();
		const naik = await nilai();
		ok(naik.length > 1 && naik.every((v, i) => i === 0 || naik[i - 1] <= v), 'clicked again: ascending', naik.slice(0, 8).join(' '));

		// filter by kecamatan
		const n01 = Number(sql("SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13.77.01'"));
		await page.selectOption('#kecamatan', '13.77.01');
		is(await page.locator('#tabel-desa tbody tr').count(), n01, `filtered to kecamatan Pariaman Tengah: ${n01} villages`);
		await page.selectOption('#kecamatan', '');
		// filter by class and search by name
		const kelas = sql(`SELECT kkb.klasifikasi('${A}', '${PERIODE}-01') ->> 'klasifikasi'`);
		const nKelas = Number(sql(`SELECT count(*) FROM kkb.klasifikasi_wilayah('13.77', '${PERIODE}-01') WHERE klasifikasi = '${kelas}'`));
		await page.selectOption('#saring-kelas', kelas);
		is(await page.locator('#tabel-desa tbody tr').count(), nKelas, `filtered to class ${kelas}: ${nKelas} villages, as kkb.klasifikasi_wilayah`);
		is(await page.textContent('#jumlah-desa'), `${nKelas} dari 71 desa/kelurahan`, '... and the count says it is filtered');
		await page.selectOption('#saring-kelas', '');
		await page.fill('#cari-desa', 'karan');
		is(await page.locator('#tabel-desa tbody tr').count(),
			Number(sql("SELECT count(*) FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode = k.kode_desa WHERE k.kode_desa <@ '13.77' AND w.nama ILIKE '%karan%'")),
			'searching "karan" finds the villages whose name holds it');
		await page.fill('#cari-desa', '');

		// CSV export (the API makes it)
		const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#unduh-csv')]);
		const csv = readFileSync(await dl.path(), 'utf8').trim().split(/\r?\n/);
		is(csv.length, TOTAL + 1, 'the CSV download has a header and one row per village');

		// the Excel download: a workbook a spreadsheet reader opens (Debian's python3-openpyxl), codes as text
		const [dx] = await Promise.all([page.waitForEvent('download'), page.click('#unduh-xlsx')]);
		const buku = JSON.parse(execFileSync('/usr/bin/python3', ['-c',
			// (from bytes: the download's temporary name has no .xlsx, which openpyxl would refuse)
			'import io,json,sys; from openpyxl import load_workbook; ws = load_workbook(io.BytesIO(open(sys.argv[1], "rb").read())).active; ' +
			'print(json.dumps([[c.value for c in r] for r in ws.iter_rows()]))', await dx.path()], {encoding: 'utf8'}));
		is(buku.length, TOTAL + 1, 'the Excel download opens: a header and one row per village');
		is(typeof buku[1][buku[0].indexOf('kode')], 'string', 'its codes are text cells (13.77.01.1001 keeps its dots)');
		is(dx.suggestedFilename(), `ringkasan-13.77-${PERIODE}.xlsx`, 'named after the city and month');
	});
	await langkah('village scorecard (OPD)', async () => {
		await page.click(`#tabel-desa tr[data-kode="${A}"] a`);
		await page.waitForURL(new RegExp(`#/desa/${A.replaceAll('.', '\\.')}`));
		await page.waitForSelector('#kelas-desa .kelas');
		const db = sql(`SELECT kkb.klasifikasi('${A}', '${PERIODE}-01') ->> 'klasifikasi'`);
		is((await page.textContent('#kelas-desa')).trim(), db, `the scorecard of ${A} shows its class (${db})`);
		await page.waitForSelector('#skor svg');
		is(await page.locator('#skor svg').first().locator('g.batang').count(), 12, 'a chart of the 12 classification scores');
		is(await page.locator('#skor svg').nth(1).locator('g.batang').count(), 3, 'and of the 3 indices');
		ok(/^\d,\d\d \/ \d,\d\d \/ \d,\d\d$/.test((await page.textContent('#indeks-desa')).trim()),
			'the three indices with a decimal comma and two decimals', await page.textContent('#indeks-desa'));
		await page.waitForSelector('#tabel-profil tbody tr');
		is(await page.locator('#tabel-profil tbody tr').count(), 40, 'the 40 data items with their sources');
		await page.waitForSelector('#tren-stunting svg');
		is(await page.locator('#tren-stunting svg g.batang').count(), 12, 'the stunting trend over 12 months');
		await page.waitForSelector('#risiko .catatan');
		ok(/tidak berhak/.test(await page.textContent('#risiko')), 'families at risk (by-name data) are not for agencies: said so');
		await page.waitForSelector('#validasi .isi-bagian :not(.memuat)');
		// the health agency (dinkes owns the stunting problem) sees growth faltering by name, as the Pokja does
		await page.waitForSelector('#goyah .isi-bagian :not(.memuat)');
		const goyahDb = Number(sql(`SELECT count(*) FROM kkb.pertumbuhan_goyah('${A}', (date_trunc('month', '${PERIODE}-01'::date) + interval '1 month - 1 day')::date)`));
		is(await page.locator('#goyah .galat, #goyah .catatan').count(), 0, 'the health agency may read growth faltering (no refusal)');
		is(goyahDb === 0 ? 0 : Number((await page.textContent('#jumlah-goyah')).replace(/\D/g, '')), goyahDb,
			`... and sees the village's ${goyahDb} children whose weight fell`);
		await foto(page, '03-desa-opd.png');
	});
	await langkah('OPD work list', async () => {
		await page.click('#nav a[href="#/opd"]');
		// the work list or its empty state: the village page left behind has cards too
		await page.waitForSelector('#daftar-prioritas li, #prioritas-kosong');
		const total = Number(sql(`SELECT count(*) FROM kkb.prioritas_intervensi('13.77', '${PERIODE}-01', 'dinkes')`));
		is(await page.locator('#daftar-prioritas > li').count(), Math.min(total, 50), `the agency's ${total} priorities, 50 at a time`);
		ok(/Dinas Kesehatan/.test(await page.textContent('h1')), 'the agency by its name from the database, not its code',
			await page.textContent('h1'));
		if (total > 50) {
			await page.click('#lihat-lagi');
			is(await page.locator('#daftar-prioritas > li').count(), Math.min(total, 100), '"Tampilkan lagi" shows 50 more');
		}
		// filters: one problem, then one kecamatan
		const masalah = await page.locator('#saring-masalah option').nth(1).getAttribute('value');
		await page.selectOption('#saring-masalah', masalah);
		const nMasalah = Number(sql(`SELECT count(*) FROM kkb.prioritas_intervensi('13.77', '${PERIODE}-01', 'dinkes') WHERE masalah = '${masalah}'`));
		is(await page.locator('#daftar-prioritas > li').count(), Math.min(nMasalah, 50), `filtered to problem ${masalah}: ${nMasalah}`);
		ok(await page.locator(`#daftar-prioritas > li:not([data-masalah="${masalah}"])`).count() === 0, '... and only it');
		await page.selectOption('#saring-masalah', '');
		await page.selectOption('#saring-kecamatan', '13.77.01');
		const nKec = Number(sql(`SELECT count(*) FROM kkb.prioritas_intervensi('13.77', '${PERIODE}-01', 'dinkes') WHERE kode_desa <@ '13.77.01'`));
		is(await page.locator('#daftar-prioritas > li').count(), Math.min(nKec, 50), `filtered to kecamatan 13.77.01: ${nKec}`);
		ok(/dari/.test(await page.textContent('#jumlah-prioritas')), 'the count says it is filtered', await page.textContent('#jumlah-prioritas'));
		await page.selectOption('#saring-kecamatan', '');
		const p = await page.locator('#daftar-prioritas .peringkat').allTextContents();
		ok(p.length > 0 && p[0] === '#1' && p.every((x, i) => i === 0 || Number(p[i - 1].slice(1)) <= Number(x.slice(1))),
			'highest priority first', p.slice(0, 5).join(' '));
		ok(/Nilai.*Target.*Selisih.*Terdampak/s.test(await page.textContent('#daftar-prioritas li')), 'with the numbers behind each');
		await page.waitForSelector('#tabel-ketepatan tbody tr');
		const kec = Number(sql(`SELECT count(*) FROM kkb.ketepatan_ringkas('13.77', '${PERIODE}-01')`));
		is(await page.locator('#tabel-ketepatan tbody tr').count(), kec, `the agency sees the timeliness of the reports: the city and each kecamatan (${kec} rows)`);
		await foto(page, '04-opd-daftar-kerja.png');
	});
	ok(page.masalah.length === 0, 'OPD pages: no script errors, CSP violations or external requests', page.masalah.join('\n'));
	await page.context().close();
}

// ---------------------------------------------------------------- Pokja
{
	const page = await halaman({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
	await langkah('Pokja scorecard', async () => {
		await masuk(page, process.env.KKB_WEB_TOKEN_POKJA);
		await page.waitForURL(new RegExp(`#/desa/${A.replaceAll('.', '\\.')}`));
		await page.waitForSelector('#kelas-desa .kelas');
		ok(true, 'a Pokja signs in and lands on its village scorecard');
		await page.waitForSelector('#risiko svg');
		is(await page.locator('#risiko svg g.batang').count(), 6, 'the Pokja sees families at risk by the six factors');
		await page.waitForSelector('#tabel-profil tbody tr');
		const butir35 = (await page.locator('#tabel-profil tbody tr').nth(34).locator('td').nth(2).textContent()).trim();
		is((await page.textContent('#jumlah-berisiko')).trim(), butir35,
			'one number of families at risk on the page: the factor chart says what item 35 of the profile says');
		is(butir35.replaceAll('.', ''), sql(`SELECT nilai::int FROM kkb.profil_desa('${A}', '${PERIODE}-01') WHERE kode = 'keluarga_krs'`),
			'... and that is the database\'s item 35 for the month');
		await page.waitForSelector('#tren-stunting svg');
		const lebar = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
		ok(lebar[0] <= lebar[1], 'on a phone (390 px) the page does not scroll sideways', lebar.join(' > '));
		await foto(page, '05-desa-pokja-ponsel.png');
	});
	await langkah('Pokja entry', async () => {
		const sebelum = sql(`SELECT coalesce(kb_pil::text, 'null') FROM kkb.kkbpk WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`);
		await page.click('#nav a[href^="#/isi/"]');
		await page.waitForSelector('#form-kkbpk');
		is(await page.inputValue('#f-kb_pil'), sebelum === 'null' ? '' : sebelum, "the KKBPK form starts from the month's stored report");
		is(await page.inputValue('#f-pokja_anggota'),
			sql(`SELECT coalesce(pokja_anggota::text, '') FROM kkb.profil WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`),
			'the profile form starts from the stored profile');
		await page.fill('#f-kb_iud', '7');
		await page.fill('#f-kb_pil', '-3');
		ok(/negatif/.test(await page.textContent('#p-kb_pil')), 'a hint mirrors the rule while typing (no negative counts)');
		const jawaban = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/kkbpk\//.test(r.url()));
		await page.click('#form-kkbpk-simpan');
		const r = await jawaban;
		const body = await r.json();
		is(`${r.status()} ${body.code} ${body.kolom}`, '422 KKB-KKBPK-KB-PIL-NEGATIF kb_pil',
			'the API answers 422 with the specific code KKB-KKBPK-KB-PIL-NEGATIF and "kolom":"kb_pil"');
		const g = await page.waitForSelector('.kolom[data-kolom="kb_pil"] .galat-kolom:not([hidden])');
		const teks = await g.textContent();
		ok(teks.startsWith('jumlah peserta KB pil (kb_pil) tidak boleh negatif') && /KKB-KKBPK-KB-PIL-NEGATIF/.test(teks)
			&& !/check constraint|violates|23514/.test(teks),
			"the server's refusal is shown at the offending field (kb_pil), in Indonesian, with its code", teks);
		is(await page.locator('.galat-kolom:not([hidden])').count(), 1, 'and at no other field');
		is(sql(`SELECT coalesce(kb_pil::text, 'null') FROM kkb.kkbpk WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`), sebelum,
			'the database kept the month as it was');
		await foto(page, '06-isi-ditolak.png');

		await page.fill('#f-kb_pil', '3');
		await page.click('#form-kkbpk-simpan');
		await page.waitForSelector('#form-kkbpk-hasil.berhasil');
		ok(/Tersimpan/.test(await page.textContent('#form-kkbpk-hasil')), 'after the fix the report is saved');
		is(await page.locator('.galat-kolom:not([hidden])').count(), 0, 'and the field error is gone');
		is(sql(`SELECT kb_pil || '|' || kb_iud FROM kkb.kkbpk WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`), '3|7',
			'psql: kkb.kkbpk holds kb_pil 3 and kb_iud 7 for the month');
		await foto(page, '07-isi-tersimpan.png');

		// another cadre saves the month while this form is open (a new transaction: a new version)
		const bulan = `kode_desa = '${A}' AND periode = '${PERIODE}-01'`;
		sql(`UPDATE kkb.kkbpk SET kb_pil = 11 WHERE ${bulan}`);
		await page.fill('#f-kb_iud', '8');
		const jawab412 = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/kkbpk\//.test(r.url()));
		await page.click('#form-kkbpk-simpan');
		const r412 = await jawab412;
		ok(r412.status() === 412 && /^"\d+"$/.test(r412.request().headers()['if-match'] || ''),
			'a save over a month changed meanwhile: the form sent If-Match with the version it read, the API answered 412',
			`${r412.status()} ${r412.request().headers()['if-match']}`);
		await page.waitForSelector('#form-kkbpk-konflik:not([hidden])');
		const beda = await page.$$eval('#form-kkbpk-tabel-konflik tbody tr', (tr) => tr.map((x) => [x.dataset.kolom, ...[...x.cells].slice(1).map((c) => c.textContent)].join(' ')));
		is(beda.join('; '), 'kb_iud 8 7; kb_pil 3 11', 'the conflict view lists the two fields that differ: yours and the stored one');
		is(sql(`SELECT kb_pil || '|' || kb_iud FROM kkb.kkbpk WHERE ${bulan}`), '11|7', 'psql: nothing of the stale save was written');
		await foto(page, '18-isi-konflik-ponsel.png');
		await page.click('#form-kkbpk-pakai-tersimpan');
		is(`${await page.inputValue('#f-kb_pil')}|${await page.inputValue('#f-kb_iud')}`, '11|7', '"Pakai versi tersimpan" fills the form with the stored report');
		await page.fill('#f-kb_iud', '8');
		await page.click('#form-kkbpk-simpan');
		await page.waitForSelector('#form-kkbpk-hasil.berhasil');
		is(sql(`SELECT kb_pil || '|' || kb_iud FROM kkb.kkbpk WHERE ${bulan}`), '11|8', 'psql: saved on top of the stored version');
		sql(`UPDATE kkb.kkbpk SET kb_pil = 12 WHERE ${bulan}`);
		await page.fill('#f-kb_iud', '9');
		await page.click('#form-kkbpk-simpan');
		await page.waitForSelector('#form-kkbpk-konflik:not([hidden])');
		await page.click('#form-kkbpk-timpa');
		await page.waitForSelector('#form-kkbpk-hasil.berhasil');
		is(sql(`SELECT kb_pil || '|' || kb_iud FROM kkb.kkbpk WHERE ${bulan}`), '11|9',
			'"Simpan isian saya" after seeing the conflict: the cadre\'s own figures are stored');
		ok(await page.isHidden('#form-kkbpk-konflik'), 'and the conflict view is gone');

		// the profile form: members without a Pokja break the table's rule (profil_check)
		await page.uncheck('#f-pokja_ada');
		await page.fill('#f-pokja_anggota', '5');
		ok(/Tanpa Pokja/.test(await page.textContent('#p-pokja')), 'the profile form hints at the Pokja rule while typing');
		await page.click('#form-profil-simpan');
		const gp = await page.waitForSelector('.kolom[data-kolom="pokja_anggota"] .galat-kolom:not([hidden])');
		ok(/tanpa pokja|pokja belum ada/i.test(await gp.textContent()) && /KKB-PROFIL-POKJA/.test(await gp.textContent()),
			"the profile: the server's refusal is shown at the Pokja members field, in Indonesian", await gp.textContent());
		await page.check('#f-pokja_ada');
		for (const el of await page.locator('#form-profil input[name="sumber_dana"]').all()) await el.uncheck();
		await page.check('#form-profil input[name="sumber_dana"][value="dana_desa"]');
		await page.click('#form-profil-simpan');
		await page.waitForSelector('#form-profil-hasil.berhasil');
		is(sql(`SELECT pokja_ada || '|' || pokja_anggota || '|' || sumber_dana::text FROM kkb.profil WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`),
			'true|5|{dana_desa}', 'psql: the profile was saved (Pokja with 5 members, Dana Desa)');

		await page.click('#ajukan');
		await page.waitForSelector('#ajukan-hasil.berhasil');
		is((await page.textContent('#status-periode')).trim(), 'Diajukan', 'submitted for approval: the state says Diajukan');
		is(sql(`SELECT status FROM kkb.periode_status WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`), 'diajukan',
			'psql: the month is diajukan');
	});
	await langkah('Pokja weighs a child', async () => {
		const [nama, nik] = sql(`SELECT nama || '|' || nik FROM kkb.anggota WHERE kode_desa = '${A}'
			AND tanggal_lahir > current_date - interval '60 months' AND tanggal_lahir < current_date - 30 ORDER BY nama, nik LIMIT 1`).split('|');
		const nBalita = Number(sql(`SELECT count(*) FROM kkb.anggota WHERE kode_desa = '${A}' AND tanggal_lahir > current_date - interval '60 months'`));
		await page.click('#nav a[href^="#/ukur/"]');
		await page.waitForSelector('#daftar-anak button.anak');
		is((await page.textContent('#jumlah-anak')).trim(), nBalita > 50 ? `50 dari ${nBalita} balita; persempit pencarian.` : `${nBalita} balita`,
			`the weighing page lists the village's ${nBalita} under-fives`);
		await page.fill('#cari-anak', nama.slice(0, 4).toLowerCase());
		await page.waitForSelector(`#daftar-anak button.anak[data-nik="${nik}"]`);
		const nCari = Number(sql(`SELECT count(*) FROM kkb.anggota WHERE kode_desa = '${A}' AND tanggal_lahir > current_date - interval '60 months'
			AND strpos(lower(nama), lower('${nama.slice(0, 4).replaceAll("'", "''")}')) > 0`));
		await page.waitForFunction((n) => document.querySelectorAll('#daftar-anak button.anak').length === n, nCari);
		ok(true, `searching "${nama.slice(0, 4).toLowerCase()}" narrows the list to the ${nCari} matching under-fives`);
		await page.click(`#daftar-anak button.anak[data-nik="${nik}"]`);
		await page.waitForSelector('#form-ukur');
		// a weight no child has: refused, the server's message at the field, nothing stored
		await page.fill('#u-berat_kg', '250');
		await page.fill('#u-tinggi_cm', '76.5');
		await page.click('#simpan-ukur');
		await page.waitForSelector('#ukur-ditolak');
		ok(/berat badan 250 kg di luar batas/.test(await page.textContent('#galat-berat_kg')), 'a 250 kg weight is refused with the server\'s message at the field',
			await page.textContent('#galat-berat_kg'));
		is(sql(`SELECT count(*) FROM kkb.pengukuran WHERE kode_desa = '${A}' AND nik = '${nik}' AND tanggal_ukur = current_date AND berat_kg = 250`), '0',
			'psql: and nothing is stored');
		await page.fill('#u-berat_kg', '9.8');
		await page.click('#simpan-ukur');
		await page.waitForSelector('#ukur-tersimpan');
		const db = sql(`SELECT berat_kg || '|' || tinggi_cm || '|' || to_char(round(z_bbu, 2), 'SG0D00') || '|' || coalesce(status_tbu, '')
			FROM kkb.pengukuran WHERE kode_desa = '${A}' AND nik = '${nik}' AND tanggal_ukur = current_date`).split('|');
		is(db.slice(0, 2).join('|'), '9.8|76.5', 'psql: the measurement is stored (9.8 kg, 76.5 cm, today)');
		const zLayar = (await page.textContent('#tabel-zskor tr[data-indeks="bbu"] td:nth-child(2)')).trim();
		is(zLayar.replace('−', '-').replace(',', '.').replace(/^\+/, ''), db[2].replace(/^\+/, ''),
			`the weight-for-age z-score shown at once is the database's (${db[2]})`);
		is((await page.textContent('#tabel-zskor tr[data-indeks="tbu"] td:nth-child(3)')).trim(), db[3].replaceAll('_', ' ') || 'tidak dapat dihitung',
			'... and so is the length-for-age category');
		const lebar = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
		ok(lebar, 'the weighing page fits a 390 px phone');
		await foto(page, '15-timbang-anak-ponsel.png');
	});
	await langkah('Pokja records a family, a member and a birth', async () => {
		const KK = '1377010112250999', NIK = '1377015203950999';
		sql(`SET session_replication_role = replica; DELETE FROM kkb.peristiwa WHERE kode_desa = '${A}' AND nik_ibu = '${NIK}';
			DELETE FROM kkb.anggota WHERE kode_desa = '${A}' AND nik = '${NIK}'; DELETE FROM kkb.keluarga WHERE kode_desa = '${A}' AND no_kk = '${KK}'`);
		await page.click('#nav a[href^="#/catat/"]');
		await page.waitForSelector('#form-keluarga');
		is(await page.locator('#c-air_minum option').count(), 1 + Number(sql("SELECT count(*) FROM kkb.kode WHERE kelompok = 'air_minum'")),
			'the family form\'s water sources are the database\'s code list (GET /v1/kode)');
		await page.fill('#c-no_kk', KK);
		await page.fill('#c-rt', '3');
		await page.fill('#c-rw', '2');
		await page.selectOption('#c-air_minum', 'ledeng');
		await page.selectOption('#c-jamban', 'sendiri');
		await page.selectOption('#c-tangki_septik', 'true');
		await page.click('#simpan-catat');
		await page.waitForSelector('#catat-hasil.berhasil');
		is(sql(`SELECT rt || '|' || rw || '|' || air_minum || '|' || jamban || '|' || tangki_septik FROM kkb.keluarga WHERE kode_desa = '${A}' AND no_kk = '${KK}'`),
			'3|2|ledeng|sendiri|true', 'psql: the family is stored as entered');

		await page.click('#tab-anggota');
		await page.waitForSelector('#form-anggota');
		await page.fill('#c-nik', '12345');
		await page.fill('#c-no_kk', KK);
		await page.fill('#c-nama', 'Rina Uji');
		await page.selectOption('#c-jenis_kelamin', 'P');
		await page.fill('#c-tanggal_lahir', '1995-03-12');
		await page.selectOption('#c-hubungan', 'kepala');
		await page.selectOption('#c-status_kawin', 'kawin');
		await page.click('#simpan-catat');
		await page.waitForSelector('#catat-hasil.galat');
		ok(/NIK "12345" tidak sah/.test(await page.textContent('#galat-nik')), 'a 5-digit NIK is refused with the server\'s message at the field',
			await page.textContent('#galat-nik'));
		await page.fill('#c-nik', NIK);
		await page.click('#simpan-catat');
		await page.waitForSelector('#catat-hasil.berhasil');
		is(sql(`SELECT nama || '|' || no_kk || '|' || jenis_kelamin || '|' || tanggal_lahir || '|' || hubungan FROM kkb.anggota WHERE kode_desa = '${A}' AND nik = '${NIK}'`),
			`Rina Uji|${KK}|P|1995-03-12|kepala`, 'psql: the member is stored in the new family');

		await page.click('#tab-peristiwa');
		await page.waitForSelector('#form-peristiwa');
		await page.selectOption('#c-jenis', 'lahir');
		await page.fill('#c-tanggal', sql("SELECT (current_date - 2)::text"));
		await page.fill('#c-nik_ibu', NIK);
		await page.selectOption('#c-jenis_kelamin', 'L');
		await page.click('#simpan-catat');
		await page.waitForSelector('#catat-hasil.berhasil');
		is(sql(`SELECT count(*) || '|' || min(jenis::text) || '|' || bool_and(ref LIKE 'web-%') FROM kkb.peristiwa WHERE kode_desa = '${A}' AND nik_ibu = '${NIK}'`),
			'1|lahir|true', 'psql: one birth to her, under the form\'s own client id');
		const lebar = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
		ok(lebar, 'the record forms fit a 390 px phone');
		await foto(page, '16-catat-peristiwa-ponsel.png');
	});
	await langkah('Pokja works without a connection', async () => {
		const KK1 = '1377010112250991', KK2 = '1377010112250992', NIK = '1377015203950992';
		const tersimpan = () => sql(`SELECT (SELECT count(*) FROM kkb.keluarga WHERE kode_desa = '${A}' AND no_kk IN ('${KK1}', '${KK2}'))
			+ (SELECT count(*) FROM kkb.anggota WHERE kode_desa = '${A}' AND nik = '${NIK}')`);
		sql(`SET session_replication_role = replica; DELETE FROM kkb.anggota WHERE kode_desa = '${A}' AND nik = '${NIK}';
			DELETE FROM kkb.keluarga WHERE kode_desa = '${A}' AND no_kk IN ('${KK1}', '${KK2}')`);
		// the service worker in control, the page and its data read once through it
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
		await page.goto(`${URL}/#/catat/${A}?jenis=anggota`);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await page.reload();
		await page.waitForSelector('#form-anggota');
		await page.click('#tab-keluarga');
		await page.waitForSelector('#form-keluarga');
		const sebelumLuring = page.masalah.length;

		await page.context().setOffline(true);
		for (const kk of [KK1, KK2]) {
			await page.fill('#c-no_kk', kk);
			await page.fill('#c-rt', '4');
			await page.click('#simpan-catat');
			await page.waitForSelector('#catat-hasil.antre');
			await page.waitForFunction(() => document.getElementById('catat-hasil').textContent.includes('disimpan di ponsel'));
			await page.evaluate(() => { document.getElementById('catat-hasil').className = 'hasil'; });
		}
		await page.click('#tab-anggota');
		await page.waitForSelector('#form-anggota');
		await page.fill('#c-nik', NIK);
		await page.fill('#c-no_kk', KK1);
		await page.fill('#c-nama', 'Sari Luring');
		await page.selectOption('#c-jenis_kelamin', 'P');
		await page.fill('#c-tanggal_lahir', '1995-03-12');
		await page.selectOption('#c-hubungan', 'kepala');
		await page.click('#simpan-catat');
		await page.waitForSelector('#catat-hasil.antre');
		is((await page.textContent('#antrian')).trim(), '3 catatan menunggu sinyal', 'offline: 3 records entered, the header says they wait');
		is(tersimpan(), '0', 'psql: nothing has reached the database yet');

		await page.reload();
		await page.waitForSelector('#form-anggota');
		await page.waitForFunction(() => document.querySelectorAll('#bagian-antrian li[data-keadaan="menunggu"]').length === 3);
		ok(true, 'the page reloads without a connection (service worker) and still lists the 3 waiting records');
		await foto(page, '17-luring-antrian-ponsel.png');

		// meanwhile another cadre recorded the second family card online, with another RT
		sql(`INSERT INTO kkb.keluarga (kode_desa, no_kk, rt) VALUES ('${A}', '${KK2}', 9)`);
		const rt = (kk) => sql(`SELECT rt FROM kkb.keluarga WHERE kode_desa = '${A}' AND no_kk = '${kk}'`);
		await page.context().setOffline(false);
		await page.waitForFunction(() => document.querySelectorAll('#bagian-antrian li').length === 1
			&& document.querySelector('#bagian-antrian li[data-keadaan="bentrok"]') !== null, null, {timeout: 40000});
		ok(true, 'back online: the queue sends itself; the family recorded meanwhile by someone else is held back as a conflict');
		is(`${rt(KK1)} ${rt(KK2)}`, '4 9', 'psql: the first family is stored, the other cadre\'s is not written over');
		is((await page.textContent('#antrian')).trim(), '1 catatan bentrok', 'the header says one record is in conflict');
		const baris = await page.$$eval('#bagian-antrian li[data-keadaan="bentrok"] tbody tr', (tr) => tr.map((x) => [...x.cells].map((c) => c.textContent).join('|')));
		is(baris.join('; '), 'RT|4|9', 'the conflict shows the field that differs: RT 4 on this phone, 9 stored');
		await foto(page, '19-luring-bentrok-ponsel.png');
		page.once('dialog', (d) => d.accept());
		await page.click('#bagian-antrian li[data-keadaan="bentrok"] button.timpa');
		await page.waitForFunction(() => document.getElementById('antrian').hidden, null, {timeout: 40000});
		is(rt(KK2), '4', 'psql: after "Kirim catatan saya" the phone\'s record is stored over the other');
		is(tersimpan(), '3', 'psql: the 2 families and the member are stored');
		is(sql(`SELECT count(*) FROM kkb.audit WHERE tabel IN ('keluarga', 'anggota') AND operasi = 'INSERT'
			AND (kunci -> 'no_kk' ?| ARRAY['${KK1}', '${KK2}'] OR kunci -> 'nik' ? '${NIK}')`), '3', '... each once (one insert each in the audit)');
		is(sql(`SELECT count(*) FROM kkb.audit WHERE tabel = 'keluarga' AND operasi = 'UPDATE' AND kunci -> 'no_kk' ? '${KK2}'`), '1',
			'... and the family written over once, in the audit');
		// what failed while offline was expected: not a fault of the page
		page.masalah.splice(sebelumLuring).filter((m) => !/ERR_INTERNET_DISCONNECTED|request failed/.test(m)).forEach((m) => page.masalah.push(m));
	});
	await langkah("another village's scorecard", async () => {
		await page.goto(`${URL}/#/desa/${B}`);
		const g = await page.waitForSelector('main .galat');
		ok(/tidak ditemukan, atau di luar wilayah Anda/.test(await g.textContent()), `the Pokja of ${A} cannot open ${B}'s scorecard (404: said so)`);
		is(await page.locator('#kelas-desa').count(), 0, 'and sees none of its data');
		await foto(page, '08-desa-lain-ditolak.png');
	});
	ok(page.masalah.length === 0, 'Pokja pages: no script errors, CSP violations or external requests', page.masalah.join('\n'));

	// the month the Pokja submitted: the agency approves it on the village page, validation first
	const opd = await halaman({viewport: {width: 1280, height: 900}});
	await langkah('OPD records an intervention', async () => {
		await masuk(opd, process.env.KKB_WEB_TOKEN_OPD);
		await opd.waitForURL(/#\/kota/);
		await opd.goto(`${URL}/#/desa/${A}?periode=${PERIODE}`);
		await opd.waitForSelector('#form-intervensi');
		const n0 = Number(sql(`SELECT count(*) FROM kkb.intervensi WHERE kode_desa = '${A}'`));
		is((await opd.textContent('#jumlah-intervensi')).trim().split(' ')[0], n0 === 0 ? 'Belum' : String(n0),
			`the village page lists its ${n0} interventions`);
		ok(await opd.isChecked('#i-opd input[value="dinkes"]'), 'the agency\'s own name is ticked as the implementing agency');
		await opd.selectOption('#i-fungsi_keluarga', 'perlindungan');
		await opd.click('#simpan-intervensi');
		await opd.waitForSelector('#intervensi-hasil.galat');
		ok((await opd.textContent('#galat-judul')).trim().length > 0, 'without a title: refused, the server\'s message at the field',
			await opd.textContent('#galat-judul'));
		await opd.fill('#i-judul', 'Kelas gizi balita');
		await opd.check('#i-sasaran input[value="balita"]');
		await opd.click('#simpan-intervensi');
		await opd.waitForSelector('#intervensi-hasil.berhasil');
		is(sql(`SELECT judul || '|' || fungsi_keluarga || '|' || sasaran::text || '|' || opd::text FROM kkb.intervensi
			WHERE kode_desa = '${A}' ORDER BY id DESC LIMIT 1`), 'Kelas gizi balita|perlindungan|{balita}|{dinkes}',
			'psql: the intervention is stored with its function, target group and agency');
		is(Number(sql(`SELECT count(*) FROM kkb.intervensi WHERE kode_desa = '${A}'`)), n0 + 1, '... once');
		ok(/Kelas gizi balita/.test(await opd.textContent('#daftar-intervensi li:first-child')), 'and heads the list');
	});
	await langkah('OPD approves the month', async () => {
		await opd.waitForSelector('#persetujuan #status-persetujuan');
		is((await opd.textContent('#status-persetujuan')).trim(), 'Diajukan', 'the approval section shows the submitted state');
		const nViolasi = Number(sql(`SELECT count(*) FROM kkb.periksa('${A}', '${PERIODE}-01')`));
		const teks = (await opd.textContent('#persetujuan-validasi')).trim();
		ok(nViolasi === 0 ? /Tidak ada pelanggaran/.test(teks) : teks.startsWith(`${nViolasi} pelanggaran`),
			`the month's validation results come first: ${nViolasi} violations as kkb.periksa counts`, teks);
		ok(/Kelengkapan data: /.test(await opd.textContent('#persetujuan-kelengkapan')), 'and its completeness');
		is(await opd.locator('#langkah-kunci, #langkah-buka').count(), 0, 'an agency may approve, not lock or reopen');
		if (nViolasi > 0) {
			ok(await opd.isDisabled('#langkah-setujui'), 'with violations, Approve waits for "I have checked"');
			await opd.check('#persetujuan-periksa');
		}
		await opd.click('#langkah-setujui');
		await opd.waitForSelector('#persetujuan-hasil.berhasil');
		is((await opd.textContent('#status-persetujuan')).trim(), 'Disetujui', 'after Approve the section says Disetujui');
		is((await opd.textContent('#status-desa')).trim(), 'Disetujui', '... and so does the month\'s state at the top');
		is(sql(`SELECT status || '|' || diubah_oleh FROM kkb.periode_status WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`),
			'disetujui|Dinkes Pariaman', 'psql: the month is disetujui, by the agency\'s token holder');
		await foto(opd, '13-opd-setujui.png');
	});
	ok(opd.masalah.length === 0, 'approval pages: no script errors, CSP violations or external requests', opd.masalah.join('\n'));

	// an administrator on a phone: lock the approved month, then reopen it
	const adm = await halaman({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
	adm.on('dialog', (d) => d.accept());
	await langkah('admin locks and reopens the month on a phone', async () => {
		await masuk(adm, process.env.KKB_WEB_TOKEN_ADMIN);
		await adm.waitForSelector('#siapa');
		await adm.goto(`${URL}/#/desa/${A}?periode=${PERIODE}`);
		await adm.waitForSelector('#persetujuan #langkah-kunci');
		is(await adm.locator('#langkah-setujui').count(), 0, 'an approved month offers no second approval');
		await adm.click('#langkah-kunci');
		await adm.waitForSelector('#persetujuan-hasil.berhasil');
		is(sql(`SELECT status FROM kkb.periode_status WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`), 'dikunci',
			'psql: the administrator locked the month');
		const lebar = await adm.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
		ok(lebar, 'the approval section fits a 390 px screen (no sideways scrolling)');
		await foto(adm, '14-admin-kunci-ponsel.png');
		await adm.click('#langkah-buka');
		await adm.waitForSelector('#persetujuan-hasil.berhasil');
		is((await adm.textContent('#status-persetujuan')).trim(), 'Draf', 'after Reopen the section says Draf');
		is(sql(`SELECT status FROM kkb.periode_status WHERE kode_desa = '${A}' AND periode = '${PERIODE}-01'`), 'draf',
			'psql: the month is draf again');
	});
	ok(adm.masalah.length === 0, 'admin pages: no script errors, CSP violations or external requests', adm.masalah.join('\n'));

	// a province's portal token: aggregates only, region by region
	const prov = await halaman({viewport: {width: 1280, height: 900}});
	await langkah('province portal', async () => {
		await masuk(prov, process.env.KKB_WEB_TOKEN_PROV);
		await prov.waitForURL(/#\/wilayah\/13/);
		await prov.waitForSelector('#tabel-wilayah tbody tr');
		is(String(await prov.locator('#tabel-wilayah tbody tr').count()), sql("SELECT count(*) FROM kkb.wilayah WHERE induk = '13'"),
			'the province token lands on its province: one row per regency and city');
		is((await prov.textContent('#tabel-wilayah tr[data-kode="13.77"] td:nth-child(3)')).trim(), '71',
			'Kota Pariaman: 71 Kampung KB');
		await foto(prov, '10-provinsi.png');
		await prov.click('#tabel-wilayah tr[data-kode="13.77"] a');
		await prov.waitForSelector('#tabel-wilayah tr[data-kode="13.77.01"]');
		is(String(await prov.locator('#tabel-wilayah tbody tr').count()), '4', 'a click opens the city: its 4 kecamatan');
		const want = sql(`SELECT coalesce(prevalensi_stunting::text, '-') FROM kkb.ringkasan('13.77', '${PERIODE}-01', 3, true) LIMIT 1`);
		const got = (await prov.textContent('#kpi-stunting')).trim().replace('%', '').replace(',', '.');
		ok(want !== '-' && Math.abs(Number(got) - Number(want)) < 0.0501, `the city's stunting prevalence equals kkb.ringkasan (${want}%), one decimal`, got);
		ok(/^\d+,\d%$/.test((await prov.textContent('#kpi-stunting')).trim()), 'percentages with a decimal comma and one decimal',
			await prov.textContent('#kpi-stunting'));
		const nav = await prov.locator('#nav a').allTextContents();
		ok(!nav.some((t) => /Isi laporan|Daftar kerja|Kartu desa/.test(t)), 'its menu has no village or agency pages', nav.join(', '));
		await foto(prov, '11-provinsi-kota.png');
	});
	ok(prov.masalah.length === 0, 'province pages: no script errors, CSP violations or external requests', prov.masalah.join('\n'));

	// an analyst's token: the read-only overview of its city, not a dead end
	const an = await halaman({viewport: {width: 1280, height: 900}});
	await langkah('analyst overview', async () => {
		await masuk(an, process.env.KKB_WEB_TOKEN_ANALIS);
		await an.waitForURL(/#\/wilayah\/13\.77/);
		await an.waitForSelector('#tabel-wilayah tbody tr');
		is(String(await an.locator('#tabel-wilayah tbody tr').count()), sql("SELECT count(*) FROM kkb.wilayah WHERE induk = '13.77'"),
			'the analyst lands on its city: one row per kecamatan');
		ok(/Kota Pariaman/i.test(await an.textContent('#judul-wilayah')), 'named', await an.textContent('#judul-wilayah'));
		const nav = await an.locator('#nav a').allTextContents();
		ok(nav.includes('Ringkasan wilayah') && !nav.some((t) => /Isi laporan|Daftar kerja|Kartu desa/.test(t)),
			'its menu: the overview only', nav.join(', '));
		await foto(an, '12-analis.png');
		// another month from the picker: the page follows it
		const lalu = await an.locator('#periode option').nth(1).getAttribute('value');
		await an.selectOption('#periode', lalu);
		await an.waitForURL(new RegExp(`periode=${lalu}`), {timeout: 5000}).catch(() => {});
		ok(an.url().includes(`periode=${lalu}`), `choosing ${lalu} in the month picker opens that month`, an.url());
		is((await an.locator('#periode option:checked').getAttribute('value')), lalu, '... and the picker shows it');
	});
	ok(an.masalah.length === 0, 'analyst pages: no script errors, CSP violations or external requests', an.masalah.join('\n'));
}

await browser.close();
selesai();

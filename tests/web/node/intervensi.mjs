// intervensi.mjs - an agency's interventions on a village page, in Debian's chromium (playwright-core).
// Run by tests/web/04_intervensi.sh, which loads the demo city into its own database, gives village
// 13.77.01.1001 25 interventions (24 of dinkes "Uji 04 nomor 01..24", one of the village) and starts
// the gateway.
//
// On a phone (390x844) the agency pages to the 21st..25th, changes one of its own there (prefilled
// form, PUT with If-Match), sees a refused change's message at its field; on a desktop it opens one
// for a change, psql changes it meanwhile, and the page shows both versions; the agency keeps its own,
// adds a camera-sized photo (resized in the browser to 1280 px and 300 KB), sees it and removes it.
// psql checks the stored rows after each step.
//
// Environment: as tests/web/node/tap.mjs (KKB_WEB_URL, KKB_WEB_SHOTS, the tokens, KKB_WEB_PSQL).
import {join} from 'node:path';
import {URL, SHOTS, PERIODE, ok, is, sql, selesai, peramban, awasi, langkah} from './tap.mjs';

const A = '13.77.01.1001';

const browser = await peramban();

// the interventions' section only (the village page around it is 02_browser.sh's)
async function foto(page, nama) {
	await page.locator('#intervensi').screenshot({path: join(SHOTS, nama)});
	console.log(`# screenshot ${join(SHOTS, nama)}`);
}

async function bukaDesa(page) {
	await page.goto(URL + '/');
	await page.waitForSelector('#token');
	await page.fill('#token', process.env.KKB_WEB_TOKEN_OPD);
	await page.click('#masuk');
	await page.waitForURL(/#\/kota/);
	await page.goto(`${URL}/#/desa/${A}?periode=${PERIODE}`);
	await page.waitForSelector('#daftar-intervensi li');
}

const id = (judul) => sql(`SELECT id FROM kkb.intervensi WHERE kode_desa = '${A}' AND judul = '${judul}'`);
const baris = (i) => sql(`SELECT judul || '|' || sasaran::text || '|' || coalesce(pemilik_opd, '-') FROM kkb.intervensi WHERE kode_desa = '${A}' AND id = ${i}`);
const li = (page, i) => page.locator(`#daftar-intervensi li[data-id="${i}"]`);

// ---------------------------------------------------------------- a phone
const ponsel = await browser.newContext({locale: 'id-ID', viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true,
	deviceScaleFactor: 2});
const hp = awasi(await ponsel.newPage());
const id03 = id('Uji 04 nomor 03');
await langkah('the list, 20 a page', async () => {
	await bukaDesa(hp);
	is((await hp.textContent('#jumlah-intervensi')).trim(), '25 intervensi tercatat, terbaru lebih dulu:', 'the total: 25 interventions');
	is(await hp.locator('#daftar-intervensi li').count(), 20, 'the first page shows 20');
	is((await hp.textContent('#posisi-intervensi')).trim(), '1–20 dari 25', '... "1–20 dari 25"');
	ok(await hp.isDisabled('#intervensi-sebelumnya') && !(await hp.isDisabled('#intervensi-berikutnya')), 'previous disabled, next enabled');
	ok(/Uji 04 nomor 24/.test(await hp.textContent('#daftar-intervensi li:first-child')), 'the newest first');
	is(await hp.locator('#daftar-intervensi .ubah-intervensi').count(), 20, 'each of the agency\'s own has "Ubah"');
	ok(await hp.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
		'the village page does not scroll sideways on the phone');
	await foto(hp, '60-intervensi-ponsel.png');
});
await langkah('the second page', async () => {
	await hp.click('#intervensi-berikutnya');
	await hp.waitForFunction(() => document.getElementById('posisi-intervensi').textContent.startsWith('21'));
	is((await hp.textContent('#posisi-intervensi')).trim(), '21–25 dari 25', 'the next page: "21–25 dari 25"');
	is(await hp.locator('#daftar-intervensi li').count(), 5, '... 5 interventions');
	ok(/Uji 04 milik desa/.test(await hp.textContent('#daftar-intervensi li:last-child')), 'the oldest last: the village\'s own');
	is(await hp.locator('#daftar-intervensi li:last-child .ubah-intervensi').count(), 0, 'which the agency may not change (no "Ubah")');
	ok(!(await hp.isDisabled('#intervensi-sebelumnya')) && await hp.isDisabled('#intervensi-berikutnya'), 'previous enabled, next disabled');
});
await langkah('the phone changes the 22nd', async () => {
	await li(hp, id03).locator('.ubah-intervensi').click();
	is(await hp.inputValue('#i-judul'), 'Uji 04 nomor 03', 'the form is prefilled with the intervention');
	is(await hp.inputValue('#i-tanggal'), '2026-09-04', '... its date');
	ok(await hp.isChecked('#i-sasaran input[value="balita"]') && await hp.isChecked('#i-opd input[value="dinkes"]'), '... its target groups and agencies');
	is((await hp.textContent('#simpan-intervensi')).trim(), 'Simpan perubahan', 'the button says "Simpan perubahan"');
	await hp.fill('#i-judul', 'Uji 04 diubah di ponsel');
	await hp.check('#i-sasaran input[value="ibu_hamil"]');
	await foto(hp, '61-intervensi-ubah-ponsel.png');
	await hp.click('#simpan-intervensi');
	await hp.waitForSelector('#intervensi-hasil.berhasil');
	is(baris(id03), 'Uji 04 diubah di ponsel|{balita,ibu_hamil}|dinkes', 'psql: stored, still the agency\'s');
	ok(/Uji 04 diubah di ponsel/.test(await li(hp, id03).textContent()), 'the row on the page shows it');
	is((await hp.textContent('#simpan-intervensi')).trim(), 'Catat intervensi', 'the form records new ones again');
});
await langkah('a refused change: the message at its field', async () => {
	const id02 = id('Uji 04 nomor 02');
	await li(hp, id02).locator('.ubah-intervensi').click();
	await hp.fill('#i-judul', '');
	await hp.click('#simpan-intervensi');
	await hp.waitForSelector('#intervensi-hasil.galat');
	ok(/judul wajib diisi/.test(await hp.textContent('#galat-judul')), 'without a title: the server\'s message at the title',
		await hp.textContent('#galat-judul'));
	is(baris(id02), 'Uji 04 nomor 02|{balita}|dinkes', 'psql: nothing changed');
	await hp.click('#batal-ubah-intervensi');
	is((await hp.textContent('#simpan-intervensi')).trim(), 'Catat intervensi', '"Batal" goes back to recording');
	ok(hp.masalah.length === 0, 'the phone: no script errors, CSP violations or external requests', hp.masalah.join('\n'));
});
await ponsel.close();

// ---------------------------------------------------------------- a desktop, and a change made meanwhile
const meja = await browser.newContext({locale: 'id-ID', viewport: {width: 1280, height: 900}});
const pc = awasi(await meja.newPage());
const id24 = id('Uji 04 nomor 24');
await langkah('a change made meanwhile', async () => {
	await bukaDesa(pc);
	await li(pc, id24).locator('.ubah-intervensi').click();
	is(await pc.inputValue('#i-judul'), 'Uji 04 nomor 24', 'the desktop opens the newest for a change');
	sql(`UPDATE kkb.intervensi SET judul = 'Uji 04 diubah lewat psql', uraian = 'oleh orang lain' WHERE kode_desa = '${A}' AND id = ${id24}`);
	await pc.fill('#i-judul', 'Uji 04 versi OPD');
	await pc.click('#simpan-intervensi');
	await pc.waitForSelector('#intervensi-konflik:not([hidden])');
	const t = await pc.textContent('#tabel-konflik');
	ok(/Uji 04 versi OPD/.test(t) && /Uji 04 diubah lewat psql/.test(t) && /oleh orang lain/.test(t),
		'the page shows both versions: its own and the stored one', t);
	is(baris(id24), 'Uji 04 diubah lewat psql|{balita}|dinkes', 'psql: the other change stands, nothing of the page\'s stored');
	ok(/Uji 04 diubah lewat psql/.test(await li(pc, id24).textContent()), 'the list shows the stored version');
	await foto(pc, '62-intervensi-konflik.png');
	await pc.click('#konflik-timpa');
	await pc.waitForSelector('#intervensi-hasil.berhasil');
	is(sql(`SELECT judul || '|' || coalesce(uraian, '-') FROM kkb.intervensi WHERE kode_desa = '${A}' AND id = ${id24}`), 'Uji 04 versi OPD|-',
		'"Simpan versi saya": psql shows the agency\'s version stored');
	is(Number(sql(`SELECT count(*) FROM kkb.intervensi WHERE kode_desa = '${A}'`)), 25, 'still 25 interventions: changes, no new rows');
});
await langkah('a photo: resized in the browser, stored, shown, removed', async () => {
	const galeri = li(pc, id24).locator('.galeri-foto');
	await li(pc, id24).locator('.foto-intervensi').click();
	await galeri.locator('.jumlah-foto').waitFor();
	is((await galeri.locator('.jumlah-foto').textContent()).trim(), 'Belum ada foto.', 'the agency opens its intervention\'s photos: none yet');
	// a camera-sized picture (1800x1200 PNG: gradients with grain, a few MB): far over 300 KB and 1280 px
	const png = await pc.evaluate(() => {
		const k = document.createElement('canvas');
		k.width = 1800;
		k.height = 1200;
		const c = k.getContext('2d');
		const d = c.createImageData(1800, 1200);
		let acak = 12345;
		for (let i = 0; i < d.data.length; i += 4) {
			acak = (acak * 1103515245 + 12345) & 0x7fffffff;
			const x = (i / 4) % 1800, y = Math.floor(i / 4 / 1800), g = acak % 32;
			d.data[i] = (x / 8 + g) & 255;
			d.data[i + 1] = (y / 5 + g) & 255;
			d.data[i + 2] = ((x + y) / 12 + g) & 255;
			d.data[i + 3] = 255;
		}
		c.putImageData(d, 0, 0);
		return k.toDataURL('image/png').split(',')[1];
	});
	const besar = Buffer.from(png, 'base64');
	ok(besar.length > 307200, `the chosen picture is ${besar.length} bytes`);
	await galeri.locator('.pilih-foto').setInputFiles({name: 'kegiatan.png', mimeType: 'image/png', buffer: besar});
	await galeri.locator('figure img[src^="blob:"]').waitFor();
	await pc.waitForFunction((i) => {
		const img = document.querySelector(`#daftar-intervensi li[data-id="${i}"] .galeri-foto figure img`);
		return img && img.complete && img.naturalWidth > 0;
	}, id24);
	ok(true, 'the stored photo is shown (fetched with the token, from an object URL)');
	is((await galeri.locator('.jumlah-foto').textContent()).trim(), '1 dari 5 foto', '... "1 dari 5 foto"');
	const [jenis, lebar, tinggi, ukuran] = sql(`SELECT jenis || '|' || lebar || '|' || tinggi || '|' || ukuran FROM kkb.intervensi_foto
		WHERE kode_desa = '${A}' AND intervensi_id = ${id24}`).split('|');
	ok(jenis === 'image/jpeg' && Number(lebar) <= 1280 && Number(lebar) >= 320 && Math.abs(Number(lebar) / Number(tinggi) - 1.5) < 0.01
		&& Number(ukuran) <= 307200, `psql: one JPEG, resized (${lebar}x${tinggi}, ${ukuran} bytes: longest side ≤ 1280, ≤ 300 KB, same shape)`);
	await foto(pc, '63-intervensi-foto.png');
	pc.once('dialog', (d) => d.accept());
	await galeri.locator('.hapus-foto').click();
	await pc.waitForFunction((i) => /Belum ada foto/.test(document.querySelector(`#daftar-intervensi li[data-id="${i}"] .galeri-foto`).textContent), id24);
	is(sql(`SELECT count(*) FROM kkb.intervensi_foto WHERE kode_desa = '${A}'`), '0', '"Hapus": psql shows it removed');
});
await langkah('the village\'s intervention: photos to look at only', async () => {
	await pc.click('#intervensi-berikutnya');
	await pc.waitForFunction(() => document.getElementById('posisi-intervensi').textContent.startsWith('21'));
	const idDesa = id('Uji 04 milik desa');
	await li(pc, idDesa).locator('.foto-intervensi').click();
	await li(pc, idDesa).locator('.galeri-foto .jumlah-foto').waitFor();
	is(await li(pc, idDesa).locator('.pilih-foto').count(), 0, 'an agency cannot add photos to the village\'s intervention (no file input)');
	ok(pc.masalah.length === 0, 'the desktop: no script errors, CSP violations or external requests', pc.masalah.join('\n'));
});

await browser.close();
selesai();

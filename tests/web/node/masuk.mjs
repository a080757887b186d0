// masuk.mjs - signing in with a one-time sign-in link, in Debian's chromium (playwright-core).
// Run by tests/web/05_masuk.sh, which starts the gateway (token cache 1 s), loads the demo city into
// its own database and makes the tokens.
//
// An administrator on a desktop makes a link for Pokja Karan Aur and sees its QR code; a phone opens
// the link, names itself, lands on its village scorecard, is closed and opened again (still signed
// in); the administrator revokes the phone, which then gets the sign-in page with a clear message.
// A token pasted on the sign-in page stays in the tab unless "Ingat di perangkat ini" is ticked.
//
// Environment: as tests/web/node/tap.mjs (KKB_WEB_URL, KKB_WEB_SHOTS, the tokens, KKB_WEB_PSQL).
import {join} from 'node:path';
import {URL, SHOTS, ok, is, sql, selesai, peramban, awasi, langkah} from './tap.mjs';

const A = '13.77.01.1001';
const PONSEL = 'HP Samsung Bu Rina';

const browser = await peramban();

async function konteks(opsi) {
	return browser.newContext({locale: 'id-ID', ...opsi});
}

async function foto(page, nama) {
	await page.screenshot({path: join(SHOTS, nama), fullPage: true});
	console.log(`# screenshot ${join(SHOTS, nama)}`);
}

async function masuk(page, token, ingat = false) {
	await page.goto(URL + '/');
	await page.waitForSelector('#token');
	await page.fill('#token', token);
	if (ingat) await page.check('#ingat');
	await page.click('#masuk');
}

// ---------------------------------------------------------------- the administrator makes a link
const meja = await konteks({viewport: {width: 1366, height: 768}});
const admin = awasi(await meja.newPage());
let tautan = null;
await langkah('the administrator makes a sign-in link', async () => {
	await masuk(admin, process.env.KKB_WEB_TOKEN_ADMIN);
	await admin.waitForURL(/#\/kota/);
	const nav = await admin.locator('#nav a').allTextContents();
	ok(nav.includes('Perangkat & tautan masuk'), 'the administrator\'s menu has "Perangkat & tautan masuk"', nav.join(', '));
	await admin.click('#nav a[href="#/perangkat"]');
	await admin.waitForSelector('#form-tautan');
	await admin.waitForSelector('#tabel-perangkat');
	await admin.selectOption('#t-peran', 'kkb_pokja');
	await admin.fill('#t-wilayah', A);
	await admin.fill('#t-label', 'Pokja Karan Aur');
	await admin.click('#buat-tautan');
	const qr = admin.locator('svg#qr-tautan');
	await qr.waitFor({state: 'visible'});
	const kotak = await qr.boundingBox();
	ok(kotak && kotak.width >= 150 && Math.abs(kotak.width - kotak.height) < 2, 'the QR code is shown, square and large enough to scan',
		JSON.stringify(kotak));
	ok(await qr.locator('path').count() === 1 && (await qr.locator('path').getAttribute('d')).length > 500,
		'drawn as one path of dark modules');
	tautan = await admin.getAttribute('#tautan-url', 'href');
	ok(new RegExp(`^${URL.replaceAll('.', '\\.')}/#/masuk/[0-9a-f]{32}$`).test(tautan), 'the link is shown beside it: ' + tautan);
	ok(/berlaku sampai pukul/.test(await admin.textContent('#tautan-berlaku')), 'with its expiry ("sekali pakai, berlaku sampai pukul ...")');
	await foto(admin, '50-tautan-masuk-layar.png');
});

// ---------------------------------------------------------------- the cadre's phone
const ponsel = await konteks({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
	userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'});
let hp = awasi(await ponsel.newPage());
await langkah('the phone opens the link', async () => {
	await hp.goto(tautan);
	await hp.waitForSelector('#nama-perangkat');
	is(await hp.inputValue('#nama-perangkat'), 'HP SM-A145F', 'the phone is asked for a device name, prefilled from the browser');
	ok(!/[0-9a-f]{32}/.test(hp.url()), 'the code is gone from the address bar', hp.url());
	await hp.fill('#nama-perangkat', PONSEL);
	ok(await hp.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
		'the phone\'s sign-in page does not scroll sideways');
	await foto(hp, '51-masuk-ponsel.png');
	await hp.click('#masuk-tautan');
	await hp.waitForURL(new RegExp(`#/desa/${A.replaceAll('.', '\\.')}`));
	await hp.waitForSelector('#kelas-desa .kelas');
	ok(true, 'it lands on its village scorecard');
	ok((await hp.textContent('#siapa')).includes('Pokja Karan Aur - ' + PONSEL), 'signed in as "Pokja Karan Aur - ' + PONSEL + '"',
		await hp.textContent('#siapa'));
	const simpan = await hp.evaluate(() => ({lokal: !!localStorage.getItem('kkb.token'), sesi: !!sessionStorage.getItem('kkb.token'),
		kunci: localStorage.getItem('kkb.perangkat')}));
	ok(simpan.lokal && !simpan.sesi, 'the token is kept on the device (localStorage), not only in the tab', JSON.stringify(simpan));
	is(sql(`SELECT count(*) FROM kkb.token WHERE label = 'Pokja Karan Aur - ${PONSEL}' AND perangkat = sha256(convert_to('${simpan.kunci}', 'UTF8')) AND dicabut IS NULL`),
		'1', 'the database holds one token for the phone, bound to its device key');
	await foto(hp, '52-ponsel-kartu-desa.png');
	await hp.close();
	hp = awasi(await ponsel.newPage());
	await hp.goto(URL + '/');
	await hp.waitForURL(new RegExp(`#/desa/${A.replaceAll('.', '\\.')}`));
	await hp.waitForSelector('#kelas-desa .kelas');
	ok(true, 'the page closed and opened again: still signed in, on the scorecard');
});

await langkah('the same link a second time', async () => {
	const lain = await konteks({viewport: {width: 390, height: 844}, isMobile: true});
	const p = awasi(await lain.newPage());
	await p.goto(tautan);
	await p.waitForSelector('#nama-perangkat');
	await p.click('#masuk-tautan');
	await p.waitForSelector('#masuk-galat:not([hidden])');
	ok(/tidak berlaku lagi/.test(await p.textContent('#masuk-galat')), 'another phone opening the used link is told it is no longer valid',
		await p.textContent('#masuk-galat'));
	ok(p.masalah.length === 0, 'no script errors there', p.masalah.join('\n'));
	await lain.close();
});

// ---------------------------------------------------------------- the administrator revokes the phone
await langkah('the administrator revokes the phone', async () => {
	await admin.goto(URL + '/#/kota');
	await admin.waitForURL(/#\/kota/);
	await admin.goto(URL + '/#/perangkat');
	const baris = admin.locator('#tabel-perangkat tbody tr', {hasText: PONSEL});
	await baris.waitFor();
	ok((await baris.textContent()).includes('tautan masuk'), 'the phone is in the list of devices, from a sign-in link');
	let tanya = '';
	admin.once('dialog', (d) => { tanya = d.message(); d.accept(); });
	await baris.locator('button.cabut').click();
	await admin.waitForSelector('#pesan:not([hidden])');
	ok(/Cabut akses/.test(tanya), 'the administrator confirms first: ' + tanya);
	ok(/dicabut/.test(await admin.textContent('#pesan')), 'and is told it is revoked', await admin.textContent('#pesan'));
	await admin.locator('#tabel-perangkat tbody tr', {hasText: PONSEL}).waitFor({state: 'detached'});
	ok(true, 'the phone is gone from the list');
	is(sql(`SELECT count(*) FROM kkb.token WHERE label = 'Pokja Karan Aur - ${PONSEL}' AND dicabut IS NOT NULL`), '1', 'revoked in the database');
	await foto(admin, '53-perangkat-dicabut.png');
});

await langkah('the revoked phone', async () => {
	await new Promise((r) => setTimeout(r, 1500));	// the gateway's token cache (--token-ttl 1)
	await hp.reload();
	await hp.waitForSelector('#token');
	await hp.waitForSelector('#pesan:not([hidden])');
	ok(/dicabut administrator/.test(await hp.textContent('#pesan')), 'the phone gets the sign-in page with a clear message: '
		+ await hp.textContent('#pesan'));
	ok(await hp.evaluate(() => !localStorage.getItem('kkb.token')), 'and the token is gone from the device');
	await foto(hp, '54-ponsel-dicabut.png');
});
ok(admin.masalah.length === 0, 'administrator pages: no script errors, CSP violations or external requests', admin.masalah.join('\n'));
ok(hp.masalah.length === 0, 'phone pages: no script errors, CSP violations or external requests', hp.masalah.join('\n'));

// ---------------------------------------------------------------- the administrator's view on a phone
await langkah('the administrator on a phone', async () => {
	const k = await konteks({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
	const p = awasi(await k.newPage());
	await masuk(p, process.env.KKB_WEB_TOKEN_ADMIN);
	await p.waitForURL(/#\/kota/);
	await p.goto(URL + '/#/perangkat');
	await p.waitForSelector('#tabel-perangkat');
	await p.fill('#t-wilayah', A);
	await p.click('#buat-tautan');
	await p.locator('svg#qr-tautan').waitFor({state: 'visible'});
	const lebar = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
	ok(lebar[0] <= lebar[1], 'at 390 px the page does not scroll sideways (the device table scrolls in its own box)', JSON.stringify(lebar));
	const qr = await p.locator('svg#qr-tautan').boundingBox();
	ok(qr && qr.x >= 0 && qr.x + qr.width <= 390, 'the QR code fits the phone\'s screen', JSON.stringify(qr));
	await foto(p, '55-perangkat-ponsel.png');
	ok(p.masalah.length === 0, 'no script errors', p.masalah.join('\n'));
	await k.close();
});

// ---------------------------------------------------------------- a pasted token: the tab, or the device when asked
await langkah('a pasted token', async () => {
	const bersama = await konteks({viewport: {width: 1366, height: 768}});
	let p = awasi(await bersama.newPage());
	await masuk(p, process.env.KKB_WEB_TOKEN_OPD);
	await p.waitForURL(/#\/kota/);
	ok(await p.evaluate(() => !!sessionStorage.getItem('kkb.token') && !localStorage.getItem('kkb.token')),
		'a token pasted without "Ingat di perangkat ini" is kept in the tab only');
	await p.close();
	p = awasi(await bersama.newPage());
	await p.goto(URL + '/');
	await p.waitForSelector('#token');
	ok(true, 'a new tab of the same browser asks for the token again');
	await masuk(p, process.env.KKB_WEB_TOKEN_OPD, true);
	await p.waitForURL(/#\/kota/);
	await p.close();
	p = awasi(await bersama.newPage());
	await p.goto(URL + '/');
	await p.waitForURL(/#\/kota/);
	ok(true, 'with "Ingat di perangkat ini" ticked, a new tab is still signed in');
	await p.click('#keluar');
	await p.waitForSelector('#token');
	ok(await p.evaluate(() => !localStorage.getItem('kkb.token') && !sessionStorage.getItem('kkb.token')), '"Keluar" forgets it');
	ok(p.masalah.length === 0, 'no script errors', p.masalah.join('\n'));
	await bersama.close();
});

await browser.close();
selesai();

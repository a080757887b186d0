// tata_letak.mjs - the dashboard's layout (tata letak) in Debian's chromium, driven by
// playwright-core (pinned in package-lock.json; it never downloads a browser): every view
// each role can reach, on a phone (390 x 844, also checked at 360 and 414 px wide) and on a
// laptop (1366 x 768), checked for sideways overflow and cut text, and photographed at
// both sizes.  Run by tests/web/03_tata_letak.sh, which starts the gateway, generates the
// demo city into its own database and makes the tokens.
//
// Environment: KKB_WEB_URL, KKB_WEB_SHOTS (screenshot directory), KKB_WEB_PERIODE (YYYY-MM),
// tokens KKB_WEB_TOKEN_OPD / _POKJA / _PROV / _ANALIS / _ADMIN, KKB_WEB_PSQL (a command that
// runs psql on the demo database; the SQL is its last argument); KKB_WEB_HANYA (a regular
// expression: only the views whose "role/view" matches).
// Prints "ok - ..." / "not ok - ..." lines and "# ..." comments; the shell wrapper numbers
// them into TAP.
import {join} from 'node:path';
import {URL, SHOTS, PERIODE, ok, is, sql, selesai, peramban, awasi, langkah} from './tap.mjs';

// ---------------------------------------------------------------- the checker (runs in the page)
// Returns a list of faults, each a sentence naming the element:
//  - the page scrolls sideways (documentElement.scrollWidth > clientWidth);
//  - a visible element with text of its own (or a form control) reaches outside the viewport
//    horizontally, unless the nearest box that clips it scrolls sideways on purpose
//    (overflow-x auto or scroll), and such a box itself lies inside the viewport;
//  - a box with overflow hidden/clip whose content is wider (scrollWidth > clientWidth) or
//    taller than it, unless it ends its text with an ellipsis (text-overflow: ellipsis) and
//    carries the full text in its title;
//  - an SVG <text> outside its <svg>'s box, or a chart label shortened with "…" without a
//    <title> holding the full text.
function periksaTataLetak() {
	const de = document.documentElement;
	const vw = de.clientWidth;
	const salah = [];
	const nama = (el) => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		else if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
		const t = (el.textContent || '').trim().replace(/\s+/g, ' ');
		return t ? `${s} "${t.length > 50 ? t.slice(0, 49) + '…' : t}"` : s;
	};
	const terlihat = (el) => {
		if (el.getClientRects().length === 0) return false;
		const cs = getComputedStyle(el);
		return cs.visibility !== 'hidden' && cs.display !== 'none';
	};
	const KENDALI = ['INPUT', 'SELECT', 'BUTTON', 'TEXTAREA', 'IMG'];
	const berteks = (el) => KENDALI.includes(el.tagName) || [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
	// the nearest ancestor that clips horizontally (overflow-x other than visible)
	const pemotong = (el) => {
		for (let a = el.parentElement; a && a !== de && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflowX !== 'visible') return a;
		}
		return null;
	};
	const gulir = (el) => el && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);

	if (de.scrollWidth > de.clientWidth) salah.push(`the page scrolls sideways: scrollWidth ${de.scrollWidth} > clientWidth ${de.clientWidth}`);
	for (const el of document.body.querySelectorAll('*')) {
		if (el instanceof SVGElement || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'BR'].includes(el.tagName)) continue;
		if (!terlihat(el)) continue;
		const cs = getComputedStyle(el);
		const r = el.getBoundingClientRect();
		// a box that cuts its content (text entry fields scroll their text by design)
		if (!['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) {
			const lebih = (cs.overflowX === 'hidden' || cs.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1;
			const lebihY = (cs.overflowY === 'hidden' || cs.overflowY === 'clip') && el.scrollHeight > el.clientHeight + 2;
			if (lebih || lebihY) {
				const penuh = (el.textContent || '').trim().replace(/\s+/g, ' ');
				const elipsis = cs.textOverflow === 'ellipsis' && el.title && el.title.replace(/\s+/g, ' ').includes(penuh);
				if (!(lebih && !lebihY && elipsis)) {
					salah.push(`text cut by overflow ${lebih ? cs.overflowX : cs.overflowY} (scroll ${el.scrollWidth}x${el.scrollHeight} > client ${el.clientWidth}x${el.clientHeight}`
						+ (cs.textOverflow === 'ellipsis' ? ', an ellipsis without the full text in its title' : '') + `): ${nama(el)}`);
				}
			}
		}
		if (gulir(el) && (r.left < -1 || r.right > vw + 1)) {
			salah.push(`a box that scrolls sideways reaches outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} of 0..${vw}): ${nama(el)}`);
		}
		if (!berteks(el) || (r.width === 0 && r.height === 0)) continue;
		if (r.left >= -1 && r.right <= vw + 1) continue;
		const p = pemotong(el);
		if (gulir(p)) continue;	// inside a box that scrolls sideways on purpose
		salah.push(`outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} of 0..${vw})${p ? ', cut by ' + nama(p) : ''}: ${nama(el)}`);
	}
	for (const t of document.querySelectorAll('svg text')) {
		const svg = t.ownerSVGElement;
		if (!svg || !terlihat(svg)) continue;
		const rs = svg.getBoundingClientRect(), rt = t.getBoundingClientRect();
		if (rt.width === 0 && rt.height === 0) continue;
		if (rt.left < rs.left - 1 || rt.right > rs.right + 1 || rt.top < rs.top - 1 || rt.bottom > rs.bottom + 1) {
			salah.push(`chart text outside its chart (text ${Math.round(rt.left)}..${Math.round(rt.right)} x ${Math.round(rt.top)}..${Math.round(rt.bottom)},`
				+ ` chart ${Math.round(rs.left)}..${Math.round(rs.right)} x ${Math.round(rs.top)}..${Math.round(rs.bottom)}): "${t.textContent}"`);
		}
		if (t.textContent.endsWith('…')) {
			const judul = [...svg.querySelectorAll('title')].find((x) => x.parentNode.contains(t));
			const awal = t.textContent.slice(0, -1);
			if (!judul || !judul.textContent.startsWith(awal)) salah.push(`a chart label shortened to "${t.textContent}" without its full text in a <title>`);
		}
	}
	return salah;
}

// ---------------------------------------------------------------- the browser
const browser = await peramban();

const UKURAN = {
	ponsel: {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true, deviceScaleFactor: 1},
	layar: {viewport: {width: 1366, height: 768}},
};
// a phone is checked at these widths too (the narrow and the wide end of common Android phones)
const LEBAR_PONSEL = [360, 414];

async function halaman(ukuran) {
	const context = await browser.newContext({locale: 'id-ID', ...UKURAN[ukuran]});
	return awasi(await context.newPage());
}

async function masuk(page, token) {
	await page.goto(URL + '/#/masuk');
	await page.waitForSelector('#token');
	await page.fill('#token', token);
	await page.click('#masuk');
	await page.waitForSelector('#keluar:not([hidden])');
}

// the page has finished drawing: its own marker, nothing left "Memuat…", the network quiet
async function siap(page, selektor) {
	await page.waitForSelector(selektor);
	await page.waitForFunction(() => !document.querySelector('#isi .memuat'));
	await page.waitForLoadState('networkidle').catch(() => {});
	await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
}

// open a view afresh (a reload: the charts are drawn for the current width)
async function buka(page, v) {
	if (v.langsung) {
		// a page that rewrites its own address (a sign-in link drops its code): loaded afresh
		await page.goto('about:blank');
		await page.goto(URL + '/' + v.hash);
	} else {
		if (!page.url().startsWith(URL)) await page.goto(URL + '/' + v.hash);
		else await page.evaluate((hash) => { location.hash = hash; }, v.hash);
		await page.reload();
	}
	await siap(page, v.siap);
	if (v.aksi) await v.aksi(page);
	await page.evaluate(() => window.scrollTo(0, 0));
}

const A = '13.77.01.1001', B = '13.77.01.1002';
const A_PERIODE = `${A}?periode=${PERIODE}`;
let beratKe = 0;	// each weighing of the layout pass another weight: the form answers with z-scores each time

// the child weighed in the layout pass (the first of the list) and in the double-save check below
async function timbang(page, berat) {
	await page.waitForSelector('#daftar-anak button.anak');
	const anak = page.locator('#daftar-anak button.anak').first();
	const nik = await anak.getAttribute('data-nik');
	await anak.click();
	await page.waitForSelector('#form-ukur');
	await page.fill('#u-berat_kg', String(berat));
	await page.fill('#u-tinggi_cm', '80.5');
	await page.click('#simpan-ukur');
	await page.waitForSelector('#ukur-tersimpan, #ukur-ditolak, #hasil-ukur .galat');
	return nik;
}

// every view of every role; NN is the screenshot's number (20 onwards: 02_browser.sh's are 01-19)
const PERAN = {
	tamu: {token: null, label: 'signed out'},
	opd: {token: process.env.KKB_WEB_TOKEN_OPD, label: 'OPD'},
	pokja: {token: process.env.KKB_WEB_TOKEN_POKJA, label: 'Pokja'},
	provinsi: {token: process.env.KKB_WEB_TOKEN_PROV, label: 'province portal'},
	analis: {token: process.env.KKB_WEB_TOKEN_ANALIS, label: 'analyst'},
	admin: {token: process.env.KKB_WEB_TOKEN_ADMIN, label: 'administrator'},
};
const TAMPILAN = [
	{peran: 'tamu', nama: 'masuk', hash: '#/masuk', siap: '#token', uraian: 'sign-in'},
	{peran: 'opd', nama: 'kota', hash: `#/kota?periode=${PERIODE}`, siap: '#tabel-desa tbody tr', uraian: 'city overview'},
	{peran: 'opd', nama: 'desa', hash: `#/desa/${A_PERIODE}`, siap: '#kelas-desa', uraian: 'village scorecard'},
	{peran: 'opd', nama: 'daftar-kerja', hash: `#/opd?periode=${PERIODE}`, siap: '#daftar-prioritas, #prioritas-kosong', uraian: 'work list'},
	{peran: 'pokja', nama: 'desa', hash: `#/desa/${A_PERIODE}`, siap: '#kelas-desa', uraian: 'village scorecard'},
	{peran: 'pokja', nama: 'timbang', hash: `#/ukur/${A}`, siap: '#daftar-anak button.anak', uraian: 'Timbang anak: the under-fives'},
	{peran: 'pokja', nama: 'timbang-hasil', hash: `#/ukur/${A}`, siap: '#daftar-anak button.anak', uraian: 'Timbang anak: a child weighed, its z-scores',
		aksi: async (page) => { await timbang(page, (9 + ++beratKe / 10).toFixed(1)); await page.waitForSelector('#tabel-zskor'); }},
	{peran: 'pokja', nama: 'catat-keluarga', hash: `#/catat/${A}?jenis=keluarga`, siap: '#form-keluarga', uraian: 'Catat keluarga: a family'},
	{peran: 'pokja', nama: 'catat-anggota', hash: `#/catat/${A}?jenis=anggota`, siap: '#form-anggota', uraian: 'Catat keluarga: a member, a bad NIK refused',
		aksi: async (page) => {
			await page.fill('#c-nik', '12345');
			await page.fill('#c-nama', 'Uji Tata Letak');
			await page.click('#simpan-catat');
			await page.waitForSelector('#catat-hasil.galat');
		}},
	{peran: 'pokja', nama: 'catat-peristiwa', hash: `#/catat/${A}?jenis=peristiwa`, siap: '#form-peristiwa', uraian: 'Catat keluarga: a vital event'},
	{peran: 'pokja', nama: 'isi', hash: `#/isi/${A_PERIODE}`, siap: '#form-kkbpk', uraian: 'Isi laporan, a refused value at its field',
		aksi: async (page) => {
			await page.fill('#f-kb_pil', '-3');
			await page.click('#form-kkbpk-simpan');
			await page.waitForSelector('.kolom[data-kolom="kb_pil"] .galat-kolom:not([hidden])');
		}},
	{peran: 'pokja', nama: 'desa-lain', hash: `#/desa/${B}`, siap: 'main .galat', uraian: "another village's scorecard refused"},
	{peran: 'provinsi', nama: 'wilayah', hash: `#/wilayah/13?periode=${PERIODE}`, siap: '#tabel-wilayah tbody tr', uraian: 'the province, per regency and city'},
	{peran: 'provinsi', nama: 'wilayah-kota', hash: `#/wilayah/13.77?periode=${PERIODE}`, siap: '#tabel-wilayah tbody tr', uraian: 'a city, per kecamatan'},
	{peran: 'analis', nama: 'wilayah', hash: `#/wilayah/13.77?periode=${PERIODE}`, siap: '#tabel-wilayah tbody tr', uraian: 'its city, per kecamatan'},
	{peran: 'analis', nama: 'wilayah-kecamatan', hash: `#/wilayah/13.77.01?periode=${PERIODE}`, siap: '#tabel-wilayah tbody tr', uraian: 'a kecamatan, per village'},
	{peran: 'admin', nama: 'kota', hash: `#/kota?periode=${PERIODE}`, siap: '#tabel-desa tbody tr', uraian: 'city overview'},
	{peran: 'admin', nama: 'desa', hash: `#/desa/${A_PERIODE}`, siap: '#persetujuan #status-persetujuan', uraian: 'village scorecard with approval and interventions'},
	{peran: 'admin', nama: 'daftar-kerja', hash: `#/opd?periode=${PERIODE}`, siap: '#daftar-prioritas, #prioritas-kosong', uraian: 'work list of every agency'},
	{peran: 'admin', nama: 'isi', hash: `#/isi/${A_PERIODE}`, siap: '#form-kkbpk', uraian: 'Isi laporan'},
	{peran: 'admin', nama: 'timbang', hash: `#/ukur/${A}`, siap: '#daftar-anak button.anak', uraian: 'Timbang anak'},
	{peran: 'admin', nama: 'catat-keluarga', hash: `#/catat/${A}?jenis=keluarga`, siap: '#form-keluarga', uraian: 'Catat keluarga'},
	{peran: 'admin', nama: 'perangkat', hash: '#/perangkat', siap: '#tabel-perangkat', uraian: 'Perangkat & tautan masuk: a link made, its QR code, the devices',
		aksi: async (page) => {
			await page.selectOption('#t-peran', 'kkb_pokja');
			await page.fill('#t-wilayah', A);
			await page.fill('#t-label', 'Pokja Karan Aur (tata letak)');
			await page.click('#buat-tautan');
			await page.locator('svg#qr-tautan').waitFor({state: 'visible'});
		}},
	{peran: 'tamu', nama: 'masuk-tautan', hash: '#/masuk/0123456789abcdef0123456789abcdef', siap: '#nama-perangkat', langsung: true,
		uraian: 'sign-in with a link: the device name asked'},
];
TAMPILAN.forEach((v, i) => { v.nn = String(20 + i); });
// KKB_WEB_HANYA=REGEX: only the views whose "role/view" matches (while working on one page)
const HANYA = process.env.KKB_WEB_HANYA ? new RegExp(process.env.KKB_WEB_HANYA) : null;

// ---------------------------------------------------------------- the checker's self-test
// A fault put into a page on purpose must be reported, or this test could never fail.
{
	const page = await halaman('ponsel');
	await langkah('the checker finds faults', async () => {
		await page.goto(URL + '/#/masuk');
		await siap(page, '#token');
		const sebelum = await page.evaluate(periksaTataLetak);
		// built with the DOM, styled through CSSOM (the page's CSP refuses style attributes)
		await page.evaluate(() => {
			const main = document.getElementById('isi');
			const tambah = (tag, attrs, gaya, teks, ns) => {
				const el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
				for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
				Object.assign(el.style, gaya);
				if (teks) el.textContent = teks;
				return el;
			};
			const bungkus = (...anak) => { const d = document.createElement('div'); d.className = 'uji-suntik'; d.append(...anak); main.append(d); };
			const potong = {display: 'inline-block', width: '3em', overflow: 'hidden', whiteSpace: 'nowrap'};
			bungkus(tambah('div', {id: 'uji-lebar'}, {width: '600px'}, 'Baris yang terlalu lebar untuk ponsel'));
			bungkus(tambah('span', {id: 'uji-lencana', class: 'kelas kelas-berkelanjutan'}, potong, 'Berkelanjutan'));
			bungkus(tambah('span', {id: 'uji-elipsis', class: 'kelas kelas-berkelanjutan', title: 'Berkelanjutan'}, {...potong, textOverflow: 'ellipsis'}, 'Berkelanjutan'));
			bungkus(tambah('span', {id: 'uji-elipsis-tanpa-judul', class: 'kelas'}, {...potong, textOverflow: 'ellipsis'}, 'Berkembang'));
			const tabel = tambah('table', {id: 'uji-tabel-gulir', class: 'tabel'}, {width: '900px'});
			tabel.append(tambah('tr', {}, {}));
			tabel.rows[0].append(tambah('td', {}, {}, 'kolom'), tambah('td', {}, {paddingLeft: '800px'}, 'jauh di kanan'));
			const gulir = tambah('div', {class: 'gulir'}, {});
			gulir.append(tabel);
			bungkus(gulir);
			const SVG = 'http://www.w3.org/2000/svg';
			const svg = tambah('svg', {class: 'grafik', viewBox: '0 0 100 20'}, {width: '100px'}, null, SVG);
			svg.append(tambah('text', {x: '90', y: '14'}, {}, 'label di luar grafik', SVG));
			bungkus(svg);
		});
		const sesudah = await page.evaluate(periksaTataLetak);
		const baru = sesudah.filter((x) => !sebelum.includes(x));
		const ada = (re) => baru.some((x) => re.test(x));
		ok(ada(/page scrolls sideways/), 'self-test: a 600 px element on a 390 px phone is reported as sideways scrolling', baru.join('\n'));
		ok(ada(/outside the viewport .*#uji-lebar/), 'self-test: ... and as text outside the viewport', baru.join('\n'));
		ok(ada(/text cut .*#uji-lencana/), 'self-test: a badge whose text is cut by overflow: hidden is reported', baru.join('\n'));
		ok(!ada(/#uji-elipsis "/), 'self-test: a badge cut with an ellipsis and its full text in its title is not', baru.join('\n'));
		ok(ada(/an ellipsis without the full text in its title.*#uji-elipsis-tanpa-judul/), 'self-test: an ellipsis without a title is reported', baru.join('\n'));
		ok(!ada(/uji-tabel-gulir|jauh di kanan/), 'self-test: a wide table inside a box that scrolls sideways is not', baru.join('\n'));
		ok(ada(/chart text outside its chart .*label di luar grafik/), 'self-test: an SVG label outside its chart is reported', baru.join('\n'));
		await page.evaluate(() => document.querySelectorAll('.uji-suntik').forEach((x) => x.remove()));
		is((await page.evaluate(periksaTataLetak)).length, sebelum.length, 'self-test: with the injected elements removed the faults are gone again');
	});
	await page.context().close();
}

// ---------------------------------------------------------------- every view, both sizes
for (const [peran, p] of Object.entries(PERAN)) {
	const milik = TAMPILAN.filter((v) => v.peran === peran && (!HANYA || HANYA.test(`${peran}/${v.nama}`)));
	if (milik.length === 0) continue;
	for (const ukuran of ['ponsel', 'layar']) {
		const page = await halaman(ukuran);
		const vp = UKURAN[ukuran].viewport;
		await langkah(`${p.label} signs in (${ukuran})`, async () => {
			if (p.token) await masuk(page, p.token);
		});
		for (const v of milik) {
			const lebar = ukuran === 'ponsel' ? [...LEBAR_PONSEL, vp.width] : [vp.width];
			for (const w of lebar) {
				const ukur = `${w}x${vp.height}`;
				await langkah(`${v.uraian} (${p.label}) at ${ukur}`, async () => {
					await page.setViewportSize({width: w, height: vp.height});
					await buka(page, v);
					const salah = await page.evaluate(periksaTataLetak);
					ok(salah.length === 0, `${v.uraian} (${p.label}, ${v.hash.split('?')[0]}) at ${ukur}: no sideways scrolling, no text outside the screen or cut`,
						salah.slice(0, 15).join('\n') + (salah.length > 15 ? `\n... and ${salah.length - 15} more` : ''));
					if (w === vp.width) {
						const file = `${v.nn}-${v.nama}-${peran}-${ukuran}.png`;
						await page.screenshot({path: join(SHOTS, file), fullPage: true});
						console.log(`# screenshot ${join(SHOTS, file)}`);
					}
				});
			}
		}
		ok(page.masalah.length === 0, `${p.label} pages (${ukuran}): no script errors, CSP violations or external requests`, page.masalah.join('\n'));
		await page.context().close();
	}
}

// ---------------------------------------------------------------- saving the same weighing twice
// The bulk sync answers a row that changes nothing as ignored (diabaikan), without derived
// values: the page must say it is stored (not fail), and the database keep one row.
{
	const page = await halaman('ponsel');
	await langkah('Timbang anak: the same measurement saved twice', async () => {
		await masuk(page, process.env.KKB_WEB_TOKEN_POKJA);
		await page.goto(`${URL}/#/ukur/${A}`);
		const nik = await timbang(page, '10.2');
		ok(await page.isVisible('#ukur-tersimpan'), 'a measurement (10.2 kg) is saved, its z-scores shown');
		const z = await page.textContent('#tabel-zskor');
		await page.click('#simpan-ukur');
		await page.waitForFunction(() => /tidak ada yang berubah/.test(document.getElementById('hasil-ukur').textContent));
		ok(await page.isVisible('#ukur-tersimpan'), 'Simpan again with the same values: "stored, nothing changed", not an error',
			await page.textContent('#hasil-ukur'));
		is(await page.locator('#hasil-ukur .galat:not(#ukur-stunting):not(#ukur-tanda)').count(), 0, '... no error shown');
		is(await page.textContent('#tabel-zskor'), z, '... and the z-scores of the stored measurement stay shown');
		is(sql(`SELECT count(*) || '|' || min(berat_kg) FROM kkb.pengukuran WHERE kode_desa = '${A}' AND nik = '${nik}' AND tanggal_ukur = current_date`),
			'1|10.2', 'psql: one measurement of the child today, 10.2 kg');
		await page.fill('#u-berat_kg', '10.4');
		await page.click('#simpan-ukur');
		await page.waitForFunction(() => /diperbarui/.test(document.getElementById('hasil-ukur').textContent));
		ok(true, 'a changed weight the same day: "updated"');
		is(sql(`SELECT count(*) || '|' || min(berat_kg) FROM kkb.pengukuran WHERE kode_desa = '${A}' AND nik = '${nik}' AND tanggal_ukur = current_date`),
			'1|10.4', 'psql: still one measurement today, now 10.4 kg');
	});
	ok(page.masalah.length === 0, 'the double save: no script errors', page.masalah.join('\n'));
	await page.context().close();
}

await browser.close();
selesai();

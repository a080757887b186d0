// main.js - the dashboard's entry: sign-in, the menu by role, hash routing.
//   #/masuk              sign in with a token
//   #/masuk/KODE         sign in on a phone with a one-time sign-in link (its QR code)
//   #/perangkat          sign-in links and devices (admin)
//   #/kota               city overview (admin, OPD)
//   #/desa/KODE          village scorecard
//   #/opd                an agency's work list (OPD, admin)
//   #/isi/KODE           the Pokja's monthly entry (Pokja, admin)
//   #/ukur/KODE          weighing a child: the under-fives, one measurement, its z-scores (Pokja, admin)
//   #/catat/KODE?jenis=  recording a family, a member or a vital event, one form each (Pokja, admin)
// Each view takes ?periode=YYYY-MM in the hash.
import {api, token, ApiError, pesanGalat} from './api.js';
import {h, kosongkan} from './util.js';
import * as masuk from './v_masuk.js';
import * as kota from './v_kota.js';
import * as desa from './v_desa.js';
import * as ukur from './v_ukur.js';
import * as catat from './v_catat.js';
import * as antrian from './antrian.js';
import * as opd from './v_opd.js';
import * as isian from './v_isi.js';
import * as wilayah from './v_wilayah.js';
import * as perangkat from './v_perangkat.js';

const PERAN = {
	kkb_admin: 'Administrator',
	kkb_opd: 'OPD',
	kkb_pokja: 'Pokja',
	kkb_analis: 'Analis',
	kkb_provinsi: 'Portal provinsi',
};

const main = document.getElementById('isi');
let generasi = 0;

function saya() {
	return token.saya();
}

function beranda(sy) {
	if (!sy) return '#/masuk';
	if (sy.peran === 'kkb_pokja') return '#/desa/' + sy.wilayah;
	if (sy.peran === 'kkb_opd') return '#/kota';
	if (sy.peran === 'kkb_admin') return '#/kota';
	if (sy.peran === 'kkb_provinsi') return '#/wilayah/' + sy.wilayah;
	// an analyst: the read-only overview of its region (without a scope: the whole country), with downloads
	if (sy.peran === 'kkb_analis') return '#/wilayah/' + (sy.wilayah || '');
	return '#/analis';
}

export function pergi(hash) {
	if (location.hash === hash) muat();
	else location.hash = hash;
}

// a message for the next page (why the person was signed out), shown when it opens
let tertunda = null;

export function keluar(pesan) {
	token.hapus();
	// the data read in this session goes with it (the records still waiting to be sent stay)
	if (navigator.serviceWorker && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage('lupakan');
	tertunda = pesan || null;
	pergi('#/masuk');
}

// a message under the header (errors stay until the next page)
export function umumkan(teks, jenis = 'info') {
	const el = document.getElementById('pesan');
	el.className = jenis;
	el.hidden = !teks;
	el.textContent = teks || '';
}

function menu(sy) {
	const nav = document.getElementById('nav');
	const item = [];
	if (sy && (sy.peran === 'kkb_admin' || sy.peran === 'kkb_opd')) {
		item.push(['#/kota', 'Ringkasan kota'], ['#/opd', 'Daftar kerja']);
	}
	if (sy && sy.peran === 'kkb_admin') item.push(['#/perangkat', 'Perangkat & tautan masuk']);
	if (sy && (sy.peran === 'kkb_provinsi' || sy.peran === 'kkb_analis')) {
		item.push(['#/wilayah/' + (sy.wilayah || ''), 'Ringkasan wilayah']);
	}
	if (sy && sy.peran === 'kkb_pokja') {
		item.push(['#/desa/' + sy.wilayah, 'Kartu desa'], ['#/ukur/' + sy.wilayah, 'Timbang anak'],
			['#/catat/' + sy.wilayah, 'Catat keluarga'], ['#/isi/' + sy.wilayah, 'Isi laporan']);
	}
	const aktif = location.hash.split('?')[0];
	kosongkan(nav, item.map(([href, t]) => h('a', {href, 'aria-current': aktif === href ? 'page' : null}, t)));
	document.getElementById('siapa').textContent = sy ? `${sy.label} · ${PERAN[sy.peran] || sy.peran}` : '';
	document.getElementById('keluar').hidden = !sy;
}

async function muat() {
	const gen = ++generasi;
	const [jalur, qs] = (location.hash.replace(/^#/, '') || '/').split('?');
	const bagian = jalur.split('/').filter(Boolean);
	const query = new URLSearchParams(qs || '');
	let sy = saya();

	if (tertunda) umumkan(tertunda, 'galat');
	else umumkan('');
	tertunda = null;
	if (!token.get()) sy = null;
	if (!sy && bagian[0] !== 'masuk') {
		location.replace('#/masuk');
		return;
	}
	menu(sy);
	if (bagian.length === 0) {
		location.replace(beranda(sy));
		return;
	}
	const ctx = {
		saya: sy, param: bagian.slice(1), query, pergi, umumkan,
		masih: () => gen === generasi,	// false once another page has been opened
	};
	kosongkan(main, h('p', {class: 'memuat', role: 'status'}, 'Memuat…'));
	try {
		switch (bagian[0]) {
		case 'masuk': await masuk.tampil(main, {...ctx, selesai: (s) => { menu(s); pergi(beranda(s)); }}); break;
		case 'kota': await kota.tampil(main, ctx); break;
		case 'desa': await desa.tampil(main, ctx); break;
		case 'opd': await opd.tampil(main, ctx); break;
		case 'isi': await isian.tampil(main, ctx); break;
		case 'ukur': await ukur.tampil(main, ctx); break;
		case 'catat': await catat.tampil(main, ctx); break;
		case 'wilayah': await wilayah.tampil(main, ctx); break;
		case 'perangkat': await perangkat.tampil(main, ctx); break;
		case 'analis':
			kosongkan(main, h('section', {class: 'kartu'}, h('h1', {}, 'Analis'),
				h('p', {}, 'Analis bekerja dengan SQL dan alat BI pada tampilan kkb_bi (data tanpa identitas), bukan melalui dasbor ini.')));
			break;
		default:
			kosongkan(main, h('p', {class: 'galat'}, 'Halaman tidak ditemukan. '), h('a', {href: beranda(sy)}, 'Ke beranda'));
		}
	} catch (e) {
		if (gen !== generasi) return;
		tampilGalat(main, e);
	}
}

export function tampilGalat(el, e) {
	if (e instanceof ApiError && e.status === 401) {
		keluar(pesanGalat(e));
		return;
	}
	if (!(e instanceof ApiError)) console.error(e);
	kosongkan(el, h('div', {class: 'galat', role: 'alert'},
		h('strong', {}, 'Gagal memuat. '), pesanGalat(e),
		' ', h('button', {type: 'button', onclick: () => muat()}, 'Coba lagi')));
}

document.getElementById('keluar').addEventListener('click', () => keluar());
window.addEventListener('hashchange', muat);
muat();

// without a connection: the service worker keeps the app and what it has read (sw.js); records
// entered offline wait in the phone's queue (antrian.js) and go out when the connection returns
if ('serviceWorker' in navigator) {
	navigator.serviceWorker.register('/sw.js').catch((e) => console.warn('service worker not registered:', e.message));
}
window.addEventListener('online', () => antrian.kirim());
// also every half minute while signed in: a phone's 'online' event is not always told
setInterval(() => { if (token.get() && navigator.onLine) antrian.kirim(); }, 30000);
if (token.get()) antrian.kirim();

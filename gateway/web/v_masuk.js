// v_masuk.js - signing in.
//   #/masuk        with a token made by an administrator (kkb.token_buat): kept for this tab only,
//                  unless "Ingat di perangkat ini" is ticked (not on a shared computer)
//   #/masuk/KODE   on a phone, with a one-time sign-in link (the QR code an administrator made):
//                  the phone names itself, exchanges the code for a token of its own (POST /v1/masuk)
//                  bound to this device's key, and keeps it on the device until "Keluar"
import {api, token, kunciPerangkat, pesanGalat, ApiError} from './api.js';
import {h, kosongkan} from './util.js';

export async function tampil(main, ctx) {
	if (ctx.param[0]) return tampilTautan(main, ctx, ctx.param[0]);
	const input = h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true,
		spellcheck: 'false', placeholder: 'tempel token di sini'});
	const ingat = h('input', {id: 'ingat', name: 'ingat', type: 'checkbox'});
	const galat = h('p', {class: 'galat', id: 'masuk-galat', role: 'alert', hidden: true});
	const tombol = h('button', {type: 'submit', id: 'masuk'}, 'Masuk');
	const form = h('form', {class: 'kartu masuk', novalidate: true},
		h('h1', {}, 'Masuk ke dasbor'),
		h('p', {}, 'Gunakan token yang diberikan administrator (Pokja desa, OPD, atau administrator kota). ',
			'Token disimpan hanya selama tab ini terbuka, kecuali Anda mencentang "Ingat di perangkat ini".'),
		h('label', {for: 'token'}, 'Token'), input,
		h('label', {class: 'centang', for: 'ingat'}, ingat, ' Ingat di perangkat ini'),
		h('p', {class: 'kecil'}, 'Jangan dicentang di komputer bersama (warnet, kantor): siapa pun yang memakai komputer ini sesudah Anda akan masuk sebagai Anda sampai Anda menekan Keluar.'),
		galat, tombol,
		h('p', {class: 'kecil'}, 'Pokja desa dapat masuk dari ponsel dengan memindai kode QR tautan masuk dari administrator.'));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const t = input.value.trim();
		galat.hidden = true;
		if (!t) {
			galat.textContent = 'Isi token terlebih dahulu.';
			galat.hidden = false;
			return;
		}
		tombol.disabled = true;
		tombol.textContent = 'Memeriksa…';
		try {
			const sy = await api('/v1/saya', {token: t});
			token.set(t, ingat.checked);
			token.simpanSaya(sy);
			ctx.selesai(sy);
		} catch (e) {
			galat.textContent = pesanGalat(e);
			galat.hidden = false;
		} finally {
			tombol.disabled = false;
			tombol.textContent = 'Masuk';
		}
	});
	kosongkan(main, form);
	input.focus();
}

// A name for this device that the person can keep or change: the kind of phone, if the browser says.
function namaPerangkat() {
	const ua = navigator.userAgent || '';
	const m = ua.match(/Android [\d.]+; ([^;)]+?)(?: Build|\))/);
	if (m && m[1] && !/^K$/.test(m[1].trim())) return ('HP ' + m[1].trim()).slice(0, 40);
	if (/iPhone/.test(ua)) return 'iPhone';
	if (/Android/.test(ua)) return 'HP Android';
	return 'Komputer';
}

async function tampilTautan(main, ctx, kode) {
	// the code is used once: keep it out of the address bar (and its history) from here on
	history.replaceState(null, '', location.pathname + location.search + '#/masuk');
	const nama = h('input', {id: 'nama-perangkat', name: 'nama', type: 'text', maxlength: 40, required: true,
		value: namaPerangkat(), autocomplete: 'off'});
	const galat = h('p', {class: 'galat', id: 'masuk-galat', role: 'alert', hidden: true});
	const tombol = h('button', {type: 'submit', id: 'masuk-tautan'}, 'Masuk di perangkat ini');
	const form = h('form', {class: 'kartu masuk', novalidate: true},
		h('h1', {}, 'Masuk dengan tautan'),
		h('p', {}, 'Tautan ini dari administrator kampungkb dan hanya dapat dipakai sekali. ',
			'Beri nama perangkat ini agar administrator mengenalinya (mis. HP Samsung Bu Rina).'),
		h('label', {for: 'nama-perangkat'}, 'Nama perangkat'), nama,
		h('p', {class: 'kecil'}, 'Anda akan tetap masuk di perangkat ini walau tab atau peramban ditutup, sampai Anda menekan Keluar ',
			'atau administrator mencabut aksesnya. Pakai tautan ini hanya di ponsel Anda sendiri.'),
		galat, tombol);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const n = nama.value.trim();
		galat.hidden = true;
		if (!n) {
			galat.textContent = 'Isi nama perangkat terlebih dahulu.';
			galat.hidden = false;
			return;
		}
		tombol.disabled = true;
		tombol.textContent = 'Memeriksa…';
		try {
			const d = await api('/v1/masuk', {method: 'POST', tanpaToken: true, body: {kode, perangkat: kunciPerangkat(), nama: n}});
			token.set(d.token, true);
			const sy = await api('/v1/saya');
			token.simpanSaya(sy);
			ctx.selesai(sy);
		} catch (e) {
			galat.textContent = e instanceof ApiError && e.status === 410
				? 'Tautan ini tidak berlaku lagi: sudah dipakai, kedaluwarsa, atau salah. Minta tautan atau kode QR baru kepada administrator.'
				: pesanGalat(e);
			galat.hidden = false;
			tombol.disabled = false;
			tombol.textContent = 'Masuk di perangkat ini';
		}
	});
	kosongkan(main, form);
	nama.focus();
}

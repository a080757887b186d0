// v_masuk.js - sign in with a token (made by an administrator with kkb.token_buat).
import {api, token, pesanGalat} from './api.js';
import {h, kosongkan} from './util.js';

export async function tampil(main, ctx) {
	const input = h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true,
		spellcheck: 'false', placeholder: 'tempel token di sini'});
	const galat = h('p', {class: 'galat', id: 'masuk-galat', role: 'alert', hidden: true});
	const tombol = h('button', {type: 'submit', id: 'masuk'}, 'Masuk');
	const form = h('form', {class: 'kartu masuk', novalidate: true},
		h('h1', {}, 'Masuk ke dasbor'),
		h('p', {}, 'Gunakan token yang diberikan administrator (Pokja desa, OPD, atau administrator kota). ',
			'Token disimpan hanya selama tab ini terbuka.'),
		h('label', {for: 'token'}, 'Token'), input, galat, tombol);
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
			token.set(t);
			sessionStorage.setItem('kkb.saya', JSON.stringify(sy));
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

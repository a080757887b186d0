// v_perangkat.js - "Perangkat & tautan masuk" (administrators): make a one-time sign-in link for a
// village pokja or an agency (POST /v1/tautan-masuk) and show its QR code for the cadre's phone to scan;
// the devices and tokens within the administrator's scope (GET /v1/perangkat), each revocable after a
// confirmation (POST /v1/perangkat/{id}/cabut; the gateway refuses the token within half a minute).
import {api, semua, pesanGalat} from './api.js';
import {h, kosongkan} from './util.js';

const PERAN = {kkb_pokja: 'Pokja desa', kkb_opd: 'OPD', kkb_admin: 'Administrator', kkb_analis: 'Analis', kkb_provinsi: 'Portal provinsi'};
const waktu = new Intl.DateTimeFormat('id-ID', {dateStyle: 'medium', timeStyle: 'short'});
const jam = new Intl.DateTimeFormat('id-ID', {hour: '2-digit', minute: '2-digit'});
const fmtWaktu = (t) => (t ? waktu.format(new Date(t)) : '–');

// The gateway's QR code (an SVG document it drew from libqrencode's matrix) as an element: parsed as
// SVG, never as HTML, and only its <svg> root taken.
function gambarQr(teks) {
	const dok = new DOMParser().parseFromString(teks, 'image/svg+xml');
	const svg = dok.documentElement;
	if (!svg || svg.nodeName !== 'svg' || dok.getElementsByTagName('parsererror').length) return h('p', {class: 'galat'}, 'Kode QR tidak dapat ditampilkan.');
	const el = document.importNode(svg, true);
	for (const s of el.querySelectorAll('script, foreignObject')) s.remove();
	el.setAttribute('role', 'img');
	el.setAttribute('aria-label', 'Kode QR tautan masuk');
	el.setAttribute('id', 'qr-tautan');
	el.setAttribute('class', 'qr');
	return el;
}

export async function tampil(main, ctx) {
	const lingkup = ctx.saya.wilayah || '';
	// the villages the administrator may choose (its scope; without one, Kota Pariaman's)
	const desa = await semua('/v1/desa', {wilayah: lingkup || '13.77'}).then((d) => d.data, () => []);
	const kode = await api('/v1/kode').catch(() => ({opd: []}));
	if (!ctx.masih()) return;

	const peran = h('select', {id: 't-peran'}, h('option', {value: 'kkb_pokja'}, 'Pokja desa'), h('option', {value: 'kkb_opd'}, 'OPD'));
	const wilayah = h('input', {id: 't-wilayah', list: 'daftar-desa', required: true, autocomplete: 'off',
		placeholder: 'kode desa, mis. 13.77.01.1001', value: desa.length ? desa[0].kode_desa : ''});
	const daftarDesa = h('datalist', {id: 'daftar-desa'}, desa.map((d) => h('option', {value: d.kode_desa}, d.nama)));
	const opd = h('select', {id: 't-opd'}, (kode.opd || []).map((o) => h('option', {value: o.kode}, o.nama || o.kode)));
	const kolomOpd = h('div', {class: 'kolom', hidden: true}, h('label', {for: 't-opd'}, 'OPD'), opd);
	const label = h('input', {id: 't-label', required: true, maxlength: 150, autocomplete: 'off', placeholder: 'mis. Pokja Karan Aur'});
	const menit = h('select', {id: 't-menit'}, h('option', {value: 15}, '15 menit'), h('option', {value: 60}, '1 jam'),
		h('option', {value: 1440}, '1 hari'));
	const galat = h('p', {class: 'galat', id: 'tautan-galat', role: 'alert', hidden: true});
	const tombol = h('button', {type: 'submit', id: 'buat-tautan'}, 'Buat tautan');
	const hasil = h('div', {id: 'hasil-tautan', 'aria-live': 'polite'});
	const namaDesa = (k) => { const d = desa.find((x) => x.kode_desa === k); return d ? (d.nama_desa || d.nama) : null; };
	const isiLabel = () => {
		if (peran.value === 'kkb_pokja' && namaDesa(wilayah.value) && !label.dataset.diubah) label.value = 'Pokja ' + namaDesa(wilayah.value);
	};
	peran.addEventListener('change', () => {
		kolomOpd.hidden = peran.value !== 'kkb_opd';
		wilayah.placeholder = peran.value === 'kkb_opd' ? 'kode kota, mis. 13.77' : 'kode desa, mis. 13.77.01.1001';
		if (peran.value === 'kkb_opd' && wilayah.value.length > 5) wilayah.value = wilayah.value.slice(0, 5);
		isiLabel();
	});
	wilayah.addEventListener('change', isiLabel);
	label.addEventListener('input', () => { label.dataset.diubah = '1'; });
	isiLabel();

	const form = h('form', {class: 'kartu', id: 'form-tautan', novalidate: true},
		h('h2', {}, 'Buat tautan masuk'),
		h('p', {}, 'Tautan sekali pakai untuk ponsel kader: pindai kode QR-nya dengan kamera ponsel. ',
			'Ponsel itu lalu tetap masuk sampai administrator mencabutnya di daftar di bawah.'),
		h('div', {class: 'kolom'}, h('label', {for: 't-peran'}, 'Peran'), peran),
		h('div', {class: 'kolom'}, h('label', {for: 't-wilayah'}, 'Wilayah'), wilayah, daftarDesa),
		kolomOpd,
		h('div', {class: 'kolom'}, h('label', {for: 't-label'}, 'Label (pemegang)'), label),
		h('div', {class: 'kolom'}, h('label', {for: 't-menit'}, 'Berlaku'), menit),
		galat, h('div', {class: 'aksi'}, tombol));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		galat.hidden = true;
		tombol.disabled = true;
		try {
			const body = {peran: peran.value, wilayah: wilayah.value.trim(), label: label.value.trim(), menit: Number(menit.value)};
			if (peran.value === 'kkb_opd') body.opd = opd.value;
			const d = await api('/v1/tautan-masuk', {method: 'POST', body});
			if (!ctx.masih()) return;
			const url = d.url || (location.origin + location.pathname + d.tautan);
			const salin = h('button', {type: 'button', class: 'sekunder', id: 'salin-tautan'}, 'Salin tautan');
			salin.addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText(url)
				.then(() => { salin.textContent = 'Tersalin'; }, () => {}));
			kosongkan(hasil, h('section', {class: 'kartu tautan-baru'},
				h('h2', {}, 'Tautan masuk untuk ' + d.label),
				d.qr_svg ? gambarQr(d.qr_svg) : null,
				h('p', {}, h('a', {href: url, id: 'tautan-url', class: 'tautan-url'}, url)),
				h('p', {id: 'tautan-berlaku'}, h('strong', {}, 'Sekali pakai, berlaku sampai pukul ' + jam.format(new Date(d.berlaku_sampai)) + '. '),
					'Jangan dibagikan ke orang lain: siapa pun yang membukanya lebih dulu akan masuk sebagai ' + d.label + '.'),
				h('div', {class: 'aksi'}, salin)));
			await muatDaftar();
		} catch (e) {
			galat.textContent = pesanGalat(e) + (e.body && e.body.hint ? ' ' + e.body.hint : '');
			galat.hidden = false;
		} finally {
			tombol.disabled = false;
		}
	});

	const daftar = h('section', {class: 'kartu', id: 'daftar-perangkat'});
	async function muatDaftar() {
		const d = await semua('/v1/perangkat');
		if (!ctx.masih()) return;
		const baris = d.data.map((p) => {
			const cabut = h('button', {type: 'button', class: 'sekunder cabut', 'data-id': p.id}, 'Cabut');
			cabut.addEventListener('click', async () => {
				if (!confirm(`Cabut akses "${p.label}"? Perangkat ini harus masuk lagi dengan tautan baru.`)) return;
				cabut.disabled = true;
				try {
					await api(`/v1/perangkat/${p.id}/cabut`, {method: 'POST'});
					ctx.umumkan(`Akses "${p.label}" dicabut. Perangkat itu keluar dalam setengah menit.`);
					await muatDaftar();
				} catch (e) {
					ctx.umumkan(pesanGalat(e), 'galat');
					cabut.disabled = false;
				}
			});
			return h('tr', {'data-id': p.id},
				h('td', {}, p.label), h('td', {}, PERAN[p.peran] || p.peran), h('td', {}, p.wilayah || 'semua'),
				h('td', {}, p.perangkat ? 'tautan masuk' : 'token'), h('td', {}, fmtWaktu(p.dibuat)),
				h('td', {}, p.berlaku_sampai ? fmtWaktu(p.berlaku_sampai) : 'tanpa batas'), h('td', {}, cabut));
		});
		kosongkan(daftar, h('h2', {}, 'Perangkat dan token aktif'),
			h('p', {}, `${d.total} perangkat atau token aktif${lingkup ? ' di wilayah ' + lingkup : ''}.`),
			h('div', {class: 'gulir'}, h('table', {class: 'tabel', id: 'tabel-perangkat'},
				h('thead', {}, h('tr', {}, ['Label', 'Peran', 'Wilayah', 'Asal', 'Dibuat', 'Berlaku sampai', ''].map((t) => h('th', {scope: 'col'}, t)))),
				h('tbody', {}, baris))));
	}
	await muatDaftar();
	if (!ctx.masih()) return;
	kosongkan(main, h('h1', {}, 'Perangkat & tautan masuk'), form, hasil, daftar);
}

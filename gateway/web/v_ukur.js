// v_ukur.js - weighing a child at the posyandu, on a phone: the village's under-fives
// (GET /v1/desa/{kode}/anggota?umur_maks=60, searched by name or NIK), one form per
// measurement, sent through the bulk sync as one row (POST /v1/desa/{kode}/pengukuran:
// idempotent by child and date, so a repeat after a lost answer changes nothing), and the
// server's z-scores and categories (WHO 2006, Permenkes 2/2020) shown at once.
import {api, pesanGalat, ApiError} from './api.js';
import * as antrian from './antrian.js';
import {h, kosongkan, fmtAngka, fmtZ, fmtUmur, fmtTanggal} from './util.js';

const INDEKS = [
	['tbu', 'Tinggi/panjang badan menurut umur (TB/U)'],
	['bbu', 'Berat badan menurut umur (BB/U)'],
	['bbtb', 'Berat badan menurut tinggi/panjang badan (BB/TB)'],
	['imtu', 'Indeks massa tubuh menurut umur (IMT/U)'],
];

// a category as the database names it ("sangat_pendek") for people ("sangat pendek")
const kategori = (s) => (s ? s.replaceAll('_', ' ') : 'tidak dapat dihitung');

function hariIni() {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function tampil(main, ctx) {
	const kode = ctx.param[0];
	const dasar = `/v1/desa/${encodeURIComponent(kode)}`;
	const desa = await api(dasar);
	if (!ctx.masih()) return;
	const cari = h('input', {type: 'search', id: 'cari-anak', placeholder: 'Nama anak atau NIK', autocomplete: 'off',
		'aria-label': 'Cari anak'});
	const daftar = h('div', {id: 'daftar-anak'}, h('p', {class: 'memuat', role: 'status'}, 'Memuat…'));
	const form = h('div', {id: 'tempat-form'});
	kosongkan(main,
		h('div', {class: 'judul'},
			h('h1', {}, 'Timbang anak'),
			h('p', {class: 'sub'}, `${desa.nama_desa} · balita (di bawah 5 tahun)`)),
		h('section', {class: 'kartu'}, h('label', {class: 'blok', for: 'cari-anak'}, 'Cari anak'), cari, daftar),
		form, antrian.bagianAntrian(kode, h, kosongkan));

	let tunda = null;
	const muatDaftar = async () => {
		try {
			const r = await api(dasar + '/anggota', {query: {umur_maks: 60, cari: cari.value.trim(), limit: 50}});
			if (!ctx.masih()) return;
			kosongkan(daftar,
				h('p', {class: 'catatan', id: 'jumlah-anak'}, r.total > r.data.length
					? `${fmtAngka(r.data.length)} dari ${fmtAngka(r.total)} balita; persempit pencarian.` : `${fmtAngka(r.total)} balita`),
				h('ul', {class: 'daftar-anak'}, r.data.map((a) => {
					const b = h('button', {type: 'button', class: 'anak', 'data-nik': a.nik},
						h('strong', {}, a.nama), ' ',
						h('span', {class: 'catatan'}, `${a.jenis_kelamin === 'P' ? 'perempuan' : 'laki-laki'}, ${fmtUmur(a.umur_bulan)}`),
						h('br'),
						h('span', {class: 'catatan'}, a.ukur_terakhir
							? `Terakhir ${fmtTanggal(a.ukur_terakhir.tanggal_ukur)}: ${fmtAngka(a.ukur_terakhir.berat_kg)} kg, ${fmtAngka(a.ukur_terakhir.tinggi_cm)} cm`
							: 'Belum pernah diukur'));
					b.addEventListener('click', () => bukaForm(ctx, kode, dasar, a, form, muatDaftar));
					return h('li', {}, b);
				})));
		} catch (e) {
			if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
			kosongkan(daftar, h('p', {class: 'galat'}, pesanGalat(e)));
		}
	};
	cari.addEventListener('input', () => { clearTimeout(tunda); tunda = setTimeout(muatDaftar, 250); });
	await muatDaftar();
}

// one measurement of child a: the form, then the server's answer under it
function bukaForm(ctx, kode, dasar, a, tempat, segarkan) {
	const isian = (id, label, attrs, catatan) => h('div', {class: 'kolom'},
		h('label', {for: id}, label), h('input', {id, name: id.slice(2), ...attrs}),
		catatan ? h('span', {class: 'catatan'}, catatan) : null,
		h('span', {class: 'galat-kolom', id: 'galat-' + id.slice(2), role: 'alert'}));
	const cara = h('select', {id: 'u-cara_ukur', name: 'cara_ukur'},
		h('option', {value: 'telentang'}, 'telentang (panjang badan)'), h('option', {value: 'berdiri'}, 'berdiri (tinggi badan)'));
	cara.value = a.umur_bulan < 24 ? 'telentang' : 'berdiri';
	const simpan = h('button', {type: 'submit', id: 'simpan-ukur'}, 'Simpan');
	const hasil = h('div', {id: 'hasil-ukur', role: 'status'});
	const f = h('form', {id: 'form-ukur', novalidate: true},
		isian('u-tanggal_ukur', 'Tanggal ukur', {type: 'date', value: hariIni(), max: hariIni(), required: true}),
		isian('u-berat_kg', 'Berat badan (kg)', {type: 'number', step: '0.01', min: '0', inputmode: 'decimal', required: true}),
		isian('u-tinggi_cm', 'Panjang/tinggi badan (cm)', {type: 'number', step: '0.1', min: '0', inputmode: 'decimal'}),
		h('div', {class: 'kolom'}, h('label', {for: 'u-cara_ukur'}, 'Cara ukur'), cara,
			h('span', {class: 'catatan'}, 'Di bawah 2 tahun biasanya telentang.'),
			h('span', {class: 'galat-kolom', id: 'galat-cara_ukur', role: 'alert'})),
		h('div', {class: 'kolom'}, h('label', {class: 'periksa'}, h('input', {type: 'checkbox', id: 'u-oedema', name: 'oedema'}),
			' Oedema di kedua kaki'), h('span', {class: 'galat-kolom', id: 'galat-oedema', role: 'alert'})),
		isian('u-lila_cm', 'Lingkar lengan atas, LiLA (cm)', {type: 'number', step: '0.1', min: '0', inputmode: 'decimal'}, 'Boleh kosong.'),
		h('div', {class: 'aksi'}, simpan));
	let terakhir = null;	// the last stored measurement of this form and the server's answer to it
	f.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		for (const g of f.querySelectorAll('.galat-kolom')) g.textContent = '';
		const angka = (id) => { const v = f.querySelector('#' + id).value.trim(); return v === '' ? null : Number(v); };
		const baris = {nik: a.nik, tanggal_ukur: f.querySelector('#u-tanggal_ukur').value, berat_kg: angka('u-berat_kg'),
			tinggi_cm: angka('u-tinggi_cm'), cara_ukur: cara.value, oedema: f.querySelector('#u-oedema').checked, lila_cm: angka('u-lila_cm')};
		if (baris.berat_kg === null && baris.tinggi_cm === null) {
			document.getElementById('galat-berat_kg').textContent = 'Isi berat badan atau panjang/tinggi badan.';
			return;
		}
		simpan.disabled = true;
		kosongkan(hasil, h('p', {class: 'memuat'}, 'Menyimpan…'));
		try {
			const r = await api(dasar + '/pengukuran', {method: 'POST', body: [baris]});
			if (r.ditolak > 0) {
				const k = r.konflik[0];
				const el = k.kolom && document.getElementById('galat-' + k.kolom);
				const pesan = `${k.message || k.pesan}${k.hint ? ' — ' + k.hint : ''}`;
				if (el) el.textContent = pesan;
				kosongkan(hasil, h('p', {class: 'galat', id: 'ukur-ditolak'}, 'Tidak tersimpan: ', pesan));
				return;
			}
			if (r.hasil && r.hasil.length > 0) {
				terakhir = {baris: JSON.stringify(baris), x: r.hasil[0]};
				tampilHasil(hasil, a, r.hasil[0], r.diimpor > 0 ? 'baru' : 'diperbarui');
			} else {
				// the same values are already stored (the bulk sync ignores the row and answers no derived
				// values): say so, with the z-scores of the answer that stored them when this form had it
				tampilHasil(hasil, a, terakhir && terakhir.baris === JSON.stringify(baris) ? terakhir.x : null, 'sama');
			}
			segarkan();
		} catch (e) {
			if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
			if (e instanceof ApiError && e.status === 0) {
				// no connection: kept on the phone, sent when the connection returns (z-scores then)
				await antrian.simpan(kode, 'pengukuran', baris, `Pengukuran ${a.nama} ${baris.tanggal_ukur}`,
					{berat_kg: 'Berat badan (kg)', tinggi_cm: 'Panjang/tinggi badan (cm)', lila_cm: 'Lingkar lengan atas, LiLA (cm)', cara_ukur: 'Cara ukur', oedema: 'Oedema', tanggal_ukur: 'Tanggal ukur'});
				kosongkan(hasil, h('p', {class: 'berhasil', id: 'ukur-antre'},
					'Tidak ada sinyal: pengukuran disimpan di ponsel dan dikirim otomatis saat tersambung; z-skornya tampil di kartu anak setelah terkirim.'));
				return;
			}
			kosongkan(hasil, h('p', {class: 'galat'}, pesanGalat(e)));
		} finally {
			simpan.disabled = false;
		}
	});
	kosongkan(tempat, h('section', {class: 'kartu', id: 'kartu-ukur'},
		h('h2', {}, `Pengukuran ${a.nama}`),
		h('p', {class: 'catatan'}, `NIK ${a.nik} · ${a.jenis_kelamin === 'P' ? 'perempuan' : 'laki-laki'} · lahir ${fmtTanggal(a.tanggal_lahir)} · ${fmtUmur(a.umur_bulan)}`),
		f, hasil));
	tempat.scrollIntoView({behavior: 'smooth', block: 'start'});
	f.querySelector('#u-berat_kg').focus();
}

// the server's z-scores and categories of the stored measurement; keadaan: baru (a new
// measurement), diperbarui (the day's measurement changed), sama (already stored as it is: x
// is the earlier answer, or null)
const PESAN_SIMPAN = {
	baru: 'Tersimpan.',
	diperbarui: 'Tersimpan (pengukuran tanggal ini diperbarui).',
	sama: 'Sudah tersimpan: tidak ada yang berubah (sama dengan pengukuran tanggal ini yang tercatat).',
};
function tampilHasil(el, a, x, keadaan) {
	const pesan = h('p', {class: 'berhasil', id: 'ukur-tersimpan'}, PESAN_SIMPAN[keadaan]);
	if (!x) {
		kosongkan(el, pesan);
		return;
	}
	kosongkan(el,
		pesan,
		x.stunting ? h('p', {class: 'galat', id: 'ukur-stunting'}, h('strong', {}, `${a.nama} stunting`),
			' (TB/U di bawah −2 SD): rujuk ke puskesmas dan catat tindak lanjutnya.') : null,
		h('table', {class: 'tabel', id: 'tabel-zskor'},
			h('thead', {}, h('tr', {}, h('th', {}, 'Indeks'), h('th', {class: 'angka'}, 'Z-skor'), h('th', {}, 'Kategori'))),
			h('tbody', {}, INDEKS.map(([k, nama]) => h('tr', {'data-indeks': k},
				h('td', {}, nama), h('td', {class: 'angka'}, fmtZ(x['z_' + k])), h('td', {}, kategori(x['status_' + k])))))),
		h('p', {class: 'catatan'}, `Umur ${fmtUmur(x.umur_bulan)} (${fmtAngka(x.umur_hari)} hari)`,
			x.tinggi_koreksi_cm !== null && x.tinggi_koreksi_cm !== undefined ? `; tinggi terkoreksi ${fmtAngka(x.tinggi_koreksi_cm)} cm` : '',
			'. Dihitung server dengan standar WHO 2006 (sama dengan WHO Anthro).'),
		x.flags && x.flags.length ? h('p', {class: 'galat', id: 'ukur-tanda'},
			'Periksa lagi ukurannya - nilai tidak wajar: ', x.flags.join(', ')) : null);
}

// v_wilayah.js - a region's Kampung KB summary for a province's portal token
// (kkb_provinsi: aggregates only), an analyst (its region, or without a scope
// the whole country per province) and anyone else who may read them: GET
// /v1/ringkasan of the region, one row per region one level down (regencies
// and cities of a province, kecamatan of a city, villages of a kecamatan);
// each row opens the next level.  Villages are the last level.
import {api, unduhCsv, pesanGalat} from './api.js';
import {h, kosongkan, fmtPersen, fmtPorsi, fmtAngka, bulanIni, namaBulan, lencanaKelas, KELAS, pilihBulan} from './util.js';
import {grafikBatang} from './grafik.js';

// the level of a region code: 13 -> 1, 13.77 -> 2, 13.77.01 -> 3, 13.77.01.1001 -> 4
// the classes abbreviated without two alike (Dasar, Berkembang, Mandiri, Berkelanjutan)
const SINGKAT = {Dasar: 'D', Berkembang: 'Bk', Mandiri: 'M', Berkelanjutan: 'Bl'};
const tingkat = (kode) => (kode ? kode.split('.').length : 0);	// '' is the whole country (an analyst without a scope)

export async function tampil(main, ctx) {
	const periode = ctx.query.get('periode') || bulanIni();
	const wilayah = ctx.param[0] || ctx.saya.wilayah || '';
	const r = await api('/v1/ringkasan', {query: {wilayah, periode, limit: 1000}});
	if (!ctx.masih()) return;
	const t = r.keseluruhan || {};
	const bawah = r.tingkat;
	const namaTingkat = {1: 'Provinsi', 2: 'Kabupaten/kota', 3: 'Kecamatan', 4: 'Desa/kelurahan'}[bawah] || 'Wilayah';

	// the columns' headings, also each cell's label when a phone shows the rows as cards (app.css, .kartu-ponsel)
	const JUDUL = [namaTingkat, 'Desa', 'Kampung KB', 'Kelas (D/Bk/M/Bl)', 'Kelengkapan', 'Stunting', 'Unmet need', 'Keluarga berisiko'];
	const td = (i, attrs, ...isi) => h('td', {...attrs, 'data-label': JUDUL[i]}, ...isi);
	const tbody = h('tbody', {}, r.data.map((b) => h('tr', {dataset: {kode: b.kode}},
		td(0, {}, bawah < 4 && b.kampung_kb > 0 ? h('a', {href: `#/wilayah/${b.kode}?periode=${periode}`}, b.nama) : b.nama),
		td(1, {class: 'angka'}, fmtAngka(b.desa)),
		td(2, {class: 'angka'}, fmtAngka(b.kampung_kb)),
		td(3, {title: KELAS.map((k) => `${k} ${b.klasifikasi[k]}`).join(', ')},
			bawah === 4 ? lencanaKelas(b.kelas) : KELAS.map((k) => `${SINGKAT[k]} ${b.klasifikasi[k]}`).join(' · ')),
		td(4, {class: 'angka'}, fmtPorsi(b.kelengkapan)),
		td(5, {class: 'angka', title: `${fmtAngka(b.balita_stunting)} dari ${fmtAngka(b.balita_diukur)} balita diukur`},
			fmtPersen(b.prevalensi_stunting)),
		td(6, {class: 'angka'}, fmtPersen(b.persen_unmet_need)),
		td(7, {class: 'angka'}, fmtAngka(b.keluarga_berisiko)))));
	const st = r.data.filter((b) => b.prevalensi_stunting !== null).sort((a, b) => b.prevalensi_stunting - a.prevalensi_stunting);
	const csv = h('button', {type: 'button', id: 'unduh-csv'}, 'Unduh CSV');
	csv.addEventListener('click', async () => {
		try {
			await unduhCsv('/v1/ringkasan', {wilayah, periode}, `ringkasan-${wilayah}-${periode}.csv`);
		} catch (e) {
			ctx.umumkan(pesanGalat(e), 'galat');
		}
	});
	const naik = tingkat(wilayah) > tingkat(ctx.saya.wilayah || '')
		? h('a', {class: 'tombol sekunder', href: `#/wilayah/${wilayah.split('.').slice(0, -1).join('.')}?periode=${periode}`}, 'Naik satu tingkat')
		: null;

	kosongkan(main,
		h('div', {class: 'judul'},
			h('h1', {id: 'judul-wilayah'}, `Ringkasan ${r.nama || wilayah}`),
			h('p', {class: 'sub'}, `${namaBulan(periode, true)} · per ${namaTingkat.toLowerCase()}`),
			h('div', {class: 'alat'}, pilihBulan(periode, (p) => ctx.pergi(`#/wilayah/${wilayah}?periode=${p}`)), naik, csv)),
		h('section', {class: 'kpi'},
			h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, 'Kampung KB'),
				h('strong', {id: 'kpi-kampung'}, fmtAngka(t.kampung_kb)), h('span', {class: 'kpi-catatan'}, `dari ${fmtAngka(t.desa)} desa/kelurahan`)),
			h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, 'Prevalensi stunting'),
				h('strong', {id: 'kpi-stunting'}, fmtPersen(t.prevalensi_stunting)),
				h('span', {class: 'kpi-catatan'}, `${fmtAngka(t.balita_stunting)} dari ${fmtAngka(t.balita_diukur)} balita`)),
			h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, 'Unmet need'), h('strong', {}, fmtPersen(t.persen_unmet_need))),
			h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, 'Kelengkapan data'), h('strong', {}, fmtPorsi(t.kelengkapan)))),
		h('section', {class: 'dua'},
			h('div', {class: 'kartu'}, grafikBatang(KELAS.map((k) => ({label: k, nilai: (t.klasifikasi || {})[k] || 0, kelas: 'kelas-' + k.toLowerCase()})),
				{judul: 'Sebaran kelas Kampung KB', satuan: ' desa'})),
			h('div', {class: 'kartu'}, grafikBatang(st.map((b) => ({label: b.nama, nilai: b.prevalensi_stunting, satuan: '%',
				kelas: b.prevalensi_stunting > 14 ? 'buruk' : 'baik'})),
				{judul: `Prevalensi stunting per ${namaTingkat.toLowerCase()} (%)`, satuan: '%',
					maks: Math.max(20, ...st.map((b) => b.prevalensi_stunting)), target: {nilai: 14, label: 'target 14%'},
					kosong: 'Belum ada balita yang diukur.'}))),
		h('section', {class: 'kartu'},
			h('div', {class: 'gulir'}, h('table', {id: 'tabel-wilayah', class: 'tabel kartu-ponsel'},
				h('thead', {}, h('tr', {}, JUDUL.map((j) => h('th', {scope: 'col'}, j)))),
				tbody))));
}

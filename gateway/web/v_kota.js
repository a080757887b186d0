// v_kota.js - the city overview for administrators and agencies (OPD): every
// village with its class, data completeness, stunting prevalence and unmet
// need; sortable, filterable by kecamatan and class, searchable by name or code, 100 rows at a
// time; two charts; CSV and Excel exports.
import {api, semua, unduhCsv, unduhExcel, pesanGalat} from './api.js';
import {h, kosongkan, fmtPersen, fmtPorsi, fmtAngka, bulanIni, namaBulan, lencanaKelas, KELAS, STATUS, pilihBulan} from './util.js';
import {grafikBatang} from './grafik.js';

// The overview's rows, one per village:
//   {kode, nama, kode_kecamatan, kecamatan, kelas, kelengkapan, prevalensi_stunting,
//    balita_diukur, balita_stunting, persen_unmet_need, status}
// from GET /v1/ringkasan (aggregates per village, tingkat=4) joined with
// GET /v1/desa (the month's workflow state) and the kecamatan names.
// the stunting prevalence against the 14% target, by its 95% interval: 'buruk' only when the whole
// interval is above, 'baik' when it is below, 'ragu' when the village's few children cannot tell
function bedaTarget(b) {
	if (!b.selang_stunting) return b.prevalensi_stunting > 14 ? 'buruk' : 'baik';
	if (b.selang_stunting[0] > 14) return 'buruk';
	if (b.selang_stunting[1] < 14) return 'baik';
	return 'ragu';
}

export async function dataKota(wilayah, periode) {
	const [ringkasan, desa, kec] = await Promise.all([
		api('/v1/ringkasan', {query: {wilayah, periode, tingkat: 4, limit: 1000}}),
		semua('/v1/desa', {wilayah, periode}),
		api('/v1/wilayah', {query: {induk: wilayah, limit: 1000}}).catch(() => ({data: []})),
	]);
	const namaKec = new Map(kec.data.map((w) => [w.kode, w.nama]));
	const perDesa = new Map(desa.data.map((d) => [d.kode_desa, d]));
	const baris = ringkasan.data.map((r) => {
		const d = perDesa.get(r.kode) || {};
		return {
			kode: r.kode, nama: r.nama, kode_kecamatan: r.induk, kecamatan: namaKec.get(r.induk) || r.induk,
			kelas: r.kelas, kelengkapan: r.kelengkapan, prevalensi_stunting: r.prevalensi_stunting,
			balita_diukur: r.balita_diukur, balita_stunting: r.balita_stunting, selang_stunting: r.selang_stunting || null,
			persen_unmet_need: r.persen_unmet_need, status: d.status || null,
		};
	});
	return {nama: ringkasan.nama, keseluruhan: ringkasan.keseluruhan, baris};
}

// rows of the villages' table shown at a time (a city: all; a regency of hundreds: page by page)
const HALAMAN = 100;

const KOLOM = [
	['nama', 'Desa/Kelurahan', 'teks'],
	['kecamatan', 'Kecamatan', 'teks'],
	['kelas', 'Kelas', 'kelas'],
	['kelengkapan', 'Kelengkapan', 'angka'],
	['prevalensi_stunting', 'Stunting', 'angka'],
	['persen_unmet_need', 'Unmet need', 'angka'],
	['status', 'Status bulan', 'teks'],
];

export async function tampil(main, ctx) {
	const periode = ctx.query.get('periode') || bulanIni();
	const wilayah = ctx.query.get('wilayah') || ctx.saya.wilayah || '13.77';
	const kec = ctx.query.get('kecamatan') || '';
	const data = await dataKota(wilayah, periode);
	if (!ctx.masih()) return;

	let urut = {kolom: 'nama', naik: true};
	let saring = kec;
	let cariTeks = '', saringKelas = '', tampilN = HALAMAN;
	const tbody = h('tbody');
	const jumlah = h('span', {id: 'jumlah-desa'});
	const grafikStunting = h('div', {id: 'grafik-stunting'});
	let stuntingSemua = false;
	// on a phone each row is a card (app.css, .kartu-ponsel): each cell labelled with its column, the
	// headers a row of sort buttons
	const judulKolom = Object.fromEntries(KOLOM.map(([k, judul]) => [k, judul]));
	const td = (k, attrs, ...isi) => h('td', {...attrs, 'data-label': judulKolom[k]}, ...isi);
	const thead = h('thead', {class: 'urutan'}, h('tr', {}, KOLOM.map(([k, judul]) =>
		h('th', {scope: 'col', dataset: {kolom: k}},
			h('button', {type: 'button', class: 'urut', onclick: () => {
				urut = {kolom: k, naik: urut.kolom === k ? !urut.naik : k === 'nama' || k === 'kecamatan'};
				gambar();
			}}, judul)))));

	function gambar() {
		const semuaBaris = data.baris.filter((b) => (!saring || b.kode_kecamatan === saring)
			&& (!saringKelas || b.kelas === saringKelas)
			&& (!cariTeks || b.nama.toLowerCase().includes(cariTeks) || b.kode.startsWith(cariTeks)));
		const baris = semuaBaris;
		const kali = urut.naik ? 1 : -1;
		baris.sort((a, b) => {
			let x = a[urut.kolom], y = b[urut.kolom];
			if (urut.kolom === 'kelas') { x = KELAS.indexOf(x); y = KELAS.indexOf(y); }
			if (x === null || x === undefined) return 1;
			if (y === null || y === undefined) return -1;
			return (typeof x === 'string' ? x.localeCompare(y, 'id') : x - y) * kali || a.kode.localeCompare(b.kode);
		});
		for (const th of thead.querySelectorAll('th')) {
			th.setAttribute('aria-sort', th.dataset.kolom === urut.kolom ? (urut.naik ? 'ascending' : 'descending') : 'none');
		}
		// a region of hundreds of villages: HALAMAN rows at a time, the rest behind "Tampilkan lagi"
		kosongkan(tbody, baris.slice(0, tampilN).map((b) => h('tr', {dataset: {kode: b.kode}},
			td('nama', {}, h('a', {href: `#/desa/${b.kode}?periode=${periode}`}, b.nama)),
			td('kecamatan', {}, b.kecamatan),
			td('kelas', {}, lencanaKelas(b.kelas)),
			td('kelengkapan', {class: 'angka'}, fmtPorsi(b.kelengkapan)),
			td('prevalensi_stunting', {class: 'angka', title: `${fmtAngka(b.balita_stunting)} dari ${fmtAngka(b.balita_diukur)} balita diukur` +
				(b.selang_stunting ? `; selang kepercayaan 95%: ${fmtPersen(b.selang_stunting[0])}–${fmtPersen(b.selang_stunting[1])}` : '')},
				fmtPersen(b.prevalensi_stunting)),
			td('persen_unmet_need', {class: 'angka'}, fmtPersen(b.persen_unmet_need)),
			td('status', {}, STATUS[b.status] || b.status || '–'))));
		jumlah.textContent = baris.length === data.baris.length ? `${baris.length} desa/kelurahan`
			: `${baris.length} dari ${data.baris.length} desa/kelurahan`;
		lagi.hidden = baris.length <= tampilN;
		lagi.textContent = `Tampilkan lagi (${fmtAngka(Math.min(HALAMAN, baris.length - tampilN))} dari ${fmtAngka(baris.length - tampilN)} sisanya)`;
		const semuaSt = baris.filter((b) => b.prevalensi_stunting !== null)
			.sort((a, b) => b.prevalensi_stunting - a.prevalensi_stunting);
		// the 15 highest first; the rest behind "Lihat semua" (71 bars do not fit a screen)
		const st = stuntingSemua || semuaSt.length <= 15 ? semuaSt : semuaSt.slice(0, 15);
		const tombol = semuaSt.length <= 15 ? null
			: h('button', {type: 'button', class: 'sekunder', id: 'lihat-semua-stunting'},
				stuntingSemua ? '15 tertinggi saja' : `Lihat semua (${semuaSt.length})`);
		if (tombol) tombol.addEventListener('click', () => { stuntingSemua = !stuntingSemua; gambar(); });
		kosongkan(grafikStunting, h('div', {}, grafikBatang(st.map((b) => ({
			label: b.nama, nilai: b.prevalensi_stunting, satuan: '%',
			kelas: bedaTarget(b),
		})), {judul: 'Prevalensi stunting per desa/kelurahan (%)', satuan: '%',
			maks: Math.max(20, ...st.map((b) => b.prevalensi_stunting)),
			target: {nilai: 14, label: 'target 14%'}, kosong: 'Belum ada balita yang diukur.'}),
			tombol,
			h('p', {class: 'catatan'}, 'Merah: di atas target 14% secara nyata (selang kepercayaan 95% seluruhnya di atas 14%); ',
				'hijau: di bawah secara nyata; abu-abu: dengan sedikit balita yang diukur belum bisa dibedakan dari 14%.')));
	}

	const kecamatan = [...new Map(data.baris.map((b) => [b.kode_kecamatan, b.kecamatan])).entries()].sort();
	const pilihKec = h('select', {id: 'kecamatan'},
		h('option', {value: ''}, 'Semua kecamatan'),
		kecamatan.map(([k, n]) => h('option', {value: k, selected: k === saring}, n)));
	pilihKec.addEventListener('change', () => { saring = pilihKec.value; tampilN = HALAMAN; gambar(); });
	const pilihKelas = h('select', {id: 'saring-kelas', 'aria-label': 'Kelas'}, h('option', {value: ''}, 'Semua kelas'),
		KELAS.map((k) => h('option', {value: k}, k)));
	pilihKelas.addEventListener('change', () => { saringKelas = pilihKelas.value; tampilN = HALAMAN; gambar(); });
	const cari = h('input', {type: 'search', id: 'cari-desa', placeholder: 'Cari desa/kelurahan', 'aria-label': 'Cari desa/kelurahan'});
	cari.addEventListener('input', () => { cariTeks = cari.value.trim().toLowerCase(); tampilN = HALAMAN; gambar(); });
	const lagi = h('button', {type: 'button', class: 'sekunder', id: 'desa-lagi', hidden: true});
	lagi.addEventListener('click', () => { tampilN += HALAMAN; gambar(); });

	const kelas = Object.fromEntries(KELAS.map((k) => [k, 0]));
	for (const b of data.baris) if (b.kelas in kelas) kelas[b.kelas]++;
	const t = data.keseluruhan || {};
	const csv = h('button', {type: 'button', id: 'unduh-csv'}, 'Unduh CSV');
	csv.addEventListener('click', async () => {
		try {
			await unduhCsv('/v1/ringkasan', {wilayah, periode, tingkat: 4}, `ringkasan-${wilayah}-${periode}.csv`);
		} catch (e) {
			ctx.umumkan(pesanGalat(e), 'galat');
		}
	});
	const xlsx = h('button', {type: 'button', id: 'unduh-xlsx'}, 'Unduh Excel');
	xlsx.addEventListener('click', () => unduhExcel('/v1/ringkasan', {wilayah, periode, tingkat: 4}, `ringkasan-${wilayah}-${periode}.xlsx`)
		.catch((e) => ctx.umumkan(pesanGalat(e), 'galat')));

	kosongkan(main,
		h('div', {class: 'judul'},
			h('h1', {}, `Ringkasan ${data.nama || wilayah}`),
			h('p', {class: 'sub'}, namaBulan(periode, true)),
			h('div', {class: 'alat'}, pilihBulan(periode, (p) => ctx.pergi(`#/kota?periode=${p}`)), csv, xlsx)),
		h('section', {class: 'kpi'},
			kpi('Kampung KB', fmtAngka(t.kampung_kb ?? data.baris.length)),
			kpi('Kelengkapan data', fmtPorsi(t.kelengkapan)),
			kpi('Prevalensi stunting', fmtPersen(t.prevalensi_stunting), `${fmtAngka(t.balita_stunting)} dari ${fmtAngka(t.balita_diukur)} balita`),
			kpi('Unmet need', fmtPersen(t.persen_unmet_need), `${fmtAngka(t.unmet_need)} dari ${fmtAngka(t.pus)} PUS`),
			kpi('Keluarga berisiko stunting', fmtAngka(t.keluarga_berisiko),
				t.keluarga_sasaran == null ? null : `dari ${fmtAngka(t.keluarga_sasaran)} keluarga sasaran`)),
		h('section', {class: 'dua'},
			h('div', {class: 'kartu'}, grafikBatang(KELAS.map((k) => ({label: k, nilai: kelas[k], kelas: 'kelas-' + k.toLowerCase()})),
				{judul: 'Sebaran kelas Kampung KB', satuan: ' desa'})),
			h('div', {class: 'kartu'}, grafikStunting)),
		h('section', {class: 'kartu'},
			h('div', {class: 'alat'}, h('label', {for: 'kecamatan'}, 'Kecamatan '), pilihKec, pilihKelas, cari, jumlah),
			h('div', {class: 'gulir'}, h('table', {id: 'tabel-desa', class: 'tabel kartu-ponsel'}, thead, tbody)), lagi),
		ketepatan(wilayah, periode),
		h('section', {class: 'dua'}, peringatanDini(wilayah, periode), pencilan(wilayah, periode)));
	gambar();
}

// a card that loads by itself
function kartuMuat(id, judul, muat) {
	const isi = h('div', {}, h('p', {class: 'memuat', role: 'status'}, 'Memuat…'));
	const el = h('div', {class: 'kartu', id}, h('h2', {}, judul), isi);
	muat().then((konten) => kosongkan(isi, konten), (e) => kosongkan(isi, h('p', {class: 'galat'}, pesanGalat(e))));
	return el;
}

// villages whose stunting rose beyond chance this month (GET /v1/tren-stunting)
function peringatanDini(wilayah, periode) {
	return kartuMuat('peringatan-dini', 'Peringatan dini: stunting naik', async () => {
		const r = await api('/v1/tren-stunting', {query: {wilayah, periode}});
		const naik = r.data.filter((d) => d.naik_nyata);
		if (naik.length === 0) return h('p', {class: 'baik-teks'}, 'Tidak ada desa yang prevalensi stuntingnya naik melebihi kebetulan dibanding 11 bulan sebelumnya.');
		return h('ul', {class: 'daftar-saran'}, naik.map((d) => h('li', {},
			h('strong', {}, d.nama), ` ${fmtPersen(d.persen)} (selang 95%: ${fmtPersen(d.ci_bawah)}–${fmtPersen(d.ci_atas)}), `,
			`11 bulan sebelumnya ${fmtPersen(d.persen_sebelumnya)}`)));
	});
}

// the month's most extreme report values (GET /v1/pencilan, modified z-score)
function pencilan(wilayah, periode) {
	return kartuMuat('pencilan', 'Nilai laporan yang janggal', async () => {
		const r = await api('/v1/pencilan', {query: {wilayah, periode}});
		if (r.data.length === 0) return h('p', {class: 'baik-teks'}, 'Tidak ada nilai laporan yang jauh dari riwayat desanya atau dari desa sekecamatan.');
		const acuan = {riwayat: 'riwayat desa', sebaya: 'desa sekecamatan'};
		return h('div', {},
			h('ul', {class: 'daftar-saran'}, r.data.slice(0, 10).map((d) => h('li', {},
				h('strong', {}, `${d.nama}: ${d.kode} = ${fmtAngka(d.nilai)}`),
				` (biasanya sekitar ${fmtAngka(d.pusat)} menurut ${acuan[d.acuan] || d.acuan}; skor ${fmtAngka(d.skor)})`))),
			r.total > 10 ? h('p', {class: 'catatan'}, `${r.total - 10} lainnya dalam unduhan CSV /v1/pencilan.csv.`) : null);
	});
}

// timeliness of the month's reports (GET /v1/ketepatan): rates per kecamatan, who has not submitted
export function ketepatan(wilayah, periode) {
	const isi = h('div', {}, h('p', {class: 'memuat', role: 'status'}, 'Memuat…'));
	const el = h('section', {class: 'kartu', id: 'ketepatan'}, h('h2', {}, 'Ketepatan waktu laporan'), isi);
	api('/v1/ketepatan', {query: {wilayah, periode}}).then((r) => {
		const belum = r.data.filter((d) => d.keadaan === 'belum');
		const tenggat = new Date(r.tenggat).toLocaleString('id-ID', {timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short'});
		kosongkan(isi, h('div', {},
			h('p', {}, `Tenggat laporan ${namaBulan(periode, true)}: ${tenggat} WIB.`),
			h('div', {class: 'gulir'}, h('table', {class: 'tabel kartu-ponsel', id: 'tabel-ketepatan'},
				h('thead', {}, h('tr', {}, h('th', {}, 'Wilayah'), h('th', {class: 'angka'}, 'Desa'), h('th', {class: 'angka'}, 'Masuk'),
					h('th', {class: 'angka'}, 'Tepat waktu'), h('th', {class: 'angka'}, 'Terlambat'), h('th', {class: 'angka'}, 'Belum'))),
				h('tbody', {}, (r.ringkasan || []).map((k) => h('tr', {},
					h('td', {'data-label': 'Wilayah'}, k.nama), h('td', {class: 'angka', 'data-label': 'Desa'}, fmtAngka(k.desa)),
					h('td', {class: 'angka', 'data-label': 'Masuk'}, `${fmtAngka(k.dilaporkan)} (${fmtPersen(k.persen_dilaporkan)})`),
					h('td', {class: 'angka', 'data-label': 'Tepat waktu'}, `${fmtAngka(k.tepat_waktu)} (${fmtPersen(k.persen_tepat_waktu)})`),
					h('td', {class: 'angka', 'data-label': 'Terlambat'}, fmtAngka(k.terlambat)),
					h('td', {class: 'angka', 'data-label': 'Belum'}, fmtAngka(k.belum))))))),
			belum.length
				? h('p', {id: 'belum-lapor'}, h('strong', {}, `Belum mengajukan (${belum.length}): `), belum.map((d) => d.nama).join(', '))
				: h('p', {class: 'baik-teks', id: 'belum-lapor'}, 'Tidak ada desa yang terlambat tanpa laporan.')));
	}, (e) => kosongkan(isi, h('p', {class: 'galat'}, pesanGalat(e))));
	return el;
}

function kpi(judul, nilai, catatan) {
	return h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, judul), h('strong', {}, nilai),
		catatan ? h('span', {class: 'kpi-catatan'}, catatan) : null);
}

// v_opd.js - an agency's (OPD) work list: GET /v1/prioritas, the villages
// where the data shows a problem the agency acts on, highest priority first,
// with the numbers behind each (value, target, gap, people or families affected),
// and the timeliness of the month's reports in the agency's region.
import {api, semua, unduhCsv, unduhExcel, pesanGalat} from './api.js';
import {h, kosongkan, fmtAngka, bulanIni, namaBulan, pilihBulan} from './util.js';
import {ketepatan} from './v_kota.js';

// problem code -> [Indonesian label, unit]
export const MASALAH = {
	stunting: ['Prevalensi stunting di atas target nasional 14%', '%'],
	gizi_kurang: ['Gizi kurang/wasting di atas 7%', '%'],
	kematian_ibu: ['Kematian ibu', 'kejadian'],
	kematian_bayi: ['Kematian bayi', 'kejadian'],
	ibu_hamil_kek: ['Ibu hamil kurang energi kronis (KEK)', 'orang'],
	unmet_need: ['Unmet need KB di atas 7,4% PUS', '%'],
	cpr_rendah: ['Kesertaan KB (CPR) di bawah 63,41%', '%'],
	mkjp_rendah: ['Pemakai MKJP di bawah 28,39%', '%'],
	keluarga_krs: ['Keluarga berisiko stunting', 'keluarga'],
	air_minum: ['Keluarga tanpa air minum layak', 'keluarga'],
	jamban: ['Keluarga tanpa jamban layak', 'keluarga'],
	kemiskinan: ['Keluarga miskin', 'keluarga'],
	putus_sekolah: ['Anak usia sekolah tidak bersekolah', 'orang'],
	akta_lahir: ['Penduduk tanpa akta kelahiran', 'orang'],
	nik: ['NIK dengan kode wilayah tidak dikenal', 'orang'],
};

export async function tampil(main, ctx) {
	const periode = ctx.query.get('periode') || bulanIni();
	const wilayah = ctx.query.get('wilayah') || ctx.saya.wilayah || '13.77';
	const query = {wilayah, periode};
	if (ctx.query.get('opd')) query.opd = ctx.query.get('opd');
	const d = await semua('/v1/prioritas', query);
	if (!ctx.masih()) return;
	const baris = [...d.data].sort((a, b) => a.peringkat - b.peringkat || a.opd.localeCompare(b.opd));
	const agensi = d.opd || (ctx.saya.opd ?? 'semua-opd');
	const csv = h('button', {type: 'button', id: 'unduh-csv'}, 'Unduh CSV');
	csv.addEventListener('click', () => unduhCsv('/v1/prioritas', query, `prioritas-${agensi}-${periode}.csv`)
		.catch((e) => ctx.umumkan(pesanGalat(e), 'galat')));

	const xlsx = h('button', {type: 'button', id: 'unduh-xlsx'}, 'Unduh Excel');
	xlsx.addEventListener('click', () => unduhExcel('/v1/prioritas', query, `prioritas-${agensi}-${periode}.xlsx`)
		.catch((e) => ctx.umumkan(pesanGalat(e), 'galat')));

	// agencies by name (from the database), filters by agency, problem and kecamatan, 50 cards at a time
	const namaOpd = Object.fromEntries(d.data.map((p) => [p.opd, p.nama_opd || p.opd]));
	const judulOpd = d.opd ? (namaOpd[d.opd] || d.opd) : 'semua OPD';
	const kec = await api('/v1/wilayah', {query: {induk: wilayah, limit: 1000}}).then((r) => r.data, () => []);
	const namaKec = Object.fromEntries(kec.map((k) => [k.kode, k.nama]));
	const pilihan = (id, label, semuaTeks, nilai) => {
		const el = h('select', {id}, h('option', {value: ''}, semuaTeks),
			...[...new Map(nilai).entries()].sort((x, y) => String(x[1]).localeCompare(String(y[1]), 'id'))
				.map(([v, t]) => h('option', {value: v}, t)));
		el.addEventListener('change', () => { batas = 50; gambar(); });
		return h('label', {class: 'saring'}, label + ' ', el);
	};
	const saringOpd = d.opd ? null : pilihan('saring-opd', 'OPD', 'Semua OPD', baris.map((p) => [p.opd, namaOpd[p.opd]]));
	const saringMasalah = pilihan('saring-masalah', 'Masalah', 'Semua masalah',
		baris.map((p) => [p.masalah, (MASALAH[p.masalah] || [p.uraian])[0]]));
	const saringKec = pilihan('saring-kecamatan', 'Kecamatan', 'Semua kecamatan',
		baris.map((p) => [p.kode_kecamatan, namaKec[p.kode_kecamatan] || p.kode_kecamatan]));
	const nilaiDari = (el) => (el ? el.querySelector('select').value : '');
	const jumlah = h('p', {class: 'sub', id: 'jumlah-prioritas'});
	const daftar = h('div', {});
	let batas = 50;

	function kartu(p) {
		const [label, satuan] = MASALAH[p.masalah] || [p.uraian, ''];
		const s = satuan === '%' ? '%' : ' ' + satuan;
		return h('li', {class: 'kartu', dataset: {masalah: p.masalah, opd: p.opd, kecamatan: p.kode_kecamatan}},
			h('span', {class: 'peringkat', title: `Peringkat di ${namaOpd[p.opd]}`}, `#${p.peringkat}`),
			h('div', {},
				h('h2', {}, h('a', {href: `#/desa/${p.kode_desa}?periode=${periode}`}, p.nama_desa), ' · ', label),
				h('dl', {class: 'angka-angka'},
					h('div', {}, h('dt', {}, 'Nilai'), h('dd', {}, fmtAngka(p.nilai) + s)),
					h('div', {}, h('dt', {}, 'Target'), h('dd', {}, fmtAngka(p.target) + s)),
					h('div', {}, h('dt', {}, 'Selisih'), h('dd', {}, fmtAngka(p.selisih) + s)),
					h('div', {}, h('dt', {}, 'Terdampak'), h('dd', {}, fmtAngka(p.terdampak))),
					h('div', {}, h('dt', {}, 'Kecamatan'), h('dd', {}, namaKec[p.kode_kecamatan] || p.kode_kecamatan)),
					d.opd ? null : h('div', {}, h('dt', {}, 'OPD'), h('dd', {}, namaOpd[p.opd])))));
	}

	function gambar() {
		const o = nilaiDari(saringOpd), m = nilaiDari(saringMasalah), k = nilaiDari(saringKec);
		const tersaring = baris.filter((p) => (!o || p.opd === o) && (!m || p.masalah === m) && (!k || p.kode_kecamatan === k));
		kosongkan(jumlah, `${namaBulan(periode, true)} · ${fmtAngka(tersaring.length)} prioritas` +
			(tersaring.length < baris.length ? ` (dari ${fmtAngka(baris.length)})` : '') + ', yang tertinggi di atas');
		if (tersaring.length === 0) {
			kosongkan(daftar, h('p', {class: 'kartu', id: 'prioritas-kosong'},
				baris.length === 0 ? 'Tidak ada prioritas untuk bulan ini.' : 'Tidak ada prioritas yang cocok dengan saringan ini.'));
			return;
		}
		const lagi = h('button', {type: 'button', id: 'lihat-lagi'},
			`Tampilkan ${fmtAngka(Math.min(50, tersaring.length - batas))} lagi (sisa ${fmtAngka(tersaring.length - batas)})`);
		lagi.addEventListener('click', () => { batas += 50; gambar(); });
		kosongkan(daftar, h('ol', {class: 'prioritas', id: 'daftar-prioritas'}, tersaring.slice(0, batas).map(kartu)),
			tersaring.length > batas ? lagi : null);
	}

	kosongkan(main,
		h('div', {class: 'judul'},
			h('h1', {}, `Daftar kerja ${judulOpd}`),
			jumlah,
			h('div', {class: 'alat'}, pilihBulan(periode, (p) => ctx.pergi(`#/opd?periode=${p}`)), csv, xlsx),
			h('div', {class: 'alat', id: 'saringan'}, saringOpd, saringMasalah, saringKec)),
		daftar,
		// which villages have reported this month, and on time: the agency's view of the data it acts on
		ketepatan(wilayah, periode));
	gambar();
}

// v_opd.js - an agency's (OPD) work list: GET /v1/prioritas, the villages
// where the data shows a problem the agency acts on, highest priority first,
// with the numbers behind each (value, target, gap, people or families affected),
// and the timeliness of the month's reports in the agency's region.
import {semua, unduhCsv, unduhExcel, pesanGalat} from './api.js';
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
	const agensi = d.opd || (ctx.saya.opd ?? 'semua OPD');
	const csv = h('button', {type: 'button', id: 'unduh-csv'}, 'Unduh CSV');
	csv.addEventListener('click', () => unduhCsv('/v1/prioritas', query, `prioritas-${agensi}-${periode}.csv`)
		.catch((e) => ctx.umumkan(pesanGalat(e), 'galat')));

	const xlsx = h('button', {type: 'button', id: 'unduh-xlsx'}, 'Unduh Excel');
	xlsx.addEventListener('click', () => unduhExcel('/v1/prioritas', query, `prioritas-${agensi}-${periode}.xlsx`)
		.catch((e) => ctx.umumkan(pesanGalat(e), 'galat')));

	kosongkan(main,
		h('div', {class: 'judul'},
			h('h1', {}, `Daftar kerja ${String(agensi).toUpperCase()}`),
			h('p', {class: 'sub'}, `${namaBulan(periode, true)} · ${baris.length} prioritas, yang tertinggi di atas`),
			h('div', {class: 'alat'}, pilihBulan(periode, (p) => ctx.pergi(`#/opd?periode=${p}`)), csv, xlsx)),
		baris.length === 0
			? h('p', {class: 'kartu', id: 'prioritas-kosong'}, 'Tidak ada prioritas untuk bulan ini.')
			: h('ol', {class: 'prioritas', id: 'daftar-prioritas'}, baris.map((p) => {
				const [label, satuan] = MASALAH[p.masalah] || [p.uraian, ''];
				const s = satuan === '%' ? '%' : ' ' + satuan;
				return h('li', {class: 'kartu', dataset: {masalah: p.masalah}},
					h('span', {class: 'peringkat', title: 'Peringkat'}, `#${p.peringkat}`),
					h('div', {},
						h('h2', {}, h('a', {href: `#/desa/${p.kode_desa}?periode=${periode}`}, p.nama_desa), ' · ', label),
						h('dl', {class: 'angka-angka'},
							h('div', {}, h('dt', {}, 'Nilai'), h('dd', {}, fmtAngka(p.nilai) + s)),
							h('div', {}, h('dt', {}, 'Target'), h('dd', {}, fmtAngka(p.target) + s)),
							h('div', {}, h('dt', {}, 'Selisih'), h('dd', {}, fmtAngka(p.selisih) + s)),
							h('div', {}, h('dt', {}, 'Terdampak'), h('dd', {}, fmtAngka(p.terdampak))),
							d.opd ? null : h('div', {}, h('dt', {}, 'OPD'), h('dd', {}, p.opd)))));
			})),
		// which villages have reported this month, and on time: the agency's view of the data it acts on
		ketepatan(wilayah, periode));
}

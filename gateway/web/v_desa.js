// v_desa.js - a village's scorecard: its class with the 12 scores and 3
// indices, stunting over the last 12 months, families at risk of stunting by
// factor, rule violations, and the 40 data items with their sources and gaps.
import {api, semua, unduhCsv, pesanGalat, ApiError, kunciIdempoten} from './api.js';
import {h, kosongkan, fmtAngka, fmtPersen, fmtPorsi, fmtIndeks, fmtTanggal, fmtWaktu, bulanIni, geserBulan, namaBulan, akhirBulan, lencanaKelas, STATUS, pilihBulan} from './util.js';
import {grafikBatang, grafikKolom} from './grafik.js';

export const SKOR = [
	['input_pokja', 'Pokja'],
	['input_sumber_dana', 'Sumber dana'],
	['input_pkb', 'PKB/PLKB pendamping'],
	['input_sarana', 'Sarana'],
	['input_poktan', 'Poktan'],
	['proses_operasional', 'Mekanisme operasional'],
	['proses_lintas_sektor', 'Keterlibatan lintas sektor'],
	['proses_penggunaan_data', 'Penggunaan data'],
	['output_cpr', 'Kesertaan KB (CPR)'],
	['output_mkjp', 'Pemakai MKJP'],
	['output_unmet', 'Unmet need'],
	['output_poktan', 'Partisipasi poktan'],
];

const SUMBER = {
	data_individu: 'Data by-name (Rumah DataKu)',
	laporan_bulanan: 'Laporan bulanan',
	isian: 'Isian Pokja',
};

const FAKTOR = {
	air_minum: 'Air minum tidak layak',
	jamban: 'Jamban tidak layak',
	terlalu_muda: 'Istri terlalu muda (< 20 th)',
	terlalu_tua: 'Istri terlalu tua (> 35 th)',
	terlalu_dekat: 'Jarak kelahiran terlalu dekat',
	terlalu_banyak: 'Anak terlalu banyak (> 3)',
};

// a section that loads by itself: "Memuat…", then its content or its error
function bagian(id, judul, muat) {
	const isi = h('div', {class: 'isi-bagian'}, h('p', {class: 'memuat', role: 'status'}, 'Memuat…'));
	const el = h('section', {class: 'kartu', id}, h('h2', {}, judul), isi);
	Promise.resolve().then(muat).then((konten) => kosongkan(isi, konten), (e) => {
		if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
		kosongkan(isi, h('p', {class: e instanceof ApiError && e.status === 403 ? 'catatan' : 'galat'}, pesanGalat(e)));
	});
	return el;
}

export async function tampil(main, ctx) {
	const kode = ctx.param[0];
	const periode = ctx.query.get('periode') || bulanIni();
	// the village first: outside the caller's scope it is 404, and the page says so
	const [desa, kls, status] = await Promise.all([
		api(`/v1/desa/${encodeURIComponent(kode)}`),
		api(`/v1/desa/${encodeURIComponent(kode)}/klasifikasi`, {query: {periode}}),
		api(`/v1/desa/${encodeURIComponent(kode)}/periode/${periode}`),
	]);
	if (!ctx.masih()) return;
	const dasar = `/v1/desa/${encodeURIComponent(kode)}`;
	const bolehIsi = ctx.saya.peran === 'kkb_pokja' || ctx.saya.peran === 'kkb_admin';

	const profil = api(dasar + '/profil', {query: {periode}});
	profil.catch(() => {});

	kosongkan(main,
		h('div', {class: 'judul'},
			h('h1', {id: 'nama-desa'}, desa.nama_desa),
			h('p', {class: 'sub'}, `${desa.nama} · Kecamatan ${desa.kecamatan} · ${desa.kode_desa}`),
			h('div', {class: 'alat'},
				pilihBulan(periode, (p) => ctx.pergi(`#/desa/${kode}?periode=${p}`)),
				bolehIsi ? h('a', {class: 'tombol', href: `#/isi/${kode}?periode=${periode}`}, 'Isi laporan') : null)),
		h('section', {class: 'kpi'},
			h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, 'Kelas ' + namaBulan(periode, true)),
				h('strong', {id: 'kelas-desa'}, lencanaKelas(kls.klasifikasi))),
			h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, 'Indeks input / proses / output'),
				h('strong', {id: 'indeks-desa'}, [kls.indeks_input, kls.indeks_proses, kls.indeks_output].map((x) => fmtIndeks(x)).join(' / '))),
			h('div', {class: 'kpi-item'}, h('span', {class: 'kpi-judul'}, 'Status laporan bulan ini'),
				h('strong', {id: 'status-desa'}, STATUS[status.status] || status.status))),
		bolehSetujui(ctx.saya.peran) ? bagian('persetujuan', `Persetujuan laporan ${namaBulan(periode, true)}`,
			() => persetujuan(ctx, dasar, periode, status, profil)) : null,
		h('div', {class: 'dua'},
			bagian('skor', 'Skor klasifikasi (1–4)', async () => h('div', {},
				grafikBatang(SKOR.map(([k, n]) => ({label: n, nilai: kls.skor ? kls.skor[k] : null,
					kelas: 'skor-' + (kls.skor ? kls.skor[k] : 0)})), {judul: '12 indikator portal Kampung KB', maks: 4}),
				grafikBatang([['indeks_input', 'Indeks input'], ['indeks_proses', 'Indeks proses'], ['indeks_output', 'Indeks output']]
					.map(([k, n]) => ({label: n, nilai: kls[k] === null || kls[k] === undefined ? null : Number(kls[k])})),
				{judul: 'Tiga indeks', maks: 4}))),
			bagian('tren-stunting', 'Tren stunting 12 bulan terakhir', () => trenStunting(dasar, periode))),
		bagian('saran', 'Yang dibutuhkan untuk naik kelas', () => saran(dasar, periode)),
		bolehIntervensi(ctx.saya.peran) ? bagian('intervensi', 'Intervensi di desa ini', () => intervensi(ctx, dasar)) : null,
		bolehIsi || ctx.saya.kesehatan ? bagian('goyah', 'Peringatan dini: berat badan anak turun', () => goyah(dasar, periode)) : null,
		h('div', {class: 'dua'},
			bagian('risiko', 'Keluarga berisiko stunting menurut faktor', () => risiko(dasar, periode)),
			bagian('validasi', 'Pelanggaran aturan validasi', () => validasi(dasar, periode))),
		bagian('profil', '40 data desa: nilai, sumber dan kekosongan', async () => {
			const p = await profil;
			const kosong = p.data.filter((d) => d.nilai === null).length;
			const csv = h('button', {type: 'button'}, 'Unduh CSV');
			csv.addEventListener('click', () => unduhCsv(dasar + '/profil', {periode}, `profil-${kode}-${periode}.csv`)
				.catch((e) => ctx.umumkan(pesanGalat(e), 'galat')));
			return h('div', {},
				h('p', {}, `Kelengkapan ${fmtPorsi(p.kelengkapan)}: ${40 - kosong} dari ${p.data.length} terisi, `,
					h('strong', {}, `${kosong} kosong`), '. ', csv),
				h('div', {class: 'gulir'}, h('table', {class: 'tabel', id: 'tabel-profil'},
					h('thead', {}, h('tr', {}, h('th', {}, 'No'), h('th', {}, 'Data'), h('th', {class: 'angka'}, 'Nilai'), h('th', {}, 'Sumber'))),
					h('tbody', {}, p.data.map((d) => h('tr', {class: d.nilai === null ? 'kosong' : null},
						h('td', {}, d.urutan), h('td', {}, d.nama), h('td', {class: 'angka'}, fmtAngka(d.nilai)),
						h('td', {}, d.nilai === null ? h('span', {class: 'celah'}, 'Kosong') : SUMBER[d.sumber] || d.sumber)))))));
		}));
}

// kkb.saran_kelas: for each higher class, the fewest score steps and who moves each lever
async function saran(dasar, periode) {
	const r = await api(dasar + '/saran', {query: {periode}});
	const nama = Object.fromEntries(SKOR);
	const nilai = (v) => v === null || v === undefined ? 'kosong' : v === true ? 'ya' : v === false ? 'tidak' : fmtAngka(v);
	if (r.saran.length === 0) {
		return h('p', {class: r.klasifikasi === 'Berkelanjutan' ? 'baik-teks' : 'catatan'}, r.klasifikasi === 'Berkelanjutan'
			? 'Desa ini sudah Berkelanjutan, kelas tertinggi.'
			: 'Belum ada kelas lebih tinggi yang bisa dicapai dengan data yang tercatat: lengkapi data penduduk (PUS, keluarga) dan laporan KKBPK bulan ini.');
	}
	return h('div', {}, r.saran.map((s) => h('div', {class: 'saran-kelas'},
		h('h3', {}, 'Ke ', lencanaKelas(s.kelas), `: ${s.langkah} langkah skor pada ${s.indikator} indikator`),
		h('ul', {class: 'daftar-saran'}, s.perubahan.map((u) => h('li', {},
			h('strong', {}, `${nama[u.indikator] || u.indikator}: skor ${u.skor_dari} → ${u.skor_ke}. `),
			`${u.tindakan || ''} `,
			h('span', {class: 'catatan'}, `(${u.pelaksana_nama || u.pelaksana || '–'}; ${u.kunci}: ${nilai(u.dari)} → ${nilai(u.ke)})`)))))),
		h('p', {class: 'catatan'}, 'Dihitung dengan aturan klasifikasi portal nasional: langkah paling sedikit untuk tiap kelas, skor hanya naik.'));
}

// kkb.pertumbuhan_goyah (by-name: the Pokja, administrators and the health agency only)
async function goyah(dasar, periode) {
	const r = await api(dasar + '/pertumbuhan-goyah', {query: {acuan: akhirBulan(periode)}});
	if (r.data.length === 0) return h('p', {class: 'baik-teks'}, 'Tidak ada anak yang berat badan menurut umurnya turun lebih dari 0,67 SD di antara dua penimbangan terakhir.');
	return h('div', {},
		h('p', {}, h('strong', {id: 'jumlah-goyah'}, fmtAngka(r.total)), ' anak: z-skor BB/U turun lebih dari 0,67 (satu garis pertumbuhan) di antara dua penimbangan terakhir.'),
		h('ul', {class: 'daftar-saran'}, r.data.map((g) => h('li', {},
			h('strong', {}, `${g.nama} (KK ${g.no_kk}): ${fmtAngka(g.z_bbu_lalu)} → ${fmtAngka(g.z_bbu_kini)}${g.stunting ? ', stunting' : ''}. `),
			g.tindakan))));
}

async function trenStunting(dasar, periode) {
	const bulan = Array.from({length: 12}, (_, i) => geserBulan(periode, i - 11));
	const hasil = await Promise.all(bulan.map((p) => api(dasar + '/profil', {query: {periode: p}})));
	const item = hasil.map((r, i) => {
		const ambil = (k) => (r.data.find((d) => d.kode === k) || {}).nilai;
		const diukur = ambil('balita_diukur'), stunting = ambil('balita_stunting');
		const nilai = diukur ? Math.round((stunting / diukur) * 10000) / 100 : null;
		return {label: namaBulan(bulan[i]), nilai, kelas: nilai > 14 ? 'buruk' : 'baik'};
	});
	// this month against the 11 before, with the 95% interval (GET /v1/tren-stunting for the village alone)
	const kode = decodeURIComponent(dasar.split('/').pop());
	const tren = await api('/v1/tren-stunting', {query: {wilayah: kode, periode}}).then((r) => r.data[0], () => null);
	return h('div', {},
		grafikKolom(item, {judul: 'Prevalensi stunting (% balita diukur)', satuan: '%', maks: Math.max(20, ...item.map((i) => i.nilai ?? 0)),
			target: {nilai: 14, label: 'target 14%'}}),
		tren && tren.persen !== null ? h('p', {id: 'tren-selang', class: tren.naik_nyata ? 'galat' : null},
			`${namaBulan(periode, true)}: ${fmtPersen(tren.persen)} (selang kepercayaan 95%: ${fmtPersen(tren.ci_bawah)}–${fmtPersen(tren.ci_atas)}); `,
			`11 bulan sebelumnya ${fmtPersen(tren.persen_sebelumnya)} - `,
			tren.naik_nyata ? h('strong', {}, 'naik melebihi kebetulan: periksa dan tindak lanjuti.') : 'tidak naik secara nyata.') : null,
		h('p', {class: 'catatan'}, 'Balita dengan tinggi/panjang badan menurut umur z < −2 (Permenkes 2/2020), dari pengukuran bulan itu.'));
}

// at the last day of the chosen month: the same families as item 35 of the profile
async function risiko(dasar, periode) {
	const r = await semua(dasar + '/risiko-stunting', {acuan: akhirBulan(periode)});
	const hitung = {};
	for (const k of r.data) for (const f of k.faktor || []) hitung[f] = (hitung[f] || 0) + 1;
	return h('div', {},
		h('p', {}, h('strong', {id: 'jumlah-berisiko'}, fmtAngka(r.jumlah_berisiko)),
			` keluarga berisiko dari ${fmtAngka(r.jumlah_sasaran)} keluarga sasaran `,
			`(${fmtAngka(r.jumlah_keluarga)} keluarga), per ${namaBulan(periode, true)} akhir bulan.`),
		grafikBatang(Object.keys(FAKTOR).map((f) => ({label: FAKTOR[f], nilai: hitung[f] || 0, kelas: 'buruk'})),
			{judul: 'Jumlah keluarga per faktor (satu keluarga bisa punya beberapa faktor)'}));
}

async function validasi(dasar, periode) {
	const v = await api(dasar + '/validasi', {query: {periode}});
	if (v.data.length === 0) return h('p', {class: 'baik-teks'}, 'Tidak ada pelanggaran aturan bulan ini.');
	return h('ul', {class: 'daftar-validasi'}, v.data.map((x) => h('li', {class: 'validasi-' + x.kepentingan},
		h('strong', {}, x.uraian), ' ',
		h('span', {class: 'catatan'}, `${x.kiri} = ${fmtAngka(x.nilai_kiri)} ${x.operator} ${x.kanan} = ${fmtAngka(x.nilai_kanan)} (${x.kode}, ${x.kepentingan})`))));
}

// ---------------------------------------------------------------- the month's approval (OPD, admin)
// The steps of the month's workflow an agency or an administrator takes here, the states each
// starts from (the database's rule, kkb._alur_periode) and who may take it.  The Pokja submits
// on its own page (v_isi.js).
const LANGKAH = [
	{kode: 'setujui', label: 'Setujui laporan', dari: ['diajukan'], peran: ['kkb_opd', 'kkb_admin'],
		selesai: 'Laporan bulan ini disetujui.'},
	{kode: 'kunci', label: 'Kunci bulan ini', dari: ['draf', 'diajukan', 'disetujui'], peran: ['kkb_admin'],
		tanya: 'Kunci bulan ini? Datanya tidak dapat diubah lagi sampai dibuka kembali oleh admin.', selesai: 'Bulan ini dikunci.'},
	{kode: 'buka', label: 'Buka kembali', dari: ['diajukan', 'disetujui', 'dikunci'], peran: ['kkb_admin'],
		tanya: 'Buka kembali bulan ini? Statusnya kembali menjadi draf dan desa dapat mengubah datanya lagi.',
		selesai: 'Bulan ini dibuka kembali (draf).'},
];

function bolehSetujui(peran) { return peran === 'kkb_opd' || peran === 'kkb_admin'; }

const waktu = fmtWaktu;

// The month's state, its validation results and completeness first, then the steps the caller
// may take from that state; after a step the section shows the new state.
async function persetujuan(ctx, dasar, periode, status, profil) {
	const [v, p] = await Promise.all([api(dasar + '/validasi', {query: {periode}}), profil.catch(() => null)]);
	const tinggi = v.data.filter((x) => x.kepentingan === 'tinggi').length;
	const kotak = h('div', {});
	// the outcome of the last step: kept across the section's redraws (after a step it may offer none)
	const hasil = h('p', {class: 'hasil', role: 'status', id: 'persetujuan-hasil'});
	const tampilkan = (st) => {
		const langkah = LANGKAH.filter((l) => l.peran.includes(ctx.saya.peran) && l.dari.includes(st.status));
		const periksa = v.data.length > 0 && langkah.some((l) => l.kode === 'setujui')
			? h('input', {type: 'checkbox', id: 'persetujuan-periksa'}) : null;
		const tombol = langkah.map((l) => {
			const b = h('button', {type: 'button', id: 'langkah-' + l.kode, class: l.kode === 'setujui' ? null : 'sekunder'}, l.label);
			if (periksa && l.kode === 'setujui') {
				b.disabled = true;
				periksa.addEventListener('change', () => { b.disabled = !periksa.checked; });
			}
			b.addEventListener('click', async () => {
				if (l.tanya && !window.confirm(l.tanya)) return;
				for (const x of tombol) x.disabled = true;
				hasil.className = 'hasil';
				hasil.textContent = 'Menyimpan…';
				try {
					const r = await api(`${dasar}/periode/${periode}/${l.kode}`,
						{method: 'POST', headers: {'Idempotency-Key': kunciIdempoten()}});
					const ks = document.getElementById('status-desa');
					if (ks) ks.textContent = STATUS[r.status] || r.status;
					tampilkan(r);
					hasil.className = 'hasil berhasil';
					hasil.textContent = l.selesai;
				} catch (e) {
					if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
					hasil.className = 'hasil galat';
					hasil.textContent = e instanceof ApiError && e.body.message
						? `Tidak berhasil: ${e.body.message}${e.body.hint ? ' — ' + e.body.hint : ''}` : pesanGalat(e);
					for (const x of tombol) x.disabled = x.id === 'langkah-setujui' && periksa !== null && !periksa.checked;
				}
			});
			return b;
		});
		kosongkan(kotak,
			h('p', {}, 'Status: ', h('strong', {id: 'status-persetujuan'}, STATUS[st.status] || st.status),
				st.diubah_oleh ? h('span', {class: 'catatan'}, ` — oleh ${st.diubah_oleh}, ${waktu(st.diubah_pada)}`) : null),
			h('h3', {}, 'Periksa dulu'),
			h('p', {id: 'persetujuan-validasi', class: v.data.length === 0 ? 'baik-teks' : tinggi > 0 ? 'galat' : null},
				v.data.length === 0 ? 'Tidak ada pelanggaran aturan validasi bulan ini.'
					: `${fmtAngka(v.data.length)} pelanggaran aturan validasi` + (tinggi > 0 ? `, ${fmtAngka(tinggi)} di antaranya berkepentingan tinggi` : '') + '.'),
			v.data.length > 0 ? h('ul', {class: 'daftar-validasi'}, v.data.map((x) => h('li', {class: 'validasi-' + x.kepentingan},
				h('strong', {}, x.uraian), ' ', h('span', {class: 'catatan'}, `(${x.kode}, ${x.kepentingan})`)))) : null,
			p ? h('p', {id: 'persetujuan-kelengkapan'}, `Kelengkapan data: ${fmtPorsi(p.kelengkapan)} `,
				`(${p.data.filter((d) => d.nilai !== null).length} dari ${p.data.length} terisi).`) : null,
			langkah.length === 0
				? h('p', {class: 'catatan', id: 'persetujuan-tunggu'}, st.status === 'draf'
					? 'Menunggu Pokja desa mengajukan laporan bulan ini.'
					: st.status === 'dikunci' ? 'Bulan ini sudah dikunci; hanya admin yang dapat membukanya kembali.'
						: 'Tidak ada langkah yang dapat Anda ambil pada status ini.')
				: h('div', {class: 'aksi'},
					periksa ? h('label', {class: 'periksa'}, periksa, ' Saya sudah memeriksa pelanggaran di atas') : null,
					...tombol),
			hasil);
	};
	tampilkan(status);
	return kotak;
}

// ---------------------------------------------------------------- interventions (Pokja, OPD, admin)
function bolehIntervensi(peran) { return peran === 'kkb_pokja' || peran === 'kkb_opd' || peran === 'kkb_admin'; }

function hariIni() {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// The village's interventions, newest first (GET .../intervensi), BATAS a page with the total and
// previous/next, and one form to record one (POST .../intervensi with an Idempotency-Key) or to change
// one the caller may change (each row's boleh_ubah: its recording agency, the village's pokja for the
// village's own, an administrator) - PUT .../intervensi/{id} with If-Match: the row's versi as read.
// When someone changed it meanwhile (412) both versions are shown side by side; the server's field
// errors are shown at the field.  Choices and agency names from GET /v1/kode.
const BATAS = 20;

async function intervensi(ctx, dasar) {
	const kode = await api('/v1/kode');
	const nama = (kelompok, k) => ((kode.kelompok[kelompok] || []).find((x) => x.kode === k) || {}).nama || k;
	const namaOpd = (k) => ((kode.opd || []).find((x) => x.kode === k) || {}).nama || k;
	const ringkas = (x) => [nama('fungsi_keluarga', x.fungsi_keluarga),
		(x.sasaran || []).map((v) => nama('sasaran', v)).join(', '),
		(x.opd || []).map(namaOpd).join(', ')].filter(Boolean).join(' · ');
	const daftar = h('ul', {class: 'daftar-saran', id: 'daftar-intervensi'});
	const jumlah = h('p', {id: 'jumlah-intervensi'});
	const posisi = h('span', {id: 'posisi-intervensi', role: 'status'});
	const sebelumnya = h('button', {type: 'button', class: 'sekunder', id: 'intervensi-sebelumnya'}, '‹ Sebelumnya');
	const berikutnya = h('button', {type: 'button', class: 'sekunder', id: 'intervensi-berikutnya'}, 'Berikutnya ›');
	const halaman = h('div', {class: 'aksi halaman', id: 'halaman-intervensi'}, sebelumnya, posisi, berikutnya);
	let lewati = 0, total = 0;

	const butir = (x) => {
		const ubah = x.boleh_ubah ? h('button', {type: 'button', class: 'sekunder kecil ubah-intervensi', 'data-id': x.id,
			'aria-label': `Ubah intervensi ${x.judul}`}, 'Ubah') : null;
		if (ubah) ubah.addEventListener('click', () => mulaiUbah(x));
		const galeri = h('div', {class: 'galeri-foto', hidden: true});
		const foto = h('button', {type: 'button', class: 'sekunder kecil foto-intervensi', 'aria-expanded': 'false',
			'aria-label': `Foto intervensi ${x.judul}`}, 'Foto');
		foto.addEventListener('click', () => {
			const buka = galeri.hidden;
			galeri.hidden = !buka;
			foto.setAttribute('aria-expanded', String(buka));
			if (buka) fotoIntervensi(ctx, `${dasar}/intervensi/${encodeURIComponent(x.id)}/foto`, galeri);
			else kosongkan(galeri);
		});
		return h('li', {'data-id': x.id},
			h('strong', {}, `${fmtTanggal(x.tanggal)} · ${x.judul}`), ' ',
			h('span', {class: 'catatan'}, ringkas(x)),
			x.pemilik_opd ? h('span', {class: 'catatan'}, ` · dicatat oleh ${namaOpd(x.pemilik_opd)}`) : null,
			' ', foto, ubah ? ' ' : null, ubah,
			x.uraian ? h('div', {class: 'catatan'}, x.uraian) : null,
			galeri);
	};
	const tulisJumlah = (n) => {
		total = n;
		jumlah.textContent = total === 0 ? 'Belum ada intervensi tercatat.' : `${fmtAngka(total)} intervensi tercatat, terbaru lebih dulu:`;
		const akhir = Math.min(lewati + daftar.children.length, total);
		posisi.textContent = total === 0 ? '' : `${fmtAngka(lewati + 1)}–${fmtAngka(akhir)} dari ${fmtAngka(total)}`;
		sebelumnya.disabled = lewati === 0;
		berikutnya.disabled = akhir >= total;
		halaman.hidden = total <= BATAS;
	};
	const muat = async (mulai) => {
		const d = await api(dasar + '/intervensi', {query: {limit: BATAS, offset: mulai}});
		lewati = mulai;
		kosongkan(daftar, d.data.map(butir));
		tulisJumlah(d.total);
	};
	const pindah = (mulai) => {
		sebelumnya.disabled = berikutnya.disabled = true;
		muat(mulai).catch((e) => {
			if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
			ctx.umumkan(pesanGalat(e), 'galat');
			tulisJumlah(total);
		});
	};
	sebelumnya.addEventListener('click', () => pindah(Math.max(0, lewati - BATAS)));
	berikutnya.addEventListener('click', () => pindah(lewati + BATAS));

	const medan = (id, label, input) => h('div', {class: 'kolom'}, h('label', {for: id}, label), input,
		h('span', {class: 'galat-kolom', id: 'galat-' + id.slice(2), role: 'alert'}));
	const centang = (nama_, opsi, pilih) => h('fieldset', {class: 'kolom', id: 'i-' + nama_}, h('legend', {}, nama_ === 'opd' ? 'OPD pelaksana' : 'Sasaran'),
		opsi.map((o) => h('label', {class: 'opsi'}, h('input', {type: 'checkbox', name: nama_, value: o.kode, checked: pilih.includes(o.kode) || null}), ' ' + o.nama)),
		h('span', {class: 'galat-kolom', id: 'galat-' + nama_, role: 'alert'}));
	const fungsi = h('select', {id: 'i-fungsi_keluarga'}, h('option', {value: ''}, '– pilih –'),
		(kode.kelompok.fungsi_keluarga || []).map((o) => h('option', {value: o.kode}, o.nama)));
	const judulForm = h('h3', {id: 'judul-form-intervensi'}, 'Catat intervensi');
	const simpan = h('button', {type: 'submit', id: 'simpan-intervensi'}, 'Catat intervensi');
	const batal = h('button', {type: 'button', class: 'sekunder', id: 'batal-ubah-intervensi', hidden: true}, 'Batal');
	const hasil = h('p', {class: 'hasil', role: 'status', id: 'intervensi-hasil'});
	const konflik = h('div', {class: 'konflik', id: 'intervensi-konflik', role: 'alert', hidden: true});
	const f = h('form', {id: 'form-intervensi', class: 'formulir-kecil', novalidate: true},
		judulForm,
		medan('i-tanggal', 'Tanggal', h('input', {type: 'date', id: 'i-tanggal', value: hariIni()})),
		medan('i-judul', 'Kegiatan', h('input', {type: 'text', id: 'i-judul', maxlength: '200'})),
		medan('i-fungsi_keluarga', 'Fungsi keluarga', fungsi),
		centang('sasaran', kode.kelompok.sasaran || [], []),
		centang('opd', kode.opd || [], ctx.saya.opd ? [ctx.saya.opd] : []),
		medan('i-uraian', 'Uraian', h('textarea', {id: 'i-uraian', rows: '2'})),
		konflik,
		h('div', {class: 'aksi'}, simpan, batal, hasil));

	// the form's fields from a row, and back
	const isiForm = (x) => {
		f.querySelector('#i-tanggal').value = x.tanggal || '';
		f.querySelector('#i-judul').value = x.judul || '';
		fungsi.value = x.fungsi_keluarga || '';
		for (const c of f.querySelectorAll('input[name=sasaran]')) c.checked = (x.sasaran || []).includes(c.value);
		for (const c of f.querySelectorAll('input[name=opd]')) c.checked = (x.opd || []).includes(c.value);
		f.querySelector('#i-uraian').value = x.uraian || '';
	};
	const bacaForm = () => ({tanggal: f.querySelector('#i-tanggal').value || null, judul: f.querySelector('#i-judul').value.trim() || null,
		fungsi_keluarga: fungsi.value || null,
		sasaran: [...f.querySelectorAll('input[name=sasaran]:checked')].map((x) => x.value),
		opd: [...f.querySelectorAll('input[name=opd]:checked')].map((x) => x.value),
		uraian: f.querySelector('#i-uraian').value.trim() || null});

	// the row being changed: {id, versi} (null: the form records a new one)
	let diubah = null;
	const modeCatat = () => {
		diubah = null;
		judulForm.textContent = 'Catat intervensi';
		simpan.textContent = 'Catat intervensi';
		batal.hidden = true;
		konflik.hidden = true;
		f.querySelector('#i-judul').value = '';
		f.querySelector('#i-uraian').value = '';
	};
	function mulaiUbah(x) {
		diubah = {id: x.id, versi: x.versi};
		isiForm(x);
		for (const g of f.querySelectorAll('.galat-kolom')) g.textContent = '';
		judulForm.textContent = `Ubah intervensi: ${x.judul}`;
		simpan.textContent = 'Simpan perubahan';
		batal.hidden = false;
		konflik.hidden = true;
		hasil.className = 'hasil';
		hasil.textContent = '';
		f.scrollIntoView({block: 'start'});
		f.querySelector('#i-judul').focus();
	}
	batal.addEventListener('click', () => { modeCatat(); hasil.textContent = ''; });
	const gantiButir = (x) => {
		const li = daftar.querySelector(`li[data-id="${x.id}"]`);
		if (li) li.replaceWith(butir(x));
	};

	// someone changed it since it was read: the stored version beside the person's own, and the choice
	const tampilKonflik = (saya, b) => {
		const sekarang = b.sekarang || {};
		const baris = (label, a, c) => h('tr', {class: a === c ? null : 'beda'}, h('th', {scope: 'row'}, label), h('td', {}, a), h('td', {}, c));
		const teks = (x) => ({tanggal: fmtTanggal(x.tanggal), judul: x.judul || '–', fungsi: nama('fungsi_keluarga', x.fungsi_keluarga) || '–',
			sasaran: (x.sasaran || []).map((v) => nama('sasaran', v)).join(', ') || '–', opd: (x.opd || []).map(namaOpd).join(', ') || '–',
			uraian: x.uraian || '–'});
		const a = teks(saya), c = teks(sekarang);
		const pakai = h('button', {type: 'button', class: 'sekunder', id: 'konflik-pakai-tersimpan'}, 'Pakai versi tersimpan');
		const timpa = h('button', {type: 'button', id: 'konflik-timpa'}, 'Simpan versi saya');
		pakai.addEventListener('click', () => {
			diubah = {id: sekarang.id, versi: b.versi_sekarang};
			isiForm(sekarang);
			konflik.hidden = true;
			hasil.className = 'hasil';
			hasil.textContent = 'Formulir berisi versi tersimpan; ubah lagi bila perlu.';
		});
		timpa.addEventListener('click', () => {
			diubah = {id: sekarang.id, versi: b.versi_sekarang};
			isiForm(saya);
			konflik.hidden = true;
			f.requestSubmit();
		});
		kosongkan(konflik,
			h('p', {}, h('strong', {}, 'Intervensi ini sudah diubah orang lain sejak Anda membukanya. '),
				'Perubahan Anda belum tersimpan. Bandingkan kedua versi:'),
			h('div', {class: 'gulir'}, h('table', {class: 'tabel', id: 'tabel-konflik'},
				h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'Versi Anda'), h('th', {}, `Versi tersimpan (${waktu(sekarang.diubah_pada)})`))),
				h('tbody', {},
					baris('Tanggal', a.tanggal, c.tanggal), baris('Kegiatan', a.judul, c.judul), baris('Fungsi keluarga', a.fungsi, c.fungsi),
					baris('Sasaran', a.sasaran, c.sasaran), baris('OPD pelaksana', a.opd, c.opd), baris('Uraian', a.uraian, c.uraian)))),
			h('div', {class: 'aksi'}, pakai, timpa));
		konflik.hidden = false;
		gantiButir({...sekarang, boleh_ubah: true});
		konflik.scrollIntoView({block: 'nearest'});
	};

	let kunci = kunciIdempoten();
	f.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		for (const g of f.querySelectorAll('.galat-kolom')) g.textContent = '';
		const isi = bacaForm();
		simpan.disabled = true;
		hasil.className = 'hasil';
		hasil.textContent = 'Menyimpan…';
		try {
			if (diubah) {
				const x = await api(`${dasar}/intervensi/${encodeURIComponent(diubah.id)}`,
					{method: 'PUT', body: isi, headers: {'If-Match': `"${diubah.versi}"`}});
				gantiButir(x);
				modeCatat();
				hasil.className = 'hasil berhasil';
				hasil.textContent = 'Perubahan tersimpan.';
			} else {
				// one key per intervention: a retry after a lost answer gets the first answer, not a second row
				const x = await api(dasar + '/intervensi', {method: 'POST', body: isi, headers: {'Idempotency-Key': kunci}});
				kunci = kunciIdempoten();
				daftar.prepend(butir(x));
				tulisJumlah(total + 1);
				hasil.className = 'hasil berhasil';
				hasil.textContent = 'Intervensi tercatat.';
				f.querySelector('#i-judul').value = '';
				f.querySelector('#i-uraian').value = '';
			}
		} catch (e) {
			if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
			if (e instanceof ApiError && e.status === 412 && e.body.sekarang) {
				tampilKonflik(isi, e.body);
				hasil.className = 'hasil galat';
				hasil.textContent = 'Tidak tersimpan: ' + (e.body.message || 'intervensi ini sudah diubah orang lain.');
				return;
			}
			const el = e instanceof ApiError && e.body.kolom && document.getElementById('galat-' + e.body.kolom);
			const pesan = e instanceof ApiError && e.body.message ? `${e.body.message}${e.body.hint ? ' — ' + e.body.hint : ''}` : pesanGalat(e);
			if (el) el.textContent = pesan;
			hasil.className = 'hasil galat';
			hasil.textContent = 'Tidak tersimpan: ' + pesan;
		} finally {
			simpan.disabled = false;
		}
	});
	await muat(0);
	return h('div', {}, jumlah, daftar, halaman, f);
}

// ---------------------------------------------------------------- photos of an intervention
// At most 5 a intervention, each at most 300 KB and 1280 px a side (the database checks it): the
// browser resizes a chosen picture on a canvas (longest side 1280 px, JPEG, lower quality until it
// fits) and sends it as base64 JSON; the images are fetched with the token and shown from object URLs.
const FOTO_MAKS = 5, FOTO_BAIT = 307200, FOTO_SISI = 1280;

async function perkecil(berkas) {
	const gambar = await createImageBitmap(berkas);
	let skala = Math.min(1, FOTO_SISI / Math.max(gambar.width, gambar.height));
	for (let coba = 0; coba < 6; coba++, skala *= 0.8) {
		const kanvas = document.createElement('canvas');
		kanvas.width = Math.max(1, Math.round(gambar.width * skala));
		kanvas.height = Math.max(1, Math.round(gambar.height * skala));
		kanvas.getContext('2d').drawImage(gambar, 0, 0, kanvas.width, kanvas.height);
		for (const mutu of [0.85, 0.75, 0.65, 0.55]) {
			const blob = await new Promise((ok) => kanvas.toBlob(ok, 'image/jpeg', mutu));
			if (blob && blob.size <= FOTO_BAIT) return blob;
		}
	}
	throw new Error('foto tidak dapat diperkecil sampai 300 KB');
}

function base64(blob) {
	return new Promise((ok, gagal) => {
		const r = new FileReader();
		r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
		r.onerror = () => gagal(r.error);
		r.readAsDataURL(blob);
	});
}

async function fotoIntervensi(ctx, alamat, galeri) {
	for (const u of galeri.querySelectorAll('img')) URL.revokeObjectURL(u.src);
	kosongkan(galeri, h('p', {class: 'memuat', role: 'status'}, 'Memuat foto…'));
	let d;
	try {
		d = await api(alamat);
	} catch (e) {
		if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
		kosongkan(galeri, h('p', {class: 'galat'}, pesanGalat(e)));
		return;
	}
	const hasil = h('p', {class: 'hasil', role: 'status'});
	const ubin = d.data.map((f) => {
		const img = h('img', {alt: `Foto ${f.lebar}×${f.tinggi} piksel`, width: String(Math.round(120 * f.lebar / Math.max(f.lebar, f.tinggi))),
			height: String(Math.round(120 * f.tinggi / Math.max(f.lebar, f.tinggi)))});
		api(`${alamat}/${f.id}`, {berkas: true}).then((b) => { img.src = URL.createObjectURL(b); }, () => { img.alt = 'Foto tidak dapat dimuat'; });
		const hapus = d.boleh_ubah ? h('button', {type: 'button', class: 'sekunder kecil hapus-foto', 'data-id': f.id}, 'Hapus') : null;
		if (hapus) hapus.addEventListener('click', async () => {
			if (!window.confirm('Hapus foto ini?')) return;
			hapus.disabled = true;
			try {
				await api(`${alamat}/${f.id}`, {method: 'DELETE'});
				await fotoIntervensi(ctx, alamat, galeri);
			} catch (e) {
				hapus.disabled = false;
				hasil.className = 'hasil galat';
				hasil.textContent = 'Tidak terhapus: ' + (e instanceof ApiError && e.body.message ? e.body.message : pesanGalat(e));
			}
		});
		return h('figure', {class: 'foto', 'data-id': f.id}, img,
			h('figcaption', {class: 'catatan'}, `${fmtAngka(f.lebar)}×${fmtAngka(f.tinggi)} · ${fmtAngka(Math.round(f.ukuran / 1024))} KB`), hapus);
	});
	let pilih = null;
	if (d.boleh_ubah && d.total < FOTO_MAKS) {
		pilih = h('input', {type: 'file', accept: 'image/jpeg,image/png,image/webp', class: 'pilih-foto', 'aria-label': 'Tambah foto'});
		pilih.addEventListener('change', async () => {
			const berkas = pilih.files[0];
			if (!berkas) return;
			pilih.disabled = true;
			hasil.className = 'hasil';
			hasil.textContent = 'Memperkecil dan mengirim foto…';
			try {
				const kecil = await perkecil(berkas);
				await api(alamat, {method: 'POST', body: {isi: await base64(kecil)}, headers: {'Idempotency-Key': kunciIdempoten()}});
				await fotoIntervensi(ctx, alamat, galeri);
				const h2 = galeri.querySelector('.hasil');
				if (h2) { h2.className = 'hasil berhasil'; h2.textContent = 'Foto tersimpan.'; }
			} catch (e) {
				if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
				pilih.disabled = false;
				pilih.value = '';
				hasil.className = 'hasil galat';
				hasil.textContent = 'Foto tidak tersimpan: ' + (e instanceof ApiError && e.body.message
					? `${e.body.message}${e.body.hint ? ' — ' + e.body.hint : ''}` : e instanceof ApiError ? pesanGalat(e) : e.message);
			}
		});
	}
	kosongkan(galeri,
		h('p', {class: 'catatan jumlah-foto'}, d.total === 0 ? 'Belum ada foto.' : `${fmtAngka(d.total)} dari ${fmtAngka(FOTO_MAKS)} foto`),
		ubin.length ? h('div', {class: 'daftar-foto'}, ubin) : null,
		pilih ? h('label', {class: 'tambah-foto'}, 'Tambah foto (diperkecil otomatis, paling besar 300 KB): ', pilih) : null,
		d.boleh_ubah && d.total >= FOTO_MAKS ? h('p', {class: 'catatan'}, 'Sudah 5 foto: hapus satu untuk menambah yang baru.') : null,
		hasil);
}

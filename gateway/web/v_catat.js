// v_catat.js - the Pokja records the village's register on a phone: a family, a member or a
// vital event, one form per record, each sent as one row of the bulk sync (POST
// /v1/desa/{kode}/keluarga, /anggota, /peristiwa: upsert by natural key, so sending a record
// again changes nothing and a family or member already registered is updated with the fields
// given).  The choices come from the database (GET /v1/kode); a refused record shows the
// server's message at its field.
import {api, pesanGalat, ApiError, kunciIdempoten} from './api.js';
import * as antrian from './antrian.js';
import {h, kosongkan} from './util.js';

// the forms: [column, label, kind, code group or note]; kinds: teks, nomor (16 digits), angka,
// tanggal, pilih (a code group of GET /v1/kode), jk (L/P), tri (ya / tidak / not known), centang
const FORMULIR = {
	keluarga: {judul: 'Keluarga baru', kunci: 'no_kk', selesai: (r) => `Keluarga ${r.no_kk}`, kolom: [
		['no_kk', 'Nomor KK', 'nomor', '16 angka pada kartu keluarga'],
		['rt', 'RT', 'angka'], ['rw', 'RW', 'angka'], ['alamat', 'Alamat', 'teks'],
		['air_minum', 'Sumber air minum utama', 'pilih', 'air_minum'],
		['jamban', 'Jamban yang dipakai', 'pilih', 'jamban'],
		['tangki_septik', 'Jamban ke tangki septik', 'tri'],
		['lantai_tanah', 'Lantai rumah tanah', 'tri'], ['dinding_layak', 'Dinding layak', 'tri'], ['atap_layak', 'Atap layak', 'tri'],
		['miskin', 'Keluarga miskin (terdaftar di DTKS)', 'centang'],
	]},
	anggota: {judul: 'Anggota keluarga', kunci: 'nik', selesai: (r) => `${r.nama} (NIK ${r.nik})`, kolom: [
		['nik', 'NIK', 'nomor', '16 angka; perempuan: tanggal lahir + 40'],
		['no_kk', 'Nomor KK keluarganya', 'nomor', 'Keluarganya harus sudah tercatat'],
		['nama', 'Nama', 'teks'], ['jenis_kelamin', 'Jenis kelamin', 'jk'], ['tanggal_lahir', 'Tanggal lahir', 'tanggal'],
		['hubungan', 'Hubungan dengan kepala keluarga', 'pilih', 'hubungan'],
		['status_kawin', 'Status kawin', 'pilih', 'status_kawin'],
		['pendidikan', 'Pendidikan tertinggi', 'teks'], ['sekolah', 'Masih sekolah', 'tri'], ['pekerjaan', 'Pekerjaan', 'teks'],
		['jaminan_kesehatan', 'Punya BPJS/JKN', 'tri'], ['akta_lahir', 'Punya akta lahir', 'tri'], ['hamil', 'Sedang hamil', 'tri'],
		['kontrasepsi', 'Alat kontrasepsi yang dipakai', 'pilih', 'kontrasepsi'],
		['alasan_tidak_kb', 'Alasan tidak ber-KB (PUS)', 'pilih', 'alasan_tidak_kb'],
	]},
	peristiwa: {judul: 'Peristiwa', kunci: 'ref', selesai: () => 'Peristiwa', kolom: [
		['jenis', 'Jenis peristiwa', 'pilih', 'jenis_peristiwa'], ['tanggal', 'Tanggal', 'tanggal'],
		['nik', 'NIK orang yang bersangkutan', 'nomor', 'Boleh kosong bila belum ada'],
		['nik_ibu', 'NIK ibu (kelahiran)', 'nomor'], ['jenis_kelamin', 'Jenis kelamin', 'jk'],
		['umur_hari', 'Umur saat meninggal (hari)', 'angka', 'Hanya untuk kematian'],
		['kematian_ibu', 'Kematian ibu (hamil, bersalin, nifas)', 'centang'],
		['keterangan', 'Keterangan', 'teks'],
	]},
};

let kodeCache = null;
async function kode() {
	if (!kodeCache) kodeCache = api('/v1/kode').then((r) => r.kelompok, (e) => { kodeCache = null; throw e; });
	return kodeCache;
}

export async function tampil(main, ctx) {
	const kodeDesa = ctx.param[0];
	const dasar = `/v1/desa/${encodeURIComponent(kodeDesa)}`;
	const jenis = FORMULIR[ctx.query.get('jenis')] ? ctx.query.get('jenis') : 'keluarga';
	const [desa, pilihan] = await Promise.all([api(dasar), kode()]);
	if (!ctx.masih()) return;
	const tab = h('nav', {class: 'tab', 'aria-label': 'Jenis catatan'}, Object.entries(FORMULIR).map(([k, f]) =>
		h('a', {href: `#/catat/${kodeDesa}?jenis=${k}`, 'aria-current': k === jenis ? 'page' : null, id: 'tab-' + k}, f.judul)));
	kosongkan(main,
		h('div', {class: 'judul'}, h('h1', {}, 'Catat data keluarga'), h('p', {class: 'sub'}, `${desa.nama_desa} · Rumah DataKu`)),
		tab, formulir(kodeDesa, dasar, jenis, pilihan), antrian.bagianAntrian(kodeDesa, h, kosongkan));
}

function formulir(kodeDesa, dasar, jenis, pilihan) {
	const def = FORMULIR[jenis];
	const medan = def.kolom.map(([nama, label, macam, lain]) => {
		const id = 'c-' + nama;
		let input;
		if (macam === 'pilih' || macam === 'jk' || macam === 'tri') {
			const opsi = macam === 'pilih' ? (pilihan[lain] || []).map((o) => [o.kode, o.nama])
				: macam === 'jk' ? [['L', 'Laki-laki'], ['P', 'Perempuan']] : [['true', 'Ya'], ['false', 'Tidak']];
			input = h('select', {id, name: nama}, h('option', {value: ''}, macam === 'tri' ? 'Tidak diketahui' : '– pilih –'),
				opsi.map(([v, t]) => h('option', {value: v}, t)));
		} else if (macam === 'centang') {
			input = h('input', {type: 'checkbox', id, name: nama});
		} else {
			input = h('input', {id, name: nama, autocomplete: 'off',
				...(macam === 'tanggal' ? {type: 'date'} : macam === 'angka' ? {type: 'number', inputmode: 'numeric', min: '0', step: '1'}
					: macam === 'nomor' ? {type: 'text', inputmode: 'numeric', maxlength: '16', pattern: '[0-9]{16}'} : {type: 'text'})});
		}
		return h('div', {class: 'kolom' + (macam === 'centang' ? ' centang' : ''), dataset: {kolom: nama}},
			macam === 'centang' ? h('label', {class: 'periksa', for: id}, input, ' ' + label) : h('label', {for: id}, label),
			macam === 'centang' ? null : input,
			(macam === 'nomor' || macam === 'angka') && lain ? h('span', {class: 'petunjuk'}, lain) : null,
			h('span', {class: 'galat-kolom', id: 'galat-' + nama, role: 'alert'}));
	});
	const simpan = h('button', {type: 'submit', id: 'simpan-catat'}, 'Simpan');
	const hasil = h('p', {class: 'hasil', role: 'status', id: 'catat-hasil'});
	const f = h('form', {class: 'kartu', id: 'form-' + jenis, novalidate: true}, h('h2', {}, def.judul), ...medan,
		h('div', {class: 'aksi'}, simpan), hasil);
	// one event is one record: its client id (ref) stays the same while the form is retried, so a
	// repeat after a lost answer updates the same event instead of adding a second one
	let ref = jenis === 'peristiwa' ? 'web-' + kunciIdempoten() : null;
	f.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		for (const g of f.querySelectorAll('.galat-kolom')) g.textContent = '';
		const baris = ref ? {ref} : {};
		for (const [nama, , macam] of def.kolom) {
			const el = f.elements[nama];
			if (macam === 'centang') { baris[nama] = el.checked; continue; }
			const v = el.value.trim();
			if (v === '') continue;
			baris[nama] = macam === 'angka' ? Number(v) : macam === 'tri' ? v === 'true' : v;
		}
		simpan.disabled = true;
		hasil.className = 'hasil';
		hasil.textContent = 'Menyimpan…';
		try {
			const r = await api(`${dasar}/${jenis}`, {method: 'POST', body: [baris]});
			if (r.ditolak > 0) {
				const k = r.konflik[0];
				const pesan = `${k.message || k.pesan}${k.hint ? ' — ' + k.hint : ''}`;
				const el = k.kolom && document.getElementById('galat-' + k.kolom);
				if (el) el.textContent = pesan;
				hasil.className = 'hasil galat';
				hasil.textContent = 'Tidak tersimpan: ' + pesan;
				return;
			}
			hasil.className = 'hasil berhasil';
			hasil.textContent = `${def.selesai(baris)} ${r.diimpor > 0 ? 'tercatat' : 'diperbarui'}.`;
			f.reset();
			if (ref) ref = 'web-' + kunciIdempoten();
		} catch (e) {
			if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
			if (e instanceof ApiError && e.status === 0) {
				// no connection: kept on the phone, sent when the connection returns
				await antrian.simpan(kodeDesa, jenis, baris,
					jenis === 'peristiwa' ? `Peristiwa ${baris.jenis || ''} ${baris.tanggal || ''}`.trim() : def.selesai(baris),
					Object.fromEntries(def.kolom.map(([nama, label]) => [nama, label])));
				hasil.className = 'hasil berhasil antre';
				hasil.textContent = 'Tidak ada sinyal: catatan disimpan di ponsel dan dikirim otomatis saat tersambung.';
				f.reset();
				if (ref) ref = 'web-' + kunciIdempoten();
				return;
			}
			hasil.className = 'hasil galat';
			hasil.textContent = pesanGalat(e);
		} finally {
			simpan.disabled = false;
		}
	});
	return f;
}

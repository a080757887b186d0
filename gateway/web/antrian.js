// antrian.js - records entered without a connection (antrian = queue).  A record the gateway
// could not be reached for is kept in the phone's IndexedDB and sent, in the order entered,
// when the connection returns (the 'online' event, each page load, and after every new
// record).  Each goes through the bulk sync, which upserts by the record's natural key, so a
// record sent twice (its answer lost) is stored once.  A record the server refuses stays in
// the queue, marked ditolak with the server's message and field, until the cadre fixes or
// discards it: nothing is dropped silently.
//
// The records are sent as new ones (?baru=true): when someone else stored a record with the same
// key meanwhile (the same family card, the same child weighed the same day) with other values, the
// server refuses it (KKB-SUDAH-TERSIMPAN) with the stored row instead of writing over it; the record
// then waits as a conflict (bentrok), showing the fields that differ, until the cadre discards it or
// sends it again to write over the stored one.
import {api, ApiError, pesanGalat} from './api.js';

const DB = 'kampungkb', TOKO = 'antrian';

function buka() {
	return new Promise((ok, gagal) => {
		const r = indexedDB.open(DB, 1);
		r.onupgradeneeded = () => r.result.createObjectStore(TOKO, {keyPath: 'id', autoIncrement: true});
		r.onsuccess = () => ok(r.result);
		r.onerror = () => gagal(r.error);
	});
}

async function transaksi(mode, kerja) {
	const db = await buka();
	return new Promise((ok, gagal) => {
		const t = db.transaction(TOKO, mode);
		const r = kerja(t.objectStore(TOKO));
		t.oncomplete = () => { db.close(); ok(r ? r.result : undefined); };
		t.onerror = () => { db.close(); gagal(t.error); };
	});
}

// keep one record (tabel: keluarga, anggota, pengukuran, peristiwa; label: what the cadre sees;
// labelKolom: the form's label of each column, for showing a conflict)
export function simpan(desa, tabel, baris, label, labelKolom) {
	return transaksi('readwrite', (s) => s.add({desa, tabel, baris, label, labelKolom: labelKolom || {}, keadaan: 'menunggu', dibuat: new Date().toISOString()}))
		.then((id) => { tampilStatus(); return id; });
}

// send a conflicting record again, to write over the stored one
export async function timpa(id) {
	const x = (await semua()).find((y) => y.id === id);
	if (!x) return;
	x.keadaan = 'menunggu';
	x.timpa = true;
	delete x.sekarang;
	await transaksi('readwrite', (s) => s.put(x));
	await tampilStatus();
	return kirim();
}

export const semua = () => transaksi('readonly', (s) => s.getAll());
export const hapus = (id) => transaksi('readwrite', (s) => s.delete(id)).then(tampilStatus);

let berjalan = null;
// send what waits; at most one round at a time
export function kirim() {
	if (!berjalan) berjalan = kirimSemua().finally(() => { berjalan = null; tampilStatus(); });
	return berjalan;
}

async function kirimSemua() {
	for (const x of await semua()) {
		if (x.keadaan !== 'menunggu') continue;
		let r;
		try {
			r = await api(`/v1/desa/${encodeURIComponent(x.desa)}/${x.tabel}`,
				{method: 'POST', body: [x.baris], query: x.timpa ? {} : {baru: 'true'}});
		} catch (e) {
			// no connection, the server away or the session gone: try again later, in the same order
			if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500) return;
			x.keadaan = 'ditolak';
			x.pesan = pesanGalat(e);
			await transaksi('readwrite', (s) => s.put(x));
			continue;
		}
		if (r.ditolak > 0 && r.konflik[0].code === 'KKB-SUDAH-TERSIMPAN' && r.konflik[0].sekarang) {
			x.keadaan = 'bentrok';
			x.sekarang = r.konflik[0].sekarang;
			x.pesan = r.konflik[0].message || r.konflik[0].pesan;
			await transaksi('readwrite', (s) => s.put(x));
		} else if (r.ditolak > 0) {
			const k = r.konflik[0];
			x.keadaan = 'ditolak';
			x.kolom = k.kolom || null;
			x.pesan = `${k.message || k.pesan}${k.hint ? ' — ' + k.hint : ''}`;
			await transaksi('readwrite', (s) => s.put(x));
		} else {
			await transaksi('readwrite', (s) => s.delete(x.id));
		}
	}
}

// the header's line: how many records wait for a connection, how many were refused
export async function tampilStatus() {
	const el = document.getElementById('antrian');
	if (!el) return;
	let d = [];
	try { d = await semua(); } catch (e) { d = []; }
	const menunggu = d.filter((x) => x.keadaan === 'menunggu').length, ditolak = d.length - menunggu;
	el.hidden = d.length === 0;
	el.className = ditolak ? 'antrian galat-teks' : 'antrian';
	const bentrok = d.filter((x) => x.keadaan === 'bentrok').length;
	el.textContent = [menunggu ? `${menunggu} catatan menunggu sinyal` : '', ditolak - bentrok ? `${ditolak - bentrok} catatan ditolak` : '',
		bentrok ? `${bentrok} catatan bentrok` : ''].filter(Boolean).join(', ');
	document.dispatchEvent(new CustomEvent('kkb-antrian', {detail: d}));
}

// the fields of a conflicting record that differ from the stored row: [label, this phone's, stored]
const teks = (v) => (v === null || v === undefined || v === '' ? '–' : typeof v === 'boolean' ? (v ? 'Ya' : 'Tidak') : String(v));
function beda(x) {
	return Object.keys(x.baris).filter((k) => k !== 'kode_desa' && k !== 'ref' && teks(x.baris[k]) !== teks(x.sekarang[k]))
		.map((k) => [(x.labelKolom || {})[k] || k, teks(x.baris[k]), teks(x.sekarang[k])]);
}

// A section listing the records kept on this phone for village desa, kept up to date: each with
// its state (waiting; refused with the server's reason and field; in conflict with a record stored
// meanwhile, both versions side by side) and a button to discard it.
export function bagianAntrian(desa, h, kosongkan) {
	const isi = h('div', {});
	const el = h('section', {class: 'kartu', id: 'bagian-antrian', hidden: true}, h('h2', {}, 'Catatan di ponsel ini'), isi);
	const gambar = (d) => {
		const milik = d.filter((x) => x.desa === desa);
		el.hidden = milik.length === 0;
		kosongkan(isi, h('ul', {class: 'daftar-antrian'}, milik.map((x) => {
			const buang = h('button', {type: 'button', class: 'sekunder'}, 'Buang');
			buang.addEventListener('click', () => { if (window.confirm(`Buang catatan "${x.label}" dari ponsel ini?`)) hapus(x.id); });
			if (x.keadaan === 'bentrok') {
				const kirimLagi = h('button', {type: 'button', class: 'timpa'}, 'Kirim catatan saya');
				kirimLagi.addEventListener('click', () => {
					if (window.confirm(`Timpa catatan yang tersimpan di server dengan "${x.label}" dari ponsel ini?`)) timpa(x.id);
				});
				return h('li', {class: 'antrian-bentrok', 'data-keadaan': 'bentrok'},
					h('strong', {}, x.label), ' ', h('span', {class: 'galat-teks'}, x.pesan),
					h('div', {class: 'gulir'}, h('table', {class: 'tabel'},
						h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'Di ponsel ini'), h('th', {}, 'Tersimpan'))),
						h('tbody', {}, beda(x).map(([l, a, b]) => h('tr', {class: 'beda'}, h('th', {scope: 'row'}, l), h('td', {}, a), h('td', {}, b)))))),
					h('div', {class: 'aksi'}, buang, kirimLagi));
			}
			return h('li', {class: 'antrian-' + x.keadaan, 'data-keadaan': x.keadaan},
				h('strong', {}, x.label), ' ',
				x.keadaan === 'menunggu' ? h('span', {class: 'catatan'}, 'menunggu sinyal, dikirim otomatis')
					: h('span', {class: 'galat-teks'}, `ditolak${x.kolom ? ' (' + x.kolom + ')' : ''}: ${x.pesan}`),
				' ', buang);
		})));
	};
	const dengar = (e) => { if (!el.isConnected) { document.removeEventListener('kkb-antrian', dengar); return; } gambar(e.detail); };
	document.addEventListener('kkb-antrian', dengar);
	semua().then(gambar, () => {});
	return el;
}

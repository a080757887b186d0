// antrian.js - records entered without a connection (antrian = queue).  A record the gateway
// could not be reached for is kept in the phone's IndexedDB and sent, in the order entered,
// when the connection returns (the 'online' event, each page load, and after every new
// record).  Each goes through the bulk sync, which upserts by the record's natural key, so a
// record sent twice (its answer lost) is stored once.  A record the server refuses stays in
// the queue, marked ditolak with the server's message and field, until the cadre fixes or
// discards it: nothing is dropped silently.
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

// keep one record (tabel: keluarga, anggota, pengukuran, peristiwa; label: what the cadre sees)
export function simpan(desa, tabel, baris, label) {
	return transaksi('readwrite', (s) => s.add({desa, tabel, baris, label, keadaan: 'menunggu', dibuat: new Date().toISOString()}))
		.then((id) => { tampilStatus(); return id; });
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
			r = await api(`/v1/desa/${encodeURIComponent(x.desa)}/${x.tabel}`, {method: 'POST', body: [x.baris]});
		} catch (e) {
			// no connection, the server away or the session gone: try again later, in the same order
			if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500) return;
			x.keadaan = 'ditolak';
			x.pesan = pesanGalat(e);
			await transaksi('readwrite', (s) => s.put(x));
			continue;
		}
		if (r.ditolak > 0) {
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
	el.textContent = [menunggu ? `${menunggu} catatan menunggu sinyal` : '', ditolak ? `${ditolak} catatan ditolak` : ''].filter(Boolean).join(', ');
	document.dispatchEvent(new CustomEvent('kkb-antrian', {detail: d}));
}

// A section listing the records kept on this phone for village desa, kept up to date: each with
// its state (waiting, or refused with the server's reason and field) and a button to discard it.
export function bagianAntrian(desa, h, kosongkan) {
	const isi = h('div', {});
	const el = h('section', {class: 'kartu', id: 'bagian-antrian', hidden: true}, h('h2', {}, 'Catatan di ponsel ini'), isi);
	const gambar = (d) => {
		const milik = d.filter((x) => x.desa === desa);
		el.hidden = milik.length === 0;
		kosongkan(isi, h('ul', {class: 'daftar-antrian'}, milik.map((x) => {
			const buang = h('button', {type: 'button', class: 'sekunder'}, 'Buang');
			buang.addEventListener('click', () => { if (window.confirm(`Buang catatan "${x.label}" dari ponsel ini?`)) hapus(x.id); });
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

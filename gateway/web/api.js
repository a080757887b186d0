// api.js - the one place that talks to the gateway's REST API (same origin).
// The bearer token lives in sessionStorage (gone when the tab closes), unless the person asked to be
// remembered on this device - a token pasted with "Ingat di perangkat ini", or one a phone got from a
// sign-in link (#/masuk/<code>): then in localStorage, until "Keluar".  Who the token says the caller
// is (kkb.saya) is kept beside it.  A phone that signed in with a link also keeps its device key
// (kkb.perangkat, localStorage): the gateway wants it in X-Perangkat with the token it was issued to.

const KUNCI = 'kkb.token';
const SAYA = 'kkb.saya';
const PERANGKAT = 'kkb.perangkat';

export class ApiError extends Error {
	constructor(status, body) {
		super((body && body.message) || `HTTP ${status}`);
		this.status = status;
		this.body = body || {};
	}
}

function simpanan() {
	return sessionStorage.getItem(KUNCI) ? sessionStorage : localStorage;
}

export const token = {
	get: () => sessionStorage.getItem(KUNCI) || localStorage.getItem(KUNCI),
	// ingat: keep it on this device (localStorage) after the tab closes
	set: (t, ingat = false) => {
		token.hapus();
		(ingat ? localStorage : sessionStorage).setItem(KUNCI, t);
	},
	hapus: () => {
		for (const s of [sessionStorage, localStorage]) { s.removeItem(KUNCI); s.removeItem(SAYA); }
	},
	// who the token says the caller is (GET /v1/saya), kept where the token is
	saya: () => { try { return JSON.parse(simpanan().getItem(SAYA)); } catch (e) { return null; } },
	simpanSaya: (sy) => simpanan().setItem(SAYA, JSON.stringify(sy)),
};

// This device's key for tokens bound to it (sign-in links): 128 random bits as hex, made once.
export function kunciPerangkat() {
	let k = localStorage.getItem(PERANGKAT);
	if (!k || !/^[0-9a-f]{32,128}$/.test(k)) {
		k = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
		localStorage.setItem(PERANGKAT, k);
	}
	return k;
}

// api('/v1/desa', {query: {wilayah: '13.77'}, method, body, headers, csv, berkas}) -> the parsed JSON
// (or a Blob for csv, and for berkas: a file form such as <path>.xlsx); throws ApiError with the server's {code,message,details,hint}.
export async function api(path, opsi = {}) {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(opsi.query || {})) if (v !== null && v !== undefined && v !== '') q.set(k, v);
	const url = path + (q.toString() ? '?' + q : '');
	// the dashboard speaks Indonesian: so do the server's error messages, whatever the browser's language
	const headers = {Accept: opsi.csv ? 'text/csv' : 'application/json', 'Accept-Language': 'id', ...(opsi.headers || {})};
	// tanpaToken: a call that must not send one (the exchange of a sign-in link)
	const t = opsi.tanpaToken ? null : (opsi.token || token.get());
	if (t) headers.Authorization = 'Bearer ' + t;
	// the device key, for a token bound to this device (the gateway ignores it for other tokens)
	const k = localStorage.getItem(PERANGKAT);
	if (t && k) headers['X-Perangkat'] = k;
	let body;
	if (opsi.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = typeof opsi.body === 'string' ? opsi.body : JSON.stringify(opsi.body);
	}
	const method = opsi.method || 'GET';
	let r;
	for (let coba = 0; ; coba++) {
		try {
			// no-cache: always ask the gateway, which answers 304 when the data's ETag has not changed
			r = await fetch(url, {method, headers, body, cache: 'no-cache'});
		} catch (e) {
			throw new ApiError(0, {code: 'JARINGAN', message: 'Gateway tidak dapat dihubungi. Periksa koneksi lalu coba lagi.'});
		}
		// a read refused for now (busy with aggregates, or a limit): wait as told, at most twice
		const tunggu = Number(r.headers.get('Retry-After'));
		if (method !== 'GET' || coba >= 2 || !(r.status === 503 || r.status === 429) || !(tunggu >= 1 && tunggu <= 5)) break;
		await new Promise((ok) => setTimeout(ok, tunggu * 1000));
	}
	if (r.ok && (opsi.csv || opsi.berkas)) return await r.blob();
	let data = null;
	try { data = await r.json(); } catch (e) { data = null; }
	if (!r.ok) throw new ApiError(r.status, data);
	return data;
}

// Every row of a paged list route (limit 1000 a page).
export async function semua(path, query = {}) {
	const rows = [];
	for (let offset = 0; ; offset += 1000) {
		const d = await api(path, {query: {...query, limit: 1000, offset}});
		rows.push(...d.data);
		if (rows.length >= (d.total ?? 0) || d.data.length === 0) return {...d, data: rows};
	}
}

// What to tell a person about an error, in Indonesian.
export function pesanGalat(e) {
	if (!(e instanceof ApiError)) return 'Terjadi kesalahan di peramban: ' + e.message;
	switch (e.status) {
	case 0: return e.body.message;
	case 401:
		if (e.body.code === 'KKB-TOKEN-DICABUT') return 'Akses perangkat atau token ini telah dicabut administrator. Minta tautan masuk baru, lalu masuk lagi.';
		if (e.body.code === 'KKB-TOKEN-PERANGKAT') return 'Token ini terikat pada perangkat lain. Minta tautan masuk baru untuk perangkat ini.';
		return 'Token tidak dikenal, kedaluwarsa atau dicabut. Silakan masuk lagi.';
	case 403: return 'Peran Anda tidak berhak melihat atau mengubah data ini.';
	case 404: return 'Data tidak ditemukan, atau di luar wilayah Anda.';
	case 503:
		if (e.body.code === 'KKB-SIBUK') return 'Server sedang sibuk menghitung ringkasan untuk pengguna lain. Coba lagi sebentar lagi.';
		if (e.body.code === 'KKB-WAKTU-HABIS') return 'Permintaan ini terlalu lama diproses dan dihentikan; tidak ada yang berubah. Coba lagi, atau persempit wilayah atau bulannya.';
		return 'Basis data sedang tidak tersedia. Gateway akan tersambung lagi sendiri; coba beberapa saat lagi.';
	default: return `Server menolak permintaan (${e.status} ${e.body.code || ''}): ${e.body.message || ''}`;
	}
}

// Save a CSV export of a list route as a file (the API makes the CSV).
export async function unduhCsv(path, query, nama) {
	simpanBlob(await api(path, {query: {...query, limit: 1000}, csv: true}), nama);
}

// the same rows as an Excel workbook (GET <path>.xlsx: codes stay text, numbers are numbers)
export async function unduhExcel(path, query, nama) {
	simpanBlob(await api(path + '.xlsx', {query: {...query, limit: 1000}, berkas: true}), nama);
}

function simpanBlob(blob, nama) {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = nama;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// A fresh Idempotency-Key for one write (the gateway answers a repeat with the first answer):
// 128 random bits as hex - crypto.getRandomValues works on plain http too, randomUUID does not.
export function kunciIdempoten() {
	return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

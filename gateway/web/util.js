// util.js - small DOM and formatting helpers (no innerHTML: text is always text).

const SVG_NS = 'http://www.w3.org/2000/svg';

function isi(el, children) {
	for (const c of children.flat(Infinity)) {
		if (c === null || c === undefined || c === false) continue;
		el.append(c instanceof Node ? c : document.createTextNode(String(c)));
	}
	return el;
}

function atribut(el, attrs) {
	for (const [k, v] of Object.entries(attrs || {})) {
		if (v === null || v === undefined || v === false) continue;
		if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
		else if (k === 'dataset') Object.assign(el.dataset, v);
		else el.setAttribute(k, v === true ? '' : String(v));
	}
	return el;
}

// h('p', {class: 'x'}, 'text', child...) -> an HTML element
export function h(tag, attrs, ...children) {
	return isi(atribut(document.createElement(tag), attrs), children);
}

// s('rect', {x: 1}) -> an SVG element
export function s(tag, attrs, ...children) {
	return isi(atribut(document.createElementNS(SVG_NS, tag), attrs), children);
}

export function kosongkan(el, ...children) {
	el.replaceChildren();
	return isi(el, children);
}

// One number format for the dashboard (Indonesian: decimal comma, dot between thousands): whole numbers as they
// are, percentages with one decimal (12,5%), indices with two (1,33).
const angka = new Intl.NumberFormat('id-ID');
const desimal = new Intl.NumberFormat('id-ID', {minimumFractionDigits: 1, maximumFractionDigits: 1});
const indeks = new Intl.NumberFormat('id-ID', {minimumFractionDigits: 2, maximumFractionDigits: 2});

export function fmtAngka(n) {
	return n === null || n === undefined ? '–' : angka.format(n);
}

// a percentage already in percent (12.5 -> "12,5%")
export function fmtPersen(p) {
	return p === null || p === undefined ? '–' : desimal.format(p) + '%';
}

// an index or score mean (1.3333 -> "1,33")
export function fmtIndeks(x) {
	return x === null || x === undefined ? '–' : indeks.format(x);
}

// a z-score with its sign and two decimals (-2.134 -> "−2,13", 0.5 -> "+0,50")
const zskor = new Intl.NumberFormat('id-ID', {minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero'});
export function fmtZ(z) {
	return z === null || z === undefined ? '–' : zskor.format(z);
}

// a date YYYY-MM-DD in Indonesian ("2026-12-05" -> "5 Des 2026"), read as a calendar day (no time zone)
const tanggal = new Intl.DateTimeFormat('id-ID', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
export function fmtTanggal(t) {
	return t ? tanggal.format(new Date(t + 'T00:00:00Z')) : '–';
}

// a moment (ISO time stamp) in Indonesian, date and time ("5 Des 2026, 14.03"); '' for none
const saat = new Intl.DateTimeFormat('id-ID', {dateStyle: 'medium', timeStyle: 'short'});
export function fmtWaktu(t) {
	return t ? saat.format(new Date(t)) : '';
}

// an age in completed months as years and months (13 -> "1 th 1 bln")
export function fmtUmur(bulan) {
	if (bulan === null || bulan === undefined) return '–';
	const th = Math.floor(bulan / 12), bl = bulan % 12;
	return th > 0 ? `${th} th ${bl} bln` : `${bl} bln`;
}

// a share 0..1 as a percentage (0.975 -> "97,5%")
export function fmtPorsi(x) {
	return x === null || x === undefined ? '–' : desimal.format(x * 100) + '%';
}

// the current month as YYYY-MM (local time)
export function bulanIni() {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

// YYYY-MM shifted by n months
export function geserBulan(periode, n) {
	const [y, m] = periode.split('-').map(Number);
	const d = new Date(y, m - 1 + n, 1);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

// the last day of month YYYY-MM, as YYYY-MM-DD
export function akhirBulan(periode) {
	const [y, m] = periode.split('-').map(Number);
	return `${periode}-${String(new Date(y, m, 0).getDate()).padStart(2, '0')}`;
}

const NAMA_BULAN = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

export function namaBulan(periode, panjang) {
	const [y, m] = periode.split('-').map(Number);
	if (panjang) return new Date(y, m - 1, 1).toLocaleDateString('id-ID', {month: 'long', year: 'numeric'});
	return `${NAMA_BULAN[m - 1]} ${String(y).slice(2)}`;
}

export const KELAS = ['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'];

export function lencanaKelas(kelas) {
	return h('span', {class: 'kelas kelas-' + String(kelas || 'none').toLowerCase()}, kelas || 'Belum ada');
}

export const STATUS = {draf: 'Draf', diajukan: 'Diajukan', disetujui: 'Disetujui', dikunci: 'Dikunci'};

// a month picker bound to the hash's ?periode=
// (a list of months named in Indonesian - "Desember 2026" - rather than the browser's <input type=month>,
// which speaks the browser's language: the last 36 months up to the current one, and the chosen one)
export function pilihBulan(periode, ubah) {
	const kini = bulanIni();
	const bulan = Array.from({length: 36}, (_, i) => geserBulan(kini, -i));
	if (/^\d{4}-\d{2}$/.test(periode) && !bulan.includes(periode)) bulan.push(periode);
	bulan.sort().reverse();
	const pilih = h('select', {id: 'periode'}, bulan.map((p) => h('option', {value: p, selected: p === periode}, namaBulan(p, true))));
	pilih.addEventListener('change', () => ubah(pilih.value));
	return h('label', {class: 'bulan'}, 'Bulan ', pilih);
}

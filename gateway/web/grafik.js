// grafik.js - hand-written SVG charts (no library): horizontal bars and columns.
// The SVG scales to its container (viewBox), so it reads on a phone too.
import {h, s} from './util.js';

const fmt = new Intl.NumberFormat('id-ID', {maximumFractionDigits: 2});
const fmtPersen1 = new Intl.NumberFormat('id-ID', {minimumFractionDigits: 1, maximumFractionDigits: 1});
// a bar's value: percentages with one decimal (as util.js fmtPersen), other values with up to two
const angkaNilai = (n, satuan) => (satuan === '%' ? fmtPersen1 : fmt).format(n);

// items: [{label, nilai, kelas (CSS class of the bar), teks (value text)}]
// opsi: {judul, maks, satuan, target: {nilai, label}, kosong}
// on a phone the drawing is narrower, so that its text stays readable when scaled down
const sempit = () => window.innerWidth < 600;

// On a phone each label has a line of its own above its bar, and the bar the whole width; on
// a wider screen the label sits left of its bar, shortened with "…" when longer than its
// room.  Either way the bar's <title> holds the full label and value (shown on hover or a
// long press).
export function grafikBatang(items, opsi = {}) {
	const hp = sempit();
	// a target line is labelled at its top, above the first bar (where the eye starts), not below the last
	const W = hp ? 360 : 640, kiri = hp ? 0 : 210, kanan = 70, tinggi = hp ? 16 : 22, jarak = 6, atas = opsi.target ? 24 : 8;
	const barisLabel = hp ? 17 : 0;	// the label's own line above the bar (phone)
	const maks = opsi.maks ?? Math.max(1, ...items.map((i) => i.nilai ?? 0));
	const lebar = W - kiri - kanan;
	const H = atas + 8 + items.length * (barisLabel + tinggi + jarak);
	const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, class: 'grafik', role: 'img', 'aria-label': opsi.judul || 'grafik'});
	items.forEach((it, i) => {
		const y = atas + i * (barisLabel + tinggi + jarak) + barisLabel;
		const w = it.nilai == null ? 0 : Math.max(it.nilai > 0 ? 2 : 0, (it.nilai / maks) * lebar);
		const teks = it.teks ?? (it.nilai == null ? '–' : angkaNilai(it.nilai, opsi.satuan) + (opsi.satuan || ''));
		const label = hp
			? s('text', {x: 0, y: y - 5, class: 'label', 'data-lebar': W - 2}, potong(it.label, 52))
			: s('text', {x: kiri - 8, y: y + tinggi * 0.7, 'text-anchor': 'end', class: 'label', 'data-lebar': kiri - 10}, potong(it.label, 30));
		label.dataset.penuh = it.label;
		svg.append(s('g', {class: 'batang ' + (it.kelas || '')},
			s('title', {}, `${it.label}: ${teks}`),
			label,
			s('rect', {x: kiri, y, width: w.toFixed(1), height: tinggi, rx: 3}),
			s('text', {x: kiri + w + 6, y: y + tinggi * 0.72, class: 'nilai'}, teks)));
	});
	if (opsi.target) {
		const x = kiri + (opsi.target.nilai / maks) * lebar;
		svg.append(s('g', {class: 'target'},
			s('line', {x1: x, x2: x, y1: atas - 6, y2: H - 4}),
			s('text', {x, y: atas - 10, 'text-anchor': 'middle'}, opsi.target.label)));
	}
	pasLabel(svg);
	return bingkai(svg, opsi, items.length === 0);
}

// Once the chart is on the page: a label still wider than its room (data-lebar, in the
// drawing's units, whatever the scale) is shortened until it fits, ending in "…".
function pasLabel(svg, sisa = 120) {
	if (!svg.isConnected) {
		if (sisa > 0) requestAnimationFrame(() => pasLabel(svg, sisa - 1));
		return;
	}
	for (const t of svg.querySelectorAll('text.label[data-lebar]')) {
		const ruang = Number(t.dataset.lebar), penuh = t.dataset.penuh;
		if (t.getComputedTextLength() <= ruang) continue;
		let n = Math.min(penuh.length, t.textContent.length) - 1;
		for (; n > 1; n--) {
			t.textContent = penuh.slice(0, n).trimEnd() + '…';
			if (t.getComputedTextLength() <= ruang) break;
		}
	}
}

// vertical columns, e.g. a monthly trend. items: [{label, nilai, teks}]
export function grafikKolom(items, opsi = {}) {
	// the target's label has a line of its own under the months (among the columns a column hid it)
	const W = sempit() ? 400 : 640, bawah = opsi.target ? 46 : 28, H = 212 + bawah, atas = 22, kiri = 8;
	const maks = opsi.maks ?? Math.max(1, ...items.map((i) => i.nilai ?? 0));
	const lebarKolom = (W - kiri * 2) / Math.max(1, items.length);
	const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, class: 'grafik kolom', role: 'img', 'aria-label': opsi.judul || 'grafik'});
	items.forEach((it, i) => {
		const x = kiri + i * lebarKolom + lebarKolom * 0.15;
		const t = it.nilai == null ? 0 : ((it.nilai / maks) * (H - atas - bawah));
		const teks = it.teks ?? (it.nilai == null ? '–' : angkaNilai(it.nilai, opsi.satuan) + (opsi.satuan || ''));
		const singkat = sempit() && it.nilai != null ? Math.round(it.nilai) + (opsi.satuan || '') : teks;
		svg.append(s('g', {class: 'batang ' + (it.kelas || '')},
			s('title', {}, `${it.label}: ${teks}`),
			s('rect', {x: x.toFixed(1), y: (H - bawah - t).toFixed(1), width: (lebarKolom * 0.7).toFixed(1), height: t.toFixed(1), rx: 2}),
			s('text', {x: (x + lebarKolom * 0.35).toFixed(1), y: (H - bawah - t - 5).toFixed(1), 'text-anchor': 'middle', class: 'nilai'}, singkat),
			s('text', {x: (x + lebarKolom * 0.35).toFixed(1), y: H - bawah + 20, 'text-anchor': 'middle', class: 'label'},
				sempit() ? it.label.split(' ')[0] : it.label)));
	});
	if (opsi.target) {
		const y = H - bawah - (opsi.target.nilai / maks) * (H - atas - bawah);
		const t = s('text', {x: W - kiri, y: H - 6, 'text-anchor': 'end'}, opsi.target.label);
		svg.append(s('g', {class: 'target'},
			s('line', {x1: kiri, x2: W - kiri, y1: y, y2: y}),
			t, s('line', {class: 'tanda', x1: W - kiri - 130, x2: W - kiri - 100, y1: H - 10, y2: H - 10})));
		// the dashed mark just before the label, once its width is known
		const letak = (n) => {
			if (!t.isConnected) { if (n > 0) requestAnimationFrame(() => letak(n - 1)); return; }
			const x2 = W - kiri - t.getComputedTextLength() - 6;
			t.nextSibling.setAttribute('x1', x2 - 24);
			t.nextSibling.setAttribute('x2', x2);
		};
		letak(120);
	}
	return bingkai(svg, opsi, items.length === 0);
}

function bingkai(svg, opsi, kosong) {
	return h('figure', {class: 'bingkai-grafik'},
		opsi.judul ? h('figcaption', {}, opsi.judul) : null,
		kosong ? h('p', {class: 'catatan'}, opsi.kosong || 'Tidak ada data.') : svg);
}

function potong(t, n) {
	t = String(t);
	return t.length > n ? t.slice(0, n - 1).trimEnd() + '…' : t;
}

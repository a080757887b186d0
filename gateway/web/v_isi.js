// v_isi.js - the Pokja's monthly entry: the family-planning report (KKBPK,
// PUT /v1/desa/{kode}/kkbpk/{periode}), the Kampung KB profile (PUT
// .../profil-kampung/{periode}) and submitting the month for approval (POST
// .../periode/{periode}/ajukan).  Both forms start from what the month holds
// (GET on the same paths; 404: nothing yet), since saving replaces the month.
// A save sends the version the form was filled from (If-Match: its versi, or
// If-None-Match: * when the month was empty): when another cadre saved the
// month meanwhile the server answers 412 with the stored report, and the form
// shows both side by side - the fields that differ - for the cadre to keep
// either; nothing is overwritten unseen.
//
// The hints beside the fields mirror the database's rules (whole numbers >= 0;
// no Pokja members or training without a Pokja) and show while typing, but do
// not block sending: the database is the one judge, and whatever it refuses
// comes back as {code,message,details,hint,kolom}, its message shown at the
// field "kolom" names.
import {api, pesanGalat, ApiError} from './api.js';
import {h, kosongkan, fmtAngka, fmtWaktu, bulanIni, namaBulan, STATUS, pilihBulan} from './util.js';

const KKBPK = [
	['Kelompok kegiatan (peserta)', [
		['peserta_bkb', 'BKB (keluarga balita)'], ['peserta_bkr', 'BKR (keluarga remaja)'], ['peserta_bkl', 'BKL (keluarga lansia)'],
		['peserta_uppka', 'UPPKA'], ['peserta_pikr', 'PIK-R']]],
	['Peserta KB aktif menurut metode', [
		['kb_iud', 'IUD'], ['kb_mow', 'MOW'], ['kb_mop', 'MOP'], ['kb_kondom', 'Kondom'], ['kb_implan', 'Implan'],
		['kb_suntik', 'Suntik'], ['kb_pil', 'Pil']]],
	['PUS bukan peserta KB menurut alasan', [
		['tidak_kb_hamil', 'Sedang hamil'], ['tidak_kb_ingin_segera', 'Ingin anak segera'],
		['tidak_kb_iat', 'Ingin anak ditunda (IAT)'], ['tidak_kb_tial', 'Tidak ingin anak lagi (TIAL)']]],
	['Lainnya', [['peserta_baru', 'Peserta KB baru'], ['bpjs', 'Anggota keluarga ber-BPJS']]],
];

const PILIHAN = {
	sumber_dana: ['Sumber dana', [['apbn', 'APBN'], ['apbd', 'APBD'], ['dana_desa', 'Dana Desa'], ['hibah', 'Donasi/hibah'],
		['csr', 'CSR'], ['swadaya', 'Swadaya masyarakat']]],
	poktan: ['Kelompok kegiatan & program', [['bkb', 'BKB'], ['bkr', 'BKR'], ['bkl', 'BKL'], ['uppka', 'UPPKA'], ['pikr', 'PIK-R'],
		['pelayanan_kb', 'Pelayanan KB-KR'], ['kependudukan', 'Kependudukan'], ['sektor_lain', 'Sektor lain']]],
	sarana: ['Sarana', [['sekretariat', 'Sekretariat Kampung KB'], ['rumah_dataku', 'Rumah DataKu']]],
	penggunaan_data: ['Data yang dipakai dalam perencanaan', [['pk', 'Pendataan Keluarga (PK)'], ['rutin_bkkbn', 'Data rutin BKKBN'],
		['potensi_desa', 'Potensi Desa'], ['sektoral', 'Data sektoral'], ['lainnya', 'Lainnya']]],
	mekanisme_operasional: ['Mekanisme operasional', [['rapat_perencanaan', 'Rapat perencanaan'], ['koordinasi', 'Koordinasi dengan OPD'],
		['sosialisasi', 'Sosialisasi'], ['monev', 'Monitoring & evaluasi'], ['pelaporan', 'Pelaporan']]],
};

const BILANGAN = /^\d+$/;
const INT_MAKS = 2147483647;

// the hint for a whole-number field: null when fine
function petunjukBilangan(v) {
	if (v === '') return null;
	if (!/^-?\d+$/.test(v)) return 'Harus bilangan bulat (tanpa koma atau titik).';
	if (!BILANGAN.test(v)) return 'Tidak boleh negatif.';
	if (Number(v) > INT_MAKS) return 'Terlalu besar.';
	return null;
}

function kolomAngka(nama, label, nilai, catatan) {
	const input = h('input', {id: 'f-' + nama, name: nama, type: 'number', min: 0, step: 1, inputmode: 'numeric',
		value: nilai ?? '', 'aria-describedby': `p-${nama} g-${nama}`});
	const petunjuk = h('span', {class: 'petunjuk', id: 'p-' + nama}, catatan || '');
	const galat = h('span', {class: 'galat-kolom', id: 'g-' + nama, role: 'alert', hidden: true});
	input.addEventListener('input', () => {
		const p = petunjukBilangan(input.value.trim());
		petunjuk.textContent = p || catatan || '';
		petunjuk.classList.toggle('waspada', !!p);
		bersihkanGalat(input.closest('.kolom'));
	});
	return h('div', {class: 'kolom', dataset: {kolom: nama}}, h('label', {for: 'f-' + nama}, label), input, petunjuk, galat);
}

function bersihkanGalat(kolom) {
	if (!kolom) return;
	kolom.classList.remove('salah');
	const g = kolom.querySelector('.galat-kolom');
	if (g) { g.hidden = true; g.textContent = ''; }
}

// Which field of the form an error body is about: the server names it in
// "kolom" (from its error registry); null when it names none of this form's.
export function kolomGalat(body, nama) {
	return body && body.kolom && nama.includes(body.kolom) ? body.kolom : null;
}

function tampilkanGalat(form, e, hasil) {
	for (const k of form.querySelectorAll('.kolom')) bersihkanGalat(k);
	if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status === 403 || e.status === 404 || e.status >= 500) {
		hasil.className = 'galat';
		hasil.textContent = pesanGalat(e);
		return;
	}
	const nama = [...form.querySelectorAll('.kolom')].map((k) => k.dataset.kolom);
	const kolom = kolomGalat(e.body, nama);
	// the server's message is for people (Indonesian); its hint says what to do; the code identifies the error
	const teks = [e.body.message, e.body.hint].filter(Boolean).join(' — ') + ` (${e.body.code || e.status})`;
	const el = kolom && form.querySelector(`.kolom[data-kolom="${kolom}"]`);
	if (el) {
		el.classList.add('salah');
		const g = el.querySelector('.galat-kolom');
		g.textContent = teks;
		g.hidden = false;
		el.querySelector('input').focus();
		hasil.className = 'galat';
		hasil.textContent = 'Server menolak isian: periksa kolom yang ditandai.';
	} else {
		hasil.className = 'galat';
		hasil.textContent = 'Server menolak isian: ' + teks;
	}
}

// the form's values as the body to send: numbers as JSON numbers (anything
// else as text, for the server to refuse by name), empty fields left out
function bacaForm(form) {
	const body = {};
	for (const el of form.elements) {
		if (!el.name) continue;
		if (el.type === 'checkbox' && el.dataset.larik) {
			body[el.name] = body[el.name] || [];
			if (el.checked) body[el.name].push(el.value);
		} else if (el.type === 'checkbox') {
			body[el.name] = el.checked;
		} else if (el.value.trim() !== '') {
			const v = el.value.trim();
			body[el.name] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
		}
	}
	return body;
}

// fill the form with a stored report (the opposite of bacaForm)
function tulisForm(form, data) {
	for (const el of form.elements) {
		if (!el.name) continue;
		const v = data[el.name];
		if (el.type === 'checkbox' && el.dataset.larik) el.checked = (v || []).includes(el.value);
		else if (el.type === 'checkbox') el.checked = !!v;
		else el.value = v ?? '';
		el.dispatchEvent(new Event('input'));
	}
}

// a field's label and a value as the cadre reads them (the form's own words for choices)
function labelKolom(form, nama) {
	const k = form.querySelector(`.kolom[data-kolom="${nama}"]`);
	const l = k && (k.querySelector('legend') || k.querySelector('label'));
	return l ? l.textContent.trim() : nama;
}
function teksNilai(form, nama, v) {
	if (v === null || v === undefined || v === '') return '–';
	if (Array.isArray(v)) {
		const opsi = (x) => { const el = form.querySelector(`input[name="${nama}"][value="${x}"]`); return el ? el.parentElement.textContent.trim() : x; };
		return v.length ? v.map(opsi).join(', ') : '–';
	}
	if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
	return typeof v === 'number' ? fmtAngka(v) : String(v);
}
const sama = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) ||
	(Array.isArray(a) || Array.isArray(b)) && JSON.stringify([...(a || [])].sort()) === JSON.stringify([...(b || [])].sort()) ||
	(typeof a === 'boolean' || typeof b === 'boolean') && !!a === !!b;

// A form that replaces a month's report: PUT jalur with the version it was filled from (stored:
// the report as read, null when the month was empty); pesan(answer) says what was saved.
function formulir(id, judul, isi, jalur, tersimpan, pesan) {
	let versi = tersimpan ? tersimpan.versi : null;
	const hasil = h('p', {class: 'hasil', role: 'status', id: id + '-hasil'});
	const tombol = h('button', {type: 'submit', id: id + '-simpan'}, 'Simpan');
	const konflik = h('div', {class: 'konflik', id: id + '-konflik', role: 'alert', hidden: true});
	const form = h('form', {class: 'kartu formulir', id, novalidate: true}, h('h2', {}, judul), isi, konflik,
		h('div', {class: 'aksi'}, tombol, hasil));

	// another cadre saved the month since this form was filled: the fields that differ, and the choice
	const tampilKonflik = (saya, b) => {
		const sekarang = b.sekarang || {};
		const nama = [...form.querySelectorAll('.kolom[data-kolom]')].map((k) => k.dataset.kolom);
		const beda = nama.filter((n) => !sama(saya[n], sekarang[n]));
		const pakai = h('button', {type: 'button', class: 'sekunder', id: id + '-pakai-tersimpan'}, 'Pakai versi tersimpan');
		const timpa = h('button', {type: 'button', id: id + '-timpa'}, 'Simpan isian saya');
		pakai.addEventListener('click', () => {
			versi = b.versi_sekarang;
			tulisForm(form, sekarang);
			konflik.hidden = true;
			hasil.className = 'hasil';
			hasil.textContent = 'Formulir berisi versi tersimpan; ubah lagi bila perlu, lalu simpan.';
		});
		timpa.addEventListener('click', () => {
			versi = b.versi_sekarang;
			konflik.hidden = true;
			form.requestSubmit();
		});
		kosongkan(konflik,
			h('p', {}, h('strong', {}, b.versi_sekarang
				? `Laporan bulan ini sudah disimpan orang lain sejak Anda membukanya${sekarang.diubah_pada ? ' (' + fmtWaktu(sekarang.diubah_pada) + ')' : ''}. `
				: 'Laporan bulan ini sudah tidak ada di server. '),
				`Isian Anda belum tersimpan. ${beda.length} isian berbeda:`),
			h('div', {class: 'gulir'}, h('table', {class: 'tabel', id: id + '-tabel-konflik'},
				h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'Isian Anda'), h('th', {}, 'Tersimpan'))),
				h('tbody', {}, beda.map((n) => h('tr', {class: 'beda', dataset: {kolom: n}}, h('th', {scope: 'row'}, labelKolom(form, n)),
					h('td', {}, teksNilai(form, n, saya[n])), h('td', {}, teksNilai(form, n, sekarang[n]))))))),
			h('div', {class: 'aksi'}, pakai, timpa));
		konflik.hidden = false;
		hasil.className = 'galat';
		hasil.textContent = 'Belum tersimpan: bandingkan dengan versi tersimpan di atas.';
		konflik.scrollIntoView({block: 'nearest'});
	};

	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		tombol.disabled = true;
		hasil.className = 'memuat';
		hasil.textContent = 'Menyimpan…';
		const body = bacaForm(form);
		try {
			const r = await api(jalur, {method: 'PUT', body, headers: versi ? {'If-Match': `"${versi}"`} : {'If-None-Match': '*'}});
			if (r && r.versi) versi = r.versi;
			konflik.hidden = true;
			for (const k of form.querySelectorAll('.kolom')) bersihkanGalat(k);
			hasil.className = 'berhasil';
			const p = pesan(r);
			hasil.textContent = `Tersimpan (${new Date().toLocaleTimeString('id-ID')}).` + (p ? ' ' + p : '');
		} catch (e) {
			if (e instanceof ApiError && e.status === 401) { location.hash = '#/masuk'; return; }
			if (e instanceof ApiError && e.status === 412 && e.body && 'sekarang' in e.body) { tampilKonflik(body, e.body); return; }
			tampilkanGalat(form, e, hasil);
		} finally {
			tombol.disabled = false;
		}
	});
	return form;
}

export async function tampil(main, ctx) {
	const kode = ctx.param[0] || ctx.saya.wilayah;
	const periode = ctx.query.get('periode') || bulanIni();
	const dasar = `/v1/desa/${encodeURIComponent(kode)}`;
	// a month's stored record, or null when it has none yet
	const tersimpan = (p) => api(p).catch((e) => { if (e instanceof ApiError && e.status === 404) return null; throw e; });
	const [desa, status, profil, laporan, profilKampung] = await Promise.all([
		api(dasar), api(`${dasar}/periode/${periode}`), api(dasar + '/profil', {query: {periode}}),
		tersimpan(`${dasar}/kkbpk/${periode}`), tersimpan(`${dasar}/profil-kampung/${periode}`),
	]);
	if (!ctx.masih()) return;
	// prefill the report with the month's stored report; show the by-name count beside it
	const item = new Map(profil.data.map((d) => [d.kode, d]));
	const isiKkbpk = KKBPK.map(([judul, kolom]) => h('fieldset', {}, h('legend', {}, judul), kolom.map(([n, label]) => {
		const d = item.get(n);
		const catatan = d && d.sumber === 'data_individu' ? `Data by-name: ${fmtAngka(d.nilai)}` : 'Bilangan bulat ≥ 0';
		return kolomAngka(n, label, laporan ? laporan[n] : null, catatan);
	})));
	const fKkbpk = formulir('form-kkbpk', 'Laporan bulanan KKBPK', isiKkbpk, `${dasar}/kkbpk/${periode}`, laporan, (r) => {
		if (!r || !r.periode) return '';
		const p = r.peringatan || [];
		// saved, but implausible: say what, so the cadre can check it now (kkb.peringatan keeps it too)
		return `Laporan ${namaBulan(r.periode, true)} disimpan di server.` + (p.length
			? ` Periksa lagi (${p.length} peringatan): ` + p.map((x) => x.pesan).join('; ')
			: '');
	});

	const pk = profilKampung || {};
	const pokjaAda = h('input', {type: 'checkbox', name: 'pokja_ada', id: 'f-pokja_ada', checked: !!pk.pokja_ada});
	const terlatih = h('input', {type: 'checkbox', name: 'pokja_terlatih', id: 'f-pokja_terlatih', checked: !!pk.pokja_terlatih});
	const anggota = kolomAngka('pokja_anggota', 'Jumlah anggota Pokja', pk.pokja_anggota, 'Bilangan bulat ≥ 0; 0 atau kosong bila belum ada Pokja');
	const aturanPokja = h('span', {class: 'petunjuk', id: 'p-pokja'});
	const cekPokja = () => {
		const a = anggota.querySelector('input').value.trim();
		const salah = !pokjaAda.checked && ((a !== '' && Number(a) !== 0) || terlatih.checked);
		aturanPokja.textContent = salah ? 'Tanpa Pokja, jumlah anggota harus 0 dan Pokja tidak bisa terlatih.' : '';
		aturanPokja.classList.toggle('waspada', salah);
	};
	for (const el of [pokjaAda, terlatih, anggota.querySelector('input')]) el.addEventListener('input', cekPokja);
	const centang = (n, label) => h('div', {class: 'kolom centang', dataset: {kolom: n}},
		h('label', {}, n === 'pokja_ada' ? pokjaAda : n === 'pokja_terlatih' ? terlatih : h('input', {type: 'checkbox', name: n, checked: !!pk[n]}), ' ', label),
		h('span', {class: 'galat-kolom', role: 'alert', hidden: true}));
	const isiProfil = [
		h('fieldset', {}, h('legend', {}, 'Pokja dan pendamping'),
			centang('pokja_ada', 'Pokja Kampung KB sudah dibentuk'), anggota, centang('pokja_terlatih', 'Pokja sudah dilatih'),
			aturanPokja, centang('pkb_pendamping', 'Ada PKB/PLKB pendamping'), centang('regulasi', 'Ada regulasi (SK/Perdes)')),
		Object.entries(PILIHAN).map(([n, [judul, opsi]]) => h('fieldset', {class: 'kolom', dataset: {kolom: n}}, h('legend', {}, judul),
			opsi.map(([v, label]) => h('label', {class: 'opsi'}, h('input', {type: 'checkbox', name: n, value: v, dataset: {larik: '1'},
				checked: (pk[n] || []).includes(v)}), ' ', label)),
			h('span', {class: 'galat-kolom', role: 'alert', hidden: true}))),
	];
	const fProfil = formulir('form-profil', 'Profil Kampung KB', isiProfil, `${dasar}/profil-kampung/${periode}`, profilKampung,
		() => 'Profil bulan ini diganti seluruhnya dengan isian ini.');

	const statusEl = h('strong', {id: 'status-periode'}, STATUS[status.status] || status.status);
	const hasilAjukan = h('p', {class: 'hasil', role: 'status', id: 'ajukan-hasil'});
	const ajukan = h('button', {type: 'button', id: 'ajukan'}, 'Ajukan untuk persetujuan');
	ajukan.addEventListener('click', async () => {
		ajukan.disabled = true;
		hasilAjukan.className = 'memuat';
		hasilAjukan.textContent = 'Mengajukan…';
		try {
			const r = await api(`${dasar}/periode/${periode}/ajukan`, {method: 'POST'});
			statusEl.textContent = STATUS[r.status] || r.status;
			hasilAjukan.className = 'berhasil';
			hasilAjukan.textContent = 'Laporan bulan ini sudah diajukan ke OPD untuk disetujui.';
		} catch (e) {
			hasilAjukan.className = 'galat';
			hasilAjukan.textContent = e instanceof ApiError && e.status === 409
				? `Tidak bisa diajukan: ${e.body.message}${e.body.hint ? ' — ' + e.body.hint : ''}` : pesanGalat(e);
		} finally {
			ajukan.disabled = false;
		}
	});

	kosongkan(main,
		h('div', {class: 'judul'},
			h('h1', {}, `Isi laporan ${desa.nama_desa}`),
			h('p', {class: 'sub'}, `${namaBulan(periode, true)} · status `, statusEl),
			h('div', {class: 'alat'}, pilihBulan(periode, (p) => ctx.pergi(`#/isi/${kode}?periode=${p}`)),
				h('a', {class: 'tombol sekunder', href: `#/desa/${kode}?periode=${periode}`}, 'Lihat kartu desa'))),
		h('p', {class: 'catatan'}, 'Petunjuk di samping kolom mengikuti aturan server; server tetap memeriksa setiap isian dan ',
			'menampilkan penolakannya di kolom yang bersangkutan. Menyimpan mengganti laporan bulan ini seluruhnya.'),
		fKkbpk, fProfil,
		h('section', {class: 'kartu'}, h('h2', {}, 'Ajukan'),
			h('p', {}, 'Setelah laporan lengkap, ajukan bulan ini agar OPD dapat menyetujuinya. Bulan yang disetujui atau dikunci tidak dapat diubah lagi.'),
			h('div', {class: 'aksi'}, ajukan, hasilAjukan)));
}

// sw.js - the dashboard's service worker, so that a cadre in the field keeps working without
// a connection.  It keeps the app's files (at install) and the last answer of every API read
// (as they pass), and answers from them when the network fails.  Writes are never cached or
// replayed here: the page queues what could not be sent (antrian.js) and sends it itself.
// {{ASSETS}} and {{FILES}} are filled in when the gateway is built (gen/web_assets.sh).
const ASET = '{{ASSETS}}';
const BERKAS = {{FILES}};
const APP = 'kkb-app-' + ASET.split('/').pop();
const DATA = 'kkb-api';

self.addEventListener('install', (e) => {
	e.waitUntil(caches.open(APP).then((c) => c.addAll(['/', ...BERKAS.map((f) => ASET + '/' + f)])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
	e.waitUntil(caches.keys()
		.then((ks) => Promise.all(ks.filter((k) => k.startsWith('kkb-app-') && k !== APP).map((k) => caches.delete(k))))
		.then(() => self.clients.claim()));
});

// the network first; when it fails, the kept answer (for a page: the kept index.html)
async function jaringanDulu(req, cache, kunci) {
	try {
		const res = await fetch(req);
		if (res.ok) (await caches.open(cache)).put(kunci || req, res.clone());
		return res;
	} catch (e) {
		const res = await caches.match(kunci || req, {ignoreVary: true});
		if (res) return res;
		throw e;
	}
}

self.addEventListener('fetch', (e) => {
	const req = e.request;
	if (req.method !== 'GET') return;
	const url = new URL(req.url);
	if (url.origin !== self.location.origin) return;
	if (req.mode === 'navigate' || url.pathname === '/') {
		e.respondWith(jaringanDulu(req, APP, '/'));
	} else if (url.pathname.startsWith(ASET + '/')) {
		e.respondWith(caches.match(req).then((res) => res || fetch(req)));
	} else if (url.pathname.startsWith('/v1/') && url.pathname !== '/v1/health' && !/\.(csv|xlsx)$/.test(url.pathname)) {
		e.respondWith(jaringanDulu(req, DATA));
	}
});

// signing out forgets the data read (by-name data must not outlive the session on a shared phone)
self.addEventListener('message', (e) => {
	if (e.data === 'lupakan') e.waitUntil(caches.delete(DATA));
});

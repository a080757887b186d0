// tap.mjs - what the browser scripts share: the environment the shell wrapper
// (tests/web/lib.sh, web_node) gives them, "ok - ..." / "not ok - ..." lines
// that the wrapper numbers into TAP, and psql on the test's demo database.
//
// Environment: KKB_WEB_URL (the gateway), KKB_WEB_SHOTS (screenshot directory),
// KKB_WEB_PERIODE (YYYY-MM), tokens KKB_WEB_TOKEN_OPD / _POKJA / _PROV / _ANALIS /
// _ADMIN, KKB_WEB_PSQL (a JSON array: the command that runs psql on the demo
// database; the SQL is its last argument).
import {execFileSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {chromium} from 'playwright-core';

export const URL = process.env.KKB_WEB_URL;
export const SHOTS = process.env.KKB_WEB_SHOTS;
export const PERIODE = process.env.KKB_WEB_PERIODE;
mkdirSync(SHOTS, {recursive: true});

let gagal = 0;

export function ok(cond, name, diag) {
	console.log(`${cond ? 'ok' : 'not ok'} - ${name}`);
	if (!cond) {
		gagal++;
		if (diag !== undefined) console.log(String(diag).split('\n').map((l) => '# ' + l).join('\n'));
	}
}

export function is(got, want, name) {
	ok(got === want, name, `got: ${JSON.stringify(got)}\nexpected: ${JSON.stringify(want)}`);
}

// one value (or rows, as psql -tA prints them) from the demo database
export function sql(q) {
	const cmd = JSON.parse(process.env.KKB_WEB_PSQL);
	return execFileSync(cmd[0], [...cmd.slice(1), q], {encoding: 'utf8'}).trim();
}

// Debian's chromium, headless
export function peramban() {
	return chromium.launch({executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']});
}

// What goes wrong in a page, collected in page.masalah for a closing check: script errors, console
// errors other than the HTTP refusals the pages show themselves (401 ... 503), requests that failed
// (but those the browser cancelled because the page moved on, net::ERR_ABORTED: the person went on
// before an answer came) and requests anywhere but the gateway (object URLs of its origin allowed).
export function awasi(page) {
	page.masalah = page.masalah || [];
	page.on('pageerror', (e) => page.masalah.push('page error: ' + e.message));
	page.on('console', (m) => {
		if (m.type() === 'error' && !/status of (401|403|404|410|412|422|503)/.test(m.text())) page.masalah.push('console: ' + m.text());
	});
	page.on('requestfailed', (r) => {
		const why = (r.failure() || {}).errorText || '';
		if (!/ERR_ABORTED/.test(why)) page.masalah.push(`request failed: ${r.url()} (${why})`);
	});
	page.on('request', (r) => {
		if (!r.url().startsWith(URL) && !r.url().startsWith('blob:' + URL + '/')) page.masalah.push('external request: ' + r.url());
	});
	page.setDefaultTimeout(20000);
	return page;
}

// one step of a scenario: an exception ends the step as a failed check naming it, and the run goes on
export async function langkah(nama, f) {
	try {
		await f();
	} catch (e) {
		ok(false, nama + ' (stopped: ' + e.message.split('\n')[0] + ')', e.stack);
	}
}

// the end of a run: exit 1 when a check failed
export function selesai() {
	process.exit(gagal ? 1 : 0);
}

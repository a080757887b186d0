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

// the end of a run: exit 1 when a check failed
export function selesai() {
	process.exit(gagal ? 1 : 0);
}

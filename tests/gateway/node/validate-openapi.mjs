// validate-openapi.mjs FILE: validate FILE as an OpenAPI 3 document with
// @seriousme/openapi-schema-validator (JSON Schema of the specification, plus
// resolving every $ref), then print its operations, one "METHOD PATH" a line.
// Exit 1 (errors on stderr) when the document is invalid.
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";

const file = process.argv[2];
const doc = JSON.parse(readFileSync(file, "utf8"));
const validator = new Validator();
const res = await validator.validate(doc);
if (!res.valid) {
	console.error(JSON.stringify(res.errors, null, 2));
	process.exit(1);
}
// every $ref must resolve
try {
	await validator.resolveRefs();
} catch (e) {
	console.error("unresolved $ref: " + e.message);
	process.exit(1);
}
console.error("valid OpenAPI " + validator.version);
for (const [path, item] of Object.entries(doc.paths)) {
	for (const m of ["get", "put", "post", "delete", "patch", "head", "options"]) {
		if (item[m]) console.log(m.toUpperCase() + " " + path);
	}
}

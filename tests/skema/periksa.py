#!/usr/bin/python3
"""periksa.py OPENAPI_JSON RECORD_FILE... - every recorded answer against the API description.

The gateways of the test run record their answers (gateway/src/rekam.c:
method, route pattern, path, status, media type, and the body of each JSON
answer).  For each answer this finds its operation in /openapi.json, the
response declared for its status, checks its media type is one the response
declares, and validates a JSON body against the declared schema (OpenAPI 3.0
schemas: `nullable` becomes a JSON-Schema type with null; $refs resolve into
the document).  An answer no route matched (404, 405) must be the Error body.

Output: one line "ok - NAME" or "not ok - NAME" per (method, route, status)
seen, the first failing answer's path and the place in its body that does not
fit as a comment under it; the shell test numbers them into its TAP.  The
validator is python3-jsonschema (Debian).
"""
import copy
import json
import os
import sys

import jsonschema

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'scripts'))
import rekam  # noqa: E402


def json_schema(s):
    """An OpenAPI 3.0 schema object as JSON Schema (draft 4 to 7 keywords): nullable folded into type."""
    if isinstance(s, list):
        return [json_schema(x) for x in s]
    if not isinstance(s, dict):
        return s
    out = {k: json_schema(v) for k, v in s.items() if k not in ('nullable', 'example', 'description')}
    if s.get('nullable'):
        if 'type' in out:
            out['type'] = [out['type'], 'null']
        if 'enum' in out and None not in out['enum']:
            out['enum'] = out['enum'] + [None]
        if 'type' not in out:
            out = {'anyOf': [out, {'type': 'null'}]}
    return out


def resolve(doc, obj):
    """Follow a local $ref (a response object may be one)."""
    while isinstance(obj, dict) and '$ref' in obj:
        node = doc
        for part in obj['$ref'].lstrip('#/').split('/'):
            node = node[part]
        obj = node
    return obj


def main():
    if len(sys.argv) < 3:
        sys.stderr.write('usage: periksa.py OPENAPI_JSON RECORD_FILE...\n')
        return 2
    with open(sys.argv[1]) as f:
        doc = json.load(f)
    schema_doc = json_schema(copy.deepcopy(doc))
    resolver = jsonschema.RefResolver.from_schema(schema_doc)
    error_schema = {'$ref': '#/components/schemas/Error'}

    groups = {}     # (method, route, status) -> [answers, first failure]
    order = []
    total = 0
    for path in sys.argv[2:]:
        for head, body in rekam.records(path):
            method = head['metode']
            route = head['rute']
            status = head['status']
            if route == '/openapi.json' and status == 200:
                continue    # the document itself, checked by tests/gateway/05 with an OpenAPI validator
            if method == 'OPTIONS':
                continue    # CORS preflight: no body, not an operation of the document
            total += 1
            key = (method, route or '(no route)', status)
            if key not in groups:
                groups[key] = [0, None]
                order.append(key)
            g = groups[key]
            g[0] += 1
            if g[1] is not None:
                continue
            fault = check(doc, schema_doc, resolver, error_schema, head, body)
            if fault:
                g[1] = '%s: %s' % (head['jalur'], fault)

    failed = 0
    for key in order:
        count, fault = groups[key]
        name = '%s %s %d (%d answer%s) as /openapi.json declares' % (key[0], key[1], key[2], count, '' if count == 1 else 's')
        if fault:
            failed += 1
            print('not ok - %s' % name)
            print('#   %s' % fault[:1500].replace('\n', '\n#   '))
        else:
            print('ok - %s' % name)
    print('# %d recorded answers in %d groups, %d groups do not fit' % (total, len(order), failed))
    return 1 if failed else 0


def check(doc, schema_doc, resolver, error_schema, head, body):
    """None when the answer fits its operation; else what does not."""
    method = head['metode']
    route = head['rute']
    status = head['status']
    mtype = (head['jenis'] or '').split(';')[0].strip()
    if route is None:
        schema = error_schema if status >= 400 else None
        if schema is None:
            return 'an answer %d to a path no route matched' % status
    else:
        op = doc['paths'].get(route, {}).get('get' if method == 'HEAD' else method.lower())
        if op is None:
            return 'no operation %s %s in the document' % (method, route)
        resp = op['responses'].get(str(status)) or op['responses'].get('default')
        if resp is None:
            return 'status %d is not among the responses declared (%s)' % (status, ', '.join(sorted(op['responses'])))
        resp = resolve(doc, resp)
        content = resp.get('content')
        if not content:
            if head['panjang'] > 0:
                return 'a body where the response %d declares none' % status
            return None
        if method == 'HEAD' or status == 304:
            return None
        if mtype not in content:
            return 'media type %r is not among those declared (%s)' % (mtype, ', '.join(sorted(content)))
        if mtype != 'application/json':
            return None
        schema = json_schema(content[mtype].get('schema', {}))
    if mtype != 'application/json':
        return 'media type %r where JSON was expected' % mtype
    try:
        value = json.loads(body)
    except ValueError as e:
        return 'the body is not JSON (%s)' % e
    v = jsonschema.Draft7Validator(schema, resolver=resolver)
    errors = sorted(v.iter_errors(value), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = '/'.join(str(p) for p in e.absolute_path) or '(the whole body)'
        return 'at %s: %s (schema %s)' % (where, e.message[:400], '/'.join(str(p) for p in e.absolute_schema_path))
    return None


if __name__ == '__main__':
    sys.exit(main())

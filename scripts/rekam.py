#!/usr/bin/python3
"""rekam.py - read the gateway's record of answers (gateway --record-responses FILE).

Used by tests/skema (every recorded answer against /openapi.json) and, run by
hand, to suggest a schema for an API function that has none yet:

    scripts/rekam.py suggest .test/jawaban.rekam /v1/tren-stunting

prints, for each route whose pattern contains that part, the OpenAPI 3.0 schema that the
recorded answers share (properties seen in every answer are required; a value
seen as null makes it nullable).  Read and tighten it before putting it into
sql/install/96_api_skema.sql: it describes what the tests happened to see.

Record format (gateway/src/rekam.c): a JSON header line
{"metode","rute","jalur","status","jenis","panjang"}, then `panjang` bytes of
body (JSON answers only), then a newline.
"""
import json
import sys


def records(path):
    """Yield (header dict, body bytes) for each record in the file."""
    with open(path, 'rb') as f:
        data = f.read()
    pos = 0
    n = len(data)
    while pos < n:
        end = data.find(b'\n', pos)
        if end < 0:
            raise ValueError('%s: a header at byte %d has no end of line' % (path, pos))
        head = json.loads(data[pos:end])
        start = end + 1
        length = head['panjang']
        body = data[start:start + length]
        if len(body) != length or data[start + length:start + length + 1] != b'\n':
            raise ValueError('%s: the answer at byte %d is cut short (expected %d bytes)' % (path, pos, length))
        yield head, body
        pos = start + length + 1


def _type(v):
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'boolean'
    if isinstance(v, int):
        return 'integer'
    if isinstance(v, float):
        return 'number'
    if isinstance(v, str):
        return 'string'
    if isinstance(v, list):
        return 'array'
    return 'object'


class Shape:
    """What the values seen at one place had in common."""

    def __init__(self):
        self.types = set()
        self.count = 0          # objects seen here
        self.props = {}         # name -> Shape
        self.seen = {}          # name -> number of objects that had it
        self.items = None       # Shape of array items

    def add(self, v):
        t = _type(v)
        self.types.add(t)
        if t == 'object':
            self.count += 1
            for k, x in v.items():
                self.props.setdefault(k, Shape()).add(x)
                self.seen[k] = self.seen.get(k, 0) + 1
        elif t == 'array':
            if self.items is None:
                self.items = Shape()
            for x in v:
                self.items.add(x)

    def schema(self):
        types = set(self.types)
        nullable = 'null' in types
        types.discard('null')
        if 'integer' in types and 'number' in types:
            types.discard('integer')
        s = {}
        if len(types) == 1:
            t = types.pop()
            s['type'] = t
            if t == 'object':
                s['properties'] = {k: p.schema() for k, p in self.props.items()}
                req = [k for k in self.props if self.seen[k] == self.count]
                if req:
                    s['required'] = req
            elif t == 'array':
                s['items'] = self.items.schema() if self.items and self.items.types else {}
        elif len(types) > 1:
            s['oneOf'] = [{'type': t} for t in sorted(types)]
        if nullable:
            s['nullable'] = True
        return s


def suggest(path, part):
    """Print the suggested schema of each route whose pattern contains `part` ('*': all)."""
    routes = {}
    for head, body in records(path):
        if not head['rute'] or head['status'] >= 300 or not body:
            continue
        routes.setdefault((head['metode'], head['rute'], head['status']), Shape()).add(json.loads(body))
    for (method, route, status), shape in sorted(routes.items()):
        if part != '*' and part not in route:
            continue
        print('%s %s %d' % (method, route, status))
        print(json.dumps(shape.schema(), indent=1, ensure_ascii=False))


if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'suggest':
        suggest(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else '*')
    else:
        sys.stderr.write('usage: scripts/rekam.py suggest RECORD-FILE [ROUTE-PART]\n')
        sys.exit(2)

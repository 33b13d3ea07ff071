import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDuplicateKey } from '../../src/core/file/duplicateKeys';
import { serializeBacklog } from '../../src/core/file/serialize';
import { generateBacklog } from './fixtures';

function find(text: string) {
  return findDuplicateKey(text, JSON.parse(text));
}

describe('findDuplicateKey', () => {
  it('finds nothing in any JSON that JSON.stringify wrote, nested or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        assert.equal(find(JSON.stringify(value, null, indent) ?? 'null'), undefined);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a name repeated anywhere in an object, wherever the object sits', () => {
    const object = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 5 });
    fc.assert(
      fc.property(object, fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.constantFrom('', ' ', '\n  '), (record, repeatedValue, pick, blank) => {
        const names = Object.keys(record);
        const key = names[pick % names.length];
        const members = names.map((name) => `${JSON.stringify(name)}${blank}:${JSON.stringify(record[name])}`);
        members.splice((pick >> 3) % (members.length + 1), 0, `${JSON.stringify(key)}:${JSON.stringify(repeatedValue)}`);
        const text = `{"outer": [1, {"inner": {${members.join(',')}}}]}`;
        const found = find(text);
        assert.ok(found, text);
        assert.equal(found.key, key);
        assert.deepEqual(found.path, ['outer', 1, 'inner']);
      }),
      { numRuns: 300 },
    );
  });

  it('tells names apart as JSON does: an escape spells the same name, case does not', () => {
    assert.equal(find('{"status": 1, "st\\u0061tus": 2}')?.key, 'status');
    assert.equal(find('{"status": 1, "Status": 2}'), undefined);
  });

  it('is not fooled by colons and quotes inside text', () => {
    const texts = [
      '{"title": ":tada: shipped", "kind": "other"}',
      '{"title": "  : spaced", "x": {"a": "\\":\\"", "b": "\\\\"}}',
      '{"a\\\\": 1, "b": "{\\"a\\": 1, \\"a\\": 2}"}',
      '[":", {"": 1}, {"": 2}]',
    ];
    for (const text of texts) assert.equal(find(text), undefined, text);
    assert.deepEqual(find('{"title": ":tada:", "title": "again"}')?.repeated, { line: 1, column: 21 });
  });

  it('gives the place of both occurrences', () => {
    const text = '{\n  "version": 1,\n  "entries": [\n    {\n      "status": "open",\n      "triage": "now",\n      "status": "archived"\n    }\n  ]\n}';
    assert.deepEqual(find(text), { key: 'status', path: ['entries', 0], first: { line: 5, column: 7 }, repeated: { line: 7, column: 7 } });
  });

  it('finds a repeat in a large backlog with fields it does not know, and none before it is added', () => {
    const backlog = generateBacklog(300, 7);
    backlog.entries[120].tracker = { system: 'jira', key: 'OPS-1', labels: { team: 'a' } };
    Object.assign(backlog.entries[121].smart, { extra: { nested: true } });
    const text = serializeBacklog(backlog);
    assert.equal(find(text), undefined);
    const repeated = text.replace('"team": "a"', '"team": "a",\n            "team": "b"');
    assert.equal(find(repeated)?.key, 'team');
    assert.deepEqual(find(repeated)?.path, ['entries', 120, 'tracker', 'labels']);
  });
});

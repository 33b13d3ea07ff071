import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorLink, anchorLinks, createCodeLink, isFolderRelativePath, splitLines, type Anchor } from '../../src/core/codeLinks/codeLinks';
import type { CodeLink } from '../../src/core/model/model';

/** A source file whose every line is different. */
function source(count: number, tag = 'row'): string[] {
  return Array.from({ length: count }, (_, i) => `  const ${tag}${i} = compute(${i}, '${tag}-${i}');`);
}

const REPORT = [
  'function buildWeeklyReport(rows) {',
  '  const totals = sumByTeam(rows);',
  '  const chart = renderChart(totals);',
  '  emailToAll(chart, { cc: "leadership" });',
  '}',
];

/** Twenty lines, with REPORT on lines 9-13. */
function withReport(): string[] {
  const lines = source(20);
  lines.splice(8, 5, ...REPORT);
  return lines;
}

function lines(file: readonly string[], anchor: Anchor): string[] {
  return file.slice(anchor.startLine - 1, anchor.endLine);
}

describe('splitLines', () => {
  it('splits at \\n, \\r\\n and \\r, keeping the empty last line as the editor does', () => {
    assert.deepEqual(splitLines('a\nb\r\nc\rd'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(splitLines('a\r\n'), ['a', '']);
    assert.deepEqual(splitLines(''), ['']);
    assert.deepEqual(splitLines('\r\n\r\n'), ['', '', '']);
  });
});

describe('createCodeLink', () => {
  it('stores the path, the lines and a versioned fingerprint', () => {
    const link = createCodeLink('src/report.ts', withReport(), 9, 13);
    assert.equal(link.path, 'src/report.ts');
    assert.equal(link.startLine, 9);
    assert.equal(link.endLine, 13);
    assert.match(link.fingerprint, /^v1:/);
  });

  it('keeps the fingerprint within 200 characters for a 2,000-line selection', () => {
    const file = source(120_000);
    for (const [start, end] of [[1, 2000], [100_000, 119_999], [1, 120_000]]) {
      const link = createCodeLink('big.ts', file, start, end);
      assert.ok(link.fingerprint.length <= 200, `${link.fingerprint.length} characters for ${start}-${end}`);
    }
    const blankEdged = [...Array<string>(50_000).fill(''), ...source(2000), ...Array<string>(50_000).fill('')];
    assert.ok(createCodeLink('big.ts', blankEdged, 1, 102_000).fingerprint.length <= 200);
  });

  it('turns a reversed range round and clamps lines outside the file, without throwing', () => {
    const file = source(10);
    assert.deepEqual(pick(createCodeLink('a.ts', file, 7, 3)), [3, 7]);
    assert.deepEqual(pick(createCodeLink('a.ts', file, 8, 99)), [8, 10]);
    assert.deepEqual(pick(createCodeLink('a.ts', file, -4, 0)), [1, 1]);
    assert.deepEqual(pick(createCodeLink('a.ts', file, Number.NaN, 2)), [1, 2]);
    assert.deepEqual(pick(createCodeLink('a.ts', [], 5, 9)), [1, 1]);
  });

  it('gives a range of blank lines an empty fingerprint, so only its lines count', () => {
    const file = ['a', '', '  ', 'b'];
    const link = createCodeLink('a.ts', file, 2, 3);
    assert.equal(link.fingerprint, '');
    assert.deepEqual(anchorLink(link, file), { state: 'exact', startLine: 2, endLine: 3 });
  });
});

function pick(link: CodeLink): [number, number] {
  return [link.startLine, link.endLine];
}

describe('anchorLink', () => {
  const link = createCodeLink('src/report.ts', withReport(), 9, 13);

  it('is exact while the code stays on its lines', () => {
    assert.deepEqual(anchorLink(link, withReport()), { state: 'exact', startLine: 9, endLine: 13 });
  });

  it('follows lines inserted above', () => {
    const file = withReport();
    file.splice(2, 0, '// new', 'import { x } from "y";', '');
    const anchor = anchorLink(link, file);
    assert.deepEqual(anchor, { state: 'moved', startLine: 12, endLine: 16 });
    assert.deepEqual(lines(file, anchor), REPORT);
  });

  it('follows lines deleted above', () => {
    const file = withReport();
    file.splice(0, 6);
    assert.deepEqual(anchorLink(link, file), { state: 'moved', startLine: 3, endLine: 7 });
  });

  it('finds the code when one line of it was edited, and says so', () => {
    const file = withReport();
    file[10] = '  const chart = renderBarChart(totals, "weekly");';
    assert.deepEqual(anchorLink(link, file), { state: 'edited', startLine: 9, endLine: 13 });
  });

  it('finds edited code that also moved, or gained a line', () => {
    const file = withReport();
    file[11] = '  emailTo(managers, chart);';
    file.splice(10, 0, '  log("rendering");');
    file.splice(0, 0, '// header', '');
    assert.deepEqual(anchorLink(link, file), { state: 'edited', startLine: 11, endLine: 16 });
  });

  it('ignores reindentation and changes of spacing', () => {
    const file = withReport();
    for (let i = 8; i < 13; i++) file[i] = `\t\t${file[i].trim().replace(/ /g, '   ')}  `;
    file[9] = `\u00a0\u3000${file[9]}\u2003`;
    assert.deepEqual(anchorLink(link, file), { state: 'exact', startLine: 9, endLine: 13 });
    file.splice(0, 0, 'namespace reports {');
    assert.deepEqual(anchorLink(link, file), { state: 'moved', startLine: 10, endLine: 14 });
  });

  it('picks the copy closest to the stored lines when the code is duplicated', () => {
    const file = [...source(30, 'a'), ...REPORT, ...source(10, 'b'), ...REPORT, ...source(30, 'c')];
    const second = createCodeLink('r.ts', file, 46, 50);
    const first = createCodeLink('r.ts', file, 31, 35);
    assert.deepEqual(anchorLink(second, file), { state: 'exact', startLine: 46, endLine: 50 });
    assert.deepEqual(anchorLink(first, file), { state: 'exact', startLine: 31, endLine: 35 });
    const shifted = file.slice(5);
    assert.deepEqual(anchorLink(second, shifted), { state: 'moved', startLine: 41, endLine: 45 });
    assert.deepEqual(anchorLink(first, shifted), { state: 'moved', startLine: 26, endLine: 30 });
    // Stored between the two copies, nearer the lower one.
    assert.deepEqual(anchorLink({ ...second, startLine: 40, endLine: 44 }, file), { state: 'moved', startLine: 46, endLine: 50 });
    assert.deepEqual(anchorLink({ ...second, startLine: 37, endLine: 41 }, file), { state: 'moved', startLine: 31, endLine: 35 });
  });

  it('reports removed code as missing, at its stored lines', () => {
    const file = withReport();
    file.splice(8, 5);
    assert.deepEqual(anchorLink(link, file), { state: 'missing', startLine: 9, endLine: 13 });
  });

  it('does not take code where only a minority of lines survive for the link', () => {
    const file = withReport();
    file[9] = '  const totals = await fetchTotals();';
    file[10] = '  return totals;';
    file[11] = '  // no more email';
    assert.equal(anchorLink(link, file).state, 'missing');
    const pair = createCodeLink('p.ts', ['keepThis();', 'andThat();'], 1, 2);
    assert.equal(anchorLink(pair, ['keepThis();', 'changedThat();']).state, 'missing');
  });

  it('does not take a neighbour that shares boilerplate lines for a short link whose code was removed', () => {
    const ci = [
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm test',
      '  report:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: ./scripts/weekly-report.sh',
    ];
    const report = createCodeLink('.github/workflows/ci.yml', ci, 7, 11);
    assert.equal(anchorLink(report, ci.slice(0, 6)).state, 'missing');
  });

  it('never matches code on lines of punctuation alone', () => {
    const file = ['/**', ' * Builds the weekly report nobody reads.', ' */', 'export const x = 1;'];
    const doc = createCodeLink('d.ts', file, 1, 3);
    const other = ['let y = 2;', '/**', ' * Something else entirely.', ' */', 'export const z = 3;'];
    assert.equal(anchorLink(doc, other).state, 'missing');
  });

  it('reports missing for an empty or too-short file', () => {
    assert.equal(anchorLink(link, ['']).state, 'missing');
    assert.equal(anchorLink(link, []).state, 'missing');
    assert.equal(anchorLink(link, REPORT.slice(0, 2)).state, 'missing');
  });

  it('reads CRLF and CR files like LF ones', () => {
    const text = withReport().join('\n');
    const crlf = splitLines(text.replace(/\n/g, '\r\n'));
    assert.deepEqual(anchorLink(link, crlf), { state: 'exact', startLine: 9, endLine: 13 });
    assert.deepEqual(anchorLink(createCodeLink('r.ts', crlf, 9, 13), splitLines(text)), { state: 'exact', startLine: 9, endLine: 13 });
    assert.deepEqual(anchorLink(link, splitLines(`x\r${text.replace(/\n/g, '\r')}`)), { state: 'moved', startLine: 10, endLine: 14 });
  });

  it('keeps selected blank lines at the edges when they are still there, and finds the code when they are not', () => {
    const file = ['a();', '', '', ...REPORT, '', 'z();'];
    const padded = createCodeLink('r.ts', file, 2, 9);
    assert.deepEqual(anchorLink(padded, file), { state: 'exact', startLine: 2, endLine: 9 });
    assert.deepEqual(anchorLink(padded, ['x();', ...file]), { state: 'moved', startLine: 3, endLine: 10 });
    assert.deepEqual(anchorLink(padded, ['a();', ...REPORT, 'z();']), { state: 'moved', startLine: 2, endLine: 6 });
    assert.deepEqual(anchorLink(padded, ['a();', '', '', '', '', ...REPORT, 'z();']), { state: 'moved', startLine: 4, endLine: 10 });
  });

  it('uses only the stored lines of a fingerprint it cannot read, and never throws', () => {
    const file = source(10);
    for (const fingerprint of ['', 'abc', 'v1:zzzzzz:5:0:0:AA', 'v1:AAAAAA:0:0:0:', 'v2:AAAAAA:1:0:0:AA', `v1:${'A'.repeat(6)}:3:0:0:AAAA`, '_'.repeat(200)]) {
      assert.deepEqual(anchorLink({ path: 'a.ts', startLine: 2, endLine: 4, fingerprint }, file), { state: 'exact', startLine: 2, endLine: 4 }, fingerprint);
      assert.deepEqual(anchorLink({ path: 'a.ts', startLine: 9, endLine: 11, fingerprint }, file), { state: 'missing', startLine: 9, endLine: 11 }, fingerprint);
      assert.deepEqual(anchorLink({ path: 'a.ts', startLine: 4, endLine: 2, fingerprint }, file), { state: 'missing', startLine: 4, endLine: 2 }, fingerprint);
    }
    assert.equal(anchorLink({ path: 'a.ts', startLine: 2, endLine: 4, fingerprint: 'v1:AAAAAA:3:0:0:AAAAAA' }, file).state, 'missing', 'a readable fingerprint of other text');
    const odd = { path: 'a.ts', startLine: 1, endLine: 1, fingerprint: 42 } as unknown as CodeLink;
    assert.equal(anchorLink(odd, file).state, 'exact');
  });

  it('never throws on stored lines that make no sense', () => {
    const file = withReport();
    for (const [startLine, endLine] of [[13, 9], [500, 504], [0, 0], [-3, 1], [Number.NaN, 2], [1.5, 3.5]]) {
      const anchor = anchorLink({ ...link, startLine, endLine }, file);
      assert.deepEqual(lines(file, anchor), REPORT, `${startLine}-${endLine}`);
    }
  });
});

describe('isFolderRelativePath', () => {
  it('accepts folder-relative paths and refuses any that could lead out of the folder', () => {
    for (const ok of ['scripts/weekly-report.sh', 'a', '.github/workflows/ci.yml', 'docs/..notes.md']) assert.equal(isFolderRelativePath(ok), true, ok);
    for (const bad of ['', '/etc/passwd', '../x', 'a/../../b', './a', 'a//b', 'a/', 'C:/x', 'c:x', 'a\\..\\..\\b', 'a\0b']) assert.equal(isFolderRelativePath(bad), false, bad);
  });
});

describe('anchorLinks', () => {
  it('returns nothing for no links', () => {
    assert.deepEqual(anchorLinks([], source(5)), []);
  });

  it('anchors each link as anchorLink does, in order', () => {
    const file = source(300);
    const links = [createCodeLink('a.ts', file, 10, 20), createCodeLink('a.ts', file, 150, 151), createCodeLink('a.ts', file, 280, 300)];
    const changed = [...file.slice(0, 100), ...source(7, 'new'), ...file.slice(100)];
    changed.splice(15, 1, 'edited();');
    changed.splice(285, 25);
    const expected: Anchor[] = [
      { state: 'edited', startLine: 10, endLine: 20 },
      { state: 'moved', startLine: 157, endLine: 158 },
      { state: 'missing', startLine: 280, endLine: 300 },
    ];
    assert.deepEqual(anchorLinks(links, changed), expected);
    assert.deepEqual(links.map((l) => anchorLink(l, changed)), expected);
  });

  it('never loses a link when any lines are inserted above it', () => {
    const file = source(60);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.oneof(fc.string(), fc.constantFrom('', '}', '  {')), { maxLength: 30 }),
        fc.nat(),
        (start, span, inserted, at) => {
          const end = Math.min(start + span, 60);
          const link = createCodeLink('a.ts', file, start, end);
          const changed = [...file];
          changed.splice(at % start, 0, ...inserted);
          const shift = inserted.length;
          assert.deepEqual(anchorLink(link, changed), { state: shift === 0 ? 'exact' : 'moved', startLine: start + shift, endLine: end + shift });
        },
      ),
    );
  });

  it('never finds a link in unrelated code', () => {
    const words = fc.constantFrom('total', 'rows', 'report', 'team', 'map', 'filter', 'sum', 'x', 'y', '=', '(', ')', '{', '}', ';', 'return', 'const', '1', '2');
    const line = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 3, maxLength: 40 }), fc.array(line, { maxLength: 200 }), (code, other) => {
        const link = createCodeLink('a.ts', code, 1, code.length);
        const text = code.map((l) => l.replace(/\s+/g, ' ').trim());
        const unrelated = other.filter((l) => !text.includes(l.replace(/\s+/g, ' ').trim()));
        assert.equal(anchorLink(link, unrelated).state, 'missing');
      }),
    );
  });
});

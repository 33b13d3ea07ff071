import assert from 'node:assert/strict';
import { entryToMarkdown, escapeMarkdown } from '../../src/core/markdown';
import { LABELS, makeEntry } from './fixtures';

const HOSTILE = ['<script>alert(1)</script>', '[x](javascript:alert(1))', '# heading', '![img](http://evil/x.png)', '<img src=x onerror=alert(1)>', '`code`', '*bold* _em_ ~~gone~~', '> quote', '- item', '1. item', '| a | b |', '&amp;'];

describe('markdown', () => {
  describe('escapeMarkdown', () => {
    it('neutralises HTML, links and headings', () => {
      assert.equal(escapeMarkdown('<script>alert(1)</script>'), '&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
      assert.equal(escapeMarkdown('[x](javascript:alert(1))'), '\\[x\\]\\(javascript:alert\\(1\\)\\)');
      assert.equal(escapeMarkdown('# heading'), '\\# heading');
      assert.equal(escapeMarkdown('a & b'), 'a &amp; b');
      assert.equal(escapeMarkdown('C:\\path'), 'C:\\\\path');
    });

    it('leaves ordinary words alone', () => {
      assert.equal(escapeMarkdown('Weekly report nobody reads, ever'), 'Weekly report nobody reads, ever');
    });

    it('escapes every character that could start markup', () => {
      for (const s of HOSTILE) {
        const out = escapeMarkdown(s);
        assert.doesNotMatch(out, /<|>/, out);
        assert.doesNotMatch(out, /(^|[^\\])[[\]()#*_`~|!-]/, out);
      }
    });
  });

  describe('entryToMarkdown', () => {
    it('renders a readable block', () => {
      const e = makeEntry({
        reasons: ['fear', 'boss-wants-it'],
        cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week', people: 6 },
        votes: ['a@x', 'b@x'],
        links: [{ path: 'src/report.ts', startLine: 10, endLine: 24, fingerprint: 'f' }],
        decision: { outcome: 'stop', rationale: 'Nobody opened it in a year.', owner: 'Grace', due: '2025-02-01', followUp: 'in-progress', decided: '2025-01-10T00:00:00.000Z' },
      });
      e.smart.moreInfo = '';
      assert.equal(
        entryToMarkdown(e, LABELS),
        [
          '## Weekly status report nobody reads',
          '',
          '- Unused report · Open · Fear, Boss wants it',
          '- Ada Lovelace',
          '- 26 h / month',
          '- 👍 2',
          '- `src/report.ts:10-24`',
          '',
          '### Speak up',
          '',
          'We spend an hour every Friday on a report\\.',
          '',
          '### Accountability',
          '',
          'I will check the read receipts\\.',
          '',
          '### Re\\-prioritize',
          '',
          'Fix the flaky deploy instead\\.',
          '',
          '### Try another approach',
          '',
          'A dashboard that updates itself\\.',
          '',
          '### Stop · Grace · 2025\\-02\\-01 · In progress',
          '',
          'Nobody opened it in a year\\.',
          '',
        ].join('\n'),
      );
    });

    it('names no one for anonymous entries', () => {
      const md = entryToMarkdown(makeEntry({ author: undefined }), LABELS);
      assert.match(md, /^- Anonymous$/m);
      assert.doesNotMatch(md, /Ada/);
    });

    it('keeps hostile text inert everywhere', () => {
      const hostile = HOSTILE.join('\n');
      const e = makeEntry({
        title: '# heading <script>alert(1)</script>\n# second',
        author: { name: '[x](javascript:alert(1))' },
        smart: { speakUp: hostile, moreInfo: `   ${hostile}`, accountability: '\n\n<b>bold</b>\n\n', reprioritize: '', tryAnother: '' },
        links: [{ path: 'a`b``c.ts', startLine: 1, endLine: 2, fingerprint: 'f' }],
        decision: { outcome: 'keep', rationale: '=====\n---', owner: '<i>me</i>', followUp: 'open', decided: '2025-01-10T00:00:00.000Z' },
      });
      const md = entryToMarkdown(e, LABELS);
      assert.doesNotMatch(md, /[<>]/, 'no raw angle brackets, so no HTML');
      assert.doesNotMatch(md, /\]\(/, 'no link syntax');
      const headings = md.split('\n').filter((line) => /^\s{0,3}#/.test(line));
      assert.deepEqual(headings, ['## \\# heading &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\# second', '### Speak up', '### More information', '### Accountability', '### Keep · &lt;i&gt;me&lt;/i&gt; · Open']);
      const answer = [
        '&lt;script&gt;alert\\(1\\)&lt;/script&gt;',
        '\\[x\\]\\(javascript:alert\\(1\\)\\)',
        '\\# heading',
        '\\!\\[img\\]\\(http://evil/x\\.png\\)',
        '&lt;img src\\=x onerror\\=alert\\(1\\)&gt;',
        '\\`code\\`',
        '\\*bold\\* \\_em\\_ \\~\\~gone\\~\\~',
        '&gt; quote',
        '\\- item',
        '1\\. item',
        '\\| a \\| b \\|',
        '&amp;amp;',
      ].join('\\\n');
      assert.ok(md.includes(`### Speak up\n\n${answer}\n\n### More information\n\n${answer}\n\n### Accountability\n\n&lt;b&gt;bold&lt;/b&gt;\n`), md);
      assert.ok(md.includes('\n\\=\\=\\=\\=\\=\\\n\\-\\-\\-\n'), 'setext underlines are escaped');
      assert.match(md, /^- ```a`b``c\.ts:1-2```$/m, 'the path is a literal code span');
      assert.match(md, /^- \\\[x\\\]\\\(javascript:alert\\\(1\\\)\\\)$/m);
    });
  });
});

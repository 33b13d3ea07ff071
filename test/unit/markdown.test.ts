import assert from 'node:assert/strict';
import { entryToMarkdown } from '../../src/core/text/markdown';
import { shorten } from '../../src/core/text/inertText';
import type { Entry } from '../../src/core/model/model';
import { HOSTILE_CORPUS, hostileFields } from '../fixtures/hostileCorpus';
import { LABELS, makeEntry } from './fixtures';
import { renderGfm, visibleText } from './gfm';
import { matchesGolden } from './golden';

const HOSTILE = ['<script>alert(1)</script>', '[x](javascript:alert(1))', '# heading', '![img](http://evil/x.png)', '<img src=x onerror=alert(1)>', '`code`', '*bold* _em_ ~~gone~~', '> quote', '- item', '1. item', '| a | b |', '&amp;'];

describe('markdown', () => {
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
        entryToMarkdown(e, LABELS, '2 votes'),
        [
          '## Weekly status report nobody reads',
          '',
          '- Unused report · Open · Fear, Boss wants it',
          '- Ada Lovelace',
          '- 26 h / month',
          '- 2 votes',
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
      const md = entryToMarkdown(makeEntry({ author: undefined }), LABELS, '0 votes');
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
      const md = entryToMarkdown(e, LABELS, '0 votes');
      assert.doesNotMatch(md, /[<>]/, 'no raw angle brackets, so no HTML');
      assert.doesNotMatch(md, /\]\(/, 'no link syntax');
      const headings = md.split('\n').filter((line) => /^\s{0,3}#/.test(line));
      assert.deepEqual(headings, ['## \\# heading &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\# second', '### Speak up', '### More information', '### Accountability', '### Keep · &lt;i&gt;me&lt;/i&gt; · Open']);
      const answer = [
        '&lt;script&gt;alert\\(1\\)&lt;/script&gt;',
        '\\[x\\]\\(javascript:alert\\(1\\)\\)',
        '\\# heading',
        '\\!\\[img\\]\\(http:&#8203;//evil/x\\.png\\)',
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

    describe('with every hostile payload in every field', () => {
      function corpusEntry(i: number): Entry {
        const f = hostileFields(i);
        return makeEntry({
          id: `01JH${String(i).padStart(22, '0')}`,
          title: f.title,
          smart: { speakUp: f.speakUp, moreInfo: f.moreInfo, accountability: f.accountability, reprioritize: f.reprioritize, tryAnother: f.tryAnother },
          author: { name: f.authorName, email: f.authorEmail },
          links: [{ path: f.linkPath, startLine: 3, endLine: 4, fingerprint: 'v1:x' }],
          comments: [{ id: '01JH0000000000000000000001', created: '2025-01-06T09:00:00.000Z', text: f.commentText, author: { name: f.commentAuthor } }],
          decision: { outcome: 'simplify', rationale: f.rationale, owner: f.owner, due: '2025-02-01', followUp: 'in-progress', decided: '2025-01-10T00:00:00.000Z' },
        });
      }
      const entries = HOSTILE_CORPUS.map((_, i) => corpusEntry(i));

      it('gives the same Markdown for every entry as reviewed (golden)', () => {
        matchesGolden('entry-markdown-corpus.md', entries.map((e) => entryToMarkdown(e, LABELS, `${e.votes.length} votes`)).join('\n---\n\n'));
      });

      for (const [i, entry] of entries.entries()) {
        it(`entry ${i} (title: ${HOSTILE_CORPUS[i].name}) renders as typed under GFM, live only in its owner's mention`, () => {
          const f = hostileFields(i);
          const rendered = renderGfm(entryToMarkdown(entry, LABELS, `${entry.votes.length} votes`));
          assert.deepEqual([...new Set(rendered.blocks)].filter((b) => !['heading', 'paragraph', 'bullet_list', 'list_item'].includes(b)), []);
          assert.deepEqual(rendered.markup, ['code'], 'the code link is the only formatting');
          for (const found of rendered.live) {
            assert.match(found, /^mention: /);
            assert.ok(visibleText(found).includes(visibleText(shorten(f.owner))), `${found} is in the owner's name`);
          }
          const text = visibleText(rendered.text);
          for (const value of [f.title, f.authorName, f.owner, f.linkPath, ...Object.values(entry.smart), f.rationale].flatMap((v) => v.split('\n'))) {
            assert.ok(text.includes(visibleText(shorten(value))), `${JSON.stringify(value)} reads as typed`);
          }
        });
      }
    });
  });
});

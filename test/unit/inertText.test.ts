import assert from 'node:assert/strict';
import fc from 'fast-check';
import { QUOTE_LENGTH, isolateBidi, markdownBlock, markdownInline, markdownName, plainText, shorten } from '../../src/core/text/inertText';
import { HOSTILE_CORPUS, UNBROKEN_TITLE, type PayloadClass } from '../fixtures/hostileCorpus';
import { renderGfm, visibleText } from './gfm';
import { matchesGolden, visible } from './golden';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';
const PDF = '\u202C';

/**
 * Follows UAX #9's stack of embeddings and isolates through `text`, and tells whether the isolate
 * that `text` opens first stays open until its very last character, so nothing in it can leak out.
 */
function staysIsolated(text: string): boolean {
  const stack: string[] = [];
  const chars = [...text];
  for (const [index, c] of chars.entries()) {
    if ('\u202A\u202B\u202D\u202E'.includes(c)) stack.push('embedding');
    else if ('\u2066\u2067\u2068'.includes(c)) stack.push('isolate');
    else if (c === PDF && stack.at(-1) === 'embedding') stack.pop();
    else if (c === PDI && stack.includes('isolate')) {
      stack.length = stack.lastIndexOf('isolate');
      if (stack.length === 0 && index < chars.length - 1) return false;
    }
  }
  return stack.length === 0;
}

/** What the rule promises a reader sees: the text on one line, with only invisible characters changed. */
function asTyped(text: string): string {
  return visibleText(shorten(text));
}

describe('inert text', () => {
  describe('isolateBidi', () => {
    it('leaves left-to-right text alone', () => {
      assert.equal(isolateBidi('Weekly status report (v2) 3/5'), 'Weekly status report (v2) 3/5');
    });

    it('isolates right-to-left text, so the numbers after it keep their place', () => {
      assert.equal(isolateBidi('דוח שבועי'), `${FSI}דוח שבועי${PDI}`);
      assert.equal(isolateBidi('تقرير 12'), `${FSI}تقرير 12${PDI}`);
    });

    it('keeps an override but closes it inside the isolate', () => {
      assert.equal(isolateBidi(`${RLO}<b>right-to-left override</b>`), `${FSI}${RLO}<b>right-to-left override</b>${PDF}${PDI}`);
    });

    it('drops a pop that could only close an isolate opened outside the text', () => {
      assert.equal(isolateBidi(`${PDI}${PDF}escape${RLO}`), `${FSI}escape${RLO}${PDF}${PDI}`);
      assert.equal(isolateBidi(`a\u2066b${PDI}${PDI}c`), `${FSI}a\u2066b${PDI}c${PDI}`);
    });

    it('closes embeddings left open inside an isolate it closes, as rule X6a does', () => {
      assert.equal(isolateBidi(`\u2067a${RLO}b${PDI}c`), `${FSI}\u2067a${RLO}b${PDI}c${PDI}`);
      assert.ok(staysIsolated(isolateBidi(`\u2067a${RLO}b${PDI}c`)));
    });

    it('whatever the controls, the text stays inside its own isolate (property)', () => {
      const alphabet = fc.constantFrom('a', 'א', 'ب', '1', ' ', '\u202A', '\u202B', PDF, '\u202D', RLO, '\u2066', '\u2067', FSI, PDI, '\u200E', '\u200F', '\u061C');
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
          const text = chars.join('');
          const isolated = isolateBidi(text);
          if (isolated === text) {
            return !/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]|[א-ת]|[ء-ي]/.test(text);
          }
          return isolated.startsWith(FSI) && staysIsolated(isolated);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('shorten', () => {
    it('makes one line and never cuts a character a reader sees as one', () => {
      assert.equal(shorten('  two\n\nlines\tand\u0007 a bell  '), 'two lines and a bell');
      assert.equal(shorten('👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 2), '👨‍👩‍👧‍👦…');
      assert.equal(shorten('e\u0301e\u0301e\u0301', 3), 'e\u0301e\u0301e\u0301');
      assert.equal(shorten(UNBROKEN_TITLE, QUOTE_LENGTH), `${UNBROKEN_TITLE.slice(0, QUOTE_LENGTH - 1)}…`);
      assert.equal([...shorten(UNBROKEN_TITLE, QUOTE_LENGTH)].length, QUOTE_LENGTH);
    });
  });

  describe('plainText', () => {
    it('breaks VS Code\'s link and icon syntax with an invisible character', () => {
      assert.equal(plainText('../[Open settings](command:workbench.action.openGlobalSettings)'), '../[Open settings]\u200B(command:workbench.action.openGlobalSettings)');
      assert.equal(plainText('$(loading~spin) busy'), '$\u200B(loading~spin) busy');
      assert.equal(plainText('see http://127.0.0.1:9/x'), 'see http:\u200B//127.0.0.1:9/x');
      assert.equal(plainText('Weekly status report nobody reads'), 'Weekly status report nobody reads');
    });

    for (const payload of HOSTILE_CORPUS) {
      it(`${payload.kind}: ${payload.name} shows as typed, on one line, with nothing VS Code would run or draw`, () => {
        const plain = plainText(payload.text);
        assert.doesNotMatch(plain, /\]\(|\$\(|:\/\/|[\n\r\p{Cc}]/u);
        assert.equal(visibleText(plain), asTyped(payload.text));
        assert.ok(plain === shorten(plain) || plain.startsWith(FSI), 'only triggers and isolates change');
        if (/[\u202A-\u202E\u2066-\u2069]/.test(payload.text)) assert.ok(staysIsolated(plain));
      });
    }
  });

  describe('Markdown', () => {
    it('escapes what could start markup and leaves ordinary words alone', () => {
      assert.equal(markdownInline('<script>alert(1)</script>'), '&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
      assert.equal(markdownInline('[x](javascript:alert(1))'), '\\[x\\]\\(javascript:alert\\(1\\)\\)');
      assert.equal(markdownInline('C:\\path & more'), 'C:\\\\path &amp; more');
      assert.equal(markdownInline('Weekly report nobody reads, ever'), 'Weekly report nobody reads, ever');
    });

    it('breaks autolinks, mentions and references in the rendered text, not only in the source', () => {
      assert.equal(markdownInline('http://127\\.0\\.0\\.1:9/x'), 'http:&#8203;//127\\\\\\.0\\\\\\.0\\\\\\.1:9/x');
      assert.equal(markdownInline('www.example.com'), 'www&#8203;\\.example\\.com');
      assert.equal(markdownInline('@everyone and a@b.co, #12'), '@&#8203;everyone and a@&#8203;b\\.co, \\#&#8203;12');
    });

    it('keeps the mention a name the team chose, but never turns its e-mail address into a link', () => {
      assert.equal(markdownName('@grace'), '@grace');
      assert.deepEqual(renderGfm(markdownName('@grace')).live, ['mention: @grace']);
      assert.equal(markdownName('grace@example.com'), 'grace@&#8203;example\\.com');
      assert.deepEqual(renderGfm(markdownName('Grace <grace@example.com> (@grace) http://x.test')).live, ['mention: Grace <grace@\u200Bexample.com> (@grace) http:\u200B//x.test']);
    });

    it('keeps paragraphs and line breaks of a block, and lets no line start a block of its own', () => {
      const rendered = renderGfm(markdownBlock('# one\n    two\n\n\n> three\n- four'));
      assert.deepEqual(rendered.blocks, ['paragraph', 'paragraph']);
      assert.equal(rendered.text, '# one\ntwo\n> three\n- four');
    });

    const classes = new Set<PayloadClass>();
    for (const payload of HOSTILE_CORPUS) {
      classes.add(payload.kind);
      it(`${payload.kind}: ${payload.name} renders as typed, with nothing live, under GFM`, () => {
        const inline = renderGfm(markdownInline(payload.text));
        assert.deepEqual({ blocks: inline.blocks, live: inline.live, markup: inline.markup }, { blocks: ['paragraph'], live: [], markup: [] });
        assert.equal(visibleText(inline.text), asTyped(payload.text));

        const block = renderGfm(markdownBlock(payload.text));
        assert.ok(block.blocks.every((b) => b === 'paragraph'), block.blocks.join());
        assert.deepEqual({ live: block.live, markup: block.markup }, { live: [], markup: [] });
        const lines = payload.text.trim().split(/\r?\n/).map((line) => shorten(line)).filter((line) => line !== '');
        assert.equal(visibleText(block.text), visibleText(lines.join('\n')));

        const name = renderGfm(markdownName(payload.text));
        assert.deepEqual(name.live.filter((found) => !found.startsWith('mention:')), []);
        assert.equal(visibleText(name.text), asTyped(payload.text));
      });
    }

    it('covers every class of payload', () => {
      assert.deepEqual([...classes].sort(), ['autolink', 'bidi', 'command link', 'control', 'html', 'icon', 'image', 'layout', 'markdown', 'mention', 'web link']);
      assert.ok(HOSTILE_CORPUS.length >= 40);
    });
  });

  it('gives the same output for the whole corpus as reviewed (golden)', () => {
    const out = HOSTILE_CORPUS.map((payload) =>
      [
        `## ${payload.name} (${payload.kind})`,
        `text:   ${visible(payload.text)}`,
        `plain:  ${visible(plainText(payload.text))}`,
        `quoted: ${visible(plainText(payload.text, QUOTE_LENGTH))}`,
        `inline: ${visible(markdownInline(payload.text))}`,
        `name:   ${visible(markdownName(payload.text))}`,
        'block:',
        ...markdownBlock(payload.text).split('\n').map((line) => `  | ${visible(line)}`),
        '',
      ].join('\n'),
    );
    matchesGolden('inert-text.txt', out.join('\n'));
  });
});

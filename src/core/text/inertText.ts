/**
 * Untrusted text made inert: the one rule for every surface. Everything in the backlog file arrives
 * from teammates through git, so a title, an answer, an owner, a comment or a link path may hold
 * Markdown, HTML, `command:` links, icon syntax, autolink triggers, mentions or bidirectional
 * controls. A surface gets such text only through one of these functions, chosen by what the surface
 * renders:
 * - `plainText` where it shows plain text (notifications, quick picks, tree labels and string
 *   tooltips, CodeLens titles, the status bar, the output channel);
 * - `markdownInline`, `markdownBlock` and `markdownName` where it renders Markdown: VS Code's hovers
 *   and tooltips (through `untrustedMarkdown` in the UI layer) and the Markdown the extension exports
 *   for GitHub or GitLab.
 * Webviews take entry text through `textContent` and need none of this.
 */

/** Zero width space: breaks a trigger without changing what a reader sees. */
const ZWSP = '\u200B';
const FSI = '\u2068';
const PDI = '\u2069';
const PDF = '\u202C';

/** A title quoted inside a message: enough to recognise it, short enough for a notification. */
export const QUOTE_LENGTH = 80;

/** A title quoted in the status bar, one short line shared with other extensions. */
export const STATUS_BAR_QUOTE_LENGTH = 40;

/**
 * Explicit bidirectional formatting characters (UAX #9, section 2): the embeddings and overrides
 * LRE, RLE, PDF, LRO and RLO, and the isolates LRI, RLI, FSI and PDI.
 */
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text that can change the order of what surrounds it: a bidirectional control (the formatting
 * characters, LRM, RLM and ALM) or a right-to-left letter or digit (the blocks whose default
 * Bidi_Class is R or AL: Hebrew to Arabic Extended, the presentation forms, and their
 * supplementary-plane counterparts).
 */
const BIDI_SENSITIVE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Line and paragraph breaks, tabs and every other control character (C0, DEL and C1). */
const SPACES = /[\s\p{Cc}]+/gu;

/**
 * Wraps right-to-left or bidi-controlled text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so it
 * keeps its own direction and cannot reorder the text around it (UAX #9, rules X5c and X6a; the
 * same as HTML's `<bdi>`). The controls inside are kept, so Arabic and Hebrew still read correctly,
 * and balanced: an embedding or isolate left open is closed before the final PDI, and a PDF or PDI
 * with nothing to close, which could only end an isolate opened outside the text, is dropped. Text
 * with neither comes back unchanged.
 */
export function isolateBidi(text: string): string {
  if (!BIDI_SENSITIVE.test(text)) {
    return text;
  }
  const open: ('embedding' | 'isolate')[] = [];
  const balanced = text.replace(BIDI_FORMATTING, (c) => {
    if (c === PDF) {
      if (open.at(-1) !== 'embedding') {
        return '';
      }
      open.pop();
      return c;
    }
    if (c === PDI) {
      const isolate = open.lastIndexOf('isolate');
      if (isolate < 0) {
        return '';
      }
      // A PDI also closes the embeddings opened inside its isolate (rule X6a).
      open.length = isolate;
      return c;
    }
    open.push(c >= '\u2066' ? 'isolate' : 'embedding');
    return c;
  });
  const closers = open.reverse().map((kind) => (kind === 'isolate' ? PDI : PDF)).join('');
  return `${FSI}${balanced}${closers}${PDI}`;
}

let graphemes: Intl.Segmenter | undefined;

/**
 * One line of at most `maxLength` user-perceived characters (grapheme clusters, so an emoji or an
 * accented letter is never cut in half): line breaks, tabs and control characters become single
 * spaces, the ends are trimmed, and text that is too long ends in "…".
 */
export function shorten(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const line = text.replace(SPACES, ' ').trim();
  if (line.length <= maxLength) {
    return line;
  }
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(line)) {
    kept.push(segment);
    if (kept.length > maxLength) {
      return `${kept.slice(0, Math.max(maxLength - 1, 0)).join('').trimEnd()}…`;
    }
  }
  return line;
}

/**
 * What VS Code turns into live content on its plain-text surfaces: `[label](command:…)`,
 * `[label](https://…)` and `[label](file:…)` become links in notifications and quick input messages
 * (its `parseLinkedText`), `$(name)` becomes an icon in labels, CodeLens titles and the status bar,
 * and the output channel links `scheme://` addresses.
 */
const PLAIN_TRIGGERS = /\]\(|\$\(|:\/\//g;

/**
 * Entry text for a surface that shows plain text: one line (see `shorten`), every VS Code trigger
 * broken by a zero width space after its first character, and bidi isolated (see `isolateBidi`).
 * What a reader sees is the text as typed.
 */
export function plainText(text: string, maxLength?: number): string {
  return isolateBidi(shorten(text, maxLength).replace(PLAIN_TRIGGERS, (trigger) => `${trigger[0]}${ZWSP}${trigger.slice(1)}`));
}

/**
 * Characters that could start Markdown markup (CommonMark's ASCII punctuation that opens emphasis,
 * code, links, images, headings, lists, quotes, tables, setext underlines, strikethrough and math):
 * escaped with a backslash, or as an entity where a backslash would not hold (`&`, `<` and `>`).
 */
const MARKUP = /[\\`*_{}[\]()#+\-.!|~=$&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Invisible characters, written as numeric character references: the Markdown source then shows
 * them, and a renderer still puts them into the text. Zero width joiners stay as they are: emoji
 * sequences and several scripts need them.
 */
export const INVISIBLE_CHARACTERS: readonly string[] = ['\u061C', '\u200B', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF'];
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS.join('')}]`, 'g');

/** A character GitHub's mention filter counts as part of a word (its `\w`), so an `@` after it starts no mention. */
const MENTION_WORD = /[A-Za-z0-9_]/;

/**
 * Breaks, in the rendered text itself, everything a Markdown renderer or a hosting site would link
 * there: a scheme's `://` and `www.` (GFM's extended autolinks, which GitHub finds in the source and
 * GitLab also in the rendered text), `@` (GitHub and GitLab mentions of people and teams, and GFM's
 * e-mail autolinks, which cmark-gfm finds after backslash escapes are gone) and `#` before a digit
 * (issue references). In a name the team chose to mention, an `@` that starts a mention is kept.
 */
function breakAutolinks(line: string, mentions: 'break' | 'keep'): string {
  return line
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(www)\./gi, `$1${ZWSP}.`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/@/g, (at: string, offset: number) => (mentions === 'keep' && !MENTION_WORD.test(line[offset - 1] ?? '') ? at : `@${ZWSP}`));
}

/**
 * One line of entry text with what a hosting site would link or mention broken (see `breakAutolinks`)
 * and bidi isolated (see `isolateBidi`), but no Markdown escaped: for a Markdown serialiser that
 * escapes syntax itself, such as the retro summary's. `mentions: 'keep'` is for a name the team chose
 * (see `markdownName`). The serialiser must still write `INVISIBLE_CHARACTERS` as references.
 */
export function inertLine(line: string, mentions: 'break' | 'keep'): string {
  return isolateBidi(breakAutolinks(shorten(line), mentions));
}

function escapeLine(line: string, mentions: 'break' | 'keep'): string {
  return inertLine(line, mentions)
    .replace(MARKUP, (c) => ENTITIES[c] ?? `\\${c}`)
    .replace(INVISIBLE, (c) => `&#${c.codePointAt(0)};`);
}

/**
 * Entry text as one line of Markdown that renders as typed: no HTML, link, image, autolink, mention,
 * issue reference, emphasis, code or block can start inside it, checked against GFM (GitHub Flavored
 * Markdown 0.29) and GitHub's and GitLab's reference filters. Bidi is isolated per line, and every
 * invisible character is written as a numeric reference. `maxLength` as in `shorten`.
 */
export function markdownInline(text: string, maxLength?: number): string {
  return escapeLine(shorten(text, maxLength), 'break');
}

/**
 * A person's name that the product itself places, such as a decision's owner or a retro's
 * facilitator: escaped like `markdownInline`, except that an `@` starting a mention is kept, so
 * `@grace` as an owner notifies Grace where the summary is pasted. An e-mail address still does not
 * become a link.
 */
export function markdownName(text: string): string {
  return escapeLine(shorten(text), 'keep');
}

/**
 * Multi-line entry text as Markdown paragraphs: blank lines separate paragraphs, a single line
 * break becomes a hard break (a backslash at the end of the line), and every line is escaped and
 * unindented like `markdownInline`, so none can start a block of its own.
 */
export function markdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.split('\n').map((line) => escapeLine(shorten(line), 'break')).join('\\\n'))
    .join('\n\n');
}

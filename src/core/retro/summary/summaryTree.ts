/**
 * Markdown as a syntax tree (mdast), written out by `mdast-util-to-markdown` with its GFM extension,
 * which escapes only what a GFM parser would read as syntax at that place. Text from the backlog
 * file enters a tree only through `fileText`, `fileName` and `fileBlock`, which apply the inert-text
 * rule (`inertLine` in src/core/text/inertText.ts) for what escaping cannot stop: mentions,
 * autolinks found in rendered text, issue references and bidi controls.
 */
import type { Break, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { INVISIBLE_CHARACTERS, inertLine } from '../../text/inertText';

/** The extension's own words or numbers, escaped but otherwise as they are. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/** One line of a teammate's text from the file: nothing in it links, mentions or reorders what surrounds it. */
export function fileText(value: string): Text {
  return text(inertLine(value, 'break'));
}

/** A name the team chose, such as an owner: as `fileText`, except that an `@` starting a mention stays one. */
export function fileName(value: string): Text {
  return text(inertLine(value, 'keep'));
}

/**
 * Multi-line text from the file as paragraphs: a blank line separates paragraphs, a single line
 * break becomes a hard break, and each line is `fileText`, so no line starts a block of its own.
 */
export function fileBlock(value: string): Paragraph[] {
  return value
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => {
      const children: PhrasingContent[] = [];
      paragraph.split('\n').forEach((line, i) => {
        if (i > 0) children.push({ type: 'break' } satisfies Break);
        children.push(fileText(line));
      });
      return { type: 'paragraph', children };
    });
}

export function heading(depth: Heading['depth'], ...children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

export function strong(...children: PhrasingContent[]): Strong {
  return { type: 'strong', children };
}

/** A tight bullet list, one paragraph per item. */
export function list(items: PhrasingContent[][]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })) };
}

/** Phrasing parts joined by `separator`, such as " · ". */
export function joined(parts: PhrasingContent[][], separator: string): PhrasingContent[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [text(separator), ...part]));
}

/**
 * Written as numeric character references wherever they appear (see `INVISIBLE_CHARACTERS`): the
 * source then shows them, and a renderer still puts them into the text. `$` is escaped in text too:
 * GitHub and GitLab render `$…$` as math, which GFM itself does not know.
 */
const UNSAFE: Unsafe[] = [...INVISIBLE_CHARACTERS.map((character): Unsafe => ({ character })), { character: '$', inConstruct: 'phrasing' }];

/**
 * The tree as GFM (GitHub Flavored Markdown 0.29) source: ATX headings, `-` bullets, `**` strong,
 * backslash hard breaks, one trailing line feed.
 */
export function toGfm(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { bullet: '-', strong: '*', emphasis: '_', extensions: [gfmToMarkdown(), { unsafe: UNSAFE }] });
}

// Renders Markdown the way a hosting site would, to check that exported text stays inert there.
// markdown-it parses CommonMark with GFM's tables and strikethrough, raw HTML on and links in text
// found as GitHub's autolink extension finds them. On the rendered text, the checks then apply what
// GitHub and GitLab do after rendering: mentions, issue references, e-mail and scheme autolinks.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const markdown = new MarkdownIt({ html: true, linkify: true });
// GitHub links only addresses that start with a scheme or "www.", never a bare domain.
markdown.linkify.set({ fuzzyLink: false });

/** What a hosting site would make live in rendered text, each rule from the GFM spec or the sites' filters. */
const TEXT_RULES: [string, RegExp][] = [
  // GFM extended www and url autolinks (spec 0.29, section 6.9).
  ['www autolink', /www\./i],
  ['url autolink', /(?:https?|ftp):\/\//i],
  // GitLab's autolink filter links any scheme followed by "://" in the rendered text.
  ['scheme autolink', /[a-z][a-z0-9+.-]+:\/\//i],
  // GFM extended email autolink, which cmark-gfm finds in the text after escapes are resolved.
  ['email autolink', /[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+\.[A-Za-z0-9]/],
  // GitHub's mention filter: @user, @org/team.
  ['mention', /(?:^|[^A-Za-z0-9_])@[a-z0-9][a-z0-9-]*/i],
  // Issue and pull request references: #12, owner/repo#12, GH-12.
  ['issue reference', /(?:^|[^\w/])#\d|[\w.-]+\/[\w.-]+#\d|\bGH-\d/],
];

/** Characters the inert-text rule adds or drops that a reader never sees. */
const INVISIBLE = /[\u200B\u2066-\u2069\u202A-\u202E]/g;

export interface Rendered {
  /** Block-level elements, such as `paragraph`, `heading`, `bullet_list`. */
  blocks: string[];
  /** Everything that would be live: links, images, raw HTML and what the text rules match. */
  live: string[];
  /** Inline formatting: emphasis, strong, strikethrough, code. */
  markup: string[];
  /** The rendered text of every inline run, joined by newlines; `<br>` is a newline. */
  text: string;
}

function inlineText(token: Token, found: Pick<Rendered, 'live' | 'markup'>): string {
  let text = '';
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
        text += child.content;
        for (const [rule, pattern] of TEXT_RULES) {
          if (pattern.test(child.content)) {
            found.live.push(`${rule}: ${child.content}`);
          }
        }
        break;
      case 'code_inline':
        text += child.content;
        found.markup.push('code');
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'link_open':
      case 'image':
      case 'html_inline':
        found.live.push(`${child.type}: ${child.attrGet('href') ?? child.attrGet('src') ?? child.content}`);
        break;
      case 'link_close':
        break;
      default:
        found.markup.push(child.type.replace(/_(open|close)$/, ''));
    }
  }
  return text;
}

/** Parses `source` and reports its blocks, anything live, and the text a reader would see. */
export function renderGfm(source: string): Rendered {
  const blocks: string[] = [];
  const found = { live: [] as string[], markup: [] as string[] };
  const texts: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') {
      texts.push(inlineText(token, found));
    } else if (token.nesting === 1 || token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block' || token.type === 'hr') {
      blocks.push(token.type.replace(/_open$/, ''));
      if (token.type === 'html_block') {
        found.live.push(`html_block: ${token.content}`);
      }
    }
  }
  return { blocks, ...found, text: texts.join('\n') };
}

/** What a reader sees, without the invisible characters the rule adds (and the stray ones it drops). */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '');
}

import { formatHours, hoursPerMonth } from './cost';
import type { Labels } from './labels';
import { SMART_KEYS, type Entry } from './model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Makes untrusted text inert in Markdown: every character that could start a heading, list, quote,
 * link, image, emphasis, code, table or HTML is escaped, so pasted text renders as typed.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|~=$&<>]/g, (c) => ENTITIES[c] ?? `\\${c}`);
}

/** One line of text: newlines would let a title or name break out of its heading or list item. */
export function inline(s: string): string {
  return escapeMarkdown(s.replace(/\s+/g, ' ').trim());
}

/** Keeps paragraphs and line breaks, but escapes and unindents every line so none can start a block of its own. */
export function block(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.split('\n').map((line) => escapeMarkdown(line.trim())).join('\\\n'))
    .join('\n\n');
}

/** Code spans show text literally; the fence is one backtick longer than any run inside. */
function codeSpan(s: string): string {
  const text = s.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A readable summary of an entry, for pasting into a chat, an issue or meeting notes. */
export function entryToMarkdown(e: Entry, labels: Labels): string {
  const out: string[] = [`## ${inline(e.title)}`, ''];
  const facts = [labels.kinds[e.kind], labels.statuses[e.status]];
  if (e.reasons.length > 0) facts.push(e.reasons.map((r) => labels.reasons[r]).join(', '));
  out.push(`- ${facts.map(inline).join(' · ')}`);
  out.push(`- ${e.author ? inline(e.author.name) : inline(labels.anonymous)}`);
  if (e.cost) out.push(`- ${formatHours(hoursPerMonth(e.cost))} / ${inline(labels.periods.month)}`);
  out.push(`- 👍 ${e.votes.length}`);
  for (const link of e.links) out.push(`- ${codeSpan(`${link.path}:${link.startLine}-${link.endLine}`)}`);

  for (const key of SMART_KEYS) {
    const answer = e.smart[key].trim();
    if (answer === '') continue;
    out.push('', `### ${inline(labels.smart[key])}`, '', block(answer));
  }

  const d = e.decision;
  if (d) {
    const about = [labels.outcomes[d.outcome], d.owner];
    if (d.due) about.push(d.due);
    about.push(labels.followUps[d.followUp]);
    out.push('', `### ${about.map(inline).join(' · ')}`);
    if (d.rationale.trim() !== '') out.push('', block(d.rationale));
  }
  return `${out.join('\n')}\n`;
}

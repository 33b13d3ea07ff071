import { formatHours, hoursPerMonth } from '../model/cost';
import { isolateBidi, markdownBlock, markdownInline, markdownName, shorten } from './inertText';
import type { Labels } from '../model/displayNames';
import { SMART_KEYS, type Entry } from '../model/model';

/**
 * Code spans show text literally: no markup, HTML, autolink or mention inside; the fence is one
 * backtick longer than any run inside.
 */
function codeSpan(s: string): string {
  const text = shorten(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A readable summary of an entry, for pasting into a chat, an issue or meeting notes. Entry text is
 * made inert (see `markdownInline`); the decision's owner is a name the team chose, so a mention
 * there stays one (see `markdownName`). `votes` is the vote count as the reader's language writes it
 * ("2 votes"): words, not an emoji, so it reads the same in every chat or tracker it is pasted into.
 */
export function entryToMarkdown(e: Entry, labels: Labels, votes: string): string {
  const out: string[] = [`## ${markdownInline(e.title)}`, ''];
  const facts = [labels.kinds[e.kind], labels.statuses[e.status]];
  if (e.reasons.length > 0) facts.push(e.reasons.map((r) => labels.reasons[r]).join(', '));
  out.push(`- ${facts.map((fact) => markdownInline(fact)).join(' · ')}`);
  out.push(`- ${markdownInline(e.author ? e.author.name : labels.anonymous)}`);
  if (e.cost) out.push(`- ${formatHours(hoursPerMonth(e.cost))} / ${markdownInline(labels.periods.month)}`);
  out.push(`- ${markdownInline(votes)}`);
  // A code span shows references as typed, so the path is isolated with the characters themselves.
  for (const link of e.links) out.push(`- ${codeSpan(`${isolateBidi(link.path)}:${link.startLine}-${link.endLine}`)}`);

  for (const key of SMART_KEYS) {
    const answer = e.smart[key].trim();
    if (answer === '') continue;
    out.push('', `### ${markdownInline(labels.smart[key])}`, '', markdownBlock(answer));
  }

  const d = e.decision;
  if (d) {
    const about = [markdownInline(labels.outcomes[d.outcome]), markdownName(d.owner)];
    if (d.due) about.push(markdownInline(d.due));
    about.push(markdownInline(labels.followUps[d.followUp]));
    out.push('', `### ${about.join(' · ')}`);
    if (d.rationale.trim() !== '') out.push('', markdownBlock(d.rationale));
  }
  return `${out.join('\n')}\n`;
}

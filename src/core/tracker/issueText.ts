/**
 * The title and body of a new issue for a decision: the entry's title, then the decision (outcome,
 * owner, due date), its rationale and the entry's alternative to try. Entry text is untrusted, so it
 * is made inert for the site that renders it: Markdown for GitHub, GitLab, Bitbucket and Gitea,
 * escaped HTML for Azure DevOps, whose description field is HTML.
 */
import type { Labels } from '../model/displayNames';
import type { Decision, Entry } from '../model/model';
import { markdownBlock, markdownInline, markdownName, shorten } from '../text/inertText';
import type { IssueText } from './forge';
import type { Forge } from './forges';

/** Translated words for the issue; `{0}` marks where a value goes. */
export interface IssueStrings {
  decision: string;
  owner: string;
  due: string;
  noDue: string;
  rationale: string;
  tryAnother: string;
  /** For example "From the Stupid Work backlog, entry {0}." */
  footer: string;
}

/** Sites refuse very long addresses (GitHub at about 8 KB), so each free text is cut to fit. */
const MAX_TITLE = 200;
const MAX_PART = 1500;

function fill(template: string, value: string): string {
  return template.replace('{0}', () => value);
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_PART ? `${trimmed.slice(0, MAX_PART - 1).trimEnd()}…` : trimmed;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.codePointAt(0)};`);
}

function markdownBody(d: Decision, entry: Entry, labels: Labels, s: IssueStrings): string {
  const due = d.due ? `${markdownInline(s.due)}: ${d.due}` : markdownInline(s.noDue);
  const out = [`**${markdownInline(s.decision)}:** ${markdownInline(labels.outcomes[d.outcome])} · ${markdownInline(s.owner)}: ${markdownName(d.owner)} · ${due}`];
  const why = clip(d.rationale);
  if (why !== '') out.push('', `**${markdownInline(s.rationale)}:**`, '', markdownBlock(why));
  const alternative = clip(entry.smart.tryAnother ?? '');
  if (alternative !== '') out.push('', `**${markdownInline(s.tryAnother)}:**`, '', markdownBlock(alternative));
  out.push('', `_${markdownInline(fill(s.footer, entry.id))}_`);
  return `${out.join('\n')}\n`;
}

function htmlBody(d: Decision, entry: Entry, labels: Labels, s: IssueStrings): string {
  const lines = (text: string) => escapeHtml(text).replace(/\r\n?|\n/g, '<br>');
  const due = d.due ? `${s.due}: ${d.due}` : s.noDue;
  const out = [`<p><b>${escapeHtml(s.decision)}:</b> ${escapeHtml(`${labels.outcomes[d.outcome]} · ${s.owner}: ${d.owner} · ${due}`)}</p>`];
  const why = clip(d.rationale);
  if (why !== '') out.push(`<p><b>${escapeHtml(s.rationale)}:</b><br>${lines(why)}</p>`);
  const alternative = clip(entry.smart.tryAnother ?? '');
  if (alternative !== '') out.push(`<p><b>${escapeHtml(s.tryAnother)}:</b><br>${lines(alternative)}</p>`);
  out.push(`<p><i>${escapeHtml(fill(s.footer, entry.id))}</i></p>`);
  return out.join('');
}

/** The new issue's text for `entry`'s decision, in the form `forge` renders. */
export function issueText(entry: Entry & { decision: Decision }, forge: Forge, labels: Labels, strings: IssueStrings): IssueText {
  const title = shorten(entry.title, MAX_TITLE);
  const body = forge === 'azure' ? htmlBody(entry.decision, entry, labels, strings) : markdownBody(entry.decision, entry, labels, strings);
  return { title, body };
}

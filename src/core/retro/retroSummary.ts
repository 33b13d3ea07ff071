/**
 * A retro's summary in Markdown, for the team's notes and for pasting into GitHub or GitLab. Every
 * piece of text from the file is made inert (see `markdownInline`); the owners and the facilitator
 * are names the team chose, so a mention there stays one (see `markdownName`).
 */
import { dayOf, type Clock } from '../model/calendar';
import { formatHours, hoursPerMonth } from '../model/cost';
import { markdownBlock, markdownInline, markdownName } from '../text/inertText';
import type { Labels } from '../model/displayNames';
import type { Backlog, Decision, Entry, Retro } from '../model/model';
import { followUps } from './retro';

/** Translated words for the summary; `{0}` marks where a value goes. */
export interface SummaryStrings {
  /** For example "Retro {0}", with the retro's date (see `retroDate`). */
  title: string;
  facilitator: string;
  decisions: string;
  owner: string;
  due: string;
  noDue: string;
  /** For example "{0} per month addressed". */
  hoursAddressed: string;
  deferred: string;
  followUps: string;
  /** For example "{0} days overdue". */
  overdue: string;
  none: string;
  rationale: string;
  /** Before a decision's tracking link, for example "Tracked in". */
  tracking: string;
}

function fill(template: string, value: string): string {
  return template.replace('{0}', () => value);
}

function byDecidedThenId(a: Entry, b: Entry): number {
  const x = a.decision?.decided ?? '';
  const y = b.decision?.decided ?? '';
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Outcome, owner and due date on one line, every part escaped. */
function about(d: Decision, labels: Labels, strings: SummaryStrings): string {
  const due = d.due ? `${strings.due}: ${d.due}` : strings.noDue;
  return [markdownInline(labels.outcomes[d.outcome]), `${markdownInline(strings.owner)}: ${markdownName(d.owner)}`, markdownInline(due)].join(' · ');
}

/**
 * A decision's tracking link as inert text: it comes from the file like any entry text, so it is
 * shown, not linked, wherever the summary is pasted.
 */
function tracked(url: string, strings: SummaryStrings): string {
  return `${markdownInline(strings.tracking)}: ${markdownInline(url)}`;
}

/**
 * The date a retro is known by, YYYY-MM-DD: the day it started on for the viewer, as in the summary's
 * title and the file name it is saved under.
 */
export function retroDate(retro: Retro, clock: Clock): string {
  return dayOf(retro.started, clock) ?? retro.started.slice(0, 10);
}

/**
 * The retro's decisions with owners, due dates and tracking links, the wasted hours per month they address (stop,
 * automate and simplify), the entries discussed but not decided, and the follow-ups still open from
 * before it, overdue as counted on the viewer's calendar. An unknown retro id gives an empty string.
 */
export function retroSummaryMarkdown(b: Backlog, retroId: string, labels: Labels, strings: SummaryStrings, clock: Clock): string {
  const retro = b.retros.find((r) => r.id === retroId);
  if (!retro) return '';
  const byId = new Map(b.entries.map((e) => [e.id, e]));
  const decidedIds = new Set(retro.decided);
  for (const e of b.entries) {
    if (e.decision?.retro === retroId) decidedIds.add(e.id);
  }
  const decided = [...decidedIds]
    .map((id) => byId.get(id))
    .filter((e): e is Entry & { decision: Decision } => e?.decision !== undefined)
    .sort(byDecidedThenId);
  const deferred = [...new Set(retro.discussed)]
    .filter((id) => !decidedIds.has(id))
    .map((id) => byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  const earlier = followUps(b, clock).filter((f) => f.decision.retro !== retroId && f.decision.decided < retro.started);
  let addressed = 0;
  for (const e of decided) {
    if (e.decision.outcome !== 'keep') addressed += hoursPerMonth(e.cost);
  }

  const out: string[] = [`# ${markdownInline(fill(strings.title, retroDate(retro, clock)))}`, ''];
  out.push(`- ${markdownInline(strings.facilitator)}: ${markdownName(retro.facilitator)}`);
  out.push(`- ${markdownInline(fill(strings.hoursAddressed, formatHours(addressed)))}`);

  out.push('', `## ${markdownInline(strings.decisions)}`, '');
  if (decided.length === 0) out.push(markdownInline(strings.none));
  decided.forEach((e, i) => {
    if (i > 0) out.push('');
    out.push(`### ${markdownInline(e.title)}`, '', `- ${about(e.decision, labels, strings)}`);
    if (e.decision.trackingUrl) out.push(`- ${tracked(e.decision.trackingUrl, strings)}`);
    const why = e.decision.rationale.trim();
    if (why !== '') out.push('', `**${markdownInline(strings.rationale)}:**`, '', markdownBlock(why));
  });

  out.push('', `## ${markdownInline(strings.deferred)}`, '');
  if (deferred.length === 0) out.push(markdownInline(strings.none));
  for (const e of deferred) out.push(`- ${markdownInline(e.title)}`);

  out.push('', `## ${markdownInline(strings.followUps)}`, '');
  if (earlier.length === 0) out.push(markdownInline(strings.none));
  for (const f of earlier) {
    const late = f.overdueDays > 0 ? ` · **${markdownInline(fill(strings.overdue, String(f.overdueDays)))}**` : '';
    const link = f.decision.trackingUrl ? ` · ${tracked(f.decision.trackingUrl, strings)}` : '';
    out.push(`- ${markdownInline(f.entry.title)} · ${about(f.decision, labels, strings)} · ${markdownInline(labels.followUps[f.decision.followUp])}${link}${late}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * A retro's summary in Markdown, for the team's notes and for pasting into GitHub or GitLab: built as
 * a syntax tree and written out by a GFM serialiser (summary/summaryTree.ts), so only what Markdown
 * would misread is escaped. Every piece of text from the file is made inert there; the owners and
 * the facilitator are names the team chose, so a mention there stays one.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { dayOf, type Clock } from '../model/calendar';
import { formatHours } from '../model/cost';
import type { Labels } from '../model/displayNames';
import type { Backlog, Decision, Entry, Retro } from '../model/model';
import { plural, type PluralForms } from '../text/plural';
import type { FollowUpItem } from './retro';
import { impact, type ImpactFigure, type Recurrence } from './impact';
import type { ImpactMessage } from '../text/impactWords';
import { retroRecord, type MergeRecord, type MoveRecord } from './summary/retroRecord';
import { fileBlock, fileName, fileText, heading, joined, list, paragraph, strong, text, toGfm } from './summary/summaryTree';

/** Translated words for the summary; `{0}` and `{1}` mark where values go. */
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
  /** Before an entry's triage list, for example "List". */
  list: string;
  /** For example "{0} vote" and "{0} votes". */
  votes: PluralForms;
  deferred: string;
  /** The heading of the entries moved between lists during the retro. */
  moves: string;
  /** For example "{0}: {1} → {2}": the entry's title, the list it left, the list it is in. */
  movedFromTo: string;
  /** The heading of the duplicates merged during the retro. */
  merges: string;
  /** For example "{0} merged into {1}": the duplicate's title, then the kept entry's. */
  mergedInto: string;
  followUps: string;
  /** For example "{0} day overdue" and "{0} days overdue". */
  overdue: PluralForms;
  none: string;
  rationale: string;
  /** Before a decision's tracking link, for example "Tracked in". */
  tracking: string;
  /** The heading of the impact section, for example "Impact in team hours per month". */
  impact: string;
  /** Before each figure's sentence, for example "Reclaimed." */
  reclaimed: string;
  inProgress: string;
  wasted: string;
  /** Before the entries that keep coming back, for example "Keeps coming back". */
  recurring: string;
  /** A figure's one-line explanation (src/core/text/impactWords.ts). */
  explain(m: ImpactMessage): string;
  /** "in {0} of the last {1} retros" for a recurring entry. */
  recurrence(retros: number, window: number): string;
  /** The language counts are written in, a BCP 47 tag; the runtime's default when absent. */
  locale?: string;
}

const SEPARATOR = ' · ';

/** A translated template with `{0}`, `{1}`… replaced by phrasing, so text from the file stays its own node. */
function filled(template: string, ...values: PhrasingContent[][]): PhrasingContent[] {
  return template.split(/(\{\d\})/).flatMap((part) => {
    const slot = /^\{(\d)\}$/.exec(part);
    if (slot) return values[Number(slot[1])] ?? [];
    return part === '' ? [] : [text(part)];
  });
}

/** "Label: value", the label being the extension's own word. */
function labelled(label: string, value: PhrasingContent): PhrasingContent[] {
  return [text(`${label}: `), value];
}

/** Outcome, owner and due date. */
function about(d: Decision, labels: Labels, strings: SummaryStrings): PhrasingContent[][] {
  return [[text(labels.outcomes[d.outcome])], labelled(strings.owner, fileName(d.owner)), [text(d.due ? `${strings.due}: ${d.due}` : strings.noDue)]];
}

/** The entry's triage list now and its votes (the moves section says where it came from). */
function standing(e: Entry, labels: Labels, strings: SummaryStrings): PhrasingContent[][] {
  return [labelled(strings.list, text(labels.triage[e.triage])), [text(plural(strings.votes, e.votes.length, strings.locale))]];
}

/**
 * A decision's tracking link as inert text: it comes from the file like any entry text, so it is
 * shown, not linked, wherever the summary is pasted.
 */
function tracked(url: string, strings: SummaryStrings): PhrasingContent[] {
  return labelled(strings.tracking, fileText(url));
}

function orNone(items: PhrasingContent[][], strings: SummaryStrings): RootContent[] {
  return items.length === 0 ? [paragraph(text(strings.none))] : [list(items)];
}

function decisionBlocks(e: Entry & { decision: Decision }, labels: Labels, strings: SummaryStrings): RootContent[] {
  const facts = [joined(about(e.decision, labels, strings), SEPARATOR), joined(standing(e, labels, strings), SEPARATOR)];
  if (e.decision.trackingUrl) facts.push(tracked(e.decision.trackingUrl, strings));
  const blocks: RootContent[] = [heading(3, fileText(e.title)), list(facts)];
  if (e.decision.rationale.trim() !== '') blocks.push(paragraph(strong(text(`${strings.rationale}:`))), ...fileBlock(e.decision.rationale));
  return blocks;
}

function moveLine({ entry, from }: MoveRecord, labels: Labels, strings: SummaryStrings): PhrasingContent[] {
  return filled(strings.movedFromTo, [fileText(entry.title)], [text(labels.triage[from])], [text(labels.triage[entry.triage])]);
}

function mergeLine({ merged, into }: MergeRecord, strings: SummaryStrings): PhrasingContent[] {
  return filled(strings.mergedInto, [fileText(merged.title)], [fileText(into.title)]);
}

function followUpLine(f: FollowUpItem, labels: Labels, strings: SummaryStrings): PhrasingContent[] {
  const parts = [[fileText(f.entry.title)], ...about(f.decision, labels, strings), [text(labels.followUps[f.decision.followUp])]];
  if (f.decision.trackingUrl) parts.push(tracked(f.decision.trackingUrl, strings));
  if (f.overdueDays > 0) parts.push([strong(text(plural(strings.overdue, f.overdueDays, strings.locale)))]);
  return joined(parts, SEPARATOR);
}

/**
 * The date a retro is known by, YYYY-MM-DD: the day it started on for the viewer, as in the summary's
 * title and the file name it is saved under.
 */
export function retroDate(retro: Retro, clock: Clock): string {
  return dayOf(retro.started, clock) ?? retro.started.slice(0, 10);
}

/**
 * What the retro did, as GFM Markdown ending in a line feed: the facilitator and the wasted hours per
 * month its decisions address (stop, automate and simplify); each decision with outcome, owner, due
 * date, the entry's triage list and votes, tracking link and rationale; the entries discussed but not
 * decided, with their list and votes; the entries it moved between lists, from where to where; the
 * duplicates merged during it, each with where it went; and the
 * follow-ups still open from before it, overdue as counted on the viewer's calendar. An unknown retro
 * id gives an empty string.
 */
export function retroSummaryMarkdown(b: Backlog, retroId: string, labels: Labels, strings: SummaryStrings, clock: Clock): string {
  const record = retroRecord(b, retroId, clock);
  if (!record) return '';
  const { retro, decided, deferred, merges, moves, earlier, hoursAddressed } = record;
  const blocks: RootContent[] = [
    heading(1, ...filled(strings.title, [text(retroDate(retro, clock))])),
    list([labelled(strings.facilitator, fileName(retro.facilitator)), filled(strings.hoursAddressed, [text(formatHours(hoursAddressed))])]),
    heading(2, text(strings.decisions)),
  ];
  if (decided.length === 0) blocks.push(paragraph(text(strings.none)));
  for (const e of decided) blocks.push(...decisionBlocks(e, labels, strings));
  blocks.push(heading(2, text(strings.deferred)), ...orNone(deferred.map((e) => joined([[fileText(e.title)], ...standing(e, labels, strings)], SEPARATOR)), strings));
  blocks.push(heading(2, text(strings.moves)), ...orNone(moves.map((m) => moveLine(m, labels, strings)), strings));
  blocks.push(heading(2, text(strings.merges)), ...orNone(merges.map((m) => mergeLine(m, strings)), strings));
  blocks.push(heading(2, text(strings.followUps)), ...orNone(earlier.map((f) => followUpLine(f, labels, strings)), strings));
  blocks.push(...impactBlocks(b, strings, clock));
  return toGfm(blocks);
}

/** A figure as a list item: its label in bold, then its hours and how they are computed, in one sentence. */
function figureLine(label: string, figure: ImpactFigure, strings: SummaryStrings): PhrasingContent[] {
  return [strong(text(label)), text(` ${strings.explain(figure.explanation)}`)];
}

function recurringLines(recurrence: Recurrence, strings: SummaryStrings): PhrasingContent[][] {
  return recurrence.entries.slice(0, 5).map((e) => [fileText(e.title), text(` (${strings.recurrence(e.retros, recurrence.window)})`)]);
}

/** What the team's decisions are worth today (src/core/retro/impact.ts), for the whole backlog, not this retro alone. */
function impactBlocks(b: Backlog, strings: SummaryStrings, clock: Clock): RootContent[] {
  const figures = impact(b, clock);
  const blocks: RootContent[] = [
    heading(2, text(strings.impact)),
    list([figureLine(strings.reclaimed, figures.reclaimed, strings), figureLine(strings.inProgress, figures.inProgress, strings), figureLine(strings.wasted, figures.wasted, strings)]),
  ];
  const recurring = recurringLines(figures.recurrence, strings);
  if (recurring.length > 0) {
    blocks.push(paragraph(strong(text(strings.recurring)), text(` ${strings.explain(figures.recurrence.explanation)}`)), list(recurring));
  }
  return blocks;
}

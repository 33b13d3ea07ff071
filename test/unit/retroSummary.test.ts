import assert from 'node:assert/strict';
import type { Backlog, Decision, Retro } from '../../src/core/model/model';
import { retroSummaryMarkdown, type SummaryStrings } from '../../src/core/retro/retroSummary';
import { shorten } from '../../src/core/text/inertText';
import { HOSTILE_CORPUS, hostileFields } from '../fixtures/hostileCorpus';
import { clockAt, LABELS, makeEntry } from './fixtures';
import { renderGfm, visibleText } from './gfm';
import { matchesGolden } from './golden';
import * as l10n from '@vscode/l10n';
import { summaryWords } from '../../src/core/retro/summaryWords';

const STRINGS: SummaryStrings = {
  ...summaryWords(l10n),
  title: 'Retro {0}',
  facilitator: 'Facilitator',
  decisions: 'Decisions',
  owner: 'Owner',
  due: 'Due',
  noDue: 'No due date',
  hoursAddressed: '{0} per month addressed',
  list: 'List',
  votes: { one: '{0} vote', other: '{0} votes' },
  deferred: 'Discussed, not decided',
  merges: 'Merged duplicates',
  mergedInto: '{0} merged into {1}',
  followUps: 'Open follow-ups from earlier retros',
  overdue: { one: '{0} day overdue', other: '{0} days overdue' },
  none: 'None',
  rationale: 'Why',
  tracking: 'Tracked in',
  locale: 'en',
};

const NOW = new Date('2025-03-10T15:00:00.000Z');
const R1 = '01JH1000000000000000000000';
const R2 = '01JH1000000000000000000001';
const E = (n: number) => `01JH${String(n).padStart(22, '0')}`;

function decision(overrides: Partial<Decision>): Decision {
  return { outcome: 'stop', rationale: '', owner: 'Grace Hopper', followUp: 'open', decided: '2025-03-10T14:10:00.000Z', retro: R2, ...overrides };
}

function retros(facilitator = 'Ada Lovelace'): Retro[] {
  return [
    { id: R1, started: '2025-02-03T09:00:00.000Z', finished: '2025-02-03T09:30:00.000Z', facilitator: 'Alan Turing', discussed: [E(5), E(6)], decided: [E(5), E(6)] },
    {
      id: R2,
      started: '2025-03-10T14:00:00.000Z',
      facilitator,
      discussed: [E(1), E(2), E(3), E(4)],
      decided: [E(1), E(2), E(3)],
      // E(2) went back where it was; two teammates each recorded E(4)'s first move, and the first stands.
      moved: [
        { entry: E(4), from: 'inbox' },
        { entry: E(1), from: 'bigger-story' },
        { entry: E(2), from: 'bigger-story' },
        { entry: E(4), from: 'now' },
      ],
    },
  ];
}

function ordinary(): Backlog {
  return {
    version: 1,
    retros: retros(),
    entries: [
      makeEntry({
        id: E(1),
        title: 'Weekly status report nobody reads',
        status: 'decided',
        triage: 'now',
        votes: ['v1', 'v2', 'v3'],
        cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week', people: 6 },
        decision: decision({ due: '2025-03-31', rationale: 'Nobody opened it in a year.', trackingUrl: 'https://tracker.example/team/issues/42' }),
      }),
      makeEntry({
        id: E(2),
        title: 'Manual audit screenshots',
        kind: 'autopilot-policy',
        status: 'decided',
        triage: 'bigger-story',
        votes: ['v1'],
        cost: { hoursPerOccurrence: 2, occurrences: 1, per: 'month', people: 1 },
        decision: decision({ outcome: 'keep', owner: 'Ada Lovelace', rationale: 'The auditor requires them.\n\nAsk again next year.', decided: '2025-03-10T14:20:00.000Z' }),
      }),
      makeEntry({
        id: E(3),
        title: 'Copying numbers into slides',
        author: undefined,
        status: 'decided',
        cost: { hoursPerOccurrence: 0.5, occurrences: 2, per: 'week', people: 1 },
        decision: decision({ outcome: 'automate', owner: 'Katherine Johnson', decided: '2025-03-10T14:15:00.000Z' }),
      }),
      makeEntry({ id: E(4), title: 'Three signatures for a config change', triage: 'someday', votes: ['v2', 'v4'] }),
      makeEntry({ id: E(5), title: 'Deploy freeze on Fridays', status: 'decided', decision: decision({ retro: R1, owner: 'Edsger Dijkstra', due: '2025-02-28', followUp: 'in-progress', decided: '2025-02-03T09:10:00.000Z', trackingUrl: 'https://tracker.example/team/issues/7' }) }),
      makeEntry({ id: E(6), title: 'Forty-minute standup', status: 'decided', decision: decision({ retro: R1, outcome: 'simplify', owner: 'Barbara Liskov', decided: '2025-02-03T09:20:00.000Z' }) }),
      makeEntry({ id: E(7), title: 'Finished long ago', status: 'done', decision: decision({ retro: R1, followUp: 'done', decided: '2025-02-03T09:25:00.000Z' }) }),
      makeEntry({ id: E(8), title: 'Status report, again', status: 'archived', duplicateOf: E(1), updated: '2025-03-10T14:05:00.000Z' }),
      // Anonymous: its merge is stamped with the start of the UTC day only.
      makeEntry({ id: E(9), title: 'Slides by hand', author: undefined, status: 'archived', duplicateOf: E(3), updated: '2025-03-10T00:00:00.000Z' }),
      // Merged at the retro before: not this retro's doing.
      makeEntry({ id: E(10), title: 'Friday deploy freeze', status: 'archived', duplicateOf: E(5), updated: '2025-02-03T09:15:00.000Z' }),
    ],
  };
}

const HOSTILE_TEXT = '<script>alert(1)</script> [click](javascript:alert(1)) ![x](http://evil/x.png)';

function hostile(): Backlog {
  const b = ordinary();
  b.retros = retros('# Mallory <img src=x onerror=alert(1)>\n- injected');
  const [e1, e2, , e4, e5] = b.entries;
  e1.title = `${HOSTILE_TEXT}\n# not a heading`;
  e1.decision = decision({ owner: '**Owner** | table | `code`', due: '2025-03-31', rationale: `> quoted\n    indented code\n${HOSTILE_TEXT}\n\n1. list\n- item\n<details open>` });
  e2.decision = decision({ outcome: 'keep', owner: '[Ada](http://evil)', rationale: '```\nfenced\n```\n\n---\n\n=== setext\n\n| a | b |\n|---|---|' });
  e4.title = '~~struck~~ _em_ $math$ {braces} &amp; \\backslash';
  e5.title = '<!-- comment --> <a href="javascript:alert(1)">link</a>';
  return b;
}

/** Each summary is checked as GitHub would render it: nothing from entry text becomes live. */
function assertInert(md: string): void {
  const rendered = renderGfm(md);
  assert.deepEqual(rendered.live, []);
  assert.deepEqual([...new Set(rendered.blocks)].sort(), ['bullet_list', 'heading', 'list_item', 'paragraph']);
}

describe('retroSummaryMarkdown', () => {
  it('summarises decisions, votes, lists, merges, deferred entries and earlier follow-ups (golden)', () => {
    const md = retroSummaryMarkdown(ordinary(), R2, LABELS, STRINGS, clockAt(NOW));
    matchesGolden('retro-summary.md', md);
    assertInert(md);
  });

  it('escapes nothing that Markdown would read as text: dates, decimals, hyphens, ordinary punctuation', () => {
    const b = ordinary();
    const titles = ['Re-run the 6.5 release checklist', 'Q and A: who owns it? (nobody!)', '2026-11-29 sync, 50% done', 'C# + F# builds; a/b tests', 'Copy-paste notes (v2), 3/4 done'];
    titles.forEach((title, i) => (b.entries[i].title = title));
    b.entries[0].cost = { hoursPerOccurrence: 1.5, occurrences: 1, per: 'month', people: 3 };
    const md = retroSummaryMarkdown(b, R2, LABELS, STRINGS, clockAt(NOW));
    for (const title of titles) assert.ok(md.includes(title), `${title} is written as typed:\n${md}`);
    assert.match(md, /^# Retro 2025-03-10$/m);
    assert.match(md, /^## Open follow-ups from earlier retros$/m);
    assert.match(md, /Due: 2025-03-31/);
    assert.match(md, /^- \d+\.\d h per month addressed$/m, 'the decimal point is not escaped');
    assert.doesNotMatch(md, /\\[-.!?&%:;(),/]/, 'no backslash before punctuation that means nothing here');
  });

  it('still escapes what would become markup', () => {
    const b = ordinary();
    b.entries[0].title = '*not em* _nor this_ `nor code` ~~nor struck~~ <b>nor bold</b> $x$';
    b.entries[3].title = '1. not a list';
    const md = retroSummaryMarkdown(b, R2, LABELS, STRINGS, clockAt(NOW));
    const rendered = renderGfm(md);
    assertInert(md);
    assert.deepEqual(rendered.markup.filter((m) => m !== 'strong'), []);
    const text = visibleText(rendered.text);
    assert.ok(text.includes('*not em* _nor this_ `nor code` ~~nor struck~~ <b>nor bold</b> $x$'));
    assert.ok(text.includes('1. not a list'));
    assert.match(md, /\\\$x\\\$/, 'math delimiters are escaped: GitHub and GitLab render $…$ as math');
  });

  it('names each merge of the retro with what went where, and only merges made while it ran', () => {
    const b = ordinary();
    const md = retroSummaryMarkdown(b, R2, LABELS, STRINGS, clockAt(NOW));
    assert.match(md, /^- Status report, again merged into Weekly status report nobody reads$/m);
    assert.match(md, /^- Slides by hand merged into Copying numbers into slides$/m, 'an anonymous merge, stamped with its day only, counts');
    assert.doesNotMatch(md, /Friday deploy freeze/, 'a merge of the retro before is left out');
    const restored = ordinary();
    const dup = restored.entries.find((e) => e.id === E(8));
    if (dup) {
      dup.status = 'open';
      delete dup.duplicateOf;
    }
    assert.doesNotMatch(retroSummaryMarkdown(restored, R2, LABELS, STRINGS, clockAt(NOW)), /Status report, again/, 'a restored duplicate is no merge');
    const finished = ordinary();
    finished.retros[1].finished = '2025-03-10T14:03:00.000Z';
    assert.doesNotMatch(retroSummaryMarkdown(finished, R2, LABELS, STRINGS, clockAt(NOW)), /Status report, again/, 'a merge after the retro finished is left out');
  });

  it('gives vote counts and overdue days in proper plural forms', () => {
    const md = retroSummaryMarkdown(ordinary(), R2, LABELS, STRINGS, clockAt(NOW));
    assert.match(md, /List: Now · 3 votes/);
    assert.match(md, /List: Bigger story · 1 vote$/m);
    assert.match(md, /List: Inbox · 0 votes/);
    assert.match(md, /\*\*10 days overdue\*\*/);
    const b = ordinary();
    const late = b.entries.find((e) => e.id === E(5));
    if (late?.decision) late.decision.due = '2025-03-09';
    assert.match(retroSummaryMarkdown(b, R2, LABELS, STRINGS, clockAt(NOW)), /\*\*1 day overdue\*\*/);
    assert.match(retroSummaryMarkdown(ordinary(), R2, LABELS, { ...STRINGS, votes: { one: '{0} Stimme', other: '{0} Stimmen' }, locale: 'de' }, clockAt(NOW)), /List: Now · 3 Stimmen/);
  });

  it('renders hostile text inert (golden)', () => {
    const md = retroSummaryMarkdown(hostile(), R2, LABELS, STRINGS, clockAt(NOW));
    matchesGolden('retro-summary-hostile.md', md);
    assertInert(md);
    const text = visibleText(renderGfm(md).text);
    assert.ok(text.includes(`${HOSTILE_TEXT} # not a heading`), 'the title reads as typed, on one line');
    assert.ok(text.includes('~~struck~~ _em_ $math$ {braces} &amp; \\backslash'));
    for (const line of md.split('\n')) assert.doesNotMatch(line, /^( {4}|\t)/, 'no indented code block');
  });

  it('shows tracking links of decisions and follow-ups as text that links nowhere', () => {
    const b = ordinary();
    b.entries[0].decision = decision({ trackingUrl: 'https://tracker.example/a?b=[c](javascript:alert(1))<img>@team#1' });
    const md = retroSummaryMarkdown(b, R2, LABELS, STRINGS, clockAt(NOW));
    const rendered = renderGfm(md);
    assert.deepEqual(rendered.live, []);
    const text = visibleText(rendered.text);
    assert.ok(text.includes('Tracked in: https://tracker.example/a?b=[c](javascript:alert(1))<img>@team#1'), 'the decision shows its link as typed');
    assert.ok(text.includes('Tracked in: https://tracker.example/team/issues/7'), 'an earlier follow-up shows its link');
    const without = ordinary();
    for (const e of without.entries) if (e.decision) delete e.decision.trackingUrl;
    assert.doesNotMatch(retroSummaryMarkdown(without, R2, LABELS, STRINGS, clockAt(NOW)), /Tracked in/);
  });

  it('counts only stop, automate and simplify towards the hours addressed', () => {
    const md = retroSummaryMarkdown(ordinary(), R2, LABELS, STRINGS, clockAt(NOW));
    // 26 h + 4.3 h; the kept audit's 2 h are not addressed.
    assert.match(md, /^- 30 h per month addressed$/m);
    const kept = { ...ordinary(), entries: ordinary().entries.filter((e) => e.id !== E(1)) };
    assert.match(retroSummaryMarkdown(kept, R2, LABELS, STRINGS, clockAt(NOW)), /^- 4\.3 h per month addressed$/m);
  });

  it('says so when a section is empty (golden), and gives nothing for an unknown retro', () => {
    const b: Backlog = { version: 1, entries: [], retros: [{ id: R2, started: '2025-03-10T14:00:00.000Z', facilitator: 'Ada', discussed: [], decided: [] }] };
    const md = retroSummaryMarkdown(b, R2, LABELS, STRINGS, clockAt(NOW));
    matchesGolden('retro-summary-empty.md', md);
    assert.equal(md.match(/^None$/gm)?.length, 5, 'decisions, deferred, moves, merges and follow-ups each say None');
    assert.equal(retroSummaryMarkdown(b, R1, LABELS, STRINGS, clockAt(NOW)), '');
  });

  describe('with every hostile payload in every field', () => {
    const N = HOSTILE_CORPUS.length;
    /** Entries 0..N-1 decided in this retro, N..2N-1 discussed but deferred, 2N..3N-1 open follow-ups from the one before. */
    function corpusBacklog(names: (i: number) => { owner: string; facilitator: string }): Backlog {
      const entries = Array.from({ length: 3 * N }, (_, i) => {
        const f = hostileFields(i % N);
        const group = Math.floor(i / N);
        const smart = { speakUp: f.speakUp, moreInfo: f.moreInfo, accountability: f.accountability, reprioritize: f.reprioritize, tryAnother: f.tryAnother };
        const base = makeEntry({ id: E(100 + i), title: f.title, smart, author: { name: f.authorName, email: f.authorEmail } });
        if (group === 1) return base;
        const due = i % 2 === 0 ? '2025-03-01' : undefined;
        return { ...base, status: 'decided' as const, decision: decision({ owner: names(i).owner, rationale: f.rationale, due, retro: group === 0 ? R2 : R1, decided: group === 0 ? '2025-03-10T14:10:00.000Z' : '2025-02-03T09:10:00.000Z' }) };
      });
      const ids = (group: number) => entries.slice(group * N, (group + 1) * N).map((e) => e.id);
      return {
        version: 1,
        entries,
        retros: [
          { id: R1, started: '2025-02-03T09:00:00.000Z', finished: '2025-02-03T09:30:00.000Z', facilitator: 'Alan Turing', discussed: ids(2), decided: ids(2) },
          { id: R2, started: '2025-03-10T14:00:00.000Z', facilitator: names(0).facilitator, discussed: [...ids(0), ...ids(1)], decided: ids(0) },
        ],
      };
    }
    const fromCorpus = (i: number) => ({ owner: hostileFields(i % N).owner, facilitator: hostileFields(0).facilitator });

    it('renders every payload as typed under GFM, with nothing live from entry text', () => {
      const b = corpusBacklog(() => ({ owner: 'Owner', facilitator: 'Facilitator' }));
      const md = retroSummaryMarkdown(b, R2, LABELS, STRINGS, clockAt(NOW));
      const rendered = renderGfm(md);
      assert.deepEqual(rendered.live, []);
      assert.deepEqual([...new Set(rendered.blocks)].sort(), ['bullet_list', 'heading', 'list_item', 'paragraph']);
      // Bold only where the summary itself puts it: each "Why:", each "days overdue", the three impact figures and "Keeps coming back".
      const decidedHere = b.entries.filter((e) => e.decision?.retro === R2);
      const overdue = b.entries.filter((e) => e.decision?.retro === R1 && e.decision.due !== undefined);
      assert.deepEqual([...new Set(rendered.markup)], ['strong']);
      assert.equal(rendered.markup.length, 2 * (decidedHere.filter((e) => e.decision?.rationale.trim()).length + overdue.length + 4));
      const text = visibleText(rendered.text);
      for (let i = 0; i < N; i++) {
        const f = hostileFields(i);
        assert.ok(text.includes(visibleText(shorten(f.title))), `title ${i} reads as typed`);
        for (const line of f.rationale.split('\n').map((l) => shorten(l)).filter(Boolean)) {
          assert.ok(text.includes(visibleText(line)), `rationale ${i} reads as typed`);
        }
      }
    });

    it('keeps the mentions of the owners and the facilitator the team chose, and only those (golden)', () => {
      const md = retroSummaryMarkdown(corpusBacklog(fromCorpus), R2, LABELS, STRINGS, clockAt(NOW));
      matchesGolden('retro-summary-corpus.md', md);
      const rendered = renderGfm(md);
      const mentioned = rendered.live.map((found) => /^mention: (.*)$/.exec(found)?.[1]);
      assert.ok(mentioned.every((text) => text !== undefined), rendered.live.join('\n'));
      const names = [...Array.from({ length: N }, (_, i) => fromCorpus(i).owner), fromCorpus(0).facilitator].map((name) => visibleText(shorten(name)));
      for (const text of mentioned) {
        assert.ok(names.some((name) => visibleText(text ?? '').includes(name)), `${text} is an owner or the facilitator`);
      }
      assert.ok(mentioned.length > 0, 'the corpus has names with mentions');
    });
  });
});

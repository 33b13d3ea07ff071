import { Option, type Command } from 'commander';
import { queryBoard, defaultQuery, type BoardSort, type CardView } from '../../core/retro/boardQuery';
import { formatHours } from '../../core/model/cost';
import { KINDS, REASONS, STATUSES, TRIAGE_LISTS, type Kind, type Reason, type Status, type TriageList } from '../../core/model/model';
import { readBacklogFile } from '../backlogFile';
import { EXIT_CODES_HELP } from '../cliErrors';
import { settingOf, targetOf } from '../cliTarget';
import { cliClock } from '../clock';
import { englishLabels } from '../english';
import { printJson, stdoutColors, table } from '../output';
import { terminalLine } from '../terminalText';
import { voterOf } from '../voter';

interface ListOptions {
  kind?: Kind[];
  reason?: Reason[];
  status?: (Status | 'all')[];
  list?: TriageList[];
  author?: string;
  search?: string;
  sort: BoardSort;
  json?: boolean;
}

/**
 * The cards the board would show for these filters, column by column (inbox, now, bigger story,
 * someday) and sorted within each column as the board sorts them (`queryBoard`), with no paging.
 */
export async function listCards(options: ListOptions, command: Command): Promise<CardView[]> {
  const target = targetOf(command);
  const backlog = await readBacklogFile(target.file);
  const { voter } = await voterOf(target);
  const query = defaultQuery();
  query.sort = options.sort;
  query.pageSize = Math.max(1, backlog.entries.length);
  query.filter = {
    kinds: options.kind ?? [],
    reasons: options.reason ?? [],
    author: options.author ?? 'any',
    statuses: options.status?.includes('all') ? [...STATUSES] : ((options.status ?? []) as Status[]),
    search: options.search ?? '',
  };
  const staleDays = settingOf(target, 'stupidWork.retro.staleAfterDays', 30);
  const view = queryBoard(backlog, query, { clock: cliClock(), voter, staleDays: Number.isFinite(staleDays) && staleDays > 0 ? staleDays : 0 });
  const lists = new Set<string>(options.list && options.list.length > 0 ? options.list : TRIAGE_LISTS);
  return view.columns.filter((c) => lists.has(c.list)).flatMap((c) => c.cards);
}

async function runList(options: ListOptions, command: Command): Promise<void> {
  const cards = await listCards(options, command);
  if (options.json) {
    printJson(cards);
    return;
  }
  const colors = stdoutColors();
  if (cards.length === 0) {
    process.stdout.write('No entries match.\n');
    return;
  }
  const labels = englishLabels();
  const rows = cards.map((c) => [
    c.id,
    labels.triage[c.triage],
    labels.statuses[c.status],
    labels.kinds[c.kind],
    `${terminalLine(c.title, 60)}${c.stale ? colors.yellow(' (stale)') : ''}`,
    `${c.votes}${c.voted ? colors.green(c.votedNamed ? ' (yours, named)' : ' (yours)') : ''}`,
    c.hoursPerMonth > 0 ? formatHours(c.hoursPerMonth) : '',
    `${c.ageDays} d`,
  ]);
  process.stdout.write(`${table(['ID', 'List', 'Status', 'Kind', 'Title', 'Votes', 'Per month', 'Age'], rows, colors, [5, 6, 7])}\n`);
}

/** `stupid-work list`: the board's cards, filtered and sorted as the board does. */
export function registerList(cli: Command): void {
  cli
    .command('list')
    .description("list entries, filtered and sorted like the Retro Board; by default the active ones (open and decided)")
    .addOption(new Option('-k, --kind <kind...>', 'only these kinds').choices(KINDS))
    .addOption(new Option('-r, --reason <reason...>', 'only entries with any of these reasons').choices(REASONS))
    .addOption(new Option('-s, --status <status...>', 'only these statuses, or "all"').choices([...STATUSES, 'all']))
    .addOption(new Option('-l, --list <list...>', 'only these triage lists').choices(TRIAGE_LISTS))
    .option('-a, --author <name>', '"anonymous", "named", or one author\'s exact name')
    .option('--search <text>', 'only entries whose title, answers, comments or author hold this text (case ignored)')
    .addOption(new Option('--sort <key>', 'sort each list by votes (most first), cost (most hours first) or age (oldest first)').choices(['votes', 'cost', 'age']).default('votes'))
    .option('--json', 'print the cards as JSON')
    .addHelpText('after', `\nExamples:\n  $ stupid-work list --sort cost\n  $ stupid-work list --kind ritual-process unused-report --list now --json\n${EXIT_CODES_HELP}`)
    .action((options: ListOptions, command: Command) => runList(options, command));
}

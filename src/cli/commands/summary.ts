import * as l10n from '@vscode/l10n';
import type { Command } from 'commander';
import { activeRetro } from '../../core/retro/retro';
import { retroSummaryMarkdown, type SummaryStrings } from '../../core/retro/retroSummary';
import type { Backlog, Retro } from '../../core/model/model';
import { readBacklogFile } from '../backlogFile';
import { EXIT_CODES_HELP, Stop } from '../cliErrors';
import { targetOf } from '../cliTarget';
import { cliClock } from '../clock';
import { englishLabels } from '../english';

/** The summary's words, the same templates as the board's Copy Summary, in English. */
function summaryStrings(): SummaryStrings {
  return {
    title: l10n.t('Retro {0}'),
    facilitator: l10n.t('Facilitator'),
    decisions: l10n.t('Decisions'),
    owner: l10n.t('Owner'),
    due: l10n.t('Due'),
    noDue: l10n.t('no due date'),
    hoursAddressed: l10n.t('{0} per month addressed'),
    deferred: l10n.t('Deferred'),
    followUps: l10n.t('Follow-ups'),
    overdue: l10n.t('{0} days overdue'),
    none: l10n.t('None'),
    rationale: l10n.t('Why'),
    tracking: l10n.t('Tracked in'),
  };
}

/** The retro a summary is about, as on the board: the one asked for, else the open one, else the one that started last. */
function chosenRetro(b: Backlog, id: string | undefined): Retro {
  if (id !== undefined) {
    const retro = b.retros.find((r) => r.id === id);
    if (!retro) throw new Stop(`There is no retro with id "${id}". The retros are: ${b.retros.map((r) => r.id).join(', ') || 'none yet'}.`);
    return retro;
  }
  const retro = activeRetro(b) ?? [...b.retros].sort((x, y) => (x.started < y.started ? 1 : x.started > y.started ? -1 : 0))[0];
  if (!retro) throw new Stop('No retro has been recorded in this backlog yet. Start one from the Retro Board.');
  return retro;
}

async function runSummary(options: { retro?: string }, command: Command): Promise<void> {
  const backlog = await readBacklogFile(targetOf(command).file);
  const retro = chosenRetro(backlog, options.retro);
  process.stdout.write(retroSummaryMarkdown(backlog, retro.id, englishLabels(), summaryStrings(), cliClock()));
}

/** `stupid-work summary`: the board's retro summary, as Markdown on stdout. */
export function registerSummary(cli: Command): void {
  cli
    .command('summary')
    .description("print a retro's summary as Markdown, the same as the board's Copy Summary: by default the open retro, else the latest")
    .option('--retro <id>', 'the retro to summarize')
    .addHelpText('after', `\nExample:\n  $ stupid-work summary > docs/retros/latest.md\n${EXIT_CODES_HELP}`)
    .action((options: { retro?: string }, command: Command) => runSummary(options, command));
}

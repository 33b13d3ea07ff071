import * as l10n from '@vscode/l10n';
import type { Command } from 'commander';
import { activeRetro } from '../../core/retro/retro';
import { retroSummaryMarkdown } from '../../core/retro/retroSummary';
import { summaryWords } from '../../core/retro/summaryWords';
import type { Backlog, Retro } from '../../core/model/model';
import { readBacklogFile } from '../backlogFile';
import { EXIT_CODES_HELP, Stop } from '../cliErrors';
import { targetOf } from '../cliTarget';
import { cliClock } from '../clock';
import { englishLabels } from '../english';

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
  process.stdout.write(retroSummaryMarkdown(backlog, retro.id, englishLabels(), summaryWords(l10n), cliClock()));
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

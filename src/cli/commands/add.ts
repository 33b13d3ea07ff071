import { Option, type Command } from 'commander';
import { createEntry, upsertEntry } from '../../core/model/entries';
import { formatHours, hoursPerMonth } from '../../core/model/cost';
import { KINDS, PERIODS, REASONS, type Entry } from '../../core/model/model';
import * as l10n from '@vscode/l10n';
import { entryDisclosure } from '../../core/text/disclosures';
import { askDraft } from '../addPrompts';
import { afterWrite } from '../afterWrite';
import { updateBacklogFile } from '../backlogFile';
import { EXIT_CODES_HELP, UsageError } from '../cliErrors';
import { settingOf, targetOf } from '../cliTarget';
import { cliClock } from '../clock';
import { checkDraft, draftFromFlags, type DraftFlags } from '../draftFlags';
import { currentPerson } from '../identity';
import { printJson, stdoutColors } from '../output';
import { terminalLine } from '../terminalText';

interface AddOptions extends DraftFlags {
  sync: boolean;
  json?: boolean;
}

async function runAdd(options: AddOptions, command: Command): Promise<void> {
  const target = targetOf(command);
  const colors = stdoutColors();
  const interactive = options.title === undefined;
  if (interactive && !process.stdin.isTTY) throw new UsageError('--title is needed when there is no terminal to ask in. See "stupid-work add --help".');
  let draft = draftFromFlags(options, settingOf(target, 'stupidWork.anonymousByDefault', false));
  if (interactive) {
    draft = await askDraft(draft, colors, { kind: options.kind !== undefined, reasons: options.reason !== undefined, cost: draft.cost !== undefined });
  }
  checkDraft(draft);
  if (draft.anonymous) process.stderr.write(`Anonymous: ${entryDisclosure(l10n)}\n`);
  const author = draft.anonymous ? undefined : await currentPerson(target);
  const clock = cliClock();
  let entry: Entry | undefined;
  await updateBacklogFile(target.file, (current) => {
    entry = createEntry(draft, author, clock.now());
    return upsertEntry(current, entry);
  });
  const saved = entry as Entry;
  if (options.json) printJson(saved);
  else {
    const cost = saved.cost ? `, ${formatHours(hoursPerMonth(saved.cost))} per month` : '';
    process.stdout.write(`Added ${colors.bold(saved.id)} "${terminalLine(saved.title, 80)}"${saved.author ? '' : ', anonymously'}${cost}.\n`);
  }
  await afterWrite(target, options.sync);
}

/** `stupid-work add`: the Log form, asked in the terminal or given as flags. */
export function registerAdd(cli: Command): void {
  cli
    .command('add')
    .description('flag stupid work: asks the S.M.A.R.T. prompts in a terminal, or takes everything as flags')
    .option('-t, --title <text>', 'what feels stupid, in a short title; given, nothing is asked')
    .addOption(new Option('-k, --kind <kind>', 'what kind of stupid work').choices(KINDS))
    .addOption(new Option('-r, --reason <reason...>', 'why it goes on; repeat or list several').choices(REASONS))
    .option('--speak-up <text>', 'Speak up: what feels stupid, concretely? Who does it, how often?')
    .option('--more-info <text>', 'More information: what context is missing, and whom could we ask?')
    .option('--accountability <text>', 'Accountability: what will you own to fix it?')
    .option('--reprioritize <text>', 'Re-prioritize: what matters more, to do first instead?')
    .option('--try-another <text>', 'Try another approach: what is the alternative to try?')
    .option('--hours <number>', 'cost: hours it takes each time, per person')
    .option('--times <number>', 'cost: how many times per period')
    .addOption(new Option('--per <period>', 'cost: the period (default: week)').choices(PERIODS))
    .option('--people <number>', 'cost: how many people take part (default: 1)')
    .option('--anonymous', 'leave your name out (default: stupidWork.anonymousByDefault)')
    .option('--no-anonymous', 'sign it with your name even when stupidWork.anonymousByDefault is on')
    .option('--json', 'print the saved entry as JSON')
    .option('--no-sync', 'save here only, even when stupidWork.sync.auto is on')
    .addHelpText(
      'after',
      `\nExamples:\n  $ stupid-work add\n  $ stupid-work add --title "Weekly status report nobody reads" --kind unused-report --reason fear politics \\\n      --hours 1.5 --times 1 --per week --people 6 --anonymous\n${EXIT_CODES_HELP}`,
    )
    .action((options: AddOptions, command: Command) => runAdd(options, command));
}

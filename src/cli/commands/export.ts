import { writeFile } from 'node:fs/promises';
import { Argument, type Command } from 'commander';
import { backlogToCsv, backlogToJson } from '../../core/retro/backlogExport';
import { plural } from '../../core/text/plural';
import { readBacklogFile } from '../backlogFile';
import { EXIT_CODES_HELP, Stop } from '../cliErrors';
import { settingOf, targetOf } from '../cliTarget';
import { englishLabels } from '../english';

interface ExportOptions {
  out?: string;
  bom?: boolean;
}

async function runExport(format: 'csv' | 'json', options: ExportOptions, command: Command): Promise<void> {
  const target = targetOf(command);
  const backlog = await readBacklogFile(target.file);
  const byteOrderMark = options.bom ?? (options.out !== undefined && settingOf(target, 'stupidWork.export.csvByteOrderMark', true));
  const text = format === 'csv' ? backlogToCsv(backlog, englishLabels(), { byteOrderMark }) : backlogToJson(backlog);
  if (options.out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(options.out, text);
  } catch (error) {
    throw new Stop(`Could not write ${options.out}: ${(error as Error).message}`);
  }
  process.stderr.write(`Exported ${plural({ one: '{0} entry', other: '{0} entries' }, backlog.entries.length, 'en')} to ${options.out}.\n`);
}

/** `stupid-work export csv|json`: the board's Export, to stdout or a file. */
export function registerExport(cli: Command): void {
  cli
    .command('export')
    .description('export the whole backlog as CSV (RFC 4180, formulas defused) or JSON, to stdout or --out')
    .addArgument(new Argument('<format>', 'csv or json').choices(['csv', 'json']))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--bom', 'start a CSV with a UTF-8 byte order mark, for spreadsheets (default: with --out, stupidWork.export.csvByteOrderMark)')
    .option('--no-bom', 'no byte order mark')
    .addHelpText('after', `\nExamples:\n  $ stupid-work export csv --out backlog.csv\n  $ stupid-work export json | jq '.entries | length'\n${EXIT_CODES_HELP}`)
    .action((format: 'csv' | 'json', options: ExportOptions, command: Command) => runExport(format, options, command));
}

import { Option, type Command } from 'commander';
import { parseBacklog, type BacklogProblem } from '../../core/file/parse';
import { english } from '../../core/text/english';
import { plural } from '../../core/text/plural';
import { EXIT_CODES, Stop } from '../cliErrors';
import { readTarget } from '../readTarget';

/** GitHub Actions workflow commands: data escapes %, CR and LF; properties also `:` and `,`. */
function githubAnnotation(file: string, problem: BacklogProblem): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${property(file)},line=${problem.line},col=${problem.column},title=${property('Stupid Work backlog')}::${data(english(problem.message))}`;
}

async function runCheck(fileArg: string | undefined, { format }: { format: 'text' | 'github' }, command: Command): Promise<void> {
  const { shown, text } = await readTarget(command, fileArg);
  if (text === undefined) throw new Stop(`${shown} does not exist.`);
  const result = parseBacklog(text);
  if (result.ok) {
    const entries = plural({ one: '{0} entry', other: '{0} entries' }, result.backlog.entries.length, 'en');
    if (format === 'text') process.stdout.write(`${shown}: ${entries}, no problems.\n`);
    return;
  }
  const { problem } = result;
  process.stdout.write(format === 'github' ? `${githubAnnotation(shown, problem)}\n` : `${shown}:${problem.line}:${problem.column}: ${english(problem.message)}\n`);
  process.exitCode = EXIT_CODES.problem;
}

/** `stupid-work check`: the editor's validation, for CI. */
export function registerCheck(cli: Command): void {
  cli
    .command('check [file]')
    .description('validate the backlog as the editor does; prints file:line:column: message and exits 1 on a problem')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'github']).default('text'))
    .addHelpText('after', '\nExample, in a GitHub Actions step:\n  $ stupid-work check --format github')
    .action((file: string | undefined, options: { format: 'text' | 'github' }, command: Command) => runCheck(file, options, command));
}

/**
 * `stupid-work`: the backlog's sync, status, check and repair from a terminal or CI, with the same core as
 * the extension. Exit codes: 0 done; 1 the command ran but found a problem (a sync stopped, a check found
 * errors, a repair could not be made); 2 the command line itself is wrong.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError, Option } from 'commander';
import { writeFileAtomic } from '../adapters/file/atomicWrite';
import { backlogStatus, type BacklogStatus } from '../adapters/sync/backlogStatus';
import { syncBacklog } from '../adapters/sync/backlogSync';
import { resolveConflictMarkers } from '../core/merge/merge';
import { parseBacklog, type BacklogProblem } from '../core/file/parse';
import type { ChangeCount } from '../core/sync/backlogBranch';
import { resolveTarget, type CliTarget, type TargetFlags } from './cliTarget';
import { english } from '../core/text/english';
import { reportCommand } from './commands/report';

/** Thrown to end a command with exit code 1 and a one-line reason on stderr. */
class Stop extends Error {}

function target(command: Command): CliTarget {
  try {
    return resolveTarget(process.cwd(), command.optsWithGlobals<TargetFlags>());
  } catch (error) {
    throw new Stop((error as Error).message);
  }
}

/** A yes/no question on the terminal; without a terminal the answer is no, and `hint` says how to agree. */
async function confirm(question: string, yes: boolean, hint: string): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    process.stderr.write(`stupid-work: ${question} ${hint}\n`);
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

function counted(changes: ChangeCount): string {
  const parts = [`${changes.added} added`, `${changes.changed} changed`, `${changes.removed} removed`].filter((p) => !p.startsWith('0 '));
  return parts.length > 0 ? parts.join(', ') : 'no entries';
}

async function runSync(command: Command, { yes }: { yes?: boolean }): Promise<void> {
  const { file, settings } = target(command);
  const outcome = await syncBacklog({
    file,
    ...settings,
    interactive: Boolean(process.stdin.isTTY),
    terminal: Boolean(process.stdin.isTTY),
    confirmCreate: (place) => confirm(`Create the branch ${place.branch} on ${place.remote} (${place.url}) to share the backlog there?`, Boolean(yes), 'Run again with --yes to create it.'),
    confirmMove: (place) =>
      confirm(
        `${place.relativePath} is committed on your code branch. Move it to the branch ${place.branch} on ${place.remote}? It will be unstaged here (git rm --cached) for you to commit.`,
        Boolean(yes),
        'Run again with --yes to move it.',
      ),
  });
  if (!outcome.ok) throw new Stop(english(outcome.message));
  const done = [
    outcome.created ? `created the branch ${outcome.branch} on ${outcome.remote}` : '',
    outcome.pushed ? 'your changes went out' : '',
    outcome.received ? "teammates' changes came in" : '',
    outcome.conflicts.length > 0 ? `${outcome.conflicts.length} concurrent edit(s) merged, the replaced values kept in each entry's history` : '',
    outcome.moved ? `${path.relative(process.cwd(), file)} was unstaged from your code branch: commit that removal` : '',
  ].filter(Boolean);
  process.stdout.write(`Synced ${path.relative(process.cwd(), file) || file} with ${outcome.remote}/${outcome.branch}: ${done.length > 0 ? done.join('; ') : 'already in sync'}.\n`);
}

function describeStatus(status: BacklogStatus): string {
  const where = `${status.remote}/${status.branch}`;
  switch (status.state) {
    case 'in-sync':
      return `In sync with ${where}.`;
    case 'outgoing':
      return `Changes waiting to go out to ${where}: ${counted(status.outgoing)}.`;
    case 'incoming':
      return `Teammates' changes waiting to come in from ${where}: ${counted(status.incoming)}.`;
    case 'both':
      return `Changes waiting to go out (${counted(status.outgoing)}) and teammates' changes to come in (${counted(status.incoming)}) on ${where}; a sync merges them.`;
    case 'not-shared':
      return `Not shared yet: ${status.remote} has no branch ${status.branch}. Run "stupid-work sync" to create it.`;
    case 'no-backlog':
      return `No backlog yet, here or on ${where}.`;
  }
}

async function runStatus(command: Command, { json, fetch }: { json?: boolean; fetch: boolean }): Promise<void> {
  const { file, settings } = target(command);
  const outcome = await backlogStatus(file, settings, fetch);
  if (!outcome.ok) throw new Stop(english(outcome.message));
  process.stdout.write(json ? `${JSON.stringify({ file, ...outcome.status })}\n` : `${describeStatus(outcome.status)}\n`);
}

/** GitHub Actions workflow commands: data escapes %, CR and LF; properties also `:` and `,`. */
function githubAnnotation(file: string, problem: BacklogProblem): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${property(file)},line=${problem.line},col=${problem.column},title=${property('Stupid Work backlog')}::${data(english(problem.message))}`;
}

async function readTarget(command: Command, fileArg: string | undefined): Promise<{ shown: string; full: string; text: string | undefined }> {
  const full = fileArg ? path.resolve(process.cwd(), fileArg) : target(command).file;
  const shown = path.relative(process.cwd(), full) || full;
  try {
    return { shown, full, text: await readFile(full, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { shown, full, text: undefined };
    throw new Stop(`${shown} cannot be read: ${(error as Error).message}`);
  }
}

async function runCheck(fileArg: string | undefined, { format }: { format: 'text' | 'github' }, command: Command): Promise<void> {
  const { shown, text } = await readTarget(command, fileArg);
  if (text === undefined) throw new Stop(`${shown} does not exist.`);
  const result = parseBacklog(text);
  if (result.ok) {
    if (format === 'text') process.stdout.write(`${shown}: ${result.backlog.entries.length} entries, no problems.\n`);
    return;
  }
  const { problem } = result;
  process.stdout.write(format === 'github' ? `${githubAnnotation(shown, problem)}\n` : `${shown}:${problem.line}:${problem.column}: ${english(problem.message)}\n`);
  process.exitCode = 1;
}

async function runRepair(fileArg: string | undefined, command: Command): Promise<void> {
  const { shown, full, text } = await readTarget(command, fileArg);
  if (text === undefined) throw new Stop(`${shown} does not exist.`);
  const parsed = parseBacklog(text);
  if (parsed.ok || parsed.problem.code !== 'conflict') {
    if (parsed.ok) {
      process.stdout.write(`${shown} has no conflict markers; nothing to repair.\n`);
      return;
    }
    throw new Stop(`${shown} has no conflict markers to repair, but another problem: line ${parsed.problem.line}, column ${parsed.problem.column}: ${english(parsed.problem.message)}`);
  }
  const result = resolveConflictMarkers(text);
  if (!result.ok) throw new Stop(`${shown} was not changed: ${english(result.message)}`);
  await writeFileAtomic(full, result.text);
  process.stdout.write(`Repaired ${shown}: ${result.hunks ?? 0} conflict(s), both sides merged entry by entry, ${result.conflicts.length} concurrent edit(s) kept in each entry's history.\n`);
}

/** The program, built fresh so tests can run it in-process. */
export function program(): Command {
  const cli = new Command('stupid-work')
    .description('Share, check and repair the Stupid Work backlog from a terminal or CI.')
    .option('--folder <dir>', 'the workspace folder whose backlog to use (default: found from the current folder)')
    .option('--branch <name>', 'the backlog branch on the remote (default: stupidWork.sync.branch, else stupid-work)')
    .option('--remote <name>', 'the remote to share through (default: stupidWork.sync.remote, else the only remote, else origin)')
    .addOption(new Option('--commit-as <who>', 'who backlog commits name (default: stupidWork.sync.commitAs, else neutral)').choices(['neutral', 'me']))
    .showHelpAfterError()
    .exitOverride();
  cli
    .command('sync')
    .description('merge teammates\' changes into the working copy and share yours, on the backlog branch only')
    .option('-y, --yes', 'agree to creating the branch, or moving a file committed on the code branch')
    .addHelpText('after', '\nExample:\n  $ stupid-work sync --yes')
    .action((options: { yes?: boolean }, command: Command) => runSync(command, options));
  cli
    .command('status')
    .description('say whether changes wait to go out or to come in')
    .option('--json', 'machine-readable output')
    .option('--no-fetch', 'do not ask the remote; use what was fetched last')
    .addHelpText('after', '\nExample:\n  $ stupid-work status --json')
    .action((options: { json?: boolean; fetch: boolean }, command: Command) => runStatus(command, options));
  cli
    .command('check [file]')
    .description('validate the backlog as the editor does; prints file:line:column: message and exits 1 on a problem')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'github']).default('text'))
    .addHelpText('after', '\nExample, in a GitHub Actions step:\n  $ stupid-work check --format github')
    .action((file: string | undefined, options: { format: 'text' | 'github' }, command: Command) => runCheck(file, options, command));
  cli
    .command('repair [file]')
    .description('merge both sides of a backlog file that holds git conflict markers, entry by entry')
    .addHelpText('after', '\nExample:\n  $ stupid-work repair team/stupid-work.json')
    .action((file: string | undefined, _options: unknown, command: Command) => runRepair(file, command));
  reportCommand(cli);
  return cli;
}

/** Runs the command line and resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`stupid-work: ${error instanceof Stop ? error.message : (error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

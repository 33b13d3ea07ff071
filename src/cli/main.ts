/**
 * `stupid-work`: the backlog from a terminal or CI, with the same core as the extension. Each command
 * is in its own file under ./commands; this file wires them into one program and maps how a command
 * ended to the exit codes in ./cliErrors.ts.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES, EXIT_CODES_HELP, Stop, UsageError } from './cliErrors';
import { registerAdd } from './commands/add';
import { registerCheck } from './commands/check';
import { registerComment } from './commands/comment';
import { registerExport } from './commands/export';
import { registerList } from './commands/list';
import { registerRepair } from './commands/repair';
import { registerReport } from './commands/report';
import { registerShow } from './commands/show';
import { registerStatus } from './commands/status';
import { registerSummary } from './commands/summary';
import { registerSync } from './commands/sync';
import { registerUnvote } from './commands/unvote';
import { registerVote } from './commands/vote';

/** The program, built fresh so tests can run it in-process. */
export function program(): Command {
  const cli = new Command('stupid-work')
    .description('Flag stupid work, vote, comment and read the team\'s backlog; share, check and repair it, from a terminal or CI.')
    .option('--folder <dir>', 'the workspace folder whose backlog to use (default: found from the current folder)')
    .option('--branch <name>', 'the backlog branch on the remote (default: stupidWork.sync.branch, else stupid-work)')
    .option('--remote <name>', 'the remote to share through (default: stupidWork.sync.remote, else the only remote, else origin)')
    .addOption(new Option('--commit-as <who>', 'who backlog commits name (default: stupidWork.sync.commitAs, else neutral)').choices(['neutral', 'me']))
    .addHelpText('after', `\nExamples:\n  $ stupid-work add\n  $ stupid-work list --sort cost\n  $ stupid-work vote 01JD4N8Q\n${EXIT_CODES_HELP}`)
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerAdd, registerList, registerShow, registerVote, registerUnvote, registerComment, registerSummary, registerExport, registerReport, registerSync, registerStatus, registerCheck, registerRepair]) {
    register(cli);
  }
  for (const command of cli.commands) command.exitOverride();
  return cli;
}

/** Whether a prompt ended because the person pressed Ctrl+C (`@inquirer/prompts` rejects with this error). */
function cancelledPrompt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

/** Runs the command line and resolves with the exit code (see ./cliErrors.ts). */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_CODES.done;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.done : EXIT_CODES.usage;
    if (cancelledPrompt(error)) {
      process.stderr.write('stupid-work: cancelled; nothing was saved.\n');
      return EXIT_CODES.problem;
    }
    const known = error instanceof Stop || error instanceof UsageError;
    process.stderr.write(`stupid-work: ${known ? error.message : ((error as Error).stack ?? String(error))}\n`);
    return error instanceof UsageError ? EXIT_CODES.usage : EXIT_CODES.problem;
  }
}

if (require.main === module) {
  // A reader that stops early (`stupid-work list | head`) closes the pipe: that ends the output, not in a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

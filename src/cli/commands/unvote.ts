import type { Command } from 'commander';
import { EXIT_CODES_HELP } from '../cliErrors';
import { runVote } from './vote';

/** `stupid-work unvote ID`: Withdraw My Vote, named or anonymous. */
export function registerUnvote(cli: Command): void {
  cli
    .command('unvote <id>')
    .description('withdraw your vote on an entry, named or anonymous (one this machine cast)')
    .option('--json', 'print the outcome as JSON')
    .option('--no-sync', 'save here only, even when stupidWork.sync.auto is on')
    .addHelpText('after', `\nExample:\n  $ stupid-work unvote 01JD4N8Q\n${EXIT_CODES_HELP}`)
    .action((id: string, options: { json?: boolean; sync: boolean }, command: Command) => runVote(id, 'withdraw', options, command));
}

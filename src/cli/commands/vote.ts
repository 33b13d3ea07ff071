import type { Command } from 'commander';
import * as l10n from '@vscode/l10n';
import { voteDisclosure } from '../../core/text/disclosures';
import { plural } from '../../core/text/plural';
import { afterWrite } from '../afterWrite';
import { EXIT_CODES_HELP } from '../cliErrors';
import { targetOf } from '../cliTarget';
import { printJson } from '../output';
import { terminalLine } from '../terminalText';
import { changeVote, type VoteIntent, type VoteResult } from '../voteChange';

/** What a vote change did, in a sentence, as the editor's status bar says it. */
export function voteSentence(result: VoteResult): string {
  const title = terminalLine(result.entry.title, 60);
  const said =
    result.outcome === 'withdrawn' ? `Vote on "${title}" withdrawn.`
    : result.outcome === 'unchanged' ? `Nothing changed on "${title}".`
    : result.named ? `Voted on "${title}" with your name.`
    : `Voted on "${title}" anonymously.`;
  return result.left === undefined ? said : `${said} ${plural({ one: '{0} vote left.', other: '{0} votes left.' }, result.left, 'en')}`;
}

/** Runs a vote change and reports it; the disclosure follows the first anonymous vote cast from this machine on this backlog. */
export async function runVote(id: string, intent: VoteIntent, options: { json?: boolean; sync: boolean }, command: Command): Promise<void> {
  const target = targetOf(command);
  const result = await changeVote(target, id, intent);
  if (options.json) printJson({ id: result.entry.id, outcome: result.outcome, named: result.named, votes: result.entry.votes.length, left: result.left ?? null });
  else process.stdout.write(`${voteSentence(result)}\n`);
  if (result.firstToken) process.stderr.write(`${voteDisclosure(l10n, `the file ${result.tokenFile}`)}\n`);
  if (result.outcome !== 'unchanged') await afterWrite(target, options.sync);
}

/** `stupid-work vote ID`: "Me Too", anonymously unless `--named`. */
export function registerVote(cli: Command): void {
  cli
    .command('vote <id>')
    .description('"me too": vote for an entry, anonymously (a random token only this machine knows is yours) unless --named')
    .option('--named', 'vote with your name ("+1, I\'ll help"); replaces your anonymous vote on it')
    .option('--json', 'print the outcome as JSON')
    .option('--no-sync', 'save here only, even when stupidWork.sync.auto is on')
    .addHelpText('after', `\nExamples:\n  $ stupid-work vote 01JD4N8Q\n  $ stupid-work vote 01JD4N8Q --named\n${EXIT_CODES_HELP}`)
    .action((id: string, options: { named?: boolean; json?: boolean; sync: boolean }, command: Command) => runVote(id, options.named ? 'named' : 'anonymous', options, command));
}

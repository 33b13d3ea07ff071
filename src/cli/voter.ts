import type { Voter } from '../core/votes/votes';
import { voterId } from '../core/votes/votes';
import { settingOf, type CliTarget } from './cliTarget';
import { currentPerson } from './identity';
import { VoteTokenFile } from './voteTokenFile';
import { Stop } from './cliErrors';

/** This person as a voter on the target's backlog: their named-vote id and the tokens this machine keeps for them. */
export async function voterOf(target: CliTarget): Promise<{ voter: Voter; tokens: VoteTokenFile }> {
  let tokens: VoteTokenFile;
  try {
    tokens = await VoteTokenFile.open(target.file);
  } catch (error) {
    throw new Stop((error as Error).message);
  }
  return { voter: { id: voterId(await currentPerson(target)), tokens: tokens.tokens }, tokens };
}

/** Votes per person on open, undecided entries (`stupidWork.retro.voteBudget`, 5 by default); undefined when unlimited. */
export function voteBudgetOf(target: CliTarget): number | undefined {
  const value = settingOf(target, 'stupidWork.retro.voteBudget', 5);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * A vote from the terminal, by the editor's rules (`voteIn` in src/ui/votes/voteActions.ts): an
 * anonymous vote's token is on disk in the voter's token file before the backlog is written, so no
 * vote reaches the backlog that its voter could not withdraw; tokens whose votes left are forgotten.
 */
import { castVote, newVoteToken, votesLeft, voteOf, withdrawVote, type VoteChange } from '../core/votes/votes';
import type { Entry } from '../core/model/model';
import { english } from '../core/text/english';
import { updateBacklogFile } from './backlogFile';
import { Stop } from './cliErrors';
import type { CliTarget } from './cliTarget';
import { cliClock } from './clock';
import { entryByRef } from './entryRef';
import { voteBudgetOf, voterOf } from './voter';

/** What the person asked: an anonymous vote, a named one ("+1, I'll help"), or taking theirs back. */
export type VoteIntent = 'anonymous' | 'named' | 'withdraw';

export interface VoteResult {
  outcome: 'cast' | 'withdrawn' | 'unchanged';
  named: boolean;
  entry: Entry;
  /** Votes left under the budget; undefined when unlimited. */
  left?: number;
  /** The token file, and whether this vote created it (the first anonymous vote from here). */
  tokenFile: string;
  firstToken: boolean;
}

/** Applies `intent` on the entry `ref` names, in the file as it is on disk now. Throws `Stop` with the core's words when refused. */
export async function changeVote(target: CliTarget, ref: string, intent: VoteIntent): Promise<VoteResult> {
  const { voter, tokens } = await voterOf(target);
  const budget = voteBudgetOf(target);
  const ballot = { named: intent === 'named', token: newVoteToken() };
  const hadTokens = voter.tokens.size > 0;
  if (intent === 'anonymous') await tokens.add(ballot.token);
  const withToken = () => ({ id: voter.id, tokens: tokens.tokens });
  let change: Extract<VoteChange, { ok: true }> | undefined;
  let entryId = '';
  try {
    await updateBacklogFile(target.file, (current) => {
      entryId = entryByRef(current, ref).id;
      const now = cliClock().now();
      const result = intent === 'withdraw' ? withdrawVote(current, entryId, withToken(), now) : castVote(current, entryId, withToken(), ballot, budget, now);
      if (!result.ok) throw new Stop(english(result.message));
      change = result;
      return result.backlog;
    });
  } finally {
    // A token that did not end up in the file (refused, or a failed write) is not kept.
    if (intent === 'anonymous' && change?.added !== ballot.token) await tokens.remove([ballot.token]);
  }
  const done = change as Extract<VoteChange, { ok: true }>;
  await tokens.remove(done.removed);
  const entry = done.backlog.entries.find((e) => e.id === entryId) as Entry;
  const left = votesLeft(done.backlog, withToken(), budget);
  return { outcome: done.outcome, named: voteOf(entry, withToken()) === 'named', entry, left, tokenFile: tokens.file, firstToken: !hadTokens && intent === 'anonymous' && done.added !== undefined };
}

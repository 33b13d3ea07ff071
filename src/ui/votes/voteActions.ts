import type { Clock } from '../../core/model/calendar';
import type { Backlog, Entry, Person } from '../../core/model/model';
import { castVote, newVoteToken, toggleVote, voteOf, voterId, votesLeft, withdrawVote, type Voter, type VoteChange } from '../../core/votes/votes';
import { BacklogWriteError, type FolderBacklog } from '../../adapters/file/backlogStore';
import { voteBudgetSetting } from '../../adapters/workspace/config';
import { currentAuthor } from '../../adapters/workspace/identity';
import { messageText } from '../shared/messageText';
import type { VoteTokens } from './voteTokens';

/**
 * What a person asked for: a switch ("Me Too" pressed again takes the vote back), an anonymous vote,
 * a named one ("+1, I'll help"), or taking their vote back.
 */
export type VoteIntent = 'toggle' | 'anonymous' | 'named' | 'withdraw';

/** What happened, for the words the caller shows: a vote cast (and how), taken back, or nothing to do. */
export interface VoteOutcome {
  result: 'cast' | 'withdrawn' | 'unchanged';
  /** Whether the voter's vote on the entry is now a named one. */
  named: boolean;
  entry: Entry;
  /** Votes left under the budget after the change; undefined when unlimited. */
  left?: number;
}

export interface VoteOptions {
  me?: Person;
  also?: (b: Backlog) => Backlog;
}

/**
 * Applies `intent` to entry `entryId` in the file as it is on disk now. The token of an anonymous
 * vote is kept in `tokens` before the file is written, so no vote ever reaches the backlog that its
 * voter could not withdraw; tokens whose votes left the file are forgotten after the write.
 * Options: `me`, the voter when the caller already knows them (the board asks git once; else git
 * is asked); `also`, a change made in the same write when the vote changed something.
 * Rejects with a `BacklogWriteError` carrying the core's words when the change is refused.
 */
export async function voteIn(backlog: FolderBacklog, clock: Clock, tokens: VoteTokens, entryId: string, intent: VoteIntent, options: VoteOptions = {}): Promise<VoteOutcome> {
  const person = options.me ?? (await currentAuthor(backlog.folder));
  const voter = (): Voter => ({ id: voterId(person), tokens: tokens.tokens });
  const budget = voteBudgetSetting(backlog.folder);
  const ballot = { named: intent === 'named', token: newVoteToken() };
  if (!ballot.named && intent !== 'withdraw') {
    await tokens.add(ballot.token);
  }
  let change: Extract<VoteChange, { ok: true }> | undefined;
  try {
    await backlog.update((current) => {
      const now = clock.now();
      const result =
        intent === 'withdraw' ? withdrawVote(current, entryId, voter(), now)
        : intent === 'toggle' ? toggleVote(current, entryId, voter(), ballot, budget, now)
        : castVote(current, entryId, voter(), ballot, budget, now);
      if (!result.ok) {
        throw new BacklogWriteError(messageText(result.message));
      }
      change = result;
      return options.also && result.outcome !== 'unchanged' ? options.also(result.backlog) : result.backlog;
    });
  } finally {
    // A token that did not end up in the file (refused, withdrawn instead, or a failed write) is not kept.
    if (change?.added !== ballot.token) {
      await tokens.remove([ballot.token]);
    }
  }
  const done = change as Extract<VoteChange, { ok: true }>;
  await tokens.remove(done.removed);
  const entry = done.backlog.entries.find((e) => e.id === entryId) as Entry;
  const left = votesLeft(done.backlog, voter(), budget);
  return { result: done.outcome, named: voteOf(entry, voter()) === 'named', entry, ...(left === undefined ? {} : { left }) };
}

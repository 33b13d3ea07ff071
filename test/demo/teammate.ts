// The demo's team, through the same core as the extension:
//   node --import tsx test/demo/teammate.ts start-retro <clone>   the lead starts a retro in the working copy (before sharing it)
//   node --import tsx test/demo/teammate.ts arrive <clone>        a teammate adds an entry, votes, comments and syncs
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { syncBacklog } from '../../src/adapters/sync/backlogSync';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { newId } from '../../src/core/model/ids';
import { emptyDraft, type Backlog } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { startRetro } from '../../src/core/retro/retro';
import { NOBODY, castVote, newVoteToken } from '../../src/core/votes/votes';
import { DEFAULT_SYNC_SETTINGS } from '../../src/core/sync/backlogBranch';
import { english } from '../../src/core/text/english';

/** The seed's "Weekly commit report mailed to 42 people", next to the script the demo links it to. */
export const VOTED_ENTRY = '01M6DRJXY0AATNXCZRA7J24NB9';
export const TEAMMATE = { name: 'Sam Teammate', email: 'sam@example.com' };
export const TEAMMATE_ENTRY = 'Expense reports need a printed signature';
export const TEAMMATE_COMMENT = 'Same here: I skim it and delete it every Monday.';

function change(file: string, mutate: (backlog: Backlog) => Backlog): void {
  const parsed = parseBacklog(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse: ${english(parsed.problem.message)}`);
  writeFileSync(file, serializeBacklog(mutate(parsed.backlog)));
}

async function sync(file: string): Promise<void> {
  const outcome = await syncBacklog({ file, ...DEFAULT_SYNC_SETTINGS, interactive: false });
  if (!outcome.ok) throw new Error(`the teammate's sync stopped: ${english(outcome.message)}`);
}

async function main(command: string | undefined, clone: string | undefined): Promise<void> {
  if (!clone) throw new Error('usage: teammate.ts start-retro|arrive <clone>');
  const file = path.join(clone, 'stupid-work.json');
  if (command === 'start-retro') {
    change(file, (backlog) => {
      const started = startRetro(backlog, 'Demo Lead', { now: () => new Date(), utcOffsetMinutes: () => 0 });
      if (!started.ok) throw new Error(english(started.message));
      return started.backlog;
    });
    return;
  }
  if (command !== 'arrive') throw new Error(`unknown command ${command}`);
  await sync(file);
  const now = new Date();
  change(file, (backlog) => {
    const entry = createEntry({ ...emptyDraft(), title: TEAMMATE_ENTRY, kind: 'autopilot-policy', smart: { ...emptyDraft().smart, speakUp: 'Finance scans them back in anyway.' } }, TEAMMATE, now);
    // The teammate votes as anyone does by default: anonymously.
    const voted = castVote(upsertEntry(backlog, entry), VOTED_ENTRY, NOBODY, { named: false, token: newVoteToken() }, undefined, now);
    if (!voted.ok) throw new Error(english(voted.message));
    const comment = { id: newId(now.getTime()), author: TEAMMATE, created: now.toISOString(), text: TEAMMATE_COMMENT };
    return { ...voted.backlog, entries: voted.backlog.entries.map((e) => (e.id === VOTED_ENTRY ? { ...e, comments: [...e.comments, comment] } : e)) };
  });
  await sync(file);
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(`teammate: ${(error as Error).message}`);
  process.exitCode = 1;
});

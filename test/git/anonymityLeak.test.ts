import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { idTimeFor, timeFor } from '../../src/core/model/anonymity';
import { archiveEntry, createEntry, draftFromEntry, findEntry, restoreEntry, updateEntry, upsertEntry } from '../../src/core/model/entries';
import { newId } from '../../src/core/model/ids';
import { emptyDraft, type Backlog, type Entry, type Person } from '../../src/core/model/model';
import { decide, mergeDuplicate, moveToList, restore, setFollowUp, startRetro, type Change } from '../../src/core/retro/retro';
import { anonymousVote, clockAt, finerThanDay, namedToggle } from '../unit/fixtures';
import { createTeam, editBacklog, readBacklog, seedCode, syncMateOk, type Team, type Teammate } from './teamRepos';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The entry carries no time finer than a day. The ids it points at (its decision's retro, the entry it was merged into) are other records', not its own. */
function ownFineTimes(e: Entry): string[] {
  return finerThanDay({ ...e, duplicateOf: undefined, decision: e.decision && { ...e.decision, retro: undefined } });
}

function ok(change: Change): Backlog {
  if (!change.ok) throw new Error(`refused: ${JSON.stringify(change.message)}`);
  return change.backlog;
}

/**
 * An anonymous entry goes through every kind of change the extension makes, by its author and by a
 * teammate, concurrently, and is shared through the backlog branch. Then nothing on the remote, in any
 * version of the file or any commit object, may name its author, carry the machine's name, or date
 * anything of the entry finer than its day.
 */
describe('anonymity leaks through the backlog branch', function () {
  this.timeout(120000);
  // Names that appear nowhere else by chance (ids are upper case, and the search is case-sensitive).
  const AUTHOR = 'adaquill';
  const LEAD = 'benlead';
  const author: Person = { name: AUTHOR, email: `${AUTHOR}@example.com` };
  let team: Team;
  let ada: Teammate;
  let ben: Teammate;
  // Minutes apart, at times of day that would show if any of them were written down.
  let at = Date.parse('2026-11-22T15:47:12.345Z');
  const tick = (): Date => new Date((at += 7 * 60_000 + 1234));

  before(async () => {
    team = await createTeam([AUTHOR, LEAD]);
    [ada, ben] = team.clones;
    await seedCode(team);
  });

  after(async () => {
    await team?.cleanup();
  });

  it('keeps the name, the email, the machine and the time of day out of the file and the commits', async () => {
    // The author flags it, and a second time (a duplicate), both anonymously, with their git identity at hand.
    const entry = createEntry({ ...emptyDraft(true), title: 'Weekly status deck nobody opens' }, author, tick());
    const duplicate = createEntry({ ...emptyDraft(true), title: 'Status deck again' }, author, tick());
    const id = entry.id;
    const current = (b: Backlog): Entry => findEntry(b, id) as Entry;
    /** A change as the extension makes it, checked in the working copy before any sync could tidy it up. */
    const change = async (mate: Teammate, mutate: (b: Backlog) => Backlog): Promise<void> => {
      await editBacklog(mate, mutate);
      const file = await readBacklog(mate);
      for (const e of [current(file), findEntry(file, duplicate.id) as Entry]) {
        assert.deepEqual(ownFineTimes(e), [], `${mate.name}'s working copy dates ${e.id} finer than a day`);
        assert.equal(e.author, undefined);
      }
    };
    await change(ada, (b) => upsertEntry(upsertEntry(b, entry), duplicate));
    await syncMateOk(ada);
    await syncMateOk(ben);

    // Concurrently: the author edits the title, the lead votes, retitles and moves it.
    await change(ada, (b) => upsertEntry(b, updateEntry(current(b), { ...draftFromEntry(current(b)), title: 'Weekly status deck: 40 minutes, no readers' }, tick())));
    await change(ben, (b) => ok(namedToggle(b, id, `${LEAD}@example.com`, undefined, tick())));
    await change(ada, (b) => ok(anonymousVote(b, id, tick())));
    await change(ben, (b) => upsertEntry(b, updateEntry(current(b), { ...draftFromEntry(current(b)), title: 'Status deck (retitled by the lead)' }, tick())));
    await change(ben, (b) => ok(moveToList(b, id, 'now', tick())));
    await syncMateOk(ada);
    await syncMateOk(ben);
    await syncMateOk(ada);

    // A retro: the lead decides it and follows up, and merges the duplicate into it; the author comments anonymously.
    const clock = clockAt(tick());
    await change(ben, (b) => ok(startRetro(b, LEAD, clock)));
    await change(ben, (b) => ok(decide(b, id, { outcome: 'automate', rationale: 'A dashboard', owner: LEAD, due: '2026-12-15' }, tick())));
    await syncMateOk(ben);
    await change(ben, (b) => ok(setFollowUp(b, id, 'in-progress', tick())));
    await syncMateOk(ben);
    await change(ben, (b) => ok(mergeDuplicate(b, id, duplicate.id, tick())));
    const now = tick();
    const comment = { id: newId(idTimeFor({}, now)), created: timeFor({}, now), text: 'It takes me an hour every Friday.' };
    await change(ada, (b) => upsertEntry(b, { ...current(b), comments: [...current(b).comments, comment] }));
    await syncMateOk(ben);
    await syncMateOk(ada);
    await change(ben, (b) => ok(setFollowUp(b, id, 'done', tick())));
    await syncMateOk(ben);
    // Recorded as done at once, as a retro may: a decision and its completion in one change.
    await change(ben, (b) => ok(decide(b, id, { outcome: 'automate', rationale: 'A dashboard, live', owner: LEAD, followUp: 'done' }, tick())));
    await syncMateOk(ben);
    await syncMateOk(ada);

    // The author archives it and takes it back at once (Undo), archives it again, and the lead restores it.
    await change(ada, (b) => {
      const before = current(b).status;
      const archived = upsertEntry(b, archiveEntry(current(b), tick()));
      return before === 'archived' ? archived : upsertEntry(archived, restoreEntry(current(archived), tick(), before));
    });
    await syncMateOk(ada);
    await change(ada, (b) => upsertEntry(b, archiveEntry(current(b), tick())));
    await syncMateOk(ada);
    await syncMateOk(ben);
    await change(ben, (b) => ok(restore(b, id, tick())));
    await syncMateOk(ben);
    await syncMateOk(ada);

    // It went through all of that, and is still the author's anonymous entry.
    const final = current(await readBacklog(ada));
    assert.equal(final.author, undefined);
    assert.equal(final.status, 'done');
    assert.ok(final.votes.length === 2 && final.comments.length === 1 && final.decision?.completed, 'every change arrived');
    assert.ok((final.history ?? []).length > 0, 'the concurrent titles left history');

    const secrets = [AUTHOR, author.email as string, hostname()];
    const commits = git(team.remote, 'rev-list', 'stupid-work').trim().split('\n');
    assert.ok(commits.length >= 6, `one commit per sync that changed something (${commits.length})`);
    for (const commit of commits) {
      const object = git(team.remote, 'cat-file', '-p', commit);
      for (const secret of secrets) assert.ok(!object.includes(secret), `commit ${commit} names ${secret}:\n${object}`);
      for (const line of object.split('\n').filter((l) => /^(author|committer) /.test(l))) {
        const [, seconds, zone] = /(\d+) ([+-]\d{4})$/.exec(line) ?? [];
        assert.ok(Number(seconds) % 86_400 === 0 && zone === '+0000', `commit ${commit} is dated finer than a UTC day: ${line}`);
      }
      const text = git(team.remote, 'show', `${commit}:stupid-work.json`);
      for (const secret of secrets) assert.ok(!text.includes(secret), `the file in ${commit} names ${secret}`);
      const version = (JSON.parse(text) as Backlog).entries.filter((e) => e.id === id || e.id === duplicate.id);
      for (const e of version) assert.deepEqual(ownFineTimes(e), [], `the file in ${commit} dates ${e.id} finer than a day`);
    }
  });
});

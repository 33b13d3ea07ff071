import { english } from '../../src/core/text/english';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { syncBacklog, type BacklogSyncOptions, type BacklogSyncOutcome } from '../../src/adapters/sync/backlogSync';
import { DEFAULT_SYNC_SETTINGS } from '../../src/core/sync/backlogBranch';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyBacklog, emptyDraft, type Backlog, type Entry } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';

export interface Teammate {
  name: string;
  dir: string;
  git: SimpleGit;
}

export interface Team {
  root: string;
  remote: string;
  clones: Teammate[];
  cleanup(): Promise<void>;
}

/** A bare "remote" and one clone per teammate, each with its own identity, in a temp folder. */
export async function createTeam(names: string[]): Promise<Team> {
  const root = await mkdtemp(path.join(tmpdir(), 'stupid-work-git-'));
  const remote = path.join(root, 'remote.git');
  await simpleGit().init(['--bare', '--initial-branch=main', remote]);
  const clones: Teammate[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    await simpleGit().clone(remote, dir);
    const git = simpleGit(dir);
    await git.addConfig('user.name', name);
    await git.addConfig('user.email', `${name}@example.com`);
    await git.raw(['checkout', '-B', 'main']);
    clones.push({ name, dir, git });
  }
  return { root, remote, clones, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export const BACKLOG_FILE = 'stupid-work.json';

export function backlogPath(mate: Teammate): string {
  return path.join(mate.dir, BACKLOG_FILE);
}

/** Reads a teammate's backlog as the extension would, failing the test if it does not parse. */
export async function readBacklog(mate: Teammate): Promise<Backlog> {
  const text = await readFile(backlogPath(mate), 'utf8').catch(() => undefined);
  if (text === undefined) {
    return emptyBacklog();
  }
  const parsed = parseBacklog(text);
  if (!parsed.ok) {
    throw new Error(`${mate.name}'s backlog does not parse: ${english(parsed.problem.message)}`);
  }
  return parsed.backlog;
}

/** Changes a teammate's backlog file on disk, through the same core the extension uses. */
export async function editBacklog(mate: Teammate, mutate: (backlog: Backlog) => Backlog): Promise<void> {
  await writeFile(backlogPath(mate), serializeBacklog(mutate(await readBacklog(mate))));
}

export async function addEntry(mate: Teammate, title: string, now = new Date()): Promise<Entry> {
  const entry = createEntry({ ...emptyDraft(), title }, { name: mate.name }, now);
  await editBacklog(mate, (backlog) => upsertEntry(backlog, entry));
  return entry;
}

/** The first teammate commits a seeded backlog and pushes; the others pull it and track the remote branch. */
export async function seedTeam(team: Team, files: Record<string, string> = {}): Promise<void> {
  const [first, ...others] = team.clones;
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(first.dir, name), content);
  }
  await addEntry(first, 'Seed entry');
  await first.git.add('.');
  await first.git.commit('Start');
  await first.git.push(['-u', 'origin', 'main']);
  for (const mate of others) {
    await mate.git.pull('origin', 'main');
    await mate.git.branch(['--set-upstream-to=origin/main', 'main']);
  }
}

/**
 * The first teammate pushes the team's code (a README) to main and the others pull it. No backlog file
 * is committed: it lives on its own branch, and each clone's working copy stays out of git status.
 */
export async function seedCode(team: Team): Promise<void> {
  const [first, ...others] = team.clones;
  await writeFile(path.join(first.dir, 'README.md'), 'Invoice service\n');
  await first.git.add('README.md');
  await first.git.commit('Start');
  await first.git.push(['-u', 'origin', 'main']);
  for (const mate of others) {
    await mate.git.pull('origin', 'main');
    await mate.git.branch(['--set-upstream-to=origin/main', 'main']);
  }
}

/** Syncs a teammate's working copy through the backlog branch as the extension does, agreeing to create the branch. */
export function syncMate(mate: Teammate, options: Partial<BacklogSyncOptions> = {}): Promise<BacklogSyncOutcome> {
  return syncBacklog({ file: backlogPath(mate), ...DEFAULT_SYNC_SETTINGS, interactive: false, confirmCreate: () => Promise.resolve(true), ...options });
}

/** Like syncMate, failing the test when the sync stops. */
export async function syncMateOk(mate: Teammate, options: Partial<BacklogSyncOptions> = {}): Promise<Extract<BacklogSyncOutcome, { ok: true }>> {
  const outcome = await syncMate(mate, options);
  if (!outcome.ok) throw new Error(`${mate.name}'s sync stopped (${outcome.reason}): ${english(outcome.message)}`);
  return outcome;
}

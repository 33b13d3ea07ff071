import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

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

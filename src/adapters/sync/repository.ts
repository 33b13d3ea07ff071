import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DEFAULT_REMOTE, isValidRemoteName } from '../../core/sync/backlogBranch';
import { GitRunner, gitOutput, isGitMissing } from './gitRunner';
import { gitMissingStop, SyncStop } from './syncStop';

/** The repository a working copy lives in, as a sync needs to see it. */
export interface BacklogRepository {
  /** Runs local plumbing in the working tree's top level. */
  git: GitRunner;
  /** The working tree's top level, absolute. */
  top: string;
  /** This worktree's own git directory, absolute (`.git`, or `.git/worktrees/<name>` in a linked worktree). */
  gitDir: string;
  /** `info/exclude`, in the common git directory that linked worktrees share. */
  excludeFile: string;
  /** The working copy, relative to `top`, with `/`. */
  relativePath: string;
  /** Remote names and their fetch URLs, from the repository's config. */
  remotes: Map<string, string>;
}

/** Repositories already found, by working copy, with what must not have changed since: the common config, the git dir. */
const known = new Map<string, { repo: BacklogRepository; stamp: string }>();

/** The repository's config file (where remotes live) and git dir as they are now; undefined once either is gone. */
async function stampOf(repo: BacklogRepository): Promise<string | undefined> {
  try {
    const [config, gitDir] = await Promise.all([stat(path.join(path.dirname(path.dirname(repo.excludeFile)), 'config')), stat(repo.gitDir)]);
    return `${config.mtimeMs}:${config.size}:${config.ino}:${gitDir.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Finds the repository around `file` with one `rev-parse` and one `config` call. A repository found
 * before is reused while its config file and git dir are unchanged, so the syncs of a live retro skip
 * both calls. Stops with `no-git` when git cannot be started and `not-a-repo` outside a repository.
 */
export async function openRepository(file: string): Promise<BacklogRepository> {
  const cached = known.get(file);
  if (cached && (await stampOf(cached.repo)) === cached.stamp) return cached.repo;
  const repo = await discoverRepository(file);
  const stamp = await stampOf(repo);
  if (stamp !== undefined) known.set(file, { repo, stamp });
  return repo;
}

async function discoverRepository(file: string): Promise<BacklogRepository> {
  const folder = path.dirname(file);
  const probe = new GitRunner({ cwd: folder, interactive: false });
  // Both only read, so they run side by side: each git call is a process start.
  const [located, config] = await Promise.allSettled([
    probe.run(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-path', 'info/exclude']),
    probe.run(['config', '--get-regexp', '^remote\\..*\\.url$']),
  ]);
  if (located.status === 'rejected') {
    const error: unknown = located.reason;
    if (isGitMissing(error)) throw gitMissingStop();
    if (/not a git repository/i.test(gitOutput(error))) {
      throw new SyncStop('not-a-repo', { code: 'sync.notARepo', folder });
    }
    throw new SyncStop('failed', { code: 'sync.repoUnreadable', folder, detail: lastLine(gitOutput(error)) });
  }
  const [top, gitDir, exclude] = located.value.split('\n');
  // git reports the top level with symlinks resolved; a folder opened through a symlink must be resolved too.
  const realFolder = await realpath(folder).catch(() => folder);
  const git = new GitRunner({ cwd: top, interactive: false });
  const remotes = new Map<string, string>();
  for (const line of (config.status === 'fulfilled' ? config.value : '').split('\n')) {
    const match = /^remote\.(.+)\.url (.*)$/.exec(line);
    if (match) remotes.set(match[1], match[2]);
  }
  return {
    git,
    top,
    gitDir,
    excludeFile: path.resolve(folder, exclude),
    relativePath: path.relative(top, path.join(realFolder, path.basename(file))).split(path.sep).join('/'),
    remotes,
  };
}

/**
 * The remote to share through: the one named in settings, else the only remote, else `origin`.
 * Stops with `no-remote` when there is none to use.
 */
export function chooseRemote(repo: BacklogRepository, setting: string | undefined, branch: string): { name: string; url: string } {
  const named = setting?.trim();
  if (named) {
    const url = repo.remotes.get(named);
    if (!isValidRemoteName(named) || url === undefined) {
      const known = [...repo.remotes.keys()];
      throw new SyncStop(
        'no-remote',
        { code: 'sync.unknownRemote', remote: named, known },
        { branch },
      );
    }
    return { name: named, url };
  }
  if (repo.remotes.size === 0) {
    throw new SyncStop('no-remote', { code: 'sync.noRemote', branch }, { branch });
  }
  if (repo.remotes.size === 1) {
    const [[name, url]] = [...repo.remotes];
    return { name, url };
  }
  const url = repo.remotes.get(DEFAULT_REMOTE);
  if (url === undefined) {
    throw new SyncStop(
      'no-remote',
      { code: 'sync.whichRemote', remotes: [...repo.remotes.keys()], fallback: DEFAULT_REMOTE },
      { branch },
    );
  }
  return { name: DEFAULT_REMOTE, url };
}

/**
 * Whether a remote URL reaches its server over ssh (git-clone(1), GIT URLS): `ssh://…`, or the scp-like
 * `[user@]host:path`, which git recognises only when no slash comes before the first colon.
 */
export function isSshUrl(url: string): boolean {
  if (/^(git\+)?ssh(\+git)?:\/\//i.test(url)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return false;
  if (/^[A-Za-z]:[\\/]/.test(url) || url.startsWith('/') || url.startsWith('.')) return false;
  return /^[^/]+:/.test(url);
}

/**
 * A path as a pattern that matches only itself, rooted at the top level, in gitignore(5) syntax:
 * a backslash escapes glob characters, backslashes and trailing spaces.
 */
export function gitignoreLiteral(relativePath: string): string {
  const escaped = relativePath.replace(/[\\*?[\]]/g, (c) => `\\${c}`).replace(/ +$/, (spaces) => spaces.replace(/ /g, '\\ '));
  return `/${escaped}`;
}

const EXCLUDE_HEADER = '# Stupid Work: the backlog\'s working copy, shared through its own branch, not through commits here';

/**
 * Keeps the working copy (and the temporary files of its atomic writes) out of `git status` through
 * `info/exclude` in the common git directory, which needs no commit and covers linked worktrees.
 * Returns whether the file was changed. git reads the patterns, so each is escaped for gitignore(5).
 */
export async function excludeWorkingCopy(repo: BacklogRepository): Promise<boolean> {
  const dir = path.posix.dirname(repo.relativePath);
  const base = path.posix.basename(repo.relativePath);
  const temp = `${gitignoreLiteral(dir === '.' ? `.${base}` : `${dir}/.${base}`)}.*.tmp`;
  const wanted = [gitignoreLiteral(repo.relativePath), temp];
  const existing = await readFile(repo.excludeFile, 'utf8').catch(() => '');
  const lines = new Set(existing.split(/\r?\n/));
  const missing = wanted.filter((line) => !lines.has(line));
  if (missing.length === 0) return false;
  const header = lines.has(EXCLUDE_HEADER) ? [] : [EXCLUDE_HEADER];
  await mkdir(path.dirname(repo.excludeFile), { recursive: true });
  await writeFile(repo.excludeFile, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${[...header, ...missing].join('\n')}\n`);
  return true;
}

/** Unstages the working copy from the code branch (`git rm --cached`); the person commits the removal. */
export async function untrackFromCodeBranch(repo: BacklogRepository): Promise<void> {
  await repo.git.run(['rm', '--cached', '--quiet', '--', `:(top,literal)${repo.relativePath}`]);
}

export function lastLine(text: string): string {
  return text.trim().split('\n').filter((line) => line.trim() !== '').at(-1)?.replace(/^(fatal|error):\s*/, '') ?? '';
}

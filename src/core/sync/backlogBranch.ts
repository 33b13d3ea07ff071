/**
 * The backlog branch: an orphan branch of the team's remote that holds only the backlog file(s) and a
 * README, the way `gh-pages` holds a site. Names, private refs and the files a new branch starts with.
 * Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { coarseTime } from '../model/anonymity';

export const DEFAULT_BRANCH = 'stupid-work';
export const DEFAULT_REMOTE = 'origin';

/** Who commits to the backlog branch: a neutral identity, or the person's own git identity. */
export type CommitAs = 'neutral' | 'me';

/** What a sync needs to know besides the file; read from settings (`stupidWork.sync.*`) or CLI flags. */
export interface SyncSettings {
  /** The backlog branch on the remote, without `refs/heads/`. */
  branch: string;
  /** A remote name; undefined picks the repository's only remote, else `origin`. */
  remote?: string;
  commitAs: CommitAs;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { branch: DEFAULT_BRANCH, commitAs: 'neutral' };

/** Author and committer of backlog commits by default: names nobody. `.invalid` is reserved by RFC 2606. */
export const NEUTRAL_IDENTITY = { name: 'Stupid Work', email: 'backlog@stupid-work.invalid' } as const;

/**
 * Author and committer of a backlog commit under the neutral identity, as git-fast-import(1) reads
 * them (`Name <email> <seconds since the epoch> <+hhmm>`): the neutral name and email, dated at the
 * start of the UTC day of `now`, in UTC. A commit may carry an anonymous change, and a date to the
 * second (with the committer's time zone) would say when it was made, and so hint at who made it; the
 * anonymous entry itself carries only the day (anonymity.ts). The hosting site's push records still
 * show who pushed, and when: that is said where anonymity is offered.
 */
export function neutralIdent(now: Date): string {
  return `${NEUTRAL_IDENTITY.name} <${NEUTRAL_IDENTITY.email}> ${Date.parse(coarseTime(now)) / 1000} +0000`;
}

/**
 * Where a clone keeps the remote branch's tip: outside `refs/remotes/`, so the user's refspecs and
 * `fetch --prune` never touch it. Shared by linked worktrees, like every ref outside `refs/worktree/`.
 */
export function trackingRef(remote: string, branch: string): string {
  return `refs/stupid-work/remotes/${remote}/${branch}`;
}

/**
 * The merge base of the next sync: the commit last synced into this working copy. Per worktree
 * (`refs/worktree/`, git-worktree(1)), because each worktree has its own working copy, and per file,
 * because folders of one repository sync their files separately.
 */
export function baseRef(remote: string, branch: string, relativePath: string): string {
  const key = createHash('sha1').update(relativePath).digest('hex').slice(0, 16);
  return `refs/worktree/stupid-work/base/${remote}/${branch}/${key}`;
}

/** Where a commit waits between being built and being pushed: git-fast-import(1) must name a ref. Per worktree and file, like the base. */
export function scratchRef(remote: string, branch: string, relativePath: string): string {
  return baseRef(remote, branch, relativePath).replace('/base/', '/pending/');
}

/**
 * Whether `name` can be a branch name: the rules of git-check-ref-format(1), checked here so a bad
 * setting gets a clear message before any git command runs.
 */
export function isValidBranchName(name: string): boolean {
  if (name === '' || name === '@' || name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return false;
  if ([...name].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f) || /[~^:?*[\\]|\.\.|\/\/|@\{/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

/** A remote name as git-remote(1) accepts it; the same character rules as a branch, in one component. */
export function isValidRemoteName(name: string): boolean {
  return isValidBranchName(name) && !name.includes('/');
}

/** The README at the branch's root, for someone who finds the branch on the hosting site. */
export function branchReadme(branch: string): string {
  return [
    '# Stupid Work backlog',
    '',
    `This branch (\`${branch}\`) holds the team's Stupid Work backlog: work the team suspects is pointless, with`,
    'the decisions taken about it. It has no code and no history in common with the other branches.',
    '',
    'The Stupid Work extension for VS Code and its `stupid-work` command line write it: each sync merges',
    "everyone's changes entry by entry and adds one commit. Edit the backlog through them, or edit the JSON",
    'file in your working copy and sync. Do not commit here by hand, and do not check this branch out in your',
    'code working tree: it would replace your files with the backlog.',
    '',
  ].join('\n');
}

/**
 * Files a new backlog branch starts with besides the README, so hosts that act on every pushed branch
 * leave it alone: Vercel's `git.deploymentEnabled`, and a GitLab CI file whose workflow never runs (without
 * one, Auto DevOps would build the branch). GitHub Actions runs only workflows the pushed commit holds.
 */
export function branchHostFiles(): Record<string, string> {
  return {
    'vercel.json': `${JSON.stringify({ git: { deploymentEnabled: false } }, null, 2)}\n`,
    '.gitlab-ci.yml': '# The backlog branch holds data only: no pipeline runs for it.\nworkflow:\n  rules:\n    - when: never\n',
  };
}

/** How many entries one version adds, changes and removes relative to another. */
export interface ChangeCount {
  added: number;
  changed: number;
  removed: number;
}

/** One commit's message: what changed, in counts, never in titles or names. */
export function commitMessage(relativePath: string, changes: ChangeCount | undefined): string {
  if (!changes) return `Start the backlog: ${relativePath}`;
  const parts = [
    changes.added > 0 ? `${changes.added} added` : '',
    changes.changed > 0 ? `${changes.changed} changed` : '',
    changes.removed > 0 ? `${changes.removed} removed` : '',
  ].filter(Boolean);
  return `Update ${relativePath}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

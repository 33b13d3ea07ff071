import { execFile } from 'node:child_process';
import type { MergeDriverMessage } from '../../core/text/messages';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { attributePattern } from '../../core/mergeDriver/gitattributes';
import { writeFileAtomic } from '../file/atomicWrite';
import { driverCommand, registeredDriver, SELF_TEST, type DriverProgram, type RegisteredDriver } from './mergeDriverCommand';

export const DRIVER_NAME = 'stupid-work';

const DRIVER_KEY = `merge.${DRIVER_NAME}.driver`;

/** Thrown when the driver cannot be installed; `text` says why, for people; the Error's own message is its code. */
export class MergeDriverError extends Error {
  constructor(readonly text: MergeDriverMessage) {
    super(text.code);
  }
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, timeout: 30000, maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error((stderr || error.message).trim())) : resolve(stdout),
    );
  });
}

function git(cwd: string, args: string[]): Promise<string> {
  return run('git', args, { cwd });
}

/** Where a file sits for git: the repository root, the common git directory shared by all worktrees, and the path from the root. */
async function locate(file: string): Promise<{ root: string; commonDir: string; relative: string }> {
  const dir = path.dirname(file);
  // --show-prefix is the folder's path as git sees it, so a symbolic link above the file cannot skew it.
  const [root, commonDir, prefix] = (await git(dir, ['rev-parse', '--show-toplevel', '--git-common-dir', '--show-prefix'])).split('\n');
  return { root, commonDir: path.resolve(dir, commonDir), relative: `${prefix}${path.basename(file)}` };
}

export interface DriverSetup {
  /** Absolute path of the backlog file. */
  file: string;
  /** The built driver program that ships with the extension. */
  driverScript: string;
  /** A JavaScript runtime; in VS Code that is its own executable, run as Node. */
  runtime: string;
}

export interface DriverInstall {
  root: string;
  /** The copy of the program that git runs. */
  program: string;
  attributesChanged: boolean;
}

/**
 * Registers the merge driver in the repository's local config and `.gitattributes`, and says it
 * worked only once both are proven: the runtime runs the program, and `git check-attr` gives the
 * file the driver. The program is copied into the common git directory, which every worktree shares
 * and none removes, so the registration outlives the worktree it was made from and extension updates;
 * it runs with VS Code's own runtime because `node` may not be on the PATH.
 * Throws MergeDriverError (or git's own error) with a message for people.
 */
export async function installMergeDriver({ file, driverScript, runtime }: DriverSetup): Promise<DriverInstall> {
  const { root, commonDir, relative } = await locate(file);
  const program = path.join(commonDir, DRIVER_NAME, 'merge-driver.js');
  await mkdir(path.dirname(program), { recursive: true });
  await copyFile(driverScript, program);
  await selfTest({ runtime, program });
  await git(root, ['config', '--local', `merge.${DRIVER_NAME}.name`, 'Stupid Work backlog: semantic merge by entry']);
  await git(root, ['config', '--local', DRIVER_KEY, driverCommand({ runtime, program })]);
  const attributesChanged = await addAttributeRule(root, relative);
  await confirmAttribute(root, relative);
  return { root, program, attributesChanged };
}

async function selfTest({ runtime, program }: DriverProgram): Promise<void> {
  try {
    await run(runtime, [program, SELF_TEST], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  } catch (error) {
    throw new MergeDriverError({ code: 'mergeDriver.cannotRun', runtime, detail: (error as Error).message });
  }
}

/**
 * Adds `<pattern> merge=stupid-work` to the root `.gitattributes`, in the file's own line endings.
 * A line an earlier version wrote without escaping the path is replaced, since git misreads it.
 */
async function addAttributeRule(root: string, relative: string): Promise<boolean> {
  const file = path.join(root, '.gitattributes');
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const line = `${attributePattern(relative)} merge=${DRIVER_NAME}`;
  const unescaped = `/${relative} merge=${DRIVER_NAME}`;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lines = existing.split(/\r?\n/);
  if (lines.includes(line)) {
    return false;
  }
  const earlier = unescaped === line ? -1 : lines.indexOf(unescaped);
  if (earlier >= 0) {
    lines[earlier] = line;
    await writeFileAtomic(file, lines.join(eol));
  } else {
    await writeFileAtomic(file, `${existing}${existing && !existing.endsWith('\n') ? eol : ''}${line}${eol}`);
  }
  return true;
}

/** Asks git which merge attribute the file gets, as git itself will read the rules. */
async function confirmAttribute(root: string, relative: string): Promise<void> {
  const [, , value] = (await git(root, ['check-attr', '-z', 'merge', '--', relative])).split('\0');
  if (value !== DRIVER_NAME) {
    throw new MergeDriverError({ code: 'mergeDriver.overridden', relative, value, driver: DRIVER_NAME });
  }
}

/** Why a registered driver cannot be trusted to run at the next merge, worst first. */
export type DriverProblem =
  /** The runtime is gone, for example after the editor was updated or moved. */
  | { kind: 'missing-runtime'; path: string }
  /** The program is gone, for example with the linked worktree it was installed from. */
  | { kind: 'missing-program'; path: string }
  /** The program sits in a linked worktree's own git directory, which goes when that worktree is removed. */
  | { kind: 'worktree-program'; path: string }
  /** An earlier version's registration: should it ever fail to start, git would keep only our side. */
  | { kind: 'unguarded' };

/** What a repository's registered driver looks like: `problem` is undefined when it will run. */
export interface DriverHealth {
  root: string;
  registered: RegisteredDriver;
  problem?: DriverProblem;
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * Checks the driver this extension registered for the repository that holds `file`, as git would find
 * it when merging. Undefined when there is no repository, no driver, or a driver someone else wrote
 * (that one is theirs to keep). Runs git: callers check workspace trust.
 */
export async function inspectMergeDriver(file: string): Promise<DriverHealth | undefined> {
  let located: { root: string; commonDir: string };
  let command: string;
  try {
    located = await locate(file);
    command = (await git(located.root, ['config', '--get', DRIVER_KEY])).trim();
  } catch {
    return undefined;
  }
  const registered = registeredDriver(command);
  if (!registered) {
    return undefined;
  }
  const { root, commonDir } = located;
  const health: DriverHealth = { root, registered };
  const inWorktree = path.relative(path.join(commonDir, 'worktrees'), registered.program);
  if (!(await isExecutable(registered.runtime))) {
    health.problem = { kind: 'missing-runtime', path: registered.runtime };
  } else if (!(await isFile(registered.program))) {
    health.problem = { kind: 'missing-program', path: registered.program };
  } else if (!inWorktree.startsWith('..') && !path.isAbsolute(inWorktree)) {
    health.problem = { kind: 'worktree-program', path: registered.program };
  } else if (!registered.guarded) {
    health.problem = { kind: 'unguarded' };
  }
  return health;
}

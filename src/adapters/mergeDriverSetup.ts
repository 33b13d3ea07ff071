import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export const DRIVER_NAME = 'stupid-work';

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, timeout: 30000 }, (error, stdout, stderr) => (error ? reject(new Error((stderr || error.message).trim())) : resolve(stdout)));
  });
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface DriverSetup {
  /** Absolute path of the backlog file. */
  file: string;
  /** The built driver program that ships with the extension. */
  driverScript: string;
  /** A JavaScript runtime; in VS Code that is its own executable, run as Node. */
  runtime: string;
}

/**
 * Registers the merge driver in the repository's local config and `.gitattributes`. The program is
 * copied into the repository's git directory, so the registration keeps working after the extension
 * updates and moves; it runs with VS Code's own runtime because `node` may not be on the PATH.
 */
export async function installMergeDriver({ file, driverScript, runtime }: DriverSetup): Promise<{ root: string; attributesChanged: boolean }> {
  const cwd = path.dirname(file);
  const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  const gitDir = (await git(cwd, ['rev-parse', '--absolute-git-dir'])).trim();
  const installed = path.join(gitDir, 'stupid-work', 'merge-driver.js');
  await mkdir(path.dirname(installed), { recursive: true });
  await copyFile(driverScript, installed);
  const command = `ELECTRON_RUN_AS_NODE=1 ${quote(runtime)} ${quote(installed)} %O %A %B`;
  await git(root, ['config', '--local', `merge.${DRIVER_NAME}.name`, 'Stupid Work backlog: semantic merge by entry']);
  await git(root, ['config', '--local', `merge.${DRIVER_NAME}.driver`, command]);
  const relative = path.relative(root, file).split(path.sep).join('/');
  const attributes = path.join(root, '.gitattributes');
  const existing = await readFile(attributes, 'utf8').catch(() => '');
  const line = `/${relative} merge=${DRIVER_NAME}`;
  if (existing.split(/\r?\n/).includes(line)) {
    return { root, attributesChanged: false };
  }
  await writeFile(attributes, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${line}\n`);
  return { root, attributesChanged: true };
}

// Shared by the extension-host suites; not a suite itself, so suites.ts does not list it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StupidWorkApi } from '../../src/extension';

export const EXTENSION_ID = 'stupid-work.stupid-work';

/** The extension's API; activating an active extension only hands it back. */
export async function api(): Promise<StupidWorkApi> {
  const extension = vscode.extensions.getExtension<StupidWorkApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

export function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `workspace folder ${name} is open`);
  return found;
}

/** Polls until `probe` gives a value; `undefined` and `false` both mean not yet, since the host updates views and files asynchronously. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Runs `body` in workspace folder `folderName` as `author` (the `stupidWork.authorName` setting), with
 * its backlog file's path; afterwards the setting and the file are as they were (no file: none).
 */
export async function asAuthorIn(folderName: string, author: string, body: (file: string) => Promise<void>): Promise<void> {
  const where = folder(folderName);
  const settings = vscode.workspace.getConfiguration('stupidWork', where.uri);
  const file = path.join(where.uri.fsPath, 'stupid-work.json');
  const original = await readFile(file, 'utf8').catch(() => undefined);
  await settings.update('authorName', author, vscode.ConfigurationTarget.WorkspaceFolder);
  try {
    await body(file);
  } finally {
    await settings.update('authorName', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    if (original === undefined) {
      await rm(file, { force: true });
    } else {
      await writeFile(file, original);
    }
  }
}

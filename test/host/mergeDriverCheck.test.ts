import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { shellQuote } from '../../src/adapters/mergeDriver/mergeDriverCommand';
import { EXTENSION_ID, api, folder, git, waitFor } from './hostHelpers';

/** Adds a folder at the end of the multi-root workspace (which keeps the extension host running) and waits for it. */
async function addFolder(dir: string, name: string): Promise<void> {
  const added = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      listener.dispose();
      resolve();
    });
  });
  assert.ok(vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: vscode.Uri.file(dir), name }));
  await added;
}

async function removeFolder(name: string): Promise<void> {
  const index = vscode.workspace.workspaceFolders?.findIndex((f) => f.name === name) ?? -1;
  if (index < 0) return;
  const removed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      listener.dispose();
      resolve();
    });
  });
  vscode.workspace.updateWorkspaceFolders(index, 1);
  await removed;
}

describe('The merge driver check in a real extension host', function () {
  this.timeout(90000);
  let scratch: string | undefined;

  after(async () => {
    await removeFolder('gamma');
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('notices a registered driver whose program went with its worktree, and re-registers it so git merges again', async () => {
    const { mergeDriver } = await api();
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'stupid-work-host-driver-')));
    scratch = dir;
    const repo = path.join(dir, 'gamma');
    mkdirSync(repo);
    git(repo, 'init', '-q', '--initial-branch=main');
    git(repo, 'config', 'user.name', 'Workspace User');
    git(repo, 'config', 'user.email', 'user@example.com');
    copyFileSync(path.join(folder('alpha').uri.fsPath, 'stupid-work.json'), path.join(repo, 'stupid-work.json'));
    writeFileSync(path.join(repo, '.gitattributes'), '/stupid-work.json merge=stupid-work\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Start');

    // What an earlier version registered from a linked worktree, before that worktree was removed.
    const worktree = path.join(dir, 'gamma-side');
    git(repo, 'worktree', 'add', '-q', '-b', 'side', worktree);
    const program = path.join(repo, '.git', 'worktrees', 'gamma-side', 'stupid-work', 'merge-driver.js');
    mkdirSync(path.dirname(program), { recursive: true });
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '';
    copyFileSync(path.join(extensionPath, 'dist', 'mergeDriver.js'), program);
    git(repo, 'config', 'merge.stupid-work.driver', `ELECTRON_RUN_AS_NODE=1 ${shellQuote(process.execPath)} ${shellQuote(program)} %O %A %B`);
    git(repo, 'worktree', 'remove', '--force', worktree);

    await addFolder(repo, 'gamma');
    const finding = await waitFor('the extension to notice the driver cannot start', () => mergeDriver.findings.find((f) => f.root === repo), 30000);
    assert.deepEqual(finding.problem, { kind: 'missing-program', path: program });

    assert.equal(await mergeDriver.reinstall(finding.folderKey), true, 'Re-register succeeds');
    assert.equal(mergeDriver.findings.find((f) => f.root === repo), undefined, 'the check is clean now');

    // git now merges with the re-registered driver, run by this editor's own runtime.
    const file = path.join(repo, 'stupid-work.json');
    const withTitle = (title: string) => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown>[] };
      data.entries.push({ id: title === 'Ours' ? '01KQ0000000000000000000020' : '01KQ0000000000000000000021', title, kind: 'other', created: '2026-11-21T10:00:00.000Z', updated: '2026-11-21T10:00:00.000Z', status: 'open' });
      writeFileSync(file, JSON.stringify(data, null, 2));
    };
    git(repo, 'checkout', '-q', '-b', 'theirs');
    withTitle('Theirs');
    git(repo, 'commit', '-q', '-am', 'Theirs');
    git(repo, 'checkout', '-q', 'main');
    withTitle('Ours');
    git(repo, 'commit', '-q', '-am', 'Ours');
    git(repo, 'merge', '-q', '--no-edit', 'theirs');
    const titles = (JSON.parse(readFileSync(file, 'utf8')) as { entries: { title: string }[] }).entries.map((e) => e.title);
    assert.ok(titles.includes('Ours') && titles.includes('Theirs'), titles.join(', '));
  });
});

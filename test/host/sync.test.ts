import { english } from '../../src/core/text/english';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { syncBacklog } from '../../src/adapters/sync/backlogSync';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyBacklog, emptyDraft } from '../../src/core/model/model';
import { DEFAULT_SYNC_SETTINGS } from '../../src/core/sync/backlogBranch';
import { serializeBacklog } from '../../src/core/file/serialize';
import { api, folder, git, waitFor } from './hostHelpers';
import { entryTitles } from './treeNodes';

/** A bare remote whose backlog branch holds `titles`, pushed from a teammate's clone that the test keeps. */
async function teamRemote(scratch: string, titles: string[]): Promise<{ remote: string; teammate: string }> {
  const remote = path.join(scratch, 'remote.git');
  git(scratch, 'init', '-q', '--bare', '--initial-branch=main', remote);
  const teammate = path.join(scratch, 'teammate');
  git(scratch, 'clone', '-q', remote, teammate);
  git(teammate, 'config', 'user.name', 'Teammate');
  git(teammate, 'config', 'user.email', 'teammate@example.com');
  writeFileSync(path.join(teammate, 'README.md'), 'Invoice service\n');
  git(teammate, 'add', 'README.md');
  git(teammate, 'commit', '-q', '-m', 'Code');
  git(teammate, 'push', '-q', 'origin', 'HEAD:main');
  let backlog = emptyBacklog();
  for (const title of titles) backlog = upsertEntry(backlog, createEntry({ ...emptyDraft(), title }, { name: 'Teammate' }, new Date()));
  writeFileSync(path.join(teammate, 'stupid-work.json'), serializeBacklog(backlog));
  await teammateSync(teammate);
  return { remote, teammate };
}

async function teammateSync(teammate: string): Promise<void> {
  const outcome = await syncBacklog({ file: path.join(teammate, 'stupid-work.json'), ...DEFAULT_SYNC_SETTINGS, interactive: false, confirmCreate: () => Promise.resolve(true) });
  assert.ok(outcome.ok, outcome.ok ? '' : english(outcome.message));
}

/**
 * Removes the workspace folder at `index` and waits until VS Code has confirmed it: `workspaceFolders`
 * changes at once, but another update is refused until `onDidChangeWorkspaceFolders` has fired.
 */
async function removeFolder(index: number): Promise<void> {
  const confirmed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      listener.dispose();
      resolve();
    });
  });
  assert.ok(vscode.workspace.updateWorkspaceFolders(index, 1));
  await confirmed;
}

describe('Sync in a real extension host', function () {
  this.timeout(60000);

  it('brings a teammate\'s entry into the Backlog view and shares ours on the backlog branch only', async () => {
    const { logHost, store, tree } = await api();
    const beta = folder('beta');
    const dir = beta.uri.fsPath;
    const scratch = mkdtempSync(path.join(tmpdir(), 'stupid-work-host-sync-'));
    const { remote, teammate } = await teamRemote(scratch, ['From the teammate clone']);
    git(dir, 'init', '-q', '--initial-branch=main');
    git(dir, 'config', 'user.name', 'Workspace User');
    git(dir, 'config', 'user.email', 'user@example.com');
    git(dir, 'remote', 'add', 'origin', remote);
    git(dir, 'fetch', '-q', 'origin');
    git(dir, 'checkout', '-q', '-b', 'feature/wip', 'origin/main');
    writeFileSync(path.join(dir, 'wip.txt'), 'unfinished\n');
    git(dir, 'add', 'wip.txt', '.gitkeep');
    git(dir, 'commit', '-q', '-m', 'WIP');
    const head = git(dir, 'rev-parse', 'HEAD');

    const target = logHost.targets().find((t) => t.name === 'beta');
    assert.ok(target);
    const ours = await logHost.save(target.key, { ...emptyDraft(), title: 'From this workspace' }, undefined);
    assert.ok(ours.ok);
    await waitFor('the new working copy to be kept out of git status', () => git(dir, 'status', '--porcelain', '--untracked-files=all') === '' || undefined);

    await vscode.commands.executeCommand('stupidWork.sync');

    const titles = () => store.all.flatMap((b) => (b.folder.name === 'beta' && b.state.kind === 'loaded' ? b.state.backlog.entries.map((e) => e.title) : []));
    assert.ok(titles().includes('From the teammate clone'), `the teammate's entry arrived: ${titles().join(', ')}`);
    await waitFor('the Backlog view to list it', () => entryTitles(tree).includes('From the teammate clone') || undefined);
    await teammateSync(teammate);
    assert.match(readFileSync(path.join(teammate, 'stupid-work.json'), 'utf8'), /From this workspace/, 'our entry reached the teammate');
    assert.equal(git(dir, 'rev-parse', 'HEAD'), head, 'the WIP commit is where it was');
    assert.equal(git(remote, 'branch', '--list', 'feature/wip'), '', 'and the feature branch did not reach the remote');
    assert.equal(git(dir, 'status', '--porcelain', '--untracked-files=all'), '');
  });

  it('sends an entry saved in the Log form to the remote\'s backlog branch by itself, with auto-sync on by default', async () => {
    const { logHost, tree } = await api();
    assert.equal(vscode.workspace.getConfiguration('stupidWork.sync').get('auto'), true, 'auto-sync is on by default');
    const scratch = mkdtempSync(path.join(tmpdir(), 'stupid-work-host-auto-'));
    const { remote } = await teamRemote(scratch, ['Shared before this window opened']);
    const clone = path.join(scratch, 'auto-clone');
    git(scratch, 'clone', '-q', remote, clone);
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(clone), name: 'auto-clone' }));
    try {
      await waitFor('the team\'s backlog to arrive', () => entryTitles(tree).includes('Shared before this window opened') || undefined, 30000);
      const target = logHost.targets().find((t) => t.name === 'auto-clone');
      assert.ok(target);
      const saved = await logHost.save(target.key, { ...emptyDraft(), title: 'Sent without a command' }, undefined);
      assert.ok(saved.ok);
      const onBranch = () => git(remote, 'show', 'stupid-work:stupid-work.json');
      await waitFor('the entry on the remote\'s backlog branch', () => onBranch().includes('Sent without a command') || undefined, 20000);
      assert.equal(git(remote, 'rev-list', '--count', 'main'), '1\n', 'the code branch on the remote is as it was');
      assert.equal(git(clone, 'status', '--porcelain'), '', 'and nothing was committed to the code branch');
      assert.equal(git(clone, 'rev-list', '--count', 'HEAD'), '1\n');
    } finally {
      await removeFolder(count);
    }
  });

  it('shows the team\'s backlog in a fresh clone of a remote that has the branch, with no command', async () => {
    const { tree } = await api();
    const scratch = mkdtempSync(path.join(tmpdir(), 'stupid-work-host-clone-'));
    const { remote } = await teamRemote(scratch, ['Already on the backlog branch']);
    const clone = path.join(scratch, 'fresh-clone');
    git(scratch, 'clone', '-q', remote, clone);
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(clone), name: 'fresh-clone' }));
    try {
      await waitFor('the team\'s entry in the Backlog view', () => entryTitles(tree).includes('Already on the backlog branch') || undefined, 30000);
      assert.equal(git(clone, 'status', '--porcelain'), '', 'no commit and a clean status: the working copy is excluded');
      assert.equal(git(clone, 'rev-list', '--count', 'HEAD'), '1\n');
    } finally {
      await removeFolder(count);
    }
  });
});

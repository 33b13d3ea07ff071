import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createEntry, upsertEntry } from '../../src/core/entries';
import { emptyDraft } from '../../src/core/model';
import { parseBacklog } from '../../src/core/parse';
import { serializeBacklog } from '../../src/core/serialize';
import { api, folder, git } from './hostHelpers';
import { entryTitles } from './treeNodes';

describe('Sync in a real extension host', function () {
  this.timeout(60000);

  it('brings a teammate\'s entry into the Backlog view and pushes ours', async () => {
    const { logHost, store, tree } = await api();
    const beta = folder('beta');
    const dir = beta.uri.fsPath;
    const scratch = mkdtempSync(path.join(tmpdir(), 'stupid-work-host-sync-'));
    const remote = path.join(scratch, 'remote.git');
    git(scratch, 'init', '-q', '--bare', '--initial-branch=main', remote);
    git(dir, 'init', '-q', '--initial-branch=main');
    git(dir, 'config', 'user.name', 'Workspace User');
    git(dir, 'config', 'user.email', 'user@example.com');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Start');
    git(dir, 'remote', 'add', 'origin', remote);
    git(dir, 'push', '-q', '-u', 'origin', 'main');

    const teammate = path.join(scratch, 'teammate');
    git(scratch, 'clone', '-q', remote, teammate);
    git(teammate, 'config', 'user.name', 'Teammate');
    git(teammate, 'config', 'user.email', 'teammate@example.com');
    const file = path.join(teammate, 'stupid-work.json');
    const parsed = parseBacklog(readFileSync(file, 'utf8'));
    assert.ok(parsed.ok);
    const theirs = createEntry({ ...emptyDraft(), title: 'From the teammate clone' }, { name: 'Teammate' }, new Date());
    writeFileSync(file, serializeBacklog(upsertEntry(parsed.backlog, theirs)));
    git(teammate, 'commit', '-q', '-am', 'Teammate flags something');
    git(teammate, 'push', '-q');

    const target = logHost.targets().find((t) => t.name === 'beta');
    assert.ok(target);
    const ours = await logHost.save(target.key, { ...emptyDraft(), title: 'From this workspace' }, undefined);
    assert.ok(ours.ok);

    await vscode.commands.executeCommand('stupidWork.sync');

    const titles = () =>
      store.all.flatMap((b) => (b.folder.name === 'beta' && b.state.kind === 'loaded' ? b.state.backlog.entries.map((e) => e.title) : []));
    assert.ok(titles().includes('From the teammate clone'), `the teammate's entry arrived: ${titles().join(', ')}`);
    assert.ok(entryTitles(tree).includes('From the teammate clone'), 'the Backlog view lists it');
    git(teammate, 'pull', '-q');
    assert.match(readFileSync(file, 'utf8'), /From this workspace/, 'our entry reached the remote');
  });
});

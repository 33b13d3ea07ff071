import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { syncBacklog } from '../../src/adapters/sync/backlogSync';
import { systemClock } from '../../src/core/model/calendar';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyBacklog, emptyDraft } from '../../src/core/model/model';
import { startRetro } from '../../src/core/retro/retro';
import { retroDate } from '../../src/core/retro/retroSummary';
import { DEFAULT_SYNC_SETTINGS } from '../../src/core/sync/backlogBranch';
import { serializeBacklog } from '../../src/core/file/serialize';
import { exportSummary } from '../../src/ui/retro/retroBoardActions';
import { createLabels } from '../../src/ui/shared/labels';
import { api, git, waitFor } from './hostHelpers';

describe('Save to Repository in a real extension host', function () {
  this.timeout(60000);

  it('puts the retro summary on the backlog branch through Sync, leaving the code branch and working tree alone', async () => {
    const { store } = await api();
    const scratch = mkdtempSync(path.join(tmpdir(), 'stupid-work-host-summary-'));
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
    const seeded = upsertEntry(emptyBacklog(), createEntry({ ...emptyDraft(), title: 'Quarterly slide deck nobody opens' }, { name: 'Teammate' }, new Date()));
    writeFileSync(path.join(teammate, 'stupid-work.json'), serializeBacklog(seeded));
    const first = await syncBacklog({ file: path.join(teammate, 'stupid-work.json'), ...DEFAULT_SYNC_SETTINGS, interactive: false, confirmCreate: () => Promise.resolve(true) });
    assert.ok(first.ok);

    const clone = path.join(scratch, 'summary-clone');
    git(scratch, 'clone', '-q', remote, clone);
    // The workspace's own setting names a path in the code tree; this folder's clears it, from a .vscode/ kept out of git status.
    appendFileSync(path.join(clone, '.git', 'info', 'exclude'), '.vscode/\n');
    mkdirSync(path.join(clone, '.vscode'));
    writeFileSync(path.join(clone, '.vscode', 'settings.json'), JSON.stringify({ 'stupidWork.retro.summaryPath': '' }));
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(clone), name: 'summary-clone' }));
    try {
      const backlog = await waitFor('the team\'s backlog in the clone', () => store.all.find((b) => b.folder.name === 'summary-clone' && b.state.kind === 'loaded'), 30000);
      assert.equal(vscode.workspace.getConfiguration('stupidWork', backlog.folder.uri).get('retro.summaryPath'), '');
      const head = git(clone, 'rev-parse', 'HEAD');
      const clock = systemClock();
      const next = await backlog.update((current) => {
        const started = startRetro(current, 'Robin', clock);
        assert.ok(started.ok);
        return started.backlog;
      });
      const retro = next.retros[0];
      await exportSummary(backlog, createLabels(), clock, 'save', retro.id);

      const file = `retros/${retroDate(retro, clock)}.md`;
      // Saving waits for its own sync: the summary is on the remote when it returns.
      const summary = git(remote, 'show', `stupid-work:${file}`);
      assert.match(summary, /^# Retro \d{4}-\d{2}-\d{2}$/m);
      assert.match(summary, /Robin/);
      assert.equal(git(clone, 'rev-parse', 'HEAD'), head, 'the code branch did not move');
      assert.equal(git(clone, 'status', '--porcelain', '--untracked-files=all'), '', 'nothing appeared in the working tree');
      assert.equal(git(remote, 'rev-list', '--count', 'main'), '1\n', 'the code branch on the remote is as it was');
    } finally {
      const confirmed = new Promise<void>((resolve) => {
        const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
          listener.dispose();
          resolve();
        });
      });
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 1));
      await confirmed;
    }
  });
});

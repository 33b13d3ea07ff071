import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';
import { api, folder, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

const OWNER = 'Lee Viewer';
const LOS_ANGELES_MARCH = -420;

describe('Today is the viewer\'s day in the Backlog view', function () {
  this.timeout(60000);

  it('a decision due 10 March is not overdue at 17:00 on 10 March in Los Angeles, and is from 01:00 on 11 March', async () => {
    const { tree, clock } = await api();
    const { now, utcOffsetMinutes } = clock;
    const beta = folder('beta');
    const settings = vscode.workspace.getConfiguration('stupidWork', beta.uri);
    const file = path.join(beta.uri.fsPath, 'stupid-work.json');
    const before = await readFile(file, 'utf8').catch(() => undefined);
    clock.now = () => new Date('2026-03-11T00:00:00.000Z');
    clock.utcOffsetMinutes = () => LOS_ANGELES_MARCH;
    await settings.update('authorName', OWNER, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const data = JSON.parse(before ?? '{"version":1,"entries":[]}') as { entries: Record<string, unknown>[] };
      data.entries.push({
        id: '01KQ2000000000000000000001',
        title: 'Retire the weekly KPI deck',
        kind: 'unused-report',
        created: '2026-03-01T10:00:00.000Z',
        updated: '2026-03-02T10:00:00.000Z',
        status: 'decided',
        decision: { outcome: 'stop', rationale: '', owner: OWNER, due: '2026-03-10', followUp: 'open', decided: '2026-03-02T10:00:00.000Z' },
      });
      await writeFile(file, JSON.stringify(data, null, 2));
      const description = () => {
        const mine = allNodes(tree).find((node): node is Extract<BacklogNode, { type: 'group' }> => node.type === 'group' && node.id === 'mine' && node.backlog.folder.name === 'beta');
        const [decision] = mine ? tree.getChildren(mine) : [];
        return decision ? String(tree.getTreeItem(decision).description) : undefined;
      };
      const onTime = await waitFor('your open decision', description);
      assert.match(onTime, /^due 2026-03-10 · /, onTime);

      clock.now = () => new Date('2026-03-11T08:00:00.000Z');
      tree.refresh();
      assert.match(description() ?? '', /^due 2026-03-10, 1 day overdue · /);
    } finally {
      clock.now = now;
      clock.utcOffsetMinutes = utcOffsetMinutes;
      await settings.update('authorName', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      if (before !== undefined) await writeFile(file, before);
    }
  });
});

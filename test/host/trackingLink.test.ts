import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';
import { api, asAuthorIn, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

describe('tracking links in the Backlog view', function () {
  this.timeout(60000);

  it('marks your open decision that has an issue, shows the address inert in its tooltip, and offers the tracker commands', async () => {
    const { tree } = await api();
    await asAuthorIn('beta', 'Tracy Owner', async (file) => {
      const data = JSON.parse(await readFile(file, 'utf8').catch(() => '{"version":1,"entries":[]}')) as { entries: Record<string, unknown>[] };
      const decision = { outcome: 'automate', rationale: '', owner: 'Tracy Owner', followUp: 'open', decided: '2026-10-02T10:00:00.000Z' };
      const entry = (id: string, title: string, trackingUrl?: string) => ({
        id,
        title,
        kind: 'ritual-process',
        created: '2026-10-01T10:00:00.000Z',
        updated: '2026-10-02T10:00:00.000Z',
        status: 'decided',
        decision: trackingUrl === undefined ? decision : { ...decision, trackingUrl },
      });
      data.entries.push(entry('01KR1000000000000000000001', 'Tracked, mine', 'https://tracker.example/team/issues/42'), entry('01KR1000000000000000000002', 'Untracked, mine'));
      await writeFile(file, JSON.stringify(data, null, 2));

      const mine = await waitFor('your open decisions with both entries', () => {
        const group = allNodes(tree).find((node): node is Extract<BacklogNode, { type: 'group' }> => node.type === 'group' && node.id === 'mine' && node.backlog.folder.name === 'beta');
        return group && group.entries.length >= 2 && group;
      });
      const items = new Map(tree.getChildren(mine).map((node) => [node.type === 'entry' ? node.entry.title : '', tree.getTreeItem(node)]));
      const tracked = items.get('Tracked, mine');
      const untracked = items.get('Untracked, mine');
      assert.ok(tracked && untracked);
      assert.match(String(tracked.description), /issue linked/);
      assert.doesNotMatch(String(untracked.description), /issue linked/);
      assert.match(String(tracked.contextValue), /^entry\.active\.decided\.tracked/);
      assert.equal(untracked.contextValue, 'entry.active.decided');
      const tooltip = tracked.tooltip as vscode.MarkdownString;
      assert.match(tooltip.value, /Tracked in: https:\u200b?\S*\/\/tracker\\\.example/, 'the address is shown, with its link trigger broken');
      assert.doesNotMatch(tooltip.value, /\]\(https/, 'and not as a link');

      const commands = await vscode.commands.getCommands(true);
      for (const command of ['createIssue', 'linkIssue', 'openIssue', 'unlinkIssue']) {
        assert.ok(commands.includes(`stupidWork.decision.${command}`), command);
      }
    });
  });
});

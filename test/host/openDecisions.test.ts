import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';
import { api, asAuthorIn, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

function decided(id: string, title: string, owner: string, due: string, followUp: string): Record<string, unknown> {
  return {
    id,
    title,
    kind: 'ritual-process',
    created: '2026-10-01T10:00:00.000Z',
    updated: '2026-10-02T10:00:00.000Z',
    status: 'decided',
    decision: { outcome: 'stop', rationale: '', owner, due, followUp, decided: '2026-10-02T10:00:00.000Z' },
  };
}

describe('Your open decisions in the Backlog view', function () {
  this.timeout(60000);

  it('lists the decisions you own that are not done, overdue first, above the other groups', async () => {
    const { tree } = await api();
    await asAuthorIn('beta', 'Dana Owner', async (file) => {
      const data = JSON.parse(await readFile(file, 'utf8').catch(() => '{"version":1,"entries":[]}')) as { entries: Record<string, unknown>[] };
      data.entries.push(
        decided('01KQ1000000000000000000001', 'Due later, mine', 'dana owner', '2099-01-01', 'in-progress'),
        decided('01KQ1000000000000000000002', 'Overdue, mine', 'Dana Owner', '2020-01-01', 'open'),
        decided('01KQ1000000000000000000003', 'Someone else owns it', 'Sam Lee', '2020-01-01', 'open'),
        decided('01KQ1000000000000000000004', 'Mine but done', 'Dana Owner', '2020-01-01', 'done'),
      );
      await writeFile(file, JSON.stringify(data, null, 2));

      const mine = await waitFor('the group of your open decisions', () =>
        allNodes(tree).find((node): node is Extract<BacklogNode, { type: 'group' }> => node.type === 'group' && node.id === 'mine' && node.backlog.folder.name === 'beta'),
      );
      const titles = tree.getChildren(mine).map((node) => (node.type === 'entry' ? node.entry.title : ''));
      assert.deepEqual(titles, ['Overdue, mine', 'Due later, mine']);
      const overdue = tree.getTreeItem(tree.getChildren(mine)[0]);
      assert.match(String(overdue.description), /due 2020-01-01, [\d,]+ days overdue/);
      const siblings = tree.getChildren({ type: 'folder', backlog: mine.backlog });
      assert.equal(siblings[0].type === 'group' && siblings[0].id, 'mine', 'your decisions come first');
      const ids = allNodes(tree).map((node) => tree.getTreeItem(node).id);
      assert.equal(new Set(ids).size, ids.length, 'every tree item id is unique, though your entries show twice');
    });
  });
});

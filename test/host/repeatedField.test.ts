import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { emptyDraft } from '../../src/core/model/model';
import { api, folder, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

describe('A field written twice in a real extension host', function () {
  this.timeout(60000);

  it('shows the file as a problem at the repeated field, and writes nothing until it is fixed', async () => {
    const { tree, logHost } = await api();
    const file = path.join(folder('alpha').uri.fsPath, 'stupid-work.json');
    const good = await readFile(file, 'utf8');
    // What a line-based union merge makes of two teammates moving the same card.
    const lines = good.split('\n');
    const at = lines.findIndex((line) => line.trim() === '"triage": "inbox",');
    assert.ok(at > 0, 'the seeded file has a card in the inbox');
    lines.splice(at + 1, 0, lines[at].replace('inbox', 'someday'));
    const repeated = lines.join('\n');
    await writeFile(file, repeated);
    try {
      const problem = await waitFor('the problem node', () => allNodes(tree).find((node) => node.type === 'problem'));
      const description = String(tree.getTreeItem(problem).description);
      assert.equal(description.startsWith(`line ${at + 2}, column ${lines[at + 1].indexOf('"') + 1}: `), true, description);
      assert.match(description, /the field "triage" appears twice in one object/);
      const target = logHost.targets().find((t) => t.name === 'alpha');
      assert.equal(target?.status, 'problem');
      const result = await logHost.save(target.key, { ...emptyDraft(), title: 'Must not be written' }, undefined);
      assert.equal(result.ok, false);
      assert.equal(await readFile(file, 'utf8'), repeated, 'the file keeps its bytes');
    } finally {
      await writeFile(file, good);
      await waitFor('recovery after the fix', () => (allNodes(tree).some((node) => node.type === 'problem') ? undefined : true));
    }
  });
});

import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StupidWorkApi } from '../../src/extension';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';
import { api, folder, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

interface Stored {
  id: string;
  status: string;
  updated: string;
  created: string;
  author?: unknown;
}

const DECIDED = '01KQ3000000000000000000001';
const ANONYMOUS = '01KQ3000000000000000000002';
const ARCHIVED = '01KQ3000000000000000000003';

function entryNode(tree: StupidWorkApi['tree'], id: string, status: string): Extract<BacklogNode, { type: 'entry' }> | undefined {
  return allNodes(tree).find((node): node is Extract<BacklogNode, { type: 'entry' }> => node.type === 'entry' && node.entry.id === id && node.entry.status === status);
}

describe('Archive and Restore in a real extension host', function () {
  this.timeout(60000);
  const file = () => path.join(folder('alpha').uri.fsPath, 'stupid-work.json');
  let original: string;

  async function stored(id: string): Promise<Stored | undefined> {
    const data = JSON.parse(await readFile(file(), 'utf8')) as { entries: Stored[] };
    return data.entries.find((e) => e.id === id);
  }

  before(async () => {
    await api();
    original = await readFile(file(), 'utf8');
    const data = JSON.parse(original) as { entries: Record<string, unknown>[] };
    const decision = { outcome: 'automate', rationale: '', owner: 'Sam Lee', followUp: 'in-progress', decided: '2026-11-21T10:00:00.000Z' };
    data.entries.push(
      { id: DECIDED, title: 'Hand-copied release notes', kind: 'trivia', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-21T10:00:00.000Z', status: 'decided', decision },
      { id: ANONYMOUS, title: 'Standup about the standup', kind: 'ritual-process', created: '2026-11-20T00:00:00.000Z', updated: '2026-11-20T00:00:00.000Z', status: 'open' },
      { id: ARCHIVED, title: 'Fax confirmation for orders', kind: 'autopilot-policy', created: '2026-11-19T10:00:00.000Z', updated: '2026-11-19T10:00:00.000Z', status: 'archived', decision: { ...decision, followUp: 'done' } },
    );
    await writeFile(file(), JSON.stringify(data, null, 2));
  });

  after(async () => {
    await writeFile(file(), original);
  });

  /** Archives through the Backlog's context menu command, then presses Undo on its notification. */
  async function archiveThenUndo(id: string): Promise<void> {
    const { tree } = await api();
    const node = await waitFor(`the entry ${id}`, () => entryNode(tree, id, (id === DECIDED ? 'decided' : 'open')));
    const archiving = vscode.commands.executeCommand('stupidWork.entry.archive', node);
    await waitFor('the archive in the file', async () => (await stored(id))?.status === 'archived');
    // Undo is the notification's primary action, as the keyboard shortcut for it would run it.
    await waitFor('Undo to be pressed', async () => {
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      return (await stored(id))?.status !== 'archived';
    });
    await archiving;
  }

  it('Undo after Archive restores the exact earlier status of a decided entry', async () => {
    await archiveThenUndo(DECIDED);
    assert.equal((await stored(DECIDED))?.status, 'decided');
  });

  it('Undo after Archive keeps an anonymous entry\'s times coarse', async () => {
    await archiveThenUndo(ANONYMOUS);
    const entry = await stored(ANONYMOUS);
    assert.equal(entry?.status, 'open');
    assert.equal('author' in (entry ?? {}), false);
    assert.match(entry?.updated ?? '', /T00:00:00\.000Z$/);
  });

  it('Restore in the Backlog view brings an archived entry back with the status its decision implies', async () => {
    const { tree } = await api();
    const node = await waitFor('the archived entry', () => entryNode(tree, ARCHIVED, 'archived'));
    const item = tree.getTreeItem(node);
    assert.match(String(item.contextValue), /^entry\.archived/, 'the context menu offers Restore for it');
    await vscode.commands.executeCommand('stupidWork.entry.restore', node);
    assert.equal((await stored(ARCHIVED))?.status, 'done');
    await waitFor('the restored entry in the Backlog view', () => entryNode(tree, ARCHIVED, 'done'));
  });

  it('Restore of an entry that is not archived changes nothing and says why', async () => {
    const bytes = await readFile(file(), 'utf8');
    await vscode.commands.executeCommand('stupidWork.entry.restore', folder('alpha').uri.toString(), DECIDED);
    assert.equal(await readFile(file(), 'utf8'), bytes);
  });
});

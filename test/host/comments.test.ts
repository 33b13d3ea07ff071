import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyDraft, type Backlog, type Comment, type Entry } from '../../src/core/model/model';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';
import { api, folder, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

type EntryNode = Extract<BacklogNode, { type: 'entry' }>;

describe('Comment… from the Backlog view in a real extension host', function () {
  this.timeout(60000);
  const file = () => path.join(folder('alpha').uri.fsPath, 'stupid-work.json');
  const me = 'Casey Commenter';
  let original: string;

  async function commentsOn(id: string): Promise<Comment[]> {
    const data = JSON.parse(await readFile(file(), 'utf8')) as Backlog;
    return data.entries.find((e) => e.id === id)?.comments ?? [];
  }

  before(async () => {
    await api();
    original = await readFile(file(), 'utf8');
    await vscode.workspace.getConfiguration('stupidWork', folder('alpha').uri).update('authorName', me, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('stupidWork', folder('alpha').uri).update('authorName', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await writeFile(file(), original);
    await (await api()).store.reloadAll();
  });

  it('marks a teammate\'s comment on your entry new until you open it, and posts an anonymous one from the context menu', async () => {
    const { store, tree, clock } = await api();
    const alpha = store.all.find((b) => b.folder.name === 'alpha');
    assert.ok(alpha);
    const title = `Commented from the sidebar ${Date.now()}`;
    const mine: Entry = createEntry({ ...emptyDraft(), title }, { name: me }, clock.now());
    const teammate: Comment = { id: '01KQ4000000000000000000001', author: { name: 'Tess Teammate' }, created: '2026-11-20T10:00:00.000Z', text: '**Is it** still [needed](https://example.com)?' };
    await alpha.update((current) => upsertEntry(current, { ...mine, comments: [teammate] }));

    const node = await waitFor('the entry with its new comment', () =>
      allNodes(tree).find((n): n is EntryNode => n.type === 'entry' && n.entry.id === mine.id && String(tree.getTreeItem(n).description).includes('1 new comment')),
    );
    const tooltip = tree.getTreeItem(node).tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.includes('Tess Teammate'), 'the hover shows the latest comments');
    assert.ok(!tooltip.value.includes('[needed](https'), 'comment text is escaped, not a link');
    assert.equal(tooltip.isTrusted, false);

    await vscode.commands.executeCommand('stupidWork.entry.open', node);
    await waitFor('the comment to count as seen', () => {
      const now = allNodes(tree).find((n): n is EntryNode => n.type === 'entry' && n.entry.id === mine.id);
      return now !== undefined && !String(tree.getTreeItem(now).description).includes('new comment');
    });

    // The command's two questions, answered as a person would: the words, then "anonymously".
    const window = vscode.window as { showInputBox: typeof vscode.window.showInputBox; showQuickPick: typeof vscode.window.showQuickPick };
    const { showInputBox, showQuickPick } = window;
    const asked: string[] = [];
    window.showInputBox = (options) => {
      asked.push(String(options?.title));
      return Promise.resolve('  Only on Fridays, I think.  ');
    };
    window.showQuickPick = ((items: readonly vscode.QuickPickItem[]) => {
      asked.push(items.map((item) => item.label).join(' | '));
      return Promise.resolve(items.find((item) => /anonymously/.test(item.label)));
    }) as unknown as typeof vscode.window.showQuickPick;
    try {
      await vscode.commands.executeCommand('stupidWork.entry.comment', node);
    } finally {
      window.showInputBox = showInputBox;
      window.showQuickPick = showQuickPick;
    }
    assert.match(asked[0], /Comment on/);
    assert.match(asked[1], /^Post under your name \| Post anonymously$/, 'signed first, as anonymousByDefault is off');
    const posted = (await commentsOn(mine.id)).find((c) => c.id !== teammate.id);
    assert.ok(posted, 'the comment is in the file');
    assert.deepEqual({ text: posted.text, author: posted.author }, { text: 'Only on Fridays, I think.', author: undefined });
    assert.match(posted.created, /T00:00:00\.000Z$/, 'an anonymous comment is dated to the day only');
    const after = allNodes(tree).find((n): n is EntryNode => n.type === 'entry' && n.entry.id === mine.id);
    assert.ok(after && !String(tree.getTreeItem(after).description).includes('new comment'), 'your own comment is not news to you');
  });
});

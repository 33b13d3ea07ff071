import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createCodeLink } from '../../src/core/codeLinks/codeLinks';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyDraft, type Backlog } from '../../src/core/model/model';
import { isVoteToken } from '../../src/core/votes/votes';
import type { BacklogNode } from '../../src/ui/backlog/backlogTree';
import { api, folder, waitFor } from './hostHelpers';
import { allNodes } from './treeNodes';

const TOGGLE_VOTE = 'stupidWork.entry.toggleVote';
const LINES = ['#!/bin/sh', 'cp invoices/*.pdf /mnt/finance/', 'echo copied'];

describe('"Me too" from a CodeLens in a real extension host', function () {
  this.timeout(60000);
  const file = () => path.join(folder('alpha').uri.fsPath, 'stupid-work.json');
  const dir = () => path.join(folder('alpha').uri.fsPath, 'votes');
  let original: string;

  async function votesOn(id: string): Promise<string[]> {
    const data = JSON.parse(await readFile(file(), 'utf8')) as Backlog;
    return data.entries.find((e) => e.id === id)?.votes ?? [];
  }

  /** The vote lens over the flagged lines of `uri`, once its title passes `check`. */
  function voteLens(uri: vscode.Uri, check: (title: string) => boolean): Promise<vscode.CodeLens> {
    return waitFor('the vote lens', async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      return lenses.find((lens) => lens.command?.command === TOGGLE_VOTE && check(lens.command.title));
    });
  }

  before(async () => {
    await api();
    original = await readFile(file(), 'utf8');
    await mkdir(dir(), { recursive: true });
    await writeFile(path.join(dir(), 'copy-invoices.sh'), `${LINES.join('\n')}\n`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await rm(dir(), { recursive: true, force: true });
    await writeFile(file(), original);
    await (await api()).store.reloadAll();
  });

  it('votes anonymously from the lens, says once what that hides, shows the vote as yours, and withdraws it', async () => {
    const { store, tree, voteTokens, clock } = await api();
    const alpha = store.all.find((b) => b.folder.name === 'alpha');
    assert.ok(alpha);
    const title = `Copying invoices by hand ${Date.now()}`;
    const entry = { ...createEntry({ ...emptyDraft(), title }, { name: 'Tess Teammate', email: 'tess@example.com' }, clock.now()), links: [createCodeLink('votes/copy-invoices.sh', LINES, 2, 2)], votes: ['kim@example.com'] };
    await alpha.update((current) => upsertEntry(current, entry));
    const uri = vscode.Uri.file(path.join(dir(), 'copy-invoices.sh'));
    await vscode.window.showTextDocument(uri);

    const before = await voteLens(uri, (t) => t.includes('Me Too (1)'));
    const shown: string[] = [];
    const window = vscode.window as { showInformationMessage: typeof vscode.window.showInformationMessage };
    const { showInformationMessage } = window;
    window.showInformationMessage = ((message: string) => {
      shown.push(message);
      return Promise.resolve(undefined);
    });
    try {
      await vscode.commands.executeCommand(TOGGLE_VOTE, ...((before.command?.arguments ?? []) as unknown[]));
    } finally {
      window.showInformationMessage = showInformationMessage;
    }

    const votes = await votesOn(entry.id);
    assert.equal(votes.length, 2);
    const token = votes.find((v) => v !== 'kim@example.com');
    assert.ok(token && isVoteToken(token), `the vote is a token, not a name: ${token}`);
    assert.ok(voteTokens.tokens.has(token), 'this machine keeps the token, so the vote can be withdrawn');
    assert.equal(shown.length, 1, 'the first anonymous vote says what it hides');
    assert.match(shown[0], /random token that names no one/);
    assert.match(shown[0], /second budget/);
    assert.match(shown[0], /push records/);

    const after = await voteLens(uri, (t) => t.includes('You Voted (2)'));
    const node = await waitFor('the voted row', () =>
      allNodes(tree).find((n): n is Extract<BacklogNode, { type: 'entry' }> => n.type === 'entry' && n.entry.id === entry.id && /\.voted/.test(String(tree.getTreeItem(n).contextValue))),
    );
    assert.match(String(tree.getTreeItem(node).description), /\+2 with you/);

    await vscode.commands.executeCommand(TOGGLE_VOTE, ...((after.command?.arguments ?? []) as unknown[]));
    assert.deepEqual(await votesOn(entry.id), ['kim@example.com'], 'only your vote left; the named one stays');
    assert.ok(!voteTokens.tokens.has(token), 'the withdrawn token is forgotten');
    await voteLens(uri, (t) => t.includes('Me Too (1)'));
  });

  it('asks which entry when run with no argument, takes an entry id alone, and warns about an entry that is gone', async () => {
    const { store, clock } = await api();
    const alpha = store.all.find((b) => b.folder.name === 'alpha');
    assert.ok(alpha);
    const title = `Reconciling ledgers twice ${Date.now()}`;
    const entry = createEntry({ ...emptyDraft(), title }, { name: 'Tess Teammate', email: 'tess@example.com' }, clock.now());
    await alpha.update((current) => upsertEntry(current, entry));

    const window = vscode.window as {
      showQuickPick: typeof vscode.window.showQuickPick;
      showInformationMessage: typeof vscode.window.showInformationMessage;
      showWarningMessage: typeof vscode.window.showWarningMessage;
    };
    const { showQuickPick, showInformationMessage, showWarningMessage } = window;
    const asked: string[] = [];
    const warned: string[] = [];
    window.showQuickPick = ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) => {
      asked.push(String(options?.placeHolder));
      return Promise.resolve(items.find((item) => item.label === title));
    }) as unknown as typeof vscode.window.showQuickPick;
    window.showInformationMessage = (() => Promise.resolve(undefined));
    window.showWarningMessage = ((message: string) => {
      warned.push(message);
      return Promise.resolve(undefined);
    });
    try {
      await vscode.commands.executeCommand('stupidWork.entry.vote');
      assert.deepEqual(asked, ['Vote for which entry?']);
      assert.equal((await votesOn(entry.id)).length, 1, 'the picked entry got the vote');
      await vscode.commands.executeCommand('stupidWork.entry.unvote', entry.id);
      assert.deepEqual(await votesOn(entry.id), [], 'an entry id alone names the entry');
      await vscode.commands.executeCommand(TOGGLE_VOTE, alpha.key, '01KQZZZZZZZZZZZZZZZZZZZZZZ');
      assert.equal(warned.length, 1);
      assert.match(warned[0], /no longer in the backlog/);
    } finally {
      window.showQuickPick = showQuickPick;
      window.showInformationMessage = showInformationMessage;
      window.showWarningMessage = showWarningMessage;
    }
  });
});

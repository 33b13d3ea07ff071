import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyDraft } from '../../src/core/model/model';
import type { FromWebview, ToWebview } from '../../src/protocol/boardMessages';
import { CommentSeen } from '../../src/ui/comments/commentSeen';
import { VoteTokens } from '../../src/ui/votes/voteTokens';
import { BoardDraftStore } from '../../src/ui/retro/boardDrafts';
import { RetroBoards } from '../../src/ui/retro/retroBoardPanel';
import { createLabels } from '../../src/ui/shared/labels';
import { api, EXTENSION_ID, waitFor } from './hostHelpers';

/**
 * A webview panel as VS Code's API describes it, with the webview's side in the test's hands: a post
 * to a hidden panel (one without `retainContextWhenHidden`, whose webview is torn down) is refused,
 * `postMessage` answering false, and the script says `ready` again when the panel is shown.
 */
class ScriptedPanel {
  visible = true;
  title = '';
  iconPath: unknown;
  readonly shown: ToWebview[] = [];
  readonly refused: ToWebview[] = [];
  private readonly fromWebview = new vscode.EventEmitter<unknown>();
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  readonly webview = {
    options: {},
    html: '',
    cspSource: 'vscode-webview:',
    asWebviewUri: (uri: vscode.Uri) => uri,
    onDidReceiveMessage: this.fromWebview.event,
    postMessage: (message: ToWebview): Promise<boolean> => {
      (this.visible ? this.shown : this.refused).push(message);
      return Promise.resolve(this.visible);
    },
  };

  send(message: FromWebview): void {
    this.fromWebview.fire(message);
  }

  reveal(): void {}

  dispose(): void {
    this.disposed.fire();
  }
}

describe('the Retro Board host', function () {
  this.timeout(60000);

  it('keeps what it posts while the board is hidden, and sends it when the board is ready again', async () => {
    const { store, clock } = await api();
    const alpha = store.all.find((b) => b.folder.name === 'alpha');
    assert.ok(alpha, 'alpha has a backlog');
    const entry = createEntry({ ...emptyDraft(), title: `Moved while hidden ${Date.now()}` }, undefined, new Date());
    await alpha.update((current) => upsertEntry(current, entry));

    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    assert.ok(extensionUri);
    const logger = vscode.window.createOutputChannel('Stupid Work board test', { log: true });
    const memory = new Map<string, unknown>();
    const memento: vscode.Memento = { keys: () => [...memory.keys()], get: <T>(key: string, fallback?: T) => (memory.get(key) as T | undefined) ?? fallback, update: (key, value) => {
      memory.set(key, value);
      return Promise.resolve();
    } };
    const boards = new RetroBoards({ extensionUri, store, labels: createLabels(), clock, logger, commentSeen: new CommentSeen(memento), voteTokens: new VoteTokens(memento), drafts: new BoardDraftStore(memento) });
    const panel = new ScriptedPanel();
    try {
      boards.revive(panel as unknown as vscode.WebviewPanel, { folder: alpha.key });
      panel.send({ type: 'ready' });
      await waitFor('the first snapshot', () => panel.shown.some((m) => m.type === 'init'));

      // The person moves a card and switches to another tab before the move is written.
      panel.send({ type: 'move', id: entry.id, list: 'now' });
      panel.visible = false;
      await waitFor('the move in the file', () => alpha.state.kind === 'loaded' && alpha.state.backlog.entries.some((e) => e.id === entry.id && e.triage === 'now'));
      await waitFor('the announcement posted to the hidden board', () => panel.refused.some((m) => m.type === 'done'));

      const before = panel.shown.length;
      panel.visible = true;
      panel.send({ type: 'ready' });
      const after = await waitFor('the announcement on the board shown again', () => {
        const later = panel.shown.slice(before);
        return later.some((m) => m.type === 'done') && later;
      });
      // Another snapshot, for the move's own file change, may come at any time; the fresh one comes first.
      assert.equal(after[0].type, 'init', 'a fresh snapshot, then what waited');
      const done = after.find((m) => m.type === 'done') as Extract<ToWebview, { type: 'done' }>;
      assert.match(done.message, /^Moved “Moved while hidden \d+” to /);
    } finally {
      boards.dispose();
      logger.dispose();
    }
  });
});

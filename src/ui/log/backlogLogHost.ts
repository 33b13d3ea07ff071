import * as vscode from 'vscode';
import { createEntry, findEntry, updateEntry, upsertEntry, validateDraft } from '../../core/model/entries';
import { plainText } from '../../core/text/inertText';
import type { EntryDraft } from '../../core/model/model';
import { BacklogWriteError, type BacklogStore } from '../../adapters/file/backlogStore';
import { anonymousByDefault } from '../../adapters/workspace/config';
import type { FolderStatus } from '../../protocol/folderStatus';
import { folderStatusOf } from '../shared/folderStatus';
import type { LogHost, SaveResult } from './logViewProvider';
import { messageText } from '../shared/messageText';

/** Connects the Log form to the backlog files: validation, identity and the queued atomic write. */
export class BacklogLogHost implements LogHost, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTargets = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly store: BacklogStore,
    private readonly onSaved: (folderKey: string, id: string) => void,
    private readonly logger: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      store.onDidChange(() => this.emitter.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire()),
    );
  }

  targets(): FolderStatus[] {
    return this.store.all.map(folderStatusOf);
  }

  async save(targetKey: string, draft: EntryDraft, editingId: string | undefined): Promise<SaveResult> {
    const backlog = this.store.get(targetKey);
    if (!backlog) {
      return { ok: false, message: vscode.l10n.t('That workspace folder is no longer open.') };
    }
    const problems = validateDraft(draft);
    if (problems.length > 0) {
      return { ok: false, message: problems.map(messageText).join(' ') };
    }
    // Loaded when first needed: it spawns git, which activation should not wait for.
    const { currentAuthor } = await import('../../adapters/workspace/identity');
    const author = draft.anonymous ? undefined : await currentAuthor(backlog.folder);
    let savedId = editingId ?? '';
    try {
      await backlog.update((current) => {
        const now = new Date();
        if (editingId) {
          const existing = findEntry(current, editingId);
          if (!existing) {
            throw new BacklogWriteError(vscode.l10n.t('This entry no longer exists in {0}; it may have been removed by a teammate.', backlog.relativePath));
          }
          return upsertEntry(current, updateEntry(existing, draft, now, author));
        }
        const entry = createEntry(draft, author, now);
        savedId = entry.id;
        return upsertEntry(current, entry);
      });
    } catch (error) {
      const message = error instanceof BacklogWriteError ? error.message : vscode.l10n.t('Could not save: {0}', (error as Error).message);
      this.logger.error(plainText(message));
      return { ok: false, message };
    }
    this.onSaved(targetKey, savedId);
    return { ok: true, id: savedId };
  }

  async openDataFile(targetKey: string): Promise<void> {
    await vscode.commands.executeCommand('stupidWork.openDataFile', targetKey);
  }

  anonymousByDefault(targetKey: string): boolean {
    const backlog = this.store.get(targetKey);
    return backlog ? anonymousByDefault(backlog.folder) : false;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

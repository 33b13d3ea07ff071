import * as vscode from 'vscode';
import { createEntry, draftFromEntry, findEntry, updateEntry, upsertEntry, validateDraft } from '../../core/model/entries';
import { keepLostEdits, mergeEdit, settleEdit, type ClashChoice, type DraftField, type EditMerge } from '../../core/model/editMerge';
import { plainText } from '../../core/text/inertText';
import type { EntryDraft } from '../../core/model/model';
import { BacklogWriteError, type BacklogStore } from '../../adapters/file/backlogStore';
import { anonymousByDefault } from '../../adapters/workspace/config';
import type { FolderStatus } from '../../protocol/folderStatus';
import { folderStatusOf } from '../shared/folderStatus';
import type { LogHost, SaveResult } from './logViewProvider';
import { messageText } from '../shared/messageText';
import { createLabels } from '../shared/labels';
import { askEditClash, fieldName } from './editClash';

/** Thrown inside a write to abandon it: a teammate changed the same fields, and the person must choose first. */
class ClashFound extends Error {}

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

  async save(targetKey: string, draft: EntryDraft, editingId: string | undefined, base?: EntryDraft): Promise<SaveResult> {
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
    let choice: ClashChoice | undefined;
    let merged: EditMerge | undefined;
    const write = () =>
      backlog.update((current) => {
        const now = new Date();
        if (!editingId) {
          const entry = createEntry(draft, author, now);
          savedId = entry.id;
          return upsertEntry(current, entry);
        }
        const existing = findEntry(current, editingId);
        if (!existing) {
          throw new BacklogWriteError(vscode.l10n.t('This entry no longer exists in {0}; it may have been removed by a teammate.', backlog.relativePath));
        }
        if (!base) {
          return upsertEntry(current, updateEntry(existing, draft, now, author));
        }
        // Merged against the entry as the form opened it, so a teammate's change since then is not written over.
        const theirs = draftFromEntry(existing);
        merged = mergeEdit(base, draft, theirs);
        if (merged.clashes.length > 0 && !choice) {
          throw new ClashFound();
        }
        const saved = updateEntry(existing, choice ? settleEdit(merged, theirs, choice) : merged.draft, now, author);
        return upsertEntry(current, choice ? keepLostEdits(saved, merged.clashes, choice, existing.updated, saved.updated) : saved);
      });
    for (;;) {
      try {
        await write();
        break;
      } catch (error) {
        if (error instanceof ClashFound && merged && !choice) {
          choice = await askEditClash(draft.title.trim(), merged.clashes, merged.theirsOnly, createLabels());
          if (choice) continue;
          return { ok: false, message: vscode.l10n.t('Not saved: your edit is still here. Save again to choose which version to keep.') };
        }
        const message = error instanceof BacklogWriteError ? error.message : vscode.l10n.t('Could not save: {0}', (error as Error).message);
        this.logger.error(plainText(message));
        return { ok: false, message };
      }
    }
    this.onSaved(targetKey, savedId);
    return { ok: true, id: savedId, note: merged && this.mergeNote(merged, choice) };
  }

  /** One plain sentence on what the merge with a teammate's change did, or undefined when there was none. */
  private mergeNote(merged: EditMerge, choice: ClashChoice | undefined): string | undefined {
    const labels = createLabels();
    const names = (fields: readonly DraftField[]) => fields.map((field) => fieldName(field, labels)).join(', ');
    const notes: string[] = [];
    if (merged.theirsOnly.length > 0) {
      notes.push(vscode.l10n.t('A teammate\'s change to {0} was kept.', names(merged.theirsOnly)));
    }
    if (merged.clashes.length > 0) {
      notes.push(
        choice === 'theirs'
          ? vscode.l10n.t('Your version of {0} is in the entry\'s history.', names(merged.clashes.map((c) => c.field)))
          : vscode.l10n.t('Their version of {0} is in the entry\'s history.', names(merged.clashes.map((c) => c.field))),
      );
    }
    return notes.length > 0 ? notes.join(' ') : undefined;
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

import * as vscode from 'vscode';
import { draftFromEntry } from '../../core/model/entries';
import { editedFields } from '../../core/model/editMerge';
import { emptyDraft, type Entry, type EntryDraft } from '../../core/model/model';
import type { FolderStatus } from '../../protocol/folderStatus';
import { parseFromWebview, type FormContents, type FromWebview, type LogState, type ToWebview } from '../../protocol/logMessages';
import { QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { createLabels } from '../shared/labels';
import { WebviewHost } from '../shared/webviewHost';
import { logStrings } from './logStrings';

/** A save's outcome; `note` says what else happened (a teammate's change kept, a value moved to history). */
export type SaveResult = { ok: true; id: string; note?: string } | { ok: false; message: string };

export interface LogHost {
  targets(): FolderStatus[];
  readonly onDidChangeTargets: vscode.Event<void>;
  /**
   * Saves `draft` as a new entry, or over entry `editingId`. `base` is the draft the edit started from
   * (the merge base): a teammate's change made since then is merged, not overwritten.
   */
  save(targetKey: string, draft: EntryDraft, editingId: string | undefined, base?: EntryDraft): Promise<SaveResult>;
  openDataFile(targetKey: string): Promise<void>;
  anonymousByDefault(targetKey: string): boolean;
}

interface StoredDraft {
  target: string | undefined;
  draft: EntryDraft;
  editingId: string | undefined;
  /** The entry as it was opened, when editing: the merge base of the save. */
  base?: EntryDraft;
  /** The draft's code link came from Flag as Stupid Work; leaving that flow drops an untyped draft. */
  flagged?: boolean;
}

const DRAFT_KEY = 'stupidWork.log.draft';
/** The drafts put aside, newest last: opening an entry or flagging code never replaces what was typed. */
const ASIDE_KEY = 'stupidWork.log.aside';

/** What was typed in `stored`: for an edit, the changed fields; for a new entry, anything but its code link. */
function typedIn(stored: StoredDraft): boolean {
  if (stored.editingId) {
    return stored.base === undefined || editedFields(stored.base, stored.draft).length > 0;
  }
  return editedFields(emptyDraft(stored.draft.anonymous), stored.draft).some((field) => field !== 'links');
}


/**
 * The Log form in the sidebar, on the shared `WebviewHost`: it posts nothing before the webview says
 * `ready`, and sends a full snapshot whenever the view is (re)created. The host holds the one copy of the draft: the webview
 * reports every change, and the copy is written to workspace state so it survives a window reload.
 * The webview keeps no state of its own, because the workbench saves a view's state only every few
 * seconds and an older copy from there would win over what was typed last.
 */
export class LogViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'stupidWork.log';
  private readonly webview: WebviewHost<ToWebview, FromWebview>;
  private viewDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private current: StoredDraft | undefined;
  /** Counts the forms sent to the webview; see `FormContents.form`. */
  private form = 0;

  constructor(
    extensionUri: vscode.Uri,
    private readonly host: LogHost,
    private readonly state: vscode.Memento,
    logger: vscode.LogOutputChannel,
  ) {
    this.webview = new WebviewHost<ToWebview, FromWebview>({
      extensionUri,
      logger,
      name: 'the Log view',
      page: {
        title: vscode.l10n.t('Log stupid work'),
        scripts: ['dist/webview/controls.js', 'dist/webview/log.js'],
        styles: ['dist/codicons/codicon.css', 'media/controls.css', 'media/log.css'],
      },
      parse: parseFromWebview,
      // The snapshot sent on `ready` already carries the targets and the stored draft.
      replacedBySnapshot: ['init', 'targets', 'load'],
      receive: (message) => this.receive(message),
      // An error's message may quote the file, which a teammate wrote.
      onError: (error) => logger.error(plainText(`The Log view: ${(error as Error).message}`)),
    });
    this.disposables.push(this.webview, host.onDidChangeTargets(() => this.webview.post({ type: 'targets', targets: host.targets() })));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    vscode.Disposable.from(...this.viewDisposables).dispose();
    this.webview.attach(view.webview);
    this.viewDisposables = [view.onDidDispose(() => this.webview.detach())];
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${LogViewProvider.viewType}.focus`);
  }

  /**
   * Loads an entry into the form for editing. A draft with typed text is put aside, to come back after
   * Save or Cancel; the same entry opened again keeps the edit under way.
   */
  edit(targetKey: string, entry: Entry): void {
    const current = this.storedDraft();
    if (current.editingId === entry.id && current.target === targetKey) {
      void this.reveal();
      return;
    }
    this.putAside();
    const draft = draftFromEntry(entry);
    this.load({ target: targetKey, draft, editingId: entry.id, base: draftFromEntry(entry) });
  }

  /**
   * Starts a new entry with some fields filled in, for example a code link from Flag as Stupid Work.
   * A draft with typed text is put aside rather than given the link, which belongs to this new entry only.
   */
  prefill(targetKey: string, fields: Partial<EntryDraft>): void {
    this.putAside();
    this.load({ target: targetKey, draft: { ...emptyDraft(this.host.anonymousByDefault(targetKey)), ...fields }, editingId: undefined, flagged: fields.link !== undefined });
  }

  /**
   * Another flow started (Quick Capture): a flagged draft nobody typed into is dropped, so its code link
   * cannot end up on the next, unrelated entry. A draft with typed text stays.
   */
  leaveFlow(): void {
    const current = this.storedDraft();
    if (current.flagged && !typedIn(current)) {
      this.bringBack();
    }
  }

  dispose(): void {
    this.flush();
    vscode.Disposable.from(...this.viewDisposables, ...this.disposables).dispose();
  }

  private load(stored: StoredDraft): void {
    this.store(stored);
    this.post({ type: 'load', ...this.nextForm(stored) });
    void this.reveal();
  }

  private aside(): StoredDraft[] {
    return this.state.get<StoredDraft[]>(ASIDE_KEY) ?? [];
  }

  /** Keeps the current draft on the stack when something was typed in it; an untouched one is not worth keeping. */
  private putAside(): void {
    const current = this.storedDraft();
    if (typedIn(current)) {
      void this.state.update(ASIDE_KEY, [...this.aside(), current]);
    }
  }

  /** Takes the newest draft off the stack; undefined when none was put aside. */
  private popAside(): StoredDraft | undefined {
    const stack = this.aside();
    void this.state.update(ASIDE_KEY, stack.slice(0, -1));
    return stack.at(-1);
  }

  /** Replaces the current draft with the newest one put aside, or an empty one. */
  private bringBack(): void {
    this.store(this.popAside());
    this.post({ type: 'load', ...this.nextForm(this.storedDraft()) });
  }

  /** Holds a typed draft at once and writes it to workspace state once typing pauses for 200 ms. */
  private hold(stored: StoredDraft): void {
    this.current = stored;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), 200);
  }

  /** Replaces the draft and writes it to workspace state now. */
  private store(stored: StoredDraft | undefined): void {
    this.current = stored;
    this.flush();
  }

  private flush(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    void this.state.update(DRAFT_KEY, this.current);
  }

  private storedDraft(): StoredDraft {
    const stored = this.current ?? this.state.get<StoredDraft>(DRAFT_KEY);
    if (stored) {
      return stored;
    }
    const target = this.host.targets()[0]?.key;
    return { target, draft: emptyDraft(target ? this.host.anonymousByDefault(target) : false), editingId: undefined };
  }

  /** The next form to send the webview (numbered, see `FormContents.form`): a stored draft and a summary of the stack behind it. */
  private nextForm(stored: StoredDraft): FormContents {
    const aside = this.aside().map((d) => ({ title: d.draft.title.trim(), editing: d.editingId !== undefined }));
    return { form: ++this.form, target: stored.target, draft: stored.draft, editingId: stored.editingId, aside };
  }

  private snapshot(): LogState {
    const stored = this.storedDraft();
    const targets = this.host.targets();
    const target = targets.some((t) => t.key === stored.target) ? stored.target : targets[0]?.key;
    return { ...this.nextForm(stored), targets, labels: createLabels(), strings: logStrings(), locale: vscode.env.language, target };
  }

  private post(message: ToWebview): void {
    this.webview.post(message);
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', state: this.snapshot() });
        return;
      case 'draftChanged': {
        // Typed into a form that has since been replaced (the blur of a click that opened an entry reports late).
        if (message.form !== this.form) {
          return;
        }
        const held = this.storedDraft();
        // The base and the flag stay with the draft they belong to, which the webview does not know of.
        const same = held.editingId === message.editingId;
        this.hold({ target: message.target, draft: message.draft, editingId: message.editingId, base: same ? held.base : undefined, flagged: same ? held.flagged : undefined });
        return;
      }
      case 'cancelEdit':
      case 'discard':
        void this.discard();
        return;
      case 'openDataFile':
        void this.host.openDataFile(message.target);
        return;
      case 'save':
        void this.save(message.target, message.draft, message.editingId);
        return;
    }
  }

  /** Cancel edit and Discard draft: asks first when something typed would be lost, then brings back the draft put aside. */
  private async discard(): Promise<void> {
    const current = this.storedDraft();
    if (typedIn(current)) {
      const title = plainText(current.draft.title.trim() || logStrings().untitled, QUOTE_LENGTH);
      const discard = current.editingId ? vscode.l10n.t('Discard Changes') : vscode.l10n.t('Discard Draft');
      const question = current.editingId
        ? vscode.l10n.t('Discard your changes to “{0}”? The entry stays as it is in the backlog.', title)
        : vscode.l10n.t('Discard the draft “{0}”? What you typed is deleted.', title);
      if ((await vscode.window.showWarningMessage(question, { modal: true }, discard)) !== discard) {
        return;
      }
    }
    this.bringBack();
  }

  private async save(target: string, draft: EntryDraft, editingId: string | undefined): Promise<void> {
    const held = this.storedDraft();
    const result = await this.host.save(target, draft, editingId, held.editingId === editingId ? held.base : undefined);
    if (!result.ok) {
      this.post({ type: 'saveFailed', message: result.message });
      return;
    }
    const back = this.popAside();
    this.store(back ?? { target, draft: emptyDraft(this.host.anonymousByDefault(target)), editingId: undefined });
    this.post({ type: 'saved', id: result.id, title: draft.title.trim(), note: result.note, restored: back?.draft.title.trim(), next: this.nextForm(this.storedDraft()) });
  }
}

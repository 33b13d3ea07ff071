import * as vscode from 'vscode';
import { draftFromEntry } from '../../core/model/entries';
import { emptyDraft, type Entry, type EntryDraft } from '../../core/model/model';
import type { FolderStatus } from '../../protocol/folderStatus';
import { parseFromWebview, type FromWebview, type LogState, type LogStrings, type ToWebview } from '../../protocol/logMessages';
import { plainText } from '../../core/text/inertText';
import { anonymityDisclosure } from '../shared/anonymity';
import { createLabels } from '../shared/labels';
import { WebviewHost } from '../shared/webviewHost';

export type SaveResult = { ok: true; id: string } | { ok: false; message: string };

export interface LogHost {
  targets(): FolderStatus[];
  readonly onDidChangeTargets: vscode.Event<void>;
  save(targetKey: string, draft: EntryDraft, editingId: string | undefined): Promise<SaveResult>;
  openDataFile(targetKey: string): Promise<void>;
  anonymousByDefault(targetKey: string): boolean;
}

interface StoredDraft {
  target: string | undefined;
  draft: EntryDraft;
  editingId: string | undefined;
}

const DRAFT_KEY = 'stupidWork.log.draft';

function strings(): LogStrings {
  return {
    title: vscode.l10n.t('What feels stupid?'),
    titlePlaceholder: vscode.l10n.t('e.g. Weekly status deck nobody opens'),
    titleRequired: vscode.l10n.t('A title is required.'),
    kind: vscode.l10n.t('Kind'),
    reasons: vscode.l10n.t('Why does it persist?'),
    smartHeading: vscode.l10n.t('S.M.A.R.T. (optional)'),
    cost: vscode.l10n.t('What it costs'),
    hoursPerOccurrence: vscode.l10n.t('Hours each time'),
    occurrences: vscode.l10n.t('How often'),
    people: vscode.l10n.t('People affected'),
    perMonth: vscode.l10n.t('≈ {0} per month wasted'),
    costRange: vscode.l10n.t('{0} to {1}'),
    costProblems: {
      notNumber: vscode.l10n.t('Not a number: type one such as {0}.'),
      belowMin: vscode.l10n.t('At least {0}.'),
      aboveMax: vscode.l10n.t('At most {0}.'),
      notWhole: vscode.l10n.t('A whole number.'),
    },
    costInvalid: vscode.l10n.t('Not saved: fix the marked cost field first, or empty it.'),
    characters: vscode.l10n.t('{0} / {1}'),
    tooLong: vscode.l10n.t('{0} characters: keep it to {1}. Nothing was cut.'),
    link: vscode.l10n.t('Code link'),
    removeLink: vscode.l10n.t('Remove link'),
    anonymous: vscode.l10n.t('Post anonymously'),
    anonymousDisclosure: anonymityDisclosure(),
    completeness: vscode.l10n.t('{0} of 5 S.M.A.R.T. answers'),
    save: vscode.l10n.t('Save'),
    saveHint: vscode.l10n.t('Ctrl+Enter saves'),
    update: vscode.l10n.t('Update'),
    cancelEdit: vscode.l10n.t('Cancel edit'),
    editing: vscode.l10n.t('Editing an existing entry'),
    target: vscode.l10n.t('Backlog'),
    openFile: vscode.l10n.t('Open File'),
    saved: vscode.l10n.t('Saved “{0}”.'),
    noFolder: vscode.l10n.t('Open a folder to keep a backlog in it.'),
  };
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
        scripts: ['dist/webview/log.js'],
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

  /** Loads an entry into the form for editing. */
  edit(targetKey: string, entry: Entry): void {
    this.load({ target: targetKey, draft: draftFromEntry(entry), editingId: entry.id });
  }

  /** Starts a new entry with some fields filled in, for example a code link. */
  prefill(targetKey: string, fields: Partial<EntryDraft>): void {
    const stored = this.storedDraft();
    // A half-written new entry keeps what was typed; an entry being edited must not become a copy of itself.
    const base = stored.editingId ? emptyDraft(this.host.anonymousByDefault(targetKey)) : stored.draft;
    this.load({ target: targetKey, draft: { ...base, ...fields }, editingId: undefined });
  }

  dispose(): void {
    this.flush();
    vscode.Disposable.from(...this.viewDisposables, ...this.disposables).dispose();
  }

  private load(stored: StoredDraft): void {
    this.store(stored);
    this.post({ type: 'load', ...stored });
    void this.reveal();
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

  private snapshot(): LogState {
    const stored = this.storedDraft();
    const targets = this.host.targets();
    const target = targets.some((t) => t.key === stored.target) ? stored.target : targets[0]?.key;
    return { targets, labels: createLabels(), strings: strings(), locale: vscode.env.language, target, draft: stored.draft, editingId: stored.editingId };
  }

  private post(message: ToWebview): void {
    this.webview.post(message);
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', state: this.snapshot() });
        return;
      case 'draftChanged':
        this.hold({ target: message.target, draft: message.draft, editingId: message.editingId });
        return;
      case 'cancelEdit':
        this.store(undefined);
        this.post({ type: 'load', ...this.storedDraft() });
        return;
      case 'openDataFile':
        void this.host.openDataFile(message.target);
        return;
      case 'save':
        void this.save(message.target, message.draft, message.editingId);
        return;
    }
  }

  private async save(target: string, draft: EntryDraft, editingId: string | undefined): Promise<void> {
    const result = await this.host.save(target, draft, editingId);
    if (!result.ok) {
      this.post({ type: 'saveFailed', message: result.message });
      return;
    }
    this.store({ target, draft: emptyDraft(this.host.anonymousByDefault(target)), editingId: undefined });
    this.post({ type: 'saved', id: result.id, title: draft.title.trim() });
  }
}

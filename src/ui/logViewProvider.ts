import * as vscode from 'vscode';
import { draftFromEntry } from '../core/entries';
import { emptyDraft, SMART_KEYS, type Entry, type EntryDraft } from '../core/model';
import { parseDraft, parseFromWebview, type LogState, type LogStrings, type LogTargetInfo, type ToWebview } from '../protocol/logMessages';
import { createLabels } from './labels';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';

export interface LogTarget {
  key: string;
  name: string;
  status: 'ready' | 'missing' | 'problem' | 'read-only';
  detail?: string;
}

export type SaveResult = { ok: true; id: string } | { ok: false; message: string };

export interface LogHost {
  /** One per workspace folder. */
  targets(): LogTarget[];
  readonly onDidChangeTargets: vscode.Event<void>;
  /** A 'missing' target gets its file created. */
  save(targetKey: string, draft: EntryDraft, editingId: string | undefined): Promise<SaveResult>;
  openDataFile(targetKey: string): Promise<void>;
  anonymousByDefault(targetKey: string): boolean;
}

interface Draft {
  target: string | undefined;
  draft: EntryDraft;
  editingId: string | undefined;
}

/** What the Memento holds: no draft means a fresh form, built when it is shown. */
interface StoredDraft {
  revision: number;
  draft?: Draft;
}

const DRAFT_KEY = 'stupidWork.log.draft';
const PERSIST_DELAY_MS = 500;

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
    period: vscode.l10n.t('Period'),
    people: vscode.l10n.t('People affected'),
    perMonth: vscode.l10n.t('≈ {0}/month wasted'),
    link: vscode.l10n.t('Code link'),
    removeLink: vscode.l10n.t('Remove link'),
    anonymous: vscode.l10n.t('Post anonymously'),
    anonymousDisclosure: vscode.l10n.t('Your name is left out of the entry, but git history still records who commits and pushes the file.'),
    completeness: vscode.l10n.t('{0} of 5 S.M.A.R.T. answers'),
    save: vscode.l10n.t('Save'),
    saveHint: vscode.l10n.t('Ctrl+Enter saves'),
    update: vscode.l10n.t('Update'),
    cancelEdit: vscode.l10n.t('Cancel edit'),
    editing: vscode.l10n.t('Editing an existing entry'),
    target: vscode.l10n.t('Backlog'),
    openFile: vscode.l10n.t('Open File'),
    saved: vscode.l10n.t('Saved “{0}”.'),
  };
}

function hasContent(draft: EntryDraft): boolean {
  return draft.title.trim() !== '' || SMART_KEYS.some((key) => draft.smart[key].trim() !== '') || draft.reasons.length > 0 || draft.cost !== undefined || draft.link !== undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Storage outlives versions of the extension, so what it returns is checked like any other input. */
function readStored(value: unknown): StoredDraft {
  if (!isRecord(value) || typeof value.revision !== 'number' || !Number.isSafeInteger(value.revision) || value.revision < 0) {
    return { revision: 0 };
  }
  const stored = value.draft;
  const draft = isRecord(stored) ? parseDraft(stored.draft) : undefined;
  if (!isRecord(stored) || !draft) {
    return { revision: value.revision };
  }
  const text = (field: unknown) => (typeof field === 'string' && field !== '' ? field : undefined);
  return { revision: value.revision, draft: { target: text(stored.target), draft, editingId: text(stored.editingId) } };
}

/**
 * The Log form in the sidebar. It posts nothing before the webview says `ready`, sends a full
 * snapshot whenever the view is (re)created, and keeps the draft in the Memento (workspace state, so
 * one per workspace) so it survives a hidden view and a window reload.
 */
export class LogViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'stupidWork.log';
  private view: vscode.WebviewView | undefined;
  private ready = false;
  /** Outcomes of a save that finished while the webview was starting; everything else is in the snapshot. */
  private pending: ToWebview[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private stored: StoredDraft;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private saving = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly host: LogHost,
    private readonly state: vscode.Memento,
    private readonly logger: vscode.LogOutputChannel,
  ) {
    this.stored = readStored(state.get(DRAFT_KEY));
    this.disposables.push(host.onDidChangeTargets(() => this.targetsChanged()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    vscode.Disposable.from(...this.viewDisposables).dispose();
    this.view = view;
    this.ready = false;
    this.pending = [];
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = renderWebviewHtml({
      webview: view.webview,
      extensionUri: this.extensionUri,
      title: vscode.l10n.t('Log stupid work'),
      scripts: ['dist/webview/log.js'],
      styles: ['dist/codicons/codicon.css', 'media/log.css'],
      body: '<main id="root"></main>',
    });
    this.viewDisposables = [
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      view.onDidChangeVisibility(() => this.updateChrome()),
      view.onDidDispose(() => {
        vscode.Disposable.from(...this.viewDisposables).dispose();
        this.viewDisposables = [];
        this.view = undefined;
        this.ready = false;
      }),
    ];
    this.updateChrome();
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${LogViewProvider.viewType}.focus`);
  }

  /** Loads an entry into the form for editing and shows the form. */
  edit(targetKey: string, entry: Entry): void {
    const draft = draftFromEntry(entry);
    this.replace({ target: targetKey, draft, editingId: entry.id });
    this.post({ type: 'edit', target: targetKey, id: entry.id, draft, revision: this.stored.revision });
    this.show();
  }

  /**
   * Starts a new entry with some fields filled in, for example a code link. A half-written new draft
   * keeps what it has; an entry being edited is left for a fresh draft.
   */
  prefill(targetKey: string, fields: Partial<EntryDraft>): void {
    const current = this.stored.draft;
    const base = current && !current.editingId ? current.draft : emptyDraft(this.host.anonymousByDefault(targetKey));
    const draft = parseDraft({ ...base, ...fields });
    if (!draft) {
      this.logger.error('Ignored prefilled fields that do not make a valid draft');
      return;
    }
    this.replace({ target: targetKey, draft, editingId: undefined });
    this.post({ type: 'prefill', target: targetKey, draft, revision: this.stored.revision });
    this.show();
  }

  dispose(): void {
    if (this.persistTimer !== undefined) {
      this.persistNow();
    }
    vscode.Disposable.from(...this.viewDisposables, ...this.disposables).dispose();
  }

  private show(): void {
    this.reveal().catch((error: unknown) => this.logger.error(`Could not show the Log view: ${String(error)}`));
  }

  /** The host replaces the draft: a new revision makes the webview's older copy and late updates stale. */
  private replace(draft: Draft | undefined): void {
    this.stored = { revision: this.stored.revision + 1, draft };
    this.persistNow();
    this.updateChrome();
  }

  private persistNow(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    this.state.update(DRAFT_KEY, this.stored).then(undefined, (error: unknown) => this.logger.error(`Could not keep the Log draft: ${String(error)}`));
  }

  private persistSoon(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => this.persistNow(), PERSIST_DELAY_MS);
  }

  private targetInfos(): LogTargetInfo[] {
    return this.host.targets().map((t) => {
      const info: LogTargetInfo = { key: t.key, name: t.name, status: t.status, anonymousDefault: this.host.anonymousByDefault(t.key) };
      if (t.detail !== undefined) {
        info.detail = t.detail;
      }
      return info;
    });
  }

  private readOnly(targets: LogTargetInfo[]): string | undefined {
    return targets.length === 0 ? vscode.l10n.t('Open a folder to keep a backlog in it.') : undefined;
  }

  /** The stored draft, or a fresh one for the first folder; the stored folder only if it is still open. */
  private currentDraft(targets: LogTarget[]): Draft {
    const stored = this.stored.draft;
    const target = stored?.target !== undefined && targets.some((t) => t.key === stored.target) ? stored.target : targets[0]?.key;
    if (stored) {
      return { ...stored, target };
    }
    return { target, draft: emptyDraft(target !== undefined && this.host.anonymousByDefault(target)), editingId: undefined };
  }

  private snapshot(): LogState {
    const targets = this.targetInfos();
    const { target, draft, editingId } = this.currentDraft(targets);
    return { targets, readOnly: this.readOnly(targets), labels: createLabels(), strings: strings(), target, draft, editingId, revision: this.stored.revision };
  }

  private targetsChanged(): void {
    const targets = this.targetInfos();
    this.post({ type: 'targets', targets, readOnly: this.readOnly(targets) });
    this.updateChrome();
  }

  /** The view's description names what the form writes to; the badge flags a draft waiting out of sight. */
  private updateChrome(): void {
    const view = this.view;
    if (!view) {
      return;
    }
    const targets = this.host.targets();
    const { target, draft, editingId } = this.currentDraft(targets);
    if (editingId) {
      view.description = vscode.l10n.t('Editing');
    } else {
      view.description = targets.length > 1 ? targets.find((t) => t.key === target)?.name : undefined;
    }
    view.badge = !view.visible && hasContent(draft) ? { value: 1, tooltip: vscode.l10n.t('An unsaved draft is waiting in the Log form') } : undefined;
  }

  private post(message: ToWebview): void {
    if (!this.view) {
      return;
    }
    if (!this.ready) {
      if (message.type === 'saved' || message.type === 'saveFailed') {
        this.pending.push(message);
      }
      return;
    }
    this.view.webview.postMessage(message).then(undefined, (error: unknown) => this.logger.error(`Could not reach the Log view: ${String(error)}`));
  }

  private receive(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.logger.warn('Ignored an invalid message from the Log view');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', state: this.snapshot() });
        for (const queued of this.pending.splice(0)) {
          this.post(queued);
        }
        return;
      case 'draftChanged':
        // Sent before the webview learnt of a newer edit or prefill: that one wins.
        if (message.revision !== this.stored.revision) {
          return;
        }
        this.stored = { revision: this.stored.revision, draft: { target: message.target, draft: message.draft, editingId: message.editingId } };
        this.persistSoon();
        this.updateChrome();
        return;
      case 'cancelEdit':
        if (message.revision === this.stored.revision) {
          this.stored = { revision: this.stored.revision };
          this.persistNow();
          this.updateChrome();
        }
        return;
      case 'openDataFile':
        this.host.openDataFile(message.target).then(undefined, (error: unknown) => this.logger.error(`Could not open the backlog file: ${String(error)}`));
        return;
      case 'save':
        void this.save(message.target, message.draft, message.editingId);
        return;
    }
  }

  private async save(target: string, draft: EntryDraft, editingId: string | undefined): Promise<void> {
    if (this.saving) {
      this.logger.warn('Ignored a second save while one is running');
      return;
    }
    this.saving = true;
    const revision = this.stored.revision;
    // The webview stops its draft updates when it asks to save, so this is the newest draft.
    this.stored = { revision, draft: { target, draft, editingId } };
    this.persistNow();
    let result: SaveResult;
    try {
      result = await this.host.save(target, draft, editingId);
    } catch (error) {
      this.logger.error(`Saving from the Log view failed: ${String(error)}`);
      result = { ok: false, message: vscode.l10n.t('Could not save: {0}', error instanceof Error ? error.message : String(error)) };
    } finally {
      this.saving = false;
    }
    if (!result.ok) {
      this.post({ type: 'saveFailed', message: result.message });
      return;
    }
    // An edit or prefill that arrived during the save is the draft now; it is not cleared.
    if (this.stored.revision === revision) {
      this.replace(undefined);
    }
    this.post({ type: 'saved', id: result.id, title: draft.title.trim(), revision: this.stored.revision });
  }
}

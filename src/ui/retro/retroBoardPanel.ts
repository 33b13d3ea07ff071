import * as vscode from 'vscode';
import { defaultQuery, queryBoard, type BoardQuery } from '../../core/retro/boardQuery';
import type { Clock } from '../../core/model/calendar';
import { hoursByKind, openedVsDecided, topReasons } from '../../core/retro/charts';
import { KINDS, type Backlog, type Entry, type Kind, type Person } from '../../core/model/model';
import { activeRetro, decide, followUps, markDiscussed, mergeDuplicate, moveToList, setFollowUp, toggleVote, voterId, votesLeft } from '../../core/retro/retro';
import { parseFromWebview, type BoardFolder, type BoardState, type EntryDetail, type FromWebview, type ToWebview } from '../../protocol/boardMessages';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { staleAfterDaysSetting, voteBudgetSetting } from '../../adapters/workspace/config';
import { currentAuthor } from '../../adapters/workspace/identity';
import { QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import type { Labels } from '../../core/model/displayNames';
import { kindIcon } from '../shared/labels';
import { boardStrings } from './retroBoardStrings';
import { applyChange, backlogOf, errorMessage, exportBacklog, exportSummary, finishRetroIn, startRetroIn } from './retroBoardActions';
import { renderWebviewHtml, webviewOptions } from '../shared/webviewHtml';
import type { LiveRetroSource } from '../sync/liveRetro';

export interface BoardDeps {
  extensionUri: vscode.Uri;
  store: BacklogStore;
  labels: Labels;
  /** The viewer's clock: "now" for every change, and the calendar days shown on the board. */
  clock: Clock;
  logger: vscode.LogOutputChannel;
  /** Whether the retro is followed live, and when teammates' changes last arrived. */
  live?: LiveRetroSource;
}

/** What the webview keeps in `setState`: where it is and how it is filtered, never backlog data. */
interface PanelState {
  folder?: unknown;
  query?: unknown;
}

const MAX_MATCHES = 20;
const FOLLOW_UP_PAGE = 20;
const TOP_REASONS = 5;

function folderInfo(backlog: FolderBacklog): BoardFolder {
  const base = { key: backlog.key, name: backlog.folder.name };
  const state = backlog.state;
  switch (state.kind) {
    case 'problem':
      return {
        ...base,
        status: 'problem',
        detail: vscode.l10n.t('{0}, line {1}, column {2}: {3}', backlog.relativePath, state.problem.line, state.problem.column, plainText(state.problem.message)),
      };
    case 'bad-path':
      return { ...base, status: 'problem', detail: state.message };
    case 'missing':
      return { ...base, status: 'missing', detail: vscode.l10n.t('There is no backlog in {0} yet: log an entry to start one.', backlog.folder.name) };
    case 'loaded':
      return vscode.workspace.isTrusted
        ? { ...base, status: 'ready' }
        : { ...base, status: 'read-only', detail: vscode.l10n.t('This workspace is not trusted, so the board is read-only.') };
  }
}

function detailOf(entry: Entry, anonymous: string): EntryDetail {
  const detail: EntryDetail = {
    id: entry.id,
    title: entry.title,
    reasons: entry.reasons,
    smart: entry.smart,
    comments: entry.comments.map((c) => ({ author: c.author?.name ?? anonymous, created: c.created, text: c.text })),
  };
  if (entry.decision) {
    detail.decision = entry.decision;
  }
  return detail;
}

function panelTitle(backlog: FolderBacklog): string {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1
    ? vscode.l10n.t('Stupid Work: Retro Board ({0})', backlog.folder.name)
    : vscode.l10n.t('Stupid Work: Retro Board');
}

/**
 * One folder's board. It posts nothing before the webview says `ready`, then a full snapshot on every
 * change of the file, whoever made it; edits go through the core and `FolderBacklog.update`.
 */
class RetroBoardPanel implements vscode.Disposable {
  private ready = false;
  private query: BoardQuery = defaultQuery();
  private followUpLimit = FOLLOW_UP_PAGE;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private author: Promise<Person> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly backlog: FolderBacklog,
    private readonly deps: BoardDeps,
    onDispose: () => void,
  ) {
    panel.title = panelTitle(backlog);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.svg');
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.webview.html = renderWebviewHtml({
      webview: panel.webview,
      extensionUri: deps.extensionUri,
      title: vscode.l10n.t('Stupid Work: Retro Board'),
      scripts: ['dist/webview/board.js'],
      styles: ['dist/codicons/codicon.css', 'media/controls.css', 'media/board.css'],
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      deps.store.onDidChange((changed) => {
        if (!deps.store.get(backlog.key)) {
          panel.dispose();
        } else if (!changed || changed.key === backlog.key) {
          this.refresh();
        }
      }),
      deps.live?.onDidChange(() => this.refresh()) ?? new vscode.Disposable(() => undefined),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.author = undefined;
        this.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.authorName', backlog.folder.uri)) {
          this.author = undefined;
        }
        if (event.affectsConfiguration('stupidWork.retro', backlog.folder.uri) || event.affectsConfiguration('stupidWork.authorName', backlog.folder.uri)) {
          this.refresh();
        }
      }),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
  }

  /** Several file events in a row make one snapshot. */
  private refresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.sendSnapshot().catch((error: unknown) => {
        const text = errorMessage(error);
        this.deps.logger.error(text);
        this.post({ type: 'failed', message: text });
      });
    }, 30);
  }

  private post(message: ToWebview): void {
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    }
  }

  private async sendSnapshot(): Promise<void> {
    if (!this.ready) {
      return;
    }
    const sequence = ++this.sequence;
    const state = await this.snapshot();
    // A later snapshot may have been asked for while this one waited for the author.
    if (sequence === this.sequence) {
      this.post({ type: 'init', state });
    }
  }

  private async voter(): Promise<string> {
    return voterId(await this.me());
  }

  /** Asked of git once per panel, not on every snapshot: a search or a teammate's change must not spawn git. */
  private me(): Promise<Person> {
    this.author ??= currentAuthor(this.backlog.folder);
    return this.author;
  }

  private async snapshot(): Promise<BoardState> {
    const { folder } = this.backlog;
    const b = backlogOf(this.backlog);
    const me = await this.me();
    const voter = voterId(me);
    const { clock } = this.deps;
    const retro = activeRetro(b);
    const info = folderInfo(this.backlog);
    const kindIcons = Object.fromEntries(KINDS.map((kind) => [kind, kindIcon(kind)])) as Record<Kind, string>;
    const pending = followUps(b, clock);
    const state: BoardState = {
      folder: info,
      labels: this.deps.labels,
      kindIcons,
      strings: boardStrings(),
      query: this.query,
      view: queryBoard(b, this.query, { clock, voter, staleDays: staleAfterDaysSetting(folder) }),
      followUps: pending.slice(0, this.followUpLimit).map(({ entry, decision, ageDays, overdueDays }) => {
        const card = { id: entry.id, title: entry.title, outcome: decision.outcome, owner: decision.owner, followUp: decision.followUp, ageDays, overdueDays };
        return decision.due ? { ...card, due: decision.due } : card;
      }),
      followUpTotal: pending.length,
      me: me.name,
      charts: { hoursByKind: hoursByKind(b), openedVsDecided: openedVsDecided(b, clock), topReasons: topReasons(b, TOP_REASONS) },
      readOnly: info.status !== 'ready',
    };
    const left = votesLeft(b, voter, voteBudgetSetting(folder));
    if (left !== undefined) {
      state.votesLeft = left;
    }
    if (retro) {
      state.retro = { id: retro.id, started: retro.started, facilitator: retro.facilitator, discussed: retro.discussed.length };
      const live = this.deps.live?.liveFor(this.backlog.key);
      if (live) state.live = live;
    }
    return state;
  }

  private receive(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.deps.logger.warn('Ignored an invalid message from the Retro Board');
      return;
    }
    void this.handle(message).catch((error: unknown) => {
      const text = errorMessage(error);
      this.deps.logger.error(text);
      this.post({ type: 'failed', message: text, ...('id' in message ? { id: message.id } : {}) });
    });
  }

  private async handle(message: FromWebview): Promise<void> {
    const { backlog, deps } = this;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.query = message.query ?? this.query;
        await this.sendSnapshot();
        return;
      case 'query':
        this.query = message.query;
        await this.sendSnapshot();
        return;
      case 'expand':
        await this.expand(message.id);
        return;
      case 'vote': {
        const voter = await this.voter();
        const budget = voteBudgetSetting(backlog.folder);
        await applyChange(backlog, deps.clock, (current, now) => {
          const change = toggleVote(current, message.id, voter, budget, now);
          return change.ok ? { ok: true, backlog: markDiscussed(change.backlog, message.id) } : change;
        });
        return;
      }
      case 'move': {
        const next = await applyChange(backlog, deps.clock, (current, now) => moveToList(current, message.id, message.list, now));
        const title = next.entries.find((e) => e.id === message.id)?.title ?? '';
        this.post({ type: 'done', message: vscode.l10n.t('Moved “{0}” to {1}.', plainText(title, QUOTE_LENGTH), deps.labels.triage[message.list]) });
        return;
      }
      case 'decide': {
        const next = await applyChange(backlog, deps.clock, (current, now) => decide(current, message.id, message.decision, now));
        const title = next.entries.find((e) => e.id === message.id)?.title ?? '';
        this.post({ type: 'done', id: message.id, message: vscode.l10n.t('Decision recorded for “{0}”.', plainText(title, QUOTE_LENGTH)) });
        await this.expand(message.id);
        return;
      }
      case 'followUp':
        await applyChange(backlog, deps.clock, (current, now) => setFollowUp(current, message.id, message.followUp, now));
        return;
      case 'moreFollowUps':
        this.followUpLimit += FOLLOW_UP_PAGE;
        await this.sendSnapshot();
        return;
      case 'findDuplicates':
        this.post({ type: 'matches', id: message.id, matches: findMatches(backlogOf(backlog), message.id, message.search) });
        return;
      case 'merge':
        await this.merge(message.keepId, message.dropId);
        return;
      case 'startRetro':
        await startRetroIn(backlog, deps.clock);
        return;
      case 'finishRetro':
        await finishRetroIn(backlog, deps.labels, deps.clock, deps.logger);
        return;
      case 'export':
        if (message.what === 'csv' || message.what === 'json') {
          await exportBacklog(backlog, deps.labels, message.what);
        } else {
          await exportSummary(backlog, deps.labels, deps.clock, message.what === 'summary-copy' ? 'copy' : 'save');
        }
        return;
      case 'openDataFile':
        await vscode.commands.executeCommand('stupidWork.openDataFile', backlog.key);
        return;
      case 'restore':
        // The command asks first about a merged duplicate, and reports the outcome.
        await vscode.commands.executeCommand('stupidWork.entry.restore', backlog.key, message.id);
        return;
    }
  }

  /** Sends the full entry; during a retro, opening a card counts as discussing it. */
  private async expand(id: string): Promise<void> {
    const b = backlogOf(this.backlog);
    const entry = b.entries.find((e) => e.id === id);
    if (!entry) {
      this.post({ type: 'failed', id, message: vscode.l10n.t('This entry no longer exists in {0}; a teammate may have merged or removed it.', this.backlog.relativePath) });
      return;
    }
    this.post({ type: 'entryDetail', detail: detailOf(entry, this.deps.labels.anonymous) });
    const retro = activeRetro(b);
    if (retro && !retro.discussed.includes(id) && vscode.workspace.isTrusted) {
      await this.backlog.update((current) => markDiscussed(current, id));
    }
  }

  private async merge(keepId: string, dropId: string): Promise<void> {
    const b = backlogOf(this.backlog);
    const keep = b.entries.find((e) => e.id === keepId);
    const drop = b.entries.find((e) => e.id === dropId);
    if (!keep || !drop) {
      throw new Error(vscode.l10n.t('One of the entries no longer exists; the board has been refreshed.'));
    }
    const merge = vscode.l10n.t('Merge');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Merge “{0}” into “{1}”?', plainText(drop.title, QUOTE_LENGTH), plainText(keep.title, QUOTE_LENGTH)),
      {
        modal: true,
        detail: vscode.l10n.t('Every vote, comment, reason, link and S.M.A.R.T. answer of the duplicate moves to the kept entry. The duplicate stays in the file, archived, pointing at the kept entry.'),
      },
      merge,
    );
    if (choice !== merge) {
      return;
    }
    await applyChange(this.backlog, this.deps.clock, (current, now) => mergeDuplicate(current, keepId, dropId, now));
    this.post({ type: 'done', message: vscode.l10n.t('Merged “{0}” into “{1}”.', plainText(drop.title, QUOTE_LENGTH), plainText(keep.title, QUOTE_LENGTH)) });
    await this.expand(keepId);
  }
}

/** Active entries other than `id` whose title holds the search text, for choosing a duplicate. */
function findMatches(b: Backlog, id: string, search: string): { id: string; title: string }[] {
  const needle = search.trim().toLowerCase();
  const matches: { id: string; title: string }[] = [];
  for (const e of b.entries) {
    if (e.id !== id && (e.status === 'open' || e.status === 'decided') && e.title.toLowerCase().includes(needle)) {
      matches.push({ id: e.id, title: e.title });
      if (matches.length === MAX_MATCHES) {
        break;
      }
    }
  }
  return matches;
}

/** Every open board, one per workspace folder, restored after a reload by the serializer. */
export class RetroBoards implements vscode.Disposable {
  static readonly viewType = 'stupidWork.retroBoard';
  private readonly panels = new Map<string, RetroBoardPanel>();

  constructor(private readonly deps: BoardDeps) {}

  open(backlog: FolderBacklog): void {
    const existing = this.panels.get(backlog.key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(RetroBoards.viewType, panelTitle(backlog), vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    this.attach(panel, backlog);
  }

  /** Re-creates a board after a reload from the folder its webview remembered. */
  revive(panel: vscode.WebviewPanel, state: unknown): void {
    const folder = typeof state === 'object' && state !== null ? (state as PanelState).folder : undefined;
    const backlog = (typeof folder === 'string' ? this.deps.store.get(folder) : undefined) ?? this.deps.store.all[0];
    if (!backlog || this.panels.has(backlog.key)) {
      panel.dispose();
      return;
    }
    this.attach(panel, backlog);
  }

  dispose(): void {
    for (const board of [...this.panels.values()]) {
      board.panel.dispose();
    }
    this.panels.clear();
  }

  private attach(panel: vscode.WebviewPanel, backlog: FolderBacklog): void {
    const board = new RetroBoardPanel(panel, backlog, this.deps, () => {
      if (this.panels.get(backlog.key) === board) {
        this.panels.delete(backlog.key);
      }
    });
    this.panels.set(backlog.key, board);
  }
}

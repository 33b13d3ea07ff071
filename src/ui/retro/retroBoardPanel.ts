import * as vscode from 'vscode';
import { defaultQuery, type BoardQuery } from '../../core/retro/boardQuery';
import { boardSnapshot } from '../../core/retro/boardSnapshot';
import { isRecord } from '../../core/model/isRecord';
import type { Clock } from '../../core/model/calendar';
import { KINDS, type Backlog, type Comment, type Decision, type Entry, type Kind, type Person, type TriageList } from '../../core/model/model';
import { canChangeComment, liveComments } from '../../core/comments/comments';
import { activeRetro, decide, markDiscussed, mergeDuplicate, moveToList, setFollowUp, type DecisionInput } from '../../core/retro/retro';
import { voteOf, voterId } from '../../core/votes/votes';
import { decidedMeanwhile, keepLostDecision } from '../../core/retro/decisionConflict';
import { parseFromWebview, type BoardState, type CommentView, type EntryDetail, type ExportKind, type FromWebview, type ToWebview, type TrackerAction } from '../../protocol/boardMessages';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { anonymousByDefault, staleAfterDaysSetting, voteBudgetSetting } from '../../adapters/workspace/config';
import { currentAuthor } from '../../adapters/workspace/identity';
import { QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { writeFailureText } from '../shared/messageText';
import type { Labels } from '../../core/model/displayNames';
import { kindIcon } from '../shared/labels';
import { impactView } from '../../protocol/impactView';
import { boardStrings } from './retroBoardStrings';
import { applyChange, backlogOf, exportBacklog, exportSummary, finishRetroIn, startRetroIn } from './retroBoardActions';
import { webviewOptions } from '../shared/webviewHtml';
import { WebviewHost } from '../shared/webviewHost';
import { folderStatusOf } from '../shared/folderStatus';
import type { LiveRetroSource } from '../sync/liveRetro';
import { addCommentIn, deleteCommentIn, editCommentIn } from '../comments/commentActions';
import type { CommentSeen } from '../comments/commentSeen';
import { voteIn, type VoteIntent } from '../votes/voteActions';
import type { VoteTokens } from '../votes/voteTokens';
import type { BoardDraftStore } from './boardDrafts';
import { voteOutcomeText } from '../votes/voteWords';

export interface BoardDeps {
  extensionUri: vscode.Uri;
  store: BacklogStore;
  labels: Labels;
  /** The viewer's clock: "now" for every change, and the calendar days shown on the board. */
  clock: Clock;
  logger: vscode.LogOutputChannel;
  /** Whether the retro is followed live, and when teammates' changes last arrived. */
  live?: LiveRetroSource;
  /** Which comments the person has seen: an expanded card's count as seen. */
  commentSeen: CommentSeen;
  /** The person's anonymous votes, by token: which cards they voted on, and their budget. */
  voteTokens: VoteTokens;
  /** Unsent card text per folder, kept past the board's tab being closed. */
  drafts: BoardDraftStore;
}

const MAX_MATCHES = 20;
const FOLLOW_UP_PAGE = 20;

function commentView(c: Comment, me: Person): CommentView {
  const view: CommentView = { id: c.id, created: c.created, text: c.text, mine: canChangeComment(c, me) };
  if (c.author) view.author = c.author.name;
  if (c.edited) view.edited = c.edited;
  return view;
}

/** The open card's full entry; deleted comments stay out, and only `me`'s own named ones are offered for editing. */
function detailOf(entry: Entry, me: Person): EntryDetail {
  const detail: EntryDetail = {
    id: entry.id,
    title: entry.title,
    reasons: entry.reasons,
    smart: entry.smart,
    comments: liveComments(entry).map((c) => commentView(c, me)),
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

type Handlers = { [K in FromWebview['type']]: (message: Extract<FromWebview, { type: K }>) => void | Promise<void> };

/**
 * One folder's board, on the shared `WebviewHost`: it posts nothing before the webview says `ready`,
 * then a full snapshot on every change of the file, whoever made it; what it posts meanwhile waits
 * for `ready`. Edits go through the core and `FolderBacklog.update`.
 */
class RetroBoardPanel implements vscode.Disposable {
  private readonly webview: WebviewHost<ToWebview, FromWebview>;
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
    this.webview = new WebviewHost<ToWebview, FromWebview>({
      extensionUri: deps.extensionUri,
      logger: deps.logger,
      name: 'the Retro Board',
      page: {
        title: vscode.l10n.t('Stupid Work: Retro Board'),
        scripts: ['dist/webview/controls.js', 'dist/webview/board.js'],
        styles: ['dist/codicons/codicon.css', 'media/controls.css', 'media/board.css'],
      },
      parse: parseFromWebview,
      // The snapshot sent on `ready` is the newest; an older one must not follow it.
      replacedBySnapshot: ['init'],
      receive: (message) => this.handle(message),
      onError: (error, message) => this.fail(error, 'id' in message ? message.id : undefined),
    });
    this.webview.attach(panel.webview);
    this.disposables.push(
      this.webview,
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
      void this.sendSnapshot().catch((error: unknown) => this.fail(error, undefined));
    }, 30);
  }

  private post(message: ToWebview): void {
    this.webview.post(message);
  }

  /** Logs a failed change and tells the board, next to the card it was about when there is one. */
  private fail(error: unknown, id: string | undefined): void {
    const text = writeFailureText(error);
    this.deps.logger.error(text);
    this.post({ type: 'failed', message: text, ...(id === undefined ? {} : { id }) });
  }

  private async sendSnapshot(): Promise<void> {
    // A snapshot waits for `ready`: the one sent then is made from the file as it is at that moment.
    if (!this.webview.isReady) {
      return;
    }
    const sequence = ++this.sequence;
    const state = await this.snapshot();
    // A later snapshot may have been asked for while this one waited for the author.
    if (sequence === this.sequence) {
      this.post({ type: 'init', state });
    }
  }

  /** Asked of git once per panel, not on every snapshot: a search or a teammate's change must not spawn git. */
  private me(): Promise<Person> {
    this.author ??= currentAuthor(this.backlog.folder);
    return this.author;
  }

  private async snapshot(): Promise<BoardState> {
    const { folder } = this.backlog;
    const me = await this.me();
    const status = folderStatusOf(this.backlog);
    const data = boardSnapshot(backlogOf(this.backlog), {
      query: this.query,
      clock: this.deps.clock,
      voter: { id: voterId(me), tokens: this.deps.voteTokens.tokens },
      staleDays: staleAfterDaysSetting(folder),
      followUpLimit: this.followUpLimit,
      voteBudget: voteBudgetSetting(folder),
    });
    const kindIcons = Object.fromEntries(KINDS.map((kind) => [kind, kindIcon(kind)])) as Record<Kind, string>;
    const impact = impactView(data.charts.impact, { t: vscode.l10n.t.bind(vscode.l10n), language: vscode.env.language }, (kind) => this.deps.labels.kinds[kind]);
    const state: BoardState = { ...data, impact, folder: status, labels: this.deps.labels, kindIcons, strings: boardStrings(), me: me.name, anonymousByDefault: anonymousByDefault(folder), readOnly: status.status !== 'ready', drafts: this.deps.drafts.get(this.backlog.key) };
    const live = data.retro && this.deps.live?.liveFor(this.backlog.key);
    if (live) state.live = live;
    return state;
  }

  /** One named handler per message type from the webview. */
  private readonly handlers: Handlers = {
    // A board being looked at is a board that must be current, even if a file event was missed.
    ready: async (message) => {
      this.query = message.query ?? this.query;
      await this.backlog.recheck();
      await this.sendSnapshot();
    },
    query: async (message) => {
      this.query = message.query;
      await this.backlog.recheck();
      await this.sendSnapshot();
    },
    expand: (message) => this.expand(message.id),
    vote: (message) => this.vote(message.id, message.named === true),
    move: (message) => this.move(message.id, message.list),
    decide: (message) => this.record(message.id, message.decision, message.base),
    followUp: async (message) => {
      await applyChange(this.backlog, this.deps.clock, (current, now) => setFollowUp(current, message.id, message.followUp, now));
    },
    openEntry: async (message) => {
      await vscode.commands.executeCommand('stupidWork.entry.openById', this.backlog.key, message.id);
    },
    moreFollowUps: async () => {
      this.followUpLimit += FOLLOW_UP_PAGE;
      await this.sendSnapshot();
    },
    findDuplicates: (message) => {
      this.post({ type: 'matches', id: message.id, matches: findMatches(backlogOf(this.backlog), message.id, message.search) });
    },
    merge: (message) => this.merge(message.keepId, message.dropId),
    startRetro: async () => {
      await startRetroIn(this.backlog, this.deps.clock);
    },
    finishRetro: () => finishRetroIn(this.backlog, this.deps.labels, this.deps.clock, this.deps.logger),
    export: (message) => this.export(message.what),
    drafts: async (message) => {
      await this.deps.drafts.set(this.backlog.key, message.drafts);
    },
    // Not awaited: the notification stays until dismissed, and the board's next message must not wait for that.
    notify: ({ message, isError }) => {
      void (isError ? vscode.window.showErrorMessage(message) : vscode.window.showInformationMessage(message));
    },
    openDataFile: async () => {
      await vscode.commands.executeCommand('stupidWork.openDataFile', this.backlog.key);
    },
    comment: async (message) => {
      const comment = await addCommentIn(this.backlog, this.deps.clock, message.id, message.text, message.anonymous);
      this.deps.commentSeen.markOwn(comment.id);
      this.post({ type: 'commented', id: message.id, message: vscode.l10n.t('Comment added.') });
    },
    editComment: async (message) => {
      await editCommentIn(this.backlog, this.deps.clock, message.id, message.commentId, message.text);
      this.post({ type: 'commented', id: message.id, commentId: message.commentId, message: vscode.l10n.t('Comment changed.') });
    },
    deleteComment: async (message) => {
      const deleted = await deleteCommentIn(this.backlog, this.deps.clock, message.id, message.commentId);
      this.post({ type: 'commented', id: message.id, commentId: message.commentId, message: deleted ? vscode.l10n.t('Comment deleted.') : vscode.l10n.t('Comment kept.') });
    },
    tracker: async (message) => {
      // The commands ask for the address, check it, write it and report; the board follows the file.
      await vscode.commands.executeCommand(TRACKER_COMMANDS[message.action], this.backlog.key, message.id);
    },
    restore: async (message) => {
      // The command asks first about a merged duplicate, and reports the outcome.
      await vscode.commands.executeCommand('stupidWork.entry.restore', this.backlog.key, message.id);
    },
  };

  private handle(message: FromWebview): void | Promise<void> {
    // The table ties each handler to its own message type; TypeScript cannot follow that through the union.
    const handler = this.handlers[message.type] as (message: FromWebview) => void | Promise<void>;
    return handler(message);
  }

  /**
   * "Me Too" is a switch for an anonymous vote; "I'll help" is a switch for a named one, and turns an
   * anonymous vote into a named one. The result shows next to the card.
   */
  private async vote(id: string, named: boolean): Promise<void> {
    const me = await this.me();
    const entry = backlogOf(this.backlog).entries.find((e) => e.id === id);
    const mine = entry ? voteOf(entry, { id: voterId(me), tokens: this.deps.voteTokens.tokens }) : 'none';
    const intent: VoteIntent = !named ? 'toggle' : mine === 'named' ? 'withdraw' : 'named';
    const outcome = await voteIn(this.backlog, this.deps.clock, this.deps.voteTokens, id, intent, { me, also: (b) => markDiscussed(b, id) });
    // No `id`: a `done` about a card clears its unsent decision, and a vote must leave that alone.
    this.post({ type: 'done', message: voteOutcomeText(outcome.result, outcome.named, plainText(outcome.entry.title, QUOTE_LENGTH), outcome.left) });
  }

  private async move(id: string, list: TriageList): Promise<void> {
    const next = await applyChange(this.backlog, this.deps.clock, (current, now) => moveToList(current, id, list, now));
    const title = next.entries.find((e) => e.id === id)?.title ?? '';
    this.post({ type: 'done', message: vscode.l10n.t('Moved “{0}” to {1}.', plainText(title, QUOTE_LENGTH), this.deps.labels.triage[list]) });
  }

  /**
   * Records the card's decision. When someone else recorded a different one after the form started
   * (`base`), the person chooses between the two first, and the one not kept goes into the entry's
   * history; closing the question records nothing and keeps what they typed.
   */
  private async record(id: string, decision: DecisionInput, base: string | undefined): Promise<void> {
    const entry = backlogOf(this.backlog).entries.find((e) => e.id === id);
    const theirs = base === undefined ? undefined : decidedMeanwhile(entry?.decision, base, decision);
    let keep: 'mine' | 'theirs' = 'mine';
    if (theirs && entry) {
      const chosen = await this.askWhichDecision(entry.title, theirs, decision);
      if (!chosen) {
        this.post({ type: 'failed', id, message: vscode.l10n.t('Not recorded: choose between your decision and the one recorded meanwhile, or change yours.') });
        return;
      }
      keep = chosen;
    }
    const next = await applyChange(this.backlog, this.deps.clock, (current, now) => {
      const stamp = now.toISOString();
      if (keep === 'theirs' && theirs) {
        return { ok: true, backlog: keepLostDecision(current, id, decision, stamp, theirs.decided) };
      }
      const change = decide(current, id, decision, now);
      return change.ok && theirs ? { ok: true, backlog: keepLostDecision(change.backlog, id, theirs, theirs.decided, stamp) } : change;
    });
    const title = plainText(next.entries.find((e) => e.id === id)?.title ?? '', QUOTE_LENGTH);
    this.post({
      type: 'done',
      id,
      message: keep === 'theirs' ? vscode.l10n.t('Kept the decision recorded meanwhile on “{0}”; yours is in its history.', title) : vscode.l10n.t('Decision recorded for “{0}”.', title),
    });
    await this.expand(id);
  }

  /** Asks, in a modal, which of two decisions on one card to keep; undefined when the question is closed. */
  private async askWhichDecision(title: string, theirs: Decision, mine: DecisionInput): Promise<'mine' | 'theirs' | undefined> {
    const { labels } = this.deps;
    const describe = (d: Decision | DecisionInput) =>
      [labels.outcomes[d.outcome], vscode.l10n.t('owner {0}', d.owner.trim()), d.due ? vscode.l10n.t('due {0}', d.due) : vscode.l10n.t('no due date'), labels.followUps[d.followUp ?? 'open']].join(' · ');
    const recordMine = vscode.l10n.t('Record Mine');
    const keepTheirs = vscode.l10n.t('Keep Theirs');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('“{0}” got another decision while you were deciding it.', plainText(title, QUOTE_LENGTH)),
      {
        modal: true,
        // One line each; each line made plain on its own, so the breaks between them stay.
        detail: [
          vscode.l10n.t('Recorded meanwhile: {0}.', plainText(describe(theirs))),
          vscode.l10n.t('Yours: {0}.', plainText(describe(mine))),
          vscode.l10n.t("The one you do not keep stays in the entry's history."),
        ].join('\n'),
      },
      recordMine,
      keepTheirs,
    );
    return choice === recordMine ? 'mine' : choice === keepTheirs ? 'theirs' : undefined;
  }

  private async export(what: ExportKind): Promise<void> {
    const { labels, clock } = this.deps;
    if (what === 'csv' || what === 'json') {
      await exportBacklog(this.backlog, labels, what);
    } else {
      await exportSummary(this.backlog, labels, clock, what === 'summary-copy' ? 'copy' : 'save');
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
    this.post({ type: 'entryDetail', detail: detailOf(entry, await this.me()) });
    this.deps.commentSeen.markEntry(entry);
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

/** The command behind each of the board's tracking-link buttons. */
const TRACKER_COMMANDS: Record<TrackerAction, string> = {
  create: 'stupidWork.decision.createIssue',
  link: 'stupidWork.decision.linkIssue',
  open: 'stupidWork.decision.openIssue',
  unlink: 'stupidWork.decision.unlinkIssue',
};

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
    // The webview keeps in `setState` where it is and how it is filtered (never backlog data): `folder` is its key.
    const folder = isRecord(state) ? state.folder : undefined;
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

import * as vscode from 'vscode';
import { dayOf, type Clock } from '../../core/model/calendar';
import { smartCompleteness } from '../../core/model/completeness';
import { plainText, shorten } from '../../core/text/inertText';
import { KINDS, SMART_KEYS, STATUSES, TRIAGE_LISTS, type Backlog, type Entry } from '../../core/model/model';
import type { Labels } from '../../core/model/displayNames';
import { openDecisionsOf, overdueDays } from '../../core/retro/retro';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { groupBySetting } from '../../adapters/workspace/config';
import type { IdentityCache } from '../shared/identityCache';
import type { CommentSeen } from '../comments/commentSeen';
import { liveComments, newComments } from '../../core/comments/comments';
import { kindIcon } from '../shared/labels';
import { md, untrustedMarkdown } from '../shared/untrustedMarkdown';
import { messageText } from '../shared/messageText';
import { namedVoters, namedVotes, voteOf, voterNames, type Voter } from '../../core/votes/votes';
import type { VoteTokens } from '../votes/voteTokens';
import { voteSummary } from '../votes/voteWords';
import { counted, daysText, newCommentsText, votesText } from '../shared/counted';
import { monthlyCostText } from '../shared/costText';

export type BacklogNode =
  | { type: 'folder'; backlog: FolderBacklog }
  | { type: 'problem'; backlog: FolderBacklog }
  | { type: 'group'; backlog: FolderBacklog; id: string; label: string; icon: string; entries: Entry[]; subgroupByKind: boolean }
  | { type: 'entry'; backlog: FolderBacklog; entry: Entry; parent: BacklogNode };

const SEEN_KEY = 'stupidWork.backlog.seenIds';
/**
 * `.decided` when the entry has a decision, then `.tracked` when that has a tracking link: the tracker
 * commands' menu entries match on them. They come before `.linked`, which menus match at the end.
 */
function decisionContext(entry: Entry): string {
  if (!entry.decision) {
    return '';
  }
  return entry.decision.trackingUrl === undefined ? '.decided' : '.decided.tracked';
}

/** The group of your own open decisions, listed above the others. */
const MINE = 'mine';

/** Code-unit order, the same in every locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byRecency(a: Entry, b: Entry): number {
  return b.votes.length - a.votes.length || compare(b.updated, a.updated) || compare(a.id, b.id);
}

/** How much of each S.M.A.R.T. answer the hover shows; the Log form has all of it. */
const TOOLTIP_ANSWER_LENGTH = 240;
/** How many of the latest comments the hover shows. */
const TOOLTIP_COMMENTS = 3;

const STATUS_ICONS: Record<string, string> = { open: 'circle-large-outline', decided: 'law', done: 'pass', archived: 'archive' };
const TRIAGE_ICONS: Record<string, string> = { inbox: 'inbox', now: 'flame', 'bigger-story': 'organization', someday: 'calendar' };

/**
 * The Backlog view: entries grouped by status then kind (or by kind, or triage list), with counts and
 * a badge for entries that arrived since the view was last looked at.
 */
export class BacklogTreeProvider implements vscode.TreeDataProvider<BacklogNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<BacklogNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private view: vscode.TreeView<BacklogNode> | undefined;
  /** Entries this window wrote itself are never "new" to its user. */
  private readonly ownIds = new Set<string>();
  /**
   * Ids seen when the view was last looked at. Ids rather than times, because anonymous entries carry
   * day-coarsened times that would hide them.
   */
  private seen: Set<string> | undefined;
  /** What was seen before the view became visible, so "new" stays marked while it is being read. */
  private seenBeforeThisLook: Set<string> | undefined;

  constructor(
    private readonly store: BacklogStore,
    private readonly labels: Labels,
    private readonly memento: vscode.Memento,
    private readonly identity: IdentityCache,
    private readonly clock: Clock,
    private readonly commentSeen: CommentSeen,
    private readonly voteTokens: VoteTokens,
  ) {
    this.disposables.push(
      store.onDidChange(() => this.refresh()),
      commentSeen.onDidChange(() => this.refresh()),
      voteTokens.onDidChange(() => this.refresh()),
      identity.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.backlog.groupBy')) {
          this.refresh();
        }
      }),
    );
    const stored = this.memento.get<string[]>(SEEN_KEY);
    this.seen = stored ? new Set(stored) : undefined;
  }

  attach(view: vscode.TreeView<BacklogNode>): void {
    this.view = view;
    this.disposables.push(
      view.onDidChangeVisibility(({ visible }) => {
        if (visible) {
          this.markSeen();
        } else {
          this.seenBeforeThisLook = undefined;
        }
      }),
    );
    this.updateBadge();
  }

  /**
   * Called once the backlogs are first loaded. In a workspace never looked at before, what is already
   * there is not news; only what arrives afterwards is.
   */
  loaded(): void {
    this.commentSeen.loaded(this.store.all.flatMap((b) => (b.state.kind === 'loaded' ? [b.state.backlog] : [])));
    if (!this.seen) {
      const ids = this.activeIds();
      this.seen = new Set(ids);
      void this.memento.update(SEEN_KEY, ids);
    }
    this.updateBadge();
  }

  markOwn(id: string): void {
    this.ownIds.add(id);
  }

  refresh(): void {
    this.emitter.fire(undefined);
    if (this.view?.visible) {
      this.markSeen();
    } else {
      this.updateBadge();
    }
  }

  /** Shows an entry in the list, for example right after it was saved. */
  async reveal(folderKey: string, id: string): Promise<void> {
    const backlog = this.store.get(folderKey);
    if (!backlog || !this.view) {
      return;
    }
    const walk = (nodes: BacklogNode[]): BacklogNode | undefined => {
      for (const node of nodes) {
        if (node.type === 'entry' && node.entry.id === id && node.backlog === backlog) {
          return node;
        }
        if (node.type === 'folder' || node.type === 'group') {
          const found = walk(this.getChildren(node));
          if (found) {
            return found;
          }
        }
      }
      return undefined;
    };
    const node = walk(this.getChildren(undefined));
    if (node) {
      await this.view.reveal(node, { select: true, focus: false, expand: true });
    }
  }

  getParent(node: BacklogNode): BacklogNode | undefined {
    if (node.type === 'entry') {
      return node.parent;
    }
    if (node.type === 'group' && node.id.includes('/')) {
      const parentId = node.id.slice(0, node.id.lastIndexOf('/'));
      return this.groupsOf(node.backlog).find((group) => group.type === 'group' && group.id === parentId);
    }
    if ((node.type === 'group' || node.type === 'problem') && this.store.all.length > 1) {
      return { type: 'folder', backlog: node.backlog };
    }
    return undefined;
  }

  getChildren(node?: BacklogNode): BacklogNode[] {
    if (!node) {
      const backlogs = this.store.all;
      if (backlogs.length === 1) {
        return this.folderChildren(backlogs[0]);
      }
      return backlogs.filter((backlog) => backlog.state.kind !== 'missing').map((backlog) => ({ type: 'folder', backlog }));
    }
    if (node.type === 'folder') {
      return this.folderChildren(node.backlog);
    }
    if (node.type === 'group') {
      if (node.subgroupByKind) {
        return this.kindGroups(node.backlog, node.entries, node.id);
      }
      // Your open decisions keep their urgency order; the other groups list the most voted first.
      const entries = node.id === MINE ? node.entries : [...node.entries].sort(byRecency);
      return entries.map((entry) => ({ type: 'entry', backlog: node.backlog, entry, parent: node }));
    }
    return [];
  }

  getTreeItem(node: BacklogNode): vscode.TreeItem {
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(node.backlog.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `folder:${node.backlog.key}`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.backlog.folder.uri;
        const state = node.backlog.state;
        item.description = state.kind === 'loaded' ? String(state.backlog.entries.filter((e) => e.status !== 'archived').length) : undefined;
        item.contextValue = 'folder';
        return item;
      }
      case 'problem':
        return this.problemItem(node.backlog);
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.backlog.key}:${node.id}`;
        item.description = String(node.entries.length);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = 'group';
        if (node.id === 'archived') {
          item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        }
        if (node.id === MINE) {
          item.tooltip = vscode.l10n.t('Decisions you own that are not done yet, the most urgent first');
        }
        return item;
      }
      case 'entry':
        return this.entryItem(node);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private folderChildren(backlog: FolderBacklog): BacklogNode[] {
    const state = backlog.state;
    if (state.kind === 'problem' || state.kind === 'bad-path') {
      return [{ type: 'problem', backlog }];
    }
    return this.groupsOf(backlog);
  }

  private groupsOf(backlog: FolderBacklog): BacklogNode[] {
    const state = backlog.state;
    if (state.kind !== 'loaded') {
      return [];
    }
    const mine = this.myDecisions(backlog, state.backlog);
    const groups = this.groupsBy(backlog, state.backlog.entries);
    return mine ? [mine, ...groups] : groups;
  }

  /** Your open decisions; git is asked who you are only once some entry has an open decision. */
  private myDecisions(backlog: FolderBacklog, data: Backlog): BacklogNode | undefined {
    if (!data.entries.some((entry) => entry.decision && entry.decision.followUp !== 'done')) {
      return undefined;
    }
    const names = this.identity.namesFor(backlog.folder);
    const mine = names ? openDecisionsOf(data, names) : [];
    if (mine.length === 0) {
      return undefined;
    }
    return { type: 'group', backlog, id: MINE, label: vscode.l10n.t('Your open decisions'), icon: 'account', entries: mine, subgroupByKind: false };
  }

  private groupsBy(backlog: FolderBacklog, entries: Entry[]): BacklogNode[] {
    const groupBy = groupBySetting();
    if (groupBy === 'kind') {
      return this.kindGroups(backlog, entries.filter((entry) => entry.status !== 'archived'), '');
    }
    if (groupBy === 'triage') {
      return TRIAGE_LISTS.map((list) => ({
        type: 'group' as const,
        backlog,
        id: list,
        label: this.labels.triage[list],
        icon: TRIAGE_ICONS[list],
        entries: entries.filter((entry) => entry.triage === list && entry.status !== 'archived'),
        subgroupByKind: false,
      })).filter((group) => group.entries.length > 0);
    }
    return STATUSES.map((status) => ({
      type: 'group' as const,
      backlog,
      id: status,
      label: this.labels.statuses[status],
      icon: STATUS_ICONS[status],
      entries: entries.filter((entry) => entry.status === status),
      subgroupByKind: status !== 'archived',
    })).filter((group) => group.entries.length > 0);
  }

  private kindGroups(backlog: FolderBacklog, entries: Entry[], parentId: string): BacklogNode[] {
    return KINDS.map((kind) => ({
      type: 'group' as const,
      backlog,
      id: parentId ? `${parentId}/${kind}` : kind,
      label: this.labels.kinds[kind],
      icon: kindIcon(kind),
      entries: entries.filter((entry) => entry.kind === kind),
      subgroupByKind: false,
    })).filter((group) => group.entries.length > 0);
  }

  private problemItem(backlog: FolderBacklog): vscode.TreeItem {
    const state = backlog.state;
    const item = new vscode.TreeItem(vscode.l10n.t('{0} cannot be read', backlog.relativePath), vscode.TreeItemCollapsibleState.None);
    item.id = `problem:${backlog.key}`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = state.kind === 'problem' && state.problem.code === 'conflict' ? 'problem.conflict' : 'problem';
    if (state.kind === 'problem') {
      const { line, column } = state.problem;
      const message = messageText(state.problem.message);
      item.description = vscode.l10n.t('line {0}, column {1}: {2}', line, column, plainText(message));
      item.tooltip = untrustedMarkdown(
        md`${vscode.l10n.t('{0}, line {1}, column {2}: {3}', backlog.relativePath, line, column, message)}\n\n${vscode.l10n.t('The file is left untouched until it is fixed. Click to open it.')}`,
      );
    } else if (state.kind === 'bad-path') {
      item.description = plainText(state.message);
      item.tooltip = plainText(state.message);
    }
    item.command = { command: 'stupidWork.openDataFile', title: vscode.l10n.t('Open File'), arguments: [backlog.key] };
    return item;
  }

  private entryItem(node: Extract<BacklogNode, { type: 'entry' }>): vscode.TreeItem {
    const { entry } = node;
    const item = new vscode.TreeItem(plainText(entry.title), vscode.TreeItemCollapsibleState.None);
    const mine = node.parent.type === 'group' && node.parent.id === MINE;
    // An entry of yours shows twice: in your decisions and in its own group, and tree ids must be unique.
    item.id = `${mine ? 'mine' : 'entry'}:${node.backlog.key}:${entry.id}`;
    item.iconPath = new vscode.ThemeIcon(kindIcon(entry.kind));
    const myVote = voteOf(entry, this.voter(node.backlog));
    // `.voted` picks the inline action: Me Too, or Withdraw My Vote. `.linked` stays last: menus match it at the end.
    item.contextValue = `${entry.status === 'archived' ? 'entry.archived' : 'entry.active'}${decisionContext(entry)}${myVote === 'none' ? '' : '.voted'}${entry.links.length > 0 ? '.linked' : ''}`;
    // The key facts lead (your due date, then votes and cost): a row at the default sidebar width cuts its description from the end.
    const parts: string[] = [];
    if (entry.votes.length > 0) {
      parts.push(myVote === 'none' ? vscode.l10n.t('+{0}', entry.votes.length) : vscode.l10n.t('+{0} with you', entry.votes.length));
    }
    parts.push(monthlyCostText(entry.cost, true));
    if (mine && entry.decision) {
      parts.unshift(this.dueText(entry.decision.due));
      // The issue's address itself is in the tooltip; the row only says there is one.
      if (entry.decision.trackingUrl !== undefined) {
        parts.splice(1, 0, vscode.l10n.t('issue linked'));
      }
    }
    if (this.isNew(entry)) {
      parts.push(vscode.l10n.t('new'));
    }
    const fresh = this.newCommentsOn(node.backlog, entry);
    if (fresh > 0) {
      parts.push(newCommentsText(fresh));
    }
    const completeness = smartCompleteness(entry.smart);
    parts.push(`${completeness.filled}/${completeness.total}`);
    item.description = parts.join(' · ');
    item.tooltip = this.tooltip(entry, myVote, node.backlog);
    const votes = myVote === 'none' ? votesText(entry.votes.length) : counted({ one: vscode.l10n.t('{0} vote, yours included'), other: vscode.l10n.t('{0} votes, yours included') }, entry.votes.length);
    const answers = counted({ one: vscode.l10n.t('{0} of 5 S.M.A.R.T. answers'), other: vscode.l10n.t('{0} of 5 S.M.A.R.T. answers') }, completeness.filled);
    const label = vscode.l10n.t('{0}, {1}, {2}, {3}, {4}', plainText(entry.title), this.labels.kinds[entry.kind], votes, monthlyCostText(entry.cost), answers);
    item.accessibilityInformation = { label: mine && entry.decision ? `${label}, ${this.dueText(entry.decision.due)}` : label };
    item.command = { command: 'stupidWork.entry.open', title: vscode.l10n.t('Open'), arguments: [node] };
    return item;
  }

  private dueText(due: string | undefined): string {
    if (!due) {
      return vscode.l10n.t('no due date');
    }
    const late = overdueDays(due, this.clock);
    return late > 0 ? vscode.l10n.t('due {0}, {1} overdue', due, daysText(late)) : vscode.l10n.t('due {0}', due);
  }

  /** The full title and the S.M.A.R.T. summary; entry text comes from teammates, so it goes through `md`. */
  private tooltip(entry: Entry, myVote: 'none' | 'anonymous' | 'named', backlog: FolderBacklog): vscode.MarkdownString {
    const author = entry.author?.name ?? this.labels.anonymous;
    const flagged = dayOf(entry.created, this.clock) ?? entry.created;
    const answers = SMART_KEYS.map((key) => md`- **${this.labels.smart[key]}:** ${shorten(entry.smart[key], TOOLTIP_ANSWER_LENGTH) || '—'}\n`);
    const decision = entry.decision ? md`\n${this.labels.outcomes[entry.decision.outcome]} · ${entry.decision.owner}\n` : [];
    const helpers = namedVotes(entry).length > 0 && backlog.state.kind === 'loaded' ? namedVoters(entry, voterNames(backlog.state.backlog)) : [];
    const votes = entry.votes.length === 0 ? [] : md`\n${voteSummary(entry.votes.length, myVote)}${helpers.length > 0 ? md` · ${vscode.l10n.t('Will help: {0}', helpers.join(', '))}` : []}\n`;
    const tracking = entry.decision?.trackingUrl !== undefined ? md`\n${vscode.l10n.t('Tracked in')}: ${entry.decision.trackingUrl}\n` : [];
    const live = liveComments(entry);
    const comments = live.slice(-TOOLTIP_COMMENTS).map((c) => md`- ${c.author?.name ?? this.labels.anonymous}: ${shorten(c.text, TOOLTIP_ANSWER_LENGTH)}\n`);
    const thread = live.length > 0 ? md`\n**${vscode.l10n.t('Comments ({0})', live.length)}**\n\n${comments}` : [];
    return untrustedMarkdown(md`**${entry.title}**\n\n${this.labels.kinds[entry.kind]} · ${author} · ${flagged} · ${monthlyCostText(entry.cost)}\n\n${answers}${votes}${decision}${tracking}${thread}`);
  }

  private activeIds(): string[] {
    const ids: string[] = [];
    for (const backlog of this.store.all) {
      if (backlog.state.kind === 'loaded') {
        for (const entry of backlog.state.backlog.entries) {
          if (entry.status !== 'archived') {
            ids.push(entry.id);
          }
        }
      }
    }
    return ids;
  }

  private isNew(entry: Entry): boolean {
    const reference = this.seenBeforeThisLook ?? this.seen;
    return reference !== undefined && !reference.has(entry.id) && !this.ownIds.has(entry.id);
  }

  private markSeen(): void {
    const ids = this.activeIds();
    this.seenBeforeThisLook ??= this.seen ?? new Set(ids);
    if (!this.seen || this.seen.size !== ids.length || ids.some((id) => !this.seen?.has(id))) {
      this.seen = new Set(ids);
      void this.memento.update(SEEN_KEY, ids);
    }
    this.updateBadge();
  }

  /** New comments on an entry that concerns you (see `newComments`); none while your name is still being looked up. */
  private newCommentsOn(backlog: FolderBacklog, entry: Entry): number {
    if (!this.commentSeen.ready) {
      return 0;
    }
    const names = this.identity.namesFor(backlog.folder) ?? [];
    return newComments(entry, this.commentSeen.seen, names, this.voteTokens.tokens).length;
  }

  /** You as a voter in the folder: your anonymous tokens, and your named-vote id once git has said it. */
  private voter(backlog: FolderBacklog): Voter {
    return { id: this.identity.voterIdFor(backlog.folder) ?? '', tokens: this.voteTokens.tokens };
  }

  private allNewComments(): number {
    let count = 0;
    for (const backlog of this.store.all) {
      if (backlog.state.kind === 'loaded') {
        for (const entry of backlog.state.backlog.entries) {
          count += this.newCommentsOn(backlog, entry);
        }
      }
    }
    return count;
  }

  private updateBadge(): void {
    if (!this.view) {
      return;
    }
    const seen = this.seen;
    const entries = seen ? this.activeIds().filter((id) => !seen.has(id) && !this.ownIds.has(id)).length : 0;
    const comments = this.allNewComments();
    const count = entries + comments;
    const newEntries = counted({ one: vscode.l10n.t('{0} new entry since you last looked'), other: vscode.l10n.t('{0} new entries since you last looked') }, entries);
    const tooltip = comments === 0
      ? newEntries
      : vscode.l10n.t('{0}, and {1} on entries you wrote, voted on or own a decision for', newEntries, newCommentsText(comments));
    this.view.badge = count > 0 ? { value: count, tooltip } : undefined;
  }
}

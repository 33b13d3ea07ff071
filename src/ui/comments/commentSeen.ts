import * as vscode from 'vscode';
import type { Backlog, Entry } from '../../core/model/model';

const SEEN_KEY = 'stupidWork.comments.seenIds';

/**
 * Which comments this person has seen, kept in workspace state by comment id (ids, not times, since
 * anonymous comments carry day-coarsened times). An entry's comments count as seen when the entry
 * is opened in the Log form or its card is expanded on the Retro Board, and one's own as soon as it
 * is written. In a workspace never looked at before, the comments already there are not news.
 */
export class CommentSeen implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private ids: Set<string> | undefined;

  constructor(private readonly memento: vscode.Memento) {
    const stored = memento.get<string[]>(SEEN_KEY);
    this.ids = Array.isArray(stored) ? new Set(stored) : undefined;
  }

  /** The comment ids seen so far; empty until the backlogs were first loaded. */
  get seen(): ReadonlySet<string> {
    return this.ids ?? new Set();
  }

  /** Whether "new" means anything yet: false until the first load set what was already there. */
  get ready(): boolean {
    return this.ids !== undefined;
  }

  /** Called once the backlogs are first loaded: without a record, everything already there counts as seen. */
  loaded(backlogs: Backlog[]): void {
    if (this.ids) {
      return;
    }
    this.ids = new Set(backlogs.flatMap((b) => b.entries.flatMap((e) => e.comments.map((c) => c.id))));
    this.save();
  }

  /** The entry was read: every comment on it now is seen. */
  markEntry(entry: Entry): void {
    this.add(entry.comments.map((c) => c.id));
  }

  /** A comment this person wrote is never news to them. */
  markOwn(commentId: string): void {
    this.add([commentId]);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private add(ids: string[]): void {
    const known = (this.ids ??= new Set());
    const fresh = ids.filter((id) => !known.has(id));
    if (fresh.length === 0) {
      return;
    }
    for (const id of fresh) {
      known.add(id);
    }
    this.save();
    this.emitter.fire();
  }

  private save(): void {
    void this.memento.update(SEEN_KEY, [...(this.ids ?? [])]);
  }
}

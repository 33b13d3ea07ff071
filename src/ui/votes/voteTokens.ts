import * as vscode from 'vscode';

const TOKENS_KEY = 'stupidWork.votes.tokens';

/** Enough for years of votes; past it, the oldest tokens are forgotten (their votes stay, and count, but can no longer be withdrawn from here). */
export const MAX_KEPT_TOKENS = 10000;

/**
 * The anonymous votes this person cast, by token, kept in VS Code's global state on this machine
 * (`ExtensionContext.globalState`, not synced). Only this list ties a token in the shared file to
 * its voter: it lets them withdraw the vote and count their own budget. Oldest first.
 */
export class VoteTokens implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private list: string[];
  private set: Set<string>;

  constructor(private readonly memento: vscode.Memento) {
    const stored = memento.get<unknown>(TOKENS_KEY);
    this.list = Array.isArray(stored) ? stored.filter((t): t is string => typeof t === 'string') : [];
    this.set = new Set(this.list);
  }

  /** The tokens held now. */
  get tokens(): ReadonlySet<string> {
    return this.set;
  }

  /** Keeps `token`; resolves once it is stored, so a vote is written to the backlog only after its voter can find it again. */
  async add(token: string): Promise<void> {
    if (this.set.has(token)) {
      return;
    }
    this.list = [...this.list, token].slice(-MAX_KEPT_TOKENS);
    await this.save();
  }

  /** Forgets tokens whose votes left the backlog. */
  async remove(tokens: readonly string[]): Promise<void> {
    const gone = new Set(tokens.filter((t) => this.set.has(t)));
    if (gone.size === 0) {
      return;
    }
    this.list = this.list.filter((t) => !gone.has(t));
    await this.save();
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private async save(): Promise<void> {
    this.set = new Set(this.list);
    this.emitter.fire();
    await this.memento.update(TOKENS_KEY, this.list);
  }
}

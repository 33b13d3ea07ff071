import * as vscode from 'vscode';
import { currentAuthor } from '../../adapters/workspace/identity';

/**
 * Who "you" are in each folder (name and email), for views that pick out your own decisions. It is
 * asked of git once per folder, and only when a view needs it, so activation never waits for git.
 */
export class IdentityCache implements vscode.Disposable {
  private readonly names = new Map<string, string[]>();
  private readonly pending = new Set<string>();
  private generation = 0;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.authorName')) {
          this.forget();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.forget()),
    );
  }

  /** Your names in the folder, or undefined while they are being looked up (`onDidChange` fires when known). */
  namesFor(folder: vscode.WorkspaceFolder): string[] | undefined {
    const key = folder.uri.toString();
    const known = this.names.get(key);
    if (known || this.pending.has(key)) {
      return known;
    }
    this.pending.add(key);
    const generation = this.generation;
    void currentAuthor(folder)
      .then((person) => [person.name, person.email ?? ''].filter((name) => name.trim() !== ''))
      .catch(() => [])
      .then((names) => {
        this.pending.delete(key);
        // An answer that predates a change of the name setting or of trust is not kept.
        if (generation === this.generation) {
          this.names.set(key, names);
          this.emitter.fire();
        }
      });
    return undefined;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private forget(): void {
    this.generation++;
    this.pending.clear();
    this.names.clear();
    this.emitter.fire();
  }
}

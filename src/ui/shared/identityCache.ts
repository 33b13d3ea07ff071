import * as vscode from 'vscode';
import { currentAuthor } from '../../adapters/workspace/identity';
import type { Person } from '../../core/model/model';
import { voterId } from '../../core/votes/votes';

/**
 * Who "you" are in each folder (name and email), for views that pick out your own decisions. It is
 * asked of git once per folder, and only when a view needs it, so activation never waits for git.
 */
export class IdentityCache implements vscode.Disposable {
  private readonly people = new Map<string, Person | undefined>();
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
    const known = this.lookUp(folder);
    return known === undefined ? undefined : known === null ? [] : [known.name, known.email ?? ''].filter((name) => name.trim() !== '');
  }

  /** Your named-vote id in the folder (`voterId`), '' when git could not say, or undefined while it is being looked up. */
  voterIdFor(folder: vscode.WorkspaceFolder): string | undefined {
    const known = this.lookUp(folder);
    return known === undefined ? undefined : known === null ? '' : voterId(known);
  }

  /** The person, null when the lookup failed, undefined while it runs (and starts it). */
  private lookUp(folder: vscode.WorkspaceFolder): Person | null | undefined {
    const key = folder.uri.toString();
    if (this.people.has(key) || this.pending.has(key)) {
      return this.people.get(key) ?? (this.people.has(key) ? null : undefined);
    }
    this.pending.add(key);
    const generation = this.generation;
    void currentAuthor(folder)
      .then((person): Person | undefined => person)
      .catch(() => undefined)
      .then((person) => {
        this.pending.delete(key);
        // An answer that predates a change of the name setting or of trust is not kept.
        if (generation === this.generation) {
          this.people.set(key, person);
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
    this.people.clear();
    this.emitter.fire();
  }
}

import * as vscode from 'vscode';

/**
 * Stands in for a provider at activation, so VS Code can be told about a view or a CodeLens source
 * before the code behind it is loaded. The first call from VS Code runs `start`, which loads the
 * features and connects the real provider; calls after that go straight to it.
 */
abstract class LazyProvider<T extends object> implements vscode.Disposable {
  private real: T | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly start: () => void) {}

  /** Disposed with the stand-in. */
  protected own<D extends vscode.Disposable>(disposable: D): D {
    this.disposables.push(disposable);
    return disposable;
  }

  /** Hands every later call to `real`, and forwards the change events it fires. */
  connect(real: T): void {
    this.real = real;
    this.disposables.push(...this.forward(real));
  }

  /** Subscribes the stand-in's own events to the real provider's. */
  protected abstract forward(real: T): vscode.Disposable[];

  protected get provider(): T {
    if (!this.real) {
      this.start();
    }
    if (!this.real) {
      throw new Error('The extension started without connecting this provider.');
    }
    return this.real;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

type TreeChange<T> = T | T[] | undefined | null | void;

/** The stand-in for a tree view's data provider; the real one implements `getParent` so views can reveal. */
export class LazyTreeDataProvider<T> extends LazyProvider<vscode.TreeDataProvider<T>> implements vscode.TreeDataProvider<T> {
  private readonly changes = this.own(new vscode.EventEmitter<TreeChange<T>>());
  readonly onDidChangeTreeData = this.changes.event;

  protected forward(real: vscode.TreeDataProvider<T>): vscode.Disposable[] {
    return real.onDidChangeTreeData ? [real.onDidChangeTreeData((change) => this.changes.fire(change))] : [];
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider.getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.provider.getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.provider.getParent?.(element);
  }
}

/** The stand-in for a webview view's provider. */
export class LazyWebviewViewProvider extends LazyProvider<vscode.WebviewViewProvider> implements vscode.WebviewViewProvider {
  protected forward(): vscode.Disposable[] {
    return [];
  }

  resolveWebviewView(view: vscode.WebviewView, context: vscode.WebviewViewResolveContext, token: vscode.CancellationToken): Thenable<void> | void {
    return this.provider.resolveWebviewView(view, context, token);
  }
}

/** The stand-in for a CodeLens provider. */
export class LazyCodeLensProvider extends LazyProvider<vscode.CodeLensProvider> implements vscode.CodeLensProvider {
  private readonly changes = this.own(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changes.event;

  protected forward(real: vscode.CodeLensProvider): vscode.Disposable[] {
    return real.onDidChangeCodeLenses ? [real.onDidChangeCodeLenses(() => this.changes.fire())] : [];
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.ProviderResult<vscode.CodeLens[]> {
    return this.provider.provideCodeLenses(document, token);
  }
}

/**
 * Registers a stand-in for each command that runs `start` and then the command itself. `start` must
 * dispose the stand-ins (through the returned disposable) before the features register the real
 * commands under the same ids.
 */
export function registerLazyCommands(ids: readonly string[], start: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    ...ids.map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        start();
        return vscode.commands.executeCommand(id, ...args);
      }),
    ),
  );
}

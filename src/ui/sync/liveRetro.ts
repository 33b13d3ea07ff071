import * as vscode from 'vscode';
import { activeRetro } from '../../core/retro/retro';
import type { BacklogStore } from '../../adapters/file/backlogStore';

/** What a Retro Board shows about the live rhythm; undefined when its folder's retro is not followed live. */
export interface LiveRetroInfo {
  /** When teammates' changes last reached this folder's working copy (ISO time), if they did this session. */
  lastChange?: string;
}

/** The live rhythm as the Retro Board reads it. */
export interface LiveRetroSource {
  readonly onDidChange: vscode.Event<void>;
  liveFor(folderKey: string): LiveRetroInfo | undefined;
}

/** The Retro Board's webview type as the tab API reports it: VS Code prefixes the extension's own. */
const BOARD_VIEW_TYPE = 'stupidWork.retroBoard';

function boardTabOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(BOARD_VIEW_TYPE)));
}

/**
 * Watches the two signals of a live retro in this window: a retro running according to the shared file,
 * and the Retro Board or the Backlog view open. Also remembers when teammates' changes last arrived,
 * for the board to show.
 */
export class LiveRetroWatch implements vscode.Disposable, LiveRetroSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly arrivals = new Map<string, Date>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private backlogVisible: boolean;
  private live = false;

  constructor(
    private readonly store: BacklogStore,
    backlogView: vscode.TreeView<unknown> | undefined,
    private readonly onSignals: () => void,
  ) {
    this.backlogVisible = backlogView?.visible ?? false;
    this.disposables.push(
      store.onDidChange(() => this.signal()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.signal()),
    );
    if (backlogView) {
      this.disposables.push(
        backlogView.onDidChangeVisibility((event) => {
          this.backlogVisible = event.visible;
          this.signal();
        }),
      );
    }
  }

  /** A retro has started and not finished in some folder's shared file. */
  get retroRunning(): boolean {
    return this.store.all.some((backlog) => backlog.state.kind === 'loaded' && activeRetro(backlog.state.backlog) !== undefined);
  }

  get viewOpen(): boolean {
    return this.backlogVisible || boardTabOpen();
  }

  /** Told by the scheduler whether this window now follows the retro live. */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    this.changed.fire();
  }

  /** A sync brought teammates' changes into this folder's working copy. */
  arrived(folderKey: string, at: Date): void {
    this.arrivals.set(folderKey, at);
    if (this.live) this.changed.fire();
  }

  liveFor(folderKey: string): LiveRetroInfo | undefined {
    const backlog = this.store.get(folderKey);
    const retro = this.live && backlog?.state.kind === 'loaded' ? activeRetro(backlog.state.backlog) : undefined;
    if (!retro) return undefined;
    const at = this.arrivals.get(folderKey);
    return at ? { lastChange: at.toISOString() } : {};
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private signal(): void {
    this.onSignals();
  }
}

// Named imports: a namespace import makes the bundle copy every name of the VS Code API at load.
import { Disposable, type ExtensionContext, type TreeView } from 'vscode';
import type { BacklogStore } from './adapters/file/backlogStore';
import type { Clock } from './core/model/calendar';
import type { BacklogNode, BacklogTreeProvider } from './ui/backlog/backlogTree';
import type { BacklogLogHost } from './ui/log/backlogLogHost';
import type { LogViewProvider } from './ui/log/logViewProvider';
import type { MergeDriverMonitor } from './ui/mergeDriver/mergeDriver';
import type { ReminderController } from './ui/reminders/reminderController';
import type { SyncController } from './ui/sync/syncController';
import type { VoteTokens } from './ui/votes/voteTokens';
import type * as Features from './features';
import { registerLazyCommands } from './ui/shared/lazyCommands';

/** Handed to other extensions and to the extension-host tests. */
export interface StupidWorkApi {
  store: BacklogStore;
  tree: BacklogTreeProvider;
  treeView: TreeView<BacklogNode>;
  logHost: BacklogLogHost;
  log: LogViewProvider;
  sync: SyncController;
  mergeDriver: MergeDriverMonitor;
  /** "Now" and the viewer's time zone for every view and change; tests set its functions to fix them. */
  clock: Clock;
  /** The owner's reminders and "Still happening?"; tests move `clock` and call `check()`, as the timer does. */
  reminders: ReminderController;
  /** The anonymous votes this person holds, by token. */
  voteTokens: VoteTokens;
}

interface Manifest {
  contributes: { commands: { command: string }[] };
}

/**
 * Registers stand-ins for the contributed commands and nothing else. The features (views, CodeLens,
 * the status bar, the store) load from their own file right after activation returns, or earlier when
 * a command runs or the API is read; `npm run bench` shows what each part of activation costs.
 */
export function activate(context: ExtensionContext): StupidWorkApi {
  let api: StupidWorkApi | undefined;
  const commands = registerLazyCommands((context.extension.packageJSON as Manifest).contributes.commands.map(({ command }) => command), () => start());
  const start = (): StupidWorkApi => {
    if (!api) {
      // A synchronous load, so the API can hand out the features' objects as soon as it is read.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startFeatures } = require('./features') as typeof Features;
      api = startFeatures(context, commands);
    }
    return api;
  };
  const deferred = setTimeout(start, 0);
  context.subscriptions.push(commands, new Disposable(() => clearTimeout(deferred)));
  return {
    get store() { return start().store; },
    get tree() { return start().tree; },
    get treeView() { return start().treeView; },
    get logHost() { return start().logHost; },
    get log() { return start().log; },
    get sync() { return start().sync; },
    get mergeDriver() { return start().mergeDriver; },
    get clock() { return start().clock; },
    get reminders() { return start().reminders; },
    get voteTokens() { return start().voteTokens; },
  };
}

export function deactivate(): void {}

import type { Stats } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveDataPath, type DataPathResult } from '../../core/file/dataPath';
import { literalGlob } from '../../core/file/filePatterns';
import { plainText } from '../../core/text/inertText';
import { renderMessage, type ParseMessage } from '../../core/text/messages';
import { emptyBacklog, MAX_FILE_BYTES, type Backlog } from '../../core/model/model';
import type { BaseUse } from '../../core/merge/merge';
import type { BacklogProblem } from '../../core/file/parse';
import { serializeBacklog } from '../../core/file/serialize';
import { writeFileAtomic } from './atomicWrite';
import { dataFileSetting } from '../workspace/config';
import type { ReplaceResult } from '../sync/workingCopy';

export type FolderState =
  | { kind: 'missing' }
  | { kind: 'loaded'; backlog: Backlog }
  | { kind: 'problem'; problem: BacklogProblem }
  | { kind: 'bad-path'; message: string };

/** Thrown by `update` when the file cannot be changed safely; the message is for people. */
export class BacklogWriteError extends Error {}

function stampOf(info: Stats): string {
  return `${info.size}:${info.mtimeMs}`;
}

/** The file's "size:mtimeMs", or undefined when it does not exist or cannot be read. */
async function fileStamp(file: string): Promise<string | undefined> {
  try {
    return stampOf(await stat(file));
  } catch {
    return undefined;
  }
}

/** Attempts at reading a file that another program is writing in place, before the last read is kept. */
const READ_ATTEMPTS = 3;

/**
 * Reads the file until its size and modification time are the same after the read as before it, and
 * returns the text with that "size:mtimeMs". A program that writes in place (truncate, then write) can
 * otherwise be caught halfway, and the file event it raised may already be spent on that read.
 */
async function readWhole(file: string, before: Stats): Promise<{ text: string; stamp: string }> {
  let seen = stampOf(before);
  for (let attempt = 1; ; attempt++) {
    const text = await readFile(file, 'utf8');
    const after = stampOf(await stat(file));
    if (after === seen || attempt === READ_ATTEMPTS) {
      return { text, stamp: after };
    }
    seen = after;
  }
}

/** One workspace folder's backlog file: its parsed state, a watcher, and serialized writes. */
export class FolderBacklog implements vscode.Disposable {
  private current: FolderState = { kind: 'missing' };
  private lastText: string | undefined;
  /** The file's size and modification time when it was last read ("size:mtimeMs"), to tell cheaply whether it changed since. */
  private lastSeen: string | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private resolved: DataPathResult;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly onChanged: (backlog: FolderBacklog) => void,
    private readonly onWritten: (backlog: FolderBacklog) => void,
    private readonly logger: vscode.LogOutputChannel,
  ) {
    this.resolved = resolveDataPath(folder.uri.fsPath, dataFileSetting(folder));
    this.watch();
  }

  get key(): string {
    return this.folder.uri.toString();
  }

  get state(): FolderState {
    return this.current;
  }

  /** The data file, or undefined when the path setting is invalid. */
  get fileUri(): vscode.Uri | undefined {
    return this.resolved.ok ? vscode.Uri.file(this.resolved.path) : undefined;
  }

  get relativePath(): string {
    return this.resolved.ok ? path.relative(this.folder.uri.fsPath, this.resolved.path).split(path.sep).join('/') : dataFileSetting(this.folder);
  }

  /** Re-resolves the path setting, e.g. after the user changed it. */
  async relocate(): Promise<void> {
    this.resolved = resolveDataPath(this.folder.uri.fsPath, dataFileSetting(this.folder));
    this.watcher?.dispose();
    this.watch();
    await this.reload();
  }

  /**
   * Reloads if the file's size or modification time changed since it was last read. VS Code's file
   * watcher can miss an event (it drops them when the system's watch queue overflows, and a watcher
   * restarts after a crash), so the views call this whenever the person looks at them. One `stat`.
   */
  async recheck(): Promise<void> {
    if (this.resolved.ok && (await fileStamp(this.resolved.path)) !== this.lastSeen) {
      await this.reload();
    }
  }

  async reload(): Promise<void> {
    const next = await this.read();
    const text = next.text;
    if (text !== undefined && text === this.lastText && this.current.kind === next.state.kind) {
      return;
    }
    this.lastText = text;
    this.current = next.state;
    if (next.state.kind === 'problem') {
      this.logger.warn(`${this.relativePath} in ${this.folder.name}: ${plainText(renderMessage(next.state.problem.message, vscode.l10n))}`);
    }
    this.onChanged(this);
  }

  /**
   * Applies `mutate` to what is on disk right now (not to a cached copy), so a teammate's change that
   * arrived through git a moment ago is kept. Writes are queued so two saves never interleave.
   */
  update(mutate: (backlog: Backlog) => Backlog): Promise<Backlog> {
    const run = this.queue.then(() => this.writeThrough(mutate));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Replaces the file with `next` if it still holds `expected` (undefined: it does not exist), in the
   * write queue, so a save from the form is never overwritten by a sync that read the file before it.
   * This is the sync's ReplaceWorkingCopy; the file is written atomically and then reloaded.
   */
  replaceIfUnchanged(expected: string | undefined, next: string): Promise<ReplaceResult> {
    const run = this.queue.then(async (): Promise<ReplaceResult> => {
      if (!this.resolved.ok) {
        throw new BacklogWriteError(renderMessage(this.resolved.message, vscode.l10n));
      }
      const current = await readFile(this.resolved.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (current !== expected) return 'changed-meanwhile';
      if (current === next) return 'unchanged';
      await mkdir(path.dirname(this.resolved.path), { recursive: true });
      await writeFileAtomic(this.resolved.path, next);
      this.logger.info(`Sync updated ${this.relativePath} in ${this.folder.name}`);
      await this.reload();
      return 'written';
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Repairs a file that holds git conflict markers by merging both sides semantically. Only a file
   * whose one problem is conflict markers is rewritten; anything else is left for a person.
   */
  resolveConflicts(): Promise<{ entries: number; concurrentEdits: number; hunks: number; base: BaseUse }> {
    const run = this.queue.then(async () => {
      if (!vscode.workspace.isTrusted) {
        throw new BacklogWriteError(vscode.l10n.t('This workspace is not trusted, so the backlog is read-only.'));
      }
      if (!this.resolved.ok) {
        throw new BacklogWriteError(renderMessage(this.resolved.message, vscode.l10n));
      }
      const { state, text } = await this.read();
      if (state.kind !== 'problem' || state.problem.code !== 'conflict' || text === undefined) {
        throw new BacklogWriteError(vscode.l10n.t('{0} has no conflict markers to resolve.', this.relativePath));
      }
      const { resolveConflictMarkers } = await import('../../core/merge/merge');
      const result = resolveConflictMarkers(text);
      if (!result.ok) {
        throw new BacklogWriteError(vscode.l10n.t('{0} was not changed: {1}', this.relativePath, renderMessage(result.message, vscode.l10n)));
      }
      await writeFileAtomic(this.resolved.path, result.text);
      this.logger.info(`Resolved ${result.hunks} conflict(s) in ${this.relativePath} in ${this.folder.name}; common ancestor: ${result.base.kind}`);
      await this.reload();
      const entries = this.current.kind === 'loaded' ? this.current.backlog.entries.length : 0;
      this.onWritten(this);
      return { entries, concurrentEdits: result.conflicts.length, hunks: result.hunks, base: result.base };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.watcher?.dispose();
    clearTimeout(this.reloadTimer);
  }

  private async writeThrough(mutate: (backlog: Backlog) => Backlog): Promise<Backlog> {
    if (!vscode.workspace.isTrusted) {
      throw new BacklogWriteError(vscode.l10n.t('This workspace is not trusted, so the backlog is read-only.'));
    }
    if (!this.resolved.ok) {
      throw new BacklogWriteError(renderMessage(this.resolved.message, vscode.l10n));
    }
    const { state } = await this.read();
    if (state.kind === 'problem') {
      this.current = state;
      this.onChanged(this);
      throw new BacklogWriteError(
        vscode.l10n.t('{0} was not changed: {1}', this.relativePath, renderMessage(state.problem.message, vscode.l10n)),
      );
    }
    if (state.kind === 'bad-path') {
      throw new BacklogWriteError(state.message);
    }
    const base = state.kind === 'loaded' ? state.backlog : emptyBacklog();
    const next = mutate(base);
    const text = serializeBacklog(next);
    await writeFileAtomic(this.resolved.path, text);
    this.lastSeen = await fileStamp(this.resolved.path);
    this.lastText = text;
    this.current = { kind: 'loaded', backlog: next };
    this.logger.info(`Wrote ${this.relativePath} in ${this.folder.name} (${next.entries.length} entries)`);
    this.onChanged(this);
    this.onWritten(this);
    return next;
  }

  private async read(): Promise<{ state: FolderState; text?: string }> {
    if (!this.resolved.ok) {
      return { state: { kind: 'bad-path', message: renderMessage(this.resolved.message, vscode.l10n) } };
    }
    const file = this.resolved.path;
    try {
      const info = await stat(file);
      this.lastSeen = stampOf(info);
      if (info.size > MAX_FILE_BYTES) {
        const megabytes = Math.round(info.size / 1048576);
        const message: ParseMessage = { code: 'parse.fileTooLarge', megabytes, limit: MAX_FILE_BYTES / 1048576 };
        return { state: { kind: 'problem', problem: { code: 'too-large', message, line: 1, column: 1 } } };
      }
      const { text, stamp } = await readWhole(file, info);
      this.lastSeen = stamp;
      // Loaded on first read: the validator is the heaviest module, and activation should not pay for it.
      const { parseBacklog } = await import('../../core/file/parse');
      const result = parseBacklog(text);
      return result.ok
        ? { state: { kind: 'loaded', backlog: result.backlog }, text }
        : { state: { kind: 'problem', problem: result.problem }, text };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.lastSeen = undefined;
        return { state: { kind: 'missing' } };
      }
      const message: ParseMessage = { code: 'parse.cannotRead', relativePath: this.relativePath, detail: (error as Error).message };
      return { state: { kind: 'problem', problem: { code: 'syntax', message, line: 1, column: 1 } } };
    }
  }

  private watch(): void {
    if (!this.resolved.ok) {
      return;
    }
    const pattern = new vscode.RelativePattern(this.folder, literalGlob(this.relativePath));
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const schedule = () => {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reload(), 50);
    };
    this.watcher.onDidCreate(schedule);
    this.watcher.onDidChange(schedule);
    this.watcher.onDidDelete(schedule);
  }
}

/** Every workspace folder's backlog, kept in step with the folders and the path setting. */
export class BacklogStore implements vscode.Disposable {
  private readonly backlogs = new Map<string, FolderBacklog>();
  private readonly emitter = new vscode.EventEmitter<FolderBacklog | undefined>();
  private readonly writeEmitter = new vscode.EventEmitter<FolderBacklog>();
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.writeEmitter];
  readonly onDidChange = this.emitter.event;
  /** Fires after this window wrote a backlog file, not after changes that arrived from outside. */
  readonly onDidWrite = this.writeEmitter.event;

  constructor(private readonly logger: vscode.LogOutputChannel) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      this.add(folder);
    }
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) {
          this.backlogs.get(folder.uri.toString())?.dispose();
          this.backlogs.delete(folder.uri.toString());
        }
        for (const folder of event.added) {
          void this.add(folder).reload();
        }
        this.emitter.fire(undefined);
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.recheckAll();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const backlog of this.backlogs.values()) {
          if (event.affectsConfiguration('stupidWork.dataFile', backlog.folder.uri)) {
            void backlog.relocate();
          }
        }
      }),
    );
  }

  get all(): FolderBacklog[] {
    return [...this.backlogs.values()].sort((a, b) => a.folder.index - b.folder.index);
  }

  get(key: string): FolderBacklog | undefined {
    return this.backlogs.get(key);
  }

  /** `FolderBacklog.recheck` for every folder: when the window regains focus, a missed file event shows. */
  async recheckAll(): Promise<void> {
    await Promise.all(this.all.map((backlog) => backlog.recheck()));
  }

  async reloadAll(): Promise<void> {
    await Promise.all(this.all.map((backlog) => backlog.reload()));
  }

  dispose(): void {
    for (const backlog of this.backlogs.values()) {
      backlog.dispose();
    }
    this.backlogs.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private add(folder: vscode.WorkspaceFolder): FolderBacklog {
    const backlog = new FolderBacklog(folder, (changed) => this.emitter.fire(changed), (written) => this.writeEmitter.fire(written), this.logger);
    this.backlogs.set(backlog.key, backlog);
    return backlog;
  }
}

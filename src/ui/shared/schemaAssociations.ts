import * as vscode from 'vscode';
import type { BacklogStore } from '../../adapters/file/backlogStore';
import { DEFAULT_DATA_FILE } from '../../core/file/dataPath';
import { jsonFileMatch } from '../../core/file/filePatterns';

/** The scheme of the registry below; the manifest names it in `jsonValidationRegistry` and an `onFileSystem:` activation event. */
export const SCHEMA_REGISTRY_SCHEME = 'stupid-work-schemas';
const REGISTRY_NAME = 'associations.json';

/**
 * Gives the backlog's JSON Schema (validation and completion) to every folder's data file, wherever
 * `stupidWork.dataFile` puts it, without writing to any file the team shares. The manifest's
 * `jsonValidation` covers the default name. For any other, VS Code's JSON language features read the
 * files extensions name in `contributes.jsonValidationRegistry` (`{ "schemas": [{ "fileMatch", "url" }] }`)
 * and watch them; this read-only file system serves that file from memory and reports a change
 * whenever the settings or the folders move a data file. The file is per window, so the absolute
 * paths it holds never leave this machine.
 */
export class SchemaAssociations implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly registry = vscode.Uri.from({ scheme: SCHEMA_REGISTRY_SCHEME, authority: 'registry', path: `/${REGISTRY_NAME}` });
  private text = '';
  private bytes = new Uint8Array();
  private mtime = Date.now();
  readonly onDidChangeFile = this.emitter.event;

  constructor(
    private readonly store: BacklogStore,
    private readonly schema: vscode.Uri,
  ) {
    this.refresh();
    this.disposables.push(
      vscode.workspace.registerFileSystemProvider(SCHEMA_REGISTRY_SCHEME, this, { isReadonly: true, isCaseSensitive: true }),
      store.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.dataFile')) this.refresh();
      }),
    );
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: this.mtime, size: 0 };
    }
    this.expectRegistry(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtime, size: this.bytes.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [[REGISTRY_NAME, vscode.FileType.File]];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.expectRegistry(uri);
    return this.bytes;
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private expectRegistry(uri: vscode.Uri): void {
    if (uri.path !== this.registry.path) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
  }

  private refresh(): void {
    const fileMatch = [];
    for (const backlog of this.store.all) {
      const file = backlog.fileUri;
      if (file && backlog.relativePath !== DEFAULT_DATA_FILE) {
        const formatted = file.toString(true);
        fileMatch.push(jsonFileMatch(formatted.slice(formatted.indexOf('/', formatted.indexOf('://') + 3))));
      }
    }
    const text = JSON.stringify({ schemas: fileMatch.length > 0 ? [{ fileMatch, url: this.schema.toString() }] : [] });
    if (text === this.text) {
      return;
    }
    this.text = text;
    this.bytes = new TextEncoder().encode(text);
    this.mtime = Math.max(Date.now(), this.mtime + 1);
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: this.registry }]);
  }
}

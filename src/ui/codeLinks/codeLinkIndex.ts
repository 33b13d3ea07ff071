import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { anchorLinks, isFolderRelativePath, splitLines, type Anchor } from '../../core/codeLinks/codeLinks';
import type { CodeLink, Entry } from '../../core/model/model';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';

export interface LinkedEntry {
  backlog: FolderBacklog;
  entry: Entry;
  link: CodeLink;
}

export interface AnchoredLink extends LinkedEntry {
  anchor: Anchor;
}

interface AnchorCache {
  version: number;
  generation: number;
  anchored: AnchoredLink[];
}

const NONE: readonly AnchoredLink[] = [];

/** Folder-relative path of a file with `/` separators, or undefined when it lies outside the folder. */
export function folderRelativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const relative = path.relative(folder.uri.fsPath, uri.fsPath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return undefined;
  }
  return relative.split(path.sep).join('/');
}

/** Archived entries and duplicates merged into another entry no longer speak for the code. */
function speaksForCode(entry: Entry): boolean {
  return entry.status !== 'archived' && entry.duplicateOf === undefined;
}

/**
 * Which entries link to which files, per workspace folder. Built on first use after a backlog changes,
 * so a file without links is answered from a map, without reading or splitting its text.
 */
export class CodeLinkIndex implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when links may have changed: a backlog changed, files moved, or git showed where a file went. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Folder key → file path → linked entries; undefined until first needed. */
  private byFolder: Map<string, Map<string, LinkedEntry[]>> | undefined;
  /** Folder key + stored path → where the file is now: itself, its renamed path, or nowhere. */
  private readonly locations = new Map<string, Promise<string | undefined>>();
  private readonly anchors = new WeakMap<vscode.TextDocument, AnchorCache>();
  private generation = 0;

  constructor(private readonly store: BacklogStore) {
    const forget = () => {
      this.byFolder = undefined;
      this.locations.clear();
      this.generation++;
      this.emitter.fire();
    };
    this.disposables.push(
      store.onDidChange(forget),
      // Files moved in the editor may be where a link's file went.
      vscode.workspace.onDidRenameFiles(forget),
      vscode.workspace.onDidCreateFiles(forget),
      vscode.workspace.onDidDeleteFiles(forget),
    );
  }

  /** The links into a document, in the order the backlog holds them; O(1) for a file with none. */
  linksIn(uri: vscode.Uri): readonly LinkedEntry[] {
    if (uri.scheme !== 'file') {
      return [];
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relative = folder && folderRelativePath(folder, uri);
    if (!folder || !relative) {
      return [];
    }
    return this.build().get(folder.uri.toString())?.get(relative) ?? [];
  }

  /** Each link into the document with where its code is now, recomputed only when the text changes. */
  anchorsIn(document: vscode.TextDocument): readonly AnchoredLink[] {
    const linked = this.linksIn(document.uri);
    if (linked.length === 0) {
      return NONE;
    }
    const cached = this.anchors.get(document);
    if (cached && cached.version === document.version && cached.generation === this.generation) {
      return cached.anchored;
    }
    const found = anchorLinks(
      linked.map((l) => l.link),
      splitLines(document.getText()),
    );
    const anchored = linked.map((l, i) => ({ ...l, anchor: found[i] }));
    this.anchors.set(document, { version: document.version, generation: this.generation, anchored });
    return anchored;
  }

  /**
   * Where a link's file is now, relative to its folder: the stored path while it exists, else the path
   * git says it was renamed to, else undefined. Answers are kept until a backlog changes or files
   * are moved in the editor.
   */
  locate(backlog: FolderBacklog, link: CodeLink): Promise<string | undefined> {
    const key = `${backlog.key}#${link.path}`;
    let location = this.locations.get(key);
    if (!location) {
      location = this.findFile(backlog.folder, link.path);
      this.locations.set(key, location);
    }
    return location;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private build(): Map<string, Map<string, LinkedEntry[]>> {
    if (this.byFolder) {
      return this.byFolder;
    }
    const byFolder = new Map<string, Map<string, LinkedEntry[]>>();
    const generation = this.generation;
    for (const backlog of this.store.all) {
      const state = backlog.state;
      if (state.kind !== 'loaded') {
        continue;
      }
      const byPath = new Map<string, LinkedEntry[]>();
      for (const entry of state.backlog.entries) {
        if (!speaksForCode(entry)) {
          continue;
        }
        for (const link of entry.links) {
          if (!isFolderRelativePath(link.path)) {
            continue;
          }
          const list = byPath.get(link.path) ?? [];
          list.push({ backlog, entry, link });
          byPath.set(link.path, list);
        }
      }
      if (byPath.size > 0) {
        byFolder.set(backlog.key, byPath);
        void this.followMovedFiles(backlog, byPath, generation);
      }
    }
    this.byFolder = byFolder;
    return byFolder;
  }

  /** Files that are gone but renamed in git are listed under their new path too. */
  private async followMovedFiles(backlog: FolderBacklog, byPath: Map<string, LinkedEntry[]>, generation: number): Promise<void> {
    const moved: [string, LinkedEntry[]][] = [];
    for (const [stored, linked] of [...byPath]) {
      const now = await this.locate(backlog, linked[0].link);
      if (now !== undefined && now !== stored) {
        moved.push([now, linked]);
      }
    }
    if (moved.length === 0 || generation !== this.generation) {
      return;
    }
    for (const [now, linked] of moved) {
      byPath.set(now, [...(byPath.get(now) ?? []), ...linked]);
    }
    this.generation++;
    this.emitter.fire();
  }

  private async findFile(folder: vscode.WorkspaceFolder, relative: string): Promise<string | undefined> {
    // The backlog comes from teammates: a link may not lead out of the folder.
    if (!isFolderRelativePath(relative)) {
      return undefined;
    }
    if (await isFile(path.join(folder.uri.fsPath, ...relative.split('/')))) {
      return relative;
    }
    // git reads the repository's config, which an untrusted workspace must not get to run.
    if (!vscode.workspace.isTrusted) {
      return undefined;
    }
    // Loaded when first needed: it spawns git, which activation should not wait for.
    const { followRenames } = await import('../../adapters/codeLinks/gitRenames');
    const renamed = await followRenames(folder.uri.fsPath, relative);
    return renamed !== undefined && isFolderRelativePath(renamed) && (await isFile(path.join(folder.uri.fsPath, ...renamed.split('/')))) ? renamed : undefined;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

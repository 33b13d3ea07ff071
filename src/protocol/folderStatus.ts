/** A workspace folder's backlog as the Log form and the Retro Board show it. Pure: imported by both sides. */
import type { BacklogProblem } from '../core/file/parse';

/**
 * `ready`: it can be read and written. `missing`: no file yet, and saving an entry creates it.
 * `problem`: the file (or its configured path) cannot be read. `read-only`: the workspace is not trusted.
 */
export type FolderStatusKind = 'ready' | 'missing' | 'problem' | 'read-only';

export interface FolderStatus {
  /** The folder's key, as `BacklogStore.get` takes it. */
  key: string;
  /** The workspace folder's name. */
  name: string;
  status: FolderStatusKind;
  /** Why it is not ready, in words for people; absent when it is ready. */
  detail?: string;
}

/** The state of a folder's backlog file, in the shapes `FolderBacklog.state` has. */
export type FolderFileState =
  | { kind: 'missing' }
  | { kind: 'loaded' }
  | { kind: 'problem'; problem: Pick<BacklogProblem, 'message' | 'line' | 'column'> }
  | { kind: 'bad-path'; message: string };

export interface FolderFacts {
  key: string;
  name: string;
  /** The backlog file's path inside the folder, for example `stupid-work.json`. */
  relativePath: string;
  state: FolderFileState;
}

/** The translated details, so that this mapper stays free of VS Code. */
export interface FolderStatusTexts {
  untrusted: string;
  missing(folderName: string, relativePath: string): string;
  problem(relativePath: string, line: number, column: number, message: BacklogProblem['message']): string;
}

/**
 * Maps a folder's file state and the workspace's trust to what the webviews show. The order is the
 * rule: a file that cannot be read is reported first, because nothing can be shown or saved until it
 * is fixed, and fixing it by hand is possible in an untrusted workspace too; otherwise an untrusted
 * workspace is read-only whatever the file's state, because writing (and so creating a missing file)
 * is what trust guards (DESIGN.md, "Workspace trust").
 */
export function folderStatus(folder: FolderFacts, trusted: boolean, texts: FolderStatusTexts): FolderStatus {
  const base = { key: folder.key, name: folder.name };
  const { state } = folder;
  if (state.kind === 'problem') {
    return { ...base, status: 'problem', detail: texts.problem(folder.relativePath, state.problem.line, state.problem.column, state.problem.message) };
  }
  if (state.kind === 'bad-path') {
    return { ...base, status: 'problem', detail: state.message };
  }
  if (!trusted) {
    return { ...base, status: 'read-only', detail: texts.untrusted };
  }
  return state.kind === 'missing' ? { ...base, status: 'missing', detail: texts.missing(folder.name, folder.relativePath) } : { ...base, status: 'ready' };
}

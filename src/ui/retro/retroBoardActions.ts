import * as vscode from 'vscode';
import { backlogToCsv, backlogToJson } from '../../core/retro/backlogExport';
import type { Clock } from '../../core/model/calendar';
import { plainText } from '../../core/text/inertText';
import type { Labels } from '../../core/model/displayNames';
import { emptyBacklog, type Backlog, type Retro } from '../../core/model/model';
import { activeRetro, finishRetro, startRetro, type Change } from '../../core/retro/retro';
import type { SummaryStrings } from '../../core/retro/retroSummary';
import { summaryWords } from '../../core/retro/summaryWords';
import { EXAMPLE_SUMMARY_PATH, summaryTarget } from '../../core/retro/summaryPath';
import { BacklogWriteError, type FolderBacklog } from '../../adapters/file/backlogStore';
import { csvByteOrderMarkSetting, retroSummaryPathSetting, syncSettings } from '../../adapters/workspace/config';
import { currentAuthor } from '../../adapters/workspace/identity';
import { messageText, reportWriteFailure } from '../shared/messageText';
import { counted, entriesText } from '../shared/counted';

/** What the board and the commands show: the backlog as last read, or an empty one. */
export function backlogOf(backlog: FolderBacklog): Backlog {
  return backlog.state.kind === 'loaded' ? backlog.state.backlog : emptyBacklog();
}

/** The backlog to export; a file that cannot be read is reported, never exported as empty. */
function exportable(backlog: FolderBacklog): Backlog {
  const state = backlog.state;
  switch (state.kind) {
    case 'loaded':
      return state.backlog;
    case 'missing':
      throw new BacklogWriteError(vscode.l10n.t('There is no backlog in {0} yet, so there is nothing to export.', backlog.folder.name));
    case 'bad-path':
      throw new BacklogWriteError(state.message);
    case 'problem':
      throw new BacklogWriteError(
        vscode.l10n.t('{0} cannot be read ({1}, line {2}, column {3}), so nothing was exported. Fix the file first.', backlog.relativePath, plainText(messageText(state.problem.message)), state.problem.line, state.problem.column),
      );
  }
}

/**
 * Applies a core change to the file as it is on disk now, at the clock's current time. A change the
 * core refuses becomes a `BacklogWriteError` carrying the core's own explanation.
 */
export function applyChange(backlog: FolderBacklog, clock: Clock, change: (current: Backlog, now: Date) => Change): Promise<Backlog> {
  return backlog.update((current) => {
    const result = change(current, clock.now());
    if (!result.ok) {
      throw new BacklogWriteError(messageText(result.message));
    }
    return result.backlog;
  });
}

/** The retro a summary is about: the open one, else the one that started last. */
export function latestRetro(b: Backlog): Retro | undefined {
  return activeRetro(b) ?? [...b.retros].sort((x, y) => (x.started < y.started ? 1 : x.started > y.started ? -1 : 0))[0];
}

function summaryStrings(): SummaryStrings {
  return summaryWords({ t: vscode.l10n.t.bind(vscode.l10n), language: vscode.env.language });
}

/** Asks who facilitates (the current person, editable) and records a new retro. False when cancelled. */
export async function startRetroIn(backlog: FolderBacklog, clock: Clock): Promise<boolean> {
  const me = await currentAuthor(backlog.folder);
  const facilitator = await vscode.window.showInputBox({
    title: vscode.l10n.t('Start a retro in {0}', backlog.folder.name),
    prompt: vscode.l10n.t('Who facilitates this retro?'),
    value: me.name,
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Say who facilitates the retro.') : undefined),
  });
  if (facilitator === undefined) {
    return false;
  }
  await applyChange(backlog, clock, (current) => startRetro(current, facilitator, clock));
  return true;
}

/** Closes the open retro, then offers its summary without waiting for the answer. */
export async function finishRetroIn(backlog: FolderBacklog, labels: Labels, clock: Clock, logger: vscode.LogOutputChannel): Promise<void> {
  const before = activeRetro(backlogOf(backlog));
  const next = await applyChange(backlog, clock, (current, now) => finishRetro(current, now));
  const retro = before ? next.retros.find((r) => r.id === before.id) : latestRetro(next);
  const copy = vscode.l10n.t('Copy Summary');
  const save = vscode.l10n.t('Save to Repository');
  const decided = retro?.decided.length ?? 0;
  void vscode.window.showInformationMessage(counted({ one: vscode.l10n.t('Retro finished: {0} decision recorded.'), other: vscode.l10n.t('Retro finished: {0} decisions recorded.') }, decided), copy, save).then(async (choice) => {
    if (!retro || !choice) {
      return;
    }
    try {
      await exportSummary(backlog, labels, clock, choice === copy ? 'copy' : 'save', retro.id);
    } catch (error) {
      reportWriteFailure(logger, error);
    }
  });
}

/**
 * Copies the retro's summary, or saves it: onto the backlog branch as `retros/<date>.md`, shared by
 * Sync, or at the path in the code tree that `stupidWork.retro.summaryPath` names (then it is opened).
 * The title and the `{date}` are the day the retro started on, on the viewer's calendar.
 */
export async function exportSummary(backlog: FolderBacklog, labels: Labels, clock: Clock, mode: 'copy' | 'save', retroId?: string): Promise<void> {
  const b = exportable(backlog);
  const retro = retroId ? b.retros.find((r) => r.id === retroId) : latestRetro(b);
  if (!retro) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No retro has been recorded in {0} yet. Start one from the Retro Board.', backlog.folder.name));
    return;
  }
  // Loaded on first use: the summary carries a Markdown serialiser that nothing else needs.
  const { retroDate, retroSummaryMarkdown } = await import('../../core/retro/retroSummary');
  const markdown = retroSummaryMarkdown(b, retro.id, labels, summaryStrings(), clock);
  if (mode === 'copy') {
    await vscode.env.clipboard.writeText(markdown);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the retro summary as Markdown'), 3000);
    return;
  }
  if (!vscode.workspace.isTrusted) {
    throw new BacklogWriteError(vscode.l10n.t('This workspace is not trusted, so nothing is saved into it. Copy the summary instead.'));
  }
  const target = summaryTarget(backlog.folder.uri.fsPath, retroSummaryPathSetting(backlog.folder), retroDate(retro, clock));
  if (target.kind === 'branch') {
    await saveOnBranch(backlog, target.branchPath, markdown);
    return;
  }
  if (!target.file.ok) {
    throw new BacklogWriteError(messageText(target.file.message));
  }
  await saveInFolder(backlog, target.file.path, target.file.relative, markdown);
}

/** Asks before a summary replaces other text at the same place; true when it may be written. */
async function mayReplace(existing: string | undefined, markdown: string, question: string): Promise<boolean> {
  if (existing === undefined || existing === markdown) return true;
  const replace = vscode.l10n.t('Replace');
  return (await vscode.window.showWarningMessage(question, { modal: true }, replace)) === replace;
}

/** Writes the summary into the code tree at `file` and opens it. */
async function saveInFolder(backlog: FolderBacklog, file: string, relative: string, markdown: string): Promise<void> {
  const uri = vscode.Uri.file(file);
  const existing = await vscode.workspace.fs.readFile(uri).then(
    (bytes) => new TextDecoder().decode(bytes),
    () => undefined,
  );
  if (!(await mayReplace(existing, markdown, vscode.l10n.t('{0} already exists in {1} with other text. Replace it with this retro\'s summary?', plainText(relative), backlog.folder.name)))) {
    return;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
  await vscode.window.showTextDocument(uri, { preview: false });
}

/**
 * Puts the summary in the outbox of the backlog branch and runs Sync, which shares it and says so.
 * When it could not go out, says where it waits; git's own refusals come from Sync itself.
 */
async function saveOnBranch(backlog: FolderBacklog, branchPath: string, markdown: string): Promise<void> {
  const file = backlog.fileUri?.fsPath;
  if (!file) throw new BacklogWriteError(vscode.l10n.t('There is no backlog in {0} yet, so there is nothing to export.', backlog.folder.name));
  const { branchFileState, putInOutbox, stopMessage } = await import('../../adapters/sync/branchOutbox');
  const settings = syncSettings(backlog.folder);
  try {
    const before = await branchFileState(file, settings, branchPath);
    const where = before.remote ? vscode.l10n.t('on the branch {0} of {1}', before.branch, before.remote) : vscode.l10n.t('on the branch {0}', before.branch);
    if (!(await mayReplace(before.waiting ?? before.onBranch, markdown, vscode.l10n.t('{0} already exists {1} with other text. Replace it with this retro\'s summary? The earlier text stays in the branch history.', branchPath, where)))) {
      return;
    }
    await putInOutbox(file, branchPath, markdown);
    await vscode.commands.executeCommand('stupidWork.sync');
    let after = await branchFileState(file, settings, branchPath);
    if (after.waiting !== undefined) {
      // A sync already under way may have read the outbox before the summary was put there.
      await vscode.commands.executeCommand('stupidWork.sync');
      after = await branchFileState(file, settings, branchPath);
    }
    if (after.waiting !== undefined) {
      void vscode.window.showInformationMessage(
        after.remote
          ? vscode.l10n.t('The retro summary {0} is saved in this clone and goes to the branch {1} of {2} with the next sync.', branchPath, after.branch, after.remote)
          : vscode.l10n.t('The retro summary {0} is saved in this clone and goes to the branch {1} once the repository has a remote to sync with.', branchPath, after.branch),
      );
    }
  } catch (error) {
    const stop = stopMessage(error);
    if (!stop) throw error;
    throw new BacklogWriteError(
      vscode.l10n.t('The retro summary could not be saved for the backlog branch: {0} To save it in your code tree instead, set stupidWork.retro.summaryPath to a path such as {1}.', plainText(messageText(stop)), EXAMPLE_SUMMARY_PATH),
    );
  }
}

/** Saves the whole backlog as CSV (UTF-8, with a byte order mark unless the setting turns it off) or JSON wherever the person chooses. */
export async function exportBacklog(backlog: FolderBacklog, labels: Labels, format: 'csv' | 'json'): Promise<void> {
  const b = exportable(backlog);
  const uri = await vscode.window.showSaveDialog({
    title: format === 'csv' ? vscode.l10n.t('Export the backlog as CSV') : vscode.l10n.t('Export the backlog as JSON'),
    defaultUri: vscode.Uri.joinPath(backlog.folder.uri, `stupid-work-export.${format}`),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!uri) {
    return;
  }
  const text = format === 'csv' ? backlogToCsv(b, labels, { byteOrderMark: csvByteOrderMarkSetting(backlog.folder) }) : backlogToJson(b);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Exported {0} to {1}', entriesText(b.entries.length), vscode.workspace.asRelativePath(uri)), 5000);
}

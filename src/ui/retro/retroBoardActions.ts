import * as vscode from 'vscode';
import { backlogToCsv, backlogToJson } from '../../core/retro/backlogExport';
import type { Clock } from '../../core/model/calendar';
import { plainText } from '../../core/text/inertText';
import type { Labels } from '../../core/model/displayNames';
import { emptyBacklog, type Backlog, type Retro } from '../../core/model/model';
import { activeRetro, finishRetro, startRetro, type Change } from '../../core/retro/retro';
import { retroDate, retroSummaryMarkdown, type SummaryStrings } from '../../core/retro/retroSummary';
import { resolveSummaryPath } from '../../core/retro/summaryPath';
import { BacklogWriteError, type FolderBacklog } from '../../adapters/file/backlogStore';
import { csvByteOrderMarkSetting, retroSummaryPathSetting } from '../../adapters/workspace/config';
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
  return {
    title: vscode.l10n.t('Retro {0}'),
    facilitator: vscode.l10n.t('Facilitator'),
    decisions: vscode.l10n.t('Decisions'),
    owner: vscode.l10n.t('Owner'),
    due: vscode.l10n.t('Due'),
    noDue: vscode.l10n.t('no due date'),
    hoursAddressed: vscode.l10n.t('{0} per month addressed'),
    deferred: vscode.l10n.t('Deferred'),
    followUps: vscode.l10n.t('Follow-ups'),
    overdue: vscode.l10n.t('{0} days overdue'),
    none: vscode.l10n.t('None'),
    rationale: vscode.l10n.t('Why'),
    tracking: vscode.l10n.t('Tracked in'),
  };
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
 * Copies the retro's summary, or saves it at the configured path inside the folder and opens it. The
 * title and the `{date}` of the file name are the day the retro started on, on the viewer's calendar.
 */
export async function exportSummary(backlog: FolderBacklog, labels: Labels, clock: Clock, mode: 'copy' | 'save', retroId?: string): Promise<void> {
  const b = exportable(backlog);
  const retro = retroId ? b.retros.find((r) => r.id === retroId) : latestRetro(b);
  if (!retro) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No retro has been recorded in {0} yet. Start one from the Retro Board.', backlog.folder.name));
    return;
  }
  const markdown = retroSummaryMarkdown(b, retro.id, labels, summaryStrings(), clock);
  if (mode === 'copy') {
    await vscode.env.clipboard.writeText(markdown);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the retro summary as Markdown'), 3000);
    return;
  }
  if (!vscode.workspace.isTrusted) {
    throw new BacklogWriteError(vscode.l10n.t('This workspace is not trusted, so nothing is saved into it. Copy the summary instead.'));
  }
  const target = resolveSummaryPath(backlog.folder.uri.fsPath, retroSummaryPathSetting(backlog.folder), retroDate(retro, clock));
  if (!target.ok) {
    throw new BacklogWriteError(messageText(target.message));
  }
  const uri = vscode.Uri.file(target.path);
  const existing = await vscode.workspace.fs.readFile(uri).then(
    (bytes) => new TextDecoder().decode(bytes),
    () => undefined,
  );
  if (existing !== undefined && existing !== markdown) {
    const replace = vscode.l10n.t('Replace');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists in {1} with other text. Replace it with this retro\'s summary?', plainText(target.relative), backlog.folder.name),
      { modal: true },
      replace,
    );
    if (choice !== replace) {
      return;
    }
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
  await vscode.window.showTextDocument(uri, { preview: false });
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

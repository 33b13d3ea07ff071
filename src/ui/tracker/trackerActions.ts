/**
 * What the tracker commands do, loaded on first use (it carries the remote URL parser): open the
 * hosting site's new-issue page, take the issue's address back, link, open and unlink it.
 */
import * as vscode from 'vscode';
import type { Labels } from '../../core/model/displayNames';
import type { Clock } from '../../core/model/calendar';
import type { Decision, Entry } from '../../core/model/model';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { forgeRepository, newIssueUrl } from '../../core/tracker/forge';
import { issueText, type IssueStrings } from '../../core/tracker/issueText';
import { setTrackingLink } from '../../core/tracker/trackingLink';
import { checkTrackingUrl, isOpenableTrackingUrl } from '../../core/tracker/trackingUrl';
import { BacklogWriteError, type FolderBacklog } from '../../adapters/file/backlogStore';
import { backlogRemote } from '../../adapters/tracker/backlogRemote';
import { syncSettings, trackerForgeSetting } from '../../adapters/workspace/config';
import { messageText } from '../shared/messageText';

/** A decided entry of one folder's backlog, as a tracker command acts on it. */
export interface DecisionTarget {
  backlog: FolderBacklog;
  entry: Entry & { decision: Decision };
}

function issueStrings(): IssueStrings {
  return {
    decision: vscode.l10n.t('Decision'),
    owner: vscode.l10n.t('Owner'),
    due: vscode.l10n.t('Due'),
    noDue: vscode.l10n.t('no due date'),
    rationale: vscode.l10n.t('Why'),
    tryAnother: vscode.l10n.t('Try another approach'),
    footer: vscode.l10n.t('From the Stupid Work backlog, entry {0}.'),
  };
}

/**
 * Opens an https address in the browser. The address goes as a string, which VS Code passes on
 * unchanged; a `vscode.Uri` would be decoded and encoded again, turning an encoded `&` inside a
 * prefilled body into a parameter separator.
 */
async function openHttps(url: string): Promise<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}

/** Writing and running git both need trust; in an untrusted workspace the backlog is read-only. */
function refuseUntrusted(): boolean {
  if (vscode.workspace.isTrusted) {
    return false;
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('This workspace is not trusted, so the backlog is read-only and no git command runs. Trust the workspace to link issues.'));
  return true;
}

async function store(target: DecisionTarget, url: string | undefined, clock: Clock): Promise<boolean> {
  let changed = false;
  await target.backlog.update((current) => {
    const result = setTrackingLink(current, target.entry.id, url, clock.now());
    if (!result.ok) {
      throw new BacklogWriteError(messageText(result.message));
    }
    changed = result.changed;
    return result.backlog;
  });
  return changed;
}

/** Asks for the issue's address, checked as it is typed; undefined when dismissed. */
function askForUrl(target: DecisionTarget, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Tracking link for “{0}”', plainText(target.entry.title, QUOTE_LENGTH)),
    prompt,
    placeHolder: 'https://',
    value: target.entry.decision.trackingUrl ?? '',
    // The person goes to the browser to create the issue and comes back with its address.
    ignoreFocusOut: true,
    validateInput: (value) => {
      const checked = checkTrackingUrl(value);
      return checked.ok ? undefined : messageText(checked.message);
    },
  });
}

/** Link Issue…: any https address the person pastes. */
export async function linkIssue(target: DecisionTarget, clock: Clock, prompt = vscode.l10n.t("Paste the address of the issue that carries out this decision (https only).")): Promise<void> {
  if (refuseUntrusted()) {
    return;
  }
  const url = await askForUrl(target, prompt);
  if (url === undefined) {
    return;
  }
  if (await store(target, url, clock)) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Linked an issue to “{0}”.', plainText(target.entry.title, STATUS_BAR_QUOTE_LENGTH)), 3000);
  }
}

/**
 * Create Issue…: opens the new-issue page of the site that hosts the backlog remote, filled in from
 * the decision and the entry, then asks for the new issue's address. When the site cannot be found,
 * says why and offers Link Issue instead.
 */
export async function createIssue(target: DecisionTarget, labels: Labels, clock: Clock): Promise<void> {
  if (refuseUntrusted()) {
    return;
  }
  const { backlog, entry } = target;
  const file = backlog.fileUri;
  const settings = syncSettings(backlog.folder);
  const remote = file ? await backlogRemote(file.fsPath, settings.remote, settings.branch) : undefined;
  const found = remote?.ok ? forgeRepository(remote.url, trackerForgeSetting(backlog.folder)) : undefined;
  if (!found?.ok) {
    const why = found ? messageText(found.message) : remote && !remote.ok ? messageText(remote.message) : vscode.l10n.t('The backlog file path is not valid.');
    const link = vscode.l10n.t('Link Issue…');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Cannot open a new issue page: {0}', plainText(why)), link);
    if (choice === link) {
      await linkIssue(target, clock);
    }
    return;
  }
  const url = newIssueUrl(found.repository, issueText(entry, found.repository.forge, labels, issueStrings()));
  if (!(await openHttps(url))) {
    return;
  }
  await linkIssue(target, clock, vscode.l10n.t("Create the issue in the browser, then paste its address here (https only)."));
}

/** Opens the decision's tracking link, only when it is an https address. */
export async function openIssue(target: DecisionTarget): Promise<void> {
  const url = target.entry.decision.trackingUrl;
  if (url === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” has no tracking link yet. Use Create Issue or Link Issue first.', plainText(target.entry.title, QUOTE_LENGTH)));
    return;
  }
  if (!isOpenableTrackingUrl(url)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The tracking link of “{0}” is not an https address, so it is not opened. Link the issue again with its https address.', plainText(target.entry.title, QUOTE_LENGTH)));
    return;
  }
  await openHttps(url);
}

/** Removes the tracking link, after asking: the address is not kept anywhere else. */
export async function unlinkIssue(target: DecisionTarget, clock: Clock): Promise<void> {
  if (refuseUntrusted() || target.entry.decision.trackingUrl === undefined) {
    return;
  }
  const remove = vscode.l10n.t('Remove Link');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the tracking link of “{0}”?', plainText(target.entry.title, QUOTE_LENGTH)),
    { modal: true, detail: plainText(target.entry.decision.trackingUrl) },
    remove,
  );
  if (choice === remove && (await store(target, undefined, clock))) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Removed the tracking link of “{0}”.', plainText(target.entry.title, STATUS_BAR_QUOTE_LENGTH)), 3000);
  }
}

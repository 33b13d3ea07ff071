import * as vscode from 'vscode';
import { anchorLink, createCodeLink, isFolderRelativePath, splitLines } from '../../core/codeLinks/codeLinks';
import { MAX_ANSWER_LENGTH, MAX_TITLE_LENGTH } from '../../core/model/entries';
import { QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { KINDS, emptyDraft, type CodeLink, type Entry, type Kind } from '../../core/model/model';
import type { Labels } from '../../core/model/displayNames';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { resolveEntry } from '../shared/entryTarget';
import { folderRelativePath, type CodeLinkIndex } from './codeLinkIndex';
import { OPEN_LINKED_ENTRY, lineRange } from './flaggedCodeLens';
import { anonymityDisclosure } from '../shared/anonymity';
import { kindIcon } from '../shared/labels';
import type { FolderStatus } from '../../protocol/folderStatus';
import type { LogHost, LogViewProvider } from '../log/logViewProvider';
import type { Clock } from '../../core/model/calendar';
import { offerExistingEntry } from '../votes/similarOffer';
import type { VoteTokens } from '../votes/voteTokens';

export interface CodeCommandDeps {
  store: BacklogStore;
  index: CodeLinkIndex;
  log: LogViewProvider;
  /** Saves like the Log form does, without revealing any view: quick capture opens none. */
  captureHost: LogHost;
  labels: Labels;
  clock: Clock;
  /** The person's anonymous votes: Quick Capture can vote for a similar entry instead of adding one. */
  voteTokens: VoteTokens;
}

type Flagged = { ok: true; backlog: FolderBacklog; link: CodeLink } | { ok: false; message: string };

/** A link to the editor's selection, or to the line the cursor is on; computed from the unsaved text. */
function flagEditor(store: BacklogStore, editor: vscode.TextEditor): Flagged {
  const document = editor.document;
  if (document.isUntitled) {
    return { ok: false, message: vscode.l10n.t('Save this file into a workspace folder first: a flag links to a file the team shares.') };
  }
  const folder = document.uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(document.uri) : undefined;
  const relative = folder && folderRelativePath(folder, document.uri);
  const backlog = folder && store.get(folder.uri.toString());
  if (!relative || !backlog) {
    return { ok: false, message: vscode.l10n.t('This file is outside every workspace folder, so no backlog can link to it.') };
  }
  if (!vscode.workspace.isTrusted) {
    return { ok: false, message: vscode.l10n.t('Trust this workspace to flag code: untrusted workspaces are read-only.') };
  }
  const { start, end } = editor.selection;
  // A selection that ends at the start of a line does not take that line in.
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  return { ok: true, backlog, link: createCodeLink(relative, splitLines(document.getText()), start.line + 1, last + 1) };
}

/**
 * The active editor's folder, else the only folder, else the first whose backlog is ready (or the
 * first folder, where saving starts one), so there is never a fourth prompt.
 */
function captureTarget(host: LogHost, editor: vscode.TextEditor | undefined): { target: FolderStatus; named: boolean } | undefined {
  const targets = host.targets();
  const folder = editor && vscode.workspace.getWorkspaceFolder(editor.document.uri);
  const own = folder && targets.find((t) => t.key === folder.uri.toString());
  if (own) {
    return { target: own, named: false };
  }
  if (targets.length === 1) {
    return { target: targets[0], named: false };
  }
  const chosen = targets.find((t) => t.status === 'ready') ?? targets[0];
  return chosen && { target: chosen, named: true };
}

/** Warns that a linked entry, or its folder, is gone. */
function notFound(backlog: FolderBacklog | undefined): void {
  void vscode.window.showWarningMessage(
    backlog ? vscode.l10n.t('This entry no longer exists in {0}.', backlog.relativePath) : vscode.l10n.t('That workspace folder is no longer open.'),
  );
}

/** Opens the code a link points at, following git renames and re-anchoring the range in the current text. */
async function goToLink({ index }: CodeCommandDeps, backlog: FolderBacklog, entry: Entry, link: CodeLink): Promise<void> {
  if (!isFolderRelativePath(link.path)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The link “{0}” does not point inside {1}, so it is not opened.', plainText(link.path, QUOTE_LENGTH), backlog.folder.name));
    return;
  }
  const relative = await index.locate(backlog, link);
  if (!relative) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is no longer in {1}, under that name or one git renamed it to.', plainText(link.path, QUOTE_LENGTH), backlog.folder.name));
    return;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(backlog.folder.uri, ...relative.split('/')));
  } catch (error) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not open {0}: {1}', plainText(relative, QUOTE_LENGTH), plainText((error as Error).message)));
    return;
  }
  const anchor = anchorLink(link, splitLines(document.getText()));
  if (anchor.state === 'missing') {
    const open = vscode.l10n.t('Open at Stored Line');
    // Not awaited: the command is done once it has said so; the offer stays until dismissed.
    void vscode.window
      .showWarningMessage(vscode.l10n.t('The code linked from “{0}” is no longer found in {1}.', plainText(entry.title, QUOTE_LENGTH), plainText(relative, QUOTE_LENGTH)), open)
      .then(async (choice) => {
        if (choice === open) {
          await vscode.window.showTextDocument(document, { selection: lineRange(document, link.startLine, link.startLine), preview: false });
        }
      });
    return;
  }
  const range = lineRange(document, anchor.startLine, anchor.endLine);
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Opens the Log form prefilled with a link to the editor's selection. */
function flagSelection({ store, log }: CodeCommandDeps): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select the code to flag.'));
    return;
  }
  const flagged = flagEditor(store, editor);
  if (!flagged.ok) {
    void vscode.window.showWarningMessage(plainText(flagged.message));
    return;
  }
  log.prefill(flagged.backlog.key, { link: flagged.link });
}

/** What the first prompt answers: the title, and whether the entry is posted anonymously. */
interface CaptureTitle {
  title: string;
  anonymous: boolean;
}

/** The title of the last capture dismissed before it was saved (this window only), offered by the next. */
let unfinished: CaptureTitle | undefined;

/** Keeps a dismissed capture's title for the next one, and says so; an empty one is nothing to keep. */
function keepUnfinished(typed: CaptureTitle): void {
  if (typed.title.trim() === '') {
    return;
  }
  unfinished = typed;
  vscode.window.setStatusBarMessage(vscode.l10n.t('Quick Capture closed without saving; your title waits in the next Quick Capture.'), 8000);
}

function titleProblem(value: string): string | undefined {
  const length = value.trim().length;
  if (length === 0) {
    return vscode.l10n.t('A title is required.');
  }
  return length > MAX_TITLE_LENGTH ? vscode.l10n.t('The title is {0} characters long; keep it to {1}.', length, MAX_TITLE_LENGTH) : undefined;
}

/** The step's title, which says how the entry will be posted, so the choice is in sight at every step. */
function stepTitle(step: string, anonymous: boolean): string {
  return anonymous ? vscode.l10n.t('Quick Capture ({0}) · anonymous', step) : vscode.l10n.t('Quick Capture ({0})', step);
}

/**
 * The first prompt: the title, with a button that switches between anonymous and named, so the choice
 * adds no step. It starts as `stupidWork.anonymousByDefault` says; while anonymous, the prompt says
 * what that protects and what it does not. Resolves undefined when dismissed.
 */
function askTitle(anonymousAtFirst: boolean): Promise<CaptureTitle | undefined> {
  const input = vscode.window.createInputBox();
  // A capture dismissed after its title was typed starts the next one with it.
  const kept = unfinished;
  unfinished = undefined;
  let anonymous = kept?.anonymous ?? anonymousAtFirst;
  input.value = kept?.title ?? '';
  const show = (): void => {
    input.title = stepTitle('1/3', anonymous);
    input.prompt = anonymous ? vscode.l10n.t('What feels stupid? Anonymous: {0}', anonymityDisclosure()) : vscode.l10n.t('What feels stupid?');
    input.buttons = [
      anonymous
        ? { iconPath: new vscode.ThemeIcon('eye-closed'), tooltip: vscode.l10n.t('Anonymous: click to post with your name') }
        : { iconPath: new vscode.ThemeIcon('person'), tooltip: vscode.l10n.t('Posted with your name: click to post anonymously') },
    ];
  };
  input.placeholder = vscode.l10n.t('e.g. Weekly status deck nobody opens');
  input.ignoreFocusOut = true;
  show();
  return new Promise((resolve) => {
    let answer: CaptureTitle | undefined;
    const listeners = [
      input.onDidChangeValue((value) => {
        input.validationMessage = value === '' ? undefined : titleProblem(value);
      }),
      input.onDidTriggerButton(() => {
        anonymous = !anonymous;
        show();
      }),
      input.onDidAccept(() => {
        const problem = titleProblem(input.value);
        input.validationMessage = problem;
        if (problem === undefined) {
          answer = { title: input.value, anonymous };
          input.hide();
        }
      }),
      input.onDidHide(() => {
        vscode.Disposable.from(...listeners).dispose();
        if (!answer) {
          keepUnfinished({ title: input.value, anonymous });
        }
        input.dispose();
        resolve(answer);
      }),
    ];
    input.show();
  });
}

/**
 * Quick capture's three prompts: a title (and anonymity), a kind and the optional first answer;
 * undefined when dismissed, or when `afterTitle` (the offer of a similar entry) says it handled the title.
 */
async function askCapture(labels: Labels, anonymousByDefault: boolean, afterTitle: (title: CaptureTitle) => Promise<boolean>): Promise<(CaptureTitle & { kind: Kind; speakUp: string }) | undefined> {
  const first = await askTitle(anonymousByDefault);
  if (!first || (await afterTitle(first))) {
    return undefined;
  }
  const kind = await vscode.window.showQuickPick(
    KINDS.map((value): vscode.QuickPickItem & { value: Kind } => ({ label: `$(${kindIcon(value)}) ${labels.kinds[value]}`, value })),
    { title: stepTitle('2/3', first.anonymous), placeHolder: vscode.l10n.t('What kind of stupid work is it?'), ignoreFocusOut: true },
  );
  if (!kind) {
    keepUnfinished(first);
    return undefined;
  }
  // The last step is optional, so Escape there skips it, as Enter does: a reflex must not lose the steps before.
  const speakUp = await vscode.window.showInputBox({
    title: stepTitle('3/3', first.anonymous),
    prompt: vscode.l10n.t('{0} (optional: Enter or Escape skips)', labels.smart.speakUp),
    placeHolder: labels.smartHints.speakUp,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim().length > MAX_ANSWER_LENGTH ? vscode.l10n.t('The answer is {0} characters long; keep it to {1}.', value.trim().length, MAX_ANSWER_LENGTH) : undefined,
  });
  return { ...first, kind: kind.value, speakUp: speakUp ?? '' };
}

/** Saves an entry from three prompts without opening any view, linked to the selection when there is one. */
async function quickCapture({ store, log, captureHost, labels, clock, voteTokens }: CodeCommandDeps): Promise<void> {
  // A flag abandoned for Quick Capture must not lend its code link to the form's next entry.
  log.leaveFlow();
  const editor = vscode.window.activeTextEditor;
  const chosen = captureTarget(captureHost, editor);
  if (!chosen) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the backlog lives in a workspace folder.'));
    return;
  }
  const { target, named } = chosen;
  if (target.status !== 'ready' && target.status !== 'missing') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Cannot save to the backlog of {0}: {1}', target.name, plainText(target.detail ?? '')));
    return;
  }
  const backlog = store.get(target.key);
  const offer = async (first: CaptureTitle): Promise<boolean> =>
    backlog !== undefined && (await offerExistingEntry(backlog, first.title, clock, voteTokens, stepTitle('1/3', first.anonymous))) === 'voted';
  const answers = await askCapture(labels, captureHost.anonymousByDefault(target.key), offer);
  if (!answers) {
    return;
  }
  const draft = emptyDraft(answers.anonymous);
  draft.title = answers.title;
  draft.kind = answers.kind;
  draft.smart.speakUp = answers.speakUp;
  const flagged = editor && !editor.selection.isEmpty ? flagEditor(store, editor) : undefined;
  if (flagged?.ok && flagged.backlog.key === target.key) {
    draft.link = flagged.link;
  }
  const result = await captureHost.save(target.key, draft, undefined);
  const shown = plainText(answers.title, QUOTE_LENGTH);
  if (!result.ok) {
    const edit = vscode.l10n.t('Open in Log Form');
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Could not save “{0}”: {1}', shown, plainText(result.message)), edit);
    if (choice === edit) {
      log.prefill(target.key, draft);
    }
    return;
  }
  const open = vscode.l10n.t('Open');
  const saved = named ? vscode.l10n.t('Saved “{0}” in {1}.', shown, target.name) : vscode.l10n.t('Saved “{0}”.', shown);
  // The same disclosure as the Log form's, where the person sees what they just posted.
  const choice = await vscode.window.showInformationMessage(answers.anonymous ? vscode.l10n.t('{0} Anonymously: {1}', saved, anonymityDisclosure()) : saved, open);
  if (choice === open) {
    await vscode.commands.executeCommand(OPEN_LINKED_ENTRY, target.key, result.id);
  }
}

/** Opens an entry's linked code, asking which link when it has several; the entry as `resolveEntry` reads the arguments. */
async function goToCode(deps: CodeCommandDeps, ...args: unknown[]): Promise<void> {
  const found = await resolveEntry(deps.store, args, {
    placeHolder: vscode.l10n.t('Go to the code of which entry?'),
    offers: (entry) => entry.links.length > 0,
    detail: (entry) => entry.links.map((link) => `${link.path}:${link.startLine}`).join(', '),
    none: vscode.l10n.t('No entry links to code yet.'),
  });
  if (found.kind === 'gone') {
    notFound(found.backlog);
  }
  if (found.kind !== 'found') {
    return;
  }
  const { backlog, entry } = found;
  if (entry.links.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” does not link to any code.', plainText(entry.title, QUOTE_LENGTH)));
    return;
  }
  const link = entry.links.length === 1
    ? entry.links[0]
    : (
        await vscode.window.showQuickPick(
          entry.links.map((value) => ({ label: `${plainText(value.path)}:${value.startLine}-${value.endLine}`, value })),
          { placeHolder: vscode.l10n.t('Go to which linked code?') },
        )
      )?.value;
  if (link) {
    await goToLink(deps, backlog, entry, link);
  }
}

/** Opens an entry, given by folder key and id (from a CodeLens or a hover), in the Log form. */
async function openLinkedEntry({ store, log }: CodeCommandDeps, ...args: unknown[]): Promise<void> {
  const found = await resolveEntry(store, args, {
    placeHolder: vscode.l10n.t('Open which entry?'),
    none: vscode.l10n.t('There is no entry yet.'),
  });
  if (found.kind === 'gone') {
    notFound(found.backlog);
  }
  if (found.kind === 'found') {
    log.edit(found.backlog.key, found.entry);
  }
}

/** A command's body: its dependencies, then the arguments VS Code passes. */
type Handler = (deps: CodeCommandDeps, ...args: unknown[]) => unknown;

/** Command id → handler, for the commands on flagged code. */
const HANDLERS: Record<string, Handler> = {
  'stupidWork.flagSelection': flagSelection,
  'stupidWork.quickCapture': quickCapture,
  'stupidWork.entry.goToCode': goToCode,
  [OPEN_LINKED_ENTRY]: openLinkedEntry,
};

/** Registers every handler of the table with its dependencies. */
export function registerCodeCommands(deps: CodeCommandDeps): vscode.Disposable[] {
  return Object.entries(HANDLERS).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
}

/**
 * Messages for people from the core and the adapters, as codes with parameters: no English is built
 * below the UI. The UI renders them with `vscode.l10n`, so a translation bundle covers them; the
 * command line renders the same codes in English with `@vscode/l10n`, which formats without a bundle.
 *
 * Every template is a literal `l10n.t(…)` call in `renderMessage`, so `@vscode/l10n-dev export` finds
 * it (it reads calls on a name imported from `@vscode/l10n` or `vscode`, hence the type import below).
 * Parameters that quote the file are already plain text (`plainText` in the core) when a message is
 * made; each surface still applies its own helper to the rendered text.
 */
import type * as l10n from '@vscode/l10n';

/**
 * What renders a template: `vscode.l10n` in the editor, `@vscode/l10n` (English) on the command line.
 * Both replace `{0}`, `{1}`… with the arguments, and look the template up in a bundle when one is loaded.
 */
export interface Localizer {
  t(message: string, ...args: l10n.L10nReplacement[]): string;
}

/** The server's or git's own words about a failed fetch or push, appended to the stop that quotes them. */
export type GitSaid = { code: 'said.server'; lines: string } | { code: 'said.git'; summary: string } | { code: 'said.nothing' };

/** Why a sync stopped (src/adapters/sync): each names the branch and remote where known, and says what to do. */
export type SyncMessage =
  | { code: 'sync.gitMissing' }
  | { code: 'sync.refused'; remote: string; branch: string; said: GitSaid; aboutIdentity: boolean }
  | { code: 'sync.auth'; remote: string; url: string; branch: string; action: 'fetch' | 'push'; said: GitSaid }
  | { code: 'sync.offline'; remote: string; url: string; branch: string; said: GitSaid }
  | { code: 'sync.throttled'; remote: string; branch: string; said: GitSaid }
  | { code: 'sync.noRepository'; remote: string; url: string; branch: string; said: GitSaid }
  | { code: 'sync.gitFailed'; remote: string; branch: string; action: 'fetch' | 'push'; said: GitSaid }
  | { code: 'sync.badBranch'; branch: string }
  | { code: 'sync.failed'; branch: string; detail: string }
  | { code: 'sync.tracked'; relativePath: string; remote: string; branch: string }
  | { code: 'sync.unreadable'; relativePath: string; line: number; column: number; problem: Message; remote: string; branch: string }
  | { code: 'sync.remoteUnreadable'; relativePath: string; line: number; column: number; problem: Message; remote: string; branch: string }
  | { code: 'sync.noBacklog'; relativePath: string; remote: string; branch: string }
  | { code: 'sync.notShared'; remote: string; branch: string }
  | { code: 'sync.cancelled'; remote: string; branch: string }
  | { code: 'sync.lostRaces'; remote: string; branch: string; attempts: number }
  | { code: 'sync.keptChanging'; relativePath: string }
  | { code: 'sync.commitAsMe'; branch: string; detail: string }
  | { code: 'sync.tooLarge'; name: string; megabytes: number; limit: number }
  | { code: 'sync.cannotRead'; file: string; detail: string }
  | { code: 'sync.busy'; pid: number; seconds: number }
  | { code: 'sync.notARepo'; folder: string }
  | { code: 'sync.repoUnreadable'; folder: string; detail: string }
  | { code: 'sync.unknownRemote'; remote: string; known: string[] }
  | { code: 'sync.noRemote'; branch: string }
  | { code: 'sync.whichRemote'; remotes: string[]; fallback: string }
  | { code: 'sync.unreadableNeedsCheck'; relativePath: string }
  /** git's own last line, as it printed it. */
  | { code: 'sync.gitSaid'; detail: string };

/** Why a Log form draft cannot be saved (src/core/model/entries.ts). */
export type DraftMessage =
  | { code: 'draft.noTitle' }
  | { code: 'draft.titleTooLong'; length: number; limit: number }
  | { code: 'draft.unknownKind'; kind: string }
  | { code: 'draft.unknownReason'; reason: string }
  | { code: 'draft.answerTooLong'; prompt: SmartPrompt; length: number; limit: number }
  | { code: 'draft.amount'; field: 'hoursPerOccurrence' | 'occurrences' }
  | { code: 'draft.unknownPeriod'; period: string }
  | { code: 'draft.people' };

/** The five S.M.A.R.T. prompts, by their key in the model. */
export type SmartPrompt = 'speakUp' | 'moreInfo' | 'accountability' | 'reprioritize' | 'tryAnother';

/** What a value found in the file is, for a problem that says what was expected instead. */
export type Found =
  | { code: 'found.list' }
  | { code: 'found.null' }
  | { code: 'found.object' }
  | { code: 'found.text'; preview: string }
  | { code: 'found.number'; preview: string }
  | { code: 'found.other'; preview: string };

/** A JSON Schema type name (media/stupid-work.schema.json), or another that Ajv reports as is. */
export type ExpectedType = 'string' | 'integer' | 'number' | 'object' | 'array' | 'boolean' | 'null' | { other: string };

/** The forms the schema's patterns stand for. */
export type PatternForm = 'id' | 'timestamp' | 'date' | 'handWrittenTime' | { pattern: string };

/** What is wrong at one place in the data, from the schema validator (src/core/file/parse.ts). */
export type SchemaDetail =
  | { code: 'schema.required'; field: string }
  | { code: 'schema.requiredCreated' }
  | { code: 'schema.type'; expected: ExpectedType; found: Found }
  | { code: 'schema.enum'; preview: string; allowed: string }
  | { code: 'schema.pattern'; preview: string; form: PatternForm }
  | { code: 'schema.empty' }
  | { code: 'schema.tooShort'; limit: string }
  | { code: 'schema.tooLong'; length: string; limit: string }
  | { code: 'schema.belowMinimum'; preview: string; limit: string }
  | { code: 'schema.aboveMaximum'; preview: string; limit: string }
  | { code: 'schema.repeatedItem'; first: number; second: number; preview: string }
  | { code: 'schema.other'; validator?: string };

/** jsonc-parser's syntax error names (printParseErrorCode), and the one this parser adds. */
export type SyntaxWords =
  | 'InvalidSymbol'
  | 'InvalidNumberFormat'
  | 'PropertyNameExpected'
  | 'ValueExpected'
  | 'ColonExpected'
  | 'CommaExpected'
  | 'CloseBraceExpected'
  | 'CloseBracketExpected'
  | 'EndOfFileExpected'
  | 'InvalidCommentToken'
  | 'UnexpectedEndOfComment'
  | 'UnexpectedEndOfString'
  | 'UnexpectedEndOfNumber'
  | 'InvalidUnicode'
  | 'InvalidEscapeCharacter'
  | 'InvalidCharacter'
  | 'TrailingComma'
  | { other: string };

/** Why a backlog file cannot be loaded (src/core/file/parse.ts). `where` is a path in the data; '' is the top level. */
export type ParseMessage =
  | { code: 'parse.tooLarge'; mebibytes: number }
  | { code: 'parse.duplicateKey'; where: string; key: string; line: number; column: number }
  | { code: 'parse.notObject'; found: Found }
  | { code: 'parse.newerVersion'; version: number; supported: number }
  | { code: 'parse.duplicateId'; first: number; second: number; id: string }
  | { code: 'parse.empty' }
  | { code: 'parse.conflict'; line: number }
  | { code: 'parse.notJson'; detail: string }
  | { code: 'parse.syntax'; line: number; column: number; words: SyntaxWords }
  | { code: 'parse.noSchemaError' }
  | { code: 'parse.schema'; where: string; detail: SchemaDetail }
  | { code: 'parse.fileTooLarge'; megabytes: number; limit: number }
  | { code: 'parse.cannotRead'; relativePath: string; detail: string };

/** Why the versions in conflict markers could not be merged (src/core/merge/merge.ts). */
export type MergeMessage =
  | { code: 'merge.at'; line: number; column: number; problem: Message }
  | { code: 'merge.side'; side: 'ours' | 'theirs'; line: number; column: number; problem: Message }
  | { code: 'merge.nestedUnreadable'; reason: Message }
  | { code: 'merge.badMarkers' };

/** What is wrong with a setting that names a file inside the workspace folder (src/core/file/folderFile.ts). */
export type SettingMessage = {
  code: 'setting.badFile';
  setting: string;
  kind: FileKind;
  example: string;
  problem: 'empty' | 'nul' | 'absolute' | 'outside' | 'wrongKind';
  /** The setting as written, made plain. */
  raw: string;
};

/** The kinds of file a setting may name. */
export type FileKind = 'json' | 'markdown';

/** Why the merge driver could not be installed (src/adapters/mergeDriver/mergeDriverSetup.ts). */
export type MergeDriverMessage =
  | { code: 'mergeDriver.cannotRun'; runtime: string; detail: string }
  | { code: 'mergeDriver.overridden'; relative: string; value: string | undefined; driver: string };

/** What stops a decision from being recorded (`validateDecision` in src/core/retro/retro.ts); the Retro Board's page shows them too. */
export type DecisionProblem =
  | { code: 'retro.noOutcome' }
  | { code: 'retro.unknownOutcome'; outcome: string }
  | { code: 'retro.noOwner' }
  | { code: 'retro.ownerTooLong'; length: number; limit: number }
  | { code: 'retro.noReason' }
  | { code: 'retro.reasonTooLong'; length: number; limit: number }
  | { code: 'retro.badDate'; due: string }
  | { code: 'retro.unknownFollowUp'; followUp: string };

/**
 * Why the retro refused a change (src/core/retro/retro.ts). `title` is an entry's title, cut short
 * for a notification; `facilitator` is a name from the file.
 */
export type RetroMessage =
  | DecisionProblem
  | { code: 'retro.badDecision'; problems: DecisionProblem[] }
  | { code: 'retro.missing'; entryId: string }
  | { code: 'retro.noFacilitator' }
  | { code: 'retro.facilitatorTooLong'; length: number; limit: number }
  | { code: 'retro.stillOpen'; facilitator: string; day: string }
  | { code: 'retro.noneOpen' }
  | { code: 'retro.noVoter' }
  | { code: 'retro.voterTooLong'; length: number; limit: number }
  | { code: 'retro.archivedNoVotes'; title: string }
  | { code: 'retro.doneNoVotes'; title: string }
  | { code: 'retro.outOfVotes'; budget: number }
  | { code: 'retro.unknownList'; list: string; lists: string }
  | { code: 'retro.archivedNoMove'; title: string }
  | { code: 'retro.notArchived'; title: string }
  | { code: 'retro.archivedNoDecide'; title: string }
  | { code: 'retro.noDecision'; title: string }
  | { code: 'retro.archivedNoFollowUp'; title: string }
  | { code: 'retro.mergeSelf' }
  | { code: 'retro.mergeIntoArchived'; title: string; merged: boolean }
  | { code: 'retro.alreadyMerged'; title: string }
  | { code: 'retro.answersTooLong'; prompt: SmartPrompt; length: number; limit: number };

/** Why a comment was not added, changed or deleted (src/core/comments/comments.ts). `author` comes from the file. */
export type CommentMessage =
  | { code: 'comment.empty' }
  | { code: 'comment.tooLong'; length: number; limit: number }
  | { code: 'comment.noEntry'; entryId: string }
  | { code: 'comment.missing' }
  | { code: 'comment.anonymous' }
  | { code: 'comment.notYours'; author: string };

/** Why a tracking link was refused, or an issue page could not be found (src/core/tracker). */
export type TrackerMessage =
  | { code: 'tracker.emptyUrl' }
  | { code: 'tracker.urlTooLong'; length: number; limit: number }
  | { code: 'tracker.notAUrl' }
  | { code: 'tracker.notHttps'; scheme: string }
  | { code: 'tracker.credentials' }
  | { code: 'tracker.missing'; entryId: string }
  | { code: 'tracker.noDecision'; title: string }
  | { code: 'tracker.archived'; title: string }
  | { code: 'tracker.notNetworkRemote' }
  | { code: 'tracker.plainHttpRemote'; host: string }
  | { code: 'tracker.unknownForge'; host: string }
  | { code: 'tracker.unknownPath'; host: string };

/** Any message the core or an adapter has for people. */
export type Message = SyncMessage | DraftMessage | ParseMessage | MergeMessage | SettingMessage | MergeDriverMessage | RetroMessage | TrackerMessage | CommentMessage;

/** Renders `message` through `localizer`; a nested message is rendered the same way. */
export function renderMessage(message: Message, localizer: Localizer): string {
  switch (message.code.slice(0, message.code.indexOf('.'))) {
    case 'sync':
      return syncText(message as SyncMessage, localizer);
    case 'draft':
      return draftText(message as DraftMessage, localizer);
    case 'parse':
      return parseText(message as ParseMessage, localizer);
    case 'merge':
      return mergeText(message as MergeMessage, localizer);
    case 'setting':
      return settingText(message as SettingMessage, localizer);
    case 'retro':
      return retroText(message as RetroMessage, localizer);
    case 'comment':
      return commentText(message as CommentMessage, localizer);
    case 'tracker':
      return trackerText(message as TrackerMessage, localizer);
    default:
      return mergeDriverText(message as MergeDriverMessage, localizer);
  }
}

function commentText(m: CommentMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'comment.empty':
      return l10n.t('Write something first: an empty comment is not saved.');
    case 'comment.tooLong':
      return l10n.t('The comment is {0} characters long; keep it to {1}.', m.length, m.limit);
    case 'comment.noEntry':
      return l10n.t('There is no entry with id "{0}" in the backlog; a teammate may have changed the file. Reload and try again.', m.entryId);
    case 'comment.missing':
      return l10n.t('This comment no longer exists; its author may have deleted it.');
    case 'comment.anonymous':
      return l10n.t('An anonymous comment cannot be changed: nothing in the file says who wrote it.');
    case 'comment.notYours':
      return l10n.t('Only {0}, who wrote this comment, can change it.', m.author);
  }
}

function saidText(said: GitSaid, l10n: Localizer): string {
  switch (said.code) {
    case 'said.server':
      return l10n.t(' The server said: {0}', said.lines);
    case 'said.git':
      return l10n.t(' (git: {0})', said.summary);
    case 'said.nothing':
      return '';
  }
}

function syncText(m: SyncMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'sync.gitMissing':
      return l10n.t('git is not installed or not on the PATH, so the backlog cannot be shared. Install git, then sync again.');
    case 'sync.refused':
      return l10n.t(
        '{0} refused the push to the branch {1}: a rule, hook or permission on the server does not allow it, and retrying will not help.{2} {3} Your backlog is kept on this machine.',
        m.remote,
        m.branch,
        saidText(m.said, l10n),
        m.aboutIdentity
          ? l10n.t('The server checks who made the commit: set stupidWork.sync.commitAs to "me" so backlog commits carry your own identity.')
          : l10n.t('Ask an admin to allow pushes to {0}, or choose another branch name with stupidWork.sync.branch.', m.branch),
      );
    case 'sync.auth':
      return m.action === 'fetch'
        ? l10n.t('git could not authenticate to {0} ({1}) to fetch the branch {2}. Check your credentials for that remote (for example with "git fetch {0}" in a terminal), then sync again.{3}', m.remote, m.url, m.branch, saidText(m.said, l10n))
        : l10n.t('git could not authenticate to {0} ({1}) to push the branch {2}. Check your credentials for that remote (for example with "git fetch {0}" in a terminal), then sync again.{3}', m.remote, m.url, m.branch, saidText(m.said, l10n));
    case 'sync.offline':
      return l10n.t('{0} ({1}) cannot be reached, so the branch {2} was not synced; you may be offline. Your edits are kept and go out with the next sync.{3}', m.remote, m.url, m.branch, saidText(m.said, l10n));
    case 'sync.throttled':
      return l10n.t('{0} is limiting how often it is asked (too many requests). The branch {1} will be synced later; your edits are kept.{2}', m.remote, m.branch, saidText(m.said, l10n));
    case 'sync.noRepository':
      return l10n.t('{0} ({1}) has no repository there, so the branch {2} cannot be shared. Check the remote\'s URL with "git remote -v".{3}', m.remote, m.url, m.branch, saidText(m.said, l10n));
    case 'sync.gitFailed':
      return m.action === 'fetch'
        ? l10n.t('git could not fetch the branch {0} on {1}.{2}', m.branch, m.remote, saidText(m.said, l10n))
        : l10n.t('git could not push to the branch {0} on {1}.{2}', m.branch, m.remote, saidText(m.said, l10n));
    case 'sync.badBranch':
      return l10n.t('The setting stupidWork.sync.branch ("{0}") is not a valid branch name. Use a name such as "stupid-work".', m.branch);
    case 'sync.failed':
      return l10n.t('Sync of the branch {0} failed: {1}', m.branch, m.detail);
    case 'sync.tracked':
      return l10n.t(
        '{0} is still committed on your code branch, from before the backlog had a branch of its own. Run Sync Backlog and agree to move it: its content goes to the branch {1} on {2}, and the file is unstaged for you to commit.',
        m.relativePath,
        m.branch,
        m.remote,
      );
    case 'sync.unreadable':
      return l10n.t(
        '{0} cannot be read (line {1}, column {2}: {3}), so nothing was shared. Fix the file, then sync again; the branch {4} on {5} is unchanged.',
        m.relativePath,
        m.line,
        m.column,
        renderMessage(m.problem, l10n),
        m.branch,
        m.remote,
      );
    case 'sync.remoteUnreadable':
      return l10n.t(
        'The backlog on the branch {0} of {1} cannot be read ({2}, line {3}, column {4}: {5}). Your working copy is unchanged. Repair the file on that branch, or ask whoever changed it by hand.',
        m.branch,
        m.remote,
        m.relativePath,
        m.line,
        m.column,
        renderMessage(m.problem, l10n),
      );
    case 'sync.noBacklog':
      return l10n.t('There is no backlog yet, neither in {0} nor on the branch {1} of {2}. Log an entry first, then sync.', m.relativePath, m.branch, m.remote);
    case 'sync.notShared':
      return l10n.t('The remote {0} has no branch {1} yet, so the backlog is not shared. Run Sync Backlog to create it.', m.remote, m.branch);
    case 'sync.cancelled':
      return l10n.t('The branch {0} was not created on {1}; the backlog stays on this machine.', m.branch, m.remote);
    case 'sync.lostRaces':
      return l10n.t('The push to the branch {0} on {1} lost a race with teammates {2} times in a row. Nothing is lost: sync again in a moment.', m.branch, m.remote, m.attempts);
    case 'sync.keptChanging':
      return l10n.t('{0} kept changing during the sync. Your edits are kept; sync again in a moment.', m.relativePath);
    case 'sync.commitAsMe':
      return l10n.t(
        'git could not commit to the branch {0} as you (stupidWork.sync.commitAs is "me"): {1}. Set your git user.name and user.email (and check your signing key if you sign commits), or set stupidWork.sync.commitAs to "neutral".',
        m.branch,
        m.detail,
      );
    case 'sync.tooLarge':
      return l10n.t('{0} is {1} MB, larger than the {2} MB a backlog may be, so it is not shared.', m.name, m.megabytes, m.limit);
    case 'sync.cannotRead':
      return l10n.t('{0} cannot be read ({1}), so it is not shared.', m.file, m.detail);
    case 'sync.busy':
      return l10n.t('Another sync of this backlog (process {0}) has been running for over {1} seconds. Try again when it has finished.', m.pid, m.seconds);
    case 'sync.notARepo':
      return l10n.t('{0} is not inside a git repository. The backlog is shared through a branch of the repository\'s remote: run "git init" and add a remote first.', m.folder);
    case 'sync.repoUnreadable':
      return l10n.t('git could not read the repository at {0}: {1}', m.folder, m.detail);
    case 'sync.unknownRemote':
      return m.known.length
        ? l10n.t('The setting stupidWork.sync.remote names the remote "{0}", which this repository does not have (it has {1}). Change the setting, or add the remote with "git remote add {0} <url>".', m.remote, m.known.join(', '))
        : l10n.t('The setting stupidWork.sync.remote names the remote "{0}", which this repository does not have. Change the setting, or add the remote with "git remote add {0} <url>".', m.remote);
    case 'sync.noRemote':
      return l10n.t('This repository has no remote, so there is nobody to share the backlog with. Add one with "git remote add origin <url>"; the backlog then goes to its branch {0}.', m.branch);
    case 'sync.whichRemote':
      return l10n.t('This repository has several remotes ({0}) and none is called {1}. Choose one with the setting stupidWork.sync.remote.', m.remotes.join(', '), m.fallback);
    case 'sync.gitSaid':
      return m.detail;
    case 'sync.unreadableNeedsCheck':
      return l10n.t('{0} cannot be read; run "stupid-work check" to see where.', m.relativePath);
  }
}

function promptName(prompt: SmartPrompt, l10n: Localizer): string {
  switch (prompt) {
    case 'speakUp':
      return l10n.t('Speak up');
    case 'moreInfo':
      return l10n.t('More information');
    case 'accountability':
      return l10n.t('Accountability');
    case 'reprioritize':
      return l10n.t('Re-prioritize');
    case 'tryAnother':
      return l10n.t('Try another approach');
  }
}

function draftText(m: DraftMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'draft.noTitle':
      return l10n.t('Give the entry a title.');
    case 'draft.titleTooLong':
      return l10n.t('The title is {0} characters long; keep it to {1}.', m.length, m.limit);
    case 'draft.unknownKind':
      return l10n.t('"{0}" is not a known kind of work.', m.kind);
    case 'draft.unknownReason':
      return l10n.t('"{0}" is not a known reason.', m.reason);
    case 'draft.answerTooLong':
      return l10n.t('The answer to "{0}" is {1} characters long; keep it to {2}.', promptName(m.prompt, l10n), m.length, m.limit);
    case 'draft.amount':
      return m.field === 'hoursPerOccurrence' ? l10n.t('Hours each time must be a number from 0 to 10,000.') : l10n.t('How often must be a number from 0 to 10,000.');
    case 'draft.unknownPeriod':
      return l10n.t('"{0}" is not a known period.', m.period);
    case 'draft.people':
      return l10n.t('People must be a whole number from 1 to 100,000.');
  }
}

function parseText(m: ParseMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'parse.tooLarge':
      return l10n.t('The file is larger than {0} MiB, too large to open safely.', m.mebibytes);
    case 'parse.duplicateKey':
      return l10n.t(
        '{0}: the field "{1}" appears twice in one object (first at line {2}, column {3}), so one of its two values would be silently lost. Keep the right one, delete the other, and save the file.',
        whereText(m.where, l10n),
        m.key,
        m.line,
        m.column,
      );
    case 'parse.notObject':
      return l10n.t('The file must hold a JSON object with "version" and "entries", but it holds {0}.', foundText(m.found, l10n));
    case 'parse.newerVersion':
      return l10n.t('The file was written by a newer version of Stupid Work (file version {0}, this extension reads up to {1}). Update the extension; the file is left untouched.', m.version, m.supported);
    case 'parse.duplicateId':
      return l10n.t('entries[{0}] and entries[{1}] have the same id "{2}". Give one of them a new id.', m.first, m.second, m.id);
    case 'parse.empty':
      return l10n.t('The file is empty. Log an entry to start the backlog, or delete the file.');
    case 'parse.conflict':
      return l10n.t('The file has unresolved git merge conflict markers (first at line {0}). Resolve the conflict and save the file.', m.line);
    case 'parse.notJson':
      return l10n.t('The file is not valid JSON: {0}', m.detail);
    case 'parse.syntax':
      return l10n.t('The file is not valid JSON: line {0}, column {1}: {2}.', m.line, m.column, syntaxText(m.words, l10n));
    case 'parse.noSchemaError':
      return l10n.t('The file does not match the Stupid Work format.');
    case 'parse.schema':
      return l10n.t('{0}: {1}', whereText(m.where, l10n), schemaText(m.detail, l10n));
    case 'parse.fileTooLarge':
      return l10n.t('The file is {0} MB, larger than the {1} MB this extension reads.', m.megabytes, m.limit);
    case 'parse.cannotRead':
      return l10n.t('Could not read {0}: {1}', m.relativePath, m.detail);
  }
}

function mergeText(m: MergeMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'merge.at':
      return l10n.t('line {0}, column {1}: {2}', m.line, m.column, renderMessage(m.problem, l10n));
    case 'merge.side':
      // `ours` and `theirs` are git's names for the two sides, as git prints them.
      return l10n.t('{0}: line {1}, column {2}: {3}', m.side, m.line, m.column, renderMessage(m.problem, l10n));
    case 'merge.nestedUnreadable':
      return l10n.t('its own conflict markers could not be resolved ({0})', renderMessage(m.reason, l10n));
    case 'merge.badMarkers':
      return l10n.t('The conflict markers are incomplete or out of order, so the versions cannot be told apart. Fix the file by hand.');
  }
}

function whereText(where: string, l10n: Localizer): string {
  return where === '' ? l10n.t('top level') : where;
}

function foundText(found: Found, l10n: Localizer): string {
  switch (found.code) {
    case 'found.list':
      return l10n.t('a list');
    case 'found.null':
      return 'null';
    case 'found.object':
      return l10n.t('an object');
    case 'found.text':
      return l10n.t('the text {0}', found.preview);
    case 'found.number':
      return l10n.t('the number {0}', found.preview);
    case 'found.other':
      return found.preview;
  }
}

function syntaxText(words: SyntaxWords, l10n: Localizer): string {
  if (typeof words === 'object') return words.other;
  switch (words) {
    case 'InvalidSymbol':
      return l10n.t('unexpected character');
    case 'InvalidNumberFormat':
      return l10n.t('badly written number');
    case 'PropertyNameExpected':
      return l10n.t('expected a field name in double quotes');
    case 'ValueExpected':
      return l10n.t('expected a value');
    case 'ColonExpected':
      return l10n.t('expected a colon after the field name');
    case 'CommaExpected':
      return l10n.t('expected a comma');
    case 'CloseBraceExpected':
      return l10n.t('expected a closing }');
    case 'CloseBracketExpected':
      return l10n.t('expected a closing ]');
    case 'EndOfFileExpected':
      return l10n.t('unexpected text after the end of the data');
    case 'InvalidCommentToken':
      return l10n.t('comments are not allowed in this file');
    case 'UnexpectedEndOfComment':
      return l10n.t('comment is not closed');
    case 'UnexpectedEndOfString':
      return l10n.t('text in quotes is not closed on the same line');
    case 'UnexpectedEndOfNumber':
      return l10n.t('number ends too early');
    case 'InvalidUnicode':
      return l10n.t('invalid \\u escape');
    case 'InvalidEscapeCharacter':
      return l10n.t('invalid escape after a backslash');
    case 'InvalidCharacter':
      return l10n.t('control character inside text in quotes; write it as an escape such as \\n');
    case 'TrailingComma':
      return l10n.t('a comma before a closing bracket or brace is not allowed in JSON');
  }
}

function typeText(type: ExpectedType, l10n: Localizer): string {
  if (typeof type === 'object') return type.other;
  switch (type) {
    case 'string':
      return l10n.t('text in quotes');
    case 'integer':
      return l10n.t('a whole number');
    case 'number':
      return l10n.t('a number');
    case 'object':
      return l10n.t('an object { … }');
    case 'array':
      return l10n.t('a list [ … ]');
    case 'boolean':
      return l10n.t('true or false');
    case 'null':
      return 'null';
  }
}

function formText(form: PatternForm, l10n: Localizer): string {
  if (typeof form === 'object') return l10n.t('in the expected form ({0})', form.pattern);
  switch (form) {
    case 'id':
      return l10n.t('a valid id (26 characters of Crockford base 32, as in 01JD3Q4X5Z6A7B8C9D0E1F2G3H)');
    case 'timestamp':
      return l10n.t('a UTC time such as 2026-11-22T09:30:00.000Z');
    case 'date':
      return l10n.t('a date such as 2026-11-22');
    case 'handWrittenTime':
      return handWrittenTime(l10n);
  }
}

/** A hand-written (version 0) file may use any time form that reads alike everywhere. */
function handWrittenTime(l10n: Localizer): string {
  return l10n.t('a full ISO 8601 time with its offset, such as 2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00, or a date such as 2026-03-02 (read as UTC)');
}

function schemaText(d: SchemaDetail, l10n: Localizer): string {
  switch (d.code) {
    case 'schema.required':
      return l10n.t('missing required field "{0}"', d.field);
    case 'schema.requiredCreated':
      return l10n.t('missing required field "created": write when it was flagged, as {0}', handWrittenTime(l10n));
    case 'schema.type':
      return l10n.t('expected {0}, found {1}', typeText(d.expected, l10n), foundText(d.found, l10n));
    case 'schema.enum':
      return l10n.t('{0} is not one of {1}', d.preview, d.allowed);
    case 'schema.pattern':
      return l10n.t('{0} is not {1}', d.preview, formText(d.form, l10n));
    case 'schema.empty':
      return l10n.t('must not be empty');
    case 'schema.tooShort':
      return l10n.t('is too short (at least {0} characters)', d.limit);
    case 'schema.tooLong':
      return l10n.t('is too long ({0} characters, at most {1})', d.length, d.limit);
    case 'schema.belowMinimum':
      return l10n.t('{0} is below the minimum of {1}', d.preview, d.limit);
    case 'schema.aboveMaximum':
      return l10n.t('{0} is above the maximum of {1}', d.preview, d.limit);
    case 'schema.repeatedItem':
      return l10n.t('items {0} and {1} are the same ({2}); each may appear only once', d.first, d.second, d.preview);
    case 'schema.other':
      // Ajv's own words for a keyword this schema does not use yet; they are English.
      return d.validator ?? l10n.t('does not match the Stupid Work format');
  }
}

function fileKindText(kind: FileKind, l10n: Localizer): string {
  return kind === 'json' ? l10n.t('.json file') : l10n.t('Markdown file');
}

function settingProblemText(m: SettingMessage, l10n: Localizer): string {
  switch (m.problem) {
    case 'empty':
      return l10n.t('is empty.');
    case 'nul':
      return l10n.t('contains a null character.');
    case 'absolute':
      return l10n.t('is an absolute path ("{0}").', m.raw);
    case 'outside':
      return l10n.t('points outside the workspace folder ("{0}").', m.raw);
    case 'wrongKind':
      return l10n.t('does not name a {0} ("{1}").', fileKindText(m.kind, l10n), m.raw);
  }
}

function settingText(m: SettingMessage, l10n: Localizer): string {
  return l10n.t('The setting {0} {1} It must name a {2} inside the workspace folder, such as "{3}".', m.setting, settingProblemText(m, l10n), fileKindText(m.kind, l10n), m.example);
}

function mergeDriverText(m: MergeDriverMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'mergeDriver.cannotRun':
      return l10n.t('{0} cannot run the driver program ({1}).', m.runtime, m.detail);
    case 'mergeDriver.overridden':
      return l10n.t(
        'git check-attr gives {0} merge={1}, not merge={2}: a later line in .gitattributes, a .gitattributes in one of its folders, or .git/info/attributes overrides the rule.',
        m.relative,
        m.value ?? l10n.t('unspecified'),
        m.driver,
      );
  }
}

/** A decision problem's template, with `{0}`, `{1}` where `decisionProblemText` puts its values. */
export type DecisionTemplates = Record<DecisionProblem['code'], string>;

/**
 * The decision problems' templates, translated but not filled in. The Retro Board's page checks its
 * form with `validateDecision` before sending it, and has no translations of its own: the host sends
 * it these, so the page and a refusal from the host say the same words.
 */
export function decisionTemplates(l10n: Localizer): DecisionTemplates {
  return {
    'retro.noOutcome': l10n.t('Choose the outcome: stop it, automate it, simplify it or keep it.'),
    'retro.unknownOutcome': l10n.t('"{0}" is not a decision; choose stop, automate, simplify or keep.'),
    'retro.noOwner': l10n.t('Name an owner, so someone is held to the decision until it is done.'),
    'retro.ownerTooLong': l10n.t("The owner's name is {0} characters long; keep it to {1}."),
    'retro.noReason': l10n.t('Keeping it needs a written reason, so the team learns why.'),
    'retro.reasonTooLong': l10n.t('The reason is {0} characters long; keep it to {1}.'),
    'retro.badDate': l10n.t('"{0}" is not a date; write it as YYYY-MM-DD, for example 2026-03-31.'),
    'retro.unknownFollowUp': l10n.t('"{0}" is not a follow-up state; use open, in-progress or done.'),
  };
}

/** One decision problem in words, from `templates` (see `decisionTemplates`). */
export function decisionProblemText(problem: DecisionProblem, templates: DecisionTemplates): string {
  const values = decisionValues(problem);
  return templates[problem.code].replace(/\{(\d+)\}/g, (placeholder, index: string) => String(values[Number(index)] ?? placeholder));
}

function decisionValues(p: DecisionProblem): (string | number)[] {
  switch (p.code) {
    case 'retro.unknownOutcome':
      return [p.outcome];
    case 'retro.ownerTooLong':
    case 'retro.reasonTooLong':
      return [p.length, p.limit];
    case 'retro.badDate':
      return [p.due];
    case 'retro.unknownFollowUp':
      return [p.followUp];
    case 'retro.noOutcome':
    case 'retro.noOwner':
    case 'retro.noReason':
      return [];
  }
}

function retroText(m: RetroMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'retro.noOutcome':
    case 'retro.unknownOutcome':
    case 'retro.noOwner':
    case 'retro.ownerTooLong':
    case 'retro.noReason':
    case 'retro.reasonTooLong':
    case 'retro.badDate':
    case 'retro.unknownFollowUp':
      return decisionProblemText(m, decisionTemplates(l10n));
    case 'retro.badDecision': {
      const templates = decisionTemplates(l10n);
      return m.problems.map((problem) => decisionProblemText(problem, templates)).join(' ');
    }
    case 'retro.missing':
      return l10n.t('There is no entry with id "{0}" in the backlog; a teammate may have changed the file. Reload the board and try again.', m.entryId);
    case 'retro.noFacilitator':
      return l10n.t('Say who facilitates the retro.');
    case 'retro.facilitatorTooLong':
      return l10n.t("The facilitator's name is {0} characters long; keep it to {1}.", m.length, m.limit);
    case 'retro.stillOpen':
      return l10n.t('The retro {0} started on {1} is still open. Finish it before starting another.', m.facilitator, m.day);
    case 'retro.noneOpen':
      return l10n.t('No retro is open, so there is none to finish.');
    case 'retro.noVoter':
      return l10n.t('A named vote needs your name: set git\'s user.name, or the stupidWork.authorName setting. An anonymous vote needs none.');
    case 'retro.voterTooLong':
      return l10n.t("The voter's name is {0} characters long; keep it to {1}.", m.length, m.limit);
    case 'retro.archivedNoVotes':
      return l10n.t('"{0}" is archived, so it takes no more votes; restore it first.', m.title);
    case 'retro.doneNoVotes':
      return l10n.t('"{0}" is done, so it takes no more votes.', m.title);
    case 'retro.outOfVotes':
      return m.budget === 1
        ? l10n.t('You have used your only vote. Take one back from another open entry first.')
        : l10n.t('You have used all {0} of your votes. Take one back from another open entry first.', m.budget);
    case 'retro.unknownList':
      return l10n.t('"{0}" is not a list on the board; use one of {1}.', m.list, m.lists);
    case 'retro.archivedNoMove':
      return l10n.t('"{0}" is archived; restore it to put it back on a list.', m.title);
    case 'retro.notArchived':
      return l10n.t('"{0}" is not archived; a teammate may have restored it already.', m.title);
    case 'retro.archivedNoDecide':
      return l10n.t('"{0}" is archived; restore it before deciding on it.', m.title);
    case 'retro.noDecision':
      return l10n.t('"{0}" has no decision yet, so it has no follow-up to track.', m.title);
    case 'retro.archivedNoFollowUp':
      return l10n.t('"{0}" is archived; restore it before changing its follow-up.', m.title);
    case 'retro.mergeSelf':
      return l10n.t('An entry cannot be merged into itself; choose two different entries.');
    case 'retro.mergeIntoArchived':
      return m.merged
        ? l10n.t('"{0}" is archived, merged into another entry; merge into an entry that is still on the board.', m.title)
        : l10n.t('"{0}" is archived; merge into an entry that is still on the board.', m.title);
    case 'retro.alreadyMerged':
      return l10n.t('"{0}" was already merged into another entry.', m.title);
    case 'retro.answersTooLong':
      return l10n.t('Together the answers to "{0}" would be {1} characters long, over the {2} limit. Shorten one of them first.', promptName(m.prompt, l10n), m.length, m.limit);
  }
}

function trackerText(m: TrackerMessage, l10n: Localizer): string {
  switch (m.code) {
    case 'tracker.emptyUrl':
      return l10n.t("Paste the issue's address, starting with https://.");
    case 'tracker.urlTooLong':
      return l10n.t('The address is {0} characters long; keep it to {1}.', m.length, m.limit);
    case 'tracker.notAUrl':
      return l10n.t("This is not a web address. Paste the issue's whole address, starting with https://.");
    case 'tracker.notHttps':
      return l10n.t('Only https addresses can be linked and opened, not "{0}". Paste the https address of the issue.', m.scheme);
    case 'tracker.credentials':
      return l10n.t('The address holds a user name or password, which would be shared with the whole team. Paste it without them.');
    case 'tracker.missing':
      return l10n.t('There is no entry with id "{0}" in the backlog; a teammate may have changed the file. Reload and try again.', m.entryId);
    case 'tracker.noDecision':
      return l10n.t('"{0}" has no decision yet. Record a decision first, then link its issue.', m.title);
    case 'tracker.archived':
      return l10n.t('"{0}" is archived; restore it before changing its tracking link.', m.title);
    case 'tracker.notNetworkRemote':
      return l10n.t('The backlog remote is not on a hosting site (it is a local path or an address git alone understands), so there is no issue page to open. Create the issue yourself and use Link Issue.');
    case 'tracker.plainHttpRemote':
      return l10n.t('The backlog remote on {0} uses plain http, and only https pages are opened. Create the issue yourself and use Link Issue.', m.host);
    case 'tracker.unknownForge':
      return l10n.t('Which hosting site runs {0} is not known. Set stupidWork.tracker.forge to github, gitlab, bitbucket, azure or gitea, or create the issue yourself and use Link Issue.', m.host);
    case 'tracker.unknownPath':
      return l10n.t('The backlog remote on {0} does not name a repository as the site does, so its issue page cannot be found. Create the issue yourself and use Link Issue.', m.host);
  }
}

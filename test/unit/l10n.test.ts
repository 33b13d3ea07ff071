// Keeps the extension translatable as shipped. Every `l10n.t` template is a literal that
// `@vscode/l10n-dev export` (the build's bundle step) finds, and no English phrase for people is
// written anywhere else in the extension's source: the core and the adapters hand messages up as codes
// (src/core/text/messages.ts), which the UI renders through `vscode.l10n`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

/** Two words or more: a phrase for people, not an identifier, a key or a single-word class name. */
const PHRASE = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/;

/** Calls whose arguments are log lines: the log output channel stays in English, for bug reports. */
const LOG_CALLS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'appendLine']);

/**
 * Where English stays, each with the reason it is not shown by the editor. A folder or file ending
 * in `/` or `.ts` covers all of it; otherwise the entry is one literal, by the text it starts with.
 */
const STAYS_ENGLISH: readonly { where: string; starts?: string; why: string }[] = [
  { where: 'src/cli/', why: 'the command line renders the same codes in English (src/core/text/english.ts), and speaks English itself' },
  { where: 'src/adapters/mergeDriver/mergeDriverCli.ts', why: 'git runs the merge driver outside the editor and shows its words in a terminal, as the command line does' },
  { where: 'src/adapters/mergeDriver/mergeDriverCommand.ts', why: 'the shell command git runs for the driver, with its own terminal messages' },
  { where: 'src/adapters/mergeDriver/mergeDriverSetup.ts', starts: 'Stupid Work backlog: semantic merge', why: "the driver's name in the repository's git config, read by git" },
  { where: 'src/core/sync/backlogBranch.ts', why: "the backlog branch's README and commit messages are the team's shared history in git, one language for all" },
  { where: 'src/adapters/sync/repository.ts', starts: '# Stupid Work: the backlog', why: 'a comment line written into .git/info/exclude' },
  { where: 'src/adapters/sync/repository.ts', starts: ':(top,literal)', why: 'a git pathspec' },
  { where: 'src/adapters/sync/backlogSync.ts', starts: 'push to', why: 'a value of the action a stop is about, not shown' },
  { where: 'src/adapters/sync/gitRunner.ts', starts: ' exited with ', why: "an Error carrying git's own output, shown as git's words" },
  { where: 'src/adapters/sync/plumbing.ts', starts: 'git fast-import wrote no commit', why: "an Error carrying git's own output, shown as git's words" },
  { where: 'src/core/file/migrate.ts', starts: 'No migration from file version', why: 'cannot happen: the version is checked before migrating' },
  { where: 'src/ui/shared/untrustedMarkdown.ts', starts: 'untrustedMarkdown takes only', why: 'a programming error, thrown in tests' },
  { where: 'src/core/votes/votes.ts', starts: 'castVote: the ballot token', why: 'a programming error: callers mint the token with newVoteToken' },
  { where: 'src/ui/shared/webviewHtml.ts', why: "HTML markup; the page's words come from l10n.t" },
  { where: 'src/adapters/report/reportPage.ts', why: "the report's HTML markup and CSP; the page's words come from l10n.t" },
  { where: 'src/features.ts', starts: 'Stupid Work', why: "the product's name, on the log output channel" },
  { where: 'src/ui/log/logViewProvider.ts', starts: 'the Log view', why: "the webview's name in the log's lines, which stay English" },
  { where: 'src/ui/retro/retroBoardPanel.ts', starts: 'the Retro Board', why: "the webview's name in the log's lines, which stay English" },
  { where: 'src/webview/', why: 'the webviews show only words the host sends, rendered through l10n.t; their own literals are class names' },
  { where: 'src/core/retro/retro.ts', starts: '\n\nFrom the merged duplicate', why: "a line written into a merged entry's answer in the shared file, which every teammate reads whatever their language" },
  { where: 'src/core/retro/backlogExport.ts', why: 'the CSV export\'s column names are a file format that other tools read, the same on every machine' },
];

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    // The schema validator is generated from the schema; the parser turns its errors into codes.
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.generated.ts'))
    .map((file) => path.join(SRC, file));
}

function isL10nT(call: ts.CallExpression, file: ts.SourceFile): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText(file));
}

/** Every `l10n.t` call: its first argument's text when it is a plain literal, otherwise where it is. */
function templates(file: ts.SourceFile): { literals: string[]; computed: string[] } {
  const literals: string[] = [];
  const computed: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isL10nT(node, file)) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) literals.push(first.text);
      else computed.push(`${path.relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { literals, computed };
}

/** English phrases in `file` that reach people without `l10n.t`, as `path:line text`. */
function phrasesOutsideL10n(file: ts.SourceFile): string[] {
  const relative = path.relative(ROOT, file.fileName).split(path.sep).join('/');
  const stays = (text: string) =>
    STAYS_ENGLISH.some((s) => (relative === s.where || (s.where.endsWith('/') && relative.startsWith(s.where))) && (s.starts === undefined || text.startsWith(s.starts)));
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isCallExpression(node) && isL10nT(node, file)) {
      node.arguments.slice(1).forEach(visit);
      return;
    }
    if (ts.isCallExpression(node) && isLogCall(node.expression, file)) {
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (PHRASE.test(node.text) && !stays(node.text)) found.push(`${relative}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `logger.info(…)`, or `logger[level](…)` with the level chosen at run time: the log stays English. */
function isLogCall(callee: ts.Expression, file: ts.SourceFile): boolean {
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return false;
  const level = ts.isPropertyAccessExpression(callee) ? LOG_CALLS.has(callee.name.text) : true;
  return level && /(logger|log|channel)$/i.test(callee.expression.getText(file));
}

function parse(file: string, text = readFileSync(file, 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

describe('translation', function () {
  this.timeout(60000);
  const files = sourceFiles();

  it('gives every l10n.t a literal template, and the bundle step finds each one', async () => {
    const literals = new Set<string>();
    const computed: string[] = [];
    for (const file of files) {
      const found = templates(parse(file));
      found.literals.forEach((text) => literals.add(text));
      computed.push(...found.computed);
    }
    assert.deepEqual(computed, [], 'a computed template cannot be in the bundle');
    // The build's own step: esbuild.mjs hands the same files to getL10nJson.
    const bundle = await getL10nJson(files.map((file) => ({ extension: '.ts', contents: readFileSync(file, 'utf8') })));
    assert.deepEqual([...literals].filter((text) => !(text in bundle)), [], 'templates the extractor misses: their file must import l10n from vscode or @vscode/l10n');
    assert.deepEqual(Object.keys(bundle).filter((text) => !literals.has(text)), []);
    assert.ok(literals.size > 300, `found only ${literals.size} templates`);
  });

  it('writes no English phrase for people outside l10n.t, except where it says why', () => {
    assert.deepEqual(files.flatMap((file) => phrasesOutsideL10n(parse(file))), []);
  });

  it('catches a phrase written straight into a message, a tree item or an error', () => {
    const file = path.join(SRC, 'ui', 'shared', 'planted.ts');
    const planted = `import * as vscode from 'vscode';
export function planted(item: vscode.TreeItem, logger: vscode.LogOutputChannel, n: number): void {
  void vscode.window.showInformationMessage('Backlog saved.');
  item.tooltip = \`\${n} entries waiting\`;
  logger.info('Wrote the backlog');
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} entries waiting', n));
  throw new Error('Could not save');
}
`;
    const found = phrasesOutsideL10n(parse(file, planted)).map((line) => line.replace(/^[^:]+:/, ''));
    assert.deepEqual(found, ['3 Backlog saved.', '4  entries waiting', '7 Could not save']);
  });

  it('catches a template the bundle cannot hold', () => {
    const planted = `import * as vscode from 'vscode';
const key = 'Saved';
export const a = vscode.l10n.t(key);
export const b = vscode.l10n.t('Saved {0}', key);
`;
    const found = templates(parse(path.join(SRC, 'ui', 'shared', 'planted.ts'), planted));
    assert.deepEqual(found, { literals: ['Saved {0}'], computed: ['src/ui/shared/planted.ts:3'] });
  });
});

// The extension host speaks as VS Code does: counted phrases take the language's plural form (never
// "1 votes" or "day(s)"), icons are codicons rather than emoji, and a notification, which VS Code shows
// as plain text, holds no Markdown or backticks. The checks read the sources' syntax trees, so they
// cover every call, including ones no test reaches at run time.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { english } from '../../src/core/text/english';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

/**
 * Files the host does not show itself, each with the reason. Their strings go elsewhere, so the checks
 * here do not apply to them as they stand.
 */
const NOT_HOST_WORDS: readonly { where: string; starts?: string; why: string }[] = [
  { where: 'src/webview/', why: 'browser code: the webviews show the words the host sends' },
  { where: 'src/ui/retro/retroBoardStrings.ts', why: "the Retro Board's strings, which the board's webview fills in" },
  { where: 'src/ui/log/logViewProvider.ts', why: "the Log form's strings, which the form's webview fills in" },
  { where: 'src/ui/retro/retroBoardActions.ts', starts: '{0} days overdue', why: "a retro summary's template, filled in by src/core/retro/retroSummary.ts" },
];

/** A count followed by an English noun: the phrase needs a form per plural category. */
const COUNTED = /\{\d+\} (?:new |changed |concurrent )?(?:votes?|days?|entries|entry|comments?|decisions?|conflicts?|edits?|hours?|seconds?|times?|minutes?|attempts?|answers?)\b(?! by)/;

/** Calls whose arguments are log lines: the log output channel stays in English, for bug reports, as in l10n.test.ts. */
const LOG_CALLS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'appendLine']);

/** Plural categories of Unicode CLDR, the keys of `PluralForms` (src/core/text/plural.ts). */
const CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Pictographs: emoji and the dingbats drawn as emoji. Codicons (`$(name)`) replace them. */
const EMOJI = /\p{Extended_Pictographic}/u;

/** What a plain-text notification would show literally: code spans, emphasis, links, headings. */
const MARKDOWN = /`|\*\*|__|\]\(|^#{1,6} /m;

const NOTIFY = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);

interface Literal {
  where: string;
  text: string;
  node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

function excluded(where: string, text?: string): boolean {
  return NOT_HOST_WORDS.some((n) => (where === n.where || (n.where.endsWith('/') && where.startsWith(n.where))) && (n.starts === undefined || (text ?? '').startsWith(n.starts)));
}

function parse(file: string, text = readFileSync(file, 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

function sources(): ts.SourceFile[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.generated.ts'))
    .map((file) => parse(path.join(SRC, file)))
    .filter((file) => !excluded(relative(file.fileName)));
}

function isL10nT(call: ts.CallExpression, file: ts.SourceFile): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText(file));
}

/** `logger.info(…)`, or `logger[level](…)`: a line for the log, not for the person. */
function isLogCall(callee: ts.Expression, file: ts.SourceFile): boolean {
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return false;
  const level = ts.isPropertyAccessExpression(callee) ? LOG_CALLS.has(callee.name.text) : true;
  return level && /(logger|log|channel)$/i.test(callee.expression.getText(file));
}

function place(file: ts.SourceFile, node: ts.Node): string {
  return `${relative(file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
}

/** The literal template of every `l10n.t` call under `root`. */
function templates(file: ts.SourceFile, root: ts.Node = file): Literal[] {
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isL10nT(node, file)) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && !excluded(relative(file.fileName), first.text)) {
        found.push({ where: place(file, first), text: first.text, node: first });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** Whether the template is one form of a `PluralForms` object: `{ one: l10n.t('…'), other: l10n.t('…') }`. */
function isPluralForm(literal: Literal): boolean {
  const property = literal.node.parent.parent;
  return ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && CATEGORIES.has(property.name.text) && ts.isObjectLiteralExpression(property.parent);
}

/** Counted wording that cannot agree with its number, as `path:line text`. */
function badPlurals(file: ts.SourceFile): string[] {
  const found = templates(file).filter((t) => t.text.includes('(s)') || (COUNTED.test(t.text) && !isPluralForm(t))).map((t) => `${t.where} ${t.text}`);
  // English built without l10n (the command line, the merge driver): `${n} entries` has one form for every n.
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isLogCall(node.expression, file)) return;
    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) {
        if (/^ (?:new |concurrent )?(?:votes?|days?|entries|entry|comments?|decisions?|conflicts?|edits?)\b/.test(span.literal.text)) found.push(`${place(file, span)} \${…}${span.literal.text}`);
      }
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) && node.text.includes('(s)')) {
      found.push(`${place(file, node)} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...new Set(found)];
}

/** Emoji in any string the source writes (not in comments), as `path:line text`. */
function emojiIn(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) && EMOJI.test(node.text)) {
      found.push(`${place(file, node)} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Markdown in the message or the modal detail of a notification, as `path:line text`. */
function markdownInNotifications(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const check = (root: ts.Node) => templates(file, root).filter((t) => MARKDOWN.test(t.text)).forEach((t) => found.push(`${t.where} ${t.text}`));
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && NOTIFY.has(node.expression.name.text)) {
      const [message, options] = node.arguments;
      if (message) check(message);
      if (options && ts.isObjectLiteralExpression(options)) {
        options.properties.filter((p) => ts.isPropertyAssignment(p) && p.name.getText(file) === 'detail').forEach(check);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('host wording', function () {
  this.timeout(60000);
  const files = sources();

  it('gives every counted phrase its plural forms, with no "(s)" and no fixed "{0} votes"', () => {
    assert.deepEqual(files.flatMap(badPlurals), []);
  });

  it('catches a fixed plural, an "(s)" and an English count built by hand, but not a plural form', () => {
    const planted = parse(path.join(SRC, 'ui', 'shared', 'planted.ts'), `import * as vscode from 'vscode';
export const a = vscode.l10n.t('{0} votes left', 3);
export const b = vscode.l10n.t('{0} day(s) overdue', 3);
export const c = counted({ one: vscode.l10n.t('{0} vote left'), other: vscode.l10n.t('{0} votes left') }, 3);
export const d = \`\${n} entries, no problems\`;
export const e = vscode.l10n.t('{0} is due', 3);
`);
    assert.deepEqual(badPlurals(planted).map((line) => line.replace(/^[^:]+:/, '')), ['2 {0} votes left', '3 {0} day(s) overdue', '5 ${…} entries, no problems']);
  });

  it('writes no emoji in the sources or the manifest: codicons stand in', () => {
    assert.deepEqual(files.flatMap(emojiIn), []);
    const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.entries(nls).filter(([, text]) => EMOJI.test(text)), []);
    assert.doesNotMatch(readFileSync(path.join(ROOT, 'package.json'), 'utf8'), EMOJI);
  });

  it('catches an emoji in a CodeLens title or a copied line', () => {
    const planted = parse(path.join(SRC, 'ui', 'shared', 'planted.ts'), `import * as vscode from 'vscode';
export const a = vscode.l10n.t('👍 Me Too ({0})', 3);
export const b = \`- ⭐ \${n}\`;
export const c = vscode.l10n.t('$(thumbsup) Me Too ({0})', 3);
`);
    assert.deepEqual(emojiIn(planted).map((line) => line.replace(/^[^:]+:/, '')), ['2 👍 Me Too ({0})', '3 - ⭐ ']);
  });

  it('puts no Markdown or backticks into a notification, which shows them literally', () => {
    assert.deepEqual(files.flatMap(markdownInNotifications), []);
    // Messages from the core and the adapters reach notifications through messageText.
    const messages = parse(path.join(SRC, 'core', 'text', 'messages.ts'));
    assert.deepEqual(templates(messages).filter((t) => MARKDOWN.test(t.text)).map((t) => `${t.where} ${t.text}`), []);
  });

  it('catches a code span in a message, emphasis in a detail, and a link in a nested template', () => {
    const planted = parse(path.join(SRC, 'ui', 'shared', 'planted.ts'), `import * as vscode from 'vscode';
void vscode.window.showInformationMessage(vscode.l10n.t('Run \`git fetch\` first'));
void vscode.window.showWarningMessage(vscode.l10n.t('Sure?'), { modal: true, detail: vscode.l10n.t('This is **final**.') }, 'Yes');
void vscode.window.showErrorMessage(vscode.l10n.t('Failed: {0}', vscode.l10n.t('see [the log](command:x)')));
void vscode.window.showInformationMessage(vscode.l10n.t('Synced with {0}.', 'origin'));
const hover = new vscode.MarkdownString(vscode.l10n.t('**Bold** is fine in a hover'));
`);
    assert.deepEqual(markdownInNotifications(planted).map((line) => line.replace(/^[^:]+:/, '')), [
      '2 Run `git fetch` first',
      '3 This is **final**.',
      '4 see [the log](command:x)',
    ]);
  });

  it('renders a count in a core message in its plural form, as the command line shows it', () => {
    assert.equal(english({ code: 'sync.busy', pid: 42, seconds: 1 }), 'Another sync of this backlog (process 42) has been running for over 1 second. Try again when it has finished.');
    assert.match(english({ code: 'sync.lostRaces', remote: 'origin', branch: 'stupid-work', attempts: 8 }), /lost a race with teammates 8 times in a row/);
    assert.match(english({ code: 'retro.outOfVotes', budget: 1 }), /^You have used your only vote\./);
    assert.match(english({ code: 'retro.outOfVotes', budget: 3 }), /^You have used all 3 of your votes\./);
  });
});

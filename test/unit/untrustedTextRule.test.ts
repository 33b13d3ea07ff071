// Makes the untrusted-text rule hard to bypass. The TypeScript checker reads the extension's source
// and follows a teammate's text (the free-text fields of the backlog model and every quoted problem
// or error message) into each place VS Code shows text: notifications, quick picks and input boxes,
// tree items, CodeLens, the status bar, progress, hovers and the output channel. Text may reach them
// only through a helper of the rule; a `MarkdownString` may be made only by `untrustedMarkdown`.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const MARKDOWN_MODULE = path.join(ROOT, 'src', 'ui', 'shared', 'untrustedMarkdown.ts');

/** The helpers of the rule, and the exports built on them, whose result is inert whatever went in. */
const SANITIZERS = new Set(['plainText', 'md', 'commandLink', 'untrustedMarkdown', 'markdownInline', 'markdownBlock', 'markdownName', 'entryToMarkdown', 'retroSummaryMarkdown']);

/** Free-text fields of the backlog model, by the interface that declares them (src/core/model/model.ts). */
const UNTRUSTED_FIELDS: Record<string, readonly string[]> = {
  Entry: ['title'],
  Smart: ['speakUp', 'moreInfo', 'accountability', 'reprioritize', 'tryAnother'],
  Decision: ['owner', 'rationale'],
  Person: ['name', 'email'],
  Comment: ['text'],
  CodeLink: ['path'],
  Retro: ['facilitator'],
};

/** Types whose values carry untrusted fields: what a helper function could pull text out of. */
const UNTRUSTED_TYPES = new Set([...Object.keys(UNTRUSTED_FIELDS), 'Backlog', 'AnchoredLink', 'BacklogProblem']);

/** Messages quote the file or an entry: a problem's, an error's, a refusal's. */
const QUOTING_PROPERTIES = new Set(['message', 'detail']);

/** VS Code API that shows its string arguments to the person (vscode.d.ts). */
const SINK_CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'setStatusBarMessage',
  'showQuickPick',
  'showInputBox',
  'withProgress',
  'report',
  'append',
  'appendLine',
  'replace',
  'trace',
  'debug',
  'info',
  'warn',
  'error',
]);
const SINK_CLASSES = new Set(['TreeItem', 'CodeLens', 'Hover', 'MarkdownString']);
/** Properties of VS Code's objects that it shows: tree items, status bar items, views, quick picks, commands, decorations. */
const SINK_PROPERTIES = new Set(['label', 'description', 'detail', 'tooltip', 'title', 'text', 'message', 'prompt', 'placeholder', 'placeHolder', 'validationMessage', 'accessibilityInformation', 'contentText', 'hoverMessage', 'badge']);

/**
 * Messages shown as they are, each with the reason it holds no teammate's text. The sync log line
 * keeps git's own words and the server's `remote:` lines whole for diagnosis; the output channel
 * renders no Markdown, and every notification and status bar tooltip gets the same text through
 * `plainText`.
 */
const SHOWN_AS_IS: readonly { file: string; text: string }[] = [
  {
    file: 'src/ui/sync/syncController.ts',
    text: "`Sync of ${backlog.relativePath} in ${backlog.folder.name} stopped (${outcome.reason}): ${messageText(outcome.message)}${outcome.remoteLines?.length ? `\\n${outcome.remoteLines.join('\\n')}` : ''}`",
  },
];

interface Violation {
  file: string;
  line: number;
  sink: string;
  text: string;
}

function isFromVscode(symbol: ts.Symbol | undefined): boolean {
  return symbol?.declarations?.some((d) => /[\\/]@types[\\/]vscode[\\/]/.test(d.getSourceFile().fileName)) ?? false;
}

function calleeName(call: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression): string | undefined {
  const callee = ts.isTaggedTemplateExpression(call) ? call.tag : call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Walks `program`'s extension source and returns every place untrusted text reaches VS Code unmade-inert. */
function findViolations(program: ts.Program, files: readonly string[]): { violations: Violation[]; sinks: number } {
  const checker = program.getTypeChecker();
  const violations: Violation[] = [];
  let sinks = 0;
  const visiting = new Set<ts.Node>();

  const mentionsUntrustedType = (type: ts.Type, depth = 0): boolean => {
    if (depth > 3) return false;
    const name = type.aliasSymbol?.name ?? type.getSymbol()?.name;
    if (name && UNTRUSTED_TYPES.has(name)) return true;
    if (type.isUnionOrIntersection()) return type.types.some((t) => mentionsUntrustedType(t, depth + 1));
    return checker.getTypeArguments(type as ts.TypeReference)?.some((t) => mentionsUntrustedType(t, depth + 1)) ?? false;
  };

  const isTextType = (node: ts.Expression): boolean => {
    const type = checker.getTypeAtLocation(node);
    // A string literal type ('none' | 'named') holds one of the program's own words, never a teammate's.
    const text = (t: ts.Type): boolean => ((t.flags & ts.TypeFlags.StringLike) !== 0 && !t.isStringLiteral()) || (checker.isArrayType(t) && text(checker.getTypeArguments(t as ts.TypeReference)[0]));
    return type.isUnion() ? type.types.some(text) : text(type);
  };

  const isSanitizerCallback = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node)) return SANITIZERS.has(node.text);
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) {
      const body = node.body;
      return (ts.isCallExpression(body) || ts.isTaggedTemplateExpression(body)) && SANITIZERS.has(calleeName(body) ?? '');
    }
    return false;
  };

  /** Whether `node` may carry a teammate's text that no helper made inert. */
  const tainted = (node: ts.Node): boolean => {
    if (visiting.has(node)) return false;
    visiting.add(node);
    try {
      if ((ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node) || ts.isNewExpression(node)) && SANITIZERS.has(calleeName(node) ?? '')) {
        return false;
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'map' && node.arguments.some(isSanitizerCallback)) {
        return false;
      }
      if (ts.isPropertyAccessExpression(node)) {
        const name = node.name.text;
        const owner = checker.getTypeAtLocation(node.expression).getNonNullableType();
        const ownerName = owner.aliasSymbol?.name ?? owner.getSymbol()?.name;
        if (ownerName && UNTRUSTED_FIELDS[ownerName]?.includes(name)) return true;
        if (QUOTING_PROPERTIES.has(name) && !isFromVscode(checker.getSymbolAtLocation(node.name))) return true;
      }
      if (ts.isElementAccessExpression(node) && mentionsUntrustedType(checker.getTypeAtLocation(node.expression)) && isTextType(node)) {
        return true;
      }
      if (ts.isIdentifier(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        const declaration = symbol?.valueDeclaration;
        if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && declaration.getSourceFile().fileName.startsWith(path.join(ROOT, 'src'))) {
          return tainted(declaration.initializer);
        }
        return false;
      }
      if (ts.isCallExpression(node) && isTextType(node) && node.arguments.some((arg) => mentionsUntrustedType(checker.getTypeAtLocation(arg)))) {
        // A helper such as `entryFacts(entry)` hands back text pulled out of an entry.
        return true;
      }
      let found = false;
      node.forEachChild((child) => {
        found ||= tainted(child);
      });
      return found;
    } finally {
      visiting.delete(node);
    }
  };

  const check = (sink: string, value: ts.Node) => {
    // An object's shown properties are checked one by one; a function, such as a progress task, is not shown.
    if (ts.isObjectLiteralExpression(value) || ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
      return;
    }
    sinks++;
    const source = value.getSourceFile();
    const file = path.relative(ROOT, source.fileName);
    const text = value.getText();
    if (tainted(value) && !SHOWN_AS_IS.some((known) => known.file === file && known.text === text)) {
      violations.push({ file, line: source.getLineAndCharacterOfPosition(value.getStart()).line + 1, sink, text: text.slice(0, 160) });
    }
  };

  for (const file of files) {
    const source = program.getSourceFile(file);
    assert.ok(source, `${file} is in the program`);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const name = calleeName(node);
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
        const symbol = checker.getSymbolAtLocation(callee);
        if (name && isFromVscode(symbol) && (ts.isNewExpression(node) ? SINK_CLASSES.has(name) : SINK_CALLS.has(name))) {
          for (const arg of node.arguments ?? []) check(name, arg);
        }
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
        const name = node.left.name.text;
        if (SINK_PROPERTIES.has(name) && isFromVscode(checker.getSymbolAtLocation(node.left.name))) check(`.${name} =`, node.right);
      }
      if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent) && ts.isIdentifier(node.name) && SINK_PROPERTIES.has(node.name.text)) {
        const contextual = checker.getContextualType(node.parent);
        const property = contextual && checker.getPropertyOfType(contextual.getNonNullableType(), node.name.text);
        if (isFromVscode(property)) check(`{ ${node.name.text} }`, node.initializer);
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return { violations, sinks };
}

/** The project's compiler settings and files, as tsconfig.json gives them. */
function projectConfig(): ts.ParsedCommandLine {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
}

/** The extension host's source: everything in src but the webviews' browser code. */
function extensionFiles(): string[] {
  const src = path.join(ROOT, 'src');
  return projectConfig().fileNames.filter((f) => f.startsWith(src) && !f.startsWith(path.join(src, 'webview')));
}

/** A program over the extension's files, plus `extra` files given by path and text. */
function programWith(files: string[], extra: Record<string, string> = {}, oldProgram?: ts.Program): ts.Program {
  const { options } = projectConfig();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => extra[name] ?? readFile(name);
  host.fileExists = (name) => name in extra || ts.sys.fileExists(name);
  host.getSourceFile = (name, language, onError, create) =>
    name in extra ? ts.createSourceFile(name, extra[name], language, true) : getSourceFile(name, language, onError, create);
  return ts.createProgram({ rootNames: [...files, ...Object.keys(extra)], options, host, oldProgram });
}

describe('the untrusted-text rule', function () {
  this.timeout(60000);
  const files = extensionFiles();
  let program: ts.Program;

  before(() => {
    program = programWith(files);
  });

  it('lets no teammate\'s text reach a VS Code surface without passing through its helpers', () => {
    const { violations, sinks } = findViolations(program, files);
    assert.deepEqual(violations.map((v) => `${v.file}:${v.line} ${v.sink}: ${v.text}`), []);
    // The walk must have found the surfaces it guards, or it proves nothing.
    assert.ok(sinks > 80, `found only ${sinks} places that show text`);
  });

  it('makes MarkdownStrings in one module only', () => {
    const outside: string[] = [];
    for (const file of files.filter((f) => f !== MARKDOWN_MODULE)) {
      const text = program.getSourceFile(file)?.getFullText() ?? '';
      for (const pattern of [/\bMarkdownString\s*\(/, /\.append(Markdown|Text|Codeblock)\(/, /\.(isTrusted|supportHtml|supportThemeIcons)\s*=(?!=)/]) {
        if (pattern.test(text)) outside.push(`${path.relative(ROOT, file)}: ${pattern.source}`);
      }
    }
    assert.deepEqual(outside, []);
  });

  it('catches the ways text could slip past it', () => {
    const file = path.join(ROOT, 'src', 'ui', 'shared', 'bypass.ts');
    const bypass = `import * as vscode from 'vscode';
import type { Entry, Backlog } from '../../core/model/model';
import { plainText } from '../../core/text/inertText';
import { entryFacts } from '../codeLinks/flaggedCodeLens';
import type { Labels } from '../../core/model/displayNames';
export function bad(entry: Entry, b: Backlog, labels: Labels, item: vscode.TreeItem, error: Error, logger: vscode.LogOutputChannel): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('Archived “{0}”.', entry.title));
  const title = entry.title.trim();
  void vscode.window.showWarningMessage(\`No code for \${title}\`);
  item.tooltip = entry.smart.speakUp;
  item.description = entry.smart['moreInfo'];
  void vscode.window.showQuickPick(entry.links.map((l) => ({ label: l.path })));
  vscode.window.setStatusBarMessage(entryFacts(entry, labels).join(' '));
  logger.error(error.message);
  void new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: b.retros[0].facilitator, command: 'x' });
  void vscode.window.showInformationMessage(plainText(entry.title), { modal: true, detail: entry.decision?.owner ?? '' });
}
export function good(entry: Entry, labels: Labels): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('Archived “{0}”.', plainText(entry.title)));
  vscode.window.setStatusBarMessage(entryFacts(entry, labels).map(plainText).join(' '));
}
`;
    const withBypass = programWith(files, { [file]: bypass }, program);
    const { violations } = findViolations(withBypass, [file]);
    assert.deepEqual(
      violations.map((v) => v.line),
      [7, 9, 10, 11, 12, 13, 14, 15, 16],
      violations.map((v) => `${v.line} ${v.sink}: ${v.text}`).join('\n'),
    );
  });
});

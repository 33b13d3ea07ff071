import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/markdown';
import type { Labels } from '../core/labels';
import { decorationsEnabled } from '../adapters/config';
import type { AnchoredLink, CodeLinkIndex } from './codeLinkIndex';
import { OPEN_LINKED_ENTRY, anchorRange, entryFacts } from './flaggedCodeLens';

interface DecorationTypes {
  range: vscode.TextEditorDecorationType;
  gutter: vscode.TextEditorDecorationType;
  missing: vscode.TextEditorDecorationType;
}

/** Typing is not re-anchored on every keystroke. */
const TYPING_DELAY_MS = 250;

function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/**
 * A gutter flag and a faint background on flagged lines of the visible editors, with a hover naming
 * the entry. Entry text is untrusted: it is escaped, and the hover trusts only its own command link.
 */
export class FlaggedDecorations implements vscode.Disposable {
  private types: DecorationTypes | undefined;
  private readonly decorated = new WeakSet<vscode.TextEditor>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: CodeLinkIndex,
    private readonly labels: Labels,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.decorateAll(editors)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === document)) {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.decorateAll(vscode.window.visibleTextEditors), TYPING_DELAY_MS);
        }
      }),
      index.onDidChange(() => this.decorateAll(vscode.window.visibleTextEditors)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.codeLinks.decorations')) {
          this.decorateAll(vscode.window.visibleTextEditors);
        }
      }),
    );
    this.decorateAll(vscode.window.visibleTextEditors);
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
    if (this.types) {
      vscode.Disposable.from(this.types.range, this.types.gutter, this.types.missing).dispose();
    }
  }

  private decorateAll(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      this.decorate(editor);
    }
  }

  private decorate(editor: vscode.TextEditor): void {
    const anchored = this.index.anchorsIn(editor.document);
    if (anchored.length === 0 || !decorationsEnabled(editor.document.uri)) {
      if (this.decorated.has(editor) && this.types) {
        for (const type of [this.types.range, this.types.gutter, this.types.missing]) {
          editor.setDecorations(type, []);
        }
        this.decorated.delete(editor);
      }
      return;
    }
    const types = this.ensureTypes();
    const ranges: vscode.DecorationOptions[] = [];
    const gutters: vscode.DecorationOptions[] = [];
    const missing: vscode.DecorationOptions[] = [];
    for (const linked of anchored) {
      const range = anchorRange(editor.document, linked);
      const hoverMessage = this.hover(linked);
      if (linked.anchor.state === 'missing') {
        missing.push({ range, hoverMessage });
      } else {
        ranges.push({ range, hoverMessage });
        gutters.push({ range: new vscode.Range(range.start, range.start) });
      }
    }
    editor.setDecorations(types.range, ranges);
    editor.setDecorations(types.gutter, gutters);
    editor.setDecorations(types.missing, missing);
    this.decorated.add(editor);
  }

  private hover({ backlog, entry, anchor }: AnchoredLink): vscode.MarkdownString {
    const hover = new vscode.MarkdownString(undefined, false);
    hover.supportHtml = false;
    hover.isTrusted = { enabledCommands: [OPEN_LINKED_ENTRY] };
    hover.appendMarkdown(`**${inline(vscode.l10n.t('Stupid Work: {0}', entry.title))}**\n\n`);
    hover.appendMarkdown(`${entryFacts(entry, this.labels).map(inline).join(' · ')}\n\n`);
    const rationale = entry.decision?.rationale.trim();
    if (rationale) {
      hover.appendMarkdown(`${inline(rationale.length > 240 ? `${rationale.slice(0, 240)}…` : rationale)}\n\n`);
    }
    if (anchor.state === 'missing') {
      hover.appendMarkdown(`${inline(vscode.l10n.t('The flagged code is no longer found in this file.'))}\n\n`);
    }
    const args = encodeURIComponent(JSON.stringify([backlog.key, entry.id]));
    hover.appendMarkdown(`[${inline(vscode.l10n.t('Open entry'))}](command:${OPEN_LINKED_ENTRY}?${args})`);
    return hover;
  }

  private ensureTypes(): DecorationTypes {
    this.types ??= {
      range: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor('stupidWork.flaggedCodeBackground'),
      }),
      gutter: vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(this.extensionUri, 'media', 'flagged-gutter.svg'),
        gutterIconSize: 'contain',
      }),
      missing: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        after: {
          contentText: vscode.l10n.t('Stupid Work: code no longer found'),
          color: new vscode.ThemeColor('editorCodeLens.foreground'),
          fontStyle: 'italic',
          margin: '0 0 0 2em',
        },
      }),
    };
    return this.types;
  }
}

import * as vscode from 'vscode';
import { COMMENT_ON_ENTRY } from '../comments/commentCommands';
import { voteOf } from '../../core/votes/votes';
import type { IdentityCache } from '../shared/identityCache';
import { TOGGLE_VOTE } from '../votes/voteCommands';
import type { VoteTokens } from '../votes/voteTokens';
import { voteSummary } from '../votes/voteWords';
import { shorten } from '../../core/text/inertText';
import type { Labels } from '../../core/model/displayNames';
import { decorationsEnabled } from '../../adapters/workspace/config';
import type { AnchoredLink, CodeLinkIndex } from './codeLinkIndex';
import { OPEN_LINKED_ENTRY, anchorRange, entryFacts } from './flaggedCodeLens';
import { commandLink, md, untrustedMarkdown } from '../shared/untrustedMarkdown';

interface DecorationTypes {
  range: vscode.TextEditorDecorationType;
  gutter: vscode.TextEditorDecorationType;
  missing: vscode.TextEditorDecorationType;
}

/** Typing is not re-anchored on every keystroke. */
const TYPING_DELAY_MS = 250;

/** How much of a decision's rationale the hover shows. */
const HOVER_RATIONALE_LENGTH = 240;

/**
 * A gutter flag and a faint background on flagged lines of the visible editors, with a hover naming
 * the entry. Entry text is untrusted: it goes through `md`, and the hover trusts only its own command link.
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
    private readonly identity: IdentityCache,
    private readonly voteTokens: VoteTokens,
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
    const mine = voteOf(entry, { id: this.identity.voterIdFor(backlog.folder) ?? '', tokens: this.voteTokens.tokens });
    // Each fact is escaped and isolated on its own, so one cannot reorder the next.
    const facts = [voteSummary(entry.votes.length, mine), ...entryFacts(entry, this.labels)].map((fact, index) => (index === 0 ? md`${fact}` : md` · ${fact}`));
    const rationale = shorten(entry.decision?.rationale ?? '', HOVER_RATIONALE_LENGTH);
    const paragraphs = [md`**${vscode.l10n.t('Stupid Work: {0}', entry.title)}**\n\n`, md`${facts}\n\n`];
    if (rationale) {
      paragraphs.push(md`${rationale}\n\n`);
    }
    if (anchor.state === 'missing') {
      paragraphs.push(md`${vscode.l10n.t('The flagged code is no longer found in this file.')}\n\n`);
    }
    paragraphs.push(
      commandLink(vscode.l10n.t('Open entry'), OPEN_LINKED_ENTRY, [backlog.key, entry.id]),
      md` · `,
      commandLink(mine === 'none' ? vscode.l10n.t('Me too') : vscode.l10n.t('Withdraw my vote'), TOGGLE_VOTE, [backlog.key, entry.id]),
      md` · `,
      commandLink(vscode.l10n.t('Comment…'), COMMENT_ON_ENTRY, [backlog.key, entry.id]),
    );
    return untrustedMarkdown(md`${paragraphs}`);
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

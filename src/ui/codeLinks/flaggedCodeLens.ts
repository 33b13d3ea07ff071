import * as vscode from 'vscode';
import { QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import type { Entry } from '../../core/model/model';
import type { Labels } from '../../core/model/displayNames';
import { codeLensEnabled } from '../../adapters/workspace/config';
import type { AnchoredLink, CodeLinkIndex } from './codeLinkIndex';
import { kindIcon } from '../shared/labels';
import { liveComments } from '../../core/comments/comments';
import { COMMENT_ON_ENTRY } from '../comments/commentCommands';
import { voteOf } from '../../core/votes/votes';
import type { IdentityCache } from '../shared/identityCache';
import { TOGGLE_VOTE } from '../votes/voteCommands';
import type { VoteTokens } from '../votes/voteTokens';
import { anonymousVoteDisclosure } from '../votes/voteWords';
import { monthlyCostText } from '../shared/costText';

/** Opens an entry in the Log form by folder key and id, so a lens never holds a stale copy. */
export const OPEN_LINKED_ENTRY = 'stupidWork.entry.openById';

/** Status and the decision if there is one: what a reader of the code needs to know (votes have a lens of their own). */
export function entryFacts(entry: Entry, labels: Labels): string[] {
  const facts = [labels.statuses[entry.status], monthlyCostText(entry.cost)];
  const decision = entry.decision;
  if (decision) {
    facts.push(labels.outcomes[decision.outcome]);
    if (decision.owner.trim()) {
      facts.push(decision.owner.trim());
    }
    if (decision.due) {
      facts.push(decision.due);
    }
  }
  return facts;
}

/** Whole lines `startLine` to `endLine` (1-based), kept inside the document. */
export function lineRange(document: vscode.TextDocument, startLine: number, endLine: number): vscode.Range {
  const last = document.lineCount - 1;
  const start = Math.min(Math.max(startLine - 1, 0), last);
  const end = Math.min(Math.max(endLine - 1, start), last);
  return new vscode.Range(start, 0, end, document.lineAt(end).text.length);
}

/** The flagged lines, or only the stored start line when the code is gone, so nothing points at the wrong code. */
export function anchorRange(document: vscode.TextDocument, { anchor }: AnchoredLink): vscode.Range {
  return lineRange(document, anchor.startLine, anchor.state === 'missing' ? anchor.startLine : anchor.endLine);
}

/**
 * Above each flagged range: a lens naming the entry (a click opens it in the Log form), a "Me Too"
 * switch with the vote count, and one to comment on it.
 */
export class FlaggedCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly index: CodeLinkIndex,
    private readonly labels: Labels,
    private readonly identity: IdentityCache,
    private readonly voteTokens: VoteTokens,
  ) {
    this.disposables.push(
      index.onDidChange(() => this.emitter.fire()),
      voteTokens.onDidChange(() => this.emitter.fire()),
      identity.onDidChange(() => this.emitter.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.codeLinks.codeLens')) {
          this.emitter.fire();
        }
      }),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const anchored = this.index.anchorsIn(document);
    if (anchored.length === 0 || !codeLensEnabled(document.uri)) {
      return [];
    }
    return anchored.flatMap((linked) => {
      const { entry, backlog, anchor } = linked;
      const title = anchor.state === 'missing'
        ? vscode.l10n.t('$(warning) Stupid Work: {0} · code no longer found', plainText(entry.title, QUOTE_LENGTH))
        : vscode.l10n.t(
            '$({0}) Stupid Work: {1}',
            kindIcon(entry.kind),
            [plainText(entry.title, QUOTE_LENGTH), ...entryFacts(entry, this.labels).map((fact) => plainText(fact, QUOTE_LENGTH))].join(' · '),
          );
      const range = anchorRange(document, linked);
      const comments = liveComments(entry).length;
      return [
        new vscode.CodeLens(range, {
          title,
          tooltip: vscode.l10n.t('Open this entry in the Log form'),
          command: OPEN_LINKED_ENTRY,
          arguments: [backlog.key, entry.id],
        }),
        this.voteLens(range, linked),
        new vscode.CodeLens(range, {
          title: comments > 0 ? vscode.l10n.t('Comment… ({0})', comments) : vscode.l10n.t('Comment…'),
          tooltip: vscode.l10n.t('Comment on this entry'),
          command: COMMENT_ON_ENTRY,
          arguments: [backlog.key, entry.id],
        }),
      ];
    });
  }

  /** "Me Too (3)", or "You Voted (3)" with a click that withdraws: anonymous, as votes are by default. */
  private voteLens(range: vscode.Range, { backlog, entry }: AnchoredLink): vscode.CodeLens {
    const mine = voteOf(entry, { id: this.identity.voterIdFor(backlog.folder) ?? '', tokens: this.voteTokens.tokens });
    const count = entry.votes.length;
    return new vscode.CodeLens(range, mine === 'none'
      ? { title: vscode.l10n.t('$(thumbsup) Me Too ({0})', count), tooltip: vscode.l10n.t('Vote for this entry, anonymously. {0}', anonymousVoteDisclosure()), command: TOGGLE_VOTE, arguments: [backlog.key, entry.id] }
      : { title: vscode.l10n.t('$(thumbsup-filled) You Voted ({0})', count), tooltip: vscode.l10n.t('Withdraw your vote'), command: TOGGLE_VOTE, arguments: [backlog.key, entry.id] });
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

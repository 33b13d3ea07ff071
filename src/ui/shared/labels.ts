import * as vscode from 'vscode';
import type { Labels } from '../../core/model/displayNames';
import { labelsIn } from '../../core/text/labels';
import type { Kind } from '../../core/model/model';

/** The display names in the editor's language. */
export function createLabels(): Labels {
  return labelsIn(vscode.l10n);
}

const KIND_ICONS: Record<Kind, string> = {
  'unused-report': 'graph',
  'ritual-process': 'sync',
  'autopilot-policy': 'law',
  'losing-decision': 'flame',
  trivia: 'paintcan',
  other: 'question',
};

/** Codicon id per kind, shared by the tree and the webviews. */
export function kindIcon(kind: Kind): string {
  return KIND_ICONS[kind];
}

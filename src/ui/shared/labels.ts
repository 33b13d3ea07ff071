import * as vscode from 'vscode';
import type { Labels } from '../../core/model/displayNames';
import { labelsIn } from '../../core/text/labels';
import type { Kind } from '../../core/model/model';
import { KIND_ICONS } from '../../core/model/kindIcons';

/** The display names in the editor's language. */
export function createLabels(): Labels {
  return labelsIn(vscode.l10n);
}

/** Codicon id per kind, shared by the tree and the webviews. */
export function kindIcon(kind: Kind): string {
  return KIND_ICONS[kind];
}

import type { Kind } from './model';

/** The codicon id of each kind (VS Code's product icon names), shared by the tree, the board and the static report. */
export const KIND_ICONS: Readonly<Record<Kind, string>> = {
  'unused-report': 'graph',
  'ritual-process': 'sync',
  'autopilot-policy': 'law',
  'losing-decision': 'flame',
  trivia: 'paintcan',
  other: 'question',
};

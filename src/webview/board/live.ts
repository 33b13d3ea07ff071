import type { BoardState } from '../../protocol/boardMessages';
import { el, format, icon } from '../dom';

/** "Live · last change from the team at 10:42:05" while this window follows the running retro live. */
export function liveBadge(state: BoardState): HTMLElement | undefined {
  const { live, strings } = state;
  if (!live) return undefined;
  const when = live.lastChange ? format(strings.liveLastChange, new Date(live.lastChange).toLocaleTimeString()) : strings.liveNoChange;
  return el('span', { id: 'live-status', className: 'live', title: strings.liveHint }, icon('broadcast'), el('strong', { textContent: strings.live }), el('span', { className: 'hint', textContent: ` · ${when}` }));
}

/**
 * The static report's script: the Retro Board's own rendering (src/webview/board), read-only, over the
 * data the page carries in a JSON block, plus the impact section. Nothing is sent anywhere: actions that
 * would change the backlog are disabled by `readOnly`, and the rest act on the page alone.
 */
// The page stands alone, so it defines the components itself, before anything draws one.
import '../controls/vscodeElements';
import type { BoardState, EntryDetail, FromWebview } from '../../protocol/boardMessages';
import type { ReportData } from '../../protocol/reportData';
import { renderCharts } from '../board/charts';
import { renderColumns } from '../board/columns';
import type { Board } from '../board/context';
import { renderFollowUps } from '../board/followUps';
import { renderDetailPane } from '../board/detailPane';
import { el, keepingFocus } from '../dom';
import { renderImpact } from '../board/impact';

const data = JSON.parse(document.getElementById('report-data')?.textContent ?? '{}') as ReportData;
const root = document.getElementById('root') as HTMLElement;
const state: BoardState = data.state;
const everyFollowUp = state.followUps;
const expanded = new Set<string>();
const details = new Map<string, EntryDetail>(Object.entries(data.details));

function ownerKey(owner: string): string {
  return owner.trim().toLowerCase();
}

/** "Open" on a follow-up opens its card on the page, when the card is on one of the lists shown. */
function send(message: FromWebview): void {
  if (message.type === 'openEntry' && details.has(message.id)) {
    expanded.add(message.id);
    render();
    document.getElementById(`card-${message.id}`)?.scrollIntoView();
  }
}

const board: Board = {
  state,
  send,
  setQuery(change) {
    state.query = change(state.query);
    const owner = ownerKey(state.query.followUpOwner ?? '');
    state.followUps = owner === '' ? everyFollowUp : everyFollowUp.filter((item) => ownerKey(item.owner) === owner);
    render();
  },
  isExpanded: (id) => expanded.has(id),
  toggle(id) {
    if (!expanded.delete(id)) expanded.add(id);
    render();
  },
  detail: (id) => details.get(id),
  draft: (_id, _field, fallback) => fallback,
  setDraft: () => undefined,
  clearDraft: () => undefined,
  refreshDetail: () => undefined,
  sendComment: () => undefined,
  announce: () => undefined,
};

function render(): void {
  const container = el('div', { id: 'board', className: 'board read-only' });
  // Laid out as the board lays it out: an opened card's details in the pane beside the lists.
  const pane = renderDetailPane(board, [...expanded]);
  const lists = el('div', { className: pane ? 'workspace with-detail' : 'workspace', id: 'workspace' }, renderColumns(board));
  if (pane) lists.append(pane);
  container.append(renderFollowUps(board), lists, renderCharts(state), renderImpact(data.impact));
  keepingFocus(root, () => root.replaceChildren(container));
}

render();

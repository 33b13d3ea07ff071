import type { BoardQuery } from '../../core/boardQuery';
import type { BoardState, EntryDetail, FromWebview, ToWebview } from '../../protocol/boardMessages';
import { renderCharts } from './charts';
import { renderColumns, renderDetailInto } from './columns';
import type { Board } from './context';
import { el, icon } from '../dom';
import { renderFollowUps } from './followUps';
import { renderToolbar } from './toolbar';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Only where the person is and how they filter; the data always comes fresh from the host. */
interface ViewState {
  folder?: string;
  query?: BoardQuery;
  expanded?: string[];
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const stored = (vscode.getState() ?? {}) as ViewState;
const expanded = new Set<string>(Array.isArray(stored.expanded) ? stored.expanded : []);
const details = new Map<string, EntryDetail>();
const drafts = new Map<string, string>();
let current: BoardState | undefined;

const live = el('div', { id: 'announcer', className: 'visually-hidden' });
live.setAttribute('aria-live', 'polite');
live.setAttribute('role', 'status');
const status = el('div', { id: 'status', className: 'status' });
status.setAttribute('role', 'status');
document.body.append(live);

function remember(): void {
  if (current) {
    vscode.setState({ folder: current.folder.key, query: current.query, expanded: [...expanded] } satisfies ViewState);
  }
}

const board: Board = {
  get state(): BoardState {
    return current as BoardState;
  },
  send: (message) => vscode.postMessage(message),
  setQuery(change) {
    if (!current) {
      return;
    }
    current.query = change(current.query);
    remember();
    vscode.postMessage({ type: 'query', query: current.query });
  },
  isExpanded: (id) => expanded.has(id),
  toggle(id) {
    if (expanded.delete(id)) {
      details.delete(id);
    } else {
      expanded.add(id);
      vscode.postMessage({ type: 'expand', id });
    }
    remember();
    render();
  },
  detail: (id) => details.get(id),
  draft: (fieldId, fallback) => drafts.get(fieldId) ?? fallback,
  setDraft: (fieldId, value) => void drafts.set(fieldId, value),
  clearDrafts(prefix) {
    for (const key of [...drafts.keys()]) {
      if (key.endsWith(prefix)) {
        drafts.delete(key);
      }
    }
  },
  announce(text, isError = false) {
    status.className = isError ? 'status error' : 'status';
    status.textContent = text;
    // Re-setting the same text would not be read again; clearing first makes every move audible.
    live.textContent = '';
    requestAnimationFrame(() => {
      live.textContent = text;
    });
  },
};

function banner(state: BoardState): HTMLElement | undefined {
  const { folder, strings } = state;
  if (folder.status === 'ready') {
    return undefined;
  }
  const node = el('div', { id: 'banner', className: `banner ${folder.status}` });
  node.setAttribute('role', folder.status === 'problem' ? 'alert' : 'status');
  node.append(icon(folder.status === 'problem' ? 'error' : folder.status === 'read-only' ? 'lock' : 'info'), el('span', { textContent: folder.detail ?? '' }));
  if (folder.status === 'problem') {
    const open = el('button', { type: 'button', className: 'secondary', id: 'open-file', textContent: strings.openFile });
    open.addEventListener('click', () => vscode.postMessage({ type: 'openDataFile' }));
    node.append(open);
  }
  return node;
}

function render(): void {
  if (!current) {
    return;
  }
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && root.contains(active) ? active.id : '';
  const caret = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : undefined;
  const scroll = { x: window.scrollX, y: window.scrollY };
  const parts: HTMLElement[] = [];
  const note = banner(current);
  if (note) {
    parts.push(note);
  }
  parts.push(renderToolbar(board), status, renderFollowUps(board), renderColumns(board), renderCharts(current));
  const container = el('div', { id: 'board', className: current.readOnly ? 'board read-only' : 'board' });
  container.append(...parts);
  root.replaceChildren(container);
  const again = focused ? document.getElementById(focused) : null;
  again?.focus({ preventScroll: true });
  if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && again.type !== 'date') {
    again.setSelectionRange(caret[0], caret[1]);
  }
  window.scrollTo(scroll.x, scroll.y);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      const first = !current;
      current = message.state;
      const shown = new Set(current.view.columns.flatMap((column) => column.cards.map((card) => card.id)));
      for (const id of [...expanded]) {
        if (!shown.has(id)) {
          expanded.delete(id);
          details.delete(id);
        } else if (first || !details.has(id)) {
          vscode.postMessage({ type: 'expand', id });
        }
      }
      remember();
      render();
      return;
    }
    case 'entryDetail':
      if (expanded.has(message.detail.id)) {
        details.set(message.detail.id, message.detail);
        renderDetailInto(board, message.detail.id);
      }
      return;
    case 'matches': {
      const pick = document.getElementById(`merge-pick-${message.id}`);
      if (pick instanceof HTMLSelectElement && current) {
        pick.replaceChildren(...message.matches.map((match) => el('option', { value: match.id, textContent: match.title })));
        pick.disabled = message.matches.length === 0 || current.readOnly;
        const merge = document.getElementById(`merge-${message.id}`);
        if (merge instanceof HTMLButtonElement) {
          merge.disabled = pick.disabled;
        }
        const none = document.getElementById(`merge-none-${message.id}`);
        if (none) {
          none.hidden = message.matches.length > 0;
        }
      }
      return;
    }
    case 'failed':
      if (message.id) {
        const errors = document.getElementById(`errors-${message.id}`);
        if (errors) {
          errors.textContent = message.message;
          errors.hidden = false;
        }
      }
      board.announce(message.message, true);
      return;
    case 'done':
      if (message.id) {
        board.clearDrafts(`-${message.id}`);
      }
      board.announce(message.message);
      return;
  }
});

root.append(el('p', { className: 'hint', textContent: '…' }));
vscode.postMessage(stored.query ? { type: 'ready', query: stored.query } : { type: 'ready' });

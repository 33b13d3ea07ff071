import type { BoardQuery } from '../../core/retro/boardQuery';
import type { BoardState, EntryDetail, FromWebview, ToWebview } from '../../protocol/boardMessages';
import { renderCharts } from './charts';
import { renderImpact } from './impact';
import { renderColumns } from './columns';
import { renderDetailInto, renderDetailPane } from './detailPane';
import { placeFeedback, showFeedback, watchActions } from './feedback';
import type { Board } from './context';
import { showMatches } from './detail';
import { editField, NEW_COMMENT } from './comments';
import { el, icon, keepingFocus } from '../dom';
import { actionButton } from '../controls/controls';
import { renderFollowUps } from './followUps';
import { deferWhileDragging, keepingScroll } from './liveRender';
import { renderToolbar } from './toolbar';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Where the person is, how they filter and what they typed but did not record yet; the data always comes fresh from the host. */
interface ViewState {
  folder?: string;
  query?: BoardQuery;
  expanded?: string[];
  /** Per entry id, the decision form fields the person changed. */
  drafts?: Record<string, Record<string, string>>;
}

const DRAFT_SAVE_DELAY_MS = 300;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const stored = (vscode.getState() ?? {}) as ViewState;
const expanded = new Set<string>(Array.isArray(stored.expanded) ? stored.expanded : []);
const details = new Map<string, EntryDetail>();
const drafts = new Map<string, Record<string, string>>(typeof stored.drafts === 'object' && stored.drafts !== null ? Object.entries(stored.drafts) : []);
let current: BoardState | undefined;
/** Entries with a comment change on its way: a refusal for one of them belongs under its comment form. */
const commentPending = new Set<string>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

// The one live region: it stays put outside the re-rendered board, so every message is read once.
const live = el('div', { id: 'announcer', className: 'visually-hidden' });
live.setAttribute('aria-live', 'polite');
live.setAttribute('role', 'status');
document.body.append(live);
watchActions(root);

/** The unsent text last handed to the host, so an unchanged set is not sent again. */
/** Gives `text` to screen readers through the live region. */
function speak(text: string): void {
  // Re-setting the same text would not be read again; clearing first makes every move audible.
  live.textContent = '';
  requestAnimationFrame(() => {
    live.textContent = text;
  });
}

let sentDrafts = JSON.stringify(Object.fromEntries(drafts));

function remember(): void {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  if (current) {
    vscode.setState({ folder: current.folder.key, query: current.query, expanded: [...expanded], drafts: Object.fromEntries(drafts) } satisfies ViewState);
    // The webview's state dies with its tab; the host keeps a copy that outlives it.
    const now = JSON.stringify(Object.fromEntries(drafts));
    if (now !== sentDrafts) {
      sentDrafts = now;
      vscode.postMessage({ type: 'drafts', drafts: Object.fromEntries(drafts) });
    }
  }
}

/**
 * A board opened afresh (no state of its own) takes what the host kept from the last one on this
 * folder, and opens those cards again, so the text is where it was typed.
 */
let draftsRestored = drafts.size > 0;
function restoreDrafts(state: BoardState): void {
  if (draftsRestored) {
    return;
  }
  draftsRestored = true;
  for (const [id, fields] of Object.entries(state.drafts)) {
    drafts.set(id, { ...fields });
    if (!expanded.has(id)) {
      expanded.add(id);
    }
  }
  sentDrafts = JSON.stringify(Object.fromEntries(drafts));
}

// A hidden board is torn down, so leaving it saves what is still waiting for the typing pause.
window.addEventListener('blur', () => {
  if (saveTimer !== undefined) {
    remember();
  }
});

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
      // One card at a time in the detail pane; what was typed in another stays in its draft.
      expanded.clear();
      details.clear();
      expanded.add(id);
      vscode.postMessage({ type: 'expand', id });
    }
    remember();
    render();
  },
  detail: (id) => details.get(id),
  draft: (id, field, fallback) => drafts.get(id)?.[field] ?? fallback,
  setDraft(id, field, value) {
    drafts.set(id, { ...drafts.get(id), [field]: value });
    clearTimeout(saveTimer);
    saveTimer = setTimeout(remember, DRAFT_SAVE_DELAY_MS);
  },
  clearDraft(id, fields) {
    const kept = { ...drafts.get(id) };
    for (const field of fields) {
      delete kept[field];
    }
    drafts.set(id, kept);
    remember();
    renderDetailInto(board, id);
  },
  refreshDetail: (id) => renderDetailInto(board, id),
  sendComment(message) {
    commentPending.add(message.id);
    const errors = document.getElementById(`comment-errors-${message.id}`);
    if (errors) {
      errors.hidden = true;
    }
    vscode.postMessage(message);
  },
  announce(text, isError = false) {
    // Next to the control clicked; when it is gone, a notification says it where the person looks.
    if (!showFeedback(text, isError)) {
      vscode.postMessage({ type: 'notify', message: text, isError });
    }
    speak(text);
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
    const open = actionButton('open-file', { secondary: true, textContent: strings.openFile });
    open.addEventListener('click', () => vscode.postMessage({ type: 'openDataFile' }));
    node.append(open);
  }
  return node;
}

function render(): void {
  if (!current) {
    return;
  }
  const scroll = { x: window.scrollX, y: window.scrollY };
  const parts: HTMLElement[] = [];
  const note = banner(current);
  if (note) {
    parts.push(note);
  }
  const pane = renderDetailPane(board, [...expanded]);
  const lists = el('div', { className: pane ? 'workspace with-detail' : 'workspace', id: 'workspace' }, renderColumns(board));
  if (pane) lists.append(pane);
  parts.push(renderToolbar(board), renderFollowUps(board), lists, renderCharts(current));
  if (current.impact) parts.push(renderImpact(current.impact));
  const container = el('div', { id: 'board', className: current.readOnly ? 'board read-only' : 'board' });
  container.append(...parts);
  keepingScroll(root, () => keepingFocus(root, () => root.replaceChildren(container)));
  const lost = placeFeedback();
  if (lost) {
    vscode.postMessage({ type: 'notify', message: lost.text, isError: lost.isError });
  }
  keepPaneBelowToolbar();
  window.scrollTo(scroll.x, scroll.y);
}

/**
 * The sticky detail pane starts under the sticky toolbar, whose height changes when it wraps. Set on
 * the pane alone: a custom property changed on the root would restyle the whole board.
 */
function keepPaneBelowToolbar(): void {
  const toolbar = document.querySelector<HTMLElement>('.toolbar');
  const pane = document.getElementById('detail-pane');
  if (toolbar && pane) {
    pane.style.setProperty('--toolbar-height', `${toolbar.offsetHeight}px`);
  }
}
window.addEventListener('resize', keepPaneBelowToolbar);

// During a live retro a snapshot arrives every few seconds; one that comes mid-drag waits for the drop.
const whenNotDragging = deferWhileDragging(document);

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      current = message.state;
      restoreDrafts(current);
      const shown = new Set(current.view.columns.flatMap((column) => column.cards.map((card) => card.id)));
      for (const id of [...expanded]) {
        if (!shown.has(id)) {
          expanded.delete(id);
          details.delete(id);
        } else {
          // A snapshot means the file changed, perhaps by a teammate: an open card must not keep showing, and deciding from, the old entry.
          vscode.postMessage({ type: 'expand', id });
        }
      }
      remember();
      whenNotDragging(render);
      return;
    }
    case 'entryDetail': {
      const { detail } = message;
      // Every snapshot asks again; re-rendering a detail that did not change would only disturb typing.
      if (expanded.has(detail.id) && JSON.stringify(details.get(detail.id)) !== JSON.stringify(detail)) {
        details.set(detail.id, detail);
        renderDetailInto(board, detail.id);
      }
      return;
    }
    case 'matches':
      if (current) {
        showMatches(board, message.id, message.matches);
      }
      return;
    case 'failed': {
      // A refusal about a card's comment or decision shows in that form's error line; elsewhere next to the control.
      const errors = message.id ? document.getElementById(commentPending.delete(message.id) ? `comment-errors-${message.id}` : `errors-${message.id}`) : null;
      if (errors) {
        errors.textContent = message.message;
        errors.hidden = false;
        speak(message.message);
      } else {
        board.announce(message.message, true);
      }
      return;
    }
    case 'commented':
      commentPending.delete(message.id);
      board.clearDraft(message.id, message.commentId ? [editField(message.commentId)] : [NEW_COMMENT]);
      board.announce(message.message);
      return;
    case 'done':
      if (message.id && drafts.delete(message.id)) {
        remember();
      }
      board.announce(message.message);
      return;
  }
});

root.append(el('p', { className: 'hint', textContent: '…' }));
vscode.postMessage(stored.query ? { type: 'ready', query: stored.query } : { type: 'ready' });

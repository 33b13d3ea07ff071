import { isolateBidi } from '../../core/text/inertText';
import { KINDS, REASONS, STATUSES, type Kind, type Reason, type Status } from '../../core/model/model';
import { BOARD_SORTS, EXPORTS, type ExportKind } from '../../protocol/boardMessages';
import type { BoardSort } from '../../core/retro/boardQuery';
import type { Board } from './context';
import { el, format, icon, option } from '../dom';
import { liveBadge } from './live';
import { counted } from './words';

const SEARCH_DELAY_MS = 250;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let typedSearch: string | undefined;
let exportChoice: ExportKind = EXPORTS[0];
/** Whether the filter popover is open; a snapshot re-renders the toolbar and must not close it under the person's hand. */
let filtersOpen = false;

function select(id: string, label: string, options: HTMLOptionElement[], onChange: (value: string) => void): HTMLElement {
  const node = el('select', { id });
  node.append(...options);
  node.addEventListener('change', () => onChange(node.value));
  return el('div', { className: 'tool' }, el('label', { htmlFor: id, textContent: label }), node);
}

function retroControls(board: Board): HTMLElement {
  const { state } = board;
  const { strings, retro } = state;
  const box = el('div', { className: 'retro', id: 'retro-status' });
  if (retro) {
    const started = new Date(retro.started).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const text = format(strings.retroActive, started, isolateBidi(retro.facilitator), retro.discussed);
    // One line on the toolbar: a long facilitator name is cut, and the tooltip has it all.
    box.append(icon('record'), el('span', { className: 'retro-text', textContent: text, title: text }));
    const live = liveBadge(state);
    if (live) box.append(live);
  } else {
    box.append(el('span', { className: 'hint retro-text', textContent: strings.noRetro }));
  }
  const button = el('button', { type: 'button', id: retro ? 'finish-retro' : 'start-retro', className: retro ? 'secondary' : 'primary', disabled: state.readOnly });
  if (state.readOnly) button.title = strings.readOnlyHint;
  button.append(icon(retro ? 'debug-stop' : 'play'), el('span', { textContent: retro ? strings.finishRetro : strings.startRetro }));
  button.addEventListener('click', () => board.send({ type: retro ? 'finishRetro' : 'startRetro' }));
  box.append(button);
  return box;
}

/** How many of the filters narrow the board: the count on the popover's button. Sorting is not a filter. */
function activeFilters(board: Board): number {
  const { filter } = board.state.query;
  return [filter.kinds.length > 0, filter.reasons.length > 0, filter.author !== 'any', filter.statuses.length > 0].filter(Boolean).length;
}

/** Sort, kind, reason, author and status, in a popover under one button; Escape closes it and gives focus back to the button. */
function filterPopover(board: Board): HTMLElement {
  const { state } = board;
  const { strings, labels, query, view } = state;
  const { filter } = query;

  const sort = select('sort', strings.sort, BOARD_SORTS.map((value) => option(value, strings.sorts[value], value === query.sort)), (value) =>
    board.setQuery((q) => ({ ...q, sort: value as BoardSort, pages: {} })),
  );
  const kind = select(
    'filter-kind',
    strings.filterKind,
    [option('', strings.anyKind, filter.kinds.length === 0), ...KINDS.map((value) => option(value, labels.kinds[value], filter.kinds.length === 1 && filter.kinds[0] === value))],
    (value) => board.setQuery((q) => ({ ...q, filter: { ...q.filter, kinds: value ? [value as Kind] : [] }, pages: {} })),
  );
  const reason = select(
    'filter-reason',
    strings.filterReason,
    [option('', strings.anyReason, filter.reasons.length === 0), ...REASONS.map((value) => option(value, labels.reasons[value], filter.reasons.length === 1 && filter.reasons[0] === value))],
    (value) => board.setQuery((q) => ({ ...q, filter: { ...q.filter, reasons: value ? [value as Reason] : [] }, pages: {} })),
  );
  const authors = [
    option('any', strings.anyAuthor, filter.author === 'any'),
    option('anonymous', labels.anonymous, filter.author === 'anonymous'),
    option('named', strings.namedAuthors, filter.author === 'named'),
    ...view.authors.map((name) => option(`@${name}`, isolateBidi(name), filter.author === name)),
  ];
  const author = select('filter-author', strings.filterAuthor, authors, (value) =>
    board.setQuery((q) => ({ ...q, filter: { ...q.filter, author: value.startsWith('@') ? value.slice(1) : value }, pages: {} })),
  );
  const statuses = select(
    'filter-status',
    strings.filterStatus,
    [option('', strings.activeStatuses, filter.statuses.length === 0), ...STATUSES.map((value) => option(value, labels.statuses[value], filter.statuses.length === 1 && filter.statuses[0] === value))],
    (value) => board.setQuery((q) => ({ ...q, filter: { ...q.filter, statuses: value ? [value as Status] : [] }, pages: {} })),
  );

  const count = activeFilters(board);
  const button = el('button', { type: 'button', id: 'filters-button', className: count > 0 ? 'secondary filters-button active' : 'secondary filters-button' });
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', String(filtersOpen));
  button.setAttribute('aria-controls', 'filters-popover');
  button.title = count > 0 ? counted(strings.filtersActive, count) : strings.filters;
  button.append(icon('filter'), el('span', { textContent: strings.filters }));
  if (count > 0) {
    const badge = el('span', { className: 'filter-count', textContent: String(count) });
    badge.setAttribute('aria-label', counted(strings.filtersActive, count));
    button.append(badge);
  }

  const clear = el('button', { type: 'button', id: 'clear-filters', className: 'secondary', textContent: strings.clearFilters, disabled: count === 0 });
  clear.addEventListener('click', () => board.setQuery((q) => ({ ...q, filter: { ...q.filter, kinds: [], reasons: [], author: 'any', statuses: [] }, pages: {} })));
  const popover = el('div', { id: 'filters-popover', className: 'popover', hidden: !filtersOpen });
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-label', strings.filters);
  popover.append(sort, kind, reason, author, statuses, el('div', { className: 'popover-actions' }, clear));

  const setOpen = (open: boolean, focus: boolean) => {
    filtersOpen = open;
    popover.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (focus) (open ? popover.querySelector('select') : button)?.focus();
  };
  button.addEventListener('click', () => setOpen(!filtersOpen, !filtersOpen));
  popover.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false, true);
    }
  });
  const wrapper = el('div', { className: 'filters' }, button, popover);
  // A click outside closes it, as a VS Code dropdown does; the listener goes with the element it closes.
  const outside = (event: Event) => {
    if (!wrapper.isConnected) {
      document.removeEventListener('pointerdown', outside, true);
    } else if (filtersOpen && !wrapper.contains(event.target as Node)) {
      setOpen(false, false);
    }
  };
  document.addEventListener('pointerdown', outside, true);
  return wrapper;
}

/** Retro run, votes left, search, the filter popover and exports on one row: everything that shapes the board as a whole. */
export function renderToolbar(board: Board): HTMLElement {
  const { state } = board;
  const { strings, query, view } = state;
  const bar = el('div', { className: 'toolbar', role: 'toolbar' });
  bar.setAttribute('aria-label', strings.filters);

  const votes = el('span', { id: 'votes-left', className: 'votes-left' }, icon('thumbsup'));
  votes.append(el('span', { textContent: state.votesLeft === undefined ? strings.votesUnlimited : counted(strings.votesLeft, state.votesLeft) }));

  // What is typed wins over the query of a snapshot that was asked for a few keystrokes ago.
  const search = el('input', { type: 'search', id: 'search', value: typedSearch ?? query.filter.search, placeholder: strings.search, maxLength: 200 });
  search.setAttribute('aria-label', strings.search);
  search.addEventListener('input', () => {
    typedSearch = search.value;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => board.setQuery((q) => ({ ...q, filter: { ...q.filter, search: search.value }, pages: {} })), SEARCH_DELAY_MS);
  });

  const exportMenu = el('select', { id: 'export', title: strings.exportMenu });
  exportMenu.setAttribute('aria-label', strings.exportMenu);
  exportMenu.append(...EXPORTS.map((value) => option(value, strings.exports[value], value === exportChoice)));
  exportMenu.addEventListener('change', () => {
    exportChoice = exportMenu.value as ExportKind;
  });
  // Only the button exports: a closed select fires `change` at every arrow key.
  const exportButton = el('button', { type: 'button', id: 'export-button', className: 'secondary' }, icon('export'), el('span', { textContent: strings.exportButton }));
  exportButton.addEventListener('click', () => board.send({ type: 'export', what: exportMenu.value as ExportKind }));

  const matched = el('span', { id: 'matched', className: 'hint matched', textContent: counted(strings.matched, view.total, view.matched) });
  bar.append(
    retroControls(board),
    votes,
    el('div', { className: 'search' }, icon('search'), search),
    filterPopover(board),
    el('div', { className: 'export' }, exportMenu, exportButton),
    matched,
  );
  return bar;
}

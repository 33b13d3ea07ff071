import { isolateBidi } from '../../core/text/inertText';
import { KINDS, REASONS, STATUSES, type Kind, type Reason, type Status } from '../../core/model/model';
import { BOARD_SORTS, EXPORTS, type ExportKind } from '../../protocol/boardMessages';
import type { BoardSort } from '../../core/retro/boardQuery';
import type { Board } from './context';
import { el, format, icon } from '../dom';
import { actionButton, chosen, singleSelect, textField } from '../controls/controls';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { liveBadge } from './live';
import { counted } from './words';

const SEARCH_DELAY_MS = 250;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let typedSearch: string | undefined;
let exportChoice: ExportKind = EXPORTS[0];
/** Whether the filter popover is open; a snapshot re-renders the toolbar and must not close it under the person's hand. */
let filtersOpen = false;

/** A labelled drop-down of the popover; `onChange` gets each value chosen. */
function select(id: string, label: string, choices: readonly (readonly [string, string])[], selected: string, onChange: (value: string) => void): HTMLElement {
  const node = singleSelect(id, label, choices, selected);
  node.addEventListener('change', () => onChange(chosen(node)));
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
  const button = actionButton(retro ? 'finish-retro' : 'start-retro', { secondary: retro !== undefined, disabled: state.readOnly }, icon(retro ? 'debug-stop' : 'play'), el('span', { textContent: retro ? strings.finishRetro : strings.startRetro }));
  if (state.readOnly) button.title = strings.readOnlyHint;
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

  // A filter of one value shows it; none, or several (from an older query), shows "any".
  const one = (values: readonly string[]) => (values.length === 1 ? values[0] : '');
  const sort = select('sort', strings.sort, BOARD_SORTS.map((value) => [value, strings.sorts[value]] as const), query.sort, (value) =>
    board.setQuery((q) => ({ ...q, sort: value as BoardSort, pages: {} })),
  );
  const kind = select('filter-kind', strings.filterKind, [['', strings.anyKind], ...KINDS.map((value) => [value, labels.kinds[value]] as const)], one(filter.kinds), (value) =>
    board.setQuery((q) => ({ ...q, filter: { ...q.filter, kinds: value ? [value as Kind] : [] }, pages: {} })),
  );
  const reason = select('filter-reason', strings.filterReason, [['', strings.anyReason], ...REASONS.map((value) => [value, labels.reasons[value]] as const)], one(filter.reasons), (value) =>
    board.setQuery((q) => ({ ...q, filter: { ...q.filter, reasons: value ? [value as Reason] : [] }, pages: {} })),
  );
  const authors: (readonly [string, string])[] = [
    ['any', strings.anyAuthor],
    ['anonymous', labels.anonymous],
    ['named', strings.namedAuthors],
    ...view.authors.map((name) => [`@${name}`, isolateBidi(name)] as const),
  ];
  const fixedAuthor = filter.author === 'any' || filter.author === 'anonymous' || filter.author === 'named';
  const author = select('filter-author', strings.filterAuthor, authors, fixedAuthor ? filter.author : `@${filter.author}`, (value) =>
    board.setQuery((q) => ({ ...q, filter: { ...q.filter, author: value.startsWith('@') ? value.slice(1) : value }, pages: {} })),
  );
  const statuses = select('filter-status', strings.filterStatus, [['', strings.activeStatuses], ...STATUSES.map((value) => [value, labels.statuses[value]] as const)], one(filter.statuses), (value) =>
    board.setQuery((q) => ({ ...q, filter: { ...q.filter, statuses: value ? [value as Status] : [] }, pages: {} })),
  );

  const count = activeFilters(board);
  const button = actionButton('filters-button', { secondary: true, className: count > 0 ? 'filters-button active' : 'filters-button' });
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

  const clear = actionButton('clear-filters', { secondary: true, textContent: strings.clearFilters, disabled: count === 0 });
  clear.addEventListener('click', () => board.setQuery((q) => ({ ...q, filter: { ...q.filter, kinds: [], reasons: [], author: 'any', statuses: [] }, pages: {} })));
  const popover = el('div', { id: 'filters-popover', className: 'popover', hidden: !filtersOpen });
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-label', strings.filters);
  popover.append(sort, kind, reason, author, statuses, el('div', { className: 'popover-actions' }, clear));

  const setOpen = (open: boolean, focus: boolean) => {
    filtersOpen = open;
    popover.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (focus) (open ? popover.querySelector<VscodeSingleSelect>('vscode-single-select') : button)?.focus();
  };
  button.addEventListener('click', () => setOpen(!filtersOpen, !filtersOpen));
  // Seen before the drop-downs, which keep Escape to themselves: it closes an open list first, then the popover.
  popover.addEventListener(
    'keydown',
    (event) => {
      const list = event.target as Partial<VscodeSingleSelect>;
      if (event.key === 'Escape' && !list.open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false, true);
      }
    },
    true,
  );
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
  const search = textField('search', strings.search, { type: 'search', className: 'search', value: typedSearch ?? query.filter.search, placeholder: strings.search, maxLength: 200 });
  const glass = icon('search');
  glass.slot = 'content-before';
  search.append(glass);
  search.addEventListener('input', () => {
    typedSearch = search.value;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => board.setQuery((q) => ({ ...q, filter: { ...q.filter, search: search.value }, pages: {} })), SEARCH_DELAY_MS);
  });

  const exportMenu = singleSelect('export', strings.exportMenu, EXPORTS.map((value) => [value, strings.exports[value]] as const), exportChoice, { title: strings.exportMenu });
  exportMenu.addEventListener('change', () => {
    exportChoice = chosen(exportMenu) as ExportKind;
  });
  // Only the button exports: choosing a format is not yet exporting.
  const exportButton = actionButton('export-button', { secondary: true }, icon('export'), el('span', { textContent: strings.exportButton }));
  exportButton.addEventListener('click', () => board.send({ type: 'export', what: chosen(exportMenu) as ExportKind }));

  const matched = el('span', { id: 'matched', className: 'hint matched', textContent: counted(strings.matched, view.total, view.matched) });
  bar.append(
    retroControls(board),
    votes,
    search,
    filterPopover(board),
    el('div', { className: 'export' }, exportMenu, exportButton),
    matched,
  );
  return bar;
}

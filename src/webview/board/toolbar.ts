import { isolateBidi } from '../../core/text/inertText';
import { KINDS, REASONS, STATUSES, type Kind, type Reason, type Status } from '../../core/model/model';
import { BOARD_SORTS, EXPORTS, type ExportKind } from '../../protocol/boardMessages';
import type { BoardSort } from '../../core/retro/boardQuery';
import type { Board } from './context';
import { el, format, icon, option } from '../dom';
import { liveBadge } from './live';

const SEARCH_DELAY_MS = 250;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let typedSearch: string | undefined;
let exportChoice: ExportKind = EXPORTS[0];

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
    box.append(icon('record'), el('span', { className: 'retro-text', textContent: format(strings.retroActive, started, isolateBidi(retro.facilitator), retro.discussed) }));
    const live = liveBadge(state);
    if (live) box.append(live);
  } else {
    box.append(el('span', { className: 'hint', textContent: strings.noRetro }));
  }
  const button = el('button', { type: 'button', id: retro ? 'finish-retro' : 'start-retro', className: retro ? 'secondary' : 'primary', disabled: state.readOnly });
  button.append(icon(retro ? 'debug-stop' : 'play'), el('span', { textContent: retro ? strings.finishRetro : strings.startRetro }));
  button.addEventListener('click', () => board.send({ type: retro ? 'finishRetro' : 'startRetro' }));
  box.append(button);
  return box;
}

/** Retro run, votes left, sort, filters, search and exports: everything that shapes the board as a whole. */
export function renderToolbar(board: Board): HTMLElement {
  const { state } = board;
  const { strings, labels, query, view } = state;
  const { filter } = query;
  const bar = el('div', { className: 'toolbar', role: 'toolbar' });
  bar.setAttribute('aria-label', strings.sort);

  const votes = el('span', { id: 'votes-left', className: 'votes-left' }, icon('thumbsup'));
  votes.append(el('span', { textContent: state.votesLeft === undefined ? strings.votesUnlimited : format(strings.votesLeft, state.votesLeft) }));

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

  // What is typed wins over the query of a snapshot that was asked for a few keystrokes ago.
  const search = el('input', { type: 'search', id: 'search', value: typedSearch ?? filter.search, placeholder: strings.search, maxLength: 200 });
  search.setAttribute('aria-label', strings.search);
  search.addEventListener('input', () => {
    typedSearch = search.value;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => board.setQuery((q) => ({ ...q, filter: { ...q.filter, search: search.value }, pages: {} })), SEARCH_DELAY_MS);
  });

  const exportMenu = el('select', { id: 'export' });
  exportMenu.append(...EXPORTS.map((value) => option(value, strings.exports[value], value === exportChoice)));
  exportMenu.addEventListener('change', () => {
    exportChoice = exportMenu.value as ExportKind;
  });
  // Only the button exports: a closed select fires `change` at every arrow key.
  const exportButton = el('button', { type: 'button', id: 'export-button', className: 'secondary', textContent: strings.exportButton });
  exportButton.addEventListener('click', () => board.send({ type: 'export', what: exportMenu.value as ExportKind }));
  const exportTool = el('div', { className: 'tool' }, el('label', { htmlFor: exportMenu.id, textContent: strings.exportMenu }), el('div', { className: 'inline' }, exportMenu, exportButton));

  const matched = el('span', { id: 'matched', className: 'hint', textContent: format(strings.matched, view.matched, view.total) });
  bar.append(retroControls(board), votes, sort, kind, reason, author, statuses, el('div', { className: 'tool grow' }, search), exportTool, matched);
  return bar;
}

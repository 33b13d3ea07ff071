import type { BoardColumn, CardView } from '../../core/retro/boardQuery';
import { formatHours } from '../../core/model/cost';
import { TRIAGE_LISTS, type TriageList } from '../../core/model/model';
import type { Board } from './context';
import { renderDetail } from './detail';
import { el, format, icon, keepingFocus, userText } from '../dom';

const DRAG_TYPE = 'application/x-stupid-work-entry';

function move(board: Board, id: string, list: TriageList): void {
  if (!board.state.readOnly) {
    board.send({ type: 'move', id, list });
  }
}

function neighbour(list: TriageList, step: -1 | 1): TriageList | undefined {
  return TRIAGE_LISTS[TRIAGE_LISTS.indexOf(list) + step];
}

function renderCard(board: Board, card: CardView): HTMLElement {
  const { strings, labels, kindIcons, readOnly } = board.state;
  const expanded = board.isExpanded(card.id);
  const node = el('li', { className: expanded ? 'card expanded' : 'card', id: `card-${card.id}`, tabIndex: 0, draggable: !readOnly });
  node.dataset.id = card.id;
  node.setAttribute('aria-labelledby', `card-title-${card.id}`);
  node.setAttribute('aria-describedby', 'move-hint');

  const meta = el('div', { className: 'meta' });
  meta.append(
    el('span', { className: 'kind' }, icon(kindIcons[card.kind]), el('span', { textContent: labels.kinds[card.kind] })),
    el('span', { className: 'smart', textContent: format(strings.completeness, card.smartFilled) }),
    el('span', { className: 'cost', textContent: format(strings.perMonth, formatHours(card.hoursPerMonth)) }),
    // Worth seeing on every card, and most when sorting by age.
    el('span', { className: 'age', textContent: format(strings.cardAge, card.ageDays) }),
    // In the facts, not beside the buttons, where a long name would be cut to a letter.
    userText('span', 'author', card.author ?? strings.anonymous),
  );
  if (card.stale) {
    meta.append(el('span', { className: 'badge stale', title: format(strings.stale, card.idleDays) }, icon('clock'), el('span', { textContent: format(strings.stale, card.idleDays) })));
  }
  if (card.decision) {
    meta.append(el('span', { className: `badge decision-badge ${card.decision.outcome}` }, icon('law'), el('span', { textContent: `${labels.outcomes[card.decision.outcome]} · ${labels.followUps[card.decision.followUp]}` })));
  }
  if (card.comments > 0) {
    meta.append(el('span', { className: 'comments' }, icon('comment'), el('span', { textContent: String(card.comments) })));
  }

  const vote = el('button', { type: 'button', id: `vote-${card.id}`, className: card.voted ? 'vote voted' : 'vote', disabled: readOnly, title: strings.voteDisclosure });
  vote.setAttribute('aria-pressed', String(card.voted));
  vote.setAttribute('aria-label', `${strings.meToo} (${format(strings.votes, card.votes)})`);
  vote.append(icon(card.voted ? 'thumbsup-filled' : 'thumbsup'), el('span', { textContent: strings.meToo }), el('span', { className: 'count', textContent: String(card.votes) }));
  vote.addEventListener('click', () => board.send({ type: 'vote', id: card.id }));
  const help = el('button', { type: 'button', id: `help-${card.id}`, className: card.votedNamed ? 'vote help voted' : 'vote help', disabled: readOnly, title: strings.willHelpHint });
  help.setAttribute('aria-pressed', String(card.votedNamed));
  help.append(icon(card.votedNamed ? 'person-filled' : 'person-add'), el('span', { textContent: strings.willHelp }));
  help.addEventListener('click', () => board.send({ type: 'vote', id: card.id, named: true }));

  const toggle = el('button', { type: 'button', id: `expand-${card.id}`, className: 'icon expand', title: expanded ? strings.collapse : strings.expand });
  toggle.setAttribute('aria-expanded', String(expanded));
  toggle.setAttribute('aria-controls', `detail-${card.id}`);
  toggle.setAttribute('aria-label', `${expanded ? strings.collapse : strings.expand}: ${card.title}`);
  toggle.append(icon(expanded ? 'chevron-up' : 'chevron-down'));
  toggle.addEventListener('click', () => board.toggle(card.id));

  // Cut to a few lines while the card is closed; the tooltip and the open card show it all.
  const title = userText('span', 'title', card.title, { id: `card-title-${card.id}` });
  node.append(
    el('div', { className: 'card-head' }, title, toggle),
    meta,
    el('div', { className: 'card-actions' }, vote, help),
  );
  if (card.helpers.length > 0) {
    node.append(userText('div', 'helpers hint', format(strings.helpers, card.helpers.join(', '))));
  }
  const detail = el('div', { className: 'detail', id: `detail-${card.id}`, hidden: !expanded });
  if (expanded) {
    renderDetail(board, card, detail);
  }
  node.append(detail);

  node.addEventListener('keydown', (event) => {
    if (event.target !== node || !event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) {
      return;
    }
    event.preventDefault();
    const target = neighbour(card.triage, event.key === 'ArrowLeft' ? -1 : 1);
    if (target) {
      move(board, card.id, target);
    }
  });
  node.addEventListener('dragstart', (event) => {
    event.dataTransfer?.setData(DRAG_TYPE, card.id);
    event.dataTransfer?.setData('text/plain', card.title);
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = 'move';
    }
    node.classList.add('dragging');
  });
  node.addEventListener('dragend', () => node.classList.remove('dragging'));
  return node;
}

function renderColumn(board: Board, column: BoardColumn): HTMLElement {
  const { strings, labels } = board.state;
  const section = el('section', { className: 'column', id: `column-${column.list}` });
  section.dataset.list = column.list;
  section.setAttribute('aria-labelledby', `column-title-${column.list}`);
  section.append(el('h2', { id: `column-title-${column.list}` }, el('span', { textContent: labels.triage[column.list] }), el('span', { className: 'count', textContent: String(column.total) })));
  const list = el('ol', { className: 'cards' });
  list.append(...column.cards.map((card) => renderCard(board, card)));
  section.append(list);
  if (column.cards.length === 0) {
    section.append(el('p', { className: 'hint empty', textContent: strings.empty }));
  }
  const remaining = column.total - column.cards.length;
  if (remaining > 0) {
    const more = el('button', { type: 'button', className: 'secondary more', id: `more-${column.list}`, textContent: format(strings.showMore, remaining) });
    more.addEventListener('click', () => board.setQuery((q) => ({ ...q, pages: { ...q.pages, [column.list]: (q.pages[column.list] ?? 1) + 1 } })));
    section.append(more);
  }
  section.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes(DRAG_TYPE) && !board.state.readOnly) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      section.classList.add('drop-target');
    }
  });
  section.addEventListener('dragleave', (event) => {
    if (!(event.relatedTarget instanceof Node) || !section.contains(event.relatedTarget)) {
      section.classList.remove('drop-target');
    }
  });
  section.addEventListener('drop', (event) => {
    section.classList.remove('drop-target');
    const id = event.dataTransfer?.getData(DRAG_TYPE);
    if (id) {
      event.preventDefault();
      move(board, id, column.list);
    }
  });
  return section;
}

/** The four triage lists side by side, each one page of cards plus "Show more". */
export function renderColumns(board: Board): HTMLElement {
  const { strings, view } = board.state;
  const wrapper = el('div', { className: 'columns-wrapper' });
  wrapper.append(el('p', { id: 'move-hint', className: 'visually-hidden', textContent: strings.moveHint }));
  const columns = el('div', { className: 'columns', id: 'columns' });
  columns.append(...view.columns.map((column) => renderColumn(board, column)));
  wrapper.append(columns);
  return wrapper;
}

/** Fills an expanded card once its full entry arrives, without re-rendering the board. */
export function renderDetailInto(board: Board, id: string): void {
  const container = document.getElementById(`detail-${id}`);
  const card = board.state.view.columns.flatMap((column) => column.cards).find((c) => c.id === id);
  if (container && card) {
    keepingFocus(container, () => renderDetail(board, card, container));
  }
}

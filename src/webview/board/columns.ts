import type { BoardColumn, CardView } from '../../core/retro/boardQuery';
import { formatHours } from '../../core/model/cost';
import { TRIAGE_LISTS, type TriageList } from '../../core/model/model';
import type { Board } from './context';
import { el, format, icon, userText } from '../dom';
import { counted } from './words';

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
  const { state } = board;
  const { strings, labels, kindIcons, readOnly } = state;
  const expanded = board.isExpanded(card.id);
  const node = el('li', { className: expanded ? 'card expanded' : 'card', id: `card-${card.id}`, tabIndex: 0, draggable: !readOnly });
  node.dataset.id = card.id;
  node.setAttribute('aria-labelledby', `card-title-${card.id}`);
  node.setAttribute('aria-describedby', 'move-hint');

  const meta = el('div', { className: 'meta' });
  meta.append(
    el('span', { className: 'kind' }, icon(kindIcons[card.kind]), el('span', { textContent: labels.kinds[card.kind] })),
    el('span', { className: 'smart', textContent: format(strings.completeness, card.smartFilled) }),
    el('span', { className: 'cost', textContent: card.hoursPerMonth > 0 ? format(strings.perMonth, formatHours(card.hoursPerMonth)) : strings.noEstimate }),
    // Worth seeing on every card, and most when sorting by age.
    el('span', { className: 'age', textContent: card.ageDays > 0 ? counted(strings.cardAge, card.ageDays) : strings.addedToday }),
    // In the facts, not beside the buttons, where a long name would be cut to a letter.
    userText('span', 'author', card.author ?? strings.anonymous),
  );
  if (card.stale) {
    const stale = counted(strings.stale, card.idleDays);
    meta.append(el('span', { className: 'badge stale', title: stale }, icon('clock'), el('span', { textContent: stale })));
  }
  if (card.decision) {
    meta.append(el('span', { className: `badge decision-badge ${card.decision.outcome}` }, icon('law'), el('span', { textContent: `${labels.outcomes[card.decision.outcome]} · ${labels.followUps[card.decision.followUp]}` })));
  }
  if (card.comments > 0) {
    meta.append(el('span', { className: 'comments' }, icon('comment'), el('span', { textContent: String(card.comments) })));
  }

  // A button that cannot act says why in its tooltip: the file is read-only, or no vote is left to cast.
  const noVote = state.votesLeft === 0 && !card.voted;
  const why = readOnly ? strings.readOnlyHint : noVote ? strings.noVotesLeft : undefined;
  const vote = el('button', { type: 'button', id: `vote-${card.id}`, className: card.voted ? 'vote voted' : 'vote', disabled: why !== undefined, title: why ?? strings.voteDisclosure });
  vote.setAttribute('aria-pressed', String(card.voted));
  vote.setAttribute('aria-label', `${strings.meToo} (${counted(strings.votes, card.votes)})`);
  vote.append(icon(card.voted ? 'thumbsup-filled' : 'thumbsup'), el('span', { textContent: strings.meToo }), el('span', { className: 'count', textContent: String(card.votes) }));
  vote.addEventListener('click', () => board.send({ type: 'vote', id: card.id }));
  const helpWhy = readOnly ? strings.readOnlyHint : state.votesLeft === 0 && !card.votedNamed && !card.voted ? strings.noVotesLeft : undefined;
  const help = el('button', { type: 'button', id: `help-${card.id}`, className: card.votedNamed ? 'vote help voted' : 'vote help', disabled: helpWhy !== undefined, title: helpWhy ?? strings.willHelpHint });
  help.setAttribute('aria-pressed', String(card.votedNamed));
  help.append(icon(card.votedNamed ? 'person-filled' : 'person-add'), el('span', { textContent: strings.willHelp }));
  help.addEventListener('click', () => board.send({ type: 'vote', id: card.id, named: true }));

  const toggle = el('button', { type: 'button', id: `expand-${card.id}`, className: 'icon expand', title: expanded ? strings.collapse : strings.expand });
  toggle.setAttribute('aria-expanded', String(expanded));
  toggle.setAttribute('aria-controls', `detail-${card.id}`);
  toggle.setAttribute('aria-label', `${expanded ? strings.collapse : strings.expand}: ${card.title}`);
  toggle.append(icon(expanded ? 'close' : 'open-preview'));
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

function renderColumn(board: Board, column: BoardColumn, listedAbove: ReadonlySet<string>): HTMLElement {
  const { strings, labels } = board.state;
  const cards = column.cards.filter((card) => !listedAbove.has(card.id));
  const above = column.cards.length - cards.length;
  const section = el('section', { className: 'column', id: `column-${column.list}` });
  section.dataset.list = column.list;
  section.setAttribute('aria-labelledby', `column-title-${column.list}`);
  section.append(el('h2', { id: `column-title-${column.list}` }, el('span', { textContent: labels.triage[column.list] }), el('span', { className: 'count', textContent: String(column.total - above) })));
  const list = el('ol', { className: 'cards' });
  list.append(...cards.map((card) => renderCard(board, card)));
  section.append(list);
  if (cards.length === 0 && above === 0) {
    section.append(el('p', { className: 'hint empty', textContent: strings.empty }));
  }
  if (above > 0) {
    // Said where the card would have been, with a way to it: the team looks for it in its list first.
    const show = el('button', { type: 'button', className: 'link-button', id: `show-follow-ups-${column.list}`, textContent: strings.showInFollowUps });
    show.addEventListener('click', () => {
      const heading = document.getElementById('follow-ups-title');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    });
    section.append(el('p', { className: 'hint in-follow-ups' }, icon('law'), el('span', { textContent: counted(strings.inFollowUps, above) }), show));
  }
  const remaining = column.total - column.cards.length;
  if (remaining > 0) {
    const more = el('button', { type: 'button', className: 'secondary more', id: `more-${column.list}`, textContent: counted(strings.showMore, remaining) });
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

/**
 * The four triage lists, each one page of cards plus "Show more". A decided card whose follow-up is
 * listed above the lists is shown there only, so each decision appears once; its list says so.
 */
export function renderColumns(board: Board): HTMLElement {
  const { strings, view, followUps } = board.state;
  const listedAbove = new Set(followUps.map((item) => item.id));
  const wrapper = el('div', { className: 'columns-wrapper' });
  wrapper.append(el('p', { id: 'move-hint', className: 'visually-hidden', textContent: strings.moveHint }));
  const columns = el('div', { className: 'columns', id: 'columns' });
  columns.append(...view.columns.map((column) => renderColumn(board, column, listedAbove)));
  wrapper.append(columns);
  return wrapper;
}

import type { FollowUpCard } from '../../core/retro/boardSnapshot';
import type { Board } from './context';
import { el, icon, labelled, userText } from '../dom';
import { actionButton, chosen, singleSelect } from '../controls/controls';
import { trackingControl } from './tracking';
import { counted, localDate } from './words';

/** The owner filter: everyone's follow-ups, or one owner's; the choice travels with the board's query. */
function ownerFilter(board: Board): HTMLElement {
  const { strings, followUpOwners, query } = board.state;
  const current = query.followUpOwner ?? '';
  const listed = current === '' ? '' : followUpOwners.find((owner) => owner.toLowerCase() === current.trim().toLowerCase());
  const choices = [['', strings.followUpEveryone] as const, ...followUpOwners.map((owner) => [owner, owner] as const)];
  // An owner the query names who has no follow-up left stays choosable, so the filter does not jump to everyone.
  if (listed === undefined) {
    choices.push([current, current]);
  }
  const select = singleSelect('follow-up-owner', strings.followUpOwner, choices, listed ?? current);
  select.addEventListener('change', () => board.setQuery((q) => ({ ...q, followUpOwner: chosen(select) })));
  const field = labelled('follow-up-owner', strings.followUpOwner, select);
  field.classList.add('follow-up-filter');
  return field;
}

/** Open, Mark In Progress (unless it already is) and Mark Done, as the owner's reminder offers them. */
function actions(board: Board, item: FollowUpCard, standIns: string): HTMLElement {
  const { strings, readOnly } = board.state;
  const group = el('div', { className: 'follow-up-actions' });
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', `${strings.followUp}: ${item.title}`);
  const button = (id: string, text: string, send: () => void, secondary = true) => {
    const node = actionButton(id, { secondary, textContent: text });
    node.addEventListener('click', send);
    return node;
  };
  const open = button(`follow-up-open-${item.id}`, strings.openEntry, () => board.send({ type: 'openEntry', id: item.id }));
  group.append(open);
  if (!readOnly) {
    if (item.followUp !== 'in-progress') {
      const progress = button(`follow-up-progress-${item.id}`, strings.markInProgress, () => board.send({ type: 'followUp', id: item.id, followUp: 'in-progress' }));
      // Marked in progress, the button goes with the next snapshot; focus moves to Mark Done.
      progress.dataset.standIns = `follow-up-done-${item.id}`;
      group.append(progress);
    }
    const done = button(`follow-up-done-${item.id}`, strings.markDone, () => board.send({ type: 'followUp', id: item.id, followUp: 'done' }), false);
    // Marked done, the row leaves the list with the next snapshot; focus moves on to a neighbour.
    done.dataset.standIns = standIns;
    group.append(done);
  }
  return group;
}

/** Opens the decided card in the detail pane: it is not repeated in its list. Undefined when the card is not on this page of the board. */
function detailsToggle(board: Board, item: FollowUpCard): HTMLElement | undefined {
  const { strings, view } = board.state;
  if (!view.columns.some((column) => column.cards.some((card) => card.id === item.id))) {
    return undefined;
  }
  const shown = board.isExpanded(item.id);
  const details = el('button', { type: 'button', id: `follow-up-details-${item.id}`, className: 'icon', title: shown ? strings.collapse : strings.expand });
  details.setAttribute('aria-expanded', String(shown));
  details.setAttribute('aria-controls', `detail-${item.id}`);
  details.setAttribute('aria-label', `${shown ? strings.collapse : strings.expand}: ${item.title}`);
  details.append(icon(shown ? 'chevron-up' : 'chevron-down'));
  details.addEventListener('click', () => board.toggle(item.id));
  return details;
}

/** Open decisions from earlier retros, shown before anything else so the team checks them first. */
export function renderFollowUps(board: Board): HTMLElement {
  const { strings, labels, followUps, followUpTotal, followUpOwners } = board.state;
  const section = el('section', { id: 'follow-ups', className: 'follow-ups' });
  section.setAttribute('aria-labelledby', 'follow-ups-title');
  // Focusable from script only: it takes focus when the follow-up that had it is gone.
  const heading = el('div', { className: 'follow-ups-heading' }, el('h2', { id: 'follow-ups-title', tabIndex: -1, textContent: `${strings.followUpsHeading} (${followUpTotal})` }));
  if (followUpOwners.length > 0) {
    heading.append(ownerFilter(board));
  }
  section.append(heading);
  if (followUps.length === 0) {
    section.append(el('p', { className: 'hint', textContent: strings.followUpsNone }));
    return section;
  }
  const list = el('ul', { className: 'follow-up-list' });
  const doneId = (index: number) => (followUps[index] ? `follow-up-done-${followUps[index].id}` : '');
  for (const [index, item] of followUps.entries()) {
    const classes = ['follow-up', item.overdueDays > 0 ? 'overdue' : '', board.isExpanded(item.id) ? 'expanded' : ''].filter(Boolean).join(' ');
    const row = el('li', { className: classes, id: `follow-up-${item.id}` });
    const facts = el('div', { className: 'facts' });
    facts.append(
      el('span', { className: 'badge outcome', textContent: labels.outcomes[item.outcome] }),
      el('span', { className: 'badge state', textContent: labels.followUps[item.followUp] }),
      el('span', { className: 'owner' }, el('span', { textContent: `${strings.owner}:` }), userText('span', 'name', item.owner)),
      el('span', { className: 'due', title: item.due ?? '', textContent: item.due ? `${strings.due}: ${localDate(item.due)}` : strings.noDue }),
      el('span', { className: 'hint', textContent: item.ageDays > 0 ? counted(strings.age, item.ageDays) : strings.decidedToday }),
    );
    if (item.overdueDays > 0) {
      facts.append(el('span', { className: 'badge overdue-badge' }, icon('warning'), el('span', { textContent: counted(strings.overdue, item.overdueDays) })));
    }
    if (item.trackingUrl !== undefined) {
      facts.append(trackingControl(board, item.id, item.title, item.trackingUrl, false));
    }
    const standIns = [doneId(index + 1), doneId(index - 1), 'follow-ups-title'].join(' ');
    const head = el('div', { className: 'follow-up-head' }, userText('div', 'title', item.title));
    const toggle = detailsToggle(board, item);
    if (toggle) head.append(toggle);
    row.append(head, facts, actions(board, item, standIns));
    list.append(row);
  }
  section.append(list);
  if (followUpTotal > followUps.length) {
    const more = el('button', { type: 'button', className: 'secondary more', id: 'more-follow-ups', textContent: counted(strings.showMore, followUpTotal - followUps.length) });
    more.addEventListener('click', () => board.send({ type: 'moreFollowUps' }));
    section.append(more);
  }
  return section;
}

import { FOLLOW_UPS, type FollowUp } from '../../core/model/model';
import type { Board } from './context';
import { el, format, icon, option, userText } from '../dom';
import { trackingControl } from './tracking';

/** Open decisions from earlier retros, shown before anything else so the team checks them first. */
export function renderFollowUps(board: Board): HTMLElement {
  const { strings, labels, followUps, followUpTotal, readOnly } = board.state;
  const section = el('section', { id: 'follow-ups', className: 'follow-ups' });
  section.setAttribute('aria-labelledby', 'follow-ups-title');
  // Focusable from script only: it takes focus when the follow-up that had it is gone.
  section.append(el('h2', { id: 'follow-ups-title', tabIndex: -1, textContent: `${strings.followUpsHeading} (${followUpTotal})` }));
  if (followUps.length === 0) {
    section.append(el('p', { className: 'hint', textContent: strings.followUpsNone }));
    return section;
  }
  const list = el('ul', { className: 'follow-up-list' });
  const stateId = (index: number) => (followUps[index] ? `follow-up-state-${followUps[index].id}` : '');
  for (const [index, item] of followUps.entries()) {
    const row = el('li', { className: item.overdueDays > 0 ? 'follow-up overdue' : 'follow-up', id: `follow-up-${item.id}` });
    const facts = el('div', { className: 'facts' });
    facts.append(
      el('span', { className: 'badge outcome', textContent: labels.outcomes[item.outcome] }),
      el('span', { className: 'owner' }, el('span', { textContent: `${strings.owner}:` }), userText('span', 'name', item.owner)),
      el('span', { textContent: item.due ? `${strings.due}: ${item.due}` : strings.noDue }),
      el('span', { className: 'hint', textContent: format(strings.age, item.ageDays) }),
    );
    if (item.overdueDays > 0) {
      facts.append(el('span', { className: 'badge overdue-badge' }, icon('warning'), el('span', { textContent: format(strings.overdue, item.overdueDays) })));
    }
    const followUp = el('select', { id: stateId(index), disabled: readOnly });
    // Marked done, the row leaves the list with the next snapshot; focus moves on to a neighbour.
    followUp.dataset.standIns = [stateId(index + 1), stateId(index - 1), 'follow-ups-title'].join(' ');
    followUp.setAttribute('aria-label', `${strings.followUp}: ${item.title}`);
    followUp.append(...FOLLOW_UPS.map((value) => option(value, labels.followUps[value], value === item.followUp)));
    followUp.addEventListener('change', () => board.send({ type: 'followUp', id: item.id, followUp: followUp.value as FollowUp }));
    if (item.trackingUrl !== undefined) {
      facts.append(trackingControl(board, item.id, item.title, item.trackingUrl, false));
    }
    row.append(userText('div', 'title', item.title), facts, followUp);
    list.append(row);
  }
  section.append(list);
  if (followUpTotal > followUps.length) {
    const more = el('button', { type: 'button', className: 'secondary more', id: 'more-follow-ups', textContent: format(strings.showMore, followUpTotal - followUps.length) });
    more.addEventListener('click', () => board.send({ type: 'moreFollowUps' }));
    section.append(more);
  }
  return section;
}

import type { CardView } from '../../core/retro/boardQuery';
import { FOLLOW_UPS, OUTCOMES, SMART_KEYS, TRIAGE_LISTS, type Decision, type FollowUp, type Outcome, type TriageList } from '../../core/model/model';
import { validateDecision, type DecisionInput } from '../../core/retro/retro';
import { decisionKey } from '../../core/retro/decisionConflict';
import { decisionProblemText } from '../../core/text/messages';
import { trackingControl } from './tracking';
import type { EntryDetail, EntryMatch } from '../../protocol/boardMessages';
import type { Board } from './context';
import { el, labelled, userText } from '../dom';
import { actionButton, chosen, dateField, markInvalid, setChoices, setDisabled, singleSelect, textArea, textField, type TextControl } from '../controls/controls';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { renderComments } from './comments';
import { localDate, uiLocale } from './words';

const MERGE_SEARCH_DELAY_MS = 250;

/** Moving and merging choices by control id, kept across snapshots while the board is open. */
const picked = new Map<string, string>();

/** The draft field that holds the `decisionKey` of the decision a card's form started from. */
const BASE = 'base';

/** Notes, at the first change to a card's decision form, which decision the person started from. */
function startFrom(board: Board, id: string, current: Decision | undefined): void {
  if (board.draft(id, BASE, '') === '') {
    board.setDraft(id, BASE, decisionKey(current));
  }
}

/**
 * A decision form field that keeps what the person typed, built by `make` around its draft value; one
 * they have not touched follows the entry, whose value is `fallback`.
 */
function kept<T extends TextControl | VscodeSingleSelect>(board: Board, id: string, field: string, fallback: string, current: Decision | undefined, make: (value: string) => T): T {
  const node = make(board.draft(id, field, fallback));
  // A drop-down reports its choice with an `input` of its own, after its value has changed.
  node.addEventListener('input', () => {
    startFrom(board, id, current);
    board.setDraft(id, field, node.value);
  });
  return node;
}

function answers(board: Board, detail: EntryDetail): HTMLElement {
  const { labels } = board.state;
  const list = el('dl', { className: 'answers' });
  for (const key of SMART_KEYS) {
    const text = detail.smart[key].trim();
    list.append(el('dt', { textContent: labels.smart[key] }), userText('dd', text ? 'answer' : 'answer hint', text || '—', { title: '' }));
  }
  return list;
}

function moveControl(board: Board, card: CardView): HTMLElement {
  const { strings, labels, readOnly } = board.state;
  const selectId = `move-${card.id}`;
  const select = singleSelect(selectId, strings.moveTo, TRIAGE_LISTS.map((list) => [list, labels.triage[list]] as const), picked.get(selectId) ?? card.triage, { disabled: readOnly });
  select.addEventListener('change', () => void picked.set(selectId, chosen(select)));
  // Only the button moves: choosing a list is not yet moving the card to it.
  const move = actionButton(`move-button-${card.id}`, { secondary: true, textContent: strings.moveButton, disabled: readOnly });
  move.setAttribute('aria-describedby', `card-title-${card.id}`);
  move.addEventListener('click', () => {
    picked.delete(selectId);
    const list = chosen(select) as TriageList;
    if (list !== card.triage) {
      board.send({ type: 'move', id: card.id, list });
    }
  });
  return el('div', { className: 'row move' }, labelled(selectId, strings.moveTo, select), move);
}

/** Today on this machine's calendar, as a date input gives its value (YYYY-MM-DD). */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function decisionForm(board: Board, card: CardView, detail: EntryDetail): HTMLElement {
  const { strings, labels, readOnly, me } = board.state;
  const id = card.id;
  const current = detail.decision;
  const form = el('form', { className: 'decision', id: `decision-${id}`, noValidate: true });
  form.setAttribute('aria-labelledby', `decision-title-${id}`);
  form.append(el('h3', { id: `decision-title-${id}`, textContent: strings.decisionHeading }));

  // No outcome is chosen for the person: the form starts on "choose".
  const outcomes = [['', strings.chooseOutcome] as const, ...OUTCOMES.map((value) => [value, labels.outcomes[value]] as const)];
  const outcome = kept(board, id, 'outcome', current?.outcome ?? '', current, (value) => singleSelect(`outcome-${id}`, strings.outcome, outcomes, value));
  // The component offers no suggestion list; the button under the field offers the person's own name.
  const owner = kept(board, id, 'owner', current?.owner ?? '', current, (value) => textField(`owner-${id}`, strings.owner, { value, maxLength: 200, placeholder: strings.ownerSuggestion }));
  const due = kept(board, id, 'due', current?.due ?? '', current, (value) => dateField(`due-${id}`, strings.due, { value, lang: uiLocale() ?? '' }));
  // The field's own digits follow the browser's locale; beside it, the date as the UI language writes it.
  const dueShown = el('span', { className: 'hint due-display', id: `due-display-${id}` });
  const showDue = () => {
    dueShown.textContent = due.value ? localDate(due.value, 'full') : strings.noDue;
  };
  due.addEventListener('input', showDue);
  showDue();
  // A past date is allowed (a decision recorded late), but said, since it makes the decision overdue at once.
  const duePast = el('div', { className: 'hint warning', id: `due-warning-${id}`, textContent: strings.duePast });
  duePast.setAttribute('aria-live', 'polite');
  const warnIfPast = () => void (duePast.hidden = due.value === '' || due.value >= localToday());
  due.addEventListener('input', warnIfPast);
  warnIfPast();
  const rationale = kept(board, id, 'rationale', current?.rationale ?? '', current, (value) => textArea(`rationale-${id}`, strings.rationale, 3, { value, maxLength: 20000 }));
  const followUps = FOLLOW_UPS.map((value) => [value, labels.followUps[value]] as const);
  const followUp = kept(board, id, 'followUp', current?.followUp ?? 'open', current, (value) => singleSelect(`decision-follow-up-${id}`, strings.followUp, followUps, value));

  const errors = el('div', { className: 'error', id: `errors-${id}`, hidden: true });
  errors.setAttribute('role', 'alert');
  const save = el('vscode-button', { type: 'submit', id: `save-decision-${id}`, textContent: strings.saveDecision });
  setDisabled(save, readOnly);

  const ownerField = labelled(owner.id, strings.owner, owner);
  const dueField = labelled(due.id, strings.due, due);
  due.setAttribute('aria-describedby', dueShown.id);
  dueField.append(dueShown, duePast);
  if (me) {
    const useMe = el('button', { type: 'button', className: 'link-button', textContent: me });
    useMe.addEventListener('click', () => {
      owner.value = me;
      startFrom(board, id, current);
      board.setDraft(id, 'owner', me);
    });
    ownerField.append(useMe);
  }
  form.append(
    el('div', { className: 'row' }, labelled(outcome.id, strings.outcome, outcome), ownerField, dueField, labelled(followUp.id, strings.followUp, followUp)),
    labelled(rationale.id, strings.rationale, rationale, strings.rationaleKeep),
    errors,
    el('div', { className: 'actions' }, save),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decision: DecisionInput = { outcome: chosen(outcome) as Outcome, owner: owner.value, rationale: rationale.value, followUp: chosen(followUp) as FollowUp };
    if (due.value) {
      decision.due = due.value;
    }
    const problems = validateDecision(decision);
    errors.textContent = problems.map((problem) => decisionProblemText(problem, strings.decisionProblems)).join(' ');
    errors.hidden = problems.length === 0;
    markInvalid(owner, owner.value.trim() === '');
    markInvalid(outcome, chosen(outcome) === '');
    markInvalid(rationale, decision.outcome === 'keep' && rationale.value.trim() === '');
    if (problems.length === 0 && !readOnly) {
      // Untouched, the form shows the decision as it is now, which is then what it started from.
      board.send({ type: 'decide', id, decision, base: board.draft(id, BASE, decisionKey(current)) });
    }
  });
  return form;
}

function mergeControl(board: Board, card: CardView): HTMLElement {
  const { strings, readOnly } = board.state;
  const id = card.id;
  const section = el('section', { className: 'merge' }, el('h3', { textContent: strings.mergeHeading }));
  const search = textField(`merge-search-${id}`, strings.mergeSearch, { type: 'search', maxLength: 200, disabled: readOnly, value: picked.get(`merge-search-${id}`) ?? '' });
  // Its choices arrive with the host's matches (`showMatches`).
  const pick = singleSelect(`merge-pick-${id}`, strings.mergePick, [], undefined, { disabled: true });
  const none = el('p', { className: 'hint', id: `merge-none-${id}`, textContent: strings.mergeNone, hidden: true });
  const merge = actionButton(`merge-${id}`, { secondary: true, textContent: strings.mergeButton, disabled: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    picked.set(search.id, search.value);
    clearTimeout(timer);
    timer = setTimeout(() => board.send({ type: 'findDuplicates', id, search: search.value }), MERGE_SEARCH_DELAY_MS);
  });
  // The matches went with the old picker; ask again for the new one.
  if (search.value !== '' && !readOnly) {
    board.send({ type: 'findDuplicates', id, search: search.value });
  }
  pick.addEventListener('change', () => void picked.set(pick.id, chosen(pick)));
  merge.addEventListener('click', () => {
    const dropId = chosen(pick);
    if (dropId) {
      board.send({ type: 'merge', keepId: id, dropId });
    }
  });
  section.append(el('div', { className: 'row' }, labelled(search.id, strings.mergeSearch, search), labelled(pick.id, strings.mergePick, pick)), none, merge);
  return section;
}

/** Fills an entry's duplicate picker with the host's matches, keeping the one the person picked if it is still among them. */
export function showMatches(board: Board, id: string, matches: EntryMatch[]): void {
  const pick = document.getElementById(`merge-pick-${id}`) as VscodeSingleSelect | null;
  if (!pick) {
    return;
  }
  const choice = picked.get(pick.id);
  // Like a native select, the first match stands until another is picked.
  const selected = matches.some((match) => match.id === choice) ? choice : matches[0]?.id;
  setChoices(pick, matches.map((match) => [match.id, match.title] as const), selected);
  pick.disabled = matches.length === 0 || board.state.readOnly;
  const merge = document.getElementById(`merge-${id}`) as VscodeButton | null;
  if (merge) {
    setDisabled(merge, pick.disabled);
  }
  const none = document.getElementById(`merge-none-${id}`);
  if (none) {
    none.hidden = matches.length > 0;
  }
}

/** An archived card offers Restore in place of the actions the core would refuse it. */
function restoreControl(board: Board, card: CardView): HTMLElement {
  const { strings, readOnly } = board.state;
  const restore = actionButton(`restore-${card.id}`, { secondary: true, textContent: strings.restore, disabled: readOnly });
  restore.setAttribute('aria-describedby', `archived-${card.id}`);
  restore.addEventListener('click', () => board.send({ type: 'restore', id: card.id }));
  return el('section', { className: 'archived' }, el('p', { className: 'hint', id: `archived-${card.id}`, textContent: strings.archivedNotice }), restore);
}

/** The expanded card: the full S.M.A.R.T. answers, reasons, comments, moving, the decision and merging, or Restore when it is archived. */
export function renderDetail(board: Board, card: CardView, container: HTMLElement): void {
  const detail = board.detail(card.id);
  if (!detail) {
    container.replaceChildren(el('p', { className: 'hint', textContent: board.state.strings.loading }));
    return;
  }
  const { labels } = board.state;
  const reasons = el('ul', { className: 'reasons' });
  reasons.append(...detail.reasons.map((reason) => el('li', { className: 'badge', textContent: labels.reasons[reason] })));
  const decision = [decisionForm(board, card, detail)];
  if (detail.decision) {
    decision.push(trackingControl(board, card.id, card.title, detail.decision.trackingUrl));
  }
  // In a retro the decision is what the card is opened for: it comes before the comment thread.
  const parts = card.status === 'archived' ? [renderComments(board, detail), restoreControl(board, card)] : [moveControl(board, card), ...decision, renderComments(board, detail), mergeControl(board, card)];
  container.replaceChildren(answers(board, detail), reasons, ...parts);
}

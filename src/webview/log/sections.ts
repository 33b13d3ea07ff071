import { MAX_ANSWER_LENGTH, MAX_TITLE_LENGTH } from '../../core/model/entries';
import { KINDS, PERIODS, REASONS, SMART_KEYS } from '../../core/model/model';
import { isolateBidi } from '../../core/text/inertText';
import type { FromWebview, LogState } from '../../protocol/logMessages';
import { COST_RANGES, readCostField, type CostField, type CostReading } from '../../core/model/costInput';
import { plural } from '../../core/text/plural';
import { el, format, icon, labelled } from '../dom';
import { markInvalid, mirrorDescription, singleSelect, textArea, textField, type TextControl } from '../controls/controls';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';

/** What each section of the Log form may read and do; main.ts owns the state behind it. */
export interface LogForm {
  readonly state: LogState;
  send(message: FromWebview): void;
  /** Reads the form back into the draft and reports it to the host. */
  persist(): void;
}

/** The backlog to save into, when there are several, and the banner that says why one is not ready. */
export function renderTarget({ state }: LogForm): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (state.targets.length > 1) {
    const select = singleSelect('target', state.strings.target, state.targets.map((target) => [target.key, target.name] as const), state.target);
    parts.push(labelled('target', state.strings.target, select));
  }
  parts.push(el('div', { id: 'banner', className: 'banner', hidden: true }));
  return parts;
}

/** The notice that an existing entry is being edited, with the way out, and of the drafts put aside behind it. */
export function renderEditing(form: LogForm): HTMLElement[] {
  const { strings, editingId, aside, locale } = form.state;
  const parts: HTMLElement[] = [];
  if (editingId) {
    const cancel = el('vscode-button', { type: 'button', secondary: true, id: 'cancel-edit', textContent: strings.cancelEdit });
    cancel.addEventListener('click', () => form.send({ type: 'cancelEdit' }));
    parts.push(el('div', { className: 'editing' }, icon('edit'), el('span', { textContent: strings.editing }), cancel));
  }
  const latest = aside.at(-1);
  if (latest) {
    const note = el('div', { id: 'aside', className: 'aside hint' }, icon('layers'), el('span', { textContent: plural(strings.aside, aside.length, locale) }));
    note.append(el('span', { className: 'aside-title', textContent: format(strings.asideLatest, isolateBidi(latest.title || strings.untitled)) }));
    parts.push(note);
  }
  return parts;
}

/** The counter under a text field, empty until the text nears `limit`; `checkLength` fills it once the field is in the page. */
function lengthCounter(control: TextControl, limit: number): HTMLElement {
  // Kept on the control itself (UTF-16 units, after trimming, as the core counts), so each rendering carries its own.
  control.dataset.limit = String(limit);
  const counter = el('div', { className: 'hint count', id: `${control.id}-count`, hidden: true });
  counter.setAttribute('aria-live', 'polite');
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), counter.id].filter(Boolean).join(' '));
  return counter;
}

/**
 * Shows how long the text is once it passes 80% of its limit, and says it is too long, without
 * cutting anything, once it passes the limit. Returns whether it fits.
 */
export function checkLength(state: LogState, control: TextControl): boolean {
  const limit = Number(control.dataset.limit);
  const counter = document.getElementById(`${control.id}-count`);
  if (!limit || !counter) {
    return true;
  }
  const length = control.value.trim().length;
  const fits = length <= limit;
  counter.hidden = length < limit * 0.8;
  counter.className = fits ? 'hint count' : 'error count';
  counter.textContent = fits ? format(state.strings.characters, String(length), String(limit)) : format(state.strings.tooLong, String(length), String(limit));
  markInvalid(control, !fits);
  return fits;
}

/** The one required field, with its error shown next to it until the person types. */
export function renderTitle({ state }: LogForm): HTMLElement {
  const { strings, draft } = state;
  // No maxLength: the browser would cut a long paste without a word. The counter says it instead.
  const title = textField('title', strings.title, { value: draft.title, placeholder: strings.titlePlaceholder, required: true });
  title.setAttribute('aria-required', 'true');
  const titleField = labelled('title', strings.title, title);
  const titleError = el('div', { id: 'title-error', className: 'error', hidden: true, textContent: strings.titleRequired });
  title.setAttribute('aria-errormessage', titleError.id);
  titleField.append(titleError, lengthCounter(title, MAX_TITLE_LENGTH));
  title.addEventListener('input', () => {
    titleError.hidden = true;
    markInvalid(title, false);
    checkLength(state, title);
  });
  return titleField;
}

/** The kind of stupid work, and why it persists. */
export function renderKindAndReasons({ state }: LogForm): HTMLElement[] {
  const { labels, strings, draft } = state;
  const kind = singleSelect('kind', strings.kind, KINDS.map((value) => [value, labels.kinds[value]] as const), draft.kind);
  const reasons = el('fieldset', { className: 'reasons' }, el('legend', { textContent: strings.reasons }));
  for (const reason of REASONS) {
    reasons.append(el('vscode-checkbox', { id: `reason-${reason}`, className: 'check', checked: draft.reasons.includes(reason), label: labels.reasons[reason] }));
  }
  return [labelled('kind', strings.kind, kind), reasons];
}

/** The letter each prompt gives to S.M.A.R.T., shown before its label. */
const SMART_INITIALS: Record<(typeof SMART_KEYS)[number], string> = { speakUp: 'S', moreInfo: 'M', accountability: 'A', reprioritize: 'R', tryAnother: 'T' };

/** The explanation with the capital that starts each of the five prompts' key words in bold. */
function initialsOf(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  let rest = text;
  for (const letter of Object.values(SMART_INITIALS)) {
    const at = rest.search(new RegExp(`\\b${letter}`));
    if (at < 0) continue;
    out.push(rest.slice(0, at), el('b', { className: 'initial-inline', textContent: letter }));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

/** The five optional S.M.A.R.T. answers and the meter of how many are filled in. */
export function renderSmart({ state }: LogForm): HTMLElement {
  const { labels, strings, draft } = state;
  const smart = el('fieldset', { className: 'smart' }, el('legend', { textContent: strings.smartHeading }));
  const explain = el('div', { className: 'hint', id: 'smart-explain' }, ...initialsOf(strings.smartExplain));
  smart.append(explain);
  for (const key of SMART_KEYS) {
    const area = textArea(`smart-${key}`, labels.smart[key], 2, { value: draft.smart[key] });
    const answer = labelled(`smart-${key}`, labels.smart[key], area, labels.smartHints[key]);
    const label = answer.querySelector('label');
    label?.prepend(el('span', { className: 'initial', textContent: SMART_INITIALS[key] }));
    answer.append(lengthCounter(area, MAX_ANSWER_LENGTH));
    area.addEventListener('input', () => checkLength(state, area));
    smart.append(answer);
  }
  const meter = el('meter', { id: 'completeness', min: 0, max: 5, low: 2, high: 4, optimum: 5, value: 0 });
  meter.setAttribute('aria-labelledby', 'completeness-label');
  smart.append(el('div', { className: 'completeness' }, meter, el('span', { id: 'completeness-label' })));
  return smart;
}

/** The cost fields, by the id of their input. */
export const COST_INPUTS: readonly { id: string; field: CostField }[] = [
  { id: 'cost-hours', field: 'hoursPerOccurrence' },
  { id: 'cost-occurrences', field: 'occurrences' },
  { id: 'cost-people', field: 'people' },
];

/** A number in the editor's language, for a range or a message. */
function shown(state: LogState, value: number): string {
  return new Intl.NumberFormat(state.locale).format(value);
}

/**
 * Checks one cost input where it is typed, in the editor's language, and says what is wrong next to
 * it (and to screen readers, through the field's error message). Returns its reading.
 */
export function checkCostInput(state: LogState, input: VscodeTextfield, field: CostField): CostReading {
  const reading = readCostField(field, input.value, state.locale);
  const error = document.getElementById(`${input.id}-error`) as HTMLElement;
  if (reading.ok) {
    error.hidden = true;
    error.textContent = '';
    markInvalid(input, false);
  } else {
    const { min, max } = COST_RANGES[field];
    const problems = state.strings.costProblems;
    error.textContent =
      reading.problem === 'belowMin' ? format(problems.belowMin, shown(state, min))
      : reading.problem === 'aboveMax' ? format(problems.aboveMax, shown(state, max))
      : reading.problem === 'notWhole' ? problems.notWhole
      : format(problems.notNumber, shown(state, 2.5));
    error.hidden = false;
    markInvalid(input, true);
  }
  return reading;
}

/** A cost input: text, so a decimal comma is not lost to the browser's own number parsing, with its range and its error under it. */
function costInput(state: LogState, id: string, label: string, field: CostField, value: number | undefined): { input: VscodeTextfield; notes: HTMLElement[] } {
  const { min, max, whole } = COST_RANGES[field];
  const input = textField(id, label, { autocomplete: 'off', value: value === undefined ? '' : shown(state, value) });
  input.inputMode = whole ? 'numeric' : 'decimal';
  input.addEventListener('input', () => checkCostInput(state, input, field));
  const range = el('div', { className: 'hint', id: `${id}-range`, textContent: format(state.strings.costRange, shown(state, min), shown(state, max)) });
  const error = el('div', { className: 'error', id: `${id}-error`, hidden: true });
  input.setAttribute('aria-describedby', range.id);
  input.setAttribute('aria-errormessage', error.id);
  return { input, notes: [range, error] };
}

/** Hours each time, how often and for how many people; the monthly total is filled in as they type. */
export function renderCost({ state }: LogForm): HTMLElement {
  const { labels, strings, draft } = state;
  const cost = el('fieldset', { className: 'cost' }, el('legend', { textContent: strings.cost }));
  const hours = costInput(state, 'cost-hours', strings.hoursPerOccurrence, 'hoursPerOccurrence', draft.cost?.hoursPerOccurrence);
  const occurrences = costInput(state, 'cost-occurrences', strings.occurrences, 'occurrences', draft.cost?.occurrences ?? 1);
  const per = singleSelect('cost-per', strings.occurrences, PERIODS.map((period) => [period, labels.periods[period]] as const), draft.cost?.per ?? 'week');
  const people = costInput(state, 'cost-people', strings.people, 'people', draft.cost?.people ?? 1);
  const often = labelled('cost-occurrences', strings.occurrences, occurrences.input);
  often.append(per, ...occurrences.notes);
  often.className = 'field inline';
  const hoursField = labelled('cost-hours', strings.hoursPerOccurrence, hours.input);
  hoursField.append(...hours.notes);
  const peopleField = labelled('cost-people', strings.people, people.input);
  peopleField.append(...people.notes);
  cost.append(hoursField, often, peopleField);
  const total = el('div', { id: 'cost-total', className: 'total' });
  total.setAttribute('aria-live', 'polite');
  cost.append(total);
  return cost;
}

/**
 * The code the entry is about, at the top of the form beside the title, as "path, line 7": a link the
 * person does not see could end up on an entry it has nothing to do with. Removing it hides it from the draft.
 */
export function renderLink(form: LogForm): HTMLElement {
  const { strings, draft } = form.state;
  const link = el('div', { id: 'link', className: 'link', hidden: !draft.link });
  if (draft.link) {
    const { path, startLine, endLine } = draft.link;
    const where = startLine === endLine ? format(strings.linkLine, isolateBidi(path), startLine) : format(strings.linkLines, isolateBidi(path), startLine, endLine);
    const remove = el('button', { type: 'button', className: 'icon', id: 'remove-link', title: strings.removeLink });
    remove.setAttribute('aria-label', strings.removeLink);
    remove.append(icon('close'));
    remove.addEventListener('click', () => {
      link.hidden = true;
      form.persist();
    });
    link.setAttribute('aria-label', `${strings.link}: ${where}`);
    link.append(icon('link'), el('span', { className: 'link-text', textContent: where, title: strings.link }), remove);
  }
  return link;
}

/** Posting anonymously, with the plain account of what stays visible anyway. */
export function renderAnonymous({ state }: LogForm): HTMLElement[] {
  const { strings, draft } = state;
  const anonymous = el('vscode-checkbox', { id: 'anonymous', className: 'check anonymous', checked: draft.anonymous, label: strings.anonymous });
  const disclosure = el('div', { className: 'hint', id: 'anonymous-hint', textContent: strings.anonymousDisclosure });
  anonymous.setAttribute('aria-describedby', disclosure.id);
  mirrorDescription(anonymous);
  return [anonymous, disclosure];
}

/** The save (or update) button with its shortcut, and the live status line under it. */
export function renderActions(form: LogForm): HTMLElement[] {
  const { state } = form;
  const { strings, editingId } = state;
  const saveButton = el('vscode-button', { type: 'submit', id: 'save' }, icon(editingId ? 'save' : 'add'), el('span', { textContent: editingId ? strings.update : strings.save }));
  saveButton.title = strings.saveHint;
  const status = el('div', { id: 'status', className: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const actions = el('div', { className: 'actions' }, saveButton);
  // An edit is left with Cancel edit, which also asks first; a new draft is discarded here.
  if (!editingId) {
    const discard = el('vscode-button', { type: 'button', id: 'discard', secondary: true }, icon('discard'), el('span', { textContent: strings.discard }));
    discard.addEventListener('click', () => form.send({ type: 'discard' }));
    actions.append(discard);
  }
  actions.append(el('span', { className: 'hint', textContent: strings.saveHint }));
  return [actions, status];
}

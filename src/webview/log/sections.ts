import { KINDS, PERIODS, REASONS, SMART_KEYS } from '../../core/model/model';
import { isolateBidi } from '../../core/text/inertText';
import type { FromWebview, LogState } from '../../protocol/logMessages';
import { el, icon, labelled } from '../dom';

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
    const select = el('select');
    for (const target of state.targets) {
      select.append(el('option', { value: target.key, textContent: target.name, selected: target.key === state.target }));
    }
    parts.push(labelled('target', state.strings.target, select));
  }
  parts.push(el('div', { id: 'banner', className: 'banner', hidden: true }));
  return parts;
}

/** The notice that an existing entry is being edited, with the way out. */
export function renderEditing(form: LogForm): HTMLElement[] {
  const { strings, editingId } = form.state;
  if (!editingId) {
    return [];
  }
  const cancel = el('button', { type: 'button', className: 'secondary', id: 'cancel-edit', textContent: strings.cancelEdit });
  cancel.addEventListener('click', () => form.send({ type: 'cancelEdit' }));
  return [el('div', { className: 'editing' }, icon('edit'), el('span', { textContent: strings.editing }), cancel)];
}

/** The one required field, with its error shown next to it until the person types. */
export function renderTitle({ state }: LogForm): HTMLElement {
  const { strings, draft } = state;
  const title = el('input', { type: 'text', value: draft.title, placeholder: strings.titlePlaceholder, required: true, maxLength: 300, dir: 'auto' });
  title.setAttribute('aria-required', 'true');
  const titleField = labelled('title', strings.title, title);
  const titleError = el('div', { id: 'title-error', className: 'error', hidden: true, textContent: strings.titleRequired });
  title.setAttribute('aria-errormessage', titleError.id);
  titleField.append(titleError);
  title.addEventListener('input', () => {
    titleError.hidden = true;
    title.removeAttribute('aria-invalid');
  });
  return titleField;
}

/** The kind of stupid work, and why it persists. */
export function renderKindAndReasons({ state }: LogForm): HTMLElement[] {
  const { labels, strings, draft } = state;
  const kind = el('select');
  for (const value of KINDS) {
    kind.append(el('option', { value, textContent: labels.kinds[value], selected: value === draft.kind }));
  }
  const reasons = el('fieldset', { className: 'reasons' }, el('legend', { textContent: strings.reasons }));
  for (const reason of REASONS) {
    const box = el('input', { type: 'checkbox', id: `reason-${reason}`, checked: draft.reasons.includes(reason) });
    reasons.append(el('div', { className: 'check' }, box, el('label', { htmlFor: box.id, textContent: labels.reasons[reason] })));
  }
  return [labelled('kind', strings.kind, kind), reasons];
}

/** The five optional S.M.A.R.T. answers and the meter of how many are filled in. */
export function renderSmart({ state }: LogForm): HTMLElement {
  const { labels, strings, draft } = state;
  const smart = el('fieldset', { className: 'smart' }, el('legend', { textContent: strings.smartHeading }));
  for (const key of SMART_KEYS) {
    const area = el('textarea', { rows: 2, value: draft.smart[key], maxLength: 20000, dir: 'auto' });
    smart.append(labelled(`smart-${key}`, labels.smart[key], area, labels.smartHints[key]));
  }
  const meter = el('meter', { id: 'completeness', min: 0, max: 5, low: 2, high: 4, optimum: 5, value: 0 });
  meter.setAttribute('aria-labelledby', 'completeness-label');
  smart.append(el('div', { className: 'completeness' }, meter, el('span', { id: 'completeness-label' })));
  return smart;
}

/** Hours each time, how often and for how many people; the monthly total is filled in as they type. */
export function renderCost({ state }: LogForm): HTMLElement {
  const { labels, strings, draft } = state;
  const cost = el('fieldset', { className: 'cost' }, el('legend', { textContent: strings.cost }));
  const hours = el('input', { type: 'number', min: '0', step: '0.25', value: draft.cost ? String(draft.cost.hoursPerOccurrence) : '' });
  const occurrences = el('input', { type: 'number', min: '0', step: '1', value: String(draft.cost?.occurrences ?? 1) });
  const per = el('select');
  for (const period of PERIODS) {
    per.append(el('option', { value: period, textContent: labels.periods[period], selected: period === (draft.cost?.per ?? 'week') }));
  }
  per.id = 'cost-per';
  per.setAttribute('aria-label', strings.occurrences);
  const people = el('input', { type: 'number', min: '1', step: '1', value: String(draft.cost?.people ?? 1) });
  const often = labelled('cost-occurrences', strings.occurrences, occurrences);
  often.append(per);
  often.className = 'field inline';
  cost.append(labelled('cost-hours', strings.hoursPerOccurrence, hours), often, labelled('cost-people', strings.people, people));
  const total = el('div', { id: 'cost-total', className: 'total' });
  total.setAttribute('aria-live', 'polite');
  cost.append(total);
  return cost;
}

/** The code the entry is about, when it was flagged from a selection; removing it hides it from the draft. */
export function renderLink(form: LogForm): HTMLElement {
  const { strings, draft } = form.state;
  const link = el('div', { id: 'link', className: 'link', hidden: !draft.link });
  if (draft.link) {
    const remove = el('button', { type: 'button', className: 'icon', title: strings.removeLink });
    remove.setAttribute('aria-label', strings.removeLink);
    remove.append(icon('close'));
    remove.addEventListener('click', () => {
      link.hidden = true;
      form.persist();
    });
    link.append(icon('link'), el('span', { className: 'link-text', textContent: `${strings.link}: ${isolateBidi(draft.link.path)}:${draft.link.startLine}-${draft.link.endLine}` }), remove);
  }
  return link;
}

/** Posting anonymously, with the plain account of what stays visible anyway. */
export function renderAnonymous({ state }: LogForm): HTMLElement[] {
  const { strings, draft } = state;
  const anonymous = el('input', { type: 'checkbox', id: 'anonymous', checked: draft.anonymous });
  const disclosure = el('div', { className: 'hint', id: 'anonymous-hint', textContent: strings.anonymousDisclosure });
  anonymous.setAttribute('aria-describedby', disclosure.id);
  return [el('div', { className: 'check anonymous' }, anonymous, el('label', { htmlFor: 'anonymous', textContent: strings.anonymous })), disclosure];
}

/** The save (or update) button with its shortcut, and the live status line under it. */
export function renderActions({ state }: LogForm): HTMLElement[] {
  const { strings, editingId } = state;
  const saveButton = el('button', { type: 'submit', id: 'save', className: 'primary' }, icon(editingId ? 'save' : 'add'), el('span', { textContent: editingId ? strings.update : strings.save }));
  saveButton.title = strings.saveHint;
  const status = el('div', { id: 'status', className: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  return [el('div', { className: 'actions' }, saveButton, el('span', { className: 'hint', textContent: strings.saveHint })), status];
}

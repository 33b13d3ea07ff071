import { smartCompleteness } from '../../core/model/completeness';
import { formatHours, hoursPerMonth } from '../../core/model/cost';
import { isolateBidi } from '../../core/text/inertText';
import { KINDS, PERIODS, REASONS, SMART_KEYS, emptyDraft, emptySmart, type EntryDraft, type Period } from '../../core/model/model';
import type { FolderStatus } from '../../protocol/folderStatus';
import type { FromWebview, LogState, ToWebview } from '../../protocol/logMessages';
import { el, format, icon, labelled } from '../dom';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;

let state: LogState | undefined;

function field<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function currentTarget(): FolderStatus | undefined {
  if (!state) {
    return undefined;
  }
  const select = document.getElementById('target') as HTMLSelectElement | null;
  const key = select ? select.value : state.target;
  return state.targets.find((t) => t.key === key) ?? state.targets[0];
}

function readCost(): EntryDraft['cost'] {
  const hours = field<HTMLInputElement>('cost-hours').valueAsNumber;
  const occurrences = field<HTMLInputElement>('cost-occurrences').valueAsNumber;
  const people = field<HTMLInputElement>('cost-people').valueAsNumber;
  if (!Number.isFinite(hours) || hours <= 0) {
    return undefined;
  }
  return {
    hoursPerOccurrence: hours,
    occurrences: Number.isFinite(occurrences) && occurrences >= 0 ? occurrences : 1,
    per: field<HTMLSelectElement>('cost-per').value as Period,
    people: Number.isInteger(people) && people >= 1 ? people : 1,
  };
}

function readDraft(): EntryDraft {
  const draft: EntryDraft = {
    title: field<HTMLInputElement>('title').value,
    kind: field<HTMLSelectElement>('kind').value as EntryDraft['kind'],
    reasons: REASONS.filter((reason) => field<HTMLInputElement>(`reason-${reason}`).checked),
    smart: emptySmart(),
    anonymous: field<HTMLInputElement>('anonymous').checked,
  };
  for (const key of SMART_KEYS) {
    draft.smart[key] = field<HTMLTextAreaElement>(`smart-${key}`).value;
  }
  const cost = readCost();
  if (cost) {
    draft.cost = cost;
  }
  const linkBox = field<HTMLElement>('link');
  if (state?.draft.link && !linkBox.hidden) {
    draft.link = state.draft.link;
  }
  return draft;
}

function persist(): void {
  if (!state) {
    return;
  }
  state.draft = readDraft();
  state.target = currentTarget()?.key;
  // Sent on every change: the view is destroyed when hidden, so a change held back here would be lost.
  vscode.postMessage({ type: 'draftChanged', target: state.target, draft: state.draft, editingId: state.editingId });
  updateDerived();
}

function updateDerived(): void {
  if (!state) {
    return;
  }
  const draft = readDraft();
  const hours = hoursPerMonth(draft.cost);
  field<HTMLElement>('cost-total').textContent = format(state.strings.perMonth, formatHours(hours));
  const { filled } = smartCompleteness(draft.smart);
  const meter = field<HTMLMeterElement>('completeness');
  meter.value = filled;
  meter.setAttribute('aria-valuetext', format(state.strings.completeness, String(filled)));
  field<HTMLElement>('completeness-label').textContent = format(state.strings.completeness, String(filled));
  updateTarget();
}

function updateTarget(): void {
  if (!state) {
    return;
  }
  const target = currentTarget();
  const banner = field<HTMLElement>('banner');
  const save = field<HTMLButtonElement>('save');
  banner.replaceChildren();
  banner.hidden = !target || target.status === 'ready';
  banner.className = `banner ${target?.status ?? ''}`;
  save.disabled = !target || target.status === 'problem' || target.status === 'read-only';
  if (!state.targets.length) {
    banner.hidden = false;
    banner.append(icon('info'), el('span', { textContent: state.strings.noFolder }));
    return;
  }
  if (target && target.status !== 'ready') {
    banner.append(icon(target.status === 'missing' ? 'info' : target.status === 'read-only' ? 'lock' : 'error'), el('span', { textContent: target.detail ?? '' }));
    if (target.status === 'problem') {
      const open = el('button', { type: 'button', className: 'secondary', id: 'open-file', textContent: state.strings.openFile });
      open.addEventListener('click', () => vscode.postMessage({ type: 'openDataFile', target: target.key }));
      banner.append(open);
    }
    banner.setAttribute('role', target.status === 'problem' ? 'alert' : 'status');
  }
}

function save(): void {
  if (!state) {
    return;
  }
  const draft = readDraft();
  const title = field<HTMLInputElement>('title');
  const error = field<HTMLElement>('title-error');
  if (!draft.title.trim()) {
    error.hidden = false;
    title.setAttribute('aria-invalid', 'true');
    title.focus();
    return;
  }
  const target = currentTarget();
  if (!target || field<HTMLButtonElement>('save').disabled) {
    return;
  }
  field<HTMLButtonElement>('save').disabled = true;
  vscode.postMessage({ type: 'save', target: target.key, draft, editingId: state.editingId });
}

function announce(text: string, isError = false): void {
  const status = field<HTMLElement>('status');
  status.className = isError ? 'status error' : 'status';
  status.textContent = text;
}

function render(): void {
  if (!state) {
    return;
  }
  const { labels, strings, draft } = state;
  const form = el('form', { id: 'log-form', noValidate: true });
  form.setAttribute('aria-label', strings.title);

  if (state.targets.length > 1) {
    const select = el('select');
    for (const target of state.targets) {
      select.append(el('option', { value: target.key, textContent: target.name, selected: target.key === state.target }));
    }
    form.append(labelled('target', strings.target, select));
  }
  form.append(el('div', { id: 'banner', className: 'banner', hidden: true }));

  if (state.editingId) {
    const cancel = el('button', { type: 'button', className: 'secondary', id: 'cancel-edit', textContent: strings.cancelEdit });
    cancel.addEventListener('click', () => vscode.postMessage({ type: 'cancelEdit' }));
    form.append(el('div', { className: 'editing' }, icon('edit'), el('span', { textContent: strings.editing }), cancel));
  }

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
  form.append(titleField);

  const kind = el('select');
  for (const value of KINDS) {
    kind.append(el('option', { value, textContent: labels.kinds[value], selected: value === draft.kind }));
  }
  form.append(labelled('kind', strings.kind, kind));

  const reasons = el('fieldset', { className: 'reasons' }, el('legend', { textContent: strings.reasons }));
  for (const reason of REASONS) {
    const box = el('input', { type: 'checkbox', id: `reason-${reason}`, checked: draft.reasons.includes(reason) });
    reasons.append(el('div', { className: 'check' }, box, el('label', { htmlFor: box.id, textContent: labels.reasons[reason] })));
  }
  form.append(reasons);

  const smart = el('fieldset', { className: 'smart' }, el('legend', { textContent: strings.smartHeading }));
  for (const key of SMART_KEYS) {
    const area = el('textarea', { rows: 2, value: draft.smart[key], maxLength: 20000, dir: 'auto' });
    smart.append(labelled(`smart-${key}`, labels.smart[key], area, labels.smartHints[key]));
  }
  const meter = el('meter', { id: 'completeness', min: 0, max: 5, low: 2, high: 4, optimum: 5, value: 0 });
  meter.setAttribute('aria-labelledby', 'completeness-label');
  smart.append(el('div', { className: 'completeness' }, meter, el('span', { id: 'completeness-label' })));
  form.append(smart);

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
  form.append(cost);

  const link = el('div', { id: 'link', className: 'link', hidden: !draft.link });
  if (draft.link) {
    const remove = el('button', { type: 'button', className: 'icon', title: strings.removeLink });
    remove.setAttribute('aria-label', strings.removeLink);
    remove.append(icon('close'));
    remove.addEventListener('click', () => {
      link.hidden = true;
      persist();
    });
    link.append(icon('link'), el('span', { className: 'link-text', textContent: `${strings.link}: ${isolateBidi(draft.link.path)}:${draft.link.startLine}-${draft.link.endLine}` }), remove);
  }
  form.append(link);

  const anonymous = el('input', { type: 'checkbox', id: 'anonymous', checked: draft.anonymous });
  const disclosure = el('div', { className: 'hint', id: 'anonymous-hint', textContent: strings.anonymousDisclosure });
  anonymous.setAttribute('aria-describedby', disclosure.id);
  form.append(el('div', { className: 'check anonymous' }, anonymous, el('label', { htmlFor: 'anonymous', textContent: strings.anonymous })), disclosure);

  const saveButton = el('button', { type: 'submit', id: 'save', className: 'primary' }, icon(state.editingId ? 'save' : 'add'), el('span', { textContent: state.editingId ? strings.update : strings.save }));
  saveButton.title = strings.saveHint;
  form.append(el('div', { className: 'actions' }, saveButton, el('span', { className: 'hint', textContent: strings.saveHint })));

  const status = el('div', { id: 'status', className: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  form.append(status);

  form.addEventListener('input', persist);
  form.addEventListener('change', persist);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  });
  root.replaceChildren(form);
  updateDerived();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      state = message.state;
      render();
      return;
    }
    case 'targets':
      // Every file change re-sends the targets; re-rendering only on a real change keeps the caret where the person is typing.
      if (state && JSON.stringify(state.targets) !== JSON.stringify(message.targets)) {
        state.draft = readDraft();
        state.target = currentTarget()?.key;
        state.targets = message.targets;
        const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
        render();
        if (focused) {
          document.getElementById(focused)?.focus();
        }
      }
      return;
    case 'load':
      if (state) {
        state.target = message.target;
        state.draft = message.draft;
        state.editingId = message.editingId;
        render();
        field<HTMLInputElement>('title').focus();
      }
      return;
    case 'saved':
      if (state) {
        const anonymous = field<HTMLInputElement>('anonymous').checked && !state.editingId;
        state.draft = emptyDraft(anonymous);
        state.editingId = undefined;
        render();
        announce(format(state.strings.saved, isolateBidi(message.title)));
        field<HTMLInputElement>('title').focus();
      }
      return;
    case 'saveFailed':
      updateTarget();
      announce(message.message, true);
      return;
  }
});

vscode.postMessage({ type: 'ready' });

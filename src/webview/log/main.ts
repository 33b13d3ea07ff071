import { smartCompleteness } from '../../core/model/completeness';
import { formatHours, hoursPerMonth } from '../../core/model/cost';
import { isolateBidi } from '../../core/text/inertText';
import { editedFields } from '../../core/model/editMerge';
import { REASONS, SMART_KEYS, emptyDraft, emptySmart, type EntryDraft, type Period } from '../../core/model/model';
import type { FolderStatus } from '../../protocol/folderStatus';
import type { FormContents, FromWebview, LogState, ToWebview } from '../../protocol/logMessages';
import { el, format, icon } from '../dom';
import { COST_INPUTS, checkCostInput, checkLength, renderActions, renderAnonymous, renderCost, renderEditing, renderKindAndReasons, renderLink, renderSmart, renderTarget, renderTitle, type LogForm } from './sections';
import { readCostField, type CostField } from '../../core/model/costInput';
import { chosen, markInvalid, setDisabled, type TextControl } from '../controls/controls';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';

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
  const select = document.getElementById('target') as VscodeSingleSelect | null;
  const key = select ? chosen(select) : state.target;
  return state.targets.find((t) => t.key === key) ?? state.targets[0];
}

/** The typed cost, or none: no hours, or a field that does not read as a number in range (the form marks it). */
function readCost(): EntryDraft['cost'] {
  const locale = state?.locale ?? 'en';
  const read = (id: string, which: CostField) => readCostField(which, field<VscodeTextfield>(id).value, locale);
  const hours = read('cost-hours', 'hoursPerOccurrence');
  const occurrences = read('cost-occurrences', 'occurrences');
  const people = read('cost-people', 'people');
  if (!hours.ok || !occurrences.ok || !people.ok || hours.value === undefined || hours.value <= 0) {
    return undefined;
  }
  return {
    hoursPerOccurrence: hours.value,
    occurrences: occurrences.value ?? 1,
    per: chosen(field<VscodeSingleSelect>('cost-per')) as Period,
    people: people.value ?? 1,
  };
}

function readDraft(): EntryDraft {
  const draft: EntryDraft = {
    title: field<VscodeTextfield>('title').value,
    kind: chosen(field<VscodeSingleSelect>('kind')) as EntryDraft['kind'],
    reasons: REASONS.filter((reason) => field<VscodeCheckbox>(`reason-${reason}`).checked),
    smart: emptySmart(),
    anonymous: field<VscodeCheckbox>('anonymous').checked,
  };
  for (const key of SMART_KEYS) {
    draft.smart[key] = field<TextControl>(`smart-${key}`).value;
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
  vscode.postMessage({ type: 'draftChanged', form: state.form, target: state.target, draft: state.draft, editingId: state.editingId });
  updateDerived();
}

function updateDerived(): void {
  if (!state) {
    return;
  }
  const draft = readDraft();
  const hours = hoursPerMonth(draft.cost);
  // A total from a field the form marks as wrong would be a number nobody typed.
  const typedWrong = COST_INPUTS.some(({ id }) => field<VscodeTextfield>(id).invalid);
  field<HTMLElement>('cost-total').textContent = typedWrong ? '' : draft.cost ? format(state.strings.perMonth, formatHours(hours)) : state.strings.noEstimate;
  const { filled } = smartCompleteness(draft.smart);
  const meter = field<HTMLMeterElement>('completeness');
  meter.value = filled;
  meter.setAttribute('aria-valuetext', format(state.strings.completeness, String(filled)));
  field<HTMLElement>('completeness-label').textContent = format(state.strings.completeness, String(filled));
  const discard = document.getElementById('discard') as VscodeButton | null;
  if (discard) {
    // The host's rule for what a draft holds (editMerge.ts); a code link alone is discarded without a question.
    setDisabled(discard, editedFields(emptyDraft(draft.anonymous), draft).length === 0);
    discard.title = discard.disabled ? state.strings.nothingToDiscard : '';
  }
  updateTarget();
}

function updateTarget(): void {
  if (!state) {
    return;
  }
  const target = currentTarget();
  const banner = field<HTMLElement>('banner');
  const save = field<VscodeButton>('save');
  banner.replaceChildren();
  banner.hidden = !target || target.status === 'ready';
  banner.className = `banner ${target?.status ?? ''}`;
  setDisabled(save, !target || target.status === 'problem' || target.status === 'read-only');
  if (!state.targets.length) {
    banner.hidden = false;
    banner.append(icon('info'), el('span', { textContent: state.strings.noFolder }));
    return;
  }
  if (target && target.status !== 'ready') {
    banner.append(icon(target.status === 'missing' ? 'info' : target.status === 'read-only' ? 'lock' : 'error'), el('span', { textContent: target.detail ?? '' }));
    if (target.status === 'problem') {
      const open = el('vscode-button', { type: 'button', secondary: true, id: 'open-file', textContent: state.strings.openFile });
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
  const title = field<VscodeTextfield>('title');
  const error = field<HTMLElement>('title-error');
  if (!draft.title.trim()) {
    error.textContent = state.strings.titleRequired;
    error.hidden = false;
    markInvalid(title, true);
    title.focus();
    return;
  }
  // Save never does nothing: what stops it is said next to the field, and in the status line.
  const tooLong = [title, ...SMART_KEYS.map((key) => field<TextControl>(`smart-${key}`))].find((control) => !checkLength(state as LogState, control));
  if (tooLong) {
    tooLong.focus();
    announce(document.getElementById(`${tooLong.id}-count`)?.textContent ?? '', true);
    return;
  }
  const badCost = COST_INPUTS.map(({ id, field: which }) => ({ input: field<VscodeTextfield>(id), reading: checkCostInput(state as LogState, field<VscodeTextfield>(id), which) })).find((c) => !c.reading.ok);
  if (badCost) {
    badCost.input.focus();
    announce(state.strings.costInvalid, true);
    return;
  }
  const target = currentTarget();
  if (!target || field<VscodeButton>('save').disabled) {
    return;
  }
  setDisabled(field<VscodeButton>('save'), true);
  vscode.postMessage({ type: 'save', target: target.key, draft, editingId: state.editingId });
}

function announce(text: string, isError = false): void {
  const status = field<HTMLElement>('status');
  status.className = isError ? 'status error' : 'status';
  status.textContent = text;
}

const form: LogForm = {
  get state(): LogState {
    return state as LogState;
  },
  send: (message) => vscode.postMessage(message),
  persist,
};

/** Builds the form from the state, section by section, and wires saving and change reports. */
function render(): void {
  if (!state) {
    return;
  }
  root.querySelector('form')?.setAttribute('data-retired', '');
  const node = el('form', { id: 'log-form', noValidate: true });
  node.setAttribute('aria-label', state.strings.title);
  node.append(
    ...renderTarget(form),
    ...renderEditing(form),
    renderLink(form),
    renderTitle(form),
    ...renderKindAndReasons(form),
    renderSmart(form),
    renderCost(form),
    ...renderAnonymous(form),
    ...renderActions(form),
  );
  // A focused field removed with its form reports a change as it goes; that form is no longer the draft.
  const live = (report: () => void) => () => {
    if (!node.hasAttribute('data-retired')) report();
  };
  node.addEventListener(
    'input',
    live(() => {
      // What the last Save said is about what was then in the form, not what is being typed now.
      announce('');
      persist();
    }),
  );
  // The components report a choice with a `change` that does not bubble; the capture phase still sees it.
  node.addEventListener('change', live(persist), true);
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  });
  root.replaceChildren(node);
  // A restored draft may already be too long: its counters show before anyone types.
  for (const control of node.querySelectorAll<TextControl>('[data-limit]')) {
    checkLength(state, control);
  }
  updateDerived();
}

/** Takes a form the host sent; fields it left out (undefined does not survive the message's JSON) are cleared. */
function show(next: FormContents): void {
  if (state) {
    Object.assign(state, { form: next.form, target: next.target, draft: next.draft, editingId: next.editingId, aside: next.aside ?? [] });
  }
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
        show(message);
        render();
        field<VscodeTextfield>('title').focus();
      }
      return;
    case 'saved':
      if (state) {
        show(message.next);
        render();
        const said = [format(state.strings.saved, isolateBidi(message.title)), message.note ?? ''];
        if (message.restored !== undefined) {
          said.push(format(state.strings.restored, isolateBidi(message.restored || state.strings.untitled)));
        }
        announce(said.filter(Boolean).join(' '));
        field<VscodeTextfield>('title').focus();
      }
      return;
    case 'saveFailed':
      updateTarget();
      announce(message.message, true);
      return;
  }
});

vscode.postMessage({ type: 'ready' });

import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { el } from '../dom';
import './vscodeElements';

/** A text control the webviews draw: a `vscode-textfield` or `vscode-textarea`. Its `value` is the typed text (UTF-16 units). */
export type TextControl = VscodeTextfield | VscodeTextarea;

/**
 * Gives a teammate's text its own direction once the control has drawn its inner field: `dir="auto"` on
 * the host would be worked out from the host's (empty) content, not from what is typed inside it.
 */
export function autoDirection(control: TextControl): void {
  void control.updateComplete.then(() => control.shadowRoot?.querySelector('input, textarea')?.setAttribute('dir', 'auto'));
}

/** A one-line text field; `label` names it to screen readers, since a `<label for>` does not reach the field inside the component. */
export function textField(id: string, label: string, props: Partial<VscodeTextfield> = {}): VscodeTextfield {
  const field = el('vscode-textfield', { id, label, ...props });
  autoDirection(field);
  return field;
}

/** A text area without a resize grip (the component's default), `rows` lines high. */
export function textArea(id: string, label: string, rows: number, props: Partial<VscodeTextarea> = {}): VscodeTextarea {
  const area = el('vscode-textarea', { id, label, rows, ...props });
  autoDirection(area);
  return area;
}

/** A drop-down of `[value, text]` choices with `selected` chosen; it reports `change` without bubbling, so forms listen in the capture phase. */
export function singleSelect(id: string, label: string, choices: readonly (readonly [string, string])[], selected: string | undefined, props: Partial<VscodeSingleSelect> = {}): VscodeSingleSelect {
  const select = el('vscode-single-select', { id, label, ...props });
  for (const [value, text] of choices) {
    select.append(el('vscode-option', { value, textContent: text, selected: value === selected }));
  }
  if (selected !== undefined) {
    select.dataset.initial = selected;
  }
  // The component always opens its list downwards, where a short view may cut it off.
  const place = () => {
    const { top, bottom } = select.getBoundingClientRect();
    const listHeight = Math.min(choices.length, 10) * 22 + 8;
    select.position = window.innerHeight - bottom < listHeight && top > window.innerHeight - bottom ? 'above' : 'below';
  };
  select.addEventListener('pointerdown', place, true);
  select.addEventListener('keydown', place, true);
  return select;
}

/**
 * The value chosen in a drop-down from `singleSelect`. The component learns its options from its
 * children only after it is drawn; until then its `value` is empty, and the choice it was built with stands.
 */
export function chosen(select: VscodeSingleSelect): string {
  return select.value || (select.dataset.initial ?? '');
}

/** Marks a control wrong (its red border) and says so to assistive technology, or clears both. */
export function markInvalid(control: HTMLElement & { invalid: boolean }, invalid: boolean): void {
  control.invalid = invalid;
  if (invalid) {
    control.setAttribute('aria-invalid', 'true');
  } else {
    control.removeAttribute('aria-invalid');
  }
}

/**
 * Enables or disables a `vscode-button`. The component takes itself out of the tab order but tells
 * assistive technology nothing, so `aria-disabled` says it too.
 */
export function setDisabled(button: VscodeButton, disabled: boolean): void {
  button.disabled = disabled;
  button.setAttribute('aria-disabled', String(disabled));
}

import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextarea } from '@vscode-elements/elements/dist/vscode-textarea/vscode-textarea.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { el } from '../dom';

// The components themselves are defined by dist/webview/controls.js (./vscodeElements.ts), which each webview loads first.

/** A text control the webviews draw: a `vscode-textfield` or `vscode-textarea`. Its `value` is the typed text (UTF-16 units). */
export type TextControl = VscodeTextfield | VscodeTextarea;

/**
 * Gives a teammate's text its own direction once the control has drawn its inner field: `dir="auto"` on
 * the host would be worked out from the host's (empty) content, not from what is typed inside it.
 */
export function autoDirection(control: TextControl): void {
  void control.updateComplete.then(() => control.shadowRoot?.querySelector('input, textarea')?.setAttribute('dir', 'auto'));
}

/** The field a screen reader is on, inside a component's shadow root: its input, text area or drop-down face. */
function innerField(control: Element): Element | null | undefined {
  return control.shadowRoot?.querySelector('input, textarea, [role="combobox"]');
}

/**
 * Reads the texts that the control's `aria-describedby` names onto its inner field, as
 * `aria-description` (WAI-ARIA 1.3), once the control is drawn and whenever they change or hide:
 * an id reference does not reach into a shadow root, so the hint beside a field would go unread.
 */
export function mirrorDescription(control: HTMLElement & { updateComplete: Promise<unknown> }): void {
  void control.updateComplete.then(() => {
    const field = innerField(control);
    const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '');
    const sources = ids.map((id) => document.getElementById(id)).filter((node): node is HTMLElement => node !== null);
    if (!field || sources.length === 0) return;
    const copy = () => {
      const text = sources.filter((node) => !node.hidden).map((node) => node.textContent?.trim() ?? '').filter((part) => part !== '').join(' ');
      if (text === '') field.removeAttribute('aria-description');
      else field.setAttribute('aria-description', text);
    };
    copy();
    const watch = new MutationObserver(copy);
    for (const node of sources) watch.observe(node, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });
}

/** A one-line text field; `label` names it to screen readers, since a `<label for>` does not reach the field inside the component. */
export function textField(id: string, label: string, props: Partial<VscodeTextfield> = {}): VscodeTextfield {
  const field = el('vscode-textfield', { id, label, ...props });
  autoDirection(field);
  mirrorDescription(field);
  return field;
}

/** A text area without a resize grip (the component's default), `rows` lines high. */
export function textArea(id: string, label: string, rows: number, props: Partial<VscodeTextarea> = {}): VscodeTextarea {
  const area = el('vscode-textarea', { id, label, rows, ...props });
  autoDirection(area);
  mirrorDescription(area);
  return area;
}

/** Style sheets for the inside of components, by the rule they hold; each is made once and shared. */
const insideSheets = new Map<string, CSSStyleSheet>();

/**
 * Adds `rule` to the style of `control`'s shadow root once the control is drawn: the page's style
 * sheets do not reach inside it. Adopted, not inlined, so the webviews' CSP allows it.
 */
function styleInside(control: VscodeSingleSelect | VscodeTextfield, rule: string): void {
  let sheet = insideSheets.get(rule);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    insideSheets.set(rule, sheet);
  }
  const adopted = sheet;
  void control.updateComplete.then(() => {
    const root = control.shadowRoot;
    if (root) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, adopted];
    }
  });
}

/** A drop-down of `[value, text]` choices with `selected` chosen; it reports `change` without bubbling, so forms listen in the capture phase. */
export function singleSelect(id: string, label: string, choices: readonly (readonly [string, string])[], selected: string | undefined, props: Partial<VscodeSingleSelect> = {}): VscodeSingleSelect {
  const select = el('vscode-single-select', { id, label, ...props });
  setChoices(select, choices, selected);
  // The component makes its list as wide as the control and cuts longer choices; here it grows to the longest, within the window.
  styleInside(select, '.dropdown { width: max-content !important; min-width: var(--list-min, 0); max-width: var(--list-max, none); }');
  // The component always opens its list downwards, where a short view may cut it off.
  const place = () => {
    const { top, bottom, left, width } = select.getBoundingClientRect();
    const listHeight = Math.min(select.querySelectorAll('vscode-option').length, 10) * 22 + 8;
    select.position = window.innerHeight - bottom < listHeight && top > window.innerHeight - bottom ? 'above' : 'below';
    select.style.setProperty('--list-min', `${width}px`);
    select.style.setProperty('--list-max', `${Math.max(width, document.documentElement.clientWidth - left - 4)}px`);
  };
  select.addEventListener('pointerdown', place, true);
  select.addEventListener('keydown', place, true);
  return select;
}

/** Replaces the choices of a drop-down from `singleSelect` (choices that arrive later, say), with `selected` chosen. */
export function setChoices(select: VscodeSingleSelect, choices: readonly (readonly [string, string])[], selected: string | undefined): void {
  select.replaceChildren(...choices.map(([value, text]) => el('vscode-option', { value, textContent: text, selected: value === selected })));
  if (selected !== undefined) {
    select.dataset.initial = selected;
  } else {
    delete select.dataset.initial;
  }
}

/**
 * The value chosen in a drop-down from `singleSelect`. The component learns its options from its
 * children only after it is drawn; until then nothing is selected, and the choice it was built with
 * stands. An empty value chosen afterwards (a "choose…" option) is a choice too.
 */
export function chosen(select: VscodeSingleSelect): string {
  return select.selectedIndex >= 0 ? select.value : (select.dataset.initial ?? '');
}

/**
 * Marks a control wrong (its red border) and says so to assistive technology, or clears both. The
 * field a screen reader is on lives in the component's shadow root, which the host's attribute does
 * not reach, so the field carries it too.
 */
export function markInvalid(control: HTMLElement & { invalid: boolean; updateComplete: Promise<unknown> }, invalid: boolean): void {
  control.invalid = invalid;
  const mark = (node: Element | null | undefined) => (invalid ? node?.setAttribute('aria-invalid', 'true') : node?.removeAttribute('aria-invalid'));
  mark(control);
  void control.updateComplete.then(() => mark(innerField(control)));
}

/**
 * Enables or disables a `vscode-button`. The component takes itself out of the tab order but tells
 * assistive technology nothing, so `aria-disabled` says it too.
 */
export function setDisabled(button: VscodeButton, disabled: boolean): void {
  button.disabled = disabled;
  button.setAttribute('aria-disabled', String(disabled));
}

/** A `vscode-button` that does not submit a form: `secondary` makes the less prominent kind; disabled as `setDisabled` does it. */
export function actionButton(id: string, props: Partial<VscodeButton>, ...children: (Node | string)[]): VscodeButton {
  const { disabled = false, ...rest } = props;
  const button = el('vscode-button', { id, type: 'button', ...rest }, ...children);
  setDisabled(button, disabled);
  return button;
}

/**
 * A date field (its `value` is YYYY-MM-DD, or '') that shows nothing while it is empty and not focused,
 * so that its format is not read as a date; the caller says "no date" beside it.
 */
export function dateField(id: string, label: string, props: Partial<VscodeTextfield> = {}): VscodeTextfield {
  const field = textField(id, label, { ...props, type: 'date' });
  const markEmpty = () => field.toggleAttribute('data-empty', field.value === '');
  markEmpty();
  field.addEventListener('input', markEmpty);
  // Its mm/dd/yyyy mask is a format, not a date.
  styleInside(field, ':host([data-empty]:not([focused])) input::-webkit-datetime-edit { color: transparent; }');
  return field;
}

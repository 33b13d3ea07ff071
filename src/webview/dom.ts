/** Small DOM builders for the webviews. Text goes in through `textContent` only, never as markup. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, index: string) => String(values[Number(index)] ?? ''));
}

export function icon(name: string): HTMLElement {
  const node = el('span', { className: `codicon codicon-${name}` });
  node.setAttribute('aria-hidden', 'true');
  return node;
}

export function labelled(id: string, text: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  const wrapper = el('div', { className: 'field' }, el('label', { htmlFor: id, textContent: text }));
  if (hint) {
    const hintNode = el('div', { className: 'hint', id: `${id}-hint`, textContent: hint });
    control.setAttribute('aria-describedby', hintNode.id);
    wrapper.append(hintNode);
  }
  wrapper.append(control);
  return wrapper;
}

/**
 * A teammate's text in an element of its own: `dir="auto"` gives it the direction of its first strong
 * character and isolates it (HTML's `<bdi>` behaviour), so right-to-left text reads correctly and
 * cannot reorder its neighbours. `title` shows the whole text where the layout cuts it short.
 */
export function userText<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return el(tag, { className, textContent: text, dir: 'auto', title: text, ...props });
}

/** Where a control's caret lives: the control itself, or the input or textarea inside a component's shadow root. */
function typingField(control: Element | undefined): HTMLInputElement | HTMLTextAreaElement | undefined {
  const field = control?.shadowRoot?.querySelector('input, textarea') ?? control;
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field : undefined;
}

/**
 * Runs `rerender`, then gives focus and the caret back to the control with the same id, so a
 * re-render does not interrupt typing. A control that is gone hands focus to the first of the ids
 * in its `data-stand-ins` that still exists, rather than dropping it to the page.
 */
export function keepingFocus(scope: Node, rerender: () => void): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && scope.contains(active) ? active : undefined;
  const field = typingField(focused);
  // Null where the field has no caret (a date, a checkbox).
  const start = field?.selectionStart ?? null;
  const end = field?.selectionEnd ?? start;
  rerender();
  if (!focused?.id) {
    return;
  }
  const candidates = [focused.id, ...(focused.dataset.standIns ?? '').split(' ').filter((id) => id !== '')];
  const again = candidates.map((id) => document.getElementById(id)).find((node) => node !== null);
  if (!again) {
    return;
  }
  const restore = () => {
    again.focus({ preventScroll: true });
    const caret = again.id === focused.id ? typingField(again) : undefined;
    if (caret && start !== null && end !== null && caret.selectionStart !== null) {
      caret.setSelectionRange(start, end);
    }
  };
  // A component draws the field it delegates focus to only once it is in the page.
  const drawn = (again as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  if (drawn) {
    void drawn.then(restore);
  } else {
    restore();
  }
}

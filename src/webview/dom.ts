/** Small DOM builders for the webviews. Text goes in through `textContent` only, never as markup. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: Node[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
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

export function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  return el('option', { value, textContent: text, selected });
}

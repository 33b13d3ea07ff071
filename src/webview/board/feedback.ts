import { el, icon } from '../dom';

/** The result of the person's last action, said next to the control that caused it. */
interface Feedback {
  anchor: string;
  text: string;
  isError: boolean;
}

/** The id of the control the person last acted with (a button, a card moved by keyboard or dragged); results are said next to it. */
let lastControl: string | undefined;
let shown: Feedback | undefined;

/** What counts as the control of an action: a button, a drop-down, or a card, which Alt+arrows and dragging move. */
function controlOf(target: EventTarget | null): HTMLElement | undefined {
  const node = target instanceof Element ? target.closest<HTMLElement>('button[id], vscode-button[id], vscode-single-select[id], .card[id]') : null;
  return node ?? undefined;
}

/**
 * Follows which control the person acts with, and clears the last result as soon as the next edit
 * starts (typing, or another action), so an old "Decision recorded" never sits beside new work.
 */
export function watchActions(root: HTMLElement): void {
  const note = (event: Event) => {
    const control = controlOf(event.target);
    if (control && root.contains(control)) {
      lastControl = control.id;
      clearFeedback();
    }
  };
  root.addEventListener('click', note, true);
  root.addEventListener('dragstart', note, true);
  root.addEventListener('submit', (event) => {
    const button = (event.target as HTMLFormElement).querySelector<HTMLElement>('vscode-button[type="submit"][id]');
    if (button) lastControl = button.id;
  }, true);
  root.addEventListener('keydown', (event) => {
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) note(event);
  }, true);
  root.addEventListener('input', clearFeedback, true);
}

export function clearFeedback(): void {
  shown = undefined;
  document.getElementById('status')?.remove();
}

/**
 * Puts the shown result next to its control again, after a re-render. When the control is gone (a
 * follow-up marked done leaves its list, say), it forgets the result and returns it, so the caller can say it another way.
 */
export function placeFeedback(): { text: string; isError: boolean } | undefined {
  document.getElementById('status')?.remove();
  if (!shown) {
    return undefined;
  }
  const anchor = document.getElementById(shown.anchor);
  if (!anchor) {
    const lost = shown;
    shown = undefined;
    return lost;
  }
  const node = el('span', { id: 'status', className: shown.isError ? 'feedback error' : 'feedback' }, icon(shown.isError ? 'error' : 'check'), el('span', { textContent: shown.text }));
  // In a card, the note goes under its buttons; elsewhere right after the control.
  if (anchor.classList.contains('card')) {
    anchor.append(node);
  } else {
    anchor.insertAdjacentElement('afterend', node);
  }
  return undefined;
}

/**
 * Says an action's result next to the control that caused it. Returns false when that control is no
 * longer on the board (the card moved out of the filter, say), so the caller says it another way.
 */
export function showFeedback(text: string, isError: boolean): boolean {
  if (lastControl === undefined) {
    return false;
  }
  shown = { anchor: lastControl, text, isError };
  return placeFeedback() === undefined;
}

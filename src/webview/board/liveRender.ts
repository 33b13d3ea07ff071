/**
 * Re-rendering while teammates' changes arrive, without disturbing the person: every scrolled element
 * keeps its scroll, and a card being dragged is not torn out from under the pointer.
 */

/**
 * Runs `rerender`, then scrolls every element that was scrolled (the columns, a long textarea…) back to
 * where it was, matched by id. The window's own scroll and the focus are kept by the caller.
 */
export function keepingScroll(scope: HTMLElement, rerender: () => void): void {
  const scrolled: { id: string; top: number; left: number }[] = [];
  for (const node of scope.querySelectorAll<HTMLElement>('[id]')) {
    if (node.scrollTop !== 0 || node.scrollLeft !== 0) scrolled.push({ id: node.id, top: node.scrollTop, left: node.scrollLeft });
  }
  rerender();
  for (const { id, top, left } of scrolled) {
    const again = document.getElementById(id);
    if (again && scope.contains(again)) {
      again.scrollTop = top;
      again.scrollLeft = left;
    }
  }
}

/**
 * Holds snapshots back while a card is dragged: replacing the board would cancel the drag. The last
 * render asked for runs when the drag ends.
 */
export function deferWhileDragging(target: Document): (render: () => void) => void {
  let dragging = false;
  let waiting: (() => void) | undefined;
  target.addEventListener('dragstart', () => {
    dragging = true;
  });
  const ended = () => {
    dragging = false;
    const render = waiting;
    waiting = undefined;
    render?.();
  };
  target.addEventListener('dragend', ended);
  target.addEventListener('drop', () => setTimeout(ended, 0));
  return (render) => {
    if (dragging) waiting = render;
    else render();
  };
}

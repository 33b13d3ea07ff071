import type { CardView } from '../../core/retro/boardQuery';
import type { Board } from './context';
import { renderDetail } from './detail';
import { el, icon, keepingFocus, userText } from '../dom';

function cardOf(board: Board, id: string): CardView | undefined {
  return board.state.view.columns.flatMap((column) => column.cards).find((card) => card.id === id);
}

/** One open card in the pane: its title, a close button and the detail, which fills in when the full entry arrives. */
function section(board: Board, card: CardView): HTMLElement {
  const { strings } = board.state;
  const close = el('button', { type: 'button', className: 'icon', id: `close-detail-${card.id}`, title: strings.closeDetail });
  close.setAttribute('aria-label', `${strings.closeDetail}: ${card.title}`);
  // Closed, the pane goes; focus returns to the card's own toggle.
  close.dataset.standIns = `expand-${card.id} follow-up-details-${card.id}`;
  close.append(icon('close'));
  close.addEventListener('click', () => board.toggle(card.id));
  const detail = el('div', { className: 'detail', id: `detail-${card.id}` });
  renderDetail(board, card, detail);
  const node = el('section', { className: 'detail-section', id: `detail-section-${card.id}` });
  node.setAttribute('aria-labelledby', `detail-title-${card.id}`);
  node.append(el('div', { className: 'detail-head' }, userText('h2', 'detail-title', card.title, { id: `detail-title-${card.id}` }), close), detail);
  return node;
}

/**
 * The detail pane beside the lists: the open card's answers, comments, decision form and merging get
 * the width a decision needs, not the card's column. Undefined when no card is open. Escape in it closes it.
 */
export function renderDetailPane(board: Board, open: readonly string[]): HTMLElement | undefined {
  const cards = open.map((id) => cardOf(board, id)).filter((card): card is CardView => card !== undefined);
  if (cards.length === 0) {
    return undefined;
  }
  const pane = el('aside', { className: 'detail-pane', id: 'detail-pane' });
  pane.setAttribute('aria-label', board.state.strings.decisionHeading);
  pane.append(...cards.map((card) => section(board, card)));
  pane.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    // Escape inside a drop-down or a field belongs to it (closing its list, say); elsewhere it closes the card.
    if (event.key === 'Escape' && !target.closest('vscode-single-select, vscode-textfield, vscode-textarea')) {
      const sectionNode = target.closest('.detail-section');
      const id = sectionNode?.id.replace('detail-section-', '');
      if (id) {
        event.preventDefault();
        board.toggle(id);
        document.getElementById(`expand-${id}`)?.focus();
      }
    }
  });
  return pane;
}

/** Fills an open card's detail once its full entry arrives, without re-rendering the board. */
export function renderDetailInto(board: Board, id: string): void {
  const container = document.getElementById(`detail-${id}`);
  const card = cardOf(board, id);
  if (container && card) {
    keepingFocus(container, () => renderDetail(board, card, container));
  }
}

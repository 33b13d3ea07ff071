import { isOpenableTrackingUrl } from '../../core/tracker/trackingUrl';
import type { TrackerAction } from '../../protocol/boardMessages';
import type { Board } from './context';
import { el, icon, userText } from '../dom';
import { actionButton } from '../controls/controls';

/**
 * A decision's tracking link and what can be done with it. The address is a teammate's text, shown
 * inert; opening it is a request to the extension, which checks it again and opens only https. With
 * no link, Create Issue… and Link Issue… ask the extension for one. `editable` false (the follow-ups
 * list) leaves only the link and its Open button.
 */
export function trackingControl(board: Board, id: string, title: string, url: string | undefined, editable = true): HTMLElement {
  const { strings, readOnly } = board.state;
  const container = el('div', { className: 'tracking', id: `tracking-${id}` });
  const button = (action: TrackerAction, codicon: string, disabled: boolean) => {
    const node = actionButton(`tracker-${action}-${id}`, { secondary: true, disabled }, icon(codicon), el('span', { textContent: strings.trackerActions[action] }));
    node.setAttribute('aria-label', `${strings.trackerActions[action]}: ${title}`);
    node.addEventListener('click', () => board.send({ type: 'tracker', id, action }));
    return node;
  };
  if (url === undefined) {
    container.append(el('span', { className: 'hint', textContent: strings.noTrackingLink }), button('create', 'issues', readOnly), button('link', 'link', readOnly));
    return container;
  }
  container.append(
    el('span', { className: 'tracking-label', textContent: `${strings.trackingLink}:` }),
    userText('span', 'tracking-url', url),
    // The page never opens an address; a link that is not https gets no button.
    ...(isOpenableTrackingUrl(url) ? [button('open', 'link-external', false)] : []),
    ...(editable ? [button('unlink', 'close', readOnly)] : []),
  );
  return container;
}

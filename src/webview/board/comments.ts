import type { CommentView, EntryDetail } from '../../protocol/boardMessages';
import type { Board } from './context';
import { el, format, userText } from '../dom';
import { actionButton, mirrorDescription, textArea } from '../controls/controls';

/** Draft fields of the thread: the new comment, whether it is anonymous, and one per comment being edited. */
export const NEW_COMMENT = 'comment';
export const NEW_COMMENT_ANONYMOUS = 'commentAnonymous';
export function editField(commentId: string): string {
  return `comment-edit:${commentId}`;
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** A comment being edited in place: its text as the person left it, Save and Cancel. */
function editor(board: Board, entryId: string, comment: CommentView): HTMLElement {
  const { strings, readOnly } = board.state;
  const field = editField(comment.id);
  const text = textArea(`comment-edit-${comment.id}`, strings.editComment, 3, { value: board.draft(entryId, field, comment.text), maxLength: 20000 });
  text.addEventListener('input', () => board.setDraft(entryId, field, text.value));
  const save = actionButton(`comment-save-${comment.id}`, { textContent: strings.saveComment, disabled: readOnly });
  save.addEventListener('click', () => board.sendComment({ type: 'editComment', id: entryId, commentId: comment.id, text: text.value }));
  const cancel = actionButton(`comment-cancel-${comment.id}`, { secondary: true, textContent: strings.cancelEdit });
  cancel.addEventListener('click', () => board.clearDraft(entryId, [field]));
  return el('div', { className: 'comment-editor' }, text, el('div', { className: 'actions' }, save, cancel));
}

function item(board: Board, entryId: string, comment: CommentView): HTMLElement {
  const { strings, readOnly } = board.state;
  const parts: (Node | string)[] = [userText('span', 'author', comment.author ?? strings.anonymous), ` · ${day(comment.created)}`];
  if (comment.edited) {
    parts.push(` · ${format(strings.commentEdited, day(comment.edited))}`);
  }
  const li = el('li', { id: `comment-${comment.id}` }, el('div', { className: 'hint byline' }, ...parts));
  const editing = board.draft(entryId, editField(comment.id), '\u0000') !== '\u0000';
  if (comment.mine && editing) {
    li.append(editor(board, entryId, comment));
    return li;
  }
  li.append(userText('div', 'answer comment-text', comment.text, { title: '' }));
  if (comment.mine && !readOnly) {
    const edit = el('button', { type: 'button', className: 'link-button', id: `comment-edit-button-${comment.id}`, textContent: strings.editComment });
    edit.dataset.standIns = `comment-edit-${comment.id}`;
    edit.addEventListener('click', () => {
      board.setDraft(entryId, editField(comment.id), comment.text);
      board.refreshDetail(entryId);
    });
    const remove = el('button', { type: 'button', className: 'link-button', id: `comment-delete-${comment.id}`, textContent: strings.deleteComment });
    remove.addEventListener('click', () => board.sendComment({ type: 'deleteComment', id: entryId, commentId: comment.id }));
    li.append(el('div', { className: 'comment-actions' }, edit, remove));
  }
  return li;
}

/** The form for a new comment, with the anonymous choice and what it does not hide, as the Log form says it. */
function form(board: Board, entryId: string): HTMLElement {
  const { strings, readOnly, anonymousByDefault } = board.state;
  const text = textArea(`comment-new-${entryId}`, strings.commentLabel, 2, { value: board.draft(entryId, NEW_COMMENT, ''), maxLength: 20000, disabled: readOnly });
  text.addEventListener('input', () => board.setDraft(entryId, NEW_COMMENT, text.value));
  const anonymous = el('vscode-checkbox', {
    id: `comment-anonymous-${entryId}`,
    label: strings.commentAnonymous,
    checked: board.draft(entryId, NEW_COMMENT_ANONYMOUS, String(anonymousByDefault)) === 'true',
    disabled: readOnly,
  });
  anonymous.addEventListener('change', () => board.setDraft(entryId, NEW_COMMENT_ANONYMOUS, String(anonymous.checked)));
  const disclosure = el('div', { className: 'hint', id: `comment-anonymous-hint-${entryId}`, textContent: strings.commentDisclosure });
  anonymous.setAttribute('aria-describedby', disclosure.id);
  mirrorDescription(anonymous);
  const errors = el('div', { className: 'error', id: `comment-errors-${entryId}`, hidden: true });
  errors.setAttribute('role', 'alert');
  const post = actionButton(`comment-post-${entryId}`, { textContent: strings.addComment, disabled: readOnly });
  post.addEventListener('click', () => board.sendComment({ type: 'comment', id: entryId, text: text.value, anonymous: anonymous.checked }));
  const label = el('label', { htmlFor: text.id, textContent: strings.commentLabel });
  return el('div', { className: 'comment-form' }, label, text, anonymous, disclosure, errors, el('div', { className: 'actions' }, post));
}

/** The card's thread: every live comment, oldest first, the viewer's own with Edit and Delete, then the form for a new one. */
export function renderComments(board: Board, detail: EntryDetail): HTMLElement {
  const { strings } = board.state;
  const section = el('section', { className: 'comments' }, el('h3', { textContent: strings.comments }));
  if (detail.comments.length === 0) {
    section.append(el('p', { className: 'hint', textContent: strings.noComments }));
  } else {
    const list = el('ul');
    list.append(...detail.comments.map((comment) => item(board, detail.id, comment)));
    section.append(list);
  }
  section.append(form(board, detail.id));
  return section;
}

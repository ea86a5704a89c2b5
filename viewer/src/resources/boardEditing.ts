import { t } from '../i18n/i18n.ts';
import { boardApi } from './boardApi.ts';
import { boardForm } from './boardForm.ts';
import { boardProblem } from './boardProblem.ts';
import type { ResourcesState, Side } from './resourcesState.ts';

interface BoardEditingParts {
  state: ResourcesState;
  /** Where the form opens, and the line above the lists that says what happened. */
  editorArea: HTMLElement;
  flash: HTMLElement;
  /** Read a list again (and the selected record's matches): after a write, or a refusal that says it is out of date. */
  refresh: (side: Side) => void;
}

/** A refusal that means the list shown is out of date: the record changed (412) or is gone (404). */
const isStale = (message: string) => message === 'board.problem.stale' || message === 'board.problem.notFound';

/**
 * The board's writes — create, edit, close, delete — on the resources view's lists: the form in the editor
 * area, a confirmation before close and delete, and one line that says what happened (or why not).
 */
export function boardEditing({ state, editorArea, flash, refresh }: BoardEditingParts) {
  const recordOf = (side: Side, id: string) => (side === 'demands' ? state.demands.items : state.offers.items).find((r) => r.id === id);
  const say = (text: string) => {
    flash.textContent = text;
    flash.removeAttribute('title');
  };
  /** The button that opened the editor (new, or a record's edit): focus goes back to it when the editor closes. */
  let editorOpener: HTMLElement | null = null;
  const closeEditor = () => {
    state.editing = null;
    editorArea.hidden = true;
    editorArea.replaceChildren();
    if (editorOpener?.isConnected) editorOpener.focus();
    editorOpener = null;
  };
  const refreshOnStale = (side: Side) => (error: unknown) => {
    if (isStale(boardProblem(error).message)) refresh(side);
    throw error;
  };

  const openEditor = (side: Side, id?: string) => {
    const record = id ? recordOf(side, id) : undefined;
    if (id && !record) return;
    state.editing = { side, id };
    editorOpener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    say('');
    const form = boardForm({
      side,
      record,
      kind: state.kind || undefined,
      cancel: closeEditor,
      submit: (body) =>
        (record ? boardApi.update(side, record, body) : boardApi.create(side, body)).then((saved) => {
          closeEditor();
          say(t(record ? 'board.saved' : 'board.created', { title: saved.title }));
          refresh(side);
        }, refreshOnStale(side)),
    });
    editorArea.replaceChildren(form);
    editorArea.hidden = false;
    editorArea.scrollIntoView({ block: 'nearest' });
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  };

  /** Close and delete ask first, then say what happened (or why not) above the lists. */
  const act = (
    side: Side,
    id: string,
    confirmKey: 'board.confirmClose' | 'board.confirmDelete',
    doneKey: 'board.closed' | 'board.deleted',
    run: typeof boardApi.remove,
  ) => {
    const record = recordOf(side, id);
    if (!record || !window.confirm(t(confirmKey, { title: record.title }))) return;
    run(side, record).then(
      () => {
        say(t(doneKey, { title: record.title }));
        if (state.selected?.id === id && doneKey === 'board.deleted') state.selected = null;
        refresh(side);
      },
      (error: unknown) => {
        const problem = boardProblem(error);
        say(t(problem.message));
        flash.title = problem.detail; // the API's own words, on hover
        if (isStale(problem.message)) refresh(side);
      },
    );
  };

  return {
    openEditor,
    closeRecord: (side: Side, id: string) =>
      act(side, id, 'board.confirmClose', 'board.closed', async (s, r) => {
        await boardApi.close(s, r);
      }),
    removeRecord: (side: Side, id: string) => act(side, id, 'board.confirmDelete', 'board.deleted', boardApi.remove),
  };
}

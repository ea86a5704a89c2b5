import { api, ApiError } from '../api/client.ts';
import { apiKey, onApiKeyChange } from '../api/apiKey.ts';
import type { ChainSummary, MapSegment, ReviewDecisionBody } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { lang, t } from '../i18n/i18n.ts';
import { firmCard, type ReviewHandlers } from '../review/reviewCards.ts';
import { initialReviewState, segmentLabel, withOutcome, withPage, type ReviewState } from '../review/reviewState.ts';
import { apiKeyForm, focusKeyInput } from '../ui/apiKeyForm.ts';
import { el } from '../ui/el.ts';
import { emptyState, errorState, loadingState } from '../ui/status.ts';

const pageSize = 20;

/**
 * `#/review`: the attachment review queue (待审挂链) — imported firms the classifier would not attach
 * on its own, each with its top-3 suggested segments and their evidence. A person confirms one,
 * chooses another segment, or rejects; that needs the API key. State lives in review/reviewState.ts,
 * the cards are drawn by review/reviewCards.ts; this module only loads, sends and redraws.
 */
export const reviewView: ViewDefinition = {
  id: 'review',
  pattern: '/review',
  section: 'review',
  mount({ container }) {
    let state: ReviewState = initialReviewState();
    let chains: ChainSummary[] = [];
    let segments: MapSegment[] | null = null;
    let live = true;
    // English names of the chains and segments in the queue, read from each chain's map once (the queue has Chinese names only)
    const namesEn = new Map<string, string>();
    const namedChains = new Set<string>();
    const loadNames = () => {
      if (lang() !== 'en') return;
      for (const chainId of new Set(state.items.flatMap((i) => i.suggestions.map((s) => s.chainId)))) {
        if (namedChains.has(chainId)) continue;
        namedChains.add(chainId);
        api.chainMap(chainId).then(
          (map) => {
            if (map.chain.nameEn) namesEn.set(chainId, map.chain.nameEn);
            for (const s of map.segments) if (s.nameEn) namesEn.set(s.segmentId, s.nameEn);
            if (live) render();
          },
          () => namedChains.delete(chainId), // the Chinese name stays; a later page tries again
        );
      }
    };

    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const keyArea = el('div', { class: 'panel key-panel' });
    const count = el('p', { class: 'review-count', 'aria-live': 'polite' });
    const message = el('div', { class: 'review-message', 'aria-live': 'assertive' });
    const list = el('div', { class: 'review-list' });
    container.append(
      el(
        'section',
        { class: 'view view-review', 'aria-labelledby': 'view-title' },
        el('header', { class: 'view-head' }, title, intro),
        keyArea,
        count,
        message,
        list,
      ),
    );

    const labels = () => {
      title.textContent = t('nav.review');
      intro.textContent = t('review.intro');
      keyArea.replaceChildren(el('h2', { class: 'key-title' }, t('m.keyTitle')), apiKeyForm('review'));
    };

    const render = () => {
      count.textContent = state.loaded ? t('review.total', { n: state.total }) : '';
      if (!state.loaded) return;
      if (state.items.length === 0) return list.replaceChildren(emptyState(t('review.empty'), t('review.emptyTitle')));
      const more = state.nextCursor ? el('button', { type: 'button', class: 'btn small load-more', onclick: () => load(true) }, t('explore.more')) : null;
      list.replaceChildren(
        el(
          'ol',
          { class: 'review-cards' },
          state.items.map((entry) => firmCard(entry, state, { chains, segments, namesEn }, handlers)),
        ),
        more ?? '',
      );
    };

    const load = (append = false) => {
      if (!append) list.replaceChildren(loadingState());
      api.reviewQueue({ limit: pageSize, cursor: append ? state.nextCursor : undefined }).then(
        (page) => {
          if (!live) return;
          state = withPage(state, page, append);
          render();
          loadNames();
        },
        (error: unknown) => live && list.replaceChildren(errorState(error, () => load(append))),
      );
    };

    const show = (kind: 'ok' | 'error', ...content: (Node | string)[]) =>
      message.replaceChildren(el('div', { class: kind === 'ok' ? 'match-ok' : 'record-error', role: kind === 'ok' ? 'status' : 'alert' }, ...content));

    const send = (firmId: string, body: ReviewDecisionBody) => {
      if (!apiKey()) {
        show('error', el('p', { class: 'state-title' }, t('review.needKey')));
        return focusKeyInput(keyArea);
      }
      const firm = state.items.find((i) => i.firm.id === firmId)?.firm.name ?? firmId;
      const target =
        'segmentId' in body && body.segmentId
          ? ((lang() === 'en' ? namesEn.get(body.segmentId) : undefined) ??
            segmentLabel(state, firmId, body.segmentId) ??
            segments?.find((s) => s.segmentId === body.segmentId)?.name ??
            body.segmentId)
          : '';
      message.replaceChildren(); // the previous answer is not this one's
      state = { ...state, busy: firmId };
      render();
      api.decideReview(firmId, body).then(
        (outcome) => {
          if (!live) return;
          state = withOutcome(state, outcome);
          show('ok', t(`review.done.${outcome.action}`, { firm, segment: target }));
          render();
        },
        (error: unknown) => {
          if (!live) return;
          state = { ...state, busy: null };
          const problem = error instanceof ApiError ? error : null;
          show('error', problem?.status === 409 ? el('p', { class: 'state-title' }, t('review.conflict')) : errorState(error));
          if (problem?.status === 401 || problem?.status === 403) focusKeyInput(keyArea);
          if (problem?.status === 409) load();
          else render();
        },
      );
    };

    const handlers: ReviewHandlers = {
      confirm: (firmId, segmentId) => send(firmId, { action: 'confirm', segmentId }),
      reject: (firmId) => send(firmId, { action: 'reject' }),
      reassign: (firmId, segmentId) => send(firmId, { action: 'reassign', segmentId }),
      choose: (firmId) => {
        state = { ...state, choosing: { firmId, chainId: '', segmentId: '' } };
        segments = null;
        render();
        if (chains.length === 0)
          api.chains().then(
            (c) => {
              chains = c;
              render();
            },
            (error: unknown) => show('error', errorState(error)),
          );
      },
      pickChain: (chainId) => {
        if (!state.choosing) return;
        state = { ...state, choosing: { ...state.choosing, chainId, segmentId: '' } };
        segments = null;
        render();
        if (!chainId) return;
        api.chainMap(chainId).then(
          (map) => {
            if (!live || state.choosing?.chainId !== chainId) return; // a later pick wins
            segments = map.segments;
            render();
          },
          (error: unknown) => show('error', errorState(error)),
        );
      },
      pickSegment: (segmentId) => {
        if (!state.choosing) return;
        state = { ...state, choosing: { ...state.choosing, segmentId } };
        render();
      },
      cancel: () => {
        state = { ...state, choosing: null };
        render();
      },
    };

    const stopKey = onApiKeyChange(() => message.replaceChildren());
    labels();
    load();
    return {
      relabel() {
        labels();
        render();
        loadNames();
      },
      destroy() {
        live = false;
        stopKey();
      },
    };
  },
};

import { api } from '../api/client.ts';
import type { AssignObjective, Demand, DemandPage, DemandsForOffer, Offer, OfferPage, OffersForDemand, ResourceAssignment, ResourceKind, UnmetDemand } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { t, tData } from '../i18n/i18n.ts';
import { lostSection, splitHeadline, takenText } from '../resources/assignmentSummary.ts';
import { blockingConstraints, demandTerms, offerTerms, resourceKinds } from '../resources/terms.ts';
import { pathsSection, signalTable } from '../segment/candidateDetail.ts';
import { confidenceLabel, signalLegend, signalScoreBar } from '../segment/candidateList.ts';
import { signalSets } from '../segment/signalBar.ts';
import { downloadCsv, type Table } from '../ui/csv.ts';
import { el } from '../ui/el.ts';
import { fmtNumber, fmtScore } from '../ui/format.ts';
import { recordButton } from '../ui/recordButton.ts';
import { bind, emptyState, errorState } from '../ui/status.ts';
import { tabs, type Tabs } from '../ui/tabs.ts';

type Side = 'demands' | 'offers';
interface ListState<T> {
  items: T[];
  nextCursor: string | null;
  loaded: boolean;
}

function kindBadge(kind: string): HTMLElement {
  return el('span', { class: `chip kind kind-${kind}` }, tData('rkind', kind));
}

/** The one-line "why nothing fits": each blocking constraint as a chip, those that exclude every offer marked. */
function blockingChips(u: UnmetDemand): HTMLElement {
  return el('ul', { class: 'chips blocking', 'aria-label': t('res.blockedBy') }, blockingConstraints(u).slice(0, 4).map((c) =>
    el('li', { class: `chip constraint${c.excludesAll ? ' excludes-all' : ''}`, 'data-constraint': c.constraint },
      c.excludesAll ? el('span', { 'aria-hidden': 'true' }, '⊘ ') : null,
      c.excludesAll ? t('res.excludesAll', { label: c.label, n: c.offers }) : t('res.excludesSome', { label: c.label, n: c.offers }))));
}

/** The list's flag: the constraints that exclude every offer on their own, or "a combination". */
function unmetFlag(u: UnmetDemand): string {
  const all = blockingConstraints(u).filter((c) => c.excludesAll).map((c) => c.label);
  return all.length > 0 ? t('res.unmetFlag', { constraints: all.join(t('list.sep')) }) : t('res.unmetCombined');
}

function unmetBlock(u: UnmetDemand): HTMLElement {
  return el('div', { class: 'unmet-block', role: 'note' },
    el('p', { class: 'unmet-title' }, el('span', { class: 'unmet-icon', 'aria-hidden': 'true' }, '⊘'), t('res.unmetHere')),
    blockingChips(u),
    el('p', { class: 'unmet-reason' }, u.reason));
}

function assignmentTable(a: ResourceAssignment): Table {
  return {
    title: t('res.exportAssign'),
    columns: [
      { key: 'demand', header: t('res.col.demand') }, { key: 'demandOwner', header: t('res.col.demandOwner') }, { key: 'offer', header: t('res.col.offer') },
      { key: 'offerOwner', header: t('res.col.offerOwner') }, { key: 'kind', header: t('res.col.kind') }, { key: 'units', header: t('res.col.units') },
      { key: 'quantity', header: t('res.col.quantity') }, { key: 'score', header: t('res.col.score') }, { key: 'reason', header: t('cand.reason') },
    ],
    rows: a.assignments.map((p) => ({
      demand: p.demandTitle, demandOwner: p.demandOwner.name, offer: p.offerTitle, offerOwner: p.offerOwner.name, kind: tData('rkind', p.kind), units: p.units, quantity: takenText(p), score: p.score, reason: p.explanation.reason,
    })),
  };
}

function unmetTable(a: ResourceAssignment): Table {
  return {
    title: t('res.exportUnmet'),
    columns: [
      { key: 'demand', header: t('res.col.demand') }, { key: 'owner', header: t('res.col.demandOwner') }, { key: 'kind', header: t('res.col.kind') },
      { key: 'blocking', header: t('res.blockedBy') }, { key: 'reason', header: t('cand.reason') },
    ],
    rows: a.unmet.map((u) => ({
      demand: u.title, owner: u.owner.name, kind: tData('rkind', u.kind), blocking: blockingConstraints(u).map((c) => `${c.label} ${c.offers}`).join('；'), reason: u.reason,
    })),
  };
}

/**
 * `#/resources`: the resources board (资源供需) — open demands and offers (kind filter, paged), the
 * ranked matches of the selected one with explanations, and the global assignment with the demands
 * nothing can meet highlighted by the constraint that excluded every offer. Deep link: `?demand=<id>`.
 */
export const resourcesView: ViewDefinition = {
  id: 'resources',
  pattern: '/resources',
  section: 'resources',
  mount({ container, query }) {
    let kind: ResourceKind | '' = (resourceKinds as readonly string[]).includes(query.get('kind') ?? '') ? (query.get('kind') as ResourceKind) : '';
    let objective: AssignObjective = 'total-fit';
    let side: Side = query.get('offer') ? 'offers' : 'demands';
    let demands: ListState<Demand> = { items: [], nextCursor: null, loaded: false };
    let offers: ListState<Offer> = { items: [], nextCursor: null, loaded: false };
    let selected: { side: Side; id: string } | null = query.get('demand') ? { side: 'demands', id: query.get('demand')! } : query.get('offer') ? { side: 'offers', id: query.get('offer')! } : null;
    let matches: OffersForDemand | DemandsForOffer | null = null;
    let assignment: ResourceAssignment | null = null;
    let unmetById = new Map<string, UnmetDemand>();
    let stops: (() => void)[] = [];
    let stopMatch = () => {};
    let stopAssign = () => {};

    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const kindLabel = el('label', { for: 'res-kind', class: 'label' });
    const kindSelect = el('select', { id: 'res-kind', class: 'input' });
    const objectiveLabel = el('label', { for: 'res-objective', class: 'label' });
    const objectiveSelect = el('select', { id: 'res-objective', class: 'input' });
    const runButton = el('button', { type: 'button', id: 'run-assign', class: 'btn primary' });
    const demandsArea = el('div', { class: 'res-list-area', 'aria-live': 'polite' });
    const offersArea = el('div', { class: 'res-list-area', 'aria-live': 'polite' });
    const listHost = el('section', { class: 'col panel res-lists', 'aria-labelledby': 'res-lists-title' });
    const matchArea = el('section', { class: 'col panel res-matches', 'aria-labelledby': 'res-match-title', 'aria-live': 'polite' });
    const assignArea = el('section', { class: 'panel res-assign', id: 'assignment', 'aria-labelledby': 'res-assign-title' });
    let tabBar: Tabs | null = null;

    container.append(el('section', { class: 'view view-resources', 'aria-labelledby': 'view-title' },
      el('header', { class: 'view-head' }, title, intro,
        el('div', { class: 'toolbar' },
          el('div', { class: 'field-inline' }, kindLabel, kindSelect),
          el('div', { class: 'field-inline' }, objectiveLabel, objectiveSelect),
          runButton)),
      el('div', { class: 'resources-layout' }, listHost, matchArea),
      assignArea));

    const syncUrl = () => {
      const params = new URLSearchParams();
      if (kind) params.set('kind', kind);
      if (selected) params.set(selected.side === 'demands' ? 'demand' : 'offer', selected.id);
      const q = params.toString();
      history.replaceState(null, '', `#/resources${q ? `?${q}` : ''}`);
    };

    const labels = () => {
      title.textContent = t('nav.resources');
      intro.textContent = t('res.intro');
      kindLabel.textContent = t('res.kind');
      kindSelect.replaceChildren(el('option', { value: '' }, t('res.allKinds')), ...resourceKinds.map((k) => el('option', { value: k }, tData('rkind', k))));
      kindSelect.value = kind;
      objectiveLabel.textContent = t('res.objective');
      objectiveSelect.replaceChildren(...(['total-fit', 'coverage'] as const).map((o) => el('option', { value: o, title: t(`res.objectiveHint.${o}`) }, t(`res.objective.${o}`))));
      objectiveSelect.value = objective;
      runButton.textContent = t('res.run');
    };

    // ----- the two lists -----
    const tabLabel = (s: Side) => {
      const state = s === 'demands' ? demands : offers;
      const n = state.loaded ? `${state.items.length}${state.nextCursor ? '+' : ''}` : '…';
      return t(s === 'demands' ? 'res.tabDemands' : 'res.tabOffers', { n });
    };

    const selectItem = (s: Side, id: string) => {
      selected = { side: s, id };
      for (const b of listHost.querySelectorAll<HTMLButtonElement>('button.res-title')) {
        const on = b.dataset.side === s && b.dataset.id === id;
        b.setAttribute('aria-pressed', String(on));
        b.closest('li')?.classList.toggle('selected', on);
      }
      // keep the chosen item in sight in its list (it may have been chosen from the assignment table)
      const chosen = listHost.querySelector<HTMLElement>('li.res-item.selected');
      if (chosen) listHost.scrollTo({ top: chosen.offsetTop - listHost.offsetTop - 60 });
      syncUrl();
      loadMatches();
    };

    const itemRow = (s: Side, id: string, name: string, itemKind: string, owner: string, terms: string[]) => {
      const unmet = s === 'demands' ? unmetById.get(id) : undefined;
      const on = selected?.side === s && selected.id === id;
      return el('li', { class: `res-item${on ? ' selected' : ''}${unmet ? ' is-unmet' : ''}`, 'data-id': id },
        el('div', { class: 'res-head' },
          el('button', { type: 'button', class: 'res-title', 'data-side': s, 'data-id': id, 'aria-pressed': String(on), onclick: () => selectItem(s, id) }, name),
          kindBadge(itemKind)),
        el('p', { class: 'res-owner' }, owner),
        terms.length > 0 ? el('p', { class: 'res-terms' }, terms.join(' · ')) : null,
        unmet ? el('p', { class: 'unmet-flag' }, el('span', { 'aria-hidden': 'true' }, '⊘ '), unmetFlag(unmet)) : null);
    };

    const renderList = (s: Side) => {
      const area = s === 'demands' ? demandsArea : offersArea;
      const state = s === 'demands' ? demands : offers;
      if (!state.loaded) return;
      const more = el('button', { type: 'button', class: 'btn small load-more' }, t('explore.more'));
      more.addEventListener('click', () => loadList(s, true));
      const list = state.items.length === 0
        ? emptyState(t(s === 'demands' ? 'res.noDemands' : 'res.noOffers'))
        : el('ul', { class: 'res-items', 'aria-label': tabLabel(s) }, s === 'demands'
          ? demands.items.map((d) => itemRow('demands', d.id, d.title, d.kind, d.owner?.name ?? t('metric.none'), demandTerms(d)))
          : offers.items.map((o) => itemRow('offers', o.id, o.title, o.kind, o.owner?.name ?? t('metric.none'), offerTerms(o))));
      area.replaceChildren(list, state.nextCursor ? more : '');
      tabBar?.relabel({ demands: tabLabel('demands'), offers: tabLabel('offers') }, t('res.listsLabel'));
    };

    type Page = { side: 'demands'; page: DemandPage } | { side: 'offers'; page: OfferPage };
    const fetchPage = (s: Side, cursor?: string): Promise<Page> => {
      const q = { status: 'open' as const, kind: kind || undefined, limit: 100, cursor };
      return s === 'demands' ? api.demands(q).then((page) => ({ side: 'demands', page })) : api.offers(q).then((page) => ({ side: 'offers', page }));
    };
    const store = (r: Page, append: boolean) => {
      if (r.side === 'demands') demands = { items: append ? [...demands.items, ...r.page.items] : r.page.items, nextCursor: r.page.nextCursor, loaded: true };
      else offers = { items: append ? [...offers.items, ...r.page.items] : r.page.items, nextCursor: r.page.nextCursor, loaded: true };
      renderList(r.side);
    };

    const loadList = (s: Side, more = false) => {
      const area = s === 'demands' ? demandsArea : offersArea;
      const state = s === 'demands' ? demands : offers;
      if (more) {
        const button = area.querySelector<HTMLButtonElement>('.load-more');
        if (button) {
          button.disabled = true;
          button.textContent = t('state.loading');
        }
        fetchPage(s, state.nextCursor ?? undefined).then((r) => store(r, true), (error: unknown) => area.append(errorState(error)));
        return;
      }
      if (s === 'demands') demands = { items: [], nextCursor: null, loaded: false };
      else offers = { items: [], nextCursor: null, loaded: false };
      stops.push(bind(area, () => fetchPage(s), (r) => store(r, false)));
    };

    const loadLists = () => {
      for (const stop of stops) stop();
      stops = [];
      loadList('demands');
      loadList('offers');
    };

    // ----- the selected demand's (or offer's) matches -----
    const matchCard = (rank: number, id: string, name: string, owner: string, terms: string[], extra: string | null, score: number, explanation: OffersForDemand['candidates'][number]['explanation'], record: HTMLElement) => {
      const details = el('details', { class: 'res-why' }, el('summary', {}, t('res.why')));
      details.addEventListener('toggle', () => {
        if (details.open && details.children.length === 1) {
          details.append(signalTable(explanation), pathsSection({ id, name, explanation }, Math.max(300, matchArea.clientWidth - 90), `paths-${rank}`));
        }
      });
      return el('li', { class: 'candidate res-match', 'data-id': id },
        el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
        el('div', { class: 'cand-body' },
          el('div', { class: 'cand-head' }, el('span', { class: 'cand-title' }, name), el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(score))),
          el('div', { class: 'cand-meta' }, [owner, extra].filter(Boolean).join(' · ')),
          terms.length > 0 ? el('div', { class: 'cand-meta' }, terms.join(' · ')) : null,
          signalScoreBar(score, explanation.signals, signalSets.resource),
          el('div', { class: 'cand-foot' }, confidenceLabel(explanation.confidence)),
          el('p', { class: 'cand-reason' }, explanation.reason),
          details, record));
    };

    const renderMatches = () => {
      const heading = el('h2', { id: 'res-match-title' }, t('res.matchesTitle'));
      if (!selected) {
        matchArea.replaceChildren(heading, emptyState(t('res.pickOne'), t('res.matchesTitle')));
        return;
      }
      if (!matches) return;
      const m = matches;
      const exclusions = m.excludedBy.filter((x) => x.constraint !== 'kind');
      const exclusionLine = exclusions.length > 0
        ? el('p', { class: 'exclusions' }, el('span', { class: 'label' }, `${t('res.excludedBy')} `), exclusions.map((x) => el('span', { class: 'chip constraint' }, t('res.excludesSome', { label: tData('constraint', x.constraint), n: x.count }))))
        : null;
      if (m.direction === 'offers-for-demand') {
        const d = m.demand;
        matchArea.replaceChildren(heading,
          el('div', { class: 'res-subject' },
            el('h3', { class: 'res-subject-title' }, d.title, ' ', kindBadge(d.kind)),
            el('p', { class: 'muted' }, m.owner.name),
            el('p', { class: 'res-terms' }, demandTerms(d).join(' · ')),
            el('p', { class: 'res-counts' }, t('res.offerCounts', { feasible: m.feasible, considered: m.offersConsidered }), m.declinedHidden > 0 ? ` · ${t('res.declinedHidden', { n: m.declinedHidden })}` : '')),
          exclusionLine ?? '',
          m.unmet ? unmetBlock(m.unmet) : '',
          m.candidates.length === 0
            ? (m.unmet ? '' : emptyState(t('res.noFeasible')))
            : el('div', {}, signalLegend(signalSets.resource), el('ol', { class: 'candidates', 'aria-label': t('res.offersFor', { name: d.title }) }, m.candidates.map((c, i) =>
              matchCard(i + 1, c.offer.id, c.offer.title, c.owner.name, offerTerms(c.offer), t('res.remaining', { n: c.remaining }), c.score, c.explanation,
                recordButton({ kind: 'resource', subjectId: d.id, subjectName: d.title, candidateId: c.offer.id, candidateName: c.offer.title, score: c.score, explanation: c.explanation }, `rec-${i}`))))));
      } else {
        const o = m.offer;
        matchArea.replaceChildren(heading,
          el('div', { class: 'res-subject' },
            el('h3', { class: 'res-subject-title' }, o.title, ' ', kindBadge(o.kind)),
            el('p', { class: 'muted' }, m.owner.name),
            el('p', { class: 'res-terms' }, offerTerms(o).join(' · ')),
            el('p', { class: 'res-counts' }, t('res.demandCounts', { feasible: m.feasible, considered: m.demandsConsidered, remaining: m.remaining }))),
          exclusionLine ?? '',
          m.candidates.length === 0 ? emptyState(t('res.noFeasibleDemand')) : el('div', {}, signalLegend(signalSets.resource), el('ol', { class: 'candidates', 'aria-label': t('res.demandsFor', { name: o.title }) }, m.candidates.map((c, i) =>
            matchCard(i + 1, c.demand.id, c.demand.title, c.owner.name, demandTerms(c.demand), null, c.score, c.explanation,
              recordButton({ kind: 'resource', subjectId: c.demand.id, subjectName: c.demand.title, candidateId: o.id, candidateName: o.title, score: c.score, explanation: c.explanation }, `rec-${i}`))))));
      }
    };

    const loadMatches = () => {
      stopMatch();
      matches = null;
      if (!selected) return renderMatches();
      const body = selected.side === 'demands' ? { demandId: selected.id, limit: 10 } : { offerId: selected.id, limit: 10 };
      const heading = el('h2', { id: 'res-match-title' }, t('res.matchesTitle'));
      const area = el('div', {});
      matchArea.replaceChildren(heading, area);
      stopMatch = bind(area, () => api.matchResources(body), (r) => {
        matches = r;
        renderMatches();
      });
    };

    // ----- the global assignment -----
    const renderAssignment = () => {
      const heading = el('h2', { id: 'res-assign-title' }, t('res.assignTitle'));
      if (!assignment) {
        assignArea.replaceChildren(heading, el('p', { class: 'muted' }, t('res.assignHint')));
        return;
      }
      const a = assignment;
      const fig = (label: string, value: string, note?: string) => el('div', { class: 'figure' }, el('dt', {}, label), el('dd', {}, value, note ? el('span', { class: 'fig-note' }, ` ${note}`) : null));
      const gain = a.baseline ? a.totals.totalFit - a.baseline.totalFit : null;
      const unmetSection = el('section', { class: 'unmet-section', 'aria-labelledby': 'unmet-title' },
        el('h3', { id: 'unmet-title' }, el('span', { class: 'unmet-icon', 'aria-hidden': 'true' }, '⊘'), t('res.unmetTitle', { n: a.unmet.length })),
        el('p', { class: 'muted' }, t('res.unmetIntro')),
        a.blocking.length > 0 ? el('p', { class: 'blocking-summary' }, t('res.blockingSummary', { list: a.blocking.map((b) => t('res.blockingItem', { label: tData('constraint', b.constraint), n: b.demands })).join(t('list.sep')) })) : null,
        a.unmet.length === 0 ? el('p', {}, t('res.allMet')) : el('div', { class: 'table-wrap' }, el('table', { class: 'table unmet-table' },
          el('thead', {}, el('tr', {}, [t('res.col.demand'), t('res.col.demandOwner'), t('res.col.kind'), t('res.blockedBy'), t('cand.reason')].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, a.unmet.map((u) => el('tr', { class: 'unmet-row', 'data-id': u.demandId },
            el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link-btn', onclick: () => showDemand(u.demandId) }, u.title)),
            el('td', {}, u.owner.name), el('td', {}, kindBadge(u.kind)), el('td', {}, blockingChips(u)), el('td', { class: 'detail-text' }, u.reason)))))));
      const assignedSection = el('section', { class: 'assigned-section', 'aria-labelledby': 'assigned-title' },
        el('h3', { id: 'assigned-title' }, t('res.assignedTitle', { n: a.assignments.length })),
        a.assignments.length === 0 ? emptyState(t('res.noAssignments')) : el('div', { class: 'table-wrap scroll' }, el('table', { class: 'table assign-table' },
          el('thead', {}, el('tr', {}, [t('res.col.demand'), t('res.col.demandOwner'), t('res.col.offer'), t('res.col.offerOwner'), t('res.col.kind'), t('res.col.units'), t('res.col.quantity'), t('res.col.score'), t('res.col.record')].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, a.assignments.map((p, i) => el('tr', { class: 'assign-row' },
            el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link-btn', onclick: () => showDemand(p.demandId) }, p.demandTitle)),
            el('td', {}, p.demandOwner.name), el('td', { title: p.explanation.reason }, p.offerTitle), el('td', {}, p.offerOwner.name), el('td', {}, kindBadge(p.kind)),
            el('td', { class: 'num' }, String(p.units)), el('td', { class: 'num' }, takenText(p)), el('td', { class: 'num' }, fmtScore(p.score)),
            el('td', {}, recordButton({ kind: 'resource', subjectId: p.demandId, subjectName: p.demandTitle, candidateId: p.offerId, candidateName: p.offerTitle, score: p.score, units: p.units, explanation: p.explanation }, `arec-${i}`))))))));
      const lost = lostSection(a, showDemand);
      assignArea.replaceChildren(
        el('div', { class: 'list-head' }, heading, el('div', { class: 'toolbar-end' },
          el('button', { type: 'button', class: 'btn small', 'data-export': 'assign-csv', onclick: () => downloadCsv(assignmentTable(a)) }, t('res.exportAssignButton')),
          el('button', { type: 'button', class: 'btn small', 'data-export': 'unmet-csv', onclick: () => downloadCsv(unmetTable(a)) }, t('res.exportUnmetButton')))),
        el('dl', { class: 'figures assign-figures' },
          fig(t('res.fig.demands'), String(a.totals.demands)),
          fig(t('res.fig.offers'), String(a.totals.offers)),
          fig(t('res.fig.served'), String(a.summary.served), a.baseline ? t('res.fig.vsGreedy', { n: a.baseline.demandsServed }) : undefined),
          fig(t('res.fig.unmet'), String(a.summary.infeasible)),
          fig(t('res.fig.lost'), String(a.summary.lostToCompetition)),
          fig(t('res.fig.totalFit'), fmtNumber(a.totals.totalFit, 2), gain !== null ? t('res.fig.gain', { value: `${gain >= 0 ? '+' : ''}${fmtNumber(gain, 2)}` }) : undefined),
          fig(t('res.fig.solver'), `${a.solver.name} · ${a.solver.status}`, t('res.fig.ms', { ms: Math.round(a.solver.ms + a.build.ms) }))),
        splitHeadline(a.summary), unmetSection, lost, assignedSection);
    };

    const runAssignment = () => {
      stopAssign();
      runButton.disabled = true;
      const body = { kinds: kind ? [kind] : undefined, objective };
      const heading = el('h2', { id: 'res-assign-title' }, t('res.assignTitle'));
      const area = el('div', {});
      assignArea.replaceChildren(heading, area);
      const stop = bind(area, () => api.assign(body).finally(() => {
        runButton.disabled = false;
      }), (r) => {
        assignment = r;
        unmetById = new Map(r.unmet.map((u) => [u.demandId, u]));
        renderAssignment();
        renderList('demands');
        assignArea.scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
      stopAssign = stop;
    };

    const showDemand = (id: string) => {
      tabBar?.select('demands');
      selectItem('demands', id);
      matchArea.scrollIntoView({ behavior: 'smooth', block: 'start' });
    };

    kindSelect.addEventListener('change', () => {
      kind = kindSelect.value as ResourceKind | '';
      syncUrl();
      loadLists();
    });
    objectiveSelect.addEventListener('change', () => {
      objective = objectiveSelect.value as AssignObjective;
    });
    runButton.addEventListener('click', runAssignment);

    const renderFrame = () => {
      labels();
      const labelsByKey = { demands: tabLabel('demands'), offers: tabLabel('offers') };
      if (!tabBar) {
        tabBar = tabs('res', [{ key: 'demands', label: labelsByKey.demands, panel: demandsArea }, { key: 'offers', label: labelsByKey.offers, panel: offersArea }], t('res.listsLabel'), side, (key) => {
          side = key as Side;
        });
        listHost.replaceChildren(el('h2', { id: 'res-lists-title', class: 'visually-hidden' }, t('res.listsLabel')), tabBar.element);
      } else {
        tabBar.relabel(labelsByKey, t('res.listsLabel'));
        listHost.querySelector('#res-lists-title')!.textContent = t('res.listsLabel');
      }
    };

    renderFrame();
    loadLists();
    renderMatches();
    renderAssignment();
    if (selected) loadMatches();

    return {
      relabel() {
        renderFrame();
        renderList('demands');
        renderList('offers');
        renderMatches();
        renderAssignment();
      },
      destroy() {
        for (const stop of stops) stop();
        stopMatch();
        stopAssign();
      },
    };
  },
};

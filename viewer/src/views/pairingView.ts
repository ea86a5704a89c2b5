import { api } from '../api/client.ts';
import type { Explanation, PairingResponse, PairResult, TalentLevel, TalentMatch, TalentResponse, TextProvider } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { t, tData } from '../i18n/i18n.ts';
import { pairingLimits, pairingRequest, partnerOf, subjectRef, talentLevels, talentRequest, type PairingForm, type Subject } from '../pairing/pairingQuery.ts';
import { cappedNote, displacedNote, matchedTermsLine, needLine, noMatchState } from '../pairing/relevanceParts.ts';
import { pathsSection, signalTable } from '../segment/candidateDetail.ts';
import { confidenceLabel, signalLegend, signalScoreBar } from '../segment/candidateList.ts';
import { signalSets } from '../segment/signalBar.ts';
import { downloadCsv, type Table } from '../ui/csv.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { entityPicker, type PickedEntity } from '../ui/entityPicker.ts';
import { fmtList, fmtScore } from '../ui/format.ts';
import { recordButton } from '../ui/recordButton.ts';
import { bind, emptyState } from '../ui/status.ts';
import { tabs, type Tabs } from '../ui/tabs.ts';

type Tab = 'partners' | 'talent';
type SubjectKind = Subject['kind'];

function providerNote(provider: TextProvider): HTMLElement {
  return el('span', { class: 'provider', title: t('provider.hint'), 'data-provider': provider }, tData('provider', provider));
}

/** A ranked list on the left, the selected item's explanation on the right; the name is the keyboard target. */
function rankedList<T>(options: {
  items: T[];
  key: (item: T) => string;
  label: string;
  card: (item: T, rank: number, selected: boolean, select: () => void) => HTMLElement;
  onSelect: (item: T) => void;
  selected: string | null;
}): HTMLElement {
  const list = el('ol', { class: 'candidates', 'aria-label': options.label });
  const select = (item: T) => {
    for (const li of list.querySelectorAll('li.candidate')) {
      const on = li.getAttribute('data-id') === options.key(item);
      li.classList.toggle('selected', on);
      li.querySelector('.cand-name')?.setAttribute('aria-pressed', String(on));
    }
    options.onSelect(item);
  };
  options.items.forEach((item, i) => list.append(options.card(item, i + 1, options.key(item) === options.selected, () => select(item))));
  list.addEventListener('click', (event) => {
    const target = event.target as Element;
    const card = target.closest('li.candidate');
    if (!card || target.closest('button, a, input, textarea, summary')) return;
    const hit = options.items.find((x) => options.key(x) === card.getAttribute('data-id'));
    if (hit) select(hit);
  });
  return list;
}

function explanationDetail(idPrefix: string, head: (HTMLElement | null)[], c: { id: string; name: string; demo: boolean; score: number; explanation: Explanation }, order: readonly string[], width: number, record: HTMLElement | null): HTMLElement {
  return el('article', { class: 'candidate-detail', 'aria-labelledby': `${idPrefix}-name` },
    el('p', { class: 'eyebrow' }, t('detail.title')),
    el('h2', { id: `${idPrefix}-name`, class: 'detail-name' }, c.name),
    demoBadge(c.demo),
    el('div', { class: 'detail-score' }, el('span', { class: 'big-score' }, fmtScore(c.score)), signalScoreBar(c.score, c.explanation.signals, order), confidenceLabel(c.explanation.confidence)),
    el('p', { class: 'cand-reason' }, c.explanation.reason),
    ...head,
    record,
    el('h3', {}, t('detail.signals')),
    signalTable(c.explanation),
    pathsSection({ id: c.id, name: c.name, explanation: c.explanation }, width, `${idPrefix}-paths`));
}

function carrierLine(item: PairResult): HTMLElement {
  const r = item.carriedBy.researcher;
  return el('div', { class: 'carrier' },
    el('span', { class: 'carrier-part' }, el('span', { class: 'carrier-key' }, t('pair.researcher')),
      r ? el('span', { class: 'carrier-researcher' }, `${r.name}（${r.title}${r.level ? ` · ${tData('level', r.level)}` : ''}）`) : el('span', { class: 'muted' }, t('pair.noResearcher'))),
    el('span', { class: 'carrier-part' }, el('span', { class: 'carrier-key' }, t('pair.topic')),
      item.carriedBy.topic ? el('span', { class: 'carrier-topic chip' }, item.carriedBy.topic) : el('span', { class: 'muted' }, t('metric.none'))));
}

function pairTable(result: PairingResponse, subject: string): Table {
  return {
    title: t('pair.exportTitle', { subject: subject.slice(0, 30) }),
    columns: [
      { key: 'rank', header: t('col.rank') }, { key: 'partner', header: t('pair.partner') }, { key: 'demo', header: t('demo.badge') }, { key: 'university', header: t('pair.university') },
      { key: 'researcher', header: t('pair.researcher') }, { key: 'topic', header: t('pair.topic') }, { key: 'score', header: t('cand.score') },
      { key: 'confidence', header: t('cand.confidence') }, ...signalSets.pairing.map((s) => ({ key: s, header: tData('signal', s) })), { key: 'reason', header: t('cand.reason') },
    ],
    rows: result.items.map((item, i) => {
      const p = partnerOf(item, result.direction);
      return {
        rank: i + 1, partner: p.name, demo: p.demo ? t('demo.badge') : '', university: p.sub ?? '', researcher: item.carriedBy.researcher?.name ?? '', topic: item.carriedBy.topic ?? '', score: item.score,
        confidence: tData('confidence', item.explanation.confidence), reason: item.explanation.reason,
        ...Object.fromEntries(signalSets.pairing.map((s) => [s, item.explanation.signals.find((x) => x.signal === s)?.value ?? 0])),
      };
    }),
  };
}

function talentTable(result: TalentResponse, subject: string): Table {
  return {
    title: t('talent.exportTitle', { subject: subject.slice(0, 30) }),
    columns: [
      { key: 'rank', header: t('col.rank') }, { key: 'name', header: t('talent.name') }, { key: 'demo', header: t('demo.badge') }, { key: 'title', header: t('talent.title') }, { key: 'level', header: t('talent.level') },
      { key: 'honours', header: t('talent.honours') }, { key: 'affiliation', header: t('talent.affiliation') }, { key: 'expertise', header: t('talent.expertise') },
      { key: 'topic', header: t('pair.topic') }, { key: 'score', header: t('cand.score') }, { key: 'reason', header: t('cand.reason') },
    ],
    rows: result.items.map((m, i) => ({
      rank: i + 1, name: m.talent.name, demo: m.talent.demo ? t('demo.badge') : '', title: m.talent.title, level: tData('level', m.talent.level), honours: m.talent.honours.join('、'),
      affiliation: m.talent.affiliation?.name ?? '', expertise: m.talent.expertise.join('、'), topic: m.topic ?? '', score: m.score, reason: m.explanation.reason,
    })),
  };
}

/**
 * `#/pairing`: school–enterprise pairing (校企对接) — an enterprise, a research unit or a need in
 * words → ranked partners with the researcher and topic that carry each pair — and talent matching.
 * Deep links: `?enterpriseId=…&name=…`, `?researchUnitId=…`, `?text=…&role=need|capability`, `&tab=talent`.
 */
export const pairingView: ViewDefinition = {
  id: 'pairing',
  pattern: '/pairing',
  section: 'pairing',
  mount({ container, query }) {
    let tab: Tab = query.get('tab') === 'talent' ? 'talent' : 'partners';
    // partners
    let kind: SubjectKind = query.get('researchUnitId') ? 'researchUnit' : query.get('text') ? 'text' : 'enterprise';
    let picked: Record<'enterprise' | 'researchUnit', PickedEntity | null> = {
      enterprise: query.get('enterpriseId') ? { id: query.get('enterpriseId')!, type: 'Enterprise', name: query.get('name') ?? query.get('enterpriseId')! } : null,
      researchUnit: query.get('researchUnitId') ? { id: query.get('researchUnitId')!, type: 'ResearchUnit', name: query.get('name') ?? query.get('researchUnitId')! } : null,
    };
    let text = query.get('text') ?? '';
    let role: 'need' | 'capability' = query.get('role') === 'capability' ? 'capability' : 'need';
    let form: PairingForm = { subject: null, limit: 10, inXianlin: false, localOnly: false };
    let pairResult: PairingResponse | null = null;
    let pairSubject: Subject | null = null;
    let pairSelected: PairResult | null = null;
    let stopPairs = () => {};
    // talent
    let talentKind: 'enterprise' | 'text' = query.get('text') && tab === 'talent' ? 'text' : 'enterprise';
    let talentText = tab === 'talent' ? text : '';
    let talentLimit = 10;
    let levels: TalentLevel[] = [];
    let talentResult: TalentResponse | null = null;
    let talentSubject: Subject | null = null;
    let talentSelected: TalentMatch | null = null;
    let stopTalent = () => {};

    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const pairPanel = el('div', {});
    const talentPanel = el('div', {});
    let tabBar: Tabs | null = null;
    const tabHost = el('div', {});
    container.append(el('section', { class: 'view view-pairing', 'aria-labelledby': 'view-title' }, el('header', { class: 'view-head' }, title, intro), tabHost));

    // ----- partners -----
    const pairFormArea = el('div', { class: 'col panel pairing-form' });
    const pairList = el('section', { class: 'col panel col-candidates', 'aria-labelledby': 'pair-list-title' });
    const pairListBody = el('div', { class: 'list-area', 'aria-live': 'polite' });
    const pairDetail = el('aside', { class: 'col col-detail panel' });
    pairPanel.append(el('div', { class: 'pairing-layout' }, pairFormArea, pairList, pairDetail));

    const currentSubject = (): Subject | null => {
      if (kind === 'text') return text.trim() ? { kind: 'text', text, role } : null;
      const p = picked[kind];
      return p ? { kind, id: p.id, name: p.name } : null;
    };

    const syncUrl = () => {
      const params = new URLSearchParams();
      if (tab === 'talent') params.set('tab', 'talent');
      const s = tab === 'talent' ? talentSubject : pairSubject;
      if (s?.kind === 'enterprise') {
        params.set('enterpriseId', s.id);
        params.set('name', s.name);
      } else if (s?.kind === 'researchUnit') {
        params.set('researchUnitId', s.id);
        params.set('name', s.name);
      } else if (s?.kind === 'text') {
        params.set('text', s.text);
        if (tab === 'partners') params.set('role', s.role);
      }
      const q = params.toString();
      history.replaceState(null, '', `#/pairing${q ? `?${q}` : ''}`);
    };

    const renderPairForm = () => {
      const kinds: SubjectKind[] = ['enterprise', 'researchUnit', 'text'];
      const kindSwitch = el('fieldset', { class: 'mode-switch subject-switch' },
        el('legend', { class: 'label' }, t('pair.subject')),
        kinds.map((k) => el('span', { class: 'mode-option' },
          el('input', { type: 'radio', name: 'pair-kind', value: k, id: `pair-kind-${k}`, checked: k === kind, onchange: () => {
            kind = k;
            renderPairForm();
            pairFormArea.querySelector<HTMLElement>(`#pair-kind-${k}`)?.focus();
          } }),
          el('label', { for: `pair-kind-${k}` }, tData('pair.kind', k)))));
      let subjectField: HTMLElement;
      if (kind === 'text') {
        const area = el('textarea', { id: 'pair-text', class: 'input', rows: 4, maxlength: 2000, 'aria-describedby': 'pair-text-hint' });
        area.value = text;
        area.addEventListener('input', () => {
          text = area.value;
        });
        subjectField = el('div', {},
          el('div', { class: 'field' }, el('label', { for: 'pair-text', class: 'label' }, t('pair.text')), area, el('small', { id: 'pair-text-hint', class: 'hint' }, t('pair.textHint'))),
          el('fieldset', { class: 'radio-row' }, el('legend', { class: 'label' }, t('pair.role')),
            (['need', 'capability'] as const).map((r) => el('label', { class: 'check' },
              el('input', { type: 'radio', name: 'pair-role', value: r, checked: role === r, onchange: () => {
                role = r;
              } }), tData('pair.role', r)))));
      } else {
        const picker = entityPicker({
          id: `pair-${kind}`, label: t(kind === 'enterprise' ? 'pair.pickEnterprise' : 'pair.pickUnit'), hint: t('pair.pickHint'),
          types: [kind === 'enterprise' ? 'Enterprise' : 'ResearchUnit'], initial: picked[kind],
          onPick: (e) => {
            picked = { ...picked, [kind]: e };
            runPairs();
          },
        });
        subjectField = picker.element;
      }
      const limitSelect = el('select', { id: 'pair-limit', class: 'input' }, pairingLimits.map((l) => el('option', { value: l, selected: form.limit === l }, String(l))));
      limitSelect.addEventListener('change', () => {
        form = { ...form, limit: Number(limitSelect.value) };
      });
      const xianlin = el('input', { type: 'checkbox', id: 'pair-xianlin', checked: form.inXianlin });
      xianlin.addEventListener('change', () => {
        form = { ...form, inXianlin: xianlin.checked };
      });
      const local = el('input', { type: 'checkbox', id: 'pair-local', checked: form.localOnly });
      local.addEventListener('change', () => {
        form = { ...form, localOnly: local.checked };
      });
      const submit = el('button', { type: 'submit', class: 'btn primary' }, t('pair.run'));
      const f = el('form', { class: 'pair-form' }, kindSwitch, subjectField,
        el('div', { class: 'field-row' }, el('div', { class: 'field' }, el('label', { for: 'pair-limit', class: 'label' }, t('cand.limit')), limitSelect)),
        el('label', { class: 'check', for: 'pair-xianlin' }, xianlin, t('pair.inXianlin')),
        el('label', { class: 'check', for: 'pair-local' }, local, t('pair.localOnly')),
        el('div', { class: 'form-actions' }, submit));
      f.addEventListener('submit', (event) => {
        event.preventDefault();
        runPairs();
      });
      pairFormArea.replaceChildren(el('h2', {}, t('pair.formTitle')), f);
    };

    const renderPairDetail = () => {
      const width = Math.max(300, (pairDetail.clientWidth || 420) - 34);
      if (!pairResult || !pairSelected || !pairSubject) {
        pairDetail.replaceChildren(emptyState(t('pair.detailNone'), t('detail.title')));
        return;
      }
      const item = pairSelected;
      const partner = partnerOf(item, pairResult.direction);
      const subject = subjectRef(pairSubject);
      const r = item.carriedBy.researcher;
      const row = (label: string, value: string, cls = '') => el('div', { class: `figure ${cls}` }, el('dt', {}, label), el('dd', {}, value));
      pairDetail.replaceChildren(explanationDetail('pair-detail', [
        el('dl', { class: 'figures two' },
          row(t('pair.researcher'), r ? `${r.name}（${r.title}）` : t('pair.noResearcher')),
          row(t('pair.topic'), item.carriedBy.topic ?? t('metric.none')),
          row(t('pair.unit'), item.researchUnit.id === 'text-query' ? t('pair.yourText') : item.researchUnit.name, 'wide'),
          item.enterprise ? row(t('pair.enterprise'), item.enterprise.name, 'wide') : null,
          item.enterprise ? row(t('pair.need'), item.need, 'wide') : null),
        matchedTermsLine(item.matchedTerms),
        displacedNote(item),
      ], { id: partner.id, name: partner.name, demo: partner.demo, score: item.score, explanation: item.explanation }, signalSets.pairing, width,
      recordButton({ kind: 'pairing', subjectId: subject.id, subjectName: subject.name, candidateId: partner.id, candidateName: partner.name, score: item.score, explanation: item.explanation }, 'pair-record')));
    };

    const renderPairList = () => {
      const head = el('div', { class: 'list-head' }, el('h2', { id: 'pair-list-title' }, t('pair.listTitle')));
      if (!pairResult || !pairSubject) {
        pairList.replaceChildren(head, pairListBody);
        pairListBody.replaceChildren(emptyState(t('pair.start'), t('pair.startTitle')));
        return;
      }
      const result = pairResult;
      const subject = subjectRef(pairSubject);
      const exportButton = el('button', { type: 'button', class: 'btn small', 'data-export': 'csv', disabled: result.items.length === 0, onclick: () => downloadCsv(pairTable(result, subject.name)) }, t('export.csv'));
      head.append(el('div', { class: 'toolbar-end' }, exportButton));
      pairList.replaceChildren(head, pairListBody);
      const meta = el('div', { class: 'list-meta', role: 'status' },
        el('span', { class: 'cand-count' }, t(result.direction === 'to-enterprises' ? 'pair.countEnterprises' : 'pair.countUnits', { n: result.items.length, subject: subject.name })),
        providerNote(result.textProvider));
      if (result.items.length === 0) {
        pairListBody.replaceChildren(meta, result.noMatch ? noMatchState(result.direction === 'to-enterprises' ? 'enterprises' : 'units', result.noMatch) : emptyState(t('pair.empty')));
        return;
      }
      pairListBody.replaceChildren(meta, signalLegend(signalSets.pairing), rankedList({
        items: result.items,
        key: (item) => partnerOf(item, result.direction).id,
        label: t('pair.listLabel'),
        selected: pairSelected ? partnerOf(pairSelected, result.direction).id : null,
        onSelect: (item) => {
          pairSelected = item;
          renderPairDetail();
        },
        card: (item, rank, selected, select) => {
          const p = partnerOf(item, result.direction);
          return el('li', { class: `candidate pair${selected ? ' selected' : ''}`, 'data-id': p.id },
            el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
            el('div', { class: 'cand-body' },
              el('div', { class: 'cand-head' },
                el('button', { type: 'button', class: 'cand-name', 'aria-pressed': String(selected), 'aria-label': t('cand.select', { name: p.name }), onclick: select }, p.name),
                demoBadge(p.demo),
                p.sub ? el('span', { class: 'chip chip-outside' }, p.sub) : null,
                el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(item.score))),
              carrierLine(item),
              displacedNote(item),
              matchedTermsLine(item.matchedTerms),
              needLine(item),
              signalScoreBar(item.score, item.explanation.signals, signalSets.pairing),
              el('div', { class: 'cand-foot' }, confidenceLabel(item.explanation.confidence)),
              el('p', { class: 'cand-reason' }, item.explanation.reason)));
        },
      }));
    };

    const runPairs = () => {
      form = { ...form, subject: currentSubject() };
      const body = pairingRequest(form);
      if (!body) {
        pairSubject = null;
        pairResult = null;
        renderPairList();
        pairListBody.replaceChildren(emptyState(t(kind === 'text' ? 'pair.needText' : 'pair.needPick'), t('pair.startTitle')));
        return;
      }
      stopPairs();
      pairSubject = form.subject;
      pairResult = null;
      renderPairList();
      pairSelected = null;
      renderPairDetail();
      syncUrl();
      stopPairs = bind(pairListBody, () => api.pairing(body), (r) => {
        pairResult = r;
        pairSelected = r.items[0] ?? null;
        renderPairList();
        renderPairDetail();
      });
    };

    // ----- talent -----
    const talentFormArea = el('div', { class: 'col panel pairing-form' });
    const talentList = el('section', { class: 'col panel col-candidates', 'aria-labelledby': 'talent-list-title' });
    const talentListBody = el('div', { class: 'list-area', 'aria-live': 'polite' });
    const talentDetail = el('aside', { class: 'col col-detail panel' });
    talentPanel.append(el('div', { class: 'pairing-layout' }, talentFormArea, talentList, talentDetail));

    const talentSubjectNow = (): Subject | null => {
      if (talentKind === 'text') return talentText.trim() ? { kind: 'text', text: talentText, role: 'need' } : null;
      const p = picked.enterprise;
      return p ? { kind: 'enterprise', id: p.id, name: p.name } : null;
    };

    const renderTalentForm = () => {
      const kindSwitch = el('fieldset', { class: 'mode-switch subject-switch' },
        el('legend', { class: 'label' }, t('pair.subject')),
        (['enterprise', 'text'] as const).map((k) => el('span', { class: 'mode-option' },
          el('input', { type: 'radio', name: 'talent-kind', value: k, id: `talent-kind-${k}`, checked: k === talentKind, onchange: () => {
            talentKind = k;
            renderTalentForm();
            talentFormArea.querySelector<HTMLElement>(`#talent-kind-${k}`)?.focus();
          } }),
          el('label', { for: `talent-kind-${k}` }, tData('pair.kind', k)))));
      let subjectField: HTMLElement;
      if (talentKind === 'text') {
        const area = el('textarea', { id: 'talent-text', class: 'input', rows: 4, maxlength: 2000, 'aria-describedby': 'talent-text-hint' });
        area.value = talentText;
        area.addEventListener('input', () => {
          talentText = area.value;
        });
        subjectField = el('div', { class: 'field' }, el('label', { for: 'talent-text', class: 'label' }, t('talent.text')), area, el('small', { id: 'talent-text-hint', class: 'hint' }, t('talent.textHint')));
      } else {
        subjectField = entityPicker({
          id: 'talent-enterprise', label: t('pair.pickEnterprise'), hint: t('pair.pickHint'), types: ['Enterprise'], initial: picked.enterprise,
          onPick: (e) => {
            picked = { ...picked, enterprise: e };
            runTalent();
          },
        }).element;
      }
      const limitSelect = el('select', { id: 'talent-limit', class: 'input' }, pairingLimits.map((l) => el('option', { value: l, selected: talentLimit === l }, String(l))));
      limitSelect.addEventListener('change', () => {
        talentLimit = Number(limitSelect.value);
      });
      const levelBoxes = talentLevels.map((l) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'levels', value: l, checked: levels.includes(l) }), tData('level', l)));
      const submit = el('button', { type: 'submit', class: 'btn primary' }, t('talent.run'));
      const f = el('form', { class: 'pair-form' }, kindSwitch, subjectField,
        el('fieldset', { class: 'tags' }, el('legend', { class: 'label' }, t('talent.levels')), el('div', { class: 'check-grid narrow' }, levelBoxes)),
        el('div', { class: 'field-row' }, el('div', { class: 'field' }, el('label', { for: 'talent-limit', class: 'label' }, t('cand.limit')), limitSelect)),
        el('div', { class: 'form-actions' }, submit));
      f.addEventListener('submit', (event) => {
        event.preventDefault();
        levels = levelBoxes.map((b) => b.querySelector('input')!).filter((i) => i.checked).map((i) => i.value as TalentLevel);
        runTalent();
      });
      talentFormArea.replaceChildren(el('h2', {}, t('talent.formTitle')), f);
    };

    const renderTalentDetail = () => {
      const width = Math.max(300, (talentDetail.clientWidth || 420) - 34);
      if (!talentResult || !talentSelected || !talentSubject) {
        talentDetail.replaceChildren(emptyState(t('talent.detailNone'), t('detail.title')));
        return;
      }
      const m = talentSelected;
      const subject = subjectRef(talentSubject);
      const row = (label: string, value: string, cls = '') => el('div', { class: `figure ${cls}` }, el('dt', {}, label), el('dd', {}, value));
      talentDetail.replaceChildren(explanationDetail('talent-detail', [
        el('dl', { class: 'figures two' },
          row(t('talent.title'), m.talent.title),
          row(t('talent.level'), tData('level', m.talent.level)),
          row(t('talent.affiliation'), m.talent.affiliation?.name ?? t('metric.none'), 'wide'),
          row(t('talent.expertise'), fmtList(m.talent.expertise), 'wide'),
          m.talent.honours.length > 0 ? row(t('talent.honours'), fmtList(m.talent.honours), 'wide') : null),
        matchedTermsLine(m.matchedTerms),
      ], { id: m.talent.id, name: m.talent.name, demo: m.talent.demo, score: m.score, explanation: m.explanation }, signalSets.talent, width,
      recordButton({ kind: 'talent', subjectId: subject.id, subjectName: subject.name, candidateId: m.talent.id, candidateName: m.talent.name, score: m.score, explanation: m.explanation }, 'talent-record')));
    };

    const renderTalentList = () => {
      const head = el('div', { class: 'list-head' }, el('h2', { id: 'talent-list-title' }, t('talent.listTitle')));
      if (!talentResult || !talentSubject) {
        talentList.replaceChildren(head, talentListBody);
        talentListBody.replaceChildren(emptyState(t('talent.start'), t('pair.startTitle')));
        return;
      }
      const result = talentResult;
      const subject = subjectRef(talentSubject);
      head.append(el('div', { class: 'toolbar-end' }, el('button', { type: 'button', class: 'btn small', 'data-export': 'csv', disabled: result.items.length === 0, onclick: () => downloadCsv(talentTable(result, subject.name)) }, t('export.csv'))));
      talentList.replaceChildren(head, talentListBody);
      const meta = el('div', { class: 'list-meta', role: 'status' }, el('span', { class: 'cand-count' }, t('talent.count', { n: result.items.length, subject: subject.name })), providerNote(result.textProvider));
      if (result.items.length === 0) {
        talentListBody.replaceChildren(meta, result.noMatch ? noMatchState('talent', result.noMatch) : emptyState(t('talent.empty')));
        return;
      }
      talentListBody.replaceChildren(meta, cappedNote(result) ?? '', signalLegend(signalSets.talent), rankedList({
        items: result.items,
        key: (m) => m.talent.id,
        label: t('talent.listLabel'),
        selected: talentSelected?.talent.id ?? null,
        onSelect: (m) => {
          talentSelected = m;
          renderTalentDetail();
        },
        card: (m, rank, selected, select) => el('li', { class: `candidate talent${selected ? ' selected' : ''}`, 'data-id': m.talent.id },
          el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
          el('div', { class: 'cand-body' },
            el('div', { class: 'cand-head' },
              el('button', { type: 'button', class: 'cand-name', 'aria-pressed': String(selected), 'aria-label': t('cand.select', { name: m.talent.name }), onclick: select }, m.talent.name),
              demoBadge(m.talent.demo),
              el('span', { class: `chip level level-${m.talent.level}` }, tData('level', m.talent.level)),
              el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(m.score))),
            el('div', { class: 'cand-meta talent-meta' }, [m.talent.title, m.talent.affiliation ? `${m.talent.affiliation.name}（${tData('node', m.talent.affiliation.label)}）` : ''].filter(Boolean).join(' · ')),
            m.talent.honours.length > 0 ? el('ul', { class: 'chips honours', 'aria-label': t('talent.honours') }, m.talent.honours.map((h) => el('li', { class: 'chip chip-honour' }, `★ ${h}`))) : null,
            el('ul', { class: 'chips expertise', 'aria-label': t('talent.expertise') }, m.talent.expertise.map((x) => el('li', { class: `chip${x === m.topic ? ' chip-hit' : ''}` }, x === m.topic ? el('mark', {}, `✓ ${x}`) : x))),
            matchedTermsLine(m.matchedTerms),
            signalScoreBar(m.score, m.explanation.signals, signalSets.talent),
            el('div', { class: 'cand-foot' }, confidenceLabel(m.explanation.confidence)),
            el('p', { class: 'cand-reason' }, m.explanation.reason))),
      }));
    };

    const runTalent = () => {
      const subject = talentSubjectNow();
      const body = talentRequest(subject, talentLimit, levels);
      if (!body) {
        talentSubject = null;
        talentResult = null;
        renderTalentList();
        talentListBody.replaceChildren(emptyState(t(talentKind === 'text' ? 'pair.needText' : 'pair.needPick'), t('pair.startTitle')));
        return;
      }
      stopTalent();
      talentSubject = subject;
      talentResult = null;
      talentSelected = null;
      renderTalentList();
      renderTalentDetail();
      syncUrl();
      stopTalent = bind(talentListBody, () => api.talent(body), (r) => {
        talentResult = r;
        talentSelected = r.items[0] ?? null;
        renderTalentList();
        renderTalentDetail();
      });
    };

    const renderAll = () => {
      title.textContent = t('nav.pairing');
      intro.textContent = t('pair.intro');
      const labels = { partners: t('pair.tabPartners'), talent: t('pair.tabTalent') };
      if (!tabBar) {
        tabBar = tabs('pairing', [{ key: 'partners', label: labels.partners, panel: pairPanel }, { key: 'talent', label: labels.talent, panel: talentPanel }], t('pair.tabsLabel'), tab, (key) => {
          tab = key as Tab;
          syncUrl();
          // the detail graphs size to their column, which is only measurable once shown
          if (tab === 'talent') renderTalentDetail();
          else renderPairDetail();
        });
        tabHost.append(tabBar.element);
      } else tabBar.relabel(labels, t('pair.tabsLabel'));
      renderPairForm();
      renderPairList();
      renderPairDetail();
      renderTalentForm();
      renderTalentList();
      renderTalentDetail();
    };

    renderAll();
    // Deep link: run at once what the address names.
    if (tab === 'partners' && currentSubject()) runPairs();
    if (tab === 'talent' && talentSubjectNow()) runTalent();

    return {
      relabel: renderAll,
      destroy() {
        stopPairs();
        stopTalent();
      },
    };
  },
};

import { api } from '../api/client.ts';
import type { PairingResponse, PairResult } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { confidenceLabel, signalScoreBar } from '../segment/candidateList.ts';
import { signalSets } from '../segment/signalBar.ts';
import type { Table } from '../ui/csv.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtScore } from '../ui/format.ts';
import { recordButton } from '../ui/recordButton.ts';
import { explanationDetail, figureRow } from './explanationDetail.ts';
import type { Matcher } from './matcher.ts';
import { pairingRequest, partnerOf, subjectRef } from './pairingQuery.ts';
import { displacedNote, matchedTermsLine, needLine, noMatchState } from './relevanceParts.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';
import { named, jobTitle } from './personWords.ts';

/** The researcher and the topic that carry a pair — the part of a pairing a firm can act on. */
function carrierLine(item: PairResult): HTMLElement {
  const r = item.carriedBy.researcher;
  return el(
    'div',
    { class: 'carrier' },
    el(
      'span',
      { class: 'carrier-part' },
      el('span', { class: 'carrier-key' }, t('pair.researcher')),
      r
        ? el('span', { class: 'carrier-researcher' }, named(r.name, [jobTitle(r.title), r.level ? tData('level', r.level) : '']))
        : el('span', { class: 'muted' }, t('pair.noResearcher')),
    ),
    el(
      'span',
      { class: 'carrier-part' },
      el('span', { class: 'carrier-key' }, t('pair.topic')),
      item.carriedBy.topic
        ? el('span', { class: 'carrier-topic chip', translate: 'no' }, item.carriedBy.topic)
        : el('span', { class: 'muted' }, t('metric.none')),
    ),
  );
}

function pairTable(result: PairingResponse, subject: string): Table {
  return {
    title: t('pair.exportTitle', { subject: subject.slice(0, 30) }),
    columns: [
      { key: 'rank', header: t('col.rank') },
      { key: 'partner', header: t('pair.partner') },
      { key: 'demo', header: t('demo.badge') },
      { key: 'university', header: t('pair.university') },
      { key: 'researcher', header: t('pair.researcher') },
      { key: 'topic', header: t('pair.topic') },
      { key: 'score', header: t('cand.score') },
      { key: 'confidence', header: t('cand.confidence') },
      ...signalSets.pairing.map((s) => ({ key: s, header: tData('signal', s) })),
      { key: 'reason', header: t('cand.reason') },
    ],
    rows: result.items.map((item, i) => {
      const p = partnerOf(item, result.direction);
      return {
        rank: i + 1,
        partner: p.name,
        demo: p.demo ? t('demo.badge') : '',
        university: p.sub ?? '',
        researcher: item.carriedBy.researcher?.name ?? '',
        topic: item.carriedBy.topic ?? '',
        score: item.score,
        confidence: tData('confidence', item.explanation.confidence),
        reason: reasonText(item.explanation),
        ...Object.fromEntries(signalSets.pairing.map((s) => [s, item.explanation.signals.find((x) => x.signal === s)?.value ?? 0])),
      };
    }),
  };
}

const check = (id: string, checked: boolean, label: string, change: (on: boolean) => void) => {
  const box = el('input', { type: 'checkbox', id, checked });
  box.addEventListener('change', () => change(box.checked));
  return el('label', { class: 'check', for: id }, box, label);
};

/** School–enterprise pairing (校企对接): a firm, a research unit or words → ranked partners and who carries each pair. */
export const partnerMatcher: Matcher<PairingResponse, PairResult> = {
  tab: 'partners',
  panel: (state) => state.partners,
  id: 'pair',
  kinds: ['enterprise', 'researchUnit', 'text'],
  words: {
    formTitle: 'pair.formTitle',
    run: 'pair.run',
    text: 'pair.text',
    textHint: 'pair.textHint',
    listTitle: 'pair.listTitle',
    listLabel: 'pair.listLabel',
    start: 'pair.start',
    detailNone: 'pair.detailNone',
    empty: 'pair.empty',
  },
  signals: signalSets.pairing,
  fields: ({ partners }) => ({
    withText: el(
      'fieldset',
      { class: 'radio-row' },
      el('legend', { class: 'label' }, t('pair.role')),
      (['need', 'capability'] as const).map((r) =>
        el(
          'label',
          { class: 'check' },
          el('input', {
            type: 'radio',
            name: 'pair-role',
            value: r,
            checked: partners.role === r,
            onchange: () => {
              partners.role = r;
            },
          }),
          tData('pair.role', r),
        ),
      ),
    ),
    afterLimit: [
      check('pair-xianlin', partners.inXianlin, t('pair.inXianlin'), (on) => (partners.inXianlin = on)),
      check('pair-local', partners.localOnly, t('pair.localOnly'), (on) => (partners.localOnly = on)),
    ],
  }),
  request: ({ partners }, subject) => {
    const body = pairingRequest({ subject, limit: partners.limit, inXianlin: partners.inXianlin, localOnly: partners.localOnly });
    return body ? () => api.pairing(body) : null;
  },
  key: (item, result) => partnerOf(item, result.direction).id,
  count: (result, subject) => t(result.direction === 'to-enterprises' ? 'pair.countEnterprises' : 'pair.countUnits', { n: result.items.length, subject }),
  preface: () => null,
  noMatch: (result) => (result.noMatch ? noMatchState(result.direction === 'to-enterprises' ? 'enterprises' : 'units', result.noMatch) : null),
  card: (item, result, rank, selected, select) => {
    const p = partnerOf(item, result.direction);
    return el(
      'li',
      { class: `candidate pair${selected ? ' selected' : ''}`, 'data-id': p.id },
      el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
      el(
        'div',
        { class: 'cand-body' },
        el(
          'div',
          { class: 'cand-head' },
          el(
            'button',
            { type: 'button', class: 'cand-name', 'aria-pressed': String(selected), 'aria-label': t('cand.select', { name: p.name }), onclick: select },
            dataText(p.name),
          ),
          demoBadge(p.demo),
          p.sub ? el('span', { class: 'chip chip-outside', translate: 'no' }, p.sub) : null,
          el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(item.score)),
        ),
        carrierLine(item),
        displacedNote(item),
        matchedTermsLine(item.matchedTerms),
        needLine(item),
        signalScoreBar(item.score, item.explanation.signals, signalSets.pairing),
        el('div', { class: 'cand-foot' }, confidenceLabel(item.explanation.confidence)),
        el('p', { class: 'cand-reason' }, reasonText(item.explanation)),
      ),
    );
  },
  detail: (item, result, subjectOf, width) => {
    const partner = partnerOf(item, result.direction);
    const subject = subjectRef(subjectOf);
    const r = item.carriedBy.researcher;
    return explanationDetail(
      'pair-detail',
      [
        el(
          'dl',
          { class: 'figures two' },
          figureRow(t('pair.researcher'), r ? named(r.name, [jobTitle(r.title)]) : t('pair.noResearcher')),
          figureRow(t('pair.topic'), item.carriedBy.topic ? dataText(item.carriedBy.topic) : t('metric.none')),
          figureRow(t('pair.unit'), item.researchUnit.id === 'text-query' ? t('pair.yourText') : dataText(item.researchUnit.name), 'wide'),
          item.enterprise ? figureRow(t('pair.enterprise'), dataText(item.enterprise.name), 'wide') : null,
          item.enterprise ? figureRow(t('pair.need'), dataText(item.need), 'wide') : null,
        ),
        matchedTermsLine(item.matchedTerms),
        displacedNote(item),
      ],
      { id: partner.id, name: partner.name, demo: partner.demo, score: item.score, explanation: item.explanation },
      signalSets.pairing,
      width,
      recordButton(
        {
          kind: 'pairing',
          subjectId: subject.id,
          subjectName: subject.name,
          candidateId: partner.id,
          candidateName: partner.name,
          score: item.score,
          explanation: item.explanation,
        },
        'pair-record',
      ),
    );
  },
  table: pairTable,
};

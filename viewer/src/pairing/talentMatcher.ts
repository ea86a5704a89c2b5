import { api } from '../api/client.ts';
import type { TalentMatch, TalentResponse } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { confidenceLabel, signalScoreBar } from '../segment/candidateList.ts';
import { signalSets } from '../segment/signalBar.ts';
import type { Table } from '../ui/csv.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtList, fmtScore } from '../ui/format.ts';
import { recordButton } from '../ui/recordButton.ts';
import { explanationDetail, figureRow } from './explanationDetail.ts';
import type { Matcher } from './matcher.ts';
import { subjectRef, talentLevels, talentRequest } from './pairingQuery.ts';
import { cappedNote, matchedTermsLine, noMatchState } from './relevanceParts.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';
import { named, jobTitle } from './personWords.ts';

function talentTable(result: TalentResponse, subject: string): Table {
  return {
    title: t('talent.exportTitle', { subject: subject.slice(0, 30) }),
    columns: [
      { key: 'rank', header: t('col.rank') },
      { key: 'name', header: t('talent.name') },
      { key: 'demo', header: t('demo.badge') },
      { key: 'title', header: t('talent.title') },
      { key: 'level', header: t('talent.level') },
      { key: 'honours', header: t('talent.honours') },
      { key: 'affiliation', header: t('talent.affiliation') },
      { key: 'expertise', header: t('talent.expertise') },
      { key: 'topic', header: t('pair.topic') },
      { key: 'score', header: t('cand.score') },
      { key: 'reason', header: t('cand.reason') },
    ],
    rows: result.items.map((m, i) => ({
      rank: i + 1,
      name: m.talent.name,
      demo: m.talent.demo ? t('demo.badge') : '',
      title: m.talent.title,
      level: tData('level', m.talent.level),
      honours: m.talent.honours.join('、'),
      affiliation: m.talent.affiliation?.name ?? '',
      expertise: m.talent.expertise.join('、'),
      topic: m.topic ?? '',
      score: m.score,
      reason: reasonText(m.explanation),
    })),
  };
}

/** Talent matching: a firm or a need in words → ranked people, with their level, honours and the expertise that matched. */
export const talentMatcher: Matcher<TalentResponse, TalentMatch> = {
  tab: 'talent',
  panel: (state) => state.talent,
  id: 'talent',
  kinds: ['enterprise', 'text'],
  words: {
    formTitle: 'talent.formTitle',
    run: 'talent.run',
    text: 'talent.text',
    textHint: 'talent.textHint',
    listTitle: 'talent.listTitle',
    listLabel: 'talent.listLabel',
    start: 'talent.start',
    detailNone: 'talent.detailNone',
    empty: 'talent.empty',
  },
  signals: signalSets.talent,
  fields: ({ talent }) => ({
    beforeLimit: [
      el(
        'fieldset',
        { class: 'tags' },
        el('legend', { class: 'label' }, t('talent.levels')),
        el(
          'div',
          { class: 'check-grid narrow' },
          talentLevels.map((l) =>
            el(
              'label',
              { class: 'check' },
              el('input', {
                type: 'checkbox',
                name: 'levels',
                value: l,
                checked: talent.levels.includes(l),
                onchange: (event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  talent.levels = on ? talentLevels.filter((x) => x === l || talent.levels.includes(x)) : talent.levels.filter((x) => x !== l);
                },
              }),
              tData('level', l),
            ),
          ),
        ),
      ),
    ],
  }),
  request: ({ talent }, subject) => {
    const body = talentRequest(subject, talent.limit, talent.levels);
    return body ? () => api.talent(body) : null;
  },
  key: (m) => m.talent.id,
  count: (result, subject) => t('talent.count', { n: result.items.length, subject }),
  preface: cappedNote,
  noMatch: (result) => (result.noMatch ? noMatchState('talent', result.noMatch) : null),
  card: (m, _result, rank, selected, select) =>
    el(
      'li',
      { class: `candidate talent${selected ? ' selected' : ''}`, 'data-id': m.talent.id },
      el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
      el(
        'div',
        { class: 'cand-body' },
        el(
          'div',
          { class: 'cand-head' },
          el(
            'button',
            { type: 'button', class: 'cand-name', 'aria-pressed': String(selected), 'aria-label': t('cand.select', { name: m.talent.name }), onclick: select },
            dataText(m.talent.name),
          ),
          demoBadge(m.talent.demo),
          el('span', { class: `chip level level-${m.talent.level}` }, tData('level', m.talent.level)),
          el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(m.score)),
        ),
        el(
          'div',
          { class: 'cand-meta talent-meta' },
          jobTitle(m.talent.title),
          m.talent.affiliation ? [' · ', ...named(m.talent.affiliation.name, [tData('node', m.talent.affiliation.label)])] : [],
        ),
        m.talent.honours.length > 0
          ? el(
              'ul',
              { class: 'chips honours', 'aria-label': t('talent.honours') },
              m.talent.honours.map((h) => el('li', { class: 'chip chip-honour' }, '★ ', dataText(h))),
            )
          : null,
        el(
          'ul',
          { class: 'chips expertise', 'aria-label': t('talent.expertise') },
          m.talent.expertise.map((x) =>
            el('li', { class: `chip${x === m.topic ? ' chip-hit' : ''}` }, x === m.topic ? el('mark', {}, '✓ ', dataText(x)) : dataText(x)),
          ),
        ),
        matchedTermsLine(m.matchedTerms),
        signalScoreBar(m.score, m.explanation.signals, signalSets.talent),
        el('div', { class: 'cand-foot' }, confidenceLabel(m.explanation.confidence)),
        el('p', { class: 'cand-reason' }, reasonText(m.explanation)),
      ),
    ),
  detail: (m, _result, subjectOf, width) => {
    const subject = subjectRef(subjectOf);
    return explanationDetail(
      'talent-detail',
      [
        el(
          'dl',
          { class: 'figures two' },
          figureRow(t('talent.title'), jobTitle(m.talent.title)),
          figureRow(t('talent.level'), tData('level', m.talent.level)),
          figureRow(t('talent.affiliation'), m.talent.affiliation ? dataText(m.talent.affiliation.name) : t('metric.none'), 'wide'),
          figureRow(t('talent.expertise'), dataText(fmtList(m.talent.expertise)), 'wide'),
          m.talent.honours.length > 0 ? figureRow(t('talent.honours'), dataText(fmtList(m.talent.honours)), 'wide') : null,
        ),
        matchedTermsLine(m.matchedTerms),
      ],
      { id: m.talent.id, name: m.talent.name, demo: m.talent.demo, score: m.score, explanation: m.explanation },
      signalSets.talent,
      width,
      recordButton(
        {
          kind: 'talent',
          subjectId: subject.id,
          subjectName: subject.name,
          candidateId: m.talent.id,
          candidateName: m.talent.name,
          score: m.score,
          explanation: m.explanation,
        },
        'talent-record',
      ),
    );
  },
  table: talentTable,
};

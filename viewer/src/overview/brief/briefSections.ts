import { segmentName } from '../../chainMap/segmentName.ts';
import { priorityText } from '../../chainMap/priorityText.ts';
import { t, tData } from '../../i18n/i18n.ts';
import { demoBadge } from '../../ui/demoBadge.ts';
import { el } from '../../ui/el.ts';
import { fmtPercent, fmtScore, fmtYi } from '../../ui/format.ts';
import type { SegmentGap } from '../../api/types.ts';
import type { BriefTarget } from './briefData.ts';
import { reasonText } from '../../i18n/messages/renderMessage.ts';
import { noCandidateKeys } from '../../segment/candidateList.ts';
import { tWithData } from '../../ui/dataWords.ts';

const actionWord = (gap: SegmentGap) => tData('action', gap.action ?? 'none');

/** 招商路线图: the gaps in the order to act on them — action, segment, 亿元, and the first firm to approach. */
export function roadmapSection(targets: BriefTarget[]): HTMLElement {
  const steps = targets.map(({ gap, result }) => {
    const first = result?.candidates[0];
    return el(
      'li',
      { 'data-segment-id': gap.segmentId },
      el('strong', {}, t('brief.step', { action: actionWord(gap), segment: segmentName(gap) })),
      ' ',
      fmtYi(gap.priority),
      el('br'),
      first
        ? el('span', {}, tWithData('brief.firstCandidate', { firm: first.name }), demoBadge(first.demo))
        : el('span', { class: 'muted' }, t('brief.noCandidate')),
    );
  });
  return el(
    'section',
    { class: 'brief-section brief-roadmap' },
    el('h2', {}, t('brief.roadmap')),
    steps.length > 0 ? el('ol', {}, steps) : el('p', {}, t('brief.noGaps')),
  );
}

/** 短板清单: the ranked gaps with the figures behind each priority. */
export function gapSection(targets: BriefTarget[], extensions: SegmentGap[]): HTMLElement {
  const head = [
    t('col.rank'),
    t('brief.segment'),
    t('brief.class'),
    t('metric.priority'),
    t('metric.localFirmCount'),
    t('metric.localDemand'),
    t('metric.outsideDependence'),
  ];
  const row = (gap: SegmentGap, i: number) =>
    el(
      'tr',
      { 'data-segment-id': gap.segmentId },
      el('td', {}, i + 1),
      el('td', {}, segmentName(gap)),
      el('td', {}, el('span', { class: `badge health-${gap.class}` }, tData('class', gap.class))),
      el('td', {}, priorityText(gap)),
      el('td', {}, t('metric.firmsUnit', { n: gap.metrics.localFirmCount })),
      el('td', {}, fmtYi(gap.metrics.localDemand)),
      el('td', {}, fmtPercent(gap.metrics.outsideDependence)),
    );
  const table = (gaps: SegmentGap[], caption: string, name: string) =>
    el(
      'table',
      { class: `brief-table ${name}` },
      el('caption', {}, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          head.map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el('tbody', {}, gaps.map(row)),
    );
  return el(
    'section',
    { class: 'brief-section brief-gaps' },
    el('h2', {}, t('brief.gaps')),
    targets.length > 0
      ? table(
          targets.map((x) => x.gap),
          t('brief.gapsCaption'),
          'gap-table',
        )
      : el('p', {}, t('brief.noGaps')),
    extensions.length > 0 ? table(extensions, t('brief.extensions'), 'extension-table') : null,
  );
}

/** 目标企业清单: per gap, its first candidates with score, evidence strength and the reason in one line. */
export function targetSection(targets: BriefTarget[]): HTMLElement {
  const blocks = targets.map(({ gap, result }) => {
    const items = (result?.candidates ?? []).map((c) =>
      el(
        'li',
        { class: 'brief-candidate' },
        el('strong', { translate: 'no' }, c.name),
        demoBadge(c.demo),
        ' ',
        el('span', { class: 'muted' }, t('brief.candidateFacts', { score: fmtScore(c.score), confidence: tData('confidence', c.explanation.confidence) })),
        el('p', { class: 'brief-reason' }, reasonText(c.explanation)),
      ),
    );
    return el(
      'div',
      { class: 'brief-target', 'data-segment-id': gap.segmentId },
      el('h3', {}, t('brief.step', { action: actionWord(gap), segment: segmentName(gap) })),
      items.length > 0
        ? el('ol', {}, items)
        : el('p', { class: 'muted' }, result?.noCandidates ? t(noCandidateKeys[result.noCandidates.reason]) : t('brief.noCandidate')),
    );
  });
  return el('section', { class: 'brief-section brief-targets' }, el('h2', {}, t('brief.targets')), blocks);
}

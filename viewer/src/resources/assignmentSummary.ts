import type { AssignedPair, ResourceAssignment, UnassignedDemand } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtNumber } from '../ui/format.ts';

type Split = ResourceAssignment['summary'];
type TakenOffer = UnassignedDemand['takenBy'][number];

/** A quantity the engine reports in m² or 万元, in the reader's language. */
export function quantityText(value: number, unit: string): string {
  return unit === 'm²' ? t('unit.m2', { value: fmtNumber(value, 0) }) : `${fmtNumber(value, 0)} ${unit === '万元' ? t('unit.wan') : unit}`;
}

/** What an assigned pair takes of its offer's area or amount, or '' for count-only kinds. */
export function takenText(p: Pick<AssignedPair, 'quantity'>): string {
  return p.quantity ? quantityText(p.quantity.taken, p.quantity.unit) : '';
}

/** The three groups of the split, in reading order, with their colours (Okabe–Ito: distinct for colour-blind readers too). */
const groups = [
  { key: 'served', colour: '#009E73' },
  { key: 'infeasible', colour: '#D55E00' },
  { key: 'lostToCompetition', colour: '#E69F00' },
] as const;

/**
 * The headline split of the open demands (issue 13 item 6): one sentence whose numbers add up, and a
 * bar of the same three parts, so "无法满足 3" can no longer hide the 14 that lost to others.
 */
export function splitHeadline(s: Split): HTMLElement {
  const bar = el(
    'div',
    {
      class: 'split-bar',
      role: 'img',
      'aria-label': t('res.split.line', { open: s.openDemands, served: s.served, infeasible: s.infeasible, lost: s.lostToCompetition }),
      style: 'display:flex;height:14px;border-radius:4px;overflow:hidden;margin:6px 0;background:#eee',
    },
    groups.map((g) =>
      s[g.key] > 0
        ? el('span', { 'data-group': g.key, style: `flex:${s[g.key]} 0 0;background:${g.colour}`, title: `${t(`res.split.${g.key}`)} ${s[g.key]}` })
        : null,
    ),
  );
  const legend = el(
    'ul',
    { class: 'split-legend', style: 'display:flex;flex-wrap:wrap;gap:14px;list-style:none;padding:0;margin:0;font-size:13px' },
    groups.map((g) =>
      el(
        'li',
        { 'data-group': g.key },
        el('span', { 'aria-hidden': 'true', style: `display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;background:${g.colour}` }),
        `${t(`res.split.${g.key}`)} `,
        el('strong', { class: 'split-count' }, String(s[g.key])),
      ),
    ),
  );
  return el(
    'section',
    { class: 'assign-split', 'aria-labelledby': 'split-title', style: 'margin:8px 0' },
    el('h3', { id: 'split-title' }, t('res.split.title')),
    el('p', { class: 'split-line' }, t('res.split.line', { open: s.openDemands, served: s.served, infeasible: s.infeasible, lost: s.lostToCompetition })),
    bar,
    legend,
    s.partiallyServed > 0 ? el('p', { class: 'muted' }, t('res.partial', { n: s.partiallyServed })) : null,
  );
}

/** Why an offer was not there for the lost demand: its count ran out, or too little area/amount was left. */
function whyTaken(o: TakenOffer, need: number, unit: string | null): string {
  if (o.full === 'count') return t('res.takenFullCount');
  if (o.full === 'quantity' && o.quantityLeft !== null && unit)
    return t('res.takenFullQuantity', { left: quantityText(Math.max(0, o.quantityLeft), unit), need: quantityText(need, unit) });
  return t('res.takenRoom');
}

/** One offer the lost demand could have had: "通用厂房 13号楼 → 南京某公司（剩余 500 m²，需要 4,900 m²）". */
function takenOffer(o: TakenOffer, need: number, unit: string | null, open: (demandId: string) => void): HTMLElement {
  return el(
    'li',
    { class: 'taken-offer', 'data-offer': o.offerId },
    el('span', { class: 'cand-title', translate: 'no' }, o.offerTitle),
    ' → ',
    o.winners.length === 0
      ? t('metric.none')
      : o.winners.flatMap((w, i) => [
          i > 0 ? t('list.sep') : '',
          el(
            'button',
            { type: 'button', class: 'link-btn winner', 'data-id': w.demandId, title: w.demandTitle, onclick: () => open(w.demandId) },
            dataText(w.ownerName),
          ),
        ]),
    el('span', { class: 'fig-note' }, t('res.takenWhy', { why: whyTaken(o, need, unit) })),
  );
}

/**
 * The demands lost to competition: each with the offers it could have had and who took them, so an
 * officer sees whom to talk to (or which building to add) instead of a bare count.
 */
export function lostSection(a: ResourceAssignment, open: (demandId: string) => void): HTMLElement {
  return el(
    'section',
    {
      class: 'lost-section',
      'aria-labelledby': 'lost-title',
      style: 'border:2px solid #E69F00;border-left-width:8px;background:#fffcf5;border-radius:var(--radius);padding:8px 12px;margin:10px 0',
    },
    el('h3', { id: 'lost-title' }, t('res.lostTitle', { n: a.unassigned.length })),
    el('p', { class: 'muted' }, t('res.lostIntro')),
    a.unassigned.length === 0
      ? el('p', {}, t('res.noneLost'))
      : el(
          'div',
          { class: 'table-wrap' },
          el(
            'table',
            { class: 'table lost-table' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                [t('res.col.demand'), t('res.col.demandOwner'), t('res.col.kind'), t('res.col.takenBy')].map((h) => el('th', { scope: 'col' }, h)),
              ),
            ),
            el(
              'tbody',
              {},
              a.unassigned.map((u) =>
                el(
                  'tr',
                  { class: 'lost-row', 'data-id': u.demandId },
                  el(
                    'th',
                    { scope: 'row' },
                    el('button', { type: 'button', class: 'link-btn', onclick: () => open(u.demandId) }, dataText(u.title)),
                    u.quantity > 0 && u.unit ? el('div', { class: 'fig-note' }, t('res.needs', { value: quantityText(u.quantity, u.unit) })) : null,
                  ),
                  el('td', { translate: 'no' }, u.owner.name),
                  el('td', {}, el('span', { class: `chip kind kind-${u.kind}` }, tData('rkind', u.kind))),
                  el(
                    'td',
                    {},
                    el(
                      'ul',
                      { class: 'plain-list taken-list' },
                      u.takenBy.map((o) => takenOffer(o, u.quantity, u.unit, open)),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

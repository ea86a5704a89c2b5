import type { EntityDetail } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { fmtNumber } from '../ui/format.ts';
import { emptyState } from '../ui/status.ts';
import type { ExploreState } from './exploreState.ts';
import { canvasThreshold, workerThreshold } from './graphModel.ts';
import { lookOf, type DrawLink } from './nodeStyle.ts';

export interface DetailActions {
  expand(id: string): void;
  setPinned(id: string, on: boolean): void;
  recentre(id: string): void;
}

/** A property value in words: lists joined, booleans as yes/no, years without a thousands separator. */
export function formatValue(value: unknown, key = ''): string {
  if (value === null || value === undefined || value === '') return t('metric.none');
  if (Array.isArray(value)) return value.length === 0 ? t('metric.none') : value.map((v) => formatValue(v, key)).join(t('list.sep'));
  if (typeof value === 'boolean') return value ? t('explore.yes') : t('explore.no');
  if (typeof value === 'number') return /year/i.test(key) ? String(value) : fmtNumber(value, 2);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Which dictionary turns a stored value of a property into a word; a resource's kind has its own. */
const valueWords: Record<string, string> = { tags: 'tag', size: 'size', level: 'level', stage: 'stage', source: 'source', status: 'status', kind: 'kind' };

/** Whether a property's values are codes shown as words (tags, size, kind …), not data as recorded. */
export const isWordProperty = (label: string, key: string) => key in valueWords || (key === 'kind' && (label === 'Offer' || label === 'Demand'));

/** A stored property in words: enum values (tags, size, level, kind …) through the dictionary, the rest as formatValue says. */
export function propertyValue(label: string, key: string, value: unknown): string {
  const prefix = key === 'kind' && (label === 'Offer' || label === 'Demand') ? 'rkind' : valueWords[key];
  const word = (v: unknown) => (prefix && typeof v === 'string' ? tData(prefix, v) : v);
  return formatValue(Array.isArray(value) ? value.map(word) : word(value), key);
}

/** A relationship type in words, keeping the arrow ("SUPPLIES →" → "供货给 →"). */
export const relationWords = (key: string) => key.replace(/[A-Z][A-Z_]+/, (type) => tData('rel', type));

/** A label as a coloured dot with its letter and its name, as in the picture. */
export function labelBadge(label: string): HTMLElement {
  const look = lookOf(label);
  return el(
    'span',
    { class: 'label-badge' },
    el('span', { class: 'node-dot', style: `background:${look.colour}`, 'aria-hidden': 'true' }, look.letter),
    tData('node', label),
  );
}

/** The relationships drawn at a node, by type and direction ("SUPPLIES →", "← MAKES"), most first: what the picture says, in words. */
export function relationCounts(links: readonly DrawLink[], at: number | undefined): [string, number][] {
  const byType = new Map<string, number>();
  for (const l of links) {
    if (l.source !== at && l.target !== at) continue;
    const key = l.source === at ? `${l.type} →` : `← ${l.type}`;
    byType.set(key, (byType.get(key) ?? 0) + 1);
  }
  return [...byType].sort((a, b) => b[1] - a[1]);
}

/** Where else this entity leads: pairing and talent for a firm, pairing for a research unit, matches for a demand. */
function onwardLinks(d: EntityDetail): HTMLElement[] {
  const id = encodeURIComponent(d.id);
  const name = encodeURIComponent(d.name);
  if (d.label === 'Enterprise') {
    return [
      el('a', { href: `#/pairing?enterpriseId=${id}&name=${name}` }, t('explore.toPairing')),
      el('a', { href: `#/pairing?tab=talent&enterpriseId=${id}&name=${name}` }, t('explore.toTalent')),
    ];
  }
  if (d.label === 'ResearchUnit') return [el('a', { href: `#/pairing?researchUnitId=${id}&name=${name}` }, t('explore.toPairing'))];
  if (d.label === 'Demand') return [el('a', { href: `#/resources?demand=${id}` }, t('explore.toResources'))];
  return [];
}

/** What the picture shows now: the drawn links and each node's layout index. */
type Drawn = { links: readonly DrawLink[]; indexOf: ReadonlyMap<string, number> };

function entityArticle(state: ExploreState, d: EntityDetail, drawn: Drawn, actions: DetailActions): HTMLElement {
  const { graph } = state;
  const isPinned = state.pinned.has(d.id);
  const inGraph = graph.nodes.has(d.id);
  const expandButton = el(
    'button',
    { type: 'button', class: 'btn primary', 'data-action': 'expand', disabled: !inGraph || Boolean(state.loading), onclick: () => actions.expand(d.id) },
    graph.expanded.has(d.id) ? t('explore.expandAgain') : t('explore.expand'),
  );
  const pinButton = el(
    'button',
    {
      type: 'button',
      class: 'btn',
      'data-action': 'pin',
      'aria-pressed': String(isPinned),
      disabled: !inGraph,
      onclick: () => actions.setPinned(d.id, !isPinned),
    },
    isPinned ? t('explore.unpin') : t('explore.pin'),
  );
  const recentre = el(
    'button',
    { type: 'button', class: 'btn', 'data-action': 'recentre', disabled: graph.root === d.id, onclick: () => actions.recentre(d.id) },
    t('explore.recentre'),
  );
  const at = drawn.indexOf.get(d.id);
  const relations = relationCounts(drawn.links, at);
  const loadedDegree = relations.reduce((n, [, count]) => n + count, 0);
  const links = onwardLinks(d);
  const props = Object.entries(d.properties)
    .filter(([k]) => k !== 'name' && k !== 'id')
    .sort(([a], [b]) => a.localeCompare(b));
  return el(
    'article',
    { class: 'entity-detail', 'aria-labelledby': 'ex-detail-name' },
    el('h3', { id: 'ex-detail-name', class: 'entity-name', translate: 'no' }, d.name),
    el('p', {}, labelBadge(d.label), demoBadge(d.demo), isPinned ? el('span', { class: 'chip' }, t('explore.state.pinned')) : null),
    d.demo ? el('p', { class: 'note demo-note' }, t('demo.title')) : null,
    el(
      'dl',
      { class: 'figures two' },
      el('div', { class: 'figure wide' }, el('dt', {}, t('explore.id')), el('dd', { class: 'mono' }, d.id)),
      el('div', { class: 'figure' }, el('dt', {}, t('explore.degree')), el('dd', {}, t('explore.degreeValue', { all: d.degree, loaded: loadedDegree }))),
    ),
    graph.truncated.has(d.id) ? el('p', { class: 'note' }, t('explore.truncatedShort')) : null,
    el('div', { class: 'detail-actions' }, expandButton, pinButton, recentre),
    links.length > 0
      ? el(
          'p',
          { class: 'detail-links' },
          links.flatMap((a, i) => (i > 0 ? [' · ', a] : [a])),
        )
      : null,
    relations.length > 0 ? el('h4', {}, t('explore.relations')) : null,
    relations.length > 0
      ? el(
          'ul',
          { class: 'chips relations' },
          relations.map(([k, n]) => el('li', { class: 'chip' }, `${relationWords(k)} ${n}`)),
        )
      : null,
    el('h4', {}, t('explore.properties')),
    props.length === 0
      ? el('p', { class: 'muted' }, t('metric.none'))
      : el(
          'table',
          { class: 'table props' },
          el(
            'tbody',
            {},
            // a value without words of its own (a name, a description, a place) is data as recorded
            props.map(([k, v]) =>
              el(
                'tr',
                {},
                el('th', { scope: 'row' }, tData('prop', k)),
                el('td', { translate: isWordProperty(d.label, k) ? false : 'no' }, propertyValue(d.label, k, v)),
              ),
            ),
          ),
        ),
  );
}

/** The details panel's content: a note on the synthetic graph, a hint to pick a node, or the selected entity. */
export function detailsContent(state: ExploreState, drawn: Drawn, actions: DetailActions): HTMLElement[] {
  const heading = el('h2', { id: 'ex-detail-title' }, t('explore.detailTitle'));
  if (state.synthetic) return [heading, el('p', {}, t('explore.syntheticNote', { n: state.synthetic, canvas: canvasThreshold, worker: workerThreshold }))];
  if (!state.selected || !state.detail) return [heading, emptyState(t('explore.detailNone'), t('explore.detailTitle'))];
  return [heading, entityArticle(state, state.detail, drawn, actions)];
}

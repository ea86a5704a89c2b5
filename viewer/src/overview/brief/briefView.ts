import { href, type ViewDefinition } from '../../app/router.ts';
import { drawChainMap } from '../../chainMap/drawChainMap.ts';
import { segmentName } from '../../chainMap/segmentName.ts';
import { lang, t } from '../../i18n/i18n.ts';
import { el } from '../../ui/el.ts';
import { bind } from '../../ui/status.ts';
import { loadBrief, type BriefData } from './briefData.ts';
import { gapSection, roadmapSection, targetSection } from './briefSections.ts';

/** The map in the brief is drawn at the printed page's width (A4 portrait, 18 mm margins ≈ 660 CSS px; the map's floor is 760). */
const printWidth = 760;

/**
 * `#/chain/:chainId/brief`: the director's brief (招商路线图 + 短板清单 + 目标企业清单) as a printable page
 * (issue 16 item 3): the chain map, the ranked gaps with their figures, the first target firms per gap
 * with reasons and evidence strength, data source and date, demo data marked. The print stylesheet hides
 * the app's frame; "Print" opens the browser's print dialog (save as PDF there).
 */
export const briefView: ViewDefinition = {
  id: 'brief',
  pattern: '/chain/:chainId/brief',
  section: 'overview',
  mount({ container, params }) {
    let data: BriefData | null = null;
    const page = el('article', { class: 'view view-brief' });
    container.append(page);
    const render = () => {
      if (!data) return;
      const chain = segmentName(data.map.chain);
      const demoFirms = (g: BriefData['report']['gaps'][number]) => [...g.metrics.evidence.topFirms, ...g.metrics.evidence.demandFrom].some((f) => f.demo);
      const demo = [...data.report.gaps, ...data.report.extensions].some(demoFirms) || data.targets.some((x) => x.result?.candidates.some((c) => c.demo));
      const today = new Date().toLocaleDateString(lang(), { year: 'numeric', month: 'long', day: 'numeric' });
      const mapHolder = el('div', { class: 'brief-map' });
      page.replaceChildren(
        el(
          'header',
          { class: 'brief-head' },
          el(
            'nav',
            { class: 'brief-actions no-print' },
            el('a', { href: '#/', class: 'btn' }, t('brief.back')),
            ' ',
            el('a', { href: href('chain', data.map.chain.id), class: 'btn' }, t('nav.chain')),
            ' ',
            el('button', { type: 'button', class: 'btn primary', id: 'brief-print', onclick: () => window.print() }, t('brief.print')),
          ),
          el('h1', { id: 'view-title' }, t('brief.title', { chain })),
          el('p', { class: 'brief-subtitle' }, t('brief.subtitle')),
          el('p', { class: 'brief-source muted' }, t('brief.source', { date: today })),
          demo
            ? el('p', { class: 'overview-demo', role: 'note' }, el('span', { class: 'badge demo-badge' }, t('demo.badge')), ' ', t('overview.demoNote'))
            : null,
        ),
        roadmapSection(data.targets),
        el('section', { class: 'brief-section brief-map-section' }, el('h2', {}, t('brief.map')), mapHolder),
        gapSection(data.targets, data.extensions),
        targetSection(data.targets),
      );
      drawChainMap(mapHolder, data.map, {
        width: printWidth,
        onOpen: (segmentId) => (location.hash = href('chain', data!.map.chain.id, 'segment', segmentId)),
      });
    };
    const stop = bind(
      page,
      () => loadBrief(params.chainId),
      (loaded) => {
        data = loaded;
        render();
      },
    );
    return { relabel: render, destroy: stop };
  },
};

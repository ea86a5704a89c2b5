import type { ViewDefinition } from '../app/router.ts';
import { t } from '../i18n/i18n.ts';
import { chainCard } from '../overview/chainCard.ts';
import { fetchOverview, type DistrictOverview } from '../overview/overviewApi.ts';
import { drawStakeBars, stakeLegend } from '../overview/stakeBars.ts';
import { countedClasses } from '../overview/stakeClasses.ts';
import { el } from '../ui/el.ts';
import { bind, emptyState } from '../ui/status.ts';

/**
 * `#/`: the district overview (区级总览), the landing page — which chain is worst, by 亿元 at stake,
 * with each chain's gaps by class, trend and what changed, one click into its map (issue 16, item 1).
 * The data comes from GET /overview once; a language change or a new width redraws from it.
 */
export const overviewView: ViewDefinition = {
  id: 'overview',
  pattern: '/',
  section: 'overview',
  mount({ container }) {
    let data: DistrictOverview | null = null;
    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const source = el('p', { class: 'overview-source muted' });
    const demo = el('p', { class: 'overview-demo', role: 'note' });
    const chart = el('figure', { class: 'panel stake-panel' });
    const cards = el('div', { class: 'overview-grid' });
    const body = el('div', { class: 'overview-body' });
    container.append(
      el('section', { class: 'view view-overview', 'aria-labelledby': 'view-title' }, el('header', { class: 'view-head' }, title, intro, source, demo), body),
    );

    const drawChart = () => {
      if (!data) return;
      const width = Math.max(280, chart.clientWidth - 24);
      chart.replaceChildren(el('figcaption', {}, t('overview.stakeTitle'), stakeLegend()), drawStakeBars(data.chains, width));
    };
    const render = () => {
      title.textContent = t('overview.title');
      intro.textContent = t('overview.intro');
      if (!data) return;
      source.textContent = t('overview.source', { day: data.day });
      demo.replaceChildren(...(data.demo ? [el('span', { class: 'badge demo-badge' }, t('demo.badge')), ' ', t('overview.demoNote')] : []));
      if (data.chains.length === 0) return body.replaceChildren(emptyState(t('overview.empty')));
      const maxCount = Math.max(...data.chains.flatMap((r) => countedClasses.map((c) => r.counts[c])));
      body.replaceChildren(chart, cards);
      cards.replaceChildren(...data.chains.map((row, i) => chainCard(row, i + 1, data!, maxCount)));
      drawChart();
    };
    // The bars are drawn at the panel's width in pixels (text keeps its size): redrawn when it changes.
    let lastWidth = 0;
    const resize = new ResizeObserver(() => {
      if (chart.clientWidth !== lastWidth) {
        lastWidth = chart.clientWidth;
        drawChart();
      }
    });
    resize.observe(chart);
    render();
    const stop = bind(body, fetchOverview, (loaded) => {
      data = loaded;
      render();
    });
    return {
      relabel: render,
      destroy: () => {
        stop();
        resize.disconnect();
      },
    };
  },
};

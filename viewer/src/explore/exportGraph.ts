import { t } from '../i18n/i18n.ts';
import { exportPng, exportSvg } from '../ui/svgExport.ts';
import { rootName, type ExploreState } from './exploreState.ts';
import { graphSvg } from './graphExport.ts';
import type { DrawLink, DrawNode } from './nodeStyle.ts';

/** The file name of an export: the opened node and the view's name, or the synthetic graph's size. */
export function exportFileName(state: Pick<ExploreState, 'synthetic' | 'graph'>): string {
  return state.synthetic ? `synthetic_${state.synthetic}` : `${rootName(state) ?? 'graph'}_${t('nav.explore')}`;
}

/**
 * Saves the whole loaded picture (not just what is in view) as PNG or SVG. A PNG is rasterised in the
 * page and can fail (a huge canvas); the failure is handed back to be shown.
 */
export function exportGraph(
  format: 'png' | 'svg',
  state: ExploreState,
  drawn: { nodes: DrawNode[]; links: DrawLink[]; positions: Float32Array },
  aria: string,
  failed: (error: unknown) => void,
): void {
  const svg = graphSvg(drawn.nodes, drawn.links, drawn.positions, aria);
  if (format === 'svg') exportSvg(svg, exportFileName(state));
  else void exportPng(svg, exportFileName(state)).catch(failed);
}

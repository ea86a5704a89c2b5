import { drag, zoom, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import { displayName, lookOf, nodeAria, nodeRadius, nodeTitle, type DrawLink, type DrawNode, type GraphRenderer, type RendererCallbacks } from './nodeStyle.ts';
import { tData } from '../i18n/i18n.ts';
import { degreeOf, mustShow, placeLabels } from './labelPlacement.ts';
import { linkEnds } from './linkEnds.ts';
import { svgScene } from './svgScene.ts';

/** The label size the placement reckons with (the selected and root labels are 12 px; the rest 11). */
const labelFont = 12;

/**
 * The explorer picture as SVG (up to the Canvas threshold): each node a focusable element with its
 * name read out, one tab stop for the whole graph (arrow keys move between nodes, Enter opens,
 * P pins), links with arrowheads in their direction.
 */
export function createSvgRenderer(
  container: HTMLElement,
  width: number,
  height: number,
  initial: ZoomTransform,
  label: string,
  callbacks: RendererCallbacks,
): GraphRenderer {
  let nodes: DrawNode[] = [];
  let links: DrawLink[] = [];
  let positions: Float32Array = new Float32Array(0);
  let selected: string | null = null;
  let focusId: string | null = null;
  let current = initial;
  let showAllLabels = true;

  const { svg, background, viewport, linkLayer, linkLabelLayer, nodeLayer } = svgScene(container, width, height, label);
  let linkSel: Selection<SVGLineElement, DrawLink, SVGGElement, unknown> = linkLayer.selectAll<SVGLineElement, DrawLink>('line');
  let linkLabelSel: Selection<SVGTextElement, DrawLink, SVGGElement, unknown> = linkLabelLayer.selectAll<SVGTextElement, DrawLink>('text');
  let nodeSel: Selection<SVGGElement, DrawNode, SVGGElement, unknown> = nodeLayer.selectAll<SVGGElement, DrawNode>('g.node');

  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.03, 8])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
      current = event.transform;
      viewport.attr('transform', current.toString());
      callbacks.zoomed(current, Boolean(event.sourceEvent));
    });
  svg.call(zoomer).on('dblclick.zoom', null);
  svg.call(zoomer.transform, initial);

  const px = (i: number) => positions[2 * i] ?? 0;
  const py = (i: number) => positions[2 * i + 1] ?? 0;
  const radiusByIndex = new Map<number, number>();

  const dragger = drag<SVGGElement, DrawNode>()
    .subject((_event, d) => ({ x: px(d.index), y: py(d.index) }))
    .on('start', (event, d) => callbacks.drag(d, event.x, event.y, 'start'))
    .on('drag', (event, d) => callbacks.drag(d, event.x, event.y, 'move'))
    .on('end', (event, d) => callbacks.drag(d, event.x, event.y, 'end'));

  /** Relationship names only on the selected node's links (all of them at once is unreadable). */
  const drawLinkLabels = () => {
    const at = nodes.find((n) => n.id === selected)?.index;
    const incident = at === undefined ? [] : links.filter((l) => l.source === at || l.target === at);
    // a hub's dozens of names would pile up around it; its details panel lists them instead
    linkLabelSel = linkLabelLayer
      .selectAll<SVGTextElement, DrawLink>('text')
      .data(incident.length <= 12 ? incident : [], (l) => l.key)
      .join('text')
      .attr('class', 'link-label')
      .attr('text-anchor', 'middle')
      .text((l) => tData('rel', l.type));
    if (positions.length > 0) linkLabelSel.attr('x', (l) => (px(l.source) + px(l.target)) / 2).attr('y', (l) => (py(l.source) + py(l.target)) / 2 - 3);
  };

  let degree = new Map<number, number>();
  const labelShown = (n: DrawNode, kept: ReadonlySet<number>) => showAllLabels || n.root || n.expanded || n.pinned || kept.has(n.index);

  /** Names that would overlap a more important one move to a free side of their node or hide (explore/labelPlacement.ts). */
  const placeNodeLabels = () => {
    const kept = mustShow(nodes, links, selected);
    const wanted = nodes.filter((n) => labelShown(n, kept));
    const slots =
      positions.length === 0
        ? new Map()
        : placeLabels(
            wanted.map((n) => ({ node: n, text: displayName(n), x: px(n.index), y: py(n.index), radius: radiusByIndex.get(n.index) ?? 11 })),
            kept,
            degree,
            labelFont,
          );
    nodeSel.select<SVGTextElement>('text.node-label').each(function (n) {
      const slot = slots.get(n.index);
      if (!slot) {
        this.setAttribute('display', 'none');
        return;
      }
      this.removeAttribute('display');
      this.setAttribute('x', String(slot.dx));
      this.setAttribute('y', String(slot.dy));
      this.setAttribute('text-anchor', slot.anchor);
    });
  };

  const applyStates = () => {
    nodeSel
      .attr('class', (n) =>
        ['node', `label-${n.label}`, n.root ? 'root' : '', n.expanded ? 'expanded' : '', n.pinned ? 'pinned' : '', n.id === selected ? 'selected' : '']
          .filter(Boolean)
          .join(' '),
      )
      .attr('aria-label', (n) => nodeAria(n))
      .attr('aria-pressed', (n) => String(n.id === selected))
      .attr('tabindex', (n) => (n.id === (focusId ?? selected ?? nodes[0]?.id) ? 0 : -1));
    placeNodeLabels();
  };

  const moveFocus = (from: DrawNode, step: number | 'first' | 'last') => {
    const i = nodes.indexOf(from);
    const next = step === 'first' ? nodes[0] : step === 'last' ? nodes[nodes.length - 1] : nodes[(i + step + nodes.length) % nodes.length];
    if (next) renderer.focusNode(next.id);
  };

  const renderer: GraphRenderer = {
    kind: 'svg',
    element: svg.node()!,
    setData(nextNodes, nextLinks) {
      nodes = nextNodes;
      links = nextLinks;
      showAllLabels = nodes.length <= 150;
      radiusByIndex.clear();
      degree = degreeOf(links);
      for (const n of nodes) radiusByIndex.set(n.index, nodeRadius(n));
      linkSel = linkLayer
        .selectAll<SVGLineElement, DrawLink>('line')
        .data(links, (l) => l.key)
        .join('line')
        .attr('class', 'link')
        .attr('marker-end', 'url(#ex-arrow)');
      linkSel
        .selectAll('title')
        .data((l) => [l])
        .join('title')
        .text((l) => {
          const a = nodes.find((n) => n.index === l.source);
          const b = nodes.find((n) => n.index === l.target);
          return `${a?.name ?? ''} —${tData('rel', l.type)}→ ${b?.name ?? ''}`;
        });
      drawLinkLabels();
      nodeSel = nodeLayer
        .selectAll<SVGGElement, DrawNode>('g.node')
        .data(nodes, (n) => n.id)
        .join((enter) => {
          const g = enter
            .append('g')
            .attr('role', 'button')
            .attr('data-id', (n) => n.id);
          g.append('title');
          g.append('circle').attr('class', 'halo');
          g.append('circle').attr('class', 'dot');
          g.append('text').attr('class', 'node-letter').attr('text-anchor', 'middle').attr('dy', '0.36em');
          // a node's label is its name: data, not translated (ui/el.ts dataText)
          g.append('text').attr('class', 'node-label').attr('text-anchor', 'middle').attr('translate', 'no');
          return g;
        });
      nodeSel.select('title').text((n) => nodeTitle(n));
      nodeSel.select('circle.halo').attr('r', (n) => nodeRadius(n) + 4);
      nodeSel
        .select('circle.dot')
        .attr('r', (n) => nodeRadius(n))
        .attr('fill', (n) => lookOf(n.label).colour);
      nodeSel.select('text.node-letter').text((n) => lookOf(n.label).letter);
      nodeSel.select('text.node-label').text((n) => displayName(n));
      nodeSel
        .call(dragger)
        .on('click', (event: MouseEvent, n) => {
          event.stopPropagation();
          focusId = n.id;
          callbacks.activate(n.id);
        })
        .on('dblclick', (event: MouseEvent, n) => {
          event.stopPropagation();
          callbacks.unpin(n.id);
        })
        .on('keydown', (event: KeyboardEvent, n) => {
          const key = event.key;
          if (key === 'Enter' || key === ' ') callbacks.activate(n.id);
          else if (key === 'p' || key === 'P') callbacks.togglePin(n.id);
          else if (key === 'ArrowRight' || key === 'ArrowDown') moveFocus(n, 1);
          else if (key === 'ArrowLeft' || key === 'ArrowUp') moveFocus(n, -1);
          else if (key === 'Home') moveFocus(n, 'first');
          else if (key === 'End') moveFocus(n, 'last');
          else return;
          event.preventDefault();
        })
        .on('focus', (_event, n) => {
          focusId = n.id;
        });
      applyStates();
      if (positions.length > 0) renderer.draw(positions);
    },
    draw(next) {
      positions = next;
      linkSel.each(function (l) {
        const [x1, y1, x2, y2] = linkEnds(
          px(l.source),
          py(l.source),
          px(l.target),
          py(l.target),
          radiusByIndex.get(l.source) ?? 11,
          (radiusByIndex.get(l.target) ?? 11) + 2,
        );
        this.setAttribute('x1', String(x1));
        this.setAttribute('y1', String(y1));
        this.setAttribute('x2', String(x2));
        this.setAttribute('y2', String(y2));
      });
      linkLabelSel.attr('x', (l) => (px(l.source) + px(l.target)) / 2).attr('y', (l) => (py(l.source) + py(l.target)) / 2 - 3);
      nodeSel.attr('transform', (n) => `translate(${px(n.index)},${py(n.index)})`);
      placeNodeLabels();
    },
    setSelected(id) {
      selected = id;
      if (id) focusId = id;
      applyStates();
      drawLinkLabels();
    },
    resize(w, h) {
      svg.attr('width', w).attr('height', h);
      background.attr('width', w).attr('height', h);
    },
    zoomBy(factor) {
      svg.transition().duration(200).call(zoomer.scaleBy, factor);
    },
    zoomTo(transform, animate = false) {
      if (animate) svg.transition().duration(300).call(zoomer.transform, transform);
      else svg.call(zoomer.transform, transform);
    },
    focusNode(id) {
      focusId = id;
      applyStates();
      nodeSel
        .filter((n) => n.id === id)
        .node()
        ?.focus();
    },
    destroy() {
      svg.on('.zoom', null);
      svg.interrupt();
      svg.remove();
    },
  };
  return renderer;
}

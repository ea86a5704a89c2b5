import { drag, select, zoom, type ZoomBehavior, type ZoomTransform } from 'd3';
import { tData } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { hideTooltip, showTooltip } from '../ui/tooltip.ts';
import { degreeOf, mustShow, placeLabels, type LabelInput } from './labelPlacement.ts';
import { displayName, graphFont, lookOf, nodeRadius, type DrawLink, type DrawNode, type GraphRenderer, type RendererCallbacks } from './nodeStyle.ts';

/**
 * The explorer picture on a Canvas, for graphs too big for one DOM element per node (thousands of
 * nodes): links in one path, nodes batched by colour, letters and names only when zoomed in enough
 * to read them. Pointer hits are a scan over the visible nodes (cheap next to drawing). The canvas
 * is one tab stop (arrows pan, + and − zoom); nodes are reached by keyboard through the node list
 * beside it.
 */
export function createCanvasRenderer(
  container: HTMLElement,
  width: number,
  height: number,
  initial: ZoomTransform,
  label: string,
  callbacks: RendererCallbacks,
): GraphRenderer {
  let nodes: DrawNode[] = [];
  let dense = false;
  let links: DrawLink[] = [];
  let degree = new Map<number, number>();
  let positions: Float32Array = new Float32Array(0);
  let selected: string | null = null;
  let hovered: DrawNode | null = null;
  let current = initial;
  let w = width;
  let h = height;
  let frame = 0;
  const ratio = Math.min(2, window.devicePixelRatio || 1);

  const canvas = el('canvas', { class: 'explore-canvas', tabindex: 0, role: 'img', 'aria-label': label });
  container.append(canvas);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas 2D is not available');
  const ctx = context;

  const size = () => {
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  };
  size();

  const px = (i: number) => positions[2 * i] ?? 0;
  const py = (i: number) => positions[2 * i + 1] ?? 0;

  const paint = () => {
    frame = 0;
    const k = current.k;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(ratio * k, 0, 0, ratio * k, ratio * current.x, ratio * current.y);
    // what is in view, in graph coordinates (with a margin for labels)
    const [x0, y0] = current.invert([-40, -40]);
    const [x1, y1] = current.invert([w + 40, h + 40]);
    const inView = (x: number, y: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

    ctx.beginPath();
    for (const l of links) {
      ctx.moveTo(px(l.source), py(l.source));
      ctx.lineTo(px(l.target), py(l.target));
    }
    ctx.strokeStyle = 'rgba(90, 100, 112, 0.35)';
    ctx.lineWidth = 1 / k;
    ctx.stroke();

    const byColour = new Map<string, DrawNode[]>();
    let visibleCount = 0;
    for (const n of nodes) {
      if (!inView(px(n.index), py(n.index))) continue;
      visibleCount++;
      const colour = lookOf(n.label).colour;
      (byColour.get(colour) ?? byColour.set(colour, []).get(colour)!).push(n);
    }
    for (const [colour, group] of byColour) {
      ctx.beginPath();
      for (const n of group) {
        const r = nodeRadius(n, dense);
        ctx.moveTo(px(n.index) + r, py(n.index));
        ctx.arc(px(n.index), py(n.index), r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = colour;
      ctx.fill();
      if (k > 0.4) {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1.2 / k;
        ctx.stroke();
      }
    }
    // states drawn the way the SVG draws them: root thick, pinned dashed, selected haloed
    for (const n of nodes) {
      if (!(n.root || n.pinned || n.expanded || n.id === selected)) continue;
      const r = nodeRadius(n, dense);
      ctx.beginPath();
      ctx.arc(px(n.index), py(n.index), r, 0, 2 * Math.PI);
      ctx.setLineDash(n.pinned ? [3, 2] : []);
      ctx.strokeStyle = '#000';
      ctx.lineWidth = n.root ? 3 : 2;
      ctx.stroke();
      if (n.id === selected) {
        ctx.beginPath();
        ctx.setLineDash([]);
        ctx.arc(px(n.index), py(n.index), r + 4, 0, 2 * Math.PI);
        ctx.strokeStyle = '#1d4ed8';
        ctx.lineWidth = 4;
        ctx.stroke();
      }
      ctx.setLineDash([]);
    }
    // letters when a node is big enough on screen; names for the nodes that matter, or all when zoomed in
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    if (k * (dense ? 5 : 11) >= 9 && visibleCount <= 1500) {
      ctx.font = `700 10px ${graphFont}`;
      ctx.fillStyle = '#000';
      for (const n of nodes) if (inView(px(n.index), py(n.index))) ctx.fillText(lookOf(n.label).letter, px(n.index), py(n.index));
    }
    ctx.font = `12px ${graphFont}`;
    ctx.lineJoin = 'round';
    // the selected node's neighbours keep their names; the rest give way where names would overlap (explore/labelPlacement.ts)
    const kept = mustShow(nodes, links, selected);
    const wanted: LabelInput[] = [];
    for (const n of nodes) {
      const important = n.root || n.id === selected || n === hovered || n.pinned;
      if (important) kept.add(n.index);
      if (!important && !kept.has(n.index) && (k < 1.4 || wanted.length > 400)) continue;
      if (!inView(px(n.index), py(n.index))) continue;
      wanted.push({ node: n, text: displayName(n), x: px(n.index), y: py(n.index), radius: nodeRadius(n, dense) });
    }
    const slots = placeLabels(wanted, kept, degree, 12);
    ctx.textBaseline = 'alphabetic';
    for (const { node: n, text, x, y } of wanted) {
      const slot = slots.get(n.index);
      if (!slot) continue;
      ctx.textAlign = slot.anchor === 'middle' ? 'center' : slot.anchor === 'start' ? 'left' : 'right';
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 3;
      ctx.strokeText(text, x + slot.dx, y + slot.dy);
      ctx.fillStyle = '#111';
      ctx.fillText(text, x + slot.dx, y + slot.dy);
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(paint);
  };

  /** The node under a point in screen coordinates, nearest first. */
  const hit = (sx: number, sy: number): DrawNode | null => {
    const [x, y] = current.invert([sx, sy]);
    let best: DrawNode | null = null;
    let bestD = Infinity;
    for (const n of nodes) {
      const d = Math.hypot(px(n.index) - x, py(n.index) - y);
      const reach = nodeRadius(n, dense) + 3 / current.k;
      if (d <= reach && d < bestD) {
        best = n;
        bestD = d;
      }
    }
    return best;
  };
  const local = (event: MouseEvent) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top] as const;
  };

  const zoomer: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.03, 8])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
      current = event.transform;
      callbacks.zoomed(current, Boolean(event.sourceEvent));
      schedule();
    });
  let dragging: DrawNode | null = null;
  const dragger = drag<HTMLCanvasElement, unknown>()
    .container(canvas)
    .subject((event: { x: number; y: number }) => {
      const n = hit(event.x, event.y);
      if (!n) return null; // empty space: the zoom pans instead
      const [x, y] = current.apply([px(n.index), py(n.index)]);
      return { x, y, node: n };
    })
    .on('start', (event: { x: number; y: number; subject: { node: DrawNode } }) => {
      dragging = event.subject.node;
      const [x, y] = current.invert([event.x, event.y]);
      callbacks.drag(dragging, x, y, 'start');
    })
    .on('drag', (event: { x: number; y: number }) => {
      if (!dragging) return;
      const [x, y] = current.invert([event.x, event.y]);
      callbacks.drag(dragging, x, y, 'move');
    })
    .on('end', (event: { x: number; y: number }) => {
      if (!dragging) return;
      const [x, y] = current.invert([event.x, event.y]);
      callbacks.drag(dragging, x, y, 'end');
      dragging = null;
    });
  const selection = select(canvas);
  selection.call(dragger).call(zoomer).on('dblclick.zoom', null);
  selection.call(zoomer.transform, initial);

  canvas.addEventListener('click', (event) => {
    const n = hit(...local(event));
    if (n) callbacks.activate(n.id);
  });
  canvas.addEventListener('dblclick', (event) => {
    const n = hit(...local(event));
    if (n) callbacks.unpin(n.id);
  });
  canvas.addEventListener('pointermove', (event) => {
    const n = hit(...local(event));
    canvas.style.cursor = n ? 'pointer' : 'grab';
    if (n !== hovered) {
      hovered = n;
      schedule();
    }
    if (n)
      showTooltip(el('div', {}, el('div', { class: 'tip-title' }, n.name, demoBadge(n.demo)), el('div', {}, tData('node', n.label))), {
        x: event.pageX - window.scrollX,
        y: event.pageY - window.scrollY,
      });
    else hideTooltip();
  });
  canvas.addEventListener('pointerleave', () => {
    hovered = null;
    hideTooltip();
    schedule();
  });
  canvas.addEventListener('keydown', (event) => {
    const pan = 60;
    const moves: Record<string, [number, number]> = { ArrowLeft: [pan, 0], ArrowRight: [-pan, 0], ArrowUp: [0, pan], ArrowDown: [0, -pan] };
    if (moves[event.key]) selection.call(zoomer.translateBy, moves[event.key][0] / current.k, moves[event.key][1] / current.k);
    else if (event.key === '+' || event.key === '=') selection.call(zoomer.scaleBy, 1.3);
    else if (event.key === '-') selection.call(zoomer.scaleBy, 1 / 1.3);
    else return;
    event.preventDefault();
  });

  return {
    kind: 'canvas',
    element: canvas,
    setData(nextNodes, nextLinks) {
      nodes = nextNodes;
      links = nextLinks;
      degree = degreeOf(links);
      dense = nodes.length > 1500;
      schedule();
    },
    draw(next) {
      positions = next;
      schedule();
    },
    setSelected(id) {
      selected = id;
      schedule();
    },
    resize(nextW, nextH) {
      w = nextW;
      h = nextH;
      size();
      schedule();
    },
    zoomBy(factor) {
      selection.transition().duration(200).call(zoomer.scaleBy, factor);
    },
    zoomTo(transform, animate = false) {
      if (animate) selection.transition().duration(300).call(zoomer.transform, transform);
      else selection.call(zoomer.transform, transform);
    },
    focusNode() {
      canvas.focus();
    },
    destroy() {
      cancelAnimationFrame(frame);
      selection.on('.zoom', null).on('.drag', null);
      selection.interrupt();
      hideTooltip();
      canvas.remove();
    },
  };
}

import type { ZoomTransform } from 'd3';
import { lang, t, tData } from '../i18n/i18n.ts';
import { nodeLooks } from '../segment/drawPathGraph.ts';
import { shortName } from '../segment/pathGraphData.ts';

/** A node as the renderers draw it: `index` is its place in the layout's position array. */
export interface DrawNode {
  id: string;
  label: string;
  name: string;
  /** Demo data (演示数据): shown beside the name in labels, tooltips and what a screen reader hears. */
  demo: boolean;
  index: number;
  root: boolean;
  expanded: boolean;
  pinned: boolean;
  truncated: boolean;
}

export interface DrawLink {
  key: string;
  type: string;
  /** Layout indexes of its ends. */
  source: number;
  target: number;
}

export interface RendererCallbacks {
  /** Click, Enter: select the node and open its neighbourhood. */
  activate(id: string): void;
  /** Double click: let the node move again. */
  unpin(id: string): void;
  /** Keyboard P: pin where it is, or unpin. */
  togglePin(id: string): void;
  /** Dragging pins the node where it is dropped. */
  drag(node: DrawNode, x: number, y: number, phase: 'start' | 'move' | 'end'): void;
  /** The view moved; `byUser` when a person zoomed or panned (not a programmatic fit). */
  zoomed(transform: ZoomTransform, byUser: boolean): void;
}

export interface GraphRenderer {
  readonly kind: 'svg' | 'canvas';
  readonly element: HTMLElement | SVGSVGElement;
  setData(nodes: DrawNode[], links: DrawLink[]): void;
  draw(positions: Float32Array): void;
  setSelected(id: string | null): void;
  resize(width: number, height: number): void;
  zoomBy(factor: number): void;
  zoomTo(transform: ZoomTransform, animate?: boolean): void;
  focusNode(id: string): void;
  destroy(): void;
}

/** Colour and letter per label (Okabe–Ito, shared with the explanation graphs); the letter keeps it readable without colour. */
export function lookOf(label: string): { colour: string; letter: string } {
  const look = nodeLooks[label] ?? { colour: '#BBBBBB', zh: '?', en: '?' };
  return { colour: look.colour, letter: lang() === 'en' ? look.en : look.zh };
}

/** Node size; `dense` (thousands of nodes, Canvas) draws them smaller so the picture is not one blot. */
export const nodeRadius = (n: Pick<DrawNode, 'root'>, dense = false) => (dense ? (n.root ? 9 : 5) : n.root ? 15 : 11);

export function displayName(n: Pick<DrawNode, 'label' | 'name' | 'demo'>): string {
  const name = n.label === 'Enterprise' ? shortName(n.name) : n.name;
  const short = name.length > 16 ? `${name.slice(0, 15)}…` : name;
  // The short word keeps a graph of generated firms readable; the tooltip and details say it in full.
  if (!n.demo) return short;
  return lang() === 'en' ? `${short} [${t('demo.short')}]` : `${short}［${t('demo.short')}］`;
}

/** A node's tooltip: full name and label, and for demo data the warning in full. */
export function nodeTitle(n: Pick<DrawNode, 'label' | 'name' | 'demo'>): string {
  const label = lang() === 'en' ? ` (${tData('node', n.label)})` : `（${tData('node', n.label)}）`;
  return `${n.name}${label}${n.demo ? `\n${t('demo.title')}` : ''}`;
}

/** What a screen reader hears for a node. */
export function nodeAria(n: DrawNode): string {
  const states = [n.root ? t('explore.state.root') : '', n.expanded ? t('explore.state.expanded') : '', n.pinned ? t('explore.state.pinned') : ''].filter(
    Boolean,
  );
  const sep = t('explore.stateSep');
  if (n.demo) states.push(t('demo.badge'));
  return t('explore.nodeAria', { name: n.name, label: tData('node', n.label), states: states.map((s) => `${sep}${s}`).join('') });
}

export const graphFont = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';

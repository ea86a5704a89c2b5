// The chain map's look, carried inside the SVG: its styles and the health classes' fill patterns.
import type { Selection } from 'd3';
import { healthClasses, healthStyle, patternId, patternShapes } from './healthStyle.ts';

/** The prefix of the map's pattern ids (two SVGs with patterns on one page must not share ids). */
export const prefix = 'cm';
export const nameFont = 13;

/** Styles travel inside the SVG so the exported file looks like the page. */
export const inlineStyle = `
.chain-map { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
.chain-map .band { fill: #f4f6f8; }
.chain-map .band.alt { fill: #eaeef2; }
.chain-map .band-label { font-size: 13px; font-weight: 700; fill: #3b4652; letter-spacing: .05em; }
.chain-map .flow { fill: none; stroke: #56728c; stroke-opacity: .38; stroke-linecap: butt; }
.chain-map .flow-sample { fill: none; stroke: #56728c; stroke-opacity: .38; }
.chain-map .flow-sample.none { stroke-dasharray: 4 4; stroke-opacity: .8; }
.chain-map .flow.none { stroke-dasharray: 4 4; stroke-opacity: .55; }
.chain-map.focusing .flow { stroke-opacity: .1; }
.chain-map.focusing .flow.related { stroke-opacity: .75; stroke: #1f3b57; }
.chain-map .segment { cursor: pointer; outline: none; }
.chain-map .segment .name { font-size: ${nameFont}px; font-weight: 700; fill: #111; }
.chain-map .segment .figures { font-size: 11px; fill: #333; }
.chain-map .segment .badge-text { font-size: 11px; font-weight: 700; }
.chain-map .segment .focus-ring { fill: none; stroke: transparent; stroke-width: 3; }
.chain-map .segment:hover .box, .chain-map .segment.active .box { stroke-width: 3; }
.chain-map .segment:focus-visible .focus-ring, .chain-map .segment.active .focus-ring { stroke: #000; }
.chain-map .legend-text { font-size: 12px; fill: #222; }
.chain-map .legend-count { font-size: 12px; font-weight: 700; fill: #222; }
`;

/** One fill pattern per health class, so a class reads without colour. */
export function addPatterns(defs: Selection<SVGDefsElement, unknown, null, undefined>): void {
  for (const cls of healthClasses) {
    const style = healthStyle(cls);
    const size = 8;
    const pattern = defs.append('pattern').attr('id', patternId(prefix, cls)).attr('patternUnits', 'userSpaceOnUse').attr('width', size).attr('height', size);
    pattern.append('rect').attr('width', size).attr('height', size).attr('fill', style.tint);
    for (const shape of patternShapes(style.pattern, size)) {
      const node = pattern.append(shape.tag);
      for (const [k, v] of Object.entries(shape.attrs)) node.attr(k, v);
      if (shape.tag === 'path') node.attr('stroke', style.colour).attr('fill', 'none');
      else node.attr('fill', style.colour);
    }
  }
}

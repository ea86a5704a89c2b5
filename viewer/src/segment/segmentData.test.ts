import { describe, expect, it } from 'vitest';
import type { GraphPath, SignalScore } from '../api/types.ts';
import { activeFilterCount, defaultMode, emptyFilters, modesFor, partnerRequest, splitList } from './partnerQuery.ts';
import { depthFromCandidate, mergePaths, shortName } from './pathGraphData.ts';
import { normaliseProvince, provinces } from './provinces.ts';
import { stackSignals } from './signalBar.ts';

describe('partner request', () => {
  it('splits lists on ASCII and Chinese separators, dropping blanks and repeats', () => {
    expect(splitList('江苏, 上海，浙江、江苏;; ')).toEqual(['江苏', '上海', '浙江']);
    expect(splitList('')).toEqual([]);
  });

  it('leaves empty filters out and keeps the ones set', () => {
    expect(partnerRequest('biomed', 'biomed.cdmo', 'fill', emptyFilters())).toEqual({
      chainId: 'biomed',
      segmentId: 'biomed.cdmo',
      mode: 'fill',
      limit: 20,
      filters: {},
    });
    const f = {
      ...emptyFilters(),
      tags: ['listed' as const],
      provinces: ['江苏'],
      minSize: 'medium' as const,
      excludeKeywords: ['医院'],
      includeIntermediaries: true,
      limit: 10,
    };
    expect(partnerRequest('biomed', 'biomed.cdmo', 'strengthen', f)).toEqual({
      chainId: 'biomed',
      segmentId: 'biomed.cdmo',
      mode: 'strengthen',
      limit: 10,
      filters: { tags: ['listed'], provinces: ['江苏'], minSize: 'medium', excludeKeywords: ['医院'], includeIntermediaries: true },
    });
    expect(activeFilterCount(f)).toBe(5);
    expect(activeFilterCount(emptyFilters())).toBe(0);
  });

  it('opens a segment in the one mode that fits it, as the API decides (409 for the others)', () => {
    expect(defaultMode({ class: 'broken', metrics: { localFirmCount: 0 } })).toBe('fill');
    expect(defaultMode({ class: 'healthy', metrics: { localFirmCount: 4 } })).toBe('strengthen');
    expect(defaultMode({ class: 'weak', metrics: { localFirmCount: 1 } })).toBe('strengthen');
    expect(defaultMode({ class: 'extension', metrics: { localFirmCount: 0 } })).toBe('extend');
    expect(modesFor({ class: 'absent', metrics: { localFirmCount: 0 } })).toEqual(['extend']);
  });
});

describe('stackSignals', () => {
  const s = (signal: string, contribution: number): SignalScore => ({ signal, value: contribution, weight: 1, contribution, detail: '' });
  it('lays contributions end to end in a fixed order, skipping zeros', () => {
    const parts = stackSignals([s('scale', 0.08), s('fit', 0.3), s('channel', 0), s('ties', 0.1)]);
    expect(parts.map((p) => p.signal)).toEqual(['fit', 'ties', 'scale']);
    expect(parts[0]).toMatchObject({ x0: 0, x1: 0.3 });
    expect(parts[2].x1).toBeCloseTo(0.48, 10);
  });
});

describe('mergePaths', () => {
  const paths: GraphPath[] = [
    {
      signal: 'fit',
      nodes: [
        { id: 'c', label: 'Enterprise', name: 'C' },
        { id: 's', label: 'Segment', name: '环节', nameEn: 'S' },
      ],
      relationships: [{ type: 'IN_SEGMENT', from: 'c', to: 's' }],
    },
    {
      signal: 'fit',
      nodes: [
        { id: 'c', label: 'Enterprise', name: 'C' },
        { id: 'p', label: 'Product', name: 'P' },
        { id: 's', label: 'Segment', name: 'S' },
      ],
      relationships: [
        { type: 'MAKES', from: 'c', to: 'p' },
        { type: 'INCLUDES', from: 's', to: 'p' },
      ],
    },
    {
      signal: 'ties',
      nodes: [
        { id: 'c', label: 'Enterprise', name: 'C' },
        { id: 'l', label: 'Enterprise', name: 'L' },
      ],
      relationships: [{ type: 'SUPPLIES', from: 'c', to: 'l' }],
    },
    {
      signal: 'connectivity',
      nodes: [
        { id: 'c', label: 'Enterprise', name: 'C' },
        { id: 'l', label: 'Enterprise', name: 'L' },
      ],
      relationships: [{ type: 'SUPPLIES', from: 'c', to: 'l' }],
    },
  ];
  it('merges nodes and relationships shared by several paths, and marks the candidate', () => {
    const g = mergePaths(paths, 'c');
    expect(g.nodes.map((n) => [n.id, n.role])).toEqual([
      ['c', 'candidate'],
      ['s', 'other'],
      ['p', 'other'],
      ['l', 'local'],
    ]);
    expect(g.links).toHaveLength(4);
    expect(g.links.find((l) => l.type === 'SUPPLIES')!.signals).toEqual(['ties', 'connectivity']);
    expect(g.nodes[0].signals).toEqual(['fit', 'ties', 'connectivity']);
    // the English name travels with the node, for the English picture; nodes without one get none
    expect(g.nodes.find((n) => n.id === 's')).toMatchObject({ name: '环节', nameEn: 'S' });
    expect(g.nodes.find((n) => n.id === 'p')).not.toHaveProperty('nameEn');
  });
  it('places every node at its distance from the candidate', () => {
    const g = mergePaths(paths, 'c');
    expect(Object.fromEntries(depthFromCandidate(g, 'c'))).toEqual({ c: 0, s: 1, p: 1, l: 1 });
    const chain = mergePaths(
      [
        {
          signal: 'connectivity',
          nodes: [
            { id: 'l', label: 'Enterprise', name: 'L' },
            { id: 'lp', label: 'Product', name: 'LP' },
            { id: 'cp', label: 'Product', name: 'CP' },
            { id: 'c', label: 'Enterprise', name: 'C' },
          ],
          relationships: [
            { type: 'MAKES', from: 'l', to: 'lp' },
            { type: 'INPUT_TO', from: 'lp', to: 'cp' },
            { type: 'MAKES', from: 'c', to: 'cp' },
          ],
        },
      ],
      'c',
    );
    expect(Object.fromEntries(depthFromCandidate(chain, 'c'))).toEqual({ l: 3, lp: 2, cp: 1, c: 0 });
    expect(depthFromCandidate({ nodes: [{ id: 'x', label: 'Product', name: 'X', role: 'other', signals: [] }], links: [] }, 'c').get('x')).toBe(1);
  });

  it('is empty without paths', () => {
    expect(mergePaths([], 'c')).toEqual({ nodes: [], links: [] });
  });
});

describe('shortName', () => {
  it('drops the legal form but never empties a name', () => {
    expect(shortName('南京宇正生物科技股份有限公司')).toBe('南京宇正生物科技');
    expect(shortName('泰州卓睿药业有限公司')).toBe('泰州卓睿药业');
    expect(shortName('抗体偶联药物（ADC）')).toBe('抗体偶联药物（ADC）');
    expect(shortName('有限公司')).toBe('有限公司');
  });
});

describe('normaliseProvince', () => {
  it('completes what a person types to the stored full name', () => {
    expect(provinces).toHaveLength(34);
    expect(normaliseProvince('江苏')).toBe('江苏省');
    expect(normaliseProvince(' 上海 ')).toBe('上海市');
    expect(normaliseProvince('广西')).toBe('广西壮族自治区');
    expect(normaliseProvince('江苏省')).toBe('江苏省');
    // ambiguous or unknown stays as typed
    expect(normaliseProvince('湖')).toBe('湖');
    expect(normaliseProvince('Jiangsu')).toBe('Jiangsu');
  });
});

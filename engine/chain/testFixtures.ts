import fc from 'fast-check';
import type { ChainSnapshot, SnapshotFirm, SnapshotTie } from './snapshot.ts';

/**
 * A four-segment chain whose right answers are known by hand:
 *   s1 (upstream) → s2 → s3 → s4 (downstream)
 * s1 has no local firm but s2 and s3 need its product → missing.
 * s2 has one large and one micro firm → weak (single supplier).
 * s3 has two balanced firms → healthy.
 * s4 has no local firm and no local demand, and s3 feeds it → extension.
 */
export function fixtureSnapshot(extraFirms: SnapshotFirm[] = [], extraTies: SnapshotTie[] = []): ChainSnapshot {
  const segment = (n: number, stage: 'upstream' | 'midstream' | 'downstream') => ({
    id: `s${n}`,
    name: `环节${n}`,
    nameEn: `Segment ${n}`,
    stage,
    order: n,
    description: '',
    keywords: [],
    products: [{ id: `p${n}`, name: `产品${n}` }],
  });
  return {
    chain: { id: 'fx', name: '测试链', nameEn: 'Fixture chain' },
    segments: [segment(1, 'upstream'), segment(2, 'midstream'), segment(3, 'downstream'), segment(4, 'downstream')],
    feeds: [
      ['s1', 's2'],
      ['s2', 's3'],
      ['s3', 's4'],
    ],
    inputTo: [
      ['p1', 'p2'],
      ['p1', 'p3'],
      ['p2', 'p3'],
      ['p3', 'p4'],
    ],
    firms: [firm('big2', 's2', 200_000), firm('micro2', 's2', 100), firm('a3', 's3', 50_000, true), firm('b3', 's3', 50_000), ...extraFirms],
    ties: [
      { from: 'big2', fromName: 'big2', fromLocal: true, fromSegmentIds: ['s2'], to: 'a3', toName: 'a3', sharePct: 80 },
      { from: 'big2', fromName: 'big2', fromLocal: true, fromSegmentIds: ['s2'], to: 'b3', toName: 'b3', sharePct: 80 },
      { from: 'out1', fromName: 'out1', fromLocal: false, fromSegmentIds: ['s1'], to: 'big2', toName: 'big2', sharePct: 50 },
      ...extraTies,
    ],
  };
}

export function firm(id: string, segmentId: string, revenueWan: number | null, hasPartyOrg = false): SnapshotFirm {
  const n = segmentId.slice(1);
  return {
    id,
    name: id,
    local: true,
    size: 'medium',
    revenueWan,
    employees: null,
    registeredCapitalWan: null,
    tags: [],
    hasPartyOrg,
    segmentIds: [segmentId],
    productIds: [`p${n}`],
  };
}

const randomIds = ['s1', 's2', 's3', 's4', 's5', 's6'];

/**
 * Random chains for property tests: up to 12 FEEDS and 8 INPUT_TO edges among six segments, up to ten
 * local firms with or without revenue, size, employees and products, and up to six supply ties from
 * local or outside firms.
 */
export function randomChain(): fc.Arbitrary<ChainSnapshot> {
  const pair = fc.tuple(fc.constantFrom(...randomIds), fc.constantFrom(...randomIds)).filter(([a, b]) => a !== b);
  return fc
    .record({
      feeds: fc.uniqueArray(pair, { selector: ([a, b]) => `${a}>${b}`, maxLength: 12 }),
      inputTo: fc.uniqueArray(pair, { selector: ([a, b]) => `${a}>${b}`, maxLength: 8 }),
      firms: fc.array(
        fc.record({
          seg: fc.constantFrom(...randomIds),
          // From 100万元: below that a firm's needs can round to zero at the 1万元 the figures are kept to.
          revenueWan: fc.option(fc.integer({ min: 100, max: 500_000 }), { nil: null }),
          size: fc.option(fc.constantFrom('micro', 'small', 'medium', 'large'), { nil: null }),
          employees: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
          withProduct: fc.boolean(),
        }),
        { maxLength: 10 },
      ),
      ties: fc.array(fc.record({ from: fc.constantFrom(...randomIds), outside: fc.boolean(), to: fc.nat(9), sharePct: fc.integer({ min: 1, max: 100 }) }), {
        maxLength: 6,
      }),
    })
    .map(({ feeds, inputTo, firms, ties }): ChainSnapshot => {
      const local = firms.map((f, i): SnapshotFirm => ({
        id: `f${i}`,
        name: `f${i}`,
        local: true,
        size: f.size,
        revenueWan: f.revenueWan,
        employees: f.employees,
        registeredCapitalWan: null,
        tags: [],
        hasPartyOrg: false,
        segmentIds: [f.seg],
        productIds: f.withProduct ? [`p${f.seg}`] : [],
      }));
      return {
        chain: { id: 'fx', name: '测试链', nameEn: 'Fixture' },
        segments: randomIds.map((id, i) => ({
          id,
          name: id,
          nameEn: id,
          stage: 'midstream',
          order: i + 1,
          description: '',
          keywords: [],
          products: [{ id: `p${id}`, name: `产品${id}` }],
        })),
        feeds,
        inputTo: inputTo.map(([a, b]) => [`p${a}`, `p${b}`]),
        firms: local,
        ties:
          local.length === 0
            ? []
            : ties.map((t, i) => {
                const buyer = local[t.to % local.length];
                return {
                  from: `t${i}`,
                  fromName: `t${i}`,
                  fromLocal: !t.outside,
                  fromSegmentIds: [t.from],
                  to: buyer.id,
                  toName: buyer.name,
                  sharePct: t.sharePct,
                };
              }),
      };
    });
}

import type { EnterpriseSize, EnterpriseTag } from '../../engine/index.ts';
import { articleFigures, scaled, syntheticTargets } from './calibration.ts';
import { qixia, randomOutsidePlace, type Place } from './geography.ts';
import { FirmNamer } from './names.ts';
import { plantedGaps } from './plantedGaps.ts';
import { serviceSegments } from './serviceSegments.ts';
import { syntheticUscc } from './uscc.ts';
import { WeightedUrn } from './weightedUrn.ts';
import type { Firm, World } from './world.ts';

const sizeProfile: Record<EnterpriseSize, { revenueWan: number; employees: number }> = {
  micro: { revenueWan: 300, employees: 12 },
  small: { revenueWan: 2_500, employees: 60 },
  medium: { revenueWan: 18_000, employees: 320 },
  large: { revenueWan: 150_000, employees: 2_200 },
};
const localSizes: [EnterpriseSize, number][] = [
  ['micro', 34],
  ['small', 36],
  ['medium', 22],
  ['large', 8],
];
const outsideSizes: [EnterpriseSize, number][] = [
  ['micro', 12],
  ['small', 35],
  ['medium', 37],
  ['large', 16],
];

function drawSize(world: World, table: [EnterpriseSize, number][]): EnterpriseSize {
  return world.random.weighted(table, ([, w]) => w)[0];
}

function segmentProducts(world: World, segmentId: string, k: number): string[] {
  return world.random.sample(
    world.segments.get(segmentId)!.products.map((p) => p.id),
    k,
  );
}

function describe(world: World, segmentIds: string[], productIds: string[], intermediary: boolean): { description: string; businessScope: string } {
  const segs = segmentIds.map((id) => world.segments.get(id)!);
  const products = productIds.map((id) => segs.flatMap((s) => s.products).find((p) => p.id === id)!.name);
  const keywords = world.random.sample(
    segs.flatMap((s) => s.keywords),
    4,
  );
  if (intermediary) {
    return {
      description: `从事${products.join('、')}等产品的${world.random.pick(['贸易代理', '销售与咨询', '技术培训', '商务服务'])}。`,
      businessScope: `${products.join('、')}销售；进出口代理；企业管理咨询；技术培训；商务信息咨询。`,
    };
  }
  const services = segmentIds.every((id) => serviceSegments.has(id));
  return {
    description: `${segs.map((s) => s.name).join('、')}企业，主营${products.join('、')}。`,
    businessScope: services
      ? `${keywords.join('、')}；${products.join('、')}；技术开发、技术服务。`
      : `${keywords.join('、')}的研发、生产与销售；${products.join('、')}；技术开发、技术服务。`,
  };
}

function makeFirm(
  world: World,
  namer: FirmNamer,
  opts: { chainId: string; segmentIds: string[]; local: boolean; place: Place; size: EnterpriseSize; intermediary?: boolean },
): Firm {
  const { random } = world;
  const profile = sizeProfile[opts.size];
  const productIds = opts.segmentIds.flatMap((s) => segmentProducts(world, s, random.int(1, 3)));
  return {
    id: syntheticUscc(opts.place.regionCode, random),
    // Named after its main segment, so a firm's name never claims another trade (issue 13).
    name: namer.name({ city: opts.place.city, segmentId: opts.segmentIds[0], intermediary: opts.intermediary }),
    local: opts.local,
    kind: 'industrial',
    chainId: opts.chainId,
    segmentIds: opts.segmentIds,
    productIds,
    province: opts.place.province,
    city: opts.place.city,
    parkId: null,
    size: opts.size,
    revenueWan: Math.round(random.logNormal(profile.revenueWan, 0.55)),
    employees: Math.max(3, Math.round(random.logNormal(profile.employees, 0.5))),
    tags: [],
    ...describe(world, opts.segmentIds, productIds, opts.intermediary ?? false),
    foundedYear: random.int(1993, 2024),
    techLoanWan: 0,
    source: 'synthetic',
    intermediary: opts.intermediary,
  };
}

/** Segment weights for spreading a chain's local firms; planted gaps are honoured here. */
function localSegmentWeights(world: World, chainId: string): Map<string, number> {
  const planted = plantedGaps[chainId];
  const excluded = new Set([...(planted?.missing ?? []), ...(planted?.beyondEnds ?? []), ...(planted?.dominant ?? [])]);
  const weights = new Map<string, number>();
  for (const s of world.templates.find((t) => t.id === chainId)!.segments) {
    if (!excluded.has(s.id)) weights.set(s.id, 0.5 + world.random.next() * 2.5);
  }
  return weights;
}

/** Named firms first, then synthetic local firms per chain up to the calibrated count. */
export function addLocalFirms(world: World, namer: FirmNamer): void {
  const { random, district } = world;
  const plantedSegments = new Set(Object.values(plantedGaps).flatMap((p) => [...p.missing, ...p.dominant, ...p.beyondEnds]));
  for (const e of district.seed.enterprises) {
    const clash = e.segments.find((s) => plantedSegments.has(s));
    if (clash) throw new Error(`named firm ${e.key} sits in ${clash}, a segment planted as a gap; plant the gap elsewhere`);
    namer.reserveNamedFirm(e.name);
    const productIds = e.segments.flatMap((s) => segmentProducts(world, s, 2));
    const profile = sizeProfile[e.size];
    world.firms.push({
      id: district.enterpriseIds.get(e.key)!,
      key: e.key,
      name: e.name,
      local: true,
      kind: 'industrial',
      chainId: e.chain,
      segmentIds: e.segments,
      productIds,
      province: qixia.province,
      city: qixia.city,
      parkId: e.park,
      size: e.size,
      revenueWan: profile.revenueWan * 2,
      employees: profile.employees * 2,
      tags: [...e.tags],
      description: e.description,
      businessScope: describe(world, e.segments, productIds, false).businessScope,
      foundedYear: 2000,
      techLoanWan: 0,
      source: e.source === 'article' ? 'article' : 'synthetic',
    });
  }

  for (const t of world.templates) {
    const target = scaled(syntheticTargets.localFirmsByChain[t.id] ?? 60, world.scale);
    const named = world.firms.filter((f) => f.local && f.chainId === t.id).length;
    const weights = localSegmentWeights(world, t.id);
    const segmentIds = [...weights.keys()];
    let count = named;
    // Single-supplier risk: one large firm and one micro firm in each dominant segment.
    for (const dominant of plantedGaps[t.id]?.dominant ?? []) {
      for (const size of ['large', 'micro'] as const) {
        world.firms.push(makeFirm(world, namer, { chainId: t.id, segmentIds: [dominant], local: true, place: qixia, size }));
        count++;
      }
    }
    for (; count < target; count++) {
      const primary = random.weighted(segmentIds, (s) => weights.get(s)!);
      const both = random.chance(0.12) ? [primary, random.pick(segmentIds)] : [primary];
      world.firms.push(makeFirm(world, namer, { chainId: t.id, segmentIds: [...new Set(both)], local: true, place: qixia, size: drawSize(world, localSizes) }));
    }
  }
}

/**
 * The outside candidate pool: firms across China in every segment, more where the district has a
 * planted gap (so 补链 has real candidates), including intermediaries to be filtered out.
 */
export function addOutsidePool(world: World, namer: FirmNamer): void {
  const { random } = world;
  const total = scaled(syntheticTargets.outsidePool, world.scale);
  const allSegments = [...world.segments.values()];
  const planted = new Set(Object.values(plantedGaps).flatMap((p) => [...p.missing, ...p.beyondEnds]));
  const weight = (s: { id: string }) => (planted.has(s.id) ? 3 : 1);
  for (let i = 0; i < total; i++) {
    const segment = random.weighted(allSegments, weight);
    const intermediary = random.chance(syntheticTargets.outsideIntermediaryShare);
    const firm = makeFirm(world, namer, {
      chainId: segment.chainId,
      segmentIds: [segment.id],
      local: false,
      place: randomOutsidePlace(random),
      size: drawSize(world, outsideSizes),
      intermediary,
    });
    if (!intermediary) {
      const tagOdds: [EnterpriseTag, number][] = [
        ['listed', 0.08],
        ['little-giant', 0.05],
        ['high-tech', 0.35],
        ['unicorn', 0.01],
        ['gazelle', 0.04],
      ];
      firm.tags = tagOdds.filter(([, p]) => random.chance(p * (firm.size === 'large' ? 2 : firm.size === 'micro' ? 0.3 : 1))).map(([t]) => t);
    }
    world.firms.push(firm);
  }
}

/** Banks and service firms: local, no chain; they offer loans and services. */
export function addServiceFirms(world: World, namer: FirmNamer): void {
  const { random } = world;
  const banks = ['南京银行栖霞支行', '江苏银行仙林支行', '中国银行南京经济技术开发区支行', '交通银行栖霞支行', '招商银行南京仙林支行', '紫金农商银行栖霞支行'];
  const count = scaled(syntheticTargets.banks, world.scale);
  for (let i = 0; i < count; i++) {
    const name = i < banks.length ? banks[i] : `${banks[i % banks.length]}第${Math.floor(i / banks.length) + 1}营业部`;
    namer.reserve(name);
    world.firms.push({
      id: syntheticUscc(qixia.regionCode, random),
      name,
      local: true,
      kind: 'financial',
      chainId: null,
      segmentIds: [],
      productIds: [],
      province: qixia.province,
      city: qixia.city,
      parkId: null,
      size: 'large',
      revenueWan: 0,
      employees: random.int(30, 120),
      tags: [],
      description: '银行网点，提供科技贷款、知识产权质押融资等金融服务（合成数据）。',
      businessScope: '吸收公众存款；发放短期、中期和长期贷款；科技金融服务。',
      foundedYear: random.int(1996, 2015),
      techLoanWan: 0,
      source: 'synthetic',
    });
  }
}

/**
 * Tier tags with the article's exact counts among local industrial firms: the named firms keep
 * theirs, the rest are drawn with larger firms more likely.
 */
export function assignLocalTags(world: World): void {
  const { random } = world;
  const local = world.firms.filter((f) => f.local && f.kind === 'industrial');
  const sizeWeight: Record<EnterpriseSize, number> = { micro: 0.3, small: 1, medium: 2.5, large: 4 };
  const targets: [EnterpriseTag, number, (f: Firm) => boolean][] = [
    ['korean-funded', articleFigures.koreanFunded, (f) => ['electronics', 'nev', 'materials', 'equipment'].includes(f.chainId ?? '')],
    ['high-tech', articleFigures.highTech, () => true],
    ['unicorn', articleFigures.unicorn, (f) => f.size !== 'micro' && ['ai', 'biomed', 'electronics', 'nev'].includes(f.chainId ?? '')],
    ['gazelle', articleFigures.gazelle, (f) => f.size !== 'large'],
    ['little-giant', articleFigures.littleGiant, (f) => f.size === 'medium'],
    ['smart-factory', articleFigures.smartFactory, (f) => f.size !== 'micro'],
    ['tech-center', articleFigures.techCenter, (f) => f.size !== 'micro'],
    ['listed', Math.round(local.length * 0.03), (f) => f.size === 'large' || f.size === 'medium'],
  ];
  for (const [tag, figure, eligible] of targets) {
    const target = scaled(figure, world.scale);
    let have = local.filter((f) => f.tags.includes(tag)).length;
    // Named firms only ever carry the tags the article gives them.
    const pool = local.filter((f) => f.source !== 'article' && !f.key && !f.tags.includes(tag) && eligible(f));
    // The same firms random.weighted + removal would pick, in O(log n) a draw (weights are tenths).
    const urn = new WeightedUrn(pool, (f) => sizeWeight[f.size], 10);
    while (have < target && urn.size > 0) {
      urn.draw(random).tags.push(tag);
      have++;
    }
  }
}

/** 科技贷款: the calibrated number of firms, amounts summing exactly to the published total. */
export function assignTechLoans(world: World): void {
  const { random } = world;
  const local = world.firms.filter((f) => f.local && f.kind === 'industrial');
  const firms = random.sample(local, scaled(articleFigures.techLoanFirms, world.scale));
  const totalWan = Math.round(articleFigures.techLoanTotalWan * (firms.length / articleFigures.techLoanFirms));
  const raw = firms.map((f) => random.logNormal(f.size === 'large' ? 3000 : f.size === 'medium' ? 1500 : 600, 0.6));
  const sum = raw.reduce((a, b) => a + b, 0);
  const amounts = raw.map((r) => Math.max(10, Math.floor((r / sum) * totalWan)));
  let remainder = totalWan - amounts.reduce((a, b) => a + b, 0);
  for (let i = 0; remainder !== 0; i = (i + 1) % amounts.length) {
    const step = remainder > 0 ? 1 : amounts[i] > 10 ? -1 : 0;
    amounts[i] += step;
    remainder -= step;
  }
  firms.forEach((f, i) => (f.techLoanWan = amounts[i]));
}

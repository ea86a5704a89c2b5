import { articleFigures, scaled, syntheticTargets } from './calibration.ts';
import type { Firm, World } from './world.ts';

const blankOffer = {
  areaM2: null,
  floorLoadKnM2: null,
  certifications: [] as string[],
  price: null,
  amountWan: null,
  ratePct: null,
  termMonths: null,
  parkId: null as string | null,
  availableFrom: null as string | null,
  availableUntil: null as string | null,
  capacity: 1,
  status: 'open',
  source: 'synthetic',
};
const blankDemand = {
  minAreaM2: null,
  idealAreaM2: null,
  minFloorLoadKnM2: null,
  requiredCertifications: [] as string[],
  maxPrice: null,
  amountWan: null,
  maxRatePct: null,
  minTermMonths: null,
  parkAllowList: [] as string[],
  neededFrom: null as string | null,
  neededUntil: null as string | null,
  quantity: 1,
  status: 'open',
  source: 'synthetic',
};

function date(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/**
 * The resource market (资源供需): offers from parks, banks, universities and firms; demands from
 * local firms, led by the article's ~30 intermediate/API makers looking for a production base.
 * A demand is planted that no offer can meet (大型GMP原料药生产基地: larger than any site on offer).
 * Testing equipment and services carry CNAS accreditation, which some demands require.
 */
export function addResources(world: World): void {
  const { random, g, district } = world;
  const parks = district.seed.parks.filter((p) => !p.name.includes('人才街区')).map((p) => p.key);
  const hiTech = district.seed.parks.find((p) => p.name.includes('高新'))?.key ?? parks[0];
  const local = world.firms.filter((f) => f.local && f.kind === 'industrial');
  const banks = world.firms.filter((f) => f.kind === 'financial');
  const universities = district.seed.universities.map((u) => u.key);
  let n = 0;
  const offer = (owner: ['Enterprise' | 'University' | 'Park', string], row: Record<string, unknown>) => {
    const id = `offer.${String(++n).padStart(5, '0')}`;
    g.node('Offer', { ...blankOffer, id, ...row });
    g.rel('OFFERS', owner[0], owner[1], 'Offer', id);
  };
  let m = 0;
  const demand = (firm: Firm, row: Record<string, unknown>) => {
    const id = `demand.${String(++m).padStart(5, '0')}`;
    g.node('Demand', { ...blankDemand, id, ...row });
    g.rel('HAS_DEMAND', 'Enterprise', firm.id, 'Demand', id);
  };
  const count = (kind: string, table: Record<string, number>) => scaled(table[kind] ?? 0, world.scale);

  // Offers.
  for (let i = 0; i < count('site', syntheticTargets.offers); i++) {
    const park = i % 3 === 0 ? hiTech : random.pick(parks);
    const gmp = park === hiTech && random.chance(0.7);
    offer(['Park', park], {
      kind: 'site',
      title: `${gmp ? 'GMP标准' : '通用'}厂房 ${random.int(1, 30)}号楼`,
      description: gmp ? '洁净车间，可满足GMP认证要求的标准厂房。' : '多层标准厂房，适合研发与轻型生产。',
      areaM2: random.int(8, 120) * 100,
      floorLoadKnM2: random.pick([5, 8, 10, 15]),
      certifications: gmp ? ['GMP'] : [],
      price: random.int(22, 48),
      parkId: park,
      availableFrom: date(2026, random.int(1, 12)),
      availableUntil: date(2031, 12),
      capacity: random.chance(0.2) ? 2 : 1,
    });
  }
  for (let i = 0; i < count('land', syntheticTargets.offers); i++) {
    const park = random.pick(parks);
    offer(['Park', park], {
      kind: 'land',
      title: `工业用地地块 ${i + 1}`,
      description: '净地出让，“七通一平”。',
      areaM2: random.int(20, 150) * 667,
      price: random.int(30, 80),
      parkId: park,
      availableFrom: date(2026, random.int(1, 12)),
    });
  }
  for (let i = 0; i < count('loan', syntheticTargets.offers); i++) {
    offer(['Enterprise', random.pick(banks).id], {
      kind: 'loan',
      title: random.pick(['科技贷', '知识产权质押贷', '人才贷', '苏科贷']),
      description: '面向科技型中小企业的信用贷款产品。',
      amountWan: random.pick([500, 1000, 2000, 3000, 5000]),
      ratePct: random.int(300, 450) / 100,
      termMonths: random.pick([12, 24, 36]),
      capacity: random.int(5, 30),
    });
  }
  for (const [kind, owners] of [
    ['equipment', 'firm'],
    ['talent', 'university'],
    ['service', 'university'],
    ['policy', 'park'],
  ] as const) {
    for (let i = 0; i < count(kind, syntheticTargets.offers); i++) {
      const owner: ['Enterprise' | 'University' | 'Park', string] =
        owners === 'firm'
          ? ['Enterprise', random.pick(local).id]
          : owners === 'university'
            ? ['University', random.pick(universities)]
            : ['Park', random.pick(parks)];
      const titles = {
        equipment: ['共享检测设备', '中试生产线', '精密加工中心'],
        talent: ['订单式人才培养', '研究生联合培养', '博士后工作站'],
        service: ['检验检测服务', '知识产权服务', '技术转移服务'],
        policy: ['首购首用政策', '人才安居政策', '研发费用补贴'],
      }[kind];
      const title = random.pick(titles);
      // Testing equipment and services are CNAS-accredited (a certification demands can require).
      const accredited = title.includes('检测');
      const parkId = owners === 'park' ? owner[1] : owners === 'firm' ? (world.firms.find((f) => f.id === owner[1])?.parkId ?? null) : null;
      offer(owner, {
        kind,
        title,
        description: `${title}（合成数据）。`,
        price: kind === 'equipment' || kind === 'service' ? random.int(5, 80) : null,
        amountWan: kind === 'policy' && title === '研发费用补贴' ? random.pick([50, 100, 200]) : null,
        certifications: accredited ? ['CNAS'] : [],
        parkId,
        capacity: kind === 'policy' ? 50 : random.int(1, 5),
      });
    }
  }

  // Demands: the production-site seekers first (近 30 家高端中间体及医药原料企业寻找生产基地).
  const seekers = local.filter((f) => f.segmentIds.some((s) => s === 'biomed.intermediate' || s === 'biomed.api'));
  const siteDemands = scaled(articleFigures.productionSiteDemands, world.scale);
  for (let i = 0; i < siteDemands; i++) {
    const firm = seekers.length > 0 ? seekers[i % seekers.length] : random.pick(local);
    const min = random.int(10, 60) * 100;
    demand(firm, {
      kind: 'site',
      title: `${firm.name.slice(0, 12)}… 生产基地需求`,
      description: '扩产需要符合GMP要求的生产场地。',
      minAreaM2: min,
      idealAreaM2: min * 1.5,
      minFloorLoadKnM2: random.chance(0.25) ? 8 : null,
      requiredCertifications: random.chance(0.6) ? ['GMP'] : [],
      maxPrice: random.int(30, 50),
      parkAllowList: random.chance(0.5) ? [hiTech] : [],
      neededFrom: date(2026, random.int(1, 12)),
    });
  }
  // Planted: needs that nothing on offer can meet.
  if (seekers.length > 0) {
    demand(seekers[0], {
      kind: 'site',
      title: '大型GMP原料药生产基地',
      description: '需要 3 万平方米以上 GMP 厂房（当前无供给可满足）。',
      minAreaM2: 30_000,
      idealAreaM2: 40_000,
      requiredCertifications: ['GMP'],
      maxPrice: 40,
    });
  }
  const labels = { land: '用地', loan: '融资', equipment: '设备', talent: '人才', service: '服务', policy: '政策' } as const;
  for (const kind of ['land', 'loan', 'equipment', 'talent', 'service', 'policy'] as const) {
    for (let i = 0; i < count(kind, syntheticTargets.demands); i++) {
      const firm = random.pick(local);
      const minArea = kind === 'land' ? random.int(10, 100) * 667 : null;
      const accredited = (kind === 'equipment' || kind === 'service') && random.chance(0.3);
      demand(firm, {
        kind,
        title: `${firm.name.slice(0, 12)}… ${labels[kind]}需求`,
        description: `${firm.name}的${labels[kind]}需求（合成数据）。`,
        minAreaM2: minArea,
        idealAreaM2: minArea !== null ? Math.round(minArea * 1.3) : null,
        amountWan: kind === 'loan' ? random.pick([200, 500, 1000, 2000]) : kind === 'policy' && random.chance(0.5) ? random.pick([50, 100]) : null,
        maxRatePct: kind === 'loan' && random.chance(0.6) ? random.int(350, 450) / 100 : null,
        minTermMonths: kind === 'loan' && random.chance(0.4) ? random.pick([12, 24]) : null,
        maxPrice: kind === 'land' ? random.int(40, 90) : kind === 'equipment' || kind === 'service' ? random.int(10, 90) : null,
        requiredCertifications: accredited ? ['CNAS'] : [],
        parkAllowList: kind === 'policy' && firm.parkId ? [firm.parkId] : [],
        quantity: kind === 'talent' ? random.int(1, 5) : kind === 'equipment' ? random.int(1, 2) : 1,
      });
    }
  }
}

import { topicId } from '../../engine/index.ts';
import { articleFigures, scaled, syntheticTargets, talentHonours } from './calibration.ts';
import { topicsOfDiscipline } from './disciplines.ts';
import { personName } from './names.ts';
import type { World } from './world.ts';

const unitKinds = ['重点实验室', '研究院', '工程技术研究中心', '研究所'];

/**
 * Research units of the alliance universities (besides those the article names): each lab belongs to
 * one discipline of its university's profile and works on topics of that discipline, so labs and firms
 * meet on shared Topic nodes and a 体育学院 never runs a 锂电 lab (issue 13).
 */
export function addResearchUnits(world: World): string[] {
  const { random, g, district } = world;
  const units = district.seed.researchUnits.map((r) => r.key);
  const leads = new Set<string>();
  const universities = district.seed.universities.filter((u) => u.techTransferAlliance);
  const perUniversity = Math.max(1, Math.round(2 * world.scale));
  for (const u of universities) {
    for (let i = 0; i < perUniversity; i++) {
      const discipline = random.pick(u.disciplines);
      const topics = random.sample(topicsOfDiscipline(discipline), random.int(2, 5));
      const kind = random.pick(unitKinds);
      // Named after its first topic no other lab of the university is named after (two 智能座舱 labs at
      // one university read as a duplicate).
      const lead = topics.find((t) => !leads.has(`${u.name}${t}`)) ?? topics[0];
      leads.add(`${u.name}${lead}`);
      const name = `${u.name}${lead}${kind}`;
      const id = `ru.${u.key}.${i + 1}`;
      g.node('ResearchUnit', {
        id,
        name,
        description: `${u.name}${discipline}学科的科研单位，研究${topics.join('、')}，面向${chainsWorkingOn(world, topics).join('、')}产业。（合成数据）`,
        source: 'synthetic',
      });
      g.rel('BELONGS_TO', 'ResearchUnit', id, 'University', u.key);
      for (const t of topics) g.rel('RESEARCHES', 'ResearchUnit', id, 'Topic', topicId(t));
      units.push(id);
    }
  }
  return units;
}

/** The chains (at most three, template order) whose segments need any of these topics. */
function chainsWorkingOn(world: World, topics: string[]): string[] {
  return world.templates
    .filter((t) => t.segments.some((s) => s.topics.some((x) => topics.includes(x))))
    .slice(0, 3)
    .map((t) => t.name);
}

/** Local firms' technical needs (技术需求) on their segments' topics. */
export function addTechnicalNeeds(world: World): void {
  const { random, g } = world;
  for (const f of world.firms) {
    if (f.kind !== 'industrial' || f.intermediary || !random.chance(f.local ? 0.5 : 0.08)) continue;
    const topics = [...new Set(f.segmentIds.flatMap((s) => world.segments.get(s)!.topics))];
    for (const t of random.sample(topics, random.int(1, 2))) g.rel('NEEDS_TECH', 'Enterprise', f.id, 'Topic', topicId(t));
  }
}

/**
 * Talent, calibrated: 312 high-level talents of whom 85 are national level or above (2 laureates,
 * 13 academicians, 70 national programmes), the article's provincial and municipal honour counts,
 * plus other researchers. Each is affiliated with a research unit, university or local firm and is
 * expert in topics of that affiliation.
 */
export function addTalent(world: World, units: string[]): void {
  const { random, g } = world;
  const unitTopics = new Map<string, string[]>();
  for (const row of g.relRows('RESEARCHES')) unitTopics.set(row.from, [...(unitTopics.get(row.from) ?? []), row.to]);
  const topicsOf = (unit: string) => unitTopics.get(unit) ?? [];
  const localFirms = world.firms.filter((f) => f.local && f.kind === 'industrial');
  const universities = world.district.seed.universities;

  const highLevel = scaled(articleFigures.highLevelTalents, world.scale);
  const national = scaled(articleFigures.nationalOrAbove, world.scale);
  const laureates = Math.min(2, national);
  const academicians = Math.min(scaled(13, world.scale), national - laureates);
  const levels: string[] = [
    ...Array(laureates).fill('laureate'),
    ...Array(academicians).fill('academician'),
    ...Array(national - laureates - academicians).fill('national'),
  ];
  const provincialHonours = Object.entries(talentHonours).filter(([h]) => h.startsWith('江苏'));
  const municipalHonours = Object.entries(talentHonours).filter(([h]) => h.startsWith('南京'));
  const provincial = Math.round((highLevel - national) * 0.62);
  levels.push(...Array(provincial).fill('provincial'), ...Array(highLevel - national - provincial).fill('municipal'));
  levels.push(...Array(scaled(syntheticTargets.otherResearchers, world.scale)).fill('other'));

  const honours = levels.map((level, i): string[] => {
    if (level === 'laureate') return [i === 0 ? '诺贝尔奖获得者' : '图灵奖获得者'];
    if (level === 'academician') return [random.chance(0.5) ? '中国科学院院士' : '中国工程院院士'];
    if (level === 'national') return ['国家级人才计划专家'];
    return [];
  });
  // Deal each honour out to distinct talents of its level, exactly as many as the article counts.
  for (const [level, table] of [
    ['provincial', provincialHonours],
    ['municipal', municipalHonours],
  ] as const) {
    const holders = levels.map((l, i) => (l === level ? i : -1)).filter((i) => i >= 0);
    for (const [honour, count] of table) {
      for (const i of random.sample(holders, scaled(count, world.scale))) honours[i].push(honour);
    }
  }

  const titles: Record<string, string[]> = {
    laureate: ['讲席教授'],
    academician: ['院士、教授'],
    national: ['教授', '研究员', '首席科学家'],
    provincial: ['教授', '研究员', '总工程师', '副教授'],
    municipal: ['副教授', '高级工程师', '技术总监'],
    other: ['副教授', '讲师', '高级工程师', '工程师', '博士后'],
  };
  levels.forEach((level, i) => {
    const id = `talent.${String(i + 1).padStart(5, '0')}`;
    const roll = random.next();
    let topics: string[];
    if (roll < 0.6 || localFirms.length === 0) {
      const unit = random.pick(units);
      g.rel('AFFILIATED_WITH', 'Talent', id, 'ResearchUnit', unit);
      topics = topicsOf(unit);
    } else if (roll < 0.85) {
      const firm = random.pick(localFirms);
      g.rel('AFFILIATED_WITH', 'Talent', id, 'Enterprise', firm.id);
      topics = firm.segmentIds.flatMap((s) => world.segments.get(s)!.topics).map(topicId);
    } else {
      // A university researcher works in one of the university's disciplines.
      const university = random.pick(universities);
      g.rel('AFFILIATED_WITH', 'Talent', id, 'University', university.key);
      topics = topicsOfDiscipline(random.pick(university.disciplines)).map(topicId);
    }
    const expertise = random.sample(topics, random.int(1, 3));
    for (const t of expertise) g.rel('EXPERT_IN', 'Talent', id, 'Topic', t);
    const topicNames = expertise.map((t) => t.replace(/^topic:/, ''));
    g.node('Talent', {
      id,
      name: personName(random),
      title: random.pick(titles[level]),
      level,
      honours: honours[i],
      description: `研究方向：${topicNames.join('、') || '交叉学科'}。（合成数据）`,
      source: 'synthetic',
    });
  });
}

/**
 * 产学研合作: cooperation ties between local firms and research units that share a topic, with
 * project counts summing to the article's 600+ (612).
 */
export function addCooperation(world: World, units: string[]): void {
  const { random, g } = world;
  const researchers = new Map<string, string[]>();
  const needs = new Map<string, string[]>();
  for (const r of g.relRows('RESEARCHES')) researchers.set(r.to, [...(researchers.get(r.to) ?? []), r.from]);
  for (const r of g.relRows('NEEDS_TECH')) needs.set(r.from, [...(needs.get(r.from) ?? []), r.to]);
  const localIds = new Set(world.firms.filter((f) => f.local).map((f) => f.id));
  const unitSet = new Set(units);
  const pairs = new Map<string, [string, string]>();
  for (const [firm, topics] of needs) {
    if (!localIds.has(firm)) continue;
    for (const t of topics) {
      const labs = (researchers.get(t) ?? []).filter((u) => unitSet.has(u));
      if (labs.length === 0 || !random.chance(0.35)) continue;
      const lab = random.pick(labs);
      pairs.set(`${firm}|${lab}`, [firm, lab]);
    }
  }
  const target = scaled(articleFigures.cooperationProjects, world.scale);
  const chosen = random.shuffle([...pairs.values()]).slice(0, Math.max(1, Math.floor(target / 2.4)));
  const projects = chosen.map(() => 1);
  for (let left = target - chosen.length; left > 0; left--) projects[random.int(0, chosen.length - 1)]++;
  chosen.forEach(([firm, unit], i) =>
    g.rel('COOPERATES_WITH', 'Enterprise', firm, 'ResearchUnit', unit, { since: random.int(2016, 2025), projects: projects[i] }),
  );

  // Outside firms work with the district's labs too: a university partner in common is an
  // introduction channel for 招商 (docs/design.md §2).
  for (const [firm, topics] of needs) {
    if (localIds.has(firm) || !random.chance(0.5)) continue;
    const labs = topics.flatMap((t) => researchers.get(t) ?? []).filter((u) => unitSet.has(u));
    if (labs.length > 0)
      g.rel('COOPERATES_WITH', 'Enterprise', firm, 'ResearchUnit', random.pick(labs), { since: random.int(2016, 2025), projects: random.int(1, 3) });
  }
}

/** Synthetic 结对共建 pairings between firms' and universities' party organisations. */
export function addSyntheticPairings(world: World): void {
  const { random, g } = world;
  const orgs = g.all<{ id: string; kind: string }>('PartyOrg');
  const firmOrgs = orgs.filter((o) => o.kind === 'enterprise' && o.id.startsWith('po.9'));
  const schoolOrgs = orgs.filter((o) => o.kind === 'university' || o.kind === 'research-unit');
  if (schoolOrgs.length === 0) return;
  for (const o of random.sample(firmOrgs, scaled(40, world.scale))) g.rel('PAIRED_WITH', 'PartyOrg', o.id, 'PartyOrg', random.pick(schoolOrgs).id);
}

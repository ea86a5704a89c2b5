import { describe, expect, it } from 'vitest';
import { loadChainTemplates } from '../chains/index.ts';
import { buildSeed } from './buildSeed.ts';
import { disciplineTopics } from './disciplines.ts';
import { loadDistrictSeed } from './district.ts';
import { intermediaryWords, segmentNameWords } from './segmentNameWords.ts';
import { serviceSegments } from './serviceSegments.ts';

/**
 * Would a domain expert believe the generated records? (issue 13, "candidates that fit"). Built in
 * memory from the calibrated seed, no database: every synthetic firm's name carries its own segment's
 * wording and no other trade's, its products and description are those of its segments, and every lab
 * and university researcher works on topics of the university's own disciplines.
 */
const templates = loadChainTemplates();
const district = loadDistrictSeed();
const batch = buildSeed();

const nodes = (label: string) => batch.nodes.find((n) => n.label === label)?.rows ?? [];
const rels = (type: string, from?: string, to?: string) =>
  batch.relationships.filter((r) => r.type === type && (!from || r.from === from) && (!to || r.to === to)).flatMap((r) => r.rows);
const grouped = (rows: { from: string; to: string }[]) => {
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.from, [...(map.get(r.from) ?? []), r.to]);
  return map;
};

const segments = templates.flatMap((t) => t.segments.map((s) => ({ ...s, chainId: t.id })));
const segmentById = new Map(segments.map((s) => [s.id, s]));
const templateTopics = new Set(segments.flatMap((s) => s.topics));
const allWords = [...new Set(Object.values(segmentNameWords).flat())];
/** Words one chain's segments use and no other chain's: a firm of another chain must not carry them. */
const distinctiveChain = new Map<string, string>();
for (const word of allWords) {
  const chains = new Set(segments.filter((s) => segmentNameWords[s.id]?.includes(word)).map((s) => s.chainId));
  if (chains.size === 1) distinctiveChain.set(word, [...chains][0]);
}
const legalForms = ['股份有限公司', '有限责任公司', '有限公司'];

interface Firm {
  id: string;
  name: string;
  city: string;
  kind: string;
  source: string;
  description: string;
  businessScope: string;
}
const syntheticFirms = (nodes('Enterprise') as unknown as Firm[]).filter((f) => f.source === 'synthetic' && f.kind === 'industrial');
const segmentsOf = grouped(rels('IN_SEGMENT'));
const productsOf = grouped(rels('MAKES'));

/** Why a firm's name does not fit its segments, or null. Parses 城市 + 字号 + 行业用语 [+ 中介用语] + 组织形式. */
function nameProblem(f: Firm): string | null {
  const own = (segmentsOf.get(f.id) ?? []).flatMap((s) => segmentNameWords[s] ?? []);
  const form = legalForms.find((x) => f.name.endsWith(x));
  if (!form) return 'no legal form';
  let core = f.name.slice(0, -form.length);
  const city = f.city.replace(/市$/, '');
  if (core.startsWith(city)) core = core.slice(city.length);
  const trade = [...intermediaryWords].sort((a, b) => b.length - a.length).find((w) => core.endsWith(w));
  if (trade) core = core.slice(0, -trade.length);
  const word = own.filter((w) => core.endsWith(w)).sort((a, b) => b.length - a.length)[0];
  if (!word) return `"${core}" ends with no word of its segments`;
  const wordStart = core.length - word.length;
  for (const other of allWords) {
    for (let at = core.indexOf(other); at >= 0; at = core.indexOf(other, at + 1)) {
      if (at >= wordStart) continue; // inside its own segment's word (医药 within 生物医药)
      const chain = distinctiveChain.get(other);
      const firmChains = new Set((segmentsOf.get(f.id) ?? []).map((s) => segmentById.get(s)?.chainId));
      return chain && !firmChains.has(chain)
        ? `"${core}" carries ${other}, a word of the ${chain} chain`
        : `"${core}" carries ${other} outside its segment word`;
    }
  }
  return null;
}

const report = (problems: string[]) => `${problems.length} violations, e.g.\n${problems.slice(0, 8).join('\n')}`;

describe('the name-word and discipline tables', () => {
  it('give every template segment its own name words, and nothing else', () => {
    expect(Object.keys(segmentNameWords).sort()).toEqual(segments.map((s) => s.id).sort());
    expect([...serviceSegments].filter((id) => !segmentById.has(id))).toEqual([]);
    for (const [segment, words] of Object.entries(segmentNameWords)) {
      expect(words.length, segment).toBeGreaterThanOrEqual(3);
      // A trade word in a name gets an honest firm dropped from candidate lists as an intermediary.
      for (const w of words)
        expect(
          intermediaryWords.some((t) => w.includes(t)),
          `${segment}: ${w}`,
        ).toBe(false);
    }
  });
  it('draw disciplines only from topics of the chain templates, and every university has known ones', () => {
    for (const [discipline, topics] of Object.entries(disciplineTopics)) {
      expect(
        topics.filter((t) => !templateTopics.has(t)),
        discipline,
      ).toEqual([]);
    }
    for (const u of district.universities)
      expect(
        u.disciplines.filter((d) => !disciplineTopics[d]),
        u.name,
      ).toEqual([]);
  });
});

describe('every synthetic firm', () => {
  it('is named with its own segment’s wording and no other trade’s', () => {
    const problems = syntheticFirms
      .map((f) => [f, nameProblem(f)] as const)
      .filter(([, p]) => p)
      .map(([f, p]) => `${f.name} (${segmentsOf.get(f.id)}): ${p}`);
    expect(syntheticFirms.length).toBeGreaterThan(5000);
    expect(problems.length, report(problems)).toBe(0);
  });

  it('borrows no named firm’s 字号, so a search for 正大天晴 or 华信 finds only the named firm', () => {
    const brands = district.enterprises.map((e) => e.name.replace(/^(南京|江苏)/, '').slice(0, 2));
    expect(brands).toContain('正大');
    const generated = syntheticFirms.filter((f) => !district.enterprises.some((e) => e.name === f.name));
    const problems = generated.flatMap((f) => brands.filter((b) => f.name.includes(b)).map((b) => `${f.name} carries ${b}`));
    expect(problems.length, report(problems)).toBe(0);
  });

  it('makes only products of its segments, its description names them, and a service firm does not “produce”', () => {
    const problems: string[] = [];
    for (const f of syntheticFirms) {
      const own = (segmentsOf.get(f.id) ?? []).map((s) => segmentById.get(s)!);
      if (own.length === 0) problems.push(`${f.name}: no segment`);
      const allowed = new Set(own.flatMap((s) => s.products.map((p) => p.id)));
      for (const p of productsOf.get(f.id) ?? []) if (!allowed.has(p)) problems.push(`${f.name} (${own.map((s) => s.id)}): makes ${p}`);
      const words = own.flatMap((s) => [s.name, ...s.products.map((p) => p.name)]);
      if (!words.some((w) => f.description.includes(w))) problems.push(`${f.name}: description "${f.description}" names none of its segments or products`);
      if (own.every((s) => serviceSegments.has(s.id)) && f.businessScope.includes('生产与销售'))
        problems.push(`${f.name}: a service firm that "produces" (${f.businessScope})`);
    }
    expect(problems.length, report(problems)).toBe(0);
  });
});

describe('every lab and university researcher', () => {
  const topicName = (id: string) => id.replace(/^topic:/, '');
  const university = new Map(district.universities.map((u) => [u.key, u]));
  const universityOf = new Map(rels('BELONGS_TO', 'ResearchUnit', 'University').map((r) => [r.from, r.to]));
  const topicsOf = grouped(rels('RESEARCHES'));
  const handWritten = new Set(district.researchUnits.map((r) => r.key));
  const topicsOfDisciplines = (disciplines: readonly string[]) => new Set(disciplines.flatMap((d) => disciplineTopics[d] ?? []));

  it('works in one discipline of its university (the article’s units: within the university’s disciplines)', () => {
    const problems: string[] = [];
    const units = nodes('ResearchUnit') as { id: string; name: string }[];
    for (const unit of units.filter((x) => universityOf.has(x.id))) {
      const u = university.get(universityOf.get(unit.id)!)!;
      const topics = (topicsOf.get(unit.id) ?? []).map(topicName);
      // A generated lab is one discipline's; a named institute may span its university's disciplines.
      const fits = handWritten.has(unit.id)
        ? topics.every((t) => topicsOfDisciplines(u.disciplines).has(t))
        : u.disciplines.some((d) => topics.every((t) => disciplineTopics[d]?.includes(t)));
      if (!fits) problems.push(`${unit.name}: ${topics.join('、')} ∉ ${u.name} (${u.disciplines.join('、')})`);
    }
    expect(units.length).toBeGreaterThan(2 * district.universities.length);
    expect(problems.length, report(problems)).toBe(0);
  });

  it('at a university is expert in its university’s disciplines', () => {
    const problems: string[] = [];
    const expertise = grouped(rels('EXPERT_IN'));
    for (const r of rels('AFFILIATED_WITH', 'Talent', 'University')) {
      const u = university.get(r.to)!;
      const own = topicsOfDisciplines(u.disciplines);
      const topics = (expertise.get(r.from) ?? []).map(topicName);
      if (!topics.every((t) => own.has(t))) problems.push(`${r.from} at ${u.name}: ${topics.join('、')}`);
    }
    expect(problems.length, report(problems)).toBe(0);
  });
});

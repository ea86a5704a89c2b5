import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The real data of ../shared/real (申万 2021 industries, their upstream edges and listed firms),
 * read in place — never copied into the repository — and shaped as a new user would import it: one
 * custom chain with a segment per level-3 industry, and the firms as enterprises of that chain.
 */
export const realDataDir = fileURLToPath(new URL('../../../shared/real/', import.meta.url));
export const hasRealData = () => ['firms.jsonl', 'industries.jsonl', 'industry-upstream.jsonl'].every((f) => existsSync(realDataDir + f));

interface RealFirm {
  company_code: string;
  name: string;
  fullname: string | null;
  products: { name: string; weight: number }[];
  industry_code: string;
}
interface Industry {
  code: string;
  name: string;
  level: number;
  parent: string | null;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(realDataDir + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

/** Products per segment in the template: the names most of its firms give, so the template stays readable. */
const productsPerSegment = 20;
/** The enterprise import takes at most 50 products per firm: the heaviest are kept. */
const productsPerFirm = 50;

/**
 * `templateFrom`: the firms whose product names may enter the template (default all). An evaluation
 * passes its training firms only: a held-out firm's products in the template would name its industry.
 */
export function realChain(chainId: string, options: { templateFrom?: (companyCode: string) => boolean } = {}) {
  const firms = readJsonl<RealFirm>('firms.jsonl');
  const industries = new Map(readJsonl<Industry>('industries.jsonl').map((i) => [i.code, i]));
  const upstream = readJsonl<{ industry_code: string; upstream_code: string }>('industry-upstream.jsonl');

  // One segment per level-3 industry that has firms or appears in the upstream file.
  const codes = [...new Set([...firms.map((f) => f.industry_code), ...upstream.flatMap((e) => [e.industry_code, e.upstream_code])])].sort();
  const segmentId = (code: string) => `${chainId}.${code}`;

  // A product name belongs to a segment only if the firms naming it all sit in that one industry:
  // shared names (主营业务, 其他业务, regions) would tie every industry to every other.
  const industriesOfName = new Map<string, Set<string>>();
  const firmsOfName = new Map<string, number>();
  for (const f of firms.filter((x) => options.templateFrom?.(x.company_code) ?? true)) {
    for (const p of new Set(f.products.map((x) => x.name))) {
      (industriesOfName.get(p) ?? industriesOfName.set(p, new Set()).get(p)!).add(f.industry_code);
      firmsOfName.set(p, (firmsOfName.get(p) ?? 0) + 1);
    }
  }
  const namesOf = new Map<string, string[]>();
  for (const [name, set] of industriesOfName) {
    if (set.size !== 1) continue;
    const code = [...set][0];
    (namesOf.get(code) ?? namesOf.set(code, []).get(code)!).push(name);
  }
  const usedNames = new Set([...industriesOfName.keys()]);

  // Stage and order from the upstream graph: segments that supply more than they take sit upstream.
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  for (const e of upstream) {
    outDegree.set(e.upstream_code, (outDegree.get(e.upstream_code) ?? 0) + 1);
    inDegree.set(e.industry_code, (inDegree.get(e.industry_code) ?? 0) + 1);
  }
  const flow = (code: string) => {
    const out = outDegree.get(code) ?? 0;
    const inn = inDegree.get(code) ?? 0;
    return (out - inn) / (out + inn + 1);
  };
  const ranked = [...codes].sort((a, b) => flow(b) - flow(a) || a.localeCompare(b));

  const segments = ranked.map((code, i) => {
    const industry = industries.get(code)!;
    const l2 = industries.get(industry.parent ?? '');
    const l1 = industries.get(l2?.parent ?? '');
    const names = (namesOf.get(code) ?? []).sort((a, b) => firmsOfName.get(b)! - firmsOfName.get(a)! || a.localeCompare(b)).slice(0, productsPerSegment);
    // An industry without firms still needs a product: its own name, unless a firm uses that name elsewhere.
    if (names.length === 0) names.push(usedNames.has(industry.name) ? `${industry.name}（行业）` : industry.name);
    const f = flow(code);
    return {
      id: segmentId(code),
      name: industry.name,
      nameEn: `SW ${code}`,
      stage: f > 0.2 ? 'upstream' : f < -0.2 ? 'downstream' : 'midstream',
      order: i + 1,
      description: [l1?.name, l2?.name, industry.name].filter(Boolean).join(' · '),
      keywords: [industry.name.replace(/[Ⅱ-Ⅲ]+$/, '')],
      topics: [industry.name],
      products: names.map((name, j) => ({ id: `${chainId}.${code}.p${j + 1}`, name, nameEn: `${code} product ${j + 1}` })),
    };
  });

  const template = {
    id: chainId,
    name: '申万行业链（真实数据）',
    nameEn: 'SW 2021 industries (real data)',
    assumed: true,
    description: '申万 2021 三级行业及其上下游关系，A 股上市公司（../shared/real，测试用）',
    segments,
    feeds: upstream.map((e) => [segmentId(e.upstream_code), segmentId(e.industry_code)]).sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
    inputTo: [],
  };

  // As a real list holds them: code as id (not a USCC), no revenue, employees, size or founding year.
  const enterprises = firms.map((f) => ({
    id: f.company_code,
    name: f.fullname ?? f.name,
    local: (f.fullname ?? '').startsWith('南京'),
    segmentIds: [segmentId(f.industry_code)],
    products: [...f.products]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, productsPerFirm)
      .map((p) => p.name.slice(0, 100)),
  }));
  return { template, enterprises, firmIds: firms.map((f) => f.company_code) };
}

import type { Random } from './random.ts';
import { intermediaryWords, nameWordsOf, segmentNameWords } from './segmentNameWords.ts';

/**
 * Synthetic Chinese names. Firm names follow the registered pattern
 * 城市 + 字号 + 行业用语 + 组织形式 (e.g. 苏州恒瑞微电子有限公司), the 行业用语 taken from the firm's own
 * segment (segmentNameWords.ts); all are generated and marked synthetic, and a counter keeps them unique.
 * The 字号 syllables carry no trade (no 芯/晶/微/药), so a brand never reads as another industry.
 */
const brandSyllables = [
  '恒',
  '瑞',
  '华',
  '博',
  '泰',
  '鼎',
  '盛',
  '睿',
  '联',
  '创',
  '新',
  '源',
  '达',
  '信',
  '宏',
  '金',
  '景',
  '远',
  '嘉',
  '融',
  '晟',
  '翔',
  '亿',
  '力',
  '兴',
  '海',
  '德',
  '正',
  '安',
  '普',
  '天',
  '元',
  '中',
  '宇',
  '辰',
  '卓',
  '凯',
  '云',
  '锐',
  '泓',
  '明',
  '益',
  '合',
  '澜',
  '立',
  '邦',
  '峰',
  '弘',
  '捷',
  '昊',
  '坤',
  '禾',
  '阳',
  '启',
  '乾',
  '沛',
  '颐',
  '朗',
  '尚',
  '诚',
];

const legalForms = ['有限公司', '股份有限公司', '有限责任公司'];
/** Every segment's name words by first character, to check a brand quickly (100,000 names at scale 16). */
const nameWordsByFirstChar = new Map<string, string[]>();
for (const w of new Set(Object.values(segmentNameWords).flat())) nameWordsByFirstChar.set(w[0], [...(nameWordsByFirstChar.get(w[0]) ?? []), w]);

export interface FirmNameParts {
  city: string;
  /** The firm's main segment; its name words give the 行业用语. */
  segmentId: string;
  /** A trading/consulting/training firm: its segment's wording plus a trade word (…芯片贸易有限公司). */
  intermediary?: boolean;
}

export class FirmNamer {
  private used = new Set<string>();
  /** 字号 of the firms the district file names (正大, 华信, …). */
  private namedBrands: string[] = [];
  /**
   * Names draw from their own stream (not the generator's), so rewording a segment's name words
   * renames firms without moving any other record of the seed.
   */
  constructor(private readonly random: Random) {}

  name({ city, segmentId, intermediary }: FirmNameParts): string {
    const words = nameWordsOf(segmentId);
    const shortCity = city.replace(/市$/, '');
    for (;;) {
      const brand = this.random.pick(brandSyllables) + this.random.pick(brandSyllables);
      const word = this.random.pick(words);
      const trade = intermediary ? this.random.pick(intermediaryWords) : '';
      const form = this.random.weighted(legalForms, (f) => (f === '有限公司' ? 6 : 1));
      const candidate = `${shortCity}${brand}${word}${trade}${form}`;
      if (brand[0] === brand[1] || readsAsAnotherTrade(brand, word) || this.borrowsNamedBrand(brand + word) || this.used.has(candidate)) continue;
      this.used.add(candidate);
      return candidate;
    }
  }

  /** Reserve a real name so no synthetic firm takes it. */
  reserve(name: string): void {
    this.used.add(name);
  }

  /**
   * Reserve a named firm's name and its 字号 (the two characters after a leading 南京/江苏), so no
   * synthetic firm reads as kin of it and a search for 正大天晴 or 华信 finds only the named firm
   * (南京德正大数据 once matched 正大).
   */
  reserveNamedFirm(name: string): void {
    this.reserve(name);
    this.namedBrands.push(name.replace(/^(南京|江苏)/, '').slice(0, 2));
  }

  private borrowsNamedBrand(core: string): boolean {
    return this.namedBrands.some((b) => core.includes(b));
  }
}

/** True when some segment's name word shows up in the brand or across brand and word (合金, 新+材料). */
function readsAsAnotherTrade(brand: string, word: string): boolean {
  const core = brand + word;
  for (let at = 0; at < brand.length; at++) {
    if (nameWordsByFirstChar.get(core[at])?.some((w) => core.startsWith(w, at))) return true;
  }
  return false;
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉宇鹏飞林婷雪琳晨浩然博涵思远振宁峰晓东海燕清泉志诚嘉怡子轩慧'.split('');

export function personName(random: Random): string {
  const given = random.chance(0.7) ? random.pick(givenChars) + random.pick(givenChars) : random.pick(givenChars);
  return random.pick(surnames) + given;
}

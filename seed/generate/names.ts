import type { Random } from './random.ts';

/**
 * Synthetic Chinese names. Firm names follow the registered pattern
 * 城市 + 字号 + 行业用语 + 组织形式 (e.g. 苏州恒瑞微电子科技有限公司); all are generated and marked
 * synthetic, and a counter keeps them unique.
 */
const brandSyllables = [
  '恒', '瑞', '华', '博', '康', '泰', '鼎', '盛', '睿', '芯', '联', '创', '新', '源', '达', '信', '宏', '金', '科', '智',
  '航', '远', '嘉', '融', '晟', '翔', '亿', '力', '兴', '海', '德', '正', '安', '普', '天', '元', '中', '宇', '辰', '卓',
  '凯', 'beta', '云', '锐', '通', '微', '明', '益', '合', '晶', '研', '立', '邦', '峰', '讯', '捷', '昊', '坤', '禾', '阳',
].filter((s) => s !== 'beta');

const legalForms = ['有限公司', '股份有限公司', '有限责任公司'];

export interface FirmNameParts {
  city: string;
  /** Industry wording, e.g. 生物医药科技, 微电子. */
  industry: string;
}

export class FirmNamer {
  private used = new Set<string>();
  constructor(private readonly random: Random) {}

  name({ city, industry }: FirmNameParts): string {
    for (;;) {
      const brand = this.random.pick(brandSyllables) + this.random.pick(brandSyllables);
      const form = this.random.weighted(legalForms, (f) => (f === '有限公司' ? 6 : 1));
      const shortCity = city.replace(/市$/, '');
      const candidate = `${shortCity}${brand}${industry}${form}`;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }

  /** Reserve a real name so no synthetic firm takes it. */
  reserve(name: string): void {
    this.used.add(name);
  }
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉宇鹏飞林婷雪琳晨浩然博涵思远振宁峰晓东海燕清泉志诚嘉怡子轩慧'.split('');

export function personName(random: Random): string {
  const given = random.chance(0.7) ? random.pick(givenChars) + random.pick(givenChars) : random.pick(givenChars);
  return random.pick(surnames) + given;
}

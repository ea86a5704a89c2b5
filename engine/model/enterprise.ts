import { z } from 'zod';

/** Where a record came from: the source article, the seeded generator, or a user import. */
export const sourceSchema = z.enum(['article', 'synthetic', 'import']);

/**
 * Enterprise tiers (梯度培育) used as ranking signals and filters.
 * listed 上市 · little-giant 国家级专精特新“小巨人” · high-tech 高新技术企业 · unicorn 独角兽 ·
 * gazelle 瞪羚 · smart-factory 省级智能制造示范工厂 · tech-center 省级企业技术中心 · korean-funded 韩资企业
 */
export const enterpriseTagSchema = z.enum(['listed', 'little-giant', 'high-tech', 'unicorn', 'gazelle', 'smart-factory', 'tech-center', 'korean-funded']);
export type EnterpriseTag = z.infer<typeof enterpriseTagSchema>;

export const enterpriseTagLabels: Record<EnterpriseTag, string> = {
  listed: '上市',
  'little-giant': '专精特新小巨人',
  'high-tech': '高新技术企业',
  unicorn: '独角兽',
  gazelle: '瞪羚',
  'smart-factory': '省级智能制造示范工厂',
  'tech-center': '省级企业技术中心',
  'korean-funded': '韩资企业',
};

export const enterpriseSizeSchema = z.enum(['micro', 'small', 'medium', 'large']);
export type EnterpriseSize = z.infer<typeof enterpriseSizeSchema>;

export const enterpriseSizeLabels: Record<EnterpriseSize, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };
